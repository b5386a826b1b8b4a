//! Election records made in memory from a seed, by the library calls the server and the
//! trustees make (urna-crypto's key ceremony, ballots, board and tally; urna-core's answers as
//! bits and its counts; urna-tally's count from totals), for the verifier's published test
//! vectors (`urna dev test-records`) and its benchmark (`urna bench verify`).
//!
//! A record can be made with one deliberate [`Fault`]. Everything after the fault is computed
//! honestly from the faulty state, as a dishonest server working with honest trustees would,
//! so that the record fails exactly one verifier check (docs/record-format.md §7).
//!
//! Determinism: the same scenario, seed and fault give the same bytes. Each ballot draws from
//! its own generator seeded from (seed, position), so ballots are made on every core.

use std::collections::{BTreeSet, HashMap};

use anyhow::{Context, bail};
use rand_chacha::ChaCha20Rng;
use rand_core::{Rng, SeedableRng};
use rayon::prelude::*;
use serde_json::{Value, json};
use sha2::{Digest as _, Sha256};
use urna_core::ballot::{Answer, PlainBallot};
use urna_core::question::{BallotType, Question};
use urna_crypto::board::{BoardKey, EventType, RecordWriter, root};
use urna_crypto::encoding::V1;
use urna_crypto::homomorphic::TallyCiphertext;
use urna_crypto::homomorphic::{
    CredentialSecret, ElectionParams, EncryptedBallot, EncryptedTally, combine_tally,
    decrypt_tally, encrypt_ballot,
};
use urna_crypto::ranked::{RankedBallot, RankedLayout, block_point};
use urna_crypto::ranked_ballot::{encrypt_points, encrypt_ranked_ballot};
use urna_crypto::record::{
    BallotBody, BallotsFormat, Credential, CredentialBody, DecryptedBallotsBody, DkgMessages,
    EncryptedTallyBody, EndBallotsBody, MixInputBody, RankedBallotBody, ResultBody, ResultOptions,
    SealedBallotBody, SealedBy, SetAside, SetupBody, ShuffleBody, StrikesFrozenBody,
    VerifiableBallotBody, VoterRollBody, mix_input_vectors, mix_seed, read_record,
    sealed_election_digest,
};
use urna_crypto::shuffle::{
    CiphertextVectors, MixInput, combine_mixed_decryption, decrypt_mixed, mix,
};
use urna_crypto::{
    ElectionId, ElectionKey, ElectionSetup, TrusteeName, TrusteeSecret, combine_public, dkg_round1,
    dkg_round2,
};

/// What an election looks like: its questions (urna-core's JSON), its voters and what they do.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub name: String,
    /// `QuestionSpec`s, as the JSON API takes them.
    pub questions: Value,
    pub voters: usize,
    /// Voters who vote a second time (the first `revotes`, after everyone else).
    pub revotes: usize,
    /// Credentials struck before counting; the first of them is then unstruck.
    pub strikes: usize,
    /// Voters weigh 1 to 3 instead of 1.
    pub weighted: bool,
    /// Ballots per published batch (a tree head follows each).
    pub batch: usize,
    /// Counted through the mixnet (all questions ranked; A.7): ranked ballots, two signed
    /// shuffles, decryption of the mixed points, one ballot planted that decodes to no valid
    /// ranking and is set aside.
    pub mixnet: bool,
}

/// One deliberate fault, and the verifier check it must fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// `setup.election_digest` is not the digest of the parameters (V1).
    WrongElectionDigest,
    /// A trustee's DKG round 1 signature is altered (V2).
    BadDkgSignature,
    /// One ballot's first bit proof is altered (V3).
    BadBallotProof,
    /// `strikes_frozen` claims one more counted ballot than the board holds (V4).
    CountedOffByOne,
    /// The encrypted tally counts the first counted ballot twice, and is decrypted (V5).
    StuffedTally,
    /// One of the two partial decryptions has an altered proof, leaving fewer than k (V7).
    BadDecryptionShare,
    /// The first question's report lists its elected candidates in another order (V8).
    AlteredReport,
    /// Mixnet: one ranked ballot's first point proof is altered (V3).
    BadPointProof,
    /// Mixnet: the mix input holds the first counted ballot twice; shuffled and decrypted (V5).
    StuffedMixInput,
    /// Mixnet: the first mixer's output has one ballot replaced by a copy of another (V6).
    DuplicatingShuffle,
    /// Mixnet: one of the two mixed decryptions has an altered proof (V7).
    BadMixedDecryption,
    /// Mixnet: a valid decoded ballot is missing from the published BLT (V8).
    DroppedMixedBallot,
    /// The first tree head's signature is altered (V9).
    BadTreeHeadSignature,
    /// The first ballot is replaced by another valid one: a rewritten history, caught only by
    /// comparing with an older copy of the record (V10).
    RewrittenBallot,
}

impl Fault {
    pub const ALL: [Fault; 14] = [
        Fault::WrongElectionDigest,
        Fault::BadDkgSignature,
        Fault::BadBallotProof,
        Fault::CountedOffByOne,
        Fault::StuffedTally,
        Fault::BadDecryptionShare,
        Fault::AlteredReport,
        Fault::BadTreeHeadSignature,
        Fault::RewrittenBallot,
        Fault::BadPointProof,
        Fault::StuffedMixInput,
        Fault::DuplicatingShuffle,
        Fault::BadMixedDecryption,
        Fault::DroppedMixedBallot,
    ];

    /// The check that must fail, and a file-name slug: `tampered-V5-stuffed-tally`.
    pub fn file_stem(self) -> &'static str {
        match self {
            Fault::WrongElectionDigest => "tampered-V1-wrong-election-digest",
            Fault::BadDkgSignature => "tampered-V2-bad-dkg-signature",
            Fault::BadBallotProof => "tampered-V3-bad-ballot-proof",
            Fault::CountedOffByOne => "tampered-V4-counted-off-by-one",
            Fault::StuffedTally => "tampered-V5-stuffed-tally",
            Fault::BadDecryptionShare => "tampered-V7-bad-decryption-share",
            Fault::AlteredReport => "tampered-V8-altered-report",
            Fault::BadTreeHeadSignature => "tampered-V9-bad-tree-head-signature",
            Fault::RewrittenBallot => "tampered-V10-rewritten-ballot",
            Fault::BadPointProof => "tampered-V3-mixnet-bad-point-proof",
            Fault::StuffedMixInput => "tampered-V5-mixnet-stuffed-mix-input",
            Fault::DuplicatingShuffle => "tampered-V6-mixnet-duplicating-shuffle",
            Fault::BadMixedDecryption => "tampered-V7-mixnet-bad-decryption-share",
            Fault::DroppedMixedBallot => "tampered-V8-mixnet-dropped-ballot",
        }
    }

    /// Faults that only a mixnet election can show.
    pub fn needs_mixnet(self) -> bool {
        matches!(
            self,
            Fault::BadPointProof
                | Fault::StuffedMixInput
                | Fault::DuplicatingShuffle
                | Fault::BadMixedDecryption
                | Fault::DroppedMixedBallot
        )
    }

    /// Faults that only a verifiable (homomorphic) election can show.
    pub fn needs_verifiable(self) -> bool {
        matches!(
            self,
            Fault::BadBallotProof | Fault::StuffedTally | Fault::BadDecryptionShare
        )
    }
}

/// A record, and (for V10 test vectors) the older copy it must be compared with.
pub struct Synthesized {
    pub record: String,
    /// The record as published after its first batch of ballots.
    pub early_copy: String,
}

/// The secret the board key is derived from: fixed per seed (a server's key file in real life).
fn board_secret(seed: u64) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(b"urna record synth board secret");
    h.update(seed.to_be_bytes());
    h.finalize().into()
}

fn sub_rng(seed: u64, stream: &str, index: u64) -> ChaCha20Rng {
    let mut h = Sha256::new();
    h.update(seed.to_be_bytes());
    h.update(stream.as_bytes());
    h.update(index.to_be_bytes());
    ChaCha20Rng::from_seed(h.finalize().into())
}

/// Flips the lowest bit of the first hex digit of the string at `path` (object keys and array
/// indices) in `value`: a one-bit change to a point, scalar or digest.
fn flip_hex(value: &mut Value, path: &[&str]) -> anyhow::Result<()> {
    let mut at = value;
    for key in path {
        at = match key.parse::<usize>() {
            Ok(i) => at.get_mut(i),
            Err(_) => at.get_mut(*key),
        }
        .with_context(|| format!("no {key:?} in the path {path:?}"))?;
    }
    let text = at.as_str().context("not a string")?.to_owned();
    let mut chars: Vec<char> = text.chars().collect();
    let first = chars.first().copied().context("empty hex")?;
    let digit = first.to_digit(16).context("not hex")? ^ 1;
    chars[0] = char::from_digit(digit, 16).context("hex digit")?;
    *at = Value::String(chars.into_iter().collect());
    Ok(())
}

/// A number in `0..n` (n ≥ 1). Modulo bias is irrelevant for test data.
fn below(rng: &mut ChaCha20Rng, n: usize) -> usize {
    (rng.next_u64() % n.max(1) as u64) as usize
}

/// A number in `lo..=hi`.
fn between(rng: &mut ChaCha20Rng, lo: i64, hi: i64) -> i64 {
    lo + below(rng, (hi - lo + 1) as usize) as i64
}

/// A random valid answer to `q`.
fn random_answer(q: &Question, rng: &mut ChaCha20Rng) -> Answer {
    let n = q.options.len();
    let ids = |picks: &[usize]| picks.iter().map(|&i| q.options[i].id.clone()).collect();
    let abstain = below(rng, 100) < 4;
    match q.ballot_type {
        _ if abstain => Answer::Abstain,
        BallotType::ChooseOne => Answer::Choice(q.options[below(rng, n)].id.clone()),
        BallotType::Approval { min, max } => {
            let k = between(rng, min.max(1) as i64, max.max(min.max(1)) as i64) as usize;
            let mut picks: BTreeSet<usize> = BTreeSet::new();
            while picks.len() < k.min(n) {
                picks.insert(below(rng, n));
            }
            Answer::Approvals(ids(&picks.into_iter().collect::<Vec<_>>()))
        }
        BallotType::Score { min, max } => {
            let mut scores = Vec::new();
            for option in &q.options {
                if below(rng, 10) >= 2 {
                    scores.push((option.id.clone(), between(rng, min, max)));
                }
            }
            Answer::Scores(scores)
        }
        BallotType::Ranked { max_ranks, .. } => {
            let mut order: Vec<usize> = (0..n).collect();
            for i in (1..n).rev() {
                order.swap(i, below(rng, i + 1));
            }
            let cap = max_ranks.unwrap_or(n).min(n);
            let len = 1 + below(rng, cap);
            Answer::Ranking(
                order[..len]
                    .iter()
                    .map(|&i| vec![q.options[i].id.clone()])
                    .collect(),
            )
        }
    }
}

struct Election {
    id: ElectionId,
    questions: Vec<Question>,
    secrets: Vec<TrusteeSecret>,
    setup: ElectionSetup,
    dkg: DkgMessages,
    key: ElectionKey,
    params: Option<ElectionParams>,
    digest: urna_crypto::Digest,
}

fn key_ceremony(
    name: &str,
    questions: Vec<Question>,
    mixnet: bool,
    rng: &mut ChaCha20Rng,
) -> anyhow::Result<Election> {
    let id = ElectionId::parse(&format!("urna-test-{name}"))?;
    let mut secrets = (1..=3)
        .map(|i| {
            Ok(TrusteeSecret::generate(
                TrusteeName::parse(&format!("Trustee {i}"))?,
                rng,
            )?)
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let setup = ElectionSetup::new(
        id.clone(),
        2,
        secrets.iter().map(|s| s.public.clone()).collect(),
    )?;
    let round1 = secrets
        .iter()
        .map(|s| dkg_round1(s, &setup, rng))
        .collect::<Result<Vec<_>, _>>()?;
    let round2 = secrets
        .iter_mut()
        .map(|s| dkg_round2(s, &setup, &round1, rng))
        .collect::<Result<Vec<_>, _>>()?;
    let key = combine_public(&setup, &round1, &round2)?;
    let params = if mixnet {
        Some(mixnet_params(&id, &setup, &key, &questions)?)
    } else if urna_core::verifiable::is_verifiable(&questions) {
        // The parameters JSON of §3 is the interface: urna-core writes its questions' part.
        let json = json!({
            "election_id": id.as_str(),
            "setup": setup.digest(),
            "public_key": key.public_key,
            "questions": questions.iter().map(urna_core::verifiable::question_parameters).collect::<Vec<_>>(),
        });
        Some(serde_json::from_value::<ElectionParams>(json).context("election parameters")?)
    } else {
        None
    };
    let digest = match &params {
        Some(p) => p.digest(),
        None => sealed_election_digest(&key, &setup),
    };
    Ok(Election {
        id,
        questions,
        secrets,
        setup,
        dkg: DkgMessages { round1, round2 },
        key,
        params,
        digest,
    })
}

fn ballot_body(
    e: &Election,
    credential: Credential,
    weight: u64,
    answers: Vec<Answer>,
    plant_invalid: bool,
    rng: &mut ChaCha20Rng,
) -> anyhow::Result<BallotBody> {
    match &e.params {
        Some(params) if params.is_mixnet() => {
            let secret = CredentialSecret::generate(rng)?;
            let ballot = if plant_invalid {
                // Each point's first candidate ranked 2 and nobody 1: rank 1 is skipped (A.1).
                let points = e
                    .questions
                    .iter()
                    .map(|q| {
                        let layout = RankedLayout::new(q.options.len())?;
                        Ok(vec![
                            block_point(&2u128.to_le_bytes());
                            layout.ciphertexts_per_ballot()
                        ])
                    })
                    .collect::<anyhow::Result<Vec<_>>>()?;
                encrypt_points(params, &secret, &points, rng)?.0
            } else {
                let ranks = e
                    .questions
                    .iter()
                    .zip(&answers)
                    .map(|(q, a)| ranks_of(q, a))
                    .collect::<Vec<_>>();
                encrypt_ranked_ballot(params, &secret, &ranks, rng)?.0
            };
            Ok(BallotBody::Ranked(RankedBallotBody {
                credential,
                weight,
                sealed_by: SealedBy::Voter,
                ranked_ballot: ballot,
            }))
        }
        Some(params) => {
            let bits = e
                .questions
                .iter()
                .zip(&answers)
                .map(|(q, a)| urna_core::verifiable::answer_bits(q, a))
                .collect::<Result<Vec<_>, _>>()?;
            let secret = CredentialSecret::generate(rng)?;
            let (ballot, _opening) = encrypt_ballot(params, &secret, &bits, rng)?;
            Ok(BallotBody::Verifiable(VerifiableBallotBody {
                credential,
                weight,
                sealed_by: SealedBy::Voter,
                ballot,
            }))
        }
        None => {
            let valid = PlainBallot { answers }
                .validate(&e.questions)
                .map_err(|err| anyhow::anyhow!("a generated ballot is invalid: {err:?}"))?;
            let plaintext = valid.encoded().to_vec();
            let padded_len = urna_core::ballot::max_encoded_len(&e.questions) + 4;
            let sealed = urna_crypto::seal(
                &e.key,
                &plaintext,
                e.id.as_str().as_bytes(),
                padded_len,
                rng,
            )?;
            Ok(BallotBody::Sealed(SealedBallotBody {
                credential,
                weight,
                sealed,
            }))
        }
    }
}

/// Appends an event whose body may be altered first.
fn append_value(
    w: &mut RecordWriter,
    out: &mut String,
    t: EventType,
    body: &Value,
) -> anyhow::Result<()> {
    let line = w.append(t, body)?;
    out.push_str(&line.line);
    out.push('\n');
    Ok(())
}

fn append<T: serde::Serialize>(
    w: &mut RecordWriter,
    out: &mut String,
    t: EventType,
    body: &T,
) -> anyhow::Result<()> {
    append_value(w, out, t, &serde_json::to_value(body)?)
}

fn tree_head(
    w: &mut RecordWriter,
    out: &mut String,
    key: &BoardKey,
    digest: &urna_crypto::Digest,
    rng: &mut ChaCha20Rng,
    corrupt: bool,
) -> anyhow::Result<()> {
    let head = key.sign_tree_head(digest, w.height(), root(w.leaves()), rng)?;
    let mut body = serde_json::to_value(head)?;
    if corrupt {
        flip_hex(&mut body, &["signature", "s"])?;
    }
    append_value(w, out, EventType::TreeHead, &body)
}

/// Makes the record of `scenario` with `seed`, with at most one fault. `progress(done, total)`
/// is called as ballots are made.
pub fn synthesize(
    scenario: &Scenario,
    seed: u64,
    fault: Option<Fault>,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> anyhow::Result<Synthesized> {
    let questions: Vec<Question> =
        serde_json::from_value(scenario.questions.clone()).context("the scenario's questions")?;
    let mut rng = sub_rng(seed, "election", 0);
    let e = key_ceremony(&scenario.name, questions, scenario.mixnet, &mut rng)?;
    if fault.is_some_and(Fault::needs_verifiable) && (e.params.is_none() || scenario.mixnet) {
        bail!("{fault:?} needs a verifiable election");
    }
    if fault.is_some_and(Fault::needs_mixnet) && !scenario.mixnet {
        bail!("{fault:?} needs a mixnet election");
    }
    let board_key = BoardKey::derive(&board_secret(seed), &e.id);
    let mut w = RecordWriter::new();
    let mut out = String::new();
    let mut early_copy = None;

    // Set-up and roll.
    let setup = SetupBody {
        parameters: e.params.clone(),
        manifest: json!({ "questions": scenario.questions }),
        trustee_setup: e.setup.clone(),
        dkg: e.dkg.clone(),
        election_key: e.key.clone(),
        election_digest: e.digest,
        board_key: *board_key.public(),
        board_key_proof: board_key.prove_possession(&e.digest, &mut rng)?,
    };
    let mut setup_value = serde_json::to_value(&setup)?;
    match fault {
        Some(Fault::WrongElectionDigest) => flip_hex(&mut setup_value, &["election_digest"])?,
        Some(Fault::BadDkgSignature) => {
            flip_hex(&mut setup_value, &["dkg", "round1", "0", "signature", "s"])?
        }
        _ => {}
    }
    append_value(&mut w, &mut out, EventType::Setup, &setup_value)?;
    let weights: Vec<u64> = (0..scenario.voters)
        .map(|_| {
            if scenario.weighted {
                1 + below(&mut rng, 3) as u64
            } else {
                1
            }
        })
        .collect();
    let identifiers: Vec<String> = (0..scenario.voters)
        .map(|i| format!("voter-{i:06}"))
        .collect();
    let roll = VoterRollBody::new(
        identifiers
            .iter()
            .map(String::as_str)
            .zip(weights.iter().copied()),
    )?;
    append(&mut w, &mut out, EventType::VoterRoll, &roll)?;
    tree_head(
        &mut w,
        &mut out,
        &board_key,
        &e.digest,
        &mut rng,
        fault == Some(Fault::BadTreeHeadSignature),
    )?;

    // Ballots: every voter once in a shuffled order, then the revotes.
    let credentials: Vec<Credential> = (0..scenario.voters)
        .map(|_| {
            let mut c = [0u8; 16];
            rng.fill_bytes(&mut c);
            Credential(c)
        })
        .collect();
    let mut order: Vec<usize> = (0..scenario.voters).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, below(&mut rng, i + 1));
    }
    // The voter of each ballot event.
    let casts: Vec<usize> = order
        .iter()
        .copied()
        .chain(0..scenario.revotes.min(scenario.voters))
        .collect();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let made: Vec<(usize, BallotBody, Vec<Answer>)> = casts
        .par_iter()
        .enumerate()
        .map(|(i, &voter)| {
            let stream = if i == 0 && fault == Some(Fault::RewrittenBallot) {
                "rewritten"
            } else {
                "ballot"
            };
            let mut brng = sub_rng(seed, stream, i as u64);
            let answers: Vec<Answer> = e
                .questions
                .iter()
                .map(|q| random_answer(q, &mut brng))
                .collect();
            // A mixnet election's voter who does not revote, nor is struck, casts a ballot that
            // will be set aside after the mix.
            let plant_invalid = scenario.mixnet && i < scenario.voters && voter == scenario.revotes;
            let body = ballot_body(
                &e,
                credentials[voter],
                weights[voter],
                answers.clone(),
                plant_invalid,
                &mut brng,
            )?;
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if n.is_multiple_of(256) || n == casts.len() {
                progress(n, casts.len());
            }
            Ok((voter, body, answers))
        })
        .collect::<anyhow::Result<_>>()?;

    let mut last: HashMap<usize, usize> = HashMap::new(); // voter → index in `made`
    for (batch_no, batch) in made.chunks(scenario.batch.max(1)).enumerate() {
        for (j, (voter, body, _)) in batch.iter().enumerate() {
            let i = batch_no * scenario.batch.max(1) + j;
            let mut value = serde_json::to_value(body)?;
            if i == 0 && fault == Some(Fault::BadPointProof) {
                flip_hex(
                    &mut value,
                    &[
                        "ranked_ballot",
                        "questions",
                        "0",
                        "points",
                        "0",
                        "proof",
                        "s",
                    ],
                )?;
            }
            if i == 0 && fault == Some(Fault::BadBallotProof) {
                flip_hex(
                    &mut value,
                    &["ballot", "questions", "0", "bits", "0", "proof", "0", "s"],
                )?;
            }
            append_value(&mut w, &mut out, EventType::Ballot, &value)?;
            last.insert(*voter, i);
        }
        tree_head(&mut w, &mut out, &board_key, &e.digest, &mut rng, false)?;
        if early_copy.is_none() {
            early_copy = Some(out.clone());
        }
    }
    let ballot_events = made.len() as u64;

    // Strikes (the first one undone), then the end of voting.
    let struck: Vec<usize> = (0..scenario.strikes.min(scenario.voters))
        .map(|s| scenario.voters - 1 - s)
        .collect();
    for &v in &struck {
        append(
            &mut w,
            &mut out,
            EventType::Strike,
            &CredentialBody {
                credential: credentials[v],
            },
        )?;
    }
    if let Some(&first) = struck.first() {
        append(
            &mut w,
            &mut out,
            EventType::Unstrike,
            &CredentialBody {
                credential: credentials[first],
            },
        )?;
    }
    tree_head(&mut w, &mut out, &board_key, &e.digest, &mut rng, false)?;
    append(
        &mut w,
        &mut out,
        EventType::EndBallots,
        &EndBallotsBody {
            ballots: ballot_events,
        },
    )?;
    tree_head(&mut w, &mut out, &board_key, &e.digest, &mut rng, false)?;

    let still_struck: BTreeSet<usize> = struck.iter().skip(1).copied().collect();
    let mut counted: Vec<usize> = last
        .iter()
        .filter(|(voter, _)| !still_struck.contains(voter))
        .map(|(_, &i)| i)
        .collect();
    counted.sort_unstable();
    let counted_weight: u64 = counted.iter().map(|&i| made[i].1.weight()).sum();
    let claimed = counted.len() as u64 + u64::from(fault == Some(Fault::CountedOffByOne));
    append(
        &mut w,
        &mut out,
        EventType::StrikesFrozen,
        &StrikesFrozenBody {
            counted: claimed,
            weight: counted_weight,
        },
    )?;

    let mut results = Vec::new();
    match &e.params {
        Some(_) if scenario.mixnet => {
            tree_head(&mut w, &mut out, &board_key, &e.digest, &mut rng, false)?;
            results = mix_and_decrypt(&e, &mut w, &mut out, fault, &mut rng)?;
        }
        Some(params) => {
            let mut tallied: Vec<(u64, &EncryptedBallot)> = counted
                .iter()
                .filter_map(|&i| match &made[i].1 {
                    BallotBody::Verifiable(b) => Some((b.weight, &b.ballot)),
                    BallotBody::Sealed(_) | BallotBody::Ranked(_) => None,
                })
                .collect();
            if fault == Some(Fault::StuffedTally) {
                let first = *tallied.first().context("no counted ballot to stuff")?;
                tallied.push(first);
            }
            let tally = EncryptedTally::aggregate(params, tallied)?;
            append(
                &mut w,
                &mut out,
                EventType::EncryptedTally,
                &EncryptedTallyBody::from(&tally),
            )?;
            let partials = e.secrets[..2]
                .iter()
                .map(|s| {
                    let share = s
                        .share_for(&e.setup.digest())
                        .context("a trustee without its share")?;
                    Ok(decrypt_tally(&e.key, share, &tally, &mut rng)?)
                })
                .collect::<anyhow::Result<Vec<_>>>()?;
            let totals = combine_tally(&e.key, &tally, &partials)?.totals;
            for (p, partial) in partials.iter().enumerate() {
                let mut value = serde_json::to_value(partial)?;
                if p == 1 && fault == Some(Fault::BadDecryptionShare) {
                    flip_hex(&mut value, &["shares", "0", "proof", "s"])?;
                }
                append_value(&mut w, &mut out, EventType::PartialDecryption, &value)?;
            }
            for (q, totals) in e.questions.iter().zip(&totals) {
                let input = urna_core::verifiable::totals_election(
                    q,
                    totals,
                    tally.ballots(),
                    tally.weight(),
                )?;
                let report = urna_tally::count_totals(
                    q.method,
                    &input,
                    &urna_core::tally::count_options(q),
                )?;
                results.push((q, Some(serde_json::to_value(&input)?), report));
            }
        }
        None => {
            for (qi, q) in e.questions.iter().enumerate() {
                let ballots: Vec<(u64, &Answer)> = counted
                    .iter()
                    .map(|&i| (made[i].1.weight(), &made[i].2[qi]))
                    .collect();
                let (format, text) = match q.ballot_type {
                    BallotType::Ranked { .. } | BallotType::ChooseOne => (
                        BallotsFormat::Blt,
                        urna_core::tally::to_blt(q, ballots.iter().copied())?,
                    ),
                    _ => (
                        BallotsFormat::Csv,
                        urna_core::tally::to_csv(q, ballots.iter().copied())?,
                    ),
                };
                append(
                    &mut w,
                    &mut out,
                    EventType::DecryptedBallots,
                    &DecryptedBallotsBody {
                        question: q.id.to_string(),
                        format,
                        ballots: text,
                        set_aside: Vec::new(),
                    },
                )?;
                let report = urna_core::tally::count(q, ballots.iter().copied())?;
                results.push((q, None, report));
            }
        }
    }
    for (i, (q, input, report)) in results.into_iter().enumerate() {
        let mut report = urna_tally::render::json_value(&report);
        if i == 0 && fault == Some(Fault::AlteredReport) {
            alter_report(&mut report)?;
        }
        let options = urna_core::tally::count_options(q);
        let body = ResultBody {
            question: q.id.to_string(),
            method: q.method.name().to_owned(),
            options: ResultOptions {
                seats: q.seats,
                seed: options.seed,
                min_share: options.min_share.map(|d| d.to_string()),
            },
            input,
            report,
        };
        append(&mut w, &mut out, EventType::Result, &body)?;
    }
    tree_head(&mut w, &mut out, &board_key, &e.digest, &mut rng, false)?;
    Ok(Synthesized {
        early_copy: early_copy.unwrap_or_default(),
        record: out,
    })
}

/// Claims another winner: the report's first elected candidate becomes the first one not
/// elected (or, with everyone elected, the order changes).
fn alter_report(report: &mut Value) -> anyhow::Result<()> {
    let elected = report
        .get_mut("elected")
        .and_then(Value::as_array_mut)
        .context("the report has no elected list")?;
    if elected.len() >= 2 {
        elected.swap(0, 1);
    } else {
        elected.push(Value::String("Someone Else".into()));
    }
    Ok(())
}

/// A.6's election parameters for all-ranked questions (`max` = the most ranks, `n` when
/// unlimited).
fn mixnet_params(
    id: &ElectionId,
    setup: &ElectionSetup,
    key: &ElectionKey,
    questions: &[Question],
) -> anyhow::Result<ElectionParams> {
    let questions = questions
        .iter()
        .map(|q| match q.ballot_type {
            BallotType::Ranked { max_ranks, .. } => Ok(json!({
                "id": q.id.to_string(),
                "ballot_type": "ranked",
                "min": 0,
                "max": max_ranks.unwrap_or(q.options.len()),
                "options": q.options.iter().map(|o| o.id.to_string()).collect::<Vec<_>>(),
            })),
            _ => bail!("question {} of a mixnet election is not ranked", q.id),
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let json = json!({
        "election_id": id.as_str(),
        "setup": setup.digest(),
        "public_key": key.public_key,
        "questions": questions,
    });
    serde_json::from_value(json).context("mixnet election parameters")
}

/// A.1's ranks of an answer: the rank of each option in order, `0` = unranked.
fn ranks_of(q: &Question, answer: &Answer) -> Vec<u8> {
    let mut ranks = vec![0u8; q.options.len()];
    if let Answer::Ranking(groups) = answer {
        for (g, group) in groups.iter().enumerate() {
            for id in group {
                if let Some(i) = q.options.iter().position(|o| &o.id == id) {
                    ranks[i] = u8::try_from(g + 1).unwrap_or(u8::MAX);
                }
            }
        }
    }
    ranks
}

/// The ranking of decoded ranks, best first, equal ranks together.
fn answer_of(q: &Question, ranks: &[u8]) -> Answer {
    let highest = ranks.iter().copied().max().unwrap_or(0);
    let groups = (1..=highest)
        .map(|r| {
            q.options
                .iter()
                .zip(ranks)
                .filter(|(_, rank)| **rank == r)
                .map(|(o, _)| o.id.clone())
                .collect()
        })
        .collect();
    Answer::Ranking(groups)
}

fn vectors_with(
    vectors: &CiphertextVectors,
    edit: impl FnOnce(&mut Vec<Vec<TallyCiphertext>>),
) -> anyhow::Result<CiphertextVectors> {
    let mut list: Vec<Vec<TallyCiphertext>> = vectors.vectors().map(<[_]>::to_vec).collect();
    edit(&mut list);
    Ok(CiphertextVectors::new(list)?)
}

/// A.7 after `strikes_frozen`: the mix input, two signed shuffles (trustees 1 and 2), their
/// decryptions, the decoded ballots with those set aside, and each question's count.
fn mix_and_decrypt<'e>(
    e: &'e Election,
    w: &mut RecordWriter,
    out: &mut String,
    fault: Option<Fault>,
    rng: &mut ChaCha20Rng,
) -> anyhow::Result<Vec<(&'e Question, Option<Value>, urna_tally::Report)>> {
    let events = read_record(out)?;
    let mut current = mix_input_vectors(&events)?;
    if fault == Some(Fault::StuffedMixInput) {
        current = vectors_with(&current, |list| {
            let first = list[0].clone();
            list.push(first);
        })?;
    }
    append(
        w,
        out,
        EventType::MixInput,
        &MixInputBody::new(current.clone()),
    )?;
    for (m, secret) in (1u32..).zip(&e.secrets[..2]) {
        let input = MixInput {
            v: V1,
            election_key: e.key.clone(),
            seed: mix_seed(&e.digest, m),
            ciphertexts: current,
        };
        let mut output = mix(&input, rng)?;
        if m == 1 && fault == Some(Fault::DuplicatingShuffle) {
            output.ciphertexts = vectors_with(&output.ciphertexts, |list| {
                list[0] = list[1].clone();
            })?;
        }
        let body = ShuffleBody::sign(m, output, &e.setup, secret, rng)?;
        append(w, out, EventType::Shuffle, &body)?;
        current = body.output.ciphertexts;
    }
    let partials = e.secrets[..2]
        .iter()
        .map(|s| {
            let share = s
                .share_for(&e.setup.digest())
                .context("a trustee without its share")?;
            Ok(decrypt_mixed(&e.key, share, &current, rng)?)
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let points = combine_mixed_decryption(&e.key, &current, &partials)?.vectors;
    for (p, partial) in partials.iter().enumerate() {
        let mut value = serde_json::to_value(partial)?;
        if p == 1 && fault == Some(Fault::BadMixedDecryption) {
            flip_hex(&mut value, &["shares", "0", "proof", "s"])?;
        }
        append_value(w, out, EventType::MixedDecryption, &value)?;
    }
    let mut results = Vec::new();
    let mut offset = 0;
    for (qi, q) in e.questions.iter().enumerate() {
        let layout = RankedLayout::new(q.options.len())?;
        let width = layout.ciphertexts_per_ballot();
        let max = match q.ballot_type {
            BallotType::Ranked { max_ranks, .. } => max_ranks.unwrap_or(q.options.len()),
            _ => bail!("question {} of a mixnet election is not ranked", q.id),
        };
        let mut answers = Vec::new();
        let mut set_aside = Vec::new();
        for (position, vector) in points.iter().enumerate() {
            let decoded = RankedBallot::from_points(&layout, &vector[offset..offset + width])
                .map_err(|err| err.to_string())
                .and_then(|b| {
                    let ranked = b.ranks().iter().filter(|&&r| r != 0).count();
                    if ranked > max {
                        Err(format!("{ranked} options ranked, at most {max} allowed"))
                    } else {
                        Ok(b)
                    }
                });
            match decoded {
                Ok(b) => answers.push(answer_of(q, b.ranks())),
                Err(reason) => set_aside.push(SetAside {
                    position: position as u64,
                    reason,
                }),
            }
        }
        offset += width;
        // A server that drops a ballot from the published file still reports the true count:
        // only the file disagrees (V8).
        let mut published: Vec<(u64, &Answer)> = answers.iter().map(|a| (1, a)).collect();
        if qi == 0 && fault == Some(Fault::DroppedMixedBallot) {
            published.pop().context("no ballot to drop")?;
        }
        let text = urna_core::tally::to_blt(q, published.iter().copied())?;
        append(
            w,
            out,
            EventType::DecryptedBallots,
            &DecryptedBallotsBody {
                question: q.id.to_string(),
                format: BallotsFormat::Blt,
                ballots: text,
                set_aside,
            },
        )?;
        let counted: Vec<(u64, &Answer)> = answers.iter().map(|a| (1, a)).collect();
        let report = urna_core::tally::count(q, counted.iter().copied())?;
        results.push((q, None, report));
    }
    Ok(results)
}
