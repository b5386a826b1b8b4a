//! Signing in with a wiki account: MediaWiki's OAuth extension, OAuth 2.0.
//!
//! The endpoints, as Extension:OAuth documents them under the wiki's script path:
//! - `rest.php/oauth2/authorize`: the browser goes there with `response_type=code`,
//!   `client_id`, `redirect_uri`, `state`, `code_challenge` and `code_challenge_method=S256`;
//! - `rest.php/oauth2/access_token`: the server redeems the code (`grant_type=
//!   authorization_code`, `code`, `redirect_uri`, `code_verifier`, `client_id`,
//!   `client_secret` in the body) for an access token;
//! - `rest.php/oauth2/resource/profile`: with `Authorization: Bearer`, the account: `sub`
//!   (the central user id), `username`, `editcount`, `confirmed_email`, `blocked`,
//!   `registered` (a MediaWiki timestamp, `YYYYMMDDHHMMSS`), `groups`, `rights`, `grants`.
//!
//! The voter's identity is `Username@wiki`, the wiki being the configured name of the wiki
//! the voter signed in with (their home wiki for this election).

use serde::Deserialize;

use super::config::WikiProvider;
use super::flow::{SignInError, http_client, read_json, redeem_code, with_query};

/// `{base}/rest.php/oauth2/authorize`.
pub fn authorize_endpoint(wiki: &WikiProvider) -> String {
    format!("{}/rest.php/oauth2/authorize", wiki.base_url.as_str())
}

/// `{base}/rest.php/oauth2/access_token`.
pub fn token_endpoint(wiki: &WikiProvider) -> String {
    format!("{}/rest.php/oauth2/access_token", wiki.base_url.as_str())
}

/// `{base}/rest.php/oauth2/resource/profile`.
pub fn profile_endpoint(wiki: &WikiProvider) -> String {
    format!(
        "{}/rest.php/oauth2/resource/profile",
        wiki.base_url.as_str()
    )
}

/// Where the browser is sent to sign in.
pub fn authorize_url(
    wiki: &WikiProvider,
    redirect_uri: &str,
    state: &str,
    challenge: &str,
) -> String {
    with_query(
        &authorize_endpoint(wiki),
        &[
            ("response_type", "code"),
            ("client_id", &wiki.client_id),
            ("redirect_uri", redirect_uri),
            ("state", state),
            ("code_challenge", challenge),
            ("code_challenge_method", "S256"),
        ],
    )
}

/// The profile as `resource/profile` returns it (the fields Urna reads).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct WikiProfile {
    /// The central user id (stable across renames).
    pub sub: String,
    pub username: String,
    #[serde(default)]
    pub blocked: bool,
    #[serde(default)]
    pub editcount: Option<u64>,
    #[serde(default)]
    pub registered: Option<String>,
    #[serde(default)]
    pub groups: Vec<String>,
}

impl WikiProfile {
    /// `Username@wiki`.
    pub fn identity(&self, wiki: &WikiProvider) -> String {
        format!("{}@{}", self.username, wiki.name)
    }
}

/// Redeems the code and reads the profile.
pub async fn finish(
    wiki: &WikiProvider,
    code: &str,
    verifier: &str,
    redirect_uri: &str,
) -> Result<WikiProfile, SignInError> {
    let token = redeem_code(
        &token_endpoint(wiki),
        &wiki.client_id,
        wiki.client_secret.expose(),
        false,
        code,
        verifier,
        redirect_uri,
    )
    .await?;
    let response = http_client()?
        .get(profile_endpoint(wiki))
        .bearer_auth(&token.access_token)
        .header("accept", "application/json")
        .send()
        .await
        .map_err(|e| SignInError::provider("wiki profile", e.without_url()))?;
    let profile: WikiProfile = read_json("wiki profile", response).await?;
    let plausible = !profile.username.trim().is_empty()
        && profile.username.len() <= 255
        && !profile.username.contains('@');
    if !plausible {
        return Err(SignInError::provider(
            "wiki profile",
            "the profile has no usable user name",
        ));
    }
    Ok(profile)
}
