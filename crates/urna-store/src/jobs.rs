//! Background jobs (counts) with progress, so pages can show how far a count is and a restart
//! can tell an interrupted job from a finished one.
//!
//! A leased job ([`Db::start_leased_job`]) belongs to the process running it for as long as
//! that process renews its lease ([`Db::renew_job_lease`]). A running job whose lease has run
//! out was left by a process that died (SIGKILL, a power cut): [`Db::claim_expired_jobs`] hands
//! it to exactly one claimant, raising its `attempt`, which fences the old owner's renewals.
//! Deciding by lease rather than failing every running job at start-up lets several servers
//! share one database. The database allows one running job per election and kind.

use crate::db::{Db, db_run};
use crate::error::{DbContext, StoreError, is_unique_violation};
use crate::types::{ElectionId, JobId, UnixMicros};

/// Where a job is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobState {
    /// Started, not finished.
    Running,
    /// Finished well.
    Succeeded,
    /// Finished with an error (see the message).
    Failed,
}

impl JobState {
    fn as_str(self) -> &'static str {
        match self {
            Self::Running => "running",
            Self::Succeeded => "succeeded",
            Self::Failed => "failed",
        }
    }

    fn from_row(text: &str) -> Result<Self, StoreError> {
        match text {
            "running" => Ok(Self::Running),
            "succeeded" => Ok(Self::Succeeded),
            "failed" => Ok(Self::Failed),
            other => Err(StoreError::CorruptRow {
                table: "jobs",
                column: "state",
                detail: format!("unknown state {other:?}"),
            }),
        }
    }
}

/// A job as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobRow {
    /// Database id.
    pub id: JobId,
    /// The election it works on, if any.
    pub election: Option<ElectionId>,
    /// What it does (e.g. "count").
    pub kind: String,
    /// Where it is.
    pub state: JobState,
    /// Steps done.
    pub progress_done: i64,
    /// Steps in all.
    pub progress_total: i64,
    /// Outcome message (error text for failures).
    pub message: Option<String>,
    /// Start time.
    pub created_at: UnixMicros,
    /// Last update.
    pub updated_at: UnixMicros,
    /// Until when the process running it holds it (None: no lease, taken as expired).
    pub lease_until: Option<UnixMicros>,
    /// 1 for the first run, raised each time the job is taken over after its lease ran out.
    pub attempt: i64,
}

#[derive(sqlx::FromRow)]
struct RawJob {
    id: JobId,
    election_id: Option<ElectionId>,
    kind: String,
    state: String,
    progress_done: i64,
    progress_total: i64,
    message: Option<String>,
    created_at: UnixMicros,
    updated_at: UnixMicros,
    lease_until: Option<UnixMicros>,
    attempt: i64,
}

impl RawJob {
    fn parse(self) -> Result<JobRow, StoreError> {
        Ok(JobRow {
            id: self.id,
            election: self.election_id,
            kind: self.kind,
            state: JobState::from_row(&self.state)?,
            progress_done: self.progress_done,
            progress_total: self.progress_total,
            message: self.message,
            created_at: self.created_at,
            updated_at: self.updated_at,
            lease_until: self.lease_until,
            attempt: self.attempt,
        })
    }
}

const JOB_COLUMNS: &str = "id, election_id, kind, state, progress_done, progress_total, message, \
                           created_at, updated_at, lease_until, attempt";

impl Db {
    /// Records a running job of `progress_total` steps.
    pub async fn start_job(
        &self,
        election: Option<ElectionId>,
        kind: &str,
        progress_total: i64,
        now: UnixMicros,
    ) -> Result<JobId, StoreError> {
        if progress_total < 0 {
            return Err(StoreError::Invalid {
                what: "job size",
                detail: format!("{progress_total} steps"),
            });
        }
        db_run!(self, write, |pool| {
            sqlx::query_scalar(
                "INSERT INTO jobs (election_id, kind, state, progress_total, created_at, updated_at)
                 VALUES ($1, $2, 'running', $3, $4, $4) RETURNING id",
            )
            .bind(election)
            .bind(kind)
            .bind(progress_total)
            .bind(now)
            .fetch_one(pool)
            .await
        })
        .op("starting a job")
    }

    /// Sets a running job's progress; [`StoreError::JobFinished`] once it has finished.
    pub async fn set_job_progress(
        &self,
        id: JobId,
        done: i64,
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        if done < 0 {
            return Err(StoreError::Invalid {
                what: "job progress",
                detail: format!("{done} steps done"),
            });
        }
        let updated = db_run!(self, write, |pool| {
            sqlx::query(
                "UPDATE jobs SET progress_done = $1, updated_at = $2
                 WHERE id = $3 AND state = 'running'",
            )
            .bind(done)
            .bind(now)
            .bind(id)
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
        })
        .op("updating a job's progress")?;
        self.expect_running(id, updated).await
    }

    /// Finishes a running job as succeeded (`Ok(message)`) or failed (`Err(message)`).
    pub async fn finish_job(
        &self,
        id: JobId,
        outcome: Result<Option<&str>, &str>,
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        let (state, message) = match outcome {
            Ok(message) => (JobState::Succeeded, message),
            Err(message) => (JobState::Failed, Some(message)),
        };
        let updated = db_run!(self, write, |pool| {
            sqlx::query(
                "UPDATE jobs SET state = $1, message = $2, updated_at = $3
                 WHERE id = $4 AND state = 'running'",
            )
            .bind(state.as_str())
            .bind(message)
            .bind(now)
            .bind(id)
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
        })
        .op("finishing a job")?;
        self.expect_running(id, updated).await
    }

    /// Records a running job of `progress_total` steps held by the caller until `lease_until`
    /// (renew it with [`Db::renew_job_lease`]). [`StoreError::JobAlreadyRunning`], naming it, if a
    /// job of this kind is already running for the election (its lease live or not: take an
    /// expired one over with [`Db::claim_expired_jobs`]).
    pub async fn start_leased_job(
        &self,
        election: Option<ElectionId>,
        kind: &str,
        progress_total: i64,
        now: UnixMicros,
        lease_until: UnixMicros,
    ) -> Result<JobId, StoreError> {
        if progress_total < 0 {
            return Err(StoreError::Invalid {
                what: "job size",
                detail: format!("{progress_total} steps"),
            });
        }
        let inserted = db_run!(self, write, |pool| {
            sqlx::query_scalar(
                "INSERT INTO jobs (election_id, kind, state, progress_total, created_at, updated_at,
                                   lease_until)
                 VALUES ($1, $2, 'running', $3, $4, $4, $5) RETURNING id",
            )
            .bind(election)
            .bind(kind)
            .bind(progress_total)
            .bind(now)
            .bind(lease_until)
            .fetch_one(pool)
            .await
        });
        match inserted {
            Err(error) if is_unique_violation(&error) => {
                // The running job (of this or another server sharing the database), so that
                // the caller can follow it.
                let running: Option<JobId> = db_run!(self, write, |pool| {
                    sqlx::query_scalar(
                        "SELECT id FROM jobs
                         WHERE election_id = $1 AND kind = $2
                           AND state = 'running'",
                    )
                    .bind(election)
                    .bind(kind)
                    .fetch_optional(pool)
                    .await
                })
                .op("looking for the running job")?;
                match running {
                    Some(id) => Err(StoreError::JobAlreadyRunning(id)),
                    // It finished in between: the caller may try again.
                    None => Err(StoreError::Duplicate {
                        what: "running job",
                        value: kind.to_owned(),
                    }),
                }
            }
            other => other.op("starting a job"),
        }
    }

    /// Extends the lease of running job `id` at `attempt` to `lease_until`.
    /// [`StoreError::JobFinished`] once it has finished, and [`StoreError::JobTakenOver`] if
    /// another process claimed it (a higher attempt): the caller must stop working on it.
    pub async fn renew_job_lease(
        &self,
        id: JobId,
        attempt: i64,
        lease_until: UnixMicros,
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        let updated = db_run!(self, write, |pool| {
            sqlx::query(
                "UPDATE jobs SET lease_until = $1, updated_at = $2
                 WHERE id = $3 AND state = 'running' AND attempt = $4",
            )
            .bind(lease_until)
            .bind(now)
            .bind(id)
            .bind(attempt)
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
        })
        .op("renewing a job's lease")?;
        if updated == 1 {
            return Ok(());
        }
        let row = self.job(id).await?;
        if row.state == JobState::Running {
            Err(StoreError::JobTakenOver(id))
        } else {
            Err(StoreError::JobFinished(id))
        }
    }

    /// Takes over every running job of `kind` whose lease ended before `now` (or that has
    /// none): each gets a new lease until `lease_until` and its attempt raised, by
    /// compare-and-set, so of several processes claiming at once exactly one gets each job.
    /// Returns the jobs this caller now holds, as updated.
    pub async fn claim_expired_jobs(
        &self,
        kind: &str,
        now: UnixMicros,
        lease_until: UnixMicros,
    ) -> Result<Vec<JobRow>, StoreError> {
        let expired: Vec<RawJob> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {JOB_COLUMNS} FROM jobs
                 WHERE state = 'running' AND kind = $1
                   AND (lease_until IS NULL OR lease_until < $2)
                 ORDER BY id"
            )))
            .bind(kind)
            .bind(now)
            .fetch_all(pool)
            .await
        })
        .op("listing expired jobs")?;
        let mut claimed = Vec::new();
        for job in expired {
            let updated = db_run!(self, write, |pool| {
                sqlx::query(
                    "UPDATE jobs SET lease_until = $1, attempt = attempt + 1, updated_at = $2
                     WHERE id = $3 AND state = 'running' AND attempt = $4",
                )
                .bind(lease_until)
                .bind(now)
                .bind(job.id)
                .bind(job.attempt)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
            })
            .op("claiming an expired job")?;
            if updated == 1 {
                claimed.push(self.job(job.id).await?);
            }
        }
        Ok(claimed)
    }

    /// The job with this id.
    pub async fn job(&self, id: JobId) -> Result<JobRow, StoreError> {
        let raw: Option<RawJob> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {JOB_COLUMNS} FROM jobs WHERE id = $1"
            )))
            .bind(id)
            .fetch_optional(pool)
            .await
        })
        .op("reading a job")?;
        raw.ok_or_else(|| StoreError::NotFound {
            what: "job",
            key: id.to_string(),
        })?
        .parse()
    }

    /// The election's jobs, newest first.
    pub async fn jobs_of_election(&self, election: ElectionId) -> Result<Vec<JobRow>, StoreError> {
        let raws: Vec<RawJob> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {JOB_COLUMNS} FROM jobs WHERE election_id = $1 ORDER BY id DESC"
            )))
            .bind(election)
            .fetch_all(pool)
            .await
        })
        .op("listing jobs")?;
        raws.into_iter().map(RawJob::parse).collect()
    }

    async fn expect_running(&self, id: JobId, updated: u64) -> Result<(), StoreError> {
        if updated == 1 {
            return Ok(());
        }
        // Missing (NotFound from `job`) or finished.
        self.job(id).await?;
        Err(StoreError::JobFinished(id))
    }
}
