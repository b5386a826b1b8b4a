//! Verifiable elections through the whole stack (docs/record-format.md §3, §4): the ballot page
//! embeds the election parameters; an encrypted ballot made natively (as the browser would)
//! from those embedded parameters is cast and its tracker shown; a tampered proof, a ballot
//! made for another election and a ballot copied by a second voter are refused with their
//! reason and change nothing; the no-JavaScript path stores a ballot sealed by the server that
//! verifies.

use axum::http::StatusCode;
use jiff::{SignedDuration, Timestamp};
use urna_core::election::ElectionSpec;
use urna_crypto::encoding::to_hex;
use urna_crypto::homomorphic::{CredentialSecret, ElectionParams, EncryptedBallot, encrypt_ballot};
use urna_crypto::os_rng;
use urna_store::{Db, VoterId};
use urna_web::service::{Actor, elections, lifecycle, voters};

use crate::helpers::{TestApp, TestResponse};
use crate::voter::{VoterBrowser, ceremony, sign_in};

/// A verifiable election: "mascot", choose one of Owl, Box, Tree (plurality), and "logo",
/// approve up to 3 of Red, Green, Blue (approval); revotes allowed.
fn verifiable_spec(slug: &str) -> ElectionSpec {
    let id = urna_core::election::ElectionId::generate().expect("id");
    let name = |n: &str| serde_json::json!({"default": "en", "texts": {"en": n}});
    let options = |names: &[&str]| -> Vec<serde_json::Value> {
        names
            .iter()
            .map(|n| serde_json::json!({"id": n.to_lowercase(), "name": name(n)}))
            .collect()
    };
    let now = Timestamp::now();
    serde_json::from_value(serde_json::json!({
        "id": id, "slug": slug, "languages": ["en"], "title": name("Verifiable election"),
        "allow_revote": true,
        "window": {
            "opens": now.checked_add(SignedDuration::from_secs(3600)).expect("time"),
            "closes": now.checked_add(SignedDuration::from_hours(48)).expect("time"),
            "zone": "AoE"
        },
        "questions": [
            {"id": "mascot", "title": name("Mascot"), "description": null,
             "ballot_type": {"type": "choose_one"}, "method": "plurality",
             "seats": 1, "options": options(&["Owl", "Box", "Tree"])},
            {"id": "logo", "title": name("Logo"), "description": null,
             "ballot_type": {"type": "approval", "min": 0, "max": 3}, "method": "approval",
             "seats": 1, "options": options(&["Red", "Green", "Blue"])}
        ]
    }))
    .expect("a valid election")
}

/// An open verifiable election with voters v0, v1, v2.
pub(crate) async fn open_election(db: &Db, slug: &str) -> Vec<VoterId> {
    let now = Timestamp::now();
    elections::create_election(db, verifiable_spec(slug), None, Actor::System, now)
        .await
        .expect("created");
    let upload = voters::upload_voters(db, slug, "voter\nv0\nv1\nv2\n", Actor::System, now)
        .await
        .expect("voters");
    ceremony(db, slug, now).await;
    lifecycle::mark_ready(db, slug, Actor::System, now)
        .await
        .expect("ready");
    lifecycle::open(db, slug, Actor::System, now)
        .await
        .expect("open");
    upload.issued.iter().map(|l| l.voter_id).collect()
}

/// The election parameters the ballot page embeds, parsed as a client would.
async fn embedded_params(app: &TestApp, slug: &str, browser: &VoterBrowser) -> ElectionParams {
    let page = app
        .get_with(&format!("/elections/{slug}/ballot"), &browser.headers())
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let marker = "<script type=\"application/json\" id=\"election-parameters\">";
    let start = page.body.find(marker).expect("embedded parameters") + marker.len();
    let end = page.body[start..].find("</script>").expect("script end") + start;
    serde_json::from_str(&page.body[start..end]).expect("valid §3 parameters")
}

/// Bits for: mascot = Box (choose-one, bit i = option i), logo = Red and Blue (approval).
/// Record format §2 by hand: [0, 1, 0] and [1, 0, 1].
fn bits() -> Vec<Vec<u8>> {
    vec![vec![0, 1, 0], vec![1, 0, 1]]
}

/// A ballot encrypted natively under `params` with a fresh credential.
fn encrypted(params: &ElectionParams) -> EncryptedBallot {
    let mut rng = os_rng();
    let credential = CredentialSecret::generate(&mut rng).expect("credential");
    encrypt_ballot(params, &credential, &bits(), &mut rng)
        .expect("encrypted")
        .0
}

async fn post_ballot(
    app: &TestApp,
    slug: &str,
    browser: &VoterBrowser,
    json: &str,
) -> TestResponse {
    let body =
        serde_urlencoded::to_string([("csrf_token", browser.csrf.as_str()), ("ballot", json)])
            .expect("form");
    app.post_form(
        &format!("/elections/{slug}/ballot/cast-encrypted"),
        &body,
        &browser.headers(),
    )
    .await
}

/// The text of the element with `id`.
fn text_of(page: &TestResponse, id: &str) -> String {
    let start = page
        .body
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id} in {}", page.body));
    let open = page.body[start..].find('>').expect("tag end") + start + 1;
    let close = page.body[open..].find('<').expect("closing tag") + open;
    page.body[open..close].to_owned()
}

/// Every stored ballot of the election: (sealed bytes, credential key, tracker, sealed_by).
async fn stored(
    db: &Db,
    slug: &str,
) -> Vec<(Vec<u8>, Option<Vec<u8>>, Option<Vec<u8>>, Option<String>)> {
    let loaded = elections::load_election(db, slug).await.expect("election");
    sqlx::query_as(
        "SELECT sealed, credential_key, tracker, sealed_by FROM ballots WHERE election_id = $1",
    )
    .bind(loaded.row_id)
    .fetch_all(db.sqlite_pool().expect("the test app runs on SQLite"))
    .await
    .expect("ballot rows")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_encrypted_ballot_is_verified_cast_and_its_tracker_shown() {
    let app = TestApp::new().await;
    let ids = open_election(&app.db, "vote").await;
    let browser = sign_in(&app, "vote", ids[0], 31).await;
    let params = embedded_params(&app, "vote", &browser).await;
    let ballot = encrypted(&params);
    let json = serde_json::to_string(&ballot).expect("json");

    let receipt = post_ballot(&app, "vote", &browser, &json).await;
    assert_eq!(receipt.status, StatusCode::OK, "{}", receipt.body);
    // The tracker is the ballot digest (record format §4), in lowercase hex.
    let tracker = to_hex(ballot.digest().as_bytes());
    assert_eq!(text_of(&receipt, "receipt-tracker"), tracker);
    assert!(
        receipt
            .body
            .contains(&format!("href=\"/elections/vote/board?tracker={tracker}\""))
    );

    let rows = stored(&app.db, "vote").await;
    assert_eq!(rows.len(), 1);
    let (sealed, key, row_tracker, sealed_by) = &rows[0];
    let stored_ballot: EncryptedBallot = serde_json::from_slice(sealed).expect("stored JSON");
    assert_eq!(stored_ballot, ballot);
    assert_eq!(
        key.as_deref(),
        Some(&ballot.credential_key().to_bytes()[..])
    );
    assert_eq!(
        row_tracker.as_deref(),
        Some(&ballot.digest().as_bytes()[..])
    );
    assert_eq!(sealed_by.as_deref(), Some("voter"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tampered_foreign_and_copied_ballots_are_refused_and_change_nothing() {
    let app = TestApp::new().await;
    let ids = open_election(&app.db, "vote").await;
    let other_ids = open_election(&app.db, "other").await;
    let ada = sign_in(&app, "vote", ids[0], 41).await;
    let bob = sign_in(&app, "vote", ids[1], 42).await;
    let params = embedded_params(&app, "vote", &ada).await;

    // A tampered proof: the two branches' responses of the first bit's proof swapped. Each
    // is still a valid scalar, but the equations s_j·G = A_j + c_j·α no longer hold.
    let mut tampered = serde_json::to_value(encrypted(&params)).expect("json");
    let proof = &mut tampered["questions"][0]["bits"][0]["proof"];
    let (s0, s1) = (proof[0]["s"].clone(), proof[1]["s"].clone());
    proof[0]["s"] = s1;
    proof[1]["s"] = s0;
    let refused = post_ballot(&app, "vote", &ada, &tampered.to_string()).await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("proofs do not check out"),
        "{}",
        refused.body
    );

    // A valid ballot, but made for another election (its digest binds the election).
    let other_browser = sign_in(&app, "other", other_ids[0], 43).await;
    let other_params = embedded_params(&app, "other", &other_browser).await;
    assert_ne!(other_params.digest(), params.digest());
    let foreign = serde_json::to_string(&encrypted(&other_params)).expect("json");
    let refused = post_ballot(&app, "vote", &ada, &foreign).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("made for another election"),
        "{}",
        refused.body
    );

    // Not a ballot at all.
    let refused = post_ballot(&app, "vote", &ada, "{\"v\":1}").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("could not be read"),
        "{}",
        refused.body
    );
    assert!(stored(&app.db, "vote").await.is_empty(), "nothing stored");

    // Ada casts; Bob posts the very same JSON: refused as a copy, Ada's ballot alone stands.
    let ballot = serde_json::to_string(&encrypted(&params)).expect("json");
    assert_eq!(
        post_ballot(&app, "vote", &ada, &ballot).await.status,
        StatusCode::OK
    );
    let copied = post_ballot(&app, "vote", &bob, &ballot).await;
    assert_eq!(copied.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        copied.body.contains("already cast by someone else"),
        "{}",
        copied.body
    );
    assert_eq!(stored(&app.db, "vote").await.len(), 1);
    let bob_row = app.db.voter(ids[1]).await.expect("bob");
    assert!(!bob_row.voted);

    // Ada revotes with a fresh encryption (new credential key): it replaces her ballot.
    let again = post_ballot(
        &app,
        "vote",
        &ada,
        &serde_json::to_string(&encrypted(&params)).expect("json"),
    )
    .await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    let loaded = elections::load_election(&app.db, "vote")
        .await
        .expect("election");
    assert_eq!(
        app.db
            .counted_ballots(loaded.row_id)
            .await
            .expect("counted")
            .len(),
        1
    );
    assert_eq!(stored(&app.db, "vote").await.len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_javascript_the_server_seals_a_ballot_that_verifies() {
    let app = TestApp::new().await;
    let ids = open_election(&app.db, "vote").await;
    let browser = sign_in(&app, "vote", ids[2], 51).await;
    let params = embedded_params(&app, "vote", &browser).await;
    let fields = "choice.mascot=box&approve.logo=red&approve.logo=blue";
    let review = app
        .post_form(
            "/elections/vote/ballot/review",
            &format!("csrf_token={}&{fields}", browser.csrf),
            &browser.headers(),
        )
        .await;
    assert_eq!(review.status, StatusCode::OK, "{}", review.body);
    let receipt = app
        .post_form(
            "/elections/vote/ballot/cast",
            &format!("csrf_token={}&{fields}&action=cast", browser.csrf),
            &browser.headers(),
        )
        .await;
    assert_eq!(receipt.status, StatusCode::OK, "{}", receipt.body);

    let rows = stored(&app.db, "vote").await;
    assert_eq!(rows.len(), 1);
    let (sealed, key, tracker, sealed_by) = &rows[0];
    assert_eq!(sealed_by.as_deref(), Some("server"));
    let ballot: EncryptedBallot = serde_json::from_slice(sealed).expect("stored JSON");
    // It verifies against the parameters the page published, and the receipt's tracker is
    // its digest.
    let digest = ballot.verify(&params).expect("a valid ballot");
    assert_eq!(tracker.as_deref(), Some(&digest.as_bytes()[..]));
    assert_eq!(
        key.as_deref(),
        Some(&ballot.credential_key().to_bytes()[..])
    );
    assert_eq!(
        text_of(&receipt, "receipt-tracker"),
        to_hex(digest.as_bytes())
    );
    assert!(receipt.body.contains("encrypted by the server"));
}
