//! Machinery shared by the Gregory-family STV counts (Scottish STV, ERS97, WIGM) and IRV:
//! ballots reduced to strict rankings, papers and parcels, and tie-breaking by earlier stages.
//!
//! # Ballots
//!
//! Every ballot is first reduced to a strict ranking of standing candidates:
//! - withdrawn candidates are removed, so later preferences move up;
//! - the ranking ends at the first group of equal ranks (`a=b`) that still holds two or more
//!   standing candidates. Statutes treat such a mark as an ambiguous preference: ERS97 6.10 ("there
//!   is no next available preference where the next sequential preference … is uncertain"),
//!   SSI 2007/42 r. 48 ("next available preference"). The paper becomes non-transferable when it
//!   reaches that point. The truncation is made once, before the count, whatever later happens to
//!   the tied candidates.
//! - a ballot left with no first preference (empty, only withdrawn candidates, or an equal-rank
//!   group first) is invalid (ERS97 6.9 and 6.24: "a first or only preference unambiguously
//!   expressed"): it is set aside, counts toward no quota, and the first stage says how many.
//!
//! # Papers and parcels
//!
//! A ballot line with weight `w` stands for `w` identical papers; they always travel together, so
//! a [`Paper`] is a ballot index with the position of the preference it currently counts for, and
//! a [`Parcel`] is a set of papers that share one value (transfer value).

use std::cmp::Ordering;
use std::fmt;
use std::ops::{Add, AddAssign, Sub, SubAssign};

use crate::ballots::{CandidateId, RankedElection};
use crate::fixed::Fixed;
use crate::report::{Decimal, TieBreak, TieRule};
use crate::tie::Lot;

/// Ballots reduced to strict rankings of standing candidates (see the module doc).
#[derive(Debug, Clone, Default)]
pub struct Rankings {
    starts: Vec<u32>,
    prefs: Vec<u16>,
    weights: Vec<u64>,
    /// Total weight of the ballots set aside as invalid (no unambiguous first preference).
    pub set_aside: u64,
}

impl Rankings {
    /// Reduces the ballots of `e`; only valid ballots are kept.
    pub fn new(e: &RankedElection) -> Rankings {
        let info = &e.info;
        let mut r = Rankings {
            starts: vec![0],
            ..Rankings::default()
        };
        for b in e.ballots.iter() {
            let start = r.prefs.len();
            for group in b.groups() {
                let mut standing = group
                    .iter()
                    .copied()
                    .filter(|&c| !info.is_withdrawn(c as CandidateId));
                let Some(first) = standing.next() else {
                    continue;
                };
                if standing.next().is_some() {
                    break; // an equal-rank group: no next preference from here on
                }
                r.prefs.push(first);
            }
            if r.prefs.len() == start {
                r.set_aside += b.weight;
                continue;
            }
            r.weights.push(b.weight);
            r.starts.push(r.prefs.len() as u32);
        }
        r
    }

    /// Number of valid ballot lines.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    pub fn weight(&self, ballot: usize) -> u64 {
        self.weights[ballot]
    }

    /// The strict ranking of a valid ballot (never empty).
    pub fn prefs(&self, ballot: usize) -> &[u16] {
        &self.prefs[self.starts[ballot] as usize..self.starts[ballot + 1] as usize]
    }

    /// Total weight of the valid ballots.
    pub fn total_weight(&self) -> u64 {
        self.weights.iter().sum()
    }

    /// The paper of `ballot` at its first preference.
    pub fn first_paper(&self, ballot: usize) -> (CandidateId, Paper) {
        let c = self.prefs(ballot)[0] as CandidateId;
        (
            c,
            Paper {
                ballot: ballot as u32,
                pos: 0,
            },
        )
    }

    /// The next preference of `paper` after the current one for a candidate with
    /// `continuing[c]`, or `None` if the paper is exhausted.
    pub fn next_continuing(
        &self,
        paper: Paper,
        continuing: &[bool],
    ) -> Option<(CandidateId, Paper)> {
        let prefs = self.prefs(paper.ballot as usize);
        let mut pos = paper.pos as usize + 1;
        while pos < prefs.len() {
            let c = prefs[pos] as CandidateId;
            if continuing[c] {
                return Some((
                    c,
                    Paper {
                        ballot: paper.ballot,
                        pos: pos as u16,
                    },
                ));
            }
            pos += 1;
        }
        None
    }

    /// Sorts papers by their next preference for a continuing candidate: per candidate the
    /// papers and their number, and the number of exhausted papers.
    pub fn sort<'p>(
        &self,
        papers: impl IntoIterator<Item = &'p Paper>,
        continuing: &[bool],
    ) -> Sorted {
        let mut to: Vec<(Vec<Paper>, u64)> = vec![(Vec::new(), 0); continuing.len()];
        let mut exhausted = 0u64;
        for &p in papers {
            let w = self.weight(p.ballot as usize);
            match self.next_continuing(p, continuing) {
                Some((c, q)) => {
                    to[c].0.push(q);
                    to[c].1 += w;
                }
                None => exhausted += w,
            }
        }
        Sorted { to, exhausted }
    }
}

/// Papers sorted by next preference.
#[derive(Debug)]
pub struct Sorted {
    /// Per candidate: the papers and their number (total weight).
    pub to: Vec<(Vec<Paper>, u64)>,
    /// Number of papers with no next preference for a continuing candidate.
    pub exhausted: u64,
}

/// The papers of one ballot line, at the preference they currently count for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paper {
    pub ballot: u32,
    pub pos: u16,
}

/// Papers that share one value.
#[derive(Debug, Clone)]
pub struct Parcel<V> {
    pub value: V,
    pub papers: Vec<Paper>,
    /// Number of papers (sum of ballot weights).
    pub count: u64,
}

/// A candidate's standing in a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Withdrawn,
    Hopeful,
    Elected,
    Excluded,
}

/// A vote figure: fixed-point, exact addition, multiplication by a number of papers.
pub trait Votes:
    Copy + Ord + Add<Output = Self> + Sub<Output = Self> + AddAssign + SubAssign + fmt::Debug
{
    const ZERO: Self;
    /// The largest number of papers a count in this type accepts.
    const MAX_PAPERS: u64;
    fn whole(n: u64) -> Self;
    /// `self × n` (exact).
    fn times(self, n: u64) -> Self;
    fn to_decimal(self) -> Decimal;
}

impl<const D: u32> Votes for Fixed<D> {
    const ZERO: Self = Fixed::<D>::ZERO;
    const MAX_PAPERS: u64 = Fixed::<D>::MAX_WHOLE as u64;
    fn whole(n: u64) -> Self {
        Fixed::from_int(n as i64)
    }
    fn times(self, n: u64) -> Self {
        self.mul_int(n as i64)
    }
    fn to_decimal(self) -> Decimal {
        Fixed::to_decimal(self)
    }
}

/// Which extreme a tie-break looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// The candidate with the fewest votes (exclusion).
    Lowest,
    /// The candidate with the most votes (surplus order, election).
    Highest,
}

/// Where a tie-break looks in the history of the count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    /// The most recent earlier stage at which the tied candidates differed (Scottish r. 49, 51).
    Backwards,
    /// The first stage at which they differed (ERS97 5.2.3, 5.2.5).
    Forwards,
}

/// Breaks a tie among `tied` (file order) by the history of the count: `history[s][c]` is the
/// vote of candidate `c` after stage `s`. The stages are searched in the direction of `look`;
/// at the first one where the candidates still tied are not all equal, only those at the
/// wanted extreme stay tied and the search goes on from there. If more than one is left, the
/// seeded lot draws among them. `cmp` compares two votes (guarded arithmetic compares
/// approximately).
pub fn break_tie<V: Copy>(
    tied: &[CandidateId],
    history: &[Vec<V>],
    want: Want,
    look: Look,
    lot: &mut Lot,
    cmp: impl Fn(V, V) -> Ordering,
) -> (CandidateId, TieBreak) {
    let rule = match look {
        Look::Backwards => TieRule::Backwards,
        Look::Forwards => TieRule::Forwards,
    };
    let mut left: Vec<CandidateId> = tied.to_vec();
    let stages: Box<dyn Iterator<Item = &Vec<V>>> = match look {
        Look::Backwards => Box::new(history.iter().rev()),
        Look::Forwards => Box::new(history.iter()),
    };
    for votes in stages {
        if left.len() == 1 {
            break;
        }
        let mut best = votes[left[0]];
        for &c in &left[1..] {
            let o = cmp(votes[c], best);
            if (want == Want::Lowest && o == Ordering::Less)
                || (want == Want::Highest && o == Ordering::Greater)
            {
                best = votes[c];
            }
        }
        left.retain(|&c| cmp(votes[c], best) == Ordering::Equal);
    }
    let mut rules = vec![rule];
    let chosen = if left.len() == 1 {
        left[0]
    } else {
        rules.push(TieRule::Lot);
        lot.choose(&left)
    };
    (
        chosen,
        TieBreak {
            tied: tied.to_vec(),
            rules,
            chosen,
        },
    )
}

/// The candidates among `among` whose vote is the extreme one (`want`), in file order.
pub fn extremes<V: Copy>(
    among: &[CandidateId],
    votes: &[V],
    want: Want,
    cmp: impl Fn(V, V) -> Ordering,
) -> Vec<CandidateId> {
    let Some(&first) = among.first() else {
        return Vec::new();
    };
    let mut best = votes[first];
    for &c in among {
        let o = cmp(votes[c], best);
        if (want == Want::Lowest && o == Ordering::Less)
            || (want == Want::Highest && o == Ordering::Greater)
        {
            best = votes[c];
        }
    }
    among
        .iter()
        .copied()
        .filter(|&c| cmp(votes[c], best) == Ordering::Equal)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blt;

    #[test]
    fn rankings_skip_withdrawn_and_stop_at_equal_ranks() {
        // Candidate 2 (B) withdrawn. Ballot 1: A B=C D → A, then B is withdrawn so the group
        // holds only C: A C D. Ballot 2: C=D A → invalid. Ballot 3: B → invalid. Ballot 4:
        // D A=C B → D, then stop.
        let e = blt::parse("4 1\n-2\n2 1 2=3 4 0\n3 3=4 1 0\n5 2 0\n7 4 1=3 2 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"D\"\n\"T\"\n")
            .expect("valid BLT");
        let r = Rankings::new(&e);
        assert_eq!(r.len(), 2);
        assert_eq!(r.prefs(0), &[0, 2, 3]);
        assert_eq!(r.prefs(1), &[3]);
        assert_eq!(r.weight(1), 7);
        assert_eq!(r.set_aside, 8);
        assert_eq!(r.total_weight(), 9);
    }

    #[test]
    fn tie_break_narrows_and_then_draws() {
        // Stages: A B C = (1,1,2), (3,2,2), (5,5,5). Backwards from the last stage: stage 2
        // differs; lowest there are B and C (2); stage 1: B 1 < C 2 → B.
        let h = vec![vec![1, 1, 2], vec![3, 2, 2], vec![5, 5, 5]];
        let mut lot = Lot::new(1);
        let (c, t) = break_tie(
            &[0, 1, 2],
            &h,
            Want::Lowest,
            Look::Backwards,
            &mut lot,
            |a: i32, b: i32| a.cmp(&b),
        );
        assert_eq!(c, 1);
        assert_eq!(t.rules, vec![TieRule::Backwards]);
        // Forwards: stage 0: A and B lowest (1); stage 1: B 2 < A 3 → B.
        let (c, _) = break_tie(
            &[0, 1, 2],
            &h,
            Want::Lowest,
            Look::Forwards,
            &mut lot,
            |a: i32, b: i32| a.cmp(&b),
        );
        assert_eq!(c, 1);
        // Highest forwards: stage 0 → C alone.
        let (c, _) = break_tie(
            &[0, 1, 2],
            &h,
            Want::Highest,
            Look::Forwards,
            &mut lot,
            |a: i32, b: i32| a.cmp(&b),
        );
        assert_eq!(c, 2);
        assert_eq!(lot.used_seed(), None);
        // Equal everywhere: lot.
        let h = vec![vec![4, 4], vec![6, 6]];
        let (c, t) = break_tie(
            &[0, 1],
            &h,
            Want::Lowest,
            Look::Backwards,
            &mut lot,
            |a: i32, b: i32| a.cmp(&b),
        );
        assert!(c < 2);
        assert_eq!(t.rules, vec![TieRule::Backwards, TieRule::Lot]);
        assert_eq!(lot.used_seed(), Some(1));
    }
}
