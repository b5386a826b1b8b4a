//! Weighted inclusive Gregory method (WIGM), as Droop.py's generic `wigm` rule counts it with
//! its default options (`droop/rules/wigm.py`; J. Lundell, GPL-3, read as a reference only).
//!
//! - **Arithmetic**: Droop's default for `wigm` is "guarded" fixed point with 18 digits of
//!   precision and 9 guard digits: every figure is held to 27 decimals (here an `i128` scaled by
//!   10^27), each multiplication and each division truncates to 27 decimals, and two figures
//!   closer than half a unit of the 9 guard digits (5 × 10^-19) compare as equal. Reports show
//!   18 decimals (the precision, [`DECIMALS`]), truncated; the rounding-loss figure absorbs the
//!   hidden guard digits, so every stage still balances exactly.
//! - **Quota**: guarded arithmetic counts as exact, so the quota is valid ÷ (seats + 1) (27
//!   decimals, no +1), and a candidate is elected when its vote is *greater* than the quota
//!   (`integer_quota=false`).
//! - **Surplus**: each stage transfers the largest surplus; every paper the candidate holds moves
//!   to its next hopeful preference at weight × surplus ÷ vote (Droop computes `(weight ×
//!   surplus) / vote`: a product truncated to 27 decimals, then a quotient truncated). Elected
//!   candidates receive no further papers.
//! - **Defeat**: with no surplus, the lowest hopeful candidate is defeated, one per stage
//!   (`defeat_batch=none`); its papers move at their current weight.
//! - **Ties** (surplus order and defeat): Droop's `wigm` takes the first of the tied candidates in
//!   the tie-break order — the `[tie]` line of the ballot file, else file order — both to transfer
//!   its surplus first and to be defeated. There is no look-back and no lot.
//! - **End**: when every seat is filled, or the hopefuls left fit the seats left (they are
//!   elected). Droop.py, when the last seat fills at the start of a round, still transfers one
//!   pending surplus in that round; that changes nothing and Urna leaves it out.
//!
//! Ballots: weighted lines, withdrawn candidates skipped, equal ranks end the paper (see
//! [`super::gregory`]; Droop's `wigm` ignores equal-rank ballots altogether).

use std::cmp::Ordering;
use std::fmt;
use std::ops::{Add, AddAssign, Sub, SubAssign};

use super::gregory::{Votes, Want};
use super::inclusive::{self, InclusiveRule};
use crate::ballots::{CandidateId, ElectionInfo, RankedElection};
use crate::error::TallyError;
use crate::methods::{Context, Method};
use crate::report::{Decimal, Report, TieBreak, TieRule};
use crate::tie::Lot;

/// The decimals reports show: Droop's `wigm` precision.
pub const DECIMALS: u32 = 18;
/// Guard digits kept beyond [`DECIMALS`].
const GUARD: u32 = 9;
const SCALE: i128 = 10i128.pow(DECIMALS + GUARD);
/// Half a unit of the guard: figures closer than this are equal.
const GEPS: i128 = 10i128.pow(GUARD) / 2;

/// A guarded fixed-point figure: `raw × 10^-27`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Guarded(i128);

impl Guarded {
    pub fn from_raw(raw: i128) -> Self {
        Guarded(raw)
    }

    pub fn raw(self) -> i128 {
        self.0
    }

    /// `self × other`, truncated to 27 decimals (Droop `Guarded.__mul__`).
    fn mul(self, other: Self) -> Self {
        Guarded(mul_div_floor(self.0, other.0, SCALE))
    }

    /// `self ÷ other`, truncated to 27 decimals (Droop `Guarded.__truediv__`).
    fn div(self, other: Self) -> Self {
        Guarded(mul_div_floor(self.0, SCALE, other.0))
    }

    /// Droop's guarded comparison: equal within half a unit of the guard digits.
    pub fn guarded_cmp(self, other: Self) -> Ordering {
        if (self.0 - other.0).abs() < GEPS {
            Ordering::Equal
        } else {
            self.0.cmp(&other.0)
        }
    }
}

/// `⌊a × b ÷ c⌋` for non-negative `a`, `b` and positive `c`, with a 256-bit intermediate
/// product. Inside a count the operands are vote figures and weights, never negative, and the
/// quotient is at most a vote total; both are internal invariants.
fn mul_div_floor(a: i128, b: i128, c: i128) -> i128 {
    assert!(a >= 0 && b >= 0 && c > 0, "WIGM figures are non-negative");
    let (a, b, c) = (a as u128, b as u128, c as u128);
    const LOW: u128 = u64::MAX as u128;
    let (a1, a0) = (a >> 64, a & LOW);
    let (b1, b0) = (b >> 64, b & LOW);
    let p00 = a0 * b0;
    let p01 = a0 * b1;
    let p10 = a1 * b0;
    let p11 = a1 * b1;
    let mid = (p00 >> 64) + (p01 & LOW) + (p10 & LOW);
    let lo = (p00 & LOW) | (mid << 64);
    let hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    assert!(hi < c, "a WIGM quotient fits in 128 bits");
    // Long division of (hi, lo) by c, one bit at a time.
    let mut rem = hi;
    let mut q: u128 = 0;
    for i in (0..128).rev() {
        let carry = rem >> 127;
        rem = (rem << 1) | ((lo >> i) & 1);
        q <<= 1;
        if carry == 1 || rem >= c {
            rem = rem.wrapping_sub(c);
            q |= 1;
        }
    }
    i128::try_from(q).expect("a WIGM quotient is at most a vote total")
}

impl Add for Guarded {
    type Output = Self;
    fn add(self, rhs: Self) -> Self {
        Guarded(self.0 + rhs.0)
    }
}

impl Sub for Guarded {
    type Output = Self;
    fn sub(self, rhs: Self) -> Self {
        Guarded(self.0 - rhs.0)
    }
}

impl AddAssign for Guarded {
    fn add_assign(&mut self, rhs: Self) {
        self.0 += rhs.0;
    }
}

impl SubAssign for Guarded {
    fn sub_assign(&mut self, rhs: Self) {
        self.0 -= rhs.0;
    }
}

impl fmt::Debug for Guarded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&Decimal::new(self.0, DECIMALS + GUARD), f)
    }
}

impl Votes for Guarded {
    const ZERO: Self = Guarded(0);
    /// A quarter of the range, as for `Fixed`.
    const MAX_PAPERS: u64 = (i128::MAX / SCALE / 4) as u64;
    fn whole(n: u64) -> Self {
        Guarded(n as i128 * SCALE)
    }
    fn times(self, n: u64) -> Self {
        Guarded(self.0 * n as i128)
    }
    /// Truncated to the 18 digits of precision.
    fn to_decimal(self) -> Decimal {
        Decimal::new(self.0.div_euclid(10i128.pow(GUARD)), DECIMALS)
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Wigm;

impl InclusiveRule for Wigm {
    type V = Guarded;
    const METHOD: Method = Method::Wigm;

    fn quota(&self, valid: u64, seats: usize) -> Guarded {
        Guarded::whole(valid).div(Guarded::whole(seats as u64 + 1))
    }

    fn has_quota(&self, vote: Guarded, quota: Guarded) -> bool {
        vote.guarded_cmp(quota) == Ordering::Greater
    }

    fn transfer_value(&self, value: Guarded, surplus: Guarded, total: Guarded) -> Guarded {
        value.mul(surplus).div(total)
    }

    fn cmp(&self, a: Guarded, b: Guarded) -> Ordering {
        a.guarded_cmp(b)
    }

    fn hidden(&self, v: Guarded) -> Guarded {
        Guarded(v.0.rem_euclid(10i128.pow(GUARD)))
    }

    fn break_tie(
        &self,
        tied: &[CandidateId],
        _history: &[Vec<Guarded>],
        _want: Want,
        info: &ElectionInfo,
        _lot: &mut Lot,
    ) -> (CandidateId, TieBreak) {
        let chosen = info
            .predeclared_order()
            .into_iter()
            .find(|c| tied.contains(c))
            .unwrap_or(tied[0]);
        (
            chosen,
            TieBreak {
                tied: tied.to_vec(),
                rules: vec![TieRule::PredeclaredOrder],
                chosen,
            },
        )
    }
}

pub fn count(e: &RankedElection, ctx: &mut Context<'_>) -> Result<Report, TallyError> {
    inclusive::count(&Wigm, e, ctx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blt;

    fn run(text: &str, seats: usize) -> Report {
        let e = blt::parse(text).expect("valid BLT");
        count(&e, &mut Context::with_seats(seats, 1)).expect("count")
    }

    /// A decimal with 18 places from its digits after the point (padded).
    fn d18(whole: i128, frac: &str) -> Option<Decimal> {
        let f: i128 = format!("{frac:0<18}").parse().expect("digits");
        Some(Decimal::new(whole * 10i128.pow(18) + f, 18))
    }

    #[test]
    fn wide_multiplication_and_division() {
        let big = 10i128.pow(37);
        assert_eq!(mul_div_floor(big, SCALE, SCALE), big);
        assert_eq!(mul_div_floor(SCALE, 2 * SCALE, 6 * SCALE), SCALE / 3);
        assert_eq!(mul_div_floor(7, 3, 2), 10);
        // 2^100 × (2^100 + 1) ÷ 2^80 = 2^120 + 2^20; the product needs 201 bits.
        assert_eq!(
            mul_div_floor(1 << 100, (1 << 100) + 1, 1 << 80),
            (1 << 120) + (1 << 20)
        );
        // ⌊(10^37 + 1) × 3 ÷ 7⌋ where the product overflows 128 bits.
        assert_eq!(mul_div_floor(big + 1, 3 * big, 7 * big), 3 * (big + 1) / 7);
    }

    #[test]
    fn hand_worked_guarded_count() {
        // 2 seats, 12 ballots: 4 "A B", 2 "A C", 1 "B", 2 "C", 3 "D".
        // Quota = 12 / 3 = 4 exactly. Stage 1: A 6, B 1, C 2, D 3. A 6 > 4: elected.
        // Stage 2, surplus of A = 2: each paper's weight = (1 × 2) / 6: the product 2, then
        // 2 / 6 = 0.333333333333333333333333333 (27 threes, truncated).
        //   B: 1 + 4 × 0.333…333 = 2.333333333333333333333333332
        //   C: 2 + 2 × 0.333…333 = 2.666666666666666666666666666
        //   loss: 2 − 6 × 0.333…333 = 2 × 10^-27.
        // Shown to 18 decimals (truncated): A 4, B 2.333333333333333333,
        // C 2.666666666666666666, D 3; their sum is 11.999999999999999999, so the rounding
        // loss shown is 12 − 11.999999999999999999 = 0.000000000000000001 (the true loss
        // 2 × 10^-27 plus the hidden guard digits 333333332 + 666666666 × 10^-27).
        // Stage 3: no surplus; B (lowest) defeated: its own paper and the 4 from A have no
        // further preference: NT 1 + 1.333333333333333333333333332, shown 2.333333333333333333.
        // Stage 4: C defeated (2.67 < 3), NT += 2.666…666; D, the last hopeful, is elected.
        let r = run(
            "4 2\n4 1 2 0\n2 1 3 0\n1 2 0\n2 3 0\n3 4 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"D\"\n\"T\"\n",
            2,
        );
        assert_eq!(r.rounds[0].quota, d18(4, ""));
        assert_eq!(r.rounds[0].elected, vec![0]);
        let s2 = &r.rounds[1];
        assert_eq!(s2.action, "Surplus of A");
        assert_eq!(
            s2.votes,
            vec![
                d18(4, ""),
                d18(2, "333333333333333333"),
                d18(2, "666666666666666666"),
                d18(3, "")
            ]
        );
        assert_eq!(s2.rounding_loss, d18(0, "000000000000000001"));
        let s3 = &r.rounds[2];
        assert_eq!(s3.action, "Exclusion of B");
        assert_eq!(s3.non_transferable, d18(2, "333333333333333333"));
        assert_eq!(r.rounds[3].action, "Exclusion of C");
        assert_eq!(r.rounds[3].elected, vec![3]);
        assert_eq!(r.elected, vec![0, 3]);
    }

    #[test]
    fn exactly_a_quota_is_not_enough_and_ties_take_the_first_in_tie_order() {
        // 2 seats, 12 ballots: 4 "A B", 4 "B", 4 "C". Quota 12 / 3 = 4: nobody exceeds it.
        // All three tie for defeat; Droop's wigm defeats the first in tie order: A (file
        // order). A's papers → B 8 > 4: elected; C is then the last hopeful for the last seat.
        let text = "3 2\n4 1 2 0\n4 2 0\n4 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n";
        let r = run(text, 2);
        assert!(r.rounds[0].elected.is_empty());
        let t = r.rounds[1].tie_break.as_ref().expect("tie");
        assert_eq!(t.tied, vec![0, 1, 2]);
        assert_eq!(t.rules, vec![TieRule::PredeclaredOrder]);
        assert_eq!(t.chosen, 0);
        assert_eq!(r.elected, vec![1, 2]);
        // With [tie 3 2 1], C is defeated first; its papers exhaust; A and B fill the seats.
        let text = "3 2\n[tie 3 2 1]\n4 1 2 0\n4 2 0\n4 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n";
        let r = run(text, 2);
        assert_eq!(r.rounds[1].excluded, vec![2]);
        assert_eq!(r.elected, vec![0, 1]);
    }
}
