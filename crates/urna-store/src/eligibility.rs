//! Eligibility from wiki data: an election's rules, the accounts a fetch is to cover, and the
//! snapshot of what the wiki said of each (migration 0015).
//!
//! Rows only: the rules, facts and decisions are JSON documents the domain (urna-core
//! `wiki_eligibility`) owns. A snapshot row is written once per account and kept (a second
//! fetch of the same account is ignored), which is what makes a fetch resumable and its
//! outcome reproducible; only the decisions are rewritten when rules are re-evaluated.

use serde_json::Value;

use crate::db::{Db, db_run};
use crate::error::{DbContext, StoreError};
use crate::types::{ElectionId, UnixMicros, json_from_row};
use crate::write::{WriteTx, tx_run};

/// One account's snapshot row to write.
#[derive(Debug, Clone, Copy)]
pub struct NewSnapshotRow<'a> {
    /// `Name@wiki`.
    pub account: &'a str,
    pub facts: &'a Value,
    pub voter_decision: &'a Value,
    pub voter_eligible: bool,
    pub candidate_decision: Option<&'a Value>,
}

/// One account's snapshot row.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotRow {
    pub account: String,
    pub facts: Value,
    pub voter_decision: Value,
    pub voter_eligible: bool,
    pub candidate_decision: Option<Value>,
    pub fetched_at: UnixMicros,
}

#[derive(sqlx::FromRow)]
struct RawSnapshotRow {
    account: String,
    facts: String,
    voter_decision: String,
    voter_eligible: bool,
    candidate_decision: Option<String>,
    fetched_at: UnixMicros,
}

const TABLE: &str = "eligibility_snapshot";

impl RawSnapshotRow {
    fn parse(self) -> Result<SnapshotRow, StoreError> {
        Ok(SnapshotRow {
            account: self.account,
            facts: json_from_row(&self.facts, TABLE, "facts")?,
            voter_decision: json_from_row(&self.voter_decision, TABLE, "voter_decision")?,
            voter_eligible: self.voter_eligible,
            candidate_decision: self
                .candidate_decision
                .map(|d| json_from_row(&d, TABLE, "candidate_decision"))
                .transpose()?,
            fetched_at: self.fetched_at,
        })
    }
}

const SNAPSHOT_COLUMNS: &str =
    "account, facts, voter_decision, voter_eligible, candidate_decision, fetched_at";

/// How far a fetch has come: accounts requested, and how many of them have a snapshot row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EligibilityProgress {
    pub requested: u64,
    pub fetched: u64,
}

impl Db {
    /// Sets (or replaces) an election's eligibility rules ([`WriteTx::set_eligibility_rules`]
    /// in a transaction of its own, without an audit entry: for tools and tests).
    pub async fn set_eligibility_rules(
        &self,
        election: ElectionId,
        rules: &Value,
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        tx.set_eligibility_rules(election, rules, now).await?;
        tx.commit().await
    }

    /// An election's eligibility rules, if set.
    pub async fn eligibility_rules(
        &self,
        election: ElectionId,
    ) -> Result<Option<Value>, StoreError> {
        let text: Option<String> = db_run!(self, read, |pool| {
            sqlx::query_scalar("SELECT rules FROM eligibility_rules WHERE election_id = $1")
                .bind(election)
                .fetch_optional(pool)
                .await
        })
        .op("reading eligibility rules")?;
        text.map(|t| json_from_row(&t, "eligibility_rules", "rules"))
            .transpose()
    }

    /// Adds accounts for a fetch to cover, in one transaction; accounts already requested are
    /// left as they are. Returns how many were new.
    pub async fn add_eligibility_requests(
        &self,
        election: ElectionId,
        accounts: &[String],
    ) -> Result<u64, StoreError> {
        db_run!(self, write, |pool| {
            let mut tx = pool.begin().await.op("starting to request accounts")?;
            let mut added = 0;
            for account in accounts {
                added += sqlx::query(
                    "INSERT INTO eligibility_requests (election_id, account) VALUES ($1, $2)
                     ON CONFLICT (election_id, account) DO NOTHING",
                )
                .bind(election)
                .bind(account)
                .execute(&mut *tx)
                .await
                .op("requesting an account")?
                .rows_affected();
            }
            tx.commit().await.op("committing requested accounts")?;
            Ok(added)
        })
    }

    /// Accounts requested and accounts with a snapshot row.
    pub async fn eligibility_progress(
        &self,
        election: ElectionId,
    ) -> Result<EligibilityProgress, StoreError> {
        let (requested, fetched): (i64, i64) = db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT (SELECT COUNT(*) FROM eligibility_requests WHERE election_id = $1),
                        (SELECT COUNT(*) FROM eligibility_snapshot WHERE election_id = $1)",
            )
            .bind(election)
            .fetch_one(pool)
            .await
        })
        .op("counting eligibility progress")?;
        Ok(EligibilityProgress {
            requested: u64::try_from(requested).unwrap_or(0),
            fetched: u64::try_from(fetched).unwrap_or(0),
        })
    }

    /// Up to `limit` requested accounts without a snapshot row, in account order: what a
    /// fetch (or a resumed one) does next.
    pub async fn pending_eligibility_accounts(
        &self,
        election: ElectionId,
        limit: u32,
    ) -> Result<Vec<String>, StoreError> {
        db_run!(self, read, |pool| {
            sqlx::query_scalar(
                "SELECT r.account FROM eligibility_requests r
                 WHERE r.election_id = $1 AND NOT EXISTS (
                     SELECT 1 FROM eligibility_snapshot s
                     WHERE s.election_id = r.election_id AND s.account = r.account)
                 ORDER BY r.account LIMIT $2",
            )
            .bind(election)
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await
        })
        .op("listing accounts to fetch")
    }

    /// Writes snapshot rows in one transaction. An account that already has a row keeps it:
    /// the first fetch is the snapshot. Returns how many rows were written.
    pub async fn add_snapshot_rows(
        &self,
        election: ElectionId,
        rows: &[NewSnapshotRow<'_>],
        now: UnixMicros,
    ) -> Result<u64, StoreError> {
        db_run!(self, write, |pool| {
            let mut tx = pool.begin().await.op("starting to write a snapshot")?;
            let mut added = 0;
            for row in rows {
                added += sqlx::query(
                    "INSERT INTO eligibility_snapshot (election_id, account, facts,
                         voter_decision, voter_eligible, candidate_decision, fetched_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)
                     ON CONFLICT (election_id, account) DO NOTHING",
                )
                .bind(election)
                .bind(row.account)
                .bind(row.facts.to_string())
                .bind(row.voter_decision.to_string())
                .bind(row.voter_eligible)
                .bind(row.candidate_decision.map(ToString::to_string))
                .bind(now)
                .execute(&mut *tx)
                .await
                .op("writing a snapshot row")?
                .rows_affected();
            }
            tx.commit().await.op("committing snapshot rows")?;
            Ok(added)
        })
    }

    /// One account's snapshot row.
    pub async fn snapshot_row(
        &self,
        election: ElectionId,
        account: &str,
    ) -> Result<Option<SnapshotRow>, StoreError> {
        let raw: Option<RawSnapshotRow> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {SNAPSHOT_COLUMNS} FROM eligibility_snapshot
                 WHERE election_id = $1 AND account = $2"
            )))
            .bind(election)
            .bind(account)
            .fetch_optional(pool)
            .await
        })
        .op("reading a snapshot row")?;
        raw.map(RawSnapshotRow::parse).transpose()
    }

    /// Every snapshot row of an election, in account order.
    pub async fn snapshot_rows(
        &self,
        election: ElectionId,
    ) -> Result<Vec<SnapshotRow>, StoreError> {
        let raws: Vec<RawSnapshotRow> = db_run!(self, read, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {SNAPSHOT_COLUMNS} FROM eligibility_snapshot
                 WHERE election_id = $1 ORDER BY account"
            )))
            .bind(election)
            .fetch_all(pool)
            .await
        })
        .op("listing snapshot rows")?;
        raws.into_iter().map(RawSnapshotRow::parse).collect()
    }

    /// Rewrites the decisions of snapshot rows (rules re-evaluated on the kept facts), in
    /// one transaction; the facts and fetch times stay.
    pub async fn set_snapshot_decisions(
        &self,
        election: ElectionId,
        rows: &[NewSnapshotRow<'_>],
    ) -> Result<(), StoreError> {
        db_run!(self, write, |pool| {
            let mut tx = pool.begin().await.op("starting to rewrite decisions")?;
            for row in rows {
                sqlx::query(
                    "UPDATE eligibility_snapshot SET voter_decision = $3, voter_eligible = $4,
                         candidate_decision = $5
                     WHERE election_id = $1 AND account = $2",
                )
                .bind(election)
                .bind(row.account)
                .bind(row.voter_decision.to_string())
                .bind(row.voter_eligible)
                .bind(row.candidate_decision.map(ToString::to_string))
                .execute(&mut *tx)
                .await
                .op("rewriting a decision")?;
            }
            tx.commit().await.op("committing rewritten decisions")
        })
    }
}

impl WriteTx {
    /// Sets (or replaces) an election's eligibility rules in the transaction.
    pub async fn set_eligibility_rules(
        &mut self,
        election: ElectionId,
        rules: &Value,
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        let rules = rules.to_string();
        tx_run!(self, "setting eligibility rules", |conn| {
            sqlx::query(
                "INSERT INTO eligibility_rules (election_id, rules, updated_at) VALUES ($1, $2, $3)
                 ON CONFLICT (election_id) DO UPDATE SET rules = $2, updated_at = $3",
            )
            .bind(election)
            .bind(&rules)
            .bind(now)
            .execute(conn)
            .await
            .map(|_| ())
            .op("setting eligibility rules")
        })
    }
}
