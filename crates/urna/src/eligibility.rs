//! `urna eligibility`: eligibility from wiki data, on the server's database.
//!
//! - `rules --election SLUG FILE`: sets the election's rules from a JSON file (an
//!   `ElectionEligibility`: `wikis`, `cutoff`, `voters`, optional `candidates`).
//! - `fetch --election SLUG --wiki ID=API_URL … [--central-api URL] [--accounts FILE]`: adds
//!   the accounts of `FILE` (one a line, `Name@wiki`, or a bare global name for every wiki of
//!   the election) to the accounts to cover, then fetches every one not yet in the snapshot,
//!   with a progress bar. Interrupted, run it again: fetched accounts are not fetched again.
//! - `fill --election SLUG`: adds the eligible accounts to the voter list.
//! - `explain --election SLUG ACCOUNT`: the decision for one account.
//!
//! The database is the one `urna serve` uses (same `--config`, `--database`, `--data-dir`).

use std::path::PathBuf;

use anyhow::Context;
use jiff::Timestamp;
use urna_core::wiki_eligibility::{AccountList, ElectionEligibility, WikiId};
use urna_web::service::Actor;
use urna_web::service::eligibility::{self, Explanation, WikiSites};
use urna_web::wiki_api::MediaWikiClient;

use crate::state_args::StateArgs;

#[derive(Debug, clap::Args)]
pub struct EligibilityArgs {
    #[command(subcommand)]
    command: EligibilityCommand,
}

#[derive(Debug, clap::Subcommand)]
enum EligibilityCommand {
    /// Set an election's eligibility rules from a JSON file.
    Rules(RulesArgs),
    /// Fetch the snapshot from the wikis (resumable), with progress.
    Fetch(FetchArgs),
    /// Add the eligible accounts to the voter list.
    Fill(ElectionArgs),
    /// Show the decision for one account (`Name@wiki`).
    Explain(ExplainArgs),
}

#[derive(Debug, clap::Args)]
struct ElectionArgs {
    /// The election's slug.
    #[arg(long, value_name = "SLUG")]
    election: String,
    #[command(flatten)]
    state: StateArgs,
}

#[derive(Debug, clap::Args)]
struct RulesArgs {
    #[command(flatten)]
    election: ElectionArgs,
    /// The rules, as JSON.
    file: PathBuf,
}

#[derive(Debug, clap::Args)]
struct FetchArgs {
    #[command(flatten)]
    election: ElectionArgs,
    /// A wiki and its Action API: `enwiki=https://en.wikipedia.org/w/api.php` (repeat).
    #[arg(long = "wiki", value_name = "ID=URL", required = true)]
    wikis: Vec<String>,
    /// The central wiki's API (CentralAuth, GlobalBlocking), when rules need central data.
    #[arg(long, value_name = "URL")]
    central_api: Option<String>,
    /// Accounts to cover, one a line (`Name@wiki`, or a bare name for every wiki).
    #[arg(long, value_name = "FILE")]
    accounts: Option<PathBuf>,
    /// How the wikis' operators can reach you, sent in the User-Agent (Wikimedia requires it).
    #[arg(long, value_name = "EMAIL_OR_URL")]
    contact: String,
}

#[derive(Debug, clap::Args)]
struct ExplainArgs {
    #[command(flatten)]
    election: ElectionArgs,
    /// `Name@wiki`.
    account: String,
}

pub fn run(args: EligibilityArgs) -> anyhow::Result<String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async {
        match args.command {
            EligibilityCommand::Rules(a) => rules(a).await,
            EligibilityCommand::Fetch(a) => fetch(a).await,
            EligibilityCommand::Fill(a) => fill(a).await,
            EligibilityCommand::Explain(a) => explain(a).await,
        }
    })
}

async fn connect(state: &StateArgs) -> anyhow::Result<urna_store::Db> {
    Ok(urna_web::app::connect_database(&state.config()?).await?)
}

async fn rules(args: RulesArgs) -> anyhow::Result<String> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let rules: ElectionEligibility = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a rule set", args.file.display()))?;
    let db = connect(&args.election.state).await?;
    let slug = &args.election.election;
    let result = eligibility::set_rules(&db, slug, &rules, Actor::System, Timestamp::now()).await;
    db.close().await;
    result?;
    Ok(format!("Set the eligibility rules of {slug}.\n"))
}

/// Reads `ID=URL` flags.
fn sites(args: &FetchArgs) -> anyhow::Result<WikiSites> {
    let mut sites = WikiSites {
        central_api: args.central_api.clone(),
        ..WikiSites::default()
    };
    for w in &args.wikis {
        let (id, url) = w
            .split_once('=')
            .with_context(|| format!("--wiki {w:?}: write ID=API_URL"))?;
        sites.api.insert(WikiId::parse(id)?, url.to_owned());
    }
    Ok(sites)
}

async fn fetch(args: FetchArgs) -> anyhow::Result<String> {
    let sites = sites(&args)?;
    let client = MediaWikiClient::new(&args.contact)?;
    let list = match &args.accounts {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            Some(AccountList::parse(&path.display().to_string(), &text)?)
        }
        None => None,
    };
    let db = connect(&args.election.state).await?;
    let slug = &args.election.election;
    let bar = crate::progress::progress_bar();
    if let Some(bar) = &bar {
        bar.set_message("fetching");
    }
    let result = async {
        if let Some(list) = &list {
            eligibility::request_list(&db, slug, list).await?;
        }
        let started = std::time::Instant::now();
        let before = eligibility::progress(&db, slug).await?;
        let done = eligibility::fetch(&db, slug, &client, &sites, Timestamp::now(), &mut |p| {
            if let Some(bar) = &bar {
                bar.set_length(p.requested);
                bar.set_position(p.fetched);
            }
        })
        .await?;
        anyhow::Ok((done, done.fetched - before.fetched, started.elapsed()))
    }
    .await;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    db.close().await;
    let (done, now_fetched, took) = result?;
    let rate = now_fetched as f64 / took.as_secs_f64().max(1e-9);
    Ok(format!(
        "Fetched {now_fetched} accounts in {:.1} s ({rate:.0} accounts/s); the snapshot holds {} of {} requested.\n",
        took.as_secs_f64(),
        done.fetched,
        done.requested
    ))
}

async fn fill(args: ElectionArgs) -> anyhow::Result<String> {
    let db = connect(&args.state).await?;
    let result =
        eligibility::fill_voter_list(&db, &args.election, Actor::System, Timestamp::now()).await;
    db.close().await;
    let outcome = result?;
    Ok(format!(
        "Added {} eligible accounts to the voter list ({} were listed already).\n",
        outcome.issued.len(),
        outcome.already_listed.len()
    ))
}

async fn explain(args: ExplainArgs) -> anyhow::Result<String> {
    let db = connect(&args.election.state).await?;
    let result = eligibility::explain(&db, &args.election.election, &args.account).await;
    db.close().await;
    Ok(match result? {
        Explanation::NotInSnapshot { account, .. } => {
            format!("{account} is not in the snapshot: it was not among the accounts fetched.\n")
        }
        Explanation::Decided {
            account,
            voter,
            candidate,
            fetched_at,
            ..
        } => {
            let say = |d: &urna_core::wiki_eligibility::Decision| match d {
                urna_core::wiki_eligibility::Decision::Eligible { .. } => "eligible".to_owned(),
                urna_core::wiki_eligibility::Decision::NotEligible { failure } => {
                    format!("not eligible: {} ({failure})", failure.rule())
                }
            };
            let mut out = format!(
                "{account} (fetched {fetched_at})\n  voter: {}\n",
                say(&voter)
            );
            if let Some(c) = candidate {
                out.push_str(&format!("  candidate: {}\n", say(&c)));
            }
            out
        }
    })
}
