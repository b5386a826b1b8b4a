//! The server's own readers of outside data against hostile input (issue 8, Inputs), in CI
//! as property tests (they need urna-web, too heavy for the fuzzing build): the ballot form's
//! fields, the election form's fields, the configuration file, and the small parsers of
//! request headers and cookies. Arbitrary names and values, and mutations of valid ones:
//! never a panic; the problems found are reported, not thrown.

use std::sync::Arc;

use figment::providers::Format as _;
use proptest::prelude::*;
use urna_core::election::{Election, ElectionId};
use urna_web::ballot_form::parse_ballot_form;
use urna_web::config::Config;
use urna_web::election_form::ElectionForm;
use urna_web::i18n::{LanguageTag, Locales, Translator, parse_accept_language};

/// One question of each ballot type, with candidates a, b and c.
fn election() -> Election {
    let name = |t: &str| serde_json::json!({"default": "en", "texts": {"en": t}});
    let options = serde_json::json!([
        {"id": "a", "name": name("A")}, {"id": "b", "name": name("B")}, {"id": "c", "name": name("C")}
    ]);
    let question = |id: &str, ballot_type: serde_json::Value, method: &str| {
        serde_json::json!({"id": id, "title": name(id), "description": null,
            "ballot_type": ballot_type, "method": method, "seats": 1, "options": options})
    };
    serde_json::from_value(serde_json::json!({
        "id": "0123456789ABCDEFGHJKMNPQR0", "slug": "props", "languages": ["en"],
        "title": name("Props"),
        "questions": [
            question("one", serde_json::json!({"type": "choose_one"}), "plurality"),
            question("appr", serde_json::json!({"type": "approval", "min": 0, "max": 3}), "approval"),
            question("scor", serde_json::json!({"type": "score", "min": 0, "max": 5}), "score"),
            question("rank", serde_json::json!({"type": "ranked", "max_ranks": null, "allow_equal": true}), "irv"),
        ]
    }))
    .expect("a valid election")
}

/// Field names as the ballot page writes them, and near misses.
fn ballot_field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(vec![
            "choice.one",
            "abstain.one",
            "approve.appr",
            "score.scor.a",
            "score.scor.b",
            "rank.rank.a",
            "rank.rank.b",
            "rank.rank.c",
            "abstain.rank",
            "csrf_token",
            "action",
            "score.scor",
            "rank.one.a",
            "choice.nope",
            "score.scor.zz",
            "..",
            "rank..",
        ])
        .prop_map(str::to_owned),
        any::<String>(),
    ]
}

/// Values: candidate ids, numbers in and out of range, and anything.
fn ballot_field_value() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(vec![
            "a",
            "b",
            "c",
            "",
            "0",
            "1",
            "3",
            "5",
            "6",
            "-1",
            "99999999999999999999",
            "1.5",
            " 2 ",
            "x",
        ])
        .prop_map(str::to_owned),
        any::<String>(),
    ]
}

/// The election form's field names (`q<index>-<field>` for questions), and near misses.
fn election_field_name() -> impl Strategy<Value = String> {
    let question_field = proptest::sample::select(vec![
        "id",
        "title",
        "description",
        "ballot",
        "approval-min",
        "approval-max",
        "score-min",
        "score-max",
        "max-ranks",
        "allow-equal",
        "method",
        "seats",
        "min-share",
        "tie-seed",
        "candidates",
        "shuffle",
        "nonsense",
    ]);
    prop_oneof![
        proptest::sample::select(vec![
            "slug",
            "languages",
            "title",
            "allow-revote",
            "allow-weights",
            "opens",
            "closes",
            "zone",
            "action",
        ])
        .prop_map(str::to_owned),
        (0usize..4, question_field).prop_map(|(i, f)| format!("q{i}-{f}")),
        // Indexes far out of range must not make the form allocate for them.
        (any::<usize>(), Just("title")).prop_map(|(i, f)| format!("q{i}-{f}")),
        any::<String>(),
    ]
}

fn election_field_value() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(vec![
            "",
            "en",
            "en, ar",
            "xx-invalid",
            "ranked",
            "approval",
            "score",
            "choose-one",
            "irv",
            "meek",
            "schulze",
            "0",
            "1",
            "-5",
            "100",
            "66.67",
            "2026-02-30T10:00",
            "2026-03-29T02:30",
            "Europe/Berlin",
            "AoE",
            "Mars/Olympus",
            "add-question",
            "remove-question-0",
            "remove-question-99999999999999999999",
            "a | Ann\nb | Bob",
            "Ann\nAnn",
            "| \n|",
            "board-2026",
            "-bad-",
        ])
        .prop_map(str::to_owned),
        any::<String>(),
    ]
}

thread_local! {
    /// Built once per thread: loading the translations costs more than a case.
    static ENGLISH: Translator = {
        let en = LanguageTag::english();
        let locales = Locales::embedded(std::slice::from_ref(&en), &en).expect("English ships");
        Translator::new(Arc::new(locales), 0)
    };
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever is posted, the ballot form gives a checked ballot or its problems.
    #[test]
    fn any_ballot_form_fields_give_a_ballot_or_problems(
        fields in proptest::collection::vec((ballot_field_name(), ballot_field_value()), 0..24),
    ) {
        let election = election();
        match parse_ballot_form(&election, &fields) {
            Ok(ballot) => {
                // Accepted means valid for the election: the domain agrees.
                prop_assert!(election.validate_ballot(ballot).is_ok());
            }
            Err(errors) => prop_assert!(!errors.is_empty(), "refused without a problem"),
        }
    }

    /// Whatever is posted, the election form reads it and gives a definition or field errors.
    #[test]
    fn any_election_form_fields_give_a_definition_or_field_errors(
        fields in proptest::collection::vec(
            (election_field_name(), election_field_value()), 0..32),
    ) {
        let (form, _action) = ElectionForm::from_fields(fields);
        prop_assert!(form.questions.len() <= 64, "{} questions", form.questions.len());
        let id = ElectionId::parse("0123456789ABCDEFGHJKMNPQR0").expect("an id");
        match ENGLISH.with(|tr| form.to_spec(id, tr)) {
            Ok(spec) => {
                let _ = Election::try_from(spec);
            }
            Err(errors) => prop_assert!(!errors.is_empty(), "refused without a field error"),
        }
    }

    /// Any text as `urna.toml`: a configuration or an error, never a panic.
    #[test]
    fn any_text_as_the_configuration_file_gives_a_config_or_an_error(
        text in prop_oneof![
            any::<String>(),
            "(listen|max_body_bytes|header_timeout_seconds|request_timeout_seconds|languages|\
              default_language|rate_limit\\.burst|public_url|database|smtp\\.port) = \
              (\"[a-z0-9.:/@]{0,20}\"|-?[0-9]{1,25}|\\[\"(en|ar|zh|xx)\"\\]|true|\\{\\})",
        ],
    ) {
        let figment = figment::Figment::from(figment::providers::Serialized::defaults(
            urna_web::config::ConfigSources::default(),
        ))
        .merge(figment::providers::Toml::string(&text));
        let _ = Config::from_figment(figment);
    }

    /// Headers and cookies as any client sends them.
    #[test]
    fn request_header_parsers_never_panic(text in any::<String>()) {
        let _ = parse_accept_language(&text);
        let _ = LanguageTag::parse(&text);
        let _ = urna_web::auth::session::SessionId::parse(&text);
        let _ = urna_web::auth::voting_link::VotingLinkToken::parse(&text);
        let _ = urna_web::auth::totp::TotpCode::parse(&text);
    }
}

/// A bad value in the configuration file names its key.
#[test]
fn a_bad_configuration_value_names_its_key() {
    for (text, key) in [
        ("header_timeout_seconds = 0", "header_timeout_seconds"),
        ("max_body_bytes = -1", "max_body_bytes"),
        ("listen = \"localhost\"", "listen"),
    ] {
        let figment = figment::Figment::from(figment::providers::Toml::string(text));
        let error = Config::from_figment(figment).expect_err(text).to_string();
        assert!(error.contains(key), "{text}: {error}");
    }
}
