//! A verifiable election in Chromium (docs/record-format.md §4): a voter signs in through
//! their link, fills in the ballot, and the page encrypts it in the browser. The voter first
//! audits the encrypted ballot (Benaloh): the page shows the opened ballot and says its own
//! check (`verifyAudited`) passed; the test checks the same JSON independently with
//! urna-crypto and that it opens to the answers given. The voter then encrypts again and
//! casts: the receipt shows the new tracker, and the store holds exactly one ballot, sealed
//! by the voter, whose tracker is not the audited one's. The voter follows the receipt's link
//! to the board and finds the ballot included under a signed tree head (checked by the
//! server's inclusion proof). A second voter's browser posts the first voter's ballot, copied
//! byte for byte: it is refused with the reason, and nothing is stored. The election then
//! closes, the trustee decrypts the tally it recomputes from the record, the server counts
//! and publishes, and the record downloaded through the browser passes every check of the
//! independent verifier. No CSP violation on the way.

use std::net::SocketAddr;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use thirtyfour::prelude::*;
use thirtyfour::{ChromiumLikeCapabilities, LoggingPrefsLogLevel};
use urna_crypto::homomorphic::AuditedBallot;
use urna_verify::{CheckId, Status, VerifyOptions};
use urna_web::Config;
use urna_web::app::{AppState, Application, connect_database};
use urna_web::service::{
    Actor, counting, elections, lifecycle, publish, tally_verifiable, trustees, voters,
};

use super::{
    CHROMIUM_FLAGS, ChromeDriver, TempProfile, chromedriver_path, csp_violations,
    start_chromedriver,
};

const SLUG: &str = "mascot-2030";
const WAIT: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(100);

/// Creates and opens a verifiable election (choose one of Owl, Box, Tree; approve any of Red,
/// Green, Blue) with two voters and a 1-of-1 key made in-process; returns the voters' tokens
/// (Ada's, then Bob's) and the trustee's secret.
async fn open_verifiable_election(
    db: &urna_store::Db,
) -> ([String; 2], urna_crypto::TrusteeSecret) {
    let now = Timestamp::now();
    let name = |n: &str| serde_json::json!({"default": "en", "texts": {"en": n}});
    let options = |names: &[&str]| -> Vec<serde_json::Value> {
        names
            .iter()
            .map(|n| serde_json::json!({"id": n.to_lowercase(), "name": name(n)}))
            .collect()
    };
    let spec = serde_json::from_value(serde_json::json!({
        "id": urna_core::election::ElectionId::generate().expect("id"),
        "slug": SLUG, "languages": ["en"], "title": name("Mascot and logo"),
        "allow_revote": true,
        "window": {
            "opens": now.checked_add(SignedDuration::from_secs(3600)).expect("time"),
            "closes": now.checked_add(SignedDuration::from_hours(48)).expect("time"),
            "zone": "UTC"
        },
        "questions": [
            {"id": "mascot", "title": name("Mascot"), "description": null,
             "ballot_type": {"type": "choose_one"}, "method": "plurality",
             "seats": 1, "options": options(&["Owl", "Box", "Tree"])},
            {"id": "logo", "title": name("Logo"), "description": null,
             "ballot_type": {"type": "approval", "min": 0, "max": 3}, "method": "approval",
             "seats": 1, "options": options(&["Red", "Green", "Blue"])}
        ]
    }))
    .expect("a valid election");
    elections::create_election(db, spec, None, Actor::System, now)
        .await
        .expect("created");
    let mut rng = urna_crypto::os_rng();
    let trustee = urna_crypto::TrusteeName::parse("Trustee").expect("name");
    let mut secret = urna_crypto::TrusteeSecret::generate(trustee, &mut rng).expect("secret");
    let setup =
        trustees::set_up_key_ceremony(db, SLUG, 1, vec![secret.public.clone()], Actor::System, now)
            .await
            .expect("set-up");
    let round1 = urna_crypto::dkg_round1(&secret, &setup, &mut rng).expect("round 1");
    trustees::accept_round1(db, SLUG, round1.clone(), Actor::System, now)
        .await
        .expect("round 1 accepted");
    let round2 =
        urna_crypto::dkg_round2(&mut secret, &setup, &[round1], &mut rng).expect("round 2");
    trustees::accept_round2(db, SLUG, round2, Actor::System, now)
        .await
        .expect("round 2 accepted");
    let upload = voters::upload_voters(db, SLUG, "voter\nada\nbob\n", Actor::System, now)
        .await
        .expect("voters");
    lifecycle::mark_ready(db, SLUG, Actor::System, now)
        .await
        .expect("ready");
    lifecycle::open(db, SLUG, Actor::System, now)
        .await
        .expect("open");
    let token = |name: &str| {
        upload
            .issued
            .iter()
            .find(|link| link.voter == name)
            .expect("a link per voter")
            .token
            .reveal()
            .to_owned()
    };
    ([token("ada"), token("bob")], secret)
}

async fn text_of(browser: &WebDriver, id: &str) -> WebDriverResult<String> {
    browser
        .query(By::Id(id))
        .wait(WAIT, POLL)
        .first()
        .await?
        .text()
        .await
}

async fn click(browser: &WebDriver, selector: By) -> WebDriverResult<()> {
    let element = browser.query(selector).wait(WAIT, POLL).first().await?;
    element.scroll_into_view().await?;
    element.click().await
}

/// The browser steps; returns (audited ballot JSON, cast tracker).
async fn run(browser: &WebDriver, base: &str, token: &str) -> WebDriverResult<(String, String)> {
    browser.goto(format!("{base}/vote#{token}")).await?;
    browser
        .query(By::Id("token"))
        .wait(WAIT, POLL)
        .first()
        .await?;
    click(browser, By::Css("form.sign-in button[type=submit]")).await?;
    // The script has loaded urna-e2e.js and taken over the review.
    browser
        .query(By::Css("#verifiable[data-ready=true]"))
        .wait(WAIT, POLL)
        .first()
        .await?;
    click(browser, By::Id("choice-mascot-box")).await?;
    click(browser, By::Id("approve-logo-red")).await?;
    click(browser, By::Id("approve-logo-blue")).await?;
    click(browser, By::Id("ballot-review")).await?;
    let first_tracker = text_of(browser, "verifiable-tracker").await?;
    assert_eq!(
        first_tracker.len(),
        64,
        "a hex ballot digest: {first_tracker}"
    );

    // Audit: the opened ballot is shown, and the page's own check passed.
    click(browser, By::Id("verifiable-audit")).await?;
    let result = browser
        .query(By::Id("verifiable-audit-result"))
        .wait(WAIT, POLL)
        .first()
        .await?;
    assert_eq!(
        result.class_name().await?.as_deref(),
        Some("audit-ok"),
        "verifyAudited accepted the audited ballot: {}",
        result.text().await?
    );
    let audited = text_of(browser, "verifiable-audited-ballot").await?;
    assert!(
        browser
            .find_all(By::Id("verifiable-cast"))
            .await?
            .is_empty(),
        "an audited ballot cannot be cast"
    );

    // A fresh encryption, then cast.
    click(browser, By::Id("verifiable-again")).await?;
    let second_tracker = text_of(browser, "verifiable-tracker").await?;
    assert_ne!(
        second_tracker, first_tracker,
        "fresh randomness and credential"
    );
    click(browser, By::Id("verifiable-cast")).await?;
    let receipt = text_of(browser, "receipt-tracker").await?;
    assert_eq!(receipt, second_tracker);

    // The receipt's link: the board page looks the tracker up. The publisher puts the ballot
    // on the board within a second here; until then the page says it is waiting.
    click(browser, By::Id("receipt-board-link")).await?;
    let mut found = String::new();
    for _ in 0..60 {
        if !browser.find_all(By::Css(".board-ok")).await?.is_empty() {
            found = text_of(browser, "lookup-result").await?;
            break;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        browser.refresh().await?;
    }
    assert!(
        found.contains("included at height"),
        "the board finds the ballot: {found:?}"
    );
    let violations = csp_violations(browser).await;
    assert!(violations.is_empty(), "CSP violations: {violations:#?}");
    Ok((audited, receipt))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_voter_audits_casts_finds_the_ballot_on_the_board_and_the_record_verifies() {
    let chromedriver = chromedriver_path();
    if !chromedriver.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium-driver is missing under CI: scripts/test should have installed it"
        );
        println!("SKIPPED: chromium-driver not installed");
        return;
    }
    let data_dir = tempfile::tempdir().expect("temporary data directory");
    let mut config = Config {
        listen: SocketAddr::from(([127, 0, 0, 1], 0)),
        data_dir: data_dir.path().to_owned(),
        ..Config::default()
    };
    config.board.publish_every = 1;
    let db = connect_database(&config).await.expect("database");
    let ([token, bob], trustee) = open_verifiable_election(&db).await;
    let app = Application::build_with_state(AppState::new(config, db.clone()).expect("state"))
        .await
        .expect("the app binds");
    let base = format!("http://127.0.0.1:{}", app.port());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until(async {
        let _ = stopped.await;
    }));

    let driver: ChromeDriver = start_chromedriver(&chromedriver);
    let profile = TempProfile::new();
    let mut caps = DesiredCapabilities::chrome();
    for flag in CHROMIUM_FLAGS {
        caps.add_arg(flag).expect("flag");
    }
    caps.add_arg(&format!("--user-data-dir={}", profile.0.display()))
        .expect("flag");
    if std::path::Path::new("/usr/bin/chromium").exists() {
        caps.set_binary("/usr/bin/chromium").expect("binary");
    }
    caps.set_browser_log_level(LoggingPrefsLogLevel::All)
        .expect("logging prefs");
    let browser = WebDriver::new(format!("http://127.0.0.1:{}", driver.port), caps)
        .await
        .expect("a Chromium session");
    let outcome = run(&browser, &base, &token).await;
    let copied = match &outcome {
        Ok(_) => Some(cast_a_copy(&browser, &base, &bob, &db).await),
        Err(_) => None,
    };
    let record = match (&outcome, &copied) {
        (Ok(_), Some(Ok(_))) => Some(count_and_download(&db, &browser, &trustee).await),
        _ => None,
    };
    let _ = browser.quit().await;
    drop(driver);
    let _ = stop.send(());
    let _ = server.await;
    let (audited, cast_tracker) = outcome.expect("browser steps succeed");
    let refusal = copied
        .expect("Bob's step ran")
        .expect("Bob's browser steps succeed");
    assert!(
        refusal.contains("already cast by someone else"),
        "a copied ballot is refused with its reason: {refusal}"
    );

    // The audited ballot checks out independently and opens to the answers given (record
    // format §2 by hand: mascot = Box → [0, 1, 0]; logo = Red, Blue → [1, 0, 1]).
    let audited: AuditedBallot = serde_json::from_str(&audited).expect("audited ballot JSON");
    assert_eq!(
        audited.verify().expect("a valid audit"),
        vec![vec![0, 1, 0], vec![1, 0, 1]]
    );
    let audited_tracker = urna_crypto::encoding::to_hex(audited.ballot.digest().as_bytes());
    assert_ne!(audited_tracker, cast_tracker);

    // One ballot stored: the cast one, sealed by the voter; the audited one never.
    let loaded = elections::load_election(&db, SLUG).await.expect("election");
    let rows: Vec<(Vec<u8>, Option<String>)> =
        sqlx::query_as("SELECT tracker, sealed_by FROM ballots WHERE election_id = $1")
            .bind(loaded.row_id)
            .fetch_all(db.sqlite_pool().expect("SQLite"))
            .await
            .expect("ballot rows");
    assert_eq!(rows.len(), 1);
    assert_eq!(urna_crypto::encoding::to_hex(&rows[0].0), cast_tracker);
    assert_eq!(rows[0].1.as_deref(), Some("voter"));

    // The record as anyone downloads it passes every check of the independent verifier.
    let record = record.expect("the count ran");
    let verification = urna_verify::verify(record.as_bytes(), &VerifyOptions::default(), &|_| {});
    assert!(verification.passed(), "{:#?}", verification.checks);
    for check in &verification.checks {
        let expected_na = matches!(check.id, CheckId::V6 | CheckId::V10);
        assert_eq!(
            matches!(check.status, Status::NotApplicable { .. }),
            expected_na,
            "{check:?}"
        );
    }
    // And it holds the cast ballot, under the tracker the receipt showed.
    let events = urna_crypto::record::read_record(&record).expect("readable");
    let on_board = events.iter().any(|e| match &e.body {
        urna_crypto::record::EventBody::Ballot(b) => match b.as_ref() {
            urna_crypto::record::BallotBody::Verifiable(v) => {
                urna_crypto::encoding::to_hex(v.ballot.digest().as_bytes()) == cast_tracker
            }
            urna_crypto::record::BallotBody::Sealed(_)
            | urna_crypto::record::BallotBody::Ranked(_) => false,
        },
        _ => false,
    });
    assert!(
        on_board,
        "the receipt's tracker names a ballot on the board"
    );
}

/// Bob signs in and his browser posts Ada's cast ballot, copied byte for byte, through the
/// cast form (the page's CSRF token and cast address); returns the page the server answers.
async fn cast_a_copy(
    browser: &WebDriver,
    base: &str,
    token: &str,
    db: &urna_store::Db,
) -> WebDriverResult<String> {
    let loaded = elections::load_election(db, SLUG).await.expect("election");
    let (adas,): (Vec<u8>,) =
        sqlx::query_as("SELECT sealed FROM ballots WHERE election_id = $1 AND is_current = 1")
            .bind(loaded.row_id)
            .fetch_one(db.sqlite_pool().expect("SQLite"))
            .await
            .expect("Ada's ballot");
    let copied = String::from_utf8(adas).expect("ballot JSON");
    browser.goto(format!("{base}/vote#{token}")).await?;
    browser
        .query(By::Id("token"))
        .wait(WAIT, POLL)
        .first()
        .await?;
    click(browser, By::Css("form.sign-in button[type=submit]")).await?;
    browser
        .query(By::Css("#verifiable[data-ready=true]"))
        .wait(WAIT, POLL)
        .first()
        .await?;
    browser
        .execute(
            "const panel = document.getElementById('verifiable');
             const post = document.createElement('form');
             post.method = 'post';
             post.action = panel.dataset.castAction;
             for (const [name, value] of [['csrf_token', panel.dataset.csrfToken], ['ballot', arguments[0]]]) {
               const input = document.createElement('input');
               input.type = 'hidden'; input.name = name; input.value = value;
               post.append(input);
             }
             document.body.append(post);
             post.submit();",
            vec![serde_json::Value::String(copied)],
        )
        .await?;
    for _ in 0..300 {
        let body = browser.find(By::Tag("body")).await?.text().await?;
        if body.contains("someone else") || body.contains("receipt") {
            return Ok(body);
        }
        tokio::time::sleep(POLL).await;
    }
    browser.find(By::Tag("body")).await?.text().await
}

/// Waits (up to 30 s) until the publisher has put an event of this type on the board.
async fn board_shows(db: &urna_store::Db, event_type: &str) {
    let loaded = elections::load_election(db, SLUG).await.expect("election");
    for _ in 0..300 {
        if db
            .last_board_event(loaded.row_id, event_type)
            .await
            .expect("board")
            .is_some()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the publisher never wrote {event_type}");
}

/// Fetches the record through the browser (real HTTP, the voter's session).
async fn download_record(browser: &WebDriver) -> String {
    super::script_string(
        browser,
        &format!(
            "const x = new XMLHttpRequest(); x.open('GET', '/elections/{SLUG}/record.jsonl', false); \
             x.send(); return x.status === 200 ? x.responseText : 'HTTP ' + x.status;"
        ),
    )
    .await
}

/// Closes the election, freezes it, lets the trustee decrypt the tally it recomputes from the
/// downloaded record, counts, publishes, and downloads the final record.
async fn count_and_download(
    db: &urna_store::Db,
    browser: &WebDriver,
    trustee: &urna_crypto::TrusteeSecret,
) -> String {
    let now = Timestamp::now();
    lifecycle::close(db, SLUG, Actor::System, now)
        .await
        .expect("closed");
    counting::freeze(db, SLUG, Actor::System, now, &mut urna_crypto::os_rng())
        .await
        .expect("frozen");
    board_shows(db, "encrypted_tally").await;
    let frozen = download_record(browser).await;
    let events = urna_crypto::record::read_record(&frozen).expect("a readable record");
    let tally = urna_crypto::record::recompute_tally(&events).expect("the tally");
    let setup = urna_crypto::record::setup_of(&events).expect("set-up");
    let share = trustee
        .share_for(&setup.trustee_setup.digest())
        .expect("the trustee's key share");
    let partial = urna_crypto::homomorphic::decrypt_tally(
        &setup.election_key,
        share,
        &tally,
        &mut urna_crypto::os_rng(),
    )
    .expect("decrypted");
    tally_verifiable::accept_tally_decryption(db, SLUG, partial, Actor::System, now)
        .await
        .expect("accepted");
    counting::count(db, SLUG, None, Actor::System, now)
        .await
        .expect("counted");
    publish::publish(db, SLUG, Actor::System, now)
        .await
        .expect("published");
    board_shows(db, "result").await;
    download_record(browser).await
}
