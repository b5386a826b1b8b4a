//! Eligibility from wiki data against a real MediaWiki (Debian's package, SQLite, `php -S`;
//! skipped with a message where it is not installed), with a stand-in central wiki for
//! CentralAuth and GlobalBlocking. Every rule is checked on accounts the test makes on the
//! wiki, each meant to fail exactly one rule; the expected decisions are worked out by hand
//! in the comments from what the test put on the wiki.

// Integration tests are separate crates: `allow-unwrap-in-tests` does not reach their helpers.
#![allow(clippy::unwrap_used)]

mod central;
mod mediawiki;

#[path = "../support/test_db.rs"]
mod test_db;

use std::collections::{BTreeMap, BTreeSet};

use jiff::{SignedDuration, Timestamp};
use serde_json::json;
use urna_core::election::ElectionSpec;
use urna_core::wiki_eligibility::{
    AccountList, Admission, Decision, EditsBefore, EditsBetween, ElectionEligibility,
    EligibilityRules, Failure, GroupName, RulesSpec, WikiAccount, WikiId,
};
use urna_store::{Db, EligibilityProgress};
use urna_web::service::eligibility::{self, EligibilityError, Explanation, WikiSites};
use urna_web::service::{Actor, elections};
use urna_web::wiki_api::MediaWikiClient;

use central::Central;
use mediawiki::{WIKI_ID, Wiki};
use test_db::TestDb;

fn t(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn group(s: &str) -> GroupName {
    GroupName::parse(s).unwrap()
}

fn wiki_id() -> WikiId {
    WikiId::parse(WIKI_ID).unwrap()
}

fn account(name: &str) -> WikiAccount {
    WikiAccount::parse(&format!("{name}@{WIKI_ID}")).unwrap()
}

/// A draft election (one approval question) to attach rules and voters to.
async fn draft(db: &Db, slug: &str) {
    let id = urna_core::election::ElectionId::generate().unwrap();
    let name = |n: &str| json!({"default": "en", "texts": {"en": n}});
    let spec: ElectionSpec = serde_json::from_value(json!({
        "id": id, "slug": slug, "languages": ["en"], "title": name("Board election"),
        "window": {"opens": "2030-01-10T12:00:00Z", "closes": "2030-01-20T12:00:00Z", "zone": "UTC"},
        "questions": [
            {"id": "q", "title": name("Q"), "description": null,
             "ballot_type": {"type": "approval", "min": 0, "max": 2}, "method": "approval",
             "seats": 1, "options": [{"id": "a", "name": name("A")}, {"id": "b", "name": name("B")}]}
        ]
    }))
    .unwrap();
    elections::create_election(db, spec, None, Actor::System, Timestamp::now())
        .await
        .unwrap();
}

fn client() -> MediaWikiClient {
    MediaWikiClient::new("urna-tests@example.org").unwrap()
}

/// The databases to run on: SQLite, and PostgreSQL when `URNA_TEST_PG_URL` is set.
async fn databases(suite: &str) -> Vec<TestDb> {
    let mut dbs = vec![TestDb::sqlite().await];
    if let Some(pg) = TestDb::postgres(suite).await {
        dbs.push(pg);
    }
    dbs
}

fn refusal(e: &Explanation) -> Failure {
    match e {
        Explanation::Decided {
            voter: Decision::NotEligible { failure },
            ..
        } => failure.clone(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn voter_decision(e: &Explanation) -> Decision {
    match e {
        Explanation::Decided { voter, .. } => voter.clone(),
        other => panic!("expected a decision, got {other:?}"),
    }
}

/// Old edits (imported with these timestamps) for an account that passes every edit rule:
/// 2 before 2020-12-31 and 2 from 2020-05-01 to 2021-06-01.
const GOOD_EDITS: [&str; 3] = [
    "2020-01-01T00:00:00Z",
    "2020-06-01T00:00:00Z",
    "2021-01-01T00:00:00Z",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_local_rule_against_a_real_mediawiki() {
    let Some(wiki) = Wiki::start() else { return };

    // Accounts registered now ("early"), before `registered_before`.
    wiki.fixture(&json!({
        "users": [
            {"name": "Ann", "groups": ["sysop"]}, {"name": "Few"}, {"name": "Blocked"},
            {"name": "Partial"}, {"name": "Botty", "groups": ["bot"]}, {"name": "Eve"},
            {"name": "Gus"}, {"name": "Listed"}, {"name": "Excluded"},
            {"name": "Stew", "groups": ["steward"]}, {"name": "Hal"},
            {"name": "Stafford", "groups": ["sysop", "staff"]}
        ],
        "edits": [{"user": "Few", "count": 2}],
        "blocks": [
            {"user": "Blocked", "sitewide": true, "expiry": "infinity"},
            {"user": "Partial", "sitewide": false, "expiry": "1 year"}
        ]
    }));
    let mut imported: Vec<(&str, &str)> = Vec::new();
    for user in [
        "Ann", "Blocked", "Partial", "Botty", "Excluded", "Hal", "Stafford",
    ] {
        imported.extend(GOOD_EDITS.iter().map(|ts| (user, *ts)));
    }
    // Eve: one edit before 2020-12-31 (the one at exactly 2020-12-31T00:00:00Z is not before).
    for ts in [
        "2019-01-01T00:00:00Z",
        "2020-12-31T00:00:00Z",
        "2021-01-01T00:00:00Z",
        "2021-02-01T00:00:00Z",
    ] {
        imported.push(("Eve", ts));
    }
    // Gus: three edits before 2020-12-31, none from 2020-05-01 to 2021-06-01.
    for ts in [
        "2019-01-01T00:00:00Z",
        "2019-02-01T00:00:00Z",
        "2019-03-01T00:00:00Z",
    ] {
        imported.push(("Gus", ts));
    }
    wiki.import_edits(&imported);

    // MediaWiki keeps registration times in whole seconds: the boundary is the next whole
    // second, and "Late" registers at least a second after it.
    let now = Timestamp::now();
    let registered_before = Timestamp::from_second(now.as_second() + 1).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(2100));
    wiki.fixture(&json!({"users": [{"name": "Late"}], "edits": [{"user": "Late", "count": 3}]}));

    let rules = ElectionEligibility {
        wikis: vec![wiki_id()],
        cutoff: Timestamp::now(),
        voters: EligibilityRules::new(RulesSpec {
            include: AccountList::parse("include list", &format!("Listed@{WIKI_ID}")).unwrap(),
            exclude: AccountList::parse("exclude list", "Excluded").unwrap(),
            allow_groups: [group("steward")].into(),
            min_edits: Some(3),
            registered_before: Some(registered_before),
            not_sitewide_blocked: true,
            not_partially_blocked: true,
            not_bot: true,
            edits_before: Some(EditsBefore {
                count: 2,
                before: t("2020-12-31T00:00:00Z"),
            }),
            edits_between: Some(EditsBetween {
                count: 2,
                from: t("2020-05-01T00:00:00Z"),
                to: t("2021-06-01T00:00:00Z"),
            }),
            appeal: Some("Write to elections@example.org within a week.".into()),
            ..RulesSpec::default()
        })
        .unwrap(),
        candidates: Some(
            EligibilityRules::new(RulesSpec {
                need_groups: [group("sysop"), group("bureaucrat")].into(),
                exclude_groups: [group("staff")].into(),
                ..RulesSpec::default()
            })
            .unwrap(),
        ),
    };
    let names = [
        "Ann", "Few", "Late", "Blocked", "Partial", "Botty", "Eve", "Gus", "Nobody", "Listed",
        "Excluded", "Stew", "Hal", "Stafford",
    ];
    let accounts: Vec<WikiAccount> = names.iter().map(|n| account(n)).collect();
    let sites = WikiSites {
        api: [(wiki_id(), wiki.api.clone())].into(),
        central_api: None,
    };

    let dbs = databases("wiki").await;
    for test in &dbs {
        let db = &test.db;
        let slug = "board";
        draft(db, slug).await;
        eligibility::set_rules(db, slug, &rules, Actor::System, Timestamp::now())
            .await
            .unwrap();

        // Before the cutoff, no fetch.
        let early = rules.cutoff - SignedDuration::from_secs(1);
        assert!(matches!(
            eligibility::fetch(db, slug, &client(), &sites, early, &mut |_| {}).await,
            Err(EligibilityError::BeforeCutoff { .. })
        ));

        // A first fetch covers five accounts; the second, after all are requested, only the
        // nine others (the first five keep their first fetch time).
        let first_at = Timestamp::now();
        assert_eq!(
            eligibility::request_accounts(db, slug, &accounts[..5])
                .await
                .unwrap(),
            5
        );
        let done = eligibility::fetch(db, slug, &client(), &sites, first_at, &mut |_| {})
            .await
            .unwrap();
        assert_eq!(
            done,
            EligibilityProgress {
                requested: 5,
                fetched: 5
            }
        );
        assert_eq!(
            eligibility::request_accounts(db, slug, &accounts)
                .await
                .unwrap(),
            9
        );
        let second_at = first_at + SignedDuration::from_secs(60);
        let mut heard = Vec::new();
        let done = eligibility::fetch(db, slug, &client(), &sites, second_at, &mut |p| {
            heard.push(p)
        })
        .await
        .unwrap();
        assert_eq!(
            done,
            EligibilityProgress {
                requested: 14,
                fetched: 14
            }
        );
        assert_eq!(
            heard.first(),
            Some(&EligibilityProgress {
                requested: 14,
                fetched: 5
            })
        );
        assert_eq!(heard.last(), Some(&done));
        let election = elections::load_election(db, slug).await.unwrap().row_id;
        let rows = db.snapshot_rows(election).await.unwrap();
        let fetched_at: BTreeMap<&str, i64> = rows
            .iter()
            .map(|r| (r.account.as_str(), r.fetched_at.0))
            .collect();
        for name in &names[..5] {
            assert_eq!(
                fetched_at[format!("{name}@{WIKI_ID}").as_str()],
                first_at.as_microsecond()
            );
        }
        for name in &names[5..] {
            assert_eq!(
                fetched_at[format!("{name}@{WIKI_ID}").as_str()],
                second_at.as_microsecond()
            );
        }

        let explain = |name: &str| {
            let identity = format!("{name}@{WIKI_ID}");
            async move { eligibility::explain(db, slug, &identity).await.unwrap() }
        };
        // Ann: 3 edits, registered early, not blocked, no bot, 2 + 2 dated edits, sysop.
        match explain("Ann").await {
            Explanation::Decided {
                voter,
                candidate,
                appeal,
                ..
            } => {
                assert_eq!(
                    voter,
                    Decision::Eligible {
                        admission: Admission::AllRulesPassed
                    }
                );
                assert!(candidate.unwrap().is_eligible());
                assert_eq!(
                    appeal.as_deref(),
                    Some("Write to elections@example.org within a week.")
                );
            }
            other => panic!("{other:?}"),
        }
        // Few: 2 edits made through the wiki, 3 needed.
        assert_eq!(
            refusal(&explain("Few").await),
            Failure::MinEdits {
                required: 3,
                found: 2
            }
        );
        // Late: registered after the boundary.
        match refusal(&explain("Late").await) {
            Failure::RegisteredBefore { before, registered } => {
                assert_eq!(before, registered_before);
                assert!(registered > before);
            }
            other => panic!("{other:?}"),
        }
        // Blocked: indefinitely, from the whole wiki. Partial: from the main namespace, 1 year.
        assert_eq!(
            refusal(&explain("Blocked").await),
            Failure::SitewideBlocked { expiry: None }
        );
        match refusal(&explain("Partial").await) {
            Failure::PartiallyBlocked {
                expiry: Some(until),
            } => {
                let year = SignedDuration::from_hours(24 * 365);
                assert!(
                    until > first_at + year - SignedDuration::from_hours(48),
                    "{until}"
                );
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(refusal(&explain("Botty").await), Failure::Bot);
        // Eve: only the 2019 edit is before 2020-12-31T00:00:00Z.
        assert_eq!(
            refusal(&explain("Eve").await),
            Failure::EditsBefore {
                required: 2,
                before: t("2020-12-31T00:00:00Z"),
                found: 1
            }
        );
        // Gus: nothing from 2020-05-01 to 2021-06-01.
        assert_eq!(
            refusal(&explain("Gus").await),
            Failure::EditsBetween {
                required: 2,
                from: t("2020-05-01T00:00:00Z"),
                to: t("2021-06-01T00:00:00Z"),
                found: 0
            }
        );
        assert_eq!(refusal(&explain("Nobody").await), Failure::NoSuchAccount);
        // Listed: no edits, on the include list. Stew: no edits, a steward.
        assert_eq!(
            voter_decision(&explain("Listed").await),
            Decision::Eligible {
                admission: Admission::IncludeList
            }
        );
        assert_eq!(
            voter_decision(&explain("Stew").await),
            Decision::Eligible {
                admission: Admission::AllowedGroup {
                    group: group("steward")
                }
            }
        );
        assert_eq!(
            refusal(&explain("Excluded").await),
            Failure::ExcludeList {
                list: "exclude list".into()
            }
        );
        // Candidates: Stafford is staff, Hal no sysop.
        match explain("Stafford").await {
            Explanation::Decided {
                voter, candidate, ..
            } => {
                assert!(voter.is_eligible());
                assert_eq!(
                    candidate,
                    Some(Decision::NotEligible {
                        failure: Failure::ExcludeGroup {
                            group: group("staff")
                        }
                    })
                );
            }
            other => panic!("{other:?}"),
        }
        match explain("Hal").await {
            Explanation::Decided {
                candidate: Some(Decision::NotEligible { failure }),
                ..
            } => assert_eq!(
                failure,
                Failure::NeedGroup {
                    any_of: vec![group("bureaucrat"), group("sysop")],
                    groups: vec![group("*"), group("autoconfirmed"), group("user")],
                }
            ),
            other => panic!("{other:?}"),
        }

        // Contributions: counted only up to the minimum (Gus has 3 before the date, 2 are
        // kept), and not asked for at all when an earlier rule refused (Few, Blocked).
        let facts = |name: &str| {
            let row = rows
                .iter()
                .find(|r| r.account == format!("{name}@{WIKI_ID}"))
                .unwrap();
            row.facts.clone()
        };
        assert_eq!(facts("Gus")["edits_before"], 2);
        assert_eq!(facts("Few")["edits_before"], serde_json::Value::Null);
        assert_eq!(facts("Blocked")["edits_between"], serde_json::Value::Null);
        assert_eq!(facts("Eve")["edit_count"], 4);

        // Unknown and malformed accounts.
        assert!(matches!(
            eligibility::explain(db, slug, "Zed@testwiki")
                .await
                .unwrap(),
            Explanation::NotInSnapshot { .. }
        ));
        assert!(matches!(
            eligibility::explain(db, slug, "no wiki here").await,
            Err(EligibilityError::Rules(_))
        ));

        // The voter list: exactly the five eligible voters.
        eligibility::fill_voter_list(db, slug, Actor::System, Timestamp::now())
            .await
            .unwrap();
        let listed: BTreeSet<String> = urna_web::service::voters::voters(db, slug)
            .await
            .unwrap()
            .into_iter()
            .map(|v| v.identifier)
            .collect();
        let expected: BTreeSet<String> = ["Ann", "Hal", "Listed", "Stafford", "Stew"]
            .iter()
            .map(|n| format!("{n}@{WIKI_ID}"))
            .collect();
        assert_eq!(listed, expected);
    }

    // Re-evaluating changed rules needs no network: with the wiki stopped, a need list
    // naming Ann and Stafford now refuses Hal; Ann passes as before.
    drop(wiki);
    let mut changed = rules.clone();
    let mut spec = changed.voters.spec().clone();
    spec.need_list = Some(AccountList::parse("need list", "Ann\nStafford@testwiki").unwrap());
    changed.voters = EligibilityRules::new(spec).unwrap();
    for test in dbs {
        let db = &test.db;
        eligibility::set_rules(db, "board", &changed, Actor::System, Timestamp::now())
            .await
            .unwrap();
        let hal = eligibility::explain(db, "board", "Hal@testwiki")
            .await
            .unwrap();
        assert_eq!(
            refusal(&hal),
            Failure::NeedList {
                list: "need list".into()
            }
        );
        let ann = eligibility::explain(db, "board", "Ann@testwiki")
            .await
            .unwrap();
        assert!(voter_decision(&ann).is_eligible());
        test.teardown().await;
    }
}

/// A `globaluserinfo` answer: attached on `testwiki` and on each of `blocked_on` (blocked
/// there), locked or not.
fn global(name: &str, blocked_on: &[&str], locked: bool) -> serde_json::Value {
    let mut merged = vec![
        json!({"wiki": WIKI_ID, "url": "http://127.0.0.1", "method": "new",
        "editcount": 0, "registration": "2020-01-01T00:00:00Z"}),
    ];
    merged.extend(blocked_on.iter().map(|w| {
        json!({"wiki": w, "url": "https://example.org", "method": "login", "editcount": 5,
            "registration": "2020-01-01T00:00:00Z",
            "blocked": {"expiry": "infinity", "reason": "vandalism"}})
    }));
    let mut info = json!({"home": WIKI_ID, "id": 1, "registration": "2020-01-01T00:00:00Z",
        "name": name, "merged": merged});
    if locked {
        info["locked"] = json!(true);
    }
    info
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn central_blocks_and_central_lists_from_the_central_wiki() {
    let Some(wiki) = Wiki::start() else { return };
    wiki.fixture(&json!({"users": [
        {"name": "Ann"}, {"name": "Twice"}, {"name": "Locky"}, {"name": "Globby"}, {"name": "Solo"},
        {"name": "Unlisted"}
    ]}));
    // Ann: blocked on dewiki only (1 < threshold 2). Twice: on dewiki and frwiki (2). Locky:
    // locked. Globby: globally blocked. Solo: no global account. Unlisted: clean, but not on
    // the central list.
    let central = Central::start(
        [
            ("Ann".to_owned(), global("Ann", &["dewiki"], false)),
            (
                "Twice".to_owned(),
                global("Twice", &["dewiki", "frwiki"], false),
            ),
            ("Locky".to_owned(), global("Locky", &[], true)),
            ("Globby".to_owned(), global("Globby", &[], false)),
            ("Unlisted".to_owned(), global("Unlisted", &[], false)),
        ]
        .into(),
        // Two globally blocked names in one request: the answer pages (bgcontinue).
        vec!["Globby".to_owned(), "Twice".to_owned()],
    )
    .await;
    let rules = ElectionEligibility {
        wikis: vec![wiki_id()],
        cutoff: Timestamp::now(),
        voters: EligibilityRules::new(RulesSpec {
            central_block_threshold: Some(2),
            need_central_list: Some(
                AccountList::parse("central list", "Ann\nTwice\nLocky\nGlobby\nSolo").unwrap(),
            ),
            ..RulesSpec::default()
        })
        .unwrap(),
        candidates: None,
    };
    let names = ["Ann", "Twice", "Locky", "Globby", "Solo", "Unlisted"];
    let sites = WikiSites {
        api: [(wiki_id(), wiki.api.clone())].into(),
        central_api: Some(central.api.clone()),
    };
    let test = TestDb::sqlite().await;
    let db = &test.db;
    draft(db, "central").await;
    eligibility::set_rules(db, "central", &rules, Actor::System, Timestamp::now())
        .await
        .unwrap();
    // Without a central wiki configured, the fetch is refused before asking anything.
    let local_only = WikiSites {
        central_api: None,
        ..sites.clone()
    };
    assert!(matches!(
        eligibility::fetch(
            db,
            "central",
            &client(),
            &local_only,
            Timestamp::now(),
            &mut |_| {}
        )
        .await,
        Err(EligibilityError::NoCentralWiki)
    ));
    let accounts: Vec<WikiAccount> = names.iter().map(|n| account(n)).collect();
    eligibility::request_accounts(db, "central", &accounts)
        .await
        .unwrap();
    let started = std::time::Instant::now();
    eligibility::fetch(
        db,
        "central",
        &client(),
        &sites,
        Timestamp::now(),
        &mut |_| {},
    )
    .await
    .unwrap();
    // The first answer was `maxlag` with Retry-After: 1: the client waited a second.
    assert!(started.elapsed() >= std::time::Duration::from_secs(1));

    let decide = |name: &str| {
        let identity = format!("{name}@{WIKI_ID}");
        async move {
            eligibility::explain(db, "central", &identity)
                .await
                .unwrap()
        }
    };
    assert!(voter_decision(&decide("Ann").await).is_eligible());
    assert_eq!(
        refusal(&decide("Twice").await),
        Failure::CentralBlock {
            threshold: 2,
            blocked_on: vec![
                WikiId::parse("dewiki").unwrap(),
                WikiId::parse("frwiki").unwrap()
            ],
            globally_blocked: true,
            locked: false,
        }
    );
    assert_eq!(
        refusal(&decide("Locky").await),
        Failure::CentralBlock {
            threshold: 2,
            blocked_on: vec![],
            globally_blocked: false,
            locked: true
        }
    );
    assert_eq!(
        refusal(&decide("Globby").await),
        Failure::CentralBlock {
            threshold: 2,
            blocked_on: vec![],
            globally_blocked: true,
            locked: false
        }
    );
    assert_eq!(
        refusal(&decide("Solo").await),
        Failure::NeedCentralList {
            list: "central list".into()
        }
    );
    assert_eq!(
        refusal(&decide("Unlisted").await),
        Failure::NeedCentralList {
            list: "central list".into()
        }
    );

    // Etiquette: every request named Urna and carried maxlag=5; the lagged one was retried.
    let requests = central.requests();
    assert!(requests.iter().all(|(q, agent)| agent.starts_with("Urna/")
        && agent.contains("urna-tests@example.org")
        && q.get("maxlag").map(String::as_str) == Some("5")
        && q.get("formatversion").map(String::as_str) == Some("2")));
    // 6 globaluserinfo (one per account) + 2 globalblocks pages + 1 lagged retry.
    assert_eq!(requests.len(), 9, "{requests:?}");
    test.teardown().await;
}
