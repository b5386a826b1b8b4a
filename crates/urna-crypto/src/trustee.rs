//! Trustee identities: a long-term ristretto255 key pair per trustee, used to receive DKG
//! shares (ECIES) and to sign DKG messages, and the per-election key shares the DKG adds.
//!
//! [`TrusteeSecret`] is the trustee's secret file (it never leaves the trustee's machine);
//! [`TrusteePublic`] is what the trustee hands to the election server: the name, the public
//! key and a Schnorr proof of possession bound to the name (so a key cannot be re-used under
//! another name, and nobody can register a key they cannot use).

use std::fmt;

use rand_core::TryCryptoRng;
use serde::{Deserialize, Serialize};

use crate::encoding::{Digest, GroupElement, SecretScalar, V1};
use crate::error::CryptoError;
use crate::proofs::{SchnorrProof, random_scalar};
use crate::setup::ElectionId;

const POP_TAG: &str = "urna/v1/trustee-pop";

/// A trustee's display name: 1 to 100 characters, no control characters, no surrounding spaces.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TrusteeName(String);

impl TrusteeName {
    pub fn parse(name: &str) -> Result<Self, CryptoError> {
        let bad = |reason| CryptoError::InvalidName {
            name: name.to_owned(),
            reason,
        };
        if name.is_empty() {
            return Err(bad("it is empty"));
        }
        if name.chars().count() > 100 {
            return Err(bad("it is longer than 100 characters"));
        }
        if name.chars().any(char::is_control) {
            return Err(bad("it contains a control character"));
        }
        if name.trim() != name {
            return Err(bad("it starts or ends with white space"));
        }
        Ok(Self(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for TrusteeName {
    type Error = CryptoError;
    fn try_from(s: String) -> Result<Self, CryptoError> {
        Self::parse(&s)
    }
}

impl From<TrusteeName> for String {
    fn from(n: TrusteeName) -> String {
        n.0
    }
}

impl fmt::Display for TrusteeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A trustee's public identity (`alice.public.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrusteePublic {
    pub v: V1,
    pub name: TrusteeName,
    /// The trustee's long-term public key `P = p·G`.
    pub encryption_key: GroupElement,
    /// Schnorr proof of knowledge of `p`, context = the name.
    pub proof_of_possession: SchnorrProof,
}

impl TrusteePublic {
    /// Checks the proof of possession and that the key is not the identity.
    pub fn verify(&self) -> Result<(), CryptoError> {
        if self.encryption_key.is_identity() {
            return Err(CryptoError::IdentityElement {
                what: format!("the public key of trustee {:?}", self.name.as_str()),
            });
        }
        if !self.proof_of_possession.verify(
            POP_TAG,
            &[self.name.as_str().as_bytes()],
            &self.encryption_key,
        ) {
            return Err(CryptoError::BadProofOfPossession {
                name: self.name.0.clone(),
            });
        }
        Ok(())
    }
}

/// A trustee's share of one election's key, stored in the secret file after DKG round 2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyShare {
    pub election_id: ElectionId,
    /// Digest of the election set-up this share belongs to.
    pub setup: Digest,
    /// Digest of the round 1 messages the share was built from.
    pub transcript: Digest,
    /// The trustee's index `l` (1-based, the position in the set-up).
    pub index: u32,
    pub threshold: u32,
    /// `x_l = Σ_i f_i(l)`.
    pub share: SecretScalar,
    /// `X_l = x_l·G`.
    pub verification_key: GroupElement,
    /// The election public key `Y`.
    pub public_key: GroupElement,
}

/// The trustee's secret file (`alice.secret.json`, mode 0600).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrusteeSecret {
    pub v: V1,
    pub public: TrusteePublic,
    /// The long-term secret key `p`.
    pub(crate) encryption_secret: SecretScalar,
    /// One entry per election whose key this trustee holds a share of.
    #[serde(default)]
    pub shares: Vec<KeyShare>,
}

impl TrusteeSecret {
    /// Draws a new key pair for `name` and proves possession of it.
    pub fn generate<R: TryCryptoRng + ?Sized>(
        name: TrusteeName,
        rng: &mut R,
    ) -> Result<Self, CryptoError> {
        let secret = random_scalar(rng)?;
        let key = GroupElement::base_times(&secret);
        let proof = SchnorrProof::prove(POP_TAG, &[name.as_str().as_bytes()], &secret, &key, rng)?;
        Ok(Self {
            v: V1,
            public: TrusteePublic {
                v: V1,
                name,
                encryption_key: key,
                proof_of_possession: proof,
            },
            encryption_secret: SecretScalar(secret),
            shares: Vec::new(),
        })
    }

    /// Checks a loaded secret file: the secret key matches the public key and its proof.
    pub fn check(&self) -> Result<(), CryptoError> {
        if GroupElement::base_times(&self.encryption_secret.0) != self.public.encryption_key {
            return Err(CryptoError::BadProofOfPossession {
                name: self.public.name.0.clone(),
            });
        }
        self.public.verify()
    }

    /// The key share for the set-up with this digest, if round 2 stored one.
    pub fn share_for(&self, setup: &Digest) -> Option<&KeyShare> {
        self.shares.iter().find(|s| &s.setup == setup)
    }

    pub(crate) fn store_share(&mut self, share: KeyShare) {
        self.shares.retain(|s| s.setup != share.setup);
        self.shares.push(share);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::ChaCha20Rng;
    use rand_core::SeedableRng;

    #[test]
    fn names_are_checked() {
        assert!(TrusteeName::parse("Alice Example").is_ok());
        assert!(TrusteeName::parse("").is_err());
        assert!(TrusteeName::parse(" alice").is_err());
        assert!(TrusteeName::parse("al\nice").is_err());
        assert!(TrusteeName::parse(&"a".repeat(101)).is_err());
        assert!(serde_json::from_str::<TrusteeName>("\"\"").is_err());
    }

    #[test]
    fn proof_of_possession_is_bound_to_the_name() {
        let mut rng = ChaCha20Rng::seed_from_u64(7);
        let secret =
            TrusteeSecret::generate(TrusteeName::parse("alice").unwrap(), &mut rng).unwrap();
        secret.check().unwrap();
        let mut renamed = secret.public.clone();
        renamed.name = TrusteeName::parse("mallory").unwrap();
        assert_eq!(
            renamed.verify(),
            Err(CryptoError::BadProofOfPossession {
                name: "mallory".into()
            })
        );
    }

    #[test]
    fn secret_file_round_trips_and_debug_redacts() {
        let mut rng = ChaCha20Rng::seed_from_u64(8);
        let secret =
            TrusteeSecret::generate(TrusteeName::parse("alice").unwrap(), &mut rng).unwrap();
        let json = serde_json::to_string(&secret).unwrap();
        let back: TrusteeSecret = serde_json::from_str(&json).unwrap();
        assert_eq!(back, secret);
        let hex = crate::encoding::to_hex(secret.encryption_secret.0.as_bytes());
        assert!(json.contains(&hex));
        assert!(!format!("{secret:?}").contains(&hex));
    }
}
