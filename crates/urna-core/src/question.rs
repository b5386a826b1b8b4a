//! Questions and their candidates (or options): what is asked, how voters answer (the
//! [`BallotType`]) and how the answers are counted (a [`urna_tally::Method`] with its options).
//!
//! A [`Question`] is a checked [`QuestionSpec`]: it can only be built through
//! `Question::try_from(spec)`, which checks that the method can count the ballot type, that
//! there are enough candidates for the seats, and that ids are unique. Read its fields through
//! `Deref` to the spec; change it only through the election's operations, which keep the
//! checks.
//!
//! Candidates have stable ids chosen by the admin (`ann`, `opt-2`): ballots name candidates by
//! id, never by position, so that re-ordering or shuffling the display changes nothing.

use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Serialize};
use thiserror::Error;
use urna_tally::{Decimal, Method};

use crate::text::{TextError, Texts};

/// The most options (candidates) a question may have. Ballots encode an option as one byte.
pub const MAX_OPTIONS: usize = 200;

/// The widest score range: `max - min` at most 254, so that a score and "blank" fit one byte
/// of the ballot encoding. 0–100 fits; wider ranges are not a ballot a person fills in.
pub const MAX_SCORE_SPAN: i64 = 254;

/// The longest id (question or candidate).
const MAX_ID_LEN: usize = 64;

macro_rules! id_newtype {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Checks the id: 1–64 ASCII letters, digits, `-` or `_`.
            pub fn parse(id: &str) -> Result<$name, QuestionError> {
                let ok = !id.is_empty()
                    && id.len() <= MAX_ID_LEN
                    && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
                if ok {
                    Ok($name(id.to_owned()))
                } else {
                    Err(QuestionError::BadId { what: $what, id: id.to_owned() })
                }
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = QuestionError;
            fn try_from(s: String) -> Result<$name, QuestionError> {
                $name::parse(&s)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }
    };
}

id_newtype!(
    /// A question's id, unique within its election.
    QuestionId,
    "question"
);
id_newtype!(
    /// A candidate's (option's) id, unique within its question and stable for its life.
    CandidateId,
    "candidate"
);

/// How a voter answers a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BallotType {
    /// Pick one option (or abstain).
    ChooseOne,
    /// Approve between `min` and `max` options.
    Approval { min: usize, max: usize },
    /// Give each option a whole score in `min..=max` or leave it blank. Support/neutral/oppose
    /// is `min: -1, max: 1`.
    Score { min: i64, max: i64 },
    /// Rank options, most preferred first. `max_ranks` caps the number of options ranked
    /// (`None`: all may be ranked); `allow_equal` lets several options share a rank.
    Ranked {
        max_ranks: Option<usize>,
        allow_equal: bool,
    },
}

impl BallotType {
    /// A short English name for messages.
    pub fn describe(&self) -> &'static str {
        match self {
            BallotType::ChooseOne => "choose one",
            BallotType::Approval { .. } => "approval",
            BallotType::Score { .. } => "score",
            BallotType::Ranked { .. } => "ranked",
        }
    }
}

/// A percentage with up to two decimals (`66.67`), kept as hundredths of a percent so that it
/// is exact. JSON: a string, `"66.67"`, to keep floating point out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Percent(u32);

impl Percent {
    /// `hundredths` / 100 percent; at most 100 %.
    pub fn from_hundredths(hundredths: u32) -> Result<Percent, QuestionError> {
        if hundredths > 10_000 {
            return Err(QuestionError::BadPercent(format!("{hundredths}/100")));
        }
        Ok(Percent(hundredths))
    }

    /// Reads `50`, `66.7` or `66.67` (0 to 100).
    pub fn parse(text: &str) -> Result<Percent, QuestionError> {
        let bad = || QuestionError::BadPercent(text.to_owned());
        let t = text.trim().trim_end_matches('%');
        let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
        if whole.is_empty()
            || whole.len() > 3
            || frac.len() > 2
            || !whole
                .bytes()
                .chain(frac.bytes())
                .all(|b| b.is_ascii_digit())
        {
            return Err(bad());
        }
        let whole: u32 = whole.parse().map_err(|_| bad())?;
        let frac: u32 = format!("{frac:0<2}").parse().map_err(|_| bad())?;
        Percent::from_hundredths(whole * 100 + frac).map_err(|_| bad())
    }

    pub fn hundredths(self) -> u32 {
        self.0
    }

    /// As the counting engine takes it.
    pub fn to_decimal(self) -> Decimal {
        Decimal::new(i128::from(self.0), 2)
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 % 100 {
            0 => write!(f, "{}", self.0 / 100),
            r if r % 10 == 0 => write!(f, "{}.{}", self.0 / 100, r / 10),
            r => write!(f, "{}.{:02}", self.0 / 100, r),
        }
    }
}

impl TryFrom<String> for Percent {
    type Error = QuestionError;
    fn try_from(s: String) -> Result<Percent, QuestionError> {
        Percent::parse(&s)
    }
}

impl From<Percent> for String {
    fn from(p: Percent) -> String {
        p.to_string()
    }
}

/// One candidate or option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub id: CandidateId,
    pub name: Texts,
    /// Withdrawn candidates stay on ballots already cast; the count skips them.
    #[serde(default)]
    pub withdrawn: bool,
}

/// A question as the JSON API and the store exchange it, before checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionSpec {
    pub id: QuestionId,
    pub title: Texts,
    pub description: Option<Texts>,
    pub ballot_type: BallotType,
    #[serde(with = "method_by_name")]
    pub method: Method,
    pub seats: usize,
    /// Minimum share S/(S+O) for the `son` method, in percent (default 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_share: Option<Percent>,
    /// Seed of the lot that breaks ties; `None`: a digest of the ballots (see urna-tally).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tie_seed: Option<u64>,
    pub options: Vec<Candidate>,
    /// Show the options in a random order to each voter.
    #[serde(default)]
    pub shuffle_options: bool,
}

/// A checked question; read it through `Deref<Target = QuestionSpec>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "QuestionSpec", into = "QuestionSpec")]
pub struct Question(QuestionSpec);

impl Deref for Question {
    type Target = QuestionSpec;
    fn deref(&self) -> &QuestionSpec {
        &self.0
    }
}

impl From<Question> for QuestionSpec {
    fn from(q: Question) -> QuestionSpec {
        q.0
    }
}

impl TryFrom<QuestionSpec> for Question {
    type Error = QuestionError;
    fn try_from(spec: QuestionSpec) -> Result<Question, QuestionError> {
        check(&spec)?;
        Ok(Question(spec))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QuestionError {
    #[error("{id:?} is not a valid {what} id (1–64 letters, digits, '-' or '_')")]
    BadId { what: &'static str, id: String },
    #[error("{0:?} is not a percentage from 0 to 100 with at most two decimals")]
    BadPercent(String),
    #[error("question {question}: {what}: {source}")]
    Text {
        question: QuestionId,
        what: String,
        source: TextError,
    },
    #[error("question {question}: the {method} method cannot count {ballot} ballots; {hint}")]
    MethodBallotMismatch {
        question: QuestionId,
        method: Method,
        ballot: &'static str,
        hint: &'static str,
    },
    #[error("question {question}: {message}")]
    BadBallotType {
        question: QuestionId,
        message: String,
    },
    #[error("question {question}: seats must be at least 1")]
    NoSeats { question: QuestionId },
    #[error("question {question}: there are no options")]
    NoOptions { question: QuestionId },
    #[error(
        "question {question}: {seats} seats need at least {seats} options, but there are {options}"
    )]
    TooFewOptions {
        question: QuestionId,
        seats: usize,
        options: usize,
    },
    #[error("question {question}: {options} options is more than the {MAX_OPTIONS} supported")]
    TooManyOptions {
        question: QuestionId,
        options: usize,
    },
    #[error("question {question}: two options have the id {candidate}")]
    DuplicateCandidate {
        question: QuestionId,
        candidate: CandidateId,
    },
    #[error("question {question}: a minimum share applies only to the son method, not {method}")]
    MinShareWithoutSon {
        question: QuestionId,
        method: Method,
    },
    #[error("two questions have the id {0}")]
    DuplicateQuestion(QuestionId),
    #[error("question {question} has no option {candidate}")]
    UnknownCandidate {
        question: QuestionId,
        candidate: CandidateId,
    },
    #[error("there is no question {0}")]
    UnknownQuestion(QuestionId),
    #[error("question {question}: {candidate} is the last standing option and cannot be withdrawn")]
    LastStanding {
        question: QuestionId,
        candidate: CandidateId,
    },
}

fn check(q: &QuestionSpec) -> Result<(), QuestionError> {
    let id = || q.id.clone();
    let text_err = |what: &str, source| QuestionError::Text {
        question: id(),
        what: what.to_owned(),
        source,
    };
    q.title
        .require_default_text()
        .map_err(|e| text_err("the title", e))?;
    check_method(q)?;
    if q.seats == 0 {
        return Err(QuestionError::NoSeats { question: id() });
    }
    let n = q.options.len();
    if n == 0 {
        return Err(QuestionError::NoOptions { question: id() });
    }
    if n > MAX_OPTIONS {
        return Err(QuestionError::TooManyOptions {
            question: id(),
            options: n,
        });
    }
    if n < q.seats {
        return Err(QuestionError::TooFewOptions {
            question: id(),
            seats: q.seats,
            options: n,
        });
    }
    let mut seen = HashSet::new();
    for c in &q.options {
        if !seen.insert(&c.id) {
            return Err(QuestionError::DuplicateCandidate {
                question: id(),
                candidate: c.id.clone(),
            });
        }
        c.name
            .require_default_text()
            .map_err(|e| text_err(&format!("the name of option {}", c.id), e))?;
    }
    if q.min_share.is_some() && q.method != Method::Son {
        return Err(QuestionError::MinShareWithoutSon {
            question: id(),
            method: q.method,
        });
    }
    check_ballot_type(q)
}

/// Whether `method` can count ballots of `ballot_type` (the one rule [`Question`] checks;
/// forms use it to offer only the methods that fit).
pub fn method_fits(method: Method, ballot_type: &BallotType) -> bool {
    use BallotType as B;
    use Method as M;
    match method {
        M::Plurality | M::Block => matches!(ballot_type, B::ChooseOne | B::Ranked { .. }),
        M::Approval => matches!(ballot_type, B::Approval { .. }),
        M::Score | M::Mj => matches!(ballot_type, B::Score { .. }),
        M::Star => matches!(ballot_type, B::Score { min: 0, max: 5 }),
        M::Son => matches!(ballot_type, B::Score { min: -1, max: 1 }),
        M::Schulze
        | M::RankedPairs
        | M::Minimax
        | M::Irv
        | M::Meek
        | M::MeekPrf
        | M::ScottishStv
        | M::Ers97
        | M::Wigm => matches!(ballot_type, B::Ranked { .. }),
    }
}

fn check_method(q: &QuestionSpec) -> Result<(), QuestionError> {
    use Method as M;
    if method_fits(q.method, &q.ballot_type) {
        return Ok(());
    }
    let hint = match q.method {
        M::Plurality | M::Block => "use a choose-one or ranked ballot",
        M::Approval => "use an approval ballot",
        M::Score | M::Mj => "use a score ballot",
        M::Star => "STAR uses a score ballot from 0 to 5",
        M::Son => "support/oppose/neutral uses a score ballot from -1 to 1",
        _ => "use a ranked ballot",
    };
    Err(QuestionError::MethodBallotMismatch {
        question: q.id.clone(),
        method: q.method,
        ballot: q.ballot_type.describe(),
        hint,
    })
}

fn check_ballot_type(q: &QuestionSpec) -> Result<(), QuestionError> {
    let n = q.options.len();
    let message = match q.ballot_type {
        BallotType::ChooseOne => None,
        BallotType::Approval { min, max } => {
            if max == 0 {
                Some("an approval ballot must allow at least one approval (max ≥ 1)".to_owned())
            } else if min > max {
                Some(format!(
                    "the minimum number of approvals ({min}) is above the maximum ({max})"
                ))
            } else if max > n {
                Some(format!(
                    "the maximum number of approvals ({max}) is above the number of options ({n})"
                ))
            } else {
                None
            }
        }
        BallotType::Score { min, max } => {
            if min >= max {
                Some(format!(
                    "the score range {min}..{max} is empty or a single value"
                ))
            } else if max
                .checked_sub(min)
                .is_none_or(|span| span > MAX_SCORE_SPAN)
            {
                Some(format!(
                    "the score range {min}..{max} is too wide (at most {} distinct scores)",
                    MAX_SCORE_SPAN + 1
                ))
            } else {
                None
            }
        }
        BallotType::Ranked { max_ranks, .. } => match max_ranks {
            Some(0) => Some("max_ranks must be at least 1 (or none for no limit)".to_owned()),
            Some(m) if m > n => Some(format!(
                "max_ranks ({m}) is above the number of options ({n})"
            )),
            _ => None,
        },
    };
    match message {
        Some(message) => Err(QuestionError::BadBallotType {
            question: q.id.clone(),
            message,
        }),
        None => Ok(()),
    }
}

impl Question {
    /// The position of a candidate in the option list.
    pub fn option_index(&self, candidate: &CandidateId) -> Option<usize> {
        self.options.iter().position(|c| c.id == *candidate)
    }

    pub fn candidate(&self, candidate: &CandidateId) -> Option<&Candidate> {
        self.options.iter().find(|c| c.id == *candidate)
    }

    /// The candidate's name in the default language, or its id if unknown (for messages).
    pub fn candidate_name(&self, candidate: &CandidateId) -> String {
        self.candidate(candidate).map_or_else(
            || candidate.to_string(),
            |c| c.name.default_text().to_owned(),
        )
    }

    /// The order to show the options in: option indices, shuffled afresh (uniformly, from the
    /// operating system's random source) when `shuffle_options` is set, else as listed.
    pub fn display_order(&self) -> Result<Vec<usize>, getrandom::Error> {
        let mut order: Vec<usize> = (0..self.options.len()).collect();
        if self.shuffle_options {
            // Fisher–Yates with rejection sampling, so that every order is equally likely.
            for i in (1..order.len()).rev() {
                let bound = i as u64 + 1;
                let zone = u64::MAX - u64::MAX % bound;
                let j = loop {
                    let r = getrandom::u64()?;
                    if r < zone {
                        break (r % bound) as usize;
                    }
                };
                order.swap(i, j);
            }
        }
        Ok(order)
    }

    /// Marks a candidate withdrawn. Refused for the last standing one: a count needs someone
    /// to stand. Withdrawing twice is not an error and changes nothing (returns `false`).
    pub(crate) fn withdraw(&mut self, candidate: &CandidateId) -> Result<bool, QuestionError> {
        let index =
            self.option_index(candidate)
                .ok_or_else(|| QuestionError::UnknownCandidate {
                    question: self.id.clone(),
                    candidate: candidate.clone(),
                })?;
        if self.0.options[index].withdrawn {
            return Ok(false);
        }
        if self.options.iter().filter(|c| !c.withdrawn).count() == 1 {
            return Err(QuestionError::LastStanding {
                question: self.id.clone(),
                candidate: candidate.clone(),
            });
        }
        self.0.options[index].withdrawn = true;
        Ok(true)
    }

    /// The title, to change its versions. Texts never affect the question's checks except
    /// that the default version of a title or name must stay non-blank, which the caller
    /// checks.
    pub(crate) fn texts_mut_title(&mut self) -> &mut Texts {
        &mut self.0.title
    }

    /// The description, created empty in `lang` if there was none.
    pub(crate) fn texts_mut_description(&mut self, lang: &crate::text::Lang) -> &mut Texts {
        self.0
            .description
            .get_or_insert_with(|| Texts::new(lang.clone(), ""))
    }

    /// A candidate's name.
    pub(crate) fn texts_mut_candidate(&mut self, id: &CandidateId) -> Option<&mut Texts> {
        self.0
            .options
            .iter_mut()
            .find(|c| c.id == *id)
            .map(|c| &mut c.name)
    }
}

/// Serialises a [`Method`] by its name (`"meek"`, `"ranked-pairs"`): urna-tally's own
/// `FromStr`/`Display`, so the names match the command line and the reports.
mod method_by_name {
    use serde::{Deserialize, Deserializer, Serializer, de::Error as _};
    use urna_tally::Method;

    pub fn serialize<S: Serializer>(m: &Method, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(m.name())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Method, D::Error> {
        let name = String::deserialize(d)?;
        name.parse().map_err(D::Error::custom)
    }
}

#[cfg(test)]
pub(crate) mod test_util {
    use super::*;
    use crate::text::lang;

    pub fn cand(id: &str, name: &str) -> Candidate {
        Candidate {
            id: CandidateId::parse(id).unwrap(),
            name: Texts::new(lang("en"), name),
            withdrawn: false,
        }
    }

    pub fn cid(id: &str) -> CandidateId {
        CandidateId::parse(id).unwrap()
    }

    pub fn spec(
        id: &str,
        ballot_type: BallotType,
        method: Method,
        seats: usize,
        names: &[&str],
    ) -> QuestionSpec {
        QuestionSpec {
            id: QuestionId::parse(id).unwrap(),
            title: Texts::new(lang("en"), format!("Question {id}")),
            description: None,
            ballot_type,
            method,
            seats,
            min_share: None,
            tie_seed: None,
            options: names
                .iter()
                .map(|n| cand(&n.to_ascii_lowercase(), n))
                .collect(),
            shuffle_options: false,
        }
    }

    pub fn question(
        id: &str,
        ballot_type: BallotType,
        method: Method,
        seats: usize,
        names: &[&str],
    ) -> Question {
        Question::try_from(spec(id, ballot_type, method, seats, names)).unwrap()
    }

    pub const RANKED: BallotType = BallotType::Ranked {
        max_ranks: None,
        allow_equal: false,
    };
}

#[cfg(test)]
mod tests {
    use super::test_util::*;
    use super::*;

    fn err(spec: QuestionSpec) -> String {
        Question::try_from(spec).unwrap_err().to_string()
    }

    #[test]
    fn methods_accept_only_the_ballots_they_count() {
        use BallotType as B;
        let approval = B::Approval { min: 0, max: 2 };
        let score5 = B::Score { min: 0, max: 5 };
        let son = B::Score { min: -1, max: 1 };
        let ok = [
            (B::ChooseOne, Method::Plurality),
            (RANKED, Method::Plurality),
            (B::ChooseOne, Method::Block),
            (RANKED, Method::Meek),
            (RANKED, Method::Schulze),
            (approval, Method::Approval),
            (score5, Method::Score),
            (score5, Method::Star),
            (score5, Method::Mj),
            (son, Method::Son),
            (son, Method::Score),
        ];
        for (b, m) in ok {
            let r = Question::try_from(spec("q", b, m, 1, &["A", "B"]));
            assert!(r.is_ok(), "{m} with {b:?}: {r:?}");
        }
        let bad = [
            (B::ChooseOne, Method::Meek),
            (approval, Method::Schulze),
            (score5, Method::Approval),
            (RANKED, Method::Score),
            (B::Score { min: 0, max: 10 }, Method::Star),
            (score5, Method::Son),
            (approval, Method::Plurality),
        ];
        for (b, m) in bad {
            assert!(
                matches!(
                    Question::try_from(spec("q", b, m, 1, &["A", "B"])),
                    Err(QuestionError::MethodBallotMismatch { .. })
                ),
                "{m} with {b:?}"
            );
        }
        assert_eq!(
            err(spec("q1", B::ChooseOne, Method::Meek, 1, &["A", "B"])),
            "question q1: the meek method cannot count choose one ballots; use a ranked ballot"
        );
        assert_eq!(
            err(spec("q1", score5, Method::Son, 1, &["A", "B"])),
            "question q1: the son method cannot count score ballots; support/oppose/neutral uses a score ballot from -1 to 1"
        );
    }

    #[test]
    fn seats_options_and_ids_are_checked() {
        assert_eq!(
            err(spec("q", RANKED, Method::Meek, 0, &["A"])),
            "question q: seats must be at least 1"
        );
        assert_eq!(
            err(spec("q", RANKED, Method::Meek, 1, &[])),
            "question q: there are no options"
        );
        assert_eq!(
            err(spec("q", RANKED, Method::Meek, 3, &["A", "B"])),
            "question q: 3 seats need at least 3 options, but there are 2"
        );
        assert_eq!(
            err(spec("q", RANKED, Method::Meek, 1, &["A", "B", "a"])),
            "question q: two options have the id a"
        );
        let many: Vec<String> = (0..201).map(|i| format!("c{i}")).collect();
        let names: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(
            err(spec("q", RANKED, Method::Meek, 1, &names)),
            "question q: 201 options is more than the 200 supported"
        );
        assert!(Question::try_from(spec("q", RANKED, Method::Meek, 1, &names[..200])).is_ok());
        assert!(CandidateId::parse("ann smith").is_err());
        assert!(CandidateId::parse(&"a".repeat(65)).is_err());
        assert_eq!(
            QuestionId::parse("").unwrap_err().to_string(),
            "\"\" is not a valid question id (1–64 letters, digits, '-' or '_')"
        );
    }

    #[test]
    fn ballot_type_parameters_are_checked() {
        let e = |b| err(spec("q", b, Method::Approval, 1, &["A", "B", "C"]));
        assert_eq!(
            e(BallotType::Approval { min: 2, max: 1 }),
            "question q: the minimum number of approvals (2) is above the maximum (1)"
        );
        assert_eq!(
            e(BallotType::Approval { min: 0, max: 4 }),
            "question q: the maximum number of approvals (4) is above the number of options (3)"
        );
        let s = |min, max| {
            err(spec(
                "q",
                BallotType::Score { min, max },
                Method::Score,
                1,
                &["A"],
            ))
        };
        assert_eq!(
            s(3, 3),
            "question q: the score range 3..3 is empty or a single value"
        );
        assert_eq!(
            s(0, 255),
            "question q: the score range 0..255 is too wide (at most 255 distinct scores)"
        );
        assert!(
            Question::try_from(spec(
                "q",
                BallotType::Score {
                    min: -127,
                    max: 127
                },
                Method::Score,
                1,
                &["A"]
            ))
            .is_ok()
        );
        assert_eq!(
            s(i64::MIN, i64::MAX),
            format!(
                "question q: the score range {}..{} is too wide (at most 255 distinct scores)",
                i64::MIN,
                i64::MAX
            )
        );
        let r = BallotType::Ranked {
            max_ranks: Some(4),
            allow_equal: false,
        };
        assert_eq!(
            err(spec("q", r, Method::Irv, 1, &["A", "B", "C"])),
            "question q: max_ranks (4) is above the number of options (3)"
        );
    }

    #[test]
    fn min_share_belongs_to_son() {
        let mut s = spec("q", RANKED, Method::Meek, 1, &["A", "B"]);
        s.min_share = Some(Percent::parse("60").unwrap());
        assert_eq!(
            err(s),
            "question q: a minimum share applies only to the son method, not meek"
        );
    }

    #[test]
    fn percentages_are_exact() {
        assert_eq!(Percent::parse("66.67").unwrap().hundredths(), 6667);
        assert_eq!(Percent::parse("66.7").unwrap().hundredths(), 6670);
        assert_eq!(Percent::parse("50%").unwrap().hundredths(), 5000);
        assert_eq!(Percent::parse("100").unwrap().to_string(), "100");
        assert_eq!(Percent::parse("66.70").unwrap().to_string(), "66.7");
        assert_eq!(Percent::parse("0.05").unwrap().to_string(), "0.05");
        assert_eq!(
            Percent::parse("66.67").unwrap().to_decimal().to_string(),
            "66.67"
        );
        for bad in ["", "100.01", "-1", "1.234", "1e2", ".5", "abc", "1000"] {
            assert!(Percent::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn json_round_trip_names_methods_and_checks_on_the_way_in() {
        let mut s = spec(
            "arbcom",
            BallotType::Score { min: -1, max: 1 },
            Method::Son,
            2,
            &["Ann", "Bob", "Cy"],
        );
        s.min_share = Some(Percent::parse("50").unwrap());
        s.tie_seed = Some(42);
        let q = Question::try_from(s).unwrap();
        let json = serde_json::to_value(&q).unwrap();
        assert_eq!(json["method"], "son");
        assert_eq!(
            json["ballot_type"],
            serde_json::json!({"type": "score", "min": -1, "max": 1})
        );
        assert_eq!(json["min_share"], "50");
        let back: Question = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(back, q);

        let mut broken = json;
        broken["seats"] = 5.into();
        let e = serde_json::from_value::<Question>(broken)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("5 seats need at least 5 options, but there are 3"),
            "{e}"
        );
    }

    #[test]
    fn display_order_is_a_permutation_and_shuffles_only_when_asked() {
        let names: Vec<String> = (0..70).map(|i| format!("c{i}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut s = spec("q", RANKED, Method::Meek, 1, &refs);
        let fixed = Question::try_from(s.clone()).unwrap();
        assert_eq!(fixed.display_order().unwrap(), (0..70).collect::<Vec<_>>());
        s.shuffle_options = true;
        let shuffled = Question::try_from(s).unwrap();
        let a = shuffled.display_order().unwrap();
        let mut sorted = a.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..70).collect::<Vec<_>>());
        // Two shuffles of 70 agree with probability 1/70!, and one equals the listed order
        // with the same probability.
        assert_ne!(a, shuffled.display_order().unwrap());
        assert_ne!(a, (0..70).collect::<Vec<_>>());
    }

    #[test]
    fn withdrawing_keeps_one_candidate_standing() {
        let mut q = question("q", RANKED, Method::Irv, 1, &["A", "B"]);
        assert!(q.withdraw(&cid("a")).unwrap());
        assert!(
            !q.withdraw(&cid("a")).unwrap(),
            "second time changes nothing"
        );
        assert_eq!(
            q.withdraw(&cid("b")).unwrap_err().to_string(),
            "question q: b is the last standing option and cannot be withdrawn"
        );
        assert!(matches!(
            q.withdraw(&cid("zed")),
            Err(QuestionError::UnknownCandidate { .. })
        ));
    }
}
