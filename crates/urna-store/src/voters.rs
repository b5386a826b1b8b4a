//! Voters of an election and their voting-link tokens.
//!
//! A voter row holds who may vote and whether they have a counted ballot, never the ballot:
//! each voter gets a credential (a random public id) when added, and ballots reference the
//! credential. The voting-link token is stored only as its SHA-256 ([`TokenHash`]).

use crate::db::{Db, db_run};
use crate::error::{DbContext, StoreError, is_unique_violation};
use crate::types::{ElectionId, TokenHash, UnixMicros, VoterId, random_bytes};
use crate::write::{WriteTx, tx_run};

/// A voter to add.
#[derive(Debug, Clone, Copy)]
pub struct NewVoter<'a> {
    /// Unique within the election (user name, email, member number…).
    pub identifier: &'a str,
    /// Where to send the voting link, if by email.
    pub email: Option<&'a str>,
    /// Vote weight, at least 1.
    pub weight: i64,
    /// SHA-256 of the voter's voting-link token.
    pub token_hash: TokenHash,
}

/// A voter as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoterRow {
    /// Database id.
    pub id: VoterId,
    /// The election.
    pub election: ElectionId,
    /// Unique within the election.
    pub identifier: String,
    /// Email address, if any.
    pub email: Option<String>,
    /// Vote weight, at least 1.
    pub weight: i64,
    /// SHA-256 of the voting-link token.
    pub token_hash: TokenHash,
    /// Access withdrawn?
    pub revoked: bool,
    /// Has a current, unstruck ballot?
    pub voted: bool,
    /// Time added.
    pub created_at: UnixMicros,
}

#[derive(sqlx::FromRow)]
struct RawVoter {
    id: VoterId,
    election_id: ElectionId,
    identifier: String,
    email: Option<String>,
    weight: i64,
    token_hash: Vec<u8>,
    revoked: bool,
    voted: bool,
    created_at: UnixMicros,
}

impl RawVoter {
    fn parse(self) -> Result<VoterRow, StoreError> {
        Ok(VoterRow {
            id: self.id,
            election: self.election_id,
            identifier: self.identifier,
            email: self.email,
            weight: self.weight,
            token_hash: TokenHash::from_row(&self.token_hash, "voters")?,
            revoked: self.revoked,
            voted: self.voted,
            created_at: self.created_at,
        })
    }
}

const VOTER_COLUMNS: &str =
    "id, election_id, identifier, email, weight, token_hash, revoked, voted, created_at";
/// [`VOTER_COLUMNS`] qualified by the alias `v`, for joins.
const VOTER_COLUMNS_OF_V: &str = "v.id, v.election_id, v.identifier, v.email, v.weight, \
     v.token_hash, v.revoked, v.voted, v.created_at";

pub(crate) fn voter_not_found(voter: VoterId) -> StoreError {
    StoreError::NotFound {
        what: "voter",
        key: voter.to_string(),
    }
}

impl Db {
    /// Adds voters to `election`, all or none ([`WriteTx::add_voters`] in a transaction of
    /// its own).
    pub async fn add_voters(
        &self,
        election: ElectionId,
        voters: &[NewVoter<'_>],
        now: UnixMicros,
    ) -> Result<Vec<VoterId>, StoreError> {
        let mut tx = self.begin_write().await?;
        let ids = tx.add_voters(election, voters, now).await?;
        tx.commit().await?;
        Ok(ids)
    }

    /// The voter with this id.
    pub async fn voter(&self, id: VoterId) -> Result<VoterRow, StoreError> {
        let raw: Option<RawVoter> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {VOTER_COLUMNS} FROM voters WHERE id = $1"
            )))
            .bind(id)
            .fetch_optional(pool)
            .await
        })
        .op("reading a voter")?;
        raw.ok_or_else(|| voter_not_found(id))?.parse()
    }

    /// The voter whose voting-link token hashes to `token_hash`, with its election's slug and
    /// state, in one read (what signing in with a link needs).
    pub async fn voter_by_token_with_election(
        &self,
        token_hash: &TokenHash,
    ) -> Result<Option<(VoterRow, String, String)>, StoreError> {
        #[derive(sqlx::FromRow)]
        struct WithElection {
            #[sqlx(flatten)]
            voter: RawVoter,
            slug: String,
            state: String,
        }
        let raw: Option<WithElection> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {VOTER_COLUMNS_OF_V}, e.slug, e.state FROM voters v
                 JOIN elections e ON e.id = v.election_id WHERE v.token_hash = $1"
            )))
            .bind(token_hash.as_bytes().as_slice())
            .fetch_optional(pool)
            .await
        })
        .op("reading a voter by voting link")?;
        raw.map(|raw| Ok((raw.voter.parse()?, raw.slug, raw.state)))
            .transpose()
    }

    /// The voter with this id and the current revision of its election's row (see
    /// [`ElectionRow::revision`](crate::ElectionRow::revision)), in one read: what a request
    /// of a signed-in voter needs to trust a cached copy of the election.
    pub async fn voter_with_election_revision(
        &self,
        id: VoterId,
    ) -> Result<(VoterRow, i64), StoreError> {
        #[derive(sqlx::FromRow)]
        struct WithRevision {
            #[sqlx(flatten)]
            voter: RawVoter,
            revision: i64,
        }
        let raw: Option<WithRevision> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {VOTER_COLUMNS_OF_V}, e.revision FROM voters v
                 JOIN elections e ON e.id = v.election_id WHERE v.id = $1"
            )))
            .bind(id)
            .fetch_optional(pool)
            .await
        })
        .op("reading a voter")?;
        let raw = raw.ok_or_else(|| voter_not_found(id))?;
        Ok((raw.voter.parse()?, raw.revision))
    }

    /// The voter whose voting-link token hashes to `token_hash`, if any (revoked or not: the
    /// caller decides what a revoked voter sees).
    pub async fn voter_by_token(
        &self,
        token_hash: &TokenHash,
    ) -> Result<Option<VoterRow>, StoreError> {
        let raw: Option<RawVoter> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {VOTER_COLUMNS} FROM voters WHERE token_hash = $1"
            )))
            .bind(token_hash.as_bytes().as_slice())
            .fetch_optional(pool)
            .await
        })
        .op("looking up a voting link")?;
        raw.map(RawVoter::parse).transpose()
    }

    /// The voter of `election` with this identifier, if any.
    pub async fn voter_by_identifier(
        &self,
        election: ElectionId,
        identifier: &str,
    ) -> Result<Option<VoterRow>, StoreError> {
        let raw: Option<RawVoter> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {VOTER_COLUMNS} FROM voters WHERE election_id = $1 AND identifier = $2"
            )))
            .bind(election)
            .bind(identifier)
            .fetch_optional(pool)
            .await
        })
        .op("looking up a voter by identifier")?;
        raw.map(RawVoter::parse).transpose()
    }

    /// Every voter of `election`, by identifier.
    pub async fn voters(&self, election: ElectionId) -> Result<Vec<VoterRow>, StoreError> {
        let raws: Vec<RawVoter> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {VOTER_COLUMNS} FROM voters WHERE election_id = $1 ORDER BY identifier"
            )))
            .bind(election)
            .fetch_all(pool)
            .await
        })
        .op("listing voters")?;
        raws.into_iter().map(RawVoter::parse).collect()
    }

    /// Replaces a voter's voting-link token ([`WriteTx::set_voter_token`] in a transaction of
    /// its own).
    pub async fn set_voter_token(
        &self,
        voter: VoterId,
        token_hash: &TokenHash,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        tx.set_voter_token(voter, token_hash).await?;
        tx.commit().await
    }

    /// Withdraws (or restores) a voter's right to cast ballots
    /// ([`WriteTx::set_voter_revoked`] in a transaction of its own).
    pub async fn set_voter_revoked(&self, voter: VoterId, revoked: bool) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        tx.set_voter_revoked(voter, revoked).await?;
        tx.commit().await
    }

    /// Removes a voter who never cast a ballot (list corrections before opening). A voter with
    /// any ballot, even a replaced or struck one, is refused: revoke instead.
    pub async fn remove_voter(&self, voter: VoterId) -> Result<(), StoreError> {
        let removed = db_run!(self, write, |pool| {
            sqlx::query(
                "DELETE FROM voters WHERE id = $1 AND NOT EXISTS (
                     SELECT 1 FROM ballots b JOIN credentials c ON c.id = b.credential_id
                     WHERE c.voter_id = $1)",
            )
            .bind(voter)
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
        })
        .op("removing a voter")?;
        if removed == 1 {
            return Ok(());
        }
        // Either absent or has ballots: tell which.
        self.voter(voter).await?;
        Err(StoreError::Invalid {
            what: "voter removal",
            detail: format!("voter {voter} has cast a ballot; revoke instead"),
        })
    }
}

/// Voter-list changes, for acts that commit them with their audit entry.
impl WriteTx {
    /// Adds voters to `election` in the transaction: all or none. A repeated identifier or
    /// token fails the whole batch with [`StoreError::Duplicate`] naming it.
    pub async fn add_voters(
        &mut self,
        election: ElectionId,
        voters: &[NewVoter<'_>],
        now: UnixMicros,
    ) -> Result<Vec<VoterId>, StoreError> {
        tx_run!(self, "adding voters", |conn| {
            if let Some(bad) = voters.iter().find(|voter| voter.weight < 1) {
                return Err(StoreError::Invalid {
                    what: "voter weight",
                    detail: format!("{} for {:?} is below 1", bad.weight, bad.identifier),
                });
            }
            // Credential ids are drawn before any insert so a failing generator aborts early.
            let public_ids = voters
                .iter()
                .map(|_| random_bytes::<16>())
                .collect::<Result<Vec<_>, _>>()?;
            let mut ids = Vec::with_capacity(voters.len());
            for (voter, public_id) in voters.iter().zip(&public_ids) {
                let inserted = sqlx::query_scalar(
                    "INSERT INTO voters (election_id, identifier, email, weight, token_hash,
                                         created_at)
                     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                )
                .bind(election)
                .bind(voter.identifier)
                .bind(voter.email)
                .bind(voter.weight)
                .bind(voter.token_hash.as_bytes().as_slice())
                .bind(now)
                .fetch_one(&mut *conn)
                .await;
                let id: VoterId = match inserted {
                    Err(error) if is_unique_violation(&error) => {
                        return Err(StoreError::Duplicate {
                            what: "voter identifier or token",
                            value: voter.identifier.to_owned(),
                        });
                    }
                    other => other.op("adding a voter")?,
                };
                sqlx::query(
                    "INSERT INTO credentials (election_id, voter_id, public_id)
                     VALUES ($1, $2, $3)",
                )
                .bind(election)
                .bind(id)
                .bind(public_id.as_slice())
                .execute(&mut *conn)
                .await
                .op("creating a voter's credential")?;
                ids.push(id);
            }
            Ok(ids)
        })
    }

    /// Replaces a voter's voting-link token (the old link stops working).
    pub async fn set_voter_token(
        &mut self,
        voter: VoterId,
        token_hash: &TokenHash,
    ) -> Result<(), StoreError> {
        tx_run!(self, "replacing a voting-link token", |conn| {
            let result = sqlx::query("UPDATE voters SET token_hash = $1 WHERE id = $2")
                .bind(token_hash.as_bytes().as_slice())
                .bind(voter)
                .execute(&mut *conn)
                .await
                .map(|done| done.rows_affected());
            match result {
                Ok(1) => Ok(()),
                Ok(_) => Err(voter_not_found(voter)),
                Err(error) if is_unique_violation(&error) => Err(StoreError::Duplicate {
                    what: "voting-link token of voter",
                    value: voter.to_string(),
                }),
                Err(source) => Err(StoreError::Database {
                    operation: "replacing a voting-link token",
                    source,
                }),
            }
        })
    }

    /// Withdraws (or restores) a voter's right to cast ballots. A ballot already cast stays as
    /// it is: striking it is a separate, logged act.
    pub async fn set_voter_revoked(
        &mut self,
        voter: VoterId,
        revoked: bool,
    ) -> Result<(), StoreError> {
        tx_run!(self, "revoking a voter", |conn| {
            let updated = sqlx::query("UPDATE voters SET revoked = $1 WHERE id = $2")
                .bind(revoked)
                .bind(voter)
                .execute(&mut *conn)
                .await
                .op("revoking a voter")?
                .rows_affected();
            if updated == 1 {
                Ok(())
            } else {
                Err(voter_not_found(voter))
            }
        })
    }
}
