//! Any bytes as a published election record (JSONL, docs/record-format.md §6) or an audited
//! ballot (§4), read by the independent verifier `urna-verify`: a verdict per check, never a
//! panic; a record the verifier cannot read fails V1 and only V1.
#![no_main]
use libfuzzer_sys::fuzz_target;
use urna_verify::{CheckId, VerifyOptions, is_audited_ballot, verify, verify_audited_ballot};

fuzz_target!(|data: &[u8]| {
    if is_audited_ballot(data) {
        let _ = verify_audited_ballot(data);
        return;
    }
    for up_to_freeze in [false, true] {
        let options = VerifyOptions {
            since: None,
            up_to_freeze,
        };
        let verification = verify(data, &options, &|_| {});
        assert_eq!(
            verification.checks.len(),
            CheckId::ALL.len(),
            "one outcome per check"
        );
    }
});
