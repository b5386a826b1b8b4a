//! Encrypted ballots (`docs/record-format.md` §4): encryption of the answer bits with bit and
//! sum proofs, the ballot JSON, its digest (the voter's tracker), the credential key's
//! signature, verification, and the Benaloh audit of a ballot that will not be cast.

use curve25519_dalek::constants::RISTRETTO_BASEPOINT_TABLE;
use curve25519_dalek::ristretto::RistrettoPoint;
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::Identity;
use rand_core::TryCryptoRng;
use serde::{Deserialize, Serialize};
use sha2::{Sha256, Sha512};

use crate::encoding::{
    Digest, GroupElement, HALF, PublicScalar, SecretScalar, Transcript, V1, double_and_compress,
};
use crate::error::CryptoError;
use crate::proofs::{SchnorrProof, random_scalar};

use super::batch::{Equations, Weights};
use super::disjunctive::{DisjunctiveProof, ProverDraws, Statement};
use super::params::{BitGroup, ElectionParams};

/// The secret of a credential key `K = secret·G`, drawn by the voter's device for one ballot.
/// Wiped on drop; `Debug` does not show it.
#[derive(Debug, Clone)]
pub struct CredentialSecret {
    pub(crate) secret: SecretScalar,
    public: GroupElement,
}

impl CredentialSecret {
    /// A fresh random secret.
    pub fn generate<R: TryCryptoRng + ?Sized>(rng: &mut R) -> Result<Self, CryptoError> {
        Self::from_secret(SecretScalar(random_scalar(rng)?))
    }

    fn from_secret(secret: SecretScalar) -> Result<Self, CryptoError> {
        let public = GroupElement::base_times(&secret.0);
        if public.is_identity() {
            return Err(CryptoError::IdentityElement {
                what: "a credential key".into(),
            });
        }
        Ok(Self { secret, public })
    }

    /// `K`.
    pub fn public(&self) -> GroupElement {
        self.public
    }

    /// The credential's signature of a ballot digest, the same for §4 and A.6 ballots.
    pub(crate) fn sign_ballot<R: TryCryptoRng + ?Sized>(
        &self,
        digest: &Digest,
        rng: &mut R,
    ) -> Result<SchnorrProof, CryptoError> {
        SchnorrProof::prove(
            SIGNATURE_TAG,
            &[digest.as_bytes()],
            &self.secret.0,
            &self.public,
            rng,
        )
    }

    /// Reads the 32-byte canonical scalar in lowercase hexadecimal (an error does not echo it).
    pub fn from_hex(text: &str) -> Result<Self, CryptoError> {
        let secret: SecretScalar =
            serde_json::from_value(serde_json::Value::String(text.into()))
                .map_err(|_| CryptoError::InvalidScalar("the credential secret".into()))?;
        Self::from_secret(secret)
    }

    /// The secret in lowercase hexadecimal (for test vectors; never log it).
    pub fn to_hex(&self) -> String {
        crate::encoding::to_hex(self.secret.0.as_bytes())
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

const BIT_PROOF_TAG: &str = "urna/v1/bit-proof";
const SUM_PROOF_TAG: &str = "urna/v1/sum-proof";
const BALLOT_TAG: &str = "urna/v1/ballot";
/// The credential key's signature of a ballot digest, §4 and A.6 alike.
pub(crate) const SIGNATURE_TAG: &str = "urna/v1/ballot-signature";
/// The hash the batch weights of a ballot's proofs are drawn from (not part of the format).
const BATCH_WEIGHTS_TAG: &str = "urna/v1/batch-weights";
/// The values a bit proof allows.
const BIT_VALUES: [u64; 2] = [0, 1];

/// The context of a bit or sum proof: (election digest, K, question, position).
fn proof_context<'a>(
    election: &'a Digest,
    credential_key: &'a GroupElement,
    indices: &'a [[u8; 8]; 2],
) -> [&'a [u8]; 4] {
    [
        election.as_bytes(),
        credential_key.compressed.as_bytes(),
        &indices[0],
        &indices[1],
    ]
}

fn indices(question: usize, position: usize) -> [[u8; 8]; 2] {
    [
        (question as u64).to_be_bytes(),
        (position as u64).to_be_bytes(),
    ]
}

/// Checks the credential key's signature of a ballot digest (§4 and A.6 alike; the pair of
/// [`CredentialSecret::sign_ballot`]).
pub(crate) fn check_ballot_signature(
    signature: &SchnorrProof,
    digest: &Digest,
    credential_key: &GroupElement,
) -> Result<(), CryptoError> {
    if signature.verify(SIGNATURE_TAG, &[digest.as_bytes()], credential_key) {
        Ok(())
    } else {
        Err(CryptoError::InvalidBallot(format!(
            "the signature by credential key {credential_key:?} does not verify"
        )))
    }
}

/// "question 2 (\"q3\")", for error messages.
pub(crate) fn question_label(params: &ElectionParams, q: usize) -> String {
    match params.questions().get(q) {
        Some(question) => format!("question {q} ({:?})", question.id),
        None => format!("question {q}"),
    }
}

/// The sum of the ciphertexts of a group's bits.
fn group_sum<'a>(bits: impl Iterator<Item = &'a EncryptedBit>) -> (RistrettoPoint, RistrettoPoint) {
    bits.fold(
        (RistrettoPoint::identity(), RistrettoPoint::identity()),
        |(a, b), bit| (a + bit.alpha.point, b + bit.beta.point),
    )
}

/// One proof of a ballot as a verifier sees it: its statement's parts and where it is.
struct ProofToCheck<'a> {
    question: usize,
    /// The bit or the group.
    position: usize,
    /// `None` for a bit proof, the allowed sums for a sum proof.
    sums: Option<&'a [u64]>,
    alpha: &'a GroupElement,
    beta: &'a GroupElement,
    proof: &'a DisjunctiveProof,
}

impl ProofToCheck<'_> {
    fn values(&self) -> &[u64] {
        self.sums.unwrap_or(&BIT_VALUES)
    }

    fn fails(&self, params: &ElectionParams) -> CryptoError {
        let label = question_label(params, self.question);
        CryptoError::InvalidBallot(match self.sums {
            None => format!(
                "{label}, bit {}: the proof that it is 0 or 1 does not verify",
                self.position
            ),
            Some(sums) => format!(
                "{label}, group {}: the proof that the sum is allowed ({sums:?}) does not verify",
                self.position
            ),
        })
    }

    fn add_equations(&self, weights: &mut Weights, eq: &mut Equations) {
        self.proof.add_equations(
            self.values(),
            &self.alpha.point,
            &self.beta.point,
            weights,
            eq,
        );
    }
}

impl EncryptedBallot {
    /// Checks the ballot against the election (§4 validity) and returns its digest, the
    /// tracker. An error names the question, bit or group that failed.
    ///
    /// The proofs' equations are checked together, with weights drawn from a hash of the
    /// ballot's digest and every commitment ([`super::batch`]); only when that fails are they
    /// checked one proof at a time, to name the first that fails.
    pub fn verify(&self, params: &ElectionParams) -> Result<Digest, CryptoError> {
        let bad = |what: String| CryptoError::InvalidBallot(what);
        // A ranked question has no bits: an empty ballot would otherwise pass.
        if params.is_mixnet() {
            return Err(bad(
                "the election's questions are ranked: its ballots are ranked ballots (A.6)".into(),
            ));
        }
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
        let layout = params.layout();
        if self.questions.len() != layout.len() {
            return Err(bad(format!(
                "the ballot answers {} questions, the election has {}",
                self.questions.len(),
                layout.len()
            )));
        }
        // The shape, and the product ciphertext of each proven group.
        let mut group_sums = Vec::new();
        for (q, (answer, shape)) in self.questions.iter().zip(layout).enumerate() {
            let label = || question_label(params, q);
            if answer.bits.len() != shape.bits {
                return Err(bad(format!(
                    "{} has {} bits, its layout {}",
                    label(),
                    answer.bits.len(),
                    shape.bits
                )));
            }
            if answer.sums.len() != shape.groups.len() {
                return Err(bad(format!(
                    "{} has {} sum entries, its layout {} groups",
                    label(),
                    answer.sums.len(),
                    shape.groups.len()
                )));
            }
            for (i, bit) in answer.bits.iter().enumerate() {
                if bit.proof.0.len() != BIT_VALUES.len() {
                    return Err(bad(format!(
                        "{}, bit {i}: the proof has {} branches, not 2",
                        label(),
                        bit.proof.0.len()
                    )));
                }
            }
            for (g, (sum, group)) in answer.sums.iter().zip(&shape.groups).enumerate() {
                match (sum, group.needs_proof) {
                    (None, false) => {}
                    (Some(proof), true) if proof.0.len() == group.allowed.len() => {
                        let (alpha, beta) =
                            group_sum(answer.bits[group.start..group.start + group.len].iter());
                        group_sums.push((GroupElement::new(alpha), GroupElement::new(beta)));
                    }
                    (Some(proof), true) => {
                        return Err(bad(format!(
                            "{}, group {g}: the sum proof has {} branches, not {}",
                            label(),
                            proof.0.len(),
                            group.allowed.len()
                        )));
                    }
                    (None, true) => {
                        return Err(bad(format!(
                            "{}, group {g}: the sum proof is missing",
                            label()
                        )));
                    }
                    (Some(_), false) => {
                        return Err(bad(format!(
                            "{}, group {g}: a sum proof where none belongs (must be null)",
                            label()
                        )));
                    }
                }
            }
        }
        let mut proofs = Vec::new();
        let mut sums = group_sums.iter();
        for (q, (answer, shape)) in self.questions.iter().zip(layout).enumerate() {
            for (i, bit) in answer.bits.iter().enumerate() {
                proofs.push(ProofToCheck {
                    question: q,
                    position: i,
                    sums: None,
                    alpha: &bit.alpha,
                    beta: &bit.beta,
                    proof: &bit.proof,
                });
            }
            for (g, (sum, group)) in answer.sums.iter().zip(&shape.groups).enumerate() {
                if let (Some(proof), Some((alpha, beta))) = (sum, sums.clone().next()) {
                    sums.next();
                    proofs.push(ProofToCheck {
                        question: q,
                        position: g,
                        sums: Some(&group.allowed),
                        alpha,
                        beta,
                        proof,
                    });
                }
            }
        }
        let digest = self.digest();
        let mut seed = Transcript::<Sha512>::new(BATCH_WEIGHTS_TAG);
        seed.bytes(digest.as_bytes());
        for p in &proofs {
            let idx = indices(p.question, p.position);
            let st = Statement {
                tag: if p.sums.is_none() {
                    BIT_PROOF_TAG
                } else {
                    SUM_PROOF_TAG
                },
                context: proof_context(&self.election, &self.credential_key, &idx),
                alpha: &p.alpha.compressed,
                beta: &p.beta.compressed,
                values: p.values(),
            };
            if !p.proof.challenge_matches(&st) {
                return Err(p.fails(params));
            }
            p.proof.commit_to(&mut seed);
        }
        let seed = seed.into_scalar();
        let mut weights = Weights::new(seed);
        let mut eq = Equations::default();
        for p in &proofs {
            p.add_equations(&mut weights, &mut eq);
        }
        if !eq.hold(&params.tables) {
            let mut weights = Weights::new(seed);
            for p in &proofs {
                let mut eq = Equations::default();
                p.add_equations(&mut weights, &mut eq);
                if !eq.hold(&params.tables) {
                    return Err(p.fails(params));
                }
            }
        }
        check_ballot_signature(&self.signature, &digest, &self.credential_key)?;
        Ok(digest)
    }

    /// The ballot digest (§4), whether or not the ballot is valid.
    pub fn digest(&self) -> Digest {
        fn proof(t: &mut Transcript<Sha256>, proof: Option<&DisjunctiveProof>) {
            let branches = proof.map_or(&[][..], |p| &p.0);
            t.u64(branches.len() as u64);
            for b in branches {
                t.scalar(&b.c.0).scalar(&b.s.0);
            }
        }
        let mut t = Transcript::<Sha256>::new(BALLOT_TAG);
        t.bytes(self.election.as_bytes())
            .element(&self.credential_key)
            .u64(self.questions.len() as u64);
        for answer in &self.questions {
            t.u64(answer.bits.len() as u64);
            for bit in &answer.bits {
                t.element(&bit.alpha).element(&bit.beta);
                proof(&mut t, Some(&bit.proof));
            }
            t.u64(answer.sums.len() as u64);
            for sum in &answer.sums {
                proof(&mut t, sum.as_ref());
            }
        }
        t.digest()
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

/// A group's index among its allowed sums, or an error naming the question and group.
fn allowed_index(
    params: &ElectionParams,
    q: usize,
    g: usize,
    group: &BitGroup,
    bits: &[u8],
) -> Result<usize, CryptoError> {
    let sum: u64 = bits[group.start..group.start + group.len]
        .iter()
        .map(|&b| u64::from(b))
        .sum();
    group.allowed.binary_search(&sum).map_err(|_| {
        CryptoError::AnswerNotAllowed(format!(
            "{}, group {g}: {sum} bits set, allowed sums are {:?}",
            question_label(params, q),
            group.allowed
        ))
    })
}

/// One question's random draws (§4 order: randomness, bit proofs, sum proofs).
struct QuestionDraws {
    randomness: Vec<SecretScalar>,
    bit_proofs: Vec<ProverDraws>,
    sum_proofs: Vec<Option<(usize, ProverDraws)>>,
}

/// Encrypts `bits` (one list per question, in the layout's order) under the election key,
/// proves them and signs the ballot with `credential`. Fails, naming the question and group,
/// if an answer is not allowed by the layout.
pub fn encrypt_ballot<R: TryCryptoRng + ?Sized>(
    params: &ElectionParams,
    credential: &CredentialSecret,
    bits: &[Vec<u8>],
    rng: &mut R,
) -> Result<(EncryptedBallot, BallotOpening), CryptoError> {
    if params.is_mixnet() {
        return Err(CryptoError::AnswerNotAllowed(
            "the election's questions are ranked: encrypt a ranked ballot (A.6)".into(),
        ));
    }
    let layout = params.layout();
    if bits.len() != layout.len() {
        return Err(CryptoError::AnswerNotAllowed(format!(
            "{} answers for {} questions",
            bits.len(),
            layout.len()
        )));
    }
    // Check every answer before drawing anything.
    let mut real_sums = Vec::with_capacity(layout.len());
    for (q, (answer, shape)) in bits.iter().zip(layout).enumerate() {
        if answer.len() != shape.bits {
            return Err(CryptoError::AnswerNotAllowed(format!(
                "{} has {} bits, its layout {}",
                question_label(params, q),
                answer.len(),
                shape.bits
            )));
        }
        if let Some(i) = answer.iter().position(|&b| b > 1) {
            return Err(CryptoError::AnswerNotAllowed(format!(
                "{}, bit {i} is {}, not 0 or 1",
                question_label(params, q),
                answer[i]
            )));
        }
        let indices = shape
            .groups
            .iter()
            .enumerate()
            .map(|(g, group)| allowed_index(params, q, g, group, answer))
            .collect::<Result<Vec<_>, _>>()?;
        real_sums.push(indices);
    }
    let mut draws = Vec::with_capacity(layout.len());
    for ((answer, shape), real) in bits.iter().zip(layout).zip(&real_sums) {
        let randomness = answer
            .iter()
            .map(|_| random_scalar(rng).map(SecretScalar))
            .collect::<Result<Vec<_>, _>>()?;
        let bit_proofs = answer
            .iter()
            .map(|&b| ProverDraws::draw(BIT_VALUES.len(), usize::from(b), rng))
            .collect::<Result<Vec<_>, _>>()?;
        let sum_proofs = shape
            .groups
            .iter()
            .zip(real)
            .map(|(group, &k)| {
                group
                    .needs_proof
                    .then(|| ProverDraws::draw(group.allowed.len(), k, rng).map(|d| (k, d)))
                    .transpose()
            })
            .collect::<Result<Vec<_>, _>>()?;
        draws.push(QuestionDraws {
            randomness,
            bit_proofs,
            sum_proofs,
        });
    }

    // Halves of every point to encode, in one batch: per question, (α, β) per bit, (Σα, Σβ)
    // per proven group, then every proof's commitments.
    let tables = &params.tables;
    let half_g = &*HALF * RISTRETTO_BASEPOINT_TABLE;
    let mut halves = Vec::new();
    let mut group_randomness: Vec<Vec<SecretScalar>> = Vec::with_capacity(layout.len());
    for ((answer, shape), d) in bits.iter().zip(layout).zip(&draws) {
        let start = halves.len();
        for (&m, r) in answer.iter().zip(&d.randomness) {
            let half_r = SecretScalar(r.0 * *HALF);
            halves.push(&half_r.0 * RISTRETTO_BASEPOINT_TABLE);
            let mut beta = &half_r.0 * &tables.y_table;
            if m == 1 {
                beta += half_g;
            }
            halves.push(beta);
        }
        let mut sums_r = Vec::new();
        for (group, sum) in shape.groups.iter().zip(&d.sum_proofs) {
            if sum.is_some() {
                let bits_range = start + 2 * group.start..start + 2 * (group.start + group.len);
                let (a, b) = halves[bits_range].chunks_exact(2).fold(
                    (RistrettoPoint::identity(), RistrettoPoint::identity()),
                    |(a, b), p| (a + p[0], b + p[1]),
                );
                halves.push(a);
                halves.push(b);
                let r: Scalar = d.randomness[group.start..group.start + group.len]
                    .iter()
                    .map(|r| r.0)
                    .sum();
                sums_r.push(SecretScalar(r));
            }
        }
        group_randomness.push(sums_r);
    }
    let commitments_start = halves.len();
    for (shape, (d, sums_r)) in layout.iter().zip(draws.iter().zip(&group_randomness)) {
        for (proof, r) in d.bit_proofs.iter().zip(&d.randomness) {
            proof.half_commitments(tables, &BIT_VALUES, &r.0, &mut halves);
        }
        let proven = shape
            .groups
            .iter()
            .zip(&d.sum_proofs)
            .filter_map(|(group, sum)| sum.as_ref().map(|(_, proof)| (group, proof)));
        for ((group, proof), r) in proven.zip(sums_r) {
            proof.half_commitments(tables, &group.allowed, &r.0, &mut halves);
        }
    }
    let encoded = double_and_compress(&halves);
    let element = |i: usize| GroupElement::from_parts(halves[i] + halves[i], encoded[i]);

    let election = params.digest();
    let credential_key = credential.public;
    let mut next_point = 0;
    let mut next_commitment = commitments_start;
    let mut questions = Vec::with_capacity(layout.len());
    let mut randomness = Vec::with_capacity(layout.len());
    for (q, ((shape, d), sums_r)) in layout.iter().zip(draws).zip(group_randomness).enumerate() {
        let mut ciphertexts = Vec::with_capacity(shape.bits);
        for _ in 0..shape.bits {
            ciphertexts.push((element(next_point), element(next_point + 1)));
            next_point += 2;
        }
        let mut sum_ciphertexts = Vec::new();
        for _ in &sums_r {
            sum_ciphertexts.push((encoded[next_point], encoded[next_point + 1]));
            next_point += 2;
        }
        let mut encrypted_bits = Vec::with_capacity(shape.bits);
        for (i, ((alpha, beta), (proof, r))) in ciphertexts
            .iter()
            .zip(d.bit_proofs.into_iter().zip(&d.randomness))
            .enumerate()
        {
            let idx = indices(q, i);
            let st = Statement {
                tag: BIT_PROOF_TAG,
                context: proof_context(&election, &credential_key, &idx),
                alpha: &alpha.compressed,
                beta: &beta.compressed,
                values: &BIT_VALUES,
            };
            let n = 2 * BIT_VALUES.len();
            let commitments: Vec<GroupElement> = (next_commitment..next_commitment + n)
                .map(element)
                .collect();
            let proof = proof.respond(&st, &commitments, &r.0);
            next_commitment += n;
            encrypted_bits.push(EncryptedBit {
                alpha: *alpha,
                beta: *beta,
                proof,
            });
        }
        let mut proven = sum_ciphertexts.iter().zip(&sums_r);
        let mut sums = Vec::with_capacity(shape.groups.len());
        for ((g, group), sum) in shape.groups.iter().enumerate().zip(d.sum_proofs) {
            let (Some((_, proof)), Some(((alpha, beta), r))) = (sum, proven.clone().next()) else {
                sums.push(None);
                continue;
            };
            proven.next();
            let idx = indices(q, g);
            let st = Statement {
                tag: SUM_PROOF_TAG,
                context: proof_context(&election, &credential_key, &idx),
                alpha,
                beta,
                values: &group.allowed,
            };
            let n = 2 * group.allowed.len();
            let commitments: Vec<GroupElement> = (next_commitment..next_commitment + n)
                .map(element)
                .collect();
            sums.push(Some(proof.respond(&st, &commitments, &r.0)));
            next_commitment += n;
        }
        questions.push(EncryptedAnswer {
            bits: encrypted_bits,
            sums,
        });
        randomness.push(d.randomness);
    }
    let mut ballot = EncryptedBallot {
        v: V1,
        election,
        credential_key,
        questions,
        signature: SchnorrProof::placeholder(),
    };
    ballot.signature = credential.sign_ballot(&ballot.digest(), rng)?;
    Ok((
        ballot,
        BallotOpening {
            bits: bits.to_vec(),
            randomness,
        },
    ))
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
        Self {
            v: V1,
            kind: AuditedBallotKind::AuditedBallot,
            parameters: params.clone(),
            ballot: ballot.clone(),
            bits: opening.bits.clone(),
            randomness: opening
                .randomness
                .iter()
                .map(|question| question.iter().map(|r| PublicScalar(r.0)).collect())
                .collect(),
        }
    }

    /// Recomputes the election digest, verifies the ballot and that every ciphertext is the
    /// encryption of the revealed bit with the revealed randomness; returns the bits.
    pub fn verify(&self) -> Result<Vec<Vec<u8>>, CryptoError> {
        let params = &self.parameters;
        self.ballot.verify(params)?;
        let bad = |what: String| CryptoError::InvalidBallot(format!("audited ballot: {what}"));
        if self.bits.len() != self.ballot.questions.len()
            || self.randomness.len() != self.ballot.questions.len()
        {
            return Err(bad(format!(
                "{} bit lists and {} randomness lists for {} questions",
                self.bits.len(),
                self.randomness.len(),
                self.ballot.questions.len()
            )));
        }
        let y_table = &params.tables.y_table;
        for (q, ((answer, bits), randomness)) in self
            .ballot
            .questions
            .iter()
            .zip(&self.bits)
            .zip(&self.randomness)
            .enumerate()
        {
            if bits.len() != answer.bits.len() || randomness.len() != answer.bits.len() {
                return Err(bad(format!(
                    "{}: {} bits and {} randomness values for {} ciphertexts",
                    question_label(params, q),
                    bits.len(),
                    randomness.len(),
                    answer.bits.len()
                )));
            }
            for (i, ((bit, &m), r)) in answer.bits.iter().zip(bits).zip(randomness).enumerate() {
                let m_scalar = match m {
                    0 => Scalar::ZERO,
                    1 => Scalar::ONE,
                    other => {
                        return Err(bad(format!(
                            "{}, bit {i} is revealed as {other}, not 0 or 1",
                            question_label(params, q)
                        )));
                    }
                };
                let alpha = &r.0 * RISTRETTO_BASEPOINT_TABLE;
                let beta = &m_scalar * RISTRETTO_BASEPOINT_TABLE + &r.0 * y_table;
                if alpha != bit.alpha.point || beta != bit.beta.point {
                    return Err(bad(format!(
                        "{}, bit {i}: the ciphertext is not the encryption of {m} with the revealed randomness",
                        question_label(params, q)
                    )));
                }
            }
        }
        Ok(self.bits.clone())
    }
}
