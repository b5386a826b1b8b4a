//! Voter sign-in through outside providers: each election's choice of providers, and the
//! sign-ins waiting for a provider to send the voter back.
//!
//! Both are opaque to the store: the settings are urna-web's JSON text, and an attempt is a
//! row of strings urna-web made. An attempt is keyed by a hash of its OAuth `state` and is
//! taken (read and deleted in one statement) by the callback, so each state works once.

use std::fmt;

use crate::db::{Db, db_run};
use crate::error::{DbContext, StoreError};
use crate::types::{ElectionId, UnixMicros};
use crate::write::{WriteTx, tx_run};

/// A sign-in that left for a provider. `Debug` redacts the PKCE verifier and the nonce.
#[derive(Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SignInAttemptRow {
    /// SHA-256 (hex) of the `state` sent to the provider.
    pub state_hash: String,
    /// SHA-256 (hex) of the random value in the browser's sign-in cookie.
    pub browser_hash: String,
    /// The provider's name in urna-web's configuration (`wiki:enwiki`, `oidc:corp`).
    pub provider: String,
    /// The election's slug.
    pub election: String,
    /// The PKCE code verifier (RFC 7636): sent only to the provider's token endpoint.
    pub verifier: String,
    /// The OpenID Connect nonce the ID token must carry (unused for wikis).
    pub nonce: String,
    /// The attempt is void from this time on.
    pub expires_at: UnixMicros,
}

impl fmt::Debug for SignInAttemptRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignInAttemptRow")
            .field("state_hash", &self.state_hash)
            .field("provider", &self.provider)
            .field("election", &self.election)
            .field("verifier", &"<redacted>")
            .field("nonce", &"<redacted>")
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

impl Db {
    /// The election's sign-in settings (urna-web's JSON text), `None` if never set.
    pub async fn election_signin(
        &self,
        election: ElectionId,
    ) -> Result<Option<String>, StoreError> {
        db_run!(self, read, |pool| {
            sqlx::query_scalar("SELECT settings FROM election_signin WHERE election_id = $1")
                .bind(election)
                .fetch_optional(pool)
                .await
        })
        .op("reading an election's sign-in settings")
    }

    /// Stores a sign-in attempt, first deleting attempts that expired before `now`.
    pub async fn insert_signin_attempt(
        &self,
        attempt: &SignInAttemptRow,
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        db_run!(self, write, |pool| {
            async {
                sqlx::query("DELETE FROM signin_attempts WHERE expires_at <= $1")
                    .bind(now)
                    .execute(pool)
                    .await?;
                sqlx::query(
                    "INSERT INTO signin_attempts
                     (state_hash, browser_hash, provider, election, verifier, nonce, expires_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(&attempt.state_hash)
                .bind(&attempt.browser_hash)
                .bind(&attempt.provider)
                .bind(&attempt.election)
                .bind(&attempt.verifier)
                .bind(&attempt.nonce)
                .bind(attempt.expires_at)
                .execute(pool)
                .await
                .map(|_| ())
            }
            .await
        })
        .op("storing a sign-in attempt")?;
        Ok(())
    }

    /// Takes the attempt whose state hashes to `state_hash`: returns and deletes it in one
    /// statement, so two callbacks with the same state cannot both get it. An expired attempt
    /// is deleted and not returned.
    pub async fn take_signin_attempt(
        &self,
        state_hash: &str,
        now: UnixMicros,
    ) -> Result<Option<SignInAttemptRow>, StoreError> {
        let row: Option<SignInAttemptRow> = db_run!(self, write, |pool| {
            sqlx::query_as(
                "DELETE FROM signin_attempts WHERE state_hash = $1
                 RETURNING state_hash, browser_hash, provider, election, verifier, nonce,
                           expires_at",
            )
            .bind(state_hash)
            .fetch_optional(pool)
            .await
        })
        .op("taking a sign-in attempt")?;
        Ok(row.filter(|r| r.expires_at > now))
    }
}

impl WriteTx {
    /// Sets the election's sign-in settings (urna-web's JSON text), replacing earlier ones.
    pub async fn set_election_signin(
        &mut self,
        election: ElectionId,
        settings: &str,
    ) -> Result<(), StoreError> {
        tx_run!(self, "setting an election's sign-in providers", |conn| {
            sqlx::query(
                "INSERT INTO election_signin (election_id, settings) VALUES ($1, $2)
                 ON CONFLICT (election_id) DO UPDATE SET settings = excluded.settings",
            )
            .bind(election)
            .bind(settings)
            .execute(&mut *conn)
            .await
            .op("setting an election's sign-in providers")?;
            Ok(())
        })
    }
}
