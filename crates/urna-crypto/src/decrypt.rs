//! Threshold decryption of a frozen ballot set.
//!
//! Each trustee `l` computes, for every sealed ballot `(R, ct)` of the set, `D_l = x_l·R` with
//! a Chaum–Pedersen proof that `log_G X_l = log_R D_l`, bound to the set-up, the set's digest,
//! `l` and the ballot's position ([`decryption_shares`]). The server checks the proofs,
//! keeps the trustees whose every share verifies, and if at least k remain interpolates
//! `x·R = Σ λ_l·D_l` (Lagrange at 0) and opens each ballot ([`combine_decryption`]).
//!
//! **Speed.** Work is split over every core in chunks (`parallel`). Within a chunk the points
//! that get encoded (the shares `D`, the commitments a prover makes or a verifier recomputes,
//! the interpolated `x·R`) are computed as halves `P` and encoded as `2·P` in one batch, with
//! one field inversion per chunk instead of an inverse square root per point
//! (`encoding::double_and_compress`). Lists of points in files are decoded on every core.
//! Every proof is still checked on its own. Batch verification by a random linear combination
//! of the proofs' equations does not apply to the stored form (challenge, response) of
//! `docs/crypto.md`: the verifier must recompute each commitment to hash it, and a combination
//! needs the commitments as given. It would need proofs stored as (commitments, response), a
//! format change, so it is not done.

use curve25519_dalek::ristretto::RistrettoPoint;
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::VartimeMultiscalarMul;
use rand_core::TryCryptoRng;
use serde::{Deserialize, Serialize};
use sha2::Sha512;

use crate::ballot::FrozenSet;
use crate::dkg::ElectionKey;
use crate::encoding::{
    Digest, EncodedElement, GroupElement, HALF, SecretScalar, Transcript, V1, decode_in_parallel,
    double_and_compress,
};
use crate::error::CryptoError;
use crate::parallel;
use crate::proofs::{DleqProof, DleqStatement};
use crate::trustee::KeyShare;

/// `D_l = x_l·R` for one ballot, with its proof.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, try_from = "DecryptionShareWire")]
pub struct DecryptionShare {
    #[serde(rename = "D")]
    pub share: GroupElement,
    pub proof: DleqProof,
}

/// A [`DecryptionShare`] as read, its point not decoded yet.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DecryptionShareWire {
    #[serde(rename = "D")]
    share: EncodedElement,
    proof: DleqProof,
}

impl TryFrom<&DecryptionShareWire> for DecryptionShare {
    type Error = CryptoError;
    fn try_from(wire: &DecryptionShareWire) -> Result<Self, CryptoError> {
        Ok(Self {
            share: GroupElement::from_bytes(wire.share.0)?,
            proof: wire.proof,
        })
    }
}

impl TryFrom<DecryptionShareWire> for DecryptionShare {
    type Error = CryptoError;
    fn try_from(wire: DecryptionShareWire) -> Result<Self, CryptoError> {
        Self::try_from(&wire)
    }
}

/// One trustee's decryption shares for a whole frozen set (`alice.shares.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecryptionShares {
    pub v: V1,
    pub setup: Digest,
    /// [`FrozenSet::digest`] of the set these shares decrypt.
    pub ballot_set: Digest,
    pub trustee: u32,
    /// One per ballot, in the set's order.
    #[serde(deserialize_with = "read_shares")]
    pub shares: Vec<DecryptionShare>,
}

fn read_shares<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<DecryptionShare>, D::Error> {
    decode_in_parallel::<D, DecryptionShareWire, DecryptionShare>(d)
}

/// The opened ballots, in the frozen set's order, and the share sets that were left out
/// because they did not verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decryption {
    pub plaintexts: Vec<Vec<u8>>,
    pub rejected: Vec<CryptoError>,
}

/// The proof's context after the set-up and set digests: the trustee index and the ballot's
/// position, as 8-byte big-endian integers.
fn index_bytes(trustee: u32, position: usize) -> [[u8; 8]; 2] {
    [
        u64::from(trustee).to_be_bytes(),
        (position as u64).to_be_bytes(),
    ]
}

/// The proof nonce: a hash of the secret share, 32 fresh random bytes drawn once per set, the
/// set and the position. Never repeats for different statements even if the random source
/// fails, and lets the work be split over threads without sharing a generator.
fn share_nonce(secret: &Scalar, seed: &[u8; 32], set: &Digest, position: usize) -> Scalar {
    let mut t = Transcript::<Sha512>::new("urna/v1/dleq-nonce");
    t.scalar(secret)
        .bytes(seed)
        .bytes(set.as_bytes())
        .u64(position as u64);
    t.into_scalar()
}

/// The trustee's side: decryption shares with proofs for every ballot of `set`.
pub fn decryption_shares<R: TryCryptoRng + ?Sized>(
    key_share: &KeyShare,
    set: &FrozenSet,
    rng: &mut R,
) -> Result<DecryptionShares, CryptoError> {
    if set.setup != key_share.setup {
        return Err(CryptoError::WrongSetup {
            what: "the frozen ballot set".into(),
            expected: key_share.setup.to_string(),
            found: set.setup.to_string(),
        });
    }
    let set_digest = set.digest();
    let shares = prove_shares(key_share, &set_digest, &set.ballots, |b| &b.ephemeral, rng)?;
    Ok(DecryptionShares {
        v: V1,
        setup: key_share.setup,
        ballot_set: set_digest,
        trustee: key_share.index,
        shares,
    })
}

/// `D = x_l·R` with its proof for the base `R = base(item)` of every item, bound to the
/// set-up, `set_digest`, the trustee's index and the item's position. Shared by sealed ballot
/// sets and homomorphic tallies.
pub(crate) fn prove_shares<T: Sync, R: TryCryptoRng + ?Sized>(
    key_share: &KeyShare,
    set_digest: &Digest,
    items: &[T],
    base: impl Fn(&T) -> &GroupElement + Sync,
    rng: &mut R,
) -> Result<Vec<DecryptionShare>, CryptoError> {
    let mut seed = [0u8; 32];
    rng.try_fill_bytes(&mut seed)
        .map_err(|e| CryptoError::Randomness(e.to_string()))?;
    let x = &key_share.share;
    let half_x = SecretScalar(x.0 * *HALF);
    let shares = parallel::map_chunks(items, |start, chunk| {
        // Per item: halves of D = x·R, T1 = k·G, T2 = k·R, then one batched encoding.
        let mut nonces = Vec::with_capacity(chunk.len());
        let mut halves = Vec::with_capacity(3 * chunk.len());
        for (i, item) in chunk.iter().enumerate() {
            let k = SecretScalar(share_nonce(&x.0, &seed, set_digest, start + i));
            let half_k = SecretScalar(k.0 * *HALF);
            halves.push(half_x.0 * base(item).point);
            halves.extend(DleqProof::half_commitments(base(item), &half_k.0));
            nonces.push(k);
        }
        let encoded = double_and_compress(&halves);
        chunk
            .iter()
            .zip(nonces)
            .enumerate()
            .map(|(i, (item, k))| {
                let [d, t1, t2] = [3 * i, 3 * i + 1, 3 * i + 2];
                let share = GroupElement::from_parts(halves[d] + halves[d], encoded[d]);
                let ctx = index_bytes(key_share.index, start + i);
                let proof = DleqProof::respond(
                    &[
                        key_share.setup.as_bytes(),
                        set_digest.as_bytes(),
                        &ctx[0],
                        &ctx[1],
                    ],
                    &DleqStatement {
                        key: &key_share.verification_key,
                        base: base(item),
                        share: &share,
                    },
                    &encoded[t1],
                    &encoded[t2],
                    &x.0,
                    &k.0,
                );
                DecryptionShare { share, proof }
            })
            .collect()
    });
    zeroize::Zeroize::zeroize(&mut seed);
    Ok(shares)
}

/// Checks one trustee's shares against the election key and the set (whose digest the caller
/// computed once): right set-up, right set, one share per ballot, every proof valid.
pub fn verify_decryption_shares(
    key: &ElectionKey,
    set: &FrozenSet,
    set_digest: &Digest,
    shares: &DecryptionShares,
) -> Result<(), CryptoError> {
    // The election key carries no names; trustees are named by index.
    let who = shares.trustee.to_string();
    key.verification_key(shares.trustee)?;
    if shares.setup != key.setup {
        return Err(CryptoError::WrongSetup {
            what: format!("decryption shares of trustee {who}"),
            expected: key.setup.to_string(),
            found: shares.setup.to_string(),
        });
    }
    if &shares.ballot_set != set_digest {
        return Err(CryptoError::WrongBallotSet {
            trustee: who,
            expected: set_digest.to_string(),
            found: shares.ballot_set.to_string(),
        });
    }
    check_shares(
        key,
        shares.trustee,
        set_digest,
        &set.ballots,
        |b| &b.ephemeral,
        &shares.shares,
    )
}

/// Checks trustee `trustee`'s shares (one per item, in order) for the bases `base(item)`, bound
/// to the set-up, `set_digest`, the trustee and each position; names the first bad position.
pub(crate) fn check_shares<T: Sync>(
    key: &ElectionKey,
    trustee: u32,
    set_digest: &Digest,
    items: &[T],
    base: impl Fn(&T) -> &GroupElement + Sync,
    shares: &[DecryptionShare],
) -> Result<(), CryptoError> {
    let verification_key = key.verification_key(trustee)?;
    if shares.len() != items.len() {
        return Err(CryptoError::WrongShareCount {
            trustee: trustee.to_string(),
            expected: items.len(),
            found: shares.len(),
        });
    }
    let statement = |position: usize, share: &'_ DecryptionShare| -> [GroupElement; 3] {
        [*verification_key, *base(&items[position]), share.share]
    };
    // Each proof is still checked on its own (its challenge must hash back); only the encoding
    // of the recomputed commitments is batched.
    let valid = parallel::map_chunks(shares, |start, chunk| {
        let halves: Vec<RistrettoPoint> = chunk
            .iter()
            .enumerate()
            .flat_map(|(i, share)| {
                let [key, base, share_point] = statement(start + i, share);
                share.proof.half_commitments_to_check(&DleqStatement {
                    key: &key,
                    base: &base,
                    share: &share_point,
                })
            })
            .collect();
        let encoded = double_and_compress(&halves);
        chunk
            .iter()
            .enumerate()
            .map(|(i, share)| {
                let ctx = index_bytes(trustee, start + i);
                let [key_point, base, share_point] = statement(start + i, share);
                share.proof.challenge_matches(
                    &[
                        key.setup.as_bytes(),
                        set_digest.as_bytes(),
                        &ctx[0],
                        &ctx[1],
                    ],
                    &DleqStatement {
                        key: &key_point,
                        base: &base,
                        share: &share_point,
                    },
                    &encoded[2 * i],
                    &encoded[2 * i + 1],
                )
            })
            .collect()
    });
    match valid.iter().position(|ok| !ok) {
        Some(position) => Err(CryptoError::BadDecryptionProof {
            trustee: trustee.to_string(),
            position,
        }),
        None => Ok(()),
    }
}

/// Lagrange coefficients at 0 for the distinct nonzero `indices`:
/// `λ_l = Π_{m ≠ l} m / (m − l)`.
pub(crate) fn lagrange_at_zero(indices: &[u32]) -> Vec<Scalar> {
    let mut numerators = Vec::with_capacity(indices.len());
    let mut denominators = Vec::with_capacity(indices.len());
    for &l in indices {
        let mut num = Scalar::ONE;
        let mut den = Scalar::ONE;
        for &m in indices.iter().filter(|&&m| m != l) {
            num *= Scalar::from(m);
            den *= Scalar::from(m) - Scalar::from(l);
        }
        numerators.push(num);
        denominators.push(den);
    }
    Scalar::invert_batch_alloc(&mut denominators);
    numerators
        .into_iter()
        .zip(denominators)
        .map(|(n, d_inv)| n * d_inv)
        .collect()
}

/// Keeps the first `k` (by trustee index) of the share sets that `verify` accepts, one per
/// trustee, with their Lagrange coefficients; the others are returned as rejected. Fails if
/// fewer than `k` are valid.
#[allow(clippy::type_complexity)]
pub(crate) fn select_valid<'a, S>(
    key: &ElectionKey,
    sets: &'a [S],
    trustee_of: impl Fn(&S) -> u32,
    verify: impl Fn(&S) -> Result<(), CryptoError>,
) -> Result<(Vec<&'a S>, Vec<Scalar>, Vec<CryptoError>), CryptoError> {
    let mut valid: Vec<&S> = Vec::new();
    let mut rejected = Vec::new();
    for s in sets {
        if valid.iter().any(|v| trustee_of(v) == trustee_of(s)) {
            rejected.push(CryptoError::DuplicateShares {
                trustee: trustee_of(s).to_string(),
            });
            continue;
        }
        match verify(s) {
            Ok(()) => valid.push(s),
            Err(e) => rejected.push(e),
        }
    }
    let k = key.threshold as usize;
    if valid.len() < k {
        return Err(CryptoError::NotEnoughShares {
            needed: k,
            valid: valid.len(),
            rejected,
        });
    }
    valid.sort_by_key(|s| trustee_of(s));
    valid.truncate(k);
    let indices: Vec<u32> = valid.iter().map(|s| trustee_of(s)).collect();
    let lambdas = lagrange_at_zero(&indices);
    Ok((valid, lambdas, rejected))
}

/// The server's side: verifies every trustee's shares, drops the invalid ones (reported in
/// [`Decryption::rejected`]) and, if at least k valid sets remain, opens every ballot.
pub fn combine_decryption(
    key: &ElectionKey,
    set: &FrozenSet,
    shares: &[DecryptionShares],
) -> Result<Decryption, CryptoError> {
    if set.setup != key.setup {
        return Err(CryptoError::WrongSetup {
            what: "the frozen ballot set".into(),
            expected: key.setup.to_string(),
            found: set.setup.to_string(),
        });
    }
    let set_digest = set.digest();
    let (valid, lambdas, rejected) = select_valid(
        key,
        shares,
        |s| s.trustee,
        |s| verify_decryption_shares(key, set, &set_digest, s),
    )?;
    // Halves of x·R = Σ λ_l·D_l, encoded in one batch per chunk.
    let half_lambdas: Vec<Scalar> = lambdas.iter().map(|l| l * *HALF).collect();
    let opened = parallel::map_chunks(&set.ballots, |start, chunk| {
        let halves: Vec<RistrettoPoint> = (start..start + chunk.len())
            .map(|position| {
                RistrettoPoint::vartime_multiscalar_mul(
                    &half_lambdas,
                    valid.iter().map(|s| s.shares[position].share.point),
                )
            })
            .collect();
        let encoded = double_and_compress(&halves);
        chunk
            .iter()
            .enumerate()
            .map(|(i, ballot)| {
                let shared = GroupElement::from_parts(halves[i] + halves[i], encoded[i]);
                ballot.open_with(&key.public_key, &shared, &set.context.0, start + i)
            })
            .collect()
    });
    let plaintexts = opened.into_iter().collect::<Result<Vec<_>, _>>()?;
    Ok(Decryption {
        plaintexts,
        rejected,
    })
}
