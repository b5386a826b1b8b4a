//! Changes while voting runs ([`service::live`]), for the election's admins: a page of forms
//! (`/admin/elections/{slug}/live`), each posting to a preview page that shows who is affected
//! and carries the change and its token to a confirm form; and the same two steps in the JSON
//! API (`/api/v1/elections/{slug}/live/preview` then `/live/confirm`). Every form posts through
//! [`CsrfForm`], every API POST through [`ApiCsrf`]/[`ApiJson`]; the role is checked before
//! anything is read. Texts: `locales/*/live.ftl`.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use fluent_bundle::FluentValue;
use jiff::Timestamp;
use serde::Deserialize;
use serde_json::json;
use urna_core::election::TextTarget;
use urna_core::question::{CandidateId, QuestionId};
use urna_core::text::Lang;

use crate::admin_access::{
    ADMINS, AdminDb, AdminError, Admins, Ctx, ElectionAccess, QuestionView, StaffMember, authorize,
    download, overview, parse_new_end,
};
use crate::api_routes::{ApiCsrf, ApiJson, base_url};
use crate::app::AppState;
use crate::auth::session::Session;
use crate::security::CsrfForm;
use crate::service::live::{self, IncidentWindow, LiveChange, LivePreview};
use crate::service::{self, ServiceError};
use crate::templates::PageContext;

type PageResult = Result<Response, AdminError>;

fn csrf(ctx: &Ctx, session: &Session) -> Result<String, AdminError> {
    session
        .csrf_token()
        .map(|t| t.expose().to_owned())
        .map_err(|e| ctx.service(ServiceError::Random(e.to_string())))
}

/// `/admin/elections/{slug}/live`
#[derive(Debug, Template, WebTemplate)]
#[template(path = "admin_live.html")]
pub struct LivePage {
    pub page: PageContext,
    pub csrf_token: String,
    pub slug: String,
    pub title: String,
    pub state: String,
    pub questions: Vec<QuestionView>,
    /// What the last confirmed change did, if the page follows one.
    pub done: Option<String>,
}

/// The preview page: what will change, and the confirm form.
#[derive(Debug, Template, WebTemplate)]
#[template(path = "admin_live_preview.html")]
pub struct LivePreviewPage {
    pub page: PageContext,
    pub csrf_token: String,
    pub slug: String,
    pub heading: String,
    pub states: String,
    /// Who is affected: a heading with the count, then the voters.
    pub sections: Vec<PreviewSection>,
    pub preview: LivePreview,
    /// The change as JSON, carried to the confirm form.
    pub change_json: String,
}

/// One group of affected voters on the preview page.
#[derive(Debug)]
pub struct PreviewSection {
    /// The element id (the browser tests find the counts by it).
    pub id: &'static str,
    pub heading: String,
    pub voters: Vec<String>,
}

/// The preview's groups of voters, with translated headings; empty optional groups left out.
fn sections_of(ctx: &Ctx, preview: &LivePreview) -> Vec<PreviewSection> {
    let section = |id: &'static str, key: &str, voters: &[String]| PreviewSection {
        id,
        heading: ctx
            .tr
            .t_args(key, &[("count", FluentValue::from(voters.len() as i64))]),
        voters: voters.to_vec(),
    };
    let mut out = vec![
        section("live-struck", "live-preview-struck", &preview.struck),
        section("live-told", "live-preview-told", &preview.told),
    ];
    if !preview.told_without_address.is_empty() {
        out.push(section(
            "live-no-address",
            "live-preview-no-address",
            &preview.told_without_address,
        ));
    }
    if let Some(recount) = &preview.recount {
        out.push(PreviewSection {
            id: "live-recount-naming",
            heading: ctx.tr.t_args(
                "live-preview-recount-naming",
                &[
                    ("candidate", FluentValue::from(recount.candidate.as_str())),
                    ("count", FluentValue::from(recount.ballots_naming as i64)),
                ],
            ),
            voters: Vec::new(),
        });
        out.push(PreviewSection {
            id: "live-elected-count",
            heading: ctx.tr.t("live-preview-elected-count"),
            voters: recount.elected_in_count.clone(),
        });
        out.push(PreviewSection {
            id: "live-elected-recount",
            heading: ctx.tr.t("live-preview-elected-recount"),
            voters: recount.elected_in_recount.clone(),
        });
    }
    if !preview.added.is_empty() || !preview.already_listed.is_empty() {
        out.push(section("live-added", "live-preview-added", &preview.added));
        out.push(section(
            "live-already",
            "live-preview-already",
            &preview.already_listed,
        ));
    }
    out
}

/// One form of the live page. Every field is optional; [`change_of`] takes those the named
/// change needs.
#[derive(Debug, Default, Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    pub change: String,
    #[serde(default)]
    pub closes: String,
    /// `question:candidate`.
    #[serde(default)]
    pub option: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub csv: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub reason: String,
}

fn option_of(text: &str) -> Result<(QuestionId, CandidateId), String> {
    let (q, c) = text
        .split_once(':')
        .ok_or_else(|| format!("{text:?} names no question and candidate"))?;
    Ok((
        QuestionId::parse(q).map_err(|e| e.to_string())?,
        CandidateId::parse(c).map_err(|e| e.to_string())?,
    ))
}

/// The change a form names. Times are read in the election's zone (or as RFC 3339 instants).
fn change_of(
    form: &ChangeForm,
    zone: Option<&urna_core::window::ElectionZone>,
    main_lang: &Lang,
) -> Result<LiveChange, String> {
    Ok(match form.change.as_str() {
        "move_end" => LiveChange::MoveEnd {
            closes: parse_new_end(&form.closes, zone)?,
        },
        "pause" => LiveChange::Pause,
        "resume" => LiveChange::Resume,
        "swap_candidate" => {
            let (question, candidate) = option_of(&form.option)?;
            LiveChange::SwapCandidate {
                question,
                candidate,
                name: form.name.trim().to_owned(),
            }
        }
        "withdraw_candidate" => {
            let (question, candidate) = option_of(&form.option)?;
            LiveChange::WithdrawCandidate {
                question,
                candidate,
            }
        }
        "withdraw_after_count" => {
            let (question, candidate) = option_of(&form.option)?;
            LiveChange::WithdrawAfterCount {
                question,
                candidate,
            }
        }
        "add_voters" => LiveChange::AddVoters {
            csv: form.csv.clone(),
        },
        "fix_title" => LiveChange::FixText {
            target: TextTarget::ElectionTitle,
            lang: main_lang.clone(),
            text: form.text.trim().to_owned(),
        },
        "strike_window" => LiveChange::StrikeWindow {
            window: IncidentWindow::new(
                parse_new_end(&form.from, zone)?,
                parse_new_end(&form.to, zone)?,
            )
            .map_err(|e| e.to_string())?,
            reason: form.reason.trim().to_owned(),
        },
        other => {
            return Err(format!(
                "{other:?} is not a change; use one of move_end, pause, resume, swap_candidate, \
                 withdraw_candidate, withdraw_after_count, add_voters, fix_title, strike_window"
            ));
        }
    })
}

fn change_title_key(change: &LiveChange) -> &'static str {
    match change {
        LiveChange::MoveEnd { .. } => "live-change-move-end",
        LiveChange::Pause => "live-change-pause",
        LiveChange::Resume => "live-change-resume",
        LiveChange::SwapCandidate { .. } => "live-change-swap",
        LiveChange::WithdrawCandidate { .. } => "live-change-withdraw",
        LiveChange::AddVoters { .. } => "live-change-add-voters",
        LiveChange::FixText { .. } => "live-change-fix-text",
        LiveChange::StrikeWindow { .. } => "live-change-strike-window",
        LiveChange::WithdrawAfterCount { .. } => "live-change-withdraw-after-count",
    }
}

async fn live_page(
    ctx: &Ctx,
    db: &urna_store::Db,
    session: &Session,
    slug: String,
    done: Option<String>,
) -> PageResult {
    let o = overview(db, &slug, Timestamp::now())
        .await
        .map_err(|e| ctx.service(e))?;
    Ok(LivePage {
        page: ctx.page(),
        csrf_token: csrf(ctx, session)?,
        slug,
        title: o.title,
        state: o.state,
        questions: o.questions,
        done,
    }
    .into_response())
}

/// `GET /admin/elections/{slug}/live`: the forms.
pub async fn page(
    ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Admins>,
    session: Session,
) -> PageResult {
    live_page(&ctx, &db, &session, slug, None).await
}

/// `POST /admin/elections/{slug}/live/preview`: what the change would do; nothing is written.
pub async fn preview_form(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    session: Session,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<ChangeForm>,
) -> PageResult {
    authorize(&ctx, &db, &staff, &slug, ADMINS).await?;
    let loaded = service::elections::load_election(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?;
    let change = change_of(
        &form,
        loaded.election.window().map(|w| w.zone()),
        loaded.election.title().default_lang(),
    )
    .map_err(|e| ctx.bad_input(e))?;
    let preview = live::preview(&db, &slug, &change, Timestamp::now())
        .await
        .map_err(|e| ctx.service(e))?;
    let change_json = serde_json::to_string(&change)
        .map_err(|e| ctx.service(service::corrupt("the change", e)))?;
    let heading = ctx.tr.t_args(
        "live-preview-title",
        &[(
            "change",
            FluentValue::from(ctx.tr.t(change_title_key(&change))),
        )],
    );
    let states = ctx.tr.t_args(
        "live-preview-state",
        &[
            ("state", FluentValue::from(preview.state.name())),
            ("after", FluentValue::from(preview.state_after.name())),
        ],
    );
    Ok(LivePreviewPage {
        page: ctx.page(),
        csrf_token: csrf(&ctx, &session)?,
        slug,
        heading,
        states,
        sections: sections_of(&ctx, &preview),
        preview,
        change_json,
    }
    .into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct ConfirmForm {
    /// The change as the preview page wrote it (JSON).
    #[serde(default)]
    pub change: String,
    #[serde(default)]
    pub token: String,
}

/// `POST /admin/elections/{slug}/live/confirm`: makes the previewed change (refused if the
/// election changed since the preview). Added voters' links come back as the CSV download.
pub async fn confirm_form(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    session: Session,
    Path(slug): Path<String>,
    State(state): State<AppState>,
    CsrfForm(form): CsrfForm<ConfirmForm>,
) -> PageResult {
    authorize(&ctx, &db, &staff, &slug, ADMINS).await?;
    let change: LiveChange = serde_json::from_str(&form.change)
        .map_err(|e| ctx.bad_input(format!("the change could not be read: {e}")))?;
    let outcome = live::confirm(
        &db,
        &slug,
        &change,
        &form.token,
        staff.actor(),
        Timestamp::now(),
    )
    .await
    .map_err(|e| ctx.service(e))?;
    if !outcome.links.is_empty() {
        return Ok(download(
            "text/csv; charset=utf-8",
            &format!("{slug}-links.csv"),
            service::voters::links_csv(&outcome.links, &base_url(&state)),
        ));
    }
    let done = ctx.tr.t_args(
        "live-done",
        &[
            (
                "struck",
                FluentValue::from(outcome.preview.struck.len() as i64),
            ),
            ("queued", FluentValue::from(outcome.notices.queued as i64)),
        ],
    );
    live_page(&ctx, &db, &session, slug, Some(done)).await
}

/// `POST /api/v1/elections/{slug}/live/preview`: a change (`{"change": "pause"}`, …) in, the
/// preview with its `token` out.
pub async fn api_preview(
    _csrf: ApiCsrf,
    ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Admins>,
    ApiJson(change): ApiJson<LiveChange>,
) -> Result<Response, AdminError> {
    let preview = live::preview(&db, &slug, &change, Timestamp::now())
        .await
        .map_err(|e| ctx.service(e))?;
    let value = serde_json::to_value(&preview)
        .map_err(|e| ctx.service(service::corrupt("the preview", e)))?;
    Ok(axum::Json(value).into_response())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiConfirm {
    pub change: LiveChange,
    pub token: String,
}

/// `POST /api/v1/elections/{slug}/live/confirm`: `{"change": {…}, "token": "…"}` as the
/// preview answered; 409 if the election changed since.
pub async fn api_confirm(
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx,
        db,
        staff,
        slug,
        ..
    }: ElectionAccess<Admins>,
    State(state): State<AppState>,
    ApiJson(body): ApiJson<ApiConfirm>,
) -> Result<Response, AdminError> {
    let outcome = live::confirm(
        &db,
        &slug,
        &body.change,
        &body.token,
        staff.actor(),
        Timestamp::now(),
    )
    .await
    .map_err(|e| ctx.service(e))?;
    let links_csv = (!outcome.links.is_empty())
        .then(|| service::voters::links_csv(&outcome.links, &base_url(&state)));
    Ok(axum::Json(json!({
        "preview": outcome.preview,
        "notices": outcome.notices,
        "links_csv": links_csv,
    }))
    .into_response())
}
