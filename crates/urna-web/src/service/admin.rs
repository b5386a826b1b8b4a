//! Administration of a running election: turnout, strikes, extending the end, withdrawing a
//! candidate. Every act is logged.

use jiff::Timestamp;
use urna_core::election::ElectionError;
use urna_core::lifecycle::Operation;
use urna_core::question::{CandidateId, QuestionId};
use urna_store::{Db, VoterWhoVoted};

use super::mail::Notice;
use super::{Actor, LoadedElection, ServiceError, commit_audited, commit_event};

/// Turnout: how many may vote, how many voted, and who (with when they last voted). Nothing
/// here leads to a ballot.
#[derive(Debug, Clone)]
pub struct TurnoutReport {
    pub eligible: i64,
    pub voted: i64,
    pub voters: Vec<VoterWhoVoted>,
}

pub async fn turnout(db: &Db, slug: &str) -> Result<TurnoutReport, ServiceError> {
    let loaded = super::load(db, slug).await?;
    let t = db.turnout(loaded.row_id).await?;
    Ok(TurnoutReport {
        eligible: t.eligible,
        voted: t.voted,
        voters: db.voters_who_voted(loaded.row_id).await?,
    })
}

pub(crate) async fn ensure_strikes_allowed(
    db: &Db,
    loaded: &LoadedElection,
) -> Result<(), ServiceError> {
    loaded
        .state()
        .ensure_allows(Operation::Strike)
        .map_err(ElectionError::from)?;
    if db.latest_frozen_set(loaded.row_id).await?.is_some() {
        return Err(ServiceError::AlreadyFrozen);
    }
    Ok(())
}

/// Strikes a voter's current ballot with a reason: it stops counting, and the voter may vote
/// again while the election is open. Only while open, or closed before the ballots are frozen.
pub async fn strike(
    db: &Db,
    slug: &str,
    voter: &str,
    reason: &str,
    actor: Actor,
    now: Timestamp,
) -> Result<(), ServiceError> {
    let loaded = super::load(db, slug).await?;
    ensure_strikes_allowed(db, &loaded).await?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(ServiceError::Refused(
            "give a reason for striking the ballot".into(),
        ));
    }
    let row = super::voters::voter_named(db, &loaded, voter).await?;
    let notice = super::mail::prepare_notice(
        db,
        &loaded,
        Notice::Struck {
            voter: &row,
            reason,
        },
    )
    .await?;
    let mut tx = db.begin_write().await?;
    // The board lock first (see urna_store::board), then the strike and its board event.
    super::board::append_strike(&mut tx, loaded.row_id, row.id, true).await?;
    tx.strike_ballot(loaded.row_id, row.id, reason)
        .await
        .map_err(|e| match e {
            urna_store::StoreError::NoBallotToChange { .. } => {
                ServiceError::Refused(format!("{voter:?} has no counted ballot to strike"))
            }
            other => other.into(),
        })?;
    notice.queue_in(&mut tx, now).await?;
    commit_audited(
        tx,
        loaded.row_id,
        actor,
        "ballot_struck",
        &serde_json::json!({ "voter": row.identifier, "reason": reason }),
        now,
    )
    .await
}

/// Reinstates a voter's struck ballot (if they have not voted again since).
pub async fn unstrike(
    db: &Db,
    slug: &str,
    voter: &str,
    actor: Actor,
    now: Timestamp,
) -> Result<(), ServiceError> {
    let loaded = super::load(db, slug).await?;
    ensure_strikes_allowed(db, &loaded).await?;
    let row = super::voters::voter_named(db, &loaded, voter).await?;
    let status = db.current_ballot_status(row.id).await?;
    super::live::may_unstrike(status.as_ref().and_then(|s| s.strike_reason.as_deref()))?;
    let mut tx = db.begin_write().await?;
    super::board::append_strike(&mut tx, loaded.row_id, row.id, false).await?;
    tx.unstrike_ballot(loaded.row_id, row.id)
        .await
        .map_err(|e| match e {
            urna_store::StoreError::NoBallotToChange { .. } => {
                ServiceError::Refused(format!("{voter:?} has no struck ballot to reinstate"))
            }
            other => other.into(),
        })?;
    commit_audited(
        tx,
        loaded.row_id,
        actor,
        "ballot_unstruck",
        &serde_json::json!({ "voter": row.identifier }),
        now,
    )
    .await
}

/// Moves the end of voting later (logged; voters are to be told).
pub async fn extend_end(
    db: &Db,
    slug: &str,
    new_end: Timestamp,
    actor: Actor,
    now: Timestamp,
) -> Result<LoadedElection, ServiceError> {
    let mut loaded = super::load(db, slug).await?;
    let state = loaded.state();
    let event = loaded.election.extend_end(new_end)?;
    let notice =
        super::mail::prepare_notice(db, &loaded, Notice::Extended { closes: new_end }).await?;
    let mut tx = db.begin_write().await?;
    super::save_definition(&mut tx, &loaded, state, now).await?;
    notice.queue_in(&mut tx, now).await?;
    commit_event(tx, loaded.row_id, actor, &event, now).await?;
    Ok(loaded)
}

/// Who to tell about a withdrawal.
#[derive(Debug, Clone)]
pub struct VoterToNotify {
    pub voter: String,
    pub email: Option<String>,
}

/// Withdraws a candidate while the election runs (logged); the count treats them as
/// withdrawn. Returns the voters to tell: ballots are sealed, so the server cannot know whose
/// ballot names the candidate, and every voter who has voted is told (they may vote again).
pub async fn withdraw_candidate(
    db: &Db,
    slug: &str,
    question: &QuestionId,
    candidate: &CandidateId,
    actor: Actor,
    now: Timestamp,
) -> Result<Vec<VoterToNotify>, ServiceError> {
    let mut loaded = super::load(db, slug).await?;
    let state = loaded.state();
    let event = loaded.election.withdraw_candidate(question, candidate)?;
    let notice = super::mail::prepare_notice(
        db,
        &loaded,
        Notice::Withdrawn {
            question,
            candidate,
        },
    )
    .await?;
    let mut tx = db.begin_write().await?;
    super::save_definition(&mut tx, &loaded, state, now).await?;
    notice.queue_in(&mut tx, now).await?;
    commit_event(tx, loaded.row_id, actor, &event, now).await?;
    let voters = db.voters(loaded.row_id).await?;
    Ok(voters
        .into_iter()
        .filter(|v| v.voted)
        .map(|v| VoterToNotify {
            voter: v.identifier,
            email: v.email,
        })
        .collect())
}
