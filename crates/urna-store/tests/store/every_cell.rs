//! What a database dump holds: every cell of every table, for the tests that look for secrets
//! in it. Shared by the store's tests and urna-web's (which include this file by `#[path]`).
#![allow(dead_code)]

use urna_store::{Backend, Db};

/// Every cell of every table, as text (PostgreSQL `::text`, bytea as `\x` hex; SQLite cast to
/// a blob, read as bytes).
pub async fn every_cell(db: &Db) -> Vec<(String, Vec<u8>)> {
    let mut cells = Vec::new();
    match db.backend() {
        Backend::Sqlite => {
            let pool = db.sqlite_pool().unwrap();
            let columns: Vec<(String, String)> = sqlx::query_as(
                "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
                 WHERE m.type = 'table'",
            )
            .fetch_all(pool)
            .await
            .unwrap();
            for (table, column) in columns {
                let sql = format!("SELECT CAST(\"{column}\" AS BLOB) FROM \"{table}\"");
                let values: Vec<Option<Vec<u8>>> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                    .fetch_all(pool)
                    .await
                    .unwrap();
                cells.extend(
                    values
                        .into_iter()
                        .flatten()
                        .map(|v| (format!("{table}.{column}"), v)),
                );
            }
        }
        Backend::Postgres => {
            let pool = db.postgres_pool().unwrap();
            let columns: Vec<(String, String)> = sqlx::query_as(
                "SELECT table_name::text, column_name::text FROM information_schema.columns
                 WHERE table_schema = 'public'",
            )
            .fetch_all(pool)
            .await
            .unwrap();
            for (table, column) in columns {
                let sql = format!("SELECT \"{column}\"::text FROM \"{table}\"");
                let values: Vec<Option<String>> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                    .fetch_all(pool)
                    .await
                    .unwrap();
                cells.extend(
                    values
                        .into_iter()
                        .flatten()
                        .map(|v| (format!("{table}.{column}"), v.into_bytes())),
                );
            }
        }
    }
    cells
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
