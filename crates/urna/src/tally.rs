//! `urna tally`: count a ballot file. Raw flags (`TallyArgs`) are resolved into the library's
//! `Options`; all output is built in memory and printed only on success.

use std::path::PathBuf;
use std::str::FromStr;

use anyhow::{Context as _, Result, anyhow};
use clap::{Args, ValueEnum};
use urna_tally::{Decimal, Method, Options, parse_ballots, render};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Html,
    Csv,
}

#[derive(Debug, Args)]
pub struct TallyArgs {
    /// Ballot file: .blt (ranked), .csv or .json (scored); see docs/ballot-formats.md.
    file: PathBuf,
    /// Counting method: plurality, block, approval, score, son, schulze, ranked-pairs, minimax,
    /// irv, meek, meek-prf, scottish-stv, ers97, wigm, mj, star.
    #[arg(long, short)]
    method: String,
    /// Seats to fill (default: the file's).
    #[arg(long)]
    seats: Option<usize>,
    /// Seed for any lot that breaks a tie (default: derived from the ballots).
    #[arg(long)]
    seed: Option<u64>,
    /// Minimum share S/(S+O) in percent for `son` (default 50).
    #[arg(long)]
    min_share: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

fn parse_percent(s: &str) -> Result<Decimal> {
    let bad = || anyhow!("--min-share {s:?} is not a percentage such as 50 or 66.67");
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    if whole.is_empty()
        || frac.len() > 6
        || !whole
            .chars()
            .chain(frac.chars())
            .all(|c| c.is_ascii_digit())
    {
        return Err(bad());
    }
    let digits = format!("{whole}{frac}");
    let raw = i128::from_str(&digits).map_err(|_| bad())?;
    Ok(Decimal::new(raw, frac.len() as u32))
}

pub fn run(args: TallyArgs) -> Result<String> {
    let method = Method::from_str(&args.method)?;
    let min_share = args.min_share.as_deref().map(parse_percent).transpose()?;
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let name = args.file.display().to_string();
    let ballots = parse_ballots(&name, &text).map_err(|e| anyhow!("{name}: {e}"))?;

    let bar = crate::progress::progress_bar();
    if let Some(b) = &bar {
        b.set_message("counting");
    }
    let progress = |done: u64, total: u64| {
        if let Some(b) = &bar {
            b.set_length(total);
            b.set_position(done);
        }
    };
    let options = Options {
        seats: args.seats,
        seed: args.seed,
        min_share,
        progress: Some(&progress),
    };
    let report = urna_tally::count(method, &ballots, &options);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let report = report.map_err(|e| anyhow!("{name}: {e}"))?;
    Ok(match args.format {
        Format::Text => render::text(&report),
        Format::Json => render::json(&report) + "\n",
        Format::Html => render::html(&report),
        Format::Csv => render::csv(&report),
    })
}
