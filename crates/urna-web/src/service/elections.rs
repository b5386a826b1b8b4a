//! Elections: create (the creator becomes admin), edit while draft, roles, list, load. Each
//! act commits with its audit entry.

use jiff::Timestamp;
use urna_core::election::{Election, ElectionEvent, ElectionSpec};
use urna_core::lifecycle::State;
use urna_store::{AccountId, Db, ElectionRole, NewElection};

use super::{
    Actor, LoadedElection, ServiceError, commit_audited, commit_event, corrupt, from_row, micros,
};

/// Creates a draft election from its JSON definition; `creator` becomes its admin. The state
/// in the document must be `draft`.
pub async fn create_election(
    db: &Db,
    spec: ElectionSpec,
    creator: Option<AccountId>,
    actor: Actor,
    now: Timestamp,
) -> Result<LoadedElection, ServiceError> {
    if spec.state != State::Draft {
        return Err(ServiceError::Refused(format!(
            "a new election starts as a draft, not {}",
            spec.state
        )));
    }
    let election = Election::try_from(spec)?;
    let definition = serde_json::to_value(election.to_spec())
        .map_err(|e| corrupt("the election definition", e))?;
    let mut tx = db.begin_write().await?;
    let row_id = tx
        .create_election(NewElection {
            slug: election.slug().as_str(),
            definition: &definition,
            state: State::Draft.name(),
            now: micros(now),
        })
        .await
        .map_err(|e| match e {
            urna_store::StoreError::Duplicate { value, .. } => ServiceError::Refused(format!(
                "the short name {value:?} is taken by another election"
            )),
            other => other.into(),
        })?;
    if let Some(account) = creator {
        tx.grant_role(row_id, account, ElectionRole::Admin).await?;
    }
    commit_audited(
        tx,
        row_id,
        actor,
        "election_created",
        &serde_json::json!({ "id": election.id().as_str(), "slug": election.slug().as_str() }),
        now,
    )
    .await?;
    Ok(LoadedElection {
        row_id,
        election,
        key: None,
        sealed_ballot_len: None,
        // A new row starts at revision 0 (store migration 0003).
        revision: 0,
        params: super::ParamsCache::default(),
    })
}

/// Replaces a draft's definition (questions, window, settings). The id, slug and state must
/// stay as they are.
pub async fn update_election(
    db: &Db,
    slug: &str,
    spec: ElectionSpec,
    actor: Actor,
    now: Timestamp,
) -> Result<LoadedElection, ServiceError> {
    let mut loaded = super::load(db, slug).await?;
    if spec.slug.as_str() != slug {
        return Err(ServiceError::Refused(format!(
            "the short name cannot change (from {slug:?} to {:?})",
            spec.slug.as_str()
        )));
    }
    let event: ElectionEvent = loaded.election.update(spec)?;
    let mut tx = db.begin_write().await?;
    super::save_definition(&mut tx, &loaded, State::Draft, now).await?;
    commit_event(tx, loaded.row_id, actor, &event, now).await?;
    // A key made earlier stays valid; the sealed length follows the questions at `ready`.
    loaded = super::load(db, slug).await?;
    Ok(loaded)
}

/// Gives `account` a role in the election (logged).
pub async fn grant_role(
    db: &Db,
    slug: &str,
    account: AccountId,
    role: ElectionRole,
    actor: Actor,
    now: Timestamp,
) -> Result<(), ServiceError> {
    let loaded = super::load(db, slug).await?;
    let mut tx = db.begin_write().await?;
    tx.grant_role(loaded.row_id, account, role).await?;
    commit_audited(
        tx,
        loaded.row_id,
        actor,
        "role_granted",
        &serde_json::json!({ "account": account.0, "role": role.as_str() }),
        now,
    )
    .await
}

/// Takes a role away (logged).
pub async fn revoke_role(
    db: &Db,
    slug: &str,
    account: AccountId,
    role: ElectionRole,
    actor: Actor,
    now: Timestamp,
) -> Result<(), ServiceError> {
    let loaded = super::load(db, slug).await?;
    let mut tx = db.begin_write().await?;
    tx.revoke_role(loaded.row_id, account, role).await?;
    commit_audited(
        tx,
        loaded.row_id,
        actor,
        "role_revoked",
        &serde_json::json!({ "account": account.0, "role": role.as_str() }),
        now,
    )
    .await
}

/// Every election, oldest first.
pub async fn list_elections(db: &Db) -> Result<Vec<LoadedElection>, ServiceError> {
    db.elections().await?.into_iter().map(from_row).collect()
}

/// The election with this slug.
pub async fn load_election(db: &Db, slug: &str) -> Result<LoadedElection, ServiceError> {
    super::load(db, slug).await
}
