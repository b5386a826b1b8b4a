//! Fixture elections served through the real ballot builders, without the store: the ballot
//! page, the confirmation and a receipt, for tests (in-process and in the browser) and for
//! looking at the pages while developing.
//!
//! Not part of the production route table: [`ballot_preview_router`] is mounted only by
//! whoever asks for it, through [`crate::app::router_with`]. Nothing is recorded; the receipt
//! code is random and the page says it is an example.
//!
//! Routes, for a fixture name `{fixture}` ([`FIXTURES`]):
//! - `GET /ballot-preview/{fixture}`: the ballot;
//! - `POST /ballot-preview/{fixture}/review`: the ballot again with errors (422), or the
//!   confirmation;
//! - `POST /ballot-preview/{fixture}/cast`: `action=change` shows the ballot filled in again;
//!   `action=cast` checks the ballot again and shows a receipt.

use axum::Router;
use axum::extract::Path;
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::json;
use urna_core::election::Election;
use urna_core::text::Lang;

use crate::app::AppState;
use crate::auth::session::Session;
use crate::ballot_form::parse_ballot_form;
use crate::ballot_page::{BallotPage, BallotPageInput, ConfirmPage, ReceiptPage};
use crate::error::{AppError, AppResult, RenderedPage};
use crate::i18n::Translator;
use crate::security::CsrfForm;
use crate::templates::PageContext;

/// The fixture elections: `all-types` (one question of each ballot type) and `ranked-70`
/// (one ranked question with 70 candidates, shown shuffled).
pub const FIXTURES: &[&str] = &["all-types", "ranked-70"];

/// The display-order seed of the preview: fixed, so the order is the same on every visit.
pub const PREVIEW_SEED: &[u8] = b"ballot preview";

/// The preview routes (see the module documentation). Mount with `router_with`.
pub fn ballot_preview_router() -> Router<AppState> {
    Router::new()
        .route("/ballot-preview/{fixture}", get(show))
        .route("/ballot-preview/{fixture}/review", post(review))
        .route("/ballot-preview/{fixture}/cast", post(cast))
}

fn texts(en: &str) -> serde_json::Value {
    json!({"default": "en", "texts": {"en": en}})
}

fn texts3(en: &str, ar: &str, zh: &str) -> serde_json::Value {
    json!({"default": "en", "texts": {"en": en, "ar": ar, "zh": zh}})
}

fn options(names: &[(&str, &str)]) -> serde_json::Value {
    names
        .iter()
        .map(|(id, name)| json!({"id": id, "name": texts(name)}))
        .collect()
}

/// Seventy distinct candidate names: ten given names by seven family names.
pub fn seventy_names() -> Vec<String> {
    const GIVEN: &[&str] = &[
        "Ann", "Bruno", "Chiara", "Dmitri", "Esther", "Farid", "Grace", "Hiro", "Ines", "Jonas",
    ];
    const FAMILY: &[&str] = &[
        "Abbott", "Baker", "Castillo", "Dubois", "Eriksen", "Fischer", "Gupta",
    ];
    FAMILY
        .iter()
        .flat_map(|f| GIVEN.iter().map(move |g| format!("{g} {f}")))
        .collect()
}

/// The fixture election named `name`, if there is one.
pub fn preview_election(name: &str) -> Option<Election> {
    let title = texts3("Preview election", "انتخابات تجريبية", "预览选举");
    let questions = match name {
        "all-types" => json!([
            {
                "id": "chair", "title": texts3("Chair", "الرئاسة", "主席"), "description": null,
                "ballot_type": {"type": "choose_one"}, "method": "plurality", "seats": 1,
                "options": options(&[("ann", "Ann"), ("bob", "Bob"), ("chen", "陈静")]),
                "shuffle_options": true
            },
            {
                "id": "projects", "title": texts("Projects to fund"),
                "description": texts("Pick the projects you support."),
                "ballot_type": {"type": "approval", "min": 1, "max": 2}, "method": "approval",
                "seats": 2,
                "options": options(&[("wiki", "Wiki outreach"), ("code", "Code sprint"),
                                     ("grant", "Small grants"), ("meet", "Meet-up")])
            },
            {
                "id": "logo", "title": texts("Logo"), "description": null,
                "ballot_type": {"type": "score", "min": 0, "max": 5}, "method": "score",
                "seats": 1,
                "options": options(&[("red", "Red logo"), ("blue", "Blue logo"), ("green", "Green logo")])
            },
            {
                "id": "policy", "title": texts("Policy proposals"), "description": null,
                "ballot_type": {"type": "score", "min": -1, "max": 1}, "method": "son",
                "seats": 1,
                "options": options(&[("p1", "Proposal 1"), ("p2", "Proposal 2")])
            },
            {
                "id": "board", "title": texts("Board"), "description": null,
                "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": true},
                "method": "schulze", "seats": 1,
                "options": options(&[("dora", "Dora"), ("emil", "Emil"), ("fay", "Fay"),
                                     ("gus", "Gus"), ("hana", "Hana")])
            }
        ]),
        "ranked-70" => {
            let names = seventy_names();
            let opts: Vec<serde_json::Value> = names
                .iter()
                .enumerate()
                .map(|(i, n)| json!({"id": format!("c{:02}", i + 1), "name": texts(n)}))
                .collect();
            json!([{
                "id": "council", "title": texts3("Council", "المجلس", "理事会"),
                "description": null,
                "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
                "method": "meek", "seats": 7, "options": opts, "shuffle_options": true
            }])
        }
        _ => return None,
    };
    serde_json::from_value(json!({
        "id": "0123456789ABCDEFGHJKMNPQR0", "slug": "preview", "languages": ["en", "ar", "zh"],
        "title": title, "questions": questions
    }))
    .map_err(|e| tracing::error!(fixture = name, error = %e, "preview fixture is invalid"))
    .ok()
}

/// The voter's language chain for election texts: the page's language.
fn chain(tr: &Translator) -> Vec<Lang> {
    Lang::parse(tr.lang()).map(|l| vec![l]).unwrap_or_default()
}

fn csrf(session: &Session) -> AppResult<String> {
    Ok(session
        .csrf_token()
        .map_err(AppError::internal)?
        .expose()
        .to_owned())
}

fn election_for(fixture: &str) -> AppResult<Election> {
    preview_election(fixture).ok_or_else(AppError::not_found)
}

/// A page rendered here, with its status, left alone by the error middleware.
fn rendered(status: StatusCode, page: impl IntoResponse) -> Response {
    let mut response = (status, page).into_response();
    response.extensions_mut().insert(RenderedPage);
    response
}

fn ballot_page(
    tr: Translator,
    uri: &Uri,
    fixture: &str,
    election: &Election,
    csrf_token: &str,
    fields: &[(String, String)],
    errors: Option<&crate::ballot_form::BallotFormErrors>,
) -> BallotPage {
    let chain = chain(&tr);
    let action = format!("/ballot-preview/{fixture}/review");
    BallotPage::build(
        PageContext::new(tr, uri.path()),
        BallotPageInput {
            election,
            chain: &chain,
            seed: PREVIEW_SEED,
            action: &action,
            csrf_token,
            fields,
            errors,
        },
    )
}

async fn show(
    tr: Translator,
    session: Session,
    uri: Uri,
    Path(fixture): Path<String>,
) -> AppResult<BallotPage> {
    let election = election_for(&fixture)?;
    Ok(ballot_page(
        tr,
        &uri,
        &fixture,
        &election,
        &csrf(&session)?,
        &[],
        None,
    ))
}

/// Checks the fields: the confirmation if they make a valid ballot, else the ballot again
/// with the errors (422).
async fn review(
    tr: Translator,
    session: Session,
    uri: Uri,
    Path(fixture): Path<String>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let election = election_for(&fixture)?;
    let csrf_token = csrf(&session)?;
    match parse_ballot_form(&election, &fields) {
        Ok(ballot) => {
            let chain = chain(&tr);
            let action = format!("/ballot-preview/{fixture}/cast");
            Ok(ConfirmPage::build(
                PageContext::new(tr, uri.path()),
                &election,
                &chain,
                &ballot,
                &action,
                &csrf_token,
            )
            .into_response())
        }
        Err(errors) => Ok(rendered(
            StatusCode::UNPROCESSABLE_ENTITY,
            ballot_page(
                tr,
                &uri,
                &fixture,
                &election,
                &csrf_token,
                &fields,
                Some(&errors),
            ),
        )),
    }
}

async fn cast(
    tr: Translator,
    session: Session,
    uri: Uri,
    Path(fixture): Path<String>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let election = election_for(&fixture)?;
    let csrf_token = csrf(&session)?;
    let change = fields
        .iter()
        .any(|(name, value)| name == "action" && value == "change");
    if change {
        return Ok(
            ballot_page(tr, &uri, &fixture, &election, &csrf_token, &fields, None).into_response(),
        );
    }
    match parse_ballot_form(&election, &fields) {
        Ok(_ballot) => {
            // Nothing is sealed or stored here: the code is random, labelled as an example.
            let mut bytes = [0u8; 32];
            getrandom::fill(&mut bytes).map_err(AppError::internal)?;
            let code = urna_core::token::receipt_code(&bytes);
            let chain = chain(&tr);
            let note = tr.t("ballot-preview-note");
            let mut page =
                ReceiptPage::build(PageContext::new(tr, uri.path()), &election, &chain, &code);
            page.preview_note = Some(note);
            Ok(page.into_response())
        }
        Err(errors) => Ok(rendered(
            StatusCode::UNPROCESSABLE_ENTITY,
            ballot_page(
                tr,
                &uri,
                &fixture,
                &election,
                &csrf_token,
                &fields,
                Some(&errors),
            ),
        )),
    }
}
