//! Staff passwords, hashed with Argon2id (RFC 9106) into PHC strings.
//!
//! Parameters are OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane). Verification reads
//! the parameters from the stored hash, so hashes made with other parameters (or by other
//! Argon2 implementations) keep working and can be upgraded at the next sign-in
//! ([`needs_rehash`]).

use std::fmt;

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};

/// Bounds on a new password's length, in characters. The upper bound keeps hashing cheap to
/// request; the lower follows NIST SP 800-63B for passwords chosen by the user.
pub const MIN_PASSWORD_CHARS: usize = 12;
pub const MAX_PASSWORD_CHARS: usize = 256;

/// A password as typed. Never printed.
#[derive(Clone)]
pub struct Password(String);

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

/// Why a password or hash was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PasswordError {
    #[error("the password is too short: at least {MIN_PASSWORD_CHARS} characters are needed")]
    TooShort,
    #[error("the password is too long: at most {MAX_PASSWORD_CHARS} characters are allowed")]
    TooLong,
    #[error("the stored password hash is not a valid Argon2 PHC string")]
    MalformedHash,
    #[error("password hashing failed: {0}")]
    Hashing(String),
}

impl Password {
    /// A new password being set: its length is checked.
    pub fn new(password: String) -> Result<Self, PasswordError> {
        let chars = password.chars().count();
        if chars < MIN_PASSWORD_CHARS {
            Err(PasswordError::TooShort)
        } else if chars > MAX_PASSWORD_CHARS {
            Err(PasswordError::TooLong)
        } else {
            Ok(Password(password))
        }
    }

    /// A password typed at sign-in: not checked against the rules for new passwords (the rules
    /// may have changed since it was set), only against the upper bound.
    pub fn attempt(password: String) -> Result<Self, PasswordError> {
        if password.chars().count() > MAX_PASSWORD_CHARS {
            Err(PasswordError::TooLong)
        } else {
            Ok(Password(password))
        }
    }
}

fn hasher() -> Result<Argon2<'static>, PasswordError> {
    let params =
        Params::new(19 * 1024, 2, 1, None).map_err(|e| PasswordError::Hashing(e.to_string()))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes a password with a fresh random salt; returns the PHC string to store.
pub fn hash_password(password: &Password) -> Result<String, PasswordError> {
    let hash = hasher()?
        .hash_password(password.0.as_bytes())
        .map_err(|e| PasswordError::Hashing(e.to_string()))?;
    Ok(hash.to_string())
}

/// Whether `password` matches the stored PHC string (the comparison is constant-time inside
/// the argon2 crate). A malformed stored hash is an error, not a mismatch.
pub fn verify_password(password: &Password, stored: &str) -> Result<bool, PasswordError> {
    let parsed = PasswordHash::new(stored).map_err(|_| PasswordError::MalformedHash)?;
    match hasher()?.verify_password(password.0.as_bytes(), &parsed) {
        Ok(()) => Ok(true),
        Err(argon2::password_hash::Error::PasswordInvalid) => Ok(false),
        Err(_) => Err(PasswordError::MalformedHash),
    }
}

/// Whether a stored hash uses weaker or different parameters than new hashes, so it should be
/// replaced after a successful sign-in.
pub fn needs_rehash(stored: &str) -> bool {
    let current = hasher().ok().map(|h| h.params().clone());
    match (PasswordHash::new(stored), current) {
        (Ok(parsed), Some(current)) => {
            let costs = |p: &Params| (p.m_cost(), p.t_cost(), p.p_cost());
            parsed.algorithm.as_str() != "argon2id"
                || Params::try_from(&parsed).ok().as_ref().map(costs) != Some(costs(&current))
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attempt(s: &str) -> Password {
        Password::attempt(s.to_owned()).expect("short enough")
    }

    #[test]
    fn hash_then_verify_round_trips_and_rejects_other_passwords() {
        let password = Password::new("correct horse battery staple".to_owned()).expect("ok");
        let stored = hash_password(&password).expect("hashes");
        assert!(
            stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{stored}"
        );
        assert!(verify_password(&password, &stored).expect("valid hash"));
        assert!(!verify_password(&attempt("correct horse battery stapl"), &stored).expect("ok"));
        // Two hashes of one password differ: the salt is random.
        assert_ne!(stored, hash_password(&password).expect("hashes"));
        assert!(!needs_rehash(&stored));
    }

    #[test]
    fn verifies_hashes_made_by_the_reference_implementation() {
        // Made with Debian's `argon2` (the reference C implementation, phc-winner-argon2):
        //   echo -n "correct horse battery staple" | argon2 urnasaltsalt -id -t 2 -m 10 -p 1 -e
        let reference = "$argon2id$v=19$m=1024,t=2,p=1$dXJuYXNhbHRzYWx0$Q3brUKwQKS1MNOzGO62ecqUjyirUW+cKC5FbtU94iO0";
        assert!(verify_password(&attempt("correct horse battery staple"), reference).expect("ok"));
        assert!(
            !verify_password(&attempt("correct horse battery stapler"), reference).expect("ok")
        );
        // Weaker parameters than ours: upgrade at next sign-in.
        assert!(needs_rehash(reference));
    }

    #[test]
    fn tampered_hash_no_longer_verifies() {
        let reference = "$argon2id$v=19$m=1024,t=2,p=1$dXJuYXNhbHRzYWx0$Q3brUKwQKS1MNOzGO62ecqUjyirUW+cKC5FbtU94iO0";
        // One character of the digest changed.
        let tampered = reference.replace("Q3brUK", "Q3brUL");
        assert!(!verify_password(&attempt("correct horse battery staple"), &tampered).expect("ok"));
        // The salt changed.
        let resalted = reference.replace("dXJuYXNhbHRzYWx0", "dXJuYXNhbHRzYWx1");
        assert!(!verify_password(&attempt("correct horse battery staple"), &resalted).expect("ok"));
        assert_eq!(
            verify_password(&attempt("x"), "not a hash"),
            Err(PasswordError::MalformedHash)
        );
    }

    #[test]
    fn new_password_length_is_checked_and_never_printed() {
        assert_eq!(
            Password::new("short".to_owned()).map(|_| ()),
            Err(PasswordError::TooShort)
        );
        assert_eq!(
            Password::new("x".repeat(257)).map(|_| ()),
            Err(PasswordError::TooLong)
        );
        let p = Password::new("a very secret passphrase".to_owned()).expect("ok");
        assert!(!format!("{p:?}").contains("secret"));
    }
}
