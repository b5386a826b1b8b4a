//! Condorcet methods: pairwise comparisons, then Schulze, ranked pairs or minimax.
//!
//! # The pairwise matrix
//!
//! `d[a][b]` is the total weight of the ballots that rank `a` strictly above `b`. The reading of
//! a ballot is that of the Debian constitution (A.6 (3)) and of Schulze (2011, §2.1):
//!
//! - a candidate a ballot ranks is above every candidate it leaves unranked;
//! - candidates left unranked are equal to each other (they prefer neither);
//! - candidates ranked equal (`a=b` in BLT) prefer neither.
//!
//! (Reading unranked candidates as *incomparable* instead, counting a pair only when a ballot
//! ranks both, changes real results: it elects Steve McIntyre instead of Anthony Towns in the
//! Debian Project Leader election 2006; see the tests.)
//!
//! Withdrawn candidates are removed from every ballot before counting, so that they take no part
//! in any comparison. A ballot that ranks no standing candidate counts for nothing. Counts are
//! exact `u64` sums of ballot weights; the total weight must fit in a `u64`.
//!
//! The matrix is built in `O(r²/2)` per ballot ranking `r` candidates, whatever the number of
//! candidates: with `ranked[a]` the weight of ballots that rank `a` and `m[a][c]` the weight of
//! ballots that rank both `a` and `c` with `c` at or above `a`, a ballot ranks `a` above `c`
//! exactly when it ranks `a` and not `c` at or above it, so `d[a][c] = ranked[a] − m[a][c]`.
//! Only the ranked candidates of a ballot are visited; the unranked ones come free.
//!
//! # Condorcet winner and loser
//!
//! The Condorcet winner beats every other standing candidate pairwise (`d[w][x] > d[x][w]`);
//! the Condorcet loser is beaten by every other. Either may not exist. With fewer than two
//! standing candidates neither is reported.
//!
//! # Ranking and seats
//!
//! Each method ranks every standing candidate in tiers (best first); the `seats` winners are the
//! top of that ranking, and a tier that straddles the last seat is decided by the seeded lot
//! (recorded as the round's tie-break).

pub mod minimax;
pub mod ranked_pairs;
pub mod schulze;

use serde_json::{Map, Value, json};

use crate::ballots::{CandidateId, RankedElection};
use crate::error::TallyError;
use crate::methods::select::take_winners;
use crate::methods::{Context, Method};
use crate::report::{Details, Report, Round, TieBreak};

/// The most candidates a pairwise count takes: its matrices hold n² cells, and a ballot file
/// must not be able to make the counter allocate gigabytes.
pub const MAX_CANDIDATES: usize = 2_000;

/// The pairwise matrix over all candidates of the file (withdrawn ones have zero rows and
/// columns).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pairwise {
    n: usize,
    d: Vec<u64>,
}

impl Pairwise {
    /// A matrix given row by row (`rows[a][b]` = weight ranking `a` above `b`), for tests and
    /// for callers that have a published matrix rather than ballots.
    pub fn from_rows(rows: &[Vec<u64>]) -> Pairwise {
        let n = rows.len();
        let mut d = vec![0; n * n];
        for (a, row) in rows.iter().enumerate() {
            assert_eq!(row.len(), n, "a pairwise matrix is square");
            for (b, &v) in row.iter().enumerate() {
                if a != b {
                    d[a * n + b] = v;
                }
            }
        }
        Pairwise { n, d }
    }

    /// Counts the ballots of `e` (see the module documentation for the reading of a ballot).
    /// `progress(done, total)` is called now and then with ballot lines counted.
    pub fn count(e: &RankedElection, progress: impl Fn(u64, u64)) -> Result<Pairwise, TallyError> {
        let info = &e.info;
        let n = info.candidates.len();
        if n > MAX_CANDIDATES {
            return Err(TallyError::TooLarge(format!(
                "{n} candidates: pairwise methods count at most {MAX_CANDIDATES} (their tables grow with the square)"
            )));
        }
        // Every cell is at most the total weight, so a total that fits means no cell overflows.
        e.ballots
            .iter()
            .try_fold(0u64, |acc, b| acc.checked_add(b.weight))
            .ok_or_else(|| {
                TallyError::TooLarge("the total weight of the ballots exceeds 2^64 − 1".into())
            })?;
        let standing: Vec<bool> = (0..n).map(|c| !info.is_withdrawn(c)).collect();
        let mut ranked = vec![0u64; n];
        let mut at_or_above = vec![0u64; n * n];
        // The standing candidates of one ballot, most preferred first, and for each the end of
        // its group of equal ranks in `buf`.
        let mut buf: Vec<usize> = Vec::with_capacity(n);
        let mut group_end: Vec<usize> = Vec::with_capacity(n);
        let total = e.ballots.len() as u64;
        for (i, b) in e.ballots.iter().enumerate() {
            if i % 65_536 == 0 {
                progress(i as u64, total);
            }
            buf.clear();
            group_end.clear();
            for g in b.groups() {
                buf.extend(
                    g.iter()
                        .map(|&c| c as usize)
                        .filter(|&c| c < n && standing[c]),
                );
                let end = buf.len();
                group_end.resize(end, end);
            }
            let w = b.weight;
            for (k, &a) in buf.iter().enumerate() {
                ranked[a] += w;
                let row = &mut at_or_above[a * n..(a + 1) * n];
                for &c in &buf[..group_end[k]] {
                    row[c] += w;
                }
            }
        }
        progress(total, total);
        let mut d = vec![0u64; n * n];
        for a in (0..n).filter(|&a| standing[a]) {
            for c in (0..n).filter(|&c| c != a && standing[c]) {
                d[a * n + c] = ranked[a] - at_or_above[a * n + c];
            }
        }
        Ok(Pairwise { n, d })
    }

    /// Number of candidates (rows).
    pub fn len(&self) -> usize {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Weight of the ballots ranking `a` above `b`.
    pub fn get(&self, a: CandidateId, b: CandidateId) -> u64 {
        self.d[a * self.n + b]
    }

    /// `a` beats `b` pairwise.
    pub fn beats(&self, a: CandidateId, b: CandidateId) -> bool {
        self.get(a, b) > self.get(b, a)
    }

    /// The Condorcet winner among `standing`, if any.
    pub fn condorcet_winner(&self, standing: &[CandidateId]) -> Option<CandidateId> {
        if standing.len() < 2 {
            return None;
        }
        standing
            .iter()
            .copied()
            .find(|&w| standing.iter().all(|&x| x == w || self.beats(w, x)))
    }

    /// The Condorcet loser among `standing`, if any.
    pub fn condorcet_loser(&self, standing: &[CandidateId]) -> Option<CandidateId> {
        if standing.len() < 2 {
            return None;
        }
        standing
            .iter()
            .copied()
            .find(|&l| standing.iter().all(|&x| x == l || self.beats(x, l)))
    }
}

/// The strength of a pairwise defeat or of a path of defeats in winning votes: `support`
/// ballots for the winner, `opposition` for the loser. Stronger means more support, then less
/// opposition (Schulze 2011, §2.1; Tideman 1987).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Strength {
    pub support: u64,
    pub opposition: u64,
}

impl Strength {
    /// The defeat of `b` by `a`, if `a` beats `b`.
    pub fn of(pw: &Pairwise, a: CandidateId, b: CandidateId) -> Option<Strength> {
        pw.beats(a, b).then(|| Strength {
            support: pw.get(a, b),
            opposition: pw.get(b, a),
        })
    }

    /// A totally ordered key: larger is stronger; 0 is no defeat (a defeat has support ≥ 1).
    pub(crate) fn key(self) -> u128 {
        ((self.support as u128) << 64) | (u64::MAX - self.opposition) as u128
    }

    pub(crate) fn from_key(k: u128) -> Option<Strength> {
        (k != 0).then(|| Strength {
            support: (k >> 64) as u64,
            opposition: u64::MAX - (k as u64),
        })
    }
}

/// Pairwise tables and the Condorcet winner/loser report.
///
/// Matrices are indexed by candidate id in file order (`n × n`); entries of withdrawn
/// candidates are zero and absent from the JSON.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CondorcetDetails {
    /// Standing candidates, file order.
    pub standing: Vec<CandidateId>,
    pub pairwise: Pairwise,
    /// Schulze: `strongest_paths[a][b]`, the strength of the strongest path of defeats from `a`
    /// to `b` (its weakest link), `None` where there is no such path.
    pub strongest_paths: Option<Vec<Vec<Option<Strength>>>>,
    /// Ranked pairs: the pairs locked, in the order they were locked, as (winner, loser).
    pub locked_pairs: Option<Vec<(CandidateId, CandidateId)>>,
    /// Ranked pairs: the tie-breaking ranking of candidates, when one was drawn.
    pub tie_breaking_ranking: Option<Vec<CandidateId>>,
    /// Minimax: each standing candidate's worst defeat in winning votes (0 if undefeated), in
    /// file order; `None` for withdrawn candidates.
    pub minimax_scores: Option<Vec<Option<u64>>>,
    pub condorcet_winner: Option<CandidateId>,
    pub condorcet_loser: Option<CandidateId>,
}

impl CondorcetDetails {
    /// The tables common to every Condorcet method.
    pub fn new(pairwise: Pairwise, standing: Vec<CandidateId>) -> CondorcetDetails {
        CondorcetDetails {
            condorcet_winner: pairwise.condorcet_winner(&standing),
            condorcet_loser: pairwise.condorcet_loser(&standing),
            standing,
            pairwise,
            ..CondorcetDetails::default()
        }
    }

    /// The details as JSON. Every key is always present (`null` where the method has no such
    /// table); candidates are named, withdrawn candidates left out, numbers are decimal strings
    /// (ballot weights, exact integers):
    ///
    /// ```json
    /// {
    ///   "candidates": ["A", "B", "C"],
    ///   "pairwise": {"A": {"B": "20", "C": "26"}, "B": {"A": "25", "C": "16"}, ...},
    ///   "strongest_paths": {"A": {"B": {"support": "28", "opposition": "17"}, "C": null}, ...},
    ///   "locked_pairs": [{"winner": "C", "loser": "K", "support": "83", "opposition": "17"}],
    ///   "tie_breaking_ranking": ["B", "A", "C"],
    ///   "minimax_scores": {"A": "0", "B": "25"},
    ///   "condorcet_winner": "A",
    ///   "condorcet_loser": null
    /// }
    /// ```
    ///
    /// - `candidates`: the standing candidates, file order.
    /// - `pairwise[X][Y]`: total weight of ballots ranking X strictly above Y (no `X == Y`).
    /// - `strongest_paths[X][Y]` (Schulze, else `null`): the weakest link of the strongest path
    ///   of defeats from X to Y, as the support and opposition of that link; `null` when no
    ///   path of defeats leads from X to Y.
    /// - `locked_pairs` (ranked pairs, else `null`): in locking order.
    /// - `tie_breaking_ranking` (ranked pairs when a lot was drawn, else `null`): best first.
    /// - `minimax_scores` (minimax, else `null`): worst defeat in winning votes, `"0"` if none.
    /// - `condorcet_winner`, `condorcet_loser`: a name or `null`.
    pub fn to_json(&self, candidates: &[String]) -> Value {
        let name = |c: CandidateId| Value::String(candidates[c].clone());
        let num = |v: u64| Value::String(v.to_string());
        let matrix = |cell: &dyn Fn(CandidateId, CandidateId) -> Value| {
            let mut rows = Map::new();
            for &a in &self.standing {
                let mut row = Map::new();
                for &b in self.standing.iter().filter(|&&b| b != a) {
                    row.insert(candidates[b].clone(), cell(a, b));
                }
                rows.insert(candidates[a].clone(), Value::Object(row));
            }
            Value::Object(rows)
        };
        let strength = |s: Option<Strength>| {
            s.map_or(
                Value::Null,
                |s| json!({"support": num(s.support), "opposition": num(s.opposition)}),
            )
        };
        json!({
            "candidates": self.standing.iter().map(|&c| name(c)).collect::<Vec<_>>(),
            "pairwise": matrix(&|a, b| num(self.pairwise.get(a, b))),
            "strongest_paths": self.strongest_paths.as_ref().map_or(Value::Null, |p| {
                matrix(&|a, b| strength(p[a][b]))
            }),
            "locked_pairs": self.locked_pairs.as_ref().map_or(Value::Null, |l| {
                Value::Array(l.iter().map(|&(a, b)| json!({
                    "winner": name(a),
                    "loser": name(b),
                    "support": num(self.pairwise.get(a, b)),
                    "opposition": num(self.pairwise.get(b, a)),
                })).collect())
            }),
            "tie_breaking_ranking": self.tie_breaking_ranking.as_ref().map_or(Value::Null, |t| {
                Value::Array(t.iter().map(|&c| name(c)).collect())
            }),
            "minimax_scores": self.minimax_scores.as_ref().map_or(Value::Null, |s| {
                let mut m = Map::new();
                for &c in &self.standing {
                    if let Some(v) = s[c] {
                        m.insert(candidates[c].clone(), num(v));
                    }
                }
                Value::Object(m)
            }),
            "condorcet_winner": self.condorcet_winner.map_or(Value::Null, name),
            "condorcet_loser": self.condorcet_loser.map_or(Value::Null, name),
        })
    }
}

/// Tiers of a strict partial order `beats` (irreflexive, acyclic) on `candidates`, best first:
/// the first tier holds the candidates no one beats, the next those no one left beats, and so
/// on. Each tier is in the order of `candidates`. If `a` beats `b`, `a` is in an earlier tier.
pub(crate) fn layers(
    candidates: &[CandidateId],
    beats: impl Fn(CandidateId, CandidateId) -> bool,
) -> Vec<Vec<CandidateId>> {
    let mut left: Vec<CandidateId> = candidates.to_vec();
    let mut tiers = Vec::new();
    while !left.is_empty() {
        let tier: Vec<CandidateId> = left
            .iter()
            .copied()
            .filter(|&x| !left.iter().any(|&y| beats(y, x)))
            .collect();
        assert!(
            !tier.is_empty(),
            "the beat relation of a Condorcet ranking is acyclic, so some candidate is unbeaten"
        );
        left.retain(|c| !tier.contains(c));
        tiers.push(tier);
    }
    tiers
}

/// Total ballot weight (checked by [`Pairwise::count`] to fit).
pub(crate) fn total_weight(e: &RankedElection) -> u64 {
    e.ballots
        .iter()
        .fold(0u64, |acc, b| acc.saturating_add(b.weight))
}

/// Builds the report: `earlier` rounds (ties broken on the way), then one round that takes the
/// `seats` winners from `ranking`, with the seeded lot for a tier straddling the last seat.
pub(crate) fn finish(
    method: Method,
    e: &RankedElection,
    ctx: &mut Context<'_>,
    action: &str,
    ranking: Vec<Vec<CandidateId>>,
    details: CondorcetDetails,
    earlier: Vec<Round>,
) -> Report {
    let standing = details.standing.len();
    let seats = ctx.seats.min(standing);
    let (elected, tie_break): (Vec<CandidateId>, Option<TieBreak>) =
        take_winners(&ranking, seats, &mut ctx.lot);
    let mut report = Report::new(method, &e.info, ctx.seats, total_weight(e));
    report.rounds = earlier;
    report.rounds.push(Round {
        stage: report.rounds.len() + 1,
        action: action.to_owned(),
        elected: elected.clone(),
        tie_break,
        ..Round::default()
    });
    report.vacant = ctx.seats - elected.len();
    report.elected = elected;
    report.ranking = Some(ranking);
    report.details = Details::Condorcet(details);
    report
}

/// Counts the pairwise matrix of `e`, reporting progress to `ctx`.
pub(crate) fn pairwise(e: &RankedElection, ctx: &Context<'_>) -> Result<Pairwise, TallyError> {
    Pairwise::count(e, |done, total| ctx.progress(done, total))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballots::{ElectionInfo, RankedBallots};

    pub(crate) fn election(names: &[&str], ballots: &[(u64, Vec<Vec<usize>>)]) -> RankedElection {
        let mut b = RankedBallots::new();
        for (w, groups) in ballots {
            b.push_groups(*w, groups.clone());
        }
        RankedElection {
            info: ElectionInfo {
                title: "test".into(),
                candidates: names.iter().map(|s| s.to_string()).collect(),
                seats: 1,
                withdrawn: vec![],
                tie_order: None,
            },
            ballots: b,
        }
    }

    /// Checks every off-diagonal cell of `pw` against `want`.
    pub(crate) fn assert_matrix<const N: usize>(pw: &Pairwise, want: &[[u64; N]; N]) {
        for (a, row) in want.iter().enumerate() {
            for (b, &v) in row.iter().enumerate() {
                if a != b {
                    assert_eq!(pw.get(a, b), v, "d[{a}][{b}]");
                }
            }
        }
    }

    #[test]
    fn unranked_below_ranked_and_equal_ranks_prefer_neither() {
        // Hand count. Candidates A B C D.
        // 3 × A > B (C, D unranked): A>B, A>C, A>D, B>C, B>D.
        // 2 × C = A > D (B unranked): C>D, A>D, C>B, A>B, D>B; C and A prefer neither.
        // 1 × (empty ballot): nothing.
        let e = election(
            &["A", "B", "C", "D"],
            &[
                (3, vec![vec![0], vec![1]]),
                (2, vec![vec![2, 0], vec![3]]),
                (1, vec![]),
            ],
        );
        let p = Pairwise::count(&e, |_, _| {}).expect("small");
        let want = [
            // A    B  C  D
            [0, 5, 3, 5], // A
            [0, 0, 3, 3], // B
            [0, 2, 0, 2], // C
            [0, 2, 0, 0], // D: above the unranked B on the second ballots
        ];
        assert_matrix(&p, &want);
        assert_eq!(p.condorcet_winner(&[0, 1, 2, 3]), Some(0));
        assert_eq!(p.condorcet_loser(&[0, 1, 2, 3]), Some(3));
    }

    #[test]
    fn withdrawn_candidates_are_removed_before_counting() {
        // B withdrawn. 4 × B > C > A reads as C > A; 1 × A > B reads as A.
        let mut e = election(
            &["A", "B", "C"],
            &[
                (4, vec![vec![1], vec![2], vec![0]]),
                (1, vec![vec![0], vec![1]]),
            ],
        );
        e.info.withdrawn = vec![1];
        let p = Pairwise::count(&e, |_, _| {}).expect("small");
        assert_eq!(p.get(2, 0), 4);
        assert_eq!(p.get(0, 2), 1);
        for c in [0, 2] {
            assert_eq!(p.get(1, c), 0);
            assert_eq!(p.get(c, 1), 0);
        }
        assert_eq!(p.condorcet_winner(&[0, 2]), Some(2));
    }

    #[test]
    fn json_names_rows_and_columns_and_leaves_out_withdrawn() {
        let p = Pairwise::from_rows(&[vec![0, 7, 1], vec![3, 0, 0], vec![9, 0, 0]]);
        let mut d = CondorcetDetails::new(p, vec![0, 1]);
        d.strongest_paths = Some(vec![
            vec![
                None,
                Some(Strength {
                    support: 7,
                    opposition: 3,
                }),
                None,
            ],
            vec![None, None, None],
            vec![None, None, None],
        ]);
        let names: Vec<String> = ["A", "B", "C"].iter().map(|s| s.to_string()).collect();
        let v = d.to_json(&names);
        assert_eq!(v["candidates"], json!(["A", "B"]));
        assert_eq!(v["pairwise"], json!({"A": {"B": "7"}, "B": {"A": "3"}}));
        assert_eq!(
            v["strongest_paths"],
            json!({"A": {"B": {"support": "7", "opposition": "3"}}, "B": {"A": null}})
        );
        assert_eq!(v["condorcet_winner"], json!("A"));
        assert_eq!(v["condorcet_loser"], json!("B"));
        assert_eq!(v["locked_pairs"], Value::Null);
    }

    #[test]
    fn strength_order_is_support_then_less_opposition() {
        let k = |s, o| {
            Strength {
                support: s,
                opposition: o,
            }
            .key()
        };
        assert!(k(10, 3) > k(9, 0));
        assert!(k(10, 3) > k(10, 4));
        assert!(k(1, 0) > 0);
        assert_eq!(
            Strength::from_key(k(28, 17)),
            Some(Strength {
                support: 28,
                opposition: 17
            })
        );
        assert_eq!(Strength::from_key(0), None);
    }
}
