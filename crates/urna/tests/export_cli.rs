//! `urna export blt`, `urna export securepoll` and `urna translations export|import` run as a
//! user runs them, against a real SQLite data directory holding the demo election (an
//! approval question and a 2-seat Meek STV question) taken through casting, closing,
//! freezing, decryption and the count by the server's own services.

// Integration tests are separate crates: `allow-unwrap-in-tests` does not reach their helpers.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

use jiff::Timestamp;
use urna_core::ballot::{Answer, PlainBallot};
use urna_core::question::CandidateId;
use urna_crypto::os_rng;
use urna_web::service::{Actor, counting, demo, lifecycle, voting};

fn urna(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_urna"))
        .args(args)
        .arg("--data-dir")
        .arg(dir)
        // No urna.toml or URNA_* settings from the developer's environment.
        .current_dir(dir)
        .env_remove("URNA_DATABASE")
        .env_remove("URNA_DATA_DIR")
        .output()
        .expect("urna runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

fn cid(id: &str) -> CandidateId {
    CandidateId::parse(id).unwrap()
}

fn ballot(logos: &[&str], board: &[&str]) -> PlainBallot {
    PlainBallot {
        answers: vec![
            Answer::Approvals(logos.iter().map(|s| cid(s)).collect()),
            Answer::Ranking(board.iter().map(|s| vec![cid(s)]).collect()),
        ],
    }
}

/// The demo election with three ballots; `count` takes it through the count.
async fn demo_election(dir: &Path, count: bool) {
    let db = urna_store::Db::connect(dir.to_str().unwrap())
        .await
        .unwrap();
    db.migrate().await.unwrap();
    let now = Timestamp::now();
    let keys = dir.join("demo-keys");
    std::fs::create_dir_all(&keys).unwrap();
    let made = demo::create_demo_election(&db, &keys, now).await.unwrap();
    let ballots = [
        ballot(&["owl"], &["ann", "bob", "cleo"]),
        ballot(&["tree"], &["bob", "ann"]),
        ballot(&["owl", "tree"], &["cleo", "bob"]),
    ];
    for (link, b) in made.links.iter().zip(ballots) {
        voting::cast(&db, "demo", link.voter_id, b, now, &mut os_rng())
            .await
            .unwrap();
    }
    if count {
        let now = now.checked_add(jiff::SignedDuration::from_secs(1)).unwrap();
        lifecycle::close(&db, "demo", Actor::System, now)
            .await
            .unwrap();
        counting::freeze(&db, "demo", Actor::System, now, &mut os_rng())
            .await
            .unwrap();
        demo::demo_decrypt(&db, "demo", &keys, now).await.unwrap();
        counting::count(&db, "demo", None, Actor::System, now)
            .await
            .unwrap();
    }
    db.close().await;
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn counted_ballots_export_as_blt_and_recount_to_the_same_result() {
    let dir = tempfile::tempdir().unwrap();
    runtime().block_on(demo_election(dir.path(), true));

    let exported = urna(
        dir.path(),
        &["export", "blt", "--election", "demo", "--question", "board"],
    );
    assert!(exported.status.success(), "{}", text(&exported.stderr));
    let blt = text(&exported.stdout);
    // 5 candidates, 2 seats (BLT header), three ballots of weight 1 each.
    assert!(blt.starts_with("5 2\n"), "{blt}");
    let file = dir.path().join("board.blt");
    std::fs::write(&file, &blt).unwrap();

    // Two independent paths must agree: the server counted the decrypted ballots it holds;
    // `urna tally` recounts the exported file. (By hand: 3 ballots, 2 seats, first
    // preferences Ann, Bob, Cleo one each, so who is elected depends on transfers and the
    // seeded lot; the stored report is the reference, not a pasted output.)
    let recount = Command::new(env!("CARGO_BIN_EXE_urna"))
        .args([
            "tally",
            file.to_str().unwrap(),
            "--method",
            "meek",
            "--format",
            "json",
        ])
        .output()
        .expect("urna runs");
    assert!(recount.status.success(), "{}", text(&recount.stderr));
    let recount: serde_json::Value = serde_json::from_slice(&recount.stdout).unwrap();

    let stored = runtime().block_on(async {
        let db = urna_store::Db::connect(dir.path().to_str().unwrap())
            .await
            .unwrap();
        let rows = urna_web::service::publish::results(&db, "demo", true)
            .await
            .unwrap();
        db.close().await;
        rows.into_iter()
            .find(|r| r.question == "board")
            .unwrap()
            .report
    });
    let elected = |report: &serde_json::Value| -> Vec<String> {
        report["elected"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(elected(&recount).len(), 2);
    assert_eq!(elected(&recount), elected(&stored["report"]));
    assert_eq!(recount["rounds"], stored["report"]["rounds"]);

    // The approval question has no BLT: it is published as CSV.
    let approval = urna(
        dir.path(),
        &["export", "blt", "--election", "demo", "--question", "logo"],
    );
    assert!(!approval.status.success());
    assert!(
        text(&approval.stderr).contains("not ranked or choose-one"),
        "{}",
        text(&approval.stderr)
    );
}

#[test]
fn ballots_are_not_exported_before_the_count() {
    let dir = tempfile::tempdir().unwrap();
    runtime().block_on(demo_election(dir.path(), false));
    let refused = urna(
        dir.path(),
        &["export", "blt", "--election", "demo", "--question", "board"],
    );
    assert!(!refused.status.success());
    let message = text(&refused.stderr);
    assert!(message.contains("sealed until the count"), "{message}");
    assert!(refused.stdout.is_empty());
}

#[test]
fn the_securepoll_export_imports_back_and_translations_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    runtime().block_on(demo_election(dir.path(), false));

    // The demo's questions have different ballot types: SecurePoll has one per election.
    let xml = urna(dir.path(), &["export", "securepoll", "--election", "demo"]);
    assert!(!xml.status.success());
    assert!(
        text(&xml.stderr).contains("one ballot type per election"),
        "{}",
        text(&xml.stderr)
    );

    // Translations: export, then a German file back in. The demo is open, not a draft, so
    // the import is refused and nothing changes; a malformed file is named first.
    let out = dir.path().join("i18n");
    let exported = urna(
        dir.path(),
        &[
            "translations",
            "export",
            "--election",
            "demo",
            "--dir",
            out.to_str().unwrap(),
        ],
    );
    assert!(exported.status.success(), "{}", text(&exported.stderr));
    let en: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("en.json")).unwrap()).unwrap();
    assert_eq!(en["@metadata"]["urna-election"], "demo");
    assert!(
        en["urna-election-demo-board-option-ann"].is_string(),
        "{en}"
    );

    std::fs::write(
        out.join("de.json"),
        r#"{"urna-election-demo-board-text": "Vorstand", "urna-election-demo-nope": "?"}"#,
    )
    .unwrap();
    let bad = urna(
        dir.path(),
        &[
            "translations",
            "import",
            "--election",
            "demo",
            "--dir",
            out.to_str().unwrap(),
        ],
    );
    assert!(!bad.status.success());
    let message = text(&bad.stderr);
    assert!(
        message.contains("de.json: urna-election-demo-nope: the election has no such message"),
        "{message}"
    );
    assert!(message.contains("nothing was changed"), "{message}");
}
