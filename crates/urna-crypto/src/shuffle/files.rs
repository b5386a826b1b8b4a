//! The files of `urna trustee mix` (`docs/record-format.md`, "Appendix: shuffles"): a mix
//! input (election key, seed, ciphertext vectors) and a mix output (the shuffled vectors and
//! the proof), and [`mix`], which turns one into the other.

use rand_core::TryCryptoRng;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::dkg::ElectionKey;
use crate::encoding::{Digest, HexBytes, V1};

use super::{CiphertextVectors, ShuffleError, ShuffleProof, prove_shuffle, shuffle};

/// The longest seed accepted.
pub(super) const MAX_SEED_BYTES: usize = 256;

/// The public seed the shuffle's generators are derived from and its proof is bound to (for
/// example the election digest and the mixer's position): 1 to 256 bytes, lowercase
/// hexadecimal in JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShuffleSeed(Vec<u8>);

impl ShuffleSeed {
    pub fn new(bytes: Vec<u8>) -> Result<Self, ShuffleError> {
        if bytes.is_empty() || bytes.len() > MAX_SEED_BYTES {
            return Err(ShuffleError::BadSeed { found: bytes.len() });
        }
        Ok(Self(bytes))
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// A seed of a digest's 32 bytes (always a valid length).
    pub fn from_digest(digest: &Digest) -> Self {
        Self(digest.as_bytes().to_vec())
    }
}

impl Serialize for ShuffleSeed {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        HexBytes(self.0.clone()).serialize(s)
    }
}

impl<'de> Deserialize<'de> for ShuffleSeed {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let HexBytes(bytes) = HexBytes::deserialize(d)?;
        Self::new(bytes).map_err(serde::de::Error::custom)
    }
}

/// What a mixer receives: the ciphertext vectors to shuffle, under the election key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MixInput {
    pub v: V1,
    pub election_key: ElectionKey,
    pub seed: ShuffleSeed,
    pub ciphertexts: CiphertextVectors,
}

/// What a mixer returns: the shuffled vectors and the proof, naming the inputs by digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MixOutput {
    pub v: V1,
    /// The election key's set-up digest.
    pub setup: Digest,
    pub seed: ShuffleSeed,
    /// [`CiphertextVectors::digest`] of the input's ciphertexts.
    pub inputs: Digest,
    pub ciphertexts: CiphertextVectors,
    pub proof: ShuffleProof,
}

/// Shuffles and proves the input's vectors.
pub fn mix<R: TryCryptoRng + ?Sized>(
    input: &MixInput,
    rng: &mut R,
) -> Result<MixOutput, ShuffleError> {
    let key = &input.election_key;
    let (outputs, witness) = shuffle(key, &input.ciphertexts, rng)?;
    let proof = prove_shuffle(
        key,
        &input.seed,
        &input.ciphertexts,
        &outputs,
        &witness,
        rng,
    )?;
    Ok(MixOutput {
        v: V1,
        setup: key.setup,
        seed: input.seed.clone(),
        inputs: input.ciphertexts.digest(),
        ciphertexts: outputs,
        proof,
    })
}

impl MixOutput {
    /// Checks this output against the input it answers: same set-up, seed and input digest,
    /// and a valid shuffle proof.
    pub fn verify(&self, input: &MixInput) -> Result<(), ShuffleError> {
        let key = &input.election_key;
        if self.setup != key.setup {
            return Err(ShuffleError::WrongInput(format!(
                "the output belongs to set-up {}, the input to {}",
                self.setup, key.setup
            )));
        }
        if self.seed != input.seed {
            return Err(ShuffleError::WrongInput(
                "the output's seed differs from the input's".into(),
            ));
        }
        let digest = input.ciphertexts.digest();
        if self.inputs != digest {
            return Err(ShuffleError::WrongInput(format!(
                "the output answers the ciphertexts {}, the input holds {digest}",
                self.inputs
            )));
        }
        super::verify_shuffle(
            key,
            &self.seed,
            &input.ciphertexts,
            &self.ciphertexts,
            &self.proof,
        )
    }
}
