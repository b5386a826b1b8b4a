//! Group commit for SQLite: one writer task, many writes per transaction.
//!
//! With `synchronous=FULL` every SQLite commit waits for an fsync, and the database has one
//! writer: one write per transaction caps the server at a few hundred writes per second, all
//! queued behind each other. The writes on a voter's path (casting a ballot, saving the web
//! session made at sign-in) go instead to [`SqliteWriter`]'s queue. Its task takes every
//! write waiting (up to [`MAX_BATCH`]), runs them in one transaction, commits once, and only
//! then answers each caller: an acknowledged write is on disk.
//!
//! A write that is refused (a ballot in a closed election, say) is found by reads before it
//! writes anything, and the batch goes on without it. A database error after a write has
//! begun leaves that write half done, so the whole batch is rolled back and every caller in
//! it gets the error: none of them was acknowledged, so nothing acknowledged is lost.

use sqlx::SqlitePool;
use tokio::sync::{mpsc, oneshot};

use crate::ballots::CastRequest;
use crate::error::StoreError;
use crate::types::BallotId;
use crate::web_sessions::SessionWrite;

/// Most writes the writer commits in one transaction.
const MAX_BATCH: usize = 256;
/// Writes waiting for the writer before senders wait too.
const QUEUE: usize = 1024;

/// One queued write and where its answer goes.
enum Queued {
    Cast(CastRequest, oneshot::Sender<Result<BallotId, StoreError>>),
    Session(SessionWrite, oneshot::Sender<Result<(), StoreError>>),
}

/// A write's outcome, held until the batch commits: `None` if the batch broke before it.
enum Outcome {
    Cast(
        oneshot::Sender<Result<BallotId, StoreError>>,
        Option<Result<BallotId, StoreError>>,
    ),
    Session(
        oneshot::Sender<Result<(), StoreError>>,
        Option<Result<(), StoreError>>,
    ),
}

impl Outcome {
    fn not_written(queued: Queued) -> Outcome {
        match queued {
            Queued::Cast(_, reply) => Outcome::Cast(reply, None),
            Queued::Session(_, reply) => Outcome::Session(reply, None),
        }
    }

    /// Answers after the commit. (A caller that has gone does not undo its committed write.)
    fn answer(self, failure: Option<&StoreError>) {
        let failed = |error: &StoreError| StoreError::Batch {
            operation: "writing a batch",
            reason: error.to_string(),
        };
        match self {
            Outcome::Cast(reply, result) => {
                let _ = reply.send(match (failure, result) {
                    (None, Some(result)) => result,
                    (Some(error), _) => Err(failed(error)),
                    (None, None) => Err(StoreError::Closed),
                });
            }
            Outcome::Session(reply, result) => {
                let _ = reply.send(match (failure, result) {
                    (None, Some(result)) => result,
                    (Some(error), _) => Err(failed(error)),
                    (None, None) => Err(StoreError::Closed),
                });
            }
        }
    }
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
    let mut outcomes = Vec::with_capacity(MAX_BATCH);
    let mut tx = match pool.begin().await {
        Ok(tx) => tx,
        Err(error) => {
            let error = StoreError::Database {
                operation: "starting a batch of writes",
                source: error,
            };
            batch.for_each(|queued| Outcome::not_written(queued).answer(Some(&error)));
            return;
        }
    };
    let mut broken = None;
    for queued in batch {
        if broken.is_some() {
            outcomes.push(Outcome::not_written(queued));
            continue;
        }
        let outcome = match queued {
            Queued::Cast(request, reply) => match request.write(&mut tx).await {
                Ok(result) => Outcome::Cast(reply, Some(result)),
                Err(error) => {
                    broken = Some(error);
                    Outcome::Cast(reply, None)
                }
            },
            Queued::Session(write, reply) => match write.write_sqlite(&mut tx).await {
                Ok(()) => Outcome::Session(reply, Some(Ok(()))),
                Err(error) => {
                    broken = Some(error);
                    Outcome::Session(reply, None)
                }
            },
        };
        outcomes.push(outcome);
    }
    let failure = match broken {
        Some(error) => {
            // Half a write may be in the transaction: none of the batch stands.
            let _ = tx.rollback().await;
            Some(error)
        }
        None => tx.commit().await.err().map(|source| StoreError::Database {
            operation: "committing a batch of writes",
            source,
        }),
    };
    outcomes
        .into_iter()
        .for_each(|outcome| outcome.answer(failure.as_ref()));
}
