//! The key ceremony: the admin sets up k-of-n trustees from their public files, the trustees
//! run `urna trustee dkg-round1` and `dkg-round2` on their own machines and upload the
//! results, and when every file is in the server combines the public parts into the
//! election key. The server never sees a secret: only set-ups, round messages and the key.

use jiff::Timestamp;
use urna_core::lifecycle::State;
use urna_crypto::{
    DkgRound1, DkgRound2, ElectionKey, ElectionSetup, TrusteePublic, combine_public,
};
use urna_store::Db;

use super::{
    Actor, LoadedElection, ROUND_DKG1, ROUND_DKG2, ROUND_SETUP, ServiceError, commit_audited,
    corrupt, crypto, micros, sealed_lengths,
};

/// Sets up the key ceremony: threshold `k` of the given trustees (their public files, in the
/// order that gives them their indices 1..=n). Once only, while the election is a draft.
pub async fn set_up_key_ceremony(
    db: &Db,
    slug: &str,
    threshold: u32,
    trustees: Vec<TrusteePublic>,
    actor: Actor,
    now: Timestamp,
) -> Result<ElectionSetup, ServiceError> {
    let loaded = super::load(db, slug).await?;
    require_draft(&loaded)?;
    if key_setup(db, &loaded).await?.is_some() {
        return Err(ServiceError::KeyCeremonyExists);
    }
    let id = urna_crypto::ElectionId::parse(loaded.election.id().as_str())
        .map_err(crypto("the election id"))?;
    let setup = ElectionSetup::new(id, threshold, trustees).map_err(crypto("the set-up"))?;
    let payload = serde_json::to_value(&setup).map_err(|e| corrupt("the set-up", e))?;
    let mut tx = db.begin_write().await?;
    tx.put_trustee_file(loaded.row_id, 1, ROUND_SETUP, &payload, micros(now))
        .await
        .map_err(|e| match e {
            urna_store::StoreError::Duplicate { .. } => ServiceError::KeyCeremonyExists,
            other => other.into(),
        })?;
    let names: Vec<&str> = setup.trustees().iter().map(|t| t.name.as_str()).collect();
    commit_audited(
        tx,
        loaded.row_id,
        actor,
        "key_ceremony_set_up",
        &serde_json::json!({
            "threshold": threshold,
            "trustees": names,
            "setup": setup.digest().to_string(),
        }),
        now,
    )
    .await?;
    Ok(setup)
}

fn require_draft(loaded: &LoadedElection) -> Result<(), ServiceError> {
    if loaded.state() == State::Draft {
        Ok(())
    } else {
        Err(ServiceError::Refused(format!(
            "the key ceremony happens while the election is a draft; it is {}",
            loaded.state()
        )))
    }
}

/// The set-up trustees download (`setup.json`), once made.
pub async fn key_setup(
    db: &Db,
    loaded: &LoadedElection,
) -> Result<Option<ElectionSetup>, ServiceError> {
    let files = db.trustee_files(loaded.row_id, ROUND_SETUP).await?;
    files
        .into_iter()
        .next()
        .map(|f| {
            serde_json::from_value::<ElectionSetup>(f.payload)
                .map_err(|e| corrupt("the stored key-ceremony set-up", e))
        })
        .transpose()
}

/// The set-up of the election with this slug.
pub async fn setup_of(db: &Db, slug: &str) -> Result<ElectionSetup, ServiceError> {
    let loaded = super::load(db, slug).await?;
    key_setup(db, &loaded)
        .await?
        .ok_or(ServiceError::NoKeyCeremony)
}

/// Every round 1 message uploaded so far (trustees need all of them for round 2).
pub async fn round1_messages(db: &Db, slug: &str) -> Result<Vec<DkgRound1>, ServiceError> {
    let loaded = super::load(db, slug).await?;
    read_round(db, &loaded, ROUND_DKG1, "a stored DKG round 1 message").await
}

async fn read_round<T: serde::de::DeserializeOwned>(
    db: &Db,
    loaded: &LoadedElection,
    round: i64,
    what: &str,
) -> Result<Vec<T>, ServiceError> {
    db.trustee_files(loaded.row_id, round)
        .await?
        .into_iter()
        .map(|f| serde_json::from_value(f.payload).map_err(|e| corrupt(what, e)))
        .collect()
}

/// Maps the store's refusal of a second file for one trustee and round to a message.
pub(crate) fn duplicate_upload(
    what: &'static str,
    index: u32,
) -> impl FnOnce(urna_store::StoreError) -> ServiceError {
    move |e| match e {
        urna_store::StoreError::Duplicate { .. } => ServiceError::Refused(format!(
            "trustee {index} has already uploaded {what}; uploads cannot be replaced"
        )),
        other => other.into(),
    }
}

/// Accepts a trustee's DKG round 1 file after checking everything public in it.
pub async fn accept_round1(
    db: &Db,
    slug: &str,
    message: DkgRound1,
    actor: Actor,
    now: Timestamp,
) -> Result<(), ServiceError> {
    let loaded = super::load(db, slug).await?;
    require_draft(&loaded)?;
    let setup = key_setup(db, &loaded)
        .await?
        .ok_or(ServiceError::NoKeyCeremony)?;
    let who = setup.label(message.dealer);
    message
        .verify_public(&setup)
        .map_err(crypto(format!("the round 1 file of trustee {who}")))?;
    let payload = serde_json::to_value(&message).map_err(|e| corrupt("a round 1 message", e))?;
    let mut tx = db.begin_write().await?;
    tx.put_trustee_file(
        loaded.row_id,
        i64::from(message.dealer),
        ROUND_DKG1,
        &payload,
        micros(now),
    )
    .await
    .map_err(duplicate_upload("a round 1 file", message.dealer))?;
    commit_audited(
        tx,
        loaded.row_id,
        actor,
        "dkg_round1_accepted",
        &serde_json::json!({ "trustee": message.dealer }),
        now,
    )
    .await
}

/// Accepts a trustee's DKG round 2 file; when every trustee's round 1 and round 2 files are
/// in, combines them into the election key, stores it, and returns it.
pub async fn accept_round2(
    db: &Db,
    slug: &str,
    message: DkgRound2,
    actor: Actor,
    now: Timestamp,
) -> Result<Option<ElectionKey>, ServiceError> {
    let loaded = super::load(db, slug).await?;
    require_draft(&loaded)?;
    let setup = key_setup(db, &loaded)
        .await?
        .ok_or(ServiceError::NoKeyCeremony)?;
    let who = setup.label(message.trustee);
    setup
        .trustee(message.trustee)
        .map_err(crypto(format!("the round 2 file of trustee {who}")))?;
    if message.setup != setup.digest() {
        return Err(ServiceError::Refused(format!(
            "the round 2 file of trustee {who} belongs to another set-up ({}, not {})",
            message.setup,
            setup.digest()
        )));
    }
    let payload = serde_json::to_value(&message).map_err(|e| corrupt("a round 2 message", e))?;
    let mut tx = db.begin_write().await?;
    tx.put_trustee_file(
        loaded.row_id,
        i64::from(message.trustee),
        ROUND_DKG2,
        &payload,
        micros(now),
    )
    .await
    .map_err(duplicate_upload("a round 2 file", message.trustee))?;
    commit_audited(
        tx,
        loaded.row_id,
        actor,
        "dkg_round2_accepted",
        &serde_json::json!({ "trustee": message.trustee }),
        now,
    )
    .await?;

    let round1: Vec<DkgRound1> = read_round(db, &loaded, ROUND_DKG1, "a round 1 message").await?;
    let round2: Vec<DkgRound2> = read_round(db, &loaded, ROUND_DKG2, "a round 2 message").await?;
    let n = setup.trustees().len();
    if round1.len() < n || round2.len() < n {
        return Ok(None);
    }
    let key = combine_public(&setup, &round1, &round2).map_err(crypto("the key ceremony"))?;
    let document = serde_json::to_value(&key).map_err(|e| corrupt("the election key", e))?;
    let (_, sealed_len) = sealed_lengths(&loaded.election);
    let mut tx = db.begin_write().await?;
    tx.set_election_public_key(
        loaded.row_id,
        State::Draft.name(),
        &document,
        sealed_len as i64,
        micros(now),
    )
    .await?;
    commit_audited(
        tx,
        loaded.row_id,
        Actor::System,
        "election_key_created",
        &serde_json::json!({
            "public_key": key.public_key,
            "threshold": key.threshold,
            "setup": key.setup.to_string(),
            "transcript": key.transcript.to_string(),
        }),
        now,
    )
    .await?;
    Ok(Some(key))
}
