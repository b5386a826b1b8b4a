//! Reminders and the turnout tracker, for election administrators and watchers:
//! - reminders are set on the mail page (`/admin/elections/{slug}/mail`, rendered by
//!   [`crate::mail_routes`]); the forms post here, and `/api/v1/elections/{slug}/reminders`
//!   lists, adds and deletes them;
//! - `/admin/elections/{slug}/turnout`: voters so far hour by hour as an SVG bar chart with
//!   the quorum as a line, the same numbers as a table, and the quorum form;
//!   `/api/v1/elections/{slug}/turnout` gives them as JSON.

use std::collections::BTreeMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::Timestamp;
use serde::Deserialize;
use serde_json::json;

use crate::admin_access::{
    ADMINS, AdminDb, AdminError, Admins, Ctx, ElectionAccess, StaffMember, WATCHERS, Watchers,
    authorize,
};
use crate::api_routes::{ApiCsrf, ApiJson};
use crate::app::AppState;
use crate::auth::session::Session;
use crate::security::CsrfForm;
use crate::service::reminders::BeforeClose;
use crate::service::turnout::{ChartTexts, Quorum, TurnoutTimeline};
use crate::service::{self, ServiceError};
use crate::templates::PageContext;

type Answer = Result<Response, AdminError>;

/// Form fields naming a reminder text start with this, followed by the language.
const TEXT_FIELD: &str = "text_";

/// `POST /admin/elections/{slug}/mail/reminders`: `before` (`3d`, `24h`…) and `text_<lang>`
/// for each language that has its own text.
pub async fn add_reminder(
    ctx: Ctx,
    staff: StaffMember,
    State(state): State<AppState>,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<BTreeMap<String, String>>,
) -> Answer {
    authorize(&ctx, &state.db, &staff, &slug, ADMINS).await?;
    let before = BeforeClose::parse(form.get("before").map_or("", String::as_str))
        .map_err(|e| ctx.service(e))?;
    let texts: BTreeMap<String, String> = form
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix(TEXT_FIELD)?.to_owned(), v.clone())))
        .collect();
    service::reminders::add_reminder(
        &state.db,
        &slug,
        before,
        &texts,
        staff.actor(),
        Timestamp::now(),
    )
    .await
    .map_err(|e| ctx.service(e))?;
    Ok(Redirect::to(&format!("/admin/elections/{slug}/mail#reminders-title")).into_response())
}

#[derive(Debug, Deserialize)]
pub struct ReminderIdForm {
    #[serde(default)]
    pub id: String,
}

fn reminder_id(text: &str) -> Result<i64, ServiceError> {
    text.trim()
        .parse()
        .map_err(|_| ServiceError::Refused(format!("{text:?} is not a reminder number")))
}

/// `POST /admin/elections/{slug}/mail/reminders/delete`: `id`.
pub async fn delete_reminder(
    ctx: Ctx,
    staff: StaffMember,
    State(state): State<AppState>,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<ReminderIdForm>,
) -> Answer {
    authorize(&ctx, &state.db, &staff, &slug, ADMINS).await?;
    let id = reminder_id(&form.id).map_err(|e| ctx.service(e))?;
    service::reminders::delete_reminder(&state.db, &slug, id, staff.actor(), Timestamp::now())
        .await
        .map_err(|e| ctx.service(e))?;
    Ok(Redirect::to(&format!("/admin/elections/{slug}/mail#reminders-title")).into_response())
}

/// `GET /api/v1/elections/{slug}/reminders`
pub async fn api_reminders(
    ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Watchers>,
) -> Answer {
    let reminders = service::reminders::reminders_overview(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?;
    Ok(axum::Json(json!({ "reminders": reminders })).into_response())
}

#[derive(Debug, Deserialize)]
pub struct ReminderBody {
    #[serde(default)]
    pub before: String,
    #[serde(default)]
    pub texts: BTreeMap<String, String>,
}

/// `POST /api/v1/elections/{slug}/reminders`: `{"before": "3d", "texts": {"en": "…"}}`.
pub async fn api_add_reminder(
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx, staff, slug, ..
    }: ElectionAccess<Admins>,
    State(state): State<AppState>,
    ApiJson(body): ApiJson<ReminderBody>,
) -> Answer {
    let before = BeforeClose::parse(&body.before).map_err(|e| ctx.service(e))?;
    let id = service::reminders::add_reminder(
        &state.db,
        &slug,
        before,
        &body.texts,
        staff.actor(),
        Timestamp::now(),
    )
    .await
    .map_err(|e| ctx.service(e))?;
    Ok(axum::Json(json!({ "id": id, "before_close": before.to_string() })).into_response())
}

#[derive(Debug, Deserialize)]
pub struct ReminderIdBody {
    pub id: Option<i64>,
}

/// `POST /api/v1/elections/{slug}/reminders/delete`: `{"id": 3}`.
pub async fn api_delete_reminder(
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx, staff, slug, ..
    }: ElectionAccess<Admins>,
    State(state): State<AppState>,
    ApiJson(body): ApiJson<ReminderIdBody>,
) -> Answer {
    let id = body
        .id
        .ok_or_else(|| ctx.service(ServiceError::Refused("name the reminder's id".into())))?;
    service::reminders::delete_reminder(&state.db, &slug, id, staff.actor(), Timestamp::now())
        .await
        .map_err(|e| ctx.service(e))?;
    Ok(axum::Json(json!({ "deleted": id })).into_response())
}

/// The chart's texts in the page's language.
fn chart_texts(tr: &crate::i18n::Translator, timeline: &TurnoutTimeline) -> ChartTexts {
    ChartTexts {
        title: tr.t("turnout-chart-title"),
        quorum: tr.t_args(
            "turnout-quorum-line",
            &[("quorum", timeline.quorum.unwrap_or_default().into())],
        ),
    }
}

/// The turnout chart of the election page, in the reader's language (`None` before anyone
/// voted).
pub async fn turnout_chart(
    db: &urna_store::Db,
    slug: &str,
    tr: &crate::i18n::Translator,
) -> Result<Option<String>, ServiceError> {
    let t = service::turnout::turnout_over_time(db, slug).await?;
    Ok(service::turnout::chart_svg(&t, &chart_texts(tr, &t)))
}

/// `/admin/elections/{slug}/turnout`
#[derive(Debug, Template, WebTemplate)]
#[template(path = "admin_turnout.html")]
pub struct TurnoutPage {
    pub page: PageContext,
    pub csrf_token: String,
    pub slug: String,
    pub is_admin: bool,
    pub t: TurnoutTimeline,
    /// The SVG chart (built by `service::turnout::chart_svg`, every text escaped there).
    pub chart: Option<String>,
    pub summary: String,
    pub quorum_status: Option<String>,
}

/// `GET /admin/elections/{slug}/turnout`
pub async fn turnout_page(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    session: Session,
    Path(slug): Path<String>,
) -> Answer {
    authorize(&ctx, &db, &staff, &slug, WATCHERS).await?;
    let is_admin = authorize(&ctx, &db, &staff, &slug, ADMINS).await.is_ok();
    let t = service::turnout::turnout_over_time(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?;
    let csrf_token = session
        .csrf_token()
        .map(|t| t.expose().to_owned())
        .map_err(|e| ctx.service(ServiceError::Random(e.to_string())))?;
    let chart = service::turnout::chart_svg(&t, &chart_texts(&ctx.tr, &t));
    let summary = ctx.tr.t_args(
        "turnout-summary",
        &[("voted", t.voted.into()), ("eligible", t.eligible.into())],
    );
    let quorum_status = t.quorum.map(|q| {
        let key = if t.voted >= q {
            "turnout-quorum-reached"
        } else {
            "turnout-quorum-missing"
        };
        ctx.tr.t_args(
            key,
            &[
                ("quorum", q.into()),
                ("missing", (q - t.voted).max(0).into()),
            ],
        )
    });
    Ok(TurnoutPage {
        page: ctx.page(),
        csrf_token,
        slug,
        is_admin,
        t,
        chart,
        summary,
        quorum_status,
    }
    .into_response())
}

#[derive(Debug, Deserialize)]
pub struct QuorumForm {
    #[serde(default)]
    pub quorum: String,
}

/// `POST /admin/elections/{slug}/turnout/quorum`: `quorum` (blank: none).
pub async fn set_quorum(
    ctx: Ctx,
    staff: StaffMember,
    State(state): State<AppState>,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<QuorumForm>,
) -> Answer {
    authorize(&ctx, &state.db, &staff, &slug, ADMINS).await?;
    let quorum = Quorum::parse(&form.quorum).map_err(|e| ctx.service(e))?;
    service::turnout::set_quorum(&state.db, &slug, quorum, staff.actor(), Timestamp::now())
        .await
        .map_err(|e| ctx.service(e))?;
    Ok(Redirect::to(&format!("/admin/elections/{slug}/turnout")).into_response())
}

/// `GET /api/v1/elections/{slug}/turnout`
pub async fn api_turnout(ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Watchers>) -> Answer {
    let t = service::turnout::turnout_over_time(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?;
    Ok(axum::Json(t).into_response())
}

#[derive(Debug, Deserialize)]
pub struct QuorumBody {
    /// Voters; `null` or absent removes the quorum.
    pub quorum: Option<i64>,
}

/// `POST /api/v1/elections/{slug}/turnout/quorum`: `{"quorum": 120}` or `{"quorum": null}`.
pub async fn api_set_quorum(
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx, staff, slug, ..
    }: ElectionAccess<Admins>,
    State(state): State<AppState>,
    ApiJson(body): ApiJson<QuorumBody>,
) -> Answer {
    let quorum = match body.quorum {
        None => None,
        Some(n) => Quorum::parse(&n.to_string()).map_err(|e| ctx.service(e))?,
    };
    service::turnout::set_quorum(&state.db, &slug, quorum, staff.actor(), Timestamp::now())
        .await
        .map_err(|e| ctx.service(e))?;
    Ok(axum::Json(json!({ "quorum": quorum.map(Quorum::voters) })).into_response())
}
