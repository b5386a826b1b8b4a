//! `urna rehearse ELECTION`: the whole election run on a throwaway copy before it opens
//! (`urna_web::service::rehearsal`): synthetic voters through the real HTTP stack, throw-away
//! trustee keys, the count. Prints the findings, results and timings (text, or `--json`),
//! stores the rehearsal with the revision it copied (a passed one lets the admin page mark
//! the election ready without an override), and exits with status 1 if any finding is an
//! error, 2 if the rehearsal could not run at all.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use jiff::Timestamp;
use urna_web::service::rehearsal::{self, Progress, RehearsalOptions};

use crate::state_args::StateArgs;

#[derive(Debug, clap::Args)]
pub struct RehearseArgs {
    /// The election's slug.
    election: String,
    /// At most this many synthetic voters [default: every eligible voter].
    #[arg(long, value_name = "N")]
    voters: Option<usize>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    state: StateArgs,
}

pub fn run(args: RehearseArgs) -> ExitCode {
    match rehearse(&args) {
        Ok((output, passed)) => {
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(output.as_bytes());
            let _ = stdout.flush();
            if passed {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(e) => {
            let msg = format!("{e:#}").replace('\n', " ");
            let _ = writeln!(std::io::stderr(), "urna: error: {msg}");
            ExitCode::from(2)
        }
    }
}

fn rehearse(args: &RehearseArgs) -> anyhow::Result<(String, bool)> {
    if args.voters == Some(0) {
        anyhow::bail!("--voters must be at least 1");
    }
    let config = args.state.config()?;
    let mailer = urna_web::mail::Mailer::from_config(&config)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async {
        let db = urna_web::app::connect_database(&config).await?;
        let bar = crate::progress::progress_bar();
        let progress = |p: Progress| {
            if let Some(bar) = &bar {
                bar.set_message(p.step);
                bar.set_length(p.total as u64);
                bar.set_position(p.done as u64);
            }
        };
        let options = RehearsalOptions {
            max_voters: args.voters,
            scratch_parent: None,
        };
        let report = rehearsal::rehearse(
            &db,
            &args.election,
            mailer.as_ref(),
            &options,
            &progress,
            Timestamp::now(),
        )
        .await;
        if let Some(bar) = &bar {
            bar.finish_and_clear();
        }
        let report = report?;
        rehearsal::record(&db, &report, None, Timestamp::now()).await?;
        db.close().await;
        let output = if args.json {
            let mut text =
                serde_json::to_string_pretty(&report).context("writing the report as JSON")?;
            text.push('\n');
            text
        } else {
            report.render()
        };
        Ok((output, report.passed))
    })
}
