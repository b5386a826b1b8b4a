//! Signing in: password hashing and TOTP for staff, voting links for voters, and the session
//! that remembers who is signed in (with its CSRF token).
//!
//! Everything secret here (passwords, TOTP secrets, session ids, voting-link tokens, CSRF
//! tokens) has a `Debug` that prints nothing of it, and is compared in constant time.

pub mod password;
pub mod session;
pub mod totp;
pub mod voting_link;
// --- webauth: database-backed stores ---
pub mod db_sessions;
pub mod db_voting_links;
pub mod session_cache;
// --- server secret key (TOTP secrets sealed at rest) ---
pub mod server_key;

/// Fills a buffer from the operating system's secure random number generator.
pub(crate) fn random_bytes<const N: usize>() -> Result<[u8; N], getrandom::Error> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes)?;
    Ok(bytes)
}

/// Lower-case hexadecimal.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn hex_encodes_each_byte_as_two_lowercase_digits() {
        assert_eq!(super::hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
        assert_eq!(super::hex(&[]), "");
    }
}
