//! Urna's storage: one API over an embedded SQLite file or a PostgreSQL server.
//!
//! [`Db::connect`] picks the engine from the address, [`Db::migrate`] applies the embedded
//! migrations for it (`migrations/sqlite`, `migrations/postgres`), and the repository methods
//! on [`Db`] are grouped by concern in the modules below. The same SQL text runs on both
//! engines through sqlx's native drivers (see [`db`]); every storage test runs on both.
//!
//! This crate does not know the election domain: it takes and returns plain rows (ids as
//! `i64` newtypes, JSON documents as [`serde_json::Value`], sealed ballots as bytes,
//! timestamps as unix microseconds) that the web layer maps to domain types.
//!
//! Secrecy by construction: no table can hold a plaintext ballot; voters are linked to
//! ballots only through credentials; ballots have random ids, no timestamps, and are listed
//! by id; voting-link and session tokens are stored only as SHA-256 hashes; secrets are
//! redacted from `Debug`.

pub mod accounts;
pub mod audit;
pub mod ballots;
pub mod db;
pub mod elections;
pub mod error;
mod group_commit;
pub mod jobs;
pub mod records;
pub mod types;
pub mod voters;
// --- web sessions (webauth branch) ---
pub mod web_sessions;
// --- atomic acts and audit entries (staffsec branch) ---
pub mod write;

pub use accounts::{AccountRow, NewAccount, SessionRow};
pub use audit::{AuditEntry, AuditHash, NewAuditEntry, verify_audit_chain};
pub use ballots::{
    BallotStatus, CastBallot, CountedBallot, SealedBy, Turnout, VerifiableCast, VoterWhoVoted,
};
pub use db::{Backend, Db, SQLITE_FILE_NAME};
pub use elections::{ElectionRow, NewElection, RoleGrant};
pub use error::StoreError;
pub use jobs::{JobRow, JobState};
pub use records::{FrozenSet, ResultRow, TrusteeFile};
pub use types::{
    AccountId, BallotId, ElectionId, ElectionRole, JobId, PasswordHash, SecretBytes, TokenHash,
    UnixMicros, VoterId,
};
pub use voters::{NewVoter, VoterRow};
// --- web sessions (webauth branch) ---
pub use web_sessions::{WebSessionKey, WebSessionRow};
// --- atomic acts and audit entries (staffsec branch) ---
pub use write::WriteTx;
// --- e-mail to voters (mail branch) ---
pub mod mail;
pub use mail::{LinkDeliveryRow, MailStatus, NewNotice, NoticeRow};
// --- end e-mail to voters ---
// --- the public board (server-board branch) ---
pub mod board;
pub use board::{BoardEventRow, LeafHash, NewBoardEvent, OwnedBoardEvent, UnpublishedBallot};
// --- end the public board ---
// --- recounts after a withdrawal once counted (live branch) ---
pub mod recounts;
// --- end recounts ---
// --- scrutiny and purge (scrutiny branch) ---
pub mod scrutiny;
pub use scrutiny::{PrintRow, PurgeCounts, SealedSubmission, SubmissionPrints};
// --- end scrutiny and purge ---
// --- notifications: reminders, voters' languages, quorum, turnout over time (notify branch) ---
pub mod notify;
pub use mail::NoticeOutcome;
pub use notify::{HourlyFirstVotes, ReminderRow, ReminderStatusCount};
// --- end notifications ---
// --- rehearsals (issue 7) ---
pub mod rehearsals;
pub use rehearsals::RehearsalRow;
// --- end rehearsals ---
// --- voter sign-in through wikis and OpenID Connect (signin branch) ---
pub mod signin;
pub use signin::SignInAttemptRow;
// --- end voter sign-in ---
// --- eligibility from wiki data (wikielig branch) ---
pub mod eligibility;
pub use eligibility::{EligibilityProgress, NewSnapshotRow, SnapshotRow};
// --- end eligibility from wiki data ---
