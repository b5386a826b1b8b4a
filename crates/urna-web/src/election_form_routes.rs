//! The pages that create and edit an election through its form ([`crate::election_form`]):
//! `GET/POST /admin/new-election` (operators) and `GET/POST /admin/elections/{slug}/edit`
//! (the election's admins, while it is a draft; read-only afterwards).
//!
//! A POST either re-renders the form (a question added or removed, 200; or problems, 422
//! with nothing saved) or saves and redirects to the election's page. The permission checks
//! are the administration pages' own ([`require_operator`], [`authorize`] with [`ADMINS`]).

use askama::Template;
use askama_web::WebTemplate;
use axum::Extension;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::Timestamp;
use urna_core::election::ElectionId;
use urna_core::lifecycle::State;

use crate::admin_access::{
    ADMINS, AdminDb, AdminError, Ctx, StaffMember, authorize, require_operator,
};
use crate::auth::session::Session;
use crate::election_form::{ElectionForm, FormAction, FormErrors, FormView, keep_translations};
use crate::error::RenderedPage;
use crate::security::CsrfForm;
use crate::service::{self, ServiceError};
use crate::static_files;
use crate::templates::PageContext;

/// Where the creation form lives.
pub const NEW_ELECTION_PATH: &str = "/admin/new-election";

type PageResult = Result<Response, AdminError>;

/// `admin_election_form.html`: the form to create or edit an election.
#[derive(Debug, Template, WebTemplate)]
#[template(path = "admin_election_form.html")]
pub struct ElectionFormPage {
    pub page: PageContext,
    pub csrf_token: String,
    pub form: FormView,
    /// Where the form posts.
    pub action: String,
    /// `Some(slug)` when editing: the short name is shown, not editable.
    pub editing: Option<String>,
    /// Shown without inputs, with a note: the election is no longer a draft.
    pub read_only: bool,
    pub state_label: String,
    pub script_url: String,
    /// The ballot pages' stylesheet (error summary, buttons) and the form's own.
    pub ballot_css_url: String,
    pub form_css_url: String,
}

fn csrf(ctx: &Ctx, session: &Session) -> Result<String, AdminError> {
    session
        .csrf_token()
        .map(|t| t.expose().to_owned())
        .map_err(|e| ctx.service(ServiceError::Random(e.to_string())))
}

struct Render<'a> {
    ctx: &'a Ctx,
    session: &'a Session,
    editing: Option<String>,
    read_only: bool,
    state: State,
}

impl Render<'_> {
    fn page(&self, form: &ElectionForm, errors: &FormErrors, status: StatusCode) -> PageResult {
        let action = match &self.editing {
            Some(slug) => format!("/admin/elections/{slug}/edit"),
            None => NEW_ELECTION_PATH.to_owned(),
        };
        let page = ElectionFormPage {
            csrf_token: csrf(self.ctx, self.session)?,
            page: self.ctx.page(),
            form: FormView::new(form, errors, &self.ctx.tr),
            action,
            editing: self.editing.clone(),
            read_only: self.read_only,
            state_label: self.ctx.tr.t(&format!(
                "admin-state-{}",
                self.state.name().replace('_', "-")
            )),
            script_url: static_files::url("election_form.js"),
            ballot_css_url: static_files::url("ballot.css"),
            form_css_url: static_files::url("election_form.css"),
        };
        // A form shown again with its messages is the whole answer, whatever its status.
        Ok((status, Extension(RenderedPage), page).into_response())
    }
}

/// The main language a new election starts with: the admin's own, if it is a tag the domain
/// accepts.
fn main_language(ctx: &Ctx) -> String {
    ctx.tr.lang().to_owned()
}

/// `GET /admin/new-election`
pub async fn new_election_page(ctx: Ctx, staff: StaffMember, session: Session) -> PageResult {
    require_operator(&ctx, &staff)?;
    let render = Render {
        ctx: &ctx,
        session: &session,
        editing: None,
        read_only: false,
        state: State::Draft,
    };
    render.page(
        &ElectionForm::blank(&main_language(&ctx)),
        &FormErrors::default(),
        StatusCode::OK,
    )
}

/// `POST /admin/new-election`: adds or removes a question, or creates the draft.
pub async fn new_election_submit(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    session: Session,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> PageResult {
    require_operator(&ctx, &staff)?;
    let render = Render {
        ctx: &ctx,
        session: &session,
        editing: None,
        read_only: false,
        state: State::Draft,
    };
    let (form, action) = ElectionForm::from_fields(fields);
    if action != FormAction::Save {
        return render.page(&form, &FormErrors::default(), StatusCode::OK);
    }
    let id =
        ElectionId::generate().map_err(|e| ctx.service(ServiceError::Random(e.to_string())))?;
    let spec = match form.to_spec(id, &ctx.tr) {
        Ok(spec) => spec,
        Err(errors) => return render.page(&form, &errors, StatusCode::UNPROCESSABLE_ENTITY),
    };
    match service::elections::create_election(
        &db,
        spec,
        Some(staff.id),
        staff.actor(),
        Timestamp::now(),
    )
    .await
    {
        Ok(created) => {
            Ok(Redirect::to(&format!("/admin/elections/{}", created.slug())).into_response())
        }
        // The one refusal left after the form's checks: the short name is taken.
        Err(ServiceError::Refused(message)) => {
            let mut errors = FormErrors::default();
            errors.add("slug", message);
            render.page(&form, &errors, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => Err(ctx.service(e)),
    }
}

/// `GET /admin/elections/{slug}/edit`: the form, prefilled; read-only unless a draft.
pub async fn edit_election_page(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    session: Session,
    Path(slug): Path<String>,
) -> PageResult {
    authorize(&ctx, &db, &staff, &slug, ADMINS).await?;
    let loaded = service::elections::load_election(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?;
    let state = loaded.election.state();
    let render = Render {
        ctx: &ctx,
        session: &session,
        editing: Some(slug),
        read_only: state != State::Draft,
        state,
    };
    render.page(
        &ElectionForm::from_spec(&loaded.election.to_spec()),
        &FormErrors::default(),
        StatusCode::OK,
    )
}

/// `POST /admin/elections/{slug}/edit`: adds or removes a question, or saves the draft.
/// Refused (409) once the election is no longer a draft.
pub async fn edit_election_submit(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    session: Session,
    Path(slug): Path<String>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> PageResult {
    authorize(&ctx, &db, &staff, &slug, ADMINS).await?;
    let loaded = service::elections::load_election(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?;
    let state = loaded.election.state();
    if state != State::Draft {
        return Err(ctx.fail(
            StatusCode::CONFLICT,
            "admin-error-conflict",
            ctx.tr.t("form-not-draft"),
        ));
    }
    let render = Render {
        ctx: &ctx,
        session: &session,
        editing: Some(slug.clone()),
        read_only: false,
        state,
    };
    let (mut form, action) = ElectionForm::from_fields(fields);
    // The short name is the election's address: it is shown, not posted, when editing.
    form.slug = slug.clone();
    if action != FormAction::Save {
        return render.page(&form, &FormErrors::default(), StatusCode::OK);
    }
    let stored = loaded.election.to_spec();
    let mut spec = match form.to_spec(stored.id.clone(), &ctx.tr) {
        Ok(spec) => spec,
        Err(errors) => return render.page(&form, &errors, StatusCode::UNPROCESSABLE_ENTITY),
    };
    keep_translations(&mut spec, &stored);
    match service::elections::update_election(&db, &slug, spec, staff.actor(), Timestamp::now())
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/admin/elections/{slug}")).into_response()),
        Err(ServiceError::Election(e)) => {
            let mut errors = FormErrors::default();
            errors.add(FormErrors::GENERAL, e.to_string());
            render.page(&form, &errors, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => Err(ctx.service(e)),
    }
}
