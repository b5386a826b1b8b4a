//! Who may vote: the uploaded voter list, and eligibility as pluggable sources.
//!
//! # Voter list CSV
//! ```text
//! voter,email,weight,action
//! alice@example.org,,2,
//! Bob,bob@example.org,,include
//! Mallory,,,exclude
//! ```
//! A header row names the columns, in any order, case-insensitively: `voter` (required: an
//! e-mail address or a user name), `email` (where to send the voting link; defaults to `voter`
//! when that is an address), `weight` (a whole number from 1 to 1,000,000, default 1; only
//! when the election allows weights), `action` (`include`, the default, or `exclude`) and
//! `language` (a language tag such as `ar` or `zh-Hant`: the language the voter's e-mails are
//! written in when the server has it; empty for the election's language).
//! Commas, semicolons or tabs separate fields (the header decides); a byte-order mark and
//! empty rows are ignored. Voters are matched exactly after trimming outer spaces.
//!
//! A voter listed twice with the same details is listed once; with different details it is an
//! error naming both lines. `exclude` wins over `include` wherever the rows are. Errors name
//! the line and column; every problem is reported, up to [`MAX_REPORTED`].
//!
//! # Eligibility
//! [`EligibilitySource`] answers "may this person vote, and with what weight?". The list is one
//! source ([`ListSource`]). Rules on wiki data (edit counts, groups, blocks) are decided in
//! [`crate::wiki_eligibility`] from a kept snapshot, whose eligible accounts (`Name@wiki`) then
//! fill this list.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::text::Lang;

/// The most problems one upload reports.
pub const MAX_REPORTED: usize = 50;

/// The largest weight a voter may carry: more is almost certainly a typo.
pub const MAX_WEIGHT: u64 = 1_000_000;

const MAX_VOTER_LEN: usize = 255;

/// A voter's identifier: an e-mail address or a user name, trimmed, 1–255 characters, no
/// control characters.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct VoterRef(String);

impl VoterRef {
    pub fn parse(s: &str) -> Result<VoterRef, String> {
        let t = s.trim();
        if t.is_empty() {
            return Err("the voter is empty".into());
        }
        if t.chars().count() > MAX_VOTER_LEN {
            return Err(format!(
                "the voter is longer than {MAX_VOTER_LEN} characters"
            ));
        }
        if t.chars().any(char::is_control) {
            return Err(format!("the voter {t:?} contains a control character"));
        }
        Ok(VoterRef(t.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for VoterRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for VoterRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "VoterRef({:?})", self.0)
    }
}

impl TryFrom<String> for VoterRef {
    type Error = String;
    fn try_from(s: String) -> Result<VoterRef, String> {
        VoterRef::parse(&s)
    }
}

impl From<VoterRef> for String {
    fn from(v: VoterRef) -> String {
        v.0
    }
}

/// An e-mail address, checked for shape only (`local@domain.tld`, no spaces): whether it
/// receives mail only sending tells.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(s: &str) -> Result<Email, String> {
        let t = s.trim();
        let bad = || format!("{t:?} is not an e-mail address");
        let (local, domain) = t.rsplit_once('@').ok_or_else(bad)?;
        let ok = !local.is_empty()
            && t.len() <= 254
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !t.chars().any(|c| c.is_whitespace() || c.is_control())
            && t.matches('@').count() == 1;
        if ok {
            Ok(Email(t.to_owned()))
        } else {
            Err(bad())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Email({:?})", self.0)
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Email {
    type Error = String;
    fn try_from(s: String) -> Result<Email, String> {
        Email::parse(&s)
    }
}

impl From<Email> for String {
    fn from(e: Email) -> String {
        e.0
    }
}

/// One included voter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoterEntry {
    pub voter: VoterRef,
    pub email: Option<Email>,
    pub weight: u64,
    /// The language the voter reads, if the list names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
}

impl VoterEntry {
    /// Where to send the voting link: the `email` column, else the voter if it is an address.
    pub fn contact(&self) -> Option<Email> {
        self.email
            .clone()
            .or_else(|| Email::parse(self.voter.as_str()).ok())
    }
}

/// The voters of an election: who is included (with weights) and who is excluded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoterList {
    included: BTreeMap<VoterRef, VoterEntry>,
    excluded: BTreeSet<VoterRef>,
}

/// Every problem of an upload (up to [`MAX_REPORTED`]).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{}", format_problems(.problems, *.more))]
pub struct VoterListError {
    pub problems: Vec<VoterListProblem>,
    /// Problems found beyond those reported.
    pub more: usize,
}

fn format_problems(problems: &[VoterListProblem], more: usize) -> String {
    let mut s = problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    if more > 0 {
        s.push_str(&format!("\n… and {more} more problems"));
    }
    s
}

/// One problem, with its place: line (1-based, the header is line 1; 0 when the problem has no
/// line, as when merging lists) and, when it concerns a field, its column number (1-based) and
/// name.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub struct VoterListProblem {
    pub line: u64,
    pub column: Option<(usize, String)>,
    pub message: String,
}

impl fmt::Display for VoterListProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            return f.write_str(&self.message);
        }
        match &self.column {
            Some((n, name)) => write!(
                f,
                "line {}, column {n} ({name}): {}",
                self.line, self.message
            ),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Voter,
    Email,
    Weight,
    Action,
    Language,
}

impl Column {
    fn name(self) -> &'static str {
        match self {
            Column::Voter => "voter",
            Column::Email => "email",
            Column::Weight => "weight",
            Column::Action => "action",
            Column::Language => "language",
        }
    }
}

/// Collects problems up to the cap.
#[derive(Default)]
struct Problems {
    list: Vec<VoterListProblem>,
    more: usize,
}

impl Problems {
    fn push(&mut self, line: u64, column: Option<(usize, Column)>, message: impl Into<String>) {
        if self.list.len() < MAX_REPORTED {
            self.list.push(VoterListProblem {
                line,
                column: column.map(|(i, c)| (i + 1, c.name().to_owned())),
                message: message.into(),
            });
        } else {
            self.more += 1;
        }
    }
}

impl VoterList {
    pub fn new() -> VoterList {
        VoterList::default()
    }

    /// Reads an uploaded CSV (see the module documentation).
    pub fn parse_csv(text: &str, allow_weights: bool) -> Result<VoterList, VoterListError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let header_line = text.lines().next().unwrap_or("");
        let delimiter = if header_line.contains(',') {
            b','
        } else if header_line.contains(';') {
            b';'
        } else if header_line.contains('\t') {
            b'\t'
        } else {
            b','
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let mut problems = Problems::default();
        let mut records = reader.records();

        // The header.
        let header = match records.next() {
            Some(Ok(r)) => r,
            Some(Err(e)) => {
                problems.push(csv_line(&e), None, csv_message(&e));
                return Err(problems.into_error());
            }
            None => {
                problems.push(
                    1,
                    None,
                    "the file is empty: expected a header row such as \"voter,email,weight\"",
                );
                return Err(problems.into_error());
            }
        };
        let mut columns: Vec<Option<Column>> = Vec::with_capacity(header.len());
        for (i, name) in header.iter().enumerate() {
            let col = match name.trim().to_ascii_lowercase().as_str() {
                "voter" => Some(Column::Voter),
                "email" | "e-mail" => Some(Column::Email),
                "weight" => Some(Column::Weight),
                "action" => Some(Column::Action),
                "language" | "lang" => Some(Column::Language),
                "" => None,
                other => {
                    problems.push(1, None, format!(
                        "column {}: unknown column {other:?} (expected voter, email, weight, action, language)",
                        i + 1
                    ));
                    None
                }
            };
            if let Some(c) = col {
                if let Some(first) = columns.iter().position(|x| *x == Some(c)) {
                    problems.push(
                        1,
                        Some((i, c)),
                        format!("the column {} is also column {}", c.name(), first + 1),
                    );
                }
                if c == Column::Weight && !allow_weights {
                    problems.push(
                        1,
                        Some((i, c)),
                        "this election does not allow weights; remove the weight column",
                    );
                }
            }
            columns.push(col);
        }
        if !columns.contains(&Some(Column::Voter)) {
            problems.push(
                1,
                None,
                "no voter column: the header must name a column \"voter\"",
            );
        }
        if !problems.list.is_empty() {
            return Err(problems.into_error());
        }
        let find = |c: Column| columns.iter().position(|x| *x == Some(c));
        let (voter_col, email_col, weight_col, action_col, language_col) = (
            find(Column::Voter).unwrap_or(0),
            find(Column::Email),
            find(Column::Weight),
            find(Column::Action),
            find(Column::Language),
        );

        let mut list = VoterList::new();
        // Where each included voter was first listed, for conflict messages.
        let mut first_line: BTreeMap<VoterRef, u64> = BTreeMap::new();
        for record in records {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    problems.push(csv_line(&e), None, csv_message(&e));
                    continue;
                }
            };
            let line = record.position().map_or(0, |p| p.line());
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            if record.len() > columns.len() {
                problems.push(
                    line,
                    None,
                    format!(
                        "{} fields, but the header names {} columns",
                        record.len(),
                        columns.len()
                    ),
                );
                continue;
            }
            let field =
                |i: Option<usize>| i.and_then(|i| record.get(i)).map(str::trim).unwrap_or("");
            let voter = match VoterRef::parse(field(Some(voter_col))) {
                Ok(v) => v,
                Err(m) => {
                    problems.push(line, Some((voter_col, Column::Voter)), m);
                    continue;
                }
            };
            let exclude = match field(action_col).to_ascii_lowercase().as_str() {
                "" | "include" => false,
                "exclude" => true,
                other => {
                    problems.push(
                        line,
                        action_col.map(|i| (i, Column::Action)),
                        format!("{other:?} is not an action: use include or exclude"),
                    );
                    continue;
                }
            };
            if exclude {
                list.excluded.insert(voter);
                continue;
            }
            let email = match field(email_col) {
                "" => None,
                e => match Email::parse(e) {
                    Ok(e) => Some(e),
                    Err(m) => {
                        problems.push(line, email_col.map(|i| (i, Column::Email)), m);
                        continue;
                    }
                },
            };
            let weight =
                match field(weight_col) {
                    "" => 1,
                    w => match w.parse::<u64>() {
                        Ok(n) if (1..=MAX_WEIGHT).contains(&n) => n,
                        _ => {
                            problems.push(line, weight_col.map(|i| (i, Column::Weight)), format!(
                            "{w:?} is not a weight: use a whole number from 1 to {MAX_WEIGHT}"
                        ));
                            continue;
                        }
                    },
                };
            let language = match field(language_col) {
                "" => None,
                tag => match Lang::parse(tag) {
                    Ok(lang) => Some(lang),
                    Err(e) => {
                        problems.push(
                            line,
                            language_col.map(|i| (i, Column::Language)),
                            e.to_string(),
                        );
                        continue;
                    }
                },
            };
            let entry = VoterEntry {
                voter: voter.clone(),
                email,
                weight,
                language,
            };
            match list.included.get(&voter) {
                Some(existing) if *existing != entry => {
                    let first = first_line.get(&voter).copied().unwrap_or(0);
                    problems.push(line, None, format!(
                        "{voter} is also listed on line {first} with other details ({}); list each voter once",
                        describe_difference(existing, &entry)
                    ));
                }
                Some(_) => {}
                None => {
                    first_line.insert(voter.clone(), line);
                    list.included.insert(voter, entry);
                }
            }
        }
        if !problems.list.is_empty() {
            return Err(problems.into_error());
        }
        list.apply_exclusions();
        Ok(list)
    }

    fn apply_exclusions(&mut self) {
        for v in &self.excluded {
            self.included.remove(v);
        }
    }

    /// Adds another list's voters (voters added while the election is open). A voter in both
    /// with different details is refused; exclusions of either list win.
    pub fn merge(&mut self, other: VoterList) -> Result<usize, VoterListError> {
        let mut problems = Problems::default();
        for (v, e) in &other.included {
            if let Some(existing) = self.included.get(v)
                && existing != e
            {
                problems.push(
                    0,
                    None,
                    format!(
                        "{v} is already listed with other details ({})",
                        describe_difference(existing, e)
                    ),
                );
            }
        }
        if !problems.list.is_empty() {
            return Err(problems.into_error());
        }
        let before = self.included.len();
        self.included.extend(other.included);
        self.excluded.extend(other.excluded);
        self.apply_exclusions();
        Ok(self.included.len().saturating_sub(before))
    }

    /// The included voters, in identifier order.
    pub fn iter(&self) -> impl Iterator<Item = &VoterEntry> {
        self.included.values()
    }

    pub fn get(&self, voter: &VoterRef) -> Option<&VoterEntry> {
        self.included.get(voter)
    }

    pub fn is_excluded(&self, voter: &VoterRef) -> bool {
        self.excluded.contains(voter)
    }

    pub fn excluded(&self) -> impl Iterator<Item = &VoterRef> {
        self.excluded.iter()
    }

    /// The number of included voters.
    pub fn len(&self) -> usize {
        self.included.len()
    }

    pub fn is_empty(&self) -> bool {
        self.included.is_empty()
    }
}

impl Problems {
    fn into_error(self) -> VoterListError {
        VoterListError {
            problems: self.list,
            more: self.more,
        }
    }
}

fn describe_difference(a: &VoterEntry, b: &VoterEntry) -> String {
    let mut parts = Vec::new();
    if a.weight != b.weight {
        parts.push(format!("weight {} and {}", a.weight, b.weight));
    }
    if a.email != b.email {
        let show = |e: &Option<Email>| e.as_ref().map_or("none".to_owned(), ToString::to_string);
        parts.push(format!("email {} and {}", show(&a.email), show(&b.email)));
    }
    if a.language != b.language {
        let show = |l: &Option<Lang>| l.as_ref().map_or("none".to_owned(), ToString::to_string);
        parts.push(format!(
            "language {} and {}",
            show(&a.language),
            show(&b.language)
        ));
    }
    parts.join(", ")
}

fn csv_line(e: &csv::Error) -> u64 {
    e.position().map_or(0, csv::Position::line)
}

fn csv_message(e: &csv::Error) -> String {
    format!("unreadable CSV: {e}")
}

/// The answer of an eligibility source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Eligibility {
    Eligible {
        weight: u64,
    },
    /// `rule` names the rule that failed (for admins); `reason` tells the voter why.
    NotEligible {
        rule: String,
        reason: String,
    },
}

/// A source of eligibility: the uploaded list now; wiki rules later.
pub trait EligibilitySource {
    /// A short name for logs and admin pages (`voter list`, `enwiki edit count`).
    fn name(&self) -> &str;
    fn check(&self, voter: &VoterRef) -> Eligibility;
}

/// Eligibility from the uploaded list.
#[derive(Debug, Clone, Default)]
pub struct ListSource {
    pub list: VoterList,
}

impl EligibilitySource for ListSource {
    fn name(&self) -> &str {
        "voter list"
    }

    fn check(&self, voter: &VoterRef) -> Eligibility {
        if let Some(e) = self.list.get(voter) {
            Eligibility::Eligible { weight: e.weight }
        } else if self.list.is_excluded(voter) {
            Eligibility::NotEligible {
                rule: "voter list: excluded".into(),
                reason: "you are excluded from this election's voter list".into(),
            }
        } else {
            Eligibility::NotEligible {
                rule: "voter list: not listed".into(),
                reason: "you are not on this election's voter list".into(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> VoterRef {
        VoterRef::parse(s).unwrap()
    }

    fn problems(text: &str, allow_weights: bool) -> Vec<String> {
        VoterList::parse_csv(text, allow_weights)
            .unwrap_err()
            .problems
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_list_with_every_column() {
        let text = "\u{feff}Voter, Email ,weight,action\n\
                    alice@example.org,,2,\n\
                    Bob,bob@example.org,,include\n\
                    \n\
                    Mallory,,,exclude\n\
                    \"Carol, PhD\",carol@example.org,1,INCLUDE\n";
        let list = VoterList::parse_csv(text, true).unwrap();
        assert_eq!(list.len(), 3);
        let alice = list.get(&v("alice@example.org")).unwrap();
        assert_eq!(alice.weight, 2);
        assert_eq!(alice.contact().unwrap().as_str(), "alice@example.org");
        assert_eq!(
            list.get(&v("Bob")).unwrap().contact().unwrap().as_str(),
            "bob@example.org"
        );
        assert!(list.get(&v("Carol, PhD")).is_some());
        assert!(list.is_excluded(&v("Mallory")));
        assert_eq!(list.get(&v("Mallory")), None);
    }

    #[test]
    fn a_language_column_names_each_voters_language() {
        let text =
            "voter,email,language\nann,ann@example.org,ar\nbob,bob@example.org,\ncy,,zh-Hant\n";
        let list = VoterList::parse_csv(text, false).unwrap();
        let lang = |name: &str| {
            list.get(&v(name))
                .unwrap()
                .language
                .as_ref()
                .map(|l| l.as_str().to_owned())
        };
        assert_eq!(lang("ann").as_deref(), Some("ar"));
        assert_eq!(lang("bob"), None);
        assert_eq!(lang("cy").as_deref(), Some("zh-Hant"));
        // A tag that is not one names its line and column.
        let bad = problems("voter,lang\nann,not a tag!\n", false);
        assert_eq!(bad.len(), 1);
        assert!(bad[0].starts_with("line 2, column 2 (language)"), "{bad:?}");
        // Listed twice with two languages: the difference is named.
        let twice = problems("voter,language\nann,ar\nann,zh\n", false);
        assert!(twice[0].contains("language ar and zh"), "{twice:?}");
    }

    #[test]
    fn exclude_wins_wherever_it_is_and_duplicates_merge() {
        let text = "voter;action\nbob;exclude\nbob;\nann\nann\n";
        let list = VoterList::parse_csv(text, false).unwrap();
        assert_eq!(
            list.iter().map(|e| e.voter.as_str()).collect::<Vec<_>>(),
            ["ann"]
        );
        assert!(list.is_excluded(&v("bob")));
    }

    #[test]
    fn errors_name_line_and_column() {
        let text = "voter,email,weight\n\
                    alice,,0\n\
                    bob,not-an-address,1\n\
                    ,x@example.org,1\n\
                    carol,,2\n\
                    carol,,3\n\
                    dan,,1,extra\n";
        assert_eq!(
            problems(text, true),
            vec![
                "line 2, column 3 (weight): \"0\" is not a weight: use a whole number from 1 to 1000000",
                "line 3, column 2 (email): \"not-an-address\" is not an e-mail address",
                "line 4, column 1 (voter): the voter is empty",
                "line 6: carol is also listed on line 5 with other details (weight 2 and 3); list each voter once",
                "line 7: 4 fields, but the header names 3 columns",
            ]
        );
    }

    #[test]
    fn header_problems() {
        assert_eq!(
            problems("voter,weight\nalice,2\n", false),
            [
                "line 1, column 2 (weight): this election does not allow weights; remove the weight column"
            ]
        );
        assert_eq!(
            problems("name,mail\nalice,a@b.org\n", false),
            [
                "line 1: column 1: unknown column \"name\" (expected voter, email, weight, action, language)",
                "line 1: column 2: unknown column \"mail\" (expected voter, email, weight, action, language)",
                "line 1: no voter column: the header must name a column \"voter\"",
            ]
        );
        assert_eq!(
            problems("voter,VOTER\n", false),
            ["line 1, column 2 (voter): the column voter is also column 1"]
        );
        assert_eq!(
            problems("", false),
            ["line 1: the file is empty: expected a header row such as \"voter,email,weight\""]
        );
        assert_eq!(
            problems("voter,action\nann,remove\n", false),
            ["line 2, column 2 (action): \"remove\" is not an action: use include or exclude"]
        );
    }

    #[test]
    fn many_problems_are_capped() {
        let mut text = String::from("voter,weight\n");
        for _ in 0..60 {
            text.push_str("x,0\n");
        }
        let err = VoterList::parse_csv(&text, true).unwrap_err();
        assert_eq!(err.problems.len(), MAX_REPORTED);
        assert_eq!(err.more, 10);
        assert!(err.to_string().ends_with("… and 10 more problems"));
    }

    #[test]
    fn merge_adds_and_refuses_conflicts() {
        let mut list = VoterList::parse_csv("voter,weight\nann,1\nbob,2\n", true).unwrap();
        let more = VoterList::parse_csv("voter,weight\ncy,1\nann,1\n", true).unwrap();
        assert_eq!(list.merge(more).unwrap(), 1);
        assert_eq!(list.len(), 3);
        let conflict = VoterList::parse_csv("voter,weight\nbob,3\n", true).unwrap();
        assert_eq!(
            list.merge(conflict).unwrap_err().to_string(),
            "bob is already listed with other details (weight 2 and 3)"
        );
        let exclusion = VoterList::parse_csv("voter,action\ncy,exclude\n", true).unwrap();
        list.merge(exclusion).unwrap();
        assert_eq!(list.len(), 2);
    }

    #[test]
    fn list_source_answers_eligibility() {
        let list =
            VoterList::parse_csv("voter,weight,action\nann,3,\nbob,,exclude\n", true).unwrap();
        let source = ListSource { list };
        let sources: Vec<&dyn EligibilitySource> = vec![&source];
        assert_eq!(sources[0].name(), "voter list");
        assert_eq!(source.check(&v("ann")), Eligibility::Eligible { weight: 3 });
        assert!(
            matches!(source.check(&v("bob")), Eligibility::NotEligible { rule, .. } if rule == "voter list: excluded")
        );
        assert!(
            matches!(source.check(&v("cy")), Eligibility::NotEligible { rule, .. } if rule == "voter list: not listed")
        );
    }

    #[test]
    fn emails_and_voters_are_checked_for_shape() {
        for ok in ["a@b.org", "first.last+tag@sub.example.co.uk"] {
            assert!(Email::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "a",
            "@b.org",
            "a@b",
            "a@.org",
            "a@b.",
            "a b@c.org",
            "a@b@c.org",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(VoterRef::parse("  Ann  ").unwrap().as_str(), "Ann");
        assert!(VoterRef::parse("a\u{0}b").is_err());
        assert!(VoterRef::parse(&"x".repeat(256)).is_err());
    }
}
