//! The public board kept by the service, end to end on SQLite and PostgreSQL: an election
//! opens (set-up, voter roll), ballots are published in batches, strikes and revotes reach
//! the board, the election closes and its ballots freeze; the downloaded record's chain, tree
//! heads and counted set check out with urna-crypto's reader, and a consistency proof from an
//! early size holds.

// Integration tests are separate crates: `allow-unwrap-in-tests` does not reach their helpers.
#![allow(clippy::unwrap_used)]

use futures_util::TryStreamExt;
use jiff::Timestamp;
use urna_core::ballot::{Answer, PlainBallot};
use urna_core::election::ElectionSpec;
use urna_core::question::CandidateId;
use urna_crypto::board::{self as crypto_board, TreeHead};
use urna_crypto::os_rng;
use urna_crypto::record::{EventBody, counted_ballots, read_record, setup_of};
use urna_store::{Db, VoterId};
use urna_web::auth::server_key::ServerSecretKey;
use urna_web::service::board::{self, CatchUp};
use urna_web::service::{Actor, admin, counting, elections, lifecycle, voters, voting};

#[path = "support/ceremony.rs"]
mod ceremony;
#[path = "support/test_db.rs"]
mod test_db;
use test_db::TestDb;

macro_rules! on_both {
    ($(#[$meta:meta])* async fn $name:ident($db:ident) $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn case($db: &Db) $body

            $(#[$meta])*
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let test = TestDb::sqlite().await;
                case(&test.db).await;
                test.teardown().await;
            }

            $(#[$meta])*
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(test) = TestDb::postgres("board").await else { return };
                case(&test.db).await;
                test.teardown().await;
            }
        }
    };
}

const SLUG: &str = "boarded";

fn cid(s: &str) -> CandidateId {
    CandidateId::parse(s).unwrap()
}

/// A ballot: approve `approve` on "logo", rank Ann then Bob on "board".
fn ballot(approve: &str) -> PlainBallot {
    PlainBallot {
        answers: vec![
            Answer::Approvals(vec![cid(approve)]),
            Answer::Ranking(vec![vec![cid("ann")], vec![cid("bob")]]),
        ],
    }
}

/// An election with an approval and a ranked question (so sealed ballots), three voters, a
/// 2-of-3 key ceremony, opened at `now`.
async fn open_election(db: &Db, now: Timestamp) -> Vec<VoterId> {
    let id = urna_core::election::ElectionId::generate().unwrap();
    let name = |n: &str| serde_json::json!({"default": "en", "texts": {"en": n}});
    let cands = |names: &[&str]| -> Vec<serde_json::Value> {
        names
            .iter()
            .map(|n| serde_json::json!({"id": n.to_lowercase(), "name": name(n)}))
            .collect()
    };
    let spec: ElectionSpec = serde_json::from_value(serde_json::json!({
        "id": id, "slug": SLUG, "languages": ["en"], "title": name("Board election"),
        "window": {
            "opens": now.checked_add(jiff::SignedDuration::from_secs(60)).unwrap(),
            "closes": now.checked_add(jiff::SignedDuration::from_hours(24)).unwrap(),
            "zone": "Europe/Berlin"
        },
        "questions": [
            {"id": "logo", "title": name("Logo"), "description": null,
             "ballot_type": {"type": "approval", "min": 0, "max": 3}, "method": "approval",
             "seats": 1, "options": cands(&["Owl", "Box", "Tree"])},
            {"id": "board", "title": name("Board"), "description": null,
             "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
             "method": "meek", "seats": 2, "options": cands(&["Ann", "Bob", "Cleo"])}
        ]
    }))
    .unwrap();
    elections::create_election(db, spec, None, Actor::System, now)
        .await
        .unwrap();
    let upload = voters::upload_voters(db, SLUG, "voter\nv0\nv1\nv2\n", Actor::System, now)
        .await
        .unwrap();
    ceremony::key_ceremony(db, SLUG, 2, 3, now).await;
    lifecycle::mark_ready(db, SLUG, Actor::System, now)
        .await
        .unwrap();
    lifecycle::open(db, SLUG, Actor::System, now).await.unwrap();
    upload.issued.iter().map(|l| l.voter_id).collect()
}

async fn catch_up(db: &Db, key: &ServerSecretKey) -> CatchUp {
    let loaded = elections::load_election(db, SLUG).await.unwrap();
    board::catch_up(db, key, &loaded, &mut os_rng())
        .await
        .unwrap()
}

async fn download(db: &Db) -> String {
    let loaded = elections::load_election(db, SLUG).await.unwrap();
    let pages: Vec<String> = board::record_stream(db.clone(), loaded.row_id)
        .try_collect()
        .await
        .unwrap();
    pages.concat()
}

fn types(record: &str) -> Vec<String> {
    record
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            value["type"].as_str().unwrap().to_owned()
        })
        .collect()
}

on_both!(
    async fn the_board_follows_an_election_from_opening_to_the_freeze(db) {
        let now: Timestamp = "2030-03-01T10:00:00Z".parse().unwrap();
        let key = ServerSecretKey::generate().unwrap();
        let voters = open_election(db, now).await;
        let mut rng = os_rng();

        // Opening: set-up, voter roll, tree head; a second run adds nothing.
        let first = catch_up(db, &key).await;
        assert!(first.opened && first.ballots == 0 && !first.ended);
        assert_eq!(catch_up(db, &key).await, CatchUp::default());
        assert_eq!(types(&download(db).await), ["setup", "voter_roll", "tree_head"]);

        // Three ballots: one batch of three and its tree head.
        for (voter, approve) in voters.iter().zip(["owl", "box", "tree"]) {
            voting::cast(db, SLUG, *voter, ballot(approve), now, &mut rng).await.unwrap();
        }
        assert_eq!(catch_up(db, &key).await.ballots, 3);
        let after_batch = download(db).await;
        assert_eq!(types(&after_batch)[3..], ["ballot", "ballot", "ballot", "tree_head"]);

        // v0's published ballot is struck: the act appends the strike itself. v0 and v1 vote
        // again; v1's new ballot is struck before it is published (the board already names
        // v1's credential, so the act appends that strike too).
        admin::strike(db, SLUG, "v0", "voted twice", Actor::System, now).await.unwrap();
        assert_eq!(types(&download(db).await)[7], "strike");
        voting::cast(db, SLUG, voters[0], ballot("box"), now, &mut rng).await.unwrap();
        voting::cast(db, SLUG, voters[1], ballot("owl"), now, &mut rng).await.unwrap();
        admin::strike(db, SLUG, "v1", "identity doubt", Actor::System, now).await.unwrap();
        assert_eq!(types(&download(db).await)[8], "strike");
        // The next batch: v0's new ballot needs an unstrike first (v0 is struck on the board
        // but its new ballot counts); v1's is struck on the board already: no event.
        assert_eq!(catch_up(db, &key).await.ballots, 2);
        let mut batch: Vec<String> = types(&download(db).await)[9..12].to_vec();
        batch.sort();
        assert_eq!(batch, ["ballot", "ballot", "unstrike"]);
        assert_eq!(types(&download(db).await)[12], "tree_head");

        // Closing, then the freeze.
        let later = now.checked_add(jiff::SignedDuration::from_hours(1)).unwrap();
        lifecycle::close(db, SLUG, Actor::System, later).await.unwrap();
        let closed = catch_up(db, &key).await;
        assert!(closed.ended && !closed.frozen);
        counting::freeze(db, SLUG, Actor::System, later, &mut rng).await.unwrap();
        assert!(catch_up(db, &key).await.frozen);
        assert_eq!(catch_up(db, &key).await, CatchUp::default());

        let record = download(db).await;
        assert_eq!(
            types(&record)[13..],
            ["tree_head", "end_ballots", "tree_head", "strikes_frozen", "tree_head"]
        );
        // The record as an outsider reads it: the chain (read_record checks heights and
        // parents), every tree head's root and signature, the counted set.
        let events = read_record(&record).unwrap();
        assert_eq!(events.len(), 18);
        let setup = setup_of(&events).unwrap();
        let leaves: Vec<urna_crypto::Digest> = record
            .lines()
            .map(|line| crypto_board::leaf_hash(line.as_bytes()))
            .collect();
        let mut heads = 0;
        for event in &events {
            if let EventBody::TreeHead(head) = &event.body {
                let head: &TreeHead = head;
                assert_eq!(head.size, event.height, "a tree head covers the events before it");
                assert_eq!(head.root, crypto_board::root(&leaves[..event.height as usize]));
                head.verify(&setup.board_key, &setup.election_digest).unwrap();
                heads += 1;
            }
        }
        assert_eq!(heads, 6);
        // Hand count: v0's second ballot (unstruck on the board before it), v2's ballot; v1
        // struck. Two ballots of weight 1.
        assert_eq!(counted_ballots(&events).unwrap().len(), 2);
        let frozen = record.lines().nth(16).unwrap();
        assert!(frozen.contains(r#""body":{"counted":2,"weight":2}"#), "{frozen}");
        let ended = record.lines().nth(14).unwrap();
        assert!(ended.contains(r#""body":{"ballots":5}"#), "{ended}");

        // The board only grew: the service's consistency proof from size 3 (the opening)
        // to the end verifies against roots computed here from the downloaded lines.
        let loaded = elections::load_election(db, SLUG).await.unwrap();
        let proof = board::consistency(db, &loaded, 3, 18).await.unwrap();
        assert!(crypto_board::verify_consistency(
            3,
            18,
            &crypto_board::root(&leaves[..3]),
            &crypto_board::root(&leaves),
            &proof.proof
        ));
        assert!(board::consistency(db, &loaded, 0, 18).await.is_err());
        assert!(board::consistency(db, &loaded, 5, 19).await.is_err());
    }
);
