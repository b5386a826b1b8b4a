//! The `urna` binary as a user runs it: exit codes, stdout/stderr discipline, and the JSON
//! contract checked against `docs/report.schema.json`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn urna(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_urna"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("urna runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 stderr")
}

fn temp_file(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("urna-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write temp file");
    path
}

/// A failure prints nothing on stdout and exactly one line on stderr, and exits non-zero.
fn assert_clean_failure(o: &Output, needle: &str) {
    assert!(!o.status.success(), "expected failure");
    assert!(o.stdout.is_empty(), "stdout not empty: {}", stdout(o));
    let err = stderr(o);
    assert_eq!(err.lines().count(), 1, "stderr: {err}");
    assert!(err.contains(needle), "stderr {err:?} lacks {needle:?}");
}

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("docs/report.schema.json")).expect("schema");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("valid schema")
}

#[test]
fn example_counts_in_every_format() {
    let file = "examples/board-2021.blt";
    let text = urna(&["tally", file, "--method", "plurality"]);
    assert!(text.status.success(), "{}", stderr(&text));
    // Hand count of the example: first preferences Ada 12, Grace 9+3 = 12, Alan 7+4 = 11,
    // Edsger 5; two seats go to Ada and Grace.
    assert!(
        stdout(&text).contains("Elected: Ada Lovelace, Grace Hopper"),
        "{}",
        stdout(&text)
    );

    let html = urna(&["tally", file, "--method", "plurality", "--format", "html"]);
    assert!(stdout(&html).starts_with("<!DOCTYPE html>"));
    assert!(stdout(&html).contains("<svg"));

    let csv = urna(&["tally", file, "--method", "plurality", "--format", "csv"]);
    let csv = stdout(&csv);
    assert_eq!(csv.lines().next(), Some("Candidate,Stage 1"));
    assert!(csv.contains("Alan Turing,11"));
}

#[test]
fn json_output_follows_the_schema_for_every_method() {
    let validator = schema();
    let ranked = "examples/board-2021.blt";
    let mut checked = 0;
    for method in [
        "plurality",
        "block",
        "schulze",
        "ranked-pairs",
        "minimax",
        "irv",
        "meek",
        "meek-prf",
        "scottish-stv",
        "ers97",
        "wigm",
    ] {
        let seats = if method == "irv" { "1" } else { "2" };
        let o = urna(&[
            "tally", ranked, "--method", method, "--seats", seats, "--format", "json",
        ]);
        assert!(o.status.success(), "{method}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("one JSON object");
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{method}: {errors:?}");
        assert_eq!(v["method"], method);
        checked += 1;
    }
    let approval = temp_file("approval.csv", "A,B,C\n1,1,0\n0,1,\n1,,0\n0,1,1\n");
    for (file, method) in [
        ("examples/star.json", "score"),
        ("examples/star.json", "mj"),
        ("examples/star.json", "star"),
        ("examples/arbcom.csv", "son"),
        (approval.to_str().expect("path"), "approval"),
    ] {
        let o = urna(&["tally", file, "--method", method, "--format", "json"]);
        assert!(o.status.success(), "{method}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("one JSON object");
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{method}: {errors:?}");
        checked += 1;
    }
    // Hand count of the approval file: A 2, B 3, C 1: B is elected.
    let o = urna(&[
        "tally",
        approval.to_str().expect("path"),
        "--method",
        "approval",
        "--seats",
        "1",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["elected"], serde_json::json!(["B"]));
    assert!(checked >= 7);
}

#[test]
fn same_input_same_output() {
    let args = [
        "tally",
        "examples/board-2021.blt",
        "--method",
        "block",
        "--format",
        "json",
    ];
    assert_eq!(urna(&args).stdout, urna(&args).stdout);
}

#[test]
fn malformed_file_names_line_and_column() {
    let path = temp_file("bad.blt", "3 1\n1 1 2 0\n2 1 7 0\n0\n\"A\"\n\"B\"\n\"C\"\n");
    let o = urna(&[
        "tally",
        path.to_str().expect("path"),
        "--method",
        "plurality",
    ]);
    assert_clean_failure(&o, "line 3, column 5: candidate 7 does not exist");
}

#[test]
fn missing_file_unknown_method_and_wrong_ballot_kind_fail_cleanly() {
    assert_clean_failure(
        &urna(&["tally", "no/such.blt", "--method", "meek"]),
        "cannot read no/such.blt",
    );
    assert_clean_failure(
        &urna(&["tally", "examples/board-2021.blt", "--method", "borda"]),
        "unknown method \"borda\"",
    );
    assert_clean_failure(
        &urna(&["tally", "examples/board-2021.blt", "--method", "approval"]),
        "approval counts scored ballots, but this file holds ranked ballots",
    );
    assert_clean_failure(
        &urna(&[
            "tally",
            "examples/board-2021.blt",
            "--method",
            "block",
            "--seats",
            "0",
        ]),
        "seats must be at least 1",
    );
    assert_clean_failure(
        &urna(&[
            "tally",
            "examples/board-2021.blt",
            "--method",
            "son",
            "--min-share",
            "5x",
        ]),
        "--min-share",
    );
}
