//! Replays the fuzzing corpus (`fuzz/corpus/`, grown by `scripts/fuzz`) as regression tests:
//! every input is read by every parser and, when accepted, counted by every method, without a
//! panic; BLT that parses writes back to the same election.

use std::path::Path;

use urna_tally::{Method, Options, blt, count, parse_ballots, scored};

fn inputs(target: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, String)> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let bytes = std::fs::read(e.path()).ok()?;
            let text = String::from_utf8(bytes).ok()?;
            Some((e.file_name().to_string_lossy().into_owned(), text))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn blt_corpus_parses_or_errors_and_round_trips() {
    let cases = inputs("blt");
    assert!(!cases.is_empty(), "fuzz/corpus/blt is missing");
    for (name, text) in cases {
        if let Ok(e) = blt::parse(&text) {
            let again = blt::parse(&blt::write(&e)).unwrap_or_else(|err| panic!("{name}: {err}"));
            assert_eq!(again, e, "{name}");
        }
    }
}

#[test]
fn scored_corpus_never_panics() {
    for (_, text) in inputs("scored") {
        let _ = scored::parse_csv(&text);
        let _ = scored::parse_json(&text);
    }
}

#[test]
fn count_corpus_never_panics() {
    for target in ["count", "blt"] {
        for (_, text) in inputs(target).into_iter().filter(|(_, t)| t.len() <= 2000) {
            let name = if text.starts_with('#') || text.contains(',') {
                "f.csv"
            } else {
                "f.blt"
            };
            let Ok(ballots) = parse_ballots(name, &text) else {
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
}
