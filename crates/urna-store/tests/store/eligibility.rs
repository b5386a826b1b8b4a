//! Eligibility rules, requested accounts and the kept snapshot, on both engines.

use serde_json::json;
use urna_store::{EligibilityProgress, NewSnapshotRow, UnixMicros};

use crate::support::{T0, on_both, open_election};

on_both! {
    async fn a_fetch_resumes_where_it_stopped_and_keeps_the_first_snapshot(db) {
        let (election, _) = open_election(db, "elig", 0).await;
        assert_eq!(db.eligibility_rules(election).await.unwrap(), None);
        let rules = json!({"voters": {"min_edits": 300}});
        db.set_eligibility_rules(election, &rules, T0).await.unwrap();
        let replaced = json!({"voters": {"min_edits": 200}});
        db.set_eligibility_rules(election, &replaced, T0).await.unwrap();
        assert_eq!(db.eligibility_rules(election).await.unwrap(), Some(replaced));

        let accounts: Vec<String> = ["Cy@enwiki", "Ann@enwiki", "Bob@dewiki"].map(String::from).to_vec();
        assert_eq!(db.add_eligibility_requests(election, &accounts).await.unwrap(), 3);
        // Requesting again adds nothing.
        assert_eq!(db.add_eligibility_requests(election, &accounts[..1]).await.unwrap(), 0);
        // Pending in account order (byte order: "Ann" < "Bob" < "Cy").
        assert_eq!(db.pending_eligibility_accounts(election, 2).await.unwrap(), ["Ann@enwiki", "Bob@dewiki"]);

        let facts = json!({"edit_count": 12});
        let refused = json!({"status": "not_eligible", "failure": {"rule": "min-edits"}});
        let admitted = json!({"status": "eligible"});
        let row = |account, eligible| NewSnapshotRow {
            account,
            facts: &facts,
            voter_decision: if eligible { &admitted } else { &refused },
            voter_eligible: eligible,
            candidate_decision: None,
        };
        assert_eq!(db.add_snapshot_rows(election, &[row("Ann@enwiki", false)], T0).await.unwrap(), 1);
        assert_eq!(
            db.eligibility_progress(election).await.unwrap(),
            EligibilityProgress { requested: 3, fetched: 1 }
        );
        // A resumed fetch sees only the two left; writing Ann again keeps the first row.
        assert_eq!(db.pending_eligibility_accounts(election, 10).await.unwrap(), ["Bob@dewiki", "Cy@enwiki"]);
        let later = UnixMicros(T0.0 + 1);
        assert_eq!(
            db.add_snapshot_rows(election, &[row("Ann@enwiki", true), row("Bob@dewiki", true)], later)
                .await
                .unwrap(),
            1
        );
        let ann = db.snapshot_row(election, "Ann@enwiki").await.unwrap().unwrap();
        assert_eq!((ann.voter_eligible, ann.fetched_at, &ann.voter_decision), (false, T0, &refused));
        assert_eq!(db.snapshot_row(election, "Cy@enwiki").await.unwrap(), None);

        // Re-evaluation rewrites decisions, not facts or times.
        let candidate = json!({"status": "eligible"});
        db.set_snapshot_decisions(
            election,
            &[NewSnapshotRow { candidate_decision: Some(&candidate), ..row("Ann@enwiki", true) }],
        )
        .await
        .unwrap();
        let rows = db.snapshot_rows(election).await.unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].account, "Ann@enwiki");
        assert!(rows[0].voter_eligible);
        assert_eq!(rows[0].candidate_decision, Some(candidate));
        assert_eq!((rows[0].facts.clone(), rows[0].fetched_at), (facts.clone(), T0));
        assert_eq!(rows[1].account, "Bob@dewiki");
    }
}
