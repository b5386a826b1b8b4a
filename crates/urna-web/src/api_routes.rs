//! The JSON API for election administration, under `/api/v1/`: the same acts as the
//! administration pages, JSON in and out, RFC 9457 problem documents on errors.
//!
//! # Authentication and CSRF
//! There is no API-token scheme yet, so the API is authenticated by the staff session cookie,
//! like the pages. Every POST must therefore prove it comes from our own pages or scripts: it
//! must carry the session's CSRF token in the `X-CSRF-Token` header (compared in constant
//! time) and pass the same-origin check; `GET /api/v1/session` hands the token out. A POST
//! without it is refused (403) before anything is read.
//!
//! # Permissions
//! Every POST about one election takes [`ApiCsrf`] and then [`ElectionAccess`]: a forged
//! request is refused first, then the role is checked before the body is read, so a staff
//! member without the role gets 403 whatever they send, and no body of theirs is parsed.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRequest, Query, Request};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use jiff::Timestamp;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use urna_core::question::{CandidateId, QuestionId};
use urna_crypto::{DecryptionShares, DkgRound1, DkgRound2, TrusteePublic};

use crate::admin_access::{
    AdminDb, AdminError, Admins, Ceremony, Ctx, ElectionAccess, StaffMember, Watchers,
    audit_export, audit_view, create_election_from_text, extend_end_from_text, overview,
    run_action, withdrawal_impact,
};
use crate::app::AppState;
use crate::auth::session::Session;
use crate::security::is_same_origin;
use crate::service::{self, ServiceError};

/// The header carrying the session's CSRF token on API POSTs.
pub const CSRF_HEADER: &str = "x-csrf-token";

type ApiResult = Result<Response, AdminError>;

/// A JSON request body whose origin and `X-CSRF-Token` were checked first.
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

/// The origin and `X-CSRF-Token` check of an API POST, as an extractor that reads no body:
/// handlers about one election take it before [`ElectionAccess`], so a forged request is
/// refused before anything is looked up, and the role is checked before the body is read.
/// [`ApiJson`] runs the same check.
#[derive(Debug)]
pub struct ApiCsrf;

impl axum::extract::FromRequestParts<AppState> for ApiCsrf {
    type Rejection = AdminError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let ctx =
            <Ctx as axum::extract::FromRequestParts<AppState>>::from_request_parts(parts, state)
                .await?;
        check_api_csrf(&ctx, parts, state)?;
        Ok(ApiCsrf)
    }
}

/// Refuses (403) a request that is cross-site or lacks the session's CSRF token.
fn check_api_csrf(
    ctx: &Ctx,
    parts: &axum::http::request::Parts,
    state: &AppState,
) -> Result<(), AdminError> {
    let token_ok = is_same_origin(&parts.headers, &state.config)
        && match (
            parts.extensions.get::<Session>(),
            parts.headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok()),
        ) {
            (Some(session), Some(token)) => session.verify_csrf(token),
            _ => false,
        };
    if token_ok {
        Ok(())
    } else {
        tracing::warn!("API request refused: cross-site, or missing or wrong X-CSRF-Token");
        Err(ctx.fail(
            StatusCode::FORBIDDEN,
            "admin-error-csrf",
            ctx.tr.t("admin-error-csrf-detail"),
        ))
    }
}

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = AdminError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = request.into_parts();
        let ctx = <Ctx as axum::extract::FromRequestParts<AppState>>::from_request_parts(
            &mut parts, state,
        )
        .await?;
        check_api_csrf(&ctx, &parts, state)?;
        let is_json = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"));
        if !is_json {
            return Err(ctx.fail(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "admin-error-input",
                ctx.tr.t("admin-error-json-expected"),
            ));
        }
        let request = Request::from_parts(parts, body);
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|r| ctx.fail(r.status(), "admin-error-input", r.body_text()))?;
        serde_json::from_slice(&bytes).map(ApiJson).map_err(|e| {
            let detail = format!(
                "the request body could not be read (line {}, column {}): {e}",
                e.line(),
                e.column()
            );
            // Not JSON at all (a syntax error, a cut-off body, nesting deeper than
            // serde_json's recursion limit of 128) is a bad request; JSON of the wrong
            // shape is well-formed but unusable input.
            match e.classify() {
                serde_json::error::Category::Data => ctx.bad_input(detail),
                _ => ctx.fail(StatusCode::BAD_REQUEST, "admin-error-input", detail),
            }
        })
    }
}

fn ok(value: Value) -> ApiResult {
    Ok(Json(value).into_response())
}

/// A value the service returned, as the JSON answer; failing to serialise it is an internal
/// error naming `what`.
fn ok_json<T: Serialize>(ctx: &Ctx, value: &T, what: &str) -> ApiResult {
    let value = serde_json::to_value(value).map_err(|e| ctx.service(service::corrupt(what, e)))?;
    ok(value)
}

fn created(value: Value) -> ApiResult {
    Ok((StatusCode::CREATED, Json(value)).into_response())
}

/// `GET /api/v1/session`: who is signed in, and the CSRF token for POSTs.
pub async fn session_info(ctx: Ctx, staff: StaffMember, session: Session) -> ApiResult {
    let token = session
        .csrf_token()
        .map_err(|e| ctx.service(ServiceError::Random(e.to_string())))?;
    ok(json!({
        "account": staff.id.0,
        "is_operator": staff.is_operator,
        "csrf_token": token.expose(),
    }))
}

/// `GET /api/v1/elections`: the elections this staff member may see.
pub async fn list(ctx: Ctx, AdminDb(db): AdminDb, staff: StaffMember) -> ApiResult {
    let visible = visible_elections(&db, &staff)
        .await
        .map_err(|e| ctx.service(e))?;
    ok(json!({ "elections": visible }))
}

/// Slug, title and state of every election `staff` holds a role in (all for operators).
pub async fn visible_elections(
    db: &urna_store::Db,
    staff: &StaffMember,
) -> Result<Vec<Value>, ServiceError> {
    let all = service::elections::list_elections(db).await?;
    let mine: Vec<urna_store::ElectionId> = if staff.is_operator {
        Vec::new()
    } else {
        db.roles_of_account(staff.id)
            .await?
            .into_iter()
            .map(|g| g.election)
            .collect()
    };
    Ok(all
        .into_iter()
        .filter(|e| staff.is_operator || mine.contains(&e.row_id))
        .map(|e| {
            let languages = e.election.languages().to_vec();
            json!({
                "slug": e.slug(),
                "title": e.election.title().get(&languages),
                "state": e.state().name(),
            })
        })
        .collect())
}

/// `POST /api/v1/elections`: creates a draft from its definition (operators only; the
/// creator becomes its admin). The body is the definition; `id` may be left out.
pub async fn create(
    ctx: Ctx,
    AdminDb(db): AdminDb,
    staff: StaffMember,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult {
    let created_election = create_election_from_text(&ctx, &db, &staff, &body.to_string()).await?;
    created(json!({
        "slug": created_election.slug(),
        "id": created_election.election.id().as_str(),
        "state": created_election.state().name(),
    }))
}

/// `GET /api/v1/elections/{slug}`: the overview (state, window, problems, actions, turnout,
/// key ceremony, jobs).
pub async fn show(ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Watchers>) -> ApiResult {
    let view = overview(&db, &slug, Timestamp::now())
        .await
        .map_err(|e| ctx.service(e))?;
    ok_json(&ctx, &view, "the overview")
}

#[derive(Debug, Deserialize)]
pub struct ActionBody {
    pub action: String,
    /// With `mark_ready`: the reason to mark an election ready without a passed rehearsal
    /// (logged).
    #[serde(default)]
    pub rehearsal_override: Option<String>,
}

/// `POST /api/v1/elections/{slug}/actions`: `{"action": "open"}` and the like; `count`
/// answers 202 with the job id.
pub async fn action(
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx,
        db,
        staff,
        slug,
        ..
    }: ElectionAccess<Admins>,
    ApiJson(body): ApiJson<ActionBody>,
) -> ApiResult {
    let rehearsal_override = body
        .rehearsal_override
        .as_deref()
        .map(service::rehearsal::RehearsalOverride::parse)
        .transpose()
        .map_err(|e| ctx.service(e))?;
    let job = run_action(
        &db,
        &slug,
        &body.action,
        rehearsal_override.as_ref(),
        &staff,
        Timestamp::now(),
    )
    .await
    .map_err(|e| ctx.service(e))?;
    let state = service::elections::load_election(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?
        .state();
    let document = json!({ "state": state.name(), "job": job });
    if job.is_some() {
        Ok((StatusCode::ACCEPTED, Json(document)).into_response())
    } else {
        ok(document)
    }
}

#[derive(Debug, Deserialize)]
pub struct VotersBody {
    pub csv: String,
}

/// `POST /api/v1/elections/{slug}/voters`: uploads a voter list (CSV text). The answer holds
/// the new voters' links as CSV: their only copy.
pub async fn upload_voters(
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx,
        db,
        staff,
        slug,
        ..
    }: ElectionAccess<Admins>,
    state: axum::extract::State<AppState>,
    ApiJson(body): ApiJson<VotersBody>,
) -> ApiResult {
    let outcome =
        service::voters::upload_voters(&db, &slug, &body.csv, staff.actor(), Timestamp::now())
            .await
            .map_err(|e| ctx.service(e))?;
    ok(json!({
        "added": outcome.issued.len(),
        "already_listed": outcome.already_listed,
        "revoked": outcome.revoked,
        "links_csv": service::voters::links_csv(&outcome.issued, &base_url(&state)),
    }))
}

/// The base of voting links: the whole public URL (path included, as in e-mailed links and
/// `Application::base_url`), or a relative link without one.
pub fn base_url(state: &AppState) -> String {
    link_base(state.config.public_url.as_ref())
}

fn link_base(public_url: Option<&crate::config::PublicUrl>) -> String {
    public_url.map_or_else(String::new, |u| u.as_str().to_owned())
}

#[cfg(test)]
mod link_base_tests {
    use super::link_base;
    use crate::config::PublicUrl;

    #[test]
    fn links_keep_the_path_of_the_public_url() {
        // Served under a path by a proxy: the link must carry it, as e-mailed links do.
        let under_path = PublicUrl::parse("https://Vote.Example.org/urna/").expect("a URL");
        let link = crate::service::voters::link_url(&link_base(Some(&under_path)), &token());
        assert!(
            link.starts_with("https://vote.example.org/urna/vote#"),
            "{link}"
        );
        let at_root = PublicUrl::parse("https://vote.example.org").expect("a URL");
        assert_eq!(link_base(Some(&at_root)), "https://vote.example.org");
        assert_eq!(link_base(None), "", "relative links without a public URL");
    }

    fn token() -> urna_core::token::VotingToken {
        urna_core::token::VotingToken::generate().expect("random")
    }
}

#[derive(Debug, Deserialize)]
pub struct LinkBody {
    pub voter: String,
    /// `revoke` or `reissue`.
    pub op: String,
}

/// `POST /api/v1/elections/{slug}/voters/link`: revokes or reissues a voter's link; a
/// reissued link comes back as CSV.
pub async fn voter_link(
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx,
        db,
        staff,
        slug,
        ..
    }: ElectionAccess<Admins>,
    state: axum::extract::State<AppState>,
    ApiJson(body): ApiJson<LinkBody>,
) -> ApiResult {
    let now = Timestamp::now();
    match body.op.as_str() {
        "revoke" => {
            service::voters::revoke_link(&db, &slug, &body.voter, staff.actor(), now)
                .await
                .map_err(|e| ctx.service(e))?;
            ok(json!({ "voter": body.voter, "revoked": true }))
        }
        "reissue" => {
            let link = service::voters::reissue_link(&db, &slug, &body.voter, staff.actor(), now)
                .await
                .map_err(|e| ctx.service(e))?;
            ok(json!({
                "voter": body.voter,
                "links_csv": service::voters::links_csv(&[link], &base_url(&state)),
            }))
        }
        other => Err(ctx.bad_input(format!(
            "{other:?} is not an operation on a link; use revoke or reissue"
        ))),
    }
}

#[derive(Debug, Deserialize)]
pub struct SetupBody {
    pub threshold: u32,
    pub trustees: Vec<TrusteePublic>,
}

/// `GET /api/v1/elections/{slug}/trustees/setup`: `setup.json` for `urna trustee`.
pub async fn get_setup(
    ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Ceremony>,
) -> ApiResult {
    let setup = service::trustees::setup_of(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?;
    ok_json(&ctx, &setup, "the set-up")
}

/// `POST /api/v1/elections/{slug}/trustees/setup`: `{"threshold": k, "trustees": [public
/// files]}`; answers the set-up.
pub async fn post_setup(
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx,
        db,
        staff,
        slug,
        ..
    }: ElectionAccess<Admins>,
    ApiJson(body): ApiJson<SetupBody>,
) -> ApiResult {
    let setup = service::trustees::set_up_key_ceremony(
        &db,
        &slug,
        body.threshold,
        body.trustees,
        staff.actor(),
        Timestamp::now(),
    )
    .await
    .map_err(|e| ctx.service(e))?;
    created(
        serde_json::to_value(setup).map_err(|e| ctx.service(service::corrupt("the set-up", e)))?,
    )
}

/// `GET /api/v1/elections/{slug}/trustees/round1`: every round 1 message so far.
pub async fn get_round1(
    ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Ceremony>,
) -> ApiResult {
    let messages = service::trustees::round1_messages(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?;
    ok_json(&ctx, &messages, "round 1 messages")
}

/// `POST /api/v1/elections/{slug}/trustees/round1`: a trustee's round 1 file.
pub async fn post_round1(
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx,
        db,
        staff,
        slug,
        ..
    }: ElectionAccess<Ceremony>,
    ApiJson(message): ApiJson<DkgRound1>,
) -> ApiResult {
    let trustee = message.dealer;
    service::trustees::accept_round1(&db, &slug, message, staff.actor(), Timestamp::now())
        .await
        .map_err(|e| ctx.service(e))?;
    created(json!({ "trustee": trustee }))
}

/// `POST /api/v1/elections/{slug}/trustees/round2`: a trustee's round 2 file; the answer
/// has the election key once every file is in.
pub async fn post_round2(
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx,
        db,
        staff,
        slug,
        ..
    }: ElectionAccess<Ceremony>,
    ApiJson(message): ApiJson<DkgRound2>,
) -> ApiResult {
    let trustee = message.trustee;
    let key =
        service::trustees::accept_round2(&db, &slug, message, staff.actor(), Timestamp::now())
            .await
            .map_err(|e| ctx.service(e))?;
    created(json!({ "trustee": trustee, "election_key": key }))
}

/// `GET /api/v1/elections/{slug}/ballots`: the frozen ballot set trustees decrypt.
pub async fn frozen_ballots(
    ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Ceremony>,
) -> ApiResult {
    let set = service::counting::frozen_set(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?;
    ok_json(&ctx, &set, "the frozen set")
}

/// `POST /api/v1/elections/{slug}/trustees/shares`: a trustee's decryption shares.
pub async fn post_shares(
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx,
        db,
        staff,
        slug,
        ..
    }: ElectionAccess<Ceremony>,
    ApiJson(shares): ApiJson<DecryptionShares>,
) -> ApiResult {
    let trustee = shares.trustee;
    service::counting::accept_decryption_shares(
        &db,
        &slug,
        shares,
        staff.actor(),
        Timestamp::now(),
    )
    .await
    .map_err(|e| ctx.service(e))?;
    created(json!({ "trustee": trustee }))
}

/// `POST /api/v1/elections/{slug}/trustees/tally`: a trustee's partial decryption of a
/// verifiable election's tally (`urna trustee decrypt-tally`).
pub async fn post_tally_decryption(
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx,
        db,
        staff,
        slug,
        ..
    }: ElectionAccess<Ceremony>,
    ApiJson(partial): ApiJson<urna_crypto::TallyDecryption>,
) -> ApiResult {
    let trustee = partial.trustee;
    service::tally_verifiable::accept_tally_decryption(
        &db,
        &slug,
        partial,
        staff.actor(),
        Timestamp::now(),
    )
    .await
    .map_err(|e| ctx.service(e))?;
    created(json!({ "trustee": trustee }))
}

#[derive(Debug, Deserialize)]
pub struct StrikeBody {
    pub voter: String,
    /// Required to strike; ignored when unstriking.
    #[serde(default)]
    pub reason: String,
    /// `strike` (the default) or `unstrike`.
    #[serde(default)]
    pub op: Option<String>,
}

/// `POST /api/v1/elections/{slug}/strike`: strikes (or, with `"op": "unstrike"`, reinstates)
/// a voter's ballot.
pub async fn strike(
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx,
        db,
        staff,
        slug,
        ..
    }: ElectionAccess<Admins>,
    ApiJson(body): ApiJson<StrikeBody>,
) -> ApiResult {
    let now = Timestamp::now();
    let struck = match body.op.as_deref().unwrap_or("strike") {
        "strike" => {
            service::admin::strike(&db, &slug, &body.voter, &body.reason, staff.actor(), now)
                .await
                .map_err(|e| ctx.service(e))?;
            true
        }
        "unstrike" => {
            service::admin::unstrike(&db, &slug, &body.voter, staff.actor(), now)
                .await
                .map_err(|e| ctx.service(e))?;
            false
        }
        other => {
            return Err(ctx.bad_input(format!(
                "{other:?} is not an operation on a ballot; use strike or unstrike"
            )));
        }
    };
    ok(json!({ "voter": body.voter, "struck": struck }))
}

#[derive(Debug, Deserialize)]
pub struct ExtendBody {
    /// RFC 3339 instant, or a local date and time in the election's zone.
    pub closes: String,
}

/// `POST /api/v1/elections/{slug}/extend`: moves the end of voting later.
pub async fn extend(
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx,
        db,
        staff,
        slug,
        ..
    }: ElectionAccess<Admins>,
    ApiJson(body): ApiJson<ExtendBody>,
) -> ApiResult {
    let updated = extend_end_from_text(&ctx, &db, &staff, &slug, &body.closes).await?;
    ok(json!({
        "closes": updated.election.window().map(|w| w.closes().to_string()),
    }))
}

#[derive(Debug, Deserialize)]
pub struct WithdrawQuery {
    pub question: String,
    pub candidate: String,
}

/// `GET /api/v1/elections/{slug}/withdraw?question=…&candidate=…`: what a withdrawal would
/// do: how many voters who voted would be told.
pub async fn withdraw_preview(
    ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Admins>,
    Query(query): Query<WithdrawQuery>,
) -> ApiResult {
    let voted = withdrawal_impact(&db, &slug)
        .await
        .map_err(|e| ctx.service(e))?;
    ok(json!({
        "question": query.question,
        "candidate": query.candidate,
        "voters_who_voted": voted,
    }))
}

/// `POST /api/v1/elections/{slug}/withdraw`: `{"question", "candidate"}`; answers who is to
/// be told.
pub async fn withdraw(
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx,
        db,
        staff,
        slug,
        ..
    }: ElectionAccess<Admins>,
    ApiJson(body): ApiJson<WithdrawQuery>,
) -> ApiResult {
    let question = QuestionId::parse(&body.question).map_err(|e| ctx.bad_input(e.to_string()))?;
    let candidate =
        CandidateId::parse(&body.candidate).map_err(|e| ctx.bad_input(e.to_string()))?;
    let notify = service::admin::withdraw_candidate(
        &db,
        &slug,
        &question,
        &candidate,
        staff.actor(),
        Timestamp::now(),
    )
    .await
    .map_err(|e| ctx.service(e))?;
    ok(json!({
        "voters_to_notify": notify.iter().map(|v| v.voter.as_str()).collect::<Vec<_>>(),
    }))
}

/// `GET /api/v1/elections/{slug}/audit`: the audit chain and whether it verifies.
pub async fn audit(ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Watchers>) -> ApiResult {
    let view = audit_view(&db, &slug).await.map_err(|e| ctx.service(e))?;
    ok_json(&ctx, &view, "the audit log")
}

/// `GET /api/v1/elections/{slug}/audit.jsonl`: the verified chain as JSON Lines.
pub async fn audit_jsonl(
    ElectionAccess { ctx, db, slug, .. }: ElectionAccess<Watchers>,
) -> ApiResult {
    let text = audit_export(&db, &slug).await.map_err(|e| ctx.service(e))?;
    Ok(crate::admin_access::download(
        "application/jsonl",
        &format!("{slug}.audit.jsonl"),
        text,
    ))
}

// --- mixnet elections (issue 5) ---
/// `POST /api/v1/elections/{slug}/trustees/shuffle`: a trustee's signed shuffle of a mixnet
/// election's ballots (`urna trustee mix --record`), checked against the record and appended.
pub async fn post_shuffle(
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx,
        db,
        staff,
        slug,
        ..
    }: ElectionAccess<Ceremony>,
    ApiJson(shuffle): ApiJson<urna_crypto::record::ShuffleBody>,
) -> ApiResult {
    let trustee = shuffle.trustee;
    let mixer =
        service::mixnet::accept_shuffle(&db, &slug, shuffle, staff.actor(), Timestamp::now())
            .await
            .map_err(|e| ctx.service(e))?;
    created(json!({ "mixer": mixer, "trustee": trustee }))
}

/// `POST /api/v1/elections/{slug}/trustees/mix-decryption`: a trustee's decryption of the
/// shuffled ballots (`urna trustee decrypt-mix`), checked against the record and appended.
pub async fn post_mix_decryption(
    _csrf: ApiCsrf,
    ElectionAccess {
        ctx,
        db,
        staff,
        slug,
        ..
    }: ElectionAccess<Ceremony>,
    ApiJson(partial): ApiJson<urna_crypto::shuffle::MixDecryption>,
) -> ApiResult {
    let trustee = partial.trustee;
    let decryptions = service::mixnet::accept_mixed_decryption(
        &db,
        &slug,
        partial,
        staff.actor(),
        Timestamp::now(),
    )
    .await
    .map_err(|e| ctx.service(e))?;
    created(json!({ "trustee": trustee, "decryptions": decryptions }))
}
// --- end mixnet elections ---
