//! Changes while voting runs over HTTP: the JSON API's preview then confirm (a wrong or stale
//! token refused with 409, nothing changed), and the same through the HTML forms, the token
//! carried from the preview page to the confirm form.

use super::*;

/// An open sealed election `slug` (approval "logo", ranked "board": ann, bob, cleo) whose
/// window holds the real clock (the routes take `Timestamp::now()`), with voters
/// `voter-0`…`voter-{n-1}`, each with an address; voter-0 and voter-1 have voted, ranking
/// Bob first. Returns the trustees' secrets.
async fn running_election(app: &TestApp, slug: &str, n: usize) -> Vec<TrusteeSecret> {
    let now = Timestamp::now();
    let name = |n: &str| json!({"default": "en", "texts": {"en": n}});
    let cands = |names: &[&str]| -> Vec<Value> {
        names
            .iter()
            .map(|n| json!({"id": n.to_lowercase(), "name": name(n)}))
            .collect()
    };
    let spec = serde_json::from_value(json!({
        "id": urna_core::election::ElectionId::generate().unwrap(),
        "slug": slug, "languages": ["en"], "title": name("Board election"),
        "window": {"opens": now + 1.minute(), "closes": now + 24.hours(), "zone": "UTC"},
        "questions": [
            {"id": "logo", "title": name("Logo"), "description": null,
             "ballot_type": {"type": "approval", "min": 0, "max": 3}, "method": "approval",
             "seats": 1, "options": cands(&["Owl", "Box", "Tree"])},
            {"id": "board", "title": name("Board"), "description": null,
             "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
             "method": "meek", "seats": 1, "options": cands(&["Ann", "Bob", "Cleo"])}
        ]
    }))
    .unwrap();
    let db = &app.db;
    service::elections::create_election(db, spec, None, Actor::System, now)
        .await
        .unwrap();
    let mut csv = String::from("voter,email\n");
    for i in 0..n {
        csv.push_str(&format!("voter-{i},voter-{i}@example.org\n"));
    }
    let upload = service::voters::upload_voters(db, slug, &csv, Actor::System, now)
        .await
        .unwrap();
    let secrets = key_ceremony::key_ceremony(db, slug, 2, 3, now).await;
    service::lifecycle::mark_ready(db, slug, Actor::System, now)
        .await
        .unwrap();
    service::lifecycle::open(db, slug, Actor::System, now)
        .await
        .unwrap();
    for link in &upload.issued[..2] {
        let ballot = PlainBallot {
            answers: vec![
                Answer::Approvals(vec![CandidateId::parse("owl").unwrap()]),
                Answer::Ranking(vec![vec![CandidateId::parse("bob").unwrap()]]),
            ],
        };
        service::voting::cast(db, slug, link.voter_id, ballot, now, &mut os_rng())
            .await
            .unwrap();
    }
    secrets
}

/// The page without Fluent's bidirectional isolation marks around arguments.
fn plain(page: &str) -> String {
    page.replace(['\u{2068}', '\u{2069}'], "")
}

/// The `value` of the hidden input named `name` on a page, HTML entities undone.
fn hidden_value(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name}: {page}"))
        + marker.len();
    let end = start + page[start..].find('"').unwrap();
    page[start..end]
        .replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

async fn state_of(app: &TestApp, slug: &str) -> String {
    service::elections::load_election(&app.db, slug)
        .await
        .unwrap()
        .state()
        .name()
        .to_owned()
}

#[tokio::test]
async fn a_swap_through_the_api_is_previewed_then_confirmed_and_a_stale_token_refused() {
    let app = TestApp::new().await;
    let op = app.staff("operator", true).await;
    running_election(&app, "live-api", 3).await;
    let base = "/api/v1/elections/live-api/live";
    let swap = json!({"change": "swap_candidate", "question": "board", "candidate": "bob", "name": "Dana"});

    let preview = app
        .api_post(&op, &format!("{base}/preview"), &swap, true)
        .await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    let preview = preview.json();
    assert_eq!(preview["struck"], json!(["voter-0", "voter-1"]));
    assert_eq!(preview["told"], json!(["voter-0", "voter-1"]));
    assert_eq!(preview["event"]["old"], "Bob");
    let token = preview["token"].as_str().unwrap().to_owned();
    // SHA-256, in hex.
    assert_eq!(token.len(), 64);

    // A token of another preview: 409, and nothing struck.
    let wrong = app
        .api_post(
            &op,
            &format!("{base}/confirm"),
            &json!({"change": swap, "token": "00".repeat(32)}),
            true,
        )
        .await;
    assert_eq!(wrong.status, 409, "{}", wrong.body);
    assert!(
        wrong.json()["detail"]
            .as_str()
            .unwrap()
            .contains("preview the change again")
    );
    assert_eq!(
        service::admin::turnout(&app.db, "live-api")
            .await
            .unwrap()
            .voted,
        2
    );
    // A change other than the one previewed: its token does not match either.
    let other =
        json!({"change": "swap_candidate", "question": "board", "candidate": "bob", "name": "Eve"});
    let mismatched = app
        .api_post(
            &op,
            &format!("{base}/confirm"),
            &json!({"change": other, "token": token}),
            true,
        )
        .await;
    assert_eq!(mismatched.status, 409, "{}", mismatched.body);

    let done = app
        .api_post(
            &op,
            &format!("{base}/confirm"),
            &json!({"change": swap, "token": token}),
            true,
        )
        .await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert_eq!(done.json()["notices"]["queued"], 2);
    assert_eq!(
        service::admin::turnout(&app.db, "live-api")
            .await
            .unwrap()
            .voted,
        0
    );

    // The same token again: the election has moved on (its revision), so it is stale.
    let again = app
        .api_post(
            &op,
            &format!("{base}/confirm"),
            &json!({"change": swap, "token": token}),
            true,
        )
        .await;
    assert_eq!(again.status, 409, "{}", again.body);

    // Without the CSRF header: refused before anything is read.
    let forged = app
        .api_post(
            &op,
            &format!("{base}/preview"),
            &json!({"change": "pause"}),
            false,
        )
        .await;
    assert_eq!(forged.status, 403);
}

#[tokio::test]
async fn a_pause_through_the_forms_shows_who_is_told_and_carries_the_token_to_confirm() {
    let app = TestApp::new().await;
    let op = app.staff("operator", true).await;
    running_election(&app, "live-forms", 3).await;
    let page = app.get(Some(&op), "/admin/elections/live-forms/live").await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body.contains("Changes while voting runs"),
        "{}",
        page.body
    );

    let preview = app
        .form_post(
            &op,
            "/admin/elections/live-forms/live/preview",
            &[("change", "pause")],
            true,
        )
        .await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    // Every voter is told of a pause: three, all with addresses; no ballot is struck.
    assert!(
        plain(&preview.body).contains("Voters who will be e-mailed: 3"),
        "{}",
        preview.body
    );
    assert!(
        plain(&preview.body).contains("Ballots that will be struck: 0"),
        "{}",
        preview.body
    );
    assert_eq!(
        state_of(&app, "live-forms").await,
        "open",
        "a preview writes nothing"
    );

    let change = hidden_value(&preview.body, "change");
    let token = hidden_value(&preview.body, "token");
    assert_eq!(change, r#"{"change":"pause"}"#);
    let done = app
        .form_post(
            &op,
            "/admin/elections/live-forms/live/confirm",
            &[("change", &change), ("token", &token)],
            true,
        )
        .await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(
        plain(&done.body).contains("notices queued: 3"),
        "{}",
        done.body
    );
    assert_eq!(state_of(&app, "live-forms").await, "paused");

    // A form naming no known change is unusable input, with the reason.
    let bad = app
        .form_post(
            &op,
            "/admin/elections/live-forms/live/preview",
            &[("change", "restart")],
            true,
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("is not a change"), "{}", bad.body);
}

#[tokio::test]
async fn the_results_page_shows_the_count_and_the_labelled_recount() {
    let app = TestApp::new().await;
    let op = app.staff("operator", true).await;
    let slug = "live-recount";
    let secrets = running_election(&app, slug, 3).await;
    let db = &app.db;
    // voter-2 ranks Ann only. Ballots: bob, bob, ann: Bob is elected (2 of 3 first
    // preferences); without Bob both his ballots are exhausted and Ann is elected alone.
    let voter_2 = service::voters::voters(db, slug).await.unwrap()[2].id;
    let ballot = PlainBallot {
        answers: vec![
            Answer::Approvals(vec![]),
            Answer::Ranking(vec![vec![CandidateId::parse("ann").unwrap()]]),
        ],
    };
    let now = Timestamp::now();
    service::voting::cast(db, slug, voter_2, ballot, now, &mut os_rng())
        .await
        .unwrap();
    service::lifecycle::close(db, slug, Actor::System, now)
        .await
        .unwrap();
    service::counting::freeze(db, slug, Actor::System, now, &mut os_rng())
        .await
        .unwrap();
    let setup = service::trustees::setup_of(db, slug).await.unwrap();
    let set = service::counting::frozen_set(db, slug).await.unwrap();
    for s in &secrets[..2] {
        let share = s.share_for(&setup.digest()).unwrap();
        let shares = decryption_shares(share, &set, &mut os_rng()).unwrap();
        service::counting::accept_decryption_shares(db, slug, shares, Actor::System, now)
            .await
            .unwrap();
    }
    service::counting::count(db, slug, None, Actor::System, now)
        .await
        .unwrap();

    let change = json!({"change": "withdraw_after_count", "question": "board", "candidate": "bob"});
    let base = format!("/api/v1/elections/{slug}/live");
    let preview = app
        .api_post(&op, &format!("{base}/preview"), &change, true)
        .await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    let preview = preview.json();
    assert_eq!(preview["recount"]["ballots_naming"], 2);
    let token = preview["token"].as_str().unwrap().to_owned();
    let done = app
        .api_post(
            &op,
            &format!("{base}/confirm"),
            &json!({"change": change, "token": token}),
            true,
        )
        .await;
    assert_eq!(done.status, 200, "{}", done.body);
    let published = app
        .api_post(
            &op,
            &format!("/api/v1/elections/{slug}/actions"),
            &json!({"action": "publish"}),
            true,
        )
        .await;
    assert_eq!(published.status, 200, "{}", published.body);

    let page = app.get(None, &format!("/elections/{slug}/results")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let body = plain(&page.body);
    assert!(
        body.contains("Board — Recount without Bob (withdrawn after the count)"),
        "{body}"
    );
    assert!(
        body.contains("This recount counts the same ballots"),
        "{body}"
    );
    let elected: Vec<&str> = body
        .match_indices("<li class=\"elected-name\">")
        .map(|(at, m)| {
            let rest = &body[at + m.len()..];
            &rest[..rest.find('<').unwrap()]
        })
        .collect();
    // Logo (no approvals but Owl's two: Owl), the board's count (Bob), its recount (Ann).
    assert_eq!(elected, ["Owl", "Bob", "Ann"], "{body}");
}
