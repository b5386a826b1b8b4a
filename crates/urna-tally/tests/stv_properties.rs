//! Properties every Gregory-family STV count (scottish-stv, ers97, wigm) must have, on random
//! elections with weights, withdrawn candidates and equal ranks:
//! - at every stage, the candidates' votes + non-transferable + rounding loss = valid votes,
//!   exactly;
//! - the order of the ballot lines does not change the report;
//! - relabelling the candidates permutes the report (checked when no tie was broken, since lots
//!   and the predeclared order depend on the labels).

use std::collections::BTreeSet;

use proptest::prelude::*;
use urna_tally::ballots::{ElectionInfo, RankedBallots};
use urna_tally::{Ballots, Method, Options, RankedElection, Report, count};

const METHODS: [Method; 3] = [Method::ScottishStv, Method::Ers97, Method::Wigm];

/// A ballot line: weight and groups of equal ranks.
type Line = (u64, Vec<Vec<usize>>);

#[derive(Debug, Clone)]
struct Case {
    n: usize,
    seats: usize,
    withdrawn: Vec<usize>,
    lines: Vec<Line>,
}

fn case() -> impl Strategy<Value = Case> {
    (3usize..7).prop_flat_map(|n| {
        let line = (
            1u64..20,
            Just((0..n).collect::<Vec<usize>>()).prop_shuffle(),
            1usize..=n,
            proptest::collection::vec(0u8..10, n),
        )
            .prop_map(|(w, order, len, tie)| {
                // Rank the first `len` of a shuffled list; a tie roll of 0 joins a candidate
                // to the group before it (an equal rank), rarely.
                let mut groups: Vec<Vec<usize>> = Vec::new();
                for (i, &c) in order[..len].iter().enumerate() {
                    match groups.last_mut() {
                        Some(g) if tie[i] == 0 => g.push(c),
                        _ => groups.push(vec![c]),
                    }
                }
                (w, groups)
            });
        (
            Just(n),
            1usize..n,
            proptest::option::of(0usize..n),
            proptest::collection::vec(line, 1..25),
        )
            .prop_map(|(n, seats, wd, lines)| Case {
                n,
                seats,
                withdrawn: wd.into_iter().collect(),
                lines,
            })
    })
}

fn election(c: &Case, relabel: &[usize], order: &[usize]) -> RankedElection {
    let mut names = vec![String::new(); c.n];
    for (old, &new) in relabel.iter().enumerate() {
        names[new] = format!("C{old}");
    }
    let mut withdrawn: Vec<usize> = c.withdrawn.iter().map(|&w| relabel[w]).collect();
    withdrawn.sort_unstable();
    let mut ballots = RankedBallots::new();
    for &i in order {
        let (w, groups) = &c.lines[i];
        ballots.push_groups(
            *w,
            groups
                .iter()
                .map(|g| g.iter().map(|&x| relabel[x]).collect::<Vec<_>>()),
        );
    }
    RankedElection {
        info: ElectionInfo {
            title: "random".into(),
            candidates: names,
            seats: c.seats,
            withdrawn,
            tie_order: None,
        },
        ballots,
    }
}

fn run(m: Method, e: RankedElection, seats: usize) -> Report {
    count(
        m,
        &Ballots::Ranked(e),
        &Options {
            seats: Some(seats),
            seed: Some(99),
            ..Options::default()
        },
    )
    .expect("count")
}

fn identity(n: usize) -> Vec<usize> {
    (0..n).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_stage_balances(c in case()) {
        for m in METHODS {
            let r = run(m, election(&c, &identity(c.n), &identity(c.lines.len())), c.seats);
            for round in &r.rounds {
                let scale = round.quota.expect("quota").scale();
                let sum: i128 = round
                    .votes
                    .iter()
                    .flatten()
                    .chain(round.non_transferable.iter())
                    .chain(round.rounding_loss.iter())
                    .map(|d| {
                        assert_eq!(d.scale(), scale);
                        d.raw()
                    })
                    .sum();
                prop_assert_eq!(
                    sum,
                    i128::from(r.ballots) * 10i128.pow(scale),
                    "{} stage {}", m, round.stage
                );
            }
            prop_assert!(r.elected.len() <= c.seats);
            let standing = c.n - c.withdrawn.len();
            prop_assert_eq!(r.elected.len(), c.seats.min(standing), "{} fills every seat", m);
        }
    }

    #[test]
    fn ballot_order_does_not_matter(c in case(), seed in any::<u64>()) {
        let mut order = identity(c.lines.len());
        // A deterministic shuffle from the seed (Fisher–Yates with an LCG).
        let mut s = seed;
        for i in (1..order.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            order.swap(i, (s >> 33) as usize % (i + 1));
        }
        for m in METHODS {
            let a = run(m, election(&c, &identity(c.n), &identity(c.lines.len())), c.seats);
            let b = run(m, election(&c, &identity(c.n), &order), c.seats);
            prop_assert_eq!(&a.elected, &b.elected);
            prop_assert_eq!(&a.rounds, &b.rounds);
        }
    }

    #[test]
    fn relabelling_permutes_the_result(c in case(), perm_seed in any::<u64>()) {
        let mut relabel = identity(c.n);
        let mut s = perm_seed;
        for i in (1..relabel.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            relabel.swap(i, (s >> 33) as usize % (i + 1));
        }
        let lines = identity(c.lines.len());
        for m in METHODS {
            let a = run(m, election(&c, &identity(c.n), &lines), c.seats);
            let b = run(m, election(&c, &relabel, &lines), c.seats);
            let tied = |r: &Report| r.rounds.iter().any(|x| x.tie_break.is_some());
            if tied(&a) || tied(&b) {
                continue;
            }
            let set = |v: &[usize], map: &dyn Fn(usize) -> usize| -> BTreeSet<usize> {
                v.iter().map(|&x| map(x)).collect()
            };
            prop_assert_eq!(set(&a.elected, &|x| relabel[x]), set(&b.elected, &|x| x));
            prop_assert_eq!(a.rounds.len(), b.rounds.len());
            for (ra, rb) in a.rounds.iter().zip(&b.rounds) {
                for (old, &new) in relabel.iter().enumerate() {
                    prop_assert_eq!(
                        ra.votes[old], rb.votes[new],
                        "{} stage {} candidate {} (relabelled {})", m, ra.stage, old, new
                    );
                }
                prop_assert_eq!(ra.non_transferable, rb.non_transferable);
                prop_assert_eq!(ra.rounding_loss, rb.rounding_loss);
                prop_assert_eq!(set(&ra.elected, &|x| relabel[x]), set(&rb.elected, &|x| x));
                prop_assert_eq!(set(&ra.excluded, &|x| relabel[x]), set(&rb.excluded, &|x| x));
            }
        }
    }
}
