//! Casting a ballot: the plaintext exists only in this call's memory. It is checked against
//! the questions, encoded with padding (one length for every ballot of the election), sealed
//! to the election key, and only the sealed bytes reach the store. A refused ballot changes
//! nothing.

use jiff::Timestamp;
use rand_core::TryCryptoRng;
use urna_core::ballot::PlainBallot;
use urna_core::token::receipt_code;
use urna_store::{CastBallot, Db, VoterId};

use super::{
    LoadedElection, ServiceError, ballot_context, crypto, micros, sealed_lengths, sealed_to_bytes,
};

/// What a voter keeps: the receipt code of their sealed ballot, to find it later in the
/// published list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub code: String,
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
    cast_in(db, &loaded, voter, ballot, now, rng).await
}

/// [`cast`] in an election the caller has loaded already (for instance from the
/// [`cache`](super::cache)). A copy older than the database is harmless: the store refuses
/// the ballot unless the election is still open and the sealed length is still the one
/// recorded, in the transaction that casts it.
pub async fn cast_in<R: TryCryptoRng + ?Sized>(
    db: &Db,
    loaded: &LoadedElection,
    voter: VoterId,
    ballot: PlainBallot,
    now: Timestamp,
    rng: &mut R,
) -> Result<Receipt, ServiceError> {
    loaded.election.check_accepts_ballot(now)?;
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
    db.cast_ballot(CastBallot {
        election: loaded.row_id,
        voter,
        sealed: &bytes,
        open_state: urna_core::lifecycle::State::Open.name(),
        allow_change: loaded.election.allow_revote(),
        now: micros(now),
    })
    .await?;
    Ok(Receipt {
        code: receipt_code(&bytes),
    })
}
