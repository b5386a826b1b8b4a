//! The public board's routes over HTTP, on the demo election (sealed ballots): the page, the
//! record download (page and API), consistency proofs and receipt lookups, and 404 before the
//! board begins.

// Test helpers outside #[test] functions: a failed setup step should stop the test loudly.
#![allow(clippy::unwrap_used)]

use axum::http::StatusCode;
use urna_core::ballot::{Answer, PlainBallot};
use urna_core::question::CandidateId;
use urna_crypto::board as crypto_board;
use urna_crypto::record::read_record;
use urna_web::service::{board, demo, voting};

use crate::helpers::TestApp;

fn cid(s: &str) -> CandidateId {
    CandidateId::parse(s).unwrap()
}

/// The demo election with two ballots cast and published: setup, voter_roll, tree_head, then
/// two ballots and a tree head (3 + 2 + 1 = 6 events).
async fn demo_with_board() -> TestApp {
    let app = TestApp::new().await;
    let now = jiff::Timestamp::now();
    let created = demo::create_demo_election(&app.db, app.data_dir.path(), now)
        .await
        .unwrap();
    // Before the publisher runs, the election has no board: 404.
    assert_eq!(
        app.get("/elections/demo/board").await.status,
        StatusCode::NOT_FOUND
    );
    board::publish_all(&app.db, &app.server_key).await.unwrap();
    for link in &created.links[..2] {
        let ballot = PlainBallot {
            answers: vec![
                Answer::Approvals(vec![cid("owl")]),
                Answer::Ranking(vec![vec![cid("ann")]]),
            ],
        };
        voting::cast(
            &app.db,
            "demo",
            link.voter_id,
            ballot,
            now,
            &mut urna_crypto::os_rng(),
        )
        .await
        .unwrap();
    }
    board::publish_all(&app.db, &app.server_key).await.unwrap();
    app
}

/// The page without Fluent's bidi isolation marks around placeables (U+2068, U+2069).
async fn plain_page(app: &TestApp, path: &str) -> String {
    app.get(path)
        .await
        .body
        .replace(['\u{2068}', '\u{2069}'], "")
}

#[tokio::test]
async fn the_board_page_shows_counts_and_checks_sizes_and_trackers() {
    let app = demo_with_board().await;
    let page = app.get("/elections/demo/board").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains(r#"<dd id="board-events">6</dd>"#),
        "{}",
        page.body
    );
    assert!(page.body.contains(r#"<dd id="board-ballots">2</dd>"#));
    assert!(page.body.contains("/elections/demo/record.jsonl"));

    // Consistency: sizes 3 → 6 hold; 0 and sizes past the board are explained, not errors.
    let ok = plain_page(&app, "/elections/demo/board?from=3&to=6").await;
    assert!(
        ok.contains("The first 3 events are unchanged in the board of 6 events"),
        "{ok}"
    );
    assert_eq!(
        app.get("/elections/demo/board?from=3&to=7").await.status,
        StatusCode::OK
    );
    let out = plain_page(&app, "/elections/demo/board?from=3&to=7").await;
    assert!(out.contains("No proof between sizes 3 and 7"), "{out}");
    let bad = app.get("/elections/demo/board?from=x&to=6").await;
    assert!(bad.body.contains("Give both sizes as whole numbers."));

    // Trackers: a malformed one is named; a well-formed unknown one is not on the board.
    let malformed = plain_page(&app, "/elections/demo/board?tracker=zz").await;
    assert!(
        malformed.contains("“zz” is not a tracker: a tracker is 64 hexadecimal digits"),
        "{malformed}"
    );
    let unknown = app
        .get(&format!(
            "/elections/demo/board?tracker={}",
            "ab".repeat(32)
        ))
        .await;
    assert!(
        unknown.body.contains("No ballot with this tracker"),
        "{}",
        unknown.body
    );

    // Another language: the page is translated.
    let arabic = app.get("/elections/demo/board?lang=ar").await;
    assert!(arabic.body.contains("اللوحة العامة"));
}

#[tokio::test]
async fn the_record_downloads_and_verifies_its_chain_and_tree_heads() {
    let app = demo_with_board().await;
    let download = app.get("/elections/demo/record.jsonl").await;
    assert_eq!(download.status, StatusCode::OK);
    assert_eq!(
        download.header("content-type"),
        Some("application/jsonl; charset=utf-8")
    );
    assert!(
        download
            .header("content-disposition")
            .unwrap()
            .contains("demo-record.jsonl")
    );
    let api = app.get("/api/v1/elections/demo/record").await;
    assert_eq!(api.body, download.body);

    let events = read_record(&download.body).unwrap();
    assert_eq!(events.len(), 6);
    let setup = urna_crypto::record::setup_of(&events).unwrap();
    let leaves: Vec<_> = download
        .body
        .lines()
        .map(|line| crypto_board::leaf_hash(line.as_bytes()))
        .collect();
    for (height, event) in events.iter().enumerate() {
        if let urna_crypto::record::EventBody::TreeHead(head) = &event.body {
            assert_eq!(head.root, crypto_board::root(&leaves[..height]));
            head.verify(&setup.board_key, &setup.election_digest)
                .unwrap();
        }
    }
    assert!(download.body.ends_with('\n'));
}

#[tokio::test]
async fn the_api_gives_consistency_proofs_and_refuses_bad_requests() {
    let app = demo_with_board().await;
    let proof = app
        .get("/api/v1/elections/demo/board/consistency?from=3&to=6")
        .await;
    assert_eq!(proof.status, StatusCode::OK);
    let value: serde_json::Value = serde_json::from_str(&proof.body).unwrap();
    let record = app.get("/elections/demo/record.jsonl").await.body;
    let leaves: Vec<_> = record
        .lines()
        .map(|l| crypto_board::leaf_hash(l.as_bytes()))
        .collect();
    let hashes: Vec<urna_crypto::Digest> = serde_json::from_value(value["proof"].clone()).unwrap();
    // Checked here against roots computed from the downloaded lines, not the server's.
    assert!(crypto_board::verify_consistency(
        3,
        6,
        &crypto_board::root(&leaves[..3]),
        &crypto_board::root(&leaves),
        &hashes
    ));
    for path in [
        "/api/v1/elections/demo/board/consistency?from=0&to=6",
        "/api/v1/elections/demo/board/consistency?from=3&to=99",
        "/api/v1/elections/demo/board/consistency",
        "/api/v1/elections/demo/board/receipt/not-hex",
    ] {
        assert_eq!(
            app.get(path).await.status,
            StatusCode::BAD_REQUEST,
            "{path}"
        );
    }
    let unknown = format!("/api/v1/elections/demo/board/receipt/{}", "00".repeat(32));
    assert_eq!(app.get(&unknown).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.get("/api/v1/elections/nope/record").await.status,
        StatusCode::NOT_FOUND
    );
}
