//! In-process HTTP tests: requests go through the whole router and middleware stack with
//! `tower::ServiceExt::oneshot`, no socket. One test binary (faster to link than one per file).

mod helpers;
#[path = "../support/ceremony.rs"]
mod key_ceremony;

mod csrf;
mod errors;
mod headers;
mod i18n;
mod pages;
mod rate_limit;

// --- ballot UI ---
mod ballot_preview;
// --- end ballot UI ---
// --- webauth ---
mod staff;

// --- voter routes ---
mod voter;
// --- end voter routes ---
// --- verifiable ballots (server-vote branch) ---
mod verifiable_vote;
// --- end verifiable ballots ---
// --- the public board (server-board branch) ---
mod board;
// --- end the public board ---
// --- access: every route against every role ---
mod access;
mod no_secrets_logged;
mod voting_links;
// --- end access ---
// --- server limits (issue 8, Inputs) ---
mod input_props;
mod limits;
// --- end server limits ---
// Shared by the access and limits tests.
#[path = "../support/staff.rs"]
mod staff_support;
// --- faults: the database goes away while a voter casts ---
mod db_unavailable;
// --- end faults ---
// --- safe changes while voting runs (live branch) ---
mod live;
// --- end safe changes while voting runs ---
// --- scrutiny and purge (scrutiny branch) ---
mod scrutiny;
// --- end scrutiny and purge ---
// --- voter sign-in through wikis and OpenID Connect (signin branch) ---
mod signin;
// --- end voter sign-in ---
// --- eligibility from wiki data (wikielig branch) ---
mod eligibility;
// --- end eligibility from wiki data ---
