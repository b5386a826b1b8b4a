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
