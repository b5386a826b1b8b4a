//! Link-delivery statuses and the notice outbox, on both engines.

use serde_json::json;
use urna_store::{MailStatus, NewNotice, NoticeOutcome, UnixMicros};

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
        assert_eq!((rows[0].voter, rows[0].status, rows[0].reply.as_deref()), (voters[0], MailStatus::Sent, None));
        assert_eq!(
            (rows[1].voter, rows[1].status, rows[1].reply.as_deref()),
            (voters[1], MailStatus::Failed, Some("550 no such user"))
        );
        assert_eq!(rows[1].updated_at, later);
        // Queueing again clears the error.
        db.mark_links_queued(&voters[1..2], later).await.unwrap();
        let rows = db.link_deliveries(election).await.unwrap();
        assert_eq!((rows[1].status, rows[1].reply.as_deref()), (MailStatus::Queued, None));
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
        let lease = |t: UnixMicros| UnixMicros(t.0 + 60_000_000);
        let due = db.claim_due_notices(T0, lease(T0), 10).await.unwrap();
        assert_eq!(due.len(), 2);
        assert_eq!(due[0].details, details);
        assert_eq!((due[0].status, due[0].attempts, due[0].claim), (MailStatus::Queued, 0, 1));

        // First sent; second fails and is retried at T0 + 30 s.
        let retry_at = UnixMicros(T0.0 + 30_000_000);
        db.record_notice_attempt(due[0].id, 1, NoticeOutcome::Sent { reply: "250 OK" }, T0)
            .await
            .unwrap();
        db.record_notice_attempt(
            due[1].id,
            1,
            NoticeOutcome::Retry { error: "421 try later", retry_at },
            T0,
        )
        .await
        .unwrap();
        assert!(db.claim_due_notices(T0, lease(T0), 10).await.unwrap().is_empty());
        let again = db.claim_due_notices(retry_at, lease(retry_at), 10).await.unwrap();
        assert_eq!(again.len(), 1);
        assert_eq!((again[0].attempts, again[0].last_error.as_deref()), (1, Some("421 try later")));

        // It bounces; a sent notice cannot be recorded again.
        db.record_notice_attempt(again[0].id, 2, NoticeOutcome::Bounced { reply: "550 gone" }, retry_at)
            .await
            .unwrap();
        assert!(
            db.record_notice_attempt(due[0].id, 1, NoticeOutcome::Sent { reply: "250" }, retry_at)
                .await
                .is_err()
        );
        let all = db.notices(election).await.unwrap();
        let statuses: Vec<(MailStatus, i64)> = all.iter().map(|n| (n.status, n.attempts)).collect();
        assert_eq!(statuses, vec![(MailStatus::Sent, 1), (MailStatus::Bounced, 2)]);

        // Requeueing puts the bounced one back, due now, attempts reset.
        assert_eq!(db.requeue_failed_notices(election, None, retry_at).await.unwrap(), 1);
        let due = db.claim_due_notices(retry_at, lease(retry_at), 10).await.unwrap();
        assert_eq!((due.len(), due[0].attempts), (1, 0));
    }
}

on_both! {
    async fn a_claimed_notice_is_held_until_its_lease_lapses_and_the_old_claim_is_fenced(db) {
        let (election, voters) = open_election(db, "lease", 1).await;
        let details = json!({});
        db.queue_notices(
            &[NewNotice { election, voter: voters[0], kind: "end_extended", details: &details }],
            T0,
        )
        .await
        .unwrap();
        let lease_until = UnixMicros(T0.0 + 60_000_000);
        let first = db.claim_due_notices(T0, lease_until, 10).await.unwrap();
        assert_eq!(first.len(), 1);
        // Held: a second sender finds nothing, up to the lease's end.
        assert!(db.claim_due_notices(lease_until, UnixMicros(T0.0 + 120_000_000), 10).await.unwrap().is_empty());
        // 1 µs after it, another sender takes it over (claim 2), and the first cannot record.
        let lapsed = UnixMicros(lease_until.0 + 1);
        let second = db.claim_due_notices(lapsed, UnixMicros(lapsed.0 + 60_000_000), 10).await.unwrap();
        assert_eq!(second.iter().map(|n| (n.id, n.claim)).collect::<Vec<_>>(), [(first[0].id, 2)]);
        assert!(
            db.record_notice_attempt(first[0].id, 1, NoticeOutcome::Sent { reply: "250" }, lapsed)
                .await
                .is_err()
        );
        db.record_notice_attempt(first[0].id, 2, NoticeOutcome::Sent { reply: "250" }, lapsed)
            .await
            .unwrap();
    }
}

on_both! {
    async fn two_senders_claiming_at_once_take_each_notice_once(db) {
        let (election, voters) = open_election(db, "race", 60).await;
        let details = json!({});
        let notices: Vec<NewNotice<'_>> = voters
            .iter()
            .map(|&voter| NewNotice { election, voter, kind: "end_extended", details: &details })
            .collect();
        db.queue_notices(&notices, T0).await.unwrap();
        let lease_until = UnixMicros(T0.0 + 60_000_000);
        // Two senders, each claiming batches of 7 until nothing is left.
        let sender = |db: urna_store::Db| {
            tokio::spawn(async move {
                let mut mine = Vec::new();
                loop {
                    let batch = db.claim_due_notices(T0, lease_until, 7).await.unwrap();
                    if batch.is_empty() {
                        return mine;
                    }
                    mine.extend(batch.into_iter().map(|n| n.id));
                    tokio::task::yield_now().await;
                }
            })
        };
        let (a, b) = (sender(db.clone()), sender(db.clone()));
        let (a, b) = (a.await.unwrap(), b.await.unwrap());
        let mut all: Vec<i64> = a.iter().chain(&b).copied().collect();
        all.sort_unstable();
        let before = all.len();
        all.dedup();
        // 60 notices, each claimed by exactly one sender.
        assert_eq!((before, all.len()), (60, 60), "a: {a:?}, b: {b:?}");
    }
}
