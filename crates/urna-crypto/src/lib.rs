//! Urna's cryptography: threshold ElGamal on ristretto255 for ballot secrecy at rest.
//!
//! - [`trustee`]: trustee identities (long-term key pair, proof of possession) and secret files.
//! - [`setup`]: the election set-up (id, threshold k, the n trustees) every message is bound to.
//! - [`dkg`]: dealerless k-of-n key generation in two file rounds, and the server's check.
//! - [`ballot`]: sealing ballots to the election key (fixed-length KEM + AEAD), frozen sets.
//! - [`decrypt`]: decryption shares with Chaum–Pedersen proofs, and their combination.
//! - [`board`]: the public record: hash-chained event lines, RFC 6962 Merkle log, signed tree
//!   heads, receipts (docs/record-format.md).
//! - [`record`]: the bodies of record events; reading a record back; the counted set.
//! - [`homomorphic`]: verifiable ballots (bits with proofs, signed by a credential key) and
//!   their homomorphic tally (`docs/record-format.md`).
//!
//! The byte-level encoding of every hash, key derivation and file is specified in
//! `docs/crypto.md`. All randomness comes from the caller's `TryCryptoRng`; production code
//! passes [`os_rng`] (the operating system's generator), tests a seeded ChaCha20.
//!
//! Nothing here lets a server decrypt: the server only ever handles [`ElectionSetup`],
//! round 1 and round 2 messages, the [`ElectionKey`], sealed ballots and decryption shares.

pub mod ballot;
pub mod board;
pub mod decrypt;
pub mod dkg;
pub mod encoding;
pub mod error;
pub mod homomorphic;
mod parallel;
pub mod proofs;
pub mod record;
pub mod setup;
mod symmetric;
pub mod trustee;

pub use ballot::{FrozenSet, KEM_KIND, SealedBallot, seal};
pub use decrypt::{
    Decryption, DecryptionShare, DecryptionShares, combine_decryption, decryption_shares,
    verify_decryption_shares,
};
pub use dkg::{
    DkgRound1, DkgRound2, ElectionKey, EncryptedShare, combine_public, dkg_round1, dkg_round2,
};
pub use encoding::{Digest, GroupElement};
pub use error::CryptoError;
pub use homomorphic::{
    AuditedBallot, BallotOpening, CredentialSecret, ElectionParams, EncryptedBallot,
    EncryptedTally, LayoutType, QuestionLayout, QuestionParams, TallyDecryption, TallyTotals,
    TestRng, combine_tally, decrypt_tally, encrypt_ballot,
};
pub use setup::{ElectionId, ElectionSetup};
pub use trustee::{KeyShare, TrusteeName, TrusteePublic, TrusteeSecret};

/// The operating system's random number generator (`getrandom`), for production use.
pub fn os_rng() -> getrandom::SysRng {
    getrandom::SysRng
}

#[cfg(test)]
mod tests;

// --- shuffle: the mixnet's core (verifiable shuffle, ranked ballots as points) ---
pub mod ranked;
pub mod shuffle;
// --- end shuffle ---

// --- ranked: ranked ballots encrypted on the voter's device (record-format A.6) ---
pub mod ranked_ballot;
// --- end ranked ---
