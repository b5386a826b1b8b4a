//! `urna import securepoll DUMP.xml`: a SecurePoll election dump becomes an Urna election
//! definition (the JSON `POST /api/v1/elections` and the admin's JSON import take) and, when
//! the dump holds plaintext votes, ballot files `urna tally` counts. The mapping is
//! `urna_core::securepoll`'s; this file reads and writes files and prints the warnings.
//!
//! Warnings go to stderr as `DUMP:LINE:COLUMN: warning: …`, so that editors can jump to them;
//! the definition goes to `--out` or, without it, to stdout.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Args, Subcommand};
use urna_core::election::ElectionId;
use urna_core::securepoll::{self, Imported, MAX_DUMP_BYTES};

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(subcommand)]
    source: ImportSource,
}

#[derive(Debug, Subcommand)]
enum ImportSource {
    /// Import a SecurePoll XML dump (Special:SecurePoll/dump): configuration, messages in
    /// every language, questions, options and plaintext votes. Whatever cannot map is listed
    /// as a warning.
    Securepoll(SecurePollArgs),
}

#[derive(Debug, Args)]
struct SecurePollArgs {
    /// The dump.
    dump: PathBuf,
    /// Where to write the election definition (JSON); default: stdout. A dump of several
    /// elections writes one file each, named with SecurePoll's election id
    /// (`election-50.json`).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Where to write the counted votes: BLT for ranked and choose-one questions, CSV for
    /// approval and score ones (the extension is set to match). Several questions or
    /// elections get their ids appended (`ballots-51.csv`).
    #[arg(long)]
    ballots: Option<PathBuf>,
}

pub fn run(args: ImportArgs) -> anyhow::Result<String> {
    match args.source {
        ImportSource::Securepoll(args) => import_securepoll(&args),
    }
}

fn import_securepoll(args: &SecurePollArgs) -> anyhow::Result<String> {
    let size = std::fs::metadata(&args.dump)
        .with_context(|| format!("cannot read {}", args.dump.display()))?
        .len();
    if size > MAX_DUMP_BYTES as u64 {
        bail!(
            "{} is {size} bytes, more than the {MAX_DUMP_BYTES} bytes a dump may have",
            args.dump.display()
        );
    }
    let xml = std::fs::read_to_string(&args.dump)
        .with_context(|| format!("cannot read {} as UTF-8 text", args.dump.display()))?;
    let dump_name = args.dump.display().to_string();
    let dumps =
        securepoll::parse_dump(&xml).with_context(|| format!("{dump_name}: not imported"))?;
    let mut imported = Vec::with_capacity(dumps.len());
    for dump in &dumps {
        let id = ElectionId::generate()?;
        let election = securepoll::import(dump, id).with_context(|| {
            format!(
                "{dump_name}: election {} not imported",
                dump.entity.id.as_deref().unwrap_or("without <id>")
            )
        })?;
        imported.push(election);
    }
    let several = imported.len() > 1;
    let mut stdout = String::new();
    let mut definitions = Vec::new();
    for (n, election) in imported.iter().enumerate() {
        let label = election
            .securepoll_id
            .clone()
            .unwrap_or_else(|| (n + 1).to_string());
        for w in &election.warnings {
            eprintln!(
                "{dump_name}:{}:{}: warning: {}",
                w.at.line, w.at.column, w.message
            );
        }
        let definition = serde_json::to_string_pretty(&election.election.to_spec())?;
        match &args.out {
            Some(out) => {
                let path = if several {
                    with_suffix(out, &label, None)
                } else {
                    out.clone()
                };
                write(&path, &(definition + "\n"))?;
                eprintln!("wrote {}", path.display());
            }
            None => definitions.push(definition),
        }
        write_ballots(args, election, several.then_some(label.as_str()))?;
        eprintln!("{}", summary(election, &label));
    }
    if !definitions.is_empty() {
        if several {
            stdout = format!("[\n{}\n]\n", definitions.join(",\n"));
        } else {
            stdout = definitions.concat() + "\n";
        }
    }
    Ok(stdout)
}

fn summary(imported: &Imported, label: &str) -> String {
    let election = &imported.election;
    let options: usize = election.questions().iter().map(|q| q.options.len()).sum();
    format!(
        "election {label} ({}): {} question(s), {options} option(s), languages {}, {} vote(s) imported, {} warning(s)",
        election.title().default_text(),
        election.questions().len(),
        election
            .languages()
            .iter()
            .map(|l| l.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        imported.ballots.len(),
        imported.warnings.len()
    )
}

fn write_ballots(
    args: &SecurePollArgs,
    imported: &Imported,
    election_label: Option<&str>,
) -> anyhow::Result<()> {
    if imported.ballots.is_empty() {
        return Ok(());
    }
    let Some(base) = &args.ballots else {
        eprintln!(
            "the dump has {} counted vote(s); --ballots FILE writes them for `urna tally`",
            imported.ballots.len()
        );
        return Ok(());
    };
    let questions = imported.election.questions();
    for (index, question) in questions.iter().enumerate() {
        let Some(file) = imported
            .ballot_file(index)
            .with_context(|| format!("question {}: the ballots", question.id))?
        else {
            continue;
        };
        let mut label = election_label.map(str::to_owned);
        if questions.len() > 1 {
            label = Some(match label {
                Some(l) => format!("{l}-{}", question.id),
                None => question.id.to_string(),
            });
        }
        let path = match &label {
            Some(l) => with_suffix(base, l, Some(file.extension)),
            None => base.with_extension(file.extension),
        };
        write(&path, &file.contents)?;
        eprintln!(
            "wrote {} (count it: urna tally {} --method {})",
            path.display(),
            path.display(),
            question.method.name()
        );
    }
    Ok(())
}

/// `dir/election.json` + `50` → `dir/election-50.json`.
fn with_suffix(path: &Path, suffix: &str, extension: Option<&str>) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let extension = extension
        .map(str::to_owned)
        .or_else(|| path.extension().map(|e| e.to_string_lossy().into_owned()));
    let name = match extension {
        Some(e) => format!("{stem}-{suffix}.{e}"),
        None => format!("{stem}-{suffix}"),
    };
    path.with_file_name(name)
}

fn write(path: &Path, contents: &str) -> anyhow::Result<()> {
    std::fs::write(path, contents).with_context(|| format!("cannot write {}", path.display()))
}
