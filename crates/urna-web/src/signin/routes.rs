//! The sign-in routes.
//!
//! Voters:
//! - `GET /elections/{slug}/sign-in`: the election's providers, each a button in a
//!   CSRF-checked form (and the voting-link form's address, if links apply);
//! - `POST /elections/{slug}/sign-in` (`provider`): stores the attempt, sets the
//!   browser-binding cookie and sends the browser to the provider (303); rate-limited;
//! - `GET /sign-in/callback?state=…&code=…`: the provider's redirect back; rate-limited.
//!   Signs the voter in as a voting link would, or says clearly why not: not on the voter
//!   list (with the election's contact text, and the failed eligibility rule from
//!   [`explain_ineligibility`]), a blocked wiki account, voting not open.
//!
//! Administrators:
//! - `GET`/`POST /admin/elections/{slug}/sign-in`: the form choosing the providers;
//! - `GET`/`POST /api/v1/elections/{slug}/sign-in`: the same as JSON.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Json, Redirect, Response};
use jiff::Timestamp;
use serde::Deserialize;
use urna_core::lifecycle::State as ElectionState;

use super::flow::{self, NewAttempt, SignInError};
use super::settings::{self, ElectionSignIn};
use super::{CALLBACK_PATH, ProviderRef, mediawiki, oidc};
use crate::admin_access::{
    ADMINS, AdminDb, AdminError, Admins, Ctx, ElectionAccess, StaffMember, authorize,
};
use crate::api_routes::{ApiCsrf, ApiJson};
use crate::app::AppState;
use crate::auth::session::{Principal, Session};
use crate::error::{AppError, AppResult};
use crate::i18n::{Translator, cookie_value};
use crate::security::CsrfForm;
use crate::service::ServiceError;
use crate::templates::PageContext;
use crate::voter_routes::{load_or_404, rendered};

/// The redirect URI registered with every provider: `{public_url}/sign-in/callback` (or the
/// listening address while developing without `public_url`).
pub fn redirect_uri(state: &AppState) -> String {
    let base = match &state.config.public_url {
        Some(url) => url.as_str().to_owned(),
        None => format!("http://{}", state.config.listen),
    };
    format!("{base}{CALLBACK_PATH}")
}

/// Why `identity` is not on the voter list of `election`, in the voter's language: the first
/// eligibility rule the wiki snapshot's decision failed, with the values compared
/// (`service::eligibility::explain`), or `None` when the election has no wiki rules or the
/// account was not checked. The sign-in refusal page shows it under the "not on the list"
/// message.
pub async fn explain_ineligibility(
    state: &AppState,
    tr: &Translator,
    election: &str,
    identity: &str,
) -> Option<String> {
    use crate::service::eligibility::{Explanation, explain};
    match explain(&state.db, election, identity).await.ok()? {
        Explanation::Decided {
            voter: urna_core::wiki_eligibility::Decision::NotEligible { failure },
            ..
        } => Some(crate::eligibility_routes::failure_text(tr, &failure)),
        _ => None,
    }
}

/// One way to sign in, as the page offers it.
#[derive(Debug, Clone)]
pub struct ProviderChoice {
    /// `wiki:enwiki`, `oidc:corp`; `link` is offered as a link to the voting-link form.
    pub value: String,
    pub label: String,
    pub is_link: bool,
    /// The button's id (`sign-in-wiki-enwiki`).
    pub html_id: String,
}

/// `GET /elections/{slug}/sign-in`.
#[derive(Debug, Template, WebTemplate)]
#[template(path = "signin.html")]
pub struct SignInPage {
    pub page: PageContext,
    pub slug: String,
    pub title: String,
    pub csrf_token: String,
    pub choices: Vec<ProviderChoice>,
}

/// A refusal or failure of a sign-in.
#[derive(Debug, Template, WebTemplate)]
#[template(path = "signin_notice.html")]
pub struct SignInNotice {
    pub page: PageContext,
    pub title: String,
    pub message: String,
    /// The election's contact text, for a voter not on the list.
    pub contact: Option<String>,
    /// Why the voter is not eligible ([`explain_ineligibility`]).
    pub explanation: Option<String>,
    pub link: Option<(String, String)>,
}

fn choice(state: &AppState, tr: &Translator, provider: &ProviderRef) -> Option<ProviderChoice> {
    let signin = &state.config.signin;
    let (label, is_link) = match provider {
        ProviderRef::VotingLink => (tr.t("signin-with-link"), true),
        ProviderRef::Wiki(name) => {
            signin.wiki(name)?;
            let wiki = fluent_bundle::FluentValue::from(name.as_str());
            (tr.t_args("signin-with-wiki", &[("wiki", wiki)]), false)
        }
        ProviderRef::Oidc(name) => {
            let configured = signin.oidc(name)?;
            let shown = configured.label.clone().unwrap_or_else(|| name.to_string());
            let provider = fluent_bundle::FluentValue::from(shown);
            (
                tr.t_args("signin-with-oidc", &[("provider", provider)]),
                false,
            )
        }
    };
    Some(ProviderChoice {
        value: provider.to_string(),
        html_id: provider.to_string().replace(':', "-"),
        label,
        is_link,
    })
}

/// `GET /elections/{slug}/sign-in`.
pub async fn sign_in_page(
    State(state): State<AppState>,
    tr: Translator,
    session: Session,
    uri: Uri,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let loaded = load_or_404(&state, &slug).await?;
    let settings = settings::of_election(&state.db, loaded.row_id)
        .await
        .map_err(AppError::internal)?;
    let choices = settings
        .providers
        .iter()
        .filter_map(|p| choice(&state, &tr, p))
        .collect();
    let chain = crate::voter_routes::chain(&tr);
    let title = crate::ballot_page::LocalText::of(loaded.election.title(), &chain, tr.lang()).text;
    let csrf_token = session
        .csrf_token()
        .map_err(AppError::internal)?
        .expose()
        .to_owned();
    let form_actions = provider_origins(&state, &settings);
    let mut response = SignInPage {
        title,
        slug,
        csrf_token,
        choices,
        page: PageContext::new(tr, uri.path()),
    }
    .into_response();
    response
        .extensions_mut()
        .insert(crate::security::ExtraFormActions(form_actions));
    Ok(response)
}

/// The origins the election's provider buttons lead to, for the page's CSP `form-action`: a
/// wiki's script path, an OpenID Connect provider's issuer (where its authorization endpoint
/// is, for the providers in use; one elsewhere needs its origin here too).
fn provider_origins(state: &AppState, settings: &ElectionSignIn) -> Vec<String> {
    let signin = &state.config.signin;
    let mut origins: Vec<String> = settings
        .providers
        .iter()
        .filter_map(|provider| match provider {
            ProviderRef::VotingLink => None,
            ProviderRef::Wiki(name) => signin.wiki(name).map(|w| w.base_url.origin().to_owned()),
            ProviderRef::Oidc(name) => signin.oidc(name).map(|p| p.issuer.origin().to_owned()),
        })
        .collect();
    origins.sort();
    origins.dedup();
    origins
}

/// The sign-in form's fields.
#[derive(Debug, Deserialize)]
pub struct StartForm {
    pub provider: String,
}

/// `POST /elections/{slug}/sign-in`: off to the provider.
pub async fn start(
    State(state): State<AppState>,
    tr: Translator,
    uri: Uri,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<StartForm>,
) -> AppResult<Response> {
    let loaded = load_or_404(&state, &slug).await?;
    let refuse = |tr: Translator, error: SignInError| notice_for(tr, &uri, &slug, &error);
    let provider = match ProviderRef::parse(&form.provider) {
        Ok(provider) => provider,
        Err(_) => {
            return Ok(refuse(tr, SignInError::NotOffered(form.provider.clone())));
        }
    };
    let settings = settings::of_election(&state.db, loaded.row_id)
        .await
        .map_err(AppError::internal)?;
    if !settings.offers(&provider) {
        return Ok(refuse(tr, SignInError::NotOffered(provider.to_string())));
    }
    match begin(&state, &slug, &provider).await {
        Ok((location, browser)) => {
            let mut response = Redirect::to(&location).into_response();
            let cookie = flow::set_cookie(&browser, state.config.is_https());
            if let Ok(value) = HeaderValue::from_str(&cookie) {
                response.headers_mut().append(header::SET_COOKIE, value);
            }
            Ok(response)
        }
        Err(error) => {
            tracing::warn!(provider = %provider, election = %slug, "sign-in could not start: {error}");
            Ok(refuse(tr, error))
        }
    }
}

/// Stores the attempt and builds the provider's address: the location and the browser value.
async fn begin(
    state: &AppState,
    slug: &str,
    provider: &ProviderRef,
) -> Result<(String, String), SignInError> {
    let attempt = NewAttempt::generate()?;
    let challenge = flow::pkce_challenge(&attempt.verifier);
    let redirect = redirect_uri(state);
    let location = match provider {
        ProviderRef::VotingLink => return Err(SignInError::NotOffered(provider.to_string())),
        ProviderRef::Wiki(name) => {
            let wiki = state
                .config
                .signin
                .wiki(name)
                .ok_or_else(|| SignInError::NotConfigured(provider.to_string()))?;
            mediawiki::authorize_url(wiki, &redirect, &attempt.state, &challenge)
        }
        ProviderRef::Oidc(name) => {
            let configured = state
                .config
                .signin
                .oidc(name)
                .ok_or_else(|| SignInError::NotConfigured(provider.to_string()))?;
            let discovery = oidc::discover(configured).await?;
            oidc::authorize_url(
                configured,
                &discovery,
                &redirect,
                &attempt.state,
                &attempt.nonce,
                &challenge,
            )
        }
    };
    let now = Timestamp::now();
    state
        .db
        .insert_signin_attempt(
            &attempt.row(provider, slug, now),
            urna_store::UnixMicros(now.as_microsecond()),
        )
        .await?;
    Ok((location, attempt.browser))
}

/// The provider's redirect back (RFC 6749 §4.1.2 and §4.1.2.1). `Debug` prints no code.
#[derive(Deserialize)]
pub struct CallbackQuery {
    #[serde(default)]
    pub state: Option<String>,
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub error: Option<String>,
}

impl std::fmt::Debug for CallbackQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CallbackQuery")
            .field("state", &self.state.as_ref().map(|_| "<redacted>"))
            .field("code", &self.code.as_ref().map(|_| "<redacted>"))
            .field("error", &self.error)
            .finish()
    }
}

/// What the callback decided.
enum Outcome {
    SignedIn {
        election: String,
    },
    NotOnList {
        election: String,
        identity: String,
        contact: String,
    },
    Blocked {
        election: String,
    },
    VotingNotOpen {
        election: String,
    },
    Revoked {
        election: String,
    },
}

/// `GET /sign-in/callback`.
pub async fn callback(
    State(state): State<AppState>,
    tr: Translator,
    session: Session,
    uri: Uri,
    headers: HeaderMap,
    Query(query): Query<CallbackQuery>,
) -> AppResult<Response> {
    let https = state.config.is_https();
    let browser = cookie_value(&headers, flow::cookie_name(https));
    let outcome = finish(&state, &session, &query, browser.as_deref()).await;
    let mut response = match outcome {
        Ok(Outcome::SignedIn { election }) => {
            Redirect::to(&format!("/elections/{election}/ballot")).into_response()
        }
        Ok(Outcome::NotOnList {
            election,
            identity,
            contact,
        }) => {
            let explanation = explain_ineligibility(&state, &tr, &election, &identity).await;
            let args = [("identity", fluent_bundle::FluentValue::from(identity))];
            let message = tr.t_args("signin-not-on-list", &args);
            let contact = (!contact.trim().is_empty()).then_some(contact);
            page(
                tr,
                &uri,
                StatusCode::FORBIDDEN,
                "signin-refused-title",
                message,
                &election,
                contact,
                explanation,
            )
        }
        Ok(Outcome::Blocked { election }) => {
            let message = tr.t("signin-blocked");
            page(
                tr,
                &uri,
                StatusCode::FORBIDDEN,
                "signin-refused-title",
                message,
                &election,
                None,
                None,
            )
        }
        Ok(Outcome::VotingNotOpen { election }) => {
            let message = tr.t("signin-not-open");
            page(
                tr,
                &uri,
                StatusCode::CONFLICT,
                "signin-refused-title",
                message,
                &election,
                None,
                None,
            )
        }
        Ok(Outcome::Revoked { election }) => {
            let message = tr.t("signin-revoked");
            page(
                tr,
                &uri,
                StatusCode::FORBIDDEN,
                "signin-refused-title",
                message,
                &election,
                None,
                None,
            )
        }
        Err((election, error)) => {
            tracing::warn!(election = %election, "sign-in refused: {error}");
            notice_for(tr, &uri, &election, &error)
        }
    };
    // The attempt is used up whatever happened: the cookie goes too.
    if let Ok(value) = HeaderValue::from_str(&flow::clear_cookie(https)) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    Ok(response)
}

/// The callback's work; errors carry the election's slug (empty before the attempt is known).
async fn finish(
    state: &AppState,
    session: &Session,
    query: &CallbackQuery,
    browser: Option<&str>,
) -> Result<Outcome, (String, SignInError)> {
    let no_election = |e: SignInError| (String::new(), e);
    let state_param = query
        .state
        .as_deref()
        .filter(|s| s.len() <= 128)
        .ok_or_else(|| no_election(SignInError::UnknownAttempt))?;
    let now = Timestamp::now();
    let attempt = flow::take_attempt(&state.db, state_param, browser, now)
        .await
        .map_err(no_election)?;
    let slug = attempt.election.clone();
    let fail = |e: SignInError| (slug.clone(), e);
    if let Some(error) = &query.error {
        // RFC 6749 §4.1.2.1: a registered error code; shown only if it looks like one.
        let code = if error.len() <= 64 && error.bytes().all(|b| b.is_ascii_graphic()) {
            error.clone()
        } else {
            "invalid".to_owned()
        };
        return Err(fail(SignInError::Denied(code)));
    }
    let code = query
        .code
        .as_deref()
        .filter(|c| !c.is_empty() && c.len() <= 4096)
        .ok_or_else(|| fail(SignInError::Denied("no code".to_owned())))?;
    let provider = ProviderRef::parse(&attempt.provider)
        .map_err(|_| fail(SignInError::NotConfigured(attempt.provider.clone())))?;
    let row = state
        .db
        .election_by_slug(&slug)
        .await
        .map_err(|e| fail(e.into()))?
        .ok_or_else(|| fail(SignInError::UnknownAttempt))?;
    let settings: ElectionSignIn = settings::of_election(&state.db, row.id)
        .await
        .map_err(|e| fail(SignInError::provider("election settings", e)))?;
    if !settings.offers(&provider) {
        return Err(fail(SignInError::NotOffered(provider.to_string())));
    }
    let redirect = redirect_uri(state);
    let identity = match &provider {
        ProviderRef::VotingLink => return Err(fail(SignInError::NotOffered(provider.to_string()))),
        ProviderRef::Wiki(name) => {
            let wiki = state
                .config
                .signin
                .wiki(name)
                .ok_or_else(|| fail(SignInError::NotConfigured(provider.to_string())))?;
            let profile = mediawiki::finish(wiki, code, &attempt.verifier, &redirect)
                .await
                .map_err(fail)?;
            if settings.refuse_blocked && profile.blocked {
                tracing::info!(election = %slug, wiki = %name, "blocked wiki account refused");
                return Ok(Outcome::Blocked { election: slug });
            }
            profile.identity(wiki)
        }
        ProviderRef::Oidc(name) => {
            let configured = state
                .config
                .signin
                .oidc(name)
                .ok_or_else(|| fail(SignInError::NotConfigured(provider.to_string())))?;
            oidc::finish(
                configured,
                code,
                &attempt.verifier,
                &attempt.nonce,
                &redirect,
            )
            .await
            .map_err(fail)?
        }
    };
    let voter = state
        .db
        .voter_by_identifier(row.id, &identity)
        .await
        .map_err(|e| fail(e.into()))?;
    let Some(voter) = voter else {
        tracing::info!(election = %slug, provider = %provider, "signed-in account is not on the voter list");
        return Ok(Outcome::NotOnList {
            election: slug,
            identity,
            contact: settings.contact,
        });
    };
    if voter.revoked {
        return Ok(Outcome::Revoked { election: slug });
    }
    if row.state != ElectionState::Open.name() {
        return Ok(Outcome::VotingNotOpen { election: slug });
    }
    // The same session a voting link gives, bound to the voter's current link.
    session
        .sign_in(Principal::Voter {
            election: slug.clone(),
            voter: voter.id.to_string(),
            link: crate::service::voters::session_link_binding(&voter.token_hash),
        })
        .map_err(|e| fail(SignInError::Random(e.to_string())))?;
    tracing::info!(election = %slug, provider = %provider, voter = %voter.id, "voter signed in");
    Ok(Outcome::SignedIn { election: slug })
}

#[allow(clippy::too_many_arguments)]
fn page(
    tr: Translator,
    uri: &Uri,
    status: StatusCode,
    title_key: &str,
    message: String,
    election: &str,
    contact: Option<String>,
    explanation: Option<String>,
) -> Response {
    let link = if election.is_empty() {
        Some(("/".to_owned(), tr.t("signin-home")))
    } else {
        Some((format!("/elections/{election}"), tr.t("voter-notice-back")))
    };
    rendered(
        status,
        SignInNotice {
            title: tr.t(title_key),
            message,
            contact,
            explanation,
            link,
            page: PageContext::new(tr, uri.path()),
        },
    )
}

/// The page for a failed sign-in: what happened and what to do, translated.
fn notice_for(tr: Translator, uri: &Uri, election: &str, error: &SignInError) -> Response {
    let (status, key) = match error {
        SignInError::NotConfigured(_) | SignInError::NotOffered(_) => {
            (StatusCode::NOT_FOUND, "signin-error-not-offered")
        }
        SignInError::UnknownAttempt | SignInError::OtherBrowser => {
            (StatusCode::BAD_REQUEST, "signin-error-attempt")
        }
        SignInError::Denied(_) => (StatusCode::FORBIDDEN, "signin-error-denied"),
        SignInError::Provider { .. } | SignInError::IdToken(_) => {
            (StatusCode::BAD_GATEWAY, "signin-error-provider")
        }
        SignInError::Random(_) | SignInError::Store(_) => {
            (StatusCode::INTERNAL_SERVER_ERROR, "signin-error-server")
        }
    };
    let message = tr.t(key);
    page(
        tr,
        uri,
        status,
        "signin-failed-title",
        message,
        election,
        None,
        None,
    )
}

// ----------------------------------------------------------------------------------------
// Administrators
// ----------------------------------------------------------------------------------------

/// One configured provider on the admin form.
#[derive(Debug, Clone)]
pub struct ProviderOption {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

/// `GET /admin/elections/{slug}/sign-in`.
#[derive(Debug, Template, WebTemplate)]
#[template(path = "admin_signin.html")]
pub struct AdminSignInPage {
    pub page: PageContext,
    pub slug: String,
    pub csrf_token: String,
    pub options: Vec<ProviderOption>,
    pub refuse_blocked: bool,
    pub contact: String,
    pub saved: bool,
}

/// Every provider this server could offer: voting links, then wikis, then OIDC providers.
fn configured_providers(state: &AppState) -> Vec<ProviderRef> {
    let signin = &state.config.signin;
    std::iter::once(ProviderRef::VotingLink)
        .chain(
            signin
                .wiki
                .iter()
                .map(|w| ProviderRef::Wiki(w.name.clone())),
        )
        .chain(
            signin
                .oidc
                .iter()
                .map(|p| ProviderRef::Oidc(p.name.clone())),
        )
        .collect()
}

#[derive(Debug, Deserialize)]
pub struct SavedQuery {
    #[serde(default)]
    pub saved: Option<String>,
}

/// `GET /admin/elections/{slug}/sign-in`.
pub async fn admin_page(
    State(state): State<AppState>,
    ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Admins>,
    session: Session,
    Query(query): Query<SavedQuery>,
) -> Result<Response, AdminError> {
    let current = settings::load(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?;
    let options = configured_providers(&state)
        .iter()
        .map(|p| ProviderOption {
            value: p.to_string(),
            label: choice(&state, &ctx.tr, p).map_or_else(|| p.to_string(), |c| c.label),
            checked: current.offers(p),
        })
        .collect();
    let csrf_token = session
        .csrf_token()
        .map(|t| t.expose().to_owned())
        .map_err(|e| ctx.service(ServiceError::Random(e.to_string())))?;
    Ok(AdminSignInPage {
        page: ctx.page(),
        slug,
        csrf_token,
        options,
        refuse_blocked: current.refuse_blocked,
        contact: current.contact,
        saved: query.saved.is_some(),
    }
    .into_response())
}

/// `POST /admin/elections/{slug}/sign-in`: checkboxes named `provider:<ref>`, `refuse_blocked`
/// and the `contact` text.
pub async fn admin_save(
    State(state): State<AppState>,
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, AdminError> {
    authorize(&ctx, &db, &staff, &slug, ADMINS).await?;
    let mut providers = Vec::new();
    for provider in configured_providers(&state) {
        if form.contains_key(&format!("provider:{provider}")) {
            providers.push(provider);
        }
    }
    let chosen = ElectionSignIn {
        providers,
        refuse_blocked: form.contains_key("refuse_blocked"),
        contact: form.get("contact").cloned().unwrap_or_default(),
    };
    settings::save(
        &db,
        &state.config.signin,
        &slug,
        &chosen,
        staff.actor(),
        Timestamp::now(),
    )
    .await
    .map_err(|e| ctx.service(e))?;
    Ok(Redirect::to(&format!("/admin/elections/{slug}/sign-in?saved=1")).into_response())
}

/// `GET /api/v1/elections/{slug}/sign-in`: the settings and the providers configured here.
pub async fn api_get(
    State(state): State<AppState>,
    ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Admins>,
) -> Result<Response, AdminError> {
    let current = settings::load(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?;
    let configured: Vec<String> = configured_providers(&state)
        .iter()
        .map(ToString::to_string)
        .collect();
    Ok(Json(serde_json::json!({
        "providers": current.providers,
        "refuse_blocked": current.refuse_blocked,
        "contact": current.contact,
        "configured": configured,
    }))
    .into_response())
}

/// `POST /api/v1/elections/{slug}/sign-in`: `{"providers": [...], "refuse_blocked",
/// "contact"}` replaces the settings.
pub async fn api_set(
    State(state): State<AppState>,
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx,
        db,
        staff,
        slug,
        ..
    }: ElectionAccess<Admins>,
    ApiJson(body): ApiJson<ElectionSignIn>,
) -> Result<Response, AdminError> {
    settings::save(
        &db,
        &state.config.signin,
        &slug,
        &body,
        staff.actor(),
        Timestamp::now(),
    )
    .await
    .map_err(|e| ctx.service(e))?;
    Ok(Json(serde_json::json!({
        "providers": body.providers,
        "refuse_blocked": body.refuse_blocked,
        "contact": body.contact,
    }))
    .into_response())
}
