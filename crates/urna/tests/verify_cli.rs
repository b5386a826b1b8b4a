//! `urna verify` end to end: the real binary on records from urna-verify's test writer.
//! Exit status 0 iff no check fails, 1 naming the failing check, 2 on unreadable input.

use std::process::Command;

use urna_verify::testing::standard;

fn urna(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_urna"))
        .args(args)
        .output()
        .expect("urna runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn honest_sealed_record_passes_and_a_tampered_one_names_its_check() {
    let dir = tempfile::tempdir().unwrap();
    let honest = dir.path().join("honest.jsonl");
    let mut w = standard(true);
    std::fs::write(&honest, w.write()).unwrap();
    let (code, out, _) = urna(&["verify", honest.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("V1") && l.contains("pass")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("V6") && l.contains("n/a")),
        "{out}"
    );
    assert_eq!(out.lines().count(), 10, "{out}");

    // The first two events as an older record: V10 passes.
    let text = String::from_utf8(w.write()).unwrap();
    let older = dir.path().join("older.jsonl");
    std::fs::write(
        &older,
        text.split_inclusive('\n').take(2).collect::<String>(),
    )
    .unwrap();
    let (code, out, _) = urna(&[
        "verify",
        honest.to_str().unwrap(),
        "--since",
        older.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(code, 0, "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["passed"], true);
    assert_eq!(json["checks"][9]["status"], "pass");

    // A struck voter's strike removed: the rule now counts 3 ballots, strikes_frozen says 2.
    w.events.retain(|(kind, _)| kind != "strike");
    let tampered = dir.path().join("tampered.jsonl");
    std::fs::write(&tampered, w.write()).unwrap();
    let (code, out, err) = urna(&["verify", tampered.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("V4") && l.contains("FAIL")),
        "{out}"
    );
    assert!(err.contains("V4"), "{err}");
}

#[test]
fn unreadable_input_exits_2_and_garbage_fails_v1() {
    let (code, _, err) = urna(&["verify", "/nonexistent/record.jsonl"]);
    assert_eq!(code, 2, "{err}");
    let dir = tempfile::tempdir().unwrap();
    let garbage = dir.path().join("garbage.jsonl");
    std::fs::write(&garbage, "not json\n").unwrap();
    let (code, out, _) = urna(&["verify", garbage.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with("V1") && out.contains("FAIL line 1"),
        "{out}"
    );
}

#[test]
fn audited_ballot_is_recognised() {
    let mut w = urna_verify::testing::honest(false);
    let parameters = w.events[0].1["parameters"].clone();
    let before = w.draw.0;
    let ballot = w.ballot(0);
    // The writer draws the credential secret, then r_0 and r_1.
    let mut replay = urna_verify::testing::Draw(before);
    replay.next();
    let r: Vec<String> = (0..2)
        .map(|_| urna_verify::encoding::to_hex(replay.next().as_bytes()))
        .collect();
    let audited = serde_json::json!({"v": 1, "type": "audited_ballot", "parameters": parameters,
        "ballot": ballot, "bits": [[1, 0]], "randomness": [r]});
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("audit.json");
    std::fs::write(&path, audited.to_string()).unwrap();
    let (code, out, _) = urna(&["verify", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("[[1, 0]]"), "{out}");
    // The same ballot claimed as the other answer.
    let mut lie = audited.clone();
    lie["bits"] = serde_json::json!([[0, 1]]);
    std::fs::write(&path, lie.to_string()).unwrap();
    let (code, out, _) = urna(&["verify", path.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("FAIL"), "{out}");
}
