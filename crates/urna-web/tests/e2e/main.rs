//! Browser end-to-end tests: the application on a real loopback socket, driven in headless
//! Chromium through Debian's chromedriver (W3C WebDriver, thirtyfour).
//!
//! The test starts chromedriver itself on a free loopback port and stops it when done. Without
//! `/usr/bin/chromedriver` (or `$URNA_CHROMEDRIVER`) it prints "SKIPPED: chromium-driver not
//! installed" and passes, except under CI (`CI` set), where `scripts/test` installs Chromium
//! and a skip would hide a broken set-up, so it fails.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;
use thirtyfour::{ChromiumLikeCapabilities, LoggingPrefsLogLevel};
use urna_web::{Application, Config};

/// Chromium flags for running headless as root in a container, without network side-trips.
const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--lang=en-US",
];

/// A chromedriver process, killed when dropped.
struct ChromeDriver {
    child: Child,
    port: u16,
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn chromedriver_path() -> PathBuf {
    std::env::var_os("URNA_CHROMEDRIVER")
        .map_or_else(|| PathBuf::from("/usr/bin/chromedriver"), PathBuf::from)
}

fn free_loopback_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// Starts chromedriver and waits until it accepts connections.
fn start_chromedriver(path: &Path) -> ChromeDriver {
    let port = free_loopback_port();
    let child = Command::new(path)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let driver = ChromeDriver { child, port };
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(SocketAddr::from(([127, 0, 0, 1], port))).is_err() {
        assert!(
            Instant::now() < deadline,
            "chromedriver did not listen within 20 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    driver
}

/// A fresh, empty Chromium profile directory, removed when dropped.
struct TempProfile(PathBuf);

impl TempProfile {
    fn new() -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir =
            std::env::temp_dir().join(format!("urna-e2e-chromium-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("profile directory");
        TempProfile(dir)
    }
}

impl Drop for TempProfile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

async fn new_browser(driver: &ChromeDriver, profile: &TempProfile) -> WebDriver {
    let mut caps = DesiredCapabilities::chrome();
    for flag in CHROMIUM_FLAGS {
        caps.add_arg(flag).expect("flag");
    }
    caps.add_arg(&format!("--user-data-dir={}", profile.0.display()))
        .expect("flag");
    if Path::new("/usr/bin/chromium").exists() {
        caps.set_binary("/usr/bin/chromium").expect("binary");
    }
    // Without this, chromedriver returns an empty browser log.
    caps.set_browser_log_level(LoggingPrefsLogLevel::All)
        .expect("logging prefs");
    WebDriver::new(format!("http://127.0.0.1:{}", driver.port), caps)
        .await
        .expect("a Chromium session")
}

/// Browser log entries that report a Content-Security-Policy violation.
async fn csp_violations(browser: &WebDriver) -> Vec<String> {
    browser
        .browser_log()
        .await
        .expect("browser log")
        .into_iter()
        .map(|entry| entry.message)
        .filter(|message| message.contains("Content Security Policy"))
        .collect()
}

/// The staff account the browser tests sign in as.
const OFFICER: &str = "returning-officer";
const OFFICER_PASSWORD: &str = "correct horse battery staple 2030";

/// Creates the operator account as `urna admin create-operator` does; returns its TOTP secret.
async fn create_officer(db: &urna_store::Db, config: &Config) -> urna_web::auth::totp::TotpSecret {
    let key = urna_web::auth::server_key::ServerSecretKey::load(config).expect("server key");
    let (_, totp_secret) = urna_web::staff::create_operator(
        db,
        &key,
        &urna_web::staff::StaffUsername::parse(OFFICER).expect("username"),
        &urna_web::auth::password::Password::new(OFFICER_PASSWORD.to_owned()).expect("password"),
        "cli",
    )
    .await
    .expect("operator created");
    totp_secret
}

/// Signs the officer in through the staff sign-in form (password and a fresh TOTP code) and
/// waits until the form is gone.
async fn sign_in_officer(
    browser: &WebDriver,
    base: &str,
    secret: &urna_web::auth::totp::TotpSecret,
) -> WebDriverResult<()> {
    use urna_web::auth::totp;
    browser.goto(format!("{base}/staff/sign-in")).await?;
    browser
        .query(By::Id("username"))
        .first()
        .await?
        .send_keys(OFFICER)
        .await?;
    browser
        .find(By::Id("password"))
        .await?
        .send_keys(OFFICER_PASSWORD)
        .await?;
    let now = u64::try_from(jiff::Timestamp::now().as_second()).expect("after 1970");
    let code = totp::totp(secret.expose_bytes(), now, totp::DIGITS);
    browser.find(By::Id("code")).await?.send_keys(&code).await?;
    browser
        .find(By::Css("form.sign-in button[type=submit]"))
        .await?
        .click()
        .await?;
    assert!(
        browser
            .query(By::Id("password"))
            .wait(Duration::from_secs(20), Duration::from_millis(100))
            .not_exists()
            .await?,
        "still on the sign-in form"
    );
    Ok(())
}

async fn script_string(browser: &WebDriver, script: &str) -> String {
    browser
        .execute(script, Vec::new())
        .await
        .expect("script runs")
        .convert::<String>()
        .expect("a string")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn arabic_chosen_in_the_switcher_renders_rtl_without_csp_violations() {
    let chromedriver = chromedriver_path();
    if !chromedriver.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium-driver is missing under CI: scripts/test should have installed it"
        );
        println!("SKIPPED: chromium-driver not installed");
        return;
    }

    // A fresh SQLite data directory, removed at the end.
    let data_dir = tempfile::tempdir().expect("temporary data directory");
    let config = Config {
        listen: SocketAddr::from(([127, 0, 0, 1], 0)),
        data_dir: data_dir.path().to_owned(),
        ..Config::default()
    };
    let app = Application::build(config).await.expect("the app binds");
    let base = format!("http://127.0.0.1:{}", app.port());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until(async {
        let _ = stopped.await;
    }));

    let driver = start_chromedriver(&chromedriver);
    let profile = TempProfile::new();
    let browser = new_browser(&driver, &profile).await;

    let outcome = async {
        browser.goto(format!("{base}/")).await?;
        // The browser asks for English (--lang=en-US): the page starts left to right.
        assert_eq!(
            script_string(&browser, "return document.documentElement.dir").await,
            "ltr"
        );
        // Choose Arabic in the switcher, as a person would.
        let arabic = browser
            .query(By::Css("nav.language-switcher a[hreflang='ar']"))
            .first()
            .await?;
        arabic.click().await?;
        browser
            .query(By::Css("html[lang='ar']"))
            .wait(Duration::from_secs(10), Duration::from_millis(100))
            .first()
            .await?;
        assert_eq!(
            script_string(&browser, "return document.documentElement.dir").await,
            "rtl"
        );
        let heading = browser.find(By::Tag("h1")).await?.text().await?;
        // locales/ar/voter.ftl: home-title.
        assert_eq!(heading, "انتخابات يمكن لمجتمعك أن يثق بها");
        // The stylesheet was allowed to load and applies (the skip link is positioned).
        assert_eq!(
            script_string(
                &browser,
                "return getComputedStyle(document.querySelector('.skip-link')).position"
            )
            .await,
            "absolute"
        );

        // The choice is remembered: the sign-in page is Arabic too. The script was allowed to
        // run: it moved the token from the fragment into the field and out of the address.
        let token = "q3Vb9XoZ_r2mK8-pLw0tYc4nHd6sJe1AfGu7iTx5BzQ";
        browser.goto(format!("{base}/vote#{token}")).await?;
        browser.query(By::Css("html[dir='rtl']")).first().await?;
        let field = browser.find(By::Id("token")).await?;
        assert_eq!(field.value().await?.as_deref(), Some(token));
        assert_eq!(script_string(&browser, "return location.hash").await, "");

        let violations = csp_violations(&browser).await;
        assert!(violations.is_empty(), "CSP violations: {violations:#?}");

        // Control: the log check does see a violation when there is one. An image from another
        // origin is refused by img-src before any request is made.
        browser
            .execute(
                "const img = document.createElement('img'); \
                 img.src = 'https://csp-check.invalid/x.png'; document.body.append(img);",
                Vec::new(),
            )
            .await?;
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut seen = Vec::new();
        while seen.is_empty() && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(100)).await;
            seen = csp_violations(&browser).await;
        }
        assert!(
            !seen.is_empty(),
            "the browser log did not report a deliberate CSP violation"
        );
        WebDriverResult::Ok(())
    }
    .await;

    let _ = browser.quit().await;
    drop(driver);
    let _ = stop.send(());
    let _ = server.await;
    outcome.expect("browser steps succeed");
}

// --- accessibility (axe-core) ---
mod axe;
// --- end accessibility ---

// --- ballot UI ---
mod ballot;
// --- end ballot UI ---

// --- whole election ---
mod election;
// --- end whole election ---

// --- verifiable ballots (server-vote branch) ---
mod verifiable;
// --- end verifiable ballots ---
// --- mixnet elections (issue 5) ---
mod mixnet;
// --- end mixnet elections ---

// --- safe changes while voting runs (live branch) ---
#[path = "../support/ceremony.rs"]
mod key_ceremony;
mod live;
#[path = "../support/smtp.rs"]
mod smtp;
// --- end safe changes while voting runs ---

// --- scrutiny and purge (scrutiny branch) ---
mod scrutiny;
// --- end scrutiny and purge ---

// --- rehearsal (issue 7) ---
mod rehearsal;
// --- end rehearsal ---

// --- voter sign-in through an OpenID Connect provider (signin branch) ---
mod signin;
// --- end voter sign-in ---
