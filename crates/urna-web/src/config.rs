//! Server configuration: defaults, then `urna.toml`, then `URNA_*` environment variables, then
//! command-line flags, each layer overriding the one before (figment).
//!
//! Values are parsed into newtypes while they are read, so a bad value is reported with its key
//! and the place it came from ("for key `listen` in urna.toml TOML file"), and the rest of the
//! server only ever sees checked values. Secrets (the SMTP password) are redacted in `Debug`.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use axum::http::Uri;
use figment::providers::{Env, Format, Serialized, Toml};
use figment::value::{Dict, Map};
use figment::{Figment, Metadata, Profile, Provider};
use serde::{Deserialize, Serialize};

use crate::i18n::LanguageTag;

/// The configuration file read when `--config` is not given (it may be absent).
pub const DEFAULT_CONFIG_FILE: &str = "urna.toml";
/// Prefix of the environment variables read; `__` separates nested keys (`URNA_SMTP__HOST`).
pub const ENV_PREFIX: &str = "URNA_";

/// A configuration that could not be loaded. The message names the bad key, the value and the
/// source (file, environment variable or flag) it came from.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("configuration file {path} not found")]
    FileNotFound { path: PathBuf },
    // Not marked as the source: the message already is figment's, so a reporter walking the
    // source chain would print it twice.
    #[error("{}", .0.to_string().replace('\n', "; "))]
    Invalid(Box<figment::Error>),
    #[error("{message} (for key `{key}` in {source_name})")]
    Inconsistent {
        key: &'static str,
        message: String,
        source_name: String,
    },
}

/// The top-level keys of [`Config`]. Environment variables are read only for these, so that
/// other `URNA_*` variables (of tools and tests) do not trip `deny_unknown_fields`; the file
/// still refuses unknown keys. Keep in step with the struct (a test sets each one).
const CONFIG_KEYS: &[&str] = &[
    "listen",
    "data_dir",
    "database",
    "public_url",
    "smtp",
    "default_language",
    "languages",
    "rate_limit",
    "request_timeout_seconds",
    "max_body_bytes",
    "demo",
    "secret_key",
    "board",
    // --- connection limits (issue 8, Inputs) ---
    "header_timeout_seconds",
    // --- end connection limits ---
    // --- scrutiny and purge (scrutiny branch) ---
    "scrutiny",
    // --- end scrutiny and purge ---
    // --- voter sign-in through wikis and OpenID Connect (signin branch) ---
    "signin",
    // --- end voter sign-in ---
];

/// Whether an environment variable (prefix removed, `__` not yet split) sets a config key.
fn is_config_key(variable: &str) -> bool {
    let variable = variable.to_ascii_lowercase();
    CONFIG_KEYS.iter().any(|key| {
        variable == *key
            || variable
                .strip_prefix(key)
                .is_some_and(|rest| rest.starts_with("__"))
    })
}

/// A provider with metadata that names keys the way the user wrote them: `smtp.port` in the
/// file, `URNA_SMTP__PORT` in the environment (figment's own would say `default.smtp.port` and
/// `SMTP.PORT`).
struct KeyNaming<P> {
    inner: P,
    env_style: bool,
}

impl<P: Provider> Provider for KeyNaming<P> {
    fn metadata(&self) -> Metadata {
        let mut metadata = self.inner.metadata();
        if self.env_style {
            metadata.name = "environment variable".into();
            metadata.interpolater(|_: &Profile, keys: &[&str]| {
                let keys: Vec<String> = keys.iter().map(|k| k.to_ascii_uppercase()).collect();
                format!("{ENV_PREFIX}{}", keys.join("__"))
            })
        } else {
            metadata.interpolater(|_: &Profile, keys: &[&str]| keys.join("."))
        }
    }

    fn data(&self) -> Result<Map<Profile, Dict>, figment::Error> {
        self.inner.data()
    }
}

/// The resolved server configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Address the HTTP server listens on.
    #[serde(default = "default_listen", deserialize_with = "deserialize_listen")]
    pub listen: SocketAddr,
    /// Directory for the embedded database and other state.
    #[serde(default = "default_data_dir")]
    pub data_dir: PathBuf,
    /// Database URL; `None` means SQLite in `data_dir` (see [`Config::database_url`]).
    #[serde(default)]
    pub database: Option<DatabaseUrl>,
    /// The URL voters reach the server at (used for links in emails, the Origin check, and to
    /// decide whether cookies are `Secure`). `None` while developing locally.
    #[serde(default)]
    pub public_url: Option<PublicUrl>,
    /// Outgoing mail, for voting links. `None` disables email.
    #[serde(default)]
    pub smtp: Option<SmtpConfig>,
    /// Language used when nothing the visitor sends matches.
    #[serde(default = "default_language")]
    pub default_language: LanguageTag,
    /// Languages offered in the switcher; each needs translations shipped with Urna.
    #[serde(default = "default_languages")]
    pub languages: Vec<LanguageTag>,
    /// Rate limits on sign-in and voting.
    #[serde(default)]
    pub rate_limit: RateLimitConfig,
    /// Seconds a request may take before it is answered with 408.
    #[serde(default = "default_request_timeout")]
    pub request_timeout_seconds: u64,
    /// Largest accepted request body in bytes.
    #[serde(default = "default_body_limit")]
    pub max_body_bytes: usize,
    /// Create a demo election at start-up (`urna serve --demo`).
    #[serde(default)]
    pub demo: bool,
    /// The server secret key (64 hex digits) sealing staff TOTP secrets; `None` means the
    /// key file in `data_dir`, created on first start (see `auth::server_key`). Redacted in
    /// `Debug`.
    #[serde(default)]
    pub secret_key: Option<crate::auth::server_key::ServerSecretKey>,
    // --- the public board (server-board branch) ---
    /// `[board]`: how often ballots are published on the public board.
    #[serde(default)]
    pub board: BoardConfig,
    // --- end the public board ---
    // --- connection limits (issue 8, Inputs) ---
    /// Seconds a client may take to send a request's headers; a slower one (slowloris) has
    /// its connection closed. Default 10: a real browser sends its headers in one packet.
    #[serde(default = "default_header_timeout")]
    pub header_timeout_seconds: u64,
    // --- end connection limits ---
    // --- scrutiny and purge (scrutiny branch) ---
    /// `[scrutiny]`: when private data is purged after an election closes.
    #[serde(default)]
    pub scrutiny: ScrutinyConfig,
    // --- end scrutiny and purge ---
    // --- voter sign-in through wikis and OpenID Connect (signin branch) ---
    /// `[signin]`: the wikis and OpenID Connect providers voters may sign in with
    /// (`crate::signin::config`). Client secrets are redacted in `Debug`.
    #[serde(default)]
    pub signin: crate::signin::config::SignInConfig,
    // --- end voter sign-in ---
}

// --- scrutiny and purge (scrutiny branch) ---
/// `[scrutiny]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScrutinyConfig {
    /// Days after an election's close when its private data (submission fingerprints, sealed
    /// addresses and user agents, vote times, superseded ballots, voter sessions and e-mail
    /// addresses) is purged automatically. Default 90; 0 purges at the close.
    #[serde(default = "default_purge_after_days")]
    pub purge_after_days: u32,
}

impl Default for ScrutinyConfig {
    fn default() -> Self {
        ScrutinyConfig {
            purge_after_days: default_purge_after_days(),
        }
    }
}

fn default_purge_after_days() -> u32 {
    90
}
// --- end scrutiny and purge ---

// --- the public board (server-board branch) ---
/// `[board]`.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct BoardConfig {
    /// Seconds between two publications of waiting ballots (each batch in random order,
    /// followed by a signed tree head). At least 1.
    #[serde(default = "default_publish_every")]
    pub publish_every: u64,
}

impl Default for BoardConfig {
    fn default() -> Self {
        BoardConfig {
            publish_every: default_publish_every(),
        }
    }
}

fn default_publish_every() -> u64 {
    5
}

impl BoardConfig {
    /// The publisher's interval (a zero in the configuration counts as one second).
    pub fn publish_every(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.publish_every.max(1))
    }
}
// --- end the public board ---

impl From<Box<figment::Error>> for ConfigError {
    fn from(error: Box<figment::Error>) -> Self {
        ConfigError::Invalid(error)
    }
}

fn default_listen() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 8080))
}
/// Parses the listen address, naming the bad value (serde's own message does not).
fn deserialize_listen<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<SocketAddr, D::Error> {
    let text = String::deserialize(deserializer)?;
    text.trim().parse().map_err(|_| {
        serde::de::Error::custom(format!(
            "invalid listen address \"{text}\": expected IP:port, such as 127.0.0.1:8080 or [::1]:8080"
        ))
    })
}

fn default_data_dir() -> PathBuf {
    PathBuf::from("./.urna")
}
fn default_language() -> LanguageTag {
    LanguageTag::english()
}
fn default_languages() -> Vec<LanguageTag> {
    crate::i18n::SHIPPED_LANGUAGES
        .iter()
        .filter_map(|code| LanguageTag::parse(code).ok())
        .collect()
}
fn default_request_timeout() -> u64 {
    30
}
// --- connection limits (issue 8, Inputs) ---
fn default_header_timeout() -> u64 {
    10
}
// --- end connection limits ---
fn default_body_limit() -> usize {
    // Voter lists are uploaded as CSV; 4 MiB holds well over 50,000 voters.
    4 * 1024 * 1024
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: default_listen(),
            data_dir: default_data_dir(),
            database: None,
            public_url: None,
            smtp: None,
            default_language: default_language(),
            languages: default_languages(),
            rate_limit: RateLimitConfig::default(),
            request_timeout_seconds: default_request_timeout(),
            max_body_bytes: default_body_limit(),
            demo: false,
            secret_key: None,
            board: BoardConfig::default(),
            header_timeout_seconds: default_header_timeout(),
            scrutiny: ScrutinyConfig::default(),
            // --- voter sign-in (signin branch) ---
            signin: crate::signin::config::SignInConfig::default(),
        }
    }
}

/// Where the configuration comes from besides the environment: the raw command-line flags.
/// `urna serve` fills this from clap; [`Config::load`] resolves it (ripgrep's two stages).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ConfigSources {
    /// `--config FILE`: must exist when given. Without it, `urna.toml` is read if present.
    #[serde(skip)]
    pub file: Option<PathBuf>,
    /// `--listen ADDR`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listen: Option<String>,
    /// `--database URL`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database: Option<String>,
    /// `--data-dir DIR`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_dir: Option<PathBuf>,
    /// `--demo`
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub demo: bool,
}

/// The command-line flags as a figment layer, so errors say "command-line flag".
impl Provider for ConfigSources {
    fn metadata(&self) -> Metadata {
        Metadata::named("command-line flag").interpolater(|_: &Profile, keys: &[&str]| {
            format!("--{}", keys.join("-").replace('_', "-"))
        })
    }

    fn data(&self) -> Result<Map<Profile, Dict>, figment::Error> {
        Serialized::defaults(self).data()
    }
}

impl Config {
    /// Reads the layers in order (defaults, file, environment, flags) and checks the result.
    pub fn load(sources: &ConfigSources) -> Result<Config, ConfigError> {
        let file = match &sources.file {
            Some(path) if !path.is_file() => {
                return Err(ConfigError::FileNotFound { path: path.clone() });
            }
            Some(path) => path.clone(),
            None => PathBuf::from(DEFAULT_CONFIG_FILE),
        };
        Self::from_figment(Self::figment(&file, sources))
    }

    /// The layered figment, exposed for tests that want to add a layer.
    pub fn figment(file: &Path, sources: &ConfigSources) -> Figment {
        let mut figment = Figment::new();
        // An absent default file is fine (`load` has already refused an absent `--config`).
        if file.is_file() {
            figment = figment.merge(KeyNaming {
                inner: Toml::file_exact(file),
                env_style: false,
            });
        }
        figment
            .merge(KeyNaming {
                inner: Env::prefixed(ENV_PREFIX)
                    .filter(|key| is_config_key(key.as_str()))
                    .split("__"),
                env_style: true,
            })
            .merge(sources.clone())
    }

    /// Extracts and checks a configuration from any figment.
    pub fn from_figment(figment: Figment) -> Result<Config, ConfigError> {
        let config: Config = figment.extract().map_err(Box::new)?;
        let source_of = |key: &str| {
            figment
                .find_metadata(key)
                .map(|m| match &m.source {
                    Some(source) => format!("{source} {}", m.name),
                    None => m.name.to_string(),
                })
                .unwrap_or_else(|| "defaults".to_owned())
        };
        if let Some(missing) = config
            .languages
            .iter()
            .find(|tag| !crate::i18n::is_shipped(tag))
        {
            return Err(ConfigError::Inconsistent {
                key: "languages",
                message: format!(
                    "no translations ship for language \"{missing}\"; available: {}",
                    crate::i18n::SHIPPED_LANGUAGES.join(", ")
                ),
                source_name: source_of("languages"),
            });
        }
        if !config.languages.contains(&config.default_language) {
            return Err(ConfigError::Inconsistent {
                key: "default_language",
                message: format!(
                    "default language \"{}\" is not one of the enabled languages ({})",
                    config.default_language,
                    config
                        .languages
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                source_name: source_of("default_language"),
            });
        }
        if let Some(smtp) = &config.smtp {
            if smtp.host.trim().is_empty() {
                return Err(ConfigError::Inconsistent {
                    key: "smtp.host",
                    message: "the SMTP server's host name is empty".to_owned(),
                    source_name: source_of("smtp.host"),
                });
            }
            match (&smtp.username, &smtp.password) {
                (Some(_), None) => {
                    return Err(ConfigError::Inconsistent {
                        key: "smtp.password",
                        message: "smtp.username is set without smtp.password: give both or \
                                  neither"
                            .to_owned(),
                        source_name: source_of("smtp.username"),
                    });
                }
                (None, Some(_)) => {
                    return Err(ConfigError::Inconsistent {
                        key: "smtp.username",
                        message: "smtp.password is set without smtp.username: give both or \
                                  neither"
                            .to_owned(),
                        source_name: source_of("smtp.password"),
                    });
                }
                _ => {}
            }
            if config.public_url.is_none() {
                return Err(ConfigError::Inconsistent {
                    key: "public_url",
                    message: "e-mail is configured ([smtp]) but public_url is not set: the \
                              voting links in e-mails need the address voters reach the server at"
                        .to_owned(),
                    source_name: source_of("smtp.host"),
                });
            }
        }
        if config.request_timeout_seconds == 0 {
            return Err(ConfigError::Inconsistent {
                key: "request_timeout_seconds",
                message: "must be at least 1".to_owned(),
                source_name: source_of("request_timeout_seconds"),
            });
        }
        // --- connection limits (issue 8, Inputs) ---
        if config.header_timeout_seconds == 0 {
            return Err(ConfigError::Inconsistent {
                key: "header_timeout_seconds",
                message: "must be at least 1".to_owned(),
                source_name: source_of("header_timeout_seconds"),
            });
        }
        // --- end connection limits ---
        // --- voter sign-in through wikis and OpenID Connect (signin branch) ---
        if let Some(name) = config.signin.duplicate_name() {
            return Err(ConfigError::Inconsistent {
                key: "signin",
                message: format!("the sign-in provider {name} is configured twice"),
                source_name: source_of("signin"),
            });
        }
        if !config.signin.is_empty() && config.public_url.is_none() {
            return Err(ConfigError::Inconsistent {
                key: "public_url",
                message: "sign-in providers are configured ([signin]) but public_url is not \
                          set: providers send voters back to {public_url}/sign-in/callback"
                    .to_owned(),
                source_name: source_of("signin"),
            });
        }
        // --- end voter sign-in ---
        Ok(config)
    }

    /// The database to use: the configured URL, or SQLite in the data directory.
    pub fn database_url(&self) -> DatabaseUrl {
        match &self.database {
            Some(url) => url.clone(),
            None => DatabaseUrl(format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("urna.sqlite3").display()
            )),
        }
    }

    /// Whether visitors reach the server over HTTPS (cookies `Secure`, HSTS sent).
    pub fn is_https(&self) -> bool {
        self.public_url.as_ref().is_some_and(PublicUrl::is_https)
    }
}

/// A database URL: `sqlite:…` or `postgres://…` / `postgresql://…`. Its `Debug` and `Display`
/// hide any password.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct DatabaseUrl(String);

/// Why a database URL was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unsupported database URL \"{shown}\": expected sqlite:… or postgres://…")]
pub struct DatabaseUrlError {
    shown: String,
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, DatabaseUrlError> {
        let url = url.trim();
        let supported = ["sqlite:", "postgres://", "postgresql://"]
            .iter()
            .any(|scheme| url.starts_with(scheme));
        if supported && url.len() > "sqlite:".len() {
            Ok(DatabaseUrl(url.to_owned()))
        } else {
            Err(DatabaseUrlError {
                shown: redact_url_password(url),
            })
        }
    }

    /// The full URL, password included: only for handing to the database driver.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_sqlite(&self) -> bool {
        self.0.starts_with("sqlite:")
    }
}

impl TryFrom<String> for DatabaseUrl {
    type Error = DatabaseUrlError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        DatabaseUrl::parse(&value)
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&redact_url_password(&self.0))
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({self})")
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
fn redact_url_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _password)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

/// The public base URL: `http` or `https`, a host, no query or fragment. Kept without a
/// trailing slash.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct PublicUrl {
    url: String,
    origin: String,
    https: bool,
}

/// Why a public URL was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("invalid public URL \"{value}\": {reason}")]
pub struct PublicUrlError {
    value: String,
    reason: &'static str,
}

impl PublicUrl {
    pub fn parse(value: &str) -> Result<Self, PublicUrlError> {
        let fail = |reason| PublicUrlError {
            value: value.to_owned(),
            reason,
        };
        let uri = Uri::from_str(value.trim()).map_err(|_| fail("not a URL"))?;
        let https = match uri.scheme_str() {
            Some("https") => true,
            Some("http") => false,
            _ => return Err(fail("the scheme must be http or https")),
        };
        let authority = uri.authority().ok_or_else(|| fail("no host"))?;
        if authority.as_str().contains('@') {
            return Err(fail("user names and passwords do not belong in it"));
        }
        if uri.query().is_some() || value.contains('#') {
            return Err(fail("no query or fragment allowed"));
        }
        let scheme = if https { "https" } else { "http" };
        let origin = format!("{scheme}://{}", authority.as_str().to_ascii_lowercase());
        let path = uri.path().trim_end_matches('/');
        Ok(PublicUrl {
            url: format!("{origin}{path}"),
            origin,
            https,
        })
    }

    /// `scheme://host[:port]`, as browsers send it in the `Origin` header.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    pub fn is_https(&self) -> bool {
        self.https
    }

    pub fn as_str(&self) -> &str {
        &self.url
    }
}

impl TryFrom<String> for PublicUrl {
    type Error = PublicUrlError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        PublicUrl::parse(&value)
    }
}

/// Outgoing mail settings.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpConfig {
    pub host: String,
    #[serde(default = "default_smtp_port")]
    pub port: u16,
    #[serde(default)]
    pub username: Option<String>,
    #[serde(default)]
    pub password: Option<String>,
    /// The `From:` address of voting-link emails.
    pub from: MailFrom,
    #[serde(default)]
    pub tls: SmtpTls,
}

fn default_smtp_port() -> u16 {
    587
}

impl fmt::Debug for SmtpConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .field("from", &self.from)
            .field("tls", &self.tls)
            .finish()
    }
}

/// The `From:` mailbox of outgoing mail (`elections@example.org` or
/// `Elections <elections@example.org>`), checked when the configuration is read.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct MailFrom(lettre::message::Mailbox);

/// A `from` address that is not a mailbox.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("invalid sender address \"{value}\": {reason}")]
pub struct MailFromError {
    value: String,
    reason: String,
}

impl MailFrom {
    pub fn parse(value: &str) -> Result<Self, MailFromError> {
        value
            .trim()
            .parse()
            .map(MailFrom)
            .map_err(|e: lettre::address::AddressError| MailFromError {
                value: value.to_owned(),
                reason: e.to_string(),
            })
    }

    pub fn mailbox(&self) -> &lettre::message::Mailbox {
        &self.0
    }
}

impl TryFrom<String> for MailFrom {
    type Error = MailFromError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        MailFrom::parse(&value)
    }
}

/// How the SMTP connection is secured.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// Plain connection upgraded with STARTTLS (port 587).
    #[default]
    Starttls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only for a relay on the same machine.
    None,
}

/// Requests allowed per client address on the sign-in and voting routes: a burst, then one
/// more every `replenish_seconds`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimitConfig {
    /// Whether the limits apply at all. Always on unless switched off explicitly: the only
    /// intended use of `false` is a loopback load test (`urna bench vote --self-hosted`),
    /// whose hundreds of voters share one client address.
    #[serde(default = "default_rate_limit_enabled")]
    pub enabled: bool,
    #[serde(default = "default_burst")]
    pub burst: u32,
    #[serde(default = "default_replenish")]
    pub replenish_seconds: u64,
    /// The addresses of the reverse proxies in front of the server. A request from one of
    /// them is limited by the client address it forwards (`X-Forwarded-For`); from any other
    /// peer the header is ignored, since anyone can send it. Empty: no proxy, the peer is
    /// the client.
    #[serde(default)]
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

fn default_rate_limit_enabled() -> bool {
    true
}
fn default_burst() -> u32 {
    10
}
fn default_replenish() -> u64 {
    6
}

impl Default for RateLimitConfig {
    fn default() -> Self {
        RateLimitConfig {
            enabled: default_rate_limit_enabled(),
            burst: default_burst(),
            replenish_seconds: default_replenish(),
            trusted_proxies: Vec::new(),
        }
    }
}

#[cfg(test)]
// figment's `Jail` closures must return `figment::Error`, which is large; nothing to box here.
#[allow(clippy::result_large_err)]
mod tests {
    use super::*;
    use figment::Jail;

    fn load_in_jail(jail: &Jail, sources: ConfigSources) -> Result<Config, ConfigError> {
        let file = jail.directory().join(DEFAULT_CONFIG_FILE);
        Config::from_figment(Config::figment(&file, &sources))
    }

    #[test]
    fn defaults_apply_without_any_source() {
        Jail::expect_with(|jail| {
            let config = load_in_jail(jail, ConfigSources::default()).expect("defaults load");
            assert_eq!(config.listen, "127.0.0.1:8080".parse().expect("addr"));
            assert_eq!(config.data_dir, PathBuf::from("./.urna"));
            assert_eq!(config.default_language.as_str(), "en");
            assert_eq!(
                config.database_url().expose(),
                "sqlite://./.urna/urna.sqlite3?mode=rwc"
            );
            assert!(!config.is_https());
            Ok(())
        });
    }

    #[test]
    fn file_then_env_then_flags_override_each_other() {
        Jail::expect_with(|jail| {
            jail.create_file(
                DEFAULT_CONFIG_FILE,
                r#"
                listen = "127.0.0.1:9000"
                data_dir = "/var/lib/urna"
                public_url = "https://vote.example.org/"
                [smtp]
                host = "mail.example.org"
                from = "elections@example.org"
                username = "urna"
                password = "hunter2"
                "#,
            )?;
            jail.set_env("URNA_DATA_DIR", "/srv/urna");
            jail.set_env("URNA_SMTP__PORT", "465");
            let flags = ConfigSources {
                listen: Some("0.0.0.0:8443".to_owned()),
                ..ConfigSources::default()
            };
            let config = load_in_jail(jail, flags).expect("loads");
            assert_eq!(config.listen, "0.0.0.0:8443".parse().expect("addr"));
            assert_eq!(config.data_dir, PathBuf::from("/srv/urna"));
            let smtp = config.smtp.as_ref().expect("smtp");
            assert_eq!(smtp.port, 465);
            assert_eq!(smtp.host, "mail.example.org");
            assert!(config.is_https());
            assert_eq!(
                config.public_url.as_ref().map(PublicUrl::origin),
                Some("https://vote.example.org")
            );
            assert!(!format!("{config:?}").contains("hunter2"));
            Ok(())
        });
    }

    #[test]
    fn every_config_key_can_be_set_from_the_environment_and_others_are_ignored() {
        Jail::expect_with(|jail| {
            jail.set_env("URNA_LISTEN", "127.0.0.1:9999");
            jail.set_env("URNA_DATA_DIR", "/d");
            jail.set_env("URNA_DATABASE", "sqlite:///d/x.db");
            jail.set_env("URNA_PUBLIC_URL", "https://v.example");
            jail.set_env("URNA_SMTP__HOST", "mail.example");
            jail.set_env("URNA_SMTP__FROM", "e@example");
            jail.set_env("URNA_LANGUAGES", "[en, zh]");
            jail.set_env("URNA_DEFAULT_LANGUAGE", "zh");
            jail.set_env("URNA_RATE_LIMIT__BURST", "3");
            jail.set_env("URNA_REQUEST_TIMEOUT_SECONDS", "7");
            jail.set_env("URNA_MAX_BODY_BYTES", "1000");
            jail.set_env("URNA_HEADER_TIMEOUT_SECONDS", "4");
            jail.set_env("URNA_DEMO", "true");
            jail.set_env("URNA_SECRET_KEY", "ab".repeat(32));
            jail.set_env("URNA_BOARD__PUBLISH_EVERY", "9");
            jail.set_env("URNA_SCRUTINY__PURGE_AFTER_DAYS", "30");
            // Not a config key: left alone rather than refused.
            jail.set_env("URNA_CHROMEDRIVER", "/usr/bin/chromedriver");
            let c = load_in_jail(jail, ConfigSources::default()).expect("loads");
            assert_eq!(c.listen.port(), 9999);
            assert_eq!(c.data_dir, PathBuf::from("/d"));
            assert_eq!(c.database_url().expose(), "sqlite:///d/x.db");
            assert!(c.is_https());
            assert_eq!(
                c.smtp.as_ref().map(|s| s.host.as_str()),
                Some("mail.example")
            );
            assert_eq!(c.languages.len(), 2);
            assert_eq!(c.default_language.as_str(), "zh");
            assert_eq!(c.rate_limit.burst, 3);
            assert_eq!(c.request_timeout_seconds, 7);
            assert_eq!(c.max_body_bytes, 1000);
            assert_eq!(c.header_timeout_seconds, 4);
            assert!(c.demo);
            assert!(c.secret_key.is_some());
            assert_eq!(c.board.publish_every, 9);
            assert_eq!(c.scrutiny.purge_after_days, 30);
            assert!(!format!("{c:?}").contains("abab"), "the key is redacted");
            Ok(())
        });
    }

    #[test]
    fn a_malformed_secret_key_names_the_variable_but_not_the_value() {
        Jail::expect_with(|jail| {
            // 62 hex digits: one byte short.
            jail.set_env("URNA_SECRET_KEY", "cd".repeat(31));
            let message = load_in_jail(jail, ConfigSources::default())
                .expect_err("must fail")
                .to_string();
            assert!(message.contains("URNA_SECRET_KEY"), "{message}");
            assert!(message.contains("found 62 characters"), "{message}");
            assert!(!message.contains("cdcd"), "{message}");
            Ok(())
        });
    }

    #[test]
    fn bad_listen_address_in_file_names_key_value_and_file() {
        Jail::expect_with(|jail| {
            jail.create_file(DEFAULT_CONFIG_FILE, "listen = \"localhost:eighty\"\n")?;
            let message = load_in_jail(jail, ConfigSources::default())
                .expect_err("must fail")
                .to_string();
            assert!(message.contains("listen"), "{message}");
            assert!(message.contains("localhost:eighty"), "{message}");
            assert!(message.contains(DEFAULT_CONFIG_FILE), "{message}");
            Ok(())
        });
    }

    #[test]
    fn bad_database_url_in_env_names_variable_and_hides_password() {
        Jail::expect_with(|jail| {
            jail.set_env("URNA_DATABASE", "mysql://root:topsecret@db/urna");
            let message = load_in_jail(jail, ConfigSources::default())
                .expect_err("must fail")
                .to_string();
            assert!(message.contains("URNA_DATABASE"), "{message}");
            assert!(message.contains("mysql://root:***@db/urna"), "{message}");
            assert!(!message.contains("topsecret"), "{message}");
            Ok(())
        });
    }

    #[test]
    fn bad_flag_names_the_flag_source() {
        Jail::expect_with(|jail| {
            let flags = ConfigSources {
                database: Some("oracle://x".to_owned()),
                ..ConfigSources::default()
            };
            let message = load_in_jail(jail, flags)
                .expect_err("must fail")
                .to_string();
            assert!(message.contains("command-line flag"), "{message}");
            assert!(message.contains("oracle://x"), "{message}");
            Ok(())
        });
    }

    #[test]
    fn unknown_key_is_reported() {
        Jail::expect_with(|jail| {
            jail.create_file(DEFAULT_CONFIG_FILE, "listne = \"127.0.0.1:1\"\n")?;
            let message = load_in_jail(jail, ConfigSources::default())
                .expect_err("must fail")
                .to_string();
            assert!(message.contains("listne"), "{message}");
            Ok(())
        });
    }

    #[test]
    fn language_without_translations_is_refused_with_its_source() {
        Jail::expect_with(|jail| {
            jail.create_file(DEFAULT_CONFIG_FILE, "languages = [\"en\", \"tlh\"]\n")?;
            let message = load_in_jail(jail, ConfigSources::default())
                .expect_err("must fail")
                .to_string();
            assert!(message.contains("\"tlh\""), "{message}");
            assert!(message.contains("`languages`"), "{message}");
            assert!(message.contains(DEFAULT_CONFIG_FILE), "{message}");
            Ok(())
        });
    }

    #[test]
    fn malformed_language_tag_is_refused() {
        Jail::expect_with(|jail| {
            jail.set_env("URNA_DEFAULT_LANGUAGE", "en_GB!");
            let message = load_in_jail(jail, ConfigSources::default())
                .expect_err("must fail")
                .to_string();
            assert!(message.contains("URNA_DEFAULT_LANGUAGE"), "{message}");
            assert!(message.contains("en_GB!"), "{message}");
            Ok(())
        });
    }

    #[test]
    fn default_language_must_be_enabled() {
        Jail::expect_with(|jail| {
            jail.create_file(
                DEFAULT_CONFIG_FILE,
                "languages = [\"en\", \"zh\"]\ndefault_language = \"ar\"\n",
            )?;
            let message = load_in_jail(jail, ConfigSources::default())
                .expect_err("must fail")
                .to_string();
            assert!(message.contains("default_language"), "{message}");
            assert!(message.contains("\"ar\""), "{message}");
            Ok(())
        });
    }

    #[test]
    fn explicit_config_file_must_exist() {
        let sources = ConfigSources {
            file: Some(PathBuf::from("/nonexistent/urna.toml")),
            ..ConfigSources::default()
        };
        let message = Config::load(&sources).expect_err("must fail").to_string();
        assert_eq!(
            message,
            "configuration file /nonexistent/urna.toml not found"
        );
    }

    #[test]
    fn public_url_must_be_http_or_https_without_query() {
        assert!(PublicUrl::parse("ftp://example.org").is_err());
        assert!(PublicUrl::parse("https://example.org/?a=1").is_err());
        assert!(PublicUrl::parse("https://user:pw@example.org").is_err());
        let url = PublicUrl::parse("https://Vote.Example.org:8443/urna/").expect("valid");
        assert_eq!(url.origin(), "https://vote.example.org:8443");
        assert_eq!(url.as_str(), "https://vote.example.org:8443/urna");
    }

    #[test]
    fn smtp_errors_name_the_bad_value_and_its_key() {
        Jail::expect_with(|jail| {
            jail.create_file(
                DEFAULT_CONFIG_FILE,
                "public_url = \"https://v.example\"\n[smtp]\nhost = \"mail.example\"\nfrom = \"not an address\"\n",
            )?;
            let message = load_in_jail(jail, ConfigSources::default())
                .expect_err("must fail")
                .to_string();
            assert!(message.contains("not an address"), "{message}");
            assert!(message.contains("smtp.from"), "{message}");

            jail.create_file(
                DEFAULT_CONFIG_FILE,
                "public_url = \"https://v.example\"\n[smtp]\nhost = \"mail.example\"\nfrom = \"e@example.org\"\ntls = \"ssl3\"\n",
            )?;
            let message = load_in_jail(jail, ConfigSources::default())
                .expect_err("must fail")
                .to_string();
            assert!(message.contains("ssl3"), "{message}");
            assert!(message.contains("smtp.tls"), "{message}");

            jail.create_file(
                DEFAULT_CONFIG_FILE,
                "public_url = \"https://v.example\"\n[smtp]\nhost = \"mail.example\"\nfrom = \"e@example.org\"\nusername = \"u\"\n",
            )?;
            let message = load_in_jail(jail, ConfigSources::default())
                .expect_err("must fail")
                .to_string();
            assert!(message.contains("smtp.password"), "{message}");
            Ok(())
        });
    }

    #[test]
    fn smtp_needs_the_public_url_for_links() {
        Jail::expect_with(|jail| {
            jail.set_env("URNA_SMTP__HOST", "mail.example");
            jail.set_env("URNA_SMTP__FROM", "Elections <e@example.org>");
            let message = load_in_jail(jail, ConfigSources::default())
                .expect_err("must fail")
                .to_string();
            assert!(message.contains("public_url"), "{message}");
            jail.set_env("URNA_PUBLIC_URL", "https://v.example");
            let config = load_in_jail(jail, ConfigSources::default()).expect("loads");
            let smtp = config.smtp.expect("smtp");
            assert_eq!(smtp.from.mailbox().email.to_string(), "e@example.org");
            assert_eq!(smtp.tls, SmtpTls::Starttls);
            Ok(())
        });
    }

    // --- scrutiny and purge (scrutiny branch) ---
    #[test]
    fn the_purge_delay_defaults_to_90_days_and_is_set_by_file_or_environment() {
        Jail::expect_with(|jail| {
            let config = load_in_jail(jail, ConfigSources::default()).expect("defaults");
            assert_eq!(config.scrutiny.purge_after_days, 90);
            jail.create_file(DEFAULT_CONFIG_FILE, "[scrutiny]\npurge_after_days = 30\n")?;
            let config = load_in_jail(jail, ConfigSources::default()).expect("file");
            assert_eq!(config.scrutiny.purge_after_days, 30);
            jail.set_env("URNA_SCRUTINY__PURGE_AFTER_DAYS", "7");
            let config = load_in_jail(jail, ConfigSources::default()).expect("environment");
            assert_eq!(config.scrutiny.purge_after_days, 7);
            jail.create_file(DEFAULT_CONFIG_FILE, "[scrutiny]\npurge_after = 30\n")?;
            let message = load_in_jail(jail, ConfigSources::default())
                .expect_err("an unknown key")
                .to_string();
            assert!(message.contains("purge_after"), "{message}");
            Ok(())
        });
    }
    // --- end scrutiny and purge ---

    #[test]
    fn database_url_display_hides_the_password() {
        let url = DatabaseUrl::parse("postgres://urna:s3cret@localhost:5432/urna").expect("ok");
        assert_eq!(url.to_string(), "postgres://urna:***@localhost:5432/urna");
        assert!(!format!("{url:?}").contains("s3cret"));
        assert_eq!(url.expose(), "postgres://urna:s3cret@localhost:5432/urna");
        assert!(DatabaseUrl::parse("sqlite:").is_err());
    }
}
