//! The rehearsal's pages and API (issue 7): the "Rehearse" button of the admin election page
//! starts a rehearsal as a background job ([`service::rehearsal::start_job`]) and shows its
//! page, which reloads itself (an HTTP `Refresh` header: no script) until the job is done,
//! then lists the findings, translated, and the results of the synthetic ballots.
//!
//! - `POST /admin/elections/{slug}/rehearse` (CSRF form) → 303 to the rehearsal's page;
//! - `GET /admin/elections/{slug}/rehearsals/{job}`;
//! - `POST /api/v1/elections/{slug}/rehearsals` → 202 `{"job": id}`;
//! - `GET /api/v1/elections/{slug}/rehearsals/{job}` → `{"state", "done", "total", "report"}`.
//!
//! Starting one takes an election admin; reading one, anyone who may watch the election.

use askama::Template;
use askama_web::WebTemplate;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use fluent_bundle::FluentValue;
use jiff::Timestamp;
use serde::Deserialize;
use urna_core::rehearsal::Finding;
use urna_store::{JobId, JobState};

use crate::admin_access::{
    ADMINS, AdminDb, AdminError, Admins, Ctx, ElectionAccess, StaffMember, Watchers, authorize,
};
use crate::api_routes::ApiCsrf;
use crate::app::AppState;
use crate::security::CsrfForm;
use crate::service::rehearsal::{self, RehearsalOptions, RehearsalReport};
use crate::templates::PageContext;

type PageResult = Result<Response, AdminError>;

/// How often a running rehearsal's page reloads itself, in seconds.
const REFRESH_SECONDS: &str = "2";

/// The rehearse form: nothing but its CSRF token.
#[derive(Debug, Deserialize)]
pub struct RehearseForm {}

/// `POST /admin/elections/{slug}/rehearse`: the CSRF check (the form) comes before the
/// election is looked up, as on the other admin forms.
pub async fn rehearse(
    State(state): State<AppState>,
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    Path(slug): Path<String>,
    CsrfForm(_form): CsrfForm<RehearseForm>,
) -> PageResult {
    authorize(&ctx, &db, &staff, &slug, ADMINS).await?;
    let job = rehearsal::start_job(
        &db,
        &slug,
        state.mailer.clone(),
        RehearsalOptions::default(),
        staff.actor(),
        Timestamp::now(),
    )
    .await
    .map_err(|e| ctx.service(e))?;
    Ok(Redirect::to(&format!("/admin/elections/{slug}/rehearsals/{}", job.0)).into_response())
}

/// One finding as the page shows it.
#[derive(Debug, Clone)]
pub struct FindingView {
    /// `error`, `warning` or `info` (also the CSS class).
    pub severity: &'static str,
    pub severity_label: String,
    pub code: &'static str,
    pub message: String,
}

/// `/admin/elections/{slug}/rehearsals/{job}`
#[derive(Debug, Template, WebTemplate)]
#[template(path = "admin_rehearsal.html")]
pub struct RehearsalPage {
    pub page: PageContext,
    pub slug: String,
    pub job: i64,
    pub running: bool,
    pub done: i64,
    pub total: i64,
    /// The job failed before it could store a report (the real election could not be read).
    pub failure: Option<String>,
    pub report: Option<RehearsalReport>,
    pub findings: Vec<FindingView>,
}

/// The translated message of a finding (`rehearsal-<code>` with its arguments).
pub fn finding_message(ctx: &Ctx, finding: &Finding) -> String {
    let args: Vec<(&str, FluentValue<'_>)> = finding
        .kind
        .args()
        .into_iter()
        .map(|(name, value)| (name, FluentValue::from(value)))
        .collect();
    ctx.tr
        .t_args(&format!("rehearsal-{}", finding.kind.code()), &args)
}

#[derive(Debug, Deserialize)]
pub struct JobPath {
    pub job: i64,
}

/// The rehearsal job `job` of the election, or 404.
async fn job_of(
    ctx: &Ctx,
    db: &urna_store::Db,
    slug: &str,
    job: i64,
) -> Result<urna_store::JobRow, AdminError> {
    let loaded = crate::service::load(db, slug)
        .await
        .map_err(|e| ctx.service(e))?;
    let not_found = || {
        ctx.service(crate::service::ServiceError::NoSuchRehearsal {
            slug: slug.to_owned(),
            job,
        })
    };
    let row = db.job(JobId(job)).await.map_err(|_| not_found())?;
    if row.election != Some(loaded.row_id) || row.kind != rehearsal::REHEARSAL_JOB {
        return Err(not_found());
    }
    Ok(row)
}

/// `GET /admin/elections/{slug}/rehearsals/{job}`
pub async fn rehearsal_page(
    ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Watchers>,
    Path(JobPath { job }): Path<JobPath>,
) -> PageResult {
    let row = job_of(&ctx, &db, &slug, job).await?;
    let report = rehearsal::report_of_job(&db, row.id)
        .await
        .map_err(|e| ctx.service(e))?;
    let findings = report
        .as_ref()
        .map(|r| {
            r.findings
                .iter()
                .map(|f| FindingView {
                    severity: f.severity.name(),
                    severity_label: ctx
                        .tr
                        .t(&format!("rehearsal-severity-{}", f.severity.name())),
                    code: f.kind.code(),
                    message: finding_message(&ctx, f),
                })
                .collect()
        })
        .unwrap_or_default();
    let running = row.state == JobState::Running;
    let failure = (row.state == JobState::Failed).then(|| row.message.clone().unwrap_or_default());
    let mut response = RehearsalPage {
        page: ctx.page(),
        slug,
        job,
        running,
        done: row.progress_done,
        total: row.progress_total,
        failure,
        report,
        findings,
    }
    .into_response();
    if running {
        response
            .headers_mut()
            .insert(header::REFRESH, HeaderValue::from_static(REFRESH_SECONDS));
    }
    Ok(response)
}

/// `POST /api/v1/elections/{slug}/rehearsals`
pub async fn api_start(
    State(state): State<AppState>,
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx,
        db,
        staff,
        slug,
        ..
    }: ElectionAccess<Admins>,
) -> PageResult {
    let job = rehearsal::start_job(
        &db,
        &slug,
        state.mailer.clone(),
        RehearsalOptions::default(),
        staff.actor(),
        Timestamp::now(),
    )
    .await
    .map_err(|e| ctx.service(e))?;
    Ok((
        StatusCode::ACCEPTED,
        Json(serde_json::json!({ "job": job.0 })),
    )
        .into_response())
}

/// `GET /api/v1/elections/{slug}/rehearsals/{job}`
pub async fn api_show(
    ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Watchers>,
    Path(JobPath { job }): Path<JobPath>,
) -> PageResult {
    let row = job_of(&ctx, &db, &slug, job).await?;
    let report = rehearsal::report_of_job(&db, row.id)
        .await
        .map_err(|e| ctx.service(e))?;
    let state = match row.state {
        JobState::Running => "running",
        JobState::Succeeded => "succeeded",
        JobState::Failed => "failed",
    };
    Ok(Json(serde_json::json!({
        "job": job,
        "state": state,
        "done": row.progress_done,
        "total": row.progress_total,
        "message": row.message,
        "report": report,
    }))
    .into_response())
}
