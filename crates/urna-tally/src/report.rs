//! The result of a count as data: who won, and every stage that led there.
//!
//! Renderers (`crate::render`) turn a [`Report`] into JSON, text, HTML or CSV; the JSON form is a
//! stable contract described by `docs/report.schema.json`.

use std::fmt;

use crate::ballots::CandidateId;
use crate::methods::Method;

/// An exact decimal number for reports: `raw × 10^-scale`. Printed with exactly `scale`
/// decimals, the method's own precision.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Decimal {
    raw: i128,
    scale: u32,
}

impl Decimal {
    pub const fn new(raw: i128, scale: u32) -> Self {
        Decimal { raw, scale }
    }

    pub const fn whole(n: i128) -> Self {
        Decimal { raw: n, scale: 0 }
    }

    pub fn raw(self) -> i128 {
        self.raw
    }

    pub fn scale(self) -> u32 {
        self.scale
    }

    /// The value rescaled to `scale` decimals, truncated toward negative infinity.
    pub fn rescale_floor(self, scale: u32) -> Decimal {
        if scale >= self.scale {
            Decimal::new(self.raw * 10i128.pow(scale - self.scale), scale)
        } else {
            Decimal::new(self.raw.div_euclid(10i128.pow(self.scale - scale)), scale)
        }
    }

    /// The exact ratio `num / den` to `scale` decimals, rounded half up (for shares and means,
    /// which are reported, never used to decide). `den` must be positive.
    pub fn ratio(num: i128, den: i128, scale: u32) -> Decimal {
        let p = 10i128.pow(scale);
        let twice = (2 * num * p).div_euclid(den);
        Decimal::new((twice + 1).div_euclid(2), scale)
    }

    /// Approximate value, for chart geometry only.
    pub fn to_f64_lossy(self) -> f64 {
        self.raw as f64 / 10f64.powi(self.scale as i32)
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.raw < 0 { "-" } else { "" };
        let abs = self.raw.unsigned_abs();
        if self.scale == 0 {
            return write!(f, "{sign}{abs}");
        }
        let p = 10u128.pow(self.scale);
        write!(
            f,
            "{sign}{}.{:0width$}",
            abs / p,
            abs % p,
            width = self.scale as usize
        )
    }
}

impl fmt::Debug for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let s = self.scale.max(other.scale);
        self.rescale_floor(s).raw.cmp(&other.rescale_floor(s).raw)
    }
}

/// How a tie was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TieRule {
    /// The candidate with more (or fewer) votes at the most recent earlier stage where the tied
    /// candidates differed (Scottish STV r. 49, 51).
    Backwards,
    /// The first stage at which the tied candidates differed (ERS97 5.2.4).
    Forwards,
    /// The order declared before the count (Meek references: the `[tie]` line, else file order).
    PredeclaredOrder,
    /// A seeded draw (see [`crate::tie::Lot`]); the seed is in [`Report::seed`].
    Lot,
    /// A method-specific rule, named in the round's action text (for example Balinski–Laraki
    /// majority-gauge steps, STAR's five-star count).
    MethodRule,
}

impl TieRule {
    pub fn as_str(self) -> &'static str {
        match self {
            TieRule::Backwards => "backwards",
            TieRule::Forwards => "forwards",
            TieRule::PredeclaredOrder => "predeclared order",
            TieRule::Lot => "lot",
            TieRule::MethodRule => "method rule",
        }
    }
}

/// A tie and its resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TieBreak {
    /// The tied candidates, in file order.
    pub tied: Vec<CandidateId>,
    /// The rules tried, in order; the last one decided.
    pub rules: Vec<TieRule>,
    /// The candidate the tie was decided for (the one elected, excluded or preferred).
    pub chosen: CandidateId,
}

/// One stage of a count.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Round {
    /// 1-based stage number.
    pub stage: usize,
    /// What happened, in words ("First preferences", "Surplus of X", "Exclusion of Y").
    pub action: String,
    pub quota: Option<Decimal>,
    /// Each candidate's votes after this stage, in file order; `None` where a candidate takes no
    /// part (withdrawn, or excluded at an earlier stage).
    pub votes: Vec<Option<Decimal>>,
    /// Votes that could not be transferred (exhausted ballots), cumulative.
    pub non_transferable: Option<Decimal>,
    /// Votes lost to rounding, cumulative and reported apart from non-transferable votes.
    pub rounding_loss: Option<Decimal>,
    /// Meek keep factors, in file order; `None` for candidates out of the count.
    pub keep_factors: Option<Vec<Option<Decimal>>>,
    /// Elected at this stage, by votes (highest first).
    pub elected: Vec<CandidateId>,
    pub excluded: Vec<CandidateId>,
    pub tie_break: Option<TieBreak>,
}

/// The full result of a count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub method: Method,
    pub title: String,
    /// Every name in file order.
    pub candidates: Vec<String>,
    pub withdrawn: Vec<CandidateId>,
    pub seats: usize,
    /// In the order elected; several elected at one stage are ordered by votes, highest first.
    pub elected: Vec<CandidateId>,
    /// Seats left empty; only methods that allow it (son's minimum share) leave any.
    pub vacant: usize,
    /// For methods that rank everyone: tiers, best first.
    pub ranking: Option<Vec<Vec<CandidateId>>>,
    pub rounds: Vec<Round>,
    /// The seed of the lot, when one was drawn; `None` when no lot decided anything.
    pub seed: Option<u64>,
    /// Total ballot weight counted.
    pub ballots: u64,
    /// Method-specific tables.
    pub details: Details,
}

/// Tables that only some methods have.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Details {
    #[default]
    None,
    Condorcet(crate::methods::condorcet::CondorcetDetails),
    Approval(crate::methods::cardinal::ApprovalDetails),
    Score(crate::methods::cardinal::ScoreDetails),
    SupportOppose(crate::methods::cardinal::SonDetails),
    MajorityJudgment(crate::methods::cardinal::MjDetails),
    Star(crate::methods::cardinal::StarDetails),
}
