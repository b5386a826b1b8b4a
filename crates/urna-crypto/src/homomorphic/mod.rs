//! Verifiable ballots and their homomorphic tally (`docs/record-format.md` §2–5 and §10).
//!
//! A verifiable election's answers are bits (the [`QuestionLayout`] of each question), each
//! encrypted in exponential ElGamal under the election key `Y` with a disjunctive
//! Chaum–Pedersen proof that it is 0 or 1, and each group of bits with a proof that its sum is
//! allowed. Every proof is bound to the [`ElectionParams::digest`], to the ballot's credential
//! key `K` and to its position, and the ballot is signed by `K`'s secret, so a ballot copied
//! into another credential does not verify.
//!
//! - [`params`]: election parameters (§3), the bit layout (§2) and the election digest.
//! - [`disjunctive`]: the CDS proof that a ciphertext encrypts one of a list of values.
//! - [`ballot`]: encryption, the ballot JSON and digest, the signature, verification, and the
//!   Benaloh audit.
//! - [`tally`]: the encrypted tally (weighted product of the counted ballots), trustees'
//!   decryptions of it, their combination and the search for the totals.
//! - [`test_rng`]: the deterministic generator of §10 the shared test vectors are made with.
//!
//! The server never holds anything that decrypts a ballot: tallies are decrypted only by `k`
//! trustees, and only as totals.

pub mod ballot;
mod batch;
pub mod disjunctive;
pub mod params;
pub mod tally;
pub mod test_rng;

#[cfg(test)]
mod tests;

pub use ballot::{
    AuditedBallot, BallotOpening, CredentialSecret, EncryptedAnswer, EncryptedBallot, EncryptedBit,
    encrypt_ballot,
};
pub use disjunctive::{Branch, DisjunctiveProof};
pub use params::{BitGroup, ElectionParams, LayoutType, QuestionLayout, QuestionParams};
pub use tally::{
    EncryptedTally, TallyCiphertext, TallyDecryption, TallyTotals, combine_tally, decrypt_tally,
    verify_tally_decryption,
};
pub use test_rng::TestRng;
