//! Background jobs (counts) with progress, so pages can show how far a count is and a restart
//! can tell an interrupted job from a finished one.

use crate::db::{Db, db_run};
use crate::error::{DbContext, StoreError};
use crate::types::{ElectionId, JobId, UnixMicros};
use crate::write::tx_run;

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
        })
    }
}

const JOB_COLUMNS: &str = "id, election_id, kind, state, progress_done, progress_total, message, \
                           created_at, updated_at";

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

    /// Records a running job of `kind` for `election` unless one is already running there:
    /// then [`StoreError::JobAlreadyRunning`] with its id. A running job whose last sign of
    /// life ([`Db::touch_job`], progress) is older than `lease` is taken for the job of a
    /// server that died: it is marked failed and a new one starts. Servers sharing the
    /// database are serialised on the election's row, so at most one such job starts.
    pub async fn start_exclusive_job(
        &self,
        election: ElectionId,
        kind: &str,
        progress_total: i64,
        lease: std::time::Duration,
        now: UnixMicros,
    ) -> Result<JobId, StoreError> {
        if progress_total < 0 {
            return Err(StoreError::Invalid {
                what: "job size",
                detail: format!("{progress_total} steps"),
            });
        }
        let lease_micros = i64::try_from(lease.as_micros()).unwrap_or(i64::MAX);
        let stale_before = UnixMicros(now.0.saturating_sub(lease_micros));
        let mut tx = self.begin_write().await?;
        tx.lock_election(election).await?;
        let job = tx_run!(&mut tx, "starting a job", |conn| {
            let running: Option<(JobId, UnixMicros)> = sqlx::query_as(
                "SELECT id, updated_at FROM jobs
                 WHERE election_id = $1 AND kind = $2 AND state = 'running'
                 ORDER BY id DESC LIMIT 1",
            )
            .bind(election)
            .bind(kind)
            .fetch_optional(&mut *conn)
            .await
            .op("looking for a running job")?;
            if let Some((id, updated_at)) = running {
                if updated_at.0 >= stale_before.0 {
                    return Err(StoreError::JobAlreadyRunning(id));
                }
                sqlx::query(
                    "UPDATE jobs SET state = 'failed', updated_at = $1,
                         message = 'interrupted: its server stopped giving signs of life'
                     WHERE election_id = $2 AND kind = $3 AND state = 'running'",
                )
                .bind(now)
                .bind(election)
                .bind(kind)
                .execute(&mut *conn)
                .await
                .op("failing an abandoned job")?;
            }
            sqlx::query_scalar(
                "INSERT INTO jobs (election_id, kind, state, progress_total, created_at, updated_at)
                 VALUES ($1, $2, 'running', $3, $4, $4) RETURNING id",
            )
            .bind(election)
            .bind(kind)
            .bind(progress_total)
            .bind(now)
            .fetch_one(&mut *conn)
            .await
            .op("starting a job")
        })?;
        tx.commit().await?;
        Ok(job)
    }

    /// A sign of life of a running job (its `updated_at` moves to `now`), for phases that
    /// report no progress for a while; [`StoreError::JobFinished`] once it has finished.
    pub async fn touch_job(&self, id: JobId, now: UnixMicros) -> Result<(), StoreError> {
        let updated = db_run!(self, write, |pool| {
            sqlx::query("UPDATE jobs SET updated_at = $1 WHERE id = $2 AND state = 'running'")
                .bind(now)
                .bind(id)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })
        .op("touching a job")?;
        self.expect_running(id, updated).await
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

    /// Marks every running job failed ("interrupted"): call at start-up, when no job of this
    /// process can be running yet. Returns how many.
    pub async fn fail_interrupted_jobs(&self, now: UnixMicros) -> Result<u64, StoreError> {
        db_run!(self, write, |pool| {
            sqlx::query(
                "UPDATE jobs SET state = 'failed', message = 'interrupted by a restart',
                                 updated_at = $1
                 WHERE state = 'running'",
            )
            .bind(now)
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
        })
        .op("failing interrupted jobs")
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
