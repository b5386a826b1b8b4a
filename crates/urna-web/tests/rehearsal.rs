//! The rehearsal (issue 7) on SQLite and on PostgreSQL (`URNA_TEST_PG_URL`; skipped with a
//! message when unset): a clean election passes, with results, through a real throwaway server
//! whose directory is gone afterwards and without a change to the real election's rows; every
//! planted problem is found; marking ready is gated on a passed rehearsal or a logged override.

// Integration tests are separate crates: `allow-unwrap-in-tests` does not reach their helpers.
#![allow(clippy::unwrap_used)]

use jiff::Timestamp;
use urna_core::election::ElectionSpec;
use urna_core::rehearsal::Severity;
use urna_store::Db;
use urna_web::config::{MailFrom, SmtpConfig, SmtpTls};
use urna_web::service::rehearsal::{
    self, Progress, RehearsalOptions, RehearsalOverride, RehearsalReport,
};
use urna_web::service::{Actor, ServiceError, elections, voters};

#[path = "support/ceremony.rs"]
mod ceremony;
#[path = "support/test_db.rs"]
mod test_db;
use test_db::TestDb;

macro_rules! on_both {
    (async fn $name:ident($db:ident) $body:block) => {
        mod $name {
            #[allow(unused_imports)]
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
                let Some(test) = TestDb::postgres("rehearsal").await else { return };
                case(&test.db).await;
                test.teardown().await;
            }
        }
    };
}

fn t(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// Now, in the tests' world: before every window below opens.
const NOW: &str = "2030-01-01T00:00:00Z";

/// A clean election in English and French, voting 2030-01-10 12:00 to 2030-01-20 12:00 UTC:
/// an approval question (3 options, 1 seat) and a Meek STV question (4 candidates, 2 seats).
fn clean_spec(slug: &str) -> serde_json::Value {
    let tr =
        |en: &str, fr: &str| serde_json::json!({"default": "en", "texts": {"en": en, "fr": fr}});
    let options = |names: &[&str]| -> Vec<serde_json::Value> {
        names
            .iter()
            .map(|n| serde_json::json!({"id": n.to_lowercase(), "name": tr(n, n)}))
            .collect()
    };
    serde_json::json!({
        "id": urna_core::election::ElectionId::generate().unwrap(),
        "slug": slug,
        "languages": ["en", "fr"],
        "title": tr("Board election", "Élection du conseil"),
        "window": {"opens": "2030-01-10T12:00:00Z", "closes": "2030-01-20T12:00:00Z", "zone": "UTC"},
        "questions": [
            {"id": "logo", "title": tr("Logo", "Logo"), "description": null,
             "ballot_type": {"type": "approval", "min": 0, "max": 3}, "method": "approval",
             "seats": 1, "options": options(&["Owl", "Box", "Tree"])},
            {"id": "board", "title": tr("Board", "Conseil"), "description": null,
             "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
             "method": "meek", "seats": 2, "options": options(&["Ann", "Bob", "Cleo", "Dev"])}
        ]
    })
}

async fn create(db: &Db, spec: serde_json::Value, voter_csv: Option<&str>) {
    let spec: ElectionSpec = serde_json::from_value(spec).unwrap();
    let slug = spec.slug.to_string();
    elections::create_election(db, spec, None, Actor::System, t(NOW))
        .await
        .unwrap();
    if let Some(csv) = voter_csv {
        voters::upload_voters(db, &slug, csv, Actor::System, t(NOW))
            .await
            .unwrap();
    }
}

fn voter_csv(n: usize) -> String {
    let mut csv = String::from("voter\n");
    for i in 1..=n {
        csv.push_str(&format!("voter-{i}\n"));
    }
    csv
}

/// Everything about the real election a rehearsal must leave as it was.
async fn snapshot(db: &Db, slug: &str) -> serde_json::Value {
    let row = db.election_by_slug(slug).await.unwrap().unwrap();
    let voters: Vec<serde_json::Value> = db
        .voters(row.id)
        .await
        .unwrap()
        .into_iter()
        .map(|v| serde_json::json!([v.identifier, v.weight, v.revoked, v.voted]))
        .collect();
    let turnout = db.turnout(row.id).await.unwrap();
    serde_json::json!({
        "definition": row.definition,
        "state": row.state,
        "revision": row.revision,
        "key": row.public_key,
        "voters": voters,
        "voted": turnout.voted,
        "frozen": db.latest_frozen_set(row.id).await.unwrap().is_some(),
        "results": db.results(row.id, false).await.unwrap().len(),
    })
}

async fn run(db: &Db, slug: &str, now: &str, scratch: &std::path::Path) -> RehearsalReport {
    let options = RehearsalOptions {
        max_voters: None,
        scratch_parent: Some(scratch.to_owned()),
    };
    let steps = std::sync::Mutex::new(Vec::new());
    let progress = |p: Progress| steps.lock().unwrap().push(p.step);
    let report = rehearsal::rehearse(db, slug, None, &options, &progress, t(now))
        .await
        .unwrap();
    // The copy's directory is gone: nothing is left under the parent it was made in.
    let left: Vec<_> = std::fs::read_dir(scratch).unwrap().collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    let steps = steps.into_inner().unwrap();
    assert_eq!(steps.first(), Some(&"copy"), "{steps:?}");
    report
}

fn codes(report: &RehearsalReport) -> Vec<&'static str> {
    report.findings.iter().map(|f| f.kind.code()).collect()
}

on_both! {
    async fn a_clean_election_passes_on_a_copy_and_the_real_one_is_untouched(db) {
        create(db, clean_spec("clean"), Some(&voter_csv(12))).await;
        // The real 2-of-3 ceremony: the copy runs one of the same shape.
        ceremony::key_ceremony(db, "clean", 2, 3, t(NOW)).await;
        let before = snapshot(db, "clean").await;
        let scratch = tempfile::tempdir().unwrap();
        let report = run(db, "clean", NOW, scratch.path()).await;
        assert!(report.passed, "{}", report.render());
        assert!(report.findings.iter().all(|f| f.severity != Severity::Error), "{:?}", report.findings);
        // 12 voters, each with one accepted ballot through the HTTP stack.
        assert_eq!((report.voters, report.ballots), (12, 12), "{}", report.render());
        // Each question's count fills its seats: 1 for the logo, 2 for the board, elected
        // among its own options.
        let seats: Vec<(String, usize, usize)> = report
            .results
            .iter()
            .map(|r| (r.question.clone(), r.seats, r.elected.len()))
            .collect();
        assert_eq!(seats, [("logo".into(), 1, 1), ("board".into(), 2, 2)]);
        assert!(report.results[1].elected.iter().all(|n| ["Ann", "Bob", "Cleo", "Dev"].contains(&n.as_str())));
        let steps: Vec<&str> = report.timings.iter().map(|s| s.step.as_str()).collect();
        assert_eq!(steps, ["copy", "key ceremony", "voting", "close and freeze", "decryption", "count"]);
        assert_eq!(snapshot(db, "clean").await, before, "the real election changed");

        // Recorded, it passes the gate at this revision: ready without an override, and no
        // override in the log.
        rehearsal::record(db, &report, None, t(NOW)).await.unwrap();
        rehearsal::mark_ready_gated(db, "clean", None, Actor::System, t(NOW)).await.unwrap();
        let row = db.election_by_slug("clean").await.unwrap().unwrap();
        assert_eq!(row.state, "ready");
        let log = db.audit_log(Some(row.id)).await.unwrap();
        assert!(log.iter().all(|e| e.action != "rehearsal_overridden"));
    }
}

on_both! {
    async fn planted_problems_are_each_found(db) {
        let mut spec = clean_spec("planted");
        // Missing translation: Bob's name has no French.
        spec["questions"][1]["options"][1]["name"] =
            serde_json::json!({"default": "en", "texts": {"en": "Bob"}});
        // Too long for BLT (101 characters), and a line break.
        spec["questions"][1]["options"][2]["name"]["texts"]["fr"] =
            serde_json::Value::String("C".repeat(101));
        spec["questions"][1]["options"][3]["name"]["texts"]["en"] =
            serde_json::Value::String("Dev\nDevi".into());
        // Two of the board's 4 candidates withdrawn, for 2 seats: uncontested. The logo
        // question gets 2 seats and keeps 1 of its 3 options: fewer candidates than seats,
        // and the count fills 1 of the 2 seats.
        spec["questions"][1]["options"][0]["withdrawn"] = serde_json::json!(true);
        spec["questions"][1]["options"][1]["withdrawn"] = serde_json::json!(true);
        spec["questions"][0]["seats"] = serde_json::json!(2);
        spec["questions"][0]["options"][0]["withdrawn"] = serde_json::json!(true);
        spec["questions"][0]["options"][1]["withdrawn"] = serde_json::json!(true);
        // One voter with an e-mail address: links are mailed, and this server has no SMTP.
        create(db, spec, Some("voter,email\nv1,v1@example.org\nv2,\n")).await;
        let scratch = tempfile::tempdir().unwrap();
        // Rehearsed after the end of voting (2030-01-20 12:00 UTC): the deadline has passed.
        let report = run(db, "planted", "2030-01-21T00:00:00Z", scratch.path()).await;
        let found = codes(&report);
        for code in [
            "deadline-in-past",
            "missing-translation",
            "name-too-long-for-blt",
            "name-unfit-for-blt",
            "uncontested",
            "fewer-candidates-than-seats",
            "mail-unreachable",
            // The logo question's count fills 1 of 2 seats.
            "seats-left-empty",
        ] {
            assert!(found.contains(&code), "{code} not in {found:?}: {}", report.render());
        }
        assert!(!report.passed);
        assert!(!found.contains(&"step-failed"), "{}", report.render());
    }
}

on_both! {
    async fn empty_lists_and_lists_of_the_ineligible_are_found(db) {
        create(db, clean_spec("empty"), None).await;
        create(db, clean_spec("revoked"), Some(&voter_csv(2))).await;
        let row = db.election_by_slug("revoked").await.unwrap().unwrap();
        for v in db.voters(row.id).await.unwrap() {
            db.set_voter_revoked(v.id, true).await.unwrap();
        }
        let scratch = tempfile::tempdir().unwrap();
        let empty = run(db, "empty", NOW, scratch.path()).await;
        assert!(codes(&empty).contains(&"no-voters"), "{:?}", codes(&empty));
        // The copy still walks the path with one synthetic voter.
        assert_eq!((empty.voters, empty.ballots), (1, 1), "{}", empty.render());
        let revoked = run(db, "revoked", NOW, scratch.path()).await;
        assert!(codes(&revoked).contains(&"nobody-eligible"), "{:?}", codes(&revoked));
    }
}

on_both! {
    async fn an_unreachable_mail_server_is_found_without_sending(db) {
        create(db, clean_spec("mail"), Some("voter,email\nv1,v1@example.org\n")).await;
        // Nothing listens on port 1 of the loopback address: the connection is refused.
        let smtp = SmtpConfig {
            host: "127.0.0.1".into(),
            port: 1,
            username: None,
            password: None,
            from: MailFrom::parse("Urna <elections@vote.test>").unwrap(),
            tls: SmtpTls::None,
        };
        let mailer = urna_web::mail::Mailer::new(&smtp, "http://vote.test".into()).unwrap();
        let scratch = tempfile::tempdir().unwrap();
        let options = RehearsalOptions { max_voters: Some(1), scratch_parent: Some(scratch.path().to_owned()) };
        let report = rehearsal::rehearse(db, "mail", Some(&mailer), &options, &|_| {}, t(NOW))
            .await
            .unwrap();
        let mail: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.kind.code() == "mail-unreachable")
            .map(|f| f.kind.to_string())
            .collect();
        assert_eq!(mail.len(), 1, "{:?}", report.findings);
        assert!(mail[0].contains("127.0.0.1:1"), "{}", mail[0]);
        // --voters 1: one synthetic voter although the list could give more.
        assert_eq!(report.voters, 1);
    }
}

on_both! {
    async fn marking_ready_without_a_passed_rehearsal_needs_a_logged_override(db) {
        create(db, clean_spec("gate"), Some(&voter_csv(2))).await;
        ceremony::key_ceremony(db, "gate", 1, 1, t(NOW)).await;
        let refused = rehearsal::mark_ready_gated(db, "gate", None, Actor::System, t(NOW)).await;
        assert!(matches!(refused, Err(ServiceError::NotRehearsed { .. })), "{refused:?}");
        // A failed rehearsal at this revision does not open the gate either.
        let row = db.election_by_slug("gate").await.unwrap().unwrap();
        db.record_rehearsal(row.id, None, row.revision, false, &serde_json::json!({}), urna_store::UnixMicros(0))
            .await
            .unwrap();
        let refused = rehearsal::mark_ready_gated(db, "gate", None, Actor::System, t(NOW)).await;
        assert!(matches!(refused, Err(ServiceError::NotRehearsed { .. })), "{refused:?}");
        assert!(RehearsalOverride::parse("   ").is_err());
        let reason = RehearsalOverride::parse("the venue's network is down; rehearsed by hand").unwrap();
        rehearsal::mark_ready_gated(db, "gate", Some(&reason), Actor::System, t(NOW)).await.unwrap();
        let log = db.audit_log(Some(row.id)).await.unwrap();
        let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
        // The override is logged right before the move to ready, in the same act.
        let at = actions.iter().position(|a| *a == "rehearsal_overridden").unwrap();
        assert_eq!(actions[at + 1], "state_changed", "{actions:?}");
        let details: serde_json::Value = serde_json::from_str(&log[at].details).unwrap();
        assert_eq!(details["reason"], "the venue's network is down; rehearsed by hand");
        assert_eq!(details["revision"], row.revision);
        assert_eq!(db.election_by_slug("gate").await.unwrap().unwrap().state, "ready");
    }
}
