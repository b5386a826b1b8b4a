//! Scheduled reminders to voters who have not voted: per election, a list of times before the
//! end of voting ("3 days before", "24 hours before"), each with optional texts per election
//! language (the voter's language, falling back to the election's default; without texts,
//! the standard translated message).
//!
//! Times are kept relative to the end, so extending the end moves reminders not yet sent.
//! The notice sender ([`super::mail::spawn_notice_sender`]) calls [`queue_due_reminders`] each
//! round: a reminder whose time has come, in an open election, is marked gone out by
//! compare-and-set and its notices queued in the same transaction, so with several servers
//! (or after a restart) it is queued once, one notice per voter. Voters who vote before
//! their notice is sent are skipped at sending time.

use std::collections::BTreeMap;
use std::fmt;

use jiff::{SignedDuration, Timestamp};
use serde::Serialize;
use urna_core::lifecycle::State;
use urna_core::text::{Lang, Texts};
use urna_store::{Db, MailStatus, StoreError};

use super::mail::NOTICE_REMINDER;
use super::{Actor, ServiceError, commit_audited, micros};

/// The longest time before the end a reminder may be set: a year.
pub const MAX_BEFORE_CLOSE_MINUTES: i64 = 365 * 24 * 60;

/// How long before the end of voting a reminder goes out: a whole number of minutes, at
/// least one and at most [`MAX_BEFORE_CLOSE_MINUTES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct BeforeClose(i64);

impl BeforeClose {
    /// `3d`, `24h`, `90m`, or the same with words (`3 days`, `24 hours`, `1 day`); a bare
    /// number is minutes.
    pub fn parse(text: &str) -> Result<BeforeClose, ServiceError> {
        let refuse = || {
            ServiceError::Refused(format!(
                "{text:?} is not a time before the end: write it as 3d, 24h or 90m"
            ))
        };
        let trimmed = text.trim().to_ascii_lowercase();
        let split = trimmed
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(trimmed.len());
        let (number, unit) = trimmed.split_at(split);
        let n: i64 = number.parse().map_err(|_| refuse())?;
        let per_unit = match unit.trim() {
            "" | "m" | "min" | "minute" | "minutes" => 1,
            "h" | "hour" | "hours" => 60,
            "d" | "day" | "days" => 24 * 60,
            _ => return Err(refuse()),
        };
        let minutes = n.checked_mul(per_unit).ok_or_else(refuse)?;
        if !(1..=MAX_BEFORE_CLOSE_MINUTES).contains(&minutes) {
            return Err(ServiceError::Refused(format!(
                "{text:?} is not between one minute and 365 days before the end"
            )));
        }
        Ok(BeforeClose(minutes))
    }

    pub fn minutes(self) -> i64 {
        self.0
    }

    fn duration(self) -> SignedDuration {
        SignedDuration::from_mins(self.0)
    }
}

impl fmt::Display for BeforeClose {
    /// The largest unit that divides it: `3d`, `36h`, `90m`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.0;
        if m % (24 * 60) == 0 {
            write!(f, "{}d", m / (24 * 60))
        } else if m % 60 == 0 {
            write!(f, "{}h", m / 60)
        } else {
            write!(f, "{m}m")
        }
    }
}

/// A reminder's own texts from a form or a request: language → text, blank ones ignored.
/// `None` when all are blank (the standard message); otherwise the election's default
/// language must have one, as every other language falls back to it, and every language
/// must be one of the election's.
pub fn reminder_texts(
    loaded: &super::LoadedElection,
    given: &BTreeMap<String, String>,
) -> Result<Option<Texts>, ServiceError> {
    let default = loaded.election.title().default_lang().clone();
    let mut texts: Option<Texts> = None;
    let mut others = Vec::new();
    for (lang, text) in given {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let lang = Lang::parse(lang).map_err(|e| ServiceError::Refused(e.to_string()))?;
        if !loaded.election.languages().contains(&lang) {
            return Err(ServiceError::Refused(format!(
                "{lang} is not a language of this election"
            )));
        }
        if lang == default {
            texts = Some(Texts::new(lang, text));
        } else {
            others.push((lang, text.to_owned()));
        }
    }
    match texts {
        Some(mut texts) => {
            for (lang, text) in others {
                texts.set(lang, text);
            }
            Ok(Some(texts))
        }
        None if others.is_empty() => Ok(None),
        None => Err(ServiceError::Refused(format!(
            "give the reminder's text in {default}, the election's default language, too: \
             voters of other languages fall back to it"
        ))),
    }
}

fn ensure_not_over(loaded: &super::LoadedElection) -> Result<(), ServiceError> {
    match loaded.state() {
        State::Draft | State::Ready | State::Open => Ok(()),
        other => Err(ServiceError::Refused(format!(
            "reminders can be changed only before voting ends; this election is {other:?}"
        ))),
    }
}

/// Adds a reminder (logged). Returns its id.
pub async fn add_reminder(
    db: &Db,
    slug: &str,
    before: BeforeClose,
    texts: &BTreeMap<String, String>,
    actor: Actor,
    now: Timestamp,
) -> Result<i64, ServiceError> {
    let loaded = super::load(db, slug).await?;
    ensure_not_over(&loaded)?;
    let texts = reminder_texts(&loaded, texts)?;
    let texts_json = texts
        .as_ref()
        .map(serde_json::to_value)
        .transpose()
        .map_err(|e| super::corrupt("reminder texts", e))?;
    let mut tx = db.begin_write().await?;
    let id = tx
        .add_reminder(
            loaded.row_id,
            before.minutes(),
            texts_json.as_ref(),
            micros(now),
        )
        .await
        .map_err(|e| match e {
            StoreError::Duplicate { .. } => ServiceError::Refused(format!(
                "there is a reminder {before} before the end already"
            )),
            other => other.into(),
        })?;
    commit_audited(
        tx,
        loaded.row_id,
        actor,
        "reminder_added",
        &serde_json::json!({ "id": id, "before_close": before.to_string(), "own_texts": texts.is_some() }),
        now,
    )
    .await?;
    Ok(id)
}

/// Deletes a reminder that has not gone out (logged).
pub async fn delete_reminder(
    db: &Db,
    slug: &str,
    id: i64,
    actor: Actor,
    now: Timestamp,
) -> Result<(), ServiceError> {
    let loaded = super::load(db, slug).await?;
    let mut tx = db.begin_write().await?;
    tx.delete_pending_reminder(loaded.row_id, id)
        .await
        .map_err(|e| match e {
            StoreError::NotFound { .. } => ServiceError::Refused(format!(
                "this election has no reminder {id} waiting to go out"
            )),
            other => other.into(),
        })?;
    commit_audited(
        tx,
        loaded.row_id,
        actor,
        "reminder_deleted",
        &serde_json::json!({ "id": id }),
        now,
    )
    .await
}

/// One reminder, for the administrators.
#[derive(Debug, Clone, Serialize)]
pub struct ReminderView {
    pub id: i64,
    /// `3d`, `24h`, `90m`.
    pub before_close: String,
    pub before_close_minutes: i64,
    /// When it goes out at the current end (in the election's zone), if the election has one.
    pub due: Option<String>,
    /// When it went out (UTC), if it has.
    pub queued_at: Option<String>,
    /// Its own texts by language; empty for the standard message.
    pub texts: BTreeMap<String, String>,
    /// Its notices by status.
    pub queued: i64,
    pub sent: i64,
    pub skipped: i64,
    pub failed: i64,
    pub bounced: i64,
}

/// The election's reminders, earliest first.
pub async fn reminders_overview(db: &Db, slug: &str) -> Result<Vec<ReminderView>, ServiceError> {
    let loaded = super::load(db, slug).await?;
    let counts = db.reminder_status_counts(loaded.row_id).await?;
    let window = loaded.election.window();
    db.reminders(loaded.row_id)
        .await?
        .into_iter()
        .map(|r| {
            let before = BeforeClose(r.before_close_minutes);
            let texts: BTreeMap<String, String> = match r.texts {
                Some(v) => serde_json::from_value::<Texts>(v)
                    .map_err(|e| super::corrupt(format!("the texts of reminder {}", r.id), e))?
                    .iter()
                    .map(|(l, t)| (l.to_string(), t.to_owned()))
                    .collect(),
                None => BTreeMap::new(),
            };
            let count = |status: MailStatus| {
                counts
                    .iter()
                    .find(|c| c.reminder_id == r.id && c.status == status.as_str())
                    .map_or(0, |c| c.count)
            };
            Ok(ReminderView {
                id: r.id,
                before_close: before.to_string(),
                before_close_minutes: before.minutes(),
                due: window.and_then(|w| {
                    let at = w.closes().checked_sub(before.duration()).ok()?;
                    Some(w.zone().local(at).to_string())
                }),
                queued_at: r
                    .queued_at
                    .and_then(|t| Timestamp::from_microsecond(t.0).ok())
                    .map(|t| t.to_string()),
                texts,
                queued: count(MailStatus::Queued),
                sent: count(MailStatus::Sent),
                skipped: count(MailStatus::Skipped),
                failed: count(MailStatus::Failed),
                bounced: count(MailStatus::Bounced),
            })
        })
        .collect()
}

/// Queues every reminder of an open election whose time has come at `now` (and whose
/// election has not ended), once each (logged). Returns how many notices were queued.
pub async fn queue_due_reminders(db: &Db, now: Timestamp) -> Result<u64, ServiceError> {
    let mut queued = 0;
    for reminder in db.pending_reminders_of_open_elections().await? {
        let loaded = super::from_row(db.election(reminder.election).await?)?;
        let Some(window) = loaded.election.window() else {
            continue;
        };
        let before = BeforeClose(reminder.before_close_minutes);
        let due = window
            .closes()
            .checked_sub(before.duration())
            .unwrap_or(window.closes());
        if now < due || now >= window.closes() {
            continue;
        }
        let mut tx = db.begin_write().await?;
        // `None`: another server queued it first; the transaction is dropped unchanged.
        if let Some(count) = tx
            .queue_reminder(reminder.id, NOTICE_REMINDER, micros(now))
            .await?
        {
            commit_audited(
                tx,
                loaded.row_id,
                Actor::System,
                "reminder_queued",
                &serde_json::json!({
                    "id": reminder.id,
                    "before_close": before.to_string(),
                    "voters": count,
                }),
                now,
            )
            .await?;
            queued += count;
        }
    }
    Ok(queued)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_before_the_end_parse_in_minutes_and_print_in_the_largest_unit() {
        // 3 days = 3 × 24 × 60 = 4320 minutes; 24 hours = 1440; 36 h = 2160.
        let cases = [
            ("3d", 4320, "3d"),
            ("3 days", 4320, "3d"),
            ("24h", 1440, "1d"),
            ("36 hours", 2160, "36h"),
            ("90m", 90, "90m"),
            ("90", 90, "90m"),
            (" 1 Day ", 1440, "1d"),
        ];
        for (text, minutes, shown) in cases {
            let parsed = BeforeClose::parse(text).unwrap();
            assert_eq!(
                (parsed.minutes(), parsed.to_string().as_str()),
                (minutes, shown),
                "{text}"
            );
        }
        for bad in [
            "",
            "0h",
            "3 weeks",
            "-2d",
            "366d",
            "d3",
            "99999999999999999999d",
        ] {
            let err = BeforeClose::parse(bad).unwrap_err().to_string();
            assert!(err.contains(&format!("{bad:?}")), "{bad}: {err}");
        }
    }
}
