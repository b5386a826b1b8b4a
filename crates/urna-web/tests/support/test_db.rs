//! A fresh database per test: SQLite in a temporary directory, or a new PostgreSQL database
//! on the server named by `URNA_TEST_PG_URL` (skipped with a message when it is unset),
//! dropped at teardown. Shared by several test binaries (`#[path]`).
#![allow(dead_code)]

use std::str::FromStr;

use sqlx::Connection;
use sqlx::postgres::{PgConnectOptions, PgConnection};
use urna_store::Db;

pub const PG_URL_VAR: &str = "URNA_TEST_PG_URL";

pub struct TestDb {
    pub db: Db,
    _dir: Option<tempfile::TempDir>,
    pg: Option<(String, String)>,
}

impl TestDb {
    pub async fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::connect(dir.path().to_str().unwrap()).await.unwrap();
        db.migrate().await.unwrap();
        TestDb {
            db,
            _dir: Some(dir),
            pg: None,
        }
    }

    /// `suite` names the tests in the skip message and the database name.
    pub async fn postgres(suite: &str) -> Option<TestDb> {
        let Ok(admin_url) = std::env::var(PG_URL_VAR) else {
            eprintln!("SKIPPED: set {PG_URL_VAR} to run the {suite} tests on PostgreSQL");
            return None;
        };
        let mut bytes = [0u8; 8];
        getrandom::fill(&mut bytes).unwrap();
        let name = format!(
            "urna_{suite}_{}",
            bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
        );
        let mut admin = PgConnection::connect(&admin_url).await.unwrap();
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut admin)
            .await
            .unwrap();
        admin.close().await.unwrap();
        let options = PgConnectOptions::from_str(&admin_url).unwrap();
        let url = format!(
            "postgres://{}@{}:{}/{name}",
            options.get_username(),
            options.get_host(),
            options.get_port()
        );
        let db = Db::connect(&url).await.unwrap();
        db.migrate().await.unwrap();
        Some(TestDb {
            db,
            _dir: None,
            pg: Some((admin_url, name)),
        })
    }

    pub async fn teardown(self) {
        self.db.close().await;
        if let Some((admin_url, name)) = self.pg {
            let mut admin = PgConnection::connect(&admin_url).await.unwrap();
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
            )))
            .execute(&mut admin)
            .await
            .unwrap();
        }
    }
}
