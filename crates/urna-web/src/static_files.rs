//! The stylesheet and script, compiled into the binary and served from `/static/`.
//!
//! Pages link them as `/static/<name>?v=<hash>`: the hash changes with the content, so
//! browsers may cache them for a year (`immutable`) and still never see a stale file.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::error::AppError;

struct StaticFile {
    name: &'static str,
    content_type: &'static str,
    bytes: &'static [u8],
}

const FILES: &[StaticFile] = &[
    StaticFile {
        name: "urna.css",
        content_type: "text/css; charset=utf-8",
        bytes: include_bytes!("../static/urna.css"),
    },
    StaticFile {
        name: "urna.js",
        content_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("../static/urna.js"),
    },
    // --- ballot UI ---
    StaticFile {
        name: "ballot.js",
        content_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("../static/ballot.js"),
    },
    StaticFile {
        name: "ballot.css",
        content_type: "text/css; charset=utf-8",
        bytes: include_bytes!("../static/ballot.css"),
    },
    // --- end ballot UI ---
    // --- verifiable ballots (server-vote branch) ---
    StaticFile {
        name: "ballot-e2e.js",
        content_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("../static/ballot-e2e.js"),
    },
    // --- end verifiable ballots ---
    // --- voter routes ---
    StaticFile {
        name: "tz.js",
        content_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("../static/tz.js"),
    },
    StaticFile {
        name: "results.css",
        content_type: "text/css; charset=utf-8",
        bytes: include_bytes!("../static/results.css"),
    },
    // --- end voter routes ---
    // --- election form ---
    StaticFile {
        name: "election_form.js",
        content_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("../static/election_form.js"),
    },
    StaticFile {
        name: "election_form.css",
        content_type: "text/css; charset=utf-8",
        bytes: include_bytes!("../static/election_form.css"),
    },
    // --- end election form ---
];

/// First 16 hex digits of each file's SHA-256, in `FILES` order.
static HASHES: LazyLock<Vec<String>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|f| crate::auth::hex(&Sha256::digest(f.bytes)[..8]))
        .collect()
});

/// The versioned URL of a static file.
pub fn url(name: &str) -> String {
    match FILES.iter().position(|f| f.name == name) {
        Some(i) => format!("/static/{name}?v={}", HASHES[i]),
        None => format!("/static/{name}"),
    }
}

/// Names of all static files (for tests that visit every route).
pub fn names() -> impl Iterator<Item = &'static str> {
    FILES.iter().map(|f| f.name)
}

/// `GET /static/{file}`.
pub async fn serve(Path(name): Path<String>, headers: HeaderMap) -> Result<Response, AppError> {
    let (index, file) = FILES
        .iter()
        .enumerate()
        .find(|(_, f)| f.name == name)
        .ok_or_else(AppError::not_found)?;
    let etag = format!("\"{}\"", HASHES[index]);
    let cache = [
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        ),
        (
            header::ETAG,
            HeaderValue::from_str(&etag).map_err(AppError::internal)?,
        ),
    ];
    let not_modified = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|tag| tag.trim() == etag));
    if not_modified {
        return Ok((StatusCode::NOT_MODIFIED, cache).into_response());
    }
    Ok((
        cache,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static(file.content_type),
        )],
        file.bytes,
    )
        .into_response())
}
