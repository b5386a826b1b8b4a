//! The election administration pages under `/admin/elections`: the list and the creation
//! form, each election's overview (state, window, readiness problems, the acts available
//! now as CSRF-protected POST forms, turnout, jobs), the voter list and voting links, the key
//! ceremony files, live operations (strike, extend, withdraw with a preview), and the audit
//! log with its export.
//!
//! Every form posts through [`CsrfForm`] (same origin plus the session's token); every act
//! goes through [`crate::service`], which logs it. Texts come from `admin.ftl`; the messages
//! of refused acts are the service layer's own (English).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::Timestamp;
use serde::Deserialize;
use urna_core::question::{CandidateId, QuestionId};
use urna_crypto::{DecryptionShares, DkgRound1, DkgRound2, TallyDecryption, TrusteePublic};

use crate::admin_access::{
    ADMINS, AdminDb, AdminError, Admins, AuditView, CEREMONY, Ceremony, Ctx, ElectionAccess,
    Overview, StaffMember, WATCHERS, Watchers, audit_export, audit_view, authorize,
    create_election_from_text, download, extend_end_from_text, json_file, overview,
    parse_concatenated, parse_file, run_action, withdrawal_impact,
};
use crate::api_routes::base_url;
use crate::app::AppState;
use crate::auth::session::Session;
use crate::security::CsrfForm;
use crate::service::{self, ServiceError};
use crate::templates::PageContext;

type PageResult = Result<Response, AdminError>;

fn csrf(ctx: &Ctx, session: &Session) -> Result<String, AdminError> {
    session
        .csrf_token()
        .map(|t| t.expose().to_owned())
        .map_err(|e| ctx.service(ServiceError::Random(e.to_string())))
}

fn back_to(slug: &str) -> Response {
    Redirect::to(&format!("/admin/elections/{slug}")).into_response()
}

/// One row of the election list.
#[derive(Debug, Clone)]
pub struct ElectionRowView {
    pub slug: String,
    pub title: String,
    pub state: String,
}

/// `/admin/elections`
#[derive(Debug, Template, WebTemplate)]
#[template(path = "admin_elections.html")]
pub struct ElectionsPage {
    pub page: PageContext,
    pub csrf_token: String,
    pub is_operator: bool,
    pub elections: Vec<ElectionRowView>,
    pub example: &'static str,
}

/// A definition to start from, shown in the creation form.
pub const EXAMPLE_DEFINITION: &str = r#"{
  "slug": "board-2030",
  "languages": ["en"],
  "title": {"default": "en", "texts": {"en": "Board election"}},
  "window": {"opens": "2030-01-10T12:00:00Z", "closes": "2030-01-20T12:00:00Z", "zone": "AoE"},
  "questions": [
    {"id": "board", "title": {"default": "en", "texts": {"en": "Board"}}, "description": null,
     "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
     "method": "meek", "seats": 2,
     "options": [
       {"id": "ann", "name": {"default": "en", "texts": {"en": "Ann"}}},
       {"id": "bob", "name": {"default": "en", "texts": {"en": "Bob"}}},
       {"id": "cleo", "name": {"default": "en", "texts": {"en": "Cleo"}}}
     ]}
  ]
}"#;

fn state_label(ctx: &Ctx, state: &str) -> String {
    ctx.tr
        .t(&format!("admin-state-{}", state.replace('_', "-")))
}

/// `GET /admin/elections`
pub async fn elections_page(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    session: Session,
) -> PageResult {
    let visible = crate::api_routes::visible_elections(&db, &staff)
        .await
        .map_err(|e| ctx.service(e))?;
    let elections = visible
        .iter()
        .map(|e| {
            let text = |k: &str| e[k].as_str().unwrap_or_default().to_owned();
            ElectionRowView {
                slug: text("slug"),
                title: text("title"),
                state: state_label(&ctx, &text("state")),
            }
        })
        .collect();
    Ok(ElectionsPage {
        csrf_token: csrf(&ctx, &session)?,
        page: ctx.page(),
        is_operator: staff.is_operator,
        elections,
        example: EXAMPLE_DEFINITION,
    }
    .into_response())
}

#[derive(Debug, Deserialize)]
pub struct CreateForm {
    #[serde(default)]
    pub definition: String,
}

/// `POST /admin/elections`: creates a draft from the JSON definition (operators only).
pub async fn create_election(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    CsrfForm(form): CsrfForm<CreateForm>,
) -> PageResult {
    let created = create_election_from_text(&ctx, &db, &staff, &form.definition).await?;
    Ok(back_to(created.slug()))
}

/// A button for a lifecycle act.
#[derive(Debug, Clone)]
pub struct ActionButton {
    pub name: &'static str,
    pub label: String,
}

/// `/admin/elections/{slug}`
#[derive(Debug, Template, WebTemplate)]
#[template(path = "admin_election.html")]
pub struct ElectionPage {
    pub page: PageContext,
    pub csrf_token: String,
    pub o: Overview,
    pub state_label: String,
    pub actions: Vec<ActionButton>,
    pub is_admin: bool,
    pub can_ceremony: bool,
    pub round1_ready: Vec<i64>,
    // --- turnout chart (notify branch) ---
    /// Admins and scrutineers see turnout over time (trustees do not).
    pub can_watch: bool,
    pub turnout_chart: Option<String>,
    // --- end turnout chart ---
    // --- rehearsal (issue 7) ---
    /// A rehearsal passed at the election's current revision.
    pub rehearsed: bool,
    /// The newest rehearsal job, if any.
    pub latest_rehearsal: Option<i64>,
    // --- end rehearsal ---
}

/// `GET /admin/elections/{slug}`
pub async fn election_page(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    session: Session,
    Path(slug): Path<String>,
) -> PageResult {
    authorize(
        &ctx,
        &db,
        &staff,
        &slug,
        &[
            urna_store::ElectionRole::Admin,
            urna_store::ElectionRole::Scrutineer,
            urna_store::ElectionRole::Trustee,
        ],
    )
    .await?;
    let is_admin = authorize(&ctx, &db, &staff, &slug, ADMINS).await.is_ok();
    let can_ceremony = authorize(&ctx, &db, &staff, &slug, CEREMONY).await.is_ok();
    let can_watch = authorize(&ctx, &db, &staff, &slug, WATCHERS).await.is_ok();
    let mut o = overview(&db, &slug, Timestamp::now())
        .await
        .map_err(|e| ctx.service(e))?;
    if !can_watch {
        // Trustees see the ceremony, not who voted.
        o.voters_who_voted.clear();
    }
    let actions = if is_admin {
        o.actions
            .iter()
            .map(|&name| ActionButton {
                name,
                label: ctx
                    .tr
                    .t(&format!("admin-action-{}", name.replace('_', "-"))),
            })
            .collect()
    } else {
        Vec::new()
    };
    let round1_ready = o
        .ceremony
        .as_ref()
        .map_or_else(Vec::new, |c| c.round1.clone());
    // --- turnout chart (notify branch) ---
    let turnout_chart = if can_watch {
        crate::notify_routes::turnout_chart(&db, &slug, &ctx.tr)
            .await
            .map_err(|e| ctx.service(e))?
    } else {
        None
    };
    // --- end turnout chart ---
    let rehearsed = service::rehearsal::passed_at_current_revision(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?;
    let latest_rehearsal = o
        .jobs
        .iter()
        .find(|j| j.kind == service::rehearsal::REHEARSAL_JOB)
        .map(|j| j.id);
    Ok(ElectionPage {
        rehearsed,
        latest_rehearsal,
        csrf_token: csrf(&ctx, &session)?,
        state_label: state_label(&ctx, &o.state),
        page: ctx.page(),
        o,
        actions,
        is_admin,
        can_ceremony,
        round1_ready,
        can_watch,
        turnout_chart,
    }
    .into_response())
}

#[derive(Debug, Deserialize)]
pub struct ActionForm {
    #[serde(default)]
    pub action: String,
    /// The "mark ready without a passed rehearsal" checkbox (`mark_ready` only).
    #[serde(default)]
    pub rehearsal_override: Option<String>,
    /// Why, when the checkbox is ticked (logged).
    #[serde(default)]
    pub rehearsal_override_reason: String,
}

/// `POST /admin/elections/{slug}/actions`: ready, open, close, freeze, count, publish…
pub async fn action(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<ActionForm>,
) -> PageResult {
    authorize(&ctx, &db, &staff, &slug, ADMINS).await?;
    let rehearsal_override = match form.rehearsal_override {
        Some(_) => Some(
            service::rehearsal::RehearsalOverride::parse(&form.rehearsal_override_reason)
                .map_err(|e| ctx.service(e))?,
        ),
        None => None,
    };
    run_action(
        &db,
        &slug,
        &form.action,
        rehearsal_override.as_ref(),
        &staff,
        Timestamp::now(),
    )
    .await
    .map_err(|e| ctx.service(e))?;
    Ok(back_to(&slug))
}

#[derive(Debug, Deserialize)]
pub struct VotersForm {
    #[serde(default)]
    pub csv: String,
}

/// `POST /admin/elections/{slug}/voters`: adds the voters of a CSV list and answers the CSV
/// of their new voting links, to download now: the server keeps no copy of the tokens.
pub async fn upload_voters(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    Path(slug): Path<String>,
    State(state): State<AppState>,
    CsrfForm(form): CsrfForm<VotersForm>,
) -> PageResult {
    authorize(&ctx, &db, &staff, &slug, ADMINS).await?;
    let outcome =
        service::voters::upload_voters(&db, &slug, &form.csv, staff.actor(), Timestamp::now())
            .await
            .map_err(|e| ctx.service(e))?;
    Ok(download(
        "text/csv; charset=utf-8",
        &format!("{slug}-links.csv"),
        service::voters::links_csv(&outcome.issued, &base_url(&state)),
    ))
}

#[derive(Debug, Deserialize)]
pub struct LinkForm {
    #[serde(default)]
    pub voter: String,
    #[serde(default)]
    pub op: String,
}

/// `POST /admin/elections/{slug}/voters/link`: revokes a voter's link, or reissues it
/// (answering the one-row CSV with the new link).
pub async fn voter_link(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    Path(slug): Path<String>,
    State(state): State<AppState>,
    CsrfForm(form): CsrfForm<LinkForm>,
) -> PageResult {
    authorize(&ctx, &db, &staff, &slug, ADMINS).await?;
    let now = Timestamp::now();
    let voter = form.voter.trim();
    match form.op.as_str() {
        "revoke" => {
            service::voters::revoke_link(&db, &slug, voter, staff.actor(), now)
                .await
                .map_err(|e| ctx.service(e))?;
            Ok(back_to(&slug))
        }
        "reissue" => {
            let link = service::voters::reissue_link(&db, &slug, voter, staff.actor(), now)
                .await
                .map_err(|e| ctx.service(e))?;
            Ok(download(
                "text/csv; charset=utf-8",
                &format!("{slug}-link.csv"),
                service::voters::links_csv(&[link], &base_url(&state)),
            ))
        }
        other => Err(ctx.bad_input(format!(
            "{other:?} is not an operation on a link; use revoke or reissue"
        ))),
    }
}

#[derive(Debug, Deserialize)]
pub struct SetupForm {
    #[serde(default)]
    pub threshold: String,
    /// The trustees' public files, pasted one after another (or as a JSON array).
    #[serde(default)]
    pub trustees: String,
}

/// `POST /admin/elections/{slug}/trustees/setup`: sets up the k-of-n key ceremony.
pub async fn setup(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<SetupForm>,
) -> PageResult {
    authorize(&ctx, &db, &staff, &slug, ADMINS).await?;
    let threshold: u32 = form.threshold.trim().parse().map_err(|_| {
        ctx.bad_input(format!(
            "the threshold {:?} is not a whole number of trustees",
            form.threshold
        ))
    })?;
    let trustees: Vec<TrusteePublic> =
        parse_concatenated(&form.trustees, "trustee public file").map_err(|e| ctx.bad_input(e))?;
    service::trustees::set_up_key_ceremony(
        &db,
        &slug,
        threshold,
        trustees,
        staff.actor(),
        Timestamp::now(),
    )
    .await
    .map_err(|e| ctx.service(e))?;
    Ok(back_to(&slug))
}

/// `GET /admin/elections/{slug}/trustees/setup.json`: for `urna trustee dkg-round1 --setup`.
pub async fn setup_json(
    ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Ceremony>,
) -> PageResult {
    let setup = service::trustees::setup_of(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?;
    let text = json_file(&setup).map_err(|e| ctx.service(e))?;
    Ok(download("application/json", "setup.json", text))
}

/// `GET /admin/elections/{slug}/trustees/round1/{trustee}`: one trustee's round 1 file, named
/// `trustee-<i>.round1.json` as `urna trustee dkg-round2 --round1 <dir>` expects.
pub async fn round1_file(
    ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Ceremony>,
    Path((_, trustee)): Path<(String, String)>,
) -> PageResult {
    let index: u32 = trustee
        .trim_end_matches(".round1.json")
        .trim_start_matches("trustee-")
        .parse()
        .map_err(|_| ctx.bad_input(format!("{trustee:?} is not a trustee number")))?;
    let messages = service::trustees::round1_messages(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?;
    let message = messages
        .into_iter()
        .find(|m| m.dealer == index)
        .ok_or_else(|| {
            ctx.service(ServiceError::Refused(format!(
                "trustee {index} has not uploaded a round 1 file"
            )))
        })?;
    let text = json_file(&message).map_err(|e| ctx.service(e))?;
    Ok(download(
        "application/json",
        &format!("trustee-{index}.round1.json"),
        text,
    ))
}

#[derive(Debug, Deserialize)]
pub struct UploadForm {
    /// `round1`, `round2`, `shares`, `tally`, `shuffle` or `mix_decryption`.
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub file: String,
}

/// `POST /admin/elections/{slug}/trustees/upload`: a trustee's round 1, round 2 or
/// decryption-share file (the output of `urna trustee dkg-round1`, `dkg-round2`, `decrypt`).
pub async fn trustee_upload(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<UploadForm>,
) -> PageResult {
    authorize(&ctx, &db, &staff, &slug, CEREMONY).await?;
    let now = Timestamp::now();
    let actor = staff.actor();
    match form.kind.as_str() {
        "round1" => {
            let message: DkgRound1 =
                parse_file(&form.file, "the round 1 file").map_err(|e| ctx.bad_input(e))?;
            service::trustees::accept_round1(&db, &slug, message, actor, now).await
        }
        "round2" => {
            let message: DkgRound2 =
                parse_file(&form.file, "the round 2 file").map_err(|e| ctx.bad_input(e))?;
            service::trustees::accept_round2(&db, &slug, message, actor, now)
                .await
                .map(|_| ())
        }
        "shares" => {
            let shares: DecryptionShares = parse_file(&form.file, "the decryption shares file")
                .map_err(|e| ctx.bad_input(e))?;
            service::counting::accept_decryption_shares(&db, &slug, shares, actor, now).await
        }
        "tally" => {
            let partial: TallyDecryption = parse_file(&form.file, "the partial decryption file")
                .map_err(|e| ctx.bad_input(e))?;
            service::tally_verifiable::accept_tally_decryption(&db, &slug, partial, actor, now)
                .await
        }
        // --- mixnet elections (issue 5) ---
        "shuffle" => {
            let shuffle: urna_crypto::record::ShuffleBody =
                parse_file(&form.file, "the shuffle file").map_err(|e| ctx.bad_input(e))?;
            service::mixnet::accept_shuffle(&db, &slug, shuffle, actor, now)
                .await
                .map(|_| ())
        }
        "mix_decryption" => {
            let partial: urna_crypto::shuffle::MixDecryption =
                parse_file(&form.file, "the mix decryption file")
                    .map_err(|e| ctx.bad_input(e))?;
            service::mixnet::accept_mixed_decryption(&db, &slug, partial, actor, now)
                .await
                .map(|_| ())
        }
        // --- end mixnet elections ---
        other => {
            return Err(ctx.bad_input(format!(
                "{other:?} is not a kind of trustee file; use round1, round2, shares, tally, shuffle or mix_decryption"
            )));
        }
    }
    .map_err(|e| ctx.service(e))?;
    Ok(back_to(&slug))
}

/// `GET /admin/elections/{slug}/ballots.json`: the frozen set, for `urna trustee decrypt
/// --ballots`.
pub async fn ballots_json(
    ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Ceremony>,
) -> PageResult {
    let set = service::counting::frozen_set(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?;
    let text = json_file(&set).map_err(|e| ctx.service(e))?;
    Ok(download(
        "application/json",
        &format!("{slug}.ballots.json"),
        text,
    ))
}

#[derive(Debug, Deserialize)]
pub struct StrikeForm {
    #[serde(default)]
    pub voter: String,
    #[serde(default)]
    pub reason: String,
    /// `strike` or `unstrike`.
    #[serde(default)]
    pub op: String,
}

/// `POST /admin/elections/{slug}/strike`
pub async fn strike(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<StrikeForm>,
) -> PageResult {
    authorize(&ctx, &db, &staff, &slug, ADMINS).await?;
    let now = Timestamp::now();
    let voter = form.voter.trim();
    match form.op.as_str() {
        "unstrike" => service::admin::unstrike(&db, &slug, voter, staff.actor(), now).await,
        "strike" | "" => {
            service::admin::strike(&db, &slug, voter, &form.reason, staff.actor(), now).await
        }
        other => {
            return Err(ctx.bad_input(format!(
                "{other:?} is not an operation on a ballot; use strike or unstrike"
            )));
        }
    }
    .map_err(|e| ctx.service(e))?;
    Ok(back_to(&slug))
}

#[derive(Debug, Deserialize)]
pub struct ExtendForm {
    #[serde(default)]
    pub closes: String,
}

/// `POST /admin/elections/{slug}/extend`: the new end, in the election's zone (or RFC 3339).
pub async fn extend(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<ExtendForm>,
) -> PageResult {
    authorize(&ctx, &db, &staff, &slug, ADMINS).await?;
    extend_end_from_text(&ctx, &db, &staff, &slug, &form.closes).await?;
    Ok(back_to(&slug))
}

#[derive(Debug, Deserialize)]
pub struct WithdrawForm {
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub candidate: String,
}

/// `/admin/elections/{slug}/withdraw`: the confirmation, with the impact.
#[derive(Debug, Template, WebTemplate)]
#[template(path = "admin_withdraw.html")]
pub struct WithdrawPage {
    pub page: PageContext,
    pub csrf_token: String,
    pub slug: String,
    pub question: String,
    pub candidate: String,
    pub candidate_name: String,
    pub impact: String,
}

/// `GET /admin/elections/{slug}/withdraw?question=…&candidate=…`: what withdrawing would do.
pub async fn withdraw_preview(
    ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Admins>,
    session: Session,
    Query(form): Query<WithdrawForm>,
) -> PageResult {
    let o = overview(&db, &slug, Timestamp::now())
        .await
        .map_err(|e| ctx.service(e))?;
    let candidate_name = o
        .questions
        .iter()
        .find(|q| q.id == form.question)
        .and_then(|q| q.options.iter().find(|c| c.id == form.candidate))
        .map(|c| c.name.clone())
        .ok_or_else(|| {
            ctx.service(ServiceError::NoSuchQuestion {
                slug: slug.clone(),
                question: format!("{} / {}", form.question, form.candidate),
            })
        })?;
    let voted = withdrawal_impact(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?;
    let impact = ctx.tr.t_args(
        "admin-withdraw-impact",
        &[("count", fluent_bundle::FluentValue::from(voted))],
    );
    Ok(WithdrawPage {
        csrf_token: csrf(&ctx, &session)?,
        page: ctx.page(),
        slug,
        question: form.question,
        candidate: form.candidate,
        candidate_name,
        impact,
    }
    .into_response())
}

/// `POST /admin/elections/{slug}/withdraw`: confirmed.
pub async fn withdraw(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<WithdrawForm>,
) -> PageResult {
    authorize(&ctx, &db, &staff, &slug, ADMINS).await?;
    let question = QuestionId::parse(&form.question).map_err(|e| ctx.bad_input(e.to_string()))?;
    let candidate =
        CandidateId::parse(&form.candidate).map_err(|e| ctx.bad_input(e.to_string()))?;
    service::admin::withdraw_candidate(
        &db,
        &slug,
        &question,
        &candidate,
        staff.actor(),
        Timestamp::now(),
    )
    .await
    .map_err(|e| ctx.service(e))?;
    Ok(back_to(&slug))
}

/// `/admin/elections/{slug}/audit`
#[derive(Debug, Template, WebTemplate)]
#[template(path = "admin_audit.html")]
pub struct AuditPage {
    pub page: PageContext,
    pub slug: String,
    pub audit: AuditView,
}

/// `GET /admin/elections/{slug}/audit`: the log, and whether its chain verifies.
pub async fn audit_page(
    ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Watchers>,
) -> PageResult {
    let audit = audit_view(&db, &slug).await.map_err(|e| ctx.service(e))?;
    Ok(AuditPage {
        page: ctx.page(),
        slug,
        audit,
    }
    .into_response())
}

/// `GET /admin/elections/{slug}/audit.jsonl`: the export (refused if the chain is broken).
pub async fn audit_jsonl(
    ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Watchers>,
) -> PageResult {
    let text = audit_export(&db, &slug).await.map_err(|e| ctx.service(e))?;
    Ok(download(
        "application/jsonl",
        &format!("{slug}.audit.jsonl"),
        text,
    ))
}
