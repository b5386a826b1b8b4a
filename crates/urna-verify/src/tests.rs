//! Whole-record tests on small records from the test writer (`testing`): an honest record
//! passes, and each tampering fails exactly its check.

use curve25519_dalek::scalar::Scalar;
use serde_json::{Value, json};

use crate::encoding::to_hex;
use crate::testing::{Draw, Writer, honest, standard};

use crate::{CheckId, Status, VerifyOptions, verify};

fn run(record: &[u8]) -> crate::Verification {
    verify(record, &VerifyOptions::default(), &|_| {})
}

/// Which checks failed.
fn failed(v: &crate::Verification) -> Vec<CheckId> {
    v.failures().map(|c| c.id).collect()
}

#[test]
fn honest_record_passes() {
    let v = run(&standard(false).write());
    assert!(v.passed(), "{v:#?}");
    for id in [
        CheckId::V1,
        CheckId::V2,
        CheckId::V3,
        CheckId::V4,
        CheckId::V5,
        CheckId::V7,
        CheckId::V8,
        CheckId::V9,
    ] {
        assert!(
            matches!(v.status(id), Some(Status::Pass { .. })),
            "{id}: {v:#?}"
        );
    }
    assert!(matches!(
        v.status(CheckId::V6),
        Some(Status::NotApplicable { .. })
    ));
    assert!(matches!(
        v.status(CheckId::V10),
        Some(Status::NotApplicable { .. })
    ));
    // V7's detail names the two trustees used.
    match v.status(CheckId::V7) {
        Some(Status::Pass { detail }) => assert!(detail.contains("[1, 2]"), "{detail}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn decrypted_totals_are_the_hand_count() {
    let w = standard(false);
    let record = w.write();
    let events = crate::record::parse(&record).unwrap();
    let setup = crate::record::Setup::read(&events[0].body().unwrap()).unwrap();
    let (status, totals) = crate::checks::v7(&events, &setup);
    assert!(matches!(status, Status::Pass { .. }), "{status:?}");
    assert_eq!(totals, Some(vec![2, 1]));
}

/// Tampers with the standard election's events, rewrites the record and returns the failed checks.
fn tampered(change: impl FnOnce(&mut Writer)) -> (Vec<CheckId>, crate::Verification) {
    let mut w = standard(false);
    change(&mut w);
    let v = run(&w.write());
    (failed(&v), v)
}

fn event<'a>(w: &'a mut Writer, kind: &str, nth: usize) -> &'a mut Value {
    &mut w
        .events
        .iter_mut()
        .filter(|(k, _)| k == kind)
        .nth(nth)
        .unwrap()
        .1
}

#[test]
fn v1_the_recorded_election_digest_changed() {
    // Every check uses the digest recomputed from the parameters (§7), so only V1 reports
    // a recorded one that differs.
    let (f, v) = tampered(|w| event(w, "setup", 0)["election_digest"] = json!(to_hex(&[5u8; 32])));
    assert_eq!(f, vec![CheckId::V1], "{v:#?}");
}

#[test]
fn v2_a_proof_of_possession_changed() {
    let (f, v) = tampered(|w| {
        let t =
            &mut event(w, "setup", 0)["trustee_setup"]["trustees"][1]["proof_of_possession"]["s"];
        *t = json!(to_hex(Scalar::ONE.as_bytes()));
    });
    assert_eq!(f, vec![CheckId::V2], "{v:#?}");
    match v.status(CheckId::V2) {
        Some(Status::Fail { item, .. }) => assert_eq!(item, "trustee 2"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn v3_a_bit_proof_changed_and_a_copied_ballot() {
    let (f, v) = tampered(|w| {
        event(w, "ballot", 1)["ballot"]["questions"][0]["bits"][1]["proof"][0]["s"] =
            json!(to_hex(Scalar::ONE.as_bytes()));
    });
    assert_eq!(f, vec![CheckId::V3], "{v:#?}");
    match v.status(CheckId::V3) {
        Some(Status::Fail { item, reason }) => {
            assert!(item.starts_with("height 3, credential 0202"), "{item}");
            assert!(reason.contains("question 0, bit 1"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    // Credential 3 posts credential 2's ballot (struck later, so the count is unchanged).
    let (f, v) = tampered(|w| {
        let copy = event(w, "ballot", 1)["ballot"].clone();
        event(w, "ballot", 2)["ballot"] = copy;
    });
    assert!(f.contains(&CheckId::V3), "{v:#?}");
}

#[test]
fn v4_the_frozen_count_changed_and_a_late_strike() {
    let (f, v) = tampered(|w| event(w, "strikes_frozen", 0)["counted"] = json!(3));
    assert_eq!(f, vec![CheckId::V4], "{v:#?}");
    let (f, v) = tampered(|w| {
        // A strike of an uncounted credential after the freeze, before the tally.
        let at = w
            .events
            .iter()
            .position(|(k, _)| k == "strikes_frozen")
            .unwrap();
        w.events.insert(
            at + 1,
            ("strike".into(), json!({"credential": to_hex(&[3u8; 16])})),
        );
    });
    assert_eq!(f, vec![CheckId::V4], "{v:#?}");
}

#[test]
fn v5_the_tally_digest_changed() {
    let (f, v) = tampered(|w| {
        let bad = to_hex(&[9u8; 32]);
        event(w, "encrypted_tally", 0)["tally_digest"] = json!(bad);
        for l in 0..2 {
            event(w, "partial_decryption", l)["tally_digest"] = json!(bad);
        }
    });
    // The shares' proofs bind the old digest: V7 fails too, which is right (they do not
    // decrypt the recorded tally). V5 names the digest.
    assert!(f.contains(&CheckId::V5), "{v:#?}");
    // A ciphertext of the tally replaced by another: V5 names the position.
    let (f, v) = tampered(|w| {
        let other = event(w, "encrypted_tally", 0)["ciphertexts"][0].clone();
        event(w, "encrypted_tally", 0)["ciphertexts"][1] = other;
    });
    assert!(f.contains(&CheckId::V5), "{v:#?}");
    match v.status(CheckId::V5) {
        Some(Status::Fail { item, .. }) => assert!(item.ends_with("position 1"), "{item}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn v7_a_decryption_share_changed() {
    let (f, v) = tampered(|w| {
        let d = event(w, "partial_decryption", 1)["shares"][0]["D"].clone();
        event(w, "partial_decryption", 1)["shares"][1]["D"] = d;
    });
    assert_eq!(f, vec![CheckId::V7], "{v:#?}");
    match v.status(CheckId::V7) {
        Some(Status::Fail { item, .. }) => {
            assert!(item.ends_with("trustee 2, position 1"), "{item}")
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        v.status(CheckId::V8),
        Some(Status::NotApplicable { .. })
    ));
}

#[test]
fn v8_input_totals_changed() {
    let mut w = standard(false);
    event(&mut w, "result", 0)["input"]["totals"]["per_option"] = json!([1, 2]);
    let v = run(&w.write());
    match v.status(CheckId::V8) {
        Some(Status::Fail { item, reason }) => {
            assert!(item.ends_with("question q1"), "{item}");
            assert!(reason.contains("[2, 1]"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(failed(&v), vec![CheckId::V8]);
}

#[test]
fn v9_a_signature_and_the_last_tree_head() {
    let mut w = standard(false);
    let mut record = w.write();
    // Swap two characters inside the last tree head's signature: its line hash changes too,
    // but it is the last line, so only its signature is wrong.
    let text = String::from_utf8(record.clone()).unwrap();
    let last = text.trim_end().rsplit('\n').next().unwrap();
    let sig = last.find("\"s\":\"").unwrap() + 5;
    let at = text.len() - 1 - last.len() + sig;
    record[at] = if record[at] == b'0' { b'1' } else { b'0' };
    let v = run(&record);
    assert_eq!(failed(&v), vec![CheckId::V9], "{v:#?}");
    // A record that does not end with a tree head.
    w.events.pop();
    let v = run(&w.write());
    assert!(failed(&v).contains(&CheckId::V9));
}

#[test]
fn v10_prefix_and_tree_head() {
    let w = standard(false);
    let record = w.write();
    let text = std::str::from_utf8(&record).unwrap();
    let first_five: String = text.split_inclusive('\n').take(5).collect();
    let opts = |since: &[u8]| VerifyOptions {
        since: Some(since.to_vec()),
        up_to_freeze: false,
    };
    let v = verify(&record, &opts(first_five.as_bytes()), &|_| {});
    assert!(
        matches!(v.status(CheckId::V10), Some(Status::Pass { .. })),
        "{v:#?}"
    );
    // The third line's tree head (height 4) as a tree head JSON.
    let head: Value = serde_json::from_str(text.split('\n').nth(4).unwrap()).unwrap();
    let v = verify(&record, &opts(head["body"].to_string().as_bytes()), &|_| {});
    assert!(
        matches!(v.status(CheckId::V10), Some(Status::Pass { .. })),
        "{v:#?}"
    );
    // An older record whose ballot differs.
    let other = standard_with_other_ballot();
    let v = verify(&record, &opts(&other), &|_| {});
    assert!(
        matches!(v.status(CheckId::V10), Some(Status::Fail { .. })),
        "{v:#?}"
    );
}

fn standard_with_other_ballot() -> Vec<u8> {
    let mut w = standard(false);
    event(&mut w, "ballot", 0)["weight"] = json!(5);
    w.write()
}

#[test]
fn trustee_mode_stops_at_the_freeze() {
    let record = standard(false).write();
    let v = verify(
        &record,
        &VerifyOptions {
            since: None,
            up_to_freeze: true,
        },
        &|_| {},
    );
    assert!(v.passed(), "{v:#?}");
    assert!(matches!(v.status(CheckId::V5), Some(Status::Pass { .. })));
    assert!(matches!(
        v.status(CheckId::V8),
        Some(Status::NotApplicable { .. })
    ));
}

#[test]
fn audited_ballot_checks_the_revealed_randomness() {
    // Build an audited ballot by hand: the parameters, one ballot, its bits and randomness.
    let mut w = honest(false);
    let parameters = event(&mut w, "setup", 0)["parameters"].clone();
    let before = w.draw.0;
    let ballot = w.ballot(1);
    // Ballot draws: 1 credential secret, then r_0, r_1 (see `Writer::ballot`).
    let mut replay = Draw(before);
    replay.next();
    let r: Vec<String> = (0..2).map(|_| to_hex(replay.next().as_bytes())).collect();
    let audited = json!({"v": 1, "type": "audited_ballot", "parameters": parameters, "ballot": ballot, "bits": [[0, 1]], "randomness": [r.clone()]});
    let bytes = audited.to_string().into_bytes();
    assert!(crate::is_audited_ballot(&bytes));
    let audit = crate::verify_audited_ballot(&bytes).unwrap();
    assert_eq!(audit.bits, vec![vec![0, 1]]);
    // Claiming the other answer fails, naming the bit.
    let lie = json!({"v": 1, "type": "audited_ballot", "parameters": audited["parameters"], "ballot": audited["ballot"], "bits": [[1, 0]], "randomness": [r]});
    let err = crate::verify_audited_ballot(lie.to_string().as_bytes()).unwrap_err();
    assert!(err.to_string().contains("question 0, bit 0"), "{err}");
}

mod fuzz {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = super::run(&bytes);
            let _ = crate::verify_audited_ballot(&bytes);
        }

        #[test]
        fn mutated_records_never_panic(edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..4)) {
            let mut record = super::standard(false).write();
            for (at, byte) in edits {
                let i = at.index(record.len());
                record[i] = byte;
            }
            let _ = super::run(&record);
        }
    }
}

#[test]
fn sealed_record_passes_and_its_recount_is_checked() {
    let mut w = standard(true);
    let v = run(&w.write());
    assert!(v.passed(), "{v:#?}");
    for id in [CheckId::V5, CheckId::V6, CheckId::V7] {
        assert!(
            matches!(v.status(id), Some(Status::NotApplicable { .. })),
            "{id}"
        );
    }
    assert!(matches!(v.status(CheckId::V8), Some(Status::Pass { .. })));
    // The decrypted ballots changed: by hand, ann 2 and bob 1 become ann 1 and bob 2, so
    // the published report (ann elected) no longer recounts.
    event(&mut w, "decrypted_ballots", 0)["ballots"] =
        json!("2 1\n2 2 0\n1 1 0\n0\n\"ann\"\n\"bob\"\n\"q1\"\n");
    let v = run(&w.write());
    assert_eq!(failed(&v), vec![CheckId::V8], "{v:#?}");
    // Credential 1's ballot (weight 1) missing: weight 2, not the counted 3.
    event(&mut w, "decrypted_ballots", 0)["ballots"] =
        json!("2 1\n2 1 0\n0\n\"ann\"\n\"bob\"\n\"q1\"\n");
    let v = run(&w.write());
    assert_eq!(failed(&v), vec![CheckId::V8], "{v:#?}");
    // The right weight (3) in three lines, more than the two counted ballots.
    event(&mut w, "decrypted_ballots", 0)["ballots"] =
        json!("2 1\n1 1 0\n1 1 0\n1 2 0\n0\n\"ann\"\n\"bob\"\n\"q1\"\n");
    let v = run(&w.write());
    assert_eq!(failed(&v), vec![CheckId::V8], "{v:#?}");
}

#[test]
fn sealed_ballots_must_be_well_formed() {
    let mut w = standard(true);
    event(&mut w, "ballot", 2)["sealed"]["ct"] = json!(to_hex(&[1u8; 81]));
    let v = run(&w.write());
    assert_eq!(failed(&v), vec![CheckId::V3], "{v:#?}");
}

#[test]
fn sealed_v4_tamper_fails_only_v4() {
    // strikes_frozen claims 3 ballots; the rule counts 2 (see `standard`). V8 recounts
    // against the rule's set, so only V4 fails.
    let mut w = standard(true);
    event(&mut w, "strikes_frozen", 0)["counted"] = json!(3);
    let v = run(&w.write());
    assert_eq!(failed(&v), vec![CheckId::V4], "{v:#?}");
}

#[test]
fn v8_input_counts_must_be_the_tallys() {
    // The tally's digest commits to 2 ballots of weight 3 (see `standard`); the input claims 3.
    let mut w = standard(false);
    event(&mut w, "result", 0)["input"]["ballots"] = json!(3);
    let v = run(&w.write());
    assert_eq!(failed(&v), vec![CheckId::V8], "{v:#?}");
}
