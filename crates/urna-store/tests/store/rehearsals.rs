//! Rehearsals (migration 0010): stored with the revision they copied; "passed at" answers
//! only for that revision; storing one leaves the election's revision alone.

use urna_store::UnixMicros;

use crate::support::{T0, on_both, open_election};

on_both! {
    async fn a_rehearsal_passes_only_at_the_revision_it_copied(db) {
        let (election, _) = open_election(db, "rh", 0).await;
        let revision = db.election(election).await.unwrap().revision;
        assert!(!db.rehearsal_passed_at(election, revision).await.unwrap());
        let report = serde_json::json!({"findings": [{"severity": "error", "code": "no-voters"}]});
        let failed = db.record_rehearsal(election, None, revision, false, &report, T0).await.unwrap();
        // A failed rehearsal does not pass the revision.
        assert!(!db.rehearsal_passed_at(election, revision).await.unwrap());
        let job = db.start_job(Some(election), "rehearsal", 1, T0).await.unwrap();
        let later = UnixMicros(T0.0 + 1);
        let passed = db
            .record_rehearsal(election, Some(job), revision, true, &serde_json::json!({"findings": []}), later)
            .await
            .unwrap();
        assert!(db.rehearsal_passed_at(election, revision).await.unwrap());
        assert!(!db.rehearsal_passed_at(election, revision + 1).await.unwrap());
        // Recording rehearsals is not a change of the election: its revision stays.
        assert_eq!(db.election(election).await.unwrap().revision, revision);
        let all = db.rehearsals_of_election(election).await.unwrap();
        assert_eq!(all.iter().map(|r| r.id).collect::<Vec<_>>(), [passed, failed]);
        assert_eq!(all[1].report, report);
        let by_job = db.rehearsal_of_job(job).await.unwrap().unwrap();
        assert_eq!((by_job.id, by_job.passed, by_job.job), (passed, true, Some(job)));
    }
}
