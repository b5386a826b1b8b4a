//! A synthetic voter: what a browser does to vote, over real HTTP against an Urna server.
//!
//! `GET /vote` (session cookie and CSRF token), `POST /vote` with the voting-link token, `GET`
//! the ballot page, `POST` the review form with random valid answers, `POST` the cast form,
//! and the receipt code read off the receipt page. In a verifiable election (the ballot page
//! embeds the election parameters, docs/record-format.md §4) it does what the page's script
//! does instead: encrypts random allowed answers natively under a fresh credential and posts
//! the ballot JSON to `…/ballot/cast-encrypted`, reading the tracker off the receipt.
//!
//! Shared by `urna bench vote` (load) and the rehearsal ([`crate::service::rehearsal`]), which
//! votes through the real stack of a throwaway server: one voter, one place. Requests go only
//! to the base URL given.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// An HTTP client for synthetic voters: no redirects followed (the voter reads `Location`),
/// a 30 s timeout, up to `idle_per_host` idle connections kept.
pub fn http_client(idle_per_host: usize) -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(idle_per_host)
        .timeout(Duration::from_secs(30))
        .build()
}

pub struct Voter {
    client: reqwest::Client,
    base_url: String,
    token: String,
    /// The `name=value` of the session cookie.
    cookie: Option<String>,
    rng: SplitMix,
    /// Kind and latency of each request of the vote in progress.
    latencies: Vec<(&'static str, Duration)>,
}

#[derive(Debug, Clone)]
pub struct Voted {
    /// The receipt code (sealed ballots) or the tracker (verifiable ballots).
    pub receipt: String,
    /// Latency of the cast request.
    pub cast: Duration,
    /// Latency of the whole vote.
    pub whole: Duration,
    /// Each request's kind and latency.
    pub requests: Vec<(&'static str, Duration)>,
}

#[derive(Debug, Clone)]
pub struct Failure {
    /// What failed (`POST cast: status 500`), for counting errors by kind.
    pub kind: String,
    /// Whether the cast request was sent (its outcome is then unknown).
    pub cast_attempted: bool,
}

fn failure(kind: impl Into<String>) -> Failure {
    Failure {
        kind: kind.into(),
        cast_attempted: false,
    }
}

/// Never prints the voting-link token or the session cookie.
impl std::fmt::Debug for Voter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Voter")
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

impl Voter {
    /// A voter with this voting-link token; `seed` drives its random answers.
    pub fn new(client: reqwest::Client, base_url: String, token: String, seed: u64) -> Voter {
        Voter {
            client,
            base_url,
            token,
            cookie: None,
            rng: SplitMix(seed),
            latencies: Vec::new(),
        }
    }

    /// Forgets the session cookie (after an error: the server may have restarted).
    pub fn forget_session(&mut self) {
        self.cookie = None;
    }

    /// Votes once: sign-in with the link's token, a random valid ballot, its receipt.
    pub async fn vote(&mut self) -> Result<Voted, Failure> {
        self.latencies.clear();
        let started = Instant::now();
        let page = self.request("GET /vote", "/vote", None).await?;
        let csrf = hidden_value(&page.body, "csrf_token")
            .ok_or_else(|| failure("GET /vote: no CSRF token"))?;
        let form = vec![
            ("csrf_token".to_owned(), csrf),
            ("token".to_owned(), self.token.clone()),
        ];
        let signed_in = self.request("POST /vote", "/vote", Some(&form)).await?;
        let ballot_path = signed_in
            .location
            .filter(|l| l.starts_with("/elections/"))
            .ok_or_else(|| {
                failure(format!(
                    "POST /vote: status {} without a ballot redirect",
                    signed_in.status
                ))
            })?;
        let slug_path = ballot_path.trim_end_matches('/').to_owned();
        let ballot = self.request("GET ballot", &slug_path, None).await?;
        if let Some(parameters) = embedded_parameters(&ballot.body) {
            let form = self.encrypted_ballot(&ballot.body, parameters)?;
            return self.cast_encrypted(started, &slug_path, &form).await;
        }
        let fields = fill_in(&ballot.body, &mut self.rng)
            .ok_or_else(|| failure("GET ballot: no CSRF token on the ballot page"))?;
        let confirm = self
            .request("POST review", &format!("{slug_path}/review"), Some(&fields))
            .await?;
        let mut cast_form = form_inputs(&confirm.body);
        if !cast_form.iter().any(|(n, _)| n == "csrf_token") {
            return Err(failure("POST review: no confirmation form"));
        }
        cast_form.retain(|(n, _)| n != "action");
        cast_form.push(("action".to_owned(), "cast".to_owned()));
        let cast_started = Instant::now();
        let receipt = self
            .request("POST cast", &format!("{slug_path}/cast"), Some(&cast_form))
            .await
            .map_err(|mut f| {
                f.cast_attempted = true;
                f
            })?;
        let cast = cast_started.elapsed();
        let code = element_text(&receipt.body, "id=\"receipt-code\"").ok_or(Failure {
            kind: "POST cast: no receipt code".to_owned(),
            cast_attempted: true,
        })?;
        Ok(Voted {
            receipt: code,
            cast,
            whole: started.elapsed(),
            requests: std::mem::take(&mut self.latencies),
        })
    }

    /// What the ballot page's script would post in a verifiable election: random allowed
    /// answers, encrypted and proved natively under a fresh credential, with the CSRF token.
    fn encrypted_ballot(
        &mut self,
        page: &str,
        parameters: &str,
    ) -> Result<Vec<(String, String)>, Failure> {
        let params: urna_crypto::homomorphic::ElectionParams = serde_json::from_str(parameters)
            .map_err(|e| failure(format!("GET ballot: election parameters: {e}")))?;
        let csrf = hidden_value(page, "csrf_token")
            .ok_or_else(|| failure("GET ballot: no CSRF token on the ballot page"))?;
        let bits = random_bits(&params, &mut self.rng);
        let mut rng = urna_crypto::os_rng();
        let credential = urna_crypto::homomorphic::CredentialSecret::generate(&mut rng)
            .map_err(|e| failure(format!("drawing a credential: {e}")))?;
        let (ballot, _opening) =
            urna_crypto::homomorphic::encrypt_ballot(&params, &credential, &bits, &mut rng)
                .map_err(|e| failure(format!("encrypting a ballot: {e}")))?;
        let json = serde_json::to_string(&ballot)
            .map_err(|e| failure(format!("encrypting a ballot: {e}")))?;
        Ok(vec![
            ("csrf_token".to_owned(), csrf),
            ("ballot".to_owned(), json),
        ])
    }

    /// Posts an encrypted ballot and reads the tracker off the receipt.
    async fn cast_encrypted(
        &mut self,
        started: Instant,
        slug_path: &str,
        form: &[(String, String)],
    ) -> Result<Voted, Failure> {
        let cast_started = Instant::now();
        let receipt = self
            .request(
                "POST cast-encrypted",
                &format!("{slug_path}/cast-encrypted"),
                Some(form),
            )
            .await
            .map_err(|mut f| {
                f.cast_attempted = true;
                f
            })?;
        let cast = cast_started.elapsed();
        let tracker = element_text(&receipt.body, "id=\"receipt-tracker\"").ok_or(Failure {
            kind: "POST cast-encrypted: no tracker".to_owned(),
            cast_attempted: true,
        })?;
        Ok(Voted {
            receipt: tracker,
            cast,
            whole: started.elapsed(),
            requests: std::mem::take(&mut self.latencies),
        })
    }

    /// One request with the voter's cookie; a status other than 2xx/303 is a failure.
    async fn request(
        &mut self,
        what: &'static str,
        path: &str,
        form: Option<&[(String, String)]>,
    ) -> Result<Page, Failure> {
        let url = format!("{}{path}", self.base_url);
        let mut request = match form {
            Some(form) => self.client.post(&url).form(form),
            None => self.client.get(&url),
        };
        if let Some(cookie) = &self.cookie {
            request = request.header(reqwest::header::COOKIE, cookie);
        }
        let sent = Instant::now();
        let response = request.send().await.map_err(|e| {
            failure(format!(
                "{what}: {}",
                if e.is_timeout() {
                    "timeout"
                } else if e.is_connect() {
                    "cannot connect"
                } else {
                    "connection lost"
                }
            ))
        })?;
        for value in response.headers().get_all(reqwest::header::SET_COOKIE) {
            if let Some(pair) = value.to_str().ok().and_then(|v| v.split(';').next()) {
                self.cookie = Some(pair.trim().to_owned());
            }
        }
        let status = response.status();
        let location = response
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = response
            .text()
            .await
            .map_err(|_| failure(format!("{what}: connection lost in the body")))?;
        if !(status.is_success() || status == reqwest::StatusCode::SEE_OTHER) {
            return Err(failure(format!("{what}: status {}", status.as_u16())));
        }
        self.latencies.push((what, sent.elapsed()));
        Ok(Page {
            status: status.as_u16(),
            location,
            body,
        })
    }
}

struct Page {
    status: u16,
    location: Option<String>,
    body: String,
}

/// The `name`/`value`/`type` attributes of every `<input>` and `<select>` of a page (enough
/// for Urna's own forms; not a general HTML parser).
fn inputs(html: &str) -> Vec<(String, String, String)> {
    let mut found = Vec::new();
    for (start, _) in html.match_indices('<') {
        let rest = &html[start + 1..];
        let tag = if rest.starts_with("input") {
            "input"
        } else if rest.starts_with("select") {
            "select"
        } else {
            continue;
        };
        let end = rest.find('>').unwrap_or(rest.len());
        let element = &rest[..end];
        let Some(name) = attribute(element, "name") else {
            continue;
        };
        let kind = if tag == "select" {
            "select".to_owned()
        } else {
            attribute(element, "type").unwrap_or_else(|| "text".to_owned())
        };
        found.push((name, attribute(element, "value").unwrap_or_default(), kind));
    }
    found
}

fn attribute(element: &str, name: &str) -> Option<String> {
    let needle = format!(" {name}=\"");
    let start = element.find(&needle)? + needle.len();
    let len = element[start..].find('"')?;
    Some(unescape(&element[start..start + len]))
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn hidden_value(html: &str, name: &str) -> Option<String> {
    inputs(html)
        .into_iter()
        .find(|(n, _, _)| n == name)
        .map(|(_, v, _)| v)
}

/// Every named input of a page with its value (the confirmation page's hidden fields).
fn form_inputs(html: &str) -> Vec<(String, String)> {
    inputs(html)
        .into_iter()
        .filter(|(_, _, kind)| kind == "hidden")
        .map(|(n, v, _)| (n, v))
        .collect()
}

/// The text inside the element whose opening tag contains `marker`.
fn element_text(html: &str, marker: &str) -> Option<String> {
    let at = html.find(marker)?;
    let open_end = at + html[at..].find('>')? + 1;
    let close = open_end + html[open_end..].find('<')?;
    let text = html[open_end..close].trim();
    (!text.is_empty()).then(|| unescape(text))
}

/// A random valid ballot for the ballot page: one choice per radio group, each approval box
/// with even odds, and a random order of every ranked question's candidates.
fn fill_in(html: &str, rng: &mut SplitMix) -> Option<Vec<(String, String)>> {
    let mut fields = Vec::new();
    let mut radios: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut ranks: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut csrf = None;
    for (name, value, kind) in inputs(html) {
        if name == "csrf_token" {
            csrf = Some(value);
        } else if name.starts_with("abstain.") {
            // Abstaining is a choice a voter makes; the generator always votes.
        } else if kind == "radio" {
            radios.entry(name).or_default().push(value);
        } else if kind == "checkbox" {
            if rng.next().is_multiple_of(2) {
                fields.push((name, value));
            }
        } else if let Some(rest) = name.strip_prefix("rank.") {
            let question = rest.split('.').next().unwrap_or_default().to_owned();
            ranks.entry(question).or_default().push(name);
        }
    }
    for (name, values) in radios {
        let pick = rng.next() as usize % values.len().max(1);
        if let Some(value) = values.into_iter().nth(pick) {
            fields.push((name, value));
        }
    }
    for (_, mut names) in ranks {
        // Fisher–Yates, then ranks 1, 2, … in that order.
        for i in (1..names.len()).rev() {
            names.swap(i, rng.next() as usize % (i + 1));
        }
        for (rank, name) in names.into_iter().enumerate() {
            fields.push((name, (rank + 1).to_string()));
        }
    }
    fields.push(("csrf_token".to_owned(), csrf?));
    Some(fields)
}

/// The election parameters a verifiable ballot page embeds (docs/record-format.md §3).
fn embedded_parameters(html: &str) -> Option<&str> {
    let marker = "<script type=\"application/json\" id=\"election-parameters\">";
    let start = html.find(marker)? + marker.len();
    let len = html[start..].find("</script>")?;
    Some(&html[start..start + len])
}

/// Random allowed bits for each question (docs/record-format.md §2): per group, one of its
/// allowed sums, and that many of its bits set at random positions.
fn random_bits(
    params: &urna_crypto::homomorphic::ElectionParams,
    rng: &mut SplitMix,
) -> Vec<Vec<u8>> {
    params
        .layout()
        .iter()
        .map(|question| {
            let mut bits = vec![0u8; question.bits];
            for group in &question.groups {
                let sums: Vec<usize> = group
                    .allowed
                    .iter()
                    .filter_map(|&s| usize::try_from(s).ok())
                    .filter(|&s| s <= group.len)
                    .collect();
                let sum = sums
                    .get(rng.next() as usize % sums.len().max(1))
                    .copied()
                    .unwrap_or(0);
                let mut positions: Vec<usize> = (group.start..group.start + group.len).collect();
                for i in (1..positions.len()).rev() {
                    positions.swap(i, rng.next() as usize % (i + 1));
                }
                for &position in positions.iter().take(sum) {
                    bits[position] = 1;
                }
            }
            bits
        })
        .collect()
}

/// A small fast generator for ballot choices (no security role).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// A random seed (the clock if the OS source failed: seeds have no security role).
pub fn random_u64() -> u64 {
    // Seeds only; a clock fallback is fine if the OS source failed.
    getrandom::u64().unwrap_or_else(|_| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ballot_page_is_filled_in_completely() {
        let html = r#"<input type="hidden" name="csrf_token" value="tok">
            <input type="radio" name="choice.q1" value="a"><input type="radio" name="choice.q1" value="b">
            <input type="radio" name="abstain.q1" value="1">
            <input type="text" class="rank-input" name="rank.q2.x" value="">
            <input type="text" class="rank-input" name="rank.q2.y" value="">"#;
        let fields = fill_in(html, &mut SplitMix(7)).expect("csrf token present");
        let get = |n: &str| {
            fields
                .iter()
                .filter(|(k, _)| k == n)
                .map(|(_, v)| v.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(get("csrf_token"), ["tok"]);
        assert_eq!(get("choice.q1").len(), 1);
        assert!(get("abstain.q1").is_empty());
        // Two candidates ranked 1 and 2 in some order.
        let mut ranks = [get("rank.q2.x"), get("rank.q2.y")].concat();
        ranks.sort();
        assert_eq!(ranks, ["1", "2"]);
    }

    #[test]
    fn the_receipt_code_is_read_from_its_element() {
        let html = r#"<p class="receipt-code" id="receipt-code" dir="ltr">ABCDE-FGHJK</p>"#;
        assert_eq!(
            element_text(html, "id=\"receipt-code\"").as_deref(),
            Some("ABCDE-FGHJK")
        );
    }

    #[test]
    fn random_ballots_of_a_verifiable_page_keep_to_the_layout() {
        // A page embedding §3 parameters (the key is the ristretto255 base point, RFC 9496
        // §4.2's first multiple; any valid point will do).
        let parameters = r#"{"election_id":"bench","setup":"0000000000000000000000000000000000000000000000000000000000000000","public_key":"e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76","questions":[{"id":"mascot","ballot_type":"choose_one","min":0,"max":1,"options":["owl","box","tree"]},{"id":"logo","ballot_type":"approval","min":2,"max":3,"options":["red","green","blue"]}]}"#;
        let html = format!(
            "<form></form><script type=\"application/json\" id=\"election-parameters\">{parameters}</script>"
        );
        assert_eq!(embedded_parameters(&html), Some(parameters));
        let params: urna_crypto::homomorphic::ElectionParams =
            serde_json::from_str(parameters).expect("valid parameters");
        let mut rng = SplitMix(7);
        let mut seen = std::collections::BTreeSet::new();
        for _ in 0..200 {
            let bits = random_bits(&params, &mut rng);
            // choose_one: at most one of 3 bits (0 = abstain); approval {min 2, max 3}: sum in
            // {0, 2, 3} (record format §2).
            let sums: Vec<u8> = bits.iter().map(|q| q.iter().sum()).collect();
            assert_eq!((bits[0].len(), bits[1].len()), (3, 3));
            assert!(sums[0] <= 1 && [0, 2, 3].contains(&sums[1]), "{bits:?}");
            seen.insert(sums);
        }
        // Every allowed pair of sums turns up in 200 draws.
        assert_eq!(seen.len(), 2 * 3, "{seen:?}");
    }
}
