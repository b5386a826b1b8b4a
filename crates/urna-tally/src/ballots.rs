//! The ballots a count reads: ranked ballots (BLT) and scored ballots (CSV, JSON).
//!
//! Both are parsed once into validated types: candidate indices are in range, no candidate is
//! ranked twice, weights are positive. Methods never re-check what the types guarantee.

use sha2::{Digest, Sha256};

/// A candidate's index in file order, from 0.
pub type CandidateId = usize;

/// What the file says about the election apart from the ballots.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ElectionInfo {
    pub title: String,
    /// Candidate names in file order, normalised (see [`normalize_name`]).
    pub candidates: Vec<String>,
    /// Seats to fill, as the file gives them.
    pub seats: usize,
    /// Candidates withdrawn before the count (BLT `-n` lines and `[withdrawn]`), sorted.
    pub withdrawn: Vec<CandidateId>,
    /// A predeclared tie-break order (BLT `[tie]`): the lot of the Meek
    /// references. `None` means the file gave none.
    pub tie_order: Option<Vec<CandidateId>>,
}

impl ElectionInfo {
    pub fn is_withdrawn(&self, c: CandidateId) -> bool {
        self.withdrawn.binary_search(&c).is_ok()
    }

    /// Candidates that stand in the count, in file order.
    pub fn standing(&self) -> Vec<CandidateId> {
        (0..self.candidates.len())
            .filter(|&c| !self.is_withdrawn(c))
            .collect()
    }

    /// The predeclared order (the `[tie]` line, else file order). As in Droop.py and stv-rs, a
    /// tie decided by it goes against the candidate that comes first: among tied candidates
    /// the first is defeated first (Meek, WIGM) and has its surplus transferred first (WIGM).
    pub fn predeclared_order(&self) -> Vec<CandidateId> {
        self.tie_order
            .clone()
            .unwrap_or_else(|| (0..self.candidates.len()).collect())
    }
}

/// Ranked ballots, packed: one arena of preferences and one of offsets, so that a million
/// ballots are three allocations, not a million.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RankedBallots {
    weights: Vec<u64>,
    /// Ballot `i` spans `prefs[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    prefs: Vec<u16>,
    /// `tied[j]`: `prefs[j]` shares its rank with `prefs[j - 1]` (BLT `a=b`).
    tied: Vec<bool>,
}

/// One ballot: a weight and its ranking, most preferred first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RankedBallot<'a> {
    pub weight: u64,
    prefs: &'a [u16],
    tied: &'a [bool],
}

impl<'a> RankedBallot<'a> {
    /// Every ranked candidate in order, with equal ranks flattened.
    pub fn candidates(&self) -> impl Iterator<Item = CandidateId> + 'a {
        self.prefs.iter().map(|&c| c as CandidateId)
    }

    /// The raw preference slice (candidate indices as `u16`).
    pub fn prefs(&self) -> &'a [u16] {
        self.prefs
    }

    pub fn has_equal_ranks(&self) -> bool {
        self.tied.iter().any(|&t| t)
    }

    /// The ranking as groups of equally ranked candidates, most preferred group first.
    pub fn groups(&self) -> impl Iterator<Item = &'a [u16]> + 'a {
        let prefs = self.prefs;
        let tied = self.tied;
        let mut start = 0;
        std::iter::from_fn(move || {
            if start >= prefs.len() {
                return None;
            }
            let mut end = start + 1;
            while end < prefs.len() && tied[end] {
                end += 1;
            }
            let group = &prefs[start..end];
            start = end;
            Some(group)
        })
    }

    pub fn is_empty(&self) -> bool {
        self.prefs.is_empty()
    }
}

impl RankedBallots {
    pub fn new() -> Self {
        RankedBallots {
            starts: vec![0],
            ..Default::default()
        }
    }

    /// Adds a ballot given as groups of equally ranked candidates. The caller guarantees the
    /// indices are valid and distinct (the parsers check and report them with a line number).
    pub fn push_groups<G, I>(&mut self, weight: u64, groups: G)
    where
        G: IntoIterator<Item = I>,
        I: IntoIterator<Item = CandidateId>,
    {
        for group in groups {
            for (k, c) in group.into_iter().enumerate() {
                self.prefs.push(c as u16);
                self.tied.push(k > 0);
            }
        }
        self.close_ballot(weight);
    }

    /// Adds a strict ranking (no equal ranks).
    pub fn push_ranking(&mut self, weight: u64, ranking: &[CandidateId]) {
        for &c in ranking {
            self.prefs.push(c as u16);
            self.tied.push(false);
        }
        self.close_ballot(weight);
    }

    /// Adds one preference to the ballot being built; `tied_with_previous` for `a=b`.
    pub(crate) fn push_pref(&mut self, c: CandidateId, tied_with_previous: bool) {
        self.prefs.push(c as u16);
        self.tied.push(tied_with_previous);
    }

    /// Ends the ballot being built.
    pub(crate) fn close_ballot(&mut self, weight: u64) {
        self.weights.push(weight);
        self.starts.push(self.prefs.len() as u32);
    }

    /// Number of ballot lines (not the total weight).
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    pub fn get(&self, i: usize) -> RankedBallot<'_> {
        let (s, e) = (self.starts[i] as usize, self.starts[i + 1] as usize);
        RankedBallot {
            weight: self.weights[i],
            prefs: &self.prefs[s..e],
            tied: &self.tied[s..e],
        }
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = RankedBallot<'_>> + '_ {
        (0..self.len()).map(move |i| self.get(i))
    }

    /// Sum of all weights.
    pub fn total_weight(&self) -> u64 {
        self.weights.iter().sum()
    }
}

/// An election with ranked ballots (from BLT).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RankedElection {
    pub info: ElectionInfo,
    pub ballots: RankedBallots,
}

impl RankedElection {
    /// A seed for lots when the user gives none: a digest of the ballots, so that the draw is
    /// reproducible from the file alone and cannot be known before the ballots are.
    pub fn default_seed(&self) -> u64 {
        let mut h = Sha256::new();
        h.update(b"urna-tally ranked seed v1\0");
        h.update((self.info.candidates.len() as u64).to_le_bytes());
        for b in self.ballots.iter() {
            h.update(b.weight.to_le_bytes());
            h.update((b.prefs.len() as u64).to_le_bytes());
            for (&c, &t) in b.prefs.iter().zip(b.tied) {
                h.update(c.to_le_bytes());
                h.update([t as u8]);
            }
        }
        seed_from_digest(&h.finalize())
    }
}

/// A ballot that gives each candidate a score, or leaves it blank (`None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoredBallot {
    pub weight: u64,
    pub scores: Vec<Option<i64>>,
}

/// The range of scores a scored file declares (`# scale: 0-5` in CSV, `"scale"` in JSON):
/// every score lies in `min..=max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoreScale {
    pub min: i64,
    pub max: i64,
}

/// An election with scored ballots (approval, score, support/neutral/oppose, grades, STAR).
/// Scores are plain integers here; each method checks its own range and meaning.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScoredElection {
    pub info: ElectionInfo,
    pub ballots: Vec<ScoredBallot>,
    /// The scale the file declares, if any (the parsers have checked every score against it).
    pub scale: Option<ScoreScale>,
}

impl ScoredElection {
    /// See [`RankedElection::default_seed`].
    pub fn default_seed(&self) -> u64 {
        let mut h = Sha256::new();
        h.update(b"urna-tally scored seed v1\0");
        h.update((self.info.candidates.len() as u64).to_le_bytes());
        for b in &self.ballots {
            h.update(b.weight.to_le_bytes());
            for s in &b.scores {
                match s {
                    Some(v) => {
                        h.update([1]);
                        h.update(v.to_le_bytes());
                    }
                    None => h.update([0]),
                }
            }
        }
        seed_from_digest(&h.finalize())
    }

    pub fn total_weight(&self) -> u64 {
        self.ballots.iter().map(|b| b.weight).sum()
    }
}

pub(crate) fn seed_from_digest(d: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&d[..8]);
    u64::from_le_bytes(b)
}

/// The ballots of any file, as parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ballots {
    Ranked(RankedElection),
    Scored(ScoredElection),
}

impl Ballots {
    pub fn info(&self) -> &ElectionInfo {
        match self {
            Ballots::Ranked(e) => &e.info,
            Ballots::Scored(e) => &e.info,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Ballots::Ranked(_) => "ranked",
            Ballots::Scored(_) => "scored",
        }
    }

    pub fn default_seed(&self) -> u64 {
        match self {
            Ballots::Ranked(e) => e.default_seed(),
            Ballots::Scored(e) => e.default_seed(),
        }
    }
}

/// A candidate name as a count prints it: runs of white space collapsed to one space, trimmed.
/// (Unquoting and `""` → `"` happen in the parsers, which know the quoting.)
pub fn normalize_name(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_split_equal_ranks() {
        let mut b = RankedBallots::new();
        b.push_groups(2, vec![vec![3], vec![1, 0], vec![2]]);
        let ballot = b.get(0);
        let groups: Vec<Vec<u16>> = ballot.groups().map(|g| g.to_vec()).collect();
        assert_eq!(groups, vec![vec![3], vec![1, 0], vec![2]]);
        assert!(ballot.has_equal_ranks());
        assert_eq!(b.total_weight(), 2);
    }

    #[test]
    fn names_are_collapsed_and_trimmed() {
        assert_eq!(
            normalize_name("  Will   DAWSON \t\"SNP\" "),
            "Will DAWSON \"SNP\""
        );
    }
}
