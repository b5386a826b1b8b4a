//! The [`SessionStore`] `urna serve` uses: web sessions in the database (`web_sessions`,
//! urna-store), so they survive a restart and are shared by every server process.
//!
//! The store keys rows by [`SessionKey`] (SHA-256 of the cookie's id) and keeps the principal
//! as a small JSON document written and read only here. Expired rows are ignored on load and
//! deleted by [`spawn_expired_session_purge`].

use std::time::Duration;

use serde_json::{Value, json};
use urna_store::{Db, UnixMicros, WebSessionKey, WebSessionRow};

use super::session::{
    BoxFuture, CsrfToken, Principal, SessionError, SessionKey, SessionRecord, SessionStore,
    unix_now,
};

/// How often expired web sessions are deleted.
pub const PURGE_INTERVAL: Duration = Duration::from_secs(10 * 60);

const MICROS_PER_SECOND: i64 = 1_000_000;

/// Sessions in the database.
#[derive(Debug, Clone)]
pub struct DbSessionStore {
    db: Db,
}

impl DbSessionStore {
    pub fn new(db: Db) -> Self {
        DbSessionStore { db }
    }
}

fn store_error(error: urna_store::StoreError) -> SessionError {
    SessionError::Store(error.to_string())
}

fn to_micros(seconds: u64) -> UnixMicros {
    UnixMicros(i64::try_from(seconds).map_or(i64::MAX, |s| s.saturating_mul(MICROS_PER_SECOND)))
}

fn to_seconds(micros: UnixMicros) -> u64 {
    u64::try_from(micros.0 / MICROS_PER_SECOND).unwrap_or(0)
}

/// The principal as stored: `{"kind": "voter", "election": slug, "voter": id, "link":
/// binding}` or `{"kind": "staff", "account": id}`.
pub fn principal_to_json(principal: &Principal) -> Value {
    match principal {
        Principal::Voter {
            election,
            voter,
            link,
        } => {
            json!({"kind": "voter", "election": election, "voter": voter, "link": link})
        }
        Principal::Staff { account } => json!({"kind": "staff", "account": account}),
    }
}

/// Reads a stored principal back; `None` for a document this version did not write.
pub fn principal_from_json(value: &Value) -> Option<Principal> {
    let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
    match value.get("kind").and_then(Value::as_str)? {
        "voter" => Some(Principal::Voter {
            election: text("election")?,
            voter: text("voter")?,
            // Sessions written before links were bound have none: they match no link, and
            // the voter signs in again.
            link: text("link").unwrap_or_default(),
        }),
        "staff" => Some(Principal::Staff {
            account: text("account")?,
        }),
        _ => None,
    }
}

fn to_row(key: &SessionKey, record: &SessionRecord) -> Result<WebSessionRow, SessionError> {
    Ok(WebSessionRow {
        key: row_key(key)?,
        principal: record.principal.as_ref().map(principal_to_json),
        csrf_token: record.csrf_token.expose().to_owned(),
        expires_at: to_micros(record.expires_at),
    })
}

fn row_key(key: &SessionKey) -> Result<WebSessionKey, SessionError> {
    WebSessionKey::parse(key.as_str()).map_err(store_error)
}

impl SessionStore for DbSessionStore {
    fn load<'a>(
        &'a self,
        key: &'a SessionKey,
    ) -> BoxFuture<'a, Result<Option<SessionRecord>, SessionError>> {
        Box::pin(async move {
            let row = self
                .db
                .web_session(&row_key(key)?, to_micros(unix_now()))
                .await
                .map_err(store_error)?;
            let Some(row) = row else {
                return Ok(None);
            };
            let principal = match &row.principal {
                None => None,
                Some(value) => Some(principal_from_json(value).ok_or_else(|| {
                    SessionError::Store(
                        "a stored session names an unknown kind of principal".into(),
                    )
                })?),
            };
            Ok(Some(SessionRecord {
                csrf_token: CsrfToken::from_stored(row.csrf_token),
                principal,
                expires_at: to_seconds(row.expires_at),
            }))
        })
    }

    fn save<'a>(
        &'a self,
        key: &'a SessionKey,
        record: &'a SessionRecord,
    ) -> BoxFuture<'a, Result<(), SessionError>> {
        Box::pin(async move {
            let row = to_row(key, record)?;
            self.db.save_web_session(&row).await.map_err(store_error)
        })
    }

    fn replace<'a>(
        &'a self,
        old: &'a SessionKey,
        key: &'a SessionKey,
        record: &'a SessionRecord,
    ) -> BoxFuture<'a, Result<(), SessionError>> {
        Box::pin(async move {
            let row = to_row(key, record)?;
            self.db
                .replace_web_session(&row_key(old)?, &row)
                .await
                .map_err(store_error)
        })
    }

    fn delete<'a>(&'a self, key: &'a SessionKey) -> BoxFuture<'a, Result<(), SessionError>> {
        Box::pin(async move {
            self.db
                .delete_web_session(&row_key(key)?)
                .await
                .map(|_| ())
                .map_err(store_error)
        })
    }
}

/// Deletes expired web sessions every `every`, for as long as the runtime runs. Failures are
/// logged and retried at the next tick.
pub fn spawn_expired_session_purge(db: Db, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            match db.delete_expired_web_sessions(to_micros(unix_now())).await {
                Ok(0) => {}
                Ok(removed) => tracing::debug!(removed, "expired web sessions purged"),
                Err(error) => tracing::warn!(%error, "purging expired web sessions failed"),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn principals_round_trip_through_json() {
        for principal in [
            Principal::Voter {
                election: "board-2026".to_owned(),
                voter: "17".to_owned(),
                link: "0123456789abcdef0123456789abcdef".to_owned(),
            },
            Principal::Staff {
                account: "3".to_owned(),
            },
        ] {
            assert_eq!(
                principal_from_json(&principal_to_json(&principal)),
                Some(principal)
            );
        }
        assert_eq!(principal_from_json(&json!({"kind": "root"})), None);
        assert_eq!(principal_from_json(&json!({"kind": "staff"})), None);
        // A voter session stored before links were bound: read, with a binding no link has.
        assert_eq!(
            principal_from_json(&json!({"kind": "voter", "election": "e", "voter": "1"})),
            Some(Principal::Voter {
                election: "e".to_owned(),
                voter: "1".to_owned(),
                link: String::new(),
            })
        );
    }

    #[test]
    fn seconds_and_microseconds_convert_exactly() {
        assert_eq!(to_micros(1_780_000_000), UnixMicros(1_780_000_000_000_000));
        assert_eq!(to_seconds(UnixMicros(1_780_000_000_999_999)), 1_780_000_000);
        assert_eq!(to_micros(u64::MAX), UnixMicros(i64::MAX));
    }
}
