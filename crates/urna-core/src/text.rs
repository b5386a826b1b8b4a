//! Translatable texts: election titles, question texts and candidate names in several
//! languages, with one default language that every text must have.
//!
//! [`Lang`] is a language tag checked against the shape of BCP 47 (RFC 5646 §2.1): a primary
//! language subtag of 2–3 letters, then subtags of 1–8 letters or digits (script, region,
//! variants such as `be-tarask`). It is stored in the conventional case (`zh-Hant-TW`), so that
//! equal tags compare equal. Whether a subtag is registered is not checked: the web layer's
//! translation catalogue decides which languages it can show.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The longest tag accepted (RFC 5646 §4.4.1 recommends supporting at least 35 characters).
const MAX_TAG_LEN: usize = 35;

/// A language tag such as `en`, `ar`, `zh-Hans`, `pt-BR`, `be-tarask`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Lang(String);

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TextError {
    #[error(
        "{0:?} is not a language tag (expected e.g. \"en\", \"pt-BR\", \"zh-Hans\": 2–3 letters, then parts of 1–8 letters or digits separated by '-')"
    )]
    BadLang(String),
    #[error("the text has no version in its default language {0}")]
    MissingDefault(Lang),
    #[error("the text in {0} is empty")]
    Empty(Lang),
}

impl Lang {
    pub fn parse(tag: &str) -> Result<Lang, TextError> {
        let bad = || TextError::BadLang(tag.to_owned());
        if tag.is_empty() || tag.len() > MAX_TAG_LEN {
            return Err(bad());
        }
        let mut parts = Vec::new();
        for (i, part) in tag.split(['-', '_']).enumerate() {
            let ok = if i == 0 {
                (2..=3).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphabetic())
            } else {
                (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric())
            };
            if !ok {
                return Err(bad());
            }
            // RFC 5646 §2.1.1 case conventions: language lower case, script title case
            // (4 letters), region upper case (2 letters), everything else lower case.
            let lower = part.to_ascii_lowercase();
            let normal =
                if i > 0 && part.len() == 4 && part.bytes().all(|b| b.is_ascii_alphabetic()) {
                    let mut s = lower;
                    s[..1].make_ascii_uppercase();
                    s
                } else if i > 0 && part.len() == 2 && part.bytes().all(|b| b.is_ascii_alphabetic())
                {
                    part.to_ascii_uppercase()
                } else {
                    lower
                };
            parts.push(normal);
        }
        Ok(Lang(parts.join("-")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The tag and its shorter forms, most specific first: `zh-Hant-TW`, `zh-Hant`, `zh`.
    pub fn truncations(&self) -> impl Iterator<Item = &str> {
        let s = self.0.as_str();
        let mut end = Some(s.len());
        std::iter::from_fn(move || {
            let e = end?;
            let out = &s[..e];
            end = out.rfind('-');
            Some(out)
        })
    }
}

/// Explicit fallbacks, after MediaWiki's `$fallback` in `languages/messages/Messages*.php`
/// (MediaWiki codes in BCP 47 form: `zh-hant` is `zh-Hant`, `sr-el` is `sr-Latn`). A tag
/// not listed here falls back only to its shorter forms. Entries are followed recursively, so
/// `zh-MO` → `zh-HK` → `zh-Hant` → `zh` → `zh-Hans`.
const FALLBACKS: &[(&str, &[&str])] = &[
    // Chinese: MediaWiki's zh-hk/zh-tw/zh-mo fall back to zh-hant then zh-hans; zh-cn, zh-sg,
    // zh-my to zh-hans. Urna's `zh` catalogue is Simplified Chinese, so it stands between.
    ("zh-HK", &["zh-Hant"]),
    ("zh-TW", &["zh-Hant"]),
    ("zh-MO", &["zh-HK"]),
    ("zh-Hant", &["zh"]),
    ("zh-Hans", &["zh"]),
    ("zh", &["zh-Hans"]),
    ("zh-CN", &["zh-Hans"]),
    ("zh-SG", &["zh-Hans"]),
    ("zh-MY", &["zh-Hans"]),
    ("yue", &["zh-HK"]),
    ("lzh", &["zh-Hant"]),
    ("wuu", &["zh-Hans"]),
    ("gan", &["zh-Hant"]),
    // Portuguese: pt-br → pt and pt → pt-br.
    ("pt-BR", &["pt"]),
    ("pt", &["pt-BR"]),
    ("mwl", &["pt"]),
    // German varieties and languages whose readers read German.
    ("de-CH", &["de"]),
    ("de-AT", &["de"]),
    ("de-formal", &["de"]),
    ("gsw", &["de"]),
    ("bar", &["de"]),
    ("lb", &["de"]),
    ("ksh", &["de"]),
    ("nds", &["de"]),
    ("hsb", &["dsb", "de"]),
    ("dsb", &["hsb", "de"]),
    // Serbian: sr-el (Latin) and sr-ec (Cyrillic), both Serbian.
    ("sr-EL", &["sr-Latn"]),
    ("sr-EC", &["sr-Cyrl"]),
    ("sr-Latn", &["sr"]),
    ("sr-Cyrl", &["sr"]),
    // Norwegian: no → nb; nn → nb.
    ("no", &["nb"]),
    ("nn", &["nb"]),
    // Languages of France, Belgium, Italy, Spain, the Netherlands.
    ("oc", &["fr"]),
    ("br", &["fr"]),
    ("wa", &["fr"]),
    ("frp", &["fr"]),
    ("co", &["it"]),
    ("sc", &["it"]),
    ("scn", &["it"]),
    ("vec", &["it"]),
    ("lij", &["it"]),
    ("pms", &["it"]),
    ("nap", &["it"]),
    ("an", &["es"]),
    ("ast", &["es"]),
    ("ext", &["es"]),
    ("qu", &["es"]),
    ("gn", &["es"]),
    ("es-formal", &["es"]),
    ("li", &["nl"]),
    ("vls", &["nl"]),
    ("zea", &["nl"]),
    ("nl-informal", &["nl"]),
    // Arabic varieties; languages written in the Persian tradition.
    ("arz", &["ar"]),
    ("ary", &["ar"]),
    ("aeb", &["ar"]),
    ("mzn", &["fa"]),
    ("glk", &["fa"]),
    ("lrc", &["fa"]),
    ("azb", &["fa"]),
    // Languages of Russia and Ukraine.
    ("tt", &["ru"]),
    ("ba", &["ru"]),
    ("sah", &["ru"]),
    ("ce", &["ru"]),
    ("cv", &["ru"]),
    ("rue", &["uk", "ru"]),
    ("be-tarask", &["be"]),
    // Indonesian and Malay neighbours.
    ("jv", &["id"]),
    ("su", &["id"]),
    ("min", &["id"]),
];

impl Lang {
    /// The languages to try for a reader of `self`, most preferred first: the tag itself,
    /// MediaWiki-style explicit fallbacks (followed recursively), then the tag's shorter
    /// forms (`de-CH-1996` → `de-CH` → `de`), each only once. English is not appended: the
    /// interface ends its chains in English, an election's texts in its default language.
    pub fn fallback_chain(&self) -> Vec<Lang> {
        let mut chain: Vec<Lang> = Vec::new();
        let mut pending = vec![self.clone()];
        // Depth-first over the fallback graph; the table has cycles (pt ↔ pt-BR), so every
        // language is visited once. The graph is small: the loop ends after at most
        // |FALLBACKS| + the tag's subtags steps.
        while let Some(lang) = pending.pop() {
            if chain.contains(&lang) {
                continue;
            }
            let mut next: Vec<Lang> = FALLBACKS
                .iter()
                .find(|(tag, _)| *tag == lang.as_str())
                .map(|(_, fallbacks)| {
                    fallbacks
                        .iter()
                        .filter_map(|f| Lang::parse(f).ok())
                        .collect()
                })
                .unwrap_or_default();
            next.extend(
                lang.truncations()
                    .skip(1)
                    .filter_map(|t| Lang::parse(t).ok()),
            );
            chain.push(lang);
            // Reversed so that the first fallback is popped first.
            pending.extend(next.into_iter().rev());
        }
        chain
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.0)
    }
}

impl TryFrom<String> for Lang {
    type Error = TextError;
    fn try_from(s: String) -> Result<Lang, TextError> {
        Lang::parse(&s)
    }
}

impl From<Lang> for String {
    fn from(l: Lang) -> String {
        l.0
    }
}

impl std::str::FromStr for Lang {
    type Err = TextError;
    fn from_str(s: &str) -> Result<Lang, TextError> {
        Lang::parse(s)
    }
}

/// A text in one or more languages. The default language always has a version, so every
/// lookup finds something.
///
/// JSON: `{"default": "en", "texts": {"en": "Board election", "de": "Vorstandswahl"}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "TextsSpec", into = "TextsSpec")]
pub struct Texts {
    default: Lang,
    texts: BTreeMap<Lang, String>,
}

/// The JSON shape of [`Texts`], checked on the way in.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TextsSpec {
    pub default: Lang,
    pub texts: BTreeMap<Lang, String>,
}

impl TryFrom<TextsSpec> for Texts {
    type Error = TextError;
    fn try_from(spec: TextsSpec) -> Result<Texts, TextError> {
        if !spec.texts.contains_key(&spec.default) {
            return Err(TextError::MissingDefault(spec.default));
        }
        Ok(Texts {
            default: spec.default,
            texts: spec.texts,
        })
    }
}

impl From<Texts> for TextsSpec {
    fn from(t: Texts) -> TextsSpec {
        TextsSpec {
            default: t.default,
            texts: t.texts,
        }
    }
}

impl Texts {
    /// A text with only its default version.
    pub fn new(default: Lang, text: impl Into<String>) -> Texts {
        let mut texts = BTreeMap::new();
        texts.insert(default.clone(), text.into());
        Texts { default, texts }
    }

    /// Adds or replaces the version in `lang` (builder style).
    pub fn with(mut self, lang: Lang, text: impl Into<String>) -> Texts {
        self.set(lang, text);
        self
    }

    /// Adds or replaces the version in `lang`.
    pub fn set(&mut self, lang: Lang, text: impl Into<String>) {
        self.texts.insert(lang, text.into());
    }

    /// Removes the version in `lang`; the default version cannot be removed.
    pub fn remove(&mut self, lang: &Lang) -> Result<(), TextError> {
        if *lang == self.default {
            return Err(TextError::MissingDefault(lang.clone()));
        }
        self.texts.remove(lang);
        Ok(())
    }

    pub fn default_lang(&self) -> &Lang {
        &self.default
    }

    /// The version in the default language.
    pub fn default_text(&self) -> &str {
        self.texts.get(&self.default).map_or("", String::as_str)
    }

    /// The version for a reader who prefers the languages of `chain`, in order. Each entry is
    /// tried with its fallback chain ([`Lang::fallback_chain`]: `zh-HK` then `zh-Hant` then
    /// `zh`; `de-CH` then `de`) before the next entry; when none has a version, the default
    /// version.
    pub fn get(&self, chain: &[Lang]) -> &str {
        self.get_with_lang(chain).1
    }

    /// Like [`Texts::get`], also saying which language was found (for `lang=` attributes).
    pub fn get_with_lang(&self, chain: &[Lang]) -> (&Lang, &str) {
        for wanted in chain {
            for lang in wanted.fallback_chain() {
                if let Some((l, t)) = self.texts.get_key_value(&lang) {
                    return (l, t.as_str());
                }
            }
        }
        (&self.default, self.default_text())
    }

    /// The version in exactly `lang`, if any.
    pub fn exact(&self, lang: &Lang) -> Option<&str> {
        self.texts.get(lang).map(String::as_str)
    }

    /// The languages among `required` that have no (non-blank) version: what a rehearsal
    /// reports before an election opens.
    pub fn missing_languages(&self, required: &[Lang]) -> Vec<Lang> {
        required
            .iter()
            .filter(|l| self.texts.get(*l).is_none_or(|t| t.trim().is_empty()))
            .cloned()
            .collect()
    }

    /// Every language with a version, in tag order.
    pub fn languages(&self) -> impl Iterator<Item = &Lang> {
        self.texts.keys()
    }

    /// Every version, in tag order.
    pub fn iter(&self) -> impl Iterator<Item = (&Lang, &str)> {
        self.texts.iter().map(|(l, t)| (l, t.as_str()))
    }

    /// Checks that the default version is not blank (for titles and names, which must say
    /// something; descriptions may be empty).
    pub(crate) fn require_default_text(&self) -> Result<(), TextError> {
        if self.default_text().trim().is_empty() {
            Err(TextError::Empty(self.default.clone()))
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
pub(crate) fn lang(tag: &str) -> Lang {
    Lang::parse(tag).unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_take_the_conventional_case() {
        // RFC 5646 §2.1.1 examples: "mn-Cyrl-MN", not "MN-cYRL-mn".
        assert_eq!(lang("MN-cYRL-mn").as_str(), "mn-Cyrl-MN");
        assert_eq!(lang("pt_br").as_str(), "pt-BR");
        assert_eq!(lang("be-TARASK").as_str(), "be-tarask");
        assert_eq!(lang("es-419").as_str(), "es-419");
        assert_eq!(lang("zh-min-nan").as_str(), "zh-min-nan");
    }

    #[test]
    fn malformed_tags_are_refused_by_name() {
        for bad in [
            "",
            "e",
            "english",
            "en-",
            "en--GB",
            "en-toolongpart",
            "1en",
            "en GB",
            "ü",
        ] {
            let err = Lang::parse(bad).unwrap_err();
            assert_eq!(err, TextError::BadLang(bad.to_owned()), "{bad:?}");
        }
        assert!(
            Lang::parse(&format!("en{}", "-abcdefgh".repeat(4))).is_err(),
            "38 chars"
        );
    }

    #[test]
    fn lookup_falls_back_along_the_chain_then_to_the_default() {
        let t = Texts::new(lang("en"), "Board election")
            .with(lang("de"), "Vorstandswahl")
            .with(lang("zh-Hant"), "理事會選舉");
        assert_eq!(t.get(&[lang("fr"), lang("de")]), "Vorstandswahl");
        // de-CH has no version of its own: its shorter form `de` comes before the next entry.
        assert_eq!(t.get(&[lang("de-CH"), lang("en")]), "Vorstandswahl");
        assert_eq!(t.get(&[lang("zh-Hant-TW")]), "理事會選舉");
        // zh-Hans is not zh-Hant, and there is no plain `zh`: the default.
        assert_eq!(t.get(&[lang("zh-Hans")]), "Board election");
        assert_eq!(t.get(&[]), "Board election");
        assert_eq!(t.get_with_lang(&[lang("fr")]).0, &lang("en"));
    }

    #[test]
    fn fallback_chains_follow_mediawiki() {
        let chain = |tag: &str| -> Vec<String> {
            lang(tag)
                .fallback_chain()
                .iter()
                .map(|l| l.as_str().to_owned())
                .collect()
        };
        // MediaWiki MessagesZh_hk.php: $fallback = 'zh-hant, zh-hans'; Urna's plain zh
        // (Simplified) sits between the two.
        assert_eq!(chain("zh-hk"), ["zh-HK", "zh-Hant", "zh", "zh-Hans"]);
        // MessagesZh_mo.php: 'zh-hk, zh-hant, zh-hans'.
        assert_eq!(
            chain("zh-MO"),
            ["zh-MO", "zh-HK", "zh-Hant", "zh", "zh-Hans"]
        );
        // MessagesZh_cn.php: 'zh-hans'.
        assert_eq!(chain("zh-CN"), ["zh-CN", "zh-Hans", "zh"]);
        // MessagesPt_br.php: 'pt'; MessagesPt.php: 'pt-br' (a cycle, visited once).
        assert_eq!(chain("pt-BR"), ["pt-BR", "pt"]);
        assert_eq!(chain("pt"), ["pt", "pt-BR"]);
        assert_eq!(chain("de-CH"), ["de-CH", "de"]);
        assert_eq!(chain("sr-Latn"), ["sr-Latn", "sr"]);
        assert_eq!(chain("rue"), ["rue", "uk", "ru"]);
        // Without an entry: the shorter forms only.
        assert_eq!(chain("fr-CA"), ["fr-CA", "fr"]);
        assert_eq!(chain("ja"), ["ja"]);
    }

    #[test]
    fn per_election_texts_follow_the_chain() {
        let t = Texts::new(lang("en"), "Board election")
            .with(lang("zh-Hant"), "理事會選舉")
            .with(lang("pt"), "Eleição do conselho");
        assert_eq!(t.get(&[lang("zh-HK")]), "理事會選舉");
        assert_eq!(t.get(&[lang("zh-MO")]), "理事會選舉");
        assert_eq!(t.get(&[lang("pt-BR")]), "Eleição do conselho");
        // zh-CN's chain (zh-Hans, zh) never reaches Traditional Chinese.
        assert_eq!(t.get(&[lang("zh-CN")]), "Board election");
    }

    #[test]
    fn missing_languages_lists_absent_and_blank_versions() {
        let t = Texts::new(lang("en"), "Yes")
            .with(lang("ar"), "  ")
            .with(lang("zh"), "是");
        assert_eq!(
            t.missing_languages(&[lang("en"), lang("ar"), lang("zh"), lang("de")]),
            vec![lang("ar"), lang("de")]
        );
    }

    #[test]
    fn json_round_trip_and_checked_input() {
        let t = Texts::new(lang("en"), "Yes").with(lang("de"), "Ja");
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(json, r#"{"default":"en","texts":{"de":"Ja","en":"Yes"}}"#);
        assert_eq!(serde_json::from_str::<Texts>(&json).unwrap(), t);

        let err = serde_json::from_str::<Texts>(r#"{"default":"fr","texts":{"en":"Yes"}}"#)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("no version in its default language fr"),
            "{err}"
        );
        let err = serde_json::from_str::<Texts>(r#"{"default":"english","texts":{}}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("\"english\" is not a language tag"), "{err}");
    }

    #[test]
    fn the_default_version_cannot_be_removed() {
        let mut t = Texts::new(lang("en"), "Yes").with(lang("de"), "Ja");
        assert!(t.remove(&lang("en")).is_err());
        t.remove(&lang("de")).unwrap();
        assert_eq!(t.exact(&lang("de")), None);
    }
}
