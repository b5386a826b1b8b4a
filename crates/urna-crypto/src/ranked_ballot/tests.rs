//! Tests of ranked ballots (record-format A.6): the parameters' `"ranked"` type and its digest,
//! honest ballots that verify and decrypt to their ranks, every flipped bit of the JSON caught,
//! points copied between credentials or positions refused, Benaloh audits, and the shared test
//! vectors `testdata/ranked-vectors.json` (with Lizard points for the browser's encoder).

use std::sync::OnceLock;

use curve25519_dalek::constants::RISTRETTO_BASEPOINT_TABLE;
use curve25519_dalek::ristretto::RistrettoPoint;
use curve25519_dalek::scalar::Scalar;
use proptest::prelude::*;
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use serde_json::Value;

use super::*;
use crate::encoding::to_hex;
use crate::homomorphic::ballot::SIGNATURE_TAG;
use crate::homomorphic::{QuestionParams, TestRng};
use crate::setup::ElectionId;

fn ranked(id: &str, options: usize, max_ranks: u32) -> QuestionParams {
    QuestionParams {
        id: id.to_owned(),
        ballot_type: LayoutType::Ranked { max_ranks },
        options: (0..options).map(|i| format!("c{i}")).collect(),
    }
}

/// Parameters under the key `secret·G`, so that tests can decrypt.
fn params_for(secret: u64, questions: Vec<QuestionParams>) -> ElectionParams {
    ElectionParams::new(
        ElectionId::parse("ranked-1").unwrap(),
        Digest([3; 32]),
        GroupElement::base_times(&Scalar::from(secret)),
        questions,
    )
    .unwrap()
}

fn rng(seed: u64) -> ChaCha20Rng {
    ChaCha20Rng::seed_from_u64(seed)
}

/// `x` as 8 bytes big-endian preceded by its length: one transcript entry (docs/crypto.md §2).
fn length_prefixed(parts: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    for p in parts {
        out.extend_from_slice(&(p.len() as u64).to_be_bytes());
        out.extend_from_slice(p);
    }
    out
}

#[test]
fn ranked_parameters_parse_with_the_section_3_digest() {
    let y = GroupElement::base_times(&Scalar::from(9u64));
    let json = serde_json::json!({
        "election_id": "board-2027",
        "setup": to_hex(&[5; 32]),
        "public_key": y,
        "questions": [{"id": "board", "ballot_type": "ranked", "min": 0, "max": 2,
                       "options": ["ann", "bob", "cy"]}],
    });
    let params: ElectionParams = serde_json::from_value(json.clone()).unwrap();
    assert!(params.is_mixnet());
    assert_eq!(serde_json::to_value(&params).unwrap(), json);
    // §3 with A.6's values: H("urna/v1/election"; id, setup, Y, Q = 1, "board", "ranked",
    // i64(0), i64(2), n = 3, "ann", "bob", "cy").
    use sha2::Digest as _;
    let expected: [u8; 32] = Sha256::digest(length_prefixed(&[
        b"urna/v1/election",
        b"board-2027",
        &[5; 32],
        &y.to_bytes(),
        &1u64.to_be_bytes(),
        b"board",
        b"ranked",
        &0i64.to_be_bytes(),
        &2i64.to_be_bytes(),
        &3u64.to_be_bytes(),
        b"ann",
        b"bob",
        b"cy",
    ]))
    .into();
    assert_eq!(params.digest(), Digest(expected));

    let refused = |question: Value| {
        let mut bad = json.clone();
        bad["questions"] = question;
        serde_json::from_value::<ElectionParams>(bad)
            .unwrap_err()
            .to_string()
    };
    let q = |min: i64, max: i64, n: usize| {
        serde_json::json!([{"id": "board", "ballot_type": "ranked", "min": min, "max": max,
                            "options": (0..n).map(|i| format!("c{i}")).collect::<Vec<_>>()}])
    };
    assert!(refused(q(1, 2, 3)).contains("ranked with min 1 (must be 0)"));
    assert!(refused(q(0, 0, 3)).contains("max 0 ranks and 3 options (need 1 ≤ max ≤ 3)"));
    assert!(refused(q(0, 4, 3)).contains("max 4 ranks and 3 options"));
    assert!(refused(q(0, -1, 3)).contains("ranked max -1 out of range"));
    assert!(refused(q(0, 71, 71)).contains("ranked with 71 options (at most 70)"));
    assert!(
        serde_json::from_value::<ElectionParams>({
            let mut ok = json.clone();
            ok["questions"] = q(0, 70, 70);
            ok
        })
        .is_ok()
    );
    let mixed = serde_json::json!([
        {"id": "board", "ballot_type": "ranked", "min": 0, "max": 2, "options": ["a", "b"]},
        {"id": "budget", "ballot_type": "approval", "min": 0, "max": 1, "options": ["x"]},
    ]);
    let err = refused(mixed);
    assert!(
        err.contains(
            "question \"board\" is ranked but question \"budget\" is approval: a mixnet election has only ranked questions"
        ),
        "{err}"
    );
}

#[test]
fn ballots_of_other_elections_are_refused_both_ways() {
    // A §4 election has no ranked ballots.
    let approval = ElectionParams::new(
        ElectionId::parse("approval").unwrap(),
        Digest([3; 32]),
        GroupElement::base_times(&Scalar::from(2u64)),
        vec![QuestionParams {
            id: "q".into(),
            ballot_type: LayoutType::Approval { min: 0, max: 1 },
            options: vec!["a".into()],
        }],
    )
    .unwrap();
    assert!(!approval.is_mixnet());
    let credential = CredentialSecret::generate(&mut rng(1)).unwrap();
    let err = encrypt_ranked_ballot(&approval, &credential, &[vec![1]], &mut rng(2))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("question \"q\" is approval, not ranked"),
        "{err}"
    );
    // A ballot of another ranked election names both digests.
    let params = params_for(7, vec![ranked("q", 3, 3)]);
    let other = params_for(8, vec![ranked("q", 3, 3)]);
    let (ballot, _) =
        encrypt_ranked_ballot(&other, &credential, &[vec![1, 2, 3]], &mut rng(3)).unwrap();
    let err = ballot.verify(&params).unwrap_err().to_string();
    assert!(
        err.contains(&format!("for election {}", other.digest())),
        "{err}"
    );
    assert!(ballot.verify(&approval).is_err());
}

/// Decrypts each point with the election secret `x` (`β − x·α`) and decodes the ranks (A.1).
fn decrypt(params: &ElectionParams, x: u64, ballot: &EncryptedRankedBallot) -> Vec<Vec<u8>> {
    let x = Scalar::from(x);
    ballot
        .questions
        .iter()
        .zip(params.questions())
        .map(|(ranking, question)| {
            let layout = RankedLayout::new(question.options.len()).unwrap();
            let points: Vec<RistrettoPoint> = ranking
                .points
                .iter()
                .map(|p| p.beta.point - x * p.alpha.point)
                .collect();
            RankedBallot::from_points(&layout, &points)
                .unwrap()
                .ranks()
                .to_vec()
        })
        .collect()
}

#[test]
fn honest_ballots_verify_and_decrypt_to_their_ranks() {
    // 5 candidates (1 point), 30 (2 points: k = 25, as 31^25 < 2^128 < 31^26), 70 (4 points:
    // k = 20).
    let params = params_for(
        13,
        vec![
            ranked("five", 5, 5),
            ranked("thirty", 30, 30),
            ranked("seventy", 70, 70),
        ],
    );
    // Candidates 0..27 ranked 28 down to 1, the last two unranked.
    let thirty: Vec<u8> = (0..30u8).map(|i| 28u8.saturating_sub(i)).collect();
    let seventy: Vec<u8> = (1..=70).collect();
    let cases = [
        vec![vec![2, 0, 1, 3, 0], thirty, seventy],
        // Ties share a rank; an abstention is all zeros.
        vec![vec![1, 1, 2, 0, 0], vec![0; 30], vec![0; 70]],
    ];
    for (i, ranks) in cases.iter().enumerate() {
        let credential = CredentialSecret::generate(&mut rng(10 + i as u64)).unwrap();
        let (ballot, opening) =
            encrypt_ranked_ballot(&params, &credential, ranks, &mut rng(20 + i as u64)).unwrap();
        assert_eq!(
            ballot
                .questions
                .iter()
                .map(|q| q.points.len())
                .collect::<Vec<_>>(),
            vec![1, 2, 4]
        );
        assert_eq!(ballot.mix_vector().len(), 7);
        assert_eq!(ballot.verify(&params).unwrap(), ballot.digest());
        assert_eq!(&decrypt(&params, 13, &ballot), ranks);
        assert_eq!(format!("{opening:?}"), "RankedBallotOpening([redacted])");
        let audited = AuditedRankedBallot::new(&params, &ballot, opening);
        let json = serde_json::to_string(&audited).unwrap();
        let back: AuditedRankedBallot = serde_json::from_str(&json).unwrap();
        assert_eq!(&back.verify().unwrap(), ranks);
    }
}

#[test]
fn rankings_that_break_the_rules_are_not_encrypted() {
    let params = params_for(5, vec![ranked("a", 3, 3), ranked("b", 4, 2)]);
    let credential = CredentialSecret::generate(&mut rng(1)).unwrap();
    let refuse = |ranks: Vec<Vec<u8>>| {
        encrypt_ranked_ballot(&params, &credential, &ranks, &mut rng(2))
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        refuse(vec![vec![1, 3, 0], vec![0; 4]]),
        "answer not allowed: question 0 (\"a\"): rank 2 is skipped although rank 3 is used"
    );
    assert_eq!(
        refuse(vec![vec![1, 2, 3], vec![1, 2, 3, 0]]),
        "answer not allowed: question 1 (\"b\"): 3 options ranked, at most 2 allowed"
    );
    assert_eq!(
        refuse(vec![vec![1, 2, 3]]),
        "answer not allowed: 1 rankings for 2 questions"
    );
    assert_eq!(
        refuse(vec![vec![1, 2], vec![0; 4]]),
        "answer not allowed: question 0 (\"a\"): 2 ranks for 3 candidates"
    );
}

/// A ballot of two questions (4 candidates, then 30: 1 + 2 points), made once.
fn sample() -> &'static (ElectionParams, EncryptedRankedBallot, CredentialSecret) {
    static SAMPLE: OnceLock<(ElectionParams, EncryptedRankedBallot, CredentialSecret)> =
        OnceLock::new();
    SAMPLE.get_or_init(|| {
        let params = params_for(11, vec![ranked("a", 4, 4), ranked("b", 30, 30)]);
        let credential = CredentialSecret::generate(&mut rng(5)).unwrap();
        let mut thirty = vec![0; 30];
        thirty[3] = 1;
        thirty[29] = 2;
        let (ballot, _) = encrypt_ranked_ballot(
            &params,
            &credential,
            &[vec![2, 1, 0, 3], thirty],
            &mut rng(6),
        )
        .unwrap();
        (params, ballot, credential)
    })
}

/// The sample's compact JSON with bit `bit` (mod its length) flipped, as parsed (an error if
/// it no longer parses). With `resign`, unless the flip changed the signature, the ballot is
/// signed again with its credential, as the voter's own device could do, so that the point
/// proofs and the structure checks must catch it.
fn flipped(bit: usize, resign: bool) -> Result<EncryptedRankedBallot, String> {
    let (_, ballot, credential) = sample();
    let mut json = serde_json::to_vec(ballot).unwrap();
    let bit = bit % (8 * json.len());
    json[bit / 8] ^= 1 << (bit % 8);
    let mut altered: EncryptedRankedBallot =
        serde_json::from_slice(&json).map_err(|e| e.to_string())?;
    if resign
        && altered.signature == ballot.signature
        && altered.credential_key == credential.public()
    {
        let digest = altered.digest();
        altered.signature = SchnorrProof::prove(
            SIGNATURE_TAG,
            &[digest.as_bytes()],
            &credential.secret.0,
            &credential.public(),
            &mut rng(bit as u64),
        )
        .unwrap();
    }
    Ok(altered)
}

/// Whether `altered` differs from the sample in a point's `β` and otherwise only in its
/// signature. Nothing proves what a point encrypts (A.6: a ballot that decrypts to garbage is
/// set aside after the mix), so the voter's device may sign any `β`; the signature protects it
/// from everyone else.
fn only_betas_differ(altered: &EncryptedRankedBallot) -> bool {
    let (_, ballot, _) = sample();
    let betas =
        |b: &EncryptedRankedBallot| b.mix_vector().iter().map(|c| c.beta).collect::<Vec<_>>();
    if betas(altered) == betas(ballot) {
        return false;
    }
    let mut restored = altered.clone();
    for (mine, theirs) in restored.questions.iter_mut().zip(&ballot.questions) {
        for (p, q) in mine.points.iter_mut().zip(&theirs.points) {
            p.beta = q.beta;
        }
    }
    restored.signature = ballot.signature;
    restored == *ballot
}

/// The checks `flipped(bit, …)` must fail: without re-signing, always; re-signed by the voter,
/// unless only a `β` changed.
fn check_flip(params: &ElectionParams, bit: usize) -> Result<usize, String> {
    let mut parsed = 0;
    if let Ok(altered) = flipped(bit, false) {
        parsed += 1;
        if altered.verify(params).is_ok() {
            return Err(format!("bit {bit} flipped still verifies"));
        }
    }
    if let Ok(altered) = flipped(bit, true) {
        let verifies = altered.verify(params).is_ok();
        if verifies != only_betas_differ(&altered) {
            return Err(format!(
                "bit {bit} flipped and re-signed: verifies {verifies}, only a β changed {}",
                only_betas_differ(&altered)
            ));
        }
    }
    Ok(parsed)
}

#[test]
fn every_bit_of_the_ballot_json_is_checked() {
    let (params, ballot, _) = sample();
    assert!(ballot.verify(params).is_ok());
    let bits = 8 * serde_json::to_vec(ballot).unwrap().len();
    let mut parsed = 0;
    for bit in 0..bits {
        parsed += check_flip(params, bit).unwrap();
    }
    // A flipped bit in a hexadecimal digit often keeps it a lowercase hex digit (e.g. '0' ↔
    // '1'), so many altered ballots parse: the checks, not only the parser, are exercised.
    assert!(
        parsed > bits / 10,
        "only {parsed} of {bits} altered ballots parsed"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_flipped_bit_makes_parse_or_verify_fail(bit in any::<usize>()) {
        let (params, _, _) = sample();
        prop_assert!(check_flip(params, bit).is_ok(), "{:?}", check_flip(params, bit));
    }
}

#[test]
fn a_point_copied_into_another_ballot_or_position_fails_its_proof() {
    let (params, ballot, _) = sample();
    let other = CredentialSecret::generate(&mut rng(7)).unwrap();
    let (mine, _) =
        encrypt_ranked_ballot(params, &other, &[vec![0; 4], vec![0; 30]], &mut rng(8)).unwrap();
    let resign = |b: &mut EncryptedRankedBallot, signer: &CredentialSecret| {
        let digest = b.digest();
        b.signature = SchnorrProof::prove(
            SIGNATURE_TAG,
            &[digest.as_bytes()],
            &signer.secret.0,
            &signer.public(),
            &mut rng(9),
        )
        .unwrap();
    };
    // The victim's second point of question 1, proof and all, in the attacker's ballot.
    let mut copy = mine.clone();
    copy.questions[1].points[1] = ballot.questions[1].points[1].clone();
    resign(&mut copy, &other);
    assert_eq!(
        copy.verify(params).unwrap_err().to_string(),
        "question 1 (\"b\"), point 1: the proof of knowledge of its randomness does not verify"
    );
    // The whole ballot under the attacker's credential key fails at its first point.
    let mut whole = ballot.clone();
    whole.credential_key = other.public();
    resign(&mut whole, &other);
    assert_eq!(
        whole.verify(params).unwrap_err().to_string(),
        "question 0 (\"a\"), point 0: the proof of knowledge of its randomness does not verify"
    );
    // Swapping the two points of question 1 (the voter's own proofs) breaks their positions.
    let mut swapped = mine.clone();
    swapped.questions[1].points.swap(0, 1);
    resign(&mut swapped, &other);
    assert_eq!(
        swapped.verify(params).unwrap_err().to_string(),
        "question 1 (\"b\"), point 0: the proof of knowledge of its randomness does not verify"
    );
    // A missing point, or a signature by another key.
    let mut short = mine.clone();
    short.questions[1].points.pop();
    assert_eq!(
        short.verify(params).unwrap_err().to_string(),
        "question 1 (\"b\") has 1 points, its 30 options take 2"
    );
    let mut forged = mine.clone();
    forged.signature.s = PublicScalar(forged.signature.s.0 + Scalar::ONE);
    assert!(
        forged
            .verify(params)
            .unwrap_err()
            .to_string()
            .contains("the signature by credential key")
    );
}

#[test]
fn an_audit_catches_other_ranks_or_randomness() {
    let params = params_for(3, vec![ranked("a", 4, 4)]);
    let credential = CredentialSecret::generate(&mut rng(1)).unwrap();
    let (ballot, opening) =
        encrypt_ranked_ballot(&params, &credential, &[vec![1, 2, 0, 0]], &mut rng(2)).unwrap();
    let audited = AuditedRankedBallot::new(&params, &ballot, opening);
    let json = serde_json::to_value(&audited).unwrap();
    assert_eq!(
        json.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["v", "type", "parameters", "ballot", "ranks", "randomness"]
    );
    assert_eq!(json["type"], "audited_ballot");
    assert_eq!(audited.verify().unwrap(), vec![vec![1, 2, 0, 0]]);

    let mut swapped = audited.clone();
    swapped.ranks = vec![vec![2, 1, 0, 0]];
    assert_eq!(
        swapped.verify().unwrap_err().to_string(),
        "audited ballot: question 0 (\"a\"), point 0: the ciphertext is not the encryption of the revealed ranks with the revealed randomness"
    );
    let mut other_r = audited.clone();
    other_r.randomness[0][0] = PublicScalar(other_r.randomness[0][0].0 + Scalar::ONE);
    assert!(
        other_r
            .verify()
            .unwrap_err()
            .to_string()
            .contains("point 0: the ciphertext is not the encryption")
    );
    let mut invalid = audited.clone();
    invalid.ranks = vec![vec![1, 3, 0, 0]];
    assert!(
        invalid
            .verify()
            .unwrap_err()
            .to_string()
            .contains("rank 2 is skipped")
    );
}

// ---- shared test vectors (A.6) ----

/// The first draw of the test generator for `seed` (§10): the vectors' keys and digests are
/// made from it, so that the file depends on nothing else.
fn first_draw(seed: &str) -> Scalar {
    random_scalar(&mut TestRng::new(seed)).unwrap()
}

/// One A.6 case: key, set-up digest and credential derived from the name (as the §10 vectors
/// do); the ballot drawn from `TestRng::new(name)`.
fn vector_case(name: &str, questions: Vec<QuestionParams>, ranks: Vec<Vec<u8>>) -> Value {
    let params = ElectionParams::new(
        ElectionId::parse(&format!("ranked-vectors-{name}")).unwrap(),
        Digest(first_draw(&format!("{name}/setup")).to_bytes()),
        GroupElement::base_times(&first_draw(&format!("{name}/election-key"))),
        questions,
    )
    .unwrap();
    let credential = CredentialSecret::from_hex(&to_hex(
        first_draw(&format!("{name}/credential")).as_bytes(),
    ))
    .unwrap();
    let (ballot, _) =
        encrypt_ranked_ballot(&params, &credential, &ranks, &mut TestRng::new(name)).unwrap();
    let ballot_digest = ballot.verify(&params).unwrap();
    serde_json::json!({
        "name": name,
        "parameters": params,
        "election_digest": params.digest(),
        "credential_secret": credential.to_hex(),
        "ranks": ranks,
        "ballot": ballot,
        "ballot_digest": ballot_digest,
    })
}

/// 16-byte blocks whose Lizard points the browser's encoder must reproduce: the edges, a
/// packed ranking (A.1: 3 candidates ranked 2, 0, 1 → 2 + 0·4 + 1·16 = 18), and bytes that
/// set every bit position somewhere.
fn lizard_inputs() -> Vec<[u8; 16]> {
    let mut eighteen = [0u8; 16];
    eighteen[0] = 18;
    vec![
        [0; 16],
        [0xff; 16],
        eighteen,
        std::array::from_fn(|i| i as u8 + 1),
        std::array::from_fn(|i| 0x80 >> (i % 8)),
        *b"Urna ranked 2027",
    ]
}

fn vectors() -> Value {
    let mut thirty = vec![0u8; 30];
    // Candidates 29, 0, 14 ranked 1, 2, 3: both points (candidates 0–24, 25–29) carry a rank.
    thirty[29] = 1;
    thirty[0] = 2;
    thirty[14] = 3;
    let cases = vec![
        vector_case(
            "five-candidates",
            vec![ranked("board", 5, 5)],
            vec![vec![2, 0, 1, 3, 0]],
        ),
        vector_case(
            "thirty-candidates",
            vec![ranked("committee", 30, 30)],
            vec![thirty],
        ),
        vector_case(
            "two-questions",
            vec![ranked("chair", 3, 1), ranked("board", 6, 6)],
            vec![vec![0, 1, 0], vec![1, 1, 2, 0, 3, 3]],
        ),
        vector_case(
            "abstention",
            vec![ranked("board", 5, 3)],
            vec![vec![0, 0, 0, 0, 0]],
        ),
    ];
    let lizard: Vec<Value> = lizard_inputs()
        .iter()
        .map(|bytes| {
            let point = RistrettoPoint::lizard_encode::<sha2::Sha256>(bytes);
            serde_json::json!({"bytes": to_hex(bytes), "point": to_hex(point.compress().as_bytes())})
        })
        .collect();
    serde_json::json!({"v": 1, "cases": cases, "lizard": lizard})
}

#[test]
fn shared_ranked_vectors_are_reproduced_byte_for_byte() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/ranked-vectors.json");
    let fresh = serde_json::to_string_pretty(&vectors()).unwrap() + "\n";
    if std::env::var_os("URNA_WRITE_VECTORS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &fresh).unwrap();
    }
    let stored = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (URNA_WRITE_VECTORS=1 writes it)", path.display()));
    assert!(
        stored == fresh,
        "{} differs from the regenerated vectors",
        path.display()
    );
    // The stored cases check on their own: each ballot verifies with its digest, decrypts
    // with the election key's secret to the listed ranks, and follows A.6's draw order.
    let stored: Value = serde_json::from_str(&stored).unwrap();
    let cases = stored["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 4);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let params: ElectionParams = serde_json::from_value(case["parameters"].clone()).unwrap();
        assert_eq!(
            serde_json::to_value(params.digest()).unwrap(),
            case["election_digest"]
        );
        let ballot: EncryptedRankedBallot = serde_json::from_value(case["ballot"].clone()).unwrap();
        let digest = ballot.verify(&params).unwrap();
        assert_eq!(serde_json::to_value(digest).unwrap(), case["ballot_digest"]);
        let credential =
            CredentialSecret::from_hex(case["credential_secret"].as_str().unwrap()).unwrap();
        assert_eq!(ballot.credential_key, credential.public());
        let ranks: Vec<Vec<u8>> = serde_json::from_value(case["ranks"].clone()).unwrap();
        let y = first_draw(&format!("{name}/election-key"));
        let x = y.to_bytes();
        let decrypted: Vec<Vec<u8>> = ballot
            .questions
            .iter()
            .zip(params.questions())
            .map(|(ranking, question)| {
                let layout = RankedLayout::new(question.options.len()).unwrap();
                let points: Vec<RistrettoPoint> = ranking
                    .points
                    .iter()
                    .map(|p| p.beta.point - Scalar::from_bytes_mod_order(x) * p.alpha.point)
                    .collect();
                RankedBallot::from_points(&layout, &points)
                    .unwrap()
                    .ranks()
                    .to_vec()
            })
            .collect();
        assert_eq!(decrypted, ranks, "{name}");
        check_draw_order(name, &ballot);
    }
    // The 30-candidate case takes 2 points (k = 25 for base 31, record-format A.1).
    assert_eq!(
        cases[1]["ballot"]["questions"][0]["points"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    for entry in stored["lizard"].as_array().unwrap() {
        let bytes: [u8; 16] = crate::encoding::from_hex(entry["bytes"].as_str().unwrap())
            .unwrap()
            .try_into()
            .unwrap();
        let point = GroupElement::from_bytes(
            crate::encoding::from_hex(entry["point"].as_str().unwrap())
                .unwrap()
                .try_into()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(point.point.lizard_decode::<sha2::Sha256>(), Some(bytes));
    }
}

/// A.6's draw order, checked from outside: every point's `r` first (`α = draw·G`), then each
/// proof's nonce (its commitment `s·G − c·α` is `draw·G`), then the signature's.
fn check_draw_order(name: &str, ballot: &EncryptedRankedBallot) {
    use rand_core::TryRng;
    let mut draws = TestRng::new(name);
    let mut next = || {
        let mut bytes = [0u8; 32];
        draws.try_fill_bytes(&mut bytes).unwrap();
        &Scalar::from_bytes_mod_order(bytes) * RISTRETTO_BASEPOINT_TABLE
    };
    let commitment = |proof: &SchnorrProof, public: &GroupElement| {
        &proof.s.0 * RISTRETTO_BASEPOINT_TABLE - proof.c.0 * public.point
    };
    for ranking in &ballot.questions {
        for point in &ranking.points {
            assert_eq!(point.alpha.point, next(), "{name}");
        }
    }
    for ranking in &ballot.questions {
        for point in &ranking.points {
            assert_eq!(commitment(&point.proof, &point.alpha), next(), "{name}");
        }
    }
    assert_eq!(
        commitment(&ballot.signature, &ballot.credential_key),
        next(),
        "{name}"
    );
}

#[test]
fn ranked_ballots_go_through_two_mixers_and_decrypt_to_the_same_rankings() {
    use crate::shuffle::{
        CiphertextVectors, ShuffleSeed, combine_mixed_decryption, decrypt_mixed, prove_shuffle,
        shuffle, verify_shuffle,
    };
    // A 2-of-3 committee's key; 2 questions of 5 and 30 candidates: W = 1 + 2 = 3 (A.6).
    let committee = crate::tests::committee(2, 3, 41);
    let key = &committee.key;
    let params = ElectionParams::new(
        ElectionId::parse("mixed-1").unwrap(),
        key.setup,
        key.public_key,
        vec![ranked("chair", 5, 5), ranked("board", 30, 30)],
    )
    .unwrap();
    let mut ranked_30 = vec![0u8; 30];
    ranked_30[27] = 1;
    ranked_30[2] = 2;
    let mut rankings = vec![
        vec![vec![1, 2, 3, 4, 5], ranked_30],
        vec![vec![0; 5], vec![0; 30]],
        vec![vec![1, 1, 0, 0, 2], (1..=30).rev().collect()],
    ];
    let mut rng = rng(42);
    let vectors: Vec<_> = rankings
        .iter()
        .map(|ranks| {
            let credential = CredentialSecret::generate(&mut rng).unwrap();
            let (ballot, _) = encrypt_ranked_ballot(&params, &credential, ranks, &mut rng).unwrap();
            ballot.verify(&params).unwrap();
            ballot.mix_vector()
        })
        .collect();
    let mut current = CiphertextVectors::new(vectors).unwrap();
    assert_eq!(current.width(), 3);
    for mixer in ["mixer 1", "mixer 2"] {
        let seed = ShuffleSeed::new(mixer.as_bytes().to_vec()).unwrap();
        let (outputs, witness) = shuffle(key, &current, &mut rng).unwrap();
        let proof = prove_shuffle(key, &seed, &current, &outputs, &witness, &mut rng).unwrap();
        verify_shuffle(key, &seed, &current, &outputs, &proof).unwrap();
        current = outputs;
    }
    let partials: Vec<_> = [1, 3]
        .iter()
        .map(|&t| decrypt_mixed(key, committee.share(t), &current, &mut rng).unwrap())
        .collect();
    let plain = combine_mixed_decryption(key, &current, &partials).unwrap();
    let layouts = [
        RankedLayout::new(5).unwrap(),
        RankedLayout::new(30).unwrap(),
    ];
    let mut decoded: Vec<Vec<Vec<u8>>> = plain
        .vectors
        .iter()
        .map(|points| {
            let (chair, board) = points.split_at(1);
            [chair, board]
                .iter()
                .zip(&layouts)
                .map(|(p, layout)| {
                    RankedBallot::from_points(layout, p)
                        .unwrap()
                        .ranks()
                        .to_vec()
                })
                .collect()
        })
        .collect();
    // The mix hides the order, not the ballots: the same rankings, as multisets.
    decoded.sort();
    rankings.sort();
    assert_eq!(decoded, rankings);
}
