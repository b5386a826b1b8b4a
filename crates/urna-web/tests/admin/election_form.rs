//! The election form over HTTP: an election with an approval and a ranked Meek question made
//! through the form, then loaded, given a key and opened; adding and removing questions
//! without JavaScript; every kind of problem shown at its field with nothing saved; editing a
//! draft (translations the form does not show survive); the form read-only, and its POST
//! refused, once the election is open.

use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ToSpan};
use serde_json::{Value, json};
use urna_core::lifecycle::State;
use urna_core::question::BallotType;
use urna_core::text::Lang;
use urna_crypto::{
    DkgRound1, ElectionSetup, TrusteeName, TrusteeSecret, dkg_round1, dkg_round2, os_rng,
};
use urna_tally::Method;
use urna_web::service;

use super::{Staff, TestApp};

/// `now + offset` as a local time in AoE (UTC−12), as `datetime-local` sends it, worked out
/// with jiff's fixed offset rather than the window module under test.
fn aoe_local(offset: jiff::Span) -> String {
    let at = Timestamp::now().checked_add(offset).unwrap();
    at.to_zoned_datetime(TimeZone::fixed(Offset::constant(-12)))
        .datetime()
        .strftime("%Y-%m-%dT%H:%M")
        .to_string()
}

/// The instant a local AoE time names: the same text with its RFC 3339 offset.
fn aoe_instant(local: &str) -> Timestamp {
    format!("{local}:00-12:00").parse().unwrap()
}

/// Posted form fields, in order.
type Fields = Vec<(String, String)>;

/// A valid election: question 0 approval (Owl, Box, Tree; at most 2), question 1 ranked Meek
/// for 2 seats (Ann Lee, Bob, Cleo).
fn valid_fields(slug: &str) -> Fields {
    let opens = aoe_local(1.hours());
    let closes = aoe_local(48.hours());
    [
        ("slug", slug),
        ("languages", "en, de"),
        ("title", "Board election 2030"),
        ("allow-revote", "on"),
        ("opens", &opens),
        ("closes", &closes),
        ("zone", "AoE"),
        ("q0-id", "logo"),
        ("q0-title", "Which logo?"),
        ("q0-description", "Pick up to two."),
        ("q0-ballot", "approval"),
        ("q0-approval-min", ""),
        ("q0-approval-max", "2"),
        ("q0-method", "approval"),
        ("q0-seats", "1"),
        ("q0-candidates", "owl | Owl\nBox\n\nTree"),
        ("q0-shuffle", "on"),
        ("q1-id", "board"),
        ("q1-title", "Board"),
        ("q1-ballot", "ranked"),
        ("q1-max-ranks", ""),
        ("q1-method", "meek"),
        ("q1-seats", "2"),
        ("q1-tie-seed", "42"),
        ("q1-candidates", "Ann Lee\nBob\nCleo"),
        ("action", "save"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

fn with(mut fields: Fields, name: &str, value: &str) -> Fields {
    match fields.iter_mut().find(|(k, _)| k == name) {
        Some(field) => field.1 = value.to_owned(),
        None => fields.push((name.to_owned(), value.to_owned())),
    }
    fields
}

async fn post(app: &TestApp, who: &Staff, path: &str, fields: &[(String, String)]) -> super::Reply {
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.form_post(who, path, &pairs, true).await
}

/// A 2-of-3 key made through the API, as trustees would with `urna trustee`.
async fn make_key(app: &TestApp, op: &Staff, slug: &str) {
    let base = format!("/api/v1/elections/{slug}");
    let mut rng = os_rng();
    let mut secrets: Vec<TrusteeSecret> = (1..=3)
        .map(|i| {
            TrusteeSecret::generate(TrusteeName::parse(&format!("t{i}")).unwrap(), &mut rng)
                .unwrap()
        })
        .collect();
    let publics: Vec<Value> = secrets
        .iter()
        .map(|s| serde_json::to_value(&s.public).unwrap())
        .collect();
    let set_up = app
        .api_post(
            op,
            &format!("{base}/trustees/setup"),
            &json!({"threshold": 2, "trustees": publics}),
            true,
        )
        .await;
    assert_eq!(set_up.status, 201, "{}", set_up.body);
    let setup: ElectionSetup = serde_json::from_str(
        &app.get(Some(op), &format!("{base}/trustees/setup"))
            .await
            .body,
    )
    .unwrap();
    for s in &secrets {
        let r1 = serde_json::to_value(dkg_round1(s, &setup, &mut rng).unwrap()).unwrap();
        let reply = app
            .api_post(op, &format!("{base}/trustees/round1"), &r1, true)
            .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
    }
    let round1: Vec<DkgRound1> = serde_json::from_str(
        &app.get(Some(op), &format!("{base}/trustees/round1"))
            .await
            .body,
    )
    .unwrap();
    for s in &mut secrets {
        let r2 = serde_json::to_value(dkg_round2(s, &setup, &round1, &mut rng).unwrap()).unwrap();
        let reply = app
            .api_post(op, &format!("{base}/trustees/round2"), &r2, true)
            .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_election_made_with_the_form_loads_opens_and_then_is_read_only() {
    let app = TestApp::new().await;
    let op = app.staff("operator", true).await;

    let page = app.get(Some(&op), "/admin/new-election").await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body
            .contains(r#"<label for="slug">Short name</label>"#)
    );
    assert!(page.body.contains(r#"name="action" value="add-question""#));

    let fields = valid_fields("board-2030");
    let opens = fields.iter().find(|(k, _)| k == "opens").unwrap().1.clone();
    let closes = fields
        .iter()
        .find(|(k, _)| k == "closes")
        .unwrap()
        .1
        .clone();
    let created = post(&app, &op, "/admin/new-election", &fields).await;
    assert_eq!(created.status, 303, "{}", created.body);
    assert_eq!(
        created.header("location"),
        Some("/admin/elections/board-2030")
    );

    let loaded = service::elections::load_election(&app.db, "board-2030")
        .await
        .unwrap();
    let e = &loaded.election;
    assert_eq!(e.state(), State::Draft);
    assert_eq!(e.title().default_text(), "Board election 2030");
    assert_eq!(
        e.languages(),
        [Lang::parse("en").unwrap(), Lang::parse("de").unwrap()]
    );
    assert!(e.allow_revote());
    assert!(!e.allow_weights());
    let window = e.window().unwrap();
    assert_eq!(window.zone().name(), "AoE");
    assert_eq!(window.opens(), aoe_instant(&opens));
    assert_eq!(window.closes(), aoe_instant(&closes));
    let [logo, board] = e.questions() else {
        panic!("two questions: {:?}", e.questions());
    };
    assert_eq!(logo.ballot_type, BallotType::Approval { min: 0, max: 2 });
    assert_eq!(logo.method, Method::Approval);
    assert!(logo.shuffle_options);
    assert_eq!(
        logo.description.as_ref().unwrap().default_text(),
        "Pick up to two."
    );
    let ids = |q: &urna_core::question::Question| -> Vec<String> {
        q.options.iter().map(|c| c.id.to_string()).collect()
    };
    // "owl" given; "Box" and "Tree" derived in lower case; the blank line skipped.
    assert_eq!(ids(logo), ["owl", "box", "tree"]);
    assert_eq!(
        board.ballot_type,
        BallotType::Ranked {
            max_ranks: None,
            allow_equal: false
        }
    );
    assert_eq!(board.method, Method::Meek);
    assert_eq!((board.seats, board.tie_seed), (2, Some(42)));
    assert_eq!(ids(board), ["ann-lee", "bob", "cleo"]);
    assert_eq!(board.options[0].name.default_text(), "Ann Lee");

    // Openable: voters, a key, ready, open.
    let base = "/api/v1/elections/board-2030";
    let voters = app
        .api_post(
            &op,
            &format!("{base}/voters"),
            &json!({"csv": "voter\nv1\nv2\n"}),
            true,
        )
        .await;
    assert_eq!(voters.status, 200, "{}", voters.body);
    make_key(&app, &op, "board-2030").await;
    for action in ["mark_ready", "open"] {
        // Marked ready with a logged override of the rehearsal gate (service::rehearsal).
        let reply = app
            .api_post(
                &op,
                &format!("{base}/actions"),
                &json!({ "action": action, "rehearsal_override": "set up by the test" }),
                true,
            )
            .await;
        assert_eq!(reply.status, 200, "{action}: {}", reply.body);
    }

    // Open: the form shows the definition read-only, and saving is refused.
    let edit = app.get(Some(&op), "/admin/elections/board-2030/edit").await;
    assert_eq!(edit.status, 200, "{}", edit.body);
    assert!(edit.body.contains("no longer a draft"), "{}", edit.body);
    assert!(edit.body.contains("fieldset class=\"form-body\" disabled"));
    assert!(!edit.body.contains(r#"value="save""#));
    assert!(edit.body.contains("ann-lee | Ann Lee"));
    let refused = post(
        &app,
        &op,
        "/admin/elections/board-2030/edit",
        &with(fields, "title", "Changed"),
    )
    .await;
    assert_eq!(refused.status, 409, "{}", refused.body);
    let after = service::elections::load_election(&app.db, "board-2030")
        .await
        .unwrap();
    assert_eq!(after.election.title().default_text(), "Board election 2030");
    assert_eq!(after.election.state(), State::Open);
}

#[tokio::test]
async fn adding_and_removing_questions_keeps_what_was_typed() {
    let app = TestApp::new().await;
    let op = app.staff("operator", true).await;

    let added = post(
        &app,
        &op,
        "/admin/new-election",
        &with(valid_fields("keep"), "action", "add-question"),
    )
    .await;
    assert_eq!(added.status, 200, "{}", added.body);
    for typed in [
        r#"id="slug" name="slug" value="keep""#,
        r#"value="Board election 2030""#,
        r#"id="q0-id" name="q0-id" value="logo""#,
        "owl | Owl\nBox\n\nTree</textarea>",
        r#"id="q1-id" name="q1-id" value="board""#,
        r#"id="q1-tie-seed" name="q1-tie-seed" value="42""#,
        // The new, third question, blank.
        r#"id="q2-id" name="q2-id" value="""#,
        r#"id="q0-shuffle" name="q0-shuffle" checked"#,
    ] {
        assert!(added.body.contains(typed), "{typed}: {}", added.body);
    }
    assert!(!added.body.contains("q3-id"));
    assert!(!added.body.contains("error-summary"));

    // Remove the first: the second becomes question 1 with its values.
    let removed = post(
        &app,
        &op,
        "/admin/new-election",
        &with(valid_fields("keep"), "action", "remove-question-0"),
    )
    .await;
    assert_eq!(removed.status, 200, "{}", removed.body);
    assert!(
        removed
            .body
            .contains(r#"id="q0-id" name="q0-id" value="board""#),
        "{}",
        removed.body
    );
    assert!(removed.body.contains("Ann Lee\nBob\nCleo</textarea>"));
    assert!(!removed.body.contains("q1-id"));
    assert!(
        !removed
            .body
            .contains(r#"id="q0-shuffle" name="q0-shuffle" checked"#)
    );
    // Neither press saved anything.
    assert!(
        service::elections::list_elections(&app.db)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn each_problem_is_shown_at_its_field_and_nothing_is_saved() {
    let app = TestApp::new().await;
    let op = app.staff("operator", true).await;
    let valid = || valid_fields("board-2030");
    let cases: Vec<(&str, Fields, &str, &str)> = vec![
        (
            "bad short name",
            with(valid(), "slug", "Board 2030"),
            "slug",
            "\"Board 2030\" is not a valid short name",
        ),
        (
            "closes before it opens",
            with(
                with(valid(), "opens", "2030-01-20T12:00"),
                "closes",
                "2030-01-10T12:00",
            ),
            "closes",
            "the window must close after it opens",
        ),
        (
            "unknown zone",
            with(valid(), "zone", "Mars/Olympus_Mons"),
            "zone",
            "\"Mars/Olympus_Mons\" is not a time zone",
        ),
        (
            // 31 March 2030 is the last Sunday of March: Berlin's clocks go from 02:00 CET
            // straight to 03:00 CEST, so 02:30 never happens.
            "a local time the clocks skip",
            with(
                with(
                    with(valid(), "zone", "Europe/Berlin"),
                    "opens",
                    "2030-03-31T02:30",
                ),
                "closes",
                "2030-04-10T12:00",
            ),
            "opens",
            "2030-03-31 02:30 does not exist in Europe/Berlin",
        ),
        (
            "a ranked question with a method for approval ballots",
            with(valid(), "q1-method", "approval"),
            "q1-method",
            "the approval method cannot count ranked ballots",
        ),
        (
            "a choose-one question with an STV method",
            with(valid(), "q1-ballot", "choose-one"),
            "q1-method",
            "the meek method cannot count choose one ballots",
        ),
        (
            "zero seats",
            with(valid(), "q1-seats", "0"),
            "q1-seats",
            "seats must be at least 1",
        ),
        (
            "seats not a number",
            with(valid(), "q1-seats", "two"),
            "q1-seats",
            "\"two\" is not a whole number",
        ),
        (
            "duplicate candidate ids",
            with(valid(), "q1-candidates", "ann | Ann\nBob\nann | Annie"),
            "q1-candidates",
            "two options have the id ann",
        ),
        (
            "a bad explicit candidate id",
            with(valid(), "q1-candidates", "Ann\nbob smith | Bob"),
            "q1-candidates",
            "Line 2: \"bob smith\" is not a valid candidate id",
        ),
        (
            "two questions with one id",
            with(valid(), "q1-id", "logo"),
            "q1-id",
            "two questions have the id logo",
        ),
    ];
    for (what, fields, field, message) in cases {
        let reply = post(&app, &op, "/admin/new-election", &fields).await;
        assert_eq!(reply.status, 422, "{what}: {}", reply.body);
        // Next to the field, linked to it, and in the summary with a link to the field.
        let at_field = format!(r#"<p class="error-message" id="{field}-error">"#);
        let start = reply
            .body
            .find(&at_field)
            .unwrap_or_else(|| panic!("{what}: no message at {field}: {}", reply.body));
        let shown = &reply.body[start..start + reply.body[start..].find("</p>").unwrap()];
        // Fluent wraps arguments in Unicode isolation marks (FSI, PDI).
        let shown = shown
            .replace("&quot;", "\"")
            .replace("&#34;", "\"")
            .replace(['\u{2068}', '\u{2069}'], "");
        assert!(shown.contains(message), "{what}: {shown}");
        assert!(
            reply.body.contains(&format!(r##"<a href="#{field}">"##)),
            "{what}: summary link"
        );
        assert!(
            reply
                .body
                .contains(&format!("{field}-error\" aria-invalid=\"true\"")),
            "{what}: the field is marked invalid and described by its message"
        );
        // What was typed is kept.
        assert!(reply.body.contains("Board election 2030"), "{what}");
    }
    assert!(
        service::elections::list_elections(&app.db)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_draft_is_edited_with_the_form_keeping_its_translations() {
    let app = TestApp::new().await;
    let op = app.staff("operator", true).await;
    // A draft from a pasted definition with a German title, which the form does not show.
    let definition = json!({
        "slug": "club", "languages": ["en", "de"],
        "title": {"default": "en", "texts": {"en": "Club vote", "de": "Vereinswahl"}},
        "window": {"opens": "2030-01-10T12:00:00Z", "closes": "2030-01-20T12:00:00Z",
                   "zone": "Europe/Berlin"},
        "questions": [
            {"id": "chair", "title": {"default": "en", "texts": {"en": "Chair"}},
             "description": null, "ballot_type": {"type": "choose_one"},
             "method": "plurality", "seats": 1,
             "options": [{"id": "ann", "name": {"default": "en", "texts": {"en": "Ann"}}},
                         {"id": "bob", "name": {"default": "en", "texts": {"en": "Bob"}}}]}
        ]
    })
    .to_string();
    let pasted = app
        .form_post(
            &op,
            "/admin/elections",
            &[("definition", &definition)],
            true,
        )
        .await;
    assert_eq!(pasted.status, 303, "{}", pasted.body);

    let page = app.get(Some(&op), "/admin/elections/club/edit").await;
    assert_eq!(page.status, 200, "{}", page.body);
    // 12:00 UTC on 10 January is 13:00 in Berlin (CET, UTC+1).
    for shown in [
        r#"id="opens" name="opens" value="2030-01-10T13:00""#,
        r#"id="zone" name="zone" value="Europe/Berlin""#,
        r#"value="en, de""#,
        "ann | Ann\nbob | Bob</textarea>",
        r#"<option value="choose-one" selected>"#,
        r#"<option value="plurality" data-ballots="choose-one ranked" selected>"#,
    ] {
        assert!(page.body.contains(shown), "{shown}: {}", page.body);
    }
    // The overview links to the form.
    let overview = app.get(Some(&op), "/admin/elections/club").await;
    assert!(
        overview
            .body
            .contains(r#"href="/admin/elections/club/edit""#)
    );

    let fields: Vec<(String, String)> = [
        ("languages", "en, de"),
        ("title", "Club election"),
        ("opens", "2030-01-10T13:00"),
        ("closes", "2030-01-20T13:00"),
        ("zone", "Europe/Berlin"),
        ("q0-id", "chair"),
        ("q0-title", "Chair"),
        ("q0-ballot", "ranked"),
        ("q0-method", "irv"),
        ("q0-seats", "1"),
        ("q0-candidates", "ann | Ann\nbob | Bob\ncy | Cy"),
        ("action", "save"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let bad = post(
        &app,
        &op,
        "/admin/elections/club/edit",
        &with(fields.clone(), "q0-seats", "4"),
    )
    .await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert!(
        bad.body
            .contains("4 seats need at least 4 options, but there are 3")
    );

    let saved = post(&app, &op, "/admin/elections/club/edit", &fields).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(saved.header("location"), Some("/admin/elections/club"));
    let e = service::elections::load_election(&app.db, "club")
        .await
        .unwrap()
        .election;
    assert_eq!(e.title().default_text(), "Club election");
    assert_eq!(
        e.title().exact(&Lang::parse("de").unwrap()),
        Some("Vereinswahl")
    );
    assert_eq!(e.questions()[0].method, Method::Irv);
    assert_eq!(e.questions()[0].options.len(), 3);
    // The window is the same instants as before: 13:00 CET is 12:00 UTC.
    assert_eq!(
        e.window().unwrap().opens(),
        "2030-01-10T12:00:00Z".parse::<Timestamp>().unwrap()
    );

    // Someone with no role in the election may not see the form.
    let outsider = app.staff("outsider", false).await;
    let denied = app.get(Some(&outsider), "/admin/elections/club/edit").await;
    assert_eq!(denied.status, 403);
    let denied = post(&app, &outsider, "/admin/new-election", &fields).await;
    assert_eq!(denied.status, 403);
}
