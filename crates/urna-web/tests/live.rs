//! Safe changes while voting runs (`service::live`), on SQLite and on PostgreSQL
//! (`URNA_TEST_PG_URL`; skipped with a message when unset): each change's preview (who and
//! how many), its confirmation (the effect, the audit entries, notices queued to exactly the
//! affected voters), and the refusal of a stale preview.

// Integration tests are separate crates: `allow-unwrap-in-tests` does not reach their helpers.
#![allow(clippy::unwrap_used)]

use jiff::{SignedDuration, Timestamp};
use urna_core::ballot::{Answer, PlainBallot};
use urna_core::election::{ElectionSpec, TextTarget};
use urna_core::lifecycle::State;
use urna_core::question::{CandidateId, QuestionId};
use urna_crypto::os_rng;
use urna_store::{Db, VoterId};
use urna_web::auth::server_key::ServerSecretKey;
use urna_web::service::live::{self, IncidentWindow, LiveChange, SWAP_STRIKE_REASON};
use urna_web::service::{
    Actor, ServiceError, admin, board, counting, elections, lifecycle, publish, trustees, voters,
    voting,
};

#[path = "support/ceremony.rs"]
mod ceremony;
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
                let Some(test) = TestDb::postgres("live").await else { return };
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

fn qid(s: &str) -> QuestionId {
    QuestionId::parse(s).unwrap()
}

fn minutes(m: i64) -> SignedDuration {
    SignedDuration::from_mins(m)
}

/// Opened 2030-03-01T10:00Z, closing 24 hours later.
const OPENED: &str = "2030-03-01T10:00:00Z";

/// An approval question "logo" (owl, box, tree) and, unless `verifiable`, a ranked question
/// "board" (ann, bob, cleo): a ranked question makes the election sealed, not verifiable.
/// Voters `voter-0`… with addresses `voter-N@example.org`, except those in `no_address`.
async fn open_election(
    db: &Db,
    slug: &str,
    n: usize,
    no_address: &[usize],
    verifiable: bool,
) -> Vec<VoterId> {
    open_election_with_trustees(db, slug, n, no_address, verifiable)
        .await
        .0
}

/// [`open_election`], with the trustees' secrets.
async fn open_election_with_trustees(
    db: &Db,
    slug: &str,
    n: usize,
    no_address: &[usize],
    verifiable: bool,
) -> (Vec<VoterId>, Vec<urna_crypto::TrusteeSecret>) {
    let now = t(OPENED);
    let name = |n: &str| serde_json::json!({"default": "en", "texts": {"en": n}});
    let cands = |names: &[&str]| -> Vec<serde_json::Value> {
        names
            .iter()
            .map(|n| serde_json::json!({"id": n.to_lowercase(), "name": name(n)}))
            .collect()
    };
    let mut questions = vec![serde_json::json!(
        {"id": "logo", "title": name("Logo"), "description": null,
         "ballot_type": {"type": "approval", "min": 0, "max": 3}, "method": "approval",
         "seats": 1, "options": cands(&["Owl", "Box", "Tree"])})];
    if !verifiable {
        questions.push(serde_json::json!(
            {"id": "board", "title": name("Board"), "description": null,
             "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
             "method": "meek", "seats": 1, "options": cands(&["Ann", "Bob", "Cleo"])}));
    }
    let spec: ElectionSpec = serde_json::from_value(serde_json::json!({
        "id": urna_core::election::ElectionId::generate().unwrap(),
        "slug": slug, "languages": ["en"], "title": name("Board election"),
        "window": {"opens": now.checked_add(minutes(1)).unwrap(),
                   "closes": now.checked_add(minutes(24 * 60)).unwrap(), "zone": "UTC"},
        "questions": questions,
    }))
    .unwrap();
    elections::create_election(db, spec, None, Actor::System, now)
        .await
        .unwrap();
    let mut csv = String::from("voter,email\n");
    for i in 0..n {
        if no_address.contains(&i) {
            csv.push_str(&format!("voter-{i},\n"));
        } else {
            csv.push_str(&format!("voter-{i},voter-{i}@example.org\n"));
        }
    }
    let upload = voters::upload_voters(db, slug, &csv, Actor::System, now)
        .await
        .unwrap();
    let secrets = ceremony::key_ceremony(db, slug, 2, 3, now).await;
    lifecycle::mark_ready(db, slug, Actor::System, now)
        .await
        .unwrap();
    lifecycle::open(db, slug, Actor::System, now).await.unwrap();
    (upload.issued.iter().map(|l| l.voter_id).collect(), secrets)
}

fn a_ballot(verifiable: bool) -> PlainBallot {
    let logo = Answer::Approvals(vec![cid("owl")]);
    let answers = if verifiable {
        vec![logo]
    } else {
        vec![
            logo,
            Answer::Ranking(vec![vec![cid("bob")], vec![cid("ann")]]),
        ]
    };
    PlainBallot { answers }
}

async fn cast(db: &Db, slug: &str, voter: VoterId, at: Timestamp) -> Result<(), ServiceError> {
    voting::cast(db, slug, voter, a_ballot(false), at, &mut os_rng())
        .await
        .map(|_| ())
}

/// The identifiers of the voters with a queued notice of `kind`, sorted.
async fn told(db: &Db, slug: &str, kind: &str) -> Vec<String> {
    let loaded = elections::load_election(db, slug).await.unwrap();
    let mut names = Vec::new();
    for n in db.notices(loaded.row_id).await.unwrap() {
        if n.kind == kind {
            names.push(db.voter(n.voter).await.unwrap().identifier);
        }
    }
    names.sort();
    names
}

/// The actions of the election's audit entries after the first `skip`.
async fn audit_actions(db: &Db, slug: &str, skip: usize) -> Vec<String> {
    let loaded = elections::load_election(db, slug).await.unwrap();
    let log = db.audit_log(Some(loaded.row_id)).await.unwrap();
    urna_store::verify_audit_chain(&log).unwrap();
    log.into_iter().skip(skip).map(|e| e.action).collect()
}

async fn audit_len(db: &Db, slug: &str) -> usize {
    audit_actions(db, slug, 0).await.len()
}

fn strings(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| (*s).to_owned()).collect()
}

on_both!(
    async fn moving_the_end_and_pausing_tell_every_voter(db) {
        let slug = "pause";
        let ids = open_election(db, slug, 3, &[2], false).await;
        let now = t(OPENED).checked_add(minutes(60)).unwrap();
        cast(db, slug, ids[0], now).await.unwrap();
        let actor = Actor::System;

        // Shorten the end by 12 hours: every eligible voter is told (voter-2 has no address).
        let closes = t("2030-03-01T22:00:00Z");
        let change = LiveChange::MoveEnd { closes };
        let preview = live::preview(db, slug, &change, now).await.unwrap();
        assert_eq!(preview.told, strings(&["voter-0", "voter-1"]));
        assert_eq!(preview.told_without_address, strings(&["voter-2"]));
        assert!(preview.struck.is_empty());
        assert_eq!(preview.event.as_ref().unwrap()["event"], "end_shortened");
        let entries = audit_len(db, slug).await;
        let done = live::confirm(db, slug, &change, &preview.token, actor, now).await.unwrap();
        assert_eq!((done.notices.queued, done.notices.skipped_no_address), (2, 1));
        let loaded = elections::load_election(db, slug).await.unwrap();
        assert_eq!(loaded.election.window().unwrap().closes(), closes);
        assert_eq!(audit_actions(db, slug, entries).await, strings(&["end_shortened"]));
        assert_eq!(told(db, slug, live::NOTICE_SHORTENED).await, strings(&["voter-0", "voter-1"]));

        // Never to before now: 09:00 is an hour before `now` (11:00).
        let refused = live::preview(db, slug, &LiveChange::MoveEnd { closes: t("2030-03-01T10:00:00Z") }, now)
            .await
            .unwrap_err();
        assert_eq!(
            refused.to_string(),
            "the new end 2030-03-01 10:00 UTC is not after now (2030-03-01 11:00 UTC): to stop \
             voting now, close the election"
        );

        // A stale preview: the pause was previewed, then the title was corrected.
        let pause = live::preview(db, slug, &LiveChange::Pause, now).await.unwrap();
        assert_eq!(pause.state_after, State::Paused);
        let fix = LiveChange::FixText {
            target: TextTarget::ElectionTitle,
            lang: "en".parse().unwrap(),
            text: "Board election 2030".into(),
        };
        let fix_preview = live::preview(db, slug, &fix, now).await.unwrap();
        assert!(fix_preview.told.is_empty(), "a typo concerns no one's vote");
        live::confirm(db, slug, &fix, &fix_preview.token, actor, now).await.unwrap();
        let entries = audit_len(db, slug).await;
        let stale = live::confirm(db, slug, &LiveChange::Pause, &pause.token, actor, now)
            .await
            .unwrap_err();
        assert!(matches!(stale, ServiceError::Conflict { .. }), "{stale}");
        assert!(stale.to_string().contains("preview the change again"), "{stale}");
        assert_eq!(elections::load_election(db, slug).await.unwrap().state(), State::Open);
        assert_eq!(audit_len(db, slug).await, entries, "nothing logged");

        // Pause for real: ballots are refused with their own message.
        let pause = live::preview(db, slug, &LiveChange::Pause, now).await.unwrap();
        live::confirm(db, slug, &LiveChange::Pause, &pause.token, actor, now).await.unwrap();
        assert_eq!(elections::load_election(db, slug).await.unwrap().state(), State::Paused);
        assert_eq!(told(db, slug, live::NOTICE_PAUSED).await, strings(&["voter-0", "voter-1"]));
        let refused = cast(db, slug, ids[1], now).await.unwrap_err();
        assert!(refused.to_string().starts_with("voting is paused"), "{refused}");

        // The end passes while paused: the scheduler leaves it paused, resuming is refused.
        let past_end = t("2030-03-01T23:00:00Z");
        assert!(lifecycle::run_due_transitions(db, past_end).await.unwrap().is_empty());
        assert_eq!(elections::load_election(db, slug).await.unwrap().state(), State::Paused);
        let refused = live::preview(db, slug, &LiveChange::Resume, past_end).await.unwrap_err();
        assert!(refused.to_string().contains("passed while voting was paused"), "{refused}");

        // Move the end later, then resume: voting goes on; voter-1 votes.
        let later = LiveChange::MoveEnd { closes: t("2030-03-02T10:00:00Z") };
        let p = live::preview(db, slug, &later, past_end).await.unwrap();
        live::confirm(db, slug, &later, &p.token, actor, past_end).await.unwrap();
        let p = live::preview(db, slug, &LiveChange::Resume, past_end).await.unwrap();
        assert_eq!(p.state_after, State::Open);
        live::confirm(db, slug, &LiveChange::Resume, &p.token, actor, past_end).await.unwrap();
        assert_eq!(told(db, slug, live::NOTICE_RESUMED).await, strings(&["voter-0", "voter-1"]));
        cast(db, slug, ids[1], past_end).await.unwrap();
        assert_eq!(admin::turnout(db, slug).await.unwrap().voted, 2);

        // Each notice renders in English with the election's title and, where it has one,
        // the new end in the election's zone (UTC here): locales/en/live.ftl.
        let loaded = elections::load_election(db, slug).await.unwrap();
        let en = urna_web::i18n::LanguageTag::english();
        let locales = std::sync::Arc::new(
            urna_web::i18n::Locales::embedded(std::slice::from_ref(&en), &en).unwrap(),
        );
        let reader = urna_web::service::mail::Reader::new(&locales, &loaded, Some("en"));
        let mut subjects = Vec::new();
        for notice in db.notices(loaded.row_id).await.unwrap() {
            if db.voter(notice.voter).await.unwrap().identifier != "voter-0" {
                continue;
            }
            let text = urna_web::service::mail::notice_message(&reader, &loaded, &notice, None, "http://vote.test").unwrap();
            let plain = |s: &str| s.replace(['\u{2068}', '\u{2069}'], "");
            subjects.push(plain(&text.subject));
            if notice.kind == live::NOTICE_SHORTENED {
                assert!(plain(&text.body).contains("now closes earlier, 2030-03-01 22:00 UTC"), "{}", text.body);
            }
            if notice.kind == live::NOTICE_RESUMED {
                assert!(plain(&text.body).contains("has resumed and closes 2030-03-02 10:00 UTC"), "{}", text.body);
            }
        }
        subjects.sort();
        assert_eq!(
            subjects,
            strings(&[
                "Voting closes earlier: Board election 2030",
                "Voting extended: Board election 2030",
                "Voting paused: Board election 2030",
                "Voting resumed: Board election 2030",
            ])
        );
    }
);

on_both!(
    async fn a_swap_strikes_the_ballots_cast_before_it_and_tells_exactly_those_voters(db) {
        let slug = "swap";
        let ids = open_election(db, slug, 4, &[], false).await;
        let now = t(OPENED).checked_add(minutes(30)).unwrap();
        cast(db, slug, ids[0], now).await.unwrap();
        cast(db, slug, ids[2], now).await.unwrap();
        let actor = Actor::System;
        let swap = LiveChange::SwapCandidate {
            question: qid("board"),
            candidate: cid("bob"),
            name: "Dana".into(),
        };

        // voter-0 and voter-2 have voted: their ballots are struck and they are told.
        let preview = live::preview(db, slug, &swap, now).await.unwrap();
        assert_eq!(preview.struck, strings(&["voter-0", "voter-2"]));
        assert_eq!(preview.told, strings(&["voter-0", "voter-2"]));

        // voter-1 votes after the preview: the preview is stale (one more ballot to strike).
        cast(db, slug, ids[1], now).await.unwrap();
        let entries = audit_len(db, slug).await;
        let stale = live::confirm(db, slug, &swap, &preview.token, actor, now).await.unwrap_err();
        assert!(matches!(stale, ServiceError::Conflict { .. }), "{stale}");
        assert_eq!(admin::turnout(db, slug).await.unwrap().voted, 3, "nothing struck");
        assert_eq!(audit_len(db, slug).await, entries);

        let preview = live::preview(db, slug, &swap, now).await.unwrap();
        assert_eq!(preview.struck, strings(&["voter-0", "voter-1", "voter-2"]));
        let done = live::confirm(db, slug, &swap, &preview.token, actor, now).await.unwrap();
        assert_eq!(done.notices.queued, 3);
        assert_eq!(admin::turnout(db, slug).await.unwrap().voted, 0);
        assert_eq!(
            told(db, slug, live::NOTICE_SWAPPED).await,
            strings(&["voter-0", "voter-1", "voter-2"]),
            "exactly the voters whose ballots were struck; voter-3 had not voted"
        );
        // One strike entry per voter, then the swap itself.
        assert_eq!(
            audit_actions(db, slug, entries).await,
            strings(&["ballot_struck", "ballot_struck", "ballot_struck", "candidate_swapped"])
        );
        let loaded = elections::load_election(db, slug).await.unwrap();
        assert_eq!(loaded.election.questions()[1].candidate_name(&cid("bob")), "Dana");
        let status = db.current_ballot_status(ids[0]).await.unwrap().unwrap();
        assert_eq!(status.strike_reason.as_deref(), Some(SWAP_STRIKE_REASON));

        // Such a ballot is never reinstated; the voter votes again instead.
        let refused = admin::unstrike(db, slug, "voter-0", actor, now).await.unwrap_err();
        assert!(refused.to_string().contains("cannot be reinstated"), "{refused}");
        cast(db, slug, ids[0], now).await.unwrap();
        assert_eq!(admin::turnout(db, slug).await.unwrap().voted, 1);

        // A withdrawal keeps ballots and tells the voters who have voted (voter-0 now).
        let withdraw = LiveChange::WithdrawCandidate { question: qid("board"), candidate: cid("cleo") };
        let p = live::preview(db, slug, &withdraw, now).await.unwrap();
        assert!(p.struck.is_empty());
        assert_eq!(p.told, strings(&["voter-0"]));
        live::confirm(db, slug, &withdraw, &p.token, actor, now).await.unwrap();
        assert_eq!(told(db, slug, "candidate_withdrawn").await, strings(&["voter-0"]));
        assert_eq!(admin::turnout(db, slug).await.unwrap().voted, 1);
    }
);

on_both!(
    async fn a_swap_is_refused_in_a_running_verifiable_election(db) {
        let slug = "swap-verifiable";
        open_election(db, slug, 2, &[], true).await;
        let now = t(OPENED).checked_add(minutes(30)).unwrap();
        let swap = LiveChange::SwapCandidate {
            question: qid("logo"),
            candidate: cid("box"),
            name: "Cube".into(),
        };
        let refused = live::preview(db, slug, &swap, now).await.unwrap_err();
        assert!(refused.to_string().contains("withdraw the candidate instead"), "{refused}");
    }
);

on_both!(
    async fn an_incident_window_strike_removes_exactly_the_ballots_cast_in_it(db) {
        let slug = "incident";
        let ids = open_election(db, slug, 6, &[], false).await;
        let key = ServerSecretKey::generate().unwrap();
        let at = |m: i64| t("2030-03-01T11:00:00Z").checked_add(minutes(m)).unwrap();
        let (from, to) = (at(5), at(15));
        // voter-0 before the window, voter-1 at its first instant, voter-2 one microsecond
        // before its end, voter-3 at its end (excluded), voter-4 in it but again after it (the
        // counted ballot is the later one), voter-5 never.
        cast(db, slug, ids[0], at(0)).await.unwrap();
        cast(db, slug, ids[1], from).await.unwrap();
        cast(db, slug, ids[2], to.checked_sub(SignedDuration::from_micros(1)).unwrap()).await.unwrap();
        cast(db, slug, ids[3], to).await.unwrap();
        cast(db, slug, ids[4], at(6)).await.unwrap();
        cast(db, slug, ids[4], at(20)).await.unwrap();
        // The board shows every counted ballot before the strike.
        let loaded = elections::load_election(db, slug).await.unwrap();
        board::catch_up(db, &key, &loaded, &mut os_rng()).await.unwrap();
        let strikes_on_board = db.board_events_of_type_count(loaded.row_id, "strike").await.unwrap();

        let change = LiveChange::StrikeWindow {
            window: IncidentWindow::new(from, to).unwrap(),
            reason: "ballots cast while the ballot page showed the wrong candidates".into(),
        };
        let now = at(30);
        let preview = live::preview(db, slug, &change, now).await.unwrap();
        assert_eq!(preview.struck, strings(&["voter-1", "voter-2"]));
        assert_eq!(preview.told, strings(&["voter-1", "voter-2"]));
        let entries = audit_len(db, slug).await;
        live::confirm(db, slug, &change, &preview.token, Actor::System, now).await.unwrap();
        assert_eq!(admin::turnout(db, slug).await.unwrap().voted, 3, "voter-0, -3, -4");
        for (i, struck) in [false, true, true, false, false] .into_iter().enumerate() {
            let status = db.current_ballot_status(ids[i]).await.unwrap().unwrap();
            assert_eq!(status.struck, struck, "voter-{i}");
        }
        assert_eq!(told(db, slug, "ballot_struck").await, strings(&["voter-1", "voter-2"]));
        assert_eq!(
            audit_actions(db, slug, entries).await,
            strings(&["ballot_struck", "ballot_struck", "incident_window_struck"])
        );
        // A normal strike per voter: one `strike` event each on the board.
        assert_eq!(
            db.board_events_of_type_count(loaded.row_id, "strike").await.unwrap(),
            strikes_on_board + 2
        );
        // The struck voters may vote again.
        cast(db, slug, ids[1], at(31)).await.unwrap();
        assert_eq!(admin::turnout(db, slug).await.unwrap().voted, 4);

        // An empty window is refused when built.
        assert!(IncidentWindow::new(to, from).is_err());
        assert!(IncidentWindow::new(to, to).is_err());
    }
);

on_both!(
    async fn voters_who_were_missed_are_added_with_links(db) {
        let slug = "missed";
        open_election(db, slug, 2, &[], false).await;
        let now = t(OPENED).checked_add(minutes(30)).unwrap();
        let change = LiveChange::AddVoters {
            csv: "voter,email\nvoter-1,voter-1@example.org\nlate-1,l1@example.org\nlate-2,\n".into(),
        };
        let preview = live::preview(db, slug, &change, now).await.unwrap();
        assert_eq!(preview.added, strings(&["late-1", "late-2"]));
        assert_eq!(preview.already_listed, strings(&["voter-1"]));
        let entries = audit_len(db, slug).await;
        let done = live::confirm(db, slug, &change, &preview.token, Actor::System, now).await.unwrap();
        let mut linked: Vec<String> = done.links.iter().map(|l| l.voter.clone()).collect();
        linked.sort();
        assert_eq!(linked, strings(&["late-1", "late-2"]));
        assert_eq!(audit_actions(db, slug, entries).await, strings(&["voters_uploaded"]));
        // The new voter can vote with the link's voter.
        cast(db, slug, done.links[0].voter_id, now).await.unwrap();
        assert_eq!(admin::turnout(db, slug).await.unwrap().eligible, 4);
    }
);

on_both!(
    async fn a_withdrawal_after_the_count_keeps_the_count_and_publishes_the_recount(db) {
        let slug = "recount";
        let (ids, secrets) = open_election_with_trustees(db, slug, 5, &[], false).await;
        let now = t(OPENED).checked_add(minutes(30)).unwrap();
        // Meek, one seat, five ballots on "board":
        //   bob > ann, bob > ann, bob > cleo, ann, cleo > ann.
        // The count: Bob has 3 first preferences of 5, over the quota (5/2 = 2.5 and a bit):
        // Bob is elected. Without Bob, his ballots pass on: Ann 1 + 2 = 3, Cleo 1 + 1 = 2, so
        // Ann is elected. Three ballots name Bob.
        let rankings: [&[&str]; 5] = [&["bob", "ann"], &["bob", "ann"], &["bob", "cleo"], &["ann"], &["cleo", "ann"]];
        for (voter, ranking) in ids.iter().zip(rankings) {
            let ballot = PlainBallot {
                answers: vec![
                    Answer::Approvals(vec![cid("owl")]),
                    Answer::Ranking(ranking.iter().map(|c| vec![cid(c)]).collect()),
                ],
            };
            voting::cast(db, slug, *voter, ballot, now, &mut os_rng()).await.unwrap();
        }
        let withdraw = LiveChange::WithdrawAfterCount { question: qid("board"), candidate: cid("bob") };
        // Before the count: refused, and the other withdrawal is named.
        let early = live::preview(db, slug, &withdraw, now).await.unwrap_err();
        assert!(early.to_string().contains("withdraw the candidate instead"), "{early}");

        let after = t(OPENED).checked_add(minutes(120)).unwrap();
        lifecycle::close(db, slug, Actor::System, after).await.unwrap();
        counting::freeze(db, slug, Actor::System, after, &mut os_rng()).await.unwrap();
        let setup = trustees::setup_of(db, slug).await.unwrap();
        let set = counting::frozen_set(db, slug).await.unwrap();
        for s in &secrets[..2] {
            let share = s.share_for(&setup.digest()).unwrap();
            let shares = urna_crypto::decryption_shares(share, &set, &mut os_rng()).unwrap();
            counting::accept_decryption_shares(db, slug, shares, Actor::System, after).await.unwrap();
        }
        counting::count(db, slug, None, Actor::System, after).await.unwrap();

        let preview = live::preview(db, slug, &withdraw, after).await.unwrap();
        let recount = preview.recount.clone().unwrap();
        assert_eq!(recount.ballots_naming, 3);
        assert_eq!(recount.elected_in_count, strings(&["Bob"]));
        assert_eq!(recount.elected_in_recount, strings(&["Ann"]));
        let entries = audit_len(db, slug).await;
        live::confirm(db, slug, &withdraw, &preview.token, Actor::System, after).await.unwrap();
        assert_eq!(audit_actions(db, slug, entries).await, strings(&["recounted_after_withdrawal"]));
        let row_id = elections::load_election(db, slug).await.unwrap().row_id;
        // The original count stands; the recount is not public before the results are.
        let original = db.results(row_id, false).await.unwrap();
        let board_result = original.iter().find(|r| r.question == "board").unwrap();
        assert_eq!(board_result.report["report"]["elected"], serde_json::json!(["Bob"]));
        assert!(db.recounts(row_id, true).await.unwrap().is_empty());
        // The same withdrawal again is refused: Bob is already left out.
        let again = live::preview(db, slug, &withdraw, after).await.unwrap_err();
        assert!(again.to_string().contains("already left out"), "{again}");

        // Publishing publishes both.
        publish::publish(db, slug, Actor::System, after).await.unwrap();
        let published = db.recounts(row_id, true).await.unwrap();
        assert_eq!(published.len(), 1);
        assert_eq!(published[0].report["report"]["elected"], serde_json::json!(["Ann"]));
        assert_eq!(published[0].report["withdrawn"], serde_json::json!(["bob"]));
        assert_eq!(db.results(row_id, true).await.unwrap().len(), 2, "both questions' counts");
    }
);
