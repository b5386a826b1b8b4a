//! Scrutiny through the whole stack: voters cast over HTTP from planted addresses (a trusted
//! proxy's `X-Forwarded-For`), user agents and browser cookies; the fingerprints are checked
//! against HMAC-SHA-256 computed here by hand from the server key; scrutineers see clusters
//! but never an address or a user agent; a checkuser sees raw values with a logged reason that
//! another scrutineer can read; striking from a cluster; the purge after the close.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use hmac::{Hmac, KeyInit, Mac};
use jiff::Timestamp;
use serde_json::{Value, json};
use sha2::Sha256;
use urna_store::{AccountId, ElectionRole, VoterId};
use urna_web::service::scrutiny::{BrowserId, Submission, fingerprint};
use urna_web::service::{self, Actor, elections, lifecycle, voters};
use urna_web::staff::{StaffUser, set_checkuser};

use crate::helpers::{TestApp, TestResponse};
use crate::staff_support::{Staff, signed_in_staff};
use crate::voter::{board_spec, ceremony, sign_in};

/// The planted sockpuppets' browser: one cookie, one user agent, one /24.
const PUPPET_COOKIE: &str = "0123456789abcdef0123456789abcdef";
const PUPPET_AGENT: &str = "PuppetBrowser/1.0 (sock)";
const PUPPET_ADDRESSES: [&str; 3] = ["198.51.100.10", "198.51.100.20", "198.51.100.30"];
/// An unrelated voter.
const LONER_ADDRESS: &str = "203.0.113.5";
const LONER_AGENT: &str = "LonerBrowser/2.0";
/// Two voters in one IPv6 /64 (2001:db8:aa:bb::/64) with different browsers.
const V6_ADDRESSES: [&str; 2] = ["2001:db8:aa:bb::1", "2001:db8:aa:bb:ffff:ffff:ffff:fffe"];

/// The proxy in front of the server: the test app's peer address (helpers.rs).
const PROXY: [u8; 4] = [192, 0, 2, 7];

async fn app() -> TestApp {
    TestApp::builder()
        .with_config(|config| {
            config.rate_limit.trusted_proxies = vec![std::net::IpAddr::from(PROXY)];
        })
        .build()
        .await
}

/// An open election with voters v0…v5 (sealed ballots: a ranked question).
async fn open_election(app: &TestApp, slug: &str) -> Vec<VoterId> {
    let now = Timestamp::now();
    elections::create_election(&app.db, board_spec(slug, true), None, Actor::System, now)
        .await
        .expect("created");
    let upload = voters::upload_voters(
        &app.db,
        slug,
        "voter\nv0\nv1\nv2\nv3\nv4\nv5\n",
        Actor::System,
        now,
    )
    .await
    .expect("voters");
    ceremony(&app.db, slug, now).await;
    lifecycle::mark_ready(&app.db, slug, Actor::System, now)
        .await
        .expect("ready");
    lifecycle::open(&app.db, slug, Actor::System, now)
        .await
        .expect("open");
    upload.issued.iter().map(|l| l.voter_id).collect()
}

/// Casts `voter`'s ballot from `address` with `agent` and, if any, the browser `cookie`.
async fn cast_from(
    app: &TestApp,
    slug: &str,
    voter: VoterId,
    n: u8,
    address: &str,
    agent: &str,
    cookie: Option<&str>,
) -> TestResponse {
    let browser = sign_in(app, slug, voter, n).await;
    let cookies = match cookie {
        Some(c) => format!("{}; urna_browser={c}", browser.cookie),
        None => browser.cookie.clone(),
    };
    let fields = "approve.logo=owl&rank.board.ann=1";
    let headers = [
        ("cookie", cookies.as_str()),
        ("x-forwarded-for", address),
        ("user-agent", agent),
    ];
    let review = app
        .post_form(
            &format!("/elections/{slug}/ballot/review"),
            &format!("csrf_token={}&{fields}", browser.csrf),
            &headers,
        )
        .await;
    assert_eq!(review.status, StatusCode::OK, "{}", review.body);
    let cast = app
        .post_form(
            &format!("/elections/{slug}/ballot/cast"),
            &format!("csrf_token={}&{fields}&action=cast", browser.csrf),
            &headers,
        )
        .await;
    assert_eq!(cast.status, StatusCode::OK, "{}", cast.body);
    assert!(cast.body.contains("receipt-code"), "a receipt");
    cast
}

/// The planted voters: v0–v2 sockpuppets, v3 alone, v4 and v5 in one IPv6 /64.
async fn plant(app: &TestApp, slug: &str, ids: &[VoterId]) {
    for (i, address) in PUPPET_ADDRESSES.iter().enumerate() {
        let cast = cast_from(
            app,
            slug,
            ids[i],
            i as u8 + 1,
            address,
            PUPPET_AGENT,
            Some(PUPPET_COOKIE),
        )
        .await;
        assert!(
            !cast
                .headers
                .get_all(header::SET_COOKIE)
                .iter()
                .any(|c| c.to_str().is_ok_and(|c| c.starts_with("urna_browser="))),
            "a browser that has the cookie gets no new one"
        );
    }
    let loner = cast_from(app, slug, ids[3], 4, LONER_ADDRESS, LONER_AGENT, None).await;
    let issued: Vec<&str> = loner
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|c| c.to_str().ok())
        .filter(|c| c.starts_with("urna_browser="))
        .collect();
    assert_eq!(issued.len(), 1, "a browser without the cookie gets one");
    let cookie = issued[0];
    for attribute in [
        "; Path=/",
        "; HttpOnly",
        "; SameSite=Lax",
        "; Max-Age=63072000",
    ] {
        assert!(cookie.contains(attribute), "{cookie} has {attribute}");
    }
    cast_from(
        app,
        slug,
        ids[4],
        5,
        V6_ADDRESSES[0],
        "SixBrowser/1",
        Some("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
    )
    .await;
    cast_from(
        app,
        slug,
        ids[5],
        6,
        V6_ADDRESSES[1],
        "SixBrowser/2",
        Some("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"),
    )
    .await;
}

/// HMAC-SHA-256, as RFC 2104 defines it (the `hmac` crate), for the expected values.
fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("any key length");
    mac.update(message);
    mac.finalize().into_bytes().into()
}

/// The server key the application loaded: the data directory's key file (64 hex digits).
fn server_key_bytes(app: &TestApp) -> Vec<u8> {
    let text = std::fs::read_to_string(app.data_dir.path().join("secret.key")).expect("key file");
    urna_crypto::encoding::from_hex(text.trim()).expect("hex")
}

/// The fingerprint of `label`/`value` in election `election_id`, by the documented derivation:
/// key = HMAC(server key, "urna-scrutiny-fingerprint-v1" 0x00 election id), print =
/// HMAC(key, label 0x00 value).
fn expected_print(server_key: &[u8], election_id: &str, label: &str, value: &str) -> Vec<u8> {
    let key = hmac_sha256(
        server_key,
        format!("urna-scrutiny-fingerprint-v1\0{election_id}").as_bytes(),
    );
    hmac_sha256(&key, format!("{label}\0{value}").as_bytes()).to_vec()
}

async fn staff_with_role(app: &TestApp, slug: &str, name: &str, role: ElectionRole) -> Staff {
    let staff = signed_in_staff(&app.db, app.sessions.as_ref(), name, false).await;
    elections::grant_role(
        &app.db,
        slug,
        staff.id,
        role,
        Actor::System,
        Timestamp::now(),
    )
    .await
    .expect("role granted");
    staff
}

async fn grant_checkuser(app: &TestApp, account: AccountId) {
    let operator = signed_in_staff(&app.db, app.sessions.as_ref(), "otto", true).await;
    let by = StaffUser {
        id: operator.id,
        username: "otto".into(),
        is_operator: true,
        is_checkuser: false,
    };
    set_checkuser(&app.db, &by, account, true)
        .await
        .expect("granted");
}

async fn api(
    app: &TestApp,
    staff: &Staff,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> TestResponse {
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::COOKIE, format!("urna_session={}", staff.cookie))
        .header("sec-fetch-site", "same-origin")
        .header("x-csrf-token", &staff.csrf);
    let body = match body {
        Some(value) => {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(value.to_string())
        }
        None => Body::empty(),
    };
    app.request(request.body(body).expect("request")).await
}

async fn page(app: &TestApp, staff: &Staff, path: &str) -> TestResponse {
    app.get_with(
        path,
        &[("cookie", &format!("urna_session={}", staff.cookie))],
    )
    .await
}

/// Every planted raw value: none may appear outside the checkuser's answers.
fn raw_values() -> Vec<&'static str> {
    let mut all = vec![
        PUPPET_AGENT,
        LONER_AGENT,
        LONER_ADDRESS,
        "SixBrowser",
        "198.51.100",
        "2001:db8",
        "203.0.113",
    ];
    all.extend(PUPPET_ADDRESSES);
    all
}

fn assert_no_raw_values(what: &str, body: &str) {
    for raw in raw_values() {
        assert!(!body.contains(raw), "{what} shows {raw:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fingerprints_are_keyed_per_election_and_group_by_network() {
    let app = app().await;
    let ids = open_election(&app, "sock").await;
    plant(&app, "sock", &ids).await;
    let loaded = service::load(&app.db, "sock").await.expect("loaded");
    let election_id = loaded.election.id().as_str().to_owned();
    let key = server_key_bytes(&app);
    let rows = app
        .db
        .submission_prints(loaded.row_id)
        .await
        .expect("prints");
    let of = |voter: VoterId| {
        rows.iter()
            .find(|r| r.voter == voter)
            .expect("a row per voter")
    };
    assert_eq!(rows.len(), 6);

    // The /24 of 198.51.100.10/.20/.30 is 198.51.100.0/24 (RFC 4632): one network print.
    let puppet_network = expected_print(&key, &election_id, "network", "198.51.100.0/24");
    for voter in &ids[..3] {
        assert_eq!(of(*voter).network, puppet_network);
        assert_eq!(
            of(*voter).agent,
            expected_print(&key, &election_id, "agent", PUPPET_AGENT)
        );
        assert_eq!(
            of(*voter).cookie,
            expected_print(&key, &election_id, "cookie", PUPPET_COOKIE)
        );
    }
    // Another /24: another print.
    assert_eq!(
        of(ids[3]).network,
        expected_print(&key, &election_id, "network", "203.0.113.0/24")
    );
    assert_ne!(of(ids[3]).network, puppet_network);
    // Both IPv6 addresses are in 2001:db8:aa:bb::/64 (RFC 4291: the first 64 bits).
    let v6 = expected_print(&key, &election_id, "network", "2001:db8:aa:bb::/64");
    assert_eq!(of(ids[4]).network, v6);
    assert_eq!(of(ids[5]).network, v6);
    assert_ne!(of(ids[4]).agent, of(ids[5]).agent);

    // The same submission in another election gives other fingerprints: nothing joins.
    elections::create_election(
        &app.db,
        board_spec("other", true),
        None,
        Actor::System,
        Timestamp::now(),
    )
    .await
    .expect("created");
    let other = service::load(&app.db, "other").await.expect("loaded");
    assert_ne!(other.election.id().as_str(), election_id);
    let submission = Submission {
        address: Some(PUPPET_ADDRESSES[0].parse().expect("address")),
        user_agent: PUPPET_AGENT.to_owned(),
        browser: BrowserId::parse(PUPPET_COOKIE).expect("cookie"),
    };
    let here = fingerprint(&app.server_key, &loaded, ids[0], &submission).expect("prints");
    let there = fingerprint(&app.server_key, &other, ids[0], &submission).expect("prints");
    assert_eq!(here.network.to_vec(), puppet_network);
    assert_ne!(here.network, there.network);
    assert_ne!(here.agent, there.agent);
    assert_ne!(here.cookie, there.cookie);
    assert_eq!(
        there.network.to_vec(),
        expected_print(
            &key,
            other.election.id().as_str(),
            "network",
            "198.51.100.0/24"
        )
    );
    // The raw values are stored sealed: neither address nor user agent appears in the rows.
    let sealed = app
        .db
        .sealed_submissions(loaded.row_id, &ids)
        .await
        .expect("sealed");
    for row in &sealed {
        for raw in raw_values() {
            assert!(
                !row.sealed_raw
                    .windows(raw.len())
                    .any(|w| w == raw.as_bytes()),
                "{raw} in the clear"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scrutineers_see_clusters_without_addresses_and_checkusers_see_raw_values_logged() {
    let app = app().await;
    let ids = open_election(&app, "sock").await;
    plant(&app, "sock", &ids).await;
    let sam = staff_with_role(&app, "sock", "sam", ElectionRole::Scrutineer).await;
    let cleo = staff_with_role(&app, "sock", "cleo", ElectionRole::Scrutineer).await;
    grant_checkuser(&app, cleo.id).await;

    // The clusters, as JSON and as the page: no address, network or user agent in the bytes.
    let answer = api(
        &app,
        &sam,
        Method::GET,
        "/api/v1/elections/sock/scrutiny/clusters",
        None,
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_no_raw_values("the clusters JSON", &answer.body);
    let clusters: Value = serde_json::from_str(&answer.body).expect("JSON");
    // v0–v2 share a cookie (strong) and a user agent on one network (medium); their shared
    // network alone repeats that, so it is not listed. v4–v5 share only a /64 (weak). v3 is in
    // no cluster.
    assert_eq!(
        clusters,
        json!({"clusters": [
            {"strength": "strong",
             "voters": [{"voter": "v0", "counted": true}, {"voter": "v1", "counted": true}, {"voter": "v2", "counted": true}],
             "links": [
                {"signal": "cookie", "strength": "strong", "voters": ["v0", "v1", "v2"]},
                {"signal": "agent_on_network", "strength": "medium", "voters": ["v0", "v1", "v2"]}]},
            {"strength": "weak",
             "voters": [{"voter": "v4", "counted": true}, {"voter": "v5", "counted": true}],
             "links": [{"signal": "network", "strength": "weak", "voters": ["v4", "v5"]}]}
        ]})
    );
    let html = page(&app, &sam, "/admin/elections/sock/scrutiny").await;
    assert_eq!(html.status, StatusCode::OK);
    assert_no_raw_values("the clusters page", &html.body);
    assert!(html.body.contains("value=\"v2\""), "a strike box per voter");
    assert!(
        !html.body.contains("/scrutiny/checkuser?"),
        "no checkuser link for sam"
    );

    // A scrutineer without the checkuser right is refused raw values.
    let refused = api(
        &app,
        &sam,
        Method::POST,
        "/api/v1/elections/sock/scrutiny/checkuser",
        Some(json!({"voters": ["v0"], "reason": "curious"})),
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    // A checkuser must give a reason.
    let no_reason = api(
        &app,
        &cleo,
        Method::POST,
        "/api/v1/elections/sock/scrutiny/checkuser",
        Some(json!({"voters": ["v0"], "reason": "  "})),
    )
    .await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    let raw = api(
        &app,
        &cleo,
        Method::POST,
        "/api/v1/elections/sock/scrutiny/checkuser",
        Some(json!({"voters": ["v0", "v1"], "reason": "report of sockpuppets, ticket 42"})),
    )
    .await;
    assert_eq!(raw.status, StatusCode::OK, "{}", raw.body);
    let raw: Value = serde_json::from_str(&raw.body).expect("JSON");
    assert_eq!(
        raw,
        json!({"submissions": [
            {"voter": "v0", "address": "198.51.100.10", "network": "198.51.100.0/24", "user_agent": PUPPET_AGENT},
            {"voter": "v1", "address": "198.51.100.20", "network": "198.51.100.0/24", "user_agent": PUPPET_AGENT}
        ]})
    );
    // The checkuser page shows them too, behind the same right.
    let form = page(
        &app,
        &cleo,
        "/admin/elections/sock/scrutiny/checkuser?voter=v3",
    )
    .await;
    assert_eq!(form.status, StatusCode::OK);
    let shown = app
        .post_form(
            "/admin/elections/sock/scrutiny/checkuser",
            &format!(
                "csrf_token={}&voter=v3&reason=second+look",
                form.csrf_token()
            ),
            &[("cookie", &format!("urna_session={}", cleo.cookie))],
        )
        .await;
    assert_eq!(shown.status, StatusCode::OK, "{}", shown.body);
    assert!(shown.body.contains(LONER_ADDRESS) && shown.body.contains(LONER_AGENT));

    // Sam, another scrutineer, reads who looked, at whom and why.
    let views = api(
        &app,
        &sam,
        Method::GET,
        "/api/v1/elections/sock/scrutiny/views",
        None,
    )
    .await;
    let views: Value = serde_json::from_str(&views.body).expect("JSON");
    let entries = views["views"].as_array().expect("views");
    let checks: Vec<&Value> = entries
        .iter()
        .filter(|v| v["action"] == "scrutiny.checkuser-viewed")
        .collect();
    assert_eq!(checks.len(), 2, "{views}");
    assert_eq!(
        checks[0]["details"],
        json!({"voters": ["v0", "v1"], "reason": "report of sockpuppets, ticket 42"})
    );
    assert_eq!(checks[0]["actor"], format!("account:{}", cleo.id));
    assert_eq!(checks[1]["details"]["voters"], json!(["v3"]));
    // Both cluster views (JSON and page) are logged too.
    assert_eq!(
        entries
            .iter()
            .filter(|v| v["action"] == "scrutiny.clusters-viewed")
            .count(),
        2
    );
    let views_page = page(&app, &sam, "/admin/elections/sock/scrutiny/views").await;
    assert!(views_page.body.contains("report of sockpuppets, ticket 42"));
    assert_no_raw_values("the views page", &views_page.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cluster_is_struck_from_the_scrutiny_page_and_private_data_purged_after_close() {
    let app = app().await;
    let ids = open_election(&app, "sock").await;
    plant(&app, "sock", &ids).await;
    let sam = staff_with_role(&app, "sock", "sam", ElectionRole::Scrutineer).await;
    let ada = staff_with_role(&app, "sock", "ada", ElectionRole::Admin).await;
    let page_before = page(&app, &sam, "/admin/elections/sock/scrutiny").await;
    let struck = app
        .post_form(
            "/admin/elections/sock/scrutiny/strike",
            &format!(
                "csrf_token={}&voter=v0&voter=v1&voter=v2&reason=one+browser",
                page_before.csrf_token()
            ),
            &[("cookie", &format!("urna_session={}", sam.cookie))],
        )
        .await;
    assert_eq!(struck.status, StatusCode::SEE_OTHER, "{}", struck.body);
    assert_eq!(
        struck.header("location"),
        Some("/admin/elections/sock/scrutiny?struck=3&failed=0")
    );
    // 6 voted, 3 struck.
    assert_eq!(
        service::admin::turnout(&app.db, "sock")
            .await
            .expect("turnout")
            .voted,
        3
    );
    let loaded = service::load(&app.db, "sock").await.expect("loaded");
    let audit = app.db.audit_log(Some(loaded.row_id)).await.expect("audit");
    let strikes: Vec<&str> = audit
        .iter()
        .filter(|e| e.action == "ballot_struck")
        .map(|e| e.details.as_str())
        .collect();
    assert_eq!(strikes.len(), 3);
    assert!(strikes.iter().all(|d| d.contains("one browser")));

    // Voting is still open: no purge yet.
    let early = api(
        &app,
        &ada,
        Method::POST,
        "/api/v1/elections/sock/purge",
        None,
    )
    .await;
    assert_eq!(
        early.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        early.body
    );
    // v3 votes again (a superseded ballot), then voting closes.
    cast_from(
        &app,
        "sock",
        ids[3],
        7,
        LONER_ADDRESS,
        LONER_AGENT,
        Some(PUPPET_COOKIE),
    )
    .await;
    let prints = app
        .db
        .submission_prints(loaded.row_id)
        .await
        .expect("prints");
    assert_eq!(prints.len(), 7);
    let times: Vec<i64> = app
        .db
        .voters_who_voted(loaded.row_id)
        .await
        .expect("voters")
        .iter()
        .filter_map(|v| v.last_voted_at.map(|t| t.0))
        .collect();
    assert!(!times.is_empty());
    lifecycle::close(&app.db, "sock", Actor::System, Timestamp::now())
        .await
        .expect("closed");

    let purged = api(
        &app,
        &ada,
        Method::POST,
        "/api/v1/elections/sock/purge",
        None,
    )
    .await;
    assert_eq!(purged.status, StatusCode::OK, "{}", purged.body);
    let report: Value = serde_json::from_str(&purged.body).expect("JSON");
    // 7 submissions and 7 vote times; 7 voter sessions (one per sign-in); not published, so
    // the superseded ballots stay for now.
    assert_eq!(report["first"], true);
    assert_eq!(report["submissions"], 7);
    assert_eq!(report["vote_times"], 7);
    assert_eq!(report["voter_sessions"], 7);
    assert_eq!(report["ballots_included"], false);
    let cells = dump::every_cell(&app.db).await;
    let mut left = Vec::new();
    for (place, value) in &cells {
        for row in &prints {
            for print in [&row.network, &row.agent, &row.cookie] {
                if dump::contains(value, print) {
                    left.push(format!("a fingerprint in {place}"));
                }
            }
        }
        for time in &times {
            if dump::contains(value, time.to_string().as_bytes()) {
                left.push(format!("a vote time in {place}"));
            }
        }
        for raw in raw_values() {
            if dump::contains(value, raw.as_bytes()) {
                left.push(format!("{raw} in {place}"));
            }
        }
    }
    assert!(left.is_empty(), "{left:?}");
    assert!(
        app.db
            .submission_prints(loaded.row_id)
            .await
            .expect("prints")
            .is_empty()
    );
    assert!(
        app.db
            .purged_at(loaded.row_id)
            .await
            .expect("read")
            .is_some()
    );
    // The scheduler finds nothing more to do: already purged.
    let due =
        service::scrutiny::run_due_purges(&app.db, jiff::SignedDuration::ZERO, Timestamp::now())
            .await
            .expect("runs");
    assert!(due.is_empty(), "{due:?}");
}

// The store's dump helper (its test crate allows unwrap in helpers).
#[allow(clippy::unwrap_used)]
#[path = "../../../urna-store/tests/store/every_cell.rs"]
mod dump;
