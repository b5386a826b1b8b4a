//! Fixed-point decimal numbers for counts: scaled integers, never floating point.
//!
//! Each counting rule prescribes its own number of decimals and its own rounding (Scottish STV
//! truncates to 5 dp, Meek references round some products up at 9 dp, ERS97 works to 2 dp), so
//! the type carries the decimals in its type and every operation names its rounding.
//! Intermediate products use `i128`, so no operation loses precision before its stated rounding.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};

use crate::report::Decimal;

/// A non-floating decimal with `D` digits after the point, stored as `value × 10^D` in an `i64`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Fixed<const D: u32>(i64);

impl<const D: u32> Fixed<D> {
    /// `10^D`: the raw value of one.
    pub const SCALE: i64 = 10i64.pow(D);
    pub const ZERO: Self = Fixed(0);
    pub const ONE: Self = Fixed(Self::SCALE);
    /// The smallest positive number, `10^-D`.
    pub const EPSILON: Self = Fixed(1);

    /// The largest whole number of votes a count in this precision can hold with headroom for
    /// intermediate sums (a quarter of the range). Counts check their total against it.
    pub const MAX_WHOLE: i64 = i64::MAX / Self::SCALE / 4;

    pub const fn from_raw(raw: i64) -> Self {
        Fixed(raw)
    }

    pub const fn raw(self) -> i64 {
        self.0
    }

    /// A whole number. Callers keep `n` within [`Self::MAX_WHOLE`]; counts check their totals
    /// once, up front, so this cannot overflow inside a count.
    pub const fn from_int(n: i64) -> Self {
        Fixed(n * Self::SCALE)
    }

    /// Converts from another precision, truncating toward negative infinity.
    pub fn from_fixed_floor<const E: u32>(other: Fixed<E>) -> Self {
        Fixed(rescale_floor(other.raw() as i128, E, D) as i64)
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// Whether `self` and `other` both lie in `[0, 1]` and their raw product fits an `i64`
    /// (always so for `D ≤ 9`): the fast path of the multiplications below, which gives the
    /// same result as the `i128` path.
    #[inline(always)]
    fn both_unit(self, other: Self) -> bool {
        D <= 9 && (self.0 as u64).max(other.0 as u64) <= Self::SCALE as u64
    }

    /// `self × other`, rounded toward negative infinity (truncation, for non-negative values).
    #[inline]
    pub fn mul_floor(self, other: Self) -> Self {
        if self.both_unit(other) {
            return Fixed(self.0 * other.0 / Self::SCALE);
        }
        Fixed(div_floor_i128(self.0 as i128 * other.0 as i128, Self::SCALE as i128) as i64)
    }

    /// `self × other`, rounded toward positive infinity.
    #[inline]
    pub fn mul_ceil(self, other: Self) -> Self {
        if self.both_unit(other) {
            return Fixed((self.0 * other.0 + Self::SCALE - 1) / Self::SCALE);
        }
        Fixed(div_ceil_i128(self.0 as i128 * other.0 as i128, Self::SCALE as i128) as i64)
    }

    /// `self × other`, truncated toward zero (the rounding of Rust's and C's integer division;
    /// equal to [`Self::mul_floor`] for non-negative products).
    #[inline]
    pub fn mul_trunc(self, other: Self) -> Self {
        if self.both_unit(other) {
            return Fixed(self.0 * other.0 / Self::SCALE);
        }
        Fixed((self.0 as i128 * other.0 as i128 / Self::SCALE as i128) as i64)
    }

    /// `self ÷ n` for a whole number `n`, truncated toward zero.
    pub fn div_int_trunc(self, n: i64) -> Self {
        Fixed(self.0 / n)
    }

    /// `self ÷ other`, rounded toward negative infinity. Panics on division by zero, which every
    /// caller rules out first (a divisor is a positive total).
    pub fn div_floor(self, other: Self) -> Self {
        Fixed(div_floor_i128(self.0 as i128 * Self::SCALE as i128, other.0 as i128) as i64)
    }

    /// `self ÷ other`, rounded toward positive infinity.
    pub fn div_ceil(self, other: Self) -> Self {
        Fixed(div_ceil_i128(self.0 as i128 * Self::SCALE as i128, other.0 as i128) as i64)
    }

    /// `self × n` for a whole number `n` (exact).
    #[inline(always)]
    pub fn mul_int(self, n: i64) -> Self {
        Fixed(self.0 * n)
    }

    /// `self ÷ n` for a whole number `n`, rounded toward negative infinity.
    pub fn div_int_floor(self, n: i64) -> Self {
        Fixed(self.0.div_euclid(n))
    }

    /// `self × num ÷ den`, with one rounding toward negative infinity at the end.
    pub fn mul_div_floor(self, num: Self, den: Self) -> Self {
        Fixed(div_floor_i128(self.0 as i128 * num.0 as i128, den.0 as i128) as i64)
    }

    /// The value as a report number with `D` decimals.
    pub fn to_decimal(self) -> Decimal {
        Decimal::new(self.0 as i128, D)
    }

    pub fn min(self, other: Self) -> Self {
        Ord::min(self, other)
    }

    pub fn max(self, other: Self) -> Self {
        Ord::max(self, other)
    }
}

fn div_floor_i128(a: i128, b: i128) -> i128 {
    a.div_euclid(b) - if b < 0 && a.rem_euclid(b) != 0 { 1 } else { 0 }
}

fn div_ceil_i128(a: i128, b: i128) -> i128 {
    -div_floor_i128(-a, b)
}

fn rescale_floor(raw: i128, from: u32, to: u32) -> i128 {
    if to >= from {
        raw * 10i128.pow(to - from)
    } else {
        div_floor_i128(raw, 10i128.pow(from - to))
    }
}

impl<const D: u32> Add for Fixed<D> {
    type Output = Self;
    fn add(self, rhs: Self) -> Self {
        Fixed(self.0 + rhs.0)
    }
}

impl<const D: u32> Sub for Fixed<D> {
    type Output = Self;
    fn sub(self, rhs: Self) -> Self {
        Fixed(self.0 - rhs.0)
    }
}

impl<const D: u32> Neg for Fixed<D> {
    type Output = Self;
    fn neg(self) -> Self {
        Fixed(-self.0)
    }
}

impl<const D: u32> AddAssign for Fixed<D> {
    fn add_assign(&mut self, rhs: Self) {
        self.0 += rhs.0;
    }
}

impl<const D: u32> SubAssign for Fixed<D> {
    fn sub_assign(&mut self, rhs: Self) {
        self.0 -= rhs.0;
    }
}

impl<const D: u32> Sum for Fixed<D> {
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::ZERO, Add::add)
    }
}

impl<const D: u32> fmt::Display for Fixed<D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.to_decimal().fmt(f)
    }
}

impl<const D: u32> fmt::Debug for Fixed<D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type F9 = Fixed<9>;
    type F5 = Fixed<5>;

    #[test]
    fn display_pads_decimals_and_sign() {
        assert_eq!(F5::from_raw(3_618_420).to_string(), "36.18420");
        assert_eq!(F5::from_raw(-5).to_string(), "-0.00005");
        assert_eq!(F9::from_int(9).to_string(), "9.000000000");
    }

    #[test]
    fn rounding_directions() {
        // 1/3 at 9 dp: 0.333333333 truncated, 0.333333334 rounded up.
        let one = F9::ONE;
        let three = F9::from_int(3);
        assert_eq!(one.div_floor(three).raw(), 333_333_333);
        assert_eq!(one.div_ceil(three).raw(), 333_333_334);
        // 0.5 × 0.000000001 = 0.0000000005: floor 0, ceil 1e-9.
        let half = F9::from_raw(500_000_000);
        assert_eq!(half.mul_floor(F9::EPSILON).raw(), 0);
        assert_eq!(half.mul_ceil(F9::EPSILON).raw(), 1);
        assert_eq!(F9::from_raw(-1).div_int_floor(2).raw(), -1);
        assert_eq!(F9::from_raw(-1).div_int_trunc(2).raw(), 0);
    }

    #[test]
    fn unit_fast_path_agrees_with_wide_path() {
        // 0.999999999 × 0.333333334 = 0.333333333666666666: floor ...333, ceil ...334.
        let a = F9::from_raw(999_999_999);
        let b = F9::from_raw(333_333_334);
        assert_eq!(a.mul_floor(b).raw(), 333_333_333);
        assert_eq!(a.mul_trunc(b).raw(), 333_333_333);
        assert_eq!(a.mul_ceil(b).raw(), 333_333_334);
        // Outside [0, 1] the wide path runs: 2.5 × -0.000000001 = -0.0000000025.
        let c = F9::from_raw(2_500_000_000);
        let d = F9::from_raw(-1);
        assert_eq!(c.mul_floor(d).raw(), -3);
        assert_eq!(c.mul_trunc(d).raw(), -2);
        assert_eq!(c.mul_ceil(d).raw(), -2);
        assert_eq!(F9::ONE.mul_ceil(F9::ONE), F9::ONE);
    }

    #[test]
    fn rescale_truncates() {
        let x = F9::from_raw(1_234_567_891);
        assert_eq!(F5::from_fixed_floor(x).raw(), 123_456);
    }
}
