//! Logging: `tracing` events to stderr, filtered by `RUST_LOG` (default `info`).
//!
//! What is never logged: query strings, form bodies, cookies, voting-link tokens, passwords,
//! TOTP codes, session ids, ballots. Types holding such values print `<redacted>` in `Debug`.

use tracing_subscriber::EnvFilter;

/// Installs the global subscriber; a second call does nothing.
pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
