//! Checking many verification equations at once (the small-exponents batch test of Bellare,
//! Garay and Rabin): equations `Σ_i a_i·P_i = 0` hold together with overwhelming probability
//! iff `Σ_e z_e·(Σ_i a_{e,i}·P_{e,i}) = 0` for random 128-bit weights `z_e`, which is one
//! multiscalar multiplication instead of one per equation.
//!
//! The weights are derived from a hash of everything the equations contain (see
//! [`Weights::new`]), so a prover cannot choose its values knowing them, and a check is
//! reproducible.

use curve25519_dalek::ristretto::RistrettoPoint;
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::{IsIdentity, VartimePrecomputedMultiscalarMul};
use sha2::{Digest as _, Sha512};

use super::params::KeyTables;

/// A stream of 128-bit weights: the `i`-th block of four is `SHA-512(seed ‖ i)` cut in 16-byte
/// pieces.
pub(crate) struct Weights {
    seed: [u8; 32],
    block: u64,
    buffer: [u8; 64],
    used: usize,
}

impl Weights {
    /// `seed` must be the hash of every value the weighted equations contain.
    pub(crate) fn new(seed: Scalar) -> Self {
        Self {
            seed: seed.to_bytes(),
            block: 0,
            buffer: [0; 64],
            used: 64,
        }
    }

    pub(crate) fn next(&mut self) -> Scalar {
        if self.used == 64 {
            let mut h = Sha512::new();
            h.update(self.seed);
            h.update(self.block.to_be_bytes());
            self.buffer = h.finalize().into();
            self.block += 1;
            self.used = 0;
        }
        let mut bytes = [0u8; 32];
        bytes[..16].copy_from_slice(&self.buffer[self.used..self.used + 16]);
        self.used += 16;
        Scalar::from_bytes_mod_order(bytes)
    }
}

/// The weighted sum of equations over `G`, the election key `Y` and other points, kept as
/// scalars until [`Equations::hold`].
#[derive(Default)]
pub(crate) struct Equations {
    g: Scalar,
    y: Scalar,
    scalars: Vec<Scalar>,
    points: Vec<RistrettoPoint>,
}

impl Equations {
    pub(crate) fn g(&mut self, scalar: Scalar) {
        self.g += scalar;
    }

    pub(crate) fn y(&mut self, scalar: Scalar) {
        self.y += scalar;
    }

    pub(crate) fn term(&mut self, scalar: Scalar, point: RistrettoPoint) {
        self.scalars.push(scalar);
        self.points.push(point);
    }

    /// Whether the weighted sum is the identity (variable time: every input is public).
    pub(crate) fn hold(&self, tables: &KeyTables) -> bool {
        tables
            .g_y_precomputed
            .vartime_mixed_multiscalar_mul(
                [self.g, self.y],
                self.scalars.iter(),
                self.points.iter(),
            )
            .is_identity()
    }
}
