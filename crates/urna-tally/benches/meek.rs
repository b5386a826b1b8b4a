//! Meek benchmarks on deterministic random elections (`benches/support/random_blt.rs`):
//! 20 candidates, 7 seats, 5% of ballots with an equal-rank group.
//!
//! `cargo bench -p urna-tally --bench meek` runs the quick sizes; set `URNA_BENCH_BALLOTS`
//! (e.g. `1000000`) for one more size. The parse is outside the measured loop except in the
//! `parse+meek` case.

mod support {
    pub mod random_blt;
}

use criterion::{Criterion, criterion_group, criterion_main};
use urna_tally::{Ballots, Method, Options, blt, count};

fn bench_meek(c: &mut Criterion) {
    let mut sizes = vec![10_000u64, 100_000];
    if let Some(n) = std::env::var("URNA_BENCH_BALLOTS")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        sizes.push(n);
    }
    let mut group = c.benchmark_group("meek");
    group.sample_size(10);
    for n in sizes {
        let text = support::random_blt::random_blt(n, 20, 7, 42, 50);
        let ballots = Ballots::Ranked(blt::parse(&text).expect("generated BLT parses"));
        let options = Options::default();
        for method in [Method::Meek, Method::MeekPrf] {
            group.bench_function(format!("{method} {n} ballots"), |b| {
                b.iter(|| count(method, &ballots, &options).expect("counts"))
            });
        }
        if n <= 100_000 {
            group.bench_function(format!("parse+meek {n} ballots"), |b| {
                b.iter(|| {
                    let e = Ballots::Ranked(blt::parse(&text).expect("parses"));
                    count(Method::Meek, &e, &options).expect("counts")
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_meek);
criterion_main!(benches);
