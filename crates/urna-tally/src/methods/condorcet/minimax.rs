//! Minimax (Simpson–Kramer), winning votes.
//!
//! Sources: P. B. Simpson, "On defining areas of voter choice", Quarterly Journal of Economics
//! 83:478–490 (1969); G. H. Kramer, "A dynamical model of political equilibrium", Journal of
//! Economic Theory 16:310–334 (1977); the winning-votes variant as defined in Wikipedia,
//! "Minimax Condorcet method", §"Variants of the pairwise score".
//!
//! 1. The pairwise matrix `d` (see [`super`]).
//! 2. A candidate's score is its worst pairwise defeat in winning votes: the largest `d[y][x]`
//!    over the candidates `y` that beat `x` (`d[y][x] > d[x][y]`); 0 if no one beats `x`.
//! 3. The ranking orders candidates by score, smallest first; equal scores share a tier.
//! 4. Winners: the `seats` first candidates; a tier straddling the last seat is decided by the
//!    seeded lot.

use crate::ballots::{CandidateId, RankedElection};
use crate::error::TallyError;
use crate::methods::condorcet::{CondorcetDetails, Pairwise, finish, pairwise};
use crate::methods::select::tiers_by;
use crate::methods::{Context, Method};
use crate::report::Report;

/// Each candidate's worst defeat in winning votes (file order; `None` for those not standing).
pub fn scores(pw: &Pairwise, standing: &[CandidateId]) -> Vec<Option<u64>> {
    let mut s = vec![None; pw.len()];
    for &x in standing {
        let worst = standing
            .iter()
            .filter(|&&y| y != x && pw.beats(y, x))
            .map(|&y| pw.get(y, x))
            .max()
            .unwrap_or(0);
        s[x] = Some(worst);
    }
    s
}

pub fn count(e: &RankedElection, ctx: &mut Context<'_>) -> Result<Report, TallyError> {
    let pw = pairwise(e, ctx)?;
    let standing = e.info.standing();
    let s = scores(&pw, &standing);
    let tiers = tiers_by(&standing, |c| std::cmp::Reverse(s[c]));
    let mut details = CondorcetDetails::new(pw, standing);
    details.minimax_scores = Some(s);
    Ok(finish(
        Method::Minimax,
        e,
        ctx,
        "Pairwise comparisons; worst defeats (minimax, winning votes)",
        tiers,
        details,
        Vec::new(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methods::condorcet::tests::election;

    #[test]
    fn tennessee_example() {
        // Wikipedia, "Minimax Condorcet method", §"Example with Condorcet winner" (the
        // Tennessee capital election, same ballots as the ranked-pairs example): published
        // result, Nashville (undefeated) wins. Worst defeats by hand from the published
        // pairwise percentages: Memphis 58 (42 against each rival), Nashville 0,
        // Chattanooga 68 (by Nashville, 42 + 26), Knoxville 83 (by Chattanooga, 42 + 26 + 15).
        let e = crate::methods::condorcet::ranked_pairs::tests::tennessee();
        let mut ctx = Context::with_seats(1, 3);
        let r = count(&e, &mut ctx).expect("counts");
        assert_eq!(r.elected, vec![1]);
        let crate::report::Details::Condorcet(d) = &r.details else {
            panic!("Condorcet details")
        };
        assert_eq!(
            d.minimax_scores,
            Some(vec![Some(58), Some(0), Some(68), Some(83)])
        );
        assert_eq!(r.ranking, Some(vec![vec![1], vec![0], vec![2], vec![3]]));
    }

    #[test]
    fn cycle_elects_the_smallest_worst_defeat() {
        // Hand count: 4 × A > B > C, 3 × B > C > A, 2 × C > A > B (9 voters).
        // d[A][B] = 6, d[B][C] = 7, d[C][A] = 5: A's worst defeat 5 (by C), B's 6 (by A),
        // C's 7 (by B). Ranking A, B, C.
        let r = |v: &[usize]| v.iter().map(|&x| vec![x]).collect::<Vec<_>>();
        let e = election(
            &["A", "B", "C"],
            &[(4, r(&[0, 1, 2])), (3, r(&[1, 2, 0])), (2, r(&[2, 0, 1]))],
        );
        let mut ctx = Context::with_seats(1, 3);
        let rep = count(&e, &mut ctx).expect("counts");
        assert_eq!(rep.elected, vec![0]);
        assert_eq!(rep.ranking, Some(vec![vec![0], vec![1], vec![2]]));
    }

    #[test]
    fn winning_votes_not_margins() {
        // Hand-built matrix where winning votes and margins disagree:
        // B beats A 40–35 (margin 5, winning votes 40); A beats C 30–10 (margin 20, wv 30);
        // C beats B 20–15 (margin 5, wv 20).
        // Winning votes: A 40, B 20, C 30 → B wins. (Margins: A 5, B 5, C 20 → tie A/B.)
        let pw = Pairwise::from_rows(&[vec![0, 35, 30], vec![40, 0, 15], vec![10, 20, 0]]);
        assert_eq!(scores(&pw, &[0, 1, 2]), vec![Some(40), Some(20), Some(30)]);
    }
}
