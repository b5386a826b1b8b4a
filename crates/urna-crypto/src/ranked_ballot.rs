//! Ranked ballots encrypted on the voter's device (`docs/record-format.md` A.6): each
//! question's ranking is packed into points ([`crate::ranked`], A.1), each point encrypted as
//! plain ElGamal `(r·G, M + r·Y)` with a Schnorr proof that its author knows `r`, bound to the
//! election, the credential key `K` and the position, and the ballot signed by `K` as in §4.
//!
//! The proofs make a ciphertext copied from another voter's ballot unprovable under one's own
//! credential (the copier does not know its `r`), so a copied vote cannot be cast twice
//! through the mixnet. What the points encode is not proved: a ballot that decrypts to
//! something invalid after the mix is set aside publicly with its reason (A.1).
//!
//! - [`encrypt_ranked_ballot`]: encryption, proofs and signature, in A.6's draw order.
//! - [`EncryptedRankedBallot`]: the ballot JSON, its digest (the tracker) and its check.
//! - [`AuditedRankedBallot`]: the Benaloh audit of a ballot that will not be cast.

use curve25519_dalek::constants::RISTRETTO_BASEPOINT_TABLE;
use curve25519_dalek::ristretto::RistrettoPoint;
use rand_core::TryCryptoRng;
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::encoding::{Digest, GroupElement, PublicScalar, SecretScalar, Transcript, V1};
use crate::error::CryptoError;
use crate::homomorphic::ballot::{AuditedBallotKind, check_ballot_signature, question_label};
use crate::homomorphic::{CredentialSecret, ElectionParams, LayoutType, TallyCiphertext};
use crate::proofs::{SchnorrProof, random_scalar};
use crate::ranked::{RankedBallot, RankedLayout};

const POINT_PROOF_TAG: &str = "urna/v1/point-pok";
const RANKED_BALLOT_TAG: &str = "urna/v1/ranked-ballot";
// The signature is §4's, the same for both kinds of ballot (its context is the ballot digest,
// whose tag already tells the kinds apart).

/// One encrypted point with the proof that its author knows `r`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EncryptedPoint {
    pub alpha: GroupElement,
    pub beta: GroupElement,
    pub proof: SchnorrProof,
}

/// One question's ranking: its `W_q` encrypted points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EncryptedRanking {
    pub points: Vec<EncryptedPoint>,
}

/// A ranked ballot as the device posts it and the board shows it (A.6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EncryptedRankedBallot {
    pub v: V1,
    pub election: Digest,
    pub credential_key: GroupElement,
    pub questions: Vec<EncryptedRanking>,
    pub signature: SchnorrProof,
}

/// The packing of each question of a mixnet election, or an error if the election is not one.
fn layouts(params: &ElectionParams) -> Result<Vec<RankedLayout>, CryptoError> {
    params
        .questions()
        .iter()
        .map(|q| match q.ballot_type {
            // Validated parameters have 1 to 70 options for a ranked question.
            LayoutType::Ranked { .. } => RankedLayout::new(q.options.len()).map_err(|e| {
                CryptoError::InvalidElectionParams(format!("question {:?}: {e}", q.id))
            }),
            _ => Err(CryptoError::InvalidElectionParams(format!(
                "question {:?} is {}, not ranked: the election's ballots are not ranked ballots",
                q.id,
                q.ballot_type.name()
            ))),
        })
        .collect()
}

/// The context of a point's proof: (election digest, K, q, w), with `q` and `w` as u64.
struct PointContext {
    election: [u8; 32],
    credential_key: [u8; 32],
    question: [u8; 8],
    point: [u8; 8],
}

impl PointContext {
    fn new(election: &Digest, credential_key: &GroupElement, q: usize, w: usize) -> Self {
        Self {
            election: *election.as_bytes(),
            credential_key: credential_key.to_bytes(),
            question: (q as u64).to_be_bytes(),
            point: (w as u64).to_be_bytes(),
        }
    }

    fn parts(&self) -> [&[u8]; 4] {
        [
            &self.election,
            &self.credential_key,
            &self.question,
            &self.point,
        ]
    }
}

impl EncryptedRankedBallot {
    /// Checks the ballot against a mixnet election (A.6 validity) and returns its digest, the
    /// tracker. An error names the question and point that failed.
    pub fn verify(&self, params: &ElectionParams) -> Result<Digest, CryptoError> {
        let bad = |what: String| CryptoError::InvalidBallot(what);
        let layouts = layouts(params)?;
        if self.election != params.digest() {
            return Err(bad(format!(
                "the ballot is for election {}, not this one ({})",
                self.election,
                params.digest()
            )));
        }
        if self.credential_key.is_identity() {
            return Err(CryptoError::IdentityElement {
                what: "the ballot's credential key".into(),
            });
        }
        if self.questions.len() != layouts.len() {
            return Err(bad(format!(
                "the ballot answers {} questions, the election has {}",
                self.questions.len(),
                layouts.len()
            )));
        }
        for (q, (ranking, layout)) in self.questions.iter().zip(&layouts).enumerate() {
            if ranking.points.len() != layout.ciphertexts_per_ballot() {
                return Err(bad(format!(
                    "{} has {} points, its {} options take {}",
                    question_label(params, q),
                    ranking.points.len(),
                    layout.candidates(),
                    layout.ciphertexts_per_ballot()
                )));
            }
        }
        for (q, ranking) in self.questions.iter().enumerate() {
            for (w, point) in ranking.points.iter().enumerate() {
                let context = PointContext::new(&self.election, &self.credential_key, q, w);
                if !point
                    .proof
                    .verify(POINT_PROOF_TAG, &context.parts(), &point.alpha)
                {
                    return Err(bad(format!(
                        "{}, point {w}: the proof of knowledge of its randomness does not verify",
                        question_label(params, q)
                    )));
                }
            }
        }
        let digest = self.digest();
        check_ballot_signature(&self.signature, &digest, &self.credential_key)?;
        Ok(digest)
    }

    /// The ballot digest (A.6), whether or not the ballot is valid.
    pub fn digest(&self) -> Digest {
        let mut t = Transcript::<Sha256>::new(RANKED_BALLOT_TAG);
        t.bytes(self.election.as_bytes())
            .element(&self.credential_key)
            .u64(self.questions.len() as u64);
        for ranking in &self.questions {
            t.u64(ranking.points.len() as u64);
            for point in &ranking.points {
                t.element(&point.alpha)
                    .element(&point.beta)
                    .scalar(&point.proof.c.0)
                    .scalar(&point.proof.s.0);
            }
        }
        t.digest()
    }

    /// `K`.
    pub fn credential_key(&self) -> &GroupElement {
        &self.credential_key
    }

    /// Every point's ciphertext in order, questions one after the other: the ballot's vector
    /// in the mix input (A.6, `W = Σ W_q`).
    pub fn mix_vector(&self) -> Vec<TallyCiphertext> {
        self.questions
            .iter()
            .flat_map(|q| &q.points)
            .map(|p| TallyCiphertext {
                alpha: p.alpha,
                beta: p.beta,
            })
            .collect()
    }
}

/// What opens a ranked ballot: the ranks and each point's randomness. Secret until the voter
/// chooses to audit (and then never cast) the ballot; `Debug` does not show it.
#[derive(Clone)]
pub struct RankedBallotOpening {
    ranks: Vec<Vec<u8>>,
    randomness: Vec<Vec<SecretScalar>>,
}

impl std::fmt::Debug for RankedBallotOpening {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RankedBallotOpening([redacted])")
    }
}

/// Checks one question's ranks (A.1 validity and the question's `max_ranks`) and packs them.
fn points_of(
    params: &ElectionParams,
    q: usize,
    layout: &RankedLayout,
    ranks: &[u8],
) -> Result<Vec<curve25519_dalek::ristretto::RistrettoPoint>, CryptoError> {
    let not_allowed = |what: String| {
        CryptoError::AnswerNotAllowed(format!("{}: {what}", question_label(params, q)))
    };
    let ranking =
        RankedBallot::new(layout, ranks.to_vec()).map_err(|e| not_allowed(e.to_string()))?;
    if let Some(LayoutType::Ranked { max_ranks }) = params.questions().get(q).map(|q| q.ballot_type)
    {
        let ranked = ranks.iter().filter(|&&r| r != 0).count();
        if ranked > max_ranks as usize {
            return Err(not_allowed(format!(
                "{ranked} options ranked, at most {max_ranks} allowed"
            )));
        }
    }
    Ok(ranking.to_points(layout))
}

/// Encrypts `ranks` (per question, the rank of each option in order, `0` = unranked; A.1)
/// under the election key, proves every point and signs the ballot with `credential`. Fails,
/// naming the question, if a ranking is not valid for its question.
pub fn encrypt_ranked_ballot<R: TryCryptoRng + ?Sized>(
    params: &ElectionParams,
    credential: &CredentialSecret,
    ranks: &[Vec<u8>],
    rng: &mut R,
) -> Result<(EncryptedRankedBallot, RankedBallotOpening), CryptoError> {
    let layouts = layouts(params)?;
    if ranks.len() != layouts.len() {
        return Err(CryptoError::AnswerNotAllowed(format!(
            "{} rankings for {} questions",
            ranks.len(),
            layouts.len()
        )));
    }
    // Check every answer before drawing anything.
    let messages = ranks
        .iter()
        .zip(&layouts)
        .enumerate()
        .map(|(q, (ranks, layout))| points_of(params, q, layout, ranks))
        .collect::<Result<Vec<_>, _>>()?;
    let (ballot, randomness) = encrypt_points(params, credential, &messages, rng)?;
    Ok((
        ballot,
        RankedBallotOpening {
            ranks: ranks.to_vec(),
            randomness,
        },
    ))
}

/// Encrypts the given points (per question, `W_q` of them) as A.6 ballots are encrypted, with
/// their proofs and the signature, in A.6's draw order, without checking what they encode: what
/// a device can do with any points. A valid ballot's points come from [`encrypt_ranked_ballot`];
/// test records use this to plant ballots that are set aside after the mix (A.1).
pub fn encrypt_points<R: TryCryptoRng + ?Sized>(
    params: &ElectionParams,
    credential: &CredentialSecret,
    messages: &[Vec<RistrettoPoint>],
    rng: &mut R,
) -> Result<(EncryptedRankedBallot, Vec<Vec<SecretScalar>>), CryptoError> {
    let layouts = layouts(params)?;
    if messages.len() != layouts.len()
        || messages
            .iter()
            .zip(&layouts)
            .any(|(m, l)| m.len() != l.ciphertexts_per_ballot())
    {
        return Err(CryptoError::AnswerNotAllowed(
            "the points do not fit the election's questions".into(),
        ));
    }
    // A.6 draw order: every r, then every proof's nonce, then the signature's.
    let randomness = messages
        .iter()
        .map(|points| {
            points
                .iter()
                .map(|_| random_scalar(rng).map(SecretScalar))
                .collect::<Result<Vec<_>, _>>()
        })
        .collect::<Result<Vec<_>, _>>()?;
    let election = params.digest();
    let credential_key = credential.public();
    let y_table = &params.tables.y_table;
    let mut questions = Vec::with_capacity(messages.len());
    for (q, (points, rs)) in messages.iter().zip(&randomness).enumerate() {
        let mut encrypted = Vec::with_capacity(points.len());
        for (w, (m, r)) in points.iter().zip(rs).enumerate() {
            let alpha = GroupElement::new(&r.0 * RISTRETTO_BASEPOINT_TABLE);
            let beta = GroupElement::new(m + &r.0 * y_table);
            let context = PointContext::new(&election, &credential_key, q, w);
            let proof = SchnorrProof::prove(POINT_PROOF_TAG, &context.parts(), &r.0, &alpha, rng)?;
            encrypted.push(EncryptedPoint { alpha, beta, proof });
        }
        questions.push(EncryptedRanking { points: encrypted });
    }
    let mut ballot = EncryptedRankedBallot {
        v: V1,
        election,
        credential_key,
        questions,
        signature: SchnorrProof::placeholder(),
    };
    ballot.signature = credential.sign_ballot(&ballot.digest(), rng)?;
    Ok((ballot, randomness))
}

/// A ranked ballot opened for a Benaloh audit (A.6): the parameters, the ballot, its ranks
/// and the randomness of every point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditedRankedBallot {
    pub v: V1,
    #[serde(rename = "type")]
    pub kind: AuditedBallotKind,
    pub parameters: ElectionParams,
    pub ballot: EncryptedRankedBallot,
    pub ranks: Vec<Vec<u8>>,
    pub randomness: Vec<Vec<PublicScalar>>,
}

impl AuditedRankedBallot {
    /// Reveals `opening` for `ballot`; the ballot must then never be cast.
    pub fn new(
        params: &ElectionParams,
        ballot: &EncryptedRankedBallot,
        opening: RankedBallotOpening,
    ) -> Self {
        Self {
            v: V1,
            kind: AuditedBallotKind::AuditedBallot,
            parameters: params.clone(),
            ballot: ballot.clone(),
            ranks: opening.ranks.clone(),
            randomness: opening
                .randomness
                .iter()
                .map(|question| question.iter().map(|r| PublicScalar(r.0)).collect())
                .collect(),
        }
    }

    /// Recomputes the election digest, verifies the ballot and that every point is the
    /// encryption of the revealed ranks' point (A.1) with the revealed randomness; returns the
    /// ranks.
    pub fn verify(&self) -> Result<Vec<Vec<u8>>, CryptoError> {
        let params = &self.parameters;
        self.ballot.verify(params)?;
        let layouts = layouts(params)?;
        let bad = |what: String| CryptoError::InvalidBallot(format!("audited ballot: {what}"));
        if self.ranks.len() != layouts.len() || self.randomness.len() != layouts.len() {
            return Err(bad(format!(
                "{} rankings and {} randomness lists for {} questions",
                self.ranks.len(),
                self.randomness.len(),
                layouts.len()
            )));
        }
        let y_table = &params.tables.y_table;
        for (q, (((ranking, layout), ranks), randomness)) in self
            .ballot
            .questions
            .iter()
            .zip(&layouts)
            .zip(&self.ranks)
            .zip(&self.randomness)
            .enumerate()
        {
            let points = points_of(params, q, layout, ranks)
                .map_err(|e| bad(format!("revealed ranks: {e}")))?;
            if randomness.len() != ranking.points.len() {
                return Err(bad(format!(
                    "{}: {} randomness values for {} points",
                    question_label(params, q),
                    randomness.len(),
                    ranking.points.len()
                )));
            }
            for (w, ((encrypted, m), r)) in ranking
                .points
                .iter()
                .zip(&points)
                .zip(randomness)
                .enumerate()
            {
                let alpha = &r.0 * RISTRETTO_BASEPOINT_TABLE;
                let beta = m + &r.0 * y_table;
                if alpha != encrypted.alpha.point || beta != encrypted.beta.point {
                    return Err(bad(format!(
                        "{}, point {w}: the ciphertext is not the encryption of the revealed ranks with the revealed randomness",
                        question_label(params, q)
                    )));
                }
            }
        }
        Ok(self.ranks.clone())
    }
}

#[cfg(test)]
mod tests;
