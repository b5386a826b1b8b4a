//! The scored example files in `examples/` parse and count as their hand calculations say
//! (see the method modules' tests for the arithmetic).

use urna_tally::{Method, Options, count, parse_ballots};

fn example(name: &str) -> urna_tally::Ballots {
    let path = format!("{}/../../examples/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("example file");
    parse_ballots(name, &text).expect("example parses")
}

fn elected(r: &urna_tally::Report) -> Vec<&str> {
    r.elected
        .iter()
        .map(|&c| r.candidates[c].as_str())
        .collect()
}

#[test]
fn arbcom_example_elects_two_and_leaves_one_seat_vacant() {
    // S/(S+O): Lovelace 10/12, Hopper 6/12 (exactly 50%), Turing 5/12, Dijkstra no share.
    let r = count(Method::Son, &example("arbcom.csv"), &Options::default()).unwrap();
    assert_eq!(r.seats, 3);
    assert_eq!(elected(&r), vec!["Ada Lovelace", "Grace Hopper"]);
    assert_eq!(r.vacant, 1);
    assert_eq!(r.ballots, 12);
}

#[test]
fn star_example_elects_nashville() {
    // Totals 210 / 293 / 237 / 156; runoff Nashville 68, Chattanooga 32.
    let r = count(Method::Star, &example("star.json"), &Options::default()).unwrap();
    assert_eq!(elected(&r), vec!["Nashville"]);
    assert_eq!(r.seed, None);
}
