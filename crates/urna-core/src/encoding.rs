//! Text encodings of random bytes and digests: base64url without padding (RFC 4648 §5) for
//! voting-link tokens, and Crockford's base32 for codes people read aloud or type (receipt
//! codes, election ids).
//!
//! Hand-rolled (about 80 lines) rather than a dependency: both are fixed tables, and the tests
//! check them against the RFC 4648 §10 vectors.

/// RFC 4648 §5 "URL and Filename safe" alphabet.
const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Crockford's base32 alphabet: digits and capitals without I, L, O, U, so that a code read
/// aloud or copied by hand has no look-alike letters.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Encodes bytes as base64url without padding.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        // 1 byte → 2 characters, 2 → 3, 3 → 4.
        for i in 0..=chunk.len() {
            let index = (n >> (18 - 6 * i)) & 63;
            out.push(char::from(BASE64URL[index as usize]));
        }
    }
    out
}

/// Decodes unpadded base64url, strictly: no padding, no other alphabet, and the unused low bits
/// of the last character must be zero (so that every byte string has exactly one encoding).
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let digits: Vec<u32> = text
        .bytes()
        .map(|c| BASE64URL.iter().position(|&a| a == c).map(|p| p as u32))
        .collect::<Option<_>>()?;
    if digits.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let mut n = 0u32;
        for (i, d) in chunk.iter().enumerate() {
            n |= d << (18 - 6 * i);
        }
        let bytes = chunk.len() - 1;
        let unused_bits = 24 - 8 * bytes as u32;
        if n & ((1 << unused_bits) - 1) != 0 {
            return None;
        }
        for i in 0..bytes {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

/// Encodes the first `bits` bits of `bytes` as Crockford base32, 5 bits a character (the last
/// character padded with zero bits). `bits` must not exceed `8 * bytes.len()`.
pub fn crockford_encode_bits(bytes: &[u8], bits: usize) -> String {
    let bits = bits.min(bytes.len() * 8);
    let mut out = String::with_capacity(bits.div_ceil(5));
    let mut start = 0;
    while start < bits {
        let mut value = 0usize;
        for k in 0..5 {
            let bit = start + k;
            let set = bit < bits && bytes[bit / 8] & (0x80 >> (bit % 8)) != 0;
            value = (value << 1) | usize::from(set);
        }
        out.push(char::from(CROCKFORD[value]));
        start += 5;
    }
    out
}

/// Normalises a typed Crockford code: upper case, `O` read as `0`, `I` and `L` as `1`; spaces
/// and hyphens dropped. `None` if anything else is left that is not in the alphabet.
pub fn crockford_normalize(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !c.is_ascii() || !CROCKFORD.contains(&(c as u8)) {
            return None;
        }
        out.push(c);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_rfc4648_vectors() {
        // RFC 4648 §10, without the padding; base64url differs from base64 only in `-` and `_`.
        let vectors = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base64url_encode(plain.as_bytes()), encoded);
            assert_eq!(base64url_decode(encoded).unwrap(), plain.as_bytes());
        }
        // 0xfb 0xff: base64 "+/8=", so base64url "-_8".
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("-_8").unwrap(), vec![0xfb, 0xff]);
    }

    #[test]
    fn base64url_decoding_is_strict() {
        assert_eq!(base64url_decode("Zg=="), None, "padding");
        assert_eq!(base64url_decode("Z+8"), None, "standard alphabet");
        assert_eq!(
            base64url_decode("Z"),
            None,
            "a lone character holds no byte"
        );
        // "Zh": Z=25, h=33 → bits 011001 100001: the last 4 bits (0001) must be zero.
        assert_eq!(base64url_decode("Zh"), None, "non-canonical last character");
    }

    #[test]
    fn crockford_matches_rfc4648_base32_with_crockford_letters() {
        // RFC 4648 §10: BASE32("foobar") = "MZXW6YTBOI======". Mapping the RFC alphabet
        // (A–Z, 2–7) index by index onto Crockford's gives the same 5-bit groups:
        // M=12→C, Z=25→S, X=23→Q, W=22→P, 6=30→Y, Y=24→R, T=19→K, B=1→1, O=14→E, I=8→8.
        assert_eq!(crockford_encode_bits(b"foobar", 48), "CSQPYRK1E8");
        // "f" = 0x66 = 01100110 → 01100 110(00) → 12, 24 → "CR" (RFC: "MY======").
        assert_eq!(crockford_encode_bits(b"f", 8), "CR");
        assert_eq!(crockford_encode_bits(&[0xff, 0xff], 10), "ZZ");
    }

    #[test]
    fn typed_codes_are_normalised() {
        assert_eq!(crockford_normalize("abc-dol i").unwrap(), "ABCD011");
        assert_eq!(crockford_normalize("AB!"), None);
        assert_eq!(
            crockford_normalize("U"),
            None,
            "U is not in Crockford's alphabet"
        );
    }
}
