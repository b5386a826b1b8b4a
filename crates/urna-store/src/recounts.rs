//! Recounts after a withdrawal made once an election was counted: the original result stays
//! in `results`, untouched; the recount of the same question (its report document, which
//! names the withdrawn candidates) sits beside it in `recounts`, one per question (a second
//! withdrawal replaces it with a recount leaving out both). A recount is public once published:
//! with the election's results, or at once when they already are.

use serde_json::Value;

use crate::db::{Db, db_run};
use crate::error::{DbContext, StoreError};
use crate::records::ResultRow;
use crate::types::{ElectionId, UnixMicros, json_from_row};
use crate::write::{WriteTx, tx_run};

#[derive(sqlx::FromRow)]
struct RawRecount {
    election_id: ElectionId,
    question: String,
    report: String,
    published: bool,
    updated_at: UnixMicros,
}

impl Db {
    /// The election's recounts by question (as result rows); with `published_only`, only
    /// public ones.
    pub async fn recounts(
        &self,
        election: ElectionId,
        published_only: bool,
    ) -> Result<Vec<ResultRow>, StoreError> {
        let raws: Vec<RawRecount> = db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT election_id, question, report, published, updated_at FROM recounts
                 WHERE election_id = $1 AND (published OR NOT $2)
                 ORDER BY question",
            )
            .bind(election)
            .bind(published_only)
            .fetch_all(pool)
            .await
        })
        .op("reading recounts")?;
        raws.into_iter()
            .map(|raw| {
                Ok(ResultRow {
                    election: raw.election_id,
                    question: raw.question,
                    report: json_from_row(&raw.report, "recounts", "report")?,
                    published: raw.published,
                    updated_at: raw.updated_at,
                })
            })
            .collect()
    }
}

impl WriteTx {
    /// Stores (or replaces) a question's recount, public at once when `published`.
    pub async fn put_recount(
        &mut self,
        election: ElectionId,
        question: &str,
        report: &Value,
        published: bool,
        now: UnixMicros,
    ) -> Result<(), StoreError> {
        let report = report.to_string();
        tx_run!(self, "storing a recount", |conn| {
            sqlx::query(
                "INSERT INTO recounts (election_id, question, report, published, updated_at)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (election_id, question) DO UPDATE
                     SET report = excluded.report, published = excluded.published,
                         updated_at = excluded.updated_at",
            )
            .bind(election)
            .bind(question)
            .bind(&report)
            .bind(published)
            .bind(now)
            .execute(&mut *conn)
            .await
            .op("storing a recount")?;
            Ok(())
        })
    }

    /// Publishes every recount of the election; returns how many changed.
    pub async fn publish_recounts(
        &mut self,
        election: ElectionId,
        now: UnixMicros,
    ) -> Result<u64, StoreError> {
        tx_run!(self, "publishing recounts", |conn| {
            let changed = sqlx::query(
                "UPDATE recounts SET published = TRUE, updated_at = $1
                 WHERE election_id = $2 AND NOT published",
            )
            .bind(now)
            .bind(election)
            .execute(&mut *conn)
            .await
            .op("publishing recounts")?
            .rows_affected();
            Ok(changed)
        })
    }
}
