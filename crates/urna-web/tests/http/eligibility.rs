//! The public eligibility page: the decision for one wiki account from the kept snapshot,
//! showing only the failed rule's values and the appeal, and rate-limited like sign-in.

// The set-up helper is outside #[test] functions: a failed step should stop the test loudly.
#![allow(clippy::unwrap_used)]

use jiff::Timestamp;
use serde_json::json;
use urna_core::election::ElectionSpec;
use urna_core::wiki_eligibility::{
    AccountFacts, ElectionEligibility, EligibilityRules, RulesSpec, WikiAccount, WikiId,
};
use urna_store::{NewSnapshotRow, UnixMicros};
use urna_web::service::{Actor, elections, eligibility};

use crate::helpers::TestApp;

/// Election "wiki-vote" with the rule "at least 3 edits", and a snapshot of two accounts:
/// Ann (500 edits, registered 2015-03-01) and Few (2 edits, registered 2015-03-01).
async fn app_with_snapshot(burst: u32) -> TestApp {
    let app = TestApp::builder()
        .with_config(|c| {
            c.rate_limit.burst = burst;
            c.rate_limit.replenish_seconds = 60;
        })
        .build()
        .await;
    let id = urna_core::election::ElectionId::generate().unwrap();
    let name = |n: &str| json!({"default": "en", "texts": {"en": n}});
    let spec: ElectionSpec = serde_json::from_value(json!({
        "id": id, "slug": "wiki-vote", "languages": ["en"], "title": name("Board"),
        "window": {"opens": "2030-01-10T12:00:00Z", "closes": "2030-01-20T12:00:00Z", "zone": "UTC"},
        "questions": [{"id": "q", "title": name("Q"), "description": null,
            "ballot_type": {"type": "approval", "min": 0, "max": 1}, "method": "approval",
            "seats": 1, "options": [{"id": "a", "name": name("A")}, {"id": "b", "name": name("B")}]}]
    }))
    .unwrap();
    let now = Timestamp::now();
    let loaded = elections::create_election(&app.db, spec, None, Actor::System, now)
        .await
        .unwrap();
    let rules = ElectionEligibility {
        wikis: vec![WikiId::parse("enwiki").unwrap()],
        cutoff: now,
        voters: EligibilityRules::new(RulesSpec {
            min_edits: Some(3),
            appeal: Some("Write to the election committee.".into()),
            ..RulesSpec::default()
        })
        .unwrap(),
        candidates: None,
    };
    eligibility::set_rules(&app.db, "wiki-vote", &rules, Actor::System, now)
        .await
        .unwrap();
    for (who, edits) in [("Ann@enwiki", 500), ("Few@enwiki", 2)] {
        let facts = AccountFacts {
            exists: true,
            edit_count: edits,
            registration: Some("2015-03-01T00:00:00Z".parse().unwrap()),
            ..AccountFacts::missing(WikiAccount::parse(who).unwrap())
        };
        let decision = rules.voters.decide(&facts);
        app.db
            .add_snapshot_rows(
                loaded.row_id,
                &[NewSnapshotRow {
                    account: who,
                    facts: &serde_json::to_value(&facts).unwrap(),
                    voter_decision: &serde_json::to_value(&decision).unwrap(),
                    voter_eligible: decision.is_eligible(),
                    candidate_decision: None,
                }],
                UnixMicros(1_780_000_000_000_000),
            )
            .await
            .unwrap();
    }
    app
}

async fn look_up(app: &TestApp, account: &str) -> crate::helpers::TestResponse {
    let form = app.get("/elections/wiki-vote/eligibility").await;
    assert_eq!(form.status, 200);
    let cookie = format!("urna_session={}", form.session_cookie().unwrap());
    let body = format!("csrf_token={}&account={account}", form.csrf_token());
    app.post_form(
        "/elections/wiki-vote/eligibility",
        &body,
        &[("cookie", &cookie)],
    )
    .await
}

/// Fluent wraps arguments in bidi isolates; the tests read the text without them.
fn text(body: &str) -> String {
    body.replace(['\u{2068}', '\u{2069}'], "")
}

#[tokio::test]
async fn a_refused_account_sees_the_failed_rule_its_own_count_and_the_appeal() {
    let app = app_with_snapshot(10).await;
    let few = look_up(&app, "Few%40enwiki").await;
    assert_eq!(few.status, 200);
    let body = text(&few.body);
    assert!(
        body.contains("Few@enwiki may not vote in this election."),
        "{body}"
    );
    assert!(
        body.contains("At least 3 edits are needed; the account had 2."),
        "{body}"
    );
    assert!(body.contains("Write to the election committee."), "{body}");
    // Only the failed rule's facts: not the registration date.
    assert!(!body.contains("2015"), "{body}");

    let ann = look_up(&app, "ann%40enwiki").await;
    assert!(text(&ann.body).contains("Ann@enwiki may vote in this election."));
    assert!(!text(&ann.body).contains("Write to the election committee."));

    let unknown = look_up(&app, "Zed%40enwiki").await;
    assert!(text(&unknown.body).contains("Zed@enwiki was not among the accounts checked"));

    let malformed = look_up(&app, "no+wiki").await;
    assert_eq!(malformed.status, 422);
    assert!(malformed.body.contains("Write the account as Name@wiki"));

    assert_eq!(app.get("/elections/nowhere/eligibility").await.status, 404);
}

#[tokio::test]
async fn lookups_are_rate_limited_per_client() {
    let app = app_with_snapshot(2).await;
    for _ in 0..2 {
        assert_eq!(look_up(&app, "Few%40enwiki").await.status, 200);
    }
    let limited = look_up(&app, "Few%40enwiki").await;
    assert_eq!(limited.status, 429);
    assert!(limited.header("retry-after").is_some());
}

/// Gives election `slug` the rule "at least 3 edits" on `wiki` and a snapshot in which
/// `account` had `edits` edits: what `urna eligibility fetch` leaves behind.
pub async fn snapshot_with_min_edits(
    app: &TestApp,
    slug: &str,
    wiki: &str,
    account: &str,
    edits: u64,
) {
    let now = Timestamp::now();
    let rules = ElectionEligibility {
        wikis: vec![WikiId::parse(wiki).unwrap()],
        cutoff: now,
        voters: EligibilityRules::new(RulesSpec {
            min_edits: Some(3),
            appeal: Some("Write to the election committee.".into()),
            ..RulesSpec::default()
        })
        .unwrap(),
        candidates: None,
    };
    eligibility::set_rules(&app.db, slug, &rules, Actor::System, now)
        .await
        .unwrap();
    let loaded = elections::load_election(&app.db, slug).await.unwrap();
    let facts = AccountFacts {
        exists: true,
        edit_count: edits,
        ..AccountFacts::missing(WikiAccount::parse(account).unwrap())
    };
    let decision = rules.voters.decide(&facts);
    app.db
        .add_snapshot_rows(
            loaded.row_id,
            &[NewSnapshotRow {
                account,
                facts: &serde_json::to_value(&facts).unwrap(),
                voter_decision: &serde_json::to_value(&decision).unwrap(),
                voter_eligible: decision.is_eligible(),
                candidate_decision: None,
            }],
            UnixMicros(1_780_000_000_000_000),
        )
        .await
        .unwrap();
}
