//! A mixnet election's trustees through files, on SQLite and PostgreSQL: the server's
//! services keep the board (ranked ballots cast as the browser makes them, the freeze and the
//! mix input); the record is downloaded, and two of three trustees run `urna trustee mix
//! --record` one after the other, each output uploaded and checked by the server; a trustee
//! who mixed already and a decryption before enough shuffles are refused by the tool; two
//! trustees run `urna trustee decrypt-mix`; the server counts and publishes; the result equals
//! urna-tally on the same rankings written as a BLT by hand, and the independent verifier
//! passes the record's checks that exist for mixnet elections.

// Integration tests are separate crates: `allow-unwrap-in-tests` does not reach their helpers.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use jiff::Timestamp;
use urna_core::election::ElectionSpec;
use urna_crypto::homomorphic::CredentialSecret;
use urna_crypto::ranked_ballot::encrypt_ranked_ballot;
use urna_crypto::record::ShuffleBody;
use urna_crypto::shuffle::MixDecryption;
use urna_crypto::{TrusteeSecret, os_rng};
use urna_store::{Db, ElectionId, VoterId};
use urna_verify::VerifyOptions;
use urna_web::auth::server_key::ServerSecretKey;
use urna_web::service::{
    Actor, board, counting, elections, lifecycle, mixnet, publish, voters, voting,
};

#[path = "../../urna-web/tests/support/ceremony.rs"]
mod ceremony;
#[path = "../../urna-web/tests/support/test_db.rs"]
mod test_db;
use test_db::TestDb;

const SLUG: &str = "mixed-cli";

fn run<F: std::future::Future<Output = ()>>(future: F) {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
        .block_on(future);
}

#[test]
fn two_trustees_mix_and_decrypt_a_mixnet_election_on_sqlite() {
    run(async {
        let test = TestDb::sqlite().await;
        whole_election(&test.db, "sqlite").await;
        test.teardown().await;
    });
}

#[test]
fn two_trustees_mix_and_decrypt_a_mixnet_election_on_postgres() {
    run(async {
        let Some(test) = TestDb::postgres("mix_record").await else {
            return;
        };
        whole_election(&test.db, "postgres").await;
        test.teardown().await;
    });
}

/// One Meek STV question over a, b, c, d (2 seats, tie seed 3), four voters, 2-of-3 trustees.
async fn open_election(db: &Db, now: Timestamp) -> (Vec<VoterId>, Vec<TrusteeSecret>) {
    let name = |n: &str| serde_json::json!({"default": "en", "texts": {"en": n}});
    let options: Vec<serde_json::Value> = ["a", "b", "c", "d"]
        .iter()
        .map(|c| serde_json::json!({"id": c, "name": name(c)}))
        .collect();
    let spec: ElectionSpec = serde_json::from_value(serde_json::json!({
        "id": urna_core::election::ElectionId::generate().unwrap(), "slug": SLUG,
        "languages": ["en"], "title": name("Mixnet"), "counting": "mixnet",
        "window": {
            "opens": now.checked_add(jiff::SignedDuration::from_secs(60)).unwrap(),
            "closes": now.checked_add(jiff::SignedDuration::from_hours(24)).unwrap(),
            "zone": "UTC"
        },
        "questions": [
            {"id": "seats", "title": name("Seats"), "description": null,
             "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
             "method": "meek", "seats": 2, "tie_seed": 3,
             "options": options}
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

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
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

    // Ranks of (a, b, c, d): v0 a>b, v1 a>c, v2 b>c>a, v3 d.
    let rankings: [[u8; 4]; 4] = [[1, 2, 0, 0], [1, 0, 2, 0], [3, 1, 2, 0], [0, 0, 0, 1]];
    let voting_time = now
        .checked_add(jiff::SignedDuration::from_secs(120))
        .unwrap();
    for (voter, ranks) in voters.iter().zip(rankings) {
        let loaded = elections::load_election(db, SLUG).await.unwrap();
        let params = voting::election_params(&loaded).unwrap().unwrap();
        let mut rng = os_rng();
        let credential = CredentialSecret::generate(&mut rng).unwrap();
        let (ballot, _) =
            encrypt_ranked_ballot(&params, &credential, &[ranks.to_vec()], &mut rng).unwrap();
        let json = serde_json::to_string(&ballot).unwrap();
        voting::cast_encrypted(db, &loaded, *voter, &json, None, voting_time)
            .await
            .unwrap();
    }
    assert_eq!(catch_up(db, &key).await.ballots, 4);
    let later = now
        .checked_add(jiff::SignedDuration::from_hours(25))
        .unwrap();
    lifecycle::close(db, SLUG, Actor::System, later)
        .await
        .unwrap();
    catch_up(db, &key).await;
    counting::freeze(db, SLUG, Actor::System, later, &mut os_rng())
        .await
        .unwrap();
    assert!(catch_up(db, &key).await.mix_input);
    let frozen = download(db, election).await;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path();
    for (i, secret) in secrets.iter().enumerate() {
        write_secret(&path.join(format!("t{i}.secret.json")), secret);
    }
    let upload_shuffle = |file: &str| {
        let text = fs::read_to_string(path.join(file)).unwrap();
        serde_json::from_str::<ShuffleBody>(&text).unwrap()
    };

    // Decrypting before any shuffle is refused by the tool itself.
    fs::write(path.join("record.jsonl"), &frozen).unwrap();
    let early = trustee(
        path,
        &[
            "decrypt-mix",
            "--record",
            "record.jsonl",
            "--secret",
            "t0.secret.json",
            "--out",
            "early.json",
        ],
    );
    assert!(!early.status.success());
    assert!(
        stderr(&early).contains("decrypted only after 2"),
        "{}",
        stderr(&early)
    );

    // Mixer 1 (trustee 2), then mixer 2 (trustee 0), each from the record as it then is.
    for (round, mixer) in [(1, 2), (2, 0)] {
        fs::write(path.join("record.jsonl"), download(db, election).await).unwrap();
        let out = format!("shuffle{round}.json");
        let secret = format!("t{mixer}.secret.json");
        let done = trustee(
            path,
            &[
                "mix",
                "--record",
                "record.jsonl",
                "--secret",
                &secret,
                "--out",
                &out,
            ],
        );
        assert!(done.status.success(), "{engine}: {}", stderr(&done));
        let shuffle = upload_shuffle(&out);
        assert_eq!(shuffle.mixer, round);
        let accepted = mixnet::accept_shuffle(db, SLUG, shuffle, Actor::System, later).await;
        assert_eq!(accepted.unwrap(), round);
        // The same trustee cannot mix again.
        fs::write(path.join("record.jsonl"), download(db, election).await).unwrap();
        let again = trustee(
            path,
            &[
                "mix",
                "--record",
                "record.jsonl",
                "--secret",
                &secret,
                "--out",
                "again.json",
            ],
        );
        assert!(!again.status.success());
        assert!(
            stderr(&again).contains("shuffled these ballots already"),
            "{}",
            stderr(&again)
        );
    }

    // Trustees 1 and 2 decrypt the last output.
    fs::write(path.join("record.jsonl"), download(db, election).await).unwrap();
    for i in [1, 2] {
        let out = format!("t{i}.mix-decryption.json");
        let secret = format!("t{i}.secret.json");
        let done = trustee(
            path,
            &[
                "decrypt-mix",
                "--record",
                "record.jsonl",
                "--secret",
                &secret,
                "--out",
                &out,
            ],
        );
        assert!(done.status.success(), "{engine}: {}", stderr(&done));
        let partial: MixDecryption =
            serde_json::from_str(&fs::read_to_string(path.join(&out)).unwrap()).unwrap();
        mixnet::accept_mixed_decryption(db, SLUG, partial, Actor::System, later)
            .await
            .unwrap();
    }

    // The count equals urna-tally on the same four rankings as a BLT written by hand.
    let summary = counting::count(db, SLUG, None, Actor::System, later)
        .await
        .unwrap();
    assert!(summary.set_aside.is_empty());
    let blt = "4 2\n1 1 2 0\n1 1 3 0\n1 2 3 1 0\n1 4 0\n0\n\"a\"\n\"b\"\n\"c\"\n\"d\"\n\"Seats\"\n";
    let direct = urna_tally::count(
        urna_tally::Method::Meek,
        &urna_tally::Ballots::Ranked(urna_tally::blt::parse(blt).unwrap()),
        &urna_tally::Options {
            seats: Some(2),
            seed: Some(3),
            ..Default::default()
        },
    )
    .unwrap();
    let elected: Vec<String> = direct
        .elected
        .iter()
        .map(|&c| direct.candidates[c].clone())
        .collect();
    assert_eq!(summary.questions[0].elected, elected, "{engine}");
    // By hand: first preferences a 2, b 1, d 1 of 4 votes; Meek's quota is just above
    // 4/3: a is elected at once; its surplus (about 2/3) splits between b (v0) and c (v1),
    // so b reaches about 1.33 while d stays at 1: b takes the second seat.
    assert_eq!(elected, ["a", "b"]);

    publish::publish(db, SLUG, Actor::System, later)
        .await
        .unwrap();
    assert!(catch_up(db, &key).await.results);
    let published = download(db, election).await;
    assert!(published.starts_with(&frozen), "the board only grew");
    // The independent verifier on the published record.
    let verification =
        urna_verify::verify(published.as_bytes(), &VerifyOptions::default(), &|_| {});
    // Every check passes, V5–V8 included (the mix input, the shuffles, the decryptions, the
    // decoded ballots and the recount, record format A.7).
    assert!(
        verification.passed(),
        "{engine}: {:#?}",
        verification.checks
    );
}
