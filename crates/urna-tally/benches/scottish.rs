//! Scottish STV on every ballot file of the corpus `scottish-stv/` folder (28 real wards): the
//! count alone, files parsed once up front. Skips with a message when the corpus is absent
//! (`$URNA_CORPUS` or `../shared/data/elections` from the workspace root).

use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use urna_tally::{Ballots, Method, Options, count};

fn corpus_dir() -> PathBuf {
    std::env::var_os("URNA_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/elections")
        })
        .join("scottish-stv")
}

fn scottish(c: &mut Criterion) {
    let dir = corpus_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("SKIPPED: corpus not found at {}", dir.display());
        return;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "blt"))
        .collect();
    paths.sort();
    let elections: Vec<Ballots> = paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("readable ballot file");
            Ballots::Ranked(urna_tally::blt::parse(&text).expect("valid BLT"))
        })
        .collect();
    let papers: u64 = elections
        .iter()
        .map(|b| match b {
            Ballots::Ranked(e) => e.ballots.total_weight(),
            Ballots::Scored(_) => 0,
        })
        .sum();
    eprintln!("{} Scottish wards, {papers} ballots", elections.len());
    c.bench_function("scottish-stv: every corpus ward", |b| {
        b.iter(|| {
            for e in &elections {
                let r = count(Method::ScottishStv, e, &Options::default()).expect("count");
                std::hint::black_box(r);
            }
        })
    });
}

criterion_group!(benches, scottish);
criterion_main!(benches);
