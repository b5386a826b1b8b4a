//! Ranked ballots as ristretto255 points, for the mixnet: packing, plain ElGamal encryption,
//! and decoding after decryption (`docs/record-format.md`, "Appendix: shuffles").
//!
//! A ballot of `n` candidates (1 ≤ n ≤ 70) is a rank per candidate, `0` = unranked, else
//! `1..=n`; equal ranks share a number and the ranks used are `1..=g` with none skipped (the
//! rule of urna-core's ballot encoding). The ranks are digits in base `n + 1`: a point carries
//! `k = ⌊128 / log2(n + 1)⌋` candidates (the most whose `(n + 1)^k` fits in 128 bits) as the
//! integer `Σ_d rank_{start+d}·(n+1)^d`, written as 16 bytes little-endian and mapped to a
//! point by Lizard (curve25519-dalek's `lizard_encode::<Sha256>`, which embeds the 16 bytes
//! and a SHA-256 check, so a point that was not made this way fails to decode with
//! overwhelming probability). A ballot takes `⌈n / k⌉` ciphertexts
//! ([`RankedLayout::ciphertexts_per_ballot`]):
//!
//! | candidates n | per point k | ciphertexts per ballot |
//! |---|---|---|
//! | 1–26 (20 → k = 29) | 127 … 26 | 1 |
//! | 27–46 | 26 … 23 | 2 |
//! | 47–63 | 22 … 21 | 3 |
//! | 64–70 | 21 … 20 | 4 |
//!
//! Decoding refuses, naming the reason, anything a well-formed ballot cannot produce: a point
//! that is not a Lizard encoding, a number too large for its candidates, a skipped rank, the
//! wrong number of points. Such a ballot is set aside publicly with that reason.

use curve25519_dalek::ristretto::RistrettoPoint;
use rand_core::TryCryptoRng;
use sha2::Sha256;
use thiserror::Error;

use crate::encoding::GroupElement;
use crate::homomorphic::TallyCiphertext;
use crate::proofs::random_scalar;
use crate::shuffle::EncryptionKey;

/// The most candidates a ranked ballot may have.
pub const MAX_RANKED_CANDIDATES: usize = 70;

/// Why a ranking cannot be packed or a decrypted ballot is set aside.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RankedBallotError {
    #[error("a ranked ballot has 1 to {MAX_RANKED_CANDIDATES} candidates, not {0}")]
    CandidateCount(usize),
    #[error("{found} ranks for {expected} candidates")]
    RankCount { expected: usize, found: usize },
    #[error("candidate {candidate} has rank {rank}, above the {candidates} candidates")]
    RankTooHigh {
        candidate: usize,
        rank: u8,
        candidates: usize,
    },
    #[error("rank {missing} is skipped although rank {highest} is used")]
    SkippedRank { missing: u8, highest: u8 },
    #[error("{found} points for a ballot of {expected} ciphertexts")]
    PointCount { expected: usize, found: usize },
    #[error("point {point} of the ballot is not a Lizard encoding of 16 bytes")]
    NotAnEncoding { point: usize },
    #[error("point {point} of the ballot holds a number too large for its candidates")]
    OutOfRange { point: usize },
}

/// The packing of a ballot of `n` candidates: how many candidates each point carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RankedLayout {
    candidates: usize,
    per_point: usize,
}

impl RankedLayout {
    pub fn new(candidates: usize) -> Result<Self, RankedBallotError> {
        if !(1..=MAX_RANKED_CANDIDATES).contains(&candidates) {
            return Err(RankedBallotError::CandidateCount(candidates));
        }
        let base = candidates as u128 + 1;
        let mut per_point = 0;
        let mut power: u128 = 1;
        while let Some(next) = power.checked_mul(base) {
            power = next;
            per_point += 1;
        }
        Ok(Self {
            candidates,
            per_point,
        })
    }

    pub fn candidates(&self) -> usize {
        self.candidates
    }

    /// Candidates per point: the largest `k` with `(n + 1)^k < 2^128`.
    pub fn candidates_per_point(&self) -> usize {
        self.per_point
    }

    /// Ciphertexts (points) per ballot: `⌈n / k⌉`, 1 for 20 candidates, 4 for 70.
    pub fn ciphertexts_per_ballot(&self) -> usize {
        self.candidates.div_ceil(self.per_point)
    }

    fn chunks(&self) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        (0..self.candidates)
            .step_by(self.per_point)
            .map(|start| start..(start + self.per_point).min(self.candidates))
    }
}

/// A valid ranking: one rank per candidate of the layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankedBallot {
    ranks: Vec<u8>,
}

/// A.1's map of one 16-byte block to a point (Lizard with SHA-256), for any block: valid
/// ballots get theirs from [`RankedBallot::to_points`]; tests plant blocks that are not.
pub fn block_point(block: &[u8; 16]) -> RistrettoPoint {
    RistrettoPoint::lizard_encode::<Sha256>(block)
}

impl RankedBallot {
    /// Checks the ranks against the layout: one per candidate, each at most `n`, and the
    /// ranks used are `1..=g` with none skipped.
    pub fn new(layout: &RankedLayout, ranks: Vec<u8>) -> Result<Self, RankedBallotError> {
        if ranks.len() != layout.candidates {
            return Err(RankedBallotError::RankCount {
                expected: layout.candidates,
                found: ranks.len(),
            });
        }
        let mut used = [false; MAX_RANKED_CANDIDATES + 1];
        for (candidate, &rank) in ranks.iter().enumerate() {
            match used.get_mut(usize::from(rank)) {
                Some(slot) if usize::from(rank) <= layout.candidates => *slot = true,
                _ => {
                    return Err(RankedBallotError::RankTooHigh {
                        candidate,
                        rank,
                        candidates: layout.candidates,
                    });
                }
            }
        }
        let highest = ranks.iter().copied().max().unwrap_or(0);
        if let Some(missing) = (1..highest).find(|&r| !used[usize::from(r)]) {
            return Err(RankedBallotError::SkippedRank { missing, highest });
        }
        Ok(Self { ranks })
    }

    /// The rank of each candidate, `0` = unranked.
    pub fn ranks(&self) -> &[u8] {
        &self.ranks
    }

    /// The 16-byte blocks, one per point.
    fn blocks(&self, layout: &RankedLayout) -> Vec<[u8; 16]> {
        let base = layout.candidates as u128 + 1;
        layout
            .chunks()
            .map(|range| {
                let value = self.ranks[range]
                    .iter()
                    .rev()
                    .fold(0u128, |acc, &rank| acc * base + u128::from(rank));
                value.to_le_bytes()
            })
            .collect()
    }

    /// The ballot's points, ready to encrypt.
    pub fn to_points(&self, layout: &RankedLayout) -> Vec<RistrettoPoint> {
        self.blocks(layout)
            .iter()
            .map(RistrettoPoint::lizard_encode::<Sha256>)
            .collect()
    }

    /// Reads a ballot back from its decrypted points.
    pub fn from_points(
        layout: &RankedLayout,
        points: &[RistrettoPoint],
    ) -> Result<Self, RankedBallotError> {
        if points.len() != layout.ciphertexts_per_ballot() {
            return Err(RankedBallotError::PointCount {
                expected: layout.ciphertexts_per_ballot(),
                found: points.len(),
            });
        }
        let base = layout.candidates as u128 + 1;
        let mut ranks = Vec::with_capacity(layout.candidates);
        for (point, (p, range)) in points.iter().zip(layout.chunks()).enumerate() {
            let block = p
                .lizard_decode::<Sha256>()
                .ok_or(RankedBallotError::NotAnEncoding { point })?;
            let mut value = u128::from_le_bytes(block);
            for _ in range {
                // Each digit is below `base` ≤ 71, so it fits a byte.
                ranks.push((value % base) as u8);
                value /= base;
            }
            if value != 0 {
                return Err(RankedBallotError::OutOfRange { point });
            }
        }
        Self::new(layout, ranks)
    }

    /// The ballot as plain ElGamal ciphertexts `(r·G, M + r·Y)` of its points, one fresh `r`
    /// each: the vector a voter's device submits to the mixnet.
    pub fn encrypt<R: TryCryptoRng + ?Sized>(
        &self,
        layout: &RankedLayout,
        key: &EncryptionKey,
        rng: &mut R,
    ) -> Result<Vec<TallyCiphertext>, crate::error::CryptoError> {
        self.to_points(layout)
            .iter()
            .map(|m| {
                let (alpha, beta) = key.encrypt(m, &random_scalar(rng)?);
                Ok(TallyCiphertext {
                    alpha: GroupElement::new(alpha),
                    beta: GroupElement::new(beta),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ciphertexts_per_ballot_by_hand() {
        // k is the largest with (n+1)^k < 2^128, i.e. k = ⌊128 / log2(n+1)⌋ (never exact for
        // these bases, which are not powers of two beyond n = 1, 3, 7, 15, 31, 63).
        // n = 20: log2 21 ≈ 4.392, 128 / 4.392 ≈ 29.1 → k = 29 ≥ 20 → 1 ciphertext.
        let l20 = RankedLayout::new(20).unwrap();
        assert_eq!(
            (l20.candidates_per_point(), l20.ciphertexts_per_ballot()),
            (29, 1)
        );
        // n = 29: log2 30 ≈ 4.907 → 26.08 → k = 26 < 29 → 2.
        let l29 = RankedLayout::new(29).unwrap();
        assert_eq!(
            (l29.candidates_per_point(), l29.ciphertexts_per_ballot()),
            (26, 2)
        );
        // n = 28: log2 29 ≈ 4.858 → 26.35 → k = 26 < 28 → 2; n = 26: log2 27 ≈ 4.755 → 26.9
        // → 26 → 1.
        assert_eq!(RankedLayout::new(28).unwrap().ciphertexts_per_ballot(), 2);
        assert_eq!(RankedLayout::new(26).unwrap().ciphertexts_per_ballot(), 1);
        // n = 70: log2 71 ≈ 6.150 → 20.8 → k = 20 → ⌈70/20⌉ = 4.
        let l70 = RankedLayout::new(70).unwrap();
        assert_eq!(
            (l70.candidates_per_point(), l70.ciphertexts_per_ballot()),
            (20, 4)
        );
        // n = 1: base 2, 2^127 is the largest power below 2^128 → k = 127, 1 ciphertext.
        assert_eq!(RankedLayout::new(1).unwrap().candidates_per_point(), 127);
        // n = 3: base 4, 4^63 = 2^126 < 2^128 but 4^64 = 2^128 does not fit → 63.
        assert_eq!(RankedLayout::new(3).unwrap().candidates_per_point(), 63);
        assert_eq!(
            RankedLayout::new(0),
            Err(RankedBallotError::CandidateCount(0))
        );
        assert_eq!(
            RankedLayout::new(71),
            Err(RankedBallotError::CandidateCount(71))
        );
    }

    #[test]
    fn packing_is_little_endian_base_n_plus_one() {
        // 3 candidates ranked (2, 0, 1): base 4, value 2 + 0·4 + 1·16 = 18.
        let layout = RankedLayout::new(3).unwrap();
        let ballot = RankedBallot::new(&layout, vec![2, 0, 1]).unwrap();
        let mut expected = [0u8; 16];
        expected[0] = 18;
        assert_eq!(ballot.blocks(&layout), vec![expected]);
        assert_eq!(
            ballot.to_points(&layout),
            vec![RistrettoPoint::lizard_encode::<Sha256>(&expected)]
        );
    }

    #[test]
    fn invalid_rankings_are_refused() {
        let layout = RankedLayout::new(4).unwrap();
        assert_eq!(
            RankedBallot::new(&layout, vec![1, 2, 3]),
            Err(RankedBallotError::RankCount {
                expected: 4,
                found: 3
            })
        );
        assert_eq!(
            RankedBallot::new(&layout, vec![1, 5, 0, 0]),
            Err(RankedBallotError::RankTooHigh {
                candidate: 1,
                rank: 5,
                candidates: 4
            })
        );
        assert_eq!(
            RankedBallot::new(&layout, vec![1, 3, 0, 0]),
            Err(RankedBallotError::SkippedRank {
                missing: 2,
                highest: 3
            })
        );
        // Ties share a rank; an empty ranking is an abstention.
        assert!(RankedBallot::new(&layout, vec![1, 1, 2, 0]).is_ok());
        assert!(RankedBallot::new(&layout, vec![0, 0, 0, 0]).is_ok());
    }

    #[test]
    fn invalid_decodings_are_refused_with_the_reason() {
        let layout = RankedLayout::new(4).unwrap();
        let valid = RankedBallot::new(&layout, vec![1, 2, 0, 0])
            .unwrap()
            .to_points(&layout);
        // Wrong number of points.
        assert_eq!(
            RankedBallot::from_points(&layout, &[valid[0], valid[0]]),
            Err(RankedBallotError::PointCount {
                expected: 1,
                found: 2
            })
        );
        // A point not made by Lizard: the generator itself.
        let g = curve25519_dalek::constants::RISTRETTO_BASEPOINT_POINT;
        assert_eq!(
            RankedBallot::from_points(&layout, &[g]),
            Err(RankedBallotError::NotAnEncoding { point: 0 })
        );
        // A number past the 4 digits of base 5: 5^4 = 625.
        let too_big = RistrettoPoint::lizard_encode::<Sha256>(&625u128.to_le_bytes());
        assert_eq!(
            RankedBallot::from_points(&layout, &[too_big]),
            Err(RankedBallotError::OutOfRange { point: 0 })
        );
        // Digits 1, 3 (1 + 3·5 = 16): rank 2 skipped.
        let skipped = RistrettoPoint::lizard_encode::<Sha256>(&16u128.to_le_bytes());
        assert_eq!(
            RankedBallot::from_points(&layout, &[skipped]),
            Err(RankedBallotError::SkippedRank {
                missing: 2,
                highest: 3
            })
        );
    }

    /// A valid ranking of `n` candidates: a random order, a random prefix of it ranked, with
    /// random ties (a candidate shares the previous one's rank).
    fn ranking() -> impl Strategy<Value = Vec<u8>> {
        (1..=MAX_RANKED_CANDIDATES).prop_flat_map(|n| {
            (
                Just((0..n).collect::<Vec<usize>>()).prop_shuffle(),
                0..=n,
                proptest::collection::vec(any::<bool>(), n),
            )
                .prop_map(move |(order, ranked, ties)| {
                    let mut ranks = vec![0u8; n];
                    let mut rank = 0u8;
                    for (place, &candidate) in order.iter().take(ranked).enumerate() {
                        if place == 0 || !ties[place] {
                            rank += 1;
                        }
                        ranks[candidate] = rank;
                    }
                    ranks
                })
        })
    }

    proptest! {
        #[test]
        fn pack_unpack_round_trips(ranks in ranking()) {
            let layout = RankedLayout::new(ranks.len()).unwrap();
            let ballot = RankedBallot::new(&layout, ranks.clone()).unwrap();
            let points = ballot.to_points(&layout);
            prop_assert_eq!(points.len(), layout.ciphertexts_per_ballot());
            let back = RankedBallot::from_points(&layout, &points).unwrap();
            prop_assert_eq!(back.ranks(), &ranks[..]);
        }
    }
}
