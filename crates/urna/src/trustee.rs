//! `urna trustee`: the trustee's offline tool. Every step reads and writes files; the secret
//! file never leaves the trustee's machine and is only ever written with mode 0600.
//!
//! - `init`: a new long-term key pair (secret file) and its public identity file.
//! - `dkg-round1`, `dkg-round2`: the two rounds of the election key generation.
//! - `decrypt`: decryption shares, with proofs, for a frozen ballot set.
//! - `decrypt-tally`: the partial decryption of a verifiable election's encrypted tally, which
//!   the trustee recomputes from the published record (docs/record-format.md §8).
//! - `mix`: one mixer's verifiable shuffle of ciphertext vectors, with its proof
//!   (docs/record-format.md, "Appendix: shuffles").
//!
//! The cryptography lives in `urna_crypto`; this module only does file I/O.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use clap::{Args, Subcommand};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::HashMap;

use urna_crypto::record::{self, EncryptedTallyBody};
use urna_crypto::{
    Digest, DkgRound1, ElectionSetup, FrozenSet, TrusteeName, TrusteeSecret, board,
    decrypt_tally as decrypt_tally_with, decryption_shares, dkg_round1, dkg_round2, os_rng,
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
    /// Partial decryption of a verifiable election's tally: checks the record up to the
    /// freeze, recomputes the encrypted tally from its counted ballots and decrypts only that.
    DecryptTally {
        /// The election record (JSON Lines) downloaded from the board.
        #[arg(long)]
        record: PathBuf,
        #[arg(long)]
        secret: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
    // --- shuffle: urna trustee mix ---
    /// Mix: shuffle the ciphertext vectors of a mix input file (re-encrypting every one) and
    /// prove the shuffle; writes the shuffled vectors and the proof. Needs no secret file.
    Mix {
        /// The mix input (election key, seed, ciphertext vectors; docs/record-format.md,
        /// "Appendix: shuffles").
        #[arg(long = "in", value_name = "MIX_IN.json")]
        input: PathBuf,
        /// The mix output to write.
        #[arg(long, value_name = "MIX_OUT.json")]
        out: PathBuf,
    },
    // --- end shuffle ---
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
        TrusteeCommand::DecryptTally {
            record,
            secret,
            out,
        } => decrypt_tally(&record, &secret, &out),
        // --- shuffle ---
        TrusteeCommand::Mix { input, out } => mix(&input, &out),
        // --- end shuffle ---
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

/// `decrypt-tally`: never trusts the record's own `encrypted_tally`: the record must check
/// out up to the freeze (chain, tree heads, set-up, every ballot), and the tally decrypted is
/// the one recomputed here, refused if the published one differs.
pub(crate) fn decrypt_tally(record_path: &Path, secret_path: &Path, out: &Path) -> Result<String> {
    let secret = read_secret(secret_path)?;
    let text = fs::read_to_string(record_path)
        .with_context(|| format!("reading {}", record_path.display()))?;
    let (events, published) = frozen_record(&text)
        .with_context(|| format!("checking the record {}", record_path.display()))?;
    let setup = record::setup_of(&events)?;
    let recomputed = record::recompute_tally(&events)?;
    let ours = EncryptedTallyBody::from(&recomputed);
    if ours != published {
        bail!(
            "the record's encrypted tally ({}) is not the product of its counted ballots ({}): \
             refusing to decrypt it",
            published.tally_digest,
            ours.tally_digest
        );
    }
    let trustee_setup = &setup.trustee_setup;
    let key_share = secret.share_for(&trustee_setup.digest()).with_context(|| {
        format!(
            "{} holds no key share for election {} (run dkg-round2 first)",
            secret_path.display(),
            trustee_setup.election_id()
        )
    })?;
    let partial = decrypt_tally_with(&setup.election_key, key_share, &recomputed, &mut os_rng())?;
    write_public(out, &to_json(&partial)?)?;
    Ok(format!(
        "wrote {}: partial decryption of the tally {} ({} ballots, weight {}) as trustee {}\n",
        out.display(),
        recomputed.digest(),
        recomputed.ballots(),
        recomputed.weight(),
        trustee_setup.label(partial.trustee)
    ))
}

/// The record's events up to and including `encrypted_tally`, checked: the chain (heights,
/// parents), every tree head's root and board signature, the set-up's board key proof and
/// election digest, every ballot's proofs and signature, no credential key reused by another
/// credential. Returns them with the published `encrypted_tally`.
fn frozen_record(text: &str) -> Result<(Vec<record::Event>, EncryptedTallyBody)> {
    let mut events = record::read_record(text)?;
    let Some(end) = events
        .iter()
        .position(|e| matches!(e.body, record::EventBody::EncryptedTally(_)))
    else {
        bail!("the record has no encrypted tally yet: wait until the ballots are frozen");
    };
    events.truncate(end + 1);
    let setup = record::setup_of(&events)?.clone();
    let Some(params) = &setup.parameters else {
        bail!("this is not a verifiable election: its trustees use `urna trustee decrypt`");
    };
    if params.digest() != setup.election_digest {
        bail!(
            "the set-up's election digest {} is not the digest of its parameters {}",
            setup.election_digest,
            params.digest()
        );
    }
    board::verify_board_key(
        &setup.board_key,
        &setup.election_digest,
        &setup.board_key_proof,
    )?;
    let leaves: Vec<Digest> = events.iter().map(|e| e.hash).collect();
    let mut keys: HashMap<Vec<u8>, record::Credential> = HashMap::new();
    for event in &events {
        match &event.body {
            record::EventBody::TreeHead(head) => {
                let height = usize::try_from(event.height)?;
                if head.size != event.height || head.root != board::root(&leaves[..height]) {
                    bail!(
                        "the tree head at height {} does not cover the events before it",
                        event.height
                    );
                }
                head.verify(&setup.board_key, &setup.election_digest)?;
            }
            record::EventBody::Ballot(ballot) => {
                let record::BallotBody::Verifiable(body) = ballot.as_ref() else {
                    bail!(
                        "a sealed ballot at height {} in a verifiable election",
                        event.height
                    );
                };
                body.ballot
                    .verify(params)
                    .with_context(|| format!("the ballot at height {}", event.height))?;
                let key = serde_json::to_vec(body.ballot.credential_key())?;
                if let Some(other) = keys.insert(key, body.credential)
                    && other != body.credential
                {
                    bail!(
                        "the ballot at height {} reuses another credential's key",
                        event.height
                    );
                }
            }
            _ => {}
        }
    }
    let Some(record::EventBody::EncryptedTally(published)) = events.last().map(|e| &e.body) else {
        bail!("the record has no encrypted tally");
    };
    let published = published.as_ref().clone();
    Ok((events, published))
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

// --- shuffle: urna trustee mix ---
/// Shuffles and proves a mix input; the output is compact JSON (it holds every ballot).
fn mix(input_path: &Path, out: &Path) -> Result<String> {
    use urna_crypto::shuffle::{MixInput, mix as mix_with};
    let input: MixInput = read_json(input_path)?;
    let started = std::time::Instant::now();
    let output = mix_with(&input, &mut os_rng())
        .with_context(|| format!("mixing {}", input_path.display()))?;
    let elapsed = started.elapsed();
    let mut json = serde_json::to_string(&output)?;
    json.push('\n');
    write_public(out, &json)?;
    Ok(format!(
        "wrote {}: {} ballots of {} ciphertexts shuffled and proved in {:.1} s (inputs {})\n",
        out.display(),
        output.ciphertexts.len(),
        output.ciphertexts.width(),
        elapsed.as_secs_f64(),
        output.inputs
    ))
}
// --- end shuffle ---
