//! # urna-tally
//!
//! Urna's counting engine: every counting method Urna offers and the ballot file formats it
//! reads. Pure and deterministic: no I/O beyond parsing strings, no floating point in any count,
//! no hash-map iteration order, and every lot drawn from a seed that the report prints.
//!
//! ```
//! use urna_tally::{blt, methods::{count, Method, Options}, Ballots};
//! let e = blt::parse("2 1\n3 1 0\n2 2 0\n0\n\"Ann\"\n\"Bob\"\n\"Demo\"\n").unwrap();
//! let r = count(Method::Plurality, &Ballots::Ranked(e), &Options::default()).unwrap();
//! assert_eq!(r.candidates[r.elected[0]], "Ann");
//! ```

pub mod ballots;
pub mod blt;
pub mod error;
pub mod fixed;
pub mod methods;
pub mod render;
pub mod report;
pub mod scored;
pub mod tie;
// --- totals (issue 4) ---
pub mod totals;
// --- end totals ---

pub use ballots::{Ballots, CandidateId, ElectionInfo, RankedElection, ScoredElection};
pub use error::{ParseError, TallyError};
pub use methods::{Method, Options, count};
pub use report::{Decimal, Report, Round};
pub use totals::{TotalsElection, count_totals};

/// Reads a ballot file of any supported format, chosen by its extension (`.blt`, `.csv`,
/// `.json`); anything else is read as BLT.
pub fn parse_ballots(file_name: &str, text: &str) -> Result<Ballots, ParseError> {
    let lower = file_name.to_ascii_lowercase();
    if lower.ends_with(".csv") {
        scored::parse_csv(text).map(Ballots::Scored)
    } else if lower.ends_with(".json") {
        scored::parse_json(text).map(Ballots::Scored)
    } else {
        blt::parse(text).map(Ballots::Ranked)
    }
}
