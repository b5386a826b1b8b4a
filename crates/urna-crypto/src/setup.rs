//! The election set-up that the server writes before key generation (`setup.json`): the
//! election id, the threshold k and the n trustees' public identities in order. Trustee `i`
//! (1-based) is the i-th entry. Every DKG message, key share and decryption share is bound to
//! the set-up's digest, so nothing made for one election or one committee fits another.

use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::encoding::{Digest, Transcript, V1};
use crate::error::CryptoError;
use crate::trustee::{TrusteePublic, TrusteeSecret};

/// The largest committee accepted (indices are hashed as 8-byte integers; this only keeps
/// files and the O(n²) DKG work bounded).
pub const MAX_TRUSTEES: usize = 1000;

/// An election identifier: 1 to 200 bytes of UTF-8 without control characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ElectionId(String);

impl ElectionId {
    pub fn parse(id: &str) -> Result<Self, CryptoError> {
        let bad = |reason| CryptoError::InvalidElectionId {
            id: id.to_owned(),
            reason,
        };
        if id.is_empty() {
            return Err(bad("it is empty"));
        }
        if id.len() > 200 {
            return Err(bad("it is longer than 200 bytes"));
        }
        if id.chars().any(char::is_control) {
            return Err(bad("it contains a control character"));
        }
        Ok(Self(id.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ElectionId {
    type Error = CryptoError;
    fn try_from(s: String) -> Result<Self, CryptoError> {
        Self::parse(&s)
    }
}

impl From<ElectionId> for String {
    fn from(id: ElectionId) -> String {
        id.0
    }
}

impl fmt::Display for ElectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SetupWire {
    v: V1,
    election_id: ElectionId,
    threshold: u32,
    trustees: Vec<TrusteePublic>,
}

/// A validated set-up: 1 ≤ k ≤ n ≤ [`MAX_TRUSTEES`], distinct names and keys, every proof of
/// possession valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "SetupWire", into = "SetupWire")]
pub struct ElectionSetup {
    election_id: ElectionId,
    threshold: u32,
    trustees: Vec<TrusteePublic>,
    digest: Digest,
}

impl ElectionSetup {
    pub fn new(
        election_id: ElectionId,
        threshold: u32,
        trustees: Vec<TrusteePublic>,
    ) -> Result<Self, CryptoError> {
        let n = trustees.len();
        if threshold == 0 || threshold as usize > n || n > MAX_TRUSTEES {
            return Err(CryptoError::BadThreshold {
                threshold: u64::from(threshold),
                trustees: n,
            });
        }
        for (i, t) in trustees.iter().enumerate() {
            t.verify()?;
            if trustees[..i]
                .iter()
                .any(|u| u.name == t.name || u.encryption_key == t.encryption_key)
            {
                return Err(CryptoError::DuplicateTrustee {
                    name: t.name.as_str().to_owned(),
                });
            }
        }
        let mut t = Transcript::<Sha256>::new("urna/v1/setup");
        t.bytes(election_id.as_str().as_bytes())
            .u64(u64::from(threshold))
            .u64(n as u64);
        for trustee in &trustees {
            t.bytes(trustee.name.as_str().as_bytes())
                .element(&trustee.encryption_key);
        }
        let digest = t.digest();
        Ok(Self {
            election_id,
            threshold,
            trustees,
            digest,
        })
    }

    pub fn election_id(&self) -> &ElectionId {
        &self.election_id
    }

    /// k: how many trustees are needed to decrypt.
    pub fn threshold(&self) -> u32 {
        self.threshold
    }

    pub fn trustees(&self) -> &[TrusteePublic] {
        &self.trustees
    }

    pub fn digest(&self) -> Digest {
        self.digest
    }

    /// The trustee with 1-based `index`.
    pub fn trustee(&self, index: u32) -> Result<&TrusteePublic, CryptoError> {
        (index as usize)
            .checked_sub(1)
            .and_then(|i| self.trustees.get(i))
            .ok_or(CryptoError::UnknownTrustee(u64::from(index)))
    }

    /// "3 (carol)": how errors name a trustee.
    pub fn label(&self, index: u32) -> String {
        match self.trustee(index) {
            Ok(t) => format!("{index} ({})", t.name),
            Err(_) => format!("{index} (not in the set-up)"),
        }
    }

    /// The 1-based index of the trustee who owns `secret`.
    pub fn index_of(&self, secret: &TrusteeSecret) -> Result<u32, CryptoError> {
        self.trustees
            .iter()
            .position(|t| t.encryption_key == secret.public.encryption_key)
            .map(|i| i as u32 + 1)
            .ok_or_else(|| CryptoError::NotATrustee {
                name: secret.public.name.as_str().to_owned(),
            })
    }

    /// Fails unless `found` is this set-up's digest; `what` names the file or message.
    pub(crate) fn expect_digest(
        &self,
        found: &Digest,
        what: impl Into<String>,
    ) -> Result<(), CryptoError> {
        if found == &self.digest {
            Ok(())
        } else {
            Err(CryptoError::WrongSetup {
                what: what.into(),
                expected: self.digest.to_string(),
                found: found.to_string(),
            })
        }
    }
}

impl TryFrom<SetupWire> for ElectionSetup {
    type Error = CryptoError;
    fn try_from(w: SetupWire) -> Result<Self, CryptoError> {
        Self::new(w.election_id, w.threshold, w.trustees)
    }
}

impl From<ElectionSetup> for SetupWire {
    fn from(s: ElectionSetup) -> Self {
        SetupWire {
            v: V1,
            election_id: s.election_id,
            threshold: s.threshold,
            trustees: s.trustees,
        }
    }
}
