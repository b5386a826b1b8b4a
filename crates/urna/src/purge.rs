//! `urna purge --election SLUG`: deletes a closed election's private data now, as the server's
//! scheduler does `[scrutiny] purge_after_days` after the close
//! ([`urna_web::service::scrutiny::purge`]: submission fingerprints and sealed addresses and
//! user agents, vote times, voter sessions, e-mail addresses and notices, and, once results
//! are published, superseded ballots). Logged in the election's audit log as done by the
//! command line. The database is the one `urna serve` would use.

use anyhow::Context;

use crate::state_args::StateArgs;

#[derive(Debug, clap::Args)]
pub struct PurgeArgs {
    /// The election's slug.
    #[arg(long, value_name = "SLUG")]
    election: String,
    #[command(flatten)]
    state: StateArgs,
}

pub fn run(args: PurgeArgs) -> anyhow::Result<String> {
    let config = args.state.config()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let report = runtime.block_on(async {
        let db = urna_web::app::connect_database(&config).await?;
        let purged = urna_web::service::scrutiny::purge(
            &db,
            &args.election,
            urna_web::service::Actor::System,
            false,
            jiff::Timestamp::now(),
        )
        .await;
        db.close().await;
        anyhow::Ok(purged?)
    })?;
    let c = report.counts;
    let ballots = if report.ballots_included {
        format!("{} superseded ballots", c.superseded_ballots)
    } else {
        "no superseded ballots (the results are not published yet)".to_owned()
    };
    Ok(format!(
        "Purged election \"{}\"{}: {} submission fingerprints, {} vote times, {ballots}, \
         {} voter sessions, {} e-mail addresses, {} mail rows.\n",
        args.election,
        if report.first { "" } else { " (again)" },
        c.submissions,
        c.vote_times,
        c.voter_sessions,
        c.voter_emails,
        c.mail_rows,
    ))
}
