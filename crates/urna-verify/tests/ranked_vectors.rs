//! The shared ranked-ballot vectors (docs/record-format.md A.6,
//! `crates/urna-crypto/testdata/ranked-vectors.json`): this independent verifier must
//! recompute every election digest, accept every ballot with its digest, and reject it, naming
//! the question and point, once a proof, a key or the shape changes.

use serde_json::Value;
use urna_verify::encoding::to_hex;
use urna_verify::ranked::{RankedParameters, verify_ranked_ballot};

fn cases() -> Vec<Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../urna-crypto/testdata/ranked-vectors.json"
    );
    let text = std::fs::read_to_string(path).expect("the shared ranked vectors exist");
    let file: Value = serde_json::from_str(&text).expect("JSON");
    file["cases"].as_array().expect("cases").clone()
}

/// `text` with its first hex digit changed (0 ↔ 1), still lowercase hex.
fn first_digit_changed(text: &Value) -> Value {
    let text = text.as_str().expect("hex");
    let first = if text.starts_with('0') { "1" } else { "0" };
    Value::String(format!("{first}{}", &text[1..]))
}

#[test]
fn every_shared_ranked_vector_verifies() {
    let cases = cases();
    assert_eq!(cases.len(), 4);
    for case in cases {
        let name = case["name"].as_str().unwrap_or_default();
        let parameters = RankedParameters::parse(&case["parameters"]).expect(name);
        assert_eq!(
            to_hex(&parameters.digest()),
            case["election_digest"].as_str().unwrap(),
            "{name}"
        );
        let valid = verify_ranked_ballot(&case["ballot"], &parameters)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            to_hex(&valid.digest),
            case["ballot_digest"].as_str().unwrap(),
            "{name}"
        );
        // W = Σ W_q: the ballot's vector in the mix input, one ciphertext per point.
        let points: usize = case["ballot"]["questions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["points"].as_array().unwrap().len())
            .sum();
        assert_eq!(valid.ciphertexts.len(), points, "{name}");
    }
}

#[test]
fn changed_ranked_ballots_are_refused_naming_the_point() {
    let cases = cases();
    // "two-questions": 3 then 6 candidates, one point each.
    let case = cases
        .iter()
        .find(|c| c["name"] == "two-questions")
        .expect("the two-question case");
    let parameters = RankedParameters::parse(&case["parameters"]).unwrap();
    let refuse = |change: &dyn Fn(&mut Value)| {
        let mut ballot = case["ballot"].clone();
        change(&mut ballot);
        verify_ranked_ballot(&ballot, &parameters)
            .unwrap_err()
            .to_string()
    };
    let point = |b: &mut Value| b["questions"][1]["points"][0].clone();
    assert_eq!(
        refuse(&|b| {
            let s = &mut b["questions"][1]["points"][0]["proof"]["s"];
            *s = first_digit_changed(s);
        }),
        "question 1, point 0: the proof of knowledge of its randomness does not verify"
    );
    // The second question's point moved to the first question: its proof names position (1, 0).
    assert_eq!(
        refuse(&|b| b["questions"][0]["points"][0] = point(b)),
        "question 0, point 0: the proof of knowledge of its randomness does not verify"
    );
    // Another credential key: every proof is bound to K.
    let other_key = cases[0]["ballot"]["credential_key"].clone();
    assert_eq!(
        refuse(&|b| b["credential_key"] = other_key.clone()),
        "question 0, point 0: the proof of knowledge of its randomness does not verify"
    );
    // β is in no proof; the signature covers it.
    let other_beta = cases[0]["ballot"]["questions"][0]["points"][0]["beta"].clone();
    assert!(
        refuse(&|b| b["questions"][0]["points"][0]["beta"] = other_beta.clone())
            .starts_with("the signature by credential key")
    );
    assert_eq!(
        refuse(&|b| {
            let copy = point(b);
            if let Some(points) = b["questions"][1]["points"].as_array_mut() {
                points.push(copy);
            }
        }),
        "question 1: 2 points, its 6 options take 1"
    );
    assert_eq!(
        refuse(&|b| b["questions"][0]["points"][0]["proof"]["x"] = Value::Null),
        "question 0, point 0: unknown field `x`"
    );
    assert_eq!(
        refuse(&|b| b["election"] = first_digit_changed(&b["election"])),
        "`election` is not this election's digest"
    );

    // Parameters mixing a ranked question with another type, or with bad bounds.
    let mut mixed = case["parameters"].clone();
    mixed["questions"][0]["ballot_type"] = Value::from("approval");
    assert_eq!(
        RankedParameters::parse(&mixed).unwrap_err().to_string(),
        "question 0: ballot type \"approval\" is not ranked (a mixnet election has only ranked questions)"
    );
    let mut bounds = case["parameters"].clone();
    bounds["questions"][1]["max"] = Value::from(7);
    assert_eq!(
        RankedParameters::parse(&bounds).unwrap_err().to_string(),
        "question 1: min 0 and max 7 are not valid for a ranked question of 6 options"
    );
}
