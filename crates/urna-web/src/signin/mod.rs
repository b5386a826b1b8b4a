//! Voter sign-in through outside accounts, beside the voting links of [`crate::auth`].
//!
//! Three kinds of provider, and each election chooses which apply ([`settings`]):
//! 1. a wiki's MediaWiki OAuth 2.0 ([`mediawiki`]): authorization code with PKCE, then the
//!    `rest.php/oauth2/resource/profile` profile; the voter is `Username@wiki`;
//! 2. any OpenID Connect provider ([`oidc`]), found by discovery: code flow with PKCE, `state`
//!    and `nonce`, the ID token's signature checked against the provider's JWKS; the voter is
//!    `sub@issuer` (or a configured claim);
//! 3. the voting links that exist already ([`crate::auth::voting_link`]).
//!
//! The providers are configured in `[[signin.wiki]]` and `[[signin.oidc]]` ([`config`]). The
//! flow ([`flow`], routes in [`routes`]): the voter picks a provider on the election's
//! sign-in page (a CSRF-checked form); the server stores an attempt (its `state` hashed, the
//! PKCE verifier and nonce kept server-side, bound to the browser by a random cookie) and
//! sends the browser to the provider; the provider sends it back to `/sign-in/callback`, where
//! the attempt is taken once, the code exchanged, the identity looked up in the election's
//! voter list, and the voter gets the same session a voting link gives, bound to the voter's
//! current link (reissuing or revoking it ends the session).

pub mod config;
pub mod flow;
pub mod mediawiki;
pub mod oidc;
pub mod routes;
pub mod settings;

use std::fmt;

use serde::{Deserialize, Serialize};

/// The callback every provider sends the browser back to (`{public_url}/sign-in/callback`,
/// registered exactly so with each provider).
pub const CALLBACK_PATH: &str = "/sign-in/callback";

/// A configured provider's short name (`enwiki`, `corp`): 1–32 lower-case letters, digits,
/// `-` and `_`, so it is safe in URLs, forms and logs.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ProviderName(String);

/// Why a provider name or reference was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProviderError {
    #[error("{0:?} is not a provider name: use 1–32 lower-case letters, digits, '-' and '_'")]
    BadName(String),
    #[error("{0:?} is not a sign-in provider: use \"link\", \"wiki:NAME\" or \"oidc:NAME\"")]
    BadReference(String),
}

impl ProviderName {
    pub fn parse(text: &str) -> Result<Self, ProviderError> {
        let ok = (1..=32).contains(&text.len())
            && text
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if ok {
            Ok(ProviderName(text.to_owned()))
        } else {
            Err(ProviderError::BadName(text.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ProviderName {
    type Error = ProviderError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        ProviderName::parse(&text)
    }
}

impl From<ProviderName> for String {
    fn from(name: ProviderName) -> String {
        name.0
    }
}

impl fmt::Display for ProviderName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A sign-in provider as an election names it: `link`, `wiki:NAME` or `oidc:NAME`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum ProviderRef {
    /// The personal voting links.
    VotingLink,
    /// A configured wiki (MediaWiki OAuth 2.0).
    Wiki(ProviderName),
    /// A configured OpenID Connect provider.
    Oidc(ProviderName),
}

impl ProviderRef {
    pub fn parse(text: &str) -> Result<Self, ProviderError> {
        let bad = || ProviderError::BadReference(text.to_owned());
        match text.split_once(':') {
            None if text == "link" => Ok(ProviderRef::VotingLink),
            Some(("wiki", name)) => Ok(ProviderRef::Wiki(
                ProviderName::parse(name).map_err(|_| bad())?,
            )),
            Some(("oidc", name)) => Ok(ProviderRef::Oidc(
                ProviderName::parse(name).map_err(|_| bad())?,
            )),
            _ => Err(bad()),
        }
    }
}

impl TryFrom<String> for ProviderRef {
    type Error = ProviderError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        ProviderRef::parse(&text)
    }
}

impl From<ProviderRef> for String {
    fn from(provider: ProviderRef) -> String {
        provider.to_string()
    }
}

impl fmt::Display for ProviderRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProviderRef::VotingLink => f.write_str("link"),
            ProviderRef::Wiki(name) => write!(f, "wiki:{name}"),
            ProviderRef::Oidc(name) => write!(f, "oidc:{name}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_references_round_trip_and_refuse_other_shapes() {
        for text in ["link", "wiki:enwiki", "oidc:corp-sso_2"] {
            let parsed = ProviderRef::parse(text).expect(text);
            assert_eq!(parsed.to_string(), text);
        }
        for text in [
            "",
            "links",
            "wiki:",
            "wiki:EnWiki",
            "saml:x",
            "oidc:a b",
            "wiki:a:b",
        ] {
            assert!(ProviderRef::parse(text).is_err(), "{text:?}");
        }
        assert!(ProviderName::parse(&"a".repeat(33)).is_err());
    }
}
