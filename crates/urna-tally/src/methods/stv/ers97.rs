//! ERS97 STV: the Electoral Reform Society's rules, "How to conduct an election by the Single
//! Transferable Vote", 3rd edition (1997), sections 5 and 6 (the rules OpenSTV's `ERS97STV.py`
//! quotes; OpenSTV is GPL and was read as a reference only).
//!
//! - **Quota** (5.1.6): valid ÷ (places + 1) to two decimals; exact → that, else the remainder is
//!   ignored and 0.01 added (753 ÷ 7 → 107.58). While nobody is elected, papers that become
//!   non-transferable lower it: it is recalculated on valid − non-transferable (5.4.8).
//! - **Election** (5.1.7, 5.3.13, 5.4.9): after every stage and every batch, continuing
//!   candidates in descending order of votes are deemed elected when their vote reaches the quota
//!   or the total active vote ÷ (places unfilled + 1) (rounded up to 0.01, never below 0.01),
//!   up to the places left. The total active vote is the continuing candidates' votes plus the
//!   votes awaiting transfer (untransferred surpluses, papers of excluded candidates not yet
//!   moved). Candidates elected together with equal votes for too few places: forwards rule,
//!   then lot (5.6.2 would elect none of them at that stage; Urna draws instead, so that a count
//!   always ends).
//! - **Surplus** (5.2.2–5.2.4, 5.3): the largest surplus is transferred (ties: the most votes at
//!   the first stage, or the earliest point after a batch, where the candidates differed; then
//!   lot) unless deferred (5.2.2): surpluses are deferred while their total does not exceed the
//!   gap that an exclusion under 5.2.5 leaves (the two lowest, or a bulk group and the candidate
//!   next above). Only the last batch of papers received is examined (all papers for a first
//!   stage surplus): transfer value = surplus ÷ number of transferable papers, to two decimals,
//!   remainder ignored; if the transferable papers at their present value do not exceed the
//!   surplus, they go at their present value (5.3.7). The difference between the surplus and the
//!   value transferred is non-transferable; Urna reports the part caused by truncating the
//!   transfer value as rounding loss and the rest (papers without a next preference) as
//!   non-transferable.
//! - **Exclusion** (5.2.5, 5.4): as many of the lowest candidates together as possible, provided
//!   enough remain to fill the places and their total votes plus the deferred surpluses do not
//!   exceed the vote of the candidate next above; at least one. Ties for exclusion: the fewest
//!   votes at the earliest point where they differed, then lot. Their papers move in batches of
//!   equal value, highest value first; each batch is a sub-stage (its own round in the report,
//!   "batch i of n"), after which candidates may be elected and then receive no further papers
//!   (5.4.10). Excluded candidates show the value of their papers not yet moved.
//! - **End** (5.5): when every place is filled no further papers move (5.5.2); when the continuing
//!   candidates are no more than the places left they are elected (5.5.1; Urna makes the
//!   exclusion that brings this about first, which changes no result).
//!
//! Ballots: weighted lines, withdrawn candidates skipped, equal ranks end the paper, ballots
//! without a first preference are invalid (see [`super::gregory`]). Figures are `Fixed<2>`.

use std::collections::BTreeMap;

use super::gregory::{Look, Paper, Parcel, Rankings, Status, Votes as _, Want, break_tie};
use crate::ballots::{CandidateId, RankedElection};
use crate::error::TallyError;
use crate::fixed::Fixed;
use crate::methods::{Context, Method};
use crate::report::{Report, Round, TieBreak};
use crate::tie::Lot;

/// Two decimals, 5.1.6 and 5.3.7.
pub type Votes = Fixed<2>;

pub fn count(e: &RankedElection, ctx: &mut Context<'_>) -> Result<Report, TallyError> {
    let info = &e.info;
    let n = info.candidates.len();
    let rk = Rankings::new(e);
    let valid = rk.total_weight();
    if valid > Votes::MAX_WHOLE as u64 {
        return Err(TallyError::TooLarge(format!(
            "{valid} ballots; ers97 counts at most {}",
            Votes::MAX_WHOLE
        )));
    }
    let mut c = Count {
        names: &info.candidates,
        status: (0..n)
            .map(|x| {
                if info.is_withdrawn(x) {
                    Status::Withdrawn
                } else {
                    Status::Hopeful
                }
            })
            .collect(),
        piles: vec![Vec::new(); n],
        votes: vec![Votes::ZERO; n],
        pending: vec![false; n],
        quota: quota_of(Votes::from_int(valid as i64), ctx.seats),
        valid: Votes::from_int(valid as i64),
        non_transferable: Votes::ZERO,
        loss: Votes::ZERO,
        history: Vec::new(),
        seats: ctx.seats,
        elected: Vec::new(),
        rounds: Vec::new(),
        rk,
        lot: &mut ctx.lot,
    };
    c.run();
    let mut report = Report::new(Method::Ers97, info, ctx.seats, valid);
    report.vacant = ctx.seats - c.elected.len();
    report.elected = c.elected;
    report.rounds = c.rounds;
    Ok(report)
}

/// 5.1.6: `total ÷ (seats + 1)` to two decimals; +0.01 unless exact.
fn quota_of(total: Votes, seats: usize) -> Votes {
    let d = seats as i64 + 1;
    let raw = total.raw();
    Votes::from_raw(raw / d + i64::from(raw % d != 0))
}

struct Count<'a> {
    names: &'a [String],
    rk: Rankings,
    status: Vec<Status>,
    piles: Vec<Vec<Parcel<Votes>>>,
    votes: Vec<Votes>,
    pending: Vec<bool>,
    quota: Votes,
    valid: Votes,
    non_transferable: Votes,
    loss: Votes,
    history: Vec<Vec<Votes>>,
    seats: usize,
    elected: Vec<CandidateId>,
    rounds: Vec<Round>,
    lot: &'a mut Lot,
}

/// What a round reports besides the figures.
#[derive(Default)]
struct Event {
    action: String,
    elected: Vec<CandidateId>,
    excluded: Vec<CandidateId>,
    tie_break: Option<TieBreak>,
}

impl Count<'_> {
    fn run(&mut self) {
        self.first_stage();
        let mut ev = Event {
            action: if self.rk.set_aside > 0 {
                format!(
                    "First preferences ({} ballots without a first preference set aside)",
                    self.rk.set_aside
                )
            } else {
                "First preferences".to_owned()
            },
            ..Event::default()
        };
        if self.settle(&mut ev, &[]) {
            return;
        }
        loop {
            let hopeful = self.hopeful();
            let left = self.seats - self.elected.len();
            let surplus: Votes = (0..self.votes.len())
                .filter(|&x| self.pending[x])
                .map(|x| self.votes[x] - self.quota)
                .sum();
            let bulk = self.bulk_size(&hopeful, left, surplus);
            let mut ev = Event::default();
            if surplus > Votes::ZERO && bulk.is_none() {
                let pend: Vec<CandidateId> =
                    (0..self.votes.len()).filter(|&x| self.pending[x]).collect();
                let x = self.pick(&pend, Want::Highest, &mut ev.tie_break);
                ev.action = format!("Surplus of {}", self.names[x]);
                self.transfer_surplus(x);
                if self.settle(&mut ev, &[]) {
                    return;
                }
            } else {
                let k = bulk.unwrap_or(1);
                let out = self.lowest(&hopeful, k, &mut ev.tie_break);
                let who: Vec<&str> = out.iter().map(|&x| self.names[x].as_str()).collect();
                ev.action = format!("Exclusion of {}", who.join(", "));
                if surplus > Votes::ZERO {
                    ev.action.push_str(" (surpluses deferred)");
                }
                if self.exclude(&out, ev) {
                    return;
                }
            }
        }
    }

    fn first_stage(&mut self) {
        let n = self.votes.len();
        let mut papers: Vec<Vec<_>> = vec![Vec::new(); n];
        let mut counts = vec![0u64; n];
        for b in 0..self.rk.len() {
            let (x, p) = self.rk.first_paper(b);
            papers[x].push(p);
            counts[x] += self.rk.weight(b);
        }
        for (x, (ps, k)) in papers.into_iter().zip(counts).enumerate() {
            if k > 0 {
                self.votes[x] = Votes::from_int(k as i64);
                self.piles[x].push(Parcel {
                    value: Votes::ONE,
                    papers: ps,
                    count: k,
                });
            }
        }
    }

    fn hopeful(&self) -> Vec<CandidateId> {
        (0..self.status.len())
            .filter(|&x| self.status[x] == Status::Hopeful)
            .collect()
    }

    fn continuing(&self) -> Vec<bool> {
        self.status.iter().map(|&s| s == Status::Hopeful).collect()
    }

    /// 5.2.2 and 5.2.5: the largest number `k ≥ 1` of lowest hopefuls whose votes plus
    /// `surplus` do not exceed the vote of the next candidate above, leaving enough to fill the
    /// places; `None` if there is none.
    fn bulk_size(&self, hopeful: &[CandidateId], left: usize, surplus: Votes) -> Option<usize> {
        let mut v: Vec<Votes> = hopeful.iter().map(|&x| self.votes[x]).collect();
        v.sort();
        let mut best = None;
        let mut sum = Votes::ZERO;
        for k in 1..v.len() {
            sum += v[k - 1];
            if v.len() - k < left {
                break;
            }
            if sum + surplus <= v[k] {
                best = Some(k);
            }
        }
        best
    }

    /// Breaks a tie for the wanted extreme among `among` (forwards, then lot).
    fn pick(
        &mut self,
        among: &[CandidateId],
        want: Want,
        tie_break: &mut Option<TieBreak>,
    ) -> CandidateId {
        let tied = super::gregory::extremes(among, &self.votes, want, |a, b| a.cmp(&b));
        if tied.len() == 1 {
            return tied[0];
        }
        let (x, t) = break_tie(
            &tied,
            &self.history,
            want,
            Look::Forwards,
            self.lot,
            |a, b| a.cmp(&b),
        );
        tie_break.get_or_insert(t);
        x
    }

    /// The `k` lowest of `hopeful`; a tie at the boundary is broken by [`Self::pick`].
    fn lowest(
        &mut self,
        hopeful: &[CandidateId],
        k: usize,
        tie_break: &mut Option<TieBreak>,
    ) -> Vec<CandidateId> {
        let mut pool = hopeful.to_vec();
        let mut out = Vec::new();
        while out.len() < k {
            let x = self.pick(&pool, Want::Lowest, tie_break);
            pool.retain(|&y| y != x);
            out.push(x);
        }
        out.sort_unstable();
        out
    }

    fn transfer_surplus(&mut self, x: CandidateId) {
        let surplus = self.votes[x] - self.quota;
        self.pending[x] = false;
        self.votes[x] = self.quota;
        let Some(parcel) = self.piles[x].pop() else {
            self.non_transferable += surplus;
            return;
        };
        let sorted = self.rk.sort(&parcel.papers, &self.continuing());
        let transferable: u64 = sorted.to.iter().map(|(_, k)| k).sum();
        if transferable == 0 {
            self.non_transferable += surplus;
            return;
        }
        let tv = if parcel.value.times(transferable) <= surplus {
            self.non_transferable += surplus - parcel.value.times(transferable);
            parcel.value
        } else {
            let tv = surplus.div_int_floor(transferable as i64);
            self.loss += surplus - tv.times(transferable);
            tv
        };
        for (y, (papers, k)) in sorted.to.into_iter().enumerate() {
            if k > 0 {
                self.votes[y] += tv.times(k);
                self.piles[y].push(Parcel {
                    value: tv,
                    papers,
                    count: k,
                });
            }
        }
    }

    /// Excludes `out` and moves their papers batch by batch; true when the count is over.
    fn exclude(&mut self, out: &[CandidateId], mut ev: Event) -> bool {
        let mut batches: BTreeMap<std::cmp::Reverse<Votes>, Vec<_>> = BTreeMap::new();
        for &x in out {
            self.status[x] = Status::Excluded;
            for parcel in std::mem::take(&mut self.piles[x]) {
                batches
                    .entry(std::cmp::Reverse(parcel.value))
                    .or_default()
                    .push((x, parcel));
            }
        }
        ev.excluded = out.to_vec();
        let total = batches.len();
        if total == 0 {
            return self.settle(&mut ev, out);
        }
        let base = std::mem::take(&mut ev.action);
        for (i, (std::cmp::Reverse(value), parcels)) in batches.into_iter().enumerate() {
            ev.action = if total > 1 {
                format!("{base}: batch {} of {total}, value {value}", i + 1)
            } else {
                base.clone()
            };
            let continuing = self.continuing();
            // Everything a candidate receives in this batch is one batch of papers, whichever
            // excluded candidate (or parcel) they came from: a surplus arising from it examines
            // all of it ("the last batch of papers received", module docs), so the candidates'
            // numbering cannot decide which papers are examined (found by the relabelling
            // property test; its case is kept in tests/stv_properties.proptest-regressions).
            let mut received: Vec<(Vec<Paper>, u64)> = vec![(Vec::new(), 0); continuing.len()];
            for (x, parcel) in parcels {
                self.votes[x] -= value.times(parcel.count);
                let sorted = self.rk.sort(&parcel.papers, &continuing);
                for (y, (papers, k)) in sorted.to.into_iter().enumerate() {
                    received[y].0.extend(papers);
                    received[y].1 += k;
                }
                self.non_transferable += value.times(sorted.exhausted);
            }
            for (y, (papers, k)) in received.into_iter().enumerate() {
                if k > 0 {
                    self.votes[y] += value.times(k);
                    self.piles[y].push(Parcel {
                        value,
                        papers,
                        count: k,
                    });
                }
            }
            if self.elected.is_empty() {
                // 5.4.8
                self.quota = quota_of(self.valid - self.non_transferable, self.seats);
            }
            let mut this = Event {
                action: std::mem::take(&mut ev.action),
                excluded: if i == 0 { out.to_vec() } else { Vec::new() },
                tie_break: ev.tie_break.take(),
                elected: Vec::new(),
            };
            if self.settle(&mut this, out) {
                return true;
            }
        }
        false
    }

    /// Total active vote (6.20): continuing candidates' votes plus votes awaiting transfer.
    fn active_vote(&self, awaiting: &[CandidateId]) -> Votes {
        let mut t = Votes::ZERO;
        for x in 0..self.votes.len() {
            if self.status[x] == Status::Hopeful || awaiting.contains(&x) {
                t += self.votes[x];
            } else if self.pending[x] {
                t += self.votes[x] - self.quota;
            }
        }
        t
    }

    /// Deems candidates elected (5.1.7, 5.3.13, 5.4.9), ends the count when it is over (5.5),
    /// and records the round. True when the count is over.
    fn settle(&mut self, ev: &mut Event, awaiting: &[CandidateId]) -> bool {
        loop {
            let left = self.seats - self.elected.len();
            if left == 0 {
                break;
            }
            let hopeful = self.hopeful();
            if hopeful.is_empty() {
                break;
            }
            let active = self.active_vote(awaiting);
            let threshold = quota_of(active, left).max(Votes::EPSILON);
            let bar = self.quota.min(threshold);
            let top =
                super::gregory::extremes(&hopeful, &self.votes, Want::Highest, |a, b| a.cmp(&b));
            if self.votes[top[0]] < bar {
                break;
            }
            let x = if top.len() > left {
                self.pick(&top, Want::Highest, &mut ev.tie_break)
            } else {
                top[0]
            };
            self.status[x] = Status::Elected;
            self.pending[x] = self.votes[x] > self.quota;
            self.elected.push(x);
            ev.elected.push(x);
        }
        let left = self.seats - self.elected.len();
        let hopeful = self.hopeful();
        let over = left == 0 || hopeful.len() <= left;
        if over && left > 0 {
            let mut rest = hopeful;
            rest.sort_by(|&a, &b| self.votes[b].cmp(&self.votes[a]));
            for x in rest {
                self.status[x] = Status::Elected;
                self.elected.push(x);
                ev.elected.push(x);
            }
        }
        self.push_round(ev, awaiting);
        over
    }

    fn push_round(&mut self, ev: &mut Event, awaiting: &[CandidateId]) {
        let votes = (0..self.votes.len())
            .map(|x| match self.status[x] {
                Status::Withdrawn => None,
                Status::Excluded if !awaiting.contains(&x) => None,
                _ => Some(self.votes[x].to_decimal()),
            })
            .collect();
        self.rounds.push(Round {
            stage: self.rounds.len() + 1,
            action: std::mem::take(&mut ev.action),
            quota: Some(self.quota.to_decimal()),
            votes,
            non_transferable: Some(self.non_transferable.to_decimal()),
            rounding_loss: Some(self.loss.to_decimal()),
            keep_factors: None,
            elected: std::mem::take(&mut ev.elected),
            excluded: std::mem::take(&mut ev.excluded),
            tie_break: ev.tie_break.take(),
        });
        self.history.push(self.votes.clone());
        debug_assert_eq!(
            self.votes.iter().copied().sum::<Votes>() + self.non_transferable + self.loss,
            self.valid,
            "every vote is credited, non-transferable or lost to rounding"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blt;
    use crate::report::Decimal;

    fn run(text: &str, seats: usize) -> Report {
        let e = blt::parse(text).expect("valid BLT");
        count(&e, &mut Context::with_seats(seats, 1)).expect("count")
    }

    fn d2(raw: i128) -> Option<Decimal> {
        Some(Decimal::new(raw, 2))
    }

    #[test]
    fn quota_to_two_decimals_plus_a_hundredth() {
        // 753 / 7 = 107.571… → 107.57 + 0.01 = 107.58 (the booklet's model election).
        assert_eq!(quota_of(Votes::from_int(753), 6), Votes::from_raw(10758));
        // 700 / 7 = 100 exactly → 100.00.
        assert_eq!(quota_of(Votes::from_int(700), 6), Votes::from_int(100));
    }

    #[test]
    fn surplus_from_the_last_batch_only() {
        // 2 seats. 10 "A C", 4 "B A D", 3 "C", 3 "D". Valid 20, quota 20/3 = 6.66… → 6.67.
        // Stage 1: A 10 elected (surplus 3.33); B 4, C 3, D 3.
        // Deferral? surplus 3.33 vs lowest gap: hopefuls B 4, C 3, D 3 sorted 3, 3, 4:
        // k=1: 3 + 3.33 > 3; k=2: 6 + 3.33 > 4 → no deferral: transfer A's surplus.
        // Stage 2: all 10 papers of A (first stage), all transferable to C: value 10 > 3.33, so
        // TV = 3.33 / 10 = 0.333 → 0.33; C gets 3.30 → 6.30; loss 3.33 − 3.30 = 0.03.
        // After stage 2 the total active vote is B 4 + C 6.30 + D 3 = 13.30; ÷ 2 → 6.65 > C.
        // Stage 3: C 6.30, B 4, D 3. Exclude: k=1: 3 ≤ 4 ✓; k=2: 7 ≤ 6.30 ✗ → D alone;
        // D's papers have no next preference: NT 3. Total active vote now 6.30 + 4 = 10.30,
        // ÷ 2 = 5.15 ≤ C 6.30: C is deemed elected under 5.4.9(b) and fills the last place.
        let r = run(
            "4 2\n10 1 3 0\n4 2 1 4 0\n3 3 0\n3 4 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"D\"\n\"T\"\n",
            2,
        );
        assert_eq!(r.rounds[0].quota, d2(667));
        let s2 = &r.rounds[1];
        assert_eq!(s2.action, "Surplus of A");
        assert_eq!(s2.votes, vec![d2(667), d2(400), d2(630), d2(300)]);
        assert_eq!(s2.rounding_loss, d2(3));
        assert_eq!(r.rounds[2].action, "Exclusion of D");
        assert_eq!(r.rounds[2].non_transferable, d2(300));
        assert_eq!(r.rounds[2].elected, vec![2]);
        assert_eq!(r.rounds.len(), 3);
        assert_eq!(r.elected, vec![0, 2]);
    }

    #[test]
    fn a_surplus_after_a_bulk_exclusion_examines_the_papers_of_every_excluded_candidate() {
        // 3 seats. 40 "A", 21 "B", 19 "C", 18 "F", 3 "D B C", 4 "E B F". Valid 105, quota
        // 105/4 = 26.25 exactly. Stage 1: A 40 elected, surplus 13.75. Hopefuls ascending
        // D 3, E 4, F 18, C 19, B 21; k=1: 3 + 13.75 > 4 → no deferral.
        // Stage 2: A's papers have no next preference: 13.75 non-transferable. Total active
        // vote 65 ÷ 3 = 21.67 > B 21: nobody deemed elected.
        // Stage 3: k=1: 3 ≤ 4; k=2: 7 ≤ F 18; k=3: 25 > C 19 → D and E excluded together;
        // one batch at 1.00 gives B 3 + 4 papers: 28 ≥ 26.25, elected, surplus 1.75.
        // Stage 4: deferral k=1: F 18 + 1.75 > C 19 → transfer. The last batch B received is
        // all 7 papers (3 next C, 4 next F): TV 1.75 / 7 = 0.25 exactly; C 19.75, F 19.00.
        // Then 38.75 ÷ 2 = 19.375 → 19.38 ≤ C: C fills the last place.
        // (Taking only D's 3 papers would give C 20.74; only E's 4, F 19.72.)
        let blt = |d: usize, e: usize, names: &str| {
            format!(
                "6 3\n40 1 0\n21 2 0\n19 3 0\n18 4 0\n3 {d} 2 3 0\n4 {e} 2 4 0\n0\n{names}\n\"T\"\n"
            )
        };
        for (text, label) in [
            (
                blt(5, 6, "\"A\"\n\"B\"\n\"C\"\n\"F\"\n\"D\"\n\"E\""),
                "D before E",
            ),
            (
                blt(6, 5, "\"A\"\n\"B\"\n\"C\"\n\"F\"\n\"E\"\n\"D\""),
                "E before D",
            ),
        ] {
            let r = run(&text, 3);
            assert_eq!(r.rounds[0].quota, d2(2625), "{label}");
            assert_eq!(r.rounds[2].excluded.len(), 2, "{label}: D and E together");
            let s4 = &r.rounds[3];
            assert_eq!(s4.action, "Surplus of B", "{label}");
            assert_eq!(
                (s4.votes[2], s4.votes[3]),
                (d2(1975), d2(1900)),
                "{label}: C, F"
            );
            assert_eq!(s4.rounding_loss, d2(0), "{label}");
            assert_eq!(r.elected, vec![0, 1, 2], "{label}");
        }
    }

    #[test]
    fn deferred_surplus_and_bulk_exclusion() {
        // 3 seats. 11 "A B", 9 "B", 8 "C", 7 "D", 3 "E D", 2 "F C". Valid 40, quota
        // 40/4 = 10.00 exactly. Stage 1: A 11 elected, surplus 1. Total active vote
        // 9 + 8 + 7 + 3 + 2 + 1 = 30, ÷ 3 = 10: nobody else is elected.
        // 5.2.2/5.2.5, hopefuls ascending F 2, E 3, D 7, C 8, B 9, 2 places left, surplus 1:
        // k=1: 2 + 1 ≤ 3 ✓; k=2: 5 + 1 ≤ 7 ✓; k=3: 12 + 1 ≤ 8 ✗ → E and F excluded together,
        // A's surplus deferred. One batch (value 1.00): E's papers → D 10, F's → C 10.
        // C and D reach the quota (10 ≥ 10) and fill the places.
        let r = run(
            "6 3\n11 1 2 0\n9 2 0\n8 3 0\n7 4 0\n3 5 4 0\n2 6 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"D\"\n\"E\"\n\"F\"\n\"T\"\n",
            3,
        );
        assert_eq!(r.rounds[0].quota, d2(1000));
        assert_eq!(r.rounds[0].elected, vec![0]);
        assert_eq!(r.rounds[1].action, "Exclusion of E, F (surpluses deferred)");
        assert_eq!(r.rounds[1].excluded, vec![4, 5]);
        assert_eq!(
            r.rounds[1].votes,
            vec![d2(1100), d2(900), d2(1000), d2(1000), d2(0), d2(0)]
        );
        assert_eq!(r.rounds[1].elected, vec![2, 3]);
        assert_eq!(r.elected, vec![0, 2, 3]);
        assert_eq!(r.rounds.len(), 2);
    }

    #[test]
    fn excluded_papers_move_in_batches_of_descending_value() {
        // 2 seats. 12 "A B", 12 "A D", 10 "B", 9 "C", 5 "D C", 8 "E". Valid 56,
        // quota 56/3 = 18.666… → 18.67.
        // Stage 1: A 24 elected, surplus 5.33. Total active vote 10 + 9 + 5 + 8 + 5.33 =
        // 37.33, ÷ 2 → 18.67: nobody else. Deferral (ascending D 5, E 8, C 9, B 10):
        // 5 + 5.33 > 8, 13 + 5.33 > 9, 22 + 5.33 > 10 → transfer.
        // Stage 2: 24 transferable papers, TV 5.33/24 = 0.2220… → 0.22: B +2.64 → 12.64,
        // D +2.64 → 7.64; loss 5.33 − 5.28 = 0.05.
        // Stage 3: ascending D 7.64, E 8, C 9, B 12.64: k=1: 7.64 ≤ 8 ✓, k=2: 15.64 > 9 → D.
        //   batch 1, value 1.00: D's own 5 papers → C 14; D still holds 2.64.
        //   batch 2, value 0.22: the 12 papers from A have no preference after D: NT 2.64.
        // Stage 4: ascending E 8, B 12.64, C 14: E excluded, its 8 papers exhaust (NT 10.64).
        //   Total active vote 12.64 + 14 = 26.64, ÷ 2 = 13.32 ≤ C 14: C deemed elected.
        let r = run(
            "5 2\n12 1 2 0\n12 1 4 0\n10 2 0\n9 3 0\n5 4 3 0\n8 5 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"D\"\n\"E\"\n\"T\"\n",
            2,
        );
        assert_eq!(r.rounds.len(), 5);
        assert_eq!(r.rounds[0].quota, d2(1867));
        assert_eq!(
            r.rounds[1].votes,
            vec![d2(1867), d2(1264), d2(900), d2(764), d2(800)]
        );
        assert_eq!(r.rounds[1].rounding_loss, d2(5));
        assert_eq!(
            r.rounds[2].action,
            "Exclusion of D: batch 1 of 2, value 1.00"
        );
        assert_eq!(r.rounds[2].excluded, vec![3]);
        assert_eq!(
            r.rounds[2].votes,
            vec![d2(1867), d2(1264), d2(1400), d2(264), d2(800)]
        );
        assert_eq!(
            r.rounds[3].action,
            "Exclusion of D: batch 2 of 2, value 0.22"
        );
        assert_eq!(r.rounds[3].votes[3], d2(0));
        assert_eq!(r.rounds[3].non_transferable, d2(264));
        assert_eq!(r.rounds[4].action, "Exclusion of E");
        assert_eq!(r.rounds[4].votes[3], None);
        assert_eq!(r.rounds[4].non_transferable, d2(1064));
        assert_eq!(r.rounds[4].elected, vec![2]);
        assert_eq!(r.elected, vec![0, 2]);
    }
}
