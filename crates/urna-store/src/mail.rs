//! E-mail to voters: the delivery status of each voter's voting link, and the outbox of
//! notices (ballot struck, end extended, candidate withdrawn, reminders).
//!
//! Secrecy: a voting-link token is never written here. Link e-mails are built and sent in
//! memory with a freshly issued token; only the status, the SMTP server's reply and the time
//! are kept. Notices carry no secret: a kind and its JSON details, rendered into a message
//! when sent.
//!
//! Several servers may share the database, so a sender never just reads the due notices: it
//! claims them ([`Db::claim_due_notices`]) for a lease, by an atomic update that skips rows
//! another sender holds, and records each outcome under its claim number
//! ([`Db::record_notice_attempt`]), which fails once another sender has taken the row over
//! after the lease ran out. Two senders therefore never hold one notice at once.

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
    /// Not delivered (a temporary failure retried until the last attempt, or an unreachable
    /// server); see the reply.
    Failed,
    /// Refused for good by the SMTP server (a 5xx reply): not retried unchanged.
    Bounced,
    /// Not sent because it no longer applied (a reminder to a voter who has voted since).
    Skipped,
}

impl MailStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Sent => "sent",
            Self::Failed => "failed",
            Self::Bounced => "bounced",
            Self::Skipped => "skipped",
        }
    }

    fn from_row(text: &str, table: &'static str) -> Result<Self, StoreError> {
        match text {
            "queued" => Ok(Self::Queued),
            "sent" => Ok(Self::Sent),
            "failed" => Ok(Self::Failed),
            "bounced" => Ok(Self::Bounced),
            "skipped" => Ok(Self::Skipped),
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
    /// The SMTP server's reply (or why no server answered); never the message.
    pub reply: Option<String>,
    pub updated_at: UnixMicros,
}

#[derive(sqlx::FromRow)]
struct RawLinkDelivery {
    voter_id: VoterId,
    status: String,
    reply: Option<String>,
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
    /// How many times a sender claimed it; the holder records its outcome under this number.
    pub claim: i64,
    /// The reminder it belongs to, if it is one.
    pub reminder: Option<i64>,
}

/// How a claimed notice's delivery attempt went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeOutcome<'a> {
    /// Accepted by the SMTP server, with its reply.
    Sent { reply: &'a str },
    /// A temporary failure: try again at `retry_at`.
    Retry {
        error: &'a str,
        retry_at: UnixMicros,
    },
    /// Failed for the last time.
    Failed { error: &'a str },
    /// Refused for good (5xx).
    Bounced { reply: &'a str },
    /// No longer applies; not sent.
    Skipped { why: &'a str },
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
    claim: i64,
    reminder_id: Option<i64>,
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
            claim: self.claim,
            reminder: self.reminder_id,
        })
    }
}

const NOTICE_COLUMNS: &str = "id, election_id, voter_id, kind, details, status, attempts, \
                              last_error, next_attempt_at, created_at, updated_at, claim, \
                              reminder_id";

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
                    "INSERT INTO link_deliveries (voter_id, status, reply, updated_at)
                     VALUES ($1, 'queued', NULL, $2)
                     ON CONFLICT (voter_id)
                     DO UPDATE SET status = 'queued', reply = NULL, updated_at = $2",
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

    /// Records how a voter's link e-mail went, with the SMTP server's reply.
    pub async fn set_link_delivery(
        &self,
        voter: VoterId,
        status: MailStatus,
        reply: Option<&str>,
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        db_run!(self, write, |pool| {
            sqlx::query(
                "INSERT INTO link_deliveries (voter_id, status, reply, updated_at)
                 VALUES ($1, $2, $3, $4)
                 ON CONFLICT (voter_id)
                 DO UPDATE SET status = $2, reply = $3, updated_at = $4",
            )
            .bind(voter)
            .bind(status.as_str())
            .bind(reply)
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
                "SELECT d.voter_id, d.status, d.reply, d.updated_at
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
                    reply: r.reply,
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

    /// Claims up to `limit` queued notices due at `now` that no live lease holds, oldest
    /// first, until `lease_until`: each claimed row's `claim` is raised, and the caller
    /// records its outcome under that number. One atomic statement: on PostgreSQL the rows
    /// are locked `FOR UPDATE SKIP LOCKED`, so two senders claiming at once take disjoint
    /// rows; SQLite has a single writer, so the statement runs alone.
    pub async fn claim_due_notices(
        &self,
        now: UnixMicros,
        lease_until: UnixMicros,
        limit: i64,
    ) -> Result<Vec<NoticeRow>, StoreError> {
        let raws: Vec<RawNotice> = db_run!(self, write, |pool, backend| {
            let lock = match backend {
                crate::db::Backend::Postgres => "FOR UPDATE SKIP LOCKED",
                crate::db::Backend::Sqlite => "",
            };
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "UPDATE mail_outbox SET claimed_until = $2, claim = claim + 1
                 WHERE id IN (
                     SELECT id FROM mail_outbox
                     WHERE status = 'queued' AND next_attempt_at <= $1
                       AND (claimed_until IS NULL OR claimed_until < $1)
                     ORDER BY id LIMIT $3 {lock})
                 RETURNING {NOTICE_COLUMNS}"
            )))
            .bind(now)
            .bind(lease_until)
            .bind(limit)
            .fetch_all(pool)
            .await
        })
        .op("claiming due notices")?;
        let mut claimed: Vec<NoticeRow> = raws
            .into_iter()
            .map(RawNotice::parse)
            .collect::<Result<_, _>>()?;
        claimed.sort_by_key(|n| n.id);
        Ok(claimed)
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

    /// Records the delivery attempt of a notice this caller claimed (`claim` as returned by
    /// [`Db::claim_due_notices`]) and releases it. [`StoreError::NotFound`] if the notice is
    /// no longer queued under that claim: another sender took it over after the lease ran
    /// out, or it was recorded already.
    pub async fn record_notice_attempt(
        &self,
        id: i64,
        claim: i64,
        outcome: NoticeOutcome<'_>,
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        let (status, text, next) = match outcome {
            NoticeOutcome::Sent { .. } => (MailStatus::Sent, None, now),
            NoticeOutcome::Retry { error, retry_at } => (MailStatus::Queued, Some(error), retry_at),
            NoticeOutcome::Failed { error } => (MailStatus::Failed, Some(error), now),
            NoticeOutcome::Bounced { reply } => (MailStatus::Bounced, Some(reply), now),
            NoticeOutcome::Skipped { why } => (MailStatus::Skipped, Some(why), now),
        };
        // A skipped notice made no attempt.
        let attempted = i64::from(!matches!(outcome, NoticeOutcome::Skipped { .. }));
        let updated = db_run!(self, write, |pool| {
            sqlx::query(
                "UPDATE mail_outbox SET status = $1, last_error = $2, next_attempt_at = $3,
                        attempts = attempts + $4, updated_at = $5, claimed_until = NULL
                 WHERE id = $6 AND status = 'queued' AND claim = $7",
            )
            .bind(status.as_str())
            .bind(text)
            .bind(next)
            .bind(attempted)
            .bind(now)
            .bind(id)
            .bind(claim)
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
        })
        .op("recording a notice's delivery")?;
        if updated == 1 {
            Ok(())
        } else {
            Err(StoreError::NotFound {
                what: "queued notice under this claim",
                key: format!("{id} (claim {claim})"),
            })
        }
    }

    /// Puts the failed and bounced notices of `election` (or only notice `one`) back in the
    /// queue, due now, with their attempts reset. Returns how many.
    pub async fn requeue_failed_notices(
        &self,
        election: ElectionId,
        one: Option<i64>,
        now: UnixMicros,
    ) -> Result<u64, StoreError> {
        db_run!(self, write, |pool| {
            sqlx::query(
                "UPDATE mail_outbox SET status = 'queued', attempts = 0, next_attempt_at = $1,
                        updated_at = $1, claimed_until = NULL
                 WHERE election_id = $2 AND status IN ('failed', 'bounced')
                   AND ($3 IS NULL OR id = $3)",
            )
            .bind(now)
            .bind(election)
            .bind(one)
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
