//! The rehearsal (issue 7): the whole election run on a throwaway copy before real voters
//! meet it, and the gate that makes opening without a passed rehearsal an explicit, logged
//! override.
//!
//! [`rehearse`] reads the election's definition (questions, window, texts, languages, kind,
//! trustee count) and its voter list's size and weights, and:
//! 1. lists what the definition alone shows ([`urna_core::rehearsal::definition_findings`])
//!    and whether the mail server answers (an SMTP connection and EHLO, nothing sent), if the
//!    election e-mails its links;
//! 2. copies the definition into a [`ScratchServer`]: a fresh SQLite database in a temporary
//!    directory, served on 127.0.0.1 from its own runtime. The real database is only read;
//! 3. runs the key ceremony there with throw-away trustee keys (the real threshold and number
//!    of trustees once the ceremony is set up, else 1 of 1), marks the copy ready, opens it
//!    (its window moved to start now: the real window is judged in step 1);
//! 4. lets N synthetic voters ([`crate::synthetic_voter`]) cast random valid ballots through the
//!    real HTTP stack: voting links, session cookies, CSRF tokens, review and cast forms (or
//!    encrypted ballots in a verifiable election);
//! 5. closes, freezes, decrypts with the throw-away keys and counts;
//! 6. stops the server, whose runtime ends its background tasks, and removes the directory.
//!
//! The report holds the findings, each question's results and the time of each step. A
//! rehearsal passes when it has no error finding; [`record`] stores it with the revision of the
//! election row it copied (`rehearsals`, migration 0010).
//!
//! **The gate** ([`mark_ready_gated`]): marking an election ready is what opens it (at its
//! start by the scheduler, or at once by hand), and its definition cannot change from then on,
//! so that is where the gate stands: the admin page and the API mark an election ready only if
//! a rehearsal passed at its current revision, or with an override and a reason, which is
//! written to the audit log in the same transaction as the move to ready. The service
//! functions [`super::lifecycle::mark_ready`] and [`super::lifecycle::open`] stay ungated: the
//! demo, the benchmarks and the tests that set elections up through the service call them.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};
use urna_core::election::ElectionSpec;
use urna_core::lifecycle::{Action, State};
use urna_core::rehearsal::{Finding, FindingKind, definition_findings, has_errors};
use urna_crypto::{
    DkgRound2, TrusteeName, TrusteeSecret, decryption_shares, dkg_round1, dkg_round2, os_rng,
};
use urna_store::{Db, JobId};

use super::{Actor, LoadedElection, ServiceError, commit_event, corrupt, crypto, micros};
use crate::scratch_server::ScratchServer;
use crate::synthetic_voter::{Voter, http_client, random_u64};

/// The job kind of a rehearsal run from the admin page or the API.
pub const REHEARSAL_JOB: &str = "rehearsal";

/// Synthetic voters voting at once: enough to keep a small server busy, few enough not to
/// starve the real server sharing the machine.
const CONCURRENT_VOTERS: usize = 32;

/// Attempts per synthetic voter (a voter shown an error page tries again).
const VOTE_ATTEMPTS: usize = 3;

/// How long the copy's board publisher may take to append the encrypted tally.
const TALLY_WAIT: Duration = Duration::from_secs(60);

/// What a rehearsal may do.
#[derive(Debug, Clone, Default)]
pub struct RehearsalOptions {
    /// At most this many synthetic voters (default: every eligible voter).
    pub max_voters: Option<usize>,
    /// Where the throwaway database's directory is made (default: the system's temporary
    /// directory).
    pub scratch_parent: Option<PathBuf>,
}

/// How far a rehearsal is, for progress bars and the job row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub step: &'static str,
    pub done: usize,
    pub total: usize,
}

/// One question's outcome in the rehearsal's count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub question: String,
    pub title: String,
    pub seats: usize,
    /// Elected candidates' names, in the order elected.
    pub elected: Vec<String>,
}

/// How long one step took.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepTiming {
    pub step: String,
    pub millis: u64,
}

/// What a rehearsal found and did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RehearsalReport {
    pub slug: String,
    /// The revision of the election row copied.
    pub revision: i64,
    /// No error finding.
    pub passed: bool,
    pub findings: Vec<Finding>,
    /// Synthetic voters and the ballots they had accepted.
    pub voters: usize,
    pub ballots: usize,
    pub results: Vec<QuestionResult>,
    pub timings: Vec<StepTiming>,
    pub total_millis: u64,
}

impl RehearsalReport {
    /// The report as text, for `urna rehearse` and logs (English).
    pub fn render(&self) -> String {
        let mut out = format!(
            "rehearsal of {} (revision {}): {}\n",
            self.slug,
            self.revision,
            if self.passed { "passed" } else { "FAILED" }
        );
        if self.findings.is_empty() {
            out.push_str("findings: none\n");
        } else {
            out.push_str("findings:\n");
            for f in &self.findings {
                out.push_str(&format!("  {f}\n"));
            }
        }
        out.push_str(&format!(
            "synthetic voters: {}, ballots accepted: {}\n",
            self.voters, self.ballots
        ));
        for r in &self.results {
            out.push_str(&format!(
                "question {} ({}), {} seat(s): elected {}\n",
                r.question,
                r.title,
                r.seats,
                if r.elected.is_empty() {
                    "nobody".to_owned()
                } else {
                    r.elected.join(", ")
                }
            ));
        }
        out.push_str("timings:\n");
        for t in &self.timings {
            out.push_str(&format!(
                "  {:<18} {:>9.3} s\n",
                t.step,
                t.millis as f64 / 1e3
            ));
        }
        out.push_str(&format!(
            "  {:<18} {:>9.3} s\n",
            "total",
            self.total_millis as f64 / 1e3
        ));
        out
    }
}

/// Runs the rehearsal of `slug` (see the module documentation); reads the real database only.
/// `mailer`: the server's outgoing mail, checked when the election e-mails its links.
/// Failures of the copy's steps become findings; an `Err` means the real election could not
/// be read.
pub async fn rehearse(
    db: &Db,
    slug: &str,
    mailer: Option<&crate::mail::Mailer>,
    options: &RehearsalOptions,
    progress: &(dyn Fn(Progress) + Send + Sync),
    now: Timestamp,
) -> Result<RehearsalReport, ServiceError> {
    let started = Instant::now();
    let loaded = super::load(db, slug).await?;
    let voters = db.voters(loaded.row_id).await?;
    let eligible: Vec<i64> = voters
        .iter()
        .filter(|v| !v.revoked)
        .map(|v| v.weight)
        .collect();
    let mut findings = definition_findings(&loaded.election, now, voters.len(), eligible.len());
    if voters.iter().any(|v| v.email.is_some()) {
        findings.extend(check_mail(mailer).await.map(Finding::from));
    }
    let mut run = CopyRun {
        findings: Vec::new(),
        timings: Vec::new(),
        step_started: Instant::now(),
        ballots: 0,
        results: Vec::new(),
    };
    let wanted = options
        .max_voters
        .map_or(eligible.len(), |cap| eligible.len().min(cap));
    // With nobody to copy (a finding already) one voter still walks the path.
    let weights: Vec<i64> = if wanted == 0 {
        vec![1]
    } else {
        eligible.into_iter().take(wanted).collect()
    };
    run.run_copy(db, &loaded, &weights, options, progress).await;
    findings.extend(run.findings.into_iter().map(Finding::from));
    let passed = !has_errors(&findings);
    Ok(RehearsalReport {
        slug: slug.to_owned(),
        revision: loaded.revision,
        passed,
        findings,
        voters: weights.len(),
        ballots: run.ballots,
        results: run.results,
        timings: run.timings,
        total_millis: millis(started.elapsed()),
    })
}

/// Connects to the mail server and greets it; a finding if that fails.
async fn check_mail(mailer: Option<&crate::mail::Mailer>) -> Option<FindingKind> {
    let Some(mailer) = mailer else {
        return Some(FindingKind::MailUnreachable {
            server: "(none)".to_owned(),
            error: "voters have e-mail addresses but the server has no [smtp] settings".into(),
        });
    };
    mailer
        .check_connection()
        .await
        .err()
        .map(|e| FindingKind::MailUnreachable {
            server: mailer.server(),
            error: e.to_string(),
        })
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// The part of a rehearsal that runs on the copy.
struct CopyRun {
    findings: Vec<FindingKind>,
    timings: Vec<StepTiming>,
    step_started: Instant,
    ballots: usize,
    results: Vec<QuestionResult>,
}

impl CopyRun {
    fn step_done(&mut self, step: &str) {
        self.timings.push(StepTiming {
            step: step.to_owned(),
            millis: millis(self.step_started.elapsed()),
        });
        self.step_started = Instant::now();
    }

    fn failed(&mut self, step: &str, error: impl std::fmt::Display) {
        self.findings.push(FindingKind::StepFailed {
            step: step.to_owned(),
            error: error.to_string(),
        });
    }

    async fn run_copy(
        &mut self,
        real: &Db,
        loaded: &LoadedElection,
        weights: &[i64],
        options: &RehearsalOptions,
        progress: &(dyn Fn(Progress) + Send + Sync),
    ) {
        progress(Progress {
            step: "copy",
            done: 0,
            total: weights.len(),
        });
        let server = match ScratchServer::start(options.scratch_parent.as_deref(), None, 2).await {
            Ok(server) => server,
            Err(e) => return self.failed("copy", e),
        };
        let outcome = self.run_on(real, &server, loaded, weights, progress).await;
        if let Err((step, e)) = outcome {
            self.failed(step, e);
        }
        server.stop().await;
    }

    async fn run_on(
        &mut self,
        real: &Db,
        server: &ScratchServer,
        loaded: &LoadedElection,
        weights: &[i64],
        progress: &(dyn Fn(Progress) + Send + Sync),
    ) -> Result<(), (&'static str, ServiceError)> {
        let copy = &server.db;
        let slug = loaded.slug().to_owned();
        let now = Timestamp::now();
        let spec = copy_spec(loaded, now).map_err(|e| ("copy", e))?;
        super::elections::create_election(copy, spec, None, Actor::System, now)
            .await
            .map_err(|e| ("copy", e))?;
        // Synthetic identifiers, the real weights (where the election has weights).
        let weighted = loaded.election.allow_weights();
        let mut csv = String::from(if weighted {
            "voter,weight\n"
        } else {
            "voter\n"
        });
        for (n, weight) in weights.iter().enumerate() {
            if weighted {
                csv.push_str(&format!("rehearsal-voter-{},{weight}\n", n + 1));
            } else {
                csv.push_str(&format!("rehearsal-voter-{}\n", n + 1));
            }
        }
        let upload = super::voters::upload_voters(copy, &slug, &csv, Actor::System, now)
            .await
            .map_err(|e| ("copy", e))?;
        self.step_done("copy");

        let (threshold, trustees) = match super::trustees::key_setup(real, loaded)
            .await
            .map_err(|e| ("key ceremony", e))?
        {
            Some(setup) => (setup.threshold(), setup.trustees().len()),
            None => (1, 1),
        };
        let shape = (threshold, trustees);
        let secrets = throwaway_key_ceremony(copy, &slug, shape, "trustee", Actor::System, now)
            .await
            .map_err(|e| ("key ceremony", e))?;
        self.step_done("key ceremony");

        super::lifecycle::mark_ready(copy, &slug, Actor::System, now)
            .await
            .map_err(|e| ("opening", e))?;
        super::lifecycle::open(copy, &slug, Actor::System, now)
            .await
            .map_err(|e| ("opening", e))?;
        let tokens: Vec<String> = upload
            .issued
            .iter()
            .map(|link| link.token.reveal().to_owned())
            .collect();
        let refused = vote(&server.base_url, tokens, progress)
            .await
            .map_err(|e| ("voting", e))?;
        self.ballots = weights.len() - refused;
        if refused > 0 {
            self.findings.push(FindingKind::BallotsRefused {
                refused,
                voters: weights.len(),
            });
        }
        self.step_done("voting");

        let closed_at = Timestamp::now();
        super::lifecycle::close(copy, &slug, Actor::System, closed_at)
            .await
            .map_err(|e| ("closing", e))?;
        super::counting::freeze(copy, &slug, Actor::System, closed_at, &mut os_rng())
            .await
            .map_err(|e| ("closing", e))?;
        self.step_done("close and freeze");

        progress(Progress {
            step: "count",
            done: weights.len(),
            total: weights.len(),
        });
        decrypt(copy, &slug, &secrets, threshold as usize, closed_at)
            .await
            .map_err(|e| ("decryption", e))?;
        self.step_done("decryption");
        let summary = super::counting::count(copy, &slug, None, Actor::System, closed_at)
            .await
            .map_err(|e| ("count", e))?;
        self.step_done("count");
        let languages = loaded.election.languages().to_vec();
        for question in loaded.election.questions() {
            let elected = summary
                .questions
                .iter()
                .find(|q| q.question == question.id.as_str())
                .map(|q| q.elected.clone())
                .unwrap_or_default();
            if elected.len() < question.seats {
                self.findings.push(FindingKind::SeatsLeftEmpty {
                    question: question.id.to_string(),
                    elected: elected.len(),
                    seats: question.seats,
                });
            }
            self.results.push(QuestionResult {
                question: question.id.to_string(),
                title: question.title.get(&languages).to_owned(),
                seats: question.seats,
                elected,
            });
        }
        Ok(())
    }
}

/// The definition as the copy gets it: a draft, its window moved to open now for a day (the
/// real window was judged already), everything else as it is.
fn copy_spec(loaded: &LoadedElection, now: Timestamp) -> Result<ElectionSpec, ServiceError> {
    let mut spec = loaded.election.to_spec();
    spec.state = State::Draft;
    let zone = loaded.election.window().map_or_else(
        || urna_core::window::ElectionZone::parse("UTC"),
        |w| Ok(w.zone().clone()),
    );
    let zone = zone.map_err(|e| corrupt("the election's zone", e))?;
    let closes = now
        .checked_add(SignedDuration::from_hours(24))
        .map_err(|e| ServiceError::Refused(format!("the rehearsal's window: {e}")))?;
    let window = urna_core::window::WindowSpec {
        opens: now,
        closes,
        zone,
    };
    spec.window = Some(
        window
            .try_into()
            .map_err(|e| ServiceError::Refused(format!("the rehearsal's window: {e}")))?,
    );
    Ok(spec)
}

/// Runs the key ceremony of `slug` in-process with `n` freshly made trustee keys named
/// "`name` 1", … and threshold `k`, as the trustees' uploads would; returns their secrets.
/// For throwaway elections only (the rehearsal's copy, benchmarks, the demo, tests): a real
/// election's trustees make their keys on their own machines.
pub async fn throwaway_key_ceremony(
    db: &Db,
    slug: &str,
    (k, n): (u32, usize),
    name: &str,
    actor: Actor,
    now: Timestamp,
) -> Result<Vec<TrusteeSecret>, ServiceError> {
    let mut rng = os_rng();
    let mut secrets = Vec::with_capacity(n);
    for i in 1..=n {
        let name = TrusteeName::parse(&format!("{name} {i}")).map_err(crypto("a trustee"))?;
        secrets.push(TrusteeSecret::generate(name, &mut rng).map_err(crypto("a trustee key"))?);
    }
    let publics = secrets.iter().map(|s| s.public.clone()).collect();
    let setup = super::trustees::set_up_key_ceremony(db, slug, k, publics, actor, now).await?;
    let mut round1 = Vec::with_capacity(n);
    for s in &secrets {
        let message = dkg_round1(s, &setup, &mut rng).map_err(crypto("key round 1"))?;
        super::trustees::accept_round1(db, slug, message.clone(), actor, now).await?;
        round1.push(message);
    }
    let round2: Vec<DkgRound2> = secrets
        .iter_mut()
        .map(|s| dkg_round2(s, &setup, &round1, &mut rng).map_err(crypto("key round 2")))
        .collect::<Result<_, _>>()?;
    for message in round2 {
        super::trustees::accept_round2(db, slug, message, actor, now).await?;
    }
    Ok(secrets)
}

/// Each of the first `k` trustees decrypts: shares of the frozen set (sealed ballots), or a
/// partial decryption of the encrypted tally the copy's board holds (verifiable elections).
async fn decrypt(
    copy: &Db,
    slug: &str,
    secrets: &[TrusteeSecret],
    k: usize,
    now: Timestamp,
) -> Result<(), ServiceError> {
    let setup = super::trustees::setup_of(copy, slug).await?;
    let loaded = super::load(copy, slug).await?;
    let verifiable = super::board::is_verifiable(&loaded);
    let mut rng = os_rng();
    for secret in secrets.iter().take(k) {
        let share = secret.share_for(&setup.digest()).ok_or_else(|| {
            ServiceError::Refused("a throw-away trustee holds no key share".into())
        })?;
        if verifiable {
            let tally = wait_for_tally(copy, &loaded).await?;
            let key = loaded.key()?;
            let partial = urna_crypto::homomorphic::decrypt_tally(key, share, &tally, &mut rng)
                .map_err(crypto("the tally decryption"))?;
            super::tally_verifiable::accept_tally_decryption(
                copy,
                slug,
                partial,
                Actor::System,
                now,
            )
            .await?;
        } else {
            let set = super::counting::frozen_set(copy, slug).await?;
            let shares =
                decryption_shares(share, &set, &mut rng).map_err(crypto("the decryption"))?;
            super::counting::accept_decryption_shares(copy, slug, shares, Actor::System, now)
                .await?;
        }
    }
    Ok(())
}

/// The encrypted tally, once the copy's board publisher has appended it.
async fn wait_for_tally(
    copy: &Db,
    loaded: &LoadedElection,
) -> Result<urna_crypto::EncryptedTally, ServiceError> {
    let deadline = Instant::now() + TALLY_WAIT;
    loop {
        match super::tally_verifiable::frozen_tally(copy, loaded).await {
            Err(ServiceError::NotFrozen) if Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            other => return other,
        }
    }
}

/// Every synthetic voter votes once (up to [`VOTE_ATTEMPTS`] tries), [`CONCURRENT_VOTERS`] at
/// a time; returns how many never had a ballot accepted.
async fn vote(
    base_url: &str,
    tokens: Vec<String>,
    progress: &(dyn Fn(Progress) + Send + Sync),
) -> Result<usize, ServiceError> {
    let total = tokens.len();
    let client = http_client(CONCURRENT_VOTERS)
        .map_err(|e| ServiceError::Refused(format!("cannot build the HTTP client: {e}")))?;
    let limit = std::sync::Arc::new(tokio::sync::Semaphore::new(CONCURRENT_VOTERS));
    let mut tasks = tokio::task::JoinSet::new();
    for (index, token) in tokens.into_iter().enumerate() {
        let mut voter = Voter::new(
            client.clone(),
            base_url.to_owned(),
            token,
            random_u64() ^ index as u64,
        );
        let limit = limit.clone();
        tasks.spawn(async move {
            let _permit = limit.acquire_owned().await;
            for _ in 0..VOTE_ATTEMPTS {
                match voter.vote().await {
                    Ok(_) => return Ok(()),
                    Err(failure) => {
                        // A cast whose outcome is unknown is not retried: a second ballot
                        // would replace it (or be refused) and hide what happened.
                        if failure.cast_attempted {
                            return Err(failure.kind);
                        }
                        voter.forget_session();
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                }
            }
            Err("no ballot after three attempts".to_owned())
        });
    }
    let (mut done, mut refused) = (0, 0);
    while let Some(joined) = tasks.join_next().await {
        done += 1;
        match joined {
            Ok(Ok(())) => {}
            Ok(Err(kind)) => {
                refused += 1;
                tracing::info!(error = %kind, "a synthetic voter's ballot was not accepted");
            }
            Err(e) => {
                refused += 1;
                tracing::warn!(error = %e, "a synthetic voter's task failed");
            }
        }
        if done % 16 == 0 || done == total {
            progress(Progress {
                step: "voting",
                done,
                total,
            });
        }
    }
    Ok(refused)
}

/// Stores the report of a rehearsal of `loaded`'s election (by `job`, if it ran as one).
pub async fn record(
    db: &Db,
    report: &RehearsalReport,
    job: Option<JobId>,
    now: Timestamp,
) -> Result<i64, ServiceError> {
    let loaded = super::load(db, &report.slug).await?;
    let document = serde_json::to_value(report).map_err(|e| corrupt("a rehearsal report", e))?;
    Ok(db
        .record_rehearsal(
            loaded.row_id,
            job,
            report.revision,
            report.passed,
            &document,
            micros(now),
        )
        .await?)
}

/// Starts a rehearsal of `slug` as a background job and returns it; the report is stored
/// with [`record`] when it finishes. One runs per election at a time (a second request
/// answers with the running job).
pub async fn start_job(
    db: &Db,
    slug: &str,
    mailer: Option<crate::mail::Mailer>,
    options: RehearsalOptions,
    actor: Actor,
    now: Timestamp,
) -> Result<JobId, ServiceError> {
    let loaded = super::load(db, slug).await?;
    if !matches!(loaded.state(), State::Draft | State::Ready) {
        return Err(ServiceError::RehearsalTooLate {
            state: loaded.state().to_string(),
        });
    }
    let voters = db.turnout(loaded.row_id).await?.eligible;
    let job = db
        .start_leased_job(
            Some(loaded.row_id),
            REHEARSAL_JOB,
            voters.max(1),
            micros(now),
            micros(now + SignedDuration::from_hours(24)),
        )
        .await;
    let job = match job {
        Ok(job) => job,
        Err(urna_store::StoreError::JobAlreadyRunning(running)) => return Ok(running),
        Err(other) => return Err(other.into()),
    };
    super::audit(
        db,
        loaded.row_id,
        actor,
        "rehearsal_started",
        &serde_json::json!({"job": job.0, "revision": loaded.revision}),
        now,
    )
    .await?;
    let db = db.clone();
    let slug = slug.to_owned();
    tokio::spawn(async move {
        let progress_db = db.clone();
        let progress = move |p: Progress| {
            let db = progress_db.clone();
            let done = i64::try_from(p.done).unwrap_or(i64::MAX);
            tokio::spawn(async move {
                let _ = db
                    .set_job_progress(job, done, micros(Timestamp::now()))
                    .await;
            });
        };
        let outcome = rehearse(
            &db,
            &slug,
            mailer.as_ref(),
            &options,
            &progress,
            Timestamp::now(),
        )
        .await;
        let finished = Timestamp::now();
        let result = match outcome {
            Ok(report) => match record(&db, &report, Some(job), finished).await {
                Ok(_) => {
                    let message = if report.passed {
                        "passed"
                    } else {
                        "found errors"
                    };
                    db.finish_job(job, Ok(Some(message)), micros(finished))
                        .await
                }
                Err(e) => {
                    db.finish_job(job, Err(&e.to_string()), micros(finished))
                        .await
                }
            },
            Err(e) => {
                db.finish_job(job, Err(&e.to_string()), micros(finished))
                    .await
            }
        };
        if let Err(e) = result {
            tracing::warn!(election = %slug, job = %job, error = %e, "cannot finish the rehearsal job");
        }
    });
    Ok(job)
}

/// The report a rehearsal job stored, once it has finished.
pub async fn report_of_job(db: &Db, job: JobId) -> Result<Option<RehearsalReport>, ServiceError> {
    db.rehearsal_of_job(job)
        .await?
        .map(|row| {
            serde_json::from_value(row.report).map_err(|e| corrupt("a stored rehearsal report", e))
        })
        .transpose()
}

/// The override of a missing rehearsal: why the admin marks the election ready anyway.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RehearsalOverride(String);

impl RehearsalOverride {
    /// A reason of 1 to 1000 characters after trimming.
    pub fn parse(reason: &str) -> Result<RehearsalOverride, ServiceError> {
        let reason = reason.trim();
        let chars = reason.chars().count();
        if chars == 0 || chars > 1000 {
            return Err(ServiceError::Refused(format!(
                "an override needs a reason of 1 to 1000 characters (this one has {chars})"
            )));
        }
        Ok(RehearsalOverride(reason.to_owned()))
    }

    pub fn reason(&self) -> &str {
        &self.0
    }
}

/// Marks `slug` ready if a rehearsal passed at its current revision, or with `override_` (its
/// reason goes to the audit log in the same transaction as the move to ready). The gate of
/// the admin page and the API; see the module documentation.
pub async fn mark_ready_gated(
    db: &Db,
    slug: &str,
    override_: Option<&RehearsalOverride>,
    actor: Actor,
    now: Timestamp,
) -> Result<LoadedElection, ServiceError> {
    let loaded = super::load(db, slug).await?;
    let revision = loaded.revision;
    let rehearsed = db.rehearsal_passed_at(loaded.row_id, revision).await?;
    // What keeps the election from `ready` first (a missing key, no voters): fixing those
    // changes the election, and a rehearsal must follow anyway.
    let mut step = super::lifecycle::plan(db, loaded, Action::MarkReady, now).await?;
    if !rehearsed && override_.is_none() {
        return Err(ServiceError::NotRehearsed { revision });
    }
    let mut tx = db.begin_write().await?;
    step.write(&mut tx, now).await?;
    if let (false, Some(o)) = (rehearsed, override_) {
        tx.append_audit(urna_store::NewAuditEntry {
            election: Some(step.loaded.row_id),
            at: micros(now),
            actor: &actor.to_string(),
            action: "rehearsal_overridden",
            details: &serde_json::json!({"revision": revision, "reason": o.reason()}),
        })
        .await?;
    }
    commit_event(tx, step.loaded.row_id, actor, &step.event, now).await?;
    Ok(step.loaded)
}

/// Whether the election at its current revision passed a rehearsal (for the admin page).
pub async fn passed_at_current_revision(db: &Db, slug: &str) -> Result<bool, ServiceError> {
    let loaded = super::load(db, slug).await?;
    Ok(db
        .rehearsal_passed_at(loaded.row_id, loaded.revision)
        .await?)
}
