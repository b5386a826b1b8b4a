//! The homomorphic tally (`docs/record-format.md` §5): the weighted product of the counted
//! ballots' ciphertexts, its digest, each trustee's decryption shares of it with
//! Chaum–Pedersen proofs, and their combination into the totals (baby-step giant-step search).

use std::collections::HashMap;

use curve25519_dalek::constants::RISTRETTO_BASEPOINT_TABLE;
use curve25519_dalek::ristretto::RistrettoPoint;
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::{Identity, VartimeMultiscalarMul};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::decrypt::{DecryptionShare, check_shares, prove_shares, select_valid};
use crate::dkg::ElectionKey;
use crate::encoding::{Digest, GroupElement, HALF, Transcript, double_and_compress};
use crate::error::CryptoError;
use crate::trustee::KeyShare;

use super::ballot::EncryptedBallot;
use super::params::ElectionParams;

/// One position's tallied ciphertext.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TallyCiphertext {
    pub alpha: GroupElement,
    pub beta: GroupElement,
}

/// The encrypted tally: per position (all questions' bits flattened in order) the weighted
/// product of the counted ballots' ciphertexts, with the count and weight of those ballots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncryptedTally {
    election: Digest,
    ballots: u64,
    weight: u64,
    ciphertexts: Vec<TallyCiphertext>,
    /// Bits per question, to split the totals.
    question_bits: Vec<usize>,
    digest: Digest,
}

/// A fold's running sums: count, weight and, per bit `k` of the weights, `(Σα, Σβ)` per
/// position over the ballots whose weight has bit `k` set. A ballot of weight `w` costs
/// popcount(`w`) point additions per position (one for weight 1) instead of a scalar
/// multiplication; [`Sums::finish`] doubles and adds once at the end.
struct Sums {
    ballots: u64,
    weight: u64,
    by_bit: Vec<Vec<(RistrettoPoint, RistrettoPoint)>>,
    positions: usize,
}

impl Sums {
    fn new(positions: usize) -> Self {
        Self {
            ballots: 0,
            weight: 0,
            by_bit: Vec::new(),
            positions,
        }
    }

    fn add_counts(&mut self, ballots: u64, weight: u64) -> Result<(), CryptoError> {
        self.ballots = self.ballots.checked_add(ballots).ok_or_else(overflow)?;
        self.weight = self.weight.checked_add(weight).ok_or_else(overflow)?;
        Ok(())
    }

    fn bit(&mut self, k: usize) -> &mut Vec<(RistrettoPoint, RistrettoPoint)> {
        while self.by_bit.len() <= k {
            let zero = (RistrettoPoint::identity(), RistrettoPoint::identity());
            self.by_bit.push(vec![zero; self.positions]);
        }
        &mut self.by_bit[k]
    }

    fn add(&mut self, weight: u64, ballot: &EncryptedBallot) -> Result<(), CryptoError> {
        self.add_counts(1, weight)?;
        let mut rest = weight;
        while rest != 0 {
            let k = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            let bits = ballot.questions.iter().flat_map(|q| &q.bits);
            for (sum, bit) in self.bit(k).iter_mut().zip(bits) {
                sum.0 += bit.alpha.point;
                sum.1 += bit.beta.point;
            }
        }
        Ok(())
    }

    fn merge(mut self, other: Self) -> Result<Self, CryptoError> {
        self.add_counts(other.ballots, other.weight)?;
        for (k, theirs) in other.by_bit.into_iter().enumerate() {
            for (mine, theirs) in self.bit(k).iter_mut().zip(theirs) {
                mine.0 += theirs.0;
                mine.1 += theirs.1;
            }
        }
        Ok(self)
    }

    /// `Σ_k 2^k·S_k` per position (Horner: from the highest bit, double then add).
    fn finish(&self) -> Vec<(RistrettoPoint, RistrettoPoint)> {
        let zero = (RistrettoPoint::identity(), RistrettoPoint::identity());
        let mut total = vec![zero; self.positions];
        for sums in self.by_bit.iter().rev() {
            for (t, s) in total.iter_mut().zip(sums) {
                t.0 = t.0 + t.0 + s.0;
                t.1 = t.1 + t.1 + s.1;
            }
        }
        total
    }
}

fn overflow() -> CryptoError {
    CryptoError::InvalidTally("the counted weight overflows 64 bits".into())
}

fn tally_digest(
    election: &Digest,
    ballots: u64,
    weight: u64,
    ciphertexts: &[TallyCiphertext],
) -> Digest {
    let mut t = Transcript::<Sha256>::new("urna/v1/encrypted-tally");
    t.bytes(election.as_bytes())
        .u64(ballots)
        .u64(weight)
        .u64(ciphertexts.len() as u64);
    for c in ciphertexts {
        t.element(&c.alpha).element(&c.beta);
    }
    t.digest()
}

impl EncryptedTally {
    /// Multiplies the counted ballots' ciphertexts, each raised to its weight, on every core.
    /// The ballots must have been verified ([`EncryptedBallot::verify`]); only their election
    /// and shape are checked again here.
    pub fn aggregate<'a>(
        params: &ElectionParams,
        counted: impl IntoParallelIterator<Item = (u64, &'a EncryptedBallot)>,
    ) -> Result<Self, CryptoError> {
        let election = params.digest();
        let question_bits: Vec<usize> = params.layout().iter().map(|q| q.bits).collect();
        let positions = params.positions();
        let sums = counted
            .into_par_iter()
            .try_fold(
                || Sums::new(positions),
                |mut sums, (weight, ballot)| {
                    check_shape(&election, &question_bits, ballot)?;
                    sums.add(weight, ballot)?;
                    Ok(sums)
                },
            )
            .try_reduce(|| Sums::new(positions), Sums::merge)?;
        let ciphertexts: Vec<TallyCiphertext> = sums
            .finish()
            .iter()
            .map(|(alpha, beta)| TallyCiphertext {
                alpha: GroupElement::new(*alpha),
                beta: GroupElement::new(*beta),
            })
            .collect();
        Ok(Self {
            digest: tally_digest(&election, sums.ballots, sums.weight, &ciphertexts),
            election,
            ballots: sums.ballots,
            weight: sums.weight,
            ciphertexts,
            question_bits,
        })
    }

    /// A tally as published (the `encrypted_tally` event with the `strikes_frozen` counts), for
    /// comparison with one recomputed by [`EncryptedTally::aggregate`].
    pub fn from_published(
        params: &ElectionParams,
        ballots: u64,
        weight: u64,
        ciphertexts: Vec<TallyCiphertext>,
    ) -> Result<Self, CryptoError> {
        let question_bits: Vec<usize> = params.layout().iter().map(|q| q.bits).collect();
        if ciphertexts.len() != params.positions() {
            return Err(CryptoError::InvalidTally(format!(
                "{} ciphertexts for {} positions",
                ciphertexts.len(),
                params.positions()
            )));
        }
        let election = params.digest();
        Ok(Self {
            digest: tally_digest(&election, ballots, weight, &ciphertexts),
            election,
            ballots,
            weight,
            ciphertexts,
            question_bits,
        })
    }

    /// The tally digest (§5).
    pub fn digest(&self) -> Digest {
        self.digest
    }

    /// One ciphertext per position.
    pub fn ciphertexts(&self) -> &[TallyCiphertext] {
        &self.ciphertexts
    }

    /// How many ballots were counted.
    pub fn ballots(&self) -> u64 {
        self.ballots
    }

    /// Their total weight (the largest possible total).
    pub fn weight(&self) -> u64 {
        self.weight
    }

    /// The election digest of the ballots.
    pub fn election(&self) -> Digest {
        self.election
    }
}

/// A counted ballot must belong to the election and have the layout's bit counts.
fn check_shape(
    election: &Digest,
    question_bits: &[usize],
    ballot: &EncryptedBallot,
) -> Result<(), CryptoError> {
    let fits = ballot.election == *election
        && ballot.questions.len() == question_bits.len()
        && ballot
            .questions
            .iter()
            .zip(question_bits)
            .all(|(q, &bits)| q.bits.len() == bits);
    if fits {
        Ok(())
    } else {
        Err(CryptoError::InvalidTally(format!(
            "the ballot of credential key {:?} does not fit the election's layout",
            ballot.credential_key
        )))
    }
}

/// One trustee's decryption of a tally: the `partial_decryption` event body (§6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TallyDecryption {
    pub trustee: u32,
    pub tally_digest: Digest,
    /// `D_p = x_l·α_p` with its proof, one per position.
    pub shares: Vec<DecryptionShare>,
}

/// The decrypted totals per question (weighted sums of each bit), and the decryptions that were
/// left out because they did not verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TallyTotals {
    pub totals: Vec<Vec<u64>>,
    /// The trustees whose decryptions were combined, in increasing order.
    pub trustees: Vec<u32>,
    pub rejected: Vec<CryptoError>,
}

/// The trustee's side: decrypts `tally` with `share`, proving every share (Chaum–Pedersen,
/// context (set-up digest, tally digest, trustee, position)).
pub fn decrypt_tally<R: rand_core::TryCryptoRng + ?Sized>(
    key: &ElectionKey,
    share: &KeyShare,
    tally: &EncryptedTally,
    rng: &mut R,
) -> Result<TallyDecryption, CryptoError> {
    if share.setup != key.setup {
        return Err(CryptoError::WrongSetup {
            what: "the key share".into(),
            expected: key.setup.to_string(),
            found: share.setup.to_string(),
        });
    }
    let shares = prove_shares(share, &tally.digest, &tally.ciphertexts, |c| &c.alpha, rng)?;
    Ok(TallyDecryption {
        trustee: share.index,
        tally_digest: tally.digest,
        shares,
    })
}

/// Checks one trustee's decryption of `tally`: right tally, one share per position, every
/// proof valid.
pub fn verify_tally_decryption(
    key: &ElectionKey,
    tally: &EncryptedTally,
    partial: &TallyDecryption,
) -> Result<(), CryptoError> {
    if partial.tally_digest != tally.digest {
        return Err(CryptoError::WrongBallotSet {
            trustee: partial.trustee.to_string(),
            expected: tally.digest.to_string(),
            found: partial.tally_digest.to_string(),
        });
    }
    check_shares(
        key,
        partial.trustee,
        &tally.digest,
        &tally.ciphertexts,
        |c| &c.alpha,
        &partial.shares,
    )
}

/// Verifies the trustees' decryptions, keeps the valid ones (at least `k`) and finds every
/// total in `0..=tally.weight()`.
pub fn combine_tally(
    key: &ElectionKey,
    tally: &EncryptedTally,
    partials: &[TallyDecryption],
) -> Result<TallyTotals, CryptoError> {
    let (valid, lambdas, rejected) = select_valid(
        key,
        partials,
        |p| p.trustee,
        |p| verify_tally_decryption(key, tally, p),
    )?;
    let search = DiscreteLog::new(tally.weight)?;
    let flat = tally
        .ciphertexts
        .iter()
        .enumerate()
        .map(|(p, c)| {
            // M_p = β_p − Σ λ_l·D_{l,p} = t_p·G
            let shared = RistrettoPoint::vartime_multiscalar_mul(
                &lambdas,
                valid.iter().map(|v| v.shares[p].share.point),
            );
            search.find(c.beta.point - shared).ok_or_else(|| {
                CryptoError::InvalidTally(format!(
                    "position {p}: the decrypted total is not in 0..={}",
                    tally.weight
                ))
            })
        })
        .collect::<Result<Vec<u64>, _>>()?;
    let mut rest = flat.as_slice();
    let mut totals = Vec::with_capacity(tally.question_bits.len());
    for &bits in &tally.question_bits {
        let (question, tail) = rest.split_at(bits);
        totals.push(question.to_vec());
        rest = tail;
    }
    Ok(TallyTotals {
        totals,
        trustees: valid.iter().map(|v| v.trustee).collect(),
        rejected,
    })
}

/// Baby-step giant-step search for `t` in `0..=max` with `t·G = M`: a table of `j·G` for
/// `j < m = ⌈√(max+1)⌉`, then at most `m` giant steps of `−m·G`.
struct DiscreteLog {
    max: u64,
    step: u64,
    baby: HashMap<[u8; 32], u64>,
}

/// Largest baby-step table (entries): totals up to about 2^48 (far beyond any electorate).
const MAX_BABY_STEPS: u64 = 1 << 24;

impl DiscreteLog {
    fn new(max: u64) -> Result<Self, CryptoError> {
        let step = (max as f64 + 1.0).sqrt().ceil() as u64;
        // Guard against floating-point rounding: m² must cover max + 1.
        let step = (step.saturating_sub(1)..=step + 1)
            .find(|m| m.checked_mul(*m).is_some_and(|sq| sq > max))
            .unwrap_or(u64::MAX);
        if step > MAX_BABY_STEPS {
            return Err(CryptoError::InvalidTally(format!(
                "a total weight of {max} is too large to search"
            )));
        }
        // Halves of j·G, encoded in one batch as their doubles.
        let half_g = &*HALF * RISTRETTO_BASEPOINT_TABLE;
        let mut halves = Vec::with_capacity(step as usize);
        let mut point = RistrettoPoint::identity();
        for _ in 0..step {
            halves.push(point);
            point += half_g;
        }
        let baby = double_and_compress(&halves)
            .into_iter()
            .zip(0..)
            .map(|(encoded, j)| (encoded.to_bytes(), j))
            .collect();
        Ok(Self { max, step, baby })
    }

    fn find(&self, target: RistrettoPoint) -> Option<u64> {
        let giant = RISTRETTO_BASEPOINT_TABLE * &Scalar::from(self.step);
        let mut point = target;
        for i in 0..self.step {
            if let Some(&j) = self.baby.get(&point.compress().to_bytes()) {
                let t = i * self.step + j;
                return (t <= self.max).then_some(t);
            }
            point -= giant;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn times_g(t: u64) -> RistrettoPoint {
        &Scalar::from(t) * RISTRETTO_BASEPOINT_TABLE
    }

    #[test]
    fn baby_step_giant_step_finds_every_total_in_range_and_nothing_beyond() {
        // max 10: m = ⌈√11⌉ = 4 baby steps (0..3·G), giant steps of 4·G, 16 > 10 reachable.
        let search = DiscreteLog::new(10).unwrap();
        assert_eq!(search.step, 4);
        for t in 0..=10 {
            assert_eq!(search.find(times_g(t)), Some(t), "{t}");
        }
        // 11..=15 are reachable by the steps but above the counted weight.
        for t in 11..=20 {
            assert_eq!(search.find(times_g(t)), None, "{t}");
        }
        // −1·G is no total.
        assert_eq!(search.find(-times_g(1)), None);
        // max 0: the only total is 0.
        let zero = DiscreteLog::new(0).unwrap();
        assert_eq!(zero.find(RistrettoPoint::identity()), Some(0));
        assert_eq!(zero.find(times_g(1)), None);
        // max 15: m = 4 exactly (16 = 15 + 1).
        assert_eq!(DiscreteLog::new(15).unwrap().step, 4);
        assert_eq!(DiscreteLog::new(16).unwrap().step, 5);
        assert!(DiscreteLog::new(u64::MAX).is_err());
    }
}
