//! Secrets never reach the log: everything the server's own subscriber
//! ([`urna_web::telemetry::subscriber`]) writes at every level (our events, the request spans,
//! the database driver's) is captured while a staff member signs in with password and TOTP
//! and a voter signs in with a voting link and votes; none of the secrets that passed through
//! may appear in it: the voting-link token, the password, the session ids before and after
//! sign-in, the CSRF tokens.

use std::io::Write;
use std::sync::{Arc, Mutex};

use axum::http::StatusCode;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::util::SubscriberInitExt;
use urna_web::auth::password::Password;
use urna_web::auth::session::unix_now;
use urna_web::auth::totp;
use urna_web::staff::{StaffUsername, create_operator};

use crate::helpers::TestApp;
use crate::voting_links::{open_election_with_links, sign_in_with};

/// Everything written, shared with the subscriber's writers.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    fn text(&self) -> String {
        let bytes = self.0.lock().map(|b| b.clone()).unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut bytes) = self.0.lock() {
            bytes.extend_from_slice(buf);
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

// Global, so that events from every thread (the runtime's workers, SQLite's, the password
// hasher's) are caught; nextest runs each test in its own process.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_token_password_or_session_id_is_logged_by_a_sign_in_or_a_vote() {
    let log = Captured::default();
    let writer = log.clone();
    urna_web::telemetry::subscriber(EnvFilter::new("trace"), move || writer.clone())
        .try_init()
        .expect("the only subscriber of this process");

    let app = TestApp::new().await;
    let mut secrets: Vec<(&str, String)> = Vec::new();

    // A staff sign-in with password and TOTP code.
    let password = "correct horse battery staple";
    let username = StaffUsername::parse("ada").expect("valid");
    let (_, totp_secret) = create_operator(
        &app.db,
        &app.server_key,
        &username,
        &Password::new(password.to_owned()).expect("long enough"),
        "test",
    )
    .await
    .expect("operator");
    let form = app.get("/staff/sign-in").await;
    let form_cookie = form.session_cookie().expect("a session");
    let form_csrf = form.csrf_token();
    let code = totp::totp(totp_secret.expose_bytes(), unix_now(), totp::DIGITS);
    let signed_in = app
        .post_form(
            "/staff/sign-in",
            &format!(
                "csrf_token={form_csrf}&username=ada&password={}&code={code}",
                password.replace(' ', "+")
            ),
            &[("cookie", &format!("urna_session={form_cookie}"))],
        )
        .await;
    assert_eq!(
        signed_in.status,
        StatusCode::SEE_OTHER,
        "{}",
        signed_in.body
    );
    let staff_cookie = signed_in.session_cookie().expect("a new session");
    let dashboard = app
        .get_with(
            "/staff",
            &[("cookie", &format!("urna_session={staff_cookie}"))],
        )
        .await;
    assert_eq!(dashboard.status, StatusCode::OK);
    secrets.extend([
        ("the staff password", password.to_owned()),
        ("the staff password as sent", password.replace(' ', "+")),
        ("the staff form's session id", form_cookie),
        ("the staff form's CSRF token", form_csrf),
        ("the staff session id", staff_cookie),
    ]);

    // A voter signs in with a voting link and votes.
    let links = open_election_with_links(&app, "alpha").await;
    let (response, voter_form, voter) = sign_in_with(&app, &links[0]).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    let receipt =
        crate::voter::vote(&app, "alpha", &voter, "approve.logo=owl&rank.board.ann=1").await;
    assert_eq!(receipt.status, StatusCode::OK, "{}", receipt.body);
    let voter_cookie = voter
        .cookie
        .strip_prefix("urna_session=")
        .expect("cookie")
        .to_owned();
    secrets.extend([
        ("the voting-link token", links[0].clone()),
        ("the voter form's session id", voter_form.cookie),
        ("the voter form's CSRF token", voter_form.csrf),
        ("the voter's session id", voter_cookie),
        ("the voter's CSRF token", voter.csrf.clone()),
    ]);

    let text = log.text();
    // The capture works: the sign-ins and the vote were logged, with the request spans.
    for expected in [
        "staff signed in",
        "voter signed in with a voting link",
        "ballot cast",
        // The request span's path field (what the spans show of the requests).
        "/elections/alpha/ballot/cast",
    ] {
        assert!(text.contains(expected), "{expected:?} is not in the log");
    }
    for (what, secret) in &secrets {
        assert!(secret.len() >= 20, "{what} is too short to search for");
        assert!(!text.contains(secret.as_str()), "{what} is in the log");
    }
}
