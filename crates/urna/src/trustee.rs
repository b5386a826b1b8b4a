//! `urna trustee`: the trustee's offline tool. Every step reads and writes files; the secret
//! file never leaves the trustee's machine and is only ever written with mode 0600.
//!
//! - `init`: a new long-term key pair (secret file) and its public identity file.
//! - `dkg-round1`, `dkg-round2`: the two rounds of the election key generation.
//! - `decrypt`: decryption shares, with proofs, for a frozen ballot set.
//! - `decrypt-tally`: the partial decryption of a verifiable election's encrypted tally, which
//!   the trustee recomputes from the published record (docs/record-format.md §8).
//! - `mix`: one mixer's verifiable shuffle of ciphertext vectors, with its proof
//!   (docs/record-format.md, "Appendix: shuffles"): of a mix input file (`--in`), or, with
//!   `--record` and `--secret`, of a mixnet election's record: the record checked, the chain of
//!   shuffles so far verified, the last vectors shuffled under the next mixer's seed and the
//!   output signed as a `shuffle` event body for the server (A.7).
//! - `decrypt-mix`: the trustee's decryption of a mixnet election's last shuffle output, after
//!   checking the record and every shuffle (`record::verified_mix_chain`).
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
    /// Mix: shuffle ciphertext vectors (re-encrypting every one) and prove the shuffle: of a mix
    /// input file (`--in`, no secret needed), or as the next mixer of a mixnet election's record
    /// (`--record` with `--secret`: the output is signed for upload).
    Mix {
        /// The mix input (election key, seed, ciphertext vectors; docs/record-format.md,
        /// "Appendix: shuffles").
        #[arg(
            long = "in",
            value_name = "MIX_IN.json",
            required_unless_present = "record",
            conflicts_with = "record"
        )]
        input: Option<PathBuf>,
        /// A mixnet election's record (JSON Lines from the board): shuffle the output of its
        /// last shuffle (or its mix input) as the next mixer, signing with `--secret`.
        #[arg(long, value_name = "RECORD.jsonl", requires = "secret")]
        record: Option<PathBuf>,
        /// The trustee's secret file (with `--record`).
        #[arg(long, requires = "record")]
        secret: Option<PathBuf>,
        /// The mix output to write (with `--record`: the signed shuffle to upload).
        #[arg(long, value_name = "MIX_OUT.json")]
        out: PathBuf,
    },
    /// Decrypt a mixnet election's shuffled ballots: checks the record and every shuffle, then
    /// writes this trustee's decryption shares, with proofs, of the last shuffle's output.
    DecryptMix {
        /// The election record (JSON Lines) downloaded from the board.
        #[arg(long)]
        record: PathBuf,
        #[arg(long)]
        secret: PathBuf,
        #[arg(long)]
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
        TrusteeCommand::Mix {
            input,
            record,
            secret,
            out,
        } => match (input, record, secret) {
            (Some(input), _, _) => mix(&input, &out),
            (None, Some(record), Some(secret)) => mix_record(&record, &secret, &out),
            _ => bail!("give either --in MIX_IN.json, or --record RECORD.jsonl with --secret"),
        },
        TrusteeCommand::DecryptMix {
            record,
            secret,
            out,
        } => decrypt_mix(&record, &secret, &out),
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

/// The record's events up to and including `encrypted_tally`, checked by [`check_events`].
/// Returns them with the published `encrypted_tally`.
fn frozen_record(text: &str) -> Result<(Vec<record::Event>, EncryptedTallyBody)> {
    let mut events = record::read_record(text)?;
    let Some(end) = events
        .iter()
        .position(|e| matches!(e.body, record::EventBody::EncryptedTally(_)))
    else {
        bail!("the record has no encrypted tally yet: wait until the ballots are frozen");
    };
    events.truncate(end + 1);
    check_events(&events)?;
    let Some(record::EventBody::EncryptedTally(published)) = events.last().map(|e| &e.body) else {
        bail!("the record has no encrypted tally");
    };
    let published = published.as_ref().clone();
    Ok((events, published))
}

/// Checks a verifiable or mixnet election's record as far as it goes: the chain (heights,
/// parents, by `read_record`), every tree head's root and board signature, the set-up's board
/// key proof and election digest, every ballot's proofs and signature (§4, or A.6 in a mixnet
/// election), no credential key reused by another credential.
fn check_events(events: &[record::Event]) -> Result<()> {
    let setup = record::setup_of(events)?.clone();
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
    for event in events {
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
                let (credential, key) = match (ballot.as_ref(), params.is_mixnet()) {
                    (record::BallotBody::Verifiable(body), false) => {
                        body.ballot
                            .verify(params)
                            .with_context(|| format!("the ballot at height {}", event.height))?;
                        (body.credential, body.ballot.credential_key())
                    }
                    (record::BallotBody::Ranked(body), true) => {
                        body.ranked_ballot
                            .verify(params)
                            .with_context(|| format!("the ballot at height {}", event.height))?;
                        (body.credential, body.ranked_ballot.credential_key())
                    }
                    _ => bail!(
                        "the ballot at height {} is not of this election's kind",
                        event.height
                    ),
                };
                let key = serde_json::to_vec(key)?;
                if let Some(other) = keys.insert(key, credential)
                    && other != credential
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
    Ok(())
}

/// A mixnet election's record, read and checked ([`check_events`]), with its set-up.
fn mixnet_record(record_path: &Path) -> Result<Vec<record::Event>> {
    let text = fs::read_to_string(record_path)
        .with_context(|| format!("reading {}", record_path.display()))?;
    let events = record::read_record(&text)
        .with_context(|| format!("reading the record {}", record_path.display()))?;
    check_events(&events)
        .with_context(|| format!("checking the record {}", record_path.display()))?;
    let setup = record::setup_of(&events)?;
    if !setup.parameters.as_ref().is_some_and(|p| p.is_mixnet()) {
        bail!("this is not a mixnet election: its trustees use `urna trustee decrypt-tally`");
    }
    Ok(events)
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

/// `mix --record`: the next shuffle of a mixnet election, after checking the record and the
/// shuffles before it with the code the server and verifiers run (`mix_chain_so_far`);
/// refused once decryption has begun or if this trustee has mixed already.
fn mix_record(record_path: &Path, secret_path: &Path, out: &Path) -> Result<String> {
    use urna_crypto::shuffle::{MixInput, mix as mix_with};
    let secret = read_secret(secret_path)?;
    let events = mixnet_record(record_path)?;
    let setup = record::setup_of(&events)?;
    if events
        .iter()
        .any(|e| matches!(e.body, record::EventBody::MixedDecryption(_)))
    {
        bail!("the shuffled ballots are being decrypted already: no more shuffles are taken");
    }
    let chain = record::mix_chain_so_far(&events)
        .with_context(|| format!("checking the shuffles of {}", record_path.display()))?;
    let trustee = setup.trustee_setup.index_of(&secret)?;
    if chain.mixers.contains(&trustee) {
        bail!(
            "trustee {} has shuffled these ballots already; another trustee must shuffle next",
            setup.trustee_setup.label(trustee)
        );
    }
    let mixer = chain.next_mixer();
    let input = MixInput {
        v: urna_crypto::encoding::V1,
        election_key: setup.election_key.clone(),
        seed: record::mix_seed(&setup.election_digest, mixer),
        ciphertexts: chain.vectors,
    };
    let started = std::time::Instant::now();
    let mut rng = os_rng();
    let output = mix_with(&input, &mut rng).context("shuffling the ballots")?;
    let elapsed = started.elapsed();
    let shuffle =
        record::ShuffleBody::sign(mixer, output, &setup.trustee_setup, &secret, &mut rng)?;
    let mut json = serde_json::to_string(&shuffle)?;
    json.push('\n');
    write_public(out, &json)?;
    Ok(format!(
        "wrote {}: shuffle {mixer} by trustee {}: {} ballots of {} ciphertexts shuffled and proved in {:.1} s\n",
        out.display(),
        setup.trustee_setup.label(trustee),
        shuffle.output.ciphertexts.len(),
        shuffle.output.ciphertexts.width(),
        elapsed.as_secs_f64(),
    ))
}

/// `decrypt-mix`: decrypts only the last output of a chain of shuffles it has verified itself
/// (`verified_mix_chain`: enough shuffles, by different trustees, every proof valid).
fn decrypt_mix(record_path: &Path, secret_path: &Path, out: &Path) -> Result<String> {
    let secret = read_secret(secret_path)?;
    let events = mixnet_record(record_path)?;
    let setup = record::setup_of(&events)?;
    let vectors = record::verified_mix_chain(&events)
        .with_context(|| format!("checking the shuffles of {}", record_path.display()))?;
    let trustee_setup = &setup.trustee_setup;
    let key_share = secret.share_for(&trustee_setup.digest()).with_context(|| {
        format!(
            "{} holds no key share for election {} (run dkg-round2 first)",
            secret_path.display(),
            trustee_setup.election_id()
        )
    })?;
    let partial = urna_crypto::shuffle::decrypt_mixed(
        &setup.election_key,
        key_share,
        &vectors,
        &mut os_rng(),
    )?;
    let mut json = serde_json::to_string(&partial)?;
    json.push('\n');
    write_public(out, &json)?;
    Ok(format!(
        "wrote {}: decryption of {} shuffled ballots ({}) as trustee {}\n",
        out.display(),
        vectors.len(),
        partial.ciphertexts,
        trustee_setup.label(partial.trustee)
    ))
}
// --- end shuffle ---
