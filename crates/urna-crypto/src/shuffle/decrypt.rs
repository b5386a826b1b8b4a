//! Threshold decryption of the last mixer's output to points, with the decryption shares and
//! Chaum–Pedersen proofs of [`crate::decrypt`] (the same statement, nonce and batching): a
//! trustee publishes `D_p = x_l·α_p` for every ciphertext `p` (vector after vector), bound to
//! the set-up, the ciphertexts' digest, its index and `p`; the plaintext point is
//! `M_p = β_p − Σ λ_l·D_{l,p}` over `k` valid trustees. Only the plain (point) decryption is
//! new here: an exponential ciphertext would need a discrete-log search, a ranked ballot's
//! point is decoded by [`crate::ranked`].

use curve25519_dalek::ristretto::RistrettoPoint;
use curve25519_dalek::traits::VartimeMultiscalarMul;
use rand_core::TryCryptoRng;
use serde::{Deserialize, Serialize};

use crate::decrypt::{DecryptionShare, check_shares, prove_shares, select_valid};
use crate::dkg::ElectionKey;
use crate::encoding::{Digest, V1};
use crate::error::CryptoError;
use crate::trustee::KeyShare;

use super::CiphertextVectors;

/// One trustee's decryption shares of a list of ciphertext vectors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MixDecryption {
    pub v: V1,
    pub trustee: u32,
    /// [`CiphertextVectors::digest`] of the decrypted vectors.
    pub ciphertexts: Digest,
    /// `D_p` with its proof for every ciphertext, vector after vector.
    pub shares: Vec<DecryptionShare>,
}

/// The decrypted points, one vector per ciphertext vector, and the decryptions that were left
/// out because they did not verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MixedPlaintexts {
    pub vectors: Vec<Vec<RistrettoPoint>>,
    /// The trustees whose shares were combined, in increasing order.
    pub trustees: Vec<u32>,
    pub rejected: Vec<CryptoError>,
}

/// The trustee's side: a share with proof for every ciphertext of `ciphertexts`.
pub fn decrypt_mixed<R: TryCryptoRng + ?Sized>(
    key: &ElectionKey,
    share: &KeyShare,
    ciphertexts: &CiphertextVectors,
    rng: &mut R,
) -> Result<MixDecryption, CryptoError> {
    if share.setup != key.setup {
        return Err(CryptoError::WrongSetup {
            what: "the key share".into(),
            expected: key.setup.to_string(),
            found: share.setup.to_string(),
        });
    }
    let digest = ciphertexts.digest();
    let shares = prove_shares(share, &digest, ciphertexts.ciphertexts(), |c| &c.alpha, rng)?;
    Ok(MixDecryption {
        v: V1,
        trustee: share.index,
        ciphertexts: digest,
        shares,
    })
}

/// Checks one trustee's shares of `ciphertexts` (whose digest the caller computed once).
pub fn verify_mixed_decryption(
    key: &ElectionKey,
    ciphertexts: &CiphertextVectors,
    digest: &Digest,
    partial: &MixDecryption,
) -> Result<(), CryptoError> {
    if &partial.ciphertexts != digest {
        return Err(CryptoError::WrongBallotSet {
            trustee: partial.trustee.to_string(),
            expected: digest.to_string(),
            found: partial.ciphertexts.to_string(),
        });
    }
    check_shares(
        key,
        partial.trustee,
        digest,
        ciphertexts.ciphertexts(),
        |c| &c.alpha,
        &partial.shares,
    )
}

/// Verifies the trustees' shares, keeps the first `k` valid ones and decrypts every
/// ciphertext to its point.
pub fn combine_mixed_decryption(
    key: &ElectionKey,
    ciphertexts: &CiphertextVectors,
    partials: &[MixDecryption],
) -> Result<MixedPlaintexts, CryptoError> {
    let digest = ciphertexts.digest();
    let (valid, lambdas, rejected) = select_valid(
        key,
        partials,
        |p| p.trustee,
        |p| verify_mixed_decryption(key, ciphertexts, &digest, p),
    )?;
    let points = crate::parallel::map(ciphertexts.ciphertexts(), |p, c| {
        // M_p = β_p − Σ λ_l·D_{l,p}
        c.beta.point
            - RistrettoPoint::vartime_multiscalar_mul(
                &lambdas,
                valid.iter().map(|v| v.shares[p].share.point),
            )
    });
    Ok(MixedPlaintexts {
        vectors: points
            .chunks_exact(ciphertexts.width())
            .map(<[RistrettoPoint]>::to_vec)
            .collect(),
        trustees: valid.iter().map(|v| v.trustee).collect(),
        rejected,
    })
}
