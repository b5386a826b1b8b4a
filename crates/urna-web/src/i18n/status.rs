//! How complete each shipped translation is, file by file, against English: the messages it
//! lacks, the messages English does not have, and the messages whose Fluent variables differ
//! from English's (a translation that drops `{ $count }` or invents `{ $cuont }`).
//!
//! Used by `urna i18n status` and by the test that keeps voter-facing files complete.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::{EMBEDDED, VOTER_FACING_FILES};

/// One language's file compared with English's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileStatus {
    pub language: &'static str,
    pub file: &'static str,
    /// Messages in English's file.
    pub english_messages: usize,
    /// Of those, how many this file translates.
    pub translated: usize,
    /// English messages this file lacks (they fall back along the language's chain).
    pub missing: Vec<String>,
    /// Messages this file has and English's does not (stale or misspelt ids).
    pub unknown: Vec<String>,
    /// Messages whose variables differ from English's: (id, English's, this file's).
    pub variable_mismatches: Vec<(String, Vec<String>, Vec<String>)>,
    /// Whether voters read this file (it must then be complete).
    pub voter_facing: bool,
    /// A parse error, if the file does not parse.
    pub parse_error: Option<String>,
}

impl FileStatus {
    /// Translated share in per cent, rounded down (a file English leaves empty is complete).
    pub fn percent(&self) -> usize {
        (self.translated * 100)
            .checked_div(self.english_messages)
            .unwrap_or(100)
    }

    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
            && self.unknown.is_empty()
            && self.variable_mismatches.is_empty()
            && self.parse_error.is_none()
    }
}

/// Every shipped file of every shipped language, compared with English.
pub fn shipped_status() -> Vec<FileStatus> {
    let Some((_, english_files)) = EMBEDDED.iter().find(|(lang, _)| *lang == "en") else {
        return Vec::new();
    };
    let english: BTreeMap<&str, BTreeMap<String, BTreeSet<String>>> = english_files
        .iter()
        .map(|(file, source)| (*file, message_variables(source).unwrap_or_default()))
        .collect();
    let mut out = Vec::new();
    for (language, files) in EMBEDDED {
        for (file, en_messages) in &english {
            let source = files.iter().find(|(f, _)| f == file).map(|(_, s)| *s);
            let (messages, parse_error) = match source.map(message_variables) {
                Some(Ok(messages)) => (messages, None),
                Some(Err(error)) => (BTreeMap::new(), Some(error)),
                None => (BTreeMap::new(), None),
            };
            let missing: Vec<String> = en_messages
                .keys()
                .filter(|id| !messages.contains_key(*id))
                .cloned()
                .collect();
            let unknown: Vec<String> = messages
                .keys()
                .filter(|id| !en_messages.contains_key(*id))
                .cloned()
                .collect();
            let variable_mismatches = messages
                .iter()
                .filter_map(|(id, variables)| {
                    let english = en_messages.get(id)?;
                    (english != variables).then(|| {
                        (
                            id.clone(),
                            english.iter().cloned().collect(),
                            variables.iter().cloned().collect(),
                        )
                    })
                })
                .collect();
            out.push(FileStatus {
                language,
                file,
                english_messages: en_messages.len(),
                translated: en_messages.len() - missing.len(),
                missing,
                unknown,
                variable_mismatches,
                voter_facing: VOTER_FACING_FILES.contains(file),
                parse_error,
            });
        }
    }
    out
}

/// The status as a plain-text table: one line per language with its voter-facing and staff
/// completeness, then every incomplete file with what it lacks.
pub fn report(status: &[FileStatus]) -> String {
    let mut languages: Vec<&str> = Vec::new();
    for s in status {
        if !languages.contains(&s.language) {
            languages.push(s.language);
        }
    }
    let share = |language: &str, voter: bool| {
        let (done, all) = status
            .iter()
            .filter(|s| s.language == language && s.voter_facing == voter)
            .fold((0, 0), |(d, a), s| {
                (d + s.translated, a + s.english_messages)
            });
        format!(
            "{done:>4}/{all:<4} {:>3}%",
            (done * 100).checked_div(all).unwrap_or(100)
        )
    };
    let mut out = String::from("language  voter-facing      staff and admin\n");
    for language in &languages {
        out.push_str(&format!(
            "{language:<9} {}    {}\n",
            share(language, true),
            share(language, false)
        ));
    }
    for s in status.iter().filter(|s| !s.is_complete()) {
        out.push_str(&format!(
            "{}/{}: {}% ({}/{})",
            s.language,
            s.file,
            s.percent(),
            s.translated,
            s.english_messages
        ));
        if let Some(error) = &s.parse_error {
            out.push_str(&format!("; does not parse: {error}"));
        }
        if !s.unknown.is_empty() {
            out.push_str(&format!("; not in English: {}", s.unknown.join(", ")));
        }
        for (id, english, own) in &s.variable_mismatches {
            out.push_str(&format!(
                "; {id} has variables [{}], English [{}]",
                own.join(", "),
                english.join(", ")
            ));
        }
        out.push('\n');
    }
    out
}

/// Every message and term of a Fluent file with the variables it uses (`$count` as `count`),
/// attributes as `id.attribute`.
pub fn message_variables(source: &str) -> Result<BTreeMap<String, BTreeSet<String>>, String> {
    let resource = fluent_syntax::parser::parse(source).map_err(|(_, errors)| {
        errors
            .first()
            .map(|e| format!("{:?} at byte {}", e.kind, e.pos.start))
            .unwrap_or_default()
    })?;
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        let (id, value, attributes) = match entry {
            Entry::Message(m) => (m.id.name.to_owned(), m.value.as_ref(), &m.attributes),
            Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
            _ => continue,
        };
        let mut variables = BTreeSet::new();
        if let Some(pattern) = value {
            pattern_variables(pattern, &mut variables);
        }
        out.insert(id.clone(), variables);
        for attribute in attributes {
            let mut variables = BTreeSet::new();
            pattern_variables(&attribute.value, &mut variables);
            out.insert(format!("{id}.{}", attribute.id.name), variables);
        }
    }
    Ok(out)
}

fn pattern_variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. }
        | InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
            for argument in &arguments.named {
                inline_variables(&argument.value, out);
            }
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_are_found_in_selects_and_calls() {
        let source = "a = { $n ->\n    [one] one { $who }\n   *[other] { NUMBER($n) } { $what }\n}\nb = plain\n";
        let messages = message_variables(source).expect("parses");
        assert_eq!(
            messages["a"],
            ["n", "what", "who"].map(String::from).into_iter().collect()
        );
        assert!(messages["b"].is_empty());
    }

    /// Every voter-facing message exists in every shipped language with English's variables;
    /// no language has a message English lacks (in any file); every file parses. Staff files
    /// may be partial (their messages fall back to English), so a new English message there
    /// does not fail this test. The status report is printed (`--nocapture` shows it).
    #[test]
    fn voter_facing_translations_are_complete_in_every_language() {
        let status = shipped_status();
        println!("{}", report(&status));
        let languages: BTreeSet<_> = status.iter().map(|s| s.language).collect();
        assert!(languages.len() >= 30, "only {} languages", languages.len());
        let mut problems = Vec::new();
        for s in &status {
            if let Some(error) = &s.parse_error {
                problems.push(format!("{}/{} does not parse: {error}", s.language, s.file));
            }
            if !s.unknown.is_empty() {
                problems.push(format!(
                    "{}/{} has messages English lacks: {}",
                    s.language,
                    s.file,
                    s.unknown.join(", ")
                ));
            }
            for (id, english, own) in &s.variable_mismatches {
                problems.push(format!(
                    "{}/{}: {id} uses [{}] where English uses [{}]",
                    s.language,
                    s.file,
                    own.join(", "),
                    english.join(", ")
                ));
            }
            if s.voter_facing && !s.missing.is_empty() {
                problems.push(format!(
                    "{}/{} lacks voter-facing messages: {}",
                    s.language,
                    s.file,
                    s.missing.join(", ")
                ));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
