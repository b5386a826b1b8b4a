//! Submission fingerprints and the purge, on both engines. The purge test dumps every cell of
//! every table afterwards and looks for each planted private value.

use serde_json::json;
use urna_store::{
    CastBallot, Db, NewAuditEntry, NewVoter, StoreError, SubmissionPrints, TokenHash, UnixMicros,
    WebSessionKey, WebSessionRow,
};

use crate::every_cell::{contains, every_cell};
use crate::support::{T0, cast, on_both, open_election, seal};

/// 32 bytes that spell what they are, so a dump search finds them as text or hex.
fn marker(label: &str) -> [u8; 32] {
    let mut bytes = [b'.'; 32];
    bytes[..label.len()].copy_from_slice(label.as_bytes());
    bytes
}

fn prints(tag: &str) -> SubmissionPrints {
    SubmissionPrints {
        network: marker(&format!("NETWORK-PRINT-{tag}")),
        agent: marker(&format!("AGENT-PRINT-{tag}")),
        cookie: marker(&format!("COOKIE-PRINT-{tag}")),
        sealed_raw: format!("SEALED-RAW-VALUES-{tag}").into_bytes(),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Where `needle` appears in the dump, as bytes or as lowercase hex (PostgreSQL's bytea text).
async fn found(db: &Db, needle: &[u8]) -> Vec<String> {
    let hexed = hex(needle);
    every_cell(db)
        .await
        .into_iter()
        .filter(|(_, value)| contains(value, needle) || contains(value, hexed.as_bytes()))
        .map(|(place, _)| place)
        .collect()
}

on_both! {
    async fn prints_are_stored_by_voter_only_for_accepted_casts(db) {
        let (election, voters) = open_election(db, "prints", 2).await;
        let sealed = seal(b"one");
        db.cast(cast(election, voters[0], &sealed), None, Some(prints("A"))).await.unwrap();
        // Refused (wrong sealed length): no fingerprint row either.
        let refused = db
            .cast(cast(election, voters[1], b"short"), None, Some(prints("B")))
            .await
            .unwrap_err();
        assert!(matches!(refused, StoreError::SealedLength { .. }), "{refused:?}");
        // A revote adds a second submission for the same voter.
        db.cast(cast(election, voters[0], &seal(b"two")), None, Some(prints("C"))).await.unwrap();

        let rows = db.submission_prints(election).await.unwrap();
        assert_eq!(rows.len(), 2);
        assert!(rows.iter().all(|r| r.voter == voters[0]));
        assert_eq!(rows[0].network, marker("NETWORK-PRINT-A"));
        assert_eq!(rows[1].cookie, marker("COOKIE-PRINT-C"));
        let sealed_rows = db.sealed_submissions(election, &[voters[0], voters[1]]).await.unwrap();
        let raws: Vec<&[u8]> = sealed_rows.iter().map(|s| s.sealed_raw.as_slice()).collect();
        assert_eq!(raws, [b"SEALED-RAW-VALUES-A".as_slice(), b"SEALED-RAW-VALUES-C"]);
        assert!(db.sealed_submissions(election, &[voters[1]]).await.unwrap().is_empty());
        assert!(found(db, b"SEALED-RAW-VALUES-B").await.is_empty(), "the refused cast left nothing");
    }
}

on_both! {
    async fn the_purge_leaves_no_private_data_in_any_table(db) {
        let (election, voters) = open_election(db, "purged", 3).await;
        // A fourth voter with an e-mail address.
        let with_email = db
            .add_voters(
                election,
                &[NewVoter {
                    identifier: "purged-mailed",
                    email: Some("mailed@example.org"),
                    weight: 1,
                    token_hash: TokenHash::of(b"token-purged-mailed"),
                }],
                T0,
            )
            .await
            .unwrap()[0];
        // Vote times no other column could hold by chance.
        let time = |i: i64| UnixMicros(1_780_000_123_456_000 + i);
        let mut superseded = Vec::new();
        let mut kept = Vec::new();
        for (i, voter) in voters.iter().chain([&with_email]).enumerate() {
            let first = seal(format!("first-{i}").as_bytes());
            db.cast(
                CastBallot { now: time(i as i64), ..cast(election, *voter, &first) },
                None,
                Some(prints(&format!("{i}"))),
            )
            .await
            .unwrap();
            if i == 0 {
                // Voter 0 votes again: the first ballot is superseded.
                let second = seal(b"second-0");
                db.cast(
                    CastBallot { now: time(10), ..cast(election, *voter, &second) },
                    None,
                    Some(prints("again")),
                )
                .await
                .unwrap();
                superseded.push(first);
                kept.push(second);
            } else {
                kept.push(first);
            }
        }
        // Voter 1's ballot is struck: superseded too (it no longer counts).
        db.strike_ballot(election, voters[1], "same browser as another voter").await.unwrap();
        superseded.push(kept.remove(1));
        // A voter's web session for this election, one for another election, a staff one.
        let session = |key: &str, principal: serde_json::Value| WebSessionRow {
            key: WebSessionKey::parse(key).unwrap(),
            principal: Some(principal),
            csrf_token: format!("csrf-{}", &key[..6]),
            expires_at: UnixMicros(T0.0 + 3_600_000_000),
        };
        let voter_key = "a".repeat(64);
        let other_key = "b".repeat(64);
        let staff_key = "c".repeat(64);
        db.save_web_session(&session(&voter_key, json!({"kind": "voter", "election": "purged", "voter": "1", "link": "x"}))).await.unwrap();
        db.save_web_session(&session(&other_key, json!({"kind": "voter", "election": "elsewhere", "voter": "9", "link": "y"}))).await.unwrap();
        db.save_web_session(&session(&staff_key, json!({"kind": "staff", "account": "1"}))).await.unwrap();
        db.transition_election(election, "open", "published", T0).await.unwrap();

        let mut tx = db.begin_write().await.unwrap();
        let (counts, first) = tx.purge_private_data(election, "purged", true, T0).await.unwrap();
        tx.commit_audited(NewAuditEntry {
            election: Some(election),
            at: T0,
            actor: "system",
            action: "private_data_purged",
            details: &json!({}),
        })
        .await
        .unwrap();
        assert!(first);
        // 5 submissions (4 first casts and a revote), 5 vote times, 2 superseded ballots (the
        // revoted and the struck), 1 voter session, 1 e-mail address.
        assert_eq!(
            (counts.submissions, counts.vote_times, counts.superseded_ballots, counts.voter_sessions, counts.voter_emails),
            (5, 5, 2, 1, 1)
        );

        let mut leftovers = Vec::new();
        for tag in ["0", "1", "2", "3", "again"] {
            for needle in [
                prints(tag).network.to_vec(),
                prints(tag).agent.to_vec(),
                prints(tag).cookie.to_vec(),
                prints(tag).sealed_raw,
            ] {
                leftovers.extend(found(db, &needle).await);
            }
        }
        for i in [0, 1, 2, 3, 10] {
            leftovers.extend(found(db, time(i).0.to_string().as_bytes()).await);
        }
        for ballot in &superseded {
            leftovers.extend(found(db, ballot).await);
        }
        leftovers.extend(found(db, b"mailed@example.org").await);
        leftovers.extend(found(db, voter_key.as_bytes()).await);
        assert!(leftovers.is_empty(), "private data left after the purge: {leftovers:?}");

        // What stays: the counted ballots, the other sessions, the audit entry.
        let counted: Vec<Vec<u8>> = db.counted_ballots(election).await.unwrap().into_iter().map(|b| b.sealed).collect();
        assert_eq!(counted.len(), kept.len());
        assert!(kept.iter().all(|k| counted.contains(k)));
        assert!(!found(db, other_key.as_bytes()).await.is_empty(), "another election's voter session stays");
        assert!(!found(db, staff_key.as_bytes()).await.is_empty(), "staff sessions stay");
        assert_eq!(db.audit_log(Some(election)).await.unwrap().len(), 1);
        assert_eq!(db.purged_at(election).await.unwrap(), Some(T0));

        // Again: nothing more to delete, and the claim is taken.
        let mut tx = db.begin_write().await.unwrap();
        let (again, first) = tx.purge_private_data(election, "purged", true, UnixMicros(T0.0 + 1)).await.unwrap();
        drop(tx);
        assert!(!first);
        assert_eq!(again, urna_store::PurgeCounts::default());
        assert_eq!(db.purged_at(election).await.unwrap(), Some(T0));
    }
}
