//! Writes a deterministic random BLT file for Meek benchmarks (see
//! `benches/support/random_blt.rs` for the distribution).
//!
//! `cargo run --release -p urna-tally --example gen_blt -- BALLOTS CANDIDATES SEATS SEED [TIES] > FILE`
//! (TIES: ballots in 1000 with an equal-rank group, default 50).

#[path = "../benches/support/random_blt.rs"]
mod random_blt;

use std::io::{BufWriter, Write};

fn main() -> std::io::Result<()> {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .map(|a| {
            a.parse()
                .expect("numeric arguments: BALLOTS CANDIDATES SEATS SEED [TIES]")
        })
        .collect();
    let (ballots, ncand, seats, seed, ties) = match args[..] {
        [b, c, s, seed] => (b, c, s, seed, 50),
        [b, c, s, seed, t] => (b, c, s, seed, t),
        _ => {
            eprintln!("usage: gen_blt BALLOTS CANDIDATES SEATS SEED [TIES_PER_1000]");
            std::process::exit(2);
        }
    };
    let out = std::io::stdout();
    let mut w = BufWriter::with_capacity(1 << 20, out.lock());
    random_blt::write_random_blt(&mut w, ballots, ncand as usize, seats, seed, ties)?;
    w.flush()
}
