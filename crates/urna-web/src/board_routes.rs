//! The public board of an election (docs/record-format.md §6), for anyone, from opening on:
//!
//! - `GET /elections/{slug}/board`: counts, the latest signed tree head, a lookup of a tracker
//!   (`?tracker=`: "included at height h under the tree head of size s", its inclusion proof
//!   checked by the server and shown) and a consistency check between two sizes
//!   (`?from=a&to=b`). Plain GET forms: nothing changes, so no CSRF token is needed.
//! - `GET /elections/{slug}/record.jsonl` and `GET /api/v1/elections/{slug}/record`: the
//!   record, streamed page by page.
//! - `GET /api/v1/elections/{slug}/board/receipt/{tracker}`: the receipt (202 while the ballot
//!   waits for the next batch, 404 if unknown).
//! - `GET /api/v1/elections/{slug}/board/consistency?from=a&to=b`: an RFC 6962 consistency
//!   proof with both roots.
//!
//! Elections without a board yet (draft, ready, or opened but not yet published) answer 404.

use askama::Template;
use askama_web::WebTemplate;
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use fluent_bundle::FluentValue;
use serde::Deserialize;
use serde_json::json;

use crate::app::AppState;
use crate::ballot_page::LocalText;
use crate::error::{AppError, AppResult};
use crate::i18n::Translator;
use crate::service::board::{self, ReceiptLookup, Tracker};
use crate::service::{LoadedElection, ServiceError};
use crate::templates::PageContext;
use crate::voter_routes::load_or_404;

/// The election, if its board has begun.
async fn with_board(state: &AppState, slug: &str) -> AppResult<LoadedElection> {
    let loaded = load_or_404(state, slug).await?;
    let size = state
        .db
        .board_size(loaded.row_id)
        .await
        .map_err(AppError::internal)?;
    if size == 0 {
        return Err(AppError::not_found());
    }
    Ok(loaded)
}

/// The page's optional lookups.
#[derive(Debug, Default, Deserialize)]
pub struct BoardQuery {
    pub tracker: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// What a tracker lookup found, as the page shows it.
#[derive(Debug, Clone)]
pub struct LookupView {
    pub tracker: String,
    /// The sentence saying where it stands.
    pub message: String,
    pub included: bool,
    pub inclusion: Vec<String>,
    pub root: String,
}

/// What a consistency check found.
#[derive(Debug, Clone)]
pub struct ConsistencyView {
    pub message: String,
    pub ok: bool,
    pub proof: Vec<String>,
}

/// `GET /elections/{slug}/board`.
#[derive(Debug, Template, WebTemplate)]
#[template(path = "board.html")]
pub struct BoardPage {
    pub page: PageContext,
    pub slug: String,
    pub title: LocalText,
    pub events: i64,
    pub ballots: i64,
    pub head_size: Option<u64>,
    pub head_root: String,
    pub tracker: String,
    pub lookup: Option<LookupView>,
    pub from: String,
    pub to: String,
    pub consistency: Option<ConsistencyView>,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `GET /elections/{slug}/board`.
pub async fn board_page(
    State(state): State<AppState>,
    tr: Translator,
    uri: Uri,
    Path(slug): Path<String>,
    Query(query): Query<BoardQuery>,
) -> AppResult<BoardPage> {
    let loaded = with_board(&state, &slug).await?;
    let summary = board::summary(&state.db, &loaded)
        .await
        .map_err(AppError::internal)?;
    let lookup = match query.tracker.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => Some(lookup_view(&state, &tr, &loaded, text).await?),
        _ => None,
    };
    let consistency = match (query.from.as_deref(), query.to.as_deref()) {
        (Some(from), Some(to)) if !from.trim().is_empty() && !to.trim().is_empty() => {
            Some(consistency_view(&state, &tr, &loaded, from, to).await?)
        }
        _ => None,
    };
    let lang = tr.lang().to_owned();
    let chain = crate::voter_routes::chain(&tr);
    let title = LocalText::of(loaded.election.title(), &chain, &lang);
    Ok(BoardPage {
        page: PageContext::new(tr, uri.path()),
        slug,
        title,
        events: summary.events,
        ballots: summary.ballots,
        head_size: summary.latest_tree_head.map(|h| h.size),
        head_root: summary
            .latest_tree_head
            .map(|h| hex(h.root.as_bytes()))
            .unwrap_or_default(),
        tracker: query.tracker.unwrap_or_default(),
        lookup,
        from: query.from.unwrap_or_default(),
        to: query.to.unwrap_or_default(),
        consistency,
    })
}

async fn lookup_view(
    state: &AppState,
    tr: &Translator,
    loaded: &LoadedElection,
    text: &str,
) -> AppResult<LookupView> {
    let Ok(tracker) = text.parse::<Tracker>() else {
        return Ok(LookupView {
            tracker: text.to_owned(),
            message: tr.t_args(
                "board-tracker-malformed",
                &[("tracker", FluentValue::from(text))],
            ),
            included: false,
            inclusion: Vec::new(),
            root: String::new(),
        });
    };
    let found = board::receipt(&state.db, loaded, tracker)
        .await
        .map_err(AppError::internal)?;
    let tracker_hex = hex(&tracker.0);
    Ok(match found {
        ReceiptLookup::Included(receipt) => LookupView {
            message: tr.t_args(
                "board-tracker-included",
                &[
                    ("height", FluentValue::from(receipt.height)),
                    ("size", FluentValue::from(receipt.tree_head.size)),
                ],
            ),
            included: true,
            inclusion: receipt
                .inclusion
                .iter()
                .map(|d| hex(d.as_bytes()))
                .collect(),
            root: hex(receipt.tree_head.root.as_bytes()),
            tracker: tracker_hex,
        },
        ReceiptLookup::Waiting => LookupView {
            message: tr.t("board-tracker-waiting"),
            included: false,
            inclusion: Vec::new(),
            root: String::new(),
            tracker: tracker_hex,
        },
        ReceiptLookup::Unknown => LookupView {
            message: tr.t("board-tracker-unknown"),
            included: false,
            inclusion: Vec::new(),
            root: String::new(),
            tracker: tracker_hex,
        },
    })
}

async fn consistency_view(
    state: &AppState,
    tr: &Translator,
    loaded: &LoadedElection,
    from: &str,
    to: &str,
) -> AppResult<ConsistencyView> {
    let sizes = from
        .trim()
        .parse::<u64>()
        .ok()
        .zip(to.trim().parse::<u64>().ok());
    let refused = |message: String| ConsistencyView {
        message,
        ok: false,
        proof: Vec::new(),
    };
    let Some((from, to)) = sizes else {
        return Ok(refused(tr.t("board-consistency-malformed")));
    };
    Ok(
        match board::consistency(&state.db, loaded, from, to).await {
            Ok(proof) => ConsistencyView {
                message: tr.t_args(
                    "board-consistency-ok",
                    &[
                        ("from", FluentValue::from(from)),
                        ("to", FluentValue::from(to)),
                    ],
                ),
                ok: true,
                proof: proof.proof.iter().map(|d| hex(d.as_bytes())).collect(),
            },
            Err(ServiceError::Refused(_)) => refused(tr.t_args(
                "board-consistency-out-of-range",
                &[
                    ("from", FluentValue::from(from)),
                    ("to", FluentValue::from(to)),
                ],
            )),
            Err(error) => return Err(AppError::internal(error)),
        },
    )
}

fn record_response(state: &AppState, loaded: &LoadedElection) -> Response {
    let stream = board::record_stream(state.db.clone(), loaded.row_id);
    let mut response = Body::from_stream(stream).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/jsonl; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!(
        "attachment; filename=\"{}-record.jsonl\"",
        loaded.slug()
    )) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// `GET /elections/{slug}/record.jsonl`.
pub async fn record_download(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let loaded = with_board(&state, &slug).await?;
    Ok(record_response(&state, &loaded))
}

/// `GET /api/v1/elections/{slug}/record`.
pub async fn api_record(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let loaded = with_board(&state, &slug).await?;
    Ok(record_response(&state, &loaded))
}

/// `GET /api/v1/elections/{slug}/board/receipt/{tracker}`.
pub async fn api_receipt(
    State(state): State<AppState>,
    Path((slug, tracker)): Path<(String, String)>,
) -> AppResult<Response> {
    let loaded = with_board(&state, &slug).await?;
    let Ok(tracker) = tracker.parse::<Tracker>() else {
        return Err(AppError::bad_request());
    };
    match board::receipt(&state.db, &loaded, tracker)
        .await
        .map_err(AppError::internal)?
    {
        ReceiptLookup::Included(receipt) => Ok(Json(receipt).into_response()),
        ReceiptLookup::Waiting => Ok((
            StatusCode::ACCEPTED,
            Json(json!({"tracker": hex(&tracker.0), "status": "waiting"})),
        )
            .into_response()),
        ReceiptLookup::Unknown => Err(AppError::not_found()),
    }
}

/// The sizes of a consistency request.
#[derive(Debug, Deserialize)]
pub struct ConsistencyQuery {
    pub from: u64,
    pub to: u64,
}

/// `GET /api/v1/elections/{slug}/board/consistency?from=a&to=b`.
pub async fn api_consistency(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    query: Result<Query<ConsistencyQuery>, axum::extract::rejection::QueryRejection>,
) -> AppResult<Response> {
    let loaded = with_board(&state, &slug).await?;
    let Ok(Query(query)) = query else {
        return Err(AppError::bad_request());
    };
    match board::consistency(&state.db, &loaded, query.from, query.to).await {
        Ok(proof) => Ok(Json(proof).into_response()),
        Err(ServiceError::Refused(_)) => Err(AppError::bad_request()),
        Err(error) => Err(AppError::internal(error)),
    }
}
