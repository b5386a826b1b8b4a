//! `CryptoError`: every way a key, a proof, a share or a ballot can be refused. Messages name
//! the trustee (by index and name) or the ballot position at fault.

use thiserror::Error;

/// Why a cryptographic operation or check failed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CryptoError {
    #[error("invalid hexadecimal: {0}")]
    InvalidHex(String),
    #[error("{0} is not the canonical encoding of a ristretto255 group element")]
    InvalidPoint(String),
    #[error("{0} is not the canonical encoding of a scalar (it must be below the group order)")]
    InvalidScalar(String),
    #[error("{what} must not be the identity element")]
    IdentityElement { what: String },
    #[error("the operating system's random number generator failed: {0}")]
    Randomness(String),
    #[error("unsupported {what} version {found} (this build reads version {expected})")]
    UnsupportedVersion {
        what: &'static str,
        found: u32,
        expected: u32,
    },
    #[error("unsupported {what} kind {found:?} (this build reads {expected:?})")]
    UnsupportedKind {
        what: &'static str,
        found: String,
        expected: &'static str,
    },
    #[error("board: {0}")]
    BoardProof(String),
    #[error("sealed ballot ciphertext of {len} bytes is shorter than the minimum {minimum}")]
    CiphertextTooShort { len: usize, minimum: usize },

    // Verifiable ballots and tallies.
    #[error("invalid election parameters: {0}")]
    InvalidElectionParams(String),
    #[error("{0}")]
    InvalidBallot(String),
    #[error("answer not allowed: {0}")]
    AnswerNotAllowed(String),
    #[error("{0}")]
    InvalidTally(String),

    // Identities and set-up.
    #[error("invalid trustee name {name:?}: {reason}")]
    InvalidName { name: String, reason: &'static str },
    #[error("invalid election id {id:?}: {reason}")]
    InvalidElectionId { id: String, reason: &'static str },
    #[error("threshold {threshold} is impossible with {trustees} trustees (need 1 ≤ k ≤ n ≤ {max})", max = crate::setup::MAX_TRUSTEES)]
    BadThreshold { threshold: u64, trustees: usize },
    #[error("trustee {name:?} appears twice in the set-up (same name or same key)")]
    DuplicateTrustee { name: String },
    #[error("the proof of possession of trustee {name:?}'s public key does not verify")]
    BadProofOfPossession { name: String },
    #[error("the secret file belongs to {name:?}, who is not a trustee of this set-up")]
    NotATrustee { name: String },
    #[error("{what} belongs to set-up {found}, not to this one ({expected})")]
    WrongSetup {
        what: String,
        expected: String,
        found: String,
    },
    #[error("the secret file holds no key share for election {election:?}")]
    NoKeyShare { election: String },
    #[error("trustee index {0} is not in the set-up")]
    UnknownTrustee(u64),

    // Distributed key generation.
    #[error(
        "round {round}: expected one message from each of the {expected} trustees, got {found}"
    )]
    WrongMessageCount {
        round: u8,
        expected: usize,
        found: usize,
    },
    #[error("round {round}: two messages from trustee {trustee}")]
    DuplicateMessage { round: u8, trustee: String },
    #[error("round 1 message of trustee {trustee} is not signed by that trustee's key")]
    BadRound1Signature { trustee: String },
    #[error(
        "round 1 message of trustee {trustee} has {found} commitments, expected {expected} (the threshold)"
    )]
    WrongCommitmentCount {
        trustee: String,
        expected: usize,
        found: usize,
    },
    #[error(
        "round 1 message of trustee {trustee}: the proof of knowledge of the constant coefficient does not verify"
    )]
    BadCoefficientProof { trustee: String },
    #[error(
        "round 1 message of trustee {trustee} does not carry exactly one share for each trustee"
    )]
    WrongShareRecipients { trustee: String },
    #[error("the share that trustee {dealer} sent to trustee {recipient} does not decrypt")]
    ShareDoesNotDecrypt { dealer: String, recipient: String },
    #[error(
        "the share that trustee {dealer} sent to trustee {recipient} does not match {dealer}'s commitments"
    )]
    ShareInconsistent { dealer: String, recipient: String },
    #[error("round 2 message of trustee {trustee} was made from other round 1 messages")]
    Round1DigestMismatch { trustee: String },
    #[error(
        "round 2 message of trustee {trustee}: the verification key does not match the round 1 commitments"
    )]
    BadVerificationKey { trustee: String },
    #[error(
        "round 2 message of trustee {trustee}: the proof of knowledge of the key share does not verify"
    )]
    BadShareProof { trustee: String },

    // Sealed ballots.
    #[error(
        "plaintext of {len} bytes does not fit a sealed ballot of {padded_len} bytes (4 are the length prefix)"
    )]
    PlaintextTooLong { len: usize, padded_len: usize },
    #[error(
        "sealed ballot at position {position} does not open (wrong key, or altered ciphertext or context)"
    )]
    BallotDoesNotOpen { position: usize },
    #[error("sealed ballot at position {position} opens but its padding is malformed")]
    BadPadding { position: usize },

    // Decryption shares.
    #[error(
        "decryption shares of trustee {trustee} are for another ballot set ({found}, expected {expected})"
    )]
    WrongBallotSet {
        trustee: String,
        expected: String,
        found: String,
    },
    #[error("decryption shares of trustee {trustee}: {found} shares for {expected} ballots")]
    WrongShareCount {
        trustee: String,
        expected: usize,
        found: usize,
    },
    #[error(
        "decryption share of trustee {trustee} for ballot {position}: the equality proof does not verify"
    )]
    BadDecryptionProof { trustee: String, position: usize },
    #[error("two sets of decryption shares from trustee {trustee}")]
    DuplicateShares { trustee: String },
    #[error("{valid} valid decryption share sets, {needed} needed{}", rejected_list(.rejected))]
    NotEnoughShares {
        needed: usize,
        valid: usize,
        rejected: Vec<CryptoError>,
    },
}

fn rejected_list(rejected: &[CryptoError]) -> String {
    if rejected.is_empty() {
        String::new()
    } else {
        let reasons: Vec<String> = rejected.iter().map(ToString::to_string).collect();
        format!("; rejected: {}", reasons.join("; "))
    }
}
