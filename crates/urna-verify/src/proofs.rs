//! Verification of the three proof kinds: Schnorr (docs/crypto.md §4), Chaum–Pedersen
//! (§4) and the disjunctive CDS proof that a ciphertext encrypts one of a list of values
//! (docs/record-format.md §4). Only verification: the verifier never proves anything.

use curve25519_dalek::constants::RISTRETTO_BASEPOINT_POINT as G;
use curve25519_dalek::ristretto::RistrettoPoint;
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::VartimeMultiscalarMul;

use crate::encoding::{Point, Transcript};

/// `s·G − c·P`, the commitment a valid proof must hash to.
fn commitment(c: Scalar, s: Scalar, public: &RistrettoPoint) -> RistrettoPoint {
    RistrettoPoint::vartime_double_scalar_mul_basepoint(&-c, public, &s)
}

/// Schnorr proof of knowledge of `log_G P` under `tag` and `ctx`:
/// accept iff `c = Hs(tag; ctx…, P, s·G − c·P)`.
pub fn schnorr(tag: &str, ctx: &[&[u8]], public: &Point, (c, s): (Scalar, Scalar)) -> bool {
    let t = commitment(c, s, &public.point);
    let mut tr = Transcript::new(tag);
    for item in ctx {
        tr.push(item);
    }
    tr.push(&public.bytes).push(&t.compress().to_bytes());
    tr.scalar() == c
}

/// Chaum–Pedersen proof that `log_G X = log_R D`, tag `urna/v1/decryption-dleq`.
pub fn chaum_pedersen(
    ctx: &[&[u8]],
    x: &Point,
    r: &Point,
    d: &Point,
    (c, s): (Scalar, Scalar),
) -> bool {
    let t1 = commitment(c, s, &x.point);
    let t2 = RistrettoPoint::vartime_multiscalar_mul([s, -c], [r.point, d.point]);
    let mut tr = Transcript::new("urna/v1/decryption-dleq");
    for item in ctx {
        tr.push(item);
    }
    tr.push(&x.bytes)
        .push(&r.bytes)
        .push(&d.bytes)
        .push(&t1.compress().to_bytes())
        .push(&t2.compress().to_bytes());
    tr.scalar() == c
}

/// The disjunctive proof that `(α, β)` under key `Y` encrypts one of `values`:
/// recompute `A_j = s_j·G − c_j·α`, `B_j = s_j·Y − c_j·(β − v_j·G)` and accept iff
/// `Σ c_j = Hs(tag; ctx…, α, β, t+1, v_0…v_t, A_0, B_0, …)`.
pub fn disjunctive(
    tag: &str,
    ctx: &[&[u8]],
    key: &RistrettoPoint,
    (alpha, beta): (&Point, &Point),
    values: &[u64],
    proof: &[(Scalar, Scalar)],
) -> bool {
    if proof.len() != values.len() || values.is_empty() {
        return false;
    }
    let mut tr = Transcript::new(tag);
    for item in ctx {
        tr.push(item);
    }
    tr.push(&alpha.bytes)
        .push(&beta.bytes)
        .int(values.len() as u64);
    for v in values {
        tr.int(*v);
    }
    let mut sum = Scalar::ZERO;
    for (&(c, s), &v) in proof.iter().zip(values) {
        let a = commitment(c, s, &alpha.point);
        // s·Y − c·β + (c·v)·G
        let b = RistrettoPoint::vartime_multiscalar_mul(
            [s, -c, c * Scalar::from(v)],
            [*key, beta.point, G],
        );
        tr.push(&a.compress().to_bytes())
            .push(&b.compress().to_bytes());
        sum += c;
    }
    tr.scalar() == sum
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{disjunctive_prove, dleq_prove, schnorr_prove};

    #[test]
    fn schnorr_accepts_honest_and_rejects_changes() {
        let (public, proof) =
            schnorr_prove("t", &[b"ctx"], Scalar::from(7u64), Scalar::from(11u64));
        assert!(schnorr("t", &[b"ctx"], &public, proof));
        assert!(!schnorr("u", &[b"ctx"], &public, proof));
        assert!(!schnorr("t", &[b"ctX"], &public, proof));
        assert!(!schnorr(
            "t",
            &[b"ctx"],
            &public,
            (proof.0 + Scalar::ONE, proof.1)
        ));
        assert!(!schnorr(
            "t",
            &[b"ctx"],
            &public,
            (proof.0, proof.1 + Scalar::ONE)
        ));
        let other = Point::from_point(Scalar::from(8u64) * G);
        assert!(!schnorr("t", &[b"ctx"], &other, proof));
    }

    #[test]
    fn chaum_pedersen_accepts_honest_and_rejects_a_wrong_share() {
        let r = Point::from_point(Scalar::from(5u64) * G);
        let (x, d, proof) = dleq_prove(&[b"c"], Scalar::from(3u64), &r, Scalar::from(9u64));
        assert!(chaum_pedersen(&[b"c"], &x, &r, &d, proof));
        // D' = 4·R is not x·R for x = 3.
        let wrong = Point::from_point(Scalar::from(4u64) * r.point);
        assert!(!chaum_pedersen(&[b"c"], &x, &r, &wrong, proof));
        assert!(!chaum_pedersen(&[b"d"], &x, &r, &d, proof));
    }

    #[test]
    fn disjunctive_accepts_members_only() {
        let key = Scalar::from(13u64) * G;
        let mut n = 100u64;
        let mut draw = || {
            n += 1;
            Scalar::from(n)
        };
        let r = Scalar::from(17u64);
        for (m, index) in [(0u64, 0usize), (1, 1)] {
            let alpha = Point::from_point(r * G);
            let beta = Point::from_point(Scalar::from(m) * G + r * key);
            let proof = disjunctive_prove(
                "bit",
                &[b"x"],
                &key,
                (&alpha, &beta),
                r,
                &[0, 1],
                index,
                &mut draw,
            );
            assert!(disjunctive(
                "bit",
                &[b"x"],
                &key,
                (&alpha, &beta),
                &[0, 1],
                &proof
            ));
            assert!(!disjunctive(
                "bit",
                &[b"y"],
                &key,
                (&alpha, &beta),
                &[0, 1],
                &proof
            ));
            assert!(!disjunctive(
                "bit",
                &[b"x"],
                &key,
                (&alpha, &beta),
                &[0, 2],
                &proof
            ));
        }
        // An encryption of 2 with a proof claiming it is 1 (index 1 of [0, 1]) fails.
        let alpha = Point::from_point(r * G);
        let beta = Point::from_point(Scalar::from(2u64) * G + r * key);
        let proof = disjunctive_prove(
            "bit",
            &[b"x"],
            &key,
            (&alpha, &beta),
            r,
            &[0, 1],
            1,
            &mut draw,
        );
        assert!(!disjunctive(
            "bit",
            &[b"x"],
            &key,
            (&alpha, &beta),
            &[0, 1],
            &proof
        ));
    }
}
