//! Security headers on every route, every method, errors included. The routes come from the
//! application's own table, so a new route is covered without touching this test.

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
            let html = page.body.to_ascii_lowercase();
            assert!(!html.contains("<style"), "{path} {lang}: <style>");
            assert!(!html.contains(" style="), "{path} {lang}: style attribute");
            for (i, _) in html.match_indices("<script") {
                let tag_end = html[i..].find('>').map_or(html.len(), |e| i + e);
                assert!(
                    html[i..tag_end].contains(" src="),
                    "{path} {lang}: inline script"
                );
            }
            // Event-handler attributes (onclick=, onload=…) are inline script too.
            let handler = html
                .split(|c: char| c.is_whitespace())
                .any(|word| word.starts_with("on") && word.contains("=\""));
            assert!(!handler, "{path} {lang}: event-handler attribute");
        }
    }
}
