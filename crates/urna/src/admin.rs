//! `urna admin`: site administration from the command line.
//!
//! `urna admin create-operator --username NAME` bootstraps a site operator: the password is
//! read from the terminal without echo (or from the first line of stdin when it is a pipe),
//! hashed with Argon2id, and a new TOTP secret is printed once, as an `otpauth://` URI for an
//! authenticator app and as base32. The database is the one `urna serve` would use (same
//! `--config`, `--database`, `--data-dir`, `urna.toml` and `URNA_*` variables), and so is the
//! server secret key the TOTP secret is sealed with (`secret_key` / `URNA_SECRET_KEY`, else
//! the data directory's `secret.key`, created if absent): the server can then open it.

use std::io::{BufRead, IsTerminal};

use anyhow::Context;
use urna_web::auth::password::Password;
use urna_web::auth::server_key::ServerSecretKey;
use urna_web::staff::{StaffUsername, create_operator, seal_stored_totp_secrets};

use crate::state_args::StateArgs;

/// The issuer shown in authenticator apps.
pub const TOTP_ISSUER: &str = "Urna";

#[derive(Debug, clap::Args)]
pub struct AdminArgs {
    #[command(subcommand)]
    command: AdminCommand,
}

#[derive(Debug, clap::Subcommand)]
enum AdminCommand {
    /// Create a site operator (password from stdin; prints the TOTP secret once).
    CreateOperator(CreateOperatorArgs),
}

#[derive(Debug, clap::Args)]
struct CreateOperatorArgs {
    /// The new operator's username.
    #[arg(long, value_name = "NAME")]
    username: String,
    #[command(flatten)]
    state: StateArgs,
}

pub fn run(args: AdminArgs) -> anyhow::Result<String> {
    match args.command {
        AdminCommand::CreateOperator(args) => run_create_operator(args),
    }
}

/// Reads the password: hidden prompt on a terminal, first line of stdin otherwise.
fn read_password() -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return rpassword::prompt_password("Password for the new operator: ")
            .context("cannot read the password from the terminal");
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .context("cannot read the password from stdin")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

fn run_create_operator(args: CreateOperatorArgs) -> anyhow::Result<String> {
    // Check what can be checked before asking for a password.
    let username = StaffUsername::parse(&args.username)?;
    let config = args.state.config()?;
    // A key file that is unreadable or not private stops us before the password is asked.
    let key = ServerSecretKey::load(&config)?;
    let password = Password::new(read_password()?)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let secret = runtime.block_on(async {
        let db = urna_web::app::connect_database(&config).await?;
        let created = match seal_stored_totp_secrets(&db, &key).await {
            Ok(_) => create_operator(&db, &key, &username, &password, "cli").await,
            Err(error) => Err(error),
        };
        db.close().await;
        anyhow::Ok(created?.1)
    })?;
    Ok(format!(
        "Created site operator \"{username}\".\n\
         Add this to an authenticator app (shown only now):\n\
         {}\n\
         Or enter the secret by hand: {}\n",
        secret.otpauth_uri(TOTP_ISSUER, username.as_str()),
        secret.to_base32()
    ))
}
