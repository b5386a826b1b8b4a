//! Any text: the BLT reader returns an election or a `ParseError`, and what it reads writes
//! back to the same election.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(e) = urna_tally::blt::parse(text) {
        let again = urna_tally::blt::parse(&urna_tally::blt::write(&e)).expect("written BLT reads");
        assert_eq!(again, e);
    }
});
