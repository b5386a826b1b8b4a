//! CSRF: every state-changing request needs our origin and the session's token. A refused
//! request changes nothing: the voting-link authority is never asked.

use std::sync::Arc;

use urna_web::auth::session::{SessionId, SessionStore};

use crate::helpers::{GOOD_TOKEN, OneVotingLink, TestApp};

async fn app_with_link() -> (TestApp, Arc<OneVotingLink>) {
    let links = Arc::new(OneVotingLink::default());
    let app = TestApp::builder()
        .with_voting_links(links.clone())
        .build()
        .await;
    (app, links)
}

#[tokio::test]
async fn cross_site_post_fails_even_with_a_valid_session_and_token() {
    let (app, links) = app_with_link().await;
    let session = app.open_sign_in_form().await;
    // What a browser sends for a form on evil.example that posts to us: our session cookie
    // rides along (SameSite=Lax stops that for POST in modern browsers; this is the second
    // line), and the attacker may even have learnt the token.
    let response = app
        .sign_in(
            &session,
            GOOD_TOKEN,
            &[
                ("sec-fetch-site", "cross-site"),
                ("origin", "https://evil.example"),
            ],
        )
        .await;
    assert_eq!(response.status, 403);
    assert!(
        response.body.contains("This form could not be accepted"),
        "{}",
        response.body
    );
    assert_eq!(links.asked(), 0, "the refused request reached the handler");
    assert!(response.session_cookie().is_none(), "no sign-in happened");
}

#[tokio::test]
async fn same_site_but_cross_origin_and_foreign_origin_are_refused() {
    let (app, links) = app_with_link().await;
    let session = app.open_sign_in_form().await;
    let same_site = app
        .sign_in(&session, GOOD_TOKEN, &[("sec-fetch-site", "same-site")])
        .await;
    assert_eq!(same_site.status, 403);
    // An older browser without Sec-Fetch-Site: the Origin header decides. Our origin is
    // http://<Host> when no public URL is configured.
    let post_without_fetch_metadata = |origin: &'static str| {
        let app = &app;
        let session = &session;
        async move {
            let cookie = format!("urna_session={}", session.cookie);
            let body = format!("csrf_token={}&token={GOOD_TOKEN}", session.csrf);
            let request = axum::http::Request::builder()
                .method("POST")
                .uri("/vote")
                .header("host", "vote.example.org")
                .header("origin", origin)
                .header("cookie", cookie)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(axum::body::Body::from(body))
                .expect("request");
            app.request(request).await
        }
    };
    assert_eq!(
        post_without_fetch_metadata("https://evil.example")
            .await
            .status,
        403
    );
    assert_eq!(post_without_fetch_metadata("null").await.status, 403);
    assert_eq!(links.asked(), 0);
    // The same request from our own origin goes through.
    let ours = post_without_fetch_metadata("http://vote.example.org").await;
    assert_eq!(ours.status, 303);
    assert_eq!(links.asked(), 1);
}

#[tokio::test]
async fn missing_or_wrong_token_is_refused() {
    let (app, links) = app_with_link().await;
    let session = app.open_sign_in_form().await;
    let cookie = format!("urna_session={}", session.cookie);
    let no_token = app
        .post_form(
            "/vote",
            &format!("token={GOOD_TOKEN}"),
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(no_token.status, 403);
    let mut wrong = session.csrf.clone();
    // Change the last hex digit.
    let last = if wrong.ends_with('0') { "1" } else { "0" };
    wrong.replace_range(wrong.len() - 1.., last);
    let wrong_token = app
        .post_form(
            "/vote",
            &format!("csrf_token={wrong}&token={GOOD_TOKEN}"),
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(wrong_token.status, 403);
    // A token without the session it belongs to.
    let no_session = app
        .post_form(
            "/vote",
            &format!("csrf_token={}&token={GOOD_TOKEN}", session.csrf),
            &[],
        )
        .await;
    assert_eq!(no_session.status, 403);
    assert_eq!(links.asked(), 0);
}

#[tokio::test]
async fn sign_in_rotates_the_session_id() {
    let (app, links) = app_with_link().await;
    let session = app.open_sign_in_form().await;
    let response = app.sign_in(&session, GOOD_TOKEN, &[]).await;
    assert_eq!(response.status, 303);
    assert_eq!(response.header("location"), Some("/ballot"));
    assert_eq!(links.asked(), 1);
    let new_cookie = response.session_cookie().expect("a new session cookie");
    assert_ne!(new_cookie, session.cookie);
    // The pre-sign-in session is gone from the store; the new one is there.
    let old = SessionId::parse(&session.cookie).expect("id");
    let new = SessionId::parse(&new_cookie).expect("id");
    assert_eq!(app.sessions.load(&old.key()).await.expect("loads"), None);
    let record = app
        .sessions
        .load(&new.key())
        .await
        .expect("loads")
        .expect("stored");
    assert!(record.principal.is_some());
    // The old CSRF token died with the old session.
    assert!(!record.csrf_token.matches(&session.csrf));
}

#[tokio::test]
async fn session_cookie_is_http_only_lax_and_host_prefixed_over_https() {
    let app = TestApp::new().await;
    let page = app.get("/vote").await;
    let set_cookie = page.header("set-cookie").expect("session cookie");
    assert!(set_cookie.starts_with("urna_session="));
    assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"));
    let https = TestApp::builder()
        .with_config(|c| {
            c.public_url = Some(
                urna_web::config::PublicUrl::parse("https://vote.example.org").expect("valid"),
            );
        })
        .build()
        .await;
    let page = https.get("/vote").await;
    let set_cookie = page.header("set-cookie").expect("session cookie");
    assert!(
        set_cookie.starts_with("__Host-urna_session="),
        "{set_cookie}"
    );
    assert!(set_cookie.contains("; Secure"), "{set_cookie}");
    // The home page has no form: no session is created for a mere visit.
    assert!(app.get("/").await.header("set-cookie").is_none());
}
