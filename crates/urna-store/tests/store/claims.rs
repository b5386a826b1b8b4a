//! Once-per-election acts that servers sharing a database may attempt together: the first
//! frozen set, the running job of a kind (with its lease), once-only board events.

use urna_store::{NewAuditEntry, StoreError, UnixMicros};

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
        let lease_until = |t: UnixMicros| UnixMicros(t.0 + 30_000_000);
        let first = db.start_leased_job(Some(election), "count", 5, T0, lease_until(T0)).await.unwrap();
        // While it runs, a second start names it (a second server follows it).
        let soon = UnixMicros(T0.0 + 29_000_000);
        let again = db.start_leased_job(Some(election), "count", 5, soon, lease_until(soon)).await;
        assert!(matches!(again, Err(StoreError::JobAlreadyRunning(j)) if j == first), "{again:?}");
        // A renewal at 29 s moves the lease on: at 31 s nothing is taken over.
        db.renew_job_lease(first, 1, lease_until(soon), soon).await.unwrap();
        let later = UnixMicros(T0.0 + 31_000_000);
        assert!(db.claim_expired_jobs("count", later, lease_until(later)).await.unwrap().is_empty());
        // 1 µs after the renewed lease (29 + 30 s): one claimant takes it over, attempt 2, and
        // the first holder's next renewal learns it lost the job.
        let lapsed = UnixMicros(T0.0 + 59_000_001);
        let claimed = db.claim_expired_jobs("count", lapsed, lease_until(lapsed)).await.unwrap();
        assert_eq!(claimed.iter().map(|j| (j.id, j.attempt)).collect::<Vec<_>>(), [(first, 2)]);
        assert!(db.claim_expired_jobs("count", lapsed, lease_until(lapsed)).await.unwrap().is_empty());
        assert!(matches!(
            db.renew_job_lease(first, 1, lease_until(lapsed), lapsed).await,
            Err(StoreError::JobTakenOver(_))
        ));
        // Another kind is not held up by it.
        db.start_leased_job(Some(election), "publish", 1, lapsed, lease_until(lapsed)).await.unwrap();
    }
}
