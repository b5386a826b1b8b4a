//! Benchmarks: sealing one ballot; one trustee's decryption shares for a frozen set; the
//! server's combination (proof checks, interpolation, opening) with k = 2.
//! The set size defaults to 100,000 ballots (`URNA_BENCH_BALLOTS` overrides it).

// Set-up failures in a benchmark are bugs to see at once, as in tests.
#![allow(clippy::unwrap_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use curve25519_dalek::ristretto::RistrettoPoint;
use curve25519_dalek::scalar::Scalar;
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use urna_crypto::{
    CredentialSecret, ElectionId, ElectionKey, ElectionParams, ElectionSetup, EncryptedBallot,
    EncryptedTally, FrozenSet, KeyShare, LayoutType, QuestionParams, TrusteeName, TrusteeSecret,
    combine_decryption, combine_public, combine_tally, decrypt_tally, decryption_shares,
    dkg_round1, dkg_round2, encrypt_ballot, seal,
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

// --- Verifiable ballots (urna_crypto::homomorphic) ---
// Encrypting and verifying one 20-option approval ballot (max 20: bit proofs only; max 3: also
// a sum proof of 4 branches), on one core; aggregating `URNA_BENCH_BALLOTS` ballots (100 distinct
// ones, each counted many times) on every core; decrypting and combining the tally.

fn verifiable_params(key: &ElectionKey, max: u32) -> ElectionParams {
    approval_params(key, 20, max)
}

/// One approval question of `options` options, at most `max` approved.
fn approval_params(key: &ElectionKey, options: usize, max: u32) -> ElectionParams {
    ElectionParams::new(
        key.election_id.clone(),
        key.setup,
        key.public_key,
        vec![QuestionParams {
            id: "q".into(),
            ballot_type: LayoutType::Approval { min: 0, max },
            options: (0..options).map(|i| format!("o{i}")).collect(),
        }],
    )
    .unwrap()
}

/// This thread's CPU time (Linux `/proc/thread-self/schedstat`, nanoseconds on a CPU): on a
/// machine shared with other builds, wall time overstates the cost on one core.
fn thread_cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap();
    Duration::from_nanos(stat.split_whitespace().next().unwrap().parse().unwrap())
}

/// Runs `f` `iters` times and reports the CPU time this thread spent.
fn cpu_time<T>(iters: u64, mut f: impl FnMut() -> T) -> Duration {
    let start = thread_cpu_time();
    for _ in 0..iters {
        black_box(f());
    }
    thread_cpu_time() - start
}

fn bench_verifiable(c: &mut Criterion) {
    let mut rng = ChaCha20Rng::seed_from_u64(2);
    let (key, shares) = committee(&mut rng);
    let mut group = c.benchmark_group("verifiable ballot, 20-option approval");
    // The unit verification is made of (about 4 per bit): a variable-time double-base scalar
    // multiplication, to compare with published figures for the machine.
    let a = Scalar::from_bytes_mod_order([0x5a; 32]);
    let p = RistrettoPoint::mul_base(&Scalar::from_bytes_mod_order([0x3c; 32]));
    // 100 per iteration: the thread's CPU time is counted in scheduler ticks.
    group.bench_function(
        "unit: 100 × (a·P + b·G), variable time (thread CPU time)",
        |b| {
            b.iter_custom(|iters| {
                cpu_time(iters, || {
                    (0..100)
                        .map(|_| {
                            RistrettoPoint::vartime_double_scalar_mul_basepoint(
                                &a,
                                black_box(&p),
                                &a,
                            )
                        })
                        .sum::<RistrettoPoint>()
                })
            })
        },
    );
    // Three approvals: allowed under both maxima.
    let bits = vec![(0..20).map(|i| u8::from(i % 7 == 0)).collect::<Vec<u8>>()];
    for max in [20, 3] {
        let params = verifiable_params(&key, max);
        let credential = CredentialSecret::generate(&mut rng).unwrap();
        group.bench_function(
            format!("encrypt and prove, max {max} (thread CPU time)"),
            |b| {
                b.iter_custom(|iters| {
                    cpu_time(iters, || {
                        encrypt_ballot(&params, &credential, black_box(&bits), &mut rng).unwrap()
                    })
                })
            },
        );
        let (ballot, _) = encrypt_ballot(&params, &credential, &bits, &mut rng).unwrap();
        // Ten per iteration: the thread's CPU time is counted in scheduler ticks.
        group.bench_function(format!("10 × verify, max {max} (thread CPU time)"), |b| {
            b.iter_custom(|iters| {
                cpu_time(iters, || {
                    for _ in 0..10 {
                        black_box(&ballot).verify(&params).unwrap();
                    }
                })
            })
        });
    }
    group.finish();

    // The size of the 100,000-ballot record `urna bench verify` checks: 10 options, any number.
    let ten = approval_params(&key, 10, 10);
    let ten_bits = vec![(0..10).map(|i| u8::from(i % 3 == 0)).collect::<Vec<u8>>()];
    let credential = CredentialSecret::generate(&mut rng).unwrap();
    let (ballot, _) = encrypt_ballot(&ten, &credential, &ten_bits, &mut rng).unwrap();
    // Ten per iteration: the thread's CPU time is counted in scheduler ticks.
    c.bench_function(
        "verifiable ballot, 10-option approval/10 × verify (thread CPU time)",
        |b| {
            b.iter_custom(|iters| {
                cpu_time(iters, || {
                    for _ in 0..10 {
                        black_box(&ballot).verify(&ten).unwrap();
                    }
                })
            })
        },
    );

    let params = verifiable_params(&key, 3);
    let distinct: Vec<EncryptedBallot> = (0..100)
        .map(|_| {
            let credential = CredentialSecret::generate(&mut rng).unwrap();
            encrypt_ballot(&params, &credential, &bits, &mut rng)
                .unwrap()
                .0
        })
        .collect();
    let n = ballots();
    let counted: Vec<(u64, &EncryptedBallot)> = (0..n)
        .map(|i| (1 + (i % 3) as u64, &distinct[i % 100]))
        .collect();
    let mut group = c.benchmark_group(format!("{n} verifiable ballots"));
    group.sample_size(10);
    group.throughput(Throughput::Elements(n as u64));
    group.bench_function("aggregate the encrypted tally", |b| {
        b.iter(|| EncryptedTally::aggregate(&params, counted.clone()).unwrap())
    });
    group.finish();
    let tally = EncryptedTally::aggregate(&params, counted).unwrap();
    c.bench_function("decrypt a 20-position tally (one trustee)", |b| {
        b.iter(|| decrypt_tally(&key, &shares[0], &tally, &mut rng).unwrap())
    });
    let partials: Vec<_> = shares
        .iter()
        .map(|s| decrypt_tally(&key, s, &tally, &mut rng).unwrap())
        .collect();
    c.bench_function("combine a 20-position tally (k = 2 of 3)", |b| {
        b.iter(|| combine_tally(&key, &tally, &partials).unwrap())
    });
}

criterion_group!(benches, bench, bench_verifiable);
criterion_main!(benches);
