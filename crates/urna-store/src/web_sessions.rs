//! Web sessions (the rows behind urna-web's `SessionStore`) and the TOTP replay guard.
//!
//! Unlike [`crate::accounts`]' staff `sessions`, a web session exists before anyone signs in
//! (it carries the CSRF token of the sign-in forms) and for voters too, so its principal is
//! optional and opaque to the store: a JSON document urna-web writes and reads. Rows are
//! keyed by the SHA-256 (lower-case hex) of the session id; the id itself never reaches the
//! database, so a copy of the table cannot be replayed as a cookie.

use std::fmt;

use serde_json::Value;

use crate::db::{Db, db_run};
use crate::error::{DbContext, StoreError};
use crate::types::{AccountId, UnixMicros, json_from_row};

/// The key of a web session: 64 lower-case hex digits (SHA-256 of the session id).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WebSessionKey(String);

impl WebSessionKey {
    /// Checks the shape; [`StoreError::Invalid`] names the bad value's length otherwise (not
    /// the value: it might be a raw session id passed by mistake).
    pub fn parse(key: &str) -> Result<Self, StoreError> {
        let well_formed =
            key.len() == 64 && key.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        if well_formed {
            Ok(WebSessionKey(key.to_owned()))
        } else {
            Err(StoreError::Invalid {
                what: "web session key",
                detail: format!(
                    "expected 64 lower-case hex digits (a SHA-256), got {} characters",
                    key.len()
                ),
            })
        }
    }

    /// The hex text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A web session as stored. `Debug` redacts the CSRF token.
#[derive(Clone, PartialEq, Eq)]
pub struct WebSessionRow {
    /// SHA-256 hex of the session id.
    pub key: WebSessionKey,
    /// Who signed in (urna-web's JSON), `None` before sign-in.
    pub principal: Option<Value>,
    /// The session's CSRF token, as forms carry it.
    pub csrf_token: String,
    /// The session is void from this time on.
    pub expires_at: UnixMicros,
}

impl fmt::Debug for WebSessionRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebSessionRow")
            .field("key", &self.key)
            .field("principal", &self.principal)
            .field("csrf_token", &"<redacted>")
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// A web session to save, replacing another one or not.
pub(crate) struct SessionWrite {
    replacing: Option<WebSessionKey>,
    row: WebSessionRow,
}

/// Session writes of one group-commit batch, in two statements whatever their number:
/// delete the replaced sessions, then insert or update the new ones. A key written twice in
/// one batch keeps its last write (one INSERT may not touch a row twice on PostgreSQL).
macro_rules! define_session_batch {
    ($name:ident, $database:ty, $connection:ty) => {
        pub(crate) async fn $name(
            conn: &mut $connection,
            batch: &[&SessionWrite],
        ) -> Result<(), StoreError> {
            let replaced: Vec<&WebSessionKey> =
                batch.iter().filter_map(|w| w.replacing.as_ref()).collect();
            if !replaced.is_empty() {
                let mut delete =
                    sqlx::QueryBuilder::<$database>::new("DELETE FROM web_sessions WHERE key IN (");
                let mut keys = delete.separated(", ");
                for key in replaced {
                    keys.push_bind(key.as_str().to_owned());
                }
                delete.push(")");
                delete
                    .build()
                    .execute(&mut *conn)
                    .await
                    .op("deleting the replaced web sessions")?;
            }
            let mut last_of_key = std::collections::HashMap::new();
            for (index, write) in batch.iter().enumerate() {
                last_of_key.insert(&write.row.key, index);
            }
            let rows: Vec<&WebSessionRow> = batch
                .iter()
                .enumerate()
                .filter(|(index, write)| last_of_key.get(&write.row.key) == Some(index))
                .map(|(_, write)| &write.row)
                .collect();
            if rows.is_empty() {
                return Ok(());
            }
            let mut insert = sqlx::QueryBuilder::<$database>::new(
                "INSERT INTO web_sessions (key, principal, csrf_token, expires_at) ",
            );
            insert.push_values(rows, |mut values, row| {
                values
                    .push_bind(row.key.as_str().to_owned())
                    .push_bind(row.principal.as_ref().map(Value::to_string))
                    .push_bind(row.csrf_token.clone())
                    .push_bind(row.expires_at);
            });
            insert.push(
                " ON CONFLICT (key) DO UPDATE SET principal = excluded.principal,
                     csrf_token = excluded.csrf_token, expires_at = excluded.expires_at",
            );
            insert
                .build()
                .execute(&mut *conn)
                .await
                .op("saving web sessions")?;
            Ok(())
        }
    };
}
define_session_batch!(
    write_sessions_in_sqlite,
    sqlx::Sqlite,
    sqlx::SqliteConnection
);
define_session_batch!(
    write_sessions_in_postgres,
    sqlx::Postgres,
    sqlx::PgConnection
);

#[derive(sqlx::FromRow)]
struct RawWebSession {
    key: String,
    principal: Option<String>,
    csrf_token: String,
    expires_at: UnixMicros,
}

impl RawWebSession {
    fn parse(self) -> Result<WebSessionRow, StoreError> {
        let key = WebSessionKey::parse(&self.key).map_err(|_| StoreError::CorruptRow {
            table: "web_sessions",
            column: "key",
            detail: format!("{} characters, expected 64 hex digits", self.key.len()),
        })?;
        Ok(WebSessionRow {
            key,
            principal: self
                .principal
                .map(|text| json_from_row(&text, "web_sessions", "principal"))
                .transpose()?,
            csrf_token: self.csrf_token,
            expires_at: self.expires_at,
        })
    }
}

impl Db {
    /// Creates or replaces the web session with `row.key`.
    pub async fn save_web_session(&self, row: &WebSessionRow) -> Result<(), StoreError> {
        self.write_web_session(SessionWrite {
            replacing: None,
            row: row.clone(),
        })
        .await
    }

    /// Saves `row` and deletes the session `old` in one transaction: signing in replaces the
    /// visitor's session with a new one (a new id, so an id planted before sign-in is
    /// worthless after it).
    pub async fn replace_web_session(
        &self,
        old: &WebSessionKey,
        row: &WebSessionRow,
    ) -> Result<(), StoreError> {
        self.write_web_session(SessionWrite {
            replacing: Some(old.clone()),
            row: row.clone(),
        })
        .await
    }

    /// Sign-ins come at the rate of ballots: they share the ballots' group commit.
    async fn write_web_session(&self, write: SessionWrite) -> Result<(), StoreError> {
        self.inner.writer().session(write).await
    }

    /// The web session with this key if it has not expired at `now`.
    pub async fn web_session(
        &self,
        key: &WebSessionKey,
        now: UnixMicros,
    ) -> Result<Option<WebSessionRow>, StoreError> {
        // Read from the writer: a session saved by the previous response must be visible to
        // the next request at once.
        let raw: Option<RawWebSession> = db_run!(self, write, |pool| {
            sqlx::query_as(
                "SELECT key, principal, csrf_token, expires_at FROM web_sessions
                 WHERE key = $1 AND expires_at > $2",
            )
            .bind(key.as_str())
            .bind(now)
            .fetch_optional(pool)
            .await
        })
        .op("reading a web session")?;
        raw.map(RawWebSession::parse).transpose()
    }

    /// Deletes a web session (sign-out, or replaced at sign-in); returns whether it existed.
    pub async fn delete_web_session(&self, key: &WebSessionKey) -> Result<bool, StoreError> {
        let removed = db_run!(self, write, |pool| {
            sqlx::query("DELETE FROM web_sessions WHERE key = $1")
                .bind(key.as_str())
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })
        .op("deleting a web session")?;
        Ok(removed == 1)
    }

    /// Deletes the web sessions that expired at or before `now`; returns how many.
    pub async fn delete_expired_web_sessions(&self, now: UnixMicros) -> Result<u64, StoreError> {
        db_run!(self, write, |pool| {
            sqlx::query("DELETE FROM web_sessions WHERE expires_at <= $1")
                .bind(now)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })
        .op("deleting expired web sessions")
    }

    /// Records that `account` signed in with the TOTP code of time step `step`, if `step` is
    /// later than every step recorded before; returns `false` (and changes nothing) for a step
    /// already used or older: a replayed code. One statement, so two concurrent sign-ins with
    /// the same code cannot both succeed.
    pub async fn use_totp_step(&self, account: AccountId, step: u64) -> Result<bool, StoreError> {
        let step = i64::try_from(step).map_err(|_| StoreError::Invalid {
            what: "TOTP time step",
            detail: format!("{step} is out of range"),
        })?;
        let changed = db_run!(self, write, |pool| {
            sqlx::query(
                "INSERT INTO totp_used_steps (account_id, last_step) VALUES ($1, $2)
                 ON CONFLICT (account_id) DO UPDATE SET last_step = excluded.last_step
                 WHERE totp_used_steps.last_step < excluded.last_step",
            )
            .bind(account)
            .bind(step)
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
        })
        .op("recording a TOTP step")?;
        Ok(changed == 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_must_be_sha256_hex() {
        // SHA-256("abc"), FIPS 180-2 Appendix B.1.
        let hex = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert_eq!(WebSessionKey::parse(hex).expect("valid").as_str(), hex);
        assert!(WebSessionKey::parse(&hex.to_uppercase()).is_err());
        assert!(WebSessionKey::parse(&hex[..63]).is_err());
        let error = WebSessionKey::parse("raw-session-id").expect_err("not hex");
        assert!(!error.to_string().contains("raw-session-id"), "{error}");
    }

    #[test]
    fn debug_hides_the_csrf_token() {
        let row = WebSessionRow {
            key: WebSessionKey("0".repeat(64)),
            principal: None,
            csrf_token: "csrf-secret-value".to_owned(),
            expires_at: UnixMicros(1),
        };
        assert!(!format!("{row:?}").contains("csrf-secret-value"));
    }
}
