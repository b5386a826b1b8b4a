//! The deterministic test generator of `docs/record-format.md` §10: its `j`-th draw is
//! `Hs("urna/v1/test-rng"; seed, j)`. The shared test vectors are made with it, so that an
//! implementation in another language that draws in the order of §4 reproduces every ballot
//! byte for byte. Never for production: anyone who knows the seed knows every draw.

/// A generator whose `j`-th draw (one call of `try_fill_bytes`) is the scalar
/// `Hs("urna/v1/test-rng"; seed, j)`: its 32-byte encoding, then zeros. A 64-byte request (how
/// this crate draws a scalar) therefore reduces to that very scalar.
#[derive(Debug, Clone)]
pub struct TestRng {
    seed: String,
    draws: u64,
}

impl TestRng {
    /// A generator for `seed` (hashed as its UTF-8 bytes), at draw 0.
    pub fn new(seed: &str) -> Self {
        Self {
            seed: seed.to_owned(),
            draws: 0,
        }
    }

    /// How many draws were made so far.
    pub fn draws(&self) -> u64 {
        self.draws
    }
}

impl TestRng {
    /// The next draw's scalar.
    fn next_scalar(&mut self) -> curve25519_dalek::scalar::Scalar {
        let mut t = crate::encoding::Transcript::<sha2::Sha512>::new("urna/v1/test-rng");
        t.bytes(self.seed.as_bytes()).u64(self.draws);
        self.draws += 1;
        t.into_scalar()
    }
}

impl rand_core::TryRng for TestRng {
    type Error = std::convert::Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        let mut bytes = [0u8; 4];
        self.try_fill_bytes(&mut bytes)?;
        Ok(u32::from_le_bytes(bytes))
    }

    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        let mut bytes = [0u8; 8];
        self.try_fill_bytes(&mut bytes)?;
        Ok(u64::from_le_bytes(bytes))
    }

    /// One draw per call, whatever the length: the scalar's 32 bytes, then zeros.
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        let scalar = self.next_scalar();
        dst.fill(0);
        let n = dst.len().min(32);
        dst[..n].copy_from_slice(&scalar.as_bytes()[..n]);
        Ok(())
    }
}

impl rand_core::TryCryptoRng for TestRng {}
