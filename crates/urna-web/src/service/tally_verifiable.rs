//! Counting a verifiable election (docs/record-format.md §5, §8): its ballots are never
//! decrypted one by one. Freezing fixes the counted set (the last ballot of each credential,
//! unless struck); the board then shows `strikes_frozen` and the `encrypted_tally`
//! ([`super::board::catch_up`]), which each trustee recomputes from the record and decrypts
//! with `urna trustee decrypt-tally`.
//!
//! The frozen-set row of a verifiable election holds no ballots (they are on the board), only
//! `{"kind": "verifiable", "counted", "weight"}`: it marks the freeze, after which strikes
//! and unstrikes are refused as for sealed elections.

use jiff::Timestamp;
use urna_core::lifecycle::State;
use urna_store::Db;

use super::{Actor, ServiceError, commit_audited, corrupt, micros};

/// How many ballots and how much weight were frozen for the count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrozenCount {
    pub counted: u64,
    pub weight: u64,
}

/// Freezes a closed verifiable election's counted set (once).
pub async fn freeze(
    db: &Db,
    slug: &str,
    actor: Actor,
    now: Timestamp,
) -> Result<FrozenCount, ServiceError> {
    let loaded = super::load(db, slug).await?;
    if !super::board::is_verifiable(&loaded) && !super::board::is_mixnet(&loaded) {
        return Err(ServiceError::Refused(format!(
            "election {slug:?} has sealed ballots: freeze them with the sealed-ballot count"
        )));
    }
    if loaded.state() != State::Closed {
        return Err(ServiceError::Refused(format!(
            "ballots are frozen after the election closes; it is {}",
            loaded.state()
        )));
    }
    if db.latest_frozen_set(loaded.row_id).await?.is_some() {
        return Err(ServiceError::AlreadyFrozen);
    }
    let counted = db.counted_ballots(loaded.row_id).await?;
    let weight = counted.iter().try_fold(0u64, |sum, ballot| {
        u64::try_from(ballot.weight)
            .map(|w| sum + w)
            .map_err(|_| corrupt("a voter's weight", ballot.weight))
    })?;
    let frozen = FrozenCount {
        counted: counted.len() as u64,
        weight,
    };
    let payload = serde_json::to_vec(&serde_json::json!({
        "kind": "verifiable", "counted": frozen.counted, "weight": frozen.weight,
    }))
    .map_err(|e| corrupt("the frozen count", e))?;
    let mut tx = db.begin_write().await?;
    // Another server may have frozen since the check above: the store decides, under the
    // election's row lock.
    tx.put_first_frozen_set(loaded.row_id, &payload, micros(now))
        .await
        .map_err(super::counting::already_frozen)?;
    commit_audited(
        tx,
        loaded.row_id,
        actor,
        "ballots_frozen",
        &serde_json::json!({ "ballots": frozen.counted, "weight": frozen.weight }),
        now,
    )
    .await?;
    Ok(frozen)
}

/// The count a verifiable election's freeze row holds.
pub fn frozen_count(row: &urna_store::FrozenSet) -> Result<FrozenCount, ServiceError> {
    let value: serde_json::Value =
        serde_json::from_slice(&row.payload).map_err(|e| corrupt("the frozen count", e))?;
    let field = |name: &str| {
        value[name]
            .as_u64()
            .ok_or_else(|| corrupt("the frozen count", format!("no {name}")))
    };
    if value["kind"] != "verifiable" {
        return Err(corrupt(
            "the frozen count",
            "not a verifiable election's freeze",
        ));
    }
    Ok(FrozenCount {
        counted: field("counted")?,
        weight: field("weight")?,
    })
}

/// Trustee-file round of partial decryptions of a verifiable election's tally.
pub const ROUND_TALLY_DECRYPTION: i64 = 5;

/// The encrypted tally of a frozen verifiable election, recomputed from its board (the
/// server trusts its own `encrypted_tally` event no more than the trustees do).
pub async fn frozen_tally(
    db: &Db,
    loaded: &super::LoadedElection,
) -> Result<urna_crypto::EncryptedTally, ServiceError> {
    let events = super::board::read_events(db, loaded.row_id).await?;
    if !events
        .iter()
        .any(|e| matches!(e.body, urna_crypto::record::EventBody::EncryptedTally(_)))
    {
        return Err(ServiceError::NotFrozen);
    }
    urna_crypto::record::recompute_tally(&events).map_err(super::crypto("the encrypted tally"))
}

/// Accepts one trustee's partial decryption of the tally (`urna trustee decrypt-tally`'s
/// output) after checking every proof against the tally recomputed from the board. Stored
/// once per trustee.
pub async fn accept_tally_decryption(
    db: &Db,
    slug: &str,
    partial: urna_crypto::TallyDecryption,
    actor: Actor,
    now: Timestamp,
) -> Result<(), ServiceError> {
    let loaded = super::load(db, slug).await?;
    let tally = frozen_tally(db, &loaded).await?;
    let key = loaded.key()?;
    urna_crypto::homomorphic::verify_tally_decryption(key, &tally, &partial).map_err(
        super::crypto(format!("trustee {}'s partial decryption", partial.trustee)),
    )?;
    let payload =
        serde_json::to_value(&partial).map_err(|e| corrupt("the partial decryption", e))?;
    let trustee = partial.trustee;
    let mut tx = db.begin_write().await?;
    tx.put_trustee_file(
        loaded.row_id,
        i64::from(trustee),
        ROUND_TALLY_DECRYPTION,
        &payload,
        micros(now),
    )
    .await
    .map_err(super::trustees::duplicate_upload(
        "a partial decryption",
        trustee,
    ))?;
    commit_audited(
        tx,
        loaded.row_id,
        actor,
        "tally_decryption_accepted",
        &serde_json::json!({ "trustee": trustee, "tally": tally.digest().to_string() }),
        now,
    )
    .await
}

/// The phases of a verifiable count.
pub const PHASE_COMBINE: &str = "check partial decryptions, combine, find totals";

/// Counts a frozen verifiable election from its tally: the trustees' partial decryptions
/// (checked at upload, checked again here against the tally recomputed from the board; at
/// least k valid) give each position's total, and each question is counted from its totals
/// with urna-tally's `count_totals`. No ballot is ever decrypted.
pub(crate) async fn count_totals(
    db: &Db,
    loaded: &super::LoadedElection,
    clock: &mut super::counting::PhaseClock,
) -> Result<super::counting::Counted, ServiceError> {
    let tally = frozen_tally(db, loaded).await?;
    let key = loaded.key()?.clone();
    let partials: Vec<urna_crypto::TallyDecryption> = db
        .trustee_files(loaded.row_id, ROUND_TALLY_DECRYPTION)
        .await?
        .into_iter()
        .map(|f| {
            serde_json::from_value(f.payload).map_err(|e| corrupt("a stored partial decryption", e))
        })
        .collect::<Result<_, _>>()?;
    clock.lap(super::counting::PHASE_LOAD);
    let ballots = usize::try_from(tally.ballots()).unwrap_or(usize::MAX);
    let (tally, combined) = tokio::task::spawn_blocking(move || {
        let combined = urna_crypto::combine_tally(&key, &tally, &partials);
        (tally, combined)
    })
    .await
    .map_err(|e| ServiceError::Refused(format!("combining the decryptions stopped: {e}")))?;
    let combined = combined.map_err(super::crypto("the tally's decryption"))?;
    for rejected in &combined.rejected {
        tracing::warn!(election = %loaded.election.slug(), error = %rejected, "partial decryption left out");
    }
    clock.lap(PHASE_COMBINE);
    let mut documents = Vec::new();
    let mut outcomes = Vec::new();
    for (question, totals) in loaded.election.questions().iter().zip(&combined.totals) {
        let input = urna_core::verifiable::totals_election(
            question,
            totals,
            tally.ballots(),
            tally.weight(),
        )
        .map_err(|e| ServiceError::Refused(format!("question {}: {e}", question.id)))?;
        let report = urna_tally::count_totals(
            question.method,
            &input,
            &urna_core::tally::count_options(question),
        )
        .map_err(|e| {
            ServiceError::Refused(format!(
                "question {} could not be counted: {e}",
                question.id
            ))
        })?;
        clock.lap(super::counting::PHASE_TALLY);
        outcomes.push(super::counting::QuestionOutcome {
            question: question.id.to_string(),
            elected: report
                .elected
                .iter()
                .map(|&c| report.candidates[c].clone())
                .collect(),
        });
        let document = serde_json::json!({
            "question": question.id.as_str(),
            "report": urna_tally::render::json_value(&report),
            "counted_ballots": ballots,
            "set_aside": [],
            "ballots_blt": null,
            "ballots_csv": null,
            "input": serde_json::to_value(&input).map_err(|e| corrupt("the totals", e))?,
            "trustees": combined.trustees,
        });
        documents.push((question.id.to_string(), document));
    }
    Ok(super::counting::Counted {
        ballots,
        set_aside: Vec::new(),
        documents,
        outcomes,
    })
}
