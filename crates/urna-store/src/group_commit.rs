//! Group commit for SQLite: one writer task, many writes per transaction.
//!
//! With `synchronous=FULL` every SQLite commit waits for an fsync, and the database has one
//! writer: one write per transaction caps the server at a few hundred writes per second, all
//! queued behind each other. The writes on a voter's path (casting a ballot, saving the web
//! session made at sign-in) go instead to [`SqliteWriter`]'s queue. Its task takes every
//! write waiting (up to [`MAX_BATCH`]), runs them in one transaction, commits once, and only
//! then answers each caller: an acknowledged write is on disk.
//!
//! Each kind of write is done for the whole batch in a constant number of statements (see
//! `ballots::cast_batch_in_sqlite`): every statement is a round trip to SQLite's connection
//! thread, so a batch of 200 casts costs about what one did. A write that is refused (a ballot
//! in a closed election, say) is decided by the batch's read before anything is written, and
//! the batch goes on without it. A database error rolls the whole batch back and every caller
//! in it gets the error: none of them was acknowledged, so nothing acknowledged is lost.

use sqlx::SqlitePool;
use tokio::sync::{mpsc, oneshot};

use crate::ballots::{CastRequest, cast_batch_in_sqlite};
use crate::error::{DbContext, StoreError};
use crate::types::BallotId;
use crate::web_sessions::{SessionWrite, write_sessions_in_sqlite};

/// Most writes the writer commits in one transaction.
const MAX_BATCH: usize = 256;
/// Writes waiting for the writer before senders wait too.
const QUEUE: usize = 1024;

/// One queued write and where its answer goes.
enum Queued {
    Cast(CastRequest, oneshot::Sender<Result<BallotId, StoreError>>),
    Session(SessionWrite, oneshot::Sender<Result<(), StoreError>>),
}

/// The handle on the writer task; cheap to clone. The task ends when every handle is dropped.
#[derive(Clone, Debug)]
pub(crate) struct SqliteWriter {
    queue: mpsc::Sender<Queued>,
}

impl SqliteWriter {
    /// Starts the writer task on `pool` (the one-connection write pool).
    pub(crate) fn spawn(pool: SqlitePool) -> Self {
        let (queue, mut receiver) = mpsc::channel::<Queued>(QUEUE);
        tokio::spawn(async move {
            let mut batch = Vec::with_capacity(MAX_BATCH);
            while receiver.recv_many(&mut batch, MAX_BATCH).await > 0 {
                write_batch(&pool, batch.drain(..)).await;
            }
        });
        SqliteWriter { queue }
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

/// One transaction for the whole batch; every caller is answered after it ends.
async fn write_batch(pool: &SqlitePool, batch: impl Iterator<Item = Queued>) {
    let mut casts = Vec::new();
    let mut cast_replies = Vec::new();
    let mut sessions = Vec::new();
    let mut session_replies = Vec::new();
    for queued in batch {
        match queued {
            Queued::Cast(request, reply) => {
                casts.push(request);
                cast_replies.push(reply);
            }
            Queued::Session(write, reply) => {
                sessions.push(write);
                session_replies.push(reply);
            }
        }
    }
    let written = async {
        let mut tx = pool.begin().await.op("starting a batch of writes")?;
        let cast_results = cast_batch_in_sqlite(&mut tx, &casts.iter().collect::<Vec<_>>()).await?;
        write_sessions_in_sqlite(&mut tx, &sessions.iter().collect::<Vec<_>>()).await?;
        tx.commit().await.op("committing a batch of writes")?;
        Ok::<_, StoreError>(cast_results)
    };
    // On an error the transaction is dropped, which rolls it back: none of the batch stands
    // and no caller is told otherwise.
    match written.await {
        Ok(cast_results) => {
            for (reply, result) in cast_replies.into_iter().zip(cast_results) {
                let _ = reply.send(result);
            }
            for reply in session_replies {
                let _ = reply.send(Ok(()));
            }
        }
        Err(error) => {
            let failed = || StoreError::Batch {
                operation: "writing a batch",
                reason: error.to_string(),
            };
            for reply in cast_replies {
                let _ = reply.send(Err(failed()));
            }
            for reply in session_replies {
                let _ = reply.send(Err(failed()));
            }
        }
    }
}
