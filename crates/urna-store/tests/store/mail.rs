//! Link-delivery statuses and the notice outbox, on both engines.

use serde_json::json;
use urna_store::{MailStatus, NewNotice, UnixMicros};

use crate::support::{T0, on_both, open_election};

on_both! {
    async fn link_deliveries_go_from_queued_to_sent_or_failed(db) {
        let (election, voters) = open_election(db, "links", 3).await;
        db.mark_links_queued(&voters[..2], T0).await.unwrap();
        let later = UnixMicros(T0.0 + 5);
        db.set_link_delivery(voters[0], MailStatus::Sent, None, later).await.unwrap();
        db.set_link_delivery(voters[1], MailStatus::Failed, Some("550 no such user"), later)
            .await
            .unwrap();
        let rows = db.link_deliveries(election).await.unwrap();
        // Voters are listed by identifier (links-v000, links-v001); v002 was never queued.
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].voter, rows[0].status, rows[0].error.as_deref()), (voters[0], MailStatus::Sent, None));
        assert_eq!(
            (rows[1].voter, rows[1].status, rows[1].error.as_deref()),
            (voters[1], MailStatus::Failed, Some("550 no such user"))
        );
        assert_eq!(rows[1].updated_at, later);
        // Queueing again clears the error.
        db.mark_links_queued(&voters[1..2], later).await.unwrap();
        let rows = db.link_deliveries(election).await.unwrap();
        assert_eq!((rows[1].status, rows[1].error.as_deref()), (MailStatus::Queued, None));
    }
}

on_both! {
    async fn notices_are_due_retried_and_finally_failed(db) {
        let (election, voters) = open_election(db, "notices", 2).await;
        let details = json!({"reason": "duplicate"});
        let queued = db
            .queue_notices(
                &[
                    NewNotice { election, voter: voters[0], kind: "ballot_struck", details: &details },
                    NewNotice { election, voter: voters[1], kind: "ballot_struck", details: &details },
                ],
                T0,
            )
            .await
            .unwrap();
        assert_eq!(queued, 2);
        let due = db.due_notices(T0, 10).await.unwrap();
        assert_eq!(due.len(), 2);
        assert_eq!(due[0].details, details);
        assert_eq!((due[0].status, due[0].attempts), (MailStatus::Queued, 0));

        // First sent; second fails and is retried at T0 + 30 s.
        let retry_at = UnixMicros(T0.0 + 30_000_000);
        db.record_notice_attempt(due[0].id, Ok(()), T0).await.unwrap();
        db.record_notice_attempt(due[1].id, Err(("421 try later", Some(retry_at))), T0)
            .await
            .unwrap();
        assert!(db.due_notices(T0, 10).await.unwrap().is_empty());
        let again = db.due_notices(retry_at, 10).await.unwrap();
        assert_eq!(again.len(), 1);
        assert_eq!((again[0].attempts, again[0].last_error.as_deref()), (1, Some("421 try later")));

        // The last attempt fails for good; a sent notice cannot be recorded again.
        db.record_notice_attempt(again[0].id, Err(("550 gone", None)), retry_at).await.unwrap();
        assert!(db.record_notice_attempt(due[0].id, Ok(()), retry_at).await.is_err());
        let all = db.notices(election).await.unwrap();
        let statuses: Vec<(MailStatus, i64)> = all.iter().map(|n| (n.status, n.attempts)).collect();
        assert_eq!(statuses, vec![(MailStatus::Sent, 1), (MailStatus::Failed, 2)]);

        // Requeueing puts the failed one back, due now, attempts reset.
        assert_eq!(db.requeue_failed_notices(election, retry_at).await.unwrap(), 1);
        let due = db.due_notices(retry_at, 10).await.unwrap();
        assert_eq!((due.len(), due[0].attempts), (1, 0));
    }
}
