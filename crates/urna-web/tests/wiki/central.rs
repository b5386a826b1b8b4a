//! A stand-in central wiki: Debian's MediaWiki has no CentralAuth or GlobalBlocking, so this
//! loopback server speaks the two documented modules the fetch uses, in `formatversion=2`:
//! `meta=globaluserinfo` (`guiuser`, `guiprop=merged`:
//! <https://www.mediawiki.org/wiki/Extension:CentralAuth/API#globaluserinfo>) and
//! `list=globalblocks` (`bgtargets`, paged one block per answer through `bgcontinue` so that
//! continuation is exercised: <https://www.mediawiki.org/wiki/Extension:GlobalBlocking/API>).
//! Its first answer is a `maxlag` error with `Retry-After: 1`, as a lagged Wikimedia wiki
//! answers, and it records every request's query and `User-Agent`.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};

/// The query and `User-Agent` of each request, shared with the test.
type Seen = Arc<Mutex<Vec<(HashMap<String, String>, String)>>>;

#[derive(Clone, Default)]
struct Data {
    /// Global name → the `globaluserinfo` object.
    users: BTreeMap<String, Value>,
    globally_blocked: Vec<String>,
    /// (query, User-Agent) of each request.
    seen: Seen,
}

pub struct Central {
    pub api: String,
    seen: Seen,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Central {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Central {
    pub async fn start(users: BTreeMap<String, Value>, globally_blocked: Vec<String>) -> Central {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let data = Data {
            users,
            globally_blocked,
            seen: seen.clone(),
        };
        let app = axum::Router::new()
            .route("/api.php", get(answer))
            .with_state(data);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Central {
            api: format!("http://{addr}/api.php"),
            seen,
            task,
        }
    }

    /// The query and `User-Agent` of every request so far.
    pub fn requests(&self) -> Vec<(HashMap<String, String>, String)> {
        self.seen.lock().unwrap().clone()
    }
}

async fn answer(
    State(data): State<Data>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let first = {
        let mut seen = data.seen.lock().unwrap();
        seen.push((q.clone(), agent));
        seen.len() == 1
    };
    if first {
        let mut response = axum::Json(json!({"error": {
            "code": "maxlag", "info": "Waiting for 10.64.0.1: 7 seconds lagged.", "lag": 7}}))
        .into_response();
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        return response;
    }
    let get = |k: &str| q.get(k).map(String::as_str).unwrap_or("");
    if get("meta") == "globaluserinfo" {
        let info = data
            .users
            .get(get("guiuser"))
            .cloned()
            .unwrap_or_else(|| json!({"missing": true}));
        return axum::Json(json!({"batchcomplete": true, "query": {"globaluserinfo": info}}))
            .into_response();
    }
    if get("list") == "globalblocks" {
        let matches: Vec<&String> = get("bgtargets")
            .split('|')
            .filter_map(|t| data.globally_blocked.iter().find(|b| *b == t))
            .collect();
        let from: usize = get("bgcontinue").parse().unwrap_or(0);
        let page: Vec<Value> = matches
            .iter()
            .skip(from)
            .take(1)
            .map(|t| json!({"id": 1, "target": t, "expiry": "infinity", "reason": "spam"}))
            .collect();
        let mut body = json!({"query": {"globalblocks": page}});
        if from + 1 < matches.len() {
            body["continue"] = json!({"bgcontinue": (from + 1).to_string(), "continue": "-||"});
        } else {
            body["batchcomplete"] = json!(true);
        }
        return axum::Json(body).into_response();
    }
    axum::Json(json!({"error": {"code": "badvalue", "info": "unknown module"}})).into_response()
}
