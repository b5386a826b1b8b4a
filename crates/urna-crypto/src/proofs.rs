//! Zero-knowledge proofs, made non-interactive by Fiat–Shamir over a domain-tagged transcript
//! that holds the whole statement (context, public key, commitments), as Belenios's 2026 fixes
//! require.
//!
//! - [`SchnorrProof`]: knowledge of `x` with `P = x·G`. Used for proofs of possession, for
//!   signatures (the message digest is part of the context) and for DKG coefficients and shares.
//! - [`DleqProof`]: Chaum–Pedersen proof that `log_G X = log_R D`, for decryption shares.
//!
//! Both are stored as (challenge `c`, response `s`); the verifier recomputes the commitments
//! from them and checks that hashing gives back `c`.

use curve25519_dalek::ristretto::{CompressedRistretto, RistrettoPoint};
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::VartimeMultiscalarMul;
use rand_core::TryCryptoRng;
use serde::{Deserialize, Serialize};
use sha2::Sha512;

use crate::encoding::{GroupElement, HALF, PublicScalar, Transcript};
#[cfg(test)]
use crate::encoding::{SecretScalar, double_and_compress};
use crate::error::CryptoError;

/// A uniformly random scalar from 64 random bytes reduced modulo the group order.
pub(crate) fn random_scalar<R: TryCryptoRng + ?Sized>(rng: &mut R) -> Result<Scalar, CryptoError> {
    let mut wide = [0u8; 64];
    rng.try_fill_bytes(&mut wide)
        .map_err(|e| CryptoError::Randomness(e.to_string()))?;
    let s = Scalar::from_bytes_mod_order_wide(&wide);
    zeroize::Zeroize::zeroize(&mut wide);
    Ok(s)
}

/// The statement's context: byte strings hashed, in order, after the tag.
pub(crate) type Context<'a> = &'a [&'a [u8]];

/// Proof of knowledge of the discrete logarithm of a public key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchnorrProof {
    pub c: PublicScalar,
    pub s: PublicScalar,
}

fn schnorr_challenge(
    tag: &'static str,
    context: Context<'_>,
    public: &GroupElement,
    commitment: &GroupElement,
) -> Scalar {
    let mut t = Transcript::<Sha512>::new(tag);
    for part in context {
        t.bytes(part);
    }
    t.element(public).element(commitment);
    t.into_scalar()
}

impl SchnorrProof {
    /// All zeros: stands in for a signature until what it signs is complete (a ballot's
    /// digest leaves its signature out).
    pub(crate) fn placeholder() -> Self {
        Self {
            c: PublicScalar(Scalar::ZERO),
            s: PublicScalar(Scalar::ZERO),
        }
    }

    /// Proves knowledge of `secret` for `public = secret·G`.
    pub(crate) fn prove<R: TryCryptoRng + ?Sized>(
        tag: &'static str,
        context: Context<'_>,
        secret: &Scalar,
        public: &GroupElement,
        rng: &mut R,
    ) -> Result<Self, CryptoError> {
        let k = random_scalar(rng)?;
        let commitment = GroupElement::base_times(&k);
        let c = schnorr_challenge(tag, context, public, &commitment);
        Ok(Self {
            c: PublicScalar(c),
            s: PublicScalar(k + c * secret),
        })
    }

    pub(crate) fn verify(
        &self,
        tag: &'static str,
        context: Context<'_>,
        public: &GroupElement,
    ) -> bool {
        // T = s·G − c·P
        let commitment = GroupElement::new(RistrettoPoint::vartime_double_scalar_mul_basepoint(
            &-self.c.0,
            &public.point,
            &self.s.0,
        ));
        schnorr_challenge(tag, context, public, &commitment) == self.c.0
    }
}

/// Chaum–Pedersen proof that a decryption share `D = x·R` uses the same `x` as the trustee's
/// verification key `X = x·G`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DleqProof {
    pub c: PublicScalar,
    pub s: PublicScalar,
}

/// The statement of a [`DleqProof`]: `log_G x_key = log_base share`.
pub(crate) struct DleqStatement<'a> {
    pub(crate) key: &'a GroupElement,
    pub(crate) base: &'a GroupElement,
    pub(crate) share: &'a GroupElement,
}

const DLEQ_TAG: &str = "urna/v1/decryption-dleq";

fn dleq_challenge(
    context: Context<'_>,
    st: &DleqStatement<'_>,
    t1: &CompressedRistretto,
    t2: &CompressedRistretto,
) -> Scalar {
    let mut t = Transcript::<Sha512>::new(DLEQ_TAG);
    for part in context {
        t.bytes(part);
    }
    t.element(st.key)
        .element(st.base)
        .element(st.share)
        .bytes(t1.as_bytes())
        .bytes(t2.as_bytes());
    t.into_scalar()
}

/// Proving and checking are split in two steps around the encoding of the commitments, so that
/// callers with many proofs encode all commitments in one batch ([`double_and_compress`]):
/// step one yields *halves* `P` of the commitments, the batch encodes `2·P`.
impl DleqProof {
    /// Halves of the commitments `(k·G, k·R)` for the nonce `k`, given `k/2`.
    pub(crate) fn half_commitments(
        base: &GroupElement,
        half_nonce: &Scalar,
    ) -> [RistrettoPoint; 2] {
        [
            RistrettoPoint::mul_base(half_nonce),
            half_nonce * base.point,
        ]
    }

    /// The proof, given the encoded commitments `T1 = k·G`, `T2 = k·R`.
    pub(crate) fn respond(
        context: Context<'_>,
        st: &DleqStatement<'_>,
        t1: &CompressedRistretto,
        t2: &CompressedRistretto,
        secret: &Scalar,
        k: &Scalar,
    ) -> Self {
        let c = dleq_challenge(context, st, t1, t2);
        Self {
            c: PublicScalar(c),
            s: PublicScalar(k + c * secret),
        }
    }

    /// Proves the statement with the nonce `k`: one proof at a time, the reference the batched
    /// prover in `decrypt` is tested against.
    #[cfg(test)]
    pub(crate) fn prove(
        context: Context<'_>,
        st: &DleqStatement<'_>,
        secret: &Scalar,
        k: &Scalar,
    ) -> Self {
        let half_nonce = SecretScalar(k * *HALF);
        let encoded = double_and_compress(&Self::half_commitments(st.base, &half_nonce.0));
        Self::respond(context, st, &encoded[0], &encoded[1], secret, k)
    }

    /// Halves of the commitments a verifier recomputes, `T1' = s·G − c·X` and
    /// `T2' = s·R − c·D` (variable time: every input is public).
    pub(crate) fn half_commitments_to_check(&self, st: &DleqStatement<'_>) -> [RistrettoPoint; 2] {
        let half_s = self.s.0 * *HALF;
        let minus_half_c = -(self.c.0 * *HALF);
        [
            RistrettoPoint::vartime_double_scalar_mul_basepoint(
                &minus_half_c,
                &st.key.point,
                &half_s,
            ),
            RistrettoPoint::vartime_multiscalar_mul(
                [half_s, minus_half_c],
                [st.base.point, st.share.point],
            ),
        ]
    }

    /// Whether the challenge is the hash of the statement and the recomputed commitments.
    pub(crate) fn challenge_matches(
        &self,
        context: Context<'_>,
        st: &DleqStatement<'_>,
        t1: &CompressedRistretto,
        t2: &CompressedRistretto,
    ) -> bool {
        dleq_challenge(context, st, t1, t2) == self.c.0
    }

    /// Checks one proof on its own: the reference the batched check in `decrypt` is tested
    /// against.
    #[cfg(test)]
    pub(crate) fn verify(&self, context: Context<'_>, st: &DleqStatement<'_>) -> bool {
        let encoded = double_and_compress(&self.half_commitments_to_check(st));
        self.challenge_matches(context, st, &encoded[0], &encoded[1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::ChaCha20Rng;
    use rand_core::SeedableRng;

    #[test]
    fn schnorr_verifies_and_binds_tag_context_and_key() {
        let mut rng = ChaCha20Rng::seed_from_u64(1);
        let x = random_scalar(&mut rng).unwrap();
        let p = GroupElement::base_times(&x);
        let proof = SchnorrProof::prove("urna/v1/test", &[b"ctx"], &x, &p, &mut rng).unwrap();
        assert!(proof.verify("urna/v1/test", &[b"ctx"], &p));
        assert!(!proof.verify("urna/v1/other", &[b"ctx"], &p));
        assert!(!proof.verify("urna/v1/test", &[b"ctX"], &p));
        assert!(!proof.verify("urna/v1/test", &[b"ct", b"x"], &p));
        let other = GroupElement::base_times(&(x + Scalar::ONE));
        assert!(!proof.verify("urna/v1/test", &[b"ctx"], &other));
        let bent = SchnorrProof {
            c: proof.c,
            s: PublicScalar(proof.s.0 + Scalar::ONE),
        };
        assert!(!bent.verify("urna/v1/test", &[b"ctx"], &p));
    }

    #[test]
    fn dleq_verifies_only_for_equal_logarithms() {
        let mut rng = ChaCha20Rng::seed_from_u64(2);
        let x = random_scalar(&mut rng).unwrap();
        let k = random_scalar(&mut rng).unwrap();
        let key = GroupElement::base_times(&x);
        let base = GroupElement::base_times(&random_scalar(&mut rng).unwrap());
        let share = GroupElement::new(x * base.point);
        let st = DleqStatement {
            key: &key,
            base: &base,
            share: &share,
        };
        let proof = DleqProof::prove(&[b"set"], &st, &x, &k);
        assert!(proof.verify(&[b"set"], &st));
        assert!(!proof.verify(&[b"other set"], &st));
        let wrong = GroupElement::new((x + Scalar::ONE) * base.point);
        let bad = DleqStatement {
            key: &key,
            base: &base,
            share: &wrong,
        };
        assert!(!DleqProof::prove(&[b"set"], &bad, &x, &k).verify(&[b"set"], &bad));
    }
}
