//! Staff sign-in (password + TOTP) and voter sign-in with voting links, against a real SQLite
//! database per test: the operator is created with the same function `urna admin
//! create-operator` uses, codes are computed from the secret with the crate's RFC 6238 code.

use axum::http::StatusCode;
use urna_core::token::VotingToken;
use urna_store::{ElectionRole, NewAccount, NewElection, NewVoter, PasswordHash, UnixMicros};
use urna_web::auth::db_voting_links::stored_token_hash;
use urna_web::auth::password::Password;
use urna_web::auth::session::unix_now;
use urna_web::auth::totp::{self, TotpSecret};
use urna_web::staff::{StaffUsername, create_operator};

use crate::helpers::{TestApp, TestResponse};

const PASSWORD: &str = "correct horse battery staple";
const FAILURE: &str = "The username, password or code is not correct.";
const T0: UnixMicros = UnixMicros(1_780_000_000_000_000);

async fn operator(app: &TestApp, name: &str) -> TotpSecret {
    let password = Password::new(PASSWORD.to_owned()).expect("long enough");
    let username = StaffUsername::parse(name).expect("valid username");
    let (_, secret) = create_operator(&app.db, &app.server_key, &username, &password, "test")
        .await
        .expect("operator created");
    secret
}

/// The code an authenticator shows now (RFC 6238, 6 digits, 30 s steps).
fn code_now(secret: &TotpSecret) -> String {
    totp::totp(secret.expose_bytes(), unix_now(), totp::DIGITS)
}

/// A code that is certainly wrong now: the current one with its last digit changed.
fn wrong_code(secret: &TotpSecret) -> String {
    let mut code = code_now(secret);
    let last = if code.ends_with('0') { "1" } else { "0" };
    code.replace_range(5.., last);
    code
}

struct Browser {
    cookie: String,
    csrf: String,
}

impl Browser {
    fn header(&self) -> String {
        format!("urna_session={}", self.cookie)
    }
}

async fn open_staff_form(app: &TestApp) -> Browser {
    let page = app.get("/staff/sign-in").await;
    assert_eq!(page.status, 200, "{}", page.body);
    Browser {
        cookie: page.session_cookie().expect("the form creates a session"),
        csrf: page.csrf_token(),
    }
}

async fn staff_sign_in(
    app: &TestApp,
    browser: &Browser,
    username: &str,
    password: &str,
    code: &str,
) -> TestResponse {
    let body = format!(
        "csrf_token={}&username={username}&password={}&code={code}",
        browser.csrf,
        password.replace(' ', "+")
    );
    app.post_form("/staff/sign-in", &body, &[("cookie", &browser.header())])
        .await
}

#[tokio::test]
async fn operator_signs_in_with_the_right_code_and_sees_the_dashboard() {
    let app = TestApp::new().await;
    let secret = operator(&app, "ada").await;
    app.db
        .create_election(NewElection {
            slug: "board-2026",
            definition: &serde_json::json!({"questions": []}),
            state: "draft",
            now: T0,
        })
        .await
        .expect("election");

    let browser = open_staff_form(&app).await;
    let response = staff_sign_in(&app, &browser, "ada", PASSWORD, &code_now(&secret)).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    assert_eq!(response.header("location"), Some("/staff"));
    let cookie = response.session_cookie().expect("a new session");
    assert_ne!(
        cookie, browser.cookie,
        "the session id is rotated at sign-in"
    );

    let dashboard = app
        .get_with("/staff", &[("cookie", &format!("urna_session={cookie}"))])
        .await;
    assert_eq!(dashboard.status, 200, "{}", dashboard.body);
    assert!(
        dashboard.body.contains("<strong dir=\"auto\">ada</strong>"),
        "{}",
        dashboard.body
    );
    // An operator sees every election, as operator.
    assert!(dashboard.body.contains("board-2026"), "{}", dashboard.body);
    assert!(dashboard.body.contains("site operator"));
    // The pre-sign-in cookie is worth nothing now.
    let old = app
        .get_with("/staff", &[("cookie", &browser.header())])
        .await;
    assert_eq!(old.status, 303);

    // Audited on the site chain, with the username and without the password or code.
    let log = app.db.audit_log(None).await.expect("audit log");
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["account.create-operator", "staff.sign-in"]);
    for entry in &log {
        assert!(!entry.details.contains("horse"), "{}", entry.details);
    }
    urna_store::verify_audit_chain(&log).expect("the chain verifies");
}

#[tokio::test]
async fn wrong_password_wrong_code_unknown_user_and_replay_look_the_same() {
    let app = TestApp::new().await;
    let secret = operator(&app, "ada").await;
    let browser = open_staff_form(&app).await;
    let attempts = [
        (
            "wrong password",
            "ada",
            "correct horse battery stapler",
            code_now(&secret),
        ),
        ("wrong code", "ada", PASSWORD, wrong_code(&secret)),
        ("unknown user", "grace", PASSWORD, code_now(&secret)),
        ("malformed code", "ada", PASSWORD, "12ab".to_owned()),
    ];
    for (what, user, password, code) in attempts {
        let response = staff_sign_in(&app, &browser, user, password, &code).await;
        assert_eq!(response.status, StatusCode::UNAUTHORIZED, "{what}");
        assert!(response.body.contains(FAILURE), "{what}: {}", response.body);
        assert!(response.session_cookie().is_none(), "{what}: no sign-in");
        assert!(
            !response.body.contains("horse"),
            "{what}: the password is not echoed"
        );
    }
    // The right code works once; the same code again is a replay, refused the same way.
    let code = code_now(&secret);
    let first = staff_sign_in(&app, &browser, "ada", PASSWORD, &code).await;
    assert_eq!(first.status, 303);
    let fresh = open_staff_form(&app).await;
    let replay = staff_sign_in(&app, &fresh, "ada", PASSWORD, &code).await;
    assert_eq!(replay.status, StatusCode::UNAUTHORIZED);
    assert!(replay.body.contains(FAILURE));
}

#[tokio::test]
async fn staff_forms_refuse_missing_tokens_and_cross_site_posts() {
    let app = TestApp::new().await;
    let secret = operator(&app, "ada").await;
    let browser = open_staff_form(&app).await;
    let body = format!(
        "username=ada&password={}&code={}",
        PASSWORD.replace(' ', "+"),
        code_now(&secret)
    );
    let no_token = app
        .post_form("/staff/sign-in", &body, &[("cookie", &browser.header())])
        .await;
    assert_eq!(no_token.status, 403);
    let with_token = format!("csrf_token={}&{body}", browser.csrf);
    let cross_site = app
        .post_form(
            "/staff/sign-in",
            &with_token,
            &[
                ("cookie", &browser.header()),
                ("sec-fetch-site", "cross-site"),
                ("origin", "https://evil.example"),
            ],
        )
        .await;
    assert_eq!(cross_site.status, 403);
    assert!(cross_site.session_cookie().is_none());
    // Nothing above consumed the code: the real form still signs in with it.
    let ok = app
        .post_form(
            "/staff/sign-in",
            &with_token,
            &[("cookie", &browser.header())],
        )
        .await;
    assert_eq!(ok.status, 303);
    let signed_in = format!("urna_session={}", ok.session_cookie().expect("cookie"));

    // Sign-out needs the new session's token.
    let dashboard = app.get_with("/staff", &[("cookie", &signed_in)]).await;
    let csrf = dashboard.csrf_token();
    let forged = app
        .post_form("/staff/sign-out", "", &[("cookie", &signed_in)])
        .await;
    assert_eq!(forged.status, 403);
    assert_eq!(
        app.get_with("/staff", &[("cookie", &signed_in)])
            .await
            .status,
        200
    );
    let out = app
        .post_form(
            "/staff/sign-out",
            &format!("csrf_token={csrf}"),
            &[("cookie", &signed_in)],
        )
        .await;
    assert_eq!(out.status, 303);
    assert_eq!(out.header("location"), Some("/staff/sign-in"));
    assert!(
        out.header("set-cookie")
            .is_some_and(|c| c.contains("Max-Age=0"))
    );
    let after = app.get_with("/staff", &[("cookie", &signed_in)]).await;
    assert_eq!(after.status, 303, "the session is gone from the database");
    let actions: Vec<String> = app
        .db
        .audit_log(None)
        .await
        .expect("log")
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(actions.last().map(String::as_str), Some("staff.sign-out"));
}

#[tokio::test]
async fn staff_sign_in_is_rate_limited() {
    let app = TestApp::builder()
        .with_config(|c| {
            c.rate_limit.burst = 3;
            c.rate_limit.replenish_seconds = 60;
        })
        .build()
        .await;
    let browser = open_staff_form(&app).await;
    for attempt in 1..=3 {
        let response = staff_sign_in(&app, &browser, "nobody", "x", "000000").await;
        assert_eq!(response.status, 401, "attempt {attempt}");
    }
    let limited = staff_sign_in(&app, &browser, "nobody", "x", "000000").await;
    assert_eq!(limited.status, 429);
    assert!(limited.header("retry-after").is_some());
    // The form itself stays reachable.
    assert_eq!(app.get("/staff/sign-in").await.status, 200);
}

#[tokio::test]
async fn staff_pages_need_a_staff_session_and_roles_limit_the_dashboard() {
    let app = TestApp::new().await;
    let anonymous = app.get("/staff").await;
    assert_eq!(anonymous.status, 303);
    assert_eq!(anonymous.header("location"), Some("/staff/sign-in"));

    // A non-operator sees only the elections they hold a role in, with those roles.
    let password = Password::new(PASSWORD.to_owned()).expect("ok");
    let hash = urna_web::auth::password::hash_password(&password).expect("hash");
    let grace = app
        .db
        .create_account(NewAccount {
            username: "grace",
            password_hash: &PasswordHash(hash),
            is_operator: false,
            now: T0,
        })
        .await
        .expect("account");
    let secret = TotpSecret::generate().expect("random");
    app.db
        .set_totp_secret(
            grace,
            Some(&secret.seal(&app.server_key, grace).expect("sealed")),
        )
        .await
        .expect("secret");
    let mut elections = Vec::new();
    for slug in ["mine", "theirs"] {
        elections.push(
            app.db
                .create_election(NewElection {
                    slug,
                    definition: &serde_json::json!({}),
                    state: "draft",
                    now: T0,
                })
                .await
                .expect("election"),
        );
    }
    for role in [ElectionRole::Scrutineer, ElectionRole::Trustee] {
        app.db
            .grant_role(elections[0], grace, role)
            .await
            .expect("grant");
    }
    let browser = open_staff_form(&app).await;
    let response = staff_sign_in(&app, &browser, "grace", PASSWORD, &code_now(&secret)).await;
    assert_eq!(response.status, 303, "{}", response.body);
    let cookie = format!(
        "urna_session={}",
        response.session_cookie().expect("cookie")
    );
    let dashboard = app.get_with("/staff", &[("cookie", &cookie)]).await;
    assert!(dashboard.body.contains("mine"));
    assert!(!dashboard.body.contains("theirs"), "{}", dashboard.body);
    assert!(
        dashboard.body.contains("scrutineer, trustee"),
        "{}",
        dashboard.body
    );
    assert!(!dashboard.body.contains("site operator"));
}

/// An election in `state` with one voter whose voting link is returned.
async fn election_with_voter(
    app: &TestApp,
    slug: &str,
    state: &str,
) -> (VotingToken, urna_store::VoterId) {
    let election = app
        .db
        .create_election(NewElection {
            slug,
            definition: &serde_json::json!({}),
            state,
            now: T0,
        })
        .await
        .expect("election");
    let token = VotingToken::generate().expect("random");
    let ids = app
        .db
        .add_voters(
            election,
            &[NewVoter {
                identifier: "voter-1",
                email: None,
                weight: 1,
                token_hash: stored_token_hash(&token),
            }],
            T0,
        )
        .await
        .expect("voter");
    (token, ids[0])
}

#[tokio::test]
async fn voters_sign_in_with_a_valid_link_only() {
    let app = TestApp::new().await;
    let (token, voter) = election_with_voter(&app, "board-2026", "open").await;
    let session = app.open_sign_in_form().await;
    let response = app.sign_in(&session, &token.reveal(), &[]).await;
    assert_eq!(response.status, 303, "{}", response.body);
    assert_eq!(
        response.header("location"),
        Some("/elections/board-2026/ballot")
    );
    assert!(
        response
            .session_cookie()
            .is_some_and(|c| c != session.cookie)
    );

    // Unknown token (well-formed), revoked voter, election not open: the same refusal. (The
    // form's old session ended at sign-in: open it again.)
    let session = app.open_sign_in_form().await;
    let unknown = VotingToken::generate().expect("random");
    let refused = app.sign_in(&session, &unknown.reveal(), &[]).await;
    assert_eq!(refused.status, 403);
    assert!(
        refused.body.contains("unknown or has expired"),
        "{}",
        refused.body
    );

    app.db.set_voter_revoked(voter, true).await.expect("revoke");
    let session = app.open_sign_in_form().await;
    let revoked = app.sign_in(&session, &token.reveal(), &[]).await;
    assert_eq!(revoked.status, 403);

    let (draft_token, _) = election_with_voter(&app, "not-yet", "draft").await;
    let draft = app.sign_in(&session, &draft_token.reveal(), &[]).await;
    assert_eq!(draft.status, 403);
}

#[tokio::test]
async fn sessions_survive_a_server_restart() {
    let app = TestApp::new().await;
    let secret = operator(&app, "ada").await;
    let browser = open_staff_form(&app).await;
    let response = staff_sign_in(&app, &browser, "ada", PASSWORD, &code_now(&secret)).await;
    assert_eq!(response.status, 303);
    let cookie = format!(
        "urna_session={}",
        response.session_cookie().expect("cookie")
    );
    let (token, _) = election_with_voter(&app, "board-2026", "open").await;
    let voter_form = app.open_sign_in_form().await;

    let restarted = app.restart().await;
    let dashboard = restarted.get_with("/staff", &[("cookie", &cookie)]).await;
    assert_eq!(dashboard.status, 200, "{}", dashboard.body);
    assert!(dashboard.body.contains("ada"));
    // A form opened before the restart can still be submitted: its CSRF token was stored.
    let voter = restarted.sign_in(&voter_form, &token.reveal(), &[]).await;
    assert_eq!(voter.status, 303, "{}", voter.body);
}

// --- TOTP secrets sealed at rest ---

/// `sqlite3 FILE .dump`: every table's rows as SQL text, blobs as `X'…'` hexadecimal. `None`
/// (the test then skips, but fails under CI) when the sqlite3 program is missing.
fn sqlite_dump(app: &TestApp) -> Option<String> {
    let file = app.data_dir.path().join(urna_store::SQLITE_FILE_NAME);
    match std::process::Command::new("sqlite3")
        .arg(&file)
        .arg(".dump")
        .output()
    {
        Ok(output) => {
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
            Some(String::from_utf8_lossy(&output.stdout).into_owned())
        }
        Err(error) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "sqlite3 is missing under CI: {error}"
            );
            println!("SKIPPED: the sqlite3 program is not installed ({error})");
            None
        }
    }
}

/// Every way a secret could show in a dump: base32 either case, raw bytes as hex either case.
fn secret_forms(secret: &TotpSecret) -> Vec<String> {
    let hex: String = secret
        .expose_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    vec![
        secret.to_base32(),
        secret.to_base32().to_lowercase(),
        hex.to_uppercase(),
        hex,
    ]
}

#[tokio::test]
async fn no_totp_secret_is_in_a_database_dump_and_old_raw_ones_are_sealed() {
    let app = TestApp::new().await;
    let ada = operator(&app, "ada").await;
    // "grace" as a version before migration 0005 left her: the raw seed, marked unsealed.
    let password = Password::new(PASSWORD.to_owned()).expect("ok");
    let hash = urna_web::auth::password::hash_password(&password).expect("hash");
    let grace_id = app
        .db
        .create_account(NewAccount {
            username: "grace",
            password_hash: &PasswordHash(hash),
            is_operator: false,
            now: T0,
        })
        .await
        .expect("account");
    let grace = TotpSecret::generate().expect("random");
    let Some(before) = sqlite_dump(&app) else {
        return;
    };
    for form in secret_forms(&ada) {
        assert!(!before.contains(&form), "ada's secret is in the dump");
    }
    let raw_hex: String = secret_forms(&grace).remove(3);
    let legacy_row = std::process::Command::new("sqlite3")
        .arg(app.data_dir.path().join(urna_store::SQLITE_FILE_NAME))
        .arg(format!(
            "UPDATE accounts SET totp_secret = X'{raw_hex}', totp_secret_sealed = 0 WHERE id = {grace_id}"
        ))
        .output()
        .expect("sqlite3 runs");
    assert!(legacy_row.status.success(), "{legacy_row:?}");
    assert!(
        sqlite_dump(&app).is_some_and(|dump| dump.contains(&raw_hex)),
        "the raw seed is in the dump before sealing (so the check below can fail)"
    );
    // A raw seed is never read as a sealed one: no sign-in with it before it is sealed.
    let browser = open_staff_form(&app).await;
    let refused = staff_sign_in(&app, &browser, "grace", PASSWORD, &code_now(&grace)).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED, "{}", refused.body);

    // What every start does.
    let sealed = urna_web::staff::seal_stored_totp_secrets(&app.db, &app.server_key)
        .await
        .expect("sealed");
    assert_eq!(sealed, 1);
    let again = urna_web::staff::seal_stored_totp_secrets(&app.db, &app.server_key)
        .await
        .expect("nothing left");
    assert_eq!(again, 0);
    let after = sqlite_dump(&app).expect("sqlite3 ran before");
    for form in secret_forms(&ada).into_iter().chain(secret_forms(&grace)) {
        assert!(!after.contains(&form), "a TOTP secret is in the dump");
    }
    // The key is not in the database either.
    let key_file = app.data_dir.path().join("secret.key");
    let key_hex = std::fs::read_to_string(&key_file).expect("key file");
    assert!(
        !after.contains(key_hex.trim()),
        "the server key is in the dump"
    );
    assert!(!after.to_lowercase().contains(key_hex.trim()));

    // Both sign in with their authenticator's codes.
    let browser = open_staff_form(&app).await;
    let response = staff_sign_in(&app, &browser, "grace", PASSWORD, &code_now(&grace)).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    let browser = open_staff_form(&app).await;
    let response = staff_sign_in(&app, &browser, "ada", PASSWORD, &code_now(&ada)).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    let log = app.db.audit_log(None).await.expect("audit log");
    let sealing = log
        .iter()
        .find(|entry| entry.action == "totp.seal-stored")
        .expect("the sealing is audited");
    assert!(
        sealing.details.contains(&format!("[{grace_id}]")),
        "{}",
        sealing.details
    );
}

#[tokio::test]
async fn a_wrong_server_key_is_a_server_error_and_never_a_sign_in() {
    let app = TestApp::new().await;
    let secret = operator(&app, "ada").await;
    // The same database with another key (say, another machine's data directory).
    let other_key = urna_web::auth::server_key::ServerSecretKey::generate().expect("random");
    let moved = TestApp::builder()
        .with_data_dir(app.data_dir.clone())
        .with_config(|config| config.secret_key = Some(other_key))
        .build()
        .await;
    let browser = open_staff_form(&moved).await;
    let response = staff_sign_in(&moved, &browser, "ada", PASSWORD, &code_now(&secret)).await;
    assert_eq!(
        response.status,
        StatusCode::INTERNAL_SERVER_ERROR,
        "{}",
        response.body
    );
    assert_eq!(response.session_cookie(), None, "no new session");
    let dashboard = moved
        .get_with("/staff", &[("cookie", &browser.header())])
        .await;
    assert_eq!(dashboard.header("location"), Some("/staff/sign-in"));
    // A wrong password is still an ordinary refusal: the secret is opened only after it.
    let wrong = staff_sign_in(&moved, &browser, "ada", "not the password at all", "000000").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED, "{}", wrong.body);
    let log = moved.db.audit_log(None).await.expect("audit log");
    assert!(log.iter().all(|entry| entry.action != "staff.sign-in"));

    // The message the server logs names the cause.
    let sealed = moved
        .db
        .account_by_username("ada")
        .await
        .expect("reads")
        .and_then(|row| row.totp_secret.map(|s| (row.id, s)))
        .expect("sealed secret");
    let error = TotpSecret::unseal(&moved.server_key, sealed.0, &sealed.1).expect_err("wrong key");
    assert!(
        error
            .to_string()
            .contains("server secret key is not the one it was sealed with"),
        "{error}"
    );
    // With the right key, the same code signs in.
    let browser = open_staff_form(&app).await;
    let response = staff_sign_in(&app, &browser, "ada", PASSWORD, &code_now(&secret)).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
}
