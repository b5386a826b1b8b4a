//! `urna bench verify`: how long the independent verifier takes on a large approval record,
//! or with `--ranked` on a mixnet election's record (ranked ballots, two shuffles, their
//! decryption and a Meek count; record format A.7).
//!
//! The record (default 100,000 ballots, 10 options, approve any number) is made by the record
//! synthesizer (the library calls the server and trustees make, seeded) and kept in a file so
//! that later runs time the verifier alone: `--record PATH` reuses the file when it exists.
//! Then `urna_verify::verify` runs every check (V1–V10) exactly as `urna verify` does.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, bail};
use serde_json::json;

use crate::record_synth::{Scenario, synthesize};

#[derive(Debug, clap::Args)]
pub struct VerifyBenchArgs {
    /// Voters, one ballot each (plus 2 revotes and 2 strikes).
    #[arg(long, default_value_t = 100_000)]
    ballots: usize,
    /// Options on the approval question.
    #[arg(long, default_value_t = 10)]
    options: usize,
    /// Most options a voter may approve (default: all, so no sum proof is needed).
    #[arg(long)]
    max: Option<usize>,
    /// A mixnet election: one ranked question of `--options` candidates (Meek, 2 seats).
    #[arg(long)]
    ranked: bool,
    /// The record file: reused if it exists, written otherwise (default
    /// `target/bench-verify-record.jsonl`, or `…-mixnet-record.jsonl` with `--ranked`).
    #[arg(long)]
    record: Option<PathBuf>,
    /// Seed of the synthetic election.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn scenario(args: &VerifyBenchArgs) -> Scenario {
    let name = |t: &str| json!({"default": "en", "texts": {"en": t}});
    let options: Vec<serde_json::Value> = (1..=args.options)
        .map(|i| json!({"id": format!("o{i}"), "name": name(&format!("Option {i}"))}))
        .collect();
    if args.ranked {
        return Scenario {
            name: format!("bench-mixnet-{}", args.ballots),
            questions: json!([{
                "id": "q", "title": name("Ranked"), "description": null,
                "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
                "method": "meek", "seats": 2, "tie_seed": 1, "options": options
            }]),
            voters: args.ballots,
            revotes: 2,
            strikes: 2,
            weighted: false,
            batch: 1000,
            mixnet: true,
        };
    }
    Scenario {
        name: format!("bench-approval-{}", args.ballots),
        questions: json!([{
            "id": "q", "title": name("Approval"), "description": null,
            "ballot_type": {"type": "approval", "min": 0, "max": args.max.unwrap_or(args.options)},
            "method": "approval", "seats": 3, "tie_seed": 1, "options": options
        }]),
        voters: args.ballots,
        revotes: 2,
        strikes: 2,
        weighted: false,
        batch: 1000,
        mixnet: false,
    }
}

pub fn run(args: VerifyBenchArgs) -> anyhow::Result<String> {
    let mut out = String::new();
    let record = args.record.clone().unwrap_or_else(|| {
        PathBuf::from(if args.ranked {
            "target/bench-verify-mixnet-record.jsonl"
        } else {
            "target/bench-verify-record.jsonl"
        })
    });
    if !record.exists() {
        let started = Instant::now();
        let bar = crate::progress::progress_bar();
        if let Some(b) = &bar {
            b.set_message("making ballots");
            b.set_length(args.ballots as u64);
        }
        let made = synthesize(&scenario(&args), args.seed, None, &|done, _| {
            if let Some(b) = &bar {
                b.set_position(done as u64);
            }
        })?;
        if let Some(b) = &bar {
            b.finish_and_clear();
        }
        if let Some(dir) = record.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        std::fs::write(&record, &made.record)
            .with_context(|| format!("writing {}", record.display()))?;
        out.push_str(&format!(
            "made {} ({} ballots) in {:.1} s\n",
            record.display(),
            args.ballots,
            started.elapsed().as_secs_f64()
        ));
    }
    let bytes = std::fs::read(&record).with_context(|| format!("reading {}", record.display()))?;
    let ballots = bytes
        .split(|&b| b == b'\n')
        .filter(|l| l.windows(15).any(|w| w == b"\"type\":\"ballot\""))
        .count();
    let bar = crate::progress::progress_bar();
    let started = Instant::now();
    let verification = urna_verify::verify(&bytes, &urna_verify::VerifyOptions::default(), &|p| {
        if let Some(b) = &bar {
            b.set_length(p.total);
            b.set_position(p.done);
            b.set_message(format!("{} {}", p.check, p.check.name()));
        }
    });
    let elapsed = started.elapsed().as_secs_f64();
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    for check in &verification.checks {
        out.push_str(&format!(
            "{} {}: {:?}\n",
            check.id, check.name, check.status
        ));
    }
    if !verification.passed() {
        let _ = std::io::stdout().write_all(out.as_bytes());
        bail!("the synthetic record did not verify");
    }
    out.push_str(&format!(
        "verified {} MB, {ballots} ballots in {elapsed:.1} s on {} threads: {:.0} ballots/s\n",
        bytes.len() / 1_000_000,
        rayon::current_num_threads(),
        ballots as f64 / elapsed
    ));
    Ok(out)
}
