//! `urna bench shuffle`: one mixer's shuffle and proof, and its verification, on seeded random
//! ranked ballots (the mixnet's core, `urna_crypto::shuffle`).
//!
//! The ballots (random rankings of a random number of the candidates, no ties) are packed
//! into Lizard points and encrypted under a 2-of-3 election key from a real key ceremony; then
//! `shuffle` + `prove_shuffle` and `verify_shuffle` are timed, on every core, as `urna trustee
//! mix` and a verifier run them. Nothing is written to disk.

use std::fmt::Write as _;
use std::time::Instant;

use anyhow::{Context, bail};
use rand_chacha::ChaCha20Rng;
use rand_core::{Rng, SeedableRng};
use rayon::prelude::*;
use sha2::{Digest as _, Sha256};

use urna_crypto::ranked::{RankedBallot, RankedLayout};
use urna_crypto::shuffle::{
    CiphertextVectors, EncryptionKey, ShuffleSeed, prove_shuffle, shuffle, verify_shuffle,
};
use urna_crypto::{
    ElectionId, ElectionKey, ElectionSetup, TrusteeName, TrusteeSecret, combine_public, dkg_round1,
    dkg_round2,
};

#[derive(Debug, clap::Args)]
pub struct ShuffleBenchArgs {
    /// Ballots to shuffle.
    #[arg(long, default_value_t = 100_000)]
    ballots: usize,
    /// Candidates per ranked ballot (1 to 70).
    #[arg(long, default_value_t = 20)]
    candidates: usize,
    /// Seed of the ballots and of every random draw.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

/// A generator for stream `stream`, item `index` of the seed.
fn sub_rng(seed: u64, stream: &str, index: u64) -> ChaCha20Rng {
    let mut h = Sha256::new();
    h.update(seed.to_be_bytes());
    h.update(stream.as_bytes());
    h.update(index.to_be_bytes());
    ChaCha20Rng::from_seed(h.finalize().into())
}

/// A 2-of-3 election key made by the trustees' real key ceremony.
fn election_key(seed: u64) -> anyhow::Result<ElectionKey> {
    let mut rng = sub_rng(seed, "key ceremony", 0);
    let mut secrets = (1..=3)
        .map(|i| {
            Ok(TrusteeSecret::generate(
                TrusteeName::parse(&format!("Trustee {i}"))?,
                &mut rng,
            )?)
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let setup = ElectionSetup::new(
        ElectionId::parse("bench-shuffle")?,
        2,
        secrets.iter().map(|s| s.public.clone()).collect(),
    )?;
    let round1 = secrets
        .iter()
        .map(|s| dkg_round1(s, &setup, &mut rng))
        .collect::<Result<Vec<_>, _>>()?;
    let round2 = secrets
        .iter_mut()
        .map(|s| dkg_round2(s, &setup, &round1, &mut rng))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(combine_public(&setup, &round1, &round2)?)
}

/// A random ranking: the candidates in random order, the first `1..=n` of them ranked.
fn random_ranks(candidates: usize, rng: &mut ChaCha20Rng) -> Vec<u8> {
    let mut order: Vec<usize> = (0..candidates).collect();
    for i in (1..candidates).rev() {
        // Modulo bias (below 2^-50 here) does not matter for a benchmark's ballots.
        order.swap(i, (rng.next_u64() % (i as u64 + 1)) as usize);
    }
    let ranked = 1 + (rng.next_u64() % candidates as u64) as usize;
    let mut ranks = vec![0u8; candidates];
    for (place, &candidate) in order.iter().take(ranked).enumerate() {
        // At most 70 candidates, so a rank fits a byte.
        ranks[candidate] = (place + 1) as u8;
    }
    ranks
}

pub fn run(args: ShuffleBenchArgs) -> anyhow::Result<String> {
    if args.ballots == 0 {
        bail!("--ballots must be at least 1");
    }
    let layout = RankedLayout::new(args.candidates)?;
    let key = election_key(args.seed)?;
    let mut out = String::new();
    writeln!(
        out,
        "{} ballots of {} candidates: {} ciphertext(s) per ballot ({} candidates per point); {} threads",
        args.ballots,
        args.candidates,
        layout.ciphertexts_per_ballot(),
        layout.candidates_per_point(),
        rayon::current_num_threads()
    )?;

    let started = Instant::now();
    let encryption_key = EncryptionKey::new(&key);
    let vectors = (0..args.ballots as u64)
        .into_par_iter()
        .map(|i| {
            let mut rng = sub_rng(args.seed, "ballot", i);
            let ballot = RankedBallot::new(&layout, random_ranks(args.candidates, &mut rng))?;
            Ok(ballot.encrypt(&layout, &encryption_key, &mut rng)?)
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let inputs = CiphertextVectors::new(vectors)?;
    writeln!(
        out,
        "encrypt (setup, not the target): {:.1} s",
        started.elapsed().as_secs_f64()
    )?;

    let seed = ShuffleSeed::new(format!("bench-shuffle {}", args.seed).into_bytes())?;
    let mut rng = sub_rng(args.seed, "mixer", 0);
    let started = Instant::now();
    let (outputs, witness) = shuffle(&key, &inputs, &mut rng)?;
    let shuffled = started.elapsed();
    let proof = prove_shuffle(&key, &seed, &inputs, &outputs, &witness, &mut rng)?;
    let proved = started.elapsed();
    drop(witness);

    let started = Instant::now();
    verify_shuffle(&key, &seed, &inputs, &outputs, &proof).context("the honest shuffle")?;
    let verified = started.elapsed();

    let proof_bytes = serde_json::to_vec(&proof)?.len();
    let per_ballot = |d: std::time::Duration| d.as_secs_f64() * 1000.0 / args.ballots as f64;
    writeln!(
        out,
        "shuffle: {:.1} s; shuffle + prove: {:.1} s ({:.3} ms per ballot)",
        shuffled.as_secs_f64(),
        proved.as_secs_f64(),
        per_ballot(proved)
    )?;
    writeln!(
        out,
        "verify: {:.1} s ({:.3} ms per ballot)",
        verified.as_secs_f64(),
        per_ballot(verified)
    )?;
    writeln!(
        out,
        "proof: {:.1} MB of JSON ({} bytes per ballot)",
        proof_bytes as f64 / 1e6,
        proof_bytes / args.ballots
    )?;
    Ok(out)
}
