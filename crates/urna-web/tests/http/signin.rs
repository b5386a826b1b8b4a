//! Voter sign-in through outside providers, over real HTTP to the providers:
//! - MediaWiki OAuth 2.0 against a fixture wiki (an axum server on 127.0.0.1:0 in this file)
//!   that speaks Extension:OAuth's documented endpoints (`rest.php/oauth2/authorize`,
//!   `access_token`, `resource/profile`), checks the client, the redirect URI and PKCE (its
//!   own S256 of the verifier must equal the challenge it was given) and answers the
//!   documented profile JSON;
//! - OpenID Connect against the certified `oidc-provider` package (npm), run by Node on
//!   loopback (`tests/oidc/provider.mjs`, installed by `scripts/test` with `npm ci`): the whole
//!   code flow, its login and consent forms posted as a browser would;
//! - the per-election choice of providers, and voting links refused where an election does
//!   not offer them.
//!
//! Urna itself runs in-process ([`TestApp`]); the test plays the browser, carrying cookies
//! between Urna and the provider.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Json, Redirect, Response};
use axum::routing::{get, post};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jiff::Timestamp;
use sha2::{Digest, Sha256};
use urna_web::config::{Config, PublicUrl};
use urna_web::service::{Actor, elections, lifecycle, voters};
use urna_web::signin::config::{ClientSecret, OidcProvider, SignInConfig, WikiProvider};
use urna_web::signin::settings::{self, ElectionSignIn};
use urna_web::signin::{ProviderName, ProviderRef};

use crate::helpers::{TestApp, TestResponse};

/// Where Urna says it is: the redirect URI registered with every provider derives from it.
const PUBLIC_URL: &str = "http://urna.test";
const REDIRECT_URI: &str = "http://urna.test/sign-in/callback";
const WIKI_CLIENT_ID: &str = "urna-wiki-client";
const WIKI_CLIENT_SECRET: &str = "wiki-client-secret-never-logged";
const OIDC_CLIENT_ID: &str = "urna-oidc-client";
const OIDC_CLIENT_SECRET: &str = "oidc-client-secret-never-logged";

// ----------------------------------------------------------------------------------------
// The fixture wiki
// ----------------------------------------------------------------------------------------

/// An account of the fixture wiki, as `resource/profile` describes it.
#[derive(Clone)]
struct WikiAccount {
    sub: &'static str,
    username: &'static str,
    blocked: bool,
}

const ALICE: WikiAccount = WikiAccount {
    sub: "41",
    username: "Alice Example",
    blocked: false,
};
const BLOCKED_BOB: WikiAccount = WikiAccount {
    sub: "42",
    username: "Bob",
    blocked: true,
};
const CAROL_NOT_LISTED: WikiAccount = WikiAccount {
    sub: "43",
    username: "Carol",
    blocked: false,
};

#[derive(Default)]
struct WikiState {
    /// Authorization codes: challenge, redirect URI, account.
    codes: HashMap<String, (String, String, WikiAccount)>,
    /// Access tokens: account.
    tokens: HashMap<String, WikiAccount>,
    /// Token requests whose PKCE verifier matched the challenge.
    pkce_checked: usize,
    counter: u64,
}

type Wiki = Arc<Mutex<WikiState>>;

fn lock(wiki: &Wiki) -> std::sync::MutexGuard<'_, WikiState> {
    wiki.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn oauth_error(code: &str) -> Response {
    // RFC 6749 §5.2.
    (
        StatusCode::BAD_REQUEST,
        Json(serde_json::json!({"error": code})),
    )
        .into_response()
}

/// `GET /w/rest.php/oauth2/authorize`: the wiki's consent, granted at once for the account
/// the test names in `as` (a real wiki would ask the user to log in and approve).
async fn wiki_authorize(
    State(wiki): State<Wiki>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let param = |k: &str| q.get(k).cloned().unwrap_or_default();
    if param("response_type") != "code"
        || param("client_id") != WIKI_CLIENT_ID
        || param("code_challenge_method") != "S256"
        || param("code_challenge").len() != 43
        || param("state").is_empty()
    {
        return oauth_error("invalid_request");
    }
    let account = match param("as").as_str() {
        "alice" => ALICE,
        "bob" => BLOCKED_BOB,
        _ => CAROL_NOT_LISTED,
    };
    let mut state = lock(&wiki);
    state.counter += 1;
    let code = format!("wiki-code-{}", state.counter);
    let redirect = param("redirect_uri");
    state.codes.insert(
        code.clone(),
        (param("code_challenge"), redirect.clone(), account),
    );
    let query =
        serde_urlencoded::to_string([("code", code), ("state", param("state"))]).expect("query");
    Redirect::to(&format!("{redirect}?{query}")).into_response()
}

/// `POST /w/rest.php/oauth2/access_token`: a code for a token, checking client, redirect URI
/// and PKCE (RFC 7636 §4.6: `BASE64URL(SHA256(verifier)) == challenge`).
async fn wiki_access_token(
    State(wiki): State<Wiki>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let field = |k: &str| form.get(k).cloned().unwrap_or_default();
    if field("grant_type") != "authorization_code" {
        return oauth_error("unsupported_grant_type");
    }
    if field("client_id") != WIKI_CLIENT_ID || field("client_secret") != WIKI_CLIENT_SECRET {
        return oauth_error("invalid_client");
    }
    let mut state = lock(&wiki);
    // A code is used once.
    let Some((challenge, redirect, account)) = state.codes.remove(&field("code")) else {
        return oauth_error("invalid_grant");
    };
    let computed = URL_SAFE_NO_PAD.encode(Sha256::digest(field("code_verifier").as_bytes()));
    if computed != challenge || redirect != field("redirect_uri") {
        return oauth_error("invalid_grant");
    }
    state.pkce_checked += 1;
    state.counter += 1;
    let token = format!("wiki-token-{}", state.counter);
    state.tokens.insert(token.clone(), account);
    Json(serde_json::json!({"token_type": "Bearer", "expires_in": 14400, "access_token": token}))
        .into_response()
}

/// `GET /w/rest.php/oauth2/resource/profile`: the documented profile fields.
async fn wiki_profile(State(wiki): State<Wiki>, headers: HeaderMap) -> Response {
    let bearer = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default()
        .to_owned();
    let Some(account) = lock(&wiki).tokens.get(&bearer).cloned() else {
        return (
            StatusCode::UNAUTHORIZED,
            Json(serde_json::json!({"error": "invalid_token"})),
        )
            .into_response();
    };
    Json(serde_json::json!({
        "sub": account.sub,
        "username": account.username,
        "editcount": 1520,
        "confirmed_email": true,
        "blocked": account.blocked,
        "registered": "20150314092653",
        "groups": ["*", "user", "autoconfirmed"],
        "rights": ["read", "edit"],
        "grants": ["basic"],
    }))
    .into_response()
}

/// Starts the fixture wiki; its script path is `http://127.0.0.1:PORT/w`.
async fn start_wiki() -> (String, Wiki) {
    let wiki: Wiki = Arc::default();
    let app = axum::Router::new()
        .route("/w/rest.php/oauth2/authorize", get(wiki_authorize))
        .route("/w/rest.php/oauth2/access_token", post(wiki_access_token))
        .route("/w/rest.php/oauth2/resource/profile", get(wiki_profile))
        .with_state(wiki.clone());
    let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0)))
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("address");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (format!("http://{addr}/w"), wiki)
}

fn wiki_config(base_url: &str) -> WikiProvider {
    WikiProvider {
        name: ProviderName::parse("testwiki").expect("name"),
        base_url: PublicUrl::parse(base_url).expect("url"),
        client_id: WIKI_CLIENT_ID.to_owned(),
        client_secret: ClientSecret::new(WIKI_CLIENT_SECRET),
    }
}

// ----------------------------------------------------------------------------------------
// Urna, the election and the browser
// ----------------------------------------------------------------------------------------

async fn app_with(signin: SignInConfig) -> TestApp {
    TestApp::builder()
        .with_config(move |config: &mut Config| {
            config.public_url = Some(PublicUrl::parse(PUBLIC_URL).expect("url"));
            config.signin = signin;
        })
        .build()
        .await
}

/// An open election whose voters are `identities`, offering `providers`; the voters' links.
async fn open_election(
    app: &TestApp,
    slug: &str,
    identities: &[&str],
    providers: &[&str],
    refuse_blocked: bool,
) -> Vec<voters::IssuedLink> {
    let now = Timestamp::now();
    let db = &app.db;
    elections::create_election(
        db,
        crate::voter::board_spec(slug, true),
        None,
        Actor::System,
        now,
    )
    .await
    .expect("created");
    let csv = format!("voter\n{}\n", identities.join("\n"));
    let upload = voters::upload_voters(db, slug, &csv, Actor::System, now)
        .await
        .expect("voters");
    crate::voter::ceremony(db, slug, now).await;
    lifecycle::mark_ready(db, slug, Actor::System, now)
        .await
        .expect("ready");
    lifecycle::open(db, slug, Actor::System, now)
        .await
        .expect("open");
    set_providers(app, slug, providers, refuse_blocked).await;
    upload.issued
}

async fn set_providers(app: &TestApp, slug: &str, providers: &[&str], refuse_blocked: bool) {
    let chosen = ElectionSignIn {
        providers: providers
            .iter()
            .map(|p| ProviderRef::parse(p).expect("provider"))
            .collect(),
        refuse_blocked,
        contact: "Write to elections@example.org to appeal.".to_owned(),
    };
    let config = app_signin_config(app);
    settings::save(
        &app.db,
        &config,
        slug,
        &chosen,
        Actor::System,
        Timestamp::now(),
    )
    .await
    .expect("settings saved");
}

/// The application's `[signin]` (kept beside the app by [`app_with`]).
fn app_signin_config(app: &TestApp) -> SignInConfig {
    lock_configs()
        .get(&app.data_dir.path().to_string_lossy().into_owned())
        .cloned()
        .unwrap_or_default()
}

fn lock_configs() -> std::sync::MutexGuard<'static, HashMap<String, SignInConfig>> {
    static CONFIGS: std::sync::OnceLock<Mutex<HashMap<String, SignInConfig>>> =
        std::sync::OnceLock::new();
    CONFIGS
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

async fn app_for(signin: SignInConfig) -> TestApp {
    let app = app_with(signin.clone()).await;
    lock_configs().insert(app.data_dir.path().to_string_lossy().into_owned(), signin);
    app
}

/// The cookies a response sets, by name (empty values: removed).
fn set_cookies(response: &TestResponse) -> Vec<(String, String)> {
    response
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|c| c.split(';').next())
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

/// The test's browser on Urna's side: its cookie jar.
#[derive(Default)]
struct Browser {
    cookies: HashMap<String, String>,
}

impl Browser {
    fn header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn take(&mut self, response: &TestResponse) {
        for (name, value) in set_cookies(response) {
            if value.is_empty() {
                self.cookies.remove(&name);
            } else {
                self.cookies.insert(name, value);
            }
        }
    }

    async fn get(&mut self, app: &TestApp, path: &str) -> TestResponse {
        let cookie = self.header();
        let response = app.get_with(path, &[("cookie", cookie.as_str())]).await;
        self.take(&response);
        response
    }

    async fn post(&mut self, app: &TestApp, path: &str, body: &str) -> TestResponse {
        let cookie = self.header();
        let response = app
            .post_form(path, body, &[("cookie", cookie.as_str())])
            .await;
        self.take(&response);
        response
    }

    /// Opens the election's sign-in page and presses the button of `provider`: the
    /// provider's address Urna redirects to.
    async fn start(&mut self, app: &TestApp, slug: &str, provider: &str) -> TestResponse {
        let page = self.get(app, &format!("/elections/{slug}/sign-in")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let csrf = page.csrf_token();
        let body =
            serde_urlencoded::to_string([("csrf_token", csrf.as_str()), ("provider", provider)])
                .expect("form");
        self.post(app, &format!("/elections/{slug}/sign-in"), &body)
            .await
    }
}

fn location(response: &TestResponse) -> String {
    response
        .header("location")
        .unwrap_or_else(|| panic!("a redirect, got {} {}", response.status, response.body))
        .to_owned()
}

fn query_of(url: &str) -> HashMap<String, String> {
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or_default();
    serde_urlencoded::from_str(query).expect("query")
}

/// The provider's redirect to Urna's callback, as the path Urna's router sees.
fn callback_path(redirect: &str) -> String {
    redirect
        .strip_prefix(PUBLIC_URL)
        .unwrap_or_else(|| panic!("a redirect to Urna's callback, got {redirect}"))
        .to_owned()
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// At the fixture wiki: consents as `account`; the callback path the wiki redirects to.
async fn consent_at_wiki(authorize_url: &str, account: &str) -> String {
    let response = client()
        .get(format!("{authorize_url}&as={account}"))
        .send()
        .await
        .expect("the wiki answers");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let redirect = response.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    callback_path(&redirect)
}

async fn wiki_app() -> (TestApp, Wiki, String) {
    let (base, wiki) = start_wiki().await;
    let app = app_for(SignInConfig {
        wiki: vec![wiki_config(&base)],
        oidc: vec![],
    })
    .await;
    (app, wiki, base)
}

// ----------------------------------------------------------------------------------------
// MediaWiki OAuth 2.0
// ----------------------------------------------------------------------------------------

#[tokio::test]
async fn a_wiki_voter_signs_in_with_pkce_and_reaches_the_ballot() {
    let (app, wiki, base) = wiki_app().await;
    open_election(
        &app,
        "wiki-vote",
        &["Alice Example@testwiki"],
        &["wiki:testwiki"],
        true,
    )
    .await;
    let mut browser = Browser::default();
    // The page's form posts to Urna, which redirects to the wiki: CSP's form-action covers
    // that redirect, so the page allows the wiki's origin (and nothing else besides itself).
    let page = browser.get(&app, "/elections/wiki-vote/sign-in").await;
    let wiki_origin = base.trim_end_matches("/w");
    assert!(
        page.header("content-security-policy")
            .is_some_and(|csp| csp.contains(&format!("form-action 'self' {wiki_origin};"))),
        "{:?}",
        page.header("content-security-policy")
    );
    let started = browser.start(&app, "wiki-vote", "wiki:testwiki").await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
    let authorize = location(&started);
    assert!(
        authorize.starts_with(&format!("{base}/rest.php/oauth2/authorize?")),
        "{authorize}"
    );
    let params = query_of(&authorize);
    assert_eq!(params["response_type"], "code");
    assert_eq!(params["client_id"], WIKI_CLIENT_ID);
    assert_eq!(params["redirect_uri"], REDIRECT_URI);
    assert_eq!(params["code_challenge_method"], "S256");
    // 256 bits of state; the challenge is a SHA-256 (43 base64url characters).
    assert_eq!(params["state"].len(), 43);
    assert_eq!(params["code_challenge"].len(), 43);
    assert!(
        browser.cookies.contains_key("urna_signin"),
        "browser-binding cookie set"
    );

    let callback = consent_at_wiki(&authorize, "alice").await;
    let back = browser.get(&app, &callback).await;
    assert_eq!(back.status, StatusCode::SEE_OTHER, "{}", back.body);
    assert_eq!(location(&back), "/elections/wiki-vote/ballot");
    assert_eq!(
        lock(&wiki).pkce_checked,
        1,
        "the wiki checked the PKCE verifier"
    );
    assert!(
        !browser.cookies.contains_key("urna_signin"),
        "the binding cookie is cleared"
    );
    let ballot = browser.get(&app, "/elections/wiki-vote/ballot").await;
    assert_eq!(ballot.status, StatusCode::OK, "{}", ballot.body);

    // The same callback again (a replayed or leaked link): the state was used up.
    let mut other = Browser {
        cookies: browser.cookies.clone(),
    };
    let replay = other.get(&app, &callback).await;
    assert_eq!(replay.status, StatusCode::BAD_REQUEST, "{}", replay.body);
}

#[tokio::test]
async fn a_callback_in_another_browser_is_refused_and_uses_up_the_attempt() {
    let (app, _wiki, _) = wiki_app().await;
    open_election(
        &app,
        "wiki-csrf",
        &["Alice Example@testwiki"],
        &["wiki:testwiki"],
        true,
    )
    .await;
    let mut victim = Browser::default();
    let started = victim.start(&app, "wiki-csrf", "wiki:testwiki").await;
    let callback = consent_at_wiki(&location(&started), "alice").await;
    // An attacker's browser (no binding cookie) presents the victim's state and code.
    let mut attacker = Browser::default();
    let refused = attacker.get(&app, &callback).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    assert!(refused.body.contains("another browser"), "{}", refused.body);
    // The attempt is gone: even the right browser cannot use it now.
    let late = victim.get(&app, &callback).await;
    assert_eq!(late.status, StatusCode::BAD_REQUEST);
    // A state nobody issued.
    let forged = victim
        .get(
            &app,
            "/sign-in/callback?state=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&code=x",
        )
        .await;
    assert_eq!(forged.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn blocked_wiki_accounts_are_refused_when_the_election_says_so() {
    let (app, _wiki, _) = wiki_app().await;
    open_election(
        &app,
        "wiki-blocks",
        &["Bob@testwiki"],
        &["wiki:testwiki"],
        true,
    )
    .await;
    let mut browser = Browser::default();
    let started = browser.start(&app, "wiki-blocks", "wiki:testwiki").await;
    let callback = consent_at_wiki(&location(&started), "bob").await;
    let refused = browser.get(&app, &callback).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    assert!(refused.body.contains("blocked"), "{}", refused.body);

    // The same account where the election accepts blocked accounts.
    set_providers(&app, "wiki-blocks", &["wiki:testwiki"], false).await;
    let started = browser.start(&app, "wiki-blocks", "wiki:testwiki").await;
    let callback = consent_at_wiki(&location(&started), "bob").await;
    let accepted = browser.get(&app, &callback).await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
}

#[tokio::test]
async fn an_account_not_on_the_list_is_told_so_with_the_contact_text() {
    let (app, _wiki, _) = wiki_app().await;
    open_election(
        &app,
        "wiki-list",
        &["Alice Example@testwiki"],
        &["wiki:testwiki"],
        true,
    )
    .await;
    let mut browser = Browser::default();
    let started = browser.start(&app, "wiki-list", "wiki:testwiki").await;
    let callback = consent_at_wiki(&location(&started), "carol").await;
    let refused = browser.get(&app, &callback).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    assert!(
        refused.body.contains("Carol@testwiki"),
        "names the identity: {}",
        refused.body
    );
    assert!(
        refused.body.contains("not on the voter list"),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("elections@example.org"),
        "the contact text: {}",
        refused.body
    );
    // With the wiki's eligibility snapshot, the refusal also names the rule Carol failed:
    // the election asks for 3 edits, her account had 2 (service::eligibility::explain).
    crate::eligibility::snapshot_with_min_edits(&app, "wiki-list", "testwiki", "Carol@testwiki", 2)
        .await;
    let started = browser.start(&app, "wiki-list", "wiki:testwiki").await;
    let callback = consent_at_wiki(&location(&started), "carol").await;
    let explained = browser.get(&app, &callback).await;
    assert_eq!(explained.status, StatusCode::FORBIDDEN);
    assert!(
        explained
            .body
            .replace(['\u{2068}', '\u{2069}'], "")
            .contains("At least 3 edits are needed; the account had 2."),
        "{}",
        explained.body
    );
    // Translated: the same refusal in Arabic.
    let started = browser.start(&app, "wiki-list", "wiki:testwiki").await;
    let callback = consent_at_wiki(&location(&started), "carol").await;
    let arabic = browser.get(&app, &format!("{callback}&lang=ar")).await;
    assert_eq!(arabic.status, StatusCode::FORBIDDEN);
    assert!(
        arabic.body.contains("ليس في قائمة الناخبين"),
        "{}",
        arabic.body
    );
}

// ----------------------------------------------------------------------------------------
// The election's choice of providers
// ----------------------------------------------------------------------------------------

#[tokio::test]
async fn an_election_offers_only_the_providers_it_chose() {
    let (app, _wiki, _) = wiki_app().await;
    let links = open_election(
        &app,
        "links-only",
        &["Alice Example@testwiki"],
        &["link"],
        true,
    )
    .await;
    let mut browser = Browser::default();
    let page = browser.get(&app, "/elections/links-only/sign-in").await;
    assert!(page.body.contains("href=\"/vote\""), "offers voting links");
    assert!(
        !page.body.contains("wiki:testwiki"),
        "no wiki button: {}",
        page.body
    );
    // A forged form for the wiki (the page has none; the CSRF token is the session's) is
    // refused.
    let csrf = browser.get(&app, "/vote").await.csrf_token();
    let forged = format!("csrf_token={csrf}&provider=wiki%3Atestwiki");
    let started = browser
        .post(&app, "/elections/links-only/sign-in", &forged)
        .await;
    assert_eq!(started.status, StatusCode::NOT_FOUND, "{}", started.body);
    // The voting link still works here.
    let form = app.open_sign_in_form().await;
    let token = links[0].token.reveal();
    let signed_in = app.sign_in(&form, &token, &[]).await;
    assert_eq!(
        signed_in.status,
        StatusCode::SEE_OTHER,
        "{}",
        signed_in.body
    );

    // Wiki only: the voting link is refused like an unknown one.
    set_providers(&app, "links-only", &["wiki:testwiki"], true).await;
    let form = app.open_sign_in_form().await;
    let refused = app.sign_in(&form, &token, &[]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);

    // A provider this server does not configure cannot be chosen.
    let unknown = ElectionSignIn {
        providers: vec![ProviderRef::parse("oidc:nowhere").expect("ref")],
        refuse_blocked: true,
        contact: String::new(),
    };
    let error = settings::save(
        &app.db,
        &app_signin_config(&app),
        "links-only",
        &unknown,
        Actor::System,
        Timestamp::now(),
    )
    .await
    .expect_err("refused");
    assert!(error.to_string().contains("oidc:nowhere"), "{error}");
}

// ----------------------------------------------------------------------------------------
// OpenID Connect against oidc-provider
// ----------------------------------------------------------------------------------------

/// The Node provider, stopped when dropped (its standard input closes).
struct NodeProvider {
    child: tokio::process::Child,
    issuer: String,
}

impl Drop for NodeProvider {
    fn drop(&mut self) {
        let _ = self.child.start_kill();
    }
}

async fn start_oidc_provider() -> Option<NodeProvider> {
    use tokio::io::AsyncBufReadExt;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oidc");
    if !dir.join("node_modules/oidc-provider").is_dir() {
        let message = "oidc-provider is not installed: run `npm ci --prefix crates/urna-web/tests/oidc` (scripts/test does)";
        assert!(std::env::var_os("CI").is_none(), "{message}");
        eprintln!("skipped: {message}");
        return None;
    }
    let mut child = tokio::process::Command::new("node")
        .arg("provider.mjs")
        .args([OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, REDIRECT_URI])
        .current_dir(&dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .expect("node starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = tokio::io::BufReader::new(stdout).lines();
    let line = tokio::time::timeout(std::time::Duration::from_secs(30), lines.next_line())
        .await
        .expect("the provider starts within 30 s")
        .expect("reads")
        .expect("a line");
    let issuer = line
        .strip_prefix("listening ")
        .expect("listening URL")
        .to_owned();
    // Keep reading its output: a closed pipe would kill it at its next line of output.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    Some(NodeProvider { child, issuer })
}

fn oidc_config(issuer: &str) -> OidcProvider {
    OidcProvider {
        name: ProviderName::parse("corp").expect("name"),
        label: Some("Example Corp".to_owned()),
        issuer: PublicUrl::parse(issuer).expect("issuer"),
        client_id: OIDC_CLIENT_ID.to_owned(),
        client_secret: ClientSecret::new(OIDC_CLIENT_SECRET),
        identity_claim: "sub".to_owned(),
    }
}

/// The browser at the provider: follows its redirects and posts its login form (as `login`)
/// and its consent form, until it is sent to Urna's callback; returns that path.
async fn through_the_provider(issuer: &str, authorize_url: &str, login: &str) -> String {
    let http = client();
    let mut jar: HashMap<String, String> = HashMap::new();
    let mut next = (
        reqwest::Method::GET,
        authorize_url.to_owned(),
        None::<String>,
    );
    for _ in 0..12 {
        let (method, url, body) = next.clone();
        let cookie = jar
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let mut request = http.request(method, &url).header("cookie", cookie);
        if let Some(body) = body {
            request = request
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body);
        }
        let response = request.send().await.expect("the provider answers");
        for value in response.headers().get_all("set-cookie") {
            let pair = value
                .to_str()
                .expect("cookie")
                .split(';')
                .next()
                .unwrap_or_default();
            if let Some((k, v)) = pair.split_once('=') {
                jar.insert(k.to_owned(), v.to_owned());
            }
        }
        let status = response.status();
        if status.is_redirection() {
            let target = response.headers()["location"]
                .to_str()
                .expect("location")
                .to_owned();
            if target.starts_with(PUBLIC_URL) {
                return callback_path(&target);
            }
            let absolute = if target.starts_with('/') {
                format!("{issuer}{target}")
            } else {
                target
            };
            next = (reqwest::Method::GET, absolute, None);
            continue;
        }
        let page = response.text().await.expect("page");
        assert_eq!(status, StatusCode::OK, "{page}");
        let action = page
            .split("action=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("a form on the provider's page")
            // The provider's templates escape the action's slashes.
            .replace("&#x2F;", "/")
            .replace("&#47;", "/")
            .replace("&amp;", "&");
        let form = if page.contains("name=\"login\"") {
            serde_urlencoded::to_string([
                ("prompt", "login"),
                ("login", login),
                ("password", "any"),
            ])
        } else {
            serde_urlencoded::to_string([("prompt", "consent")])
        }
        .expect("form");
        let action = if action.starts_with('/') {
            format!("{issuer}{action}")
        } else {
            action
        };
        next = (reqwest::Method::POST, action, Some(form));
    }
    panic!("the provider never sent the browser back");
}

#[tokio::test]
async fn an_oidc_voter_signs_in_through_a_certified_provider() {
    let Some(provider) = start_oidc_provider().await else {
        return;
    };
    let app = app_for(SignInConfig {
        wiki: vec![],
        oidc: vec![oidc_config(&provider.issuer)],
    })
    .await;
    let host = provider.issuer.trim_start_matches("http://");
    let alice = format!("alice@{host}");
    open_election(
        &app,
        "oidc-vote",
        &[alice.as_str()],
        &["oidc:corp", "link"],
        true,
    )
    .await;

    let mut browser = Browser::default();
    let page = browser.get(&app, "/elections/oidc-vote/sign-in").await;
    assert!(
        page.body.contains("Example Corp") && page.body.contains("id=\"sign-in-oidc-corp\""),
        "{}",
        page.body
    );
    let started = browser.start(&app, "oidc-vote", "oidc:corp").await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
    let authorize = location(&started);
    let params = query_of(&authorize);
    assert!(
        authorize.starts_with(&format!("{}/auth?", provider.issuer)),
        "{authorize}"
    );
    assert_eq!(params["scope"], "openid");
    assert_eq!(params["code_challenge_method"], "S256");
    assert_eq!(params["nonce"].len(), 43);

    let callback = through_the_provider(&provider.issuer, &authorize, "alice").await;
    let back = browser.get(&app, &callback).await;
    assert_eq!(back.status, StatusCode::SEE_OTHER, "{}", back.body);
    assert_eq!(location(&back), "/elections/oidc-vote/ballot");
    let ballot = browser.get(&app, "/elections/oidc-vote/ballot").await;
    assert_eq!(ballot.status, StatusCode::OK);

    // Someone else at the same provider is not on the list.
    let started = browser.start(&app, "oidc-vote", "oidc:corp").await;
    let callback = through_the_provider(&provider.issuer, &location(&started), "mallory").await;
    let refused = browser.get(&app, &callback).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    assert!(
        refused.body.contains(&format!("mallory@{host}")),
        "{}",
        refused.body
    );
}

/// Signs `claims` with the provider's own key (its test-only `/test/sign`).
async fn signed_by_provider(issuer: &str, claims: serde_json::Value) -> String {
    client()
        .post(format!("{issuer}/test/sign"))
        .body(claims.to_string())
        .send()
        .await
        .expect("signs")
        .text()
        .await
        .expect("token")
}

#[tokio::test]
async fn id_tokens_with_a_wrong_nonce_audience_issuer_or_expiry_are_refused() {
    let Some(provider) = start_oidc_provider().await else {
        return;
    };
    let config = oidc_config(&provider.issuer);
    let jwks: jsonwebtoken::jwk::JwkSet = client()
        .get(format!("{}/jwks", provider.issuer))
        .send()
        .await
        .expect("JWKS")
        .json()
        .await
        .expect("JWKS JSON");
    let now = Timestamp::now().as_second();
    let good = serde_json::json!({
        "iss": provider.issuer, "aud": OIDC_CLIENT_ID, "sub": "alice",
        "iat": now, "exp": now + 300, "nonce": "the-nonce",
    });
    let check = |token: String| {
        let jwks = jwks.clone();
        let config = config.clone();
        async move { urna_web::signin::oidc::verify_id_token(&token, &jwks, &config, "the-nonce") }
    };
    // The genuine token passes (so the refusals below are about the one claim changed).
    let claims = check(signed_by_provider(&provider.issuer, good.clone()).await)
        .await
        .expect("a good token passes");
    assert_eq!(
        urna_web::signin::oidc::identity(&config, &claims).expect("identity"),
        format!("alice@{}", provider.issuer.trim_start_matches("http://"))
    );
    let changed = |key: &str, value: serde_json::Value| {
        let mut claims = good.clone();
        claims[key] = value;
        claims
    };
    for (what, claims) in [
        ("wrong nonce", changed("nonce", "another-nonce".into())),
        ("no nonce", {
            let mut c = good.clone();
            c.as_object_mut().expect("object").remove("nonce");
            c
        }),
        ("wrong audience", changed("aud", "another-client".into())),
        ("wrong issuer", changed("iss", "http://127.0.0.1:1".into())),
        // Expired beyond the 60 s leeway.
        ("expired", changed("exp", (now - 120).into())),
        ("another client (azp)", {
            let mut c = changed("aud", serde_json::json!([OIDC_CLIENT_ID, "other"]));
            c["azp"] = "other".into();
            c
        }),
    ] {
        let token = signed_by_provider(&provider.issuer, claims).await;
        let result = check(token).await;
        assert!(
            matches!(result, Err(urna_web::signin::flow::SignInError::IdToken(_))),
            "{what}: {result:?}"
        );
    }
    // A token whose signature was tampered with.
    let token = signed_by_provider(&provider.issuer, good).await;
    let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
    parts[1] = URL_SAFE_NO_PAD.encode(
        serde_json::json!({"iss": provider.issuer, "aud": OIDC_CLIENT_ID, "sub": "mallory",
            "exp": now + 300, "nonce": "the-nonce"})
        .to_string(),
    );
    assert!(
        check(parts.join(".")).await.is_err(),
        "a forged payload is refused"
    );
}

/// Test-only check that nothing secret reaches `Debug` of the configuration.
#[test]
fn client_secrets_are_not_in_the_configurations_debug() {
    let config = SignInConfig {
        wiki: vec![wiki_config("https://en.wikipedia.org/w")],
        oidc: vec![oidc_config("https://id.example.org")],
    };
    let shown = format!("{config:?}");
    assert!(
        !shown.contains(WIKI_CLIENT_SECRET) && !shown.contains(OIDC_CLIENT_SECRET),
        "{shown}"
    );
}

/// Nothing secret of a wiki sign-in reaches the log, at any level (our events, request spans,
/// the HTTP client's and the database driver's): not the client secret, the `state`, the
/// authorization code, the access token, nor the browser-binding cookie.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_secret_of_a_wiki_sign_in_is_logged() {
    use std::io::Write;
    use tracing_subscriber::util::SubscriberInitExt;

    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);
    impl Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if let Ok(mut bytes) = self.0.lock() {
                bytes.extend_from_slice(buf);
            }
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let log = Captured::default();
    let writer = log.clone();
    urna_web::telemetry::subscriber(tracing_subscriber::EnvFilter::new("trace"), move || {
        writer.clone()
    })
    .try_init()
    .expect("the only subscriber of this process");

    let (app, wiki, _) = wiki_app().await;
    open_election(
        &app,
        "wiki-log",
        &["Alice Example@testwiki"],
        &["wiki:testwiki"],
        true,
    )
    .await;
    let mut browser = Browser::default();
    let started = browser.start(&app, "wiki-log", "wiki:testwiki").await;
    let authorize = location(&started);
    let state = query_of(&authorize)["state"].clone();
    let binding = browser.cookies["urna_signin"].clone();
    let callback = consent_at_wiki(&authorize, "alice").await;
    let code = query_of(&callback)["code"].clone();
    let back = browser.get(&app, &callback).await;
    assert_eq!(back.status, StatusCode::SEE_OTHER, "{}", back.body);
    let token = lock(&wiki)
        .tokens
        .keys()
        .next()
        .cloned()
        .expect("a token was issued");

    let text =
        String::from_utf8_lossy(&log.0.lock().map(|b| b.clone()).unwrap_or_default()).into_owned();
    assert!(text.contains("voter signed in"), "the log was captured");
    for (what, secret) in [
        ("client secret", WIKI_CLIENT_SECRET.to_owned()),
        ("state", state),
        ("authorization code", code),
        ("access token", token),
        ("browser binding", binding),
    ] {
        assert!(!text.contains(&secret), "the {what} is in the log");
    }
}
