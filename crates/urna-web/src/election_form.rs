//! The election form of the administration pages: what an admin types (short name, title,
//! languages, settings, the voting window as local times in a zone, and any number of
//! questions with their candidates one per line), read into an [`ElectionSpec`] built from
//! the domain's own types, so that every rule is the domain's and every message names the
//! field it belongs to.
//!
//! The form works without JavaScript: adding and removing a question are submit buttons
//! ([`FormAction`]) that re-render the page with everything typed kept, so the whole state of
//! the form lives in [`ElectionForm`], read from the posted fields and written back into the
//! page ([`FormView`]). Field names are their HTML ids (`slug`, `q0-seats`), which is what the
//! error summary links to.
//!
//! Messages about the form itself (a number that is not a number) come from
//! `election_form.ftl`; the domain's refusals (a short name it does not accept, a local time
//! the clocks skip, a method that cannot count the ballot) are the domain's own words.

use std::collections::BTreeMap;

use fluent_bundle::FluentValue;
use urna_core::election::{Election, ElectionError, ElectionId, ElectionSpec, Slug};
use urna_core::lifecycle::State;
use urna_core::question::{
    BallotType, Candidate, CandidateId, Percent, Question, QuestionError, QuestionId, QuestionSpec,
    method_fits,
};
use urna_core::text::{Lang, Texts};
use urna_core::window::{ElectionZone, VotingWindow};
use urna_tally::Method;

use crate::i18n::Translator;

/// The submit button that saves the election.
pub const ACTION_SAVE: &str = "save";
/// The submit button that adds a blank question.
pub const ACTION_ADD_QUESTION: &str = "add-question";
/// The submit buttons that remove a question: this prefix and the question's index.
pub const ACTION_REMOVE_QUESTION: &str = "remove-question-";
/// The most questions one form holds: a bound on what a posted form can make us render.
pub const MAX_QUESTIONS: usize = 50;

/// What the admin pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormAction {
    Save,
    AddQuestion,
    /// Remove the question at this position (0-based, as the form listed them).
    RemoveQuestion(usize),
}

impl FormAction {
    fn parse(value: &str) -> FormAction {
        if value == ACTION_ADD_QUESTION {
            FormAction::AddQuestion
        } else if let Some(index) = value
            .strip_prefix(ACTION_REMOVE_QUESTION)
            .and_then(|i| i.parse().ok())
        {
            FormAction::RemoveQuestion(index)
        } else {
            // Pressing Enter in a text field submits with no button: that means "save".
            FormAction::Save
        }
    }
}

/// The kinds of ballot the form offers. Support/neutral/oppose is the domain's score ballot
/// from −1 to 1, offered on its own because that is how returning officers think of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BallotChoice {
    ChooseOne,
    Approval,
    Score,
    SupportNeutralOppose,
    Ranked,
}

impl BallotChoice {
    pub const ALL: [BallotChoice; 5] = [
        BallotChoice::ChooseOne,
        BallotChoice::Approval,
        BallotChoice::Score,
        BallotChoice::SupportNeutralOppose,
        BallotChoice::Ranked,
    ];

    /// The form value, also the suffix of its Fluent label (`form-ballot-<name>`).
    pub fn name(self) -> &'static str {
        match self {
            BallotChoice::ChooseOne => "choose-one",
            BallotChoice::Approval => "approval",
            BallotChoice::Score => "score",
            BallotChoice::SupportNeutralOppose => "son",
            BallotChoice::Ranked => "ranked",
        }
    }

    fn parse(value: &str) -> Option<BallotChoice> {
        BallotChoice::ALL.into_iter().find(|b| b.name() == value)
    }

    fn of(ballot_type: &BallotType) -> BallotChoice {
        match ballot_type {
            BallotType::ChooseOne => BallotChoice::ChooseOne,
            BallotType::Approval { .. } => BallotChoice::Approval,
            BallotType::Score { min: -1, max: 1 } => BallotChoice::SupportNeutralOppose,
            BallotType::Score { .. } => BallotChoice::Score,
            BallotType::Ranked { .. } => BallotChoice::Ranked,
        }
    }

    /// A ballot of this kind with typical parameters, to ask whether a method fits it.
    fn example(self) -> BallotType {
        match self {
            BallotChoice::ChooseOne => BallotType::ChooseOne,
            BallotChoice::Approval => BallotType::Approval { min: 0, max: 1 },
            BallotChoice::Score => BallotType::Score { min: 0, max: 5 },
            BallotChoice::SupportNeutralOppose => BallotType::Score { min: -1, max: 1 },
            BallotChoice::Ranked => BallotType::Ranked {
                max_ranks: None,
                allow_equal: false,
            },
        }
    }
}

/// One question as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionForm {
    pub id: String,
    pub title: String,
    pub description: String,
    pub ballot: String,
    pub approval_min: String,
    pub approval_max: String,
    pub score_min: String,
    pub score_max: String,
    pub max_ranks: String,
    pub allow_equal: bool,
    pub method: String,
    pub seats: String,
    pub min_share: String,
    pub tie_seed: String,
    /// One candidate a line: `id | name`, or just the name.
    pub candidates: String,
    pub shuffle: bool,
}

impl QuestionForm {
    fn blank() -> QuestionForm {
        QuestionForm {
            id: String::new(),
            title: String::new(),
            description: String::new(),
            ballot: BallotChoice::Ranked.name().to_owned(),
            approval_min: String::new(),
            approval_max: String::new(),
            score_min: "0".to_owned(),
            score_max: "5".to_owned(),
            max_ranks: String::new(),
            allow_equal: false,
            method: Method::Meek.name().to_owned(),
            seats: "1".to_owned(),
            min_share: String::new(),
            tie_seed: String::new(),
            candidates: String::new(),
            shuffle: false,
        }
    }

    fn set(&mut self, field: &str, value: String) {
        match field {
            "id" => self.id = value,
            "title" => self.title = value,
            "description" => self.description = value,
            "ballot" => self.ballot = value,
            "approval-min" => self.approval_min = value,
            "approval-max" => self.approval_max = value,
            "score-min" => self.score_min = value,
            "score-max" => self.score_max = value,
            "max-ranks" => self.max_ranks = value,
            "allow-equal" => self.allow_equal = true,
            "method" => self.method = value,
            "seats" => self.seats = value,
            "min-share" => self.min_share = value,
            "tie-seed" => self.tie_seed = value,
            "candidates" => self.candidates = value,
            "shuffle" => self.shuffle = true,
            _ => {}
        }
    }

    fn from_spec(q: &QuestionSpec) -> QuestionForm {
        let mut form = QuestionForm {
            id: q.id.to_string(),
            title: q.title.default_text().to_owned(),
            description: q
                .description
                .as_ref()
                .map(|d| d.default_text().to_owned())
                .unwrap_or_default(),
            ballot: BallotChoice::of(&q.ballot_type).name().to_owned(),
            method: q.method.name().to_owned(),
            seats: q.seats.to_string(),
            min_share: q.min_share.map(|p| p.to_string()).unwrap_or_default(),
            tie_seed: q.tie_seed.map(|s| s.to_string()).unwrap_or_default(),
            candidates: q
                .options
                .iter()
                .map(|c| format!("{} | {}", c.id, c.name.default_text()))
                .collect::<Vec<_>>()
                .join("\n"),
            shuffle: q.shuffle_options,
            ..QuestionForm::blank()
        };
        match q.ballot_type {
            BallotType::ChooseOne => {}
            BallotType::Approval { min, max } => {
                form.approval_min = min.to_string();
                form.approval_max = max.to_string();
            }
            BallotType::Score { min, max } => {
                form.score_min = min.to_string();
                form.score_max = max.to_string();
            }
            BallotType::Ranked {
                max_ranks,
                allow_equal,
            } => {
                form.max_ranks = max_ranks.map(|m| m.to_string()).unwrap_or_default();
                form.allow_equal = allow_equal;
            }
        }
        form
    }
}

/// The whole form as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElectionForm {
    pub slug: String,
    /// Language tags separated by commas or spaces; the first is the main language.
    pub languages: String,
    pub title: String,
    pub allow_revote: bool,
    pub allow_weights: bool,
    /// Counted through the mixnet (`Counting::Mixnet`; every question ranked).
    pub mixnet: bool,
    /// Local date and time (`2030-01-10T12:00`) in `zone`.
    pub opens: String,
    pub closes: String,
    pub zone: String,
    pub questions: Vec<QuestionForm>,
}

/// The HTML id (and name) of a question's field.
pub fn question_field(index: usize, field: &str) -> String {
    format!("q{index}-{field}")
}

impl ElectionForm {
    /// A new election: one blank question, revotes allowed (the domain's default).
    pub fn blank(main_language: &str) -> ElectionForm {
        ElectionForm {
            slug: String::new(),
            languages: main_language.to_owned(),
            title: String::new(),
            allow_revote: true,
            allow_weights: false,
            mixnet: false,
            opens: String::new(),
            closes: String::new(),
            zone: "UTC".to_owned(),
            questions: vec![QuestionForm::blank()],
        }
    }

    /// Reads the posted fields and applies the button pressed (adding or removing a
    /// question); unknown fields are ignored.
    pub fn from_fields(fields: Vec<(String, String)>) -> (ElectionForm, FormAction) {
        let mut form = ElectionForm {
            allow_revote: false,
            questions: Vec::new(),
            zone: String::new(),
            languages: String::new(),
            ..ElectionForm::blank("")
        };
        let mut action = FormAction::Save;
        let mut questions: BTreeMap<usize, QuestionForm> = BTreeMap::new();
        for (name, value) in fields {
            match name.as_str() {
                "slug" => form.slug = value,
                "languages" => form.languages = value,
                "title" => form.title = value,
                "allow-revote" => form.allow_revote = true,
                "allow-weights" => form.allow_weights = true,
                "mixnet" => form.mixnet = true,
                "opens" => form.opens = value,
                "closes" => form.closes = value,
                "zone" => form.zone = value,
                "action" => action = FormAction::parse(&value),
                other => {
                    let Some((index, field)) = other
                        .strip_prefix('q')
                        .and_then(|rest| rest.split_once('-'))
                        .and_then(|(i, f)| Some((i.parse::<usize>().ok()?, f)))
                    else {
                        continue;
                    };
                    if questions.len() >= MAX_QUESTIONS && !questions.contains_key(&index) {
                        continue;
                    }
                    questions
                        .entry(index)
                        .or_insert_with(|| QuestionForm {
                            // Absent checkboxes mean "no"; a posted question starts from none.
                            allow_equal: false,
                            shuffle: false,
                            ..QuestionForm::blank()
                        })
                        .set(field, value);
                }
            }
        }
        if let FormAction::RemoveQuestion(index) = action {
            questions.remove(&index);
        }
        form.questions = questions.into_values().collect();
        if action == FormAction::AddQuestion && form.questions.len() < MAX_QUESTIONS {
            form.questions.push(QuestionForm::blank());
        }
        (form, action)
    }

    /// The form prefilled from a stored definition (editing a draft).
    pub fn from_spec(spec: &ElectionSpec) -> ElectionForm {
        let (opens, closes, zone) = match &spec.window {
            Some(w) => (
                local_text(w.zone(), w.opens()),
                local_text(w.zone(), w.closes()),
                w.zone().name().to_owned(),
            ),
            None => (String::new(), String::new(), String::new()),
        };
        ElectionForm {
            slug: spec.slug.to_string(),
            languages: spec
                .languages
                .iter()
                .map(Lang::as_str)
                .collect::<Vec<_>>()
                .join(", "),
            title: spec.title.default_text().to_owned(),
            allow_revote: spec.allow_revote,
            allow_weights: spec.allow_weights,
            mixnet: spec.counting == urna_core::election::Counting::Mixnet,
            opens,
            closes,
            zone,
            questions: spec.questions.iter().map(QuestionForm::from_spec).collect(),
        }
    }

    /// Builds the election definition, or says what is wrong with each field. `id` is the
    /// election's (a fresh one for a new election).
    pub fn to_spec(&self, id: ElectionId, tr: &Translator) -> Result<ElectionSpec, FormErrors> {
        let mut errors = FormErrors::default();
        let slug = Slug::parse(self.slug.trim())
            .map_err(|e| errors.add("slug", e.to_string()))
            .ok();
        let languages = self.parse_languages(tr, &mut errors);
        let main = languages.first().cloned();
        let window = self.parse_window(tr, &mut errors);
        let mut questions = Vec::with_capacity(self.questions.len());
        for (index, q) in self.questions.iter().enumerate() {
            if let Some(main) = &main
                && let Some(spec) = parse_question(index, q, main, tr, &mut errors)
            {
                questions.push(spec);
            }
        }
        let (Some(slug), Some(main), Some(window)) = (slug, main, window) else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let spec = ElectionSpec {
            id,
            slug,
            title: Texts::new(main, self.title.trim()),
            questions,
            window,
            state: State::Draft,
            allow_revote: self.allow_revote,
            allow_weights: self.allow_weights,
            languages,
            counting: if self.mixnet {
                urna_core::election::Counting::Mixnet
            } else {
                urna_core::election::Counting::Sealed
            },
        };
        // What only the whole election can tell: languages, the title, repeated question ids.
        match Election::try_from(spec.clone()) {
            Ok(_) => Ok(spec),
            Err(e) => {
                let field = match &e {
                    ElectionError::NoLanguages
                    | ElectionError::DuplicateLanguage(_)
                    | ElectionError::TitleLanguage(_) => "languages".to_owned(),
                    ElectionError::Title(_) => "title".to_owned(),
                    ElectionError::Question(QuestionError::DuplicateQuestion(id)) => {
                        let last = self
                            .questions
                            .iter()
                            .rposition(|q| q.id.trim() == id.as_str())
                            .unwrap_or(0);
                        question_field(last, "id")
                    }
                    _ => FormErrors::GENERAL.to_owned(),
                };
                errors.add(&field, e.to_string());
                Err(errors)
            }
        }
    }

    fn parse_languages(&self, tr: &Translator, errors: &mut FormErrors) -> Vec<Lang> {
        let mut languages = Vec::new();
        for tag in self
            .languages
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|t| !t.is_empty())
        {
            match Lang::parse(tag) {
                Ok(lang) => languages.push(lang),
                Err(e) => {
                    errors.add("languages", e.to_string());
                    return Vec::new();
                }
            }
        }
        if languages.is_empty() {
            errors.add("languages", tr.t("form-error-languages-missing"));
        }
        languages
    }

    /// `Some(None)`: no window yet (all three fields blank, which a draft may be).
    fn parse_window(
        &self,
        tr: &Translator,
        errors: &mut FormErrors,
    ) -> Option<Option<VotingWindow>> {
        let (opens, closes, zone) = (self.opens.trim(), self.closes.trim(), self.zone.trim());
        if opens.is_empty() && closes.is_empty() && zone.is_empty() {
            return Some(None);
        }
        let zone = if zone.is_empty() {
            errors.add("zone", tr.t("form-error-zone-missing"));
            None
        } else {
            ElectionZone::parse(zone)
                .map_err(|e| errors.add("zone", e.to_string()))
                .ok()
        };
        let opens = parse_local(opens, "opens", tr, errors);
        let closes = parse_local(closes, "closes", tr, errors);
        let (zone, opens, closes) = (zone?, opens?, closes?);
        // The window module decides times the clocks skip or repeat.
        let opens = zone
            .instant_at(opens)
            .map_err(|e| errors.add("opens", e.to_string()))
            .ok();
        let closes = zone
            .instant_at(closes)
            .map_err(|e| errors.add("closes", e.to_string()))
            .ok();
        match VotingWindow::new(opens?, closes?, zone) {
            Ok(window) => Some(Some(window)),
            Err(e) => {
                errors.add("closes", e.to_string());
                None
            }
        }
    }
}

/// `2030-01-10T12:00` (what `<input type="datetime-local">` sends) or `2030-01-10 12:00`.
fn parse_local(
    text: &str,
    field: &str,
    tr: &Translator,
    errors: &mut FormErrors,
) -> Option<jiff::civil::DateTime> {
    if text.is_empty() {
        errors.add(field, tr.t("form-error-datetime-missing"));
        return None;
    }
    text.replacen(' ', "T", 1)
        .parse::<jiff::civil::DateTime>()
        .map_err(|_| {
            errors.add(
                field,
                tr.t_args("form-error-datetime", &[("value", FluentValue::from(text))]),
            );
        })
        .ok()
}

/// An instant as the local time an admin would type, for `datetime-local`.
fn local_text(zone: &ElectionZone, at: jiff::Timestamp) -> String {
    let dt = zone.local(at).datetime;
    if dt.second() == 0 {
        dt.strftime("%Y-%m-%dT%H:%M").to_string()
    } else {
        dt.strftime("%Y-%m-%dT%H:%M:%S").to_string()
    }
}

fn parse_number<T: std::str::FromStr>(
    text: &str,
    field: &str,
    tr: &Translator,
    errors: &mut FormErrors,
) -> Option<T> {
    let text = text.trim();
    text.parse()
        .map_err(|_| {
            errors.add(
                field,
                tr.t_args(
                    "form-error-whole-number",
                    &[("value", FluentValue::from(text))],
                ),
            );
        })
        .ok()
}

fn parse_optional_number<T: std::str::FromStr>(
    text: &str,
    field: &str,
    tr: &Translator,
    errors: &mut FormErrors,
) -> Option<Option<T>> {
    if text.trim().is_empty() {
        Some(None)
    } else {
        parse_number(text, field, tr, errors).map(Some)
    }
}

fn parse_question(
    index: usize,
    q: &QuestionForm,
    main: &Lang,
    tr: &Translator,
    errors: &mut FormErrors,
) -> Option<QuestionSpec> {
    let field = |name: &str| question_field(index, name);
    let errors_before = errors.len();
    let id = QuestionId::parse(q.id.trim())
        .map_err(|e| errors.add(&field("id"), e.to_string()))
        .ok();
    let options = match parse_candidate_lines(&q.candidates, main) {
        Ok(options) => Some(options),
        Err(e) => {
            errors.add(
                &field("candidates"),
                tr.t_args(
                    "form-error-candidate-line",
                    &[
                        ("line", FluentValue::from(e.line)),
                        ("message", FluentValue::from(e.message)),
                    ],
                ),
            );
            None
        }
    };
    let ballot_type = match BallotChoice::parse(&q.ballot) {
        None => {
            errors.add(&field("ballot"), tr.t("form-error-ballot-missing"));
            None
        }
        Some(BallotChoice::ChooseOne) => Some(BallotType::ChooseOne),
        Some(BallotChoice::SupportNeutralOppose) => Some(BallotType::Score { min: -1, max: 1 }),
        Some(BallotChoice::Approval) => {
            let min = parse_optional_number(&q.approval_min, &field("approval-min"), tr, errors);
            let max = parse_optional_number(&q.approval_max, &field("approval-max"), tr, errors);
            match (min, max) {
                (Some(min), Some(max)) => Some(BallotType::Approval {
                    min: min.unwrap_or(0),
                    // No maximum: every option may be approved.
                    max: max.unwrap_or_else(|| options.as_ref().map_or(1, Vec::len)),
                }),
                _ => None,
            }
        }
        Some(BallotChoice::Score) => {
            let min = parse_number(&q.score_min, &field("score-min"), tr, errors);
            let max = parse_number(&q.score_max, &field("score-max"), tr, errors);
            Some(BallotType::Score {
                min: min?,
                max: max?,
            })
        }
        Some(BallotChoice::Ranked) => {
            parse_optional_number(&q.max_ranks, &field("max-ranks"), tr, errors).map(|max_ranks| {
                BallotType::Ranked {
                    max_ranks,
                    allow_equal: q.allow_equal,
                }
            })
        }
    };
    let method = q
        .method
        .parse::<Method>()
        .map_err(|e| errors.add(&field("method"), e.to_string()))
        .ok();
    let seats = parse_number::<usize>(&q.seats, &field("seats"), tr, errors);
    let min_share = if q.min_share.trim().is_empty() {
        Some(None)
    } else {
        Percent::parse(&q.min_share)
            .map(Some)
            .map_err(|e| errors.add(&field("min-share"), e.to_string()))
            .ok()
    };
    let tie_seed = parse_optional_number::<u64>(&q.tie_seed, &field("tie-seed"), tr, errors);
    if errors.len() > errors_before {
        return None;
    }
    let spec = QuestionSpec {
        id: id?,
        title: Texts::new(main.clone(), q.title.trim()),
        description: Some(q.description.trim())
            .filter(|d| !d.is_empty())
            .map(|d| Texts::new(main.clone(), d)),
        ballot_type: ballot_type?,
        method: method?,
        seats: seats?,
        min_share: min_share?,
        tie_seed: tie_seed?,
        options: options?,
        shuffle_options: q.shuffle,
    };
    match Question::try_from(spec.clone()) {
        Ok(_) => Some(spec),
        Err(e) => {
            let name = match &e {
                QuestionError::Text { what, .. } if what == "the title" => "title",
                QuestionError::Text { .. }
                | QuestionError::NoOptions { .. }
                | QuestionError::TooManyOptions { .. }
                | QuestionError::DuplicateCandidate { .. } => "candidates",
                QuestionError::MethodBallotMismatch { .. }
                | QuestionError::MinShareWithoutSon { .. } => "method",
                QuestionError::NoSeats { .. } | QuestionError::TooFewOptions { .. } => "seats",
                _ => "ballot",
            };
            errors.add(&field(name), e.to_string());
            None
        }
    }
}

/// A candidate line that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateLineError {
    /// 1-based.
    pub line: usize,
    pub message: String,
}

/// Reads candidates one per line: `id | name`, or just `name` with an id derived from it
/// ([`derive_candidate_id`]). Blank lines are skipped. Names are in `lang`.
pub fn parse_candidate_lines(
    text: &str,
    lang: &Lang,
) -> Result<Vec<Candidate>, CandidateLineError> {
    let mut candidates = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (id, name) = match line.split_once('|') {
            Some((id, name)) => (
                CandidateId::parse(id.trim()).map_err(|e| CandidateLineError {
                    line: number + 1,
                    message: e.to_string(),
                })?,
                name.trim(),
            ),
            None => (
                derive_candidate_id(line, candidates.len() + 1).map_err(|e| {
                    CandidateLineError {
                        line: number + 1,
                        message: e.to_string(),
                    }
                })?,
                line,
            ),
        };
        candidates.push(Candidate {
            id,
            name: Texts::new(lang.clone(), name),
            withdrawn: false,
        });
    }
    Ok(candidates)
}

/// An id from a name: ASCII letters and digits in lower case, every other run of characters
/// one hyphen (`Ann O'Neil` → `ann-o-neil`); `c<position>` when nothing is left (a name in
/// another script).
pub fn derive_candidate_id(name: &str, position: usize) -> Result<CandidateId, QuestionError> {
    let mut id = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    // ASCII only, so any byte is a character boundary.
    id.truncate(64);
    let id = id.trim_end_matches('-');
    if id.is_empty() {
        CandidateId::parse(&format!("c{position}"))
    } else {
        CandidateId::parse(id)
    }
}

/// Keeps the translations a stored definition has into other languages, which the form does
/// not show: the title, question titles and descriptions (by question id), candidate names
/// (by question and candidate id).
pub fn keep_translations(edited: &mut ElectionSpec, stored: &ElectionSpec) {
    merge_texts(&mut edited.title, &stored.title);
    for q in &mut edited.questions {
        let Some(old) = stored.questions.iter().find(|o| o.id == q.id) else {
            continue;
        };
        merge_texts(&mut q.title, &old.title);
        if let (Some(new), Some(old)) = (&mut q.description, &old.description) {
            merge_texts(new, old);
        }
        for c in &mut q.options {
            if let Some(old) = old.options.iter().find(|o| o.id == c.id) {
                merge_texts(&mut c.name, &old.name);
            }
        }
    }
}

fn merge_texts(edited: &mut Texts, stored: &Texts) {
    for (lang, text) in stored.iter() {
        if edited.exact(lang).is_none() {
            edited.set(lang.clone(), text);
        }
    }
}

/// Problems by field id, in the order found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormErrors {
    entries: Vec<(String, String)>,
}

impl FormErrors {
    /// The field id for problems that belong to no one field (the summary links to the form).
    pub const GENERAL: &'static str = "election-form";

    pub fn add(&mut self, field: &str, message: String) {
        self.entries.push((field.to_owned(), message));
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The messages for one field, joined.
    pub fn for_field(&self, field: &str) -> Option<String> {
        let messages: Vec<&str> = self
            .entries
            .iter()
            .filter(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
            .collect();
        (!messages.is_empty()).then(|| messages.join(" "))
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(f, m)| (f.as_str(), m.as_str()))
    }
}

/// A text field ready for the template: id (also its name), value, and its error.
#[derive(Debug, Clone)]
pub struct FieldView {
    pub id: String,
    pub value: String,
    pub error: Option<String>,
}

impl FieldView {
    /// The `aria-describedby` ids: the help text (when the field has one), then the error.
    pub fn described_by(&self, has_help: bool) -> String {
        let help = has_help.then(|| format!("{}-help", self.id));
        let error = self.error.as_ref().map(|_| format!("{}-error", self.id));
        help.into_iter().chain(error).collect::<Vec<_>>().join(" ")
    }
}

/// One counting method in a question's list.
#[derive(Debug, Clone)]
pub struct MethodOption {
    pub name: &'static str,
    pub label: String,
    pub selected: bool,
    /// The ballot kinds it counts, space-separated (`data-ballots`, for the script that hides
    /// the others).
    pub ballots: String,
}

/// One ballot kind in a question's list.
#[derive(Debug, Clone)]
pub struct BallotOption {
    pub name: &'static str,
    pub label: String,
    pub selected: bool,
}

/// A question ready for the template.
#[derive(Debug, Clone)]
pub struct QuestionView {
    pub index: usize,
    /// "Question 2", and the label of its remove button.
    pub legend: String,
    pub remove_label: String,
    pub id: FieldView,
    pub title: FieldView,
    pub description: FieldView,
    pub ballot: FieldView,
    pub ballots: Vec<BallotOption>,
    pub approval_min: FieldView,
    pub approval_max: FieldView,
    pub score_min: FieldView,
    pub score_max: FieldView,
    pub max_ranks: FieldView,
    pub allow_equal: bool,
    pub method: FieldView,
    pub methods: Vec<MethodOption>,
    pub seats: FieldView,
    pub min_share: FieldView,
    pub tie_seed: FieldView,
    pub candidates: FieldView,
    pub shuffle: bool,
}

/// An entry of the error summary: a link to the field and the message.
#[derive(Debug, Clone)]
pub struct SummaryEntry {
    pub href: String,
    pub text: String,
}

/// Everything the template shows of the form.
#[derive(Debug, Clone)]
pub struct FormView {
    pub slug: FieldView,
    pub languages: FieldView,
    pub title: FieldView,
    pub allow_revote: bool,
    pub allow_weights: bool,
    pub mixnet: bool,
    pub opens: FieldView,
    pub closes: FieldView,
    pub zone: FieldView,
    pub questions: Vec<QuestionView>,
    pub summary: Vec<SummaryEntry>,
    /// Problems that belong to no one field.
    pub general: Option<String>,
    pub can_add_question: bool,
}

impl FormView {
    pub fn new(form: &ElectionForm, errors: &FormErrors, tr: &Translator) -> FormView {
        let field = |id: String, value: &str| FieldView {
            error: errors.for_field(&id),
            value: value.to_owned(),
            id,
        };
        let questions = form
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let f = |name: &str, value: &str| field(question_field(i, name), value);
                let chosen = BallotChoice::parse(&q.ballot);
                QuestionView {
                    index: i,
                    legend: tr.t_args(
                        "form-question-legend",
                        &[("number", FluentValue::from(i + 1))],
                    ),
                    remove_label: tr.t_args(
                        "form-remove-question",
                        &[("number", FluentValue::from(i + 1))],
                    ),
                    id: f("id", &q.id),
                    title: f("title", &q.title),
                    description: f("description", &q.description),
                    ballot: f("ballot", &q.ballot),
                    ballots: BallotChoice::ALL
                        .into_iter()
                        .map(|b| BallotOption {
                            name: b.name(),
                            label: tr.t(&format!("form-ballot-{}", b.name())),
                            selected: Some(b) == chosen,
                        })
                        .collect(),
                    approval_min: f("approval-min", &q.approval_min),
                    approval_max: f("approval-max", &q.approval_max),
                    score_min: f("score-min", &q.score_min),
                    score_max: f("score-max", &q.score_max),
                    max_ranks: f("max-ranks", &q.max_ranks),
                    allow_equal: q.allow_equal,
                    method: f("method", &q.method),
                    methods: Method::ALL
                        .into_iter()
                        .map(|m| MethodOption {
                            name: m.name(),
                            label: tr.t(&format!("form-method-{}", m.name())),
                            selected: q.method == m.name(),
                            ballots: BallotChoice::ALL
                                .into_iter()
                                .filter(|b| method_fits(m, &b.example()))
                                .map(BallotChoice::name)
                                .collect::<Vec<_>>()
                                .join(" "),
                        })
                        .collect(),
                    seats: f("seats", &q.seats),
                    min_share: f("min-share", &q.min_share),
                    tie_seed: f("tie-seed", &q.tie_seed),
                    candidates: f("candidates", &q.candidates),
                    shuffle: q.shuffle,
                }
            })
            .collect();
        let summary = errors
            .iter()
            .map(|(id, message)| SummaryEntry {
                href: format!("#{id}"),
                text: format!("{}: {message}", field_label(id, tr)),
            })
            .collect();
        FormView {
            slug: field("slug".into(), &form.slug),
            languages: field("languages".into(), &form.languages),
            title: field("title".into(), &form.title),
            allow_revote: form.allow_revote,
            allow_weights: form.allow_weights,
            mixnet: form.mixnet,
            opens: field("opens".into(), &form.opens),
            closes: field("closes".into(), &form.closes),
            zone: field("zone".into(), &form.zone),
            questions,
            summary,
            general: errors.for_field(FormErrors::GENERAL),
            can_add_question: form.questions.len() < MAX_QUESTIONS,
        }
    }
}

/// The label of a field for the error summary: "Short name", "Question 2: Seats".
fn field_label(id: &str, tr: &Translator) -> String {
    let question = id
        .strip_prefix('q')
        .and_then(|rest| rest.split_once('-'))
        .and_then(|(i, f)| Some((i.parse::<usize>().ok()?, f)));
    match question {
        Some((index, field)) => tr.t_args(
            "form-question-field",
            &[
                ("number", FluentValue::from(index + 1)),
                ("field", FluentValue::from(tr.t(&format!("form-q-{field}")))),
            ],
        ),
        None => tr.t(&format!("form-{id}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> Lang {
        Lang::parse("en").unwrap()
    }

    #[test]
    fn candidate_lines_take_ids_or_derive_them() {
        let c =
            parse_candidate_lines("ann | Ann Lee\n\n  Bob O'Neil  \nZoë\n李雷\n", &en()).unwrap();
        let ids: Vec<&str> = c.iter().map(|c| c.id.as_str()).collect();
        // "Zoë": the ë is not ASCII and ends the id; "李雷" has no ASCII letter: position 4.
        assert_eq!(ids, ["ann", "bob-o-neil", "zo", "c4"]);
        assert_eq!(c[0].name.default_text(), "Ann Lee");
        assert_eq!(c[3].name.default_text(), "李雷");
        let e = parse_candidate_lines("ann | Ann\nann lee | Ann Lee", &en()).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("\"ann lee\""), "{}", e.message);
    }

    #[test]
    fn derived_ids_fit_the_id_rules() {
        let derive = |name: &str, position| derive_candidate_id(name, position).unwrap();
        assert_eq!(derive("--Ann--", 1).as_str(), "ann");
        // 70 letters: cut at the 64 the id rules allow.
        assert_eq!(derive(&"a".repeat(70), 1).as_str().len(), 64);
        assert_eq!(derive("", 9).as_str(), "c9");
    }

    #[test]
    fn buttons_add_and_remove_questions_keeping_what_was_typed() {
        let fields = |action: &str| {
            vec![
                ("slug".to_owned(), "board".to_owned()),
                ("q0-id".to_owned(), "first".to_owned()),
                ("q1-id".to_owned(), "second".to_owned()),
                ("q1-shuffle".to_owned(), "on".to_owned()),
                ("q2-id".to_owned(), "third".to_owned()),
                ("action".to_owned(), action.to_owned()),
            ]
        };
        let (form, action) = ElectionForm::from_fields(fields("remove-question-1"));
        assert_eq!(action, FormAction::RemoveQuestion(1));
        let ids: Vec<&str> = form.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["first", "third"]);
        assert!(!form.questions[1].shuffle);
        let (form, action) = ElectionForm::from_fields(fields("add-question"));
        assert_eq!(action, FormAction::AddQuestion);
        assert_eq!(form.questions.len(), 4);
        assert!(form.questions[1].shuffle);
        assert_eq!(form.questions[3], QuestionForm::blank());
        assert_eq!(form.slug, "board");
        assert_eq!(ElectionForm::from_fields(fields("")).1, FormAction::Save);
    }
}
