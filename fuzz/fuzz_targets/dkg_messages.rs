//! Any bytes as a trustee's key-ceremony file (`alice.round1.json`, `alice.round2.json`,
//! posted to `/api/v1/elections/{slug}/trustees/round1|round2`), checked as the server checks
//! it: against the set-up of an honest record (`crates/urna-verify/testdata/honest-mj.jsonl`),
//! in place of that trustee's honest message, by `combine_public`. Never a panic; a message
//! that differs from the honest one never yields an election key.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use urna_crypto::{DkgRound1, DkgRound2, ElectionSetup, combine_public};

const RECORD: &str = include_str!("../../crates/urna-verify/testdata/honest-mj.jsonl");

struct Ceremony {
    setup: ElectionSetup,
    round1s: Vec<DkgRound1>,
    round2s: Vec<DkgRound2>,
}

/// The honest ceremony of the record's `setup` event.
fn ceremony() -> &'static Ceremony {
    static CEREMONY: OnceLock<Ceremony> = OnceLock::new();
    CEREMONY.get_or_init(|| {
        let first = RECORD.lines().next().expect("a setup line");
        let event: serde_json::Value = serde_json::from_str(first).expect("JSON");
        let body = &event["body"];
        Ceremony {
            setup: serde_json::from_value(body["trustee_setup"].clone()).expect("the set-up"),
            round1s: serde_json::from_value(body["dkg"]["round1"].clone()).expect("round 1"),
            round2s: serde_json::from_value(body["dkg"]["round2"].clone()).expect("round 2"),
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let c = ceremony();
    if let Ok(message) = serde_json::from_slice::<DkgRound1>(data) {
        let _ = message.verify_public(&c.setup);
        let mut round1s = c.round1s.clone();
        let slot = (message.dealer as usize).wrapping_sub(1) % round1s.len();
        let honest = round1s[slot] == message;
        round1s[slot] = message;
        let key = combine_public(&c.setup, &round1s, &c.round2s);
        assert!(
            honest || key.is_err(),
            "a changed round 1 message gave an election key"
        );
    }
    if let Ok(message) = serde_json::from_slice::<DkgRound2>(data) {
        let mut round2s = c.round2s.clone();
        let slot = (message.trustee as usize).wrapping_sub(1) % round2s.len();
        let honest = round2s[slot] == message;
        round2s[slot] = message;
        let key = combine_public(&c.setup, &c.round1s, &round2s);
        assert!(
            honest || key.is_err(),
            "a changed round 2 message gave an election key"
        );
    }
});
