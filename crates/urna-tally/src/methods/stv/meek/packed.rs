//! Ballots packed for Meek's repeated counts, and one count of them under given keep factors.
//!
//! A Meek count distributes every ballot again at each iteration, so the ballots are packed
//! once, before the count:
//!
//! - **Strict ballots** (no equal ranks) go into a prefix tree (Hill, Wichmann & Woodall 1987,
//!   *Algorithm 123*; OpenTally's "tree-packed ballots"): ballots that share their first `d`
//!   preferences share the first `d` nodes, and each node carries the total weight of the
//!   ballots through it. A ballot's voting power after a prefix depends on the prefix alone, and
//!   every reference rule rounds the *per-unit* power before multiplying by the ballot weight,
//!   so crediting `rounded(unit power) × subtree weight` at a node is exactly the sum of the
//!   per-ballot credits: the tree changes the speed, never a digit. A node whose subtree holds
//!   one ballot line keeps the rest of that ballot as a flat *tail* instead of a chain of nodes.
//!   The count walks the tree depth first with an explicit stack and never enters the subtree of
//!   a candidate who keeps the whole vote (a hopeful, keep factor 1), so its cost is the number
//!   of distinct prefixes made of elected and defeated candidates, not the number of ballots.
//! - **Ballots with equal ranks** are kept as lists of rank groups and counted one by one, with
//!   the rule's own treatment (see [`Rule`]).
//!
//! Withdrawn candidates are removed from the ballots, and rank groups left empty disappear;
//! ballots that rank no standing candidate are not counted at all (as Droop.py and stv-rs do:
//! they are not in the number of ballots).

use crate::ballots::RankedElection;
use crate::fixed::Fixed;

type F = Fixed<9>;

/// How a ballot's voting power is split at each candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rule {
    /// Droop.py `meek` / stv-rs fixed9: at a candidate with keep factor `k` and incoming
    /// power `w`, the candidate keeps `w·k` and `w·(1−k)` goes on, **both truncated** to 9 dp
    /// (so up to 2·10⁻⁹ per step is lost to rounding). The ballot stops when the power left is
    /// zero. Ballots with equal ranks: the power reaching a rank group is divided equally
    /// (truncated) among its candidates that are not defeated, each splits its share as above
    /// and passes what it does not keep to the next group on its own; a group whose candidates
    /// are all defeated stops the ballot (Droop.py's recursive rule, reproduced by stv-rs).
    Droop,
    /// Droop.py `meek-prf` (PR Foundation reference rule B.2.a): the candidate keeps `w·k`
    /// **rounded up** to 9 dp and the ballot goes on with `w` minus that (no loss); defeated
    /// candidates are skipped; the ballot stops when `w ≤ 0`. Ballots with equal ranks are not
    /// counted by Droop.py's `meek-prf` (the reference rule does not define them): they are set
    /// aside, count in the number of ballots, and are reported as non-transferable.
    Prf,
}

/// One count: each candidate's votes and where the rest of the ballots' value went.
#[derive(Debug, Clone)]
pub(super) struct Tally {
    pub votes: Vec<F>,
    /// Value left on ballots when their preferences ran out (or, under [`Rule::Droop`], at a
    /// rank group of defeated candidates), plus the ballots set aside under [`Rule::Prf`].
    pub exhausted: F,
    /// Value lost to truncation (always zero under [`Rule::Prf`], which rounds keeps up and
    /// subtracts them exactly).
    pub rounding: F,
}

impl Tally {
    pub fn new(n: usize) -> Tally {
        Tally {
            votes: vec![F::ZERO; n],
            exhausted: F::ZERO,
            rounding: F::ZERO,
        }
    }

    fn clear(&mut self) {
        self.votes.iter_mut().for_each(|v| *v = F::ZERO);
        self.exhausted = F::ZERO;
        self.rounding = F::ZERO;
    }
}

/// A tree node: one candidate after a given prefix.
#[derive(Debug, Clone, Copy)]
struct Node {
    /// Weight of all ballots through this node.
    weight: u64,
    /// Weight of the ballots that end at this node.
    end_weight: u64,
    /// Children: `nodes[first..first + len]`; for a tail node: `tails[first..first + len]`.
    first: u32,
    len: u32,
    cand: u16,
    tail: bool,
}

/// A ballot with equal ranks: `groups[first..first + n]` delimit its rank groups.
#[derive(Debug, Clone, Copy)]
struct TiedBallot {
    weight: u64,
    first: u32,
    n: u32,
}

/// The packed ballots of an election.
#[derive(Debug, Clone)]
pub(super) struct Packed {
    rule: Rule,
    ncand: usize,
    /// `nodes[0]` is the root (no candidate); its children are the first preferences.
    nodes: Vec<Node>,
    tails: Vec<u16>,
    tied: Vec<TiedBallot>,
    /// Rank group `g` of the tied ballots is `tied_cands[groups[g]..groups[g + 1]]`.
    groups: Vec<u32>,
    tied_cands: Vec<u16>,
    /// Weight of the ballots counted: every ballot that ranks a standing candidate.
    pub total: u64,
    /// Weight of ballots with equal ranks set aside ([`Rule::Prf`]).
    pub set_aside: u64,
}

/// Strict ballots after removing withdrawn candidates, flat.
struct Flat {
    cands: Vec<u16>,
    starts: Vec<u32>,
    weights: Vec<u64>,
}

impl Flat {
    fn ballot(&self, i: u32) -> &[u16] {
        &self.cands[self.starts[i as usize] as usize..self.starts[i as usize + 1] as usize]
    }
}

impl Packed {
    /// Packs the ballots of `e`. `total` is checked by the caller against the arithmetic's range
    /// (each weight is summed in `u128` here, so nothing overflows before that check).
    pub fn new(e: &RankedElection, rule: Rule) -> Result<Packed, u128> {
        let info = &e.info;
        let ncand = info.candidates.len();
        let withdrawn: Vec<bool> = (0..ncand).map(|c| info.is_withdrawn(c)).collect();
        let mut flat = Flat {
            cands: Vec::new(),
            starts: vec![0],
            weights: Vec::new(),
        };
        let mut tied = Vec::new();
        let mut groups: Vec<u32> = vec![0];
        let mut tied_cands: Vec<u16> = Vec::new();
        let mut total: u128 = 0;
        let mut set_aside: u64 = 0;
        let mut scratch: Vec<Vec<u16>> = Vec::new();
        for b in e.ballots.iter() {
            if b.weight == 0 {
                continue;
            }
            if !b.has_equal_ranks() {
                let before = flat.cands.len();
                flat.cands.extend(
                    b.prefs()
                        .iter()
                        .copied()
                        .filter(|&c| !withdrawn[c as usize]),
                );
                if flat.cands.len() == before {
                    continue;
                }
                total += b.weight as u128;
                flat.starts.push(flat.cands.len() as u32);
                flat.weights.push(b.weight);
                continue;
            }
            scratch.clear();
            for g in b.groups() {
                let kept: Vec<u16> = g
                    .iter()
                    .copied()
                    .filter(|&c| !withdrawn[c as usize])
                    .collect();
                if !kept.is_empty() {
                    scratch.push(kept);
                }
            }
            if scratch.is_empty() {
                continue;
            }
            total += b.weight as u128;
            if scratch.iter().all(|g| g.len() == 1) {
                // Equal ranks only among withdrawn candidates: a strict ballot after all.
                flat.cands.extend(scratch.iter().map(|g| g[0]));
                flat.starts.push(flat.cands.len() as u32);
                flat.weights.push(b.weight);
                continue;
            }
            if rule == Rule::Prf {
                set_aside = set_aside.saturating_add(b.weight);
                continue;
            }
            let first = groups.len() as u32 - 1;
            for g in &scratch {
                tied_cands.extend_from_slice(g);
                groups.push(tied_cands.len() as u32);
            }
            tied.push(TiedBallot {
                weight: b.weight,
                first,
                n: scratch.len() as u32,
            });
        }
        if total > u64::MAX as u128 / 4 {
            return Err(total);
        }
        let (nodes, tails) = build_tree(&flat, ncand);
        Ok(Packed {
            rule,
            ncand,
            nodes,
            tails,
            tied,
            groups,
            tied_cands,
            total: total as u64,
            set_aside,
        })
    }

    /// Counts every ballot under keep factors `kf` (indexed by candidate; withdrawn candidates
    /// never appear on the packed ballots). `stack` is scratch space.
    pub fn count(&self, kf: &[F], tally: &mut Tally, stack: &mut Vec<(u32, F)>) {
        debug_assert_eq!(kf.len(), self.ncand);
        tally.clear();
        let mut acc = Acc {
            votes: &mut tally.votes,
            exhausted: F::ZERO,
            rounding: F::ZERO,
        };
        match self.rule {
            Rule::Droop => self.walk::<true>(kf, &mut acc, stack),
            Rule::Prf => self.walk::<false>(kf, &mut acc, stack),
        }
        if self.rule == Rule::Droop {
            self.count_tied(kf, &mut acc, stack);
        }
        tally.exhausted = acc.exhausted + F::from_int(self.set_aside as i64);
        tally.rounding = acc.rounding;
    }

    /// Depth-first walk of the tree. `DROOP` selects [`Rule::Droop`], else [`Rule::Prf`].
    fn walk<const DROOP: bool>(&self, kf: &[F], acc: &mut Acc<'_>, stack: &mut Vec<(u32, F)>) {
        stack.clear();
        stack.push((0, F::ONE));
        while let Some((n, w)) = stack.pop() {
            let node = self.nodes[n as usize];
            let children = &self.nodes[node.first as usize..(node.first + node.len) as usize];
            for (i, ch) in children.iter().enumerate() {
                let c = ch.cand as usize;
                let k = kf[c];
                if k == F::ONE {
                    // A hopeful keeps everything: `w·1` exactly, nothing goes on.
                    acc.votes[c] += w.mul_int(ch.weight as i64);
                    continue;
                }
                let rest = if k.is_zero() {
                    // Defeated: the whole power goes on (`w·(1−0) = w` exactly; skipped by PRF).
                    w
                } else {
                    let Some(rest) = split::<DROOP>(w, k, c, ch.weight, acc) else {
                        continue;
                    };
                    rest
                };
                if ch.tail {
                    let tail = &self.tails[ch.first as usize..(ch.first + ch.len) as usize];
                    follow_tail::<DROOP>(tail, rest, ch.weight, kf, acc);
                } else {
                    acc.exhausted += rest.mul_int(ch.end_weight as i64);
                    if ch.len > 0 {
                        stack.push((node.first + i as u32, rest));
                    }
                }
            }
        }
    }

    /// Ballots with equal ranks under [`Rule::Droop`], each with an explicit stack of
    /// `(rank group, power)` (the reference's recursion, unrolled).
    fn count_tied(&self, kf: &[F], acc: &mut Acc<'_>, stack: &mut Vec<(u32, F)>) {
        for b in &self.tied {
            let weight = b.weight as i64;
            stack.clear();
            stack.push((0, F::ONE));
            while let Some((g, w)) = stack.pop() {
                if g == b.n {
                    acc.exhausted += w.mul_int(weight);
                    continue;
                }
                let gi = (b.first + g) as usize;
                let group =
                    &self.tied_cands[self.groups[gi] as usize..self.groups[gi + 1] as usize];
                let live = group.iter().filter(|&&c| !kf[c as usize].is_zero()).count() as i64;
                if live == 0 {
                    acc.exhausted += w.mul_int(weight);
                    continue;
                }
                let share = w.div_int_trunc(live);
                acc.rounding += (w - share.mul_int(live)).mul_int(weight);
                for &c in group {
                    let k = kf[c as usize];
                    if k.is_zero() {
                        continue;
                    }
                    let used = share.mul_trunc(k);
                    let rest = share.mul_trunc(F::ONE - k);
                    acc.votes[c as usize] += used.mul_int(weight);
                    acc.rounding += (share - used - rest).mul_int(weight);
                    if !rest.is_zero() {
                        stack.push((g + 1, rest));
                    }
                }
            }
        }
    }
}

/// Accumulators of one count.
struct Acc<'a> {
    votes: &'a mut [F],
    exhausted: F,
    rounding: F,
}

/// Splits power `w` at candidate `c` with keep factor `k` (not 0, not 1) for ballots of total
/// `weight`; returns the power that goes on, or `None` when the ballot stops here.
#[inline(always)]
fn split<const DROOP: bool>(w: F, k: F, c: usize, weight: u64, acc: &mut Acc<'_>) -> Option<F> {
    let weight = weight as i64;
    if DROOP {
        let used = w.mul_trunc(k);
        let rest = w.mul_trunc(F::ONE - k);
        acc.votes[c] += used.mul_int(weight);
        acc.rounding += (w - used - rest).mul_int(weight);
        (!rest.is_zero()).then_some(rest)
    } else {
        let keep = w.mul_ceil(k);
        acc.votes[c] += keep.mul_int(weight);
        let rest = w - keep;
        if rest > F::ZERO {
            Some(rest)
        } else {
            // Only a keep factor above 1 makes `rest` negative; the reference then stops and
            // its residual holds the (negative) remainder.
            acc.exhausted += rest.mul_int(weight);
            None
        }
    }
}

/// The rest of a single ballot line of total `weight`, entered with power `w`.
#[inline]
fn follow_tail<const DROOP: bool>(
    tail: &[u16],
    mut w: F,
    weight: u64,
    kf: &[F],
    acc: &mut Acc<'_>,
) {
    for &c in tail {
        let c = c as usize;
        let k = kf[c];
        if k == F::ONE {
            acc.votes[c] += w.mul_int(weight as i64);
            return;
        }
        if k.is_zero() {
            continue;
        }
        match split::<DROOP>(w, k, c, weight, acc) {
            Some(rest) => w = rest,
            None => return,
        }
    }
    acc.exhausted += w.mul_int(weight as i64);
}

/// Builds the prefix tree of the strict ballots, level by level (a most-significant-digit
/// radix partition of the ballot indices: no recursion, two index buffers).
fn build_tree(flat: &Flat, ncand: usize) -> (Vec<Node>, Vec<u16>) {
    let nballots = flat.weights.len();
    let mut nodes = vec![Node {
        weight: flat.weights.iter().sum(),
        end_weight: 0,
        first: 0,
        len: 0,
        cand: 0,
        tail: false,
    }];
    let mut tails: Vec<u16> = Vec::new();
    let mut cur: Vec<u32> = (0..nballots as u32).collect();
    let mut next: Vec<u32> = vec![0; nballots];
    // Work of the current level: (node, range of `cur`).
    let mut level: Vec<(u32, u32, u32)> = vec![(0, 0, nballots as u32)];
    let mut next_level: Vec<(u32, u32, u32)> = Vec::new();
    let mut counts = vec![0u32; ncand];
    let mut weights = vec![0u64; ncand];
    let mut pos = vec![0u32; ncand];
    let mut offsets: Vec<(u16, u32)> = Vec::new();
    let mut touched: Vec<u16> = Vec::new();
    let mut depth = 0usize;
    while !level.is_empty() {
        next_level.clear();
        let mut out = 0u32;
        for &(n, lo, hi) in &level {
            touched.clear();
            let mut end_weight = 0u64;
            for &b in &cur[lo as usize..hi as usize] {
                let ballot = flat.ballot(b);
                if ballot.len() == depth {
                    end_weight += flat.weights[b as usize];
                    continue;
                }
                let c = ballot[depth];
                if counts[c as usize] == 0 {
                    touched.push(c);
                }
                counts[c as usize] += 1;
                weights[c as usize] += flat.weights[b as usize];
            }
            touched.sort_unstable();
            let first = nodes.len() as u32;
            nodes[n as usize].end_weight = end_weight;
            nodes[n as usize].first = first;
            nodes[n as usize].len = touched.len() as u32;
            // Positions in `next` for each child's ballots.
            offsets.clear();
            for &c in &touched {
                let count = counts[c as usize];
                nodes.push(Node {
                    weight: weights[c as usize],
                    end_weight: 0,
                    first: 0,
                    len: 0,
                    cand: c,
                    tail: false,
                });
                offsets.push((c, out));
                out += count;
            }
            // Scatter the ballots to their children (stable: ballot order within a child kept).
            for &(c, o) in &offsets {
                pos[c as usize] = o;
            }
            for &b in &cur[lo as usize..hi as usize] {
                let ballot = flat.ballot(b);
                if ballot.len() == depth {
                    continue;
                }
                let c = ballot[depth] as usize;
                next[pos[c] as usize] = b;
                pos[c] += 1;
            }
            for (k, &(c, o)) in offsets.iter().enumerate() {
                let count = counts[c as usize];
                let child = first + k as u32;
                if count == 1 {
                    // One ballot line left: keep its remaining preferences flat.
                    let b = next[o as usize];
                    let rest = &flat.ballot(b)[depth + 1..];
                    let node = &mut nodes[child as usize];
                    node.tail = true;
                    node.first = tails.len() as u32;
                    node.len = rest.len() as u32;
                    tails.extend_from_slice(rest);
                } else {
                    next_level.push((child, o, o + count));
                }
                counts[c as usize] = 0;
                weights[c as usize] = 0;
            }
        }
        std::mem::swap(&mut cur, &mut next);
        std::mem::swap(&mut level, &mut next_level);
        depth += 1;
    }
    (nodes, tails)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(raw: i64) -> F {
        F::from_raw(raw)
    }

    /// Candidates a=0, b=1, c=2, d=3.
    fn election(text: &str) -> RankedElection {
        crate::blt::parse(text).expect("valid BLT")
    }

    #[test]
    fn droop_rule_by_hand() {
        // Keep factors: a 0.5, b 0.333333333, c 1 (hopeful), d 0 (defeated).
        // 2 × "a b c": a keeps 0.5, passes 0.5; b keeps trunc(0.5 × 0.333333333 = 0.1666666665)
        //   = 0.166666666 and passes trunc(0.5 × 0.666666667 = 0.3333333335) = 0.333333333,
        //   losing 0.000000001; c keeps 0.333333333. × 2: a 1, b 0.333333332,
        //   c 0.666666666, rounding 0.000000002.
        // 1 × "d a": d passes everything; a keeps 0.5; the ballot ends: 0.5 exhausted.
        // 3 × "a=b c": the group shares 1 / 2 = 0.5 each; a keeps 0.25 and passes 0.25 to c;
        //   b keeps trunc(0.5 × 0.333333333) = 0.166666666, passes trunc(0.5 × 0.666666667)
        //   = 0.333333333 to c (loss 0.000000001); c keeps both. × 3: a 0.75, b 0.499999998,
        //   c 0.75 + 0.999999999 = 1.749999999, rounding 0.000000003.
        // 1 × "d b=c" (a ballot with equal ranks): its group [d] is all defeated, so Droop's
        //   rule stops the ballot there: 1 exhausted.
        let e = election(
            "4 2\n2 1 2 3 0\n1 4 1 0\n3 1=2 3 0\n1 4 2=3 0\n0\n\"a\"\n\"b\"\n\"c\"\n\"d\"\n\"t\"\n",
        );
        let p = Packed::new(&e, Rule::Droop).expect("small");
        let kf = [f(500_000_000), f(333_333_333), F::ONE, F::ZERO];
        let mut t = Tally::new(4);
        p.count(&kf, &mut t, &mut Vec::new());
        assert_eq!(t.votes[0], f(1_000_000_000 + 500_000_000 + 750_000_000));
        assert_eq!(t.votes[1], f(333_333_332 + 499_999_998));
        assert_eq!(t.votes[2], f(666_666_666 + 1_749_999_999));
        assert_eq!(t.votes[3], F::ZERO);
        assert_eq!(t.exhausted, f(500_000_000 + 1_000_000_000));
        assert_eq!(t.rounding, f(2 + 3));
        let sum: F = t.votes.iter().copied().sum::<F>() + t.exhausted + t.rounding;
        assert_eq!(sum, F::from_int(7));
    }

    #[test]
    fn prf_rule_by_hand() {
        // Same keep factors. 2 × "a b c": a keeps ⌈0.5⌉ = 0.5, w = 0.5; b keeps
        //   ⌈0.5 × 0.333333333⌉ = 0.166666667, w = 0.333333333; c keeps it all.
        //   × 2: a 1, b 0.333333334, c 0.666666666, no loss.
        // 1 × "d a": d skipped; a keeps 0.5; 0.5 left at the end (non-transferable).
        // 3 × "a=b c" and 1 × "d b=c": equal ranks, set aside (4 non-transferable).
        let e = election(
            "4 2\n2 1 2 3 0\n1 4 1 0\n3 1=2 3 0\n1 4 2=3 0\n0\n\"a\"\n\"b\"\n\"c\"\n\"d\"\n\"t\"\n",
        );
        let p = Packed::new(&e, Rule::Prf).expect("small");
        assert_eq!(p.set_aside, 4);
        let kf = [f(500_000_000), f(333_333_333), F::ONE, F::ZERO];
        let mut t = Tally::new(4);
        p.count(&kf, &mut t, &mut Vec::new());
        assert_eq!(t.votes[0], f(1_500_000_000));
        assert_eq!(t.votes[1], f(333_333_334));
        assert_eq!(t.votes[2], f(666_666_666));
        assert_eq!(t.exhausted, f(500_000_000 + 4_000_000_000));
        assert_eq!(t.rounding, F::ZERO);
    }

    #[test]
    fn withdrawn_and_empty_ballots_are_left_out() {
        // b withdrawn: "b" alone is not counted at all; "b a" counts for a.
        let e = election("3 1\n-2\n5 2 0\n2 2 1 0\n1 3 0\n0\n\"a\"\n\"b\"\n\"c\"\n\"t\"\n");
        let p = Packed::new(&e, Rule::Droop).expect("small");
        assert_eq!(p.total, 3);
        let mut t = Tally::new(3);
        p.count(&[F::ONE, F::ZERO, F::ONE], &mut t, &mut Vec::new());
        assert_eq!(t.votes, vec![F::from_int(2), F::ZERO, F::from_int(1)]);
    }
}
