//! Errors as users see them: one [`AppError`] type for handlers (as crates.io's `AppError`),
//! and one middleware, [`render_errors`], that turns every error response into a translated
//! HTML page or an RFC 9457 JSON problem document, depending on `Accept`.
//!
//! Handlers and middleware return errors as a status plus an [`ErrorKind`] in the response
//! extensions and no body; errors produced elsewhere (axum's extractor rejections, the body
//! size limit, the timeout, the rate limiter, a caught panic) are recognised by status. Their
//! original bodies are dropped, so no internal detail (serde messages, panic text) reaches a
//! user; internal causes are logged instead.

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use fluent_bundle::FluentValue;

use crate::i18n::Translator;
use crate::templates::{ErrorPage, PageContext};

/// What went wrong, in terms a user can act on. Each kind has a translated title and detail
/// (`error-<code>-title`, `error-<code>-detail`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    NotFound,
    MethodNotAllowed,
    BadRequest,
    /// A state-changing request without a valid CSRF token or from another site.
    CsrfRejected,
    /// Too many requests; retry after this many seconds.
    RateLimited {
        retry_after_seconds: u64,
    },
    PayloadTooLarge,
    Timeout,
    Internal,
    /// Signed in, but without the role this needs (staff pages).
    Forbidden,
    /// The database cannot be reached right now: nothing was stored, try again later.
    Unavailable,
}

impl ErrorKind {
    pub fn status(self) -> StatusCode {
        match self {
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorKind::BadRequest => StatusCode::BAD_REQUEST,
            ErrorKind::CsrfRejected => StatusCode::FORBIDDEN,
            ErrorKind::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ErrorKind::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorKind::Timeout => StatusCode::SERVICE_UNAVAILABLE,
            ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            ErrorKind::Forbidden => StatusCode::FORBIDDEN,
            ErrorKind::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// Stable identifier: the Fluent message stem and the problem document's `type`.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "not-found",
            ErrorKind::MethodNotAllowed => "method-not-allowed",
            ErrorKind::BadRequest => "bad-request",
            ErrorKind::CsrfRejected => "csrf",
            ErrorKind::RateLimited { .. } => "rate-limited",
            ErrorKind::PayloadTooLarge => "payload-too-large",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Internal => "internal",
            ErrorKind::Forbidden => "forbidden",
            ErrorKind::Unavailable => "unavailable",
        }
    }

    /// The kind for an error status produced outside our handlers.
    pub fn from_status(status: StatusCode, headers: &HeaderMap) -> ErrorKind {
        match status {
            StatusCode::NOT_FOUND => ErrorKind::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => ErrorKind::MethodNotAllowed,
            StatusCode::FORBIDDEN => ErrorKind::CsrfRejected,
            StatusCode::TOO_MANY_REQUESTS => ErrorKind::RateLimited {
                retry_after_seconds: headers
                    .get(header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(60),
            },
            StatusCode::PAYLOAD_TOO_LARGE => ErrorKind::PayloadTooLarge,
            StatusCode::REQUEST_TIMEOUT | StatusCode::SERVICE_UNAVAILABLE => ErrorKind::Timeout,
            s if s.is_client_error() => ErrorKind::BadRequest,
            _ => ErrorKind::Internal,
        }
    }

    /// Translated (title, detail).
    pub fn texts(self, tr: &Translator) -> (String, String) {
        let code = self.code();
        let title = tr.t(&format!("error-{code}-title"));
        let detail = match self {
            ErrorKind::RateLimited {
                retry_after_seconds,
            } => tr.t_args(
                &format!("error-{code}-detail"),
                &[("seconds", FluentValue::from(retry_after_seconds.max(1)))],
            ),
            _ => tr.t(&format!("error-{code}-detail")),
        };
        (title, detail)
    }
}

/// An error a handler returns. The internal cause, if any, is logged when the error becomes a
/// response and never shown.
#[derive(Debug)]
pub struct AppError {
    kind: ErrorKind,
    internal: Option<String>,
}

/// Result of a handler.
pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn new(kind: ErrorKind) -> Self {
        AppError {
            kind,
            internal: None,
        }
    }

    pub fn not_found() -> Self {
        Self::new(ErrorKind::NotFound)
    }

    pub fn bad_request() -> Self {
        Self::new(ErrorKind::BadRequest)
    }

    pub fn csrf_rejected() -> Self {
        Self::new(ErrorKind::CsrfRejected)
    }

    /// Signed in, but not allowed to do this.
    pub fn forbidden() -> Self {
        Self::new(ErrorKind::Forbidden)
    }

    pub fn rate_limited(retry_after_seconds: u64) -> Self {
        Self::new(ErrorKind::RateLimited {
            retry_after_seconds,
        })
    }

    /// A server-side failure; `cause` goes to the log only. A store or service error that
    /// means the database is unreachable ([`urna_store::StoreError::is_unavailable`]) becomes
    /// [`ErrorKind::Unavailable`], the "try again" page: every handler's database failure is
    /// told apart here, in one place.
    pub fn internal(cause: impl std::fmt::Display + 'static) -> Self {
        let any: &dyn std::any::Any = &cause;
        let unavailable = match (
            any.downcast_ref::<urna_store::StoreError>(),
            any.downcast_ref::<crate::service::ServiceError>(),
        ) {
            (Some(store), _) | (_, Some(crate::service::ServiceError::Store(store))) => {
                store.is_unavailable()
            }
            _ => false,
        };
        AppError {
            kind: if unavailable {
                ErrorKind::Unavailable
            } else {
                ErrorKind::Internal
            },
            internal: Some(cause.to_string()),
        }
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let Some(cause) = &self.internal {
            tracing::error!(kind = self.kind.code(), %cause, "request failed");
        }
        let mut response = self.kind.status().into_response();
        if let ErrorKind::RateLimited {
            retry_after_seconds,
        } = self.kind
        {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_seconds));
        }
        response.extensions_mut().insert(self.kind);
        response
    }
}

/// Marks a response whose body is already a complete page for its error status (a form shown
/// again with its validation message), so [`render_errors`] leaves it alone.
#[derive(Debug, Clone, Copy)]
pub struct RenderedPage;

/// Middleware: gives every error response a translated body in the format the client wants.
/// Sits inside language negotiation (it needs the [`Translator`]) and outside everything that
/// can fail.
pub async fn render_errors(request: Request, next: Next) -> Response {
    let wants_json = wants_json(request.uri().path(), request.headers());
    let translator = request.extensions().get::<Translator>().cloned();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error())
        || response.extensions().get::<RenderedPage>().is_some()
    {
        return response;
    }
    let kind = response
        .extensions()
        .get::<ErrorKind>()
        .copied()
        .unwrap_or_else(|| ErrorKind::from_status(status, response.headers()));
    if kind == ErrorKind::Internal && response.extensions().get::<ErrorKind>().is_none() {
        tracing::error!(%status, "internal error response from a lower layer (panic or timeout?)");
    }
    let Some(translator) = translator else {
        // Only reachable if the middleware order is wrong; still answer without details.
        return (status, "error").into_response();
    };
    let (mut parts, _dropped_body) = response.into_parts();
    for name in [header::CONTENT_TYPE, header::CONTENT_LENGTH] {
        parts.headers.remove(name);
    }
    let (title, detail) = kind.texts(&translator);
    let body = if wants_json {
        parts.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        let problem = serde_json::json!({
            "type": format!("urn:urna:problem:{}", kind.code()),
            "title": title,
            "status": status.as_u16(),
            "detail": detail,
        });
        axum::body::Body::from(problem.to_string())
    } else {
        parts.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        let page = ErrorPage {
            page: PageContext::new(translator.clone(), &path),
            status_label: translator.t_args(
                "error-status",
                &[("status", FluentValue::from(status.as_u16()))],
            ),
            title,
            detail,
        };
        match askama::Template::render(&page) {
            Ok(html) => axum::body::Body::from(html),
            Err(e) => {
                tracing::error!(error = %e, "error page template failed");
                parts.headers.insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/plain; charset=utf-8"),
                );
                axum::body::Body::from(page.title)
            }
        }
    };
    Response::from_parts(parts, body)
}

/// Whether the client prefers JSON: always under `/api/`, otherwise when its `Accept` header
/// ranks a JSON type above HTML.
pub fn wants_json(path: &str, headers: &HeaderMap) -> bool {
    if path.starts_with("/api/") {
        return true;
    }
    let Some(accept) = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let mut html = 0u16;
    let mut json = 0u16;
    for item in accept.split(',') {
        let mut parts = item.split(';');
        let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let quality = parts
            .filter_map(|p| p.split_once('='))
            .find(|(k, _)| k.trim() == "q")
            .and_then(|(_, v)| v.trim().parse::<f32>().ok())
            .map_or(1000, |q| (q.clamp(0.0, 1.0) * 1000.0) as u16);
        match media.as_str() {
            "text/html" | "application/xhtml+xml" => html = html.max(quality),
            "application/json" | "application/problem+json" => json = json.max(quality),
            _ => {}
        }
    }
    json > html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, HeaderValue::from_str(value).expect("ascii"));
        headers
    }

    #[test]
    fn json_only_when_preferred_or_under_api() {
        assert!(wants_json("/api/elections", &HeaderMap::new()));
        assert!(!wants_json("/vote", &HeaderMap::new()));
        // A browser's navigation Accept header.
        assert!(!wants_json(
            "/vote",
            &accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        ));
        assert!(wants_json("/vote", &accept("application/json")));
        assert!(wants_json(
            "/vote",
            &accept("text/html;q=0.5, application/problem+json")
        ));
        assert!(!wants_json(
            "/vote",
            &accept("application/json;q=0, text/html")
        ));
    }

    #[test]
    fn error_kind_statuses() {
        assert_eq!(ErrorKind::CsrfRejected.status(), StatusCode::FORBIDDEN);
        assert_eq!(
            ErrorKind::from_status(StatusCode::UNPROCESSABLE_ENTITY, &HeaderMap::new()),
            ErrorKind::BadRequest
        );
        assert_eq!(
            ErrorKind::from_status(StatusCode::BAD_GATEWAY, &HeaderMap::new()),
            ErrorKind::Internal
        );
    }
}
