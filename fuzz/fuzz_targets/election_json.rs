//! Any bytes as an election definition (the JSON the API's `POST /api/v1/elections` and
//! `urna_core::election::ElectionSpec` read): a checked `Election` or an error, never a
//! panic; an accepted election writes back to JSON that reads as the same election.
#![no_main]
use libfuzzer_sys::fuzz_target;
use urna_core::election::{Election, ElectionSpec};

fuzz_target!(|data: &[u8]| {
    let Ok(spec) = serde_json::from_slice::<ElectionSpec>(data) else {
        return;
    };
    let Ok(election) = Election::try_from(spec) else {
        return;
    };
    let json = serde_json::to_string(&election).expect("an election serialises");
    let again: Election = serde_json::from_str(&json).expect("a written election reads back");
    assert_eq!(
        serde_json::to_string(&again).expect("serialises"),
        json,
        "the election changed on the way through JSON"
    );
});
