//! The service layer end to end, on SQLite and on PostgreSQL (`URNA_TEST_PG_URL`; skipped
//! with a message when unset): an election's whole life, the refusals, concurrent casts by
//! one voter, and (ignored by default) throughput and count-time measurements.

// Integration tests are separate crates: `allow-unwrap-in-tests` does not reach their helpers.
#![allow(clippy::unwrap_used)]

#[path = "../../urna-store/tests/store/every_cell.rs"]
mod dump;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use jiff::Timestamp;
use urna_core::ballot::{Answer, PlainBallot};
use urna_core::election::ElectionSpec;
use urna_core::lifecycle::State;
use urna_core::question::CandidateId;
use urna_crypto::{TrusteeSecret, decryption_shares, os_rng};
use urna_store::{Db, JobState, NewAccount, PasswordHash, UnixMicros, VoterId};
use urna_web::service::{
    Actor, ServiceError, admin, counting, demo, elections, lifecycle, publish, trustees, voters,
    voting,
};

#[path = "support/ceremony.rs"]
mod ceremony;
use ceremony::key_ceremony as ceremony;
#[path = "support/test_db.rs"]
mod test_db;
use test_db::TestDb;

/// `on_both!(async fn name(db) { … })`: `name::sqlite` and `name::postgres`.
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
                let Some(test) = TestDb::postgres("service").await else { return };
                case(&test.db).await;
                test.teardown().await;
            }
        }
    };
}

fn t(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn cid(s: &str) -> CandidateId {
    CandidateId::parse(s).unwrap()
}

fn approvals(ids: &[&str]) -> Answer {
    Answer::Approvals(ids.iter().map(|s| cid(s)).collect())
}

fn ranking(ids: &[&str]) -> Answer {
    Answer::Ranking(ids.iter().map(|s| vec![cid(s)]).collect())
}

fn ballot(logo: Answer, board: Answer) -> PlainBallot {
    PlainBallot {
        answers: vec![logo, board],
    }
}

/// An approval question (3 options, 1 seat) and a Meek STV question (5 candidates, 2 seats),
/// open 2030-01-10 12:00 UTC to 2030-01-20 12:00 UTC (midnight to midnight AoE).
fn board_spec(slug: &str) -> ElectionSpec {
    let id = urna_core::election::ElectionId::generate().unwrap();
    let name = |n: &str| serde_json::json!({"default": "en", "texts": {"en": n}});
    let cands = |names: &[&str]| -> Vec<serde_json::Value> {
        names
            .iter()
            .map(|n| serde_json::json!({"id": n.to_lowercase(), "name": name(n)}))
            .collect()
    };
    serde_json::from_value(serde_json::json!({
        "id": id, "slug": slug, "languages": ["en"], "title": name("Board election"),
        "window": {"opens": "2030-01-10T12:00:00Z", "closes": "2030-01-20T12:00:00Z", "zone": "AoE"},
        "questions": [
            {"id": "logo", "title": name("Logo"), "description": null,
             "ballot_type": {"type": "approval", "min": 0, "max": 3}, "method": "approval",
             "seats": 1, "options": cands(&["Owl", "Box", "Tree"])},
            {"id": "board", "title": name("Board"), "description": null,
             "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
             "method": "meek", "seats": 2, "options": cands(&["Ann", "Bob", "Cleo", "Dev", "Eve"])}
        ]
    }))
    .unwrap()
}

/// Makes the given trustees' shares of the frozen set and hands them in.
async fn decrypt_with(db: &Db, slug: &str, secrets: &[&TrusteeSecret], now: Timestamp) {
    let setup = trustees::setup_of(db, slug).await.unwrap();
    let set = counting::frozen_set(db, slug).await.unwrap();
    for s in secrets {
        let share = s.share_for(&setup.digest()).unwrap();
        let shares = decryption_shares(share, &set, &mut os_rng()).unwrap();
        counting::accept_decryption_shares(db, slug, shares, Actor::System, now)
            .await
            .unwrap();
    }
}

async fn current_ballots(db: &Db, slug: &str) -> usize {
    let loaded = elections::load_election(db, slug).await.unwrap();
    db.counted_ballots(loaded.row_id).await.unwrap().len()
}

on_both!(
    async fn the_whole_life_of_an_election(db) {
        let slug = "board-2030";
        let created = t("2030-01-01T00:00:00Z");
        let account = db
            .create_account(NewAccount {
                username: "admin",
                password_hash: &PasswordHash("$argon2id$stand-in".into()),
                is_operator: true,
                now: UnixMicros(0),
            })
            .await
            .unwrap();
        let e = elections::create_election(
            db,
            board_spec(slug),
            Some(account),
            Actor::Staff(account),
            created,
        )
        .await
        .unwrap();
        let roles = db.election_roles(e.row_id).await.unwrap();
        assert_eq!(roles.len(), 1, "the creator becomes the admin");
        assert_eq!(roles[0].role, urna_store::ElectionRole::Admin);

        // Not ready yet: every problem is listed.
        let err = lifecycle::mark_ready(db, slug, Actor::Staff(account), created)
            .await
            .unwrap_err();
        let ServiceError::NotReady(problems) = &err else {
            panic!("{err}")
        };
        assert_eq!(
            problems,
            &[
                "the voter list is empty".to_owned(),
                "the trustees have not made the election key yet".to_owned()
            ]
        );

        // Voters v1..v6; weights are refused since the election does not allow them.
        assert!(matches!(
            voters::upload_voters(db, slug, "voter,weight\nv1,2\n", Actor::System, created).await,
            Err(ServiceError::VoterList(_))
        ));
        let csv = "voter,email\nv1,v1@example.org\nv2,\nv3,\nv4,\nv5,\nv6,\n";
        let upload = voters::upload_voters(db, slug, csv, Actor::Staff(account), created)
            .await
            .unwrap();
        assert_eq!(upload.issued.len(), 6);
        let links_csv = voters::links_csv(&upload.issued, "https://vote.example.org");
        assert!(links_csv.starts_with("voter,email,link\nv1,v1@example.org,https://vote.example.org/vote#"));
        // Voters are found by their link only; nothing else about the token is stored.
        let mut ids: HashMap<String, VoterId> = HashMap::new();
        for link in &upload.issued {
            let (found_slug, row) = voters::voter_by_link(db, &link.token).await.unwrap().unwrap();
            assert_eq!(found_slug, slug);
            assert_eq!(row.identifier, link.voter);
            ids.insert(link.voter.clone(), row.id);
        }

        // 2-of-3 key ceremony.
        let secrets = ceremony(db, slug, 2, 3, created).await;
        lifecycle::mark_ready(db, slug, Actor::Staff(account), t("2030-01-02T00:00:00Z"))
            .await
            .unwrap();

        // Before the start: ballots are refused.
        let mut rng = os_rng();
        let early = voting::cast(
            db,
            slug,
            ids["v1"],
            ballot(approvals(&["owl"]), ranking(&["ann"])),
            t("2030-01-05T00:00:00Z"),
            &mut rng,
        )
        .await
        .unwrap_err();
        assert_eq!(early.to_string(), "voting is not open: the election is ready");

        // The scheduler opens it once the start has passed (and not before).
        assert!(
            lifecycle::run_due_transitions(db, t("2030-01-10T11:59:59Z"))
                .await
                .unwrap()
                .is_empty()
        );
        let opened = lifecycle::run_due_transitions(db, t("2030-01-10T12:00:00Z"))
            .await
            .unwrap();
        assert_eq!(opened.len(), 1);
        assert!(opened[0].outcome.is_ok());
        assert_eq!(
            elections::load_election(db, slug).await.unwrap().state(),
            State::Open
        );

        let during = t("2030-01-11T00:00:00Z");
        let cast = |voter: &str, b: PlainBallot| {
            let id = ids[voter];
            async move { voting::cast(db, slug, id, b, during, &mut os_rng()).await }
        };
        // v1 votes, then changes their mind (the last ballot counts).
        cast("v1", ballot(approvals(&["box"]), ranking(&["eve", "dev"])))
            .await
            .unwrap();
        let receipt = cast("v1", ballot(approvals(&["owl", "tree"]), ranking(&["ann", "cleo"])))
            .await
            .unwrap();
        assert_eq!(receipt.code.len(), 23);
        cast("v2", ballot(approvals(&["owl"]), ranking(&["ann", "cleo"])))
            .await
            .unwrap();
        cast("v3", ballot(approvals(&["tree"]), ranking(&["ann", "bob"])))
            .await
            .unwrap();
        cast("v4", ballot(approvals(&["owl"]), ranking(&["bob", "dev"])))
            .await
            .unwrap();
        cast("v5", ballot(approvals(&["box"]), ranking(&["cleo", "dev"])))
            .await
            .unwrap();

        // An invalid ballot changes nothing, and says what is wrong.
        let before = current_ballots(db, slug).await;
        let bad = cast("v6", ballot(approvals(&["owl", "owl"]), ranking(&["zed"])))
            .await
            .unwrap_err();
        assert!(matches!(bad, ServiceError::InvalidBallot(_)), "{bad}");
        assert!(bad.to_string().contains("Question 2"), "{bad}");
        assert_eq!(current_ballots(db, slug).await, before);
        assert_eq!(admin::turnout(db, slug).await.unwrap().voted, 5);

        // After the end (the scheduler has not run yet): refused by the window.
        let late = voting::cast(
            db,
            slug,
            ids["v6"],
            ballot(approvals(&["owl"]), ranking(&["ann"])),
            t("2030-01-20T12:00:00Z"),
            &mut rng,
        )
        .await
        .unwrap_err();
        assert!(late.to_string().starts_with("voting has closed"), "{late}");

        // Strike v5's ballot; the end is extended.
        admin::strike(db, slug, "v5", "voted twice under two names", Actor::Staff(account), during)
            .await
            .unwrap();
        let turnout = admin::turnout(db, slug).await.unwrap();
        assert_eq!((turnout.eligible, turnout.voted), (6, 4));
        assert!(turnout.voters.iter().all(|v| v.identifier != "v5"));
        admin::extend_end(db, slug, t("2030-01-21T12:00:00Z"), Actor::Staff(account), during)
            .await
            .unwrap();

        // The scheduler closes it after the new end.
        assert!(
            lifecycle::run_due_transitions(db, t("2030-01-20T12:00:01Z"))
                .await
                .unwrap()
                .is_empty(),
            "extended"
        );
        let closed = lifecycle::run_due_transitions(db, t("2030-01-21T12:00:00Z"))
            .await
            .unwrap();
        assert_eq!(closed.len(), 1);
        let after = t("2030-01-22T00:00:00Z");
        let frozen = counting::freeze(db, slug, Actor::Staff(account), after, &mut rng)
            .await
            .unwrap();
        assert_eq!(frozen.ballots, 4, "v1's last, v2, v3, v4");
        assert!(matches!(
            admin::unstrike(db, slug, "v5", Actor::Staff(account), after).await,
            Err(ServiceError::AlreadyFrozen)
        ));
        assert!(matches!(
            admin::strike(db, slug, "v4", "late", Actor::Staff(account), after).await,
            Err(ServiceError::AlreadyFrozen)
        ));

        // One share (k − 1) cannot count; nothing changes.
        decrypt_with(db, slug, &[&secrets[0]], after).await;
        let short = counting::count(db, slug, None, Actor::Staff(account), after)
            .await
            .unwrap_err();
        assert!(
            short.to_string().contains("1 valid decryption share sets, 2 needed"),
            "{short}"
        );
        assert_eq!(
            elections::load_election(db, slug).await.unwrap().state(),
            State::Closed
        );

        // A second trustee's shares: the count runs as a job.
        decrypt_with(db, slug, &[&secrets[2]], after).await;
        let job = counting::start_count(db, slug, Actor::Staff(account), after)
            .await
            .unwrap();
        let finished = loop {
            let row = db.job(job).await.unwrap();
            if row.state != JobState::Running {
                break row;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        assert_eq!(finished.state, JobState::Succeeded, "{:?}", finished.message);
        assert_eq!(finished.progress_done, finished.progress_total);
        assert_eq!(finished.progress_total, 4 + 2, "4 ballots and 2 questions");

        // Hand count of the 4 counted ballots (v1's second ballot, v2, v3, v4; v5 struck):
        // Logo (approval, 1 seat): Owl 3 (v1, v2, v4), Tree 2 (v1, v3), Box 0 → Owl.
        // Board (Meek, 2 seats): first preferences Ann 3 (v1, v2, v3), Bob 1 (v4). Quota
        // 4/3 ≈ 1.33: Ann is elected; her surplus 3 − 4/3 = 5/3 passes on in equal parts of
        // 5/9 from each of her 3 ballots: Cleo 2 × 5/9 ≈ 1.11 (v1, v2), Bob 1 + 5/9 ≈ 1.56
        // (v4, v3) ≥ quota → Bob. Elected: Ann, Bob.
        // (Had v1's first ballot counted, or v5's, Cleo's or Eve's totals would differ.)
        let results = publish::results(db, slug, true).await.unwrap();
        let by_q: HashMap<&str, &serde_json::Value> =
            results.iter().map(|r| (r.question.as_str(), &r.report)).collect();
        assert_eq!(by_q["logo"]["report"]["elected"], serde_json::json!(["Owl"]));
        assert_eq!(by_q["logo"]["report"]["ballots"], serde_json::json!(4));
        assert_eq!(by_q["board"]["report"]["elected"], serde_json::json!(["Ann", "Bob"]));
        assert_eq!(by_q["board"]["set_aside"], serde_json::json!([]));
        assert!(results.iter().all(|r| !r.published));
        assert!(publish::results(db, slug, false).await.unwrap().is_empty());

        publish::publish(db, slug, Actor::Staff(account), after)
            .await
            .unwrap();
        assert_eq!(
            elections::load_election(db, slug).await.unwrap().state(),
            State::Published
        );
        let blt = publish::published_ballots(db, slug, "board", publish::BallotFile::Blt)
            .await
            .unwrap();
        let parsed = urna_tally::blt::parse(&blt).unwrap();
        assert_eq!(parsed.info.candidates.len(), 5);
        assert_eq!(parsed.info.seats, 2);
        assert_eq!(parsed.ballots.total_weight(), 4);
        let csv = publish::published_ballots(db, slug, "board", publish::BallotFile::Csv)
            .await
            .unwrap();
        assert!(csv.starts_with("weight,Ann,Bob,Cleo,Dev,Eve\n"), "{csv}");
        assert!(publish::published_ballots(db, slug, "logo", publish::BallotFile::Blt)
            .await
            .is_err());

        // Every act is in the audit chain, and the chain verifies.
        let log = db.audit_log(Some(e.row_id)).await.unwrap();
        urna_store::verify_audit_chain(&log).unwrap();
        let actions: Vec<&str> = log.iter().map(|a| a.action.as_str()).collect();
        for expected in [
            "election_created",
            "voters_uploaded",
            "key_ceremony_set_up",
            "election_key_created",
            "state_changed",
            "ballot_struck",
            "end_extended",
            "ballots_frozen",
            "decryption_shares_accepted",
            "count_recorded",
        ] {
            assert!(actions.contains(&expected), "{expected} missing from {actions:?}");
        }
    }
);

/// An open election with one 1-of-1 key and `n` voters; returns the voters' ids.
async fn open_election(
    db: &Db,
    slug: &str,
    n: usize,
    now: Timestamp,
) -> (Vec<VoterId>, Vec<TrusteeSecret>) {
    let mut spec = board_spec(slug);
    spec.window = None;
    let mut value = serde_json::to_value(&spec).unwrap();
    value["window"] = serde_json::json!({
        "opens": now.checked_add(jiff::SignedDuration::from_secs(60)).unwrap(),
        "closes": now.checked_add(jiff::SignedDuration::from_hours(24)).unwrap(),
        "zone": "Europe/Berlin"
    });
    let spec: ElectionSpec = serde_json::from_value(value).unwrap();
    elections::create_election(db, spec, None, Actor::System, now)
        .await
        .unwrap();
    let mut csv = String::from("voter\n");
    for i in 0..n {
        csv.push_str(&format!("voter-{i}\n"));
    }
    let upload = voters::upload_voters(db, slug, &csv, Actor::System, now)
        .await
        .unwrap();
    let secrets = ceremony(db, slug, 2, 3, now).await;
    lifecycle::mark_ready(db, slug, Actor::System, now)
        .await
        .unwrap();
    lifecycle::open(db, slug, Actor::System, now).await.unwrap();
    (upload.issued.iter().map(|l| l.voter_id).collect(), secrets)
}

on_both!(
    async fn two_hundred_concurrent_casts_leave_one_ballot(db) {
        let now = t("2030-03-01T10:00:00Z");
        let (ids, _) = open_election(db, "rush", 1, now).await;
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..200 {
            let db = db.clone();
            let voter = ids[0];
            tasks.spawn(async move {
                let b = ballot(
                    approvals(if i % 2 == 0 { &["owl"] } else { &["tree"] }),
                    ranking(&["ann", "bob"]),
                );
                voting::cast(&db, "rush", voter, b, now, &mut os_rng()).await
            });
        }
        let mut accepted = 0;
        while let Some(r) = tasks.join_next().await {
            r.unwrap().unwrap();
            accepted += 1;
        }
        assert_eq!(accepted, 200, "revotes are allowed: every cast succeeds");
        assert_eq!(current_ballots(db, "rush").await, 1);
        assert_eq!(admin::turnout(db, "rush").await.unwrap().voted, 1);
    }
);

on_both!(
    async fn the_demo_election_is_open_and_countable(db) {
        let dir = tempfile::tempdir().unwrap();
        let now = Timestamp::now();
        let demo = demo::create_demo_election(db, dir.path(), now).await.unwrap();
        assert_eq!(demo.slug, "demo");
        assert_eq!(demo.links.len(), 3);
        let loaded = elections::load_election(db, "demo").await.unwrap();
        assert_eq!(loaded.state(), State::Open);
        let b = ballot(approvals(&["owl"]), ranking(&["ann", "bob", "cleo"]));
        voting::cast(db, "demo", demo.links[0].voter_id, b, now, &mut os_rng())
            .await
            .unwrap();
        // Closing needs a non-empty window: a second later.
        let now = now.checked_add(jiff::SignedDuration::from_secs(1)).unwrap();
        lifecycle::close(db, "demo", Actor::System, now).await.unwrap();
        counting::freeze(db, "demo", Actor::System, now, &mut os_rng())
            .await
            .unwrap();
        demo::demo_decrypt(db, "demo", dir.path(), now).await.unwrap();
        let summary = counting::count(db, "demo", None, Actor::System, now)
            .await
            .unwrap();
        // One ballot: Owl is the only approval; Ann then Bob (each reaches the quota 1/3).
        assert_eq!(summary.questions[0].elected, ["Owl"]);
        assert_eq!(summary.questions[1].elected, ["Ann", "Bob"]);
        // A second demo gets another name.
        let again = demo::create_demo_election(db, dir.path(), now).await.unwrap();
        assert_eq!(again.slug, "demo-2");
    }
);

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

on_both!(
    #[ignore = "benchmark: cargo test -p urna-web --test service -- --ignored --nocapture"]
    async fn bench_cast_throughput(db) {
        const VOTERS: usize = 200;
        const ROUNDS: usize = 5;
        let now = Timestamp::now();
        let (ids, _) = open_election(db, "bench", VOTERS, now).await;
        let during = now.checked_add(jiff::SignedDuration::from_secs(120)).unwrap();
        let start = Instant::now();
        let mut tasks = tokio::task::JoinSet::new();
        for &voter in &ids {
            let db = db.clone();
            tasks.spawn(async move {
                let mut times = Vec::new();
                for _ in 0..ROUNDS {
                    let b = ballot(approvals(&["owl"]), ranking(&["ann", "bob", "cleo"]));
                    let t0 = Instant::now();
                    voting::cast(&db, "bench", voter, b, during, &mut os_rng())
                        .await
                        .unwrap();
                    times.push(t0.elapsed());
                }
                times
            });
        }
        let mut all = Vec::new();
        while let Some(r) = tasks.join_next().await {
            all.extend(r.unwrap());
        }
        let elapsed = start.elapsed();
        all.sort();
        eprintln!(
            "cast on {:?}: {} ballots by {VOTERS} concurrent voters in {:.2} s = {:.0} ballots/s; p50 {:.1} ms, p99 {:.1} ms",
            db.backend(),
            all.len(),
            elapsed.as_secs_f64(),
            all.len() as f64 / elapsed.as_secs_f64(),
            percentile(&all, 0.5).as_secs_f64() * 1e3,
            percentile(&all, 0.99).as_secs_f64() * 1e3,
        );
    }
);

on_both!(
    #[ignore = "benchmark: cargo test -p urna-web --test service -- --ignored --nocapture"]
    async fn bench_count_10000_meek_ballots(db) {
        const BALLOTS: usize = 10_000;
        let now = Timestamp::now();
        let (ids, secrets) = open_election(db, "big", BALLOTS, now).await;
        let during = now.checked_add(jiff::SignedDuration::from_secs(120)).unwrap();
        let names = ["ann", "bob", "cleo", "dev", "eve"];
        let start = Instant::now();
        let mut tasks = tokio::task::JoinSet::new();
        for chunk in ids.chunks(BALLOTS / 200) {
            let db = db.clone();
            let chunk = chunk.to_vec();
            tasks.spawn(async move {
                for (i, voter) in chunk.into_iter().enumerate() {
                    let r: Vec<&str> = (0..3).map(|j| names[(i + j * 2) % 5]).collect();
                    let b = ballot(Answer::Abstain, ranking(&r));
                    voting::cast(&db, "big", voter, b, during, &mut os_rng())
                        .await
                        .unwrap();
                }
            });
        }
        while let Some(r) = tasks.join_next().await {
            r.unwrap();
        }
        let sealed = start.elapsed();
        let after = now.checked_add(jiff::SignedDuration::from_secs(180)).unwrap();
        lifecycle::close(db, "big", Actor::System, after).await.unwrap();
        let t0 = Instant::now();
        counting::freeze(db, "big", Actor::System, after, &mut os_rng())
            .await
            .unwrap();
        let frozen = t0.elapsed();
        let t0 = Instant::now();
        decrypt_with(db, "big", &[&secrets[0], &secrets[1]], after).await;
        let shares = t0.elapsed();
        let t0 = Instant::now();
        let summary = counting::count(db, "big", None, Actor::System, after)
            .await
            .unwrap();
        let counted = t0.elapsed();
        assert_eq!(summary.ballots, BALLOTS);
        assert!(summary.set_aside.is_empty());
        eprintln!(
            "{BALLOTS} Meek ballots on {:?}: seal+cast {:.1} s, freeze {:.2} s, 2 trustees' shares (make + check) {:.1} s, decrypt+decode+count {:.1} s",
            db.backend(),
            sealed.as_secs_f64(),
            frozen.as_secs_f64(),
            shares.as_secs_f64(),
            counted.as_secs_f64(),
        );
    }
);

// --- acts and audit entries commit together (staffsec branch) ---

/// Makes the database refuse every audit entry with this action, as a failing constraint
/// would: a trigger raises inside the insert.
async fn refuse_audit_action(db: &Db, action: &str) {
    use urna_store::Backend;
    match db.backend() {
        Backend::Sqlite => {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log WHEN NEW.action = '{action}'
                 BEGIN SELECT RAISE(ABORT, 'injected audit failure'); END"
            )))
            .execute(db.sqlite_pool().unwrap())
            .await
            .unwrap();
        }
        Backend::Postgres => {
            let pool = db.postgres_pool().unwrap();
            sqlx::query(
                "CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN RAISE EXCEPTION 'injected audit failure'; END $$",
            )
            .execute(pool)
            .await
            .unwrap();
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW
                 WHEN (NEW.action = '{action}') EXECUTE FUNCTION refuse_audit()"
            )))
            .execute(pool)
            .await
            .unwrap();
        }
    }
}

on_both!(
    async fn an_admin_act_and_its_audit_entry_are_stored_together_or_not_at_all(db) {
        let now = t("2030-03-01T10:00:00Z");
        let (ids, _) = open_election(db, "atomic", 1, now).await;
        let b = ballot(approvals(&["owl"]), ranking(&["ann", "bob"]));
        voting::cast(db, "atomic", ids[0], b, now, &mut os_rng()).await.unwrap();
        let row_id = elections::load_election(db, "atomic").await.unwrap().row_id;
        let entries = db.audit_log(Some(row_id)).await.unwrap().len();

        // The audit append fails: the strike is undone with it.
        refuse_audit_action(db, "ballot_struck").await;
        let refused = admin::strike(db, "atomic", "voter-0", "test", Actor::System, now).await;
        assert!(format!("{refused:?}").contains("injected audit failure"), "{refused:?}");
        assert_eq!(admin::turnout(db, "atomic").await.unwrap().voted, 1, "the ballot still counts");
        let status = db.current_ballot_status(ids[0]).await.unwrap().unwrap();
        assert!(!status.struck);
        assert_eq!(db.audit_log(Some(row_id)).await.unwrap().len(), entries);

        // The act fails (there is no struck ballot to reinstate): no entry is written.
        let refused = admin::unstrike(db, "atomic", "voter-0", Actor::System, now).await;
        assert!(matches!(refused, Err(ServiceError::Refused(_))), "{refused:?}");
        assert_eq!(db.audit_log(Some(row_id)).await.unwrap().len(), entries);

        // Both succeed: one more entry, and the chain still verifies.
        admin::extend_end(db, "atomic", t("2030-03-03T10:00:00Z"), Actor::System, now).await.unwrap();
        let log = db.audit_log(Some(row_id)).await.unwrap();
        assert_eq!(log.len(), entries + 1);
        urna_store::verify_audit_chain(&log).unwrap();
    }
);

on_both!(
    async fn an_act_and_its_notices_to_voters_are_stored_together(db) {
        let now = t("2030-03-02T10:00:00Z");
        let (_, _) = open_election(db, "told", 1, now).await;
        voters::upload_voters(db, "told", "voter,email\nmailed,m@example.org\n", Actor::System, now)
            .await
            .unwrap();
        let row_id = elections::load_election(db, "told").await.unwrap().row_id;
        let closes = |db: &Db| {
            let db = db.clone();
            async move {
                elections::load_election(&db, "told").await.unwrap().election.window().unwrap().closes()
            }
        };
        let before = closes(db).await;
        let entries = db.audit_log(Some(row_id)).await.unwrap().len();

        // The notice cannot be stored: the extension is not stored either, nor its entry.
        refuse_notices(db).await;
        let refused = admin::extend_end(db, "told", t("2030-03-05T10:00:00Z"), Actor::System, now).await;
        assert!(format!("{refused:?}").contains("injected notice failure"), "{refused:?}");
        assert_eq!(closes(db).await, before);
        assert_eq!(db.audit_log(Some(row_id)).await.unwrap().len(), entries);
        assert!(db.notices(row_id).await.unwrap().is_empty());

        // Without the fault: the extension, its entry and the one voter's notice.
        allow_notices(db).await;
        admin::extend_end(db, "told", t("2030-03-05T10:00:00Z"), Actor::System, now).await.unwrap();
        assert_eq!(closes(db).await, t("2030-03-05T10:00:00Z"));
        assert_eq!(db.audit_log(Some(row_id)).await.unwrap().len(), entries + 1);
        assert_eq!(db.notices(row_id).await.unwrap().len(), 1, "one voter has an address");
    }
);

/// Makes the database refuse every queued notice, as a failing constraint would.
async fn refuse_notices(db: &Db) {
    use urna_store::Backend;
    match db.backend() {
        Backend::Sqlite => {
            sqlx::query(
                "CREATE TRIGGER refuse_notice BEFORE INSERT ON mail_outbox
                 BEGIN SELECT RAISE(ABORT, 'injected notice failure'); END",
            )
            .execute(db.sqlite_pool().unwrap())
            .await
            .unwrap();
        }
        Backend::Postgres => {
            let pool = db.postgres_pool().unwrap();
            sqlx::query(
                "CREATE FUNCTION refuse_notice() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN RAISE EXCEPTION 'injected notice failure'; END $$",
            )
            .execute(pool)
            .await
            .unwrap();
            sqlx::query(
                "CREATE TRIGGER refuse_notice BEFORE INSERT ON mail_outbox FOR EACH ROW
                 EXECUTE FUNCTION refuse_notice()",
            )
            .execute(pool)
            .await
            .unwrap();
        }
    }
}

async fn allow_notices(db: &Db) {
    use urna_store::Backend;
    let sql = "DROP TRIGGER refuse_notice";
    match db.backend() {
        Backend::Sqlite => {
            sqlx::query(sql)
                .execute(db.sqlite_pool().unwrap())
                .await
                .unwrap();
        }
        Backend::Postgres => {
            sqlx::query("DROP TRIGGER refuse_notice ON mail_outbox")
                .execute(db.postgres_pool().unwrap())
                .await
                .unwrap();
        }
    }
}

on_both!(
    async fn a_dump_mid_election_and_after_the_count_reveals_no_vote(db) {
        // Each voter's ballot differs from the others; the bytes the server seals for it are
        // the election's padded encoding (here 9 bytes: version, approval tag and bits,
        // ranking tag and five ranks). If any table held a plaintext ballot, those bytes would
        // be in some cell, raw or as hex; 9 given bytes turn up in a few hundred kilobytes of
        // hashes and ciphertext by chance with probability about 1e-16.
        let now = t("2030-05-01T10:00:00Z");
        let slug = "dump";
        let (ids, secrets) = open_election(db, slug, 4, now).await;
        let ballots = [
            ballot(approvals(&["owl"]), ranking(&["ann", "bob", "cleo"])),
            ballot(approvals(&["box", "tree"]), ranking(&["eve", "dev", "cleo", "bob"])),
            ballot(approvals(&["tree"]), ranking(&["dev", "ann"])),
            ballot(approvals(&["owl", "box"]), ranking(&["cleo", "eve", "ann", "dev", "bob"])),
        ];
        let election = elections::load_election(db, slug).await.unwrap().election;
        let needles: Vec<Vec<u8>> = ballots
            .iter()
            .map(|b| {
                let padded = election.validate_ballot(b.clone()).unwrap().padded();
                assert_eq!(padded.len(), 9, "1 + (1 + 1) + (1 + 5)");
                padded
            })
            .collect();
        let scan = |when: &'static str| {
            let needles = needles.clone();
            async move {
                let cells = dump::every_cell(db).await;
                assert!(
                    cells.iter().any(|(_, v)| dump::contains(v, b"voter-3")),
                    "the scan sees the voter list ({when})"
                );
                for (n, needle) in needles.iter().enumerate() {
                    let hex: String = needle.iter().map(|b| format!("{b:02x}")).collect();
                    for (cell, value) in &cells {
                        assert!(
                            !dump::contains(value, needle) && !dump::contains(value, hex.as_bytes()),
                            "{when}: voter-{n}'s ballot is readable in {cell}"
                        );
                    }
                }
            }
        };

        let during = now.checked_add(jiff::SignedDuration::from_secs(120)).unwrap();
        for (voter, b) in ids.iter().zip(&ballots) {
            voting::cast(db, slug, *voter, b.clone(), during, &mut os_rng()).await.unwrap();
        }
        scan("mid-election").await;

        let after = now.checked_add(jiff::SignedDuration::from_hours(25)).unwrap();
        lifecycle::close(db, slug, Actor::System, after).await.unwrap();
        counting::freeze(db, slug, Actor::System, after, &mut os_rng()).await.unwrap();
        decrypt_with(db, slug, &[&secrets[0], &secrets[1]], after).await;
        counting::count(db, slug, None, Actor::System, after).await.unwrap();
        assert_eq!(
            elections::load_election(db, slug).await.unwrap().state(),
            State::Counted
        );
        scan("after the count").await;
    }
);

// --- faults: a server stopped in the middle of a count ---

/// Waits (at most 60 s) for `job` to finish and returns it.
async fn finished_job(db: &Db, job: urna_store::JobId) -> urna_store::JobRow {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let row = db.job(job).await.unwrap();
        if row.state != JobState::Running {
            return row;
        }
        assert!(
            Instant::now() < deadline,
            "job {job} still running: {row:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Opens election `slug` with three voters, casts their ballots, closes, freezes and hands in
/// two of the three trustees' shares: ready to count. Returns the election's row id.
///
/// Hand count of the three ballots:
/// Logo (approval, 1 seat): Owl 3 (all), Tree 1 (v0), Box 0 → Owl.
/// Board (Meek, 2 seats): first preferences Ann 2 (v0, v2), Bob 1 (v1); quota 3/(2+1) = 1
/// (Meek adds a hair above it): Ann is elected; her surplus goes half to Cleo (v0) and half to
/// Bob (v2), so Bob has 1.5 > quota → elected. Elected: Ann and Bob.
async fn closed_and_decrypted(db: &Db, slug: &str, now: Timestamp) -> urna_store::ElectionId {
    let (ids, secrets) = open_election(db, slug, 3, now).await;
    let ballots = [
        ballot(approvals(&["owl", "tree"]), ranking(&["ann", "cleo"])),
        ballot(approvals(&["owl"]), ranking(&["bob", "ann"])),
        ballot(approvals(&["owl"]), ranking(&["ann", "bob"])),
    ];
    for (voter, b) in ids.iter().zip(ballots) {
        voting::cast(db, slug, *voter, b, now, &mut os_rng())
            .await
            .unwrap();
    }
    let after = now
        .checked_add(jiff::SignedDuration::from_hours(1))
        .unwrap();
    lifecycle::close(db, slug, Actor::System, after)
        .await
        .unwrap();
    counting::freeze(db, slug, Actor::System, after, &mut os_rng())
        .await
        .unwrap();
    decrypt_with(db, slug, &[&secrets[0], &secrets[1]], after).await;
    elections::load_election(db, slug).await.unwrap().row_id
}

/// The hand count of [`closed_and_decrypted`] holds for `results`.
fn assert_hand_count(results: &[urna_store::ResultRow]) {
    let by_q: HashMap<&str, &serde_json::Value> = results
        .iter()
        .map(|r| (r.question.as_str(), &r.report))
        .collect();
    assert_eq!(by_q.len(), 2, "one result per question");
    assert_eq!(
        by_q["logo"]["report"]["elected"],
        serde_json::json!(["Owl"])
    );
    assert_eq!(by_q["logo"]["counted_ballots"], serde_json::json!(3));
    let mut board: Vec<String> =
        serde_json::from_value(by_q["board"]["report"]["elected"].clone()).unwrap();
    board.sort();
    assert_eq!(board, ["Ann", "Bob"]);
    assert_eq!(by_q["board"]["counted_ballots"], serde_json::json!(3));
}

fn count_entries(log: &[urna_store::AuditEntry]) -> usize {
    log.iter().filter(|a| a.action == "count_recorded").count()
}

on_both!(
    async fn a_count_left_running_by_a_dead_server_is_taken_over_and_stored_once(db) {
        let now = t("2030-03-01T10:00:00Z");
        let after = now.checked_add(jiff::SignedDuration::from_hours(1)).unwrap();
        // The same three ballots in two elections: "whole" is counted without interruption.
        let whole = closed_and_decrypted(db, "whole", now).await;
        let job = counting::start_count(db, "whole", Actor::System, after)
            .await
            .unwrap();
        let done = finished_job(db, job).await;
        assert_eq!(done.state, JobState::Succeeded, "{:?}", done.message);
        let uninterrupted = db.results(whole, false).await.unwrap();
        assert_hand_count(&uninterrupted);

        // "cut": a server started its count (lease for 1 s), decrypted two of the five steps
        // (3 ballots + 2 questions) and died.
        let cut = closed_and_decrypted(db, "cut", now).await;
        let dead = db
            .start_leased_job(
                Some(cut),
                counting::COUNT_JOB,
                5,
                urna_web::service::micros(after),
                UnixMicros(after.as_microsecond() + 1_000_000),
            )
            .await
            .unwrap();
        db.set_job_progress(dead, 2, urna_web::service::micros(after))
            .await
            .unwrap();

        // While its lease lasts, the job is someone's: no second count starts (asking again
        // follows the running job), none is taken over.
        let followed = counting::start_count(db, "cut", Actor::System, after)
            .await
            .unwrap();
        assert_eq!(followed, dead);
        assert!(counting::resume_interrupted_counts(db, after).await.unwrap().is_empty());
        assert!(db.results(cut, false).await.unwrap().is_empty());

        // Its lease has run out: two servers look at once, and exactly one takes it over.
        let later = after.checked_add(jiff::SignedDuration::from_secs(2)).unwrap();
        let (a, b) = tokio::join!(
            counting::resume_interrupted_counts(db, later),
            counting::resume_interrupted_counts(db, later)
        );
        let claimed: Vec<_> = a.unwrap().into_iter().chain(b.unwrap()).collect();
        assert_eq!(claimed, [dead]);
        let done = finished_job(db, dead).await;
        assert_eq!(done.state, JobState::Succeeded, "{:?}", done.message);
        assert_eq!(done.attempt, 2);
        assert_eq!((done.progress_done, done.progress_total), (5, 5));

        // Exactly one result per question, equal to the uninterrupted count's.
        let resumed = db.results(cut, false).await.unwrap();
        assert_hand_count(&resumed);
        let documents = |rows: &[urna_store::ResultRow]| -> Vec<(String, serde_json::Value)> {
            rows.iter().map(|r| (r.question.clone(), r.report.clone())).collect()
        };
        assert_eq!(documents(&resumed), documents(&uninterrupted));
        assert_eq!(
            elections::load_election(db, "cut").await.unwrap().state(),
            State::Counted
        );
        assert_eq!(count_entries(&db.audit_log(Some(cut)).await.unwrap()), 1);

        // Nothing is left to take over, and a second count is refused.
        let much_later = later.checked_add(jiff::SignedDuration::from_hours(1)).unwrap();
        assert!(counting::resume_interrupted_counts(db, much_later).await.unwrap().is_empty());
        assert!(counting::start_count(db, "cut", Actor::System, much_later).await.is_err());
        assert_eq!(db.results(cut, false).await.unwrap(), resumed);
        let jobs = db.jobs_of_election(cut).await.unwrap();
        assert_eq!(jobs.len(), 1);
    }
);

on_both!(
    async fn a_count_stored_just_before_its_server_died_is_not_counted_again(db) {
        let now = t("2030-03-02T10:00:00Z");
        let after = now.checked_add(jiff::SignedDuration::from_hours(1)).unwrap();
        let election = closed_and_decrypted(db, "stored", now).await;
        // The server's count stored the results (and the move to `counted`) in one
        // transaction, then died before marking its job finished.
        let dead = db
            .start_leased_job(
                Some(election),
                counting::COUNT_JOB,
                5,
                urna_web::service::micros(after),
                UnixMicros(after.as_microsecond() + 1_000_000),
            )
            .await
            .unwrap();
        counting::count(db, "stored", Some(dead), Actor::System, after)
            .await
            .unwrap();
        let stored = db.results(election, false).await.unwrap();
        assert_hand_count(&stored);

        let later = after.checked_add(jiff::SignedDuration::from_secs(2)).unwrap();
        let claimed = counting::resume_interrupted_counts(db, later).await.unwrap();
        assert_eq!(claimed, [dead]);
        let done = finished_job(db, dead).await;
        assert_eq!(done.state, JobState::Succeeded, "{:?}", done.message);
        assert_eq!(done.message.as_deref(), Some("counted by an earlier attempt"));
        // The results are the stored ones, untouched (same times too), and counted once.
        assert_eq!(db.results(election, false).await.unwrap(), stored);
        assert_eq!(count_entries(&db.audit_log(Some(election)).await.unwrap()), 1);
    }
);

// --- end faults ---
