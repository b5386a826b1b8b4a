//! `urna bench count`: the end-to-end count of a large ranked election (Meek STV), phase by
//! phase, on the code paths the server and the trustees run.
//!
//! Set-up (timed, but not part of the count): an election with one ranked Meek STV question
//! (`--candidates`, `--seats`), a real 2-of-3 key ceremony in-process (three trustees' secrets
//! made with `urna-crypto`, their round messages accepted by the service layer as the server's
//! upload routes do), `--ballots` voters, and one ballot cast per voter through
//! `service::voting::cast`, the function the server's cast route calls (plaintext checked,
//! padded, sealed, stored), with `--casters` concurrent callers and no HTTP.
//!
//! The count, timed phase by phase:
//! 1. freeze and shuffle (`service::counting::freeze`);
//! 2. the frozen set written to a file, as the server's download route serves it;
//! 3. two trustees run `urna trustee decrypt` (the CLI's own function: secret, set-up and
//!    ballot files in, shares file out), one after the other on this machine;
//! 4. the server reads each shares file and checks every proof on upload
//!    (`service::counting::accept_decryption_shares`);
//! 5. `service::counting::count`, whose own phase clock splits it into loading, checking the
//!    shares again and opening the ballots, decoding, counting with urna-tally, the anonymised
//!    BLT/CSV and storing the results.
//!
//! Ballots are random but seeded (`--seed`): three voter blocs each favour a third of the
//! candidates on top of a popularity that falls off as 1/rank; lengths vary from a single
//! preference to a full ranking. SQLite lives in a temporary directory unless `--database`
//! names a PostgreSQL server, where the election (random slug) is left behind.

use std::io::IsTerminal;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use rand_chacha::ChaCha20Rng;
use rand_core::{Rng, SeedableRng};
use urna_core::ballot::{Answer, PlainBallot};
use urna_core::question::CandidateId;
use urna_web::service::{Actor, counting, elections, lifecycle, trustees, voters, voting};

#[derive(Debug, clap::Args)]
pub struct CountArgs {
    /// Ballots to cast and count (one voter each).
    #[arg(long, default_value_t = 100_000)]
    ballots: usize,
    /// Candidates on the ranked question.
    #[arg(long, default_value_t = 20)]
    candidates: usize,
    /// Seats to fill (Meek STV).
    #[arg(long, default_value_t = 7)]
    seats: usize,
    /// A PostgreSQL URL instead of SQLite in a temporary directory.
    #[arg(long, value_name = "URL")]
    database: Option<String>,
    /// Seed of the random ballots (the same seed gives the same ballots).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Concurrent callers of `voting::cast` while casting.
    #[arg(long, default_value_t = 64)]
    casters: usize,
}

/// One timed phase.
struct Phase {
    name: String,
    elapsed: Duration,
    /// CPU time this process used in the phase, all threads (None where unknown): on a machine
    /// shared with other work the wall time alone overstates the cost.
    cpu: Option<Duration>,
    /// Ballots this phase handled (for the ballots/s column).
    ballots: usize,
}

/// CPU time (user + system) of this process so far, from `/proc/self/stat` (Linux; clock
/// ticks of 1/100 s).
fn process_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// The start of a phase: wall clock and CPU time.
#[derive(Clone, Copy)]
struct Start {
    wall: Instant,
    cpu: Option<Duration>,
}

impl Start {
    fn now() -> Self {
        Self {
            wall: Instant::now(),
            cpu: process_cpu(),
        }
    }
}

pub fn run(args: CountArgs) -> anyhow::Result<String> {
    if args.ballots == 0 || args.casters == 0 {
        bail!("--ballots and --casters must be at least 1");
    }
    if args.candidates < 2 || args.candidates > 1000 {
        bail!(
            "--candidates {} must be between 2 and 1000",
            args.candidates
        );
    }
    if args.seats == 0 || args.seats >= args.candidates {
        bail!(
            "--seats {} must be at least 1 and fewer than the {} candidates",
            args.seats,
            args.candidates
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .thread_name("urna-bench-count")
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(bench(&args))
}

async fn bench(args: &CountArgs) -> anyhow::Result<String> {
    let work = tempfile::tempdir().context("cannot create a temporary directory")?;
    let mut config = urna_web::Config {
        data_dir: work.path().join("data"),
        ..urna_web::Config::default()
    };
    if let Some(url) = &args.database {
        config.database = Some(
            urna_web::config::DatabaseUrl::parse(url)
                .map_err(|e| anyhow::anyhow!("--database: {e}"))?,
        );
    }
    let db = urna_web::app::connect_database(&config).await?;
    let slug = format!("bench-count-{:08x}", getrandom::u32()?);
    let progress = std::io::stderr().is_terminal();
    let mut setup = Vec::new();
    let mut count = Vec::new();
    let n = args.ballots;

    let started = Start::now();
    let candidates = create_election(&db, &slug, args).await?;
    let secrets = key_ceremony(&db, &slug).await?;
    setup.push(phase("create election, 2-of-3 key ceremony", started, 0));

    let started = Start::now();
    let mut csv = String::from("voter\n");
    for i in 0..n {
        csv.push_str(&format!("voter-{i}\n"));
    }
    let now = jiff::Timestamp::now();
    let upload = voters::upload_voters(&db, &slug, &csv, Actor::System, now).await?;
    let voter_ids: Vec<_> = upload.issued.iter().map(|l| l.voter_id).collect();
    drop(upload);
    lifecycle::mark_ready(&db, &slug, Actor::System, now).await?;
    lifecycle::open(&db, &slug, Actor::System, now).await?;
    setup.push(phase("upload voters, open", started, n));

    let started = Start::now();
    cast_all(&db, &slug, &voter_ids, &candidates, args, progress).await?;
    setup.push(phase("cast (voting::cast: check, seal, store)", started, n));
    // Closing needs a non-empty window: at least a microsecond after opening.
    let closed_at = jiff::Timestamp::now().max(
        now.checked_add(jiff::SignedDuration::from_millis(1))
            .context("time out of range")?,
    );
    lifecycle::close(&db, &slug, Actor::System, closed_at).await?;

    let spinner = Spinner::new(progress);
    spinner.show("freezing and shuffling");
    let started = Start::now();
    let frozen = counting::freeze(
        &db,
        &slug,
        Actor::System,
        closed_at,
        &mut urna_crypto::os_rng(),
    )
    .await?;
    if frozen.ballots != n {
        bail!("{} ballots were frozen, {n} cast", frozen.ballots);
    }
    count.push(phase("freeze and shuffle", started, n));

    spinner.show("writing the frozen set for the trustees");
    let started = Start::now();
    let files = work.path();
    let setup_file = files.join("setup.json");
    let ballots_file = files.join("ballots.json");
    let election_setup = trustees::setup_of(&db, &slug).await?;
    std::fs::write(&setup_file, crate::trustee::to_json(&election_setup)?)
        .with_context(|| format!("writing {}", setup_file.display()))?;
    let set = counting::frozen_set(&db, &slug).await?;
    std::fs::write(&ballots_file, crate::trustee::to_json(&set)?)
        .with_context(|| format!("writing {}", ballots_file.display()))?;
    drop(set);
    count.push(phase("frozen set to a file (download)", started, n));

    // Trustees 1 and 2 decrypt; trustee 3 stays away, as a threshold allows.
    let mut share_files = Vec::new();
    for (index, secret) in secrets.iter().take(2).enumerate() {
        let secret_file = files.join(format!("trustee{}.secret.json", index + 1));
        crate::trustee::write_secret(&secret_file, secret, true)?;
        let shares_file = files.join(format!("trustee{}.shares.json", index + 1));
        spinner.show(&format!("trustee {} decrypting", index + 1));
        let started = Start::now();
        let (secret_file, ballots_file, setup_file, out) = (
            secret_file.clone(),
            ballots_file.clone(),
            setup_file.clone(),
            shares_file.clone(),
        );
        tokio::task::spawn_blocking(move || {
            crate::trustee::decrypt(&secret_file, &setup_file, &ballots_file, &out)
        })
        .await
        .context("the trustee's decryption stopped")??;
        count.push(phase(
            &format!("trustee {} decrypt (urna trustee decrypt)", index + 1),
            started,
            n,
        ));
        share_files.push(shares_file);
    }
    for (index, file) in share_files.iter().enumerate() {
        spinner.show(&format!("checking trustee {}'s shares", index + 1));
        let started = Start::now();
        upload_shares(&db, &slug, file, closed_at).await?;
        count.push(phase(
            &format!("upload and check trustee {}'s shares", index + 1),
            started,
            n,
        ));
    }

    spinner.show("counting");
    let counting_started = Start::now();
    let summary = counting::count(&db, &slug, None, Actor::System, closed_at).await?;
    spinner.finish();
    if summary.ballots != n || !summary.set_aside.is_empty() {
        bail!(
            "{} ballots counted and {} set aside, {n} cast",
            summary.ballots,
            summary.set_aside.len()
        );
    }
    for p in &summary.phases {
        count.push(Phase {
            name: format!("count: {}", p.name),
            elapsed: p.elapsed,
            cpu: None,
            ballots: n,
        });
    }
    let counting = phase("count, all phases above", counting_started, n);
    let elected = summary
        .questions
        .first()
        .map(|q| q.elected.join(", "))
        .unwrap_or_default();
    Ok(render(args, &db, &setup, &count, &counting, &elected))
}

fn phase(name: &str, started: Start, ballots: usize) -> Phase {
    Phase {
        name: name.to_owned(),
        elapsed: started.wall.elapsed(),
        cpu: process_cpu()
            .zip(started.cpu)
            .map(|(now, then)| now.saturating_sub(then)),
        ballots,
    }
}

fn render(
    args: &CountArgs,
    db: &urna_store::Db,
    setup: &[Phase],
    count: &[Phase],
    counting: &Phase,
    elected: &str,
) -> String {
    let mut out = format!(
        "urna bench count: {} ballots, {} candidates, {} seats (Meek STV), {:?}, seed {}\n\n",
        args.ballots,
        args.candidates,
        args.seats,
        db.backend(),
        args.seed
    );
    let row = |out: &mut String, p: &Phase| {
        let secs = p.elapsed.as_secs_f64();
        let rate = if p.ballots > 0 && secs > 0.0 {
            format!("{:>12.0}", p.ballots as f64 / secs)
        } else {
            format!("{:>12}", "")
        };
        let cpu = p.cpu.map_or_else(
            || format!("{:>9}", ""),
            |c| format!("{:>9.2}", c.as_secs_f64()),
        );
        out.push_str(&format!("{:<48} {:>9.2} {cpu} {rate}\n", p.name, secs));
    };
    let header = |out: &mut String, title: &str| {
        out.push_str(&format!(
            "{title:<48} {:>9} {:>9} {:>12}\n",
            "seconds", "cpu s", "ballots/s"
        ));
    };
    header(&mut out, "set-up (not in the count)");
    setup.iter().for_each(|p| row(&mut out, p));
    out.push('\n');
    header(&mut out, "count");
    count.iter().for_each(|p| row(&mut out, p));
    row(&mut out, counting);
    let before_count: Vec<&Phase> = count.iter().filter(|p| p.cpu.is_some()).collect();
    let total = Phase {
        name: "total count, trustee decryption included".to_owned(),
        elapsed: count.iter().map(|p| p.elapsed).sum(),
        cpu: before_count
            .iter()
            .map(|p| p.cpu)
            .chain([counting.cpu])
            .sum::<Option<Duration>>(),
        ballots: args.ballots,
    };
    row(&mut out, &total);
    out.push_str(&format!("\nelected: {elected}\n"));
    out
}

/// A spinner naming the current phase on stderr, when stderr is a terminal.
struct Spinner(Option<indicatif::ProgressBar>);

impl Spinner {
    fn new(visible: bool) -> Self {
        Self(visible.then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        }))
    }

    fn show(&self, message: &str) {
        if let Some(bar) = &self.0 {
            bar.set_message(message.to_owned());
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

/// Creates the election (one ranked Meek STV question) and returns its candidates' ids.
async fn create_election(
    db: &urna_store::Db,
    slug: &str,
    args: &CountArgs,
) -> anyhow::Result<Vec<CandidateId>> {
    let now = jiff::Timestamp::now();
    let name = |n: &str| serde_json::json!({"default": "en", "texts": {"en": n}});
    let ids: Vec<String> = (1..=args.candidates).map(|i| format!("c{i}")).collect();
    let options: Vec<serde_json::Value> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| serde_json::json!({"id": id, "name": name(&format!("Candidate {}", i + 1))}))
        .collect();
    // Ready needs a start in the future; the election is then opened by hand at once.
    let opens = now
        .checked_add(jiff::SignedDuration::from_hours(1))
        .context("the start of the benchmark election is out of range")?;
    let closes = now
        .checked_add(jiff::SignedDuration::from_hours(24))
        .context("the end of the benchmark election is out of range")?;
    let spec = serde_json::from_value(serde_json::json!({
        "id": urna_core::election::ElectionId::generate()?,
        "slug": slug, "languages": ["en"], "title": name("Count benchmark"),
        "window": {"opens": opens, "closes": closes, "zone": "UTC"},
        "questions": [
            {"id": "board", "title": name("Board"), "description": null,
             "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
             "method": "meek", "seats": args.seats, "options": options}
        ]
    }))
    .context("the benchmark election's specification")?;
    elections::create_election(db, spec, None, Actor::System, now).await?;
    ids.iter()
        .map(|id| CandidateId::parse(id).map_err(|e| anyhow::anyhow!("candidate {id}: {e}")))
        .collect()
}

/// A 2-of-3 key ceremony: three trustees' secrets made here, their round 1 and round 2
/// messages accepted by the service layer as the upload routes do. Returns the secrets.
async fn key_ceremony(
    db: &urna_store::Db,
    slug: &str,
) -> anyhow::Result<Vec<urna_crypto::TrusteeSecret>> {
    let now = jiff::Timestamp::now();
    let mut rng = urna_crypto::os_rng();
    let mut secrets = (1..=3)
        .map(|i| {
            let name = urna_crypto::TrusteeName::parse(&format!("Trustee {i}"))?;
            Ok(urna_crypto::TrusteeSecret::generate(name, &mut rng)?)
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let publics = secrets.iter().map(|s| s.public.clone()).collect();
    let setup = trustees::set_up_key_ceremony(db, slug, 2, publics, Actor::System, now).await?;
    for secret in &secrets {
        let round1 = urna_crypto::dkg_round1(secret, &setup, &mut rng)?;
        trustees::accept_round1(db, slug, round1, Actor::System, now).await?;
    }
    let round1 = trustees::round1_messages(db, slug).await?;
    for secret in &mut secrets {
        let round2 = urna_crypto::dkg_round2(secret, &setup, &round1, &mut rng)?;
        trustees::accept_round2(db, slug, round2, Actor::System, now).await?;
    }
    Ok(secrets)
}

/// Casts one ballot per voter through `voting::cast` with `args.casters` concurrent callers.
async fn cast_all(
    db: &urna_store::Db,
    slug: &str,
    voter_ids: &[urna_store::VoterId],
    candidates: &[CandidateId],
    args: &CountArgs,
    progress: bool,
) -> anyhow::Result<()> {
    let bar = progress.then(|| {
        let bar = indicatif::ProgressBar::new(voter_ids.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "casting {bar:40} {pos}/{len} ballots {per_sec} {elapsed}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let mut maker = BallotMaker::new(candidates.to_vec(), args.seed);
    let ballots: Vec<PlainBallot> = voter_ids.iter().map(|_| maker.ballot()).collect();
    let chunk = voter_ids.len().div_ceil(args.casters);
    let mut tasks = tokio::task::JoinSet::new();
    for (voters, ballots) in voter_ids.chunks(chunk).zip(ballots.chunks(chunk)) {
        let (db, slug, bar) = (db.clone(), slug.to_owned(), bar.clone());
        let work: Vec<_> = voters
            .iter()
            .copied()
            .zip(ballots.iter().cloned())
            .collect();
        tasks.spawn(async move {
            let mut rng = urna_crypto::os_rng();
            for (voter, ballot) in work {
                let now = jiff::Timestamp::now();
                voting::cast(&db, &slug, voter, ballot, now, &mut rng).await?;
                if let Some(bar) = &bar {
                    bar.inc(1);
                }
            }
            anyhow::Ok(())
        });
    }
    while let Some(done) = tasks.join_next().await {
        done.context("a casting task stopped")??;
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(())
}

/// The server's side of a shares upload: the file parsed, then every proof checked and the
/// shares stored.
async fn upload_shares(
    db: &urna_store::Db,
    slug: &str,
    file: &Path,
    now: jiff::Timestamp,
) -> anyhow::Result<()> {
    let text = tokio::fs::read(file)
        .await
        .with_context(|| format!("reading {}", file.display()))?;
    let shares: urna_crypto::DecryptionShares =
        serde_json::from_slice(&text).with_context(|| format!("reading {}", file.display()))?;
    counting::accept_decryption_shares(db, slug, shares, Actor::System, now).await?;
    Ok(())
}

/// Seeded random rankings with the shape of real ones: a few popular candidates, voter blocs,
/// and lengths from a single preference ("plumping") to a full ranking.
struct BallotMaker {
    candidates: Vec<CandidateId>,
    /// Popularity of candidate i: 1/(i+1).
    popularity: Vec<f64>,
    rng: ChaCha20Rng,
}

/// Blocs: the share of voters in each, and each favours the candidates whose index modulo
/// `BLOCS.len()` is its own, by `BLOC_PREFERENCE`.
const BLOCS: [f64; 3] = [0.5, 0.3, 0.2];
const BLOC_PREFERENCE: f64 = 4.0;
/// Share of voters who rank every candidate.
const FULL_RANKING: f64 = 0.15;
/// Otherwise a ranking stops after each preference with this chance (mean length ≈ 2.9).
const STOP_AFTER_EACH: f64 = 0.35;

impl BallotMaker {
    fn new(candidates: Vec<CandidateId>, seed: u64) -> Self {
        let popularity = (0..candidates.len())
            .map(|i| 1.0 / (i + 1) as f64)
            .collect();
        Self {
            candidates,
            popularity,
            rng: ChaCha20Rng::seed_from_u64(seed),
        }
    }

    /// Uniform in [0, 1).
    fn uniform(&mut self) -> f64 {
        (self.rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn ballot(&mut self) -> PlainBallot {
        let u = self.uniform();
        let mut bloc = BLOCS.len() - 1;
        let mut acc = 0.0;
        for (b, share) in BLOCS.iter().enumerate() {
            acc += share;
            if u < acc {
                bloc = b;
                break;
            }
        }
        let mut weights: Vec<f64> = self
            .popularity
            .iter()
            .enumerate()
            .map(|(i, p)| {
                if i % BLOCS.len() == bloc {
                    p * BLOC_PREFERENCE
                } else {
                    *p
                }
            })
            .collect();
        let full = self.uniform() < FULL_RANKING;
        let mut ranking = Vec::new();
        while ranking.len() < self.candidates.len() {
            // Weighted draw among the candidates not ranked yet (their weight is zeroed).
            let total: f64 = weights.iter().sum();
            let mut target = self.uniform() * total;
            let mut pick = None;
            for (i, w) in weights.iter().enumerate() {
                if *w > 0.0 {
                    pick = Some(i);
                    if target < *w {
                        break;
                    }
                    target -= w;
                }
            }
            let Some(pick) = pick else { break };
            weights[pick] = 0.0;
            ranking.push(vec![self.candidates[pick].clone()]);
            if !full && self.uniform() < STOP_AFTER_EACH {
                break;
            }
        }
        PlainBallot {
            answers: vec![Answer::Ranking(ranking)],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<CandidateId> {
        (1..=n)
            .map(|i| CandidateId::parse(&format!("c{i}")).unwrap())
            .collect()
    }

    #[test]
    fn ballots_are_seeded_valid_rankings_of_varying_length() {
        let mut a = BallotMaker::new(ids(20), 7);
        let mut b = BallotMaker::new(ids(20), 7);
        let mut lengths = std::collections::BTreeSet::new();
        let mut first_choice_of_c1 = 0;
        for _ in 0..2000 {
            let ballot = a.ballot();
            assert_eq!(ballot, b.ballot(), "the same seed gives the same ballots");
            let Answer::Ranking(ranking) = &ballot.answers[0] else {
                panic!("not a ranking: {ballot:?}");
            };
            let mut seen: Vec<_> = ranking.iter().flatten().collect();
            lengths.insert(ranking.len());
            assert!(ranking.iter().all(|group| group.len() == 1));
            if ranking[0][0].as_str() == "c1" {
                first_choice_of_c1 += 1;
            }
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), ranking.len(), "no candidate twice");
        }
        // Single preferences and full rankings both occur (15% are full: about 300 of 2000).
        assert!(lengths.contains(&1) && lengths.contains(&20), "{lengths:?}");
        // c1 is the most popular (1/1 against 1/2, 1/3, …) and favoured by the largest bloc:
        // well above the 1/20 = 100 of 2000 a uniform draw would give.
        assert!(first_choice_of_c1 > 300, "{first_choice_of_c1}");
    }
}
