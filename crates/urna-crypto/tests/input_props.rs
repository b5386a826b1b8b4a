//! The encrypted ballot a voter's browser posts (`cast-encrypted`, docs/record-format.md §4)
//! against hostile input (issue 8, Inputs), in CI: arbitrary bytes and byte edits of the
//! shared test vectors' ballots (`testdata/e2e-vectors.json`) are refused as JSON or fail
//! verification, never panic; and no edit that still reads as a different ballot verifies.
//! The same reader is fuzzed by `fuzz/fuzz_targets/encrypted_ballot.rs`.
//!
//! Likewise the trustees' key-ceremony files the server accepts (round 1 and round 2): an
//! edited message never yields an election key (`fuzz/fuzz_targets/dkg_messages.rs`).

use proptest::prelude::*;
use serde_json::Value;
use urna_crypto::{
    DkgRound1, DkgRound2, ElectionParams, ElectionSetup, EncryptedBallot, combine_public,
};

const VECTORS: &str = include_str!("../testdata/e2e-vectors.json");

/// Each vector's election parameters and its ballot as JSON text.
fn cases() -> Vec<(ElectionParams, String)> {
    let vectors: Value = serde_json::from_str(VECTORS).expect("the vectors are JSON");
    vectors["cases"]
        .as_array()
        .expect("a list of cases")
        .iter()
        .map(|case| {
            let params = serde_json::from_value(case["parameters"].clone()).expect("parameters");
            (params, case["ballot"].to_string())
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_are_refused_or_checked_without_a_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..400),
    ) {
        if let Ok(ballot) = serde_json::from_slice::<EncryptedBallot>(&bytes) {
            for (params, _) in cases() {
                let _ = ballot.verify(&params);
            }
        }
    }

    /// One byte of a valid ballot's JSON replaced: either it no longer reads, or it reads as
    /// the same ballot (a space where JSON allows one), or it reads as another ballot, whose
    /// proofs, signature or election digest then fail.
    #[test]
    fn an_edited_valid_ballot_never_verifies(
        which in any::<usize>(),
        at in any::<usize>(),
        byte in proptest::sample::select(b"0123456789abcdef\",:[]{}-1 ".to_vec()),
    ) {
        let cases = cases();
        let (params, json) = &cases[which % cases.len()];
        let original: EncryptedBallot = serde_json::from_str(json).expect("the vector's ballot");
        prop_assert!(original.verify(params).is_ok(), "the unedited ballot verifies");
        let mut bytes = json.clone().into_bytes();
        let at = at % bytes.len();
        prop_assume!(bytes[at] != byte);
        bytes[at] = byte;
        let Ok(edited) = serde_json::from_slice::<EncryptedBallot>(&bytes) else {
            return Ok(());
        };
        if edited == original {
            return Ok(());
        }
        prop_assert!(
            edited.verify(params).is_err(),
            "byte {at} set to {:?} still verifies",
            byte as char
        );
    }
}

/// The inputs `scripts/fuzz` kept (`fuzz/corpus/encrypted_ballot/`), replayed as the fuzz
/// target checks them, so that what fuzzing once reached stays covered in CI.
#[test]
fn the_encrypted_ballot_fuzz_corpus_is_refused_or_checked_without_a_panic() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/encrypted_ballot");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} is empty", dir.display());
    let cases = cases();
    for path in files {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if let Ok(ballot) = serde_json::from_slice::<EncryptedBallot>(&bytes) {
            for (params, _) in &cases {
                let _ = ballot.verify(params);
            }
        }
    }
}

/// The honest key ceremony of a published record's `setup` event: the set-up, and each
/// trustee's round 1 and round 2 message as JSON text.
fn ceremony() -> (ElectionSetup, Vec<String>, Vec<String>) {
    let record = include_str!("../../urna-verify/testdata/honest-mj.jsonl");
    let setup_line = record.lines().next().expect("a setup line");
    let event: Value = serde_json::from_str(setup_line).expect("JSON");
    let body = &event["body"];
    let texts = |round: &str| -> Vec<String> {
        body["dkg"][round]
            .as_array()
            .expect("messages")
            .iter()
            .map(Value::to_string)
            .collect()
    };
    let setup = serde_json::from_value(body["trustee_setup"].clone()).expect("the set-up");
    (setup, texts("round1"), texts("round2"))
}

fn parse_all<T: serde::de::DeserializeOwned>(texts: &[String]) -> Vec<T> {
    texts
        .iter()
        .map(|t| serde_json::from_str(t).expect("an honest message"))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// One byte of one trustee's round 1 or round 2 file replaced: it no longer reads, reads
    /// as the same message, or reads as another one, and then the ceremony yields no key.
    #[test]
    fn an_edited_ceremony_file_never_yields_an_election_key(
        round in 1usize..=2,
        which in any::<usize>(),
        at in any::<usize>(),
        byte in proptest::sample::select(b"0123456789abcdef\",:[]{}-1 ".to_vec()),
    ) {
        let (setup, round1_texts, round2_texts) = ceremony();
        let round1s: Vec<DkgRound1> = parse_all(&round1_texts);
        let round2s: Vec<DkgRound2> = parse_all(&round2_texts);
        prop_assert!(combine_public(&setup, &round1s, &round2s).is_ok(), "honest ceremony");
        let texts = if round == 1 { &round1_texts } else { &round2_texts };
        let slot = which % texts.len();
        let mut bytes = texts[slot].clone().into_bytes();
        let at = at % bytes.len();
        prop_assume!(bytes[at] != byte);
        bytes[at] = byte;
        let key = if round == 1 {
            let Ok(edited) = serde_json::from_slice::<DkgRound1>(&bytes) else { return Ok(()) };
            if edited == round1s[slot] { return Ok(()) }
            let mut round1s = round1s.clone();
            round1s[slot] = edited;
            combine_public(&setup, &round1s, &round2s)
        } else {
            let Ok(edited) = serde_json::from_slice::<DkgRound2>(&bytes) else { return Ok(()) };
            if edited == round2s[slot] { return Ok(()) }
            let mut round2s = round2s.clone();
            round2s[slot] = edited;
            combine_public(&setup, &round1s, &round2s)
        };
        prop_assert!(key.is_err(), "byte {} of message {} of round {} set to {:?}", at, slot, round, byte as char);
    }

    #[test]
    fn any_bytes_as_a_ceremony_file_never_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..400),
    ) {
        let (setup, round1_texts, round2_texts) = ceremony();
        let round1s: Vec<DkgRound1> = parse_all(&round1_texts);
        let round2s: Vec<DkgRound2> = parse_all(&round2_texts);
        if let Ok(message) = serde_json::from_slice::<DkgRound1>(&bytes) {
            let _ = message.verify_public(&setup);
            let _ = combine_public(&setup, &[message], &round2s);
        }
        if let Ok(message) = serde_json::from_slice::<DkgRound2>(&bytes) {
            let _ = combine_public(&setup, &round1s, &[message]);
        }
    }
}

/// The ceremony files `scripts/fuzz` kept (`fuzz/corpus/dkg_messages/`), replayed with the
/// fuzz target's check: only the honest message yields the election key.
#[test]
fn the_ceremony_fuzz_corpus_never_yields_a_key_from_a_changed_message() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/dkg_messages");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} is empty", dir.display());
    let (setup, round1_texts, round2_texts) = ceremony();
    let round1s: Vec<DkgRound1> = parse_all(&round1_texts);
    let round2s: Vec<DkgRound2> = parse_all(&round2_texts);
    for path in files {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if let Ok(message) = serde_json::from_slice::<DkgRound1>(&bytes) {
            let mut edited = round1s.clone();
            let slot = (message.dealer as usize).wrapping_sub(1) % edited.len();
            let honest = edited[slot] == message;
            edited[slot] = message;
            let key = combine_public(&setup, &edited, &round2s);
            assert!(honest || key.is_err(), "{}", path.display());
        }
        if let Ok(message) = serde_json::from_slice::<DkgRound2>(&bytes) {
            let mut edited = round2s.clone();
            let slot = (message.trustee as usize).wrapping_sub(1) % edited.len();
            let honest = edited[slot] == message;
            edited[slot] = message;
            let key = combine_public(&setup, &round1s, &edited);
            assert!(honest || key.is_err(), "{}", path.display());
        }
    }
}
