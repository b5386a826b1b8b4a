//! `TestApp`: builds the application with a test configuration and a fresh SQLite database
//! (a temporary data directory per test), and sends requests to it.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use tempfile::TempDir;
use tower::ServiceExt;
use urna_store::Db;
use urna_web::app::{AppState, router_with};
use urna_web::auth::session::{BoxFuture, Principal, SessionStore};
use urna_web::auth::voting_link::{VotingLinkAuthority, VotingLinkToken};
use urna_web::config::Config;

/// A voting-link token of the accepted shape (43 base64url characters, 256 bits).
pub const GOOD_TOKEN: &str = "q3Vb9XoZ_r2mK8-pLw0tYc4nHd6sJe1AfGu7iTx5BzQ";

pub struct TestAppBuilder {
    config: Config,
    extra: Router<AppState>,
    voting_links: Option<Arc<dyn VotingLinkAuthority>>,
    data_dir: Option<Arc<TempDir>>,
}

impl TestAppBuilder {
    pub fn with_config(mut self, change: impl FnOnce(&mut Config)) -> Self {
        change(&mut self.config);
        self
    }

    pub fn with_routes(mut self, extra: Router<AppState>) -> Self {
        self.extra = extra;
        self
    }

    pub fn with_voting_links(mut self, links: Arc<dyn VotingLinkAuthority>) -> Self {
        self.voting_links = Some(links);
        self
    }

    /// Uses an existing data directory (a restarted server) instead of a fresh one.
    pub fn with_data_dir(mut self, dir: Arc<TempDir>) -> Self {
        self.data_dir = Some(dir);
        self
    }

    /// Opens (creating and migrating) the SQLite database in the data directory and builds
    /// the application over it, as `urna serve` does.
    pub async fn build(self) -> TestApp {
        let data_dir = match self.data_dir {
            Some(dir) => dir,
            None => Arc::new(tempfile::tempdir().expect("temporary data directory")),
        };
        let mut config = self.config;
        config.data_dir = data_dir.path().to_owned();
        let db = urna_web::app::connect_database(&config)
            .await
            .expect("the test database opens and migrates");
        let mut state = AppState::new(config, db.clone()).expect("test configuration is valid");
        if let Some(links) = self.voting_links {
            state = state.with_voting_links(links);
        }
        TestApp {
            sessions: state.sessions.clone(),
            server_key: state.server_key.clone(),
            router: router_with(state, self.extra),
            db,
            data_dir,
        }
    }
}

pub struct TestApp {
    router: Router,
    pub sessions: Arc<dyn SessionStore>,
    pub db: Db,
    pub data_dir: Arc<TempDir>,
    /// The key the application seals TOTP secrets with (from the data directory's key file).
    pub server_key: urna_web::auth::server_key::ServerSecretKey,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl TestResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The session cookie's value from `Set-Cookie`, if the response set one.
    pub fn session_cookie(&self) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|c| c.strip_prefix("urna_session="))
            .and_then(|c| c.split(';').next())
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    }

    /// The value of the form's hidden CSRF field.
    pub fn csrf_token(&self) -> String {
        let marker = "name=\"csrf_token\" value=\"";
        let start = self.body.find(marker).expect("page has a CSRF field") + marker.len();
        let end = self.body[start..].find('"').expect("closing quote");
        self.body[start..start + end].to_owned()
    }
}

/// A browser session with the sign-in form open: cookie and CSRF token.
pub struct FormSession {
    pub cookie: String,
    pub csrf: String,
}

impl TestApp {
    pub fn builder() -> TestAppBuilder {
        let config = Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            ..Config::default()
        };
        TestAppBuilder {
            config,
            extra: Router::new(),
            voting_links: None,
            data_dir: None,
        }
    }

    pub async fn new() -> TestApp {
        Self::builder().build().await
    }

    /// A new application over the same data directory: what a server restart sees.
    pub async fn restart(&self) -> TestApp {
        Self::builder()
            .with_data_dir(self.data_dir.clone())
            .build()
            .await
    }

    pub async fn request(&self, mut request: Request<Body>) -> TestResponse {
        // What `into_make_service_with_connect_info` provides on a real socket; the rate
        // limiter keys on it.
        request
            .extensions_mut()
            .insert(ConnectInfo(SocketAddr::from(([192, 0, 2, 7], 50000))));
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("the router is infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("body reads");
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        self.get_with(path, &[]).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> TestResponse {
        let mut request = Request::builder().method(Method::GET).uri(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.request(request.body(Body::empty()).expect("valid request"))
            .await
    }

    /// A form POST as a browser sends it from our own page (`Sec-Fetch-Site: same-origin`)
    /// plus any extra headers.
    pub async fn post_form(
        &self,
        path: &str,
        body: &str,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let mut request = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        let overrides_site = headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("sec-fetch-site"));
        if !overrides_site {
            request = request.header("sec-fetch-site", "same-origin");
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.request(
            request
                .body(Body::from(body.to_owned()))
                .expect("valid request"),
        )
        .await
    }

    /// Opens `/vote` like a browser: returns the session cookie and the form's CSRF token.
    pub async fn open_sign_in_form(&self) -> FormSession {
        let page = self.get("/vote").await;
        assert_eq!(page.status, StatusCode::OK);
        FormSession {
            cookie: page.session_cookie().expect("the form creates a session"),
            csrf: page.csrf_token(),
        }
    }

    /// Submits the sign-in form in `session` with `token`.
    pub async fn sign_in(
        &self,
        session: &FormSession,
        token: &str,
        extra_headers: &[(&str, &str)],
    ) -> TestResponse {
        let cookie = format!("urna_session={}", session.cookie);
        let mut headers = vec![("cookie", cookie.as_str())];
        headers.extend_from_slice(extra_headers);
        let body = format!("csrf_token={}&token={token}", session.csrf);
        self.post_form("/vote", &body, &headers).await
    }
}

/// A voting-link authority that knows one token and counts how often it was asked.
#[derive(Debug, Default)]
pub struct OneVotingLink {
    pub asked: AtomicUsize,
}

impl OneVotingLink {
    pub fn asked(&self) -> usize {
        self.asked.load(Ordering::SeqCst)
    }
}

impl VotingLinkAuthority for OneVotingLink {
    fn redeem<'a>(
        &'a self,
        token: &'a VotingLinkToken,
    ) -> BoxFuture<'a, Result<Option<Principal>, String>> {
        self.asked.fetch_add(1, Ordering::SeqCst);
        let known = token.expose() == GOOD_TOKEN;
        Box::pin(async move {
            Ok(known.then(|| Principal::Voter {
                election: "demo".to_owned(),
                voter: "v1".to_owned(),
                // No voter row stands behind this stand-in: any binding will do.
                link: String::new(),
            }))
        })
    }
}
