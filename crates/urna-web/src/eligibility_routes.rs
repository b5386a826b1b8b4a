//! The public eligibility page: `/elections/{slug}/eligibility`. Someone enters a wiki account
//! (`Name@wiki`) and sees the snapshot's decision for it: eligible, or the first rule it
//! failed with that account's own values compared, and how to appeal. Only the decision and
//! the facts of the failed rule are shown, never the rest of the account's facts. The lookup
//! is a POST (CSRF-checked) so that it is rate-limited per client like sign-in.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use fluent_bundle::FluentValue;
use jiff::Timestamp;
use serde::Deserialize;
use urna_core::wiki_eligibility::{Decision, Failure, GroupName, WikiId};

use crate::admin_access::{
    ADMINS, AdminDb, AdminError, Ctx, ElectionAccess, StaffMember, Watchers, authorize,
};
use crate::app::AppState;
use crate::auth::session::Session;
use crate::error::{AppError, AppResult, RenderedPage};
use crate::i18n::Translator;
use crate::security::CsrfForm;
use crate::service::ServiceError;
use crate::service::eligibility::{
    EligibilityError, Explanation, explain, fill_voter_list, summary,
};
use crate::templates::PageContext;
use crate::voter_routes::load_or_404;

/// The outcome shown under the form.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// `eligible`, `refused` or `unknown`: the CSS class and the heading.
    pub kind: &'static str,
    pub heading: String,
    /// The failed rule with the values compared (refused only).
    pub detail: Option<String>,
    /// When the wiki was asked (not for `unknown`).
    pub as_of: Option<String>,
    /// The election's own appeal text, as its administrators wrote it.
    pub appeal: Option<String>,
}

#[derive(Debug, Template, WebTemplate)]
#[template(path = "eligibility.html")]
pub struct EligibilityPage {
    pub page: PageContext,
    pub slug: String,
    pub csrf_token: String,
    pub account: String,
    /// A translated message about the entered account (malformed).
    pub error: Option<String>,
    pub outcome: Option<Outcome>,
}

fn csrf(session: &Session) -> AppResult<String> {
    Ok(session
        .csrf_token()
        .map_err(AppError::internal)?
        .expose()
        .to_owned())
}

/// `GET /elections/{slug}/eligibility`: the form.
pub async fn eligibility_form(
    State(state): State<AppState>,
    tr: Translator,
    session: Session,
    uri: Uri,
    Path(slug): Path<String>,
) -> AppResult<EligibilityPage> {
    load_or_404(&state, &slug).await?;
    Ok(EligibilityPage {
        page: PageContext::new(tr, uri.path()),
        slug,
        csrf_token: csrf(&session)?,
        account: String::new(),
        error: None,
        outcome: None,
    })
}

#[derive(Debug, Deserialize)]
pub struct LookupForm {
    #[serde(default)]
    account: String,
}

/// `POST /elections/{slug}/eligibility`: the decision for one account. Rate-limited.
pub async fn eligibility_lookup(
    State(state): State<AppState>,
    tr: Translator,
    session: Session,
    uri: Uri,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<LookupForm>,
) -> AppResult<Response> {
    load_or_404(&state, &slug).await?;
    let (status, error, outcome) = match explain(&state.db, &slug, &form.account).await {
        Ok(explanation) => (StatusCode::OK, None, Some(outcome(&tr, &explanation))),
        Err(EligibilityError::Rules(_)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(tr.t("eligibility-error-account")),
            None,
        ),
        Err(EligibilityError::NoRules(_)) => (
            StatusCode::OK,
            None,
            Some(Outcome {
                kind: "unknown",
                heading: tr.t("eligibility-no-rules"),
                detail: None,
                as_of: None,
                appeal: None,
            }),
        ),
        Err(EligibilityError::Service(e)) => return Err(AppError::internal(e)),
        Err(e) => return Err(AppError::internal(e)),
    };
    let page = EligibilityPage {
        page: PageContext::new(tr, uri.path()),
        slug,
        csrf_token: csrf(&session)?,
        account: form.account.trim().to_owned(),
        error,
        outcome,
    };
    let mut response = (status, page).into_response();
    // The form shown again with its message is the whole answer, even as a 422.
    response.extensions_mut().insert(RenderedPage);
    Ok(response)
}

fn date(t: Timestamp) -> String {
    t.strftime("%Y-%m-%d %H:%M UTC").to_string()
}

fn outcome(tr: &Translator, e: &Explanation) -> Outcome {
    match e {
        Explanation::NotInSnapshot { account, appeal } => Outcome {
            kind: "unknown",
            heading: tr.t_args(
                "eligibility-not-checked",
                &[("account", FluentValue::from(account.to_string()))],
            ),
            detail: None,
            as_of: None,
            appeal: appeal.clone(),
        },
        Explanation::Decided {
            account,
            voter,
            fetched_at,
            appeal,
            ..
        } => {
            let name = FluentValue::from(account.to_string());
            let as_of = Some(tr.t_args(
                "eligibility-as-of",
                &[("date", FluentValue::from(date(*fetched_at)))],
            ));
            match voter {
                Decision::Eligible { .. } => Outcome {
                    kind: "eligible",
                    heading: tr.t_args("eligibility-eligible", &[("account", name)]),
                    detail: None,
                    as_of,
                    appeal: None,
                },
                Decision::NotEligible { failure } => Outcome {
                    kind: "refused",
                    heading: tr.t_args("eligibility-refused", &[("account", name)]),
                    detail: Some(failure_text(tr, failure)),
                    as_of,
                    appeal: appeal.clone(),
                },
            }
        }
    }
}

fn groups(list: &[GroupName]) -> FluentValue<'static> {
    FluentValue::from(
        list.iter()
            .map(GroupName::as_str)
            .collect::<Vec<_>>()
            .join(", "),
    )
}

fn expiry(tr: &Translator, e: Option<Timestamp>) -> FluentValue<'static> {
    FluentValue::from(e.map_or_else(|| tr.t("eligibility-indefinite"), date))
}

/// The failed rule, translated, with the values compared.
pub fn failure_text(tr: &Translator, failure: &Failure) -> String {
    let n = |v: u64| FluentValue::from(v);
    let d = |t: Timestamp| FluentValue::from(date(t));
    let s = |v: &str| FluentValue::from(v.to_owned());
    match failure {
        Failure::ExcludeList { list } => {
            tr.t_args("eligibility-rule-exclude-list", &[("list", s(list))])
        }
        Failure::NoSuchAccount => tr.t("eligibility-rule-exists"),
        Failure::MinEdits { required, found } => tr.t_args(
            "eligibility-rule-min-edits",
            &[("required", n(*required)), ("found", n(*found))],
        ),
        Failure::RegisteredBefore { before, registered } => tr.t_args(
            "eligibility-rule-max-registration",
            &[("before", d(*before)), ("registered", d(*registered))],
        ),
        Failure::SitewideBlocked { expiry: e } => tr.t_args(
            "eligibility-rule-sitewide-blocked",
            &[("expiry", expiry(tr, *e))],
        ),
        Failure::PartiallyBlocked { expiry: e } => tr.t_args(
            "eligibility-rule-partially-blocked",
            &[("expiry", expiry(tr, *e))],
        ),
        Failure::CentralBlock {
            threshold,
            blocked_on,
            globally_blocked,
            locked,
        } => {
            let wikis = blocked_on
                .iter()
                .map(WikiId::as_str)
                .collect::<Vec<_>>()
                .join(", ");
            let mut text = tr.t_args(
                "eligibility-rule-central-block",
                &[
                    ("threshold", n(u64::from(*threshold))),
                    ("count", n(blocked_on.len() as u64)),
                    ("wikis", s(&wikis)),
                ],
            );
            if *globally_blocked {
                text.push(' ');
                text.push_str(&tr.t("eligibility-rule-globally-blocked"));
            }
            if *locked {
                text.push(' ');
                text.push_str(&tr.t("eligibility-rule-locked"));
            }
            text
        }
        Failure::Bot => tr.t("eligibility-rule-bot"),
        Failure::NeedGroup {
            any_of,
            groups: has,
        } => tr.t_args(
            "eligibility-rule-need-group",
            &[("needed", groups(any_of)), ("groups", groups(has))],
        ),
        Failure::ExcludeGroup { group } => tr.t_args(
            "eligibility-rule-exclude-group",
            &[("group", s(group.as_str()))],
        ),
        Failure::EditsBefore {
            required,
            before,
            found,
        } => tr.t_args(
            "eligibility-rule-edits-before",
            &[
                ("required", n(*required)),
                ("before", d(*before)),
                ("found", n(*found)),
            ],
        ),
        Failure::EditsBetween {
            required,
            from,
            to,
            found,
        } => tr.t_args(
            "eligibility-rule-edits-between",
            &[
                ("required", n(*required)),
                ("from", d(*from)),
                ("to", d(*to)),
                ("found", n(*found)),
            ],
        ),
        Failure::NeedList { list } => tr.t_args("eligibility-rule-need-list", &[("list", s(list))]),
        Failure::NeedCentralList { list } => {
            tr.t_args("eligibility-rule-need-central-list", &[("list", s(list))])
        }
        Failure::MissingFacts { .. } => tr.t("eligibility-rule-missing-facts"),
    }
}

// --- The admin page: /admin/elections/{slug}/eligibility ---

/// `/admin/elections/{slug}/eligibility`: how far the fetch has come and what it decided.
#[derive(Debug, Template, WebTemplate)]
#[template(path = "admin_eligibility.html")]
pub struct AdminEligibilityPage {
    pub page: PageContext,
    pub slug: String,
    pub csrf_token: String,
    pub has_rules: bool,
    pub wikis: String,
    pub cutoff: String,
    pub requested: u64,
    pub fetched: u64,
    pub eligible: usize,
    /// (rule, how many voters it refused).
    pub refused: Vec<(String, usize)>,
}

/// `GET /admin/elections/{slug}/eligibility` (the election's watchers). The fetch itself runs
/// from `urna eligibility fetch`; this page shows its progress (reload to update).
pub async fn admin_eligibility_page(
    ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Watchers>,
    session: Session,
) -> Result<Response, AdminError> {
    let s = summary(&db, &slug)
        .await
        .map_err(|e| admin_error(&ctx, e))?;
    let csrf_token = session
        .csrf_token()
        .map(|t| t.expose().to_owned())
        .map_err(|e| ctx.service(ServiceError::Random(e.to_string())))?;
    Ok(AdminEligibilityPage {
        page: ctx.page(),
        csrf_token,
        has_rules: s.rules.is_some(),
        wikis: s.rules.as_ref().map_or_else(String::new, |r| {
            r.wikis
                .iter()
                .map(WikiId::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        }),
        cutoff: s
            .rules
            .as_ref()
            .map_or_else(String::new, |r| date(r.cutoff)),
        requested: s.progress.requested,
        fetched: s.progress.fetched,
        eligible: s.voters_eligible,
        refused: s.refused_by_rule.into_iter().collect(),
        slug,
    }
    .into_response())
}

#[derive(Debug, Deserialize)]
pub struct FillForm {}

/// `POST /admin/elections/{slug}/eligibility/fill` (the election's admins): adds the eligible
/// accounts to the voter list.
pub async fn admin_fill_voter_list(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    Path(slug): Path<String>,
    CsrfForm(_): CsrfForm<FillForm>,
) -> Result<Response, AdminError> {
    authorize(&ctx, &db, &staff, &slug, ADMINS).await?;
    fill_voter_list(&db, &slug, staff.actor(), Timestamp::now())
        .await
        .map_err(|e| admin_error(&ctx, e))?;
    Ok(Redirect::to(&format!("/admin/elections/{slug}/eligibility")).into_response())
}

/// Eligibility errors on admin pages: service errors as the admin pages show them, the rest
/// as a refusal naming the problem.
fn admin_error(ctx: &Ctx, e: EligibilityError) -> AdminError {
    match e {
        EligibilityError::Service(s) => ctx.service(s),
        other => ctx.service(ServiceError::Refused(other.to_string())),
    }
}
