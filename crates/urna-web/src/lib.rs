//! Urna's web server: HTML pages, the JSON API, sign-in, translations.
//!
//! This crate knows HTTP and HTML and nothing else: the election domain lives in `urna-core`,
//! storage in `urna-store`, cryptography in `urna-crypto`. What is here so far is the part
//! that needs no database: configuration ([`config`]), the application and its route table
//! ([`app`]), errors as users see them ([`error`]), translations ([`i18n`]), security headers,
//! CSRF and rate limits ([`security`]), sign-in building blocks ([`auth`]), templates and
//! static files.

pub mod app;
pub mod auth;
pub mod config;
pub mod error;
pub mod i18n;
pub mod pages;
pub mod security;
// --- service layer ---
pub mod service;
// --- end service layer ---
// --- webauth ---
pub mod staff;
pub mod static_files;
pub mod telemetry;
pub mod templates;

pub use app::{AppState, Application, StartupError};
pub use config::{Config, ConfigError, ConfigSources};

// --- ballot UI ---
pub mod ballot_form;
pub mod ballot_page;
pub mod ballot_preview;
// --- end ballot UI ---

// --- admin pages and API ---
pub mod admin_access;
pub mod admin_routes;
pub mod api_routes;
// --- end admin pages and API ---
// --- voter routes ---
pub mod results_routes;
pub mod voter_routes;
// --- end voter routes ---
// --- e-mail to voters ---
pub mod mail;
pub mod mail_routes;
// --- end e-mail to voters ---
// --- election form ---
pub mod election_form;
pub mod election_form_routes;
// --- end election form ---
// --- the public board (server-board branch) ---
pub mod board_routes;
// --- end the public board ---
// --- safe changes while voting runs (live branch) ---
pub mod live_routes;
// --- end safe changes while voting runs ---
// --- scrutiny and purge (scrutiny branch) ---
pub mod scrutiny_routes;
// --- end scrutiny and purge ---
// --- reminders and the turnout tracker (notify branch) ---
pub mod notify_routes;
// --- end reminders and the turnout tracker ---
// --- rehearsal (issue 7) ---
pub mod rehearsal_routes;
pub mod scratch_server;
pub mod synthetic_voter;
// --- end rehearsal ---
// --- voter sign-in through wikis and OpenID Connect (signin branch) ---
pub mod signin;
// --- end voter sign-in ---
// --- eligibility from wiki data (wikielig branch) ---
pub mod eligibility_routes;
pub mod wiki_api;
// --- end eligibility from wiki data ---
