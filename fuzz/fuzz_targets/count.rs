//! Any BLT or CSV the readers accept: every method counts it or returns an error, never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use urna_tally::{Method, Options, count};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Keep inputs small so the fuzzer explores shapes, not sizes.
    if text.len() > 2000 {
        return;
    }
    let name = if text.starts_with('#') || text.contains(',') {
        "f.csv"
    } else {
        "f.blt"
    };
    let Ok(ballots) = urna_tally::parse_ballots(name, text) else {
        return;
    };
    for method in Method::ALL {
        let options = Options {
            seats: None,
            seed: Some(1),
            ..Options::default()
        };
        let _ = count(method, &ballots, &options);
    }
});
