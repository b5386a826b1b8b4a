//! A verifiable election from opening to the trustees' decryption, on SQLite and PostgreSQL:
//! the server's service keeps the board (ballots made with `encrypt_ballot` and stored as the
//! casting service stores them, a strike, a revote, closing, the freeze), the record is
//! downloaded, two of three trustees run `urna trustee decrypt-tally` on it, and their
//! partial decryptions combine to the totals counted by hand from the ballots cast; the server
//! counts, publishes, and the independent verifier passes the final record.

// Integration tests are separate crates: `allow-unwrap-in-tests` does not reach their helpers.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use jiff::Timestamp;
use urna_core::ballot::Answer;
use urna_core::election::ElectionSpec;
use urna_core::question::CandidateId;
use urna_crypto::homomorphic::{CredentialSecret, TallyDecryption, combine_tally, encrypt_ballot};
use urna_crypto::record::{read_record, recompute_tally, setup_of};
use urna_crypto::{TrusteeSecret, os_rng};
use urna_store::{Backend, Db, ElectionId, VoterId};
use urna_verify::{CheckId, Status, VerifyOptions};
use urna_web::auth::server_key::ServerSecretKey;
use urna_web::service::board::{self, ReceiptLookup, Tracker};
use urna_web::service::{
    Actor, admin, counting, elections, lifecycle, publish, tally_verifiable, voters,
};

#[path = "../../urna-web/tests/support/ceremony.rs"]
mod ceremony;
#[path = "../../urna-web/tests/support/test_db.rs"]
mod test_db;
use test_db::TestDb;

const SLUG: &str = "verifiable";

fn run<F: std::future::Future<Output = ()>>(future: F) {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
        .block_on(future);
}

#[test]
fn two_of_three_trustees_decrypt_the_tally_on_sqlite() {
    run(async {
        let test = TestDb::sqlite().await;
        whole_election(&test.db, "sqlite").await;
        test.teardown().await;
    });
}

#[test]
fn two_of_three_trustees_decrypt_the_tally_on_postgres() {
    run(async {
        let Some(test) = TestDb::postgres("decrypt_tally").await else {
            return;
        };
        whole_election(&test.db, "postgres").await;
        test.teardown().await;
    });
}

fn cid(s: &str) -> CandidateId {
    CandidateId::parse(s).unwrap()
}

/// One approval question (Owl, Box, Tree; 0 to 3 approvals), four voters, 2-of-3 trustees.
async fn open_election(db: &Db, now: Timestamp) -> (Vec<VoterId>, Vec<TrusteeSecret>) {
    let name = |n: &str| serde_json::json!({"default": "en", "texts": {"en": n}});
    let spec: ElectionSpec = serde_json::from_value(serde_json::json!({
        "id": urna_core::election::ElectionId::generate().unwrap(), "slug": SLUG,
        "languages": ["en"], "title": name("Verifiable"),
        "window": {
            "opens": now.checked_add(jiff::SignedDuration::from_secs(60)).unwrap(),
            "closes": now.checked_add(jiff::SignedDuration::from_hours(24)).unwrap(),
            "zone": "UTC"
        },
        "questions": [
            {"id": "logo", "title": name("Logo"), "description": null,
             "ballot_type": {"type": "approval", "min": 0, "max": 3}, "method": "approval",
             "seats": 1, "options": [
                {"id": "owl", "name": name("Owl")}, {"id": "box", "name": name("Box")},
                {"id": "tree", "name": name("Tree")}]}
        ]
    }))
    .unwrap();
    elections::create_election(db, spec, None, Actor::System, now)
        .await
        .unwrap();
    let upload = voters::upload_voters(db, SLUG, "voter\nv0\nv1\nv2\nv3\n", Actor::System, now)
        .await
        .unwrap();
    let secrets = ceremony::key_ceremony(db, SLUG, 2, 3, now).await;
    lifecycle::mark_ready(db, SLUG, Actor::System, now)
        .await
        .unwrap();
    lifecycle::open(db, SLUG, Actor::System, now).await.unwrap();
    (upload.issued.iter().map(|l| l.voter_id).collect(), secrets)
}

/// Stores a verifiable ballot as the casting service does (the voter's previous ballot no
/// longer current; the ballot's JSON, credential key and tracker), and returns its tracker.
async fn cast(db: &Db, election: ElectionId, voter: VoterId, approve: &[&str]) -> [u8; 32] {
    let loaded = elections::load_election(db, SLUG).await.unwrap();
    let params = board::context(db, &loaded).await.unwrap().params.unwrap();
    let question = &loaded.election.questions()[0];
    let answer = Answer::Approvals(approve.iter().map(|s| cid(s)).collect());
    let bits = urna_core::verifiable::answer_bits(question, &answer).unwrap();
    let mut rng = os_rng();
    let credential = CredentialSecret::generate(&mut rng).unwrap();
    let (ballot, _) = encrypt_ballot(&params, &credential, &[bits], &mut rng).unwrap();
    let tracker = ballot.digest().0;
    let key = ballot.credential_key().to_bytes().to_vec();
    let json = serde_json::to_vec(&ballot).unwrap();
    let mut id = [0u8; 16];
    getrandom::fill(&mut id).unwrap();
    let retire = "UPDATE ballots SET is_current = FALSE
                  WHERE is_current AND credential_id = (SELECT id FROM credentials WHERE voter_id = $1)";
    let insert = "INSERT INTO ballots (id, election_id, credential_id, sealed, is_current,
                                       credential_key, tracker, sealed_by)
                  VALUES ($1, $2, (SELECT id FROM credentials WHERE voter_id = $3), $4, TRUE,
                          $5, $6, 'voter')";
    let voted = "UPDATE voters SET voted = TRUE WHERE id = $1";
    match db.backend() {
        Backend::Sqlite => {
            let pool = db.sqlite_pool().unwrap();
            sqlx::query(retire).bind(voter).execute(pool).await.unwrap();
            sqlx::query(insert)
                .bind(&id[..])
                .bind(election)
                .bind(voter)
                .bind(&json)
                .bind(&key)
                .bind(&tracker[..])
                .execute(pool)
                .await
                .unwrap();
            sqlx::query(voted).bind(voter).execute(pool).await.unwrap();
        }
        Backend::Postgres => {
            let pool = db.postgres_pool().unwrap();
            sqlx::query(retire).bind(voter).execute(pool).await.unwrap();
            sqlx::query(insert)
                .bind(&id[..])
                .bind(election)
                .bind(voter)
                .bind(&json)
                .bind(&key)
                .bind(&tracker[..])
                .execute(pool)
                .await
                .unwrap();
            sqlx::query(voted).bind(voter).execute(pool).await.unwrap();
        }
    }
    tracker
}

async fn catch_up(db: &Db, key: &ServerSecretKey) -> board::CatchUp {
    let loaded = elections::load_election(db, SLUG).await.unwrap();
    board::catch_up(db, key, &loaded, &mut os_rng())
        .await
        .unwrap()
}

async fn download(db: &Db, election: ElectionId) -> String {
    let mut record = String::new();
    let mut from = 0;
    loop {
        let page = db.board_events(election, from, 7).await.unwrap();
        let Some(last) = page.last() else { break };
        from = last.height + 1;
        for event in page {
            record.push_str(&event.line);
            record.push('\n');
        }
    }
    record
}

fn trustee(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_urna"))
        .arg("trustee")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn write_secret(path: &Path, secret: &TrusteeSecret) {
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .unwrap();
    std::io::Write::write_all(&mut file, serde_json::to_string(secret).unwrap().as_bytes())
        .unwrap();
}

async fn whole_election(db: &Db, engine: &str) {
    let now: Timestamp = "2030-03-01T10:00:00Z".parse().unwrap();
    let key = ServerSecretKey::generate().unwrap();
    let (voters, secrets) = open_election(db, now).await;
    let election = elections::load_election(db, SLUG).await.unwrap().row_id;
    assert!(catch_up(db, &key).await.opened);

    // v0 {Owl}, v1 {Owl, Box}, v2 {Tree}, v3 {Box}; one batch.
    let _first_v0 = cast(db, election, voters[0], &["owl"]).await;
    cast(db, election, voters[1], &["owl", "box"]).await;
    let v2 = cast(db, election, voters[2], &["tree"]).await;
    cast(db, election, voters[3], &["box"]).await;
    assert_eq!(catch_up(db, &key).await.ballots, 4);

    // v2's receipt: included under the latest tree head, and it checks out.
    let loaded = elections::load_election(db, SLUG).await.unwrap();
    let ReceiptLookup::Included(receipt) = board::receipt(db, &loaded, Tracker(v2)).await.unwrap()
    else {
        panic!("v2's ballot is on the board");
    };
    let record = download(db, election).await;
    let setup = setup_of(&read_record(&record).unwrap()).unwrap().clone();
    receipt
        .verify(&setup.board_key, &setup.election_digest)
        .unwrap();
    assert!(matches!(
        board::receipt(db, &loaded, Tracker([9; 32])).await.unwrap(),
        ReceiptLookup::Unknown
    ));

    // v3 is struck; v0 votes again {Box, Tree}, which waits for the next batch.
    admin::strike(db, SLUG, "v3", "not eligible", Actor::System, now)
        .await
        .unwrap();
    let second_v0 = cast(db, election, voters[0], &["box", "tree"]).await;
    assert!(matches!(
        board::receipt(db, &loaded, Tracker(second_v0))
            .await
            .unwrap(),
        ReceiptLookup::Waiting
    ));
    assert_eq!(catch_up(db, &key).await.ballots, 1);

    let later = now
        .checked_add(jiff::SignedDuration::from_hours(1))
        .unwrap();
    lifecycle::close(db, SLUG, Actor::System, later)
        .await
        .unwrap();
    assert!(catch_up(db, &key).await.ended);
    let frozen = tally_verifiable::freeze(db, SLUG, Actor::System, later)
        .await
        .unwrap();
    assert_eq!((frozen.counted, frozen.weight), (3, 3));
    assert!(catch_up(db, &key).await.frozen);

    // The trustees' side, through files.
    let dir = tempfile::tempdir().unwrap();
    let record = download(db, election).await;
    fs::write(dir.path().join("record.jsonl"), &record).unwrap();
    // A record cut before the freeze is refused.
    let early: String = record.lines().take(5).map(|l| format!("{l}\n")).collect();
    fs::write(dir.path().join("early.jsonl"), early).unwrap();
    let mut partials = Vec::new();
    for index in [0, 2] {
        let secret_file = format!("t{index}.secret.json");
        write_secret(&dir.path().join(&secret_file), &secrets[index]);
        let refused = trustee(
            dir.path(),
            &[
                "decrypt-tally",
                "--record",
                "early.jsonl",
                "--secret",
                &secret_file,
                "--out",
                "x.json",
            ],
        );
        assert!(!refused.status.success());
        assert!(
            String::from_utf8_lossy(&refused.stderr).contains("no encrypted tally yet"),
            "{}",
            String::from_utf8_lossy(&refused.stderr)
        );
        let out = format!("t{index}.tally.json");
        let done = trustee(
            dir.path(),
            &[
                "decrypt-tally",
                "--record",
                "record.jsonl",
                "--secret",
                &secret_file,
                "--out",
                &out,
            ],
        );
        assert!(
            done.status.success(),
            "{engine}: {}",
            String::from_utf8_lossy(&done.stderr)
        );
        let partial: TallyDecryption =
            serde_json::from_str(&fs::read_to_string(dir.path().join(&out)).unwrap()).unwrap();
        partials.push(partial);
    }
    // The server takes each partial decryption once, after checking its proofs; a share
    // with an altered proof is refused.
    let mut forged = partials[0].clone();
    forged.shares[0].proof = forged.shares[1].proof;
    assert!(
        tally_verifiable::accept_tally_decryption(db, SLUG, forged, Actor::System, later)
            .await
            .is_err()
    );
    for partial in &partials {
        tally_verifiable::accept_tally_decryption(db, SLUG, partial.clone(), Actor::System, later)
            .await
            .unwrap();
    }
    assert!(
        tally_verifiable::accept_tally_decryption(
            db,
            SLUG,
            partials[0].clone(),
            Actor::System,
            later
        )
        .await
        .is_err(),
        "a second upload by the same trustee"
    );
    let tally = recompute_tally(&read_record(&record).unwrap()).unwrap();
    let totals = combine_tally(&setup.election_key, &tally, &partials).unwrap();
    // Counted by hand: v0's second ballot {Box, Tree}, v1 {Owl, Box}, v2 {Tree}; v3 struck.
    // Owl 1, Box 2, Tree 2.
    assert_eq!(totals.totals, vec![vec![1, 2, 2]], "{engine}");
    assert_eq!((tally.ballots(), tally.weight()), (3, 3));

    // The server counts from the totals; the board shows nothing of the result until it is
    // published, then the partial decryptions, the result and a last tree head.
    let summary = counting::count(db, SLUG, None, Actor::System, later)
        .await
        .unwrap();
    assert_eq!(summary.ballots, 3);
    // One seat; Box and Tree tie on 2: the seeded lot decides, and either way it is one of them.
    let elected = &summary.questions[0].elected;
    assert!(
        elected == &["Box"] || elected == &["Tree"],
        "{engine}: {elected:?}"
    );
    assert!(
        !catch_up(db, &key).await.results,
        "nothing before publication"
    );
    publish::publish(db, SLUG, Actor::System, later)
        .await
        .unwrap();
    assert!(catch_up(db, &key).await.results);
    assert!(!catch_up(db, &key).await.results, "once");
    let published = download(db, election).await;
    assert!(published.starts_with(&record), "the board only grew");
    let results = published
        .lines()
        .filter(|l| l.contains(r#""type":"result""#))
        .count();
    assert_eq!(results, 1);

    // The independent verifier passes the whole record, and sees it extend the trustees' copy.
    let options = VerifyOptions {
        since: Some(record.into_bytes()),
        up_to_freeze: false,
    };
    let verification = urna_verify::verify(published.as_bytes(), &options, &|_| {});
    assert!(
        verification.passed(),
        "{engine}: {:#?}",
        verification.checks
    );
    for check in &verification.checks {
        if check.id != CheckId::V6 {
            assert!(
                matches!(check.status, Status::Pass { .. }),
                "{engine}: {check:?}"
            );
        }
    }
}
