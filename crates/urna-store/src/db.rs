//! The connection: one enum over the two native drivers, and the macro that runs the same
//! SQL text on either.
//!
//! Why not sqlx's `Any` driver: it cannot decode booleans on SQLite and carries no JSON or
//! time types (see `/work/shared/notes/rust-stack.md` §1a). Native pools keep every type, and
//! SQL written with `$N` placeholders runs unchanged on both.

use std::fmt;
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::error::{DbContext, StoreError};
use crate::group_commit::GroupWriter;

/// The SQLite file created inside a data directory.
pub const SQLITE_FILE_NAME: &str = "urna.sqlite3";

/// How long a SQLite connection waits for another process's write lock before failing.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(30);
/// Readers run in parallel in WAL mode; one writer at a time is all SQLite allows.
const SQLITE_READERS: u32 = 8;
const POSTGRES_CONNECTIONS: u32 = 16;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

/// Which database engine a [`Db`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// A handle on the database: cheap to clone (the pools are shared).
#[derive(Clone)]
pub struct Db {
    pub(crate) inner: Inner,
}

#[derive(Clone)]
pub(crate) enum Inner {
    /// SQLite allows one writer at a time. Writes go through a one-connection pool, so they
    /// queue in-process (fairly, in arrival order) instead of spinning on `SQLITE_BUSY`; reads
    /// use a separate read-only pool and run beside the writer in WAL mode.
    Sqlite {
        write: SqlitePool,
        read: SqlitePool,
        /// Ballots and web sessions go through the group-committing writer task.
        writer: GroupWriter,
    },
    /// The pool, and the group-committing writers for ballots and web sessions.
    Postgres(PgPool, GroupWriter),
}

impl Inner {
    /// Where casts and web-session writes go (`group_commit`).
    pub(crate) fn writer(&self) -> &GroupWriter {
        match self {
            Inner::Sqlite { writer, .. } | Inner::Postgres(_, writer) => writer,
        }
    }
}

impl fmt::Debug for Db {
    /// Names the backend only: connection options may hold a password.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Db")
            .field("backend", &self.backend())
            .finish_non_exhaustive()
    }
}

/// Runs `$body` with `$pool` bound to the right native pool. The body is compiled once per
/// backend, so the same SQL text and row structs serve both (as vaultwarden's `db_run!`).
/// `read` picks the read pool (SQLite: read-only connections), `write` the writer.
/// An optional second name binds the [`Backend`] for the rare dialect branch.
macro_rules! db_run {
    ($db:expr, $mode:ident, |$pool:ident| $body:expr) => {
        db_run!($db, $mode, |$pool, _backend| $body)
    };
    ($db:expr, read, |$pool:ident, $backend:ident| $body:expr) => {
        match &$db.inner {
            $crate::db::Inner::Sqlite { read: $pool, .. } => {
                #[allow(unused_variables)]
                let $backend = $crate::db::Backend::Sqlite;
                $body
            }
            $crate::db::Inner::Postgres($pool, _) => {
                #[allow(unused_variables)]
                let $backend = $crate::db::Backend::Postgres;
                $body
            }
        }
    };
    ($db:expr, write, |$pool:ident, $backend:ident| $body:expr) => {
        match &$db.inner {
            $crate::db::Inner::Sqlite { write: $pool, .. } => {
                #[allow(unused_variables)]
                let $backend = $crate::db::Backend::Sqlite;
                $body
            }
            $crate::db::Inner::Postgres($pool, _) => {
                #[allow(unused_variables)]
                let $backend = $crate::db::Backend::Postgres;
                $body
            }
        }
    };
}
pub(crate) use db_run;

impl Db {
    /// Opens the database at `url`:
    /// - `postgres://…` or `postgresql://…`: a PostgreSQL server;
    /// - `sqlite:…` (e.g. `sqlite://data/urna.sqlite3?mode=rwc`): a SQLite file, or
    ///   `sqlite::memory:` for a private in-memory database (one connection, gone on close);
    /// - anything else: a data directory, created if missing, holding [`SQLITE_FILE_NAME`].
    ///
    /// SQLite files get WAL journaling, `synchronous=FULL` (a commit is on disk before the
    /// call returns: an acknowledged ballot survives a crash or power cut), foreign keys and a
    /// 30 s busy timeout. Does not migrate: call [`Db::migrate`].
    pub async fn connect(url: &str) -> Result<Db, StoreError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let options = PgConnectOptions::from_str(url).map_err(|error| bad_url(url, error))?;
            let pool = PgPoolOptions::new()
                .max_connections(POSTGRES_CONNECTIONS)
                .connect_with(options)
                .await
                .op("connecting to PostgreSQL")?;
            return Ok(Db {
                inner: Inner::Postgres(pool.clone(), GroupWriter::spawn_postgres(pool)),
            });
        }
        let options = if url.starts_with("sqlite:") {
            SqliteConnectOptions::from_str(url).map_err(|error| bad_url(url, error))?
        } else {
            let dir = Path::new(url);
            std::fs::create_dir_all(dir).map_err(|error| StoreError::BadUrl {
                url: url.to_owned(),
                reason: format!("cannot create data directory: {error}"),
            })?;
            SqliteConnectOptions::new()
                .filename(dir.join(SQLITE_FILE_NAME))
                .create_if_missing(true)
        };
        Self::connect_sqlite(options).await
    }

    async fn connect_sqlite(options: SqliteConnectOptions) -> Result<Db, StoreError> {
        let options = options
            .foreign_keys(true)
            .busy_timeout(SQLITE_BUSY_TIMEOUT)
            .synchronous(SqliteSynchronous::Full);
        if is_in_memory(&options) {
            // Every connection to `:memory:` is its own database: keep exactly one, forever.
            let pool = SqlitePoolOptions::new()
                .max_connections(1)
                .min_connections(1)
                .idle_timeout(None)
                .max_lifetime(None)
                .connect_with(options)
                .await
                .op("opening the in-memory SQLite database")?;
            return Ok(Db {
                inner: Inner::Sqlite {
                    writer: GroupWriter::spawn_sqlite(pool.clone()),
                    write: pool.clone(),
                    read: pool,
                },
            });
        }
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options.clone().journal_mode(SqliteJournalMode::Wal))
            .await
            .op("opening the SQLite database for writing")?;
        let read = SqlitePoolOptions::new()
            .max_connections(SQLITE_READERS)
            .connect_with(options.read_only(true))
            .await
            .op("opening the SQLite database for reading")?;
        Ok(Db {
            inner: Inner::Sqlite {
                writer: GroupWriter::spawn_sqlite(write.clone()),
                write,
                read,
            },
        })
    }

    /// Which engine this is.
    #[must_use]
    pub fn backend(&self) -> Backend {
        match self.inner {
            Inner::Sqlite { .. } => Backend::Sqlite,
            Inner::Postgres(..) => Backend::Postgres,
        }
    }

    /// Writes a consistent copy of a SQLite database to the new file `to` while the server
    /// runs (`VACUUM INTO`: one read transaction, so the copy is a committed state). PostgreSQL
    /// is copied with its own tools (`pg_dump`), so it is refused here.
    pub async fn snapshot_sqlite(&self, to: &Path) -> Result<(), StoreError> {
        let Inner::Sqlite { write, .. } = &self.inner else {
            return Err(StoreError::BadUrl {
                url: "postgres".to_owned(),
                reason: "a PostgreSQL database is copied with pg_dump, not VACUUM INTO".to_owned(),
            });
        };
        let target = to.to_str().ok_or_else(|| StoreError::BadUrl {
            url: to.display().to_string(),
            reason: "the backup path is not UTF-8".to_owned(),
        })?;
        sqlx::query("VACUUM INTO ?")
            .bind(target)
            .execute(write)
            .await
            .op("copying the SQLite database (VACUUM INTO)")?;
        Ok(())
    }

    /// Whether the database holds no tables of its own yet (a restore's target must be empty).
    pub async fn has_no_tables(&self) -> Result<bool, StoreError> {
        let count: i64 = match &self.inner {
            Inner::Sqlite { read, .. } => sqlx::query_scalar(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )
            .fetch_one(read)
            .await
            .op("listing tables")?,
            Inner::Postgres(pool, _) => sqlx::query_scalar(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'",
            )
            .fetch_one(pool)
            .await
            .op("listing tables")?,
        };
        Ok(count == 0)
    }

    /// Applies the embedded migrations for this backend (`migrations/sqlite` or
    /// `migrations/postgres`). Safe to call at every start-up.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match &self.inner {
            Inner::Sqlite { write, .. } => SQLITE_MIGRATIONS.run(write).await?,
            Inner::Postgres(pool, _) => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        Ok(())
    }

    /// Closes every connection, waiting for the ones in use.
    pub async fn close(&self) {
        match &self.inner {
            Inner::Sqlite { write, read, .. } => {
                read.close().await;
                write.close().await;
            }
            Inner::Postgres(pool, _) => pool.close().await,
        }
    }

    /// The native SQLite pool used for writes, for tests and tools that need raw SQL.
    #[must_use]
    pub fn sqlite_pool(&self) -> Option<&SqlitePool> {
        match &self.inner {
            Inner::Sqlite { write, .. } => Some(write),
            Inner::Postgres(..) => None,
        }
    }

    /// The native PostgreSQL pool, for tests and tools that need raw SQL.
    #[must_use]
    pub fn postgres_pool(&self) -> Option<&PgPool> {
        match &self.inner {
            Inner::Sqlite { .. } => None,
            Inner::Postgres(pool, _) => Some(pool),
        }
    }
}

fn is_in_memory(options: &SqliteConnectOptions) -> bool {
    // The parsed in-memory flag is private; sqlx names such databases `file:sqlx-in-memory-N`
    // or keeps `:memory:` as the file name.
    let name = options.get_filename().to_string_lossy();
    name == ":memory:" || name.starts_with("file:sqlx-in-memory-")
}

/// The URL without its password, for error messages.
fn redacted(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.find(':') {
                Some(colon) => format!(
                    "{}{}:***{}",
                    &url[..scheme_end + 3],
                    &credentials[..colon],
                    &url[at..]
                ),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

fn bad_url(url: &str, error: sqlx::Error) -> StoreError {
    StoreError::BadUrl {
        url: redacted(url),
        reason: error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_removed_from_urls() {
        assert_eq!(
            redacted("postgres://urna:s3cret@db.example:5432/urna"),
            "postgres://urna:***@db.example:5432/urna"
        );
        assert_eq!(
            redacted("postgres://urna@db.example/urna"),
            "postgres://urna@db.example/urna"
        );
        assert_eq!(redacted("sqlite://data.db"), "sqlite://data.db");
    }
}
