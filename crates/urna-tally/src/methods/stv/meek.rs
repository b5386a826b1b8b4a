//! Meek STV, as counted by two reference programs.
//!
//! Meek's method (Hill, Wichmann & Woodall 1987, *Algorithm 123*, Computer Journal 30(3)): every
//! candidate has a keep factor `k` (1 for hopefuls, 0 for defeated candidates); each ballot gives
//! each candidate in order of preference the share `k` of the power that reaches it and passes
//! the rest on. Keep factors of elected candidates are lowered, iteration after iteration, until
//! each elected candidate keeps about a quota; when the iteration settles and no one reaches the
//! quota, the lowest hopeful is defeated.
//!
//! Urna reproduces two reference rules digit for digit, both in 9-decimal fixed point
//! ([`Fixed<9>`]) with ω = 10⁻⁶:
//!
//! # `meek` ([`Variant::Droop`]): Droop.py `meek`, fixed, precision 9, omega 6, one defeat at a time
//! As reproduced byte for byte by stv-rs 0.5.1 `--arithmetic fixed9` (Apache-2; read to learn
//! the exact rounding of each step, not copied), whose transcripts are the specification:
//! - **Quota** `q = (ballots − residual) / (seats + 1)` truncated, `+ 10⁻⁹`, where the residual
//!   is everything not credited to a candidate (exhausted and rounding); the first quota uses
//!   the number of ballots.
//! - **Distribution**: at keep factor `k`, the candidate keeps `w·k` and `w·(1−k)` goes on,
//!   both truncated; the ballot stops when nothing is left. Equal ranks: see
//!   `packed::Rule::Droop` (Droop.py's recursive rule, which over-credits later candidates; a
//!   rank group of defeated candidates stops the ballot).
//! - **Election**: a hopeful is elected when `v ≥ q` (candidates in file order, each an action
//!   "Elect: X"); an iteration that elects someone ends there ("Iterate (elected)").
//! - **Surplus** `s = Σ (v − q)` over the elected (not clamped: it can be negative, see
//!   `negative_surplus/below_quota.blt`).
//! - **Iteration ends** when `s ≤ ω` ("Iterate (omega)") or `s` is not below the previous
//!   iteration's surplus (the first comparison is with the number of ballots) ("Iterate
//!   (stable)"); otherwise each elected candidate's `k ← ⌈⌈k·q⌉ / v⌉` (both rounded up) and the
//!   ballots are counted again.
//! - **Defeat**: the lowest hopeful `m`; every hopeful with `v ≤ m + s` is tied with it, and
//!   the tie goes to the predeclared order ("Break tie (defeat): [A, B] -> A"); "Defeat
//!   (surplus s < omega): X" or "Defeat (stable surplus s): X"; its keep factor becomes 0 and the
//!   ballots are counted again.
//! - **End**: when the hopefuls just fill the seats left, or no seat is left: each remaining
//!   hopeful in file order is "Elect remaining" while seats are left, else "Defeat remaining",
//!   and the ballots are counted again after each; then "Count Complete".
//!
//! # `meek-prf` ([`Variant::Prf`]): the PR Foundation Meek reference rule (Droop.py `meek-prf`)
//! Rules A–C of the reference (Droop.py `droop/rules/meek_prf.py`, GPL: read, not copied), whose
//! transcripts are the specification:
//! - **Distribution**: the candidate keeps `w·k` **rounded up**; the ballot goes on with `w`
//!   minus that; defeated candidates are skipped. Ballots with equal ranks are not defined by
//!   the reference and Droop.py does not count them: they count in the number of ballots (first
//!   quota) and are reported as non-transferable.
//! - **Quota** `q = Σ v / (seats + 1)` truncated `+ 10⁻⁹` (first quota: ballots / (seats + 1)).
//! - **Election** `v ≥ q`; **surplus** `Σ (v − q)` over the elected, not below 0; **iteration
//!   ends** when `s < ω` or (after the first iteration) `s ≥` the previous surplus; keep factors
//!   `k ← ⌈⌈k·q⌉ / v⌉`.
//! - **Defeat** as above (tied: `v ≤ m + s`, predeclared order), the defeated's vote set to 0
//!   without counting again; "Elect remaining"/"Defeat remaining" and "Count Complete" report
//!   the last count's figures, where votes of candidates defeated since then are
//!   non-transferable.
//! - The iteration's actions are not reported (no "Iterate" blocks), as in Droop.py's log.
//!
//! # Common to both
//! - **Withdrawn candidates** are removed from the ballots (later preferences move up) and have
//!   no vote ("Add withdrawn"). Ballots that rank no standing candidate are not counted (they are
//!   not in the number of ballots).
//! - **Ties** (which candidate to defeat) go to the **predeclared order**: the file's `[tie]`
//!   line, else the candidates' file order; the candidate *earliest* in that order is defeated
//!   (the references' rule; so the order lists candidates from the first to lose a tie).
//! - **Report**: one [`Round`] per action block of the reference transcripts, with the quota,
//!   each candidate's votes (`None` for withdrawn candidates and for candidates defeated at an
//!   earlier action), and the residual split exactly into non-transferable votes (value left at
//!   the end of ballots, and ballots set aside) and rounding loss (truncation). The transcripts'
//!   "Begin Count" prints a residual of 0 whatever the rounding of equal ranks lost (and Droop.py
//!   leaves set-aside ballots out of its stage totals); Urna reports the real figures, so that
//!   `Σ votes + non-transferable + rounding loss = ballots` at every stage.
//!
//! # Where the references fail
//! Urna gives a result (an extension, reported as such) or an error, never a crash:
//! - more hopefuls reach the quota than seats are left (`crashes/elect_too_many.blt`, where
//!   Droop.py fails an assertion and stv-rs panics): the highest votes are elected, a tie for
//!   the last seat going against the candidate earliest in the predeclared order (the same
//!   sense as a defeat), recorded as a tie;
//! - Droop's surplus is negative at the end of an iteration that elects no one (an elected
//!   candidate fell below the quota by more than the others exceed it; `crashes/minimal.blt`,
//!   where stv-rs 0.5.1 panics and Droop.py refuses the file): that iteration's surplus counts
//!   only positive differences, as stv-rs `--force-positive-surplus` does. (The corpus
//!   transcript `crashes/minimal.fixed9.log` is that mode's output: rerunning stv-rs 0.5.1 shows
//!   it, while its default mode reproduces the other transcripts, which need the unclamped
//!   surplus — `negative_surplus/below_quota` ends an electing iteration with one elected
//!   candidate below the quota.)
//! - fewer standing candidates than seats: all are elected and the other seats stay vacant;
//! - an elected candidate with no vote left (a keep factor cannot be computed):
//!   [`TallyError::Unsupported`].

mod packed;

use crate::ballots::{CandidateId, RankedElection};
use crate::error::TallyError;
use crate::fixed::Fixed;
use crate::methods::{Context, Method};
use crate::report::{Decimal, Report, Round, TieBreak, TieRule};

use packed::{Packed, Rule, Scratch, Tally};

type F = Fixed<9>;

/// Which Meek reference rule to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// Droop.py's `meek` rule (fixed 9 dp, omega 10^-6); stv-rs `fixed9` matches it.
    Droop,
    /// The PR Foundation reference rule (Droop.py `meek-prf`).
    Prf,
}

/// Counts `e` with Meek's method under `variant`.
pub fn count(
    e: &RankedElection,
    ctx: &mut Context<'_>,
    variant: Variant,
) -> Result<Report, TallyError> {
    let progress = |done: u64, total: u64| ctx.progress(done, total);
    count_traced(e, ctx.seats, variant, &progress).map(|(r, _)| r)
}

/// [`count`], also returning the total surplus at each round (the transcripts' `Surplus:`
/// line), for tests that compare every figure with a reference transcript.
pub fn count_traced(
    e: &RankedElection,
    seats: usize,
    variant: Variant,
    progress: &dyn Fn(u64, u64),
) -> Result<(Report, Vec<Decimal>), TallyError> {
    let rule = match variant {
        Variant::Droop => Rule::Droop,
        Variant::Prf => Rule::Prf,
    };
    let packed = Packed::new(e, rule).map_err(too_large)?;
    if packed.total > F::MAX_WHOLE as u64 {
        return Err(too_large(packed.total as u128));
    }
    let mut count = Count::new(e, seats, variant, packed, progress);
    count.run()?;
    let method = match variant {
        Variant::Droop => Method::Meek,
        Variant::Prf => Method::MeekPrf,
    };
    let mut report = Report::new(method, &e.info, seats, count.packed.total);
    report.vacant = seats.saturating_sub(count.elected.len());
    report.elected = count.elected;
    report.rounds = count.rounds;
    Ok((report, count.surpluses))
}

fn too_large(total: u128) -> TallyError {
    TallyError::TooLarge(format!(
        "the ballots weigh {total} in all; Meek's 9-decimal arithmetic holds at most {}",
        F::MAX_WHOLE
    ))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Withdrawn,
    Hopeful,
    Elected,
    Defeated,
}

/// How an iteration ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    Elected,
    Omega,
    Stable,
}

struct Count<'a> {
    variant: Variant,
    e: &'a RankedElection,
    packed: Packed,
    seats: usize,
    /// The number of ballots (weight counted), as a vote value.
    ballots: F,
    status: Vec<Status>,
    kf: Vec<F>,
    /// Position of each candidate in the predeclared order (earliest loses ties).
    tie_pos: Vec<usize>,
    tally: Tally,
    /// Votes taken from candidates defeated since the last count, not transferred (PRF).
    dropped: F,
    quota: F,
    surplus: F,
    elected: Vec<CandidateId>,
    decided: u64,
    standing: u64,
    rounds: Vec<Round>,
    surpluses: Vec<Decimal>,
    scratch: Scratch,
    progress: &'a dyn Fn(u64, u64),
}

impl<'a> Count<'a> {
    fn new(
        e: &'a RankedElection,
        seats: usize,
        variant: Variant,
        packed: Packed,
        progress: &'a dyn Fn(u64, u64),
    ) -> Self {
        let info = &e.info;
        let n = info.candidates.len();
        let status: Vec<Status> = (0..n)
            .map(|c| {
                if info.is_withdrawn(c) {
                    Status::Withdrawn
                } else {
                    Status::Hopeful
                }
            })
            .collect();
        let kf = status
            .iter()
            .map(|&s| {
                if s == Status::Hopeful {
                    F::ONE
                } else {
                    F::ZERO
                }
            })
            .collect();
        let mut tie_pos = vec![usize::MAX; n];
        for (p, c) in info.predeclared_order().into_iter().enumerate() {
            if c < n {
                tie_pos[c] = p;
            }
        }
        let ballots = F::from_int(packed.total as i64);
        let standing = status.iter().filter(|&&s| s == Status::Hopeful).count() as u64;
        Count {
            variant,
            e,
            packed,
            seats,
            ballots,
            status,
            kf,
            tie_pos,
            tally: Tally::new(n),
            dropped: F::ZERO,
            quota: F::ZERO,
            surplus: F::ZERO,
            elected: Vec::new(),
            decided: 0,
            standing,
            rounds: Vec::new(),
            surpluses: Vec::new(),
            scratch: Scratch::default(),
            progress,
        }
    }

    fn name(&self, c: CandidateId) -> &str {
        &self.e.info.candidates[c]
    }

    fn hopefuls(&self) -> Vec<CandidateId> {
        (0..self.status.len())
            .filter(|&c| self.status[c] == Status::Hopeful)
            .collect()
    }

    fn seats_left(&self) -> usize {
        self.seats.saturating_sub(self.elected.len())
    }

    fn recount(&mut self) {
        self.packed
            .count(&self.kf, &mut self.tally, &mut self.scratch);
        self.dropped = F::ZERO;
    }

    /// `(seats + 1)`-th part of `votes`, rounded as the variant does, plus 10⁻⁹.
    fn quota_of(&self, votes: F) -> F {
        let d = self.seats as i64 + 1;
        let part = match self.variant {
            Variant::Droop => votes.div_int_trunc(d),
            Variant::Prf => votes.div_int_floor(d),
        };
        part + F::EPSILON
    }

    fn run(&mut self) -> Result<(), TallyError> {
        self.quota = self.quota_of(self.ballots);
        self.recount();
        self.record("Begin Count".into(), vec![], vec![], None);
        loop {
            let hopeful = self.hopefuls().len();
            let left = self.seats_left();
            if left == 0 || hopeful <= left {
                break;
            }
            let ending = self.iterate()?;
            if self.variant == Variant::Droop {
                let text = match ending {
                    Ending::Elected => "Iterate (elected)",
                    Ending::Omega => "Iterate (omega)",
                    Ending::Stable => "Iterate (stable)",
                };
                self.record(text.into(), vec![], vec![], None);
            }
            if ending == Ending::Elected {
                continue;
            }
            self.defeat_lowest(ending);
        }
        self.finish();
        Ok(())
    }

    /// Counts until someone is elected or the surplus settles.
    fn iterate(&mut self) -> Result<Ending, TallyError> {
        let mut last = self.ballots;
        loop {
            self.recount();
            let votes: F = self.tally.votes.iter().copied().sum();
            self.quota = self.quota_of(votes);
            let any = self.elect_reaching_quota();
            let surplus: F = self
                .elected
                .iter()
                .map(|&c| self.tally.votes[c] - self.quota)
                .sum();
            self.surplus = match self.variant {
                Variant::Droop => surplus,
                Variant::Prf => surplus.max(F::ZERO),
            };
            if any {
                return Ok(Ending::Elected);
            }
            if self.surplus < F::ZERO {
                // Extension: Droop's surplus went negative (an elected candidate fell below the
                // quota by more than the others exceed it); Droop.py and stv-rs 0.5.1 then fail.
                // Count only positive surpluses, as stv-rs `--force-positive-surplus` does.
                self.surplus = self
                    .elected
                    .iter()
                    .map(|&c| (self.tally.votes[c] - self.quota).max(F::ZERO))
                    .sum();
            }
            let omega = F::from_raw(F::SCALE / 1_000_000);
            let settled = match self.variant {
                Variant::Droop => self.surplus <= omega,
                Variant::Prf => self.surplus < omega,
            };
            if settled {
                return Ok(Ending::Omega);
            }
            if self.surplus >= last {
                return Ok(Ending::Stable);
            }
            last = self.surplus;
            for i in 0..self.elected.len() {
                let c = self.elected[i];
                self.kf[c] = self.new_keep_factor(c)?;
            }
        }
    }

    /// `⌈⌈k·q⌉ / v⌉`: stv-rs's `mul_up` and `div_up_as_keep_factor` (`(x + d − 1) / d`,
    /// truncated toward zero) for `meek`; Python's exact ceilings for `meek-prf`. The two agree
    /// on non-negative values, the only ones a sound count produces.
    fn new_keep_factor(&self, c: CandidateId) -> Result<F, TallyError> {
        let (k, q, v) = (
            self.kf[c].raw() as i128,
            self.quota.raw() as i128,
            self.tally.votes[c].raw() as i128,
        );
        if v == 0 {
            return Err(TallyError::Unsupported(format!(
                "Meek's iteration broke down: elected candidate {} has no vote left, so its \
                 keep factor cannot be updated",
                self.name(c)
            )));
        }
        let s = F::SCALE as i128;
        let raw = match self.variant {
            Variant::Droop => {
                let kq = (k * q + s - 1) / s;
                (kq * s + v - 1) / v
            }
            Variant::Prf => {
                let kq = ceil_div(k * q, s);
                ceil_div(kq * s, v)
            }
        };
        i64::try_from(raw)
            .map(F::from_raw)
            .map_err(|_| TallyError::TooLarge("a keep factor left the arithmetic's range".into()))
    }

    /// Elects every hopeful with `v ≥ q` (file order), at most the seats left. Returns whether
    /// anyone was elected.
    fn elect_reaching_quota(&mut self) -> bool {
        let reached: Vec<CandidateId> = self
            .hopefuls()
            .into_iter()
            .filter(|&c| self.tally.votes[c] >= self.quota)
            .collect();
        if reached.is_empty() {
            return false;
        }
        let left = self.seats_left();
        let mut tie = None;
        let chosen: Vec<CandidateId> = if reached.len() <= left {
            reached
        } else {
            // Extension (the references fail here): the highest votes; at equal votes the
            // candidate earliest in the predeclared order loses.
            let mut by_votes = reached.clone();
            by_votes.sort_by_key(|&c| {
                (
                    std::cmp::Reverse(self.tally.votes[c]),
                    std::cmp::Reverse(self.tie_pos[c]),
                )
            });
            let mut winners: Vec<CandidateId> = by_votes[..left].to_vec();
            let boundary = self.tally.votes[by_votes[left - 1]];
            if left > 0 && self.tally.votes[by_votes[left]] == boundary {
                let tied: Vec<CandidateId> = reached
                    .iter()
                    .copied()
                    .filter(|&c| self.tally.votes[c] == boundary)
                    .collect();
                tie = Some(TieBreak {
                    tied,
                    rules: vec![TieRule::PredeclaredOrder],
                    chosen: by_votes[left - 1],
                });
            }
            winners.sort_unstable();
            winners
        };
        for c in chosen {
            self.status[c] = Status::Elected;
            self.elected.push(c);
            self.decided += 1;
            (self.progress)(self.decided, self.standing);
            let text = format!("Elect: {}", self.name(c));
            self.record(text, vec![c], vec![], tie.take());
        }
        true
    }

    fn defeat_lowest(&mut self, ending: Ending) {
        let hopefuls = self.hopefuls();
        let Some(low) = hopefuls.iter().map(|&c| self.tally.votes[c]).min() else {
            return;
        };
        let within = low + self.surplus;
        let mut tied: Vec<CandidateId> = hopefuls
            .iter()
            .copied()
            .filter(|&c| self.tally.votes[c] <= within)
            .collect();
        if tied.is_empty() {
            // Negative surplus (extension): the lowest hopefuls.
            tied = hopefuls
                .iter()
                .copied()
                .filter(|&c| self.tally.votes[c] == low)
                .collect();
        }
        let loser = *tied
            .iter()
            .min_by_key(|&&c| self.tie_pos[c])
            .expect("at least one hopeful has the lowest vote");
        if tied.len() > 1 {
            let names: Vec<&str> = tied.iter().map(|&c| self.name(c)).collect();
            let label = match self.variant {
                Variant::Droop => "Break tie (defeat)",
                Variant::Prf => "Break tie (defeat low candidate)",
            };
            let text = format!("{label}: [{}] -> {}", names.join(", "), self.name(loser));
            let tie = TieBreak {
                tied: tied.clone(),
                rules: vec![TieRule::PredeclaredOrder],
                chosen: loser,
            };
            self.record(text, vec![], vec![], Some(tie));
        }
        self.status[loser] = Status::Defeated;
        self.decided += 1;
        (self.progress)(self.decided, self.standing);
        let text = match ending {
            Ending::Stable => format!(
                "Defeat (stable surplus {}): {}",
                self.surplus,
                self.name(loser)
            ),
            _ => format!(
                "Defeat (surplus {} < omega): {}",
                self.surplus,
                self.name(loser)
            ),
        };
        self.record(text, vec![], vec![loser], None);
        self.kf[loser] = F::ZERO;
        match self.variant {
            Variant::Droop => self.recount(),
            Variant::Prf => self.drop_votes(loser),
        }
    }

    /// Sets a defeated candidate's vote to 0 without counting again (PRF); the vote becomes
    /// non-transferable until the next count.
    fn drop_votes(&mut self, c: CandidateId) {
        self.dropped += self.tally.votes[c];
        self.tally.votes[c] = F::ZERO;
    }

    /// Elects or defeats the remaining hopefuls, then the final report.
    fn finish(&mut self) {
        for c in self.hopefuls() {
            if self.elected.len() < self.seats {
                self.status[c] = Status::Elected;
                self.elected.push(c);
                self.decided += 1;
                (self.progress)(self.decided, self.standing);
                let text = format!("Elect remaining: {}", self.name(c));
                self.record(text, vec![c], vec![], None);
                if self.variant == Variant::Droop {
                    self.recount();
                }
            } else {
                self.status[c] = Status::Defeated;
                self.decided += 1;
                (self.progress)(self.decided, self.standing);
                let text = format!("Defeat remaining: {}", self.name(c));
                self.record(text, vec![], vec![c], None);
                self.kf[c] = F::ZERO;
                match self.variant {
                    Variant::Droop => self.recount(),
                    Variant::Prf => self.drop_votes(c),
                }
            }
        }
        self.record("Count Complete".into(), vec![], vec![], None);
    }

    fn record(
        &mut self,
        action: String,
        elected: Vec<CandidateId>,
        excluded: Vec<CandidateId>,
        tie_break: Option<TieBreak>,
    ) {
        let n = self.status.len();
        let shown = |c: CandidateId| match self.status[c] {
            Status::Withdrawn => false,
            Status::Defeated => excluded.contains(&c),
            _ => true,
        };
        let votes = (0..n)
            .map(|c| shown(c).then(|| self.tally.votes[c].to_decimal()))
            .collect();
        let keep_factors = (0..n)
            .map(|c| {
                matches!(self.status[c], Status::Hopeful | Status::Elected)
                    .then(|| self.kf[c].to_decimal())
            })
            .collect();
        let non_transferable = self.tally.exhausted + self.dropped;
        self.rounds.push(Round {
            stage: self.rounds.len() + 1,
            action,
            quota: Some(self.quota.to_decimal()),
            votes,
            non_transferable: Some(non_transferable.to_decimal()),
            rounding_loss: Some(self.tally.rounding.to_decimal()),
            keep_factors: Some(keep_factors),
            elected,
            excluded,
            tie_break,
        });
        self.surpluses.push(self.surplus.to_decimal());
    }
}

/// `⌈a / b⌉` for `b > 0` (Python's `divmod` rounding, then up on a remainder).
fn ceil_div(a: i128, b: i128) -> i128 {
    -((-a).div_euclid(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(raw: i128) -> Option<Decimal> {
        Some(Decimal::new(raw, 9))
    }

    /// A count worked by hand. Ballots: 4 × "A B", 1 × "B", 2 × "C"; 2 seats; 7 ballots.
    ///
    /// - First quota 7/3 = 2.333333333 (truncated) + 0.000000001 = 2.333333334.
    /// - Iteration 1 (keep factors 1): A 4, B 1, C 2; A ≥ q: "Elect: A" (surplus still 0);
    ///   surplus 4 − 2.333333334 = 1.666666666: "Iterate (elected)".
    /// - Next round, iteration 1: same count and quota; no one reaches q; surplus 1.666666666 is
    ///   above ω and below 7 (the first comparison), so A's keep factor becomes
    ///   ⌈⌈1 × 2.333333334⌉ / 4⌉ = ⌈0.5833333335⌉ = 0.583333334.
    /// - Iteration 2: each "A B" gives A 0.583333334 and B trunc(1 × 0.416666666) =
    ///   0.416666666 (no loss): A 4 × 0.583333334 = 2.333333336, B 1 + 1.666666664 =
    ///   2.666666664, C 2; votes 7, quota 2.333333334; B ≥ q: "Elect: B" (surplus shown: the
    ///   last one, 1.666666666); surplus 0.000000002 + 0.333333330 = 0.333333332.
    /// - No seat left: "Defeat remaining: C" (C 2), count again: C's 2 ballots exhaust;
    ///   "Count Complete": A 2.333333336, B 2.666666664, non-transferable 2.
    #[test]
    fn worked_example_by_hand() {
        let e = crate::blt::parse("3 2\n4 1 2 0\n1 2 0\n2 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"t\"\n")
            .expect("valid");
        let (r, surplus) = count_traced(&e, 2, Variant::Droop, &|_, _| {}).expect("counts");
        let actions: Vec<&str> = r.rounds.iter().map(|r| r.action.as_str()).collect();
        assert_eq!(
            actions,
            [
                "Begin Count",
                "Elect: A",
                "Iterate (elected)",
                "Elect: B",
                "Iterate (elected)",
                "Defeat remaining: C",
                "Count Complete"
            ]
        );
        let q = d(2_333_333_334);
        assert!(r.rounds.iter().all(|r| r.quota == q));
        assert_eq!(
            r.rounds[0].votes,
            vec![d(4_000_000_000), d(1_000_000_000), d(2_000_000_000)]
        );
        assert_eq!(
            r.rounds[3].votes,
            vec![d(2_333_333_336), d(2_666_666_664), d(2_000_000_000)]
        );
        assert_eq!(
            r.rounds[3].keep_factors.as_ref().expect("kf")[0],
            d(583_333_334)
        );
        assert_eq!(
            r.rounds[6].votes,
            vec![d(2_333_333_336), d(2_666_666_664), None]
        );
        assert_eq!(r.rounds[6].non_transferable, d(2_000_000_000));
        assert_eq!(r.rounds[6].rounding_loss, d(0));
        let s: Vec<String> = surplus.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            s,
            [
                "0.000000000",
                "0.000000000",
                "1.666666666",
                "1.666666666",
                "0.333333332",
                "0.333333332",
                "0.333333332"
            ]
        );
        assert_eq!(r.elected, vec![0, 1]);
        assert_eq!(r.rounds[5].excluded, vec![2]);
    }

    #[test]
    fn too_many_reaching_the_quota_is_decided_not_a_crash() {
        // stv-rs's crashes/elect_too_many.blt shape: several reach the quota for one seat.
        let e = crate::blt::parse(
            "4 2\n3 1=2 3=4 0\n3 2=3 4=1 0\n1 3=4 1=2 0\n1 4=1 2=3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"D\"\n\"t\"\n",
        )
        .expect("valid");
        let (r, _) = count_traced(&e, 2, Variant::Droop, &|_, _| {}).expect("a result");
        assert_eq!(r.elected.len(), 2);
        assert_eq!(
            r.rounds.last().map(|r| r.action.as_str()),
            Some("Count Complete")
        );
    }
}
