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

use crate::ballots::{CandidateId, RankedElection};
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
    let standing = info.standing();
    let tiers = tiers_by(&standing, |c| votes[c]);
    let seats = ctx.seats.min(standing.len());
    let (elected, tie_break) = take_winners(&tiers, seats, &mut ctx.lot);
    let mut report = Report::new(method, info, ctx.seats, e.ballots.total_weight());
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
    Ok(report)
}
