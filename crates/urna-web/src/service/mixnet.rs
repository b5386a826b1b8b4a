//! Counting a mixnet election (docs/record-format.md A.6–A.7): after the freeze the board
//! shows the `mix_input` ([`super::board::catch_up`]); trustees then shuffle in turn
//! (`urna trustee mix --record`), each upload checked here against the record before its
//! `shuffle` event is appended; after [`required_shuffles`] they decrypt the last output
//! (`urna trustee decrypt-mix`), each upload checked before its `mixed_decryption` event is
//! appended; the count ([`count_mixed`], run by the count job like every count) combines `k`
//! decryptions, decodes each ballot question by question, sets aside publicly what does not
//! decode to a valid ranking, and counts the rest with urna-tally.
//!
//! The server never trusts its own events: every check reads the record back and follows the
//! chain with `record::mix_chain_so_far`, the code trustees run. A refused upload changes
//! nothing; one checked against a record that grew meanwhile is refused too (upload again).

use jiff::Timestamp;
use urna_crypto::board::{EventType, RecordWriter};
use urna_crypto::ranked::{RankedBallot, RankedLayout};
use urna_crypto::record::{
    EventBody, MixChain, SetAside, ShuffleBody, mix_chain_so_far, mix_seed, required_shuffles,
    setup_of, verified_mix_chain,
};
use urna_crypto::shuffle::{
    CiphertextVectors, MixDecryption, MixInput, MixedPlaintexts, combine_mixed_decryption,
    verify_mixed_decryption,
};
use urna_crypto::{Digest, encoding::V1};
use urna_store::{Db, OwnedBoardEvent};

use super::counting::{Counted, PhaseClock, QuestionOutcome};
use super::{Actor, LoadedElection, ServiceError, commit_audited, corrupt, crypto};

/// Where a mixnet election's count stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct MixProgress {
    /// The `mix_input` event is on the board (the ballots were frozen).
    pub mix_input: bool,
    /// Shuffles on the board.
    pub shuffles: usize,
    /// Shuffles needed before decryption.
    pub required: usize,
    /// Trustees' decryptions of the last output on the board.
    pub decryptions: usize,
    /// Decryptions needed to count (the key's threshold `k`).
    pub threshold: usize,
}

/// How far the election's mixnet has come, from the board.
pub async fn progress(db: &Db, loaded: &LoadedElection) -> Result<MixProgress, ServiceError> {
    let setup = super::trustees::key_setup(db, loaded)
        .await?
        .ok_or(ServiceError::NoKeyCeremony)?;
    let count = |n: i64| usize::try_from(n).unwrap_or(0);
    Ok(MixProgress {
        mix_input: db
            .last_board_event(loaded.row_id, "mix_input")
            .await?
            .is_some(),
        shuffles: count(
            db.board_events_of_type_count(loaded.row_id, "shuffle")
                .await?,
        ),
        required: required_shuffles(&setup),
        decryptions: count(
            db.board_events_of_type_count(loaded.row_id, "mixed_decryption")
                .await?,
        ),
        threshold: setup.threshold() as usize,
    })
}

async fn load_mixnet(db: &Db, slug: &str) -> Result<LoadedElection, ServiceError> {
    let loaded = super::load(db, slug).await?;
    if !super::board::is_mixnet(&loaded) {
        return Err(ServiceError::Refused(format!(
            "election {slug:?} is not counted through the mixnet"
        )));
    }
    Ok(loaded)
}

fn refused(what: &str) -> impl FnOnce(urna_crypto::CryptoError) -> ServiceError + '_ {
    move |e| ServiceError::Refused(format!("{what} was refused: {e}"))
}

/// The record and the chain of shuffles checked so far. Refused before the freeze.
async fn chain(
    db: &Db,
    loaded: &LoadedElection,
) -> Result<(Vec<urna_crypto::record::Event>, MixChain), ServiceError> {
    let events = super::board::read_events(db, loaded.row_id).await?;
    if !events
        .iter()
        .any(|e| matches!(e.body, EventBody::MixInput(_)))
    {
        return Err(ServiceError::NotFrozen);
    }
    let events_for_check = events.clone();
    let chain = tokio::task::spawn_blocking(move || mix_chain_so_far(&events_for_check))
        .await
        .map_err(|e| ServiceError::Refused(format!("checking the shuffles stopped: {e}")))?
        .map_err(crypto("the record's shuffles"))?;
    Ok((events, chain))
}

/// Appends one event if the board still has `expected` events (nothing was appended since the
/// upload was checked), with its audit entry, in one transaction.
#[allow(clippy::too_many_arguments)]
async fn append_checked<T: serde::Serialize>(
    db: &Db,
    loaded: &LoadedElection,
    expected: usize,
    event_type: EventType,
    body: &T,
    audit: (&str, serde_json::Value),
    actor: Actor,
    now: Timestamp,
) -> Result<(), ServiceError> {
    let mut tx = db.begin_write().await?;
    let leaves = tx.lock_board(loaded.row_id).await?;
    if leaves.len() != expected {
        return Err(ServiceError::Refused(
            "the election record changed while the upload was being checked; upload it again"
                .into(),
        ));
    }
    let mut writer = RecordWriter::resume(leaves.iter().map(|leaf| Digest(*leaf)).collect());
    let line = writer
        .append(event_type, body)
        .map_err(crypto(format!("the {} event", event_type.as_str())))?;
    let event = OwnedBoardEvent {
        height: i64::try_from(line.height).unwrap_or(i64::MAX),
        hash: line.hash.0,
        event_type: event_type.as_str().to_owned(),
        line: line.line,
        tracker: None,
        credential: None,
    };
    tx.append_board_events(loaded.row_id, &[event.as_new()])
        .await?;
    commit_audited(tx, loaded.row_id, actor, audit.0, &audit.1, now).await
}

/// Accepts mixer `m`'s signed shuffle (`urna trustee mix --record`'s output) after checking
/// it against the record: it is the shuffle due next, by a trustee who has not mixed, before
/// any decryption, signed by that trustee, and its output answers the current vectors under
/// `mix_seed(election digest, m)` with a valid proof. Returns `m`.
pub async fn accept_shuffle(
    db: &Db,
    slug: &str,
    shuffle: ShuffleBody,
    actor: Actor,
    now: Timestamp,
) -> Result<u32, ServiceError> {
    let loaded = load_mixnet(db, slug).await?;
    let (events, chain) = chain(db, &loaded).await?;
    let setup = setup_of(&events).map_err(crypto("the election record"))?;
    if events
        .iter()
        .any(|e| matches!(e.body, EventBody::MixedDecryption(_)))
    {
        return Err(ServiceError::Refused(
            "the shuffled ballots are being decrypted: no more shuffles are taken".into(),
        ));
    }
    let due = chain.next_mixer();
    if shuffle.mixer != due {
        return Err(ServiceError::Refused(format!(
            "this upload is shuffle {}, but shuffle {due} is due",
            shuffle.mixer
        )));
    }
    if chain.mixers.contains(&shuffle.trustee) {
        return Err(ServiceError::Refused(format!(
            "trustee {} has already shuffled the ballots; another trustee must shuffle next",
            setup.trustee_setup.label(shuffle.trustee)
        )));
    }
    shuffle
        .verify_signature(&setup.trustee_setup)
        .map_err(refused("the shuffle"))?;
    let input = MixInput {
        v: V1,
        election_key: setup.election_key.clone(),
        seed: mix_seed(&setup.election_digest, due),
        ciphertexts: chain.vectors,
    };
    let shuffle =
        tokio::task::spawn_blocking(move || shuffle.output.verify(&input).map(|()| shuffle))
            .await
            .map_err(|e| ServiceError::Refused(format!("checking the shuffle stopped: {e}")))?
            .map_err(|e| ServiceError::Refused(format!("shuffle {due} was refused: {e}")))?;
    let audit = serde_json::json!({
        "mixer": due,
        "trustee": shuffle.trustee,
        "output": shuffle.output.ciphertexts.digest().to_string(),
    });
    append_checked(
        db,
        &loaded,
        events.len(),
        EventType::Shuffle,
        &shuffle,
        ("shuffle_accepted", audit),
        actor,
        now,
    )
    .await?;
    Ok(due)
}

/// Accepts one trustee's decryption of the last shuffle's output (`urna trustee decrypt-mix`)
/// once enough shuffles are on the board: every share's proof is checked against the vectors
/// the record's verified chain ends with. Once per trustee. Returns the decryptions now on the
/// board.
pub async fn accept_mixed_decryption(
    db: &Db,
    slug: &str,
    partial: MixDecryption,
    actor: Actor,
    now: Timestamp,
) -> Result<usize, ServiceError> {
    let loaded = load_mixnet(db, slug).await?;
    let (events, chain) = chain(db, &loaded).await?;
    let setup = setup_of(&events).map_err(crypto("the election record"))?;
    let required = required_shuffles(&setup.trustee_setup);
    if chain.mixers.len() < required {
        return Err(ServiceError::Refused(format!(
            "the ballots have been shuffled {} time(s); they are decrypted only after {required}",
            chain.mixers.len()
        )));
    }
    let earlier = events
        .iter()
        .filter_map(|e| match &e.body {
            EventBody::MixedDecryption(d) => Some(d.trustee),
            _ => None,
        })
        .collect::<Vec<_>>();
    if earlier.contains(&partial.trustee) {
        return Err(ServiceError::Refused(format!(
            "trustee {} has already decrypted the shuffled ballots",
            setup.trustee_setup.label(partial.trustee)
        )));
    }
    let key = setup.election_key.clone();
    let vectors = chain.vectors;
    let partial = tokio::task::spawn_blocking(move || {
        let digest = vectors.digest();
        verify_mixed_decryption(&key, &vectors, &digest, &partial).map(|()| partial)
    })
    .await
    .map_err(|e| ServiceError::Refused(format!("checking the decryption stopped: {e}")))?
    .map_err(refused("the decryption"))?;
    let audit = serde_json::json!({
        "trustee": partial.trustee,
        "ciphertexts": partial.ciphertexts.to_string(),
    });
    append_checked(
        db,
        &loaded,
        events.len(),
        EventType::MixedDecryption,
        &partial,
        ("mixed_decryption_accepted", audit),
        actor,
        now,
    )
    .await?;
    Ok(earlier.len() + 1)
}

/// The phases of a mixnet count.
pub const PHASE_CHAIN: &str = "check the shuffles";
pub const PHASE_COMBINE: &str = "check decryptions, combine";
pub const PHASE_DECODE: &str = "decode ballots";

/// Each question's decoded answers (weight 1 each) and the ballots set aside for it.
struct Decoded {
    answers: Vec<Vec<(u64, urna_core::ballot::Answer)>>,
    set_aside: Vec<Vec<SetAside>>,
}

/// Decodes the decrypted points question by question (A.7): a vector's `W_q` points for
/// question `q` must decode (A.1) to a ranking the question allows (its `max_ranks`, equal
/// ranks only where allowed); any other is set aside for `q` with its position and reason.
fn decode(
    questions: &[urna_core::question::Question],
    plaintexts: &MixedPlaintexts,
) -> Result<Decoded, ServiceError> {
    let vectors = &plaintexts.vectors;
    let layouts = questions
        .iter()
        .map(|q| {
            RankedLayout::new(q.options.len())
                .map_err(|e| corrupt(format!("question {}'s ranked layout", q.id), e))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut decoded = Decoded {
        answers: vec![Vec::new(); questions.len()],
        set_aside: vec![Vec::new(); questions.len()],
    };
    for (position, vector) in vectors.iter().enumerate() {
        let mut offset = 0;
        for (q, (question, layout)) in questions.iter().zip(&layouts).enumerate() {
            let width = layout.ciphertexts_per_ballot();
            let points = vector.get(offset..offset + width).unwrap_or(&[]);
            offset += width;
            let answer = RankedBallot::from_points(layout, points)
                .map_err(|e| e.to_string())
                .and_then(|ballot| {
                    urna_core::mixnet::answer_from_ranks(question, ballot.ranks())
                        .map_err(|e| e.to_string())
                });
            match answer {
                Ok(answer) => decoded.answers[q].push((1, answer)),
                Err(reason) => decoded.set_aside[q].push(SetAside {
                    position: position as u64,
                    reason,
                }),
            }
        }
    }
    Ok(decoded)
}

/// Counts a mixnet election from its record: the chain of shuffles checked again, `k` valid
/// decryptions of the last output combined, every ballot decoded (what does not decode is set
/// aside publicly) and each question counted with urna-tally. Its results documents hold the
/// BLT of the counted ballots and the ballots set aside, which the board publishes.
pub(crate) async fn count_mixed(
    db: &Db,
    loaded: &LoadedElection,
    clock: &mut PhaseClock,
) -> Result<Counted, ServiceError> {
    let events = super::board::read_events(db, loaded.row_id).await?;
    clock.lap(super::counting::PHASE_LOAD);
    let (vectors, events) = tokio::task::spawn_blocking(move || {
        verified_mix_chain(&events).map(|vectors| (vectors, events))
    })
    .await
    .map_err(|e| ServiceError::Refused(format!("checking the shuffles stopped: {e}")))?
    .map_err(crypto("the record's shuffles"))?;
    clock.lap(PHASE_CHAIN);
    let partials: Vec<MixDecryption> = events
        .iter()
        .filter_map(|e| match &e.body {
            EventBody::MixedDecryption(d) => Some((**d).clone()),
            _ => None,
        })
        .collect();
    let key = loaded.key()?.clone();
    let (vectors, combined) = tokio::task::spawn_blocking(move || {
        let combined = combine_mixed_decryption(&key, &vectors, &partials);
        (vectors, combined)
    })
    .await
    .map_err(|e| ServiceError::Refused(format!("combining the decryptions stopped: {e}")))?;
    let combined = combined.map_err(crypto("the decryption of the shuffled ballots"))?;
    for rejected in &combined.rejected {
        tracing::warn!(election = %loaded.election.slug(), error = %rejected, "mixed decryption left out");
    }
    clock.lap(PHASE_COMBINE);
    let ballots = vectors.len();
    drop::<CiphertextVectors>(vectors);
    let questions = loaded.election.questions();
    let decoded = decode(questions, &combined)?;
    clock.lap(PHASE_DECODE);

    let mut documents = Vec::with_capacity(questions.len());
    let mut outcomes = Vec::with_capacity(questions.len());
    let mut all_set_aside = Vec::new();
    for ((question, answers), set_aside) in questions
        .iter()
        .zip(&decoded.answers)
        .zip(&decoded.set_aside)
    {
        let counted = || answers.iter().map(|(w, a)| (*w, a));
        let report = urna_core::tally::count(question, counted()).map_err(|e| {
            ServiceError::Refused(format!(
                "question {} could not be counted: {e}",
                question.id
            ))
        })?;
        clock.lap(super::counting::PHASE_TALLY);
        let blt = urna_core::tally::to_blt(question, counted())
            .map_err(|e| corrupt(format!("question {}'s ballots as BLT", question.id), e))?;
        clock.lap(super::counting::PHASE_ANONYMISED);
        outcomes.push(QuestionOutcome {
            question: question.id.to_string(),
            elected: report
                .elected
                .iter()
                .map(|&c| report.candidates[c].clone())
                .collect(),
        });
        all_set_aside.extend(set_aside.iter().map(|s| super::counting::SetAside {
            position: usize::try_from(s.position).unwrap_or(usize::MAX),
            reason: format!("question {}: {}", question.id, s.reason),
        }));
        let document = serde_json::json!({
            "question": question.id.as_str(),
            "report": urna_tally::render::json_value(&report),
            "counted_ballots": answers.len(),
            "set_aside": set_aside,
            "ballots_blt": blt,
            "ballots_csv": null,
            "trustees": combined.trustees,
        });
        documents.push((question.id.to_string(), document));
    }
    Ok(Counted {
        ballots,
        set_aside: all_set_aside,
        documents,
        outcomes,
    })
}
