//! The records in `testdata/`, written by Urna's own record writer: every `honest-*.jsonl`
//! passes every check, and every `tampered-V<n>-<what>.jsonl` fails check V<n> and no other.
//! For V10 the older record is `tampered-V10-<what>.since.jsonl`.
//! The test fails when the directory holds no honest record, so that it cannot pass empty.

use std::path::{Path, PathBuf};

use urna_verify::{CheckId, VerifyOptions, verify};

fn files(prefix: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    out.retain(|p| {
        p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
            n.starts_with(prefix) && n.ends_with(".jsonl") && !n.ends_with(".since.jsonl")
        })
    });
    out.sort();
    out
}

/// Verifies a record, with `X.since.jsonl` as the older record when it exists (§7).
fn failed(path: &Path) -> Vec<CheckId> {
    let bytes = std::fs::read(path).expect("readable test record");
    let since = std::fs::read(path.with_extension("since.jsonl")).ok();
    let v = verify(
        &bytes,
        &VerifyOptions {
            since,
            up_to_freeze: false,
        },
        &|_| {},
    );
    for c in v.failures() {
        eprintln!("{}: {} {c:?}", path.display(), c.id);
    }
    v.failures().map(|c| c.id).collect()
}

#[test]
fn honest_records_pass_every_check() {
    let honest = files("honest-");
    assert!(
        !honest.is_empty(),
        "testdata/ holds no honest-*.jsonl record"
    );
    for path in honest {
        assert_eq!(failed(&path), vec![], "{}", path.display());
    }
}

#[test]
fn each_tampered_record_fails_exactly_its_check() {
    for path in files("tampered-") {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        // tampered-V<n>-<what>.jsonl
        let id = name
            .trim_start_matches("tampered-")
            .split('-')
            .next()
            .and_then(|v| CheckId::ALL.into_iter().find(|id| id.to_string() == v))
            .unwrap_or_else(|| panic!("{name}: no check id after `tampered-`"));
        assert_eq!(failed(&path), vec![id], "{name}");
    }
}
