//! Casting a ballot: the plaintext exists only in this call's memory. It is checked against
//! the questions, encoded with padding (one length for every ballot of the election), sealed
//! to the election key, and only the sealed bytes reach the store. A refused ballot changes
//! nothing.
//!
//! In a verifiable election (docs/record-format.md §1–§4) the ballot is an encrypted ballot
//! with proofs instead: normally made by the voter's browser and posted as JSON
//! ([`cast_encrypted`]), which the server verifies against the election parameters and never
//! opens; for a voter without JavaScript, made here from the plain answers ([`cast_in`]) under
//! a fresh credential that is dropped at once (`sealed_by = 'server'`). Either way the store
//! keeps the ballot JSON, its credential key (a key already used in the election is refused:
//! a copied ballot) and its tracker, which the receipt shows.
//!
//! A mixnet election (docs/record-format.md A.6) takes ranked ballots the same two ways: the
//! browser's `encryptRankedBallot` JSON, checked with `EncryptedRankedBallot::verify`, or,
//! without JavaScript, the ranking encrypted here under a dropped credential. Each kind of
//! election refuses the other kind's ballots. A ciphertext `α` copied from another ballot
//! cannot be cast under a new credential key: its point proof needs the copier to know `r`.

use jiff::Timestamp;
use rand_core::TryCryptoRng;
use urna_core::ballot::PlainBallot;
use urna_core::election::Counting;
use urna_core::token::receipt_code;
use urna_core::verifiable::{answer_bits, is_verifiable, question_parameters};
use urna_crypto::homomorphic::{CredentialSecret, ElectionParams, EncryptedBallot, encrypt_ballot};
use urna_crypto::ranked_ballot::{EncryptedRankedBallot, encrypt_ranked_ballot};
use urna_store::{CastBallot, Db, SealedBy, StoreError, SubmissionPrints, VerifiableCast, VoterId};

use super::{
    LoadedElection, ServiceError, ballot_context, crypto, micros, sealed_lengths, sealed_to_bytes,
};

/// What a voter keeps: the receipt code of their sealed ballot, to find it later in the
/// published list; in a verifiable election, the tracker (ballot digest, lowercase hex) that
/// the board and its inclusion proofs name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub code: String,
    pub tracker: Option<String>,
}

/// Why an encrypted ballot was refused. Nothing was stored.
#[derive(Debug, thiserror::Error)]
pub enum EncryptedCastError {
    /// The election keeps sealed ballots (it has a question not countable from totals).
    #[error("election {0} is not verifiable: it takes sealed ballots only")]
    NotVerifiable(String),
    /// A ranked ballot (A.6) posted to a verifiable election, or a §4 ballot to a mixnet one.
    #[error("election {election} takes {expected}, and this is not one")]
    WrongKind {
        election: String,
        expected: &'static str,
    },
    /// The posted text is not a ballot (JSON shape, encodings, points).
    #[error("the ballot could not be read: {0}")]
    Malformed(String),
    /// The ballot names another election digest (made for another election, or for this one
    /// before its parameters changed).
    #[error("the ballot was made for election digest {found}, not this election's {expected}")]
    WrongElection { expected: String, found: String },
    /// A proof or the signature does not verify; the message names the question, bit or group.
    #[error("the ballot's proofs do not verify: {0}")]
    InvalidProof(String),
    /// Its credential key was already used in this election: a copied ballot.
    #[error("a ballot with this credential key was already cast in this election")]
    CredentialKeyUsed,
    #[error(transparent)]
    Service(#[from] ServiceError),
}

/// The election parameters (docs/record-format.md §3) of a verifiable election, or `None` for
/// an election of sealed ballots. Built from the election key (id, set-up digest, `Y`) and the
/// questions; built once per loaded election (the election cache keeps it between requests),
/// since building computes the election digest and the key's multiplication tables.
pub fn election_params(loaded: &LoadedElection) -> Result<Option<ElectionParams>, ServiceError> {
    loaded.params.get_or_build(|| {
        let mixnet = loaded.election.counting() == Counting::Mixnet;
        if !mixnet && !is_verifiable(loaded.election.questions()) {
            return Ok(None);
        }
        let key = loaded.key()?;
        // The §3 JSON is the one description of the parameters; the page embeds the same text.
        let json = serde_json::json!({
            "election_id": key.election_id,
            "setup": key.setup,
            "public_key": key.public_key,
            "questions": loaded
                .election
                .questions()
                .iter()
                .map(question_parameters)
                .collect::<Vec<_>>(),
        });
        serde_json::from_value(json)
            .map(Some)
            .map_err(|e| super::corrupt("the election's verifiable parameters", e))
    })
}

/// Casts an encrypted ballot the voter's device made (its JSON, docs/record-format.md §4):
/// verified against the election's parameters, then stored with its credential key and
/// tracker, `sealed_by = 'voter'`. A revote (new credential key) replaces the voter's ballot as
/// [`cast_in`] does.
pub async fn cast_encrypted(
    db: &Db,
    loaded: &LoadedElection,
    voter: VoterId,
    ballot_json: &str,
    prints: Option<SubmissionPrints>,
    now: Timestamp,
) -> Result<Receipt, EncryptedCastError> {
    loaded
        .election
        .check_accepts_ballot(now)
        .map_err(ServiceError::from)?;
    let params = election_params(loaded)?
        .ok_or_else(|| EncryptedCastError::NotVerifiable(loaded.slug().to_owned()))?;
    let wrong_kind = |expected| EncryptedCastError::WrongKind {
        election: loaded.slug().to_owned(),
        expected,
    };
    let wrong_election = |found: &urna_crypto::Digest| EncryptedCastError::WrongElection {
        expected: params.digest().to_string(),
        found: found.to_string(),
    };
    if params.is_mixnet() {
        let ballot: EncryptedRankedBallot = serde_json::from_str(ballot_json).map_err(|e| {
            if serde_json::from_str::<EncryptedBallot>(ballot_json).is_ok() {
                wrong_kind("ranked ballots (docs/record-format.md A.6)")
            } else {
                EncryptedCastError::Malformed(e.to_string())
            }
        })?;
        if ballot.election != params.digest() {
            return Err(wrong_election(&ballot.election));
        }
        let tracker = ballot
            .verify(&params)
            .map_err(|e| EncryptedCastError::InvalidProof(e.to_string()))?;
        return store_encrypted(
            db,
            loaded,
            voter,
            &ballot,
            ballot.credential_key(),
            tracker.as_bytes(),
            SealedBy::Voter,
            prints,
            now,
        )
        .await;
    }
    let ballot: EncryptedBallot = serde_json::from_str(ballot_json).map_err(|e| {
        if serde_json::from_str::<EncryptedRankedBallot>(ballot_json).is_ok() {
            wrong_kind("verifiable ballots (docs/record-format.md §4)")
        } else {
            EncryptedCastError::Malformed(e.to_string())
        }
    })?;
    if ballot.election != params.digest() {
        return Err(wrong_election(&ballot.election));
    }
    let tracker = ballot
        .verify(&params)
        .map_err(|e| EncryptedCastError::InvalidProof(e.to_string()))?;
    store_encrypted(
        db,
        loaded,
        voter,
        &ballot,
        ballot.credential_key(),
        tracker.as_bytes(),
        SealedBy::Voter,
        prints,
        now,
    )
    .await
}

/// Stores a verified encrypted ballot, §4 or A.6 (its canonical JSON: the fields in the
/// format's order, nothing the format does not define).
#[allow(clippy::too_many_arguments)]
async fn store_encrypted<B: serde::Serialize>(
    db: &Db,
    loaded: &LoadedElection,
    voter: VoterId,
    ballot: &B,
    credential_key: &urna_crypto::GroupElement,
    tracker: &[u8; 32],
    sealed_by: SealedBy,
    prints: Option<SubmissionPrints>,
    now: Timestamp,
) -> Result<Receipt, EncryptedCastError> {
    let json =
        serde_json::to_vec(ballot).map_err(|e| super::corrupt("an encrypted ballot as JSON", e))?;
    let credential_key = credential_key.to_bytes();
    let cast = db
        .cast(
            CastBallot {
                election: loaded.row_id,
                voter,
                sealed: &json,
                open_state: urna_core::lifecycle::State::Open.name(),
                allow_change: loaded.election.allow_revote(),
                now: micros(now),
            },
            Some(VerifiableCast {
                credential_key: &credential_key,
                tracker,
                sealed_by,
            }),
            prints,
        )
        .await;
    match cast {
        Ok(_) => {
            let tracker = urna_crypto::encoding::to_hex(tracker);
            Ok(Receipt {
                code: tracker.clone(),
                tracker: Some(tracker),
            })
        }
        Err(StoreError::Duplicate {
            what: "ballot credential key",
            ..
        }) => Err(EncryptedCastError::CredentialKeyUsed),
        Err(e) => Err(ServiceError::from(e).into()),
    }
}

/// Casts `voter`'s ballot in the election at `now`. A revote replaces the previous ballot
/// unless the election forbids changes. The time of voting is recorded privately (for admins
/// and scrutineers), never with the ballot.
pub async fn cast<R: TryCryptoRng + ?Sized>(
    db: &Db,
    slug: &str,
    voter: VoterId,
    ballot: PlainBallot,
    now: Timestamp,
    rng: &mut R,
) -> Result<Receipt, ServiceError> {
    let loaded = super::load(db, slug).await?;
    cast_in(db, &loaded, voter, ballot, None, now, rng).await
}

/// [`cast`] in an election the caller has loaded already (for instance from the
/// [`cache`](super::cache)). A copy older than the database is harmless: the store refuses
/// the ballot unless the election is still open and the sealed length is still the one
/// recorded, in the transaction that casts it. `prints`: the submission's fingerprints
/// ([`super::scrutiny::fingerprint`]), stored with the ballot if it is accepted; `None` for a
/// cast that did not come over HTTP.
pub async fn cast_in<R: TryCryptoRng + ?Sized>(
    db: &Db,
    loaded: &LoadedElection,
    voter: VoterId,
    ballot: PlainBallot,
    prints: Option<SubmissionPrints>,
    now: Timestamp,
    rng: &mut R,
) -> Result<Receipt, ServiceError> {
    loaded.election.check_accepts_ballot(now)?;
    if let Some(params) = election_params(loaded)? {
        return cast_sealed_by_server(db, loaded, &params, voter, ballot, prints, now, rng).await;
    }
    let key = loaded.key()?;
    let valid = loaded
        .election
        .validate_ballot(ballot)
        .map_err(ServiceError::InvalidBallot)?;
    let (padded_len, sealed_len) = sealed_lengths(&loaded.election);
    if loaded.sealed_ballot_len != Some(sealed_len as i64) {
        return Err(super::corrupt(
            "the election's sealed ballot length",
            format!(
                "{:?} stored, {sealed_len} expected from the questions",
                loaded.sealed_ballot_len
            ),
        ));
    }
    let mut plaintext = valid.padded();
    drop(valid);
    let sealed = urna_crypto::seal(
        key,
        &plaintext,
        &ballot_context(&loaded.election),
        padded_len,
        rng,
    );
    // Overwrite the plaintext copy this function made before it is freed.
    plaintext.iter_mut().for_each(|b| *b = 0);
    let sealed = sealed.map_err(crypto("sealing the ballot"))?;
    let bytes = sealed_to_bytes(&sealed);
    db.cast(
        CastBallot {
            election: loaded.row_id,
            voter,
            sealed: &bytes,
            open_state: urna_core::lifecycle::State::Open.name(),
            allow_change: loaded.election.allow_revote(),
            now: micros(now),
        },
        None,
        prints,
    )
    .await?;
    Ok(Receipt {
        code: receipt_code(&bytes),
        tracker: None,
    })
}

/// A verifiable election's ballot for a voter without JavaScript (docs/record-format.md §4,
/// "ballots sealed by the server"): the answers become bits, encrypted and proved exactly as
/// a browser would, under a fresh credential dropped when this returns (so no one, the server
/// included, can sign with it again); the opening (bits and randomness) is dropped unread.
#[allow(clippy::too_many_arguments)]
async fn cast_sealed_by_server<R: TryCryptoRng + ?Sized>(
    db: &Db,
    loaded: &LoadedElection,
    params: &ElectionParams,
    voter: VoterId,
    ballot: PlainBallot,
    prints: Option<SubmissionPrints>,
    now: Timestamp,
    rng: &mut R,
) -> Result<Receipt, ServiceError> {
    let valid = loaded
        .election
        .validate_ballot(ballot)
        .map_err(ServiceError::InvalidBallot)?;
    if params.is_mixnet() {
        return cast_ranked_sealed_by_server(db, loaded, params, voter, valid, prints, now, rng)
            .await;
    }
    let mut bits = loaded
        .election
        .questions()
        .iter()
        .zip(valid.answers())
        .map(|(question, answer)| answer_bits(question, answer))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| super::corrupt("a checked ballot's answers as bits", e))?;
    drop(valid);
    let credential = CredentialSecret::generate(rng).map_err(crypto("drawing a credential"))?;
    let encrypted = encrypt_ballot(params, &credential, &bits, rng);
    drop(credential);
    // Overwrite the plain bits before they are freed, as `cast_in` does with its plaintext.
    for question in &mut bits {
        question.iter_mut().for_each(|b| *b = 0);
    }
    drop(bits);
    let (encrypted, opening) = encrypted.map_err(crypto("encrypting the ballot"))?;
    drop(opening);
    let tracker = encrypted.digest();
    match store_encrypted(
        db,
        loaded,
        voter,
        &encrypted,
        encrypted.credential_key(),
        tracker.as_bytes(),
        SealedBy::Server,
        prints,
        now,
    )
    .await
    {
        Ok(receipt) => Ok(receipt),
        Err(EncryptedCastError::Service(e)) => Err(e),
        // A fresh random key cannot already be in use; if the store says so, say so.
        Err(other) => Err(super::corrupt("a server-sealed ballot", other)),
    }
}

/// [`cast_sealed_by_server`] for a mixnet election: the checked ranking becomes ranks per
/// option, encrypted and proved as `encryptRankedBallot` would under a fresh credential
/// dropped at once; the opening is dropped unread.
#[allow(clippy::too_many_arguments)]
async fn cast_ranked_sealed_by_server<R: TryCryptoRng + ?Sized>(
    db: &Db,
    loaded: &LoadedElection,
    params: &ElectionParams,
    voter: VoterId,
    valid: urna_core::ballot::ValidBallot,
    prints: Option<SubmissionPrints>,
    now: Timestamp,
    rng: &mut R,
) -> Result<Receipt, ServiceError> {
    let mut ranks = loaded
        .election
        .questions()
        .iter()
        .zip(valid.answers())
        .map(|(question, answer)| urna_core::mixnet::answer_ranks(question, answer))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| super::corrupt("a checked ballot's answers as ranks", e))?;
    drop(valid);
    let credential = CredentialSecret::generate(rng).map_err(crypto("drawing a credential"))?;
    let encrypted = encrypt_ranked_ballot(params, &credential, &ranks, rng);
    drop(credential);
    for question in &mut ranks {
        question.iter_mut().for_each(|r| *r = 0);
    }
    drop(ranks);
    let (encrypted, opening) = encrypted.map_err(crypto("encrypting the ranked ballot"))?;
    drop(opening);
    let tracker = encrypted.digest();
    match store_encrypted(
        db,
        loaded,
        voter,
        &encrypted,
        encrypted.credential_key(),
        tracker.as_bytes(),
        SealedBy::Server,
        prints,
        now,
    )
    .await
    {
        Ok(receipt) => Ok(receipt),
        Err(EncryptedCastError::Service(e)) => Err(e),
        Err(other) => Err(super::corrupt("a server-sealed ranked ballot", other)),
    }
}
