//! Conformance: every case of the corpus manifest (`../shared/data/elections/manifest.json`)
//! elects the expected candidates. Stage-by-stage checks live beside it
//! (`conformance_stages.rs`). Expected results come from official counts and reference
//! implementations, never from Urna.
//!
//! The corpus is not part of the repository; when it is absent the test says so and passes.

mod corpus;

use std::str::FromStr;

use urna_tally::{Ballots, Method, Options, count};

#[test]
fn every_manifest_case_elects_the_expected_candidates() {
    let Some(corpus) = corpus::Corpus::open() else {
        return;
    };
    let mut checked = 0;
    let mut failures = Vec::new();
    for case in &corpus.cases {
        let method = Method::from_str(&case.method).expect("known method in manifest");
        let ballots = Ballots::Ranked(corpus.election(&case.file));
        let options = Options {
            seats: Some(case.seats),
            ..Options::default()
        };
        let report = match count(method, &ballots, &options) {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{} ({}): {e}", case.file, case.method));
                continue;
            }
        };
        let mut got: Vec<String> = report
            .elected
            .iter()
            .map(|&c| report.candidates[c].clone())
            .collect();
        let mut want = case.expected_elected.clone();
        if !case.elected_order_matters {
            got.sort();
            want.sort();
        }
        if got != want {
            failures.push(format!(
                "{} ({}): elected {got:?}, expected {want:?}",
                case.file, case.method
            ));
        }
        checked += 1;
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!("conformance: {checked} manifest cases elect the expected candidates");
}

#[test]
fn every_corpus_ballot_file_parses() {
    let Some(corpus) = corpus::Corpus::open() else {
        return;
    };
    let mut stack = vec![corpus.root.clone()];
    let mut parsed = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable corpus folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "blt") {
                let text = std::fs::read_to_string(&path).expect("readable");
                let e = urna_tally::blt::parse(&text)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                assert!(!e.ballots.is_empty(), "{}", path.display());
                // Writing and reading back gives the same election.
                let again =
                    urna_tally::blt::parse(&urna_tally::blt::write(&e)).expect("round trip");
                assert_eq!(again, e, "{}", path.display());
                parsed += 1;
            }
        }
    }
    assert!(parsed >= 50, "only {parsed} BLT files found");
    eprintln!("conformance: {parsed} corpus BLT files parse and round-trip");
}
