//! Publishing: the results of a counted election become public (counted → published), and
//! with them the anonymised ballots of each ranked question as BLT and CSV. The store
//! publishes an election's results together; a question's result is public once its
//! election's are.

use jiff::Timestamp;
use urna_core::lifecycle::{Action, State};
use urna_store::{Db, ResultRow};

use super::{Actor, ServiceError, commit_event, corrupt, micros};

/// Publishes every question's result (logged).
pub async fn publish(
    db: &Db,
    slug: &str,
    actor: Actor,
    now: Timestamp,
) -> Result<(), ServiceError> {
    let loaded = super::load(db, slug).await?;
    if loaded.state() != State::Counted {
        return Err(ServiceError::Refused(format!(
            "results are published after the count; the election is {}",
            loaded.state()
        )));
    }
    // The move to `published` and the results' flag commit together, with the event.
    let mut step = super::lifecycle::plan(db, loaded, Action::Publish, now).await?;
    let mut tx = db.begin_write().await?;
    step.write(&mut tx, now).await?;
    tx.set_results_published(step.loaded.row_id, true, micros(now))
        .await?;
    // Recounts after a withdrawal (service::live) are published with the results.
    tx.publish_recounts(step.loaded.row_id, micros(now)).await?;
    commit_event(tx, step.loaded.row_id, actor, &step.event, now).await
}

/// The election's results; only published ones unless `include_unpublished` (for admins and
/// scrutineers after the count).
pub async fn results(
    db: &Db,
    slug: &str,
    include_unpublished: bool,
) -> Result<Vec<ResultRow>, ServiceError> {
    let loaded = super::load(db, slug).await?;
    Ok(db.results(loaded.row_id, !include_unpublished).await?)
}

/// Which file of the anonymised ballots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BallotFile {
    Blt,
    Csv,
}

/// The published anonymised ballots of a ranked (or choose-one) question.
pub async fn published_ballots(
    db: &Db,
    slug: &str,
    question: &str,
    file: BallotFile,
) -> Result<String, ServiceError> {
    let rows = results(db, slug, false).await?;
    let row = rows
        .into_iter()
        .find(|r| r.question == question)
        .ok_or_else(|| ServiceError::NoSuchQuestion {
            slug: slug.to_owned(),
            question: question.to_owned(),
        })?;
    let field = match file {
        BallotFile::Blt => "ballots_blt",
        BallotFile::Csv => "ballots_csv",
    };
    match row.report.get(field) {
        Some(serde_json::Value::String(text)) => Ok(text.clone()),
        Some(serde_json::Value::Null) | None => Err(ServiceError::Refused(format!(
            "question {question:?} is not ranked: its ballots are published only as part of the result"
        ))),
        Some(other) => Err(corrupt(
            format!("the stored ballots of question {question:?}"),
            format!("not text: {other}"),
        )),
    }
}
