//! Errors: HTML or JSON by Accept, nothing internal leaks, panics become a 500 page.

use axum::Router;
use axum::routing::get;
use urna_web::app::AppState;

use crate::helpers::TestApp;

#[tokio::test]
async fn not_found_as_html_and_as_problem_json() {
    let app = TestApp::new().await;
    let html = app.get("/elections/42").await;
    assert_eq!(html.status, 404);
    assert_eq!(
        html.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(html.body.contains("<h1>Page not found</h1>"));
    let json = app
        .get_with("/elections/42", &[("accept", "application/json")])
        .await;
    assert_eq!(json.status, 404);
    assert_eq!(
        json.header("content-type"),
        Some("application/problem+json")
    );
    let problem: serde_json::Value = serde_json::from_str(&json.body).expect("JSON");
    assert_eq!(
        problem,
        serde_json::json!({
            "type": "urn:urna:problem:not-found",
            "title": "Page not found",
            "status": 404,
            "detail": "There is nothing at this address. Check the link, or start again from the home page."
        })
    );
    // Under /api/ errors are JSON whatever Accept says.
    let api = app.get("/api/nothing").await;
    assert_eq!(api.header("content-type"), Some("application/problem+json"));
}

#[tokio::test]
async fn a_panic_becomes_a_500_page_without_details() {
    let extra: Router<AppState> = Router::new().route(
        "/test-panic",
        get(|| async {
            let secret_detail = "database password is hunter2";
            panic!("handler failed: {secret_detail}");
            #[allow(unreachable_code)]
            ""
        }),
    );
    let app = TestApp::builder().with_routes(extra).build().await;
    let response = app.get("/test-panic").await;
    assert_eq!(response.status, 500);
    assert!(response.body.contains("Something went wrong"));
    assert!(!response.body.contains("hunter2"));
    assert!(!response.body.contains("panic"));
    assert!(response.header("content-security-policy").is_some());
    // The server keeps answering.
    assert_eq!(app.get("/healthz").await.status, 200);
}

#[tokio::test]
async fn malformed_form_gives_a_generic_400_not_the_parser_message() {
    let app = TestApp::new().await;
    let session = app.open_sign_in_form().await;
    let cookie = format!("urna_session={}", session.cookie);
    // Not a form content type.
    let request = axum::http::Request::builder()
        .method("POST")
        .uri("/vote")
        .header("sec-fetch-site", "same-origin")
        .header("cookie", cookie)
        .header("content-type", "application/json")
        .body(axum::body::Body::from(format!(
            r#"{{"csrf_token":"{}"}}"#,
            session.csrf
        )))
        .expect("request");
    let response = app.request(request).await;
    assert_eq!(response.status, 400);
    assert!(response.body.contains("The request could not be read"));
    assert!(!response.body.to_ascii_lowercase().contains("deserializ"));
}

#[tokio::test]
async fn oversized_body_gets_413() {
    let app = TestApp::builder()
        .with_config(|c| c.max_body_bytes = 1024)
        .build()
        .await;
    let session = app.open_sign_in_form().await;
    let big = "a".repeat(4096);
    let response = app.sign_in(&session, &big, &[]).await;
    assert_eq!(response.status, 413);
    assert!(response.body.contains("Too much data"), "{}", response.body);
}

#[tokio::test]
async fn wrong_method_gets_405_with_allow_header() {
    let app = TestApp::new().await;
    let request = axum::http::Request::builder()
        .method("PUT")
        .uri("/healthz")
        .header("sec-fetch-site", "same-origin")
        .body(axum::body::Body::empty())
        .expect("request");
    let response = app.request(request).await;
    assert_eq!(response.status, 405);
    assert!(response.header("allow").unwrap_or_default().contains("GET"));
    assert!(response.body.contains("Not allowed here"));
}

#[tokio::test]
async fn a_slow_request_is_cut_off_by_the_timeout() {
    let extra: Router<AppState> = Router::new().route(
        "/test-slow",
        get(|| async {
            tokio::time::sleep(std::time::Duration::from_secs(30)).await;
            "too late"
        }),
    );
    let app = TestApp::builder()
        .with_config(|c| c.request_timeout_seconds = 1)
        .with_routes(extra)
        .build()
        .await;
    let started = std::time::Instant::now();
    let response = app.get("/test-slow").await;
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert_eq!(response.status, 503);
    assert!(
        response.body.contains("This took too long"),
        "{}",
        response.body
    );
}
