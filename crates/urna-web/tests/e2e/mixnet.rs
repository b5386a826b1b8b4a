//! A Meek STV election counted through the mixnet, with voters in Chromium
//! (docs/record-format.md A.6–A.7): eight candidates, two seats. Four voters sign in through
//! their links and rank candidates in the ranking widget; the page encrypts each ranking in the browser
//! (`encryptRankedBallot`); the first voter audits a ballot first (the page's own
//! `verifyAuditedRankedBallot` passes, and urna-crypto checks the same JSON and finds the
//! ranks typed), then encrypts again and casts. The election closes and freezes; two trustees
//! shuffle in turn and decrypt, with the calls `urna trustee mix --record` and `decrypt-mix`
//! make (the CLI itself is tested in crates/urna/tests/mix_record.rs); the server counts and
//! publishes. The results page shows the winners, and the published result equals urna-tally
//! on the same rankings written by hand as a BLT. No CSP violation on the way.

use std::net::SocketAddr;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use thirtyfour::prelude::*;
use urna_crypto::ranked_ballot::AuditedRankedBallot;
use urna_crypto::record::{
    ShuffleBody, mix_chain_so_far, mix_seed, read_record, setup_of, verified_mix_chain,
};
use urna_crypto::shuffle::{MixInput, decrypt_mixed, mix};
use urna_web::Config;
use urna_web::app::{AppState, Application, connect_database};
use urna_web::service::{Actor, counting, elections, lifecycle, mixnet, publish, voters};

use super::{TempProfile, chromedriver_path, csp_violations, new_browser, start_chromedriver};

use super::key_ceremony as ceremony;

const SLUG: &str = "council-2030";
const WAIT: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(100);
const CANDIDATES: [&str; 8] = ["ann", "bob", "cy", "dee", "eli", "fay", "gus", "hal"];

/// Each voter's ranking, most preferred first, added one by one in the ranking widget.
const RANKINGS: [&[&str]; 4] = [
    &["ann", "bob", "cy"],
    &["bob", "ann", "hal"],
    &["cy", "dee"],
    &["ann", "cy", "gus"],
];

/// The same rankings as a BLT, written by hand (candidates numbered 1–8 in order).
const BLT: &str = "8 2\n1 1 2 3 0\n1 2 1 8 0\n1 3 4 0\n1 1 3 7 0\n0\n\"ann\"\n\"bob\"\n\"cy\"\n\"dee\"\n\"eli\"\n\"fay\"\n\"gus\"\n\"hal\"\n\"Council\"\n";

async fn open_election(db: &urna_store::Db) -> (Vec<String>, Vec<urna_crypto::TrusteeSecret>) {
    let now = Timestamp::now();
    let name = |n: &str| serde_json::json!({"default": "en", "texts": {"en": n}});
    let options: Vec<serde_json::Value> = CANDIDATES
        .iter()
        .map(|c| serde_json::json!({"id": c, "name": name(c)}))
        .collect();
    let spec = serde_json::from_value(serde_json::json!({
        "id": urna_core::election::ElectionId::generate().expect("id"),
        "slug": SLUG, "languages": ["en"], "title": name("Council"), "counting": "mixnet",
        "window": {
            "opens": now.checked_add(SignedDuration::from_secs(3600)).expect("time"),
            "closes": now.checked_add(SignedDuration::from_hours(48)).expect("time"),
            "zone": "UTC"
        },
        "questions": [
            {"id": "council", "title": name("Council"), "description": null,
             "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
             "method": "meek", "seats": 2, "tie_seed": 11, "options": options}
        ]
    }))
    .expect("a valid election");
    elections::create_election(db, spec, None, Actor::System, now)
        .await
        .expect("created");
    let secrets = ceremony::key_ceremony(db, SLUG, 2, 2, now).await;
    let upload = voters::upload_voters(db, SLUG, "voter\nv0\nv1\nv2\nv3\n", Actor::System, now)
        .await
        .expect("voters");
    lifecycle::mark_ready(db, SLUG, Actor::System, now)
        .await
        .expect("ready");
    lifecycle::open(db, SLUG, Actor::System, now)
        .await
        .expect("open");
    let tokens = ["v0", "v1", "v2", "v3"]
        .iter()
        .map(|voter| {
            upload
                .issued
                .iter()
                .find(|link| link.voter == *voter)
                .expect("a link per voter")
                .token
                .reveal()
                .to_owned()
        })
        .collect();
    (tokens, secrets)
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

/// One voter in the browser: sign in, rank in the widget, review (encrypted in the page),
/// optionally audit first, cast. Returns the audited ballot JSON (if any) and the receipt's
/// tracker.
async fn vote(
    browser: &WebDriver,
    base: &str,
    token: &str,
    ranking: &[&str],
    audit_first: bool,
) -> WebDriverResult<(Option<String>, String)> {
    browser.delete_all_cookies().await?;
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
    for candidate in ranking {
        click(
            browser,
            By::Css(format!(
                ".pool-item[data-id='{candidate}'] button[data-action=add]"
            )),
        )
        .await?;
    }
    click(browser, By::Id("ballot-review")).await?;
    let first = text_of(browser, "verifiable-tracker").await?;
    let mut audited = None;
    if audit_first {
        click(browser, By::Id("verifiable-audit")).await?;
        let result = browser
            .query(By::Id("verifiable-audit-result"))
            .wait(WAIT, POLL)
            .first()
            .await?;
        assert_eq!(
            result.class_name().await?.as_deref(),
            Some("audit-ok"),
            "verifyAuditedRankedBallot accepted the audit: {}",
            result.text().await?
        );
        audited = Some(text_of(browser, "verifiable-audited-ballot").await?);
        click(browser, By::Id("verifiable-again")).await?;
        let again = text_of(browser, "verifiable-tracker").await?;
        assert_ne!(again, first, "fresh randomness and credential");
    }
    let tracker = text_of(browser, "verifiable-tracker").await?;
    click(browser, By::Id("verifiable-cast")).await?;
    let receipt = text_of(browser, "receipt-tracker").await?;
    assert_eq!(receipt, tracker);
    let violations = csp_violations(browser).await;
    assert!(violations.is_empty(), "CSP violations: {violations:#?}");
    Ok((audited, receipt))
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
        tokio::time::sleep(POLL).await;
    }
    panic!("the publisher never wrote {event_type}");
}

async fn record(db: &urna_store::Db) -> String {
    use futures_util::TryStreamExt;
    let loaded = elections::load_election(db, SLUG).await.expect("election");
    let pages: Vec<String> = urna_web::service::board::record_stream(db.clone(), loaded.row_id)
        .try_collect()
        .await
        .expect("record");
    pages.concat()
}

/// Close, freeze, two shuffles, two decryptions, count, publish.
async fn mix_and_count(db: &urna_store::Db, secrets: &[urna_crypto::TrusteeSecret]) {
    let now = Timestamp::now();
    lifecycle::close(db, SLUG, Actor::System, now)
        .await
        .expect("closed");
    counting::freeze(db, SLUG, Actor::System, now, &mut urna_crypto::os_rng())
        .await
        .expect("frozen");
    board_shows(db, "mix_input").await;
    for secret in secrets {
        // `urna trustee mix --record`: the chain so far checked, the next shuffle signed.
        let events = read_record(&record(db).await).expect("record");
        let setup = setup_of(&events).expect("set-up");
        let chain = mix_chain_so_far(&events).expect("the chain so far");
        let mixer = chain.next_mixer();
        let input = MixInput {
            v: urna_crypto::encoding::V1,
            election_key: setup.election_key.clone(),
            seed: mix_seed(&setup.election_digest, mixer),
            ciphertexts: chain.vectors,
        };
        let mut rng = urna_crypto::os_rng();
        let output = mix(&input, &mut rng).expect("mixed");
        let shuffle = ShuffleBody::sign(mixer, output, &setup.trustee_setup, secret, &mut rng)
            .expect("signed");
        mixnet::accept_shuffle(db, SLUG, shuffle, Actor::System, now)
            .await
            .expect("shuffle accepted");
    }
    let events = read_record(&record(db).await).expect("record");
    let setup = setup_of(&events).expect("set-up");
    let last = verified_mix_chain(&events).expect("the whole chain");
    for secret in secrets {
        // `urna trustee decrypt-mix`.
        let share = secret
            .share_for(&setup.trustee_setup.digest())
            .expect("key share");
        let partial = decrypt_mixed(
            &setup.election_key,
            share,
            &last,
            &mut urna_crypto::os_rng(),
        )
        .expect("decrypted");
        mixnet::accept_mixed_decryption(db, SLUG, partial, Actor::System, now)
            .await
            .expect("decryption accepted");
    }
    counting::count(db, SLUG, None, Actor::System, now)
        .await
        .expect("counted");
    publish::publish(db, SLUG, Actor::System, now)
        .await
        .expect("published");
    board_shows(db, "result").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn voters_rank_in_the_browser_trustees_mix_and_the_meek_result_equals_urna_tally() {
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
    let (tokens, secrets) = open_election(&db).await;
    let app = Application::build_with_state(AppState::new(config, db.clone()).expect("state"))
        .await
        .expect("the app binds");
    let base = format!("http://127.0.0.1:{}", app.port());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until(async {
        let _ = stopped.await;
    }));
    let driver = start_chromedriver(&chromedriver);
    let profile = TempProfile::new();
    let browser = new_browser(&driver, &profile).await;

    let mut outcome = Ok(Vec::new());
    for (i, (token, ranking)) in tokens.iter().zip(RANKINGS).enumerate() {
        match vote(&browser, &base, token, ranking, i == 0).await {
            Ok(done) => {
                if let Ok(list) = &mut outcome {
                    list.push(done);
                }
            }
            Err(e) => {
                outcome = Err(e);
                break;
            }
        }
    }
    let results_page = match &outcome {
        Ok(_) => {
            mix_and_count(&db, &secrets).await;
            browser
                .goto(format!("{base}/elections/{SLUG}/results"))
                .await
                .expect("results page");
            Some(
                browser
                    .find(By::Tag("body"))
                    .await
                    .expect("body")
                    .text()
                    .await,
            )
        }
        Err(_) => None,
    };
    let _ = browser.quit().await;
    drop(driver);
    let _ = stop.send(());
    let _ = server.await;
    let cast = outcome.expect("the browser steps succeed");
    assert_eq!(cast.len(), 4);

    // The audit checks out with urna-crypto and opens to voter 0's ranking:
    // ann 1, bob 2, cy 3, the rest unranked.
    let audited: AuditedRankedBallot =
        serde_json::from_str(cast[0].0.as_deref().expect("audited")).expect("audit JSON");
    assert_eq!(
        audited.verify().expect("a valid audit"),
        vec![vec![1, 2, 3, 0, 0, 0, 0, 0]]
    );

    // The published result equals urna-tally on the hand-written BLT.
    let direct = urna_tally::count(
        urna_tally::Method::Meek,
        &urna_tally::Ballots::Ranked(urna_tally::blt::parse(BLT).expect("BLT")),
        &urna_tally::Options {
            seats: Some(2),
            seed: Some(11),
            ..Default::default()
        },
    )
    .expect("counted");
    let loaded = elections::load_election(&db, SLUG).await.expect("election");
    let rows = db.results(loaded.row_id, true).await.expect("results");
    let report = &rows[0].report["report"];
    let expected = urna_tally::render::json_value(&direct);
    assert_eq!(report["elected"], expected["elected"]);
    assert_eq!(report["rounds"], expected["rounds"]);
    // By hand: first preferences ann 2, bob 1, cy 1 of 4; quota just above 4/3: ann is elected
    // and her surplus of 2/3 goes to bob (v0's next choice) and cy (v3's), 1/3 each, so bob and
    // cy both stand at 4/3, just under the quota: the candidates without votes go, then one of
    // the two is excluded by the seeded lot (seed 11) and the other takes the second seat.
    assert_eq!(report["elected"][0], "ann");
    let page = results_page
        .expect("the count ran")
        .expect("the results page");
    let second = report["elected"][1].as_str().expect("a second seat");
    assert!(page.contains("ann") && page.contains(second), "{page}");
    // The record holds four ballots through two shuffles, and the independent verifier
    // passes every check on it (V5–V8: mix input, shuffles, decryptions, decoded ballots and
    // the recount).
    let published = record(&db).await;
    let events = read_record(&published).expect("record");
    assert_eq!(verified_mix_chain(&events).expect("chain").len(), 4);
    let verification = urna_verify::verify(
        published.as_bytes(),
        &urna_verify::VerifyOptions::default(),
        &|_| {},
    );
    assert!(verification.passed(), "{:#?}", verification.checks);
}
