//! Schulze method (winning votes).
//!
//! Source: M. Schulze, "A new monotonic, clone-independent, reversal symmetric, and
//! Condorcet-consistent single-winner election method", Social Choice and Welfare 36:267–303
//! (2011), §2; the Debian constitution A.6 uses the same pairwise counts.
//!
//! 1. The pairwise matrix `d` (see [`super`]: unranked below ranked, equal ranks prefer neither,
//!    withdrawn candidates removed).
//! 2. Links are defeats: `a → b` exists when `d[a][b] > d[b][a]`; its strength is measured in
//!    *winning votes*, `(d[a][b], d[b][a])`, stronger meaning more winning votes, then fewer
//!    opposing votes (Schulze 2011, §2.1, winning votes with the margin-free tie rule). Pairs
//!    that are not defeats have no link.
//! 3. The strength of a path is that of its weakest link; `p[a][b]` is the strength of the
//!    strongest path from `a` to `b` (none if no path), computed by the Floyd–Warshall-style
//!    widest-path iteration (Schulze 2011, §2.3), with no recursion.
//! 4. `a` is ranked above `b` when `p[a][b] > p[b][a]` (no path counts as weaker than any).
//!    Schulze (2011, §4.1) proves this relation transitive, so it is a strict partial order.
//!    The report's ranking lists it in tiers: first the Schulze winners (candidates no one is
//!    above), then the Schulze winners among those left, and so on. So a tier only holds
//!    candidates not above one another, and whenever `a` is above `b`, `a` is in an earlier
//!    tier. When pairwise ties leave candidates incomparable, "not separated" need not be
//!    transitive (A above C while B is separated from neither): B then shares A's tier and is
//!    listed before C without being above it. Otherwise the tiers are exactly the classes of
//!    the weak order.
//! 5. Winners: the `seats` first candidates of the ranking. A tier that straddles the last seat
//!    is decided by the seeded lot, recorded as the round's tie-break (`TieRule::Lot`). (Schulze
//!    suggests a tie-breaking ranking drawn from random ballots, TBRC; Urna uses a uniform lot
//!    among the tied Schulze winners instead, which is what the tie-break record shows.)

use crate::ballots::{CandidateId, RankedElection};
use crate::error::TallyError;
use crate::methods::condorcet::{CondorcetDetails, Pairwise, Strength, finish, layers, pairwise};
use crate::methods::{Context, Method};
use crate::report::Report;

/// Strongest path strengths among `standing`, as strength keys ([`Strength::key`]; 0 = no
/// path), indexed `[i * m + j]` by positions in `standing`.
pub fn strongest_path_keys(pw: &Pairwise, standing: &[CandidateId]) -> Vec<u128> {
    let m = standing.len();
    let mut p = vec![0u128; m * m];
    for (i, &a) in standing.iter().enumerate() {
        for (j, &b) in standing.iter().enumerate() {
            if i != j {
                p[i * m + j] = Strength::of(pw, a, b).map_or(0, Strength::key);
            }
        }
    }
    let mut row_k = vec![0u128; m];
    for k in 0..m {
        row_k.copy_from_slice(&p[k * m..(k + 1) * m]);
        for i in (0..m).filter(|&i| i != k) {
            let p_ik = p[i * m + k];
            if p_ik == 0 {
                continue;
            }
            let row_i = &mut p[i * m..(i + 1) * m];
            for (j, (cell, &p_kj)) in row_i.iter_mut().zip(&row_k).enumerate() {
                if j != i && j != k {
                    let via = p_ik.min(p_kj);
                    if via > *cell {
                        *cell = via;
                    }
                }
            }
        }
    }
    p
}

/// The Schulze ranking (tiers, best first) and the strongest paths (file-order `n × n`).
pub fn rank(
    pw: &Pairwise,
    standing: &[CandidateId],
) -> (Vec<Vec<CandidateId>>, Vec<Vec<Option<Strength>>>) {
    let m = standing.len();
    let keys = strongest_path_keys(pw, standing);
    let mut pos = vec![usize::MAX; pw.len()];
    for (i, &c) in standing.iter().enumerate() {
        pos[c] = i;
    }
    let tiers = layers(standing, |a, b| {
        keys[pos[a] * m + pos[b]] > keys[pos[b] * m + pos[a]]
    });
    let mut paths = vec![vec![None; pw.len()]; pw.len()];
    for (i, &a) in standing.iter().enumerate() {
        for (j, &b) in standing.iter().enumerate() {
            paths[a][b] = Strength::from_key(keys[i * m + j]);
        }
    }
    (tiers, paths)
}

pub fn count(e: &RankedElection, ctx: &mut Context<'_>) -> Result<Report, TallyError> {
    let pw = pairwise(e, ctx)?;
    let standing = e.info.standing();
    let (tiers, paths) = rank(&pw, &standing);
    let mut details = CondorcetDetails::new(pw, standing);
    details.strongest_paths = Some(paths);
    Ok(finish(
        Method::Schulze,
        e,
        ctx,
        "Pairwise comparisons; strongest paths (Schulze, winning votes)",
        tiers,
        details,
        Vec::new(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methods::condorcet::tests::{assert_matrix, election};

    /// Wikipedia, "Schulze method", section "Example" (revision current in 2024): 45 voters,
    /// candidates A–E. Ballots, the d[*,*] table, the p[*,*] table and the result
    /// E > A > C > B > D are copied from the article.
    fn wikipedia_45() -> RankedElection {
        let (a, b, c, d, e) = (0, 1, 2, 3, 4);
        let r = |v: &[usize]| v.iter().map(|&x| vec![x]).collect::<Vec<_>>();
        election(
            &["A", "B", "C", "D", "E"],
            &[
                (5, r(&[a, c, b, e, d])),
                (5, r(&[a, d, e, c, b])),
                (8, r(&[b, e, d, a, c])),
                (3, r(&[c, a, b, e, d])),
                (7, r(&[c, a, e, b, d])),
                (2, r(&[c, b, a, d, e])),
                (7, r(&[d, c, e, b, a])),
                (8, r(&[e, b, a, d, c])),
            ],
        )
    }

    #[test]
    fn wikipedia_example_matrices_and_winner() {
        let e = wikipedia_45();
        let pw = Pairwise::count(&e, |_, _| {}).expect("small");
        let d_published = [
            [0, 20, 26, 30, 22],
            [25, 0, 16, 33, 18],
            [19, 29, 0, 17, 24],
            [15, 12, 28, 0, 14],
            [23, 27, 21, 31, 0],
        ];
        assert_matrix(&pw, &d_published);
        let p_published = [
            [0, 28, 28, 30, 24],
            [25, 0, 28, 33, 24],
            [25, 29, 0, 29, 24],
            [25, 28, 28, 0, 24],
            [25, 28, 28, 31, 0],
        ];
        let (tiers, paths) = rank(&pw, &[0, 1, 2, 3, 4]);
        for (a, row) in p_published.iter().enumerate() {
            for (b, &v) in row.iter().enumerate() {
                if a != b {
                    assert_eq!(paths[a][b].map_or(0, |s| s.support), v, "p[{a}][{b}]");
                }
            }
        }
        // E > A > C > B > D.
        assert_eq!(tiers, vec![vec![4], vec![0], vec![2], vec![1], vec![3]]);

        let mut ctx = Context::with_seats(1, 7);
        let r = count(&e, &mut ctx).expect("counts");
        assert_eq!(r.elected, vec![4]);
        assert_eq!(ctx.lot.used_seed(), None);
        let crate::report::Details::Condorcet(d) = &r.details else {
            panic!("Condorcet details")
        };
        // No Condorcet winner here (the example has a cycle); D loses to E, A and B but beats C.
        assert_eq!(d.condorcet_winner, None);
        assert_eq!(d.condorcet_loser, None);
    }

    #[test]
    fn three_seats_take_the_top_of_the_ranking() {
        let e = wikipedia_45();
        let mut ctx = Context::with_seats(3, 7);
        let r = count(&e, &mut ctx).expect("counts");
        // E > A > C > B > D (published ranking).
        assert_eq!(r.elected, vec![4, 0, 2]);
    }

    #[test]
    fn incomparable_candidates_are_layered_and_tied_winners_go_to_the_lot() {
        // Hand-built matrix: A beats C 2–1; A–B and B–C are pairwise ties 1–1.
        // Links: only A → C. p[A][C] = (2, 1), every other p is "no path".
        // So A is above C; A and B, and B and C, are not separated.
        // Tiers: {A, B} (no one is above either), then {C}.
        let pw = Pairwise::from_rows(&[vec![0, 1, 2], vec![1, 0, 1], vec![1, 1, 0]]);
        let (tiers, paths) = rank(&pw, &[0, 1, 2]);
        assert_eq!(tiers, vec![vec![0, 1], vec![2]]);
        assert_eq!(
            paths[0][2],
            Some(Strength {
                support: 2,
                opposition: 1
            })
        );
        assert_eq!(paths[0][1], None);
    }

    #[test]
    fn seat_tie_is_broken_by_the_lot_and_recorded() {
        // 1 × A > B, 1 × B > A: A and B tie, both Schulze winners.
        let e = election(
            &["A", "B"],
            &[(1, vec![vec![0], vec![1]]), (1, vec![vec![1], vec![0]])],
        );
        let mut ctx = Context::with_seats(1, 11);
        let r = count(&e, &mut ctx).expect("counts");
        assert_eq!(r.ranking, Some(vec![vec![0, 1]]));
        assert_eq!(r.elected.len(), 1);
        let t = r.rounds[0].tie_break.as_ref().expect("tie recorded");
        assert_eq!(t.tied, vec![0, 1]);
        assert_eq!(t.rules, vec![crate::report::TieRule::Lot]);
        assert_eq!(t.chosen, r.elected[0]);
        assert_eq!(ctx.lot.used_seed(), Some(11));
    }

    #[test]
    fn tied_winning_votes_are_decided_by_smaller_opposition() {
        // Hand-built cycle A → B → C → A, all with 10 winning votes:
        // A beats B 10–2, B beats C 10–5, C beats A 10–8 (unranked/equal ballots make the
        // totals differ). Weakest link by winning votes then opposition: C → A (10, 8).
        // p[A][C] = min(A→B, B→C) = (10, 5) > p[C][A] = (10, 8): A above C.
        // p[A][B] = (10, 2) > p[B][A] = min(B→C, C→A) = (10, 8): A above B.
        // p[B][C] = (10, 5) > p[C][B] = min(C→A, A→B) = (10, 8): B above C.
        // Ranking A > B > C. Counting winning votes alone would tie everyone.
        let pw = Pairwise::from_rows(&[vec![0, 10, 8], vec![2, 0, 10], vec![10, 5, 0]]);
        let (tiers, _) = rank(&pw, &[0, 1, 2]);
        assert_eq!(tiers, vec![vec![0], vec![1], vec![2]]);
    }
}
