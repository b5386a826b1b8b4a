//! Sessions: a random id in a cookie, a record in a [`SessionStore`] holding who is signed in
//! and the session's CSRF token.
//!
//! - The cookie is `HttpOnly`, `SameSite=Lax`, `Path=/`; over HTTPS it is also `Secure` and
//!   named with the `__Host-` prefix (no `Domain`, so no sibling subdomain can set it).
//! - Stores see only [`SessionKey`], the SHA-256 of the id: a copy of the session table does
//!   not let anyone take over a session.
//! - Signing in gives the session a new id and a new CSRF token (no session fixation).
//! - A visitor who is not signed in gets a session only when a page with a form needs a CSRF
//!   token, so crawlers do not fill the store.
//!
//! The database-backed store comes with `urna-store`; [`InMemorySessionStore`] serves until
//! then and in tests (sessions are lost on restart).

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::app::AppState;
use crate::error::AppError;
use crate::i18n::cookie_value;

/// How long a session lasts after it is created or signed in.
pub const SESSION_LIFETIME: Duration = Duration::from_secs(2 * 60 * 60);

/// A boxed future, so that [`SessionStore`] can be used as `dyn SessionStore`.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// The session id as sent in the cookie: 256 random bits, hex. Never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionId(String);

impl fmt::Debug for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SessionId(<redacted>)")
    }
}

impl SessionId {
    fn generate() -> Result<Self, SessionError> {
        Ok(SessionId(super::hex(&random()?)))
    }

    /// A cookie value that has the shape of an id (64 lower-case hex digits).
    pub fn parse(cookie: &str) -> Option<Self> {
        (cookie.len() == 64
            && cookie
                .bytes()
                .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
        .then(|| SessionId(cookie.to_owned()))
    }

    /// The key stores index sessions by: SHA-256 of the id.
    pub fn key(&self) -> SessionKey {
        SessionKey(super::hex(&Sha256::digest(self.0.as_bytes())))
    }
}

/// SHA-256 of a session id, hex: what a store keeps instead of the id itself.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SessionKey(String);

impl SessionKey {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A per-session token every form carries in a hidden field. Never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct CsrfToken(String);

impl fmt::Debug for CsrfToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CsrfToken(<redacted>)")
    }
}

impl CsrfToken {
    fn generate() -> Result<Self, SessionError> {
        Ok(CsrfToken(super::hex(&random()?)))
    }

    /// Rebuilds a token read back from a store.
    pub fn from_stored(token: String) -> Self {
        CsrfToken(token)
    }

    /// The value to put in the form's hidden field.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether a submitted value equals this token, in time independent of where they differ.
    pub fn matches(&self, submitted: &str) -> bool {
        bool::from(self.0.as_bytes().ct_eq(submitted.as_bytes()))
    }
}

/// Who a session belongs to once signed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// A voter signed in with a voting link, for one election. `link` binds the session to
    /// the link that opened it ([`crate::service::voters::session_link_binding`]): once that
    /// link is revoked or reissued, the session no longer votes.
    Voter {
        election: String,
        voter: String,
        link: String,
    },
    /// A staff account (operator, election admin, scrutineer, trustee).
    Staff { account: String },
}

/// What a store keeps for a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub csrf_token: CsrfToken,
    pub principal: Option<Principal>,
    /// Seconds since the Unix epoch after which the session is void.
    pub expires_at: u64,
}

impl SessionRecord {
    pub fn is_expired(&self, now: u64) -> bool {
        now >= self.expires_at
    }
}

/// A failure of the session machinery.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("the system random number generator failed: {0}")]
    Random(String),
    #[error("session store: {0}")]
    Store(String),
    #[error("the session store is full ({0} sessions)")]
    Full(usize),
}

/// Where sessions live. Implementations must treat the key as opaque and must not log it.
pub trait SessionStore: Send + Sync + fmt::Debug + 'static {
    fn load<'a>(
        &'a self,
        key: &'a SessionKey,
    ) -> BoxFuture<'a, Result<Option<SessionRecord>, SessionError>>;
    fn save<'a>(
        &'a self,
        key: &'a SessionKey,
        record: &'a SessionRecord,
    ) -> BoxFuture<'a, Result<(), SessionError>>;
    fn delete<'a>(&'a self, key: &'a SessionKey) -> BoxFuture<'a, Result<(), SessionError>>;
    /// Saves `record` under `key` and deletes `old` (sign-in replaces the visitor's session).
    /// Stores that can should do both at once; by default, delete then save.
    fn replace<'a>(
        &'a self,
        old: &'a SessionKey,
        key: &'a SessionKey,
        record: &'a SessionRecord,
    ) -> BoxFuture<'a, Result<(), SessionError>> {
        Box::pin(async move {
            self.delete(old).await?;
            self.save(key, record).await
        })
    }
}

/// Sessions in process memory, until the database-backed store lands: lost on restart, not
/// shared between processes. Bounded: expired sessions are purged when it fills up, and past
/// `capacity` live sessions new ones are refused.
#[derive(Debug)]
pub struct InMemorySessionStore {
    sessions: Mutex<HashMap<SessionKey, SessionRecord>>,
    capacity: usize,
}

impl InMemorySessionStore {
    pub fn new(capacity: usize) -> Self {
        InMemorySessionStore {
            sessions: Mutex::new(HashMap::new()),
            capacity,
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<SessionKey, SessionRecord>> {
        // A panic while holding the lock leaves the map consistent (single inserts/removes).
        self.sessions
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Default for InMemorySessionStore {
    fn default() -> Self {
        InMemorySessionStore::new(100_000)
    }
}

impl SessionStore for InMemorySessionStore {
    fn load<'a>(
        &'a self,
        key: &'a SessionKey,
    ) -> BoxFuture<'a, Result<Option<SessionRecord>, SessionError>> {
        Box::pin(async move { Ok(self.lock().get(key).cloned()) })
    }

    fn save<'a>(
        &'a self,
        key: &'a SessionKey,
        record: &'a SessionRecord,
    ) -> BoxFuture<'a, Result<(), SessionError>> {
        Box::pin(async move {
            let mut sessions = self.lock();
            if sessions.len() >= self.capacity && !sessions.contains_key(key) {
                let now = unix_now();
                sessions.retain(|_, r| !r.is_expired(now));
                if sessions.len() >= self.capacity {
                    return Err(SessionError::Full(self.capacity));
                }
            }
            sessions.insert(key.clone(), record.clone());
            Ok(())
        })
    }

    fn delete<'a>(&'a self, key: &'a SessionKey) -> BoxFuture<'a, Result<(), SessionError>> {
        Box::pin(async move {
            self.lock().remove(key);
            Ok(())
        })
    }
}

fn random() -> Result<[u8; 32], SessionError> {
    super::random_bytes::<32>().map_err(|e| SessionError::Random(e.to_string()))
}

/// Seconds since the Unix epoch.
pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The session cookie's name: `__Host-` prefixed over HTTPS, where browsers enforce the
/// prefix's rules (Secure, Path=/, no Domain).
pub fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-urna_session"
    } else {
        "urna_session"
    }
}

/// `Set-Cookie` value that stores the session id in the browser.
pub fn set_cookie(id: &SessionId, https: bool, max_age: Duration) -> String {
    let secure = if https { "; Secure" } else { "" };
    format!(
        "{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{secure}",
        cookie_name(https),
        id.0,
        max_age.as_secs()
    )
}

/// `Set-Cookie` value that removes the session cookie.
pub fn clear_cookie(https: bool) -> String {
    let secure = if https { "; Secure" } else { "" };
    format!(
        "{}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{secure}",
        cookie_name(https)
    )
}

#[derive(Debug)]
struct SessionState {
    id: Option<SessionId>,
    record: Option<SessionRecord>,
    /// The record changed and must be saved (and the cookie sent).
    dirty: bool,
    /// Keys of sessions to delete from the store (replaced at sign-in, or signed out).
    retired: Vec<SessionKey>,
    /// The cookie must be cleared (signed out, nothing new created).
    clear_cookie: bool,
}

/// The current request's session, available to handlers as an extractor. Cloning shares it.
#[derive(Debug, Clone)]
pub struct Session {
    state: Arc<Mutex<SessionState>>,
}

impl Session {
    fn lock(&self) -> MutexGuard<'_, SessionState> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn loaded(id: Option<SessionId>, record: Option<SessionRecord>) -> Self {
        Session {
            state: Arc::new(Mutex::new(SessionState {
                id,
                record,
                dirty: false,
                retired: Vec::new(),
                clear_cookie: false,
            })),
        }
    }

    /// The CSRF token for forms on this page, creating the session if there is none yet.
    pub fn csrf_token(&self) -> Result<CsrfToken, SessionError> {
        let mut state = self.lock();
        if let Some(record) = &state.record {
            return Ok(record.csrf_token.clone());
        }
        let record = SessionRecord {
            csrf_token: CsrfToken::generate()?,
            principal: None,
            expires_at: unix_now() + SESSION_LIFETIME.as_secs(),
        };
        let token = record.csrf_token.clone();
        state.id = Some(SessionId::generate()?);
        state.record = Some(record);
        state.dirty = true;
        state.clear_cookie = false;
        Ok(token)
    }

    /// Whether `submitted` is this session's CSRF token. False without a session.
    pub fn verify_csrf(&self, submitted: &str) -> bool {
        self.lock()
            .record
            .as_ref()
            .is_some_and(|r| r.csrf_token.matches(submitted))
    }

    pub fn principal(&self) -> Option<Principal> {
        self.lock()
            .record
            .as_ref()
            .and_then(|r| r.principal.clone())
    }

    /// Signs `principal` in: a new session id and CSRF token replace the old ones, whose
    /// record is deleted (a session id planted before sign-in is worthless after it).
    pub fn sign_in(&self, principal: Principal) -> Result<(), SessionError> {
        let mut state = self.lock();
        if let Some(old) = state.id.take() {
            state.retired.push(old.key());
        }
        state.id = Some(SessionId::generate()?);
        state.record = Some(SessionRecord {
            csrf_token: CsrfToken::generate()?,
            principal: Some(principal),
            expires_at: unix_now() + SESSION_LIFETIME.as_secs(),
        });
        state.dirty = true;
        state.clear_cookie = false;
        Ok(())
    }

    /// Ends the session: its record is deleted and the cookie cleared.
    pub fn sign_out(&self) {
        let mut state = self.lock();
        if let Some(old) = state.id.take() {
            state.retired.push(old.key());
        }
        state.record = None;
        state.dirty = false;
        state.clear_cookie = true;
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Session {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Session>()
            .cloned()
            .ok_or_else(|| AppError::internal("session middleware missing"))
    }
}

/// Middleware: loads the session named by the cookie, hands it to the handler, then saves
/// what changed and sets or clears the cookie.
pub async fn session_middleware(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Result<Response, AppError> {
    let https = state.config.is_https();
    let now = unix_now();
    let id = cookie_value(request.headers(), cookie_name(https)).and_then(|c| SessionId::parse(&c));
    let mut record = None;
    if let Some(id) = &id {
        record = state
            .sessions
            .load(&id.key())
            .await
            .map_err(AppError::internal)?
            .filter(|r| !r.is_expired(now));
    }
    // An unknown or expired id is forgotten; a new one is made if a form needs it.
    let id = if record.is_some() { id } else { None };
    let session = Session::loaded(id, record);
    request.extensions_mut().insert(session.clone());

    let mut response = next.run(request).await;

    let (retired, to_save, clear) = {
        let mut s = session.lock();
        let to_save = if s.dirty {
            s.id.clone().zip(s.record.clone())
        } else {
            None
        };
        (std::mem::take(&mut s.retired), to_save, s.clear_cookie)
    };
    // Sign-in retires one session and saves its successor: one write.
    let (replaced, retired) = match (retired.split_first(), &to_save) {
        (Some((old, rest)), Some(_)) => (Some(old), rest),
        _ => (None, retired.as_slice()),
    };
    for key in retired {
        state
            .sessions
            .delete(key)
            .await
            .map_err(AppError::internal)?;
    }
    if let Some((id, record)) = to_save {
        let saved = match replaced {
            Some(old) => state.sessions.replace(old, &id.key(), &record).await,
            None => state.sessions.save(&id.key(), &record).await,
        };
        saved.map_err(AppError::internal)?;
        let lifetime = Duration::from_secs(record.expires_at.saturating_sub(now));
        if let Ok(value) = HeaderValue::from_str(&set_cookie(&id, https, lifetime)) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    } else if clear && let Ok(value) = HeaderValue::from_str(&clear_cookie(https)) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_attributes_follow_the_scheme() {
        let id = SessionId::generate().expect("random");
        let plain = set_cookie(&id, false, Duration::from_secs(60));
        assert!(plain.starts_with("urna_session="));
        assert!(plain.contains("; HttpOnly"));
        assert!(plain.contains("; SameSite=Lax"));
        assert!(plain.contains("; Path=/"));
        assert!(!plain.contains("Secure"));
        let https = set_cookie(&id, true, Duration::from_secs(60));
        assert!(https.starts_with("__Host-urna_session="));
        assert!(https.ends_with("; Secure"));
        assert!(
            !https.contains("Domain"),
            "__Host- cookies must not name a domain"
        );
        assert_eq!(
            clear_cookie(true).split(';').next(),
            Some("__Host-urna_session=")
        );
    }

    #[test]
    fn ids_are_random_hex_and_stored_only_as_hashes() {
        let a = SessionId::generate().expect("random");
        let b = SessionId::generate().expect("random");
        assert_ne!(a, b);
        assert_eq!(SessionId::parse(&a.0), Some(a.clone()));
        assert_eq!(SessionId::parse("abc"), None);
        assert_eq!(SessionId::parse(&"G".repeat(64)), None);
        assert_ne!(a.key().as_str(), a.0);
        // SHA-256("abc") from FIPS 180-2 Appendix B.1.
        assert_eq!(
            SessionId("abc".to_owned()).key().as_str(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(format!("{a:?}"), "SessionId(<redacted>)");
    }

    #[test]
    fn csrf_token_matches_only_itself() {
        let token = CsrfToken::generate().expect("random");
        assert!(token.matches(token.expose()));
        let mut tampered = token.expose().to_owned();
        let last = if tampered.ends_with('0') { "1" } else { "0" };
        tampered.replace_range(63.., last);
        assert!(!token.matches(&tampered));
        assert!(!token.matches(""));
        assert!(!token.matches(&token.expose()[..63]));
    }

    #[test]
    fn sign_in_rotates_the_id_and_the_csrf_token() {
        let session = Session::loaded(None, None);
        let before = session.csrf_token().expect("created");
        let old_id = session.lock().id.clone().expect("id");
        session
            .sign_in(Principal::Staff {
                account: "ann".to_owned(),
            })
            .expect("signs in");
        let state = session.lock();
        let new_id = state.id.clone().expect("id");
        assert_ne!(old_id, new_id);
        assert_eq!(state.retired, vec![old_id.key()]);
        let record = state.record.clone().expect("record");
        assert!(!record.csrf_token.matches(before.expose()));
        assert!(state.dirty);
    }

    #[tokio::test]
    async fn in_memory_store_purges_expired_and_is_bounded() {
        let store = InMemorySessionStore::new(2);
        let record = |expires_at| SessionRecord {
            csrf_token: CsrfToken::from_stored("t".to_owned()),
            principal: None,
            expires_at,
        };
        let key = |n: u8| SessionKey(n.to_string());
        store.save(&key(1), &record(0)).await.expect("saves");
        store.save(&key(2), &record(u64::MAX)).await.expect("saves");
        // Full, but key 1 has expired: purged to make room.
        store.save(&key(3), &record(u64::MAX)).await.expect("saves");
        assert_eq!(store.load(&key(1)).await.expect("loads"), None);
        assert!(matches!(
            store.save(&key(4), &record(u64::MAX)).await,
            Err(SessionError::Full(2))
        ));
        store.delete(&key(2)).await.expect("deletes");
        assert_eq!(store.len(), 1);
    }
}
