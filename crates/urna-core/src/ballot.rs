//! Ballots: what a voter submits ([`PlainBallot`], one [`Answer`] per question), checked
//! against the election's questions into a [`ValidBallot`], and its canonical byte encoding,
//! which the sealing layer encrypts.
//!
//! # Checks
//! Validation collects one problem per question and says it in the voter's terms ("Question 2:
//! you ranked Ann twice"); [`BallotProblem`] keeps the parts so that the web layer can
//! translate the message. [`Answer::Abstain`] is always allowed: the voter leaves the question
//! out, and the count of that question does not include the ballot. Withdrawn candidates may
//! still be named (the voter may have filled the ballot before the withdrawal); the count
//! skips them.
//!
//! A valid ballot is canonical, so that equal choices give equal bytes: approvals, scores and
//! the members of each rank are in option order, and an empty ranking is an abstention.
//!
//! # Encoding, version 1
//! ```text
//! byte 0        version = 1
//! per question, in the election's order:
//!   tag 0       abstain                     (no body)
//!   tag 1       choice                      1 byte: option index
//!   tag 2       approvals                   ceil(n/8) bytes: bit i (MSB first) = option i
//!   tag 3       scores                      n bytes: 0 = blank, else score - min + 1
//!   tag 4       ranking                     n bytes: 0 = unranked, else the rank (1 = first;
//!                                           equal ranks share a number; ranks 1..=g all used)
//! ```
//! `n` is the number of options (≤ 200, so an index or rank fits one byte). Each tag must be
//! the one the question's ballot type allows (or abstain), unused bits and bytes must be zero,
//! and nothing may follow the last question. [`max_encoded_len`] is the longest encoding any
//! valid ballot of the election has; [`ValidBallot::padded`] appends zeros up to it, so that
//! every sealed ballot of an election has one length (70 ranked candidates: 72 bytes).

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::question::{BallotType, CandidateId, Question, QuestionId};

/// The encoding version this code writes and reads.
pub const ENCODING_VERSION: u8 = 1;

const TAG_ABSTAIN: u8 = 0;
const TAG_CHOICE: u8 = 1;
const TAG_APPROVALS: u8 = 2;
const TAG_SCORES: u8 = 3;
const TAG_RANKING: u8 = 4;

/// A voter's answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// No answer to this question.
    Abstain,
    /// Choose-one: the chosen option.
    Choice(CandidateId),
    /// Approval: the approved options (none is allowed when the minimum is 0).
    Approvals(Vec<CandidateId>),
    /// Score: the scored options; an option not listed is blank.
    Scores(Vec<(CandidateId, i64)>),
    /// Ranked: groups of equally ranked options, most preferred first.
    Ranking(Vec<Vec<CandidateId>>),
}

/// The answers as submitted, one per question in the election's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlainBallot {
    pub answers: Vec<Answer>,
}

/// A ballot checked against the election's questions, in canonical form, with its encoding.
///
/// `Debug` does not show the answers: a ballot is secret, and debug output ends up in logs.
#[derive(Clone, PartialEq, Eq)]
pub struct ValidBallot {
    answers: Vec<Answer>,
    encoded: Vec<u8>,
    padded_len: usize,
}

impl fmt::Debug for ValidBallot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ValidBallot(<{} answers, redacted>)", self.answers.len())
    }
}

/// What is wrong with a submitted ballot.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BallotError {
    #[error("the ballot answers {found} questions, but the election has {expected}")]
    WrongAnswerCount { expected: usize, found: usize },
    #[error("{}", join_problems(.0))]
    Problems(Vec<BallotProblem>),
}

fn join_problems(problems: &[BallotProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// A problem with the answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("Question {number}: {kind}")]
pub struct BallotProblem {
    /// 1-based position of the question on the ballot.
    pub number: usize,
    pub question: QuestionId,
    pub kind: ProblemKind,
}

/// The problem itself; candidate names are in the election's default language.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ProblemKind {
    #[error("this question asks for {expected}")]
    WrongKind { expected: &'static str },
    #[error("there is no option {0}")]
    UnknownCandidate(CandidateId),
    #[error("you {verb} {name} twice")]
    Twice { verb: &'static str, name: String },
    #[error("choose at least {0}")]
    TooFew(usize),
    #[error("choose at most {0}")]
    TooMany(usize),
    #[error("the score for {name} must be between {min} and {max}, not {score}")]
    ScoreOutOfRange {
        name: String,
        score: i64,
        min: i64,
        max: i64,
    },
    #[error("rank at most {0} options")]
    TooManyRanked(usize),
    #[error("{first} and {second} share a rank; give each option its own rank")]
    EqualRanks { first: String, second: String },
    #[error("rank {0} holds no option")]
    EmptyRank(usize),
}

/// A byte string that is not the encoding of a valid ballot of this election.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    #[error("the ballot encoding is empty")]
    Empty,
    #[error("unknown ballot encoding version {0} (this server reads version {ENCODING_VERSION})")]
    Version(u8),
    #[error("the ballot ends early, in question {question}")]
    Truncated { question: usize },
    #[error("question {question}: tag {tag} is not allowed for a {ballot} question")]
    Tag {
        question: usize,
        tag: u8,
        ballot: &'static str,
    },
    #[error("question {question}: byte {offset} is not canonical: {reason}")]
    NotCanonical {
        question: usize,
        offset: usize,
        reason: &'static str,
    },
    #[error("{0} bytes follow the last question")]
    Trailing(usize),
    #[error("padded ballots of this election are {expected} bytes long, not {found}")]
    PaddedLength { expected: usize, found: usize },
    #[error("the padding holds a non-zero byte")]
    Padding,
    #[error("the decoded ballot is not valid: {0}")]
    Invalid(#[from] BallotError),
}

impl PlainBallot {
    /// Checks the ballot against the election's questions; on success the ballot is in
    /// canonical form and encoded.
    pub fn validate(self, questions: &[Question]) -> Result<ValidBallot, BallotError> {
        if self.answers.len() != questions.len() {
            return Err(BallotError::WrongAnswerCount {
                expected: questions.len(),
                found: self.answers.len(),
            });
        }
        let mut problems = Vec::new();
        let mut answers = Vec::with_capacity(questions.len());
        for (i, (answer, q)) in self.answers.into_iter().zip(questions).enumerate() {
            match canonical_answer(answer, q) {
                Ok(a) => answers.push(a),
                Err(kind) => problems.push(BallotProblem {
                    number: i + 1,
                    question: q.id.clone(),
                    kind,
                }),
            }
        }
        if !problems.is_empty() {
            return Err(BallotError::Problems(problems));
        }
        let mut encoded = vec![ENCODING_VERSION];
        for (a, q) in answers.iter().zip(questions) {
            encode_answer(a, q, &mut encoded);
        }
        Ok(ValidBallot {
            answers,
            encoded,
            padded_len: max_encoded_len(questions),
        })
    }
}

impl ValidBallot {
    pub fn answers(&self) -> &[Answer] {
        &self.answers
    }

    pub fn into_answers(self) -> Vec<Answer> {
        self.answers
    }

    /// The compact canonical encoding.
    pub fn encoded(&self) -> &[u8] {
        &self.encoded
    }

    /// The encoding followed by zeros up to [`max_encoded_len`] of the election: what the
    /// sealing layer encrypts, so that every sealed ballot has one length.
    pub fn padded(&self) -> Vec<u8> {
        let mut out = self.encoded.clone();
        out.resize(self.padded_len.max(out.len()), 0);
        out
    }

    /// Reads a compact encoding, strictly: any byte string other than the exact encoding of a
    /// valid ballot is refused.
    pub fn decode(bytes: &[u8], questions: &[Question]) -> Result<ValidBallot, DecodeError> {
        let (answers, used) = decode_answers(bytes, questions)?;
        if used != bytes.len() {
            return Err(DecodeError::Trailing(bytes.len() - used));
        }
        let ballot = PlainBallot { answers }.validate(questions)?;
        // The tag and byte checks make the encoding canonical; this guards the guarantee.
        if ballot.encoded != bytes {
            return Err(DecodeError::NotCanonical {
                question: 0,
                offset: 0,
                reason: "does not re-encode to the same bytes",
            });
        }
        Ok(ballot)
    }

    /// Reads a padded encoding: exactly [`max_encoded_len`] bytes, zeros after the ballot.
    pub fn decode_padded(bytes: &[u8], questions: &[Question]) -> Result<ValidBallot, DecodeError> {
        let expected = max_encoded_len(questions);
        if bytes.len() != expected {
            return Err(DecodeError::PaddedLength {
                expected,
                found: bytes.len(),
            });
        }
        let (_, used) = decode_answers(bytes, questions)?;
        if bytes[used..].iter().any(|&b| b != 0) {
            return Err(DecodeError::Padding);
        }
        ValidBallot::decode(&bytes[..used], questions)
    }
}

/// The length of the longest encoding of any valid ballot for `questions`; the padded length
/// of every ballot of the election.
pub fn max_encoded_len(questions: &[Question]) -> usize {
    1 + questions.iter().map(|q| 1 + max_body_len(q)).sum::<usize>()
}

fn max_body_len(q: &Question) -> usize {
    let n = q.options.len();
    match q.ballot_type {
        BallotType::ChooseOne => 1,
        BallotType::Approval { .. } => n.div_ceil(8),
        BallotType::Score { .. } | BallotType::Ranked { .. } => n,
    }
}

/// Checks one answer and puts it in canonical form.
fn canonical_answer(answer: Answer, q: &Question) -> Result<Answer, ProblemKind> {
    let index = |c: &CandidateId| {
        q.option_index(c)
            .ok_or_else(|| ProblemKind::UnknownCandidate(c.clone()))
    };
    let twice = |verb, c: &CandidateId| ProblemKind::Twice {
        verb,
        name: q.candidate_name(c),
    };
    let by_index = |mut v: Vec<(usize, CandidateId)>| {
        v.sort_unstable_by_key(|(i, _)| *i);
        v.into_iter().map(|(_, c)| c).collect::<Vec<_>>()
    };
    match (answer, q.ballot_type) {
        (Answer::Abstain, _) => Ok(Answer::Abstain),
        (Answer::Choice(c), BallotType::ChooseOne) => {
            index(&c)?;
            Ok(Answer::Choice(c))
        }
        (Answer::Approvals(list), BallotType::Approval { min, max }) => {
            let mut seen = vec![false; q.options.len()];
            let mut indexed = Vec::with_capacity(list.len());
            for c in list {
                let i = index(&c)?;
                if std::mem::replace(&mut seen[i], true) {
                    return Err(twice("approved", &c));
                }
                indexed.push((i, c));
            }
            if indexed.len() < min {
                return Err(ProblemKind::TooFew(min));
            }
            if indexed.len() > max {
                return Err(ProblemKind::TooMany(max));
            }
            Ok(Answer::Approvals(by_index(indexed)))
        }
        (Answer::Scores(list), BallotType::Score { min, max }) => {
            let mut seen = vec![false; q.options.len()];
            let mut indexed = Vec::with_capacity(list.len());
            for (c, score) in list {
                let i = index(&c)?;
                if std::mem::replace(&mut seen[i], true) {
                    return Err(twice("scored", &c));
                }
                if !(min..=max).contains(&score) {
                    return Err(ProblemKind::ScoreOutOfRange {
                        name: q.candidate_name(&c),
                        score,
                        min,
                        max,
                    });
                }
                indexed.push((i, (c, score)));
            }
            indexed.sort_unstable_by_key(|(i, _)| *i);
            Ok(Answer::Scores(
                indexed.into_iter().map(|(_, s)| s).collect(),
            ))
        }
        (
            Answer::Ranking(groups),
            BallotType::Ranked {
                max_ranks,
                allow_equal,
            },
        ) => {
            let mut seen = vec![false; q.options.len()];
            let mut out = Vec::with_capacity(groups.len());
            let mut ranked = 0;
            for (rank, group) in groups.into_iter().enumerate() {
                if group.is_empty() {
                    return Err(ProblemKind::EmptyRank(rank + 1));
                }
                if !allow_equal && group.len() > 1 {
                    return Err(ProblemKind::EqualRanks {
                        first: q.candidate_name(&group[0]),
                        second: q.candidate_name(&group[1]),
                    });
                }
                let mut indexed = Vec::with_capacity(group.len());
                for c in group {
                    let i = index(&c)?;
                    if std::mem::replace(&mut seen[i], true) {
                        return Err(twice("ranked", &c));
                    }
                    indexed.push((i, c));
                }
                ranked += indexed.len();
                out.push(by_index(indexed));
            }
            if let Some(m) = max_ranks
                && ranked > m
            {
                return Err(ProblemKind::TooManyRanked(m));
            }
            if out.is_empty() {
                return Ok(Answer::Abstain);
            }
            Ok(Answer::Ranking(out))
        }
        (_, bt) => Err(ProblemKind::WrongKind {
            expected: match bt {
                BallotType::ChooseOne => "one choice",
                BallotType::Approval { .. } => "approvals",
                BallotType::Score { .. } => "scores",
                BallotType::Ranked { .. } => "a ranking",
            },
        }),
    }
}

/// Appends a canonical, checked answer. Indices exist: the answer was checked against `q`.
fn encode_answer(a: &Answer, q: &Question, out: &mut Vec<u8>) {
    let n = q.options.len();
    let idx = |c: &CandidateId| q.option_index(c).unwrap_or(0);
    match a {
        Answer::Abstain => out.push(TAG_ABSTAIN),
        Answer::Choice(c) => {
            out.push(TAG_CHOICE);
            out.push(idx(c) as u8);
        }
        Answer::Approvals(list) => {
            out.push(TAG_APPROVALS);
            let start = out.len();
            out.resize(start + n.div_ceil(8), 0);
            for c in list {
                let i = idx(c);
                out[start + i / 8] |= 0x80 >> (i % 8);
            }
        }
        Answer::Scores(list) => {
            out.push(TAG_SCORES);
            let min = match q.ballot_type {
                BallotType::Score { min, .. } => min,
                _ => 0,
            };
            let start = out.len();
            out.resize(start + n, 0);
            for (c, score) in list {
                // In range: checked, and the span is at most 254.
                out[start + idx(c)] = (score - min + 1) as u8;
            }
        }
        Answer::Ranking(groups) => {
            out.push(TAG_RANKING);
            let start = out.len();
            out.resize(start + n, 0);
            for (rank, group) in groups.iter().enumerate() {
                for c in group {
                    out[start + idx(c)] = (rank + 1) as u8;
                }
            }
        }
    }
}

/// Reads the answers; returns them and the number of bytes read. Checks tags and the
/// canonical form of each body; the caller then validates the answers.
fn decode_answers(
    bytes: &[u8],
    questions: &[Question],
) -> Result<(Vec<Answer>, usize), DecodeError> {
    let (&version, _) = bytes.split_first().ok_or(DecodeError::Empty)?;
    if version != ENCODING_VERSION {
        return Err(DecodeError::Version(version));
    }
    let mut pos = 1;
    let mut answers = Vec::with_capacity(questions.len());
    for (qi, q) in questions.iter().enumerate() {
        let number = qi + 1;
        let n = q.options.len();
        let tag = *bytes
            .get(pos)
            .ok_or(DecodeError::Truncated { question: number })?;
        pos += 1;
        let expected_tag = match q.ballot_type {
            BallotType::ChooseOne => TAG_CHOICE,
            BallotType::Approval { .. } => TAG_APPROVALS,
            BallotType::Score { .. } => TAG_SCORES,
            BallotType::Ranked { .. } => TAG_RANKING,
        };
        if tag == TAG_ABSTAIN {
            answers.push(Answer::Abstain);
            continue;
        }
        if tag != expected_tag {
            return Err(DecodeError::Tag {
                question: number,
                tag,
                ballot: q.ballot_type.describe(),
            });
        }
        let len = if tag == TAG_APPROVALS {
            n.div_ceil(8)
        } else if tag == TAG_CHOICE {
            1
        } else {
            n
        };
        let body = bytes
            .get(pos..pos + len)
            .ok_or(DecodeError::Truncated { question: number })?;
        let not_canonical = |offset: usize, reason| DecodeError::NotCanonical {
            question: number,
            offset: pos + offset,
            reason,
        };
        let id = |i: usize| q.options[i].id.clone();
        let answer = match q.ballot_type {
            BallotType::ChooseOne => {
                let i = usize::from(body[0]);
                if i >= n {
                    return Err(not_canonical(0, "option index out of range"));
                }
                Answer::Choice(id(i))
            }
            BallotType::Approval { .. } => {
                let mut list = Vec::new();
                for bit in 0..len * 8 {
                    if body[bit / 8] & (0x80 >> (bit % 8)) != 0 {
                        if bit >= n {
                            return Err(not_canonical(bit / 8, "a bit past the last option"));
                        }
                        list.push(id(bit));
                    }
                }
                Answer::Approvals(list)
            }
            BallotType::Score { min, max } => {
                let mut list = Vec::new();
                for (i, &b) in body.iter().enumerate() {
                    if b == 0 {
                        continue;
                    }
                    let score = min + i64::from(b) - 1;
                    if score > max {
                        return Err(not_canonical(i, "score above the range"));
                    }
                    list.push((id(i), score));
                }
                Answer::Scores(list)
            }
            BallotType::Ranked { .. } => {
                let ranks = body.iter().map(|&b| usize::from(b)).max().unwrap_or(0);
                if ranks == 0 {
                    return Err(not_canonical(0, "an empty ranking is written as abstain"));
                }
                let mut groups = vec![Vec::new(); ranks];
                for (i, &b) in body.iter().enumerate() {
                    if b != 0 {
                        groups[usize::from(b) - 1].push(id(i));
                    }
                }
                if groups.iter().any(Vec::is_empty) {
                    return Err(not_canonical(0, "rank numbers skip a rank"));
                }
                Answer::Ranking(groups)
            }
        };
        answers.push(answer);
        pos += len;
    }
    Ok((answers, pos))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use urna_tally::Method;

    use super::*;
    use crate::question::QuestionSpec;
    use crate::question::test_util::*;

    fn ids(list: &[&str]) -> Vec<CandidateId> {
        list.iter().map(|s| cid(s)).collect()
    }

    fn ranking(groups: &[&[&str]]) -> Answer {
        Answer::Ranking(groups.iter().map(|g| ids(g)).collect())
    }

    fn election() -> Vec<Question> {
        vec![
            question(
                "board",
                BallotType::Approval { min: 1, max: 3 },
                Method::Approval,
                3,
                &["Ann", "Bob", "Cy", "Dee", "Eve"],
            ),
            question("chair", RANKED, Method::Irv, 1, &["Ann", "Bob", "Cy"]),
            question(
                "motion",
                BallotType::ChooseOne,
                Method::Plurality,
                1,
                &["Yes", "No"],
            ),
            question(
                "arbcom",
                BallotType::Score { min: -1, max: 1 },
                Method::Son,
                1,
                &["Ann", "Bob"],
            ),
        ]
    }

    fn problems(answers: Vec<Answer>) -> String {
        PlainBallot { answers }
            .validate(&election())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn messages_name_the_question_and_the_mistake() {
        let ok_rest = |first: Answer| {
            vec![
                first,
                ranking(&[&["ann"]]),
                Answer::Choice(cid("yes")),
                Answer::Abstain,
            ]
        };
        assert_eq!(
            problems(ok_rest(Answer::Approvals(ids(&[
                "ann", "bob", "cy", "dee"
            ])))),
            "Question 1: choose at most 3"
        );
        assert_eq!(
            problems(ok_rest(Answer::Approvals(vec![]))),
            "Question 1: choose at least 1"
        );
        assert_eq!(
            problems(ok_rest(Answer::Approvals(ids(&["ann", "ann"])))),
            "Question 1: you approved Ann twice"
        );
        assert_eq!(
            problems(vec![
                Answer::Approvals(ids(&["zed"])),
                ranking(&[&["ann"], &["bob"], &["ann"]]),
                ranking(&[&["yes"]]),
                Answer::Scores(vec![(cid("bob"), 2)]),
            ]),
            "Question 1: there is no option zed; \
             Question 2: you ranked Ann twice; \
             Question 3: this question asks for one choice; \
             Question 4: the score for Bob must be between -1 and 1, not 2"
        );
        assert_eq!(
            problems(vec![
                Answer::Abstain,
                ranking(&[&["ann", "cy"]]),
                Answer::Abstain,
                Answer::Scores(vec![(cid("ann"), 1), (cid("ann"), 0)]),
            ]),
            "Question 2: Ann and Cy share a rank; give each option its own rank; \
             Question 4: you scored Ann twice"
        );
        assert_eq!(
            problems(vec![Answer::Abstain]),
            "the ballot answers 1 questions, but the election has 4"
        );
    }

    #[test]
    fn ranking_limits_and_equal_ranks() {
        let q = question(
            "q",
            BallotType::Ranked {
                max_ranks: Some(2),
                allow_equal: true,
            },
            Method::Meek,
            1,
            &["A", "B", "C"],
        );
        let check = |a| PlainBallot { answers: vec![a] }.validate(std::slice::from_ref(&q));
        assert!(
            check(ranking(&[&["c", "a"], &["b"]])).is_err(),
            "3 ranked > 2"
        );
        let ok = check(ranking(&[&["c", "a"]])).unwrap();
        // Canonical: members of a rank in option order.
        assert_eq!(ok.answers(), &[ranking(&[&["a", "c"]])]);
        assert_eq!(
            check(ranking(&[&["a"], &[], &["b"]]))
                .unwrap_err()
                .to_string(),
            "Question 1: rank 2 holds no option"
        );
        assert_eq!(
            check(Answer::Ranking(vec![])).unwrap().answers(),
            &[Answer::Abstain]
        );
    }

    #[test]
    fn withdrawn_candidates_may_still_be_named() {
        let mut spec = spec("q", RANKED, Method::Irv, 1, &["A", "B"]);
        spec.options[0].withdrawn = true;
        let q = Question::try_from(spec).unwrap();
        let b = PlainBallot {
            answers: vec![ranking(&[&["a"], &["b"]])],
        }
        .validate(&[q]);
        assert!(b.is_ok());
    }

    #[test]
    fn encoding_is_written_out_byte_by_byte() {
        let qs = election();
        let b = PlainBallot {
            answers: vec![
                // Options ann=0, cy=2, eve=4 → bits 10101000 = 0xA8 (one byte for 5 options).
                Answer::Approvals(ids(&["eve", "ann", "cy"])),
                // cy first, then ann; bob unranked → ranks per option [2, 0, 1].
                ranking(&[&["cy"], &["ann"]]),
                Answer::Choice(cid("no")),
                // min -1: oppose Ann → -1 - (-1) + 1 = 1; Bob blank → 0.
                Answer::Scores(vec![(cid("ann"), -1)]),
            ],
        }
        .validate(&qs)
        .unwrap();
        assert_eq!(b.encoded(), &[1, 2, 0xA8, 4, 2, 0, 1, 1, 1, 3, 1, 0]);
        // 1 + (1+1) + (1+3) + (1+1) + (1+2) = 12: this ballot is as long as any.
        assert_eq!(max_encoded_len(&qs), 12);
        assert_eq!(b.padded().len(), 12);
        assert_eq!(ValidBallot::decode(b.encoded(), &qs).unwrap(), b);

        let abstain = PlainBallot {
            answers: vec![Answer::Abstain; 4],
        }
        .validate(&qs)
        .unwrap();
        assert_eq!(abstain.encoded(), &[1, 0, 0, 0, 0]);
        assert_eq!(abstain.padded(), vec![1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(
            ValidBallot::decode_padded(&abstain.padded(), &qs).unwrap(),
            abstain
        );
    }

    #[test]
    fn seventy_ranked_candidates_fit_in_72_bytes() {
        let names: Vec<String> = (0..70).map(|i| format!("c{i}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let qs = vec![question("stv", RANKED, Method::Meek, 7, &refs)];
        assert_eq!(max_encoded_len(&qs), 72);
        let full = Answer::Ranking(names.iter().rev().map(|n| vec![cid(n)]).collect());
        let b = PlainBallot {
            answers: vec![full],
        }
        .validate(&qs)
        .unwrap();
        assert_eq!(b.encoded().len(), 72);
        // c69 is ranked first, so option 69 has rank 1 and option 0 rank 70.
        assert_eq!(b.encoded()[2], 70);
        assert_eq!(b.encoded()[71], 1);
    }

    #[test]
    fn decoding_refuses_everything_but_the_canonical_encoding() {
        let qs = election();
        let d = |bytes: &[u8]| ValidBallot::decode(bytes, &qs).unwrap_err();
        assert_eq!(d(&[]), DecodeError::Empty);
        assert_eq!(d(&[2, 0, 0, 0, 0]), DecodeError::Version(2));
        assert_eq!(d(&[1, 0, 0, 0]), DecodeError::Truncated { question: 4 });
        assert_eq!(d(&[1, 0, 0, 0, 0, 0]), DecodeError::Trailing(1));
        assert!(matches!(
            d(&[1, 4, 0, 0, 0, 0]),
            DecodeError::Tag {
                question: 1,
                tag: 4,
                ..
            }
        ));
        // Bit 5 is past the 5 options.
        assert!(matches!(
            d(&[1, 2, 0x04, 0, 0, 0]),
            DecodeError::NotCanonical { question: 1, .. }
        ));
        // Ranks 1 and 3 without 2.
        assert!(matches!(
            d(&[1, 0, 4, 1, 3, 0, 0, 0]),
            DecodeError::NotCanonical { question: 2, .. }
        ));
        // An all-zero ranking must be written as abstain.
        assert!(matches!(
            d(&[1, 0, 4, 0, 0, 0, 0, 0]),
            DecodeError::NotCanonical { question: 2, .. }
        ));
        // Choice index 2 of 2 options.
        assert!(matches!(
            d(&[1, 0, 0, 1, 2, 0]),
            DecodeError::NotCanonical { question: 3, .. }
        ));
        // Score byte 4 = score 2, above the range -1..1.
        assert!(matches!(
            d(&[1, 0, 0, 0, 3, 4, 0]),
            DecodeError::NotCanonical { question: 4, .. }
        ));
        // Well-formed, but four approvals where at most 3 are allowed.
        assert!(matches!(d(&[1, 2, 0xF0, 0, 0, 0]), DecodeError::Invalid(_)));
        // Padded: wrong length, non-zero padding.
        assert!(matches!(
            ValidBallot::decode_padded(&[1, 0, 0, 0, 0], &qs),
            Err(DecodeError::PaddedLength {
                expected: 12,
                found: 5
            })
        ));
        let mut padded = vec![1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        padded[11] = 1;
        assert_eq!(
            ValidBallot::decode_padded(&padded, &qs),
            Err(DecodeError::Padding)
        );
    }

    #[test]
    fn debug_does_not_show_the_votes() {
        let qs = election();
        let b = PlainBallot {
            answers: vec![
                Answer::Approvals(ids(&["eve"])),
                Answer::Abstain,
                Answer::Abstain,
                Answer::Abstain,
            ],
        }
        .validate(&qs)
        .unwrap();
        let s = format!("{b:?}");
        assert!(!s.contains("eve") && s.contains("redacted"), "{s}");
    }

    // ---- properties -------------------------------------------------------------------------

    /// A random question: ballot type, option count up to 80 (70 ranked must fit).
    fn arb_question() -> impl Strategy<Value = Question> {
        (1usize..=80, 0u8..4, any::<(u8, u8, bool)>()).prop_map(|(n, kind, (a, b, flag))| {
            let names: Vec<String> = (0..n).map(|i| format!("C{i}")).collect();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            let (bt, method) = match kind {
                0 => (BallotType::ChooseOne, Method::Plurality),
                1 => {
                    let max = 1 + usize::from(a) % n;
                    let min = usize::from(b) % (max + 1);
                    (BallotType::Approval { min, max }, Method::Approval)
                }
                2 => {
                    let min = i64::from(a as i8);
                    let max = min + 1 + i64::from(b) % 254;
                    (BallotType::Score { min, max }, Method::Score)
                }
                _ => {
                    let max_ranks = flag.then(|| 1 + usize::from(a) % n);
                    (
                        BallotType::Ranked {
                            max_ranks,
                            allow_equal: b % 2 == 0,
                        },
                        Method::Meek,
                    )
                }
            };
            question("q", bt, method, 1, &refs)
        })
    }

    /// A valid answer to `q` made from random bytes (one per option) and an abstain flag.
    fn answer_for(q: &Question, values: &[u8], abstain: bool) -> Answer {
        if abstain {
            return Answer::Abstain;
        }
        let n = q.options.len();
        let v = |i: usize| values[i % values.len()];
        let id = |i: usize| q.options[i].id.clone();
        match q.ballot_type {
            BallotType::ChooseOne => Answer::Choice(id(usize::from(v(0)) % n)),
            BallotType::Approval { min, max } => {
                let mut chosen: Vec<usize> = (0..n).filter(|&i| v(i) % 2 == 1).collect();
                chosen.truncate(max);
                let mut i = 0;
                while chosen.len() < min {
                    if !chosen.contains(&i) {
                        chosen.push(i);
                    }
                    i += 1;
                }
                Answer::Approvals(chosen.into_iter().rev().map(id).collect())
            }
            BallotType::Score { min, max } => {
                let span = (max - min + 2) as u64;
                Answer::Scores(
                    (0..n)
                        .filter_map(|i| {
                            let x = u64::from(v(i)) % span;
                            (x > 0).then(|| (id(i), min + x as i64 - 1))
                        })
                        .collect(),
                )
            }
            BallotType::Ranked {
                max_ranks,
                allow_equal,
            } => {
                let mut keyed: Vec<(u8, usize)> = (0..n)
                    .filter(|&i| v(i) % 3 != 0)
                    .map(|i| (v(i), i))
                    .collect();
                keyed.sort_unstable();
                keyed.truncate(max_ranks.unwrap_or(n));
                let mut groups: Vec<Vec<CandidateId>> = Vec::new();
                let mut last = None;
                for (key, i) in keyed {
                    if allow_equal && last == Some(key) {
                        if let Some(g) = groups.last_mut() {
                            g.push(id(i));
                        }
                    } else {
                        groups.push(vec![id(i)]);
                    }
                    last = Some(key);
                }
                Answer::Ranking(groups)
            }
        }
    }

    fn arb_election_and_ballot() -> impl Strategy<Value = (Vec<Question>, PlainBallot)> {
        prop::collection::vec(
            (
                arb_question(),
                prop::collection::vec(any::<u8>(), 1..80),
                any::<bool>(),
            ),
            1..4,
        )
        .prop_map(|items| {
            let mut questions = Vec::new();
            let mut answers = Vec::new();
            for (i, (q, values, abstain)) in items.into_iter().enumerate() {
                let mut spec = QuestionSpec::from(q);
                spec.id = QuestionId::parse(&format!("q{i}")).unwrap();
                let q = Question::try_from(spec).unwrap();
                answers.push(answer_for(&q, &values, abstain));
                questions.push(q);
            }
            (questions, PlainBallot { answers })
        })
    }

    proptest! {
        #[test]
        fn encode_decode_round_trip((questions, plain) in arb_election_and_ballot()) {
            let valid = plain.validate(&questions).expect("generated ballots are valid");
            let back = ValidBallot::decode(valid.encoded(), &questions).unwrap();
            prop_assert_eq!(&back, &valid);
            let padded = valid.padded();
            prop_assert_eq!(padded.len(), max_encoded_len(&questions));
            prop_assert_eq!(ValidBallot::decode_padded(&padded, &questions).unwrap(), valid);
        }

        #[test]
        fn max_encoded_len_bounds_every_valid_ballot((questions, plain) in arb_election_and_ballot()) {
            let valid = plain.validate(&questions).expect("generated ballots are valid");
            prop_assert!(valid.encoded().len() <= max_encoded_len(&questions));
        }

        #[test]
        fn any_accepted_bytes_are_canonical(
            (questions, _) in arb_election_and_ballot(),
            bytes in prop::collection::vec(any::<u8>(), 0..300),
        ) {
            // Random bytes are nearly always refused; whatever is accepted re-encodes exactly.
            if let Ok(b) = ValidBallot::decode(&bytes, &questions) {
                prop_assert_eq!(b.encoded(), &bytes[..]);
            }
        }
    }
}
