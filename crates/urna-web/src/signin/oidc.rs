//! Signing in with any OpenID Connect provider: discovery, the authorization code flow with
//! PKCE, `state` and `nonce`, and the ID token checked as OpenID Connect Core 1.0 §3.1.3.7
//! requires.
//!
//! Why `jsonwebtoken` and our own flow rather than the `openidconnect` crate: `openidconnect`
//! 4 brings `oauth2` 5 with reqwest 0.12 and its own RSA stack beside the reqwest 0.13 and
//! aws-lc-rs the workspace already builds; the flow itself is the three requests below plus
//! the state handling of [`super::flow`], which the wiki sign-in shares. `jsonwebtoken` (on
//! aws-lc-rs) does the part that must not be hand-written: the signature check against a
//! JWK, and `iss`, `aud` and `exp`.
//!
//! - Discovery: `{issuer}/.well-known/openid-configuration`; its `issuer` must equal the
//!   configured one exactly (OpenID Connect Discovery §4.3).
//! - The ID token: signed with RS256 (or ES256) by a key of the provider's JWKS (chosen by
//!   `kid`), `iss` the issuer, `aud` containing the client id (and `azp` the client id when
//!   there are several audiences), not expired (60 s of clock leeway), `nonce` the one this
//!   attempt sent (compared in constant time).
//! - The voter is `sub@issuer` (the issuer without its scheme, e.g.
//!   `248289761001@id.example.org`), or the configured `identity_claim`'s value.

use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;

use super::config::OidcProvider;
use super::flow::{SignInError, http_client, read_json, redeem_code, same, with_query};

/// The ID-token signature algorithms accepted.
const ACCEPTED_ALGORITHMS: [Algorithm; 2] = [Algorithm::RS256, Algorithm::ES256];

/// Clock leeway for `exp`, `iat` and `nbf`.
const LEEWAY_SECONDS: u64 = 60;

/// The parts of the discovery document Urna uses.
#[derive(Debug, Clone, Deserialize)]
pub struct Discovery {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
}

/// `{issuer}/.well-known/openid-configuration`, checked to name the configured issuer.
pub async fn discover(provider: &OidcProvider) -> Result<Discovery, SignInError> {
    let issuer = provider.issuer.as_str();
    let url = format!("{issuer}/.well-known/openid-configuration");
    let response = http_client()?
        .get(&url)
        .header("accept", "application/json")
        .send()
        .await
        .map_err(|e| SignInError::provider("OpenID discovery", e))?;
    let discovery: Discovery = read_json("OpenID discovery", response).await?;
    if discovery.issuer.trim_end_matches('/') != issuer {
        return Err(SignInError::provider(
            "OpenID discovery",
            format!(
                "the document names issuer {:?}, not the configured {issuer:?}",
                discovery.issuer
            ),
        ));
    }
    Ok(discovery)
}

/// Where the browser is sent to sign in.
pub fn authorize_url(
    provider: &OidcProvider,
    discovery: &Discovery,
    redirect_uri: &str,
    state: &str,
    nonce: &str,
    challenge: &str,
) -> String {
    with_query(
        &discovery.authorization_endpoint,
        &[
            ("response_type", "code"),
            ("client_id", &provider.client_id),
            ("redirect_uri", redirect_uri),
            ("scope", "openid"),
            ("state", state),
            ("nonce", nonce),
            ("code_challenge", challenge),
            ("code_challenge_method", "S256"),
        ],
    )
}

/// Redeems the code, fetches the JWKS, checks the ID token and returns the voter's identity.
pub async fn finish(
    provider: &OidcProvider,
    code: &str,
    verifier: &str,
    nonce: &str,
    redirect_uri: &str,
) -> Result<String, SignInError> {
    let discovery = discover(provider).await?;
    let token = redeem_code(
        &discovery.token_endpoint,
        &provider.client_id,
        provider.client_secret.expose(),
        true,
        code,
        verifier,
        redirect_uri,
    )
    .await?;
    let id_token = token
        .id_token
        .ok_or_else(|| SignInError::IdToken("the token endpoint sent no ID token".to_owned()))?;
    let response = http_client()?
        .get(&discovery.jwks_uri)
        .header("accept", "application/json")
        .send()
        .await
        .map_err(|e| SignInError::provider("JWKS", e))?;
    let jwks: JwkSet = read_json("JWKS", response).await?;
    let claims = verify_id_token(&id_token, &jwks, provider, nonce)?;
    identity(provider, &claims)
}

/// The claims of an ID token that passed [`verify_id_token`].
pub type IdClaims = serde_json::Map<String, serde_json::Value>;

/// Checks an ID token: signature by a key of `jwks`, `iss`, `aud` (and `azp`), `exp`, `nonce`.
pub fn verify_id_token(
    id_token: &str,
    jwks: &JwkSet,
    provider: &OidcProvider,
    nonce: &str,
) -> Result<IdClaims, SignInError> {
    let refuse = |why: String| SignInError::IdToken(why);
    let header =
        jsonwebtoken::decode_header(id_token).map_err(|e| refuse(format!("unreadable: {e}")))?;
    let jwk = match &header.kid {
        Some(kid) => jwks.find(kid),
        None if jwks.keys.len() == 1 => jwks.keys.first(),
        None => None,
    }
    .ok_or_else(|| refuse("signed by a key the provider does not publish".to_owned()))?;
    let key = DecodingKey::from_jwk(jwk).map_err(|e| refuse(format!("unusable key: {e}")))?;
    // One algorithm per check (jsonwebtoken refuses a list mixing key families), and only
    // those named here: never `none`, never an HMAC keyed by something public.
    if !ACCEPTED_ALGORITHMS.contains(&header.alg) {
        return Err(refuse(format!(
            "signed with {:?}, not RS256 or ES256",
            header.alg
        )));
    }
    let mut validation = Validation::new(header.alg);
    validation.leeway = LEEWAY_SECONDS;
    validation.set_issuer(&[provider.issuer.as_str()]);
    validation.set_audience(&[provider.client_id.as_str()]);
    validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
    let data = jsonwebtoken::decode::<IdClaims>(id_token, &key, &validation)
        .map_err(|e| refuse(e.to_string()))?;
    let claims = data.claims;
    // Core §3.1.3.7 items 4–5: with several audiences, `azp` must be this client.
    let several_audiences = claims
        .get("aud")
        .and_then(|a| a.as_array())
        .is_some_and(|a| a.len() > 1);
    let azp = claims.get("azp").and_then(|a| a.as_str());
    if (several_audiences || azp.is_some()) && azp != Some(provider.client_id.as_str()) {
        return Err(refuse("issued to another client (azp)".to_owned()));
    }
    let sent_back = claims.get("nonce").and_then(|n| n.as_str()).unwrap_or("");
    if !same(sent_back, nonce) {
        return Err(refuse(
            "the nonce is not the one this sign-in sent".to_owned(),
        ));
    }
    Ok(claims)
}

/// The voter's identity from checked claims: `sub@issuer` or the configured claim.
pub fn identity(provider: &OidcProvider, claims: &IdClaims) -> Result<String, SignInError> {
    let claim = provider.identity_claim.as_str();
    let value = claims
        .get(claim)
        .and_then(|v| v.as_str())
        .filter(|v| !v.is_empty() && v.len() <= 255)
        .ok_or_else(|| SignInError::IdToken(format!("the ID token has no usable {claim:?}")))?;
    if claim == "sub" {
        let issuer = provider.issuer.as_str();
        let host = issuer
            .strip_prefix("https://")
            .or_else(|| issuer.strip_prefix("http://"))
            .unwrap_or(issuer);
        Ok(format!("{value}@{host}"))
    } else {
        Ok(value.to_owned())
    }
}
