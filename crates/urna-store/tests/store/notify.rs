//! Reminders queued once, voters' languages, the quorum and turnout per hour, on both engines.

use serde_json::json;
use urna_store::{
    HourlyFirstVotes, MailStatus, NewAuditEntry, NewVoter, StoreError, TokenHash, UnixMicros,
};

use crate::support::{T0, cast, on_both, open_election, seal};

/// Commits with an audit entry, the one way a write transaction ends.
async fn commit(tx: urna_store::WriteTx, election: urna_store::ElectionId) {
    let details = json!({});
    let entry = NewAuditEntry {
        election: Some(election),
        at: T0,
        actor: "system",
        action: "test",
        details: &details,
    };
    tx.commit_audited(entry).await.unwrap();
}

/// Voters with addresses, added to `election`: their ids.
async fn voters_with_addresses(
    db: &urna_store::Db,
    election: urna_store::ElectionId,
    names: &[&str],
) -> Vec<urna_store::VoterId> {
    let emails: Vec<String> = names.iter().map(|n| format!("{n}@example.org")).collect();
    let new: Vec<NewVoter<'_>> = names
        .iter()
        .zip(&emails)
        .map(|(name, email)| NewVoter {
            identifier: name,
            email: Some(email),
            weight: 1,
            token_hash: TokenHash::of(format!("token-{name}").as_bytes()),
        })
        .collect();
    db.add_voters(election, &new, T0).await.unwrap()
}

on_both! {
    async fn a_reminder_is_queued_once_for_voters_who_have_not_voted(db) {
        // Three voters without an address (open_election), three with: one of them votes.
        let (election, _) = open_election(db, "remind", 3).await;
        let with = voters_with_addresses(db, election, &["ann", "bob", "cy"]).await;
        db.cast_ballot(cast(election, with[1], &seal(b"x"))).await.unwrap();
        let mut tx = db.begin_write().await.unwrap();
        let texts = json!({"default": "en", "texts": {"en": "Vote!"}});
        let id = tx.add_reminder(election, 1440, Some(&texts), T0).await.unwrap();
        commit(tx, election).await;
        let mut tx = db.begin_write().await.unwrap();
        assert!(matches!(tx.add_reminder(election, 1440, None, T0).await, Err(StoreError::Duplicate { .. })));
        drop(tx);
        assert_eq!(db.pending_reminders_of_open_elections().await.unwrap().len(), 1);

        // Two servers queue it: the first queues ann and cy (bob voted, the others have no
        // address), the second finds it gone out.
        let mut tx = db.begin_write().await.unwrap();
        assert_eq!(tx.queue_reminder(id, "reminder", T0).await.unwrap(), Some(2));
        commit(tx, election).await;
        let mut tx = db.begin_write().await.unwrap();
        assert_eq!(tx.queue_reminder(id, "reminder", T0).await.unwrap(), None);
        commit(tx, election).await;
        assert!(db.pending_reminders_of_open_elections().await.unwrap().is_empty());

        let notices = db.notices(election).await.unwrap();
        let mut to: Vec<_> = notices.iter().map(|n| (n.voter, n.reminder)).collect();
        to.sort_unstable();
        assert_eq!(to, vec![(with[0], Some(id)), (with[2], Some(id))]);
        let counts = db.reminder_status_counts(election).await.unwrap();
        assert_eq!(counts.len(), 1);
        assert_eq!((counts[0].status.as_str(), counts[0].count), ("queued", 2));
        // A reminder that went out cannot be deleted; the row says when it went.
        let mut tx = db.begin_write().await.unwrap();
        assert!(tx.delete_pending_reminder(election, id).await.is_err());
        drop(tx);
        assert_eq!(db.reminder(id).await.unwrap().queued_at, Some(T0));
        assert_eq!(notices[0].status, MailStatus::Queued);
    }
}

on_both! {
    async fn languages_and_quorum_are_kept(db) {
        let (election, _) = open_election(db, "lq", 0).await;
        let voters = voters_with_addresses(db, election, &["ann", "bob"]).await;
        let mut tx = db.begin_write().await.unwrap();
        tx.set_voter_languages(&[(voters[0], "ar")]).await.unwrap();
        commit(tx, election).await;
        assert_eq!(db.voter_language(voters[0]).await.unwrap().as_deref(), Some("ar"));
        assert_eq!(db.voter_language(voters[1]).await.unwrap(), None);
        assert_eq!(db.voter_languages(election).await.unwrap(), vec![(voters[0], "ar".to_owned())]);

        assert_eq!(db.quorum(election).await.unwrap(), None);
        let set = |n: Option<i64>| async move {
            let mut tx = db.begin_write().await.unwrap();
            let result = tx.set_quorum(election, n, T0).await;
            if result.is_ok() {
                commit(tx, election).await;
            }
            result
        };
        set(Some(120)).await.unwrap();
        set(Some(150)).await.unwrap();
        assert_eq!(db.quorum(election).await.unwrap(), Some(150));
        assert!(set(Some(0)).await.is_err());
        assert_eq!(db.quorum(election).await.unwrap(), Some(150));
        set(None).await.unwrap();
        assert_eq!(db.quorum(election).await.unwrap(), None);
    }
}

on_both! {
    async fn turnout_counts_each_voters_first_vote_per_hour(db) {
        let (election, voters) = open_election(db, "hours", 4).await;
        // T0 = 1 780 000 000 s = hour 494 444 (494 444 × 3600 = 1 779 998 400) + 1600 s.
        let hour0 = 494_444;
        let at = |secs: i64| UnixMicros(T0.0 + secs * 1_000_000);
        let vote = |voter, secs| {
            let sealed = seal(b"x");
            async move {
                db.cast_ballot(urna_store::CastBallot { now: at(secs), ..cast(election, voter, &sealed) })
                    .await
                    .unwrap();
            }
        };
        // v0 at +0 s (hour0) and again at +7200 s (a revote: counted at its first vote only);
        // v1 at +1999 s (1600 + 1999 = 3599 s into hour0: still hour0); v2 at +2000 s
        // (3600 s: exactly the start of hour0 + 1); v3 never votes.
        vote(voters[0], 0).await;
        vote(voters[1], 1999).await;
        vote(voters[2], 2000).await;
        vote(voters[0], 7200).await;
        let hours = db.first_votes_by_hour(election).await.unwrap();
        assert_eq!(
            hours,
            vec![
                HourlyFirstVotes { hour: hour0, voters: 2 },
                HourlyFirstVotes { hour: hour0 + 1, voters: 1 },
            ]
        );
    }
}
