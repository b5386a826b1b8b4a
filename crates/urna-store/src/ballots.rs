//! Sealed ballots: cast, revote, strike, unstrike, the set to count, and turnout.
//!
//! The store only ever sees sealed bytes (encrypted by the caller) of the election's fixed
//! length, or, in a verifiable election, the encrypted ballot's JSON with its credential key
//! (unique in the election), tracker and who sealed it. A ballot row has no timestamp and a random 128-bit id, and every listing is sorted
//! by that id: neither ids nor order say when a ballot was cast. The time of voting goes to
//! `vote_times`, keyed by voter, never by ballot. A voter reaches their ballots only through
//! their credential, which revotes and strikes need.
//!
//! Concurrency: on PostgreSQL, casting, striking and unstriking first lock the voter's row (an
//! `UPDATE` of it, the first statement of the transaction), so one voter's operations run one
//! after another. On SQLite every write holds the database's single write lock, and casts go
//! through the group-commit writer (`group_commit`). Either way the partial unique index
//! `ballots_one_current` makes a second current ballot impossible even if that ever failed.

use crate::db::{Db, db_run};

use crate::error::{DbContext, StoreError};
use crate::scrutiny::SubmissionPrints;
use crate::types::{BallotId, ElectionId, UnixMicros, VoterId};
use crate::voters::voter_not_found;
use crate::write::{WriteTx, tx_run};

/// A ballot to cast.
#[derive(Debug, Clone, Copy)]
pub struct CastBallot<'a> {
    /// The election.
    pub election: ElectionId,
    /// The voter casting it.
    pub voter: VoterId,
    /// The sealed (encrypted) ballot; its length must be the election's sealed length.
    pub sealed: &'a [u8],
    /// The election must be in this state (the domain's "open"); checked in the same
    /// transaction, so no ballot lands after a concurrent close.
    pub open_state: &'a str,
    /// May a voter with a counted ballot replace it? (Elections may forbid changes.)
    pub allow_change: bool,
    /// Time of casting, recorded only in the private `vote_times`.
    pub now: UnixMicros,
}

/// Who encrypted a verifiable ballot (docs/record-format.md §4): the voter's browser, or the
/// server for a voter without JavaScript. Stored in `ballots.sealed_by`; the board shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SealedBy {
    /// The voter's device encrypted and proved the ballot.
    Voter,
    /// The server encrypted it from plain answers, with a credential it then forgot.
    Server,
}

impl SealedBy {
    /// The column's value.
    pub fn as_str(self) -> &'static str {
        match self {
            SealedBy::Voter => "voter",
            SealedBy::Server => "server",
        }
    }
}

/// What a verifiable ballot adds to a cast (docs/record-format.md §4). Its `sealed` bytes are
/// the ballot JSON, whose length varies, so the sealed-length check does not apply; instead
/// the credential key must be new in the election.
#[derive(Debug, Clone, Copy)]
pub struct VerifiableCast<'a> {
    /// The ballot's credential key `K` (compressed ristretto255 point).
    pub credential_key: &'a [u8; 32],
    /// The ballot digest, which the voter's receipt names.
    pub tracker: &'a [u8; 32],
    /// Who encrypted it.
    pub sealed_by: SealedBy,
}

/// A ballot in the set to count: sealed bytes and the voter's weight, nothing else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountedBallot {
    /// Random public id.
    pub id: BallotId,
    /// Sealed bytes.
    pub sealed: Vec<u8>,
    /// The voter's weight.
    pub weight: i64,
}

/// A voter's current ballot, as admins may see it (no sealed bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotStatus {
    /// Random public id.
    pub id: BallotId,
    /// Struck by an admin?
    pub struck: bool,
    /// Why, if struck.
    pub strike_reason: Option<String>,
}

/// How many may vote and how many have a counted ballot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Turnout {
    /// Voters not revoked.
    pub eligible: i64,
    /// Voters with a current, unstruck ballot.
    pub voted: i64,
}

/// One voter who voted, for the turnout list (no ballot reference).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoterWhoVoted {
    /// The voter.
    pub voter: VoterId,
    /// Their identifier.
    pub identifier: String,
    /// When they last cast a ballot (private to admins and scrutineers).
    pub last_voted_at: Option<UnixMicros>,
}

#[derive(sqlx::FromRow)]
struct RawCounted {
    id: Vec<u8>,
    sealed: Vec<u8>,
    weight: i64,
}

#[derive(sqlx::FromRow)]
struct RawStatus {
    id: Vec<u8>,
    is_struck: bool,
    strike_reason: Option<String>,
}

#[derive(sqlx::FromRow)]
struct RawWhoVoted {
    id: VoterId,
    identifier: String,
    last_voted_at: Option<i64>,
}

/// Locks the voter's row for the rest of the transaction (both engines: an UPDATE takes the
/// row lock on PostgreSQL and the write lock on SQLite); no row if the voter is not the
/// election's.
const LOCK_VOTER: &str = "UPDATE voters SET voted = voted WHERE id = $1 AND election_id = $2
                          RETURNING id";

/// What a cast must check, read for a whole batch in one statement (locked on PostgreSQL; on
/// SQLite the writer holds the database's write lock for the whole batch), so nothing changes
/// between this read and the writes.
#[derive(sqlx::FromRow)]
struct CastChecks {
    voter_id: VoterId,
    election_id: ElectionId,
    revoked: bool,
    voted: bool,
    state: String,
    sealed_ballot_len: Option<i64>,
    credential_id: i64,
}

/// The refusals every cast checks, the same on both engines: state, sealed length (sealed
/// ballots only: a verifiable ballot's JSON varies in length), revoked, a change where changes
/// are not allowed.
fn refusal(
    cast: &CastBallot<'_>,
    verifiable: bool,
    state: String,
    sealed_ballot_len: Option<i64>,
    revoked: bool,
    voted: bool,
) -> Option<StoreError> {
    if state != cast.open_state {
        return Some(StoreError::StateConflict {
            election: cast.election,
            expected: cast.open_state.to_owned(),
            actual: state,
        });
    }
    let Some(expected) = sealed_ballot_len else {
        return Some(StoreError::NoPublicKey(cast.election));
    };
    if !verifiable && usize::try_from(expected).ok() != Some(cast.sealed.len()) {
        return Some(StoreError::SealedLength {
            election: cast.election,
            expected,
            actual: cast.sealed.len(),
        });
    }
    if revoked {
        return Some(StoreError::VoterRevoked(cast.voter));
    }
    if voted && !cast.allow_change {
        return Some(StoreError::AlreadyVoted(cast.voter));
    }
    None
}

macro_rules! define_cast_batch {
    ($name:ident, $database:ty, $connection:ty, $lock:expr) => {
        /// A batch of casts on the group-commit writer's transaction, in a constant number of
        /// statements whatever its size (each statement is a round trip: to SQLite's connection
        /// thread, or to the PostgreSQL server): one read for every check (on PostgreSQL it locks the
        /// voters' rows, in id order so that concurrent batches cannot deadlock, and share-locks the
        /// elections' rows so that a concurrent close waits for the batch), then one statement each to retire previous ballots, insert the new ones,
        /// mark first-time voters and record the times of voting. The requests are decided in order,
        /// as if cast one after another: a voter twice in the batch gets two ballots of which the
        /// later is current (or, where changes are not allowed, the second is refused). A refusal is
        /// decided before anything is written. `Err` means a statement failed after writing began:
        /// the caller must roll the whole batch back.
        pub(crate) async fn $name(
            conn: &mut $connection,
            batch: &[&CastRequest],
        ) -> Result<Vec<Result<BallotId, StoreError>>, StoreError> {
            use std::collections::{HashMap, HashSet};
            if batch.is_empty() {
                return Ok(Vec::new());
            }
            let mut read = sqlx::QueryBuilder::<$database>::new(
                "SELECT v.id AS voter_id, v.election_id, v.revoked, v.voted, e.state,
                e.sealed_ballot_len, c.id AS credential_id
         FROM voters v JOIN elections e ON e.id = v.election_id
         JOIN credentials c ON c.voter_id = v.id WHERE v.id IN (",
            );
            let mut voters = read.separated(", ");
            for request in batch {
                voters.push_bind(request.voter);
            }
            read.push(")");
            read.push($lock);
            let rows: Vec<CastChecks> = read
                .build_query_as()
                .fetch_all(&mut *conn)
                .await
                .op("checking the ballots can be cast")?;
            let mut checks: HashMap<VoterId, CastChecks> =
                rows.into_iter().map(|row| (row.voter_id, row)).collect();

            // Credential keys of the batch already in their elections (the unique index
            // `ballots_credential_key` serves this read).
            let mut used_keys: HashSet<(ElectionId, [u8; 32])> = HashSet::new();
            let keyed: Vec<(ElectionId, [u8; 32])> = batch
                .iter()
                .filter_map(|request| {
                    let verifiable = request.verifiable.as_ref()?;
                    Some((request.election, verifiable.credential_key))
                })
                .collect();
            if !keyed.is_empty() {
                let elections: HashSet<ElectionId> =
                    keyed.iter().map(|(election, _)| *election).collect();
                let mut read = sqlx::QueryBuilder::<$database>::new(
                    "SELECT election_id, credential_key FROM ballots WHERE election_id IN (",
                );
                let mut ids = read.separated(", ");
                for election in &elections {
                    ids.push_bind(*election);
                }
                read.push(") AND credential_key IN (");
                let mut keys = read.separated(", ");
                for (_, key) in &keyed {
                    keys.push_bind(key.to_vec());
                }
                read.push(")");
                let found: Vec<(ElectionId, Vec<u8>)> = read
                    .build_query_as()
                    .fetch_all(&mut *conn)
                    .await
                    .op("checking the credential keys are new")?;
                for (election, key) in found {
                    if let Ok(key) = <[u8; 32]>::try_from(key.as_slice()) {
                        used_keys.insert((election, key));
                    }
                }
            }

            // Decide every request in order; `accepted` holds indexes into `batch`.
            let mut results = Vec::with_capacity(batch.len());
            let mut accepted = Vec::new();
            let mut first_votes = Vec::new();
            for (index, request) in batch.iter().enumerate() {
                let cast = request.as_cast();
                let Some(row) = checks
                    .get_mut(&cast.voter)
                    .filter(|row| row.election_id == cast.election)
                else {
                    results.push(Err(voter_not_found(cast.voter)));
                    continue;
                };
                if let Some(refused) = refusal(
                    &cast,
                    request.verifiable.is_some(),
                    row.state.clone(),
                    row.sealed_ballot_len,
                    row.revoked,
                    row.voted,
                ) {
                    results.push(Err(refused));
                    continue;
                }
                if let Some(verifiable) = &request.verifiable {
                    // `insert` is false when the key is already taken (then or just now).
                    if !used_keys.insert((cast.election, verifiable.credential_key)) {
                        results.push(Err(credential_key_used(&verifiable.credential_key)));
                        continue;
                    }
                }
                if !row.voted {
                    first_votes.push(cast.voter);
                    row.voted = true;
                }
                accepted.push(index);
                results.push(Ok(request.ballot_id));
            }
            if accepted.is_empty() {
                return Ok(results);
            }
            // Each voter's last accepted cast is the current one.
            let mut last_of_voter: HashMap<VoterId, usize> = HashMap::new();
            for &index in &accepted {
                last_of_voter.insert(batch[index].voter, index);
            }
            let credential = |index: usize| {
                checks
                    .get(&batch[index].voter)
                    .map_or(0, |row| row.credential_id)
            };

            let mut retire = sqlx::QueryBuilder::<$database>::new(
                "UPDATE ballots SET is_current = FALSE WHERE is_current AND credential_id IN (",
            );
            let mut credentials = retire.separated(", ");
            for &index in last_of_voter.values() {
                credentials.push_bind(credential(index));
            }
            retire.push(")");
            retire
                .build()
                .execute(&mut *conn)
                .await
                .op("retiring the previous ballots")?;

            let mut insert = sqlx::QueryBuilder::<$database>::new(
                "INSERT INTO ballots (id, election_id, credential_id, sealed, is_current,
                                      credential_key, tracker, sealed_by) ",
            );
            insert.push_values(&accepted, |mut row, &index| {
                let request = batch[index];
                let verifiable = request.verifiable.as_ref();
                row.push_bind(request.ballot_id.as_bytes().to_vec())
                    .push_bind(request.election)
                    .push_bind(credential(index))
                    .push_bind(request.sealed.clone())
                    .push_bind(last_of_voter.get(&request.voter) == Some(&index))
                    .push_bind(verifiable.map(|v| v.credential_key.to_vec()))
                    .push_bind(verifiable.map(|v| v.tracker.to_vec()))
                    .push_bind(verifiable.map(|v| v.sealed_by.as_str()));
            });
            insert
                .build()
                .execute(&mut *conn)
                .await
                .op("storing the sealed ballots")?;

            if !first_votes.is_empty() {
                let mut mark = sqlx::QueryBuilder::<$database>::new(
                    "UPDATE voters SET voted = TRUE WHERE id IN (",
                );
                let mut ids = mark.separated(", ");
                for voter in &first_votes {
                    ids.push_bind(*voter);
                }
                mark.push(")");
                mark.build()
                    .execute(&mut *conn)
                    .await
                    .op("marking the voters as voted")?;
            }

            let mut times = sqlx::QueryBuilder::<$database>::new(
                "INSERT INTO vote_times (election_id, voter_id, at) ",
            );
            times.push_values(&accepted, |mut row, &index| {
                let request = batch[index];
                row.push_bind(request.election)
                    .push_bind(request.voter)
                    .push_bind(request.now);
            });
            times
                .build()
                .execute(&mut *conn)
                .await
                .op("recording the times of voting")?;

            // The submissions' fingerprints, by voter (crate::scrutiny): one more statement.
            let printed: Vec<(usize, &SubmissionPrints)> = accepted
                .iter()
                .filter_map(|&index| Some((index, batch[index].prints.as_ref()?)))
                .collect();
            if !printed.is_empty() {
                let mut prints = sqlx::QueryBuilder::<$database>::new(
                    "INSERT INTO submission_prints
                         (election_id, voter_id, network, agent, cookie, sealed_raw) ",
                );
                prints.push_values(&printed, |mut row, &(index, print)| {
                    let request = batch[index];
                    row.push_bind(request.election)
                        .push_bind(request.voter)
                        .push_bind(print.network.to_vec())
                        .push_bind(print.agent.to_vec())
                        .push_bind(print.cookie.to_vec())
                        .push_bind(print.sealed_raw.clone());
                });
                prints
                    .build()
                    .execute(&mut *conn)
                    .await
                    .op("recording the submissions' fingerprints")?;
            }
            Ok(results)
        }
    };
}
define_cast_batch!(
    cast_batch_in_sqlite,
    sqlx::Sqlite,
    sqlx::SqliteConnection,
    ""
);
define_cast_batch!(
    cast_batch_in_postgres,
    sqlx::Postgres,
    sqlx::PgConnection,
    " ORDER BY v.id FOR UPDATE OF v FOR SHARE OF e"
);

/// A cast handed to the group-commit writer ([`crate::group_commit`]).
pub(crate) struct CastRequest {
    election: ElectionId,
    pub(crate) voter: VoterId,
    sealed: Vec<u8>,
    open_state: String,
    allow_change: bool,
    now: UnixMicros,
    pub(crate) ballot_id: BallotId,
    verifiable: Option<OwnedVerifiable>,
    prints: Option<SubmissionPrints>,
}

/// [`VerifiableCast`] owned by a queued request.
struct OwnedVerifiable {
    credential_key: [u8; 32],
    tracker: [u8; 32],
    sealed_by: SealedBy,
}

/// The refusal of a credential key already used in the election: a copied ballot.
fn credential_key_used(key: &[u8; 32]) -> StoreError {
    StoreError::Duplicate {
        what: "ballot credential key",
        value: key.iter().map(|b| format!("{b:02x}")).collect(),
    }
}

impl CastRequest {
    fn as_cast(&self) -> CastBallot<'_> {
        CastBallot {
            election: self.election,
            voter: self.voter,
            sealed: &self.sealed,
            open_state: &self.open_state,
            allow_change: self.allow_change,
            now: self.now,
        }
    }
}

impl Db {
    /// Casts a sealed ballot, atomically replacing the voter's current ballot if any (a
    /// struck current ballot is replaced too, so a struck voter can vote again). Checks, in
    /// the same transaction: the election is in `open_state`, the sealed length is the
    /// election's, the voter belongs to the election and is not revoked, and a change is
    /// allowed. Returns the new ballot's id (the voter's receipt can be derived from it).
    pub async fn cast_ballot(&self, cast: CastBallot<'_>) -> Result<BallotId, StoreError> {
        self.cast(cast, None, None).await
    }

    /// Casts a verifiable ballot (docs/record-format.md §4): as [`Db::cast_ballot`], with the
    /// ballot JSON as `cast.sealed` (any length), its credential key, tracker and who sealed
    /// it. Refused with [`StoreError::Duplicate`] (`what` = "ballot credential key") when the
    /// key was already used in the election, by this voter or another: a copied ballot.
    pub async fn cast_verifiable_ballot(
        &self,
        cast: CastBallot<'_>,
        verifiable: VerifiableCast<'_>,
    ) -> Result<BallotId, StoreError> {
        self.cast(cast, Some(verifiable), None).await
    }

    /// The one cast: [`Db::cast_ballot`] (`verifiable` `None`) or
    /// [`Db::cast_verifiable_ballot`], and, when the submission came over HTTP, its
    /// fingerprints (`prints`, see [`crate::scrutiny`]), written by voter in the same batch
    /// transaction (one more multi-row INSERT per batch), only if the ballot is accepted.
    pub async fn cast(
        &self,
        cast: CastBallot<'_>,
        verifiable: Option<VerifiableCast<'_>>,
        prints: Option<SubmissionPrints>,
    ) -> Result<BallotId, StoreError> {
        let request = CastRequest {
            election: cast.election,
            voter: cast.voter,
            sealed: cast.sealed.to_vec(),
            open_state: cast.open_state.to_owned(),
            allow_change: cast.allow_change,
            now: cast.now,
            ballot_id: BallotId::random()?,
            verifiable: verifiable.map(|verifiable| OwnedVerifiable {
                credential_key: *verifiable.credential_key,
                tracker: *verifiable.tracker,
                sealed_by: verifiable.sealed_by,
            }),
            prints,
        };
        self.inner.writer().cast(request).await
    }

    /// Strikes the voter's current ballot ([`WriteTx::strike_ballot`] in a transaction of
    /// its own).
    pub async fn strike_ballot(
        &self,
        election: ElectionId,
        voter: VoterId,
        reason: &str,
    ) -> Result<BallotId, StoreError> {
        let mut tx = self.begin_write().await?;
        let id = tx.strike_ballot(election, voter, reason).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Reinstates the voter's struck ballot ([`WriteTx::unstrike_ballot`] in a transaction
    /// of its own).
    pub async fn unstrike_ballot(
        &self,
        election: ElectionId,
        voter: VoterId,
    ) -> Result<BallotId, StoreError> {
        let mut tx = self.begin_write().await?;
        let id = tx.unstrike_ballot(election, voter).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The voter's current ballot, if any: id and strike state, no sealed bytes.
    pub async fn current_ballot_status(
        &self,
        voter: VoterId,
    ) -> Result<Option<BallotStatus>, StoreError> {
        let raw: Option<RawStatus> = db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT b.id, b.is_struck, b.strike_reason
                 FROM ballots b JOIN credentials c ON c.id = b.credential_id
                 WHERE c.voter_id = $1 AND b.is_current",
            )
            .bind(voter)
            .fetch_optional(pool)
            .await
        })
        .op("reading a voter's ballot status")?;
        raw.map(|raw| {
            Ok(BallotStatus {
                id: BallotId::from_row(&raw.id)?,
                struck: raw.is_struck,
                strike_reason: raw.strike_reason,
            })
        })
        .transpose()
    }

    /// The ballots to count: current and unstruck, with each voter's weight, sorted by the
    /// random ballot id (never in casting order).
    pub async fn counted_ballots(
        &self,
        election: ElectionId,
    ) -> Result<Vec<CountedBallot>, StoreError> {
        let raws: Vec<RawCounted> = db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT b.id, b.sealed, v.weight
                 FROM ballots b
                 JOIN credentials c ON c.id = b.credential_id
                 JOIN voters v ON v.id = c.voter_id
                 WHERE b.election_id = $1 AND b.is_current AND NOT b.is_struck
                 ORDER BY b.id",
            )
            .bind(election)
            .fetch_all(pool)
            .await
        })
        .op("reading the ballots to count")?;
        raws.into_iter()
            .map(|raw| {
                Ok(CountedBallot {
                    id: BallotId::from_row(&raw.id)?,
                    sealed: raw.sealed,
                    weight: raw.weight,
                })
            })
            .collect()
    }

    /// How many voters may vote and how many have a counted ballot.
    pub async fn turnout(&self, election: ElectionId) -> Result<Turnout, StoreError> {
        let (eligible, voted): (i64, i64) = db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT (SELECT COUNT(*) FROM voters WHERE election_id = $1 AND NOT revoked),
                        (SELECT COUNT(*) FROM voters WHERE election_id = $1 AND voted)",
            )
            .bind(election)
            .fetch_one(pool)
            .await
        })
        .op("counting turnout")?;
        Ok(Turnout { eligible, voted })
    }

    /// The voters with a counted ballot, by identifier, with when they last voted. Private
    /// to admins and scrutineers; carries no ballot reference.
    pub async fn voters_who_voted(
        &self,
        election: ElectionId,
    ) -> Result<Vec<VoterWhoVoted>, StoreError> {
        let raws: Vec<RawWhoVoted> = db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT v.id, v.identifier,
                        (SELECT MAX(t.at) FROM vote_times t WHERE t.voter_id = v.id)
                            AS last_voted_at
                 FROM voters v
                 WHERE v.election_id = $1 AND v.voted
                 ORDER BY v.identifier",
            )
            .bind(election)
            .fetch_all(pool)
            .await
        })
        .op("listing voters who voted")?;
        Ok(raws
            .into_iter()
            .map(|raw| VoterWhoVoted {
                voter: raw.id,
                identifier: raw.identifier,
                last_voted_at: raw.last_voted_at.map(UnixMicros),
            })
            .collect())
    }
}

// --- safe changes while voting runs (live branch) ---
impl Db {
    /// The voters whose counted ballot was cast in `[from, to)`, by identifier, with that
    /// time: the private `vote_times` say when each voter last cast, and a voter's current
    /// ballot is their last cast. A ballot replaced since is not counted, so it is not here.
    pub async fn voters_whose_ballot_was_cast_between(
        &self,
        election: ElectionId,
        from: UnixMicros,
        to: UnixMicros,
    ) -> Result<Vec<VoterWhoVoted>, StoreError> {
        let raws: Vec<RawWhoVoted> = db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT id, identifier, last_voted_at FROM (
                     SELECT v.id, v.identifier,
                            (SELECT MAX(t.at) FROM vote_times t WHERE t.voter_id = v.id)
                                AS last_voted_at
                     FROM voters v
                     WHERE v.election_id = $1 AND v.voted
                 ) AS cast_times
                 WHERE last_voted_at >= $2 AND last_voted_at < $3
                 ORDER BY identifier",
            )
            .bind(election)
            .bind(from.0)
            .bind(to.0)
            .fetch_all(pool)
            .await
        })
        .op("listing voters who voted in a window")?;
        Ok(raws
            .into_iter()
            .map(|raw| VoterWhoVoted {
                voter: raw.id,
                identifier: raw.identifier,
                last_voted_at: raw.last_voted_at.map(UnixMicros),
            })
            .collect())
    }
}
// --- end safe changes while voting runs ---

/// Strikes, for acts that commit them with their audit entry.
impl WriteTx {
    /// Strikes the voter's current ballot with a reason: it stops counting and the voter may
    /// vote again. Fails with [`StoreError::NoBallotToChange`] if there is no current,
    /// unstruck ballot.
    pub async fn strike_ballot(
        &mut self,
        election: ElectionId,
        voter: VoterId,
        reason: &str,
    ) -> Result<BallotId, StoreError> {
        if reason.trim().is_empty() {
            self.failed = Some("striking a ballot");
            return Err(StoreError::Invalid {
                what: "strike reason",
                detail: "a reason is required".to_owned(),
            });
        }
        self.change_strike(election, voter, Some(reason)).await
    }

    /// Reinstates the voter's current ballot if it is struck: it counts again. Fails with
    /// [`StoreError::NoBallotToChange`] if the current ballot is not struck (or the voter
    /// has voted again since the strike).
    pub async fn unstrike_ballot(
        &mut self,
        election: ElectionId,
        voter: VoterId,
    ) -> Result<BallotId, StoreError> {
        self.change_strike(election, voter, None).await
    }

    /// Strike (`Some(reason)`) or unstrike (`None`) the current ballot.
    async fn change_strike(
        &mut self,
        election: ElectionId,
        voter: VoterId,
        reason: Option<&str>,
    ) -> Result<BallotId, StoreError> {
        let strike = reason.is_some();
        tx_run!(self, "changing a ballot's strike", |conn| {
            sqlx::query_scalar::<_, i64>(LOCK_VOTER)
                .bind(voter)
                .bind(election)
                .fetch_optional(&mut *conn)
                .await
                .op("locking the voter")?
                .ok_or_else(|| voter_not_found(voter))?;
            let changed: Option<Vec<u8>> = sqlx::query_scalar(
                "UPDATE ballots SET is_struck = $1, strike_reason = $2
                 WHERE credential_id = (SELECT id FROM credentials WHERE voter_id = $3)
                   AND is_current AND is_struck = $4
                 RETURNING id",
            )
            .bind(strike)
            .bind(reason)
            .bind(voter)
            .bind(!strike)
            .fetch_optional(&mut *conn)
            .await
            .op("changing a ballot's strike")?;
            let Some(id) = changed else {
                return Err(StoreError::NoBallotToChange {
                    voter,
                    wanted: if strike { "unstruck" } else { "struck" },
                });
            };
            sqlx::query("UPDATE voters SET voted = $1 WHERE id = $2")
                .bind(!strike)
                .bind(voter)
                .execute(&mut *conn)
                .await
                .op("updating the voter's voted flag")?;
            BallotId::from_row(&id)
        })
    }
}
