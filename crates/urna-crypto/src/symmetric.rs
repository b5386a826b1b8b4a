//! ChaCha20-Poly1305 (RFC 8439) with single-use keys. Every key here is derived from a fresh
//! ephemeral Diffie–Hellman secret and encrypts exactly one message, so the nonce is fixed at
//! twelve zero bytes; this keeps the format free of a nonce field.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};

use crate::encoding::Digest;
use crate::error::CryptoError;

/// Authentication tag length appended to every ciphertext.
pub const TAG_LEN: usize = 16;

pub(crate) fn encrypt(key: &Digest, aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let cipher = ChaCha20Poly1305::new(&Key::from(key.0));
    cipher
        .encrypt(
            &Nonce::default(),
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .map_err(|_| CryptoError::PlaintextTooLong {
            len: plaintext.len(),
            padded_len: plaintext.len(),
        })
}

/// `None` when the tag does not verify.
pub(crate) fn decrypt(key: &Digest, aad: &[u8], ciphertext: &[u8]) -> Option<Vec<u8>> {
    let cipher = ChaCha20Poly1305::new(&Key::from(key.0));
    cipher
        .decrypt(
            &Nonce::default(),
            Payload {
                msg: ciphertext,
                aad,
            },
        )
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::encoding::{from_hex, to_hex};

    #[test]
    fn rfc_8439_aead_vector() {
        // RFC 8439 §2.8.2 uses nonce 07000000 4041424344454647; we always use the zero nonce,
        // so check the cipher against the RFC with the library directly, then our wrapper's
        // round trip and tag check.
        let key: [u8; 32] =
            from_hex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f")
                .unwrap()
                .try_into()
                .unwrap();
        let nonce: [u8; 12] = from_hex("070000004041424344454647")
            .unwrap()
            .try_into()
            .unwrap();
        let aad = from_hex("50515253c0c1c2c3c4c5c6c7").unwrap();
        let msg = b"Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.";
        let ct = ChaCha20Poly1305::new(&Key::from(key))
            .encrypt(&Nonce::from(nonce), Payload { msg, aad: &aad })
            .unwrap();
        // Tag from RFC 8439 §2.8.2.
        assert_eq!(
            to_hex(&ct[ct.len() - 16..]),
            "1ae10b594f09e26a7e902ecbd0600691"
        );
        assert_eq!(to_hex(&ct[..8]), "d31a8d34648e60db");

        let k = Digest(key);
        let sealed = encrypt(&k, b"aad", b"hello").unwrap();
        assert_eq!(sealed.len(), 5 + TAG_LEN);
        assert_eq!(decrypt(&k, b"aad", &sealed).unwrap(), b"hello");
        assert!(decrypt(&k, b"aaD", &sealed).is_none());
        let mut flipped = sealed.clone();
        flipped[0] ^= 1;
        assert!(decrypt(&k, b"aad", &flipped).is_none());
    }
}
