//! The bodies of a record's events (docs/record-format.md §6), and reading a record back:
//! the chain, the events in order, and the counted set (the last ballot of each credential
//! not struck when strikes froze).
//!
//! The server writes these bodies from its database, the test-record generator from memory,
//! and the trustee tool reads them to recompute the tally it decrypts; the independent
//! verifier (`urna-verify`) has its own reader and shares nothing with this one.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::ballot::SealedBallot;
use crate::board::{EventType, TreeHead, leaf_hash};
use crate::dkg::{DkgRound1, DkgRound2, ElectionKey};
use crate::encoding::{Digest, GroupElement, Transcript, from_hex, to_hex};
use crate::error::CryptoError;
use crate::homomorphic::tally::TallyCiphertext;
use crate::homomorphic::{ElectionParams, EncryptedBallot, EncryptedTally, TallyDecryption};
use crate::proofs::SchnorrProof;
use crate::ranked_ballot::EncryptedRankedBallot;
use crate::setup::ElectionSetup;
use crate::shuffle::{CiphertextVectors, MixDecryption, MixInput, MixOutput, ShuffleSeed};
use crate::trustee::TrusteeSecret;

/// A voter's public pseudonym on the board: 16 random bytes the server's private database
/// links to the voter (and nothing public does).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Credential(pub [u8; 16]);

impl Serialize for Credential {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&to_hex(&self.0))
    }
}

impl<'de> Deserialize<'de> for Credential {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let bytes = from_hex(&text).map_err(serde::de::Error::custom)?;
        let bytes: [u8; 16] = bytes
            .try_into()
            .map_err(|_| serde::de::Error::custom(format!("a credential is 16 bytes: {text:?}")))?;
        Ok(Credential(bytes))
    }
}

/// The trustees' key-generation messages, as the server received them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkgMessages {
    pub round1: Vec<DkgRound1>,
    pub round2: Vec<DkgRound2>,
}

/// `setup`: everything a ballot and a tally are bound to.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetupBody {
    /// The election parameters (§3); absent for sealed elections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<ElectionParams>,
    /// `{"questions": [...]}` as the JSON API shows them (urna-core's `QuestionSpec`).
    pub manifest: serde_json::Value,
    pub trustee_setup: ElectionSetup,
    pub dkg: DkgMessages,
    pub election_key: ElectionKey,
    pub election_digest: Digest,
    pub board_key: GroupElement,
    pub board_key_proof: SchnorrProof,
}

/// The election digest of a sealed election: §3 with no questions.
pub fn sealed_election_digest(key: &ElectionKey, setup: &ElectionSetup) -> Digest {
    let mut t = Transcript::<Sha256>::new("urna/v1/election");
    t.bytes(setup.election_id().as_str().as_bytes())
        .bytes(setup.digest().as_bytes())
        .element(&key.public_key)
        .u64(0);
    t.digest()
}

/// `voter_roll`: how many may vote, their total weight, and a digest of the roll that those
/// who hold it can recompute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoterRollBody {
    pub voters: u64,
    pub weight: u64,
    pub digest: Digest,
}

impl VoterRollBody {
    /// `H("urna/v1/voter-roll"; n, then per voter sorted by identifier: identifier, weight)`.
    pub fn new<'a>(roll: impl IntoIterator<Item = (&'a str, u64)>) -> Result<Self, CryptoError> {
        let mut roll: Vec<(&str, u64)> = roll.into_iter().collect();
        roll.sort_unstable();
        let weight = roll.iter().try_fold(0u64, |sum, (_, w)| {
            sum.checked_add(*w)
                .ok_or_else(|| CryptoError::BoardProof("the roll's total weight overflows".into()))
        })?;
        let mut t = Transcript::<Sha256>::new("urna/v1/voter-roll");
        t.u64(roll.len() as u64);
        for (identifier, w) in &roll {
            t.bytes(identifier.as_bytes()).u64(*w);
        }
        Ok(Self {
            voters: roll.len() as u64,
            weight,
            digest: t.digest(),
        })
    }
}

/// Who encrypted a verifiable ballot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SealedBy {
    /// The voter's device.
    Voter,
    /// The server, for a voter without JavaScript.
    Server,
}

/// `ballot`: a verifiable ballot, a ranked ballot of a mixnet election (A.6), or a sealed one
/// in elections with ranked questions.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum BallotBody {
    Verifiable(VerifiableBallotBody),
    Ranked(RankedBallotBody),
    Sealed(SealedBallotBody),
}

/// A mixnet election's ballot: its points go through the shuffles (A.6, A.7).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankedBallotBody {
    pub credential: Credential,
    pub weight: u64,
    pub sealed_by: SealedBy,
    pub ranked_ballot: EncryptedRankedBallot,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifiableBallotBody {
    pub credential: Credential,
    pub weight: u64,
    pub sealed_by: SealedBy,
    pub ballot: EncryptedBallot,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SealedBallotBody {
    pub credential: Credential,
    pub weight: u64,
    pub sealed: SealedBallot,
}

impl BallotBody {
    pub fn credential(&self) -> Credential {
        match self {
            BallotBody::Verifiable(b) => b.credential,
            BallotBody::Ranked(b) => b.credential,
            BallotBody::Sealed(b) => b.credential,
        }
    }

    pub fn weight(&self) -> u64 {
        match self {
            BallotBody::Verifiable(b) => b.weight,
            BallotBody::Ranked(b) => b.weight,
            BallotBody::Sealed(b) => b.weight,
        }
    }
}

/// `strike` and `unstrike`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CredentialBody {
    pub credential: Credential,
}

/// `end_ballots`: the number of ballot events when voting ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndBallotsBody {
    pub ballots: u64,
}

/// `strikes_frozen`: the counted set is fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrikesFrozenBody {
    pub counted: u64,
    pub weight: u64,
}

/// `encrypted_tally`: the tally the trustees are asked to decrypt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EncryptedTallyBody {
    pub tally_digest: Digest,
    pub ciphertexts: Vec<TallyCiphertext>,
}

impl From<&EncryptedTally> for EncryptedTallyBody {
    fn from(tally: &EncryptedTally) -> Self {
        Self {
            tally_digest: tally.digest(),
            ciphertexts: tally.ciphertexts().to_vec(),
        }
    }
}

/// `decrypted_ballots`: a sealed election's anonymised ballots of one question, or a mixnet
/// election's decoded ballots of one question with those set aside (A.7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecryptedBallotsBody {
    pub question: String,
    pub format: BallotsFormat,
    pub ballots: String,
    /// Mixnet elections: the mixed ballots whose points for this question do not decode to a
    /// valid ranking, by position in the last shuffle's output. Absent when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set_aside: Vec<SetAside>,
}

/// A mixed ballot left out of a question's count, publicly, with the reason (A.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetAside {
    /// 0-based position in the last shuffle's output.
    pub position: u64,
    pub reason: String,
}

/// `mix_input`: the counted ranked ballots as the first mixer receives them (A.7). The vectors
/// are written out (not only their digest) so that the shuffles can be checked against the
/// record as published, whether or not it recomputes from the counted set (V6 apart from V5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MixInputBody {
    /// [`CiphertextVectors::digest`] of `ciphertexts`.
    pub digest: Digest,
    /// Each counted ballot's vector, `weight` times, in board order.
    pub ciphertexts: CiphertextVectors,
}

impl MixInputBody {
    pub fn new(ciphertexts: CiphertextVectors) -> Self {
        Self {
            digest: ciphertexts.digest(),
            ciphertexts,
        }
    }
}

/// `shuffle`: mixer `m`'s output (A.4) and the trustee's signature on it (A.7).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShuffleBody {
    /// 1 for the first mixer, then 2, 3, …
    pub mixer: u32,
    /// The trustee who mixed (1-based index in the set-up).
    pub trustee: u32,
    pub output: MixOutput,
    /// Schnorr proof of the trustee's long-term key, tag `urna/v1/shuffle-signature`,
    /// ctx = (setup digest, mixer, `output.inputs`, digest of `output.ciphertexts`).
    pub signature: SchnorrProof,
}

/// How `decrypted_ballots` writes ballots: BLT (ranked, choose-one) or urna-tally's scored CSV
/// (approval, score).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BallotsFormat {
    Blt,
    Csv,
}

/// The count options a result was computed with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultOptions {
    pub seats: usize,
    pub seed: Option<u64>,
    /// Minimum share for `son`, in percent, as a decimal string.
    pub min_share: Option<String>,
}

/// `result`: one question's count, with its input when counted from totals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultBody {
    pub question: String,
    pub method: String,
    pub options: ResultOptions,
    pub input: Option<serde_json::Value>,
    pub report: serde_json::Value,
}

/// One event of a record, its body parsed.
#[derive(Debug, Clone)]
pub enum EventBody {
    Setup(Box<SetupBody>),
    VoterRoll(VoterRollBody),
    Ballot(Box<BallotBody>),
    Strike(CredentialBody),
    Unstrike(CredentialBody),
    TreeHead(TreeHead),
    EndBallots(EndBallotsBody),
    StrikesFrozen(StrikesFrozenBody),
    EncryptedTally(Box<EncryptedTallyBody>),
    PartialDecryption(Box<TallyDecryption>),
    DecryptedBallots(DecryptedBallotsBody),
    MixInput(Box<MixInputBody>),
    Shuffle(Box<ShuffleBody>),
    MixedDecryption(Box<MixDecryption>),
    Result(Box<ResultBody>),
}

/// A record event as read back.
#[derive(Debug, Clone)]
pub struct Event {
    pub height: u64,
    pub hash: Digest,
    pub body: EventBody,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LineWire {
    height: u64,
    parent: Digest,
    #[serde(rename = "type")]
    event_type: EventType,
    body: Box<serde_json::value::RawValue>,
}

fn bad(height: u64, reason: impl std::fmt::Display) -> CryptoError {
    CryptoError::BoardProof(format!("event {height}: {reason}"))
}

fn body<T: for<'de> Deserialize<'de>>(
    height: u64,
    raw: &serde_json::value::RawValue,
) -> Result<T, CryptoError> {
    serde_json::from_str(raw.get()).map_err(|e| bad(height, e))
}

/// Reads a record: every line parses, heights count from 0 and every `parent` is the previous
/// event's hash. (Tree-head signatures and the events' order are for the caller to check.)
pub fn read_record(text: &str) -> Result<Vec<Event>, CryptoError> {
    let mut events = Vec::new();
    let mut parent = Digest([0; 32]);
    for (i, line) in text.lines().enumerate() {
        let expected = i as u64;
        let wire: LineWire = serde_json::from_str(line).map_err(|e| bad(expected, e))?;
        if wire.height != expected {
            return Err(bad(expected, format!("its height is {}", wire.height)));
        }
        if wire.parent != parent {
            return Err(bad(expected, "its parent is not the previous event's hash"));
        }
        let raw = &wire.body;
        let body = match wire.event_type {
            EventType::Setup => EventBody::Setup(Box::new(body(expected, raw)?)),
            EventType::VoterRoll => EventBody::VoterRoll(body(expected, raw)?),
            EventType::Ballot => EventBody::Ballot(Box::new(body(expected, raw)?)),
            EventType::Strike => EventBody::Strike(body(expected, raw)?),
            EventType::Unstrike => EventBody::Unstrike(body(expected, raw)?),
            EventType::TreeHead => EventBody::TreeHead(body(expected, raw)?),
            EventType::EndBallots => EventBody::EndBallots(body(expected, raw)?),
            EventType::StrikesFrozen => EventBody::StrikesFrozen(body(expected, raw)?),
            EventType::EncryptedTally => EventBody::EncryptedTally(Box::new(body(expected, raw)?)),
            EventType::PartialDecryption => {
                EventBody::PartialDecryption(Box::new(body(expected, raw)?))
            }
            EventType::DecryptedBallots => EventBody::DecryptedBallots(body(expected, raw)?),
            EventType::MixInput => EventBody::MixInput(Box::new(body(expected, raw)?)),
            EventType::Shuffle => EventBody::Shuffle(Box::new(body(expected, raw)?)),
            EventType::MixedDecryption => {
                EventBody::MixedDecryption(Box::new(body(expected, raw)?))
            }
            EventType::Result => EventBody::Result(Box::new(body(expected, raw)?)),
        };
        let hash = leaf_hash(line.as_bytes());
        events.push(Event {
            height: expected,
            hash,
            body,
        });
        parent = hash;
    }
    Ok(events)
}

/// The set-up event (height 0) of a record.
pub fn setup_of(events: &[Event]) -> Result<&SetupBody, CryptoError> {
    match events.first().map(|e| &e.body) {
        Some(EventBody::Setup(s)) => Ok(s),
        _ => Err(bad(0, "a record starts with its set-up")),
    }
}

/// The ballots counted when strikes froze: for each credential its last ballot, unless the
/// credential was struck (and not unstruck) by then. In board order (height of the counted
/// ballot). Errors if strikes never froze.
pub fn counted_ballots(events: &[Event]) -> Result<Vec<&BallotBody>, CryptoError> {
    let mut last: HashMap<Credential, (u64, &BallotBody)> = HashMap::new();
    let mut struck: HashSet<Credential> = HashSet::new();
    for event in events {
        match &event.body {
            EventBody::Ballot(b) => {
                last.insert(b.credential(), (event.height, b));
            }
            EventBody::Strike(c) => {
                struck.insert(c.credential);
            }
            EventBody::Unstrike(c) => {
                struck.remove(&c.credential);
            }
            EventBody::StrikesFrozen(_) => {
                let mut counted: Vec<(u64, &BallotBody)> = last
                    .into_iter()
                    .filter(|(c, _)| !struck.contains(c))
                    .map(|(_, v)| v)
                    .collect();
                counted.sort_unstable_by_key(|(h, _)| *h);
                return Ok(counted.into_iter().map(|(_, b)| b).collect());
            }
            _ => {}
        }
    }
    Err(CryptoError::BoardProof(
        "the record has no strikes_frozen event: the counted set is not fixed yet".into(),
    ))
}

/// The encrypted tally recomputed from the counted set of a verifiable election's record, as a
/// trustee does before decrypting (never trusting the record's own `encrypted_tally`).
pub fn recompute_tally(events: &[Event]) -> Result<EncryptedTally, CryptoError> {
    let setup = setup_of(events)?;
    let params = setup.parameters.as_ref().ok_or_else(|| {
        CryptoError::BoardProof("a sealed election has no homomorphic tally".into())
    })?;
    let counted = counted_ballots(events)?;
    let mut verifiable = Vec::with_capacity(counted.len());
    for b in counted {
        match b {
            BallotBody::Verifiable(v) => verifiable.push((v.weight, &v.ballot)),
            BallotBody::Ranked(_) | BallotBody::Sealed(_) => {
                return Err(CryptoError::BoardProof(
                    "a ballot of another kind in a verifiable election".into(),
                ));
            }
        }
    }
    EncryptedTally::aggregate(params, verifiable)
}

const SHUFFLE_SIGNATURE_TAG: &str = "urna/v1/shuffle-signature";
const MIX_SEED_TAG: &str = "urna/v1/mix-seed";

/// The most vectors a mix input may hold (each counted ballot `weight` times).
pub const MAX_MIX_BALLOTS: u64 = 10_000_000;

/// Mixer `m`'s seed: the 32 bytes of `H("urna/v1/mix-seed"; election digest, m)` (A.7). Nobody
/// chooses it, so every shuffle of every election has its own generators.
pub fn mix_seed(election_digest: &Digest, mixer: u32) -> ShuffleSeed {
    let mut t = Transcript::<Sha256>::new(MIX_SEED_TAG);
    t.bytes(election_digest.as_bytes()).u64(u64::from(mixer));
    ShuffleSeed::from_digest(&t.digest())
}

/// The mix input of a mixnet election's record (A.7): each counted ballot's vector
/// ([`EncryptedRankedBallot::mix_vector`]) `weight` times, in board order.
pub fn mix_input_vectors(events: &[Event]) -> Result<CiphertextVectors, CryptoError> {
    let counted = counted_ballots(events)?;
    let mut total = 0u64;
    let mut vectors = Vec::new();
    for b in counted {
        let BallotBody::Ranked(r) = b else {
            return Err(CryptoError::BoardProof(
                "a counted ballot of a mixnet election is not a ranked ballot".into(),
            ));
        };
        total = total.saturating_add(r.weight);
        if total > MAX_MIX_BALLOTS {
            return Err(CryptoError::BoardProof(format!(
                "the counted weight exceeds {MAX_MIX_BALLOTS}, the most a mix input holds"
            )));
        }
        let vector = r.ranked_ballot.mix_vector();
        for _ in 0..r.weight {
            vectors.push(vector.clone());
        }
    }
    CiphertextVectors::new(vectors).map_err(|e| CryptoError::BoardProof(e.to_string()))
}

struct ShuffleContext {
    setup: [u8; 32],
    mixer: [u8; 8],
    inputs: [u8; 32],
    outputs: [u8; 32],
}

impl ShuffleContext {
    fn new(setup: &Digest, mixer: u32, output: &MixOutput) -> Self {
        Self {
            setup: *setup.as_bytes(),
            mixer: u64::from(mixer).to_be_bytes(),
            inputs: *output.inputs.as_bytes(),
            outputs: *output.ciphertexts.digest().as_bytes(),
        }
    }

    fn parts(&self) -> [&[u8]; 4] {
        [&self.setup, &self.mixer, &self.inputs, &self.outputs]
    }
}

impl ShuffleBody {
    /// Signs mixer `m`'s output with the trustee's long-term key.
    pub fn sign<R: rand_core::TryCryptoRng + ?Sized>(
        mixer: u32,
        output: MixOutput,
        setup: &ElectionSetup,
        secret: &TrusteeSecret,
        rng: &mut R,
    ) -> Result<Self, CryptoError> {
        let trustee = setup.index_of(secret)?;
        let context = ShuffleContext::new(&setup.digest(), mixer, &output);
        let signature = SchnorrProof::prove(
            SHUFFLE_SIGNATURE_TAG,
            &context.parts(),
            &secret.encryption_secret.0,
            &secret.public.encryption_key,
            rng,
        )?;
        Ok(Self {
            mixer,
            trustee,
            output,
            signature,
        })
    }

    /// Checks the signature against the trustee's key in the set-up.
    pub fn verify_signature(&self, setup: &ElectionSetup) -> Result<(), CryptoError> {
        let key = &setup.trustee(self.trustee)?.encryption_key;
        let context = ShuffleContext::new(&setup.digest(), self.mixer, &self.output);
        if self
            .signature
            .verify(SHUFFLE_SIGNATURE_TAG, &context.parts(), key)
        {
            Ok(())
        } else {
            Err(CryptoError::BoardProof(format!(
                "the signature of shuffle {} is not trustee {}'s",
                self.mixer,
                setup.label(self.trustee)
            )))
        }
    }
}

/// The fewest shuffles a mixnet election's record holds: two, by different trustees, or one
/// if there is only one trustee.
pub fn required_shuffles(setup: &ElectionSetup) -> usize {
    setup.trustees().len().min(2)
}

/// The shuffles of a record checked so far: the vectors the next mixer shuffles (or the
/// trustees decrypt) and the trustees who mixed, in order.
#[derive(Debug, Clone)]
pub struct MixChain {
    pub vectors: CiphertextVectors,
    pub mixers: Vec<u32>,
}

impl MixChain {
    /// The number the next shuffle must carry.
    pub fn next_mixer(&self) -> u32 {
        u32::try_from(self.mixers.len() + 1).unwrap_or(u32::MAX)
    }
}

/// Follows the chain of shuffles from the record's mix input (A.7) as far as it goes: the mix
/// input recomputes from the counted set, mixers are numbered 1, 2, … by different trustees
/// with signatures, every seed is [`mix_seed`], every output answers the one before and its
/// proof verifies. The next mixer shuffles its `vectors`; [`verified_mix_chain`] also asks for
/// enough shuffles.
pub fn mix_chain_so_far(events: &[Event]) -> Result<MixChain, CryptoError> {
    let setup = setup_of(events)?;
    let bad = |what: String| CryptoError::BoardProof(what);
    let mut current = mix_input_vectors(events)?;
    let declared = events.iter().find_map(|e| match &e.body {
        EventBody::MixInput(m) => Some(m),
        _ => None,
    });
    let declared = declared.ok_or_else(|| bad("the record has no mix_input event".into()))?;
    if declared.ciphertexts != current || declared.digest != current.digest() {
        return Err(bad(
            "the mix_input event does not match the counted ballots".into(),
        ));
    }
    let mut mixers: Vec<u32> = Vec::new();
    for event in events {
        let EventBody::Shuffle(shuffle) = &event.body else {
            continue;
        };
        let expected =
            u32::try_from(mixers.len() + 1).map_err(|_| bad("too many shuffles".into()))?;
        if shuffle.mixer != expected {
            return Err(bad(format!(
                "event {}: shuffle {} where shuffle {expected} was due",
                event.height, shuffle.mixer
            )));
        }
        if mixers.contains(&shuffle.trustee) {
            return Err(bad(format!(
                "event {}: trustee {} mixes twice",
                event.height,
                setup.trustee_setup.label(shuffle.trustee)
            )));
        }
        mixers.push(shuffle.trustee);
        shuffle.verify_signature(&setup.trustee_setup)?;
        let input = MixInput {
            v: crate::encoding::V1,
            election_key: setup.election_key.clone(),
            seed: mix_seed(&setup.election_digest, expected),
            ciphertexts: current,
        };
        shuffle
            .output
            .verify(&input)
            .map_err(|e| bad(format!("event {}: shuffle {expected}: {e}", event.height)))?;
        current = shuffle.output.ciphertexts.clone();
    }
    Ok(MixChain {
        vectors: current,
        mixers,
    })
}

/// Follows the chain of shuffles from the record's mix input (A.7) and returns the last
/// output's vectors, which the trustees decrypt: [`mix_chain_so_far`], and there are at least
/// [`required_shuffles`]. A trustee checks this before decrypting anything, so that it never
/// decrypts ballots that were not shuffled.
pub fn verified_mix_chain(events: &[Event]) -> Result<CiphertextVectors, CryptoError> {
    let setup = setup_of(events)?;
    let chain = mix_chain_so_far(events)?;
    let count = chain.mixers.len();
    let required = required_shuffles(&setup.trustee_setup);
    if count < required {
        return Err(CryptoError::BoardProof(format!(
            "the record has {count} shuffle(s); the ballots are decrypted only after {required}"
        )));
    }
    Ok(chain.vectors)
}

#[cfg(test)]
mod tests {
    use rand_chacha::ChaCha20Rng;
    use rand_core::SeedableRng;

    use super::*;
    use crate::board::RecordWriter;
    use crate::{
        ElectionId, TrusteeName, TrusteeSecret, combine_public, dkg_round1, dkg_round2, seal,
    };

    fn one_trustee_key(rng: &mut ChaCha20Rng) -> ElectionKey {
        let mut secret =
            TrusteeSecret::generate(TrusteeName::parse("t1").expect("name"), rng).expect("secret");
        let setup = ElectionSetup::new(
            ElectionId::parse("record-test").expect("id"),
            1,
            vec![secret.public.clone()],
        )
        .expect("setup");
        let r1 = vec![dkg_round1(&secret, &setup, rng).expect("round 1")];
        let r2 = vec![dkg_round2(&mut secret, &setup, &r1, rng).expect("round 2")];
        combine_public(&setup, &r1, &r2).expect("key")
    }

    fn ballot(key: &ElectionKey, who: u8, rng: &mut ChaCha20Rng) -> BallotBody {
        BallotBody::Sealed(SealedBallotBody {
            credential: Credential([who; 16]),
            weight: u64::from(who),
            sealed: seal(key, &[who], b"ctx", 16, rng).expect("seal"),
        })
    }

    fn strike(who: u8) -> CredentialBody {
        CredentialBody {
            credential: Credential([who; 16]),
        }
    }

    /// Revotes replace, strikes remove until undone, and nothing after the freeze counts.
    #[test]
    fn the_counted_set_is_the_last_ballot_of_each_unstruck_credential_at_the_freeze() {
        let mut rng = ChaCha20Rng::seed_from_u64(1);
        let key = one_trustee_key(&mut rng);
        let mut w = RecordWriter::new();
        let mut text = String::new();
        let mut push = |t: EventType, body: &dyn erased::Body| {
            let line = body.append_to(&mut w, t);
            text.push_str(&line);
            text.push('\n');
        };
        let (a, b, c, d) = (1u8, 2u8, 3u8, 4u8);
        push(EventType::Ballot, &ballot(&key, a, &mut rng)); // 0: A, first vote
        push(EventType::Ballot, &ballot(&key, b, &mut rng)); // 1: B
        let a_again = ballot(&key, a, &mut rng);
        push(EventType::Ballot, &a_again); // 2: A votes again
        push(EventType::Strike, &strike(b)); // B struck
        push(EventType::Ballot, &ballot(&key, c, &mut rng)); // 4: C
        push(EventType::Strike, &strike(c));
        push(EventType::Unstrike, &strike(c)); // C struck, then restored
        push(
            EventType::StrikesFrozen,
            &StrikesFrozenBody {
                counted: 2,
                weight: 4,
            },
        );
        push(EventType::Ballot, &ballot(&key, d, &mut rng)); // after the freeze
        let events = read_record(&text).expect("a valid record");
        let counted = counted_ballots(&events).expect("frozen");
        let who: Vec<(Credential, u64)> = counted
            .iter()
            .map(|b| (b.credential(), b.weight()))
            .collect();
        assert_eq!(
            who,
            vec![(Credential([a; 16]), 1), (Credential([c; 16]), 3)]
        );
        match counted[0] {
            BallotBody::Sealed(s) => match &a_again {
                BallotBody::Sealed(again) => assert_eq!(s.sealed, again.sealed),
                BallotBody::Verifiable(_) | BallotBody::Ranked(_) => unreachable!(),
            },
            BallotBody::Verifiable(_) | BallotBody::Ranked(_) => {
                panic!("a sealed ballot was written")
            }
        }

        // Without a freeze there is no counted set.
        let unfrozen: String = text.lines().take(7).map(|l| format!("{l}\n")).collect();
        assert!(counted_ballots(&read_record(&unfrozen).expect("valid")).is_err());
    }

    #[test]
    fn a_record_whose_chain_or_heights_were_altered_is_refused() {
        let mut w = RecordWriter::new();
        let first = w.append(EventType::Strike, &strike(1)).expect("append");
        let second = w.append(EventType::Strike, &strike(2)).expect("append");
        let good = format!("{}\n{}\n", first.line, second.line);
        assert_eq!(read_record(&good).expect("valid").len(), 2);
        // Dropping the first event breaks both the heights and the chain.
        assert!(read_record(&format!("{}\n", second.line)).is_err());
        // An altered body changes the hash the next event names.
        let altered = first.line.replace(&"01".repeat(16), &"03".repeat(16));
        assert!(read_record(&format!("{altered}\n{}\n", second.line)).is_err());
        // Unknown fields and unknown types are refused, not ignored.
        let extra = first.line.replace(r#""type""#, r#""x":1,"type""#);
        assert!(read_record(&format!("{extra}\n")).is_err());
        let unknown = first.line.replace("\"strike\"", "\"vote\"");
        assert!(read_record(&format!("{unknown}\n")).is_err());
    }

    /// Appending bodies of different types through one closure.
    mod erased {
        use super::*;

        pub trait Body {
            fn append_to(&self, w: &mut RecordWriter, t: EventType) -> String;
        }

        impl<T: Serialize> Body for T {
            fn append_to(&self, w: &mut RecordWriter, t: EventType) -> String {
                w.append(t, self).expect("serialisable").line
            }
        }
    }
}
