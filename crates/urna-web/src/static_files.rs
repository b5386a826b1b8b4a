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
    // --- verifiable ballots (e2e-js) ---
    // The voter's browser encrypts and proves its ballot (docs/record-format.md §4) with
    // urna-e2e.js, an ES module that imports the vendored @noble bundle (scripts/refresh-noble)
    // as `./noble.js?v=<its hash>`, so both are served from /static/ under these names.
    StaticFile {
        name: "urna-e2e.js",
        content_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("../static/urna-e2e.js"),
    },
    StaticFile {
        name: "noble.js",
        content_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("../static/vendor/noble.js"),
    },
    // --- end verifiable ballots ---
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

// --- verifiable ballots (e2e-js) ---
#[cfg(test)]
mod e2e_module_tests {
    use super::*;

    async fn served(name: &str) -> (String, Vec<u8>) {
        let response = serve(Path(name.to_owned()), HeaderMap::new())
            .await
            .unwrap_or_else(|_| panic!("{name} is served"));
        let content_type = response.headers()[header::CONTENT_TYPE]
            .to_str()
            .expect("ASCII content type")
            .to_owned();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("body");
        (content_type, body.to_vec())
    }

    #[tokio::test]
    async fn the_ballot_module_and_its_bundle_are_served_as_javascript() {
        let static_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("static");
        for (name, file) in [
            ("urna-e2e.js", "urna-e2e.js"),
            ("noble.js", "vendor/noble.js"),
        ] {
            let (content_type, body) = served(name).await;
            assert_eq!(content_type, "text/javascript; charset=utf-8", "{name}");
            assert_eq!(
                body,
                std::fs::read(static_dir.join(file)).expect("source file"),
                "{name}"
            );
        }
    }

    #[test]
    fn the_module_imports_the_bundle_at_its_versioned_url() {
        // The browser resolves `./noble.js?v=…` next to /static/urna-e2e.js: it must be the
        // URL pages would use, so a new bundle is never mixed with a cached old module.
        let module = std::str::from_utf8(include_bytes!("../static/urna-e2e.js")).expect("UTF-8");
        let versioned = url("noble.js");
        let relative = versioned.strip_prefix("/static/").expect("a /static/ URL");
        assert!(
            module.contains(&format!("from './{relative}'")),
            "urna-e2e.js does not import ./{relative}: re-run scripts/refresh-noble"
        );
    }
}
// --- end verifiable ballots ---
