//! A paused election (service::live) as its voters meet it: the ballot page says voting is
//! paused, and a cast is refused, nothing stored; after the resume the ballot page is back.

use axum::http::StatusCode;
use jiff::Timestamp;
use urna_web::service::Actor;
use urna_web::service::live::{self, LiveChange};

use crate::helpers::TestApp;
use crate::voter::{open_election, sign_in};

async fn change(app: &TestApp, change: LiveChange) {
    let now = Timestamp::now();
    let preview = live::preview(&app.db, "board", &change, now)
        .await
        .expect("preview");
    live::confirm(
        &app.db,
        "board",
        &change,
        &preview.token,
        Actor::System,
        now,
    )
    .await
    .expect("confirmed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_paused_election_tells_voters_and_refuses_their_ballots_until_resumed() {
    let app = TestApp::new().await;
    let (ids, _) = open_election(&app.db, "board", true).await;
    change(&app, LiveChange::Pause).await;
    let browser = sign_in(&app, "board", ids[0], 8).await;

    let ballot = app
        .get_with("/elections/board/ballot", &browser.headers())
        .await;
    assert_eq!(ballot.status, StatusCode::CONFLICT);
    // locales/en/live.ftl: live-voter-paused-title.
    assert!(ballot.body.contains("Voting is paused"), "{}", ballot.body);
    let cast = app
        .post_form(
            "/elections/board/ballot/cast",
            &format!(
                "csrf_token={}&approve.logo=owl&rank.board.ann=1&action=cast",
                browser.csrf
            ),
            &browser.headers(),
        )
        .await;
    assert_eq!(cast.status, StatusCode::CONFLICT);
    let row = urna_web::service::elections::load_election(&app.db, "board")
        .await
        .expect("election")
        .row_id;
    assert_eq!(app.db.turnout(row).await.expect("turnout").voted, 0);

    change(&app, LiveChange::Resume).await;
    let ballot = app
        .get_with("/elections/board/ballot", &browser.headers())
        .await;
    assert_eq!(ballot.status, StatusCode::OK, "{}", ballot.body);
}
