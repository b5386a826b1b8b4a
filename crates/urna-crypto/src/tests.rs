//! End-to-end tests through the public functions the CLI uses: key generation, sealing,
//! decryption, and one tamper test per integrity check.

use curve25519_dalek::scalar::Scalar;
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

use crate::decrypt::lagrange_at_zero;
use crate::encoding::{GroupElement, PublicScalar};
use crate::*;

pub(crate) struct Committee {
    pub(crate) setup: ElectionSetup,
    pub(crate) secrets: Vec<TrusteeSecret>,
    round1s: Vec<DkgRound1>,
    round2s: Vec<DkgRound2>,
    pub(crate) key: ElectionKey,
}

fn rng(seed: u64) -> ChaCha20Rng {
    ChaCha20Rng::seed_from_u64(seed)
}

fn trustees(n: usize, rng: &mut ChaCha20Rng) -> Vec<TrusteeSecret> {
    (1..=n)
        .map(|i| {
            TrusteeSecret::generate(TrusteeName::parse(&format!("t{i}")).unwrap(), rng).unwrap()
        })
        .collect()
}

fn setup_for(k: u32, secrets: &[TrusteeSecret]) -> ElectionSetup {
    let publics = secrets.iter().map(|s| s.public.clone()).collect();
    ElectionSetup::new(ElectionId::parse("election-1").unwrap(), k, publics).unwrap()
}

fn round1s(
    setup: &ElectionSetup,
    secrets: &[TrusteeSecret],
    rng: &mut ChaCha20Rng,
) -> Vec<DkgRound1> {
    secrets
        .iter()
        .map(|s| dkg_round1(s, setup, rng).unwrap())
        .collect()
}

pub(crate) fn committee(k: u32, n: usize, seed: u64) -> Committee {
    let mut rng = rng(seed);
    let mut secrets = trustees(n, &mut rng);
    let setup = setup_for(k, &secrets);
    let round1s = round1s(&setup, &secrets, &mut rng);
    let round2s: Vec<DkgRound2> = secrets
        .iter_mut()
        .map(|s| dkg_round2(s, &setup, &round1s, &mut rng).unwrap())
        .collect();
    let key = combine_public(&setup, &round1s, &round2s).unwrap();
    Committee {
        setup,
        secrets,
        round1s,
        round2s,
        key,
    }
}

impl Committee {
    pub(crate) fn share(&self, index: usize) -> &KeyShare {
        self.secrets[index - 1]
            .share_for(&self.setup.digest())
            .unwrap()
    }

    fn shares_for(&self, set: &FrozenSet, seed: u64) -> Vec<DecryptionShares> {
        let mut rng = rng(seed);
        (1..=self.secrets.len())
            .map(|i| decryption_shares(self.share(i), set, &mut rng).unwrap())
            .collect()
    }
}

const PLAINTEXTS: [&[u8]; 3] = [b"", b"alice > bob > carol", b"{\"approve\":[1,3,7]}"];
const CONTEXT: &[u8] = b"election-1/question-1";

fn sealed_set(c: &Committee, seed: u64) -> FrozenSet {
    let mut rng = rng(seed);
    let ballots = PLAINTEXTS
        .iter()
        .map(|p| seal(&c.key, p, CONTEXT, 64, &mut rng).unwrap())
        .collect();
    FrozenSet::new(&c.key, CONTEXT.to_vec(), ballots)
}

fn expected() -> Vec<Vec<u8>> {
    PLAINTEXTS.iter().map(|p| p.to_vec()).collect()
}

/// All k-element subsets of 0..n.
fn subsets(n: usize, k: usize) -> Vec<Vec<usize>> {
    (0u32..1 << n)
        .filter(|m| m.count_ones() as usize == k)
        .map(|m| (0..n).filter(|i| m & (1 << i) != 0).collect())
        .collect()
}

fn every_k_subset_decrypts(k: u32, n: usize, seed: u64) {
    let c = committee(k, n, seed);
    // Each trustee's stored share matches its published verification key and the key they
    // all computed.
    for i in 1..=n {
        let share = c.share(i);
        assert_eq!(share.public_key, c.key.public_key);
        assert_eq!(
            &share.verification_key,
            c.key.verification_key(i as u32).unwrap()
        );
    }
    let set = sealed_set(&c, seed + 1);
    let all = c.shares_for(&set, seed + 2);
    let subsets = subsets(n, k as usize);
    // C(1,1) = 1, C(3,2) = 3, C(5,3) = 10.
    let binomial = match (k, n) {
        (1, 1) => 1,
        (2, 3) => 3,
        (3, 5) => 10,
        _ => unreachable!("no hand-computed count for {k}-of-{n}"),
    };
    assert_eq!(subsets.len(), binomial);
    for subset in subsets {
        let chosen: Vec<DecryptionShares> = subset.iter().map(|&i| all[i].clone()).collect();
        let opened = combine_decryption(&c.key, &set, &chosen).unwrap();
        assert_eq!(opened.plaintexts, expected(), "subset {subset:?}");
        assert!(opened.rejected.is_empty());
        // The same subset's key shares interpolate to the secret behind Y.
        let indices: Vec<u32> = subset.iter().map(|&i| i as u32 + 1).collect();
        let x: Scalar = lagrange_at_zero(&indices)
            .iter()
            .zip(&indices)
            .map(|(l, &i)| l * c.share(i as usize).share.0)
            .sum();
        assert_eq!(GroupElement::base_times(&x), c.key.public_key);
    }
    // k − 1 trustees: refused outright…
    let too_few: Vec<DecryptionShares> = all[..k as usize - 1].to_vec();
    assert_eq!(
        combine_decryption(&c.key, &set, &too_few),
        Err(CryptoError::NotEnoughShares {
            needed: k as usize,
            valid: k as usize - 1,
            rejected: vec![]
        })
    );
    // …and interpolating their shares anyway gives a point that does not open the ballot.
    let indices: Vec<u32> = (1..k).collect();
    let lambdas = lagrange_at_zero(&indices);
    let ballot = &set.ballots[1];
    let wrong = GroupElement::new(
        lambdas
            .iter()
            .zip(&too_few)
            .map(|(l, s)| l * s.shares[1].share.point)
            .sum(),
    );
    assert_eq!(
        ballot.open_with(&c.key.public_key, &wrong, CONTEXT, 1),
        Err(CryptoError::BallotDoesNotOpen { position: 1 })
    );
}

#[test]
fn two_of_three_every_pair_decrypts_one_trustee_cannot() {
    every_k_subset_decrypts(2, 3, 100);
}

#[test]
fn three_of_five_every_triple_decrypts_two_trustees_cannot() {
    every_k_subset_decrypts(3, 5, 200);
}

#[test]
fn one_of_one_works() {
    every_k_subset_decrypts(1, 1, 300);
}

#[test]
fn lagrange_coefficients_by_hand() {
    let s = |n: i64| {
        if n >= 0 {
            Scalar::from(n as u64)
        } else {
            -Scalar::from((-n) as u64)
        }
    };
    let half = Scalar::from(2u64).invert();
    // {1,2}: λ1 = 2/(2−1) = 2, λ2 = 1/(1−2) = −1.
    assert_eq!(lagrange_at_zero(&[1, 2]), vec![s(2), s(-1)]);
    // {1,3}: λ1 = 3/(3−1) = 3/2, λ3 = 1/(1−3) = −1/2.
    assert_eq!(lagrange_at_zero(&[1, 3]), vec![s(3) * half, -half]);
    // {2,3,5}: λ2 = 3·5/((3−2)(5−2)) = 15/3 = 5, λ3 = 2·5/((2−3)(5−3)) = 10/−2 = −5,
    // λ5 = 2·3/((2−5)(3−5)) = 6/6 = 1. They sum to 1, as coefficients at 0 of a constant must.
    assert_eq!(lagrange_at_zero(&[2, 3, 5]), vec![s(5), s(-5), s(1)]);
    // {1,2,3}: λ1 = 2·3/((2−1)(3−1)) = 3, λ2 = 1·3/((1−2)(3−2)) = −3, λ3 = 1·2/((1−3)(2−3)) = 1.
    assert_eq!(lagrange_at_zero(&[1, 2, 3]), vec![s(3), s(-3), s(1)]);
}

#[test]
fn sealed_ballots_have_one_length_whatever_the_plaintext() {
    let c = committee(1, 1, 400);
    let mut rng = rng(401);
    let lengths: Vec<usize> = [0usize, 1, 17, 100, 252]
        .iter()
        .map(|&len| {
            let sealed = seal(&c.key, &vec![b'x'; len], CONTEXT, 256, &mut rng).unwrap();
            assert_eq!(sealed.ciphertext.len(), 256 + 16);
            serde_json::to_string(&sealed).unwrap().len()
        })
        .collect();
    assert!(lengths.iter().all(|&l| l == lengths[0]), "{lengths:?}");
    // 256 − 4 (length prefix) = 252 bytes fit; 253 do not.
    assert_eq!(
        seal(&c.key, &[0; 253], CONTEXT, 256, &mut rng),
        Err(CryptoError::PlaintextTooLong {
            len: 253,
            padded_len: 256
        })
    );
    assert!(seal(&c.key, b"", CONTEXT, 3, &mut rng).is_err());
}

#[test]
fn sealed_ballot_json_shape_and_kind() {
    let c = committee(1, 1, 500);
    let sealed = seal(&c.key, b"hi", CONTEXT, 16, &mut rng(501)).unwrap();
    let value: serde_json::Value = serde_json::to_value(&sealed).unwrap();
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["v", "kind", "R", "ct"]);
    assert_eq!(value["v"], 1);
    assert_eq!(value["kind"], "kem-chacha20poly1305");
    assert_eq!(value["ct"].as_str().unwrap().len(), 2 * (16 + 16));
    let back: SealedBallot = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(back, sealed);
    let mut other = value.clone();
    other["kind"] = "elgamal-vector".into();
    assert!(
        serde_json::from_value::<SealedBallot>(other)
            .unwrap_err()
            .to_string()
            .contains("elgamal-vector")
    );
    let mut v2 = value;
    v2["v"] = 2.into();
    assert!(serde_json::from_value::<SealedBallot>(v2).is_err());
}

#[test]
fn files_round_trip_through_json() {
    let c = committee(2, 3, 600);
    let set = sealed_set(&c, 601);
    let shares = c.shares_for(&set, 602);
    fn round_trip<
        T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    >(
        t: &T,
    ) {
        let json = serde_json::to_string_pretty(t).unwrap();
        assert_eq!(&serde_json::from_str::<T>(&json).unwrap(), t);
    }
    round_trip(&c.setup);
    round_trip(&c.round1s[0]);
    round_trip(&c.round2s[0]);
    round_trip(&c.key);
    round_trip(&set);
    round_trip(&shares[0]);
    round_trip(&c.secrets[0]);
    // The set-up's digest is recomputed on reading, not read from the file.
    let back: ElectionSetup =
        serde_json::from_str(&serde_json::to_string(&c.setup).unwrap()).unwrap();
    assert_eq!(back.digest(), c.setup.digest());
}

#[test]
fn setup_is_validated() {
    let mut r = rng(700);
    let secrets = trustees(3, &mut r);
    let publics: Vec<TrusteePublic> = secrets.iter().map(|s| s.public.clone()).collect();
    let id = || ElectionId::parse("e").unwrap();
    assert_eq!(
        ElectionSetup::new(id(), 0, publics.clone()),
        Err(CryptoError::BadThreshold {
            threshold: 0,
            trustees: 3
        })
    );
    assert_eq!(
        ElectionSetup::new(id(), 4, publics.clone()),
        Err(CryptoError::BadThreshold {
            threshold: 4,
            trustees: 3
        })
    );
    let mut twice = publics.clone();
    twice.push(publics[0].clone());
    assert_eq!(
        ElectionSetup::new(id(), 2, twice),
        Err(CryptoError::DuplicateTrustee { name: "t1".into() })
    );
    let mut bad_pop = publics.clone();
    bad_pop[1].proof_of_possession.s =
        PublicScalar(bad_pop[1].proof_of_possession.s.0 + Scalar::ONE);
    assert_eq!(
        ElectionSetup::new(id(), 2, bad_pop),
        Err(CryptoError::BadProofOfPossession { name: "t2".into() })
    );
    assert!(ElectionId::parse("").is_err());
    // A trustee outside the set-up cannot take part.
    let setup = ElectionSetup::new(id(), 2, publics).unwrap();
    let stranger = TrusteeSecret::generate(TrusteeName::parse("eve").unwrap(), &mut r).unwrap();
    assert_eq!(
        dkg_round1(&stranger, &setup, &mut r),
        Err(CryptoError::NotATrustee { name: "eve".into() })
    );
}

// ---- Tamper tests: DKG ----

/// A fresh 2-of-3 DKG up to round 1, for tampering.
fn round1_fixture(
    seed: u64,
) -> (
    ElectionSetup,
    Vec<TrusteeSecret>,
    Vec<DkgRound1>,
    ChaCha20Rng,
) {
    let mut r = rng(seed);
    let secrets = trustees(3, &mut r);
    let setup = setup_for(2, &secrets);
    let messages = round1s(&setup, &secrets, &mut r);
    (setup, secrets, messages, r)
}

#[test]
fn relayed_round1_cannot_be_altered() {
    let (setup, mut secrets, mut messages, mut r) = round1_fixture(800);
    let g = GroupElement::base_times(&Scalar::ONE);
    messages[1].commitments[1] = GroupElement::new(messages[1].commitments[1].point + g.point);
    assert_eq!(
        dkg_round2(&mut secrets[0], &setup, &messages, &mut r),
        Err(CryptoError::BadRound1Signature {
            trustee: "2 (t2)".into()
        })
    );
    assert!(
        secrets[0].shares.is_empty(),
        "nothing stored after a failure"
    );
}

#[test]
fn dealer_with_altered_commitment_is_named() {
    let (setup, mut secrets, mut messages, mut r) = round1_fixture(810);
    // Trustee 2 publishes a commitment that does not match the shares it sent, and signs it.
    let g = GroupElement::base_times(&Scalar::ONE);
    messages[1].commitments[1] = GroupElement::new(messages[1].commitments[1].point + g.point);
    messages[1].sign(&secrets[1], &mut r).unwrap();
    assert_eq!(
        dkg_round2(&mut secrets[0], &setup, &messages, &mut r),
        Err(CryptoError::ShareInconsistent {
            dealer: "2 (t2)".into(),
            recipient: "1 (t1)".into()
        })
    );
}

#[test]
fn dealer_with_altered_constant_commitment_fails_its_proof() {
    let (setup, mut secrets, mut messages, mut r) = round1_fixture(820);
    let g = GroupElement::base_times(&Scalar::ONE);
    messages[2].commitments[0] = GroupElement::new(messages[2].commitments[0].point + g.point);
    messages[2].sign(&secrets[2], &mut r).unwrap();
    assert_eq!(
        dkg_round2(&mut secrets[0], &setup, &messages, &mut r),
        Err(CryptoError::BadCoefficientProof {
            trustee: "3 (t3)".into()
        })
    );
}

#[test]
fn proof_of_knowledge_for_another_index_is_refused() {
    let (setup, mut secrets, mut messages, mut r) = round1_fixture(830);
    // Trustee 3 copies trustee 2's constant commitment and proof (a rogue-key attempt): the
    // proof is bound to index 2.
    messages[2].commitments[0] = messages[1].commitments[0];
    messages[2].constant_proof = messages[1].constant_proof;
    messages[2].sign(&secrets[2], &mut r).unwrap();
    assert_eq!(
        dkg_round2(&mut secrets[0], &setup, &messages, &mut r),
        Err(CryptoError::BadCoefficientProof {
            trustee: "3 (t3)".into()
        })
    );
}

#[test]
fn altered_encrypted_share_is_named() {
    let (setup, mut secrets, mut messages, mut r) = round1_fixture(840);
    messages[1].shares[0].ciphertext.0[5] ^= 0x01;
    messages[1].sign(&secrets[1], &mut r).unwrap();
    assert_eq!(
        dkg_round2(&mut secrets[0], &setup, &messages, &mut r),
        Err(CryptoError::ShareDoesNotDecrypt {
            dealer: "2 (t2)".into(),
            recipient: "1 (t1)".into()
        })
    );
    // Trustee 3's share from trustee 2 is intact: it accepts.
    assert!(dkg_round2(&mut secrets[2], &setup, &messages, &mut r).is_ok());
}

#[test]
fn round1_set_must_be_complete_and_unique() {
    let (setup, mut secrets, messages, mut r) = round1_fixture(850);
    assert_eq!(
        dkg_round2(&mut secrets[0], &setup, &messages[..2], &mut r),
        Err(CryptoError::WrongMessageCount {
            round: 1,
            expected: 3,
            found: 2
        })
    );
    let dup = vec![
        messages[0].clone(),
        messages[1].clone(),
        messages[1].clone(),
    ];
    assert_eq!(
        dkg_round2(&mut secrets[0], &setup, &dup, &mut r),
        Err(CryptoError::DuplicateMessage {
            round: 1,
            trustee: "2 (t2)".into()
        })
    );
    // Another election's round 1 does not fit.
    let other = ElectionSetup::new(
        ElectionId::parse("election-2").unwrap(),
        2,
        secrets.iter().map(|s| s.public.clone()).collect(),
    )
    .unwrap();
    assert!(matches!(
        dkg_round2(&mut secrets[0], &other, &messages, &mut r),
        Err(CryptoError::WrongSetup { .. })
    ));
}

#[test]
fn server_checks_round2() {
    let c = committee(2, 3, 860);
    // A verification key that is not the sum polynomial's value.
    let mut bad_key = c.round2s.clone();
    bad_key[1].verification_key = bad_key[0].verification_key;
    assert_eq!(
        combine_public(&c.setup, &c.round1s, &bad_key),
        Err(CryptoError::BadVerificationKey {
            trustee: "2 (t2)".into()
        })
    );
    // A corrupted proof of knowledge of the share.
    let mut bad_proof = c.round2s.clone();
    bad_proof[2].proof.c = PublicScalar(bad_proof[2].proof.c.0 + Scalar::ONE);
    assert_eq!(
        combine_public(&c.setup, &c.round1s, &bad_proof),
        Err(CryptoError::BadShareProof {
            trustee: "3 (t3)".into()
        })
    );
    // A trustee who saw other round 1 messages.
    let mut r = rng(861);
    let mut secrets = c.secrets.clone();
    let fresh = round1s(&c.setup, &secrets, &mut r);
    let mut mixed = c.round2s.clone();
    mixed[0] = dkg_round2(&mut secrets[0], &c.setup, &fresh, &mut r).unwrap();
    assert_eq!(
        combine_public(&c.setup, &c.round1s, &mixed),
        Err(CryptoError::Round1DigestMismatch {
            trustee: "1 (t1)".into()
        })
    );
    assert_eq!(
        combine_public(&c.setup, &c.round1s, &c.round2s[..2]),
        Err(CryptoError::WrongMessageCount {
            round: 2,
            expected: 3,
            found: 2
        })
    );
}

// ---- Tamper tests: decryption ----

#[test]
fn shares_for_another_set_are_refused() {
    let c = committee(2, 3, 900);
    let set_a = sealed_set(&c, 901);
    let set_b = sealed_set(&c, 902);
    let shares_a = c.shares_for(&set_a, 903);
    let digest_b = set_b.digest();
    assert_eq!(
        verify_decryption_shares(&c.key, &set_b, &digest_b, &shares_a[0]),
        Err(CryptoError::WrongBallotSet {
            trustee: "1".into(),
            expected: digest_b.to_string(),
            found: set_a.digest().to_string(),
        })
    );
    // Relabelling the shares with set B's digest breaks every proof instead.
    let mut relabelled = shares_a[0].clone();
    relabelled.ballot_set = digest_b;
    assert_eq!(
        verify_decryption_shares(&c.key, &set_b, &digest_b, &relabelled),
        Err(CryptoError::BadDecryptionProof {
            trustee: "1".into(),
            position: 0
        })
    );
    match combine_decryption(&c.key, &set_b, &shares_a) {
        Err(CryptoError::NotEnoughShares {
            needed: 2,
            valid: 0,
            rejected,
        }) => {
            assert_eq!(rejected.len(), 3);
            assert!(
                rejected
                    .iter()
                    .all(|e| matches!(e, CryptoError::WrongBallotSet { .. }))
            );
        }
        other => panic!("expected NotEnoughShares, got {other:?}"),
    }
    // A subset of the set (one ballot) is another set: shares of the full set do not fit it.
    let subset = FrozenSet::new(&c.key, CONTEXT.to_vec(), vec![set_a.ballots[1].clone()]);
    assert!(combine_decryption(&c.key, &subset, &shares_a).is_err());
}

#[test]
fn corrupted_proof_is_rejected_and_tolerated_while_k_remain() {
    let c = committee(2, 3, 910);
    let set = sealed_set(&c, 911);
    let mut shares = c.shares_for(&set, 912);
    shares[0].shares[2].proof.s = PublicScalar(shares[0].shares[2].proof.s.0 + Scalar::ONE);
    let digest = set.digest();
    assert_eq!(
        verify_decryption_shares(&c.key, &set, &digest, &shares[0]),
        Err(CryptoError::BadDecryptionProof {
            trustee: "1".into(),
            position: 2
        })
    );
    // A wrong share with the original proof is caught too.
    let mut wrong_share = shares[1].clone();
    wrong_share.shares[1].share = wrong_share.shares[0].share;
    assert_eq!(
        verify_decryption_shares(&c.key, &set, &digest, &wrong_share),
        Err(CryptoError::BadDecryptionProof {
            trustee: "2".into(),
            position: 1
        })
    );
    // Trustees 2 and 3 are still two valid trustees: decryption succeeds and reports trustee 1.
    let opened = combine_decryption(&c.key, &set, &shares).unwrap();
    assert_eq!(opened.plaintexts, expected());
    assert_eq!(
        opened.rejected,
        vec![CryptoError::BadDecryptionProof {
            trustee: "1".into(),
            position: 2
        }]
    );
    // With trustee 2's shares broken as well only one remains.
    let broken = vec![shares[0].clone(), wrong_share, shares[2].clone()];
    assert!(matches!(
        combine_decryption(&c.key, &set, &broken),
        Err(CryptoError::NotEnoughShares {
            needed: 2,
            valid: 1,
            ..
        })
    ));
    // The same trustee twice counts once.
    let twice = vec![shares[2].clone(), shares[2].clone()];
    assert!(matches!(
        combine_decryption(&c.key, &set, &twice),
        Err(CryptoError::NotEnoughShares {
            needed: 2,
            valid: 1,
            ..
        })
    ));
    // Shares from a trustee index outside the committee.
    let mut stranger = shares[2].clone();
    stranger.trustee = 9;
    assert_eq!(
        verify_decryption_shares(&c.key, &set, &digest, &stranger),
        Err(CryptoError::UnknownTrustee(9))
    );
}

#[test]
fn flipped_ciphertext_byte_or_other_context_does_not_open() {
    let c = committee(2, 3, 920);
    let mut set = sealed_set(&c, 921);
    set.ballots[1].ciphertext[10] ^= 0x80;
    let shares = c.shares_for(&set, 922);
    assert_eq!(
        combine_decryption(&c.key, &set, &shares),
        Err(CryptoError::BallotDoesNotOpen { position: 1 })
    );
    let mut set = sealed_set(&c, 921);
    set.context.0 = b"election-1/question-2".to_vec();
    let shares = c.shares_for(&set, 923);
    assert_eq!(
        combine_decryption(&c.key, &set, &shares),
        Err(CryptoError::BallotDoesNotOpen { position: 0 })
    );
}

#[test]
fn trustee_refuses_a_set_of_another_election() {
    let c = committee(2, 3, 930);
    let other = committee(2, 3, 931);
    let set = sealed_set(&other, 932);
    assert!(matches!(
        decryption_shares(c.share(1), &set, &mut rng(933)),
        Err(CryptoError::WrongSetup { .. })
    ));
}

#[test]
fn threaded_work_keeps_ballot_order() {
    // Work is split over threads (from 2 items in tests); order must be kept.
    let c = committee(2, 3, 940);
    let mut r = rng(941);
    let plaintexts: Vec<Vec<u8>> = (0..13u32).map(|i| i.to_be_bytes().to_vec()).collect();
    let ballots = plaintexts
        .iter()
        .map(|p| seal(&c.key, p, CONTEXT, 8, &mut r).unwrap())
        .collect();
    let set = FrozenSet::new(&c.key, CONTEXT.to_vec(), ballots);
    let shares = c.shares_for(&set, 942);
    let opened = combine_decryption(&c.key, &set, &shares[1..]).unwrap();
    assert_eq!(opened.plaintexts, plaintexts);
}

#[test]
fn batched_checks_refuse_a_set_with_one_bad_proof_in_any_chunk() {
    // 13 ballots make five chunks of at most 3 in tests (`parallel::CHUNK`): the batched
    // encoding of commitments must not let one bad proof hide among good ones, wherever it is.
    let c = committee(2, 3, 950);
    let mut r = rng(951);
    let ballots = (0..13u32)
        .map(|i| seal(&c.key, &i.to_be_bytes(), CONTEXT, 8, &mut r).unwrap())
        .collect();
    let set = FrozenSet::new(&c.key, CONTEXT.to_vec(), ballots);
    let digest = set.digest();
    let shares = c.shares_for(&set, 952);
    // Every batched proof also passes the one-at-a-time check, and the batch accepts the set.
    for s in &shares {
        let key = c.key.verification_key(s.trustee).unwrap();
        for (position, share) in s.shares.iter().enumerate() {
            let ctx = [
                u64::from(s.trustee).to_be_bytes(),
                (position as u64).to_be_bytes(),
            ];
            let st = crate::proofs::DleqStatement {
                key,
                base: &set.ballots[position].ephemeral,
                share: &share.share,
            };
            assert!(share.proof.verify(
                &[c.key.setup.as_bytes(), digest.as_bytes(), &ctx[0], &ctx[1]],
                &st
            ));
        }
        assert_eq!(verify_decryption_shares(&c.key, &set, &digest, s), Ok(()));
    }
    for position in [0, 4, 7, 12] {
        let mut bad = shares[1].clone();
        bad.shares[position].proof.c = PublicScalar(bad.shares[position].proof.c.0 + Scalar::ONE);
        assert_eq!(
            verify_decryption_shares(&c.key, &set, &digest, &bad),
            Err(CryptoError::BadDecryptionProof {
                trustee: "2".into(),
                position
            })
        );
        // A share swapped for another ballot's, with its proof, is refused as well.
        let mut swapped = shares[1].clone();
        swapped.shares.swap(position, (position + 1) % 13);
        assert!(matches!(
            verify_decryption_shares(&c.key, &set, &digest, &swapped),
            Err(CryptoError::BadDecryptionProof { .. })
        ));
    }
}

#[test]
fn lists_decoded_in_parallel_name_the_bad_item() {
    // Ballots and shares are decoded on every core after the JSON is read; a bad point must
    // still refuse the whole file and name its position. `edff…7f` is p itself, a
    // non-canonical field element (RFC 9496 §A.2).
    let c = committee(2, 3, 960);
    let set = sealed_set(&c, 961);
    let shares = c.shares_for(&set, 962);
    let bad_point = "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f";
    let mut json = serde_json::to_value(&set).unwrap();
    json["ballots"][2]["R"] = serde_json::json!(bad_point);
    let err = serde_json::from_value::<FrozenSet>(json).unwrap_err();
    assert!(err.to_string().contains("item 2 of the list"), "{err}");
    let mut json = serde_json::to_value(&shares[0]).unwrap();
    json["shares"][1]["D"] = serde_json::json!(bad_point);
    let err = serde_json::from_value::<DecryptionShares>(json).unwrap_err();
    assert!(err.to_string().contains("item 1 of the list"), "{err}");
    // And good files read back unchanged.
    let text = serde_json::to_string(&set).unwrap();
    assert_eq!(serde_json::from_str::<FrozenSet>(&text).unwrap(), set);
}
