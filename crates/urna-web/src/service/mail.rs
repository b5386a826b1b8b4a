//! E-mail to voters: their voting links, notices of what changed for them, and reminders.
//!
//! Every message is written in the voter's language (the voter list's `language` column)
//! when the server has it, else in the election's default language; election texts (title,
//! candidates, a reminder's own text) fall back the same way ([`Reader`]).
//!
//! # Voting links
//! The server keeps only the hash of a voter's token, so it cannot e-mail a link it issued
//! earlier. E-mailing links therefore issues a fresh token per voter at send time (the old
//! link stops working, as with a reissue), builds the message in memory, sends it and keeps
//! only the delivery status: `queued` (marked for every voter of the batch before the first
//! is sent, so a crash mid-send shows), `sent`, `failed` (no server answered, or a 4xx
//! reply) or `bounced` (a 5xx reply), with the server's reply, from which any trace of the
//! link is cut. The token is never written to the database or the log. A failed, bounced or
//! interrupted delivery is mended by sending again ("resend", one voter or
//! [`LinkScope::Failed`]), which issues yet another token; it is not retried by itself,
//! since each retry hands out a new link and the administrator should see why the first
//! failed. The new token is stored before the message is sent, so a failed send leaves the
//! voter without a working link until the resend: the status says so.
//!
//! # Notices and reminders
//! A struck ballot (with the reason), an extended end (in the election's zone), a withdrawn
//! candidate and a reminder are told to voters through an outbox table: a kind and its
//! details, rendered when sent. The background sender ([`spawn_notice_sender`]) claims due
//! notices for a lease ([`urna_store::Db::claim_due_notices`]), so servers sharing a
//! database never send one notice twice; a 4xx reply or an unreachable server is retried
//! with exponential backoff until [`MAX_NOTICE_ATTEMPTS`], a 5xx reply makes it `bounced`.
//! Ballots are sealed, so the server cannot know whose ballot names a withdrawn candidate:
//! every voter who has voted is told, and the message says why. Voters without an e-mail
//! address are skipped and counted. A notice is queued in the act's own transaction
//! ([`PreparedNotice::queue_in`]): the act, its audit entry and the notices to voters are
//! stored together or not at all.
//!
//! Reminders ([`super::reminders`]) are queued by the same sender when due, once per
//! reminder (compare-and-set, one notice per voter and reminder), for voters who have not
//! voted; a voter who votes before their reminder goes out is `skipped`.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use fluent_bundle::FluentValue;
use jiff::Timestamp;
use serde::Serialize;
use urna_core::election::ElectionError;
use urna_core::lifecycle::Operation;
use urna_core::question::{CandidateId, QuestionId};
use urna_core::text::{Lang, Texts};
use urna_store::{Db, ElectionId, MailStatus, NewNotice, NoticeOutcome, NoticeRow, VoterRow};

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
/// Outbox kind: a reminder to vote (the row names its reminder).
pub const NOTICE_REMINDER: &str = "reminder";

/// Delivery attempts of a notice before it is marked failed.
pub const MAX_NOTICE_ATTEMPTS: i64 = 6;
/// Wait before the first retry; each further retry waits twice as long (30 s, 1, 2, 4, 8 min).
pub const FIRST_RETRY: Duration = Duration::from_secs(30);
/// Notices one sender claims at a time, and sends at once.
const NOTICES_PER_CLAIM: i64 = 10;
/// How long a claim holds: long enough to send a whole claim even when every message waits
/// out the SMTP timeout, so a live sender never loses its notices to another.
fn claim_lease() -> Duration {
    crate::mail::SMTP_TIMEOUT.saturating_mul(NOTICES_PER_CLAIM as u32) + Duration::from_secs(60)
}

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

/// Who reads a message: the translator of their language, and the order in which election
/// texts are tried (their language, then the election's default).
#[derive(Debug)]
pub struct Reader {
    pub tr: Translator,
    chain: Vec<Lang>,
}

impl Reader {
    /// For a voter who reads `voter_lang` (if known): that language when the server has it,
    /// else the election's default language, else the server's default.
    pub fn new(
        locales: &Arc<Locales>,
        loaded: &LoadedElection,
        voter_lang: Option<&str>,
    ) -> Reader {
        let election_lang = loaded.election.title().default_lang().clone();
        let index = voter_lang
            .and_then(|l| locales.lookup(l))
            .or_else(|| locales.lookup(election_lang.as_str()))
            // An index out of range makes `Translator::new` use the server's default language.
            .unwrap_or(usize::MAX);
        let chain = voter_lang
            .and_then(|l| Lang::parse(l).ok())
            .into_iter()
            .chain([election_lang])
            .collect();
        Reader {
            tr: Translator::new(locales.clone(), index),
            chain,
        }
    }

    /// The version of an election text this reader gets.
    pub fn text<'t>(&self, texts: &'t Texts) -> &'t str {
        texts.get(&self.chain)
    }
}

fn election_title(reader: &Reader, loaded: &LoadedElection) -> String {
    reader.text(loaded.election.title()).to_owned()
}

fn closes_text(loaded: &LoadedElection, closes: Timestamp) -> Option<String> {
    loaded
        .election
        .window()
        .map(|w| w.zone().local(closes).to_string())
}

/// The e-mail carrying a voter's voting link. The link stands on a line of its own, outside
/// any translated text, so no bidirectional isolation mark touches it.
pub fn link_message(reader: &Reader, loaded: &LoadedElection, voter: &str, link: &str) -> MailText {
    let tr = &reader.tr;
    let election = election_title(reader, loaded);
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

/// The e-mail of a queued notice; `reminder_texts` are the own texts of the reminder it
/// belongs to, if it is one and has them.
pub fn notice_message(
    reader: &Reader,
    loaded: &LoadedElection,
    notice: &NoticeRow,
    reminder_texts: Option<&Texts>,
    base_url: &str,
) -> Result<MailText, ServiceError> {
    let tr = &reader.tr;
    let election = election_title(reader, loaded);
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
            let question_title =
                question.map_or(question_id.to_owned(), |q| reader.text(&q.title).to_owned());
            let candidate = question
                .and_then(|q| q.options.iter().find(|c| c.id.as_str() == candidate_id))
                .map_or(candidate_id.to_owned(), |c| reader.text(&c.name).to_owned());
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
        NOTICE_REMINDER => {
            let closes = loaded
                .election
                .window()
                .and_then(|w| closes_text(loaded, w.closes()))
                .unwrap_or_default();
            let body = match reminder_texts {
                Some(texts) => reader.text(texts).to_owned(),
                None => tr.t_args(
                    "mail-reminder-body",
                    &[("election", FluentValue::from(election.as_str()))],
                ),
            };
            let mut body = body;
            body.push_str("\n\n");
            body.push_str(&tr.t_args("mail-link-closes", &[("closes", FluentValue::from(closes))]));
            body.push_str("\n\n");
            body.push_str(&tr.t("mail-reminder-link"));
            ("mail-reminder-subject", body)
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
    /// Every voter whose last link e-mail failed or bounced ("resend all failed").
    Failed,
}

impl LinkScope {
    /// `not_yet_sent`, `all`, `failed`, or `voter` with the voter's identifier.
    pub fn parse(scope: &str, voter: Option<&str>) -> Result<LinkScope, ServiceError> {
        match (scope.trim(), voter.map(str::trim).filter(|v| !v.is_empty())) {
            ("not_yet_sent" | "", None) => Ok(LinkScope::NotYetSent),
            ("all", None) => Ok(LinkScope::All),
            ("failed", None) => Ok(LinkScope::Failed),
            ("voter" | "", Some(v)) => Ok(LinkScope::Voter(v.to_owned())),
            ("voter", None) => Err(ServiceError::Refused(
                "name the voter whose link to send again".into(),
            )),
            (other, _) => Err(ServiceError::Refused(format!(
                "{other:?} is not a choice of voters to e-mail; use not_yet_sent, all, failed or voter"
            ))),
        }
    }

    fn name(&self) -> &'static str {
        match self {
            LinkScope::NotYetSent => "not_yet_sent",
            LinkScope::All => "all",
            LinkScope::Voter(_) => "voter",
            LinkScope::Failed => "failed",
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
        LinkScope::Failed => {
            let failed: Vec<urna_store::VoterId> = db
                .link_deliveries(loaded.row_id)
                .await?
                .into_iter()
                .filter(|d| matches!(d.status, MailStatus::Failed | MailStatus::Bounced))
                .map(|d| d.voter)
                .collect();
            db.voters(loaded.row_id)
                .await?
                .into_iter()
                .filter(|v| failed.contains(&v.id))
                .collect()
        }
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
    pub bounced: usize,
}

/// A server's reply as kept for the administrators: with every occurrence of `secret` (a
/// voting-link token) cut out, should a server ever echo part of the message.
fn reply_without(reply: &str, secret: &str) -> String {
    if secret.is_empty() {
        reply.to_owned()
    } else {
        reply.replace(secret, "[link]")
    }
}

/// The voters' languages of an election, by voter.
async fn languages_of(
    db: &Db,
    election: ElectionId,
) -> Result<HashMap<urna_store::VoterId, String>, ServiceError> {
    Ok(db.voter_languages(election).await?.into_iter().collect())
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
    let languages = languages_of(db, loaded.row_id).await?;
    let mut done = LinksDelivered::default();
    for voter in &batch.voters {
        let Some(address) = voter.email.as_deref() else {
            continue;
        };
        let reader = Reader::new(
            locales,
            &loaded,
            languages.get(&voter.id).map(String::as_str),
        );
        // (status, reply), the reply already without the token.
        let (status, reply) = match super::voters::replace_token(db, voter).await {
            Ok(token) => {
                let link = super::voters::link_url(mailer.base_url(), &token);
                let text = link_message(&reader, &loaded, &voter.identifier, &link);
                let secret = token.reveal();
                match mailer.send(address, &text.subject, text.body).await {
                    Ok(reply) => (MailStatus::Sent, reply_without(&reply, &secret)),
                    Err(e) if e.is_permanent() => {
                        (MailStatus::Bounced, reply_without(&e.to_string(), &secret))
                    }
                    Err(e) => (MailStatus::Failed, reply_without(&e.to_string(), &secret)),
                }
            }
            Err(e) => (MailStatus::Failed, e.to_string()),
        };
        match status {
            MailStatus::Sent => done.sent += 1,
            MailStatus::Bounced => done.bounced += 1,
            _ => done.failed += 1,
        }
        if status != MailStatus::Sent {
            tracing::warn!(election = %batch.slug, error = %reply, "a voting-link e-mail failed");
        }
        db.set_link_delivery(voter.id, status, Some(&reply), micros(Timestamp::now()))
            .await?;
    }
    audit(
        db,
        loaded.row_id,
        actor,
        "voting_links_emailed",
        &serde_json::json!({ "sent": done.sent, "failed": done.failed, "bounced": done.bounced }),
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

/// Puts an election's failed and bounced notices (or only notice `one`) back in the queue
/// (logged). Returns how many.
pub async fn retry_failed_notices(
    db: &Db,
    slug: &str,
    one: Option<i64>,
    actor: Actor,
    now: Timestamp,
) -> Result<u64, ServiceError> {
    let loaded = super::load(db, slug).await?;
    let requeued = db
        .requeue_failed_notices(loaded.row_id, one, micros(now))
        .await?;
    if one.is_some() && requeued == 0 {
        return Err(ServiceError::Refused(format!(
            "notice {} of this election is not failed or bounced",
            one.unwrap_or_default()
        )));
    }
    audit(
        db,
        loaded.row_id,
        actor,
        "voter_notices_requeued",
        &serde_json::json!({ "requeued": requeued, "notice": one }),
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
    /// Refused for good by the server.
    pub bounced: usize,
    /// No longer applied (a reminder to a voter who has voted).
    pub skipped: usize,
}

/// The wait before attempt `attempts + 1`, after `attempts` failed ones (at least one).
pub fn retry_delay(attempts: i64) -> Duration {
    let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 16)).unwrap_or(16);
    FIRST_RETRY.saturating_mul(1u32 << doublings)
}

/// What one notice comes to before it is sent: its message, or why it is not sent.
enum Prepared {
    Send { address: String, text: MailText },
    Skip(&'static str),
    Fail(String),
}

/// Per-round reads shared by the notices of one election.
#[derive(Default)]
struct RoundCache {
    elections: HashMap<ElectionId, (LoadedElection, HashMap<urna_store::VoterId, String>)>,
    reminders: HashMap<i64, Option<Texts>>,
}

async fn prepare(
    db: &Db,
    locales: &Arc<Locales>,
    base_url: &str,
    cache: &mut RoundCache,
    notice: &NoticeRow,
) -> Result<Prepared, ServiceError> {
    if let std::collections::hash_map::Entry::Vacant(slot) = cache.elections.entry(notice.election)
    {
        let loaded = super::from_row(db.election(notice.election).await?)?;
        let languages = languages_of(db, notice.election).await?;
        slot.insert((loaded, languages));
    }
    let Some((loaded, languages)) = cache.elections.get(&notice.election) else {
        return Ok(Prepared::Fail("the election could not be read".into()));
    };
    let voter = db.voter(notice.voter).await?;
    let reminder_texts = match notice.reminder {
        None => None,
        Some(id) => {
            // Only a voter who still has not voted, in an election still open, is reminded.
            if voter.voted {
                return Ok(Prepared::Skip(
                    "the voter voted before the reminder went out",
                ));
            }
            if loaded.state() != urna_core::lifecycle::State::Open {
                return Ok(Prepared::Skip("voting was no longer open"));
            }
            if let std::collections::hash_map::Entry::Vacant(slot) = cache.reminders.entry(id) {
                let texts = db
                    .reminder(id)
                    .await?
                    .texts
                    .map(serde_json::from_value::<Texts>)
                    .transpose()
                    .map_err(|e| super::corrupt(format!("the texts of reminder {id}"), e))?;
                slot.insert(texts);
            }
            cache.reminders.get(&id).and_then(Option::as_ref)
        }
    };
    let Some(address) = voter.email.filter(|e| !e.trim().is_empty()) else {
        return Ok(Prepared::Fail("the voter has no e-mail address".into()));
    };
    let reader = Reader::new(
        locales,
        loaded,
        languages.get(&voter.id).map(String::as_str),
    );
    Ok(
        match notice_message(&reader, loaded, notice, reminder_texts, base_url) {
            Ok(text) => Prepared::Send { address, text },
            Err(e) => Prepared::Fail(e.to_string()),
        },
    )
}

/// Claims the notices due at `now` (a batch at a time, until none is left) and sends them,
/// recording each outcome under its claim. Another sender on the same database takes other
/// notices; a notice whose claim was taken over (its lease ran out) is left to its new holder.
pub async fn deliver_due_notices(
    db: &Db,
    mailer: &Mailer,
    locales: &Arc<Locales>,
    now: Timestamp,
) -> Result<NoticeRound, ServiceError> {
    let mut round = NoticeRound::default();
    let mut cache = RoundCache::default();
    let lease = jiff::SignedDuration::try_from(claim_lease()).unwrap_or(jiff::SignedDuration::MAX);
    loop {
        let lease_until = micros(now.saturating_add(lease).unwrap_or(now));
        let claimed = db
            .claim_due_notices(micros(now), lease_until, NOTICES_PER_CLAIM)
            .await?;
        if claimed.is_empty() {
            return Ok(round);
        }
        // Read and render the batch, send its messages at once (each SMTP conversation
        // waits mostly on round trips), then record each outcome.
        let mut prepared = Vec::with_capacity(claimed.len());
        for notice in &claimed {
            prepared.push(prepare(db, locales, mailer.base_url(), &mut cache, notice).await?);
        }
        let mut outcomes: Vec<Option<Done>> = (0..claimed.len()).map(|_| None).collect();
        let mut sends = tokio::task::JoinSet::new();
        for (i, (notice, message)) in claimed.iter().zip(prepared).enumerate() {
            match message {
                Prepared::Send { address, text } => {
                    let (mailer, attempts) = (mailer.clone(), notice.attempts + 1);
                    sends.spawn(async move {
                        let done = match mailer.send(&address, &text.subject, text.body).await {
                            Ok(reply) => Done::Sent(reply),
                            Err(e) if e.is_permanent() => Done::Bounced(e.to_string()),
                            Err(e) if attempts >= MAX_NOTICE_ATTEMPTS => {
                                Done::Failed(e.to_string())
                            }
                            Err(e) => Done::Temporary(e.to_string()),
                        };
                        (i, done)
                    });
                }
                Prepared::Skip(why) => outcomes[i] = Some(Done::Skipped(why)),
                Prepared::Fail(error) => outcomes[i] = Some(Done::Failed(error)),
            }
        }
        while let Some(joined) = sends.join_next().await {
            let (i, done) =
                joined.map_err(|e| super::corrupt("a notice's sending task", e.to_string()))?;
            outcomes[i] = Some(done);
        }
        for (notice, done) in claimed.iter().zip(outcomes) {
            let attempts = notice.attempts + 1;
            let Some(done) = done else {
                continue;
            };
            let outcome = match &done {
                Done::Sent(reply) => {
                    round.sent += 1;
                    NoticeOutcome::Sent { reply }
                }
                Done::Bounced(reply) => {
                    round.bounced += 1;
                    NoticeOutcome::Bounced { reply }
                }
                Done::Temporary(error) => {
                    round.retrying += 1;
                    let delay = jiff::SignedDuration::try_from(retry_delay(attempts))
                        .unwrap_or(jiff::SignedDuration::MAX);
                    NoticeOutcome::Retry {
                        error,
                        retry_at: micros(now.saturating_add(delay).unwrap_or(now)),
                    }
                }
                Done::Failed(error) => {
                    round.failed += 1;
                    NoticeOutcome::Failed { error }
                }
                Done::Skipped(why) => {
                    round.skipped += 1;
                    NoticeOutcome::Skipped { why }
                }
            };
            if let Done::Bounced(error) | Done::Temporary(error) | Done::Failed(error) = &done {
                tracing::warn!(notice = notice.id, attempts, %error, "a notice to a voter failed");
            }
            match db
                .record_notice_attempt(notice.id, notice.claim, outcome, micros(now))
                .await
            {
                Ok(()) => {}
                // Another sender took it over after this one's lease ran out.
                Err(urna_store::StoreError::NotFound { .. }) => {
                    tracing::warn!(notice = notice.id, "a notice's claim was taken over");
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
}

/// How one claimed notice went.
enum Done {
    Sent(String),
    Bounced(String),
    Temporary(String),
    Failed(String),
    Skipped(&'static str),
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
            if let Err(error) = super::reminders::queue_due_reminders(&db, Timestamp::now()).await {
                tracing::warn!(%error, "due reminders could not be queued");
            }
            match deliver_due_notices(&db, &mailer, &locales, Timestamp::now()).await {
                Ok(round) if round != NoticeRound::default() => {
                    tracing::info!(
                        sent = round.sent,
                        retrying = round.retrying,
                        failed = round.failed,
                        bounced = round.bounced,
                        skipped = round.skipped,
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
    /// `queued`, `sent`, `failed` or `bounced`; `None` if their link was never e-mailed.
    pub status: Option<&'static str>,
    /// The SMTP server's reply (or why none came), whatever the outcome.
    pub reply: Option<String>,
    /// The reply of a delivery that failed or bounced.
    pub error: Option<String>,
    pub updated_at: Option<String>,
}

/// A notice that could not be delivered.
#[derive(Debug, Clone, Serialize)]
pub struct FailedNoticeView {
    /// Its id, to send it again alone.
    pub id: i64,
    pub voter: String,
    pub kind: String,
    /// `failed` or `bounced`.
    pub status: &'static str,
    pub attempts: i64,
    pub error: Option<String>,
}

/// The e-mail state of an election: link deliveries per voter, notices by status.
#[derive(Debug, Clone, Serialize)]
pub struct MailOverview {
    pub voters: Vec<VoterMailView>,
    pub voters_without_address: usize,
    /// Voters whose last link e-mail failed or bounced.
    pub links_failed: usize,
    pub notices_queued: usize,
    pub notices_sent: usize,
    pub notices_skipped: usize,
    /// Failed and bounced notices.
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
                reply: delivery.and_then(|d| d.reply.clone()),
                error: delivery
                    .filter(|d| matches!(d.status, MailStatus::Failed | MailStatus::Bounced))
                    .and_then(|d| d.reply.clone()),
                updated_at: delivery
                    .and_then(|d| Timestamp::from_microsecond(d.updated_at.0).ok())
                    .map(|t| t.to_string()),
            }
        })
        .collect();
    let count = |status: MailStatus| notices.iter().filter(|n| n.status == status).count();
    Ok(MailOverview {
        voters_without_address: voters.iter().filter(|v| !has_address(v)).count(),
        links_failed: deliveries
            .iter()
            .filter(|d| matches!(d.status, MailStatus::Failed | MailStatus::Bounced))
            .count(),
        voters: views,
        notices_queued: count(MailStatus::Queued),
        notices_sent: count(MailStatus::Sent),
        notices_skipped: count(MailStatus::Skipped),
        notices_failed: notices
            .iter()
            .filter(|n| matches!(n.status, MailStatus::Failed | MailStatus::Bounced))
            .map(|n| FailedNoticeView {
                id: n.id,
                voter: name_of(n.voter),
                kind: n.kind.clone(),
                status: n.status.as_str(),
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
