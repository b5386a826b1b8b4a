//! Scrutiny rows and the purge of an election's private data (migration 0013).
//!
//! - `submission_prints`: one row per accepted ballot submission, written by the cast batch
//!   (`ballots::cast_batch_in_*`) from the [`SubmissionPrints`] the web layer computed: three
//!   32-byte keyed fingerprints and the raw values sealed. Keyed by voter, never by ballot.
//!   This crate treats all four as opaque bytes: the keys that made them live in the web
//!   layer, derived from the server key, never here.
//! - [`WriteTx::purge_private_data`]: deletes, for one election, everything private that
//!   scrutiny no longer needs (see its documentation), and claims the election in
//!   `election_purges`, so that with several servers one of them logs the purge.

use crate::db::{Db, db_run};
use crate::error::{DbContext, StoreError};
use crate::types::{ElectionId, UnixMicros, VoterId};
use crate::write::{WriteTx, tx_run};

/// Length of a fingerprint (HMAC-SHA-256).
pub const PRINT_BYTES: usize = 32;

/// What one ballot submission leaves for scrutiny: keyed fingerprints of the client's network,
/// its user agent and its browser cookie, and the raw address and user agent sealed.
#[derive(Clone, PartialEq, Eq)]
pub struct SubmissionPrints {
    pub network: [u8; PRINT_BYTES],
    pub agent: [u8; PRINT_BYTES],
    pub cookie: [u8; PRINT_BYTES],
    /// The raw values, encrypted by the caller.
    pub sealed_raw: Vec<u8>,
}

impl std::fmt::Debug for SubmissionPrints {
    /// Not the values: even fingerprints stay out of logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SubmissionPrints(<redacted>)")
    }
}

/// One submission's fingerprints with the voter who made it (no sealed values).
#[derive(Clone, PartialEq, Eq)]
pub struct PrintRow {
    pub voter: VoterId,
    pub identifier: String,
    pub network: Vec<u8>,
    pub agent: Vec<u8>,
    pub cookie: Vec<u8>,
}

impl std::fmt::Debug for PrintRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PrintRow")
            .field("voter", &self.voter)
            .field("identifier", &self.identifier)
            .finish_non_exhaustive()
    }
}

/// One submission's sealed raw values with the voter who made it.
#[derive(Clone, PartialEq, Eq)]
pub struct SealedSubmission {
    pub voter: VoterId,
    pub identifier: String,
    pub sealed_raw: Vec<u8>,
}

impl std::fmt::Debug for SealedSubmission {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SealedSubmission")
            .field("voter", &self.voter)
            .field("identifier", &self.identifier)
            .finish_non_exhaustive()
    }
}

/// How many rows a purge removed, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PurgeCounts {
    /// Submission fingerprints with their sealed raw values.
    pub submissions: u64,
    pub vote_times: u64,
    /// Ballots no longer counted: replaced by a revote, or struck.
    pub superseded_ballots: u64,
    /// Web sessions of the election's voters.
    pub voter_sessions: u64,
    /// Voters' e-mail addresses cleared.
    pub voter_emails: u64,
    /// Link-delivery statuses and notices to the election's voters.
    pub mail_rows: u64,
}

#[derive(sqlx::FromRow)]
struct RawPrint {
    voter_id: VoterId,
    identifier: String,
    network: Vec<u8>,
    agent: Vec<u8>,
    cookie: Vec<u8>,
}

#[derive(sqlx::FromRow)]
struct RawSealed {
    voter_id: VoterId,
    identifier: String,
    sealed_raw: Vec<u8>,
}

impl Db {
    /// Every submission's fingerprints in the election, with the voter's identifier, in
    /// voter then submission order.
    pub async fn submission_prints(
        &self,
        election: ElectionId,
    ) -> Result<Vec<PrintRow>, StoreError> {
        let raws: Vec<RawPrint> = db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT p.voter_id, v.identifier, p.network, p.agent, p.cookie
                 FROM submission_prints p JOIN voters v ON v.id = p.voter_id
                 WHERE p.election_id = $1
                 ORDER BY p.voter_id, p.id",
            )
            .bind(election)
            .fetch_all(pool)
            .await
        })
        .op("reading the submissions' fingerprints")?;
        Ok(raws
            .into_iter()
            .map(|raw| PrintRow {
                voter: raw.voter_id,
                identifier: raw.identifier,
                network: raw.network,
                agent: raw.agent,
                cookie: raw.cookie,
            })
            .collect())
    }

    /// The sealed raw values of the given voters' submissions in the election.
    pub async fn sealed_submissions(
        &self,
        election: ElectionId,
        voters: &[VoterId],
    ) -> Result<Vec<SealedSubmission>, StoreError> {
        if voters.is_empty() {
            return Ok(Vec::new());
        }
        let raws: Vec<RawSealed> = db_run!(self, read, |pool| {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT p.voter_id, v.identifier, p.sealed_raw
                 FROM submission_prints p JOIN voters v ON v.id = p.voter_id
                 WHERE p.election_id = ",
            );
            query.push_bind(election).push(" AND p.voter_id IN (");
            let mut ids = query.separated(", ");
            for voter in voters {
                ids.push_bind(*voter);
            }
            query.push(") ORDER BY p.voter_id, p.id");
            query.build_query_as().fetch_all(pool).await
        })
        .op("reading the sealed submissions")?;
        Ok(raws
            .into_iter()
            .map(|raw| SealedSubmission {
                voter: raw.voter_id,
                identifier: raw.identifier,
                sealed_raw: raw.sealed_raw,
            })
            .collect())
    }

    /// When the election's private data was first purged, if it was.
    pub async fn purged_at(&self, election: ElectionId) -> Result<Option<UnixMicros>, StoreError> {
        let at: Option<i64> = db_run!(self, read, |pool| {
            sqlx::query_scalar("SELECT purged_at FROM election_purges WHERE election_id = $1")
                .bind(election)
                .fetch_optional(pool)
                .await
        })
        .op("reading when the election was purged")?;
        Ok(at.map(UnixMicros))
    }
}

impl WriteTx {
    /// Deletes the election's private data: submission fingerprints and their sealed raw
    /// values, vote times, the web sessions of its voters (principal `{"kind": "voter",
    /// "election": slug}`), its voters' e-mail addresses, link-delivery statuses and notices;
    /// with `superseded_ballots`, also its ballots that are no longer counted (replaced by a
    /// revote, or struck; the caller passes it only once the count is published). Then claims
    /// the election in `election_purges`: the answer's `bool` is true for the first purge,
    /// false when an earlier one (maybe another server's, just now) claimed it. Kept: voters
    /// (identifier, weight, flags), credentials, current counted ballots, the audit log, the
    /// board, frozen sets, results.
    pub async fn purge_private_data(
        &mut self,
        election: ElectionId,
        slug: &str,
        superseded_ballots: bool,
        now: UnixMicros,
    ) -> Result<(PurgeCounts, bool), StoreError> {
        tx_run!(
            self,
            "purging an election's private data",
            |conn, backend| {
                let mut counts = PurgeCounts::default();
                let mut run = async |sql: &'static str, what: &'static str| {
                    sqlx::query(sql)
                        .bind(election)
                        .execute(&mut *conn)
                        .await
                        .op(what)
                        .map(|done| done.rows_affected())
                };
                counts.submissions = run(
                    "DELETE FROM submission_prints WHERE election_id = $1",
                    "deleting the submissions' fingerprints",
                )
                .await?;
                counts.vote_times = run(
                    "DELETE FROM vote_times WHERE election_id = $1",
                    "deleting the times of voting",
                )
                .await?;
                if superseded_ballots {
                    counts.superseded_ballots = run(
                        "DELETE FROM ballots
                     WHERE election_id = $1 AND (NOT is_current OR is_struck)",
                        "deleting the superseded ballots",
                    )
                    .await?;
                }
                counts.voter_emails = run(
                    "UPDATE voters SET email = NULL WHERE election_id = $1 AND email IS NOT NULL",
                    "clearing the voters' e-mail addresses",
                )
                .await?;
                counts.mail_rows = run(
                    "DELETE FROM mail_outbox WHERE election_id = $1",
                    "deleting the notices to voters",
                )
                .await?;
                counts.mail_rows += run(
                    "DELETE FROM link_deliveries
                 WHERE voter_id IN (SELECT id FROM voters WHERE election_id = $1)",
                    "deleting the link-delivery statuses",
                )
                .await?;
                // The principal is JSON text written by urna-web; each engine reads it its way.
                let sessions = match backend {
                    crate::db::Backend::Sqlite => {
                        "DELETE FROM web_sessions
                     WHERE json_valid(principal)
                       AND json_extract(principal, '$.kind') = 'voter'
                       AND json_extract(principal, '$.election') = $1"
                    }
                    crate::db::Backend::Postgres => {
                        "DELETE FROM web_sessions
                     WHERE principal IS NOT NULL
                       AND principal::jsonb ->> 'kind' = 'voter'
                       AND principal::jsonb ->> 'election' = $1"
                    }
                };
                counts.voter_sessions = sqlx::query(sessions)
                    .bind(slug)
                    .execute(&mut *conn)
                    .await
                    .op("deleting the voters' web sessions")?
                    .rows_affected();
                let claimed = sqlx::query(
                    "INSERT INTO election_purges (election_id, purged_at) VALUES ($1, $2)
                 ON CONFLICT (election_id) DO NOTHING",
                )
                .bind(election)
                .bind(now)
                .execute(&mut *conn)
                .await
                .op("recording the purge")?
                .rows_affected()
                    == 1;
                Ok((counts, claimed))
            }
        )
    }
}
