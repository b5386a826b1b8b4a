//! Scrutiny's service layer on SQLite and PostgreSQL: fingerprints stored by the cast, clusters,
//! raw values that open only with the server key, and the scheduled purge: not before it is
//! due, then exactly once (one audit entry) when two servers run it at the same moment.

// Integration tests are separate crates: `allow-unwrap-in-tests` does not reach their helpers.
#![allow(clippy::unwrap_used)]

use jiff::{SignedDuration, Timestamp};
use urna_core::ballot::{Answer, PlainBallot};
use urna_core::election::ElectionSpec;
use urna_core::question::CandidateId;
use urna_store::{Db, VoterId};
use urna_web::auth::server_key::ServerSecretKey;
use urna_web::service::scrutiny::{
    self, BrowserId, CHECKUSER_VIEWED, PURGED, Submission, fingerprint,
};
use urna_web::service::{self, Actor, ServiceError, elections, lifecycle, voters, voting};

#[path = "support/ceremony.rs"]
mod ceremony;
#[path = "support/test_db.rs"]
mod test_db;
use test_db::TestDb;

macro_rules! on_both {
    (async fn $name:ident($db:ident) $body:block) => {
        mod $name {
            use super::*;

            async fn case($db: &Db) $body

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let test = TestDb::sqlite().await;
                case(&test.db).await;
                test.teardown().await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(test) = TestDb::postgres("scrutiny").await else { return };
                case(&test.db).await;
                test.teardown().await;
            }
        }
    };
}

const SLUG: &str = "scrutinised";

fn spec(now: Timestamp) -> ElectionSpec {
    let name = |n: &str| serde_json::json!({"default": "en", "texts": {"en": n}});
    let cands = |names: &[&str]| -> Vec<serde_json::Value> {
        names
            .iter()
            .map(|n| serde_json::json!({"id": n.to_lowercase(), "name": name(n)}))
            .collect()
    };
    serde_json::from_value(serde_json::json!({
        "id": urna_core::election::ElectionId::generate().unwrap(),
        "slug": SLUG, "languages": ["en"], "title": name("Scrutinised"),
        "allow_revote": true,
        "window": {
            "opens": now.checked_add(SignedDuration::from_secs(3600)).unwrap(),
            "closes": now.checked_add(SignedDuration::from_hours(48)).unwrap(),
            "zone": "AoE"
        },
        "questions": [
            {"id": "board", "title": name("Board"), "description": null,
             "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
             "method": "meek", "seats": 1, "options": cands(&["Ann", "Bob"])}
        ]
    }))
    .unwrap()
}

fn ballot() -> PlainBallot {
    PlainBallot {
        answers: vec![Answer::Ranking(vec![vec![
            CandidateId::parse("ann").unwrap(),
        ]])],
    }
}

fn submission(address: &str, agent: &str, cookie: &str) -> Submission {
    Submission {
        address: Some(address.parse().unwrap()),
        user_agent: agent.to_owned(),
        browser: BrowserId::parse(cookie).unwrap(),
    }
}

/// An open election; voters a, b, c (names sorted as the upload issues them).
async fn open(db: &Db, now: Timestamp) -> Vec<VoterId> {
    elections::create_election(db, spec(now), None, Actor::System, now)
        .await
        .unwrap();
    let upload = voters::upload_voters(db, SLUG, "voter\na\nb\nc\n", Actor::System, now)
        .await
        .unwrap();
    ceremony::key_ceremony(db, SLUG, 2, 3, now).await;
    lifecycle::mark_ready(db, SLUG, Actor::System, now)
        .await
        .unwrap();
    lifecycle::open(db, SLUG, Actor::System, now).await.unwrap();
    let mut links: Vec<_> = upload
        .issued
        .iter()
        .map(|l| (l.voter.clone(), l.voter_id))
        .collect();
    links.sort();
    links.into_iter().map(|(_, id)| id).collect()
}

async fn cast(db: &Db, key: &ServerSecretKey, voter: VoterId, from: &Submission, now: Timestamp) {
    let loaded = service::load(db, SLUG).await.unwrap();
    let prints = fingerprint(key, &loaded, voter, from).unwrap();
    voting::cast_in(
        db,
        &loaded,
        voter,
        ballot(),
        Some(prints),
        now,
        &mut urna_crypto::os_rng(),
    )
    .await
    .unwrap();
}

on_both! {
    async fn clusters_raw_values_and_a_purge_run_by_two_servers_at_once(db) {
        let now = Timestamp::now();
        let key = ServerSecretKey::generate().unwrap();
        let ids = open(db, now).await;
        let shared = "00112233445566778899aabbccddeeff";
        cast(db, &key, ids[0], &submission("198.51.100.1", "Same/1", shared), now).await;
        cast(db, &key, ids[1], &submission("198.51.100.2", "Same/1", shared), now).await;
        cast(db, &key, ids[2], &submission("192.0.2.1", "Other/1", "ffeeddccbbaa99887766554433221100"), now).await;
        // a revotes from home.
        cast(db, &key, ids[0], &submission("2001:db8::1", "Same/1", shared), now).await;

        let clusters = scrutiny::clusters(db, SLUG, Actor::System, now).await.unwrap();
        assert_eq!(clusters.len(), 1);
        let names: Vec<&str> = clusters[0].voters.iter().map(|v| v.voter.as_str()).collect();
        assert_eq!(names, ["a", "b"]);

        let raw = scrutiny::reveal(db, &key, SLUG, &["a".to_owned()], "report 7", Actor::System, now)
            .await
            .unwrap();
        let addresses: Vec<Option<&str>> = raw.iter().map(|r| r.address.as_deref()).collect();
        assert_eq!(addresses, [Some("198.51.100.1"), Some("2001:db8::1")]);
        // Another server key opens nothing (and the attempt is still logged first).
        let other = ServerSecretKey::generate().unwrap();
        let refused = scrutiny::reveal(db, &other, SLUG, &["a".to_owned()], "report 8", Actor::System, now).await;
        assert!(matches!(refused, Err(ServiceError::Corrupt { .. })), "{refused:?}");
        let loaded = service::load(db, SLUG).await.unwrap();
        let audit = db.audit_log(Some(loaded.row_id)).await.unwrap();
        assert_eq!(audit.iter().filter(|e| e.action == CHECKUSER_VIEWED).count(), 2);

        // Closed now: due 90 days later, not before.
        let closed = now.checked_add(SignedDuration::from_secs(1)).unwrap();
        lifecycle::close(db, SLUG, Actor::System, closed).await.unwrap();
        let ninety = SignedDuration::from_hours(90 * 24);
        let day_89 = now.checked_add(SignedDuration::from_hours(89 * 24)).unwrap();
        assert!(scrutiny::run_due_purges(db, ninety, day_89).await.unwrap().is_empty());
        assert_eq!(db.submission_prints(loaded.row_id).await.unwrap().len(), 4);
        // Two servers' schedulers at the same moment: one purge, one audit entry.
        let day_91 = now.checked_add(SignedDuration::from_hours(91 * 24)).unwrap();
        let (first, second) = tokio::join!(
            scrutiny::run_due_purges(db, ninety, day_91),
            scrutiny::run_due_purges(db, ninety, day_91)
        );
        let purged = [first.unwrap(), second.unwrap()].concat();
        assert_eq!(purged, [SLUG.to_owned()]);
        let audit = db.audit_log(Some(loaded.row_id)).await.unwrap();
        assert_eq!(audit.iter().filter(|e| e.action == PURGED).count(), 1);
        assert!(db.submission_prints(loaded.row_id).await.unwrap().is_empty());
        assert!(db.voters_who_voted(loaded.row_id).await.unwrap().iter().all(|v| v.last_voted_at.is_none()));
        // Later runs find nothing to do.
        assert!(scrutiny::run_due_purges(db, ninety, day_91).await.unwrap().is_empty());
        let audit = db.audit_log(Some(loaded.row_id)).await.unwrap();
        assert_eq!(audit.iter().filter(|e| e.action == PURGED).count(), 1);
    }
}
