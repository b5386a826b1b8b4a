//! `urna eligibility` against a real MediaWiki (skipped with a message where Debian's package
//! is not installed): rules from a file, a fetch of an account list, an explanation, the
//! voter list; and, ignored by default, the bulk throughput on 2,000 accounts
//! (`cargo nextest run -p urna --test eligibility --run-ignored ignored-only --no-capture`).

#![allow(clippy::unwrap_used)]

#[path = "../../urna-web/tests/wiki/mediawiki.rs"]
mod mediawiki;

use std::process::Command;
use std::time::Instant;

use jiff::Timestamp;
use serde_json::json;
use urna_core::election::ElectionSpec;
use urna_web::service::{Actor, elections};

use mediawiki::{WIKI_ID, Wiki};

/// A data directory with a migrated SQLite database holding a draft election `slug`.
async fn data_dir_with_draft(slug: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let db = urna_store::Db::connect(dir.path().to_str().unwrap())
        .await
        .unwrap();
    db.migrate().await.unwrap();
    let id = urna_core::election::ElectionId::generate().unwrap();
    let name = |n: &str| json!({"default": "en", "texts": {"en": n}});
    let spec: ElectionSpec = serde_json::from_value(json!({
        "id": id, "slug": slug, "languages": ["en"], "title": name("Board election"),
        "window": {"opens": "2030-01-10T12:00:00Z", "closes": "2030-01-20T12:00:00Z", "zone": "UTC"},
        "questions": [
            {"id": "q", "title": name("Q"), "description": null,
             "ballot_type": {"type": "approval", "min": 0, "max": 2}, "method": "approval",
             "seats": 1, "options": [{"id": "a", "name": name("A")}, {"id": "b", "name": name("B")}]}
        ]
    }))
    .unwrap();
    elections::create_election(&db, spec, None, Actor::System, Timestamp::now())
        .await
        .unwrap();
    db.close().await;
    dir
}

fn urna(dir: &tempfile::TempDir, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_urna"))
        .arg("eligibility")
        .args(args)
        .arg("--data-dir")
        .arg(dir.path())
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "urna eligibility {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rules_fetch_explain_and_fill_from_the_command_line() {
    let Some(wiki) = Wiki::start() else { return };
    // Ann: 3 edits; Bo: 1 edit (3 needed).
    wiki.fixture(&json!({
        "users": [{"name": "Ann"}, {"name": "Bo"}],
        "edits": [{"user": "Ann", "count": 3}, {"user": "Bo", "count": 1}]
    }));
    let dir = data_dir_with_draft("cli").await;
    let rules = dir.path().join("rules.json");
    std::fs::write(
        &rules,
        json!({"wikis": [WIKI_ID], "cutoff": Timestamp::now(), "voters": {"min_edits": 3}})
            .to_string(),
    )
    .unwrap();
    urna(
        &dir,
        &["rules", "--election", "cli", rules.to_str().unwrap()],
    );
    // Bare names: the accounts of that name on every wiki of the election.
    let list = dir.path().join("accounts.txt");
    std::fs::write(&list, "Ann\nBo\n").unwrap();
    let wiki_flag = format!("{WIKI_ID}={}", wiki.api);
    let out = urna(
        &dir,
        &[
            "fetch",
            "--election",
            "cli",
            "--wiki",
            &wiki_flag,
            "--accounts",
            list.to_str().unwrap(),
            "--contact",
            "urna-tests@example.org",
        ],
    );
    assert!(out.contains("Fetched 2 accounts"), "{out}");
    assert!(out.contains("holds 2 of 2 requested"), "{out}");
    // Run again: nothing left to fetch.
    let out = urna(
        &dir,
        &[
            "fetch",
            "--election",
            "cli",
            "--wiki",
            &wiki_flag,
            "--contact",
            "urna-tests@example.org",
        ],
    );
    assert!(out.contains("Fetched 0 accounts"), "{out}");
    let out = urna(&dir, &["explain", "--election", "cli", "Bo@testwiki"]);
    assert!(
        out.contains("not eligible: min-edits (needs at least 3 edits, has 1)"),
        "{out}"
    );
    let out = urna(&dir, &["fill", "--election", "cli"]);
    assert!(out.starts_with("Added 1 eligible accounts"), "{out}");
}

/// Bulk throughput: 2,000 accounts, half with 3 edits, a tenth blocked, rules that need
/// `list=users`, `list=blocks` and one `list=usercontribs` count per account still in the
/// running. Prints accounts/s for the fetch alone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measurement: run by hand"]
async fn bulk_throughput_on_2000_accounts() {
    let Some(wiki) = Wiki::start() else { return };
    let n = 2000;
    let names: Vec<String> = (0..n).map(|i| format!("Voter {i:04}")).collect();
    let users: Vec<serde_json::Value> = names.iter().map(|name| json!({"name": name})).collect();
    let edits: Vec<serde_json::Value> = names
        .iter()
        .step_by(2)
        .map(|name| json!({"user": name, "count": 3}))
        .collect();
    let blocks: Vec<serde_json::Value> = names
        .iter()
        .step_by(10)
        .map(|name| json!({"user": name, "sitewide": true, "expiry": "infinity"}))
        .collect();
    let setup = Instant::now();
    wiki.fixture(&json!({"users": users, "edits": edits, "blocks": blocks}));
    eprintln!("set up {n} accounts in {:?}", setup.elapsed());

    let dir = data_dir_with_draft("bulk").await;
    let rules = dir.path().join("rules.json");
    let cutoff = Timestamp::now();
    std::fs::write(
        &rules,
        json!({"wikis": [WIKI_ID], "cutoff": cutoff, "voters": {
            "min_edits": 3, "not_sitewide_blocked": true, "not_bot": true,
            "edits_before": {"count": 3, "before": cutoff}}})
        .to_string(),
    )
    .unwrap();
    urna(
        &dir,
        &["rules", "--election", "bulk", rules.to_str().unwrap()],
    );
    let list = dir.path().join("accounts.txt");
    std::fs::write(&list, names.join("\n")).unwrap();
    let wiki_flag = format!("{WIKI_ID}={}", wiki.api);
    let out = urna(
        &dir,
        &[
            "fetch",
            "--election",
            "bulk",
            "--wiki",
            &wiki_flag,
            "--accounts",
            list.to_str().unwrap(),
            "--contact",
            "urna-tests@example.org",
        ],
    );
    eprintln!("{out}");
    assert!(
        out.contains(&format!("holds {n} of {n} requested")),
        "{out}"
    );
    let out = urna(&dir, &["fill", "--election", "bulk"]);
    // Eligible: the even-numbered accounts (3 edits) that are not blocked (multiples of 10):
    // 1,000 − 200 = 800.
    assert!(out.starts_with("Added 800 eligible accounts"), "{out}");
}
