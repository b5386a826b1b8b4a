//! Time-based one-time passwords for staff sign-in: RFC 6238 TOTP over RFC 4226 HOTP, with
//! HMAC-SHA-1, 6 digits and 30-second steps (what authenticator apps expect), accepting one
//! step of clock drift either way and refusing a step already used (replay).
//!
//! Secrets are shown to the user once, as base32 (RFC 4648) in an `otpauth://` URI, and
//! stored only sealed under the server secret key ([`TotpSecret::seal`]).

use std::fmt;

use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;
use subtle::ConstantTimeEq;
use urna_store::{AccountId, SecretBytes};

use super::server_key::ServerSecretKey;

/// Seconds per time step (RFC 6238 §4.1 default X).
pub const STEP_SECONDS: u64 = 30;
/// Digits of a code.
pub const DIGITS: u32 = 6;
/// Steps of clock drift accepted on each side (RFC 6238 §5.2 recommends at most one).
pub const DRIFT_STEPS: u64 = 1;
/// Secret length for new secrets: 160 bits, as RFC 4226 §4 recommends (R6).
pub const SECRET_BYTES: usize = 20;
/// Shortest secret accepted: 128 bits (RFC 4226 §4, R6).
pub const MIN_SECRET_BYTES: usize = 16;

/// Why a TOTP secret or code was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TotpError {
    #[error("the TOTP secret is too short: {0} bytes, at least {MIN_SECRET_BYTES} are needed")]
    SecretTooShort(usize),
    #[error("the TOTP secret is not valid base32: unexpected character {0:?}")]
    Base32(char),
    #[error("a code has exactly {DIGITS} digits")]
    MalformedCode,
    #[error("the system random number generator failed: {0}")]
    Random(String),
    #[error("cannot seal the TOTP secret: {0}")]
    Seal(String),
    /// The stored secret does not open: the key is not the one it was sealed with (another
    /// data directory's key file, a changed `secret_key`), or the row was altered.
    #[error(
        "cannot open the stored TOTP secret of account {account}: the server secret key is not the one it was sealed with (check `secret_key` / URNA_SECRET_KEY or the data directory's secret.key), or the stored value is damaged"
    )]
    Unseal { account: i64 },
}

/// The associated data binding a sealed secret to its account, so that a sealed value copied
/// into another account's row does not open there.
fn sealing_context(account: AccountId) -> Vec<u8> {
    let mut context = b"urna totp secret, account ".to_vec();
    context.extend_from_slice(&account.0.to_be_bytes());
    context
}

/// A shared TOTP secret. Never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct TotpSecret(Vec<u8>);

impl fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TotpSecret(<redacted>)")
    }
}

impl TotpSecret {
    /// A new random 160-bit secret.
    pub fn generate() -> Result<Self, TotpError> {
        let bytes =
            super::random_bytes::<SECRET_BYTES>().map_err(|e| TotpError::Random(e.to_string()))?;
        Ok(TotpSecret(bytes.to_vec()))
    }

    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, TotpError> {
        if bytes.len() < MIN_SECRET_BYTES {
            return Err(TotpError::SecretTooShort(bytes.len()));
        }
        Ok(TotpSecret(bytes))
    }

    /// Reads a base32 secret as authenticator apps show it (any case, spaces, optional `=`).
    pub fn from_base32(text: &str) -> Result<Self, TotpError> {
        Self::from_bytes(base32_decode(text)?)
    }

    /// The secret in unpadded base32, for storage or display.
    pub fn to_base32(&self) -> String {
        base32_encode(&self.0).trim_end_matches('=').to_owned()
    }

    /// The raw secret, for storage.
    pub fn expose_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The secret sealed for storage in `account`'s row (XChaCha20-Poly1305 under the server
    /// key; associated data: a label and the account id, see [`sealing_context`]).
    pub fn seal(
        &self,
        key: &ServerSecretKey,
        account: AccountId,
    ) -> Result<SecretBytes, TotpError> {
        key.seal(&sealing_context(account), &self.0)
            .map(SecretBytes)
            .map_err(|e| TotpError::Seal(e.to_string()))
    }

    /// Opens what [`Self::seal`] stored for `account`.
    pub fn unseal(
        key: &ServerSecretKey,
        account: AccountId,
        sealed: &SecretBytes,
    ) -> Result<Self, TotpError> {
        let opened = key
            .open(&sealing_context(account), &sealed.0)
            .ok_or(TotpError::Unseal { account: account.0 })?;
        Self::from_bytes(opened.to_vec())
    }

    /// The `otpauth://` URI an authenticator app scans (Key Uri Format). `issuer` and
    /// `account` are percent-encoded.
    pub fn otpauth_uri(&self, issuer: &str, account: &str) -> String {
        let issuer = percent_encode(issuer);
        let account = percent_encode(account);
        format!(
            "otpauth://totp/{issuer}:{account}?secret={}&issuer={issuer}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
            self.to_base32()
        )
    }
}

/// HOTP value (RFC 4226 §5.3): HMAC-SHA-1 of the 8-byte big-endian counter, dynamic
/// truncation, modulo 10^digits.
pub fn hotp(secret: &[u8], counter: u64, digits: u32) -> u32 {
    // HMAC accepts keys of any length; this cannot fail.
    let Ok(mut mac) = <Hmac<Sha1> as KeyInit>::new_from_slice(secret) else {
        return 0;
    };
    mac.update(&counter.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest[digest.len() - 1] & 0x0f);
    let binary = (u32::from(digest[offset]) & 0x7f) << 24
        | u32::from(digest[offset + 1]) << 16
        | u32::from(digest[offset + 2]) << 8
        | u32::from(digest[offset + 3]);
    binary % 10u32.pow(digits)
}

/// The time step containing `unix_seconds` (RFC 6238 §4.2, T0 = 0).
pub fn time_step(unix_seconds: u64) -> u64 {
    unix_seconds / STEP_SECONDS
}

/// TOTP value at a time, zero-padded to `digits`.
pub fn totp(secret: &[u8], unix_seconds: u64, digits: u32) -> String {
    let value = hotp(secret, time_step(unix_seconds), digits);
    format!("{value:0width$}", width = digits as usize)
}

/// A code as typed: exactly six digits once spaces are removed. Never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct TotpCode(String);

impl fmt::Debug for TotpCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TotpCode(<redacted>)")
    }
}

impl TotpCode {
    pub fn parse(typed: &str) -> Result<Self, TotpError> {
        let digits: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() == DIGITS as usize && digits.bytes().all(|b| b.is_ascii_digit()) {
            Ok(TotpCode(digits))
        } else {
            Err(TotpError::MalformedCode)
        }
    }
}

/// Checks a code against the steps around `unix_seconds`. Returns the matching step, which
/// the caller stores as `last_used_step`; a code from that step or an earlier one is refused
/// so that an observed code cannot be replayed. Every candidate is compared, in constant time.
pub fn verify(
    secret: &TotpSecret,
    code: &TotpCode,
    unix_seconds: u64,
    last_used_step: Option<u64>,
) -> Option<u64> {
    let current = time_step(unix_seconds);
    let mut matched = None;
    for step in current.saturating_sub(DRIFT_STEPS)..=current.saturating_add(DRIFT_STEPS) {
        let expected = hotp(&secret.0, step, DIGITS);
        let expected = format!("{expected:0width$}", width = DIGITS as usize);
        if bool::from(expected.as_bytes().ct_eq(code.0.as_bytes())) {
            matched = Some(step);
        }
    }
    matched.filter(|step| last_used_step.is_none_or(|used| *step > used))
}

const BASE32_ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// RFC 4648 §6 base32 with padding.
fn base32_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    for chunk in bytes.chunks(5) {
        let mut buffer = [0u8; 5];
        buffer[..chunk.len()].copy_from_slice(chunk);
        let bits = buffer
            .iter()
            .fold(0u64, |acc, &byte| acc << 8 | u64::from(byte));
        // Output characters carrying input bits: ceil(len * 8 / 5).
        let used = (chunk.len() * 8).div_ceil(5);
        for i in 0..8 {
            if i < used {
                let index = (bits >> (35 - i * 5)) & 0x1f;
                out.push(char::from(BASE32_ALPHABET[index as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn base32_decode(text: &str) -> Result<Vec<u8>, TotpError> {
    let mut bits: u64 = 0;
    let mut bit_count = 0u32;
    let mut out = Vec::new();
    for c in text.chars().filter(|c| !c.is_whitespace() && *c != '=') {
        let upper = c.to_ascii_uppercase();
        let value = BASE32_ALPHABET
            .iter()
            .position(|&a| char::from(a) == upper)
            .ok_or(TotpError::Base32(c))?;
        bits = bits << 5 | value as u64;
        bit_count += 5;
        if bit_count >= 8 {
            bit_count -= 8;
            out.push((bits >> bit_count) as u8);
            bits &= (1 << bit_count) - 1;
        }
    }
    Ok(out)
}

fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The RFC 6238 Appendix B SHA-1 seed: ASCII "12345678901234567890" (20 bytes).
    const RFC_SEED: &[u8] = b"12345678901234567890";

    #[test]
    fn rfc_6238_appendix_b_sha1_vectors() {
        // (time in seconds, 8-digit TOTP) from the table in RFC 6238 Appendix B, mode SHA1.
        let vectors: [(u64, &str); 6] = [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ];
        for (time, expected) in vectors {
            assert_eq!(totp(RFC_SEED, time, 8), expected, "T = {time}");
        }
    }

    #[test]
    fn rfc_6238_time_steps() {
        // RFC 6238 Appendix B, column "T (hex)": 59 s is step 1, 1111111109 s is 0x23523EC.
        assert_eq!(time_step(59), 1);
        assert_eq!(time_step(1_111_111_109), 0x23523EC);
        assert_eq!(time_step(20_000_000_000), 0x27BC86AA);
    }

    #[test]
    fn rfc_4226_appendix_d_hotp_vectors() {
        // Six-digit HOTP for counters 0..9, RFC 4226 Appendix D.
        let expected = [
            755224, 287082, 359152, 969429, 338314, 254676, 287922, 162583, 399871, 520489,
        ];
        for (counter, value) in expected.into_iter().enumerate() {
            assert_eq!(
                hotp(RFC_SEED, counter as u64, 6),
                value,
                "counter {counter}"
            );
        }
    }

    #[test]
    fn verify_accepts_one_step_of_drift_and_refuses_replays() {
        let secret = TotpSecret::from_bytes(RFC_SEED.to_vec()).expect("20 bytes");
        // At T = 59 s (step 1) the 6-digit code is the last six digits of 94287082 (RFC 6238
        // Appendix B); equally HOTP(counter 1) = 287082 in RFC 4226 Appendix D.
        let code = TotpCode::parse("287 082").expect("six digits");
        assert_eq!(verify(&secret, &code, 59, None), Some(1));
        // One step later (60..89 s, step 2) and one earlier (0..29 s, step 0): still accepted.
        assert_eq!(verify(&secret, &code, 89, None), Some(1));
        assert_eq!(verify(&secret, &code, 0, None), Some(1));
        // Two steps later (90 s, step 3): refused.
        assert_eq!(verify(&secret, &code, 90, None), None);
        // Replay: step 1 already used.
        assert_eq!(verify(&secret, &code, 59, Some(1)), None);
        // A wrong code (step 0's code is 755224, not current) at step 5.
        let other = TotpCode::parse("755224").expect("six digits");
        assert_eq!(verify(&secret, &other, 5 * 30, None), None);
    }

    #[test]
    fn codes_must_be_six_digits() {
        assert!(TotpCode::parse("12345").is_err());
        assert!(TotpCode::parse("1234567").is_err());
        assert!(TotpCode::parse("12345a").is_err());
        assert!(
            TotpCode::parse("١٢٣٤٥٦").is_err(),
            "Arabic-Indic digits are not ASCII"
        );
        assert!(TotpCode::parse(" 123 456 ").is_ok());
    }

    #[test]
    fn base32_rfc_4648_vectors() {
        // RFC 4648 §10.
        let vectors = [
            ("", ""),
            ("f", "MY======"),
            ("fo", "MZXQ===="),
            ("foo", "MZXW6==="),
            ("foob", "MZXW6YQ="),
            ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI======"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base32_encode(plain.as_bytes()), encoded);
            assert_eq!(base32_decode(encoded).expect("valid"), plain.as_bytes());
            assert_eq!(
                base32_decode(&encoded.to_lowercase()).expect("valid"),
                plain.as_bytes()
            );
        }
        assert_eq!(base32_decode("MZ1W"), Err(TotpError::Base32('1')));
    }

    #[test]
    fn secrets_are_long_enough_and_never_printed() {
        assert_eq!(
            TotpSecret::from_bytes(vec![0; 10]),
            Err(TotpError::SecretTooShort(10))
        );
        let secret = TotpSecret::generate().expect("random");
        assert_eq!(secret.expose_bytes().len(), 20);
        assert_eq!(secret.to_base32().len(), 32);
        assert_eq!(
            TotpSecret::from_base32(&secret.to_base32()).expect("round trip"),
            secret
        );
        assert_eq!(format!("{secret:?}"), "TotpSecret(<redacted>)");
        let uri = secret.otpauth_uri("Urna Test", "ann@example.org");
        assert!(uri.starts_with("otpauth://totp/Urna%20Test:ann%40example.org?secret="));
        assert!(uri.ends_with("&issuer=Urna%20Test&algorithm=SHA1&digits=6&period=30"));
    }

    #[test]
    fn sealed_secrets_open_only_for_their_account_and_key() {
        let key = ServerSecretKey::generate().expect("random");
        let secret = TotpSecret::from_bytes(RFC_SEED.to_vec()).expect("20 bytes");
        let sealed = secret.seal(&key, AccountId(7)).expect("sealed");
        assert!(
            !sealed.0.windows(RFC_SEED.len()).any(|w| w == RFC_SEED),
            "the seed is not in the sealed bytes"
        );
        assert_eq!(TotpSecret::unseal(&key, AccountId(7), &sealed), Ok(secret));
        assert_eq!(
            TotpSecret::unseal(&key, AccountId(8), &sealed),
            Err(TotpError::Unseal { account: 8 })
        );
        let other = ServerSecretKey::generate().expect("random");
        assert_eq!(
            TotpSecret::unseal(&other, AccountId(7), &sealed),
            Err(TotpError::Unseal { account: 7 })
        );
    }
}
