//! Verifiable ballots in the store (docs/record-format.md §4): the ballot JSON, credential
//! key, tracker and `sealed_by` are stored with the ballot; a credential key already used in
//! the election (a copied ballot) is refused, alone, whether it was cast earlier or in the
//! same batch.

use urna_store::{Backend, Db, ElectionId, SealedBy, StoreError, VerifiableCast, VoterId};

use crate::support::{cast, on_both, open_election};

/// Stand-in 32-byte values; the store checks only their length and uniqueness.
fn key(byte: u8) -> [u8; 32] {
    [byte; 32]
}

/// A verifiable cast of `json` with credential key `credential_key`, sealed by the voter.
async fn cast_verifiable(
    db: &Db,
    election: ElectionId,
    voter: VoterId,
    json: &[u8],
    credential_key: [u8; 32],
) -> Result<urna_store::BallotId, StoreError> {
    // The tracker is any 32 bytes here; derived from the key so each ballot's differs.
    let tracker = credential_key.map(|b| b ^ 0xff);
    db.cast_verifiable_ballot(
        cast(election, voter, json),
        VerifiableCast {
            credential_key: &credential_key,
            tracker: &tracker,
            sealed_by: SealedBy::Voter,
        },
    )
    .await
}

/// (credential key, tracker, sealed_by, current) of one ballot row.
type Row = (Option<Vec<u8>>, Option<Vec<u8>>, Option<String>, bool);

/// The voter's ballot rows as (credential key, tracker, sealed_by, current), straight from
/// the table, in no particular order.
async fn rows(db: &Db, voter: VoterId) -> Vec<Row> {
    let sql = "SELECT b.credential_key, b.tracker, b.sealed_by, b.is_current
               FROM ballots b JOIN credentials c ON c.id = b.credential_id
               WHERE c.voter_id = $1 ORDER BY b.is_current";
    let mut found: Vec<Row> = match db.backend() {
        Backend::Sqlite => sqlx::query_as(sql)
            .bind(voter)
            .fetch_all(db.sqlite_pool().unwrap())
            .await
            .unwrap(),
        Backend::Postgres => sqlx::query_as(sql)
            .bind(voter)
            .fetch_all(db.postgres_pool().unwrap())
            .await
            .unwrap(),
    };
    found.sort();
    found
}

fn is_key_refusal(
    result: &Result<urna_store::BallotId, StoreError>,
    credential_key: [u8; 32],
) -> bool {
    let hex: String = credential_key.iter().map(|b| format!("{b:02x}")).collect();
    matches!(result, Err(StoreError::Duplicate { what: "ballot credential key", value }) if *value == hex)
}

on_both! {
    async fn verifiable_ballots_are_stored_and_copied_keys_refused(db) {
        let (election, ids) = open_election(db, "vb", 3).await;
        let (ada, bob) = (ids[0], ids[1]);
        // Ballot JSON is not the sealed length (64 in these tests): no length check applies.
        let json = br#"{"v":1,"stand-in":"ballot JSON of any length"}"#;
        let first = cast_verifiable(db, election, ada, json, key(1)).await.unwrap();
        assert_eq!(rows(db, ada).await, [(Some(key(1).to_vec()), Some(key(0xfe).to_vec()), Some("voter".to_owned()), true)]);
        let counted = db.counted_ballots(election).await.unwrap();
        assert_eq!((counted.len(), counted[0].id, counted[0].sealed.as_slice()), (1, first, &json[..]));

        // Bob posts ada's ballot (same key): refused, nothing stored for him, ada's stands.
        let copied = cast_verifiable(db, election, bob, json, key(1)).await;
        assert!(is_key_refusal(&copied, key(1)), "{copied:?}");
        assert!(rows(db, bob).await.is_empty());
        assert!(!db.voter(bob).await.unwrap().voted);
        // Ada herself cannot reuse the key either (the index covers replaced ballots too).
        let again = cast_verifiable(db, election, ada, json, key(1)).await;
        assert!(is_key_refusal(&again, key(1)), "{again:?}");
        assert_eq!(db.counted_ballots(election).await.unwrap()[0].id, first);

        // A revote with a fresh key replaces the ballot as before.
        let second = cast_verifiable(db, election, ada, json, key(2)).await.unwrap();
        assert_eq!(db.counted_ballots(election).await.unwrap().iter().map(|b| b.id).collect::<Vec<_>>(), [second]);
        let ada_rows = rows(db, ada).await;
        assert_eq!(ada_rows.iter().map(|r| (r.0.clone(), r.3)).collect::<Vec<_>>(),
                   [(Some(key(1).to_vec()), false), (Some(key(2).to_vec()), true)]);

        // The same key is free in another election.
        let (other, other_ids) = open_election(db, "vb-other", 1).await;
        cast_verifiable(db, other, other_ids[0], json, key(1)).await.unwrap();

        // A sealed (non-verifiable) cast stores no key, tracker nor sealed_by.
        let sealed = crate::support::seal(b"sealed");
        db.cast_ballot(cast(election, bob, &sealed)).await.unwrap();
        assert_eq!(rows(db, bob).await, [(None, None, None, true)]);
    }
}

on_both! {
    async fn one_copied_key_among_concurrent_casts_fails_only_itself(db) {
        // 40 voters cast at once (so most land in shared batches); voters 0 and 1 both carry
        // key 100, everyone else their own key. Exactly one of the two copies is accepted,
        // and every other cast succeeds: one bad cast never fails its batch.
        let (election, ids) = open_election(db, "vb-race", 40).await;
        let mut tasks = Vec::new();
        for (i, voter) in ids.iter().copied().enumerate() {
            let db = db.clone();
            let credential_key = if i < 2 { key(100) } else { key(u8::try_from(i).unwrap()) };
            tasks.push(tokio::spawn(async move {
                cast_verifiable(&db, election, voter, b"{}", credential_key).await
            }));
        }
        let mut results = Vec::new();
        for task in tasks {
            results.push(task.await.unwrap());
        }
        let accepted_copies = results[..2].iter().filter(|r| r.is_ok()).count();
        assert_eq!(accepted_copies, 1, "{:?}", &results[..2]);
        assert!(results[..2].iter().any(|r| is_key_refusal(r, key(100))));
        assert!(results[2..].iter().all(Result::is_ok), "{results:?}");
        assert_eq!(db.counted_ballots(election).await.unwrap().len(), 39);
    }
}

on_both! {
    async fn one_voter_posting_one_ballot_twice_at_once_gets_it_cast_once(db) {
        // A batch decides casts in order: if a double-submitted ballot lands twice in one
        // batch, the second copy is refused and the first stays current.
        let (election, ids) = open_election(db, "vb-double", 1).await;
        let voter = ids[0];
        let (a, b) = tokio::join!(
            cast_verifiable(db, election, voter, b"{}", key(7)),
            cast_verifiable(db, election, voter, b"{}", key(7)),
        );
        assert_eq!(usize::from(a.is_ok()) + usize::from(b.is_ok()), 1, "{a:?} {b:?}");
        let accepted = a.or(b).unwrap();
        assert_eq!(db.counted_ballots(election).await.unwrap().iter().map(|b| b.id).collect::<Vec<_>>(), [accepted]);
        assert_eq!(rows(db, voter).await.len(), 1);
    }
}
