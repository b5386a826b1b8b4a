//! The part of sign-in every outside provider shares: the random values of one attempt
//! (`state`, PKCE verifier and challenge, `nonce`, the browser cookie), storing the attempt
//! and taking it back at the callback, the browser-binding cookie, and the HTTP client that
//! talks to providers.
//!
//! - `state`, the verifier, the nonce and the browser value are 256 random bits each,
//!   base64url without padding (43 characters, within RFC 7636's 43–128 for the verifier).
//! - The store keeps `SHA-256(state)` and `SHA-256(browser value)`, never the values the browser
//!   holds; the verifier and nonce stay on the server (the provider sees only the S256
//!   challenge until the server itself redeems the code).
//! - The callback takes the attempt in one statement (deleted as it is read), so a state works
//!   once; then the browser cookie's hash must equal the stored one (constant time): a link
//!   with someone else's `state` and `code` signs nobody in.

use std::sync::OnceLock;
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::ProviderRef;

/// How long a voter may take at the provider before the attempt is void.
pub const ATTEMPT_LIFETIME: Duration = Duration::from_secs(10 * 60);

/// How long the server waits for a provider's answer.
const PROVIDER_TIMEOUT: Duration = Duration::from_secs(15);

/// The most of a provider's answer the server reads.
pub(crate) const MAX_PROVIDER_RESPONSE: usize = 1024 * 1024;

/// Why a sign-in through a provider failed. Messages name what went wrong, never a token.
#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    #[error("the sign-in provider {0} is not configured on this server")]
    NotConfigured(String),
    #[error("this election does not offer sign-in with {0}")]
    NotOffered(String),
    #[error("the sign-in attempt is unknown, used already or expired")]
    UnknownAttempt,
    #[error("the sign-in attempt was started in another browser")]
    OtherBrowser,
    #[error("the provider refused the sign-in: {0}")]
    Denied(String),
    #[error("the provider could not be reached or answered badly ({what}): {detail}")]
    Provider { what: &'static str, detail: String },
    #[error("the provider's ID token was refused: {0}")]
    IdToken(String),
    #[error("the system random number generator failed: {0}")]
    Random(String),
    #[error(transparent)]
    Store(#[from] urna_store::StoreError),
}

impl SignInError {
    pub(crate) fn provider(what: &'static str, detail: impl ToString) -> Self {
        SignInError::Provider {
            what,
            detail: detail.to_string(),
        }
    }
}

/// 256 random bits, base64url without padding.
pub(crate) fn random_value() -> Result<String, SignInError> {
    let bytes =
        crate::auth::random_bytes::<32>().map_err(|e| SignInError::Random(e.to_string()))?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

/// SHA-256 of a value, lower-case hex: what the store keeps of a state or browser value.
pub(crate) fn hash_hex(value: &str) -> String {
    crate::auth::hex(&Sha256::digest(value.as_bytes()))
}

/// The PKCE S256 challenge of a verifier: `BASE64URL(SHA-256(ASCII(verifier)))` (RFC 7636
/// §4.2).
pub fn pkce_challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// Whether two strings are equal, in time independent of where they differ.
pub(crate) fn same(a: &str, b: &str) -> bool {
    bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// The random values of one attempt, before it leaves for the provider. `Debug` prints none.
pub struct NewAttempt {
    pub state: String,
    pub verifier: String,
    pub nonce: String,
    /// The value of the browser-binding cookie.
    pub browser: String,
}

impl std::fmt::Debug for NewAttempt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewAttempt(<redacted>)")
    }
}

impl NewAttempt {
    pub fn generate() -> Result<Self, SignInError> {
        Ok(NewAttempt {
            state: random_value()?,
            verifier: random_value()?,
            nonce: random_value()?,
            browser: random_value()?,
        })
    }

    /// The row the store keeps.
    pub fn row(
        &self,
        provider: &ProviderRef,
        election: &str,
        now: jiff::Timestamp,
    ) -> urna_store::SignInAttemptRow {
        let expires =
            now.as_microsecond() + i64::try_from(ATTEMPT_LIFETIME.as_micros()).unwrap_or(i64::MAX);
        urna_store::SignInAttemptRow {
            state_hash: hash_hex(&self.state),
            browser_hash: hash_hex(&self.browser),
            provider: provider.to_string(),
            election: election.to_owned(),
            verifier: self.verifier.clone(),
            nonce: self.nonce.clone(),
            expires_at: urna_store::UnixMicros(expires),
        }
    }
}

/// Takes the attempt `state` names and checks it was started in this browser (`browser`: the
/// sign-in cookie's value, if the browser sent one).
pub async fn take_attempt(
    db: &urna_store::Db,
    state: &str,
    browser: Option<&str>,
    now: jiff::Timestamp,
) -> Result<urna_store::SignInAttemptRow, SignInError> {
    let attempt = db
        .take_signin_attempt(
            &hash_hex(state),
            urna_store::UnixMicros(now.as_microsecond()),
        )
        .await?
        .ok_or(SignInError::UnknownAttempt)?;
    match browser {
        Some(value) if same(&hash_hex(value), &attempt.browser_hash) => Ok(attempt),
        _ => Err(SignInError::OtherBrowser),
    }
}

/// The browser-binding cookie's name: `__Host-` prefixed over HTTPS.
pub fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-urna_signin"
    } else {
        "urna_signin"
    }
}

/// `Set-Cookie` for the browser-binding cookie. `SameSite=Lax`: the provider's redirect back
/// is a top-level GET, on which Lax cookies are sent.
pub fn set_cookie(value: &str, https: bool) -> String {
    let secure = if https { "; Secure" } else { "" };
    format!(
        "{}={value}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{secure}",
        cookie_name(https),
        ATTEMPT_LIFETIME.as_secs()
    )
}

/// `Set-Cookie` that removes the browser-binding cookie.
pub fn clear_cookie(https: bool) -> String {
    let secure = if https { "; Secure" } else { "" };
    format!(
        "{}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{secure}",
        cookie_name(https)
    )
}

/// The one HTTP client for providers: no redirects followed (an OAuth endpoint that redirects
/// is misconfigured, and following could leak the code elsewhere), a timeout, rustls.
pub(crate) fn http_client() -> Result<&'static reqwest::Client, SignInError> {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    if let Some(client) = CLIENT.get() {
        return Ok(client);
    }
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(PROVIDER_TIMEOUT)
        .user_agent(concat!(
            "Urna/",
            env!("CARGO_PKG_VERSION"),
            " (election server)"
        ))
        .build()
        .map_err(|e| SignInError::provider("HTTP client", e))?;
    Ok(CLIENT.get_or_init(|| client))
}

/// Reads a JSON answer of at most [`MAX_PROVIDER_RESPONSE`] bytes; a non-2xx status is an
/// error naming `what` and the status (and the OAuth `error` code, if the body has one).
pub(crate) async fn read_json<T: serde::de::DeserializeOwned>(
    what: &'static str,
    response: reqwest::Response,
) -> Result<T, SignInError> {
    let status = response.status();
    let too_long = response
        .content_length()
        .is_some_and(|n| n > MAX_PROVIDER_RESPONSE as u64);
    if too_long {
        return Err(SignInError::provider(what, "the answer is too long"));
    }
    let body = response
        .bytes()
        .await
        .map_err(|e| SignInError::provider(what, e))?;
    if body.len() > MAX_PROVIDER_RESPONSE {
        return Err(SignInError::provider(what, "the answer is too long"));
    }
    if !status.is_success() {
        // RFC 6749 §5.2: `error` is a registered code, safe to show; the rest may not be.
        let code = serde_json::from_slice::<serde_json::Value>(&body)
            .ok()
            .and_then(|v| v.get("error").and_then(|e| e.as_str()).map(str::to_owned))
            .filter(|c| c.len() <= 64 && c.bytes().all(|b| b.is_ascii_graphic()));
        return Err(SignInError::provider(
            what,
            format!(
                "HTTP {status}{}",
                code.map(|c| format!(" ({c})")).unwrap_or_default()
            ),
        ));
    }
    serde_json::from_slice(&body).map_err(|e| SignInError::provider(what, e))
}

/// The token endpoint's answer (RFC 6749 §5.1). `Debug` prints no token.
#[derive(serde::Deserialize)]
pub(crate) struct TokenResponse {
    pub access_token: String,
    #[serde(default)]
    pub token_type: Option<String>,
    #[serde(default)]
    pub id_token: Option<String>,
}

impl std::fmt::Debug for TokenResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenResponse")
            .field("token_type", &self.token_type)
            .finish_non_exhaustive()
    }
}

/// Redeems an authorization code at `token_endpoint` with the PKCE verifier (RFC 6749 §4.1.3,
/// RFC 7636 §4.5), authenticating with the client secret in the body (MediaWiki) or by HTTP
/// Basic (OpenID Connect's default, `client_secret_basic`).
pub(crate) async fn redeem_code(
    token_endpoint: &str,
    client_id: &str,
    client_secret: &str,
    basic_auth: bool,
    code: &str,
    verifier: &str,
    redirect_uri: &str,
) -> Result<TokenResponse, SignInError> {
    let mut form = vec![
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", redirect_uri),
        ("code_verifier", verifier),
    ];
    let mut request = http_client()?.post(token_endpoint);
    if basic_auth {
        // RFC 6749 §2.3.1: both parts form-urlencoded before Basic encoding.
        let user = form_urlencode(client_id);
        let password = form_urlencode(client_secret);
        request = request.basic_auth(user, Some(password));
    } else {
        form.push(("client_id", client_id));
        form.push(("client_secret", client_secret));
    }
    let response = request
        .header("accept", "application/json")
        .form(&form)
        .send()
        .await
        .map_err(|e| SignInError::provider("token endpoint", e.without_url()))?;
    let token: TokenResponse = read_json("token endpoint", response).await?;
    let bearer = token
        .token_type
        .as_deref()
        .is_none_or(|t| t.eq_ignore_ascii_case("bearer"));
    if !bearer {
        return Err(SignInError::provider(
            "token endpoint",
            "the token type is not Bearer",
        ));
    }
    Ok(token)
}

fn form_urlencode(text: &str) -> String {
    serde_urlencoded::to_string([("x", text)])
        .map(|s| s.trim_start_matches("x=").to_owned())
        .unwrap_or_default()
}

/// `base?key=value&…`, values form-urlencoded.
pub(crate) fn with_query(base: &str, pairs: &[(&str, &str)]) -> String {
    let query = serde_urlencoded::to_string(pairs).unwrap_or_default();
    let joiner = if base.contains('?') { '&' } else { '?' };
    format!("{base}{joiner}{query}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkce_challenge_is_rfc_7636_appendix_b() {
        // RFC 7636 Appendix B: this verifier's S256 challenge.
        assert_eq!(
            pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn random_values_are_43_base64url_characters_and_differ() {
        let a = random_value().expect("random");
        let b = random_value().expect("random");
        assert_eq!(a.len(), 43, "256 bits in unpadded base64url");
        assert!(
            a.bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        );
        assert_ne!(a, b);
        assert!(!format!("{:?}", NewAttempt::generate().expect("random")).contains(&a));
    }

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(
            with_query(
                "https://w/rest.php/oauth2/authorize",
                &[("a", "x y&z"), ("b", "/")]
            ),
            "https://w/rest.php/oauth2/authorize?a=x+y%26z&b=%2F"
        );
        assert_eq!(form_urlencode("a:b c"), "a%3Ab+c");
    }
}
