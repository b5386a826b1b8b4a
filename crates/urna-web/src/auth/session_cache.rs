//! A write-through memory of recently used sessions in front of the database store.
//!
//! Every request of a signed-in voter reads its session; in a vote of five requests that is
//! five database round trips that return the same row. [`CachedSessionStore`] answers repeated
//! loads from memory. Every save and delete made by this process goes to the inner store first
//! and then to the memory, so within one process the memory is never behind. Another process
//! sharing the database (several `urna serve` over one PostgreSQL) can change or delete a
//! session behind this one's back: a remembered session is therefore trusted for [`FRESH_FOR`]
//! at most, after which it is read again. That bounds how long a sign-out made through one
//! process can go unseen by another. Expiry is checked on every load regardless.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use super::session::{BoxFuture, SessionError, SessionKey, SessionRecord, SessionStore, unix_now};

/// How long a remembered session is trusted without reading the inner store again.
pub const FRESH_FOR: Duration = Duration::from_secs(5);

/// Sessions remembered at most; past this the stale ones are dropped, then all.
const CAPACITY: usize = 100_000;

/// A [`SessionStore`] that remembers what it loaded and saved (see the module docs).
pub struct CachedSessionStore<S> {
    inner: S,
    remembered: Mutex<HashMap<SessionKey, (SessionRecord, Instant)>>,
    fresh_for: Duration,
}

impl<S: fmt::Debug> fmt::Debug for CachedSessionStore<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Keys and records stay out of logs.
        f.debug_struct("CachedSessionStore")
            .field("inner", &self.inner)
            .field("fresh_for", &self.fresh_for)
            .finish_non_exhaustive()
    }
}

impl<S: SessionStore> CachedSessionStore<S> {
    pub fn new(inner: S) -> Self {
        CachedSessionStore::with_freshness(inner, FRESH_FOR)
    }

    /// As [`new`](Self::new), trusting remembered sessions for `fresh_for`.
    pub fn with_freshness(inner: S, fresh_for: Duration) -> Self {
        CachedSessionStore {
            inner,
            remembered: Mutex::new(HashMap::new()),
            fresh_for,
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<SessionKey, (SessionRecord, Instant)>> {
        // Single inserts and removes: a panic elsewhere cannot leave the map half-changed.
        self.remembered
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn remember(&self, key: &SessionKey, record: &SessionRecord) {
        let now = Instant::now();
        let mut remembered = self.lock();
        if remembered.len() >= CAPACITY && !remembered.contains_key(key) {
            remembered.retain(|_, (_, at)| now.duration_since(*at) < self.fresh_for);
            if remembered.len() >= CAPACITY {
                remembered.clear();
            }
        }
        remembered.insert(key.clone(), (record.clone(), now));
    }

    fn recall(&self, key: &SessionKey) -> Option<SessionRecord> {
        let remembered = self.lock();
        let (record, at) = remembered.get(key)?;
        (at.elapsed() < self.fresh_for && !record.is_expired(unix_now())).then(|| record.clone())
    }
}

impl<S: SessionStore> SessionStore for CachedSessionStore<S> {
    fn load<'a>(
        &'a self,
        key: &'a SessionKey,
    ) -> BoxFuture<'a, Result<Option<SessionRecord>, SessionError>> {
        Box::pin(async move {
            if let Some(record) = self.recall(key) {
                return Ok(Some(record));
            }
            let loaded = self.inner.load(key).await?;
            match &loaded {
                Some(record) => self.remember(key, record),
                None => {
                    self.lock().remove(key);
                }
            }
            Ok(loaded)
        })
    }

    fn save<'a>(
        &'a self,
        key: &'a SessionKey,
        record: &'a SessionRecord,
    ) -> BoxFuture<'a, Result<(), SessionError>> {
        Box::pin(async move {
            // Forget first: if the write fails, the next load reads the store.
            self.lock().remove(key);
            self.inner.save(key, record).await?;
            self.remember(key, record);
            Ok(())
        })
    }

    fn delete<'a>(&'a self, key: &'a SessionKey) -> BoxFuture<'a, Result<(), SessionError>> {
        Box::pin(async move {
            self.lock().remove(key);
            self.inner.delete(key).await
        })
    }

    fn replace<'a>(
        &'a self,
        old: &'a SessionKey,
        key: &'a SessionKey,
        record: &'a SessionRecord,
    ) -> BoxFuture<'a, Result<(), SessionError>> {
        Box::pin(async move {
            {
                let mut remembered = self.lock();
                remembered.remove(old);
                remembered.remove(key);
            }
            self.inner.replace(old, key, record).await?;
            self.remember(key, record);
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::auth::session::{CsrfToken, InMemorySessionStore, Principal, SessionId};

    /// An inner store that counts its loads, standing for the database.
    #[derive(Debug, Default)]
    struct Counting {
        store: InMemorySessionStore,
        loads: AtomicUsize,
    }

    impl SessionStore for Arc<Counting> {
        fn load<'a>(
            &'a self,
            key: &'a SessionKey,
        ) -> BoxFuture<'a, Result<Option<SessionRecord>, SessionError>> {
            self.loads.fetch_add(1, Ordering::SeqCst);
            self.store.load(key)
        }
        fn save<'a>(
            &'a self,
            key: &'a SessionKey,
            record: &'a SessionRecord,
        ) -> BoxFuture<'a, Result<(), SessionError>> {
            self.store.save(key, record)
        }
        fn delete<'a>(&'a self, key: &'a SessionKey) -> BoxFuture<'a, Result<(), SessionError>> {
            self.store.delete(key)
        }
    }

    fn key(n: u8) -> SessionKey {
        SessionId::parse(&format!("{n:02x}").repeat(32))
            .expect("64 hex digits")
            .key()
    }

    fn record(voter: &str, expires_at: u64) -> SessionRecord {
        SessionRecord {
            csrf_token: CsrfToken::from_stored("ab".repeat(32)),
            principal: Some(Principal::Voter {
                election: "board".to_owned(),
                voter: voter.to_owned(),
                link: "ab".repeat(16),
            }),
            expires_at,
        }
    }

    #[tokio::test]
    async fn repeated_loads_read_the_inner_store_once_and_writes_go_through() {
        let inner = Arc::new(Counting::default());
        let cached = CachedSessionStore::new(inner.clone());
        let (k, later) = (key(1), unix_now() + 3600);
        cached.save(&k, &record("1", later)).await.expect("saved");
        for _ in 0..3 {
            assert_eq!(
                cached.load(&k).await.expect("load"),
                Some(record("1", later))
            );
        }
        assert_eq!(
            inner.loads.load(Ordering::SeqCst),
            0,
            "answered from memory"
        );
        assert_eq!(
            inner.store.load(&k).await.expect("load"),
            Some(record("1", later))
        );

        cached.save(&k, &record("2", later)).await.expect("saved");
        assert_eq!(
            cached.load(&k).await.expect("load"),
            Some(record("2", later))
        );
        cached.delete(&k).await.expect("deleted");
        assert_eq!(cached.load(&k).await.expect("load"), None);
        assert_eq!(inner.store.load(&k).await.expect("load"), None);
    }

    #[tokio::test]
    async fn a_change_behind_its_back_is_seen_once_the_memory_is_stale() {
        let inner = Arc::new(Counting::default());
        let cached = CachedSessionStore::with_freshness(inner.clone(), Duration::from_millis(50));
        let (k, later) = (key(2), unix_now() + 3600);
        cached.save(&k, &record("1", later)).await.expect("saved");
        // Another process signs the session out.
        inner.store.delete(&k).await.expect("deleted");
        assert!(
            cached.load(&k).await.expect("load").is_some(),
            "within freshness"
        );
        tokio::time::sleep(Duration::from_millis(60)).await;
        assert_eq!(
            cached.load(&k).await.expect("load"),
            None,
            "read again once stale"
        );
        assert_eq!(inner.loads.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn an_expired_session_is_never_answered_from_memory() {
        let inner = Arc::new(Counting::default());
        let cached = CachedSessionStore::new(inner.clone());
        let k = key(3);
        cached
            .save(&k, &record("1", unix_now()))
            .await
            .expect("saved");
        cached.load(&k).await.expect("load");
        assert_eq!(
            inner.loads.load(Ordering::SeqCst),
            1,
            "expired: asked the store"
        );
    }
}
