//! Instant-runoff voting (alternative vote): one winner.
//!
//! Rule (as in Hare's single-seat case, Australian House of Representatives, RCTab's IRV):
//! - every round, each ballot counts one vote (its weight) for its highest-ranked continuing
//!   candidate;
//! - a candidate with more than half of the votes counted for continuing candidates (exhausted
//!   ballots do not count) is elected; so is the last continuing candidate;
//! - otherwise the candidate with the fewest votes is excluded. Ties for exclusion: the tied
//!   candidate with fewer votes at the most recent earlier round where they differed (the
//!   "backwards" rule of Scottish STV r. 51); equal at every round: the seeded lot.
//!
//! Ballots (see [`super::stv::gregory`]): withdrawn candidates are skipped; a group of equal
//! ranks (`a=b`) holding two or more standing candidates ends the ballot there — the ballot is
//! exhausted when it reaches that rank (an overvote in RCTab's terms), even if only one of the
//! group is still continuing by then. A ballot whose first rank is such a group, or that ranks
//! no standing candidate, is set aside at the first round.
//!
//! IRV elects one candidate; for several seats use an STV method.

use super::stv::gregory::{Look, Rankings, Want, break_tie, extremes};
use crate::ballots::{CandidateId, RankedElection};
use crate::error::TallyError;
use crate::methods::{Context, Method};
use crate::report::{Decimal, Report, Round};

pub fn count(e: &RankedElection, ctx: &mut Context<'_>) -> Result<Report, TallyError> {
    if ctx.seats != 1 {
        return Err(TallyError::InvalidOption(format!(
            "irv elects one candidate, not {}; for several seats use an STV method \
             (scottish-stv, meek, ers97, wigm)",
            ctx.seats
        )));
    }
    let info = &e.info;
    let n = info.candidates.len();
    let rk = Rankings::new(e);
    let valid = rk.total_weight();
    let mut continuing: Vec<bool> = (0..n).map(|c| !info.is_withdrawn(c)).collect();
    let mut shown_excluded: Option<CandidateId> = None;
    let mut history: Vec<Vec<u64>> = Vec::new();
    let mut rounds: Vec<Round> = Vec::new();
    let mut action = if rk.set_aside > 0 {
        format!(
            "First preferences ({} ballots without a first preference set aside)",
            rk.set_aside
        )
    } else {
        "First preferences".to_owned()
    };
    let mut tie_break = None;
    let winner = loop {
        let mut votes = vec![0u64; n];
        for b in 0..rk.len() {
            if let Some(&c) = rk.prefs(b).iter().find(|&&c| continuing[c as usize]) {
                votes[c as usize] += rk.weight(b);
            }
        }
        let counted: u64 = votes.iter().sum();
        let hopeful: Vec<CandidateId> = (0..n).filter(|&c| continuing[c]).collect();
        let winner = hopeful
            .iter()
            .copied()
            .find(|&c| 2 * u128::from(votes[c]) > u128::from(counted))
            .or((hopeful.len() == 1).then(|| hopeful[0]));
        rounds.push(Round {
            stage: rounds.len() + 1,
            action: std::mem::take(&mut action),
            quota: None,
            votes: (0..n)
                .map(|c| {
                    (continuing[c] || shown_excluded == Some(c))
                        .then(|| Decimal::whole(votes[c] as i128))
                })
                .collect(),
            non_transferable: Some(Decimal::whole((valid - counted) as i128)),
            rounding_loss: None,
            keep_factors: None,
            elected: winner.into_iter().collect(),
            excluded: shown_excluded.into_iter().collect(),
            tie_break: tie_break.take(),
        });
        history.push(votes.clone());
        if let Some(w) = winner {
            break w;
        }
        let lowest = extremes(&hopeful, &votes, Want::Lowest, |a, b| a.cmp(&b));
        let x = if lowest.len() == 1 {
            lowest[0]
        } else {
            let (x, t) = break_tie(
                &lowest,
                &history,
                Want::Lowest,
                Look::Backwards,
                &mut ctx.lot,
                |a, b| a.cmp(&b),
            );
            tie_break = Some(t);
            x
        };
        continuing[x] = false;
        shown_excluded = Some(x);
        action = format!("Exclusion of {}", info.candidates[x]);
        ctx.progress(rounds.len() as u64, hopeful.len() as u64);
    };
    let mut report = Report::new(Method::Irv, info, 1, valid);
    report.elected = vec![winner];
    report.rounds = rounds;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blt;
    use crate::report::TieRule;

    fn run(text: &str, seed: u64) -> Report {
        let e = blt::parse(text).expect("valid BLT");
        count(&e, &mut Context::with_seats(1, seed)).expect("count")
    }

    fn w(n: i128) -> Option<Decimal> {
        Some(Decimal::whole(n))
    }

    #[test]
    fn majority_after_transfers() {
        // A 8, B 7 "B C", C 4 "C B", D 2 "D A". 21 ballots.
        // Round 1: A 8, B 7, C 4, D 2: no majority (> 10.5). D excluded → A 10.
        // Round 2: A 10, B 7, C 4: no majority. C excluded → B 11.
        // Round 3: A 10, B 11 of 21: B elected.
        let r = run(
            "4 1\n8 1 0\n7 2 3 0\n4 3 2 0\n2 4 1 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"D\"\n\"T\"\n",
            1,
        );
        assert_eq!(r.rounds.len(), 3);
        assert_eq!(r.rounds[1].action, "Exclusion of D");
        assert_eq!(r.rounds[1].votes, vec![w(10), w(7), w(4), w(0)]);
        assert_eq!(r.rounds[2].votes, vec![w(10), w(11), w(0), None]);
        assert_eq!(r.rounds[2].elected, vec![1]);
        assert_eq!(r.elected, vec![1]);
    }

    #[test]
    fn exhausted_ballots_leave_the_majority_base() {
        // A 4, B 3, C 2 "C" (no further preference). Round 1: 9 votes, no one > 4.5.
        // C excluded, its 2 ballots exhaust: round 2: A 4, B 3 of 7 counted: A has 4 > 3.5.
        let r = run(
            "3 1\n4 1 0\n3 2 0\n2 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n",
            1,
        );
        assert_eq!(r.rounds[1].non_transferable, w(2));
        assert_eq!(r.elected, vec![0]);
    }

    #[test]
    fn backwards_tie_break() {
        // A 6, B 4, C 3, D 2 "D C", E 1 "E B".
        // Round 1: A 6, B 4, C 3, D 2, E 1 (16): E excluded → B 5.
        // Round 2: A 6, B 5, C 3, D 2: D excluded → C 5.
        // Round 3: A 6, B 5, C 5 (16): B and C tie for exclusion. Backwards: round 2 B 5 > C 3
        // → C excluded (no further preference). Round 4: A 6, B 5 of 11 → A elected.
        let r = run(
            "5 1\n6 1 0\n4 2 0\n3 3 0\n2 4 3 0\n1 5 2 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"D\"\n\"E\"\n\"T\"\n",
            1,
        );
        let t = r.rounds[3].tie_break.as_ref().expect("tie");
        assert_eq!(t.tied, vec![1, 2]);
        assert_eq!(t.rules, vec![TieRule::Backwards]);
        assert_eq!(t.chosen, 2);
        assert_eq!(r.rounds[3].excluded, vec![2]);
        assert_eq!(r.elected, vec![0]);
    }

    #[test]
    fn lot_when_equal_at_every_round() {
        // A 3, B 2 "B A", C 2 "C A". B and C tie at round 1 (the only round): lot. Whoever
        // is excluded, A reaches 5 of 7 and wins.
        let text = "3 1\n3 1 0\n2 2 1 0\n2 3 1 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n";
        let mut chosen = Vec::new();
        for seed in 0..16 {
            let r = run(text, seed);
            let t = r.rounds[1].tie_break.as_ref().expect("tie");
            assert_eq!(t.rules, vec![TieRule::Backwards, TieRule::Lot]);
            assert_eq!(r.rounds[1].votes[0], w(5));
            assert_eq!(r.elected, vec![0]);
            chosen.push(t.chosen);
        }
        assert!(chosen.contains(&1) && chosen.contains(&2));
    }

    #[test]
    fn equal_ranks_exhaust_and_withdrawn_are_skipped() {
        // C withdrawn. 3 "C A": counts for A. 3 "B A=D": B, then exhausted. 2 "A=D B": set
        // aside. 4 "D". Round 1: A 3, B 3, D 4 (10 counted). Lowest A and B tie at the only
        // round → lot. If A is excluded, its ballots exhaust: B 3, D 4 → D (4 > 3.5). If B is
        // excluded, its ballots exhaust at A=D: A 3, D 4 → D.
        let r = run(
            "4 1\n-3\n3 3 1 0\n3 2 1=4 0\n2 1=4 2 0\n4 4 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"D\"\n\"T\"\n",
            5,
        );
        assert_eq!(r.ballots, 10);
        assert!(
            r.rounds[0]
                .action
                .contains("2 ballots without a first preference")
        );
        assert_eq!(r.rounds[0].votes, vec![w(3), w(3), None, w(4)]);
        assert_eq!(r.rounds[1].non_transferable, w(3));
        assert_eq!(r.elected, vec![3]);
    }

    #[test]
    fn several_seats_are_refused() {
        let e = blt::parse("2 2\n1 1 0\n0\n\"A\"\n\"B\"\n\"T\"\n").expect("valid");
        let err = count(&e, &mut Context::with_seats(2, 1)).expect_err("2 seats");
        assert!(matches!(err, TallyError::InvalidOption(m) if m.contains("STV")));
    }
}
