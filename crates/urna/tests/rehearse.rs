//! `urna rehearse` as a user runs it: on a server's data directory (SQLite), a clean election
//! passes (exit 0, JSON report, the rehearsal stored so the gate opens), an election with a
//! planted error fails (exit 1, the finding printed), and an unknown election is an error
//! (exit 2).

// Integration tests are separate crates: `allow-unwrap-in-tests` does not reach their helpers.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

use jiff::{SignedDuration, Timestamp};
use urna_web::service::{Actor, elections, rehearsal, voters};

fn urna(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_urna"))
        .args(args)
        .output()
        .expect("urna runs")
}

/// An election opening tomorrow with one Meek question (`names`, 1 seat), 4 voters and a
/// 1-of-1 key.
async fn create(data_dir: &Path, slug: &str, names: &[&str]) {
    let config = urna_web::Config {
        data_dir: data_dir.to_owned(),
        ..urna_web::Config::default()
    };
    let db = urna_web::app::connect_database(&config).await.unwrap();
    let now = Timestamp::now();
    let name = |n: &str| serde_json::json!({"default": "en", "texts": {"en": n}});
    let options: Vec<serde_json::Value> = names
        .iter()
        .enumerate()
        .map(|(i, n)| serde_json::json!({"id": format!("c{i}"), "name": name(n)}))
        .collect();
    let spec = serde_json::json!({
        "id": urna_core::election::ElectionId::generate().unwrap(),
        "slug": slug, "languages": ["en"], "title": name("CLI test"),
        "window": {
            "opens": now.checked_add(SignedDuration::from_hours(24)).unwrap(),
            "closes": now.checked_add(SignedDuration::from_hours(48)).unwrap(),
            "zone": "UTC"
        },
        "questions": [{"id": "board", "title": name("Board"), "description": null,
            "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
            "method": "meek", "seats": 1, "options": options}]
    });
    elections::create_election(
        &db,
        serde_json::from_value(spec).unwrap(),
        None,
        Actor::System,
        now,
    )
    .await
    .unwrap();
    voters::upload_voters(&db, slug, "voter\na\nb\nc\nd\n", Actor::System, now)
        .await
        .unwrap();
    rehearsal::throwaway_key_ceremony(&db, slug, (1, 1), "trustee", Actor::System, now)
        .await
        .unwrap();
    db.close().await;
}

#[test]
fn rehearse_passes_a_clean_election_and_fails_a_planted_error() {
    let dir = tempfile::tempdir().unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(create(dir.path(), "clean", &["Ann", "Bob", "Cleo"]));
    // A name with a tab: BLT files cannot carry it.
    runtime.block_on(create(dir.path(), "planted", &["Ann", "Bob\tBee", "Cleo"]));
    let data_dir = dir.path().to_str().unwrap();

    let clean = urna(&[
        "rehearse",
        "clean",
        "--data-dir",
        data_dir,
        "--voters",
        "3",
        "--json",
    ]);
    assert_eq!(
        clean.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&clean.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&clean.stdout).unwrap();
    assert_eq!(report["passed"], true, "{report}");
    // --voters 3 of the 4 listed, each ballot accepted; one seat filled.
    assert_eq!(
        (report["voters"].as_u64(), report["ballots"].as_u64()),
        (Some(3), Some(3))
    );
    assert_eq!(report["results"][0]["elected"].as_array().unwrap().len(), 1);

    // Stored: the gate now lets the election be marked ready without an override.
    runtime.block_on(async {
        let config = urna_web::Config {
            data_dir: dir.path().to_owned(),
            ..urna_web::Config::default()
        };
        let db = urna_web::app::connect_database(&config).await.unwrap();
        assert!(
            rehearsal::passed_at_current_revision(&db, "clean")
                .await
                .unwrap()
        );
        assert!(
            !rehearsal::passed_at_current_revision(&db, "planted")
                .await
                .unwrap()
        );
        db.close().await;
    });

    let planted = urna(&["rehearse", "planted", "--data-dir", data_dir]);
    assert_eq!(planted.status.code(), Some(1));
    let text = String::from_utf8_lossy(&planted.stdout);
    assert!(text.contains("FAILED"), "{text}");
    assert!(
        text.contains("error: the name of c1 in question board (en) contains U+0009"),
        "{text}"
    );

    let missing = urna(&["rehearse", "nope", "--data-dir", data_dir]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("there is no election \"nope\""));
    assert!(missing.stdout.is_empty());
}

/// The figure of issue 7's closing note: `urna rehearse` of a generated 10,000-voter election
/// (one Meek question of 3 candidates), timed end to end. Ignored by default (minutes);
/// `cargo nextest run -p urna --test rehearse --run-ignored only` prints it.
#[test]
#[ignore = "a measurement, minutes long"]
fn rehearsal_time_of_a_10000_voter_election() {
    let dir = tempfile::tempdir().unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        create(dir.path(), "big", &["Ann", "Bob", "Cleo"]).await;
        let config = urna_web::Config {
            data_dir: dir.path().to_owned(),
            ..urna_web::Config::default()
        };
        let db = urna_web::app::connect_database(&config).await.unwrap();
        let mut csv = String::from("voter\n");
        for i in 0..10_000 {
            csv.push_str(&format!("v{i}\n"));
        }
        voters::upload_voters(&db, "big", &csv, Actor::System, Timestamp::now())
            .await
            .unwrap();
        db.close().await;
    });
    let started = std::time::Instant::now();
    let data_dir = dir.path().to_str().unwrap();
    let out = urna(&[
        "rehearse",
        "big",
        "--data-dir",
        data_dir,
        "--voters",
        "10000",
    ]);
    let elapsed = started.elapsed();
    let text = String::from_utf8_lossy(&out.stdout);
    println!("{text}urna rehearse --voters 10000: {elapsed:?} wall clock");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("synthetic voters: 10000, ballots accepted: 10000"),
        "{text}"
    );
}
