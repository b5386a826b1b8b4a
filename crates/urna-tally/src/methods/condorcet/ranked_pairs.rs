//! Ranked pairs (Tideman), winning votes.
//!
//! Sources: T. N. Tideman, "Independence of clones as a criterion for voting rules", Social
//! Choice and Welfare 4:185–206 (1987); T. M. Zavist and T. N. Tideman, "Complete independence
//! of clones in the ranked pairs rule", Social Choice and Welfare 6:167–173 (1989) for the
//! tie-breaking ranking of candidates (TBRC).
//!
//! 1. The pairwise matrix `d` (see [`super`]).
//! 2. Every pair `(a, b)` with `d[a][b] > d[b][a]` is a defeat of `b` by `a`. Defeats are sorted
//!    strongest first in winning votes: more votes for the winner `d[a][b]` first, then fewer
//!    votes against `d[b][a]`. Pairwise ties are not pairs to lock.
//! 3. Defeats are taken in that order; each is *locked* unless it would make a cycle with the
//!    defeats already locked (checked with a transitive-closure bit matrix, no recursion).
//! 4. Equally strong defeats: their order matters only when locking all those of them that can
//!    be locked on their own would make a cycle. Only then is a TBRC drawn (once per count,
//!    lazily, so the seed shows in the report only when it mattered), following Zavist and
//!    Tideman: a ballot drawn by the seeded lot, in proportion to its weight (from the distinct
//!    rankings cast, in a canonical order, so file order does not matter), ranks the
//!    candidates; candidates it leaves equal (equal ranks, or both unranked) are ordered by a
//!    further ballot drawn from those not yet drawn, and so on; candidates still equal when no
//!    ballot is left are ordered by the lot. The tied defeats are then ordered by the TBRC: the
//!    defeat whose winner ranks higher in the TBRC first; with the same winner, the one whose
//!    loser ranks lower first. Each such tie is recorded as a round with its tie-break
//!    (`TieRule::Lot`; `chosen` is the winner of the defeat put first).
//! 5. The ranking is the order of the locked graph: first the candidates no locked defeat
//!    points to, then those among the rest, and so on (tiers; candidates in one tier are left
//!    unordered by the locked defeats, which happens only with pairwise ties).
//! 6. Winners: the `seats` first candidates of the ranking; a tier straddling the last seat is
//!    decided by the seeded lot.

use crate::ballots::{CandidateId, RankedElection};
use crate::error::TallyError;
use crate::methods::condorcet::{CondorcetDetails, Pairwise, Strength, finish, layers, pairwise};
use crate::methods::{Context, Method};
use crate::report::{Report, Round, TieBreak, TieRule};
use crate::tie::Lot;

/// Reachability among `m` candidates: `row(x)` has bit `y` when a path of locked defeats leads
/// from `x` to `y`.
#[derive(Debug, Clone)]
struct Reach {
    words: usize,
    bits: Vec<u64>,
}

impl Reach {
    fn new(m: usize) -> Reach {
        let words = m.div_ceil(64).max(1);
        Reach {
            words,
            bits: vec![0; m * words],
        }
    }

    fn has(&self, x: usize, y: usize) -> bool {
        self.bits[x * self.words + y / 64] >> (y % 64) & 1 == 1
    }

    /// Locks `a → b` (the caller checked `!has(b, a)`): everything that reaches `a`, and `a`,
    /// now reaches `b` and all that `b` reaches.
    fn add(&mut self, a: usize, b: usize) {
        let w = self.words;
        let mut from_b = self.bits[b * w..(b + 1) * w].to_vec();
        from_b[b / 64] |= 1 << (b % 64);
        let m = self.bits.len() / w;
        for x in 0..m {
            if x == a || self.has(x, a) {
                for (cell, &f) in self.bits[x * w..(x + 1) * w].iter_mut().zip(&from_b) {
                    *cell |= f;
                }
            }
        }
    }
}

/// The weights of the ballots not yet drawn, as a Fenwick tree for weighted draws.
struct Urn {
    tree: Vec<u64>,
    total: u64,
}

impl Urn {
    fn new(weights: &[u64]) -> Urn {
        let n = weights.len();
        let mut tree = vec![0u64; n + 1];
        for (i, &w) in weights.iter().enumerate() {
            let mut j = i + 1;
            while j <= n {
                tree[j] += w;
                j += j & j.wrapping_neg();
            }
        }
        Urn {
            tree,
            total: weights.iter().sum(),
        }
    }

    /// The ballot holding the `r`-th unit of weight (`r < total`).
    fn find(&self, mut r: u64) -> usize {
        let n = self.tree.len() - 1;
        let mut pos = 0;
        let mut step = n.next_power_of_two();
        while step > 0 {
            if pos + step <= n && self.tree[pos + step] <= r {
                pos += step;
                r -= self.tree[pos];
            }
            step /= 2;
        }
        pos
    }

    fn remove(&mut self, i: usize, w: u64) {
        let n = self.tree.len() - 1;
        let mut j = i + 1;
        while j <= n {
            self.tree[j] -= w;
            j += j & j.wrapping_neg();
        }
        self.total -= w;
    }
}

/// Draws a tie-breaking ranking of `standing` (Zavist–Tideman; see the module documentation).
fn draw_tbrc(
    e: &RankedElection,
    standing: &[CandidateId],
    lot: &mut Lot,
) -> Result<Vec<CandidateId>, TallyError> {
    let n = e.info.candidates.len();
    let is_standing: Vec<bool> = (0..n).map(|c| !e.info.is_withdrawn(c)).collect();
    // The distinct rankings of standing candidates (as groups of equal ranks), sorted, each
    // with the total weight of the ballots that cast it; ballots that rank no standing
    // candidate order no one and are left out. So the draw depends on the ballots cast, not on
    // their order in the file or on how identical ballots are grouped into lines.
    let mut cast: Vec<(Vec<Vec<u16>>, u64)> = e
        .ballots
        .iter()
        .map(|b| {
            let groups: Vec<Vec<u16>> = b
                .groups()
                .map(|g| {
                    let mut g: Vec<u16> = g
                        .iter()
                        .copied()
                        .filter(|&c| (c as usize) < n && is_standing[c as usize])
                        .collect();
                    g.sort_unstable();
                    g
                })
                .filter(|g| !g.is_empty())
                .collect();
            (groups, b.weight)
        })
        .filter(|(g, _)| !g.is_empty())
        .collect();
    cast.sort();
    let mut rankings: Vec<Vec<Vec<u16>>> = Vec::new();
    let mut weights: Vec<u64> = Vec::new();
    for (groups, w) in cast {
        match (rankings.last(), weights.last_mut()) {
            (Some(last), Some(total)) if *last == groups => *total += w,
            _ => {
                rankings.push(groups);
                weights.push(w);
            }
        }
    }
    let mut urn = Urn::new(&weights);
    let mut tiers: Vec<Vec<CandidateId>> = vec![standing.to_vec()];
    let mut level = vec![usize::MAX; n];
    while urn.total > 0 && tiers.iter().any(|t| t.len() > 1) {
        let total = usize::try_from(urn.total).map_err(|_| {
            TallyError::TooLarge("ballot weights too large for a weighted draw".into())
        })?;
        let k = urn.find(lot.below(total) as u64);
        urn.remove(k, weights[k]);
        level.fill(usize::MAX);
        for (g, group) in rankings[k].iter().enumerate() {
            for &c in group {
                level[c as usize] = g;
            }
        }
        let mut refined = Vec::with_capacity(tiers.len());
        for mut tier in tiers {
            tier.sort_by_key(|&c| level[c]);
            let mut start = 0;
            while start < tier.len() {
                let end = start
                    + tier[start..]
                        .iter()
                        .take_while(|&&c| level[c] == level[tier[start]])
                        .count();
                refined.push(tier[start..end].to_vec());
                start = end;
            }
        }
        tiers = refined;
    }
    let mut order = Vec::with_capacity(standing.len());
    for mut tier in tiers {
        while !tier.is_empty() {
            order.push(tier.remove(lot.below(tier.len())));
        }
    }
    Ok(order)
}

/// Whether the order of the equally strong defeats `group` (positions in `standing`) can change
/// what is locked: true when the defeats that could each be locked alone make a cycle together.
fn order_matters(group: &[(usize, usize)], reach: &Reach) -> bool {
    if group.len() < 2 {
        return false;
    }
    let mut trial = reach.clone();
    for &(a, b) in group {
        if reach.has(b, a) {
            continue;
        }
        if trial.has(b, a) {
            return true;
        }
        trial.add(a, b);
    }
    false
}

/// The outcome of ranked pairs on a pairwise matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub ranking: Vec<Vec<CandidateId>>,
    pub locked: Vec<(CandidateId, CandidateId)>,
    pub tbrc: Option<Vec<CandidateId>>,
    /// Ties of equally strong defeats whose order mattered, with the defeats in the order used.
    pub ties: Vec<(Strength, Vec<(CandidateId, CandidateId)>)>,
}

/// Ranked pairs on `pw` among `standing`; `draw` is called at most once, when a TBRC is needed.
pub fn rank(
    pw: &Pairwise,
    standing: &[CandidateId],
    mut draw: impl FnMut() -> Result<Vec<CandidateId>, TallyError>,
) -> Result<Outcome, TallyError> {
    let m = standing.len();
    let mut defeats: Vec<(usize, usize, Strength)> = Vec::new();
    for i in 0..m {
        for j in 0..m {
            if let Some(s) = Strength::of(pw, standing[i], standing[j]) {
                defeats.push((i, j, s));
            }
        }
    }
    defeats.sort_by_key(|&(_, _, s)| std::cmp::Reverse(s.key()));
    let mut reach = Reach::new(m);
    let mut locked = Vec::new();
    let mut tbrc_pos: Option<Vec<usize>> = None;
    let mut tbrc = None;
    let mut ties = Vec::new();
    let mut start = 0;
    while start < defeats.len() {
        let s = defeats[start].2;
        let end = start + defeats[start..].iter().take_while(|d| d.2 == s).count();
        let mut group: Vec<(usize, usize)> = defeats[start..end]
            .iter()
            .map(|&(a, b, _)| (a, b))
            .collect();
        if order_matters(&group, &reach) {
            if tbrc_pos.is_none() {
                let order = draw()?;
                let mut pos = vec![usize::MAX; m];
                for (rank, &c) in order.iter().enumerate() {
                    if let Some(i) = standing.iter().position(|&x| x == c) {
                        pos[i] = rank;
                    }
                }
                tbrc = Some(order);
                tbrc_pos = Some(pos);
            }
            let pos = tbrc_pos.as_ref().expect("the TBRC was drawn just above");
            group.sort_by_key(|&(a, b)| (pos[a], std::cmp::Reverse(pos[b])));
            ties.push((
                s,
                group
                    .iter()
                    .map(|&(a, b)| (standing[a], standing[b]))
                    .collect(),
            ));
        }
        for (a, b) in group {
            if !reach.has(b, a) {
                reach.add(a, b);
                locked.push((standing[a], standing[b]));
            }
        }
        start = end;
    }
    let mut pos = vec![usize::MAX; pw.len()];
    for (i, &c) in standing.iter().enumerate() {
        pos[c] = i;
    }
    let ranking = layers(standing, |a, b| reach.has(pos[a], pos[b]));
    Ok(Outcome {
        ranking,
        locked,
        tbrc,
        ties,
    })
}

pub fn count(e: &RankedElection, ctx: &mut Context<'_>) -> Result<Report, TallyError> {
    let pw = pairwise(e, ctx)?;
    let standing = e.info.standing();
    let outcome = {
        let lot = &mut ctx.lot;
        rank(&pw, &standing, || draw_tbrc(e, &standing, lot))?
    };
    let names = &e.info.candidates;
    let mut rounds = Vec::new();
    for (s, pairs) in &outcome.ties {
        let tbrc = outcome
            .tbrc
            .as_ref()
            .expect("a tie whose order mattered drew the TBRC");
        let mut tied: Vec<CandidateId> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
        tied.sort_unstable();
        tied.dedup();
        let order: Vec<String> = pairs
            .iter()
            .map(|&(a, b)| format!("{} over {}", names[a], names[b]))
            .collect();
        let tbrc_names: Vec<&str> = tbrc.iter().map(|&c| names[c].as_str()).collect();
        rounds.push(Round {
            stage: rounds.len() + 1,
            action: format!(
                "Equally strong defeats ({} to {}) ordered by the tie-breaking ranking {}: {}",
                s.support,
                s.opposition,
                tbrc_names.join(" > "),
                order.join(", ")
            ),
            tie_break: Some(TieBreak {
                tied,
                rules: vec![TieRule::Lot],
                chosen: pairs[0].0,
            }),
            ..Round::default()
        });
    }
    let mut details = CondorcetDetails::new(pw, standing);
    details.locked_pairs = Some(outcome.locked);
    details.tie_breaking_ranking = outcome.tbrc;
    Ok(finish(
        Method::RankedPairs,
        e,
        ctx,
        "Pairwise comparisons; locked pairs (ranked pairs, winning votes)",
        outcome.ranking,
        details,
        rounds,
    ))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::methods::condorcet::tests::election;

    /// Wikipedia, "Ranked pairs", section "Example" (the Tennessee capital election): 42 %
    /// Memphis > Nashville > Chattanooga > Knoxville; 26 % Nashville > Chattanooga > Knoxville >
    /// Memphis; 15 % Chattanooga > Knoxville > Nashville > Memphis; 17 % Knoxville >
    /// Chattanooga > Nashville > Memphis. Published: the pairs Chattanooga > Knoxville (83 %),
    /// Nashville > Knoxville and Nashville > Chattanooga (68 %), then the three 58 % defeats of
    /// Memphis, all locked; ranking Nashville > Chattanooga > Knoxville > Memphis.
    pub(crate) fn tennessee() -> RankedElection {
        let (m, n, c, k) = (0, 1, 2, 3);
        let r = |v: &[usize]| v.iter().map(|&x| vec![x]).collect::<Vec<_>>();
        election(
            &["Memphis", "Nashville", "Chattanooga", "Knoxville"],
            &[
                (42, r(&[m, n, c, k])),
                (26, r(&[n, c, k, m])),
                (15, r(&[c, k, n, m])),
                (17, r(&[k, c, n, m])),
            ],
        )
    }

    #[test]
    fn tennessee_example() {
        let e = tennessee();
        let mut ctx = Context::with_seats(1, 5);
        let r = count(&e, &mut ctx).expect("counts");
        assert_eq!(r.elected, vec![1]);
        assert_eq!(r.ranking, Some(vec![vec![1], vec![2], vec![3], vec![0]]));
        let crate::report::Details::Condorcet(d) = &r.details else {
            panic!("Condorcet details")
        };
        let locked = d.locked_pairs.as_ref().expect("locked pairs");
        assert_eq!(locked.len(), 6, "no pair makes a cycle");
        assert_eq!(locked[0], (2, 3));
        assert_eq!(d.pairwise.get(2, 3), 83);
        assert_eq!(d.pairwise.get(1, 2), 68);
        assert_eq!(d.pairwise.get(1, 3), 68);
        assert_eq!(d.pairwise.get(1, 0), 58);
        // Equal strengths here never decide anything: no lot.
        assert_eq!(ctx.lot.used_seed(), None);
        assert_eq!(d.tie_breaking_ranking, None);
        assert_eq!(d.condorcet_winner, Some(1));
        assert_eq!(d.condorcet_loser, Some(0));
    }

    #[test]
    fn cycle_skips_the_weakest_defeat() {
        // Hand count: 4 × A > B > C, 3 × B > C > A, 2 × C > A > B (9 voters).
        // d[A][B] = 4 + 2 = 6, d[B][C] = 4 + 3 = 7, d[C][A] = 3 + 2 = 5.
        // Lock B > C (7), then A > B (6); C > A (5) would close a cycle: skipped.
        // Ranking A > B > C.
        let r = |v: &[usize]| v.iter().map(|&x| vec![x]).collect::<Vec<_>>();
        let e = election(
            &["A", "B", "C"],
            &[(4, r(&[0, 1, 2])), (3, r(&[1, 2, 0])), (2, r(&[2, 0, 1]))],
        );
        let pw = Pairwise::count(&e, |_, _| {}).expect("small");
        let o = rank(&pw, &[0, 1, 2], || panic!("no tie to break")).expect("ranks");
        assert_eq!(o.locked, vec![(1, 2), (0, 1)]);
        assert_eq!(o.ranking, vec![vec![0], vec![1], vec![2]]);
    }

    #[test]
    fn equally_strong_cycle_is_ordered_by_the_tbrc() {
        // A → B, B → C, C → A all 2–1 (a perfect cycle of three voters):
        // 1 × A > B > C, 1 × B > C > A, 1 × C > A > B.
        // Order matters; with TBRC B > C > A (given here), the defeats are ordered by the
        // TBRC position of the winner: B→C, C→A, A→B. B→C and C→A lock; A→B would close the
        // cycle. Ranking B > C > A.
        let pw = Pairwise::from_rows(&[vec![0, 2, 1], vec![1, 0, 2], vec![2, 1, 0]]);
        let mut drawn = 0;
        let o = rank(&pw, &[0, 1, 2], || {
            drawn += 1;
            Ok(vec![1, 2, 0])
        })
        .expect("ranks");
        assert_eq!(drawn, 1);
        assert_eq!(o.locked, vec![(1, 2), (2, 0)]);
        assert_eq!(o.ranking, vec![vec![1], vec![2], vec![0]]);
        assert_eq!(o.ties.len(), 1);
    }

    #[test]
    fn same_winner_puts_the_loser_lower_in_the_tbrc_first() {
        // Six equally strong defeats (3–0): the cycle A→B, B→C, C→A and D→A, D→B, D→C.
        // The cycle makes the order matter. TBRC D > A > B > C orders them by the winner's
        // TBRC position, and for the same winner D by the loser lowest in the TBRC first:
        // D→C, D→B, D→A, A→B, B→C, C→A. All lock but C→A, which would close the cycle.
        let pw = Pairwise::from_rows(&[
            vec![0, 3, 0, 0],
            vec![0, 0, 3, 0],
            vec![3, 0, 0, 0],
            vec![3, 3, 3, 0],
        ]);
        let o = rank(&pw, &[0, 1, 2, 3], || Ok(vec![3, 0, 1, 2])).expect("ranks");
        let (d, a, b, c) = (3, 0, 1, 2);
        assert_eq!(o.ties.len(), 1);
        assert_eq!(
            o.ties[0].1,
            vec![(d, c), (d, b), (d, a), (a, b), (b, c), (c, a)]
        );
        assert_eq!(o.locked, vec![(d, c), (d, b), (d, a), (a, b), (b, c)]);
        assert_eq!(o.ranking, vec![vec![d], vec![a], vec![b], vec![c]]);
    }

    #[test]
    fn equal_defeats_that_cannot_conflict_draw_no_lot() {
        // A beats B and C equally (2–1), B–C tied: equal strength, but no cycle is possible.
        let pw = Pairwise::from_rows(&[vec![0, 2, 2], vec![1, 0, 1], vec![1, 1, 0]]);
        let o = rank(&pw, &[0, 1, 2], || panic!("no TBRC needed")).expect("ranks");
        assert!(o.ties.is_empty());
        assert_eq!(o.ranking, vec![vec![0], vec![1, 2]]);
    }

    #[test]
    fn tbrc_follows_a_drawn_ballot() {
        // One ballot only (weight 3): C > A, B unranked. Any draw picks it: TBRC C > A, then
        // B alone. Nothing is left to the lot among candidates.
        let e = election(&["A", "B", "C"], &[(3, vec![vec![2], vec![0]])]);
        let mut lot = Lot::new(1);
        let t = draw_tbrc(&e, &[0, 1, 2], &mut lot).expect("draws");
        assert_eq!(t, vec![2, 0, 1]);
    }

    #[test]
    fn urn_finds_weighted_ballots() {
        let mut u = Urn::new(&[2, 0, 3, 1]);
        assert_eq!(u.total, 6);
        let found: Vec<usize> = (0..6).map(|r| u.find(r)).collect();
        assert_eq!(found, vec![0, 0, 2, 2, 2, 3]);
        u.remove(2, 3);
        let found: Vec<usize> = (0..3).map(|r| u.find(r)).collect();
        assert_eq!(found, vec![0, 0, 3]);
    }
}
