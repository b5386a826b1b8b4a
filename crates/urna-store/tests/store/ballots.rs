use std::collections::HashMap;

use urna_store::{Backend, CastBallot, Db, NewElection, StoreError, Turnout, UnixMicros, VoterId};

use crate::support::{SEALED_LEN, T0, cast, on_both, open_election, seal};

/// (all ballot rows, current ones) for a voter, straight from the tables.
async fn ballot_rows(db: &Db, voter: VoterId) -> (i64, i64) {
    let sql = "SELECT COUNT(*), COALESCE(SUM(CASE WHEN b.is_current THEN 1 ELSE 0 END), 0)
               FROM ballots b JOIN credentials c ON c.id = b.credential_id WHERE c.voter_id = $1";
    match db.backend() {
        Backend::Sqlite => sqlx::query_as(sql)
            .bind(voter)
            .fetch_one(db.sqlite_pool().unwrap())
            .await
            .unwrap(),
        Backend::Postgres => sqlx::query_as(sql)
            .bind(voter)
            .fetch_one(db.postgres_pool().unwrap())
            .await
            .unwrap(),
    }
}

on_both! {
    async fn cast_revote_strike_unstrike(db) {
        let (election, ids) = open_election(db, "e", 3).await;
        let (ada, bob, eve) = (ids[0], ids[1], ids[2]);
        let first = seal(b"ada: first");
        let id1 = db.cast_ballot(cast(election, ada, &first)).await.unwrap();
        let counted = db.counted_ballots(election).await.unwrap();
        assert_eq!(counted.len(), 1);
        assert_eq!((counted[0].id, &counted[0].sealed, counted[0].weight), (id1, &first, 1));
        assert!(db.voter(ada).await.unwrap().voted);
        assert_eq!(db.turnout(election).await.unwrap(), Turnout { eligible: 3, voted: 1 });

        // Revote: the new ballot replaces the old one; the old row stays, not current.
        let second = seal(b"ada: second");
        let id2 = db.cast_ballot(cast(election, ada, &second)).await.unwrap();
        assert_ne!(id1, id2);
        let counted = db.counted_ballots(election).await.unwrap();
        assert_eq!(counted.len(), 1);
        assert_eq!((counted[0].id, &counted[0].sealed), (id2, &second));
        assert_eq!(ballot_rows(db, ada).await, (2, 1));

        // An election that allows no changes refuses the second ballot and keeps the first.
        let no_change = CastBallot { allow_change: false, ..cast(election, ada, &first) };
        assert!(matches!(db.cast_ballot(no_change).await, Err(StoreError::AlreadyVoted(v)) if v == ada));
        assert_eq!(db.counted_ballots(election).await.unwrap()[0].id, id2);

        // Strike: stops counting, voter no longer "voted", reason kept.
        assert_eq!(db.strike_ballot(election, ada, "cast under duress").await.unwrap(), id2);
        assert!(db.counted_ballots(election).await.unwrap().is_empty());
        assert!(!db.voter(ada).await.unwrap().voted);
        assert_eq!(db.turnout(election).await.unwrap().voted, 0);
        let status = db.current_ballot_status(ada).await.unwrap().unwrap();
        assert_eq!((status.id, status.struck, status.strike_reason.as_deref()), (id2, true, Some("cast under duress")));
        let twice = db.strike_ballot(election, ada, "again").await;
        assert!(matches!(twice, Err(StoreError::NoBallotToChange { wanted: "unstruck", .. })), "{twice:?}");
        assert!(matches!(db.strike_ballot(election, ada, "  ").await, Err(StoreError::Invalid { .. })));

        // Unstrike: counts again.
        assert_eq!(db.unstrike_ballot(election, ada).await.unwrap(), id2);
        assert_eq!(db.counted_ballots(election).await.unwrap().len(), 1);
        assert!(db.voter(ada).await.unwrap().voted);
        assert_eq!(db.current_ballot_status(ada).await.unwrap().unwrap().strike_reason, None);
        assert!(matches!(
            db.unstrike_ballot(election, ada).await,
            Err(StoreError::NoBallotToChange { wanted: "struck", .. })
        ));

        // A struck voter may vote again even where changes are not allowed; the struck ballot
        // is then no longer current and cannot be unstruck.
        db.strike_ballot(election, ada, "duplicate identity").await.unwrap();
        let third = seal(b"ada: third");
        let id3 = db.cast_ballot(CastBallot { allow_change: false, ..cast(election, ada, &third) }).await.unwrap();
        assert_eq!(db.counted_ballots(election).await.unwrap().iter().map(|b| b.id).collect::<Vec<_>>(), [id3]);
        assert!(matches!(db.unstrike_ballot(election, ada).await, Err(StoreError::NoBallotToChange { .. })));
        assert_eq!(ballot_rows(db, ada).await, (3, 1));

        // Refusals change nothing.
        db.set_voter_revoked(eve, true).await.unwrap();
        assert!(matches!(db.cast_ballot(cast(election, eve, &first)).await, Err(StoreError::VoterRevoked(v)) if v == eve));
        let short = vec![0u8; SEALED_LEN - 1];
        assert!(matches!(
            db.cast_ballot(cast(election, bob, &short)).await,
            Err(StoreError::SealedLength { expected: 64, actual: 63, .. })
        ));
        let (other, _) = open_election(db, "other", 1).await;
        assert!(matches!(db.cast_ballot(cast(other, bob, &first)).await, Err(StoreError::NotFound { what: "voter", .. })));
        assert_eq!(ballot_rows(db, bob).await, (0, 0));
        assert_eq!(ballot_rows(db, eve).await, (0, 0));

        // Turnout: eve is revoked (not eligible); only ada has a counted ballot.
        assert_eq!(db.turnout(election).await.unwrap(), Turnout { eligible: 2, voted: 1 });
        let who = db.voters_who_voted(election).await.unwrap();
        assert_eq!(who.len(), 1);
        assert_eq!((who[0].voter, who[0].last_voted_at), (ada, Some(T0)));

        // Closed: no more ballots.
        db.transition_election(election, "open", "closed", T0).await.unwrap();
        let late = db.cast_ballot(cast(election, bob, &first)).await;
        assert!(matches!(&late, Err(StoreError::StateConflict { actual, .. }) if actual == "closed"), "{late:?}");
    }
}

on_both! {
    async fn no_ballot_before_a_public_key(db) {
        let election = db
            .create_election(NewElection { slug: "k", definition: &serde_json::json!({}), state: "open", now: T0 })
            .await
            .unwrap();
        let voter = db
            .add_voters(election, &[urna_store::NewVoter {
                identifier: "v", email: None, weight: 1, token_hash: urna_store::TokenHash::of(b"v"),
            }], T0)
            .await
            .unwrap()[0];
        let result = db.cast_ballot(cast(election, voter, &seal(b"x"))).await;
        assert!(matches!(result, Err(StoreError::NoPublicKey(e)) if e == election), "{result:?}");
    }
}

on_both! {
    async fn two_hundred_concurrent_revotes_leave_one_current_ballot(db) {
        let (election, ids) = open_election(db, "race", 1).await;
        let voter = ids[0];
        let mut tasks = Vec::new();
        for i in 0..200u32 {
            let db = db.clone();
            tasks.push(tokio::spawn(async move {
                let sealed = seal(format!("attempt {i}").as_bytes());
                let at = UnixMicros(T0.0 + i64::from(i));
                let id = db
                    .cast_ballot(CastBallot { election, voter, sealed: &sealed, open_state: "open", allow_change: true, now: at })
                    .await
                    .unwrap();
                (id, sealed)
            }));
        }
        let mut submitted = HashMap::new();
        for task in tasks {
            let (id, sealed) = task.await.unwrap();
            submitted.insert(id, sealed);
        }
        assert_eq!(submitted.len(), 200, "every cast got its own ballot id");
        assert_eq!(ballot_rows(db, voter).await, (200, 1));
        let counted = db.counted_ballots(election).await.unwrap();
        assert_eq!(counted.len(), 1);
        assert_eq!(Some(&counted[0].sealed), submitted.get(&counted[0].id));
        assert_eq!(db.turnout(election).await.unwrap(), Turnout { eligible: 1, voted: 1 });
    }
}

on_both! {
    async fn ballots_are_listed_by_random_id_not_by_casting_order(db) {
        let (election, ids) = open_election(db, "order", 64).await;
        let mut cast_order = Vec::new();
        for (i, voter) in ids.iter().enumerate() {
            let sealed = seal(format!("ballot {i}").as_bytes());
            cast_order.push(db.cast_ballot(cast(election, *voter, &sealed)).await.unwrap());
        }
        let listed: Vec<_> = db.counted_ballots(election).await.unwrap().into_iter().map(|b| b.id).collect();
        let mut sorted = cast_order.clone();
        sorted.sort();
        assert_eq!(listed, sorted, "listing is sorted by ballot id");
        // Ids are 128 random bits, so the casting order survives the sort only with
        // probability 1/64! (about 8e-90).
        assert_ne!(listed, cast_order);
    }
}

on_both! {
    async fn refused_ballots_among_concurrent_casts_change_nothing_else(db) {
        // On SQLite concurrent casts share one group commit; a refused ballot must roll back
        // alone and every accepted one must be stored.
        let (election, ids) = open_election(db, "mixed", 60).await;
        for voter in ids.iter().skip(1).step_by(2) {
            db.set_voter_revoked(*voter, true).await.unwrap();
        }
        let tasks: Vec<_> = ids
            .iter()
            .map(|voter| {
                let (db, voter) = (db.clone(), *voter);
                tokio::spawn(async move { db.cast_ballot(cast(election, voter, &seal(b"x"))).await })
            })
            .collect();
        let mut accepted = 0;
        for (i, task) in tasks.into_iter().enumerate() {
            match task.await.unwrap() {
                Ok(_) => {
                    assert_eq!(i % 2, 0, "voter {i} is revoked");
                    accepted += 1;
                }
                Err(StoreError::VoterRevoked(_)) => assert_eq!(i % 2, 1, "voter {i} may vote"),
                Err(other) => panic!("voter {i}: {other}"),
            }
        }
        assert_eq!(accepted, 30);
        assert_eq!(db.counted_ballots(election).await.unwrap().len(), 30);
        assert_eq!(db.turnout(election).await.unwrap(), Turnout { eligible: 30, voted: 30 });
        for voter in ids.iter().skip(1).step_by(2) {
            assert_eq!(ballot_rows(db, *voter).await, (0, 0));
        }
    }
}

on_both! {
    async fn where_changes_are_not_allowed_one_of_fifty_concurrent_casts_stands(db) {
        // On SQLite the fifty casts land in one or a few group-commit batches, decided in order
        // inside each: the first is accepted, every later one sees the voter has voted.
        let (election, ids) = open_election(db, "once", 1).await;
        let voter = ids[0];
        let tasks: Vec<_> = (0..50u32)
            .map(|i| {
                let db = db.clone();
                tokio::spawn(async move {
                    let sealed = seal(format!("attempt {i}").as_bytes());
                    db.cast_ballot(CastBallot { election, voter, sealed: &sealed, open_state: "open", allow_change: false, now: T0 })
                        .await
                })
            })
            .collect();
        let mut accepted = 0;
        for task in tasks {
            match task.await.unwrap() {
                Ok(_) => accepted += 1,
                Err(StoreError::AlreadyVoted(v)) => assert_eq!(v, voter),
                Err(other) => panic!("{other}"),
            }
        }
        assert_eq!(accepted, 1);
        assert_eq!(ballot_rows(db, voter).await, (1, 1));
        assert_eq!(db.turnout(election).await.unwrap(), Turnout { eligible: 1, voted: 1 });
    }
}
