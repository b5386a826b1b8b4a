//! A signed-in staff member for in-process tests: an account in the database and a session
//! saved straight into the session store (the sign-in form has its own tests). Shared by
//! several test binaries (`#[path]`).
#![allow(dead_code)]

use urna_store::{AccountId, Db, NewAccount, PasswordHash, UnixMicros};
use urna_web::auth::session::{
    CsrfToken, Principal, SessionId, SessionRecord, SessionStore, unix_now,
};

/// The browser of a signed-in staff member: its session cookie value and CSRF token.
pub struct Staff {
    pub cookie: String,
    pub csrf: String,
    pub id: AccountId,
}

/// 32 random bytes as lower-case hex: the shape of session ids and CSRF tokens.
pub fn random_hex() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("random");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Creates account `name` (a site operator or not) and signs it in for an hour.
pub async fn signed_in_staff(
    db: &Db,
    sessions: &dyn SessionStore,
    name: &str,
    operator: bool,
) -> Staff {
    let id = db
        .create_account(NewAccount {
            username: name,
            password_hash: &PasswordHash("$argon2id$stand-in".into()),
            is_operator: operator,
            now: UnixMicros(0),
        })
        .await
        .expect("account");
    let cookie = random_hex();
    let csrf = random_hex();
    let key = SessionId::parse(&cookie).expect("64 hex digits").key();
    sessions
        .save(
            &key,
            &SessionRecord {
                csrf_token: CsrfToken::from_stored(csrf.clone()),
                principal: Some(Principal::Staff {
                    account: id.to_string(),
                }),
                expires_at: unix_now() + 3600,
            },
        )
        .await
        .expect("session saved");
    Staff { cookie, csrf, id }
}
