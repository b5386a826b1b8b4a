//! `urna bench vote`: a load generator for the voting path, over real HTTP.
//!
//! Each simulated voter does what a browser does: `GET /vote` (session cookie and CSRF
//! token), `POST /vote` with its voting-link token, `GET` the ballot page, `POST` the review
//! form, `POST` the cast form, and reads the receipt code off the receipt page. Voters revote
//! until the requested number of ballots has been cast, or the time is up. The report gives
//! ballots per second, the latency of the cast request and of the whole vote, and errors by
//! kind.
//!
//! `--window SECONDS [--burst N]` measures arrivals instead (issue 8's opening burst): the
//! `--voters` arrive over the window from the opening and each votes once (retrying up to
//! three times after an error, as a voter shown an error page would), `N` of them evenly
//! within the first second and the rest evenly over the remainder, whatever the server's
//! pace. The report gives throughput, p50/p99 per request kind and errors for all voters and
//! for the burst's voters alone. `urna bench vote --self-hosted --voters 10000 --window 600
//! --burst 500` is the run; a shorter window scales the arrival rate up.
//!
//! `--self-hosted` starts the server in-process on a loopback port (SQLite in a temporary
//! directory, or `--database`), creates an open election with a single in-process trustee
//! key through the service layer, and switches the per-address rate limits off for that
//! server only: hundreds of voters on 127.0.0.1 would otherwise be throttled as one client.
//! `--url` benchmarks a running server with the links of a voter-list CSV (`--links`), and
//! its rate limits stay as configured.
//!
//! In a verifiable election (docs/record-format.md §4) the ballot page embeds the election
//! parameters; a simulated voter then does what the page's script does instead of the review
//! and cast forms: it encrypts random allowed answers natively (`encrypt_ballot`, fresh
//! credential) and posts the ballot JSON to `…/ballot/cast-encrypted`, reading the tracker off
//! the receipt. `--self-hosted --verifiable` benchmarks such an election.
//!
//! The crash test (`tests/crash.rs`) includes this file and drives [`run_load`] directly.
//! Requests only ever go to the URL given, which must be on the loopback range.

use std::collections::{BTreeMap, HashMap};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use urna_web::synthetic_voter::{Voted, Voter, http_client, random_u64};

#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    #[command(subcommand)]
    command: BenchCommand,
}

#[derive(Debug, clap::Subcommand)]
enum BenchCommand {
    /// Concurrent voters sign in, fill in, review and cast ballots over HTTP.
    Vote(VoteArgs),
    /// The end-to-end count of a large Meek STV election, trustee decryption included.
    Count(crate::bench_count::CountArgs),
    /// The independent verifier on a large approval record (made once, then reused).
    Verify(crate::bench_verify::VerifyBenchArgs),
    // --- shuffle ---
    /// One mixer's verifiable shuffle of ranked ballots, and its verification.
    Shuffle(crate::bench_shuffle::ShuffleBenchArgs),
    // --- end shuffle ---
    // --- faults ---
    /// The server under voting load killed with SIGKILL again and again, then counted.
    Crash(crate::bench_crash::CrashArgs),
    // --- end faults ---
    // --- notify: urna bench mail ---
    /// Notices to voters through a real SMTP server, by senders sharing one outbox.
    Mail(crate::bench_mail::MailBenchArgs),
    // --- end notify ---
}

#[derive(Debug, clap::Args)]
struct VoteArgs {
    /// A running server on the loopback range, such as http://127.0.0.1:8080.
    #[arg(
        long,
        value_name = "URL",
        required_unless_present = "self_hosted",
        requires = "links"
    )]
    url: Option<String>,
    /// The voting links of an open election: the voter,email,link CSV the admin exports.
    #[arg(long, value_name = "FILE")]
    links: Option<PathBuf>,
    /// Start the server in-process with a fresh open election and benchmark it.
    #[arg(long, conflicts_with = "url")]
    self_hosted: bool,
    /// With --self-hosted: a verifiable election (a choose-one and an approval question;
    /// ballots encrypted and proved by the simulated browsers) instead of the sealed one.
    #[arg(long, requires = "self_hosted")]
    verifiable: bool,
    /// With --self-hosted: a PostgreSQL URL instead of SQLite in a temporary directory.
    #[arg(long, value_name = "URL", requires = "self_hosted")]
    database: Option<String>,
    /// Concurrent voters.
    #[arg(long, default_value_t = 200)]
    voters: usize,
    /// Ballots to cast in all (voters revote until this many were cast).
    #[arg(long, default_value_t = 5000)]
    ballots: usize,
    /// Stop after this many seconds even if fewer ballots were cast.
    #[arg(long, default_value_t = 60)]
    max_seconds: u64,
    /// Arrivals instead of a closed loop: the --voters arrive over this many seconds from
    /// the opening and each votes once (--ballots and --max-seconds are then unused).
    #[arg(long, value_name = "SECONDS")]
    window: Option<u64>,
    /// With --window: this many of the voters arrive within the first second (the opening
    /// burst); the rest arrive evenly spread over the remainder of the window.
    #[arg(long, value_name = "VOTERS", default_value_t = 0, requires = "window")]
    burst: usize,
}

pub fn run(args: BenchArgs) -> anyhow::Result<String> {
    let args = match args.command {
        BenchCommand::Vote(args) => args,
        BenchCommand::Count(args) => return crate::bench_count::run(args),
        BenchCommand::Verify(args) => return crate::bench_verify::run(args),
        // --- shuffle ---
        BenchCommand::Shuffle(args) => return crate::bench_shuffle::run(args),
        // --- end shuffle ---
        // --- faults ---
        BenchCommand::Crash(args) => return crate::bench_crash::run(args),
        // --- end faults ---
        // --- notify ---
        BenchCommand::Mail(args) => return crate::bench_mail::run(args),
        // --- end notify ---
    };
    if std::env::var_os("RUST_LOG").is_some() {
        urna_web::telemetry::init();
    }
    if args.voters == 0 || args.ballots == 0 || args.max_seconds == 0 {
        bail!("--voters, --ballots and --max-seconds must be at least 1");
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .thread_name("bench-client")
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async {
        let (base_url, tokens, _server) = if args.self_hosted {
            let server =
                SelfHosted::start(args.database.as_deref(), args.voters, args.verifiable).await?;
            (server.base_url.clone(), server.tokens.clone(), Some(server))
        } else {
            let url = args.url.clone().unwrap_or_default();
            check_loopback(&url)?;
            let path = args.links.clone().unwrap_or_default();
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read the links file {}", path.display()))?;
            (url, tokens_from_links_csv(&text)?, None)
        };
        if tokens.len() < args.voters {
            bail!(
                "{} voting links for {} voters: give more links or fewer --voters",
                tokens.len(),
                args.voters
            );
        }
        let tokens: Vec<String> = tokens.into_iter().take(args.voters).collect();
        if let Some(window) = args.window {
            let arrivals = Arrivals::new(base_url, tokens, window, args.burst)?;
            let report = run_arrivals(&arrivals, std::io::stderr().is_terminal()).await?;
            return Ok(report.render());
        }
        let load = Load {
            base_url,
            tokens,
            ballots: args.ballots,
            max_time: Duration::from_secs(args.max_seconds),
            progress: std::io::stderr().is_terminal(),
        };
        let report = run_load(&load).await?;
        Ok(report.render())
    })
}

/// Refuses any target outside the loopback range: this tool is for this machine only.
fn check_loopback(url: &str) -> anyhow::Result<()> {
    let rest = url
        .strip_prefix("http://")
        .with_context(|| format!("--url {url}: only http:// URLs on this machine are accepted"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = match host.rsplit_once(':') {
        Some((h, port)) if port.chars().all(|c| c.is_ascii_digit()) => h,
        _ => host,
    };
    let loopback = host == "localhost"
        || host
            .trim_matches(['[', ']'])
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    if !loopback {
        bail!("--url {url}: the host {host} is not a loopback address");
    }
    Ok(())
}

/// The tokens of a `voter,email,link` CSV (links end in `#TOKEN`).
fn tokens_from_links_csv(text: &str) -> anyhow::Result<Vec<String>> {
    let mut tokens = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let link = line.rsplit(',').next().unwrap_or_default();
        match link.rsplit_once('#') {
            Some((_, token)) if !token.is_empty() => tokens.push(token.trim().to_owned()),
            _ => bail!("links file line {}: no voting link ending in #TOKEN", n + 1),
        }
    }
    Ok(tokens)
}

/// An in-process server with an open election, stopped when dropped: a
/// [`ScratchServer`](urna_web::scratch_server::ScratchServer), on its own runtime and threads
/// (`urna-scratch`), apart from the load generator's, so that a profile tells the server's
/// work from the simulated browsers'.
pub struct SelfHosted {
    pub base_url: String,
    pub tokens: Vec<String>,
    _server: urna_web::scratch_server::ScratchServer,
}

/// Server worker threads: the machine's cores, as `urna serve` would use.
fn server_threads() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

impl SelfHosted {
    async fn start(
        database: Option<&str>,
        voters: usize,
        verifiable: bool,
    ) -> anyhow::Result<SelfHosted> {
        let database = database
            .map(urna_web::config::DatabaseUrl::parse)
            .transpose()
            .map_err(|e| anyhow::anyhow!("--database: {e}"))?;
        let server =
            urna_web::scratch_server::ScratchServer::start(None, database, server_threads())
                .await?;
        let slug = format!("bench-{:08x}", random_u64() as u32);
        let tokens = if verifiable {
            create_open_verifiable_election(&server.db, &slug, voters).await?
        } else {
            create_open_election(&server.db, &slug, voters).await?
        };
        Ok(SelfHosted {
            base_url: server.base_url.clone(),
            tokens,
            _server: server,
        })
    }
}

/// Creates and opens election `slug` (an approval question and a ranked Meek STV question)
/// with `voters` voters and a 1-of-1 trustee key made in-process and then dropped: nobody
/// can decrypt the benchmark's ballots, and nobody needs to. Returns the voting-link tokens.
/// Its window runs from now for 24 hours.
pub async fn create_open_election(
    db: &urna_store::Db,
    slug: &str,
    voters: usize,
) -> anyhow::Result<Vec<String>> {
    Ok(open_benchmark_election(db, slug, voters, false)
        .await?
        .tokens)
}

// --- faults: `urna bench crash` decrypts and counts the benchmark election afterwards ---
/// [`create_open_election`], keeping the 1-of-1 trustee's secret so the ballots can be
/// decrypted and counted afterwards.
pub async fn create_open_election_with_key(
    db: &urna_store::Db,
    slug: &str,
    voters: usize,
) -> anyhow::Result<ReadyElection> {
    open_benchmark_election(db, slug, voters, false).await
}
// --- end faults ---

/// [`create_open_election`] for a verifiable election: a choose-one question (Owl, Box,
/// Tree; plurality) and an approval question (Red, Green, Blue; up to 3).
pub async fn create_open_verifiable_election(
    db: &urna_store::Db,
    slug: &str,
    voters: usize,
) -> anyhow::Result<Vec<String>> {
    Ok(open_benchmark_election(db, slug, voters, true)
        .await?
        .tokens)
}

async fn open_benchmark_election(
    db: &urna_store::Db,
    slug: &str,
    voters: usize,
    verifiable: bool,
) -> anyhow::Result<ReadyElection> {
    let now = jiff::Timestamp::now();
    let closes = now
        .checked_add(jiff::SignedDuration::from_hours(24))
        .context("the end of the benchmark election is out of range")?;
    let ready = ready_benchmark_election(db, slug, voters, verifiable, (now, closes), now).await?;
    urna_web::service::lifecycle::open(db, slug, urna_web::service::Actor::System, now).await?;
    Ok(ready)
}

/// A benchmark election marked ready, and what only its makers know.
pub struct ReadyElection {
    /// One voting-link token per voter.
    pub tokens: Vec<String>,
    /// The 1-of-1 trustee's secret: it can make the decryption shares that count it.
    pub trustee: urna_crypto::TrusteeSecret,
}

/// The sealed benchmark election of [`create_open_election`] with the voting window
/// `opens`–`closes` (UTC), left ready for the scheduler to open and close.
#[allow(dead_code)] // Used by tests/several_servers.rs.
pub async fn create_scheduled_election(
    db: &urna_store::Db,
    slug: &str,
    voters: usize,
    opens: jiff::Timestamp,
    closes: jiff::Timestamp,
) -> anyhow::Result<ReadyElection> {
    let now = jiff::Timestamp::now();
    ready_benchmark_election(db, slug, voters, false, (opens, closes), now).await
}

async fn ready_benchmark_election(
    db: &urna_store::Db,
    slug: &str,
    voters: usize,
    verifiable: bool,
    (opens, closes): (jiff::Timestamp, jiff::Timestamp),
    // Every step is dated `now`: a window opening at `now` is not yet in the past when a
    // large voter list has taken a while to upload.
    now: jiff::Timestamp,
) -> anyhow::Result<ReadyElection> {
    use urna_web::service::{Actor, elections, lifecycle, rehearsal, voters as voter_list};
    let name = |n: &str| serde_json::json!({"default": "en", "texts": {"en": n}});
    let candidates = |names: &[&str]| -> Vec<serde_json::Value> {
        names
            .iter()
            .map(|n| serde_json::json!({"id": n.to_lowercase(), "name": name(n)}))
            .collect()
    };
    let questions = if verifiable {
        serde_json::json!([
            {"id": "mascot", "title": name("Mascot"), "description": null,
             "ballot_type": {"type": "choose_one"}, "method": "plurality",
             "seats": 1, "options": candidates(&["Owl", "Box", "Tree"])},
            {"id": "logo", "title": name("Logo"), "description": null,
             "ballot_type": {"type": "approval", "min": 0, "max": 3}, "method": "approval",
             "seats": 1, "options": candidates(&["Red", "Green", "Blue"])}
        ])
    } else {
        serde_json::json!([
            {"id": "logo", "title": name("Logo"), "description": null,
             "ballot_type": {"type": "approval", "min": 0, "max": 3}, "method": "approval",
             "seats": 1, "options": candidates(&["Owl", "Box", "Tree"])},
            {"id": "board", "title": name("Board"), "description": null,
             "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
             "method": "meek", "seats": 2, "options": candidates(&["Ann", "Bob", "Cleo", "Dev", "Eve"])}
        ])
    };
    let spec = serde_json::from_value(serde_json::json!({
        "id": urna_core::election::ElectionId::generate()?,
        "slug": slug, "languages": ["en"], "title": name("Benchmark election"),
        "window": {"opens": opens, "closes": closes, "zone": "UTC"},
        "questions": questions
    }))
    .context("the benchmark election's specification")?;
    elections::create_election(db, spec, None, Actor::System, now).await?;
    let secret = rehearsal::throwaway_key_ceremony(
        db,
        slug,
        (1, 1),
        "Benchmark trustee",
        Actor::System,
        now,
    )
    .await?
    .pop()
    .context("the benchmark's key ceremony made no trustee")?;
    let mut csv = String::from("voter\n");
    for n in 0..voters {
        csv.push_str(&format!("bench-voter-{n}\n"));
    }
    let upload = voter_list::upload_voters(db, slug, &csv, Actor::System, now).await?;
    lifecycle::mark_ready(db, slug, Actor::System, now).await?;
    Ok(ReadyElection {
        tokens: upload
            .issued
            .iter()
            .map(|link| link.token.reveal().to_owned())
            .collect(),
        trustee: secret,
    })
}

/// One load run.
pub struct Load {
    /// `http://127.0.0.1:PORT`, no trailing slash.
    pub base_url: String,
    /// One voting-link token per concurrent voter.
    pub tokens: Vec<String>,
    /// Ballots to cast in all.
    pub ballots: usize,
    /// After this, each voter stops once its vote in progress is acknowledged (or after a
    /// further [`GRACE`] at most), so that a voter's last attempt is, if at all possible, one
    /// whose outcome it knows.
    pub max_time: Duration,
    /// Draw a progress bar on stderr.
    pub progress: bool,
}

/// The requests of a vote, in the order a voter sends them (the last two are the sealed
/// ballot's; a verifiable ballot is posted to `cast-encrypted` instead).
const REQUEST_KINDS: [&str; 6] = [
    "GET /vote",
    "POST /vote",
    "GET ballot",
    "POST review",
    "POST cast",
    "POST cast-encrypted",
];

/// How long voters may go on after `max_time` to finish a vote whose outcome is unknown.
pub const GRACE: Duration = Duration::from_secs(10);

/// What one voter saw.
#[derive(Debug, Default, Clone)]
pub struct VoterLog {
    /// Receipt codes acknowledged to this voter, in order.
    pub receipts: Vec<String>,
    /// Whether the voter's last cast request ended without an answer or with an error after
    /// its last acknowledged receipt (its outcome is unknown).
    pub unknown_after_last_receipt: bool,
}

/// The outcome of a load run.
#[derive(Debug, Default)]
pub struct Report {
    pub elapsed: Duration,
    /// Latency of each acknowledged cast request.
    pub cast_latencies: Vec<Duration>,
    /// Latency of each whole vote (sign-in to receipt).
    pub vote_latencies: Vec<Duration>,
    /// Latency of every answered request of the acknowledged votes (all five kinds).
    pub request_latencies: Vec<Duration>,
    /// The same latencies by request kind ("GET /vote", "POST cast", …).
    pub kind_latencies: BTreeMap<&'static str, Vec<Duration>>,
    pub errors: BTreeMap<String, u64>,
    /// Per voter (same order as the tokens).
    pub voters: Vec<VoterLog>,
}

impl Report {
    pub fn ballots(&self) -> usize {
        self.cast_latencies.len()
    }

    /// Adds one acknowledged vote's latencies.
    fn record(&mut self, done: &Voted) {
        self.cast_latencies.push(done.cast);
        self.vote_latencies.push(done.whole);
        for &(kind, latency) in &done.requests {
            self.request_latencies.push(latency);
            self.kind_latencies.entry(kind).or_default().push(latency);
        }
    }

    /// One `p50 … p99 … max` line per request kind, in the order a voter sends them.
    fn render_kinds(&self) -> String {
        let mut out = String::new();
        for kind in REQUEST_KINDS {
            let Some(latencies) = self.kind_latencies.get(kind) else {
                continue;
            };
            let mut sorted = latencies.clone();
            sorted.sort();
            out.push_str(&format!(
                "  {kind:<20} n {:>6}  p50 {:>9}  p99 {:>9}  max {:>9}\n",
                sorted.len(),
                ms(percentile(&sorted, 50.0)),
                ms(percentile(&sorted, 99.0)),
                ms(sorted.last().copied()),
            ));
        }
        out
    }

    pub fn render(&self) -> String {
        let mut cast = self.cast_latencies.clone();
        let mut vote = self.vote_latencies.clone();
        let mut every = self.request_latencies.clone();
        cast.sort();
        vote.sort();
        every.sort();
        let secs = self.elapsed.as_secs_f64();
        let mut out = format!(
            "ballots cast: {} in {:.2} s: {:.0} ballots/s\n",
            self.ballots(),
            secs,
            self.ballots() as f64 / secs.max(1e-9)
        );
        for (what, sorted) in [
            ("any request", &every),
            ("cast request", &cast),
            ("whole vote (5 requests)", &vote),
        ] {
            out.push_str(&format!(
                "{what} latency: p50 {} p95 {} p99 {} max {}\n",
                ms(percentile(sorted, 50.0)),
                ms(percentile(sorted, 95.0)),
                ms(percentile(sorted, 99.0)),
                ms(sorted.last().copied()),
            ));
        }
        out.push_str("latency by request kind:\n");
        out.push_str(&self.render_kinds());
        if self.errors.is_empty() {
            out.push_str("errors: none\n");
        } else {
            out.push_str("errors:\n");
            for (kind, n) in &self.errors {
                out.push_str(&format!("  {n} × {kind}\n"));
            }
        }
        out
    }
}

fn ms(d: Option<Duration>) -> String {
    d.map_or_else(
        || "-".to_owned(),
        |d| format!("{:.1} ms", d.as_secs_f64() * 1000.0),
    )
}

/// The nearest-rank percentile of sorted values.
pub fn percentile(sorted: &[Duration], p: f64) -> Option<Duration> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted.get(rank.clamp(1, sorted.len()) - 1).copied()
}

/// Runs the voters until `ballots` were cast or the time is up.
pub async fn run_load(load: &Load) -> anyhow::Result<Report> {
    let client = http_client(load.tokens.len()).context("cannot build the HTTP client")?;
    let started = Instant::now();
    let claimed = Arc::new(AtomicUsize::new(0));
    let shared = Arc::new(Mutex::new(Report::default()));
    let bar = load.progress.then(|| {
        let bar = indicatif::ProgressBar::new(load.ballots as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} ballots {per_sec} {elapsed}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let mut tasks = tokio::task::JoinSet::new();
    for (index, token) in load.tokens.iter().enumerate() {
        let voter = Voter::new(
            client.clone(),
            load.base_url.clone(),
            token.clone(),
            random_u64() ^ index as u64,
        );
        let claimed = claimed.clone();
        let shared = shared.clone();
        let bar = bar.clone();
        let (ballots, soft, hard) = (
            load.ballots,
            started + load.max_time,
            started + load.max_time + GRACE,
        );
        tasks.spawn(async move {
            let mut voter = voter;
            let mut log = VoterLog::default();
            loop {
                let now = Instant::now();
                let settled = !log.unknown_after_last_receipt;
                if now >= hard || (settled && now >= soft) {
                    break;
                }
                // A voter whose last cast is unknown retries even past the count.
                if settled && claimed.fetch_add(1, Ordering::SeqCst) >= ballots {
                    break;
                }
                match voter.vote().await {
                    Ok(done) => {
                        log.receipts.push(done.receipt.clone());
                        log.unknown_after_last_receipt = false;
                        let mut report = shared.lock().unwrap_or_else(|e| e.into_inner());
                        report.record(&done);
                        if let Some(bar) = &bar {
                            bar.inc(1);
                        }
                    }
                    Err(failure) => {
                        if settled {
                            claimed.fetch_sub(1, Ordering::SeqCst);
                        }
                        if failure.cast_attempted {
                            log.unknown_after_last_receipt = true;
                        }
                        {
                            let mut report = shared.lock().unwrap_or_else(|e| e.into_inner());
                            *report.errors.entry(failure.kind).or_default() += 1;
                        }
                        // The server may be restarting: do not spin.
                        voter.forget_session();
                        tokio::time::sleep(Duration::from_millis(20)).await;
                    }
                }
            }
            (index, log)
        });
    }
    let mut logs: HashMap<usize, VoterLog> = HashMap::new();
    while let Some(joined) = tasks.join_next().await {
        let (index, log) = joined.context("a voter task failed")?;
        logs.insert(index, log);
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let mut report = std::mem::take(&mut *shared.lock().unwrap_or_else(|e| e.into_inner()));
    report.elapsed = started.elapsed();
    report.voters = (0..load.tokens.len())
        .map(|i| logs.remove(&i).unwrap_or_default())
        .collect();
    Ok(report)
}

/// An open-loop arrival schedule (`--window`, `--burst`): voter `i` arrives at
/// [`Arrivals::arrival`] after the opening and votes once, whatever the server's pace, as
/// voters who follow an e-mailed link do.
pub struct Arrivals {
    base_url: String,
    tokens: Vec<String>,
    window: Duration,
    /// The first `burst` voters arrive within the first second.
    burst: usize,
}

/// How often an arriving voter tries before giving up (a voter shown an error page retries).
const ARRIVAL_ATTEMPTS: usize = 3;

impl Arrivals {
    pub fn new(
        base_url: String,
        tokens: Vec<String>,
        window_seconds: u64,
        burst: usize,
    ) -> anyhow::Result<Arrivals> {
        if window_seconds < 2 {
            bail!("--window {window_seconds}: at least 2 seconds (the burst takes the first)");
        }
        if burst > tokens.len() {
            bail!("--burst {burst} is more than the {} voters", tokens.len());
        }
        Ok(Arrivals {
            base_url,
            tokens,
            window: Duration::from_secs(window_seconds),
            burst,
        })
    }

    /// When voter `index` arrives, counted from the opening: the burst evenly over the first
    /// second, the others evenly over the rest of the window (the last one just before its end).
    fn arrival(&self, index: usize) -> Duration {
        const SECOND: Duration = Duration::from_secs(1);
        if index < self.burst {
            return SECOND.mul_f64(index as f64 / self.burst as f64);
        }
        let rest = self.tokens.len() - self.burst;
        SECOND + (self.window - SECOND).mul_f64((index - self.burst) as f64 / rest as f64)
    }
}

/// The outcome of an arrivals run: every voter, and the burst's voters on their own.
#[derive(Debug, Default)]
pub struct ArrivalReport {
    pub all: Report,
    pub burst: Report,
    pub burst_voters: usize,
    pub window: Duration,
    /// From the opening to the last burst voter's receipt.
    pub burst_done: Duration,
}

impl ArrivalReport {
    pub fn render(&self) -> String {
        let mut out = format!(
            "{} voters arriving over {} s, {} of them in the first second\n\n== all voters\n",
            self.all.voters.len(),
            self.window.as_secs(),
            self.burst_voters,
        );
        out.push_str(&self.all.render());
        if self.burst_voters > 0 {
            out.push_str(&format!(
                "\n== the opening burst ({} voters): last receipt {:.2} s after the opening: \
                 {:.0} ballots/s\n",
                self.burst_voters,
                self.burst_done.as_secs_f64(),
                self.burst.ballots() as f64 / self.burst_done.as_secs_f64().max(1e-9),
            ));
            out.push_str(&self.burst.render());
        }
        out
    }
}

/// Runs an arrival schedule: each voter waits for its arrival, then votes (up to
/// [`ARRIVAL_ATTEMPTS`] times if it fails).
pub async fn run_arrivals(arrivals: &Arrivals, progress: bool) -> anyhow::Result<ArrivalReport> {
    let voters = arrivals.tokens.len();
    let client = http_client(voters.min(2000)).context("cannot build the HTTP client")?;
    let bar = progress.then(|| {
        let bar = indicatif::ProgressBar::new(voters as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} voters done {per_sec} {elapsed}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let opening = tokio::time::Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for (index, token) in arrivals.tokens.iter().enumerate() {
        let mut voter = Voter::new(
            client.clone(),
            arrivals.base_url.clone(),
            token.clone(),
            random_u64() ^ index as u64,
        );
        let arrives = opening + arrivals.arrival(index);
        let bar = bar.clone();
        tasks.spawn(async move {
            tokio::time::sleep_until(arrives).await;
            let mut log = VoterLog::default();
            let mut errors = Vec::new();
            let mut voted = None;
            for _ in 0..ARRIVAL_ATTEMPTS {
                match voter.vote().await {
                    Ok(done) => {
                        log.receipts.push(done.receipt.clone());
                        log.unknown_after_last_receipt = false;
                        voted = Some((done, opening.elapsed()));
                        break;
                    }
                    Err(failure) => {
                        log.unknown_after_last_receipt |= failure.cast_attempted;
                        errors.push(failure.kind);
                        voter.forget_session();
                        tokio::time::sleep(Duration::from_secs(1)).await;
                    }
                }
            }
            if let Some(bar) = &bar {
                bar.inc(1);
            }
            (index, log, voted, errors)
        });
    }
    let mut report = ArrivalReport {
        burst_voters: arrivals.burst,
        window: arrivals.window,
        ..ArrivalReport::default()
    };
    let mut logs: HashMap<usize, VoterLog> = HashMap::new();
    while let Some(joined) = tasks.join_next().await {
        let (index, log, voted, errors) = joined.context("a voter task failed")?;
        let in_burst = index < arrivals.burst;
        for kind in errors {
            if in_burst {
                *report.burst.errors.entry(kind.clone()).or_default() += 1;
            }
            *report.all.errors.entry(kind).or_default() += 1;
        }
        if let Some((done, at)) = voted {
            report.all.record(&done);
            if in_burst {
                report.burst.record(&done);
                report.burst_done = report.burst_done.max(at);
            }
        }
        logs.insert(index, log);
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    report.all.elapsed = opening.elapsed();
    report.burst.elapsed = report.burst_done;
    report.all.voters = (0..voters)
        .map(|i| logs.remove(&i).unwrap_or_default())
        .collect();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_the_nearest_rank() {
        // 1..=100 ms: p50 is the 50th value, p99 the 99th, p100 the last.
        let values: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&values, 50.0), Some(Duration::from_millis(50)));
        assert_eq!(percentile(&values, 99.0), Some(Duration::from_millis(99)));
        assert_eq!(percentile(&values, 100.0), Some(Duration::from_millis(100)));
        assert_eq!(percentile(&[], 50.0), None);
    }

    #[test]
    fn the_burst_arrives_in_the_first_second_and_the_rest_over_the_window() {
        let tokens = (0..10).map(|n| n.to_string()).collect();
        let arrivals = Arrivals::new(String::new(), tokens, 10, 4).expect("valid");
        // 4 burst voters at 0, 1/4, 2/4, 3/4 s; the other 6 from 1 s over the remaining
        // 9 s in steps of 9/6 = 1.5 s: 1, 2.5, 4, 5.5, 7, 8.5 s.
        let at: Vec<u128> = (0..10).map(|i| arrivals.arrival(i).as_millis()).collect();
        assert_eq!(at, [0, 250, 500, 750, 1000, 2500, 4000, 5500, 7000, 8500]);
        assert!(Arrivals::new(String::new(), vec!["a".into()], 10, 2).is_err());
        assert!(Arrivals::new(String::new(), vec!["a".into()], 1, 0).is_err());
    }

    #[test]
    fn only_loopback_targets_are_accepted() {
        assert!(check_loopback("http://127.0.0.1:8080").is_ok());
        assert!(check_loopback("http://localhost:8080/").is_ok());
        assert!(check_loopback("http://[::1]:8080").is_ok());
        assert!(check_loopback("http://10.0.0.1:8080").is_err());
        assert!(check_loopback("http://example.org").is_err());
        assert!(check_loopback("https://127.0.0.1").is_err());
    }

    #[test]
    fn tokens_come_from_the_links_csv() {
        let csv = "voter,email,link\nann,,http://127.0.0.1:8080/vote#abc\nbob,b@x.org,http://h/vote#def\n";
        assert_eq!(tokens_from_links_csv(csv).expect("valid"), ["abc", "def"]);
        assert!(tokens_from_links_csv("voter,email,link\nann,,http://h/vote\n").is_err());
    }
}
