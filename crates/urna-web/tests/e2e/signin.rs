//! A voter signs in through an OpenID Connect provider in Chromium and votes: the election's
//! sign-in page, the button for the provider, the provider's own login and consent pages
//! (the certified `oidc-provider` package on loopback, `tests/oidc/provider.mjs`), back to
//! Urna's callback, the ballot, its review and the receipt. No CSP violation on Urna's pages.

use std::net::SocketAddr;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use thirtyfour::prelude::*;
use urna_web::Config;
use urna_web::app::{AppState, connect_database, router_with};
use urna_web::config::PublicUrl;
use urna_web::service::{Actor, elections, lifecycle, trustees, voters};
use urna_web::signin::config::{ClientSecret, OidcProvider, SignInConfig};
use urna_web::signin::settings::{self, ElectionSignIn};
use urna_web::signin::{ProviderName, ProviderRef};

use super::{TempProfile, chromedriver_path, csp_violations, new_browser, start_chromedriver};

const SLUG: &str = "council-2030";
const WAIT: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(100);
const CLIENT_ID: &str = "urna-e2e";
const CLIENT_SECRET: &str = "e2e-client-secret";

/// The Node provider, killed when dropped.
struct NodeProvider {
    child: tokio::process::Child,
    issuer: String,
}

impl Drop for NodeProvider {
    fn drop(&mut self) {
        let _ = self.child.start_kill();
    }
}

async fn start_provider(redirect_uri: &str) -> NodeProvider {
    use tokio::io::AsyncBufReadExt;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oidc");
    let mut child = tokio::process::Command::new("node")
        .arg("provider.mjs")
        .args([CLIENT_ID, CLIENT_SECRET, redirect_uri])
        .current_dir(&dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("node starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = tokio::io::BufReader::new(stdout).lines();
    let line = tokio::time::timeout(Duration::from_secs(30), lines.next_line())
        .await
        .expect("the provider starts within 30 s")
        .expect("reads")
        .expect("a line");
    let issuer = line
        .strip_prefix("listening ")
        .expect("listening URL")
        .to_owned();
    // Keep reading its output: a closed pipe would kill it at its next line.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    NodeProvider { child, issuer }
}

/// An open election (approval on Owl, Box, Tree; Meek STV on Ann, Bob, Cleo) whose one voter
/// is `voter`, offering only the OIDC provider `corp`; a 1-of-1 key made in-process.
async fn open_election(db: &urna_store::Db, signin: &SignInConfig, voter: &str) {
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
        "slug": SLUG, "languages": ["en"], "title": name("Council"),
        "allow_revote": true,
        "window": {
            "opens": now.checked_add(SignedDuration::from_secs(3600)).expect("time"),
            "closes": now.checked_add(SignedDuration::from_hours(48)).expect("time"),
            "zone": "UTC"
        },
        "questions": [
            {"id": "logo", "title": name("Logo"), "description": null,
             "ballot_type": {"type": "approval", "min": 0, "max": 3}, "method": "approval",
             "seats": 1, "options": options(&["Owl", "Box", "Tree"])},
            {"id": "board", "title": name("Board"), "description": null,
             "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
             "method": "meek", "seats": 2, "options": options(&["Ann", "Bob", "Cleo"])}
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
    voters::upload_voters(db, SLUG, &format!("voter\n{voter}\n"), Actor::System, now)
        .await
        .expect("voters");
    lifecycle::mark_ready(db, SLUG, Actor::System, now)
        .await
        .expect("ready");
    lifecycle::open(db, SLUG, Actor::System, now)
        .await
        .expect("open");
    let chosen = ElectionSignIn {
        providers: vec![ProviderRef::parse("oidc:corp").expect("provider")],
        refuse_blocked: true,
        contact: String::new(),
    };
    settings::save(db, signin, SLUG, &chosen, Actor::System, now)
        .await
        .expect("sign-in settings");
}

async fn click(browser: &WebDriver, selector: By) -> WebDriverResult<()> {
    let element = browser.query(selector).wait(WAIT, POLL).first().await?;
    element.scroll_into_view().await?;
    element.click().await
}

async fn run(browser: &WebDriver, base: &str) -> WebDriverResult<String> {
    browser
        .goto(format!("{base}/elections/{SLUG}/sign-in"))
        .await?;
    let violations = csp_violations(browser).await;
    assert!(violations.is_empty(), "CSP violations: {violations:#?}");
    click(browser, By::Id("sign-in-oidc-corp")).await?;
    // The provider's development login form: any login, any password.
    let login = browser
        .query(By::Css("input[name=login]"))
        .wait(WAIT, POLL)
        .first()
        .await?;
    login.send_keys("alice").await?;
    browser
        .find(By::Css("input[name=password]"))
        .await?
        .send_keys("any password")
        .await?;
    click(browser, By::Css("button[type=submit]")).await?;
    // Its consent page: once the login form has gone, so that the consent button found is not
    // the login page's own (which goes stale as the page changes).
    assert!(
        browser
            .query(By::Css("input[name=login]"))
            .wait(WAIT, POLL)
            .not_exists()
            .await?,
        "still on the provider's login form"
    );
    click(browser, By::Css("form button[type=submit]")).await?;
    // Back at Urna: the ballot.
    let owl = browser
        .query(By::Id("approve-logo-owl"))
        .wait(WAIT, POLL)
        .first()
        .await?;
    assert!(
        browser.current_url().await?.as_str().starts_with(base),
        "back on Urna"
    );
    owl.scroll_into_view().await?;
    owl.click().await?;
    click(
        browser,
        By::Css(".pool-item[data-id='ann'] button[data-action=add]"),
    )
    .await?;
    click(browser, By::Id("ballot-review")).await?;
    click(browser, By::Id("ballot-cast")).await?;
    let receipt = browser
        .query(By::Id("receipt-code"))
        .wait(WAIT, POLL)
        .first()
        .await?
        .text()
        .await?;
    let violations = csp_violations(browser).await;
    assert!(violations.is_empty(), "CSP violations: {violations:#?}");
    Ok(receipt)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_voter_signs_in_through_an_oidc_provider_and_votes() {
    let chromedriver = chromedriver_path();
    let provider_installed = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/oidc/node_modules/oidc-provider")
        .is_dir();
    if !chromedriver.exists() || !provider_installed {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium-driver or oidc-provider is missing under CI: scripts/test installs both"
        );
        println!("SKIPPED: chromium-driver or oidc-provider not installed");
        return;
    }
    // Urna's address must be known before the provider starts: it is the redirect URI.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("address").port();
    let base = format!("http://127.0.0.1:{port}");
    let provider = start_provider(&format!("{base}/sign-in/callback")).await;
    let signin = SignInConfig {
        wiki: vec![],
        oidc: vec![OidcProvider {
            name: ProviderName::parse("corp").expect("name"),
            label: Some("Example Corp".to_owned()),
            issuer: PublicUrl::parse(&provider.issuer).expect("issuer"),
            client_id: CLIENT_ID.to_owned(),
            client_secret: ClientSecret::new(CLIENT_SECRET),
            identity_claim: "sub".to_owned(),
        }],
    };
    let data_dir = tempfile::tempdir().expect("temporary data directory");
    let config = Config {
        listen: SocketAddr::from(([127, 0, 0, 1], port)),
        data_dir: data_dir.path().to_owned(),
        public_url: Some(PublicUrl::parse(&base).expect("url")),
        signin: signin.clone(),
        ..Config::default()
    };
    let db = connect_database(&config).await.expect("database");
    let host = provider.issuer.trim_start_matches("http://");
    open_election(&db, &signin, &format!("alice@{host}")).await;
    let state = AppState::new(config, db.clone()).expect("state");
    let router = router_with(state, axum::Router::new());
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

    let driver = start_chromedriver(&chromedriver);
    let profile = TempProfile::new();
    let browser = new_browser(&driver, &profile).await;
    let outcome = run(&browser, &base).await;
    let _ = browser.quit().await;
    drop(driver);
    let _ = stop.send(());
    let _ = server.await;
    let receipt = outcome.expect("browser steps succeed");
    assert!(!receipt.trim().is_empty(), "a receipt code");
    let turnout = urna_web::service::admin::turnout(&db, SLUG)
        .await
        .expect("turnout");
    assert_eq!(turnout.voted, 1, "the ballot was stored");
}
