//! Elections and the staff roles in each.
//!
//! The definition (questions, texts, window, options) is one JSON document owned by the domain;
//! the store keeps it verbatim. The state is the domain's lifecycle name, changed only by
//! compare-and-set so two admins cannot race a transition.

use serde_json::Value;

use crate::db::{Db, db_run};
use crate::error::{DbContext, StoreError, is_foreign_key_violation, is_unique_violation};
use crate::types::{AccountId, ElectionId, ElectionRole, UnixMicros, json_from_row};
use crate::write::{WriteTx, tx_run};

/// A new election.
#[derive(Debug, Clone, Copy)]
pub struct NewElection<'a> {
    /// Unique, URL-safe name chosen by the domain.
    pub slug: &'a str,
    /// The domain's definition document.
    pub definition: &'a Value,
    /// The initial lifecycle state (e.g. "draft").
    pub state: &'a str,
    /// Creation time.
    pub now: UnixMicros,
}

/// An election as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct ElectionRow {
    /// Database id.
    pub id: ElectionId,
    /// Unique slug.
    pub slug: String,
    /// The definition document.
    pub definition: Value,
    /// The lifecycle state name.
    pub state: String,
    /// The election's public key document, once the trustees made it.
    pub public_key: Option<Value>,
    /// Length every sealed ballot must have, set with the public key.
    pub sealed_ballot_len: Option<i64>,
    /// Creation time.
    pub created_at: UnixMicros,
    /// Time of the last change.
    pub updated_at: UnixMicros,
    /// Raised by the database on every change of the row (migration 0003): equal revisions
    /// mean an identical row.
    pub revision: i64,
}

#[derive(sqlx::FromRow)]
struct RawElection {
    id: ElectionId,
    slug: String,
    definition: String,
    state: String,
    public_key: Option<String>,
    sealed_ballot_len: Option<i64>,
    created_at: UnixMicros,
    updated_at: UnixMicros,
    revision: i64,
}

impl RawElection {
    fn parse(self) -> Result<ElectionRow, StoreError> {
        Ok(ElectionRow {
            id: self.id,
            slug: self.slug,
            definition: json_from_row(&self.definition, "elections", "definition")?,
            state: self.state,
            public_key: self
                .public_key
                .map(|key| json_from_row(&key, "elections", "public_key"))
                .transpose()?,
            sealed_ballot_len: self.sealed_ballot_len,
            created_at: self.created_at,
            updated_at: self.updated_at,
            revision: self.revision,
        })
    }
}

const ELECTION_COLUMNS: &str =
    "id, slug, definition, state, public_key, sealed_ballot_len, created_at, updated_at, revision";

/// A role held by an account in an election.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleGrant {
    /// The election.
    pub election: ElectionId,
    /// The account.
    pub account: AccountId,
    /// The role.
    pub role: ElectionRole,
}

#[derive(sqlx::FromRow)]
struct RawRole {
    election_id: ElectionId,
    account_id: AccountId,
    role: String,
}

impl RawRole {
    fn parse(self) -> Result<RoleGrant, StoreError> {
        Ok(RoleGrant {
            election: self.election_id,
            account: self.account_id,
            role: ElectionRole::from_row(&self.role)?,
        })
    }
}

fn not_found(election: ElectionId) -> StoreError {
    StoreError::NotFound {
        what: "election",
        key: election.to_string(),
    }
}

/// Why a compare-and-set on `id` failed: missing, or in another state. Read through the
/// transaction's own connection (`$conn`), which may be the only one (in-memory SQLite).
macro_rules! state_conflict {
    ($conn:ident, $id:expr, $expected:expr) => {{
        let found: Result<Option<String>, StoreError> =
            sqlx::query_scalar("SELECT state FROM elections WHERE id = $1")
                .bind($id)
                .fetch_optional(&mut *$conn)
                .await
                .op("reading an election's state");
        match found {
            Ok(Some(actual)) => StoreError::StateConflict {
                election: $id,
                expected: $expected.to_owned(),
                actual,
            },
            Ok(None) => not_found($id),
            Err(error) => error,
        }
    }};
}

impl Db {
    /// Creates an election; fails with [`StoreError::Duplicate`] if the slug is taken.
    pub async fn create_election(&self, new: NewElection<'_>) -> Result<ElectionId, StoreError> {
        let mut tx = self.begin_write().await?;
        let id = tx.create_election(new).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The election with this id.
    pub async fn election(&self, id: ElectionId) -> Result<ElectionRow, StoreError> {
        let raw: Option<RawElection> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {ELECTION_COLUMNS} FROM elections WHERE id = $1"
            )))
            .bind(id)
            .fetch_optional(pool)
            .await
        })
        .op("reading an election")?;
        raw.ok_or_else(|| not_found(id))?.parse()
    }

    /// The election with this slug, if any.
    pub async fn election_by_slug(&self, slug: &str) -> Result<Option<ElectionRow>, StoreError> {
        let raw: Option<RawElection> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {ELECTION_COLUMNS} FROM elections WHERE slug = $1"
            )))
            .bind(slug)
            .fetch_optional(pool)
            .await
        })
        .op("reading an election by slug")?;
        raw.map(RawElection::parse).transpose()
    }

    /// Every election, oldest first.
    pub async fn elections(&self) -> Result<Vec<ElectionRow>, StoreError> {
        let raws: Vec<RawElection> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {ELECTION_COLUMNS} FROM elections ORDER BY id"
            )))
            .fetch_all(pool)
            .await
        })
        .op("listing elections")?;
        raws.into_iter().map(RawElection::parse).collect()
    }

    /// Replaces the definition, only while the election is in `required_state`
    /// ([`WriteTx::update_election_definition`] in a transaction of its own).
    pub async fn update_election_definition(
        &self,
        id: ElectionId,
        required_state: &str,
        definition: &Value,
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        tx.update_election_definition(id, required_state, definition, now)
            .await?;
        tx.commit().await
    }

    /// Moves the election from state `from` to state `to`
    /// ([`WriteTx::transition_election`] in a transaction of its own).
    pub async fn transition_election(
        &self,
        id: ElectionId,
        from: &str,
        to: &str,
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        tx.transition_election(id, from, to, now).await?;
        tx.commit().await
    }

    /// Records the election's public key and sealed length
    /// ([`WriteTx::set_election_public_key`] in a transaction of its own).
    pub async fn set_election_public_key(
        &self,
        id: ElectionId,
        required_state: &str,
        public_key: &Value,
        sealed_ballot_len: i64,
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        tx.set_election_public_key(id, required_state, public_key, sealed_ballot_len, now)
            .await?;
        tx.commit().await
    }

    /// Deletes an election and everything in it. Refused (as [`StoreError::Invalid`]) once the
    /// election has audit entries: history is never deleted.
    pub async fn delete_election(&self, id: ElectionId) -> Result<(), StoreError> {
        let result = db_run!(self, write, |pool| {
            sqlx::query("DELETE FROM elections WHERE id = $1")
                .bind(id)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        });
        match result {
            Ok(1) => Ok(()),
            Ok(_) => Err(not_found(id)),
            Err(error) if is_foreign_key_violation(&error) => Err(StoreError::Invalid {
                what: "election deletion",
                detail: format!("election {id} has audit log entries and cannot be deleted"),
            }),
            Err(source) => Err(StoreError::Database {
                operation: "deleting an election",
                source,
            }),
        }
    }

    /// Gives `account` a `role` in `election` ([`WriteTx::grant_role`] in a transaction of
    /// its own).
    pub async fn grant_role(
        &self,
        election: ElectionId,
        account: AccountId,
        role: ElectionRole,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        tx.grant_role(election, account, role).await?;
        tx.commit().await
    }

    /// Takes a role away; returns whether the account had it ([`WriteTx::revoke_role`] in a
    /// transaction of its own).
    pub async fn revoke_role(
        &self,
        election: ElectionId,
        account: AccountId,
        role: ElectionRole,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        let removed = tx.revoke_role(election, account, role).await?;
        tx.commit().await?;
        Ok(removed)
    }

    /// Everyone with a role in `election`, by account then role.
    pub async fn election_roles(&self, election: ElectionId) -> Result<Vec<RoleGrant>, StoreError> {
        let raws: Vec<RawRole> = db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT election_id, account_id, role FROM election_roles
                 WHERE election_id = $1 ORDER BY account_id, role",
            )
            .bind(election)
            .fetch_all(pool)
            .await
        })
        .op("listing an election's roles")?;
        raws.into_iter().map(RawRole::parse).collect()
    }

    /// Every role `account` holds, by election then role.
    pub async fn roles_of_account(&self, account: AccountId) -> Result<Vec<RoleGrant>, StoreError> {
        let raws: Vec<RawRole> = db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT election_id, account_id, role FROM election_roles
                 WHERE account_id = $1 ORDER BY election_id, role",
            )
            .bind(account)
            .fetch_all(pool)
            .await
        })
        .op("listing an account's roles")?;
        raws.into_iter().map(RawRole::parse).collect()
    }
}

/// The mutating operations, for acts that commit them with their audit entry.
impl WriteTx {
    /// Creates an election; fails with [`StoreError::Duplicate`] if the slug is taken.
    pub async fn create_election(
        &mut self,
        new: NewElection<'_>,
    ) -> Result<ElectionId, StoreError> {
        let definition = new.definition.to_string();
        tx_run!(self, "creating an election", |conn| {
            let result = sqlx::query_scalar(
                "INSERT INTO elections (slug, definition, state, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $4) RETURNING id",
            )
            .bind(new.slug)
            .bind(&definition)
            .bind(new.state)
            .bind(new.now)
            .fetch_one(&mut *conn)
            .await;
            match result {
                Err(error) if is_unique_violation(&error) => Err(StoreError::Duplicate {
                    what: "election slug",
                    value: new.slug.to_owned(),
                }),
                other => other.op("creating an election"),
            }
        })
    }

    /// Replaces the definition, only while the election is in `required_state` (the domain
    /// decides which states allow edits; the check and the write are one statement).
    pub async fn update_election_definition(
        &mut self,
        id: ElectionId,
        required_state: &str,
        definition: &Value,
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        let definition = definition.to_string();
        tx_run!(self, "updating an election's definition", |conn| {
            let updated = sqlx::query(
                "UPDATE elections SET definition = $1, updated_at = $2
                 WHERE id = $3 AND state = $4",
            )
            .bind(&definition)
            .bind(now)
            .bind(id)
            .bind(required_state)
            .execute(&mut *conn)
            .await
            .op("updating an election's definition")?
            .rows_affected();
            if updated == 1 {
                Ok(())
            } else {
                Err(state_conflict!(conn, id, required_state))
            }
        })
    }

    /// Locks the election's row until this transaction ends and returns its state, so that
    /// acts which must happen once per election (freezing, starting its count) and are decided
    /// by reading other tables are serialised between servers sharing the database. On
    /// PostgreSQL `SELECT … FOR UPDATE`; on SQLite the single writer connection already
    /// serialises write transactions.
    pub async fn lock_election(&mut self, id: ElectionId) -> Result<String, StoreError> {
        tx_run!(self, "locking an election", |conn, backend| {
            let sql = match backend {
                crate::db::Backend::Postgres => {
                    "SELECT state FROM elections WHERE id = $1 FOR UPDATE"
                }
                crate::db::Backend::Sqlite => "SELECT state FROM elections WHERE id = $1",
            };
            let state: Option<String> = sqlx::query_scalar(sql)
                .bind(id)
                .fetch_optional(&mut *conn)
                .await
                .op("locking an election")?;
            state.ok_or_else(|| StoreError::NotFound {
                what: "election",
                key: id.to_string(),
            })
        })
    }

    /// Moves the election from state `from` to state `to`, failing with
    /// [`StoreError::StateConflict`] if it is not in `from`. On PostgreSQL this waits for
    /// ballots being cast (they hold a share lock on the election row), so no ballot commits
    /// after the election leaves its open state.
    pub async fn transition_election(
        &mut self,
        id: ElectionId,
        from: &str,
        to: &str,
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        tx_run!(self, "changing an election's state", |conn| {
            let updated = sqlx::query(
                "UPDATE elections SET state = $1, updated_at = $2 WHERE id = $3 AND state = $4",
            )
            .bind(to)
            .bind(now)
            .bind(id)
            .bind(from)
            .execute(&mut *conn)
            .await
            .op("changing an election's state")?
            .rows_affected();
            if updated == 1 {
                Ok(())
            } else {
                Err(state_conflict!(conn, id, from))
            }
        })
    }

    /// Records the election's public key and the fixed length of its sealed ballots, only
    /// while the election is in `required_state`.
    pub async fn set_election_public_key(
        &mut self,
        id: ElectionId,
        required_state: &str,
        public_key: &Value,
        sealed_ballot_len: i64,
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        let public_key = public_key.to_string();
        tx_run!(self, "setting an election's public key", |conn| {
            if sealed_ballot_len <= 0 {
                return Err(StoreError::Invalid {
                    what: "sealed ballot length",
                    detail: format!("{sealed_ballot_len} is not positive"),
                });
            }
            let updated = sqlx::query(
                "UPDATE elections SET public_key = $1, sealed_ballot_len = $2, updated_at = $3
                 WHERE id = $4 AND state = $5",
            )
            .bind(&public_key)
            .bind(sealed_ballot_len)
            .bind(now)
            .bind(id)
            .bind(required_state)
            .execute(&mut *conn)
            .await
            .op("setting an election's public key")?
            .rows_affected();
            if updated == 1 {
                Ok(())
            } else {
                Err(state_conflict!(conn, id, required_state))
            }
        })
    }

    /// Gives `account` a `role` in `election` (no effect if it already has it).
    pub async fn grant_role(
        &mut self,
        election: ElectionId,
        account: AccountId,
        role: ElectionRole,
    ) -> Result<(), StoreError> {
        tx_run!(self, "granting a role", |conn| {
            sqlx::query(
                "INSERT INTO election_roles (election_id, account_id, role) VALUES ($1, $2, $3)
                 ON CONFLICT DO NOTHING",
            )
            .bind(election)
            .bind(account)
            .bind(role.as_str())
            .execute(&mut *conn)
            .await
            .op("granting a role")?;
            Ok(())
        })
    }

    /// Takes a role away; returns whether the account had it.
    pub async fn revoke_role(
        &mut self,
        election: ElectionId,
        account: AccountId,
        role: ElectionRole,
    ) -> Result<bool, StoreError> {
        tx_run!(self, "revoking a role", |conn| {
            let removed = sqlx::query(
                "DELETE FROM election_roles
                 WHERE election_id = $1 AND account_id = $2 AND role = $3",
            )
            .bind(election)
            .bind(account)
            .bind(role.as_str())
            .execute(&mut *conn)
            .await
            .op("revoking a role")?
            .rows_affected();
            Ok(removed == 1)
        })
    }
}
