//! Methods on scored ballots: approval, score, support/oppose/neutral, majority judgment, STAR.
//!
//! All of them read [`ScoredElection`]s (CSV or JSON, `docs/ballot-formats.md`), count
//! weighted ballots in exact integers, skip withdrawn candidates, and end any tie their own rule
//! leaves in the seeded lot. Each module documents its rule and its source.

use std::cmp::Ordering;

use serde_json::{Map, Value, json};

use crate::ballots::{CandidateId, ScoredElection};
use crate::error::TallyError;
use crate::report::{Decimal, TieBreak, TieRule};

pub mod approval;
pub mod mj;
pub mod score;
pub mod son;
pub mod star;

/// Approval: each candidate's approvals and share of the ballots.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ApprovalDetails {
    /// Approvals (total weight), per candidate in file order; `None` for withdrawn candidates.
    pub approvals: Vec<Option<u64>>,
    /// Approvals ÷ ballots, in percent with 2 decimals (half up); `None` when withdrawn or when
    /// there are no ballots.
    pub share_percent: Vec<Option<Decimal>>,
}

/// Score: sums, means and a histogram per candidate.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScoreDetails {
    pub min: i64,
    pub max: i64,
    /// Sum of scores (blank = 0), per candidate; `None` for withdrawn candidates.
    pub sums: Vec<Option<i128>>,
    /// Weight of the ballots that scored the candidate (not blank).
    pub scored: Vec<u64>,
    /// Sum ÷ weight that scored, 2 decimals (half up); `None` if no ballot scored it.
    pub means: Vec<Option<Decimal>>,
    /// `histogram[c][v - min]`: weight of the ballots giving candidate `c` the score `v`.
    pub histogram: Vec<Vec<u64>>,
    /// Weight of the ballots that left the candidate blank.
    pub blanks: Vec<u64>,
}

/// Support/oppose/neutral: S, O, N and the share S/(S+O) per candidate.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SonDetails {
    pub support: Vec<u64>,
    pub oppose: Vec<u64>,
    /// Neutral, blanks included.
    pub neutral: Vec<u64>,
    /// S/(S+O) in percent with 2 decimals (half up, for display; the count compares exact
    /// fractions); `None` when S+O = 0 or the candidate is withdrawn.
    pub share_percent: Vec<Option<Decimal>>,
    /// Whether the share reaches the minimum (exact comparison).
    pub eligible: Vec<bool>,
    /// The minimum share in percent.
    pub min_share: Decimal,
}

/// Majority judgment: grade counts and the majority grade per candidate.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MjDetails {
    pub min_grade: i64,
    pub max_grade: i64,
    /// `counts[c][g - min_grade]`: weight of the ballots giving `c` the grade `g` (blanks are
    /// counted at the lowest grade).
    pub counts: Vec<Vec<u64>>,
    /// The majority grade (lower median); `None` for withdrawn candidates or without ballots.
    pub majority_grade: Vec<Option<i64>>,
}

/// One automatic runoff of STAR.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StarRunoff {
    pub finalists: [CandidateId; 2],
    /// Weight of the ballots scoring each finalist above the other.
    pub preferred: [u64; 2],
    /// Weight of the ballots scoring both finalists equally.
    pub equal: u64,
    pub winner: CandidateId,
}

/// STAR: score totals, five-star counts and each runoff.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StarDetails {
    /// Score totals (blank = 0); `None` for withdrawn candidates.
    pub totals: Vec<Option<u128>>,
    /// Weight of the ballots giving the candidate 5 stars.
    pub five_stars: Vec<u64>,
    /// One runoff per seat (Bloc STAR repeats the count), in order.
    pub runoffs: Vec<StarRunoff>,
}

fn s<T: ToString>(v: T) -> Value {
    Value::String(v.to_string())
}

fn opt<T: ToString>(v: &Option<T>) -> Value {
    v.as_ref().map_or(Value::Null, |v| s(v.to_string()))
}

/// An object keyed by candidate name (file order), for the candidates `keep` selects.
fn per_candidate(
    candidates: &[String],
    keep: impl Fn(usize) -> bool,
    f: impl Fn(usize) -> Value,
) -> Value {
    let mut m = Map::new();
    for (c, name) in candidates.iter().enumerate() {
        if keep(c) {
            m.insert(name.clone(), f(c));
        }
    }
    Value::Object(m)
}

impl ApprovalDetails {
    pub fn to_json(&self, candidates: &[String]) -> Value {
        per_candidate(
            candidates,
            |c| self.approvals.get(c).is_some_and(Option::is_some),
            |c| {
                json!({
                    "approvals": opt(&self.approvals[c]),
                    "share_percent": opt(&self.share_percent[c]),
                })
            },
        )
    }
}

impl ScoreDetails {
    pub fn to_json(&self, candidates: &[String]) -> Value {
        let table = per_candidate(
            candidates,
            |c| self.sums.get(c).is_some_and(Option::is_some),
            |c| {
                let mut h = Map::new();
                for (i, w) in self.histogram[c].iter().enumerate() {
                    h.insert((self.min + i as i64).to_string(), s(w));
                }
                json!({
                    "sum": opt(&self.sums[c]),
                    "scored": s(self.scored[c]),
                    "mean": opt(&self.means[c]),
                    "blank": s(self.blanks[c]),
                    "histogram": h,
                })
            },
        );
        json!({ "scale": { "min": s(self.min), "max": s(self.max) }, "candidates": table })
    }
}

impl SonDetails {
    pub fn to_json(&self, candidates: &[String]) -> Value {
        let table = per_candidate(
            candidates,
            |c| c < self.support.len(),
            |c| {
                json!({
                    "support": s(self.support[c]),
                    "oppose": s(self.oppose[c]),
                    "neutral": s(self.neutral[c]),
                    "share_percent": opt(&self.share_percent[c]),
                    "eligible": self.eligible[c],
                })
            },
        );
        json!({ "min_share_percent": s(self.min_share), "candidates": table })
    }
}

impl MjDetails {
    pub fn to_json(&self, candidates: &[String]) -> Value {
        let table = per_candidate(
            candidates,
            |c| self.counts.get(c).is_some_and(|v| !v.is_empty()),
            |c| {
                let mut h = Map::new();
                for (i, w) in self.counts[c].iter().enumerate() {
                    h.insert((self.min_grade + i as i64).to_string(), s(w));
                }
                json!({ "majority_grade": opt(&self.majority_grade[c]), "grades": h })
            },
        );
        json!({
            "grades": { "min": s(self.min_grade), "max": s(self.max_grade) },
            "candidates": table,
        })
    }
}

impl StarDetails {
    pub fn to_json(&self, candidates: &[String]) -> Value {
        let table = per_candidate(
            candidates,
            |c| self.totals.get(c).is_some_and(Option::is_some),
            |c| json!({ "total": opt(&self.totals[c]), "five_stars": s(self.five_stars[c]) }),
        );
        let runoffs: Vec<Value> = self
            .runoffs
            .iter()
            .map(|r| {
                let [a, b] = r.finalists;
                json!({
                    "finalists": [candidates[a], candidates[b]],
                    "preferred": { candidates[a].clone(): s(r.preferred[0]),
                                   candidates[b].clone(): s(r.preferred[1]) },
                    "equal_preference": s(r.equal),
                    "winner": candidates[r.winner],
                })
            })
            .collect();
        json!({ "candidates": table, "runoffs": runoffs })
    }
}

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

/// Checks every score of every ballot with `ok`; the first failure names the ballot (1-based,
/// file order), the candidate and the value.
pub(crate) fn check_scores(
    e: &ScoredElection,
    ok: impl Fn(i64) -> bool,
    expected: &str,
) -> Result<(), TallyError> {
    for (i, b) in e.ballots.iter().enumerate() {
        if b.scores.len() != e.info.candidates.len() {
            return Err(TallyError::InvalidBallot {
                ballot: i + 1,
                message: format!(
                    "{} scores for {} candidates",
                    b.scores.len(),
                    e.info.candidates.len()
                ),
            });
        }
        for (c, v) in b.scores.iter().enumerate() {
            if let Some(v) = *v
                && !ok(v)
            {
                return Err(TallyError::InvalidBallot {
                    ballot: i + 1,
                    message: format!("{} is scored {v}; {expected}", e.info.candidates[c]),
                });
            }
        }
    }
    Ok(())
}

/// Candidates grouped into tiers, best first, by a comparator (`Greater` = better). Within a
/// tier, file order. The comparator must be a total preorder.
pub(crate) fn tiers_by_cmp(
    candidates: &[CandidateId],
    better: impl Fn(CandidateId, CandidateId) -> Ordering,
) -> Vec<Vec<CandidateId>> {
    let mut sorted = candidates.to_vec();
    // Stable: file order within a tier.
    sorted.sort_by(|&a, &b| better(b, a));
    let mut tiers: Vec<Vec<CandidateId>> = Vec::new();
    for c in sorted {
        match tiers.last_mut() {
            Some(t) if better(t[0], c) == Ordering::Equal => t.push(c),
            _ => tiers.push(vec![c]),
        }
    }
    tiers
}

/// After `take_winners` on fine tiers (the method's full order), records a tie on the
/// method's first criterion: the candidates equal to the last one elected on `coarse`, when not
/// all of them are elected. The method rule decided, then the lot if `lot_tie` is set.
pub(crate) fn coarse_tie<K: Eq>(
    standing: &[CandidateId],
    elected: &[CandidateId],
    coarse: impl Fn(CandidateId) -> K,
    lot_tie: Option<TieBreak>,
) -> Option<TieBreak> {
    let &last = elected.last()?;
    let group: Vec<CandidateId> = standing
        .iter()
        .copied()
        .filter(|&c| coarse(c) == coarse(last))
        .collect();
    let in_group_elected: Vec<CandidateId> = elected
        .iter()
        .copied()
        .filter(|c| group.contains(c))
        .collect();
    if in_group_elected.len() == group.len() {
        return lot_tie;
    }
    let mut rules = vec![TieRule::MethodRule];
    let mut chosen = in_group_elected[0];
    if let Some(t) = lot_tie {
        rules.push(TieRule::Lot);
        chosen = t.chosen;
    }
    Some(TieBreak {
        tied: group,
        rules,
        chosen,
    })
}

/// `num / den` to `scale` decimals, half up; `None` if `den` is zero or the arithmetic would
/// overflow.
/// The widest scale a histogram is kept for.
pub(crate) const MAX_SCALE_WIDTH: i64 = 10_000;

/// The number of distinct values on `scale`, or an error naming it when it is too wide to keep
/// a histogram for.
pub(crate) fn scale_width(
    scale: crate::ballots::ScoreScale,
    what: &str,
    values: &str,
) -> Result<usize, crate::error::TallyError> {
    scale
        .max
        .checked_sub(scale.min)
        .filter(|&w| w < MAX_SCALE_WIDTH)
        .map(|w| w as usize + 1)
        .ok_or_else(|| {
            crate::error::TallyError::Unsupported(format!(
                "the {what} {}..{} is too wide (at most {MAX_SCALE_WIDTH} {values})",
                scale.min, scale.max
            ))
        })
}

pub(crate) fn ratio(num: i128, den: i128, scale: u32) -> Option<Decimal> {
    if den <= 0 {
        return None;
    }
    let p = 10i128.checked_pow(scale)?;
    num.checked_mul(2)?.checked_mul(p)?;
    Some(Decimal::ratio(num, den, scale))
}

#[cfg(test)]
pub(crate) mod test_util {
    use crate::ballots::{ElectionInfo, ScoreScale, ScoredBallot, ScoredElection};

    /// An election from rows of `(weight, scores)`; `None` = blank.
    pub fn election(
        names: &[&str],
        seats: usize,
        rows: &[(u64, &[Option<i64>])],
    ) -> ScoredElection {
        ScoredElection {
            info: ElectionInfo {
                title: "test".into(),
                candidates: names.iter().map(|s| s.to_string()).collect(),
                seats,
                withdrawn: vec![],
                tie_order: None,
            },
            ballots: rows
                .iter()
                .map(|(w, s)| ScoredBallot {
                    weight: *w,
                    scores: s.to_vec(),
                })
                .collect(),
            scale: None,
        }
    }

    /// Same, with every score present.
    pub fn full(names: &[&str], seats: usize, rows: &[(u64, &[i64])]) -> ScoredElection {
        let rows: Vec<(u64, Vec<Option<i64>>)> = rows
            .iter()
            .map(|(w, s)| (*w, s.iter().map(|&v| Some(v)).collect()))
            .collect();
        let refs: Vec<(u64, &[Option<i64>])> =
            rows.iter().map(|(w, s)| (*w, s.as_slice())).collect();
        election(names, seats, &refs)
    }

    pub fn with_scale(mut e: ScoredElection, min: i64, max: i64) -> ScoredElection {
        e.scale = Some(ScoreScale { min, max });
        e
    }
}
