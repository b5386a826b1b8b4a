//! `urna dev`: tools for Urna's own development (hidden from `--help`).
//!
//! `urna dev test-records [DIR]` writes the verifier's published test vectors
//! (docs/record-format.md §7): an honest record for every counting method, and one record per
//! verifier check with a single deliberate fault (`record_synth::Fault`). Seeded: running it
//! again writes the same bytes, which `crates/urna/tests/test_records.rs` checks.

use std::path::PathBuf;

use anyhow::Context;
use serde_json::{Value, json};

use crate::record_synth::{Fault, Scenario, synthesize};

#[derive(Debug, clap::Args)]
pub struct DevArgs {
    #[command(subcommand)]
    command: DevCommand,
}

#[derive(Debug, clap::Subcommand)]
enum DevCommand {
    /// Write the verifier's test records (default: crates/urna-verify/testdata).
    TestRecords {
        #[arg(default_value = "crates/urna-verify/testdata")]
        dir: PathBuf,
    },
}

pub fn run(args: DevArgs) -> anyhow::Result<String> {
    match args.command {
        DevCommand::TestRecords { dir } => write_test_records(&dir),
    }
}

/// The seed of every published test record.
pub const TEST_SEED: u64 = 2026;

fn name(text: &str) -> Value {
    json!({"default": "en", "texts": {"en": text}})
}

fn options(n: usize) -> Vec<Value> {
    (1..=n)
        .map(|i| json!({"id": format!("o{i}"), "name": name(&format!("Option {i}"))}))
        .collect()
}

fn question(id: &str, ballot_type: Value, method: &str, seats: usize, n: usize) -> Value {
    json!({
        "id": id, "title": name(&format!("Question {id}")), "description": null,
        "ballot_type": ballot_type, "method": method, "seats": seats,
        "tie_seed": 7, "options": options(n)
    })
}

fn ranked() -> Value {
    json!({"type": "ranked", "max_ranks": null, "allow_equal": false})
}

fn scenario(name: &str, questions: Vec<Value>, voters: usize) -> Scenario {
    Scenario {
        name: name.to_owned(),
        questions: Value::Array(questions),
        voters,
        revotes: 2,
        strikes: 2,
        weighted: true,
        batch: 8,
        mixnet: false,
    }
}

/// One honest record per counting method, and the election every fault is injected into.
pub fn honest_scenarios() -> Vec<Scenario> {
    let choose_one = json!({"type": "choose_one"});
    let mut list = vec![
        scenario(
            "plurality",
            vec![question("q", choose_one.clone(), "plurality", 1, 4)],
            12,
        ),
        scenario(
            "approval",
            vec![question(
                "q",
                json!({"type": "approval", "min": 1, "max": 3}),
                "approval",
                2,
                5,
            )],
            12,
        ),
        scenario(
            "score",
            vec![question(
                "q",
                json!({"type": "score", "min": 0, "max": 5}),
                "score",
                1,
                3,
            )],
            12,
        ),
        scenario(
            "son",
            vec![question(
                "q",
                json!({"type": "score", "min": -1, "max": 1}),
                "son",
                1,
                3,
            )],
            12,
        ),
        scenario(
            "mj",
            vec![question(
                "q",
                json!({"type": "score", "min": 0, "max": 4}),
                "mj",
                1,
                3,
            )],
            12,
        ),
        scenario(
            "star",
            vec![question(
                "q",
                json!({"type": "score", "min": 0, "max": 5}),
                "star",
                1,
                4,
            )],
            16,
        ),
        scenario("block", vec![question("q", ranked(), "block", 2, 5)], 16),
    ];
    for method in [
        "schulze",
        "ranked-pairs",
        "minimax",
        "irv",
        "meek",
        "meek-prf",
        "scottish-stv",
        "ers97",
        "wigm",
    ] {
        let seats = if ["schulze", "ranked-pairs", "minimax", "irv"].contains(&method) {
            1
        } else {
            2
        };
        list.push(scenario(
            method,
            vec![question("q", ranked(), method, seats, 5)],
            20,
        ));
    }
    list.push(faulty_scenario());
    list.push(Scenario {
        mixnet: true,
        ..scenario(
            "mixnet-meek",
            vec![question("q", ranked(), "meek", 2, 8)],
            16,
        )
    });
    list.push(faulty_mixnet_scenario());
    list
}

/// A mixnet election of two questions, one of them 30 candidates wide (two points per ballot,
/// A.1) with at most 5 ranks: the election every mixnet fault is injected into.
pub fn faulty_mixnet_scenario() -> Scenario {
    let mut wide = question(
        "council",
        json!({"type": "ranked", "max_ranks": 5, "allow_equal": false}),
        "schulze",
        1,
        30,
    );
    wide["tie_seed"] = json!(11);
    Scenario {
        mixnet: true,
        ..scenario(
            "mixnet-multi",
            vec![question("board", ranked(), "meek", 2, 6), wide],
            12,
        )
    }
}

/// Three questions of the three verifiable types (a sum proof included), few voters: the
/// election every fault is injected into.
pub fn faulty_scenario() -> Scenario {
    scenario(
        "multi",
        vec![
            question("chair", json!({"type": "choose_one"}), "plurality", 1, 3),
            question(
                "board",
                json!({"type": "approval", "min": 1, "max": 2}),
                "approval",
                2,
                4,
            ),
            question(
                "budget",
                json!({"type": "score", "min": 0, "max": 2}),
                "score",
                1,
                3,
            ),
        ],
        10,
    )
}

/// Every published test record: (file name, contents).
pub fn test_records() -> anyhow::Result<Vec<(String, String)>> {
    let quiet = |_: usize, _: usize| {};
    let mut files = Vec::new();
    for s in honest_scenarios() {
        let made = synthesize(&s, TEST_SEED, None, &quiet)
            .with_context(|| format!("the honest {} record", s.name))?;
        files.push((format!("honest-{}.jsonl", s.name), made.record));
    }
    let faulty = faulty_scenario();
    let faulty_mixnet = faulty_mixnet_scenario();
    for fault in Fault::ALL {
        let faulty = if fault.needs_mixnet() {
            &faulty_mixnet
        } else {
            &faulty
        };
        let made = synthesize(faulty, TEST_SEED, Some(fault), &quiet)
            .with_context(|| format!("the record with fault {fault:?}"))?;
        if fault == Fault::RewrittenBallot {
            // The older copy is the honest record's first published batch.
            let honest = synthesize(faulty, TEST_SEED, None, &quiet)?;
            files.push((
                format!("{}.since.jsonl", fault.file_stem()),
                honest.early_copy,
            ));
        }
        files.push((format!("{}.jsonl", fault.file_stem()), made.record));
    }
    Ok(files)
}

fn write_test_records(dir: &std::path::Path) -> anyhow::Result<String> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let files = test_records()?;
    for (name, text) in &files {
        let path = dir.join(name);
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(format!(
        "wrote {} records to {}\n",
        files.len(),
        dir.display()
    ))
}
