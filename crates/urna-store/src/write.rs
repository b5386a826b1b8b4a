//! Write transactions: the writes of one act and its audit entry, committed together.
//!
//! An admin act (a transition, a strike, a voter-list upload…) and the audit entry that records
//! it must not part: a crash between two transactions would leave an unlogged act, or a logged
//! act that never happened. So every mutating operation an act uses is a method of
//! [`WriteTx`], and the only public way to commit one is [`WriteTx::commit_audited`], which
//! appends the entry to its chain inside the same transaction:
//!
//! ```text
//! let mut tx = db.begin_write().await?;
//! tx.transition_election(id, "ready", "open", now).await?;
//! tx.commit_audited(entry).await?;   // both, or neither
//! ```
//!
//! Dropping a `WriteTx` without committing rolls everything back. An operation that fails
//! poisons the transaction (on PostgreSQL the server would refuse further statements anyway):
//! committing it is refused, so a caller that ignores an error cannot commit half an act.
//!
//! The one-operation methods on [`Db`] (`db.transition_election(…)` and the like) run the same
//! code in a transaction of their own, without an audit entry, for tools and tests.
//!
//! SQLite: a `WriteTx` holds the single writer connection (see [`crate::db`]) until it ends, so
//! ballots queued for the group-committing writer wait for it, and the holder must not call
//! other write methods of [`Db`] meanwhile (they would wait for the connection it holds). On an
//! in-memory database the read pool is the same connection: read everything first, then begin.

use crate::audit::{AuditEntry, NewAuditEntry};
use crate::db::{Db, Inner};
use crate::error::{DbContext, StoreError};

/// An open write transaction; see the module documentation.
pub struct WriteTx {
    pub(crate) inner: TxInner,
    /// The operation that failed, once one has: the transaction can only be dropped.
    pub(crate) failed: Option<&'static str>,
}

pub(crate) enum TxInner {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

impl std::fmt::Debug for WriteTx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let backend = match self.inner {
            TxInner::Sqlite(_) => "sqlite",
            TxInner::Postgres(_) => "postgres",
        };
        f.debug_struct("WriteTx")
            .field("backend", &backend)
            .field("failed", &self.failed)
            .finish()
    }
}

/// `tx_run!(tx, "doing x", |conn| body)`: runs `body` (an expression of type
/// `Result<T, StoreError>`, compiled once per engine) with `conn` bound to the transaction's
/// native connection (and, in the `|conn, backend|` form, `backend` to its [`crate::db::Backend`]), and poisons the transaction if it fails. `return` inside `body` leaves
/// the body only.
macro_rules! tx_run {
    ($tx:expr, $operation:expr, |$conn:ident| $body:expr) => {
        tx_run!($tx, $operation, |$conn, _backend| $body)
    };
    ($tx:expr, $operation:expr, |$conn:ident, $backend:ident| $body:expr) => {{
        let tx: &mut $crate::write::WriteTx = $tx;
        if let Some(failed) = tx.failed {
            return Err($crate::write::poisoned(failed));
        }
        let result: Result<_, $crate::error::StoreError> = match &mut tx.inner {
            $crate::write::TxInner::Sqlite(transaction) => {
                let $conn: &mut sqlx::SqliteConnection = &mut **transaction;
                #[allow(unused_variables)]
                let $backend = $crate::db::Backend::Sqlite;
                async { $body }.await
            }
            $crate::write::TxInner::Postgres(transaction) => {
                let $conn: &mut sqlx::PgConnection = &mut **transaction;
                #[allow(unused_variables)]
                let $backend = $crate::db::Backend::Postgres;
                async { $body }.await
            }
        };
        if result.is_err() {
            tx.failed = Some($operation);
        }
        result
    }};
}
pub(crate) use tx_run;

pub(crate) fn poisoned(failed: &'static str) -> StoreError {
    StoreError::Invalid {
        what: "write transaction",
        detail: format!("{failed} failed earlier in it; it can only be rolled back"),
    }
}

impl Db {
    /// Starts a write transaction (on SQLite, waits for the writer connection).
    pub async fn begin_write(&self) -> Result<WriteTx, StoreError> {
        let inner = match &self.inner {
            Inner::Sqlite { write, .. } => {
                TxInner::Sqlite(write.begin().await.op("starting a write transaction")?)
            }
            Inner::Postgres(pool, _) => {
                TxInner::Postgres(pool.begin().await.op("starting a write transaction")?)
            }
        };
        Ok(WriteTx {
            inner,
            failed: None,
        })
    }
}

impl WriteTx {
    /// Appends `entry` to its audit chain and commits everything: the act and its entry are
    /// stored together or not at all. Returns the stored entry.
    pub async fn commit_audited(
        mut self,
        entry: NewAuditEntry<'_>,
    ) -> Result<AuditEntry, StoreError> {
        let stored = self.append_audit(entry).await?;
        self.commit().await?;
        Ok(stored)
    }

    /// Commits without an audit entry: for the one-operation methods of [`Db`] and for
    /// appends that are themselves the act.
    pub(crate) async fn commit(self) -> Result<(), StoreError> {
        if let Some(failed) = self.failed {
            return Err(poisoned(failed));
        }
        match self.inner {
            TxInner::Sqlite(tx) => tx.commit().await,
            TxInner::Postgres(tx) => tx.commit().await,
        }
        .op("committing a write transaction")
    }
}
