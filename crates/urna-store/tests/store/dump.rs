//! "A database dump reveals no vote": after a whole election's worth of activity, read every
//! column of every table as text or bytes and look for the plaintext of any ballot.

use std::path::Path;

use serde_json::json;
use urna_store::{CastBallot, Db, NewAccount, NewAuditEntry, PasswordHash, SecretBytes, TokenHash};

use crate::every_cell::{contains, every_cell};
use crate::support::{T0, on_both, open_election, seal};

/// The plaintext choice that must never be stored. Any real leak would contain it.
const MARKER: &str = "VOTE-FOR-CANDIDATE-ZEPHYRINE";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

async fn leaks(db: &Db, marker: &str) -> Vec<String> {
    let raw = marker.as_bytes();
    let hexed = hex(raw);
    every_cell(db)
        .await
        .into_iter()
        .filter(|(_, value)| contains(value, raw) || contains(value, hexed.as_bytes()))
        .map(|(place, _)| place)
        .collect()
}

/// Every byte of the SQLite files (database and write-ahead log), for a raw-file scan.
fn sqlite_file_bytes(dir: &Path) -> Vec<u8> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        all.extend(std::fs::read(entry.unwrap().path()).unwrap());
    }
    all
}

/// Votes, revotes, a strike, a session, audit entries and results: everything a real
/// election writes.
async fn run_an_election(db: &Db) {
    let (election, voters) = open_election(db, "secret", 5).await;
    for (i, voter) in voters.iter().enumerate() {
        let plaintext = format!("{{\"q1\":[\"{MARKER}\",{i}]}}");
        let sealed = seal(plaintext.as_bytes());
        assert!(
            !contains(&sealed, MARKER.as_bytes()),
            "the stand-in seal hides the marker"
        );
        db.cast_ballot(CastBallot {
            election,
            voter: *voter,
            sealed: &sealed,
            open_state: "open",
            allow_change: true,
            now: T0,
        })
        .await
        .unwrap();
    }
    let revote = seal(format!("{{\"q1\":[\"{MARKER}\",\"again\"]}}").as_bytes());
    db.cast_ballot(CastBallot {
        election,
        voter: voters[0],
        sealed: &revote,
        open_state: "open",
        allow_change: true,
        now: T0,
    })
    .await
    .unwrap();
    db.strike_ballot(election, voters[1], "identity check failed")
        .await
        .unwrap();
    let account = db
        .create_account(NewAccount {
            username: "admin",
            password_hash: &PasswordHash("$argon2id$x".into()),
            is_operator: true,
            now: T0,
        })
        .await
        .unwrap();
    db.create_session(
        &TokenHash::of(b"session-token"),
        account,
        &SecretBytes(vec![9; 32]),
        T0,
        T0,
    )
    .await
    .unwrap();
    db.append_audit(NewAuditEntry {
        election: Some(election),
        at: T0,
        actor: "account:1",
        action: "ballot.strike",
        details: &json!({"voter": voters[1].0}),
    })
    .await
    .unwrap();
    db.transition_election(election, "open", "closed", T0)
        .await
        .unwrap();
    let counted = db.counted_ballots(election).await.unwrap();
    let frozen: Vec<u8> = counted.iter().flat_map(|b| b.sealed.clone()).collect();
    db.put_frozen_set(election, &frozen, T0).await.unwrap();
    // The published result names the winner by candidate id, not by any ballot's text.
    db.put_result(
        election,
        "q1",
        &json!({"elected": ["c1"], "ballots": 4}),
        T0,
    )
    .await
    .unwrap();
}

on_both! {
    async fn a_dump_reveals_no_vote(db) {
        run_an_election(db).await;
        assert_eq!(leaks(db, MARKER).await, Vec::<String>::new());
        // Tokens are stored as hashes only.
        assert!(leaks(db, "session-token").await.is_empty());
        assert!(leaks(db, "token-secret-v000").await.is_empty());

        // The scan itself works: a marker planted in a column is found.
        db.append_audit(NewAuditEntry {
            election: None, at: T0, actor: "test", action: "plant", details: &json!({ "leak": MARKER }),
        })
        .await
        .unwrap();
        assert_eq!(leaks(db, MARKER).await, ["audit_log.details"]);
    }
}

#[tokio::test]
async fn sqlite_files_hold_no_plaintext_vote() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::connect(dir.path().to_str().unwrap()).await.unwrap();
    db.migrate().await.unwrap();
    run_an_election(&db).await;
    // Scan the raw files while open (WAL not yet checkpointed) and after closing.
    assert!(!contains(&sqlite_file_bytes(dir.path()), MARKER.as_bytes()));
    db.close().await;
    let bytes = sqlite_file_bytes(dir.path());
    assert!(!contains(&bytes, MARKER.as_bytes()));
    // Sanity: the scan sees real content (a voter identifier is in the file).
    assert!(contains(&bytes, b"secret-v000"));
}
