//! Cast throughput with 200 concurrent voters. Ignored by default; run with
//! `cargo test -p urna-store --release --test store -- --ignored --nocapture bench`
//! (with `URNA_TEST_PG_URL` set for the PostgreSQL figure)..

use std::time::{Duration, Instant};

use urna_store::{CastBallot, UnixMicros};

use crate::support::{T0, on_both, open_election, seal};

const VOTERS: usize = 200;
const BALLOTS_PER_VOTER: usize = 25;

on_both! {
    #[ignore = "benchmark; run with --ignored"]
    async fn bench_cast_throughput(db) {
        let (election, voters) = open_election(db, "bench", VOTERS).await;
        let started = Instant::now();
        let tasks: Vec<_> = voters
            .into_iter()
            .map(|voter| {
                let db = db.clone();
                tokio::spawn(async move {
                    let mut latencies = Vec::with_capacity(BALLOTS_PER_VOTER);
                    for i in 0..BALLOTS_PER_VOTER {
                        let sealed = seal(format!("{i}").as_bytes());
                        let begun = Instant::now();
                        db.cast_ballot(CastBallot {
                            election, voter, sealed: &sealed, open_state: "open", allow_change: true,
                            now: UnixMicros(T0.0 + i as i64),
                        })
                        .await
                        .unwrap();
                        latencies.push(begun.elapsed());
                    }
                    latencies
                })
            })
            .collect();
        let mut latencies: Vec<Duration> = Vec::new();
        for task in tasks {
            latencies.extend(task.await.unwrap());
        }
        let elapsed = started.elapsed();
        latencies.sort();
        let quantile = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
        eprintln!(
            "BENCH {:?}: {} ballots by {VOTERS} concurrent voters in {:.2} s = {:.0} ballots/s; \
             latency p50 {:.1} ms, p99 {:.1} ms",
            db.backend(),
            latencies.len(),
            elapsed.as_secs_f64(),
            latencies.len() as f64 / elapsed.as_secs_f64(),
            quantile(0.5).as_secs_f64() * 1e3,
            quantile(0.99).as_secs_f64() * 1e3,
        );
        assert_eq!(db.counted_ballots(election).await.unwrap().len(), VOTERS);
    }
}
