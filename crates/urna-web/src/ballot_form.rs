//! Reading a submitted ballot form into a [`PlainBallot`], with errors a voter can act on.
//!
//! The ballot page (see [`crate::ballot_page`]) submits plain HTML form fields, with or without
//! JavaScript, and the confirmation page carries the same fields back in hidden inputs, so one
//! parser serves both. Field names (question and candidate ids are ASCII letters, digits, `-`
//! and `_`, so `.` separates them unambiguously):
//!
//! | field                 | value                         | ballot type                 |
//! |-----------------------|-------------------------------|-----------------------------|
//! | `abstain.<q>`         | anything (a ticked checkbox)  | any                         |
//! | `choice.<q>`          | a candidate id, or `~abstain` | choose one                  |
//! | `approve.<q>`         | a candidate id (repeated)     | approval                    |
//! | `score.<q>.<c>`       | a whole number, or blank      | score                       |
//! | `rank.<q>.<c>`        | a rank (1 = best), or blank   | ranked                      |
//!
//! Ranks become groups of equal ranks: the numbers only order the candidates, so gaps close
//! up (1, 3, 7 is the same as 1, 2, 3), and a number given to several candidates ranks them
//! equally where the question allows it, else it is an error naming them. Digits may be typed
//! in ASCII, Arabic-Indic, Eastern Arabic-Indic or full-width forms (phone keyboards and input
//! methods produce them). After these checks the ballot goes through
//! [`Election::validate_ballot`], and anything it still refuses is reported per question.
//!
//! Every problem is collected (not just the first), kept as data naming candidates by id, and
//! translated when shown ([`AnswerProblem::message`]) so that the names appear in the voter's
//! language. The parser never panics, whatever the fields (tested with proptest).

use std::collections::{BTreeMap, HashMap};

use fluent_bundle::FluentValue;
use urna_core::ballot::{Answer, BallotError, PlainBallot, ProblemKind};
use urna_core::election::Election;
use urna_core::question::{BallotType, CandidateId, Question, QuestionId};
use urna_core::text::Lang;

use crate::i18n::Translator;

/// The `choice.<q>` value that abstains (`~` cannot occur in a candidate id).
pub const ABSTAIN_CHOICE: &str = "~abstain";

/// Fields that forms carry besides the ballot; they are skipped.
const NON_BALLOT_FIELDS: &[&str] = &["csrf_token", "action"];

/// The longest typed value echoed back in a message (longer values are cut).
const MAX_ECHO_CHARS: usize = 24;

pub fn abstain_field(q: &QuestionId) -> String {
    format!("abstain.{q}")
}

pub fn choice_field(q: &QuestionId) -> String {
    format!("choice.{q}")
}

pub fn approve_field(q: &QuestionId) -> String {
    format!("approve.{q}")
}

pub fn score_field(q: &QuestionId, c: &CandidateId) -> String {
    format!("score.{q}.{c}")
}

pub fn rank_field(q: &QuestionId, c: &CandidateId) -> String {
    format!("rank.{q}.{c}")
}

/// Everything wrong with a submitted ballot form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BallotFormErrors {
    /// Problems with the form as a whole.
    pub form: Vec<FormProblem>,
    /// Problems with answers, in ballot order; only questions with problems appear.
    pub questions: Vec<QuestionErrors>,
}

impl BallotFormErrors {
    pub fn is_empty(&self) -> bool {
        self.form.is_empty() && self.questions.is_empty()
    }

    /// The problems of the question at `index` (0-based), if any.
    pub fn for_question(&self, index: usize) -> &[AnswerProblem] {
        self.questions
            .iter()
            .find(|q| q.index == index)
            .map_or(&[], |q| q.problems.as_slice())
    }
}

/// The problems with one question's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionErrors {
    /// 0-based position of the question on the ballot.
    pub index: usize,
    pub question: QuestionId,
    pub problems: Vec<AnswerProblem>,
}

/// A problem with the form itself: what a browser showing our page never sends.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormProblem {
    #[error("the field {name:?} belongs to no question of this ballot")]
    UnknownField { name: String },
    /// The election's own check refused the ballot as a whole (urna-core's English message).
    #[error("{detail}")]
    Rejected { detail: String },
}

impl FormProblem {
    pub fn message(&self, tr: &Translator) -> String {
        match self {
            FormProblem::UnknownField { .. } => tr.t("ballot-error-unknown-field"),
            FormProblem::Rejected { detail } => tr.t_args(
                "ballot-error-other",
                &[("detail", FluentValue::from(detail.clone()))],
            ),
        }
    }
}

/// What a rank or score field holds that is not acceptable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberField {
    Rank,
    Score,
}

/// A problem with the answer to one question. Candidates are named by id and translated
/// when shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerProblem {
    #[error("no option chosen and not abstaining")]
    NoChoice,
    #[error("abstaining and answering at once")]
    AbstainAndAnswer,
    #[error("more than one option chosen")]
    SeveralChoices,
    #[error("{value:?} is not an option of this question")]
    UnknownOption { value: String },
    #[error("{candidate} has withdrawn")]
    Withdrawn { candidate: CandidateId },
    #[error("{candidate} appears twice in the form")]
    Repeated { candidate: CandidateId },
    #[error("the {field:?} of {candidate} is not a whole number: {value:?}")]
    NotANumber {
        field: NumberField,
        candidate: CandidateId,
        value: String,
    },
    #[error("the rank of {candidate} must be between 1 and {max}, not {value}")]
    RankOutOfRange {
        candidate: CandidateId,
        value: String,
        max: usize,
    },
    #[error("the score of {candidate} must be between {min} and {max}, not {value}")]
    ScoreOutOfRange {
        candidate: CandidateId,
        value: String,
        min: i64,
        max: i64,
    },
    #[error("rank {rank} is given to several candidates: {candidates:?}")]
    EqualRanks {
        rank: u64,
        candidates: Vec<CandidateId>,
    },
    #[error("fewer than {min} approvals")]
    TooFewApprovals { min: usize },
    #[error("more than {max} approvals")]
    TooManyApprovals { max: usize },
    #[error("more than {max} candidates ranked")]
    TooManyRanked { max: usize },
    /// Something the election's own check refused that the form checks did not foresee;
    /// `detail` is urna-core's English message.
    #[error("{detail}")]
    Other { detail: String },
}

impl AnswerProblem {
    /// The candidate this problem is about, to mark that candidate's input.
    pub fn candidate(&self) -> Option<&CandidateId> {
        match self {
            AnswerProblem::Withdrawn { candidate }
            | AnswerProblem::Repeated { candidate }
            | AnswerProblem::NotANumber { candidate, .. }
            | AnswerProblem::RankOutOfRange { candidate, .. }
            | AnswerProblem::ScoreOutOfRange { candidate, .. } => Some(candidate),
            _ => None,
        }
    }

    /// The message shown to the voter, in the translator's language; candidate names come
    /// from the question in the voter's language chain.
    pub fn message(&self, tr: &Translator, question: &Question, chain: &[Lang]) -> String {
        let name = |c: &CandidateId| -> String {
            question
                .candidate(c)
                .map_or_else(|| c.to_string(), |cand| cand.name.get(chain).to_owned())
        };
        let s = |v: &str| FluentValue::from(v.to_owned());
        match self {
            AnswerProblem::NoChoice => tr.t("ballot-error-no-choice"),
            AnswerProblem::AbstainAndAnswer => tr.t("ballot-error-abstain-and-answer"),
            AnswerProblem::SeveralChoices => tr.t("ballot-error-several-choices"),
            AnswerProblem::UnknownOption { value } => {
                tr.t_args("ballot-error-unknown-option", &[("value", s(&echo(value)))])
            }
            AnswerProblem::Withdrawn { candidate } => {
                tr.t_args("ballot-error-withdrawn", &[("name", s(&name(candidate)))])
            }
            AnswerProblem::Repeated { candidate } => {
                tr.t_args("ballot-error-repeated", &[("name", s(&name(candidate)))])
            }
            AnswerProblem::NotANumber {
                field,
                candidate,
                value,
            } => tr.t_args(
                match field {
                    NumberField::Rank => "ballot-error-rank-not-number",
                    NumberField::Score => "ballot-error-score-not-number",
                },
                &[("name", s(&name(candidate))), ("value", s(&echo(value)))],
            ),
            AnswerProblem::RankOutOfRange {
                candidate,
                value,
                max,
            } => tr.t_args(
                "ballot-error-rank-out-of-range",
                &[
                    ("name", s(&name(candidate))),
                    ("value", s(&echo(value))),
                    ("max", FluentValue::from(*max)),
                ],
            ),
            AnswerProblem::ScoreOutOfRange {
                candidate,
                value,
                min,
                max,
            } => tr.t_args(
                "ballot-error-score-out-of-range",
                &[
                    ("name", s(&name(candidate))),
                    ("value", s(&echo(value))),
                    ("min", FluentValue::from(*min)),
                    ("max", FluentValue::from(*max)),
                ],
            ),
            AnswerProblem::EqualRanks { rank, candidates } => {
                let names: Vec<String> = candidates.iter().map(name).collect();
                tr.t_args(
                    "ballot-error-equal-ranks",
                    &[
                        ("names", s(&names.join(&tr.t("ballot-list-separator")))),
                        ("rank", FluentValue::from(*rank)),
                    ],
                )
            }
            AnswerProblem::TooFewApprovals { min } => {
                tr.t_args("ballot-error-too-few", &[("min", FluentValue::from(*min))])
            }
            AnswerProblem::TooManyApprovals { max } => {
                tr.t_args("ballot-error-too-many", &[("max", FluentValue::from(*max))])
            }
            AnswerProblem::TooManyRanked { max } => tr.t_args(
                "ballot-error-too-many-ranked",
                &[("max", FluentValue::from(*max))],
            ),
            AnswerProblem::Other { detail } => {
                tr.t_args("ballot-error-other", &[("detail", s(detail))])
            }
        }
    }
}

/// A typed value as echoed in a message: trimmed and cut to a readable length.
fn echo(value: &str) -> String {
    let trimmed = value.trim();
    if trimmed.chars().count() > MAX_ECHO_CHARS {
        let cut: String = trimmed.chars().take(MAX_ECHO_CHARS).collect();
        format!("{cut}…")
    } else {
        trimmed.to_owned()
    }
}

/// The fields of one question, as submitted.
#[derive(Debug, Default)]
struct RawAnswer<'a> {
    abstain: bool,
    choices: Vec<&'a str>,
    approvals: Vec<&'a str>,
    /// (candidate id as submitted, value) for score and rank fields.
    numbers: Vec<(&'a str, &'a str)>,
}

/// Turns submitted form fields into a checked ballot (canonical form), or every problem found.
pub fn parse_ballot_form(
    election: &Election,
    fields: &[(String, String)],
) -> Result<PlainBallot, BallotFormErrors> {
    let questions = election.questions();
    let by_id: HashMap<&str, usize> = questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    let mut raw: Vec<RawAnswer<'_>> = questions.iter().map(|_| RawAnswer::default()).collect();
    let mut errors = BallotFormErrors::default();

    for (name, value) in fields {
        if NON_BALLOT_FIELDS.contains(&name.as_str()) {
            continue;
        }
        if !bucket_field(questions, &by_id, &mut raw, name, value) {
            // Report each unknown name once.
            if !errors
                .form
                .iter()
                .any(|p| matches!(p, FormProblem::UnknownField { name: n } if *n == echo(name)))
            {
                errors
                    .form
                    .push(FormProblem::UnknownField { name: echo(name) });
            }
        }
    }

    let mut answers = Vec::with_capacity(questions.len());
    for (index, (question, raw)) in questions.iter().zip(&raw).enumerate() {
        match answer_of(question, raw) {
            Ok(answer) => answers.push(answer),
            Err(problems) => {
                answers.push(Answer::Abstain);
                errors.questions.push(QuestionErrors {
                    index,
                    question: question.id.clone(),
                    problems,
                });
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    match election.validate_ballot(PlainBallot { answers }) {
        Ok(valid) => Ok(PlainBallot {
            answers: valid.into_answers(),
        }),
        Err(BallotError::Problems(problems)) => {
            for problem in problems {
                let index = problem.number.saturating_sub(1);
                let mapped = match problem.kind {
                    ProblemKind::TooFew(min) => AnswerProblem::TooFewApprovals { min },
                    ProblemKind::TooMany(max) => AnswerProblem::TooManyApprovals { max },
                    ProblemKind::TooManyRanked(max) => AnswerProblem::TooManyRanked { max },
                    other => AnswerProblem::Other {
                        detail: other.to_string(),
                    },
                };
                match errors.questions.iter_mut().find(|q| q.index == index) {
                    Some(q) => q.problems.push(mapped),
                    None => errors.questions.push(QuestionErrors {
                        index,
                        question: problem.question,
                        problems: vec![mapped],
                    }),
                }
            }
            Err(errors)
        }
        // Cannot happen (one answer per question is built above); reported, not assumed.
        Err(other @ BallotError::WrongAnswerCount { .. }) => {
            errors.form.push(FormProblem::Rejected {
                detail: other.to_string(),
            });
            Err(errors)
        }
    }
}

/// Files one field under its question; `false` if it belongs to none (or to the wrong type).
fn bucket_field<'a>(
    questions: &[Question],
    by_id: &HashMap<&str, usize>,
    raw: &mut [RawAnswer<'a>],
    name: &'a str,
    value: &'a str,
) -> bool {
    let Some((kind, rest)) = name.split_once('.') else {
        return false;
    };
    let (question_id, candidate) = match kind {
        "score" | "rank" => match rest.split_once('.') {
            Some((q, c)) => (q, Some(c)),
            None => return false,
        },
        _ => (rest, None),
    };
    let Some(&index) = by_id.get(question_id) else {
        return false;
    };
    let (Some(question), Some(answer)) = (questions.get(index), raw.get_mut(index)) else {
        return false;
    };
    let ballot_type = question.ballot_type;
    match (kind, ballot_type, candidate) {
        ("abstain", _, None) => answer.abstain = true,
        ("choice", BallotType::ChooseOne, None) => {
            if value == ABSTAIN_CHOICE {
                answer.abstain = true;
            } else if !value.is_empty() {
                answer.choices.push(value);
            }
        }
        ("approve", BallotType::Approval { .. }, None) => {
            if !value.is_empty() {
                answer.approvals.push(value);
            }
        }
        ("score", BallotType::Score { .. }, Some(c))
        | ("rank", BallotType::Ranked { .. }, Some(c)) => {
            answer.numbers.push((c, value));
        }
        _ => return false,
    }
    true
}

/// The candidate a submitted id names, or the problem with it.
fn candidate_of(question: &Question, id: &str) -> Result<CandidateId, AnswerProblem> {
    let unknown = || AnswerProblem::UnknownOption {
        value: id.to_owned(),
    };
    let candidate = CandidateId::parse(id).map_err(|_| unknown())?;
    match question.candidate(&candidate) {
        None => Err(unknown()),
        Some(c) if c.withdrawn => Err(AnswerProblem::Withdrawn { candidate }),
        Some(_) => Ok(candidate),
    }
}

/// One question's answer from its fields, with every problem found.
fn answer_of(question: &Question, raw: &RawAnswer<'_>) -> Result<Answer, Vec<AnswerProblem>> {
    let mut problems = Vec::new();
    let answered = !raw.choices.is_empty()
        || !raw.approvals.is_empty()
        || raw.numbers.iter().any(|(_, v)| !v.trim().is_empty());
    if raw.abstain {
        return if answered {
            Err(vec![AnswerProblem::AbstainAndAnswer])
        } else {
            Ok(Answer::Abstain)
        };
    }
    let answer = match question.ballot_type {
        BallotType::ChooseOne => {
            let mut distinct: Vec<&str> = raw.choices.clone();
            distinct.sort_unstable();
            distinct.dedup();
            match distinct.as_slice() {
                [] => {
                    problems.push(AnswerProblem::NoChoice);
                    None
                }
                [one] => match candidate_of(question, one) {
                    Ok(c) => Some(Answer::Choice(c)),
                    Err(p) => {
                        problems.push(p);
                        None
                    }
                },
                _ => {
                    problems.push(AnswerProblem::SeveralChoices);
                    None
                }
            }
        }
        BallotType::Approval { .. } => {
            let mut approved: Vec<CandidateId> = Vec::new();
            for id in &raw.approvals {
                match candidate_of(question, id) {
                    // A checkbox is sent once; a repeat changes nothing.
                    Ok(c) if approved.contains(&c) => {}
                    Ok(c) => approved.push(c),
                    Err(p) => problems.push(p),
                }
            }
            Some(Answer::Approvals(approved))
        }
        BallotType::Score { min, max } => {
            let mut scores: Vec<(CandidateId, i64)> = Vec::new();
            for (c, c_value) in numbered(question, raw, &mut problems) {
                match parse_integer(c_value) {
                    None => problems.push(AnswerProblem::NotANumber {
                        field: NumberField::Score,
                        candidate: c,
                        value: c_value.to_owned(),
                    }),
                    Some(score) if score < i128::from(min) || score > i128::from(max) => {
                        problems.push(AnswerProblem::ScoreOutOfRange {
                            candidate: c,
                            value: c_value.trim().to_owned(),
                            min,
                            max,
                        });
                    }
                    // In range, so it fits an i64.
                    Some(score) => scores.push((c, i64::try_from(score).unwrap_or(min))),
                }
            }
            Some(Answer::Scores(scores))
        }
        BallotType::Ranked { allow_equal, .. } => {
            let n = question.options.len();
            let mut by_rank: BTreeMap<u64, Vec<CandidateId>> = BTreeMap::new();
            for (c, c_value) in numbered(question, raw, &mut problems) {
                match parse_integer(c_value) {
                    None => problems.push(AnswerProblem::NotANumber {
                        field: NumberField::Rank,
                        candidate: c,
                        value: c_value.to_owned(),
                    }),
                    Some(rank) if rank < 1 || rank > n as i128 => {
                        problems.push(AnswerProblem::RankOutOfRange {
                            candidate: c,
                            value: c_value.trim().to_owned(),
                            max: n,
                        });
                    }
                    Some(rank) => by_rank
                        .entry(u64::try_from(rank).unwrap_or(u64::MAX))
                        .or_default()
                        .push(c),
                }
            }
            let mut groups = Vec::with_capacity(by_rank.len());
            for (rank, mut group) in by_rank {
                group.sort_by_key(|c| question.option_index(c));
                if group.len() > 1 && !allow_equal {
                    problems.push(AnswerProblem::EqualRanks {
                        rank,
                        candidates: group.clone(),
                    });
                }
                groups.push(group);
            }
            Some(Answer::Ranking(groups))
        }
    };
    match answer {
        Some(a) if problems.is_empty() => Ok(a),
        _ => Err(problems),
    }
}

/// The non-blank score or rank fields of a question with their candidates; unknown,
/// withdrawn and repeated candidates are reported.
fn numbered<'a>(
    question: &Question,
    raw: &RawAnswer<'a>,
    problems: &mut Vec<AnswerProblem>,
) -> Vec<(CandidateId, &'a str)> {
    let mut out: Vec<(CandidateId, &'a str)> = Vec::new();
    let mut seen: Vec<CandidateId> = Vec::new();
    for (id, value) in &raw.numbers {
        if value.trim().is_empty() {
            continue;
        }
        match candidate_of(question, id) {
            Ok(c) if seen.contains(&c) => {
                if !problems.contains(&AnswerProblem::Repeated {
                    candidate: c.clone(),
                }) {
                    problems.push(AnswerProblem::Repeated { candidate: c });
                }
            }
            Ok(c) => {
                seen.push(c.clone());
                out.push((c, value));
            }
            Err(p) => problems.push(p),
        }
    }
    out
}

/// The value of a decimal digit in ASCII, Arabic-Indic (U+0660–0669), Eastern Arabic-Indic
/// (U+06F0–06F9) or full-width (U+FF10–FF19) form.
fn digit_value(c: char) -> Option<u32> {
    let base = match c {
        '0'..='9' => '0',
        '\u{0660}'..='\u{0669}' => '\u{0660}',
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}',
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}',
        _ => return None,
    };
    Some(c as u32 - base as u32)
}

/// A whole number as typed: optional sign (`-`, `+`, or U+2212 minus), then 1–9 digits.
/// Longer numbers are refused rather than overflowing.
fn parse_integer(text: &str) -> Option<i128> {
    let t = text.trim();
    let (negative, digits) =
        if let Some(rest) = t.strip_prefix('-').or_else(|| t.strip_prefix('\u{2212}')) {
            (true, rest)
        } else {
            (false, t.strip_prefix('+').unwrap_or(t))
        };
    if digits.is_empty() || digits.chars().count() > 9 {
        return None;
    }
    let mut n: i128 = 0;
    for c in digits.chars() {
        n = n * 10 + i128::from(digit_value(c)?);
    }
    Some(if negative { -n } else { n })
}

/// The form fields that submit `ballot` (a valid ballot of `election`): what the confirmation
/// page carries in hidden inputs. `parse_ballot_form` reads them back to the same ballot.
pub fn ballot_fields(election: &Election, ballot: &PlainBallot) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    for (question, answer) in election.questions().iter().zip(&ballot.answers) {
        let q = &question.id;
        match answer {
            Answer::Abstain => fields.push((abstain_field(q), "yes".to_owned())),
            Answer::Choice(c) => fields.push((choice_field(q), c.to_string())),
            Answer::Approvals(list) => {
                fields.extend(list.iter().map(|c| (approve_field(q), c.to_string())));
            }
            Answer::Scores(list) => {
                fields.extend(
                    list.iter()
                        .map(|(c, score)| (score_field(q, c), score.to_string())),
                );
            }
            Answer::Ranking(groups) => {
                for (rank, group) in groups.iter().enumerate() {
                    fields.extend(
                        group
                            .iter()
                            .map(|c| (rank_field(q, c), (rank + 1).to_string())),
                    );
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballot_preview::preview_election;
    use crate::i18n::{LanguageTag, Locales, SHIPPED_LANGUAGES};
    use proptest::prelude::*;
    use std::sync::Arc;

    fn all_types() -> Election {
        preview_election("all-types").expect("fixture builds")
    }

    fn cid(id: &str) -> CandidateId {
        CandidateId::parse(id).expect("valid id")
    }

    fn f(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    }

    /// Valid answers to every question of `all-types` but the ranked one (`board`).
    fn others() -> Vec<(&'static str, &'static str)> {
        vec![
            ("csrf_token", "ignored"),
            ("choice.chair", "bob"),
            ("approve.projects", "code"),
            ("score.logo.red", "4"),
            ("score.logo.blue", ""),
            ("score.policy.p1", "1"),
            ("score.policy.p2", ""),
        ]
    }

    fn with_board(board: &[(&'static str, &'static str)]) -> Vec<(String, String)> {
        let mut all = others();
        all.extend_from_slice(board);
        f(&all)
    }

    fn problems(
        result: Result<PlainBallot, BallotFormErrors>,
        question: usize,
    ) -> Vec<AnswerProblem> {
        result.expect_err("refused").for_question(question).to_vec()
    }

    #[test]
    fn a_complete_form_gives_the_canonical_ballot() {
        // Board ranks 3, 1, 5 (of 5) close up to 2, 1, 3: Emil first, Dora second, Hana third.
        let ballot = parse_ballot_form(
            &all_types(),
            &with_board(&[
                ("rank.board.dora", " 3 "),
                ("rank.board.emil", "1"),
                ("rank.board.hana", "5"),
            ]),
        )
        .expect("valid");
        assert_eq!(
            ballot.answers,
            vec![
                Answer::Choice(cid("bob")),
                Answer::Approvals(vec![cid("code")]),
                Answer::Scores(vec![(cid("red"), 4)]),
                Answer::Scores(vec![(cid("p1"), 1)]),
                Answer::Ranking(vec![
                    vec![cid("emil")],
                    vec![cid("dora")],
                    vec![cid("hana")]
                ]),
            ]
        );
    }

    #[test]
    fn equal_rank_numbers_make_one_group_where_allowed() {
        // `board` allows equal ranks: Fay and Dora both 2 share the second group, listed in
        // option order (Dora before Fay).
        let ballot = parse_ballot_form(
            &all_types(),
            &with_board(&[
                ("rank.board.fay", "2"),
                ("rank.board.gus", "1"),
                ("rank.board.dora", "2"),
            ]),
        )
        .expect("valid");
        assert_eq!(
            ballot.answers[4],
            Answer::Ranking(vec![vec![cid("gus")], vec![cid("dora"), cid("fay")]])
        );
    }

    #[test]
    fn equal_ranks_are_refused_where_not_allowed_naming_both() {
        let election = preview_election("ranked-70").expect("fixture");
        let fields = f(&[
            ("rank.council.c05", "2"),
            ("rank.council.c01", "2"),
            ("rank.council.c09", "1"),
        ]);
        assert_eq!(
            problems(parse_ballot_form(&election, &fields), 0),
            vec![AnswerProblem::EqualRanks {
                rank: 2,
                candidates: vec![cid("c01"), cid("c05")]
            }]
        );
    }

    #[test]
    fn digits_typed_in_arabic_indic_and_full_width_forms_count() {
        let election = preview_election("ranked-70").expect("fixture");
        // ٢ is 2 (U+0662), ۳ is 3 (U+06F3), １ is 1 (U+FF11).
        let fields = f(&[
            ("rank.council.c01", "٢"),
            ("rank.council.c02", "۳"),
            ("rank.council.c03", "１"),
        ]);
        let ballot = parse_ballot_form(&election, &fields).expect("valid");
        assert_eq!(
            ballot.answers,
            vec![Answer::Ranking(vec![
                vec![cid("c03")],
                vec![cid("c01")],
                vec![cid("c02")]
            ])]
        );
    }

    #[test]
    fn abstaining_in_every_form() {
        let election = all_types();
        let fields = f(&[
            ("choice.chair", ABSTAIN_CHOICE),
            ("abstain.projects", "yes"),
            ("abstain.logo", "yes"),
            ("score.logo.red", ""),
            ("abstain.policy", "yes"),
            ("abstain.board", "yes"),
        ]);
        let ballot = parse_ballot_form(&election, &fields).expect("valid");
        assert_eq!(ballot.answers, vec![Answer::Abstain; 5]);
        // A ranked question with nothing ranked is an abstention (urna-core's canonical form).
        let ballot =
            parse_ballot_form(&election, &with_board(&[("rank.board.dora", "  ")])).expect("valid");
        assert_eq!(ballot.answers[4], Answer::Abstain);
    }

    #[test]
    fn every_problem_is_reported_per_question() {
        let election = all_types();
        let fields = f(&[
            ("abstain.projects", "yes"),
            ("approve.projects", "wiki"),
            ("score.logo.red", "9"),
            ("score.logo.blue", "four"),
            ("score.policy.p1", "1"),
            ("rank.board.dora", "0"),
            ("rank.board.emil", "1.5"),
        ]);
        let errors = parse_ballot_form(&election, &fields).expect_err("refused");
        assert!(errors.form.is_empty());
        assert_eq!(errors.for_question(0), [AnswerProblem::NoChoice]);
        assert_eq!(errors.for_question(1), [AnswerProblem::AbstainAndAnswer]);
        assert_eq!(
            errors.for_question(2),
            [
                AnswerProblem::ScoreOutOfRange {
                    candidate: cid("red"),
                    value: "9".into(),
                    min: 0,
                    max: 5
                },
                AnswerProblem::NotANumber {
                    field: NumberField::Score,
                    candidate: cid("blue"),
                    value: "four".into()
                },
            ]
        );
        assert!(errors.for_question(3).is_empty());
        assert_eq!(
            errors.for_question(4),
            [
                AnswerProblem::RankOutOfRange {
                    candidate: cid("dora"),
                    value: "0".into(),
                    max: 5
                },
                AnswerProblem::NotANumber {
                    field: NumberField::Rank,
                    candidate: cid("emil"),
                    value: "1.5".into()
                },
            ]
        );
    }

    #[test]
    fn approval_limits_come_back_from_the_election_check() {
        // `projects` allows 1 to 2 approvals.
        let mut fields = others();
        fields.retain(|(n, _)| *n != "approve.projects");
        let none = f(&fields);
        assert_eq!(
            problems(parse_ballot_form(&all_types(), &none), 1),
            [AnswerProblem::TooFewApprovals { min: 1 }]
        );
        fields.extend([
            ("approve.projects", "wiki"),
            ("approve.projects", "code"),
            ("approve.projects", "meet"),
        ]);
        assert_eq!(
            problems(parse_ballot_form(&all_types(), &f(&fields)), 1),
            [AnswerProblem::TooManyApprovals { max: 2 }]
        );
    }

    #[test]
    fn tampered_fields_are_refused_not_trusted() {
        let election = all_types();
        let mut fields = with_board(&[("rank.board.dora", "1"), ("rank.board.dora", "2")]);
        fields.push(("choice.chair".into(), "ann".into()));
        fields.push(("rank.nosuch.x".into(), "1".into()));
        fields.push(("approve.logo".into(), "red".into()));
        fields.push(("score.logo.zed".into(), "1".into()));
        let errors = parse_ballot_form(&election, &fields).expect_err("refused");
        assert_eq!(
            errors.form,
            [
                FormProblem::UnknownField {
                    name: "rank.nosuch.x".into()
                },
                FormProblem::UnknownField {
                    name: "approve.logo".into()
                },
            ]
        );
        assert_eq!(errors.for_question(0), [AnswerProblem::SeveralChoices]);
        assert_eq!(
            errors.for_question(2),
            [AnswerProblem::UnknownOption {
                value: "zed".into()
            }]
        );
        assert_eq!(
            errors.for_question(4),
            [AnswerProblem::Repeated {
                candidate: cid("dora")
            }]
        );
    }

    #[test]
    fn ballot_fields_read_back_to_the_same_ballot() {
        let election = all_types();
        let ballot = parse_ballot_form(
            &election,
            &with_board(&[
                ("rank.board.fay", "2"),
                ("rank.board.gus", "1"),
                ("rank.board.dora", "2"),
            ]),
        )
        .expect("valid");
        let again =
            parse_ballot_form(&election, &ballot_fields(&election, &ballot)).expect("valid");
        assert_eq!(again, ballot);
    }

    fn translator(lang: &str) -> Translator {
        let enabled: Vec<_> = SHIPPED_LANGUAGES
            .iter()
            .map(|c| LanguageTag::parse(c).expect("tag"))
            .collect();
        let locales = Arc::new(
            Locales::embedded(&enabled, &LanguageTag::english()).expect("translations load"),
        );
        let index = locales.lookup(lang).expect("shipped");
        Translator::new(locales, index)
    }

    #[test]
    fn every_error_message_is_translated_and_names_the_candidate() {
        let election = all_types();
        let board = &election.questions()[4];
        let chain = [Lang::parse("en").expect("lang")];
        let all = [
            AnswerProblem::NoChoice,
            AnswerProblem::AbstainAndAnswer,
            AnswerProblem::SeveralChoices,
            AnswerProblem::UnknownOption {
                value: "zed".into(),
            },
            AnswerProblem::Withdrawn {
                candidate: cid("dora"),
            },
            AnswerProblem::Repeated {
                candidate: cid("dora"),
            },
            AnswerProblem::NotANumber {
                field: NumberField::Rank,
                candidate: cid("dora"),
                value: "x".into(),
            },
            AnswerProblem::NotANumber {
                field: NumberField::Score,
                candidate: cid("dora"),
                value: "x".into(),
            },
            AnswerProblem::RankOutOfRange {
                candidate: cid("dora"),
                value: "9".into(),
                max: 5,
            },
            AnswerProblem::ScoreOutOfRange {
                candidate: cid("dora"),
                value: "9".into(),
                min: 0,
                max: 5,
            },
            AnswerProblem::EqualRanks {
                rank: 2,
                candidates: vec![cid("dora"), cid("emil")],
            },
            AnswerProblem::TooFewApprovals { min: 2 },
            AnswerProblem::TooManyApprovals { max: 1 },
            AnswerProblem::TooManyRanked { max: 3 },
            AnswerProblem::Other {
                detail: "detail".into(),
            },
        ];
        for lang in ["en", "ar", "zh"] {
            let tr = translator(lang);
            for problem in &all {
                let message = problem.message(&tr, board, &chain);
                // A missing message would come back as its key.
                assert!(
                    !message.starts_with("ballot-"),
                    "{lang}: {problem:?} → {message}"
                );
                if problem.candidate().is_some() {
                    assert!(message.contains("Dora"), "{lang}: {message}");
                }
            }
            for problem in [
                FormProblem::UnknownField { name: "x".into() },
                FormProblem::Rejected { detail: "d".into() },
            ] {
                assert!(!problem.message(&tr).starts_with("ballot-"));
            }
        }
        // English wording, checked by hand against locales/en/ballot.ftl (Fluent isolates
        // placeables with U+2068/U+2069).
        let en = translator("en");
        let message = AnswerProblem::EqualRanks {
            rank: 2,
            candidates: vec![cid("dora"), cid("emil")],
        }
        .message(&en, board, &chain)
        .replace(['\u{2068}', '\u{2069}'], "");
        assert_eq!(
            message,
            "Dora, Emil all have rank 2. Give each candidate a different number."
        );
        let message = AnswerProblem::TooFewApprovals { min: 1 }
            .message(&en, board, &chain)
            .replace(['\u{2068}', '\u{2069}'], "");
        assert_eq!(
            message,
            "Approve at least one option, or choose to abstain."
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn never_panics_on_any_fields(
            fields in proptest::collection::vec(
                (
                    prop_oneof![
                        "[a-z.~_-]{0,20}",
                        Just("choice.chair".to_owned()),
                        Just("approve.projects".to_owned()),
                        "(score\\.(logo|policy)|rank\\.board)\\.[a-z]{0,5}",
                        "abstain\\.(chair|projects|logo|policy|board)",
                    ],
                    prop_oneof![
                        "\\PC{0,12}",
                        "-?[0-9٠-٩０-９]{0,12}",
                        Just("~abstain".to_owned()),
                        "(ann|bob|chen|wiki|code|red|blue|p1|dora|emil)",
                    ],
                ),
                0..24,
            )
        ) {
            let election = all_types();
            match parse_ballot_form(&election, &fields) {
                // Whatever is accepted is a valid ballot of the election.
                Ok(ballot) => prop_assert!(election.validate_ballot(ballot).is_ok()),
                Err(errors) => prop_assert!(!errors.is_empty()),
            }
        }
    }
}
