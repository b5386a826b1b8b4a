//! `urna verify`: check a public election record (docs/record-format.md §7) or a Benaloh
//! audited ballot (§4) with the independent verifier `urna-verify`. Exit status 0 iff no
//! check fails, 1 naming the failing checks, 2 when the input cannot be read.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use serde_json::json;
use urna_verify::{Progress, Status, VerifyOptions};

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The record (JSON Lines), or an audited ballot JSON (`"type":"audited_ballot"`).
    file: PathBuf,
    /// An older copy of the record, or a tree head JSON, that this record must extend (V10).
    #[arg(long)]
    since: Option<PathBuf>,
    /// Print the outcome as JSON.
    #[arg(long)]
    json: bool,
}

fn read(path: &PathBuf) -> Result<Vec<u8>, ExitCode> {
    std::fs::read(path).map_err(|e| {
        eprintln!("urna: error: cannot read {}: {e}", path.display());
        ExitCode::from(2)
    })
}

pub fn run(args: VerifyArgs) -> ExitCode {
    let bytes = match read(&args.file) {
        Ok(b) => b,
        Err(code) => return code,
    };
    if urna_verify::is_audited_ballot(&bytes) {
        return audit(&bytes, args.json);
    }
    let since = match args.since.as_ref().map(read).transpose() {
        Ok(s) => s,
        Err(code) => return code,
    };
    let bar = crate::progress::progress_bar();
    let progress = |p: Progress| {
        if let Some(b) = &bar {
            b.set_message(format!("{} {}", p.check, p.check.name()));
            b.set_length(p.total);
            b.set_position(p.done);
        }
    };
    let options = VerifyOptions {
        since,
        up_to_freeze: false,
    };
    let outcome = urna_verify::verify(&bytes, &options, &progress);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if args.json {
        let checks: Vec<_> = outcome
            .checks
            .iter()
            .map(|c| match &c.status {
                Status::Pass { detail } => json!({"check": c.id.to_string(), "name": c.name, "status": "pass", "detail": detail}),
                Status::Fail { item, reason } => json!({"check": c.id.to_string(), "name": c.name, "status": "fail", "item": item, "reason": reason}),
                Status::NotApplicable { reason } => json!({"check": c.id.to_string(), "name": c.name, "status": "n/a", "reason": reason}),
            })
            .collect();
        println!("{}", json!({"passed": outcome.passed(), "checks": checks}));
    } else {
        for c in &outcome.checks {
            match &c.status {
                Status::Pass { detail } => println!("{:<4} {:<22} pass: {detail}", c.id, c.name),
                Status::Fail { item, reason } => {
                    println!("{:<4} {:<22} FAIL {item}: {reason}", c.id, c.name)
                }
                Status::NotApplicable { reason } => {
                    println!("{:<4} {:<22} n/a: {reason}", c.id, c.name)
                }
            }
        }
    }
    let failed: Vec<String> = outcome.failures().map(|c| c.id.to_string()).collect();
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!("urna: verification failed: {}", failed.join(", "));
        ExitCode::from(1)
    }
}

fn audit(bytes: &[u8], as_json: bool) -> ExitCode {
    match urna_verify::verify_audited_ballot(bytes) {
        Ok(a) => {
            if as_json {
                println!(
                    "{}",
                    json!({"passed": true, "tracker": a.tracker, "bits": a.bits})
                );
            } else {
                println!(
                    "audited ballot: pass: tracker {}; every ciphertext encrypts the revealed bits {:?}",
                    a.tracker, a.bits
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            if as_json {
                println!("{}", json!({"passed": false, "reason": e.to_string()}));
            } else {
                println!("audited ballot: FAIL: {e}");
            }
            eprintln!("urna: verification failed: audited ballot");
            ExitCode::from(1)
        }
    }
}
