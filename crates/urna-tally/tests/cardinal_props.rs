//! Property tests for scored ballots: the CSV and JSON readers never panic, and the cardinal
//! methods do not depend on ballot order or on the candidates' labels.

use proptest::prelude::*;
use urna_tally::ballots::{ElectionInfo, ScoredBallot};
use urna_tally::{Ballots, Method, Options, ScoredElection, count, scored};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn readers_never_panic_on_any_text(s in any::<String>()) {
        let _ = scored::parse_csv(&s);
        let _ = scored::parse_json(&s);
    }

    #[test]
    fn readers_never_panic_on_near_valid_text(
        s in "[AB\",\n\r #:x0-9weighttitlesscale{}\\[\\]null-]{0,80}",
    ) {
        let _ = scored::parse_csv(&s);
        let _ = scored::parse_json(&s);
        let csv = format!("# scale: 0-5\nweight,A,B\n{s}");
        let _ = scored::parse_csv(&csv);
        let json = format!("{{\"candidates\": [\"A\", \"B\"], \"ballots\": [{s}]}}");
        let _ = scored::parse_json(&json);
    }

    #[test]
    fn readers_never_panic_on_bytes_as_utf8(b in proptest::collection::vec(any::<u8>(), 0..200)) {
        let s = String::from_utf8_lossy(&b);
        let _ = scored::parse_csv(&s);
        let _ = scored::parse_json(&s);
    }
}

const METHODS: [Method; 5] = [
    Method::Approval,
    Method::Score,
    Method::Son,
    Method::Mj,
    Method::Star,
];

/// Values a method accepts, blank included.
fn values(m: Method) -> Vec<Option<i64>> {
    let range: Vec<i64> = match m {
        Method::Approval => vec![0, 1],
        Method::Son => vec![-1, 0, 1],
        Method::Score => (0..=10).collect(),
        _ => (0..=5).collect(),
    };
    std::iter::once(None)
        .chain(range.into_iter().map(Some))
        .collect()
}

fn election(m: Method, ncand: usize, seats: usize, raw: &[(u64, Vec<usize>)]) -> ScoredElection {
    let vals = values(m);
    ScoredElection {
        info: ElectionInfo {
            title: "prop".into(),
            candidates: (0..ncand).map(|i| format!("C{i}")).collect(),
            seats,
            withdrawn: vec![],
            tie_order: None,
        },
        ballots: raw
            .iter()
            .map(|(w, picks)| ScoredBallot {
                weight: *w,
                scores: picks[..ncand]
                    .iter()
                    .map(|&p| vals[p % vals.len()])
                    .collect(),
            })
            .collect(),
        scale: None,
    }
}

fn run(m: Method, e: &ScoredElection, seats: usize) -> urna_tally::Report {
    count(
        m,
        &Ballots::Scored(e.clone()),
        &Options {
            seats: Some(seats),
            seed: Some(99),
            ..Options::default()
        },
    )
    .expect("valid ballots count")
}

fn ballots_strategy() -> impl Strategy<Value = Vec<(u64, Vec<usize>)>> {
    proptest::collection::vec((1u64..4, proptest::collection::vec(0usize..12, 4)), 0..12)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn ballot_order_does_not_change_the_result(
        raw in ballots_strategy(),
        ncand in 2usize..5,
        seats in 1usize..3,
        rot in 0usize..12,
    ) {
        for m in METHODS {
            let e = election(m, ncand, seats, &raw);
            let mut shuffled = e.clone();
            shuffled.ballots.reverse();
            if !shuffled.ballots.is_empty() {
                let k = rot % shuffled.ballots.len();
                shuffled.ballots.rotate_left(k);
            }
            let a = run(m, &e, seats);
            let b = run(m, &shuffled, seats);
            prop_assert_eq!(&a.elected, &b.elected, "{}", m);
            prop_assert_eq!(&a.ranking, &b.ranking, "{}", m);
            prop_assert_eq!(&a.rounds, &b.rounds, "{}", m);
            prop_assert_eq!(&a.details, &b.details, "{}", m);
        }
    }

    #[test]
    fn relabelling_candidates_permutes_the_result(
        raw in ballots_strategy(),
        ncand in 2usize..5,
        seats in 1usize..3,
        shift in 1usize..4,
    ) {
        for m in METHODS {
            let e = election(m, ncand, seats, &raw);
            // New position of old candidate c: (c + shift) mod n.
            let pi = |c: usize| (c + shift) % ncand;
            let mut p = e.clone();
            for (b, orig) in p.ballots.iter_mut().zip(&e.ballots) {
                for c in 0..ncand {
                    b.scores[pi(c)] = orig.scores[c];
                }
            }
            for c in 0..ncand {
                p.info.candidates[pi(c)] = e.info.candidates[c].clone();
            }
            let a = run(m, &e, seats);
            let b = run(m, &p, seats);
            // A lot picks by position among the tied, so only lot-free counts must map exactly.
            if a.seed.is_some() || b.seed.is_some() {
                continue;
            }
            // Candidates elected together with equal votes are listed in file order, so compare
            // the elected as sets of names (the order of seats is covered by the tiers below).
            let names = |r: &urna_tally::Report| {
                let mut v: Vec<String> = r.elected.iter().map(|&c| r.candidates[c].clone()).collect();
                v.sort();
                v
            };
            let mapped: Vec<usize> = a.elected.iter().map(|&c| pi(c)).collect();
            prop_assert_eq!(names(&a), names(&b), "{}", m);
            prop_assert!(mapped.iter().all(|c| b.elected.contains(c)), "{}", m);
            let tiers = |r: &urna_tally::Report| -> Option<Vec<Vec<String>>> {
                r.ranking.as_ref().map(|t| {
                    t.iter()
                        .map(|tier| {
                            let mut names: Vec<String> =
                                tier.iter().map(|&c| r.candidates[c].clone()).collect();
                            names.sort();
                            names
                        })
                        .collect()
                })
            };
            prop_assert_eq!(tiers(&a), tiers(&b), "{}", m);
        }
    }
}
