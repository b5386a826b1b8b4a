//! The public board: each election's record (docs/record-format.md §6), kept by the server
//! from opening to the count, and what voters and monitors ask of it (receipts, consistency
//! proofs, the download).
//!
//! [`catch_up`] brings one election's board up to its state, in order and idempotently, so
//! a crash or a missed tick only delays events, never skips or repeats them:
//! 1. from opening: `setup` (manifest, trustee set-up, DKG messages, election key, parameters
//!    of a verifiable election, board key and its proof), `voter_roll`, a tree head;
//! 2. while ballots wait: the batch in random order, then a tree head (no times anywhere);
//! 3. once closed: a tree head if needed and `end_ballots`;
//! 4. once the ballots are frozen for the count: a tree head if needed, `strikes_frozen`,
//!    and for a verifiable election the `encrypted_tally` the trustees decrypt; a tree head;
//!    for a mixnet election then `mix_input` (A.7, computed from the board's own events by
//!    `record::mix_input_vectors`) and a tree head. Its shuffles and decryptions are appended
//!    as the trustees upload them ([`super::mixnet`]);
//! 5. once the results are published: the partial decryptions (verifiable), the anonymised
//!    ballots (sealed; mixnet, with the ballots set aside), one `result` per question, a last
//!    tree head.
//!
//! The publisher ([`spawn_publisher`]) runs it for every election every few seconds
//! (`[board] publish_every`). Strikes and unstrikes of ballots already on the board are
//! appended by the admin act itself, in its transaction ([`append_strike`]); a ballot struck
//! or reinstated before it reaches the board gets its `strike`/`unstrike` from the publisher,
//! so the board's counted set (last ballot per credential, unless struck) is always the
//! database's.
//!
//! The board key that signs tree heads is derived from the server secret key
//! ([`ServerSecretKey::board_key`]): no new secret is stored, and it can decrypt nothing.

use std::time::Duration;

use rand_core::TryCryptoRng;
use serde::Serialize;
use urna_core::lifecycle::State;
use urna_crypto::board::{
    self as crypto_board, BoardKey, EventLine, EventType, RecordWriter, TreeHead,
};
use urna_crypto::ranked_ballot::EncryptedRankedBallot;
use urna_crypto::record::{
    BallotBody, BallotsFormat, Credential, CredentialBody, DecryptedBallotsBody, DkgMessages,
    EncryptedTallyBody, EndBallotsBody, MixInputBody, RankedBallotBody, ResultBody, ResultOptions,
    SealedBallotBody, SealedBy, SetAside, SetupBody, StrikesFrozenBody, VerifiableBallotBody,
    VoterRollBody, sealed_election_digest,
};
use urna_crypto::{Digest, ElectionParams, ElectionSetup, EncryptedBallot, EncryptedTally};
use urna_store::{Db, OwnedBoardEvent, StoreError, UnpublishedBallot, VoterId, WriteTx};

use super::{
    LoadedElection, ROUND_DKG1, ROUND_DKG2, ServiceError, corrupt, crypto, sealed_from_bytes,
};
use crate::auth::server_key::ServerSecretKey;

/// Events per page when streaming the record.
pub const RECORD_PAGE: i64 = 500;

/// What one [`catch_up`] appended.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct CatchUp {
    /// The set-up was written now.
    pub opened: bool,
    /// Ballots published now.
    pub ballots: usize,
    /// `end_ballots` was written now.
    pub ended: bool,
    /// `strikes_frozen` was written now.
    pub frozen: bool,
    /// `mix_input` (mixnet elections) was written now.
    pub mix_input: bool,
    /// The published results were written now.
    pub results: bool,
}

/// The election's cryptographic identity on the board: the set-up, the election digest and,
/// for a verifiable election, its parameters.
#[derive(Debug)]
pub struct BoardContext {
    pub setup: ElectionSetup,
    pub params: Option<ElectionParams>,
    pub digest: Digest,
}

/// Is this election counted from encrypted totals (record format §1–2)?
pub fn is_verifiable(loaded: &LoadedElection) -> bool {
    urna_core::verifiable::is_verifiable(loaded.election.questions())
}

/// Is this election counted through the mixnet (record format A.6–A.7)?
pub fn is_mixnet(loaded: &LoadedElection) -> bool {
    loaded.election.counting() == urna_core::election::Counting::Mixnet
}

/// What the board's ballots are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BallotKind {
    Sealed,
    Verifiable,
    Ranked,
}

impl BoardContext {
    fn ballot_kind(&self) -> BallotKind {
        match &self.params {
            None => BallotKind::Sealed,
            Some(p) if p.is_mixnet() => BallotKind::Ranked,
            Some(_) => BallotKind::Verifiable,
        }
    }
}

/// The whole record of an election, read page by page and parsed (`record::read_record`): what
/// the server checks trustees' uploads against, never trusting its own derived events.
pub async fn read_events(
    db: &Db,
    election: urna_store::ElectionId,
) -> Result<Vec<urna_crypto::record::Event>, ServiceError> {
    let mut record = String::new();
    let mut from = 0;
    loop {
        let page = db.board_events(election, from, RECORD_PAGE).await?;
        let Some(last) = page.last() else { break };
        from = last.height + 1;
        for event in page {
            record.push_str(&event.line);
            record.push('\n');
        }
    }
    urna_crypto::record::read_record(&record).map_err(crypto("the election record"))
}

/// The set-up, parameters and election digest (§3) of an election with a key.
pub async fn context(db: &Db, loaded: &LoadedElection) -> Result<BoardContext, ServiceError> {
    let setup = super::trustees::key_setup(db, loaded)
        .await?
        .ok_or(ServiceError::NoKeyCeremony)?;
    let key = loaded.key()?;
    let params = super::voting::election_params(loaded)?;
    let digest = params.as_ref().map_or_else(
        || sealed_election_digest(key, &setup),
        ElectionParams::digest,
    );
    Ok(BoardContext {
        setup,
        params,
        digest,
    })
}

fn board_key(server_key: &ServerSecretKey, context: &BoardContext) -> BoardKey {
    server_key.board_key(context.setup.election_id())
}

fn owned(line: EventLine) -> OwnedBoardEvent {
    OwnedBoardEvent {
        height: i64::try_from(line.height).unwrap_or(i64::MAX),
        hash: line.hash.0,
        event_type: line.event_type.as_str().to_owned(),
        line: line.line,
        tracker: None,
        credential: None,
    }
}

/// Appends to a writer and keeps the line, naming the event in errors.
fn push<T: Serialize + ?Sized>(
    writer: &mut RecordWriter,
    out: &mut Vec<OwnedBoardEvent>,
    event_type: EventType,
    body: &T,
) -> Result<(), ServiceError> {
    let line = writer
        .append(event_type, body)
        .map_err(crypto(format!("the {} event", event_type.as_str())))?;
    out.push(owned(line));
    Ok(())
}

fn push_tree_head<R: TryCryptoRng + ?Sized>(
    writer: &mut RecordWriter,
    out: &mut Vec<OwnedBoardEvent>,
    key: &BoardKey,
    digest: &Digest,
    rng: &mut R,
) -> Result<(), ServiceError> {
    let line = writer
        .append_tree_head(key, digest, rng)
        .map_err(crypto("the tree head"))?;
    out.push(owned(line));
    Ok(())
}

fn writer_on(leaves: &[[u8; 32]]) -> RecordWriter {
    RecordWriter::resume(leaves.iter().map(|leaf| Digest(*leaf)).collect())
}

fn weight_u64(weight: i64) -> Result<u64, ServiceError> {
    u64::try_from(weight).map_err(|_| corrupt("a voter's weight", weight))
}

/// The `ballot` event body of a waiting ballot.
fn ballot_body(ballot: &UnpublishedBallot, kind: BallotKind) -> Result<BallotBody, ServiceError> {
    let credential = Credential(ballot.credential);
    let weight = weight_u64(ballot.weight)?;
    let sealed_by = || match ballot.sealed_by.as_deref() {
        Some("server") => SealedBy::Server,
        _ => SealedBy::Voter,
    };
    match kind {
        BallotKind::Verifiable => {
            let encrypted: EncryptedBallot = serde_json::from_slice(&ballot.sealed)
                .map_err(|e| corrupt("a stored verifiable ballot", e))?;
            Ok(BallotBody::Verifiable(VerifiableBallotBody {
                credential,
                weight,
                sealed_by: sealed_by(),
                ballot: encrypted,
            }))
        }
        BallotKind::Ranked => {
            let ranked: EncryptedRankedBallot = serde_json::from_slice(&ballot.sealed)
                .map_err(|e| corrupt("a stored ranked ballot", e))?;
            Ok(BallotBody::Ranked(RankedBallotBody {
                credential,
                weight,
                sealed_by: sealed_by(),
                ranked_ballot: ranked,
            }))
        }
        BallotKind::Sealed => Ok(BallotBody::Sealed(SealedBallotBody {
            credential,
            weight,
            sealed: sealed_from_bytes(&ballot.sealed)?,
        })),
    }
}

/// Brings the election's board up to its state (see the module documentation). Draft and
/// ready elections have no board yet.
pub async fn catch_up<R: TryCryptoRng + ?Sized>(
    db: &Db,
    server_key: &ServerSecretKey,
    loaded: &LoadedElection,
    rng: &mut R,
) -> Result<CatchUp, ServiceError> {
    let mut done = CatchUp::default();
    let state = loaded.state();
    if matches!(state, State::Draft | State::Ready) {
        return Ok(done);
    }
    let election = loaded.row_id;
    if db
        .last_board_event(election, "strikes_frozen")
        .await?
        .is_some()
    {
        if is_mixnet(loaded) {
            done.mix_input = append_mix_input(db, server_key, loaded, rng).await?;
        }
        done.results = append_results(db, server_key, loaded, rng).await?;
        return Ok(done);
    }
    let context = context(db, loaded).await?;
    let key = board_key(server_key, &context);
    let kind = context.ballot_kind();

    if db.board_size(election).await? == 0 {
        let setup_body = setup_body(db, loaded, &context, &key, rng).await?;
        let roll = voter_roll(db, loaded).await?;
        let written = db
            .append_board_events_with(election, |leaves| {
                let mut out = Vec::new();
                if !leaves.is_empty() {
                    return Ok(out); // another writer opened it meanwhile
                }
                let mut writer = RecordWriter::new();
                push(&mut writer, &mut out, EventType::Setup, &setup_body)?;
                push(&mut writer, &mut out, EventType::VoterRoll, &roll)?;
                push_tree_head(&mut writer, &mut out, &key, &context.digest, rng)?;
                Ok::<_, ServiceError>(out)
            })
            .await?;
        done.opened = written > 0;
    }

    done.ballots = db
        .publish_ballots_with(election, |leaves, waiting| {
            let mut order: Vec<&UnpublishedBallot> = waiting.iter().collect();
            super::counting::shuffle(&mut order, rng)?;
            let mut writer = writer_on(leaves);
            let mut out = Vec::with_capacity(order.len() + 1);
            for ballot in order {
                let credential = CredentialBody {
                    credential: Credential(ballot.credential),
                };
                if !ballot.struck && ballot.struck_on_board {
                    push(&mut writer, &mut out, EventType::Unstrike, &credential)?;
                    mark_credential(&mut out, ballot.credential);
                }
                push(
                    &mut writer,
                    &mut out,
                    EventType::Ballot,
                    &ballot_body(ballot, kind)?,
                )?;
                mark_credential(&mut out, ballot.credential);
                if let Some(last) = out.last_mut() {
                    last.tracker = ballot.tracker;
                }
                if ballot.struck && !ballot.struck_on_board {
                    push(&mut writer, &mut out, EventType::Strike, &credential)?;
                    mark_credential(&mut out, ballot.credential);
                }
            }
            push_tree_head(&mut writer, &mut out, &key, &context.digest, rng)?;
            Ok::<_, ServiceError>(out)
        })
        .await?;

    // Paused voting may resume: the ballots are not ended yet.
    if matches!(state, State::Open | State::Paused) {
        return Ok(done);
    }
    if db
        .last_board_event(election, "end_ballots")
        .await?
        .is_none()
    {
        let ballots =
            u64::try_from(db.board_events_of_type_count(election, "ballot").await?).unwrap_or(0);
        // Checked again under the board lock: another server's publisher may be here too.
        let written = db
            .append_board_events_once(election, "end_ballots", |leaves| {
                let mut writer = writer_on(leaves);
                let mut out = Vec::new();
                push_tree_head(&mut writer, &mut out, &key, &context.digest, rng)?;
                push(
                    &mut writer,
                    &mut out,
                    EventType::EndBallots,
                    &EndBallotsBody { ballots },
                )?;
                push_tree_head(&mut writer, &mut out, &key, &context.digest, rng)?;
                Ok::<_, ServiceError>(out)
            })
            .await?;
        done.ended = written > 0;
    }
    if db.latest_frozen_set(election).await?.is_none() {
        return Ok(done);
    }
    let counted = db.counted_ballots(election).await?;
    let weight = counted
        .iter()
        .map(|b| weight_u64(b.weight))
        .sum::<Result<u64, _>>()?;
    let frozen = StrikesFrozenBody {
        counted: counted.len() as u64,
        weight,
    };
    let tally = match &context.params {
        Some(params) if !params.is_mixnet() => {
            let ballots = counted
                .iter()
                .map(|b| {
                    let ballot: EncryptedBallot = serde_json::from_slice(&b.sealed)
                        .map_err(|e| corrupt("a stored verifiable ballot", e))?;
                    Ok((weight_u64(b.weight)?, ballot))
                })
                .collect::<Result<Vec<_>, ServiceError>>()?;
            let refs: Vec<(u64, &EncryptedBallot)> = ballots.iter().map(|(w, b)| (*w, b)).collect();
            Some(EncryptedTally::aggregate(params, refs).map_err(crypto("the encrypted tally"))?)
        }
        _ => None,
    };
    let written = db
        .append_board_events_once(election, "strikes_frozen", |leaves| {
            let mut writer = writer_on(leaves);
            let mut out = Vec::new();
            push(&mut writer, &mut out, EventType::StrikesFrozen, &frozen)?;
            if let Some(tally) = &tally {
                push(
                    &mut writer,
                    &mut out,
                    EventType::EncryptedTally,
                    &EncryptedTallyBody::from(tally),
                )?;
            }
            push_tree_head(&mut writer, &mut out, &key, &context.digest, rng)?;
            Ok::<_, ServiceError>(out)
        })
        .await?;
    done.frozen = written > 0;
    if done.frozen && kind == BallotKind::Ranked {
        done.mix_input = append_mix_input(db, server_key, loaded, rng).await?;
    }
    Ok(done)
}

/// Step 4 of [`catch_up`] for a mixnet election: once `strikes_frozen` is on the board, the
/// `mix_input` event (A.7) over the counted ballots as the board's own events give them, and a
/// tree head. Written once.
async fn append_mix_input<R: TryCryptoRng + ?Sized>(
    db: &Db,
    server_key: &ServerSecretKey,
    loaded: &LoadedElection,
    rng: &mut R,
) -> Result<bool, ServiceError> {
    let election = loaded.row_id;
    if db.last_board_event(election, "mix_input").await?.is_some() {
        return Ok(false);
    }
    let context = context(db, loaded).await?;
    let key = board_key(server_key, &context);
    let events = read_events(db, election).await?;
    let vectors =
        urna_crypto::record::mix_input_vectors(&events).map_err(crypto("the mix input"))?;
    let body = MixInputBody::new(vectors);
    let written = db
        .append_board_events_once(election, "mix_input", |leaves| {
            let mut writer = writer_on(leaves);
            let mut out = Vec::new();
            push(&mut writer, &mut out, EventType::MixInput, &body)?;
            push_tree_head(&mut writer, &mut out, &key, &context.digest, rng)?;
            Ok::<_, ServiceError>(out)
        })
        .await?;
    Ok(written > 0)
}

/// Step 5 of [`catch_up`], once the results are published: the trustees' partial decryptions
/// (verifiable), each question's anonymised ballots (sealed) and `result` (the report, and for
/// a verifiable election the totals it was counted from), then a last tree head. Not before
/// publication: partial decryptions give the totals away.
async fn append_results<R: TryCryptoRng + ?Sized>(
    db: &Db,
    server_key: &ServerSecretKey,
    loaded: &LoadedElection,
    rng: &mut R,
) -> Result<bool, ServiceError> {
    let election = loaded.row_id;
    if !matches!(loaded.state(), State::Published | State::Archived)
        || db.last_board_event(election, "result").await?.is_some()
    {
        return Ok(false);
    }
    let context = context(db, loaded).await?;
    let key = board_key(server_key, &context);
    let kind = context.ballot_kind();
    let partials: Vec<serde_json::Value> = if kind == BallotKind::Verifiable {
        db.trustee_files(election, super::tally_verifiable::ROUND_TALLY_DECRYPTION)
            .await?
            .into_iter()
            .map(|f| f.payload)
            .collect()
    } else {
        Vec::new()
    };
    let rows = db.results(election, true).await?;
    let mut ballots = Vec::new();
    let mut results = Vec::new();
    for question in loaded.election.questions() {
        let row = rows
            .iter()
            .find(|r| r.question == question.id.as_str())
            .ok_or_else(|| {
                corrupt(
                    "the published results",
                    format!("no result for {}", question.id),
                )
            })?;
        let document = &row.report;
        if kind != BallotKind::Verifiable {
            let text = |field: &str| {
                document
                    .get(field)
                    .and_then(serde_json::Value::as_str)
                    .map(str::to_owned)
            };
            let (format, text) = match (text("ballots_blt"), text("ballots_csv")) {
                (Some(blt), _) => (BallotsFormat::Blt, blt),
                (None, Some(csv)) => (BallotsFormat::Csv, csv),
                (None, None) => {
                    return Err(corrupt(
                        "the published results",
                        format!("question {} has no anonymised ballots", question.id),
                    ));
                }
            };
            // A mixnet election's set-aside ballots are public (A.7): positions in the last
            // shuffle's output, with the reasons. A sealed election's stay in its results.
            let set_aside = if kind == BallotKind::Ranked {
                serde_json::from_value::<Vec<SetAside>>(document["set_aside"].clone())
                    .map_err(|e| corrupt("the ballots set aside", e))?
            } else {
                Vec::new()
            };
            ballots.push(DecryptedBallotsBody {
                question: question.id.to_string(),
                format,
                ballots: text,
                set_aside,
            });
        }
        let options = urna_core::tally::count_options(question);
        results.push(ResultBody {
            question: question.id.to_string(),
            method: question.method.name().to_owned(),
            options: ResultOptions {
                seats: options.seats.unwrap_or(question.seats),
                seed: options.seed,
                min_share: options.min_share.map(|d| d.to_string()),
            },
            input: document.get("input").filter(|v| !v.is_null()).cloned(),
            report: document.get("report").cloned().ok_or_else(|| {
                corrupt(
                    "the published results",
                    format!("question {} has no report", question.id),
                )
            })?,
        });
    }
    let written = db
        .append_board_events_once(election, "result", |leaves| {
            let mut writer = writer_on(leaves);
            let mut out = Vec::new();
            for partial in &partials {
                push(&mut writer, &mut out, EventType::PartialDecryption, partial)?;
            }
            for body in &ballots {
                push(&mut writer, &mut out, EventType::DecryptedBallots, body)?;
            }
            for body in &results {
                push(&mut writer, &mut out, EventType::Result, body)?;
            }
            push_tree_head(&mut writer, &mut out, &key, &context.digest, rng)?;
            Ok::<_, ServiceError>(out)
        })
        .await?;
    Ok(written > 0)
}

fn mark_credential(out: &mut [OwnedBoardEvent], credential: [u8; 16]) {
    if let Some(last) = out.last_mut() {
        last.credential = Some(credential);
    }
}

async fn setup_body<R: TryCryptoRng + ?Sized>(
    db: &Db,
    loaded: &LoadedElection,
    context: &BoardContext,
    key: &BoardKey,
    rng: &mut R,
) -> Result<SetupBody, ServiceError> {
    let dkg = DkgMessages {
        round1: stored_round(db, loaded, ROUND_DKG1).await?,
        round2: stored_round(db, loaded, ROUND_DKG2).await?,
    };
    let manifest = serde_json::json!({ "questions": loaded.election.questions() });
    let board_key_proof = key
        .prove_possession(&context.digest, rng)
        .map_err(crypto("the board key's proof"))?;
    Ok(SetupBody {
        parameters: context.params.clone(),
        manifest,
        trustee_setup: context.setup.clone(),
        dkg,
        election_key: loaded.key()?.clone(),
        election_digest: context.digest,
        board_key: *key.public(),
        board_key_proof,
    })
}

async fn stored_round<T: serde::de::DeserializeOwned>(
    db: &Db,
    loaded: &LoadedElection,
    round: i64,
) -> Result<Vec<T>, ServiceError> {
    db.trustee_files(loaded.row_id, round)
        .await?
        .into_iter()
        .map(|file| {
            serde_json::from_value(file.payload)
                .map_err(|e| corrupt("a stored key-generation message", e))
        })
        .collect()
}

async fn voter_roll(db: &Db, loaded: &LoadedElection) -> Result<VoterRollBody, ServiceError> {
    let voters: Vec<(String, u64)> = db
        .voters(loaded.row_id)
        .await?
        .into_iter()
        .filter(|v| !v.revoked)
        .map(|v| Ok((v.identifier, weight_u64(v.weight)?)))
        .collect::<Result<_, ServiceError>>()?;
    VoterRollBody::new(voters.iter().map(|(id, w)| (id.as_str(), *w)))
        .map_err(crypto("the voter roll"))
}

/// In an admin act's transaction: takes the board lock and, if the board already shows the
/// voter's credential (any event naming it), appends `strike` or `unstrike`. A ballot not yet
/// on the board gets its strike state from the publisher instead. Call it before the act's
/// other writes (the board lock comes first; see `urna_store::board`).
pub async fn append_strike(
    tx: &mut WriteTx,
    election: urna_store::ElectionId,
    voter: VoterId,
    strike: bool,
) -> Result<(), ServiceError> {
    let leaves = tx.lock_board(election).await?;
    if leaves.is_empty() {
        return Ok(());
    }
    let Some(credential) = tx.voter_credential(voter).await? else {
        return Ok(());
    };
    if !tx.board_shows_credential(election, &credential).await? {
        return Ok(());
    }
    let mut writer = writer_on(&leaves);
    let mut out = Vec::new();
    let event_type = if strike {
        EventType::Strike
    } else {
        EventType::Unstrike
    };
    push(
        &mut writer,
        &mut out,
        event_type,
        &CredentialBody {
            credential: Credential(credential),
        },
    )?;
    mark_credential(&mut out, credential);
    let events: Vec<_> = out.iter().map(OwnedBoardEvent::as_new).collect();
    tx.append_board_events(election, &events).await?;
    Ok(())
}

/// Runs [`catch_up`] for every election every `every`, logging failures (one election's
/// failure does not stop the others). Stops when the handle is aborted.
pub fn spawn_publisher(
    db: Db,
    server_key: ServerSecretKey,
    every: Duration,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(every);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        loop {
            interval.tick().await;
            if let Err(error) = publish_all(&db, &server_key).await {
                tracing::warn!(%error, "the board publisher could not list elections");
            }
        }
    })
}

/// One round of the publisher over every election.
pub async fn publish_all(db: &Db, server_key: &ServerSecretKey) -> Result<(), ServiceError> {
    let mut rng = urna_crypto::os_rng();
    for row in db.elections().await? {
        if matches!(row.state.as_str(), "draft" | "ready" | "archived") {
            continue;
        }
        let slug = row.slug.clone();
        let outcome = match super::from_row(row) {
            Ok(loaded) => catch_up(db, server_key, &loaded, &mut rng)
                .await
                .map(|_| ()),
            Err(error) => Err(error),
        };
        if let Err(error) = outcome {
            tracing::warn!(election = %slug, %error, "the board publisher skipped an election");
        }
    }
    Ok(())
}

/// What the board page and the API show about a board.
#[derive(Debug, Clone, Serialize)]
pub struct BoardSummary {
    pub events: i64,
    pub ballots: i64,
    pub latest_tree_head: Option<TreeHead>,
}

/// Counts and the latest tree head of an election's board.
pub async fn summary(db: &Db, loaded: &LoadedElection) -> Result<BoardSummary, ServiceError> {
    let latest_tree_head = match db.last_board_event(loaded.row_id, "tree_head").await? {
        Some(row) => Some(parse_body::<TreeHead>(&row.line, "a stored tree head")?),
        None => None,
    };
    Ok(BoardSummary {
        events: db.board_size(loaded.row_id).await?,
        ballots: db
            .board_events_of_type_count(loaded.row_id, "ballot")
            .await?,
        latest_tree_head,
    })
}

/// Every event's leaf hash, in height order.
async fn leaf_hashes(db: &Db, loaded: &LoadedElection) -> Result<Vec<Digest>, ServiceError> {
    Ok(db
        .board_leaves(loaded.row_id)
        .await?
        .into_iter()
        .map(Digest)
        .collect())
}

fn parse_body<T: serde::de::DeserializeOwned>(line: &str, what: &str) -> Result<T, ServiceError> {
    #[derive(serde::Deserialize)]
    struct Line<B> {
        body: B,
    }
    serde_json::from_str::<Line<T>>(line)
        .map(|l| l.body)
        .map_err(|e| corrupt(what, e))
}

/// A tracker as voters type it: 64 hex digits (case and surrounding spaces ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tracker(pub [u8; 32]);

impl std::str::FromStr for Tracker {
    type Err = ServiceError;
    fn from_str(text: &str) -> Result<Self, ServiceError> {
        let digest: Digest =
            serde_json::from_value(serde_json::Value::String(text.trim().to_ascii_lowercase()))
                .map_err(|_| {
                    ServiceError::Refused(format!(
                        "{:?} is not a tracker: a tracker is 64 hexadecimal digits",
                        text.trim()
                    ))
                })?;
        Ok(Tracker(digest.0))
    }
}

/// Where a tracker stands on the board.
#[derive(Debug, Clone)]
pub enum ReceiptLookup {
    /// On the board, included under the latest tree head (proof checked here).
    Included(crypto_board::Receipt),
    /// Cast, waiting for the next batch.
    Waiting,
    /// Unknown in this election.
    Unknown,
}

/// The receipt of a tracker: its ballot event's height and an inclusion proof under the
/// latest tree head, checked before it is returned.
pub async fn receipt(
    db: &Db,
    loaded: &LoadedElection,
    tracker: Tracker,
) -> Result<ReceiptLookup, ServiceError> {
    let Some(height) = db
        .board_height_of_tracker(loaded.row_id, &tracker.0)
        .await?
    else {
        return Ok(
            if db.tracker_awaits_board(loaded.row_id, &tracker.0).await? {
                ReceiptLookup::Waiting
            } else {
                ReceiptLookup::Unknown
            },
        );
    };
    let head_row = db
        .last_board_event(loaded.row_id, "tree_head")
        .await?
        .ok_or_else(|| corrupt("the board", "a ballot but no tree head"))?;
    let tree_head: TreeHead = parse_body(&head_row.line, "a stored tree head")?;
    if (tree_head.size as i64) <= height {
        // Published, but the tree head covering it is being written: as good as waiting.
        return Ok(ReceiptLookup::Waiting);
    }
    let leaves = leaf_hashes(db, loaded).await?;
    let size = usize::try_from(tree_head.size).unwrap_or(usize::MAX);
    let index = usize::try_from(height).map_err(|_| corrupt("the board", height))?;
    let covered = leaves
        .get(..size)
        .ok_or_else(|| corrupt("the board", "a tree head larger than the board"))?;
    let inclusion =
        crypto_board::inclusion_proof(covered, index).map_err(crypto("the inclusion proof"))?;
    let line = db
        .board_events(loaded.row_id, height, 1)
        .await?
        .pop()
        .ok_or_else(|| corrupt("the board", format!("no event at height {height}")))?
        .line;
    let receipt = crypto_board::Receipt {
        tracker: Digest(tracker.0),
        height: height as u64,
        line,
        tree_head,
        inclusion,
    };
    let context = context(db, loaded).await?;
    let setup_row = db
        .board_events(loaded.row_id, 0, 1)
        .await?
        .pop()
        .ok_or_else(|| corrupt("the board", "no set-up event"))?;
    let setup: SetupBody = parse_body(&setup_row.line, "the stored set-up event")?;
    receipt
        .verify(&setup.board_key, &context.digest)
        .map_err(crypto("the receipt"))?;
    Ok(ReceiptLookup::Included(receipt))
}

/// An RFC 6962 consistency proof between the board's first `from` and first `to` events,
/// with both roots, checked before it is returned.
#[derive(Debug, Clone, Serialize)]
pub struct Consistency {
    pub from: u64,
    pub to: u64,
    pub from_root: Digest,
    pub to_root: Digest,
    pub proof: Vec<Digest>,
}

/// The consistency proof from size `from` to size `to` (`0 < from ≤ to ≤` board size).
pub async fn consistency(
    db: &Db,
    loaded: &LoadedElection,
    from: u64,
    to: u64,
) -> Result<Consistency, ServiceError> {
    let leaves = leaf_hashes(db, loaded).await?;
    let size = leaves.len() as u64;
    if from == 0 || from > to || to > size {
        return Err(ServiceError::Refused(format!(
            "a consistency proof needs 0 < from ≤ to ≤ {size} (the board's size); got from {from}, to {to}"
        )));
    }
    let newer = &leaves[..to as usize];
    let proof = crypto_board::consistency_proof(newer, from as usize)
        .map_err(crypto("the consistency proof"))?;
    let from_root = crypto_board::root(&leaves[..from as usize]);
    let to_root = crypto_board::root(newer);
    if !crypto_board::verify_consistency(from, to, &from_root, &to_root, &proof) {
        return Err(corrupt(
            "the board",
            "its consistency proof does not verify",
        ));
    }
    Ok(Consistency {
        from,
        to,
        from_root,
        to_root,
        proof,
    })
}

/// The record as a stream of JSON lines, read page by page (never the whole record in memory).
pub fn record_stream(
    db: Db,
    election: urna_store::ElectionId,
) -> impl futures_core::Stream<Item = Result<String, StoreError>> + Send + 'static {
    futures_util::stream::try_unfold(Some(0i64), move |next| {
        let db = db.clone();
        async move {
            let Some(from) = next else {
                return Ok(None);
            };
            let page = db.board_events(election, from, RECORD_PAGE).await?;
            if page.is_empty() {
                return Ok(None);
            }
            let more = page.len() as i64 == RECORD_PAGE;
            let next_from = page.last().map_or(from, |e| e.height + 1);
            let mut text = String::new();
            for event in page {
                text.push_str(&event.line);
                text.push('\n');
            }
            Ok(Some((text, more.then_some(next_from))))
        }
    })
}
