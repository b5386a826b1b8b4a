//! The trustee's own check before decrypting a mixnet election (`urna_crypto::record::
//! verified_mix_chain`, record format A.7) on the published test records: it follows the
//! honest chain to the last shuffle's output, and refuses a stuffed mix input and a shuffle that
//! duplicates a ballot, so a trustee never decrypts ballots that were not shuffled honestly.

use std::path::Path;

use urna_crypto::record::{read_record, verified_mix_chain};

fn record(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../urna-verify/testdata")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_honest_chain_ends_at_the_last_output() {
    let events = read_record(&record("honest-mixnet-multi.jsonl")).expect("readable");
    let last = verified_mix_chain(&events).expect("an honest chain");
    // 11 counted ballots of weights summing to 25 (V4's figures for this record, which the
    // independent verifier reports): 25 vectors of 1 + 2 points (6 and 30 candidates, A.1).
    assert_eq!((last.len(), last.width()), (25, 3));
}

#[test]
fn a_stuffed_input_or_a_duplicating_shuffle_is_refused() {
    for (name, expected) in [
        ("tampered-V5-mixnet-stuffed-mix-input.jsonl", "mix_input"),
        ("tampered-V6-mixnet-duplicating-shuffle.jsonl", "shuffle 1"),
    ] {
        let events = read_record(&record(name)).expect("readable");
        let err = verified_mix_chain(&events).expect_err(name).to_string();
        assert!(err.contains(expected), "{name}: {err}");
    }
}
