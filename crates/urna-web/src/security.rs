//! Protections every response and every state-changing request get:
//!
//! - [`security_headers`]: a Content-Security-Policy with no inline script or style, no
//!   framing, no referrer, and HSTS when the server is reached over HTTPS.
//! - [`reject_cross_site`]: a POST (or any unsafe method) that the browser marks as coming
//!   from another site (`Sec-Fetch-Site`) or whose `Origin` is not ours is refused before any
//!   handler runs.
//! - [`CsrfForm`]: the extractor every form handler uses; it checks the same origin rules and
//!   the session's CSRF token (constant-time) before deserializing the form.
//! - [`rate_limit_layer`]: per-client-address limits on sign-in and voting (tower_governor).

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::MethodRouter;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use tower_governor::GovernorLayer;
use tower_governor::governor::GovernorConfigBuilder;

use crate::app::AppState;
use crate::auth::session::Session;
use crate::config::{Config, RateLimitConfig};
use crate::error::AppError;

/// The Content-Security-Policy sent with every response. No `'unsafe-inline'` anywhere:
/// templates carry no `<script>` bodies, `style` attributes or event-handler attributes.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
/// Origins (`scheme://host[:port]`, from the configuration only) that a page's forms may
/// submit to besides its own, as a response extension: the election's sign-in page, whose form
/// POST is answered with a redirect to the chosen provider, and CSP's `form-action` covers
/// the redirects of a form submission too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtraFormActions(pub Vec<String>);

/// Powerful browser features no Urna page uses.
pub const PERMISSIONS_POLICY: &str =
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()";
/// Two years, subdomains included (the HSTS preload list's minimum is one year).
pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=63072000; includeSubDomains";

/// Middleware: adds the security headers to every response, errors included.
pub async fn security_headers(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let extra_form_actions = response.extensions().get::<ExtraFormActions>().cloned();
    let headers = response.headers_mut();
    let fixed: [(HeaderName, &'static str); 7] = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (
            HeaderName::from_static("permissions-policy"),
            PERMISSIONS_POLICY,
        ),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
        (
            HeaderName::from_static("cross-origin-resource-policy"),
            "same-origin",
        ),
        // For browsers that predate CSP's frame-ancestors.
        (header::X_FRAME_OPTIONS, "DENY"),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    // --- voter sign-in (signin branch): a sign-in page's forms redirect to its providers ---
    if let Some(ExtraFormActions(origins)) = extra_form_actions
        && !origins.is_empty()
    {
        let policy = CONTENT_SECURITY_POLICY.replace(
            "form-action 'self'",
            &format!("form-action 'self' {}", origins.join(" ")),
        );
        if let Ok(value) = HeaderValue::from_str(&policy) {
            headers.insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    // --- end voter sign-in ---
    if state.config.is_https() {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(STRICT_TRANSPORT_SECURITY),
        );
    }
    // Pages carry CSRF tokens and personal content: no shared or back-button caches, unless a
    // handler chose otherwise (static files).
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Whether a request's method changes state (RFC 9110 §9.2.1 "safe" methods do not).
fn is_unsafe(method: &Method) -> bool {
    !matches!(
        *method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    )
}

/// Whether the browser says this request comes from our own site. `Sec-Fetch-Site` (all
/// current browsers) is decisive when present: `same-origin`, or `none` (typed by the user).
/// Otherwise `Origin`, when present, must be our origin: the configured public URL's, or,
/// without one, `http://` plus the `Host` header. Requests with neither header come from
/// non-browser clients or very old browsers; the CSRF token still guards forms.
pub fn is_same_origin(headers: &HeaderMap, config: &Config) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return matches!(site.as_bytes(), b"same-origin" | b"none");
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let Ok(origin) = origin.to_str() else {
        return false;
    };
    match &config.public_url {
        Some(url) => origin.eq_ignore_ascii_case(url.origin()),
        None => headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .is_some_and(|host| origin.eq_ignore_ascii_case(&format!("http://{host}"))),
    }
}

/// Middleware: refuses every state-changing request that comes from another site.
pub async fn reject_cross_site(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if is_unsafe(request.method()) && !is_same_origin(request.headers(), &state.config) {
        tracing::warn!(method = %request.method(), "cross-site request refused");
        return AppError::csrf_rejected().into_response();
    }
    next.run(request).await
}

/// Name of the hidden form field carrying the CSRF token.
pub const CSRF_FIELD: &str = "csrf_token";

#[derive(Deserialize)]
struct CsrfField {
    csrf_token: Option<String>,
}

/// A URL-encoded form whose CSRF token and origin were checked. Use it instead of
/// `axum::Form` in every handler of a state-changing form.
#[derive(Debug)]
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        if !is_same_origin(request.headers(), &state.config) {
            return Err(AppError::csrf_rejected());
        }
        let session = request
            .extensions()
            .get::<Session>()
            .cloned()
            .ok_or_else(|| AppError::internal("session middleware missing"))?;
        let is_form = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        if !is_form {
            return Err(AppError::bad_request());
        }
        let body = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                AppError::new(crate::error::ErrorKind::from_status(
                    rejection.status(),
                    &HeaderMap::new(),
                ))
            })?;
        let field: CsrfField =
            serde_urlencoded::from_bytes(&body).map_err(|_| AppError::bad_request())?;
        let valid = field
            .csrf_token
            .as_deref()
            .is_some_and(|token| session.verify_csrf(token));
        if !valid {
            tracing::warn!("form refused: missing or wrong CSRF token");
            return Err(AppError::csrf_rejected());
        }
        let form = serde_urlencoded::from_bytes(&body).map_err(|_| AppError::bad_request())?;
        Ok(CsrfForm(form))
    }
}

/// The address a request comes from: the peer, or, when the peer is one of the
/// `trusted_proxies`, the client it forwards. `X-Forwarded-For` lists the addresses a
/// request passed through, each proxy appending the one it received from; read from the
/// right, the first address that is not a trusted proxy is the client (anything left of it
/// was written by the client and proves nothing). `None` without `ConnectInfo`.
pub fn client_address(
    headers: &axum::http::HeaderMap,
    peer: Option<IpAddr>,
    trusted_proxies: &[IpAddr],
) -> Option<IpAddr> {
    let peer = peer?;
    if !trusted_proxies.contains(&peer) {
        return Some(peer);
    }
    let mut forwarded = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .collect::<Vec<_>>();
    forwarded.reverse();
    let mut client = peer;
    for hop in forwarded {
        match hop.parse::<IpAddr>() {
            Ok(address) if trusted_proxies.contains(&address) => client = address,
            Ok(address) => return Some(address),
            // A malformed entry: nothing further left can be trusted.
            Err(_) => break,
        }
    }
    Some(client)
}

/// The rate limiter's key: [`client_address`].
#[derive(Debug, Clone)]
struct ClientAddressKey {
    trusted_proxies: Arc<[IpAddr]>,
}

impl tower_governor::key_extractor::KeyExtractor for ClientAddressKey {
    type Key = IpAddr;

    fn extract<T>(
        &self,
        request: &axum::http::Request<T>,
    ) -> Result<IpAddr, tower_governor::GovernorError> {
        let peer = request
            .extensions()
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|info| info.0.ip());
        client_address(request.headers(), peer, &self.trusted_proxies)
            .ok_or(tower_governor::GovernorError::UnableToExtractKey)
    }
}

/// Puts a rate limit on a route's requests of `methods` (POST for forms, so the form itself
/// can always be shown; GET for the sign-in callback), keyed by the client's address
/// ([`client_address`]). Needs the server to provide
/// `ConnectInfo<SocketAddr>` (`into_make_service_with_connect_info`); without it the request
/// fails closed (500, logged). When called inside a tokio runtime, a task forgets idle
/// clients every minute.
pub fn rate_limited(
    route: MethodRouter<AppState>,
    limits: &RateLimitConfig,
    methods: Vec<Method>,
) -> MethodRouter<AppState> {
    let Some(config) = GovernorConfigBuilder::default()
        .key_extractor(ClientAddressKey {
            trusted_proxies: limits.trusted_proxies.clone().into(),
        })
        .period(Duration::from_secs(limits.replenish_seconds.max(1)))
        .burst_size(limits.burst.max(1))
        .methods(methods)
        .finish()
    else {
        // Unreachable: period and burst are at least 1, the only values `finish` refuses.
        tracing::error!("rate limiter configuration refused; route left unlimited");
        return route;
    };
    let config = Arc::new(config);
    if let Ok(runtime) = tokio::runtime::Handle::try_current() {
        let limiter = Arc::downgrade(config.limiter());
        runtime.spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(60));
            loop {
                tick.tick().await;
                let Some(limiter) = limiter.upgrade() else {
                    break;
                };
                limiter.retain_recent();
            }
        });
    }
    let layer = GovernorLayer::new(config).error_handler(|error| match error {
        tower_governor::GovernorError::TooManyRequests { wait_time, .. } => {
            AppError::rate_limited(wait_time.max(1)).into_response()
        }
        other => AppError::internal(format!("rate limiter: {other}")).into_response(),
    });
    route.layer(layer)
}

#[cfg(test)]
mod tests {
    use super::client_address;
    use axum::http::HeaderMap;
    use std::net::IpAddr;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("an address")
    }

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append("x-forwarded-for", value.parse().expect("header value"));
        }
        headers
    }

    #[test]
    fn the_client_is_the_rightmost_address_no_trusted_proxy_wrote() {
        let proxies = [ip("10.0.0.1"), ip("10.0.0.2")];
        let (peer, proxy) = (Some(ip("192.0.2.9")), Some(ip("10.0.0.1")));
        // No proxy configured, or an untrusted peer: the peer, whatever the header says.
        let spoof = forwarded(&["1.2.3.4"]);
        assert_eq!(client_address(&spoof, peer, &[]), peer);
        assert_eq!(client_address(&spoof, peer, &proxies), peer);
        // Client → 10.0.0.2 → 10.0.0.1 → us: the header reads "client, 10.0.0.2".
        let chain = forwarded(&["198.51.100.7, 10.0.0.2"]);
        assert_eq!(
            client_address(&chain, proxy, &proxies),
            Some(ip("198.51.100.7"))
        );
        // Entries the client wrote itself sit left of the real one and are not believed.
        let lying = forwarded(&["6.6.6.6", "198.51.100.7"]);
        assert_eq!(
            client_address(&lying, proxy, &proxies),
            Some(ip("198.51.100.7"))
        );
        // A trusted proxy without the header, or with only proxies in it.
        assert_eq!(client_address(&HeaderMap::new(), proxy, &proxies), proxy);
        let only_proxies = forwarded(&["10.0.0.2"]);
        assert_eq!(
            client_address(&only_proxies, proxy, &proxies),
            Some(ip("10.0.0.2"))
        );
        // Garbage stops the walk at the last trusted hop; IPv6 works; no peer, no key.
        assert_eq!(
            client_address(&forwarded(&["nonsense"]), proxy, &proxies),
            proxy
        );
        let v6 = forwarded(&["2001:db8::5"]);
        assert_eq!(
            client_address(&v6, proxy, &proxies),
            Some(ip("2001:db8::5"))
        );
        assert_eq!(client_address(&chain, None, &proxies), None);
    }
}
