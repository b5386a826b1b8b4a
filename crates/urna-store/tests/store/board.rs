//! The public board: appending event lines at consecutive heights (also under concurrent
//! writers), reading them back, tracker lookups, publishing waiting ballots once, and the
//! append-only guard.

use std::collections::HashSet;

use sha2::{Digest, Sha256};
use urna_store::{Backend, Db, ElectionId, OwnedBoardEvent, StoreError, VoterId};

use crate::support::{cast, on_both, open_election, seal};

/// Raw SQL on the writer pool: what someone with database access could run.
async fn raw(db: &Db, sql: String) -> Result<u64, String> {
    match db.backend() {
        Backend::Sqlite => sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(db.sqlite_pool().unwrap())
            .await
            .map(|r| r.rows_affected()),
        Backend::Postgres => sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(db.postgres_pool().unwrap())
            .await
            .map(|r| r.rows_affected()),
    }
    .map_err(|error| error.to_string())
}

/// A plain event at `height`, its leaf hash computed as RFC 6962 says: SHA-256(0x00 ‖ line).
fn event(height: usize, event_type: &str) -> OwnedBoardEvent {
    let line = format!(r#"{{"height":{height},"type":"{event_type}"}}"#);
    OwnedBoardEvent {
        height: height as i64,
        hash: Sha256::new()
            .chain_update([0u8])
            .chain_update(line.as_bytes())
            .finalize()
            .into(),
        event_type: event_type.to_owned(),
        line,
        tracker: None,
        credential: None,
    }
}

async fn append(db: &Db, election: ElectionId, types: &[&str]) -> usize {
    let types: Vec<String> = types.iter().map(|t| (*t).to_owned()).collect();
    db.append_board_events_with(election, |leaves| {
        Ok::<_, StoreError>(
            types
                .iter()
                .enumerate()
                .map(|(i, t)| event(leaves.len() + i, t))
                .collect(),
        )
    })
    .await
    .unwrap()
}

/// The tracker the test gives a ballot: the ballot's stand-in bytes hashed.
fn tracker_of(sealed: &[u8]) -> [u8; 32] {
    Sha256::digest(sealed).into()
}

/// Gives a cast ballot the verifiable columns the casting service would set.
async fn set_tracker(db: &Db, election: ElectionId, voter: VoterId, sealed: &[u8]) {
    let sql = format!(
        "UPDATE ballots SET tracker = {t}, sealed_by = 'voter'
         WHERE election_id = {election} AND is_current AND credential_id =
               (SELECT id FROM credentials WHERE voter_id = {voter})",
        t = match db.backend() {
            Backend::Sqlite => format!("X'{}'", hex(&tracker_of(sealed))),
            Backend::Postgres => format!("'\\x{}'::bytea", hex(&tracker_of(sealed))),
        },
    );
    assert_eq!(raw(db, sql).await, Ok(1));
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

on_both! {
    async fn events_append_at_consecutive_heights_and_read_back(db) {
        let (election, _) = open_election(db, "board", 0).await;
        assert!(db.board_leaves(election).await.unwrap().is_empty());
        assert_eq!(append(db, election, &["setup", "voter_roll", "tree_head"]).await, 3);
        assert_eq!(append(db, election, &["ballot", "tree_head"]).await, 2);

        let expected: Vec<OwnedBoardEvent> = ["setup", "voter_roll", "tree_head", "ballot", "tree_head"]
            .iter().enumerate().map(|(h, t)| event(h, t)).collect();
        assert_eq!(db.board_size(election).await.unwrap(), 5);
        assert_eq!(
            db.board_leaves(election).await.unwrap(),
            expected.iter().map(|e| e.hash).collect::<Vec<_>>()
        );
        // Pages of the download: heights 1..=3, then from 4 to the end.
        let page = db.board_events(election, 1, 3).await.unwrap();
        assert_eq!(page.iter().map(|e| e.height).collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(page[2].line, expected[3].line);
        assert_eq!(page[2].event_type, "ballot");
        assert_eq!(db.board_events(election, 4, 100).await.unwrap().len(), 1);
        assert!(db.board_events(election, 5, 100).await.unwrap().is_empty());
        let heads = db.board_events_of_type(election, "tree_head").await.unwrap();
        assert_eq!(heads.iter().map(|e| e.height).collect::<Vec<_>>(), [2, 4]);
        assert_eq!(db.last_board_event(election, "tree_head").await.unwrap().unwrap().height, 4);
        assert_eq!(db.last_board_event(election, "result").await.unwrap(), None);

        // Another election's board starts at 0 on its own.
        let (other, _) = open_election(db, "other", 0).await;
        assert_eq!(append(db, other, &["setup"]).await, 1);
        assert_eq!(db.board_size(election).await.unwrap(), 5);
    }
}

on_both! {
    async fn a_wrong_height_is_refused_and_nothing_is_written(db) {
        let (election, _) = open_election(db, "board", 0).await;
        append(db, election, &["setup"]).await;
        // Height 0 again (a writer that built on a stale head), then a gap.
        for height in [0, 2] {
            let result = db
                .append_board_events_with(election, |_| Ok::<_, StoreError>(vec![event(height, "tree_head")]))
                .await;
            assert!(
                matches!(&result, Err(StoreError::Invalid { what: "board event height", detail })
                         if detail.contains(&format!("height {height}")) && detail.contains("needs 1")),
                "{result:?}"
            );
        }
        // A batch whose second event skips a height stores neither.
        let result = db
            .append_board_events_with(election, |_| {
                Ok::<_, StoreError>(vec![event(1, "ballot"), event(3, "tree_head")])
            })
            .await;
        assert!(matches!(result, Err(StoreError::Invalid { .. })), "{result:?}");
        assert_eq!(db.board_size(election).await.unwrap(), 1);
        // An unknown election.
        let missing = db
            .append_board_events_with(ElectionId(999_999), |_| Ok::<_, StoreError>(vec![event(0, "setup")]))
            .await;
        assert!(matches!(missing, Err(StoreError::NotFound { what: "election", .. })), "{missing:?}");
    }
}

on_both! {
    async fn concurrent_writers_never_share_a_height(db) {
        let (election, _) = open_election(db, "board", 0).await;
        // 12 writers at once, each building one event on the head it reads under the lock:
        // without the lock two would build on the same head and one would fail.
        let tasks: Vec<_> = (0..12)
            .map(|_| {
                let db = db.clone();
                tokio::spawn(async move {
                    db.append_board_events_with(election, |leaves| {
                        Ok::<_, StoreError>(vec![event(leaves.len(), "tree_head")])
                    })
                    .await
                })
            })
            .collect();
        for task in tasks {
            assert_eq!(task.await.unwrap().unwrap(), 1);
        }
        let events = db.board_events(election, 0, 100).await.unwrap();
        assert_eq!(events.iter().map(|e| e.height).collect::<Vec<_>>(), (0..12).collect::<Vec<_>>());
    }
}

on_both! {
    async fn waiting_ballots_are_published_once_with_their_strike_state(db) {
        let (election, voters) = open_election(db, "board", 3).await;
        let (ada, bob, eve) = (voters[0], voters[1], voters[2]);
        let ballots: Vec<Vec<u8>> = [b"ada", b"bob"].iter().map(|p| seal(*p)).collect();
        db.cast_ballot(cast(election, ada, &ballots[0])).await.unwrap();
        db.cast_ballot(cast(election, bob, &ballots[1])).await.unwrap();
        set_tracker(db, election, ada, &ballots[0]).await;

        // The first batch: both ballots, each once, with credential and weight.
        let mut seen = Vec::new();
        let published = db
            .publish_ballots_with(election, |leaves, waiting| {
                assert!(leaves.is_empty());
                seen = waiting.to_vec();
                Ok::<_, StoreError>(
                    waiting.iter().enumerate().map(|(i, ballot)| OwnedBoardEvent {
                        tracker: ballot.tracker,
                        credential: Some(ballot.credential),
                        ..event(i, "ballot")
                    }).collect(),
                )
            })
            .await
            .unwrap();
        assert_eq!(published, 2);
        let sealed: HashSet<&[u8]> = seen.iter().map(|b| b.sealed.as_slice()).collect();
        assert_eq!(sealed, ballots.iter().map(Vec::as_slice).collect());
        assert!(seen.iter().all(|b| b.weight == 1 && !b.struck && !b.struck_on_board));
        let ada_row = seen.iter().find(|b| b.sealed == ballots[0]).unwrap();
        assert_eq!((ada_row.tracker, ada_row.sealed_by.as_deref()), (Some(tracker_of(&ballots[0])), Some("voter")));
        assert_eq!(seen.iter().find(|b| b.sealed == ballots[1]).unwrap().tracker, None);
        let ada_height = db.board_height_of_tracker(election, &tracker_of(&ballots[0])).await.unwrap();
        assert!(matches!(ada_height, Some(0 | 1)), "{ada_height:?}");
        assert_eq!(db.board_height_of_tracker(election, &[7; 32]).await.unwrap(), None);
        assert!(!db.tracker_awaits_board(election, &tracker_of(&ballots[0])).await.unwrap());

        // Nothing waits now: the builder is not called and nothing is written.
        let again = db
            .publish_ballots_with(election, |_, _| -> Result<Vec<OwnedBoardEvent>, StoreError> {
                panic!("nothing should be waiting")
            })
            .await
            .unwrap();
        assert_eq!(again, 0);

        // Ada is struck (the act appends a strike event naming her credential), then votes
        // again; Eve votes. The next batch holds the two new ballots, and says the board
        // shows Ada's credential struck (so the publisher must unstrike it first).
        let mut tx = db.begin_write().await.unwrap();
        tx.lock_board(election).await.unwrap();
        tx.strike_ballot(election, ada, "duplicate").await.unwrap();
        let ada_credential = tx.voter_credential(ada).await.unwrap().unwrap();
        assert_eq!(ada_credential, ada_row.credential);
        let strike = OwnedBoardEvent { credential: Some(ada_credential), ..event(2, "strike") };
        tx.append_board_events(election, &[strike.as_new()]).await.unwrap();
        let entry = urna_store::NewAuditEntry {
            election: Some(election),
            at: crate::support::T0,
            actor: "test",
            action: "ballot.strike",
            details: &serde_json::json!({}),
        };
        tx.commit_audited(entry).await.unwrap();

        let ada_again = seal(b"ada again");
        db.cast_ballot(cast(election, ada, &ada_again)).await.unwrap();
        set_tracker(db, election, ada, &ada_again).await;
        assert!(db.tracker_awaits_board(election, &tracker_of(&ada_again)).await.unwrap());
        let eve_ballot = seal(b"eve");
        db.cast_ballot(cast(election, eve, &eve_ballot)).await.unwrap();
        let mut second = Vec::new();
        db.publish_ballots_with(election, |leaves, waiting| {
            second = waiting.to_vec();
            Ok::<_, StoreError>(vec![event(leaves.len(), "tree_head")])
        })
        .await
        .unwrap();
        assert_eq!(second.len(), 2);
        let ada_new = second.iter().find(|b| b.sealed == ada_again).unwrap();
        assert!(ada_new.struck_on_board && !ada_new.struck);
        let eve_new = second.iter().find(|b| b.sealed == eve_ballot).unwrap();
        assert!(!eve_new.struck_on_board);
        assert_eq!(db.board_size(election).await.unwrap(), 4);
    }
}

on_both! {
    async fn board_events_cannot_be_changed_or_deleted(db) {
        let (election, _) = open_election(db, "board", 0).await;
        append(db, election, &["setup", "tree_head"]).await;
        let update = raw(db, format!("UPDATE board_events SET line = '{{}}' WHERE election_id = {election}")).await;
        assert!(update.as_ref().is_err_and(|e| e.contains("append-only")), "{update:?}");
        let delete = raw(db, format!("DELETE FROM board_events WHERE height = 1 AND election_id = {election}")).await;
        assert!(delete.as_ref().is_err_and(|e| e.contains("append-only")), "{delete:?}");
        if db.backend() == Backend::Postgres {
            let truncate = raw(db, "TRUNCATE board_events".to_owned()).await;
            assert!(truncate.as_ref().is_err_and(|e| e.contains("append-only")), "{truncate:?}");
        }
        assert_eq!(db.board_size(election).await.unwrap(), 2);
    }
}
