//! Safe changes while voting runs: move the end (later or earlier), pause and resume, swap or
//! withdraw a candidate, add voters who were missed, fix a typo, strike the ballots cast in an
//! incident window.
//!
//! Every change is made in two steps. [`preview`] says what will change and who is affected
//! (by name and number: whose ballots are struck, who is told), and returns a token: the
//! SHA-256 of the election's revision, the change, and the voters whose ballots it strikes.
//! [`confirm`] recomputes the preview and refuses the change if the token differs, so a
//! preview made before another change (or, for a strike, before someone else voted) cannot be
//! confirmed: the administrator previews again. The token is not a secret, only a fingerprint
//! of what was shown; it is compared in constant time all the same. Then the change, its
//! audit entries and its notices to voters (the outbox of [`super::mail`]) commit together.
//!
//! Choices made here:
//! - A **pause** is the lifecycle state `Paused` (urna-core): ballots are refused with a message
//!   saying voting is paused, and the scheduler never closes a paused election, even past its
//!   end: closing cannot be undone, so the administrators move the end and resume, or close.
//! - A **swap** gives a candidate's place (its option id) to someone else: the option's names
//!   are replaced, the ballot layout and sealed length stay. Ballots are sealed, so the server
//!   cannot tell who named the old candidate: every counted ballot cast before the swap is
//!   struck (a normal strike, with its `strike` event on the board) with the reason
//!   [`SWAP_STRIKE_REASON`], which can never be reinstated (it named another person), and those
//!   voters are told and invited to vote again. Pausing first keeps that set still between
//!   preview and confirm. In a verifiable election a swap is refused once voting has opened:
//!   the public record names options by id only, so after a swap a verifier could not tell
//!   which published ballots were cast for whom; withdraw the candidate instead.
//! - A **withdrawal** keeps ballots (the count skips the candidate); everyone who has voted is
//!   told, since the server cannot see whose ballot names them.
//! - An **incident-window strike** finds, through the private `vote_times`, the voters whose
//!   counted ballot was cast in `[from, to)` (ballots carry no time); each is struck as a
//!   normal strike with its own audit entry and board event, and told.
//! - A **withdrawal after the count** (counted or published) keeps the count as it stands and
//!   adds a recount of that ranked question: the anonymised ballots the count stored (BLT),
//!   the same method and options (seed included), the candidate (and any left out by an
//!   earlier recount) withdrawn. The preview tells how many ballots ranked the candidate and
//!   who is elected in each. Both are published (the recount with the results, or at once if
//!   they are public already) and the results page shows the recount, labelled, under the
//!   original. The public record (docs/record-format.md) keeps the original `result` events
//!   only: the recount is not a new fact about the ballots but a different question asked of
//!   the same published BLT, which anyone reproduces with `urna tally` and the candidate
//!   marked withdrawn. Approval, score and choose-one totals (and verifiable elections, which
//!   publish totals) are refused: the other candidates' totals stand as published.
//! - The token binds the struck voters only for the changes that strike (swap, window): for
//!   the others the voters told are those at confirmation, so that voting need not stop.
//! - Between the token check and the write an election's definition could still change: each
//!   write is guarded by the state compare-and-set of [`super::save_definition`], not by the
//!   revision; two administrators racing within milliseconds is the remaining window.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use urna_core::election::{ElectionError, ElectionEvent, TextTarget};
use urna_core::lifecycle::{Action, Operation, State};
use urna_core::question::{CandidateId, QuestionId};
use urna_core::text::{Lang, Texts};
use urna_core::voters::VoterList;
use urna_store::{Db, VoterRow};

use super::mail::{Notice, NoticesQueued, PreparedNotice};
use super::voters::IssuedLink;
use super::{Actor, LoadedElection, ServiceError, commit_audited, commit_event};
use crate::i18n::Translator;
use fluent_bundle::FluentValue;
use urna_store::NoticeRow;

/// Outbox kind: voting was paused (details: none).
pub const NOTICE_PAUSED: &str = "voting_paused";
/// Outbox kind: voting resumed (details: `closes`, unix microseconds).
pub const NOTICE_RESUMED: &str = "voting_resumed";
/// Outbox kind: the end of voting moved earlier (details: `closes`, unix microseconds).
pub const NOTICE_SHORTENED: &str = "end_shortened";
/// Outbox kind: a candidate was swapped and the voter's ballot struck (details: `question`,
/// `old`, `new`).
pub const NOTICE_SWAPPED: &str = "candidate_swapped";

/// The strike reason of ballots cast before a candidate swap. Such a ballot is never
/// reinstated: it was cast for a list naming someone else.
pub const SWAP_STRIKE_REASON: &str =
    "a candidate was swapped after this ballot was cast; please vote again";

/// An incident window `[from, to)`: checked non-empty when built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "WindowFields")]
pub struct IncidentWindow {
    from: Timestamp,
    to: Timestamp,
}

#[derive(Deserialize)]
struct WindowFields {
    from: Timestamp,
    to: Timestamp,
}

impl TryFrom<WindowFields> for IncidentWindow {
    type Error = String;
    fn try_from(f: WindowFields) -> Result<IncidentWindow, String> {
        IncidentWindow::new(f.from, f.to).map_err(|e| e.to_string())
    }
}

impl IncidentWindow {
    pub fn new(from: Timestamp, to: Timestamp) -> Result<IncidentWindow, ServiceError> {
        if from >= to {
            return Err(ServiceError::Refused(format!(
                "the incident window must end after it starts: it starts {from} and ends {to}"
            )));
        }
        Ok(IncidentWindow { from, to })
    }

    pub fn from(&self) -> Timestamp {
        self.from
    }

    pub fn to(&self) -> Timestamp {
        self.to
    }
}

/// One change to a running election, as the forms and the JSON API name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case", deny_unknown_fields)]
pub enum LiveChange {
    /// Move the end later or earlier (not before now).
    MoveEnd {
        closes: Timestamp,
    },
    Pause,
    Resume,
    /// Give the candidate's place to someone named `name` (in the election's main language).
    SwapCandidate {
        question: QuestionId,
        candidate: CandidateId,
        name: String,
    },
    WithdrawCandidate {
        question: QuestionId,
        candidate: CandidateId,
    },
    /// Voters who were missed, as a voter-list CSV.
    AddVoters {
        csv: String,
    },
    /// Correct a text: titles, descriptions, names (never an option's identity).
    FixText {
        target: TextTarget,
        lang: Lang,
        text: String,
    },
    /// After the count: recount a ranked question without the candidate, keeping the
    /// original result; both are published.
    WithdrawAfterCount {
        question: QuestionId,
        candidate: CandidateId,
    },
    /// Strike the counted ballots cast in `[from, to)`.
    StrikeWindow {
        #[serde(flatten)]
        window: IncidentWindow,
        reason: String,
    },
}

impl LiveChange {
    /// Its name in the API and the audit log.
    pub fn name(&self) -> &'static str {
        match self {
            LiveChange::MoveEnd { .. } => "move_end",
            LiveChange::Pause => "pause",
            LiveChange::Resume => "resume",
            LiveChange::SwapCandidate { .. } => "swap_candidate",
            LiveChange::WithdrawCandidate { .. } => "withdraw_candidate",
            LiveChange::AddVoters { .. } => "add_voters",
            LiveChange::FixText { .. } => "fix_text",
            LiveChange::StrikeWindow { .. } => "strike_window",
            LiveChange::WithdrawAfterCount { .. } => "withdraw_after_count",
        }
    }
}

/// What a change will do, shown before it is confirmed.
#[derive(Debug, Clone, Serialize)]
pub struct LivePreview {
    pub change: LiveChange,
    /// The election's revision the preview was made at.
    pub revision: i64,
    /// The state now, and after the change.
    pub state: State,
    pub state_after: State,
    /// The audit entry the change will write (its domain event), if it changes the definition.
    pub event: Option<serde_json::Value>,
    /// Voters whose counted ballots the change strikes.
    pub struck: Vec<String>,
    /// Voters told by e-mail (those with an address).
    pub told: Vec<String>,
    /// Voters who should be told but have no address.
    pub told_without_address: Vec<String>,
    /// Voters the change adds (add_voters), and those already listed.
    pub added: Vec<String>,
    pub already_listed: Vec<String>,
    /// A withdrawal after the count: how many ballots named the candidate (by weight), and
    /// who was elected in the count and in the recount.
    pub recount: Option<RecountPreview>,
    /// Give this back to [`confirm`].
    pub token: String,
}

/// What a recount after the count would change.
#[derive(Debug, Clone, Serialize)]
pub struct RecountPreview {
    pub question: String,
    pub candidate: String,
    /// Ballots that ranked the candidate anywhere, by weight.
    pub ballots_naming: u64,
    pub elected_in_count: Vec<String>,
    pub elected_in_recount: Vec<String>,
}

/// What a confirmed change did.
#[derive(Debug)]
pub struct LiveOutcome {
    pub preview: LivePreview,
    pub notices: NoticesQueued,
    /// Links of the voters added (each voter's only copy of the token).
    pub links: Vec<IssuedLink>,
}

/// A change checked against the election, nothing written.
struct Plan {
    loaded: LoadedElection,
    /// The election after the change, for the definition changes.
    changed: Option<(LoadedElection, ElectionEvent)>,
    state_after: State,
    struck: Vec<VoterRow>,
    notice: Option<PreparedNotice>,
    told: Vec<VoterRow>,
    added: Vec<String>,
    already_listed: Vec<String>,
    /// The recount's preview and the document to store.
    recount: Option<(RecountPreview, serde_json::Value)>,
}

fn has_address(v: &VoterRow) -> bool {
    v.email.as_deref().is_some_and(|e| !e.trim().is_empty())
}

fn eligible(voters: Vec<VoterRow>) -> Vec<VoterRow> {
    voters.into_iter().filter(|v| !v.revoked).collect()
}

fn who_voted(voters: Vec<VoterRow>) -> Vec<VoterRow> {
    voters.into_iter().filter(|v| v.voted).collect()
}

async fn plan(
    db: &Db,
    slug: &str,
    change: &LiveChange,
    now: Timestamp,
) -> Result<Plan, ServiceError> {
    let loaded = super::load(db, slug).await?;
    let state = loaded.state();
    let mut plan = Plan {
        changed: None,
        state_after: state,
        struck: Vec::new(),
        notice: None,
        told: Vec::new(),
        added: Vec::new(),
        already_listed: Vec::new(),
        recount: None,
        loaded,
    };
    let edit =
        |plan: &Plan,
         f: &dyn Fn(&mut urna_core::election::Election) -> Result<ElectionEvent, ElectionError>|
         -> Result<(LoadedElection, ElectionEvent), ServiceError> {
            let mut after = plan.loaded.clone();
            let event = f(&mut after.election)?;
            Ok((after, event))
        };
    match change {
        LiveChange::MoveEnd { closes } => {
            let changed = edit(&plan, &|e| e.change_end(*closes, now))?;
            plan.told = eligible(db.voters(plan.loaded.row_id).await?);
            plan.notice = Some(match changed.1 {
                ElectionEvent::EndExtended { .. } => {
                    super::mail::prepare_notice(
                        db,
                        &plan.loaded,
                        Notice::Extended { closes: *closes },
                    )
                    .await?
                }
                _ => super::mail::notice_to(
                    &plan.loaded,
                    NOTICE_SHORTENED,
                    serde_json::json!({ "closes": closes.as_microsecond() }),
                    plan.told.clone(),
                ),
            });
            plan.changed = Some(changed);
        }
        LiveChange::Pause | LiveChange::Resume => {
            let (action, kind) = if *change == LiveChange::Pause {
                (Action::Pause, NOTICE_PAUSED)
            } else {
                (Action::Resume, NOTICE_RESUMED)
            };
            let changed = edit(&plan, &|e| e.apply(action, now, 0))?;
            plan.state_after = changed.0.state();
            let closes = changed
                .0
                .election
                .window()
                .map(|w| w.closes().as_microsecond());
            plan.told = eligible(db.voters(plan.loaded.row_id).await?);
            plan.notice = Some(super::mail::notice_to(
                &plan.loaded,
                kind,
                serde_json::json!({ "closes": closes }),
                plan.told.clone(),
            ));
            plan.changed = Some(changed);
        }
        LiveChange::SwapCandidate {
            question,
            candidate,
            name,
        } => {
            if super::board::is_verifiable(&plan.loaded)
                && matches!(state, State::Open | State::Paused)
            {
                return Err(ServiceError::Refused(
                    "a candidate cannot be swapped in a verifiable election once voting has \
                     opened: the public record names options by id only, so a verifier could \
                     not tell which published ballots were cast for whom; withdraw the \
                     candidate instead"
                        .into(),
                ));
            }
            let main = plan.loaded.election.title().default_lang().clone();
            let name = Texts::new(main, name.trim());
            let changed = edit(&plan, &|e| {
                e.swap_candidate(question, candidate, name.clone())
            })?;
            if let ElectionEvent::CandidateSwapped { old, new, .. } = &changed.1 {
                plan.struck = who_voted(db.voters(plan.loaded.row_id).await?);
                plan.told = plan.struck.clone();
                plan.notice = Some(super::mail::notice_to(
                    &plan.loaded,
                    NOTICE_SWAPPED,
                    serde_json::json!({ "question": question.as_str(), "old": old, "new": new }),
                    plan.told.clone(),
                ));
            }
            if !plan.struck.is_empty() {
                super::admin::ensure_strikes_allowed(db, &plan.loaded).await?;
            }
            plan.changed = Some(changed);
        }
        LiveChange::WithdrawCandidate {
            question,
            candidate,
        } => {
            let changed = edit(&plan, &|e| e.withdraw_candidate(question, candidate))?;
            plan.told = who_voted(db.voters(plan.loaded.row_id).await?);
            plan.notice = Some(
                super::mail::prepare_notice(
                    db,
                    &plan.loaded,
                    Notice::Withdrawn {
                        question,
                        candidate,
                    },
                )
                .await?,
            );
            plan.changed = Some(changed);
        }
        LiveChange::AddVoters { csv } => {
            state
                .ensure_allows(Operation::AddVoters)
                .map_err(ElectionError::from)?;
            let list = VoterList::parse_csv(csv, plan.loaded.election.allow_weights())?;
            let existing = db.voters(plan.loaded.row_id).await?;
            for entry in list.iter() {
                let name = entry.voter.as_str().to_owned();
                if existing.iter().any(|v| v.identifier == name) {
                    plan.already_listed.push(name);
                } else {
                    plan.added.push(name);
                }
            }
            if list.excluded().next().is_some() {
                return Err(ServiceError::Refused(
                    "this adds voters who were missed; to exclude voters, use the voter list page"
                        .into(),
                ));
            }
        }
        LiveChange::FixText { target, lang, text } => {
            let changed = edit(&plan, &|e| {
                e.fix_text(target.clone(), lang.clone(), text.clone())
            })?;
            plan.changed = Some(changed);
        }
        LiveChange::WithdrawAfterCount {
            question,
            candidate,
        } => {
            plan.recount = Some(recount_without(db, &plan.loaded, question, candidate).await?);
        }
        LiveChange::StrikeWindow { window, reason } => {
            super::admin::ensure_strikes_allowed(db, &plan.loaded).await?;
            if reason.trim().is_empty() {
                return Err(ServiceError::Refused(
                    "give a reason for striking the ballots".into(),
                ));
            }
            let in_window = db
                .voters_whose_ballot_was_cast_between(
                    plan.loaded.row_id,
                    super::micros(window.from()),
                    super::micros(window.to()),
                )
                .await?;
            let voters = db.voters(plan.loaded.row_id).await?;
            plan.struck = voters
                .into_iter()
                .filter(|v| in_window.iter().any(|w| w.voter == v.id))
                .collect();
            plan.told = plan.struck.clone();
        }
    }
    Ok(plan)
}

/// The recount of `question` without `candidate` (and anyone a previous recount left out),
/// from the anonymised ballots the count stored (BLT), with the same method and options.
async fn recount_without(
    db: &Db,
    loaded: &LoadedElection,
    question_id: &QuestionId,
    candidate: &CandidateId,
) -> Result<(RecountPreview, serde_json::Value), ServiceError> {
    if !matches!(loaded.state(), State::Counted | State::Published) {
        return Err(ServiceError::Refused(format!(
            "a withdrawal is recounted only after the count; the election is {}: withdraw the \
             candidate instead (withdraw_candidate)",
            loaded.state()
        )));
    }
    let question = loaded
        .election
        .questions()
        .iter()
        .find(|q| q.id == *question_id)
        .ok_or_else(|| ServiceError::NoSuchQuestion {
            slug: loaded.slug().to_owned(),
            question: question_id.to_string(),
        })?;
    let index = question.option_index(candidate).ok_or_else(|| {
        ServiceError::Election(ElectionError::Question(
            urna_core::question::QuestionError::UnknownCandidate {
                question: question_id.clone(),
                candidate: candidate.clone(),
            },
        ))
    })?;
    let results = db.results(loaded.row_id, false).await?;
    let original = results
        .iter()
        .find(|r| r.question == question_id.as_str())
        .ok_or_else(|| ServiceError::Refused(format!("question {question_id} has no result")))?;
    let Some(blt) = original.report["ballots_blt"].as_str() else {
        return Err(ServiceError::Refused(format!(
            "question {question_id} is not ranked: a recount after a withdrawal is made from the \
             counted ranked ballots (BLT); for approval, score and choose-one totals, the other \
             candidates' totals stand as published"
        )));
    };
    let mut ballots = urna_tally::blt::parse(blt)
        .map_err(|e| super::corrupt(format!("the stored ballots of {question_id}"), e))?;
    let mut withdrawn: Vec<String> = db
        .recounts(loaded.row_id, false)
        .await?
        .iter()
        .find(|r| r.question == question_id.as_str())
        .and_then(|r| r.report["withdrawn"].as_array().cloned())
        .unwrap_or_default()
        .iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    if withdrawn.iter().any(|w| w == candidate.as_str()) || ballots.info.is_withdrawn(index) {
        return Err(ServiceError::Refused(format!(
            "{candidate} is already left out of the count of {question_id}"
        )));
    }
    withdrawn.push(candidate.as_str().to_owned());
    for id in &withdrawn {
        if let Some(i) = CandidateId::parse(id)
            .ok()
            .and_then(|c| question.option_index(&c))
            && !ballots.info.withdrawn.contains(&i)
        {
            ballots.info.withdrawn.push(i);
        }
    }
    ballots.info.withdrawn.sort_unstable();
    let ballots_naming: u64 = ballots
        .ballots
        .iter()
        .filter(|b| b.candidates().any(|c| c == index))
        .map(|b| b.weight)
        .sum();
    let report = urna_tally::count(
        question.method,
        &urna_tally::Ballots::Ranked(ballots),
        &urna_core::tally::count_options(question),
    )
    .map_err(|e| {
        ServiceError::Refused(format!(
            "question {question_id} could not be recounted: {e}"
        ))
    })?;
    let elected_in_recount: Vec<String> = report
        .elected
        .iter()
        .map(|&c| report.candidates[c].clone())
        .collect();
    let elected_in_count: Vec<String> = original.report["report"]["elected"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let summary = RecountPreview {
        question: question_id.to_string(),
        candidate: question.candidate_name(candidate),
        ballots_naming,
        elected_in_count,
        elected_in_recount,
    };
    let document = serde_json::json!({
        "question": question_id.as_str(),
        "withdrawn": withdrawn,
        "ballots_naming": ballots_naming,
        "report": urna_tally::render::json_value(&report),
    });
    Ok((summary, document))
}

/// The fingerprint of what a preview showed (see the module documentation).
fn token_of(plan: &Plan, change: &LiveChange) -> Result<String, ServiceError> {
    let change_json = serde_json::to_string(change).map_err(|e| super::corrupt("the change", e))?;
    let mut hash = Sha256::new();
    hash.update(b"urna-live-preview-v1\0");
    hash.update(plan.loaded.slug().as_bytes());
    hash.update([0]);
    hash.update(plan.loaded.revision.to_be_bytes());
    hash.update(change_json.as_bytes());
    hash.update([0]);
    for v in &plan.struck {
        hash.update(v.id.0.to_be_bytes());
    }
    Ok(urna_crypto::encoding::to_hex(&hash.finalize()))
}

fn preview_of(plan: &Plan, change: &LiveChange) -> Result<LivePreview, ServiceError> {
    let names = |voters: &[VoterRow]| -> Vec<String> {
        voters.iter().map(|v| v.identifier.clone()).collect()
    };
    let (with, without): (Vec<VoterRow>, Vec<VoterRow>) =
        plan.told.iter().cloned().partition(has_address);
    Ok(LivePreview {
        change: change.clone(),
        revision: plan.loaded.revision,
        state: plan.loaded.state(),
        state_after: plan.state_after,
        event: plan.changed.as_ref().map(|(_, e)| e.audit_details()),
        struck: names(&plan.struck),
        told: names(&with),
        told_without_address: names(&without),
        added: plan.added.clone(),
        already_listed: plan.already_listed.clone(),
        recount: plan.recount.as_ref().map(|(p, _)| p.clone()),
        token: token_of(plan, change)?,
    })
}

/// What `change` would do now, and the token to confirm it with. Writes nothing.
pub async fn preview(
    db: &Db,
    slug: &str,
    change: &LiveChange,
    now: Timestamp,
) -> Result<LivePreview, ServiceError> {
    let plan = plan(db, slug, change, now).await?;
    preview_of(&plan, change)
}

/// Makes `change` if the election is still as the preview with `token` showed it.
pub async fn confirm(
    db: &Db,
    slug: &str,
    change: &LiveChange,
    token: &str,
    actor: Actor,
    now: Timestamp,
) -> Result<LiveOutcome, ServiceError> {
    use subtle::ConstantTimeEq as _;
    let plan = plan(db, slug, change, now).await?;
    let preview = preview_of(&plan, change)?;
    if !bool::from(preview.token.as_bytes().ct_eq(token.trim().as_bytes())) {
        return Err(ServiceError::Conflict {
            actual: format!(
                "at revision {}, with {} ballot(s) to strike; this preview is out of date, so \
                 preview the change again",
                preview.revision,
                preview.struck.len()
            ),
        });
    }
    let Plan {
        loaded,
        changed,
        struck,
        notice,
        recount,
        ..
    } = plan;
    if let Some((summary, document)) = recount {
        // Public at once if the results already are; otherwise with them (service::publish).
        let published = loaded.state() == State::Published;
        let mut tx = db.begin_write().await?;
        tx.put_recount(
            loaded.row_id,
            &summary.question,
            &document,
            published,
            super::micros(now),
        )
        .await?;
        commit_audited(
            tx,
            loaded.row_id,
            actor,
            "recounted_after_withdrawal",
            &serde_json::to_value(&summary).map_err(|e| super::corrupt("the recount", e))?,
            now,
        )
        .await?;
        return Ok(LiveOutcome {
            preview,
            notices: NoticesQueued::default(),
            links: Vec::new(),
        });
    }
    let mut links = Vec::new();
    if let LiveChange::AddVoters { csv } = change {
        let outcome = super::voters::upload_voters(db, slug, csv, actor, now).await?;
        links = outcome.issued;
        return Ok(LiveOutcome {
            preview,
            notices: NoticesQueued::default(),
            links,
        });
    }
    // Every strike notice is read before the transaction begins (on SQLite it holds the
    // writer).
    let mut strike_notices = Vec::new();
    if let LiveChange::StrikeWindow { reason, .. } = change {
        for voter in &struck {
            strike_notices.push(
                super::mail::prepare_notice(
                    db,
                    &loaded,
                    Notice::Struck {
                        voter,
                        reason: reason.trim(),
                    },
                )
                .await?,
            );
        }
    }
    let strike_reason = match change {
        LiveChange::StrikeWindow { reason, .. } => reason.trim(),
        _ => SWAP_STRIKE_REASON,
    };
    let step = match change {
        LiveChange::Pause => {
            Some(super::lifecycle::plan(db, loaded.clone(), Action::Pause, now).await?)
        }
        LiveChange::Resume => {
            Some(super::lifecycle::plan(db, loaded.clone(), Action::Resume, now).await?)
        }
        _ => None,
    };
    let mut tx = db.begin_write().await?;
    // The board lock first (see urna_store::board), then each strike and its board event.
    for voter in &struck {
        super::board::append_strike(&mut tx, loaded.row_id, voter.id, true).await?;
        tx.strike_ballot(loaded.row_id, voter.id, strike_reason)
            .await?;
        let details = serde_json::json!({
            "voter": voter.identifier,
            "reason": strike_reason,
            "by": change.name(),
        });
        tx.append_audit(urna_store::NewAuditEntry {
            election: Some(loaded.row_id),
            at: super::micros(now),
            actor: &actor.to_string(),
            action: "ballot_struck",
            details: &details,
        })
        .await?;
    }
    let mut notices = NoticesQueued::default();
    for n in notice.iter().chain(&strike_notices) {
        let queued = n.queue_in(&mut tx, now).await?;
        notices.queued += queued.queued;
        notices.skipped_no_address += queued.skipped_no_address;
    }
    match (change, changed) {
        (LiveChange::Pause | LiveChange::Resume, Some(_)) => {
            let Some(mut step) = step else {
                return Err(super::corrupt("a pause or resume", "no lifecycle step"));
            };
            step.write(&mut tx, now).await?;
            commit_event(tx, loaded.row_id, actor, &step.event, now).await?;
        }
        (_, Some((after, event))) => {
            super::save_definition(&mut tx, &after, loaded.state(), now).await?;
            commit_event(tx, loaded.row_id, actor, &event, now).await?;
        }
        (LiveChange::StrikeWindow { window, reason }, None) => {
            commit_audited(
                tx,
                loaded.row_id,
                actor,
                "incident_window_struck",
                &serde_json::json!({
                    "from": window.from(),
                    "to": window.to(),
                    "reason": reason.trim(),
                    "voters": preview.struck,
                }),
                now,
            )
            .await?;
        }
        (_, None) => {
            return Err(ServiceError::Refused(format!(
                "the change {} has nothing to write",
                change.name()
            )));
        }
    }
    Ok(LiveOutcome {
        preview,
        notices,
        links,
    })
}

/// Whether a struck ballot may be reinstated: not one struck by a candidate swap.
pub(crate) fn may_unstrike(reason: Option<&str>) -> Result<(), ServiceError> {
    if reason == Some(SWAP_STRIKE_REASON) {
        return Err(ServiceError::Refused(
            "this ballot was struck because a candidate was swapped after it was cast: it named \
             someone who is no longer on the ballot, so it cannot be reinstated"
                .into(),
        ));
    }
    Ok(())
}

/// The subject key and body of a notice this module queues, or `None` for another kind.
pub(crate) fn notice_text(
    tr: &Translator,
    loaded: &LoadedElection,
    notice: &NoticeRow,
    election: &str,
) -> Result<Option<(&'static str, String)>, ServiceError> {
    let closes = || -> Result<String, ServiceError> {
        let at = notice.details["closes"]
            .as_i64()
            .and_then(|us| Timestamp::from_microsecond(us).ok())
            .ok_or_else(|| {
                super::corrupt(format!("notice {}", notice.id), "no valid \"closes\"")
            })?;
        Ok(loaded
            .election
            .window()
            .map_or_else(|| at.to_string(), |w| w.describe(at, None)))
    };
    let text = |key: &str| -> Result<String, ServiceError> {
        notice.details[key]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| {
                super::corrupt(
                    format!("notice {}", notice.id),
                    format!("no {key:?} in its details"),
                )
            })
    };
    let election = FluentValue::from(election);
    Ok(Some(match notice.kind.as_str() {
        NOTICE_PAUSED => (
            "live-mail-paused-subject",
            tr.t_args("live-mail-paused-body", &[("election", election)]),
        ),
        NOTICE_RESUMED => (
            "live-mail-resumed-subject",
            tr.t_args(
                "live-mail-resumed-body",
                &[
                    ("election", election),
                    ("closes", FluentValue::from(closes()?)),
                ],
            ),
        ),
        NOTICE_SHORTENED => (
            "live-mail-shortened-subject",
            tr.t_args(
                "live-mail-shortened-body",
                &[
                    ("election", election),
                    ("closes", FluentValue::from(closes()?)),
                ],
            ),
        ),
        NOTICE_SWAPPED => {
            let question_id = text("question")?;
            let question = loaded
                .election
                .questions()
                .iter()
                .find(|q| q.id.as_str() == question_id)
                .map_or(question_id.clone(), |q| q.title.default_text().to_owned());
            (
                "live-mail-swapped-subject",
                tr.t_args(
                    "live-mail-swapped-body",
                    &[
                        ("election", election),
                        ("question", FluentValue::from(question)),
                        ("old", FluentValue::from(text("old")?)),
                        ("new", FluentValue::from(text("new")?)),
                    ],
                ),
            )
        }
        _ => return Ok(None),
    }))
}
