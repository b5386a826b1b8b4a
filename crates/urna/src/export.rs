//! `urna export securepoll` and `urna export blt`: an election's definition as a
//! SecurePoll-style XML dump (`urna_core::securepoll_export`, which `urna import securepoll`
//! reads back), and a counted question's anonymised ballots as BLT, which `urna tally` and
//! other STV tools count.
//!
//! Both read the server's database (the same `--config`, `--database`, `--data-dir` as
//! `urna serve`); the dump can also be made offline from a definition file (`--definition`,
//! the JSON `urna import securepoll` writes). Ballots leave only after the count: before it
//! they are sealed and nobody, this command included, can read them; a verifiable election
//! is counted from encrypted totals and has no individual ballots to export at all.

use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::{Args, Subcommand};
use urna_core::election::{Election, ElectionSpec};
use urna_core::lifecycle::State;
use urna_core::securepoll_export;

use crate::state_args::StateArgs;

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(subcommand)]
    format: ExportFormat,
}

#[derive(Debug, Subcommand)]
enum ExportFormat {
    /// The election as a SecurePoll XML dump (configuration, messages in every language,
    /// questions and options; no votes). What SecurePoll cannot hold is listed on stderr.
    Securepoll(SecurePollArgs),
    /// A counted question's anonymised ballots as BLT (only after the count).
    Blt(BltArgs),
}

#[derive(Debug, Args)]
struct SecurePollArgs {
    /// The election's short name, read from the server's database.
    #[arg(long, value_name = "SLUG", conflicts_with = "definition")]
    election: Option<String>,
    /// An election definition (JSON) instead of the database.
    #[arg(long, value_name = "FILE")]
    definition: Option<PathBuf>,
    /// Where to write the dump; default: stdout.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    #[command(flatten)]
    state: StateArgs,
}

#[derive(Debug, Args)]
struct BltArgs {
    /// The election's short name.
    #[arg(long, value_name = "SLUG")]
    election: String,
    /// The question's id.
    #[arg(long, value_name = "ID")]
    question: String,
    /// Where to write the BLT file; default: stdout.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    #[command(flatten)]
    state: StateArgs,
}

pub fn run(args: ExportArgs) -> anyhow::Result<String> {
    match args.format {
        ExportFormat::Securepoll(args) => export_securepoll(&args),
        ExportFormat::Blt(args) => export_blt(&args),
    }
}

/// Runs a database query on a fresh runtime (the CLI is synchronous).
pub fn with_database<T>(
    state: &StateArgs,
    work: impl AsyncFnOnce(&urna_store::Db) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let config = state.config()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async {
        let db = urna_web::app::connect_database(&config).await?;
        work(&db).await
    })
}

fn output(out: Option<&PathBuf>, text: String) -> anyhow::Result<String> {
    match out {
        Some(path) => {
            std::fs::write(path, text)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("wrote {}", path.display());
            Ok(String::new())
        }
        None => Ok(text),
    }
}

fn export_securepoll(args: &SecurePollArgs) -> anyhow::Result<String> {
    let election: Election = match (&args.definition, &args.election) {
        (Some(path), _) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let spec: ElectionSpec = serde_json::from_str(&text)
                .with_context(|| format!("{}: not an election definition", path.display()))?;
            Election::try_from(spec).with_context(|| format!("{}", path.display()))?
        }
        (None, Some(slug)) => with_database(&args.state, async |db| {
            Ok(urna_web::service::elections::load_election(db, slug)
                .await
                .with_context(|| format!("election {slug:?}"))?
                .election)
        })?,
        (None, None) => bail!("name the election with --election SLUG or --definition FILE"),
    };
    let exported = securepoll_export::export(&election)?;
    for warning in &exported.warnings {
        eprintln!("warning: {warning}");
    }
    output(args.out.as_ref(), exported.xml)
}

fn export_blt(args: &BltArgs) -> anyhow::Result<String> {
    let slug = args.election.as_str();
    let question = args.question.as_str();
    let blt = with_database(&args.state, async |db| {
        let loaded = urna_web::service::elections::load_election(db, slug)
            .await
            .with_context(|| format!("election {slug:?}"))?;
        let state = loaded.election.state();
        if !matches!(state, State::Counted | State::Published | State::Archived) {
            bail!(
                "election {slug:?} is {state:?}: its ballots are sealed until the count, and only the counted ballots can be exported"
            );
        }
        if !loaded
            .election
            .questions()
            .iter()
            .any(|q| q.id.as_str() == question)
        {
            bail!("election {slug:?} has no question {question:?}");
        }
        let rows = urna_web::service::publish::results(db, slug, true).await?;
        let row = rows
            .iter()
            .find(|r| r.question == question)
            .with_context(|| format!("question {question:?} of {slug:?} has no stored count"))?;
        match row.report.get("ballots_blt") {
            Some(serde_json::Value::String(text)) => Ok(text.clone()),
            _ if urna_core::verifiable::is_verifiable(loaded.election.questions()) => bail!(
                "election {slug:?} is verifiable: it is counted from encrypted totals, so there are no individual ballots to export (its record holds the totals and their proofs)"
            ),
            _ => bail!(
                "question {question:?} of {slug:?} is not ranked or choose-one: its ballots are published as CSV with the result, not as BLT"
            ),
        }
    })?;
    output(args.out.as_ref(), blt)
}
