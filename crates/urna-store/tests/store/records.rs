use serde_json::json;
use sha2::{Digest, Sha256};
use urna_store::{JobState, StoreError, UnixMicros};

use crate::support::{T0, on_both, open_election};

on_both! {
    async fn trustee_files_are_write_once(db) {
        let (election, _) = open_election(db, "t", 0).await;
        db.put_trustee_file(election, 2, 1, &json!({"commitment": "b"}), T0).await.unwrap();
        db.put_trustee_file(election, 1, 1, &json!({"commitment": "a"}), T0).await.unwrap();
        db.put_trustee_file(election, 1, 2, &json!({"shares": []}), T0).await.unwrap();
        let again = db.put_trustee_file(election, 1, 1, &json!({"commitment": "forged"}), T0).await;
        assert!(matches!(again, Err(StoreError::Duplicate { what: "trustee file", .. })), "{again:?}");
        let round1 = db.trustee_files(election, 1).await.unwrap();
        let seen: Vec<_> = round1.iter().map(|f| (f.trustee_index, f.payload.clone())).collect();
        assert_eq!(seen, [(1, json!({"commitment": "a"})), (2, json!({"commitment": "b"}))]);
        assert!(matches!(db.put_trustee_file(election, 0, 1, &json!({}), T0).await, Err(StoreError::Invalid { .. })));
    }
}

on_both! {
    async fn frozen_sets_carry_their_hash(db) {
        let (election, _) = open_election(db, "f", 0).await;
        assert_eq!(db.latest_frozen_set(election).await.unwrap(), None);
        let payload = b"shuffled sealed ballots".to_vec();
        let hash = db.put_frozen_set(election, &payload, T0).await.unwrap();
        let expected: [u8; 32] = Sha256::digest(&payload).into();
        assert_eq!(hash, expected);
        assert!(matches!(db.put_frozen_set(election, &payload, T0).await, Err(StoreError::Duplicate { .. })));
        let recount = b"recount after an unstrike".to_vec();
        db.put_frozen_set(election, &recount, T0).await.unwrap();
        let latest = db.latest_frozen_set(election).await.unwrap().unwrap();
        assert_eq!(latest.payload, recount);
    }
}

on_both! {
    async fn results_publish_and_lock(db) {
        let (election, _) = open_election(db, "r", 0).await;
        db.put_result(election, "q2", &json!({"elected": ["B"]}), T0).await.unwrap();
        db.put_result(election, "q1", &json!({"elected": ["A"]}), T0).await.unwrap();
        db.put_result(election, "q1", &json!({"elected": ["C"]}), T0).await.unwrap(); // recount
        assert!(db.results(election, true).await.unwrap().is_empty(), "nothing public yet");
        let all = db.results(election, false).await.unwrap();
        assert_eq!(all.iter().map(|r| r.question.as_str()).collect::<Vec<_>>(), ["q1", "q2"]);
        assert_eq!(all[0].report, json!({"elected": ["C"]}));

        assert_eq!(db.set_results_published(election, true, T0).await.unwrap(), 2);
        assert_eq!(db.results(election, true).await.unwrap().len(), 2);
        let overwrite = db.put_result(election, "q1", &json!({"elected": ["D"]}), T0).await;
        assert!(matches!(overwrite, Err(StoreError::Invalid { what: "result", .. })), "{overwrite:?}");
        assert_eq!(db.results(election, true).await.unwrap()[0].report, json!({"elected": ["C"]}));
        assert_eq!(db.set_results_published(election, false, T0).await.unwrap(), 2);
        assert!(db.results(election, true).await.unwrap().is_empty());
    }
}

on_both! {
    async fn jobs_report_progress_and_finish_once(db) {
        let (election, _) = open_election(db, "j", 0).await;
        let job = db.start_job(Some(election), "count", 100, T0).await.unwrap();
        db.set_job_progress(job, 40, UnixMicros(T0.0 + 1)).await.unwrap();
        let row = db.job(job).await.unwrap();
        assert_eq!((row.state, row.progress_done, row.progress_total), (JobState::Running, 40, 100));
        db.finish_job(job, Ok(None), T0).await.unwrap();
        assert_eq!(db.job(job).await.unwrap().state, JobState::Succeeded);
        assert!(matches!(db.set_job_progress(job, 50, T0).await, Err(StoreError::JobFinished(j)) if j == job));
        assert!(matches!(db.finish_job(job, Err("late"), T0).await, Err(StoreError::JobFinished(_))));

        let stuck = db.start_job(Some(election), "count", 10, T0).await.unwrap();
        let listed: Vec<_> = db.jobs_of_election(election).await.unwrap().into_iter().map(|j| j.id).collect();
        assert_eq!(listed, [stuck, job], "newest first");
    }
}
