//! Choosing winners from a table of totals: shared by every method that elects the highest
//! totals (plurality, block, approval, score, son).

use crate::ballots::CandidateId;
use crate::report::{TieBreak, TieRule};
use crate::tie::Lot;

/// Candidates grouped into tiers of equal total, highest total first. `key` gives a total for
/// each candidate in `candidates`; equal keys share a tier (in file order).
pub fn tiers_by<K: Ord + Copy>(
    candidates: &[CandidateId],
    key: impl Fn(CandidateId) -> K,
) -> Vec<Vec<CandidateId>> {
    let mut sorted: Vec<CandidateId> = candidates.to_vec();
    // Stable sort keeps file order within a tier.
    sorted.sort_by_key(|&c| std::cmp::Reverse(key(c)));
    let mut tiers: Vec<Vec<CandidateId>> = Vec::new();
    for c in sorted {
        match tiers.last_mut() {
            Some(t) if key(t[0]) == key(c) => t.push(c),
            _ => tiers.push(vec![c]),
        }
    }
    tiers
}

/// Takes `seats` winners from `tiers` (highest first). When a tier holds more candidates than
/// seats remain, the seeded lot picks among them, one at a time; the tie is returned.
pub fn take_winners(
    tiers: &[Vec<CandidateId>],
    seats: usize,
    lot: &mut Lot,
) -> (Vec<CandidateId>, Option<TieBreak>) {
    let mut elected = Vec::new();
    for tier in tiers {
        let left = seats - elected.len();
        if left == 0 {
            break;
        }
        if tier.len() <= left {
            elected.extend_from_slice(tier);
            continue;
        }
        let mut pool = tier.clone();
        let mut first = None;
        for _ in 0..left {
            let i = lot.below(pool.len());
            let c = pool.remove(i);
            first.get_or_insert(c);
            elected.push(c);
        }
        let tie = TieBreak {
            tied: tier.clone(),
            rules: vec![TieRule::Lot],
            chosen: first.unwrap_or(tier[0]),
        };
        return (elected, Some(tie));
    }
    (elected, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_group_equal_totals_in_file_order() {
        let totals = [5u64, 7, 5, 1];
        let t = tiers_by(&[0, 1, 2, 3], |c| totals[c]);
        assert_eq!(t, vec![vec![1], vec![0, 2], vec![3]]);
    }

    #[test]
    fn lot_only_when_a_tier_straddles_the_last_seat() {
        let tiers = vec![vec![1], vec![0, 2], vec![3]];
        let mut lot = Lot::new(3);
        let (w, tie) = take_winners(&tiers, 3, &mut lot);
        assert_eq!(w, vec![1, 0, 2]);
        assert!(tie.is_none());
        assert_eq!(lot.used_seed(), None);
        let (w, tie) = take_winners(&tiers, 2, &mut lot);
        assert_eq!(w.len(), 2);
        assert_eq!(w[0], 1);
        assert!(w[1] == 0 || w[1] == 2);
        assert_eq!(tie.map(|t| t.tied), Some(vec![0, 2]));
        assert_eq!(lot.used_seed(), Some(3));
    }
}
