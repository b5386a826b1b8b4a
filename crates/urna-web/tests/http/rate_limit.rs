//! Rate limiting on sign-in: after the burst, 429 with Retry-After and a clear message.

use crate::helpers::TestApp;

async fn limited_app() -> TestApp {
    TestApp::builder()
        .with_config(|c| {
            c.rate_limit.burst = 3;
            c.rate_limit.replenish_seconds = 60;
        })
        .build()
        .await
}

#[tokio::test]
async fn fourth_sign_in_attempt_within_a_minute_gets_429() {
    let app = limited_app().await;
    let session = app.open_sign_in_form().await;
    for attempt in 1..=3 {
        let response = app.sign_in(&session, "not-a-link", &[]).await;
        assert_eq!(response.status, 422, "attempt {attempt}");
    }
    let limited = app.sign_in(&session, "not-a-link", &[]).await;
    assert_eq!(limited.status, 429);
    // One token replenishes every 60 s; the wait is at most that.
    let retry_after: u64 = limited
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert!(
        limited.body.contains("Too many attempts"),
        "{}",
        limited.body
    );
    // Fluent wraps arguments in Unicode bidi isolates (U+2068 … U+2069) so that numbers and
    // names keep their direction inside right-to-left text.
    let text = limited.body.replace(['\u{2068}', '\u{2069}'], "");
    assert!(
        text.contains(&format!("Wait {retry_after} seconds")),
        "{text}"
    );
    // The form itself stays reachable.
    assert_eq!(app.get("/vote").await.status, 200);
}

#[tokio::test]
async fn rate_limit_message_is_translated_and_available_as_json() {
    let app = limited_app().await;
    let session = app.open_sign_in_form().await;
    for _ in 0..3 {
        app.sign_in(&session, "x", &[]).await;
    }
    let arabic = app
        .sign_in(&session, "x", &[("accept-language", "ar")])
        .await;
    assert_eq!(arabic.status, 429);
    assert!(arabic.body.contains("محاولات كثيرة جدًا"), "{}", arabic.body);
    let json = app
        .sign_in(&session, "x", &[("accept", "application/json")])
        .await;
    assert_eq!(json.status, 429);
    assert_eq!(
        json.header("content-type"),
        Some("application/problem+json")
    );
    let problem: serde_json::Value = serde_json::from_str(&json.body).expect("JSON");
    assert_eq!(problem["status"], 429);
    assert_eq!(problem["type"], "urn:urna:problem:rate-limited");
    assert_eq!(problem["title"], "Too many attempts");
}

/// The test server's peer address is 192.0.2.7 (`helpers.rs`). As a trusted proxy, it
/// forwards clients whose limits are kept apart; as an untrusted peer, its header is ignored.
async fn three_attempts_then(app: &TestApp, forwarded_for: &str) -> u16 {
    let session = app.open_sign_in_form().await;
    let headers = [("x-forwarded-for", forwarded_for)];
    for _ in 0..3 {
        app.sign_in(&session, "x", &headers).await;
    }
    app.sign_in(&session, "x", &headers).await.status.as_u16()
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit() {
    let app = TestApp::builder()
        .with_config(|c| {
            c.rate_limit.burst = 3;
            c.rate_limit.replenish_seconds = 60;
            c.rate_limit.trusted_proxies = vec!["192.0.2.7".parse().expect("address")];
        })
        .build()
        .await;
    assert_eq!(three_attempts_then(&app, "198.51.100.1").await, 429);
    // Another client behind the same proxy is not throttled by the first one's attempts.
    let other = app.open_sign_in_form().await;
    let first = app
        .sign_in(&other, "x", &[("x-forwarded-for", "198.51.100.2")])
        .await;
    assert_eq!(first.status, 422, "{}", first.body);
    // A client that writes its own header cannot escape: the rightmost untrusted entry counts.
    let spoofed = app
        .sign_in(
            &other,
            "x",
            &[("x-forwarded-for", "203.0.113.9, 198.51.100.1")],
        )
        .await;
    assert_eq!(spoofed.status, 429);
}

#[tokio::test]
async fn from_an_untrusted_peer_the_forwarded_header_is_ignored() {
    let app = limited_app().await;
    assert_eq!(three_attempts_then(&app, "198.51.100.1").await, 429);
    // A different header value changes nothing: the peer is the client.
    let session = app.open_sign_in_form().await;
    let next = app
        .sign_in(&session, "x", &[("x-forwarded-for", "198.51.100.2")])
        .await;
    assert_eq!(next.status, 429);
}
