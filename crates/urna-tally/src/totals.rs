//! Counting from totals: the per-option sums that a verifiable election's trustees decrypt
//! (`docs/record-format.md` §2, §5), never single ballots.
//!
//! A [`TotalsElection`] is the input (JSON, `docs/ballot-formats.md`, "Totals"); it is
//! validated when built or parsed. [`count_totals`] counts it with every method whose result
//! is a function of these totals — plurality and block (choice totals), approval (approval
//! totals), score, son and mj (score histograms) — by calling the same rule code as
//! [`crate::methods::count`] does on whole ballots, so that the two give identical reports
//! (the property test `tests/totals.rs` checks it). STAR and the ranked methods need whole
//! ballots and return [`TallyError::Unsupported`].
//!
//! **Abstentions.** `weight` is the weight of every ballot counted for the question. A ballot
//! that chose, approved or scored no one is part of it exactly as an empty ballot is part of a
//! ballot file: it counts in the report's ballots (and, for plurality, in the non-transferable
//! votes; for a score histogram, as a blank).

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use thiserror::Error;

use crate::ballots::{CandidateId, ElectionInfo, ScoreScale, normalize_name, seed_from_digest};
use crate::error::{ParseError, TallyError};
use crate::methods::{Method, Options};
use crate::report::Report;
use crate::scored::json_error;

/// The widest score scale a totals histogram may have (the record format allows
/// `max − min ≤ 100`; this bound only keeps a hostile input from allocating without limit).
pub const MAX_SCALE_SPAN: i64 = 10_000;

/// The kind of totals a method counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TotalsKind {
    /// Per option, the weight of the ballots that chose it (choose-one).
    Choice,
    /// Per option, the weight of the ballots that approved it.
    Approval,
    /// Per option, a histogram: the weight of blanks, then of each score.
    Score,
}

impl TotalsKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TotalsKind::Choice => "choice",
            TotalsKind::Approval => "approval",
            TotalsKind::Score => "score",
        }
    }
}

/// The kind of totals `method` counts from, or `None` when its result is not a function of
/// per-option totals (it needs whole ballots).
pub fn totals_kind(method: Method) -> Option<TotalsKind> {
    match method {
        Method::Plurality | Method::Block => Some(TotalsKind::Choice),
        Method::Approval => Some(TotalsKind::Approval),
        Method::Score | Method::Son | Method::Mj => Some(TotalsKind::Score),
        Method::Star
        | Method::Schulze
        | Method::RankedPairs
        | Method::Minimax
        | Method::Irv
        | Method::Meek
        | Method::MeekPrf
        | Method::ScottishStv
        | Method::Ers97
        | Method::Wigm => None,
    }
}

/// The score scale of score totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TotalsScale {
    pub min: i64,
    pub max: i64,
}

impl From<TotalsScale> for ScoreScale {
    fn from(s: TotalsScale) -> ScoreScale {
        ScoreScale {
            min: s.min,
            max: s.max,
        }
    }
}

/// Per-option totals, in the candidates' order (withdrawn options included).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Totals {
    Choice {
        per_option: Vec<u64>,
    },
    Approval {
        per_option: Vec<u64>,
    },
    /// `histogram[c] = [blank, v_min, …, v_max]`: weights of the ballots leaving option `c`
    /// blank, then giving it each score.
    Score {
        scale: TotalsScale,
        histogram: Vec<Vec<u64>>,
    },
}

impl Totals {
    pub fn kind(&self) -> TotalsKind {
        match self {
            Totals::Choice { .. } => TotalsKind::Choice,
            Totals::Approval { .. } => TotalsKind::Approval,
            Totals::Score { .. } => TotalsKind::Score,
        }
    }
}

/// The fields of a [`TotalsElection`], unchecked: what JSON holds and what callers fill in.
/// [`TotalsElection::try_from`] checks them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TotalsElectionSpec {
    #[serde(default)]
    pub title: String,
    pub candidates: Vec<String>,
    pub seats: usize,
    #[serde(default)]
    pub withdrawn: Vec<CandidateId>,
    /// The number of ballots counted.
    pub ballots: u64,
    /// Their total weight.
    pub weight: u64,
    pub totals: Totals,
}

/// A validated election given by its totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "TotalsElectionSpec", into = "TotalsElectionSpec")]
pub struct TotalsElection {
    spec: TotalsElectionSpec,
}

/// Why totals are not a valid count input. Candidates are named by index (0-based) and name.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TotalsError {
    #[error("an election needs at least one candidate")]
    NoCandidates,
    #[error("candidate {0} has an empty name")]
    EmptyName(usize),
    #[error("candidates {first} and {second} are both named {name:?}")]
    DuplicateName {
        first: usize,
        second: usize,
        name: String,
    },
    #[error("the number of seats must be at least 1")]
    NoSeats,
    #[error("withdrawn candidate {index} does not exist ({candidates} candidates, from 0)")]
    WithdrawnOutOfRange { index: usize, candidates: usize },
    #[error("candidate {0} is listed as withdrawn twice")]
    WithdrawnTwice(usize),
    #[error("{ballots} ballots cannot weigh {weight} in all: every ballot weighs at least 1")]
    WeightBelowBallots { ballots: u64, weight: u64 },
    #[error("{found} {what} for {candidates} candidates")]
    WrongLength {
        what: &'static str,
        found: usize,
        candidates: usize,
    },
    #[error("the choices add up to {sum}, more than the ballots' weight {weight}")]
    ChoicesExceedWeight { sum: u128, weight: u64 },
    #[error("{name} has {total} approvals, more than the ballots' weight {weight}")]
    ApprovalsExceedWeight {
        name: String,
        total: u64,
        weight: u64,
    },
    #[error(
        "the scale {min}..{max} is not a range of at most {MAX_SCALE_SPAN} steps with min < max"
    )]
    BadScale { min: i64, max: i64 },
    #[error(
        "{name}'s histogram has {found} entries; the scale needs {expected} (blank, then each score)"
    )]
    HistogramWidth {
        name: String,
        found: usize,
        expected: usize,
    },
    #[error("{name}'s histogram adds up to {sum}, not the ballots' weight {weight}")]
    HistogramSum {
        name: String,
        sum: u128,
        weight: u64,
    },
}

impl TryFrom<TotalsElectionSpec> for TotalsElection {
    type Error = TotalsError;

    fn try_from(mut spec: TotalsElectionSpec) -> Result<Self, TotalsError> {
        let n = spec.candidates.len();
        if n == 0 {
            return Err(TotalsError::NoCandidates);
        }
        for name in &mut spec.candidates {
            *name = normalize_name(name);
        }
        for (i, name) in spec.candidates.iter().enumerate() {
            if name.is_empty() {
                return Err(TotalsError::EmptyName(i));
            }
            if let Some(first) = spec.candidates[..i].iter().position(|m| m == name) {
                return Err(TotalsError::DuplicateName {
                    first,
                    second: i,
                    name: name.clone(),
                });
            }
        }
        if spec.seats == 0 {
            return Err(TotalsError::NoSeats);
        }
        spec.withdrawn.sort_unstable();
        for (k, &index) in spec.withdrawn.iter().enumerate() {
            if index >= n {
                return Err(TotalsError::WithdrawnOutOfRange {
                    index,
                    candidates: n,
                });
            }
            if k > 0 && spec.withdrawn[k - 1] == index {
                return Err(TotalsError::WithdrawnTwice(index));
            }
        }
        if spec.weight < spec.ballots {
            return Err(TotalsError::WeightBelowBallots {
                ballots: spec.ballots,
                weight: spec.weight,
            });
        }
        let weight = spec.weight;
        let name = |c: usize| spec.candidates[c].clone();
        let check_len = |what, found| {
            if found == n {
                Ok(())
            } else {
                Err(TotalsError::WrongLength {
                    what,
                    found,
                    candidates: n,
                })
            }
        };
        match &spec.totals {
            Totals::Choice { per_option } => {
                check_len("choice totals", per_option.len())?;
                let sum: u128 = per_option.iter().map(|&t| u128::from(t)).sum();
                if sum > u128::from(weight) {
                    return Err(TotalsError::ChoicesExceedWeight { sum, weight });
                }
            }
            Totals::Approval { per_option } => {
                check_len("approval totals", per_option.len())?;
                if let Some(c) = per_option.iter().position(|&t| t > weight) {
                    return Err(TotalsError::ApprovalsExceedWeight {
                        name: name(c),
                        total: per_option[c],
                        weight,
                    });
                }
            }
            Totals::Score { scale, histogram } => {
                let width = scale
                    .max
                    .checked_sub(scale.min)
                    .filter(|&span| span > 0 && span <= MAX_SCALE_SPAN)
                    .ok_or(TotalsError::BadScale {
                        min: scale.min,
                        max: scale.max,
                    })?;
                // Blank, then each score of min..=max.
                let expected = width as usize + 2;
                check_len("histograms", histogram.len())?;
                for (c, row) in histogram.iter().enumerate() {
                    if row.len() != expected {
                        return Err(TotalsError::HistogramWidth {
                            name: name(c),
                            found: row.len(),
                            expected,
                        });
                    }
                    let sum: u128 = row.iter().map(|&t| u128::from(t)).sum();
                    if sum != u128::from(weight) {
                        return Err(TotalsError::HistogramSum {
                            name: name(c),
                            sum,
                            weight,
                        });
                    }
                }
            }
        }
        Ok(TotalsElection { spec })
    }
}

impl From<TotalsElection> for TotalsElectionSpec {
    fn from(e: TotalsElection) -> Self {
        e.spec
    }
}

impl TotalsElection {
    pub fn title(&self) -> &str {
        &self.spec.title
    }
    /// Candidate names (normalised), in order.
    pub fn candidates(&self) -> &[String] {
        &self.spec.candidates
    }
    pub fn seats(&self) -> usize {
        self.spec.seats
    }
    /// Withdrawn candidates' indices, sorted.
    pub fn withdrawn(&self) -> &[CandidateId] {
        &self.spec.withdrawn
    }
    pub fn ballots(&self) -> u64 {
        self.spec.ballots
    }
    pub fn weight(&self) -> u64 {
        self.spec.weight
    }
    pub fn totals(&self) -> &Totals {
        &self.spec.totals
    }

    /// What a count reports about the election apart from the totals.
    pub fn info(&self) -> ElectionInfo {
        ElectionInfo {
            title: normalize_name(&self.spec.title),
            candidates: self.spec.candidates.clone(),
            seats: self.spec.seats,
            withdrawn: self.spec.withdrawn.clone(),
            tie_order: None,
        }
    }

    /// The lot's seed when the user gives none: a digest of the canonical totals, so that the
    /// draw is reproducible from the input alone and cannot be known before the totals are.
    ///
    /// `SHA-256("urna-tally totals seed v1\0" ‖ u64 candidates ‖ u64 ballots ‖ u64 weight ‖
    /// kind)`, first 8 bytes little-endian, where kind is `0x01 ‖ each total` (choice),
    /// `0x02 ‖ each total` (approval) or `0x03 ‖ i64 min ‖ i64 max ‖ each histogram entry,
    /// option by option` (score); every integer little-endian on 8 bytes. Names, title and
    /// seats are left out, as in the ballots' seed.
    pub fn default_seed(&self) -> u64 {
        let mut h = Sha256::new();
        h.update(b"urna-tally totals seed v1\0");
        h.update((self.spec.candidates.len() as u64).to_le_bytes());
        h.update(self.spec.ballots.to_le_bytes());
        h.update(self.spec.weight.to_le_bytes());
        match &self.spec.totals {
            Totals::Choice { per_option } | Totals::Approval { per_option } => {
                h.update([match self.spec.totals.kind() {
                    TotalsKind::Choice => 1,
                    _ => 2,
                }]);
                for t in per_option {
                    h.update(t.to_le_bytes());
                }
            }
            Totals::Score { scale, histogram } => {
                h.update([3]);
                h.update(scale.min.to_le_bytes());
                h.update(scale.max.to_le_bytes());
                for t in histogram.iter().flatten() {
                    h.update(t.to_le_bytes());
                }
            }
        }
        seed_from_digest(&h.finalize())
    }
}

/// Reads totals JSON (`docs/ballot-formats.md`, "Totals"); errors name the line and column.
pub fn parse(text: &str) -> Result<TotalsElection, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| json_error(text, &e))
}

/// Writes totals JSON, one line, keys in the documented order.
pub fn write(input: &TotalsElection) -> String {
    serde_json::to_string(&input.spec).unwrap_or_default()
}

/// Counts `input` with `method`: the same rules, options and report as [`crate::count`] on the
/// ballots the totals came from.
pub fn count_totals(
    method: Method,
    input: &TotalsElection,
    options: &Options<'_>,
) -> Result<Report, TallyError> {
    let _ = (input, options);
    Err(TallyError::Unsupported(format!(
        "{method} from totals: not yet implemented"
    )))
}
