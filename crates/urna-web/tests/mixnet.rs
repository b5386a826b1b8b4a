//! A mixnet election through the service, end to end on SQLite and PostgreSQL
//! (docs/record-format.md A.6–A.7): ranked ballots cast as the browser makes them and as the
//! server seals them for a voter without JavaScript, the refusals of bad ballots, the freeze
//! and its `mix_input`, two trustees shuffling in turn (a tampered shuffle, a trustee mixing
//! twice and an early decryption refused, each changing nothing), the decryptions, a ballot
//! that breaks the question's rules set aside publicly, and a result equal to counting the
//! same rankings directly with urna-tally.

// Integration tests are separate crates: `allow-unwrap-in-tests` does not reach their helpers.
#![allow(clippy::unwrap_used)]

use futures_util::TryStreamExt;
use jiff::Timestamp;
use urna_core::ballot::{Answer, PlainBallot};
use urna_core::election::ElectionSpec;
use urna_core::question::CandidateId;
use urna_crypto::encoding::V1;
use urna_crypto::homomorphic::CredentialSecret;
use urna_crypto::ranked_ballot::{EncryptedRankedBallot, encrypt_ranked_ballot};
use urna_crypto::record::{
    EventBody, ShuffleBody, mix_chain_so_far, mix_input_vectors, mix_seed, read_record, setup_of,
    verified_mix_chain,
};
use urna_crypto::shuffle::{MixInput, decrypt_mixed, mix};
use urna_crypto::{TrusteeSecret, os_rng};
use urna_store::{Db, VoterId};
use urna_web::auth::server_key::ServerSecretKey;
use urna_web::service::board::{self, CatchUp};
use urna_web::service::voting::EncryptedCastError;
use urna_web::service::{
    Actor, ServiceError, counting, elections, lifecycle, mixnet, publish, voters, voting,
};

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
                let Some(test) = TestDb::postgres("mixnet").await else { return };
                case(&test.db).await;
                test.teardown().await;
            }
        }
    };
}

const SLUG: &str = "mixed";
/// The candidates of the one question, in order.
const CANDIDATES: [&str; 5] = ["ann", "bob", "cleo", "dev", "eve"];

fn cid(s: &str) -> CandidateId {
    CandidateId::parse(s).unwrap()
}

/// A mixnet election: one Meek STV question (5 candidates, 2 seats, equal ranks not allowed,
/// a fixed tie seed), five voters, a 2-of-3 key ceremony, opened at `now`.
async fn open_election(db: &Db, now: Timestamp) -> (Vec<VoterId>, Vec<TrusteeSecret>) {
    let id = urna_core::election::ElectionId::generate().unwrap();
    let name = |n: &str| serde_json::json!({"default": "en", "texts": {"en": n}});
    let spec: ElectionSpec = serde_json::from_value(serde_json::json!({
        "id": id, "slug": SLUG, "languages": ["en"], "title": name("Board election"),
        "counting": "mixnet",
        "window": {
            "opens": now.checked_add(jiff::SignedDuration::from_secs(60)).unwrap(),
            "closes": now.checked_add(jiff::SignedDuration::from_hours(24)).unwrap(),
            "zone": "UTC"
        },
        "questions": [
            {"id": "board", "title": name("Board"), "description": null,
             "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
             "method": "meek", "seats": 2, "tie_seed": 7,
             "options": CANDIDATES.iter().map(|c| serde_json::json!({"id": c, "name": name(c)}))
                .collect::<Vec<_>>()}
        ]
    }))
    .unwrap();
    elections::create_election(db, spec, None, Actor::System, now)
        .await
        .unwrap();
    let upload = voters::upload_voters(db, SLUG, "voter\nv0\nv1\nv2\nv3\nv4\n", Actor::System, now)
        .await
        .unwrap();
    let secrets = ceremony::key_ceremony(db, SLUG, 2, 3, now).await;
    lifecycle::mark_ready(db, SLUG, Actor::System, now)
        .await
        .unwrap();
    lifecycle::open(db, SLUG, Actor::System, now).await.unwrap();
    (upload.issued.iter().map(|l| l.voter_id).collect(), secrets)
}

/// A ranked ballot as the browser's `encryptRankedBallot` makes it, as JSON.
async fn browser_ballot(db: &Db, ranks: &[u8]) -> (String, EncryptedRankedBallot) {
    let loaded = elections::load_election(db, SLUG).await.unwrap();
    let params = voting::election_params(&loaded).unwrap().unwrap();
    let mut rng = os_rng();
    let credential = CredentialSecret::generate(&mut rng).unwrap();
    let (ballot, _opening) =
        encrypt_ranked_ballot(&params, &credential, &[ranks.to_vec()], &mut rng).unwrap();
    (serde_json::to_string(&ballot).unwrap(), ballot)
}

async fn cast_json(
    db: &Db,
    voter: VoterId,
    json: &str,
    now: Timestamp,
) -> Result<voting::Receipt, EncryptedCastError> {
    let loaded = elections::load_election(db, SLUG).await.unwrap();
    voting::cast_encrypted(db, &loaded, voter, json, None, now).await
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

/// What `urna trustee mix --record` does: the next shuffle of the record, signed.
fn next_shuffle(record: &str, secret: &TrusteeSecret) -> ShuffleBody {
    let events = read_record(record).unwrap();
    let setup = setup_of(&events).unwrap();
    let chain = mix_chain_so_far(&events).unwrap();
    let mixer = chain.next_mixer();
    let input = MixInput {
        v: V1,
        election_key: setup.election_key.clone(),
        seed: mix_seed(&setup.election_digest, mixer),
        ciphertexts: chain.vectors,
    };
    let mut rng = os_rng();
    let output = mix(&input, &mut rng).unwrap();
    ShuffleBody::sign(mixer, output, &setup.trustee_setup, secret, &mut rng).unwrap()
}

fn refused_with(result: Result<impl std::fmt::Debug, ServiceError>, words: &str) {
    match result {
        Err(ServiceError::Refused(message)) => {
            assert!(message.contains(words), "{message:?} lacks {words:?}")
        }
        other => panic!("expected a refusal naming {words:?}, got {other:?}"),
    }
}

on_both!(
    async fn a_mixnet_election_from_ranked_ballots_to_its_published_count(db) {
        let now: Timestamp = "2030-03-01T10:00:00Z".parse().unwrap();
        let key = ServerSecretKey::generate().unwrap();
        let (voters, secrets) = open_election(db, now).await;
        let voting_time = now.checked_add(jiff::SignedDuration::from_secs(120)).unwrap();
        assert!(catch_up(db, &key).await.opened);

        // Ranks per candidate (ann, bob, cleo, dev, eve), 0 = unranked.
        // v0: ann > bob > cleo, from the browser.
        let (json0, ballot0) = browser_ballot(db, &[1, 2, 3, 0, 0]).await;
        let receipt = cast_json(db, voters[0], &json0, voting_time).await.unwrap();
        assert_eq!(receipt.tracker, Some(ballot0.digest().to_string()));
        // v1: ann > cleo, without JavaScript: the server encrypts it (sealed_by server).
        let plain = PlainBallot {
            answers: vec![Answer::Ranking(vec![vec![cid("ann")], vec![cid("cleo")]])],
        };
        let receipt = voting::cast(db, SLUG, voters[1], plain, voting_time, &mut os_rng())
            .await
            .unwrap();
        assert!(receipt.tracker.is_some());
        // v2: bob > ann, from the browser.
        let (json2, _) = browser_ballot(db, &[2, 1, 0, 0, 0]).await;
        cast_json(db, voters[2], &json2, voting_time).await.unwrap();
        // v3: ann = bob first: a valid packing (A.1) that this question's rules (no equal
        // ranks) refuse, as a device other than ours could make it. Cast, set aside later.
        let (json3, _) = browser_ballot(db, &[1, 1, 0, 0, 0]).await;
        cast_json(db, voters[3], &json3, voting_time).await.unwrap();

        // Refusals, each storing nothing: v4 posting v0's ballot (a reused credential key),
        // a ballot whose point proof was altered, one made for another election digest, a
        // verifiable election's (§4) ballot shape, and text that is no ballot.
        assert!(matches!(
            cast_json(db, voters[4], &json0, voting_time).await,
            Err(EncryptedCastError::CredentialKeyUsed)
        ));
        let (_, mut altered) = browser_ballot(db, &[1, 0, 0, 0, 0]).await;
        std::mem::swap(
            &mut altered.questions[0].points[0].proof,
            &mut altered.signature,
        );
        assert!(matches!(
            cast_json(db, voters[4], &serde_json::to_string(&altered).unwrap(), voting_time).await,
            Err(EncryptedCastError::InvalidProof(_))
        ));
        let (_, mut elsewhere) = browser_ballot(db, &[1, 0, 0, 0, 0]).await;
        elsewhere.election = urna_crypto::Digest([7; 32]);
        assert!(matches!(
            cast_json(db, voters[4], &serde_json::to_string(&elsewhere).unwrap(), voting_time)
                .await,
            Err(EncryptedCastError::WrongElection { .. })
        ));
        assert!(matches!(
            cast_json(db, voters[4], "{\"v\":1}", voting_time).await,
            Err(EncryptedCastError::Malformed(_))
        ));
        assert_eq!(catch_up(db, &key).await.ballots, 4);

        // Close and freeze: strikes_frozen, then the mix input over the board's own ballots.
        let later = now.checked_add(jiff::SignedDuration::from_hours(25)).unwrap();
        lifecycle::close(db, SLUG, Actor::System, later).await.unwrap();
        assert!(catch_up(db, &key).await.ended);
        counting::freeze(db, SLUG, Actor::System, later, &mut os_rng())
            .await
            .unwrap();
        let frozen = catch_up(db, &key).await;
        assert!(frozen.frozen && frozen.mix_input);
        assert_eq!(catch_up(db, &key).await, CatchUp::default());
        let record = download(db).await;
        let kinds = types(&record);
        let at = kinds.iter().position(|t| t == "strikes_frozen").unwrap();
        assert_eq!(kinds[at..], ["strikes_frozen", "tree_head", "mix_input", "tree_head"]);
        let events = read_record(&record).unwrap();
        let vectors = mix_input_vectors(&events).unwrap();
        // Four ballots of weight 1, one ciphertext each (5 candidates: W = 1, A.1).
        assert_eq!((vectors.len(), vectors.width()), (4, 1));
        let declared = events
            .iter()
            .find_map(|e| match &e.body {
                EventBody::MixInput(m) => Some(m.as_ref().clone()),
                _ => None,
            })
            .unwrap();
        assert_eq!(declared.digest, vectors.digest());
        assert_eq!(declared.ciphertexts, vectors);

        // Decrypting before the shuffles is refused.
        let loaded = elections::load_election(db, SLUG).await.unwrap();
        let share = |i: usize| {
            let setup = &setup_of(&events).unwrap().trustee_setup;
            secrets[i].share_for(&setup.digest()).unwrap().clone()
        };
        let early = decrypt_mixed(loaded.key().unwrap(), &share(0), &vectors, &mut os_rng())
            .unwrap();
        refused_with(
            mixnet::accept_mixed_decryption(db, SLUG, early, Actor::System, later).await,
            "decrypted only after 2",
        );

        // Mixer 1: trustee 0.
        let first = next_shuffle(&record, &secrets[0]);
        let accepted = mixnet::accept_shuffle(db, SLUG, first, Actor::System, later).await;
        assert_eq!(accepted.unwrap(), 1);
        let after_one = download(db).await;
        let size = after_one.lines().count();

        // A tampered shuffle (two output vectors swapped after proving, then signed) is refused
        // with the proof's reason; a trustee mixing twice, too. The board does not change.
        let mut tampered = next_shuffle(&after_one, &secrets[1]);
        let mut swapped: Vec<Vec<_>> =
            tampered.output.ciphertexts.vectors().map(<[_]>::to_vec).collect();
        swapped.swap(0, 1);
        tampered.output.ciphertexts = urna_crypto::shuffle::CiphertextVectors::new(swapped).unwrap();
        let tampered = {
            let events = read_record(&after_one).unwrap();
            let setup = setup_of(&events).unwrap();
            ShuffleBody::sign(2, tampered.output, &setup.trustee_setup, &secrets[1], &mut os_rng())
                .unwrap()
        };
        refused_with(
            mixnet::accept_shuffle(db, SLUG, tampered, Actor::System, later).await,
            "shuffle 2 was refused",
        );
        let twice = next_shuffle(&after_one, &secrets[0]);
        refused_with(
            mixnet::accept_shuffle(db, SLUG, twice, Actor::System, later).await,
            "has already shuffled",
        );
        assert_eq!(download(db).await, after_one, "refused uploads change nothing");
        let progress = mixnet::progress(db, &loaded).await.unwrap();
        assert_eq!((progress.shuffles, progress.required), (1, 2));

        // Mixer 2: trustee 1. The chain is then complete.
        let second = next_shuffle(&after_one, &secrets[1]);
        let accepted = mixnet::accept_shuffle(db, SLUG, second, Actor::System, later).await;
        assert_eq!(accepted.unwrap(), 2);
        let mixed = download(db).await;
        assert_eq!(mixed.lines().count(), size + 1);
        let last = verified_mix_chain(&read_record(&mixed).unwrap()).unwrap();

        // Decryptions by trustees 0 and 2 (k = 2); trustee 0 twice is refused.
        for (i, expected) in [(0, 1), (2, 2)] {
            let partial = decrypt_mixed(loaded.key().unwrap(), &share(i), &last, &mut os_rng())
                .unwrap();
            let count = mixnet::accept_mixed_decryption(db, SLUG, partial, Actor::System, later)
                .await
                .unwrap();
            assert_eq!(count, expected);
        }
        let again = decrypt_mixed(loaded.key().unwrap(), &share(0), &last, &mut os_rng()).unwrap();
        refused_with(
            mixnet::accept_mixed_decryption(db, SLUG, again, Actor::System, later).await,
            "already decrypted",
        );

        // The count: three ballots counted, v3's set aside with the question's reason.
        let summary = counting::count(db, SLUG, None, Actor::System, later).await.unwrap();
        assert_eq!(summary.ballots, 4);
        assert_eq!(summary.set_aside.len(), 1);
        assert!(summary.set_aside[0].reason.contains("share a rank"), "{:?}", summary.set_aside);
        // By hand: first preferences ann 2 (v0, v1), bob 1 (v2); 3 votes, 2 seats, Droop-like
        // Meek quota just above 1: ann is elected with a surplus of about 1, which goes half to
        // bob (v0) and half to cleo (v1); bob then has about 1.5 and takes the second seat.
        assert_eq!(summary.questions[0].elected, ["ann", "bob"]);
        // The same rankings written by hand as a BLT and counted directly with urna-tally give
        // the same report.
        let blt = "5 2\n1 1 2 3 0\n1 1 3 0\n1 2 1 0\n0\n\"ann\"\n\"bob\"\n\"cleo\"\n\"dev\"\n\"eve\"\n\"Board\"\n";
        let direct = urna_tally::count(
            urna_tally::Method::Meek,
            &urna_tally::Ballots::Ranked(urna_tally::blt::parse(blt).unwrap()),
            &urna_tally::Options {
                seats: Some(2),
                seed: Some(7),
                ..Default::default()
            },
        )
        .unwrap();
        let rows = db.results(loaded.row_id, false).await.unwrap();
        let document = &rows[0].report;
        assert_eq!(document["report"]["elected"], urna_tally::render::json_value(&direct)["elected"]);
        assert_eq!(document["report"]["rounds"], urna_tally::render::json_value(&direct)["rounds"]);
        assert_eq!(document["counted_ballots"], 3);
        let position = document["set_aside"][0]["position"].as_u64().unwrap();
        assert!(position < 4);

        // Published: the board shows the counted BLT and the ballot set aside, with its reason.
        publish::publish(db, SLUG, Actor::System, later).await.unwrap();
        assert!(catch_up(db, &key).await.results);
        let record = download(db).await;
        let events = read_record(&record).unwrap();
        let decrypted = events
            .iter()
            .find_map(|e| match &e.body {
                EventBody::DecryptedBallots(d) => Some(d.clone()),
                _ => None,
            })
            .unwrap();
        assert_eq!(decrypted.set_aside.len(), 1);
        assert_eq!(decrypted.set_aside[0].position, position);
        assert!(decrypted.set_aside[0].reason.contains("share a rank"));
        let kinds = types(&record);
        let tail: Vec<&str> = kinds
            .iter()
            .map(String::as_str)
            .filter(|t| *t != "tree_head")
            .skip_while(|t| *t != "mix_input")
            .collect();
        assert_eq!(
            tail,
            [
                "mix_input",
                "shuffle",
                "shuffle",
                "mixed_decryption",
                "mixed_decryption",
                "decrypted_ballots",
                "result"
            ]
        );
        verified_mix_chain(&events).unwrap();
    }
);
