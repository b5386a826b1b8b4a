//! Notifications beyond single messages: scheduled reminders (queued once into the notice
//! outbox), the language each voter reads, an election's quorum, and turnout over time.
//!
//! Turnout over time is read from the private `vote_times` table only as counts per hour of
//! each voter's first vote: no individual time leaves this module.

use serde_json::Value;

use crate::db::{Db, db_run};
use crate::error::{DbContext, StoreError, is_unique_violation};
use crate::types::{ElectionId, UnixMicros, VoterId, json_from_row};
use crate::write::{WriteTx, tx_run};

/// One hour in microseconds: the bucket of turnout over time.
pub const HOUR_MICROS: i64 = 3_600_000_000;

/// A scheduled reminder, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct ReminderRow {
    pub id: i64,
    pub election: ElectionId,
    /// How long before the end of voting it goes out.
    pub before_close_minutes: i64,
    /// Its own texts per language (the election texts' JSON), or `None` for the standard one.
    pub texts: Option<Value>,
    /// When its notices were put in the outbox (`None`: not yet).
    pub queued_at: Option<UnixMicros>,
    pub created_at: UnixMicros,
}

#[derive(sqlx::FromRow)]
struct RawReminder {
    id: i64,
    election_id: ElectionId,
    before_close_minutes: i64,
    texts: Option<String>,
    queued_at: Option<UnixMicros>,
    created_at: UnixMicros,
}

impl RawReminder {
    fn parse(self) -> Result<ReminderRow, StoreError> {
        Ok(ReminderRow {
            id: self.id,
            election: self.election_id,
            before_close_minutes: self.before_close_minutes,
            texts: self
                .texts
                .as_deref()
                .map(|t| json_from_row(t, "reminders", "texts"))
                .transpose()?,
            queued_at: self.queued_at,
            created_at: self.created_at,
        })
    }
}

const REMINDER_COLUMNS: &str =
    "id, election_id, before_close_minutes, texts, queued_at, created_at";

/// How many of a reminder's notices are in each status.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReminderStatusCount {
    pub reminder_id: i64,
    pub status: String,
    pub count: i64,
}

/// How many voters first voted in one hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct HourlyFirstVotes {
    /// The hour's start, in hours since the Unix epoch (UTC).
    pub hour: i64,
    pub voters: i64,
}

impl Db {
    /// The election's reminders, earliest first (the longest before the end).
    pub async fn reminders(&self, election: ElectionId) -> Result<Vec<ReminderRow>, StoreError> {
        let raws: Vec<RawReminder> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {REMINDER_COLUMNS} FROM reminders WHERE election_id = $1
                 ORDER BY before_close_minutes DESC"
            )))
            .bind(election)
            .fetch_all(pool)
            .await
        })
        .op("listing reminders")?;
        raws.into_iter().map(RawReminder::parse).collect()
    }

    /// The reminder with this id.
    pub async fn reminder(&self, id: i64) -> Result<ReminderRow, StoreError> {
        let raw: Option<RawReminder> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {REMINDER_COLUMNS} FROM reminders WHERE id = $1"
            )))
            .bind(id)
            .fetch_optional(pool)
            .await
        })
        .op("reading a reminder")?;
        raw.ok_or_else(|| StoreError::NotFound {
            what: "reminder",
            key: id.to_string(),
        })?
        .parse()
    }

    /// Reminders not yet gone out, of elections that are open: the scheduler decides which
    /// are due from each election's end.
    pub async fn pending_reminders_of_open_elections(
        &self,
    ) -> Result<Vec<ReminderRow>, StoreError> {
        let raws: Vec<RawReminder> = db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT r.id, r.election_id, r.before_close_minutes, r.texts, r.queued_at,
                        r.created_at
                 FROM reminders r JOIN elections e ON e.id = r.election_id
                 WHERE r.queued_at IS NULL AND e.state = 'open'
                 ORDER BY r.id",
            )
            .fetch_all(pool)
            .await
        })
        .op("listing pending reminders")?;
        raws.into_iter().map(RawReminder::parse).collect()
    }

    /// How many notices of each of the election's reminders are in each status.
    pub async fn reminder_status_counts(
        &self,
        election: ElectionId,
    ) -> Result<Vec<ReminderStatusCount>, StoreError> {
        db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT reminder_id, status, COUNT(*) AS count FROM mail_outbox
                 WHERE election_id = $1 AND reminder_id IS NOT NULL
                 GROUP BY reminder_id, status ORDER BY reminder_id, status",
            )
            .bind(election)
            .fetch_all(pool)
            .await
        })
        .op("counting reminder notices")
    }

    /// The language each voter of the election reads, for those the voter list named one.
    pub async fn voter_languages(
        &self,
        election: ElectionId,
    ) -> Result<Vec<(VoterId, String)>, StoreError> {
        db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT l.voter_id, l.lang FROM voter_languages l
                 JOIN voters v ON v.id = l.voter_id WHERE v.election_id = $1
                 ORDER BY l.voter_id",
            )
            .bind(election)
            .fetch_all(pool)
            .await
        })
        .op("listing voters' languages")
    }

    /// The language a voter reads, if the voter list named one.
    pub async fn voter_language(&self, voter: VoterId) -> Result<Option<String>, StoreError> {
        db_run!(self, read, |pool| {
            sqlx::query_scalar("SELECT lang FROM voter_languages WHERE voter_id = $1")
                .bind(voter)
                .fetch_optional(pool)
                .await
        })
        .op("reading a voter's language")
    }

    /// The election's quorum in voters, if one is set.
    pub async fn quorum(&self, election: ElectionId) -> Result<Option<i64>, StoreError> {
        db_run!(self, read, |pool| {
            sqlx::query_scalar("SELECT voters FROM election_quorums WHERE election_id = $1")
                .bind(election)
                .fetch_optional(pool)
                .await
        })
        .op("reading the quorum")
    }

    /// For each hour in which voters who now have a counted ballot first voted, how many
    /// did: the first cast of each such voter, counted per UTC hour, oldest hour first.
    pub async fn first_votes_by_hour(
        &self,
        election: ElectionId,
    ) -> Result<Vec<HourlyFirstVotes>, StoreError> {
        db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT firsts.hour AS hour, COUNT(*) AS voters
                 FROM (SELECT MIN(t.at) / {HOUR_MICROS} AS hour
                       FROM vote_times t JOIN voters v ON v.id = t.voter_id
                       WHERE t.election_id = $1 AND v.voted
                       GROUP BY t.voter_id) AS firsts
                 GROUP BY firsts.hour ORDER BY firsts.hour"
            )))
            .bind(election)
            .fetch_all(pool)
            .await
        })
        .op("counting turnout per hour")
    }
}

impl WriteTx {
    /// Adds a reminder `before_close_minutes` before the end of voting.
    /// [`StoreError::Duplicate`] if the election has one at that time already.
    pub async fn add_reminder(
        &mut self,
        election: ElectionId,
        before_close_minutes: i64,
        texts: Option<&Value>,
        now: UnixMicros,
    ) -> Result<i64, StoreError> {
        if before_close_minutes <= 0 {
            return Err(StoreError::Invalid {
                what: "reminder time",
                detail: format!("{before_close_minutes} minutes before the end"),
            });
        }
        let texts = texts.map(Value::to_string);
        tx_run!(self, "adding a reminder", |conn| {
            let inserted = sqlx::query_scalar(
                "INSERT INTO reminders (election_id, before_close_minutes, texts, created_at)
                 VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(election)
            .bind(before_close_minutes)
            .bind(texts.as_deref())
            .bind(now)
            .fetch_one(&mut *conn)
            .await;
            match inserted {
                Err(error) if is_unique_violation(&error) => Err(StoreError::Duplicate {
                    what: "reminder",
                    value: format!("{before_close_minutes} minutes before the end"),
                }),
                other => other.op("adding a reminder"),
            }
        })
    }

    /// Deletes a reminder that has not gone out yet ([`StoreError::NotFound`] otherwise: a
    /// reminder that went out stays, with what it sent).
    pub async fn delete_pending_reminder(
        &mut self,
        election: ElectionId,
        id: i64,
    ) -> Result<(), StoreError> {
        tx_run!(self, "deleting a reminder", |conn| {
            let deleted = sqlx::query(
                "DELETE FROM reminders
                 WHERE id = $1 AND election_id = $2 AND queued_at IS NULL",
            )
            .bind(id)
            .bind(election)
            .execute(&mut *conn)
            .await
            .op("deleting a reminder")?
            .rows_affected();
            if deleted == 1 {
                Ok(())
            } else {
                Err(StoreError::NotFound {
                    what: "reminder not yet sent",
                    key: id.to_string(),
                })
            }
        })
    }

    /// Sets (`Some`) or removes (`None`) the election's quorum, in voters.
    pub async fn set_quorum(
        &mut self,
        election: ElectionId,
        voters: Option<i64>,
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        if let Some(n) = voters.filter(|n| *n <= 0) {
            return Err(StoreError::Invalid {
                what: "quorum",
                detail: format!("{n} voters"),
            });
        }
        tx_run!(self, "setting the quorum", |conn| {
            match voters {
                Some(n) => sqlx::query(
                    "INSERT INTO election_quorums (election_id, voters, updated_at)
                     VALUES ($1, $2, $3)
                     ON CONFLICT (election_id) DO UPDATE SET voters = $2, updated_at = $3",
                )
                .bind(election)
                .bind(n)
                .bind(now)
                .execute(&mut *conn)
                .await
                .map(|_| ()),
                None => sqlx::query("DELETE FROM election_quorums WHERE election_id = $1")
                    .bind(election)
                    .execute(&mut *conn)
                    .await
                    .map(|_| ()),
            }
            .op("setting the quorum")
        })
    }

    /// Marks reminder `id` gone out (compare-and-set) and queues its notice of `kind` for
    /// every voter of its election who has not voted, is not revoked and has an address; one
    /// per voter and reminder whatever happens. `None` if it had gone out already (another
    /// server did it), else how many notices were queued.
    pub async fn queue_reminder(
        &mut self,
        id: i64,
        kind: &str,
        now: UnixMicros,
    ) -> Result<Option<u64>, StoreError> {
        tx_run!(self, "queueing a reminder", |conn| {
            let marked = sqlx::query(
                "UPDATE reminders SET queued_at = $1 WHERE id = $2 AND queued_at IS NULL",
            )
            .bind(now)
            .bind(id)
            .execute(&mut *conn)
            .await
            .op("marking a reminder queued")?
            .rows_affected();
            if marked == 0 {
                return Ok(None);
            }
            let queued = sqlx::query(
                "INSERT INTO mail_outbox (election_id, voter_id, kind, details, status, attempts,
                                          next_attempt_at, created_at, updated_at, reminder_id)
                 SELECT v.election_id, v.id, $1, '{}', 'queued', 0, $2, $2, $2, r.id
                 FROM reminders r JOIN voters v ON v.election_id = r.election_id
                 WHERE r.id = $3 AND NOT v.voted AND NOT v.revoked
                   AND v.email IS NOT NULL AND TRIM(v.email) <> ''
                 ON CONFLICT (reminder_id, voter_id) DO NOTHING",
            )
            .bind(kind)
            .bind(now)
            .bind(id)
            .execute(&mut *conn)
            .await
            .op("queueing a reminder's notices")?
            .rows_affected();
            Ok(Some(queued))
        })
    }

    /// Records the language each of these voters reads (replacing any earlier one).
    pub async fn set_voter_languages(
        &mut self,
        languages: &[(VoterId, &str)],
    ) -> Result<(), StoreError> {
        tx_run!(self, "recording voters' languages", |conn| {
            for (voter, lang) in languages {
                sqlx::query(
                    "INSERT INTO voter_languages (voter_id, lang) VALUES ($1, $2)
                     ON CONFLICT (voter_id) DO UPDATE SET lang = $2",
                )
                .bind(voter)
                .bind(*lang)
                .execute(&mut *conn)
                .await
                .op("recording a voter's language")?;
            }
            Ok(())
        })
    }
}
