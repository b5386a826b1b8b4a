//! Lifecycle transitions by hand (ready, open, close, back to draft, archive) and by the
//! scheduler, which opens and closes elections whose window says so.
//!
//! Every server sharing a database runs the scheduler: each transition is a compare-and-set
//! of the state in the same transaction as its audit entry, so when two servers find the same
//! election due, one commits and the other's transaction is refused and rolled back.

use std::time::Duration;

use jiff::Timestamp;
use urna_core::election::{ElectionError, ElectionEvent};
use urna_core::lifecycle::{Action, State};
use urna_store::{Db, WriteTx};

use super::{Actor, LoadedElection, ServiceError, commit_event, micros, sealed_lengths};

/// Applies a lifecycle action: the domain checks it, the store moves the state by
/// compare-and-set (with the window as the domain moved it), and the audit log records it, all
/// in one transaction.
/// `mark_ready` also requires the election key and lists every problem.
pub async fn transition(
    db: &Db,
    slug: &str,
    action: Action,
    actor: Actor,
    now: Timestamp,
) -> Result<LoadedElection, ServiceError> {
    let loaded = super::load(db, slug).await?;
    apply(db, loaded, action, actor, now).await
}

async fn apply(
    db: &Db,
    loaded: LoadedElection,
    action: Action,
    actor: Actor,
    now: Timestamp,
) -> Result<LoadedElection, ServiceError> {
    let mut step = plan(db, loaded, action, now).await?;
    let mut tx = db.begin_write().await?;
    step.write(&mut tx, now).await?;
    commit_event(tx, step.loaded.row_id, actor, &step.event, now).await?;
    Ok(step.loaded)
}

/// A lifecycle step the domain has accepted and nothing has written yet: acts that move the
/// state along with writes of their own (recording the count, publishing) put both in one
/// transaction.
pub(crate) struct Step {
    pub(crate) loaded: LoadedElection,
    pub(crate) event: ElectionEvent,
    from: State,
    action: Action,
}

/// Reads what `action` needs and asks the domain; writes nothing.
pub(crate) async fn plan(
    db: &Db,
    mut loaded: LoadedElection,
    action: Action,
    now: Timestamp,
) -> Result<Step, ServiceError> {
    let from = loaded.state();
    let voters = usize::try_from(db.turnout(loaded.row_id).await?.eligible).unwrap_or(0);
    if action == Action::MarkReady {
        from.transition(action).map_err(ElectionError::from)?;
        let mut problems: Vec<String> = loaded
            .election
            .readiness_problems(now, voters)
            .iter()
            .map(ToString::to_string)
            .collect();
        if loaded.key.is_none() {
            problems.push("the trustees have not made the election key yet".into());
        }
        if !problems.is_empty() {
            return Err(ServiceError::NotReady(problems));
        }
    }
    let event = loaded.election.apply(action, now, voters)?;
    Ok(Step {
        loaded,
        event,
        from,
        action,
    })
}

impl Step {
    /// Writes the step: the definition (the window may have moved), the sealed length at
    /// `ready`, and the state by compare-and-set. The caller commits with [`Step::event`].
    pub(crate) async fn write(
        &mut self,
        tx: &mut WriteTx,
        now: Timestamp,
    ) -> Result<(), ServiceError> {
        let from = self.from;
        let to = self.loaded.election.state();
        let loaded = &mut self.loaded;
        // The window may have moved (opened early, closed early): write it while still `from`.
        super::save_definition(tx, loaded, from, now).await?;
        if self.action == Action::MarkReady
            && let Some(key) = &loaded.key
        {
            // The questions may have changed since the key was made: fix the sealed length
            // now, the last moment the definition can change.
            let (_, sealed_len) = sealed_lengths(&loaded.election);
            let document =
                serde_json::to_value(key).map_err(|e| super::corrupt("the election key", e))?;
            tx.set_election_public_key(
                loaded.row_id,
                from.name(),
                &document,
                sealed_len as i64,
                micros(now),
            )
            .await?;
            loaded.sealed_ballot_len = Some(sealed_len as i64);
        }
        tx.transition_election(loaded.row_id, from.name(), to.name(), micros(now))
            .await?;
        Ok(())
    }
}

/// Checks the election and marks it ready (every problem is listed if not).
pub async fn mark_ready(
    db: &Db,
    slug: &str,
    actor: Actor,
    now: Timestamp,
) -> Result<LoadedElection, ServiceError> {
    transition(db, slug, Action::MarkReady, actor, now).await
}

/// Opens a ready election by hand (before its start: the start moves to now).
pub async fn open(
    db: &Db,
    slug: &str,
    actor: Actor,
    now: Timestamp,
) -> Result<LoadedElection, ServiceError> {
    transition(db, slug, Action::Open, actor, now).await
}

/// Closes an open election by hand (before its end: the end moves to now).
pub async fn close(
    db: &Db,
    slug: &str,
    actor: Actor,
    now: Timestamp,
) -> Result<LoadedElection, ServiceError> {
    transition(db, slug, Action::Close, actor, now).await
}

/// One scheduled transition: done, or why it failed.
#[derive(Debug)]
pub struct ScheduledTransition {
    pub slug: String,
    pub action: Action,
    pub outcome: Result<(), ServiceError>,
}

/// Opens every ready election whose start has come and closes every open one whose end has
/// passed. A failure on one election does not stop the others.
pub async fn run_due_transitions(
    db: &Db,
    now: Timestamp,
) -> Result<Vec<ScheduledTransition>, ServiceError> {
    let mut done = Vec::new();
    for row in db.elections().await? {
        if row.state != State::Ready.name() && row.state != State::Open.name() {
            continue;
        }
        let slug = row.slug.clone();
        let loaded = match super::from_row(row) {
            Ok(l) => l,
            Err(e) => {
                tracing::warn!(election = %slug, error = %e, "scheduler skipped an election");
                continue;
            }
        };
        let Some(action) = loaded.election.due_action(now) else {
            continue;
        };
        let outcome = apply(db, loaded, action, Actor::System, now)
            .await
            .map(|_| ());
        done.push(ScheduledTransition {
            slug,
            action,
            outcome,
        });
    }
    Ok(done)
}

/// Runs [`run_due_transitions`] every `every` on the tokio runtime, logging what it did.
/// Stops when the returned handle is aborted.
pub fn spawn_scheduler(db: Db, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(every);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        loop {
            interval.tick().await;
            match run_due_transitions(&db, Timestamp::now()).await {
                Ok(done) => {
                    for t in done {
                        match t.outcome {
                            Ok(()) => {
                                tracing::info!(election = %t.slug, action = %t.action, "scheduled transition")
                            }
                            // The state moved under us: another server sharing the database
                            // (or an admin) made the change first, which the compare-and-set
                            // refused to repeat.
                            Err(ServiceError::Conflict { actual }) => {
                                tracing::info!(election = %t.slug, action = %t.action, %actual, "scheduled transition already made elsewhere")
                            }
                            Err(e) => {
                                tracing::warn!(election = %t.slug, action = %t.action, error = %e, "scheduled transition failed")
                            }
                        }
                    }
                }
                Err(e) => tracing::warn!(error = %e, "the scheduler could not list elections"),
            }
        }
    })
}
