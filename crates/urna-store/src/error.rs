//! The store's error type: every failure names what was being done and the value at fault.

use crate::types::{ElectionId, JobId, VoterId};

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database URL or path could not be understood.
    #[error("database address {url:?} is not usable: {reason}")]
    BadUrl {
        /// The address as given, with any password removed.
        url: String,
        /// Why it was refused.
        reason: String,
    },
    /// The driver failed while doing `operation`.
    #[error("database error while {operation}: {source}")]
    Database {
        /// What the store was doing, e.g. "casting a ballot".
        operation: &'static str,
        /// The driver's error.
        #[source]
        source: sqlx::Error,
    },
    /// Applying the embedded migrations failed.
    #[error("applying database migrations failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A unique value is already taken (a slug, a username, a voter identifier…).
    #[error("{what} {value:?} already exists")]
    Duplicate {
        /// The kind of value, e.g. "election slug".
        what: &'static str,
        /// The value that clashed.
        value: String,
    },
    /// A row the caller named does not exist.
    #[error("{what} {key} does not exist")]
    NotFound {
        /// The kind of row, e.g. "election".
        what: &'static str,
        /// Its key, as text.
        key: String,
    },
    /// A compare-and-set on an election's state found another state.
    #[error("election {election} is {actual:?}, not {expected:?}")]
    StateConflict {
        /// The election.
        election: ElectionId,
        /// The state the caller required.
        expected: String,
        /// The state found.
        actual: String,
    },
    /// The voter's access was revoked.
    #[error("voter {0} is revoked and cannot vote")]
    VoterRevoked(VoterId),
    /// The voter already has a current ballot and the election allows no changes.
    #[error("voter {0} has already voted and changes are not allowed")]
    AlreadyVoted(VoterId),
    /// A sealed ballot's length differs from the election's fixed sealed length.
    #[error("sealed ballot for election {election} is {actual} bytes, expected {expected}")]
    SealedLength {
        /// The election.
        election: ElectionId,
        /// The election's sealed ballot length.
        expected: i64,
        /// The length received.
        actual: usize,
    },
    /// The election has no public key yet, so it cannot take ballots.
    #[error("election {0} has no public key (and so no sealed ballot length) yet")]
    NoPublicKey(ElectionId),
    /// There is no current ballot in the state the strike or unstrike needs.
    #[error("voter {voter} has no current {wanted} ballot")]
    NoBallotToChange {
        /// The voter.
        voter: VoterId,
        /// "unstruck" (to strike) or "struck" (to unstrike).
        wanted: &'static str,
    },
    /// The audit chain's head is not the hash the caller expected: someone appended first.
    #[error("audit chain of {chain} moved: expected head {expected}, found {actual}")]
    AuditChainMoved {
        /// "election N" or "site".
        chain: String,
        /// Expected head hash, hex.
        expected: String,
        /// Actual head hash, hex.
        actual: String,
    },
    /// An audit chain does not verify.
    #[error("audit chain of {chain} is broken at entry {seq}: {reason}")]
    AuditChainBroken {
        /// "election N" or "site".
        chain: String,
        /// The first entry that fails.
        seq: i64,
        /// What is wrong with it.
        reason: String,
    },
    /// A job update named a job that is already finished.
    #[error("job {0} is already finished")]
    JobFinished(JobId),
    /// A job of this kind is already running for the election (and shows signs of life):
    /// its id, so the caller can follow it instead of starting a second one.
    #[error("job {0} of this kind is already running for the election")]
    JobAlreadyRunning(JobId),
    /// A value read from the database is not what the schema promises (tampering or a bug).
    #[error("corrupt value in {table}.{column}: {detail}")]
    CorruptRow {
        /// Table name.
        table: &'static str,
        /// Column name.
        column: &'static str,
        /// What is wrong.
        detail: String,
    },
    /// A value given to the store is out of range.
    #[error("invalid {what}: {detail}")]
    Invalid {
        /// The argument, e.g. "voter weight".
        what: &'static str,
        /// What is wrong with it.
        detail: String,
    },
    /// A batched write (SQLite group commit) failed as a whole; nothing in it was stored.
    #[error("database error while {operation} (batched write; nothing stored): {reason}")]
    Batch {
        /// What the writer was doing.
        operation: &'static str,
        /// The driver's error message.
        reason: String,
    },
    /// The database handle was closed (or its writer stopped) before the write was done.
    #[error("the database is closed")]
    Closed,
    /// The operating system's random number generator failed.
    #[error("random number generator failed: {0}")]
    Random(getrandom::Error),
}

/// Attaches "what were we doing" to driver errors.
pub(crate) trait DbContext<T> {
    fn op(self, operation: &'static str) -> Result<T, StoreError>;
}

impl<T> DbContext<T> for Result<T, sqlx::Error> {
    fn op(self, operation: &'static str) -> Result<T, StoreError> {
        self.map_err(|source| StoreError::Database { operation, source })
    }
}

/// True if `error` is a unique-constraint violation (either backend).
pub(crate) fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(db) if db.is_unique_violation())
}

/// True if `error` is a foreign-key violation (either backend).
pub(crate) fn is_foreign_key_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(db) if db.is_foreign_key_violation())
}
