//! The public results, once published, and nothing before.
//!
//! - `GET /elections/{slug}/results`: per question the elected (or the ranking), the round
//!   table, and a bar chart of the last stage as SVG (drawn here from the stored report, with
//!   classes for colours: the Content-Security-Policy allows no inline style); for ranked
//!   questions, links to the anonymised ballots.
//! - `GET /elections/{slug}/results/{question}/ballots.blt` and `…/ballots.csv`: those
//!   ballots ([`service::publish::published_ballots`]).
//!
//! Every route answers 404 until the election's results are published, whatever the state of
//! the count: partial or unpublished results never leave the server.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, Uri, header};
use axum::response::{IntoResponse, Response};
use fluent_bundle::FluentValue;
use serde_json::Value;
use urna_core::lifecycle::State as ElectionState;
use urna_core::question::BallotType;

use crate::app::AppState;
use crate::ballot_page::LocalText;
use crate::error::{AppError, AppResult};
use crate::i18n::Translator;
use crate::service::publish::{BallotFile, published_ballots, results};
use crate::service::{LoadedElection, ServiceError};
use crate::static_files;
use crate::templates::PageContext;
use crate::voter_routes::{chain, load_or_404};

/// One bar of the chart, in SVG user units.
#[derive(Debug, Clone)]
pub struct Bar {
    pub name: String,
    pub value: String,
    pub y: f64,
    pub text_y: f64,
    pub width: f64,
    pub value_x: f64,
    pub elected: bool,
}

/// The last stage's votes as horizontal bars, with the quota as a line when there is one.
#[derive(Debug, Clone)]
pub struct Chart {
    pub height: f64,
    pub bars: Vec<Bar>,
    /// x of the quota line and its label.
    pub quota: Option<(f64, String)>,
}

/// Width of the name column, the longest bar, and one row, in SVG user units.
const LABEL_WIDTH: f64 = 220.0;
const BAR_WIDTH: f64 = 480.0;
const ROW_HEIGHT: f64 = 24.0;

/// One row of the round table.
#[derive(Debug, Clone)]
pub struct RoundRow {
    pub stage: String,
    pub action: String,
    pub quota: String,
    pub votes: Vec<String>,
    pub non_transferable: String,
}

/// One question's published result.
#[derive(Debug, Clone)]
pub struct QuestionResult {
    pub number: usize,
    pub id: String,
    pub title: LocalText,
    pub summary: String,
    pub elected: Vec<String>,
    /// Tiers of the full ranking, best first, when the method gives one.
    pub ranking: Vec<Vec<String>>,
    pub candidates: Vec<String>,
    pub has_quota: bool,
    pub rounds: Vec<RoundRow>,
    pub chart: Option<Chart>,
    /// Whether the anonymised ballots can be downloaded (ranked questions).
    pub downloads: bool,
    /// A mixnet election's ballots set aside for this question, each with its position in the
    /// last shuffle and the reason: public, as in the record (docs/record-format.md A.7).
    pub set_aside_public: Vec<String>,
}

/// `GET /elections/{slug}/results`.
#[derive(Debug, Template, WebTemplate)]
#[template(path = "results.html")]
pub struct ResultsPage {
    pub page: PageContext,
    pub slug: String,
    pub title: LocalText,
    pub questions: Vec<QuestionResult>,
    pub results_css_url: String,
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

/// Decimal strings of the report as numbers, for drawing only (the table shows the exact
/// strings).
fn number(v: &Value) -> Option<f64> {
    v.as_str().and_then(|s| s.parse::<f64>().ok())
}

/// The chart of a report: each candidate's votes at the last stage where they had any (an
/// excluded candidate shows their last total), as in `urna_tally::render::html`.
pub fn chart(report: &Value) -> Option<Chart> {
    let candidates = strings(&report["candidates"]);
    let withdrawn = strings(&report["withdrawn"]);
    let elected = strings(&report["elected"]);
    let rounds = report["rounds"].as_array()?;
    let last = rounds
        .iter()
        .rev()
        .find(|r| r["votes"].as_object().is_some_and(|v| !v.is_empty()))?;
    let values: Vec<(String, f64, String)> = candidates
        .iter()
        .filter(|c| !withdrawn.contains(c))
        .map(|c| {
            let found = rounds
                .iter()
                .rev()
                .find_map(|r| r["votes"].get(c.as_str()).filter(|v| v.is_string()));
            let shown = found.map(text).unwrap_or_else(|| "0".to_owned());
            (c.clone(), found.and_then(number).unwrap_or(0.0), shown)
        })
        .collect();
    let quota = number(&last["quota"]);
    let max = values
        .iter()
        .map(|v| v.1)
        .chain(quota)
        .fold(0.0f64, f64::max)
        .max(1.0);
    let bars = values
        .into_iter()
        .enumerate()
        .map(|(i, (name, v, shown))| {
            let y = i as f64 * ROW_HEIGHT + 4.0;
            let width = (v / max * BAR_WIDTH).max(0.0);
            Bar {
                elected: elected.contains(&name),
                name,
                value: shown,
                y,
                text_y: y + 15.0,
                width: (width * 10.0).round() / 10.0,
                value_x: ((LABEL_WIDTH + width + 4.0) * 10.0).round() / 10.0,
            }
        })
        .collect::<Vec<_>>();
    let height = ROW_HEIGHT * bars.len() as f64 + 30.0;
    Some(Chart {
        height,
        bars,
        quota: quota.map(|q| {
            let x = LABEL_WIDTH + q / max * BAR_WIDTH;
            ((x * 10.0).round() / 10.0, text(&last["quota"]))
        }),
    })
}

fn round_rows(report: &Value, candidates: &[String]) -> Vec<RoundRow> {
    report["rounds"]
        .as_array()
        .map(|rounds| {
            rounds
                .iter()
                .map(|r| RoundRow {
                    stage: text(&r["stage"]),
                    action: text(&r["action"]),
                    quota: text(&r["quota"]),
                    votes: candidates
                        .iter()
                        .map(|c| r["votes"].get(c.as_str()).map(text).unwrap_or_default())
                        .collect(),
                    non_transferable: text(&r["non_transferable"]),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A mixnet election's set-aside list (`[{"position", "reason"}…]`) as lines to show.
fn public_set_aside(list: &Value, tr: &Translator) -> Vec<String> {
    list.as_array()
        .map(|items| {
            items
                .iter()
                .map(|item| {
                    tr.t_args(
                        "results-set-aside-row",
                        &[
                            ("position", FluentValue::from(text(&item["position"]))),
                            ("reason", FluentValue::from(text(&item["reason"]))),
                        ],
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The election, if its results are public; 404 otherwise.
async fn published_election(state: &AppState, slug: &str) -> AppResult<LoadedElection> {
    let loaded = load_or_404(state, slug).await?;
    if !matches!(
        loaded.state(),
        ElectionState::Published | ElectionState::Archived
    ) {
        return Err(AppError::not_found());
    }
    Ok(loaded)
}

/// One result as the page shows it: `document` is a stored result (or recount) document with
/// its urna-tally `report`; `number` makes the section's element ids unique.
fn question_result(
    tr: &Translator,
    number: usize,
    id: String,
    title: LocalText,
    document: &serde_json::Value,
    downloads: bool,
) -> QuestionResult {
    let report = &document["report"];
    let candidates = strings(&report["candidates"]);
    let rounds = round_rows(report, &candidates);
    let set_aside = document["set_aside"].as_array().map_or(0, Vec::len);
    let mut summary = tr.t_args(
        "results-summary",
        &[
            ("method", FluentValue::from(text(&report["method"]))),
            ("seats", FluentValue::from(text(&report["seats"]))),
            ("ballots", FluentValue::from(text(&report["ballots"]))),
        ],
    );
    if set_aside > 0 {
        summary.push(' ');
        summary.push_str(&tr.t_args(
            "results-set-aside",
            &[("count", FluentValue::from(set_aside))],
        ));
    }
    QuestionResult {
        number,
        id,
        title,
        summary,
        elected: strings(&report["elected"]),
        ranking: report["ranking"]
            .as_array()
            .map(|tiers| tiers.iter().map(strings).collect())
            .unwrap_or_default(),
        has_quota: rounds.iter().any(|r| !r.quota.is_empty()),
        candidates,
        rounds,
        chart: chart(report),
        downloads,
        set_aside_public: Vec::new(),
    }
}

/// `GET /elections/{slug}/results`.
pub async fn results_page(
    State(state): State<AppState>,
    tr: Translator,
    uri: Uri,
    Path(slug): Path<String>,
) -> AppResult<ResultsPage> {
    let loaded = published_election(&state, &slug).await?;
    // Only published rows: `false` = do not include unpublished ones.
    let rows = results(&state.db, &slug, false)
        .await
        .map_err(AppError::internal)?;
    if rows.is_empty() {
        return Err(AppError::not_found());
    }
    let chain = chain(&tr);
    let lang = tr.lang().to_owned();
    // Recounts after a withdrawal once counted (service::live), shown after their original.
    let recounts = state
        .db
        .recounts(loaded.row_id, true)
        .await
        .map_err(AppError::internal)?;
    let questions_count = loaded.election.questions().len();
    let mut questions = Vec::new();
    for (i, q) in loaded.election.questions().iter().enumerate() {
        let Some(row) = rows.iter().find(|r| r.question == q.id.as_str()) else {
            continue;
        };
        let downloads = matches!(q.ballot_type, BallotType::Ranked { .. })
            && row.report["ballots_blt"].is_string();
        let mut result = question_result(
            &tr,
            i + 1,
            q.id.to_string(),
            LocalText::of(&q.title, &chain, &lang),
            &row.report,
            downloads,
        );
        if crate::service::board::is_mixnet(&loaded) {
            result.set_aside_public = public_set_aside(&row.report["set_aside"], &tr);
        }
        questions.push(result);
        if let Some(recount) = recounts.iter().find(|r| r.question == q.id.as_str()) {
            let withdrawn: Vec<String> = recount.report["withdrawn"]
                .as_array()
                .map(|ids| {
                    ids.iter()
                        .filter_map(|id| id.as_str())
                        .filter_map(|id| urna_core::question::CandidateId::parse(id).ok())
                        .map(|id| q.candidate_name(&id))
                        .collect()
                })
                .unwrap_or_default();
            let title = format!(
                "{} — {}",
                LocalText::of(&q.title, &chain, &lang).text,
                tr.t_args(
                    "live-results-recount-title",
                    &[("withdrawn", FluentValue::from(withdrawn.join(", ")))],
                )
            );
            let mut result = question_result(
                &tr,
                questions_count + i + 1,
                format!("{}-recount", q.id),
                LocalText {
                    text: title,
                    lang: None,
                    dir: "auto",
                },
                &recount.report,
                false,
            );
            result.summary = format!("{} {}", tr.t("live-results-recount-note"), result.summary);
            questions.push(result);
        }
    }
    Ok(ResultsPage {
        slug,
        title: LocalText::of(loaded.election.title(), &chain, &lang),
        questions,
        results_css_url: static_files::url("results.css"),
        page: PageContext::new(tr, uri.path()),
    })
}

async fn ballots_file(
    state: &AppState,
    slug: &str,
    question: &str,
    file: BallotFile,
) -> AppResult<Response> {
    published_election(state, slug).await?;
    let text = match published_ballots(&state.db, slug, question, file).await {
        Ok(text) => text,
        Err(
            ServiceError::NoSuchElection(_)
            | ServiceError::NoSuchQuestion { .. }
            | ServiceError::Refused(_),
        ) => return Err(AppError::not_found()),
        Err(e) => return Err(AppError::internal(e)),
    };
    let (content_type, extension) = match file {
        BallotFile::Blt => ("text/plain; charset=utf-8", "blt"),
        BallotFile::Csv => ("text/csv; charset=utf-8", "csv"),
    };
    // Slugs and question ids are [A-Za-z0-9_-], safe inside the quoted file name.
    let disposition = format!("attachment; filename=\"{slug}-{question}.{extension}\"");
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).map_err(AppError::internal)?,
            ),
        ],
        text,
    )
        .into_response())
}

/// `GET /elections/{slug}/results/{question}/ballots.blt`.
pub async fn ballots_blt(
    State(state): State<AppState>,
    Path((slug, question)): Path<(String, String)>,
) -> AppResult<Response> {
    ballots_file(&state, &slug, &question, BallotFile::Blt).await
}

/// `GET /elections/{slug}/results/{question}/ballots.csv`.
pub async fn ballots_csv(
    State(state): State<AppState>,
    Path((slug, question)): Path<(String, String)>,
) -> AppResult<Response> {
    ballots_file(&state, &slug, &question, BallotFile::Csv).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chart_scales_to_the_largest_value_and_draws_the_quota() {
        // Two candidates: A 3 votes (elected), B 1; quota 2. The largest value is 3, so A's bar
        // is the full 480 units, B's a third (160), and the quota line at 2/3 (320) past the
        // 220-unit name column: x = 540.
        let report = serde_json::json!({
            "candidates": ["A", "B"], "withdrawn": [], "elected": ["A"],
            "rounds": [{"stage": 1, "votes": {"A": "3", "B": "1"}, "quota": "2"}]
        });
        let chart = chart(&report).expect("a chart");
        assert_eq!(chart.bars.len(), 2);
        assert_eq!(chart.bars[0].width, 480.0);
        assert!(chart.bars[0].elected);
        assert_eq!(chart.bars[1].width, 160.0);
        assert!(!chart.bars[1].elected);
        assert_eq!(chart.quota, Some((540.0, "2".to_owned())));
        assert_eq!(chart.height, 2.0 * 24.0 + 30.0);
    }

    #[test]
    fn an_excluded_candidate_keeps_their_last_total() {
        // C is excluded after stage 1 (no entry at stage 2): the chart shows C's 1.
        let report = serde_json::json!({
            "candidates": ["A", "C"], "withdrawn": [], "elected": ["A"],
            "rounds": [
                {"stage": 1, "votes": {"A": "2", "C": "1"}, "quota": null},
                {"stage": 2, "votes": {"A": "3"}, "quota": null}
            ]
        });
        let chart = chart(&report).expect("a chart");
        assert_eq!(chart.bars[1].value, "1");
        assert_eq!(chart.bars[1].width, 160.0);
        assert_eq!(chart.quota, None);
    }

    #[test]
    fn no_rounds_no_chart() {
        let report = serde_json::json!({"candidates": ["A"], "rounds": []});
        assert!(chart(&report).is_none());
    }
}
