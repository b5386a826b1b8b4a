//! The ranked ballot with 70 candidates in Chromium, through the preview router: by keyboard
//! only, by clicking in a 320×640 phone viewport, and with JavaScript disabled (rank number
//! inputs). Each run submits the ballot and checks that the confirmation page lists the
//! ranking in order; the script runs are checked for Content-Security-Policy violations.

use std::net::SocketAddr;
use std::time::Duration;

use thirtyfour::prelude::*;
use thirtyfour::{ChromeCapabilities, ChromiumLikeCapabilities, LoggingPrefsLogLevel};
use urna_web::Config;
use urna_web::app::{AppState, router_with};
use urna_web::ballot_preview::ballot_preview_router;

use super::axe::{assert_accessible, axe_installed, grave_violations};
use super::{
    CHROMIUM_FLAGS, ChromeDriver, TempProfile, chromedriver_path, csp_violations, script_string,
    start_chromedriver,
};

const BALLOT: &str = "/ballot-preview/ranked-70";

/// The application with the preview routes on a loopback socket; stops when `stop` is sent.
async fn start_server() -> (
    String,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<()>,
    tempfile::TempDir,
) {
    // A fresh SQLite data directory, removed when the returned guard drops.
    let data_dir = tempfile::tempdir().expect("temporary data directory");
    let config = Config {
        listen: SocketAddr::from(([127, 0, 0, 1], 0)),
        data_dir: data_dir.path().to_owned(),
        ..Config::default()
    };
    let db = urna_web::app::connect_database(&config)
        .await
        .expect("database");
    let state = AppState::new(config, db).expect("state");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("address").port();
    let router = router_with(state, ballot_preview_router());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async {
            let _ = stopped.await;
        })
        .await;
    });
    (format!("http://127.0.0.1:{port}"), stop, server, data_dir)
}

async fn browser_with(
    driver: &ChromeDriver,
    profile: &TempProfile,
    tweak: impl FnOnce(&mut ChromeCapabilities),
) -> WebDriver {
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
    tweak(&mut caps);
    WebDriver::new(format!("http://127.0.0.1:{}", driver.port), caps)
        .await
        .expect("a Chromium session")
}

/// Text without Fluent's bidi isolation marks (U+2068, U+2069).
fn plain(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

async fn press(browser: &WebDriver, key: Key) -> WebDriverResult<()> {
    browser.action_chain().send_keys(key).perform().await
}

async fn press_shift_tab(browser: &WebDriver) -> WebDriverResult<()> {
    browser
        .action_chain()
        .key_down(Key::Shift)
        .send_keys(Key::Tab)
        .key_up(Key::Shift)
        .perform()
        .await
}

/// A description of the focused element: `action:id` for ranking buttons, else its id.
async fn focused(browser: &WebDriver) -> String {
    script_string(
        browser,
        "const e = document.activeElement; \
         return e.dataset && e.dataset.action ? e.dataset.action + ':' + e.dataset.id : (e.id || e.tagName);",
    )
    .await
}

/// Presses Tab (or Shift+Tab) until the focus is on `wanted`, at most 250 times.
async fn tab_to(browser: &WebDriver, wanted: &str, backwards: bool) -> WebDriverResult<()> {
    for _ in 0..250 {
        if focused(browser).await == wanted {
            return Ok(());
        }
        if backwards {
            press_shift_tab(browser).await?;
        } else {
            press(browser, Key::Tab).await?;
        }
    }
    panic!(
        "Tab never reached {wanted}; focus is on {}",
        focused(browser).await
    );
}

/// The name of the candidate whose ranking button has the focus.
async fn focused_name(browser: &WebDriver) -> String {
    script_string(
        browser,
        "return document.activeElement.closest('li').querySelector('.ranking-name').textContent;",
    )
    .await
}

/// Waits (up to 2 s) for the polite live region to say `expected`; returns what it says.
async fn announcement(browser: &WebDriver, expected: &str) -> String {
    let mut text = String::new();
    for _ in 0..40 {
        text = plain(
            &script_string(
                browser,
                "return document.querySelector('[data-live]').textContent;",
            )
            .await,
        );
        if text == expected {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    text
}

/// The names on the confirmation page's ranking, in order.
async fn confirmed_ranking(browser: &WebDriver) -> WebDriverResult<Vec<String>> {
    browser
        .query(By::Css("ol.confirm-ranking"))
        .wait(Duration::from_secs(10), Duration::from_millis(100))
        .first()
        .await?;
    let mut names = Vec::new();
    for item in browser
        .find_all(By::Css("ol.confirm-ranking li .name"))
        .await?
    {
        names.push(item.text().await?);
    }
    Ok(names)
}

async fn rank_by_keyboard(browser: &WebDriver, base: &str) -> WebDriverResult<()> {
    browser.goto(format!("{base}{BALLOT}")).await?;
    browser
        .query(By::Css(".ranking-widget"))
        .wait(Duration::from_secs(10), Duration::from_millis(100))
        .first()
        .await?;
    assert_accessible(browser, "ranked ballot, 70 candidates").await?;
    // From the top of the page, Tab to the first "Add" button.
    let mut reached = String::new();
    for _ in 0..250 {
        reached = focused(browser).await;
        if reached.starts_with("add:") {
            break;
        }
        press(browser, Key::Tab).await?;
    }
    assert!(reached.starts_with("add:"), "no Add button reached by Tab");
    let first = focused_name(browser).await;
    press(browser, Key::Enter).await?;
    let expected = format!("{first} added at rank 1");
    assert_eq!(announcement(browser, &expected).await, expected);
    // The focus stays in the candidate list, on the next "Add" button.
    assert!(focused(browser).await.starts_with("add:"));
    let second = focused_name(browser).await;
    press(browser, Key::Space).await?;
    // Arrow keys move the focus down the list: skip two candidates.
    press(browser, Key::Down).await?;
    press(browser, Key::Down).await?;
    let third = focused_name(browser).await;
    let third_id = focused(browser).await.trim_start_matches("add:").to_owned();
    press(browser, Key::Enter).await?;
    let expected = format!("{third} added at rank 3");
    assert_eq!(announcement(browser, &expected).await, expected);

    // Back (Shift+Tab) to the third one's "Move up", and move it above the second.
    tab_to(browser, &format!("up:{third_id}"), true).await?;
    press(browser, Key::Enter).await?;
    let expected = format!("{third} moved to rank 2");
    assert_eq!(announcement(browser, &expected).await, expected);
    assert_eq!(focused(browser).await, format!("up:{third_id}"));
    // The hidden rank input is in step.
    let value = script_string(
        browser,
        &format!("return document.querySelector('input[name=\"rank.council.{third_id}\"]').value;"),
    )
    .await;
    assert_eq!(value, "2");

    tab_to(browser, "ballot-review", false).await?;
    press(browser, Key::Enter).await?;
    assert_eq!(
        confirmed_ranking(browser).await?,
        vec![first, third, second]
    );
    assert_accessible(browser, "ranked ballot review").await?;
    Ok(())
}

async fn rank_by_touch(browser: &WebDriver, base: &str) -> WebDriverResult<()> {
    browser.goto(format!("{base}{BALLOT}")).await?;
    browser
        .query(By::Css(".ranking-widget"))
        .wait(Duration::from_secs(10), Duration::from_millis(100))
        .first()
        .await?;
    assert_eq!(
        script_string(browser, "return String(window.innerWidth);").await,
        "320"
    );
    assert_accessible(browser, "ranked ballot, 70 candidates, 320 px").await?;
    // Nothing wider than the screen, and the buttons are large enough to touch.
    assert_eq!(
        script_string(
            browser,
            "return String(document.documentElement.scrollWidth <= window.innerWidth);"
        )
        .await,
        "true"
    );
    let height = script_string(
        browser,
        "return String(document.querySelector('button[data-action=add]').getBoundingClientRect().height);",
    )
    .await;
    assert!(
        height.parse::<f64>().expect("a number") >= 44.0,
        "Add is {height} px high"
    );

    // Find candidates with the filter box, then add them.
    let filter = browser.find(By::Css(".ranking-filter")).await?;
    filter.send_keys("gupta").await?;
    let visible = script_string(
        browser,
        "return String([...document.querySelectorAll('.pool-item')].filter(li => !li.hidden).length);",
    )
    .await;
    assert_eq!(visible, "10", "ten candidates are called Gupta");
    filter.clear().await?;
    let mut names = Vec::new();
    for _ in 0..3 {
        let add = browser
            .find(By::Css(".pool-item:not([hidden]) button[data-action=add]"))
            .await?;
        add.scroll_into_view().await?;
        let id = add.attr("data-id").await?.unwrap_or_default();
        names.push(
            browser
                .find(By::Css(format!(".pool-item[data-id='{id}'] .ranking-name")))
                .await?
                .text()
                .await?,
        );
        add.click().await?;
    }
    let last = browser
        .find(By::Css("ol.ranking li:last-child button[data-action=up]"))
        .await?;
    last.scroll_into_view().await?;
    last.click().await?;
    names.swap(1, 2);
    let review = browser.find(By::Id("ballot-review")).await?;
    review.scroll_into_view().await?;
    review.click().await?;
    assert_eq!(confirmed_ranking(browser).await?, names);
    assert_eq!(
        script_string(
            browser,
            "return String(document.documentElement.scrollWidth <= window.innerWidth);"
        )
        .await,
        "true",
        "the confirmation fits the phone's width"
    );
    assert_accessible(browser, "ranked ballot review, 320 px").await?;
    Ok(())
}

async fn rank_without_javascript(browser: &WebDriver, base: &str) -> WebDriverResult<()> {
    browser.goto(format!("{base}{BALLOT}")).await?;
    // No script ran: no ranking list, the rank inputs are there and visible.
    assert!(
        browser
            .find_all(By::Css(".ranking-widget"))
            .await?
            .is_empty()
    );
    let c10 = browser.find(By::Id("rank-council-c10")).await?;
    assert!(c10.is_displayed().await?);
    // Equal ranks are not allowed here: the page comes back with the error summary.
    c10.send_keys("1").await?;
    browser
        .find(By::Id("rank-council-c20"))
        .await?
        .send_keys("1")
        .await?;
    browser.find(By::Id("ballot-review")).await?.click().await?;
    let summary = browser
        .query(By::Id("error-summary"))
        .wait(Duration::from_secs(10), Duration::from_millis(100))
        .first()
        .await?;
    assert!(plain(&summary.text().await?).contains("all have rank 1"));
    // The typed values are kept; fix them: c20 second, c30 third.
    let c20 = browser.find(By::Id("rank-council-c20")).await?;
    assert_eq!(c20.value().await?.as_deref(), Some("1"));
    c20.clear().await?;
    c20.send_keys("2").await?;
    browser
        .find(By::Id("rank-council-c30"))
        .await?
        .send_keys("3")
        .await?;
    browser.find(By::Id("ballot-review")).await?.click().await?;
    // c10, c20, c30 are Jonas Abbott, Jonas Baker, Jonas Castillo (ten given names per family).
    assert_eq!(
        confirmed_ranking(browser).await?,
        vec!["Jonas Abbott", "Jonas Baker", "Jonas Castillo"]
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ranking_70_candidates_by_keyboard_on_a_phone_and_without_javascript() {
    let chromedriver = chromedriver_path();
    if !chromedriver.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium-driver is missing under CI: scripts/test should have installed it"
        );
        println!("SKIPPED: chromium-driver not installed");
        return;
    }
    let (base, stop, server, _data_dir) = start_server().await;
    let driver = start_chromedriver(&chromedriver);

    // 1. Desktop, keyboard only.
    let profile = TempProfile::new();
    let browser = browser_with(&driver, &profile, |caps| {
        caps.add_arg("--window-size=1280,1000").expect("flag");
    })
    .await;
    let outcome = rank_by_keyboard(&browser, &base).await;
    let violations = csp_violations(&browser).await;
    let _ = browser.quit().await;
    outcome.expect("keyboard ranking");
    assert!(violations.is_empty(), "CSP violations: {violations:#?}");

    // 2. A 320×640 phone (the narrowest in common use), by touch (clicks).
    let profile = TempProfile::new();
    let browser = browser_with(&driver, &profile, |caps| {
        caps.add_experimental_option(
            "mobileEmulation",
            serde_json::json!({"deviceMetrics": {"width": 320, "height": 640, "pixelRatio": 2.0, "touch": true}}),
        )
        .expect("mobile emulation");
    })
    .await;
    let outcome = rank_by_touch(&browser, &base).await;
    let violations = csp_violations(&browser).await;
    let _ = browser.quit().await;
    outcome.expect("phone ranking");
    assert!(violations.is_empty(), "CSP violations: {violations:#?}");

    // 3. JavaScript disabled: the rank number inputs.
    let profile = TempProfile::new();
    let browser = browser_with(&driver, &profile, |caps| {
        caps.add_experimental_option(
            "prefs",
            serde_json::json!({"profile.managed_default_content_settings.javascript": 2}),
        )
        .expect("prefs");
    })
    .await;
    let outcome = rank_without_javascript(&browser, &base).await;
    let _ = browser.quit().await;
    outcome.expect("ranking without JavaScript");

    drop(driver);
    let _ = stop.send(());
    let _ = server.await;
}

/// Every ballot type (the "all-types" preview) and the public pages pass axe in English, in
/// Arabic (right to left) and in Chinese, on a 320 px phone and on a desktop window.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_ballot_type_is_accessible_in_every_script_and_width() {
    let chromedriver = chromedriver_path();
    if !chromedriver.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium-driver is missing under CI: scripts/test should have installed it"
        );
        println!("SKIPPED: chromium-driver not installed");
        return;
    }
    let (base, stop, server, _data_dir) = start_server().await;
    let driver = start_chromedriver(&chromedriver);
    let mut outcome = Ok(());
    for (width, height) in [(320, 640), (1280, 1000)] {
        let profile = TempProfile::new();
        let browser = browser_with(&driver, &profile, |caps| {
            caps.add_arg(&format!("--window-size={width},{height}"))
                .expect("flag");
            caps.add_experimental_option(
                "mobileEmulation",
                serde_json::json!({"deviceMetrics": {"width": width, "height": height, "pixelRatio": 1.0}}),
            )
            .expect("mobile emulation");
        })
        .await;
        outcome = async {
            for lang in ["en", "ar", "zh"] {
                for path in ["/", "/vote", "/staff/sign-in", "/ballot-preview/all-types"] {
                    browser.goto(format!("{base}{path}?lang={lang}")).await?;
                    browser
                        .query(By::Css(format!("html[lang='{lang}']")))
                        .wait(Duration::from_secs(10), Duration::from_millis(100))
                        .first()
                        .await?;
                    assert_accessible(&browser, &format!("{path} ({lang}, {width} px)")).await?;
                }
            }
            // Control: the check does see a violation when there is one (an image without a
            // text alternative is critical).
            browser
                .execute(
                    "document.body.append(document.createElement('img'));",
                    Vec::new(),
                )
                .await?;
            let seen = grave_violations(&browser, "control: an image without alt").await?;
            if axe_installed() {
                assert!(seen.contains(&"image-alt".to_owned()), "{seen:?}");
            }
            WebDriverResult::Ok(())
        }
        .await;
        let _ = browser.quit().await;
        if outcome.is_err() {
            break;
        }
    }
    drop(driver);
    let _ = stop.send(());
    let _ = server.await;
    outcome.expect("accessibility checks");
}
