//! Voting-link tokens and receipt codes.
//!
//! A [`VotingToken`] is 256 random bits from the operating system, written as 43 base64url
//! characters in the voter's personal link. The server keeps only its [`TokenHash`]: a
//! database dump does not let anyone vote. The token has full entropy, so a fast hash
//! (SHA-256 with a domain tag) is enough; passwords, which have little entropy, need argon2
//! instead. Comparisons are constant-time, and `Debug` never prints a token.
//!
//! A receipt code is a short code a voter can note and later find in the published list of
//! sealed ballots: the first 100 bits of a domain-tagged SHA-256 of the sealed ballot, as
//! 4 groups of 5 Crockford base32 characters (`7H2QK-MA4Z0-…`).

use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use thiserror::Error;

use crate::encoding::{
    base64url_decode, base64url_encode, crockford_encode_bits, crockford_normalize,
};

const TOKEN_BYTES: usize = 32;
const TOKEN_HASH_TAG: &[u8] = b"urna-voting-token-v1\0";
const RECEIPT_TAG: &[u8] = b"urna-receipt-v1\0";
/// 4 groups of 5 characters of 5 bits.
const RECEIPT_BITS: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TokenError {
    #[error("the system random number generator failed: {0}")]
    Random(String),
    #[error(
        "this voting link is damaged or incomplete (the code in it is not 43 letters, digits, '-' or '_')"
    )]
    Malformed,
}

/// A voting-link token. Keep it secret; store [`TokenHash::of`] it instead.
#[derive(Clone)]
pub struct VotingToken([u8; TOKEN_BYTES]);

impl VotingToken {
    pub fn generate() -> Result<VotingToken, TokenError> {
        let mut bytes = [0u8; TOKEN_BYTES];
        getrandom::fill(&mut bytes).map_err(|e| TokenError::Random(e.to_string()))?;
        Ok(VotingToken(bytes))
    }

    /// Reads the token from a link (strict base64url, 43 characters).
    pub fn parse(text: &str) -> Result<VotingToken, TokenError> {
        let bytes = base64url_decode(text.trim()).ok_or(TokenError::Malformed)?;
        let bytes: [u8; TOKEN_BYTES] = bytes.try_into().map_err(|_| TokenError::Malformed)?;
        Ok(VotingToken(bytes))
    }

    /// The text to put in the link. Named so that every place that reveals it is visible.
    pub fn reveal(&self) -> String {
        base64url_encode(&self.0)
    }
}

impl fmt::Debug for VotingToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("VotingToken(<redacted>)")
    }
}

/// What the server stores: `SHA-256("urna-voting-token-v1\0" || token bytes)`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TokenHash([u8; 32]);

impl TokenHash {
    pub fn of(token: &VotingToken) -> TokenHash {
        let mut h = Sha256::new();
        h.update(TOKEN_HASH_TAG);
        h.update(token.0);
        TokenHash(h.finalize().into())
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    pub fn from_bytes(bytes: [u8; 32]) -> TokenHash {
        TokenHash(bytes)
    }

    /// 64 lower-case hex digits (for storage and lookup).
    pub fn to_hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    pub fn from_hex(hex: &str) -> Option<TokenHash> {
        if hex.len() != 64 || !hex.is_ascii() {
            return None;
        }
        let mut out = [0u8; 32];
        for (i, b) in out.iter_mut().enumerate() {
            *b = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(TokenHash(out))
    }
}

impl fmt::Debug for TokenHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A hash reveals nothing usable, but a prefix is enough to tell hashes apart.
        write!(f, "TokenHash({}…)", &self.to_hex()[..12])
    }
}

impl TryFrom<String> for TokenHash {
    type Error = String;
    fn try_from(s: String) -> Result<TokenHash, String> {
        TokenHash::from_hex(&s).ok_or_else(|| format!("{s:?} is not 64 hexadecimal digits"))
    }
}

impl From<TokenHash> for String {
    fn from(h: TokenHash) -> String {
        h.to_hex()
    }
}

/// Whether `token` is the one `hash` was made from, in constant time.
pub fn verify(token: &VotingToken, hash: &TokenHash) -> bool {
    TokenHash::of(token).0.ct_eq(&hash.0).into()
}

/// The receipt code of a sealed ballot: `XXXXX-XXXXX-XXXXX-XXXXX`.
pub fn receipt_code(sealed_ballot: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(RECEIPT_TAG);
    h.update(sealed_ballot);
    let digest = h.finalize();
    let code = crockford_encode_bits(&digest, RECEIPT_BITS);
    code.as_bytes()
        .chunks(5)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// A receipt code as a voter typed it, in the form [`receipt_code`] writes (lower case, `O`
/// for zero, `I`/`L` for one and missing hyphens are forgiven). `None` if it cannot be one.
pub fn normalize_receipt_code(typed: &str) -> Option<String> {
    let plain = crockford_normalize(typed)?;
    if plain.len() != RECEIPT_BITS / 5 {
        return None;
    }
    Some(
        plain
            .as_bytes()
            .chunks(5)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join("-"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_43_characters_and_round_trip() {
        let t = VotingToken::generate().unwrap();
        let text = t.reveal();
        assert_eq!(text.len(), 43);
        assert!(
            text.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
        let back = VotingToken::parse(&text).unwrap();
        assert!(verify(&back, &TokenHash::of(&t)));
        assert_ne!(VotingToken::generate().unwrap().reveal(), text, "random");
    }

    #[test]
    fn hash_matches_the_documented_construction() {
        // Python: hashlib.sha256(b"urna-voting-token-v1\0" + bytes(range(32))).hexdigest()
        let t = VotingToken(core::array::from_fn(|i| i as u8));
        assert_eq!(TokenHash::of(&t).to_hex(), EXPECTED_TOKEN_HASH);
        // base64url of bytes 0..32 (Python: base64.urlsafe_b64encode(bytes(range(32))) without "=").
        assert_eq!(t.reveal(), "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8");
    }

    const EXPECTED_TOKEN_HASH: &str =
        "d759dc9342a75c32218fa73a5f6322dba8c3415f55fc70380ef564d19169f7c5";

    #[test]
    fn a_wrong_token_does_not_verify() {
        let t = VotingToken([7; 32]);
        let mut other = [7; 32];
        other[31] = 8;
        assert!(!verify(&VotingToken(other), &TokenHash::of(&t)));
    }

    #[test]
    fn malformed_links_are_refused() {
        for bad in [
            "",
            "abc",
            &"A".repeat(44),
            &format!("{}=", "A".repeat(42)),
            &format!("{}+", "A".repeat(42)),
        ] {
            assert_eq!(
                VotingToken::parse(bad).unwrap_err(),
                TokenError::Malformed,
                "{bad}"
            );
        }
    }

    #[test]
    fn debug_redacts_the_token() {
        let t = VotingToken::generate().unwrap();
        let s = format!("{t:?}");
        assert_eq!(s, "VotingToken(<redacted>)");
        assert!(!format!("{:?}", TokenHash::of(&t)).contains(&TokenHash::of(&t).to_hex()));
    }

    #[test]
    fn receipt_codes() {
        // Python: d = hashlib.sha256(b"urna-receipt-v1\0" + b"sealed ballot").digest(), the
        // first 100 bits in groups of 5 mapped through "0123456789ABCDEFGHJKMNPQRSTVWXYZ".
        let code = receipt_code(b"sealed ballot");
        assert_eq!(code, EXPECTED_RECEIPT);
        assert_eq!(code.len(), 23);
        assert_eq!(
            normalize_receipt_code(&code.to_lowercase().replace('-', " ")).unwrap(),
            code
        );
        assert_eq!(normalize_receipt_code("ABCDE-FGHJK"), None, "too short");
        assert_ne!(receipt_code(b"sealed ballot!"), code);
    }

    const EXPECTED_RECEIPT: &str = "G8C4Y-EP2VP-D6TQV-W508E";
}
