//! # urna-core
//!
//! Urna's election domain, pure and tested: no HTTP, no SQL, no clock (callers pass `now`).
//!
//! - [`text`]: translatable texts and language tags.
//! - [`question`]: questions, candidates, ballot types, and which counting method fits which.
//! - [`ballot`]: a voter's answers, their validation, and the canonical padded encoding that
//!   the sealing layer encrypts.
//! - [`tally`]: answers → urna-tally input; published BLT and CSV.
//! - [`window`]: the voting window in an IANA zone or Anywhere on Earth.
//! - [`lifecycle`]: the election's states and checked transitions.
//! - [`election`]: the election definition and its operations, returning events to log.
//! - [`audit`]: the append-only, hash-chained audit log.
//! - [`voters`]: voter-list CSV and pluggable eligibility.
//! - [`token`]: voting-link tokens (stored hashed) and receipt codes.
//! - [`encoding`]: base64url and Crockford base32.

pub mod audit;
pub mod ballot;
pub mod election;
pub mod encoding;
pub mod lifecycle;
pub mod question;
pub mod tally;
pub mod text;
pub mod token;
pub mod voters;
pub mod window;
