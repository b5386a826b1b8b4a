//! The application: shared state, the route table, the middleware stack, and the server
//! (`Application::build` binds, `run_until_stopped` serves until SIGINT or SIGTERM).
//!
//! Every route is listed once in [`ROUTES`]; the router is built from that table, and the
//! tests walk the same table (security headers on every route, the OpenAPI document lists
//! every route), so a route cannot be added without being tested.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::StatusCode;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{MethodRouter, get, post};
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use urna_store::Db;

use crate::auth::db_sessions::{DbSessionStore, PURGE_INTERVAL, spawn_expired_session_purge};
use crate::auth::db_voting_links::DbVotingLinks;
use crate::auth::session::{SessionStore, session_middleware};
use crate::auth::session_cache::CachedSessionStore;
use crate::auth::voting_link::VotingLinkAuthority;
use crate::config::Config;
use crate::error::render_errors;
use crate::i18n::{I18nError, Locales, negotiate_language};
use crate::security::{rate_limited, reject_cross_site, security_headers};
use crate::{pages, staff, static_files};
// admin pages and API
use crate::{admin_routes, api_routes};
// voter routes
use crate::{results_routes, voter_routes};
// e-mail to voters
use crate::mail_routes;
// reminders and the turnout tracker (notify branch)
use crate::notify_routes;
// election form
use crate::election_form_routes;

/// What every handler can reach.
#[derive(Debug, Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub locales: Arc<Locales>,
    /// The database (migrated), shared by every handler.
    pub db: Db,
    pub sessions: Arc<dyn SessionStore>,
    pub voting_links: Arc<dyn VotingLinkAuthority>,
    /// Parsed elections for the voters' requests.
    pub elections: Arc<crate::service::cache::ElectionCache>,
    /// Outgoing mail; `None` without an `[smtp]` section.
    pub mailer: Option<crate::mail::Mailer>,
    // --- server secret key (TOTP secrets sealed at rest) ---
    /// Seals staff TOTP secrets; never in the database (see `auth::server_key`).
    pub server_key: crate::auth::server_key::ServerSecretKey,
}

impl AppState {
    /// State over a migrated database: sessions in it ([`DbSessionStore`], remembered for a
    /// few seconds by [`CachedSessionStore`]) and voting links
    /// looked up in its voter lists ([`DbVotingLinks`]). Loads the server secret key (creating
    /// the data directory's key file on first start).
    pub fn new(config: Config, db: Db) -> Result<Self, StartupError> {
        let locales = Locales::embedded(&config.languages, &config.default_language)?;
        let mailer = crate::mail::Mailer::from_config(&config)?;
        let server_key = crate::auth::server_key::ServerSecretKey::load(&config)?;
        Ok(AppState {
            server_key,
            mailer,
            config: Arc::new(config),
            locales: Arc::new(locales),
            sessions: Arc::new(CachedSessionStore::new(DbSessionStore::new(db.clone()))),
            voting_links: Arc::new(DbVotingLinks::new(db.clone())),
            elections: Arc::new(crate::service::cache::ElectionCache::new()),
            db,
        })
    }

    pub fn with_db(mut self, db: Db) -> Self {
        self.db = db;
        self
    }

    pub fn with_sessions(mut self, sessions: Arc<dyn SessionStore>) -> Self {
        self.sessions = sessions;
        self
    }

    pub fn with_mailer(mut self, mailer: Option<crate::mail::Mailer>) -> Self {
        self.mailer = mailer;
        self
    }

    pub fn with_voting_links(mut self, voting_links: Arc<dyn VotingLinkAuthority>) -> Self {
        self.voting_links = voting_links;
        self
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("translations: {0}")]
    Translations(#[from] I18nError),
    /// The database could not be opened or migrated. `url` has its password masked.
    #[error("cannot use the database at {url}: {source}")]
    Database {
        url: String,
        source: urna_store::StoreError,
    },
    /// The `[smtp]` settings could not be turned into a mail transport.
    #[error("outgoing mail: {0}")]
    Mail(#[from] crate::mail::MailError),
    /// `--demo` could not create the demo election.
    #[error("cannot create the demo election: {0}")]
    Demo(#[source] crate::service::ServiceError),
    // --- server secret key (TOTP secrets sealed at rest) ---
    #[error(transparent)]
    ServerKey(#[from] crate::auth::server_key::ServerKeyError),
    #[error("cannot seal the stored TOTP secrets: {0}")]
    SealTotpSecrets(#[source] crate::staff::StaffAccountError),
    #[error(
        "the server secret key does not open the stored TOTP secrets ({0}); was the data \
         directory's secret.key lost or replaced, or URNA_SECRET_KEY changed? Restore the key \
         the secrets were sealed with"
    )]
    ServerKeyMismatch(#[source] crate::staff::StaffAccountError),
}

/// Opens the configured database (SQLite in the data directory unless `database` is set) and
/// applies the migrations.
pub async fn connect_database(config: &Config) -> Result<Db, StartupError> {
    let shown = config.database_url().to_string();
    let fail = |source| StartupError::Database {
        url: shown.clone(),
        source,
    };
    // Without a URL, hand the store the directory: it creates it and the file inside.
    let target = match &config.database {
        Some(url) => url.expose().to_owned(),
        None => config.data_dir.display().to_string(),
    };
    let db = Db::connect(&target).await.map_err(fail)?;
    db.migrate().await.map_err(fail)?;
    Ok(db)
}

/// One route: its path (axum syntax, which is also OpenAPI's), methods, a concrete path to
/// request in tests, and how to build it.
#[derive(Debug, Clone, Copy)]
pub struct RouteSpec {
    pub path: &'static str,
    pub methods: &'static [&'static str],
    /// A path that reaches this route (parameters filled in).
    pub sample_path: &'static str,
    /// Whether POST requests are rate-limited (sign-in, voting).
    pub rate_limited: bool,
    build: fn() -> MethodRouter<AppState>,
}

/// Every route of the server.
pub const ROUTES: &[RouteSpec] = &[
    RouteSpec {
        path: "/",
        methods: &["GET"],
        sample_path: "/",
        rate_limited: false,
        build: || get(pages::home),
    },
    RouteSpec {
        path: "/vote",
        methods: &["GET", "POST"],
        sample_path: "/vote",
        rate_limited: true,
        build: || get(pages::vote_form).post(pages::vote_sign_in),
    },
    RouteSpec {
        path: "/healthz",
        methods: &["GET"],
        sample_path: "/healthz",
        rate_limited: false,
        build: || get(pages::healthz),
    },
    RouteSpec {
        path: "/api/openapi.json",
        methods: &["GET"],
        sample_path: "/api/openapi.json",
        rate_limited: false,
        build: || get(pages::openapi),
    },
    RouteSpec {
        path: "/static/{file}",
        methods: &["GET"],
        sample_path: "/static/urna.css",
        rate_limited: false,
        build: || get(static_files::serve),
    },
    // --- webauth: staff sign-in and dashboard ---
    RouteSpec {
        path: "/staff/sign-in",
        methods: &["GET", "POST"],
        sample_path: "/staff/sign-in",
        rate_limited: true,
        build: || get(staff::sign_in_form).post(staff::sign_in),
    },
    RouteSpec {
        path: "/staff/sign-out",
        methods: &["POST"],
        sample_path: "/staff/sign-out",
        rate_limited: false,
        build: || post(staff::sign_out),
    },
    RouteSpec {
        path: "/staff",
        methods: &["GET"],
        sample_path: "/staff",
        rate_limited: false,
        build: || get(staff::dashboard),
    },
    // --- end webauth ---
    // --- admin pages and API ---
    RouteSpec {
        path: "/admin/elections",
        methods: &["GET", "POST"],
        sample_path: "/admin/elections",
        rate_limited: false,
        build: || get(admin_routes::elections_page).post(admin_routes::create_election),
    },
    RouteSpec {
        path: "/admin/elections/{slug}",
        methods: &["GET"],
        sample_path: "/admin/elections/sample",
        rate_limited: false,
        build: || get(admin_routes::election_page),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/actions",
        methods: &["POST"],
        sample_path: "/admin/elections/sample/actions",
        rate_limited: false,
        build: || post(admin_routes::action),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/voters",
        methods: &["POST"],
        sample_path: "/admin/elections/sample/voters",
        rate_limited: false,
        build: || post(admin_routes::upload_voters),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/voters/link",
        methods: &["POST"],
        sample_path: "/admin/elections/sample/voters/link",
        rate_limited: false,
        build: || post(admin_routes::voter_link),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/trustees/setup",
        methods: &["POST"],
        sample_path: "/admin/elections/sample/trustees/setup",
        rate_limited: false,
        build: || post(admin_routes::setup),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/trustees/setup.json",
        methods: &["GET"],
        sample_path: "/admin/elections/sample/trustees/setup.json",
        rate_limited: false,
        build: || get(admin_routes::setup_json),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/trustees/round1/{trustee}",
        methods: &["GET"],
        sample_path: "/admin/elections/sample/trustees/round1/1",
        rate_limited: false,
        build: || get(admin_routes::round1_file),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/trustees/upload",
        methods: &["POST"],
        sample_path: "/admin/elections/sample/trustees/upload",
        rate_limited: false,
        build: || post(admin_routes::trustee_upload),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/ballots.json",
        methods: &["GET"],
        sample_path: "/admin/elections/sample/ballots.json",
        rate_limited: false,
        build: || get(admin_routes::ballots_json),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/strike",
        methods: &["POST"],
        sample_path: "/admin/elections/sample/strike",
        rate_limited: false,
        build: || post(admin_routes::strike),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/extend",
        methods: &["POST"],
        sample_path: "/admin/elections/sample/extend",
        rate_limited: false,
        build: || post(admin_routes::extend),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/withdraw",
        methods: &["GET", "POST"],
        sample_path: "/admin/elections/sample/withdraw",
        rate_limited: false,
        build: || get(admin_routes::withdraw_preview).post(admin_routes::withdraw),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/audit",
        methods: &["GET"],
        sample_path: "/admin/elections/sample/audit",
        rate_limited: false,
        build: || get(admin_routes::audit_page),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/audit.jsonl",
        methods: &["GET"],
        sample_path: "/admin/elections/sample/audit.jsonl",
        rate_limited: false,
        build: || get(admin_routes::audit_jsonl),
    },
    RouteSpec {
        path: "/api/v1/session",
        methods: &["GET"],
        sample_path: "/api/v1/session",
        rate_limited: false,
        build: || get(api_routes::session_info),
    },
    RouteSpec {
        path: "/api/v1/elections",
        methods: &["GET", "POST"],
        sample_path: "/api/v1/elections",
        rate_limited: false,
        build: || get(api_routes::list).post(api_routes::create),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}",
        methods: &["GET"],
        sample_path: "/api/v1/elections/sample",
        rate_limited: false,
        build: || get(api_routes::show),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/actions",
        methods: &["POST"],
        sample_path: "/api/v1/elections/sample/actions",
        rate_limited: false,
        build: || post(api_routes::action),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/voters",
        methods: &["POST"],
        sample_path: "/api/v1/elections/sample/voters",
        rate_limited: false,
        build: || post(api_routes::upload_voters),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/voters/link",
        methods: &["POST"],
        sample_path: "/api/v1/elections/sample/voters/link",
        rate_limited: false,
        build: || post(api_routes::voter_link),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/trustees/setup",
        methods: &["GET", "POST"],
        sample_path: "/api/v1/elections/sample/trustees/setup",
        rate_limited: false,
        build: || get(api_routes::get_setup).post(api_routes::post_setup),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/trustees/round1",
        methods: &["GET", "POST"],
        sample_path: "/api/v1/elections/sample/trustees/round1",
        rate_limited: false,
        build: || get(api_routes::get_round1).post(api_routes::post_round1),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/trustees/round2",
        methods: &["POST"],
        sample_path: "/api/v1/elections/sample/trustees/round2",
        rate_limited: false,
        build: || post(api_routes::post_round2),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/trustees/shares",
        methods: &["POST"],
        sample_path: "/api/v1/elections/sample/trustees/shares",
        rate_limited: false,
        build: || post(api_routes::post_shares),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/trustees/tally",
        methods: &["POST"],
        sample_path: "/api/v1/elections/sample/trustees/tally",
        rate_limited: false,
        build: || post(api_routes::post_tally_decryption),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/ballots",
        methods: &["GET"],
        sample_path: "/api/v1/elections/sample/ballots",
        rate_limited: false,
        build: || get(api_routes::frozen_ballots),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/strike",
        methods: &["POST"],
        sample_path: "/api/v1/elections/sample/strike",
        rate_limited: false,
        build: || post(api_routes::strike),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/extend",
        methods: &["POST"],
        sample_path: "/api/v1/elections/sample/extend",
        rate_limited: false,
        build: || post(api_routes::extend),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/withdraw",
        methods: &["GET", "POST"],
        sample_path: "/api/v1/elections/sample/withdraw?question=q&candidate=c",
        rate_limited: false,
        build: || get(api_routes::withdraw_preview).post(api_routes::withdraw),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/audit",
        methods: &["GET"],
        sample_path: "/api/v1/elections/sample/audit",
        rate_limited: false,
        build: || get(api_routes::audit),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/audit.jsonl",
        methods: &["GET"],
        sample_path: "/api/v1/elections/sample/audit.jsonl",
        rate_limited: false,
        build: || get(api_routes::audit_jsonl),
    },
    // --- end admin pages and API ---
    // --- voter routes: election page, ballot, results ---
    RouteSpec {
        path: "/elections/{slug}",
        methods: &["GET"],
        sample_path: "/elections/demo",
        rate_limited: false,
        build: || get(voter_routes::election_page),
    },
    RouteSpec {
        path: "/elections/{slug}/ballot",
        methods: &["GET"],
        sample_path: "/elections/demo/ballot",
        rate_limited: false,
        build: || get(voter_routes::ballot),
    },
    RouteSpec {
        path: "/elections/{slug}/ballot/review",
        methods: &["POST"],
        sample_path: "/elections/demo/ballot/review",
        rate_limited: false,
        build: || post(voter_routes::review),
    },
    RouteSpec {
        path: "/elections/{slug}/ballot/cast",
        methods: &["POST"],
        sample_path: "/elections/demo/ballot/cast",
        rate_limited: true,
        build: || post(voter_routes::cast),
    },
    RouteSpec {
        path: "/elections/{slug}/results",
        methods: &["GET"],
        sample_path: "/elections/demo/results",
        rate_limited: false,
        build: || get(results_routes::results_page),
    },
    RouteSpec {
        path: "/elections/{slug}/results/{question}/ballots.blt",
        methods: &["GET"],
        sample_path: "/elections/demo/results/board/ballots.blt",
        rate_limited: false,
        build: || get(results_routes::ballots_blt),
    },
    RouteSpec {
        path: "/elections/{slug}/results/{question}/ballots.csv",
        methods: &["GET"],
        sample_path: "/elections/demo/results/board/ballots.csv",
        rate_limited: false,
        build: || get(results_routes::ballots_csv),
    },
    // --- end voter routes ---
    // --- e-mail to voters ---
    RouteSpec {
        path: "/admin/elections/{slug}/mail",
        methods: &["GET"],
        sample_path: "/admin/elections/sample/mail",
        rate_limited: false,
        build: || get(mail_routes::mail_page),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/mail/links",
        methods: &["POST"],
        sample_path: "/admin/elections/sample/mail/links",
        rate_limited: false,
        build: || post(mail_routes::send_links),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/mail/notices/retry",
        methods: &["POST"],
        sample_path: "/admin/elections/sample/mail/notices/retry",
        rate_limited: false,
        build: || post(mail_routes::retry_notices),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/mail",
        methods: &["GET"],
        sample_path: "/api/v1/elections/sample/mail",
        rate_limited: false,
        build: || get(mail_routes::api_mail_status),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/mail/links",
        methods: &["POST"],
        sample_path: "/api/v1/elections/sample/mail/links",
        rate_limited: false,
        build: || post(mail_routes::api_send_links),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/mail/notices/retry",
        methods: &["POST"],
        sample_path: "/api/v1/elections/sample/mail/notices/retry",
        rate_limited: false,
        build: || post(mail_routes::api_retry_notices),
    },
    // --- end e-mail to voters ---
    // --- election form ---
    RouteSpec {
        path: "/admin/new-election",
        methods: &["GET", "POST"],
        sample_path: "/admin/new-election",
        rate_limited: false,
        build: || {
            get(election_form_routes::new_election_page)
                .post(election_form_routes::new_election_submit)
        },
    },
    RouteSpec {
        path: "/admin/elections/{slug}/edit",
        methods: &["GET", "POST"],
        sample_path: "/admin/elections/sample/edit",
        rate_limited: false,
        build: || {
            get(election_form_routes::edit_election_page)
                .post(election_form_routes::edit_election_submit)
        },
    },
    // --- end election form ---
    // --- verifiable ballots (server-vote branch) ---
    RouteSpec {
        path: "/elections/{slug}/ballot/cast-encrypted",
        methods: &["POST"],
        sample_path: "/elections/demo/ballot/cast-encrypted",
        rate_limited: true,
        build: || post(voter_routes::cast_encrypted),
    },
    // --- end verifiable ballots ---
    // --- the public board (server-board branch) ---
    RouteSpec {
        path: "/elections/{slug}/board",
        methods: &["GET"],
        sample_path: "/elections/demo/board",
        rate_limited: false,
        build: || get(crate::board_routes::board_page),
    },
    RouteSpec {
        path: "/elections/{slug}/record.jsonl",
        methods: &["GET"],
        sample_path: "/elections/demo/record.jsonl",
        rate_limited: false,
        build: || get(crate::board_routes::record_download),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/record",
        methods: &["GET"],
        sample_path: "/api/v1/elections/demo/record",
        rate_limited: false,
        build: || get(crate::board_routes::api_record),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/board/receipt/{tracker}",
        methods: &["GET"],
        sample_path: "/api/v1/elections/demo/board/receipt/00",
        rate_limited: false,
        build: || get(crate::board_routes::api_receipt),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/board/consistency",
        methods: &["GET"],
        sample_path: "/api/v1/elections/demo/board/consistency?from=1&to=1",
        rate_limited: false,
        build: || get(crate::board_routes::api_consistency),
    },
    // --- end the public board ---
    // --- mixnet elections (issue 5) ---
    RouteSpec {
        path: "/api/v1/elections/{slug}/trustees/shuffle",
        methods: &["POST"],
        sample_path: "/api/v1/elections/sample/trustees/shuffle",
        rate_limited: false,
        build: || post(api_routes::post_shuffle),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/trustees/mix-decryption",
        methods: &["POST"],
        sample_path: "/api/v1/elections/sample/trustees/mix-decryption",
        rate_limited: false,
        build: || post(api_routes::post_mix_decryption),
    },
    // --- end mixnet elections ---
    // --- safe changes while voting runs (live branch) ---
    RouteSpec {
        path: "/admin/elections/{slug}/live",
        methods: &["GET"],
        sample_path: "/admin/elections/sample/live",
        rate_limited: false,
        build: || get(crate::live_routes::page),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/live/preview",
        methods: &["POST"],
        sample_path: "/admin/elections/sample/live/preview",
        rate_limited: false,
        build: || post(crate::live_routes::preview_form),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/live/confirm",
        methods: &["POST"],
        sample_path: "/admin/elections/sample/live/confirm",
        rate_limited: false,
        build: || post(crate::live_routes::confirm_form),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/live/preview",
        methods: &["POST"],
        sample_path: "/api/v1/elections/sample/live/preview",
        rate_limited: false,
        build: || post(crate::live_routes::api_preview),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/live/confirm",
        methods: &["POST"],
        sample_path: "/api/v1/elections/sample/live/confirm",
        rate_limited: false,
        build: || post(crate::live_routes::api_confirm),
    },
    // --- end safe changes while voting runs ---
    // --- scrutiny and purge (scrutiny branch) ---
    RouteSpec {
        path: "/admin/elections/{slug}/scrutiny",
        methods: &["GET"],
        sample_path: "/admin/elections/sample/scrutiny",
        rate_limited: false,
        build: || get(crate::scrutiny_routes::scrutiny_page),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/scrutiny/strike",
        methods: &["POST"],
        sample_path: "/admin/elections/sample/scrutiny/strike",
        rate_limited: false,
        build: || post(crate::scrutiny_routes::strike_page),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/scrutiny/checkuser",
        methods: &["GET", "POST"],
        sample_path: "/admin/elections/sample/scrutiny/checkuser",
        rate_limited: false,
        build: || {
            get(crate::scrutiny_routes::checkuser_form)
                .post(crate::scrutiny_routes::checkuser_reveal)
        },
    },
    RouteSpec {
        path: "/admin/elections/{slug}/scrutiny/views",
        methods: &["GET"],
        sample_path: "/admin/elections/sample/scrutiny/views",
        rate_limited: false,
        build: || get(crate::scrutiny_routes::views_page),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/purge",
        methods: &["POST"],
        sample_path: "/admin/elections/sample/purge",
        rate_limited: false,
        build: || post(crate::scrutiny_routes::purge_page),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/scrutiny/clusters",
        methods: &["GET"],
        sample_path: "/api/v1/elections/sample/scrutiny/clusters",
        rate_limited: false,
        build: || get(crate::scrutiny_routes::api_clusters),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/scrutiny/strike",
        methods: &["POST"],
        sample_path: "/api/v1/elections/sample/scrutiny/strike",
        rate_limited: false,
        build: || post(crate::scrutiny_routes::api_strike),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/scrutiny/checkuser",
        methods: &["POST"],
        sample_path: "/api/v1/elections/sample/scrutiny/checkuser",
        rate_limited: false,
        build: || post(crate::scrutiny_routes::api_checkuser),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/scrutiny/views",
        methods: &["GET"],
        sample_path: "/api/v1/elections/sample/scrutiny/views",
        rate_limited: false,
        build: || get(crate::scrutiny_routes::api_views),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/purge",
        methods: &["POST"],
        sample_path: "/api/v1/elections/sample/purge",
        rate_limited: false,
        build: || post(crate::scrutiny_routes::api_purge),
    },
    // --- end scrutiny and purge ---
    // --- reminders and the turnout tracker (notify branch) ---
    RouteSpec {
        path: "/admin/elections/{slug}/mail/reminders",
        methods: &["POST"],
        sample_path: "/admin/elections/sample/mail/reminders",
        rate_limited: false,
        build: || post(notify_routes::add_reminder),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/mail/reminders/delete",
        methods: &["POST"],
        sample_path: "/admin/elections/sample/mail/reminders/delete",
        rate_limited: false,
        build: || post(notify_routes::delete_reminder),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/turnout",
        methods: &["GET"],
        sample_path: "/admin/elections/sample/turnout",
        rate_limited: false,
        build: || get(notify_routes::turnout_page),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/turnout/quorum",
        methods: &["POST"],
        sample_path: "/admin/elections/sample/turnout/quorum",
        rate_limited: false,
        build: || post(notify_routes::set_quorum),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/reminders",
        methods: &["GET", "POST"],
        sample_path: "/api/v1/elections/sample/reminders",
        rate_limited: false,
        build: || get(notify_routes::api_reminders).post(notify_routes::api_add_reminder),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/reminders/delete",
        methods: &["POST"],
        sample_path: "/api/v1/elections/sample/reminders/delete",
        rate_limited: false,
        build: || post(notify_routes::api_delete_reminder),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/turnout",
        methods: &["GET"],
        sample_path: "/api/v1/elections/sample/turnout",
        rate_limited: false,
        build: || get(notify_routes::api_turnout),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/turnout/quorum",
        methods: &["POST"],
        sample_path: "/api/v1/elections/sample/turnout/quorum",
        rate_limited: false,
        build: || post(notify_routes::api_set_quorum),
    },
    // --- end reminders and the turnout tracker ---
    // --- rehearsal (issue 7) ---
    RouteSpec {
        path: "/admin/elections/{slug}/rehearse",
        methods: &["POST"],
        sample_path: "/admin/elections/sample/rehearse",
        rate_limited: false,
        build: || post(crate::rehearsal_routes::rehearse),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/rehearsals/{job}",
        methods: &["GET"],
        sample_path: "/admin/elections/sample/rehearsals/1",
        rate_limited: false,
        build: || get(crate::rehearsal_routes::rehearsal_page),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/rehearsals",
        methods: &["POST"],
        sample_path: "/api/v1/elections/sample/rehearsals",
        rate_limited: false,
        build: || post(crate::rehearsal_routes::api_start),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/rehearsals/{job}",
        methods: &["GET"],
        sample_path: "/api/v1/elections/sample/rehearsals/1",
        rate_limited: false,
        build: || get(crate::rehearsal_routes::api_show),
    },
    // --- end rehearsal ---
    // --- voter sign-in through wikis and OpenID Connect (signin branch) ---
    RouteSpec {
        path: "/elections/{slug}/sign-in",
        methods: &["GET", "POST"],
        sample_path: "/elections/sample/sign-in",
        rate_limited: true,
        build: || get(crate::signin::routes::sign_in_page).post(crate::signin::routes::start),
    },
    RouteSpec {
        // Rate-limited on GET too: it is where providers send the browser back.
        path: crate::signin::CALLBACK_PATH,
        methods: &["GET"],
        sample_path: "/sign-in/callback",
        rate_limited: true,
        build: || get(crate::signin::routes::callback),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/sign-in",
        methods: &["GET", "POST"],
        sample_path: "/admin/elections/sample/sign-in",
        rate_limited: false,
        build: || get(crate::signin::routes::admin_page).post(crate::signin::routes::admin_save),
    },
    RouteSpec {
        path: "/api/v1/elections/{slug}/sign-in",
        methods: &["GET", "POST"],
        sample_path: "/api/v1/elections/sample/sign-in",
        rate_limited: false,
        build: || get(crate::signin::routes::api_get).post(crate::signin::routes::api_set),
    },
    // --- end voter sign-in ---
    // --- eligibility from wiki data (wikielig branch) ---
    RouteSpec {
        path: "/elections/{slug}/eligibility",
        methods: &["GET", "POST"],
        sample_path: "/elections/demo/eligibility",
        rate_limited: true,
        build: || {
            get(crate::eligibility_routes::eligibility_form)
                .post(crate::eligibility_routes::eligibility_lookup)
        },
    },
    RouteSpec {
        path: "/admin/elections/{slug}/eligibility",
        methods: &["GET"],
        sample_path: "/admin/elections/sample/eligibility",
        rate_limited: false,
        build: || get(crate::eligibility_routes::admin_eligibility_page),
    },
    RouteSpec {
        path: "/admin/elections/{slug}/eligibility/fill",
        methods: &["POST"],
        sample_path: "/admin/elections/sample/eligibility/fill",
        rate_limited: false,
        build: || post(crate::eligibility_routes::admin_fill_voter_list),
    },
    // --- end eligibility from wiki data ---
];

/// The application's router with its whole middleware stack.
pub fn router(state: AppState) -> Router {
    router_with(state, Router::new())
}

/// The router plus `extra` routes under the same middleware (tests add a panicking route;
/// later crates may add theirs).
pub fn router_with(state: AppState, extra: Router<AppState>) -> Router {
    let config = state.config.clone();
    let mut routes = Router::new();
    for spec in ROUTES {
        let route = (spec.build)();
        let route = if spec.rate_limited && config.rate_limit.enabled {
            // A route that takes only GET (the sign-in callback) is limited on GET.
            let methods = if spec.methods == ["GET"] {
                vec![axum::http::Method::GET]
            } else {
                vec![axum::http::Method::POST]
            };
            rate_limited(route, &config.rate_limit, methods)
        } else {
            route
        };
        routes = routes.route(spec.path, route);
    }
    let routes = routes.merge(extra).fallback(pages::not_found);

    // Each `.layer` wraps everything before it, so this reads innermost first. From the
    // outside in: tracing; security headers (on every response, errors included); language
    // negotiation; error rendering (translated, so inside negotiation, and outside everything
    // that can fail); panic catching; timeout; body size limit; cross-site refusal; session.
    routes
        .layer(from_fn_with_state(state.clone(), session_middleware))
        .layer(from_fn_with_state(state.clone(), reject_cross_site))
        .layer(DefaultBodyLimit::max(config.max_body_bytes))
        .layer(RequestBodyLimitLayer::new(config.max_body_bytes))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(config.request_timeout_seconds),
        ))
        .layer(CatchPanicLayer::new())
        .layer(from_fn(render_errors))
        .layer(from_fn_with_state(state.clone(), negotiate_language))
        .layer(from_fn_with_state(state.clone(), security_headers))
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &Request| {
                // Method and path only: queries are never logged.
                tracing::info_span!("request", method = %request.method(), path = %request.uri().path())
            }),
        )
        .with_state(state)
}

/// How often the scheduler looks for elections to open or close.
pub const SCHEDULER_INTERVAL: Duration = Duration::from_secs(10);

// --- scrutiny and purge (scrutiny branch) ---
/// How often the purge looks for elections whose private data is due to go.
pub const PURGE_SCHEDULER_INTERVAL: Duration = Duration::from_secs(3600);
// --- end scrutiny and purge ---

/// How often the notice sender looks for queued e-mails to voters.
pub const NOTICE_SENDER_INTERVAL: Duration = Duration::from_secs(15);

/// A bound, ready-to-run server.
#[derive(Debug)]
pub struct Application {
    listener: TcpListener,
    router: Router,
    local_addr: SocketAddr,
    base_url: String,
    demo: Option<crate::service::demo::DemoElection>,
    /// How long a client may take to send its request headers (`header_timeout_seconds`).
    header_timeout: Duration,
}

impl Application {
    /// Opens and migrates the configured database, then binds `config.listen` (port 0 picks
    /// a free port).
    pub async fn build(config: Config) -> Result<Self, StartupError> {
        let db = connect_database(&config).await?;
        Self::build_with_state(AppState::new(config, db)?).await
    }

    /// Binds, creates the demo election when `config.demo` is set, and starts the scheduler
    /// that opens and closes elections on time.
    pub async fn build_with_state(state: AppState) -> Result<Self, StartupError> {
        let addr = state.config.listen;
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| StartupError::Bind { addr, source })?;
        let local_addr = listener
            .local_addr()
            .map_err(|source| StartupError::Bind { addr, source })?;
        // Raw TOTP secrets from before migration 0005 are sealed before any sign-in.
        staff::seal_stored_totp_secrets(&state.db, &state.server_key)
            .await
            .map_err(StartupError::SealTotpSecrets)?;
        staff::check_server_key_opens_totp_secrets(&state.db, &state.server_key)
            .await
            .map_err(StartupError::ServerKeyMismatch)?;
        // Only `urna serve` spawns the purge; tests build routers directly.
        spawn_expired_session_purge(state.db.clone(), PURGE_INTERVAL);
        let base_url = match &state.config.public_url {
            Some(url) => url.as_str().trim_end_matches('/').to_owned(),
            None => format!("http://{local_addr}"),
        };
        let demo = if state.config.demo {
            let data_dir = &state.config.data_dir;
            std::fs::create_dir_all(data_dir).map_err(|source| {
                StartupError::Demo(crate::service::ServiceError::Io {
                    what: format!("creating the data directory {}", data_dir.display()),
                    source,
                })
            })?;
            let demo = crate::service::demo::create_demo_election(
                &state.db,
                data_dir,
                jiff::Timestamp::now(),
            )
            .await
            .map_err(StartupError::Demo)?;
            tracing::info!(election = %demo.slug, "demo election created");
            Some(demo)
        } else {
            None
        };
        crate::service::lifecycle::spawn_scheduler(state.db.clone(), SCHEDULER_INTERVAL);
        // --- faults: counts left running by a server that died are taken over ---
        crate::service::counting::spawn_count_resumer(state.db.clone());
        // --- end faults ---
        // --- the public board (server-board branch) ---
        crate::service::board::spawn_publisher(
            state.db.clone(),
            state.server_key.clone(),
            state.config.board.publish_every(),
        );
        // --- end the public board ---
        // --- scrutiny and purge (scrutiny branch) ---
        crate::service::scrutiny::spawn_purger(
            state.db.clone(),
            state.config.scrutiny.purge_after_days,
            PURGE_SCHEDULER_INTERVAL,
        );
        // --- end scrutiny and purge ---
        if let Some(mailer) = &state.mailer {
            crate::service::mail::spawn_notice_sender(
                state.db.clone(),
                mailer.clone(),
                state.locales.clone(),
                NOTICE_SENDER_INTERVAL,
            );
        }
        Ok(Application {
            header_timeout: Duration::from_secs(state.config.header_timeout_seconds),
            listener,
            router: router(state),
            local_addr,
            base_url,
            demo,
        })
    }

    /// The server's address as voters reach it: the configured public URL, else
    /// `http://` and the bound address. No trailing slash.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The demo election created by `--demo`, with its voting links.
    pub fn demo(&self) -> Option<&crate::service::demo::DemoElection> {
        self.demo.as_ref()
    }

    /// What `urna serve --demo` prints: the election's page and one voting link per demo
    /// voter. The links are secrets of the demo voters; they go to the operator's terminal,
    /// never to the log.
    pub fn demo_instructions(&self) -> Option<String> {
        let demo = self.demo.as_ref()?;
        let mut out = format!(
            "Demo election: {}/elections/{}\nVoting links (open one in a browser to vote):\n",
            self.base_url, demo.slug
        );
        for link in &demo.links {
            out.push_str(&format!(
                "  {}: {}\n",
                link.voter,
                crate::service::voters::link_url(&self.base_url, &link.token)
            ));
        }
        Some(out)
    }

    pub fn port(&self) -> u16 {
        self.local_addr.port()
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests in flight.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.run_until(shutdown_signal()).await
    }

    /// Serves until `shutdown` completes, then finishes the requests in flight.
    ///
    /// The accept loop is ours rather than `axum::serve`'s so that HTTP/1 connections get a
    /// header read timeout (`axum::serve` sets no timer, so hyper applies none): a client
    /// that sends its request headers slowly (slowloris) is cut off after
    /// `header_timeout_seconds` instead of holding a connection for ever.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        tracing::info!(address = %self.local_addr, "listening");
        let header_timeout = self.header_timeout;
        let mut http = hyper::server::conn::http1::Builder::new();
        http.timer(hyper_util::rt::TokioTimer::new())
            .header_read_timeout(header_timeout);
        let connections = hyper_util::server::graceful::GracefulShutdown::new();
        let mut shutdown = std::pin::pin!(shutdown);
        loop {
            let (stream, peer) = tokio::select! {
                accepted = self.listener.accept() => match accepted {
                    Ok(accepted) => accepted,
                    Err(e) => {
                        // Out of file descriptors and the like: pause rather than spin; the
                        // connections already open keep being served.
                        tracing::warn!(error = %e, "cannot accept a connection");
                        tokio::time::sleep(ACCEPT_ERROR_PAUSE).await;
                        continue;
                    }
                },
                () = &mut shutdown => break,
            };
            if let Err(e) = stream.set_nodelay(true) {
                tracing::debug!(error = %e, "cannot set TCP_NODELAY");
            }
            let router = self.router.clone();
            // What `into_make_service_with_connect_info` provides: the peer address, which
            // the rate limiter keys on.
            let service =
                hyper::service::service_fn(move |request: Request<hyper::body::Incoming>| {
                    let mut request = request.map(axum::body::Body::new);
                    request
                        .extensions_mut()
                        .insert(axum::extract::ConnectInfo(peer));
                    tower::ServiceExt::oneshot(router.clone(), request)
                });
            let connection = connections
                .watch(http.serve_connection(hyper_util::rt::TokioIo::new(stream), service));
            tokio::spawn(async move {
                if let Err(e) = connection.await {
                    // Header timeouts, resets and malformed requests end here: the client's
                    // doing, so not worth more than a debug line.
                    tracing::debug!(%peer, error = %e, "connection ended with an error");
                }
            });
        }
        drop(self.listener);
        connections.shutdown().await;
        tracing::info!("stopped");
        Ok(())
    }
}

/// How long the accept loop pauses after a failed accept (e.g. no file descriptor left).
const ACCEPT_ERROR_PAUSE: Duration = Duration::from_millis(100);

/// Completes on SIGINT (Ctrl-C) or, on Unix, SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for SIGINT");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => tracing::info!("SIGINT received, shutting down"),
        () = terminate => tracing::info!("SIGTERM received, shutting down"),
    }
}
