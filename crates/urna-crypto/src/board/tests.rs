//! Merkle log against the RFC 6962 reference values published with Certificate Transparency
//! (the eight leaves `""`, `00`, `10`, `2021`, `3031`, `40414243`, `5051…57`, `6061…6f` and
//! their roots, audit paths and consistency proofs), then round trips on every shape of tree.

use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

use super::*;
use crate::encoding::from_hex;

const CT_LEAVES: [&str; 8] = [
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
];

/// Roots of the first n leaves, n = 0..=8.
const CT_ROOTS: [&str; 9] = [
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

fn d(hex: &str) -> Digest {
    let bytes = from_hex(hex).expect("test hex");
    Digest(bytes.try_into().expect("32 bytes"))
}

fn ct_leaves() -> Vec<Digest> {
    CT_LEAVES
        .iter()
        .map(|h| leaf_hash(&from_hex(h).expect("test hex")))
        .collect()
}

#[test]
fn roots_match_the_rfc_6962_reference() {
    let leaves = ct_leaves();
    for (n, expected) in CT_ROOTS.iter().enumerate() {
        assert_eq!(root(&leaves[..n]), d(expected), "root of {n} leaves");
    }
}

#[test]
fn audit_paths_match_the_reference() {
    let leaves = ct_leaves();
    // (0-based leaf, tree size, path)
    let cases: [(usize, usize, &[&str]); 3] = [
        (0, 1, &[]),
        (
            0,
            8,
            &[
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
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
        let expected: Vec<Digest> = path.iter().map(|h| d(h)).collect();
        let proof = inclusion_proof(&leaves[..size], index).expect("in range");
        assert_eq!(proof, expected, "path of leaf {index} in {size}");
        assert!(verify_inclusion(
            &leaves[index],
            index as u64,
            size as u64,
            &proof,
            &d(CT_ROOTS[size])
        ));
    }
}

#[test]
fn consistency_proofs_match_the_reference() {
    let leaves = ct_leaves();
    let cases: [(usize, usize, &[&str]); 4] = [
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
            5,
            &[
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ],
        ),
    ];
    for (old, new, path) in cases {
        let expected: Vec<Digest> = path.iter().map(|h| d(h)).collect();
        let proof = consistency_proof(&leaves[..new], old).expect("in range");
        assert_eq!(proof, expected, "consistency {old} -> {new}");
        assert!(verify_consistency(
            old as u64,
            new as u64,
            &d(CT_ROOTS[old]),
            &d(CT_ROOTS[new]),
            &proof
        ));
    }
}

fn leaves(n: usize) -> Vec<Digest> {
    (0..n)
        .map(|i| leaf_hash(format!("event {i}").as_bytes()))
        .collect()
}

fn flip(proof: &[Digest], at: usize) -> Vec<Digest> {
    let mut p = proof.to_vec();
    p[at].0[0] ^= 1;
    p
}

#[test]
fn every_inclusion_proof_verifies_and_no_altered_one_does() {
    for size in 1..=40 {
        let all = leaves(size);
        let r = root(&all);
        for index in 0..size {
            let proof = inclusion_proof(&all, index).expect("in range");
            let (i, n) = (index as u64, size as u64);
            assert!(
                verify_inclusion(&all[index], i, n, &proof, &r),
                "{index} in {size}"
            );
            for at in 0..proof.len() {
                assert!(!verify_inclusion(&all[index], i, n, &flip(&proof, at), &r));
            }
            let other = leaf_hash(b"not in the log");
            assert!(!verify_inclusion(&other, i, n, &proof, &r));
            assert!(!verify_inclusion(&all[index], i + 1, n, &proof, &r) || size == 1);
            // (The size itself is authenticated by the signed tree head, not by the path.)
        }
    }
    assert!(inclusion_proof(&leaves(3), 3).is_err());
}

#[test]
fn every_consistency_proof_verifies_and_no_altered_one_does() {
    for new in 1..=40 {
        let all = leaves(new);
        let new_root = root(&all);
        for old in 1..=new {
            let old_root = root(&all[..old]);
            let proof = consistency_proof(&all, old).expect("in range");
            let (m, n) = (old as u64, new as u64);
            assert!(
                verify_consistency(m, n, &old_root, &new_root, &proof),
                "{old} -> {new}"
            );
            for at in 0..proof.len() {
                assert!(!verify_consistency(
                    m,
                    n,
                    &old_root,
                    &new_root,
                    &flip(&proof, at)
                ));
            }
            if old < new {
                // A log that rewrote its past: same sizes, another old tree.
                let forged = root(&leaves(old + 1)[1..]);
                assert!(!verify_consistency(m, n, &forged, &new_root, &proof));
                assert!(!verify_consistency(m, n, &old_root, &new_root, &[]));
            }
        }
    }
    assert!(consistency_proof(&leaves(3), 0).is_err());
    assert!(consistency_proof(&leaves(3), 4).is_err());
}

fn rng() -> ChaCha20Rng {
    ChaCha20Rng::seed_from_u64(7)
}

fn election() -> ElectionId {
    ElectionId::parse("board-test").expect("valid id")
}

#[test]
fn the_record_chains_its_lines_and_signs_tree_heads() {
    let key = BoardKey::derive(&[9; 32], &election());
    let digest = Digest([3; 32]);
    let mut w = RecordWriter::new();
    let first = w
        .append(EventType::Strike, &serde_json::json!({"credential": "00"}))
        .expect("append");
    assert_eq!(first.height, 0);
    assert_eq!(
        first.line,
        format!(
            r#"{{"height":0,"parent":"{}","type":"strike","body":{{"credential":"00"}}}}"#,
            "0".repeat(64)
        )
    );
    let second = w
        .append(
            EventType::Unstrike,
            &serde_json::json!({"credential": "00"}),
        )
        .expect("append");
    assert!(
        second
            .line
            .contains(&format!(r#""parent":"{}""#, first.hash))
    );
    let head_line = w.append_tree_head(&key, &digest, &mut rng()).expect("head");
    assert_eq!(head_line.height, 2);
    let value: serde_json::Value = serde_json::from_str(&head_line.line).expect("json");
    let head: TreeHead = serde_json::from_value(value["body"].clone()).expect("tree head");
    assert_eq!(head.size, 2);
    assert_eq!(head.root, root(&[first.hash, second.hash]));
    head.verify(key.public(), &digest)
        .expect("signed by the board key");
    // Another election's digest, another key, another size: refused.
    assert!(head.verify(key.public(), &Digest([4; 32])).is_err());
    let other = BoardKey::derive(&[9; 32], &ElectionId::parse("other").expect("id"));
    assert!(head.verify(other.public(), &digest).is_err());
    let mut bigger = head;
    bigger.size = 3;
    assert!(bigger.verify(key.public(), &digest).is_err());
    // Resuming from the stored hashes continues the same chain.
    let mut resumed = RecordWriter::resume(w.leaves().to_vec());
    let next = resumed
        .append(EventType::Strike, &serde_json::json!({}))
        .expect("append");
    assert_eq!(next.height, 3);
    assert!(
        next.line
            .contains(&format!(r#""parent":"{}""#, head_line.hash))
    );
}

#[test]
fn a_receipt_proves_inclusion_under_a_signed_head() {
    let key = BoardKey::derive(&[1; 32], &election());
    let digest = Digest([5; 32]);
    let mut w = RecordWriter::new();
    let mut lines = Vec::new();
    for i in 0..11 {
        lines.push(
            w.append(EventType::Ballot, &serde_json::json!({"n": i}))
                .expect("append"),
        );
    }
    let head = key
        .sign_tree_head(&digest, w.height(), root(w.leaves()), &mut rng())
        .expect("sign");
    let receipt = Receipt {
        tracker: Digest([7; 32]),
        height: 6,
        line: lines[6].line.clone(),
        tree_head: head,
        inclusion: inclusion_proof(w.leaves(), 6).expect("in range"),
    };
    receipt
        .verify(key.public(), &digest)
        .expect("valid receipt");
    let mut wrong_line = receipt.clone();
    wrong_line.line = lines[5].line.clone();
    assert!(wrong_line.verify(key.public(), &digest).is_err());
    let proof = key.prove_possession(&digest, &mut rng()).expect("prove");
    verify_board_key(key.public(), &digest, &proof).expect("possession");
    assert!(verify_board_key(key.public(), &Digest([6; 32]), &proof).is_err());
}
