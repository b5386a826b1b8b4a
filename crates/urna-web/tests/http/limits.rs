//! Server limits over real HTTP: a server bound to a loopback port (`Application`, as `urna
//! serve` runs it) and clients speaking HTTP/1.1 over raw TCP, so that what is measured is
//! what a hostile client meets: oversized bodies are refused with 413, JSON nested beyond
//! serde_json's recursion limit with 400, a client that sends its headers one byte a second
//! is cut off after `header_timeout_seconds` while another is served, and a flood of POSTs
//! from one address is answered with 429 while another address is served.
//!
//! Two client addresses on one machine: Linux routes all of 127.0.0.0/8 to the loopback
//! interface, so a socket bound to 127.0.0.2 reaches the server as a second client.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};
use urna_web::app::{AppState, Application, connect_database};
use urna_web::config::Config;

use crate::staff_support::{Staff, signed_in_staff};

const FIRST_CLIENT: IpAddr = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 1));
const SECOND_CLIENT: IpAddr = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2));

/// A small body limit, so that the oversized requests stay quick to send.
const BODY_LIMIT: usize = 64 * 1024;

/// A running server over a fresh SQLite data directory; stops when dropped.
struct Server {
    addr: SocketAddr,
    state: AppState,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    _data_dir: tempfile::TempDir,
}

impl Server {
    async fn start(change: impl FnOnce(&mut Config)) -> Server {
        let data_dir = tempfile::tempdir().expect("temporary data directory");
        let mut config = Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            data_dir: data_dir.path().to_owned(),
            ..Config::default()
        };
        change(&mut config);
        let db = connect_database(&config).await.expect("database");
        let state = AppState::new(config, db).expect("configuration is valid");
        let app = Application::build_with_state(state.clone())
            .await
            .expect("the server binds");
        let addr = app.local_addr();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(app.run_until(async {
            let _ = stopped.await;
        }));
        Server {
            addr,
            state,
            stop: Some(stop),
            _data_dir: data_dir,
        }
    }

    async fn operator(&self) -> Staff {
        signed_in_staff(&self.state.db, self.state.sessions.as_ref(), "op", true).await
    }

    /// A connection from `client` (one of the loopback addresses).
    async fn connect(&self, client: IpAddr) -> TcpStream {
        let socket = TcpSocket::new_v4().expect("socket");
        socket
            .bind(SocketAddr::new(client, 0))
            .expect("bind the client address");
        socket.connect(self.addr).await.expect("connect")
    }

    /// Sends one request (`head` without the blank line; `Connection: close` is added) with
    /// `body`, and reads the whole answer.
    async fn send(&self, client: IpAddr, head: &str, body: &[u8]) -> Answer {
        let mut stream = self.connect(client).await;
        let mut request = format!("{head}\r\nHost: {}\r\nConnection: close\r\n", self.addr);
        if !body.is_empty() {
            request.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        request.push_str("\r\n");
        stream
            .write_all(request.as_bytes())
            .await
            .expect("send the head");
        // The server may answer (and close) before reading a body it refuses.
        let _ = stream.write_all(body).await;
        read_answer(&mut stream).await
    }

    async fn get(&self, client: IpAddr, path: &str) -> Answer {
        self.send(client, &format!("GET {path} HTTP/1.1"), b"")
            .await
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// An HTTP answer as read off the wire.
#[derive(Debug)]
struct Answer {
    status: u16,
    head: String,
    /// The body as sent (chunked encoding left in: only searched for text).
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|line| {
            let (n, v) = line.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

/// Reads until the server closes the connection (every request asks it to).
async fn read_answer(stream: &mut TcpStream) -> Answer {
    let mut bytes = Vec::new();
    // A reset after a complete answer (the server closing with our unread body in its
    // buffer) still leaves the answer read.
    let _ = tokio::time::timeout(Duration::from_secs(30), stream.read_to_end(&mut bytes)).await;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no HTTP status line in {text:?}"));
    Answer {
        status,
        head: head.to_owned(),
        body: body.to_owned(),
    }
}

/// The session cookie and CSRF token of the sign-in form, as a browser at `client` gets them.
async fn open_sign_in_form(server: &Server, client: IpAddr) -> (String, String) {
    let page = server.get(client, "/vote").await;
    assert_eq!(page.status, 200, "{}", page.body);
    let cookie = page
        .head
        .lines()
        .find_map(|l| l.split_once("urna_session=").map(|(_, rest)| rest))
        .and_then(|rest| rest.split(';').next())
        .expect("the form sets a session cookie")
        .to_owned();
    let marker = "name=\"csrf_token\" value=\"";
    let start = page.body.find(marker).expect("a CSRF field") + marker.len();
    let end = page.body[start..].find('"').expect("closing quote");
    (cookie, page.body[start..start + end].to_owned())
}

/// A voter list of at least `bytes` bytes (the documented CSV: one address per row).
fn voter_list_csv(bytes: usize) -> String {
    let mut csv = String::from("voter\n");
    let mut n = 0;
    while csv.len() < bytes {
        csv.push_str(&format!("voter{n}@example.org\n"));
        n += 1;
    }
    csv
}

/// The election definition of urna-core's documentation example (one IRV question).
fn definition() -> String {
    serde_json::json!({
        "slug": "limits", "languages": ["en"],
        "title": {"default": "en", "texts": {"en": "Limits"}},
        "questions": [{
            "id": "chair", "title": {"default": "en", "texts": {"en": "Chair"}},
            "description": null,
            "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
            "method": "irv", "seats": 1,
            "options": [{"id": "ann", "name": {"default": "en", "texts": {"en": "Ann"}}},
                        {"id": "bob", "name": {"default": "en", "texts": {"en": "Bob"}}}]
        }]
    })
    .to_string()
}

fn api_post(staff: &Staff, path: &str) -> String {
    format!(
        "POST {path} HTTP/1.1\r\nContent-Type: application/json\r\nAccept: application/json\r\n\
         Cookie: urna_session={}\r\nX-CSRF-Token: {}",
        staff.cookie, staff.csrf
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_voter_list_upload_is_refused_with_413_and_a_small_one_is_accepted() {
    let server = Server::start(|c| c.max_body_bytes = BODY_LIMIT).await;
    let op = server.operator().await;
    let created = server
        .send(
            FIRST_CLIENT,
            &api_post(&op, "/api/v1/elections"),
            definition().as_bytes(),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);

    // 100 kB of voters against a 64 KiB limit: refused from its Content-Length, before the
    // body is read.
    let big = serde_json::json!({ "csv": voter_list_csv(100_000) }).to_string();
    assert!(big.len() > BODY_LIMIT);
    let refused = server
        .send(
            FIRST_CLIENT,
            &api_post(&op, "/api/v1/elections/limits/voters"),
            big.as_bytes(),
        )
        .await;
    assert_eq!(refused.status, 413, "{}", refused.body);
    assert_eq!(
        refused.header("content-type"),
        Some("application/problem+json")
    );
    assert!(refused.body.contains("Too much data"), "{}", refused.body);
    assert!(
        refused.body.contains("larger than this server accepts"),
        "{}",
        refused.body
    );

    // The server goes on serving: a list under the limit is read.
    let small = serde_json::json!({ "csv": voter_list_csv(1_000) }).to_string();
    let accepted = server
        .send(
            FIRST_CLIENT,
            &api_post(&op, "/api/v1/elections/limits/voters"),
            small.as_bytes(),
        )
        .await;
    assert!(
        accepted.status == 200 || accepted.status == 201,
        "{} {}",
        accepted.status,
        accepted.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_form_sent_without_a_length_is_refused_with_413_while_reading() {
    let server = Server::start(|c| c.max_body_bytes = BODY_LIMIT).await;
    let (cookie, csrf) = open_sign_in_form(&server, FIRST_CLIENT).await;
    let mut stream = server.connect(FIRST_CLIENT).await;
    // Chunked: the size is unknown until the body has been read past the limit.
    let head = format!(
        "POST /vote HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nCookie: urna_session={cookie}\r\n\
         Transfer-Encoding: chunked\r\n\r\n",
        server.addr
    );
    stream.write_all(head.as_bytes()).await.expect("head");
    let mut body = format!("csrf_token={csrf}&token=");
    body.push_str(&"a".repeat(2 * BODY_LIMIT));
    let (mut reader, mut writer) = stream.into_split();
    let sender = tokio::spawn(async move {
        for chunk in body.as_bytes().chunks(8 * 1024) {
            let framed = [format!("{:x}\r\n", chunk.len()).as_bytes(), chunk, b"\r\n"].concat();
            if writer.write_all(&framed).await.is_err() {
                return; // Refused and closed: nothing more to send.
            }
        }
        let _ = writer.write_all(b"0\r\n\r\n").await;
    });
    let mut bytes = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(30), reader.read_to_end(&mut bytes)).await;
    let _ = sender.await;
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.starts_with("HTTP/1.1 413"), "{text}");
    // The translated error page, in HTML for a browser.
    assert!(text.contains("Too much data"), "{text}");
    assert!(text.contains("larger than this server accepts"), "{text}");
    assert_eq!(server.get(FIRST_CLIENT, "/").await.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_nested_a_hundred_thousand_deep_is_refused_with_400() {
    let server = Server::start(|_| {}).await;
    let op = server.operator().await;
    // 100,000 nested arrays: 200 kB, under the default 4 MiB body limit. A recursive reader
    // without a depth limit would overflow its stack long before the end.
    let depth = 100_000;
    let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let refused = server
        .send(
            FIRST_CLIENT,
            &api_post(&op, "/api/v1/elections"),
            deep.as_bytes(),
        )
        .await;
    assert_eq!(refused.status, 400, "{}", refused.body);
    assert!(
        refused.body.contains("recursion limit exceeded"),
        "{}",
        refused.body
    );
    // serde_json's depth budget is 128 and an opening bracket that spends the last of it is
    // refused: the 128th `[`, at column 128 of line 1.
    assert!(
        refused.body.contains("line 1, column 128"),
        "{}",
        refused.body
    );
    // Same for an object nested in objects, through the voter-list endpoint of an election
    // that exists (the API checks the role on the election before it reads a body).
    let created = server
        .send(
            FIRST_CLIENT,
            &api_post(&op, "/api/v1/elections"),
            definition().as_bytes(),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let objects = format!("{}{}", "{\"a\":".repeat(depth), "}".repeat(depth));
    let refused = server
        .send(
            FIRST_CLIENT,
            &api_post(&op, "/api/v1/elections/limits/voters"),
            objects.as_bytes(),
        )
        .await;
    assert_eq!(refused.status, 400, "{}", refused.body);
    assert_eq!(server.get(FIRST_CLIENT, "/").await.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_sending_headers_one_byte_a_second_is_cut_off_while_another_is_served() {
    let header_timeout = 2;
    let server = Server::start(|c| c.header_timeout_seconds = header_timeout).await;
    let slow = server.connect(FIRST_CLIENT).await;
    let started = Instant::now();
    // 60 bytes of headers at one byte a second would take a minute.
    let head = format!(
        "GET / HTTP/1.1\r\nHost: {}\r\nX-Slow: {}\r\n\r\n",
        server.addr,
        "s".repeat(20)
    );
    let (mut reader, mut writer) = slow.into_split();
    let dribble = tokio::spawn(async move {
        let mut sent = 0;
        for byte in head.as_bytes() {
            if writer.write_all(&[*byte]).await.is_err() {
                break;
            }
            sent += 1;
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
        sent
    });

    // While the slow client dribbles, another client is answered at once.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let asked = Instant::now();
    let other = server.get(SECOND_CLIENT, "/").await;
    assert_eq!(other.status, 200);
    assert!(
        asked.elapsed() < Duration::from_secs(header_timeout),
        "the other client waited {:?}",
        asked.elapsed()
    );

    // The slow connection is closed by the server (hyper answers 408 first) after the
    // header timeout, long before its headers are complete.
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(20), reader.read_to_end(&mut answer))
        .await
        .expect("the server closes the slow connection");
    let cut_off_after = started.elapsed();
    let _ = read; // a reset also ends the connection
    let text = String::from_utf8_lossy(&answer);
    assert!(
        text.is_empty() || text.starts_with("HTTP/1.1 408"),
        "{text}"
    );
    assert!(
        cut_off_after >= Duration::from_secs(header_timeout)
            && cut_off_after < Duration::from_secs(header_timeout + 3),
        "cut off after {cut_off_after:?}"
    );
    let sent = dribble.await.expect("the dribbling task");
    assert!(
        sent < 60,
        "the slow client sent {sent} bytes: all its headers"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_sign_in_attempts_from_one_address_gets_429_while_another_is_served() {
    let burst = 5;
    let server = Server::start(|c| {
        c.rate_limit.burst = burst;
        c.rate_limit.replenish_seconds = 60;
    })
    .await;
    let attempt = |client: IpAddr, cookie: String, csrf: String| {
        let server = &server;
        async move {
            let head = format!(
                "POST /vote HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n\
                 Cookie: urna_session={cookie}"
            );
            server
                .send(
                    client,
                    &head,
                    format!("csrf_token={csrf}&token=not-a-link").as_bytes(),
                )
                .await
        }
    };
    let (cookie, csrf) = open_sign_in_form(&server, FIRST_CLIENT).await;
    // The burst is answered (a wrong link: 422), then the flood is cut off.
    for n in 1..=burst {
        let answer = attempt(FIRST_CLIENT, cookie.clone(), csrf.clone()).await;
        assert_eq!(answer.status, 422, "attempt {n}: {}", answer.body);
    }
    let mut limited = 0;
    for _ in 0..20 {
        let answer = attempt(FIRST_CLIENT, cookie.clone(), csrf.clone()).await;
        assert_eq!(answer.status, 429, "{}", answer.body);
        assert!(answer.body.contains("Too many attempts"), "{}", answer.body);
        // One token every 60 s: the wait announced is at most that.
        let wait: u64 = answer
            .header("retry-after")
            .and_then(|v| v.parse().ok())
            .expect("Retry-After in seconds");
        assert!((1..=60).contains(&wait), "{wait}");
        limited += 1;
    }
    assert_eq!(limited, 20);

    // Another address is served normally, its own burst intact.
    let (cookie, csrf) = open_sign_in_form(&server, SECOND_CLIENT).await;
    let answer = attempt(SECOND_CLIENT, cookie, csrf).await;
    assert_eq!(answer.status, 422, "{}", answer.body);
    // And the flooding address can still read pages.
    assert_eq!(server.get(FIRST_CLIENT, "/").await.status, 200);
}
