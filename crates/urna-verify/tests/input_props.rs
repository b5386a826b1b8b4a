//! The verifier against hostile records (issue 8, Inputs), in CI: arbitrary bytes and
//! mutations of an honest record (`testdata/honest-mj.jsonl`). It never panics and always
//! gives one outcome per check; a line that is not JSON fails V1 naming that line; and any
//! changed byte of an honest record fails at least one check. The same reader is fuzzed by
//! `fuzz/fuzz_targets/record.rs`.

use proptest::prelude::*;
use urna_verify::{CheckId, Status, Verification, VerifyOptions, verify};

const HONEST: &[u8] = include_bytes!("../testdata/honest-mj.jsonl");

fn run(record: &[u8]) -> Verification {
    verify(
        record,
        &VerifyOptions {
            since: None,
            up_to_freeze: false,
        },
        &|_| {},
    )
}

fn lines() -> Vec<&'static [u8]> {
    let body = HONEST
        .strip_suffix(b"\n")
        .expect("the record ends with a line break");
    body.split(|&b| b == b'\n').collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_get_one_outcome_per_check(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let verification = run(&bytes);
        prop_assert_eq!(verification.checks.len(), CheckId::ALL.len());
        // Nothing that short is a whole election: V1 fails.
        prop_assert!(verification.failures().any(|c| c.id == CheckId::V1));
    }
}

proptest! {
    // Each case verifies a whole record (every proof of every ballot): about 5 ms.
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A line cut short (its closing brace dropped) is not JSON: the record is unreadable,
    /// V1 fails naming that line (1-based) and every other check is not applicable.
    #[test]
    fn a_line_that_is_not_json_is_the_line_named(pick in any::<usize>()) {
        let lines = lines();
        let n = pick % lines.len();
        let mut edited: Vec<Vec<u8>> = lines.iter().map(|l| l.to_vec()).collect();
        edited[n].pop();
        let record = [edited.join(&b'\n'), b"\n".to_vec()].concat();
        let verification = run(&record);
        let v1 = &verification.checks[0];
        prop_assert_eq!(v1.id, CheckId::V1);
        match &v1.status {
            Status::Fail { item, .. } => prop_assert_eq!(item, &format!("line {}", n + 1)),
            other => prop_assert!(false, "V1: {other:?}"),
        }
        let rest_not_applicable = verification.checks[1..]
            .iter()
            .all(|c| matches!(c.status, Status::NotApplicable { .. }));
        prop_assert!(rest_not_applicable, "{:?}", verification.checks);
    }

    /// Any byte changed, inserted or removed anywhere in an honest record is caught by
    /// some check (every line is hashed into the signed Merkle tree).
    #[test]
    fn any_edit_of_an_honest_record_fails_a_check(
        at in any::<usize>(),
        edit in prop_oneof![
            any::<u8>().prop_map(Some),
            Just(None),
        ],
    ) {
        let mut record = HONEST.to_vec();
        let at = at % record.len();
        match edit {
            Some(b) if record[at] != b => record[at] = b,
            Some(b) => record.insert(at, b),
            None => {
                record.remove(at);
            }
        }
        let verification = run(&record);
        prop_assert_eq!(verification.checks.len(), CheckId::ALL.len());
        prop_assert!(
            verification.failures().next().is_some(),
            "an edit at byte {at} passed every check"
        );
    }
}

#[test]
fn the_unedited_record_passes_every_check() {
    // So that the edits above start from a record that passes.
    let verification = run(HONEST);
    let failed: Vec<CheckId> = verification.failures().map(|c| c.id).collect();
    assert_eq!(failed, vec![]);
}

/// The records `scripts/fuzz` kept (`fuzz/corpus/record/`), replayed as the fuzz target
/// checks them, so that what fuzzing once reached stays covered in CI.
#[test]
fn the_record_fuzz_corpus_gets_one_outcome_per_check() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/record");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} is empty", dir.display());
    for path in files {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if urna_verify::is_audited_ballot(&bytes) {
            let _ = urna_verify::verify_audited_ballot(&bytes);
            continue;
        }
        for up_to_freeze in [false, true] {
            let verification = verify(
                &bytes,
                &VerifyOptions {
                    since: None,
                    up_to_freeze,
                },
                &|_| {},
            );
            assert_eq!(
                verification.checks.len(),
                CheckId::ALL.len(),
                "{}",
                path.display()
            );
        }
    }
}
