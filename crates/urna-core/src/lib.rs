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
//! - [`verifiable`]: verifiable elections' questions as bits, and counting from their totals.
//! - [`securepoll`]: importing SecurePoll XML dumps (configuration, messages, votes).
//!
//! ```
//! use urna_core::ballot::{Answer, PlainBallot, ValidBallot};
//! use urna_core::election::Election;
//! use urna_core::question::CandidateId;
//!
//! let election: Election = serde_json::from_str(r#"{
//!   "id": "0123456789ABCDEFGHJKMNPQR0", "slug": "board-2026", "languages": ["en"],
//!   "title": {"default": "en", "texts": {"en": "Board election"}},
//!   "questions": [{
//!     "id": "chair", "title": {"default": "en", "texts": {"en": "Chair"}},
//!     "description": null, "ballot_type": {"type": "ranked", "max_ranks": null,
//!     "allow_equal": false}, "method": "irv", "seats": 1,
//!     "options": [{"id": "ann", "name": {"default": "en", "texts": {"en": "Ann"}}},
//!                 {"id": "bob", "name": {"default": "en", "texts": {"en": "Bob"}}}]
//!   }]
//! }"#).unwrap();
//! let ann = CandidateId::parse("ann").unwrap();
//! let ballot = election
//!     .validate_ballot(PlainBallot { answers: vec![Answer::Ranking(vec![vec![ann]])] })
//!     .unwrap();
//! // Every sealed ballot of this election is 1 + (1 + 2) = 4 bytes before encryption.
//! assert_eq!(ballot.padded(), [1, 4, 1, 0]);
//! let back = ValidBallot::decode_padded(&ballot.padded(), election.questions()).unwrap();
//! assert_eq!(back, ballot);
//! ```

pub mod audit;
pub mod ballot;
pub mod election;
pub mod encoding;
pub mod lifecycle;
pub mod question;
pub mod tally;
pub mod text;
pub mod token;
// --- verifiable (issue 4) ---
pub mod verifiable;
// --- end verifiable ---
// --- securepoll (issue 6) ---
pub mod securepoll;
// --- end securepoll ---
// --- securepoll export (issue 6, i18n branch) ---
pub mod securepoll_export;
// --- end securepoll export ---
// --- per-election translations in translatewiki JSON (issue 6, i18n branch) ---
pub mod translations;
// --- end translations ---
pub mod voters;
pub mod window;
// --- mixnet (issue 5) ---
pub mod mixnet;
// --- end mixnet ---
// --- rehearsal (issue 7) ---
pub mod rehearsal;
// --- end rehearsal ---
// --- eligibility from wiki data (issue 6, wikielig branch) ---
pub mod wiki_eligibility;
// --- end eligibility from wiki data ---
