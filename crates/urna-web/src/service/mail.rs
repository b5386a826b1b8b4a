//! E-mail to voters: their voting links, and notices of what changed for them.
//!
//! # Voting links
//! The server keeps only the hash of a voter's token, so it cannot e-mail a link it issued
//! earlier. E-mailing links therefore issues a fresh token per voter at send time (the old
//! link stops working, as with a reissue), builds the message in memory, sends it and keeps
//! only the delivery status: `queued` (marked for every voter of the batch before the first
//! is sent, so a crash mid-send shows), `sent`, or `failed` with the SMTP error. The token is
//! never written to the database or the log. A failed or interrupted delivery is mended by
//! sending again ("resend"), which issues yet another token. The new token is stored before
//! the message is sent, so a failed send leaves the voter without a working link until the
//! resend: the status says so.
//!
//! # Notices
//! A struck ballot (with the reason), an extended end (in the election's zone) and a withdrawn
//! candidate are told to voters through an outbox table: a kind and its details, rendered in
//! the election's default language when sent, retried with exponential backoff by a
//! background sender ([`spawn_notice_sender`]) until [`MAX_NOTICE_ATTEMPTS`]. Ballots are
//! sealed, so the server cannot know whose ballot names a withdrawn candidate: every voter
//! who has voted is told, and the message says why. Voters without an e-mail address are
//! skipped and counted. A notice is queued in the act's own transaction
//! ([`PreparedNotice::queue_in`]): the act, its audit entry and the notices to voters are
//! stored together or not at all.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use fluent_bundle::FluentValue;
use jiff::Timestamp;
use serde::Serialize;
use urna_core::election::ElectionError;
use urna_core::lifecycle::Operation;
use urna_core::question::{CandidateId, QuestionId};
use urna_store::{Db, ElectionId, MailStatus, NewNotice, NoticeRow, VoterRow};

use super::{Actor, LoadedElection, ServiceError, audit, micros};
use crate::i18n::{Locales, Translator};
use crate::mail::Mailer;
use urna_store::WriteTx;

/// Outbox kind: a voter's ballot was struck (details: `reason`).
pub const NOTICE_STRUCK: &str = "ballot_struck";
/// Outbox kind: the end of voting moved (details: `closes`, unix microseconds).
pub const NOTICE_EXTENDED: &str = "end_extended";
/// Outbox kind: a candidate was withdrawn (details: `question`, `candidate`).
pub const NOTICE_WITHDRAWN: &str = "candidate_withdrawn";

/// Delivery attempts of a notice before it is marked failed.
pub const MAX_NOTICE_ATTEMPTS: i64 = 6;
/// Wait before the first retry; each further retry waits twice as long (30 s, 1, 2, 4, 8 min).
pub const FIRST_RETRY: Duration = Duration::from_secs(30);
/// Notices sent per round of the background sender.
const NOTICES_PER_ROUND: i64 = 200;

/// What to tell voters.
#[derive(Debug, Clone, Copy)]
pub enum Notice<'a> {
    /// This voter's ballot was struck; they may vote again while the election is open.
    Struck {
        voter: &'a VoterRow,
        reason: &'a str,
    },
    /// The end of voting moved to `closes`: every voter is told.
    Extended { closes: Timestamp },
    /// A candidate was withdrawn: every voter who has voted is told.
    Withdrawn {
        question: &'a QuestionId,
        candidate: &'a CandidateId,
    },
}

/// How many notices were queued, and how many voters had no address.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct NoticesQueued {
    pub queued: usize,
    pub skipped_no_address: usize,
}

fn has_address(voter: &VoterRow) -> bool {
    voter.email.as_deref().is_some_and(|e| !e.trim().is_empty())
}

/// A notice with its recipients read, ready to be queued inside the act's transaction.
#[derive(Debug)]
pub(crate) struct PreparedNotice {
    election: urna_store::ElectionId,
    kind: &'static str,
    details: serde_json::Value,
    recipients: Vec<urna_store::VoterId>,
    skipped_no_address: usize,
}

/// Reads who a notice concerns. Call it before the act's [`WriteTx`] begins (reads first:
/// on SQLite the transaction holds the writer), then [`PreparedNotice::queue_in`] it.
pub(crate) async fn prepare_notice(
    db: &Db,
    loaded: &LoadedElection,
    notice: Notice<'_>,
) -> Result<PreparedNotice, ServiceError> {
    let (kind, details, voters) = match notice {
        Notice::Struck { voter, reason } => (
            NOTICE_STRUCK,
            serde_json::json!({ "reason": reason }),
            vec![voter.clone()],
        ),
        Notice::Extended { closes } => (
            NOTICE_EXTENDED,
            serde_json::json!({ "closes": closes.as_microsecond() }),
            db.voters(loaded.row_id)
                .await?
                .into_iter()
                .filter(|v| !v.revoked)
                .collect(),
        ),
        Notice::Withdrawn {
            question,
            candidate,
        } => (
            NOTICE_WITHDRAWN,
            serde_json::json!({ "question": question.as_str(), "candidate": candidate.as_str() }),
            db.voters(loaded.row_id)
                .await?
                .into_iter()
                .filter(|v| v.voted)
                .collect(),
        ),
    };
    Ok(notice_to(loaded, kind, details, voters))
}

/// A notice of `kind` to exactly `voters` (those without an address are skipped and counted).
pub(crate) fn notice_to(
    loaded: &LoadedElection,
    kind: &'static str,
    details: serde_json::Value,
    voters: Vec<VoterRow>,
) -> PreparedNotice {
    let (with_address, without): (Vec<VoterRow>, Vec<VoterRow>) =
        voters.into_iter().partition(has_address);
    PreparedNotice {
        election: loaded.row_id,
        kind,
        details,
        recipients: with_address.iter().map(|v| v.id).collect(),
        skipped_no_address: without.len(),
    }
}

impl PreparedNotice {
    /// Queues the notice in the act's transaction: the voters are told if and only if the
    /// act is stored.
    pub(crate) async fn queue_in(
        &self,
        tx: &mut WriteTx,
        now: Timestamp,
    ) -> Result<NoticesQueued, ServiceError> {
        let notices: Vec<NewNotice<'_>> = self
            .recipients
            .iter()
            .map(|&voter| NewNotice {
                election: self.election,
                voter,
                kind: self.kind,
                details: &self.details,
            })
            .collect();
        tx.queue_notices(&notices, micros(now)).await?;
        Ok(NoticesQueued {
            queued: notices.len(),
            skipped_no_address: self.skipped_no_address,
        })
    }
}

/// A rendered plain-text message.
#[derive(Debug, Clone)]
pub struct MailText {
    pub subject: String,
    pub body: String,
}

/// The translator for messages about an election: its default language (the server's
/// default when that language is not enabled).
fn translator_for(locales: &Arc<Locales>, loaded: &LoadedElection) -> Translator {
    let lang = loaded.election.title().default_lang().as_str();
    // An index out of range makes `Translator::new` use the server's default language.
    Translator::new(locales.clone(), locales.lookup(lang).unwrap_or(usize::MAX))
}

fn election_title(loaded: &LoadedElection) -> String {
    loaded.election.title().default_text().to_owned()
}

fn closes_text(loaded: &LoadedElection, closes: Timestamp) -> Option<String> {
    loaded
        .election
        .window()
        .map(|w| w.zone().local(closes).to_string())
}

/// The e-mail carrying a voter's voting link. The link stands on a line of its own, outside
/// any translated text, so no bidirectional isolation mark touches it.
pub fn link_message(tr: &Translator, loaded: &LoadedElection, voter: &str, link: &str) -> MailText {
    let election = election_title(loaded);
    let mut body = tr.t_args(
        "mail-link-body",
        &[
            ("voter", FluentValue::from(voter)),
            ("election", FluentValue::from(election.as_str())),
        ],
    );
    body.push_str("\n\n");
    body.push_str(link);
    body.push_str("\n\n");
    if let Some(closes) = loaded
        .election
        .window()
        .and_then(|w| closes_text(loaded, w.closes()))
    {
        body.push_str(&tr.t_args("mail-link-closes", &[("closes", FluentValue::from(closes))]));
        body.push_str("\n\n");
    }
    body.push_str(&tr.t("mail-link-keep-private"));
    body.push('\n');
    MailText {
        subject: tr.t_args(
            "mail-link-subject",
            &[("election", FluentValue::from(election))],
        ),
        body,
    }
}

/// The e-mail of a queued notice.
pub fn notice_message(
    tr: &Translator,
    loaded: &LoadedElection,
    notice: &NoticeRow,
    base_url: &str,
) -> Result<MailText, ServiceError> {
    let election = election_title(loaded);
    let text = |key: &str| -> Result<&str, ServiceError> {
        notice.details[key].as_str().ok_or_else(|| {
            super::corrupt(
                format!("notice {}", notice.id),
                format!("no {key:?} in its details"),
            )
        })
    };
    let (subject_key, body) = match notice.kind.as_str() {
        NOTICE_STRUCK => (
            "mail-struck-subject",
            tr.t_args(
                "mail-struck-body",
                &[
                    ("election", FluentValue::from(election.as_str())),
                    ("reason", FluentValue::from(text("reason")?)),
                ],
            ),
        ),
        NOTICE_EXTENDED => {
            let closes = notice.details["closes"]
                .as_i64()
                .and_then(|us| Timestamp::from_microsecond(us).ok())
                .ok_or_else(|| {
                    super::corrupt(format!("notice {}", notice.id), "no valid \"closes\"")
                })?;
            let shown = closes_text(loaded, closes).unwrap_or_else(|| closes.to_string());
            (
                "mail-extended-subject",
                tr.t_args(
                    "mail-extended-body",
                    &[
                        ("election", FluentValue::from(election.as_str())),
                        ("closes", FluentValue::from(shown)),
                    ],
                ),
            )
        }
        NOTICE_WITHDRAWN => {
            let question_id = text("question")?;
            let candidate_id = text("candidate")?;
            let question = loaded
                .election
                .questions()
                .iter()
                .find(|q| q.id.as_str() == question_id);
            let question_title = question.map_or(question_id.to_owned(), |q| {
                q.title.default_text().to_owned()
            });
            let candidate = question
                .and_then(|q| q.options.iter().find(|c| c.id.as_str() == candidate_id))
                .map_or(candidate_id.to_owned(), |c| {
                    c.name.default_text().to_owned()
                });
            (
                "mail-withdrawn-subject",
                tr.t_args(
                    "mail-withdrawn-body",
                    &[
                        ("election", FluentValue::from(election.as_str())),
                        ("question", FluentValue::from(question_title)),
                        ("candidate", FluentValue::from(candidate)),
                    ],
                ),
            )
        }
        // The notices of safe changes while voting runs (pause, swap…).
        other => match super::live::notice_text(tr, loaded, notice, &election)? {
            Some(found) => found,
            None => {
                return Err(super::corrupt(
                    format!("notice {}", notice.id),
                    format!("unknown kind {other:?}"),
                ));
            }
        },
    };
    let mut body = body;
    body.push_str("\n\n");
    body.push_str(&format!(
        "{}/elections/{}\n",
        base_url.trim_end_matches('/'),
        loaded.slug()
    ));
    Ok(MailText {
        subject: tr.t_args(subject_key, &[("election", FluentValue::from(election))]),
        body,
    })
}

/// Which voters' links to e-mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkScope {
    /// Every voter whose link has not been sent yet, or whose last send failed or was
    /// interrupted.
    NotYetSent,
    /// Every voter (with an address, not revoked): everyone gets a new link.
    All,
    /// One voter, by identifier ("resend").
    Voter(String),
}

impl LinkScope {
    /// `not_yet_sent`, `all`, or `voter` with the voter's identifier.
    pub fn parse(scope: &str, voter: Option<&str>) -> Result<LinkScope, ServiceError> {
        match (scope.trim(), voter.map(str::trim).filter(|v| !v.is_empty())) {
            ("not_yet_sent" | "", None) => Ok(LinkScope::NotYetSent),
            ("all", None) => Ok(LinkScope::All),
            ("voter" | "", Some(v)) => Ok(LinkScope::Voter(v.to_owned())),
            ("voter", None) => Err(ServiceError::Refused(
                "name the voter whose link to send again".into(),
            )),
            (other, _) => Err(ServiceError::Refused(format!(
                "{other:?} is not a choice of voters to e-mail; use not_yet_sent, all or voter"
            ))),
        }
    }

    fn name(&self) -> &'static str {
        match self {
            LinkScope::NotYetSent => "not_yet_sent",
            LinkScope::All => "all",
            LinkScope::Voter(_) => "voter",
        }
    }
}

/// Voters whose link e-mails were queued, to be sent by [`deliver_links`].
#[derive(Debug, Clone, Serialize)]
pub struct LinkBatch {
    #[serde(skip)]
    pub slug: String,
    #[serde(skip)]
    pub voters: Vec<VoterRow>,
    pub queued: usize,
    pub skipped_no_address: usize,
    pub skipped_revoked: usize,
}

/// Chooses the voters whose links to e-mail and marks them `queued` (logged, with counts
/// only). Allowed while voters can still be added: draft, ready, open.
pub async fn queue_links(
    db: &Db,
    slug: &str,
    scope: &LinkScope,
    actor: Actor,
    now: Timestamp,
) -> Result<LinkBatch, ServiceError> {
    let loaded = super::load(db, slug).await?;
    // Links are worth sending exactly while voters can be added.
    loaded
        .state()
        .ensure_allows(Operation::AddVoters)
        .map_err(ElectionError::from)?;
    let candidates: Vec<VoterRow> = match scope {
        LinkScope::Voter(name) => {
            let row = super::voters::voter_named(db, &loaded, name).await?;
            if row.revoked {
                return Err(ServiceError::Refused(format!(
                    "{name:?}'s link is revoked; reissue it to restore their access first"
                )));
            }
            if !has_address(&row) {
                return Err(ServiceError::Refused(format!(
                    "{name:?} has no e-mail address on the voter list; export their link as CSV"
                )));
            }
            vec![row]
        }
        LinkScope::All => db.voters(loaded.row_id).await?,
        LinkScope::NotYetSent => {
            let sent: Vec<urna_store::VoterId> = db
                .link_deliveries(loaded.row_id)
                .await?
                .into_iter()
                .filter(|d| d.status == MailStatus::Sent)
                .map(|d| d.voter)
                .collect();
            db.voters(loaded.row_id)
                .await?
                .into_iter()
                .filter(|v| !sent.contains(&v.id))
                .collect()
        }
    };
    let (revoked, active): (Vec<VoterRow>, Vec<VoterRow>) =
        candidates.into_iter().partition(|v| v.revoked);
    let (voters, without): (Vec<VoterRow>, Vec<VoterRow>) =
        active.into_iter().partition(has_address);
    let ids: Vec<urna_store::VoterId> = voters.iter().map(|v| v.id).collect();
    db.mark_links_queued(&ids, micros(now)).await?;
    let batch = LinkBatch {
        slug: slug.to_owned(),
        queued: voters.len(),
        skipped_no_address: without.len(),
        skipped_revoked: revoked.len(),
        voters,
    };
    audit(
        db,
        loaded.row_id,
        actor,
        "voting_links_email_queued",
        &serde_json::json!({
            "scope": scope.name(),
            "queued": batch.queued,
            "skipped_no_address": batch.skipped_no_address,
            "skipped_revoked": batch.skipped_revoked,
        }),
        now,
    )
    .await?;
    Ok(batch)
}

/// What [`deliver_links`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct LinksDelivered {
    pub sent: usize,
    pub failed: usize,
}

/// Issues a fresh token for each voter of the batch, e-mails the link and records `sent` or
/// `failed`. Logged with counts only. The tokens live only in this function's memory.
pub async fn deliver_links(
    db: &Db,
    mailer: &Mailer,
    locales: &Arc<Locales>,
    batch: &LinkBatch,
    actor: Actor,
) -> Result<LinksDelivered, ServiceError> {
    let _one_send_at_a_time = mailer.lock_link_sending().await;
    let loaded = super::load(db, &batch.slug).await?;
    let tr = translator_for(locales, &loaded);
    let mut done = LinksDelivered::default();
    for voter in &batch.voters {
        let Some(address) = voter.email.as_deref() else {
            continue;
        };
        let outcome = match super::voters::replace_token(db, voter).await {
            Ok(token) => {
                let link = super::voters::link_url(mailer.base_url(), &token);
                let text = link_message(&tr, &loaded, &voter.identifier, &link);
                mailer
                    .send(address, &text.subject, text.body)
                    .await
                    .map_err(|e| e.to_string())
            }
            Err(e) => Err(e.to_string()),
        };
        let now = micros(Timestamp::now());
        match outcome {
            Ok(()) => {
                done.sent += 1;
                db.set_link_delivery(voter.id, MailStatus::Sent, None, now)
                    .await?;
            }
            Err(error) => {
                done.failed += 1;
                tracing::warn!(election = %batch.slug, %error, "a voting-link e-mail failed");
                db.set_link_delivery(voter.id, MailStatus::Failed, Some(&error), now)
                    .await?;
            }
        }
    }
    audit(
        db,
        loaded.row_id,
        actor,
        "voting_links_emailed",
        &serde_json::json!({ "sent": done.sent, "failed": done.failed }),
        Timestamp::now(),
    )
    .await?;
    Ok(done)
}

/// Starts [`deliver_links`] on the runtime and returns at once; the statuses show progress.
pub fn spawn_link_delivery(
    db: Db,
    mailer: Mailer,
    locales: Arc<Locales>,
    batch: LinkBatch,
    actor: Actor,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        if let Err(error) = deliver_links(&db, &mailer, &locales, &batch, actor).await {
            tracing::error!(election = %batch.slug, %error, "sending voting links stopped");
        }
    })
}

/// Puts an election's failed notices back in the queue (logged). Returns how many.
pub async fn retry_failed_notices(
    db: &Db,
    slug: &str,
    actor: Actor,
    now: Timestamp,
) -> Result<u64, ServiceError> {
    let loaded = super::load(db, slug).await?;
    let requeued = db
        .requeue_failed_notices(loaded.row_id, micros(now))
        .await?;
    audit(
        db,
        loaded.row_id,
        actor,
        "voter_notices_requeued",
        &serde_json::json!({ "requeued": requeued }),
        now,
    )
    .await?;
    Ok(requeued)
}

/// What one round of the notice sender did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct NoticeRound {
    pub sent: usize,
    /// Failed now, to be tried again later.
    pub retrying: usize,
    /// Failed for the last time.
    pub failed: usize,
}

/// The wait before attempt `attempts + 1`, after `attempts` failed ones (at least one).
pub fn retry_delay(attempts: i64) -> Duration {
    let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 16)).unwrap_or(16);
    FIRST_RETRY.saturating_mul(1u32 << doublings)
}

/// Sends the queued notices that are due at `now`.
pub async fn deliver_due_notices(
    db: &Db,
    mailer: &Mailer,
    locales: &Arc<Locales>,
    now: Timestamp,
) -> Result<NoticeRound, ServiceError> {
    let mut round = NoticeRound::default();
    let mut elections: HashMap<ElectionId, LoadedElection> = HashMap::new();
    for notice in db.due_notices(micros(now), NOTICES_PER_ROUND).await? {
        if let std::collections::hash_map::Entry::Vacant(slot) = elections.entry(notice.election) {
            slot.insert(super::from_row(db.election(notice.election).await?)?);
        }
        let Some(loaded) = elections.get(&notice.election) else {
            continue;
        };
        let voter = db.voter(notice.voter).await?;
        let outcome = match voter.email.as_deref() {
            None => Err("the voter has no e-mail address".to_owned()),
            Some(address) => {
                let tr = translator_for(locales, loaded);
                match notice_message(&tr, loaded, &notice, mailer.base_url()) {
                    Ok(text) => mailer
                        .send(address, &text.subject, text.body)
                        .await
                        .map_err(|e| e.to_string()),
                    Err(e) => Err(e.to_string()),
                }
            }
        };
        let attempts = notice.attempts + 1;
        let next = match &outcome {
            Ok(()) => None,
            Err(_) if attempts >= MAX_NOTICE_ATTEMPTS || voter.email.is_none() => None,
            Err(_) => {
                let delay = jiff::SignedDuration::try_from(retry_delay(attempts))
                    .unwrap_or(jiff::SignedDuration::MAX);
                Some(micros(now.saturating_add(delay).unwrap_or(now)))
            }
        };
        match &outcome {
            Ok(()) => round.sent += 1,
            Err(_) if next.is_some() => round.retrying += 1,
            Err(_) => round.failed += 1,
        }
        if let Err(error) = &outcome {
            tracing::warn!(notice = notice.id, attempts, %error, "a notice to a voter failed");
        }
        db.record_notice_attempt(
            notice.id,
            outcome.as_ref().map(|_| ()).map_err(|e| (e.as_str(), next)),
            micros(now),
        )
        .await?;
    }
    Ok(round)
}

/// Runs [`deliver_due_notices`] every `every`, logging failures. Stops when the returned
/// handle is aborted.
pub fn spawn_notice_sender(
    db: Db,
    mailer: Mailer,
    locales: Arc<Locales>,
    every: Duration,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(every);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        loop {
            interval.tick().await;
            match deliver_due_notices(&db, &mailer, &locales, Timestamp::now()).await {
                Ok(round) if round != NoticeRound::default() => {
                    tracing::info!(
                        sent = round.sent,
                        retrying = round.retrying,
                        failed = round.failed,
                        "notices to voters"
                    );
                }
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "the notice sender could not run"),
            }
        }
    })
}

/// One voter's e-mail state, for the administrators.
#[derive(Debug, Clone, Serialize)]
pub struct VoterMailView {
    pub voter: String,
    pub email: Option<String>,
    pub revoked: bool,
    /// `queued`, `sent` or `failed`; `None` if their link was never e-mailed.
    pub status: Option<&'static str>,
    pub error: Option<String>,
    pub updated_at: Option<String>,
}

/// A notice that could not be delivered.
#[derive(Debug, Clone, Serialize)]
pub struct FailedNoticeView {
    pub voter: String,
    pub kind: String,
    pub attempts: i64,
    pub error: Option<String>,
}

/// The e-mail state of an election: link deliveries per voter, notices by status.
#[derive(Debug, Clone, Serialize)]
pub struct MailOverview {
    pub voters: Vec<VoterMailView>,
    pub voters_without_address: usize,
    pub notices_queued: usize,
    pub notices_sent: usize,
    pub notices_failed: Vec<FailedNoticeView>,
}

pub async fn mail_overview(db: &Db, slug: &str) -> Result<MailOverview, ServiceError> {
    let loaded = super::load(db, slug).await?;
    let voters = db.voters(loaded.row_id).await?;
    let deliveries = db.link_deliveries(loaded.row_id).await?;
    let notices = db.notices(loaded.row_id).await?;
    let name_of = |id: urna_store::VoterId| {
        voters
            .iter()
            .find(|v| v.id == id)
            .map_or_else(|| id.to_string(), |v| v.identifier.clone())
    };
    let views = voters
        .iter()
        .map(|v| {
            let delivery = deliveries.iter().find(|d| d.voter == v.id);
            VoterMailView {
                voter: v.identifier.clone(),
                email: v.email.clone(),
                revoked: v.revoked,
                status: delivery.map(|d| d.status.as_str()),
                error: delivery.and_then(|d| d.error.clone()),
                updated_at: delivery
                    .and_then(|d| Timestamp::from_microsecond(d.updated_at.0).ok())
                    .map(|t| t.to_string()),
            }
        })
        .collect();
    let count = |status: MailStatus| notices.iter().filter(|n| n.status == status).count();
    Ok(MailOverview {
        voters_without_address: voters.iter().filter(|v| !has_address(v)).count(),
        voters: views,
        notices_queued: count(MailStatus::Queued),
        notices_sent: count(MailStatus::Sent),
        notices_failed: notices
            .iter()
            .filter(|n| n.status == MailStatus::Failed)
            .map(|n| FailedNoticeView {
                voter: name_of(n.voter),
                kind: n.kind.clone(),
                attempts: n.attempts,
                error: n.last_error.clone(),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_twice_as_long_each_time() {
        // 30 s after the first failure, then 60, 120, 240, 480 s (FIRST_RETRY · 2^(n−1)).
        let waits: Vec<u64> = (1..=5).map(|n| retry_delay(n).as_secs()).collect();
        assert_eq!(waits, vec![30, 60, 120, 240, 480]);
    }

    #[test]
    fn scopes_parse_and_bad_ones_are_named() {
        assert_eq!(LinkScope::parse("", None).unwrap(), LinkScope::NotYetSent);
        assert_eq!(LinkScope::parse("all", None).unwrap(), LinkScope::All);
        assert_eq!(
            LinkScope::parse("voter", Some(" ann ")).unwrap(),
            LinkScope::Voter("ann".into())
        );
        let err = LinkScope::parse("everyone", None).unwrap_err().to_string();
        assert!(err.contains("\"everyone\""), "{err}");
        assert!(LinkScope::parse("voter", None).is_err());
    }
}
