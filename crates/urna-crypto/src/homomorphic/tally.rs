//! The homomorphic tally (`docs/record-format.md` §5): the weighted product of the counted
//! ballots' ciphertexts, its digest, each trustee's decryption shares of it with
//! Chaum–Pedersen proofs, and their combination into the totals (baby-step giant-step search).

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::decrypt::DecryptionShare;
use crate::dkg::ElectionKey;
use crate::encoding::{Digest, GroupElement};
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

impl EncryptedTally {
    /// Multiplies the counted ballots' ciphertexts, each raised to its weight. The ballots must
    /// have been verified; their shape is checked again here.
    pub fn aggregate<'a>(
        params: &ElectionParams,
        counted: impl IntoParallelIterator<Item = (u64, &'a EncryptedBallot)>,
    ) -> Result<Self, CryptoError> {
        let _ = (params, counted.into_par_iter());
        todo!()
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

/// The trustee's side: decrypts `tally` with `share`, proving every share.
pub fn decrypt_tally<R: rand_core::TryCryptoRng + ?Sized>(
    key: &ElectionKey,
    share: &KeyShare,
    tally: &EncryptedTally,
    rng: &mut R,
) -> Result<TallyDecryption, CryptoError> {
    let _ = (key, share, tally, rng);
    todo!()
}

/// Verifies the trustees' decryptions, keeps the valid ones (at least `k`) and finds every
/// total in `0..=tally.weight()`.
pub fn combine_tally(
    key: &ElectionKey,
    tally: &EncryptedTally,
    partials: &[TallyDecryption],
) -> Result<TallyTotals, CryptoError> {
    let _ = (key, tally, partials);
    todo!()
}
