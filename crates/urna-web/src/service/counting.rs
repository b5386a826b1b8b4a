//! Counting: freeze and shuffle the ballots after close, accept the trustees' decryption
//! shares, then decrypt, decode and count in a background job.
//!
//! **Freeze.** The current, unstruck ballots are taken once, shuffled with a CSPRNG
//! (Fisher–Yates, unbiased indices by rejection) and stored as the frozen set with each
//! ballot's weight at its position: `{"set": <FrozenSet>, "weights": [...]}`. The set is what
//! trustees decrypt; after it exists no ballot can be struck or unstruck.
//!
//! **Count.** k valid share files open every ballot (invalid files are reported and left
//! out); each plaintext is decoded strictly ([`ValidBallot::decode_padded`]); a ballot that
//! does not decode is set aside with the reason, and the set-aside ballots are counted and
//! reported. Each question is counted with urna-tally and its result stored (unpublished):
//! `{"question", "report" (urna-tally's JSON report), "counted_ballots", "set_aside",
//! "ballots_blt", "ballots_csv"}`; the anonymised ballots are stored to publish (merged and
//! sorted, so in no voter's order): BLT for ranked and choose-one questions, CSV for all.
//! A verifiable election is counted from its decrypted totals instead
//! ([`super::tally_verifiable::count_totals`]): its documents hold `"input"`, the totals.
//! A mixnet election from its shuffled, decrypted ballots ([`super::mixnet::count_mixed`]):
//! its `set_aside` lists are public, per question, by position in the last shuffle.

use std::time::{Duration, Instant};

use jiff::Timestamp;
use rand_core::TryCryptoRng;
use serde::{Deserialize, Serialize};
use urna_core::ballot::ValidBallot;
use urna_core::lifecycle::{Action, State};
use urna_crypto::{DecryptionShares, ElectionKey, FrozenSet, combine_decryption};
use urna_store::{Db, JobId};

use super::{
    Actor, LoadedElection, ROUND_DECRYPTION, ServiceError, ballot_context, commit_audited, corrupt,
    crypto, micros, sealed_from_bytes,
};

/// The stored frozen set: the sealed ballots in shuffled order and their weights.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FrozenRecord {
    pub set: FrozenSet,
    pub weights: Vec<u64>,
}

/// What freezing did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreezeSummary {
    pub ballots: usize,
    /// The set's digest, which decryption shares are bound to (empty for a verifiable
    /// election: its trustees decrypt the tally whose digest the board shows).
    pub digest: String,
}

/// Shuffles `items` in place: Fisher–Yates with indices drawn without modulo bias.
pub fn shuffle<T, R: TryCryptoRng + ?Sized>(
    items: &mut [T],
    rng: &mut R,
) -> Result<(), ServiceError> {
    for i in (1..items.len()).rev() {
        let bound = i as u64 + 1;
        // Reject the top partial block so every index is equally likely.
        let zone = u64::MAX - (u64::MAX % bound);
        let j = loop {
            let x = rng
                .try_next_u64()
                .map_err(|e| ServiceError::Random(e.to_string()))?;
            if x < zone {
                break x % bound;
            }
        };
        items.swap(i, j as usize);
    }
    Ok(())
}

/// Freezes the closed election's ballots for the count (once).
pub async fn freeze<R: TryCryptoRng + ?Sized>(
    db: &Db,
    slug: &str,
    actor: Actor,
    now: Timestamp,
    rng: &mut R,
) -> Result<FreezeSummary, ServiceError> {
    let loaded = super::load(db, slug).await?;
    if super::board::is_verifiable(&loaded) || super::board::is_mixnet(&loaded) {
        // Nothing to shuffle: the board's counted set is frozen, and the trustees decrypt
        // the encrypted tally the publisher then appends.
        let frozen = super::tally_verifiable::freeze(db, slug, actor, now).await?;
        return Ok(FreezeSummary {
            ballots: usize::try_from(frozen.counted).unwrap_or(usize::MAX),
            digest: String::new(),
        });
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
    let key = loaded.key()?;
    let mut ballots = db
        .counted_ballots(loaded.row_id)
        .await?
        .into_iter()
        .map(|b| {
            let weight =
                u64::try_from(b.weight).map_err(|_| corrupt("a voter's weight", b.weight))?;
            Ok((sealed_from_bytes(&b.sealed)?, weight))
        })
        .collect::<Result<Vec<_>, ServiceError>>()?;
    shuffle(&mut ballots, rng)?;
    let (sealed, weights): (Vec<_>, Vec<_>) = ballots.into_iter().unzip();
    let set = FrozenSet::new(key, ballot_context(&loaded.election), sealed);
    let digest = set.digest().to_string();
    let count = set.ballots.len();
    let payload = serde_json::to_vec(&FrozenRecord { set, weights })
        .map_err(|e| corrupt("the frozen set", e))?;
    let mut tx = db.begin_write().await?;
    // Another server may have frozen since the check above: the store decides, under the
    // election's row lock.
    tx.put_first_frozen_set(loaded.row_id, &payload, micros(now))
        .await
        .map_err(already_frozen)?;
    commit_audited(
        tx,
        loaded.row_id,
        actor,
        "ballots_frozen",
        &serde_json::json!({ "ballots": count, "ballot_set": digest }),
        now,
    )
    .await?;
    Ok(FreezeSummary {
        ballots: count,
        digest,
    })
}

/// The store's refusal of a second frozen set is [`ServiceError::AlreadyFrozen`].
pub(crate) fn already_frozen(error: urna_store::StoreError) -> ServiceError {
    match error {
        urna_store::StoreError::Duplicate { .. } => ServiceError::AlreadyFrozen,
        other => other.into(),
    }
}

async fn frozen_record(db: &Db, loaded: &LoadedElection) -> Result<FrozenRecord, ServiceError> {
    let stored = db
        .latest_frozen_set(loaded.row_id)
        .await?
        .ok_or(ServiceError::NotFrozen)?;
    let record: FrozenRecord =
        serde_json::from_slice(&stored.payload).map_err(|e| corrupt("the stored frozen set", e))?;
    if record.weights.len() != record.set.ballots.len() {
        return Err(corrupt(
            "the stored frozen set",
            format!(
                "{} weights for {} ballots",
                record.weights.len(),
                record.set.ballots.len()
            ),
        ));
    }
    Ok(record)
}

/// The frozen set trustees download to make their decryption shares.
pub async fn frozen_set(db: &Db, slug: &str) -> Result<FrozenSet, ServiceError> {
    let loaded = super::load(db, slug).await?;
    Ok(frozen_record(db, &loaded).await?.set)
}

/// Accepts one trustee's decryption shares after checking every proof against the frozen set.
pub async fn accept_decryption_shares(
    db: &Db,
    slug: &str,
    shares: DecryptionShares,
    actor: Actor,
    now: Timestamp,
) -> Result<(), ServiceError> {
    let loaded = super::load(db, slug).await?;
    let key = loaded.key()?.clone();
    let record = frozen_record(db, &loaded).await?;
    let trustee = shares.trustee;
    let shares = tokio::task::spawn_blocking(move || {
        let digest = record.set.digest();
        urna_crypto::verify_decryption_shares(&key, &record.set, &digest, &shares).map(|()| shares)
    })
    .await
    .map_err(|e| ServiceError::Refused(format!("checking the shares stopped: {e}")))?
    .map_err(crypto(format!(
        "the decryption shares of trustee {trustee}"
    )))?;
    let payload = serde_json::to_value(&shares).map_err(|e| corrupt("decryption shares", e))?;
    let mut tx = db.begin_write().await?;
    tx.put_trustee_file(
        loaded.row_id,
        i64::from(trustee),
        ROUND_DECRYPTION,
        &payload,
        micros(now),
    )
    .await
    .map_err(super::trustees::duplicate_upload(
        "decryption shares",
        trustee,
    ))?;
    commit_audited(
        tx,
        loaded.row_id,
        actor,
        "decryption_shares_accepted",
        &serde_json::json!({ "trustee": trustee }),
        now,
    )
    .await
}

/// A ballot that opened but did not decode as a ballot of this election.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetAside {
    /// Position in the frozen set (from 0).
    pub position: usize,
    pub reason: String,
}

/// One question's outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionOutcome {
    pub question: String,
    /// Elected candidates' names, in the order elected.
    pub elected: Vec<String>,
}

/// What the count did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountSummary {
    pub ballots: usize,
    pub set_aside: Vec<SetAside>,
    pub questions: Vec<QuestionOutcome>,
    /// How long each phase of the count took, in order (for logs and `urna bench count`).
    pub phases: Vec<CountPhase>,
}

/// One timed phase of [`count`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountPhase {
    pub name: &'static str,
    pub elapsed: Duration,
}

/// Records the time since the previous phase ended under `name`.
pub(crate) struct PhaseClock {
    phases: Vec<CountPhase>,
    since: Instant,
}

impl PhaseClock {
    pub(crate) fn start() -> Self {
        Self {
            phases: Vec::new(),
            since: Instant::now(),
        }
    }

    pub(crate) fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        self.phases.push(CountPhase {
            name,
            elapsed: now - self.since,
        });
        self.since = now;
    }
}

/// Decrypts, decodes and counts the frozen set, stores each question's result (unpublished)
/// and records the count (closed → counted). With `job`, reports progress on it: one step per
/// ballot decrypted, then one per question counted.
pub async fn count(
    db: &Db,
    slug: &str,
    job: Option<JobId>,
    actor: Actor,
    now: Timestamp,
) -> Result<CountSummary, ServiceError> {
    let mut clock = PhaseClock::start();
    let loaded = super::load(db, slug).await?;
    if loaded.state() != State::Closed {
        return Err(ServiceError::Refused(format!(
            "only a closed election is counted; it is {}",
            loaded.state()
        )));
    }
    if super::board::is_verifiable(&loaded) {
        let counted = super::tally_verifiable::count_totals(db, &loaded, &mut clock).await?;
        return store_count(db, slug, &loaded, counted, job, actor, now, clock).await;
    }
    if super::board::is_mixnet(&loaded) {
        let counted = super::mixnet::count_mixed(db, &loaded, &mut clock).await?;
        return store_count(db, slug, &loaded, counted, job, actor, now, clock).await;
    }
    let key: ElectionKey = loaded.key()?.clone();
    let record = frozen_record(db, &loaded).await?;
    let shares: Vec<DecryptionShares> = db
        .trustee_files(loaded.row_id, ROUND_DECRYPTION)
        .await?
        .into_iter()
        .map(|f| serde_json::from_value(f.payload).map_err(|e| corrupt("stored shares", e)))
        .collect::<Result<_, _>>()?;
    let weights = record.weights.clone();
    let ballots = weights.len();
    clock.lap(PHASE_LOAD);
    let decryption =
        tokio::task::spawn_blocking(move || combine_decryption(&key, &record.set, &shares))
            .await
            .map_err(|e| ServiceError::Refused(format!("the decryption stopped: {e}")))?
            .map_err(crypto("the decryption"))?;
    clock.lap(PHASE_OPEN);
    for rejected in &decryption.rejected {
        tracing::warn!(election = %slug, error = %rejected, "decryption shares left out");
    }
    if let Some(job) = job {
        db.set_job_progress(job, ballots as i64, micros(now))
            .await?;
    }

    let questions = loaded.election.questions();
    let mut decoded: Vec<(u64, ValidBallot)> = Vec::with_capacity(ballots);
    let mut set_aside = Vec::new();
    for (position, (plaintext, weight)) in decryption.plaintexts.iter().zip(&weights).enumerate() {
        match ValidBallot::decode_padded(plaintext, questions) {
            Ok(b) => decoded.push((*weight, b)),
            Err(e) => set_aside.push(SetAside {
                position,
                reason: e.to_string(),
            }),
        }
    }
    drop(decryption);
    clock.lap(PHASE_DECODE);

    let mut outcomes = Vec::new();
    let mut documents = Vec::with_capacity(questions.len());
    for (qi, question) in questions.iter().enumerate() {
        let answers = || decoded.iter().map(move |(w, b)| (*w, &b.answers()[qi]));
        let report = urna_core::tally::count(question, answers()).map_err(|e| {
            ServiceError::Refused(format!(
                "question {} could not be counted: {e}",
                question.id
            ))
        })?;
        clock.lap(PHASE_TALLY);
        let blt = urna_core::tally::to_blt(question, answers()).ok();
        // Every question's ballots as CSV: scored questions have no BLT, and their CSV is what
        // the record publishes and `urna tally` recounts.
        let csv = urna_core::tally::to_csv(question, answers()).ok();
        clock.lap(PHASE_ANONYMISED);
        let elected: Vec<String> = report
            .elected
            .iter()
            .map(|&c| report.candidates[c].clone())
            .collect();
        let document = serde_json::json!({
            "question": question.id.as_str(),
            "report": urna_tally::render::json_value(&report),
            "counted_ballots": decoded.len(),
            "set_aside": set_aside,
            "ballots_blt": blt,
            "ballots_csv": csv,
        });
        documents.push((question.id.as_str(), document));
        if let Some(job) = job {
            db.set_job_progress(job, (ballots + qi + 1) as i64, micros(now))
                .await?;
        }
        outcomes.push(QuestionOutcome {
            question: question.id.to_string(),
            elected,
        });
        clock.lap(PHASE_STORE);
    }
    let counted = Counted {
        ballots,
        set_aside,
        documents: documents
            .into_iter()
            .map(|(q, d)| (q.to_owned(), d))
            .collect(),
        outcomes,
    };
    store_count(db, slug, &loaded, counted, job, actor, now, clock).await
}

/// A count's results before they are stored: per question the results document (the
/// report, and the anonymised ballots or the totals it was counted from) and who was elected.
#[derive(Debug)]
pub struct Counted {
    pub ballots: usize,
    pub set_aside: Vec<SetAside>,
    pub documents: Vec<(String, serde_json::Value)>,
    pub outcomes: Vec<QuestionOutcome>,
}

/// Stores the results: they, the move to `counted` and both audit entries commit together.
#[allow(clippy::too_many_arguments)]
async fn store_count(
    db: &Db,
    slug: &str,
    loaded: &super::LoadedElection,
    counted: Counted,
    job: Option<JobId>,
    actor: Actor,
    now: Timestamp,
    mut clock: PhaseClock,
) -> Result<CountSummary, ServiceError> {
    let Counted {
        ballots,
        set_aside,
        documents,
        outcomes,
    } = counted;
    if let Some(job) = job {
        db.set_job_progress(job, (ballots + documents.len()) as i64, micros(now))
            .await?;
    }
    // The results, the move to `counted` and both audit entries commit together.
    let current = super::load(db, slug).await?;
    let mut step = super::lifecycle::plan(db, current, Action::RecordCount, now).await?;
    let mut tx = db.begin_write().await?;
    for (question, document) in &documents {
        tx.put_result(loaded.row_id, question, document, micros(now))
            .await?;
    }
    step.write(&mut tx, now).await?;
    super::append_event(&mut tx, loaded.row_id, actor, &step.event, now).await?;
    commit_audited(
        tx,
        loaded.row_id,
        actor,
        "count_recorded",
        &serde_json::json!({
            "ballots": ballots,
            "set_aside": set_aside,
            "elected": outcomes.iter().map(|o| serde_json::json!({"question": o.question, "elected": o.elected})).collect::<Vec<_>>(),
        }),
        now,
    )
    .await?;
    clock.lap(PHASE_STORE);
    Ok(CountSummary {
        ballots,
        set_aside,
        questions: outcomes,
        phases: merge_phases(clock.phases),
    })
}

/// The phases of [`count`], in order.
pub const PHASE_LOAD: &str = "load frozen set and shares";
pub const PHASE_OPEN: &str = "check shares, combine, open";
pub const PHASE_DECODE: &str = "decode ballots";
pub const PHASE_TALLY: &str = "count (urna-tally)";
pub const PHASE_ANONYMISED: &str = "anonymised BLT and CSV";
pub const PHASE_STORE: &str = "store results";

/// One entry per phase name (questions repeat the per-question phases), in first-seen order.
fn merge_phases(phases: Vec<CountPhase>) -> Vec<CountPhase> {
    let mut merged: Vec<CountPhase> = Vec::new();
    for phase in phases {
        match merged.iter_mut().find(|m| m.name == phase.name) {
            Some(m) => m.elapsed += phase.elapsed,
            None => merged.push(phase),
        }
    }
    merged
}

/// The job kind of a count.
pub const COUNT_JOB: &str = "count";

/// How long a count job's lease lasts; its runner renews it every [`LEASE_RENEWAL`], and
/// [`spawn_count_resumer`] looks for expired ones as often. A server killed mid-count has its
/// count taken over at most about this long after its last renewal.
pub const COUNT_LEASE: Duration = Duration::from_secs(30);
/// How often a running count renews its lease: a third of [`COUNT_LEASE`], so two missed
/// renewals (a slow database) do not yet lose it.
pub const LEASE_RENEWAL: Duration = Duration::from_secs(10);

fn lease_until(now: Timestamp) -> urna_store::UnixMicros {
    let lease = i64::try_from(COUNT_LEASE.as_micros()).unwrap_or(i64::MAX);
    urna_store::UnixMicros(now.as_microsecond().saturating_add(lease))
}

/// Starts the count as a background job and returns its id; the job's progress and outcome
/// are in the store (`Db::job`). While a count of the election runs (on this server or another
/// sharing the database) it returns that count's job instead of starting another.
pub async fn start_count(
    db: &Db,
    slug: &str,
    actor: Actor,
    now: Timestamp,
) -> Result<JobId, ServiceError> {
    let loaded = super::load(db, slug).await?;
    if loaded.state() != State::Closed {
        return Err(ServiceError::Refused(format!(
            "only a closed election is counted; it is {}",
            loaded.state()
        )));
    }
    let record = frozen_record(db, &loaded).await?;
    let total = record.weights.len() + loaded.election.questions().len();
    let job = db
        .start_leased_job(
            Some(loaded.row_id),
            COUNT_JOB,
            total as i64,
            micros(now),
            lease_until(now),
        )
        .await;
    let job = match job {
        Ok(job) => job,
        // A count already runs (asked of this server or another sharing the database): the
        // request follows it.
        Err(urna_store::StoreError::JobAlreadyRunning(running)) => return Ok(running),
        Err(other) => return Err(other.into()),
    };
    tokio::spawn(run_count_job(db.clone(), slug.to_owned(), job, 1, actor));
    Ok(job)
}

/// Takes over the count jobs whose lease ran out (their server stopped in the middle of the
/// count) and runs each again from the start, as [`Actor::System`]. Restarting is safe: a
/// count reads only the frozen set and the accepted shares, which no longer change, and gives
/// the same results (ties are drawn from a seed digested from the ballots); its results commit
/// together with the move to `counted` by compare-and-set, so an election is counted once
/// however many attempts run. A job whose election was counted before its server died is
/// finished as succeeded without counting again. Returns the jobs taken over.
pub async fn resume_interrupted_counts(
    db: &Db,
    now: Timestamp,
) -> Result<Vec<JobId>, ServiceError> {
    let claimed = db
        .claim_expired_jobs(COUNT_JOB, micros(now), lease_until(now))
        .await?;
    let mut resumed = Vec::with_capacity(claimed.len());
    for job in claimed {
        let slug = match job.election {
            Some(election) => db.election(election).await.map(|row| row.slug),
            None => Err(urna_store::StoreError::NotFound {
                what: "election of count job",
                key: job.id.to_string(),
            }),
        };
        match slug {
            Ok(slug) => {
                tracing::info!(election = %slug, job = %job.id, attempt = job.attempt, "resuming an interrupted count");
                tokio::spawn(run_count_job(
                    db.clone(),
                    slug,
                    job.id,
                    job.attempt,
                    Actor::System,
                ));
            }
            Err(e) => {
                let message = format!("cannot resume: {e}");
                db.finish_job(job.id, Err(&message), micros(now)).await?;
            }
        }
        resumed.push(job.id);
    }
    Ok(resumed)
}

/// Runs [`resume_interrupted_counts`] now and every [`LEASE_RENEWAL`]: at start-up it picks up
/// a count this server was running when it died (once the lease has run out), and later one a
/// server sharing the database was. Stops when the returned handle is aborted.
pub fn spawn_count_resumer(db: Db) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(LEASE_RENEWAL);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        loop {
            interval.tick().await;
            if let Err(e) = resume_interrupted_counts(&db, Timestamp::now()).await {
                tracing::warn!(error = %e, "could not look for interrupted counts");
            }
        }
    })
}

/// How a count job's run ended.
enum JobEnd {
    Counted(Result<CountSummary, ServiceError>),
    /// Another process took the job over (or finished it): its outcome is not ours to record.
    Lost(urna_store::StoreError),
}

/// Runs [`count`] for `job` at `attempt`, renewing the lease meanwhile, and records the outcome.
async fn run_count_job(db: Db, slug: String, job: JobId, attempt: i64, actor: Actor) {
    let keep_lease = async {
        loop {
            tokio::time::sleep(LEASE_RENEWAL).await;
            let now = Timestamp::now();
            match db
                .renew_job_lease(job, attempt, lease_until(now), micros(now))
                .await
            {
                Ok(()) => {}
                Err(
                    lost @ (urna_store::StoreError::JobTakenOver(_)
                    | urna_store::StoreError::JobFinished(_)),
                ) => return lost,
                // A passing database fault: the next renewal may succeed before the lease ends.
                Err(e) => {
                    tracing::warn!(election = %slug, error = %e, "could not renew the count's lease")
                }
            }
        }
    };
    let end = tokio::select! {
        outcome = count(&db, &slug, Some(job), actor, Timestamp::now()) => JobEnd::Counted(outcome),
        lost = keep_lease => JobEnd::Lost(lost),
    };
    let finished = match end {
        JobEnd::Counted(Ok(summary)) => {
            let message = format!(
                "{} ballots counted, {} set aside",
                summary.ballots - summary.set_aside.len(),
                summary.set_aside.len()
            );
            db.finish_job(job, Ok(Some(&message)), micros(Timestamp::now()))
                .await
        }
        JobEnd::Counted(Err(e)) => {
            // An earlier attempt may have stored the count just before its server died.
            let counted = super::load(&db, &slug)
                .await
                .is_ok_and(|loaded| loaded.state() == State::Counted);
            if counted {
                db.finish_job(
                    job,
                    Ok(Some("counted by an earlier attempt")),
                    micros(Timestamp::now()),
                )
                .await
            } else {
                db.finish_job(job, Err(&e.to_string()), micros(Timestamp::now()))
                    .await
            }
        }
        JobEnd::Lost(lost) => {
            tracing::warn!(election = %slug, error = %lost, "stopped a count another server took over");
            Ok(())
        }
    };
    if let Err(e) = finished {
        tracing::warn!(election = %slug, error = %e, "could not record the end of the count");
    }
}
