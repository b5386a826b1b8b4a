//! Once-per-election acts that servers sharing a database may attempt together: the first
//! frozen set, the running job of a kind (with its lease), once-only board events.

use std::time::Duration;

use urna_store::{JobState, NewAuditEntry, StoreError, UnixMicros};

use crate::support::{T0, on_both, open_election};

on_both! {
    async fn only_the_first_frozen_set_is_stored_by_put_first(db) {
        let (election, _) = open_election(db, "ff", 0).await;
        let mut tx = db.begin_write().await.unwrap();
        tx.put_first_frozen_set(election, b"first", T0).await.unwrap();
        let details = serde_json::json!({});
        let entry = NewAuditEntry { election: Some(election), at: T0, actor: "system", action: "ballots_frozen", details: &details };
        tx.commit_audited(entry).await.unwrap();
        let mut tx = db.begin_write().await.unwrap();
        let again = tx.put_first_frozen_set(election, b"second", T0).await;
        assert!(matches!(again, Err(StoreError::Duplicate { .. })), "{again:?}");
        drop(tx);
        assert_eq!(db.latest_frozen_set(election).await.unwrap().unwrap().payload, b"first");
    }
}

on_both! {
    async fn one_job_of_a_kind_runs_per_election_until_its_lease_lapses(db) {
        let (election, _) = open_election(db, "jx", 0).await;
        let lease = Duration::from_secs(60);
        let first = db.start_exclusive_job(election, "count", 5, lease, T0).await.unwrap();
        // 59 s later the job is still alive: the second request gets its id.
        let soon = UnixMicros(T0.0 + 59_000_000);
        let again = db.start_exclusive_job(election, "count", 5, lease, soon).await;
        assert!(matches!(again, Err(StoreError::JobAlreadyRunning(j)) if j == first), "{again:?}");
        // A sign of life at 59 s moves the lease on: at 61 s it still runs.
        db.touch_job(first, soon).await.unwrap();
        let later = UnixMicros(T0.0 + 61_000_000);
        assert!(matches!(
            db.start_exclusive_job(election, "count", 5, lease, later).await,
            Err(StoreError::JobAlreadyRunning(_))
        ));
        // 60 s after the last sign of life plus 1 µs (59 + 60 s): taken for dead, replaced.
        let lapsed = UnixMicros(T0.0 + 119_000_001);
        let second = db.start_exclusive_job(election, "count", 5, lease, lapsed).await.unwrap();
        assert_ne!(second, first);
        assert_eq!(db.job(first).await.unwrap().state, JobState::Failed);
        assert!(matches!(db.touch_job(first, lapsed).await, Err(StoreError::JobFinished(_))));
        // Another kind is not held up by it.
        db.start_exclusive_job(election, "publish", 1, lease, lapsed).await.unwrap();
    }
}
