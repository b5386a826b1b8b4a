//! Per-election translations in the JSON format translatewiki.net and MediaWiki use: one file
//! per language (`de.json`), a `@metadata` object, then one string per message key:
//!
//! ```json
//! {"@metadata": {"authors": [], "urna-election": "board-2026", "language": "de"},
//!  "urna-election-board-2026-title": "Vorstandswahl 2026",
//!  "urna-election-board-2026-q1-text": "Wer soll in den Vorstand?",
//!  "urna-election-board-2026-q1-description": "…",
//!  "urna-election-board-2026-q1-option-ann": "Ann"}
//! ```
//!
//! [`export`] writes a file for every language of the election (a language without a version
//! of a text simply lacks its key, as translatewiki leaves untranslated messages out).
//! [`import`] checks every file before it changes anything: a key the election does not have,
//! a placeholder (`$1`, `{{…}}`, `{ $name }`) that the default text lacks or that goes
//! missing, a malformed file or language code: each is reported with its file and key, and
//! then nothing is applied.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};
use thiserror::Error;

use crate::election::{ElectionSpec, Slug};
use crate::text::{Lang, Texts};

/// One problem in one file of an import.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TranslationError {
    #[error("{file}: not a JSON object of message strings: {message}")]
    Malformed { file: String, message: String },
    #[error("{file}: the language cannot be told: {message}")]
    Language { file: String, message: String },
    #[error("{file}: {key}: the election has no such message")]
    UnknownKey { file: String, key: String },
    #[error("{file}: {key}: the value is not a string")]
    NotAString { file: String, key: String },
    #[error(
        "{file}: {key}: placeholders differ from the {default} text (missing: {missing}; unknown: {unknown})"
    )]
    Placeholders {
        file: String,
        key: String,
        default: Lang,
        missing: String,
        unknown: String,
    },
    #[error("{file}: the metadata names election {named:?}, not {slug:?}")]
    WrongElection {
        file: String,
        named: String,
        slug: String,
    },
}

/// What an import changed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportSummary {
    /// Messages set, per language.
    pub set: BTreeMap<Lang, usize>,
    /// Languages the election did not list before.
    pub new_languages: Vec<Lang>,
}

/// The message key of every translatable text of the election.
fn keyed_texts(spec: &mut ElectionSpec) -> Vec<(String, &mut Texts)> {
    let prefix = format!("urna-election-{}", spec.slug.as_str());
    let mut out: Vec<(String, &mut Texts)> = vec![(format!("{prefix}-title"), &mut spec.title)];
    for q in &mut spec.questions {
        let q_prefix = format!("{prefix}-{}", q.id.as_str());
        out.push((format!("{q_prefix}-text"), &mut q.title));
        if let Some(description) = q.description.as_mut() {
            out.push((format!("{q_prefix}-description"), description));
        }
        for option in &mut q.options {
            out.push((
                format!("{q_prefix}-option-{}", option.id.as_str()),
                &mut option.name,
            ));
        }
    }
    out
}

/// One file per language: the file name (`de.json`) and its contents.
pub fn export(spec: &ElectionSpec) -> Vec<(String, String)> {
    let mut spec = spec.clone();
    let slug = spec.slug.as_str().to_owned();
    let mut languages: BTreeSet<Lang> = spec.languages.iter().cloned().collect();
    let keyed = keyed_texts(&mut spec);
    for (_, texts) in &keyed {
        languages.extend(texts.languages().cloned());
    }
    languages
        .into_iter()
        .map(|lang| {
            let mut object = Map::new();
            object.insert(
                "@metadata".to_owned(),
                serde_json::json!({"authors": [], "urna-election": slug, "language": lang.as_str()}),
            );
            for (key, texts) in &keyed {
                if let Some(text) = texts.exact(&lang) {
                    object.insert(key.clone(), Value::String(text.to_owned()));
                }
            }
            let json = serde_json::to_string_pretty(&Value::Object(object))
                .unwrap_or_else(|_| String::from("{}"));
            (format!("{}.json", file_code(&lang)), json + "\n")
        })
        .collect()
}

/// translatewiki.net names files with MediaWiki's lower-case codes (`zh-hant.json`).
fn file_code(lang: &Lang) -> String {
    lang.as_str().to_ascii_lowercase()
}

/// The language of a file: its `@metadata.language`, else its name (`pt-br.json`).
fn file_language(file: &str, metadata: Option<&Value>) -> Result<Lang, TranslationError> {
    let named = metadata
        .and_then(|m| m.get("language"))
        .and_then(Value::as_str)
        .map(str::to_owned)
        .or_else(|| {
            std::path::Path::new(file)
                .file_stem()
                .and_then(|s| s.to_str())
                .map(str::to_owned)
        })
        .unwrap_or_default();
    Lang::parse(&named).map_err(|e| TranslationError::Language {
        file: file.to_owned(),
        message: e.to_string(),
    })
}

/// Placeholders a translation must keep: MediaWiki's `$1`, parser functions `{{…}}` and
/// Fluent-style `{ $name }`.
fn placeholders(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'$' {
            let end = (i + 1..bytes.len())
                .find(|&j| !bytes[j].is_ascii_digit())
                .unwrap_or(bytes.len());
            if end > i + 1 {
                out.insert(text[i..end].to_owned());
            }
            i = end.max(i + 1);
        } else if text[i..].starts_with("{{") {
            // The parser function's name only: {{PLURAL:$1|…}} and {{GENDER:…}} translate
            // their arguments.
            let rest = &text[i + 2..];
            let name_end = rest.find([':', '|', '}']).unwrap_or(rest.len());
            out.insert(format!("{{{{{}}}}}", rest[..name_end].trim()));
            i += 2;
        } else if bytes[i] == b'{' {
            let rest = &text[i + 1..];
            if let Some(close) = rest.find('}') {
                let inner = rest[..close].trim();
                if let Some(name) = inner.strip_prefix('$') {
                    out.insert(format!("{{ ${name} }}"));
                }
            }
            i += 1;
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// Applies translation files (name, contents) to the election. Every file is checked first;
/// on any error the election is left unchanged and every problem is returned.
pub fn import(
    spec: &mut ElectionSpec,
    files: &[(String, String)],
) -> Result<ImportSummary, Vec<TranslationError>> {
    let slug: Slug = spec.slug.clone();
    let mut errors = Vec::new();
    let mut accepted: Vec<(Lang, String, String)> = Vec::new();
    {
        let mut probe = spec.clone();
        let keyed = keyed_texts(&mut probe);
        let known: BTreeMap<&str, &Texts> = keyed.iter().map(|(k, t)| (k.as_str(), &**t)).collect();
        for (file, contents) in files {
            let object = match serde_json::from_str::<Value>(contents) {
                Ok(Value::Object(object)) => object,
                Ok(_) => {
                    errors.push(TranslationError::Malformed {
                        file: file.clone(),
                        message: "the top level is not an object".to_owned(),
                    });
                    continue;
                }
                Err(e) => {
                    errors.push(TranslationError::Malformed {
                        file: file.clone(),
                        message: e.to_string(),
                    });
                    continue;
                }
            };
            let metadata = object.get("@metadata");
            if let Some(named) = metadata
                .and_then(|m| m.get("urna-election"))
                .and_then(Value::as_str)
                && named != slug.as_str()
            {
                errors.push(TranslationError::WrongElection {
                    file: file.clone(),
                    named: named.to_owned(),
                    slug: slug.as_str().to_owned(),
                });
                continue;
            }
            let lang = match file_language(file, metadata) {
                Ok(lang) => lang,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            for (key, value) in object.iter().filter(|(k, _)| k.as_str() != "@metadata") {
                let Some(texts) = known.get(key.as_str()) else {
                    errors.push(TranslationError::UnknownKey {
                        file: file.clone(),
                        key: key.clone(),
                    });
                    continue;
                };
                let Some(text) = value.as_str() else {
                    errors.push(TranslationError::NotAString {
                        file: file.clone(),
                        key: key.clone(),
                    });
                    continue;
                };
                let wanted = placeholders(texts.default_text());
                let found = placeholders(text);
                if wanted != found {
                    errors.push(TranslationError::Placeholders {
                        file: file.clone(),
                        key: key.clone(),
                        default: texts.default_lang().clone(),
                        missing: list(wanted.difference(&found)),
                        unknown: list(found.difference(&wanted)),
                    });
                    continue;
                }
                accepted.push((lang.clone(), key.clone(), text.to_owned()));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut summary = ImportSummary::default();
    let mut keyed = keyed_texts(spec);
    for (lang, key, text) in accepted {
        // An empty string is translatewiki's "not translated": leave the text alone.
        if text.trim().is_empty() {
            continue;
        }
        if let Some((_, texts)) = keyed.iter_mut().find(|(k, _)| *k == key) {
            texts.set(lang.clone(), text);
            *summary.set.entry(lang).or_default() += 1;
        }
    }
    drop(keyed);
    for lang in summary.set.keys() {
        if !spec.languages.contains(lang) {
            spec.languages.push(lang.clone());
            summary.new_languages.push(lang.clone());
        }
    }
    Ok(summary)
}

fn list<'a>(items: impl Iterator<Item = &'a String>) -> String {
    let items: Vec<&str> = items.map(String::as_str).collect();
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn election() -> ElectionSpec {
        let json = r#"{
          "id": "01HZX3Q4M5N6P7R8S9T0V1W2X0", "slug": "board-2026",
          "title": {"default": "en", "texts": {"en": "Board election 2026", "de": "Vorstandswahl 2026"}},
          "questions": [{
            "id": "q1", "title": {"default": "en", "texts": {"en": "Who should sit on the board? Pick $1."}},
            "description": {"default": "en", "texts": {"en": "{{PLURAL:$1|One seat|$1 seats}} are open."}},
            "ballot_type": {"type": "choose_one"}, "method": "plurality", "seats": 1,
            "options": [
              {"id": "ann", "name": {"default": "en", "texts": {"en": "Ann"}}},
              {"id": "bob", "name": {"default": "en", "texts": {"en": "Bob"}}}
            ]
          }],
          "window": null, "state": "draft", "allow_revote": true, "allow_weights": false,
          "languages": ["en", "de"]
        }"#;
        match serde_json::from_str(json) {
            Ok(spec) => spec,
            Err(e) => panic!("test definition: {e}"),
        }
    }

    #[test]
    fn export_writes_one_translatewiki_file_per_language() {
        let files = export(&election());
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["de.json", "en.json"]);
        let de: Value = serde_json::from_str(&files[0].1).expect("json");
        assert_eq!(de["@metadata"]["urna-election"], "board-2026");
        assert_eq!(de["urna-election-board-2026-title"], "Vorstandswahl 2026");
        // Untranslated messages are absent, as in translatewiki exports.
        assert!(de.get("urna-election-board-2026-q1-text").is_none());
        let en: Value = serde_json::from_str(&files[1].1).expect("json");
        assert_eq!(en["urna-election-board-2026-q1-option-ann"], "Ann");
        assert_eq!(
            en["urna-election-board-2026-q1-description"],
            "{{PLURAL:$1|One seat|$1 seats}} are open."
        );
    }

    #[test]
    fn export_then_import_gives_the_same_texts() {
        let original = election();
        let mut copy = original.clone();
        // Wipe German, then bring it back from the export.
        copy.title = Texts::new(Lang::parse("en").expect("en"), "Board election 2026");
        let files = export(&original);
        let summary = import(&mut copy, &files).expect("imports");
        assert_eq!(copy, original);
        assert_eq!(summary.new_languages, Vec::<Lang>::new());
    }

    #[test]
    fn a_new_language_is_added_through_its_file_name() {
        let mut spec = election();
        let files = vec![(
            "zh-hant.json".to_owned(),
            r#"{"@metadata": {"authors": ["Translator"]},
                "urna-election-board-2026-title": "2026 年理事會選舉",
                "urna-election-board-2026-q1-text": "誰應加入理事會？請選 $1 位。",
                "urna-election-board-2026-q1-option-bob": ""}"#
                .to_owned(),
        )];
        let summary = import(&mut spec, &files).expect("imports");
        let hant = Lang::parse("zh-Hant").expect("tag");
        assert_eq!(
            summary.set.get(&hant),
            Some(&2),
            "the empty string sets nothing"
        );
        assert_eq!(summary.new_languages, vec![hant.clone()]);
        assert_eq!(spec.title.exact(&hant), Some("2026 年理事會選舉"));
        // A zh-HK reader now gets the Traditional title through the chain.
        assert_eq!(
            spec.title.get(&[Lang::parse("zh-HK").expect("tag")]),
            "2026 年理事會選舉"
        );
    }

    #[test]
    fn errors_name_file_and_key_and_change_nothing() {
        let mut spec = election();
        let before = spec.clone();
        let files = vec![
            (
                "fr.json".to_owned(),
                r#"{"@metadata": {},
                    "urna-election-board-2026-title": "Élection du conseil 2026",
                    "urna-election-board-2026-q1-text": "Qui doit siéger ? Choisissez.",
                    "urna-election-board-2026-q9-text": "?"}"#
                    .to_owned(),
            ),
            (
                "es.json".to_owned(),
                r#"{"urna-election-board-2026-q1-description": "{{PLURAL:$1|Un puesto|$1 puestos}} { $extra }"}"#
                    .to_owned(),
            ),
            ("it.json".to_owned(), "[1, 2]".to_owned()),
            (
                "xx yy.json".to_owned(),
                r#"{"urna-election-board-2026-title": "?"}"#.to_owned(),
            ),
            (
                "nl.json".to_owned(),
                r#"{"@metadata": {"urna-election": "other"}}"#.to_owned(),
            ),
        ];
        let errors = import(&mut spec, &files).expect_err("refused");
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "fr.json: urna-election-board-2026-q1-text: placeholders differ from the en text (missing: $1; unknown: none)",
                "fr.json: urna-election-board-2026-q9-text: the election has no such message",
                "es.json: urna-election-board-2026-q1-description: placeholders differ from the en text (missing: none; unknown: { $extra })",
                "it.json: not a JSON object of message strings: the top level is not an object",
                "xx yy.json: the language cannot be told: \"xx yy\" is not a language tag (expected e.g. \"en\", \"pt-BR\", \"zh-Hans\": 2–3 letters, then parts of 1–8 letters or digits separated by '-')",
                "nl.json: the metadata names election \"other\", not \"board-2026\"",
            ]
        );
        // The valid French title was not applied either.
        assert_eq!(spec, before);
    }

    #[test]
    fn placeholders_are_found() {
        let found = placeholders("{{PLURAL:$1|a|b}} and $2, { $name } but not $ or {x}");
        let expected: BTreeSet<String> = ["$1", "$2", "{{PLURAL}}", "{ $name }"]
            .map(String::from)
            .into_iter()
            .collect();
        assert_eq!(found, expected);
    }
}
