//! Any text: the CSV and JSON readers return ballots or a `ParseError`, never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = urna_tally::scored::parse_csv(text);
    let _ = urna_tally::scored::parse_json(text);
});
