//! Verification of the three proof kinds: Schnorr (docs/crypto.md §4), Chaum–Pedersen
//! (§4) and the disjunctive CDS proof that a ciphertext encrypts one of a list of values
//! (docs/record-format.md §4), whose equations are checked in batches ([`Batch`]). Only
//! verification: the verifier never proves anything.

use curve25519_dalek::constants::RISTRETTO_BASEPOINT_POINT as G;
use curve25519_dalek::ristretto::RistrettoPoint;
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::{IsIdentity, VartimeMultiscalarMul};
use sha2::{Digest, Sha512};

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

/// One branch of a disjunctive proof: commitments `A_j, B_j`, challenge `c_j`, response `s_j`.
#[derive(Debug, Clone, Copy)]
pub struct Branch {
    pub a: Point,
    pub b: Point,
    pub c: Scalar,
    pub s: Scalar,
}

/// The hash half of the disjunctive proof that `(α, β)` encrypts one of `values`:
/// `Σ c_j = Hs(tag; ctx…, α, β, t+1, v_0…v_t, A_0, B_0, …)`. The equations are checked by
/// [`Batch::disjunctive`].
pub fn disjunctive_challenge(
    tag: &str,
    ctx: &[&[u8]],
    (alpha, beta): (&Point, &Point),
    values: &[u64],
    proof: &[Branch],
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
    for branch in proof {
        tr.push(&branch.a.bytes).push(&branch.b.bytes);
        sum += branch.c;
    }
    tr.scalar() == sum
}

/// Verification equations `Σ_i a_i·P_i = 0` checked together: they all hold (but with
/// probability about 2^-128) iff `Σ_e z_e·(Σ_i a_{e,i}·P_{e,i}) = 0` for 128-bit weights `z_e`
/// unknown to whoever chose the points (Bellare, Garay and Rabin's small-exponents test). One
/// multiscalar multiplication replaces two per proof branch.
///
/// The weights are the 16-byte pieces of `SHA-512(seed ‖ i)` for `i = 0, 1, …`; the seed must
/// hash everything the equations contain.
#[derive(Debug)]
pub struct Batch {
    seed: [u8; 32],
    block: u64,
    pool: Vec<u8>,
    on_g: Scalar,
    on_key: Scalar,
    scalars: Vec<Scalar>,
    points: Vec<RistrettoPoint>,
}

impl Batch {
    pub fn new(seed: [u8; 32]) -> Batch {
        Batch {
            seed,
            block: 0,
            pool: Vec::new(),
            on_g: Scalar::ZERO,
            on_key: Scalar::ZERO,
            scalars: Vec::new(),
            points: Vec::new(),
        }
    }

    fn weight(&mut self) -> Scalar {
        if self.pool.is_empty() {
            let mut h = Sha512::new();
            h.update(self.seed);
            h.update(self.block.to_be_bytes());
            self.pool = h.finalize().to_vec();
            self.block += 1;
        }
        let mut bytes = [0u8; 32];
        bytes[..16].copy_from_slice(&self.pool[self.pool.len() - 16..]);
        self.pool.truncate(self.pool.len() - 16);
        Scalar::from_bytes_mod_order(bytes)
    }

    /// Adds the equations of a disjunctive proof under key `Y`, for every branch
    /// `s_j·G = A_j + c_j·α` and `s_j·Y = B_j + c_j·(β − v_j·G)`. The proof must have one branch
    /// per value (see [`disjunctive_challenge`]).
    pub fn disjunctive(
        &mut self,
        (alpha, beta): (&RistrettoPoint, &RistrettoPoint),
        values: &[u64],
        proof: &[Branch],
    ) {
        let (mut on_alpha, mut on_beta) = (Scalar::ZERO, Scalar::ZERO);
        for (branch, &v) in proof.iter().zip(values) {
            let (z, z2) = (self.weight(), self.weight());
            self.on_g += z * branch.s + z2 * branch.c * Scalar::from(v);
            self.on_key += z2 * branch.s;
            self.scalars.extend([-z, -z2]);
            self.points.extend([branch.a.point, branch.b.point]);
            on_alpha -= z * branch.c;
            on_beta -= z2 * branch.c;
        }
        self.scalars.extend([on_alpha, on_beta]);
        self.points.extend([*alpha, *beta]);
    }

    /// Whether every equation added holds, for election key `key`.
    pub fn holds(&self, key: &RistrettoPoint) -> bool {
        let scalars = [self.on_g, self.on_key]
            .into_iter()
            .chain(self.scalars.iter().copied());
        let points = [G, *key].into_iter().chain(self.points.iter().copied());
        RistrettoPoint::vartime_multiscalar_mul(scalars, points).is_identity()
    }
}

/// The whole disjunctive proof, hash and equations, on its own (the batch of one proof).
pub fn disjunctive(
    tag: &str,
    ctx: &[&[u8]],
    key: &RistrettoPoint,
    (alpha, beta): (&Point, &Point),
    values: &[u64],
    proof: &[Branch],
) -> bool {
    if !disjunctive_challenge(tag, ctx, (alpha, beta), values, proof) {
        return false;
    }
    // The weights hash the whole statement and proof, responses included.
    let mut seed = Transcript::new("urna/v1/batch-weights");
    seed.push(tag.as_bytes());
    for item in ctx {
        seed.push(item);
    }
    seed.push(&alpha.bytes).push(&beta.bytes);
    for (branch, v) in proof.iter().zip(values) {
        seed.int(*v)
            .push(&branch.a.bytes)
            .push(&branch.b.bytes)
            .push(branch.c.as_bytes())
            .push(branch.s.as_bytes());
    }
    let mut batch = Batch::new(seed.digest());
    batch.disjunctive((&alpha.point, &beta.point), values, proof);
    batch.holds(key)
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

    /// Commitments chosen freely, with challenges that add up to their hash: the hash check
    /// passes, so only the equations can refuse the proof, alone or batched with honest ones.
    #[test]
    fn the_equations_are_checked_not_only_the_hash() {
        let key = Scalar::from(13u64) * G;
        let r = Scalar::from(17u64);
        let alpha = Point::from_point(r * G);
        let beta = Point::from_point(G + r * key);
        let p = |k: u64| Point::from_point(Scalar::from(k) * G);
        let mut forged = vec![
            Branch {
                a: p(11),
                b: p(12),
                c: Scalar::from(3u64),
                s: Scalar::from(4u64),
            },
            Branch {
                a: p(13),
                b: p(14),
                c: Scalar::ZERO,
                s: Scalar::from(6u64),
            },
        ];
        let mut tr = Transcript::new("bit");
        tr.push(b"x")
            .push(&alpha.bytes)
            .push(&beta.bytes)
            .int(2)
            .int(0)
            .int(1);
        for b in &forged {
            tr.push(&b.a.bytes).push(&b.b.bytes);
        }
        forged[1].c = tr.scalar() - Scalar::from(3u64);
        let statement = (&alpha, &beta);
        assert!(disjunctive_challenge(
            "bit",
            &[b"x"],
            statement,
            &[0, 1],
            &forged
        ));
        assert!(!disjunctive(
            "bit",
            &[b"x"],
            &key,
            statement,
            &[0, 1],
            &forged
        ));

        let mut n = 200u64;
        let mut draw = || {
            n += 1;
            Scalar::from(n)
        };
        let honest = disjunctive_prove("bit", &[b"x"], &key, statement, r, &[0, 1], 1, &mut draw);
        let points = (&alpha.point, &beta.point);
        let mut batch = Batch::new([7; 32]);
        batch.disjunctive(points, &[0, 1], &honest);
        batch.disjunctive(points, &[0, 1], &honest);
        assert!(batch.holds(&key));
        batch.disjunctive(points, &[0, 1], &forged);
        assert!(!batch.holds(&key));
    }
}
