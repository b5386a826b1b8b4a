//! Majority judgment (M. Balinski & R. Laraki, "Majority Judgment: Measuring, Ranking, and
//! Electing", MIT Press, 2011; "A theory of measuring, electing, and ranking", PNAS 104(21),
//! 2007).
//!
//! Rules, as Urna applies them:
//! - Grades are whole numbers, higher better, in the file's declared scale (default 0..=5, the
//!   six grades of Balinski & Laraki's ballots, "To Reject" = 0 … "Excellent" = 5). A grade
//!   outside it is an error naming the ballot and the value.
//! - A blank counts as the lowest grade of the scale (Urna's rule, following Balinski &
//!   Laraki, for whom a candidate left ungraded is rejected by that voter). So every ballot
//!   grades every candidate, and every candidate has the same number N of grades (the total
//!   weight; a ballot of weight w is w identical voters).
//! - A candidate's majority grade is the lower median: with its N grades sorted ascending
//!   a₁ ≤ … ≤ a_N, the grade a_p with p = ⌊(N+1)/2⌋.
//! - Candidates are ranked by their majority values (the "majority gauge" order of Balinski &
//!   Laraki, ch. 13): the majority grade; if equal, remove one instance of it from each tied
//!   candidate's grades and compare the new majority grades; repeat. Removing the lower median
//!   repeatedly visits the sorted positions p, p−1, p+1, p−2, p+2, … when N is odd and
//!   p, p+1, p−1, p+2, p−2, … when N is even, so two candidates are compared at the first
//!   position of that sequence where their grades differ. The comparison works on the grade
//!   counts (exact integers, no per-voter loop), so it costs O(grades) per pair.
//! - Candidates whose grades are identical stay tied; the seeded lot orders them where a seat
//!   depends on it. With several seats, the top of the ranking is elected.
//! - Report: one round with each candidate's majority grade; details with the grade counts.

use std::cmp::Ordering;

use crate::ballots::{ElectionInfo, ScoreScale, ScoredElection};
use crate::error::TallyError;
use crate::methods::cardinal::{MjDetails, check_scores, coarse_tie, scale_width, tiers_by_cmp};
use crate::methods::select::take_winners;
use crate::methods::{Context, Method};
use crate::report::{Decimal, Details, Report, Round};

/// The grades when the file declares no scale.
pub const DEFAULT_SCALE: ScoreScale = ScoreScale { min: 0, max: 5 };

pub fn count(e: &ScoredElection, ctx: &mut Context<'_>) -> Result<Report, TallyError> {
    let scale = e.scale.unwrap_or(DEFAULT_SCALE);
    let width = scale_width(scale, "grade scale", "grades")?;
    check_scores(
        e,
        |v| v >= scale.min && v <= scale.max,
        &format!(
            "grades lie in {}..{}{}",
            scale.min,
            scale.max,
            if e.scale.is_some() {
                ""
            } else {
                " (declare another scale in the file)"
            }
        ),
    )?;
    let n = e.info.candidates.len();
    let mut counts = vec![vec![0u64; width]; n];
    for b in &e.ballots {
        for (c, v) in b.scores.iter().enumerate() {
            let g = v.unwrap_or(scale.min);
            counts[c][(g - scale.min) as usize] += b.weight;
        }
    }
    Ok(report_from_grades(
        &e.info,
        ctx,
        scale,
        &counts,
        e.total_weight(),
    ))
}

/// The majority-judgment result from each candidate's grade counts (`counts[c][g - min]`,
/// blanks already at the lowest grade) and the weight of every ballot (each candidate's
/// counts add up to it). Shared with the count from score totals ([`crate::totals`]).
pub(crate) fn report_from_grades(
    info: &ElectionInfo,
    ctx: &mut Context<'_>,
    scale: ScoreScale,
    counts: &[Vec<u64>],
    total: u64,
) -> Report {
    let n = info.candidates.len();
    let standing = info.standing();
    let majority: Vec<Option<usize>> = (0..n)
        .map(|c| {
            (!info.is_withdrawn(c))
                .then(|| majority_grade(&counts[c], total))
                .flatten()
        })
        .collect();
    let ranking = tiers_by_cmp(&standing, |a, b| compare(&counts[a], &counts[b], total));
    let seats = ctx.seats.min(standing.len());
    let (elected, lot_tie) = take_winners(&ranking, seats, &mut ctx.lot);
    let tie_break = coarse_tie(&standing, &elected, |c| majority[c], lot_tie);

    let grade = |g: usize| scale.min + g as i64;
    let mut report = Report::new(Method::Mj, info, ctx.seats, total);
    report.rounds.push(Round {
        stage: 1,
        action: "Majority grades (ties: majority gauge)".into(),
        votes: (0..n)
            .map(|c| majority[c].map(|g| Decimal::whole(grade(g) as i128)))
            .collect(),
        elected: elected.clone(),
        tie_break,
        ..Round::default()
    });
    report.details = Details::MajorityJudgment(MjDetails {
        min_grade: scale.min,
        max_grade: scale.max,
        majority_grade: majority.iter().map(|g| g.map(grade)).collect(),
        counts: (0..n)
            .map(|c| {
                if info.is_withdrawn(c) {
                    Vec::new()
                } else {
                    counts[c].clone()
                }
            })
            .collect(),
    });
    report.vacant = ctx.seats - elected.len();
    report.elected = elected;
    report.ranking = Some(ranking);
    report
}

/// The grade (index) at ascending position `i` (1-based) of a multiset given by counts.
fn value_at(counts: &[u64], i: u64) -> usize {
    let mut cum = 0u64;
    for (g, &k) in counts.iter().enumerate() {
        cum += k;
        if cum >= i {
            return g;
        }
    }
    counts.len().saturating_sub(1)
}

/// The lower median, or `None` without grades.
pub(crate) fn majority_grade(counts: &[u64], n: u64) -> Option<usize> {
    (n > 0).then(|| value_at(counts, n.div_ceil(2)))
}

/// Majority-gauge comparison of two candidates with `n` grades each (`Greater`: `a` ranks
/// higher). See the module doc for the order of positions.
pub(crate) fn compare(a: &[u64], b: &[u64], n: u64) -> Ordering {
    if n == 0 {
        return Ordering::Equal;
    }
    let p = n.div_ceil(2);
    let (va, vb) = (value_at(a, p), value_at(b, p));
    if va != vb {
        return va.cmp(&vb);
    }
    // Positions where either value may change: the cumulative counts. Between two consecutive
    // breakpoints (lo, hi] both values are constant.
    let mut bps: Vec<u64> = vec![0, n];
    for counts in [a, b] {
        let mut cum = 0;
        for &k in counts {
            cum += k;
            bps.push(cum.min(n));
        }
    }
    bps.sort_unstable();
    bps.dedup();
    let differs = |i: u64| value_at(a, i) != value_at(b, i);
    // Nearest differing position below p (distance t_low) and above p (t_up).
    let mut t_low = None;
    for w in bps.windows(2).rev() {
        let (lo, hi) = (w[0], w[1]);
        if lo + 1 > p.saturating_sub(1) || p <= 1 {
            continue;
        }
        let i = hi.min(p - 1);
        if i > lo && differs(i) {
            t_low = Some(p - i);
            break;
        }
    }
    let mut t_up = None;
    for w in bps.windows(2) {
        let (lo, hi) = (w[0], w[1]);
        let i = (lo + 1).max(p + 1);
        if i > hi || i > n {
            continue;
        }
        if differs(i) {
            t_up = Some(i - p);
            break;
        }
    }
    // Step of each in the removal sequence: odd N visits below first, even N above first.
    let step = |t: u64, below: bool| {
        if (n % 2 == 1) == below {
            2 * t - 1
        } else {
            2 * t
        }
    };
    let pos = match (t_low, t_up) {
        (None, None) => return Ordering::Equal,
        (Some(t), None) => p - t,
        (None, Some(t)) => p + t,
        (Some(l), Some(u)) => {
            if step(l, true) < step(u, false) {
                p - l
            } else {
                p + u
            }
        }
    };
    value_at(a, pos).cmp(&value_at(b, pos))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methods::cardinal::test_util::{full, with_scale};
    use crate::report::TieRule;
    use proptest::prelude::*;

    /// Balinski & Laraki's definition, literally: sort, take the lower median, remove it,
    /// repeat; compare the sequences lexicographically.
    fn brute(a: &[u64], b: &[u64]) -> Ordering {
        let expand = |c: &[u64]| -> Vec<usize> {
            c.iter()
                .enumerate()
                .flat_map(|(g, &k)| std::iter::repeat_n(g, k as usize))
                .collect()
        };
        let (mut x, mut y) = (expand(a), expand(b));
        while !x.is_empty() {
            let i = x.len().div_ceil(2) - 1;
            let (gx, gy) = (x.remove(i), y.remove(i));
            if gx != gy {
                return gx.cmp(&gy);
            }
        }
        Ordering::Equal
    }

    proptest! {
        #[test]
        fn gauge_comparison_matches_the_definition(
            a in proptest::collection::vec(0u64..5, 4),
            b0 in proptest::collection::vec(0u64..5, 3),
        ) {
            // Same total for both: b's last count makes up the difference (if it can).
            let n: u64 = a.iter().sum();
            let s: u64 = b0.iter().sum();
            prop_assume!(s <= n);
            let mut b = b0.clone();
            b.push(n - s);
            prop_assert_eq!(compare(&a, &b, n), brute(&a, &b));
            prop_assert_eq!(compare(&b, &a, n), brute(&b, &a));
        }
    }

    #[test]
    fn tennessee_example() {
        // Electowiki "Majority Judgment" (revision 1348, "updated following Wikipedia"): the
        // Tennessee capital example, each group grading its 1st to 4th choice Excellent (3),
        // Good (2), Fair (1), Poor (0):
        //   42% Memphis voters:     Memphis 3, Nashville 2, Chattanooga 1, Knoxville 0
        //   26% Nashville voters:   Nashville 3, Chattanooga 2, Knoxville 1, Memphis 0
        //   15% Chattanooga voters: Chattanooga 3, Knoxville 2, Nashville 1, Memphis 0
        //   17% Knoxville voters:   Knoxville 3, Chattanooga 2, Nashville 1, Memphis 0
        // Published grade shares: Nashville 26% Excellent, 42% Good, 32% Fair; Chattanooga 15%
        // Excellent, 43% Good, 42% Fair; majority grades Nashville Good, Chattanooga Good,
        // Knoxville Fair (17+15 = 32% Good or better, 58% Fair or better), Memphis Poor
        // (42% Excellent, 58% Poor). Nashville wins the tie on "Good".
        // By hand, N = 100 (even), p = 50; the removal sequence visits 50, 51, 49, 52, 48, …
        // Nashville ascending: Fair 1–32, Good 33–74, Excellent 75–100.
        // Chattanooga ascending: Fair 1–42, Good 43–85, Excellent 86–100.
        // Below p they first differ at 42 (Nashville Good, Chattanooga Fair; t = 8, step 16);
        // above p at 75 (t = 25, step 49). So position 42 decides: Nashville.
        let e = with_scale(
            full(
                &["Memphis", "Nashville", "Chattanooga", "Knoxville"],
                1,
                &[
                    (42, &[3, 2, 1, 0]),
                    (26, &[0, 3, 2, 1]),
                    (15, &[0, 1, 3, 2]),
                    (17, &[0, 1, 2, 3]),
                ],
            ),
            0,
            3,
        );
        let r = count(&e, &mut Context::with_seats(1, 1)).unwrap();
        assert_eq!(r.elected, vec![1]);
        assert_eq!(r.ranking, Some(vec![vec![1], vec![2], vec![3], vec![0]]));
        let Details::MajorityJudgment(d) = &r.details else {
            panic!("mj details")
        };
        assert_eq!(d.majority_grade, vec![Some(0), Some(2), Some(2), Some(1)]);
        assert_eq!(d.counts[1], vec![0, 32, 42, 26]);
        assert_eq!(d.counts[2], vec![0, 42, 43, 15]);
        let t = r.rounds[0].tie_break.as_ref().unwrap();
        assert_eq!(t.tied, vec![1, 2]);
        assert_eq!(t.rules, vec![TieRule::MethodRule]);
        assert_eq!(r.seed, None);
    }

    #[test]
    fn blanks_are_the_lowest_grade_and_median_is_the_lower_one() {
        // 4 voters, grades 0..=5. A: 5, 5, blank, blank → ascending 0, 0, 5, 5; lower median
        // (position 2) = 0. B: 1, 1, 1, 1 → 1. B wins although A has the higher sum.
        let e = crate::methods::cardinal::test_util::election(
            &["A", "B"],
            1,
            &[(2, &[Some(5), Some(1)]), (2, &[None, Some(1)])],
        );
        let r = count(&e, &mut Context::with_seats(1, 1)).unwrap();
        assert_eq!(r.elected, vec![1]);
        let Details::MajorityJudgment(d) = &r.details else {
            panic!("mj details")
        };
        assert_eq!(d.majority_grade, vec![Some(0), Some(1)]);
        assert_eq!(d.counts[0], vec![2, 0, 0, 0, 0, 2]);
    }

    #[test]
    fn identical_profiles_go_to_the_lot_and_seats_take_the_top() {
        // A and B have the same grades (3, 2, 1); C has (2, 2, 2).
        // N = 3, p = 2: A, B, C all have majority grade 2. Sequence 2, 1, 3:
        // position 1: A 1, C 2 → C above A and B. So C first, then A = B (lot for seat 2).
        let e = full(
            &["A", "B", "C"],
            2,
            &[(1, &[3, 1, 2]), (1, &[2, 3, 2]), (1, &[1, 2, 2])],
        );
        let r = count(&e, &mut Context::with_seats(2, 5)).unwrap();
        assert_eq!(r.ranking, Some(vec![vec![2], vec![0, 1]]));
        assert_eq!(r.elected[0], 2);
        assert!(r.elected[1] < 2);
        let t = r.rounds[0].tie_break.as_ref().unwrap();
        assert_eq!(t.tied, vec![0, 1, 2]);
        assert_eq!(t.rules, vec![TieRule::MethodRule, TieRule::Lot]);
        assert!(
            r.seed.is_none(),
            "the seed is set by methods::count, not here"
        );
    }
}
