//! Test databases: a fresh SQLite file or a fresh PostgreSQL database per test, and the
//! `on_both!` macro that turns one async test body into a SQLite test and a PostgreSQL test.

use std::str::FromStr;

use sha2::{Digest, Sha256};
use sqlx::Connection;
use sqlx::postgres::{PgConnectOptions, PgConnection};
use urna_store::{Db, ElectionId, NewElection, NewVoter, TokenHash, UnixMicros, VoterId};

/// The environment variable naming a PostgreSQL server the tests may create databases on.
pub const PG_URL_VAR: &str = "URNA_TEST_PG_URL";

/// A migrated database that is removed by [`TestDb::teardown`].
pub struct TestDb {
    pub db: Db,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

fn random_hex() -> String {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).unwrap();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl TestDb {
    /// A SQLite file in a fresh data directory (the `urna serve` default form of address).
    pub async fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::connect(dir.path().to_str().unwrap()).await.unwrap();
        db.migrate().await.unwrap();
        TestDb {
            db,
            cleanup: Cleanup::Sqlite(dir),
        }
    }

    /// A fresh database on the server named by `URNA_TEST_PG_URL`, or `None` (and a notice)
    /// when the variable is unset. `scripts/test` always sets it.
    pub async fn postgres() -> Option<TestDb> {
        let Ok(admin_url) = std::env::var(PG_URL_VAR) else {
            eprintln!("SKIPPED: set {PG_URL_VAR} to run the PostgreSQL storage tests");
            return None;
        };
        let name = format!("urna_test_{}", random_hex());
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
            cleanup: Cleanup::Postgres { admin_url, name },
        })
    }

    pub async fn teardown(self) {
        self.db.close().await;
        match self.cleanup {
            Cleanup::Sqlite(dir) => drop(dir),
            Cleanup::Postgres { admin_url, name } => {
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
}

/// `on_both!(async fn name(db) { … })` defines `name::sqlite` and `name::postgres`; attributes
/// (such as `#[ignore]`) go on both.
macro_rules! on_both {
    ($(#[$meta:meta])* async fn $name:ident($db:ident) $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn case($db: &urna_store::Db) $body

            $(#[$meta])*
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let test = $crate::support::TestDb::sqlite().await;
                case(&test.db).await;
                test.teardown().await;
            }

            $(#[$meta])*
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(test) = $crate::support::TestDb::postgres().await else {
                    return;
                };
                case(&test.db).await;
                test.teardown().await;
            }
        }
    };
}
pub(crate) use on_both;

pub const T0: UnixMicros = UnixMicros(1_780_000_000_000_000);

/// Length of the stand-in sealed ballots.
pub const SEALED_LEN: usize = 64;

/// A stand-in for sealing: nonce ‖ (plaintext padded to 48 bytes) XOR SHA-256 keystream. Only
/// here to give the store opaque, fixed-length bytes; the real sealing is urna-crypto's.
pub fn seal(plaintext: &[u8]) -> Vec<u8> {
    assert!(plaintext.len() <= SEALED_LEN - 16, "plaintext too long");
    let mut nonce = [0u8; 16];
    getrandom::fill(&mut nonce).unwrap();
    let mut padded = plaintext.to_vec();
    padded.resize(SEALED_LEN - 16, 0);
    let mut out = nonce.to_vec();
    for (block_index, chunk) in padded.chunks(32).enumerate() {
        let key = Sha256::new()
            .chain_update(b"test-only sealing key")
            .chain_update(nonce)
            .chain_update([block_index as u8])
            .finalize();
        out.extend(chunk.iter().zip(key.iter()).map(|(p, k)| p ^ k));
    }
    out
}

/// An election in state "open" with a public key and `voters` voters named v000, v001, …,
/// whose tokens are "token-v000", ….
pub async fn open_election(db: &Db, slug: &str, voters: usize) -> (ElectionId, Vec<VoterId>) {
    let election = db
        .create_election(NewElection {
            slug,
            definition: &serde_json::json!({"questions": [{"key": "q1"}]}),
            state: "draft",
            now: T0,
        })
        .await
        .unwrap();
    db.set_election_public_key(
        election,
        "draft",
        &serde_json::json!({"y": "stand-in"}),
        SEALED_LEN as i64,
        T0,
    )
    .await
    .unwrap();
    db.transition_election(election, "draft", "open", T0)
        .await
        .unwrap();
    let names: Vec<String> = (0..voters).map(|i| format!("{slug}-v{i:03}")).collect();
    let new: Vec<NewVoter<'_>> = names
        .iter()
        .map(|name| NewVoter {
            identifier: name,
            email: None,
            weight: 1,
            token_hash: TokenHash::of(format!("token-{name}").as_bytes()),
        })
        .collect();
    let ids = db.add_voters(election, &new, T0).await.unwrap();
    (election, ids)
}

/// A cast in an open election that allows changes, at [`T0`].
pub fn cast<'a>(
    election: ElectionId,
    voter: VoterId,
    sealed: &'a [u8],
) -> urna_store::CastBallot<'a> {
    urna_store::CastBallot {
        election,
        voter,
        sealed,
        open_state: "open",
        allow_change: true,
        now: T0,
    }
}
