//! The encrypted ballot a voter's browser posts (`cast-encrypted`, docs/record-format.md §4)
//! against hostile input (issue 8, Inputs), in CI: arbitrary bytes and byte edits of the
//! shared test vectors' ballots (`testdata/e2e-vectors.json`) are refused as JSON or fail
//! verification, never panic; and no edit that still reads as a different ballot verifies.
//! The same reader is fuzzed by `fuzz/fuzz_targets/encrypted_ballot.rs`.

use proptest::prelude::*;
use serde_json::Value;
use urna_crypto::{ElectionParams, EncryptedBallot};

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
