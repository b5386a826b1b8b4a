//! Voting links end to end, with the real link authority (voter rows in SQLite) and the real
//! administration routes: a link signs in to its own election and to nothing else; signing in
//! replaces the browser's session (the cookie from before is signed in to nothing); a revoked
//! link stops working, and so does every session it opened; a reissued link replaces the old
//! one, whose link and sessions stop working while the new one works; and when the election
//! closes, neither the link nor its session can vote any more.

use axum::http::StatusCode;
use jiff::{SignedDuration, Timestamp};
use urna_web::service::{Actor, elections, lifecycle, voters};

use crate::helpers::{FormSession, TestApp, TestResponse};
use crate::staff_support::{Staff, signed_in_staff};
use crate::voter::{VoterBrowser, board_spec};

/// An open election `slug` with voters v0, v1, v2; their voting-link tokens, in that order.
pub(crate) async fn open_election_with_links(app: &TestApp, slug: &str) -> Vec<String> {
    let now = Timestamp::now();
    elections::create_election(&app.db, board_spec(slug, true), None, Actor::System, now)
        .await
        .expect("created");
    let upload = voters::upload_voters(&app.db, slug, "voter\nv0\nv1\nv2\n", Actor::System, now)
        .await
        .expect("voters");
    crate::voter::ceremony(&app.db, slug, now).await;
    lifecycle::mark_ready(&app.db, slug, Actor::System, now)
        .await
        .expect("ready");
    lifecycle::open(&app.db, slug, Actor::System, now)
        .await
        .expect("open");
    upload.issued.iter().map(|l| l.token.reveal()).collect()
}

/// Signs in at `/vote` with `token` from a fresh browser: the sign-in answer and the browser
/// as it is afterwards (the new cookie if one was set, and the form's session otherwise).
pub(crate) async fn sign_in_with(
    app: &TestApp,
    token: &str,
) -> (TestResponse, FormSession, VoterBrowser) {
    let form = app.open_sign_in_form().await;
    let response = app.sign_in(&form, token, &[]).await;
    let cookie = response
        .session_cookie()
        .unwrap_or_else(|| form.cookie.clone());
    // The ballot page hands out the new session's CSRF token; a refused browser keeps the form's.
    let page = app
        .get_with(
            "/elections/alpha/ballot",
            &[("cookie", &format!("urna_session={cookie}"))],
        )
        .await;
    let csrf = if page.status == StatusCode::OK {
        page.csrf_token()
    } else {
        form.csrf.clone()
    };
    let browser = VoterBrowser {
        cookie: format!("urna_session={cookie}"),
        csrf,
    };
    (response, form, browser)
}

fn assert_signed_in(response: &TestResponse, slug: &str) {
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    assert_eq!(
        response.header("location"),
        Some(format!("/elections/{slug}/ballot").as_str())
    );
}

/// The form's refusal of a link: the same for an unknown, withdrawn or expired one.
fn assert_link_refused(response: &TestResponse) {
    assert_eq!(response.status, StatusCode::FORBIDDEN, "{}", response.body);
    assert!(
        response.body.contains("unknown or has expired"),
        "{}",
        response.body
    );
    assert!(response.session_cookie().is_none(), "no sign-in happened");
}

async fn ballot_page(app: &TestApp, slug: &str, browser: &VoterBrowser) -> TestResponse {
    app.get_with(&format!("/elections/{slug}/ballot"), &browser.headers())
        .await
}

/// `op` (`revoke` or `reissue`) on `voter`'s link through the administration form, as the
/// election's operator; a reissue answers the CSV with the new link, whose token is returned.
async fn link_act(app: &TestApp, staff: &Staff, slug: &str, voter: &str, op: &str) -> String {
    let reply = app
        .post_form(
            &format!("/admin/elections/{slug}/voters/link"),
            &format!("csrf_token={}&voter={voter}&op={op}", staff.csrf),
            &[("cookie", &format!("urna_session={}", staff.cookie))],
        )
        .await;
    match op {
        "revoke" => {
            assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
            String::new()
        }
        _ => {
            assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
            // `voter,email,link` then `v0,,http://…/vote#TOKEN`.
            reply
                .body
                .lines()
                .nth(1)
                .and_then(|row| row.split("/vote#").nth(1))
                .expect("a link in the CSV")
                .trim()
                .to_owned()
        }
    }
}

async fn ballots_of(app: &TestApp, slug: &str) -> usize {
    let loaded = elections::load_election(&app.db, slug)
        .await
        .expect("election");
    app.db
        .counted_ballots(loaded.row_id)
        .await
        .expect("ballots")
        .len()
}

const BALLOT: &str = "approve.logo=owl&rank.board.ann=1";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_opens_its_own_election_only_and_replaces_the_session() {
    let app = TestApp::new().await;
    let alpha = open_election_with_links(&app, "alpha").await;
    open_election_with_links(&app, "beta").await;

    let (response, form, browser) = sign_in_with(&app, &alpha[0]).await;
    assert_signed_in(&response, "alpha");
    assert_eq!(ballot_page(&app, "alpha", &browser).await.status, 200);

    // The same browser on the other election: refused, and nothing is stored there.
    let elsewhere = ballot_page(&app, "beta", &browser).await;
    assert_eq!(elsewhere.status, StatusCode::FORBIDDEN);
    assert!(elsewhere.body.contains("signed in for another election"));
    for step in ["review", "cast"] {
        let reply = app
            .post_form(
                &format!("/elections/beta/ballot/{step}"),
                &format!("csrf_token={}&{BALLOT}&action=cast", browser.csrf),
                &browser.headers(),
            )
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{step}");
    }
    assert_eq!(ballots_of(&app, "beta").await, 0);

    // The cookie the browser had before signing in (which an attacker may have planted) is
    // signed in to nothing: the ballot asks for a voting link.
    let before = VoterBrowser {
        cookie: format!("urna_session={}", form.cookie),
        csrf: form.csrf.clone(),
    };
    let old = ballot_page(&app, "alpha", &before).await;
    assert_eq!(old.status, StatusCode::FORBIDDEN);
    assert!(old.body.contains("personal voting link"), "{}", old.body);

    // The link's own election takes the ballot.
    let receipt = crate::voter::vote(&app, "alpha", &browser, BALLOT).await;
    assert_eq!(receipt.status, StatusCode::OK, "{}", receipt.body);
    assert_eq!(ballots_of(&app, "alpha").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_link_and_its_sessions_stop_and_a_reissued_link_replaces_it() {
    let app = TestApp::new().await;
    let links = open_election_with_links(&app, "alpha").await;
    let operator = signed_in_staff(&app.db, app.sessions.as_ref(), "otto", true).await;

    // Revoked: the link no longer signs in, and the session it opened can no longer vote.
    let (response, _, revoked_session) = sign_in_with(&app, &links[0]).await;
    assert_signed_in(&response, "alpha");
    link_act(&app, &operator, "alpha", "v0", "revoke").await;
    let page = ballot_page(&app, "alpha", &revoked_session).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(page.body.contains("has been withdrawn"), "{}", page.body);
    assert_link_refused(&sign_in_with(&app, &links[0]).await.0);

    // Reissued: a new link; the old one stays refused, and so does its session.
    let new_link = link_act(&app, &operator, "alpha", "v0", "reissue").await;
    assert_ne!(new_link, links[0]);
    assert_link_refused(&sign_in_with(&app, &links[0]).await.0);
    assert_eq!(
        ballot_page(&app, "alpha", &revoked_session).await.status,
        StatusCode::FORBIDDEN
    );
    let (response, _, new_session) = sign_in_with(&app, &new_link).await;
    assert_signed_in(&response, "alpha");
    let receipt = crate::voter::vote(&app, "alpha", &new_session, BALLOT).await;
    assert_eq!(receipt.status, StatusCode::OK, "{}", receipt.body);

    // Reissued without a revocation first (a link that leaked): the session the leaked link
    // opened stops too, not only the link.
    let (response, _, leaked_session) = sign_in_with(&app, &links[1]).await;
    assert_signed_in(&response, "alpha");
    assert_eq!(
        ballot_page(&app, "alpha", &leaked_session).await.status,
        200
    );
    let replacement = link_act(&app, &operator, "alpha", "v1", "reissue").await;
    let page = ballot_page(&app, "alpha", &leaked_session).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN, "{}", page.body);
    assert!(page.body.contains("has been withdrawn"), "{}", page.body);
    let cast = app
        .post_form(
            "/elections/alpha/ballot/cast",
            &format!("csrf_token={}&{BALLOT}&action=cast", leaked_session.csrf),
            &leaked_session.headers(),
        )
        .await;
    assert_eq!(cast.status, StatusCode::FORBIDDEN, "{}", cast.body);
    assert_link_refused(&sign_in_with(&app, &links[1]).await.0);
    let (response, _, _) = sign_in_with(&app, &replacement).await;
    assert_signed_in(&response, "alpha");

    // One ballot in all: v0's, cast with the reissued link.
    assert_eq!(ballots_of(&app, "alpha").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn links_and_their_sessions_stop_when_the_election_closes() {
    let app = TestApp::new().await;
    let links = open_election_with_links(&app, "alpha").await;
    let (response, _, session) = sign_in_with(&app, &links[0]).await;
    assert_signed_in(&response, "alpha");

    let later = Timestamp::now()
        .checked_add(SignedDuration::from_secs(1))
        .expect("time");
    lifecycle::close(&app.db, "alpha", Actor::System, later)
        .await
        .expect("closed");

    let page = ballot_page(&app, "alpha", &session).await;
    assert_eq!(page.status, StatusCode::CONFLICT);
    assert!(page.body.contains("Voting has closed"), "{}", page.body);
    let cast = app
        .post_form(
            "/elections/alpha/ballot/cast",
            &format!("csrf_token={}&{BALLOT}&action=cast", session.csrf),
            &session.headers(),
        )
        .await;
    assert_eq!(cast.status, StatusCode::CONFLICT, "{}", cast.body);
    // Unused links of the closed election sign in to nothing.
    for token in &links {
        assert_link_refused(&sign_in_with(&app, token).await.0);
    }
    assert_eq!(ballots_of(&app, "alpha").await, 0);
}
