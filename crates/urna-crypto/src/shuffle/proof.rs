//! The Terelius–Wikström proof of a shuffle of ciphertext vectors (`docs/record-format.md`,
//! "Appendix: shuffles", which numbers every equation as here). Notation: `G` the standard
//! generator, `Y` the election key, `N` vectors of width `W`, input `e_j`, output
//! `e'_i = e_{π(i)} + (r̃_{i,w}·G, r̃_{i,w}·Y)_w`; indices are 1-based in comments and the
//! appendix, 0-based in the vectors.

use curve25519_dalek::constants::{RISTRETTO_BASEPOINT_POINT, RISTRETTO_BASEPOINT_TABLE};
use curve25519_dalek::ristretto::{RistrettoBasepointTable, RistrettoPoint};
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::{Identity, IsIdentity, MultiscalarMul, VartimeMultiscalarMul};
use rand_core::TryCryptoRng;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Sha256, Sha512};
use zeroize::Zeroize;

use crate::dkg::ElectionKey;
use crate::encoding::{Digest, GroupElement, PublicScalar, Transcript, V1};
use crate::homomorphic::TallyCiphertext;

use super::generators::Generators;
use super::{
    CiphertextVectors, NonceSource, ShuffleCheck, ShuffleError, ShuffleSeed, ShuffleWitness,
    read_points,
};

/// A proof that `outputs` is a permutation of re-encryptions of `inputs`, one permutation for
/// whole vectors. Points and scalars are lowercase hexadecimal in JSON, as everywhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShuffleProof {
    pub v: V1,
    /// `c_1 … c_N`, the commitment to the permutation.
    #[serde(deserialize_with = "read_points")]
    pub commitments: Vec<GroupElement>,
    /// `ĉ_1 … ĉ_N`, the commitment chain.
    #[serde(deserialize_with = "read_points")]
    pub chain: Vec<GroupElement>,
    pub t1: GroupElement,
    pub t2: GroupElement,
    pub t3: GroupElement,
    /// `(t4α_w, t4β_w)` for each component `w`.
    pub t4: Vec<TallyCiphertext>,
    /// `t̂_1 … t̂_N`.
    #[serde(deserialize_with = "read_points")]
    pub t_hat: Vec<GroupElement>,
    pub s1: PublicScalar,
    pub s2: PublicScalar,
    pub s3: PublicScalar,
    /// `s4_w` for each component `w`.
    pub s4: Vec<PublicScalar>,
    /// `ŝ_1 … ŝ_N`.
    pub s_hat: Vec<PublicScalar>,
    /// `s'_1 … s'_N`.
    pub s_prime: Vec<PublicScalar>,
}

/// What every challenge is bound to.
struct Statement<'a> {
    key: &'a ElectionKey,
    seed: &'a ShuffleSeed,
    inputs: &'a CiphertextVectors,
    outputs: &'a CiphertextVectors,
}

impl Statement<'_> {
    /// `S = SHA-256("urna/v1/shuffle/statement"; setup, Y, seed, N, W, inputs, outputs)`.
    fn digest(&self) -> Digest {
        let mut t = Transcript::<Sha256>::new("urna/v1/shuffle/statement");
        t.bytes(self.key.setup.as_bytes())
            .element(&self.key.public_key)
            .bytes(self.seed.as_bytes())
            .u64(self.inputs.len() as u64)
            .u64(self.inputs.width() as u64);
        for c in self
            .inputs
            .ciphertexts()
            .iter()
            .chain(self.outputs.ciphertexts())
        {
            t.element(&c.alpha).element(&c.beta);
        }
        t.digest()
    }

    fn check_shape(&self) -> Result<(), ShuffleError> {
        if self.inputs.len() != self.outputs.len() {
            return Err(ShuffleError::CountMismatch {
                inputs: self.inputs.len(),
                outputs: self.outputs.len(),
            });
        }
        if self.inputs.width() != self.outputs.width() {
            return Err(ShuffleError::WidthMismatch {
                inputs: self.inputs.width(),
                outputs: self.outputs.width(),
            });
        }
        Ok(())
    }
}

/// `P = SHA-256("urna/v1/shuffle/permutation-commitment"; S, c_1 … c_N)`.
fn commitment_digest(statement: &Digest, commitments: &[GroupElement]) -> Digest {
    let mut t = Transcript::<Sha256>::new("urna/v1/shuffle/permutation-commitment");
    t.bytes(statement.as_bytes());
    for c in commitments {
        t.element(c);
    }
    t.digest()
}

/// `u_j = Hs("urna/v1/shuffle/u"; P, j)` for `j = 1..N`.
fn challenges(commitment_digest: &Digest, n: usize) -> Vec<Scalar> {
    (1..n + 1)
        .into_par_iter()
        .with_min_len(1024)
        .map(|j| {
            let mut t = Transcript::<Sha512>::new("urna/v1/shuffle/u");
            t.bytes(commitment_digest.as_bytes()).u64(j as u64);
            t.into_scalar()
        })
        .collect()
}

/// `c = Hs("urna/v1/shuffle/challenge"; P, ĉ_1 … ĉ_N, t1, t2, t3, t4α_1, t4β_1, …, t̂_1 … t̂_N)`.
fn main_challenge(
    commitment_digest: &Digest,
    chain: &[GroupElement],
    t: [&GroupElement; 3],
    t4: &[TallyCiphertext],
    t_hat: &[GroupElement],
) -> Scalar {
    let mut h = Transcript::<Sha512>::new("urna/v1/shuffle/challenge");
    h.bytes(commitment_digest.as_bytes());
    for p in chain {
        h.element(p);
    }
    for p in t {
        h.element(p);
    }
    for pair in t4 {
        h.element(&pair.alpha).element(&pair.beta);
    }
    for p in t_hat {
        h.element(p);
    }
    h.into_scalar()
}

/// `Σ scalars[k]·point(k)`, split over the cores. `secret` scalars use the constant-time
/// multiplication; public ones the (faster) variable-time Pippenger.
fn sum_of_products(
    scalars: &[Scalar],
    point: impl Fn(usize) -> RistrettoPoint + Sync,
    secret: bool,
) -> RistrettoPoint {
    let chunk = if secret {
        1024
    } else {
        // Pippenger gets cheaper per term as it grows: one large chunk per thread.
        scalars
            .len()
            .div_ceil(2 * rayon::current_num_threads())
            .max(1024)
    };
    scalars
        .par_chunks(chunk)
        .enumerate()
        .map(|(c, part)| {
            let points = (c * chunk..c * chunk + part.len()).map(&point);
            if secret {
                RistrettoPoint::multiscalar_mul(part, points)
            } else {
                RistrettoPoint::vartime_multiscalar_mul(part, points)
            }
        })
        .reduce(RistrettoPoint::identity, |a, b| a + b)
}

fn sum_points(points: &[GroupElement]) -> RistrettoPoint {
    points
        .par_iter()
        .with_min_len(4096)
        .map(|p| p.point)
        .reduce(RistrettoPoint::identity, |a, b| a + b)
}

fn dot(a: &[Scalar], b: &[Scalar]) -> Scalar {
    a.par_iter()
        .zip(b)
        .with_min_len(4096)
        .map(|(x, y)| x * y)
        .reduce(|| Scalar::ZERO, |x, y| x + y)
}

/// The mixer's second step: proves that `outputs` (made by [`super::shuffle`] with `witness`)
/// is a shuffle of `inputs`, bound to the election key and `seed`.
pub fn prove_shuffle<R: TryCryptoRng + ?Sized>(
    key: &ElectionKey,
    seed: &ShuffleSeed,
    inputs: &CiphertextVectors,
    outputs: &CiphertextVectors,
    witness: &ShuffleWitness,
    rng: &mut R,
) -> Result<ShuffleProof, ShuffleError> {
    let generators = Generators::derive(seed.as_bytes(), inputs.len());
    prove_with_generators(key, seed, &generators, inputs, outputs, witness, rng)
}

/// [`prove_shuffle`] with the generators given: tests use it to prove with other generators
/// than the seed's.
pub(crate) fn prove_with_generators<R: TryCryptoRng + ?Sized>(
    key: &ElectionKey,
    seed: &ShuffleSeed,
    generators: &Generators,
    inputs: &CiphertextVectors,
    outputs: &CiphertextVectors,
    witness: &ShuffleWitness,
    rng: &mut R,
) -> Result<ShuffleProof, ShuffleError> {
    let statement = Statement {
        key,
        seed,
        inputs,
        outputs,
    };
    statement.check_shape()?;
    let (n, width) = (inputs.len(), inputs.width());
    let permutation = &witness.permutation;
    if permutation.len() != n || witness.randomness.len() != n * width {
        return Err(ShuffleError::WitnessMismatch(
            "its size differs from the ciphertexts'",
        ));
    }
    let mut inverse = vec![usize::MAX; n];
    for (i, &j) in permutation.iter().enumerate() {
        match inverse.get_mut(j) {
            Some(slot) if *slot == usize::MAX => *slot = i,
            _ => return Err(ShuffleError::WitnessMismatch("it is not a permutation")),
        }
    }
    let nonces = NonceSource::new(rng)?;
    let draw = |label: &str| -> Vec<Scalar> {
        (0..n)
            .into_par_iter()
            .with_min_len(1024)
            .map(|i| nonces.scalar(label, i as u64))
            .collect()
    };
    let g = RISTRETTO_BASEPOINT_TABLE;

    // Permutation commitment: c_{π(i)} = r_{π(i)}·G + h_i.
    let r = draw("commitment");
    let commitments: Vec<GroupElement> = crate::parallel::map(&inverse, |j, &i| {
        GroupElement::new(&r[j] * g + generators.permutation[i])
    });
    let commitment_digest = commitment_digest(&statement.digest(), &commitments);
    let u = challenges(&commitment_digest, n);
    let u_prime: Vec<Scalar> = permutation.iter().map(|&j| u[j]).collect();

    // Chain ĉ_i = r̂_i·G + u'_i·ĉ_{i−1}, ĉ_0 = H, computed as ĉ_i = R_i·G + U_i·H with
    // R_i = u'_i·R_{i−1} + r̂_i and U_i = u'_1⋯u'_i, so that every link is independent.
    let r_hat = draw("chain");
    let mut exponents = Vec::with_capacity(n);
    let (mut big_r, mut big_u) = (Scalar::ZERO, Scalar::ONE);
    for (u_i, r_i) in u_prime.iter().zip(&r_hat) {
        big_r = big_r * u_i + r_i;
        big_u *= u_i;
        exponents.push((big_r, big_u));
    }
    let h_table = RistrettoBasepointTable::create(&generators.chain_base);
    let chain: Vec<GroupElement> = crate::parallel::map(&exponents, |_, (big_r, big_u)| {
        GroupElement::new(big_r * g + big_u * &h_table)
    });

    // The secrets the responses open: r̄ = Σ r_j, r̂ = R_N, r = Σ r_j·u_j,
    // r̃_w = Σ r̃_{i,w}·u'_i.
    let r_bar: Scalar = r.iter().sum();
    let r_chain = exponents.last().map_or(Scalar::ZERO, |e| e.0);
    let r_weighted = dot(&r, &u);
    let r_tilde: Vec<Scalar> = (0..width)
        .map(|w| {
            (0..n)
                .into_par_iter()
                .with_min_len(4096)
                .map(|i| witness.randomness[i * width + w] * u_prime[i])
                .sum()
        })
        .collect();

    // Commitments of the Σ-protocol.
    let omega: Vec<Scalar> = (1..=3).map(|k| nonces.scalar("omega", k)).collect();
    let omega4: Vec<Scalar> = (0..width as u64)
        .map(|w| nonces.scalar("omega4", w))
        .collect();
    let omega_hat = draw("omega-hat");
    let omega_prime = draw("omega-prime");
    let t1 = GroupElement::new(&omega[0] * g);
    let t2 = GroupElement::new(&omega[1] * g);
    let t3 = GroupElement::new(
        &omega[2] * g + sum_of_products(&omega_prime, |i| generators.permutation[i], true),
    );
    let key_table = super::EncryptionKey::new(key);
    let t4: Vec<TallyCiphertext> = (0..width)
        .map(|w| {
            let at = |i: usize| &outputs.ciphertexts()[i * width + w];
            TallyCiphertext {
                alpha: GroupElement::new(
                    sum_of_products(&omega_prime, |i| at(i).alpha.point, true) - &omega4[w] * g,
                ),
                beta: GroupElement::new(
                    sum_of_products(&omega_prime, |i| at(i).beta.point, true)
                        - &omega4[w] * key_table.table(),
                ),
            }
        })
        .collect();
    let t_hat: Vec<GroupElement> = crate::parallel::map(&omega_hat, |i, w_hat| {
        let previous = match i {
            0 => generators.chain_base,
            _ => chain[i - 1].point,
        };
        GroupElement::new(w_hat * g + omega_prime[i] * previous)
    });

    let c = main_challenge(&commitment_digest, &chain, [&t1, &t2, &t3], &t4, &t_hat);
    let respond = |omega: &Scalar, secret: &Scalar| PublicScalar(omega - c * secret);
    let proof = ShuffleProof {
        v: V1,
        s1: respond(&omega[0], &r_bar),
        s2: respond(&omega[1], &r_chain),
        s3: respond(&omega[2], &r_weighted),
        s4: omega4
            .iter()
            .zip(&r_tilde)
            .map(|(o, s)| respond(o, s))
            .collect(),
        s_hat: omega_hat
            .par_iter()
            .zip(&r_hat)
            .map(|(o, s)| respond(o, s))
            .collect(),
        s_prime: omega_prime
            .par_iter()
            .zip(&u_prime)
            .map(|(o, s)| respond(o, s))
            .collect(),
        commitments,
        chain,
        t1,
        t2,
        t3,
        t4,
        t_hat,
    };
    // Any of these, with the proof, would reveal the permutation.
    for (big_r, _) in &mut exponents {
        big_r.zeroize();
    }
    let mut secrets = [
        r,
        r_hat,
        u_prime,
        omega,
        omega4,
        omega_hat,
        omega_prime,
        r_tilde,
    ];
    for v in &mut secrets {
        v.zeroize();
    }
    inverse.zeroize();
    Ok(proof)
}

/// Checks that every list of the proof has its expected length.
fn check_proof_shape(proof: &ShuffleProof, n: usize, width: usize) -> Result<(), ShuffleError> {
    let lengths = [
        ("commitments", proof.commitments.len(), n),
        ("chain", proof.chain.len(), n),
        ("t_hat", proof.t_hat.len(), n),
        ("s_hat", proof.s_hat.len(), n),
        ("s_prime", proof.s_prime.len(), n),
        ("t4", proof.t4.len(), width),
        ("s4", proof.s4.len(), width),
    ];
    match lengths
        .iter()
        .find(|(_, found, expected)| found != expected)
    {
        Some(&(what, found, expected)) => Err(ShuffleError::ProofShape {
            what,
            expected,
            found,
        }),
        None => Ok(()),
    }
}

/// Checks a shuffle proof: `outputs` is a permutation of re-encryptions under the election key
/// of `inputs`, whole vectors at a time, bound to `seed`. The error names the first equation
/// that fails.
pub fn verify_shuffle(
    key: &ElectionKey,
    seed: &ShuffleSeed,
    inputs: &CiphertextVectors,
    outputs: &CiphertextVectors,
    proof: &ShuffleProof,
) -> Result<(), ShuffleError> {
    let statement = Statement {
        key,
        seed,
        inputs,
        outputs,
    };
    statement.check_shape()?;
    let (n, width) = (inputs.len(), inputs.width());
    check_proof_shape(proof, n, width)?;
    let generators = Generators::derive(seed.as_bytes(), n);
    let g = RISTRETTO_BASEPOINT_POINT;
    let commitment_digest = commitment_digest(&statement.digest(), &proof.commitments);
    let u = challenges(&commitment_digest, n);
    let c = main_challenge(
        &commitment_digest,
        &proof.chain,
        [&proof.t1, &proof.t2, &proof.t3],
        &proof.t4,
        &proof.t_hat,
    );
    let s_prime: Vec<Scalar> = proof.s_prime.iter().map(|s| s.0).collect();
    let fail = |check| Err(ShuffleError::Failed(check));

    // t1 = c·(Σ c_j − Σ h_i) + s1·G
    let h_sum = generators
        .permutation
        .par_iter()
        .with_min_len(4096)
        .copied()
        .reduce(RistrettoPoint::identity, |a, b| a + b);
    let c_bar = sum_points(&proof.commitments) - h_sum;
    if RistrettoPoint::vartime_double_scalar_mul_basepoint(&c, &c_bar, &proof.s1.0)
        != proof.t1.point
    {
        return fail(ShuffleCheck::CommitmentSum);
    }

    // t2 = c·(ĉ_N − (Π u_j)·H) + s2·G
    let u_product: Scalar = u.iter().product();
    let chain_end = proof.chain[n - 1].point - u_product * generators.chain_base;
    if RistrettoPoint::vartime_double_scalar_mul_basepoint(&c, &chain_end, &proof.s2.0)
        != proof.t2.point
    {
        return fail(ShuffleCheck::ChainEnd);
    }

    // t3 = c·Σ u_j·c_j + s3·G + Σ s'_i·h_i
    let cu: Vec<Scalar> = u.par_iter().with_min_len(4096).map(|u| c * u).collect();
    let scalars: Vec<Scalar> = cu
        .iter()
        .chain(&s_prime)
        .copied()
        .chain([proof.s3.0])
        .collect();
    let t3 = sum_of_products(
        &scalars,
        |k| match k {
            k if k < n => proof.commitments[k].point,
            k if k < 2 * n => generators.permutation[k - n],
            _ => g,
        },
        false,
    );
    if t3 != proof.t3.point {
        return fail(ShuffleCheck::WeightedCommitment);
    }

    // t4α_w = c·Σ u_j·α_{j,w} + Σ s'_i·α'_{i,w} − s4_w·G, and the same for β with Y.
    for w in 0..width {
        let scalars: Vec<Scalar> = cu
            .iter()
            .chain(&s_prime)
            .copied()
            .chain([-proof.s4[w].0])
            .collect();
        let input = |j: usize| &inputs.ciphertexts()[j * width + w];
        let output = |i: usize| &outputs.ciphertexts()[i * width + w];
        let alpha = sum_of_products(
            &scalars,
            |k| match k {
                k if k < n => input(k).alpha.point,
                k if k < 2 * n => output(k - n).alpha.point,
                _ => g,
            },
            false,
        );
        let beta = sum_of_products(
            &scalars,
            |k| match k {
                k if k < n => input(k).beta.point,
                k if k < 2 * n => output(k - n).beta.point,
                _ => key.public_key.point,
            },
            false,
        );
        if alpha != proof.t4[w].alpha.point || beta != proof.t4[w].beta.point {
            return fail(ShuffleCheck::Reencryption { component: w });
        }
    }

    check_chain_links(&generators, c, &s_prime, proof)
}

/// The weights `z_i` of the chain links' random linear combination: hashes of the challenge
/// and every response, so that a prover cannot choose responses against known weights.
fn batch_weights(c: &Scalar, proof: &ShuffleProof) -> Vec<Scalar> {
    let mut t = Transcript::<Sha512>::new("urna/v1/shuffle/batch");
    t.scalar(c)
        .scalar(&proof.s1.0)
        .scalar(&proof.s2.0)
        .scalar(&proof.s3.0);
    for s in proof.s4.iter().chain(&proof.s_hat).chain(&proof.s_prime) {
        t.scalar(&s.0);
    }
    let seed = t.into_wide_bytes();
    (0..proof.s_hat.len())
        .into_par_iter()
        .with_min_len(1024)
        .map(|i| {
            let mut t = Transcript::<Sha512>::new("urna/v1/shuffle/batch-weight");
            t.bytes(&seed).u64(i as u64);
            t.into_scalar()
        })
        .collect()
}

/// `t̂_i = c·ĉ_i + ŝ_i·G + s'_i·ĉ_{i−1}` for every link, checked as
/// `Σ z_i·(c·ĉ_i + ŝ_i·G + s'_i·ĉ_{i−1} − t̂_i) = 0`; on failure, link by link to name the first
/// bad one.
fn check_chain_links(
    generators: &Generators,
    c: Scalar,
    s_prime: &[Scalar],
    proof: &ShuffleProof,
) -> Result<(), ShuffleError> {
    let n = proof.chain.len();
    let z = batch_weights(&c, proof);
    let s_hat: Vec<Scalar> = proof.s_hat.iter().map(|s| s.0).collect();
    // Coefficients: G → Σ z_i·ŝ_i; H → z_1·s'_1; ĉ_i → c·z_i + z_{i+1}·s'_{i+1} (the last:
    // c·z_N); t̂_i → −z_i.
    let mut scalars = Vec::with_capacity(2 * n + 2);
    scalars.push(dot(&z, &s_hat));
    scalars.push(z[0] * s_prime[0]);
    scalars.extend((0..n).map(|k| match k + 1 < n {
        true => c * z[k] + z[k + 1] * s_prime[k + 1],
        false => c * z[k],
    }));
    scalars.extend(z.iter().map(|z| -z));
    let sum = sum_of_products(
        &scalars,
        |k| match k {
            0 => RISTRETTO_BASEPOINT_POINT,
            1 => generators.chain_base,
            k if k < n + 2 => proof.chain[k - 2].point,
            k => proof.t_hat[k - n - 2].point,
        },
        false,
    );
    if sum.is_identity() {
        return Ok(());
    }
    let holds = crate::parallel::map(&proof.t_hat, |k, t_hat| {
        let previous = match k {
            0 => generators.chain_base,
            _ => proof.chain[k - 1].point,
        };
        RistrettoPoint::vartime_multiscalar_mul(
            [c, s_hat[k], s_prime[k]],
            [proof.chain[k].point, RISTRETTO_BASEPOINT_POINT, previous],
        ) == t_hat.point
    });
    let link = holds.iter().position(|ok| !ok).map_or(n, |k| k + 1);
    Err(ShuffleError::Failed(ShuffleCheck::ChainLink { link }))
}
