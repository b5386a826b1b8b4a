//! Properties of Meek counts on small random elections (both variants):
//! - conservation: at every round, `Σ votes + non-transferable + rounding loss` equals the
//!   number of ballots counted, exactly;
//! - the order of ballot lines does not change anything in the report.

use proptest::prelude::*;
use urna_tally::ballots::{ElectionInfo, RankedBallots};
use urna_tally::methods::stv::meek::{Variant, count_traced};
use urna_tally::{Decimal, RankedElection};

/// A ballot: weight and rank groups.
type Ballot = (u64, Vec<Vec<usize>>);

fn ballot(ncand: usize) -> impl Strategy<Value = Ballot> {
    (
        1u64..6,
        Just((0..ncand).collect::<Vec<usize>>()).prop_shuffle(),
        1..=ncand,
        proptest::collection::vec(any::<bool>(), ncand),
    )
        .prop_map(|(w, perm, len, joins)| {
            let mut groups: Vec<Vec<usize>> = Vec::new();
            for (k, &c) in perm[..len].iter().enumerate() {
                // About one join in eight: an equal rank with the previous candidate.
                match groups.last_mut() {
                    Some(g) if joins[k] && k % 4 == 1 => g.push(c),
                    _ => groups.push(vec![c]),
                }
            }
            (w, groups)
        })
}

fn election_strategy() -> impl Strategy<Value = (usize, usize, Vec<usize>, Vec<Ballot>)> {
    (2usize..7).prop_flat_map(|ncand| {
        (
            Just(ncand),
            1..ncand,
            proptest::collection::vec(0..ncand, 0..2),
            proptest::collection::vec(ballot(ncand), 1..25),
        )
    })
}

fn build(ncand: usize, seats: usize, withdrawn: &[usize], ballots: &[Ballot]) -> RankedElection {
    let mut b = RankedBallots::new();
    for (w, groups) in ballots {
        b.push_groups(*w, groups.clone());
    }
    let mut withdrawn = withdrawn.to_vec();
    withdrawn.sort_unstable();
    withdrawn.dedup();
    RankedElection {
        info: ElectionInfo {
            title: "p".into(),
            candidates: (0..ncand).map(|c| format!("C{c}")).collect(),
            seats,
            withdrawn,
            tie_order: None,
        },
        ballots: b,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn votes_are_conserved_at_every_round((ncand, seats, withdrawn, ballots) in election_strategy()) {
        let e = build(ncand, seats, &withdrawn, &ballots);
        for variant in [Variant::Droop, Variant::Prf] {
            let Ok((r, _)) = count_traced(&e, seats, variant, &|_, _| {}) else {
                continue;
            };
            let total = Decimal::new(r.ballots as i128 * 1_000_000_000, 9);
            for round in &r.rounds {
                let votes: i128 = round.votes.iter().flatten().map(|v| v.raw()).sum();
                let nt = round.non_transferable.expect("nt").raw();
                let rl = round.rounding_loss.expect("rl").raw();
                prop_assert!(rl >= 0, "{variant:?} {}: rounding loss {rl}", round.action);
                prop_assert_eq!(Decimal::new(votes + nt + rl, 9), total,
                    "{:?} {}", variant, round.action);
            }
            let standing = ncand - e.info.withdrawn.len();
            prop_assert_eq!(r.elected.len() + r.vacant, seats);
            prop_assert!(r.elected.len() <= standing);
        }
    }

    #[test]
    fn ballot_order_does_not_matter(
        (ncand, seats, withdrawn, ballots) in election_strategy(),
        seed in any::<u64>(),
    ) {
        let e = build(ncand, seats, &withdrawn, &ballots);
        let mut shuffled = ballots.clone();
        // A deterministic shuffle from the seed (Fisher–Yates with SplitMix64).
        let mut s = seed;
        for i in (1..shuffled.len()).rev() {
            s = s.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = s;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            shuffled.swap(i, (z % (i as u64 + 1)) as usize);
        }
        let f = build(ncand, seats, &withdrawn, &shuffled);
        for variant in [Variant::Droop, Variant::Prf] {
            let a = count_traced(&e, seats, variant, &|_, _| {});
            let b = count_traced(&f, seats, variant, &|_, _| {});
            prop_assert_eq!(a, b);
        }
    }
}
