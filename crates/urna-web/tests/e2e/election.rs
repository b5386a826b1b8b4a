//! A whole election in Chromium, through the real pages: an operator (made with the function
//! `urna admin create-operator` uses) signs in with password and TOTP, creates an election with
//! an approval question and a Meek STV question in AoE, uploads voters and takes the links CSV,
//! runs a 2-of-3 key ceremony by uploading the trustees' files (made in-process with
//! urna-crypto, as `urna trustee` would), opens it; voters vote through their `/vote#TOKEN`
//! links (one revotes), the admin strikes a ballot and extends the end; then close, freeze, two
//! trustees' decryption shares, the count, publication, and the public results, checked against
//! a hand count. Every page visited is checked for Content-Security-Policy violations, and an
//! Arabic page for `dir="rtl"`.
//!
//! Large files (trustee JSON) are put into their textareas by script, as a paste would, rather
//! than typed key by key. Downloads land in a per-test directory set through Chromium's prefs.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::{Timestamp, ToSpan};
use serde_json::json;
use thirtyfour::prelude::*;
use thirtyfour::{ChromiumLikeCapabilities, LoggingPrefsLogLevel};
use urna_crypto::{
    DkgRound1, ElectionSetup, FrozenSet, TrusteeName, TrusteeSecret, decryption_shares, dkg_round1,
    dkg_round2, os_rng,
};
use urna_web::Config;
use urna_web::app::{AppState, Application, connect_database};
use urna_web::auth::totp;

use super::axe::assert_accessible;
use super::{
    CHROMIUM_FLAGS, ChromeDriver, TempProfile, chromedriver_path, csp_violations, script_string,
    start_chromedriver,
};

const SLUG: &str = "board-2030";
const WAIT: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(100);

async fn browser(driver: &ChromeDriver, profile: &TempProfile, downloads: &Path) -> WebDriver {
    let mut caps = DesiredCapabilities::chrome();
    for flag in CHROMIUM_FLAGS {
        caps.add_arg(flag).expect("flag");
    }
    caps.add_arg(&format!("--user-data-dir={}", profile.0.display()))
        .expect("flag");
    if Path::new("/usr/bin/chromium").exists() {
        caps.set_binary("/usr/bin/chromium").expect("binary");
    }
    caps.set_browser_log_level(LoggingPrefsLogLevel::All)
        .expect("logging prefs");
    caps.add_experimental_option(
        "prefs",
        json!({
            "download.default_directory": downloads.display().to_string(),
            "download.prompt_for_download": false,
            // Several downloads from one page (the round 1 files) are not to be held back.
            "profile.default_content_setting_values.automatic_downloads": 1,
        }),
    )
    .expect("prefs");
    WebDriver::new(format!("http://127.0.0.1:{}", driver.port), caps)
        .await
        .expect("a Chromium session")
}

/// Waits until the download `file_name` has finished in `dir` and returns its text. Chromium
/// writes to a `.crdownload` file (and hidden temporary files) and renames it when done, so
/// the file counts once no `.crdownload` is left and its content is not empty.
async fn take_download(dir: &Path, file_name: &str) -> String {
    let target = dir.join(file_name);
    let deadline = Instant::now() + WAIT;
    loop {
        let files: Vec<PathBuf> = std::fs::read_dir(dir)
            .expect("download directory")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        let in_progress = files
            .iter()
            .any(|f| f.extension().is_some_and(|e| e == "crdownload"));
        if !in_progress
            && let Ok(text) = std::fs::read_to_string(&target)
            && !text.is_empty()
        {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "{file_name} did not finish downloading in {}: {files:?}",
            dir.display()
        );
        tokio::time::sleep(POLL).await;
    }
}

/// Puts `text` into a textarea, as a paste would.
async fn paste(browser: &WebDriver, element: &WebElement, text: &str) -> WebDriverResult<()> {
    browser
        .execute(
            "arguments[0].value = arguments[1];",
            vec![element.to_json()?, json!(text)],
        )
        .await?;
    Ok(())
}

/// Clicks the button of the action form for `action` on the admin election page, and waits
/// until the page has been reloaded with the new state (its label on the page).
async fn act(browser: &WebDriver, action: &str, state: &str) -> WebDriverResult<()> {
    let button = browser
        .query(By::Css(format!(
            "form:has(input[name=action][value='{action}']) button"
        )))
        .wait(WAIT, POLL)
        .first()
        .await?;
    button.scroll_into_view().await?;
    button.click().await?;
    // The page is replaced (the state may stay the same, as for freeze and count).
    button.wait_until().stale().await?;
    browser
        .query(By::XPath(format!(
            "//dd[contains(@class,'election-state')][normalize-space()='{state}']"
        )))
        .wait(WAIT, POLL)
        .first()
        .await?;
    Ok(())
}

/// Submits the trustee upload form with `kind` and the file `text`.
async fn upload_trustee_file(browser: &WebDriver, kind: &str, text: &str) -> WebDriverResult<()> {
    let select = browser.query(By::Id("upload-kind")).first().await?;
    select.scroll_into_view().await?;
    select
        .query(By::Css(format!("option[value='{kind}']")))
        .first()
        .await?
        .click()
        .await?;
    let file = browser.find(By::Id("upload-file")).await?;
    paste(browser, &file, text).await?;
    let submit = browser
        .find(By::Css(
            "form[action$='/trustees/upload'] button[type=submit]",
        ))
        .await?;
    submit.click().await?;
    submit.wait_until().stale().await?;
    // Back on the overview (a refusal would show the admin error page instead).
    browser
        .query(By::Id("trustees-title"))
        .wait(WAIT, POLL)
        .first()
        .await?;
    Ok(())
}

/// One ballot, as a voter fills it in.
struct Vote<'a> {
    approve: &'a [&'a str],
    rank: &'a [&'a str],
    /// Whether to run the accessibility checks on the sign-in, ballot, review and receipt
    /// pages (once is enough: every voter sees the same pages).
    check_accessibility: bool,
}

/// Signs a voter in through their link, fills in the ballot, reviews and casts it; returns
/// the receipt code.
async fn vote(
    browser: &WebDriver,
    base: &str,
    token: &str,
    v: &Vote<'_>,
) -> WebDriverResult<String> {
    // A fresh browser state per voter, as on their own device.
    browser.delete_all_cookies().await?;
    browser.goto(format!("{base}/vote#{token}")).await?;
    let field = browser
        .query(By::Id("token"))
        .wait(WAIT, POLL)
        .first()
        .await?;
    // The page's script moved the token from the fragment into the field.
    assert_eq!(field.value().await?.as_deref(), Some(token));
    if v.check_accessibility {
        assert_accessible(browser, "voter sign-in").await?;
    }
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
    if v.check_accessibility {
        assert_accessible(browser, "ballot (approval and ranked)").await?;
    }
    for option in v.approve {
        let checkbox = browser
            .find(By::Id(format!("approve-logo-{option}")))
            .await?;
        checkbox.scroll_into_view().await?;
        if !checkbox.is_selected().await? {
            checkbox.click().await?;
        }
    }
    // Add the candidates in reverse and move the last added to the top each time, to use
    // both the Add and the Up buttons: the list ends in the wanted order.
    for (added, candidate) in v.rank.iter().rev().enumerate() {
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
            up.scroll_into_view().await?;
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
    let ranked: Vec<String> = {
        let mut names = Vec::new();
        for li in browser
            .find_all(By::Css("ol.confirm-ranking li .name"))
            .await?
        {
            names.push(li.text().await?);
        }
        names
    };
    let wanted: Vec<String> = v.rank.iter().map(|c| capitalised(c)).collect();
    assert_eq!(ranked, wanted, "the confirmation page shows the ranking");
    if v.check_accessibility {
        assert_accessible(browser, "ballot review").await?;
    }
    cast.scroll_into_view().await?;
    cast.click().await?;
    let receipt = browser
        .query(By::Id("receipt-code"))
        .wait(WAIT, POLL)
        .first()
        .await?
        .text()
        .await?;
    let violations = csp_violations(browser).await;
    assert!(violations.is_empty(), "CSP violations: {violations:#?}");
    if v.check_accessibility {
        assert_accessible(browser, "receipt").await?;
    }
    Ok(receipt)
}

fn capitalised(id: &str) -> String {
    let mut chars = id.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn name(text: &str) -> serde_json::Value {
    json!({"default": "en", "texts": {"en": text}})
}

fn options(names: &[&str]) -> serde_json::Value {
    names
        .iter()
        .map(|n| json!({"id": n.to_lowercase(), "name": name(n)}))
        .collect()
}

/// Opens in an hour (opened by hand once ready), closes in two days, in AoE.
fn definition() -> String {
    let now = Timestamp::now();
    json!({
        "slug": SLUG, "languages": ["en"], "title": name("Board and logo 2030"),
        "window": {
            "opens": now.checked_add(1.hours()).expect("time").to_string(),
            "closes": now.checked_add(48.hours()).expect("time").to_string(),
            "zone": "AoE"
        },
        "questions": [
            {"id": "logo", "title": name("Logo"), "description": null,
             "ballot_type": {"type": "approval", "min": 0, "max": 3}, "method": "approval",
             "seats": 1, "options": options(&["Owl", "Box", "Tree"])},
            {"id": "board", "title": name("Board"), "description": null,
             "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
             "method": "meek", "seats": 2, "options": options(&["Ann", "Bob", "Cleo", "Dev"])}
        ]
    })
    .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_election_through_the_pages() {
    let chromedriver = chromedriver_path();
    if !chromedriver.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium-driver is missing under CI: scripts/test should have installed it"
        );
        println!("SKIPPED: chromium-driver not installed");
        return;
    }
    let started = Instant::now();

    let data_dir = tempfile::tempdir().expect("temporary data directory");
    let config = Config {
        listen: SocketAddr::from(([127, 0, 0, 1], 0)),
        data_dir: data_dir.path().to_owned(),
        ..Config::default()
    };
    let db = connect_database(&config).await.expect("database");
    let totp_secret = super::create_officer(&db, &config).await;
    let app = Application::build_with_state(AppState::new(config, db).expect("state"))
        .await
        .expect("the app binds");
    let base = format!("http://127.0.0.1:{}", app.port());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until(async {
        let _ = stopped.await;
    }));

    let driver = start_chromedriver(&chromedriver);
    let admin_profile = TempProfile::new();
    let admin_downloads = tempfile::tempdir().expect("download directory");
    let admin = browser(&driver, &admin_profile, admin_downloads.path()).await;
    let voter_profile = TempProfile::new();
    let voter_downloads = tempfile::tempdir().expect("download directory");
    let voters = browser(&driver, &voter_profile, voter_downloads.path()).await;

    let outcome = run(&admin, &voters, &base, admin_downloads.path(), &totp_secret).await;

    let _ = admin.quit().await;
    let _ = voters.quit().await;
    drop(driver);
    let _ = stop.send(());
    let _ = server.await;
    outcome.expect("browser steps succeed");
    println!("whole election in the browser: {:?}", started.elapsed());
}

async fn run(
    admin: &WebDriver,
    voters: &WebDriver,
    base: &str,
    downloads: &Path,
    totp_secret: &totp::TotpSecret,
) -> WebDriverResult<()> {
    let mut rng = os_rng();
    let overview = format!("{base}/admin/elections/{SLUG}");

    // 1. Staff sign-in with password and the current TOTP code.
    admin.goto(format!("{base}/staff/sign-in")).await?;
    assert_accessible(admin, "staff sign-in").await?;
    // Signed in: the sign-in form is gone.
    super::sign_in_officer(admin, base, totp_secret).await?;

    // 2. Create the election from its JSON definition.
    admin.goto(format!("{base}/admin/elections")).await?;
    assert_accessible(admin, "admin: elections").await?;
    // The JSON import is the advanced option, folded away under the link to the form.
    admin
        .find(By::Css("details.advanced summary"))
        .await?
        .click()
        .await?;
    let textarea = admin.query(By::Id("definition")).first().await?;
    paste(admin, &textarea, &definition()).await?;
    admin
        .find(By::Css(
            "form[action='/admin/elections'] button[type=submit]",
        ))
        .await?
        .click()
        .await?;
    admin
        .query(By::Id("voters-title"))
        .wait(WAIT, POLL)
        .first()
        .await?;
    assert_eq!(admin.current_url().await?.as_str(), overview);
    let facts = admin.find(By::Css("dl.admin-facts")).await?.text().await?;
    assert!(facts.contains("AoE (UTC−12)"), "window in AoE: {facts}");
    assert_accessible(admin, "admin: election overview (set-up)").await?;

    // Voters, and the links CSV the upload answers with.
    let csv = admin.find(By::Id("csv")).await?;
    csv.send_keys("voter\nv1\nv2\nv3\nv4\nv5\n").await?;
    admin
        .find(By::Css("form[action$='/voters'] button[type=submit]"))
        .await?
        .click()
        .await?;
    let links = take_download(downloads, &format!("{SLUG}-links.csv")).await;
    let token = |voter: &str| -> String {
        links
            .lines()
            .find(|l| l.starts_with(&format!("{voter},")))
            .and_then(|l| l.rsplit_once('#'))
            .map(|(_, t)| t.to_owned())
            .unwrap_or_else(|| panic!("no link for {voter} in {links}"))
    };
    assert_eq!(links.lines().count(), 6, "{links}");

    // 3. The 2-of-3 key ceremony, each trustee's file uploaded on the page.
    admin.goto(&overview).await?;
    let mut secrets: Vec<TrusteeSecret> = (1..=3)
        .map(|i| {
            TrusteeSecret::generate(
                TrusteeName::parse(&format!("trustee {i}")).expect("name"),
                &mut rng,
            )
            .expect("trustee key")
        })
        .collect();
    let publics: String = secrets
        .iter()
        .map(|s| serde_json::to_string_pretty(&s.public).expect("JSON") + "\n")
        .collect();
    admin
        .query(By::Id("threshold"))
        .first()
        .await?
        .send_keys("2")
        .await?;
    let trustees = admin.find(By::Id("trustee-files")).await?;
    paste(admin, &trustees, &publics).await?;
    admin
        .find(By::Css(
            "form[action$='/trustees/setup'] button[type=submit]",
        ))
        .await?
        .click()
        .await?;
    let setup_link = admin
        .query(By::Css("a[href$='/trustees/setup.json']"))
        .wait(WAIT, POLL)
        .first()
        .await?;
    setup_link.scroll_into_view().await?;
    setup_link.click().await?;
    let setup: ElectionSetup =
        serde_json::from_str(&take_download(downloads, "setup.json").await).expect("setup.json");
    assert_eq!(setup.threshold(), 2);
    for s in &secrets {
        let r1 = dkg_round1(s, &setup, &mut rng).expect("round 1");
        upload_trustee_file(
            admin,
            "round1",
            &serde_json::to_string_pretty(&r1).expect("JSON"),
        )
        .await?;
    }
    // Each trustee takes the others' round 1 files from the page.
    let mut round1: Vec<DkgRound1> = Vec::new();
    for i in 1..=3 {
        let link = admin
            .find(By::Css(format!("a[href$='/trustees/round1/{i}']")))
            .await?;
        link.scroll_into_view().await?;
        link.click().await?;
        round1.push(
            serde_json::from_str(
                &take_download(downloads, &format!("trustee-{i}.round1.json")).await,
            )
            .expect("round 1 file"),
        );
    }
    for s in &mut secrets {
        let r2 = dkg_round2(s, &setup, &round1, &mut rng).expect("round 2");
        upload_trustee_file(
            admin,
            "round2",
            &serde_json::to_string_pretty(&r2).expect("JSON"),
        )
        .await?;
    }
    assert!(
        admin
            .find(By::Id("trustees-title"))
            .await?
            .find(By::XPath(".."))
            .await?
            .text()
            .await?
            .contains("key"),
        "the page says the key is made"
    );

    // Ready, then opened by hand (its start, an hour away, moves to now). Not rehearsed
    // (e2e/rehearsal.rs rehearses): marked ready with the logged override.
    super::rehearsal::override_rehearsal(admin, "the rehearsal has its own test").await?;
    act(admin, "mark_ready", "Ready").await?;
    act(admin, "open", "Open").await?;

    // 4. Voting. Hand count further down.
    let ballots = [
        (
            "v1",
            Vote {
                approve: &["owl", "tree"],
                rank: &["ann", "bob"],
                check_accessibility: true,
            },
        ),
        (
            "v2",
            Vote {
                approve: &["owl"],
                rank: &["ann", "bob"],
                check_accessibility: false,
            },
        ),
        (
            "v3",
            Vote {
                approve: &["tree"],
                rank: &["ann", "cleo"],
                check_accessibility: false,
            },
        ),
        (
            "v4",
            Vote {
                approve: &["box"],
                rank: &["cleo"],
                check_accessibility: false,
            },
        ),
        (
            "v5",
            Vote {
                approve: &["box", "owl"],
                rank: &["cleo", "dev"],
                check_accessibility: false,
            },
        ),
    ];
    let mut receipts = Vec::new();
    for (voter, ballot) in &ballots {
        receipts.push(vote(voters, base, &token(voter), ballot).await?);
    }
    // v4 changes their mind: the revote replaces the first ballot.
    let revote = vote(
        voters,
        base,
        &token("v4"),
        &Vote {
            approve: &["tree"],
            rank: &["bob"],
            check_accessibility: false,
        },
    )
    .await?;
    receipts.push(revote);
    receipts.sort();
    receipts.dedup();
    assert_eq!(receipts.len(), 6, "every cast has its own receipt code");

    // The admin sees 5 of 5 voted, strikes v5's ballot with a reason, and extends the end.
    admin.goto(&overview).await?;
    let voted = admin
        .query(By::Css(".turnout-voted"))
        .first()
        .await?
        .text()
        .await?;
    assert_eq!(voted, "5");
    assert_accessible(admin, "admin: election overview (voting)").await?;
    let strike_voter = admin.find(By::Id("strike-voter")).await?;
    strike_voter.scroll_into_view().await?;
    strike_voter.send_keys("v5").await?;
    admin
        .find(By::Id("strike-reason"))
        .await?
        .send_keys("voted from a shared account")
        .await?;
    admin
        .find(By::Css("button[name=op][value=strike]"))
        .await?
        .click()
        .await?;
    admin
        .query(By::XPath(
            "//strong[contains(@class,'turnout-voted')][normalize-space()='4']",
        ))
        .wait(WAIT, POLL)
        .first()
        .await?;
    // Three days from now, typed in the election's zone (AoE, UTC−12).
    let new_end = jiff::tz::offset(-12)
        .to_datetime(Timestamp::now().checked_add(72.hours()).expect("time"))
        .strftime("%Y-%m-%dT%H:%M")
        .to_string();
    let closes = admin.find(By::Id("closes")).await?;
    closes.scroll_into_view().await?;
    closes.send_keys(&new_end).await?;
    let extend = admin
        .find(By::Css("form[action$='/extend'] button[type=submit]"))
        .await?;
    extend.click().await?;
    extend.wait_until().stale().await?;
    let shown = new_end.replace('T', " ");
    let deadline = Instant::now() + WAIT;
    loop {
        let text = admin
            .query(By::Css("dl.admin-facts"))
            .wait(WAIT, POLL)
            .first()
            .await?
            .text()
            .await?;
        if text.contains(&shown) || text.contains(&new_end) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "new end {new_end} not shown: {text}"
        );
        tokio::time::sleep(POLL).await;
    }

    // 5. Close, freeze; two trustees decrypt the frozen set downloaded from the page.
    act(admin, "close", "Closed").await?;
    act(admin, "freeze", "Closed").await?;
    let frozen_link = admin
        .query(By::Css("a[href$='/ballots.json']"))
        .wait(WAIT, POLL)
        .first()
        .await?;
    frozen_link.scroll_into_view().await?;
    frozen_link.click().await?;
    let set: FrozenSet =
        serde_json::from_str(&take_download(downloads, &format!("{SLUG}.ballots.json")).await)
            .expect("ballots.json");
    // v1..v4, v4's revote replacing the first; v5 struck.
    assert_eq!(set.ballots.len(), 4);
    for s in &secrets[..2] {
        let share = s.share_for(&setup.digest()).expect("key share");
        let shares = decryption_shares(share, &set, &mut rng).expect("decryption shares");
        upload_trustee_file(
            admin,
            "shares",
            &serde_json::to_string_pretty(&shares).expect("JSON"),
        )
        .await?;
    }
    act(admin, "count", "Closed").await?;
    // The count runs in the background; reload until it is counted.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        admin.goto(&overview).await?;
        let state = admin
            .query(By::Css("dd.election-state"))
            .first()
            .await?
            .text()
            .await?;
        if state == "Counted" {
            break;
        }
        assert!(Instant::now() < deadline, "still {state} after 60 s");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    act(admin, "publish", "Published").await?;

    // The public results, against the hand count of the counted ballots
    // (v1, v2, v3, v4's revote; v5 struck; v4's first ballot replaced):
    //
    // Logo, approval, 1 seat: Owl 2 (v1, v2), Tree 3 (v1, v3, v4), Box 0 → Tree.
    //   (Counting v4's first ballot instead would tie Owl and Tree at 2; counting v5 would
    //   tie them at 3: the revote and the strike both decide this result.)
    // Board, Meek STV, 2 seats, 4 ballots: Ann>Bob, Ann>Bob, Ann>Cleo, Bob.
    //   Quota 4/3 ≈ 1.333. First preferences Ann 3, Bob 1, Cleo 0, Dev 0: Ann is elected.
    //   Ann's keep factor settles at quota/3 = 4/9, so each of her ballots passes on 5/9:
    //   Bob 1 + 2·5/9 ≈ 2.111 ≥ quota, elected; Cleo 5/9. Elected: Ann, Bob.
    //   (Had v4's first ballot, Cleo, counted: Cleo 1 + 5/9 ≥ quota and Bob 10/9 < it.)
    voters.delete_all_cookies().await?;
    voters
        .goto(format!("{base}/elections/{SLUG}/results"))
        .await?;
    let elected = |question: &'static str| async move {
        let mut names = Vec::new();
        for li in voters
            .query(By::Css(format!("#result-{question} .elected-name")))
            .wait(WAIT, POLL)
            .all_from_selector_required()
            .await?
        {
            names.push(li.text().await?);
        }
        WebDriverResult::Ok(names)
    };
    assert_eq!(elected("logo").await?, ["Tree"]);
    let mut board = elected("board").await?;
    board.sort();
    assert_eq!(board, ["Ann", "Bob"]);
    let violations = csp_violations(voters).await;
    assert!(violations.is_empty(), "CSP violations: {violations:#?}");
    assert_accessible(voters, "results").await?;

    // 6. The results page in Arabic is right to left.
    voters
        .goto(format!("{base}/elections/{SLUG}/results?lang=ar"))
        .await?;
    voters
        .query(By::Css("html[dir='rtl']"))
        .wait(WAIT, POLL)
        .first()
        .await?;
    assert_eq!(
        script_string(voters, "return document.documentElement.lang").await,
        "ar"
    );
    let violations = csp_violations(voters).await;
    assert!(violations.is_empty(), "CSP violations: {violations:#?}");
    assert_accessible(voters, "results (ar, right to left)").await?;
    // And in Chinese (CJK).
    voters
        .goto(format!("{base}/elections/{SLUG}/results?lang=zh"))
        .await?;
    voters
        .query(By::Css("html[lang='zh']"))
        .wait(WAIT, POLL)
        .first()
        .await?;
    assert_accessible(voters, "results (zh)").await?;
    let violations = csp_violations(admin).await;
    assert!(violations.is_empty(), "CSP violations: {violations:#?}");
    Ok(())
}
