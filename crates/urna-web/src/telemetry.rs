//! Logging: `tracing` events to stderr, filtered by `RUST_LOG` (default `info`).
//!
//! What is never logged: query strings, form bodies, cookies, voting-link tokens, passwords,
//! TOTP codes, session ids, ballots. Types holding such values print `<redacted>` in `Debug`.
//! `tests/http/no_secrets_logged.rs` captures everything [`subscriber`] writes, at every level,
//! during a staff sign-in and a voter's sign-in and vote, and checks that none of it appears.

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::util::SubscriberInitExt;

/// The subscriber [`init`] installs, writing to `writer`: stderr for the server, a buffer for
/// the tests that check what is logged.
pub fn subscriber<W>(filter: EnvFilter, writer: W) -> impl tracing::Subscriber + Send + Sync
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .finish()
}

/// Installs the global subscriber; a second call does nothing.
pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = subscriber(filter, std::io::stderr).try_init();
}
