//! Benchmarks: sealing one ballot; one trustee's decryption shares for a frozen set; the
//! server's combination (proof checks, interpolation, opening) with k = 2.
//! The set size defaults to 100,000 ballots (`URNA_BENCH_BALLOTS` overrides it).

// Set-up failures in a benchmark are bugs to see at once, as in tests.
#![allow(clippy::unwrap_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use urna_crypto::{
    ElectionId, ElectionKey, ElectionSetup, FrozenSet, KeyShare, TrusteeName, TrusteeSecret,
    combine_decryption, combine_public, decryption_shares, dkg_round1, dkg_round2, seal,
};

const PADDED_LEN: usize = 256;
const CONTEXT: &[u8] = b"bench/question-1";

fn committee(rng: &mut ChaCha20Rng) -> (ElectionKey, Vec<KeyShare>) {
    let mut secrets: Vec<TrusteeSecret> = (1..=3)
        .map(|i| {
            TrusteeSecret::generate(TrusteeName::parse(&format!("t{i}")).unwrap(), rng).unwrap()
        })
        .collect();
    let setup = ElectionSetup::new(
        ElectionId::parse("bench").unwrap(),
        2,
        secrets.iter().map(|s| s.public.clone()).collect(),
    )
    .unwrap();
    let round1s: Vec<_> = secrets
        .iter()
        .map(|s| dkg_round1(s, &setup, rng).unwrap())
        .collect();
    let round2s: Vec<_> = secrets
        .iter_mut()
        .map(|s| dkg_round2(s, &setup, &round1s, rng).unwrap())
        .collect();
    let key = combine_public(&setup, &round1s, &round2s).unwrap();
    let shares = secrets
        .iter()
        .map(|s| s.share_for(&setup.digest()).unwrap().clone())
        .collect();
    (key, shares)
}

fn ballots() -> usize {
    std::env::var("URNA_BENCH_BALLOTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000)
}

fn bench(c: &mut Criterion) {
    let mut rng = ChaCha20Rng::seed_from_u64(1);
    let (key, shares) = committee(&mut rng);
    // A ranked ballot of 70 candidates fits in 256 bytes as one byte per rank.
    let plaintext = [7u8; 70];

    c.bench_function("seal one ballot (256-byte padded)", |b| {
        b.iter(|| seal(&key, black_box(&plaintext), CONTEXT, PADDED_LEN, &mut rng).unwrap())
    });

    let n = ballots();
    let sealed = (0..n)
        .map(|_| seal(&key, &plaintext, CONTEXT, PADDED_LEN, &mut rng).unwrap())
        .collect();
    let set = FrozenSet::new(&key, CONTEXT.to_vec(), sealed);

    let mut group = c.benchmark_group(format!("{n} ballots"));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.throughput(Throughput::Elements(n as u64));
    group.bench_function("one trustee's decryption shares", |b| {
        b.iter(|| decryption_shares(&shares[0], &set, &mut rng).unwrap())
    });
    let two: Vec<_> = shares[..2]
        .iter()
        .map(|s| decryption_shares(s, &set, &mut rng).unwrap())
        .collect();
    group.bench_function("combine and open, k = 2", |b| {
        b.iter(|| combine_decryption(&key, &set, &two).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
