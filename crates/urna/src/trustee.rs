//! `urna trustee`: the trustee's offline tool. Every step reads and writes files; the secret
//! file never leaves the trustee's machine and is only ever written with mode 0600.
//!
//! - `init`: a new long-term key pair (secret file) and its public identity file.
//! - `dkg-round1`, `dkg-round2`: the two rounds of the election key generation.
//! - `decrypt`: decryption shares, with proofs, for a frozen ballot set.
//!
//! The cryptography lives in `urna_crypto`; this module only does file I/O.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use clap::{Args, Subcommand};
use serde::Serialize;
use serde::de::DeserializeOwned;
use urna_crypto::{
    DkgRound1, ElectionSetup, FrozenSet, TrusteeName, TrusteeSecret, decryption_shares, dkg_round1,
    dkg_round2, os_rng,
};

#[derive(Debug, Args)]
pub struct TrusteeArgs {
    #[command(subcommand)]
    command: TrusteeCommand,
}

#[derive(Debug, Subcommand)]
enum TrusteeCommand {
    /// Create a trustee key pair: a secret file (mode 0600) and a public file for the server.
    Init {
        /// The trustee's name, as the election's administrators know it.
        #[arg(long)]
        name: String,
        /// Secret file to create (refuses to overwrite one).
        #[arg(long)]
        out: PathBuf,
        /// Public file (default: the secret file's name with `.secret.json` replaced by
        /// `.public.json`).
        #[arg(long)]
        public: Option<PathBuf>,
    },
    /// Key generation, round 1: commitments and encrypted shares for the other trustees.
    DkgRound1 {
        #[arg(long)]
        secret: PathBuf,
        /// The election set-up written by the server.
        #[arg(long)]
        setup: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
    /// Key generation, round 2: check everyone's round 1, store this trustee's key share.
    DkgRound2 {
        #[arg(long)]
        secret: PathBuf,
        #[arg(long)]
        setup: PathBuf,
        /// Every trustee's round 1 file, or a directory holding them as `*.round1.json`.
        #[arg(long, num_args = 1.., required = true)]
        round1: Vec<PathBuf>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Decryption shares with proofs for every ballot of a frozen ballot set.
    Decrypt {
        #[arg(long)]
        secret: PathBuf,
        #[arg(long)]
        setup: PathBuf,
        /// The frozen, shuffled ballot set published by the server.
        #[arg(long)]
        ballots: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn run(args: TrusteeArgs) -> Result<String> {
    match args.command {
        TrusteeCommand::Init { name, out, public } => init(&name, &out, public),
        TrusteeCommand::DkgRound1 { secret, setup, out } => round1(&secret, &setup, &out),
        TrusteeCommand::DkgRound2 {
            secret,
            setup,
            round1,
            out,
        } => round2(&secret, &setup, &round1, &out),
        TrusteeCommand::Decrypt {
            secret,
            setup,
            ballots,
            out,
        } => decrypt(&secret, &setup, &ballots, &out),
    }
}

fn init(name: &str, out: &Path, public: Option<PathBuf>) -> Result<String> {
    let name = TrusteeName::parse(name)?;
    let secret = TrusteeSecret::generate(name, &mut os_rng())?;
    let public_path = public.unwrap_or_else(|| public_path_for(out));
    if public_path == out {
        bail!(
            "the public file would overwrite the secret file {}",
            out.display()
        );
    }
    write_secret(out, &secret, true)?;
    let public_json = to_json(&secret.public)?;
    write_public(&public_path, &public_json)?;
    Ok(public_json)
}

fn public_path_for(secret: &Path) -> PathBuf {
    let file = secret
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let public = match file.strip_suffix(".secret.json") {
        Some(stem) => format!("{stem}.public.json"),
        None => format!("{file}.public.json"),
    };
    secret.with_file_name(public)
}

fn round1(secret_path: &Path, setup_path: &Path, out: &Path) -> Result<String> {
    let secret = read_secret(secret_path)?;
    let setup: ElectionSetup = read_json(setup_path)?;
    let message = dkg_round1(&secret, &setup, &mut os_rng())?;
    write_public(out, &to_json(&message)?)?;
    Ok(format!(
        "wrote {}: round 1 of election {} as trustee {} of {} (threshold {})\n",
        out.display(),
        setup.election_id(),
        setup.label(message.dealer),
        setup.trustees().len(),
        setup.threshold()
    ))
}

fn round1_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = fs::read_dir(path)
                .with_context(|| format!("reading directory {}", path.display()))?
                .map(|entry| entry.map(|e| e.path()))
                .collect::<Result<_, _>>()
                .with_context(|| format!("reading directory {}", path.display()))?;
            found.retain(|p| p.to_string_lossy().ends_with(".round1.json"));
            found.sort();
            if found.is_empty() {
                bail!("directory {} holds no *.round1.json file", path.display());
            }
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn round2(secret_path: &Path, setup_path: &Path, round1: &[PathBuf], out: &Path) -> Result<String> {
    let mut secret = read_secret(secret_path)?;
    let setup: ElectionSetup = read_json(setup_path)?;
    let messages = round1_files(round1)?
        .iter()
        .map(|p| read_json::<DkgRound1>(p))
        .collect::<Result<Vec<_>>>()?;
    let message = dkg_round2(&mut secret, &setup, &messages, &mut os_rng())?;
    // The key share is saved before the public message exists, so a published round 2 always
    // has its share on disk.
    write_secret(secret_path, &secret, false)?;
    write_public(out, &to_json(&message)?)?;
    Ok(format!(
        "checked {} round 1 messages; stored the key share of election {} in {}; wrote {}\n",
        messages.len(),
        setup.election_id(),
        secret_path.display(),
        out.display()
    ))
}

/// `urna trustee decrypt` (also run by `urna bench count`, so the benchmark times this path).
pub(crate) fn decrypt(
    secret_path: &Path,
    setup_path: &Path,
    ballots: &Path,
    out: &Path,
) -> Result<String> {
    let secret = read_secret(secret_path)?;
    let setup: ElectionSetup = read_json(setup_path)?;
    let key_share = secret.share_for(&setup.digest()).with_context(|| {
        format!(
            "{} holds no key share for election {} (run dkg-round2 first)",
            secret_path.display(),
            setup.election_id()
        )
    })?;
    let set: FrozenSet = read_json(ballots)?;
    let shares = decryption_shares(key_share, &set, &mut os_rng())?;
    write_public(out, &to_json(&shares)?)?;
    Ok(format!(
        "wrote {}: decryption shares for {} ballots (set {}) as trustee {}\n",
        out.display(),
        set.ballots.len(),
        shares.ballot_set,
        setup.label(shares.trustee)
    ))
}

fn read_json<T: DeserializeOwned>(path: &Path) -> Result<T> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("reading {}", path.display()))
}

pub(crate) fn to_json<T: Serialize>(value: &T) -> Result<String> {
    let mut json = serde_json::to_string_pretty(value)?;
    json.push('\n');
    Ok(json)
}

fn read_secret(path: &Path) -> Result<TrusteeSecret> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path)
            .with_context(|| format!("reading {}", path.display()))?
            .permissions()
            .mode();
        if mode & 0o077 != 0 {
            bail!(
                "{} is readable by other users (mode {:o}); run `chmod 600 {}`",
                path.display(),
                mode & 0o777,
                path.display()
            );
        }
    }
    let secret: TrusteeSecret = read_json(path)?;
    secret
        .check()
        .with_context(|| format!("checking {}", path.display()))?;
    Ok(secret)
}

/// Writes the secret file with mode 0600: a new file (`create` refuses to replace one), or an
/// update written beside the old one and renamed over it, so a crash leaves one of the two.
pub(crate) fn write_secret(path: &Path, secret: &TrusteeSecret, create: bool) -> Result<()> {
    let json = to_json(secret)?;
    let target = if create {
        path.to_path_buf()
    } else {
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(".tmp");
        PathBuf::from(tmp)
    };
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&target).with_context(|| {
        if create {
            format!("creating {} (it must not exist yet)", target.display())
        } else {
            format!(
                "creating {} (remove it if a previous run was interrupted)",
                target.display()
            )
        }
    })?;
    file.write_all(json.as_bytes())
        .and_then(|()| file.sync_all())
        .with_context(|| format!("writing {}", target.display()))?;
    if !create {
        fs::rename(&target, path)
            .with_context(|| format!("replacing {} with {}", path.display(), target.display()))?;
    }
    Ok(())
}

fn write_public(path: &Path, json: &str) -> Result<()> {
    fs::write(path, json).with_context(|| format!("writing {}", path.display()))
}
