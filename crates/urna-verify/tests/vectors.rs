//! The shared ballot test vectors (docs/record-format.md §10,
//! `crates/urna-crypto/testdata/e2e-vectors.json`), written by the Rust and JavaScript
//! implementations: this independent verifier must recompute every election digest, accept
//! every ballot, find its digest, and reject it once any proof value changes.

use serde_json::Value;
use urna_verify::ballot::{Parameters, verify_ballot};
use urna_verify::encoding::to_hex;

fn cases() -> Vec<Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../urna-crypto/testdata/e2e-vectors.json"
    );
    let text = std::fs::read_to_string(path).expect("the shared vectors exist");
    let file: Value = serde_json::from_str(&text).expect("JSON");
    file["cases"].as_array().expect("cases").clone()
}

#[test]
fn every_shared_vector_verifies() {
    let cases = cases();
    assert!(!cases.is_empty());
    for case in cases {
        let name = case["name"].as_str().unwrap_or_default();
        let parameters = Parameters::parse(&case["parameters"]).expect(name);
        let digest = parameters.digest();
        assert_eq!(
            to_hex(&digest),
            case["election_digest"].as_str().unwrap(),
            "{name}"
        );
        let valid = verify_ballot(
            &case["ballot"],
            &digest,
            &parameters.public_key.point,
            &parameters.questions,
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            to_hex(&valid.digest),
            case["ballot_digest"].as_str().unwrap(),
            "{name}"
        );

        // The first bit's proof, its first challenge changed: rejected, naming the bit.
        let mut bad = case["ballot"].clone();
        let c = &mut bad["questions"][0]["bits"][0]["proof"][0]["c"];
        let flipped = format!(
            "{}{}",
            if c.as_str().unwrap().starts_with('0') {
                "1"
            } else {
                "0"
            },
            &c.as_str().unwrap()[1..]
        );
        *c = Value::String(flipped);
        let err = verify_ballot(
            &bad,
            &digest,
            &parameters.public_key.point,
            &parameters.questions,
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("question 0, bit 0"),
            "{name}: {err}"
        );
    }
}
