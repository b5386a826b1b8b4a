//! Storage tests. Every case runs twice: on a SQLite file and on a fresh PostgreSQL database
//! (`URNA_TEST_PG_URL`; `scripts/test` starts a server and sets it).

// Test helpers outside #[test] functions: a failed setup step should stop the test loudly.
#![allow(clippy::unwrap_used)]

mod support;

mod accounts;
mod audit;
mod ballots;
mod bench;
mod dump;
mod elections;
mod every_cell;
mod records;
mod schema;
mod voters;
mod web_sessions;
// --- write transactions (staffsec branch) ---
mod write;
// e-mail to voters
mod mail;
// --- verifiable ballots (server-vote branch) ---
mod verifiable_ballots;
// the public board (server-board branch)
mod board;
// --- once-per-election claims (scale branch) ---
mod claims;
// --- end once-per-election claims ---
// --- scrutiny and purge (scrutiny branch) ---
mod scrutiny;
// --- end scrutiny and purge ---
// --- notifications (notify branch) ---
mod notify;
// --- end notifications ---
// --- rehearsals (issue 7) ---
mod rehearsals;
// --- end rehearsals ---
// --- voter sign-in (signin branch) ---
mod signin;
// --- eligibility from wiki data (wikielig branch) ---
mod eligibility;
// --- end eligibility from wiki data ---
