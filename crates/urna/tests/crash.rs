//! Faults: killing the server with SIGKILL while voters are voting loses no acknowledged
//! ballot; a backup taken mid-election restores and the election continues (end of file).
//!
//! The crash scenario is `urna bench crash`'s (`src/bench_crash.rs`, included here with the
//! load generator of `urna bench vote`): the real `urna serve` binary is killed with SIGKILL at
//! random moments and restarted on the same data, 10 times here; afterwards every
//! acknowledged last receipt is exactly one current ballot, and the closed election's count
//! opens exactly the current ballots. `src/bench_crash.rs` documents what is checked and why.
//!
//! Runs on SQLite; on PostgreSQL too when `URNA_TEST_PG_URL` is set (a fresh database).

include!("support/bench_modules.rs");

use std::process::{Child, Command, Stdio};
use std::str::FromStr;
use std::time::{Duration, Instant};

use sqlx::Connection;
use sqlx::postgres::{PgConnectOptions, PgConnection};
use urna_store::Db;

const KILLS: usize = 10;
const VOTERS: usize = 40;
const PG_URL_VAR: &str = "URNA_TEST_PG_URL";

/// The backup scenario's server, started and killed on demand.
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

/// Runs the crash scenario with [`KILLS`] kills and fails on any problem it reports.
async fn crash_scenario(database: &str, serve_args: Vec<String>) {
    let report = bench_crash::crash_scenario(&bench_crash::CrashRun {
        urna: env!("CARGO_BIN_EXE_urna").into(),
        database: database.to_owned(),
        serve_args,
        kills: KILLS,
        voters: VOTERS,
    })
    .await
    .expect("the crash scenario ran");
    eprintln!("{}", report.render());
    assert_eq!(report.kills, KILLS);
    let problems = report.problems();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

#[test]
fn sigkill_loses_no_acknowledged_ballot_and_the_count_sees_every_stored_one_on_sqlite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().display().to_string();
    runtime().block_on(crash_scenario(
        &path,
        vec!["--data-dir".to_owned(), path.clone()],
    ));
}

#[test]
fn sigkill_loses_no_acknowledged_ballot_and_the_count_sees_every_stored_one_on_postgresql() {
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

/// Runs `urna ARGS…` and returns whether it succeeded, with its stdout and stderr.
fn urna(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_urna"))
        .args(args)
        .output()
        .expect("urna runs");
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

/// The receipt code of each current ballot of the election in `dir`.
async fn current_receipts(dir: &str, row_id: urna_store::ElectionId) -> Vec<String> {
    let db = Db::connect(dir).await.expect("database opens");
    let receipts = db
        .counted_ballots(row_id)
        .await
        .expect("ballots")
        .iter()
        .map(|b| urna_core::token::receipt_code(&b.sealed))
        .collect();
    db.close().await;
    receipts
}

/// Each voter's last acknowledged receipt.
fn last_receipts(report: &bench::Report) -> Vec<String> {
    report
        .voters
        .iter()
        .filter_map(|v| v.receipts.last().cloned())
        .collect()
}

/// Where a server keeps its state in the backup scenario: its database (a data directory for
/// SQLite, or a PostgreSQL URL) and the flags that point `urna` at it.
struct State {
    database: String,
    flags: Vec<String>,
}

/// SQLite in a fresh data directory.
fn sqlite_state(dir: &tempfile::TempDir) -> State {
    let path = dir.path().display().to_string();
    State {
        database: path.clone(),
        flags: vec!["--data-dir".to_owned(), path],
    }
}

/// A backup taken while voters vote restores into fresh state, and the election goes on
/// there: the ballots acknowledged before the backup are there exactly once, those cast after
/// it (on the old server) are not, and voters can vote on the restored server. A restore over
/// existing data is refused.
async fn backup_scenario(original: State, restored: State) {
    let db = Db::connect(&original.database)
        .await
        .expect("database opens");
    db.migrate().await.expect("migrations apply");
    let tokens = bench::create_open_election(&db, "backup", 20)
        .await
        .expect("open election");
    let row_id = urna_web::service::elections::load_election(&db, "backup")
        .await
        .expect("election")
        .row_id;
    db.close().await;
    let (before, after) = tokens.split_at(10);
    let load = |base_url: &str, tokens: &[String]| bench::Load {
        base_url: base_url.to_owned(),
        tokens: tokens.to_vec(),
        ballots: tokens.len(),
        max_time: Duration::from_secs(30),
        progress: false,
    };
    let serve = |state: &State| {
        let port = free_port();
        let mut args = vec![
            "serve".to_owned(),
            "--listen".to_owned(),
            format!("127.0.0.1:{port}"),
        ];
        args.extend(state.flags.iter().cloned());
        Server {
            args,
            base_url: format!("http://127.0.0.1:{port}"),
            child: None,
        }
    };
    let with_flags = |command: &[&str], state: &State| -> (bool, String) {
        let mut args: Vec<&str> = command.to_vec();
        args.extend(state.flags.iter().map(String::as_str));
        urna(&args)
    };

    let mut server = serve(&original);
    server.start().await;
    let first = bench::run_load(&load(&server.base_url, before))
        .await
        .expect("voting before the backup");
    let backups = tempfile::tempdir().expect("temp dir");
    let backup = backups.path().join("mid-election");
    let backup_arg = backup.display().to_string();
    let (ok, out) = with_flags(&["backup", "--out", &backup_arg], &original);
    assert!(ok, "urna backup: {out}");
    let second = bench::run_load(&load(&server.base_url, after))
        .await
        .expect("voting after the backup");
    server.kill();
    let before_backup = last_receipts(&first);
    let after_backup = last_receipts(&second);
    // (Ballots are shared out among the voters as they go: nearly always one each.)
    assert!(!before_backup.is_empty(), "{:?}", first.errors);
    assert!(!after_backup.is_empty(), "{:?}", second.errors);

    let (ok, out) = with_flags(&["restore", "--from", &backup_arg], &restored);
    assert!(ok, "urna restore: {out}");
    // Restoring again over it is refused: nothing is overwritten.
    let (ok, out) = with_flags(&["restore", "--from", &backup_arg], &restored);
    assert!(
        !ok && (out.contains("already exists") || out.contains("not empty")),
        "{out}"
    );

    let mut current = current_receipts(&restored.database, row_id).await;
    current.sort();
    let mut expected = before_backup.clone();
    expected.sort();
    assert_eq!(
        current, expected,
        "the restored ballots are those acknowledged before the backup"
    );

    // The election continues on the restored server: the other voters vote there.
    let mut server = serve(&restored);
    server.start().await;
    let third = bench::run_load(&load(&server.base_url, after))
        .await
        .expect("voting on the restored server");
    server.kill();
    let mut current = current_receipts(&restored.database, row_id).await;
    current.sort();
    assert!(!last_receipts(&third).is_empty(), "{:?}", third.errors);
    let mut expected: Vec<String> = before_backup
        .into_iter()
        .chain(last_receipts(&third))
        .collect();
    expected.sort();
    assert_eq!(current, expected);
    assert!(after_backup.iter().all(|r| !current.contains(r)));
}

#[test]
fn a_backup_taken_mid_election_restores_and_the_election_continues_on_sqlite() {
    let (original, restored) = (
        tempfile::tempdir().expect("temp dir"),
        tempfile::tempdir().expect("temp dir"),
    );
    runtime().block_on(backup_scenario(
        sqlite_state(&original),
        sqlite_state(&restored),
    ));
}

#[test]
fn a_damaged_backup_is_refused_naming_the_file() {
    let (original, backups, target) = (
        tempfile::tempdir().expect("temp dir"),
        tempfile::tempdir().expect("temp dir"),
        tempfile::tempdir().expect("temp dir"),
    );
    let state = sqlite_state(&original);
    runtime().block_on(async {
        let db = Db::connect(&state.database).await.expect("database opens");
        db.migrate().await.expect("migrations apply");
        db.close().await;
    });
    let backup = backups.path().join("b");
    let backup_arg = backup.display().to_string();
    let (ok, out) = urna(&[
        "backup",
        "--data-dir",
        &state.database,
        "--out",
        &backup_arg,
    ]);
    assert!(ok, "{out}");
    let file = backup.join(urna_store::SQLITE_FILE_NAME);
    let mut bytes = std::fs::read(&file).expect("database file");
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(&file, bytes).expect("damaged");
    let target_arg = target.path().display().to_string();
    let (ok, out) = urna(&["restore", "--from", &backup_arg, "--data-dir", &target_arg]);
    assert!(
        !ok && out.contains("urna.sqlite3 does not match its checksum"),
        "{out}"
    );
    // Nothing was written.
    assert!(!target.path().join(urna_store::SQLITE_FILE_NAME).exists());
}

#[test]
fn a_backup_taken_mid_election_restores_and_the_election_continues_on_postgresql() {
    let Ok(admin_url) = std::env::var(PG_URL_VAR) else {
        eprintln!("SKIPPED: set {PG_URL_VAR} to run the backup test on PostgreSQL");
        return;
    };
    runtime().block_on(async {
        let mut admin = PgConnection::connect(&admin_url).await.expect("admin");
        let options = PgConnectOptions::from_str(&admin_url).expect("admin URL");
        let mut names = Vec::new();
        let mut states = Vec::new();
        let dirs = [
            tempfile::tempdir().expect("temp dir"),
            tempfile::tempdir().expect("temp dir"),
        ];
        for dir in &dirs {
            let name = format!("urna_backup_{:016x}", getrandom::u64().expect("random"));
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&mut admin)
                .await
                .expect("database created");
            let url = format!(
                "postgres://{}@{}:{}/{name}",
                options.get_username(),
                options.get_host(),
                options.get_port()
            );
            states.push(State {
                database: url.clone(),
                flags: vec![
                    "--database".to_owned(),
                    url,
                    "--data-dir".to_owned(),
                    dir.path().display().to_string(),
                ],
            });
            names.push(name);
        }
        let restored = states.pop().expect("two");
        let original = states.pop().expect("two");
        backup_scenario(original, restored).await;
        for name in names {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE {name} WITH (FORCE)"
            )))
            .execute(&mut admin)
            .await
            .expect("database dropped");
        }
    });
}
