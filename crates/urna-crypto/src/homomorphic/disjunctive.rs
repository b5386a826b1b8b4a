//! The disjunctive Chaum–Pedersen proof (Cramer, Damgård and Schoenmakers) that an exponential
//! ElGamal ciphertext `(α, β)` encrypts one value of a public list `v_0 < … < v_t`
//! (`docs/record-format.md` §4), without telling which.
//!
//! Proving and checking are split around the encoding of the commitments `A_j, B_j`, so that a
//! ballot encodes all of its points in one batch (`encoding::double_and_compress`): the first
//! step yields *halves* of the commitments, the batch encodes their doubles.
//!
//! The prover knows `r` and `m`, so for a simulated branch it computes
//! `A_j = s_j·G − c_j·α = (s_j − c_j·r)·G` and
//! `B_j = s_j·Y − c_j·(β − v_j·G) = (s_j − c_j·r)·Y + c_j·(v_j − m)·G`
//! with the fixed-base tables only: the same points as the specification's formulas.

use curve25519_dalek::constants::RISTRETTO_BASEPOINT_TABLE;
use curve25519_dalek::ristretto::{CompressedRistretto, RistrettoPoint};
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::VartimePrecomputedMultiscalarMul;
use rand_core::TryCryptoRng;
use serde::{Deserialize, Serialize};
use sha2::Sha512;

use crate::encoding::{GroupElement, HALF, PublicScalar, SecretScalar, Transcript};
use crate::error::CryptoError;
use crate::proofs::random_scalar;

use super::params::KeyTables;

/// One branch of a disjunctive proof: its challenge and response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
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
fn challenge(st: &Statement<'_>, commitments: &[CompressedRistretto]) -> Scalar {
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

    /// The proof, given the encoded commitments and the randomness `r`.
    pub(crate) fn respond(
        self,
        st: &Statement<'_>,
        commitments: &[CompressedRistretto],
        r: &Scalar,
    ) -> DisjunctiveProof {
        let c = challenge(st, commitments);
        let others: Scalar = self.simulated.iter().map(|(c_j, _)| c_j).sum();
        let c_real = c - others;
        let branches = self
            .simulated
            .iter()
            .enumerate()
            .map(|(j, &(c_j, s_j))| {
                if j == self.real {
                    Branch {
                        c: PublicScalar(c_real),
                        s: PublicScalar(self.nonce.0 + c_real * r),
                    }
                } else {
                    Branch {
                        c: PublicScalar(c_j),
                        s: PublicScalar(s_j),
                    }
                }
            })
            .collect();
        DisjunctiveProof(branches)
    }
}

impl DisjunctiveProof {
    /// Appends halves of the commitments a verifier recomputes, `A_j = s_j·G − c_j·α` and
    /// `B_j = s_j·Y + c_j·v_j·G − c_j·β` (variable time: every input is public). The proof must
    /// have one branch per value.
    pub(crate) fn half_commitments_to_check(
        &self,
        tables: &KeyTables,
        values: &[u64],
        alpha: &GroupElement,
        beta: &GroupElement,
        out: &mut Vec<RistrettoPoint>,
    ) {
        for (branch, &v) in self.0.iter().zip(values) {
            let half_s = branch.s.0 * *HALF;
            let half_c = branch.c.0 * *HALF;
            let minus_half_c = -half_c;
            out.push(RistrettoPoint::vartime_double_scalar_mul_basepoint(
                &minus_half_c,
                &alpha.point,
                &half_s,
            ));
            out.push(tables.g_y_precomputed.vartime_mixed_multiscalar_mul(
                [half_c * Scalar::from(v), half_s],
                [minus_half_c],
                [beta.point],
            ));
        }
    }

    /// Whether the branches' challenges add up to the hash of the statement and the recomputed
    /// commitments.
    pub(crate) fn challenge_matches(
        &self,
        st: &Statement<'_>,
        commitments: &[CompressedRistretto],
    ) -> bool {
        let sum: Scalar = self.0.iter().map(|b| b.c.0).sum();
        challenge(st, commitments) == sum
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

    /// Proves that the encryption of `m` with randomness `r` is `values[real]`, and checks it.
    fn prove_and_check(m: u64, values: &[u64], real: usize) -> bool {
        let params = params();
        let tables = &params.tables;
        let mut rng = ChaCha20Rng::seed_from_u64(m * 10 + real as u64);
        let r = random_scalar(&mut rng).unwrap();
        let alpha = GroupElement::base_times(&r);
        let beta =
            GroupElement::new(&Scalar::from(m) * RISTRETTO_BASEPOINT_TABLE + &r * &tables.y_table);
        let st = Statement {
            tag: "urna/v1/test",
            context: [b"a", b"b", b"c", b"d"],
            alpha: &alpha.compressed,
            beta: &beta.compressed,
            values,
        };
        let draws = ProverDraws::draw(values.len(), real, &mut rng).unwrap();
        let mut halves = Vec::new();
        draws.half_commitments(tables, values, &r, &mut halves);
        let proof = draws.respond(&st, &double_and_compress(&halves), &r);
        let mut check = Vec::new();
        proof.half_commitments_to_check(tables, values, &alpha, &beta, &mut check);
        proof.challenge_matches(&st, &double_and_compress(&check))
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
}
