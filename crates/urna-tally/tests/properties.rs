//! Properties every method must have, on random small elections:
//! - the order of the ballots in the file does not change the result;
//! - relabelling the candidates (permuting their order in the file) permutes the result, when
//!   no tie was broken (a lot or a predeclared order works on candidates in file order, so the
//!   result may legitimately differ);
//! - STV stages conserve votes exactly: votes + non-transferable + rounding loss = total.

use proptest::prelude::*;
use urna_tally::ballots::{RankedBallots, ScoredBallot};
use urna_tally::methods::BallotKind;
use urna_tally::{Ballots, ElectionInfo, Method, Options, RankedElection, ScoredElection, count};

const STV: [Method; 5] = [
    Method::Meek,
    Method::MeekPrf,
    Method::ScottishStv,
    Method::Ers97,
    Method::Wigm,
];

fn info(n: usize, seats: usize) -> ElectionInfo {
    ElectionInfo {
        title: "p".into(),
        candidates: (0..n).map(|c| format!("C{c}")).collect(),
        seats,
        ..ElectionInfo::default()
    }
}

fn ranked(n: usize, seats: usize, ballots: &[(u64, Vec<usize>)]) -> Ballots {
    let mut b = RankedBallots::new();
    for (w, r) in ballots {
        b.push_ranking(*w, r);
    }
    Ballots::Ranked(RankedElection {
        info: info(n, seats),
        ballots: b,
    })
}

fn scored(n: usize, seats: usize, ballots: &[(u64, Vec<Option<i64>>)]) -> Ballots {
    Ballots::Scored(ScoredElection {
        info: info(n, seats),
        scale: None,
        ballots: ballots
            .iter()
            .map(|(w, s)| ScoredBallot {
                weight: *w,
                scores: s.clone(),
            })
            .collect(),
    })
}

/// Random rankings over `n` candidates: distinct candidates, possibly truncated.
fn rankings(n: usize) -> impl Strategy<Value = Vec<(u64, Vec<usize>)>> {
    prop::collection::vec(
        (
            1u64..4,
            Just((0..n).collect::<Vec<_>>()).prop_shuffle(),
            1..=n,
        )
            .prop_map(|(w, order, len)| (w, order[..len].to_vec())),
        1..40,
    )
}

fn scores(n: usize, max: i64) -> impl Strategy<Value = Vec<(u64, Vec<Option<i64>>)>> {
    prop::collection::vec(
        (
            1u64..4,
            prop::collection::vec(prop::option::weighted(0.9, 0..=max), n),
        ),
        1..40,
    )
}

fn elected_names(b: &Ballots, m: Method, seats: usize) -> Option<(Vec<String>, bool)> {
    let options = Options {
        seats: Some(seats),
        seed: Some(5),
        ..Options::default()
    };
    let r = count(m, b, &options).ok()?;
    let mut names: Vec<String> = r.elected.iter().map(|&c| r.candidates[c].clone()).collect();
    names.sort();
    // A tie broken by lot or by a predeclared order depends on the labels.
    let tied = r.seed.is_some() || r.rounds.iter().any(|round| round.tie_break.is_some());
    Some((names, tied))
}

fn methods(kind: BallotKind) -> impl Iterator<Item = Method> {
    Method::ALL
        .into_iter()
        .filter(move |m| m.ballot_kind() == kind)
}

fn seats_for(m: Method, seats: usize) -> usize {
    match m {
        Method::Irv | Method::Star | Method::Plurality => 1,
        _ => seats,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn ranked_results_ignore_ballot_order_and_follow_relabelling(
        n in 2usize..6, seats in 1usize..3, ballots in (2usize..6).prop_flat_map(rankings), perm_seed in any::<u64>()
    ) {
        let ballots: Vec<(u64, Vec<usize>)> =
            ballots.into_iter().map(|(w, r)| (w, r.into_iter().filter(|&c| c < n).collect::<Vec<_>>())).filter(|(_, r)| !r.is_empty()).collect();
        prop_assume!(!ballots.is_empty());
        let seats = seats.min(n);
        let reversed: Vec<_> = ballots.iter().rev().cloned().collect();
        // A permutation of the candidates: new label of old candidate c is perm[c].
        let mut perm: Vec<usize> = (0..n).collect();
        let mut x = perm_seed | 1;
        for i in (1..n).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            perm.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let relabelled: Vec<_> = ballots.iter().map(|(w, r)| (*w, r.iter().map(|&c| perm[c]).collect::<Vec<_>>())).collect();
        for m in methods(BallotKind::Ranked) {
            let k = seats_for(m, seats);
            let Some((base, lot)) = elected_names(&ranked(n, k, &ballots), m, k) else { continue };
            let (rev, _) = elected_names(&ranked(n, k, &reversed), m, k).expect("counts reversed");
            prop_assert_eq!(&rev, &base, "{} ballot order", m);
            if !lot {
                let (rel, lot2) = elected_names(&ranked(n, k, &relabelled), m, k).expect("counts relabelled");
                if !lot2 {
                    let mut expect: Vec<String> = base.iter().map(|s| {
                        let c: usize = s[1..].parse().expect("C<n>");
                        format!("C{}", perm[c])
                    }).collect();
                    expect.sort();
                    prop_assert_eq!(rel, expect, "{} relabelling", m);
                }
            }
        }
    }

    #[test]
    fn stv_stages_conserve_votes(n in 3usize..7, seats in 1usize..4, ballots in (3usize..7).prop_flat_map(rankings)) {
        let ballots: Vec<(u64, Vec<usize>)> =
            ballots.into_iter().map(|(w, r)| (w, r.into_iter().filter(|&c| c < n).collect::<Vec<_>>())).filter(|(_, r)| !r.is_empty()).collect();
        prop_assume!(!ballots.is_empty());
        let total: u64 = ballots.iter().map(|b| b.0).sum();
        let e = ranked(n, seats.min(n), &ballots);
        for m in STV {
            let options = Options { seed: Some(1), ..Options::default() };
            let r = count(m, &e, &options).expect("STV counts any valid election");
            prop_assert_eq!(r.elected.len(), seats.min(n), "{} fills every seat", m);
            for round in r.rounds.iter().filter(|r| !r.votes.is_empty()) {
                let scale = m.decimals();
                let mut sum: i128 = round.votes.iter().flatten().map(|d| d.rescale_floor(scale).raw()).sum();
                sum += round.non_transferable.map_or(0, |d| d.rescale_floor(scale).raw());
                sum += round.rounding_loss.map_or(0, |d| d.rescale_floor(scale).raw());
                prop_assert_eq!(sum, total as i128 * 10i128.pow(scale), "{} stage {}", m, round.stage);
            }
        }
    }

    #[test]
    fn scored_results_ignore_ballot_order(n in 2usize..6, seats in 1usize..3, ballots in (2usize..6).prop_flat_map(|n| scores(n, 5))) {
        let ballots: Vec<_> = ballots.into_iter().map(|(w, mut s)| { s.resize(n, None); (w, s) }).collect();
        let reversed: Vec<_> = ballots.iter().rev().cloned().collect();
        let approval: Vec<_> = ballots.iter().map(|(w, s)| (*w, s.iter().map(|x| x.map(|v| v % 2)).collect::<Vec<_>>())).collect();
        let approval_rev: Vec<_> = approval.iter().rev().cloned().collect();
        let son: Vec<_> = ballots.iter().map(|(w, s)| (*w, s.iter().map(|x| x.map(|v| v % 3 - 1)).collect::<Vec<_>>())).collect();
        let son_rev: Vec<_> = son.iter().rev().cloned().collect();
        for m in methods(BallotKind::Scored) {
            let k = seats_for(m, seats.min(n));
            let (a, b) = match m {
                Method::Approval => (scored(n, k, &approval), scored(n, k, &approval_rev)),
                Method::Son => (scored(n, k, &son), scored(n, k, &son_rev)),
                _ => (scored(n, k, &ballots), scored(n, k, &reversed)),
            };
            let x = elected_names(&a, m, k).map(|r| r.0);
            let y = elected_names(&b, m, k).map(|r| r.0);
            prop_assert_eq!(x, y, "{}", m);
        }
    }
}
