//! Staff accounts and their sign-in sessions.
//!
//! Passwords arrive already hashed (argon2, PHC string) and TOTP seeds already sealed by the
//! caller: the store holds nothing it could use to sign in. Rows written before migration 0005
//! may still hold a raw seed (`totp_secret_sealed` false): reads never return those as
//! [`AccountRow::totp_secret`]; [`Db::unsealed_totp_secrets`] and
//! [`WriteTx::seal_totp_secret`] let the server seal them when it starts. Sessions are keyed by the SHA-256
//! of the session token ([`TokenHash`]), never by the token.

use crate::db::{Db, db_run};
use crate::error::{DbContext, StoreError, is_unique_violation};
use crate::types::{AccountId, PasswordHash, SecretBytes, TokenHash, UnixMicros};
use crate::write::{WriteTx, tx_run};

/// A new staff account.
#[derive(Debug, Clone, Copy)]
pub struct NewAccount<'a> {
    /// Unique sign-in name.
    pub username: &'a str,
    /// Argon2 hash in PHC form.
    pub password_hash: &'a PasswordHash,
    /// Whether the account may create elections and grant roles site-wide.
    pub is_operator: bool,
    /// Creation time.
    pub now: UnixMicros,
}

/// A staff account as stored. `Debug` redacts the password hash and TOTP secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountRow {
    /// Database id.
    pub id: AccountId,
    /// Sign-in name.
    pub username: String,
    /// Argon2 hash in PHC form.
    pub password_hash: PasswordHash,
    /// The caller-sealed TOTP seed, once enrolled (`None` too for a raw seed not yet sealed).
    pub totp_secret: Option<SecretBytes>,
    /// Site operator?
    pub is_operator: bool,
    /// Holds the site-wide checkuser right (granted by an operator; migration 0008)?
    pub is_checkuser: bool,
    /// Creation time.
    pub created_at: UnixMicros,
}

#[derive(sqlx::FromRow)]
struct RawAccount {
    id: AccountId,
    username: String,
    password_hash: String,
    totp_secret: Option<Vec<u8>>,
    totp_secret_sealed: bool,
    is_operator: bool,
    is_checkuser: bool,
    created_at: UnixMicros,
}

impl From<RawAccount> for AccountRow {
    fn from(raw: RawAccount) -> Self {
        AccountRow {
            id: raw.id,
            username: raw.username,
            password_hash: PasswordHash(raw.password_hash),
            totp_secret: raw
                .totp_secret
                .filter(|_| raw.totp_secret_sealed)
                .map(SecretBytes),
            is_operator: raw.is_operator,
            is_checkuser: raw.is_checkuser,
            created_at: raw.created_at,
        }
    }
}

/// A sign-in session. `Debug` redacts the CSRF secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    /// SHA-256 of the session token.
    pub id: TokenHash,
    /// Whose session.
    pub account: AccountId,
    /// Per-session secret for CSRF tokens.
    pub csrf_secret: SecretBytes,
    /// Sign-in time.
    pub created_at: UnixMicros,
    /// The session is invalid from this time on.
    pub expires_at: UnixMicros,
}

#[derive(sqlx::FromRow)]
struct RawSession {
    id: Vec<u8>,
    account_id: AccountId,
    csrf_secret: Vec<u8>,
    created_at: UnixMicros,
    expires_at: UnixMicros,
}

impl RawSession {
    fn parse(self) -> Result<SessionRow, StoreError> {
        Ok(SessionRow {
            id: TokenHash::from_row(&self.id, "sessions")?,
            account: self.account_id,
            csrf_secret: SecretBytes(self.csrf_secret),
            created_at: self.created_at,
            expires_at: self.expires_at,
        })
    }
}

const ACCOUNT_COLUMNS: &str = "id, username, password_hash, totp_secret, totp_secret_sealed, \
     is_operator, is_checkuser, created_at";

impl Db {
    /// Creates a staff account; [`StoreError::Duplicate`] if the username is taken.
    pub async fn create_account(&self, new: NewAccount<'_>) -> Result<AccountId, StoreError> {
        let mut tx = self.begin_write().await?;
        let id = tx.create_account(new).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The account with this id.
    pub async fn account(&self, id: AccountId) -> Result<AccountRow, StoreError> {
        let raw: Option<RawAccount> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = $1"
            )))
            .bind(id)
            .fetch_optional(pool)
            .await
        })
        .op("reading an account")?;
        raw.map(AccountRow::from)
            .ok_or_else(|| StoreError::NotFound {
                what: "account",
                key: id.to_string(),
            })
    }

    /// The account with this username, if any.
    pub async fn account_by_username(
        &self,
        username: &str,
    ) -> Result<Option<AccountRow>, StoreError> {
        let raw: Option<RawAccount> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE username = $1"
            )))
            .bind(username)
            .fetch_optional(pool)
            .await
        })
        .op("reading an account by username")?;
        Ok(raw.map(AccountRow::from))
    }

    /// Every account, by id.
    pub async fn accounts(&self) -> Result<Vec<AccountRow>, StoreError> {
        let raws: Vec<RawAccount> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {ACCOUNT_COLUMNS} FROM accounts ORDER BY id"
            )))
            .fetch_all(pool)
            .await
        })
        .op("listing accounts")?;
        Ok(raws.into_iter().map(AccountRow::from).collect())
    }

    /// Replaces the password hash.
    pub async fn set_password_hash(
        &self,
        id: AccountId,
        password_hash: &PasswordHash,
    ) -> Result<(), StoreError> {
        let updated = db_run!(self, write, |pool| {
            sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
                .bind(&password_hash.0)
                .bind(id)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })
        .op("changing a password")?;
        expect_one_account(updated, id)
    }

    /// Grants (`true`) or withdraws (`false`) the site-wide checkuser right. Who may do so is
    /// the caller's decision (site operators).
    pub async fn set_checkuser(&self, id: AccountId, checkuser: bool) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        tx.set_checkuser(id, checkuser).await?;
        tx.commit().await
    }

    /// Sets (or clears, with `None`) the caller-sealed TOTP seed.
    pub async fn set_totp_secret(
        &self,
        id: AccountId,
        sealed_secret: Option<&SecretBytes>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        tx.set_totp_secret(id, sealed_secret).await?;
        tx.commit().await
    }

    /// The raw TOTP seeds written before migration 0005, by account, for the server to seal.
    pub async fn unsealed_totp_secrets(&self) -> Result<Vec<(AccountId, SecretBytes)>, StoreError> {
        let rows: Vec<(AccountId, Vec<u8>)> = db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT id, totp_secret FROM accounts
                 WHERE totp_secret IS NOT NULL AND NOT totp_secret_sealed ORDER BY id",
            )
            .fetch_all(pool)
            .await
        })
        .op("listing unsealed TOTP secrets")?;
        Ok(rows
            .into_iter()
            .map(|(id, secret)| (id, SecretBytes(secret)))
            .collect())
    }

    /// Records a new session for `account`, keyed by the hash of its token.
    pub async fn create_session(
        &self,
        id: &TokenHash,
        account: AccountId,
        csrf_secret: &SecretBytes,
        now: UnixMicros,
        expires_at: UnixMicros,
    ) -> Result<(), StoreError> {
        db_run!(self, write, |pool| {
            sqlx::query(
                "INSERT INTO sessions (id, account_id, csrf_secret, created_at, expires_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id.as_bytes().as_slice())
            .bind(account)
            .bind(csrf_secret.0.as_slice())
            .bind(now)
            .bind(expires_at)
            .execute(pool)
            .await
            .map(|_| ())
        })
        .op("creating a session")?;
        Ok(())
    }

    /// The unexpired session with this token hash, if any.
    pub async fn session(
        &self,
        id: &TokenHash,
        now: UnixMicros,
    ) -> Result<Option<SessionRow>, StoreError> {
        let raw: Option<RawSession> = db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT id, account_id, csrf_secret, created_at, expires_at FROM sessions
                 WHERE id = $1 AND expires_at > $2",
            )
            .bind(id.as_bytes().as_slice())
            .bind(now)
            .fetch_optional(pool)
            .await
        })
        .op("reading a session")?;
        raw.map(RawSession::parse).transpose()
    }

    /// Ends a session (sign-out); returns whether it existed.
    pub async fn delete_session(&self, id: &TokenHash) -> Result<bool, StoreError> {
        let removed = db_run!(self, write, |pool| {
            sqlx::query("DELETE FROM sessions WHERE id = $1")
                .bind(id.as_bytes().as_slice())
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })
        .op("deleting a session")?;
        Ok(removed == 1)
    }

    /// Ends every session of `account` (password change, removal); returns how many.
    pub async fn delete_sessions_of(&self, account: AccountId) -> Result<u64, StoreError> {
        db_run!(self, write, |pool| {
            sqlx::query("DELETE FROM sessions WHERE account_id = $1")
                .bind(account)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })
        .op("deleting an account's sessions")
    }

    /// Removes sessions that expired at or before `now`; returns how many.
    pub async fn delete_expired_sessions(&self, now: UnixMicros) -> Result<u64, StoreError> {
        db_run!(self, write, |pool| {
            sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
                .bind(now)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })
        .op("deleting expired sessions")
    }
}

/// The account writes, for acts that commit them with their audit entry.
impl WriteTx {
    /// Creates a staff account; [`StoreError::Duplicate`] if the username is taken.
    pub async fn create_account(&mut self, new: NewAccount<'_>) -> Result<AccountId, StoreError> {
        tx_run!(self, "creating an account", |conn| {
            let result = sqlx::query_scalar(
                "INSERT INTO accounts (username, password_hash, is_operator, created_at)
                 VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(new.username)
            .bind(&new.password_hash.0)
            .bind(new.is_operator)
            .bind(new.now)
            .fetch_one(&mut *conn)
            .await;
            match result {
                Err(error) if is_unique_violation(&error) => Err(StoreError::Duplicate {
                    what: "username",
                    value: new.username.to_owned(),
                }),
                other => other.op("creating an account"),
            }
        })
    }

    /// Sets (or clears, with `None`) the caller-sealed TOTP seed.
    pub async fn set_totp_secret(
        &mut self,
        id: AccountId,
        sealed_secret: Option<&SecretBytes>,
    ) -> Result<(), StoreError> {
        let bytes = sealed_secret.map(|secret| secret.0.as_slice());
        tx_run!(self, "setting a TOTP secret", |conn| {
            let updated = sqlx::query(
                "UPDATE accounts SET totp_secret = $1, totp_secret_sealed = $2 WHERE id = $3",
            )
            .bind(bytes)
            .bind(true)
            .bind(id)
            .execute(&mut *conn)
            .await
            .map(|done| done.rows_affected())
            .op("setting a TOTP secret")?;
            expect_one_account(updated, id)
        })
    }

    /// Grants (`true`) or withdraws (`false`) the site-wide checkuser right.
    pub async fn set_checkuser(
        &mut self,
        id: AccountId,
        checkuser: bool,
    ) -> Result<(), StoreError> {
        tx_run!(
            self,
            "granting or withdrawing the checkuser right",
            |conn| {
                let updated = sqlx::query("UPDATE accounts SET is_checkuser = $1 WHERE id = $2")
                    .bind(checkuser)
                    .bind(id)
                    .execute(&mut *conn)
                    .await
                    .map(|done| done.rows_affected())
                    .op("granting or withdrawing the checkuser right")?;
                expect_one_account(updated, id)
            }
        )
    }

    /// Replaces a raw seed (see [`Db::unsealed_totp_secrets`]) with its sealed form; returns
    /// whether the row still held a raw seed (another process may have sealed it first).
    pub async fn seal_totp_secret(
        &mut self,
        id: AccountId,
        sealed_secret: &SecretBytes,
    ) -> Result<bool, StoreError> {
        tx_run!(self, "sealing a TOTP secret", |conn| {
            sqlx::query(
                "UPDATE accounts SET totp_secret = $1, totp_secret_sealed = $2
                 WHERE id = $3 AND totp_secret IS NOT NULL AND NOT totp_secret_sealed",
            )
            .bind(sealed_secret.0.as_slice())
            .bind(true)
            .bind(id)
            .execute(&mut *conn)
            .await
            .map(|done| done.rows_affected() == 1)
            .op("sealing a TOTP secret")
        })
    }
}

fn expect_one_account(updated: u64, id: AccountId) -> Result<(), StoreError> {
    if updated == 1 {
        Ok(())
    } else {
        Err(StoreError::NotFound {
            what: "account",
            key: id.to_string(),
        })
    }
}
