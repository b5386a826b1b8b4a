//! The ballot pages through the whole stack, on the preview router's fixture elections:
//! ballot → review (errors or confirmation) → change or cast → receipt.

use axum::http::StatusCode;
use urna_web::ballot_preview::ballot_preview_router;

use crate::helpers::TestApp;

async fn app() -> TestApp {
    TestApp::builder()
        .with_routes(ballot_preview_router())
        .build()
        .await
}

/// Opens a fixture's ballot: the session cookie and CSRF token.
async fn open(app: &TestApp, fixture: &str) -> (String, String, String) {
    let page = app.get(&format!("/ballot-preview/{fixture}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let cookie = format!("urna_session={}", page.session_cookie().expect("session"));
    let csrf = page.csrf_token();
    (cookie, csrf, page.body)
}

#[tokio::test]
async fn the_preview_is_not_in_the_production_router() {
    let response = TestApp::new().await.get("/ballot-preview/all-types").await;
    assert_eq!(response.status, StatusCode::NOT_FOUND);
    let response = app().await.get("/ballot-preview/no-such-fixture").await;
    assert_eq!(response.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn review_shows_errors_then_the_confirmation_then_a_receipt() {
    let app = app().await;
    let (cookie, csrf, body) = open(&app, "ranked-70").await;
    assert!(body.contains("ballot.js?v="));
    let headers = [("cookie", cookie.as_str())];

    // Two candidates with rank 1 where equal ranks are not allowed: 422, the ballot again
    // with the message, the typed values kept.
    let bad = format!("csrf_token={csrf}&rank.council.c01=1&rank.council.c02=1");
    let response = app
        .post_form("/ballot-preview/ranked-70/review", &bad, &headers)
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.body.contains("id=\"error-summary\""));
    assert!(response.body.contains("all have rank"));
    assert!(
        response
            .body
            .contains("name=\"rank.council.c02\" value=\"1\"")
    );

    // Ranks 5, 9 and 2 close up to 2, 3, 1: the confirmation lists c03, c01, c02 in order.
    let good =
        format!("csrf_token={csrf}&rank.council.c01=5&rank.council.c02=9&rank.council.c03=2");
    let response = app
        .post_form("/ballot-preview/ranked-70/review", &good, &headers)
        .await;
    assert_eq!(response.status, StatusCode::OK);
    let body = &response.body;
    let first = body.find(">Chiara Abbott<").expect("c03");
    let second = body.find(">Ann Abbott<").expect("c01");
    let third = body.find(">Bruno Abbott<").expect("c02");
    assert!(first < second && second < third);
    assert!(body.contains("<input type=\"hidden\" name=\"rank.council.c03\" value=\"1\">"));

    // "Change my ballot": the ballot again, filled in with the normalised ranks.
    let carried = "rank.council.c03=1&rank.council.c01=2&rank.council.c02=3";
    let change = format!("csrf_token={csrf}&{carried}&action=change");
    let response = app
        .post_form("/ballot-preview/ranked-70/cast", &change, &headers)
        .await;
    assert_eq!(response.status, StatusCode::OK);
    assert!(
        response
            .body
            .contains("name=\"rank.council.c01\" value=\"2\"")
    );

    // Cast: checked again, then the receipt code XXXXX-XXXXX-XXXXX-XXXXX.
    let cast = format!("csrf_token={csrf}&{carried}&action=cast");
    let response = app
        .post_form("/ballot-preview/ranked-70/cast", &cast, &headers)
        .await;
    assert_eq!(response.status, StatusCode::OK);
    let marker = "id=\"receipt-code\" dir=\"ltr\" translate=\"no\">";
    let start = response.body.find(marker).expect("receipt code") + marker.len();
    let code = &response.body[start..start + 23];
    assert_eq!(
        urna_core::token::normalize_receipt_code(code).as_deref(),
        Some(code)
    );

    // A cast with tampered fields is checked again and refused.
    let tampered = format!("csrf_token={csrf}&rank.council.c01=1&rank.council.c02=1&action=cast");
    let response = app
        .post_form("/ballot-preview/ranked-70/cast", &tampered, &headers)
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_ballot_without_a_csrf_token_is_refused() {
    let app = app().await;
    let (cookie, _csrf, _) = open(&app, "all-types").await;
    let response = app
        .post_form(
            "/ballot-preview/all-types/review",
            "choice.chair=ann",
            &[("cookie", cookie.as_str())],
        )
        .await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_ballot_page_is_arabic_and_rtl_on_request() {
    let response = app().await.get("/ballot-preview/all-types?lang=ar").await;
    assert_eq!(response.status, StatusCode::OK);
    assert!(response.body.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(response.body.contains("ورقة اقتراعك"));
}
