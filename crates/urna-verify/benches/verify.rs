//! `cargo bench -p urna-verify`: the whole verification of a record of 2,000 honest ballots
//! from the test writer (V3's proofs and signatures dominate), and the trustees' part (V1–V5,
//! V9). `URNA_VERIFY_BENCH_RECORD=path` verifies that record instead.

use criterion::{Criterion, criterion_group, criterion_main};
use urna_verify::{VerifyOptions, verify};

fn record() -> Vec<u8> {
    match std::env::var("URNA_VERIFY_BENCH_RECORD") {
        Ok(path) => std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}")),
        Err(_) => urna_verify::testing::many(2000).write(),
    }
}

fn bench(c: &mut Criterion) {
    let record = record();
    let mut group = c.benchmark_group("verify");
    group.sample_size(10);
    group.bench_function("whole record", |b| {
        b.iter(|| verify(&record, &VerifyOptions::default(), &|_| {}))
    });
    group.bench_function("up to the freeze", |b| {
        let options = VerifyOptions {
            since: None,
            up_to_freeze: true,
        };
        b.iter(|| verify(&record, &options, &|_| {}))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
