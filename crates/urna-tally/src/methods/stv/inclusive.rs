//! The inclusive Gregory count shared by Scottish STV and WIGM: every paper a candidate holds
//! moves on with a surplus, at a value reduced in proportion (surplus ÷ candidate's vote).
//!
//! One stage per surplus (largest first) or per exclusion (one candidate, no bulk exclusion).
//! Elected candidates receive no further papers. The count stops when every seat is filled or
//! when the hopeful candidates left fit the seats left (they are then elected). The rule
//! supplies the arithmetic, the quota, the test for election and the tie-breaks.

use std::cmp::Ordering;

use super::gregory::{Parcel, Rankings, Status, Votes, Want};
use crate::ballots::{CandidateId, ElectionInfo, RankedElection};
use crate::error::TallyError;
use crate::methods::{Context, Method};
use crate::report::{Report, Round, TieBreak};
use crate::tie::Lot;

/// What differs between the inclusive Gregory rules.
pub trait InclusiveRule {
    type V: Votes;
    const METHOD: Method;
    fn quota(&self, valid: u64, seats: usize) -> Self::V;
    fn has_quota(&self, vote: Self::V, quota: Self::V) -> bool;
    /// The new value of a paper of value `value` in a surplus `surplus` of a candidate with
    /// `total` votes.
    fn transfer_value(&self, value: Self::V, surplus: Self::V, total: Self::V) -> Self::V;
    /// Compares votes for ties (guarded arithmetic treats near values as equal).
    fn cmp(&self, a: Self::V, b: Self::V) -> Ordering;
    /// The part of a figure the report does not show (guard digits); zero for plain fixed point.
    fn hidden(&self, v: Self::V) -> Self::V;
    fn break_tie(
        &self,
        tied: &[CandidateId],
        history: &[Vec<Self::V>],
        want: Want,
        info: &ElectionInfo,
        lot: &mut Lot,
    ) -> (CandidateId, TieBreak);
}

struct Count<'a, R: InclusiveRule> {
    rule: &'a R,
    info: &'a ElectionInfo,
    rk: Rankings,
    status: Vec<Status>,
    piles: Vec<Vec<Parcel<R::V>>>,
    votes: Vec<R::V>,
    /// Elected with a surplus not yet transferred.
    pending: Vec<bool>,
    quota: R::V,
    non_transferable: R::V,
    loss: R::V,
    valid: R::V,
    history: Vec<Vec<R::V>>,
    seats: usize,
    elected: Vec<CandidateId>,
    rounds: Vec<Round>,
}

pub fn count<R: InclusiveRule>(
    rule: &R,
    e: &RankedElection,
    ctx: &mut Context<'_>,
) -> Result<Report, TallyError> {
    let info = &e.info;
    let n = info.candidates.len();
    let rk = Rankings::new(e);
    let valid_papers = rk.total_weight();
    if valid_papers > R::V::MAX_PAPERS {
        return Err(TallyError::TooLarge(format!(
            "{valid_papers} ballots; {} counts at most {} in its arithmetic",
            R::METHOD,
            R::V::MAX_PAPERS
        )));
    }
    let status: Vec<Status> = (0..n)
        .map(|c| {
            if info.is_withdrawn(c) {
                Status::Withdrawn
            } else {
                Status::Hopeful
            }
        })
        .collect();
    let mut c = Count {
        rule,
        info,
        status,
        piles: vec![Vec::new(); n],
        votes: vec![R::V::ZERO; n],
        pending: vec![false; n],
        quota: rule.quota(valid_papers, ctx.seats),
        non_transferable: R::V::ZERO,
        loss: R::V::ZERO,
        valid: R::V::whole(valid_papers),
        history: Vec::new(),
        seats: ctx.seats,
        elected: Vec::new(),
        rounds: Vec::new(),
        rk,
    };
    c.first_stage();
    let mut action = if c.rk.set_aside > 0 {
        format!(
            "First preferences ({} ballots without a first preference set aside)",
            c.rk.set_aside
        )
    } else {
        "First preferences".to_owned()
    };
    let mut excluded = Vec::new();
    let mut tie_break = None;
    loop {
        let new = c.elect_new();
        let done = c.finish_if_complete();
        c.push_round(action, new, &excluded, tie_break.take(), done.as_deref());
        if done.is_some() {
            break;
        }
        let pending: Vec<CandidateId> = (0..n).filter(|&x| c.pending[x]).collect();
        excluded.clear();
        if !pending.is_empty() {
            let tied =
                super::gregory::extremes(&pending, &c.votes, Want::Highest, |a, b| rule.cmp(a, b));
            let x = c.decide(&tied, Want::Highest, &mut ctx.lot, &mut tie_break);
            c.transfer_surplus(x);
            action = format!("Surplus of {}", info.candidates[x]);
        } else {
            let hopeful: Vec<CandidateId> =
                (0..n).filter(|&x| c.status[x] == Status::Hopeful).collect();
            let tied =
                super::gregory::extremes(&hopeful, &c.votes, Want::Lowest, |a, b| rule.cmp(a, b));
            let x = c.decide(&tied, Want::Lowest, &mut ctx.lot, &mut tie_break);
            c.exclude(x);
            excluded.push(x);
            action = format!("Exclusion of {}", info.candidates[x]);
        }
        ctx.progress(c.rounds.len() as u64, 0);
    }
    let mut report = Report::new(R::METHOD, info, ctx.seats, valid_papers);
    report.vacant = ctx.seats - c.elected.len();
    report.elected = c.elected;
    report.rounds = c.rounds;
    Ok(report)
}

impl<R: InclusiveRule> Count<'_, R> {
    fn first_stage(&mut self) {
        let n = self.votes.len();
        let mut papers: Vec<Vec<_>> = vec![Vec::new(); n];
        let mut counts = vec![0u64; n];
        for b in 0..self.rk.len() {
            let (c, p) = self.rk.first_paper(b);
            papers[c].push(p);
            counts[c] += self.rk.weight(b);
        }
        for (c, (ps, k)) in papers.into_iter().zip(counts).enumerate() {
            if k > 0 {
                self.votes[c] = R::V::whole(k);
                self.piles[c].push(Parcel {
                    value: R::V::whole(1),
                    papers: ps,
                    count: k,
                });
            }
        }
    }

    fn hopeful(&self) -> impl Iterator<Item = CandidateId> + '_ {
        (0..self.status.len()).filter(|&c| self.status[c] == Status::Hopeful)
    }

    fn by_votes_desc(&self, mut cs: Vec<CandidateId>) -> Vec<CandidateId> {
        // Stable: equal votes keep file order.
        cs.sort_by(|&a, &b| self.votes[b].cmp(&self.votes[a]));
        cs
    }

    /// Deems elected every hopeful candidate with a quota, most votes first, within the seats.
    fn elect_new(&mut self) -> Vec<CandidateId> {
        let reached: Vec<CandidateId> = self
            .hopeful()
            .filter(|&c| self.rule.has_quota(self.votes[c], self.quota))
            .collect();
        let mut new = self.by_votes_desc(reached);
        // More candidates than seats cannot reach a Droop quota; cap anyway.
        new.truncate(self.seats - self.elected.len());
        for &c in &new {
            self.status[c] = Status::Elected;
            self.pending[c] = self.votes[c] > self.quota;
            self.elected.push(c);
        }
        new
    }

    /// When every seat is filled, or the hopeful candidates fit the seats left, ends the count:
    /// the hopefuls are elected (most votes first). Returns those elected so, or `None` if the
    /// count goes on.
    fn finish_if_complete(&mut self) -> Option<Vec<CandidateId>> {
        let left = self.seats - self.elected.len();
        let hopeful: Vec<CandidateId> = self.hopeful().collect();
        if left == 0 || hopeful.len() <= left {
            let rest = self.by_votes_desc(hopeful);
            let rest = if left == 0 { Vec::new() } else { rest };
            for &c in &rest {
                self.status[c] = Status::Elected;
                self.elected.push(c);
            }
            return Some(rest);
        }
        None
    }

    fn decide(
        &self,
        tied: &[CandidateId],
        want: Want,
        lot: &mut Lot,
        tie_break: &mut Option<TieBreak>,
    ) -> CandidateId {
        if tied.len() == 1 {
            return tied[0];
        }
        let (c, t) = self
            .rule
            .break_tie(tied, &self.history, want, self.info, lot);
        *tie_break = Some(t);
        c
    }

    fn continuing(&self) -> Vec<bool> {
        self.status.iter().map(|&s| s == Status::Hopeful).collect()
    }

    fn transfer_surplus(&mut self, x: CandidateId) {
        let total = self.votes[x];
        let surplus = total - self.quota;
        let continuing = self.continuing();
        let mut moved = R::V::ZERO;
        for parcel in std::mem::take(&mut self.piles[x]) {
            let tv = self.rule.transfer_value(parcel.value, surplus, total);
            let sorted = self.rk.sort(&parcel.papers, &continuing);
            for (c, (papers, k)) in sorted.to.into_iter().enumerate() {
                if k > 0 {
                    let credit = tv.times(k);
                    self.votes[c] += credit;
                    moved += credit;
                    self.piles[c].push(Parcel {
                        value: tv,
                        papers,
                        count: k,
                    });
                }
            }
            let lost = tv.times(sorted.exhausted);
            self.non_transferable += lost;
            moved += lost;
        }
        self.loss += surplus - moved;
        self.votes[x] = self.quota;
        self.pending[x] = false;
    }

    fn exclude(&mut self, x: CandidateId) {
        self.status[x] = Status::Excluded;
        let continuing = self.continuing();
        for parcel in std::mem::take(&mut self.piles[x]) {
            let sorted = self.rk.sort(&parcel.papers, &continuing);
            for (c, (papers, k)) in sorted.to.into_iter().enumerate() {
                if k > 0 {
                    self.votes[c] += parcel.value.times(k);
                    self.piles[c].push(Parcel {
                        value: parcel.value,
                        papers,
                        count: k,
                    });
                }
            }
            self.non_transferable += parcel.value.times(sorted.exhausted);
        }
        self.votes[x] = R::V::ZERO;
    }

    fn push_round(
        &mut self,
        action: String,
        mut elected: Vec<CandidateId>,
        excluded: &[CandidateId],
        tie_break: Option<TieBreak>,
        finished: Option<&[CandidateId]>,
    ) {
        if let Some(rest) = finished {
            elected.extend_from_slice(rest);
        }
        let shown = |s: Status, c: CandidateId| match s {
            Status::Withdrawn => false,
            Status::Excluded => excluded.contains(&c),
            _ => true,
        };
        let mut hidden = self.hidden_total();
        hidden += self.rule.hidden(self.non_transferable);
        let votes = (0..self.votes.len())
            .map(|c| shown(self.status[c], c).then(|| self.votes[c].to_decimal()))
            .collect();
        self.rounds.push(Round {
            stage: self.rounds.len() + 1,
            action,
            quota: Some(self.quota.to_decimal()),
            votes,
            non_transferable: Some(self.non_transferable.to_decimal()),
            rounding_loss: Some((self.loss + hidden).to_decimal()),
            keep_factors: None,
            elected,
            excluded: excluded.to_vec(),
            tie_break,
        });
        self.history.push(self.votes.clone());
        debug_assert_eq!(
            self.votes.iter().fold(R::V::ZERO, |a, &b| a + b) + self.non_transferable + self.loss,
            self.valid,
            "every vote is credited, non-transferable or lost to rounding"
        );
    }

    fn hidden_total(&self) -> R::V {
        self.votes
            .iter()
            .fold(R::V::ZERO, |a, &v| a + self.rule.hidden(v))
    }
}
