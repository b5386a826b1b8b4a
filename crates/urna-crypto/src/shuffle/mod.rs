//! The mixnet's cryptographic core: a Terelius–Wikström verifiable shuffle of *vectors* of
//! ElGamal ciphertexts over ristretto255, and the threshold decryption of its output.
//!
//! A ranked ballot is `W` ciphertexts (see [`crate::ranked`]); a mixer permutes the list of
//! ballots with one permutation for the whole vector and re-encrypts every component, then
//! proves that the output is a permutation of re-encryptions of the input without revealing
//! which. Several mixers in sequence, any one of them honest, hide the link between voters and
//! ballots; the mixed ballots are then decrypted by `k` trustees with proofs.
//!
//! The proof follows CHVote's `GenShuffleProof`/`CheckShuffleProof` (Haenni et al., CHVote
//! protocol specification), which Belenios ports, generalised to
//! vectors as in Wikström's "A commitment-consistent proof of a shuffle": the permutation
//! commitment, the commitment chain and the `ω'_i` are shared by the `W` components, each of
//! which has its own re-encryption equation (`t4_w`, `s4_w`). Generators are derived by hashing
//! a published seed and never chosen (the Swiss Post 2019 trapdoor). Every equation, transcript
//! and file is specified in `docs/record-format.md`, "Appendix: shuffles".
//!
//! - [`CiphertextVectors`]: `N` vectors of `W` ciphertexts, checked rectangular.
//! - [`shuffle`], [`prove_shuffle`], [`verify_shuffle`]: the mixer's two steps and the check.
//! - [`decrypt_mixed`], [`combine_mixed_decryption`]: decryption shares (Chaum–Pedersen, the
//!   ones of [`crate::decrypt`]) of the mixed ciphertexts, and the plaintext points.
//! - [`MixInput`], [`MixOutput`], [`mix`]: the files of `urna trustee mix`.
//!
//! **Speed.** The prover's per-ballot work (re-encryption, commitments, the chain, `t̂_i`) and
//! every sum over the ballots run on every core; the verifier checks each equation as one
//! variable-time multiscalar multiplication split over the cores, and the `N` chain equations
//! together as one random linear combination (a failure is then located one by one).

mod decrypt;
mod files;
mod generators;
mod proof;
#[cfg(test)]
mod tests;

use curve25519_dalek::constants::RISTRETTO_BASEPOINT_TABLE;
use curve25519_dalek::ristretto::{RistrettoBasepointTable, RistrettoPoint};
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::Identity;
use rand_core::TryCryptoRng;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Sha256, Sha512};
use thiserror::Error;
use zeroize::Zeroize;

use crate::dkg::ElectionKey;
use crate::encoding::{Digest, EncodedElement, GroupElement, Transcript, decode_in_parallel};
use crate::error::CryptoError;
use crate::homomorphic::TallyCiphertext;

pub use decrypt::{
    MixDecryption, MixedPlaintexts, combine_mixed_decryption, decrypt_mixed,
    verify_mixed_decryption,
};
pub use files::{MixInput, MixOutput, ShuffleSeed, mix};
pub use proof::{ShuffleProof, prove_shuffle, verify_shuffle};

/// Why a shuffle could not be made or does not verify.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ShuffleError {
    #[error("a shuffle needs at least one ciphertext vector")]
    NoVectors,
    #[error("ciphertext vectors need at least one component")]
    NoComponents,
    #[error("ciphertext vector {position} has {found} components, vector 0 has {expected}")]
    RaggedVectors {
        position: usize,
        expected: usize,
        found: usize,
    },
    #[error("{inputs} input vectors but {outputs} output vectors")]
    CountMismatch { inputs: usize, outputs: usize },
    #[error("input vectors have {inputs} components but output vectors {outputs}")]
    WidthMismatch { inputs: usize, outputs: usize },
    #[error("the proof's {what} holds {found} items, {expected} expected")]
    ProofShape {
        what: &'static str,
        expected: usize,
        found: usize,
    },
    #[error("the shuffle proof fails {0}")]
    Failed(ShuffleCheck),
    #[error("the witness does not fit this shuffle: {0}")]
    WitnessMismatch(&'static str),
    #[error("the shuffle seed must be 1 to {max} bytes, found {found}", max = files::MAX_SEED_BYTES)]
    BadSeed { found: usize },
    #[error("the mix output does not answer this mix input: {0}")]
    WrongInput(String),
    #[error(transparent)]
    Crypto(#[from] CryptoError),
}

/// The equation of a shuffle proof that failed (names as in the appendix of
/// `docs/record-format.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShuffleCheck {
    /// `t1`: the permutation commitments sum to a commitment of `(1, …, 1)`.
    CommitmentSum,
    /// `t2`: the chain ends in a commitment to the product of the challenges.
    ChainEnd,
    /// `t3`: the permutation commitments open, weighted by `u`, to the permuted `u'`.
    WeightedCommitment,
    /// `t4_w`: the outputs' component `w`, weighted by `u'`, re-encrypt the inputs' by `u`.
    Reencryption { component: usize },
    /// `t̂_i`: link `i` (1-based) of the commitment chain.
    ChainLink { link: usize },
}

impl std::fmt::Display for ShuffleCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::CommitmentSum => f.write_str("t1, the sum of the permutation commitments"),
            Self::ChainEnd => f.write_str("t2, the end of the commitment chain"),
            Self::WeightedCommitment => {
                f.write_str("t3, the permutation commitments weighted by the challenges")
            }
            Self::Reencryption { component } => write!(
                f,
                "t4 of component {component}: the outputs are not re-encryptions of the \
                 inputs under the committed permutation"
            ),
            Self::ChainLink { link } => write!(f, "t̂ of link {link} of the commitment chain"),
        }
    }
}

/// `N` vectors of `W ≥ 1` ElGamal ciphertexts `(α, β) = (r·G, M + r·Y)` each: the ballots a
/// mixer permutes. Stored flat, vector after vector. JSON: a list of `N` lists of `W`
/// `{"alpha", "beta"}` objects, points decoded on every core.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CiphertextVectors {
    width: usize,
    flat: Vec<TallyCiphertext>,
}

impl CiphertextVectors {
    /// Checks that there is at least one vector and that all have the same, nonzero width.
    pub fn new(vectors: Vec<Vec<TallyCiphertext>>) -> Result<Self, ShuffleError> {
        let width = vectors.first().ok_or(ShuffleError::NoVectors)?.len();
        if width == 0 {
            return Err(ShuffleError::NoComponents);
        }
        if let Some((position, v)) = vectors.iter().enumerate().find(|(_, v)| v.len() != width) {
            return Err(ShuffleError::RaggedVectors {
                position,
                expected: width,
                found: v.len(),
            });
        }
        Ok(Self {
            width,
            flat: vectors.into_iter().flatten().collect(),
        })
    }

    fn from_flat(width: usize, flat: Vec<TallyCiphertext>) -> Self {
        debug_assert!(width > 0 && !flat.is_empty() && flat.len().is_multiple_of(width));
        Self { width, flat }
    }

    /// `N`, the number of vectors (never 0).
    pub fn len(&self) -> usize {
        self.flat.len() / self.width
    }

    /// Always false: a value holds at least one vector.
    pub fn is_empty(&self) -> bool {
        self.flat.is_empty()
    }

    /// `W`, the number of ciphertexts per vector.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Vector `i` (0-based).
    pub fn vector(&self, i: usize) -> Option<&[TallyCiphertext]> {
        self.flat.get(i * self.width..(i + 1) * self.width)
    }

    /// The vectors in order.
    pub fn vectors(&self) -> impl ExactSizeIterator<Item = &[TallyCiphertext]> {
        self.flat.chunks_exact(self.width)
    }

    /// Every ciphertext, vector after vector.
    pub fn ciphertexts(&self) -> &[TallyCiphertext] {
        &self.flat
    }

    /// `SHA-256("urna/v1/shuffle/ciphertexts"; N, W, α, β of every ciphertext in order)`:
    /// names a list of vectors (the inputs a mix output answers, the set a decryption
    /// decrypts).
    pub fn digest(&self) -> Digest {
        let mut t = Transcript::<Sha256>::new("urna/v1/shuffle/ciphertexts");
        t.u64(self.len() as u64).u64(self.width as u64);
        for c in &self.flat {
            t.element(&c.alpha).element(&c.beta);
        }
        t.digest()
    }
}

impl Serialize for CiphertextVectors {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.vectors())
    }
}

/// One ciphertext as read, its points not decoded yet.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CiphertextWire {
    alpha: EncodedElement,
    beta: EncodedElement,
}

#[derive(Deserialize)]
#[serde(transparent)]
struct VectorWire(Vec<CiphertextWire>);

impl TryFrom<&VectorWire> for Vec<TallyCiphertext> {
    type Error = CryptoError;
    fn try_from(wire: &VectorWire) -> Result<Self, CryptoError> {
        wire.0
            .iter()
            .map(|c| {
                Ok(TallyCiphertext {
                    alpha: GroupElement::from_bytes(c.alpha.0)?,
                    beta: GroupElement::from_bytes(c.beta.0)?,
                })
            })
            .collect()
    }
}

impl<'de> Deserialize<'de> for CiphertextVectors {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let vectors = decode_in_parallel::<D, VectorWire, Vec<TallyCiphertext>>(d)?;
        Self::new(vectors).map_err(serde::de::Error::custom)
    }
}

impl TryFrom<&EncodedElement> for GroupElement {
    type Error = CryptoError;
    fn try_from(e: &EncodedElement) -> Result<Self, CryptoError> {
        GroupElement::from_bytes(e.0)
    }
}

/// Reads a JSON list of points, decoding them on every core.
pub(crate) fn read_points<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<GroupElement>, D::Error> {
    decode_in_parallel::<D, EncodedElement, GroupElement>(d)
}

/// The election key prepared for many encryptions (a precomputed table of multiples of `Y`,
/// built once: building it costs about as much as 20 multiplications).
pub struct EncryptionKey {
    public_key: GroupElement,
    table: RistrettoBasepointTable,
}

impl std::fmt::Debug for EncryptionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "EncryptionKey({:?})", self.public_key)
    }
}

impl EncryptionKey {
    pub fn new(key: &ElectionKey) -> Self {
        Self {
            public_key: key.public_key,
            table: RistrettoBasepointTable::create(&key.public_key.point),
        }
    }

    /// `(r·G, M + r·Y)`: plain ElGamal of the point `M`, or with `M` the identity the term a
    /// re-encryption adds.
    pub(crate) fn encrypt(
        &self,
        message: &RistrettoPoint,
        r: &Scalar,
    ) -> (RistrettoPoint, RistrettoPoint) {
        (r * RISTRETTO_BASEPOINT_TABLE, message + r * &self.table)
    }

    pub(crate) fn table(&self) -> &RistrettoBasepointTable {
        &self.table
    }
}

/// The mixer's secret: the permutation (output `i` is input `permutation[i]`) and the
/// re-encryption randomness (flat, vector after vector). Never serialised, never shown by
/// `Debug`, wiped on drop: it would link every output to its input.
pub struct ShuffleWitness {
    pub(crate) permutation: Vec<usize>,
    pub(crate) randomness: Vec<Scalar>,
}

impl std::fmt::Debug for ShuffleWitness {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ShuffleWitness([redacted])")
    }
}

impl Drop for ShuffleWitness {
    fn drop(&mut self) {
        self.permutation.zeroize();
        self.randomness.zeroize();
    }
}

/// A uniformly random permutation of `0..n` (Fisher–Yates; each index drawn without bias by
/// rejection from 64-bit draws).
fn random_permutation<R: TryCryptoRng + ?Sized>(
    n: usize,
    rng: &mut R,
) -> Result<Vec<usize>, CryptoError> {
    let mut permutation: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let bound = i as u64 + 1;
        // The largest multiple of `bound` that fits, so that `draw % bound` is uniform.
        let zone = u64::MAX - (u64::MAX % bound + 1) % bound;
        let j = loop {
            let draw = rng
                .try_next_u64()
                .map_err(|e| CryptoError::Randomness(e.to_string()))?;
            if draw <= zone {
                break draw % bound;
            }
        };
        permutation.swap(i, j as usize);
    }
    Ok(permutation)
}

/// Scalars expanded from one random seed: `Hs(tag; seed, label, i)`. Lets the per-ballot work
/// run on every core without sharing a generator; the seed is wiped on drop.
pub(crate) struct NonceSource {
    seed: [u8; 32],
}

impl NonceSource {
    pub(crate) fn new<R: TryCryptoRng + ?Sized>(rng: &mut R) -> Result<Self, CryptoError> {
        let mut seed = [0u8; 32];
        rng.try_fill_bytes(&mut seed)
            .map_err(|e| CryptoError::Randomness(e.to_string()))?;
        Ok(Self { seed })
    }

    pub(crate) fn scalar(&self, label: &str, i: u64) -> Scalar {
        let mut t = Transcript::<Sha512>::new("urna/v1/shuffle/nonce");
        t.bytes(&self.seed).bytes(label.as_bytes()).u64(i);
        t.into_scalar()
    }
}

impl Drop for NonceSource {
    fn drop(&mut self) {
        self.seed.zeroize();
    }
}

/// The mixer's first step: a random permutation of `inputs` with every component
/// re-encrypted under the election key. The witness is what [`prove_shuffle`] needs.
pub fn shuffle<R: TryCryptoRng + ?Sized>(
    key: &ElectionKey,
    inputs: &CiphertextVectors,
    rng: &mut R,
) -> Result<(CiphertextVectors, ShuffleWitness), ShuffleError> {
    let n = inputs.len();
    let width = inputs.width();
    let permutation = random_permutation(n, rng)?;
    let nonces = NonceSource::new(rng)?;
    let key_table = EncryptionKey::new(key);
    let identity = RistrettoPoint::identity();
    let randomness: Vec<Scalar> = crate::parallel::map(&permutation, |i, _| {
        (0..width)
            .map(|w| nonces.scalar("reencrypt", (i * width + w) as u64))
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect();
    let flat: Vec<TallyCiphertext> = crate::parallel::map(&permutation, |i, &source| {
        let input = &inputs.flat[source * width..(source + 1) * width];
        input
            .iter()
            .zip(&randomness[i * width..(i + 1) * width])
            .map(|(c, r)| {
                let (a, b) = key_table.encrypt(&identity, r);
                TallyCiphertext {
                    alpha: GroupElement::new(c.alpha.point + a),
                    beta: GroupElement::new(c.beta.point + b),
                }
            })
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect();
    Ok((
        CiphertextVectors::from_flat(width, flat),
        ShuffleWitness {
            permutation,
            randomness,
        },
    ))
}
