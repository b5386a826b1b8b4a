//! Any text as an uploaded voter list (CSV, `urna_core::voters`): a list or problems that
//! each name a line of the file, never a panic; what is read has no voter twice.
#![no_main]
use libfuzzer_sys::fuzz_target;
use urna_core::voters::VoterList;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The line any problem names lies in the file: CR, LF and CRLF each end a line (the CSV
    // reader's rule), so a file with n line ends has at most n + 1 lines.
    let lines = text.matches(['\n', '\r']).count() as u64 + 1;
    for allow_weights in [false, true] {
        match VoterList::parse_csv(text, allow_weights) {
            Ok(list) => {
                let mut seen = std::collections::BTreeSet::new();
                for entry in list.iter() {
                    assert!(
                        seen.insert(entry.voter.as_str().to_owned()),
                        "a voter listed twice"
                    );
                }
            }
            Err(error) => {
                assert!(!error.problems.is_empty(), "an error without a problem");
                for problem in &error.problems {
                    assert!(
                        (1..=lines).contains(&problem.line),
                        "problem on line {} of a {lines}-line file",
                        problem.line
                    );
                }
            }
        }
    }
});
