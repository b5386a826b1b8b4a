//! RFC 6962 Merkle trees over the record's events (docs/record-format.md §6): leaf and node
//! hashes, the tree hash `MTH` of any prefix, and verification of inclusion and consistency
//! proofs with the algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2.

use sha2::{Digest as _, Sha256};

pub type Hash = [u8; 32];

/// `SHA-256(0x00 ‖ data)`.
pub fn leaf_hash(data: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(data);
    h.finalize().into()
}

/// `SHA-256(0x01 ‖ left ‖ right)`.
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([1u8]);
    h.update(left);
    h.update(right);
    h.finalize().into()
}

/// The tree hash of a growing list of leaves, kept as the roots of its perfect subtrees
/// (sizes the binary digits of the leaf count, largest first), so that the root of every
/// prefix costs O(log n) while the leaves stream past.
#[derive(Debug, Clone, Default)]
pub struct Frontier {
    /// `(subtree root, subtree size)`, sizes strictly decreasing powers of two.
    subtrees: Vec<(Hash, u64)>,
    size: u64,
}

impl Frontier {
    pub fn push(&mut self, leaf: Hash) {
        let mut node = (leaf, 1u64);
        while let Some(&(left, size)) = self.subtrees.last() {
            if size != node.1 {
                break;
            }
            self.subtrees.pop();
            node = (node_hash(&left, &node.0), size * 2);
        }
        self.subtrees.push(node);
        self.size += 1;
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    /// `MTH` of the leaves pushed so far. RFC 6962 splits at the largest power of two below
    /// the size, which makes the root the right-to-left fold of the perfect subtrees.
    pub fn root(&self) -> Hash {
        let mut iter = self.subtrees.iter().rev();
        match iter.next() {
            None => Sha256::digest([]).into(),
            Some(&(last, _)) => iter.fold(last, |acc, (left, _)| node_hash(left, &acc)),
        }
    }
}

/// `MTH` of a list of leaf hashes.
pub fn root(leaves: &[Hash]) -> Hash {
    let mut f = Frontier::default();
    for leaf in leaves {
        f.push(*leaf);
    }
    f.root()
}

/// RFC 9162 §2.1.3.2: does `path` prove leaf `index` (hash `leaf`) in the tree of `size`
/// leaves with root `root`?
pub fn verify_inclusion(index: u64, size: u64, leaf: &Hash, path: &[Hash], root: &Hash) -> bool {
    if index >= size {
        return false;
    }
    let (mut fn_, mut sn) = (index, size - 1);
    let mut r = *leaf;
    for p in path {
        if sn == 0 {
            return false;
        }
        if fn_ & 1 == 1 || fn_ == sn {
            r = node_hash(p, &r);
            if fn_ & 1 == 0 {
                while fn_ & 1 == 0 && fn_ != 0 {
                    fn_ >>= 1;
                    sn >>= 1;
                }
            }
        } else {
            r = node_hash(&r, p);
        }
        fn_ >>= 1;
        sn >>= 1;
    }
    sn == 0 && r == *root
}

/// RFC 9162 §2.1.4.2: does `path` prove that the tree of `first` leaves (root `first_root`)
/// is a prefix of the tree of `second` leaves (root `second_root`)?
pub fn verify_consistency(
    first: u64,
    second: u64,
    first_root: &Hash,
    second_root: &Hash,
    path: &[Hash],
) -> bool {
    if first > second || first == 0 {
        return false;
    }
    if first == second {
        return path.is_empty() && first_root == second_root;
    }
    let mut nodes: Vec<Hash> = Vec::with_capacity(path.len() + 1);
    if first.is_power_of_two() {
        nodes.push(*first_root);
    }
    nodes.extend_from_slice(path);
    let Some((&start, rest)) = nodes.split_first() else {
        return false;
    };
    let (mut fn_, mut sn) = (first - 1, second - 1);
    while fn_ & 1 == 1 {
        fn_ >>= 1;
        sn >>= 1;
    }
    let (mut fr, mut sr) = (start, start);
    for c in rest {
        if sn == 0 {
            return false;
        }
        if fn_ & 1 == 1 || fn_ == sn {
            fr = node_hash(c, &fr);
            sr = node_hash(c, &sr);
            if fn_ & 1 == 0 {
                while fn_ & 1 == 0 && fn_ != 0 {
                    fn_ >>= 1;
                    sn >>= 1;
                }
            }
        } else {
            sr = node_hash(&sr, c);
        }
        fn_ >>= 1;
        sn >>= 1;
    }
    fr == *first_root && sr == *second_root && sn == 0
}

#[cfg(test)]
mod tests {
    //! Certificate Transparency's reference vectors (the eight leaves, roots of every prefix,
    //! inclusion and consistency proofs of transparency-dev/merkle `testonly/reference_test.go`,
    //! originally Google's `merkle_test`).
    use super::*;
    use crate::encoding::hex;

    const DATA: [&str; 8] = [
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    ];
    const ROOTS: [&str; 9] = [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    fn h(text: &str) -> Hash {
        hex(text, 32).unwrap().try_into().unwrap()
    }

    fn leaves() -> Vec<Hash> {
        DATA.iter()
            .map(|d| leaf_hash(&hex(d, d.len() / 2).unwrap()))
            .collect()
    }

    #[test]
    fn roots_of_every_prefix_match_the_reference() {
        let leaves = leaves();
        for n in 0..=8 {
            assert_eq!(root(&leaves[..n]), h(ROOTS[n]), "size {n}");
        }
    }

    #[test]
    fn reference_inclusion_proofs_verify_and_changes_fail() {
        let leaves = leaves();
        let cases: [(u64, u64, &[&str]); 5] = [
            (0, 1, &[]),
            (
                0,
                2,
                &["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"],
            ),
            (
                2,
                3,
                &["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"],
            ),
            (
                1,
                5,
                &[
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                ],
            ),
            (
                5,
                8,
                &[
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                ],
            ),
        ];
        for (index, size, path) in cases {
            let path: Vec<Hash> = path.iter().map(|p| h(p)).collect();
            let root = h(ROOTS[size as usize]);
            let leaf = leaves[index as usize];
            assert!(
                verify_inclusion(index, size, &leaf, &path, &root),
                "{index}/{size}"
            );
            assert!(!verify_inclusion(index + 1, size, &leaf, &path, &root));
            // Another tree's root, another leaf.
            assert!(!verify_inclusion(
                index,
                size,
                &leaf,
                &path,
                &h(ROOTS[size as usize - 1])
            ));
            assert!(!verify_inclusion(index, size, &leaves[7], &path, &root));
            if let Some((_, shorter)) = path.split_last() {
                assert!(!verify_inclusion(index, size, &leaf, shorter, &root));
            }
            let mut longer = path.clone();
            longer.push(leaf);
            assert!(!verify_inclusion(index, size, &leaf, &longer, &root));
        }
    }

    #[test]
    fn reference_consistency_proofs_verify_and_changes_fail() {
        let cases: [(u64, u64, &[&str]); 5] = [
            (1, 1, &[]),
            (
                1,
                8,
                &[
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
                ],
            ),
            (
                2,
                5,
                &[
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                ],
            ),
            (
                6,
                8,
                &[
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                ],
            ),
            (
                2,
                8,
                &[
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
                ],
            ),
        ];
        for (first, second, path) in cases {
            let path: Vec<Hash> = path.iter().map(|p| h(p)).collect();
            let (r1, r2) = (h(ROOTS[first as usize]), h(ROOTS[second as usize]));
            assert!(
                verify_consistency(first, second, &r1, &r2, &path),
                "{first}→{second}"
            );
            if first != second {
                assert!(!verify_consistency(first, second, &r2, &r1, &path));
                assert!(!verify_consistency(
                    first,
                    second,
                    &r1,
                    &h(ROOTS[second as usize - 1]),
                    &path
                ));
                let (_, shorter) = path.split_last().unwrap();
                assert!(!verify_consistency(first, second, &r1, &r2, shorter));
                let mut flipped = path.clone();
                flipped[0][0] ^= 1;
                assert!(!verify_consistency(first, second, &r1, &r2, &flipped));
            }
        }
    }

    #[test]
    fn hand_computed_three_leaf_tree() {
        // RFC 6962 §2.1: MTH(a, b, c) = node(node(a, b), c), the split at k = 2.
        let (a, b, c) = (leaf_hash(b"a"), leaf_hash(b"b"), leaf_hash(b"c"));
        assert_eq!(root(&[a, b, c]), node_hash(&node_hash(&a, &b), &c));
        // Inclusion of c: the path is [node(a, b)].
        assert!(verify_inclusion(
            2,
            3,
            &c,
            &[node_hash(&a, &b)],
            &root(&[a, b, c])
        ));
    }
}
