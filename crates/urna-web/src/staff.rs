//! Staff sign-in (username, password, TOTP code), sign-out, the staff dashboard, and the
//! one session-to-account lookup ([`staff_of_request`]) behind the [`StaffUser`] extractor and
//! the administration's [`crate::admin_access::StaffMember`].
//!
//! Sign-in failures are indistinguishable: an unknown user, a wrong password, a wrong or
//! replayed code and a malformed field all give the same message and status, and an unknown
//! user still costs one Argon2 verification (against a dummy hash), so timing does not tell
//! which usernames exist. Success rotates the session id (see `auth::session`). Sign-ins,
//! failures for existing accounts and sign-outs go to the site-wide audit chain, without
//! passwords or codes.

use std::fmt;
use std::sync::OnceLock;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use urna_store::{AccountId, AccountRow, Db, ElectionRole, NewAuditEntry, UnixMicros};

use crate::app::AppState;
use crate::auth::password::{Password, hash_password, needs_rehash, verify_password};
use crate::auth::server_key::ServerSecretKey;
use crate::auth::session::{Principal, Session, unix_now};
use crate::auth::totp::{self, TotpCode, TotpSecret};
use crate::error::{AppError, AppResult, RenderedPage};
use crate::i18n::Translator;
use crate::security::CsrfForm;
use crate::templates::PageContext;

/// Where staff sign in; [`StaffUser`] redirects here.
pub const SIGN_IN_PATH: &str = "/staff/sign-in";
/// The dashboard, where a successful sign-in lands.
pub const DASHBOARD_PATH: &str = "/staff";
/// Longest username, in characters.
pub const MAX_USERNAME_CHARS: usize = 64;

/// A staff username: 1 to 64 characters, no spaces, control characters or `:` (the
/// separator of the `otpauth://` label).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffUsername(String);

/// Why a username was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum UsernameError {
    #[error("the username is empty")]
    Empty,
    #[error("the username {0:?} is longer than {MAX_USERNAME_CHARS} characters")]
    TooLong(String),
    #[error("the username {0:?} contains a space, a control character or ':'")]
    BadCharacter(String),
}

impl StaffUsername {
    pub fn parse(text: &str) -> Result<Self, UsernameError> {
        if text.is_empty() {
            return Err(UsernameError::Empty);
        }
        if text.chars().count() > MAX_USERNAME_CHARS {
            return Err(UsernameError::TooLong(text.to_owned()));
        }
        if text
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == ':')
        {
            return Err(UsernameError::BadCharacter(text.to_owned()));
        }
        Ok(StaffUsername(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for StaffUsername {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Microseconds since the Unix epoch, for the store.
pub fn now_micros() -> UnixMicros {
    UnixMicros(i64::try_from(unix_now()).map_or(i64::MAX, |s| s.saturating_mul(1_000_000)))
}

/// The signed-in staff member. As an extractor it redirects to the sign-in page when the
/// session has no staff principal (or the account was removed); the administration pages and
/// the API use [`crate::admin_access::StaffMember`], the same lookup with their own answer
/// (401 or the sign-in form with `?next=`).
#[derive(Debug, Clone)]
pub struct StaffUser {
    pub id: AccountId,
    pub username: String,
    pub is_operator: bool,
    /// The site-wide checkuser right ([`set_checkuser`]). For now it grants nothing beyond a
    /// plain signed-in staff account: no route asks for it yet.
    pub is_checkuser: bool,
}

impl StaffUser {
    /// Who acts, for the service layer and the audit log.
    pub fn actor(&self) -> crate::service::Actor {
        crate::service::Actor::Staff(self.id)
    }
}

/// Why a request has no [`StaffUser`].
#[derive(Debug)]
pub enum NoStaffUser {
    /// Nobody is signed in as staff (no session principal, a malformed account id, or an
    /// account removed since).
    SignedOut,
    /// The session or the account could not be read.
    Failed(AppError),
}

/// The one session-to-account lookup behind every staff extractor.
pub async fn staff_of_request(parts: &Parts, db: &Db) -> Result<StaffUser, NoStaffUser> {
    let session = parts
        .extensions
        .get::<Session>()
        .ok_or_else(|| NoStaffUser::Failed(AppError::internal("session middleware missing")))?;
    let Some(Principal::Staff { account }) = session.principal() else {
        return Err(NoStaffUser::SignedOut);
    };
    let Ok(id) = account.parse::<i64>().map(AccountId) else {
        tracing::warn!("a staff session names a malformed account id");
        return Err(NoStaffUser::SignedOut);
    };
    match db.account(id).await {
        Ok(row) => Ok(StaffUser {
            id: row.id,
            username: row.username,
            is_operator: row.is_operator,
            is_checkuser: row.is_checkuser,
        }),
        Err(urna_store::StoreError::NotFound { .. }) => Err(NoStaffUser::SignedOut),
        Err(error) => Err(NoStaffUser::Failed(AppError::internal(error))),
    }
}

impl FromRequestParts<AppState> for StaffUser {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        staff_of_request(parts, &state.db)
            .await
            .map_err(|missing| match missing {
                NoStaffUser::SignedOut => Redirect::to(SIGN_IN_PATH).into_response(),
                NoStaffUser::Failed(error) => error.into_response(),
            })
    }
}

/// `GET /staff/sign-in` and the form shown again after a failure.
#[derive(Debug, Template, WebTemplate)]
#[template(path = "staff_sign_in.html")]
pub struct StaffSignInPage {
    pub page: PageContext,
    pub csrf_token: String,
    pub error: Option<String>,
    /// The username typed, kept after a failure (never the password or code).
    pub username: String,
}

/// One election on the dashboard.
#[derive(Debug, Clone)]
pub struct DashboardElection {
    pub slug: String,
    pub state: String,
    /// Translated role names, joined.
    pub roles: String,
}

/// `GET /staff`
#[derive(Debug, Template, WebTemplate)]
#[template(path = "staff_dashboard.html")]
pub struct StaffDashboardPage {
    pub page: PageContext,
    pub csrf_token: String,
    pub username: String,
    pub is_operator: bool,
    pub elections: Vec<DashboardElection>,
}

fn csrf(session: &Session) -> AppResult<String> {
    Ok(session
        .csrf_token()
        .map_err(AppError::internal)?
        .expose()
        .to_owned())
}

/// `GET /staff/sign-in`
pub async fn sign_in_form(tr: Translator, session: Session, uri: Uri) -> AppResult<Response> {
    if matches!(session.principal(), Some(Principal::Staff { .. })) {
        return Ok(Redirect::to(DASHBOARD_PATH).into_response());
    }
    Ok(StaffSignInPage {
        page: PageContext::new(tr, uri.path()),
        csrf_token: csrf(&session)?,
        error: None,
        username: String::new(),
    }
    .into_response())
}

/// The sign-in form's fields (besides the CSRF token).
#[derive(Deserialize)]
pub struct StaffSignInForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    code: String,
}

impl fmt::Debug for StaffSignInForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StaffSignInForm")
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

/// A PHC hash of a random password, verified against when the username is unknown so that
/// unknown users cost as much time as known ones. Made once per process.
fn dummy_hash() -> AppResult<&'static str> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    if let Some(hash) = DUMMY.get() {
        return Ok(hash);
    }
    let random = crate::auth::random_bytes::<16>().map_err(AppError::internal)?;
    let password = Password::attempt(crate::auth::hex(&random)).map_err(AppError::internal)?;
    let hash = hash_password(&password).map_err(AppError::internal)?;
    Ok(DUMMY.get_or_init(|| hash))
}

/// What a sign-in attempt came to.
enum SignInOutcome {
    SignedIn(AccountRow),
    /// Refused; `account` is the existing account the username named, if any (for the audit).
    Refused {
        account: Option<AccountId>,
    },
}

/// Checks the three factors: signed in only if all hold and the code's time step was not used
/// before. Every attempt within the password length bound runs one Argon2 verification. The
/// TOTP secret is opened only once the password is right; a secret that does not open under
/// `key` (the wrong server key) is a server error, never a sign-in.
async fn authenticate(
    db: &Db,
    key: &ServerSecretKey,
    form: StaffSignInForm,
    now: u64,
) -> AppResult<SignInOutcome> {
    let account = match StaffUsername::parse(&form.username) {
        Ok(name) => db
            .account_by_username(name.as_str())
            .await
            .map_err(AppError::internal)?,
        Err(_) => None,
    };
    let stored_hash = match &account {
        Some(row) => row.password_hash.0.clone(),
        None => dummy_hash()?.to_owned(),
    };
    // Over-long passwords are refused without hashing: that reveals nothing about accounts.
    let attempt = Password::attempt(form.password).ok();
    let password_ok = tokio::task::spawn_blocking(move || {
        attempt.is_some_and(|password| verify_password(&password, &stored_hash).unwrap_or(false))
    })
    .await
    .map_err(AppError::internal)?;
    let Some(row) = account else {
        return Ok(SignInOutcome::Refused { account: None });
    };
    let refused = SignInOutcome::Refused {
        account: Some(row.id),
    };
    let (true, Some(sealed)) = (password_ok, &row.totp_secret) else {
        return Ok(refused);
    };
    let secret = TotpSecret::unseal(key, row.id, sealed).map_err(AppError::internal)?;
    let step = TotpCode::parse(&form.code)
        .ok()
        .and_then(|code| totp::verify(&secret, &code, now, None));
    let Some(step) = step else {
        return Ok(refused);
    };
    // The step is recorded atomically: of two sign-ins with one code, only one succeeds.
    if db
        .use_totp_step(row.id, step)
        .await
        .map_err(AppError::internal)?
    {
        Ok(SignInOutcome::SignedIn(row))
    } else {
        Ok(refused)
    }
}

async fn audit(db: &Db, actor: &str, action: &str, details: &Value) -> AppResult<()> {
    db.append_audit(NewAuditEntry {
        election: None,
        at: now_micros(),
        actor,
        action,
        details,
    })
    .await
    .map(|_| ())
    .map_err(AppError::internal)
}

/// `POST /staff/sign-in`: CSRF-checked, rate-limited per client address.
pub async fn sign_in(
    State(state): State<AppState>,
    tr: Translator,
    session: Session,
    uri: Uri,
    CsrfForm(form): CsrfForm<StaffSignInForm>,
) -> AppResult<Response> {
    let username = form.username.clone();
    let outcome = authenticate(&state.db, &state.server_key, form, unix_now()).await?;
    let known = match outcome {
        SignInOutcome::Refused { account } => account,
        SignInOutcome::SignedIn(account) => {
            if needs_rehash(&account.password_hash.0) {
                tracing::info!(account = %account.id, "password hash uses old parameters; it is upgraded at the next password change");
            }
            session
                .sign_in(Principal::Staff {
                    account: account.id.to_string(),
                })
                .map_err(AppError::internal)?;
            audit(
                &state.db,
                &format!("account:{}", account.id),
                "staff.sign-in",
                &json!({"username": account.username}),
            )
            .await?;
            tracing::info!(account = %account.id, "staff signed in");
            return Ok(Redirect::to(DASHBOARD_PATH).into_response());
        }
    };
    // Failures against an existing account are audited; attempts on unknown usernames are
    // not (what was typed as a username may be someone's password).
    if let Some(account) = known {
        audit(
            &state.db,
            &format!("account:{account}"),
            "staff.sign-in-failed",
            &json!({}),
        )
        .await?;
    }
    tracing::info!("staff sign-in refused");
    let page = StaffSignInPage {
        error: Some(tr.t("staff-sign-in-error")),
        page: PageContext::new(tr, uri.path()),
        csrf_token: csrf(&session)?,
        username,
    };
    let mut response = (StatusCode::UNAUTHORIZED, page).into_response();
    response.extensions_mut().insert(RenderedPage);
    Ok(response)
}

/// The sign-out form has only its CSRF token.
#[derive(Debug, Deserialize)]
pub struct SignOutForm {}

/// `POST /staff/sign-out`
pub async fn sign_out(
    State(state): State<AppState>,
    session: Session,
    CsrfForm(_form): CsrfForm<SignOutForm>,
) -> AppResult<Response> {
    if let Some(Principal::Staff { account }) = session.principal() {
        audit(
            &state.db,
            &format!("account:{account}"),
            "staff.sign-out",
            &json!({}),
        )
        .await?;
    }
    session.sign_out();
    Ok(Redirect::to(SIGN_IN_PATH).into_response())
}

/// Why a site operator could not be created, or stored TOTP secrets sealed.
#[derive(Debug, thiserror::Error)]
pub enum StaffAccountError {
    #[error("the username \"{0}\" is already taken")]
    UsernameTaken(String),
    #[error(transparent)]
    Password(#[from] crate::auth::password::PasswordError),
    #[error(transparent)]
    Totp(#[from] totp::TotpError),
    #[error(transparent)]
    Store(#[from] urna_store::StoreError),
    #[error("only a site operator may grant or withdraw the checkuser right; {0} is not one")]
    NotAnOperator(String),
}

/// Grants (`checkuser` true) or withdraws the site-wide checkuser right of `account`. Only a
/// site operator may; the change and its entry on the site audit chain
/// (`account.checkuser-granted` or `-withdrawn`) commit together.
pub async fn set_checkuser(
    db: &Db,
    by: &StaffUser,
    account: AccountId,
    checkuser: bool,
) -> Result<(), StaffAccountError> {
    if !by.is_operator {
        return Err(StaffAccountError::NotAnOperator(by.username.clone()));
    }
    let mut tx = db.begin_write().await?;
    tx.set_checkuser(account, checkuser).await?;
    let action = if checkuser {
        "account.checkuser-granted"
    } else {
        "account.checkuser-withdrawn"
    };
    tx.commit_audited(NewAuditEntry {
        election: None,
        at: now_micros(),
        actor: &format!("account:{}", by.id),
        action,
        details: &json!({"account": account.0}),
    })
    .await?;
    Ok(())
}

/// Creates a site operator with an Argon2 hash of `password` and a fresh TOTP secret, stored
/// sealed under `key` and returned to be shown once (`urna admin create-operator`). The
/// account, its secret and the audit entry (site chain, done by `actor`) commit together.
/// Refuses an existing username.
pub async fn create_operator(
    db: &Db,
    key: &ServerSecretKey,
    username: &StaffUsername,
    password: &Password,
    actor: &str,
) -> Result<(AccountId, TotpSecret), StaffAccountError> {
    // Checked first so that a taken name costs no Argon2 hash; the insert checks again.
    if db.account_by_username(username.as_str()).await?.is_some() {
        return Err(StaffAccountError::UsernameTaken(username.to_string()));
    }
    let hash = {
        let password = password.clone();
        tokio::task::spawn_blocking(move || hash_password(&password))
            .await
            .map_err(|e| crate::auth::password::PasswordError::Hashing(e.to_string()))??
    };
    let secret = TotpSecret::generate()?;
    let mut tx = db.begin_write().await?;
    let id = match tx
        .create_account(urna_store::NewAccount {
            username: username.as_str(),
            password_hash: &urna_store::PasswordHash(hash),
            is_operator: true,
            now: now_micros(),
        })
        .await
    {
        // Created by someone else between the check and the insert.
        Err(urna_store::StoreError::Duplicate { .. }) => {
            return Err(StaffAccountError::UsernameTaken(username.to_string()));
        }
        other => other?,
    };
    // Sealed with the id the insert gave: the associated data binds it to this row.
    tx.set_totp_secret(id, Some(&secret.seal(key, id)?)).await?;
    tx.commit_audited(NewAuditEntry {
        election: None,
        at: now_micros(),
        actor,
        action: "account.create-operator",
        details: &json!({"account": id.0, "username": username.as_str()}),
    })
    .await?;
    Ok((id, secret))
}

/// Seals the raw TOTP secrets left by versions before migration 0005, in one transaction
/// recorded on the site audit chain (`totp.seal-stored`, with the account ids); returns how
/// many were sealed. Run at every start (`Application::build_with_state`, `urna admin`):
/// after the first it finds nothing.
pub async fn seal_stored_totp_secrets(
    db: &Db,
    key: &ServerSecretKey,
) -> Result<usize, StaffAccountError> {
    // Read before the write begins (on in-memory SQLite the read pool is the writer).
    let raw = db.unsealed_totp_secrets().await?;
    if raw.is_empty() {
        return Ok(0);
    }
    let mut tx = db.begin_write().await?;
    let mut sealed = Vec::new();
    for (account, bytes) in raw {
        let secret = TotpSecret::from_bytes(bytes.0)?;
        if tx
            .seal_totp_secret(account, &secret.seal(key, account)?)
            .await?
        {
            sealed.push(account.0);
        }
    }
    if sealed.is_empty() {
        return Ok(0);
    }
    tx.commit_audited(NewAuditEntry {
        election: None,
        at: now_micros(),
        actor: "server",
        action: "totp.seal-stored",
        details: &json!({"accounts": sealed}),
    })
    .await?;
    tracing::info!(
        accounts = sealed.len(),
        "sealed stored TOTP secrets under the server key"
    );
    Ok(sealed.len())
}

/// Checks at start that the server key opens the stored TOTP secrets: a data directory moved
/// without its `secret.key` (a fresh key is then made) would otherwise show only as failing
/// staff sign-ins. Returns the account whose secret the key does not open.
pub async fn check_server_key_opens_totp_secrets(
    db: &Db,
    key: &ServerSecretKey,
) -> Result<(), StaffAccountError> {
    for account in db.accounts().await? {
        if let Some(sealed) = &account.totp_secret {
            TotpSecret::unseal(key, account.id, sealed)?;
        }
    }
    Ok(())
}

fn role_name(tr: &Translator, role: ElectionRole) -> String {
    match role {
        ElectionRole::Admin => tr.t("staff-role-admin"),
        ElectionRole::Scrutineer => tr.t("staff-role-scrutineer"),
        ElectionRole::Trustee => tr.t("staff-role-trustee"),
    }
}

/// `GET /staff`: the elections this staff member works on, with their roles (operators see
/// every election).
pub async fn dashboard(
    State(state): State<AppState>,
    staff: StaffUser,
    tr: Translator,
    session: Session,
    uri: Uri,
) -> AppResult<StaffDashboardPage> {
    let grants = state
        .db
        .roles_of_account(staff.id)
        .await
        .map_err(AppError::internal)?;
    let all = state.db.elections().await.map_err(AppError::internal)?;
    let elections = all
        .into_iter()
        .filter_map(|election| {
            let roles: Vec<String> = grants
                .iter()
                .filter(|g| g.election == election.id)
                .map(|g| role_name(&tr, g.role))
                .collect();
            let roles = if roles.is_empty() {
                if !staff.is_operator {
                    return None;
                }
                tr.t("staff-role-operator")
            } else {
                roles.join(", ")
            };
            Some(DashboardElection {
                slug: election.slug,
                state: election.state,
                roles,
            })
        })
        .collect();
    Ok(StaffDashboardPage {
        csrf_token: csrf(&session)?,
        page: PageContext::new(tr, uri.path()),
        username: staff.username,
        is_operator: staff.is_operator,
        elections,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_checked() {
        assert_eq!(
            StaffUsername::parse("ann").map(|u| u.0),
            Ok("ann".to_owned())
        );
        assert_eq!(
            StaffUsername::parse("Żaneta.K").map(|u| u.to_string()),
            Ok("Żaneta.K".to_owned())
        );
        assert_eq!(StaffUsername::parse(""), Err(UsernameError::Empty));
        assert!(matches!(
            StaffUsername::parse("ann smith"),
            Err(UsernameError::BadCharacter(_))
        ));
        assert!(matches!(
            StaffUsername::parse("ann:x"),
            Err(UsernameError::BadCharacter(_))
        ));
        assert!(matches!(
            StaffUsername::parse("a\u{7}"),
            Err(UsernameError::BadCharacter(_))
        ));
        assert!(matches!(
            StaffUsername::parse(&"a".repeat(65)),
            Err(UsernameError::TooLong(_))
        ));
        assert!(StaffUsername::parse(&"a".repeat(64)).is_ok());
    }

    #[test]
    fn the_sign_in_form_never_prints_the_password_or_code() {
        let form = StaffSignInForm {
            username: "ann".to_owned(),
            password: "hunter2hunter2".to_owned(),
            code: "123456".to_owned(),
        };
        let printed = format!("{form:?}");
        assert!(
            !printed.contains("hunter2") && !printed.contains("123456"),
            "{printed}"
        );
    }
}
