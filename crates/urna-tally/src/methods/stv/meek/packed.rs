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
//! - **Ballots with equal ranks** (counted under [`Rule::Droop`] only) go into a second tree
//!   whose nodes are rank groups (each distinct group interned as one key), walked with the
//!   rule's own treatment of equal ranks (see [`Rule`]): the power reaching a group depends on
//!   the groups before it alone, so the same argument holds.
//!
//! Withdrawn candidates are removed from the ballots, and rank groups left empty disappear;
//! ballots that rank no standing candidate are not counted at all (as Droop.py and stv-rs do:
//! they are not in the number of ballots).

use std::collections::BTreeMap;

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

/// A tree node: one key (a candidate, or a rank group) after a given prefix.
#[derive(Debug, Clone, Copy)]
struct Node {
    /// Weight of all ballots through this node.
    weight: u64,
    /// Weight of the ballots that end at this node.
    end_weight: u64,
    /// Children: `nodes[first..first + len]`; for a tail node: `tails[first..first + len]`.
    first: u32,
    len: u32,
    key: u32,
    tail: bool,
}

/// A key of a tree: a candidate (`u16`) or a rank group (`u32`).
trait Key: Copy + Ord {
    fn index(self) -> usize;
}

impl Key for u16 {
    fn index(self) -> usize {
        self as usize
    }
}

impl Key for u32 {
    fn index(self) -> usize {
        self as usize
    }
}

/// Ballots as flat key sequences.
struct Flat<K> {
    keys: Vec<K>,
    starts: Vec<u32>,
    weights: Vec<u64>,
}

impl<K: Key> Flat<K> {
    fn new() -> Self {
        Flat {
            keys: Vec::new(),
            starts: vec![0],
            weights: Vec::new(),
        }
    }

    fn close(&mut self, weight: u64) {
        self.starts.push(self.keys.len() as u32);
        self.weights.push(weight);
    }

    fn ballot(&self, i: u32) -> &[K] {
        &self.keys[self.starts[i as usize] as usize..self.starts[i as usize + 1] as usize]
    }
}

/// A prefix tree; `nodes[0]` is the root (no key), its children the first preferences.
#[derive(Debug, Clone)]
struct Tree<K> {
    nodes: Vec<Node>,
    tails: Vec<K>,
}

impl<K: Key> Tree<K> {
    fn children(&self, n: u32) -> &[Node] {
        let node = &self.nodes[n as usize];
        &self.nodes[node.first as usize..(node.first + node.len) as usize]
    }

    fn tail(&self, node: &Node) -> &[K] {
        &self.tails[node.first as usize..(node.first + node.len) as usize]
    }
}

/// The packed ballots of an election.
#[derive(Debug, Clone)]
pub(super) struct Packed {
    rule: Rule,
    ncand: usize,
    strict: Tree<u16>,
    /// Ballots with equal ranks ([`Rule::Droop`]); keys are rank groups.
    tied: Tree<u32>,
    /// Rank group `g < ncand` is the single candidate `g`; group `ncand + i` is
    /// `group_cands[group_bounds[i]..group_bounds[i + 1]]`.
    singles: Vec<u16>,
    group_bounds: Vec<u32>,
    group_cands: Vec<u16>,
    /// Weight of the ballots counted: every ballot that ranks a standing candidate.
    pub total: u64,
    /// Weight of ballots with equal ranks set aside ([`Rule::Prf`]).
    pub set_aside: u64,
}

impl Packed {
    /// Packs the ballots of `e`, or returns their total weight when it is beyond any count
    /// (each weight is summed in `u128` here, so nothing overflows before the caller's check).
    pub fn new(e: &RankedElection, rule: Rule) -> Result<Packed, u128> {
        let info = &e.info;
        let ncand = info.candidates.len();
        let withdrawn: Vec<bool> = (0..ncand).map(|c| info.is_withdrawn(c)).collect();
        let mut strict: Flat<u16> = Flat::new();
        let mut tied: Flat<u32> = Flat::new();
        let mut interned: BTreeMap<Vec<u16>, u32> = BTreeMap::new();
        let mut group_bounds: Vec<u32> = vec![0];
        let mut group_cands: Vec<u16> = Vec::new();
        let mut total: u128 = 0;
        let mut set_aside: u64 = 0;
        let mut groups: Vec<Vec<u16>> = Vec::new();
        for b in e.ballots.iter() {
            if b.weight == 0 {
                continue;
            }
            if !b.has_equal_ranks() {
                let before = strict.keys.len();
                strict.keys.extend(
                    b.prefs()
                        .iter()
                        .copied()
                        .filter(|&c| !withdrawn[c as usize]),
                );
                if strict.keys.len() > before {
                    total += b.weight as u128;
                    strict.close(b.weight);
                }
                continue;
            }
            groups.clear();
            for g in b.groups() {
                let mut kept: Vec<u16> = g
                    .iter()
                    .copied()
                    .filter(|&c| !withdrawn[c as usize])
                    .collect();
                if !kept.is_empty() {
                    kept.sort_unstable();
                    groups.push(kept);
                }
            }
            if groups.is_empty() {
                continue;
            }
            total += b.weight as u128;
            if groups.iter().all(|g| g.len() == 1) {
                // Equal ranks only among withdrawn candidates: a strict ballot after all.
                strict.keys.extend(groups.iter().map(|g| g[0]));
                strict.close(b.weight);
                continue;
            }
            if rule == Rule::Prf {
                set_aside = set_aside.saturating_add(b.weight);
                continue;
            }
            for g in &groups {
                let key = if g.len() == 1 {
                    g[0] as u32
                } else if let Some(&k) = interned.get(g) {
                    k
                } else {
                    let k = (ncand + group_bounds.len() - 1) as u32;
                    group_cands.extend_from_slice(g);
                    group_bounds.push(group_cands.len() as u32);
                    interned.insert(g.clone(), k);
                    k
                };
                tied.keys.push(key);
            }
            tied.close(b.weight);
        }
        if total > u64::MAX as u128 / 4 {
            return Err(total);
        }
        let nkeys = ncand + group_bounds.len() - 1;
        Ok(Packed {
            rule,
            ncand,
            strict: build_tree(&strict, ncand),
            tied: build_tree(&tied, nkeys),
            singles: (0..ncand).map(|c| c as u16).collect(),
            group_bounds,
            group_cands,
            total: total as u64,
            set_aside,
        })
    }

    fn group(&self, g: u32) -> &[u16] {
        let g = g as usize;
        if g < self.ncand {
            &self.singles[g..g + 1]
        } else {
            let i = g - self.ncand;
            &self.group_cands[self.group_bounds[i] as usize..self.group_bounds[i + 1] as usize]
        }
    }

    /// Counts every ballot under keep factors `kf` (indexed by candidate; withdrawn candidates
    /// never appear on the packed ballots).
    pub fn count(&self, kf: &[F], tally: &mut Tally, scratch: &mut Scratch) {
        debug_assert_eq!(kf.len(), self.ncand);
        tally.clear();
        let mut acc = Acc {
            votes: &mut tally.votes,
            exhausted: F::ZERO,
            rounding: F::ZERO,
        };
        match self.rule {
            Rule::Droop => {
                self.walk_strict::<true>(kf, &mut acc, &mut scratch.stack);
                self.walk_tied(kf, &mut acc, scratch);
            }
            Rule::Prf => self.walk_strict::<false>(kf, &mut acc, &mut scratch.stack),
        }
        tally.exhausted = acc.exhausted + F::from_int(self.set_aside as i64);
        tally.rounding = acc.rounding;
    }

    /// Depth-first walk of the strict tree. `DROOP` selects [`Rule::Droop`], else [`Rule::Prf`].
    fn walk_strict<const DROOP: bool>(
        &self,
        kf: &[F],
        acc: &mut Acc<'_>,
        stack: &mut Vec<(u32, F)>,
    ) {
        let tree = &self.strict;
        stack.clear();
        stack.push((0, F::ONE));
        while let Some((n, w)) = stack.pop() {
            let first = tree.nodes[n as usize].first;
            for (i, ch) in tree.children(n).iter().enumerate() {
                let c = ch.key as usize;
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
                    follow_tail::<DROOP>(tree.tail(ch), rest, ch.weight, kf, acc);
                } else {
                    acc.exhausted += rest.mul_int(ch.end_weight as i64);
                    if ch.len > 0 {
                        stack.push((first + i as u32, rest));
                    }
                }
            }
        }
    }

    /// Splits power `w` reaching rank group `g` on ballots of total `weight` under
    /// [`Rule::Droop`]; calls `on_rest` with each candidate's power that goes on.
    #[inline]
    fn split_group(
        &self,
        g: u32,
        w: F,
        weight: u64,
        kf: &[F],
        acc: &mut Acc<'_>,
        mut on_rest: impl FnMut(&mut Acc<'_>, F),
    ) {
        let weight = weight as i64;
        let group = self.group(g);
        let live = group.iter().filter(|&&c| !kf[c as usize].is_zero()).count() as i64;
        if live == 0 {
            // A group of defeated candidates stops the ballot (Droop.py's rule).
            acc.exhausted += w.mul_int(weight);
            return;
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
                on_rest(acc, rest);
            }
        }
    }

    /// Depth-first walk of the tree of ballots with equal ranks ([`Rule::Droop`]).
    fn walk_tied(&self, kf: &[F], acc: &mut Acc<'_>, scratch: &mut Scratch) {
        let tree = &self.tied;
        let Scratch { stack, tail_stack } = scratch;
        stack.clear();
        stack.push((0, F::ONE));
        while let Some((n, w)) = stack.pop() {
            let first = tree.nodes[n as usize].first;
            for (i, ch) in tree.children(n).iter().enumerate() {
                let idx = first + i as u32;
                self.split_group(ch.key, w, ch.weight, kf, acc, |acc, rest| {
                    if ch.tail {
                        self.follow_tied_tail(tree.tail(ch), rest, ch.weight, kf, acc, tail_stack);
                    } else {
                        acc.exhausted += rest.mul_int(ch.end_weight as i64);
                        if ch.len > 0 {
                            stack.push((idx, rest));
                        }
                    }
                });
            }
        }
    }

    /// The rest of one ballot line with equal ranks, entered with power `w`.
    fn follow_tied_tail(
        &self,
        tail: &[u32],
        w: F,
        weight: u64,
        kf: &[F],
        acc: &mut Acc<'_>,
        stack: &mut Vec<(u32, F)>,
    ) {
        stack.clear();
        stack.push((0, w));
        while let Some((i, w)) = stack.pop() {
            let Some(&g) = tail.get(i as usize) else {
                acc.exhausted += w.mul_int(weight as i64);
                continue;
            };
            self.split_group(g, w, weight, kf, acc, |_, rest| stack.push((i + 1, rest)));
        }
    }
}

/// Scratch space of the walks, kept between counts.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    stack: Vec<(u32, F)>,
    tail_stack: Vec<(u32, F)>,
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

/// The rest of a single strict ballot line of total `weight`, entered with power `w`.
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

/// Builds the prefix tree of `flat` (keys below `nkeys`), level by level: a
/// most-significant-digit radix partition of the ballot indices, with no recursion and two
/// index buffers.
fn build_tree<K: Key>(flat: &Flat<K>, nkeys: usize) -> Tree<K> {
    let nballots = flat.weights.len();
    let mut nodes = vec![Node {
        weight: flat.weights.iter().sum(),
        end_weight: 0,
        first: 0,
        len: 0,
        key: 0,
        tail: false,
    }];
    let mut tails: Vec<K> = Vec::new();
    let mut cur: Vec<u32> = (0..nballots as u32).collect();
    let mut next: Vec<u32> = vec![0; nballots];
    // Work of the current level: (node, range of `cur`).
    let mut level: Vec<(u32, u32, u32)> = vec![(0, 0, nballots as u32)];
    let mut next_level: Vec<(u32, u32, u32)> = Vec::new();
    let mut counts = vec![0u32; nkeys];
    let mut weights = vec![0u64; nkeys];
    let mut pos = vec![0u32; nkeys];
    let mut touched: Vec<K> = Vec::new();
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
                let k = ballot[depth];
                if counts[k.index()] == 0 {
                    touched.push(k);
                }
                counts[k.index()] += 1;
                weights[k.index()] += flat.weights[b as usize];
            }
            touched.sort_unstable();
            let first = nodes.len() as u32;
            nodes[n as usize].end_weight = end_weight;
            nodes[n as usize].first = first;
            nodes[n as usize].len = touched.len() as u32;
            for &k in &touched {
                nodes.push(Node {
                    weight: weights[k.index()],
                    end_weight: 0,
                    first: 0,
                    len: 0,
                    key: k.index() as u32,
                    tail: false,
                });
                pos[k.index()] = out;
                out += counts[k.index()];
            }
            // Scatter the ballots to their children (stable: ballot order within a child kept).
            for &b in &cur[lo as usize..hi as usize] {
                let ballot = flat.ballot(b);
                if ballot.len() == depth {
                    continue;
                }
                let k = ballot[depth].index();
                next[pos[k] as usize] = b;
                pos[k] += 1;
            }
            for (j, &k) in touched.iter().enumerate() {
                let count = counts[k.index()];
                let end = pos[k.index()];
                let start = end - count;
                let child = first + j as u32;
                if count == 1 {
                    // One ballot line left: keep its remaining preferences flat.
                    let b = next[start as usize];
                    let rest = &flat.ballot(b)[depth + 1..];
                    let node = &mut nodes[child as usize];
                    node.tail = true;
                    node.first = tails.len() as u32;
                    node.len = rest.len() as u32;
                    tails.extend_from_slice(rest);
                } else {
                    next_level.push((child, start, end));
                }
                counts[k.index()] = 0;
                weights[k.index()] = 0;
            }
        }
        std::mem::swap(&mut cur, &mut next);
        std::mem::swap(&mut level, &mut next_level);
        depth += 1;
    }
    Tree { nodes, tails }
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
        p.count(&kf, &mut t, &mut Scratch::default());
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
        p.count(&kf, &mut t, &mut Scratch::default());
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
        p.count(&[F::ONE, F::ZERO, F::ONE], &mut t, &mut Scratch::default());
        assert_eq!(t.votes, vec![F::from_int(2), F::ZERO, F::from_int(1)]);
    }
}
