use urna_store::{Backend, Db};

use crate::support::on_both;

/// Every table the schema promises (migrations/*/0001_initial.sql, 0002_web_sessions.sql,
/// 0004_mail.sql, 0006_board.sql, 0010_rehearsals.sql, 0011_recounts.sql, 0012_notify.sql,
/// 0013_scrutiny.sql, 0014_signin.sql, 0015_eligibility.sql).
const TABLES: [&str; 31] = [
    "election_quorums",
    "reminders",
    "voter_languages",
    "accounts",
    "audit_log",
    "ballots",
    "board_events",
    "credentials",
    "eligibility_requests",
    "eligibility_rules",
    "eligibility_snapshot",
    "election_roles",
    "election_purges",
    "election_signin",
    "elections",
    "frozen_sets",
    "jobs",
    "link_deliveries",
    "mail_outbox",
    "recounts",
    "rehearsals",
    "results",
    "sessions",
    "submission_prints",
    "signin_attempts",
    "totp_used_steps",
    "trustee_files",
    "vote_times",
    "voters",
    "web_sessions",
    "_sqlx_migrations",
];

pub async fn table_names(db: &Db) -> Vec<String> {
    let mut names: Vec<String> = match db.backend() {
        Backend::Sqlite => sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .fetch_all(db.sqlite_pool().unwrap())
        .await
        .unwrap(),
        Backend::Postgres => sqlx::query_scalar(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'",
        )
        .fetch_all(db.postgres_pool().unwrap())
        .await
        .unwrap(),
    };
    names.sort();
    names
}

on_both! {
    async fn migrations_create_every_table_and_rerun_as_a_no_op(db) {
        let mut expected: Vec<String> = TABLES.iter().map(ToString::to_string).collect();
        expected.sort();
        assert_eq!(table_names(db).await, expected);
        // Start-up migrates every time: a second run must change nothing and not fail.
        db.migrate().await.unwrap();
        assert_eq!(table_names(db).await, expected);
    }
}

#[tokio::test]
async fn sqlite_in_memory_keeps_one_database_across_calls() {
    // The pitfall: a pooled `sqlite::memory:` gives each connection its own empty database,
    // so migrating on one and inserting on another fails with "no such table".
    let db = Db::connect("sqlite::memory:").await.unwrap();
    db.migrate().await.unwrap();
    let (election, _) = crate::support::open_election(&db, "mem", 2).await;
    assert_eq!(db.election(election).await.unwrap().slug, "mem");
}

#[tokio::test]
async fn sqlite_url_form_and_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/x.db?mode=rwc", dir.path().display());
    let db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(db.sqlite_pool().unwrap())
        .await
        .unwrap();
    assert_eq!(mode, "wal");
    let foreign_keys: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(db.sqlite_pool().unwrap())
        .await
        .unwrap();
    assert_eq!(foreign_keys, 1);
    assert!(dir.path().join("x.db").exists());
}

#[tokio::test]
async fn bad_addresses_are_named_without_password() {
    let error = Db::connect("postgres://urna:hunter2@[::1:5432/x")
        .await
        .unwrap_err()
        .to_string();
    assert!(error.contains("urna:***@"), "{error}");
    assert!(!error.contains("hunter2"), "{error}");
}
