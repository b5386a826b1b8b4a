//! `urna bench mail`: notices to voters through a real SMTP server, as the background sender
//! sends them (`urna_web::service::mail::deliver_due_notices`), in messages per second.
//!
//! A throw-away SQLite database (or the `--database` given, which must be empty) gets an election with `--messages` voters and one queued
//! notice each (a struck ballot, the longest standard message); then `--senders` senders
//! claim and send from the one outbox at once, as several servers sharing a database would.
//! Every notice must be sent exactly once, or the run fails. Point `--smtp` at a local server
//! that accepts everything, for example
//! `python3 -m aiosmtpd -n -c aiosmtpd.handlers.Sink -l 127.0.0.1:2525`.

use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, bail};
use jiff::Timestamp;
use serde_json::json;
use urna_store::{Db, NewNotice};
use urna_web::config::{MailFrom, SmtpConfig, SmtpTls};
use urna_web::i18n::{LanguageTag, Locales};
use urna_web::mail::Mailer;
use urna_web::service::{Actor, elections, mail, voters};

#[derive(Debug, clap::Args)]
pub struct MailBenchArgs {
    /// The SMTP server (no TLS) to send through, as host:port.
    #[arg(long, value_name = "HOST:PORT")]
    smtp: String,
    /// Notices to send.
    #[arg(long, default_value_t = 2000)]
    messages: usize,
    /// Senders claiming from the outbox at once.
    #[arg(long, default_value_t = 2)]
    senders: usize,
    /// The database (a `postgres://` URL); without it, SQLite in a temporary directory.
    #[arg(long, value_name = "URL")]
    database: Option<String>,
}

pub fn run(args: MailBenchArgs) -> anyhow::Result<String> {
    if args.messages == 0 || args.senders == 0 {
        bail!("--messages and --senders must be at least 1");
    }
    let (host, port) = args
        .smtp
        .rsplit_once(':')
        .and_then(|(h, p)| Some((h.to_owned(), p.parse::<u16>().ok()?)))
        .with_context(|| format!("--smtp {:?} is not host:port", args.smtp))?;
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the runtime")?
        .block_on(bench(args, host, port))
}

async fn bench(args: MailBenchArgs, host: String, port: u16) -> anyhow::Result<String> {
    let dir = tempfile::tempdir().context("making a temporary directory")?;
    let target = args
        .database
        .clone()
        .unwrap_or_else(|| dir.path().display().to_string());
    let db = Db::connect(&target).await?;
    db.migrate().await?;
    let now = Timestamp::now();
    let name = |text: &str| json!({"default": "en", "texts": {"en": text}});
    let spec = serde_json::from_value(json!({
        "id": urna_core::election::ElectionId::generate()?,
        "slug": "mailbench", "languages": ["en"], "title": name("Mail benchmark"),
        "window": {
            "opens": now.checked_add(jiff::SignedDuration::from_hours(1))?,
            "closes": now.checked_add(jiff::SignedDuration::from_hours(48))?,
            "zone": "Europe/Berlin"
        },
        "questions": [{
            "id": "q", "title": name("Question"), "description": null,
            "ballot_type": {"type": "approval", "min": 0, "max": 2}, "method": "approval",
            "seats": 1,
            "options": [{"id": "a", "name": name("A")}, {"id": "b", "name": name("B")}]
        }]
    }))?;
    let election = elections::create_election(&db, spec, None, Actor::System, now).await?;
    let csv: String = std::iter::once("voter,email\n".to_owned())
        .chain((0..args.messages).map(|i| format!("v{i},v{i}@bench.test\n")))
        .collect();
    let upload = voters::upload_voters(&db, "mailbench", &csv, Actor::System, now).await?;
    let details = json!({"reason": "a benchmark of the notice sender"});
    let notices: Vec<NewNotice<'_>> = upload
        .issued
        .iter()
        .map(|link| NewNotice {
            election: election.row_id,
            voter: link.voter_id,
            kind: mail::NOTICE_STRUCK,
            details: &details,
        })
        .collect();
    db.queue_notices(&notices, urna_web::service::micros(now))
        .await?;

    let mailer = Mailer::new(
        &SmtpConfig {
            host: host.clone(),
            port,
            username: None,
            password: None,
            from: MailFrom::parse("Urna benchmark <bench@bench.test>")?,
            tls: SmtpTls::None,
        },
        "http://bench.test".to_owned(),
    )?;
    let english = LanguageTag::english();
    let locales = Arc::new(Locales::embedded(std::slice::from_ref(&english), &english)?);

    let started = Instant::now();
    let send_at = Timestamp::now();
    let senders: Vec<_> = (0..args.senders)
        .map(|_| {
            let (db, mailer, locales) = (db.clone(), mailer.clone(), locales.clone());
            tokio::spawn(
                async move { mail::deliver_due_notices(&db, &mailer, &locales, send_at).await },
            )
        })
        .collect();
    let mut per_sender = Vec::new();
    for sender in senders {
        per_sender.push(sender.await.context("a sender stopped")??);
    }
    let elapsed = started.elapsed().as_secs_f64();
    let sent: usize = per_sender.iter().map(|r| r.sent).sum();
    let other: usize = per_sender
        .iter()
        .map(|r| r.retrying + r.failed + r.bounced + r.skipped)
        .sum();
    if sent != args.messages || other != 0 {
        bail!(
            "{sent} of {} notices sent and {other} not: is {host}:{port} accepting mail?",
            args.messages
        );
    }
    let split: Vec<String> = per_sender.iter().map(|r| r.sent.to_string()).collect();
    Ok(format!(
        "mail: {sent} notices through {host}:{port} by {} senders sharing one outbox \
         (each sent {}) in {elapsed:.2} s: {:.0} messages/s, each sent once\n",
        args.senders,
        split.join(" + "),
        sent as f64 / elapsed.max(f64::EPSILON),
    ))
}
