//! Election sign-in settings and sign-in attempts, on both databases.

use serde_json::json;
use urna_store::{NewAuditEntry, SignInAttemptRow, UnixMicros};

use crate::support::{T0, on_both, open_election};

/// SHA-256("abc") (FIPS 180-2 Appendix B.1) and SHA-256("") (FIPS 180-4 test vector):
/// well-formed state and browser hashes.
const STATE_HASH: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
const BROWSER_HASH: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

fn attempt(expires_at: UnixMicros) -> SignInAttemptRow {
    SignInAttemptRow {
        state_hash: STATE_HASH.to_owned(),
        browser_hash: BROWSER_HASH.to_owned(),
        provider: "oidc:corp".to_owned(),
        election: "board-2026".to_owned(),
        verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk".to_owned(),
        nonce: "n-0S6_WzA2Mj".to_owned(),
        expires_at,
    }
}

on_both! {
    async fn a_signin_attempt_is_taken_once(db) {
        let later = UnixMicros(T0.0 + 600_000_000);
        db.insert_signin_attempt(&attempt(later), T0).await.unwrap();
        assert_eq!(db.take_signin_attempt(STATE_HASH, T0).await.unwrap(), Some(attempt(later)));
        // The second callback with the same state finds nothing.
        assert_eq!(db.take_signin_attempt(STATE_HASH, T0).await.unwrap(), None);
    }
}

on_both! {
    async fn an_expired_signin_attempt_is_refused_and_purged(db) {
        let later = UnixMicros(T0.0 + 600_000_000);
        db.insert_signin_attempt(&attempt(later), T0).await.unwrap();
        // At exactly its expiry the attempt is void.
        assert_eq!(db.take_signin_attempt(STATE_HASH, later).await.unwrap(), None);
        // Storing a new attempt purges expired ones; the same state may then be stored anew.
        db.insert_signin_attempt(&attempt(later), T0).await.unwrap();
        let much_later = UnixMicros(later.0 + 1);
        let mut fresh = attempt(UnixMicros(much_later.0 + 1));
        fresh.state_hash = BROWSER_HASH.to_owned();
        db.insert_signin_attempt(&fresh, much_later).await.unwrap();
        assert_eq!(db.take_signin_attempt(STATE_HASH, T0).await.unwrap(), None, "purged");
    }
}

on_both! {
    async fn sign_in_settings_are_set_with_their_audit_entry_and_replaced(db) {
        let (election, _) = open_election(db, "signin-settings", 0).await;
        assert_eq!(db.election_signin(election).await.unwrap(), None);
        for settings in [r#"{"providers":["link"]}"#, r#"{"providers":["wiki:enwiki"]}"#] {
            let mut tx = db.begin_write().await.unwrap();
            tx.set_election_signin(election, settings).await.unwrap();
            let details = json!({"settings": settings});
            tx.commit_audited(NewAuditEntry {
                election: Some(election),
                at: T0,
                actor: "account:1",
                action: "election.signin",
                details: &details,
            })
            .await
            .unwrap();
            assert_eq!(db.election_signin(election).await.unwrap().as_deref(), Some(settings));
        }
        // Dropping a transaction leaves the settings as they were.
        let mut tx = db.begin_write().await.unwrap();
        tx.set_election_signin(election, "{}").await.unwrap();
        drop(tx);
        assert_eq!(
            db.election_signin(election).await.unwrap().as_deref(),
            Some(r#"{"providers":["wiki:enwiki"]}"#)
        );
    }
}
