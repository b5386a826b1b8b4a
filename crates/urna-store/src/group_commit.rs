//! Group commit: the writes on a voter's path, many per transaction.
//!
//! Casting a ballot and saving the web session made at sign-in come at the rate of ballots.
//! One transaction each would cost, per write, a commit that waits for the disk (SQLite with
//! `synchronous=FULL`, PostgreSQL's WAL flush) and several round trips (to SQLite's connection
//! thread, or to the PostgreSQL server). Instead they go to [`GroupWriter`]'s queue; a writer
//! task takes every write waiting (up to [`MAX_BATCH`]), does them in one transaction, commits
//! once, and only then answers each caller: an acknowledged write is on disk.
//!
//! Each kind of write is done for the whole batch in a constant number of statements (see
//! `ballots::cast_batch_in_*`), so a batch of 200 casts costs about what one did. A write that
//! is refused (a ballot in a closed election, say) is decided by the batch's read before
//! anything is written, and the batch goes on without it. A database error rolls the whole
//! batch back and every caller in it gets the error: none of them was acknowledged, so nothing
//! acknowledged is lost.
//!
//! A verifiable ballot whose credential key is already in its election (a copied ballot) is
//! refused by the same read; should two PostgreSQL writers race on one key, the batch the
//! unique index stops is written once more, and then refuses only that cast.
//!
//! SQLite has one writer task (the database has one writer anyway). PostgreSQL has
//! [`POSTGRES_WRITERS`], so that one batch's commit overlaps the next batch's statements;
//! their row locks (taken in voter-id order) keep one voter's casts in sequence.

use std::sync::Arc;

use sqlx::{PgPool, SqlitePool};
use tokio::sync::{Mutex, mpsc, oneshot};

use crate::ballots::{CastRequest, cast_batch_in_postgres, cast_batch_in_sqlite};
use crate::error::{DbContext, StoreError};
use crate::types::BallotId;
use crate::web_sessions::{SessionWrite, write_sessions_in_postgres, write_sessions_in_sqlite};

/// Most writes a writer commits in one transaction.
const MAX_BATCH: usize = 256;
/// Writes waiting for the writers before senders wait too.
const QUEUE: usize = 1024;
/// Writer tasks on PostgreSQL.
pub(crate) const POSTGRES_WRITERS: usize = 2;

/// One queued write and where its answer goes.
enum Queued {
    Cast(CastRequest, oneshot::Sender<Result<BallotId, StoreError>>),
    Session(SessionWrite, oneshot::Sender<Result<(), StoreError>>),
}

/// The handle on the writer tasks; cheap to clone. They end when every handle is dropped.
#[derive(Clone, Debug)]
pub(crate) struct GroupWriter {
    queue: mpsc::Sender<Queued>,
}

/// Starts `writers` tasks taking batches from one queue.
fn spawn<F, Fut>(writers: usize, write_batch: F) -> GroupWriter
where
    F: Fn(Batch) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let (queue, receiver) = mpsc::channel::<Queued>(QUEUE);
    let receiver = Arc::new(Mutex::new(receiver));
    for _ in 0..writers.max(1) {
        let (receiver, write_batch) = (receiver.clone(), write_batch.clone());
        tokio::spawn(async move {
            loop {
                let mut queued = Vec::with_capacity(MAX_BATCH);
                // Only the wait for work is under the lock; batches run side by side.
                if receiver
                    .lock()
                    .await
                    .recv_many(&mut queued, MAX_BATCH)
                    .await
                    == 0
                {
                    return;
                }
                write_batch(Batch::sort(queued)).await;
            }
        });
    }
    GroupWriter { queue }
}

impl GroupWriter {
    pub(crate) fn spawn_sqlite(pool: SqlitePool) -> Self {
        spawn(1, move |batch| write_sqlite_batch(pool.clone(), batch))
    }

    pub(crate) fn spawn_postgres(pool: PgPool) -> Self {
        spawn(POSTGRES_WRITERS, move |batch| {
            write_postgres_batch(pool.clone(), batch)
        })
    }

    /// Casts a ballot in the next batch; answers once it is committed.
    pub(crate) async fn cast(&self, request: CastRequest) -> Result<BallotId, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.queue
            .send(Queued::Cast(request, reply))
            .await
            .map_err(|_| StoreError::Closed)?;
        answer.await.map_err(|_| StoreError::Closed)?
    }

    /// Saves (or replaces) a web session in the next batch; answers once it is committed.
    pub(crate) async fn session(&self, write: SessionWrite) -> Result<(), StoreError> {
        let (reply, answer) = oneshot::channel();
        self.queue
            .send(Queued::Session(write, reply))
            .await
            .map_err(|_| StoreError::Closed)?;
        answer.await.map_err(|_| StoreError::Closed)?
    }
}

/// A batch sorted by kind, each kind in arrival order.
struct Batch {
    casts: Vec<CastRequest>,
    cast_replies: Vec<oneshot::Sender<Result<BallotId, StoreError>>>,
    sessions: Vec<SessionWrite>,
    session_replies: Vec<oneshot::Sender<Result<(), StoreError>>>,
}

impl Batch {
    fn sort(queued: Vec<Queued>) -> Batch {
        let mut batch = Batch {
            casts: Vec::new(),
            cast_replies: Vec::new(),
            sessions: Vec::new(),
            session_replies: Vec::new(),
        };
        for write in queued {
            match write {
                Queued::Cast(request, reply) => {
                    batch.casts.push(request);
                    batch.cast_replies.push(reply);
                }
                Queued::Session(write, reply) => {
                    batch.sessions.push(write);
                    batch.session_replies.push(reply);
                }
            }
        }
        batch
    }

    /// Answers every caller once the transaction has ended. (A caller that has gone does not
    /// undo its committed write.)
    fn answer(self, written: Result<Vec<Result<BallotId, StoreError>>, StoreError>) {
        match written {
            Ok(cast_results) => {
                for (reply, result) in self.cast_replies.into_iter().zip(cast_results) {
                    let _ = reply.send(result);
                }
                for reply in self.session_replies {
                    let _ = reply.send(Ok(()));
                }
            }
            Err(error) => {
                let failed = || StoreError::Batch {
                    operation: "writing a batch",
                    reason: error.to_string(),
                    unavailable: error.is_unavailable(),
                };
                for reply in self.cast_replies {
                    let _ = reply.send(Err(failed()));
                }
                for reply in self.session_replies {
                    let _ = reply.send(Err(failed()));
                }
            }
        }
    }
}

/// One transaction for a whole batch, on each engine. On an error the transaction is
/// dropped, which rolls it back: none of the batch stands and no caller is told otherwise.
macro_rules! define_write_batch {
    ($name:ident, $pool:ty, $casts:ident, $sessions:ident) => {
        async fn $name(pool: $pool, batch: Batch) {
            let attempt = || async {
                let mut tx = pool.begin().await.op("starting a batch of writes")?;
                let casts: Vec<&CastRequest> = batch.casts.iter().collect();
                let cast_results = $casts(&mut tx, &casts).await?;
                let sessions: Vec<&SessionWrite> = batch.sessions.iter().collect();
                $sessions(&mut tx, &sessions).await?;
                tx.commit().await.op("committing a batch of writes")?;
                Ok::<_, StoreError>(cast_results)
            };
            let mut written = attempt().await;
            // Two PostgreSQL writers can each accept one copy of a credential key in the same
            // instant (neither read saw the other's uncommitted row); the unique index stops
            // the second batch. Once more, its read sees the key and refuses only that cast.
            if written.as_ref().is_err_and(is_credential_key_clash) {
                written = attempt().await;
            }
            batch.answer(written);
        }
    };
}
/// A batch stopped by the unique index on credential keys (see `define_write_batch`).
fn is_credential_key_clash(error: &StoreError) -> bool {
    matches!(
        error,
        StoreError::Database { source: sqlx::Error::Database(db_error), .. }
            if db_error.is_unique_violation()
                && db_error.constraint() == Some("ballots_credential_key")
    )
}

define_write_batch!(
    write_sqlite_batch,
    SqlitePool,
    cast_batch_in_sqlite,
    write_sessions_in_sqlite
);
define_write_batch!(
    write_postgres_batch,
    PgPool,
    cast_batch_in_postgres,
    write_sessions_in_postgres
);
