//! The pages and endpoints themselves.

use std::collections::BTreeSet;

use urna_web::app::ROUTES;

use crate::helpers::{GOOD_TOKEN, TestApp};

#[tokio::test]
async fn home_page_explains_urna_with_landmarks() {
    let app = TestApp::new().await;
    let page = app.get("/").await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    for landmark in [
        r##"<a class="skip-link" href="#main">Skip to main content</a>"##,
        r#"<main id="main""#,
        r#"<header class="site-header">"#,
        r#"<footer class="site-footer">"#,
        r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#,
        "<h1>Elections a community can trust</h1>",
        "There are no public elections on this server yet.",
    ] {
        assert!(page.body.contains(landmark), "missing {landmark}");
    }
    assert_eq!(page.header("cache-control"), Some("no-store"));
}

#[tokio::test]
async fn unknown_voting_link_is_answered_clearly_in_each_language() {
    let app = TestApp::new().await;
    let session = app.open_sign_in_form().await;
    let english = app.sign_in(&session, GOOD_TOKEN, &[]).await;
    assert_eq!(english.status, 403);
    assert!(
        english
            .body
            .contains("This voting link is unknown or has expired.")
    );
    // The form is shown again, with a fresh field (the token is not echoed back).
    assert!(english.body.contains(r#"aria-invalid="true""#));
    assert!(!english.body.contains(GOOD_TOKEN));
    let arabic = app
        .sign_in(&session, GOOD_TOKEN, &[("accept-language", "ar")])
        .await;
    assert!(
        arabic
            .body
            .contains("رابط التصويت هذا غير معروف أو انتهت صلاحيته")
    );
    let empty = app.sign_in(&session, "", &[]).await;
    assert_eq!(empty.status, 422);
    assert!(empty.body.contains("Enter your voting link or code."));
    let malformed = app.sign_in(&session, "hello", &[]).await;
    assert_eq!(malformed.status, 422);
    assert!(malformed.body.contains("This is not a voting link."));
}

#[tokio::test]
async fn healthz_answers_ok() {
    let response = TestApp::new().await.get("/healthz").await;
    assert_eq!(response.status, 200);
    let body: serde_json::Value = serde_json::from_str(&response.body).expect("JSON");
    assert_eq!(body["status"], "ok");
}

#[tokio::test]
async fn static_files_are_versioned_and_cacheable() {
    let app = TestApp::new().await;
    let home = app.get("/").await;
    let css_link = home
        .body
        .split('"')
        .find(|s| s.starts_with("/static/urna.css?v="))
        .expect("the page links the stylesheet with a version")
        .to_owned();
    let css = app.get(&css_link).await;
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert_eq!(
        css.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    assert!(css.body.contains("margin-inline"));
    let etag = css.header("etag").expect("ETag").to_owned();
    // The ETag is the version in the URL.
    assert!(css_link.ends_with(etag.trim_matches('"')));
    let again = app
        .get_with("/static/urna.css", &[("if-none-match", &etag)])
        .await;
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    let js = app.get("/static/urna.js").await;
    assert_eq!(
        js.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert_eq!(app.get("/static/../Cargo.toml").await.status, 404);
    assert_eq!(app.get("/static/missing.css").await.status, 404);
}

#[tokio::test]
async fn openapi_document_lists_exactly_the_routes_that_exist() {
    let response = TestApp::new().await.get("/api/openapi.json").await;
    assert_eq!(response.status, 200);
    assert_eq!(response.header("content-type"), Some("application/json"));
    let document: serde_json::Value = serde_json::from_str(&response.body).expect("JSON");
    assert_eq!(document["openapi"], "3.1.0");
    let paths = document["paths"].as_object().expect("paths object");
    let documented: BTreeSet<(String, String)> = paths
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .expect("path item")
                .keys()
                .map(move |method| (path.clone(), method.to_ascii_uppercase()))
        })
        .collect();
    let served: BTreeSet<(String, String)> = ROUTES
        .iter()
        .flat_map(|r| {
            r.methods
                .iter()
                .map(|m| (r.path.to_owned(), (*m).to_owned()))
        })
        .collect();
    assert_eq!(documented, served);
}
