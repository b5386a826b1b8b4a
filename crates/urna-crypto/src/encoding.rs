//! Byte encodings shared by every hash, key derivation and JSON file (`docs/crypto.md` is the
//! normative description; a JavaScript verifier will re-implement it, so it stays small):
//!
//! - a *transcript* is a sequence of byte strings, each written as its length in 8 bytes
//!   big-endian followed by its bytes; the first string is always a domain tag such as
//!   `urna/v1/dkg-pok`. Integers are written as 8-byte big-endian strings, points as their
//!   32-byte ristretto255 encoding, scalars as their 32-byte little-endian canonical encoding.
//! - digests are SHA-256 of a transcript; challenges and other scalars derived by hashing are
//!   SHA-512 of a transcript reduced modulo the group order (`from_bytes_mod_order_wide`).
//! - in JSON, points, scalars and byte strings are lowercase hexadecimal.

use std::fmt;
use std::sync::LazyLock;

use curve25519_dalek::ristretto::{CompressedRistretto, RistrettoPoint};
use curve25519_dalek::scalar::Scalar;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest as _, Sha256, Sha512};
use zeroize::Zeroize;

use crate::error::CryptoError;

/// Lowercase hexadecimal of `bytes`.
pub fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0x0f)] as char);
    }
    out
}

/// Parses lowercase hexadecimal (uppercase is refused so that every value has one spelling).
pub fn from_hex(text: &str) -> Result<Vec<u8>, CryptoError> {
    fn digit(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None,
        }
    }
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return Err(CryptoError::InvalidHex(format!(
            "odd number of digits ({})",
            bytes.len()
        )));
    }
    bytes
        .chunks_exact(2)
        .enumerate()
        .map(|(i, pair)| match (digit(pair[0]), digit(pair[1])) {
            (Some(hi), Some(lo)) => Ok(hi << 4 | lo),
            _ => Err(CryptoError::InvalidHex(format!(
                "{:?} at offset {} is not two lowercase hexadecimal digits",
                String::from_utf8_lossy(pair),
                2 * i
            ))),
        })
        .collect()
}

fn from_hex_array<const N: usize>(text: &str) -> Result<[u8; N], CryptoError> {
    let bytes = from_hex(text)?;
    bytes
        .as_slice()
        .try_into()
        .map_err(|_| CryptoError::InvalidHex(format!("expected {N} bytes, found {}", bytes.len())))
}

/// A SHA-256 or SHA-512 hash over a transcript of length-prefixed byte strings.
pub(crate) struct Transcript<D> {
    hasher: D,
}

impl<D: sha2::Digest> Transcript<D> {
    pub(crate) fn new(tag: &'static str) -> Self {
        let mut t = Self { hasher: D::new() };
        t.bytes(tag.as_bytes());
        t
    }

    pub(crate) fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        self.hasher.update((bytes.len() as u64).to_be_bytes());
        self.hasher.update(bytes);
        self
    }

    pub(crate) fn u64(&mut self, n: u64) -> &mut Self {
        self.bytes(&n.to_be_bytes())
    }

    /// `x` as 8 bytes big-endian two's complement.
    pub(crate) fn i64(&mut self, x: i64) -> &mut Self {
        self.bytes(&x.to_be_bytes())
    }

    pub(crate) fn element(&mut self, e: &GroupElement) -> &mut Self {
        self.bytes(e.compressed.as_bytes())
    }

    pub(crate) fn scalar(&mut self, s: &Scalar) -> &mut Self {
        self.bytes(s.as_bytes())
    }
}

impl Transcript<Sha256> {
    pub(crate) fn digest(self) -> Digest {
        Digest(self.hasher.finalize().into())
    }
}

impl Transcript<Sha512> {
    /// The transcript's SHA-512 reduced modulo the group order.
    pub(crate) fn into_scalar(self) -> Scalar {
        let wide: [u8; 64] = self.hasher.finalize().into();
        Scalar::from_bytes_mod_order_wide(&wide)
    }
}

/// A SHA-256 digest naming a setup, a DKG transcript or a frozen ballot set.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Digest(pub [u8; 32]);

impl Digest {
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl fmt::Debug for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Digest({})", to_hex(&self.0))
    }
}

impl fmt::Display for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&to_hex(&self.0))
    }
}

impl Serialize for Digest {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&to_hex(&self.0))
    }
}

impl<'de> Deserialize<'de> for Digest {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        from_hex_array(&text)
            .map(Digest)
            .map_err(serde::de::Error::custom)
    }
}

/// A ristretto255 group element that came from a valid encoding (decoding checks group
/// membership), kept together with its encoding so that hashing does not re-compress it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct GroupElement {
    pub(crate) point: RistrettoPoint,
    pub(crate) compressed: CompressedRistretto,
}

impl GroupElement {
    pub(crate) fn new(point: RistrettoPoint) -> Self {
        Self {
            point,
            compressed: point.compress(),
        }
    }

    /// `scalar · G` for the standard ristretto255 generator.
    pub(crate) fn base_times(scalar: &Scalar) -> Self {
        Self::new(RistrettoPoint::mul_base(scalar))
    }

    /// Builds an element from a point and its encoding computed elsewhere (by
    /// [`double_and_compress`]).
    pub(crate) fn from_parts(point: RistrettoPoint, compressed: CompressedRistretto) -> Self {
        debug_assert_eq!(point.compress(), compressed);
        Self { point, compressed }
    }

    /// Decodes 32 bytes; fails on anything that is not the canonical encoding of a group element.
    pub fn from_bytes(bytes: [u8; 32]) -> Result<Self, CryptoError> {
        let compressed = CompressedRistretto(bytes);
        match compressed.decompress() {
            Some(point) => Ok(Self { point, compressed }),
            None => Err(CryptoError::InvalidPoint(to_hex(&bytes))),
        }
    }

    pub fn to_bytes(&self) -> [u8; 32] {
        self.compressed.to_bytes()
    }

    pub fn is_identity(&self) -> bool {
        self.compressed == CompressedRistretto::default()
    }
}

impl fmt::Debug for GroupElement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "GroupElement({})", to_hex(self.compressed.as_bytes()))
    }
}

impl Serialize for GroupElement {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&to_hex(self.compressed.as_bytes()))
    }
}

impl<'de> Deserialize<'de> for GroupElement {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        from_hex_array(&text)
            .and_then(GroupElement::from_bytes)
            .map_err(serde::de::Error::custom)
    }
}

/// `1/2 mod ℓ`: computing `P = (a/2)·B` instead of `a·B` lets [`double_and_compress`] encode
/// `2·P = a·B`.
pub(crate) static HALF: LazyLock<Scalar> = LazyLock::new(|| Scalar::from(2u64).invert());

/// The encodings of `2·P` for every `P` of `halves`, with one field inversion for the whole
/// batch instead of one inverse square root per point (dalek's `double_and_compress_batch`).
/// Encoding a point costs about a tenth of a scalar multiplication; batched, next to nothing.
/// Only for public points: the batch is not meant to be constant-time per point.
pub(crate) fn double_and_compress(halves: &[RistrettoPoint]) -> Vec<CompressedRistretto> {
    RistrettoPoint::double_and_compress_batch(halves)
}

/// A point's 32-byte encoding, read from hexadecimal but not yet decoded. Long lists of points
/// (ballots, decryption shares) are read this way and decoded on every core
/// ([`decode_in_parallel`]): decoding costs an inverse square root, more than the JSON around it.
#[derive(Clone, Copy)]
pub(crate) struct EncodedElement(pub(crate) [u8; 32]);

impl Serialize for EncodedElement {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&to_hex(&self.0))
    }
}

impl<'de> Deserialize<'de> for EncodedElement {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        from_hex_array(&text)
            .map(EncodedElement)
            .map_err(serde::de::Error::custom)
    }
}

/// Reads a JSON list of `W` and converts each (decoding its points) on every core; an error
/// names the item's position.
pub(crate) fn decode_in_parallel<'de, D, W, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    W: Deserialize<'de> + Sync,
    T: Send,
    for<'a> &'a W: TryInto<T, Error = CryptoError>,
{
    let wire = Vec::<W>::deserialize(d)?;
    crate::parallel::map(&wire, |position, w| {
        w.try_into()
            .map_err(|e| format!("item {position} of the list: {e}"))
    })
    .into_iter()
    .collect::<Result<Vec<T>, String>>()
    .map_err(serde::de::Error::custom)
}

fn scalar_from_hex(text: &str) -> Result<Scalar, CryptoError> {
    let bytes: [u8; 32] = from_hex_array(text)?;
    Option::from(Scalar::from_canonical_bytes(bytes))
        .ok_or_else(|| CryptoError::InvalidScalar(to_hex(&bytes)))
}

/// A public scalar (a proof's challenge or response): canonical encodings only.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PublicScalar(pub(crate) Scalar);

impl fmt::Debug for PublicScalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicScalar({})", to_hex(self.0.as_bytes()))
    }
}

impl Serialize for PublicScalar {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&to_hex(self.0.as_bytes()))
    }
}

impl<'de> Deserialize<'de> for PublicScalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        scalar_from_hex(&text)
            .map(PublicScalar)
            .map_err(serde::de::Error::custom)
    }
}

/// A secret scalar (a private key or key share): `Debug` never shows it and it is wiped from
/// memory when dropped. It serializes only into trustee secret files.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretScalar(pub(crate) Scalar);

impl Drop for SecretScalar {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl fmt::Debug for SecretScalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretScalar([redacted])")
    }
}

impl Serialize for SecretScalar {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&to_hex(self.0.as_bytes()))
    }
}

impl<'de> Deserialize<'de> for SecretScalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut text = String::deserialize(d)?;
        let parsed = scalar_from_hex(&text);
        text.zeroize();
        // The error would otherwise echo the secret's bytes.
        parsed
            .map(SecretScalar)
            .map_err(|_| serde::de::Error::custom("secret scalar is not 32 canonical bytes"))
    }
}

/// Bytes written as lowercase hexadecimal in JSON.
#[derive(Clone, PartialEq, Eq)]
pub struct HexBytes(pub Vec<u8>);

impl fmt::Debug for HexBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HexBytes({})", to_hex(&self.0))
    }
}

impl Serialize for HexBytes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&to_hex(&self.0))
    }
}

impl<'de> Deserialize<'de> for HexBytes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        from_hex(&text)
            .map(HexBytes)
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips_and_refuses_uppercase() {
        assert_eq!(to_hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
        assert_eq!(from_hex("000fa5ff").unwrap(), vec![0x00, 0x0f, 0xa5, 0xff]);
        assert!(from_hex("0F").is_err());
        assert!(from_hex("abc").is_err());
        assert!(from_hex("zz").is_err());
    }

    #[test]
    fn basepoint_encoding_matches_rfc_9496() {
        // RFC 9496 §A.1, the first multiple of the generator (B itself).
        let g = GroupElement::base_times(&Scalar::ONE);
        assert_eq!(
            to_hex(&g.to_bytes()),
            "e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76"
        );
        // RFC 9496 §A.1, 2·B.
        let two_g = GroupElement::base_times(&Scalar::from(2u64));
        assert_eq!(
            to_hex(&two_g.to_bytes()),
            "6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919"
        );
    }

    #[test]
    fn non_canonical_encodings_are_refused() {
        // RFC 9496 §A.2: a non-canonical field element (p itself) and a negative one.
        for bad in [
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0100000000000000000000000000000000000000000000000000000000000000",
        ] {
            let json = format!("\"{bad}\"");
            assert!(
                serde_json::from_str::<GroupElement>(&json).is_err(),
                "{bad}"
            );
        }
        // The group order ℓ = 2^252 + 27742317777372353535851937790883648493 is not canonical.
        let ell = "\"edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010\"";
        assert!(serde_json::from_str::<PublicScalar>(ell).is_err());
    }

    #[test]
    fn transcript_prefixes_every_string_with_its_length() {
        // By hand: tag "t" → 00..01 74; string "ab" → 00..02 61 62; integer 1 → 00..08 00..01.
        let mut t = Transcript::<Sha256>::new("t");
        t.bytes(b"ab").u64(1);
        let mut expected = Vec::new();
        expected.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 1, b't']);
        expected.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 2, b'a', b'b']);
        expected.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 1]);
        assert_eq!(t.digest().0, <[u8; 32]>::from(Sha256::digest(&expected)));
    }

    #[test]
    fn batched_encoding_of_doubled_halves_matches_one_by_one() {
        // 2·(a/2)·G = a·G, and the batch gives the same bytes as compressing one point at a
        // time, the identity (encoded as 32 zero bytes, RFC 9496 §4.3.2) included.
        assert_eq!(*HALF * Scalar::from(2u64), Scalar::ONE);
        let scalars: Vec<Scalar> = (0u64..7).map(|i| Scalar::from(i * 7919 + 3)).collect();
        let mut halves: Vec<RistrettoPoint> = scalars
            .iter()
            .map(|a| RistrettoPoint::mul_base(&(a * *HALF)))
            .collect();
        halves.push(RistrettoPoint::default());
        let batch = double_and_compress(&halves);
        for (a, encoded) in scalars.iter().zip(&batch) {
            assert_eq!(*encoded, RistrettoPoint::mul_base(a).compress());
        }
        assert_eq!(batch[7].to_bytes(), [0u8; 32]);
    }

    #[test]
    fn secret_scalars_are_redacted() {
        let s = SecretScalar(Scalar::from(42u64));
        assert_eq!(format!("{s:?}"), "SecretScalar([redacted])");
    }
}

/// The `"v": 1` field of every file format: serializes as `1`, refuses any other number, so a
/// future format change is detected instead of misread.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct V1;

impl Serialize for V1 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(1)
    }
}

impl<'de> Deserialize<'de> for V1 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match u32::deserialize(d)? {
            1 => Ok(V1),
            other => Err(serde::de::Error::custom(format!(
                "unsupported format version {other} (this build reads version 1)"
            ))),
        }
    }
}

// --- shuffle: hashing to the group (docs/record-format.md, appendix on shuffles) ---
impl Transcript<Sha512> {
    /// The transcript's 64-byte SHA-512, for `RistrettoPoint::from_uniform_bytes`.
    pub(crate) fn into_wide_bytes(self) -> [u8; 64] {
        self.hasher.finalize().into()
    }
}
// --- end shuffle ---
