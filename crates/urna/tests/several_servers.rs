//! Several servers on one PostgreSQL database: two real `urna serve` processes share one
//! database (and one data directory, for the server key) behind a round-robin TCP proxy on
//! loopback written here, as a load balancer would put them. The test shows that
//!
//! - the scheduler of both servers opens an election whose opening time arrives once (one
//!   `state_changed` audit entry to `open`) and closes it once;
//! - a voter who votes through server A and again through server B has one current ballot:
//!   the second;
//! - every voter's last acknowledged ballot (voters vote and revote through the proxy) is
//!   there exactly once;
//! - freezing asked of both servers at once freezes once, and a count asked of both at once
//!   runs as one job: one `count_recorded` entry, one result per question.
//!
//! Needs `URNA_TEST_PG_URL` (a fresh database is made and dropped); skips with a message
//! without it.

include!("support/bench_modules.rs");

use std::collections::HashMap;
use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use sqlx::Connection;
use sqlx::postgres::{PgConnectOptions, PgConnection};
use urna_store::{Db, ElectionId, JobState};
use urna_web::service::{Actor, counting, elections, trustees};

const PG_URL_VAR: &str = "URNA_TEST_PG_URL";
const VOTERS: usize = 20;
const SLUG: &str = "two-servers";
const OPERATOR: &str = "ada";
const PASSWORD: &str = "correct horse battery staple";

/// A `urna serve` process, killed when dropped.
struct Server {
    base_url: String,
    child: Child,
}

impl Server {
    async fn start(database: &str, data_dir: &str) -> Server {
        let port = free_port();
        let child = Command::new(env!("CARGO_BIN_EXE_urna"))
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .args(["--database", database, "--data-dir", data_dir])
            // Every simulated voter comes from 127.0.0.1 (see `bench.rs`).
            .env("URNA_RATE_LIMIT__ENABLED", "false")
            .current_dir(data_dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("urna serve starts");
        let server = Server {
            base_url: format!("http://127.0.0.1:{port}"),
            child,
        };
        wait_until_up(&server.base_url).await;
        server
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn wait_until_up(base_url: &str) {
    let client = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let up = client
            .get(format!("{base_url}/healthz"))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success());
        if up {
            return;
        }
        assert!(Instant::now() < deadline, "{base_url} did not come up");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// A round-robin TCP proxy on loopback: each accepted connection goes to the next backend.
/// Returns its base URL; it runs until the runtime ends.
async fn round_robin_proxy(backends: Vec<String>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("proxy binds");
    let address = listener.local_addr().expect("proxy address");
    let next = Arc::new(AtomicUsize::new(0));
    let backends: Vec<String> = backends
        .iter()
        .map(|url| url.trim_start_matches("http://").to_owned())
        .collect();
    tokio::spawn(async move {
        while let Ok((mut inbound, _)) = listener.accept().await {
            let backend = backends[next.fetch_add(1, Ordering::Relaxed) % backends.len()].clone();
            tokio::spawn(async move {
                if let Ok(mut outbound) = tokio::net::TcpStream::connect(&backend).await {
                    let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                }
            });
        }
    });
    format!("http://{address}")
}

/// `urna admin create-operator` on the shared database; returns the TOTP secret (base32).
fn create_operator(database: &str, data_dir: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_urna"))
        .args(["admin", "create-operator", "--username", OPERATOR])
        .args(["--database", database, "--data-dir", data_dir])
        .current_dir(data_dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("urna runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(format!("{PASSWORD}\n").as_bytes())
        .expect("password written");
    let output = child.wait_with_output().expect("urna finishes");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let uri = stdout
        .lines()
        .find(|l| l.starts_with("otpauth://"))
        .expect("a TOTP URI");
    let start = uri.find("secret=").expect("secret parameter") + "secret=".len();
    let end = uri[start..].find('&').map_or(uri.len(), |n| start + n);
    uri[start..end].to_owned()
}

/// The `urna_session` cookie an answer sets, if any.
fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix("urna_session="))
        .and_then(|c| c.split(';').next())
        .map(|c| format!("urna_session={c}"))
}

/// Signs the operator in through `base` (password and current TOTP code) and returns the
/// session cookie and the session's CSRF token for API calls.
async fn sign_in(client: &reqwest::Client, base: &str, totp_base32: &str) -> (String, String) {
    let form = client
        .get(format!("{base}/staff/sign-in"))
        .send()
        .await
        .expect("sign-in form");
    let cookie = session_cookie(&form).expect("a session cookie");
    let page = form.text().await.expect("page");
    let marker = "name=\"csrf_token\" value=\"";
    let start = page.find(marker).expect("CSRF field") + marker.len();
    let csrf = page[start..start + page[start..].find('"').expect("quote")].to_owned();
    let secret = urna_web::auth::totp::TotpSecret::from_base32(totp_base32).expect("base32");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    let code = urna_web::auth::totp::totp(secret.expose_bytes(), now, urna_web::auth::totp::DIGITS);
    let signed_in = client
        .post(format!("{base}/staff/sign-in"))
        .header("cookie", &cookie)
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("username", OPERATOR),
            ("password", PASSWORD),
            ("code", code.as_str()),
        ])
        .send()
        .await
        .expect("sign-in");
    assert_eq!(signed_in.status(), 303, "sign-in refused");
    // Sign-in rotates the session.
    let cookie = session_cookie(&signed_in).unwrap_or(cookie);
    let session: serde_json::Value = serde_json::from_str(
        &client
            .get(format!("{base}/api/v1/session"))
            .header("cookie", &cookie)
            .send()
            .await
            .expect("session")
            .text()
            .await
            .expect("session body"),
    )
    .expect("session JSON");
    let token = session["csrf_token"]
        .as_str()
        .expect("a CSRF token")
        .to_owned();
    (cookie, token)
}

/// `POST /api/v1/elections/{SLUG}/actions` `{"action": action}` to `base`: status and body.
async fn api_action(
    client: &reqwest::Client,
    base: &str,
    (cookie, csrf): &(String, String),
    action: &str,
) -> (u16, serde_json::Value) {
    let response = client
        .post(format!("{base}/api/v1/elections/{SLUG}/actions"))
        .header("cookie", cookie)
        .header("x-csrf-token", csrf)
        .header("content-type", "application/json")
        .body(serde_json::json!({ "action": action }).to_string())
        .send()
        .await
        .expect("API answers");
    let status = response.status().as_u16();
    let body = response.text().await.unwrap_or_default();
    (
        status,
        serde_json::from_str(&body).unwrap_or(serde_json::Value::String(body)),
    )
}

async fn state_of(db: &Db) -> String {
    elections::load_election(db, SLUG)
        .await
        .expect("election")
        .state()
        .name()
        .to_owned()
}

/// Waits (polling the database) until the election is in `state`.
async fn wait_for_state(db: &Db, state: &str, within: Duration) {
    let deadline = Instant::now() + within;
    while state_of(db).await != state {
        assert!(
            Instant::now() < deadline,
            "the election is {} after {within:?}, not {state}",
            state_of(db).await
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The election's audit entries with this action (and, for `state_changed`, this new state).
async fn audit_entries(db: &Db, row_id: ElectionId, action: &str, to: Option<&str>) -> usize {
    db.audit_log(Some(row_id))
        .await
        .expect("audit log")
        .iter()
        .filter(|e| e.action == action)
        .filter(|e| {
            to.is_none_or(|to| {
                serde_json::from_str::<serde_json::Value>(&e.details).is_ok_and(|d| d["to"] == to)
            })
        })
        .count()
}

/// One vote by one voter straight to `base`; returns its receipt code.
async fn vote_once(base: &str, token: &str) -> String {
    let report = bench::run_load(&bench::Load {
        base_url: base.to_owned(),
        tokens: vec![token.to_owned()],
        ballots: 1,
        max_time: Duration::from_secs(20),
        progress: false,
    })
    .await
    .expect("the vote ran");
    report.voters[0]
        .receipts
        .last()
        .cloned()
        .unwrap_or_else(|| panic!("no receipt from {base}: {:?}", report.errors))
}

async fn receipts_of_current_ballots(db: &Db, row_id: ElectionId) -> HashMap<String, usize> {
    let mut current = HashMap::new();
    for ballot in db.counted_ballots(row_id).await.expect("ballots") {
        *current
            .entry(urna_core::token::receipt_code(&ballot.sealed))
            .or_default() += 1;
    }
    current
}

async fn two_servers_on_one_database(database: &str) {
    let data = tempfile::tempdir().expect("temp dir");
    let data_dir = data.path().display().to_string();
    let db = Db::connect(database).await.expect("database opens");
    db.migrate().await.expect("migrations apply");
    // The window: it opens a few seconds from now, and stays open long enough for the
    // votes below (the schedulers look every 10 s).
    let now = jiff::Timestamp::now();
    let opens = now + jiff::SignedDuration::from_secs(4);
    let closes = now + jiff::SignedDuration::from_secs(40);
    let election = bench::create_scheduled_election(&db, SLUG, VOTERS, opens, closes)
        .await
        .expect("a ready election");
    let row_id = elections::load_election(&db, SLUG)
        .await
        .expect("election")
        .row_id;
    // The operator's TOTP secret is sealed with the data directory's server key, which both
    // servers then read.
    let totp = create_operator(database, &data_dir);

    let a = Server::start(database, &data_dir).await;
    let b = Server::start(database, &data_dir).await;
    let proxy = round_robin_proxy(vec![a.base_url.clone(), b.base_url.clone()]).await;

    // Scheduling: either server's scheduler opens it, once.
    wait_for_state(&db, "open", Duration::from_secs(25)).await;

    // A revote across servers: the second ballot is the current one.
    let (revoter, others) = election.tokens.split_first().expect("voters");
    let first = vote_once(&a.base_url, revoter).await;
    let second = vote_once(&b.base_url, revoter).await;
    assert_ne!(first, second, "two ballots, two receipts");

    // The others vote and revote through the proxy.
    let load = bench::run_load(&bench::Load {
        base_url: proxy.clone(),
        tokens: others.to_vec(),
        ballots: others.len() * 3,
        max_time: Duration::from_secs(10),
        progress: false,
    })
    .await
    .expect("voting through the proxy");

    wait_for_state(&db, "closed", Duration::from_secs(60)).await;
    // Both schedulers looked at the election at least once after each due time (waiting for
    // "closed" took one tick of the later one at most): still one entry each.
    tokio::time::sleep(Duration::from_secs(11)).await;
    assert_eq!(
        audit_entries(&db, row_id, "state_changed", Some("open")).await,
        1,
        "opened once"
    );
    assert_eq!(
        audit_entries(&db, row_id, "state_changed", Some("closed")).await,
        1,
        "closed once"
    );

    // Ballots: the revoter's second ballot only; every acknowledged last ballot once.
    let current = receipts_of_current_ballots(&db, row_id).await;
    assert_eq!(
        current.get(&second),
        Some(&1),
        "the revote is the current ballot"
    );
    assert!(
        !current.contains_key(&first),
        "the first ballot was replaced"
    );
    assert!(
        current.len() <= VOTERS && current.values().all(|&n| n == 1),
        "{} current ballots for {VOTERS} voters",
        current.len()
    );
    let acknowledged: usize = load.voters.iter().map(|v| v.receipts.len()).sum();
    assert!(
        acknowledged >= others.len(),
        "too few votes through the proxy: {acknowledged} ({:?})",
        load.errors
    );
    for (n, voter) in load.voters.iter().enumerate() {
        let Some(last) = voter.receipts.last() else {
            continue;
        };
        assert!(
            !voter.unknown_after_last_receipt,
            "voter {n}: {:?}",
            load.errors
        );
        assert_eq!(
            current.get(last),
            Some(&1),
            "voter {n}'s last receipt {last}"
        );
    }

    // Counting, asked of both servers at once.
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    // Signed in through the proxy: the session lives in the database, both servers know it.
    let session = sign_in(&client, &proxy, &totp).await;
    let (freeze_a, freeze_b) = tokio::join!(
        api_action(&client, &a.base_url, &session, "freeze"),
        api_action(&client, &b.base_url, &session, "freeze"),
    );
    let frozen_ok = [&freeze_a, &freeze_b]
        .iter()
        .filter(|(status, _)| *status == 200)
        .count();
    assert_eq!(frozen_ok, 1, "one freeze: {freeze_a:?} {freeze_b:?}");
    assert_eq!(
        audit_entries(&db, row_id, "ballots_frozen", None).await,
        1,
        "frozen once"
    );

    // The trustee decrypts (offline, as `urna trustee decrypt` would) and uploads.
    let setup = trustees::setup_of(&db, SLUG).await.expect("set-up");
    let set = counting::frozen_set(&db, SLUG).await.expect("frozen set");
    assert_eq!(
        set.ballots.len(),
        current.len(),
        "the current ballots are frozen"
    );
    let share = election
        .trustee
        .share_for(&setup.digest())
        .expect("the trustee's key share");
    let shares = urna_crypto::decryption_shares(share, &set, &mut urna_crypto::os_rng())
        .expect("decryption shares");
    counting::accept_decryption_shares(&db, SLUG, shares, Actor::System, jiff::Timestamp::now())
        .await
        .expect("shares accepted");

    let (count_a, count_b) = tokio::join!(
        api_action(&client, &a.base_url, &session, "count"),
        api_action(&client, &b.base_url, &session, "count"),
    );
    let jobs: Vec<i64> = [&count_a, &count_b]
        .iter()
        .filter(|(status, _)| *status == 202)
        .filter_map(|(_, body)| body["job"].as_i64())
        .collect();
    // Both servers saw the request: each answers with the one running job, or (if the count
    // was over before the second request) refuses a count of a counted election.
    assert!(!jobs.is_empty(), "{count_a:?} {count_b:?}");
    assert!(jobs.iter().all(|&j| j == jobs[0]), "two jobs: {jobs:?}");
    wait_for_state(&db, "counted", Duration::from_secs(30)).await;
    let deadline = Instant::now() + Duration::from_secs(30);
    let counts = loop {
        let counts: Vec<_> = db
            .jobs_of_election(row_id)
            .await
            .expect("jobs")
            .into_iter()
            .filter(|j| j.kind == "count")
            .collect();
        if counts.iter().all(|j| j.state != JobState::Running) || Instant::now() > deadline {
            break counts;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(counts.len(), 1, "one count job: {counts:?}");
    assert_eq!(
        counts[0].state,
        JobState::Succeeded,
        "{:?}",
        counts[0].message
    );
    assert_eq!(
        audit_entries(&db, row_id, "count_recorded", None).await,
        1,
        "counted once"
    );
    // One result per question (approval "logo", ranked "board"), each over every ballot.
    let results = db.results(row_id, false).await.expect("results");
    assert_eq!(results.len(), 2, "{results:?}");
    for result in &results {
        assert_eq!(
            result.report["counted_ballots"].as_u64(),
            Some(current.len() as u64),
            "{}",
            result.question
        );
    }
    drop((a, b));
    db.close().await;
}

#[test]
fn two_servers_share_one_postgresql_database() {
    let Ok(admin_url) = std::env::var(PG_URL_VAR) else {
        eprintln!("SKIPPED: set {PG_URL_VAR} to run the two-server test on PostgreSQL");
        return;
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let name = format!("urna_scale_{:016x}", getrandom::u64().expect("random"));
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
        two_servers_on_one_database(&url).await;
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE {name} WITH (FORCE)"
        )))
        .execute(&mut admin)
        .await
        .expect("database dropped");
    });
}
