//! Exporting an Urna election as a SecurePoll-style XML dump: the inverse of
//! [`crate::securepoll::import`], in the shape `Special:SecurePoll/dump` writes and the
//! importer reads (`<SecurePoll><election><configuration>` with `<title>`, `<ballot>`,
//! `<tally>`, `<primaryLang>`, dates, `<message>`s per language, `<question>`s and
//! `<option>`s with their `<id>`s and properties).
//!
//! **Round trip.** For every election the mapping can express, importing the export gives
//! back the same definition (apart from the new election id and the `draft` state an import
//! always starts in): the test below checks it on every sample dump and on elections built
//! here. **Nothing is dropped silently**: whatever SecurePoll has no place for (a second
//! ballot type in one election, a counting method SecurePoll lacks, descriptions, withdrawn
//! candidates, weights, a non-UTC time zone...) is named in a [`ExportWarning`].
//!
//! No votes are written: Urna's ballots are sealed, and once counted their anonymised form is
//! published as BLT (`urna export blt`), which any STV tool reads.

use std::fmt::Write as _;

use thiserror::Error;
use urna_tally::Method;

use crate::election::Election;
use crate::question::{BallotType, Question};
use crate::text::Texts;

/// The longest internal title the importer turns into a slug unshortened.
const SLUG_STEM_MAX: usize = 48;

/// Something of the election that the dump does not carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportWarning(pub String);

impl std::fmt::Display for ExportWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why an election cannot be exported at all.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ExportError {
    #[error(
        "question {question}: its {ballot} ballot has no SecurePoll equivalent (SecurePoll's are approval, choose, preferential, radio-range and stv)"
    )]
    NoSecurePollBallot { question: String, ballot: String },
}

/// The dump and what it leaves out.
#[derive(Debug, Clone)]
pub struct Exported {
    pub xml: String,
    pub warnings: Vec<ExportWarning>,
}

/// SecurePoll's ballot and tally for a question, and the method the importer gives back.
fn securepoll_ballot(question: &Question) -> Option<(&'static str, &'static str, Method)> {
    Some(match question.ballot_type {
        BallotType::ChooseOne => ("choose", "plurality", Method::Plurality),
        BallotType::Approval { .. } => ("approval", "plurality", Method::Approval),
        BallotType::Score { .. } => ("radio-range", "plurality", Method::Score),
        BallotType::Ranked {
            allow_equal: true, ..
        } => ("preferential", "schulze", Method::Schulze),
        BallotType::Ranked {
            allow_equal: false, ..
        } => ("stv", "droop-quota", Method::Meek),
    })
}

/// Writes `election` as a SecurePoll dump. SecurePoll has one ballot type per election, so
/// the first question's decides; later questions of another type are refused by name.
pub fn export(election: &Election) -> Result<Exported, ExportError> {
    let mut warnings = Vec::new();
    let mut warn = |message: String| warnings.push(ExportWarning(message));
    let questions = election.questions();
    let Some((ballot, tally, _)) = questions.first().and_then(|q| securepoll_ballot(q)) else {
        return Err(ExportError::NoSecurePollBallot {
            question: String::from("(none)"),
            ballot: String::from("missing"),
        });
    };
    for q in questions {
        match securepoll_ballot(q) {
            Some((b, _, method)) if b == ballot => {
                if q.method != method {
                    warn(format!(
                        "question {}: SecurePoll counts a {ballot} ballot with its {tally} tally, which Urna imports as {}; the {} method is not carried",
                        q.id,
                        method.name(),
                        q.method.name()
                    ));
                }
            }
            _ => {
                return Err(ExportError::NoSecurePollBallot {
                    question: q.id.to_string(),
                    ballot: format!(
                        "{} (the election's first question has a {ballot} ballot; SecurePoll has one ballot type per election)",
                        q.ballot_type.describe()
                    ),
                });
            }
        }
    }

    let title = election.title();
    let primary = title.default_lang();
    let mut xml = String::from("<SecurePoll>\n<election>\n<configuration>\n");
    // The importer makes the slug from <title> (lower-cased, other characters to '-', at
    // most 48 characters) followed by `-<id>` when SecurePoll's id is numeric: a slug ending
    // in a number is written back as that title and id.
    let slug = election.slug().as_str();
    let (internal_title, securepoll_id) = match slug.rsplit_once('-') {
        Some((stem, id))
            if !stem.is_empty()
                && (1..=12).contains(&id.len())
                && id.bytes().all(|b| b.is_ascii_digit()) =>
        {
            (stem, Some(id))
        }
        _ => (slug, None),
    };
    if internal_title.len() > SLUG_STEM_MAX {
        warn(format!(
            "the slug {slug} is longer than the {SLUG_STEM_MAX} characters an import keeps; it comes back shortened"
        ));
    }
    element(&mut xml, "title", internal_title);
    element(&mut xml, "ballot", ballot);
    element(&mut xml, "tally", tally);
    element(&mut xml, "primaryLang", primary.as_str());
    match election.window() {
        Some(window) => {
            element(&mut xml, "startDate", &window.opens().to_string());
            element(&mut xml, "endDate", &window.closes().to_string());
            if window.zone().name() != "UTC" {
                warn(format!(
                    "the election's time zone {} is not carried: SecurePoll dates are UTC (the instants are kept)",
                    window.zone().name()
                ));
            }
        }
        None => warn("the election has no voting window: the dump has no dates".to_owned()),
    }
    if let Some(id) = securepoll_id {
        element(&mut xml, "id", id);
    }
    messages(&mut xml, "title", title);
    element(&mut xml, "auth", "local");
    if !election.allow_revote() {
        warn("voters may not change their ballot in this election; SecurePoll always lets them vote again".to_owned());
    }
    if election.allow_weights() {
        warn("weighted voters are not carried: SecurePoll gives every voter one vote".to_owned());
    }
    for q in questions {
        question(&mut xml, q, ballot, &mut warn);
    }
    xml.push_str("</configuration>\n</election>\n</SecurePoll>\n");
    let carried: Vec<&str> = {
        let mut langs: Vec<&str> = vec![primary.as_str()];
        for text in texts_of(election) {
            for lang in text.languages() {
                if !langs.contains(&lang.as_str()) {
                    langs.push(lang.as_str());
                }
            }
        }
        langs
    };
    for lang in election.languages() {
        if !carried.contains(&lang.as_str()) {
            warn(format!(
                "language {lang} has no text in the election; a dump lists languages only through its messages"
            ));
        }
    }
    Ok(Exported { xml, warnings })
}

/// Every translatable text of the election, in the order the dump writes them.
fn texts_of(election: &Election) -> Vec<&Texts> {
    let mut out = vec![election.title()];
    for q in election.questions() {
        out.push(&q.title);
        out.extend(q.options.iter().map(|o| &o.name));
    }
    out
}

fn question(xml: &mut String, q: &Question, ballot: &str, warn: &mut impl FnMut(String)) {
    xml.push_str("<question>\n");
    element(xml, "id", q.id.as_str());
    messages(xml, "text", &q.title);
    if q.description.is_some() {
        warn(format!(
            "question {}: its description is not carried; a SecurePoll question has only its text",
            q.id
        ));
    }
    match q.ballot_type {
        BallotType::Score { min, max } => {
            property(xml, "min-score", &min.to_string());
            property(xml, "max-score", &max.to_string());
        }
        BallotType::Ranked {
            max_ranks,
            allow_equal: false,
        } => {
            property(xml, "min-seats", &q.seats.to_string());
            // The importer limits ranks to the seats with limit-seats; other limits are lost.
            let limit = q.seats.min(q.options.len()).max(1);
            match max_ranks {
                Some(m) if m == limit => property(xml, "limit-seats", "1"),
                Some(m) => warn(format!(
                    "question {}: ranking at most {m} candidates is not carried; SecurePoll can only limit ranks to the seats ({limit})",
                    q.id
                )),
                None => {}
            }
        }
        BallotType::Ranked {
            max_ranks: Some(m),
            allow_equal: true,
        } => warn(format!(
            "question {}: ranking at most {m} candidates is not carried by a {ballot} ballot",
            q.id
        )),
        BallotType::Approval { min, max } if min != 0 || max < q.options.len() => {
            warn(format!(
                "question {}: approving from {min} to {max} options is not carried; SecurePoll's approval ballot has no limits",
                q.id
            ));
        }
        _ => {}
    }
    if q.seats != 1
        && !matches!(
            q.ballot_type,
            BallotType::Ranked {
                allow_equal: false,
                ..
            }
        )
    {
        warn(format!(
            "question {}: {} seats are not carried; only SecurePoll's stv ballot has seats",
            q.id, q.seats
        ));
    }
    if q.shuffle_options {
        property(xml, "shuffle-options", "1");
    }
    if q.min_share.is_some() {
        warn(format!(
            "question {}: the minimum share is not carried",
            q.id
        ));
    }
    if q.tie_seed.is_some() {
        warn(format!(
            "question {}: the tie-break seed is not carried",
            q.id
        ));
    }
    for option in &q.options {
        xml.push_str("<option>\n");
        element(xml, "id", option.id.as_str());
        messages(xml, "text", &option.name);
        if option.withdrawn {
            warn(format!(
                "question {}, option {}: its withdrawal is not carried; SecurePoll has no withdrawn options",
                q.id, option.id
            ));
        }
        xml.push_str("</option>\n");
    }
    xml.push_str("</question>\n");
}

/// `<message name="…" lang="…">` per language, the default language first.
fn messages(xml: &mut String, name: &str, texts: &Texts) {
    let default = texts.default_lang();
    let ordered = std::iter::once((default, texts.default_text()))
        .chain(texts.iter().filter(|(lang, _)| *lang != default));
    for (lang, text) in ordered {
        let _ = writeln!(
            xml,
            "<message name=\"{}\" lang=\"{}\">{}</message>",
            escape(name),
            escape(lang.as_str()),
            escape(text)
        );
    }
}

fn property(xml: &mut String, name: &str, value: &str) {
    let _ = writeln!(
        xml,
        "<property name=\"{}\">{}</property>",
        escape(name),
        escape(value)
    );
}

fn element(xml: &mut String, name: &str, text: &str) {
    let _ = writeln!(xml, "<{name}>{}</{name}>", escape(text));
}

/// XML character data and attribute values: the five predefined entities (XML 1.0 §2.4).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::election::{ElectionId, ElectionSpec};
    use crate::lifecycle::State;
    use crate::securepoll::{import, parse_dump};

    fn reimport(xml: &str, id: ElectionId) -> Election {
        let dumps = parse_dump(xml).expect("the export parses");
        assert_eq!(dumps.len(), 1);
        import(&dumps[0], id).expect("the export imports").election
    }

    /// The definition without what an import always sets anew: its state (draft).
    fn comparable(election: &Election) -> ElectionSpec {
        let mut spec = election.to_spec();
        spec.state = State::Draft;
        spec
    }

    #[test]
    fn every_sample_dump_survives_export_and_import() {
        let dir = std::path::Path::new("/work/shared/data/securepoll-dumps");
        let Ok(entries) = std::fs::read_dir(dir) else {
            eprintln!("skipped: {} is not available", dir.display());
            return;
        };
        let mut checked = 0;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("xml") {
                continue;
            }
            let xml = std::fs::read_to_string(&path).expect("readable");
            for dump in parse_dump(&xml).expect("sample parses") {
                let id = ElectionId::generate().expect("id");
                let Ok(first) = import(&dump, id.clone()) else {
                    continue;
                };
                let exported =
                    export(&first.election).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                let second = reimport(&exported.xml, id);
                assert_eq!(
                    comparable(&second),
                    comparable(&first.election),
                    "{}: export then import changed the election\n{}",
                    path.display(),
                    exported.xml
                );
                checked += 1;
            }
        }
        assert!(checked >= 7, "only {checked} sample elections checked");
    }

    #[test]
    fn texts_with_markup_characters_and_many_languages_round_trip() {
        let json = r#"{
          "id": "01HZX3Q4M5N6P7R8S9T0V1W2X0", "slug": "board-2026",
          "title": {"default": "en", "texts": {"en": "Board <2026> & \"friends\"", "de": "Vorstand", "zh-Hant": "理事會", "ar": "مجلس"}},
          "questions": [{
            "id": "seats", "title": {"default": "en", "texts": {"en": "Who?", "fr": "Qui ?"}},
            "description": null,
            "ballot_type": {"type": "ranked", "max_ranks": 2, "allow_equal": false},
            "method": "meek", "seats": 2,
            "options": [
              {"id": "ann", "name": {"default": "en", "texts": {"en": "Ann O'Neil"}}},
              {"id": "bob", "name": {"default": "en", "texts": {"en": "Bob", "ru": "Боб"}}},
              {"id": "cy", "name": {"default": "en", "texts": {"en": "Cy"}}}
            ],
            "shuffle_options": true
          }],
          "window": null, "state": "draft", "allow_revote": true, "allow_weights": false,
          "languages": ["en", "ar", "de", "fr", "ru", "zh-Hant"]
        }"#;
        let spec: ElectionSpec = match serde_json::from_str(json) {
            Ok(spec) => spec,
            Err(e) => panic!("test definition: {e}"),
        };
        let election = Election::try_from(spec).expect("valid");
        let exported = export(&election).expect("exports");
        // Markup is escaped (XML 1.0 §2.4), so the text comes back unchanged.
        assert!(
            exported
                .xml
                .contains("Board &lt;2026&gt; &amp; &quot;friends&quot;")
        );
        assert!(
            exported
                .xml
                .contains("<property name=\"limit-seats\">1</property>")
        );
        let back = reimport(&exported.xml, election.id().clone());
        assert_eq!(comparable(&back), comparable(&election));
        // Only the missing window is reported: everything else maps.
        assert_eq!(exported.warnings.len(), 1, "{:?}", exported.warnings);
    }

    #[test]
    fn what_securepoll_cannot_hold_is_named() {
        let json = r#"{
          "id": "01HZX3Q4M5N6P7R8S9T0V1W2Y0", "slug": "mixed",
          "title": {"default": "en", "texts": {"en": "Mixed"}},
          "questions": [
            {"id": "one", "title": {"default": "en", "texts": {"en": "One"}}, "description": null,
             "ballot_type": {"type": "choose_one"}, "method": "plurality", "seats": 1,
             "options": [{"id": "a", "name": {"default": "en", "texts": {"en": "A"}}},
                         {"id": "b", "name": {"default": "en", "texts": {"en": "B"}}}]},
            {"id": "two", "title": {"default": "en", "texts": {"en": "Two"}}, "description": null,
             "ballot_type": {"type": "approval", "min": 0, "max": 2}, "method": "approval", "seats": 1,
             "options": [{"id": "a", "name": {"default": "en", "texts": {"en": "A"}}},
                         {"id": "b", "name": {"default": "en", "texts": {"en": "B"}}}]}
          ],
          "window": null, "state": "draft", "allow_revote": false, "allow_weights": false,
          "languages": ["en"]
        }"#;
        let spec: ElectionSpec = match serde_json::from_str(json) {
            Ok(spec) => spec,
            Err(e) => panic!("test definition: {e}"),
        };
        let election = Election::try_from(spec).expect("valid");
        let err = export(&election).expect_err("two ballot types");
        assert!(err.to_string().contains("question two"), "{err}");
        assert!(
            err.to_string().contains("one ballot type per election"),
            "{err}"
        );
    }
}
