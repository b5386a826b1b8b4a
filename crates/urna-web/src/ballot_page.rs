//! The voter's ballot pages as template data: the ballot itself (`templates/ballot.html`), the
//! confirmation page that reads the choices back in words (`templates/ballot_confirm.html`),
//! and the receipt (`templates/ballot_receipt.html`). Pure: an [`Election`], the voter's
//! language chain and a seed in, template data out; no store, no session. The handlers that
//! load elections and cast ballots live with the service layer; [`crate::ballot_preview`]
//! serves fixture elections through these same builders for tests.
//!
//! Each question is a `<fieldset>` with a `<legend>`, instructions and errors tied to it with
//! `aria-describedby`; every input has a `<label>`. The page works without JavaScript: ranked
//! questions are a list of rank-number inputs, which is also what is submitted.
//! `static/ballot.js` turns them into an ordered list with Add / Move up / Move down / Remove
//! buttons and keeps the same inputs in sync (see that file).
//!
//! Options shown in shuffled order ([`urna_core::question::QuestionSpec::shuffle_options`]) are
//! ordered from a per-voter seed rather than afresh ([`display_order`]): a page shown again
//! after an error, or after "Change my ballot", must keep the order the voter has seen.

use askama::Template;
use askama_web::WebTemplate;
use fluent_bundle::FluentValue;
use sha2::{Digest, Sha256};
use urna_core::ballot::{Answer, PlainBallot};
use urna_core::election::Election;
use urna_core::question::{BallotType, CandidateId, Question};
use urna_core::text::{Lang, Texts};

use crate::ballot_form::{
    ABSTAIN_CHOICE, BallotFormErrors, abstain_field, approve_field, ballot_fields, choice_field,
    rank_field, score_field,
};
use crate::i18n::{LanguageTag, Translator};
use crate::static_files;
use crate::templates::PageContext;

/// Domain separation of the display-order hash.
const DISPLAY_ORDER_TAG: &[u8] = b"urna display order v1";

/// The order to show a question's options in, as option indices. Unshuffled questions keep
/// the admin's order. Shuffled ones are sorted by SHA-256(tag, seed, question id, candidate
/// id): a uniformly random order for an unpredictable seed (ties between 256-bit keys aside),
/// the same every time for the same seed, and independent between questions.
pub fn display_order(question: &Question, seed: &[u8]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..question.options.len()).collect();
    if question.shuffle_options {
        order.sort_by_cached_key(|&i| {
            let mut h = Sha256::new();
            h.update(DISPLAY_ORDER_TAG);
            h.update((seed.len() as u64).to_be_bytes());
            h.update(seed);
            h.update(question.id.as_str().as_bytes());
            h.update([0]);
            if let Some(c) = question.options.get(i) {
                h.update(c.id.as_str().as_bytes());
            }
            h.finalize()
        });
    }
    order
}

/// A text from the election in the voter's language chain, with its language when it is not
/// the page's (so that screen readers pronounce it right and `lang=` is honest).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalText {
    pub text: String,
    /// `Some(tag)` when the text is in another language than the page.
    pub lang: Option<String>,
    pub dir: &'static str,
}

impl LocalText {
    /// ` lang="…" dir="…"` when the text is in another language than the page, else "".
    /// Tags are checked language tags (letters, digits, `-`), so nothing needs escaping.
    pub fn attrs(&self) -> String {
        match &self.lang {
            Some(lang) => format!(" lang=\"{lang}\" dir=\"{}\"", self.dir),
            None => String::new(),
        }
    }

    pub fn of(texts: &Texts, chain: &[Lang], page_lang: &str) -> LocalText {
        let (lang, text) = texts.get_with_lang(chain);
        let other = lang.as_str() != page_lang;
        let dir = LanguageTag::parse(lang.as_str()).map_or("auto", |t| t.direction().as_str());
        LocalText {
            text: text.to_owned(),
            lang: other.then(|| lang.to_string()),
            dir,
        }
    }
}

/// The kind of widget a question is shown with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    ChooseOne,
    Approval,
    Score,
    /// Score from -1 to 1, shown as support / neutral / oppose.
    SupportOppose,
    Ranked,
}

impl QuestionKind {
    pub fn of(ballot_type: BallotType) -> QuestionKind {
        match ballot_type {
            BallotType::ChooseOne => QuestionKind::ChooseOne,
            BallotType::Approval { .. } => QuestionKind::Approval,
            BallotType::Score { min: -1, max: 1 } => QuestionKind::SupportOppose,
            BallotType::Score { .. } => QuestionKind::Score,
            BallotType::Ranked { .. } => QuestionKind::Ranked,
        }
    }

    /// CSS class and template switch.
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::ChooseOne => "choose-one",
            QuestionKind::Approval => "approval",
            QuestionKind::Score => "score",
            QuestionKind::SupportOppose => "support-oppose",
            QuestionKind::Ranked => "ranked",
        }
    }
}

/// One choice of a score question's select or radio group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreChoice {
    /// The submitted value ("" for blank).
    pub value: String,
    pub label: String,
}

/// One option of a question on the ballot page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionView {
    pub candidate: String,
    /// The `id` of the option's input (unique on the page).
    pub input_id: String,
    pub name: LocalText,
    /// The form field name.
    pub field: String,
    /// Checked (choose-one, approval) as submitted before.
    pub checked: bool,
    /// Typed or selected value (score, rank) as submitted before.
    pub value: String,
    /// The translated error about this option, if any.
    pub error: Option<String>,
    pub error_id: String,
}

/// One question on the ballot page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionView {
    /// 1-based.
    pub number: usize,
    pub id: String,
    pub kind: &'static str,
    pub title: LocalText,
    pub description: Option<LocalText>,
    /// "Question 2 of 5".
    pub position: String,
    /// What to do, for this ballot type and its limits (one paragraph each).
    pub instructions: Vec<String>,
    pub instructions_id: String,
    /// Options not withdrawn, in display order.
    pub options: Vec<OptionView>,
    /// Names of withdrawn candidates, shown but not selectable.
    pub withdrawn: Option<String>,
    pub abstain_field: String,
    pub abstain_id: String,
    pub abstain_value: String,
    pub abstain_checked: bool,
    /// Translated problems with the question's answer (question-wide and per option).
    pub errors: Vec<String>,
    pub error_id: String,
    /// Score questions: the choices of each option's select or radio group.
    pub score_choices: Vec<ScoreChoice>,
    /// Ranked questions: the highest rank number, whether equal ranks are allowed, and the
    /// cap on ranked candidates (0: none), for the rank inputs and `ballot.js`.
    pub rank_max: usize,
    /// "Type a number from 1 to 70 …", under the rank inputs.
    pub rank_hint: String,
    pub allow_equal: bool,
    pub max_ranks: usize,
    /// `describedby` of the fieldset: instructions, then errors if any.
    pub described_by: String,
}

impl QuestionView {
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }
}

/// A link in the error summary to the question (or input) that needs attention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryItem {
    pub href: String,
    pub text: String,
}

/// The strings `ballot.js` shows and announces, carried in `data-` attributes (no inline
/// script). `{name}` and `{rank}` are filled in by the script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankingStrings {
    pub your_ranking: String,
    pub empty: String,
    pub candidates: String,
    pub filter: String,
    pub filter_count: String,
    pub add: String,
    pub add_label: String,
    pub remove: String,
    pub remove_label: String,
    pub up: String,
    pub up_label: String,
    pub down: String,
    pub down_label: String,
    pub added: String,
    pub moved: String,
    pub removed: String,
    pub at_top: String,
    pub at_bottom: String,
    pub limit: String,
    pub instructions: String,
}

impl RankingStrings {
    fn new(tr: &Translator) -> RankingStrings {
        let name = || ("name", FluentValue::from("{name}"));
        let rank = || ("rank", FluentValue::from("{rank}"));
        let t1 = |key: &str| tr.t_args(key, &[name()]);
        let t2 = |key: &str| tr.t_args(key, &[name(), rank()]);
        RankingStrings {
            your_ranking: tr.t("ballot-js-your-ranking"),
            empty: tr.t("ballot-js-empty"),
            candidates: tr.t("ballot-js-candidates"),
            filter: tr.t("ballot-js-filter"),
            filter_count: tr.t_args(
                "ballot-js-filter-count",
                &[("count", FluentValue::from("{count}"))],
            ),
            add: tr.t("ballot-js-add"),
            add_label: t1("ballot-js-add-label"),
            remove: tr.t("ballot-js-remove"),
            remove_label: t1("ballot-js-remove-label"),
            up: tr.t("ballot-js-up"),
            up_label: t1("ballot-js-up-label"),
            down: tr.t("ballot-js-down"),
            down_label: t1("ballot-js-down-label"),
            added: t2("ballot-js-added"),
            moved: t2("ballot-js-moved"),
            removed: t1("ballot-js-removed"),
            at_top: t1("ballot-js-at-top"),
            at_bottom: t1("ballot-js-at-bottom"),
            limit: tr.t_args("ballot-js-limit", &[("max", FluentValue::from("{max}"))]),
            instructions: tr.t("ballot-instructions-ranked-js"),
        }
    }
}

/// The ballot page.
#[derive(Debug, Template, WebTemplate)]
#[template(path = "ballot.html")]
pub struct BallotPage {
    pub page: PageContext,
    pub csrf_token: String,
    /// Where the form posts (the review step).
    pub action: String,
    pub election_title: LocalText,
    pub questions: Vec<QuestionView>,
    /// Empty unless the submission had problems.
    pub error_summary: Vec<SummaryItem>,
    pub ranking: RankingStrings,
    pub ballot_js_url: String,
    pub ballot_css_url: String,
    /// A message above the ballot (voter routes: "a new ballot replaces your previous one").
    pub notice: Option<String>,
    /// In a verifiable election: what the page's script needs to encrypt in the browser.
    pub verifiable: Option<VerifiableBallotView>,
}

/// The verifiable-election part of the ballot page (docs/record-format.md §3, §4): the
/// election parameters as JSON for a `<script type="application/json">` (never run: the CSP
/// forbids inline code), the scripts, where the encrypted ballot goes, and the texts the
/// script shows. Without JavaScript none of it is used and the form goes to the review.
#[derive(Debug, Clone)]
pub struct VerifiableBallotView {
    /// The §3 JSON, with `<`, `>` and `&` escaped so that it cannot end the script element.
    pub parameters_json: String,
    pub script_url: String,
    pub e2e_module_url: String,
    /// `POST` target of the encrypted ballot.
    pub cast_action: String,
    /// `data-*` texts for the script, (attribute suffix, translated text).
    pub texts: Vec<(&'static str, String)>,
}

impl VerifiableBallotView {
    /// `parameters` is the §3 JSON text.
    pub fn new(tr: &Translator, parameters: &str, cast_action: String) -> VerifiableBallotView {
        let texts = [
            ("review-title", "verifiable-review-title"),
            ("encrypting", "verifiable-encrypting"),
            ("encrypted", "verifiable-encrypted"),
            ("tracker", "verifiable-tracker-label"),
            ("cast", "verifiable-cast"),
            ("audit", "verifiable-audit"),
            ("change", "verifiable-change"),
            ("audit-title", "verifiable-audit-title"),
            ("audit-ok", "verifiable-audit-ok"),
            ("audit-failed", "verifiable-audit-failed"),
            ("audit-download", "verifiable-audit-download"),
            ("again", "verifiable-encrypt-again"),
            ("invalid", "verifiable-invalid"),
            ("abstain", "verifiable-abstain"),
            ("unavailable", "verifiable-unavailable"),
        ]
        .into_iter()
        .map(|(name, key)| (name, tr.t(key)))
        .collect();
        VerifiableBallotView {
            parameters_json: parameters
                .replace('<', "\\u003c")
                .replace('>', "\\u003e")
                .replace('&', "\\u0026"),
            script_url: static_files::url("ballot-e2e.js"),
            e2e_module_url: static_files::url("urna-e2e.js"),
            cast_action,
            texts,
        }
    }
}

/// What the ballot page is built from.
#[derive(Debug, Clone, Copy)]
pub struct BallotPageInput<'a> {
    pub election: &'a Election,
    /// The voter's languages for election texts, preferred first.
    pub chain: &'a [Lang],
    /// Per-voter seed of shuffled option orders (stable across re-renders).
    pub seed: &'a [u8],
    /// Where the form posts.
    pub action: &'a str,
    pub csrf_token: &'a str,
    /// An earlier submission to show again (after errors, or "Change my ballot"); empty for
    /// a fresh ballot.
    pub fields: &'a [(String, String)],
    pub errors: Option<&'a BallotFormErrors>,
}

/// The values submitted for `name`.
fn values<'f>(fields: &'f [(String, String)], name: &str) -> impl Iterator<Item = &'f str> {
    fields
        .iter()
        .filter(move |(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn first_value(fields: &[(String, String)], name: &str) -> String {
    values(fields, name).next().unwrap_or("").to_owned()
}

/// The ids used on the page for a question and its options. Ids of questions and candidates
/// are `[A-Za-z0-9_-]`, so these are valid, unique HTML ids.
fn input_id(prefix: &str, q: &Question, c: Option<&CandidateId>) -> String {
    match c {
        Some(c) => format!("{prefix}-{}-{c}", q.id),
        None => format!("{prefix}-{}", q.id),
    }
}

impl BallotPage {
    pub fn build(page: PageContext, input: BallotPageInput<'_>) -> BallotPage {
        let tr = page.tr.clone();
        let page_lang = tr.lang().to_owned();
        let election = input.election;
        let total = election.questions().len();
        let mut error_summary = Vec::new();
        if let Some(errors) = input.errors {
            for problem in &errors.form {
                error_summary.push(SummaryItem {
                    href: "#ballot-form".to_owned(),
                    text: problem.message(&tr),
                });
            }
        }
        let questions = election
            .questions()
            .iter()
            .enumerate()
            .map(|(index, q)| {
                let view = question_view(&tr, &page_lang, &input, index, total, q);
                for (i, message) in view.errors.iter().enumerate() {
                    // Link to the option's input when the problem is about one, else the
                    // question's first input.
                    let problem = input
                        .errors
                        .map(|e| e.for_question(index))
                        .and_then(|p| p.get(i));
                    let href = problem
                        .and_then(|p| p.candidate())
                        .map(|c| input_id(input_prefix(view.kind), q, Some(c)))
                        .filter(|id| view.options.iter().any(|o| &o.input_id == id))
                        .or_else(|| view.options.first().map(|o| o.input_id.clone()))
                        .unwrap_or_else(|| view.abstain_id.clone());
                    error_summary.push(SummaryItem {
                        href: format!("#{href}"),
                        text: tr.t_args(
                            "ballot-error-in-question",
                            &[
                                ("number", FluentValue::from(view.number)),
                                ("message", FluentValue::from(message.clone())),
                            ],
                        ),
                    });
                }
                view
            })
            .collect();
        BallotPage {
            csrf_token: input.csrf_token.to_owned(),
            action: input.action.to_owned(),
            election_title: LocalText::of(election.title(), input.chain, &page_lang),
            questions,
            error_summary,
            ranking: RankingStrings::new(&tr),
            ballot_js_url: static_files::url("ballot.js"),
            ballot_css_url: static_files::url("ballot.css"),
            notice: None,
            verifiable: None,
            page,
        }
    }
}

fn input_prefix(kind: &str) -> &'static str {
    match kind {
        "choose-one" => "choice",
        "approval" => "approve",
        "ranked" => "rank",
        _ => "score",
    }
}

fn question_view(
    tr: &Translator,
    page_lang: &str,
    input: &BallotPageInput<'_>,
    index: usize,
    total: usize,
    q: &Question,
) -> QuestionView {
    let chain = input.chain;
    let fields = input.fields;
    let kind = QuestionKind::of(q.ballot_type);
    let prefix = input_prefix(kind.as_str());
    let problems = input.errors.map_or(&[][..], |e| e.for_question(index));
    let error_id = input_id("error", q, None);

    let chosen = first_value(fields, &choice_field(&q.id));
    let approved: Vec<&str> = values(fields, &approve_field(&q.id)).collect();
    let options: Vec<OptionView> = display_order(q, input.seed)
        .into_iter()
        .filter_map(|i| q.options.get(i))
        .filter(|c| !c.withdrawn)
        .map(|c| {
            let id = input_id(prefix, q, Some(&c.id));
            let (field, checked, value) = match kind {
                QuestionKind::ChooseOne => {
                    (choice_field(&q.id), chosen == c.id.as_str(), String::new())
                }
                QuestionKind::Approval => (
                    approve_field(&q.id),
                    approved.contains(&c.id.as_str()),
                    String::new(),
                ),
                QuestionKind::Score | QuestionKind::SupportOppose => {
                    let f = score_field(&q.id, &c.id);
                    let v = first_value(fields, &f).trim().to_owned();
                    (f, false, v)
                }
                QuestionKind::Ranked => {
                    let f = rank_field(&q.id, &c.id);
                    let v = first_value(fields, &f).trim().to_owned();
                    (f, false, v)
                }
            };
            let error = problems
                .iter()
                .find(|p| p.candidate() == Some(&c.id))
                .map(|p| p.message(tr, q, chain));
            OptionView {
                candidate: c.id.to_string(),
                error_id: format!("{id}-error"),
                input_id: id,
                name: LocalText::of(&c.name, chain, page_lang),
                field,
                checked,
                value,
                error,
            }
        })
        .collect();

    let withdrawn: Vec<String> = q
        .options
        .iter()
        .filter(|c| c.withdrawn)
        .map(|c| c.name.get(chain).to_owned())
        .collect();
    let withdrawn = (!withdrawn.is_empty()).then(|| {
        tr.t_args(
            "ballot-withdrawn",
            &[(
                "names",
                FluentValue::from(withdrawn.join(&tr.t("ballot-list-separator"))),
            )],
        )
    });

    let instructions = instructions(tr, q);
    let score_choices = match q.ballot_type {
        BallotType::Score { min: -1, max: 1 } => vec![
            ScoreChoice {
                value: String::new(),
                label: tr.t("ballot-son-blank"),
            },
            ScoreChoice {
                value: "1".to_owned(),
                label: tr.t("ballot-son-support"),
            },
            ScoreChoice {
                value: "0".to_owned(),
                label: tr.t("ballot-son-neutral"),
            },
            ScoreChoice {
                value: "-1".to_owned(),
                label: tr.t("ballot-son-oppose"),
            },
        ],
        BallotType::Score { min, max } => std::iter::once(ScoreChoice {
            value: String::new(),
            label: tr.t("ballot-score-blank"),
        })
        .chain((min..=max).rev().map(|s| ScoreChoice {
            value: s.to_string(),
            label: s.to_string(),
        }))
        .collect(),
        _ => Vec::new(),
    };
    let (allow_equal, max_ranks) = match q.ballot_type {
        BallotType::Ranked {
            allow_equal,
            max_ranks,
        } => (allow_equal, max_ranks.unwrap_or(0)),
        _ => (false, 0),
    };

    let errors: Vec<String> = problems.iter().map(|p| p.message(tr, q, chain)).collect();
    let instructions_id = input_id("help", q, None);
    let described_by = if errors.is_empty() {
        instructions_id.clone()
    } else {
        format!("{instructions_id} {error_id}")
    };
    let abstain_checked =
        values(fields, &abstain_field(&q.id)).next().is_some() || chosen == ABSTAIN_CHOICE;
    let (abstain_field_name, abstain_value) = match kind {
        QuestionKind::ChooseOne => (choice_field(&q.id), ABSTAIN_CHOICE.to_owned()),
        _ => (abstain_field(&q.id), "yes".to_owned()),
    };
    QuestionView {
        number: index + 1,
        id: q.id.to_string(),
        kind: kind.as_str(),
        title: LocalText::of(&q.title, chain, page_lang),
        description: q
            .description
            .as_ref()
            .map(|d| LocalText::of(d, chain, page_lang))
            .filter(|d| !d.text.trim().is_empty()),
        position: tr.t_args(
            "ballot-question-position",
            &[
                ("number", FluentValue::from(index + 1)),
                ("total", FluentValue::from(total)),
            ],
        ),
        instructions,
        instructions_id,
        rank_max: q.options.len(),
        rank_hint: tr.t_args(
            "ballot-rank-range",
            &[("max", FluentValue::from(q.options.len()))],
        ),
        options,
        withdrawn,
        abstain_field: abstain_field_name,
        abstain_id: input_id("abstain", q, None),
        abstain_value,
        abstain_checked,
        errors,
        error_id,
        score_choices,
        allow_equal,
        max_ranks,
        described_by,
    }
}

/// The instructions for a question, one paragraph each.
fn instructions(tr: &Translator, q: &Question) -> Vec<String> {
    let n = |v: usize| FluentValue::from(v);
    match q.ballot_type {
        BallotType::ChooseOne => vec![tr.t("ballot-instructions-choose-one")],
        BallotType::Approval { min, max } => vec![if min == max {
            tr.t_args("ballot-instructions-approval-exactly", &[("count", n(min))])
        } else if min == 0 {
            tr.t_args("ballot-instructions-approval-up-to", &[("max", n(max))])
        } else {
            tr.t_args(
                "ballot-instructions-approval-range",
                &[("min", n(min)), ("max", n(max))],
            )
        }],
        BallotType::Score { min: -1, max: 1 } => vec![tr.t("ballot-instructions-son")],
        BallotType::Score { min, max } => vec![tr.t_args(
            "ballot-instructions-score",
            &[
                ("min", FluentValue::from(min)),
                ("max", FluentValue::from(max)),
            ],
        )],
        BallotType::Ranked {
            max_ranks,
            allow_equal,
        } => {
            let mut out = vec![tr.t("ballot-instructions-ranked")];
            if allow_equal {
                out.push(tr.t("ballot-instructions-ranked-equal"));
            } else {
                out.push(tr.t("ballot-instructions-ranked-distinct"));
            }
            if let Some(m) = max_ranks {
                out.push(tr.t_args("ballot-instructions-ranked-max", &[("max", n(m))]));
            }
            out
        }
    }
}

/// One question's answer read back in words on the confirmation page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmQuestion {
    pub number: usize,
    /// "Question 2".
    pub position: String,
    pub title: LocalText,
    /// A sentence introducing the list, or the whole answer when `items` is empty.
    pub summary: String,
    /// The named choices; for rankings, one item per rank (equal ranks share an item).
    pub items: Vec<ConfirmItem>,
    /// Whether `items` is an ordered ranking.
    pub ordered: bool,
}

/// One line of an answer on the confirmation page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmItem {
    pub names: Vec<LocalText>,
    /// The score or rank in words ("Support", "4"), or "" when the list says it all.
    pub detail: String,
}

/// The confirmation page: the choices in words, with "Cast this ballot" and "Change my
/// ballot"; the choices travel in hidden fields and are checked again on cast.
#[derive(Debug, Template, WebTemplate)]
#[template(path = "ballot_confirm.html")]
pub struct ConfirmPage {
    pub page: PageContext,
    pub csrf_token: String,
    /// Where "Cast" and "Change" post (field `action` = `cast` or `change`).
    pub action: String,
    pub election_title: LocalText,
    pub questions: Vec<ConfirmQuestion>,
    pub hidden_fields: Vec<(String, String)>,
    pub ballot_css_url: String,
    /// A message above the choices (voter routes: "casting replaces your previous ballot").
    pub notice: Option<String>,
}

impl ConfirmPage {
    /// `ballot` is a ballot that [`crate::ballot_form::parse_ballot_form`] accepted.
    pub fn build(
        page: PageContext,
        election: &Election,
        chain: &[Lang],
        ballot: &PlainBallot,
        action: &str,
        csrf_token: &str,
    ) -> ConfirmPage {
        let tr = page.tr.clone();
        let page_lang = tr.lang().to_owned();
        let name = |q: &Question, c: &CandidateId| match q.candidate(c) {
            Some(cand) => LocalText::of(&cand.name, chain, &page_lang),
            None => LocalText {
                text: c.to_string(),
                lang: None,
                dir: "auto",
            },
        };
        let questions = election
            .questions()
            .iter()
            .zip(&ballot.answers)
            .enumerate()
            .map(|(i, (q, answer))| {
                let (summary, items, ordered) = match answer {
                    Answer::Abstain => (tr.t("ballot-confirm-abstain"), Vec::new(), false),
                    Answer::Choice(c) => (
                        tr.t("ballot-confirm-choice"),
                        vec![ConfirmItem {
                            names: vec![name(q, c)],
                            detail: String::new(),
                        }],
                        false,
                    ),
                    Answer::Approvals(list) if list.is_empty() => {
                        (tr.t("ballot-confirm-approved-none"), Vec::new(), false)
                    }
                    Answer::Approvals(list) => (
                        tr.t_args(
                            "ballot-confirm-approved",
                            &[("count", FluentValue::from(list.len()))],
                        ),
                        list.iter()
                            .map(|c| ConfirmItem {
                                names: vec![name(q, c)],
                                detail: String::new(),
                            })
                            .collect(),
                        false,
                    ),
                    Answer::Scores(list) if list.is_empty() => {
                        (tr.t("ballot-confirm-scores-none"), Vec::new(), false)
                    }
                    Answer::Scores(list) => {
                        let son = matches!(q.ballot_type, BallotType::Score { min: -1, max: 1 });
                        // Highest score first reads most naturally; the order does not
                        // matter to the count. The sort is stable: equal scores keep the
                        // option order.
                        let mut sorted = list.clone();
                        sorted.sort_by_key(|(_, s)| std::cmp::Reverse(*s));
                        let items: Vec<ConfirmItem> = sorted
                            .iter()
                            .map(|(c, s)| ConfirmItem {
                                names: vec![name(q, c)],
                                detail: if son {
                                    tr.t(match s {
                                        1 => "ballot-son-support",
                                        0 => "ballot-son-neutral",
                                        _ => "ballot-son-oppose",
                                    })
                                } else {
                                    s.to_string()
                                },
                            })
                            .collect();
                        let blank = q.options.len() - list.len();
                        (
                            tr.t_args(
                                "ballot-confirm-scores",
                                &[("blank", FluentValue::from(blank))],
                            ),
                            items,
                            false,
                        )
                    }
                    Answer::Ranking(groups) => {
                        let ranked: usize = groups.iter().map(Vec::len).sum();
                        (
                            tr.t_args(
                                "ballot-confirm-ranking",
                                &[
                                    ("count", FluentValue::from(ranked)),
                                    ("unranked", FluentValue::from(q.options.len() - ranked)),
                                ],
                            ),
                            groups
                                .iter()
                                .map(|g| ConfirmItem {
                                    names: g.iter().map(|c| name(q, c)).collect(),
                                    detail: if g.len() > 1 {
                                        tr.t("ballot-confirm-equal")
                                    } else {
                                        String::new()
                                    },
                                })
                                .collect(),
                            true,
                        )
                    }
                };
                ConfirmQuestion {
                    number: i + 1,
                    position: tr.t_args(
                        "ballot-confirm-question",
                        &[("number", FluentValue::from(i + 1))],
                    ),
                    title: LocalText::of(&q.title, chain, &page_lang),
                    summary,
                    items,
                    ordered,
                }
            })
            .collect();
        ConfirmPage {
            csrf_token: csrf_token.to_owned(),
            action: action.to_owned(),
            election_title: LocalText::of(election.title(), chain, &page_lang),
            questions,
            hidden_fields: ballot_fields(election, ballot),
            ballot_css_url: static_files::url("ballot.css"),
            notice: None,
            page,
        }
    }
}

/// The receipt page, after the ballot was cast.
#[derive(Debug, Template, WebTemplate)]
#[template(path = "ballot_receipt.html")]
pub struct ReceiptPage {
    pub page: PageContext,
    pub election_title: LocalText,
    /// `XXXXX-XXXXX-XXXXX-XXXXX` (urna_core::token::receipt_code of the sealed ballot).
    pub receipt_code: String,
    pub revote_allowed: bool,
    /// Shown on the preview router's receipt: nothing was recorded.
    pub preview_note: Option<String>,
    pub ballot_css_url: String,
    /// A message under the title (voter routes: "this ballot replaced your previous one").
    pub notice: Option<String>,
    /// In a verifiable election: the tracker and where the board shows it.
    pub tracker: Option<TrackerView>,
}

/// A verifiable ballot's tracker on the receipt (docs/record-format.md §4, §6).
#[derive(Debug, Clone)]
pub struct TrackerView {
    /// The ballot digest, lowercase hex.
    pub tracker: String,
    /// The board's lookup page for it.
    pub board_url: String,
    /// "Sealed in your browser" or "sealed by the server".
    pub sealed_by_note: String,
}

impl ReceiptPage {
    pub fn build(
        page: PageContext,
        election: &Election,
        chain: &[Lang],
        receipt_code: &str,
    ) -> ReceiptPage {
        let page_lang = page.tr.lang().to_owned();
        ReceiptPage {
            election_title: LocalText::of(election.title(), chain, &page_lang),
            receipt_code: receipt_code.to_owned(),
            revote_allowed: election.allow_revote(),
            preview_note: None,
            ballot_css_url: static_files::url("ballot.css"),
            notice: None,
            tracker: None,
            page,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballot_form::{AnswerProblem, parse_ballot_form};
    use crate::ballot_preview::{preview_election, seventy_names};
    use crate::i18n::{Locales, SHIPPED_LANGUAGES};
    use std::sync::Arc;

    fn translator(lang: &str) -> Translator {
        let enabled: Vec<_> = SHIPPED_LANGUAGES
            .iter()
            .map(|c| LanguageTag::parse(c).expect("tag"))
            .collect();
        let locales =
            Arc::new(Locales::embedded(&enabled, &LanguageTag::english()).expect("translations"));
        let index = locales.lookup(lang).expect("shipped");
        Translator::new(locales, index)
    }

    fn render(lang: &str, fixture: &str, seed: &[u8], errors: Option<&BallotFormErrors>) -> String {
        let election = preview_election(fixture).expect("fixture");
        let chain = [Lang::parse(lang).expect("lang")];
        BallotPage::build(
            PageContext::new(translator(lang), "/ballot"),
            BallotPageInput {
                election: &election,
                chain: &chain,
                seed,
                action: "/ballot/review",
                csrf_token: "token",
                fields: &[],
                errors,
            },
        )
        .render()
        .expect("renders")
    }

    #[test]
    fn every_candidate_of_70_appears_once_with_a_labelled_rank_input() {
        let html = render("en", "ranked-70", b"seed", None);
        for (i, name) in seventy_names().iter().enumerate() {
            let id = format!("c{:02}", i + 1);
            assert_eq!(
                html.matches(&format!("name=\"rank.council.{id}\"")).count(),
                1,
                "{id}"
            );
            assert_eq!(
                html.matches(&format!("for=\"rank-council-{id}\"")).count(),
                1,
                "{id}"
            );
            assert_eq!(
                html.matches(&format!(">{name}</label>")).count(),
                1,
                "{name}"
            );
        }
        assert!(html.contains("<legend>"));
        assert!(!html.contains("error-summary"));
    }

    #[test]
    fn shuffled_order_is_stable_per_seed_and_differs_between_seeds() {
        let election = preview_election("ranked-70").expect("fixture");
        let q = &election.questions()[0];
        let a = display_order(q, b"voter one");
        assert_eq!(a, display_order(q, b"voter one"));
        let b = display_order(q, b"voter two");
        assert_ne!(a, b);
        // Each is a permutation of the 70 options.
        let mut sorted = a.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..70).collect::<Vec<_>>());
        assert_ne!(a, sorted, "shuffled, not the listed order");
        // Unshuffled questions keep the admin's order whatever the seed.
        let all_types = preview_election("all-types").expect("fixture");
        assert_eq!(
            display_order(&all_types.questions()[1], b"x"),
            vec![0, 1, 2, 3]
        );
        // The page shows the same order as display_order.
        let html = render("en", "ranked-70", b"voter one", None);
        let positions: Vec<usize> = a
            .iter()
            .map(|&i| {
                html.find(&format!("rank.council.c{:02}\"", i + 1))
                    .expect("present")
            })
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn arabic_page_is_rtl_and_marks_english_names() {
        let html = render("ar", "all-types", b"s", None);
        assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
        // The question title exists in Arabic; the candidate names only in English.
        assert!(html.contains("الرئاسة"));
        assert!(html.contains("lang=\"en\" dir=\"ltr\">Ann</label>"));
        let html = render("zh", "all-types", b"s", None);
        assert!(html.contains("<html lang=\"zh\" dir=\"ltr\">"));
        assert!(html.contains("主席"));
    }

    #[test]
    fn every_ballot_type_has_its_inputs() {
        let html = render("en", "all-types", b"s", None);
        assert_eq!(html.matches("type=\"radio\" id=\"choice-chair-").count(), 3);
        assert!(html.contains("name=\"choice.chair\" value=\"~abstain\""));
        assert_eq!(
            html.matches("type=\"checkbox\" id=\"approve-projects-")
                .count(),
            4
        );
        assert!(
            html.contains(
                "Approve at least \u{2068}1\u{2069} and at most \u{2068}2\u{2069} options."
            )
        );
        assert_eq!(html.matches("<select id=\"score-logo-").count(), 3);
        // Support / neutral / oppose as named radio choices (plus "No opinion").
        for label in ["Support", "Neutral", "Oppose", "No opinion"] {
            assert_eq!(
                html.matches(&format!(">{label}</label>")).count(),
                2,
                "{label}"
            );
        }
        assert_eq!(html.matches("name=\"abstain.").count(), 4);
        assert!(html.contains("data-ranked"));
        assert!(!html.contains("<script>"), "no inline script");
        assert!(!html.contains("style="), "no inline style");
    }

    #[test]
    fn errors_are_summarised_linked_and_described() {
        let election = preview_election("all-types").expect("fixture");
        let errors = parse_ballot_form(
            &election,
            &[
                ("approve.projects".to_owned(), "code".to_owned()),
                ("abstain.logo".to_owned(), "yes".to_owned()),
                ("abstain.policy".to_owned(), "yes".to_owned()),
                ("rank.board.emil".to_owned(), "x".to_owned()),
            ],
        )
        .expect_err("refused");
        assert_eq!(errors.for_question(0), [AnswerProblem::NoChoice]);
        let html = render("en", "all-types", b"s", Some(&errors));
        assert!(html.contains("id=\"error-summary\" tabindex=\"-1\" autofocus"));
        // The summary links to the exact input of a per-candidate problem.
        assert!(html.contains("href=\"#rank-board-emil\""));
        assert!(html.contains(
            "aria-invalid=\"true\" aria-describedby=\"help-board-rank rank-board-emil-error\""
        ));
        assert!(html.contains("aria-describedby=\"help-chair error-chair\""));
        assert!(html.contains("id=\"error-chair\""));
    }

    #[test]
    fn confirmation_reads_choices_back_in_order_and_carries_them() {
        let election = preview_election("all-types").expect("fixture");
        let fields: Vec<(String, String)> = [
            ("choice.chair", "chen"),
            ("approve.projects", "code"),
            ("approve.projects", "wiki"),
            ("score.logo.blue", "5"),
            ("score.logo.red", "2"),
            ("score.policy.p2", "-1"),
            ("rank.board.hana", "1"),
            ("rank.board.dora", "2"),
            ("rank.board.emil", "2"),
        ]
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
        let ballot = parse_ballot_form(&election, &fields).expect("valid");
        let chain = [Lang::parse("en").expect("lang")];
        let page = ConfirmPage::build(
            PageContext::new(translator("en"), "/x"),
            &election,
            &chain,
            &ballot,
            "/cast",
            "tok",
        );
        let html = page.render().expect("renders");
        assert!(html.contains("<span class=\"name\">陈静</span>"));
        let hana = html.find(">Hana<").expect("Hana");
        let dora = html.find(">Dora<").expect("Dora");
        assert!(hana < dora, "rank 1 before rank 2");
        assert!(html.contains("ranked equally"));
        assert!(html.contains("Oppose"));
        assert!(html.contains("name=\"action\" value=\"cast\""));
        assert!(html.contains("name=\"action\" value=\"change\""));
        assert!(html.contains("<input type=\"hidden\" name=\"rank.board.emil\" value=\"2\">"));
        // The hidden fields read back to the same ballot.
        assert_eq!(
            parse_ballot_form(&election, &page.hidden_fields).expect("valid"),
            ballot
        );
    }
}
