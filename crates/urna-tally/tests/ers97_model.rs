//! ERS97 on the Electoral Reform Society's model election (corpus `meek/ers97-model.blt`).
//!
//! Expected figures come from the booklet, "How to conduct an election by the Single
//! Transferable Vote", 3rd edition, section 8 (model election; transcribed at
//! rosenstiel.co.uk/stvrules/model.htm): 753 valid votes, quota 753/7 → 107.58; first stage
//! Smith 134 elected, the two lowest 24 and 23; second stage Smith's surplus 26.42 shared among
//! 123 transferable papers at 0.21, non-transferable difference 26.42 − 25.83 = 0.59. The winners
//! (Smith, Carpenter, Duke, Prince, Vicar, Freeman) are the booklet's, confirmed by OpenSTV's
//! ERS97 and pref_voting (corpus manifest). Skips when the corpus is absent.

mod corpus;

use urna_tally::{Ballots, Decimal, Method, Options, count};

#[test]
fn model_election_first_stages_and_winners() {
    let Some(corpus) = corpus::Corpus::open() else {
        return;
    };
    let e = corpus.election("meek/ers97-model.blt");
    let r = count(Method::Ers97, &Ballots::Ranked(e), &Options::default()).expect("count");
    let d2 = |raw: i128| Some(Decimal::new(raw, 2));
    let idx = |name: &str| {
        r.candidates
            .iter()
            .position(|c| c == name)
            .expect("candidate in file")
    };
    assert_eq!(r.ballots, 753);
    let s1 = &r.rounds[0];
    assert_eq!(s1.quota, d2(10758));
    assert_eq!(s1.votes[idx("Smith")], d2(13400));
    assert_eq!(s1.elected, vec![idx("Smith")]);
    let mut first: Vec<Decimal> = s1.votes.iter().flatten().copied().collect();
    first.sort();
    assert_eq!(&first[..2], &[Decimal::new(2300, 2), Decimal::new(2400, 2)]);
    let s2 = &r.rounds[1];
    assert_eq!(s2.action, "Surplus of Smith");
    assert_eq!(s2.votes[idx("Smith")], d2(10758));
    // 123 papers × 0.21 = 25.83 credited; the 0.59 difference is truncation (rounding loss).
    let credited: i128 = s2
        .votes
        .iter()
        .zip(&s1.votes)
        .filter_map(|(a, b)| Some(a.as_ref()?.raw() - b.as_ref()?.raw()))
        .filter(|&d| d > 0)
        .sum();
    assert_eq!(credited, 2583);
    assert_eq!(s2.rounding_loss, d2(59));
    assert_eq!(s2.non_transferable, d2(0));
    let mut got: Vec<&str> = r
        .elected
        .iter()
        .map(|&c| r.candidates[c].as_str())
        .collect();
    got.sort();
    assert_eq!(
        got,
        ["Carpenter", "Duke", "Freeman", "Prince", "Smith", "Vicar"]
    );
}
