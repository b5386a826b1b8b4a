//! The verifier's published test vectors (`crates/urna-verify/testdata/`) are exactly what
//! `urna dev test-records` makes from its fixed seed: nobody edited them by hand, and a change
//! to any format, proof or count that alters them must come with regenerated vectors (run
//! `cargo run -p urna -- dev test-records`). Whether they pass or fail the verifier's checks is
//! tested in `crates/urna-verify/tests/testdata.rs` and `verify_cli.rs`.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn names(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .expect("readable directory")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".jsonl"))
        .collect()
}

#[test]
fn the_published_test_records_are_regenerated_byte_for_byte() {
    let published = Path::new(env!("CARGO_MANIFEST_DIR")).join("../urna-verify/testdata");
    let fresh = tempfile::tempdir().expect("temporary directory");
    let out = Command::new(env!("CARGO_BIN_EXE_urna"))
        .args(["dev", "test-records"])
        .arg(fresh.path())
        .output()
        .expect("urna runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = names(&published);
    assert_eq!(names(fresh.path()), expected, "the same files");
    // An honest record for each of the 16 methods plus the multi-question one and two mixnet
    // elections, and a tampered record for every check.
    assert_eq!(
        expected.iter().filter(|n| n.starts_with("honest-")).count(),
        19
    );
    for check in ["V1", "V2", "V3", "V4", "V5", "V6", "V7", "V8", "V9", "V10"] {
        let prefix = format!("tampered-{check}-");
        assert!(
            expected.iter().any(|n| n.starts_with(&prefix)),
            "a vector for {check}"
        );
    }
    // And one for every check a mixnet election adds (record format A.7).
    for check in ["V3", "V5", "V6", "V7", "V8"] {
        let prefix = format!("tampered-{check}-mixnet-");
        assert!(
            expected.iter().any(|n| n.starts_with(&prefix)),
            "a mixnet vector for {check}"
        );
    }
    for name in &expected {
        let a = std::fs::read(published.join(name)).expect("published file");
        let b = std::fs::read(fresh.path().join(name)).expect("fresh file");
        assert!(
            a == b,
            "{name} differs from what `urna dev test-records` makes"
        );
    }
}
