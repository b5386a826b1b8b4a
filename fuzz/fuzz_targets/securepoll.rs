//! Any bytes as a SecurePoll dump (`urna import securepoll`): parsed and imported, or an
//! error naming a line, never a panic; every imported election is valid (it survives JSON).
#![no_main]
use libfuzzer_sys::fuzz_target;
use urna_core::election::{Election, ElectionId};
use urna_core::securepoll::{import, parse_dump};

fuzz_target!(|data: &[u8]| {
    let Ok(xml) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(elections) = parse_dump(xml) else {
        return;
    };
    for dump in &elections {
        let id = ElectionId::parse("0123456789ABCDEFGHJKMNPQR0").expect("a valid id");
        let Ok(imported) = import(dump, id) else {
            continue;
        };
        let json = serde_json::to_string(&imported.election).expect("an election serialises");
        let _: Election = serde_json::from_str(&json).expect("an imported election reads back");
        for index in 0..imported.election.questions().len() {
            let _ = imported.ballot_file(index);
        }
    }
});
