//! `urna bench crash`: the crash scenario of issue 8, run as long as asked: the real `urna
//! serve` under voting load is killed with SIGKILL at random moments and restarted on the same
//! data, `--kills` times; then the database is checked and the election counted.
//!
//! The election (an approval and a ranked Meek STV question, one trustee whose secret this
//! process keeps) is created through the library on the database first. The load generator of
//! `urna bench vote` ([`crate::bench::run_load`]) votes over HTTP in segments of a few seconds,
//! so that voting goes on for as long as the kills take; after the last restart one more
//! segment lets every voter finish the vote it had in progress.
//!
//! Afterwards (server stopped):
//! - the database opens and migrates cleanly;
//! - no voter has more than one current ballot and no sealed ballot is there twice;
//! - for every voter whose last cast was acknowledged (a receipt page it read), that receipt
//!   code is the `receipt_code` of exactly one current ballot; a voter whose last cast was cut
//!   off by a kill may or may not have that ballot stored, so only voters who settled count.
//!   A settled voter's missing receipt is a **lost ballot** (the goal: none);
//! - the election closes, its ballots are frozen, the trustee decrypts, and the count must
//!   see exactly the surviving ballots: the frozen set's receipt codes are the current
//!   ballots' receipt codes, every ballot opens and decodes (none set aside, so nothing
//!   half-written), and each question's result counted that many ballots.
//!
//! `tests/crash.rs` runs this with 10 kills per database inside the test command; `urna bench
//! crash` with 100 by default.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use urna_store::Db;
use urna_web::service::{Actor, counting, elections, lifecycle, trustees};

use crate::bench::{Load, VoterLog, run_load};

#[derive(Debug, clap::Args)]
pub struct CrashArgs {
    /// How many times to kill the server with SIGKILL (and restart it).
    #[arg(long, default_value_t = 100)]
    kills: usize,
    /// A PostgreSQL URL instead of SQLite in a temporary directory (the election, with a
    /// random slug, is left behind).
    #[arg(long, value_name = "URL")]
    database: Option<String>,
    /// Concurrent voters.
    #[arg(long, default_value_t = 40)]
    voters: usize,
}

pub fn run(args: CrashArgs) -> anyhow::Result<String> {
    if args.kills == 0 || args.voters == 0 {
        bail!("--kills and --voters must be at least 1");
    }
    let urna = std::env::current_exe().context("cannot find the urna executable")?;
    let work = tempfile::tempdir().context("cannot create a temporary directory")?;
    let data_dir = work.path().display().to_string();
    let (database, serve_args) = match &args.database {
        Some(url) => (
            url.clone(),
            vec![
                "--database".to_owned(),
                url.clone(),
                "--data-dir".to_owned(),
                data_dir,
            ],
        ),
        None => (data_dir.clone(), vec!["--data-dir".to_owned(), data_dir]),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .thread_name("urna-bench-crash")
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let report = runtime.block_on(crash_scenario(&CrashRun {
        urna,
        database,
        serve_args,
        kills: args.kills,
        voters: args.voters,
    }))?;
    let problems = report.problems();
    if problems.is_empty() {
        Ok(report.render())
    } else {
        bail!("{}\n{}", report.render(), problems.join("\n"))
    }
}

/// One crash run.
pub struct CrashRun {
    /// The `urna` executable to run as the server.
    pub urna: PathBuf,
    /// A data directory (SQLite) or a PostgreSQL URL, as [`Db::connect`] takes it.
    pub database: String,
    /// The flags that point `urna serve` at that database (and its data directory).
    pub serve_args: Vec<String>,
    pub kills: usize,
    pub voters: usize,
}

/// What a crash run saw.
#[derive(Debug)]
pub struct CrashReport {
    pub backend: String,
    pub voters: usize,
    /// SIGKILLs sent, each followed by a restart that answered `/healthz`.
    pub kills: usize,
    /// Requests that failed while the server was down (connection refused or cut, …).
    pub failed_requests: u64,
    /// Receipts shown to voters, all votes and revotes.
    pub acknowledged: usize,
    /// Voters whose last cast was acknowledged (their last receipt must be stored).
    pub settled: usize,
    /// Settled voters whose last receipt is not exactly one current ballot.
    pub lost: Vec<String>,
    /// Current ballots after the kills.
    pub current: usize,
    /// Receipt codes found more than once among the current ballots.
    pub duplicated: usize,
    /// Ballots the count opened and counted, and those it set aside.
    pub counted: usize,
    pub set_aside: usize,
    /// Whether the frozen set held exactly the current ballots.
    pub frozen_matches_current: bool,
    /// Per question, the `counted_ballots` of its stored result.
    pub counted_per_question: Vec<(String, u64)>,
    pub elected: Vec<(String, Vec<String>)>,
    pub voting_time: Duration,
    pub count_time: Duration,
}

impl CrashReport {
    /// Every check that failed, as a sentence; empty when the run passed.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.acknowledged < self.voters {
            problems.push(format!(
                "too few ballots to mean anything: {} acknowledged for {} voters",
                self.acknowledged, self.voters
            ));
        }
        if self.failed_requests == 0 {
            problems.push("no voter ever saw the server die".to_owned());
        }
        if self.current > self.voters || self.duplicated > 0 {
            problems.push(format!(
                "{} current ballots for {} voters, {} receipt codes more than once",
                self.current, self.voters, self.duplicated
            ));
        }
        for lost in &self.lost {
            problems.push(format!("lost ballot: {lost}"));
        }
        // Voters finish their votes in progress after the last restart, so nearly all settle.
        if self.settled * 10 < self.voters * 9 {
            problems.push(format!(
                "only {} of {} voters ended with an acknowledged ballot",
                self.settled, self.voters
            ));
        }
        if !self.frozen_matches_current {
            problems.push("the frozen set is not the set of current ballots".to_owned());
        }
        if self.counted != self.current || self.set_aside > 0 {
            problems.push(format!(
                "the count opened {} ballots and set {} aside; {} were current",
                self.counted, self.set_aside, self.current
            ));
        }
        for (question, counted) in &self.counted_per_question {
            if *counted != self.current as u64 {
                problems.push(format!(
                    "question {question}'s result counted {counted} ballots, not {}",
                    self.current
                ));
            }
        }
        problems
    }

    pub fn render(&self) -> String {
        let mut out = format!(
            "urna bench crash: {} SIGKILLs on {}, {} voters\n",
            self.kills, self.backend, self.voters
        );
        out.push_str(&format!(
            "kills survived: {} (each restart answered /healthz; {} requests failed meanwhile)\n",
            self.kills, self.failed_requests
        ));
        out.push_str(&format!(
            "ballots acknowledged: {} ({} voters settled on an acknowledged last ballot)\n",
            self.acknowledged, self.settled
        ));
        out.push_str(&format!("ballots lost: {}\n", self.lost.len()));
        out.push_str(&format!(
            "current ballots: {} ({} receipt codes twice)\n",
            self.current, self.duplicated
        ));
        out.push_str(&format!(
            "count: {} ballots opened and counted, {} set aside; frozen set = current ballots: {}\n",
            self.counted,
            self.set_aside,
            if self.frozen_matches_current {
                "yes"
            } else {
                "NO"
            }
        ));
        for (question, elected) in &self.elected {
            out.push_str(&format!("  {question}: elected {}\n", elected.join(", ")));
        }
        out.push_str(&format!(
            "time: {:.1} s voting under kills, {:.1} s close, freeze, decrypt and count\n",
            self.voting_time.as_secs_f64(),
            self.count_time.as_secs_f64()
        ));
        out
    }
}

/// The real server, restarted on the same arguments.
struct Server {
    urna: PathBuf,
    args: Vec<String>,
    base_url: String,
    child: Option<Child>,
}

/// How long a (re)started server may take to answer `/healthz`.
const START_TIMEOUT: Duration = Duration::from_secs(30);

impl Server {
    async fn start(&mut self) -> anyhow::Result<()> {
        let child = Command::new(&self.urna)
            .args(&self.args)
            .env("URNA_RATE_LIMIT__ENABLED", "false")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| format!("cannot start {}", self.urna.display()))?;
        self.child = Some(child);
        let client = reqwest::Client::new();
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            let up = client
                .get(format!("{}/healthz", self.base_url))
                .send()
                .await
                .is_ok_and(|r| r.status().is_success());
            if up {
                return Ok(());
            }
            if let Some(child) = &mut self.child
                && let Ok(Some(status)) = child.try_wait()
            {
                bail!("urna serve exited while starting: {status}");
            }
            if Instant::now() >= deadline {
                bail!(
                    "urna serve did not answer {}/healthz within {} s",
                    self.base_url,
                    START_TIMEOUT.as_secs()
                );
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    fn kill(&mut self) -> anyhow::Result<()> {
        if let Some(mut child) = self.child.take() {
            // `Child::kill` is SIGKILL on Unix: no shutdown code runs.
            child.kill().context("cannot send SIGKILL to the server")?;
            child.wait().context("cannot reap the killed server")?;
        }
        Ok(())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.kill();
    }
}

fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .context("cannot find a free loopback port")?
        .port())
}

/// A random number below `n`, from the OS, for kill moments.
fn random_below(n: u64) -> anyhow::Result<u64> {
    Ok(getrandom::u64().context("the OS random number generator failed")? % n.max(1))
}

/// How long one load segment votes before its voters finish the vote in progress.
const SEGMENT: Duration = Duration::from_secs(4);
/// The last segment, after the last restart.
const LAST_SEGMENT: Duration = Duration::from_secs(2);

/// Appends one segment's voter logs to the whole run's.
fn merge_logs(all: &mut [VoterLog], segment: Vec<VoterLog>) {
    for (whole, part) in all.iter_mut().zip(segment) {
        if part.receipts.is_empty() {
            // No new receipt: an earlier unknown cast stays unknown.
            whole.unknown_after_last_receipt |= part.unknown_after_last_receipt;
        } else {
            whole.receipts.extend(part.receipts);
            whole.unknown_after_last_receipt = part.unknown_after_last_receipt;
        }
    }
}

type Segment = tokio::task::JoinHandle<anyhow::Result<crate::bench::Report>>;

fn start_segment(base_url: &str, tokens: &[String], length: Duration) -> Segment {
    let load = Load {
        base_url: base_url.to_owned(),
        tokens: tokens.to_vec(),
        ballots: usize::MAX,
        max_time: length,
        progress: false,
    };
    tokio::spawn(async move { run_load(&load).await })
}

/// Runs the whole scenario (see the module documentation) and reports what it saw; the
/// caller judges it with [`CrashReport::problems`].
pub async fn crash_scenario(run: &CrashRun) -> anyhow::Result<CrashReport> {
    let db = Db::connect(&run.database)
        .await
        .context("the database does not open")?;
    db.migrate().await.context("migrations do not apply")?;
    let backend = format!("{:?}", db.backend());
    let slug = format!("crash-{:08x}", random_below(1 << 32)?);
    let crate::bench::ReadyElection {
        tokens,
        trustee: secret,
    } = crate::bench::create_open_election_with_key(&db, &slug, run.voters).await?;
    let row_id = elections::load_election(&db, &slug).await?.row_id;
    db.close().await;

    let port = free_port()?;
    let mut args = vec![
        "serve".to_owned(),
        "--listen".to_owned(),
        format!("127.0.0.1:{port}"),
    ];
    args.extend(run.serve_args.iter().cloned());
    let mut server = Server {
        urna: run.urna.clone(),
        args,
        base_url: format!("http://127.0.0.1:{port}"),
        child: None,
    };
    server.start().await?;

    let started = Instant::now();
    let mut logs = vec![VoterLog::default(); tokens.len()];
    let mut errors: BTreeMap<String, u64> = BTreeMap::new();
    let mut collect = |report: crate::bench::Report, logs: &mut Vec<VoterLog>| {
        for (kind, n) in report.errors {
            *errors.entry(kind).or_default() += n;
        }
        merge_logs(logs, report.voters);
    };
    let mut segment = start_segment(&server.base_url, &tokens, SEGMENT);
    for _ in 0..run.kills {
        if segment.is_finished() {
            let report = segment.await.context("a load segment stopped")??;
            collect(report, &mut logs);
            segment = start_segment(&server.base_url, &tokens, SEGMENT);
        }
        tokio::time::sleep(Duration::from_millis(100 + random_below(800)?)).await;
        server.kill()?;
        server.start().await?;
    }
    let report = segment.await.context("a load segment stopped")??;
    collect(report, &mut logs);
    let last = start_segment(&server.base_url, &tokens, LAST_SEGMENT);
    let report = last.await.context("the last load segment stopped")??;
    collect(report, &mut logs);
    server.kill()?;
    let voting_time = started.elapsed();

    // The database opens and migrates cleanly after the last SIGKILL.
    let db = Db::connect(&run.database)
        .await
        .context("the database does not open after SIGKILL")?;
    db.migrate()
        .await
        .context("migrations do not apply after SIGKILL")?;
    let mut current: HashMap<String, usize> = HashMap::new();
    for ballot in db.counted_ballots(row_id).await? {
        *current
            .entry(urna_core::token::receipt_code(&ballot.sealed))
            .or_default() += 1;
    }
    let acknowledged = logs.iter().map(|v| v.receipts.len()).sum();
    let mut settled = 0;
    let mut lost = Vec::new();
    for (n, voter) in logs.iter().enumerate() {
        let Some(last) = voter.receipts.last() else {
            continue;
        };
        if voter.unknown_after_last_receipt {
            continue;
        }
        settled += 1;
        let found = current.get(last).copied().unwrap_or(0);
        if found != 1 {
            lost.push(format!(
                "voter {n}: acknowledged receipt {last} is {found} current ballots, not 1"
            ));
        }
    }

    let count_started = Instant::now();
    let counted = count_election(&db, &slug, &secret).await?;
    let count_time = count_started.elapsed();
    let mut frozen = counted.frozen_receipts.clone();
    frozen.sort();
    let mut expected: Vec<String> = current
        .iter()
        .flat_map(|(code, n)| std::iter::repeat_n(code.clone(), *n))
        .collect();
    expected.sort();
    let results = db.results(row_id, false).await?;
    db.close().await;
    let counted_per_question = results
        .iter()
        .map(|r| {
            (
                r.question.clone(),
                r.report["counted_ballots"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    Ok(CrashReport {
        backend,
        voters: run.voters,
        kills: run.kills,
        failed_requests: errors.values().sum(),
        acknowledged,
        settled,
        lost,
        current: current.values().sum(),
        duplicated: current.values().filter(|&&n| n > 1).count(),
        counted: counted.summary.ballots - counted.summary.set_aside.len(),
        set_aside: counted.summary.set_aside.len(),
        frozen_matches_current: frozen == expected,
        counted_per_question,
        elected: counted
            .summary
            .questions
            .iter()
            .map(|q| (q.question.clone(), q.elected.clone()))
            .collect(),
        voting_time,
        count_time,
    })
}

struct CountedElection {
    summary: counting::CountSummary,
    /// The receipt code of each ballot of the frozen set.
    frozen_receipts: Vec<String>,
}

/// Closes the election, freezes its ballots, hands in the trustee's decryption shares and
/// counts: the path `urna bench count` and the admin pages take.
async fn count_election(
    db: &Db,
    slug: &str,
    secret: &urna_crypto::TrusteeSecret,
) -> anyhow::Result<CountedElection> {
    let mut rng = urna_crypto::os_rng();
    let now = jiff::Timestamp::now();
    lifecycle::close(db, slug, Actor::System, now).await?;
    counting::freeze(db, slug, Actor::System, now, &mut rng).await?;
    let set = counting::frozen_set(db, slug).await?;
    let frozen_receipts = set
        .ballots
        .iter()
        .map(|b| {
            let mut bytes = b.ephemeral.to_bytes().to_vec();
            bytes.extend_from_slice(&b.ciphertext);
            urna_core::token::receipt_code(&bytes)
        })
        .collect();
    let setup = trustees::setup_of(db, slug).await?;
    let share = secret
        .share_for(&setup.digest())
        .context("the trustee's secret holds no share of this election's key")?;
    let shares = urna_crypto::decryption_shares(share, &set, &mut rng)?;
    counting::accept_decryption_shares(db, slug, shares, Actor::System, now).await?;
    let summary = counting::count(db, slug, None, Actor::System, now).await?;
    Ok(CountedElection {
        summary,
        frozen_receipts,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log(receipts: &[&str], unknown: bool) -> VoterLog {
        VoterLog {
            receipts: receipts.iter().map(|r| (*r).to_owned()).collect(),
            unknown_after_last_receipt: unknown,
        }
    }

    #[test]
    fn segments_append_receipts_and_keep_the_latest_outcome() {
        let mut all = vec![log(&["A"], true), log(&["B"], false), log(&[], true)];
        merge_logs(
            &mut all,
            vec![log(&["C"], false), log(&[], true), log(&[], false)],
        );
        // Voter 0: a new receipt settles the earlier unknown cast.
        assert_eq!(all[0].receipts, ["A", "C"]);
        assert!(!all[0].unknown_after_last_receipt);
        // Voter 1: an unknown cast after receipt B.
        assert_eq!(all[1].receipts, ["B"]);
        assert!(all[1].unknown_after_last_receipt);
        // Voter 2: still unknown, nothing acknowledged.
        assert!(all[2].receipts.is_empty() && all[2].unknown_after_last_receipt);
    }
}
