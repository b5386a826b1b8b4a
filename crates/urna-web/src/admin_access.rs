//! What the administration pages and the JSON API share: who is asking ([`StaffMember`]),
//! the database ([`AdminDb`]), permission checks ([`authorize`]), errors shown to staff
//! ([`AdminError`], HTML or RFC 9457 problem documents), and the election overview both show
//! ([`Overview`]).
//!
//! Handlers here never touch SQL: every act goes through [`crate::service`]; the few reads
//! the service layer has no use case for (the audit chain, jobs, an account) are single store
//! calls.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::Timestamp;
use serde::Serialize;
use urna_core::lifecycle::{Action, State};
use urna_core::window::ElectionZone;
use urna_store::{Db, ElectionRole, JobState, UnixMicros};

use crate::app::AppState;
use crate::error::RenderedPage;
use crate::i18n::Translator;
use crate::service::{self, LoadedElection, ServiceError};
use crate::staff::{NoStaffUser, StaffUser, staff_of_request};
use crate::templates::PageContext;

/// Where staff sign in (served by the staff sign-in module).
pub const SIGN_IN_PATH: &str = "/staff/sign-in";

/// The database handle, from the application state.
#[derive(Debug, Clone)]
pub struct AdminDb(pub Db);

impl FromRequestParts<AppState> for AdminDb {
    type Rejection = AdminError;

    async fn from_request_parts(
        _parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(AdminDb(state.db.clone()))
    }
}

/// How to answer this request: its translator, its path, and whether it wants JSON (every
/// path under `/api/`).
#[derive(Debug, Clone)]
pub struct Ctx {
    pub tr: Translator,
    pub path: String,
    pub json: bool,
}

impl Ctx {
    fn from_parts(parts: &Parts) -> Result<Ctx, AdminError> {
        let path = parts.uri.path().to_owned();
        let json = path.starts_with("/api/");
        match parts.extensions.get::<Translator>().cloned() {
            Some(tr) => Ok(Ctx { tr, path, json }),
            None => Err(AdminError::bare(StatusCode::INTERNAL_SERVER_ERROR)),
        }
    }

    pub fn page(&self) -> PageContext {
        PageContext::new(self.tr.clone(), &self.path)
    }

    /// An error with a translated title (`title_key`) and a detail.
    pub fn fail(&self, status: StatusCode, title_key: &str, detail: String) -> AdminError {
        AdminError(Box::new(AdminErrorDetails {
            ctx: Some(self.clone()),
            status,
            code: title_key.trim_start_matches("admin-error-").to_owned(),
            title: self.tr.t(title_key),
            detail,
            sign_in: false,
        }))
    }

    /// Input that could not be read; `detail` says what and where.
    pub fn bad_input(&self, detail: String) -> AdminError {
        self.fail(
            StatusCode::UNPROCESSABLE_ENTITY,
            "admin-error-input",
            detail,
        )
    }

    /// A refusal or failure of the service layer. Internal failures are logged and not shown.
    pub fn service(&self, error: ServiceError) -> AdminError {
        use ServiceError as E;
        let (status, key) = match &error {
            E::NoSuchElection(_)
            | E::NoSuchVoter { .. }
            | E::NoSuchQuestion { .. }
            | E::NoSuchRehearsal { .. } => (StatusCode::NOT_FOUND, "admin-error-not-found"),
            E::Conflict { .. }
            | E::NotReady(_)
            | E::NoElectionKey
            | E::NoKeyCeremony
            | E::KeyCeremonyExists
            | E::AlreadyFrozen
            | E::NotFrozen
            | E::NotRehearsed { .. }
            | E::RehearsalTooLate { .. } => (StatusCode::CONFLICT, "admin-error-conflict"),
            E::Election(_)
            | E::InvalidBallot(_)
            | E::VoterList(_)
            | E::Crypto { .. }
            | E::Refused(_)
            | E::AlreadyVoted
            | E::VoterRevoked => (StatusCode::UNPROCESSABLE_ENTITY, "admin-error-refused"),
            E::Corrupt { .. } | E::Random(_) | E::Io { .. } | E::Store(_) => {
                tracing::error!(error = %error, "administration request failed");
                return self.fail(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "admin-error-internal",
                    self.tr.t("admin-error-internal-detail"),
                );
            }
        };
        self.fail(status, key, error.to_string())
    }

    pub fn forbidden(&self, detail: String) -> AdminError {
        self.fail(StatusCode::FORBIDDEN, "admin-error-forbidden", detail)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AdminError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ctx::from_parts(parts)
    }
}

/// An error for staff: a page with the message, or a problem document under `/api/`. Marked
/// as a complete response, so the generic error renderer leaves the message in place.
#[derive(Debug)]
pub struct AdminError(Box<AdminErrorDetails>);

/// What an [`AdminError`] says (boxed: errors travel in every handler's `Result`).
#[derive(Debug)]
pub struct AdminErrorDetails {
    ctx: Option<Ctx>,
    pub status: StatusCode,
    pub code: String,
    pub title: String,
    pub detail: String,
    /// Not signed in: pages redirect to the sign-in form.
    sign_in: bool,
}

impl AdminError {
    fn bare(status: StatusCode) -> AdminError {
        AdminError(Box::new(AdminErrorDetails {
            ctx: None,
            status,
            code: "internal".into(),
            title: String::new(),
            detail: String::new(),
            sign_in: false,
        }))
    }

    /// What the error says.
    pub fn details(&self) -> &AdminErrorDetails {
        &self.0
    }
}

/// The HTML form of an error.
#[derive(Debug, askama::Template)]
#[template(path = "admin_error.html")]
pub struct AdminErrorPage {
    pub page: PageContext,
    pub title: String,
    pub detail: String,
    pub back: Option<String>,
}

impl IntoResponse for AdminError {
    fn into_response(self) -> Response {
        let error = *self.0;
        let Some(ctx) = error.ctx else {
            // No translator: leave the body to the generic renderer.
            return error.status.into_response();
        };
        if error.sign_in && !ctx.json {
            let target = format!("{SIGN_IN_PATH}?next={}", percent_encode_path(&ctx.path));
            return Redirect::to(&target).into_response();
        }
        let mut response = if ctx.json {
            let problem = serde_json::json!({
                "type": format!("urn:urna:problem:admin-{}", error.code),
                "title": error.title,
                "status": error.status.as_u16(),
                "detail": error.detail,
            });
            let mut r = (error.status, problem.to_string()).into_response();
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/problem+json"),
            );
            r
        } else {
            let back = election_path_of(&ctx.path);
            let page = AdminErrorPage {
                page: ctx.page(),
                title: error.title,
                detail: error.detail,
                back,
            };
            match askama::Template::render(&page) {
                Ok(html) => {
                    let mut r = (error.status, html).into_response();
                    r.headers_mut().insert(
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("text/html; charset=utf-8"),
                    );
                    r
                }
                Err(e) => {
                    tracing::error!(error = %e, "admin error template failed");
                    return error.status.into_response();
                }
            }
        };
        if error.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Session realm=\"urna-staff\""),
            );
        }
        response.extensions_mut().insert(RenderedPage);
        response
    }
}

/// `/admin/elections/{slug}` for any path below it, to link back to.
fn election_path_of(path: &str) -> Option<String> {
    let rest = path.strip_prefix("/admin/elections/")?;
    let slug = rest.split('/').next().filter(|s| !s.is_empty())?;
    Some(format!("/admin/elections/{slug}"))
}

/// Percent-encodes what is not an unreserved character or `/` (for `?next=`).
fn percent_encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The signed-in staff member for the administration pages and the API: the lookup of
/// [`crate::staff::StaffUser`] (one function, [`crate::staff::staff_of_request`]) with the
/// administration's answer when nobody is signed in: the sign-in form with `?next=` (pages)
/// or 401 with a problem document (API).
#[derive(Debug, Clone)]
pub struct StaffMember(pub StaffUser);

impl std::ops::Deref for StaffMember {
    type Target = StaffUser;
    fn deref(&self) -> &StaffUser {
        &self.0
    }
}

impl FromRequestParts<AppState> for StaffMember {
    type Rejection = AdminError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_parts(parts)?;
        match staff_of_request(parts, &state.db).await {
            Ok(staff) => Ok(StaffMember(staff)),
            Err(NoStaffUser::SignedOut) => {
                let mut e = ctx.fail(
                    StatusCode::UNAUTHORIZED,
                    "admin-error-sign-in",
                    ctx.tr.t("admin-error-sign-in-detail"),
                );
                e.0.sign_in = true;
                Err(e)
            }
            Err(NoStaffUser::Failed(error)) => {
                tracing::error!(error = ?error, "reading the signed-in staff member failed");
                Err(ctx.fail(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "admin-error-internal",
                    ctx.tr.t("admin-error-internal-detail"),
                ))
            }
        }
    }
}

/// Roles that may look at an election (overview, turnout, audit log).
pub const WATCHERS: &[ElectionRole] = &[ElectionRole::Admin, ElectionRole::Scrutineer];
/// Roles that run an election.
pub const ADMINS: &[ElectionRole] = &[ElectionRole::Admin];
/// Roles that hand in and fetch key-ceremony and decryption files.
pub const CEREMONY: &[ElectionRole] = &[ElectionRole::Admin, ElectionRole::Trustee];

/// A set of roles an [`ElectionAccess`] demands, as a type.
pub trait RoleSet: Send + Sync + 'static {
    const ROLES: &'static [ElectionRole];
}

/// [`WATCHERS`] as a type.
#[derive(Debug)]
pub struct Watchers;
impl RoleSet for Watchers {
    const ROLES: &'static [ElectionRole] = WATCHERS;
}

/// [`ADMINS`] as a type.
#[derive(Debug)]
pub struct Admins;
impl RoleSet for Admins {
    const ROLES: &'static [ElectionRole] = ADMINS;
}

/// [`CEREMONY`] as a type.
#[derive(Debug)]
pub struct Ceremony;
impl RoleSet for Ceremony {
    const ROLES: &'static [ElectionRole] = CEREMONY;
}

/// A request about the election of the path's `{slug}` by a staff member holding one of
/// `R::ROLES` in it (or an operator): the one permission check of every such page and API
/// route, run before the body is read. Rejections as [`StaffMember`] and [`authorize`].
#[derive(Debug)]
pub struct ElectionAccess<R> {
    pub ctx: Ctx,
    pub db: Db,
    pub staff: StaffMember,
    pub slug: String,
    roles: std::marker::PhantomData<R>,
}

impl<R: RoleSet> FromRequestParts<AppState> for ElectionAccess<R> {
    type Rejection = AdminError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_parts(parts)?;
        let staff = StaffMember::from_request_parts(parts, state).await?;
        // By name: some routes have more parameters after `{slug}`.
        let axum::extract::Path(mut params) = axum::extract::Path::<
            std::collections::HashMap<String, String>,
        >::from_request_parts(parts, state)
        .await
        .map_err(|e| ctx.bad_input(e.body_text()))?;
        let slug = params
            .remove("slug")
            .ok_or_else(|| AdminError::bare(StatusCode::INTERNAL_SERVER_ERROR))?;
        let db = state.db.clone();
        authorize(&ctx, &db, &staff, &slug, R::ROLES).await?;
        Ok(ElectionAccess {
            ctx,
            db,
            staff,
            slug,
            roles: std::marker::PhantomData,
        })
    }
}

/// Fails with 403 unless `staff` is an operator (who may do everything) or holds one of
/// `roles` in the election; 404 if there is no such election.
pub async fn authorize(
    ctx: &Ctx,
    db: &Db,
    staff: &StaffMember,
    slug: &str,
    roles: &[ElectionRole],
) -> Result<(), AdminError> {
    if staff.is_operator {
        // Operators pass every role check, but the election must exist.
        return service::elections::load_election(db, slug)
            .await
            .map(|_| ())
            .map_err(|e| ctx.service(e));
    }
    match service::ensure_role(db, slug, staff.id, roles).await {
        Ok(()) => Ok(()),
        Err(ServiceError::Refused(message)) => Err(ctx.forbidden(message)),
        Err(e) => Err(ctx.service(e)),
    }
}

/// Fails with 403 unless `staff` is a site operator.
pub fn require_operator(ctx: &Ctx, staff: &StaffMember) -> Result<(), AdminError> {
    if staff.is_operator {
        Ok(())
    } else {
        Err(ctx.forbidden(ctx.tr.t("admin-error-operators-only")))
    }
}

/// Creates a draft election from its JSON definition, as the form and the API send it:
/// operators only; the creator becomes its admin.
pub async fn create_election_from_text(
    ctx: &Ctx,
    db: &Db,
    staff: &StaffMember,
    definition: &str,
) -> Result<LoadedElection, AdminError> {
    require_operator(ctx, staff)?;
    let spec = parse_definition(definition).map_err(|e| ctx.bad_input(e.to_string()))?;
    service::elections::create_election(db, spec, Some(staff.id), staff.actor(), Timestamp::now())
        .await
        .map_err(|e| ctx.service(e))
}

/// An instant as RFC 3339 UTC text.
pub fn utc_text(at: UnixMicros) -> String {
    Timestamp::from_microsecond(at.0).map_or_else(|_| format!("{} µs", at.0), |t| t.to_string())
}

/// The voting window, in the election's zone and in UTC.
#[derive(Debug, Clone, Serialize)]
pub struct WindowView {
    pub zone: String,
    pub opens: String,
    pub closes: String,
    pub opens_utc: String,
    pub closes_utc: String,
}

/// A candidate or option, for the withdraw form.
#[derive(Debug, Clone, Serialize)]
pub struct OptionView {
    pub id: String,
    pub name: String,
    pub withdrawn: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuestionView {
    pub id: String,
    pub title: String,
    pub options: Vec<OptionView>,
}

/// One voter who voted: identifier and when (no ballot).
#[derive(Debug, Clone, Serialize)]
pub struct VotedView {
    pub voter: String,
    pub last_voted_at: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct JobView {
    pub id: i64,
    pub kind: String,
    pub state: &'static str,
    pub done: i64,
    pub total: i64,
    pub message: Option<String>,
}

/// Where the key ceremony and the decryption stand.
#[derive(Debug, Clone, Serialize)]
pub struct CeremonyView {
    pub threshold: u32,
    pub trustees: Vec<String>,
    /// Trustee indices (from 1) whose round 1 file is in.
    pub round1: Vec<i64>,
    pub round2: Vec<i64>,
    pub shares: Vec<i64>,
}

/// An election as its administrators see it.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub slug: String,
    pub title: String,
    pub state: String,
    pub window: Option<WindowView>,
    /// What stands between this draft and `ready`.
    pub problems: Vec<String>,
    /// What can be done now: `mark_ready`, `return_to_draft`, `open`, `close`, `freeze`,
    /// `count`, `publish`, `archive`.
    pub actions: Vec<&'static str>,
    pub eligible: i64,
    pub voted: i64,
    pub voters_who_voted: Vec<VotedView>,
    pub questions: Vec<QuestionView>,
    pub has_key: bool,
    pub ceremony: Option<CeremonyView>,
    pub frozen_ballots: Option<usize>,
    pub jobs: Vec<JobView>,
    /// Frozen for a count from encrypted totals: the trustees run `urna trustee decrypt-tally`.
    pub verifiable: bool,
    /// A frozen mixnet election's shuffles and decryptions so far (`urna trustee mix
    /// --record`, then `urna trustee decrypt-mix`).
    pub mixnet: Option<service::mixnet::MixProgress>,
}

fn action_name(action: Action) -> Option<&'static str> {
    match action {
        Action::MarkReady => Some("mark_ready"),
        Action::ReturnToDraft => Some("return_to_draft"),
        Action::Open => Some("open"),
        Action::Close => Some("close"),
        Action::Publish => Some("publish"),
        Action::Archive => Some("archive"),
        // Recorded by the count job, not by hand.
        Action::RecordCount => None,
        // With a preview and notices to voters, on the page of changes while voting runs.
        Action::Pause | Action::Resume => None,
    }
}

/// Builds the overview of an election at `now`.
pub async fn overview(db: &Db, slug: &str, now: Timestamp) -> Result<Overview, ServiceError> {
    let loaded: LoadedElection = service::elections::load_election(db, slug).await?;
    let election = &loaded.election;
    let languages = election.languages().to_vec();
    let turnout = service::admin::turnout(db, slug).await?;
    let utc = ElectionZone::parse("UTC").ok();
    let window = election.window().map(|w| WindowView {
        zone: w.zone().name().to_owned(),
        opens: w.zone().local(w.opens()).to_string(),
        closes: w.zone().local(w.closes()).to_string(),
        opens_utc: utc
            .as_ref()
            .map_or_else(|| w.opens().to_string(), |z| z.local(w.opens()).to_string()),
        closes_utc: utc.as_ref().map_or_else(
            || w.closes().to_string(),
            |z| z.local(w.closes()).to_string(),
        ),
    });
    let state = loaded.state();
    let mut problems = Vec::new();
    if state == State::Draft {
        let voters = usize::try_from(turnout.eligible).unwrap_or(0);
        problems = election
            .readiness_problems(now, voters)
            .iter()
            .map(ToString::to_string)
            .collect();
        if loaded.key.is_none() {
            problems.push("the trustees have not made the election key yet".to_owned());
        }
    }
    let frozen = db.latest_frozen_set(loaded.row_id).await?;
    // A verifiable election's ballots stay on the board; its freeze row holds the count
    // (service::tally_verifiable).
    let verifiable_count = frozen
        .as_ref()
        .and_then(|row| service::tally_verifiable::frozen_count(row).ok());
    let verifiable = verifiable_count.is_some();
    let frozen_ballots = match &frozen {
        Some(_) if verifiable => verifiable_count.map(|count| count.counted as usize),
        Some(_) => Some(service::counting::frozen_set(db, slug).await?.ballots.len()),
        None => None,
    };
    let mixnet = if frozen.is_some() && service::board::is_mixnet(&loaded) {
        Some(service::mixnet::progress(db, &loaded).await?)
    } else {
        None
    };
    let setup = service::trustees::key_setup(db, &loaded).await?;
    let indices = |round| async move {
        Ok::<_, ServiceError>(
            db.trustee_files(loaded.row_id, round)
                .await?
                .into_iter()
                .map(|f| f.trustee_index)
                .collect::<Vec<i64>>(),
        )
    };
    let ceremony = match &setup {
        Some(setup) => Some(CeremonyView {
            threshold: setup.threshold(),
            trustees: setup
                .trustees()
                .iter()
                .map(|t| t.name.to_string())
                .collect(),
            round1: indices(service::ROUND_DKG1).await?,
            round2: indices(service::ROUND_DKG2).await?,
            shares: indices(service::ROUND_DECRYPTION).await?,
        }),
        None => None,
    };
    let jobs: Vec<JobView> = db
        .jobs_of_election(loaded.row_id)
        .await?
        .into_iter()
        .map(|j| JobView {
            id: j.id.0,
            kind: j.kind,
            state: match j.state {
                JobState::Running => "running",
                JobState::Succeeded => "succeeded",
                JobState::Failed => "failed",
            },
            done: j.progress_done,
            total: j.progress_total,
            message: j.message,
        })
        .collect();
    let mut actions: Vec<&'static str> = state
        .allowed_actions()
        .into_iter()
        .filter_map(action_name)
        .collect();
    if state == State::Closed {
        if frozen.is_none() {
            actions.push("freeze");
        } else {
            let shares = ceremony.as_ref().map_or(0, |c| c.shares.len());
            let threshold = ceremony.as_ref().map_or(u32::MAX, |c| c.threshold);
            let running = jobs.iter().any(|j| j.state == "running");
            if shares >= threshold as usize && !running {
                actions.push("count");
            }
        }
    }
    let questions = election
        .questions()
        .iter()
        .map(|q| QuestionView {
            id: q.id.to_string(),
            title: q.title.get(&languages).to_owned(),
            options: q
                .options
                .iter()
                .map(|c| OptionView {
                    id: c.id.to_string(),
                    name: c.name.get(&languages).to_owned(),
                    withdrawn: c.withdrawn,
                })
                .collect(),
        })
        .collect();
    Ok(Overview {
        slug: loaded.slug().to_owned(),
        title: election.title().get(&languages).to_owned(),
        state: state.name().to_owned(),
        window,
        problems,
        actions,
        eligible: turnout.eligible,
        voted: turnout.voted,
        voters_who_voted: turnout
            .voters
            .into_iter()
            .map(|v| VotedView {
                voter: v.identifier,
                last_voted_at: v.last_voted_at.map(utc_text),
            })
            .collect(),
        questions,
        has_key: loaded.key.is_some(),
        ceremony,
        frozen_ballots,
        jobs,
        verifiable,
        mixnet,
    })
}

/// Moves the end of voting to `closes` (an RFC 3339 instant, or a local date and time in the
/// election's zone), as the form and the API send it; returns the updated election.
pub async fn extend_end_from_text(
    ctx: &Ctx,
    db: &Db,
    staff: &StaffMember,
    slug: &str,
    closes: &str,
) -> Result<LoadedElection, AdminError> {
    let loaded = service::elections::load_election(db, slug)
        .await
        .map_err(|e| ctx.service(e))?;
    let zone = loaded.election.window().map(|w| w.zone().clone());
    let new_end = parse_new_end(closes, zone.as_ref()).map_err(|e| ctx.bad_input(e))?;
    service::admin::extend_end(db, slug, new_end, staff.actor(), Timestamp::now())
        .await
        .map_err(|e| ctx.service(e))
}

/// A lifecycle act by name, as the forms and the API send it. `mark_ready` goes through the
/// rehearsal gate ([`service::rehearsal::mark_ready_gated`]): `rehearsal_override` is the
/// reason given to mark ready an election without a passed rehearsal, if any.
pub async fn run_action(
    db: &Db,
    slug: &str,
    action: &str,
    rehearsal_override: Option<&service::rehearsal::RehearsalOverride>,
    staff: &StaffMember,
    now: Timestamp,
) -> Result<Option<i64>, ServiceError> {
    let actor = staff.actor();
    use service::lifecycle::transition;
    match action {
        "mark_ready" => {
            service::rehearsal::mark_ready_gated(db, slug, rehearsal_override, actor, now).await?
        }
        "return_to_draft" => transition(db, slug, Action::ReturnToDraft, actor, now).await?,
        "open" => transition(db, slug, Action::Open, actor, now).await?,
        "close" => transition(db, slug, Action::Close, actor, now).await?,
        "archive" => transition(db, slug, Action::Archive, actor, now).await?,
        "publish" => {
            service::publish::publish(db, slug, actor, now).await?;
            return Ok(None);
        }
        "freeze" => {
            let mut rng = urna_crypto::os_rng();
            service::counting::freeze(db, slug, actor, now, &mut rng).await?;
            return Ok(None);
        }
        "count" => {
            let job = service::counting::start_count(db, slug, actor, now).await?;
            return Ok(Some(job.0));
        }
        other => {
            return Err(ServiceError::Refused(format!(
                "{other:?} is not an action; use one of mark_ready, return_to_draft, open, \
                 close, freeze, count, publish, archive"
            )));
        }
    };
    Ok(None)
}

/// Reads an election definition (JSON). A missing `id` is generated, so a hand-written
/// definition needs none.
pub fn parse_definition(text: &str) -> Result<urna_core::election::ElectionSpec, DefinitionError> {
    let mut value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| DefinitionError::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
    let Some(object) = value.as_object_mut() else {
        return Err(DefinitionError::NotAnObject);
    };
    if !object.contains_key("id") {
        let id = urna_core::election::ElectionId::generate()
            .map_err(|e| DefinitionError::Invalid(e.to_string()))?;
        object.insert(
            "id".into(),
            serde_json::Value::String(id.as_str().to_owned()),
        );
    }
    serde_json::from_value(value).map_err(|e| DefinitionError::Invalid(e.to_string()))
}

/// Why an election definition could not be read.
#[derive(Debug, thiserror::Error)]
pub enum DefinitionError {
    #[error("the definition is not JSON (line {line}, column {column}): {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the definition must be a JSON object")]
    NotAnObject,
    #[error("the definition does not describe an election: {0}")]
    Invalid(String),
}

/// Reads the end of voting: an RFC 3339 instant (`2030-01-21T12:00:00Z`), or a local date
/// and time (`2030-01-21T12:00` or `2030-01-21 12:00`) in the election's zone.
pub fn parse_new_end(text: &str, zone: Option<&ElectionZone>) -> Result<Timestamp, String> {
    let text = text.trim();
    if let Ok(t) = text.parse::<Timestamp>() {
        return Ok(t);
    }
    let local: jiff::civil::DateTime = text.replacen(' ', "T", 1).parse().map_err(|_| {
        format!("{text:?} is not a date and time (write 2030-01-21T12:00, or an RFC 3339 instant)")
    })?;
    let zone = zone.ok_or_else(|| "the election has no voting window yet".to_owned())?;
    zone.instant_at(local).map_err(|e| e.to_string())
}

/// Reads trustee public files: a JSON array of them, or the files pasted one after another.
pub fn parse_concatenated<T: serde::de::DeserializeOwned>(
    text: &str,
    what: &str,
) -> Result<Vec<T>, String> {
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        return serde_json::from_str(trimmed).map_err(|e| format!("{what}: {e}"));
    }
    let mut out = Vec::new();
    for (n, item) in serde_json::Deserializer::from_str(text)
        .into_iter::<T>()
        .enumerate()
    {
        out.push(item.map_err(|e| format!("{what} number {}: {e}", n + 1))?);
    }
    Ok(out)
}

/// One JSON file of a trustee, named for the error message.
pub fn parse_file<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| format!("{what} could not be read: {e}"))
}

/// A file download: `Content-Disposition: attachment` with this name.
pub fn download(content_type: &'static str, file_name: &str, body: String) -> Response {
    let disposition = format!("attachment; filename=\"{file_name}\"");
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// Pretty JSON with a final newline, as the `urna trustee` tool writes its files.
pub fn json_file<T: Serialize>(value: &T) -> Result<String, ServiceError> {
    let mut text =
        serde_json::to_string_pretty(value).map_err(|e| service::corrupt("a JSON file", e))?;
    text.push('\n');
    Ok(text)
}

/// The election's audit chain, whether it verifies, and its JSON Lines export.
#[derive(Debug, Clone, Serialize)]
pub struct AuditView {
    pub verified: bool,
    /// Why the chain does not verify.
    pub problem: Option<String>,
    pub entries: Vec<AuditEntryView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditEntryView {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub details: String,
    pub hash: String,
}

pub async fn audit_view(db: &Db, slug: &str) -> Result<AuditView, ServiceError> {
    let loaded = service::elections::load_election(db, slug).await?;
    let entries = db.audit_log(Some(loaded.row_id)).await?;
    let check = urna_store::verify_audit_chain(&entries);
    Ok(AuditView {
        verified: check.is_ok(),
        problem: check.err().map(|e| e.to_string()),
        entries: entries
            .into_iter()
            .map(|e| AuditEntryView {
                seq: e.seq,
                at: utc_text(e.at),
                actor: e.actor,
                action: e.action,
                details: e.details,
                hash: e.hash.to_string(),
            })
            .collect(),
    })
}

/// The JSON Lines export; refused (409) when the chain does not verify.
pub async fn audit_export(db: &Db, slug: &str) -> Result<String, ServiceError> {
    let loaded = service::elections::load_election(db, slug).await?;
    db.export_audit(Some(loaded.row_id))
        .await
        .map_err(|e| match e {
            urna_store::StoreError::AuditChainBroken { .. } => {
                ServiceError::Refused(format!("the audit log does not verify: {e}"))
            }
            other => other.into(),
        })
}

/// How many voters a withdrawal would concern (everyone who has voted: ballots are sealed,
/// so the server cannot tell whose names the candidate).
pub async fn withdrawal_impact(db: &Db, slug: &str) -> Result<i64, ServiceError> {
    Ok(service::admin::turnout(db, slug).await?.voted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_link_and_next_parameter() {
        assert_eq!(
            election_path_of("/admin/elections/board-2030/voters"),
            Some("/admin/elections/board-2030".to_owned())
        );
        assert_eq!(election_path_of("/admin/elections"), None);
        assert_eq!(percent_encode_path("/admin/a b?c"), "/admin/a%20b%3Fc");
    }

    #[test]
    fn new_end_in_the_election_zone_or_utc() {
        let aoe = ElectionZone::parse("AoE").unwrap();
        // 2030-01-21 12:00 at UTC−12 is 2030-01-22 00:00 UTC.
        assert_eq!(
            parse_new_end("2030-01-21T12:00", Some(&aoe)).unwrap(),
            "2030-01-22T00:00:00Z".parse::<Timestamp>().unwrap()
        );
        assert_eq!(
            parse_new_end("2030-01-21 12:00", Some(&aoe)).unwrap(),
            "2030-01-22T00:00:00Z".parse::<Timestamp>().unwrap()
        );
        assert_eq!(
            parse_new_end("2030-01-21T12:00:00Z", None).unwrap(),
            "2030-01-21T12:00:00Z".parse::<Timestamp>().unwrap()
        );
        assert!(parse_new_end("next tuesday", Some(&aoe)).is_err());
        assert!(parse_new_end("2030-01-21T12:00", None).is_err());
    }

    #[test]
    fn definitions_get_an_id_and_errors_name_the_place() {
        let err = parse_definition("{\n  \"slug\": }").unwrap_err();
        assert!(
            matches!(err, DefinitionError::Json { line: 2, .. }),
            "{err}"
        );
        assert!(matches!(
            parse_definition("[1]"),
            Err(DefinitionError::NotAnObject)
        ));
        let spec = parse_definition(
            r#"{"slug": "x", "title": {"default": "en", "texts": {"en": "X"}}, "languages": ["en"]}"#,
        )
        .unwrap();
        assert_eq!(spec.id.as_str().len(), 26);
    }

    #[test]
    fn concatenated_files_or_an_array() {
        let two: Vec<u32> = parse_concatenated("1\n2\n", "file").unwrap();
        assert_eq!(two, vec![1, 2]);
        let array: Vec<u32> = parse_concatenated(" [3, 4]", "file").unwrap();
        assert_eq!(array, vec![3, 4]);
        let err = parse_concatenated::<u32>("1 x", "trustee file").unwrap_err();
        assert!(err.starts_with("trustee file number 2"), "{err}");
    }
}
