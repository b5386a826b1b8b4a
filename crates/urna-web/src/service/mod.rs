//! The application service layer: every use case of an election, over the store
//! (`urna-store`), the domain (`urna-core`) and the cryptography (`urna-crypto`).
//!
//! The HTTP handlers and the JSON API call these functions; nothing here knows HTTP. Each use
//! case loads the election, asks the domain whether the act is allowed now (the lifecycle in
//! [`urna_core::election::Election::apply`] and [`urna_core::lifecycle::State::allows`]),
//! writes the store rows, and appends an entry to the election's audit chain. Clocks are the
//! caller's: every function that needs the time takes `now`.
//!
//! - [`elections`]: create, edit while draft, roles, list, load.
//! - [`voters`]: voter-list upload, voting links (issued once, stored only hashed), revoke and
//!   reissue, the CSV of links for distribution.
//! - [`trustees`]: the key ceremony (set-up, DKG rounds, the election key).
//! - [`lifecycle`]: ready, open, close by hand, and the scheduler.
//! - [`voting`]: casting a sealed ballot and the receipt.
//! - [`admin`]: turnout, strikes, extending the end, withdrawing a candidate.
//! - [`counting`]: freezing and shuffling the ballots, decryption shares, the count job.
//! - [`publish`]: publishing results and the anonymised ballots.
//! - [`demo`]: a ready-to-vote demo election for `urna serve --demo`.
//! - [`cache`]: parsed elections kept between requests, trusted only at the row's revision.
//! - [`mail`]: e-mailing voting links (status only stored) and notices to voters.
//!
//! # How things are stored
//! The election row's `state` column is the lifecycle state (changed only by compare-and-set);
//! its definition document is the domain's [`ElectionSpec`] JSON. Trustee files use these
//! rounds: [`ROUND_SETUP`] (the key-ceremony set-up, once, under trustee index 1),
//! [`ROUND_DKG1`] and [`ROUND_DKG2`] (the two key-generation rounds), [`ROUND_DECRYPTION`]
//! (decryption shares of the frozen set). A sealed ballot is stored as 32 bytes of `R` followed
//! by the ciphertext; its context binds the election id and the question layout, see
//! [`ballot_context`].
//!
//! # Atomicity
//! An act reads what it needs, then opens one write transaction ([`urna_store::WriteTx`]),
//! makes its writes there (guarded by a compare-and-set on the state where it matters) and
//! commits them with its audit entry ([`commit_audited`], [`commit_event`]): an act is never
//! stored without its entry, nor an entry without its act. While the transaction is open the
//! act only reads through it (on SQLite it holds the writer, and in memory the only
//! connection).
//!
//! # Permissions
//! These functions do not check who may act: the handlers do, with [`ensure_role`], before
//! calling them. The `actor` argument is what the audit log records.

pub mod admin;
pub mod cache;
pub mod counting;
pub mod demo;
pub mod elections;
pub mod lifecycle;
pub mod publish;
pub mod trustees;
pub mod voters;
pub mod voting;
// --- e-mail to voters ---
pub mod mail;
// --- end e-mail to voters ---
// --- the public board (server-board branch) ---
pub mod board;
pub mod tally_verifiable;
// --- end the public board ---
// --- mixnet elections (issue 5) ---
pub mod mixnet;
// --- end mixnet elections ---
// --- safe changes while voting runs (live branch) ---
pub mod live;
// --- end safe changes while voting runs ---
// --- scrutiny and purge (scrutiny branch) ---
pub mod scrutiny;
// --- end scrutiny and purge ---
// --- notifications: reminders and the turnout tracker (notify branch) ---
pub mod reminders;
pub mod turnout;
// --- end notifications ---
// --- rehearsal (issue 7) ---
pub mod rehearsal;
// --- end rehearsal ---

use std::fmt;

use jiff::Timestamp;
use sha2::{Digest as _, Sha256};
use thiserror::Error;
use urna_core::ballot::BallotError;
use urna_core::election::{Election, ElectionError, ElectionEvent, ElectionSpec};
use urna_core::lifecycle::State;
use urna_core::question::BallotType;
use urna_core::voters::VoterListError;
use urna_crypto::{CryptoError, ElectionKey};
use urna_store::{
    AccountId, Db, ElectionRole, ElectionRow, NewAuditEntry, StoreError, UnixMicros, WriteTx,
};

/// Trustee-file round of the key-ceremony set-up (stored once, under trustee index 1).
pub const ROUND_SETUP: i64 = 1;
/// Trustee-file round of DKG round 1 messages.
pub const ROUND_DKG1: i64 = 2;
/// Trustee-file round of DKG round 2 messages.
pub const ROUND_DKG2: i64 = 3;
/// Trustee-file round of decryption shares for the frozen set.
pub const ROUND_DECRYPTION: i64 = 4;

/// Who did something, as the audit log names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// A signed-in staff account.
    Staff(AccountId),
    /// The server itself (the scheduler, the count job).
    System,
    /// The demo set-up of `urna serve --demo`.
    Demo,
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Actor::Staff(id) => write!(f, "account:{id}"),
            Actor::System => f.write_str("system"),
            Actor::Demo => f.write_str("demo"),
        }
    }
}

/// Why a use case was refused or failed. Messages are for the user who asked.
#[derive(Debug, Error)]
pub enum ServiceError {
    #[error("there is no election {0:?}")]
    NoSuchElection(String),
    #[error("election {slug:?} has no voter {voter:?}")]
    NoSuchVoter { slug: String, voter: String },
    #[error("election {slug:?} has no question {question:?}")]
    NoSuchQuestion { slug: String, question: String },
    #[error(transparent)]
    Election(#[from] ElectionError),
    #[error("the ballot was not accepted: {0}")]
    InvalidBallot(BallotError),
    #[error("the voter list was not accepted:\n{0}")]
    VoterList(#[from] VoterListError),
    #[error("the election is not ready: {}", .0.join("; "))]
    NotReady(Vec<String>),
    #[error("the election has no key yet: the trustees must finish the key ceremony first")]
    NoElectionKey,
    #[error("the key ceremony has not been set up for this election")]
    NoKeyCeremony,
    #[error("the key ceremony is already set up; it cannot be changed")]
    KeyCeremonyExists,
    #[error("{what} was refused: {source}")]
    Crypto {
        what: String,
        #[source]
        source: CryptoError,
    },
    #[error("{0}")]
    Refused(String),
    #[error(
        "the ballots have been frozen for the count; ballots can no longer be struck or unstruck"
    )]
    AlreadyFrozen,
    #[error("the ballots have not been frozen yet; freeze them after the election closes")]
    NotFrozen,
    #[error("you have already voted, and this election does not allow changing a ballot")]
    AlreadyVoted,
    #[error("this voting link has been withdrawn; ask the election's administrators for a new one")]
    VoterRevoked,
    #[error("the election changed meanwhile (it is now {actual}); reload and try again")]
    Conflict { actual: String },
    #[error("{what} is damaged: {detail}")]
    Corrupt { what: String, detail: String },
    #[error("the system random number generator failed: {0}")]
    Random(String),
    #[error("{what}: {source}")]
    Io {
        what: String,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(StoreError),
    // --- rehearsal (issue 7) ---
    #[error(
        "no rehearsal has passed since the election last changed (revision {revision}): \
         rehearse it, or give a reason to override"
    )]
    NotRehearsed { revision: i64 },
    #[error("a rehearsal is for an election that has not opened yet; this one is {state}")]
    RehearsalTooLate { state: String },
    #[error("election {slug:?} has no rehearsal {job}")]
    NoSuchRehearsal { slug: String, job: i64 },
    // --- end rehearsal ---
}

impl From<StoreError> for ServiceError {
    fn from(e: StoreError) -> ServiceError {
        match e {
            StoreError::AlreadyVoted(_) => ServiceError::AlreadyVoted,
            StoreError::VoterRevoked(_) => ServiceError::VoterRevoked,
            StoreError::StateConflict { actual, .. } => ServiceError::Conflict { actual },
            StoreError::NoPublicKey(_) => ServiceError::NoElectionKey,
            other => ServiceError::Store(other),
        }
    }
}

pub(crate) fn crypto(what: impl Into<String>) -> impl FnOnce(CryptoError) -> ServiceError {
    let what = what.into();
    move |source| ServiceError::Crypto { what, source }
}

pub(crate) fn corrupt(what: impl Into<String>, detail: impl fmt::Display) -> ServiceError {
    ServiceError::Corrupt {
        what: what.into(),
        detail: detail.to_string(),
    }
}

/// The store's timestamp for a domain instant.
pub fn micros(t: Timestamp) -> UnixMicros {
    UnixMicros(t.as_microsecond())
}

/// An election as the service layer works on it: the store row's id, the checked domain
/// election (its state taken from the row, which is authoritative) and the key, once made.
#[derive(Debug, Clone)]
pub struct LoadedElection {
    pub row_id: urna_store::ElectionId,
    pub election: Election,
    pub key: Option<ElectionKey>,
    pub sealed_ballot_len: Option<i64>,
    /// The revision of the row this was parsed from (see [`cache`]).
    pub revision: i64,
    /// Its verifiable-election parameters, built once ([`voting::election_params`]): building
    /// them precomputes the election key's multiplication tables.
    pub params: ParamsCache,
}

/// A lazily built `Option<ElectionParams>` (none for a sealed election).
#[derive(Clone, Default)]
pub struct ParamsCache(std::sync::OnceLock<Option<urna_crypto::ElectionParams>>);

impl ParamsCache {
    pub(crate) fn get_or_build(
        &self,
        build: impl FnOnce() -> Result<Option<urna_crypto::ElectionParams>, ServiceError>,
    ) -> Result<Option<urna_crypto::ElectionParams>, ServiceError> {
        if let Some(params) = self.0.get() {
            return Ok(params.clone());
        }
        let params = build()?;
        Ok(self.0.get_or_init(|| params).clone())
    }
}

impl std::fmt::Debug for ParamsCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self.0.get() {
            None => "ParamsCache(not built)",
            Some(None) => "ParamsCache(sealed)",
            Some(Some(_)) => "ParamsCache(built)",
        })
    }
}

impl LoadedElection {
    pub fn state(&self) -> State {
        self.election.state()
    }

    pub fn slug(&self) -> &str {
        self.election.slug().as_str()
    }

    pub fn key(&self) -> Result<&ElectionKey, ServiceError> {
        self.key.as_ref().ok_or(ServiceError::NoElectionKey)
    }
}

pub(crate) fn parse_state(name: &str) -> Result<State, ServiceError> {
    serde_json::from_value(serde_json::Value::String(name.to_owned()))
        .map_err(|_| corrupt("the election's state", format!("unknown state {name:?}")))
}

pub(crate) fn from_row(row: ElectionRow) -> Result<LoadedElection, ServiceError> {
    let mut spec: ElectionSpec = serde_json::from_value(row.definition)
        .map_err(|e| corrupt(format!("the definition of election {}", row.slug), e))?;
    spec.state = parse_state(&row.state)?;
    let election = Election::try_from(spec)
        .map_err(|e| corrupt(format!("the definition of election {}", row.slug), e))?;
    let key = row
        .public_key
        .map(serde_json::from_value::<ElectionKey>)
        .transpose()
        .map_err(|e| corrupt(format!("the key of election {}", row.slug), e))?;
    Ok(LoadedElection {
        row_id: row.id,
        election,
        key,
        sealed_ballot_len: row.sealed_ballot_len,
        revision: row.revision,
        params: ParamsCache::default(),
    })
}

/// Loads the election with this slug.
pub async fn load(db: &Db, slug: &str) -> Result<LoadedElection, ServiceError> {
    let row = db
        .election_by_slug(slug)
        .await?
        .ok_or_else(|| ServiceError::NoSuchElection(slug.to_owned()))?;
    from_row(row)
}

/// Fails unless `account` holds one of `roles` in the election.
pub async fn ensure_role(
    db: &Db,
    slug: &str,
    account: AccountId,
    roles: &[ElectionRole],
) -> Result<(), ServiceError> {
    let loaded = load(db, slug).await?;
    let grants = db.election_roles(loaded.row_id).await?;
    if grants
        .iter()
        .any(|g| g.account == account && roles.contains(&g.role))
    {
        Ok(())
    } else {
        let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
        Err(ServiceError::Refused(format!(
            "this needs the role {} in election {slug:?}",
            names.join(" or ")
        )))
    }
}

/// Appends an audit entry on its own, for what happened outside the database (mail sent or
/// queued): there is no row change to commit with it.
pub(crate) async fn audit(
    db: &Db,
    election: urna_store::ElectionId,
    actor: Actor,
    action: &str,
    details: &serde_json::Value,
    now: Timestamp,
) -> Result<(), ServiceError> {
    let tx = db.begin_write().await?;
    commit_audited(tx, election, actor, action, details, now).await
}

/// Commits the writes of an act (in `tx`) together with its entry in the election's audit
/// chain: both are stored, or neither.
pub(crate) async fn commit_audited(
    tx: WriteTx,
    election: urna_store::ElectionId,
    actor: Actor,
    action: &str,
    details: &serde_json::Value,
    now: Timestamp,
) -> Result<(), ServiceError> {
    tx.commit_audited(NewAuditEntry {
        election: Some(election),
        at: micros(now),
        actor: &actor.to_string(),
        action,
        details,
    })
    .await?;
    Ok(())
}

/// [`commit_audited`] with a domain event as the entry.
pub(crate) async fn commit_event(
    tx: WriteTx,
    election: urna_store::ElectionId,
    actor: Actor,
    event: &ElectionEvent,
    now: Timestamp,
) -> Result<(), ServiceError> {
    commit_audited(
        tx,
        election,
        actor,
        event.audit_action(),
        &event.audit_details(),
        now,
    )
    .await
}

/// Appends a domain event to the audit chain inside `tx`, for an act that logs more than one
/// entry (its last goes to [`commit_audited`]).
pub(crate) async fn append_event(
    tx: &mut WriteTx,
    election: urna_store::ElectionId,
    actor: Actor,
    event: &ElectionEvent,
    now: Timestamp,
) -> Result<(), ServiceError> {
    tx.append_audit(NewAuditEntry {
        election: Some(election),
        at: micros(now),
        actor: &actor.to_string(),
        action: event.audit_action(),
        details: &event.audit_details(),
    })
    .await?;
    Ok(())
}

/// Writes the definition (window, withdrawals, texts) while the election is in `state`.
pub(crate) async fn save_definition(
    tx: &mut WriteTx,
    loaded: &LoadedElection,
    required_state: State,
    now: Timestamp,
) -> Result<(), ServiceError> {
    let definition = serde_json::to_value(loaded.election.to_spec())
        .map_err(|e| corrupt("the election definition", e))?;
    tx.update_election_definition(
        loaded.row_id,
        required_state.name(),
        &definition,
        micros(now),
    )
    .await?;
    Ok(())
}

/// The context every ballot of the election is sealed under:
/// `"urna-ballot-context-v1" 0x00 || election id (26 ASCII bytes) || SHA-256(layout)`, where
/// the layout is one line per question, `question id, ballot type, option ids in order`,
/// written as compact JSON. Texts and withdrawals are not part of it: they may change while
/// the election is open, and the frozen set needs one context for every ballot.
pub fn ballot_context(election: &Election) -> Vec<u8> {
    let layout: Vec<serde_json::Value> = election
        .questions()
        .iter()
        .map(|q| {
            let ballot_type: &BallotType = &q.ballot_type;
            serde_json::json!([
                q.id.as_str(),
                ballot_type,
                q.options.iter().map(|c| c.id.as_str()).collect::<Vec<_>>()
            ])
        })
        .collect();
    let layout_text = serde_json::Value::Array(layout).to_string();
    let mut out = b"urna-ballot-context-v1\0".to_vec();
    out.extend_from_slice(election.id().as_str().as_bytes());
    out.extend_from_slice(&Sha256::digest(layout_text.as_bytes()));
    out
}

/// The padded plaintext length handed to `seal` (the ballot's padded encoding plus the 4-byte
/// length prefix), and the stored sealed length (32 bytes of `R`, then that plus the 16-byte
/// tag).
pub fn sealed_lengths(election: &Election) -> (usize, usize) {
    let padded = election.ballot_len() + 4;
    (padded, 32 + padded + 16)
}

/// Stored bytes of a sealed ballot: `R` then the ciphertext.
pub(crate) fn sealed_to_bytes(sealed: &urna_crypto::SealedBallot) -> Vec<u8> {
    let mut out = sealed.ephemeral.to_bytes().to_vec();
    out.extend_from_slice(&sealed.ciphertext);
    out
}

pub(crate) fn sealed_from_bytes(bytes: &[u8]) -> Result<urna_crypto::SealedBallot, ServiceError> {
    let Some((r, ct)) = bytes.split_first_chunk::<32>() else {
        return Err(corrupt(
            "a stored sealed ballot",
            format!("{} bytes", bytes.len()),
        ));
    };
    let ephemeral = urna_crypto::GroupElement::from_bytes(*r)
        .map_err(|e| corrupt("a stored sealed ballot", e))?;
    Ok(urna_crypto::SealedBallot {
        ephemeral,
        ciphertext: ct.to_vec(),
    })
}
// --- eligibility from wiki data (wikielig branch) ---
pub mod eligibility;
// --- end eligibility from wiki data ---
