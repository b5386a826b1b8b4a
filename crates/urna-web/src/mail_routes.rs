//! E-mail to voters, for election administrators: the page `/admin/elections/{slug}/mail`
//! (delivery status of each voter's link e-mail, notices by status, forms to send links,
//! send one again, retry failed notices) and the same acts under `/api/v1/`.
//!
//! Sending links answers at once: the voters are marked `queued`, and the e-mails go out in
//! the background ([`service::mail::spawn_link_delivery`]); the page shows how far it got.
//! Without an `[smtp]` section every send answers 409 with a message saying so; the CSV of
//! links (voter upload, reissue) stays the way to hand links out.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::Timestamp;
use serde::Deserialize;
use serde_json::json;

use crate::admin_access::{
    ADMINS, AdminDb, AdminError, Admins, Ctx, ElectionAccess, StaffMember, WATCHERS, authorize,
};
use crate::api_routes::{ApiCsrf, ApiJson};
use crate::app::AppState;
use crate::auth::session::Session;
use crate::mail::Mailer;
use crate::security::CsrfForm;
use crate::service::mail::{LinkScope, MailOverview};
use crate::service::reminders::ReminderView;
use crate::service::{self, ServiceError};
use crate::templates::PageContext;

type Answer = Result<Response, AdminError>;

/// The mailer, or the "not configured" refusal (409).
fn mailer<'a>(ctx: &Ctx, state: &'a AppState) -> Result<&'a Mailer, AdminError> {
    state.mailer.as_ref().ok_or_else(|| {
        ctx.fail(
            StatusCode::CONFLICT,
            "mail-error-not-configured",
            ctx.tr.t("mail-not-configured"),
        )
    })
}

/// Marks the chosen voters queued and starts sending in the background.
async fn start_sending_links(
    ctx: &Ctx,
    state: &AppState,
    staff: &StaffMember,
    slug: &str,
    scope: &LinkScope,
) -> Result<service::mail::LinkBatch, AdminError> {
    let mailer = mailer(ctx, state)?;
    let batch = service::mail::queue_links(&state.db, slug, scope, staff.actor(), Timestamp::now())
        .await
        .map_err(|e| ctx.service(e))?;
    service::mail::spawn_link_delivery(
        state.db.clone(),
        mailer.clone(),
        state.locales.clone(),
        batch.clone(),
        staff.actor(),
    );
    Ok(batch)
}

/// `/admin/elections/{slug}/mail`
#[derive(Debug, Template, WebTemplate)]
#[template(path = "admin_mail.html")]
pub struct MailPage {
    pub page: PageContext,
    pub csrf_token: String,
    pub slug: String,
    pub configured: bool,
    pub is_admin: bool,
    pub m: MailOverview,
    pub without_address: String,
    pub notice_counts: String,
    pub resend_failed_links: String,
    pub reminders: Vec<ReminderView>,
    /// The election's languages, each offered a reminder text.
    pub languages: Vec<String>,
}

impl MailPage {
    fn status_label(&self, status: &Option<&'static str>) -> String {
        self.page
            .tr
            .t(&format!("mail-status-{}", status.unwrap_or("none")))
    }

    fn notice_status_label(&self, status: &str) -> String {
        self.page.tr.t(&format!("mail-status-{status}"))
    }

    fn reminder_counts(&self, r: &ReminderView) -> String {
        self.page.tr.t_args(
            "reminders-count-line",
            &[
                ("queued", r.queued.into()),
                ("sent", r.sent.into()),
                ("skipped", r.skipped.into()),
                ("failed", (r.failed + r.bounced).into()),
            ],
        )
    }

    fn text_label(&self, lang: &str) -> String {
        self.page
            .tr
            .t_args("reminders-text-label", &[("lang", lang.into())])
    }
}

/// `GET /admin/elections/{slug}/mail`
pub async fn mail_page(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    session: Session,
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Answer {
    authorize(&ctx, &db, &staff, &slug, WATCHERS).await?;
    let is_admin = authorize(&ctx, &db, &staff, &slug, ADMINS).await.is_ok();
    let m = service::mail::mail_overview(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?;
    let csrf_token = session
        .csrf_token()
        .map(|t| t.expose().to_owned())
        .map_err(|e| ctx.service(ServiceError::Random(e.to_string())))?;
    let without_address = ctx.tr.t_args(
        "mail-without-address",
        &[("count", m.voters_without_address.into())],
    );
    let notice_counts = ctx.tr.t_args(
        "mail-notices-counts",
        &[
            ("queued", m.notices_queued.into()),
            ("sent", m.notices_sent.into()),
            ("failed", m.notices_failed.len().into()),
        ],
    );
    let resend_failed_links = ctx
        .tr
        .t_args("mail-send-failed", &[("count", m.links_failed.into())]);
    let reminders = service::reminders::reminders_overview(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?;
    let languages = service::load(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?
        .election
        .languages()
        .iter()
        .map(ToString::to_string)
        .collect();
    Ok(MailPage {
        page: ctx.page(),
        csrf_token,
        slug,
        configured: state.mailer.is_some(),
        is_admin,
        m,
        without_address,
        notice_counts,
        resend_failed_links,
        reminders,
        languages,
    }
    .into_response())
}

#[derive(Debug, Deserialize)]
pub struct LinksForm {
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub voter: Option<String>,
}

/// `POST /admin/elections/{slug}/mail/links`: e-mails links (`scope`), or one voter's again.
pub async fn send_links(
    ctx: Ctx,
    staff: StaffMember,
    State(state): State<AppState>,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<LinksForm>,
) -> Answer {
    authorize(&ctx, &state.db, &staff, &slug, ADMINS).await?;
    let scope = LinkScope::parse(&form.scope, form.voter.as_deref()).map_err(|e| ctx.service(e))?;
    start_sending_links(&ctx, &state, &staff, &slug, &scope).await?;
    Ok(Redirect::to(&format!("/admin/elections/{slug}/mail")).into_response())
}

/// The retry form: every failed and bounced notice, or the one `notice` names.
#[derive(Debug, Deserialize)]
pub struct RetryForm {
    #[serde(default)]
    pub notice: String,
}

/// The notice a retry names (`None`: all of them).
fn notice_id(text: &str) -> Result<Option<i64>, ServiceError> {
    match text.trim() {
        "" => Ok(None),
        t => t
            .parse()
            .map(Some)
            .map_err(|_| ServiceError::Refused(format!("{t:?} is not a notice number"))),
    }
}

/// `POST /admin/elections/{slug}/mail/notices/retry`: every failed and bounced notice, or
/// only `notice`.
pub async fn retry_notices(
    ctx: Ctx,
    staff: StaffMember,
    State(state): State<AppState>,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<RetryForm>,
) -> Answer {
    authorize(&ctx, &state.db, &staff, &slug, ADMINS).await?;
    mailer(&ctx, &state)?;
    let one = notice_id(&form.notice).map_err(|e| ctx.service(e))?;
    service::mail::retry_failed_notices(&state.db, &slug, one, staff.actor(), Timestamp::now())
        .await
        .map_err(|e| ctx.service(e))?;
    Ok(Redirect::to(&format!("/admin/elections/{slug}/mail")).into_response())
}

/// `GET /api/v1/elections/{slug}/mail`
pub async fn api_mail_status(
    ctx: Ctx,
    staff: StaffMember,
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Answer {
    authorize(&ctx, &state.db, &staff, &slug, WATCHERS).await?;
    let m = service::mail::mail_overview(&state.db, &slug)
        .await
        .map_err(|e| ctx.service(e))?;
    let mut value =
        serde_json::to_value(&m).map_err(|e| ctx.service(service::corrupt("mail status", e)))?;
    value["configured"] = json!(state.mailer.is_some());
    Ok(axum::Json(value).into_response())
}

#[derive(Debug, Deserialize)]
pub struct LinksBody {
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub voter: Option<String>,
}

/// `POST /api/v1/elections/{slug}/mail/links`
pub async fn api_send_links(
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx, staff, slug, ..
    }: ElectionAccess<Admins>,
    State(state): State<AppState>,
    ApiJson(body): ApiJson<LinksBody>,
) -> Answer {
    let scope = LinkScope::parse(&body.scope, body.voter.as_deref()).map_err(|e| ctx.service(e))?;
    let batch = start_sending_links(&ctx, &state, &staff, &slug, &scope).await?;
    Ok(axum::Json(json!(batch)).into_response())
}

/// `{"notice": 7}` retries one notice; `{}` every failed and bounced one.
#[derive(Debug, Deserialize)]
pub struct RetryBody {
    #[serde(default)]
    pub notice: Option<i64>,
}

/// `POST /api/v1/elections/{slug}/mail/notices/retry`
pub async fn api_retry_notices(
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx, staff, slug, ..
    }: ElectionAccess<Admins>,
    State(state): State<AppState>,
    ApiJson(body): ApiJson<RetryBody>,
) -> Answer {
    mailer(&ctx, &state)?;
    let requeued = service::mail::retry_failed_notices(
        &state.db,
        &slug,
        body.notice,
        staff.actor(),
        Timestamp::now(),
    )
    .await
    .map_err(|e| ctx.service(e))?;
    Ok(axum::Json(json!({ "requeued": requeued })).into_response())
}
