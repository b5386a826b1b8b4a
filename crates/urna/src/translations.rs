//! `urna translations export|import --election SLUG --dir DIR`: an election's texts as
//! translatewiki.net JSON, one file per language (`urna_core::translations`), and back.
//!
//! Import reads every `*.json` of the directory, checks all of them, and changes nothing if
//! any file has an unknown key, a changed placeholder or a bad language: every problem is
//! printed with its file and key. The election must still be a draft (its texts are part of
//! the definition voters are shown); the change is logged in its audit trail as the server's
//! (`system`), like other command-line administration.

use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::{Args, Subcommand};
use urna_core::translations;

use crate::export::with_database;
use crate::state_args::StateArgs;

#[derive(Debug, Args)]
pub struct TranslationsArgs {
    #[command(subcommand)]
    command: TranslationsCommand,
}

#[derive(Debug, Subcommand)]
enum TranslationsCommand {
    /// Write one translatewiki JSON file per language of the election into DIR.
    Export(Target),
    /// Read every *.json of DIR into the election's texts (all or nothing).
    Import(Target),
}

#[derive(Debug, Args)]
struct Target {
    /// The election's short name.
    #[arg(long, value_name = "SLUG")]
    election: String,
    /// The directory of JSON files.
    #[arg(long, value_name = "DIR")]
    dir: PathBuf,
    #[command(flatten)]
    state: StateArgs,
}

pub fn run(args: TranslationsArgs) -> anyhow::Result<String> {
    match args.command {
        TranslationsCommand::Export(target) => export(&target),
        TranslationsCommand::Import(target) => import(&target),
    }
}

fn export(target: &Target) -> anyhow::Result<String> {
    let slug = target.election.as_str();
    let spec = with_database(&target.state, async |db| {
        Ok(urna_web::service::elections::load_election(db, slug)
            .await
            .with_context(|| format!("election {slug:?}"))?
            .election
            .to_spec())
    })?;
    std::fs::create_dir_all(&target.dir)
        .with_context(|| format!("cannot create {}", target.dir.display()))?;
    let files = translations::export(&spec);
    for (name, contents) in &files {
        let path = target.dir.join(name);
        std::fs::write(&path, contents)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(format!(
        "wrote {} file(s) to {}\n",
        files.len(),
        target.dir.display()
    ))
}

fn import(target: &Target) -> anyhow::Result<String> {
    let slug = target.election.as_str();
    let mut files = Vec::new();
    let entries = std::fs::read_dir(&target.dir)
        .with_context(|| format!("cannot read {}", target.dir.display()))?;
    for entry in entries {
        let path = entry?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        let contents = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {} as UTF-8 text", path.display()))?;
        files.push((name, contents));
    }
    files.sort();
    if files.is_empty() {
        bail!("{} holds no *.json files", target.dir.display());
    }
    let summary = with_database(&target.state, async |db| {
        let loaded = urna_web::service::elections::load_election(db, slug)
            .await
            .with_context(|| format!("election {slug:?}"))?;
        let mut spec = loaded.election.to_spec();
        let summary = match translations::import(&mut spec, &files) {
            Ok(summary) => summary,
            Err(errors) => {
                for error in &errors {
                    eprintln!("{}: {error}", target.dir.display());
                }
                bail!(
                    "{} problem(s) in the translation files; nothing was changed",
                    errors.len()
                );
            }
        };
        urna_web::service::elections::update_election(
            db,
            slug,
            spec,
            urna_web::service::Actor::System,
            jiff::Timestamp::now(),
        )
        .await
        .with_context(|| format!("election {slug:?}: translations not saved"))?;
        Ok(summary)
    })?;
    let mut out = String::new();
    for (lang, count) in &summary.set {
        out.push_str(&format!("{lang}: {count} message(s)\n"));
    }
    if !summary.new_languages.is_empty() {
        let names: Vec<&str> = summary.new_languages.iter().map(|l| l.as_str()).collect();
        out.push_str(&format!("new languages: {}\n", names.join(", ")));
    }
    Ok(out)
}
