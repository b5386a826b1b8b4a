//! `urna`: the command-line interface. Errors end here as one line on stderr and a non-zero
//! exit status; nothing is printed on stdout when a command fails.

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

// --- webauth ---
/// mimalloc instead of the system allocator: `urna bench vote` measured the server spending
/// a tenth of its time in glibc's malloc and free.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod admin;
mod backup;
mod bench;
// --- countbench ---
mod bench_count;
// --- end countbench ---
mod bench_verify;
// --- faults: urna bench crash ---
mod bench_crash;
// --- end faults ---
// --- shuffle: urna bench shuffle ---
mod bench_shuffle;
// --- end shuffle ---
// --- notify: urna bench mail ---
mod bench_mail;
// --- end notify ---
mod dev;
mod progress;
mod record_synth;
mod serve;
mod state_args;
mod tally;
mod trustee;
// --- verifier ---
mod verify;
// --- end verifier ---
// --- securepoll import (issue 6) ---
mod import;
// scrutiny and purge (issue 7)
mod purge;
// --- end securepoll import ---
// --- rehearsal (issue 7) ---
mod rehearse;
// --- end rehearsal ---
// --- eligibility from wiki data (wikielig branch) ---
mod eligibility;
// --- end eligibility from wiki data ---
// --- i18n: exports and per-election translations (issue 6) ---
mod export;
mod translations;
// --- end i18n ---

#[derive(Debug, Parser)]
#[command(
    name = "urna",
    version,
    about = "Urna: elections a community can trust"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Count a ballot file (BLT, CSV or JSON) with a counting method.
    Tally(tally::TallyArgs),
    /// Run the election server.
    Serve(serve::ServeArgs),
    /// Trustee tools: key pair, election key generation, decryption shares (offline).
    Trustee(trustee::TrusteeArgs),
    /// Site administration: create the first operator account.
    Admin(admin::AdminArgs),
    /// Copy a server's database and key into a backup directory (safe while it runs).
    Backup(backup::BackupArgs),
    /// Make a fresh server's state from a backup directory, then migrate it.
    Restore(backup::RestoreArgs),
    /// Load generators: `urna bench vote` casts ballots over HTTP with concurrent voters.
    Bench(bench::BenchArgs),
    /// Tools for Urna's own development (test records).
    #[command(hide = true)]
    Dev(dev::DevArgs),
    // --- verifier ---
    /// Verify a public election record (V1-V10) or an audited ballot; exit 0 iff nothing fails.
    Verify(verify::VerifyArgs),
    // --- end verifier ---
    // --- securepoll import (issue 6) ---
    /// Import an election from another system: `urna import securepoll DUMP.xml`.
    Import(import::ImportArgs),
    // --- end securepoll import ---
    // --- scrutiny and purge (issue 7) ---
    /// Delete a closed election's private data now: `urna purge --election SLUG`.
    Purge(purge::PurgeArgs),
    // --- end scrutiny and purge ---
    // --- rehearsal (issue 7) ---
    /// Run an election on a throwaway copy before it opens; exit 1 if anything would break.
    Rehearse(rehearse::RehearseArgs),
    // --- end rehearsal ---
    // --- eligibility from wiki data (wikielig branch) ---
    /// Eligibility from wiki data: rules, the snapshot fetched from the wikis, the voter list.
    Eligibility(eligibility::EligibilityArgs),
    // --- end eligibility from wiki data ---
    // --- i18n: exports and per-election translations (issue 6) ---
    /// Export an election: `urna export securepoll` (XML dump), `urna export blt` (counted
    /// ballots).
    Export(export::ExportArgs),
    /// Per-election translations as translatewiki JSON: `urna translations export|import`.
    Translations(translations::TranslationsArgs),
    // --- end i18n ---
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Tally(args) => tally::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Trustee(args) => trustee::run(args),
        Command::Admin(args) => admin::run(args),
        Command::Backup(args) => backup::backup(args),
        Command::Restore(args) => backup::restore(args),
        Command::Bench(args) => bench::run(args),
        Command::Dev(args) => dev::run(args),
        // --- verifier: its own exit statuses (1 failed check, 2 unreadable input) ---
        Command::Verify(args) => return verify::run(args),
        // --- end verifier ---
        // --- securepoll import (issue 6) ---
        Command::Import(args) => import::run(args),
        // --- end securepoll import ---
        // --- scrutiny and purge (issue 7) ---
        Command::Purge(args) => purge::run(args),
        // --- end scrutiny and purge ---
        // --- rehearsal (issue 7): exit 1 on an error finding, 2 if it cannot run ---
        Command::Rehearse(args) => return rehearse::run(args),
        // --- end rehearsal ---
        // --- eligibility from wiki data (wikielig branch) ---
        Command::Eligibility(args) => eligibility::run(args),
        // --- end eligibility from wiki data ---
        // --- i18n: exports and per-election translations (issue 6) ---
        Command::Export(args) => export::run(args),
        Command::Translations(args) => translations::run(args),
        // --- end i18n ---
    };
    match result {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`urna tally … | head`) is not an error worth a message.
            let _ = stdout.write_all(output.as_bytes());
            let _ = stdout.flush();
            ExitCode::SUCCESS
        }
        Err(e) => {
            let msg = format!("{e:#}").replace('\n', " ");
            let _ = writeln!(std::io::stderr(), "urna: error: {msg}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        super::Cli::command().debug_assert();
    }
}
