//! The voter's routes through the whole stack on SQLite: the public election page, the
//! ballot → review → cast flow of a signed-in voter, revotes, refusals, and the results (404
//! until published). Elections are set up with the service functions (a 2-of-3 key ceremony
//! run in-process, as `tests/service.rs` does); voter sessions are put in the session store
//! directly, as the voting-link sign-in will create them.

use axum::http::StatusCode;
use jiff::{SignedDuration, Timestamp};
use urna_core::election::ElectionSpec;
use urna_crypto::{TrusteeSecret, decryption_shares, os_rng};
use urna_store::{Db, VoterId};
use urna_web::auth::session::{CsrfToken, Principal, SessionId, SessionRecord, unix_now};
use urna_web::service::{Actor, admin, counting, elections, lifecycle, publish, trustees, voters};

use crate::helpers::{TestApp, TestResponse};

/// An approval question (Owl, Box, Tree; 1 seat) and a Meek STV question (Ann, Bob, Cleo, Dev,
/// Eve; 2 seats), revotes allowed unless `allow_revote` is false.
pub(crate) fn board_spec(slug: &str, allow_revote: bool) -> ElectionSpec {
    let id = urna_core::election::ElectionId::generate().expect("id");
    let name = |n: &str| serde_json::json!({"default": "en", "texts": {"en": n}});
    let cands = |names: &[&str]| -> Vec<serde_json::Value> {
        names
            .iter()
            .map(|n| serde_json::json!({"id": n.to_lowercase(), "name": name(n)}))
            .collect()
    };
    let now = Timestamp::now();
    serde_json::from_value(serde_json::json!({
        "id": id, "slug": slug, "languages": ["en"], "title": name("Board election"),
        "allow_revote": allow_revote,
        "window": {
            "opens": now.checked_add(SignedDuration::from_secs(3600)).expect("time"),
            "closes": now.checked_add(SignedDuration::from_hours(48)).expect("time"),
            "zone": "AoE"
        },
        "questions": [
            {"id": "logo", "title": name("Logo"), "description": null,
             "ballot_type": {"type": "approval", "min": 0, "max": 3}, "method": "approval",
             "seats": 1, "options": cands(&["Owl", "Box", "Tree"])},
            {"id": "board", "title": name("Board"), "description": null,
             "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
             "method": "meek", "seats": 2, "options": cands(&["Ann", "Bob", "Cleo", "Dev", "Eve"])}
        ]
    }))
    .expect("a valid election")
}

/// A 2-of-3 key ceremony in-process; the trustees' secrets stay in the test.
pub(crate) async fn ceremony(db: &Db, slug: &str, now: Timestamp) -> Vec<TrusteeSecret> {
    crate::key_ceremony::key_ceremony(db, slug, 2, 3, now).await
}

/// An open election with voters v0, v1, v2; their ids and the trustees' secrets.
pub(crate) async fn open_election(
    db: &Db,
    slug: &str,
    allow_revote: bool,
) -> (Vec<VoterId>, Vec<TrusteeSecret>) {
    let now = Timestamp::now();
    elections::create_election(db, board_spec(slug, allow_revote), None, Actor::System, now)
        .await
        .expect("created");
    let upload = voters::upload_voters(db, slug, "voter\nv0\nv1\nv2\n", Actor::System, now)
        .await
        .expect("voters");
    let secrets = ceremony(db, slug, now).await;
    lifecycle::mark_ready(db, slug, Actor::System, now)
        .await
        .expect("ready");
    // Opening by hand before the start moves the start to now.
    lifecycle::open(db, slug, Actor::System, now)
        .await
        .expect("open");
    (upload.issued.iter().map(|l| l.voter_id).collect(), secrets)
}

/// A browser signed in as `voter` of `election`: its cookie header and CSRF token.
pub(crate) struct VoterBrowser {
    pub(crate) cookie: String,
    pub(crate) csrf: String,
}

impl VoterBrowser {
    pub(crate) fn headers(&self) -> [(&str, &str); 1] {
        [("cookie", self.cookie.as_str())]
    }
}

/// What the sign-in with `voter`'s current link puts in the session: the binding to that link.
pub(crate) async fn link_binding_of(db: &Db, voter: VoterId) -> String {
    let (row, _) = db
        .voter_with_election_revision(voter)
        .await
        .expect("voter row");
    urna_web::service::voters::session_link_binding(&row.token_hash)
}

pub(crate) async fn sign_in(app: &TestApp, election: &str, voter: VoterId, n: u8) -> VoterBrowser {
    // Ids and tokens of the right shape (64 hex digits), distinct per browser.
    let id_hex = format!("{:02x}", n).repeat(32);
    let csrf = format!("{:02x}", n.wrapping_add(100)).repeat(32);
    let id = SessionId::parse(&id_hex).expect("session id shape");
    let record = SessionRecord {
        csrf_token: CsrfToken::from_stored(csrf.clone()),
        principal: Some(Principal::Voter {
            election: election.to_owned(),
            voter: voter.to_string(),
            link: link_binding_of(&app.db, voter).await,
        }),
        expires_at: unix_now() + 3600,
    };
    app.sessions
        .save(&id.key(), &record)
        .await
        .expect("session saved");
    VoterBrowser {
        cookie: format!("urna_session={id_hex}"),
        csrf,
    }
}

async fn current_ballots(db: &Db, slug: &str) -> usize {
    let loaded = elections::load_election(db, slug).await.expect("election");
    db.counted_ballots(loaded.row_id)
        .await
        .expect("ballots")
        .len()
}

async fn voted(db: &Db, slug: &str) -> i64 {
    admin::turnout(db, slug).await.expect("turnout").voted
}

/// The value of `<p class="receipt-code" …>CODE</p>`.
fn receipt_code(page: &TestResponse) -> String {
    let start = page
        .body
        .find("id=\"receipt-code\"")
        .expect("a receipt code");
    let open = page.body[start..].find('>').expect("tag end") + start + 1;
    let close = page.body[open..].find('<').expect("closing tag") + open;
    page.body[open..close].to_owned()
}

/// Fills in, reviews and casts a ballot: `fields` without the CSRF token.
pub(crate) async fn vote(
    app: &TestApp,
    slug: &str,
    browser: &VoterBrowser,
    fields: &str,
) -> TestResponse {
    let review = app
        .post_form(
            &format!("/elections/{slug}/ballot/review"),
            &format!("csrf_token={}&{fields}", browser.csrf),
            &browser.headers(),
        )
        .await;
    assert_eq!(review.status, StatusCode::OK, "{}", review.body);
    assert!(
        review.body.contains("id=\"ballot-cast\""),
        "the confirmation"
    );
    app.post_form(
        &format!("/elections/{slug}/ballot/cast"),
        &format!("csrf_token={}&{fields}&action=cast", browser.csrf),
        &browser.headers(),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_voter_votes_reviews_casts_and_gets_a_receipt() {
    let app = TestApp::new().await;
    let (ids, _) = open_election(&app.db, "board", true).await;
    let browser = sign_in(&app, "board", ids[0], 1).await;

    let ballot = app
        .get_with("/elections/board/ballot", &browser.headers())
        .await;
    assert_eq!(ballot.status, StatusCode::OK);
    assert!(
        ballot
            .body
            .contains("action=\"/elections/board/ballot/review\"")
    );
    assert!(ballot.body.contains("name=\"rank.board.ann\""));
    assert!(
        !ballot.body.contains("id=\"ballot-notice\""),
        "first ballot"
    );

    // The confirmation lists the ranking in order: Cleo first, then Ann.
    let review = app
        .post_form(
            "/elections/board/ballot/review",
            &format!(
                "csrf_token={}&approve.logo=owl&rank.board.cleo=1&rank.board.ann=2",
                browser.csrf
            ),
            &browser.headers(),
        )
        .await;
    assert_eq!(review.status, StatusCode::OK);
    let cleo = review.body.find(">Cleo<").expect("Cleo listed");
    let ann = review.body.find(">Ann<").expect("Ann listed");
    assert!(cleo < ann);
    assert_eq!(voted(&app.db, "board").await, 0, "review stores nothing");

    let receipt = vote(
        &app,
        "board",
        &browser,
        "approve.logo=owl&rank.board.cleo=1&rank.board.ann=2",
    )
    .await;
    assert_eq!(receipt.status, StatusCode::OK);
    let code = receipt_code(&receipt);
    // urna_core::token::receipt_code: four groups of five characters.
    assert_eq!(code.len(), 23, "{code}");
    assert_eq!(code.matches('-').count(), 3, "{code}");
    assert!(
        !receipt.body.contains("id=\"ballot-notice\""),
        "not a revote"
    );
    assert_eq!(voted(&app.db, "board").await, 1);
    assert_eq!(current_ballots(&app.db, "board").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revote_replaces_the_previous_ballot_and_says_so() {
    let app = TestApp::new().await;
    let (ids, _) = open_election(&app.db, "board", true).await;
    let browser = sign_in(&app, "board", ids[1], 2).await;
    let first = vote(&app, "board", &browser, "approve.logo=box&rank.board.eve=1").await;
    assert_eq!(first.status, StatusCode::OK);

    let again = app
        .get_with("/elections/board/ballot", &browser.headers())
        .await;
    assert_eq!(again.status, StatusCode::OK);
    assert!(
        again
            .body
            .contains("If you cast a new ballot, it replaces your previous one"),
        "the ballot says a revote replaces"
    );
    let second = vote(&app, "board", &browser, "approve.logo=owl&rank.board.ann=1").await;
    assert_eq!(second.status, StatusCode::OK);
    assert!(
        second
            .body
            .contains("This ballot replaced your previous one")
    );
    // A new sealed ballot, so a new code.
    assert_ne!(receipt_code(&first), receipt_code(&second));
    assert_eq!(voted(&app.db, "board").await, 1);
    assert_eq!(current_ballots(&app.db, "board").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn where_changes_are_not_allowed_a_second_ballot_is_refused() {
    let app = TestApp::new().await;
    let (ids, _) = open_election(&app.db, "final", false).await;
    let browser = sign_in(&app, "final", ids[0], 3).await;
    let first = vote(&app, "final", &browser, "approve.logo=box&rank.board.eve=1").await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(first.body.contains("does not allow changing a ballot"));

    let again = app
        .get_with("/elections/final/ballot", &browser.headers())
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(again.body.contains("You have already voted"));
    let cast = app
        .post_form(
            "/elections/final/ballot/cast",
            &format!(
                "csrf_token={}&approve.logo=owl&rank.board.ann=1&action=cast",
                browser.csrf
            ),
            &browser.headers(),
        )
        .await;
    assert_eq!(cast.status, StatusCode::CONFLICT);
    assert_eq!(current_ballots(&app.db, "final").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invalid_ballot_is_shown_again_with_messages_and_nothing_is_stored() {
    let app = TestApp::new().await;
    let (ids, _) = open_election(&app.db, "board", true).await;
    let browser = sign_in(&app, "board", ids[0], 4).await;
    // Two candidates share rank 1 where equal ranks are not allowed.
    let fields = "approve.logo=owl&rank.board.ann=1&rank.board.bob=1";
    for step in ["review", "cast"] {
        let response = app
            .post_form(
                &format!("/elections/board/ballot/{step}"),
                &format!("csrf_token={}&{fields}&action=cast", browser.csrf),
                &browser.headers(),
            )
            .await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY, "{step}");
        assert!(response.body.contains("id=\"error-summary\""), "{step}");
        // What the voter typed is kept.
        assert!(
            response
                .body
                .contains("name=\"rank.board.bob\" value=\"1\""),
            "{step}"
        );
    }
    assert_eq!(voted(&app.db, "board").await, 0);
    assert_eq!(current_ballots(&app.db, "board").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn voters_of_another_election_and_visitors_are_refused() {
    let app = TestApp::new().await;
    let (ids, _) = open_election(&app.db, "first", true).await;
    let (other_ids, _) = open_election(&app.db, "second", true).await;

    // Signed in for "second", asking for "first".
    let elsewhere = sign_in(&app, "second", other_ids[0], 5).await;
    let response = app
        .get_with("/elections/first/ballot", &elsewhere.headers())
        .await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    assert!(response.body.contains("signed in for another election"));

    // A session naming "first" with a voter id of "second" (ids are global row ids).
    let forged = sign_in(&app, "first", other_ids[1], 6).await;
    let cast = app
        .post_form(
            "/elections/first/ballot/cast",
            &format!(
                "csrf_token={}&approve.logo=owl&rank.board.ann=1&action=cast",
                forged.csrf
            ),
            &forged.headers(),
        )
        .await;
    assert_eq!(cast.status, StatusCode::FORBIDDEN);

    // No session at all.
    let anonymous = app.get("/elections/first/ballot").await;
    assert_eq!(anonymous.status, StatusCode::FORBIDDEN);
    assert!(anonymous.body.contains("personal voting link"));

    // A real voter of "first" without the CSRF token: refused before anything happens.
    let voter = sign_in(&app, "first", ids[0], 7).await;
    let no_csrf = app
        .post_form(
            "/elections/first/ballot/cast",
            "approve.logo=owl&rank.board.ann=1&action=cast",
            &voter.headers(),
        )
        .await;
    assert_eq!(no_csrf.status, StatusCode::FORBIDDEN);

    assert_eq!(current_ballots(&app.db, "first").await, 0);
    assert_eq!(current_ballots(&app.db, "second").await, 0);
    // No such election.
    assert_eq!(
        app.get_with("/elections/none/ballot", &voter.headers())
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_election_refuses_ballots() {
    let app = TestApp::new().await;
    let (ids, _) = open_election(&app.db, "board", true).await;
    let browser = sign_in(&app, "board", ids[0], 8).await;
    let later = Timestamp::now()
        .checked_add(SignedDuration::from_secs(1))
        .expect("time");
    lifecycle::close(&app.db, "board", Actor::System, later)
        .await
        .expect("closed");

    let ballot = app
        .get_with("/elections/board/ballot", &browser.headers())
        .await;
    assert_eq!(ballot.status, StatusCode::CONFLICT);
    assert!(ballot.body.contains("Voting has closed"));
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
    assert_eq!(current_ballots(&app.db, "board").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_election_page_shows_the_window_in_both_zones_and_no_turnout_while_open() {
    let app = TestApp::new().await;
    open_election(&app.db, "board", true).await;
    let page = app.get("/elections/board?tz=Asia%2FTokyo").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("data-state=\"open\""));
    // AoE is UTC−12 and Tokyo UTC+9: both labels appear in the description of the end.
    let closes = page
        .body
        .split("id=\"window-closes\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the end");
    assert!(closes.contains("AoE (UTC\u{2212}12) = "), "{closes}");
    assert!(closes.ends_with("JST"), "{closes}");
    assert!(page.body.contains("Ann") && page.body.contains("Owl"));
    assert!(!page.body.contains("id=\"election-turnout\""));
    assert!(!page.body.contains("id=\"results-link\""));
    assert!(page.body.contains("tz.js?v="));
    // The cookie is used without the query; without either, UTC.
    let page = app
        .get_with("/elections/board", &[("cookie", "tz=Europe/Berlin")])
        .await;
    assert!(page.body.contains("data-viewer-zone=\"Europe/Berlin\""));
    let page = app.get("/elections/board").await;
    assert!(page.body.contains("data-viewer-zone=\"UTC\""));
    assert_eq!(
        app.get("/elections/nowhere").await.status,
        StatusCode::NOT_FOUND
    );
}

pub(crate) async fn decrypt_with(db: &Db, slug: &str, secrets: &[&TrusteeSecret], now: Timestamp) {
    let setup = trustees::setup_of(db, slug).await.expect("setup");
    let set = counting::frozen_set(db, slug).await.expect("frozen set");
    for s in secrets {
        let share = s.share_for(&setup.digest()).expect("share");
        let shares = decryption_shares(share, &set, &mut os_rng()).expect("shares");
        counting::accept_decryption_shares(db, slug, shares, Actor::System, now)
            .await
            .expect("accepted");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_are_404_until_published_then_show_the_elected_and_the_ballots() {
    let app = TestApp::new().await;
    let (ids, secrets) = open_election(&app.db, "board", true).await;
    let ballots = [
        "approve.logo=owl&approve.logo=tree&rank.board.ann=1&rank.board.cleo=2",
        "approve.logo=owl&rank.board.ann=1&rank.board.bob=2",
        "approve.logo=box&rank.board.bob=1&rank.board.dev=2",
    ];
    for (i, fields) in ballots.iter().enumerate() {
        let browser = sign_in(&app, "board", ids[i], 10 + i as u8).await;
        let receipt = vote(&app, "board", &browser, fields).await;
        assert_eq!(receipt.status, StatusCode::OK, "voter {i}");
    }
    let results_path = "/elections/board/results";
    let blt_path = "/elections/board/results/board/ballots.blt";
    assert_eq!(app.get(results_path).await.status, StatusCode::NOT_FOUND);

    let now = Timestamp::now()
        .checked_add(SignedDuration::from_secs(1))
        .expect("time");
    lifecycle::close(&app.db, "board", Actor::System, now)
        .await
        .expect("closed");
    // After close the public page shows the turnout, and still no results.
    let page = app.get("/elections/board").await;
    // Fluent isolates each placeable with U+2068 … U+2069.
    let text = page.body.replace(['\u{2068}', '\u{2069}'], "");
    assert!(text.contains("3 of 3 voters voted."), "turnout");
    assert_eq!(app.get(results_path).await.status, StatusCode::NOT_FOUND);

    counting::freeze(&app.db, "board", Actor::System, now, &mut os_rng())
        .await
        .expect("frozen");
    decrypt_with(&app.db, "board", &[&secrets[0], &secrets[2]], now).await;
    counting::count(&app.db, "board", None, Actor::System, now)
        .await
        .expect("counted");
    // Counted but not published: nothing is public.
    assert_eq!(app.get(results_path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get(blt_path).await.status, StatusCode::NOT_FOUND);

    publish::publish(&app.db, "board", Actor::System, now)
        .await
        .expect("published");
    let results = app.get(results_path).await;
    assert_eq!(results.status, StatusCode::OK);
    let elected = |question: &str| -> Vec<String> {
        let section = results
            .body
            .split(&format!("id=\"result-{question}\""))
            .nth(1)
            .and_then(|s| s.split("</section>").next())
            .expect("the question's section");
        section
            .split("<li class=\"elected-name\">")
            .skip(1)
            .filter_map(|s| s.split('<').next())
            .map(str::to_owned)
            .collect()
    };
    // Hand count. Logo (approval, 1 seat): Owl 2 (voters 0, 1), Tree 1, Box 1 → Owl.
    // Board (Meek, 2 seats, 3 ballots): first preferences Ann 2, Bob 1; the quota is
    // 3/(2+1) = 1, which both reach at the first stage → Ann and Bob.
    assert_eq!(elected("logo"), ["Owl"]);
    assert_eq!(elected("board"), ["Ann", "Bob"]);
    assert!(results.body.contains("<svg"), "the chart");
    assert!(
        results.body.contains("class=\"result-rounds\""),
        "the round table"
    );
    assert!(results.body.contains(&format!("href=\"{blt_path}\"")));
    assert!(
        !results.body.contains("/results/logo/ballots.blt"),
        "approval questions have no BLT"
    );

    let blt = app.get(blt_path).await;
    assert_eq!(blt.status, StatusCode::OK);
    assert!(
        blt.header("content-disposition")
            .is_some_and(|d| d.contains("board-board.blt"))
    );
    let parsed = urna_tally::blt::parse(&blt.body).expect("the BLT parses");
    assert_eq!(parsed.info.candidates.len(), 5);
    assert_eq!(parsed.info.seats, 2);
    assert_eq!(parsed.ballots.total_weight(), 3);
    let csv = app.get("/elections/board/results/board/ballots.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.body.starts_with("weight,Ann,Bob,Cleo,Dev,Eve\n"),
        "{}",
        csv.body
    );
    assert_eq!(
        app.get("/elections/board/results/logo/ballots.blt")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let page = app.get("/elections/board").await;
    assert!(page.body.contains("id=\"results-link\""));
}

/// The ballot pages keep parsed elections in memory between requests: a change made after a
/// voter's first page (here through the service layer, as another server process would) must
/// show on the very next request.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_to_a_running_election_shows_on_the_next_request() {
    let app = TestApp::new().await;
    let (ids, _) = open_election(&app.db, "board", true).await;
    let browser = sign_in(&app, "board", ids[0], 9).await;
    let before = app
        .get_with("/elections/board/ballot", &browser.headers())
        .await;
    assert_eq!(before.status, StatusCode::OK);
    assert!(
        before.body.contains("rank.board.bob"),
        "Bob is on the ballot"
    );

    let board = urna_core::question::QuestionId::parse("board").expect("id");
    let bob = urna_core::question::CandidateId::parse("bob").expect("id");
    admin::withdraw_candidate(
        &app.db,
        "board",
        &board,
        &bob,
        Actor::System,
        Timestamp::now(),
    )
    .await
    .expect("withdrawn");
    let after = app
        .get_with("/elections/board/ballot", &browser.headers())
        .await;
    assert_eq!(after.status, StatusCode::OK);
    assert!(
        !after.body.contains("rank.board.bob"),
        "a withdrawn candidate is no longer offered"
    );

    let later = Timestamp::now()
        .checked_add(SignedDuration::from_secs(1))
        .expect("time");
    lifecycle::close(&app.db, "board", Actor::System, later)
        .await
        .expect("closed");
    let cast = vote_after_close(&app, &browser).await;
    assert_eq!(cast.status, StatusCode::CONFLICT, "{}", cast.body);
    assert_eq!(current_ballots(&app.db, "board").await, 0);
}

async fn vote_after_close(app: &TestApp, browser: &VoterBrowser) -> TestResponse {
    app.post_form(
        "/elections/board/ballot/cast",
        &format!(
            "csrf_token={}&approve.logo=owl&rank.board.ann=1&action=cast",
            browser.csrf
        ),
        &browser.headers(),
    )
    .await
}
