//! Handlers of the pages and endpoints that exist so far.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::session::{Principal, Session};
use crate::auth::voting_link::{VotingLinkError, VotingLinkToken};
use crate::error::{AppError, AppResult, RenderedPage};
use crate::i18n::Translator;
use crate::security::CsrfForm;
use crate::templates::{HomePage, PageContext, VotePage};

/// The OpenAPI description of the JSON API, hand-written until the API grows.
pub const OPENAPI_JSON: &str = include_str!("../openapi.json");

/// `GET /`
pub async fn home(tr: Translator, uri: Uri) -> HomePage {
    HomePage {
        page: PageContext::new(tr, uri.path()),
    }
}

/// `GET /vote`: the sign-in form.
pub async fn vote_form(tr: Translator, session: Session, uri: Uri) -> AppResult<VotePage> {
    Ok(VotePage {
        page: PageContext::new(tr, uri.path()),
        csrf_token: session
            .csrf_token()
            .map_err(AppError::internal)?
            .expose()
            .to_owned(),
        error: None,
    })
}

/// The sign-in form's fields (besides the CSRF token).
#[derive(Debug, Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    token: String,
}

/// `POST /vote`: sign in with a voting link. Rate-limited per client address.
pub async fn vote_sign_in(
    State(state): State<AppState>,
    tr: Translator,
    session: Session,
    uri: Uri,
    CsrfForm(form): CsrfForm<SignInForm>,
) -> AppResult<Response> {
    let (status, message_key) = match VotingLinkToken::parse(&form.token) {
        Err(VotingLinkError::Empty) => (StatusCode::UNPROCESSABLE_ENTITY, "vote-error-empty"),
        Err(VotingLinkError::Malformed) => {
            (StatusCode::UNPROCESSABLE_ENTITY, "vote-error-malformed")
        }
        Ok(token) => match state
            .voting_links
            .redeem(&token)
            .await
            .map_err(AppError::internal)?
        {
            Some(principal) => {
                // The voter's ballot page; staff principals never come from a voting link.
                let target = match &principal {
                    Principal::Voter { election, .. } => format!("/elections/{election}/ballot"),
                    Principal::Staff { .. } => "/".to_owned(),
                };
                session.sign_in(principal).map_err(AppError::internal)?;
                tracing::info!("voter signed in with a voting link");
                return Ok(Redirect::to(&target).into_response());
            }
            None => (StatusCode::FORBIDDEN, "vote-error-unknown"),
        },
    };
    let page = VotePage {
        error: Some(tr.t(message_key)),
        page: PageContext::new(tr, uri.path()),
        csrf_token: session
            .csrf_token()
            .map_err(AppError::internal)?
            .expose()
            .to_owned(),
    };
    let mut response = (status, page).into_response();
    response.extensions_mut().insert(RenderedPage);
    Ok(response)
}

/// `GET /healthz`: the process is up and answering.
pub async fn healthz() -> Json<serde_json::Value> {
    Json(serde_json::json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
    }))
}

/// `GET /api/openapi.json`
pub async fn openapi() -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        OPENAPI_JSON,
    )
}

/// Anything else: 404, rendered by the error middleware.
pub async fn not_found() -> AppError {
    AppError::not_found()
}
