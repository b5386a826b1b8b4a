//! A k-of-n key ceremony run in-process through the service, as the trustees' uploads would
//! run it ([`rehearsal::throwaway_key_ceremony`]); the trustees' secrets stay in the test.
//! Included by path from the test crates that need an election with a key
//! (`#[path = ".../support/ceremony.rs"] mod ceremony;`).

use jiff::Timestamp;
use urna_crypto::TrusteeSecret;
use urna_store::Db;
use urna_web::service::{Actor, rehearsal};

/// Runs the ceremony for `slug` with `n` trustees named "trustee 1", … and threshold `k`.
pub async fn key_ceremony(
    db: &Db,
    slug: &str,
    k: u32,
    n: usize,
    now: Timestamp,
) -> Vec<TrusteeSecret> {
    let secrets =
        rehearsal::throwaway_key_ceremony(db, slug, (k, n), "trustee", Actor::System, now)
            .await
            .expect("key ceremony");
    assert_eq!(secrets.len(), n);
    // The key exists once the last trustee's round 2 is in.
    let loaded = urna_web::service::load(db, slug).await.expect("election");
    assert!(loaded.key.is_some(), "the election key was made");
    secrets
}
