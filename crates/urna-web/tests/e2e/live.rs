//! Changes while voting runs, in Chromium against the real server with a real SMTP server
//! (aiosmtpd on loopback): while voting runs, the admin swaps a candidate on the live page
//! (preview, then confirm); exactly the voters who had voted get the e-mail inviting them to
//! vote again, and they revote through their links on a ballot naming the new candidate.
//! Then an incident-window strike: ballots cast at set times (the service's `now`, injected)
//! around the window; the preview lists exactly those cast in `[from, to)`, the confirmation
//! strikes exactly them, and exactly those voters are e-mailed.

use std::net::SocketAddr;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use serde_json::json;
use thirtyfour::prelude::*;
use urna_core::ballot::{Answer, PlainBallot};
use urna_core::question::CandidateId;
use urna_crypto::os_rng;
use urna_store::Db;
use urna_web::Config;
use urna_web::app::{AppState, Application, connect_database};
use urna_web::auth::totp;
use urna_web::config::{MailFrom, PublicUrl, SmtpConfig, SmtpTls};
use urna_web::service::{Actor, admin, elections, lifecycle, voters, voting};

use super::smtp::{Received, SmtpServer, python_with_aiosmtpd};
use super::{TempProfile, chromedriver_path, csp_violations, start_chromedriver};

const SLUG: &str = "live-2030";
const WAIT: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(100);
/// The notice sender runs every 15 s (`app::NOTICE_SENDER_INTERVAL`): twice that, and more.
const MAIL_WAIT: Duration = Duration::from_secs(45);

fn name(text: &str) -> serde_json::Value {
    json!({"default": "en", "texts": {"en": text}})
}

fn options(names: &[&str]) -> serde_json::Value {
    names
        .iter()
        .map(|n| json!({"id": n.to_lowercase(), "name": name(n)}))
        .collect()
}

/// A sealed election (a ranked question makes it so) open from `opened` for a day, with
/// voters `voter-0`…`voter-5` at `voter-N@example.org`. Returns their link tokens.
async fn open_election(db: &Db, opened: Timestamp) -> Vec<(String, urna_store::VoterId)> {
    let hours = |h: i64| SignedDuration::from_hours(h);
    let spec = serde_json::from_value(json!({
        "id": urna_core::election::ElectionId::generate().expect("id"),
        "slug": SLUG, "languages": ["en"], "title": name("Board 2030"),
        "window": {"opens": opened.checked_add(hours(1)).expect("time"),
                   "closes": opened.checked_add(hours(26)).expect("time"), "zone": "UTC"},
        "questions": [
            {"id": "logo", "title": name("Logo"), "description": null,
             "ballot_type": {"type": "approval", "min": 0, "max": 3}, "method": "approval",
             "seats": 1, "options": options(&["Owl", "Box", "Tree"])},
            {"id": "board", "title": name("Board"), "description": null,
             "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
             "method": "meek", "seats": 1, "options": options(&["Ann", "Bob", "Cleo"])}
        ]
    }))
    .expect("spec");
    elections::create_election(db, spec, None, Actor::System, opened)
        .await
        .expect("created");
    let csv: String = std::iter::once("voter,email\n".to_owned())
        .chain((0..6).map(|i| format!("voter-{i},voter-{i}@example.org\n")))
        .collect();
    let upload = voters::upload_voters(db, SLUG, &csv, Actor::System, opened)
        .await
        .expect("voters");
    crate::key_ceremony::key_ceremony(db, SLUG, 2, 3, opened).await;
    lifecycle::mark_ready(db, SLUG, Actor::System, opened)
        .await
        .expect("ready");
    // Opened by hand at `opened`: the window starts then.
    lifecycle::open(db, SLUG, Actor::System, opened)
        .await
        .expect("open");
    upload
        .issued
        .iter()
        .map(|l| (l.token.reveal().to_owned(), l.voter_id))
        .collect()
}

/// Signs the voter in through their link, ranks `rank` on the board question and casts.
/// Returns the names the ballot page offered on the board question.
async fn vote(
    browser: &WebDriver,
    base: &str,
    token: &str,
    rank: &[&str],
) -> WebDriverResult<Vec<String>> {
    browser.delete_all_cookies().await?;
    browser.goto(format!("{base}/vote#{token}")).await?;
    browser
        .query(By::Id("token"))
        .wait(WAIT, POLL)
        .first()
        .await?;
    browser
        .find(By::Css("form.sign-in button[type=submit]"))
        .await?
        .click()
        .await?;
    browser
        .query(By::Css(".ranking-widget"))
        .wait(WAIT, POLL)
        .first()
        .await?;
    let mut offered = Vec::new();
    for item in browser
        .find_all(By::Css(".pool-item .ranking-name"))
        .await?
    {
        offered.push(item.text().await?);
    }
    for (added, candidate) in rank.iter().rev().enumerate() {
        let add = browser
            .find(By::Css(format!(
                ".pool-item[data-id='{candidate}'] button[data-action=add]"
            )))
            .await?;
        add.scroll_into_view().await?;
        add.click().await?;
        for _ in 0..added {
            let up = browser
                .find(By::Css(format!(
                    "ol.ranking li[data-id='{candidate}'] button[data-action=up]"
                )))
                .await?;
            up.click().await?;
        }
    }
    let review = browser.find(By::Id("ballot-review")).await?;
    review.scroll_into_view().await?;
    review.click().await?;
    let cast = browser
        .query(By::Id("ballot-cast"))
        .wait(WAIT, POLL)
        .first()
        .await?;
    cast.scroll_into_view().await?;
    cast.click().await?;
    browser
        .query(By::Id("receipt-code"))
        .wait(WAIT, POLL)
        .first()
        .await?;
    Ok(offered)
}

/// The text of the element with `id`, without Fluent's isolation marks.
async fn text_of(browser: &WebDriver, id: &str) -> WebDriverResult<String> {
    let text = browser
        .query(By::Id(id))
        .wait(WAIT, POLL)
        .first()
        .await?
        .text()
        .await?;
    Ok(text.replace(['\u{2068}', '\u{2069}'], ""))
}

/// The voters listed under the preview heading `id`.
async fn listed(browser: &WebDriver, id: &str) -> WebDriverResult<Vec<String>> {
    let mut names = Vec::new();
    for li in browser.find_all(By::Css(format!("ul.{id} li"))).await? {
        names.push(li.text().await?);
    }
    Ok(names)
}

/// Clicks the preview page's confirm button and waits for the live page's status line.
async fn confirm(browser: &WebDriver) -> WebDriverResult<String> {
    let button = browser.find(By::Id("live-confirm")).await?;
    button.scroll_into_view().await?;
    button.click().await?;
    let done = browser
        .query(By::Css("p.live-done"))
        .wait(WAIT, POLL)
        .first()
        .await?
        .text()
        .await?;
    Ok(done.replace(['\u{2068}', '\u{2069}'], ""))
}

/// The addresses of the messages whose subject starts with `subject`, sorted.
fn recipients(messages: &[Received], subject: &str) -> Vec<String> {
    let mut to: Vec<String> = messages
        .iter()
        .filter(|m| {
            m.subject
                .replace(['\u{2068}', '\u{2069}'], "")
                .starts_with(subject)
        })
        .flat_map(|m| m.to.clone())
        .collect();
    to.sort();
    to
}

/// Waits until every queued notice of the election has been sent (none queued any more).
async fn outbox_drained(db: &Db) {
    let row = elections::load_election(db, SLUG)
        .await
        .expect("election")
        .row_id;
    let deadline = std::time::Instant::now() + MAIL_WAIT;
    loop {
        let notices = db.notices(row).await.expect("notices");
        if notices
            .iter()
            .all(|n| n.status != urna_store::MailStatus::Queued)
        {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "notices still queued: {notices:?}"
        );
        tokio::time::sleep(POLL).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_swap_and_an_incident_window_strike_tell_exactly_the_affected_voters() {
    let chromedriver = chromedriver_path();
    if !chromedriver.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium-driver is missing under CI: scripts/test should have installed it"
        );
        println!("SKIPPED: chromium-driver not installed");
        return;
    }
    let Some(python) = python_with_aiosmtpd() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "aiosmtpd is missing under CI: scripts/test should have installed it"
        );
        return;
    };
    let smtp = SmtpServer::start(python).await;

    let data_dir = tempfile::tempdir().expect("temporary data directory");
    let config = Config {
        listen: SocketAddr::from(([127, 0, 0, 1], 0)),
        data_dir: data_dir.path().to_owned(),
        public_url: Some(PublicUrl::parse("http://vote.test").expect("url")),
        smtp: Some(SmtpConfig {
            host: "127.0.0.1".into(),
            port: smtp.port,
            username: None,
            password: None,
            from: MailFrom::parse("Urna elections <elections@vote.test>").expect("from"),
            tls: SmtpTls::None,
        }),
        ..Config::default()
    };
    let db = connect_database(&config).await.expect("database");
    let totp_secret = super::create_officer(&db, &config).await;
    // Opened two hours ago, so that ballots can be cast at set times since.
    let started = Timestamp::now();
    let opened = started
        .checked_sub(SignedDuration::from_hours(2))
        .expect("time");
    let links = open_election(&db, opened).await;

    let app = Application::build_with_state(AppState::new(config, db.clone()).expect("state"))
        .await
        .expect("the app binds");
    let base = format!("http://127.0.0.1:{}", app.port());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until(async {
        let _ = stopped.await;
    }));
    let driver = start_chromedriver(&chromedriver);
    let admin_profile = TempProfile::new();
    let admin = super::new_browser(&driver, &admin_profile).await;
    let voter_profile = TempProfile::new();
    let voter = super::new_browser(&driver, &voter_profile).await;

    let outcome = run(
        &admin,
        &voter,
        &base,
        &db,
        &links,
        &smtp,
        &totp_secret,
        started,
    )
    .await;

    let _ = admin.quit().await;
    let _ = voter.quit().await;
    drop(driver);
    let _ = stop.send(());
    let _ = server.await;
    smtp.stop().await;
    outcome.expect("browser steps succeed");
}

#[allow(clippy::too_many_arguments)]
async fn run(
    admin: &WebDriver,
    voter: &WebDriver,
    base: &str,
    db: &Db,
    links: &[(String, urna_store::VoterId)],
    smtp: &SmtpServer,
    totp_secret: &totp::TotpSecret,
    started: Timestamp,
) -> WebDriverResult<()> {
    // 1. voter-0 and voter-1 vote in the browser, both ranking Bob first.
    let offered = vote(voter, base, &links[0].0, &["bob", "ann"]).await?;
    assert_eq!(offered, ["Ann", "Bob", "Cleo"]);
    vote(voter, base, &links[1].0, &["bob"]).await?;
    assert_eq!(admin::turnout(db, SLUG).await.expect("turnout").voted, 2);

    // 2. The admin swaps Bob for Dana on the live page: the preview names exactly the two.
    super::sign_in_officer(admin, base, totp_secret).await?;
    admin
        .goto(format!("{base}/admin/elections/{SLUG}/live"))
        .await?;
    admin
        .query(By::Css("#live-option option[value='board:bob']"))
        .wait(WAIT, POLL)
        .first()
        .await?
        .click()
        .await?;
    admin
        .find(By::Id("live-name"))
        .await?
        .send_keys("Dana")
        .await?;
    admin
        .find(By::Css("button[name=change][value=swap_candidate]"))
        .await?
        .click()
        .await?;
    assert_eq!(
        text_of(admin, "live-struck").await?,
        "Ballots that will be struck: 2"
    );
    assert_eq!(listed(admin, "live-struck").await?, ["voter-0", "voter-1"]);
    assert_eq!(listed(admin, "live-told").await?, ["voter-0", "voter-1"]);
    let done = confirm(admin).await?;
    assert!(
        done.contains("Ballots struck: 2; notices queued: 2"),
        "{done}"
    );
    assert_eq!(admin::turnout(db, SLUG).await.expect("turnout").voted, 0);

    // 3. The e-mails: exactly voter-0 and voter-1, inviting them to vote again.
    smtp.wait_for(2, MAIL_WAIT).await;
    outbox_drained(db).await;
    let mail = smtp.messages();
    assert_eq!(
        recipients(&mail, "Please vote again: Board 2030"),
        ["voter-0@example.org", "voter-1@example.org"]
    );
    assert_eq!(mail.len(), 2, "nobody else was e-mailed: {mail:?}");
    let body = &mail[0].body;
    assert!(
        body.contains("Bob") && body.contains("Dana") && body.contains("vote again"),
        "{body}"
    );

    // 4. They revote; the ballot now offers Dana in Bob's place.
    let offered = vote(voter, base, &links[0].0, &["bob"]).await?;
    assert_eq!(offered, ["Ann", "Dana", "Cleo"]);
    vote(voter, base, &links[1].0, &["ann"]).await?;
    assert_eq!(admin::turnout(db, SLUG).await.expect("turnout").voted, 2);
    let violations = csp_violations(admin).await;
    assert!(violations.is_empty(), "CSP violations: {violations:#?}");

    // 5. Ballots at set times (the service takes `now`): with the window [T−95 min, T−30 min)
    //    voter-2 (T−90) and voter-3 (T−60) are in it; voter-4 at T−30 (its end, excluded) and
    //    voter-5 at T−100 are not, nor are the browser ballots of step 4 (after T).
    let at = |minutes: i64| {
        started
            .checked_sub(SignedDuration::from_mins(minutes))
            .expect("time")
    };
    for (index, minutes) in [(2, 90), (3, 60), (4, 30), (5, 100)] {
        let ballot = PlainBallot {
            answers: vec![
                Answer::Approvals(vec![CandidateId::parse("owl").expect("id")]),
                Answer::Ranking(vec![vec![CandidateId::parse("cleo").expect("id")]]),
            ],
        };
        voting::cast(db, SLUG, links[index].1, ballot, at(minutes), &mut os_rng())
            .await
            .expect("cast at a set time");
    }
    assert_eq!(admin::turnout(db, SLUG).await.expect("turnout").voted, 6);

    admin
        .goto(format!("{base}/admin/elections/{SLUG}/live"))
        .await?;
    let field = |id: &'static str| async move { admin.find(By::Id(id)).await };
    field("live-from")
        .await?
        .send_keys(at(95).to_string())
        .await?;
    field("live-to")
        .await?
        .send_keys(at(30).to_string())
        .await?;
    field("live-reason")
        .await?
        .send_keys("cast while the ballot page was misconfigured")
        .await?;
    let submit = admin
        .find(By::Css(
            "form:has(input[value=strike_window]) button[type=submit]",
        ))
        .await?;
    submit.scroll_into_view().await?;
    submit.click().await?;
    assert_eq!(
        text_of(admin, "live-struck").await?,
        "Ballots that will be struck: 2"
    );
    assert_eq!(listed(admin, "live-struck").await?, ["voter-2", "voter-3"]);
    let done = confirm(admin).await?;
    assert!(
        done.contains("Ballots struck: 2; notices queued: 2"),
        "{done}"
    );

    // Exactly those two ballots are struck, and exactly those two voters are e-mailed.
    for (index, struck) in [
        (0, false),
        (1, false),
        (2, true),
        (3, true),
        (4, false),
        (5, false),
    ] {
        let status = db
            .current_ballot_status(links[index].1)
            .await
            .expect("status")
            .expect("a ballot");
        assert_eq!(status.struck, struck, "voter-{index}");
    }
    assert_eq!(admin::turnout(db, SLUG).await.expect("turnout").voted, 4);
    smtp.wait_for(4, MAIL_WAIT).await;
    outbox_drained(db).await;
    let mail = smtp.messages();
    assert_eq!(
        recipients(&mail, "Your ballot was struck: Board 2030"),
        ["voter-2@example.org", "voter-3@example.org"]
    );
    assert_eq!(mail.len(), 4, "nobody else was e-mailed: {mail:?}");
    Ok(())
}
