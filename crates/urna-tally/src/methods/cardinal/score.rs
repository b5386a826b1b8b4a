//! Score (range) voting (Smith, "Range Voting", 2000; Electowiki "Score voting").
//!
//! Rules, as Urna applies them:
//! - Scores are whole numbers in the file's declared scale (`# scale:` in CSV, `"scale"` in
//!   JSON); without a declaration the scale is 0..=10. A score outside it is an error naming
//!   the ballot and the value.
//! - A candidate's total is the weighted sum of its scores, a blank counting 0. The `seats`
//!   highest totals win; a tie for the last seat is decided by the seeded lot.
//! - The mean is reported, not used to decide: sum ÷ weight of the ballots that scored the
//!   candidate (blanks abstain), 2 decimals, rounded half up.
//! - The histogram gives, per candidate, the weight of the ballots for each score and the
//!   blanks.

use crate::ballots::{ElectionInfo, ScoreScale, ScoredElection};
use crate::error::TallyError;
use crate::methods::cardinal::{ScoreDetails, check_scores, ratio, scale_width};
use crate::methods::select::{take_winners, tiers_by};
use crate::methods::{Context, Method};
use crate::report::{Decimal, Details, Report, Round};

/// The scale when the file declares none.
pub const DEFAULT_SCALE: ScoreScale = ScoreScale { min: 0, max: 10 };

pub fn count(e: &ScoredElection, ctx: &mut Context<'_>) -> Result<Report, TallyError> {
    let scale = e.scale.unwrap_or(DEFAULT_SCALE);
    let width = scale_width(scale, "scale", "values")?;
    let expected = if e.scale.is_some() {
        format!(
            "scores lie in the declared scale {}..{}",
            scale.min, scale.max
        )
    } else {
        format!(
            "without a declared scale scores lie in {}..{} (declare one: '# scale: 0-100')",
            scale.min, scale.max
        )
    };
    check_scores(e, |v| v >= scale.min && v <= scale.max, &expected)?;

    let n = e.info.candidates.len();
    let mut blanks = vec![0u64; n];
    let mut histogram = vec![vec![0u64; width]; n];
    for b in &e.ballots {
        for (c, v) in b.scores.iter().enumerate() {
            match *v {
                Some(v) => histogram[c][(v - scale.min) as usize] += b.weight,
                None => blanks[c] += b.weight,
            }
        }
    }
    report_from_histogram(&e.info, ctx, scale, histogram, blanks, e.total_weight())
}

/// The score result from each candidate's histogram (`histogram[c][v - min]`: the weight of
/// the ballots giving `c` the score `v`) and blanks, and the weight of every ballot. Shared
/// with the count from score totals ([`crate::totals`]).
pub(crate) fn report_from_histogram(
    info: &ElectionInfo,
    ctx: &mut Context<'_>,
    scale: ScoreScale,
    histogram: Vec<Vec<u64>>,
    blanks: Vec<u64>,
    total: u64,
) -> Result<Report, TallyError> {
    let n = info.candidates.len();
    let too_large = || TallyError::TooLarge("score totals overflow 128 bits".into());
    let mut sums = vec![0i128; n];
    let mut scored = vec![0u64; n];
    for (c, row) in histogram.iter().enumerate() {
        for (v, &weight) in (scale.min..).zip(row) {
            let add = (weight as i128)
                .checked_mul(v as i128)
                .ok_or_else(too_large)?;
            sums[c] = sums[c].checked_add(add).ok_or_else(too_large)?;
            scored[c] = scored[c].checked_add(weight).ok_or_else(too_large)?;
        }
    }
    let standing = info.standing();
    let tiers = tiers_by(&standing, |c| sums[c]);
    let seats = ctx.seats.min(standing.len());
    let (elected, tie_break) = take_winners(&tiers, seats, &mut ctx.lot);

    let mut report = Report::new(Method::Score, info, ctx.seats, total);
    report.rounds.push(Round {
        stage: 1,
        action: "Scores".into(),
        votes: (0..n)
            .map(|c| (!info.is_withdrawn(c)).then(|| Decimal::whole(sums[c])))
            .collect(),
        elected: elected.clone(),
        tie_break,
        ..Round::default()
    });
    let keep = |c: usize| !info.is_withdrawn(c);
    report.details = Details::Score(ScoreDetails {
        min: scale.min,
        max: scale.max,
        sums: (0..n).map(|c| keep(c).then_some(sums[c])).collect(),
        means: (0..n)
            .map(|c| {
                if keep(c) {
                    ratio(sums[c], scored[c] as i128, 2)
                } else {
                    None
                }
            })
            .collect(),
        scored,
        histogram,
        blanks,
    });
    report.vacant = ctx.seats - elected.len();
    report.elected = elected;
    report.ranking = Some(tiers);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methods::cardinal::test_util::{election, full, with_scale};

    #[test]
    fn highest_sum_wins_and_mean_ignores_blanks() {
        // Scale 0..=5.
        // Ann: 2×5 + 1×blank + 1×1 = 11, scored by weight 3 → mean 11/3 = 3.666… → 3.67.
        // Bob: 2×3 + 1×4 + 1×4 = 14, scored by 4 → mean 3.50.
        // Cy:  2×0 + 1×5 + 1×blank = 5, scored by 3 → mean 1.666… → 1.67.
        // Bob wins on the sum although Ann has the higher mean.
        let e = with_scale(
            election(
                &["Ann", "Bob", "Cy"],
                1,
                &[
                    (2, &[Some(5), Some(3), Some(0)]),
                    (1, &[None, Some(4), Some(5)]),
                    (1, &[Some(1), Some(4), None]),
                ],
            ),
            0,
            5,
        );
        let r = count(&e, &mut Context::with_seats(1, 1)).unwrap();
        assert_eq!(r.elected, vec![1]);
        assert_eq!(r.ranking, Some(vec![vec![1], vec![0], vec![2]]));
        let Details::Score(d) = &r.details else {
            panic!("score details")
        };
        assert_eq!(d.sums, vec![Some(11), Some(14), Some(5)]);
        let means: Vec<String> = d.means.iter().map(|m| m.unwrap().to_string()).collect();
        assert_eq!(means, vec!["3.67", "3.50", "1.67"]);
        // Ann's histogram over 0..=5: one ballot of 1, two of 5; one blank.
        assert_eq!(d.histogram[0], vec![0, 1, 0, 0, 0, 2]);
        assert_eq!(d.blanks, vec![1, 0, 1]);
    }

    #[test]
    fn default_scale_is_zero_to_ten() {
        let ok = full(&["A", "B"], 1, &[(1, &[10, 0])]);
        assert_eq!(
            count(&ok, &mut Context::with_seats(1, 1)).unwrap().elected,
            vec![0]
        );
        let bad = full(&["A", "B"], 1, &[(1, &[3, 0]), (1, &[11, 0])]);
        let err = count(&bad, &mut Context::with_seats(1, 1)).unwrap_err();
        assert!(
            matches!(err, TallyError::InvalidBallot { ballot: 2, .. }),
            "{err}"
        );
    }

    #[test]
    fn negative_scales_sum_exactly() {
        // Scale -2..=2. A: 3×(-2) + 1×2 = -4; B: 3×1 + 1×(-2) = 1. B wins.
        let e = with_scale(full(&["A", "B"], 1, &[(3, &[-2, 1]), (1, &[2, -2])]), -2, 2);
        let r = count(&e, &mut Context::with_seats(1, 1)).unwrap();
        assert_eq!(r.elected, vec![1]);
        let Details::Score(d) = &r.details else {
            panic!("score details")
        };
        assert_eq!(d.sums, vec![Some(-4), Some(1)]);
        // Mean of A: -4/4 = -1.00.
        assert_eq!(d.means[0].unwrap().to_string(), "-1.00");
    }
}
