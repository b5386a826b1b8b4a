//! Election parameters (`docs/record-format.md` §3): the election's id, set-up digest, key `Y`
//! and questions, validated when built or parsed; the bit layout of each question (§2); and the
//! election digest every ballot proof is bound to. Built once per election: it also keeps the
//! precomputed tables for `Y` that encryption and verification use.

use std::sync::Arc;

use curve25519_dalek::ristretto::{RistrettoBasepointTable, VartimeRistrettoPrecomputation};
use serde::{Deserialize, Serialize};

use curve25519_dalek::constants::RISTRETTO_BASEPOINT_POINT;
use curve25519_dalek::traits::VartimePrecomputedMultiscalarMul;
use sha2::Sha256;

use crate::encoding::{Digest, GroupElement, Transcript};
use crate::error::CryptoError;
use crate::setup::ElectionId;

/// How a question's answer is written in bits, with its bounds (§2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutType {
    /// One option or none: one bit per option, sums `{0, 1}`.
    ChooseOne,
    /// Between `min` and `max` options, or none: one bit per option, sums `{0} ∪ {min..max}`.
    Approval { min: u32, max: u32 },
    /// A score in `min..=max` or blank per option: `max − min + 2` bits per option, sum 1.
    Score { min: i64, max: i64 },
    /// A ranking of at most `max_ranks` options (record-format A.6): not written in bits but
    /// packed into points and counted through the mixnet ([`crate::ranked_ballot`]); an
    /// election with one ranked question has only ranked questions.
    Ranked { max_ranks: u32 },
}

/// One question of a verifiable election: its id, type and option ids in manifest order
/// (withdrawn options included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionParams {
    pub id: String,
    pub ballot_type: LayoutType,
    pub options: Vec<String>,
}

/// Consecutive bits of a question whose sum must be one of `allowed` (increasing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BitGroup {
    /// Index of the group's first bit within the question.
    pub start: usize,
    pub len: usize,
    /// The allowed sums, in increasing order.
    pub allowed: Vec<u64>,
    /// False when `allowed` is `0..=len`, which the bit proofs already imply: no sum proof.
    pub needs_proof: bool,
}

/// The bits of one question and their groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionLayout {
    pub bits: usize,
    pub groups: Vec<BitGroup>,
}

/// Precomputed multiples of `Y` (and of `G` with `Y` for verification), built once.
pub(crate) struct KeyTables {
    /// Constant-time `r·Y` for encryption.
    pub(crate) y_table: RistrettoBasepointTable,
    /// Variable-time `a·G + b·Y + Σ c_i·P_i` for verification (static points `[G, Y]`).
    pub(crate) g_y_precomputed: VartimeRistrettoPrecomputation,
}

/// A verifiable election's parameters: valid by construction, with the layout and the election
/// digest computed once.
#[derive(Clone)]
pub struct ElectionParams {
    pub(crate) election_id: ElectionId,
    pub(crate) setup: Digest,
    pub(crate) public_key: GroupElement,
    pub(crate) questions: Vec<QuestionParams>,
    pub(crate) layout: Vec<QuestionLayout>,
    pub(crate) digest: Digest,
    pub(crate) tables: Arc<KeyTables>,
}

/// Limits of §3.
const MAX_QUESTIONS: usize = 100;
const MAX_OPTIONS: usize = 1000;
const MAX_SCORE_RANGE: i64 = 100;

impl LayoutType {
    /// The name written in JSON and hashed into the election digest.
    pub fn name(&self) -> &'static str {
        match self {
            Self::ChooseOne => "choose_one",
            Self::Approval { .. } => "approval",
            Self::Score { .. } => "score",
            Self::Ranked { .. } => "ranked",
        }
    }

    /// `(min, max)` as hashed and written (`0, 1` for choose-one).
    pub fn bounds(&self) -> (i64, i64) {
        match *self {
            Self::ChooseOne => (0, 1),
            Self::Approval { min, max } => (i64::from(min), i64::from(max)),
            Self::Score { min, max } => (min, max),
            Self::Ranked { max_ranks } => (0, i64::from(max_ranks)),
        }
    }
}

impl QuestionParams {
    /// The question's bits and groups (§2); the question must be valid.
    fn layout(&self) -> QuestionLayout {
        let n = self.options.len();
        let group = |start: usize, len: usize, allowed: Vec<u64>| {
            let needs_proof = allowed != (0..=len as u64).collect::<Vec<u64>>();
            BitGroup {
                start,
                len,
                allowed,
                needs_proof,
            }
        };
        match self.ballot_type {
            LayoutType::ChooseOne => QuestionLayout {
                bits: n,
                groups: vec![group(0, n, vec![0, 1])],
            },
            LayoutType::Approval { min, max } => {
                let allowed = std::iter::once(0)
                    .chain(u64::from(min.max(1))..=u64::from(max))
                    .collect();
                QuestionLayout {
                    bits: n,
                    groups: vec![group(0, n, allowed)],
                }
            }
            LayoutType::Score { min, max } => {
                // Validation bounds max − min to 100, so the width fits.
                let width = usize::try_from(max - min + 2).unwrap_or(usize::MAX);
                QuestionLayout {
                    bits: n * width,
                    groups: (0..n).map(|i| group(i * width, width, vec![1])).collect(),
                }
            }
            // Ranked answers are points, not bits (`crate::ranked::RankedLayout`).
            LayoutType::Ranked { .. } => QuestionLayout {
                bits: 0,
                groups: Vec::new(),
            },
        }
    }

    /// Checks the §3 rules for one question; the error names it.
    fn validate(&self) -> Result<(), String> {
        let n = self.options.len();
        if !(1..=MAX_OPTIONS).contains(&n) {
            return Err(format!("has {n} options (1 to {MAX_OPTIONS} allowed)"));
        }
        let mut seen = std::collections::HashSet::new();
        if let Some(dup) = self.options.iter().find(|o| !seen.insert(o.as_str())) {
            return Err(format!("lists option {dup:?} twice"));
        }
        match self.ballot_type {
            LayoutType::ChooseOne => Ok(()),
            LayoutType::Approval { min, max } => {
                if max < 1 || min > max || max as usize > n {
                    Err(format!(
                        "approval bounds min {min}, max {max} with {n} options (need 0 ≤ min ≤ max ≤ {n}, max ≥ 1)"
                    ))
                } else {
                    Ok(())
                }
            }
            LayoutType::Score { min, max } => {
                if min >= max || max.checked_sub(min).is_none_or(|d| d > MAX_SCORE_RANGE) {
                    Err(format!(
                        "score bounds min {min}, max {max} (need min < max, max − min ≤ {MAX_SCORE_RANGE})"
                    ))
                } else {
                    Ok(())
                }
            }
            LayoutType::Ranked { max_ranks } => {
                let most = crate::ranked::MAX_RANKED_CANDIDATES;
                if n > most {
                    Err(format!("is ranked with {n} options (at most {most})"))
                } else if max_ranks < 1 || max_ranks as usize > n {
                    Err(format!(
                        "is ranked with max {max_ranks} ranks and {n} options (need 1 ≤ max ≤ {n})"
                    ))
                } else {
                    Ok(())
                }
            }
        }
    }
}

fn election_digest(
    election_id: &ElectionId,
    setup: &Digest,
    public_key: &GroupElement,
    questions: &[QuestionParams],
) -> Digest {
    let mut t = Transcript::<Sha256>::new("urna/v1/election");
    t.bytes(election_id.as_str().as_bytes())
        .bytes(setup.as_bytes())
        .element(public_key)
        .u64(questions.len() as u64);
    for q in questions {
        let (min, max) = q.ballot_type.bounds();
        t.bytes(q.id.as_bytes())
            .bytes(q.ballot_type.name().as_bytes())
            .i64(min)
            .i64(max)
            .u64(q.options.len() as u64);
        for option in &q.options {
            t.bytes(option.as_bytes());
        }
    }
    t.digest()
}

impl ElectionParams {
    /// Validates the questions (§3: 1 to 100 questions with distinct ids, 1 to 1000 options with
    /// distinct ids, bounds per type) and computes the layout and the election digest.
    pub fn new(
        election_id: ElectionId,
        setup: Digest,
        public_key: GroupElement,
        questions: Vec<QuestionParams>,
    ) -> Result<Self, CryptoError> {
        let bad = |reason: String| CryptoError::InvalidElectionParams(reason);
        if !(1..=MAX_QUESTIONS).contains(&questions.len()) {
            return Err(bad(format!(
                "{} questions (1 to {MAX_QUESTIONS} allowed)",
                questions.len()
            )));
        }
        let mut seen = std::collections::HashSet::new();
        for q in &questions {
            if !seen.insert(q.id.as_str()) {
                return Err(bad(format!("question id {:?} appears twice", q.id)));
            }
            q.validate()
                .map_err(|reason| bad(format!("question {:?} {reason}", q.id)))?;
        }
        // A.6: ranked questions are counted through the mixnet, the others from encrypted
        // totals; one ballot cannot be both.
        let is_ranked = |q: &&QuestionParams| matches!(q.ballot_type, LayoutType::Ranked { .. });
        if let (Some(ranked), Some(other)) = (
            questions.iter().find(is_ranked),
            questions.iter().find(|q| !is_ranked(q)),
        ) {
            return Err(bad(format!(
                "question {:?} is ranked but question {:?} is {}: a mixnet election has only ranked questions",
                ranked.id,
                other.id,
                other.ballot_type.name()
            )));
        }
        if public_key.is_identity() {
            return Err(CryptoError::IdentityElement {
                what: "the election key".into(),
            });
        }
        let layout = questions.iter().map(QuestionParams::layout).collect();
        let digest = election_digest(&election_id, &setup, &public_key, &questions);
        let tables = Arc::new(KeyTables {
            y_table: RistrettoBasepointTable::create(&public_key.point),
            g_y_precomputed: VartimeRistrettoPrecomputation::new([
                RISTRETTO_BASEPOINT_POINT,
                public_key.point,
            ]),
        });
        Ok(Self {
            election_id,
            setup,
            public_key,
            questions,
            layout,
            digest,
            tables,
        })
    }

    /// The election digest (§3).
    pub fn digest(&self) -> Digest {
        self.digest
    }

    /// Bits and groups per question (§2), in question order.
    pub fn layout(&self) -> &[QuestionLayout] {
        &self.layout
    }

    pub fn questions(&self) -> &[QuestionParams] {
        &self.questions
    }

    pub fn election_id(&self) -> &ElectionId {
        &self.election_id
    }

    /// The election set-up's digest.
    pub fn setup(&self) -> Digest {
        self.setup
    }

    /// The election key `Y`.
    pub fn public_key(&self) -> &GroupElement {
        &self.public_key
    }

    /// Whether the questions are ranked (record-format A.6): ballots are
    /// [`crate::ranked_ballot::EncryptedRankedBallot`]s, counted through the mixnet.
    pub fn is_mixnet(&self) -> bool {
        self.questions
            .iter()
            .all(|q| matches!(q.ballot_type, LayoutType::Ranked { .. }))
    }

    /// Total bits over all questions (`P` of §5).
    pub fn positions(&self) -> usize {
        self.layout.iter().map(|q| q.bits).sum()
    }
}

impl std::fmt::Debug for ElectionParams {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ElectionParams")
            .field("election_id", &self.election_id)
            .field("digest", &self.digest)
            .finish_non_exhaustive()
    }
}

impl PartialEq for ElectionParams {
    fn eq(&self, other: &Self) -> bool {
        self.digest == other.digest
    }
}

impl Eq for ElectionParams {}

/// The §3 JSON of one question.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionWire {
    id: String,
    ballot_type: String,
    min: i64,
    max: i64,
    options: Vec<String>,
}

/// The §3 JSON.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ParamsWire {
    election_id: ElectionId,
    setup: Digest,
    public_key: GroupElement,
    questions: Vec<QuestionWire>,
}

impl TryFrom<QuestionWire> for QuestionParams {
    type Error = CryptoError;
    fn try_from(w: QuestionWire) -> Result<Self, CryptoError> {
        let bad = |reason: String| {
            CryptoError::InvalidElectionParams(format!("question {:?} {reason}", w.id))
        };
        let ballot_type = match w.ballot_type.as_str() {
            "choose_one" if (w.min, w.max) == (0, 1) => LayoutType::ChooseOne,
            "choose_one" => {
                return Err(bad(format!(
                    "is choose_one with min {}, max {} (must be 0 and 1)",
                    w.min, w.max
                )));
            }
            "approval" => {
                let bound = |x: i64| {
                    u32::try_from(x)
                        .map_err(|_| bad(format!("has approval bound {x} out of range")))
                };
                LayoutType::Approval {
                    min: bound(w.min)?,
                    max: bound(w.max)?,
                }
            }
            "score" => LayoutType::Score {
                min: w.min,
                max: w.max,
            },
            "ranked" if w.min == 0 => LayoutType::Ranked {
                max_ranks: u32::try_from(w.max)
                    .map_err(|_| bad(format!("has ranked max {} out of range", w.max)))?,
            },
            "ranked" => {
                return Err(bad(format!("is ranked with min {} (must be 0)", w.min)));
            }
            other => {
                return Err(bad(format!(
                    "has ballot type {other:?} (choose_one, approval, score or ranked expected)"
                )));
            }
        };
        Ok(Self {
            id: w.id,
            ballot_type,
            options: w.options,
        })
    }
}

impl From<&ElectionParams> for ParamsWire {
    fn from(p: &ElectionParams) -> Self {
        Self {
            election_id: p.election_id.clone(),
            setup: p.setup,
            public_key: p.public_key,
            questions: p
                .questions
                .iter()
                .map(|q| {
                    let (min, max) = q.ballot_type.bounds();
                    QuestionWire {
                        id: q.id.clone(),
                        ballot_type: q.ballot_type.name().to_owned(),
                        min,
                        max,
                        options: q.options.clone(),
                    }
                })
                .collect(),
        }
    }
}

impl Serialize for ElectionParams {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ParamsWire::from(self).serialize(s)
    }
}

impl<'de> Deserialize<'de> for ElectionParams {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let w = ParamsWire::deserialize(d)?;
        let questions = w
            .questions
            .into_iter()
            .map(QuestionParams::try_from)
            .collect::<Result<Vec<_>, _>>()
            .map_err(serde::de::Error::custom)?;
        ElectionParams::new(w.election_id, w.setup, w.public_key, questions)
            .map_err(serde::de::Error::custom)
    }
}
