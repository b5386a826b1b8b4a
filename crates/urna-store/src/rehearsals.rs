//! Rehearsals of elections (migration 0010): which revision of an election a rehearsal ran
//! on, whether it passed, and its report as a JSON document the web layer owns. Opening an
//! election is gated on a passed rehearsal at its current revision (`service::rehearsal`).

use serde_json::Value;

use crate::db::{Db, db_run};
use crate::error::{DbContext, StoreError};
use crate::types::{ElectionId, JobId, UnixMicros, json_from_row};

/// A rehearsal as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct RehearsalRow {
    pub id: i64,
    pub election: ElectionId,
    /// The background job that ran it, if it ran as one (the admin page's button).
    pub job: Option<JobId>,
    /// The election row's revision it copied.
    pub revision: i64,
    /// No error finding.
    pub passed: bool,
    /// The report (findings, results, timings).
    pub report: Value,
    pub created_at: UnixMicros,
}

#[derive(sqlx::FromRow)]
struct RawRehearsal {
    id: i64,
    election_id: ElectionId,
    job_id: Option<JobId>,
    revision: i64,
    passed: bool,
    report: String,
    created_at: UnixMicros,
}

impl RawRehearsal {
    fn parse(self) -> Result<RehearsalRow, StoreError> {
        Ok(RehearsalRow {
            id: self.id,
            election: self.election_id,
            job: self.job_id,
            revision: self.revision,
            passed: self.passed,
            report: json_from_row(&self.report, "rehearsals", "report")?,
            created_at: self.created_at,
        })
    }
}

const REHEARSAL_COLUMNS: &str = "id, election_id, job_id, revision, passed, report, created_at";

impl Db {
    /// Stores a finished rehearsal of `election` at `revision`; returns its id.
    pub async fn record_rehearsal(
        &self,
        election: ElectionId,
        job: Option<JobId>,
        revision: i64,
        passed: bool,
        report: &Value,
        now: UnixMicros,
    ) -> Result<i64, StoreError> {
        let report = report.to_string();
        db_run!(self, write, |pool| {
            sqlx::query_scalar(
                "INSERT INTO rehearsals (election_id, job_id, revision, passed, report, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(election)
            .bind(job)
            .bind(revision)
            .bind(passed)
            .bind(&report)
            .bind(now)
            .fetch_one(pool)
            .await
        })
        .op("recording a rehearsal")
    }

    /// Whether a rehearsal of `election` passed at `revision`.
    pub async fn rehearsal_passed_at(
        &self,
        election: ElectionId,
        revision: i64,
    ) -> Result<bool, StoreError> {
        let found: Option<i64> = db_run!(self, read, |pool| {
            sqlx::query_scalar(
                "SELECT id FROM rehearsals
                 WHERE election_id = $1 AND revision = $2 AND passed = $3 LIMIT 1",
            )
            .bind(election)
            .bind(revision)
            .bind(true)
            .fetch_optional(pool)
            .await
        })
        .op("looking for a passed rehearsal")?;
        Ok(found.is_some())
    }

    /// The election's rehearsals, newest first.
    pub async fn rehearsals_of_election(
        &self,
        election: ElectionId,
    ) -> Result<Vec<RehearsalRow>, StoreError> {
        let raws: Vec<RawRehearsal> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {REHEARSAL_COLUMNS} FROM rehearsals WHERE election_id = $1 ORDER BY id DESC"
            )))
            .bind(election)
            .fetch_all(pool)
            .await
        })
        .op("listing rehearsals")?;
        raws.into_iter().map(RawRehearsal::parse).collect()
    }

    /// The rehearsal a job ran, once it has finished.
    pub async fn rehearsal_of_job(&self, job: JobId) -> Result<Option<RehearsalRow>, StoreError> {
        let raw: Option<RawRehearsal> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {REHEARSAL_COLUMNS} FROM rehearsals WHERE job_id = $1"
            )))
            .bind(job)
            .fetch_optional(pool)
            .await
        })
        .op("reading a rehearsal")?;
        raw.map(RawRehearsal::parse).transpose()
    }
}
