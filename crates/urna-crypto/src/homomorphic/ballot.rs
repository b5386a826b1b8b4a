//! Encrypted ballots (`docs/record-format.md` §4): encryption of the answer bits with bit and
//! sum proofs, the ballot JSON, its digest (the voter's tracker), the credential key's
//! signature, verification, and the Benaloh audit of a ballot that will not be cast.

use serde::{Deserialize, Serialize};

use crate::encoding::{Digest, GroupElement, PublicScalar, SecretScalar, V1};
use crate::error::CryptoError;
use crate::proofs::SchnorrProof;

use super::disjunctive::DisjunctiveProof;
use super::params::ElectionParams;

/// The secret of a credential key `K = secret·G`, drawn by the voter's device for one ballot.
/// Wiped on drop; `Debug` does not show it.
#[derive(Debug, Clone)]
pub struct CredentialSecret {
    secret: SecretScalar,
    public: GroupElement,
}

impl CredentialSecret {
    /// A fresh random secret.
    pub fn generate<R: rand_core::TryCryptoRng + ?Sized>(rng: &mut R) -> Result<Self, CryptoError> {
        let _ = rng;
        todo!()
    }

    /// `K`.
    pub fn public(&self) -> GroupElement {
        self.public
    }

    /// Reads the 32-byte canonical scalar in lowercase hexadecimal (an error does not echo it).
    pub fn from_hex(text: &str) -> Result<Self, CryptoError> {
        let _ = text;
        todo!()
    }

    /// The secret in lowercase hexadecimal (for test vectors; never log it).
    pub fn to_hex(&self) -> String {
        todo!()
    }
}

/// One encrypted bit with its proof that it is 0 or 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EncryptedBit {
    pub alpha: GroupElement,
    pub beta: GroupElement,
    pub proof: DisjunctiveProof,
}

/// One question's encrypted bits and one sum proof per group (`None` where the group carries
/// none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EncryptedAnswer {
    pub bits: Vec<EncryptedBit>,
    pub sums: Vec<Option<DisjunctiveProof>>,
}

/// A ballot as the browser posts it and the board shows it (§4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EncryptedBallot {
    pub v: V1,
    pub election: Digest,
    pub credential_key: GroupElement,
    pub questions: Vec<EncryptedAnswer>,
    pub signature: SchnorrProof,
}

impl EncryptedBallot {
    /// Checks the ballot against the election (§4 validity) and returns its digest, the
    /// tracker. An error names the question, bit or group that failed.
    pub fn verify(&self, params: &ElectionParams) -> Result<Digest, CryptoError> {
        let _ = params;
        todo!()
    }

    /// The ballot digest (§4), whether or not the ballot is valid.
    pub fn digest(&self) -> Digest {
        todo!()
    }

    /// `K`.
    pub fn credential_key(&self) -> &GroupElement {
        &self.credential_key
    }
}

/// What opens a ballot: its bits and the randomness of each bit's encryption. Secret until the
/// voter chooses to audit (and then never cast) the ballot; `Debug` does not show it.
#[derive(Clone)]
pub struct BallotOpening {
    pub(crate) bits: Vec<Vec<u8>>,
    pub(crate) randomness: Vec<Vec<SecretScalar>>,
}

impl std::fmt::Debug for BallotOpening {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BallotOpening([redacted])")
    }
}

/// Encrypts `bits` (one list per question, in the layout's order) under the election key,
/// proves them and signs the ballot with `credential`. Fails, naming the question and group,
/// if an answer is not allowed by the layout.
pub fn encrypt_ballot<R: rand_core::TryCryptoRng + ?Sized>(
    params: &ElectionParams,
    credential: &CredentialSecret,
    bits: &[Vec<u8>],
    rng: &mut R,
) -> Result<(EncryptedBallot, BallotOpening), CryptoError> {
    let _ = (params, credential, bits, rng);
    todo!()
}

/// A ballot opened for a Benaloh audit (§4): the parameters, the ballot, its bits and
/// randomness.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditedBallot {
    pub v: V1,
    #[serde(rename = "type")]
    pub kind: AuditedBallotKind,
    pub parameters: ElectionParams,
    pub ballot: EncryptedBallot,
    pub bits: Vec<Vec<u8>>,
    pub randomness: Vec<Vec<PublicScalar>>,
}

/// The `"type": "audited_ballot"` field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditedBallotKind {
    #[serde(rename = "audited_ballot")]
    AuditedBallot,
}

impl AuditedBallot {
    /// Reveals `opening` for `ballot`; the ballot must then never be cast.
    pub fn new(params: &ElectionParams, ballot: &EncryptedBallot, opening: BallotOpening) -> Self {
        let _ = (params, ballot, opening);
        todo!()
    }

    /// Recomputes the election digest, verifies the ballot and that every ciphertext is the
    /// encryption of the revealed bit with the revealed randomness; returns the bits.
    pub fn verify(&self) -> Result<Vec<Vec<u8>>, CryptoError> {
        todo!()
    }
}
