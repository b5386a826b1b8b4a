use urna_store::{NewAccount, PasswordHash, SecretBytes, StoreError, TokenHash, UnixMicros};

use crate::support::{T0, on_both};

on_both! {
    async fn accounts_and_sessions(db) {
        let hash = PasswordHash("$argon2id$v=19$stand-in".into());
        let id = db
            .create_account(NewAccount { username: "root", password_hash: &hash, is_operator: true, now: T0 })
            .await
            .unwrap();
        let clash = db
            .create_account(NewAccount { username: "root", password_hash: &hash, is_operator: false, now: T0 })
            .await;
        assert!(matches!(clash, Err(StoreError::Duplicate { what: "username", .. })), "{clash:?}");

        let row = db.account_by_username("root").await.unwrap().unwrap();
        assert_eq!((row.id, row.is_operator, row.totp_secret.clone()), (id, true, None));
        assert_eq!(row.password_hash, hash);
        let seed = SecretBytes(b"encrypted-totp-seed".to_vec());
        db.set_totp_secret(id, Some(&seed)).await.unwrap();
        let new_hash = PasswordHash("$argon2id$v=19$other".into());
        db.set_password_hash(id, &new_hash).await.unwrap();
        let row = db.account(id).await.unwrap();
        assert_eq!((row.totp_secret, row.password_hash), (Some(seed), new_hash));
        // Written through the store: sealed (migration 0005), so nothing is left to seal.
        assert!(db.unsealed_totp_secrets().await.unwrap().is_empty());
        assert_eq!(db.accounts().await.unwrap().len(), 1);

        // The checkuser right (migration 0008): off for a new account, then on, then off.
        assert!(!row.is_checkuser);
        db.set_checkuser(id, true).await.unwrap();
        assert!(db.account(id).await.unwrap().is_checkuser);
        db.set_checkuser(id, false).await.unwrap();
        assert!(!db.account(id).await.unwrap().is_checkuser);
        let nobody = db.set_checkuser(urna_store::AccountId(id.0 + 1000), true).await;
        assert!(matches!(nobody, Err(StoreError::NotFound { what: "account", .. })), "{nobody:?}");

        // Sessions: looked up by the hash of the cookie token, gone once expired.
        let token = b"a 256-bit random session token!!";
        let csrf = SecretBytes(vec![7; 32]);
        let expires = UnixMicros(T0.0 + 3_600_000_000);
        db.create_session(&TokenHash::of(token), id, &csrf, T0, expires).await.unwrap();
        let session = db.session(&TokenHash::of(token), T0).await.unwrap().unwrap();
        assert_eq!((session.account, session.csrf_secret, session.expires_at), (id, csrf, expires));
        assert_eq!(db.session(&TokenHash::of(b"another token"), T0).await.unwrap(), None);
        assert_eq!(db.session(&TokenHash::of(token), expires).await.unwrap(), None, "expired");

        let second = b"second session token, also random";
        db.create_session(&TokenHash::of(second), id, &SecretBytes(vec![1]), T0, expires).await.unwrap();
        assert!(db.delete_session(&TokenHash::of(token)).await.unwrap());
        assert!(!db.delete_session(&TokenHash::of(token)).await.unwrap());
        assert_eq!(db.delete_expired_sessions(T0).await.unwrap(), 0);
        assert_eq!(db.delete_expired_sessions(expires).await.unwrap(), 1);
        db.create_session(&TokenHash::of(token), id, &SecretBytes(vec![1]), T0, expires).await.unwrap();
        assert_eq!(db.delete_sessions_of(id).await.unwrap(), 1);
    }
}
