//! A client for the MediaWiki Action API: the facts eligibility rules need.
//!
//! Each call is one documented API module, asked politely (the API etiquette of
//! <https://www.mediawiki.org/wiki/API:Etiquette>): requests in series, 50 names per
//! `list=users` request (the limit for accounts without `apihighlimits`), `maxlag=5` on every
//! request, and when the wiki answers `maxlag` (or HTTP 429/503) the client waits the
//! `Retry-After` it gives (5 s when it gives none, at most 60 s) and tries again, up to
//! [`MAX_ATTEMPTS`] times. A `User-Agent` names Urna and the operator's contact, as Wikimedia
//! requires. Continuation (`continue`) is followed wherever a module pages.
//!
//! Modules: `list=users` (`usprop=blockinfo|groups|editcount|registration`), `list=blocks`
//! (sitewide or partial), `list=usercontribs` (edits in a time range, counted only up to the
//! number a rule needs), and on the central wiki CentralAuth's `meta=globaluserinfo`
//! (`guiprop=merged`: the attached wikis and their blocks, the lock) and GlobalBlocking's
//! `list=globalblocks` (`bgtargets`).

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use jiff::Timestamp;
use serde_json::Value;
use thiserror::Error;
use urna_core::wiki_eligibility::{AccountName, GroupName, LocalBlock, WikiId, parse_mw_timestamp};

/// `list=users` takes at most this many names per request (without `apihighlimits`).
pub const NAMES_PER_REQUEST: usize = 50;

/// How many times one request is tried while the wiki says it is lagged or busy.
pub const MAX_ATTEMPTS: u32 = 6;

/// The lag, in seconds, beyond which the wiki should refuse our requests (`maxlag`).
const MAXLAG_SECONDS: u32 = 5;

/// The longest `Retry-After` honoured, so a misconfigured wiki cannot park a fetch for hours.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// The wait when a lagged wiki gives no `Retry-After`.
const DEFAULT_RETRY_AFTER: Duration = Duration::from_secs(5);

/// What went wrong talking to a wiki, naming the wiki's API address.
#[derive(Debug, Error)]
pub enum WikiApiError {
    #[error("could not reach {url}: {detail}")]
    Unreachable { url: String, detail: String },
    #[error("{url} answered HTTP {status}")]
    Status { url: String, status: u16 },
    #[error("{url} answered something that is not the API's JSON: {detail}")]
    BadAnswer { url: String, detail: String },
    #[error("{url} refused the request: {code}: {info}")]
    Api {
        url: String,
        code: String,
        info: String,
    },
    #[error("{url} stayed lagged or busy through {attempts} attempts; try again later")]
    Lagged { url: String, attempts: u32 },
    #[error("the HTTP client could not be built: {0}")]
    Client(String),
}

/// What `list=users` says of one account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserInfo {
    pub name: AccountName,
    pub exists: bool,
    pub edit_count: u64,
    pub registration: Option<Timestamp>,
    pub groups: BTreeSet<GroupName>,
    /// Whether the account is blocked (`blockid` present); [`MediaWikiClient::blocks`] says how.
    pub blocked: bool,
    /// `blockpartial` and `blockexpiry` as `list=users` reports them.
    pub block: Option<LocalBlock>,
}

/// What CentralAuth says of a global account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlobalUserInfo {
    pub name: AccountName,
    pub locked: bool,
    /// The wikis where an attached account is blocked.
    pub blocked_on: Vec<WikiId>,
}

/// A MediaWiki Action API client (see the module documentation). Cheap to clone.
#[derive(Clone, Debug)]
pub struct MediaWikiClient {
    http: reqwest::Client,
}

/// The `User-Agent` sent: Urna, its version, and how the operator can be reached.
pub fn user_agent(contact: &str) -> String {
    format!(
        "Urna/{} (election eligibility; {contact}) reqwest",
        env!("CARGO_PKG_VERSION")
    )
}

impl MediaWikiClient {
    /// A client whose `User-Agent` names Urna and `contact` (an e-mail address or a URL where
    /// the wiki's operators can reach whoever runs the election).
    pub fn new(contact: &str) -> Result<MediaWikiClient, WikiApiError> {
        let http = reqwest::Client::builder()
            .user_agent(user_agent(contact))
            .timeout(Duration::from_secs(60))
            .build()
            .map_err(|e| WikiApiError::Client(e.to_string()))?;
        Ok(MediaWikiClient { http })
    }

    /// One API request with the etiquette parameters, retried while the wiki is lagged.
    async fn get(&self, api: &str, params: &[(&str, String)]) -> Result<Value, WikiApiError> {
        let mut query: Vec<(&str, String)> = vec![
            ("format", "json".into()),
            ("formatversion", "2".into()),
            ("maxlag", MAXLAG_SECONDS.to_string()),
        ];
        query.extend(params.iter().cloned());
        for _ in 0..MAX_ATTEMPTS {
            let response = self.http.get(api).query(&query).send().await.map_err(|e| {
                WikiApiError::Unreachable {
                    url: api.to_owned(),
                    detail: e.to_string(),
                }
            })?;
            let retry_after = retry_after(response.headers());
            let status = response.status();
            if status.as_u16() == 429 || status.as_u16() == 503 {
                tokio::time::sleep(retry_after).await;
                continue;
            }
            if !status.is_success() {
                return Err(WikiApiError::Status {
                    url: api.to_owned(),
                    status: status.as_u16(),
                });
            }
            let bytes = response
                .bytes()
                .await
                .map_err(|e| WikiApiError::Unreachable {
                    url: api.to_owned(),
                    detail: e.to_string(),
                })?;
            let body: Value =
                serde_json::from_slice(&bytes).map_err(|e| WikiApiError::BadAnswer {
                    url: api.to_owned(),
                    detail: e.to_string(),
                })?;
            if let Some(error) = body.get("error") {
                let code = error.get("code").and_then(Value::as_str).unwrap_or("");
                if code == "maxlag" {
                    tokio::time::sleep(retry_after).await;
                    continue;
                }
                return Err(WikiApiError::Api {
                    url: api.to_owned(),
                    code: code.to_owned(),
                    info: error
                        .get("info")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_owned(),
                });
            }
            return Ok(body);
        }
        Err(WikiApiError::Lagged {
            url: api.to_owned(),
            attempts: MAX_ATTEMPTS,
        })
    }

    /// A request whose answer pages: follows `continue` and hands each page to `page`, which
    /// says whether to go on.
    async fn get_pages(
        &self,
        api: &str,
        params: &[(&str, String)],
        mut page: impl FnMut(&Value) -> bool,
    ) -> Result<(), WikiApiError> {
        let mut continuation: Vec<(String, String)> = Vec::new();
        loop {
            let mut all: Vec<(&str, String)> = params.to_vec();
            all.extend(continuation.iter().map(|(k, v)| (k.as_str(), v.clone())));
            let body = self.get(api, &all).await?;
            if !page(&body) {
                return Ok(());
            }
            match body.get("continue").and_then(Value::as_object) {
                Some(next) => {
                    continuation = next
                        .iter()
                        .map(|(k, v)| {
                            let text = v.as_str().map_or_else(|| v.to_string(), str::to_owned);
                            (k.clone(), text)
                        })
                        .collect();
                }
                None => return Ok(()),
            }
        }
    }

    /// `list=users` for up to [`NAMES_PER_REQUEST`] names (more are asked for in several
    /// requests). Names the wiki calls invalid are answered as missing.
    pub async fn users(
        &self,
        api: &str,
        names: &[AccountName],
    ) -> Result<Vec<UserInfo>, WikiApiError> {
        let mut out = Vec::with_capacity(names.len());
        for chunk in names.chunks(NAMES_PER_REQUEST) {
            let body = self
                .get(
                    api,
                    &[
                        ("action", "query".into()),
                        ("list", "users".into()),
                        ("ususers", join_names(chunk)),
                        ("usprop", "blockinfo|groups|editcount|registration".into()),
                    ],
                )
                .await?;
            let users = query_list(&body, "users", api)?;
            for u in users {
                let Some(name) = u
                    .get("name")
                    .and_then(Value::as_str)
                    .and_then(|n| AccountName::parse(n).ok())
                else {
                    continue;
                };
                let exists = !(flag(u, "missing") || flag(u, "invalid"));
                let blocked = u.get("blockid").is_some();
                out.push(UserInfo {
                    exists,
                    edit_count: u.get("editcount").and_then(Value::as_u64).unwrap_or(0),
                    registration: u
                        .get("registration")
                        .and_then(Value::as_str)
                        .and_then(parse_mw_timestamp),
                    groups: u
                        .get("groups")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                        .filter_map(|g| GroupName::parse(g).ok())
                        .collect(),
                    blocked,
                    block: blocked.then(|| LocalBlock {
                        sitewide: !flag(u, "blockpartial"),
                        expiry: u
                            .get("blockexpiry")
                            .and_then(Value::as_str)
                            .and_then(parse_expiry),
                    }),
                    name,
                });
            }
        }
        Ok(out)
    }

    /// `list=blocks` for these names: each blocked one's block (sitewide if any of its
    /// blocks is).
    pub async fn blocks(
        &self,
        api: &str,
        names: &[AccountName],
    ) -> Result<BTreeMap<AccountName, LocalBlock>, WikiApiError> {
        let mut out: BTreeMap<AccountName, LocalBlock> = BTreeMap::new();
        for chunk in names.chunks(NAMES_PER_REQUEST) {
            let mut bad = None;
            self.get_pages(
                api,
                &[
                    ("action", "query".into()),
                    ("list", "blocks".into()),
                    ("bkusers", join_names(chunk)),
                    ("bkprop", "user|expiry|flags".into()),
                    ("bklimit", "max".into()),
                ],
                |body| {
                    match query_list(body, "blocks", api) {
                        Ok(blocks) => {
                            for b in blocks {
                                let Some(name) = b
                                    .get("user")
                                    .and_then(Value::as_str)
                                    .and_then(|n| AccountName::parse(n).ok())
                                else {
                                    continue;
                                };
                                let block = LocalBlock {
                                    sitewide: !flag(b, "partial"),
                                    expiry: b
                                        .get("expiry")
                                        .and_then(Value::as_str)
                                        .and_then(parse_expiry),
                                };
                                let entry = out.entry(name).or_insert_with(|| block.clone());
                                if block.sitewide && !entry.sitewide {
                                    *entry = block;
                                }
                            }
                        }
                        Err(e) => {
                            bad = Some(e);
                            return false;
                        }
                    }
                    true
                },
            )
            .await?;
            if let Some(e) = bad {
                return Err(e);
            }
        }
        Ok(out)
    }

    /// How many edits `name` made from `from` (inclusive; `None`: since the beginning) to
    /// `to` (exclusive), counted until `enough` (the count stops there: a rule needs no more).
    /// Live edits only, as `list=usercontribs` lists them.
    pub async fn count_edits(
        &self,
        api: &str,
        name: &AccountName,
        from: Option<Timestamp>,
        to: Timestamp,
        enough: u64,
    ) -> Result<u64, WikiApiError> {
        // `ucstart` is inclusive and MediaWiki keeps whole seconds: the last second before
        // `to` is the newest included. The listing runs from newer to older (`ucdir=older`).
        let newest = to
            .checked_sub(jiff::SignedDuration::from_secs(1))
            .unwrap_or(to);
        let mut params: Vec<(&str, String)> = vec![
            ("action", "query".into()),
            ("list", "usercontribs".into()),
            ("ucuser", name.as_str().to_owned()),
            ("ucprop", "ids".into()),
            ("ucdir", "older".into()),
            ("ucstart", mw_iso(newest)),
            ("uclimit", enough.clamp(1, 500).to_string()),
        ];
        if let Some(from) = from {
            params.push(("ucend", mw_iso(from)));
        }
        let mut count = 0u64;
        let mut bad = None;
        self.get_pages(api, &params, |body| {
            match query_list(body, "usercontribs", api) {
                Ok(list) => {
                    count += list.len() as u64;
                    count < enough
                }
                Err(e) => {
                    bad = Some(e);
                    false
                }
            }
        })
        .await?;
        if let Some(e) = bad {
            return Err(e);
        }
        Ok(count.min(enough))
    }

    /// CentralAuth's `meta=globaluserinfo` for one name; `None` when there is no global
    /// account of that name.
    pub async fn global_user_info(
        &self,
        central_api: &str,
        name: &AccountName,
    ) -> Result<Option<GlobalUserInfo>, WikiApiError> {
        let body = self
            .get(
                central_api,
                &[
                    ("action", "query".into()),
                    ("meta", "globaluserinfo".into()),
                    ("guiuser", name.as_str().to_owned()),
                    ("guiprop", "merged".into()),
                ],
            )
            .await?;
        let info = body
            .get("query")
            .and_then(|q| q.get("globaluserinfo"))
            .ok_or_else(|| WikiApiError::BadAnswer {
                url: central_api.to_owned(),
                detail: "no query.globaluserinfo in the answer".into(),
            })?;
        if flag(info, "missing") {
            return Ok(None);
        }
        let global_name = info
            .get("name")
            .and_then(Value::as_str)
            .and_then(|n| AccountName::parse(n).ok())
            .unwrap_or_else(|| name.clone());
        let blocked_on = info
            .get("merged")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter(|m| m.get("blocked").is_some())
            .filter_map(|m| m.get("wiki").and_then(Value::as_str))
            .filter_map(|w| WikiId::parse(w).ok())
            .collect();
        Ok(Some(GlobalUserInfo {
            name: global_name,
            locked: flag(info, "locked"),
            blocked_on,
        }))
    }

    /// GlobalBlocking's `list=globalblocks`: which of these names are globally blocked.
    pub async fn global_blocks(
        &self,
        central_api: &str,
        names: &[AccountName],
    ) -> Result<BTreeSet<AccountName>, WikiApiError> {
        let mut out = BTreeSet::new();
        for chunk in names.chunks(NAMES_PER_REQUEST) {
            let mut bad = None;
            self.get_pages(
                central_api,
                &[
                    ("action", "query".into()),
                    ("list", "globalblocks".into()),
                    ("bgtargets", join_names(chunk)),
                    ("bgprop", "target|expiry".into()),
                    ("bglimit", "max".into()),
                ],
                |body| match query_list(body, "globalblocks", central_api) {
                    Ok(blocks) => {
                        out.extend(
                            blocks
                                .iter()
                                .filter_map(|b| b.get("target").and_then(Value::as_str))
                                .filter_map(|n| AccountName::parse(n).ok()),
                        );
                        true
                    }
                    Err(e) => {
                        bad = Some(e);
                        false
                    }
                },
            )
            .await?;
            if let Some(e) = bad {
                return Err(e);
            }
        }
        Ok(out)
    }
}

fn join_names(names: &[AccountName]) -> String {
    names
        .iter()
        .map(AccountName::as_str)
        .collect::<Vec<_>>()
        .join("|")
}

/// `query.<list>` of an answer; an answer without `query` is an empty list (MediaWiki omits
/// it when nothing matched).
fn query_list<'a>(body: &'a Value, list: &str, api: &str) -> Result<&'a [Value], WikiApiError> {
    match body.get("query") {
        None => Ok(&[]),
        Some(q) => match q.get(list) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(_) => Err(WikiApiError::BadAnswer {
                url: api.to_owned(),
                detail: format!("query.{list} is not a list"),
            }),
        },
    }
}

/// A flag in either format version: `true` (formatversion=2) or present as `""` (1).
fn flag(v: &Value, name: &str) -> bool {
    match v.get(name) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(_)) => true,
        _ => false,
    }
}

/// A block expiry: `infinity`/`infinite` (none) or a timestamp.
fn parse_expiry(s: &str) -> Option<Timestamp> {
    match s {
        "infinity" | "infinite" | "indefinite" | "never" => None,
        other => parse_mw_timestamp(other),
    }
}

/// A timestamp as the API takes it: ISO 8601 in whole seconds.
fn mw_iso(t: Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The wait a `Retry-After` header asks for (in seconds), capped; the default without one.
fn retry_after(headers: &reqwest::header::HeaderMap) -> Duration {
    headers
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map_or(DEFAULT_RETRY_AFTER, |s| {
            Duration::from_secs(s).min(MAX_RETRY_AFTER)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_is_read_capped_and_defaulted() {
        let mut h = reqwest::header::HeaderMap::new();
        assert_eq!(retry_after(&h), Duration::from_secs(5));
        h.insert(reqwest::header::RETRY_AFTER, "2".parse().unwrap());
        assert_eq!(retry_after(&h), Duration::from_secs(2));
        h.insert(reqwest::header::RETRY_AFTER, "86400".parse().unwrap());
        assert_eq!(retry_after(&h), Duration::from_secs(60));
    }

    #[test]
    fn flags_expiries_and_timestamps_in_the_api_forms() {
        let v: Value = serde_json::json!({"a": true, "b": "", "c": false});
        assert!(flag(&v, "a") && flag(&v, "b") && !flag(&v, "c") && !flag(&v, "d"));
        assert_eq!(parse_expiry("infinity"), None);
        assert_eq!(
            parse_expiry("2027-11-26T15:26:29Z"),
            Some("2027-11-26T15:26:29Z".parse().unwrap())
        );
        assert_eq!(
            mw_iso("2025-07-28T00:00:00.5Z".parse().unwrap()),
            "2025-07-28T00:00:00Z"
        );
        assert!(user_agent("ops@example.org").starts_with("Urna/"));
    }
}
