//! Translations: Fluent files shipped in `locales/<lang>/*.ftl`, our own loader, and language
//! negotiation for each request.
//!
//! Every user-facing text goes through a [`Translator`]. The language of a request comes from,
//! in order: the `?lang=` query parameter (the switcher's links), the `lang` cookie (set when
//! `?lang=` was used), the `Accept-Language` header (q-values honoured), then the configured
//! default; a wanted language that is not shipped is served by the first shipped one on its
//! MediaWiki-style fallback chain (`zh-HK` by `zh-Hant`, `pt-BR` by `pt`). A message missing in
//! a language falls back per message along the same chain, then to the default language, then
//! to English, so a partial translation never shows a blank.
//!
//! Plural variants are chosen with ICU's CLDR rules ([`plural`]), not Fluent's own data.
//!
//! The loader is our own rather than a `static_loader!` so that translations edited by election
//! admins (stored in the database) can later be added to the same bundles at run time.

use std::fmt;
use std::sync::Arc;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::Deserialize;
use unic_langid::LanguageIdentifier;

use crate::app::AppState;
use crate::error::AppError;

pub mod plural;
pub mod status;

/// Languages whose translations ship with Urna (directories under `locales/`): the first
/// three complete in every file, the others complete in every voter-facing file
/// ([`VOTER_FACING_FILES`]) and partial in staff files, where messages fall back along the
/// language's chain to English.
pub const SHIPPED_LANGUAGES: &[&str] = &[
    "en", "ar", "zh", // --- i18n: languages added for issue 6 ---
    "zh-Hant", "ja", "ko", "he", "fa", "ur", "de", "fr", "es", "it", "pt", "ru", "pl", "nl", "sv",
    "uk", "id", "vi", "tr", "hi", "bn", "cs", "hu", "fi", "ca", "el", "ro",
    "th",
    // --- end i18n ---
];

/// Files a voter reads: complete in every shipped language (checked by a test). The others
/// (staff, admin, election form, mail) may be partial outside en, ar and zh.
pub const VOTER_FACING_FILES: &[&str] = &[
    "common.ftl",
    "voter.ftl",
    "ballot.ftl",
    "vote_verifiable.ftl",
    "election.ftl",
    "results.ftl",
    "board.ftl",
    "errors.ftl",
    "faults.ftl",
];

/// The Fluent files of a language added after the first three, embedded from
/// `locales/<dir>/`. Every such directory holds these files; staff ones may hold only some
/// messages (or none).
macro_rules! language_files {
    ($dir:literal) => {
        (
            $dir,
            &[
                (
                    "common.ftl",
                    include_str!(concat!("../locales/", $dir, "/common.ftl")),
                ),
                (
                    "voter.ftl",
                    include_str!(concat!("../locales/", $dir, "/voter.ftl")),
                ),
                (
                    "errors.ftl",
                    include_str!(concat!("../locales/", $dir, "/errors.ftl")),
                ),
                (
                    "ballot.ftl",
                    include_str!(concat!("../locales/", $dir, "/ballot.ftl")),
                ),
                (
                    "staff.ftl",
                    include_str!(concat!("../locales/", $dir, "/staff.ftl")),
                ),
                (
                    "admin.ftl",
                    include_str!(concat!("../locales/", $dir, "/admin.ftl")),
                ),
                (
                    "election.ftl",
                    include_str!(concat!("../locales/", $dir, "/election.ftl")),
                ),
                (
                    "results.ftl",
                    include_str!(concat!("../locales/", $dir, "/results.ftl")),
                ),
                (
                    "mail.ftl",
                    include_str!(concat!("../locales/", $dir, "/mail.ftl")),
                ),
                (
                    "board.ftl",
                    include_str!(concat!("../locales/", $dir, "/board.ftl")),
                ),
                (
                    "election_form.ftl",
                    include_str!(concat!("../locales/", $dir, "/election_form.ftl")),
                ),
                (
                    "vote_verifiable.ftl",
                    include_str!(concat!("../locales/", $dir, "/vote_verifiable.ftl")),
                ),
                (
                    "faults.ftl",
                    include_str!(concat!("../locales/", $dir, "/faults.ftl")),
                ),
            ],
        )
    };
}

/// The Fluent files of each shipped language, embedded so the binary is self-contained.
const EMBEDDED: &[(&str, &[(&str, &str)])] = &[
    (
        "en",
        &[
            ("common.ftl", include_str!("../locales/en/common.ftl")),
            ("voter.ftl", include_str!("../locales/en/voter.ftl")),
            ("errors.ftl", include_str!("../locales/en/errors.ftl")),
            // ballot UI
            ("ballot.ftl", include_str!("../locales/en/ballot.ftl")),
            ("staff.ftl", include_str!("../locales/en/staff.ftl")),
            // admin pages
            ("admin.ftl", include_str!("../locales/en/admin.ftl")),
            // voter routes
            ("election.ftl", include_str!("../locales/en/election.ftl")),
            ("results.ftl", include_str!("../locales/en/results.ftl")),
            // e-mail to voters
            ("mail.ftl", include_str!("../locales/en/mail.ftl")),
            // reminders and turnout (notify branch)
            ("notify.ftl", include_str!("../locales/en/notify.ftl")),
            // the public board (server-board branch)
            ("board.ftl", include_str!("../locales/en/board.ftl")),
            // election form
            (
                "election_form.ftl",
                include_str!("../locales/en/election_form.ftl"),
            ),
            // verifiable ballots (server-vote branch)
            (
                "vote_verifiable.ftl",
                include_str!("../locales/en/vote_verifiable.ftl"),
            ),
            // --- faults: the database cannot be reached ---
            ("faults.ftl", include_str!("../locales/en/faults.ftl")),
            // --- end faults ---
            // --- mixnet elections (mixserver branch) ---
            ("mixnet.ftl", include_str!("../locales/en/mixnet.ftl")),
            // --- end mixnet ---
            // --- safe changes while voting runs (live branch) ---
            ("live.ftl", include_str!("../locales/en/live.ftl")),
            // --- end safe changes ---
            // --- scrutiny (scrutiny branch) ---
            ("scrutiny.ftl", include_str!("../locales/en/scrutiny.ftl")),
            // --- end scrutiny ---
            // --- rehearsal (issue 7) ---
            ("rehearsal.ftl", include_str!("../locales/en/rehearsal.ftl")),
            // --- end rehearsal ---
            // --- voter sign-in through wikis and OpenID Connect (signin branch) ---
            ("signin.ftl", include_str!("../locales/en/signin.ftl")),
            // --- end voter sign-in ---
            // --- eligibility from wiki data (wikielig branch) ---
            (
                "eligibility.ftl",
                include_str!("../locales/en/eligibility.ftl"),
            ),
            // --- end eligibility from wiki data ---
        ],
    ),
    (
        "ar",
        &[
            ("common.ftl", include_str!("../locales/ar/common.ftl")),
            ("voter.ftl", include_str!("../locales/ar/voter.ftl")),
            ("errors.ftl", include_str!("../locales/ar/errors.ftl")),
            // ballot UI
            ("ballot.ftl", include_str!("../locales/ar/ballot.ftl")),
            ("staff.ftl", include_str!("../locales/ar/staff.ftl")),
            // admin pages
            ("admin.ftl", include_str!("../locales/ar/admin.ftl")),
            // voter routes
            ("election.ftl", include_str!("../locales/ar/election.ftl")),
            ("results.ftl", include_str!("../locales/ar/results.ftl")),
            // e-mail to voters
            ("mail.ftl", include_str!("../locales/ar/mail.ftl")),
            // reminders and turnout (notify branch)
            ("notify.ftl", include_str!("../locales/ar/notify.ftl")),
            // the public board (server-board branch)
            ("board.ftl", include_str!("../locales/ar/board.ftl")),
            // election form
            (
                "election_form.ftl",
                include_str!("../locales/ar/election_form.ftl"),
            ),
            // verifiable ballots (server-vote branch)
            (
                "vote_verifiable.ftl",
                include_str!("../locales/ar/vote_verifiable.ftl"),
            ),
            // --- faults: the database cannot be reached ---
            ("faults.ftl", include_str!("../locales/ar/faults.ftl")),
            // --- end faults ---
            // --- mixnet elections (mixserver branch) ---
            ("mixnet.ftl", include_str!("../locales/ar/mixnet.ftl")),
            // --- end mixnet ---
            // --- safe changes while voting runs (live branch) ---
            ("live.ftl", include_str!("../locales/ar/live.ftl")),
            // --- end safe changes ---
            // --- scrutiny (scrutiny branch) ---
            ("scrutiny.ftl", include_str!("../locales/ar/scrutiny.ftl")),
            // --- end scrutiny ---
            // --- rehearsal (issue 7) ---
            ("rehearsal.ftl", include_str!("../locales/ar/rehearsal.ftl")),
            // --- end rehearsal ---
            // --- voter sign-in through wikis and OpenID Connect (signin branch) ---
            ("signin.ftl", include_str!("../locales/ar/signin.ftl")),
            // --- end voter sign-in ---
            // --- eligibility from wiki data (wikielig branch) ---
            (
                "eligibility.ftl",
                include_str!("../locales/ar/eligibility.ftl"),
            ),
            // --- end eligibility from wiki data ---
        ],
    ),
    (
        "zh",
        &[
            ("common.ftl", include_str!("../locales/zh/common.ftl")),
            ("voter.ftl", include_str!("../locales/zh/voter.ftl")),
            ("errors.ftl", include_str!("../locales/zh/errors.ftl")),
            // ballot UI
            ("ballot.ftl", include_str!("../locales/zh/ballot.ftl")),
            ("staff.ftl", include_str!("../locales/zh/staff.ftl")),
            // admin pages
            ("admin.ftl", include_str!("../locales/zh/admin.ftl")),
            // voter routes
            ("election.ftl", include_str!("../locales/zh/election.ftl")),
            ("results.ftl", include_str!("../locales/zh/results.ftl")),
            // e-mail to voters
            ("mail.ftl", include_str!("../locales/zh/mail.ftl")),
            // reminders and turnout (notify branch)
            ("notify.ftl", include_str!("../locales/zh/notify.ftl")),
            // the public board (server-board branch)
            ("board.ftl", include_str!("../locales/zh/board.ftl")),
            // election form
            (
                "election_form.ftl",
                include_str!("../locales/zh/election_form.ftl"),
            ),
            // verifiable ballots (server-vote branch)
            (
                "vote_verifiable.ftl",
                include_str!("../locales/zh/vote_verifiable.ftl"),
            ),
            // --- faults: the database cannot be reached ---
            ("faults.ftl", include_str!("../locales/zh/faults.ftl")),
            // --- end faults ---
            // --- mixnet elections (mixserver branch) ---
            ("mixnet.ftl", include_str!("../locales/zh/mixnet.ftl")),
            // --- end mixnet ---
            // --- safe changes while voting runs (live branch) ---
            ("live.ftl", include_str!("../locales/zh/live.ftl")),
            // --- end safe changes ---
            // --- scrutiny (scrutiny branch) ---
            ("scrutiny.ftl", include_str!("../locales/zh/scrutiny.ftl")),
            // --- end scrutiny ---
            // --- rehearsal (issue 7) ---
            ("rehearsal.ftl", include_str!("../locales/zh/rehearsal.ftl")),
            // --- end rehearsal ---
            // --- voter sign-in through wikis and OpenID Connect (signin branch) ---
            ("signin.ftl", include_str!("../locales/zh/signin.ftl")),
            // --- end voter sign-in ---
            // --- eligibility from wiki data (wikielig branch) ---
            (
                "eligibility.ftl",
                include_str!("../locales/zh/eligibility.ftl"),
            ),
            // --- end eligibility from wiki data ---
        ],
    ),
    // --- i18n: languages added for issue 6 ---
    language_files!("zh-Hant"),
    language_files!("ja"),
    language_files!("ko"),
    language_files!("he"),
    language_files!("fa"),
    language_files!("ur"),
    language_files!("de"),
    language_files!("fr"),
    language_files!("es"),
    language_files!("it"),
    language_files!("pt"),
    language_files!("ru"),
    language_files!("pl"),
    language_files!("nl"),
    language_files!("sv"),
    language_files!("uk"),
    language_files!("id"),
    language_files!("vi"),
    language_files!("tr"),
    language_files!("hi"),
    language_files!("bn"),
    language_files!("cs"),
    language_files!("hu"),
    language_files!("fi"),
    language_files!("ca"),
    language_files!("el"),
    language_files!("ro"),
    language_files!("th"),
    // --- end i18n ---
];

/// Name of the cookie remembering the visitor's choice in the language switcher.
pub const LANG_COOKIE: &str = "lang";

/// Languages written right to left, by primary language subtag, used when the tag names no
/// script: Arabic and its varieties, Hebrew, Persian and Dari, Urdu, Pashto, Sindhi, Uyghur,
/// Yiddish, Dhivehi, Central Kurdish, Balochi, Kashmiri, Mazanderani, Gilaki, Luri, Southern
/// Azerbaijani, Aramaic, Syriac, N'Ko, Rohingya, Western Punjabi.
const RTL_LANGUAGES: &[&str] = &[
    "ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "bal", "ks", "mzn", "glk",
    "lrc", "luz", "azb", "arc", "syc", "nqo", "rhg", "prs", "pnb", "arz", "ary", "arq", "apc",
];
/// Scripts written right to left (ISO 15924), for tags such as `ku-Arab` or `ha-Arab`.
const RTL_SCRIPTS: &[&str] = &[
    "Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand", "Samr", "Mend",
];

/// A well-formed BCP 47 language tag, kept in canonical form (`zh-Hant-TW`).
#[derive(Clone, PartialEq, Eq, Hash, Deserialize)]
#[serde(try_from = "String")]
pub struct LanguageTag {
    id: LanguageIdentifier,
    text: String,
}

/// A language tag that is not well-formed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("invalid language tag \"{0}\": expected a BCP 47 tag such as en, ar or zh-Hant")]
pub struct LanguageTagError(String);

impl LanguageTag {
    pub fn parse(tag: &str) -> Result<Self, LanguageTagError> {
        let id: LanguageIdentifier = tag
            .trim()
            .parse()
            .map_err(|_| LanguageTagError(tag.to_owned()))?;
        if id.language.is_empty() {
            return Err(LanguageTagError(tag.to_owned()));
        }
        let text = id.to_string();
        Ok(LanguageTag { id, text })
    }

    pub fn english() -> Self {
        let mut id = LanguageIdentifier::default();
        // "en" is a valid primary subtag: parsing it cannot fail.
        if let Ok(english) = "en".parse() {
            id.language = english;
        }
        LanguageTag {
            text: id.to_string(),
            id,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The primary language subtag (`zh` for `zh-Hant-TW`).
    pub fn primary(&self) -> &str {
        self.id.language.as_str()
    }

    /// Text direction: right to left for Arabic, Hebrew, Persian, Urdu and other RTL scripts.
    pub fn direction(&self) -> Direction {
        let rtl = match self.id.script {
            Some(script) => RTL_SCRIPTS.contains(&script.as_str()),
            None => RTL_LANGUAGES.contains(&self.primary()),
        };
        if rtl { Direction::Rtl } else { Direction::Ltr }
    }
}

impl TryFrom<String> for LanguageTag {
    type Error = LanguageTagError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        LanguageTag::parse(&value)
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LanguageTag({})", self.text)
    }
}

/// Whether translations for this language ship with Urna.
pub fn is_shipped(tag: &LanguageTag) -> bool {
    SHIPPED_LANGUAGES.contains(&tag.as_str())
}

/// The value of the HTML `dir` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A translation file that failed to load.
#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("no translations ship for language \"{0}\"")]
    NotShipped(String),
    #[error("locales/{lang}/{file}: line {line}: {message}")]
    Syntax {
        lang: String,
        file: String,
        line: usize,
        message: String,
    },
    #[error("locales/{lang}/{file}: message \"{id}\" is defined twice")]
    Duplicate {
        lang: String,
        file: String,
        id: String,
    },
}

struct Language {
    tag: LanguageTag,
    bundle: FluentBundle<FluentResource>,
    /// Where a message this language lacks is looked up next: the enabled languages of its
    /// fallback chain, then the default language, then English (indexes into `languages`).
    fallbacks: Vec<usize>,
    /// The language's own name for itself, for the switcher (message `language-name`).
    native_name: String,
}

/// All enabled languages' bundles. Built once at start-up and shared.
pub struct Locales {
    languages: Vec<Language>,
    /// Index of the configured default language.
    default: usize,
}

impl fmt::Debug for Locales {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Locales")
            .field(
                "languages",
                &self.languages.iter().map(|l| &l.tag).collect::<Vec<_>>(),
            )
            .field("default", &self.languages[self.default].tag)
            .finish()
    }
}

impl Locales {
    /// Loads the shipped translations of `enabled`; `default` must be among them.
    pub fn embedded(enabled: &[LanguageTag], default: &LanguageTag) -> Result<Self, I18nError> {
        let mut languages = Vec::with_capacity(enabled.len());
        for tag in enabled {
            let files = EMBEDDED
                .iter()
                .find(|(code, _)| *code == tag.as_str())
                .map(|(_, files)| *files)
                .ok_or_else(|| I18nError::NotShipped(tag.to_string()))?;
            languages.push(Self::load_language(tag, files)?);
        }
        let default = languages
            .iter()
            .position(|l| &l.tag == default)
            .ok_or_else(|| I18nError::NotShipped(default.to_string()))?;
        let english = languages.iter().position(|l| l.tag.as_str() == "en");
        let position = |tag: &str| languages.iter().position(|l| l.tag.as_str() == tag);
        let fallbacks: Vec<Vec<usize>> = languages
            .iter()
            .enumerate()
            .map(|(own, language)| {
                let mut chain: Vec<usize> = fallback_chain(&language.tag)
                    .iter()
                    .filter_map(|tag| position(tag))
                    .collect();
                chain.push(default);
                chain.extend(english);
                let mut seen = vec![own];
                chain.retain(|index| {
                    let new = !seen.contains(index);
                    seen.push(*index);
                    new
                });
                chain
            })
            .collect();
        for (language, chain) in languages.iter_mut().zip(fallbacks) {
            language.fallbacks = chain;
        }
        Ok(Locales { languages, default })
    }

    fn load_language(tag: &LanguageTag, files: &[(&str, &str)]) -> Result<Language, I18nError> {
        let mut bundle = FluentBundle::new_concurrent(vec![tag.id.clone()]);
        // Registered once per fresh bundle: the name cannot clash.
        let _ = bundle.add_function(
            plural::PLURAL_FUNCTION,
            plural::plural_function(plural::CardinalRules::for_language(tag.as_str())),
        );
        for (file, source) in files {
            let resource = FluentResource::try_new(plural::rewrite_plural_selects(source))
                .map_err(|(_, errors)| match errors.first() {
                    Some(error) => I18nError::Syntax {
                        lang: tag.to_string(),
                        file: (*file).to_owned(),
                        line: source[..error.pos.start.min(source.len())]
                            .matches('\n')
                            .count()
                            + 1,
                        message: error.kind.to_string(),
                    },
                    None => I18nError::Syntax {
                        lang: tag.to_string(),
                        file: (*file).to_owned(),
                        line: 0,
                        message: "unknown error".to_owned(),
                    },
                })?;
            bundle.add_resource(resource).map_err(|errors| {
                let id = errors
                    .first()
                    .map(|e| match e {
                        fluent_bundle::FluentError::Overriding { id, .. } => id.clone(),
                        other => other.to_string(),
                    })
                    .unwrap_or_default();
                I18nError::Duplicate {
                    lang: tag.to_string(),
                    file: (*file).to_owned(),
                    id,
                }
            })?;
        }
        let native_name =
            format_in(&bundle, "language-name", None).unwrap_or_else(|| tag.as_str().to_owned());
        Ok(Language {
            tag: tag.clone(),
            bundle,
            fallbacks: Vec::new(),
            native_name,
        })
    }

    /// The enabled languages with their own names, in configured order, for the switcher.
    pub fn choices(&self) -> impl Iterator<Item = (&LanguageTag, &str)> {
        self.languages
            .iter()
            .map(|l| (&l.tag, l.native_name.as_str()))
    }

    pub fn default_language(&self) -> &LanguageTag {
        &self.languages[self.default].tag
    }

    /// The enabled language that best serves `wanted`: exact tag, else the first enabled
    /// language of its fallback chain (`zh-HK` is served by `zh-Hant`, `pt-BR` by `pt`), else
    /// the same primary language (`ar-EG` by `ar`).
    pub fn lookup(&self, wanted: &str) -> Option<usize> {
        let wanted = LanguageTag::parse(wanted).ok()?;
        fallback_chain(&wanted)
            .iter()
            .find_map(|tag| self.languages.iter().position(|l| l.tag.as_str() == tag))
            .or_else(|| {
                self.languages
                    .iter()
                    .position(|l| l.tag.primary() == wanted.primary())
            })
    }

    /// Chooses the language for a request (see the module documentation for the order).
    pub fn negotiate(
        &self,
        query: Option<&str>,
        cookie: Option<&str>,
        accept_language: Option<&str>,
    ) -> usize {
        query
            .and_then(|q| self.lookup(q))
            .or_else(|| cookie.and_then(|c| self.lookup(c)))
            .or_else(|| {
                accept_language.and_then(|header| {
                    parse_accept_language(header)
                        .into_iter()
                        .find_map(|tag| self.lookup(&tag))
                })
            })
            .unwrap_or(self.default)
    }

    fn format(&self, index: usize, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        let fallbacks = self
            .languages
            .get(index)
            .map_or(&[][..], |l| l.fallbacks.as_slice());
        for candidate in std::iter::once(index).chain(fallbacks.iter().copied()) {
            if let Some(text) = self
                .languages
                .get(candidate)
                .and_then(|l| format_in(&l.bundle, key, args))
            {
                return text;
            }
        }
        tracing::warn!(key, "missing translation");
        key.to_owned()
    }
}

/// The MediaWiki-style fallback chain of an interface language, as tags (`zh-HK`, `zh-Hant`,
/// `zh`, `zh-Hans`): the one definition in `urna_core::text`, shared with per-election texts.
fn fallback_chain(tag: &LanguageTag) -> Vec<String> {
    match urna_core::text::Lang::parse(tag.as_str()) {
        Ok(lang) => lang
            .fallback_chain()
            .iter()
            .map(|l| l.as_str().to_owned())
            .collect(),
        // A tag unic-langid accepts but Urna's stricter `Lang` does not (a 4+ letter primary
        // subtag): only the tag itself.
        Err(_) => vec![tag.as_str().to_owned()],
    }
}

fn format_in(
    bundle: &FluentBundle<FluentResource>,
    key: &str,
    args: Option<&FluentArgs<'_>>,
) -> Option<String> {
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        tracing::warn!(key, ?errors, "translation could not be formatted");
    }
    Some(text.into_owned())
}

/// Language tags from an `Accept-Language` header, best first. Entries with `q=0` (refused) or
/// a malformed q-value are dropped; equal q-values keep the header's order (RFC 9110 §12.5.4).
pub fn parse_accept_language(header: &str) -> Vec<String> {
    let mut weighted: Vec<(u16, usize, String)> = header
        .split(',')
        .enumerate()
        .filter_map(|(position, item)| {
            let mut parts = item.split(';');
            let tag = parts.next()?.trim();
            if tag.is_empty() || tag == "*" {
                return None;
            }
            let mut quality = 1000;
            for parameter in parts {
                let (name, value) = parameter.split_once('=')?;
                if name.trim().eq_ignore_ascii_case("q") {
                    quality = parse_qvalue(value.trim())?;
                }
            }
            (quality > 0).then(|| (quality, position, tag.to_owned()))
        })
        .collect();
    weighted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    weighted.into_iter().map(|(_, _, tag)| tag).collect()
}

/// An RFC 9110 qvalue ("0", "0.5", "1.000") in thousandths.
fn parse_qvalue(value: &str) -> Option<u16> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths: u16 = format!("{fraction:0<3}").parse().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// The translations for one request's language.
#[derive(Clone)]
pub struct Translator {
    locales: Arc<Locales>,
    index: usize,
}

impl fmt::Debug for Translator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Translator({})", self.tag())
    }
}

impl Translator {
    pub fn new(locales: Arc<Locales>, index: usize) -> Self {
        let index = if index < locales.languages.len() {
            index
        } else {
            locales.default
        };
        Translator { locales, index }
    }

    /// The translation of a message without arguments.
    pub fn t(&self, key: &str) -> String {
        self.locales.format(self.index, key, None)
    }

    /// The translation of a message with named arguments (`{ $name }` in Fluent).
    pub fn t_args(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.locales.format(self.index, key, Some(&fluent_args))
    }

    pub fn tag(&self) -> &LanguageTag {
        &self.locales.languages[self.index].tag
    }

    pub fn lang(&self) -> &str {
        self.tag().as_str()
    }

    pub fn dir(&self) -> &'static str {
        self.tag().direction().as_str()
    }

    pub fn locales(&self) -> &Locales {
        &self.locales
    }
}

/// Middleware: chooses the request's language, makes a [`Translator`] available to handlers,
/// remembers a switcher choice in a cookie, and labels the response.
pub async fn negotiate_language(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let query_lang = request
        .uri()
        .query()
        .and_then(|q| query_parameter(q, "lang"))
        .and_then(|wanted| state.locales.lookup(&wanted));
    let index = state.locales.negotiate(
        None,
        cookie_value(request.headers(), LANG_COOKIE).as_deref(),
        request
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    let index = query_lang.unwrap_or(index);
    let translator = Translator::new(state.locales.clone(), index);
    let lang = translator.lang().to_owned();
    request.extensions_mut().insert(translator);
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&lang) {
        headers.insert(header::CONTENT_LANGUAGE, value);
    }
    headers.append(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    if query_lang.is_some() {
        let secure = if state.config.is_https() {
            "; Secure"
        } else {
            ""
        };
        // One year: the choice is a preference, not a secret; readable by no script.
        let cookie = format!(
            "{LANG_COOKIE}={lang}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}"
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            headers.append(header::SET_COOKIE, value);
        }
    }
    response
}

impl<S: Send + Sync> FromRequestParts<S> for Translator {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Translator>()
            .cloned()
            .ok_or_else(|| AppError::internal("language negotiation middleware missing"))
    }
}

/// The value of one query parameter (first occurrence), percent-decoding not needed for the
/// ASCII values looked up here.
pub fn query_parameter(query: &str, name: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == name).then(|| value.to_owned())
    })
}

/// The value of a cookie sent by the browser.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (key, value) = pair.trim().split_once('=')?;
            (key == name).then(|| value.trim_matches('"').to_owned())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use std::collections::{BTreeMap, BTreeSet};

    fn tag(s: &str) -> LanguageTag {
        LanguageTag::parse(s).expect("valid tag")
    }

    fn all_locales() -> Locales {
        let enabled: Vec<_> = SHIPPED_LANGUAGES.iter().map(|c| tag(c)).collect();
        Locales::embedded(&enabled, &tag("en")).expect("shipped translations load")
    }

    /// Message ids defined in a Fluent file: lines that start with an identifier and `=`
    /// (continuation lines are indented, comments start with `#`, terms with `-`).
    fn message_ids(source: &str) -> BTreeSet<String> {
        source
            .lines()
            .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
            .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim().to_owned()))
            .collect()
    }

    #[test]
    fn every_shipped_file_parses_and_the_first_languages_have_every_message() {
        let locales = all_locales();
        assert_eq!(locales.languages.len(), SHIPPED_LANGUAGES.len());
        assert_eq!(EMBEDDED.len(), SHIPPED_LANGUAGES.len());
        let english: Vec<_> = EMBEDDED[0].1.iter().collect();
        // en, ar and zh are complete in every file; the others in voter-facing files only
        // (`status::tests`).
        for (lang, files) in EMBEDDED.iter().take(3) {
            assert_eq!(files.len(), english.len(), "{lang}: file count");
            for ((file, source), (en_file, en_source)) in files.iter().zip(&english) {
                assert_eq!(file, en_file);
                assert_eq!(
                    message_ids(source),
                    message_ids(en_source),
                    "locales/{lang}/{file} must define exactly the messages of locales/en/{file}"
                );
            }
        }
    }

    #[test]
    fn accept_language_honours_q_values_and_order() {
        // RFC 9110 §12.5.4 example: "da, en-gb;q=0.8, en;q=0.7".
        assert_eq!(
            parse_accept_language("da, en-gb;q=0.8, en;q=0.7"),
            vec!["da", "en-gb", "en"]
        );
        assert_eq!(
            parse_accept_language("en;q=0.5, zh-CN;q=0.9, ar;q=0, *;q=0.1"),
            vec!["zh-CN", "en"]
        );
        assert_eq!(
            parse_accept_language("fr;q=2, de;q=0.3"),
            vec!["de"],
            "q=2 is malformed"
        );
        assert_eq!(parse_accept_language("fr, ar"), vec!["fr", "ar"]);
    }

    #[test]
    fn negotiation_order_is_query_cookie_header_default() {
        let locales = all_locales();
        let name = |i: usize| locales.languages[i].tag.as_str().to_owned();
        assert_eq!(
            name(locales.negotiate(Some("ar"), Some("zh"), Some("en"))),
            "ar"
        );
        assert_eq!(name(locales.negotiate(None, Some("zh"), Some("ar"))), "zh");
        // Swahili ships no translations: the next preference is served.
        assert_eq!(
            name(locales.negotiate(None, None, Some("sw, ar-EG;q=0.9"))),
            "ar"
        );
        // Through the MediaWiki chain: zh-TW → zh-Hant; zh-CN → zh-Hans → zh; pt-BR → pt.
        assert_eq!(
            name(locales.negotiate(None, None, Some("zh-Hant-TW"))),
            "zh-Hant"
        );
        assert_eq!(
            name(locales.negotiate(None, None, Some("zh-TW"))),
            "zh-Hant"
        );
        assert_eq!(
            name(locales.negotiate(None, None, Some("zh-HK"))),
            "zh-Hant"
        );
        assert_eq!(name(locales.negotiate(None, None, Some("zh-CN"))), "zh");
        assert_eq!(name(locales.negotiate(None, None, Some("pt-BR"))), "pt");
        assert_eq!(name(locales.negotiate(None, None, Some("de-CH"))), "de");
        assert_eq!(
            name(locales.negotiate(Some("xx-!"), Some("tlh"), Some("sw"))),
            "en"
        );
        assert_eq!(name(locales.negotiate(None, None, None)), "en");
    }

    #[test]
    fn direction_follows_language_or_script() {
        for rtl in ["ar", "he", "fa", "ur", "ar-EG", "ku-Arab", "yi", "ckb"] {
            assert_eq!(tag(rtl).direction(), Direction::Rtl, "{rtl}");
        }
        for ltr in ["en", "zh", "zh-Hant", "ku", "az-Latn", "tr", "hi"] {
            assert_eq!(tag(ltr).direction(), Direction::Ltr, "{ltr}");
        }
    }

    #[test]
    fn missing_message_falls_back_to_english_then_key() {
        let locales = Arc::new(all_locales());
        let ar = Translator::new(locales.clone(), locales.lookup("ar").expect("ar"));
        assert_eq!(ar.t("no-such-message"), "no-such-message");
        // Each language names itself (CLDR autonyms).
        assert_eq!(ar.t("language-name"), "العربية");
        let zh = Translator::new(locales.clone(), locales.lookup("zh").expect("zh"));
        assert_eq!(zh.t("language-name"), "中文");
    }

    #[test]
    fn every_message_the_templates_and_errors_use_exists_in_english() {
        let locales = Arc::new(all_locales());
        let en = Translator::new(locales.clone(), locales.lookup("en").expect("en"));
        let templates = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut keys = Vec::new();
        for entry in std::fs::read_dir(&templates).expect("templates directory") {
            let source = std::fs::read_to_string(entry.expect("entry").path()).expect("reads");
            for piece in source.split(".t(\"").skip(1) {
                keys.push(piece.split('"').next().expect("key").to_owned());
            }
        }
        assert!(keys.len() > 20, "found only {} keys", keys.len());
        for kind in [
            ErrorKind::NotFound,
            ErrorKind::MethodNotAllowed,
            ErrorKind::BadRequest,
            ErrorKind::CsrfRejected,
            ErrorKind::RateLimited {
                retry_after_seconds: 1,
            },
            ErrorKind::PayloadTooLarge,
            ErrorKind::Timeout,
            ErrorKind::Internal,
            ErrorKind::Forbidden,
            ErrorKind::Unavailable,
        ] {
            keys.push(format!("error-{}-title", kind.code()));
            keys.push(format!("error-{}-detail", kind.code()));
        }
        for key in keys {
            // A missing message comes back as its key.
            assert_ne!(en.t(&key), key, "no English message {key}");
        }
    }

    #[test]
    fn arabic_plural_categories_select_the_right_form() {
        let locales = Arc::new(all_locales());
        let ar = Translator::new(locales.clone(), locales.lookup("ar").expect("ar"));
        let wait = |n: u64| {
            ar.t_args(
                "error-rate-limited-detail",
                &[("seconds", FluentValue::from(n))],
            )
            .replace(['\u{2068}', '\u{2069}'], "")
        };
        // CLDR Arabic: 1 → one, 2 → two, 3..=10 → few, 11..=99 → many, 100 → other.
        assert_eq!(wait(1), "انتظر ثانية واحدة ثم حاول مرة أخرى.");
        assert_eq!(wait(2), "انتظر ثانيتين ثم حاول مرة أخرى.");
        assert_eq!(wait(5), "انتظر 5 ثوانٍ ثم حاول مرة أخرى.");
        assert_eq!(wait(30), "انتظر 30 ثانية ثم حاول مرة أخرى.");
    }

    fn translator(locales: &Arc<Locales>, lang: &str) -> Translator {
        let index = locales
            .languages
            .iter()
            .position(|l| l.tag.as_str() == lang)
            .expect("shipped");
        Translator::new(locales.clone(), index)
    }

    fn without_isolation(text: String) -> String {
        text.replace(['\u{2068}', '\u{2069}'], "")
    }

    #[test]
    fn plural_variants_follow_cldr_rules_through_fluent() {
        let locales = Arc::new(all_locales());
        let wait = |lang: &str, n: u64| {
            without_isolation(translator(&locales, lang).t_args(
                "error-rate-limited-detail",
                &[("seconds", FluentValue::from(n))],
            ))
        };
        // CLDR ru: 1, 21 → one ("секунду"); 2..4, 22 → few ("секунды"); 5, 11, 12 → many,
        // which the Russian message leaves to its default "other" form ("секунд").
        assert_eq!(wait("ru", 1), "Подождите 1 секунду и попробуйте снова.");
        assert_eq!(wait("ru", 21), "Подождите 21 секунду и попробуйте снова.");
        assert_eq!(wait("ru", 3), "Подождите 3 секунды и попробуйте снова.");
        assert_eq!(wait("ru", 22), "Подождите 22 секунды и попробуйте снова.");
        assert_eq!(wait("ru", 12), "Подождите 12 секунд и попробуйте снова.");
        // CLDR pl: 1 → one; 22 → few; 12 and 25 → many (default form here).
        assert_eq!(wait("pl", 22), "Poczekaj 22 sekundy i spróbuj ponownie.");
        assert_eq!(wait("pl", 12), "Poczekaj 12 sekund i spróbuj ponownie.");
        // CLDR fr: 0 and 1 → one (singular), 2 → other.
        assert_eq!(wait("fr", 0), "Attendez 0 seconde, puis réessayez.");
        assert_eq!(wait("fr", 2), "Attendez 2 secondes, puis réessayez.");
        // Exact-number variants still win over categories: English [0] before [one]/[other].
        let en = translator(&locales, "en");
        let scores = |n: u64| {
            without_isolation(
                en.t_args("ballot-confirm-scores", &[("blank", FluentValue::from(n))]),
            )
        };
        assert_eq!(scores(0), "Your scores:");
        assert_eq!(scores(1), "Your scores (one option left without a score):");
        assert_eq!(scores(4), "Your scores (4 options left without a score):");
    }

    #[test]
    fn missing_messages_fall_back_along_the_language_chain() {
        let locales = Arc::new(all_locales());
        // German ships no staff messages: English. Traditional Chinese falls back to the
        // (Simplified) zh catalogue before English, as MediaWiki's zh-hant → zh-hans.
        let de = translator(&locales, "de");
        let en = translator(&locales, "en");
        let zh = translator(&locales, "zh");
        let zh_hant = translator(&locales, "zh-Hant");
        let staff_key = "admin-withdraw-impact";
        let args = [("count", FluentValue::from(2))];
        assert_eq!(de.t_args(staff_key, &args), en.t_args(staff_key, &args));
        if zh_hant.locales.languages[zh_hant.index]
            .bundle
            .get_message(staff_key)
            .is_none()
        {
            assert_eq!(
                zh_hant.t_args(staff_key, &args),
                zh.t_args(staff_key, &args)
            );
        }
        // The fallback order itself: zh-Hant → zh → en.
        let chain: Vec<&str> = locales.languages[zh_hant.index]
            .fallbacks
            .iter()
            .map(|&i| locales.languages[i].tag.as_str())
            .collect();
        assert_eq!(chain, ["zh", "en"]);
        // Each language names itself in the switcher (CLDR autonyms).
        let names: BTreeMap<&str, &str> = locales
            .choices()
            .map(|(tag, name)| (tag.as_str(), name))
            .collect();
        assert_eq!(names["de"], "Deutsch");
        assert_eq!(names["ru"], "Русский");
        assert_eq!(names["fi"], "Suomi");
    }

    /// All 31 languages are parsed (and their plural selects rewritten) once at start-up;
    /// the figure is printed for the record (`-- --nocapture`).
    #[test]
    fn loading_every_shipped_language_is_cheap() {
        let start = std::time::Instant::now();
        let locales = all_locales();
        let elapsed = start.elapsed();
        println!(
            "loaded {} languages in {:.1} ms",
            locales.languages.len(),
            elapsed.as_secs_f64() * 1e3
        );
        // Generous for an unoptimised build on a loaded machine: start-up, not a request.
        assert!(elapsed < std::time::Duration::from_secs(5), "{elapsed:?}");
    }

    #[test]
    fn malformed_tags_are_refused() {
        assert!(LanguageTag::parse("").is_err());
        assert!(LanguageTag::parse("en_GB!").is_err());
        assert_eq!(tag("zh-hant-tw").as_str(), "zh-Hant-TW");
    }
}
