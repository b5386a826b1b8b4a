//! Approval voting (Brams & Fishburn, "Approval Voting", APSR 72(3), 1978).
//!
//! Rules, as Urna applies them:
//! - A score of 1 (or `x` in CSV) approves the candidate; 0 or blank does not. Any other value
//!   is an error naming the ballot (1-based, file order) and the value.
//! - Each ballot adds its weight to every standing candidate it approves; withdrawn
//!   candidates are not counted.
//! - The `seats` candidates with the most approvals are elected (one seat: the single winner;
//!   more: multi-winner "block" approval). A tie for the last seat is decided by the seeded lot.
//! - Details: approvals per candidate and the approval share, approvals ÷ ballots (total
//!   weight, every ballot counted, blank or not), in percent with 2 decimals rounded half up
//!   (display only: the count compares whole approvals).

use crate::ballots::{ElectionInfo, ScoredElection};
use crate::error::TallyError;
use crate::methods::cardinal::{ApprovalDetails, check_scores, ratio};
use crate::methods::select::{take_winners, tiers_by};
use crate::methods::{Context, Method};
use crate::report::{Decimal, Details, Report, Round};

pub fn count(e: &ScoredElection, ctx: &mut Context<'_>) -> Result<Report, TallyError> {
    check_scores(
        e,
        |v| v == 0 || v == 1,
        "approval ballots hold 1 (approved), 0 or blank",
    )?;
    let info = &e.info;
    let n = info.candidates.len();
    let mut approvals = vec![0u64; n];
    for b in &e.ballots {
        for (c, v) in b.scores.iter().enumerate() {
            if *v == Some(1) {
                approvals[c] += b.weight;
            }
        }
    }
    Ok(report_from_approvals(
        info,
        ctx,
        &approvals,
        e.total_weight(),
    ))
}

/// The approval result from each candidate's approvals (withdrawn ones ignored) and the weight
/// of every ballot. Shared with the count from approval totals ([`crate::totals`]).
pub(crate) fn report_from_approvals(
    info: &ElectionInfo,
    ctx: &mut Context<'_>,
    approvals: &[u64],
    total: u64,
) -> Report {
    let n = info.candidates.len();
    let standing = info.standing();
    let tiers = tiers_by(&standing, |c| approvals[c]);
    let seats = ctx.seats.min(standing.len());
    let (elected, tie_break) = take_winners(&tiers, seats, &mut ctx.lot);

    let mut report = Report::new(Method::Approval, info, ctx.seats, total);
    report.rounds.push(Round {
        stage: 1,
        action: "Approvals".into(),
        votes: (0..n)
            .map(|c| (!info.is_withdrawn(c)).then(|| Decimal::whole(approvals[c] as i128)))
            .collect(),
        elected: elected.clone(),
        tie_break,
        ..Round::default()
    });
    report.details = Details::Approval(ApprovalDetails {
        approvals: (0..n)
            .map(|c| (!info.is_withdrawn(c)).then_some(approvals[c]))
            .collect(),
        share_percent: (0..n)
            .map(|c| {
                if info.is_withdrawn(c) {
                    None
                } else {
                    ratio(100 * approvals[c] as i128, total as i128, 2)
                }
            })
            .collect(),
    });
    report.vacant = ctx.seats - elected.len();
    report.elected = elected;
    report.ranking = Some(tiers);
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methods::cardinal::test_util::election;
    use crate::report::TieRule;

    const Y: Option<i64> = Some(1);
    const N: Option<i64> = Some(0);
    const B: Option<i64> = None;

    #[test]
    fn most_approved_win_with_weights_and_shares() {
        // Ann: 3 + 2 = 5 approvals; Bob: 3 + 1 = 4; Cy: 2 + 1 = 3; 6 ballots in all.
        // Shares: 5/6 = 83.333…% → 83.33; 4/6 = 66.666…% → 66.67; 3/6 = 50.00.
        let e = election(
            &["Ann", "Bob", "Cy"],
            2,
            &[(3, &[Y, Y, N]), (2, &[Y, B, Y]), (1, &[B, Y, Y])],
        );
        let r = count(&e, &mut Context::with_seats(2, 1)).unwrap();
        assert_eq!(r.elected, vec![0, 1]);
        assert_eq!(r.ballots, 6);
        assert_eq!(r.ranking, Some(vec![vec![0], vec![1], vec![2]]));
        let v: Vec<String> = r.rounds[0]
            .votes
            .iter()
            .map(|v| v.unwrap().to_string())
            .collect();
        assert_eq!(v, vec!["5", "4", "3"]);
        let Details::Approval(d) = &r.details else {
            panic!("approval details")
        };
        let s: Vec<String> = d
            .share_percent
            .iter()
            .map(|v| v.unwrap().to_string())
            .collect();
        assert_eq!(s, vec!["83.33", "66.67", "50.00"]);
        assert!(r.rounds[0].tie_break.is_none());
    }

    #[test]
    fn other_values_are_rejected_with_the_ballot_number() {
        let e = election(&["Ann", "Bob"], 1, &[(1, &[Y, N]), (1, &[Some(2), N])]);
        let err = count(&e, &mut Context::with_seats(1, 1)).unwrap_err();
        assert!(
            matches!(&err, TallyError::InvalidBallot { ballot: 2, message } if message.contains("scored 2")),
            "{err}"
        );
    }

    #[test]
    fn last_seat_tie_goes_to_the_lot_and_withdrawn_are_skipped() {
        // Ann 2, Bob 2, Cy (withdrawn) 3: Cy is not counted; Ann and Bob tie for one seat.
        let mut e = election(
            &["Ann", "Bob", "Cy"],
            1,
            &[(2, &[Y, Y, Y]), (1, &[N, N, Y])],
        );
        e.info.withdrawn = vec![2];
        let r = count(&e, &mut Context::with_seats(1, 7)).unwrap();
        assert_eq!(r.elected.len(), 1);
        assert!(r.elected[0] < 2);
        let t = r.rounds[0].tie_break.as_ref().unwrap();
        assert_eq!(t.tied, vec![0, 1]);
        assert_eq!(t.rules, vec![TieRule::Lot]);
        assert_eq!(r.rounds[0].votes[2], None);
    }
}
