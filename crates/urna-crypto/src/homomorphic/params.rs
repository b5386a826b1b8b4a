//! Election parameters (`docs/record-format.md` §3): the election's id, set-up digest, key `Y`
//! and questions, validated when built or parsed; the bit layout of each question (§2); and the
//! election digest every ballot proof is bound to. Built once per election: it also keeps the
//! precomputed tables for `Y` that encryption and verification use.

use std::sync::Arc;

use curve25519_dalek::ristretto::{RistrettoBasepointTable, VartimeRistrettoPrecomputation};
use serde::{Deserialize, Serialize};

use crate::encoding::{Digest, GroupElement};
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

impl ElectionParams {
    /// Validates the questions (§3: 1 to 100 questions with distinct ids, 1 to 1000 options with
    /// distinct ids, bounds per type) and computes the layout and the election digest.
    pub fn new(
        election_id: ElectionId,
        setup: Digest,
        public_key: GroupElement,
        questions: Vec<QuestionParams>,
    ) -> Result<Self, CryptoError> {
        let _ = (election_id, setup, public_key, questions);
        todo!()
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

impl Serialize for ElectionParams {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let _ = s;
        todo!()
    }
}

impl<'de> Deserialize<'de> for ElectionParams {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let _ = d;
        todo!()
    }
}
