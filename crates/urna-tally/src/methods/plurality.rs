//! Plurality (first past the post) and block voting, from ranked ballots.
//!
//! Plurality: each ballot gives one vote to its highest-ranked standing candidate; the `seats`
//! candidates with most votes win (with one seat, first past the post; with more, single
//! non-transferable vote). A ballot whose top standing rank holds several candidates (`a=b`) is
//! an overvote and counts for no one.
//! Block: each ballot gives one vote to each of its first `seats` standing candidates; a group of
//! equal ranks that would take the ballot past `seats` ends it there (the voter's intent beyond
//! is ambiguous). Withdrawn candidates are skipped, so the next preference counts.
//! Ties for the last seat: the seeded lot.

use crate::ballots::{CandidateId, ElectionInfo, RankedElection};
use crate::error::TallyError;
use crate::methods::select::{take_winners, tiers_by};
use crate::methods::{Context, Method};
use crate::report::{Decimal, Report, Round};

pub fn plurality(e: &RankedElection, ctx: &mut Context<'_>) -> Result<Report, TallyError> {
    count_marks(e, ctx, Method::Plurality, 1)
}

pub fn block(e: &RankedElection, ctx: &mut Context<'_>) -> Result<Report, TallyError> {
    count_marks(e, ctx, Method::Block, ctx.seats)
}

fn count_marks(
    e: &RankedElection,
    ctx: &mut Context<'_>,
    method: Method,
    marks_per_ballot: usize,
) -> Result<Report, TallyError> {
    let info = &e.info;
    let n = info.candidates.len();
    let mut votes = vec![0u64; n];
    let mut not_counted = 0u64;
    for b in e.ballots.iter() {
        let mut marked = 0;
        for group in b.groups() {
            let standing: Vec<CandidateId> = group
                .iter()
                .map(|&c| c as CandidateId)
                .filter(|&c| !info.is_withdrawn(c))
                .collect();
            if standing.is_empty() {
                continue;
            }
            if marked + standing.len() > marks_per_ballot {
                break;
            }
            let standing_len = standing.len();
            for c in standing {
                votes[c] += b.weight;
            }
            marked += standing_len;
            if marked == marks_per_ballot {
                break;
            }
        }
        if marked == 0 {
            not_counted += b.weight;
        }
    }
    Ok(report_from_marks(
        method,
        info,
        ctx,
        &votes,
        not_counted,
        e.ballots.total_weight(),
    ))
}

/// The plurality or block result from the marks: `votes[c]` is the weight of the marks for
/// candidate `c` (withdrawn ones are ignored), `not_counted` the weight of the ballots that
/// marked no standing candidate, `total_weight` that of every ballot. Shared with the count
/// from choice totals ([`crate::totals`]).
pub(crate) fn report_from_marks(
    method: Method,
    info: &ElectionInfo,
    ctx: &mut Context<'_>,
    votes: &[u64],
    not_counted: u64,
    total_weight: u64,
) -> Report {
    let n = info.candidates.len();
    let standing = info.standing();
    let tiers = tiers_by(&standing, |c| votes[c]);
    let seats = ctx.seats.min(standing.len());
    let (elected, tie_break) = take_winners(&tiers, seats, &mut ctx.lot);
    let mut report = Report::new(method, info, ctx.seats, total_weight);
    report.rounds.push(Round {
        stage: 1,
        action: "First preferences".into(),
        votes: (0..n)
            .map(|c| (!info.is_withdrawn(c)).then(|| Decimal::whole(votes[c] as i128)))
            .collect(),
        non_transferable: Some(Decimal::whole(not_counted as i128)),
        elected: elected.clone(),
        tie_break,
        ..Round::default()
    });
    report.vacant = ctx.seats - elected.len();
    report.elected = elected;
    report.ranking = Some(tiers);
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blt;
    use crate::methods::Context;

    fn elected(r: &Report) -> Vec<&str> {
        r.elected
            .iter()
            .map(|&c| r.candidates[c].as_str())
            .collect()
    }

    #[test]
    fn plurality_counts_first_standing_preferences() {
        // Ballots: 4×(A B), 3×(B), 2×(C=A) overvote, 2×(D A) with D withdrawn.
        // Hand count: A 4 + 2 (D withdrawn, next preference) = 6; B 3; C 0; the 2 overvotes count
        // for no one. One seat: A.
        let e =
            blt::parse("4 1\n-4\n4 1 2 0\n3 2 0\n2 3=1 0\n2 4 1 0\n0\nA\nB\nC\nD\nT\n").unwrap();
        let r = plurality(&e, &mut Context::with_seats(1, 0)).unwrap();
        assert_eq!(elected(&r), vec!["A"]);
        let v = &r.rounds[0].votes;
        assert_eq!(v[0], Some(Decimal::whole(6)));
        assert_eq!(v[1], Some(Decimal::whole(3)));
        assert_eq!(v[2], Some(Decimal::whole(0)));
        assert_eq!(v[3], None);
        assert_eq!(r.rounds[0].non_transferable, Some(Decimal::whole(2)));
        assert_eq!(r.seed, None);
    }

    #[test]
    fn block_gives_each_of_the_first_seats_preferences_a_vote() {
        // Two seats. 5×(A B C): A, B. 4×(C B): C, B. 3×(A=C B): A, C (the group fits two marks).
        // 2×(B A=C): B, then the group A=C would make three marks: the ballot stops at B.
        // Hand count: A 5+3 = 8, B 5+4+2 = 11, C 4+3 = 7. Elected B (11), A (8).
        let e =
            blt::parse("3 2\n5 1 2 3 0\n4 3 2 0\n3 1=3 2 0\n2 2 1=3 0\n0\nA\nB\nC\nT\n").unwrap();
        let r = block(&e, &mut Context::with_seats(2, 0)).unwrap();
        assert_eq!(elected(&r), vec!["B", "A"]);
        let v = &r.rounds[0].votes;
        assert_eq!(
            (v[0], v[1], v[2]),
            (
                Some(Decimal::whole(8)),
                Some(Decimal::whole(11)),
                Some(Decimal::whole(7))
            )
        );
    }

    #[test]
    fn a_tie_for_the_last_seat_is_drawn_and_reported() {
        // A and B have 2 votes each for one seat: the lot decides and the report says so.
        let e = blt::parse("2 1\n2 1 0\n2 2 0\n0\nA\nB\nT\n").unwrap();
        let r = plurality(&e, &mut Context::with_seats(1, 7)).unwrap();
        let tie = r.rounds[0].tie_break.as_ref().expect("tie recorded");
        assert_eq!(tie.tied, vec![0, 1]);
        assert_eq!(r.elected, vec![tie.chosen]);
    }
}
