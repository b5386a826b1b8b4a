//! Pairwise matrix + Schulze on 100 candidates × 100,000 random ballots.
//!
//! Ballots are generated deterministically with xorshift64 (Marsaglia 2003), not with `rand`,
//! so every run times the same election: each ballot ranks a random number of candidates
//! (1 to 100, uniform) in a random order (partial Fisher–Yates), weight 1.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use urna_tally::RankedElection;
use urna_tally::ballots::{ElectionInfo, RankedBallots};
use urna_tally::methods::condorcet::{Pairwise, schulze};
use urna_tally::methods::{Context, condorcet};

const CANDIDATES: usize = 100;
const BALLOTS: usize = 100_000;

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn election(full: bool) -> RankedElection {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut ballots = RankedBallots::new();
    let mut order: Vec<usize> = (0..CANDIDATES).collect();
    for _ in 0..BALLOTS {
        let len = if full {
            CANDIDATES
        } else {
            1 + rng.below(CANDIDATES)
        };
        for i in 0..len {
            let j = i + rng.below(CANDIDATES - i);
            order.swap(i, j);
        }
        ballots.push_ranking(1, &order[..len]);
    }
    RankedElection {
        info: ElectionInfo {
            title: "bench".into(),
            candidates: (0..CANDIDATES).map(|c| format!("C{c}")).collect(),
            seats: 1,
            withdrawn: vec![],
            tie_order: None,
        },
        ballots,
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("schulze");
    group.sample_size(10);
    for (name, full) in [("100x100k truncated", false), ("100x100k full", true)] {
        let e = election(full);
        let standing = e.info.standing();
        group.bench_function(format!("pairwise {name}"), |b| {
            b.iter(|| Pairwise::count(black_box(&e), |_, _| {}).expect("counts"))
        });
        let pw = Pairwise::count(&e, |_, _| {}).expect("counts");
        group.bench_function(format!("strongest paths {name}"), |b| {
            b.iter(|| schulze::rank(black_box(&pw), &standing))
        });
        group.bench_function(format!("pairwise + Schulze count {name}"), |b| {
            b.iter(|| {
                let mut ctx = Context::with_seats(1, 1);
                condorcet::schulze::count(black_box(&e), &mut ctx).expect("counts")
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
