//! Plain values the store takes and returns: row ids, timestamps, hashes and secrets.
//!
//! The store does not depend on the domain crate; the web layer maps domain types to these.

use std::fmt;

use sha2::{Digest, Sha256};

use crate::error::StoreError;

macro_rules! row_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, sqlx::Type)]
        #[sqlx(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

row_id!(
    /// An election's database id.
    ElectionId
);
row_id!(
    /// A staff account's database id.
    AccountId
);
row_id!(
    /// A voter's database id (one voter row per election).
    VoterId
);
row_id!(
    /// A background job's database id.
    JobId
);

/// A point in time: microseconds since the Unix epoch, UTC. Callers pass "now" explicitly so
/// that tests and the domain control the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, sqlx::Type)]
#[sqlx(transparent)]
pub struct UnixMicros(pub i64);

/// Lower-case hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    out
}

/// `len` bytes from the operating system's generator.
pub(crate) fn random_bytes<const N: usize>() -> Result<[u8; N], StoreError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(StoreError::Random)?;
    Ok(bytes)
}

/// The SHA-256 of a high-entropy bearer token (session cookie, voting link). The store keys
/// rows by this hash and never sees the raw token, so a database dump cannot be replayed as a
/// login. The only constructor hashes: a raw token cannot be stored by mistake.
///
/// Lookups compare hashes inside the database, which is not constant-time; that is safe
/// because the hash of an unknown 256-bit token reveals nothing usable about the token.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct TokenHash([u8; 32]);

impl TokenHash {
    /// Hashes a token.
    #[must_use]
    pub fn of(token: &[u8]) -> Self {
        Self(Sha256::digest(token).into())
    }

    /// The 32 hash bytes.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// Wraps a SHA-256 digest computed elsewhere: urna-core's domain-tagged voting-token hash
    /// (`urna_core::token::TokenHash`) is what voter rows store. The argument is a digest,
    /// not a token: pass a raw token to [`TokenHash::of`] instead.
    #[must_use]
    pub fn from_sha256_digest(digest: [u8; 32]) -> Self {
        Self(digest)
    }

    pub(crate) fn from_row(bytes: &[u8], table: &'static str) -> Result<Self, StoreError> {
        bytes
            .try_into()
            .map(Self)
            .map_err(|_| StoreError::CorruptRow {
                table,
                column: "token hash",
                detail: format!("{} bytes, expected 32", bytes.len()),
            })
    }
}

impl fmt::Debug for TokenHash {
    /// Only a prefix: enough to correlate log lines, useless for lookups.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TokenHash({}…)", hex(&self.0[..4]))
    }
}

/// Bytes that must never appear in logs (CSRF secrets, encrypted TOTP seeds). `Debug` prints
/// only the length.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretBytes(pub Vec<u8>);

impl fmt::Debug for SecretBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretBytes(<{} bytes redacted>)", self.0.len())
    }
}

/// A password hash in PHC string form (argon2). Not a secret in the cryptographic sense, but an
/// offline-guessing target: `Debug` redacts it.
#[derive(Clone, PartialEq, Eq)]
pub struct PasswordHash(pub String);

impl fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordHash(<redacted>)")
    }
}

/// A ballot's public id: 128 random bits, so that ids and their order reveal nothing about
/// when a ballot was cast. Ballot listings are sorted by this id.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BallotId([u8; 16]);

impl BallotId {
    pub(crate) fn random() -> Result<Self, StoreError> {
        random_bytes().map(Self)
    }

    pub(crate) fn from_row(bytes: &[u8]) -> Result<Self, StoreError> {
        bytes
            .try_into()
            .map(Self)
            .map_err(|_| StoreError::CorruptRow {
                table: "ballots",
                column: "id",
                detail: format!("{} bytes, expected 16", bytes.len()),
            })
    }

    /// The 16 id bytes.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }
}

impl fmt::Display for BallotId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex(&self.0))
    }
}

impl fmt::Debug for BallotId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BallotId({})", hex(&self.0))
    }
}

/// A staff member's role in one election.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ElectionRole {
    /// Runs the election: definition, voters, lifecycle.
    Admin,
    /// Watches: turnout, audit log, vote times.
    Scrutineer,
    /// Holds a key share.
    Trustee,
}

impl ElectionRole {
    /// The name stored in the database.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Scrutineer => "scrutineer",
            Self::Trustee => "trustee",
        }
    }

    pub(crate) fn from_row(text: &str) -> Result<Self, StoreError> {
        match text {
            "admin" => Ok(Self::Admin),
            "scrutineer" => Ok(Self::Scrutineer),
            "trustee" => Ok(Self::Trustee),
            other => Err(StoreError::CorruptRow {
                table: "election_roles",
                column: "role",
                detail: format!("unknown role {other:?}"),
            }),
        }
    }
}

/// Parses a JSON column written by the store itself.
pub(crate) fn json_from_row(
    text: &str,
    table: &'static str,
    column: &'static str,
) -> Result<serde_json::Value, StoreError> {
    serde_json::from_str(text).map_err(|error| StoreError::CorruptRow {
        table,
        column,
        detail: format!("not JSON: {error}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_hash_is_sha256() {
        // FIPS 180-2 test vector: SHA-256("abc").
        let expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert_eq!(hex(TokenHash::of(b"abc").as_bytes()), expected);
    }

    #[test]
    fn secrets_are_redacted_in_debug() {
        let secret = SecretBytes(b"hunter2-totp-seed".to_vec());
        let printed = format!("{secret:?}");
        assert!(!printed.contains("hunter2"), "{printed}");
        assert!(printed.contains("17 bytes"), "{printed}");
        let hash = PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into());
        assert!(!format!("{hash:?}").contains("argon2id"));
        let token = TokenHash::of(b"abc");
        // Only the first 4 bytes (8 hex digits) of ba7816bf…
        assert_eq!(format!("{token:?}"), "TokenHash(ba7816bf…)");
    }

    #[test]
    fn role_names_round_trip() {
        for role in [
            ElectionRole::Admin,
            ElectionRole::Scrutineer,
            ElectionRole::Trustee,
        ] {
            assert_eq!(ElectionRole::from_row(role.as_str()).unwrap(), role);
        }
        assert!(ElectionRole::from_row("root").is_err());
    }
}
