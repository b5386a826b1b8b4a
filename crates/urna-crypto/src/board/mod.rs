//! The public board: an election's record as an append-only list of JSON lines, each naming
//! the hash of the one before (a hash chain), whose leaf hashes also form an RFC 6962 Merkle
//! log, with tree heads signed by the server's board key (docs/record-format.md §6).
//!
//! The chain lets anyone holding the whole record check it in one pass; the Merkle log lets a
//! voter check a receipt (inclusion) and a monitor check that the board only grew
//! (consistency) without downloading it. The server derives its board key from its own
//! secret key, so no new secret is stored; a board key signs tree heads only and can decrypt
//! nothing.

use curve25519_dalek::scalar::Scalar;
use rand_core::TryCryptoRng;
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256, Sha512};

use crate::encoding::{Digest, GroupElement, Transcript, to_hex};
use crate::error::CryptoError;
use crate::proofs::SchnorrProof;
use crate::setup::ElectionId;

const TREE_HEAD_TAG: &str = "urna/v1/tree-head";
const BOARD_KEY_TAG: &str = "urna/v1/board-key";
const BOARD_KEY_DERIVATION_TAG: &str = "urna/v1/board-key-derivation";

/// The kinds of events a record holds, in the order they may occur (§6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    Setup,
    VoterRoll,
    Ballot,
    Strike,
    Unstrike,
    TreeHead,
    EndBallots,
    StrikesFrozen,
    EncryptedTally,
    PartialDecryption,
    MixInput,
    Shuffle,
    MixedDecryption,
    DecryptedBallots,
    Result,
}

impl EventType {
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Setup => "setup",
            EventType::VoterRoll => "voter_roll",
            EventType::Ballot => "ballot",
            EventType::Strike => "strike",
            EventType::Unstrike => "unstrike",
            EventType::TreeHead => "tree_head",
            EventType::EndBallots => "end_ballots",
            EventType::StrikesFrozen => "strikes_frozen",
            EventType::EncryptedTally => "encrypted_tally",
            EventType::PartialDecryption => "partial_decryption",
            EventType::DecryptedBallots => "decrypted_ballots",
            EventType::MixInput => "mix_input",
            EventType::Shuffle => "shuffle",
            EventType::MixedDecryption => "mixed_decryption",
            EventType::Result => "result",
        }
    }
}

/// RFC 6962 leaf hash of an event line (without its newline): `SHA-256(0x00 ‖ line)`.
pub fn leaf_hash(line: &[u8]) -> Digest {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(line);
    Digest(h.finalize().into())
}

fn node_hash(left: &Digest, right: &Digest) -> Digest {
    let mut h = Sha256::new();
    h.update([1u8]);
    h.update(left.0);
    h.update(right.0);
    Digest(h.finalize().into())
}

/// The largest power of two strictly below `n` (n ≥ 2), RFC 6962's split point.
fn split(n: usize) -> usize {
    let mut k = 1;
    while k << 1 < n {
        k <<= 1;
    }
    k
}

/// RFC 6962 Merkle tree hash of leaf hashes (`MTH`); the empty tree hashes to `SHA-256("")`.
/// Iterative, level by level, so a million leaves neither recurse deeply nor allocate much.
pub fn root(leaves: &[Digest]) -> Digest {
    if leaves.is_empty() {
        return Digest(Sha256::digest([]).into());
    }
    // Pairing adjacent nodes level by level and carrying an odd last node up unchanged gives
    // exactly RFC 6962's left-balanced tree.
    let mut level: Vec<Digest> = leaves.to_vec();
    while level.len() > 1 {
        let next: Vec<Digest> = level
            .chunks(2)
            .map(|pair| match pair {
                [l, r] => node_hash(l, r),
                [single] => *single,
                _ => unreachable!("chunks(2) yields one or two items"),
            })
            .collect();
        level = next;
    }
    level[0]
}

/// RFC 6962 §2.1.1 audit path of leaf `index` in the tree of all `leaves`.
pub fn inclusion_proof(leaves: &[Digest], index: usize) -> Result<Vec<Digest>, CryptoError> {
    if index >= leaves.len() {
        return Err(CryptoError::BoardProof(format!(
            "leaf {index} is not in a tree of {} leaves",
            leaves.len()
        )));
    }
    let (mut lo, mut hi, mut m) = (0usize, leaves.len(), index);
    let mut siblings = Vec::new();
    while hi - lo > 1 {
        let k = split(hi - lo);
        if m < k {
            siblings.push(root(&leaves[lo + k..hi]));
            hi = lo + k;
        } else {
            siblings.push(root(&leaves[lo..lo + k]));
            lo += k;
            m -= k;
        }
    }
    // Collected from the root down; the path lists them from the leaf up.
    siblings.reverse();
    Ok(siblings)
}

/// RFC 6962 §2.1.2 consistency proof between the first `old_size` leaves and all `leaves`.
pub fn consistency_proof(leaves: &[Digest], old_size: usize) -> Result<Vec<Digest>, CryptoError> {
    let n = leaves.len();
    if old_size == 0 || old_size > n {
        return Err(CryptoError::BoardProof(format!(
            "no consistency proof from size {old_size} to size {n}"
        )));
    }
    let mut proof = Vec::new();
    let (mut lo, mut hi, mut m, mut whole) = (0usize, n, old_size, true);
    loop {
        if m == hi - lo {
            if !whole {
                proof.push(root(&leaves[lo..hi]));
            }
            break;
        }
        let k = split(hi - lo);
        if m <= k {
            proof.push(root(&leaves[lo + k..hi]));
            hi = lo + k;
        } else {
            proof.push(root(&leaves[lo..lo + k]));
            lo += k;
            m -= k;
            whole = false;
        }
    }
    proof.reverse();
    Ok(proof)
}

/// RFC 9162 §2.1.3.2: does `proof` show leaf `leaf` at `index` in the tree of `size` leaves
/// with root `root`?
pub fn verify_inclusion(
    leaf: &Digest,
    index: u64,
    size: u64,
    proof: &[Digest],
    root: &Digest,
) -> bool {
    if index >= size {
        return false;
    }
    let (mut f_n, mut s_n) = (index, size - 1);
    let mut r = *leaf;
    for p in proof {
        if s_n == 0 {
            return false;
        }
        if f_n & 1 == 1 || f_n == s_n {
            r = node_hash(p, &r);
            if f_n & 1 == 0 {
                while f_n & 1 == 0 && f_n != 0 {
                    f_n >>= 1;
                    s_n >>= 1;
                }
            }
        } else {
            r = node_hash(&r, p);
        }
        f_n >>= 1;
        s_n >>= 1;
    }
    s_n == 0 && r == *root
}

/// RFC 9162 §2.1.4.2: does `proof` show that the tree of `old_size` leaves with root
/// `old_root` is a prefix of the tree of `new_size` leaves with root `new_root`?
pub fn verify_consistency(
    old_size: u64,
    new_size: u64,
    old_root: &Digest,
    new_root: &Digest,
    proof: &[Digest],
) -> bool {
    if old_size == 0 || old_size > new_size {
        return false;
    }
    if old_size == new_size {
        return proof.is_empty() && old_root == new_root;
    }
    if proof.is_empty() {
        return false;
    }
    let mut path: Vec<Digest> = proof.to_vec();
    if old_size.is_power_of_two() {
        path.insert(0, *old_root);
    }
    let Some((first, rest)) = path.split_first() else {
        return false;
    };
    let (mut f_n, mut s_n) = (old_size - 1, new_size - 1);
    while f_n & 1 == 1 {
        f_n >>= 1;
        s_n >>= 1;
    }
    let (mut f_r, mut s_r) = (*first, *first);
    for c in rest {
        if s_n == 0 {
            return false;
        }
        if f_n & 1 == 1 || f_n == s_n {
            f_r = node_hash(c, &f_r);
            s_r = node_hash(c, &s_r);
            if f_n & 1 == 0 {
                while f_n & 1 == 0 && f_n != 0 {
                    f_n >>= 1;
                    s_n >>= 1;
                }
            }
        } else {
            s_r = node_hash(&s_r, c);
        }
        f_n >>= 1;
        s_n >>= 1;
    }
    f_r == *old_root && s_r == *new_root && s_n == 0
}

/// The server's signing key for one election's board. Derived, never stored:
/// `b = Hs("urna/v1/board-key-derivation"; server secret, election id)`.
pub struct BoardKey {
    secret: Scalar,
    public: GroupElement,
}

impl Drop for BoardKey {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.secret);
    }
}

impl std::fmt::Debug for BoardKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BoardKey")
            .field("public", &self.public)
            .finish_non_exhaustive()
    }
}

impl BoardKey {
    pub fn derive(server_secret: &[u8; 32], election: &ElectionId) -> Self {
        let mut t = Transcript::<Sha512>::new(BOARD_KEY_DERIVATION_TAG);
        t.bytes(server_secret).bytes(election.as_str().as_bytes());
        let secret = t.into_scalar();
        Self {
            public: GroupElement::base_times(&secret),
            secret,
        }
    }

    pub fn public(&self) -> &GroupElement {
        &self.public
    }

    /// The `board_key_proof` of the set-up event: possession of the key, bound to the election.
    pub fn prove_possession<R: TryCryptoRng + ?Sized>(
        &self,
        election_digest: &Digest,
        rng: &mut R,
    ) -> Result<SchnorrProof, CryptoError> {
        SchnorrProof::prove(
            BOARD_KEY_TAG,
            &[election_digest.as_bytes()],
            &self.secret,
            &self.public,
            rng,
        )
    }

    /// Signs the root of the first `size` events.
    pub fn sign_tree_head<R: TryCryptoRng + ?Sized>(
        &self,
        election_digest: &Digest,
        size: u64,
        root: Digest,
        rng: &mut R,
    ) -> Result<TreeHead, CryptoError> {
        let signature = SchnorrProof::prove(
            TREE_HEAD_TAG,
            &[
                election_digest.as_bytes(),
                &size.to_be_bytes(),
                root.as_bytes(),
            ],
            &self.secret,
            &self.public,
            rng,
        )?;
        Ok(TreeHead {
            size,
            root,
            signature,
        })
    }
}

/// Checks a set-up's `board_key_proof`.
pub fn verify_board_key(
    key: &GroupElement,
    election_digest: &Digest,
    proof: &SchnorrProof,
) -> Result<(), CryptoError> {
    if key.is_identity() || !proof.verify(BOARD_KEY_TAG, &[election_digest.as_bytes()], key) {
        return Err(CryptoError::BoardProof(
            "the board key's proof of possession does not verify".into(),
        ));
    }
    Ok(())
}

/// A signed tree head: the board key vouches that the first `size` events hash to `root`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreeHead {
    pub size: u64,
    pub root: Digest,
    pub signature: SchnorrProof,
}

impl TreeHead {
    pub fn verify(
        &self,
        board_key: &GroupElement,
        election_digest: &Digest,
    ) -> Result<(), CryptoError> {
        let ctx: [&[u8]; 3] = [
            election_digest.as_bytes(),
            &self.size.to_be_bytes(),
            self.root.as_bytes(),
        ];
        if !self.signature.verify(TREE_HEAD_TAG, &ctx, board_key) {
            return Err(CryptoError::BoardProof(format!(
                "the tree head of size {} is not signed by the board key",
                self.size
            )));
        }
        Ok(())
    }
}

/// One event as written: its height, leaf hash and JSON line (no newline).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventLine {
    pub height: u64,
    pub hash: Digest,
    pub event_type: EventType,
    pub line: String,
}

/// The tip of a record: every leaf hash so far, enough to append events and sign tree heads.
#[derive(Debug, Clone, Default)]
pub struct RecordWriter {
    leaves: Vec<Digest>,
}

impl RecordWriter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Continues a record whose events have these leaf hashes, in height order.
    pub fn resume(leaves: Vec<Digest>) -> Self {
        Self { leaves }
    }

    /// The height the next event gets (= the number of events so far).
    pub fn height(&self) -> u64 {
        self.leaves.len() as u64
    }

    pub fn leaves(&self) -> &[Digest] {
        &self.leaves
    }

    /// Appends an event: `{"height":h,"parent":…,"type":…,"body":…}` as compact JSON.
    pub fn append<T: Serialize + ?Sized>(
        &mut self,
        event_type: EventType,
        body: &T,
    ) -> Result<EventLine, CryptoError> {
        let body = serde_json::to_string(body)
            .map_err(|e| CryptoError::BoardProof(format!("event body not serialisable: {e}")))?;
        let height = self.height();
        let parent = self.leaves.last().copied().unwrap_or(Digest([0; 32]));
        let line = format!(
            r#"{{"height":{height},"parent":"{}","type":"{}","body":{body}}}"#,
            to_hex(parent.as_bytes()),
            event_type.as_str()
        );
        let hash = leaf_hash(line.as_bytes());
        self.leaves.push(hash);
        Ok(EventLine {
            height,
            hash,
            event_type,
            line,
        })
    }

    /// Appends a tree head over every event so far, signed by `key`.
    pub fn append_tree_head<R: TryCryptoRng + ?Sized>(
        &mut self,
        key: &BoardKey,
        election_digest: &Digest,
        rng: &mut R,
    ) -> Result<EventLine, CryptoError> {
        let head = key.sign_tree_head(election_digest, self.height(), root(&self.leaves), rng)?;
        self.append(EventType::TreeHead, &head)
    }
}

/// A voter's receipt (§6): where their ballot sits and the proof that a signed tree head
/// includes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Receipt {
    pub tracker: Digest,
    pub height: u64,
    /// The ballot event's line, so the holder can see the tracker's ballot in it.
    pub line: String,
    pub tree_head: TreeHead,
    pub inclusion: Vec<Digest>,
}

impl Receipt {
    /// Checks the tree head's signature and the inclusion of `line` at `height`.
    pub fn verify(
        &self,
        board_key: &GroupElement,
        election_digest: &Digest,
    ) -> Result<(), CryptoError> {
        self.tree_head.verify(board_key, election_digest)?;
        let leaf = leaf_hash(self.line.as_bytes());
        if !verify_inclusion(
            &leaf,
            self.height,
            self.tree_head.size,
            &self.inclusion,
            &self.tree_head.root,
        ) {
            return Err(CryptoError::BoardProof(format!(
                "event {} is not included in the tree head of size {}",
                self.height, self.tree_head.size
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
