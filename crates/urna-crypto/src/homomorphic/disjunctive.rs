//! The disjunctive Chaum–Pedersen proof (Cramer, Damgård and Schoenmakers) that an exponential
//! ElGamal ciphertext `(α, β)` encrypts one value of a public list `v_0 < … < v_t`
//! (`docs/record-format.md` §4), without telling which.

use serde::{Deserialize, Serialize};

use crate::encoding::PublicScalar;

/// One branch of a disjunctive proof: its challenge and response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    pub c: PublicScalar,
    pub s: PublicScalar,
}

/// A disjunctive proof: one branch per allowed value, in the values' order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DisjunctiveProof(pub Vec<Branch>);
