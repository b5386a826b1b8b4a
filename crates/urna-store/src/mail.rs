//! E-mail to voters: the delivery status of each voter's voting link, and the outbox of
//! notices (ballot struck, end extended, candidate withdrawn).
//!
//! Secrecy: a voting-link token is never written here. Link e-mails are built and sent in
//! memory with a freshly issued token; only `queued` / `sent` / `failed`, the SMTP error and
//! the time are kept. Notices carry no secret: a kind and its JSON details, rendered into a
//! message when sent.

use serde_json::Value;

use crate::db::{Db, db_run};
use crate::error::{DbContext, StoreError};
use crate::types::{ElectionId, UnixMicros, VoterId, json_from_row};
use crate::write::tx_run;

/// Where a message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailStatus {
    /// To be sent (or being sent: a crash mid-send leaves this).
    Queued,
    /// Accepted by the SMTP server.
    Sent,
    /// Refused or undeliverable; see the error.
    Failed,
}

impl MailStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Sent => "sent",
            Self::Failed => "failed",
        }
    }

    fn from_row(text: &str, table: &'static str) -> Result<Self, StoreError> {
        match text {
            "queued" => Ok(Self::Queued),
            "sent" => Ok(Self::Sent),
            "failed" => Ok(Self::Failed),
            other => Err(StoreError::CorruptRow {
                table,
                column: "status",
                detail: format!("unknown status {other:?}"),
            }),
        }
    }
}

/// A voter's voting-link e-mail, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkDeliveryRow {
    pub voter: VoterId,
    pub status: MailStatus,
    /// The SMTP error of a failed delivery.
    pub error: Option<String>,
    pub updated_at: UnixMicros,
}

#[derive(sqlx::FromRow)]
struct RawLinkDelivery {
    voter_id: VoterId,
    status: String,
    error: Option<String>,
    updated_at: UnixMicros,
}

/// A notice to queue for one voter.
#[derive(Debug, Clone, Copy)]
pub struct NewNotice<'a> {
    pub election: ElectionId,
    pub voter: VoterId,
    /// What happened (e.g. "ballot_struck"); the web layer knows the kinds.
    pub kind: &'a str,
    /// What the message needs (a reason, a new end…).
    pub details: &'a Value,
}

/// A notice as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct NoticeRow {
    pub id: i64,
    pub election: ElectionId,
    pub voter: VoterId,
    pub kind: String,
    pub details: Value,
    pub status: MailStatus,
    /// Delivery attempts made so far.
    pub attempts: i64,
    pub last_error: Option<String>,
    pub next_attempt_at: UnixMicros,
    pub created_at: UnixMicros,
    pub updated_at: UnixMicros,
}

#[derive(sqlx::FromRow)]
struct RawNotice {
    id: i64,
    election_id: ElectionId,
    voter_id: VoterId,
    kind: String,
    details: String,
    status: String,
    attempts: i64,
    last_error: Option<String>,
    next_attempt_at: UnixMicros,
    created_at: UnixMicros,
    updated_at: UnixMicros,
}

impl RawNotice {
    fn parse(self) -> Result<NoticeRow, StoreError> {
        Ok(NoticeRow {
            id: self.id,
            election: self.election_id,
            voter: self.voter_id,
            kind: self.kind,
            details: json_from_row(&self.details, "mail_outbox", "details")?,
            status: MailStatus::from_row(&self.status, "mail_outbox")?,
            attempts: self.attempts,
            last_error: self.last_error,
            next_attempt_at: self.next_attempt_at,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

const NOTICE_COLUMNS: &str = "id, election_id, voter_id, kind, details, status, attempts, \
                              last_error, next_attempt_at, created_at, updated_at";

impl Db {
    /// Marks these voters' link e-mails `queued`, in one transaction: done before the first
    /// is sent, so that a crash mid-send shows which were not confirmed.
    pub async fn mark_links_queued(
        &self,
        voters: &[VoterId],
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        db_run!(self, write, |pool| {
            let mut tx = pool.begin().await.op("starting to queue link e-mails")?;
            for voter in voters {
                sqlx::query(
                    "INSERT INTO link_deliveries (voter_id, status, error, updated_at)
                     VALUES ($1, 'queued', NULL, $2)
                     ON CONFLICT (voter_id)
                     DO UPDATE SET status = 'queued', error = NULL, updated_at = $2",
                )
                .bind(voter)
                .bind(now)
                .execute(&mut *tx)
                .await
                .op("queueing a link e-mail")?;
            }
            tx.commit().await.op("committing queued link e-mails")
        })
    }

    /// Records how a voter's link e-mail went (`error` only for [`MailStatus::Failed`]).
    pub async fn set_link_delivery(
        &self,
        voter: VoterId,
        status: MailStatus,
        error: Option<&str>,
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        db_run!(self, write, |pool| {
            sqlx::query(
                "INSERT INTO link_deliveries (voter_id, status, error, updated_at)
                 VALUES ($1, $2, $3, $4)
                 ON CONFLICT (voter_id)
                 DO UPDATE SET status = $2, error = $3, updated_at = $4",
            )
            .bind(voter)
            .bind(status.as_str())
            .bind(error)
            .bind(now)
            .execute(pool)
            .await
            .map(|_| ())
        })
        .op("recording a link e-mail's delivery")?;
        Ok(())
    }

    /// The link e-mail status of every voter of `election` that has one.
    pub async fn link_deliveries(
        &self,
        election: ElectionId,
    ) -> Result<Vec<LinkDeliveryRow>, StoreError> {
        let raws: Vec<RawLinkDelivery> = db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT d.voter_id, d.status, d.error, d.updated_at
                 FROM link_deliveries d JOIN voters v ON v.id = d.voter_id
                 WHERE v.election_id = $1 ORDER BY v.identifier",
            )
            .bind(election)
            .fetch_all(pool)
            .await
        })
        .op("listing link e-mails")?;
        raws.into_iter()
            .map(|r| {
                Ok(LinkDeliveryRow {
                    voter: r.voter_id,
                    status: MailStatus::from_row(&r.status, "link_deliveries")?,
                    error: r.error,
                    updated_at: r.updated_at,
                })
            })
            .collect()
    }

    /// Queues notices, all or none, each due at once, in a transaction of their own (see
    /// [`WriteTx::queue_notices`] to queue them with the act they tell about). Returns how many.
    pub async fn queue_notices(
        &self,
        notices: &[NewNotice<'_>],
        now: UnixMicros,
    ) -> Result<u64, StoreError> {
        let mut tx = self.begin_write().await?;
        let queued = tx.queue_notices(notices, now).await?;
        tx.commit().await?;
        Ok(queued)
    }

    /// Queued notices whose next attempt is due at `now`, oldest first, at most `limit`.
    pub async fn due_notices(
        &self,
        now: UnixMicros,
        limit: i64,
    ) -> Result<Vec<NoticeRow>, StoreError> {
        let raws: Vec<RawNotice> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {NOTICE_COLUMNS} FROM mail_outbox
                 WHERE status = 'queued' AND next_attempt_at <= $1 ORDER BY id LIMIT $2"
            )))
            .bind(now)
            .bind(limit)
            .fetch_all(pool)
            .await
        })
        .op("listing due notices")?;
        raws.into_iter().map(RawNotice::parse).collect()
    }

    /// Every notice of `election`, oldest first.
    pub async fn notices(&self, election: ElectionId) -> Result<Vec<NoticeRow>, StoreError> {
        let raws: Vec<RawNotice> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {NOTICE_COLUMNS} FROM mail_outbox WHERE election_id = $1 ORDER BY id"
            )))
            .bind(election)
            .fetch_all(pool)
            .await
        })
        .op("listing notices")?;
        raws.into_iter().map(RawNotice::parse).collect()
    }

    /// Records a delivery attempt of a queued notice: sent (`Ok`), or failed with the error
    /// and either a time to try again (`Some`) or none (the notice becomes `failed`).
    pub async fn record_notice_attempt(
        &self,
        id: i64,
        outcome: Result<(), (&str, Option<UnixMicros>)>,
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        let (status, error, next) = match outcome {
            Ok(()) => (MailStatus::Sent, None, now),
            Err((error, Some(next))) => (MailStatus::Queued, Some(error), next),
            Err((error, None)) => (MailStatus::Failed, Some(error), now),
        };
        let updated = db_run!(self, write, |pool| {
            sqlx::query(
                "UPDATE mail_outbox SET status = $1, last_error = $2, next_attempt_at = $3,
                        attempts = attempts + 1, updated_at = $4
                 WHERE id = $5 AND status = 'queued'",
            )
            .bind(status.as_str())
            .bind(error)
            .bind(next)
            .bind(now)
            .bind(id)
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
        })
        .op("recording a notice's delivery")?;
        if updated == 1 {
            Ok(())
        } else {
            Err(StoreError::NotFound {
                what: "queued notice",
                key: id.to_string(),
            })
        }
    }

    /// Puts the failed notices of `election` back in the queue, due now, with their attempts
    /// reset. Returns how many.
    pub async fn requeue_failed_notices(
        &self,
        election: ElectionId,
        now: UnixMicros,
    ) -> Result<u64, StoreError> {
        db_run!(self, write, |pool| {
            sqlx::query(
                "UPDATE mail_outbox SET status = 'queued', attempts = 0, next_attempt_at = $1,
                        updated_at = $1
                 WHERE election_id = $2 AND status = 'failed'",
            )
            .bind(now)
            .bind(election)
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
        })
        .op("requeueing failed notices")
    }
}

impl crate::write::WriteTx {
    /// Queues notices, each due at once, as part of this transaction: a notice about an act
    /// (a strike, an extension) is stored with the act or not at all. Returns how many.
    pub async fn queue_notices(
        &mut self,
        notices: &[NewNotice<'_>],
        now: UnixMicros,
    ) -> Result<u64, StoreError> {
        let details: Vec<String> = notices.iter().map(|n| n.details.to_string()).collect();
        tx_run!(self, "queueing notices", |conn| {
            for (notice, details) in notices.iter().zip(&details) {
                sqlx::query(
                    "INSERT INTO mail_outbox (election_id, voter_id, kind, details, status,
                                              attempts, next_attempt_at, created_at, updated_at)
                     VALUES ($1, $2, $3, $4, 'queued', 0, $5, $5, $5)",
                )
                .bind(notice.election)
                .bind(notice.voter)
                .bind(notice.kind)
                .bind(details)
                .bind(now)
                .execute(&mut *conn)
                .await
                .op("queueing a notice")?;
            }
            Ok(notices.len() as u64)
        })
    }
}
