//! The disjunctive Chaum–Pedersen proof (Cramer, Damgård and Schoenmakers) that an exponential
//! ElGamal ciphertext `(α, β)` encrypts one value of a public list `v_0 < … < v_t`
//! (`docs/record-format.md` §4), without telling which.
//!
//! A proof carries its commitments `A_j, B_j` with the challenges and responses, so that a
//! verifier checks the equations `s_j·G = A_j + c_j·α` and `s_j·Y = B_j + c_j·(β − v_j·G)` of a
//! whole ballot together ([`super::batch`]) instead of recomputing every commitment.
//!
//! Proving is split around the encoding of the commitments, so that a ballot encodes all of its
//! points in one batch (`encoding::double_and_compress`): the first step yields *halves* of the
//! commitments, the batch encodes their doubles.
//!
//! The prover knows `r` and `m`, so for a simulated branch it computes
//! `A_j = s_j·G − c_j·α = (s_j − c_j·r)·G` and
//! `B_j = s_j·Y − c_j·(β − v_j·G) = (s_j − c_j·r)·Y + c_j·(v_j − m)·G`
//! with the fixed-base tables only: the same points as the specification's formulas.

use curve25519_dalek::constants::RISTRETTO_BASEPOINT_TABLE;
use curve25519_dalek::ristretto::{CompressedRistretto, RistrettoPoint};
use curve25519_dalek::scalar::Scalar;
use rand_core::TryCryptoRng;
use serde::{Deserialize, Serialize};
use sha2::Sha512;

use crate::encoding::{GroupElement, HALF, PublicScalar, SecretScalar, Transcript};
use crate::error::CryptoError;
use crate::proofs::random_scalar;

use super::batch::{Equations, Weights};
use super::params::KeyTables;

/// One branch of a disjunctive proof: its commitments, challenge and response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    pub a: GroupElement,
    pub b: GroupElement,
    pub c: PublicScalar,
    pub s: PublicScalar,
}

/// A disjunctive proof: one branch per allowed value, in the values' order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DisjunctiveProof(pub Vec<Branch>);

/// What a proof is about, apart from its commitments: the tag and context strings, the
/// ciphertext's encoding and the allowed values.
pub(crate) struct Statement<'a> {
    pub(crate) tag: &'static str,
    pub(crate) context: [&'a [u8]; 4],
    pub(crate) alpha: &'a CompressedRistretto,
    pub(crate) beta: &'a CompressedRistretto,
    pub(crate) values: &'a [u64],
}

/// `c = Hs(tag; ctx…, α, β, t+1, v_0, …, v_t, A_0, B_0, …, A_t, B_t)`.
fn challenge<'p>(
    st: &Statement<'_>,
    commitments: impl Iterator<Item = &'p CompressedRistretto>,
) -> Scalar {
    let mut t = Transcript::<Sha512>::new(st.tag);
    for part in st.context {
        t.bytes(part);
    }
    t.bytes(st.alpha.as_bytes())
        .bytes(st.beta.as_bytes())
        .u64(st.values.len() as u64);
    for &v in st.values {
        t.u64(v);
    }
    for point in commitments {
        t.bytes(point.as_bytes());
    }
    t.into_scalar()
}

/// A prover's random draws for one proof: `w` for the real branch `k`, `(c_j, s_j)` for the
/// others.
pub(crate) struct ProverDraws {
    real: usize,
    nonce: SecretScalar,
    /// `(c_j, s_j)` per branch; the real branch's entry is unused (zero).
    simulated: Vec<(Scalar, Scalar)>,
}

impl ProverDraws {
    /// Draws in branch order (§4): `w` for the real branch, `c_j` then `s_j` for each other.
    pub(crate) fn draw<R: TryCryptoRng + ?Sized>(
        branches: usize,
        real: usize,
        rng: &mut R,
    ) -> Result<Self, CryptoError> {
        let mut nonce = SecretScalar(Scalar::ZERO);
        let mut simulated = Vec::with_capacity(branches);
        for j in 0..branches {
            if j == real {
                nonce = SecretScalar(random_scalar(rng)?);
                simulated.push((Scalar::ZERO, Scalar::ZERO));
            } else {
                let c = random_scalar(rng)?;
                let s = random_scalar(rng)?;
                simulated.push((c, s));
            }
        }
        Ok(Self {
            real,
            nonce,
            simulated,
        })
    }

    /// Appends halves of `A_0, B_0, …, A_t, B_t` for the ciphertext of `m = values[real]` with
    /// randomness `r`.
    pub(crate) fn half_commitments(
        &self,
        tables: &KeyTables,
        values: &[u64],
        r: &Scalar,
        out: &mut Vec<RistrettoPoint>,
    ) {
        let m = Scalar::from(values[self.real]);
        for (j, (&v, (c, s))) in values.iter().zip(&self.simulated).enumerate() {
            let (half_t, half_offset) = if j == self.real {
                (self.nonce.0 * *HALF, Scalar::ZERO)
            } else {
                ((s - c * r) * *HALF, c * (Scalar::from(v) - m) * *HALF)
            };
            out.push(&half_t * RISTRETTO_BASEPOINT_TABLE);
            out.push(&half_t * &tables.y_table + &half_offset * RISTRETTO_BASEPOINT_TABLE);
        }
    }

    /// The proof, given the commitments `A_0, B_0, …` (the doubles of
    /// [`Self::half_commitments`]) and the randomness `r`.
    pub(crate) fn respond(
        self,
        st: &Statement<'_>,
        commitments: &[GroupElement],
        r: &Scalar,
    ) -> DisjunctiveProof {
        let c = challenge(st, commitments.iter().map(|e| &e.compressed));
        let others: Scalar = self.simulated.iter().map(|(c_j, _)| c_j).sum();
        let c_real = c - others;
        let branches = self
            .simulated
            .iter()
            .zip(commitments.chunks_exact(2))
            .enumerate()
            .map(|(j, (&(c_j, s_j), ab))| {
                let (c, s) = if j == self.real {
                    (c_real, self.nonce.0 + c_real * r)
                } else {
                    (c_j, s_j)
                };
                Branch {
                    a: ab[0],
                    b: ab[1],
                    c: PublicScalar(c),
                    s: PublicScalar(s),
                }
            })
            .collect();
        DisjunctiveProof(branches)
    }
}

impl DisjunctiveProof {
    /// Whether the branches' challenges add up to the hash of the statement and the proof's
    /// commitments.
    pub(crate) fn challenge_matches(&self, st: &Statement<'_>) -> bool {
        let sum: Scalar = self.0.iter().map(|b| b.c.0).sum();
        let commitments = self
            .0
            .iter()
            .flat_map(|b| [&b.a.compressed, &b.b.compressed]);
        challenge(st, commitments) == sum
    }

    /// Adds, with weights from `weights`, each branch's equations
    /// `s_j·G − A_j − c_j·α = 0` and `s_j·Y − B_j − c_j·β + c_j·v_j·G = 0`. The proof must have
    /// one branch per value.
    pub(crate) fn add_equations(
        &self,
        values: &[u64],
        alpha: &RistrettoPoint,
        beta: &RistrettoPoint,
        weights: &mut Weights,
        eq: &mut Equations,
    ) {
        let (mut on_alpha, mut on_beta) = (Scalar::ZERO, Scalar::ZERO);
        for (branch, &v) in self.0.iter().zip(values) {
            let (z, z2) = (weights.next(), weights.next());
            let (c, s) = (branch.c.0, branch.s.0);
            eq.g(z * s + z2 * c * Scalar::from(v));
            eq.y(z2 * s);
            eq.term(-z, branch.a.point);
            eq.term(-z2, branch.b.point);
            on_alpha -= z * c;
            on_beta -= z2 * c;
        }
        eq.term(on_alpha, *alpha);
        eq.term(on_beta, *beta);
    }

    /// Feeds the commitments to the hash the batch weights are drawn from.
    pub(crate) fn commit_to(&self, t: &mut Transcript<Sha512>) {
        for branch in &self.0 {
            t.element(&branch.a).element(&branch.b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Digest;
    use crate::encoding::double_and_compress;
    use crate::homomorphic::{ElectionParams, LayoutType, QuestionParams};
    use crate::setup::ElectionId;
    use rand_chacha::ChaCha20Rng;
    use rand_core::SeedableRng;

    fn params() -> ElectionParams {
        ElectionParams::new(
            ElectionId::parse("e").unwrap(),
            Digest([1; 32]),
            GroupElement::base_times(&Scalar::from(9u64)),
            vec![QuestionParams {
                id: "q".into(),
                ballot_type: LayoutType::ChooseOne,
                options: vec!["a".into()],
            }],
        )
        .unwrap()
    }

    struct Case {
        params: ElectionParams,
        alpha: GroupElement,
        beta: GroupElement,
    }

    impl Case {
        /// The encryption of `m` with randomness `r`.
        fn new(m: u64, r: &Scalar) -> Self {
            let params = params();
            let alpha = GroupElement::base_times(r);
            let beta = GroupElement::new(
                &Scalar::from(m) * RISTRETTO_BASEPOINT_TABLE + r * &params.tables.y_table,
            );
            Self {
                params,
                alpha,
                beta,
            }
        }

        fn statement<'a>(&'a self, values: &'a [u64]) -> Statement<'a> {
            Statement {
                tag: "urna/v1/test",
                context: [b"a", b"b", b"c", b"d"],
                alpha: &self.alpha.compressed,
                beta: &self.beta.compressed,
                values,
            }
        }

        fn holds(&self, proof: &DisjunctiveProof, values: &[u64]) -> bool {
            let mut eq = Equations::default();
            let mut weights = Weights::new(Scalar::from(7u64));
            proof.add_equations(
                values,
                &self.alpha.point,
                &self.beta.point,
                &mut weights,
                &mut eq,
            );
            proof.challenge_matches(&self.statement(values)) && eq.hold(&self.params.tables)
        }
    }

    /// Proves that the encryption of `m` is `values[real]`, and checks it.
    fn prove_and_check(m: u64, values: &[u64], real: usize) -> bool {
        let mut rng = ChaCha20Rng::seed_from_u64(m * 10 + real as u64);
        let r = random_scalar(&mut rng).unwrap();
        let case = Case::new(m, &r);
        let draws = ProverDraws::draw(values.len(), real, &mut rng).unwrap();
        let mut halves = Vec::new();
        draws.half_commitments(&case.params.tables, values, &r, &mut halves);
        let commitments: Vec<GroupElement> = halves
            .iter()
            .zip(double_and_compress(&halves))
            .map(|(h, e)| GroupElement::from_parts(h + h, e))
            .collect();
        let proof = draws.respond(&case.statement(values), &commitments, &r);
        case.holds(&proof, values)
    }

    #[test]
    fn only_the_true_value_can_be_proved() {
        // Honest: m is values[real].
        assert!(prove_and_check(0, &[0, 1], 0));
        assert!(prove_and_check(1, &[0, 1], 1));
        assert!(prove_and_check(3, &[0, 2, 3], 2));
        // A prover claiming a listed value that is not m fails, whichever branch it fakes.
        assert!(!prove_and_check(0, &[0, 1], 1));
        assert!(!prove_and_check(2, &[0, 1], 0));
        assert!(!prove_and_check(2, &[0, 1], 1));
        assert!(!prove_and_check(1, &[0, 2, 3], 1));
    }

    /// Commitments chosen freely with challenges that add up to their hash: the hash check
    /// passes, so only the batched equations can refuse the proof.
    #[test]
    fn the_equations_are_checked_not_only_the_hash() {
        let r = Scalar::from(5u64);
        let case = Case::new(1, &r);
        let values = [0, 1];
        let point = |k: u64| GroupElement::base_times(&Scalar::from(k));
        let mut branches = vec![
            Branch {
                a: point(11),
                b: point(12),
                c: PublicScalar(Scalar::from(3u64)),
                s: PublicScalar(Scalar::from(4u64)),
            },
            Branch {
                a: point(13),
                b: point(14),
                c: PublicScalar(Scalar::ZERO),
                s: PublicScalar(Scalar::from(6u64)),
            },
        ];
        let commitments = branches
            .iter()
            .flat_map(|b| [b.a.compressed, b.b.compressed]);
        let c = challenge(
            &case.statement(&values),
            commitments.collect::<Vec<_>>().iter(),
        );
        branches[1].c = PublicScalar(c - Scalar::from(3u64));
        let proof = DisjunctiveProof(branches);
        assert!(proof.challenge_matches(&case.statement(&values)));
        assert!(!case.holds(&proof, &values));
    }
}
