//! `cargo bench -p urna-verify`: V3 (every ballot's proofs and signature) and V5 (the weighted
//! product) over a record of honest ballots, written by the crate's test writer's equations.
//! The record is read from `URNA_VERIFY_BENCH_RECORD` if set (e.g. a 100,000-ballot record),
//! else from the first `testdata/honest-*.jsonl`.

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use urna_verify::{VerifyOptions, verify};

fn record() -> Option<Vec<u8>> {
    if let Ok(path) = std::env::var("URNA_VERIFY_BENCH_RECORD") {
        return std::fs::read(path).ok();
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let mut honest: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("honest-"))
        })
        .collect();
    honest.sort();
    std::fs::read(honest.first()?).ok()
}

fn bench(c: &mut Criterion) {
    let Some(record) = record() else {
        eprintln!(
            "no record to verify: set URNA_VERIFY_BENCH_RECORD or add testdata/honest-*.jsonl"
        );
        return;
    };
    let mut group = c.benchmark_group("verify");
    group.sample_size(10);
    group.bench_function("whole record", |b| {
        b.iter(|| verify(&record, &VerifyOptions::default(), &|_| {}))
    });
    group.bench_function("up to the freeze (V1-V5, V9)", |b| {
        b.iter(|| {
            verify(
                &record,
                &VerifyOptions {
                    since: None,
                    up_to_freeze: true,
                },
                &|_| {},
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
