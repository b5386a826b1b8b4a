//! The voter's pages: the public election page and the ballot of a signed-in voter.
//!
//! - `GET /elections/{slug}`: title, state, the voting window in the election's zone and in
//!   the viewer's (from the `tz` query parameter or cookie that `static/tz.js` sets from the
//!   browser's zone; UTC without either), the questions and their options. The turnout count
//!   appears only once voting has closed; results never appear here (see
//!   [`crate::results_routes`], which serves them only after publication).
//! - `GET /elections/{slug}/ballot`, `POST …/ballot/review`, `POST …/ballot/cast`: the ballot,
//!   its confirmation and the receipt, for a session whose principal is this election's voter
//!   ([`Principal::Voter`]). The plaintext ballot lives only in the request: parsed from the
//!   form, handed to [`service::voting::cast`], which seals it. A rejected ballot is shown
//!   again with its messages (422) and nothing is stored. Every POST checks the CSRF token
//!   ([`CsrfForm`]); casting is rate-limited per client address (see `ROUTES`).
//!
//! Refusals (not signed in, another election's voter, voting not open, already voted where
//! changes are not allowed) are pages that say what happened and what to do, with 403 or 409.
//!
//! In a verifiable election (docs/record-format.md §4) the ballot page also carries the
//! election parameters and `static/ballot-e2e.js`, which encrypts in the browser, offers a
//! Benaloh audit, and posts only the encrypted ballot to `POST …/ballot/cast-encrypted`
//! ([`cast_encrypted`]); a refused one (bad proof, another election's, a copied credential
//! key) gets a page with the reason (422) and nothing is stored. Without JavaScript the review
//! and cast above still work: the server encrypts at cast. Both receipts show the tracker.

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use fluent_bundle::FluentValue;
use jiff::Timestamp;
use sha2::{Digest as _, Sha256};
use urna_core::election::Election;
use urna_core::lifecycle::State as ElectionState;
use urna_core::question::BallotType;
use urna_core::text::Lang;
use urna_core::window::ElectionZone;
use urna_store::{VoterId, VoterRow};

use crate::app::AppState;
use crate::auth::session::{Principal, Session};
use crate::ballot_form::{BallotFormErrors, parse_ballot_form};
use crate::ballot_page::{
    BallotPage, BallotPageInput, ConfirmPage, LocalText, ReceiptPage, TrackerView,
    VerifiableBallotView,
};
use crate::error::{AppError, AppResult, RenderedPage};
use crate::i18n::{Translator, cookie_value};
use crate::security::CsrfForm;
use crate::service::{self, LoadedElection, ServiceError};
use crate::static_files;
use crate::templates::PageContext;

/// Name of the query parameter and cookie carrying the viewer's IANA time zone.
pub const TZ_PARAMETER: &str = "tz";

/// The voter's language chain for election texts: the page's language (the election's
/// default language is the fallback inside [`LocalText::of`]).
pub(crate) fn chain(tr: &Translator) -> Vec<Lang> {
    Lang::parse(tr.lang()).map(|l| vec![l]).unwrap_or_default()
}

fn csrf(session: &Session) -> AppResult<String> {
    Ok(session
        .csrf_token()
        .map_err(AppError::internal)?
        .expose()
        .to_owned())
}

/// A page rendered here with its own status, left alone by the error middleware.
pub(crate) fn rendered(status: StatusCode, page: impl IntoResponse) -> Response {
    let mut response = (status, page).into_response();
    response.extensions_mut().insert(RenderedPage);
    response
}

/// Loads the election, or 404.
pub(crate) async fn load_or_404(state: &AppState, slug: &str) -> AppResult<LoadedElection> {
    match service::load(&state.db, slug).await {
        Ok(loaded) => Ok(loaded),
        Err(ServiceError::NoSuchElection(_)) => Err(AppError::not_found()),
        Err(e) => Err(AppError::internal(e)),
    }
}

/// The viewer's zone: `?tz=` first, then the `tz` cookie, else UTC. An unknown name is
/// ignored rather than refused: the page is still useful in UTC.
pub fn viewer_zone(uri: &Uri, headers: &HeaderMap) -> ElectionZone {
    // Zone names hold '/' and '+', which the script sends percent-encoded.
    let from_query = uri.query().and_then(|q| {
        serde_urlencoded::from_str::<Vec<(String, String)>>(q)
            .ok()?
            .into_iter()
            .find_map(|(k, v)| (k == TZ_PARAMETER).then_some(v))
    });
    let wanted = from_query.or_else(|| cookie_value(headers, TZ_PARAMETER));
    wanted
        .and_then(|name| ElectionZone::parse(&name).ok())
        .or_else(|| ElectionZone::parse("UTC").ok())
        .unwrap_or(ElectionZone::Aoe)
}

/// A refusal or notice page: a title, what happened, and where to go.
#[derive(Debug, Template, WebTemplate)]
#[template(path = "voter_notice.html")]
pub struct NoticePage {
    pub page: PageContext,
    pub title: String,
    pub message: String,
    pub link: Option<(String, String)>,
}

fn notice(
    tr: Translator,
    uri: &Uri,
    status: StatusCode,
    title_key: &str,
    message: String,
    slug: &str,
) -> Response {
    let link = Some((format!("/elections/{slug}"), tr.t("voter-notice-back")));
    rendered(
        status,
        NoticePage {
            title: tr.t(title_key),
            message,
            link,
            page: PageContext::new(tr, uri.path()),
        },
    )
}

// ----------------------------------------------------------------------------------------
// The public election page
// ----------------------------------------------------------------------------------------

/// One question as the public page lists it.
#[derive(Debug, Clone)]
pub struct QuestionSummary {
    pub number: usize,
    pub title: LocalText,
    pub description: Option<LocalText>,
    /// "Rank the candidates", "Approve any number"… and the method and seats.
    pub kind: String,
    pub method: String,
    pub options: Vec<LocalText>,
}

/// The voting window, described in the election's zone and the viewer's.
#[derive(Debug, Clone)]
pub struct WindowView {
    pub opens: String,
    pub closes: String,
    pub viewer_zone: String,
    /// "Times are in the election's zone (AoE), then in yours (Europe/Berlin)."
    pub zones_note: String,
}

/// `GET /elections/{slug}`.
#[derive(Debug, Template, WebTemplate)]
#[template(path = "election.html")]
pub struct ElectionPage {
    pub page: PageContext,
    pub slug: String,
    pub title: LocalText,
    pub state: &'static str,
    pub state_label: String,
    pub window: Option<WindowView>,
    pub questions: Vec<QuestionSummary>,
    /// "12 of 40 voters voted", only once voting has closed.
    pub turnout: Option<String>,
    /// Whether the visitor is signed in as a voter of this election.
    pub signed_in_voter: bool,
    pub tz_js_url: String,
}

fn kind_text(tr: &Translator, ballot_type: BallotType) -> String {
    match ballot_type {
        BallotType::ChooseOne => tr.t("election-kind-choose-one"),
        BallotType::Approval { .. } => tr.t("election-kind-approval"),
        BallotType::Score { min: -1, max: 1 } => tr.t("election-kind-support-oppose"),
        BallotType::Score { .. } => tr.t("election-kind-score"),
        BallotType::Ranked { .. } => tr.t("election-kind-ranked"),
    }
}

fn state_label(tr: &Translator, state: ElectionState) -> String {
    tr.t(&format!("election-state-{}", state.name()))
}

fn voting_has_closed(state: ElectionState) -> bool {
    matches!(
        state,
        ElectionState::Closed
            | ElectionState::Counted
            | ElectionState::Published
            | ElectionState::Archived
    )
}

/// `GET /elections/{slug}`: the public page. Drafts are not public (404).
pub async fn election_page(
    State(state): State<AppState>,
    tr: Translator,
    session: Session,
    uri: Uri,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> AppResult<ElectionPage> {
    let loaded = load_or_404(&state, &slug).await?;
    let election = &loaded.election;
    if loaded.state() == ElectionState::Draft {
        return Err(AppError::not_found());
    }
    let chain = chain(&tr);
    let lang = tr.lang().to_owned();
    let viewer = viewer_zone(&uri, &headers);
    let window = election.window().map(|w| WindowView {
        opens: w.describe(w.opens(), Some(&viewer)),
        closes: w.describe(w.closes(), Some(&viewer)),
        viewer_zone: viewer.name().to_owned(),
        zones_note: tr.t_args(
            "election-window-zones",
            &[
                ("election", FluentValue::from(w.zone().name().to_owned())),
                ("viewer", FluentValue::from(viewer.name().to_owned())),
            ],
        ),
    });
    let total = election.questions().len();
    let questions = election
        .questions()
        .iter()
        .enumerate()
        .map(|(i, q)| QuestionSummary {
            number: i + 1,
            title: LocalText::of(&q.title, &chain, &lang),
            description: q
                .description
                .as_ref()
                .map(|d| LocalText::of(d, &chain, &lang)),
            kind: format!(
                "{} {}",
                tr.t_args(
                    "election-question-position",
                    &[
                        ("number", FluentValue::from(i + 1)),
                        ("total", FluentValue::from(total)),
                    ],
                ),
                kind_text(&tr, q.ballot_type)
            ),
            method: tr.t_args(
                "election-method",
                &[
                    ("method", FluentValue::from(q.method.name())),
                    ("seats", FluentValue::from(q.seats)),
                ],
            ),
            options: q
                .options
                .iter()
                .filter(|c| !c.withdrawn)
                .map(|c| LocalText::of(&c.name, &chain, &lang))
                .collect(),
        })
        .collect();
    let turnout = if voting_has_closed(loaded.state()) {
        let t = state
            .db
            .turnout(loaded.row_id)
            .await
            .map_err(AppError::internal)?;
        Some(tr.t_args(
            "election-turnout",
            &[
                ("voted", FluentValue::from(t.voted)),
                ("eligible", FluentValue::from(t.eligible)),
            ],
        ))
    } else {
        None
    };
    let signed_in_voter = matches!(
        session.principal(),
        Some(Principal::Voter { election, .. }) if election == slug
    );
    Ok(ElectionPage {
        slug,
        title: LocalText::of(election.title(), &chain, &lang),
        state: loaded.state().name(),
        state_label: state_label(&tr, loaded.state()),
        window,
        questions,
        turnout,
        signed_in_voter,
        tz_js_url: static_files::url("tz.js"),
        page: PageContext::new(tr, uri.path()),
    })
}

// ----------------------------------------------------------------------------------------
// The ballot
// ----------------------------------------------------------------------------------------

/// The seed of a voter's shuffled option order: SHA-256 of a domain tag, the voter's id and
/// the election's id. Stable across visits (the order does not jump when the voter comes
/// back), different between voters and between elections.
pub fn shuffle_seed(voter: VoterId, election: &Election) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(b"urna-ballot-order-v1\0");
    h.update(voter.0.to_string().as_bytes());
    h.update(b"\0");
    h.update(election.id().as_str().as_bytes());
    h.finalize().into()
}

/// Everything a ballot request needs once the voter is checked.
struct VoterContext {
    loaded: Arc<LoadedElection>,
    voter: VoterRow,
}

/// Why a ballot request cannot go on, as the page to show instead.
fn refusal(tr: Translator, uri: &Uri, slug: &str, loaded: &LoadedElection) -> Response {
    let now = Timestamp::now();
    let (title, message) = match (loaded.state(), loaded.election.window()) {
        (ElectionState::Ready | ElectionState::Draft, Some(w)) => (
            "voter-notice-not-open-title",
            tr.t_args(
                "voter-notice-not-yet",
                &[("opens", FluentValue::from(w.describe(w.opens(), None)))],
            ),
        ),
        (ElectionState::Open, Some(w)) if now < w.opens() => (
            "voter-notice-not-open-title",
            tr.t_args(
                "voter-notice-not-yet",
                &[("opens", FluentValue::from(w.describe(w.opens(), None)))],
            ),
        ),
        // Voting paused by the administrators (service::live): they will tell voters.
        (ElectionState::Paused, _) => ("live-voter-paused-title", tr.t("live-voter-paused")),
        _ => ("voter-notice-not-open-title", tr.t("voter-notice-closed")),
    };
    notice(tr, uri, StatusCode::CONFLICT, title, message, slug)
}

/// Checks that the session's voter belongs to this election and that voting is open.
///
/// One read serves the whole check: the voter's row with its election's revision, and the
/// parsed election from [`AppState::elections`] at exactly that revision.
async fn voter_context(
    state: &AppState,
    tr: &Translator,
    session: &Session,
    uri: &Uri,
    slug: &str,
) -> AppResult<Result<VoterContext, Response>> {
    let refuse = |key: &str| {
        Ok(Err(notice(
            tr.clone(),
            uri,
            StatusCode::FORBIDDEN,
            "voter-notice-sign-in-title",
            tr.t(key),
            slug,
        )))
    };
    let (voter_id, link) = match session.principal() {
        Some(Principal::Voter {
            election,
            voter,
            link,
        }) if election == slug => match voter.parse::<i64>() {
            Ok(id) => (VoterId(id), link),
            Err(_) => return refuse("voter-notice-sign-in"),
        },
        // Not this election's voter: an unknown election is still a 404, not a refusal.
        Some(Principal::Voter { .. }) => {
            load_or_404(state, slug).await?;
            return refuse("voter-notice-wrong-election");
        }
        _ => {
            load_or_404(state, slug).await?;
            return refuse("voter-notice-sign-in");
        }
    };
    let (voter, revision) = match state.db.voter_with_election_revision(voter_id).await {
        Ok(found) => found,
        // A voter removed since the session began.
        Err(urna_store::StoreError::NotFound { .. }) => {
            return refuse("voter-notice-wrong-election");
        }
        Err(e) => return Err(AppError::internal(e)),
    };
    let loaded = match state.elections.at_revision(&state.db, slug, revision).await {
        Ok(loaded) => loaded,
        Err(ServiceError::NoSuchElection(_)) => return Err(AppError::not_found()),
        Err(e) => return Err(AppError::internal(e)),
    };
    // A session naming a voter of another election.
    if voter.election != loaded.row_id {
        return refuse("voter-notice-wrong-election");
    }
    if voter.revoked {
        return refuse("voter-notice-revoked");
    }
    // The link that opened this session was reissued since (it leaked, or was lost): the old
    // link's sessions end with it.
    if !service::voters::session_link_matches(&voter.token_hash, &link) {
        return refuse(if link.is_empty() {
            "voter-notice-sign-in"
        } else {
            "voter-notice-revoked"
        });
    }
    if loaded
        .election
        .check_accepts_ballot(Timestamp::now())
        .is_err()
    {
        return Ok(Err(refusal(tr.clone(), uri, slug, &loaded)));
    }
    Ok(Ok(VoterContext { loaded, voter }))
}

/// The notice for a voter who has a ballot already (or had one struck), or the refusal when
/// the election does not allow changes.
/// What every ballot route needs first: the signed-in voter of this election, the notice about
/// their previous ballot, and the session's CSRF token; or the page that refuses them.
async fn ballot_request(
    state: &AppState,
    tr: &Translator,
    session: &Session,
    uri: &Uri,
    slug: &str,
) -> AppResult<Result<(VoterContext, Option<String>, String), Response>> {
    let ctx = match voter_context(state, tr, session, uri, slug).await? {
        Ok(ctx) => ctx,
        Err(page) => return Ok(Err(page)),
    };
    let notice = match previous_ballot_notice(state, tr, uri, slug, &ctx).await? {
        Ok(n) => n,
        Err(page) => return Ok(Err(page)),
    };
    Ok(Ok((ctx, notice, csrf(session)?)))
}

async fn previous_ballot_notice(
    state: &AppState,
    tr: &Translator,
    uri: &Uri,
    slug: &str,
    ctx: &VoterContext,
) -> AppResult<Result<Option<String>, Response>> {
    if ctx.voter.voted {
        if ctx.loaded.election.allow_revote() {
            return Ok(Ok(Some(tr.t("voter-notice-revote"))));
        }
        return Ok(Err(notice(
            tr.clone(),
            uri,
            StatusCode::CONFLICT,
            "voter-notice-already-voted-title",
            tr.t("voter-notice-no-changes"),
            slug,
        )));
    }
    let status = state
        .db
        .current_ballot_status(ctx.voter.id)
        .await
        .map_err(AppError::internal)?;
    Ok(Ok(status.filter(|s| s.struck).map(|s| {
        tr.t_args(
            "voter-notice-struck",
            &[(
                "reason",
                FluentValue::from(s.strike_reason.unwrap_or_default()),
            )],
        )
    })))
}

#[allow(clippy::too_many_arguments)]
fn ballot_page(
    tr: Translator,
    uri: &Uri,
    slug: &str,
    ctx: &VoterContext,
    csrf_token: &str,
    fields: &[(String, String)],
    errors: Option<&BallotFormErrors>,
    notice: Option<String>,
) -> BallotPage {
    let chain = chain(&tr);
    let action = format!("/elections/{slug}/ballot/review");
    let seed = shuffle_seed(ctx.voter.id, &ctx.loaded.election);
    let mut page = BallotPage::build(
        PageContext::new(tr, uri.path()),
        BallotPageInput {
            election: &ctx.loaded.election,
            chain: &chain,
            seed: &seed,
            action: &action,
            csrf_token,
            fields,
            errors,
        },
    );
    page.notice = notice;
    page.verifiable = verifiable_view(&page.page.tr, slug, &ctx.loaded);
    page
}

/// The ballot page's encryption part in a verifiable election. Parameters that cannot be
/// built (which a verifiable election's stored key and questions always allow) leave the page
/// without it: the voter still votes, sealed by the server, and the failure is logged.
fn verifiable_view(
    tr: &Translator,
    slug: &str,
    loaded: &LoadedElection,
) -> Option<VerifiableBallotView> {
    let built = service::voting::election_params(loaded).and_then(|params| {
        params
            .map(|p| serde_json::to_string(&p))
            .transpose()
            .map_err(|e| service::corrupt("the election parameters as JSON", e))
    });
    match built {
        Ok(json) => json.map(|json| {
            VerifiableBallotView::new(
                tr,
                &json,
                format!("/elections/{slug}/ballot/cast-encrypted"),
            )
        }),
        Err(e) => {
            tracing::error!(election = %slug, error = %e, "no election parameters for the ballot page");
            None
        }
    }
}

/// `GET /elections/{slug}/ballot`.
pub async fn ballot(
    State(state): State<AppState>,
    tr: Translator,
    session: Session,
    uri: Uri,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let (ctx, notice, csrf_token) = match ballot_request(&state, &tr, &session, &uri, &slug).await?
    {
        Ok(parts) => parts,
        Err(page) => return Ok(page),
    };
    Ok(ballot_page(tr, &uri, &slug, &ctx, &csrf_token, &[], None, notice).into_response())
}

/// `POST /elections/{slug}/ballot/review`: the confirmation, or the ballot again with its
/// problems (422). Nothing is stored.
pub async fn review(
    State(state): State<AppState>,
    tr: Translator,
    session: Session,
    uri: Uri,
    Path(slug): Path<String>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (ctx, notice, csrf_token) = match ballot_request(&state, &tr, &session, &uri, &slug).await?
    {
        Ok(parts) => parts,
        Err(page) => return Ok(page),
    };
    match parse_ballot_form(&ctx.loaded.election, &fields) {
        Ok(ballot) => {
            let chain = chain(&tr);
            let action = format!("/elections/{slug}/ballot/cast");
            let mut page = ConfirmPage::build(
                PageContext::new(tr, uri.path()),
                &ctx.loaded.election,
                &chain,
                &ballot,
                &action,
                &csrf_token,
            );
            page.notice = notice;
            Ok(page.into_response())
        }
        Err(errors) => Ok(rendered(
            StatusCode::UNPROCESSABLE_ENTITY,
            ballot_page(
                tr,
                &uri,
                &slug,
                &ctx,
                &csrf_token,
                &fields,
                Some(&errors),
                notice,
            ),
        )),
    }
}

/// `POST /elections/{slug}/ballot/cast`: `action=change` shows the ballot filled in again;
/// otherwise the ballot is checked again, sealed and stored, and the receipt shown.
pub async fn cast(
    State(state): State<AppState>,
    tr: Translator,
    session: Session,
    uri: Uri,
    Path(slug): Path<String>,
    source: crate::scrutiny_routes::SubmissionSource,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (ctx, notice, csrf_token) = match ballot_request(&state, &tr, &session, &uri, &slug).await?
    {
        Ok(parts) => parts,
        Err(page) => return Ok(page),
    };
    let change = fields
        .iter()
        .any(|(name, value)| name == "action" && value == "change");
    if change {
        return Ok(
            ballot_page(tr, &uri, &slug, &ctx, &csrf_token, &fields, None, notice).into_response(),
        );
    }
    let ballot = match parse_ballot_form(&ctx.loaded.election, &fields) {
        Ok(ballot) => ballot,
        Err(errors) => {
            return Ok(rendered(
                StatusCode::UNPROCESSABLE_ENTITY,
                ballot_page(
                    tr,
                    &uri,
                    &slug,
                    &ctx,
                    &csrf_token,
                    &fields,
                    Some(&errors),
                    notice,
                ),
            ));
        }
    };
    let replaces = ctx.voter.voted;
    let prints = source.prints(&state, &ctx.loaded, ctx.voter.id)?;
    let outcome = service::voting::cast_in(
        &state.db,
        &ctx.loaded,
        ctx.voter.id,
        ballot,
        Some(prints),
        Timestamp::now(),
        &mut urna_crypto::os_rng(),
    )
    .await;
    let receipt = match outcome {
        Ok(receipt) => receipt,
        // Another request of the same voter won the race where changes are not allowed.
        Err(ServiceError::AlreadyVoted) => {
            return Ok(notice_page(
                tr,
                &uri,
                &slug,
                StatusCode::CONFLICT,
                "voter-notice-already-voted-title",
                "voter-notice-no-changes",
            ));
        }
        Err(ServiceError::VoterRevoked) => {
            return Ok(notice_page(
                tr,
                &uri,
                &slug,
                StatusCode::FORBIDDEN,
                "voter-notice-sign-in-title",
                "voter-notice-revoked",
            ));
        }
        // Closed between the check above and the cast.
        Err(ServiceError::Election(_) | ServiceError::Conflict { .. }) => {
            return Ok(refusal(tr, &uri, &slug, &ctx.loaded));
        }
        // The form parser and the domain check the same rules; if they ever disagree the
        // domain's refusal stands, shown with the ballot as it was filled in.
        Err(ServiceError::InvalidBallot(problem)) => {
            tracing::warn!(election = %slug, "a ballot the form accepted was refused by the domain");
            let message = tr.t_args(
                "voter-notice-invalid",
                &[("problem", FluentValue::from(problem.to_string()))],
            );
            return Ok(rendered(
                StatusCode::UNPROCESSABLE_ENTITY,
                ballot_page(
                    tr,
                    &uri,
                    &slug,
                    &ctx,
                    &csrf_token,
                    &fields,
                    None,
                    Some(message),
                ),
            ));
        }
        Err(e) => return Err(AppError::internal(e)),
    };
    tracing::info!(election = %slug, "ballot cast");
    let sealed_by = if receipt.tracker.is_some() {
        Some(urna_store::SealedBy::Server)
    } else {
        None
    };
    Ok(source.set_cookie_on(receipt_page(
        tr, &uri, &slug, &ctx, &receipt, replaces, sealed_by,
    )))
}

/// The receipt: the code of a sealed ballot, or the tracker of a verifiable one with the link
/// to the board and who encrypted it.
fn receipt_page(
    tr: Translator,
    uri: &Uri,
    slug: &str,
    ctx: &VoterContext,
    receipt: &service::voting::Receipt,
    replaces: bool,
    sealed_by: Option<urna_store::SealedBy>,
) -> Response {
    let chain = chain(&tr);
    let replaced = replaces.then(|| tr.t("voter-notice-replaced"));
    let tracker = receipt.tracker.as_ref().map(|tracker| TrackerView {
        tracker: tracker.clone(),
        board_url: format!("/elections/{slug}/board?tracker={tracker}"),
        sealed_by_note: match sealed_by {
            Some(urna_store::SealedBy::Server) => tr.t("verifiable-sealed-by-server"),
            _ => tr.t("verifiable-sealed-by-voter"),
        },
    });
    let mut page = ReceiptPage::build(
        PageContext::new(tr, uri.path()),
        &ctx.loaded.election,
        &chain,
        &receipt.code,
    );
    page.notice = replaced;
    page.tracker = tracker;
    page.into_response()
}

/// `POST /elections/{slug}/ballot/cast-encrypted`: the encrypted ballot the page's script
/// made (form field `ballot`, its JSON). Verified and stored, then the receipt with the
/// tracker; or a page giving the reason it was refused (422), with nothing stored.
pub async fn cast_encrypted(
    State(state): State<AppState>,
    tr: Translator,
    session: Session,
    uri: Uri,
    Path(slug): Path<String>,
    source: crate::scrutiny_routes::SubmissionSource,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (ctx, _notice, _csrf_token) =
        match ballot_request(&state, &tr, &session, &uri, &slug).await? {
            Ok(parts) => parts,
            Err(page) => return Ok(page),
        };
    let ballot = fields
        .iter()
        .find_map(|(name, value)| (name == "ballot").then_some(value.as_str()))
        .unwrap_or_default();
    let replaces = ctx.voter.voted;
    let prints = source.prints(&state, &ctx.loaded, ctx.voter.id)?;
    let outcome = service::voting::cast_encrypted(
        &state.db,
        &ctx.loaded,
        ctx.voter.id,
        ballot,
        Some(prints),
        Timestamp::now(),
    )
    .await;
    use service::voting::EncryptedCastError as Refused;
    let refused = |message: String| {
        Ok(notice(
            tr.clone(),
            &uri,
            StatusCode::UNPROCESSABLE_ENTITY,
            "verifiable-refused-title",
            message,
            &slug,
        ))
    };
    let problem = |key: &str, problem: &str| {
        tr.t_args(key, &[("problem", FluentValue::from(problem.to_owned()))])
    };
    let receipt = match outcome {
        Ok(receipt) => receipt,
        Err(Refused::Malformed(e)) => {
            return refused(problem("verifiable-refused-malformed", &e));
        }
        Err(Refused::WrongElection { .. }) => {
            return refused(tr.t("verifiable-refused-wrong-election"));
        }
        Err(wrong @ Refused::WrongKind { .. }) => {
            return refused(problem("verifiable-refused-malformed", &wrong.to_string()));
        }
        Err(Refused::InvalidProof(e)) => {
            return refused(problem("verifiable-refused-proof", &e));
        }
        Err(Refused::CredentialKeyUsed) => {
            tracing::warn!(election = %slug, "an encrypted ballot reused a credential key");
            return refused(tr.t("verifiable-refused-copied"));
        }
        // A sealed election has no cast-encrypted page to post from.
        Err(Refused::NotVerifiable(_)) => return Err(AppError::not_found()),
        Err(Refused::Service(ServiceError::AlreadyVoted)) => {
            return Ok(notice_page(
                tr,
                &uri,
                &slug,
                StatusCode::CONFLICT,
                "voter-notice-already-voted-title",
                "voter-notice-no-changes",
            ));
        }
        Err(Refused::Service(ServiceError::VoterRevoked)) => {
            return Ok(notice_page(
                tr,
                &uri,
                &slug,
                StatusCode::FORBIDDEN,
                "voter-notice-sign-in-title",
                "voter-notice-revoked",
            ));
        }
        Err(Refused::Service(ServiceError::Election(_) | ServiceError::Conflict { .. })) => {
            return Ok(refusal(tr, &uri, &slug, &ctx.loaded));
        }
        Err(Refused::Service(e)) => return Err(AppError::internal(e)),
    };
    tracing::info!(election = %slug, "encrypted ballot cast");
    Ok(source.set_cookie_on(receipt_page(
        tr,
        &uri,
        &slug,
        &ctx,
        &receipt,
        replaces,
        Some(urna_store::SealedBy::Voter),
    )))
}

fn notice_page(
    tr: Translator,
    uri: &Uri,
    slug: &str,
    status: StatusCode,
    title_key: &str,
    message_key: &str,
) -> Response {
    let message = tr.t(message_key);
    notice(tr, uri, status, title_key, message, slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viewer_zone_prefers_the_query_then_the_cookie_then_utc() {
        let mut headers = HeaderMap::new();
        headers.insert("cookie", "tz=Asia/Tokyo".parse().expect("header"));
        let uri: Uri = "/elections/x?lang=en&tz=Europe%2FBerlin"
            .parse()
            .expect("uri");
        assert_eq!(viewer_zone(&uri, &headers).name(), "Europe/Berlin");
        let uri: Uri = "/elections/x".parse().expect("uri");
        assert_eq!(viewer_zone(&uri, &headers).name(), "Asia/Tokyo");
        assert_eq!(viewer_zone(&uri, &HeaderMap::new()).name(), "UTC");
        // An unknown zone is ignored, not an error.
        let uri: Uri = "/elections/x?tz=Mars/Olympus".parse().expect("uri");
        assert_eq!(viewer_zone(&uri, &HeaderMap::new()).name(), "UTC");
    }
}
