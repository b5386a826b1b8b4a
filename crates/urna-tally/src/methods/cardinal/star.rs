//! STAR voting (Score Then Automatic Runoff), as defined by the Equal Vote Coalition
//! (starvoting.org; "STAR Voting Technical Specifications" §2; ties: "Q: How are ties in STAR
//! Voting broken?", starvoting.org/ties, the *Official Tiebreaker Protocol*).
//!
//! Rules, as Urna applies them:
//! - Each ballot scores each candidate 0 to 5 stars; a blank is 0 ("Those you leave blank get
//!   a zero", starvoting.org). Any other value is an error naming the ballot and the value; a
//!   file that declares a scale other than 0..5 is refused. Ballots are weighted; withdrawn
//!   candidates are skipped.
//! - **Scoring round:** each candidate's total score; the two highest totals advance to the
//!   runoff (with one candidate standing, it is elected at once; with two, both advance).
//! - **Automatic runoff:** each ballot counts for the finalist it scores higher; ballots that
//!   score them equally count for neither ("equal preference"). The finalist preferred on more
//!   ballots wins.
//! - **Ties, Official Tiebreaker Protocol** (quoted in substance):
//!   1. Ties in the scoring round are decided in favour of the candidate preferred (scored
//!      higher) by more voters. With several tied candidates, compare the tied candidates head
//!      to head and eliminate the candidate(s) who lost the most match-ups; repeat with the
//!      remaining tied candidates until the runoff's places are filled.
//!   2. Ties in the runoff are broken in favour of the candidate with the higher total score.
//!   3. If still tied, in favour of the candidate with the most five-star ratings; if that does
//!      not fully resolve the tie, eliminate the candidate(s) with the fewest five-star ratings.
//!   4. If still tied, break the tie at random (here: the seeded lot), and repeat the protocol
//!      from the top with the remaining tied candidates as needed.
//!
//!   Reading of the protocol for the scoring round (documented because the text is brief): a
//!   tie matters only when a tier of equal totals holds more candidates than places left
//!   (1 or 2). Among that tier, step 1 counts each candidate's head-to-head losses within the
//!   tier (a loss: the other is scored higher on more ballots, by weight). If not all counts
//!   are equal, the candidates with the most losses are eliminated — unless fewer than the
//!   places left would remain, in which case the others advance and the places left are
//!   filled from the most-loss group, restarting at step 1 within it. Step 3 works alike on
//!   five-star counts; step 4 draws one candidate to advance and restarts. Every restart
//!   recounts head-to-head within the smaller group.
//! - **Several seats: Bloc STAR** (Equal Vote Coalition; S. Wolk, "FAQ for the 2021 MultDems
//!   STAR Voting Reorg Election": "Bloc STAR works the same way as single-winner STAR Voting,
//!   but the process is repeated until all seats have been filled"): the count is repeated
//!   with the winners removed, each repetition a scoring round and a runoff. The proportional
//!   variant (Allocated Score) is a different method and is not offered here.
//! - Report: per seat, a round "Scores" (totals) and a round "Automatic runoff" (preference
//!   counts of the two finalists; `non_transferable` holds the equal-preference weight).
//!   Details: totals, five-star counts, each runoff.

use crate::ballots::{CandidateId, ScoredElection};
use crate::error::TallyError;
use crate::methods::cardinal::{StarDetails, StarRunoff, check_scores};
use crate::methods::select::tiers_by;
use crate::methods::{Context, Method};
use crate::report::{Decimal, Details, Report, Round, TieBreak, TieRule};
use crate::tie::Lot;

const MAX_STARS: i64 = 5;

pub fn count(e: &ScoredElection, ctx: &mut Context<'_>) -> Result<Report, TallyError> {
    if let Some(s) = e.scale
        && (s.min, s.max) != (0, MAX_STARS)
    {
        return Err(TallyError::InvalidOption(format!(
            "STAR ballots score 0 to 5 stars; this file declares the scale {}..{}",
            s.min, s.max
        )));
    }
    check_scores(
        e,
        |v| (0..=MAX_STARS).contains(&v),
        "STAR ballots score 0 to 5 stars (blank = 0)",
    )?;
    let info = &e.info;
    let n = info.candidates.len();
    let mut totals = vec![0u128; n];
    let mut five = vec![0u64; n];
    for b in &e.ballots {
        for (c, v) in b.scores.iter().enumerate() {
            let v = v.unwrap_or(0);
            totals[c] += b.weight as u128 * v as u128;
            if v == MAX_STARS {
                five[c] += b.weight;
            }
        }
    }
    let standing = info.standing();
    let seats = ctx.seats.min(standing.len());
    let mut remaining = standing.clone();
    let mut elected = Vec::new();
    let mut runoffs = Vec::new();
    let mut rounds = Vec::new();
    let names = &info.candidates;
    let total_votes = |set: &[CandidateId]| -> Vec<Option<Decimal>> {
        (0..n)
            .map(|c| set.contains(&c).then(|| Decimal::whole(totals[c] as i128)))
            .collect()
    };

    for seat in 0..seats {
        let suffix = if ctx.seats > 1 {
            format!(" (seat {})", seat + 1)
        } else {
            String::new()
        };
        if remaining.len() == 1 {
            let only = remaining[0];
            rounds.push(Round {
                stage: rounds.len() + 1,
                action: format!("Scores{suffix}: only {} remains", names[only]),
                votes: total_votes(&remaining),
                elected: vec![only],
                ..Round::default()
            });
            elected.push(only);
            remaining.clear();
            break;
        }

        // Scoring round: two finalists.
        let tiers = tiers_by(&remaining, |c| totals[c]);
        let mut finalists: Vec<CandidateId> = Vec::new();
        let mut tie = None;
        let mut tie_text = String::new();
        for tier in &tiers {
            let left = 2 - finalists.len();
            if left == 0 {
                break;
            }
            if tier.len() <= left {
                finalists.extend_from_slice(tier);
                continue;
            }
            let (chosen, steps) = select(e, tier, left, &five, &mut ctx.lot);
            tie_text = format!(
                "; tie among {} broken by {}",
                list(names, tier),
                steps.join(", then ")
            );
            tie = Some(TieBreak {
                tied: tier.clone(),
                rules: steps
                    .iter()
                    .map(|s| {
                        if *s == "lot" {
                            TieRule::Lot
                        } else {
                            TieRule::MethodRule
                        }
                    })
                    .collect(),
                chosen: chosen[0],
            });
            finalists.extend(chosen);
            break;
        }
        let (a, b) = (finalists[0], finalists[1]);
        rounds.push(Round {
            stage: rounds.len() + 1,
            action: format!(
                "Scores{suffix}: {} and {} advance{tie_text}",
                names[a], names[b]
            ),
            votes: total_votes(&remaining),
            tie_break: tie,
            ..Round::default()
        });

        // Automatic runoff.
        let (pa, pb, equal) = preference(e, a, b);
        let mut rules = Vec::new();
        let winner = if pa != pb {
            if pa > pb { a } else { b }
        } else {
            rules.push((TieRule::MethodRule, "total score"));
            if totals[a] != totals[b] {
                if totals[a] > totals[b] { a } else { b }
            } else {
                rules.push((TieRule::MethodRule, "five-star ratings"));
                if five[a] != five[b] {
                    if five[a] > five[b] { a } else { b }
                } else {
                    rules.push((TieRule::Lot, "lot"));
                    let mut pair = [a, b];
                    pair.sort_unstable();
                    ctx.lot.choose(&pair)
                }
            }
        };
        let mut pair = vec![a, b];
        pair.sort_unstable();
        let action = if rules.is_empty() {
            format!("Automatic runoff{suffix}: {} wins", names[winner])
        } else {
            let steps: Vec<&str> = rules.iter().map(|r| r.1).collect();
            format!(
                "Automatic runoff{suffix}: tie, broken by {}: {} wins",
                steps.join(", then "),
                names[winner]
            )
        };
        rounds.push(Round {
            stage: rounds.len() + 1,
            action,
            votes: (0..n)
                .map(|c| {
                    if c == a {
                        Some(Decimal::whole(pa as i128))
                    } else if c == b {
                        Some(Decimal::whole(pb as i128))
                    } else {
                        None
                    }
                })
                .collect(),
            non_transferable: Some(Decimal::whole(equal as i128)),
            elected: vec![winner],
            tie_break: (!rules.is_empty()).then(|| TieBreak {
                tied: pair,
                rules: rules.iter().map(|r| r.0).collect(),
                chosen: winner,
            }),
            ..Round::default()
        });
        runoffs.push(StarRunoff {
            finalists: [a, b],
            preferred: [pa, pb],
            equal,
            winner,
        });
        elected.push(winner);
        remaining.retain(|&c| c != winner);
    }

    let mut report = Report::new(Method::Star, info, ctx.seats, e.total_weight());
    report.rounds = rounds;
    report.details = Details::Star(StarDetails {
        totals: (0..n)
            .map(|c| (!info.is_withdrawn(c)).then_some(totals[c]))
            .collect(),
        five_stars: five,
        runoffs,
    });
    report.vacant = ctx.seats - elected.len();
    report.elected = elected;
    Ok(report)
}

fn list(names: &[String], cs: &[CandidateId]) -> String {
    cs.iter()
        .map(|&c| names[c].as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Weight of the ballots scoring `a` above `b`, `b` above `a`, and both equally.
fn preference(e: &ScoredElection, a: CandidateId, b: CandidateId) -> (u64, u64, u64) {
    let (mut pa, mut pb, mut eq) = (0, 0, 0);
    for bal in &e.ballots {
        let (sa, sb) = (bal.scores[a].unwrap_or(0), bal.scores[b].unwrap_or(0));
        match sa.cmp(&sb) {
            std::cmp::Ordering::Greater => pa += bal.weight,
            std::cmp::Ordering::Less => pb += bal.weight,
            std::cmp::Ordering::Equal => eq += bal.weight,
        }
    }
    (pa, pb, eq)
}

/// The scoring-round tie-break: chooses `k` of the tied candidates `tier` (file order) by the
/// Official Tiebreaker Protocol (module doc). Returns the chosen, and the steps used, in order
/// ("head-to-head", "five-star ratings", "lot"; consecutive repeats merged).
fn select(
    e: &ScoredElection,
    tier: &[CandidateId],
    mut k: usize,
    five: &[u64],
    lot: &mut Lot,
) -> (Vec<CandidateId>, Vec<&'static str>) {
    let mut pool = tier.to_vec();
    let mut chosen = Vec::new();
    let mut steps: Vec<&'static str> = Vec::new();
    let note = |s: &'static str, steps: &mut Vec<&'static str>| {
        if steps.last() != Some(&s) {
            steps.push(s);
        }
    };
    // Pairwise preferences among the tier, computed once.
    let m = tier.len();
    let mut beats = vec![vec![false; m]; m];
    for i in 0..m {
        for j in (i + 1)..m {
            let (pi, pj, _) = preference(e, tier[i], tier[j]);
            beats[i][j] = pi > pj;
            beats[j][i] = pj > pi;
        }
    }
    let idx = |c: CandidateId| tier.iter().position(|&t| t == c).expect("pool ⊆ tier");
    while k > 0 {
        if pool.len() <= k {
            chosen.extend_from_slice(&pool);
            break;
        }
        // Step 1: head-to-head losses within the pool.
        note("head-to-head", &mut steps);
        let losses: Vec<usize> = pool
            .iter()
            .map(|&c| pool.iter().filter(|&&d| beats[idx(d)][idx(c)]).count())
            .collect();
        if let Some((rest, worst)) = split_by(&pool, &losses, true) {
            apply(&mut pool, &mut chosen, &mut k, rest, worst);
            continue;
        }
        // Step 3: five-star ratings.
        note("five-star ratings", &mut steps);
        let fives: Vec<u64> = pool.iter().map(|&c| five[c]).collect();
        if let Some((rest, worst)) = split_by(&pool, &fives, false) {
            apply(&mut pool, &mut chosen, &mut k, rest, worst);
            continue;
        }
        // Step 4: the lot picks one to advance; then restart.
        note("lot", &mut steps);
        let x = lot.choose(&pool);
        chosen.push(x);
        k -= 1;
        pool.retain(|&c| c != x);
    }
    (chosen, steps)
}

/// Splits `pool` into (the others, the worst group) by `key`; the worst have the highest key
/// when `high_is_worst`, else the lowest. `None` when every key is equal.
fn split_by<K: Ord + Copy>(
    pool: &[CandidateId],
    key: &[K],
    high_is_worst: bool,
) -> Option<(Vec<CandidateId>, Vec<CandidateId>)> {
    let (&lo, &hi) = (key.iter().min()?, key.iter().max()?);
    if lo == hi {
        return None;
    }
    let worst_key = if high_is_worst { hi } else { lo };
    let (mut rest, mut worst) = (Vec::new(), Vec::new());
    for (&c, &k) in pool.iter().zip(key) {
        if k == worst_key {
            worst.push(c);
        } else {
            rest.push(c);
        }
    }
    Some((rest, worst))
}

/// Eliminates the worst group if enough remain; otherwise the rest advance and the places
/// left are filled from the worst group.
fn apply(
    pool: &mut Vec<CandidateId>,
    chosen: &mut Vec<CandidateId>,
    k: &mut usize,
    rest: Vec<CandidateId>,
    worst: Vec<CandidateId>,
) {
    if rest.len() >= *k {
        *pool = rest;
    } else {
        *k -= rest.len();
        chosen.extend(rest);
        *pool = worst;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methods::cardinal::test_util::{full, with_scale};

    fn star(e: &ScoredElection, seats: usize) -> Report {
        count(e, &mut Context::with_seats(seats, 11)).unwrap()
    }

    fn tennessee(seats: usize) -> ScoredElection {
        // Wikipedia "STAR voting", Example (also Equal-Vote/starpy test_tennessee).
        full(
            &["Memphis", "Nashville", "Chattanooga", "Knoxville"],
            seats,
            &[
                (42, &[5, 2, 1, 0]),
                (26, &[0, 5, 2, 1]),
                (15, &[0, 3, 5, 3]),
                (17, &[0, 2, 4, 5]),
            ],
        )
    }

    #[test]
    fn tennessee_example() {
        // Totals: Memphis 42×5 = 210; Nashville 42×2 + 26×5 + 15×3 + 17×2 = 84+130+45+34 = 293;
        // Chattanooga 42 + 52 + 75 + 68 = 237; Knoxville 0 + 26 + 45 + 85 = 156.
        // Finalists Nashville and Chattanooga. Runoff: Memphis voters 2 > 1 and Nashville
        // voters 5 > 2 prefer Nashville (42 + 26 = 68); Chattanooga voters 3 < 5 and Knoxville
        // voters 2 < 4 prefer Chattanooga (15 + 17 = 32). Nashville wins 68 to 32.
        let r = star(&tennessee(1), 1);
        assert_eq!(r.elected, vec![1]);
        let Details::Star(d) = &r.details else {
            panic!("star details")
        };
        assert_eq!(d.totals, vec![Some(210), Some(293), Some(237), Some(156)]);
        assert_eq!(
            d.runoffs,
            vec![StarRunoff {
                finalists: [1, 2],
                preferred: [68, 32],
                equal: 0,
                winner: 1
            }]
        );
        assert_eq!(r.rounds.len(), 2);
        assert_eq!(r.rounds[1].votes[1], Some(Decimal::whole(68)));
        assert_eq!(r.rounds[1].votes[0], None);
        assert!(r.rounds.iter().all(|r| r.tie_break.is_none()));
    }

    #[test]
    fn bloc_star_repeats_without_the_winners() {
        // Seat 2: Memphis 210, Chattanooga 237, Knoxville 156 → finalists Chattanooga and
        // Memphis; Memphis voters (42) prefer Memphis 5 > 1, all others Chattanooga (58).
        let r = star(&tennessee(2), 2);
        assert_eq!(r.elected, vec![1, 2]);
        assert_eq!(r.rounds.len(), 4);
        let Details::Star(d) = &r.details else {
            panic!("star details")
        };
        assert_eq!(d.runoffs[1].finalists, [2, 0]);
        assert_eq!(d.runoffs[1].preferred, [58, 42]);
    }

    // The next cases are Equal-Vote/starpy `tests/test_STAR_single_winner.py`, which cites
    // Equal-Vote/star-core `src/Tests/ties.test.js`; the arithmetic is redone by hand.

    #[test]
    fn condorcet_winner_example() {
        // Allison 5×7 + 4 + 3 + 3 = 45; Bill 22; Carmen 1×4 + 4×3 + 5×3 = 31; Doug 10.
        // Runoff Allison–Carmen: ballots 1–7 prefer Allison, 8–10 Carmen: 7 to 3.
        let e = full(
            &["Allison", "Bill", "Carmen", "Doug"],
            1,
            &[
                (1, &[5, 2, 1, 4]),
                (3, &[5, 2, 1, 0]),
                (1, &[5, 3, 4, 0]),
                (2, &[5, 1, 4, 0]),
                (1, &[4, 0, 5, 1]),
                (1, &[3, 4, 5, 0]),
                (1, &[3, 5, 5, 5]),
            ],
        );
        let r = star(&e, 1);
        assert_eq!(r.elected, vec![0]);
        let Details::Star(d) = &r.details else {
            panic!("star details")
        };
        assert_eq!(d.totals, vec![Some(45), Some(22), Some(31), Some(10)]);
        assert_eq!(d.runoffs[0].finalists, [0, 2]);
        assert_eq!(d.runoffs[0].preferred, [7, 3]);
    }

    fn runner_up_tie() -> ScoredElection {
        full(
            &["Allison", "Bill", "Carmen", "Doug"],
            1,
            &[
                (1, &[5, 4, 3, 3]),
                (1, &[4, 5, 1, 1]),
                (1, &[4, 5, 1, 2]),
                (1, &[3, 5, 1, 0]),
                (1, &[5, 4, 3, 0]),
                (1, &[5, 0, 4, 1]),
                (1, &[5, 0, 4, 0]),
                (1, &[4, 0, 5, 1]),
                (1, &[3, 4, 5, 0]),
                (1, &[3, 5, 5, 4]),
            ],
        )
    }

    #[test]
    fn runner_up_tie_then_runoff_tie() {
        // Totals: Allison 41, Bill 32, Carmen 32, Doug 12: Bill and Carmen tie for second.
        // Head to head Bill–Carmen: ballots 1–5 prefer Bill, 6–9 Carmen, 10 equal: 5 to 4,
        // so Carmen has the one loss and Bill advances.
        // Runoff Allison–Bill: ballots 1, 5, 6, 7, 8 prefer Allison; 2, 3, 4, 9, 10 Bill: 5–5.
        // Runoff tie → higher total: Allison 41 > Bill 32. Allison wins.
        let r = star(&runner_up_tie(), 1);
        assert_eq!(r.elected, vec![0]);
        let t = r.rounds[0].tie_break.as_ref().unwrap();
        assert_eq!(t.tied, vec![1, 2]);
        assert_eq!(t.chosen, 1);
        assert_eq!(t.rules, vec![TieRule::MethodRule]);
        let Details::Star(d) = &r.details else {
            panic!("star details")
        };
        assert_eq!(d.runoffs[0].finalists, [0, 1]);
        assert_eq!(d.runoffs[0].preferred, [5, 5]);
        let t = r.rounds[1].tie_break.as_ref().unwrap();
        assert_eq!(t.rules, vec![TieRule::MethodRule]);
        assert_eq!(t.chosen, 0);
        assert!(r.rounds[1].action.contains("total score"));
    }

    #[test]
    fn four_way_tie_resolved_by_losses_then_five_stars() {
        // star-core's "true tie" ballots. Every total is 30 (A 5+5+2+4+0+3+3+3+1+4, B, C, D
        // likewise). Head to head, by ballot: A–B 7:3, C–A 6:4, A–D 4:3, B–C 6:4, B–D 4:3,
        // C–D 4:3. Losses: A 1 (to C), B 1 (to A), C 1 (to B), D 3 → D is eliminated.
        // Among A, B, C each has one loss: step 3, five-star ratings: A 2 (ballots 1, 2),
        // B 1 (ballot 5), C 3 (ballots 7, 8, 10) → B, with the fewest, is eliminated; A and C
        // advance. Runoff A–C: 4 to 6, Carmen wins.
        // (star-core, under the older protocol without the five-star step, calls A, B, C a
        // true tie; the Official Tiebreaker Protocol's five-star step resolves it.)
        let e = full(
            &["Allison", "Bill", "Carmen", "Doug"],
            1,
            &[
                (2, &[5, 4, 1, 4]),
                (1, &[2, 4, 1, 2]),
                (1, &[4, 3, 2, 1]),
                (1, &[0, 5, 4, 4]),
                (1, &[3, 2, 4, 2]),
                (2, &[3, 1, 5, 3]),
                (1, &[1, 3, 2, 2]),
                (1, &[4, 3, 5, 5]),
            ],
        );
        let r = star(&e, 1);
        assert_eq!(r.elected, vec![2]);
        let t = r.rounds[0].tie_break.as_ref().unwrap();
        assert_eq!(t.tied, vec![0, 1, 2, 3]);
        assert_eq!(t.rules, vec![TieRule::MethodRule, TieRule::MethodRule]);
        let Details::Star(d) = &r.details else {
            panic!("star details")
        };
        assert_eq!(d.totals, vec![Some(30); 4]);
        assert_eq!(d.five_stars, vec![2, 1, 3, 1]);
        assert_eq!(d.runoffs[0].finalists, [0, 2]);
        assert_eq!(d.runoffs[0].preferred, [4, 6]);
    }

    #[test]
    fn starpy_small_tiebreaker_cases() {
        // Case 2: A 3, B 7; runoff 1–1; B has the higher total.
        let r = star(&full(&["A", "B"], 1, &[(1, &[0, 5]), (1, &[3, 2])]), 1);
        assert_eq!(r.elected, vec![1]);
        // Case 3: A 5 = B 5, both advance; runoff B 2 (ballots 1, 2) to A 1.
        let r = star(
            &full(&["A", "B"], 1, &[(1, &[0, 2]), (1, &[1, 2]), (1, &[4, 1])]),
            1,
        );
        assert_eq!(r.elected, vec![1]);
        // Case 5: A 15, B 6 = C 6; C beats B head to head 2–1 and advances; A wins 3–0.
        let r = star(
            &full(&["A", "B", "C"], 1, &[(2, &[5, 2, 3]), (1, &[5, 2, 0])]),
            1,
        );
        assert_eq!(r.elected, vec![0]);
        let Details::Star(d) = &r.details else {
            panic!("star details")
        };
        assert_eq!(d.runoffs[0].finalists, [0, 2]);
        // Case 9: A 9 = B 9 = C 9. Head to head A–B 5:1, A–C 5:2, B–C 4:1 → losses 0, 1, 2:
        // C is eliminated; A and B advance; A wins 5–1.
        let r = star(
            &full(
                &["A", "B", "C"],
                1,
                &[
                    (4, &[2, 1, 0]),
                    (1, &[1, 0, 0]),
                    (1, &[0, 0, 4]),
                    (1, &[0, 5, 5]),
                ],
            ),
            1,
        );
        assert_eq!(r.elected, vec![0]);
        let Details::Star(d) = &r.details else {
            panic!("star details")
        };
        assert_eq!(d.runoffs[0].finalists, [0, 1]);
        // Case 10: A 5 = B 5 = C 5; C loses to both → A, B advance; runoff 0–0 (all equal),
        // totals 5 = 5, five-stars 0 = 0: a true tie, decided by lot.
        let r = star(
            &full(&["A", "B", "C"], 1, &[(2, &[2, 2, 0]), (1, &[1, 1, 5])]),
            1,
        );
        assert!(r.elected[0] < 2);
        let t = r.rounds[1].tie_break.as_ref().unwrap();
        assert_eq!(
            t.rules,
            vec![TieRule::MethodRule, TieRule::MethodRule, TieRule::Lot]
        );
        // Case 12: everything equal among three: lots in both rounds.
        let r = star(
            &full(&["A", "B", "C"], 1, &[(1, &[5, 5, 5]), (1, &[2, 2, 2])]),
            1,
        );
        assert_eq!(
            r.rounds[0].tie_break.as_ref().unwrap().rules.last(),
            Some(&TieRule::Lot)
        );
        assert_eq!(
            r.rounds[1].tie_break.as_ref().unwrap().rules.last(),
            Some(&TieRule::Lot)
        );
    }

    #[test]
    fn scores_out_of_range_and_foreign_scales_are_refused() {
        let e = full(&["A", "B"], 1, &[(1, &[5, 0]), (1, &[6, 0])]);
        assert!(matches!(
            count(&e, &mut Context::with_seats(1, 1)),
            Err(TallyError::InvalidBallot { ballot: 2, .. })
        ));
        let e = with_scale(full(&["A", "B"], 1, &[(1, &[5, 0])]), 0, 10);
        assert!(matches!(
            count(&e, &mut Context::with_seats(1, 1)),
            Err(TallyError::InvalidOption(_))
        ));
    }
}
