//! Killing the server with SIGKILL while voters are voting loses no acknowledged ballot.
//!
//! The election is created through the library on the database first; then the real `urna
//! serve` binary runs on it while the load generator of `urna bench vote` (this file includes
//! its source) votes over HTTP, and the server is killed with SIGKILL at random moments and
//! restarted on the same data directory and port, 10 times. Afterwards the database must
//! open and migrate cleanly, and for every voter whose last vote was acknowledged, the receipt
//! code it was shown must be the receipt code (`receipt_code` of the sealed bytes) of exactly
//! one current ballot. Earlier receipts of a voter are legitimately replaced by its revotes,
//! and a voter whose last cast was cut off by a kill may or may not have that ballot stored;
//! neither may leave a voter with more than one current ballot.
//!
//! Runs on SQLite; on PostgreSQL too when `URNA_TEST_PG_URL` is set (a fresh database).

#[path = "../src/bench.rs"]
#[allow(dead_code)]
mod bench;
// --- countbench: `bench.rs` dispatches `urna bench count`, which runs the trustee CLI code ---
#[path = "../src/bench_count.rs"]
#[allow(dead_code)]
mod bench_count;
#[path = "../src/trustee.rs"]
#[allow(dead_code)]
mod trustee;
// `bench.rs` also dispatches `urna bench verify`.
#[path = "../src/bench_verify.rs"]
#[allow(dead_code)]
mod bench_verify;
#[path = "../src/progress.rs"]
#[allow(dead_code)]
mod progress;
#[path = "../src/record_synth.rs"]
#[allow(dead_code)]
mod record_synth;
// --- end countbench ---
// --- shuffle: `bench.rs` also dispatches `urna bench shuffle` ---
#[path = "../src/bench_shuffle.rs"]
#[allow(dead_code)]
mod bench_shuffle;
// --- end shuffle ---

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::str::FromStr;
use std::time::{Duration, Instant};

use sqlx::Connection;
use sqlx::postgres::{PgConnectOptions, PgConnection};
use urna_store::Db;

const KILLS: usize = 10;
const VOTERS: usize = 40;
const PG_URL_VAR: &str = "URNA_TEST_PG_URL";

struct Server {
    args: Vec<String>,
    base_url: String,
    child: Option<Child>,
}

impl Server {
    async fn start(&mut self) {
        let child = Command::new(env!("CARGO_BIN_EXE_urna"))
            .args(&self.args)
            .env("URNA_RATE_LIMIT__ENABLED", "false")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("urna serve starts");
        self.child = Some(child);
        let client = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let up = client
                .get(format!("{}/healthz", self.base_url))
                .send()
                .await
                .is_ok_and(|r| r.status().is_success());
            if up {
                return;
            }
            assert!(Instant::now() < deadline, "the server did not come up");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            // `Child::kill` is SIGKILL on Unix: no shutdown code runs.
            child.kill().expect("SIGKILL sent");
            child.wait().expect("reaped");
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// A few random bits from the OS, for kill moments.
fn random_below(n: u64) -> u64 {
    getrandom::u64().expect("OS randomness") % n
}

/// Runs the whole scenario against `database` (a directory for SQLite, or a PostgreSQL URL).
async fn crash_scenario(database: &str, serve_database_args: Vec<String>) {
    let db = Db::connect(database).await.expect("database opens");
    db.migrate().await.expect("migrations apply");
    let slug = "crash";
    let tokens = bench::create_open_election(&db, slug, VOTERS)
        .await
        .expect("open election");
    let row_id = urna_web::service::elections::load_election(&db, slug)
        .await
        .expect("election")
        .row_id;
    db.close().await;

    let port = free_port();
    let mut args = vec![
        "serve".to_owned(),
        "--listen".to_owned(),
        format!("127.0.0.1:{port}"),
    ];
    args.extend(serve_database_args);
    let mut server = Server {
        args,
        base_url: format!("http://127.0.0.1:{port}"),
        child: None,
    };
    server.start().await;

    let load = bench::Load {
        base_url: server.base_url.clone(),
        tokens,
        ballots: usize::MAX,
        // The kills below take about 10 × (0.1 – 0.9 s + restart); the voters then go on
        // against the last server until this time, and finish their votes in progress.
        max_time: Duration::from_secs(14),
        progress: false,
    };
    let voting = tokio::spawn(async move { bench::run_load(&load).await });
    for _ in 0..KILLS {
        tokio::time::sleep(Duration::from_millis(100 + random_below(800))).await;
        server.kill();
        server.start().await;
    }
    let report = voting.await.expect("load task").expect("load ran");
    server.kill();

    // The database opens and migrates cleanly after the last SIGKILL.
    let db = Db::connect(database)
        .await
        .expect("database opens after SIGKILL");
    db.migrate().await.expect("migrations apply after SIGKILL");
    let mut current: HashMap<String, usize> = HashMap::new();
    for ballot in db.counted_ballots(row_id).await.expect("ballots") {
        *current
            .entry(urna_core::token::receipt_code(&ballot.sealed))
            .or_default() += 1;
    }
    db.close().await;

    let acknowledged: usize = report.voters.iter().map(|v| v.receipts.len()).sum();
    let kills_seen: u64 = report.errors.values().sum();
    assert!(
        acknowledged >= VOTERS,
        "too few ballots to mean anything: {acknowledged} ({:?})",
        report.errors
    );
    assert!(kills_seen > 0, "no voter ever saw the server die");
    assert!(
        current.len() <= VOTERS && current.values().all(|&n| n == 1),
        "more current ballots than voters, or a sealed ballot twice: {} for {VOTERS}",
        current.len()
    );
    let mut settled = 0;
    for (n, voter) in report.voters.iter().enumerate() {
        let Some(last) = voter.receipts.last() else {
            continue;
        };
        if voter.unknown_after_last_receipt {
            continue;
        }
        settled += 1;
        assert_eq!(
            current.get(last),
            Some(&1),
            "voter {n}: acknowledged receipt {last} is not exactly one current ballot"
        );
    }
    // Voters finish their votes in progress after the last restart, so nearly all settle.
    assert!(
        settled * 10 >= VOTERS * 9,
        "only {settled} of {VOTERS} voters ended with an acknowledged ballot"
    );
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

#[test]
fn sigkill_loses_no_acknowledged_ballot_on_sqlite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().display().to_string();
    runtime().block_on(crash_scenario(
        &path,
        vec!["--data-dir".to_owned(), path.clone()],
    ));
}

#[test]
fn sigkill_loses_no_acknowledged_ballot_on_postgresql() {
    let Ok(admin_url) = std::env::var(PG_URL_VAR) else {
        eprintln!("SKIPPED: set {PG_URL_VAR} to run the crash test on PostgreSQL");
        return;
    };
    runtime().block_on(async {
        let name = format!("urna_crash_{:016x}", getrandom::u64().expect("random"));
        let mut admin = PgConnection::connect(&admin_url).await.expect("admin");
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut admin)
            .await
            .expect("database created");
        let options = PgConnectOptions::from_str(&admin_url).expect("admin URL");
        let url = format!(
            "postgres://{}@{}:{}/{name}",
            options.get_username(),
            options.get_host(),
            options.get_port()
        );
        let dir = tempfile::tempdir().expect("temp dir");
        crash_scenario(
            &url,
            vec![
                "--database".to_owned(),
                url.clone(),
                "--data-dir".to_owned(),
                dir.path().display().to_string(),
            ],
        )
        .await;
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE {name} WITH (FORCE)"
        )))
        .execute(&mut admin)
        .await
        .expect("database dropped");
    });
}
