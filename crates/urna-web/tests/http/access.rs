//! Who may do what: every route of [`ROUTES`] (each method, web pages and `/api/v1`) against
//! every role, with the exact outcome expected of each pair. The table below is the access
//! policy written out as data, one row per method and path; a route without a row (or a row
//! without a route) fails the test, so a new route cannot ship without its decision here.
//!
//! The policy the rows follow (`admin_access.rs`, ARCHITECTURE.md):
//! - public pages (home, sign-in forms, election page, board, record, results once
//!   published) answer everyone alike;
//! - a ballot belongs to a voter signed in with a link of *this* election, and to nobody else
//!   (staff included: a staff session is not a voting link);
//! - administration needs a staff session: pages redirect the others to the staff sign-in
//!   with `?next=`, the API answers 401; then the election's roles decide (watchers: admin,
//!   scrutineer; running it: admin; key ceremony and decryption: admin, trustee), 403 for the
//!   rest; site operators pass every role check; creating elections is for operators only;
//! - a checkuser is a site-wide staff right that adds one thing to a watcher of an election
//!   (admin, scrutineer, operator): the raw addresses and user agents of its voters'
//!   submissions (`…/scrutiny/checkuser`). Alone it opens no election, and a watcher without
//!   it is refused there: the row's checkuser holds no election role, and the other staff
//!   rows are not checkusers, so every one of them gets 403 (tests/http/scrutiny.rs shows a
//!   watcher with the right getting through).
//!
//! Every request carries what the role's browser would have: a session (a fresh one per
//! request, so a sign-out or sign-in by one row cannot disturb the next) with its CSRF token
//! in the form or the `X-CSRF-Token` header, and `Sec-Fetch-Site: same-origin`. So the outcome
//! checked is the access decision, never the CSRF check: a 403 that is a CSRF refusal fails
//! the test. Bodies are empty forms or `{}`: whoever passes the guard then meets the
//! handler's own answer to that input (422 for input it cannot use, 409 for a state that does
//! not allow the act), which the rows name too; a role that is refused gets its refusal
//! whatever the body, since the guard runs before the body is read.

use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use jiff::Timestamp;
use urna_store::{AccountId, ElectionRole, NewAccount, PasswordHash, UnixMicros, VoterId};
use urna_web::app::ROUTES;
use urna_web::auth::session::{CsrfToken, Principal, SessionId, SessionRecord, unix_now};
use urna_web::service::{Actor, board, elections};
use urna_web::staff::{StaffAccountError, StaffUser, set_checkuser};

use crate::helpers::{TestApp, TestResponse};
use crate::staff_support::random_hex;
use crate::verifiable_vote::open_election;
use crate::voter::link_binding_of;

/// The roles, in the order of each row's expectations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Anonymous,
    VoterHere,
    VoterElsewhere,
    Admin,
    Scrutineer,
    Trustee,
    Operator,
    Checkuser,
}

const ROLES: [Role; 8] = [
    Role::Anonymous,
    Role::VoterHere,
    Role::VoterElsewhere,
    Role::Admin,
    Role::Scrutineer,
    Role::Trustee,
    Role::Operator,
    Role::Checkuser,
];

/// What a request must get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// 2xx: allowed, and the handler answered.
    Ok,
    /// 303 to `/staff/sign-in?next=<the requested path>`.
    SignIn,
    /// 303 to exactly this place.
    To(&'static str),
    /// 401 with a problem document (the API's "sign in first").
    Unauthorized,
    /// 403, and not a CSRF refusal.
    Forbidden,
    /// 404.
    NotFound,
    /// 409: allowed, but the election's state does not allow the act.
    Conflict,
    /// 422: allowed, but the (empty) input cannot be used.
    Unusable,
    /// 400: a request no handler can read (a sign-in form without its provider, a callback
    /// without its `state`).
    BadRequest,
}

use Expect::{BadRequest, Conflict, Forbidden, NotFound, SignIn, To, Unauthorized, Unusable};

/// The same answer for every role.
const fn everyone(e: Expect) -> [Expect; 8] {
    [e; 8]
}

/// Staff only: `outsider` for the anonymous visitor and both voters, `staff` for every staff
/// account.
const fn any_staff(outsider: Expect, staff: Expect) -> [Expect; 8] {
    [
        outsider, outsider, outsider, staff, staff, staff, staff, staff,
    ]
}

/// The election's watchers (admin, scrutineer) and operators get `pass`.
const fn watchers(outsider: Expect, pass: Expect) -> [Expect; 8] {
    [
        outsider, outsider, outsider, pass, pass, Forbidden, pass, Forbidden,
    ]
}

/// The election's admin and operators get `pass`.
const fn admins(outsider: Expect, pass: Expect) -> [Expect; 8] {
    [
        outsider, outsider, outsider, pass, Forbidden, Forbidden, pass, Forbidden,
    ]
}

/// The key ceremony's people (admin, trustee) and operators get `pass`.
const fn ceremony(outsider: Expect, pass: Expect) -> [Expect; 8] {
    [
        outsider, outsider, outsider, pass, Forbidden, pass, pass, Forbidden,
    ]
}

/// Site operators only.
const fn operators(outsider: Expect, pass: Expect) -> [Expect; 8] {
    [
        outsider, outsider, outsider, Forbidden, Forbidden, Forbidden, pass, Forbidden,
    ]
}

/// Watchers holding the checkuser right only; in this table nobody is both (see the module
/// documentation), so every staff member is refused.
const fn checkusers(outsider: Expect) -> [Expect; 8] {
    [
        outsider, outsider, outsider, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden,
    ]
}

/// Only the voter of this election gets `pass`; everyone else is refused.
const fn this_voter(pass: Expect) -> [Expect; 8] {
    [
        Forbidden, pass, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden,
    ]
}

/// One row: method, the route's path as in `ROUTES`, and the outcome per role (order of
/// [`ROLES`]).
struct Row {
    method: &'static str,
    path: &'static str,
    expect: [Expect; 8],
}

const fn row(method: &'static str, path: &'static str, expect: [Expect; 8]) -> Row {
    Row {
        method,
        path,
        expect,
    }
}

/// The election every row is about ("alpha": open, verifiable, so it has a public board; a
/// plurality question "mascot" and an approval question "logo"), and the one the other voter
/// belongs to (alike).
const HERE: &str = "alpha";
const ELSEWHERE: &str = "beta";

const STAFF_HOME: Expect = To("/staff");
const STAFF_SIGN_IN: Expect = To("/staff/sign-in");

#[rustfmt::skip]
const TABLE: &[Row] = &[
    // Public pages.
    row("GET", "/", everyone(Expect::Ok)),
    row("GET", "/vote", everyone(Expect::Ok)),
    // An empty voting link: the form says so, whoever sends it.
    row("POST", "/vote", everyone(Unusable)),
    row("GET", "/healthz", everyone(Expect::Ok)),
    row("GET", "/api/openapi.json", everyone(Expect::Ok)),
    row("GET", "/static/{file}", everyone(Expect::Ok)),
    // Staff sign-in: a signed-in staff member is sent to the dashboard instead of the form.
    row("GET", "/staff/sign-in", any_staff(Expect::Ok, STAFF_HOME)),
    // Empty username and password: refused like any wrong sign-in.
    row("POST", "/staff/sign-in", everyone(Unauthorized)),
    row("POST", "/staff/sign-out", everyone(STAFF_SIGN_IN)),
    row("GET", "/staff", any_staff(STAFF_SIGN_IN, Expect::Ok)),
    // Administration pages.
    row("GET", "/admin/elections", any_staff(SignIn, Expect::Ok)),
    row("POST", "/admin/elections", operators(SignIn, Unusable)),
    // The overview is the trustees' page too (their key-ceremony files); turnout and the
    // audit log on it are for watchers only.
    row("GET", "/admin/elections/{slug}", [SignIn, SignIn, SignIn, Expect::Ok, Expect::Ok, Expect::Ok, Expect::Ok, Forbidden]),
    row("POST", "/admin/elections/{slug}/actions", admins(SignIn, Unusable)),
    row("POST", "/admin/elections/{slug}/voters", admins(SignIn, Unusable)),
    row("POST", "/admin/elections/{slug}/voters/link", admins(SignIn, Unusable)),
    row("POST", "/admin/elections/{slug}/trustees/setup", admins(SignIn, Unusable)),
    row("GET", "/admin/elections/{slug}/trustees/setup.json", ceremony(SignIn, Expect::Ok)),
    row("GET", "/admin/elections/{slug}/trustees/round1/{trustee}", ceremony(SignIn, Expect::Ok)),
    row("POST", "/admin/elections/{slug}/trustees/upload", ceremony(SignIn, Unusable)),
    // Open, so not frozen yet.
    row("GET", "/admin/elections/{slug}/ballots.json", ceremony(SignIn, Conflict)),
    row("POST", "/admin/elections/{slug}/strike", admins(SignIn, Unusable)),
    row("POST", "/admin/elections/{slug}/extend", admins(SignIn, Unusable)),
    // No `?question=`: no such question.
    row("GET", "/admin/elections/{slug}/withdraw", admins(SignIn, NotFound)),
    row("POST", "/admin/elections/{slug}/withdraw", admins(SignIn, Unusable)),
    row("GET", "/admin/elections/{slug}/audit", watchers(SignIn, Expect::Ok)),
    row("GET", "/admin/elections/{slug}/audit.jsonl", watchers(SignIn, Expect::Ok)),
    row("GET", "/admin/elections/{slug}/mail", watchers(SignIn, Expect::Ok)),
    // --- eligibility from wiki data (wikielig branch): no rules set, so nothing to fill ---
    row("GET", "/admin/elections/{slug}/eligibility", watchers(SignIn, Expect::Ok)),
    row("POST", "/admin/elections/{slug}/eligibility/fill", admins(SignIn, Unusable)),
    // --- end eligibility from wiki data ---
    // No `[smtp]` section in the test configuration: sending answers 409.
    row("POST", "/admin/elections/{slug}/mail/links", admins(SignIn, Conflict)),
    row("POST", "/admin/elections/{slug}/mail/notices/retry", admins(SignIn, Conflict)),
    row("GET", "/admin/new-election", operators(SignIn, Expect::Ok)),
    row("POST", "/admin/new-election", operators(SignIn, Unusable)),
    // Only a draft can be changed (alpha is open): the page shows the form, saving is refused.
    row("GET", "/admin/elections/{slug}/edit", admins(SignIn, Expect::Ok)),
    row("POST", "/admin/elections/{slug}/edit", admins(SignIn, Conflict)),
    // The JSON API.
    row("GET", "/api/v1/session", any_staff(Unauthorized, Expect::Ok)),
    row("GET", "/api/v1/elections", any_staff(Unauthorized, Expect::Ok)),
    row("POST", "/api/v1/elections", operators(Unauthorized, Unusable)),
    row("GET", "/api/v1/elections/{slug}", watchers(Unauthorized, Expect::Ok)),
    row("POST", "/api/v1/elections/{slug}/actions", admins(Unauthorized, Unusable)),
    row("POST", "/api/v1/elections/{slug}/voters", admins(Unauthorized, Unusable)),
    row("POST", "/api/v1/elections/{slug}/voters/link", admins(Unauthorized, Unusable)),
    row("GET", "/api/v1/elections/{slug}/trustees/setup", ceremony(Unauthorized, Expect::Ok)),
    row("POST", "/api/v1/elections/{slug}/trustees/setup", admins(Unauthorized, Unusable)),
    row("GET", "/api/v1/elections/{slug}/trustees/round1", ceremony(Unauthorized, Expect::Ok)),
    row("POST", "/api/v1/elections/{slug}/trustees/round1", ceremony(Unauthorized, Unusable)),
    row("POST", "/api/v1/elections/{slug}/trustees/round2", ceremony(Unauthorized, Unusable)),
    row("POST", "/api/v1/elections/{slug}/trustees/shares", ceremony(Unauthorized, Unusable)),
    row("POST", "/api/v1/elections/{slug}/trustees/tally", ceremony(Unauthorized, Unusable)),
    // --- mixnet elections (issue 5) ---
    row("POST", "/api/v1/elections/{slug}/trustees/shuffle", ceremony(Unauthorized, Unusable)),
    row("POST", "/api/v1/elections/{slug}/trustees/mix-decryption", ceremony(Unauthorized, Unusable)),
    // --- end mixnet elections ---
    row("GET", "/api/v1/elections/{slug}/ballots", ceremony(Unauthorized, Conflict)),
    row("POST", "/api/v1/elections/{slug}/strike", admins(Unauthorized, Unusable)),
    row("POST", "/api/v1/elections/{slug}/extend", admins(Unauthorized, Unusable)),
    // `?question=mascot&candidate=owl`: the preview.
    row("GET", "/api/v1/elections/{slug}/withdraw", admins(Unauthorized, Expect::Ok)),
    row("POST", "/api/v1/elections/{slug}/withdraw", admins(Unauthorized, Unusable)),
    row("GET", "/api/v1/elections/{slug}/audit", watchers(Unauthorized, Expect::Ok)),
    row("GET", "/api/v1/elections/{slug}/audit.jsonl", watchers(Unauthorized, Expect::Ok)),
    row("GET", "/api/v1/elections/{slug}/mail", watchers(Unauthorized, Expect::Ok)),
    row("POST", "/api/v1/elections/{slug}/mail/links", admins(Unauthorized, Conflict)),
    row("POST", "/api/v1/elections/{slug}/mail/notices/retry", admins(Unauthorized, Conflict)),
    // Reminders and the turnout tracker (notify branch). Empty input: no time before the
    // end (422), no reminder named (422); an empty quorum removes it (allowed).
    row("POST", "/admin/elections/{slug}/mail/reminders", admins(SignIn, Unusable)),
    row("POST", "/admin/elections/{slug}/mail/reminders/delete", admins(SignIn, Unusable)),
    row("GET", "/admin/elections/{slug}/turnout", watchers(SignIn, Expect::Ok)),
    row("POST", "/admin/elections/{slug}/turnout/quorum", admins(SignIn, To("/admin/elections/alpha/turnout"))),
    row("GET", "/api/v1/elections/{slug}/reminders", watchers(Unauthorized, Expect::Ok)),
    row("POST", "/api/v1/elections/{slug}/reminders", admins(Unauthorized, Unusable)),
    row("POST", "/api/v1/elections/{slug}/reminders/delete", admins(Unauthorized, Unusable)),
    row("GET", "/api/v1/elections/{slug}/turnout", watchers(Unauthorized, Expect::Ok)),
    row("POST", "/api/v1/elections/{slug}/turnout/quorum", admins(Unauthorized, Expect::Ok)),
    // The voter's pages.
    row("GET", "/elections/{slug}", everyone(Expect::Ok)),
    row("GET", "/elections/{slug}/ballot", this_voter(Expect::Ok)),
    // A filled-in ballot: the confirmation page (nothing is stored by a review).
    row("POST", "/elections/{slug}/ballot/review", this_voter(Expect::Ok)),
    // `action=change`: the ballot page again, nothing cast.
    row("POST", "/elections/{slug}/ballot/cast", this_voter(Expect::Ok)),
    // No `ballot` field.
    row("POST", "/elections/{slug}/ballot/cast-encrypted", this_voter(Unusable)),
    // Not published yet: no results for anybody.
    row("GET", "/elections/{slug}/results", everyone(NotFound)),
    row("GET", "/elections/{slug}/results/{question}/ballots.blt", everyone(NotFound)),
    row("GET", "/elections/{slug}/results/{question}/ballots.csv", everyone(NotFound)),
    // --- eligibility from wiki data (wikielig branch): public; an empty account is unusable ---
    row("GET", "/elections/{slug}/eligibility", everyone(Expect::Ok)),
    row("POST", "/elections/{slug}/eligibility", everyone(Unusable)),
    // --- end eligibility from wiki data ---
    // The public board.
    row("GET", "/elections/{slug}/board", everyone(Expect::Ok)),
    row("GET", "/elections/{slug}/record.jsonl", everyone(Expect::Ok)),
    row("GET", "/api/v1/elections/{slug}/record", everyone(Expect::Ok)),
    // A well-formed tracker (64 hex digits) of no ballot.
    row("GET", "/api/v1/elections/{slug}/board/receipt/{tracker}", everyone(NotFound)),
    row("GET", "/api/v1/elections/{slug}/board/consistency", everyone(Expect::Ok)),
    // --- safe changes while voting runs (live branch) ---
    row("GET", "/admin/elections/{slug}/live", admins(SignIn, Expect::Ok)),
    // An empty form names no change; an empty confirm form carries no change to read.
    row("POST", "/admin/elections/{slug}/live/preview", admins(SignIn, Unusable)),
    row("POST", "/admin/elections/{slug}/live/confirm", admins(SignIn, Unusable)),
    // `{}` names no change.
    row("POST", "/api/v1/elections/{slug}/live/preview", admins(Unauthorized, Unusable)),
    row("POST", "/api/v1/elections/{slug}/live/confirm", admins(Unauthorized, Unusable)),
    // --- end safe changes while voting runs ---
    // --- scrutiny and purge (scrutiny branch) ---
    row("GET", "/admin/elections/{slug}/scrutiny", watchers(SignIn, Expect::Ok)),
    // No voter checked: nothing to strike.
    row("POST", "/admin/elections/{slug}/scrutiny/strike", watchers(SignIn, Unusable)),
    row("GET", "/admin/elections/{slug}/scrutiny/checkuser", checkusers(SignIn)),
    row("POST", "/admin/elections/{slug}/scrutiny/checkuser", checkusers(SignIn)),
    row("GET", "/admin/elections/{slug}/scrutiny/views", watchers(SignIn, Expect::Ok)),
    // Alpha is open: its private data cannot be purged yet.
    row("POST", "/admin/elections/{slug}/purge", admins(SignIn, Unusable)),
    row("GET", "/api/v1/elections/{slug}/scrutiny/clusters", watchers(Unauthorized, Expect::Ok)),
    row("POST", "/api/v1/elections/{slug}/scrutiny/strike", watchers(Unauthorized, Unusable)),
    row("POST", "/api/v1/elections/{slug}/scrutiny/checkuser", checkusers(Unauthorized)),
    row("GET", "/api/v1/elections/{slug}/scrutiny/views", watchers(Unauthorized, Expect::Ok)),
    row("POST", "/api/v1/elections/{slug}/purge", admins(Unauthorized, Unusable)),
    // --- end scrutiny and purge ---
    // --- rehearsal (issue 7) ---
    // Alpha is open: too late to rehearse. It has no rehearsal 1.
    row("POST", "/admin/elections/{slug}/rehearse", admins(SignIn, Conflict)),
    row("GET", "/admin/elections/{slug}/rehearsals/{job}", watchers(SignIn, NotFound)),
    row("POST", "/api/v1/elections/{slug}/rehearsals", admins(Unauthorized, Conflict)),
    row("GET", "/api/v1/elections/{slug}/rehearsals/{job}", watchers(Unauthorized, NotFound)),
    // --- end rehearsal ---
    // --- voter sign-in through wikis and OpenID Connect (signin branch) ---
    // The sign-in page is public; the form without a provider cannot be read.
    row("GET", "/elections/{slug}/sign-in", everyone(Expect::Ok)),
    row("POST", "/elections/{slug}/sign-in", everyone(BadRequest)),
    // No `state`: no attempt to finish, whoever comes back.
    row("GET", "/sign-in/callback", everyone(BadRequest)),
    row("GET", "/admin/elections/{slug}/sign-in", admins(SignIn, Expect::Ok)),
    // No provider ticked: at least one is needed.
    row("POST", "/admin/elections/{slug}/sign-in", admins(SignIn, Unusable)),
    row("GET", "/api/v1/elections/{slug}/sign-in", admins(Unauthorized, Expect::Ok)),
    // `{}`: no `providers`.
    row("POST", "/api/v1/elections/{slug}/sign-in", admins(Unauthorized, Unusable)),
    // --- end voter sign-in ---
];

/// The request path for a route: its parameters filled for election alpha, and the sample
/// path's query (the withdrawal preview and the consistency proof need one).
fn concrete_path(route_path: &str, sample_path: &str) -> String {
    let path = route_path
        .replace("{slug}", HERE)
        .replace("{file}", "urna.css")
        .replace("{trustee}", "1")
        .replace("{question}", "mascot")
        .replace("{tracker}", &"ab".repeat(32))
        .replace("{job}", "1");
    if route_path.ends_with("/withdraw") && route_path.starts_with("/api/") {
        // The sample's question and candidate are placeholders; alpha's are these.
        return format!("{path}?question=mascot&candidate=owl");
    }
    match sample_path.split_once('?') {
        Some((_, query)) => format!("{path}?{query}"),
        None => path,
    }
}

/// The body a form or an API call sends: what makes the handler's answer deterministic.
fn form_body(path: &str, csrf: &str) -> String {
    if path.ends_with("/ballot/cast") {
        format!("csrf_token={csrf}&action=change")
    } else if path.ends_with("/ballot/review") {
        format!("csrf_token={csrf}&choice.mascot=box&approve.logo=red")
    } else {
        format!("csrf_token={csrf}")
    }
}

/// The people of the test: staff accounts with their grants, and the two voters.
struct Cast {
    voter_here: VoterId,
    voter_elsewhere: VoterId,
    admin: AccountId,
    scrutineer: AccountId,
    trustee: AccountId,
    operator: AccountId,
    checkuser: AccountId,
}

async fn account(app: &TestApp, name: &str, operator: bool) -> AccountId {
    app.db
        .create_account(NewAccount {
            username: name,
            password_hash: &PasswordHash("$argon2id$stand-in".into()),
            is_operator: operator,
            now: UnixMicros(0),
        })
        .await
        .expect("account")
}

async fn seed(app: &TestApp) -> Cast {
    let here = open_election(&app.db, HERE).await;
    let elsewhere = open_election(&app.db, ELSEWHERE).await;
    // The board's publisher, as `urna serve` runs it: the record starts with the set-up.
    board::publish_all(&app.db, &app.server_key)
        .await
        .expect("boards published");
    let admin = account(app, "ada", false).await;
    let scrutineer = account(app, "sam", false).await;
    let trustee = account(app, "tess", false).await;
    let operator = account(app, "otto", true).await;
    let checkuser = account(app, "cleo", false).await;
    for (who, role) in [
        (admin, ElectionRole::Admin),
        (scrutineer, ElectionRole::Scrutineer),
        (trustee, ElectionRole::Trustee),
    ] {
        elections::grant_role(&app.db, HERE, who, role, Actor::System, Timestamp::now())
            .await
            .expect("role granted");
    }
    grant_checkuser(app, operator, checkuser).await;
    Cast {
        voter_here: here[0],
        voter_elsewhere: elsewhere[0],
        admin,
        scrutineer,
        trustee,
        operator,
        checkuser,
    }
}

/// The staff member `id` as the staff extractor reads them.
async fn staff_user(app: &TestApp, id: AccountId) -> StaffUser {
    let row = app.db.account(id).await.expect("account");
    StaffUser {
        id,
        username: row.username,
        is_operator: row.is_operator,
        is_checkuser: row.is_checkuser,
    }
}

async fn grant_checkuser(app: &TestApp, operator: AccountId, account: AccountId) {
    let by = staff_user(app, operator).await;
    set_checkuser(&app.db, &by, account, true)
        .await
        .expect("an operator grants the checkuser right");
}

/// A fresh browser session of `role`: the cookie header and the CSRF token.
async fn browser(app: &TestApp, cast: &Cast, role: Role) -> (String, String) {
    let staff = |id: AccountId| {
        Some(Principal::Staff {
            account: id.to_string(),
        })
    };
    let principal = match role {
        Role::Anonymous => None,
        Role::VoterHere => Some(Principal::Voter {
            election: HERE.to_owned(),
            voter: cast.voter_here.to_string(),
            link: link_binding_of(&app.db, cast.voter_here).await,
        }),
        Role::VoterElsewhere => Some(Principal::Voter {
            election: ELSEWHERE.to_owned(),
            voter: cast.voter_elsewhere.to_string(),
            link: link_binding_of(&app.db, cast.voter_elsewhere).await,
        }),
        Role::Admin => staff(cast.admin),
        Role::Scrutineer => staff(cast.scrutineer),
        Role::Trustee => staff(cast.trustee),
        Role::Operator => staff(cast.operator),
        Role::Checkuser => staff(cast.checkuser),
    };
    let cookie = random_hex();
    let csrf = random_hex();
    let id = SessionId::parse(&cookie).expect("64 hex digits");
    app.sessions
        .save(
            &id.key(),
            &SessionRecord {
                csrf_token: CsrfToken::from_stored(csrf.clone()),
                principal,
                expires_at: unix_now() + 3600,
            },
        )
        .await
        .expect("session saved");
    (format!("urna_session={cookie}"), csrf)
}

async fn send(app: &TestApp, method: &str, path: &str, cookie: &str, csrf: &str) -> TestResponse {
    let api = path.starts_with("/api/");
    let mut request = Request::builder()
        .method(Method::from_bytes(method.as_bytes()).expect("method"))
        .uri(path)
        .header(header::COOKIE, cookie)
        .header("sec-fetch-site", "same-origin");
    let body = match (method, api) {
        ("POST", true) => {
            request = request
                .header(header::CONTENT_TYPE, "application/json")
                .header("x-csrf-token", csrf);
            Body::from("{}")
        }
        ("POST", false) => {
            request = request.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
            Body::from(form_body(path, csrf))
        }
        _ => Body::empty(),
    };
    app.request(request.body(body).expect("valid request"))
        .await
}

/// Whether `response` is what `expect` says for a request of `path`; the reason if not.
fn judge(expect: Expect, path: &str, response: &TestResponse) -> Result<(), String> {
    let status = response.status;
    let location = response.header("location");
    let csrf_refusal = response.body.contains("This form could not be accepted")
        || response.body.contains("urn:urna:problem:admin-csrf");
    let fits = match expect {
        Expect::Ok => status.is_success(),
        SignIn => {
            let bare = path.split('?').next().unwrap_or(path);
            status == StatusCode::SEE_OTHER
                && location == Some(&format!("/staff/sign-in?next={bare}"))
        }
        To(target) => status == StatusCode::SEE_OTHER && location == Some(target),
        Unauthorized => status == StatusCode::UNAUTHORIZED,
        Forbidden => status == StatusCode::FORBIDDEN && !csrf_refusal,
        NotFound => status == StatusCode::NOT_FOUND,
        Conflict => status == StatusCode::CONFLICT,
        Unusable => status == StatusCode::UNPROCESSABLE_ENTITY,
        BadRequest => status == StatusCode::BAD_REQUEST,
    };
    if fits {
        Ok(())
    } else {
        // The message is enough to see why: the page's <title> or the problem's detail.
        let body = response
            .body
            .split("<title>")
            .nth(1)
            .and_then(|t| t.split('<').next())
            .unwrap_or(&response.body);
        let body: String = body.chars().take(160).collect();
        Err(format!(
            "expected {expect:?}, got {status} (location {location:?}, CSRF refusal: \
             {csrf_refusal}): {body}"
        ))
    }
}

#[test]
fn every_route_has_exactly_one_row() {
    let served: BTreeSet<(&str, &str)> = ROUTES
        .iter()
        .flat_map(|r| r.methods.iter().map(move |m| (*m, r.path)))
        .collect();
    let mut rows = BTreeSet::new();
    for r in TABLE {
        assert!(
            rows.insert((r.method, r.path)),
            "two rows for {} {}",
            r.method,
            r.path
        );
    }
    let missing: Vec<_> = served.difference(&rows).collect();
    assert!(
        missing.is_empty(),
        "routes without a row in the access table: {missing:?}"
    );
    let stale: Vec<_> = rows.difference(&served).collect();
    assert!(
        stale.is_empty(),
        "rows for routes that do not exist: {stale:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_answers_every_role_as_the_table_says() {
    let app = TestApp::builder()
        // Dozens of sign-in and voting requests from one address: the limiter has its own
        // test (rate_limit.rs) and would answer 429 here.
        .with_config(|c| c.rate_limit.enabled = false)
        .build()
        .await;
    let cast = seed(&app).await;
    let mut failures = Vec::new();
    let mut checked = 0;
    for route in ROUTES {
        for method in route.methods {
            let Some(row) = TABLE
                .iter()
                .find(|r| r.method == *method && r.path == route.path)
            else {
                failures.push(format!("{method} {}: no row", route.path));
                continue;
            };
            let path = concrete_path(route.path, route.sample_path);
            for (role, expect) in ROLES.iter().zip(row.expect) {
                let (cookie, csrf) = browser(&app, &cast, *role).await;
                let response = send(&app, method, &path, &cookie, &csrf).await;
                if let Err(why) = judge(expect, &path, &response) {
                    failures.push(format!("{method} {path} as {role:?}: {why}"));
                }
                checked += 1;
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} pairs differ from the table:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // 8 roles × every method of every route.
    let pairs: usize = ROUTES.iter().map(|r| r.methods.len()).sum();
    assert_eq!(checked, pairs * ROLES.len());
}

#[tokio::test]
async fn only_an_operator_grants_the_checkuser_right_and_it_is_logged() {
    let app = TestApp::new().await;
    let operator = account(&app, "otto", true).await;
    let admin = account(&app, "ada", false).await;
    let cleo = account(&app, "cleo", false).await;
    assert!(
        !staff_user(&app, cleo).await.is_checkuser,
        "off for a new account"
    );

    // A staff member who is not an operator cannot grant it, not even to themself.
    let by_admin = staff_user(&app, admin).await;
    for target in [cleo, admin] {
        let refused = set_checkuser(&app.db, &by_admin, target, true).await;
        assert!(
            matches!(refused, Err(StaffAccountError::NotAnOperator(ref who)) if who == "ada"),
            "{refused:?}"
        );
        assert!(!staff_user(&app, target).await.is_checkuser);
    }

    grant_checkuser(&app, operator, cleo).await;
    assert!(staff_user(&app, cleo).await.is_checkuser);
    let by_operator = staff_user(&app, operator).await;
    set_checkuser(&app.db, &by_operator, cleo, false)
        .await
        .expect("withdrawn");
    assert!(!staff_user(&app, cleo).await.is_checkuser);

    // Both acts are on the site's audit chain, naming the operator and the account; the
    // refused ones are not.
    let log = app.db.audit_log(None).await.expect("site chain");
    let acts: Vec<(&str, &str, &str)> = log
        .iter()
        .map(|e| (e.actor.as_str(), e.action.as_str(), e.details.as_str()))
        .collect();
    let details = format!("{{\"account\":{}}}", cleo.0);
    let by = format!("account:{}", operator.0);
    assert_eq!(
        acts,
        [
            (by.as_str(), "account.checkuser-granted", details.as_str()),
            (by.as_str(), "account.checkuser-withdrawn", details.as_str()),
        ]
    );
}
