//! Shuffle tests: honest shuffles verify; every kind of cheating fails the check the appendix
//! says it must; a mix by two mixers then a 2-of-3 decryption gives back the same multiset of
//! ballots. Expected values come from the construction (which equation a change touches,
//! multisets of ballots built here), never from output.

use curve25519_dalek::constants::RISTRETTO_BASEPOINT_POINT;
use curve25519_dalek::ristretto::RistrettoPoint;
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::Identity;
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

use super::generators::Generators;
use super::proof::prove_with_generators;
use super::*;
use crate::ranked::{RankedBallot, RankedBallotError, RankedLayout};
use crate::tests::committee;

fn rng(seed: u64) -> ChaCha20Rng {
    ChaCha20Rng::seed_from_u64(seed)
}

fn seed(text: &str) -> ShuffleSeed {
    ShuffleSeed::new(text.as_bytes().to_vec()).unwrap()
}

/// `n` vectors of width `w`, vector `i` component `c` encrypting `(10·i + c + 1)·G`.
fn inputs(key: &ElectionKey, n: usize, w: usize, rng: &mut ChaCha20Rng) -> CiphertextVectors {
    let table = EncryptionKey::new(key);
    let vectors = (0..n)
        .map(|i| {
            (0..w)
                .map(|c| {
                    let m = RISTRETTO_BASEPOINT_POINT * Scalar::from((10 * i + c + 1) as u64);
                    let r = crate::proofs::random_scalar(rng).unwrap();
                    let (alpha, beta) = table.encrypt(&m, &r);
                    TallyCiphertext {
                        alpha: GroupElement::new(alpha),
                        beta: GroupElement::new(beta),
                    }
                })
                .collect()
        })
        .collect();
    CiphertextVectors::new(vectors).unwrap()
}

struct Honest {
    key: ElectionKey,
    seed: ShuffleSeed,
    inputs: CiphertextVectors,
    outputs: CiphertextVectors,
    witness: ShuffleWitness,
    proof: ShuffleProof,
}

fn honest(n: usize, w: usize, s: u64) -> Honest {
    let key = committee(2, 3, 7).key;
    let mut rng = rng(s);
    let inputs = inputs(&key, n, w, &mut rng);
    let seed = seed("election digest, mixer 1");
    let (outputs, witness) = shuffle(&key, &inputs, &mut rng).unwrap();
    let proof = prove_shuffle(&key, &seed, &inputs, &outputs, &witness, &mut rng).unwrap();
    Honest {
        key,
        seed,
        inputs,
        outputs,
        witness,
        proof,
    }
}

impl Honest {
    fn verify(
        &self,
        outputs: &CiphertextVectors,
        proof: &ShuffleProof,
    ) -> Result<(), ShuffleError> {
        verify_shuffle(&self.key, &self.seed, &self.inputs, outputs, proof)
    }

    /// Proves `outputs` with the honest witness, as a cheating mixer would after tampering.
    fn reprove(&self, outputs: &CiphertextVectors) -> ShuffleProof {
        prove_shuffle(
            &self.key,
            &self.seed,
            &self.inputs,
            outputs,
            &self.witness,
            &mut rng(99),
        )
        .unwrap()
    }

    fn with_outputs(&self, edit: impl FnOnce(&mut Vec<Vec<TallyCiphertext>>)) -> CiphertextVectors {
        let mut vectors: Vec<Vec<TallyCiphertext>> =
            self.outputs.vectors().map(<[_]>::to_vec).collect();
        edit(&mut vectors);
        CiphertextVectors::new(vectors).unwrap()
    }
}

fn failed(check: ShuffleCheck) -> Result<(), ShuffleError> {
    Err(ShuffleError::Failed(check))
}

#[test]
fn honest_shuffles_verify_for_widths_1_2_and_5() {
    for (w, n) in [(1, 7), (2, 5), (5, 4)] {
        let h = honest(n, w, w as u64);
        assert_eq!(h.verify(&h.outputs, &h.proof), Ok(()), "W = {w}");
        // The output is a permutation of the input's vectors: the same multiset of messages
        // once decrypted (checked in the decryption test), and every vector re-encrypted.
        for (i, &j) in h.witness.permutation.iter().enumerate() {
            assert_ne!(h.outputs.vector(i), h.inputs.vector(j));
        }
    }
}

#[test]
fn a_single_vector_shuffles_and_verifies() {
    let h = honest(1, 3, 11);
    assert_eq!(h.verify(&h.outputs, &h.proof), Ok(()));
}

#[test]
fn dropping_a_vector_fails() {
    let h = honest(5, 2, 12);
    let dropped = h.with_outputs(|v| {
        v.pop();
    });
    assert_eq!(
        h.verify(&dropped, &h.proof),
        Err(ShuffleError::CountMismatch {
            inputs: 5,
            outputs: 4
        })
    );
    // Dropping one and putting a copy of another in its place: the count is right, the
    // outputs no longer re-encrypt the inputs under any permutation, whatever the witness.
    let replaced = h.with_outputs(|v| v[4] = v[0].clone());
    assert_eq!(
        h.verify(&replaced, &h.reprove(&replaced)),
        failed(ShuffleCheck::Reencryption { component: 0 })
    );
    assert!(matches!(
        h.verify(&replaced, &h.proof),
        Err(ShuffleError::Failed(_))
    ));
}

#[test]
fn duplicating_a_vector_fails_even_re_encrypted() {
    let h = honest(5, 2, 13);
    // Output 1 becomes a fresh re-encryption of output 0: both components change.
    let table = EncryptionKey::new(&h.key);
    let duplicated = h.with_outputs(|v| {
        v[1] = v[0]
            .iter()
            .map(|c| {
                let (a, b) = table.encrypt(&RistrettoPoint::identity(), &Scalar::from(5u64));
                TallyCiphertext {
                    alpha: GroupElement::new(c.alpha.point + a),
                    beta: GroupElement::new(c.beta.point + b),
                }
            })
            .collect();
    });
    assert_eq!(
        h.verify(&duplicated, &h.reprove(&duplicated)),
        failed(ShuffleCheck::Reencryption { component: 0 })
    );
}

#[test]
fn altering_one_ciphertext_fails_its_component() {
    let h = honest(4, 3, 14);
    // Component 2 of output 3 now encrypts one more G: only t4 of component 2 is affected.
    let altered = h.with_outputs(|v| {
        v[3][2].beta = GroupElement::new(v[3][2].beta.point + RISTRETTO_BASEPOINT_POINT);
    });
    assert_eq!(
        h.verify(&altered, &h.reprove(&altered)),
        failed(ShuffleCheck::Reencryption { component: 2 })
    );
    // With the original proof, the statement's hash changes, so every challenge does.
    assert!(matches!(
        h.verify(&altered, &h.proof),
        Err(ShuffleError::Failed(_))
    ));
}

#[test]
fn permuting_components_separately_fails() {
    // Swapping component 1 of two outputs keeps every column a permutation of the inputs'
    // column but breaks "one permutation per vector": t4 of component 1 fails, 0 holds.
    let h = honest(4, 2, 15);
    let swapped = h.with_outputs(|v| {
        let first = v[0][1];
        v[0][1] = v[2][1];
        v[2][1] = first;
    });
    assert_eq!(
        h.verify(&swapped, &h.reprove(&swapped)),
        failed(ShuffleCheck::Reencryption { component: 1 })
    );
}

#[test]
fn proving_with_other_generators_fails() {
    // Commitments built on h'_i make Σc_j − Σh_i = r̄·G + Σ(h'_i − h_i), not r̄·G: t1 fails.
    let h = honest(4, 1, 16);
    let other = Generators::derive(b"chosen by the mixer", 4);
    let proof = prove_with_generators(
        &h.key,
        &h.seed,
        &other,
        &h.inputs,
        &h.outputs,
        &h.witness,
        &mut rng(3),
    )
    .unwrap();
    assert_eq!(
        h.verify(&h.outputs, &proof),
        failed(ShuffleCheck::CommitmentSum)
    );
}

#[test]
fn the_proof_is_bound_to_seed_and_key() {
    let h = honest(4, 2, 17);
    let other_seed = seed("election digest, mixer 2");
    assert!(matches!(
        verify_shuffle(&h.key, &other_seed, &h.inputs, &h.outputs, &h.proof),
        Err(ShuffleError::Failed(_))
    ));
    let mut other_key = h.key.clone();
    other_key.setup = crate::Digest([7; 32]);
    assert!(matches!(
        verify_shuffle(&other_key, &h.seed, &h.inputs, &h.outputs, &h.proof),
        Err(ShuffleError::Failed(_))
    ));
}

#[test]
fn tampered_responses_fail_the_equation_that_uses_them() {
    let h = honest(5, 1, 18);
    // ŝ_2 appears only in the chain equation of link 2.
    let mut proof = h.proof.clone();
    proof.s_hat[1].0 += Scalar::ONE;
    assert_eq!(
        h.verify(&h.outputs, &proof),
        failed(ShuffleCheck::ChainLink { link: 2 })
    );
    // s2 appears only in t2.
    let mut proof = h.proof.clone();
    proof.s2.0 += Scalar::ONE;
    assert_eq!(h.verify(&h.outputs, &proof), failed(ShuffleCheck::ChainEnd));
    // s3 appears only in t3.
    let mut proof = h.proof.clone();
    proof.s3.0 += Scalar::ONE;
    assert_eq!(
        h.verify(&h.outputs, &proof),
        failed(ShuffleCheck::WeightedCommitment)
    );
    // A list of the wrong length is named.
    let mut proof = h.proof.clone();
    proof.s_prime.pop();
    assert_eq!(
        h.verify(&h.outputs, &proof),
        Err(ShuffleError::ProofShape {
            what: "s_prime",
            expected: 5,
            found: 4
        })
    );
}

#[test]
fn ragged_vectors_and_bad_witnesses_are_refused() {
    let h = honest(3, 2, 19);
    let mut vectors: Vec<Vec<TallyCiphertext>> = h.inputs.vectors().map(<[_]>::to_vec).collect();
    vectors[2].pop();
    assert_eq!(
        CiphertextVectors::new(vectors),
        Err(ShuffleError::RaggedVectors {
            position: 2,
            expected: 2,
            found: 1
        })
    );
    assert_eq!(CiphertextVectors::new(vec![]), Err(ShuffleError::NoVectors));
    assert_eq!(
        CiphertextVectors::new(vec![vec![]]),
        Err(ShuffleError::NoComponents)
    );
    let not_a_permutation = ShuffleWitness {
        permutation: vec![0, 0, 1],
        randomness: vec![Scalar::ONE; 6],
    };
    assert_eq!(
        prove_shuffle(
            &h.key,
            &h.seed,
            &h.inputs,
            &h.outputs,
            &not_a_permutation,
            &mut rng(1)
        )
        .map(|_| ()),
        Err(ShuffleError::WitnessMismatch("it is not a permutation"))
    );
    assert_eq!(format!("{:?}", h.witness), "ShuffleWitness([redacted])");
    assert_eq!(
        ShuffleSeed::new(vec![]),
        Err(ShuffleError::BadSeed { found: 0 })
    );
}

#[test]
fn permutations_are_uniform_enough_and_valid() {
    // Every permutation of 3 appears among 600 draws (each has probability 1/6; missing one
    // has probability 6·(5/6)^600 ≈ 10^-47).
    let mut rng = rng(20);
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..600 {
        let p = random_permutation(3, &mut rng).unwrap();
        let mut sorted = p.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, vec![0, 1, 2]);
        seen.insert(p);
    }
    assert_eq!(seen.len(), 6);
}

#[test]
fn mix_files_round_trip_and_verify() {
    let h = honest(3, 2, 21);
    let input = MixInput {
        v: crate::encoding::V1,
        election_key: h.key.clone(),
        seed: h.seed.clone(),
        ciphertexts: h.inputs.clone(),
    };
    let input_json = serde_json::to_string(&input).unwrap();
    let read: MixInput = serde_json::from_str(&input_json).unwrap();
    assert_eq!(read, input);
    let output = mix(&read, &mut rng(5)).unwrap();
    let output_json = serde_json::to_string(&output).unwrap();
    let output: MixOutput = serde_json::from_str(&output_json).unwrap();
    assert_eq!(output.verify(&input), Ok(()));
    let mut other = input.clone();
    other.ciphertexts = h.outputs.clone();
    assert!(matches!(
        output.verify(&other),
        Err(ShuffleError::WrongInput(_))
    ));
}

#[test]
fn two_mixes_then_threshold_decryption_give_the_same_ballots() {
    let c = committee(2, 3, 8);
    let key = &c.key;
    let layout = RankedLayout::new(5).unwrap();
    // Seven rankings of 5 candidates, two of them equal, one abstention.
    let rankings: Vec<Vec<u8>> = vec![
        vec![1, 2, 3, 4, 5],
        vec![5, 4, 3, 2, 1],
        vec![1, 0, 0, 0, 2],
        vec![1, 0, 0, 0, 2],
        vec![0, 0, 0, 0, 0],
        vec![2, 1, 1, 3, 0],
        vec![0, 0, 1, 0, 0],
    ];
    let mut rng = rng(22);
    let mut vectors: Vec<Vec<TallyCiphertext>> = rankings
        .iter()
        .map(|r| {
            RankedBallot::new(&layout, r.clone())
                .unwrap()
                .encrypt(&layout, &EncryptionKey::new(key), &mut rng)
                .unwrap()
        })
        .collect();
    // An eighth "ballot" that encrypts the generator, not a Lizard encoding.
    let (alpha, beta) =
        EncryptionKey::new(key).encrypt(&RISTRETTO_BASEPOINT_POINT, &Scalar::from(3u64));
    vectors.push(vec![TallyCiphertext {
        alpha: GroupElement::new(alpha),
        beta: GroupElement::new(beta),
    }]);
    let first = MixInput {
        v: crate::encoding::V1,
        election_key: key.clone(),
        seed: seed("mixer 1"),
        ciphertexts: CiphertextVectors::new(vectors).unwrap(),
    };
    let first_out = mix(&first, &mut rng).unwrap();
    assert_eq!(first_out.verify(&first), Ok(()));
    let second = MixInput {
        seed: seed("mixer 2"),
        ciphertexts: first_out.ciphertexts.clone(),
        ..first.clone()
    };
    let second_out = mix(&second, &mut rng).unwrap();
    assert_eq!(second_out.verify(&second), Ok(()));

    let mixed = &second_out.ciphertexts;
    let mut partials: Vec<MixDecryption> = [1, 3]
        .iter()
        .map(|&t| decrypt_mixed(key, c.share(t), mixed, &mut rng).unwrap())
        .collect();
    // A third, bad decryption (trustee 2, one share moved) is rejected, not fatal.
    let mut bad = decrypt_mixed(key, c.share(2), mixed, &mut rng).unwrap();
    bad.shares.swap(0, 1);
    partials.push(bad);
    let plain = combine_mixed_decryption(key, mixed, &partials).unwrap();
    assert_eq!(plain.trustees, vec![1, 3]);
    assert_eq!(plain.rejected.len(), 1);

    let mut decoded: Vec<Vec<u8>> = Vec::new();
    let mut set_aside = Vec::new();
    for points in &plain.vectors {
        match RankedBallot::from_points(&layout, points) {
            Ok(ballot) => decoded.push(ballot.ranks().to_vec()),
            Err(reason) => set_aside.push(reason),
        }
    }
    let mut expected = rankings.clone();
    expected.sort();
    decoded.sort();
    assert_eq!(decoded, expected);
    assert_eq!(
        set_aside,
        vec![RankedBallotError::NotAnEncoding { point: 0 }]
    );
}

#[test]
fn one_trustee_of_two_needed_cannot_decrypt() {
    let c = committee(2, 3, 9);
    let outputs = inputs(&c.key, 2, 1, &mut rng(2));
    let one = decrypt_mixed(&c.key, c.share(1), &outputs, &mut rng(3)).unwrap();
    assert!(matches!(
        combine_mixed_decryption(&c.key, &outputs, &[one]),
        Err(CryptoError::NotEnoughShares {
            needed: 2,
            valid: 1,
            ..
        })
    ));
}

#[test]
fn a_proof_with_an_invalid_point_is_refused_naming_it() {
    let h = honest(3, 1, 24);
    let mut json: serde_json::Value = serde_json::to_value(&h.proof).unwrap();
    // p = 2^255 − 19 is not a canonical field element (RFC 9496 §A.2), so not a point.
    json["chain"][1] = serde_json::Value::String(
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f".into(),
    );
    let err = serde_json::from_value::<ShuffleProof>(json)
        .unwrap_err()
        .to_string();
    assert!(err.contains("item 1 of the list"), "{err}");
    assert!(err.contains("edffffff"), "{err}");
}
