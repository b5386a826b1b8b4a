//! The byte-level conventions of docs/crypto.md §1–§3: lowercase hex, canonical ristretto255
//! points and scalars, length-prefixed transcripts `T`, and the hashes `H` (SHA-256) and `Hs`
//! (SHA-512 reduced mod ℓ). Written from the document alone, without the server's code.

use curve25519_dalek::ristretto::{CompressedRistretto, RistrettoPoint};
use curve25519_dalek::scalar::Scalar;
use serde_json::{Map, Value};
use sha2::{Digest as _, Sha256, Sha512};

use crate::Invalid;

/// A decoded point together with its canonical 32-byte encoding (the bytes that are hashed).
#[derive(Debug, Clone, Copy)]
pub struct Point {
    pub bytes: [u8; 32],
    pub point: RistrettoPoint,
}

impl Point {
    /// Decodes a canonical encoding; dalek's decoder rejects non-canonical ones (RFC 9496).
    pub fn from_bytes(bytes: [u8; 32]) -> Option<Point> {
        let point = CompressedRistretto(bytes).decompress()?;
        Some(Point { bytes, point })
    }

    pub fn from_point(point: RistrettoPoint) -> Point {
        Point {
            bytes: point.compress().to_bytes(),
            point,
        }
    }
}

/// Decodes `len` bytes of lowercase hex; uppercase is rejected (one spelling per value).
pub fn hex(text: &str, len: usize) -> Option<Vec<u8>> {
    if text.len() != 2 * len {
        return None;
    }
    let digit = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    text.as_bytes()
        .chunks_exact(2)
        .map(|pair| Some(digit(pair[0])? << 4 | digit(pair[1])?))
        .collect()
}

/// Lowercase hex of some bytes.
pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `T(tag; …)` built item by item, then hashed with `H` or `Hs`.
#[derive(Debug, Clone)]
pub struct Transcript {
    bytes: Vec<u8>,
}

impl Transcript {
    pub fn new(tag: &str) -> Transcript {
        let mut t = Transcript { bytes: Vec::new() };
        t.push(tag.as_bytes());
        t
    }

    /// Appends one length-prefixed item.
    pub fn push(&mut self, item: &[u8]) -> &mut Transcript {
        self.bytes
            .extend_from_slice(&(item.len() as u64).to_be_bytes());
        self.bytes.extend_from_slice(item);
        self
    }

    /// Appends an integer as its 8-byte big-endian encoding.
    pub fn int(&mut self, n: u64) -> &mut Transcript {
        self.push(&n.to_be_bytes())
    }

    /// `H(tag; …)`.
    pub fn digest(&self) -> [u8; 32] {
        Sha256::digest(&self.bytes).into()
    }

    /// `SHA-512(T(tag; …))`, the 64 bytes (a hash to the group maps them to a point).
    pub fn wide(&self) -> [u8; 64] {
        Sha512::digest(&self.bytes).into()
    }

    /// `Hs(tag; …)`.
    pub fn scalar(&self) -> Scalar {
        let wide: [u8; 64] = Sha512::digest(&self.bytes).into();
        Scalar::from_bytes_mod_order_wide(&wide)
    }
}

/// A JSON object read field by field; every error names the field.
#[derive(Debug, Clone, Copy)]
pub struct Obj<'a>(pub &'a Map<String, Value>);

impl<'a> Obj<'a> {
    pub fn of(value: &'a Value, what: &str) -> Result<Obj<'a>, Invalid> {
        value
            .as_object()
            .map(Obj)
            .ok_or_else(|| Invalid::new(format!("{what} is not a JSON object")))
    }

    pub fn get(&self, key: &str) -> Result<&'a Value, Invalid> {
        self.0
            .get(key)
            .ok_or_else(|| Invalid::new(format!("field `{key}` is missing")))
    }

    pub fn obj(&self, key: &str) -> Result<Obj<'a>, Invalid> {
        Obj::of(self.get(key)?, &format!("field `{key}`"))
    }

    pub fn str(&self, key: &str) -> Result<&'a str, Invalid> {
        self.get(key)?
            .as_str()
            .ok_or_else(|| Invalid::new(format!("field `{key}` is not a string")))
    }

    pub fn u64(&self, key: &str) -> Result<u64, Invalid> {
        self.get(key)?
            .as_u64()
            .ok_or_else(|| Invalid::new(format!("field `{key}` is not a non-negative integer")))
    }

    pub fn i64(&self, key: &str) -> Result<i64, Invalid> {
        self.get(key)?
            .as_i64()
            .ok_or_else(|| Invalid::new(format!("field `{key}` is not an integer")))
    }

    pub fn arr(&self, key: &str) -> Result<&'a Vec<Value>, Invalid> {
        self.get(key)?
            .as_array()
            .ok_or_else(|| Invalid::new(format!("field `{key}` is not an array")))
    }

    pub fn bytes(&self, key: &str, len: usize) -> Result<Vec<u8>, Invalid> {
        let text = self.str(key)?;
        hex(text, len).ok_or_else(|| {
            Invalid::new(format!(
                "field `{key}` ({}) is not {len} bytes of lowercase hex",
                clip(text)
            ))
        })
    }

    pub fn digest(&self, key: &str) -> Result<[u8; 32], Invalid> {
        let bytes = self.bytes(key, 32)?;
        let mut out = [0u8; 32];
        out.copy_from_slice(&bytes);
        Ok(out)
    }

    pub fn point(&self, key: &str) -> Result<Point, Invalid> {
        let bytes = self.digest(key)?;
        Point::from_bytes(bytes).ok_or_else(|| {
            Invalid::new(format!(
                "field `{key}` ({}) is not a canonical ristretto255 point",
                to_hex(&bytes)
            ))
        })
    }

    pub fn scalar(&self, key: &str) -> Result<Scalar, Invalid> {
        let bytes = self.digest(key)?;
        Option::from(Scalar::from_canonical_bytes(bytes)).ok_or_else(|| {
            Invalid::new(format!(
                "field `{key}` ({}) is not a canonical scalar",
                to_hex(&bytes)
            ))
        })
    }

    /// `{"c", "s"}` as two scalars.
    pub fn proof(&self, key: &str) -> Result<(Scalar, Scalar), Invalid> {
        let p = self.obj(key)?;
        Ok((p.scalar("c")?, p.scalar("s")?))
    }

    /// Fails when the object has a field outside `allowed` (docs/crypto.md §3: readers reject
    /// unknown fields).
    pub fn only(&self, allowed: &[&str]) -> Result<(), Invalid> {
        match self.0.keys().find(|k| !allowed.contains(&k.as_str())) {
            Some(k) => Err(Invalid::new(format!("unknown field `{}`", clip(k)))),
            None => Ok(()),
        }
    }
}

/// A value shortened for an error message (the input may be arbitrarily long).
pub fn clip(text: &str) -> String {
    let short: String = text.chars().take(70).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transcript_is_length_prefixed() {
        // docs/crypto.md §2: T("t"; "ab", 1) = 00..01 't' 00..02 'a' 'b' 00..08 00..01.
        let mut expected = vec![0, 0, 0, 0, 0, 0, 0, 1, b't'];
        expected.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 2, b'a', b'b']);
        expected.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 1]);
        let mut t = Transcript::new("t");
        t.push(b"ab").int(1);
        assert_eq!(t.bytes, expected);
        assert_eq!(t.digest(), <[u8; 32]>::from(Sha256::digest(&expected)));
    }

    #[test]
    fn hex_rejects_uppercase_and_wrong_lengths() {
        assert_eq!(hex("0aff", 2), Some(vec![0x0a, 0xff]));
        assert_eq!(hex("0AFF", 2), None);
        assert_eq!(hex("0af", 2), None);
        assert_eq!(hex("0aff00", 2), None);
        assert_eq!(hex("zz", 1), None);
    }

    #[test]
    fn basepoint_encoding_decodes() {
        // docs/crypto.md §1 gives G's encoding.
        let g = hex(
            "e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76",
            32,
        )
        .unwrap();
        let p = Point::from_bytes(g.try_into().unwrap()).unwrap();
        assert_eq!(
            p.point,
            curve25519_dalek::constants::RISTRETTO_BASEPOINT_POINT
        );
        // Non-canonical: the field element p = 2^255 - 19 (all ones but the top bit, ed at the
        // bottom) is not a valid encoding.
        let mut bad = [0xffu8; 32];
        bad[0] = 0xed;
        bad[31] = 0x7f;
        assert!(Point::from_bytes(bad).is_none());
    }
}
