//! Trustee files, frozen ballot sets and results: the documents a count produces.
//!
//! Trustee files (key-generation rounds, decryption shares) are write-once: a trustee cannot
//! silently replace an upload. A frozen set is the shuffled list of ballots fixed at close,
//! stored with its SHA-256 so later steps can prove they used the same set.

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::db::{Db, db_run};
use crate::error::{DbContext, StoreError, is_unique_violation};
use crate::types::{ElectionId, UnixMicros, json_from_row};
use crate::write::{WriteTx, tx_run};

/// One trustee's file for one round.
#[derive(Debug, Clone, PartialEq)]
pub struct TrusteeFile {
    /// The election.
    pub election: ElectionId,
    /// The trustee's index, from 1.
    pub trustee_index: i64,
    /// The round, from 1 (numbering is the caller's: key-generation rounds, then shares).
    pub round: i64,
    /// The file's JSON document.
    pub payload: Value,
    /// Upload time.
    pub created_at: UnixMicros,
}

#[derive(sqlx::FromRow)]
struct RawTrusteeFile {
    election_id: ElectionId,
    trustee_index: i64,
    round: i64,
    payload: String,
    created_at: UnixMicros,
}

/// A frozen ballot set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrozenSet {
    /// Database id (increasing: the last is the latest).
    pub id: i64,
    /// The election.
    pub election: ElectionId,
    /// SHA-256 of `payload`.
    pub hash: [u8; 32],
    /// The serialized set, opaque to the store.
    pub payload: Vec<u8>,
    /// Freezing time.
    pub created_at: UnixMicros,
}

#[derive(sqlx::FromRow)]
struct RawFrozenSet {
    id: i64,
    election_id: ElectionId,
    hash: Vec<u8>,
    payload: Vec<u8>,
    created_at: UnixMicros,
}

/// One question's result report.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultRow {
    /// The election.
    pub election: ElectionId,
    /// The question's key in the definition.
    pub question: String,
    /// The report document (elected, rounds, chart data…).
    pub report: Value,
    /// Visible to the public?
    pub published: bool,
    /// Last change.
    pub updated_at: UnixMicros,
}

#[derive(sqlx::FromRow)]
struct RawResult {
    election_id: ElectionId,
    question: String,
    report: String,
    published: bool,
    updated_at: UnixMicros,
}

impl RawResult {
    fn parse(self) -> Result<ResultRow, StoreError> {
        Ok(ResultRow {
            election: self.election_id,
            question: self.question,
            report: json_from_row(&self.report, "results", "report")?,
            published: self.published,
            updated_at: self.updated_at,
        })
    }
}

impl Db {
    /// Stores a trustee's file for a round ([`WriteTx::put_trustee_file`] in a transaction of
    /// its own).
    pub async fn put_trustee_file(
        &self,
        election: ElectionId,
        trustee_index: i64,
        round: i64,
        payload: &Value,
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        tx.put_trustee_file(election, trustee_index, round, payload, now)
            .await?;
        tx.commit().await
    }

    /// Every trustee file of a round, by trustee index.
    pub async fn trustee_files(
        &self,
        election: ElectionId,
        round: i64,
    ) -> Result<Vec<TrusteeFile>, StoreError> {
        let raws: Vec<RawTrusteeFile> = db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT election_id, trustee_index, round, payload, created_at
                 FROM trustee_files WHERE election_id = $1 AND round = $2
                 ORDER BY trustee_index",
            )
            .bind(election)
            .bind(round)
            .fetch_all(pool)
            .await
        })
        .op("reading trustee files")?;
        raws.into_iter()
            .map(|raw| {
                Ok(TrusteeFile {
                    election: raw.election_id,
                    trustee_index: raw.trustee_index,
                    round: raw.round,
                    payload: json_from_row(&raw.payload, "trustee_files", "payload")?,
                    created_at: raw.created_at,
                })
            })
            .collect()
    }

    /// Stores a frozen ballot set and returns its SHA-256 ([`WriteTx::put_frozen_set`] in a
    /// transaction of its own).
    pub async fn put_frozen_set(
        &self,
        election: ElectionId,
        payload: &[u8],
        now: UnixMicros,
    ) -> Result<[u8; 32], StoreError> {
        let mut tx = self.begin_write().await?;
        let hash = tx.put_frozen_set(election, payload, now).await?;
        tx.commit().await?;
        Ok(hash)
    }

    /// The most recently frozen set of the election, if any, after checking its hash.
    pub async fn latest_frozen_set(
        &self,
        election: ElectionId,
    ) -> Result<Option<FrozenSet>, StoreError> {
        let raw: Option<RawFrozenSet> = db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT id, election_id, hash, payload, created_at FROM frozen_sets
                 WHERE election_id = $1 ORDER BY id DESC LIMIT 1",
            )
            .bind(election)
            .fetch_optional(pool)
            .await
        })
        .op("reading the frozen set")?;
        let Some(raw) = raw else { return Ok(None) };
        let computed: [u8; 32] = Sha256::digest(&raw.payload).into();
        if raw.hash != computed {
            return Err(StoreError::CorruptRow {
                table: "frozen_sets",
                column: "payload",
                detail: format!("set {} does not match its stored hash", raw.id),
            });
        }
        Ok(Some(FrozenSet {
            id: raw.id,
            election: raw.election_id,
            hash: computed,
            payload: raw.payload,
            created_at: raw.created_at,
        }))
    }

    /// Stores (or replaces) a question's result, unpublished ([`WriteTx::put_result`] in a
    /// transaction of its own).
    pub async fn put_result(
        &self,
        election: ElectionId,
        question: &str,
        report: &Value,
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        tx.put_result(election, question, report, now).await?;
        tx.commit().await
    }

    /// Publishes (or withdraws) every result of the election
    /// ([`WriteTx::set_results_published`] in a transaction of its own).
    pub async fn set_results_published(
        &self,
        election: ElectionId,
        published: bool,
        now: UnixMicros,
    ) -> Result<u64, StoreError> {
        let mut tx = self.begin_write().await?;
        let changed = tx.set_results_published(election, published, now).await?;
        tx.commit().await?;
        Ok(changed)
    }

    /// The election's results by question; with `published_only`, only public ones.
    pub async fn results(
        &self,
        election: ElectionId,
        published_only: bool,
    ) -> Result<Vec<ResultRow>, StoreError> {
        let raws: Vec<RawResult> = db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT election_id, question, report, published, updated_at FROM results
                 WHERE election_id = $1 AND (published OR NOT $2)
                 ORDER BY question",
            )
            .bind(election)
            .bind(published_only)
            .fetch_all(pool)
            .await
        })
        .op("reading results")?;
        raws.into_iter().map(RawResult::parse).collect()
    }
}

/// Trustee files, frozen sets and results, for acts that commit them with their audit entry.
impl WriteTx {
    /// Stores a trustee's file for a round; [`StoreError::Duplicate`] if one is there already.
    pub async fn put_trustee_file(
        &mut self,
        election: ElectionId,
        trustee_index: i64,
        round: i64,
        payload: &Value,
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        let payload = payload.to_string();
        tx_run!(self, "storing a trustee file", |conn| {
            if trustee_index < 1 || round < 1 {
                return Err(StoreError::Invalid {
                    what: "trustee file key",
                    detail: format!("trustee {trustee_index}, round {round}: both start at 1"),
                });
            }
            let result = sqlx::query(
                "INSERT INTO trustee_files (election_id, trustee_index, round, payload, created_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(election)
            .bind(trustee_index)
            .bind(round)
            .bind(&payload)
            .bind(now)
            .execute(&mut *conn)
            .await
            .map(|_| ());
            match result {
                Err(error) if is_unique_violation(&error) => Err(StoreError::Duplicate {
                    what: "trustee file",
                    value: format!("election {election}, trustee {trustee_index}, round {round}"),
                }),
                other => other.op("storing a trustee file"),
            }
        })
    }

    /// Stores a frozen ballot set and returns its SHA-256 (computed here, so hash and payload
    /// always agree).
    pub async fn put_frozen_set(
        &mut self,
        election: ElectionId,
        payload: &[u8],
        now: UnixMicros,
    ) -> Result<[u8; 32], StoreError> {
        let hash: [u8; 32] = Sha256::digest(payload).into();
        tx_run!(self, "storing a frozen set", |conn| {
            let result = sqlx::query(
                "INSERT INTO frozen_sets (election_id, hash, payload, created_at)
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(election)
            .bind(hash.as_slice())
            .bind(payload)
            .bind(now)
            .execute(&mut *conn)
            .await
            .map(|_| ());
            match result {
                Err(error) if is_unique_violation(&error) => Err(StoreError::Duplicate {
                    what: "frozen set",
                    value: crate::types::hex(&hash),
                }),
                other => other.op("storing a frozen set").map(|()| hash),
            }
        })
    }

    /// Stores the election's first frozen set, or refuses with [`StoreError::Duplicate`] if
    /// it already has one. Two servers freezing at once are serialised on the election's row
    /// ([`WriteTx::lock_election`]), so the second sees the first's set and stores nothing.
    pub async fn put_first_frozen_set(
        &mut self,
        election: ElectionId,
        payload: &[u8],
        now: UnixMicros,
    ) -> Result<[u8; 32], StoreError> {
        self.lock_election(election).await?;
        let existing: Option<i64> = tx_run!(self, "looking for a frozen set", |conn| {
            sqlx::query_scalar("SELECT id FROM frozen_sets WHERE election_id = $1 LIMIT 1")
                .bind(election)
                .fetch_optional(&mut *conn)
                .await
                .op("looking for a frozen set")
        })?;
        if let Some(id) = existing {
            self.failed = Some("storing a frozen set");
            return Err(StoreError::Duplicate {
                what: "frozen set of the election",
                value: id.to_string(),
            });
        }
        self.put_frozen_set(election, payload, now).await
    }

    /// Stores (or replaces) a question's result, unpublished. Replacing a published result is
    /// refused: unpublish first, deliberately.
    pub async fn put_result(
        &mut self,
        election: ElectionId,
        question: &str,
        report: &Value,
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        let report = report.to_string();
        tx_run!(self, "storing a result", |conn| {
            let written = sqlx::query(
                "INSERT INTO results (election_id, question, report, published, updated_at)
                 VALUES ($1, $2, $3, FALSE, $4)
                 ON CONFLICT (election_id, question) DO UPDATE
                     SET report = excluded.report, updated_at = excluded.updated_at
                     WHERE NOT results.published",
            )
            .bind(election)
            .bind(question)
            .bind(&report)
            .bind(now)
            .execute(&mut *conn)
            .await
            .op("storing a result")?
            .rows_affected();
            if written == 1 {
                Ok(())
            } else {
                Err(StoreError::Invalid {
                    what: "result",
                    detail: format!("question {question:?} of election {election} is published"),
                })
            }
        })
    }

    /// Publishes (or withdraws) every result of the election; returns how many changed.
    pub async fn set_results_published(
        &mut self,
        election: ElectionId,
        published: bool,
        now: UnixMicros,
    ) -> Result<u64, StoreError> {
        tx_run!(self, "publishing results", |conn| {
            let changed = sqlx::query(
                "UPDATE results SET published = $1, updated_at = $2
                 WHERE election_id = $3 AND published <> $1",
            )
            .bind(published)
            .bind(now)
            .bind(election)
            .execute(&mut *conn)
            .await
            .op("publishing results")?
            .rows_affected();
            Ok(changed)
        })
    }
}
