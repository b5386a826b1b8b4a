//! Support/oppose/neutral, as in the English Wikipedia Arbitration Committee elections
//! (Wikipedia:Arbitration Committee Elections December 2016, "Electoral Commission" and
//! "Voting" sections: each voter may support, oppose or stay neutral on each candidate;
//! candidates are ranked by the percentage S/(S+O), neutral votes excluded; a candidate needs
//! at least 50% to be seated, and seats no candidate fills stay vacant).
//!
//! Rules, as Urna applies them:
//! - A score of +1 supports, -1 opposes, 0 or blank is neutral. Any other value is an error
//!   naming the ballot and the value. Ballots are weighted; withdrawn candidates are skipped.
//! - Share = S/(S+O). Shares are compared as exact fractions (cross-multiplication in 128-bit
//!   integers); percentages in the report are rounded half up to 2 decimals for display only.
//! - A candidate is eligible when S+O > 0 and S/(S+O) ≥ the minimum share (`--min-share`,
//!   percent, default 50), compared exactly: S × 100 × 10^d ≥ m × (S+O) for a minimum of
//!   m × 10^-d percent. A candidate with S+O = 0 has no share and is not elected.
//! - Elected: the eligible candidates with the highest shares, up to `seats`; seats that too
//!   few candidates fill stay vacant (`report.vacant`).
//! - Equal shares: more supports ranks higher (Urna's rule: the ArbCom texts give none; more
//!   supports means the same share from a larger body of voters), then the seeded lot.
//! - Ranking: everyone with a share by (share, supports), then those without a share.

use std::cmp::Ordering;

use crate::ballots::{ElectionInfo, ScoredElection};
use crate::error::TallyError;
use crate::methods::cardinal::{SonDetails, check_scores, coarse_tie, ratio, tiers_by_cmp};
use crate::methods::select::take_winners;
use crate::methods::{Context, Method};
use crate::report::{Decimal, Details, Report, Round};

pub fn count(e: &ScoredElection, ctx: &mut Context<'_>) -> Result<Report, TallyError> {
    check_scores(
        e,
        |v| (-1..=1).contains(&v),
        "support/oppose ballots hold 1 (support), -1 (oppose), 0 or blank (neutral)",
    )?;
    let n = e.info.candidates.len();
    let (mut sup, mut opp, mut neu) = (vec![0u64; n], vec![0u64; n], vec![0u64; n]);
    for b in &e.ballots {
        for (c, v) in b.scores.iter().enumerate() {
            match v {
                Some(1) => sup[c] += b.weight,
                Some(-1) => opp[c] += b.weight,
                _ => neu[c] += b.weight,
            }
        }
    }
    report_from_counts(&e.info, ctx, sup, opp, neu, e.total_weight())
}

/// The support/oppose result from each candidate's supports, opposes and neutrals (blanks
/// included), and the weight of every ballot. Shared with the count from score totals
/// ([`crate::totals`]).
pub(crate) fn report_from_counts(
    info: &ElectionInfo,
    ctx: &mut Context<'_>,
    sup: Vec<u64>,
    opp: Vec<u64>,
    neu: Vec<u64>,
    total: u64,
) -> Result<Report, TallyError> {
    let n = info.candidates.len();
    // The minimum share m × 10^-d percent as the fraction (m) / (100 × 10^d).
    let min = ctx.min_share;
    let min_den = 10i128
        .checked_pow(min.scale())
        .and_then(|p| p.checked_mul(100))
        .ok_or_else(|| {
            TallyError::InvalidOption(format!("minimum share {min}: too many decimals"))
        })?;
    let eligible_of = |c: usize| -> Result<bool, TallyError> {
        let voted = sup[c] as i128 + opp[c] as i128;
        if voted == 0 {
            return Ok(false);
        }
        let lhs = (sup[c] as i128).checked_mul(min_den);
        let rhs = min.raw().checked_mul(voted);
        match (lhs, rhs) {
            (Some(l), Some(r)) => Ok(l >= r),
            _ => Err(TallyError::TooLarge(
                "share comparison overflows 128 bits".into(),
            )),
        }
    };
    let mut eligible = vec![false; n];
    for c in info.standing() {
        eligible[c] = eligible_of(c)?;
    }

    // Share order: S_a/(S_a+O_a) vs S_b/(S_b+O_b) ⇔ S_a(S_b+O_b) vs S_b(S_a+O_a); each product
    // of two u64 fits in u128. Candidates without a share come last, equal among themselves.
    let has_share = |c: usize| sup[c] + opp[c] > 0;
    let share_cmp = |a: usize, b: usize| -> Ordering {
        match (has_share(a), has_share(b)) {
            (true, true) => {
                let l = sup[a] as u128 * (sup[b] as u128 + opp[b] as u128);
                let r = sup[b] as u128 * (sup[a] as u128 + opp[a] as u128);
                l.cmp(&r)
            }
            (x, y) => x.cmp(&y),
        }
    };
    let full_cmp = |a: usize, b: usize| share_cmp(a, b).then_with(|| sup[a].cmp(&sup[b]));

    let standing = info.standing();
    let ranking = tiers_by_cmp(&standing, full_cmp);
    let eligible_list: Vec<usize> = standing.iter().copied().filter(|&c| eligible[c]).collect();
    let eligible_tiers = tiers_by_cmp(&eligible_list, full_cmp);
    let seats = ctx.seats.min(eligible_list.len());
    let (elected, lot_tie) = take_winners(&eligible_tiers, seats, &mut ctx.lot);
    // A tie on the share itself for the last seat, decided by supports (then the lot).
    let tie_break = match elected.last() {
        Some(&last) => coarse_tie(
            &eligible_list,
            &elected,
            |c| share_cmp(c, last) == Ordering::Equal,
            lot_tie,
        ),
        None => lot_tie,
    };

    let mut report = Report::new(Method::Son, info, ctx.seats, total);
    let ineligible: Vec<usize> = standing.iter().copied().filter(|&c| !eligible[c]).collect();
    report.rounds.push(Round {
        stage: 1,
        action: format!("Supports (shares S/(S+O); minimum {min}%)"),
        votes: (0..n)
            .map(|c| (!info.is_withdrawn(c)).then(|| Decimal::whole(sup[c] as i128)))
            .collect(),
        elected: elected.clone(),
        excluded: ineligible,
        tie_break,
        ..Round::default()
    });
    report.details = Details::SupportOppose(SonDetails {
        share_percent: (0..n)
            .map(|c| {
                if info.is_withdrawn(c) {
                    None
                } else {
                    ratio(100 * sup[c] as i128, sup[c] as i128 + opp[c] as i128, 2)
                }
            })
            .collect(),
        support: sup,
        oppose: opp,
        neutral: neu,
        eligible,
        min_share: min,
    });
    report.vacant = ctx.seats - elected.len();
    report.elected = elected;
    report.ranking = Some(ranking);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methods::cardinal::test_util::election;
    use crate::report::TieRule;

    const S: Option<i64> = Some(1);
    const O: Option<i64> = Some(-1);
    const N: Option<i64> = Some(0);
    const B: Option<i64> = None;

    /// An ArbCom-style election, 3 seats, four candidates:
    /// ```text
    /// weight  A   B   C   D
    ///   5     +1  +1  -1  .
    ///   5     +1  -1  +1  0
    ///   1     -1  +1  -1  .
    ///   1     -1  -1  -1  0
    /// ```
    /// A: S = 5+5 = 10, O = 1+1 = 2  → 10/12 = 83.33%
    /// B: S = 5+1 = 6,  O = 5+1 = 6  → 6/12 = 50.00% (exactly the minimum: eligible)
    /// C: S = 5,        O = 5+1+1 = 7 → 5/12 = 41.67% (below 50%)
    /// D: S = O = 0, N = 12 → no share.
    /// Elected A, B; the third seat stays vacant.
    fn arbcom() -> ScoredElection {
        election(
            &["A", "B", "C", "D"],
            3,
            &[
                (5, &[S, S, O, B]),
                (5, &[S, O, S, N]),
                (1, &[O, S, O, B]),
                (1, &[O, O, O, N]),
            ],
        )
    }

    #[test]
    fn arbcom_example_leaves_a_seat_vacant() {
        let r = count(&arbcom(), &mut Context::with_seats(3, 1)).unwrap();
        assert_eq!(r.elected, vec![0, 1]);
        assert_eq!(r.vacant, 1);
        assert_eq!(r.ranking, Some(vec![vec![0], vec![1], vec![2], vec![3]]));
        let Details::SupportOppose(d) = &r.details else {
            panic!("son details")
        };
        assert_eq!(d.support, vec![10, 6, 5, 0]);
        assert_eq!(d.oppose, vec![2, 6, 7, 0]);
        assert_eq!(d.neutral, vec![0, 0, 0, 12]);
        let shares: Vec<String> = d
            .share_percent
            .iter()
            .map(|s| s.map_or("-".into(), |s| s.to_string()))
            .collect();
        assert_eq!(shares, vec!["83.33", "50.00", "41.67", "-"]);
        assert_eq!(d.eligible, vec![true, true, false, false]);
        assert_eq!(r.rounds[0].excluded, vec![2, 3]);
    }

    #[test]
    fn minimum_share_is_compared_exactly() {
        // 50.01% > 6/12: B drops out, two seats vacant.
        let mut ctx = Context::with_seats(3, 1);
        ctx.min_share = Decimal::new(5001, 2);
        let r = count(&arbcom(), &mut ctx).unwrap();
        assert_eq!(r.elected, vec![0]);
        assert_eq!(r.vacant, 2);
        // 83.33% < 10/12 = 83.333…%: A still passes; 83.34% > 10/12: nobody does.
        let mut ctx = Context::with_seats(3, 1);
        ctx.min_share = Decimal::new(8333, 2);
        assert_eq!(count(&arbcom(), &mut ctx).unwrap().elected, vec![0]);
        let mut ctx = Context::with_seats(3, 1);
        ctx.min_share = Decimal::new(8334, 2);
        let r = count(&arbcom(), &mut ctx).unwrap();
        assert!(r.elected.is_empty());
        assert_eq!(r.vacant, 3);
    }

    #[test]
    fn equal_shares_go_to_more_supports_then_lot() {
        // One seat: E and F tie on the share; F has more supports and wins.
        let e = election(
            &["E", "F", "G"],
            1,
            &[
                (2, &[S, S, O]),
                (1, &[O, O, S]),
                (2, &[B, S, O]),
                (1, &[B, O, O]),
            ],
        );
        // E: S 2, O 1 → 2/3. F: S 2+2 = 4, O 1+1 = 2 → 2/3. G: S 1, O 2+2+1 = 5 → 1/6.
        let r = count(&e, &mut Context::with_seats(1, 1)).unwrap();
        assert_eq!(r.elected, vec![1]);
        let t = r.rounds[0].tie_break.as_ref().unwrap();
        assert_eq!(t.tied, vec![0, 1]);
        assert_eq!(t.rules, vec![TieRule::MethodRule]);
        assert_eq!(t.chosen, 1);
        assert_eq!(r.seed, None);
        // Identical S and O: the lot decides.
        let e = election(&["E", "F"], 1, &[(1, &[S, S]), (1, &[O, O]), (1, &[S, S])]);
        let r = count(&e, &mut Context::with_seats(1, 3)).unwrap();
        let t = r.rounds[0].tie_break.as_ref().unwrap();
        assert_eq!(t.rules, vec![TieRule::MethodRule, TieRule::Lot]);
        assert_eq!(r.ranking, Some(vec![vec![0, 1]]));
    }

    #[test]
    fn other_values_are_rejected() {
        let e = election(&["A"], 1, &[(1, &[S]), (1, &[Some(2)])]);
        let err = count(&e, &mut Context::with_seats(1, 1)).unwrap_err();
        assert!(
            matches!(err, TallyError::InvalidBallot { ballot: 2, .. }),
            "{err}"
        );
    }
}
