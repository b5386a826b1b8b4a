//! Dealerless k-of-n distributed key generation (Pedersen's DKG with Feldman commitments),
//! run in two file rounds so that no server ever sees a share:
//!
//! 1. [`dkg_round1`]: trustee `i` draws `f_i(z) = a_{i,0} + … + a_{i,k-1} z^{k-1}`, publishes
//!    `A_{i,j} = a_{i,j}·G`, a proof of knowledge of `a_{i,0}` bound to (set-up, i), and
//!    `s_{i→l} = f_i(l)` for every trustee `l` (itself included, so round 1 keeps no state)
//!    encrypted to `l`'s long-term key. The message is signed with `i`'s long-term key, so a
//!    server relaying it cannot substitute its own polynomial.
//! 2. [`dkg_round2`]: trustee `l` checks every round 1 message and every share addressed to it
//!    (`s_{i→l}·G = Σ_j l^j·A_{i,j}`), stores `x_l = Σ_i s_{i→l}` in its secret file and
//!    publishes `X_l = x_l·G` with a proof of knowledge bound to the digest of all round 1
//!    messages (so a server that showed trustees different messages is caught).
//! 3. [`combine_public`] (server, no secrets): re-checks everything public, checks every
//!    `X_l = Σ_i Σ_j l^j·A_{i,j}` and returns the [`ElectionKey`] `Y = Σ_i A_{i,0}`.
//!
//! No commitment round precedes round 1: a rushing trustee who sees the others' `A_{i,0}`
//! first can bias the distribution of `Y`, which Gennaro, Jarecki, Krawczyk and Rabin (CT-RSA
//! 2003, "Secure applications of Pedersen's distributed key generation protocol") show does not
//! weaken ElGamal encryption under the key. See `docs/crypto.md`.

use curve25519_dalek::ristretto::RistrettoPoint;
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::{Identity, VartimeMultiscalarMul};
use rand_core::TryCryptoRng;
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::encoding::{Digest, GroupElement, HexBytes, SecretScalar, Transcript, V1};
use crate::error::CryptoError;
use crate::proofs::{SchnorrProof, random_scalar};
use crate::setup::{ElectionId, ElectionSetup};
use crate::symmetric;
use crate::trustee::{KeyShare, TrusteeSecret};

const COEFFICIENT_POK_TAG: &str = "urna/v1/dkg-coefficient-pok";
const ROUND1_TAG: &str = "urna/v1/dkg-round1";
const ROUND1_SIGNATURE_TAG: &str = "urna/v1/dkg-round1-signature";
const SHARE_KEY_TAG: &str = "urna/v1/dkg-share-key";
const TRANSCRIPT_TAG: &str = "urna/v1/dkg-transcript";
const SHARE_POK_TAG: &str = "urna/v1/dkg-share-pok";

/// One share `f_i(l)` encrypted to trustee `l` (ECIES: `E = e·G`, key = SHA-256 transcript of
/// (set-up, i, l, E, e·P_l), ChaCha20-Poly1305 with AAD = set-up digest ‖ i ‖ l).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EncryptedShare {
    pub recipient: u32,
    pub ephemeral: GroupElement,
    pub ciphertext: HexBytes,
}

/// Trustee `dealer`'s round 1 message (`alice.round1.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkgRound1 {
    pub v: V1,
    pub setup: Digest,
    pub dealer: u32,
    /// Feldman commitments `A_{i,0} … A_{i,k-1}`.
    pub commitments: Vec<GroupElement>,
    /// Proof of knowledge of `a_{i,0}`, context (set-up digest, i).
    pub constant_proof: SchnorrProof,
    /// One entry per trustee, in index order 1..=n.
    pub shares: Vec<EncryptedShare>,
    /// Schnorr signature by the dealer's long-term key over [`DkgRound1::body_digest`].
    pub signature: SchnorrProof,
}

/// Trustee `trustee`'s round 2 message (`alice.round2.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkgRound2 {
    pub v: V1,
    pub setup: Digest,
    pub trustee: u32,
    /// Digest of the round 1 messages this trustee accepted.
    pub transcript: Digest,
    /// `X_l = x_l·G`.
    pub verification_key: GroupElement,
    /// Proof of knowledge of `x_l`, context (set-up digest, l, transcript digest).
    pub proof: SchnorrProof,
}

/// The election's public key and the trustees' verification keys: everything public that
/// sealing ballots and checking decryption shares need. Stored by the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElectionKey {
    pub v: V1,
    pub election_id: ElectionId,
    pub setup: Digest,
    pub transcript: Digest,
    pub threshold: u32,
    /// `Y`.
    pub public_key: GroupElement,
    /// `X_1 … X_n`, in trustee order.
    pub verification_keys: Vec<GroupElement>,
}

impl ElectionKey {
    /// `X_l` for 1-based `index`.
    pub fn verification_key(&self, index: u32) -> Result<&GroupElement, CryptoError> {
        (index as usize)
            .checked_sub(1)
            .and_then(|i| self.verification_keys.get(i))
            .ok_or(CryptoError::UnknownTrustee(u64::from(index)))
    }
}

fn share_key(
    setup: &Digest,
    dealer: u32,
    recipient: u32,
    ephemeral: &GroupElement,
    shared: &GroupElement,
) -> Digest {
    let mut t = Transcript::<Sha256>::new(SHARE_KEY_TAG);
    t.bytes(setup.as_bytes())
        .u64(u64::from(dealer))
        .u64(u64::from(recipient))
        .element(ephemeral)
        .element(shared);
    t.digest()
}

fn share_aad(setup: &Digest, dealer: u32, recipient: u32) -> [u8; 48] {
    let mut aad = [0u8; 48];
    aad[..32].copy_from_slice(setup.as_bytes());
    aad[32..40].copy_from_slice(&u64::from(dealer).to_be_bytes());
    aad[40..].copy_from_slice(&u64::from(recipient).to_be_bytes());
    aad
}

/// `Σ_j index^j · C_j`, the Feldman commitment to the polynomial's value at `index`.
fn evaluate_commitments(commitments: &[GroupElement], index: u32) -> RistrettoPoint {
    let x = Scalar::from(index);
    let mut power = Scalar::ONE;
    let mut scalars = Vec::with_capacity(commitments.len());
    for _ in commitments {
        scalars.push(power);
        power *= x;
    }
    RistrettoPoint::vartime_multiscalar_mul(scalars, commitments.iter().map(|c| c.point))
}

impl DkgRound1 {
    /// SHA-256 transcript of everything but the signature.
    pub fn body_digest(&self) -> Digest {
        let mut t = Transcript::<Sha256>::new(ROUND1_TAG);
        t.bytes(self.setup.as_bytes())
            .u64(u64::from(self.dealer))
            .u64(self.commitments.len() as u64);
        for c in &self.commitments {
            t.element(c);
        }
        t.scalar(&self.constant_proof.c.0)
            .scalar(&self.constant_proof.s.0)
            .u64(self.shares.len() as u64);
        for s in &self.shares {
            t.u64(u64::from(s.recipient))
                .element(&s.ephemeral)
                .bytes(&s.ciphertext.0);
        }
        t.digest()
    }

    /// (Re-)signs the message with the dealer's long-term key.
    pub(crate) fn sign<R: TryCryptoRng + ?Sized>(
        &mut self,
        secret: &TrusteeSecret,
        rng: &mut R,
    ) -> Result<(), CryptoError> {
        let digest = self.body_digest();
        self.signature = SchnorrProof::prove(
            ROUND1_SIGNATURE_TAG,
            &[digest.as_bytes()],
            &secret.encryption_secret.0,
            &secret.public.encryption_key,
            rng,
        )?;
        Ok(())
    }

    /// Checks everything that needs no secret: set-up, signature, commitment count, the proof
    /// of knowledge of the constant coefficient, one share per trustee in order.
    pub fn verify_public(&self, setup: &ElectionSetup) -> Result<(), CryptoError> {
        let who = setup.label(self.dealer);
        let dealer = setup.trustee(self.dealer)?;
        setup.expect_digest(&self.setup, format!("round 1 message of trustee {who}"))?;
        let digest = self.body_digest();
        if !self.signature.verify(
            ROUND1_SIGNATURE_TAG,
            &[digest.as_bytes()],
            &dealer.encryption_key,
        ) {
            return Err(CryptoError::BadRound1Signature { trustee: who });
        }
        let k = setup.threshold() as usize;
        if self.commitments.len() != k {
            return Err(CryptoError::WrongCommitmentCount {
                trustee: who,
                expected: k,
                found: self.commitments.len(),
            });
        }
        if !self.constant_proof.verify(
            COEFFICIENT_POK_TAG,
            &[self.setup.as_bytes(), &u64::from(self.dealer).to_be_bytes()],
            &self.commitments[0],
        ) {
            return Err(CryptoError::BadCoefficientProof { trustee: who });
        }
        let n = setup.trustees().len();
        let recipients_in_order = self.shares.len() == n
            && self.shares.iter().enumerate().all(|(i, s)| {
                s.recipient as usize == i + 1 && s.ciphertext.0.len() == 32 + symmetric::TAG_LEN
            });
        if !recipients_in_order {
            return Err(CryptoError::WrongShareRecipients { trustee: who });
        }
        Ok(())
    }
}

/// Round 1 for the trustee owning `secret`.
pub fn dkg_round1<R: TryCryptoRng + ?Sized>(
    secret: &TrusteeSecret,
    setup: &ElectionSetup,
    rng: &mut R,
) -> Result<DkgRound1, CryptoError> {
    secret.check()?;
    let dealer = setup.index_of(secret)?;
    let setup_digest = setup.digest();
    let coefficients = (0..setup.threshold())
        .map(|_| random_scalar(rng).map(SecretScalar))
        .collect::<Result<Vec<_>, _>>()?;
    let commitments: Vec<GroupElement> = coefficients
        .iter()
        .map(|a| GroupElement::base_times(&a.0))
        .collect();
    let constant_proof = SchnorrProof::prove(
        COEFFICIENT_POK_TAG,
        &[setup_digest.as_bytes(), &u64::from(dealer).to_be_bytes()],
        &coefficients[0].0,
        &commitments[0],
        rng,
    )?;
    let mut shares = Vec::with_capacity(setup.trustees().len());
    for (position, recipient_key) in setup.trustees().iter().enumerate() {
        let recipient = position as u32 + 1;
        // Horner: f(l) = a_0 + l(a_1 + l(a_2 + …)).
        let l = Scalar::from(recipient);
        let value = SecretScalar(
            coefficients
                .iter()
                .rev()
                .fold(Scalar::ZERO, |acc, a| acc * l + a.0),
        );
        let e = SecretScalar(random_scalar(rng)?);
        let ephemeral = GroupElement::base_times(&e.0);
        let shared = GroupElement::new(e.0 * recipient_key.encryption_key.point);
        let key = share_key(&setup_digest, dealer, recipient, &ephemeral, &shared);
        let ciphertext = symmetric::encrypt(
            &key,
            &share_aad(&setup_digest, dealer, recipient),
            value.0.as_bytes(),
        )?;
        shares.push(EncryptedShare {
            recipient,
            ephemeral,
            ciphertext: HexBytes(ciphertext),
        });
    }
    let mut message = DkgRound1 {
        v: V1,
        setup: setup_digest,
        dealer,
        commitments,
        constant_proof,
        shares,
        signature: SchnorrProof {
            c: crate::encoding::PublicScalar(Scalar::ZERO),
            s: crate::encoding::PublicScalar(Scalar::ZERO),
        },
    };
    message.sign(secret, rng)?;
    Ok(message)
}

/// Checks the round 1 messages (exactly one per trustee, each valid) and returns them in
/// dealer order together with the transcript digest.
fn check_round1s<'a>(
    setup: &ElectionSetup,
    round1s: &'a [DkgRound1],
) -> Result<(Vec<&'a DkgRound1>, Digest), CryptoError> {
    let n = setup.trustees().len();
    if round1s.len() != n {
        return Err(CryptoError::WrongMessageCount {
            round: 1,
            expected: n,
            found: round1s.len(),
        });
    }
    let mut ordered: Vec<Option<&DkgRound1>> = vec![None; n];
    for message in round1s {
        let slot = (message.dealer as usize)
            .checked_sub(1)
            .and_then(|i| ordered.get_mut(i))
            .ok_or(CryptoError::UnknownTrustee(u64::from(message.dealer)))?;
        if slot.is_some() {
            return Err(CryptoError::DuplicateMessage {
                round: 1,
                trustee: setup.label(message.dealer),
            });
        }
        *slot = Some(message);
    }
    // n messages with distinct indices in 1..=n fill every slot.
    let ordered: Vec<&DkgRound1> = ordered.into_iter().flatten().collect();
    let mut t = Transcript::<Sha256>::new(TRANSCRIPT_TAG);
    t.bytes(setup.digest().as_bytes()).u64(n as u64);
    for message in &ordered {
        message.verify_public(setup)?;
        t.bytes(message.body_digest().as_bytes());
    }
    Ok((ordered, t.digest()))
}

/// Round 2 for the trustee owning `secret`: verifies every round 1 message and every share
/// addressed to this trustee, stores the key share in `secret` and returns the public message.
pub fn dkg_round2<R: TryCryptoRng + ?Sized>(
    secret: &mut TrusteeSecret,
    setup: &ElectionSetup,
    round1s: &[DkgRound1],
    rng: &mut R,
) -> Result<DkgRound2, CryptoError> {
    secret.check()?;
    let me = setup.index_of(secret)?;
    let me_label = setup.label(me);
    let setup_digest = setup.digest();
    let (ordered, transcript) = check_round1s(setup, round1s)?;
    let mut share = SecretScalar(Scalar::ZERO);
    let mut public_key = RistrettoPoint::identity();
    for message in ordered {
        let dealer = message.dealer;
        let encrypted = &message.shares[me as usize - 1];
        let shared = GroupElement::new(secret.encryption_secret.0 * encrypted.ephemeral.point);
        let key = share_key(&setup_digest, dealer, me, &encrypted.ephemeral, &shared);
        let not_decrypting = || CryptoError::ShareDoesNotDecrypt {
            dealer: setup.label(dealer),
            recipient: me_label.clone(),
        };
        let mut plain = symmetric::decrypt(
            &key,
            &share_aad(&setup_digest, dealer, me),
            &encrypted.ciphertext.0,
        )
        .ok_or_else(not_decrypting)?;
        let bytes: Option<[u8; 32]> = plain.as_slice().try_into().ok();
        zeroize::Zeroize::zeroize(&mut plain);
        let value = bytes
            .and_then(|b| Option::<Scalar>::from(Scalar::from_canonical_bytes(b)))
            .map(SecretScalar)
            .ok_or_else(not_decrypting)?;
        if RistrettoPoint::mul_base(&value.0) != evaluate_commitments(&message.commitments, me) {
            return Err(CryptoError::ShareInconsistent {
                dealer: setup.label(dealer),
                recipient: me_label,
            });
        }
        share.0 += value.0;
        public_key += message.commitments[0].point;
    }
    let public_key = GroupElement::new(public_key);
    if public_key.is_identity() {
        return Err(CryptoError::IdentityElement {
            what: "the election public key".into(),
        });
    }
    let verification_key = GroupElement::base_times(&share.0);
    let proof = SchnorrProof::prove(
        SHARE_POK_TAG,
        &[
            setup_digest.as_bytes(),
            &u64::from(me).to_be_bytes(),
            transcript.as_bytes(),
        ],
        &share.0,
        &verification_key,
        rng,
    )?;
    secret.store_share(KeyShare {
        election_id: setup.election_id().clone(),
        setup: setup_digest,
        transcript,
        index: me,
        threshold: setup.threshold(),
        share,
        verification_key,
        public_key,
    });
    Ok(DkgRound2 {
        v: V1,
        setup: setup_digest,
        trustee: me,
        transcript,
        verification_key,
        proof,
    })
}

/// The server's side: verifies every public DKG message and returns the election key. Needs
/// every trustee's round 1 and round 2 message (a missing round 2 means that trustee did not
/// confirm its share).
pub fn combine_public(
    setup: &ElectionSetup,
    round1s: &[DkgRound1],
    round2s: &[DkgRound2],
) -> Result<ElectionKey, CryptoError> {
    let (ordered, transcript) = check_round1s(setup, round1s)?;
    let k = setup.threshold() as usize;
    let n = setup.trustees().len();
    // C_j = Σ_i A_{i,j}: the commitments to the sum polynomial, whose value at l is x_l.
    let combined: Vec<GroupElement> = (0..k)
        .map(|j| GroupElement::new(ordered.iter().map(|m| m.commitments[j].point).sum()))
        .collect();
    let public_key = combined[0];
    if public_key.is_identity() {
        return Err(CryptoError::IdentityElement {
            what: "the election public key".into(),
        });
    }
    if round2s.len() != n {
        return Err(CryptoError::WrongMessageCount {
            round: 2,
            expected: n,
            found: round2s.len(),
        });
    }
    let mut verification_keys: Vec<Option<GroupElement>> = vec![None; n];
    for message in round2s {
        let who = setup.label(message.trustee);
        setup.trustee(message.trustee)?;
        setup.expect_digest(&message.setup, format!("round 2 message of trustee {who}"))?;
        if message.transcript != transcript {
            return Err(CryptoError::Round1DigestMismatch { trustee: who });
        }
        if message.verification_key.point != evaluate_commitments(&combined, message.trustee) {
            return Err(CryptoError::BadVerificationKey { trustee: who });
        }
        if !message.proof.verify(
            SHARE_POK_TAG,
            &[
                message.setup.as_bytes(),
                &u64::from(message.trustee).to_be_bytes(),
                transcript.as_bytes(),
            ],
            &message.verification_key,
        ) {
            return Err(CryptoError::BadShareProof { trustee: who });
        }
        let slot = &mut verification_keys[message.trustee as usize - 1];
        if slot.is_some() {
            return Err(CryptoError::DuplicateMessage {
                round: 2,
                trustee: who,
            });
        }
        *slot = Some(message.verification_key);
    }
    Ok(ElectionKey {
        v: V1,
        election_id: setup.election_id().clone(),
        setup: setup.digest(),
        transcript,
        threshold: setup.threshold(),
        public_key,
        verification_keys: verification_keys.into_iter().flatten().collect(),
    })
}
