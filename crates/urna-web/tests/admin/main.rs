//! Election administration over HTTP, in process, on SQLite: an election's whole life through
//! the JSON API (trustee files made in-process with urna-crypto, ballots cast through the
//! service layer), creation and uploads through the HTML forms, permissions, CSRF on every
//! POST, and the audit log's verification and export (with a tamper test).

// Integration tests are separate crates: `allow-unwrap-in-tests` does not reach their helpers.
#![allow(clippy::unwrap_used)]

#[path = "../support/staff.rs"]
mod staff_support;
use staff_support::{Staff, random_hex, signed_in_staff};

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Method, Request, StatusCode, header};
use jiff::{Timestamp, ToSpan};
use serde_json::{Value, json};
use tower::ServiceExt;
use urna_core::ballot::{Answer, PlainBallot};
use urna_core::question::CandidateId;
use urna_crypto::{
    DkgRound1, ElectionSetup, FrozenSet, TrusteeName, TrusteeSecret, decryption_shares, dkg_round1,
    dkg_round2, os_rng,
};
use urna_store::{Db, ElectionRole};
use urna_web::app::{AppState, ROUTES, router_with};
use urna_web::auth::session::InMemorySessionStore;
use urna_web::config::Config;
use urna_web::service::{self, Actor};

struct TestApp {
    router: Router,
    db: Db,
    sessions: Arc<InMemorySessionStore>,
    _dir: tempfile::TempDir,
}

/// A signed-in staff member: the session cookie and its CSRF token.
struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

impl TestApp {
    async fn new() -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::connect(dir.path().to_str().unwrap()).await.unwrap();
        db.migrate().await.unwrap();
        let sessions = Arc::new(InMemorySessionStore::default());
        let config = Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            // A key in the configuration: no key file written outside the test's directory.
            secret_key: Some(urna_web::auth::server_key::ServerSecretKey::generate().unwrap()),
            ..Config::default()
        };
        let state = AppState::new(config, db.clone())
            .unwrap()
            .with_sessions(sessions.clone());
        let router = router_with(state, Router::new());
        TestApp {
            router,
            db,
            sessions,
            _dir: dir,
        }
    }

    /// A staff account with a signed-in session made through the session store.
    async fn staff(&self, name: &str, operator: bool) -> Staff {
        signed_in_staff(&self.db, self.sessions.as_ref(), name, operator).await
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

    async fn get(&self, who: Option<&Staff>, path: &str) -> Reply {
        let mut request = Request::builder().method(Method::GET).uri(path);
        if let Some(s) = who {
            request = request.header(header::COOKIE, format!("urna_session={}", s.cookie));
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }

    /// An API POST with the session's `X-CSRF-Token` (when `csrf`).
    async fn api_post(&self, who: &Staff, path: &str, body: &Value, csrf: bool) -> Reply {
        let mut request = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::COOKIE, format!("urna_session={}", who.cookie))
            .header(header::CONTENT_TYPE, "application/json")
            .header("sec-fetch-site", "same-origin");
        if csrf {
            request = request.header("x-csrf-token", &who.csrf);
        }
        self.send(request.body(Body::from(body.to_string())).unwrap())
            .await
    }

    /// A form POST from our own page, with the CSRF field when `csrf`.
    async fn form_post(
        &self,
        who: &Staff,
        path: &str,
        fields: &[(&str, &str)],
        csrf: bool,
    ) -> Reply {
        let mut pairs: Vec<(&str, &str)> = fields.to_vec();
        if csrf {
            pairs.push(("csrf_token", &who.csrf));
        }
        let body = serde_urlencoded::to_string(&pairs).unwrap();
        let request = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::COOKIE, format!("urna_session={}", who.cookie))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }
}

fn name(text: &str) -> Value {
    json!({"default": "en", "texts": {"en": text}})
}

/// One ranked question (IRV), Owl / Box / Tree, one seat; voting from an hour from now for
/// two days, in AoE. (Ranked, so its ballots are sealed and the count goes through the
/// trustees' decryption of the frozen set; approval-only elections are verifiable, counted
/// from their encrypted totals: `crates/urna/tests/decrypt_tally.rs`.)
fn definition(slug: &str) -> Value {
    let now = Timestamp::now();
    let opens = now.checked_add(1.hours()).unwrap();
    let closes = now.checked_add(48.hours()).unwrap();
    json!({
        "slug": slug, "languages": ["en"], "title": name("Logo vote"),
        "window": {"opens": opens.to_string(), "closes": closes.to_string(), "zone": "AoE"},
        "questions": [
            {"id": "logo", "title": name("Logo"), "description": null,
             "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
             "method": "irv", "seats": 1,
             "options": [
                {"id": "owl", "name": name("Owl")},
                {"id": "box", "name": name("Box")},
                {"id": "tree", "name": name("Tree")}
             ]}
        ]
    })
}

/// A ranking, first preference first.
fn approve(ids: &[&str]) -> PlainBallot {
    PlainBallot {
        answers: vec![Answer::Ranking(
            ids.iter()
                .map(|s| vec![CandidateId::parse(s).unwrap()])
                .collect(),
        )],
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_election_from_creation_to_publication_through_the_api() {
    let app = TestApp::new().await;
    let op = app.staff("operator", true).await;
    let slug = "logo-vote";
    let base = format!("/api/v1/elections/{slug}");

    // The session endpoint hands out the CSRF token the POSTs need.
    let me = app.get(Some(&op), "/api/v1/session").await;
    assert_eq!(me.status, 200, "{}", me.body);
    assert_eq!(me.json()["csrf_token"], op.csrf.as_str());

    let created = app
        .api_post(&op, "/api/v1/elections", &definition(slug), true)
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.json()["state"], "draft");

    // A second election with the same short name is refused with the reason.
    let again = app
        .api_post(&op, "/api/v1/elections", &definition(slug), true)
        .await;
    assert_eq!(again.status, 422);
    assert_eq!(
        again.header("content-type"),
        Some("application/problem+json")
    );
    assert!(
        again.json()["detail"]
            .as_str()
            .unwrap()
            .contains("is taken")
    );

    let upload = app
        .api_post(
            &op,
            &format!("{base}/voters"),
            &json!({"csv": "voter,email\nv1,v1@example.org\nv2,\nv3,\nv4,\n"}),
            true,
        )
        .await;
    assert_eq!(upload.status, 200, "{}", upload.body);
    assert_eq!(upload.json()["added"], 4);
    let links = upload.json()["links_csv"].as_str().unwrap().to_owned();
    // Header plus one row per voter.
    assert_eq!(links.lines().count(), 5, "{links}");
    assert!(
        links
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("v1,v1@example.org,/vote#")
    );

    // Not ready: the key is missing, and the overview says so.
    let overview = app.get(Some(&op), &base).await.json();
    assert_eq!(
        overview["problems"],
        json!(["the trustees have not made the election key yet"])
    );
    assert_eq!(overview["actions"], json!(["mark_ready", "archive"]));
    let refused = app
        .api_post(
            &op,
            &format!("{base}/actions"),
            &json!({"action": "mark_ready"}),
            true,
        )
        .await;
    assert_eq!(refused.status, 409, "{}", refused.body);

    // 2-of-3 key ceremony through the upload routes.
    let mut rng = os_rng();
    let mut secrets: Vec<TrusteeSecret> = (1..=3)
        .map(|i| {
            TrusteeSecret::generate(
                TrusteeName::parse(&format!("trustee {i}")).unwrap(),
                &mut rng,
            )
            .unwrap()
        })
        .collect();
    let publics: Vec<Value> = secrets
        .iter()
        .map(|s| serde_json::to_value(&s.public).unwrap())
        .collect();
    let set_up = app
        .api_post(
            &op,
            &format!("{base}/trustees/setup"),
            &json!({"threshold": 2, "trustees": publics}),
            true,
        )
        .await;
    assert_eq!(set_up.status, 201, "{}", set_up.body);
    let fetched = app.get(Some(&op), &format!("{base}/trustees/setup")).await;
    let setup: ElectionSetup = serde_json::from_str(&fetched.body).unwrap();
    assert_eq!(setup.threshold(), 2);
    for s in &secrets {
        let r1 = dkg_round1(s, &setup, &mut rng).unwrap();
        let reply = app
            .api_post(
                &op,
                &format!("{base}/trustees/round1"),
                &serde_json::to_value(&r1).unwrap(),
                true,
            )
            .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
    }
    // The page download of one round 1 file is what `urna trustee dkg-round2` reads.
    let file = app
        .get(
            Some(&op),
            &format!("/admin/elections/{slug}/trustees/round1/2"),
        )
        .await;
    assert_eq!(file.status, 200);
    assert_eq!(
        file.header("content-disposition"),
        Some("attachment; filename=\"trustee-2.round1.json\"")
    );
    let _: DkgRound1 = serde_json::from_str(&file.body).unwrap();
    let round1: Vec<DkgRound1> = serde_json::from_str(
        &app.get(Some(&op), &format!("{base}/trustees/round1"))
            .await
            .body,
    )
    .unwrap();
    assert_eq!(round1.len(), 3);
    for (i, s) in secrets.iter_mut().enumerate() {
        let r2 = dkg_round2(s, &setup, &round1, &mut rng).unwrap();
        let reply = app
            .api_post(
                &op,
                &format!("{base}/trustees/round2"),
                &serde_json::to_value(&r2).unwrap(),
                true,
            )
            .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        // The key exists exactly when the third round 2 file is in.
        assert_eq!(reply.json()["election_key"].is_null(), i < 2);
    }

    let act = |action: &'static str| {
        let app = &app;
        let op = &op;
        let base = base.clone();
        async move {
            // Set up by hand in this test: marked ready with a logged override of the
            // rehearsal gate (service::rehearsal).
            let body = if action == "mark_ready" {
                json!({ "action": action, "rehearsal_override": "set up by the test" })
            } else {
                json!({ "action": action })
            };
            app.api_post(op, &format!("{base}/actions"), &body, true)
                .await
        }
    };
    assert_eq!(act("mark_ready").await.status, 200);
    let opened = act("open").await;
    assert_eq!(opened.status, 200, "{}", opened.body);
    assert_eq!(opened.json()["state"], "open");

    // Votes (through the service): Owl+Tree, Owl, Box, Box.
    let voters = service::voters::voters(&app.db, slug).await.unwrap();
    let id = |n: &str| voters.iter().find(|v| v.identifier == n).unwrap().id;
    for (voter, choice) in [
        ("v1", &["owl", "tree"][..]),
        ("v2", &["owl"]),
        ("v3", &["box"]),
        ("v4", &["box"]),
    ] {
        service::voting::cast(
            &app.db,
            slug,
            id(voter),
            approve(choice),
            Timestamp::now(),
            &mut rng,
        )
        .await
        .unwrap();
    }
    let overview = app.get(Some(&op), &base).await.json();
    assert_eq!(
        (overview["voted"].clone(), overview["eligible"].clone()),
        (json!(4), json!(4))
    );

    // Strike v3 (a reason is required), and extend the end by a day.
    let no_reason = app
        .api_post(
            &op,
            &format!("{base}/strike"),
            &json!({"voter": "v3"}),
            true,
        )
        .await;
    assert_eq!(no_reason.status, 422);
    let struck = app
        .api_post(
            &op,
            &format!("{base}/strike"),
            &json!({"voter": "v3", "reason": "voted under two names"}),
            true,
        )
        .await;
    assert_eq!(struck.status, 200, "{}", struck.body);
    let overview = app.get(Some(&op), &base).await.json();
    assert_eq!(overview["voted"], 3);
    let later = Timestamp::now().checked_add(72.hours()).unwrap();
    let extended = app
        .api_post(
            &op,
            &format!("{base}/extend"),
            &json!({"closes": later.to_string()}),
            true,
        )
        .await;
    assert_eq!(extended.status, 200, "{}", extended.body);
    let preview = app
        .get(
            Some(&op),
            &format!("{base}/withdraw?question=logo&candidate=tree"),
        )
        .await;
    assert_eq!(preview.json()["voters_who_voted"], 3);

    assert_eq!(act("close").await.status, 200);
    assert_eq!(act("freeze").await.status, 200);
    let set: FrozenSet =
        serde_json::from_str(&app.get(Some(&op), &format!("{base}/ballots")).await.body).unwrap();
    // v3's ballot was struck: three ballots go to the count.
    assert_eq!(set.ballots.len(), 3);
    for s in &secrets[..2] {
        let share = s.share_for(&setup.digest()).unwrap();
        let shares = decryption_shares(share, &set, &mut rng).unwrap();
        let reply = app
            .api_post(
                &op,
                &format!("{base}/trustees/shares"),
                &serde_json::to_value(&shares).unwrap(),
                true,
            )
            .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
    }
    let count = act("count").await;
    assert_eq!(count.status, 202, "{}", count.body);
    let mut state = Value::Null;
    for _ in 0..400 {
        let overview = app.get(Some(&op), &base).await.json();
        state = overview["jobs"][0]["state"].clone();
        if state != "running" {
            assert_eq!(overview["jobs"][0]["done"], overview["jobs"][0]["total"]);
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(state, "succeeded");
    assert_eq!(act("publish").await.status, 200);
    assert_eq!(app.get(Some(&op), &base).await.json()["state"], "published");

    // First preferences without v3: Owl 2 (v1, v2), Box 1 (v4): Owl has a majority.
    let audit = app.get(Some(&op), &format!("{base}/audit")).await.json();
    assert_eq!(audit["verified"], true);
    let recorded = audit["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "count_recorded")
        .unwrap();
    let details: Value = serde_json::from_str(recorded["details"].as_str().unwrap()).unwrap();
    assert_eq!(
        details["elected"],
        json!([{"question": "logo", "elected": ["Owl"]}])
    );
    assert_eq!(details["ballots"], 3);
    let actions: Vec<&str> = audit["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for expected in [
        "election_created",
        "voters_uploaded",
        "ballot_struck",
        "ballots_frozen",
    ] {
        assert!(
            actions.contains(&expected),
            "{expected} missing from {actions:?}"
        );
    }

    // The export is JSON Lines, one per entry, each chained to the previous one.
    let export = app.get(Some(&op), &format!("{base}/audit.jsonl")).await;
    assert_eq!(export.status, 200);
    let lines: Vec<Value> = export
        .body
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), actions.len());
    for pair in lines.windows(2) {
        assert_eq!(pair[1]["prev_hash"], pair[0]["hash"]);
    }
}

#[tokio::test]
async fn forms_create_an_election_and_upload_voters() {
    let app = TestApp::new().await;
    let op = app.staff("operator", true).await;
    let page = app.get(Some(&op), "/admin/elections").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Create an election"), "{}", page.body);

    // A definition that is not JSON: refused with the line and column.
    let bad = app
        .form_post(
            &op,
            "/admin/elections",
            &[("definition", "{\n\"slug\": ,}")],
            true,
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("line 2, column 9"), "{}", bad.body);

    let definition = definition("form-vote").to_string();
    let created = app
        .form_post(
            &op,
            "/admin/elections",
            &[("definition", &definition)],
            true,
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    assert_eq!(
        created.header("location"),
        Some("/admin/elections/form-vote")
    );
    let overview = app.get(Some(&op), "/admin/elections/form-vote").await;
    assert_eq!(overview.status, 200);
    assert!(overview.body.contains("Logo vote"));
    assert!(
        overview.body.contains("AoE (UTC−12)"),
        "window in the election's zone"
    );
    assert!(overview.body.contains("the voter list is empty"));

    let upload = app
        .form_post(
            &op,
            "/admin/elections/form-vote/voters",
            &[("csv", "voter\nann\nbob\n")],
            true,
        )
        .await;
    assert_eq!(upload.status, 200, "{}", upload.body);
    assert_eq!(
        upload.header("content-type"),
        Some("text/csv; charset=utf-8")
    );
    assert_eq!(upload.body.lines().count(), 3, "{}", upload.body);
    // The links are not shown again: uploading the same voters issues no new link.
    let again = app
        .form_post(
            &op,
            "/admin/elections/form-vote/voters",
            &[("csv", "voter\nann\nbob\n")],
            true,
        )
        .await;
    assert_eq!(again.body, "voter,email,link\n");

    // A reissued link comes as a one-row CSV; the old one stops working.
    let reissued = app
        .form_post(
            &op,
            "/admin/elections/form-vote/voters/link",
            &[("voter", "ann"), ("op", "reissue")],
            true,
        )
        .await;
    assert_eq!(reissued.status, 200);
    assert!(
        reissued
            .body
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("ann,,/vote#")
    );
    let old_token = upload
        .body
        .lines()
        .nth(1)
        .unwrap()
        .rsplit('#')
        .next()
        .unwrap();
    let token = urna_core::token::VotingToken::parse(old_token).unwrap();
    assert!(
        service::voters::voter_by_link(&app.db, &token)
            .await
            .unwrap()
            .is_none()
    );

    // Mark ready is refused and the page says why.
    let ready = app
        .form_post(
            &op,
            "/admin/elections/form-vote/actions",
            &[("action", "mark_ready")],
            true,
        )
        .await;
    assert_eq!(ready.status, 409);
    assert!(
        ready
            .body
            .contains("the trustees have not made the election key yet"),
        "{}",
        ready.body
    );
}

#[tokio::test]
async fn roles_decide_who_may_see_and_act() {
    let app = TestApp::new().await;
    let op = app.staff("operator", true).await;
    let outsider = app.staff("outsider", false).await;
    let scrutineer = app.staff("scrutineer", false).await;
    let created = app
        .api_post(&op, "/api/v1/elections", &definition("roles"), true)
        .await;
    assert_eq!(created.status, 201);
    service::elections::grant_role(
        &app.db,
        "roles",
        scrutineer.id,
        ElectionRole::Scrutineer,
        Actor::System,
        Timestamp::now(),
    )
    .await
    .unwrap();

    // Someone with no role in the election: 403 on the pages and the API, and the list is
    // empty.
    assert_eq!(
        app.get(Some(&outsider), "/api/v1/elections/roles")
            .await
            .status,
        403
    );
    assert_eq!(
        app.get(Some(&outsider), "/admin/elections/roles")
            .await
            .status,
        403
    );
    assert_eq!(
        app.get(Some(&outsider), "/api/v1/elections").await.json()["elections"],
        json!([])
    );
    // Only operators create elections.
    let create = app
        .api_post(&outsider, "/api/v1/elections", &definition("mine"), true)
        .await;
    assert_eq!(create.status, 403);

    // A scrutineer sees the overview and the audit log but may not act.
    assert_eq!(
        app.get(Some(&scrutineer), "/api/v1/elections/roles")
            .await
            .status,
        200
    );
    assert_eq!(
        app.get(Some(&scrutineer), "/admin/elections/roles/audit")
            .await
            .status,
        200
    );
    let act = app
        .api_post(
            &scrutineer,
            "/api/v1/elections/roles/voters",
            &json!({"csv": "voter\nx\n"}),
            true,
        )
        .await;
    assert_eq!(act.status, 403, "{}", act.body);
    assert_eq!(
        service::voters::voters(&app.db, "roles")
            .await
            .unwrap()
            .len(),
        0
    );

    // Anonymous: pages redirect to the sign-in form, the API answers 401.
    let page = app.get(None, "/admin/elections/roles").await;
    assert_eq!(page.status, 303);
    assert_eq!(
        page.header("location"),
        Some("/staff/sign-in?next=/admin/elections/roles")
    );
    let api = app.get(None, "/api/v1/elections/roles").await;
    assert_eq!(api.status, 401);
    assert_eq!(api.header("content-type"), Some("application/problem+json"));
}

#[tokio::test]
async fn every_admin_post_without_the_csrf_token_is_refused() {
    let app = TestApp::new().await;
    let op = app.staff("operator", true).await;
    let mut checked = 0;
    for route in ROUTES {
        let admin = route.path.starts_with("/admin/") || route.path.starts_with("/api/v1/");
        if !admin || !route.methods.contains(&"POST") {
            continue;
        }
        let reply = if route.path.starts_with("/api/") {
            app.api_post(&op, route.sample_path, &definition("csrf"), false)
                .await
        } else {
            let definition = definition("csrf").to_string();
            app.form_post(
                &op,
                route.sample_path,
                &[("definition", &definition)],
                false,
            )
            .await
        };
        assert_eq!(reply.status, 403, "{}: {}", route.path, reply.body);
        // A wrong token is no better than none.
        let wrong = Staff {
            cookie: op.cookie.clone(),
            csrf: random_hex(),
            id: op.id,
        };
        let reply = if route.path.starts_with("/api/") {
            app.api_post(&wrong, route.sample_path, &definition("csrf"), true)
                .await
        } else {
            app.form_post(&wrong, route.sample_path, &[], true).await
        };
        assert_eq!(reply.status, 403, "{} (wrong token)", route.path);
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} POST routes");
    // Nothing was created.
    assert!(
        service::elections::list_elections(&app.db)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_tampered_audit_log_is_reported_and_not_exported() {
    let app = TestApp::new().await;
    let op = app.staff("operator", true).await;
    let created = app
        .api_post(&op, "/api/v1/elections", &definition("audited"), true)
        .await;
    assert_eq!(created.status, 201);
    let upload = app
        .api_post(
            &op,
            "/api/v1/elections/audited/voters",
            &json!({"csv": "voter\na\n"}),
            true,
        )
        .await;
    assert_eq!(upload.status, 200);
    let page = app.get(Some(&op), "/admin/elections/audited/audit").await;
    assert!(
        page.body.contains("The hash chain verifies"),
        "{}",
        page.body
    );
    assert_eq!(
        app.get(Some(&op), "/admin/elections/audited/audit.jsonl")
            .await
            .status,
        200
    );

    // Someone with database access removes the append-only guard and rewrites an entry.
    sqlx::query("DROP TRIGGER audit_log_no_update")
        .execute(app.db.sqlite_pool().unwrap())
        .await
        .unwrap();
    sqlx::query("UPDATE audit_log SET details = '{\"added\":99}' WHERE action = 'voters_uploaded'")
        .execute(app.db.sqlite_pool().unwrap())
        .await
        .unwrap();
    let page = app.get(Some(&op), "/admin/elections/audited/audit").await;
    assert!(page.body.contains("does NOT verify"), "{}", page.body);
    let audit = app
        .get(Some(&op), "/api/v1/elections/audited/audit")
        .await
        .json();
    assert_eq!(audit["verified"], false);
    let export = app
        .get(Some(&op), "/api/v1/elections/audited/audit.jsonl")
        .await;
    assert_eq!(export.status, 422, "{}", export.body);
}

// --- election form ---
mod election_form;
// --- end election form ---
// --- safe changes while voting runs (live branch) ---
#[path = "../support/ceremony.rs"]
mod key_ceremony;
mod live;
// --- end safe changes while voting runs ---
