//! Security headers on every route, every method, errors included. The routes come from the
//! application's own table, so a new route is covered without touching this test: once with
//! the table's sample paths (mostly refusals and 404s), and once with every GET route's
//! parameters filled from seeded elections, as an anonymous visitor, a voter and a site
//! operator, so that the real pages (ballot, receipt, board, results, administration) are
//! checked too.

use urna_web::app::ROUTES;
use urna_web::security::CONTENT_SECURITY_POLICY;

use crate::helpers::{TestApp, TestResponse};

fn assert_security_headers(response: &TestResponse, what: &str) {
    assert_eq!(
        response.header("content-security-policy"),
        Some(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        ),
        "{what}: CSP"
    );
    assert_eq!(
        response.header("x-content-type-options"),
        Some("nosniff"),
        "{what}"
    );
    assert_eq!(
        response.header("referrer-policy"),
        Some("no-referrer"),
        "{what}"
    );
    assert_eq!(
        response.header("cross-origin-opener-policy"),
        Some("same-origin"),
        "{what}"
    );
    assert_eq!(response.header("x-frame-options"), Some("DENY"), "{what}");
    let permissions = response.header("permissions-policy").unwrap_or_default();
    assert!(permissions.contains("camera=()"), "{what}: {permissions}");
    assert!(
        response.header("cache-control").is_some(),
        "{what}: cache-control"
    );
}

#[test]
fn the_policy_constant_is_the_one_specified() {
    assert!(!CONTENT_SECURITY_POLICY.contains("unsafe-inline"));
    assert!(!CONTENT_SECURITY_POLICY.contains("unsafe-eval"));
}

#[tokio::test]
async fn every_route_and_method_sends_the_security_headers() {
    let app = TestApp::new().await;
    for route in ROUTES {
        for method in route.methods {
            let response = match *method {
                "GET" => app.get(route.sample_path).await,
                // Without a session or token: refused, and the refusal carries the headers.
                "POST" => app.post_form(route.sample_path, "", &[]).await,
                other => panic!("test does not know method {other}"),
            };
            let what = format!("{method} {}", route.sample_path);
            assert_security_headers(&response, &what);
            assert!(
                response.header("strict-transport-security").is_none(),
                "{what}"
            );
        }
    }
    // Responses from no route at all.
    assert_security_headers(&app.get("/no-such-page").await, "404");
    let not_allowed = app
        .request(
            axum::http::Request::builder()
                .method("DELETE")
                .uri("/")
                .body(axum::body::Body::empty())
                .expect("request"),
        )
        .await;
    assert_eq!(not_allowed.status, 405);
    assert_security_headers(&not_allowed, "405");
}

#[tokio::test]
async fn hsts_only_when_the_public_url_is_https() {
    let app = TestApp::builder()
        .with_config(|c| {
            c.public_url = Some(
                urna_web::config::PublicUrl::parse("https://vote.example.org").expect("valid"),
            );
        })
        .build()
        .await;
    for route in ROUTES {
        let response = app.get(route.sample_path).await;
        assert_eq!(
            response.header("strict-transport-security"),
            Some("max-age=63072000; includeSubDomains"),
            "{}",
            route.sample_path
        );
    }
}

#[tokio::test]
async fn html_pages_have_no_inline_script_or_style() {
    let app = TestApp::new().await;
    for lang in ["en", "ar", "zh"] {
        for path in ["/", "/vote", "/no-such-page"] {
            let page = app.get(&format!("{path}?lang={lang}")).await;
            assert_no_inline_code(&page.body, &format!("{path} {lang}"));
        }
    }
}

/// What the CSP would block, so a page must not contain it: `<style>` elements, `style`
/// attributes, `<script>` elements with a body to run, and event-handler attributes. A
/// `<script type="application/json">` is a data block, which browsers never run (HTML
/// §4.12.1.1), so it may have a body.
fn assert_no_inline_code(body: &str, what: &str) {
    let html = body.to_ascii_lowercase();
    assert!(!html.contains("<style"), "{what}: <style>");
    assert!(!html.contains(" style="), "{what}: style attribute");
    for (i, _) in html.match_indices("<script") {
        let tag_end = html[i..].find('>').map_or(html.len(), |e| i + e);
        let tag = &html[i..tag_end];
        assert!(
            tag.contains(" src=") || tag.contains("type=\"application/json\""),
            "{what}: inline script {tag}"
        );
    }
    // Event-handler attributes (onclick=, onload=…) are inline script too.
    let handler = html
        .split(|c: char| c.is_whitespace())
        .any(|word| word.starts_with("on") && word.contains("=\""));
    assert!(!handler, "{what}: event-handler attribute");
}

/// CSP directives by name: `script-src 'self'` → ("script-src", ["'self'"]).
fn csp_directives(policy: &str) -> Vec<(String, Vec<String>)> {
    policy
        .split(';')
        .filter_map(|d| {
            let mut words = d.split_whitespace();
            let name = words.next()?.to_ascii_lowercase();
            Some((name, words.map(str::to_owned).collect()))
        })
        .collect()
}

/// What every response must carry (W3C CSP 3, Fetch metadata, RFC 7034 for X-Frame-Options),
/// read from the header itself rather than compared with our own constant: script only from
/// our origin (no 'unsafe-inline', no 'unsafe-eval', no wildcard), no framing, no sniffing, no
/// referrer; and no caching of pages, which carry CSRF tokens and whatever is personal (an
/// HTML page, a staff member's JSON, a voter's ballot).
fn assert_protected(response: &TestResponse, what: &str) {
    let policy = response
        .header("content-security-policy")
        .unwrap_or_else(|| panic!("{what}: no CSP"));
    let directives = csp_directives(policy);
    let sources = |name: &str| {
        directives
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, s)| s.clone())
    };
    // script-src falls back to default-src when absent (CSP 3 §6.1.1).
    let script = sources("script-src")
        .or_else(|| sources("default-src"))
        .unwrap_or_else(|| panic!("{what}: no script-src or default-src in {policy}"));
    for source in &script {
        let lower = source.to_ascii_lowercase();
        assert!(
            lower == "'self'" || lower.starts_with("'sha256-") || lower.starts_with("'nonce-"),
            "{what}: script source {source} allows more than our own files"
        );
    }
    assert_eq!(
        sources("frame-ancestors").as_deref(),
        Some(&["'none'".to_owned()][..]),
        "{what}: frame-ancestors"
    );
    assert_eq!(response.header("x-frame-options"), Some("DENY"), "{what}");
    assert_eq!(
        response.header("x-content-type-options"),
        Some("nosniff"),
        "{what}"
    );
    assert_eq!(
        response.header("referrer-policy"),
        Some("no-referrer"),
        "{what}"
    );
    // Only the static files (versioned, the same for everyone) may be kept by a cache.
    let cache = response.header("cache-control").unwrap_or_default();
    if what.contains(" /static/") {
        assert!(cache.starts_with("public"), "{what}: Cache-Control {cache}");
    } else {
        assert_eq!(cache, "no-store", "{what}: Cache-Control");
    }
}

/// Fills a route's parameters: the open verifiable election "alpha" (board, ballots, the
/// administration) or the published election "board" (results, the frozen ballot set), and
/// the sample path's query, or one naming alpha's question and candidate.
fn filled_path(route_path: &str, sample_path: &str, tracker: &str) -> String {
    let published = route_path.contains("/results") || route_path.contains("/ballots");
    let path = route_path
        .replace("{slug}", if published { "board" } else { "alpha" })
        .replace("{file}", "urna.css")
        .replace("{trustee}", "1")
        // BLT holds ranked ballots (the Meek question), CSV the others.
        .replace(
            "{question}",
            if route_path.ends_with(".blt") {
                "board"
            } else {
                "logo"
            },
        )
        .replace("{tracker}", tracker)
        // The rehearsal seeded for alpha (the first job of the database).
        .replace("{job}", "1");
    if route_path.ends_with("/withdraw") {
        return format!("{path}?question=mascot&candidate=owl");
    }
    match sample_path.split_once('?') {
        Some((_, query)) => format!("{path}?{query}"),
        None => path,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_get_route_of_seeded_elections_sends_the_security_headers() {
    use jiff::{SignedDuration, Timestamp};
    use urna_crypto::TrusteeSecret;
    use urna_web::service::{Actor, board, counting, lifecycle, publish};

    let app = TestApp::new().await;
    // "alpha": open and verifiable; its voter casts a ballot the server seals, whose tracker
    // the receipt route then finds on the board.
    let alpha_voters = crate::verifiable_vote::open_election(&app.db, "alpha").await;
    let voter = crate::voter::sign_in(&app, "alpha", alpha_voters[0], 41).await;
    let receipt = crate::voter::vote(&app, "alpha", &voter, "choice.mascot=box").await;
    assert_eq!(receipt.status, 200, "{}", receipt.body);
    let tracker = receipt
        .body
        .split("id=\"receipt-tracker\" dir=\"ltr\" translate=\"no\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the receipt shows a tracker")
        .to_owned();
    // "board": one ballot, then closed, frozen, decrypted by 2 of 3 trustees, counted and
    // published.
    let (board_voters, secrets) = crate::voter::open_election(&app.db, "board", true).await;
    let board_voter = crate::voter::sign_in(&app, "board", board_voters[0], 42).await;
    let cast = crate::voter::vote(
        &app,
        "board",
        &board_voter,
        "approve.logo=owl&rank.board.ann=1",
    )
    .await;
    assert_eq!(cast.status, 200, "{}", cast.body);
    let now = Timestamp::now()
        .checked_add(SignedDuration::from_secs(1))
        .expect("time");
    lifecycle::close(&app.db, "board", Actor::System, now)
        .await
        .expect("closed");
    counting::freeze(
        &app.db,
        "board",
        Actor::System,
        now,
        &mut urna_crypto::os_rng(),
    )
    .await
    .expect("frozen");
    let two: [&TrusteeSecret; 2] = [&secrets[0], &secrets[2]];
    crate::voter::decrypt_with(&app.db, "board", &two, now).await;
    counting::count(&app.db, "board", None, Actor::System, now)
        .await
        .expect("counted");
    publish::publish(&app.db, "board", Actor::System, now)
        .await
        .expect("published");
    board::publish_all(&app.db, &app.server_key)
        .await
        .expect("boards published");
    // --- rehearsal (issue 7): a finished rehearsal of alpha, its report stored ---
    let alpha = app
        .db
        .election_by_slug("alpha")
        .await
        .expect("read")
        .expect("alpha");
    let at = urna_store::UnixMicros(now.as_microsecond());
    let job = app
        .db
        .start_job(Some(alpha.id), "rehearsal", 1, at)
        .await
        .expect("job");
    assert_eq!(job.0, 1, "filled_path names it");
    let report = serde_json::json!({"slug": "alpha", "revision": alpha.revision, "passed": true,
        "findings": [], "voters": 1, "ballots": 1, "results": [], "timings": [], "total_millis": 1});
    app.db
        .record_rehearsal(alpha.id, Some(job), alpha.revision, true, &report, at)
        .await
        .expect("stored");
    app.db
        .finish_job(job, Ok(Some("passed")), at)
        .await
        .expect("finished");
    // --- end rehearsal ---
    let operator =
        crate::staff_support::signed_in_staff(&app.db, app.sessions.as_ref(), "otto", true).await;
    let operator_cookie = format!("urna_session={}", operator.cookie);
    // --- scrutiny (scrutiny branch): the checkuser pages need the right as well ---
    let by = urna_web::staff::StaffUser {
        id: operator.id,
        username: "otto".into(),
        is_operator: true,
        is_checkuser: false,
    };
    urna_web::staff::set_checkuser(&app.db, &by, operator.id, true)
        .await
        .expect("the operator grants itself the checkuser right");
    // --- end scrutiny ---

    let browsers: [(&str, Option<&str>); 3] = [
        ("anonymous", None),
        ("voter", Some(voter.cookie.as_str())),
        ("operator", Some(operator_cookie.as_str())),
    ];
    let mut pages = 0;
    for route in ROUTES.iter().filter(|r| r.methods.contains(&"GET")) {
        let path = filled_path(route.path, route.sample_path, &tracker);
        let mut answered = false;
        for (who, cookie) in browsers {
            let headers: Vec<(&str, &str)> = cookie.map(|c| ("cookie", c)).into_iter().collect();
            let response = app.get_with(&path, &headers).await;
            let what = format!("GET {path} as {who}");
            assert_protected(&response, &what);
            if response
                .header("content-type")
                .is_some_and(|t| t.starts_with("text/html"))
            {
                assert_no_inline_code(&response.body, &what);
            }
            answered |= response.status.is_success();
            pages += 1;
        }
        // Filled from the seeded elections, every GET route shows its real page to someone.
        // Except the sign-in callback: it answers a provider's redirect with another redirect
        // (tests/http/signin.rs), and without a provider it can only refuse.
        let redirect_only = route.path == urna_web::signin::CALLBACK_PATH;
        assert!(answered || redirect_only, "GET {path}: nobody got a page");
    }
    assert!(pages >= 3 * 35, "only {pages} pages fetched");
}
