//! An election: its definition (title, questions, window, settings, languages) and its
//! lifecycle state, with the operations admins and the scheduler perform. Each operation checks
//! the state first and returns an [`ElectionEvent`] for the audit log.
//!
//! [`ElectionSpec`] is the JSON document the store keeps and the API exchanges;
//! `Election::try_from(spec)` checks it (every question, unique question ids, languages).

use std::collections::HashSet;
use std::fmt;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::ballot::{BallotError, PlainBallot, ValidBallot};
use crate::encoding::crockford_encode_bits;
use crate::lifecycle::{Action, LifecycleError, Operation, State};
use crate::question::{CandidateId, Question, QuestionError, QuestionId, QuestionSpec};
use crate::text::{Lang, TextError, Texts};
use crate::window::{VotingWindow, WindowError, WindowStatus};

/// An election's permanent id: 128 random bits as 26 Crockford base32 characters. Random, so
/// that ids reveal neither how many elections exist nor which came first.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ElectionId(String);

impl ElectionId {
    pub fn generate() -> Result<ElectionId, ElectionError> {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).map_err(|e| ElectionError::Random(e.to_string()))?;
        Ok(ElectionId(crockford_encode_bits(&bytes, 128)))
    }

    pub fn parse(s: &str) -> Result<ElectionId, ElectionError> {
        let ok = s.len() == 26
            && s.bytes()
                .all(|b| b"0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(&b))
            // 26 characters hold 130 bits; the last holds 3 bits of the id and 2 zero bits.
            && s.bytes().last().is_some_and(|b| b"048CGMRW".contains(&b));
        if ok {
            Ok(ElectionId(s.to_owned()))
        } else {
            Err(ElectionError::BadId(s.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ElectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for ElectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ElectionId({})", self.0)
    }
}

impl TryFrom<String> for ElectionId {
    type Error = ElectionError;
    fn try_from(s: String) -> Result<ElectionId, ElectionError> {
        ElectionId::parse(&s)
    }
}

impl From<ElectionId> for String {
    fn from(id: ElectionId) -> String {
        id.0
    }
}

/// The election's name in URLs: `board-2026`. 1–64 lower-case letters, digits and inner
/// hyphens.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl Slug {
    pub fn parse(s: &str) -> Result<Slug, ElectionError> {
        let ok = (1..=64).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-');
        if ok {
            Ok(Slug(s.to_owned()))
        } else {
            Err(ElectionError::BadSlug(s.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Slug({})", self.0)
    }
}

impl TryFrom<String> for Slug {
    type Error = ElectionError;
    fn try_from(s: String) -> Result<Slug, ElectionError> {
        Slug::parse(&s)
    }
}

impl From<Slug> for String {
    fn from(s: Slug) -> String {
        s.0
    }
}

/// The election as the store keeps it and the JSON API exchanges it, before checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectionSpec {
    pub id: ElectionId,
    pub slug: Slug,
    pub title: Texts,
    #[serde(default)]
    pub questions: Vec<QuestionSpec>,
    /// Not yet set while a draft is being written.
    #[serde(default)]
    pub window: Option<VotingWindow>,
    #[serde(default)]
    pub state: State,
    /// Whether a voter may vote again, replacing the earlier ballot.
    #[serde(default = "yes")]
    pub allow_revote: bool,
    /// Whether voters may carry weights (from the voter list).
    #[serde(default)]
    pub allow_weights: bool,
    /// The languages the election is offered in; the first is its main language.
    pub languages: Vec<Lang>,
    /// How its ballots are counted; omitted (and written only when not) `sealed`.
    #[serde(default, skip_serializing_if = "Counting::is_sealed")]
    pub counting: Counting,
}

/// How an election's ballots are counted, chosen when it is created.
///
/// - `sealed` (the default): sealed ballots opened by the trustees after the freeze, or, when
///   every question can be counted from encrypted totals, a verifiable election
///   (docs/record-format.md §1–§5).
/// - `mixnet`: every question is ranked (at most [`MAX_MIXNET_OPTIONS`] options); ballots are
///   encrypted rankings shuffled by the trustees in turn, then decrypted with proofs and
///   counted (docs/record-format.md Appendix A.6–A.7).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Counting {
    #[default]
    Sealed,
    Mixnet,
}

impl Counting {
    pub fn is_sealed(&self) -> bool {
        *self == Counting::Sealed
    }

    pub fn name(self) -> &'static str {
        match self {
            Counting::Sealed => "sealed",
            Counting::Mixnet => "mixnet",
        }
    }
}

/// The most options a question of a mixnet election may have (docs/record-format.md A.1).
pub const MAX_MIXNET_OPTIONS: usize = 70;

fn yes() -> bool {
    true
}

/// A checked election.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Election {
    id: ElectionId,
    slug: Slug,
    title: Texts,
    questions: Vec<Question>,
    window: Option<VotingWindow>,
    state: State,
    allow_revote: bool,
    allow_weights: bool,
    languages: Vec<Lang>,
    counting: Counting,
}

impl Serialize for Election {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_spec().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Election {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Election, D::Error> {
        let spec = ElectionSpec::deserialize(d)?;
        Election::try_from(spec).map_err(serde::de::Error::custom)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ElectionError {
    #[error("{0:?} is not an election id (26 characters of Crockford base32)")]
    BadId(String),
    #[error(
        "{0:?} is not a valid short name: use 1–64 lower-case letters, digits and hyphens, not starting or ending with a hyphen"
    )]
    BadSlug(String),
    #[error("the election must be offered in at least one language")]
    NoLanguages,
    #[error("the language {0} is listed twice")]
    DuplicateLanguage(Lang),
    #[error("the title's default language {0} is not one of the election's languages")]
    TitleLanguage(Lang),
    #[error("the title: {0}")]
    Title(TextError),
    #[error(transparent)]
    Question(#[from] QuestionError),
    #[error(transparent)]
    Window(#[from] WindowError),
    #[error(transparent)]
    Lifecycle(#[from] LifecycleError),
    #[error("{0}")]
    NotReady(ReadinessError),
    #[error("the election has no voting window yet")]
    NoWindow,
    #[error("voting has not started: it opens {opens}")]
    NotYetOpen { opens: String },
    #[error("voting has closed: it closed {closes}")]
    VotingClosed { closes: String },
    #[error("voting is not open: the election is {0}")]
    NotOpen(State),
    #[error(
        "voting is paused by the election's administrators; your ballot was not taken — try again later"
    )]
    VotingPaused,
    #[error(
        "the end of voting ({closes}) passed while voting was paused: move the end later before resuming, or close the election"
    )]
    EndPassedWhilePaused { closes: String },
    #[error("the new end {new} is not after now ({now}): to stop voting now, close the election")]
    EndBeforeNow { new: String, now: String },
    #[error("the new end {new} is the current end")]
    EndUnchanged { new: String },
    #[error("{candidate} in question {question} is withdrawn; there is no place to swap")]
    SwapWithdrawn {
        question: QuestionId,
        candidate: CandidateId,
    },
    #[error("the edited election has id {found}, not {expected}")]
    IdChanged {
        expected: ElectionId,
        found: ElectionId,
    },
    #[error("the state changes only through lifecycle actions (from {from} to {to} requested)")]
    StateChanged { from: State, to: State },
    #[error("{what}: {source}")]
    Text { what: String, source: TextError },
    #[error("the system random number generator failed: {0}")]
    Random(String),
    #[error("question {question} cannot be counted through the mixnet: {reason}")]
    NotMixnet {
        question: QuestionId,
        reason: String,
    },
}

/// Why an election cannot be marked ready: every problem, not just the first.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("the election is not ready: {}", .problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
pub struct ReadinessError {
    pub problems: Vec<ReadinessProblem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReadinessProblem {
    #[error("it has no questions")]
    NoQuestions,
    #[error("it has no voting window")]
    NoWindow,
    #[error("the voting window starts in the past ({opens})")]
    OpensInPast { opens: String },
    #[error("the voter list is empty")]
    NoVoters,
}

/// A text that lacks a translation into one of the election's languages: a rehearsal warning,
/// not a reason to refuse `ready`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingTranslation {
    pub target: TextTarget,
    pub languages: Vec<Lang>,
}

/// Which text of an election.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "text", rename_all = "snake_case")]
pub enum TextTarget {
    ElectionTitle,
    QuestionTitle {
        question: QuestionId,
    },
    QuestionDescription {
        question: QuestionId,
    },
    CandidateName {
        question: QuestionId,
        candidate: CandidateId,
    },
}

impl fmt::Display for TextTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextTarget::ElectionTitle => write!(f, "the election title"),
            TextTarget::QuestionTitle { question } => write!(f, "the title of question {question}"),
            TextTarget::QuestionDescription { question } => {
                write!(f, "the description of question {question}")
            }
            TextTarget::CandidateName {
                question,
                candidate,
            } => write!(f, "the name of {candidate} in question {question}"),
        }
    }
}

/// What happened, for the audit log (`action` and `details`) and for notifying voters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum ElectionEvent {
    DefinitionUpdated,
    StateChanged {
        action: Action,
        from: State,
        to: State,
        /// The window after the change (opening early or closing early moves it).
        opens: Option<Timestamp>,
        closes: Option<Timestamp>,
    },
    EndExtended {
        from: Timestamp,
        to: Timestamp,
    },
    EndShortened {
        from: Timestamp,
        to: Timestamp,
    },
    CandidateSwapped {
        question: QuestionId,
        candidate: CandidateId,
        /// The default-language names before and after.
        old: String,
        new: String,
    },
    CandidateWithdrawn {
        question: QuestionId,
        candidate: CandidateId,
    },
    TextFixed {
        target: TextTarget,
        lang: Lang,
        old: Option<String>,
        new: String,
    },
}

impl ElectionEvent {
    /// The audit log's `action` column.
    pub fn audit_action(&self) -> &'static str {
        match self {
            ElectionEvent::DefinitionUpdated => "definition_updated",
            ElectionEvent::StateChanged { .. } => "state_changed",
            ElectionEvent::EndExtended { .. } => "end_extended",
            ElectionEvent::EndShortened { .. } => "end_shortened",
            ElectionEvent::CandidateSwapped { .. } => "candidate_swapped",
            ElectionEvent::CandidateWithdrawn { .. } => "candidate_withdrawn",
            ElectionEvent::TextFixed { .. } => "text_fixed",
        }
    }

    /// The audit log's `details`.
    pub fn audit_details(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

impl TryFrom<ElectionSpec> for Election {
    type Error = ElectionError;
    fn try_from(spec: ElectionSpec) -> Result<Election, ElectionError> {
        if spec.languages.is_empty() {
            return Err(ElectionError::NoLanguages);
        }
        let mut langs = HashSet::new();
        for l in &spec.languages {
            if !langs.insert(l) {
                return Err(ElectionError::DuplicateLanguage(l.clone()));
            }
        }
        if !langs.contains(spec.title.default_lang()) {
            return Err(ElectionError::TitleLanguage(
                spec.title.default_lang().clone(),
            ));
        }
        spec.title
            .require_default_text()
            .map_err(ElectionError::Title)?;
        let mut ids = HashSet::new();
        let mut questions = Vec::with_capacity(spec.questions.len());
        for q in spec.questions {
            if !ids.insert(q.id.clone()) {
                return Err(QuestionError::DuplicateQuestion(q.id).into());
            }
            questions.push(Question::try_from(q)?);
        }
        if spec.counting == Counting::Mixnet {
            questions.iter().try_for_each(check_mixnet_question)?;
        }
        Ok(Election {
            id: spec.id,
            slug: spec.slug,
            title: spec.title,
            questions,
            window: spec.window,
            state: spec.state,
            allow_revote: spec.allow_revote,
            allow_weights: spec.allow_weights,
            languages: spec.languages,
            counting: spec.counting,
        })
    }
}

/// A mixnet election's question is ranked, with 1 to [`MAX_MIXNET_OPTIONS`] options
/// (docs/record-format.md A.6).
fn check_mixnet_question(q: &Question) -> Result<(), ElectionError> {
    let reason = if !matches!(q.ballot_type, crate::question::BallotType::Ranked { .. }) {
        format!(
            "its ballot type is {}, not ranked",
            q.ballot_type.describe()
        )
    } else if q.options.len() > MAX_MIXNET_OPTIONS {
        format!(
            "it has {} options, more than the {MAX_MIXNET_OPTIONS} a mixnet ballot holds",
            q.options.len()
        )
    } else {
        return Ok(());
    };
    Err(ElectionError::NotMixnet {
        question: q.id.clone(),
        reason,
    })
}

impl Election {
    pub fn to_spec(&self) -> ElectionSpec {
        ElectionSpec {
            id: self.id.clone(),
            slug: self.slug.clone(),
            title: self.title.clone(),
            questions: self
                .questions
                .iter()
                .cloned()
                .map(QuestionSpec::from)
                .collect(),
            window: self.window.clone(),
            state: self.state,
            allow_revote: self.allow_revote,
            allow_weights: self.allow_weights,
            languages: self.languages.clone(),
            counting: self.counting,
        }
    }

    /// How the election's ballots are counted.
    pub fn counting(&self) -> Counting {
        self.counting
    }

    pub fn id(&self) -> &ElectionId {
        &self.id
    }
    pub fn slug(&self) -> &Slug {
        &self.slug
    }
    pub fn title(&self) -> &Texts {
        &self.title
    }
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }
    pub fn window(&self) -> Option<&VotingWindow> {
        self.window.as_ref()
    }
    pub fn state(&self) -> State {
        self.state
    }
    pub fn allow_revote(&self) -> bool {
        self.allow_revote
    }
    pub fn allow_weights(&self) -> bool {
        self.allow_weights
    }
    pub fn languages(&self) -> &[Lang] {
        &self.languages
    }

    /// Replaces the definition (a draft being edited). The id and state must not change.
    pub fn update(&mut self, spec: ElectionSpec) -> Result<ElectionEvent, ElectionError> {
        self.state.ensure_allows(Operation::EditDefinition)?;
        if spec.id != self.id {
            return Err(ElectionError::IdChanged {
                expected: self.id.clone(),
                found: spec.id,
            });
        }
        if spec.state != self.state {
            return Err(ElectionError::StateChanged {
                from: self.state,
                to: spec.state,
            });
        }
        *self = Election::try_from(spec)?;
        Ok(ElectionEvent::DefinitionUpdated)
    }

    /// Every problem that keeps the election from `ready`, given the time and the size of the
    /// voter list (kept by the store). Window end ≤ start and invalid questions cannot occur
    /// here: [`VotingWindow`] and [`Question`] refuse them when built.
    pub fn readiness_problems(&self, now: Timestamp, voters: usize) -> Vec<ReadinessProblem> {
        let mut problems = Vec::new();
        if self.questions.is_empty() {
            problems.push(ReadinessProblem::NoQuestions);
        }
        match &self.window {
            None => problems.push(ReadinessProblem::NoWindow),
            Some(w) if w.opens() < now => problems.push(ReadinessProblem::OpensInPast {
                opens: w.zone().local(w.opens()).to_string(),
            }),
            Some(_) => {}
        }
        if voters == 0 {
            problems.push(ReadinessProblem::NoVoters);
        }
        problems
    }

    pub fn validate_for_ready(&self, now: Timestamp, voters: usize) -> Result<(), ReadinessError> {
        let problems = self.readiness_problems(now, voters);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(ReadinessError { problems })
        }
    }

    /// Every text lacking a version in one of the election's languages (for the rehearsal).
    pub fn missing_translations(&self) -> Vec<MissingTranslation> {
        let mut out = Vec::new();
        let mut check = |target: TextTarget, texts: &Texts| {
            let languages = texts.missing_languages(&self.languages);
            if !languages.is_empty() {
                out.push(MissingTranslation { target, languages });
            }
        };
        check(TextTarget::ElectionTitle, &self.title);
        for q in &self.questions {
            let question = q.id.clone();
            check(
                TextTarget::QuestionTitle {
                    question: question.clone(),
                },
                &q.title,
            );
            if let Some(d) = &q.description {
                check(
                    TextTarget::QuestionDescription {
                        question: question.clone(),
                    },
                    d,
                );
            }
            for c in &q.options {
                check(
                    TextTarget::CandidateName {
                        question: question.clone(),
                        candidate: c.id.clone(),
                    },
                    &c.name,
                );
            }
        }
        out
    }

    /// Applies a lifecycle action at time `now`. `voters` is the size of the voter list, for
    /// the readiness check of `mark_ready`.
    ///
    /// Opening by hand before the scheduled start moves the start to `now`; closing by hand
    /// before the scheduled end moves the end to `now`, so that the window always says when
    /// ballots were accepted.
    pub fn apply(
        &mut self,
        action: Action,
        now: Timestamp,
        voters: usize,
    ) -> Result<ElectionEvent, ElectionError> {
        let to = self.state.transition(action)?;
        let mut window = self.window.clone();
        match action {
            Action::MarkReady => self
                .validate_for_ready(now, voters)
                .map_err(ElectionError::NotReady)?,
            Action::Open => {
                let w = self.window.as_ref().ok_or(ElectionError::NoWindow)?;
                if now < w.opens() {
                    window = Some(w.with_opens(now)?);
                }
            }
            Action::Close => {
                let w = self.window.as_ref().ok_or(ElectionError::NoWindow)?;
                if now < w.closes() {
                    window = Some(w.with_closes(now)?);
                }
            }
            Action::Resume => {
                let w = self.window.as_ref().ok_or(ElectionError::NoWindow)?;
                if now >= w.closes() {
                    return Err(ElectionError::EndPassedWhilePaused {
                        closes: w.zone().local(w.closes()).to_string(),
                    });
                }
            }
            _ => {}
        }
        let from = self.state;
        self.state = to;
        self.window = window;
        Ok(ElectionEvent::StateChanged {
            action,
            from,
            to,
            opens: self.window.as_ref().map(VotingWindow::opens),
            closes: self.window.as_ref().map(VotingWindow::closes),
        })
    }

    /// What the scheduler should do at `now`: open a ready election whose start has come,
    /// close an open one whose end has passed. A paused election is left alone, even past its
    /// end: closing cannot be undone, so the administrators decide (see [`State::Paused`]).
    pub fn due_action(&self, now: Timestamp) -> Option<Action> {
        let w = self.window.as_ref()?;
        match (self.state, w.status_at(now)) {
            (State::Ready, WindowStatus::Open | WindowStatus::After) => Some(Action::Open),
            (State::Open, WindowStatus::After) => Some(Action::Close),
            _ => None,
        }
    }

    /// Whether a ballot cast at `now` is accepted, or why not.
    pub fn check_accepts_ballot(&self, now: Timestamp) -> Result<(), ElectionError> {
        if self.state == State::Paused {
            return Err(ElectionError::VotingPaused);
        }
        if !self.state.accepts_ballots() {
            return Err(ElectionError::NotOpen(self.state));
        }
        let w = self.window.as_ref().ok_or(ElectionError::NoWindow)?;
        match w.status_at(now) {
            WindowStatus::Open => Ok(()),
            WindowStatus::Before => Err(ElectionError::NotYetOpen {
                opens: w.zone().local(w.opens()).to_string(),
            }),
            WindowStatus::After => Err(ElectionError::VotingClosed {
                closes: w.zone().local(w.closes()).to_string(),
            }),
        }
    }

    /// Checks a submitted ballot against the questions.
    pub fn validate_ballot(&self, ballot: PlainBallot) -> Result<ValidBallot, BallotError> {
        ballot.validate(&self.questions)
    }

    /// The padded length of every encoded ballot of this election.
    pub fn ballot_len(&self) -> usize {
        crate::ballot::max_encoded_len(&self.questions)
    }

    /// Moves the end later (voters are to be told).
    pub fn extend_end(&mut self, closes: Timestamp) -> Result<ElectionEvent, ElectionError> {
        self.state.ensure_allows(Operation::ExtendEnd)?;
        let w = self.window.as_ref().ok_or(ElectionError::NoWindow)?;
        let from = w.closes();
        self.window = Some(w.extended_to(closes)?);
        Ok(ElectionEvent::EndExtended { from, to: closes })
    }

    /// Moves the end later or earlier. An earlier end must still be after `now` (closing now
    /// is the `close` action); a later one follows [`VotingWindow::extended_to`].
    pub fn change_end(
        &mut self,
        closes: Timestamp,
        now: Timestamp,
    ) -> Result<ElectionEvent, ElectionError> {
        self.state.ensure_allows(Operation::ExtendEnd)?;
        let w = self.window.as_ref().ok_or(ElectionError::NoWindow)?;
        let from = w.closes();
        if closes == from {
            return Err(ElectionError::EndUnchanged {
                new: w.zone().local(closes).to_string(),
            });
        }
        if closes > from {
            return self.extend_end(closes);
        }
        if closes <= now {
            return Err(ElectionError::EndBeforeNow {
                new: w.zone().local(closes).to_string(),
                now: w.zone().local(now).to_string(),
            });
        }
        self.window = Some(w.with_closes(closes)?);
        Ok(ElectionEvent::EndShortened { from, to: closes })
    }

    /// Gives a candidate's place on the ballot to someone else: every name of the option is
    /// replaced by `name`; its id, and so the ballot layout and sealed length, stay. Ballots
    /// cast before name the old candidate, so the caller strikes them (see urna-web
    /// `service::live`). A withdrawn candidate is not swapped.
    pub fn swap_candidate(
        &mut self,
        question: &QuestionId,
        candidate: &CandidateId,
        name: Texts,
    ) -> Result<ElectionEvent, ElectionError> {
        self.state.ensure_allows(Operation::SwapCandidate)?;
        let q = self.question_mut(question)?;
        let qid = q.id.clone();
        let unknown = || QuestionError::UnknownCandidate {
            question: qid.clone(),
            candidate: candidate.clone(),
        };
        let current = q.candidate(candidate).ok_or_else(unknown)?;
        if current.withdrawn {
            return Err(ElectionError::SwapWithdrawn {
                question: qid.clone(),
                candidate: candidate.clone(),
            });
        }
        let old = current.name.default_text().to_owned();
        let new = name.default_text().to_owned();
        if new.trim().is_empty() {
            return Err(ElectionError::Text {
                what: format!("the new name of {candidate} in question {qid}"),
                source: TextError::Empty(name.default_lang().clone()),
            });
        }
        *q.texts_mut_candidate(candidate).ok_or_else(unknown)? = name;
        Ok(ElectionEvent::CandidateSwapped {
            question: question.clone(),
            candidate: candidate.clone(),
            old,
            new,
        })
    }

    /// Withdraws a candidate; ballots naming them stay valid and the count skips them.
    pub fn withdraw_candidate(
        &mut self,
        question: &QuestionId,
        candidate: &CandidateId,
    ) -> Result<ElectionEvent, ElectionError> {
        self.state.ensure_allows(Operation::WithdrawCandidate)?;
        let q = self.question_mut(question)?;
        q.withdraw(candidate)?;
        Ok(ElectionEvent::CandidateWithdrawn {
            question: question.clone(),
            candidate: candidate.clone(),
        })
    }

    /// Sets the version of a text in `lang` (a typo fixed, a translation added). The default
    /// version of a title or name cannot become blank.
    pub fn fix_text(
        &mut self,
        target: TextTarget,
        lang: Lang,
        text: String,
    ) -> Result<ElectionEvent, ElectionError> {
        self.state.ensure_allows(Operation::FixText)?;
        let may_be_blank = matches!(target, TextTarget::QuestionDescription { .. });
        let texts: &mut Texts = match &target {
            TextTarget::ElectionTitle => &mut self.title,
            TextTarget::QuestionTitle { question } => {
                self.question_mut(question)?.texts_mut_title()
            }
            TextTarget::QuestionDescription { question } => {
                let q = self.question_mut(question)?;
                q.texts_mut_description(&lang)
            }
            TextTarget::CandidateName {
                question,
                candidate,
            } => {
                let q = self.question_mut(question)?;
                let qid = q.id.clone();
                q.texts_mut_candidate(candidate)
                    .ok_or_else(|| QuestionError::UnknownCandidate {
                        question: qid,
                        candidate: candidate.clone(),
                    })?
            }
        };
        if !may_be_blank && lang == *texts.default_lang() && text.trim().is_empty() {
            return Err(ElectionError::Text {
                what: target.to_string(),
                source: TextError::Empty(lang),
            });
        }
        let old = texts.exact(&lang).map(str::to_owned);
        texts.set(lang.clone(), text.clone());
        Ok(ElectionEvent::TextFixed {
            target,
            lang,
            old,
            new: text,
        })
    }

    fn question_mut(&mut self, id: &QuestionId) -> Result<&mut Question, ElectionError> {
        self.questions
            .iter_mut()
            .find(|q| q.id == *id)
            .ok_or_else(|| QuestionError::UnknownQuestion(id.clone()).into())
    }
}

#[cfg(test)]
mod tests {
    use urna_tally::Method;

    use super::*;
    use crate::ballot::Answer;
    use crate::question::BallotType;
    use crate::question::test_util::*;
    use crate::text::lang;
    use crate::window::ElectionZone;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn spec() -> ElectionSpec {
        ElectionSpec {
            id: ElectionId::parse("0123456789ABCDEFGHJKMNPQR0").unwrap(),
            slug: Slug::parse("board-2026").unwrap(),
            title: Texts::new(lang("en"), "Board election 2026"),
            questions: vec![
                spec_q(
                    "board",
                    BallotType::Approval { min: 0, max: 2 },
                    Method::Approval,
                    2,
                    &["Ann", "Bob", "Cy"],
                ),
                spec_q("chair", RANKED, Method::Meek, 1, &["Ann", "Bob"]),
            ],
            window: Some(
                VotingWindow::new(
                    ts("2026-11-01T12:00:00Z"),
                    ts("2026-12-01T11:59:00Z"),
                    ElectionZone::parse("AoE").unwrap(),
                )
                .unwrap(),
            ),
            state: State::Draft,
            allow_revote: true,
            allow_weights: false,
            languages: vec![lang("en"), lang("ar"), lang("zh")],
            counting: Counting::Sealed,
        }
    }

    #[test]
    fn a_mixnet_election_has_only_ranked_questions_and_keeps_its_setting() {
        // spec() has an approval question ("board") and a ranked one ("chair").
        let mut s = spec();
        s.counting = Counting::Mixnet;
        assert_eq!(
            Election::try_from(s.clone()).unwrap_err().to_string(),
            "question board cannot be counted through the mixnet: its ballot type is approval, not ranked"
        );
        s.questions.remove(0);
        let e = Election::try_from(s).unwrap();
        assert_eq!(e.counting(), Counting::Mixnet);
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["counting"], "mixnet");
        // The default is written as nothing, so existing definitions read and write unchanged.
        let sealed = serde_json::to_value(election()).unwrap();
        assert!(sealed.get("counting").is_none());
    }

    fn spec_q(id: &str, b: BallotType, m: Method, seats: usize, names: &[&str]) -> QuestionSpec {
        crate::question::test_util::spec(id, b, m, seats, names)
    }

    fn election() -> Election {
        Election::try_from(spec()).unwrap()
    }

    #[test]
    fn json_round_trip_with_checks_on_the_way_in() {
        let e = election();
        let json = serde_json::to_string(&e).unwrap();
        let back: Election = serde_json::from_str(&json).unwrap();
        assert_eq!(back, e);

        let mut s = spec();
        s.questions.push(s.questions[0].clone());
        assert_eq!(
            Election::try_from(s).unwrap_err().to_string(),
            "two questions have the id board"
        );
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["questions"][1]["method"] = "approval".into();
        let err = serde_json::from_value::<Election>(v)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("question chair: the approval method cannot count ranked ballots"),
            "{err}"
        );
        let mut s = spec();
        s.languages = vec![lang("de")];
        assert_eq!(
            Election::try_from(s).unwrap_err().to_string(),
            "the title's default language en is not one of the election's languages"
        );
        assert!(Slug::parse("Board").is_err());
        assert!(Slug::parse("-board").is_err());
        assert!(Slug::parse("board-2026").is_ok());
    }

    #[test]
    fn readiness_lists_every_problem() {
        let mut s = spec();
        s.questions.clear();
        let e = Election::try_from(s).unwrap();
        // 2026-11-02 is after the start (2026-11-01 12:00 UTC = 2026-11-01 00:00 AoE).
        let err = e
            .validate_for_ready(ts("2026-11-02T00:00:00Z"), 0)
            .unwrap_err();
        assert_eq!(
            err.problems,
            vec![
                ReadinessProblem::NoQuestions,
                ReadinessProblem::OpensInPast {
                    opens: "2026-11-01 00:00 AoE (UTC\u{2212}12)".into()
                },
                ReadinessProblem::NoVoters,
            ]
        );
        assert_eq!(
            err.to_string(),
            "the election is not ready: it has no questions; the voting window starts in the past (2026-11-01 00:00 AoE (UTC\u{2212}12)); the voter list is empty"
        );
        assert!(
            election()
                .validate_for_ready(ts("2026-10-01T00:00:00Z"), 10)
                .is_ok()
        );
    }

    #[test]
    fn lifecycle_with_schedule() {
        let mut e = election();
        let before = ts("2026-10-01T00:00:00Z");
        assert!(matches!(
            e.apply(Action::Open, before, 10),
            Err(ElectionError::Lifecycle(_))
        ));
        assert!(matches!(
            e.apply(Action::MarkReady, before, 0),
            Err(ElectionError::NotReady(_))
        ));
        e.apply(Action::MarkReady, before, 10).unwrap();
        assert_eq!(e.state(), State::Ready);
        assert_eq!(e.due_action(before), None);
        // The start passes: the scheduler opens.
        let during = ts("2026-11-15T00:00:00Z");
        assert_eq!(e.due_action(during), Some(Action::Open));
        e.apply(Action::Open, during, 10).unwrap();
        assert_eq!(
            e.window().unwrap().opens(),
            ts("2026-11-01T12:00:00Z"),
            "unchanged"
        );
        e.check_accepts_ballot(during).unwrap();
        // One second past the end: no ballot, and the scheduler closes.
        let after = ts("2026-12-01T11:59:01Z");
        assert_eq!(
            e.check_accepts_ballot(after).unwrap_err().to_string(),
            "voting has closed: it closed 2026-11-30 23:59 AoE (UTC\u{2212}12)"
        );
        assert_eq!(e.due_action(after), Some(Action::Close));
        e.apply(Action::Close, after, 10).unwrap();
        assert_eq!(
            e.check_accepts_ballot(during).unwrap_err().to_string(),
            "voting is not open: the election is closed"
        );
        assert_eq!(e.due_action(after), None);
    }

    #[test]
    fn opening_and_closing_by_hand_move_the_window() {
        let mut e = election();
        let early = ts("2026-10-20T08:00:00Z");
        e.apply(Action::MarkReady, ts("2026-10-01T00:00:00Z"), 1)
            .unwrap();
        let ev = e.apply(Action::Open, early, 1).unwrap();
        assert_eq!(e.window().unwrap().opens(), early);
        let close = ts("2026-11-20T08:00:00Z");
        e.apply(Action::Close, close, 1).unwrap();
        assert_eq!(e.window().unwrap().closes(), close);
        assert_eq!(ev.audit_action(), "state_changed");
        assert_eq!(
            ev.audit_details(),
            serde_json::json!({
                "event": "state_changed", "action": "open", "from": "ready", "to": "open",
                "opens": "2026-10-20T08:00:00Z", "closes": "2026-12-01T11:59:00Z"
            })
        );
    }

    #[test]
    fn safe_operations_while_open() {
        let mut e = election();
        e.apply(Action::MarkReady, ts("2026-10-01T00:00:00Z"), 1)
            .unwrap();
        e.apply(Action::Open, ts("2026-11-02T00:00:00Z"), 1)
            .unwrap();

        // Editing questions is refused.
        let mut s = e.to_spec();
        s.questions.pop();
        assert!(matches!(e.update(s), Err(ElectionError::Lifecycle(_))));

        // Extend the end.
        let ev = e.extend_end(ts("2026-12-08T11:59:00Z")).unwrap();
        assert_eq!(
            ev,
            ElectionEvent::EndExtended {
                from: ts("2026-12-01T11:59:00Z"),
                to: ts("2026-12-08T11:59:00Z")
            }
        );
        assert!(
            e.extend_end(ts("2026-12-02T00:00:00Z")).is_err(),
            "earlier than the new end"
        );

        // Withdraw a candidate; ballots naming them still validate.
        let board = QuestionId::parse("board").unwrap();
        e.withdraw_candidate(&board, &cid("cy")).unwrap();
        assert!(e.questions()[0].options[2].withdrawn);
        let ballot = PlainBallot {
            answers: vec![Answer::Approvals(vec![cid("cy")]), Answer::Abstain],
        };
        assert!(e.validate_ballot(ballot).is_ok());
        assert!(matches!(
            e.withdraw_candidate(&board, &cid("zed")),
            Err(ElectionError::Question(
                QuestionError::UnknownCandidate { .. }
            ))
        ));

        // Fix a typo and add a translation.
        let ev = e
            .fix_text(
                TextTarget::CandidateName {
                    question: board.clone(),
                    candidate: cid("bob"),
                },
                lang("en"),
                "Robert".into(),
            )
            .unwrap();
        assert_eq!(
            ev,
            ElectionEvent::TextFixed {
                target: TextTarget::CandidateName {
                    question: board.clone(),
                    candidate: cid("bob")
                },
                lang: lang("en"),
                old: Some("Bob".into()),
                new: "Robert".into()
            }
        );
        e.fix_text(
            TextTarget::ElectionTitle,
            lang("ar"),
            "انتخابات المجلس".into(),
        )
        .unwrap();
        assert_eq!(e.title().get(&[lang("ar")]), "انتخابات المجلس");
        assert!(
            e.fix_text(TextTarget::ElectionTitle, lang("en"), " ".into())
                .is_err()
        );
    }

    #[test]
    fn pause_shorten_and_swap_while_open() {
        let mut e = election();
        e.apply(Action::MarkReady, ts("2026-10-01T00:00:00Z"), 1)
            .unwrap();
        e.apply(Action::Open, ts("2026-11-02T00:00:00Z"), 1)
            .unwrap();
        let now = ts("2026-11-20T00:00:00Z");

        // Shorten: to a time after now, never before it (the window ends 2026-12-01T11:59Z).
        let ev = e.change_end(ts("2026-11-25T00:00:00Z"), now).unwrap();
        assert_eq!(
            ev,
            ElectionEvent::EndShortened {
                from: ts("2026-12-01T11:59:00Z"),
                to: ts("2026-11-25T00:00:00Z")
            }
        );
        // 2026-11-19T00:00Z is 2026-11-18 12:00 in AoE (UTC−12).
        assert_eq!(
            e.change_end(ts("2026-11-19T00:00:00Z"), now)
                .unwrap_err()
                .to_string(),
            "the new end 2026-11-18 12:00 AoE (UTC\u{2212}12) is not after now \
             (2026-11-19 12:00 AoE (UTC\u{2212}12)): to stop voting now, close the election"
        );
        assert!(matches!(
            e.change_end(ts("2026-11-25T00:00:00Z"), now),
            Err(ElectionError::EndUnchanged { .. })
        ));
        // Later again is an extension.
        assert_eq!(
            e.change_end(ts("2026-11-27T00:00:00Z"), now)
                .unwrap()
                .audit_action(),
            "end_extended"
        );

        // Pause: ballots refused with their own message; the scheduler leaves it even past
        // the end; resuming past the end is refused.
        e.apply(Action::Pause, now, 1).unwrap();
        assert_eq!(
            e.check_accepts_ballot(now).unwrap_err(),
            ElectionError::VotingPaused
        );
        let past_end = ts("2026-11-28T00:00:00Z");
        assert_eq!(e.due_action(past_end), None);
        assert!(matches!(
            e.apply(Action::Resume, past_end, 1),
            Err(ElectionError::EndPassedWhilePaused { .. })
        ));
        assert_eq!(e.state(), State::Paused, "a refused resume changes nothing");
        e.change_end(ts("2026-11-30T00:00:00Z"), past_end).unwrap();
        e.apply(Action::Resume, past_end, 1).unwrap();
        e.check_accepts_ballot(past_end).unwrap();

        // Swap: the option keeps its id; every name is replaced.
        let board = QuestionId::parse("board").unwrap();
        let ev = e
            .swap_candidate(&board, &cid("bob"), Texts::new(lang("en"), "Dana"))
            .unwrap();
        assert_eq!(
            ev,
            ElectionEvent::CandidateSwapped {
                question: board.clone(),
                candidate: cid("bob"),
                old: "Bob".into(),
                new: "Dana".into()
            }
        );
        assert_eq!(e.questions()[0].candidate_name(&cid("bob")), "Dana");
        e.withdraw_candidate(&board, &cid("cy")).unwrap();
        assert!(matches!(
            e.swap_candidate(&board, &cid("cy"), Texts::new(lang("en"), "Eve")),
            Err(ElectionError::SwapWithdrawn { .. })
        ));
    }

    #[test]
    fn missing_translations_are_listed() {
        let e = election();
        let missing = e.missing_translations();
        // The title and 2 question titles and 5 candidate names, each lacking ar and zh.
        assert_eq!(missing.len(), 8);
        assert_eq!(missing[0].target, TextTarget::ElectionTitle);
        assert_eq!(missing[0].languages, vec![lang("ar"), lang("zh")]);
    }

    #[test]
    fn election_ids_are_random_and_well_formed() {
        let a = ElectionId::generate().unwrap();
        let b = ElectionId::generate().unwrap();
        assert_ne!(a, b);
        assert_eq!(ElectionId::parse(a.as_str()).unwrap(), a);
        assert!(
            ElectionId::parse("0123456789ABCDEFGHJKMNPQR1").is_err(),
            "last char has 2 zero bits"
        );
        assert!(ElectionId::parse("short").is_err());
    }
}
