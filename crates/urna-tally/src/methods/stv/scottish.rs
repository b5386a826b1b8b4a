//! Scottish STV: the Scottish Local Government Elections Order 2007 (SSI 2007/42), Schedule 1,
//! rules 45–52 (renumbered by SSI 2011/399, unchanged in substance).
//!
//! - **Quota** (r. 46): ⌊valid papers ÷ (seats + 1)⌋ + 1. A candidate whose votes equal or exceed
//!   it is elected (r. 47).
//! - **Surplus** (r. 48): every paper the candidate holds moves to its next available
//!   preference for a continuing candidate, at a transfer value of surplus × the paper's value ÷
//!   the candidate's total, "calculated to five decimal places (any remainder being ignored)".
//!   A parcel of `w` identical papers is credited `w` × that value, exactly as Droop.py's
//!   `scotland` rule does (it reproduces all 49 stages of the official sheets in the corpus):
//!   the truncation happens once per paper value, never on a sum. Papers with no next preference
//!   are non-transferable at their new value; what the truncation loses is reported apart as
//!   the rounding loss (official sheets fold it into "non-transferable").
//! - **Order** (r. 49): one surplus per stage, the largest first. Equal surpluses: the candidate
//!   with more votes at the most recent preceding stage at which they differed, then lot.
//!   Elected candidates receive no further papers. A candidate elected with exactly a quota has
//!   no surplus and no transfer stage (r. 48(1): "exceeds the quota").
//! - **Exclusion** (r. 50, 51): with no surplus left, the lowest candidate is excluded, one per
//!   stage; its papers move at their current value. Ties: the fewest votes at the most recent
//!   preceding stage at which the tied candidates had unequal votes; with three or more tied,
//!   those lowest at that stage stay tied and the search goes on backwards; equal at every stage:
//!   the seeded lot.
//! - **End** (r. 52): when the continuing candidates are no more than the vacancies, they are
//!   elected without further transfer; the count also ends when every seat is filled.
//!
//! Weighted ballot lines count as that many identical papers; withdrawn candidates are skipped
//! and equal ranks end a paper (see [`super::gregory`]). All figures are `Fixed<5>`.

use std::cmp::Ordering;

use super::gregory::{Look, Want, break_tie};
use super::inclusive::{self, InclusiveRule};
use crate::ballots::{CandidateId, ElectionInfo, RankedElection};
use crate::error::TallyError;
use crate::fixed::Fixed;
use crate::methods::{Context, Method};
use crate::report::{Report, TieBreak};
use crate::tie::Lot;

/// Five decimal places, r. 48(3).
pub type Votes = Fixed<5>;

#[derive(Debug, Clone, Copy)]
pub struct Scottish;

impl InclusiveRule for Scottish {
    type V = Votes;
    const METHOD: Method = Method::ScottishStv;

    fn quota(&self, valid: u64, seats: usize) -> Votes {
        Votes::from_int((valid / (seats as u64 + 1) + 1) as i64)
    }

    fn has_quota(&self, vote: Votes, quota: Votes) -> bool {
        vote >= quota
    }

    fn transfer_value(&self, value: Votes, surplus: Votes, total: Votes) -> Votes {
        value.mul_div_floor(surplus, total)
    }

    fn cmp(&self, a: Votes, b: Votes) -> Ordering {
        a.cmp(&b)
    }

    fn hidden(&self, _v: Votes) -> Votes {
        Votes::ZERO
    }

    fn break_tie(
        &self,
        tied: &[CandidateId],
        history: &[Vec<Votes>],
        want: Want,
        _info: &ElectionInfo,
        lot: &mut Lot,
    ) -> (CandidateId, TieBreak) {
        break_tie(tied, history, want, Look::Backwards, lot, |a, b| a.cmp(&b))
    }
}

pub fn count(e: &RankedElection, ctx: &mut Context<'_>) -> Result<Report, TallyError> {
    inclusive::count(&Scottish, e, ctx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blt;
    use crate::report::{Decimal, TieRule};

    fn run(text: &str, seats: usize, seed: u64) -> Report {
        let e = blt::parse(text).expect("valid BLT");
        count(&e, &mut Context::with_seats(seats, seed)).expect("count")
    }

    fn d5(s: &str) -> Decimal {
        let (w, f) = s.split_once('.').unwrap_or((s, ""));
        Decimal::new(format!("{w}{f:0<5}").parse().expect("digits"), 5)
    }

    #[test]
    fn hand_worked_surplus_with_truncation() {
        // 2 seats. A 7 papers (4 "A B", 3 "A C"), B 2, C 1. Valid 10.
        // Quota ⌊10/3⌋+1 = 4. A elected with 7, surplus 3.
        // TV = 1 × 3 ÷ 7 = 0.428571… → 0.42857. B gets 4 × 0.42857 = 1.71428 → 3.71428;
        // C gets 3 × 0.42857 = 1.28571 → 2.28571. Loss = 3 − 7 × 0.42857 = 3 − 2.99999 = 0.00001.
        // Stage 3: no surplus; C (2.28571) excluded: its 1 first-preference paper has no
        // further preference (NT 1), nor have the 3 papers from A ("A C") → NT
        // 1 + 1.28571 = 2.28571. B is the only hopeful left for 1 seat → elected.
        let r = run(
            "3 2\n4 1 2 0\n3 1 3 0\n2 2 0\n1 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n",
            2,
            1,
        );
        assert_eq!(r.rounds[0].quota, Some(d5("4")));
        assert_eq!(r.rounds[0].elected, vec![0]);
        let s2 = &r.rounds[1];
        assert_eq!(s2.action, "Surplus of A");
        assert_eq!(
            s2.votes,
            vec![Some(d5("4")), Some(d5("3.71428")), Some(d5("2.28571"))]
        );
        assert_eq!(s2.rounding_loss, Some(d5("0.00001")));
        assert_eq!(s2.non_transferable, Some(d5("0")));
        // B has 3.71428 < 4 and 2 hopefuls for 1 seat: exclusion of C, then B fills the seat.
        let s3 = &r.rounds[2];
        assert_eq!(s3.action, "Exclusion of C");
        assert_eq!(s3.votes[2], Some(d5("0")));
        assert_eq!(s3.non_transferable, Some(d5("2.28571")));
        assert_eq!(s3.elected, vec![1]);
        assert_eq!(r.elected, vec![0, 1]);
        assert_eq!(r.rounds.len(), 3);
    }

    #[test]
    fn exclusion_tie_looks_back_to_the_last_difference() {
        // 1 seat. A 10 "A", B 5 "B", C 4 "C", E 2 "E C", D 1 "D B" + 2 "D". Valid 24,
        // quota ⌊24/2⌋+1 = 13.
        // Stage 1: A 10, B 5, C 4, D 3, E 2.
        // Stage 2: exclude E (2) → C 6.            A 10, B 5, C 6, D 3.
        // Stage 3: exclude D (3): 1 → B, 2 NT.     A 10, B 6, C 6.
        // Stage 4: B and C tie at 6. Backwards: stage 3 equal, stage 2 B 5 < C 6 → exclude B
        // (forwards would have looked at stage 1, C 4 < B 5, and excluded C).
        // Stage 5: exclude C; A is the only hopeful left → elected.
        let r = run(
            "5 1\n10 1 0\n5 2 0\n4 3 0\n2 5 3 0\n1 4 2 0\n2 4 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"D\"\n\"E\"\n\"T\"\n",
            1,
            7,
        );
        assert_eq!(r.rounds[0].quota, Some(d5("13")));
        assert_eq!(r.rounds[1].excluded, vec![4]);
        assert_eq!(r.rounds[2].excluded, vec![3]);
        assert_eq!(r.rounds[2].non_transferable, Some(d5("2")));
        let t = r.rounds[3].tie_break.as_ref().expect("tie at stage 4");
        assert_eq!(t.tied, vec![1, 2]);
        assert_eq!(t.rules, vec![TieRule::Backwards]);
        assert_eq!(t.chosen, 1);
        assert_eq!(r.rounds[3].excluded, vec![1]);
        assert_eq!(r.rounds[4].excluded, vec![2]);
        assert_eq!(r.rounds[4].elected, vec![0]);
        assert_eq!(r.elected, vec![0]);
    }

    #[test]
    fn exclusion_tie_equal_at_every_stage_is_drawn_by_lot() {
        // 2 seats. A 5, B 2, C 2: quota ⌊9/3⌋+1 = 4: A elected, surplus 1, A's papers have no further preference
        // (NT 5 × 0.2 = 1). Stage 3: B and C tie at 2 at every stage → lot.
        let text = "3 2\n5 1 0\n2 2 0\n2 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n";
        let mut seen = [false; 2];
        for seed in 0..20 {
            let r = run(text, 2, seed);
            let t = r.rounds[2].tie_break.as_ref().expect("tie at stage 3");
            assert_eq!(t.rules, vec![TieRule::Backwards, TieRule::Lot]);
            assert_eq!(r.rounds[2].excluded, vec![t.chosen]);
            seen[t.chosen - 1] = true;
            assert_eq!(r.elected, vec![0, 3 - t.chosen]);
        }
        assert_eq!(seen, [true, true], "both outcomes occur over 20 seeds");
    }

    #[test]
    fn equal_ranks_end_the_paper() {
        // A 3 "A B=C", B 1, C 1, 2 seats: quota ⌊5/3⌋+1 = 2; A 3 elected, surplus 1; A's papers reach B=C, an
        // equal-rank group: non-transferable. TV = 1/3 → 0.33333; NT 3 × 0.33333 = 0.99999,
        // loss 0.00001.
        let r = run(
            "3 2\n3 1 2=3 0\n1 2 0\n1 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n",
            2,
            1,
        );
        let s2 = &r.rounds[1];
        assert_eq!(s2.action, "Surplus of A");
        assert_eq!(s2.non_transferable, Some(d5("0.99999")));
        assert_eq!(s2.rounding_loss, Some(d5("0.00001")));
        assert_eq!(s2.votes[1], Some(d5("1")));
    }

    #[test]
    fn withdrawn_candidates_are_skipped_and_unlisted() {
        // B withdrawn: "B A" counts for A. 1 seat, valid 3, quota 2. A 2 → elected.
        let r = run(
            "3 1\n-2\n1 2 1 0\n1 1 0\n1 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n",
            1,
            1,
        );
        assert_eq!(r.rounds[0].votes, vec![Some(d5("2")), None, Some(d5("1"))]);
        assert_eq!(r.elected, vec![0]);
    }
}
