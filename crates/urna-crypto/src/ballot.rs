//! Sealed ballots (the "sealed-only" mode: the server seals a ballot on arrival and can never
//! open it) and the frozen ballot set that trustees decrypt.
//!
//! Sealing is an ElGamal KEM to the election key `Y`: random `r`, `R = r·G`, key = SHA-256
//! transcript of (`Y`, `R`, `r·Y`, context), then ChaCha20-Poly1305 with AAD = context over the
//! plaintext padded to a fixed length (4-byte big-endian length, plaintext, zeros). Every
//! sealed ballot of an election therefore has the same size. Opening needs `r·Y = x·R`, which
//! only k trustees together can supply.
//!
//! The JSON form is `{"v":1,"kind":"kem-chacha20poly1305","R":…,"ct":…}`; later kinds
//! (ElGamal vectors with proofs) get their own `kind` beside it, so stored ballots never need
//! migrating.

use rand_core::TryCryptoRng;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::Sha256;

use crate::dkg::ElectionKey;
use crate::encoding::{
    Digest, EncodedElement, GroupElement, HexBytes, SecretScalar, Transcript, V1,
    decode_in_parallel,
};
use crate::error::CryptoError;
use crate::proofs::random_scalar;
use crate::symmetric;

/// The `kind` of a KEM-sealed ballot.
pub const KEM_KIND: &str = "kem-chacha20poly1305";
const KEM_TAG: &str = "urna/v1/ballot-kem";
const LENGTH_PREFIX: usize = 4;

/// A ballot sealed to the election key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedBallot {
    /// `R = r·G`.
    pub ephemeral: GroupElement,
    /// ChaCha20-Poly1305 ciphertext of the padded plaintext, tag included.
    pub ciphertext: Vec<u8>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SealedBallotWire {
    v: V1,
    kind: String,
    #[serde(rename = "R")]
    ephemeral: EncodedElement,
    ct: HexBytes,
}

impl Serialize for SealedBallot {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        SealedBallotWire {
            v: V1,
            kind: KEM_KIND.to_owned(),
            ephemeral: EncodedElement(self.ephemeral.to_bytes()),
            ct: HexBytes(self.ciphertext.clone()),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for SealedBallot {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let wire = SealedBallotWire::deserialize(d)?;
        Self::try_from(&wire).map_err(serde::de::Error::custom)
    }
}

impl TryFrom<&SealedBallotWire> for SealedBallot {
    type Error = CryptoError;
    fn try_from(wire: &SealedBallotWire) -> Result<Self, CryptoError> {
        if wire.kind != KEM_KIND {
            return Err(CryptoError::UnsupportedKind {
                what: "sealed ballot",
                found: wire.kind.clone(),
                expected: KEM_KIND,
            });
        }
        if wire.ct.0.len() < LENGTH_PREFIX + symmetric::TAG_LEN {
            return Err(CryptoError::CiphertextTooShort {
                len: wire.ct.0.len(),
                minimum: LENGTH_PREFIX + symmetric::TAG_LEN,
            });
        }
        Ok(Self {
            ephemeral: GroupElement::from_bytes(wire.ephemeral.0)?,
            ciphertext: wire.ct.0.clone(),
        })
    }
}

fn read_ballots<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<SealedBallot>, D::Error> {
    decode_in_parallel::<D, SealedBallotWire, SealedBallot>(d)
}

pub(crate) fn kem_key(
    public_key: &GroupElement,
    ephemeral: &GroupElement,
    shared: &GroupElement,
    context: &[u8],
) -> Digest {
    let mut t = Transcript::<Sha256>::new(KEM_TAG);
    t.element(public_key)
        .element(ephemeral)
        .element(shared)
        .bytes(context);
    t.digest()
}

/// Seals `plaintext` to the election key. `padded_len` is the size of the padded plaintext
/// (4-byte length prefix included): plaintexts up to `padded_len - 4` bytes fit, and the
/// ciphertext is always `padded_len + 16` bytes. `context` is authenticated and must be given
/// again to open (the election and question, say).
pub fn seal<R: TryCryptoRng + ?Sized>(
    key: &ElectionKey,
    plaintext: &[u8],
    context: &[u8],
    padded_len: usize,
    rng: &mut R,
) -> Result<SealedBallot, CryptoError> {
    let fits = plaintext
        .len()
        .checked_add(LENGTH_PREFIX)
        .is_some_and(|needed| needed <= padded_len)
        && u32::try_from(plaintext.len()).is_ok();
    if !fits {
        return Err(CryptoError::PlaintextTooLong {
            len: plaintext.len(),
            padded_len,
        });
    }
    let mut padded = vec![0u8; padded_len];
    padded[..LENGTH_PREFIX].copy_from_slice(&(plaintext.len() as u32).to_be_bytes());
    padded[LENGTH_PREFIX..LENGTH_PREFIX + plaintext.len()].copy_from_slice(plaintext);
    let r = SecretScalar(random_scalar(rng)?);
    let ephemeral = GroupElement::base_times(&r.0);
    let shared = GroupElement::new(r.0 * key.public_key.point);
    let sym = kem_key(&key.public_key, &ephemeral, &shared, context);
    let ciphertext = symmetric::encrypt(&sym, context, &padded);
    zeroize::Zeroize::zeroize(&mut padded);
    Ok(SealedBallot {
        ephemeral,
        ciphertext: ciphertext?,
    })
}

impl SealedBallot {
    /// Opens the ballot given the shared point `x·R` (reconstructed from k decryption shares).
    /// `position` only names the ballot in errors.
    pub(crate) fn open_with(
        &self,
        public_key: &GroupElement,
        shared: &GroupElement,
        context: &[u8],
        position: usize,
    ) -> Result<Vec<u8>, CryptoError> {
        let sym = kem_key(public_key, &self.ephemeral, shared, context);
        let padded = symmetric::decrypt(&sym, context, &self.ciphertext)
            .ok_or(CryptoError::BallotDoesNotOpen { position })?;
        unpad(&padded).ok_or(CryptoError::BadPadding { position })
    }
}

fn unpad(padded: &[u8]) -> Option<Vec<u8>> {
    let (prefix, rest) = padded.split_at_checked(LENGTH_PREFIX)?;
    let len = u32::from_be_bytes(prefix.try_into().ok()?) as usize;
    let (body, padding) = rest.split_at_checked(len)?;
    padding.iter().all(|&b| b == 0).then(|| body.to_vec())
}

/// The ballots frozen after the election closed, in the (shuffled) order trustees decrypt
/// them, with the context they were sealed under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrozenSet {
    pub v: V1,
    /// Digest of the election set-up.
    pub setup: Digest,
    /// The context every ballot in the set was sealed with.
    pub context: HexBytes,
    #[serde(deserialize_with = "read_ballots")]
    pub ballots: Vec<SealedBallot>,
}

impl FrozenSet {
    pub fn new(key: &ElectionKey, context: Vec<u8>, ballots: Vec<SealedBallot>) -> Self {
        Self {
            v: V1,
            setup: key.setup,
            context: HexBytes(context),
            ballots,
        }
    }

    /// SHA-256 transcript of (set-up, context, count, each ballot's kind, `R` and ciphertext).
    /// Decryption shares are bound to it: they cannot be replayed on another set, so nobody can
    /// get a chosen subset (one voter's ballot, say) decrypted.
    pub fn digest(&self) -> Digest {
        let mut t = Transcript::<Sha256>::new("urna/v1/ballot-set");
        t.bytes(self.setup.as_bytes())
            .bytes(&self.context.0)
            .u64(self.ballots.len() as u64);
        for b in &self.ballots {
            t.bytes(KEM_KIND.as_bytes())
                .element(&b.ephemeral)
                .bytes(&b.ciphertext);
        }
        t.digest()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padding_round_trips_and_rejects_garbage() {
        assert_eq!(unpad(&[0, 0, 0, 2, b'h', b'i', 0, 0]).unwrap(), b"hi");
        assert_eq!(unpad(&[0, 0, 0, 0]).unwrap(), b"");
        assert!(unpad(&[0, 0, 0, 9, 1]).is_none());
        assert!(unpad(&[0, 0, 0, 1, 1, 1]).is_none());
        assert!(unpad(&[0, 0]).is_none());
    }
}
