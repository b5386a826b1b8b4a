//! The shuffle's independent generators, derived from the published seed so that nobody knows
//! a discrete logarithm between them (a chosen generator is a trapdoor: Swiss Post 2019).
//!
//! `g_j = from_uniform_bytes(SHA-512(transcript "urna/v1/shuffle/generators"; seed, j))` for
//! `j = 0, 1, …` (`j` as 8 bytes big-endian); `H = g_0` starts the commitment chain and
//! `h_i = g_i` (`i = 1..N`) commit to the permutation. `from_uniform_bytes` is RFC 9496 §4.3.4's
//! one-way map (two Elligator maps added), so the output is a hash to the group.

use curve25519_dalek::ristretto::RistrettoPoint;
use rayon::prelude::*;
use sha2::Sha512;

use crate::encoding::Transcript;

/// `H` and `h_1 … h_N` for one seed.
pub(crate) struct Generators {
    /// `H = g_0`.
    pub(crate) chain_base: RistrettoPoint,
    /// `h_i = g_i` at index `i − 1`.
    pub(crate) permutation: Vec<RistrettoPoint>,
}

/// `g_j` for `seed`.
pub(crate) fn generator(seed: &[u8], j: u64) -> RistrettoPoint {
    let mut t = Transcript::<Sha512>::new("urna/v1/shuffle/generators");
    t.bytes(seed).u64(j);
    RistrettoPoint::from_uniform_bytes(&t.into_wide_bytes())
}

impl Generators {
    /// The generators of a shuffle of `n` vectors, derived on every core.
    pub(crate) fn derive(seed: &[u8], n: usize) -> Self {
        Self {
            chain_base: generator(seed, 0),
            permutation: (1..n + 1)
                .into_par_iter()
                .with_min_len(256)
                .map(|j| generator(seed, j as u64))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::Digest as _;

    #[test]
    fn generator_is_the_documented_hash_to_the_group() {
        // Built by hand from the appendix: the tag, the seed and j = 3, each prefixed by its
        // length in 8 bytes big-endian, hashed with SHA-512, mapped by from_uniform_bytes.
        let tag = b"urna/v1/shuffle/generators";
        let seed = b"seed";
        let mut bytes = Vec::new();
        bytes.extend_from_slice(&(tag.len() as u64).to_be_bytes());
        bytes.extend_from_slice(tag);
        bytes.extend_from_slice(&4u64.to_be_bytes());
        bytes.extend_from_slice(seed);
        bytes.extend_from_slice(&8u64.to_be_bytes());
        bytes.extend_from_slice(&3u64.to_be_bytes());
        let wide: [u8; 64] = sha2::Sha512::digest(&bytes).into();
        assert_eq!(
            generator(seed, 3),
            RistrettoPoint::from_uniform_bytes(&wide)
        );
    }

    #[test]
    fn generators_are_distinct_and_depend_on_the_seed() {
        let a = Generators::derive(b"one", 5);
        let b = Generators::derive(b"two", 5);
        let mut all: Vec<[u8; 32]> = std::iter::once(a.chain_base)
            .chain(a.permutation.iter().copied())
            .chain(std::iter::once(b.chain_base))
            .chain(b.permutation.iter().copied())
            .map(|p| p.compress().to_bytes())
            .collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), 12);
        assert_eq!(a.permutation[2], generator(b"one", 3));
    }
}
