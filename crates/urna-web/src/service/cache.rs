//! Parsed elections kept in memory between requests.
//!
//! Loading an election means reading its row, parsing the definition document into a checked
//! [`Election`](urna_core::election::Election) and decompressing its public key: work every
//! request of a voter would repeat. The cache keeps the result per slug, tagged with the row's
//! revision, which the database raises on every change of the row (store migration 0003).
//! A copy is used only when the caller shows the current revision, read in the same query as
//! something it needed anyway (the voter's row: [`Db::voter_with_election_revision`]), so a
//! cached election is never older than that read, whichever server process changed it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use urna_store::Db;

use super::{LoadedElection, ServiceError};

/// Elections worth keeping: more than any server runs at once, few enough to bound memory.
const CAPACITY: usize = 256;

/// Parsed elections by slug, each with the revision of the row it came from.
#[derive(Debug, Default)]
pub struct ElectionCache {
    entries: Mutex<HashMap<String, Arc<LoadedElection>>>,
}

impl ElectionCache {
    pub fn new() -> Self {
        ElectionCache::default()
    }

    /// The election `slug` as of `revision`: the cached copy if it is that revision, else
    /// loaded from the database (and kept if it is at least as new).
    pub async fn at_revision(
        &self,
        db: &Db,
        slug: &str,
        revision: i64,
    ) -> Result<Arc<LoadedElection>, ServiceError> {
        if let Some(hit) = self.get(slug).filter(|e| e.revision == revision) {
            return Ok(hit);
        }
        let loaded = Arc::new(super::load(db, slug).await?);
        self.keep(&loaded);
        Ok(loaded)
    }

    fn get(&self, slug: &str) -> Option<Arc<LoadedElection>> {
        self.lock().get(slug).cloned()
    }

    /// Keeps `loaded` unless a newer revision is kept already (two requests may race).
    fn keep(&self, loaded: &Arc<LoadedElection>) {
        let mut entries = self.lock();
        if entries.len() >= CAPACITY && !entries.contains_key(loaded.slug()) {
            // Rare (hundreds of elections in use at once): start over rather than track use.
            entries.clear();
        }
        let newer_kept = entries
            .get(loaded.slug())
            .is_some_and(|kept| kept.revision > loaded.revision);
        if !newer_kept {
            entries.insert(loaded.slug().to_owned(), loaded.clone());
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<LoadedElection>>> {
        // A panic while holding the lock cannot leave a half-written map entry.
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }
}
