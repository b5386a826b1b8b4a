//! `[signin]`: the wikis and OpenID Connect providers voters may sign in with.
//!
//! ```toml
//! [[signin.wiki]]
//! name = "enwiki"                          # elections name it "wiki:enwiki"
//! base_url = "https://en.wikipedia.org/w"  # where index.php and rest.php live
//! client_id = "…"
//! client_secret = "…"                      # or URNA_SIGNIN__WIKI… / a file kept out of git
//!
//! [[signin.oidc]]
//! name = "corp"                            # elections name it "oidc:corp"
//! label = "Example Corp"                   # shown on the button (default: the name)
//! issuer = "https://id.example.org"        # discovery: {issuer}/.well-known/openid-configuration
//! client_id = "…"
//! client_secret = "…"
//! identity_claim = "sub"                   # "sub" gives sub@issuer; another claim its value
//! ```
//!
//! Client secrets are [`ClientSecret`]s: `Debug` prints `<redacted>`, and they are never
//! logged. The redirect URI registered with every provider is `{public_url}/sign-in/callback`,
//! so a configured provider needs `public_url`.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::ProviderName;
use crate::config::PublicUrl;

/// `[signin]`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SignInConfig {
    /// `[[signin.wiki]]`: wikis with MediaWiki's OAuth extension.
    #[serde(default)]
    pub wiki: Vec<WikiProvider>,
    /// `[[signin.oidc]]`: OpenID Connect providers.
    #[serde(default)]
    pub oidc: Vec<OidcProvider>,
}

/// A client secret: never printed.
#[derive(Clone, Deserialize, Serialize)]
#[serde(transparent)]
pub struct ClientSecret(String);

impl ClientSecret {
    pub fn new(secret: impl Into<String>) -> Self {
        ClientSecret(secret.into())
    }

    /// The secret, for the provider's token endpoint only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ClientSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// One wiki.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WikiProvider {
    /// The wiki's name as voter identities carry it (`Username@enwiki`).
    pub name: ProviderName,
    /// The wiki's script path (`https://en.wikipedia.org/w`): `rest.php` is under it.
    #[serde(deserialize_with = "deserialize_url", serialize_with = "serialize_url")]
    pub base_url: PublicUrl,
    pub client_id: String,
    pub client_secret: ClientSecret,
}

/// One OpenID Connect provider.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OidcProvider {
    pub name: ProviderName,
    /// Shown on the sign-in button; the name if absent.
    #[serde(default)]
    pub label: Option<String>,
    /// The issuer identifier, exactly as the provider's ID tokens carry it in `iss`.
    #[serde(deserialize_with = "deserialize_url", serialize_with = "serialize_url")]
    pub issuer: PublicUrl,
    pub client_id: String,
    pub client_secret: ClientSecret,
    /// The ID-token claim naming the voter: `sub` (the default) gives `sub@issuer-host`; any
    /// other claim (such as `email`) its string value as it is.
    #[serde(default = "default_identity_claim")]
    pub identity_claim: String,
}

fn default_identity_claim() -> String {
    "sub".to_owned()
}

fn deserialize_url<'de, D: serde::Deserializer<'de>>(d: D) -> Result<PublicUrl, D::Error> {
    let text = String::deserialize(d)?;
    PublicUrl::parse(&text).map_err(serde::de::Error::custom)
}

fn serialize_url<S: serde::Serializer>(url: &PublicUrl, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(url.as_str())
}

impl SignInConfig {
    pub fn wiki(&self, name: &ProviderName) -> Option<&WikiProvider> {
        self.wiki.iter().find(|w| &w.name == name)
    }

    pub fn oidc(&self, name: &ProviderName) -> Option<&OidcProvider> {
        self.oidc.iter().find(|p| &p.name == name)
    }

    pub fn is_empty(&self) -> bool {
        self.wiki.is_empty() && self.oidc.is_empty()
    }

    /// A name given twice, if any (the key the configuration check reports).
    pub fn duplicate_name(&self) -> Option<String> {
        let mut wikis: Vec<&ProviderName> = self.wiki.iter().map(|w| &w.name).collect();
        let mut oidcs: Vec<&ProviderName> = self.oidc.iter().map(|p| &p.name).collect();
        wikis.sort();
        oidcs.sort();
        let twice = |names: &[&ProviderName]| {
            names
                .windows(2)
                .find(|pair| pair[0] == pair[1])
                .map(|pair| pair[0].to_string())
        };
        twice(&wikis)
            .map(|n| format!("wiki:{n}"))
            .or_else(|| twice(&oidcs).map(|n| format!("oidc:{n}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_redacted_in_debug() {
        let config: SignInConfig = toml_like(
            r#"{"wiki": [{"name": "enwiki", "base_url": "https://en.wikipedia.org/w",
                "client_id": "abc", "client_secret": "s3cr3t-wiki"}],
               "oidc": [{"name": "corp", "issuer": "https://id.example.org",
                "client_id": "urna", "client_secret": "s3cr3t-oidc"}]}"#,
        );
        let shown = format!("{config:?}");
        assert!(!shown.contains("s3cr3t"), "{shown}");
        assert!(shown.contains("<redacted>"));
        assert_eq!(config.oidc[0].identity_claim, "sub");
        assert_eq!(config.duplicate_name(), None);
    }

    #[test]
    fn bad_urls_names_and_duplicates_are_refused() {
        let bad_url = serde_json::from_str::<SignInConfig>(
            r#"{"wiki": [{"name": "enwiki", "base_url": "ftp://x", "client_id": "a",
                "client_secret": "b"}]}"#,
        );
        assert!(bad_url.is_err());
        let bad_name = serde_json::from_str::<SignInConfig>(
            r#"{"wiki": [{"name": "En Wiki", "base_url": "https://x", "client_id": "a",
                "client_secret": "b"}]}"#,
        );
        assert!(bad_name.is_err());
        let twice = toml_like(
            r#"{"wiki": [{"name": "w", "base_url": "https://x", "client_id": "a", "client_secret": "b"},
                        {"name": "w", "base_url": "https://y", "client_id": "a", "client_secret": "b"}]}"#,
        );
        assert_eq!(twice.duplicate_name().as_deref(), Some("wiki:w"));
    }

    /// `[[signin.wiki]]` and `[[signin.oidc]]` in urna.toml, or the whole `[signin]` from
    /// `URNA_SIGNIN` (so secrets need not be in a file); a provider without `public_url` is
    /// refused, naming the key.
    // figment's Jail closures return figment's large error type.
    #[allow(clippy::result_large_err)]
    #[test]
    fn providers_load_from_the_file_or_the_environment() {
        use crate::config::{Config, ConfigError, ConfigSources};
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "urna.toml",
                r#"
                public_url = "https://vote.example.org"
                [[signin.wiki]]
                name = "enwiki"
                base_url = "https://en.wikipedia.org/w"
                client_id = "abc123"
                client_secret = "file-secret"
                "#,
            )?;
            let sources = ConfigSources {
                file: Some("urna.toml".into()),
                ..ConfigSources::default()
            };
            let config = Config::load(&sources).expect("loads");
            assert_eq!(config.signin.wiki[0].name.as_str(), "enwiki");
            assert_eq!(config.signin.wiki[0].client_secret.expose(), "file-secret");
            assert!(!format!("{config:?}").contains("file-secret"));

            jail.set_env(
                "URNA_SIGNIN",
                r#"{oidc=[{name="corp",issuer="https://id.example.org",client_id="u",client_secret="env-secret"}]}"#,
            );
            let config = Config::load(&sources).expect("loads");
            assert_eq!(config.signin.oidc[0].client_secret.expose(), "env-secret");
            assert_eq!(
                config.signin.oidc[0].issuer.as_str(),
                "https://id.example.org"
            );

            jail.create_file("urna.toml", "")?;
            match Config::load(&sources) {
                Err(ConfigError::Inconsistent { key, .. }) => assert_eq!(key, "public_url"),
                other => panic!("a provider without public_url: {other:?}"),
            }
            Ok(())
        });
    }

    fn toml_like(json: &str) -> SignInConfig {
        serde_json::from_str(json).expect("valid [signin]")
    }
}
