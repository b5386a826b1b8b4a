//! Any bytes as the encrypted ballot a voter's browser posts to `cast-encrypted`
//! (docs/record-format.md §4), checked against the first shared test vector's election
//! (`crates/urna-crypto/testdata/e2e-vectors.json`): the JSON is refused, or the ballot's
//! proofs verify or fail, never a panic. Seed the corpus with the vector's ballot so the
//! fuzzer mutates a valid one.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use urna_crypto::{ElectionParams, EncryptedBallot};

const VECTORS: &str = include_str!("../../crates/urna-crypto/testdata/e2e-vectors.json");

/// The election parameters of every test vector (several ballot types).
fn elections() -> &'static [ElectionParams] {
    static PARAMS: OnceLock<Vec<ElectionParams>> = OnceLock::new();
    PARAMS.get_or_init(|| {
        let vectors: serde_json::Value = serde_json::from_str(VECTORS).expect("vectors are JSON");
        vectors["cases"]
            .as_array()
            .expect("a list of cases")
            .iter()
            .map(|case| serde_json::from_value(case["parameters"].clone()).expect("parameters"))
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(ballot) = serde_json::from_slice::<EncryptedBallot>(data) else {
        return;
    };
    for params in elections() {
        let _ = ballot.verify(params);
    }
});
