//! E-mail to voters against a real SMTP server: Debian's `python3-aiosmtpd` on a loopback
//! port, with a small handler that writes each received message (envelope, subject, decoded
//! plain-text body) to a JSON file. Skipped with a message when python3 or aiosmtpd is absent
//! (`scripts/test` installs it). Storage is involved, so each case runs on SQLite and on
//! PostgreSQL (`URNA_TEST_PG_URL`).
//!
//! Checked: links e-mailed through the API sign a voter in and the previous link stops
//! working; after sending, no table holds the token; a strike notice reaches the voter with
//! the reason, an extension gives the new end in the election's zone, a withdrawal reaches
//! only voters who voted; an unreachable server leaves `failed` with the error, and a resend
//! works once it is back; without `[smtp]` every mail action says so.
//!
//! Notifications (notify branch): the server refuses one recipient for good (550: `bounced`)
//! and one for now (451: `failed`, a notice retried), each with the server's reply kept and
//! no link in it; resending the failed links and one bounced notice; reminders reach only
//! voters who have not voted, in their language (falling back to the election's), once
//! although two schedulers and two senders race, and a voter who votes before the send is
//! skipped; two senders racing over one outbox send each notice once; the turnout page and
//! JSON count voters per hour against a quorum.

// Integration tests are separate crates: `allow-unwrap-in-tests` does not reach their helpers.
#![allow(clippy::unwrap_used)]

#[path = "../support/staff.rs"]
mod staff_support;
use staff_support::{Staff, signed_in_staff};

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Method, Request, StatusCode, header};
use jiff::Timestamp;
use serde_json::{Value, json};
use tower::ServiceExt;
use urna_core::ballot::{Answer, PlainBallot};
use urna_core::election::ElectionSpec;
use urna_core::question::CandidateId;
use urna_crypto::{TrusteeName, TrusteeSecret, dkg_round1, dkg_round2, os_rng};
use urna_store::{Db, VoterId};
use urna_web::app::{AppState, router_with};
use urna_web::auth::session::InMemorySessionStore;
use urna_web::config::{Config, MailFrom, PublicUrl, SmtpConfig, SmtpTls};
use urna_web::service::{Actor, elections, lifecycle, mail, trustees, voters, voting};

const PUBLIC_URL: &str = "http://vote.test";
const SLUG: &str = "board";

// ---------------------------------------------------------------- the SMTP server

/// Writes each message to `<dir>/<n>.json`: envelope sender and recipients, the subject and
/// the decoded plain-text body.
const HANDLER: &str = r#"
import email, json, os, sys, threading
from email import policy
from aiosmtpd.controller import Controller

port, out = int(sys.argv[1]), sys.argv[2]

class Handler:
    count = 0
    # Recipients the server refuses: for good (a bounce), and for now (try again later).
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("gone@"):
            return "550 5.1.1 No such mailbox here"
        if address.startswith("busy@"):
            return "451 4.2.1 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        Handler.count += 1
        record = {
            "from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "subject": str(message["subject"]),
            "body": message.get_body(("plain",)).get_content(),
        }
        tmp = os.path.join(out, ".%d.tmp" % Handler.count)
        with open(tmp, "w") as f:
            json.dump(record, f)
        os.rename(tmp, os.path.join(out, "%05d.json" % Handler.count))
        return "250 Message accepted"

controller = Controller(Handler(), hostname="127.0.0.1", port=port)
controller.start()
print("ready", flush=True)
threading.Event().wait()
"#;

/// A python3 that can import aiosmtpd (Debian's lives under /usr/bin, whatever else is first
/// on PATH), or `None` with a notice.
fn python_with_aiosmtpd() -> Option<&'static str> {
    for python in ["/usr/bin/python3", "python3"] {
        let ok = std::process::Command::new(python)
            .args(["-c", "import aiosmtpd"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return Some(python);
        }
    }
    eprintln!("SKIPPED: no python3 with aiosmtpd (apt-get install python3-aiosmtpd)");
    None
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A received message.
#[derive(Debug, Clone)]
struct Received {
    to: Vec<String>,
    subject: String,
    body: String,
}

struct SmtpServer {
    child: tokio::process::Child,
    dir: tempfile::TempDir,
}

impl SmtpServer {
    async fn start(python: &str, port: u16) -> SmtpServer {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("handler.py");
        std::fs::write(&script, HANDLER).unwrap();
        let inbox = dir.path().join("inbox");
        std::fs::create_dir(&inbox).unwrap();
        let mut child = tokio::process::Command::new(python)
            .arg(&script)
            .arg(port.to_string())
            .arg(&inbox)
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = tokio::io::AsyncBufReadExt::lines(tokio::io::BufReader::new(stdout));
        let first = tokio::time::timeout(Duration::from_secs(20), lines.next_line())
            .await
            .expect("the SMTP server starts within 20 s")
            .unwrap();
        assert_eq!(first.as_deref(), Some("ready"));
        SmtpServer { child, dir }
    }

    fn inbox(&self) -> PathBuf {
        self.dir.path().join("inbox")
    }

    fn messages(&self) -> Vec<Received> {
        read_inbox(&self.inbox())
    }

    /// Waits until at least `n` messages arrived (10 s at most).
    async fn wait_for(&self, n: usize) -> Vec<Received> {
        for _ in 0..200 {
            let got = self.messages();
            if got.len() >= n {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("expected {n} messages, got {:?}", self.messages());
    }

    async fn stop(mut self) {
        self.child.kill().await.unwrap();
    }
}

fn read_inbox(dir: &Path) -> Vec<Received> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
            Received {
                to: v["to"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t.as_str().unwrap().to_owned())
                    .collect(),
                subject: v["subject"].as_str().unwrap().to_owned(),
                body: v["body"].as_str().unwrap().to_owned(),
            }
        })
        .collect()
}

/// The token of the voting link in a message: the line `http://vote.test/vote#<token>`.
fn token_in(message: &Received) -> String {
    let prefix = format!("{PUBLIC_URL}/vote#");
    message
        .body
        .lines()
        .find_map(|l| l.trim().strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("no link in {:?}", message.body))
        .to_owned()
}

// ---------------------------------------------------------------- databases

#[path = "../support/test_db.rs"]
mod test_db;
use test_db::TestDb;

/// `on_both!(async fn name(db, python) { … })`: `name::sqlite` and `name::postgres`, each
/// skipped without aiosmtpd.
macro_rules! on_both {
    (async fn $name:ident($db:ident, $python:ident) $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn case($db: &Db, $python: &'static str) $body

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let Some(python) = python_with_aiosmtpd() else { return };
                let test = TestDb::sqlite().await;
                case(&test.db, python).await;
                test.teardown().await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(python) = python_with_aiosmtpd() else { return };
                let Some(test) = TestDb::postgres("mail").await else { return };
                case(&test.db, python).await;
                test.teardown().await;
            }
        }
    };
}

#[path = "../../../urna-store/tests/store/every_cell.rs"]
mod dump;
use dump::{contains, every_cell};

// ---------------------------------------------------------------- the application

struct TestApp {
    router: Router,
    state: AppState,
    db: Db,
    sessions: Arc<InMemorySessionStore>,
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
    fn session_cookie(&self) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|c| c.strip_prefix("urna_session="))
            .and_then(|c| c.split(';').next())
            .map(str::to_owned)
    }
    fn csrf_field(&self) -> String {
        let marker = "name=\"csrf_token\" value=\"";
        let start = self.body.find(marker).unwrap() + marker.len();
        let end = self.body[start..].find('"').unwrap();
        self.body[start..start + end].to_owned()
    }
}

impl TestApp {
    /// The application over `db`, sending mail to 127.0.0.1:`smtp_port` (`None`: no `[smtp]`).
    fn new(db: &Db, smtp_port: Option<u16>) -> TestApp {
        let smtp = smtp_port.map(|port| SmtpConfig {
            host: "127.0.0.1".into(),
            port,
            username: None,
            password: None,
            from: MailFrom::parse("Urna elections <elections@vote.test>").unwrap(),
            tls: SmtpTls::None,
        });
        let config = Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            public_url: Some(PublicUrl::parse(PUBLIC_URL).unwrap()),
            smtp,
            // A key in the configuration: no key file written outside the test's directory.
            secret_key: Some(urna_web::auth::server_key::ServerSecretKey::generate().unwrap()),
            ..Config::default()
        };
        let sessions = Arc::new(InMemorySessionStore::default());
        let state = AppState::new(config, db.clone())
            .unwrap()
            .with_sessions(sessions.clone());
        TestApp {
            router: router_with(state.clone(), Router::new()),
            state,
            db: db.clone(),
            sessions,
        }
    }

    async fn operator(&self) -> Staff {
        signed_in_staff(&self.db, self.sessions.as_ref(), "operator", true).await
    }

    async fn send(&self, mut request: Request<Body>) -> Reply {
        request
            .extensions_mut()
            .insert(ConnectInfo(SocketAddr::from(([192, 0, 2, 7], 50000))));
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    async fn get(&self, who: &Staff, path: &str) -> Reply {
        let request = Request::builder()
            .method(Method::GET)
            .uri(path)
            .header(header::COOKIE, format!("urna_session={}", who.cookie))
            .body(Body::empty())
            .unwrap();
        self.send(request).await
    }

    async fn api_post(&self, who: &Staff, path: &str, body: &Value) -> Reply {
        let request = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::COOKIE, format!("urna_session={}", who.cookie))
            .header(header::CONTENT_TYPE, "application/json")
            .header("sec-fetch-site", "same-origin")
            .header("x-csrf-token", &who.csrf)
            .body(Body::from(body.to_string()))
            .unwrap();
        self.send(request).await
    }

    async fn form_post(&self, who: &Staff, path: &str, fields: &[(&str, &str)]) -> Reply {
        let mut pairs = fields.to_vec();
        pairs.push(("csrf_token", &who.csrf));
        let request = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::COOKIE, format!("urna_session={}", who.cookie))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(serde_urlencoded::to_string(&pairs).unwrap()))
            .unwrap();
        self.send(request).await
    }

    /// Signs in at `/vote` with a voting-link token, as a browser does; the response.
    async fn voter_sign_in(&self, token: &str) -> Reply {
        let form = self
            .send(Request::builder().uri("/vote").body(Body::empty()).unwrap())
            .await;
        let cookie = form.session_cookie().unwrap();
        let body = serde_urlencoded::to_string([
            ("csrf_token", form.csrf_field()),
            ("token", token.to_owned()),
        ])
        .unwrap();
        let request = Request::builder()
            .method(Method::POST)
            .uri("/vote")
            .header(header::COOKIE, format!("urna_session={cookie}"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }

    /// The link-delivery status of each voter, from the API: (voter, status, error).
    async fn link_statuses(&self, who: &Staff) -> Vec<(String, Option<String>, Option<String>)> {
        let reply = self
            .get(who, &format!("/api/v1/elections/{SLUG}/mail"))
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()["voters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| {
                (
                    v["voter"].as_str().unwrap().to_owned(),
                    v["status"].as_str().map(str::to_owned),
                    v["error"].as_str().map(str::to_owned),
                )
            })
            .collect()
    }

    /// Waits until no voter's link e-mail is `queued` (10 s at most).
    async fn links_settled(&self, who: &Staff) -> Vec<(String, Option<String>, Option<String>)> {
        for _ in 0..200 {
            let statuses = self.link_statuses(who).await;
            if statuses
                .iter()
                .all(|(_, s, _)| s.as_deref() != Some("queued"))
            {
                return statuses;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "link e-mails still queued: {:?}",
            self.link_statuses(who).await
        );
    }

    async fn deliver_notices(&self, now: Timestamp) -> mail::NoticeRound {
        let mailer = self.state.mailer.as_ref().unwrap();
        mail::deliver_due_notices(&self.db, mailer, &self.state.locales, now)
            .await
            .unwrap()
    }
}

// ---------------------------------------------------------------- the election

fn name(text: &str) -> Value {
    json!({"default": "en", "texts": {"en": text}})
}

/// An open election "Logo vote" (one approval question: Owl, Box, Tree) in Europe/Berlin,
/// with a 1-of-1 key and voters ann and bob (with addresses) and cy (without). Returns the
/// voters' ids and their first voting links, by name.
async fn open_election(db: &Db) -> Vec<(String, VoterId, String)> {
    open_election_with(
        db,
        "voter,email\nann,ann@example.org\nbob,bob@example.org\ncy,\n",
    )
    .await
}

/// [`open_election`] with this voter list, in English and Arabic (the texts only in English).
async fn open_election_with(db: &Db, voter_csv: &str) -> Vec<(String, VoterId, String)> {
    let now = Timestamp::now();
    let spec: ElectionSpec = serde_json::from_value(json!({
        "id": urna_core::election::ElectionId::generate().unwrap(),
        "slug": SLUG, "languages": ["en", "ar"], "title": name("Logo vote"),
        "window": {
            "opens": now.checked_add(jiff::SignedDuration::from_secs(60)).unwrap(),
            "closes": now.checked_add(jiff::SignedDuration::from_hours(48)).unwrap(),
            "zone": "Europe/Berlin"
        },
        "questions": [{
            "id": "logo", "title": name("Logo"), "description": null,
            "ballot_type": {"type": "approval", "min": 0, "max": 3}, "method": "approval",
            "seats": 1,
            "options": [
                {"id": "owl", "name": name("Owl")},
                {"id": "box", "name": name("Box")},
                {"id": "tree", "name": name("Tree")}
            ]
        }]
    }))
    .unwrap();
    elections::create_election(db, spec, None, Actor::System, now)
        .await
        .unwrap();
    let upload = voters::upload_voters(db, SLUG, voter_csv, Actor::System, now)
        .await
        .unwrap();
    // A 1-of-1 key ceremony, in process.
    let mut rng = os_rng();
    let mut secret =
        TrusteeSecret::generate(TrusteeName::parse("trustee").unwrap(), &mut rng).unwrap();
    let setup =
        trustees::set_up_key_ceremony(db, SLUG, 1, vec![secret.public.clone()], Actor::System, now)
            .await
            .unwrap();
    let r1 = dkg_round1(&secret, &setup, &mut rng).unwrap();
    trustees::accept_round1(db, SLUG, r1, Actor::System, now)
        .await
        .unwrap();
    let round1 = trustees::round1_messages(db, SLUG).await.unwrap();
    let r2 = dkg_round2(&mut secret, &setup, &round1, &mut rng).unwrap();
    trustees::accept_round2(db, SLUG, r2, Actor::System, now)
        .await
        .unwrap();
    lifecycle::mark_ready(db, SLUG, Actor::System, now)
        .await
        .unwrap();
    lifecycle::open(db, SLUG, Actor::System, now).await.unwrap();
    upload
        .issued
        .iter()
        .map(|l| (l.voter.clone(), l.voter_id, l.token.reveal()))
        .collect()
}

fn id_of(voters: &[(String, VoterId, String)], who: &str) -> VoterId {
    voters.iter().find(|v| v.0 == who).unwrap().1
}

async fn vote(db: &Db, voter: VoterId) {
    let ballot = PlainBallot {
        answers: vec![Answer::Approvals(vec![CandidateId::parse("box").unwrap()])],
    };
    voting::cast(db, SLUG, voter, ballot, Timestamp::now(), &mut os_rng())
        .await
        .unwrap();
}

// ---------------------------------------------------------------- the cases

on_both!(
    async fn emailed_links_open_a_ballot_and_no_table_holds_the_token(db, python) {
        let voters = open_election(db).await;
        let port = free_port();
        let server = SmtpServer::start(python, port).await;
        let app = TestApp::new(db, Some(port));
        let op = app.operator().await;

        let reply = app
            .api_post(&op, &format!("/api/v1/elections/{SLUG}/mail/links"), &json!({"scope": "not_yet_sent"}))
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        // ann and bob have addresses; cy has none.
        assert_eq!(
            reply.json(),
            json!({"queued": 2, "skipped_no_address": 1, "skipped_revoked": 0})
        );
        let messages = server.wait_for(2).await;
        let statuses = app.links_settled(&op).await;
        assert_eq!(
            statuses,
            vec![
                ("ann".into(), Some("sent".into()), None),
                ("bob".into(), Some("sent".into()), None),
                ("cy".into(), None, None),
            ]
        );
        assert_eq!(messages.len(), 2);
        let to_ann = messages
            .iter()
            .find(|m| m.to == ["ann@example.org"])
            .expect("a message to ann");
        // Fluent wraps each placeable in FSI (U+2068) … PDI (U+2069), so a right-to-left title
        // cannot reorder the text around it.
        assert_eq!(to_ann.subject, "Your voting link: \u{2068}Logo vote\u{2069}");
        let token = token_in(to_ann);

        // The e-mailed link signs ann in to her ballot; the link she had before does not.
        let signed_in = app.voter_sign_in(&token).await;
        assert_eq!(signed_in.status, 303, "{}", signed_in.body);
        assert_eq!(
            signed_in.headers.get(header::LOCATION).unwrap(),
            &format!("/elections/{SLUG}/ballot")
        );
        let old = &voters.iter().find(|v| v.0 == "ann").unwrap().2;
        assert_eq!(app.voter_sign_in(old).await.status, 403);

        // No table holds either e-mailed token, as text or as raw bytes.
        let cells = every_cell(db).await;
        assert!(cells.len() > 50, "the scan reads the database ({} cells)", cells.len());
        for message in &messages {
            let token = token_in(message);
            let raw = urna_core::token::VotingToken::parse(&token).unwrap();
            let hash_hex = urna_core::token::TokenHash::of(&raw).to_hex();
            for (column, value) in &cells {
                assert!(!contains(value, token.as_bytes()), "the token is in {column}");
                // The domain hash is not stored either: only the store's hash of it.
                assert!(!contains(value, hash_hex.as_bytes()), "a token hash is in {column}");
            }
        }
        // The audit chain records counts, never the addresses.
        let audit = app.get(&op, &format!("/api/v1/elections/{SLUG}/audit")).await;
        assert!(audit.body.contains("voting_links_emailed"), "{}", audit.body);
        assert!(!audit.body.contains("ann@example.org"), "{}", audit.body);

        // Sending "not yet sent" again finds nobody.
        let again = app
            .api_post(&op, &format!("/api/v1/elections/{SLUG}/mail/links"), &json!({}))
            .await;
        assert_eq!(again.json()["queued"], 0);
        server.stop().await;
    }
);

on_both!(
    async fn notices_tell_voters_of_strikes_extensions_and_withdrawals(db, python) {
        let voters = open_election(db).await;
        let port = free_port();
        let server = SmtpServer::start(python, port).await;
        let app = TestApp::new(db, Some(port));
        let op = app.operator().await;
        vote(db, id_of(&voters, "ann")).await;

        let reason = "signed with a borrowed account";
        let reply = app
            .api_post(
                &op,
                &format!("/api/v1/elections/{SLUG}/strike"),
                &json!({"voter": "ann", "reason": reason}),
            )
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let round = app.deliver_notices(Timestamp::now()).await;
        assert_eq!(round, mail::NoticeRound { sent: 1, ..Default::default() });
        let got = server.wait_for(1).await;
        assert_eq!(got[0].to, ["ann@example.org"]);
        assert_eq!(got[0].subject, "Your ballot was struck: \u{2068}Logo vote\u{2069}");
        assert!(got[0].body.contains(reason), "{}", got[0].body);
        assert!(got[0].body.contains(&format!("{PUBLIC_URL}/elections/{SLUG}")), "{}", got[0].body);

        // Extension: every voter with an address (ann, bob; cy has none) is told the new end
        // in the election's zone. 2099-06-01 12:00 in Berlin is summer time, CEST (UTC+2).
        let reply = app
            .api_post(
                &op,
                &format!("/api/v1/elections/{SLUG}/extend"),
                &json!({"closes": "2099-06-01T12:00"}),
            )
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let round = app.deliver_notices(Timestamp::now()).await;
        assert_eq!(round.sent, 2);
        let got = server.wait_for(3).await;
        let extended: Vec<&Received> =
            got.iter().filter(|m| m.subject == "Voting extended: \u{2068}Logo vote\u{2069}").collect();
        assert_eq!(extended.len(), 2);
        for m in &extended {
            assert!(m.body.contains("2099-06-01 12:00 CEST"), "{}", m.body);
        }

        // Withdrawal: only voters who have voted are told. ann's ballot is struck; bob votes.
        vote(db, id_of(&voters, "bob")).await;
        let reply = app
            .api_post(
                &op,
                &format!("/api/v1/elections/{SLUG}/withdraw"),
                &json!({"question": "logo", "candidate": "box"}),
            )
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(app.deliver_notices(Timestamp::now()).await.sent, 1);
        let got = server.wait_for(4).await;
        let withdrawn: Vec<&Received> = got
            .iter()
            .filter(|m| m.subject == "A candidate was withdrawn: \u{2068}Logo vote\u{2069}")
            .collect();
        assert_eq!(withdrawn.len(), 1);
        assert_eq!(withdrawn[0].to, ["bob@example.org"]);
        assert!(withdrawn[0].body.contains("Box"), "{}", withdrawn[0].body);
        // Nothing is left to send.
        assert_eq!(app.deliver_notices(Timestamp::now()).await, mail::NoticeRound::default());
        server.stop().await;
    }
);

on_both!(
    async fn an_unreachable_server_gives_failed_and_a_resend_works_once_it_is_back(db, python) {
        let voters = open_election(db).await;
        let port = free_port(); // nothing listens here yet
        let app = TestApp::new(db, Some(port));
        let op = app.operator().await;

        let reply = app
            .form_post(&op, &format!("/admin/elections/{SLUG}/mail/links"), &[("scope", "all")])
            .await;
        assert_eq!(reply.status, 303, "{}", reply.body);
        let statuses = app.links_settled(&op).await;
        let (_, status, error) = statuses.iter().find(|s| s.0 == "ann").unwrap();
        assert_eq!(status.as_deref(), Some("failed"));
        let error = error.clone().unwrap();
        assert!(error.to_lowercase().contains("connection"), "{error}");
        // The page shows the failure and offers a resend.
        let page = app.get(&op, &format!("/admin/elections/{SLUG}/mail")).await;
        assert!(page.body.contains("data-status=\"failed\""), "{}", page.body);
        assert!(page.body.contains("Send again"), "{}", page.body);

        // A notice fails too, and is kept for a retry 30 s later (FIRST_RETRY).
        vote(db, id_of(&voters, "bob")).await;
        let reply = app
            .api_post(
                &op,
                &format!("/api/v1/elections/{SLUG}/strike"),
                &json!({"voter": "bob", "reason": "duplicate account"}),
            )
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let t0 = Timestamp::now();
        assert_eq!(app.deliver_notices(t0).await.retrying, 1);
        // Not due again before the backoff has passed.
        let t1 = t0.checked_add(jiff::SignedDuration::from_secs(29)).unwrap();
        assert_eq!(app.deliver_notices(t1).await, mail::NoticeRound::default());

        // The server comes back: resend ann's link, and the notice goes out on its retry.
        let server = SmtpServer::start(python, port).await;
        let reply = app
            .api_post(
                &op,
                &format!("/api/v1/elections/{SLUG}/mail/links"),
                &json!({"scope": "voter", "voter": "ann"}),
            )
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.json()["queued"], 1);
        let got = server.wait_for(1).await;
        let statuses = app.links_settled(&op).await;
        assert!(statuses.contains(&("ann".into(), Some("sent".into()), None)), "{statuses:?}");
        // bob was not sent again: still failed.
        assert!(
            statuses.iter().any(|s| s.0 == "bob" && s.1.as_deref() == Some("failed")),
            "{statuses:?}"
        );
        assert_eq!(got[0].to, ["ann@example.org"]);
        assert_eq!(app.voter_sign_in(&token_in(&got[0])).await.status, 303);

        let t2 = t0.checked_add(jiff::SignedDuration::from_secs(31)).unwrap();
        assert_eq!(app.deliver_notices(t2).await.sent, 1);
        let got = server.wait_for(2).await;
        assert!(got[1].body.contains("duplicate account"), "{}", got[1].body);
        server.stop().await;
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_smtp_every_mail_action_says_so_and_the_csv_stays() {
    let test = TestDb::sqlite().await;
    let db = &test.db;
    open_election(db).await;
    let app = TestApp::new(db, None);
    let op = app.operator().await;
    let expected = "no outgoing mail configured";

    let api = app
        .api_post(
            &op,
            &format!("/api/v1/elections/{SLUG}/mail/links"),
            &json!({"scope": "all"}),
        )
        .await;
    assert_eq!(api.status, 409, "{}", api.body);
    assert!(
        api.json()["detail"].as_str().unwrap().contains(expected),
        "{}",
        api.body
    );
    let form = app
        .form_post(
            &op,
            &format!("/admin/elections/{SLUG}/mail/links"),
            &[("scope", "all")],
        )
        .await;
    assert_eq!(form.status, 409, "{}", form.body);
    assert!(form.body.contains(expected), "{}", form.body);
    let page = app.get(&op, &format!("/admin/elections/{SLUG}/mail")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(expected), "{}", page.body);
    assert!(
        !page.body.contains("E-mail new links to all voters"),
        "{}",
        page.body
    );
    // Nothing was queued.
    let statuses = app.link_statuses(&op).await;
    assert!(statuses.iter().all(|s| s.1.is_none()), "{statuses:?}");

    // The CSV of links is still there: a reissue answers it.
    let reissue = app
        .api_post(
            &op,
            &format!("/api/v1/elections/{SLUG}/voters/link"),
            &json!({"voter": "ann", "op": "reissue"}),
        )
        .await;
    assert_eq!(reissue.status, 200, "{}", reissue.body);
    assert!(
        reissue.json()["links_csv"]
            .as_str()
            .unwrap()
            .starts_with("voter,email,link\nann,ann@example.org,http://vote.test/vote#"),
        "{}",
        reissue.body
    );
    test.teardown().await;
}

// ---------------------------------------------------------------- notifications (notify branch)

/// The voters of the notification cases: ann (Arabic), bob (no language: the election's,
/// English), gone (refused for good by the server), busy (refused for now), dan (Chinese:
/// not an election language, but the server has it).
const NOTIFY_VOTERS: &str = "voter,email,language\n\
                             ann,ann@example.org,ar\n\
                             bob,bob@example.org,\n\
                             gone,gone@example.org,\n\
                             busy,busy@example.org,\n\
                             dan,dan@example.org,zh\n";

/// (voter, status, reply) of each voter's link e-mail, from the API.
async fn link_replies(app: &TestApp, who: &Staff) -> Vec<(String, String, String)> {
    app.links_settled(who).await;
    let reply = app
        .get(who, &format!("/api/v1/elections/{SLUG}/mail"))
        .await;
    reply.json()["voters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["voter"].as_str().unwrap().to_owned(),
                v["status"].as_str().unwrap_or("none").to_owned(),
                v["reply"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

on_both!(
    async fn refused_recipients_are_bounced_or_failed_with_the_reply_and_can_be_sent_again(db, python) {
        open_election_with(db, NOTIFY_VOTERS).await;
        let port = free_port();
        let server = SmtpServer::start(python, port).await;
        let app = TestApp::new(db, Some(port));
        let op = app.operator().await;

        let reply = app
            .api_post(&op, &format!("/api/v1/elections/{SLUG}/mail/links"), &json!({"scope": "all"}))
            .await;
        assert_eq!(reply.json()["queued"], 5, "{}", reply.body);
        server.wait_for(3).await; // ann, bob, dan
        let replies = link_replies(&app, &op).await;
        let of = |name: &str| replies.iter().find(|r| r.0 == name).unwrap().clone();
        // The test server's own answers (HANDLER): 250 for a message it accepts, 550 for
        // gone@, 451 for busy@.
        assert_eq!(of("ann").1, "sent");
        assert!(of("ann").2.starts_with("250"), "{replies:?}");
        assert_eq!(of("gone").1, "bounced");
        assert!(of("gone").2.contains("550") && of("gone").2.contains("No such mailbox"), "{replies:?}");
        assert_eq!(of("busy").1, "failed");
        assert!(of("busy").2.contains("451") && of("busy").2.contains("Mailbox busy"), "{replies:?}");
        // No reply holds a link.
        assert!(replies.iter().all(|r| !r.2.contains("/vote#")), "{replies:?}");
        let page = app.get(&op, &format!("/admin/elections/{SLUG}/mail")).await;
        assert!(page.body.contains("data-status=\"bounced\""), "{}", page.body);
        assert!(page.body.contains("the \u{2068}2\u{2069} voters whose e-mail failed or bounced"), "{}", page.body);

        // "Send again to the failed ones" takes exactly gone and busy (the form's button).
        let reply = app
            .form_post(&op, &format!("/admin/elections/{SLUG}/mail/links"), &[("scope", "failed")])
            .await;
        assert_eq!(reply.status, 303, "{}", reply.body);
        let audit = app.get(&op, &format!("/api/v1/elections/{SLUG}/audit")).await;
        assert!(audit.body.contains(r#"\"scope\":\"failed\",\"queued\":2,"#), "{}", audit.body);
        let replies = link_replies(&app, &op).await;
        assert_eq!(server.messages().len(), 3, "nothing more was accepted");
        assert_eq!(replies.iter().filter(|r| r.1 == "sent").count(), 3, "{replies:?}");

        // Notices: an extension tells all five; busy is retried, gone bounced at once.
        let reply = app
            .api_post(&op, &format!("/api/v1/elections/{SLUG}/extend"), &json!({"closes": "2099-06-01T12:00"}))
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let t0 = Timestamp::now();
        let round = app.deliver_notices(t0).await;
        assert_eq!(round, mail::NoticeRound { sent: 3, retrying: 1, bounced: 1, ..Default::default() });
        let status = app.get(&op, &format!("/api/v1/elections/{SLUG}/mail")).await.json();
        let failed = status["notices_failed"].as_array().unwrap();
        assert_eq!(failed.len(), 1, "{status}");
        assert_eq!((failed[0]["voter"].as_str(), failed[0]["status"].as_str()), (Some("gone"), Some("bounced")));
        assert!(failed[0]["error"].as_str().unwrap().contains("550"), "{status}");
        // The bounced notice, sent again alone: it bounces again (the server still refuses).
        let id = failed[0]["id"].as_i64().unwrap();
        let reply = app
            .api_post(&op, &format!("/api/v1/elections/{SLUG}/mail/notices/retry"), &json!({"notice": id}))
            .await;
        assert_eq!(reply.json(), json!({"requeued": 1}), "{}", reply.body);
        // Requeued due at the time of the request, after t0; busy's retry is 30 s after t0.
        assert_eq!(
            app.deliver_notices(Timestamp::now()).await,
            mail::NoticeRound { bounced: 1, ..Default::default() }
        );
        // A notice that is not failed cannot be retried by number.
        let reply = app
            .api_post(&op, &format!("/api/v1/elections/{SLUG}/mail/notices/retry"), &json!({"notice": id + 1000}))
            .await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        server.stop().await;
    }
);

on_both!(
    async fn reminders_reach_only_voters_who_have_not_voted_in_their_language_once(db, python) {
        let voters = open_election_with(db, NOTIFY_VOTERS).await;
        let port = free_port();
        let server = SmtpServer::start(python, port).await;
        let app = TestApp::new(db, Some(port));
        let op = app.operator().await;

        // The election closes 48 h after it was made: "2d" is due now, "36h" not for 12 h.
        let texts = json!({"en": "Please vote in the logo vote.", "ar": "يرجى التصويت على الشعار."});
        let reply = app
            .api_post(&op, &format!("/api/v1/elections/{SLUG}/reminders"), &json!({"before": "2d", "texts": texts}))
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.json()["before_close"], "2d");
        let later = app
            .form_post(&op, &format!("/admin/elections/{SLUG}/mail/reminders"), &[("before", "36h"), ("text_en", ""), ("text_ar", "")])
            .await;
        assert_eq!(later.status, 303, "{}", later.body);
        // A text only in Arabic is refused: English speakers would have none to fall back on.
        let refused = app
            .api_post(&op, &format!("/api/v1/elections/{SLUG}/reminders"), &json!({"before": "5d", "texts": {"ar": "نص"}}))
            .await;
        assert_eq!(refused.status, 422, "{}", refused.body);

        // bob votes before the reminder is queued (never queued); dan after it is queued,
        // before it is sent (skipped). gone and busy are refused by the server.
        vote(db, id_of(&voters, "bob")).await;
        // Two servers' schedulers at once: the reminder is queued once.
        let now = Timestamp::now();
        let (a, b) = tokio::join!(
            urna_web::service::reminders::queue_due_reminders(db, now),
            urna_web::service::reminders::queue_due_reminders(db, now),
        );
        // ann, gone, busy, dan: four notices, queued by exactly one of the two.
        let mut counts = [a.unwrap(), b.unwrap()];
        counts.sort_unstable();
        assert_eq!(counts, [0, 4]);
        assert_eq!(urna_web::service::reminders::queue_due_reminders(db, now).await.unwrap(), 0);
        vote(db, id_of(&voters, "dan")).await;

        // Two senders at once: each notice goes out once.
        let mailer = app.state.mailer.as_ref().unwrap();
        let (r1, r2) = tokio::join!(
            mail::deliver_due_notices(db, mailer, &app.state.locales, now),
            mail::deliver_due_notices(db, mailer, &app.state.locales, now),
        );
        let (r1, r2) = (r1.unwrap(), r2.unwrap());
        let sum = |f: fn(&mail::NoticeRound) -> usize| f(&r1) + f(&r2);
        assert_eq!(
            (sum(|r| r.sent), sum(|r| r.skipped), sum(|r| r.bounced), sum(|r| r.retrying)),
            (1, 1, 1, 1),
            "{r1:?} {r2:?}"
        );
        let got = server.wait_for(1).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(server.messages().len(), 1, "{:?}", server.messages());
        // ann reads Arabic: the Arabic subject (notify.ftl, ar) and the reminder's Arabic text.
        assert_eq!(got[0].to, ["ann@example.org"]);
        assert_eq!(got[0].subject, "تذكير: يرجى التصويت في \u{2068}Logo vote\u{2069}");
        assert!(got[0].body.contains("يرجى التصويت على الشعار."), "{}", got[0].body);
        assert!(!got[0].body.contains("Please vote in the logo vote."), "{}", got[0].body);

        // The page shows what went out.
        let list = app.get(&op, &format!("/api/v1/elections/{SLUG}/reminders")).await.json();
        let first = &list["reminders"][0];
        assert_eq!(first["before_close"], "2d", "{list}");
        assert_eq!((first["sent"].as_i64(), first["skipped"].as_i64(), first["bounced"].as_i64(), first["queued"].as_i64()), (Some(1), Some(1), Some(1), Some(1)), "{list}");
        assert!(first["queued_at"].is_string(), "{list}");
        assert!(list["reminders"][1]["queued_at"].is_null(), "{list}");
        let page = app.get(&op, &format!("/admin/elections/{SLUG}/mail")).await;
        assert!(page.body.contains("data-before=\"2d\"") && page.body.contains("Sent: \u{2068}1\u{2069}"), "{}", page.body);
        // A reminder that went out cannot be deleted; one waiting can.
        let gone_out = first["id"].as_i64().unwrap();
        let waiting = list["reminders"][1]["id"].as_i64().unwrap();
        let delete_path = format!("/api/v1/elections/{SLUG}/reminders/delete");
        assert_eq!(app.api_post(&op, &delete_path, &json!({"id": gone_out})).await.status, 422);
        assert_eq!(app.api_post(&op, &delete_path, &json!({"id": waiting})).await.status, 200);

        // A standard reminder (no own text), due since before the election opened (3 days
        // before a 2-day election's end): bob and dan voted, so ann, gone and busy.
        let reply = app
            .api_post(&op, &format!("/api/v1/elections/{SLUG}/reminders"), &json!({"before": "3d"}))
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(urna_web::service::reminders::queue_due_reminders(db, Timestamp::now()).await.unwrap(), 3);
        let round = app.deliver_notices(Timestamp::now()).await;
        // ann sent; gone bounced; busy retrying (dan voted: not queued).
        assert_eq!((round.sent, round.bounced, round.retrying), (1, 1, 1), "{round:?}");
        let got = server.wait_for(2).await;
        assert_eq!(got[1].to, ["ann@example.org"]);
        assert!(got[1].body.contains("لم تصوّت بعد"), "the standard Arabic text: {}", got[1].body);
        server.stop().await;
    }
);

on_both!(
    async fn a_reminder_without_a_voters_language_falls_back_to_the_elections(db, python) {
        // eve's language, German, is neither the election's nor the server's.
        let voters = open_election_with(db, "voter,email,language\neve,eve@example.org,de\nzed,zed@example.org,zh\n").await;
        let port = free_port();
        let server = SmtpServer::start(python, port).await;
        let app = TestApp::new(db, Some(port));
        let op = app.operator().await;
        let texts = json!({"en": "Please vote in the logo vote."});
        let reply = app
            .api_post(&op, &format!("/api/v1/elections/{SLUG}/reminders"), &json!({"before": "2d", "texts": texts}))
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(urna_web::service::reminders::queue_due_reminders(db, Timestamp::now()).await.unwrap(), 2);
        assert_eq!(app.deliver_notices(Timestamp::now()).await.sent, 2);
        let got = server.wait_for(2).await;
        let to = |who: &str| got.iter().find(|m| m.to == [format!("{who}@example.org")]).unwrap();
        // eve: English throughout (the election's language).
        assert_eq!(to("eve").subject, "Reminder: please vote in \u{2068}Logo vote\u{2069}");
        assert!(to("eve").body.contains("Please vote in the logo vote."), "{}", to("eve").body);
        // zed: the server's Chinese for its own words, the election's English for its text.
        assert_eq!(to("zed").subject, "提醒：请在“\u{2068}Logo vote\u{2069}”中投票");
        assert!(to("zed").body.contains("Please vote in the logo vote."), "{}", to("zed").body);
        assert!(to("zed").body.contains("请打开"), "{}", to("zed").body);
        let _ = voters;
        server.stop().await;
    }
);

on_both!(
    async fn two_senders_racing_over_one_outbox_send_each_notice_once(db, python) {
        // 30 voters who all voted; a withdrawal tells each of them.
        let csv: String = std::iter::once("voter,email\n".to_owned())
            .chain((0..30).map(|i| format!("v{i:02},v{i:02}@example.org\n")))
            .collect();
        let voters = open_election_with(db, &csv).await;
        for (_, id, _) in &voters {
            vote(db, *id).await;
        }
        let port = free_port();
        let server = SmtpServer::start(python, port).await;
        let app = TestApp::new(db, Some(port));
        let op = app.operator().await;
        let reply = app
            .api_post(&op, &format!("/api/v1/elections/{SLUG}/withdraw"), &json!({"question": "logo", "candidate": "tree"}))
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let mailer = app.state.mailer.as_ref().unwrap();
        let now = Timestamp::now();
        let (a, b) = tokio::join!(
            mail::deliver_due_notices(db, mailer, &app.state.locales, now),
            mail::deliver_due_notices(db, mailer, &app.state.locales, now),
        );
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(a.sent + b.sent, 30, "{a:?} {b:?}");
        let got = server.wait_for(30).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let mut to: Vec<String> = server.messages().iter().map(|m| m.to[0].clone()).collect();
        to.sort();
        let before = to.len();
        to.dedup();
        assert_eq!((before, to.len()), (30, 30), "each voter once: {got:?}");
        server.stop().await;
    }
);

on_both!(
    async fn the_turnout_page_and_json_count_voters_per_hour_against_the_quorum(db, _python) {
        let voters = open_election(db).await;
        let app = TestApp::new(db, None);
        let op = app.operator().await;
        // Votes at fixed times inside the window (it opens 60 s after it was made): ann 2 h
        // in, and again 3 h in (a revote counts at the first vote); bob 2 h 30 min in.
        let opened = Timestamp::now();
        let at = |mins: i64| opened.checked_add(jiff::SignedDuration::from_mins(mins)).unwrap();
        let ballot = || PlainBallot { answers: vec![Answer::Approvals(vec![CandidateId::parse("owl").unwrap()])] };
        for (who, mins) in [("ann", 120), ("bob", 150), ("ann", 180)] {
            voting::cast(db, SLUG, id_of(&voters, who), ballot(), at(mins), &mut os_rng()).await.unwrap();
        }
        // The hours (UTC) of the first votes, by hand from their times.
        let hour_of = |t: Timestamp| t.as_second().div_euclid(3600);
        let (ann_hour, bob_hour) = (hour_of(at(120)), hour_of(at(150)));
        let expected: Vec<(i64, i64, i64)> = if ann_hour == bob_hour {
            vec![(ann_hour, 2, 2)]
        } else {
            vec![(ann_hour, 1, 1), (bob_hour, 1, 2)]
        };

        let quorum = app
            .api_post(&op, &format!("/api/v1/elections/{SLUG}/turnout/quorum"), &json!({"quorum": 3}))
            .await;
        assert_eq!(quorum.json(), json!({"quorum": 3}), "{}", quorum.body);
        let t = app.get(&op, &format!("/api/v1/elections/{SLUG}/turnout")).await.json();
        assert_eq!((t["eligible"].as_i64(), t["voted"].as_i64()), (Some(3), Some(2)), "{t}");
        assert_eq!((t["quorum"].as_i64(), t["quorum_reached"].as_bool()), (Some(3), Some(false)), "{t}");
        let hours: Vec<(i64, i64, i64)> = t["hours"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                let start: Timestamp = h["hour"].as_str().unwrap().parse().unwrap();
                (hour_of(start), h["new_voters"].as_i64().unwrap(), h["voters"].as_i64().unwrap())
            })
            .collect();
        assert_eq!(hours, expected, "{t}");
        // No time finer than the hour is given.
        for h in t["hours"].as_array().unwrap() {
            assert!(h["hour"].as_str().unwrap().ends_with(":00:00Z"), "{t}");
        }

        let page = app.get(&op, &format!("/admin/elections/{SLUG}/turnout")).await;
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains(r#"role="img" aria-labelledby="turnout-chart-title""#), "{}", page.body);
        assert_eq!(page.body.matches("<rect").count(), expected.len(), "{}", page.body);
        assert!(page.body.contains(r#"<line class="quorum""#), "{}", page.body);
        assert!(page.body.contains("\u{2068}2\u{2069} of \u{2068}3\u{2069} voters have voted."), "{}", page.body);
        assert!(page.body.contains("not reached yet: \u{2068}1\u{2069} more needed"), "{}", page.body);
        assert!(page.body.contains("<table class=\"turnout-table\">"), "{}", page.body);
        assert!(!page.body.contains("<script>"), "no inline script: {}", page.body);
        // The election page shows the same chart and links to the turnout page.
        let overview = app.get(&op, &format!("/admin/elections/{SLUG}")).await;
        assert_eq!(overview.status, 200, "{}", overview.body);
        assert!(overview.body.contains(r#"aria-labelledby="turnout-chart-title""#), "{}", overview.body);
        assert!(overview.body.contains(&format!("/admin/elections/{SLUG}/turnout")), "{}", overview.body);
        // The quorum form, then no quorum.
        let cleared = app
            .form_post(&op, &format!("/admin/elections/{SLUG}/turnout/quorum"), &[("quorum", "")])
            .await;
        assert_eq!(cleared.status, 303, "{}", cleared.body);
        let t = app.get(&op, &format!("/api/v1/elections/{SLUG}/turnout")).await.json();
        assert!(t["quorum"].is_null() && t["quorum_reached"].is_null(), "{t}");
        let bad = app
            .form_post(&op, &format!("/admin/elections/{SLUG}/turnout/quorum"), &[("quorum", "0")])
            .await;
        assert_eq!(bad.status, 422, "{}", bad.body);
    }
);
