//! Scrutiny pages and API ([`crate::service::scrutiny`]), and where a ballot submission's
//! fingerprints come from ([`SubmissionSource`]).
//!
//! Who may do what:
//! - the election's admins and scrutineers (and operators): the clusters
//!   (`GET /admin/elections/{slug}/scrutiny`, `GET /api/v1/elections/{slug}/scrutiny/clusters`,
//!   each view logged), striking from there with a reason (`…/scrutiny/strike`), and the list
//!   of logged views of private data (`…/scrutiny/views`);
//! - of those, holders of the site-wide checkuser right only: raw addresses and user agents
//!   of named voters, with a required reason (`…/scrutiny/checkuser`, logged before opening);
//! - the election's admins: purging its private data now (`…/purge`; the scheduler does it
//!   `[scrutiny] purge_after_days` after the close).
//!
//! No page or answer here but the checkuser's holds an address, a network or a user agent.

use askama::Template;
use askama_web::WebTemplate;
use axum::Json;
use axum::extract::{FromRequestParts, Path, Query};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::Timestamp;
use serde::Deserialize;

use crate::admin_access::{
    ADMINS, AdminDb, AdminError, Admins, Ctx, ElectionAccess, StaffMember, WATCHERS, Watchers,
    authorize,
};
use crate::api_routes::{ApiCsrf, ApiJson};
use crate::app::AppState;
use crate::auth::session::Session;
use crate::security::{CsrfForm, client_address};
use crate::service::scrutiny::{self, BrowserId, Cluster, PrivateView, RawSubmission, Submission};
use crate::service::{LoadedElection, ServiceError};
use crate::templates::PageContext;

type PageResult = Result<Response, AdminError>;

/// The browser cookie's name: `__Host-` prefixed over HTTPS, as the session cookie.
pub fn browser_cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-urna_browser"
    } else {
        "urna_browser"
    }
}

/// Two years, in seconds: the cookie outlives any one election, which is the point.
const BROWSER_COOKIE_MAX_AGE: u64 = 2 * 365 * 24 * 3600;

/// Where a ballot submission comes from: the client's address (the peer, or what a trusted
/// proxy forwards), its user agent, and the browser cookie, issued now if the request had
/// none (or one this server could not have set). Never rejects.
#[derive(Debug, Clone)]
pub struct SubmissionSource {
    pub submission: Submission,
    /// The `Set-Cookie` to send when the cookie was issued by this request.
    set_cookie: Option<HeaderValue>,
}

impl FromRequestParts<AppState> for SubmissionSource {
    type Rejection = crate::error::AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let https = state.config.is_https();
        let peer = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|info| info.0.ip());
        let address = client_address(
            &parts.headers,
            peer,
            &state.config.rate_limit.trusted_proxies,
        );
        let user_agent = parts
            .headers
            .get(header::USER_AGENT)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
            .unwrap_or_default();
        let sent = crate::i18n::cookie_value(&parts.headers, browser_cookie_name(https))
            .and_then(|value| BrowserId::parse(&value));
        let (browser, set_cookie) = match sent {
            Some(browser) => (browser, None),
            None => {
                let browser = BrowserId::generate().map_err(crate::error::AppError::internal)?;
                let secure = if https { "; Secure" } else { "" };
                let cookie = format!(
                    "{}={}; Path=/; Max-Age={BROWSER_COOKIE_MAX_AGE}; HttpOnly; SameSite=Lax{secure}",
                    browser_cookie_name(https),
                    browser.as_str()
                );
                let value =
                    HeaderValue::from_str(&cookie).map_err(crate::error::AppError::internal)?;
                (browser, Some(value))
            }
        };
        Ok(SubmissionSource {
            submission: Submission {
                address,
                user_agent,
                browser,
            },
            set_cookie,
        })
    }
}

impl SubmissionSource {
    /// The submission's fingerprints in `loaded`'s election, for `voter`.
    pub fn prints(
        &self,
        state: &AppState,
        loaded: &LoadedElection,
        voter: urna_store::VoterId,
    ) -> Result<urna_store::SubmissionPrints, crate::error::AppError> {
        scrutiny::fingerprint(&state.server_key, loaded, voter, &self.submission)
            .map_err(crate::error::AppError::internal)
    }

    /// Adds the cookie to `response` if this request issued it.
    pub fn set_cookie_on(&self, mut response: Response) -> Response {
        if let Some(value) = &self.set_cookie {
            response
                .headers_mut()
                .append(header::SET_COOKIE, value.clone());
        }
        response
    }
}

fn csrf(ctx: &Ctx, session: &Session) -> Result<String, AdminError> {
    session
        .csrf_token()
        .map(|t| t.expose().to_owned())
        .map_err(|e| ctx.service(ServiceError::Random(e.to_string())))
}

/// A request about the path's election by one of its watchers (admin, scrutineer, or an
/// operator) who also holds the site-wide checkuser right: [`ElectionAccess`] then 403 for
/// anyone without the right, before any body is read.
#[derive(Debug)]
pub struct CheckuserAccess(pub ElectionAccess<Watchers>);

impl FromRequestParts<AppState> for CheckuserAccess {
    type Rejection = AdminError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let access = ElectionAccess::<Watchers>::from_request_parts(parts, state).await?;
        require_checkuser(&access.ctx, &access.staff)?;
        Ok(CheckuserAccess(access))
    }
}

/// 403 unless `staff` holds the checkuser right.
fn require_checkuser(ctx: &Ctx, staff: &StaffMember) -> Result<(), AdminError> {
    if staff.is_checkuser {
        Ok(())
    } else {
        Err(ctx.forbidden(ctx.tr.t("scrutiny-checkuser-only")))
    }
}

/// The repeated `voter` fields of a form, trimmed, without empties.
fn voters_of(fields: &[(String, String)]) -> Vec<String> {
    fields
        .iter()
        .filter(|(name, _)| name == "voter")
        .map(|(_, value)| value.trim().to_owned())
        .filter(|value| !value.is_empty())
        .collect()
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields
        .iter()
        .find_map(|(n, value)| (n == name).then_some(value.as_str()))
        .unwrap_or_default()
}

/// One cluster as the page shows it: links named in the reader's language.
#[derive(Debug)]
pub struct ClusterView {
    pub number: usize,
    pub strength: String,
    pub voters: Vec<scrutiny::ClusterVoter>,
    pub links: Vec<LinkView>,
    /// `voter=a&voter=b…` for the checkuser link.
    pub voter_query: String,
}

#[derive(Debug)]
pub struct LinkView {
    pub signal: String,
    pub strength: String,
    pub voters: String,
}

fn cluster_views(ctx: &Ctx, clusters: &[Cluster]) -> Vec<ClusterView> {
    let tr = &ctx.tr;
    clusters
        .iter()
        .enumerate()
        .map(|(index, cluster)| ClusterView {
            number: index + 1,
            strength: tr.t(&format!("scrutiny-strength-{}", cluster.strength.name())),
            voters: cluster.voters.clone(),
            links: cluster
                .links
                .iter()
                .map(|link| LinkView {
                    signal: tr.t(&format!("scrutiny-signal-{}", link.signal.name())),
                    strength: tr.t(&format!("scrutiny-strength-{}", link.strength.name())),
                    voters: link.voters.join(", "),
                })
                .collect(),
            voter_query: cluster
                .voters
                .iter()
                .map(|v| format!("voter={}", form_encode(&v.voter)))
                .collect::<Vec<_>>()
                .join("&"),
        })
        .collect()
}

/// Percent-encodes a query value (RFC 3986 unreserved characters kept).
fn form_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[derive(Debug, Template, WebTemplate)]
#[template(path = "admin_scrutiny.html")]
pub struct ScrutinyPage {
    pub page: PageContext,
    pub slug: String,
    pub csrf_token: String,
    pub clusters: Vec<ClusterView>,
    pub checkuser: bool,
    pub admin: bool,
    pub notice: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct ScrutinyQuery {
    #[serde(default)]
    pub struck: Option<usize>,
    #[serde(default)]
    pub failed: Option<usize>,
    #[serde(default)]
    pub purged: Option<String>,
}

/// `GET /admin/elections/{slug}/scrutiny`: the clusters (the view is logged), with a strike
/// form per cluster.
pub async fn scrutiny_page(
    ElectionAccess {
        ctx,
        db,
        staff,
        slug,
        ..
    }: ElectionAccess<Watchers>,
    session: Session,
    Query(query): Query<ScrutinyQuery>,
) -> PageResult {
    let clusters = scrutiny::clusters(&db, &slug, staff.actor(), Timestamp::now())
        .await
        .map_err(|e| ctx.service(e))?;
    let admin = staff.is_operator
        || crate::service::ensure_role(&db, &slug, staff.id, crate::admin_access::ADMINS)
            .await
            .is_ok();
    let mut notices = Vec::new();
    if let Some(struck) = query.struck {
        notices.push(ctx.tr.t_args(
            "scrutiny-struck",
            &[("count", fluent_bundle::FluentValue::from(struck))],
        ));
    }
    if let Some(failed) = query.failed.filter(|&f| f > 0) {
        notices.push(ctx.tr.t_args(
            "scrutiny-strike-failed",
            &[("count", fluent_bundle::FluentValue::from(failed))],
        ));
    }
    if query.purged.is_some() {
        notices.push(ctx.tr.t("scrutiny-purged"));
    }
    Ok(ScrutinyPage {
        csrf_token: csrf(&ctx, &session)?,
        clusters: cluster_views(&ctx, &clusters),
        page: ctx.page(),
        slug,
        checkuser: staff.is_checkuser,
        admin,
        notice: (!notices.is_empty()).then(|| notices.join(" ")),
    }
    .into_response())
}

/// `POST /admin/elections/{slug}/scrutiny/strike`: strikes the checked voters (`voter`,
/// repeated) with one `reason`, then back to the clusters with how many were struck.
pub async fn strike_page(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    Path(slug): Path<String>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> PageResult {
    // Forms check their CSRF token first (the extractor above), then the role.
    authorize(&ctx, &db, &staff, &slug, WATCHERS).await?;
    let voters = voters_of(&fields);
    if voters.is_empty() {
        return Err(ctx.bad_input(ctx.tr.t("scrutiny-no-voter")));
    }
    let reason = field(&fields, "reason").trim();
    if reason.is_empty() {
        return Err(ctx.bad_input(ctx.tr.t("scrutiny-reason-required")));
    }
    let outcomes =
        scrutiny::strike_voters(&db, &slug, &voters, reason, staff.actor(), Timestamp::now()).await;
    let failed = outcomes.iter().filter(|(_, o)| o.is_err()).count();
    for (voter, outcome) in &outcomes {
        if let Err(e) = outcome {
            tracing::info!(election = %slug, %voter, error = %e, "strike from a cluster refused");
        }
    }
    Ok(Redirect::to(&format!(
        "/admin/elections/{slug}/scrutiny?struck={}&failed={failed}",
        outcomes.len() - failed
    ))
    .into_response())
}

#[derive(Debug, Template, WebTemplate)]
#[template(path = "admin_checkuser.html")]
pub struct CheckuserPage {
    pub page: PageContext,
    pub slug: String,
    pub csrf_token: String,
    pub voters: Vec<String>,
    pub reason: String,
    /// After a reveal: the raw values.
    pub revealed: Option<Vec<RawSubmission>>,
}

/// `GET /admin/elections/{slug}/scrutiny/checkuser?voter=…`: the form asking for a reason.
/// Checkusers only.
pub async fn checkuser_form(
    CheckuserAccess(ElectionAccess { ctx, slug, .. }): CheckuserAccess,
    session: Session,
    Query(fields): Query<Vec<(String, String)>>,
) -> PageResult {
    Ok(CheckuserPage {
        csrf_token: csrf(&ctx, &session)?,
        page: ctx.page(),
        slug,
        voters: voters_of(&fields),
        reason: String::new(),
        revealed: None,
    }
    .into_response())
}

/// `POST /admin/elections/{slug}/scrutiny/checkuser`: the raw values of the named voters'
/// submissions, with the required reason logged first. Checkusers only.
#[allow(clippy::too_many_arguments)]
pub async fn checkuser_reveal(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    Path(slug): Path<String>,
    session: Session,
    axum::extract::State(state): axum::extract::State<AppState>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> PageResult {
    authorize(&ctx, &db, &staff, &slug, WATCHERS).await?;
    require_checkuser(&ctx, &staff)?;
    let voters = voters_of(&fields);
    let reason = field(&fields, "reason").trim().to_owned();
    let revealed = scrutiny::reveal(
        &db,
        &state.server_key,
        &slug,
        &voters,
        &reason,
        staff.actor(),
        Timestamp::now(),
    )
    .await
    .map_err(|e| ctx.service(e))?;
    Ok(CheckuserPage {
        csrf_token: csrf(&ctx, &session)?,
        page: ctx.page(),
        slug,
        voters,
        reason,
        revealed: Some(revealed),
    }
    .into_response())
}

#[derive(Debug, Template, WebTemplate)]
#[template(path = "admin_scrutiny_views.html")]
pub struct ViewsPage {
    pub page: PageContext,
    pub slug: String,
    pub views: Vec<ViewRow>,
}

#[derive(Debug)]
pub struct ViewRow {
    pub at: String,
    pub actor: String,
    pub what: String,
    pub voters: String,
    pub reason: String,
}

/// `GET /admin/elections/{slug}/scrutiny/views`: every logged view of private data.
pub async fn views_page(
    ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Watchers>,
) -> PageResult {
    let views = scrutiny::views(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?;
    let rows = views
        .into_iter()
        .map(|view: PrivateView| {
            let text = |key: &str| -> String {
                match view.details.get(key) {
                    Some(serde_json::Value::String(s)) => s.clone(),
                    Some(serde_json::Value::Array(items)) => items
                        .iter()
                        .filter_map(|i| i.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    _ => String::new(),
                }
            };
            ViewRow {
                what: if view.action == scrutiny::CHECKUSER_VIEWED {
                    ctx.tr.t("scrutiny-view-checkuser")
                } else {
                    ctx.tr.t("scrutiny-view-clusters")
                },
                voters: text("voters"),
                reason: text("reason"),
                at: view.at,
                actor: view.actor,
            }
        })
        .collect();
    Ok(ViewsPage {
        page: ctx.page(),
        slug,
        views: rows,
    }
    .into_response())
}

/// `POST /admin/elections/{slug}/purge`: purges the election's private data now (admins).
pub async fn purge_page(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    Path(slug): Path<String>,
    CsrfForm(_fields): CsrfForm<Vec<(String, String)>>,
) -> PageResult {
    authorize(&ctx, &db, &staff, &slug, ADMINS).await?;
    scrutiny::purge(&db, &slug, staff.actor(), false, Timestamp::now())
        .await
        .map_err(|e| ctx.service(e))?;
    Ok(Redirect::to(&format!("/admin/elections/{slug}/scrutiny?purged=1")).into_response())
}

fn json<T: serde::Serialize>(ctx: &Ctx, value: &T) -> PageResult {
    serde_json::to_value(value)
        .map(|v| Json(v).into_response())
        .map_err(|e| ctx.service(crate::service::corrupt("a scrutiny answer", e)))
}

/// `GET /api/v1/elections/{slug}/scrutiny/clusters` (logged).
pub async fn api_clusters(
    ElectionAccess {
        ctx,
        db,
        staff,
        slug,
        ..
    }: ElectionAccess<Watchers>,
) -> PageResult {
    let clusters = scrutiny::clusters(&db, &slug, staff.actor(), Timestamp::now())
        .await
        .map_err(|e| ctx.service(e))?;
    json(&ctx, &serde_json::json!({ "clusters": clusters }))
}

/// The body of the API's strike and checkuser calls.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VotersBody {
    pub voters: Vec<String>,
    #[serde(default)]
    pub reason: String,
}

/// `POST /api/v1/elections/{slug}/scrutiny/strike` `{"voters": [...], "reason": "..."}`:
/// each voter's outcome.
pub async fn api_strike(
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx,
        db,
        staff,
        slug,
        ..
    }: ElectionAccess<Watchers>,
    ApiJson(body): ApiJson<VotersBody>,
) -> PageResult {
    if body.voters.is_empty() {
        return Err(ctx.bad_input(ctx.tr.t("scrutiny-no-voter")));
    }
    if body.reason.trim().is_empty() {
        return Err(ctx.bad_input(ctx.tr.t("scrutiny-reason-required")));
    }
    let outcomes = scrutiny::strike_voters(
        &db,
        &slug,
        &body.voters,
        body.reason.trim(),
        staff.actor(),
        Timestamp::now(),
    )
    .await;
    let results: Vec<serde_json::Value> = outcomes
        .into_iter()
        .map(|(voter, outcome)| match outcome {
            Ok(()) => serde_json::json!({ "voter": voter, "struck": true }),
            Err(e) => {
                serde_json::json!({ "voter": voter, "struck": false, "error": e.to_string() })
            }
        })
        .collect();
    json(&ctx, &serde_json::json!({ "results": results }))
}

/// `POST /api/v1/elections/{slug}/scrutiny/checkuser` `{"voters": [...], "reason": "..."}`:
/// raw values (checkusers only; logged first).
pub async fn api_checkuser(
    _csrf: ApiCsrf,
    CheckuserAccess(ElectionAccess {
        ctx,
        db,
        staff,
        slug,
        ..
    }): CheckuserAccess,
    axum::extract::State(state): axum::extract::State<AppState>,
    ApiJson(body): ApiJson<VotersBody>,
) -> PageResult {
    let revealed = scrutiny::reveal(
        &db,
        &state.server_key,
        &slug,
        &body.voters,
        &body.reason,
        staff.actor(),
        Timestamp::now(),
    )
    .await
    .map_err(|e| ctx.service(e))?;
    json(&ctx, &serde_json::json!({ "submissions": revealed }))
}

/// `GET /api/v1/elections/{slug}/scrutiny/views`: the logged views of private data.
pub async fn api_views(
    ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Watchers>,
) -> PageResult {
    let views = scrutiny::views(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?;
    json(&ctx, &serde_json::json!({ "views": views }))
}

/// `POST /api/v1/elections/{slug}/purge`: purges the election's private data now (admins).
pub async fn api_purge(
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx,
        db,
        staff,
        slug,
        ..
    }: ElectionAccess<Admins>,
) -> PageResult {
    let report = scrutiny::purge(&db, &slug, staff.actor(), false, Timestamp::now())
        .await
        .map_err(|e| ctx.service(e))?;
    let c = report.counts;
    let answer = serde_json::json!({
        "first": report.first,
        "ballots_included": report.ballots_included,
        "submissions": c.submissions,
        "vote_times": c.vote_times,
        "superseded_ballots": c.superseded_ballots,
        "voter_sessions": c.voter_sessions,
        "voter_emails": c.voter_emails,
        "mail_rows": c.mail_rows,
    });
    let mut response = json(&ctx, &answer)?;
    *response.status_mut() = StatusCode::OK;
    Ok(response)
}
