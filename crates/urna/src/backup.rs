//! `urna backup` and `urna restore`: a copy of a running server's state, and a fresh server's
//! state made from it.
//!
//! A backup is a directory: the database (SQLite: a consistent copy by `VACUUM INTO`, taken
//! while the server runs; PostgreSQL: `pg_dump --format=custom`), the server key file when the
//! key lives in the data directory (it seals staff TOTP secrets and signs the public board, so
//! a restored server needs it; keep backups as secret as the data directory), and
//! `MANIFEST.json` with each file's SHA-256. `urna restore` checks the checksums, refuses to
//! overwrite any existing database or key, then copies (SQLite) or runs `pg_restore` into an
//! empty database (PostgreSQL), and applies the migrations so that `urna serve` continues the
//! elections where the backup left them.

use std::path::{Path, PathBuf};

use std::process::Command;

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use urna_store::{Backend, Db, SQLITE_FILE_NAME};
use urna_web::auth::server_key::KEY_FILE_NAME;

use crate::state_args::StateArgs;

const MANIFEST: &str = "MANIFEST.json";
const PG_DUMP_FILE: &str = "urna.pgdump";

#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// The backup directory to create (must not exist, or be empty).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    #[command(flatten)]
    state: StateArgs,
}

#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// The backup directory `urna backup` wrote.
    #[arg(long = "from", value_name = "DIR")]
    from: PathBuf,
    #[command(flatten)]
    state: StateArgs,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    v: u32,
    /// "sqlite" or "postgres".
    engine: String,
    /// The database file in the backup directory.
    database_file: String,
    /// Whether `secret.key` is in the backup (false when the key comes from the environment or
    /// the configuration: it must then be given to the restored server the same way).
    server_key_included: bool,
    /// SHA-256 (hex) of every file, by name.
    sha256: std::collections::BTreeMap<String, String>,
}

fn sha256_hex(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(urna_crypto::encoding::to_hex(&Sha256::digest(&bytes)))
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}

/// Runs an external PostgreSQL tool, with a clear error when it is missing or fails.
fn run_tool(tool: &str, args: &[&str]) -> anyhow::Result<()> {
    let out = Command::new(tool).args(args).output().with_context(|| {
        format!("cannot run {tool} (install the PostgreSQL client tools, e.g. Debian's postgresql-client)")
    })?;
    if !out.status.success() {
        bail!(
            "{tool} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(())
}

fn copy_private(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::copy(from, to)
        .with_context(|| format!("copying {} to {}", from.display(), to.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(to, std::fs::Permissions::from_mode(0o600))
            .with_context(|| format!("restricting {}", to.display()))?;
    }
    Ok(())
}

pub fn backup(args: BackupArgs) -> anyhow::Result<String> {
    let config = args.state.config()?;
    if args.out.exists()
        && std::fs::read_dir(&args.out)
            .with_context(|| format!("reading {}", args.out.display()))?
            .next()
            .is_some()
    {
        bail!("{} exists and is not empty", args.out.display());
    }
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let url = config.database_url();
    let (engine, database_file) = match &config.database {
        Some(db) if db.expose().starts_with("postgres") => {
            let file = args.out.join(PG_DUMP_FILE);
            let file_arg = file.display().to_string();
            run_tool(
                "pg_dump",
                &[
                    "--format=custom",
                    "--no-owner",
                    "--file",
                    &file_arg,
                    db.expose(),
                ],
            )?;
            ("postgres", PG_DUMP_FILE)
        }
        _ => {
            let target = args.out.join(SQLITE_FILE_NAME);
            runtime()?.block_on(async {
                let db = Db::connect(url.expose())
                    .await
                    .with_context(|| format!("opening {url}"))?;
                let copied = db.snapshot_sqlite(&target).await;
                db.close().await;
                copied.context("copying the database")
            })?;
            ("sqlite", SQLITE_FILE_NAME)
        }
    };
    let key = config.data_dir.join(KEY_FILE_NAME);
    let server_key_included = config.secret_key.is_none() && key.exists();
    if server_key_included {
        copy_private(&key, &args.out.join(KEY_FILE_NAME))?;
    }
    let mut sha256 = std::collections::BTreeMap::new();
    for name in [
        Some(database_file),
        server_key_included.then_some(KEY_FILE_NAME),
    ]
    .into_iter()
    .flatten()
    {
        sha256.insert(name.to_owned(), sha256_hex(&args.out.join(name))?);
    }
    let manifest = Manifest {
        v: 1,
        engine: engine.to_owned(),
        database_file: database_file.to_owned(),
        server_key_included,
        sha256,
    };
    let path = args.out.join(MANIFEST);
    std::fs::write(&path, serde_json::to_string_pretty(&manifest)? + "\n")
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(format!(
        "backed up the {engine} database{} to {}\n",
        if server_key_included {
            " and the server key"
        } else {
            " (the server key comes from the configuration: keep it with the backup)"
        },
        args.out.display()
    ))
}

pub fn restore(args: RestoreArgs) -> anyhow::Result<String> {
    let config = args.state.config()?;
    let path = args.from.join(MANIFEST);
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let manifest: Manifest = serde_json::from_str(&text)
        .with_context(|| format!("{} is not an Urna backup manifest", path.display()))?;
    if manifest.v != 1 {
        bail!("{}: backup version {} is not 1", path.display(), manifest.v);
    }
    for (name, expected) in &manifest.sha256 {
        if name.contains('/') || name.contains("..") {
            bail!("{}: file name {name:?} is not a plain name", path.display());
        }
        let actual = sha256_hex(&args.from.join(name))?;
        if &actual != expected {
            bail!("{name} does not match its checksum in the manifest: the backup is damaged");
        }
    }
    if !manifest.sha256.contains_key(&manifest.database_file) {
        bail!("{}: the database file has no checksum", path.display());
    }
    let target_is_postgres = config
        .database
        .as_ref()
        .is_some_and(|db| db.expose().starts_with("postgres"));
    let source = args.from.join(&manifest.database_file);
    std::fs::create_dir_all(&config.data_dir)
        .with_context(|| format!("creating {}", config.data_dir.display()))?;
    let key_target = config.data_dir.join(KEY_FILE_NAME);
    if manifest.server_key_included && key_target.exists() {
        bail!(
            "{} already exists: restore into a fresh data directory",
            key_target.display()
        );
    }
    match (manifest.engine.as_str(), target_is_postgres) {
        ("sqlite", false) => {
            let url = config.database_url();
            let file = match &config.database {
                None => config.data_dir.join(SQLITE_FILE_NAME),
                Some(_) => {
                    bail!("restore a SQLite backup into a data directory (--data-dir), not {url}")
                }
            };
            if file.exists() {
                bail!(
                    "{} already exists: restore into a fresh data directory",
                    file.display()
                );
            }
            copy_private(&source, &file)?;
        }
        ("postgres", true) => {
            let Some(db_url) = &config.database else {
                bail!("a PostgreSQL backup needs --database postgres://…");
            };
            let empty = runtime()?.block_on(async {
                let db = Db::connect(db_url.expose()).await?;
                let empty = db.has_no_tables().await;
                db.close().await;
                empty
            })?;
            if !empty {
                bail!("{db_url} is not empty: restore into a new, empty database");
            }
            let file_arg = source.display().to_string();
            run_tool(
                "pg_restore",
                &[
                    "--no-owner",
                    "--exit-on-error",
                    "--dbname",
                    db_url.expose(),
                    &file_arg,
                ],
            )?;
        }
        (engine, _) => bail!(
            "a {engine} backup cannot be restored into {}",
            config.database_url()
        ),
    }
    if manifest.server_key_included {
        copy_private(&args.from.join(KEY_FILE_NAME), &key_target)?;
    }
    // The restored database opens and migrates (a backup from an older Urna is brought up to
    // date here rather than at the next start).
    let url = config.database_url();
    runtime()?
        .block_on(async {
            let db = match &config.database {
                Some(db) => Db::connect(db.expose()).await,
                None => Db::connect(&config.data_dir.display().to_string()).await,
            }
            .with_context(|| format!("opening the restored database {url}"))?;
            let migrated = db.migrate().await;
            let backend = db.backend();
            db.close().await;
            migrated.context("migrating the restored database")?;
            anyhow::Ok(backend)
        })
        .map(|backend| {
            format!(
                "restored the {} backup {} into {url}{}\n",
                match backend {
                    Backend::Sqlite => "SQLite",
                    Backend::Postgres => "PostgreSQL",
                },
                args.from.display(),
                if manifest.server_key_included {
                    " with its server key"
                } else {
                    "; give the server the same secret key as before"
                }
            )
        })
}
