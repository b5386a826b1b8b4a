//! Inputs with which fuzzing (`scripts/fuzz`) once made a reader or a count panic, kept in
//! `tests/fuzz-regressions/` (the extension picks the reader, as `urna tally` does): each is
//! read and counted by every method without a panic.

use std::path::Path;

use urna_tally::{Method, Options, TallyError, count, parse_ballots};

fn regressions() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.expect("a directory entry").path();
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let name = path
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            (name, String::from_utf8_lossy(&bytes).into_owned())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_regression_input_is_read_and_counted_by_every_method_without_a_panic() {
    let cases = regressions();
    assert!(!cases.is_empty(), "tests/fuzz-regressions is empty");
    for (name, text) in cases {
        let Ok(ballots) = parse_ballots(&name, &text) else {
            continue;
        };
        for method in Method::ALL {
            let options = Options {
                seed: Some(1),
                ..Options::default()
            };
            let _ = count(method, &ballots, &options);
        }
    }
}

/// `3 2000000000000` declares two trillion seats: WIGM's quota divisor, (seats + 1) in
/// 27-decimal fixed point, is 2 × 10^39, past i128's 1.7 × 10^38. Every method now refuses
/// more than a million seats by name instead.
#[test]
fn two_trillion_seats_are_refused_by_every_method() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fuzz-regressions/count-wigm-quota-overflow-huge-seats.blt"),
    )
    .expect("the regression input");
    let ballots = parse_ballots("f.blt", &text).expect("the file itself is valid BLT");
    for method in Method::ALL {
        let options = Options {
            seed: Some(1),
            ..Options::default()
        };
        match count(method, &ballots, &options) {
            Err(TallyError::TooLarge(message)) => {
                assert!(
                    message.contains("2000000000000 seats"),
                    "{method}: {message}"
                );
            }
            // Methods for scored ballots refuse a ranked file first.
            Err(TallyError::WrongBallotKind { .. }) => {}
            other => panic!("{method}: {other:?}"),
        }
    }
}
