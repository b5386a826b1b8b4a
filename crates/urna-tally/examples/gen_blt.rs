//! Deterministic random BLT generator for Meek benchmarks.
//!
//! `cargo run --release -p urna-tally --example gen_blt -- BALLOTS CANDIDATES SEATS SEED [TIES] > FILE`
//!
//! Ballots resemble stv-rs's benchmark files: each line has weight 1 and ranks a random number
//! of candidates (1 to all, lengths uniform), drawn without replacement with a popularity skew
//! (candidate `i` has weight ∝ 1/(i+2)), and TIES ballots in 1000 (default 50) rank two or
//! three candidates equally somewhere. Candidates are written as nicknames (`[nick …]`), which both
//! Urna and stv-rs read. The generator is a SplitMix64 stream, so a seed always gives the same
//! file.

use std::io::{BufWriter, Write};

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

    /// Uniform below `n` (tiny bias is irrelevant for benchmark data).
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

fn main() -> std::io::Result<()> {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("numeric arguments: BALLOTS CANDIDATES SEATS SEED"))
        .collect();
    let (ballots, ncand, seats, seed, ties_per_mille) = match args[..] {
        [b, c, s, seed] => (b, c, s, seed, 50),
        [b, c, s, seed, t] => (b, c, s, seed, t),
        _ => {
            eprintln!("usage: gen_blt BALLOTS CANDIDATES SEATS SEED [TIES_PER_1000 (default 50)]");
            std::process::exit(2);
        }
    };
    let ncand = ncand as usize;
    let mut rng = Rng(seed);
    let out = std::io::stdout();
    let mut w = BufWriter::with_capacity(1 << 20, out.lock());
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
        // TIES_PER_1000 ballots in 1000: a group of 2 or 3 equal ranks at a random position.
        let (tie_at, tie_len) = if len >= 2 && rng.below(1000) < ties_per_mille {
            let g = 2 + rng.below(2) as usize;
            let g = g.min(len);
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
    writeln!(w, "\"Random election, seed {seed}\"")?;
    w.flush()
}
