//! The contract of counting from totals (`urna_tally::totals`): for random small elections
//! (weights, abstentions, withdrawn candidates, several seats), counting the plaintext ballots
//! with `count` and counting their per-option totals with `count_totals` give the same report,
//! JSON for JSON, for every method that counts from totals, with an explicit seed (the default
//! seeds differ by design: each is a digest of its own input).

use proptest::prelude::*;
use urna_tally::ballots::{ElectionInfo, RankedBallots, ScoreScale, ScoredBallot};
use urna_tally::render::json;
use urna_tally::totals::{Totals, TotalsElectionSpec, TotalsScale};
use urna_tally::{
    Ballots, Method, Options, RankedElection, ScoredElection, TotalsElection, count, count_totals,
};

/// An election drawn at random: candidates, withdrawn ones, seats, and ballots as
/// `(weight, per-candidate value)` where the value's meaning depends on the kind.
#[derive(Debug, Clone)]
struct Drawn {
    candidates: usize,
    withdrawn: Vec<usize>,
    seats: usize,
    seed: u64,
    /// Choice: `cells[0]` is the chosen candidate + 1 (0 = abstain). Approval: 0/1 per
    /// candidate. Score: 0 = blank, else `scale.min + cell - 1`.
    ballots: Vec<(u64, Vec<usize>)>,
}

fn drawn(values: usize) -> impl Strategy<Value = Drawn> {
    (1usize..=5).prop_flat_map(move |n| {
        (
            Just(n),
            proptest::collection::vec(any::<bool>(), n),
            1usize..=3,
            any::<u64>(),
            proptest::collection::vec((1u64..=4, proptest::collection::vec(0..values, n)), 0..12),
        )
            .prop_map(|(n, out, seats, seed, ballots)| {
                // Keep at least one candidate standing (the last).
                let withdrawn = (0..n - 1).filter(|&c| out[c]).collect();
                Drawn {
                    candidates: n,
                    withdrawn,
                    seats,
                    seed,
                    ballots,
                }
            })
    })
}

fn info(d: &Drawn) -> ElectionInfo {
    ElectionInfo {
        title: "Random".into(),
        candidates: (0..d.candidates).map(|c| format!("C{c}")).collect(),
        seats: d.seats,
        withdrawn: d.withdrawn.clone(),
        tie_order: None,
    }
}

fn totals_election(d: &Drawn, totals: Totals) -> TotalsElection {
    TotalsElection::try_from(TotalsElectionSpec {
        title: "Random".into(),
        candidates: (0..d.candidates).map(|c| format!("C{c}")).collect(),
        seats: d.seats,
        withdrawn: d.withdrawn.clone(),
        ballots: d.ballots.len() as u64,
        weight: d.ballots.iter().map(|b| b.0).sum(),
        totals,
    })
    .expect("totals of real ballots are valid")
}

fn options(d: &Drawn) -> Options<'static> {
    Options {
        seed: Some(d.seed),
        ..Options::default()
    }
}

fn same_report(method: Method, ballots: &Ballots, totals: &TotalsElection, d: &Drawn) {
    let from_ballots = count(method, ballots, &options(d));
    let from_totals = count_totals(method, totals, &options(d));
    match (from_ballots, from_totals) {
        (Ok(a), Ok(b)) => assert_eq!(json(&a), json(&b), "{method} on {d:?}"),
        (a, b) => panic!("{method} on {d:?}: ballots {a:?}, totals {b:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn choice_totals_count_as_the_ballots(d in drawn(6)) {
        let mut packed = RankedBallots::new();
        let mut per_option = vec![0u64; d.candidates];
        for (w, cells) in &d.ballots {
            // A choice of a candidate beyond the last is an abstention too.
            match cells[0].checked_sub(1).filter(|&c| c < d.candidates) {
                Some(c) => {
                    packed.push_ranking(*w, &[c]);
                    per_option[c] += w;
                }
                None => packed.push_ranking(*w, &[]),
            }
        }
        let ballots = Ballots::Ranked(RankedElection { info: info(&d), ballots: packed });
        let totals = totals_election(&d, Totals::Choice { per_option });
        for method in [Method::Plurality, Method::Block] {
            same_report(method, &ballots, &totals, &d);
        }
    }

    #[test]
    fn approval_totals_count_as_the_ballots(d in drawn(2), blank in any::<bool>()) {
        let mut per_option = vec![0u64; d.candidates];
        let rows = d.ballots.iter().map(|(w, cells)| {
            for (c, &v) in cells.iter().enumerate() {
                per_option[c] += w * v as u64;
            }
            // Not approving is written 0 or left blank: both read the same.
            let scores = cells.iter().map(|&v| if v == 0 && blank { None } else { Some(v as i64) });
            ScoredBallot { weight: *w, scores: scores.collect() }
        }).collect();
        let ballots = Ballots::Scored(ScoredElection {
            info: info(&d),
            ballots: rows,
            scale: Some(ScoreScale { min: 0, max: 1 }),
        });
        let totals = totals_election(&d, Totals::Approval { per_option });
        same_report(Method::Approval, &ballots, &totals, &d);
    }

    #[test]
    fn score_totals_count_as_the_ballots(
        d in drawn(7),
        min in -3i64..=1,
        span in 1i64..=5,
        min_share in prop_oneof![Just(None), (0i128..=100).prop_map(Some)],
    ) {
        // Son reads the scale -1..1; the other methods any scale.
        for (scale, methods) in [
            (ScoreScale { min, max: min + span }, &[Method::Score, Method::Mj][..]),
            (ScoreScale { min: -1, max: 1 }, &[Method::Son, Method::Score, Method::Mj][..]),
        ] {
            let width = (scale.max - scale.min + 1) as usize;
            let mut histogram = vec![vec![0u64; width + 1]; d.candidates];
            let rows = d.ballots.iter().map(|(w, cells)| {
                let scores = cells.iter().enumerate().map(|(c, &cell)| {
                    // cell 0 = blank; else a score of the scale (wrapping the draw into it).
                    let slot = if cell == 0 { 0 } else { 1 + (cell - 1) % width };
                    histogram[c][slot] += w;
                    (slot > 0).then(|| scale.min + slot as i64 - 1)
                });
                ScoredBallot { weight: *w, scores: scores.collect() }
            }).collect();
            let ballots = Ballots::Scored(ScoredElection { info: info(&d), ballots: rows, scale: Some(scale) });
            let totals = totals_election(&d, Totals::Score {
                scale: TotalsScale { min: scale.min, max: scale.max },
                histogram,
            });
            for &method in methods {
                let opts = Options {
                    seed: Some(d.seed),
                    min_share: min_share.map(urna_tally::Decimal::whole),
                    ..Options::default()
                };
                let a = count(method, &ballots, &opts);
                let b = count_totals(method, &totals, &opts);
                match (a, b) {
                    (Ok(a), Ok(b)) => prop_assert_eq!(json(&a), json(&b), "{} on {:?}", method, d),
                    (a, b) => prop_assert!(false, "{method} on {d:?}: ballots {a:?}, totals {b:?}"),
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// No input makes the reader or the count panic: whatever parses, every method either
    /// counts it or returns an error.
    #[test]
    fn reader_and_count_never_panic(
        ballots in 0u64..5,
        weight in 0u64..8,
        seats in 0usize..3,
        withdrawn in proptest::collection::vec(0usize..4, 0..3),
        kind in 0usize..3,
        min in -2i64..2,
        max in -2i64..3,
        cells in proptest::collection::vec(proptest::collection::vec(0u64..6, 0..6), 0..4),
    ) {
        let totals = match kind {
            0 => format!(r#"{{"kind": "choice", "per_option": {:?}}}"#, cells.first().cloned().unwrap_or_default()),
            1 => format!(r#"{{"kind": "approval", "per_option": {:?}}}"#, cells.first().cloned().unwrap_or_default()),
            _ => format!(r#"{{"kind": "score", "scale": {{"min": {min}, "max": {max}}}, "histogram": {cells:?}}}"#),
        };
        let text = format!(
            r#"{{"candidates": ["A", "B", "C"], "seats": {seats}, "withdrawn": {withdrawn:?},
                "ballots": {ballots}, "weight": {weight}, "totals": {totals}}}"#
        );
        if let Ok(e) = urna_tally::totals::parse(&text) {
            for method in Method::ALL {
                let _ = count_totals(method, &e, &Options::default());
            }
        }
    }

    #[test]
    fn reader_never_panics_on_any_text(s in any::<String>()) {
        let _ = urna_tally::totals::parse(&s);
    }
}
