//! Verifiable elections' questions as bits (`docs/record-format.md` §2, §3): which questions a
//! verifiable election can hold, the parameters every ballot proof is bound to, a voter's
//! answer as the bits the voter's device encrypts (and back, for audits), and the decrypted
//! totals of those bits as urna-tally's counting input.
//!
//! Plain data only: no cryptography here (urna-crypto encrypts and proves the bits).
//!
//! **Abstentions.** Bits cannot tell an approval abstention from approving no one, nor a score
//! abstention from scoring no one (all bits zero, all options blank), so [`answer_from_bits`]
//! reads all-zero bits as [`Answer::Abstain`], and the count from totals counts every counted
//! ballot of the election as a ballot of the question (one that supports no one when it
//! abstained; see `urna_tally::totals`).

use thiserror::Error;
use urna_tally::TotalsElection;
use urna_tally::totals::{TotalsError, TotalsKind, totals_kind};

use crate::ballot::Answer;
use crate::question::{BallotType, Question};

/// The widest score range a verifiable question may have (`max − min`, record format §3).
pub const MAX_VERIFIABLE_SCORE_SPAN: i64 = 100;

/// A question's parameters, as the election digest and the election-parameters JSON carry
/// them (record format §3).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct QuestionParameters {
    pub id: String,
    /// `"choose_one"`, `"approval"` or `"score"`.
    pub ballot_type: String,
    pub min: i64,
    pub max: i64,
    /// Option ids in the question's order, withdrawn ones included.
    pub options: Vec<String>,
}

/// Why an answer, bits or totals do not fit a question.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum VerifiableError {
    #[error("question {question}: {reason}; it cannot be in a verifiable election")]
    NotVerifiable { question: String, reason: String },
    #[error("question {question}: {message}")]
    InvalidAnswer { question: String, message: String },
    #[error("question {question}: {found} bits, but its layout has {expected}")]
    BitCount {
        question: String,
        expected: usize,
        found: usize,
    },
    #[error("question {question}: bit {position} is {value}, not 0 or 1")]
    NotABit {
        question: String,
        position: usize,
        value: u8,
    },
    #[error(
        "question {question}: group {group} of the bits adds up to {sum}, which its layout does not allow"
    )]
    GroupSum {
        question: String,
        group: usize,
        sum: usize,
    },
    #[error("question {question}: {found} totals, but its layout has {expected} bits")]
    TotalsCount {
        question: String,
        expected: usize,
        found: usize,
    },
    #[error("question {question}: {source}")]
    Totals {
        question: String,
        #[source]
        source: TotalsError,
    },
}

/// Whether every question can be counted from encrypted totals: its ballot type is
/// choose-one, approval or score (of span at most [`MAX_VERIFIABLE_SCORE_SPAN`]) and its
/// method counts from the totals of that type.
pub fn is_verifiable(questions: &[Question]) -> bool {
    let _ = questions;
    false
}

/// The question's parameters (record format §3).
pub fn question_parameters(q: &Question) -> QuestionParameters {
    QuestionParameters {
        id: q.id.to_string(),
        ballot_type: String::new(),
        min: 0,
        max: 0,
        options: Vec::new(),
    }
}

/// The bits of `answer` to `q` (record format §2), after checking the answer as a ballot
/// would be checked.
pub fn answer_bits(q: &Question, answer: &Answer) -> Result<Vec<u8>, VerifiableError> {
    let _ = answer;
    Err(VerifiableError::NotVerifiable {
        question: q.id.to_string(),
        reason: "not yet implemented".into(),
    })
}

/// The answer that `bits` encode (record format §2); all-zero bits are an abstention.
pub fn answer_from_bits(q: &Question, bits: &[u8]) -> Result<Answer, VerifiableError> {
    let _ = bits;
    Err(VerifiableError::NotVerifiable {
        question: q.id.to_string(),
        reason: "not yet implemented".into(),
    })
}

/// urna-tally's input from the decrypted totals of `q`'s bits (record format §5) over the
/// counted ballots (`ballots` of them, of total `weight`). Candidates are named as in
/// [`crate::tally::tally_input`].
pub fn totals_election(
    q: &Question,
    totals: &[u64],
    ballots: u64,
    weight: u64,
) -> Result<TotalsElection, VerifiableError> {
    let _ = (
        TotalsKind::Choice,
        totals_kind,
        BallotType::ChooseOne,
        totals,
        ballots,
        weight,
    );
    Err(VerifiableError::NotVerifiable {
        question: q.id.to_string(),
        reason: "not yet implemented".into(),
    })
}
