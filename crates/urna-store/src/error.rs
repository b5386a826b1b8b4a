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
    /// A lease renewal found the job taken over by another process (its lease had run out).
    #[error("job {0} was taken over by another process after its lease ran out")]
    JobTakenOver(JobId),
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
        /// Whether the failure was the database being unreachable ([`StoreError::is_unavailable`]).
        unavailable: bool,
    },
    /// The database handle was closed (or its writer stopped) before the write was done.
    #[error("the database is closed")]
    Closed,
    /// The operating system's random number generator failed.
    #[error("random number generator failed: {0}")]
    Random(getrandom::Error),
}

impl StoreError {
    /// Whether this failure means the database cannot be reached right now (down, refusing
    /// connections, restarting, its connections cut, or too busy), so the same request may
    /// succeed later, rather than that the request or the data is at fault. Nothing was
    /// written: a transaction that fails this way commits nothing.
    pub fn is_unavailable(&self) -> bool {
        match self {
            StoreError::Database { source, .. } => is_unavailable_error(source),
            StoreError::Batch { unavailable, .. } => *unavailable,
            StoreError::Closed => true,
            _ => false,
        }
    }
}

/// True for driver errors that mean the database is unreachable (see
/// [`StoreError::is_unavailable`]).
pub(crate) fn is_unavailable_error(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => true,
        // SQLite's primary result codes (the low byte of an extended one): 5 BUSY, 6 LOCKED
        // (after the busy timeout), 10 IOERR, 13 FULL, 14 CANTOPEN.
        sqlx::Error::Database(db)
            if db.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() =>
        {
            matches!(
                db.code()
                    .and_then(|c| c.parse::<i32>().ok())
                    .map(|c| c & 0xff),
                Some(5 | 6 | 10 | 13 | 14)
            )
        }
        // PostgreSQL SQLSTATEs (appendix A): class 08 connection exception; 53300 too many
        // connections; 57P01–57P03 administrator or crash shutdown, cannot connect now; 55000
        // is how a database with ALLOW_CONNECTIONS false refuses ("not currently accepting
        // connections").
        sqlx::Error::Database(db) => {
            let code = db.code();
            let code = code.as_deref().unwrap_or_default();
            code.starts_with("08")
                || matches!(code, "53300" | "57P01" | "57P02" | "57P03")
                || (code == "55000" && db.message().contains("not currently accepting"))
        }
        _ => false,
    }
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
