//! Errors of parsing and counting. Every message is one line a user can act on.

use thiserror::Error;

/// A ballot file that could not be read, with the place of the first problem (1-based).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("line {line}, column {column}: {message}")]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl ParseError {
    pub fn new(line: usize, column: usize, message: impl Into<String>) -> Self {
        ParseError {
            line,
            column,
            message: message.into(),
        }
    }
}

/// Why a count could not be made.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TallyError {
    #[error(transparent)]
    Parse(#[from] ParseError),
    #[error(
        "{method} counts {wanted} ballots, but this file holds {found} ballots (see docs/ballot-formats.md)"
    )]
    WrongBallotKind {
        method: &'static str,
        wanted: &'static str,
        found: &'static str,
    },
    #[error("unknown method {0:?}; known methods: {1}")]
    UnknownMethod(String, String),
    #[error("invalid option: {0}")]
    InvalidOption(String),
    #[error("invalid ballot {ballot}: {message}")]
    InvalidBallot { ballot: usize, message: String },
    #[error("the election is too large for exact arithmetic: {0}")]
    TooLarge(String),
    #[error("cannot count: {0}")]
    Unsupported(String),
    #[error("{method} counts from {wanted} totals, but these are {found} totals")]
    WrongTotalsKind {
        method: &'static str,
        wanted: &'static str,
        found: &'static str,
    },
    #[error("invalid totals: {0}")]
    InvalidTotals(String),
}
