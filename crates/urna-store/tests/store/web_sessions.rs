//! Web sessions and the TOTP replay guard, on both databases.

use serde_json::json;
use urna_store::{NewAccount, PasswordHash, StoreError, UnixMicros, WebSessionKey, WebSessionRow};

use crate::support::{T0, on_both};

/// SHA-256("abc") and SHA-256("") (FIPS 180-2 Appendix B.1; the empty-string digest is the
/// well-known e3b0c442…): two valid keys.
const KEY_A: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
const KEY_B: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

fn row(key: &str, principal: Option<serde_json::Value>, expires_at: UnixMicros) -> WebSessionRow {
    WebSessionRow {
        key: WebSessionKey::parse(key).unwrap(),
        principal,
        csrf_token: format!("csrf-for-{}", &key[..8]),
        expires_at,
    }
}

on_both! {
    async fn web_sessions_round_trip_expire_and_purge(db) {
        let hour = UnixMicros(T0.0 + 3_600_000_000);
        let anonymous = row(KEY_A, None, hour);
        db.save_web_session(&anonymous).await.unwrap();
        let key_a = WebSessionKey::parse(KEY_A).unwrap();
        assert_eq!(db.web_session(&key_a, T0).await.unwrap(), Some(anonymous.clone()));

        // Saving again under the same key replaces the row (sign-in fills the principal).
        let signed_in = row(KEY_A, Some(json!({"kind": "staff", "account": "7"})), hour);
        db.save_web_session(&signed_in).await.unwrap();
        assert_eq!(db.web_session(&key_a, T0).await.unwrap(), Some(signed_in));

        // Unknown key: nothing. Expired at exactly `expires_at`: nothing.
        let key_b = WebSessionKey::parse(KEY_B).unwrap();
        assert_eq!(db.web_session(&key_b, T0).await.unwrap(), None);
        assert_eq!(db.web_session(&key_a, hour).await.unwrap(), None);

        // Purge removes only the expired rows.
        let later = UnixMicros(hour.0 + 1);
        db.save_web_session(&row(KEY_B, None, UnixMicros(later.0 + 1))).await.unwrap();
        assert_eq!(db.delete_expired_web_sessions(T0).await.unwrap(), 0);
        assert_eq!(db.delete_expired_web_sessions(later).await.unwrap(), 1);
        assert_eq!(db.web_session(&key_a, T0).await.unwrap(), None);
        assert!(db.web_session(&key_b, T0).await.unwrap().is_some());

        assert!(db.delete_web_session(&key_b).await.unwrap());
        assert!(!db.delete_web_session(&key_b).await.unwrap());
    }
}

on_both! {
    async fn a_totp_step_is_accepted_once_and_never_an_older_one(db) {
        let hash = PasswordHash("$argon2id$v=19$stand-in".into());
        let account = db
            .create_account(NewAccount { username: "op", password_hash: &hash, is_operator: true, now: T0 })
            .await
            .unwrap();
        assert!(db.use_totp_step(account, 100).await.unwrap(), "first use");
        assert!(!db.use_totp_step(account, 100).await.unwrap(), "replay of the same step");
        assert!(!db.use_totp_step(account, 99).await.unwrap(), "an older step");
        assert!(db.use_totp_step(account, 101).await.unwrap(), "the next step");
        // Steps beyond i64 cannot be stored: refused, not wrapped.
        let huge = db.use_totp_step(account, u64::MAX).await;
        assert!(matches!(huge, Err(StoreError::Invalid { .. })), "{huge:?}");
    }
}

on_both! {
    async fn signing_in_replaces_the_old_session_with_the_new_one_at_once(db) {
        let hour = UnixMicros(T0.0 + 3_600_000_000);
        let (key_a, key_b) = (WebSessionKey::parse(KEY_A).unwrap(), WebSessionKey::parse(KEY_B).unwrap());
        db.save_web_session(&row(KEY_A, None, hour)).await.unwrap();
        let voter = row(KEY_B, Some(json!({"kind": "voter", "election": "e", "voter": "3"})), hour);
        db.replace_web_session(&key_a, &voter).await.unwrap();
        assert_eq!(db.web_session(&key_a, T0).await.unwrap(), None, "the old id is void");
        assert_eq!(db.web_session(&key_b, T0).await.unwrap(), Some(voter.clone()));
        // Replacing a session that is already gone still saves the new one.
        let again = row(KEY_A, None, hour);
        db.replace_web_session(&key_b, &again).await.unwrap();
        assert_eq!(db.web_session(&key_b, T0).await.unwrap(), None);
        assert_eq!(db.web_session(&key_a, T0).await.unwrap(), Some(again));
    }
}

on_both! {
    async fn sessions_and_ballots_written_together_are_all_stored(db) {
        // On SQLite, sign-ins and casts share one group commit: a batch mixing them must
        // store every one of them.
        let (election, ids) = crate::support::open_election(db, "together", 40).await;
        let mut tasks = Vec::new();
        for (n, voter) in ids.iter().enumerate() {
            let (db, voter) = (db.clone(), *voter);
            tasks.push(tokio::spawn(async move {
                let key = format!("{:064x}", n + 1);
                let session = row(&key, Some(json!({"kind": "voter", "election": "together", "voter": voter.0.to_string()})), UnixMicros(T0.0 + 3_600_000_000));
                db.save_web_session(&session).await.unwrap();
                db.cast_ballot(crate::support::cast(election, voter, &crate::support::seal(b"x"))).await.unwrap();
                key
            }));
        }
        for task in tasks {
            let key = WebSessionKey::parse(&task.await.unwrap()).unwrap();
            assert!(db.web_session(&key, T0).await.unwrap().is_some());
        }
        assert_eq!(db.counted_ballots(election).await.unwrap().len(), 40);
    }
}
