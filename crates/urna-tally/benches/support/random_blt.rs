//! Deterministic random BLT files for Meek benchmarks (shared by `benches/meek.rs` and
//! `examples/gen_blt.rs`).
//!
//! Ballots resemble stv-rs's benchmark files: each line has weight 1 and ranks a random number
//! of candidates (1 to all, lengths uniform), drawn without replacement with a popularity skew
//! (candidate `i` has weight ∝ 1/(i+2)), and `ties_per_mille` ballots in 1000 rank two or three
//! candidates equally somewhere. Candidates are written as nicknames (`[nick …]`), which both
//! Urna and stv-rs read. The generator is a SplitMix64 stream, so a seed always gives the same
//! file.

#![allow(dead_code)]

use std::io::Write;

const NAMES: [&str; 20] = [
    "apple", "banana", "cherry", "date", "eggplant", "fig", "grape", "hazelnut", "jalapeno",
    "kiwi", "litchi", "mushroom", "nut", "orange", "pear", "quinoa", "radish", "soy", "tomato",
    "vanilla",
];

/// SplitMix64 (Steele, Lea, Flood 2014).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform below `n` (the tiny bias is irrelevant for benchmark data).
    fn below(&mut self, n: u64) -> u64 {
        ((self.next() as u128 * n as u128) >> 64) as u64
    }
}

fn nick(i: usize) -> String {
    if i < NAMES.len() {
        NAMES[i].to_owned()
    } else {
        format!("{}{}", NAMES[i % NAMES.len()], i / NAMES.len())
    }
}

/// Writes a random election as BLT.
pub fn write_random_blt(
    w: &mut impl Write,
    ballots: u64,
    ncand: usize,
    seats: u64,
    seed: u64,
    ties_per_mille: u64,
) -> std::io::Result<()> {
    let mut rng = Rng(seed);
    writeln!(w, "{ncand} {seats}")?;
    let nicks: Vec<String> = (0..ncand).map(nick).collect();
    writeln!(w, "[nick {}]", nicks.join(" "))?;
    let popularity: Vec<u64> = (0..ncand).map(|i| 1_000_000 / (i as u64 + 2)).collect();
    let mut pool: Vec<usize> = Vec::with_capacity(ncand);
    let mut line = String::new();
    for _ in 0..ballots {
        let len = 1 + rng.below(ncand as u64) as usize;
        pool.clear();
        pool.extend(0..ncand);
        let mut total: u64 = popularity.iter().sum();
        let mut ranking = Vec::with_capacity(len);
        for _ in 0..len {
            let mut x = rng.below(total);
            let mut k = 0;
            while x >= popularity[pool[k]] {
                x -= popularity[pool[k]];
                k += 1;
            }
            let c = pool.swap_remove(k);
            total -= popularity[c];
            ranking.push(c);
        }
        let (tie_at, tie_len) = if len >= 2 && rng.below(1000) < ties_per_mille {
            let g = (2 + rng.below(2) as usize).min(len);
            (rng.below((len - g + 1) as u64) as usize, g)
        } else {
            (usize::MAX, 0)
        };
        line.clear();
        line.push('1');
        for (k, &c) in ranking.iter().enumerate() {
            let joined = tie_at != usize::MAX && k > tie_at && k < tie_at + tie_len;
            line.push(if joined { '=' } else { ' ' });
            line.push_str(&nicks[c]);
        }
        line.push_str(" 0\n");
        w.write_all(line.as_bytes())?;
    }
    writeln!(w, "0")?;
    for n in &nicks {
        let mut name = n.clone();
        name[..1].make_ascii_uppercase();
        writeln!(w, "\"{name}\"")?;
    }
    writeln!(w, "\"Random election, seed {seed}\"")
}

/// [`write_random_blt`] into a string.
pub fn random_blt(
    ballots: u64,
    ncand: usize,
    seats: u64,
    seed: u64,
    ties_per_mille: u64,
) -> String {
    let mut out = Vec::new();
    write_random_blt(&mut out, ballots, ncand, seats, seed, ties_per_mille)
        .expect("writing to memory cannot fail");
    String::from_utf8(out).expect("ASCII")
}
