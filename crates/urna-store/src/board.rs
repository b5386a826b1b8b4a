//! The public board: each election's record (docs/record-format.md §6), one stored line per
//! event, and the ballots waiting to be published on it.
//!
//! The store does not write the lines: the caller builds them (hash chain, Merkle tree heads,
//! signatures) from the leaf hashes it reads here, and the store keeps them exactly as given.
//! Heights run 0, 1, 2, … per election without gaps. Two writers must never build on the
//! same head, so every transaction that appends first takes the election's **board lock**
//! ([`WriteTx::lock_board`], which also returns the leaves to build on): SQLite has a single
//! writer anyway; on PostgreSQL it is a transaction-scoped advisory lock, not a lock on the
//! election row, because casts share-lock that row while they hold voters' rows, and a strike
//! (voter row, then board) would deadlock with them. Take the board lock before any other
//! lock of the act (before striking the ballot, before marking ballots published).
//!
//! Events are append-only: the API has no update or delete, and triggers refuse both.

use crate::db::{Backend, Db, db_run};
use crate::error::{DbContext, StoreError};
use crate::types::{BallotId, ElectionId};
use crate::write::{WriteTx, tx_run};

/// First key of the PostgreSQL advisory locks that serialise appends to a board (the second
/// is the election id): "bord" in ASCII, distinct from the audit chains' class.
const BOARD_LOCK_CLASS: i32 = 0x626f_7264;

/// Most events inserted by one statement (5 bound values each; SQLite allows 32,766).
const INSERT_CHUNK: usize = 1000;

/// An RFC 6962 leaf hash: `SHA-256(0x00 ‖ line)`, computed by the caller.
pub type LeafHash = [u8; 32];

/// An event to append, as the record writer produced it.
#[derive(Debug, Clone, Copy)]
pub struct NewBoardEvent<'a> {
    /// Its height: the board's size before it (checked).
    pub height: i64,
    /// Its leaf hash.
    pub hash: &'a LeafHash,
    /// The event type (`setup`, `ballot`, `tree_head`, …).
    pub event_type: &'a str,
    /// The JSON line, without its newline.
    pub line: &'a str,
    /// For a `ballot` event: the ballot's tracker (its digest).
    pub tracker: Option<&'a [u8; 32]>,
    /// For `ballot`, `strike` and `unstrike` events: the credential they name.
    pub credential: Option<&'a [u8; 16]>,
}

/// A stored event line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardEventRow {
    /// Its height.
    pub height: i64,
    /// Its leaf hash.
    pub hash: LeafHash,
    /// Its type.
    pub event_type: String,
    /// The JSON line, without its newline.
    pub line: String,
}

/// A current ballot not yet on the board, with what its `ballot` event needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnpublishedBallot {
    /// The ballot's random id (to mark it published).
    pub id: BallotId,
    /// The voter's credential (public pseudonym).
    pub credential: [u8; 16],
    /// The voter's weight.
    pub weight: i64,
    /// The stored ballot bytes (a verifiable ballot's JSON, or a sealed ballot).
    pub sealed: Vec<u8>,
    /// Its tracker, for verifiable ballots.
    pub tracker: Option<[u8; 32]>,
    /// "voter" or "server" for verifiable ballots.
    pub sealed_by: Option<String>,
    /// Is the ballot struck in the database?
    pub struck: bool,
    /// Does the board's last `strike`/`unstrike` event of this credential strike it?
    pub struck_on_board: bool,
}

#[derive(sqlx::FromRow)]
struct RawEvent {
    height: i64,
    hash: Vec<u8>,
    event_type: String,
    line: String,
}

impl RawEvent {
    fn parse(self) -> Result<BoardEventRow, StoreError> {
        Ok(BoardEventRow {
            height: self.height,
            hash: leaf_from_row(&self.hash)?,
            event_type: self.event_type,
            line: self.line,
        })
    }
}

#[derive(sqlx::FromRow)]
struct RawUnpublished {
    id: Vec<u8>,
    credential: Vec<u8>,
    weight: i64,
    sealed: Vec<u8>,
    tracker: Option<Vec<u8>>,
    sealed_by: Option<String>,
    is_struck: bool,
    board_strike: Option<String>,
}

impl RawUnpublished {
    fn parse(self) -> Result<UnpublishedBallot, StoreError> {
        let corrupt =
            |column: &'static str, length: usize, expected: usize| StoreError::CorruptRow {
                table: "ballots",
                column,
                detail: format!("{length} bytes, expected {expected}"),
            };
        let credential = <[u8; 16]>::try_from(self.credential.as_slice())
            .map_err(|_| corrupt("credential", self.credential.len(), 16))?;
        let tracker = self
            .tracker
            .map(|bytes| {
                <[u8; 32]>::try_from(bytes.as_slice())
                    .map_err(|_| corrupt("tracker", bytes.len(), 32))
            })
            .transpose()?;
        Ok(UnpublishedBallot {
            id: BallotId::from_row(&self.id)?,
            credential,
            weight: self.weight,
            sealed: self.sealed,
            tracker,
            sealed_by: self.sealed_by,
            struck: self.is_struck,
            struck_on_board: self.board_strike.as_deref() == Some("strike"),
        })
    }
}

fn leaf_from_row(bytes: &[u8]) -> Result<LeafHash, StoreError> {
    bytes.try_into().map_err(|_| StoreError::CorruptRow {
        table: "board_events",
        column: "hash",
        detail: format!("{} bytes, expected 32", bytes.len()),
    })
}

fn leaves_from_rows(rows: Vec<Vec<u8>>) -> Result<Vec<LeafHash>, StoreError> {
    rows.iter().map(|row| leaf_from_row(row)).collect()
}

const SELECT_LEAVES: &str = "SELECT hash FROM board_events WHERE election_id = $1 ORDER BY height";

impl Db {
    /// The leaf hashes of the election's record, by height (empty before opening).
    pub async fn board_leaves(&self, election: ElectionId) -> Result<Vec<LeafHash>, StoreError> {
        let rows: Vec<Vec<u8>> = db_run!(self, read, |pool| {
            sqlx::query_scalar(SELECT_LEAVES)
                .bind(election)
                .fetch_all(pool)
                .await
        })
        .op("reading the board's leaf hashes")?;
        leaves_from_rows(rows)
    }

    /// How many events the election's record has.
    pub async fn board_size(&self, election: ElectionId) -> Result<i64, StoreError> {
        db_run!(self, read, |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM board_events WHERE election_id = $1")
                .bind(election)
                .fetch_one(pool)
                .await
        })
        .op("counting the board's events")
    }

    /// Up to `limit` events from height `from` on, in order: one page of the download.
    pub async fn board_events(
        &self,
        election: ElectionId,
        from: i64,
        limit: i64,
    ) -> Result<Vec<BoardEventRow>, StoreError> {
        let raws: Vec<RawEvent> = db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT height, hash, event_type, line FROM board_events
                 WHERE election_id = $1 AND height >= $2 ORDER BY height LIMIT $3",
            )
            .bind(election)
            .bind(from)
            .bind(limit)
            .fetch_all(pool)
            .await
        })
        .op("reading the board's events")?;
        raws.into_iter().map(RawEvent::parse).collect()
    }

    /// The election's events of one type, in order (for small types: `tree_head`, `result`,
    /// `partial_decryption`…; never `ballot`, which can be millions).
    pub async fn board_events_of_type(
        &self,
        election: ElectionId,
        event_type: &str,
    ) -> Result<Vec<BoardEventRow>, StoreError> {
        let raws: Vec<RawEvent> = db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT height, hash, event_type, line FROM board_events
                 WHERE election_id = $1 AND event_type = $2 ORDER BY height",
            )
            .bind(election)
            .bind(event_type)
            .fetch_all(pool)
            .await
        })
        .op("reading the board's events of one type")?;
        raws.into_iter().map(RawEvent::parse).collect()
    }

    /// How many events of a type the election's record has.
    pub async fn board_events_of_type_count(
        &self,
        election: ElectionId,
        event_type: &str,
    ) -> Result<i64, StoreError> {
        db_run!(self, read, |pool| {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM board_events WHERE election_id = $1 AND event_type = $2",
            )
            .bind(election)
            .bind(event_type)
            .fetch_one(pool)
            .await
        })
        .op("counting the board's events of one type")
    }

    /// The last event of a type, if any.
    pub async fn last_board_event(
        &self,
        election: ElectionId,
        event_type: &str,
    ) -> Result<Option<BoardEventRow>, StoreError> {
        let raw: Option<RawEvent> = db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT height, hash, event_type, line FROM board_events
                 WHERE election_id = $1 AND event_type = $2 ORDER BY height DESC LIMIT 1",
            )
            .bind(election)
            .bind(event_type)
            .fetch_optional(pool)
            .await
        })
        .op("reading the board's last event of a type")?;
        raw.map(RawEvent::parse).transpose()
    }

    /// The height of the `ballot` event with this tracker, if the board shows it.
    pub async fn board_height_of_tracker(
        &self,
        election: ElectionId,
        tracker: &[u8; 32],
    ) -> Result<Option<i64>, StoreError> {
        db_run!(self, read, |pool| {
            sqlx::query_scalar(
                "SELECT MIN(height) FROM board_events WHERE election_id = $1 AND tracker = $2",
            )
            .bind(election)
            .bind(&tracker[..])
            .fetch_one(pool)
            .await
        })
        .op("finding a ballot on the board")
    }

    /// Is a ballot with this tracker cast in the election but not yet on the board? (A
    /// receipt lookup then says "wait for the next batch" rather than "unknown".)
    pub async fn tracker_awaits_board(
        &self,
        election: ElectionId,
        tracker: &[u8; 32],
    ) -> Result<bool, StoreError> {
        db_run!(self, read, |pool| {
            sqlx::query_scalar(
                "SELECT EXISTS (SELECT 1 FROM ballots
                                WHERE election_id = $1 AND tracker = $2 AND NOT on_board)",
            )
            .bind(election)
            .bind(&tracker[..])
            .fetch_one(pool)
            .await
        })
        .op("looking up an unpublished tracker")
    }

    /// Appends events in a transaction of their own, under the board lock: for events that
    /// are acts of the system rather than of a person (a tree head, counting's events), which
    /// the audit log does not repeat. `build` gets the current leaves and returns the events
    /// to append; an error from it appends nothing.
    pub async fn append_board_events_with<F, E>(
        &self,
        election: ElectionId,
        build: F,
    ) -> Result<usize, E>
    where
        F: FnOnce(&[LeafHash]) -> Result<Vec<OwnedBoardEvent>, E>,
        E: From<StoreError>,
    {
        let mut tx = self.begin_write().await?;
        let leaves = tx.lock_board(election).await?;
        let events = build(&leaves)?;
        let borrowed: Vec<NewBoardEvent<'_>> = events.iter().map(OwnedBoardEvent::as_new).collect();
        tx.append_board_events(election, &borrowed).await?;
        tx.commit().await?;
        Ok(events.len())
    }

    /// [`Db::append_board_events_with`] for events that happen once per election: under the
    /// board lock, if the board already has an event of type `once`, nothing is built or
    /// written (returns 0). Two publishers (two servers on one database) that both saw it
    /// missing before taking the lock thus append it once.
    pub async fn append_board_events_once<F, E>(
        &self,
        election: ElectionId,
        once: &str,
        build: F,
    ) -> Result<usize, E>
    where
        F: FnOnce(&[LeafHash]) -> Result<Vec<OwnedBoardEvent>, E>,
        E: From<StoreError>,
    {
        let mut tx = self.begin_write().await?;
        let leaves = tx.lock_board(election).await?;
        if tx.has_board_event(election, once).await? {
            return Ok(0);
        }
        let events = build(&leaves)?;
        let borrowed: Vec<NewBoardEvent<'_>> = events.iter().map(OwnedBoardEvent::as_new).collect();
        tx.append_board_events(election, &borrowed).await?;
        tx.commit().await?;
        Ok(events.len())
    }

    /// Publishes the election's waiting ballots in one transaction, under the board lock:
    /// `build` gets the current leaves and every current ballot not yet on the board
    /// ([`WriteTx::unpublished_ballots`]) and returns the events to append (the ballots, in
    /// random order, and a tree head); every listed ballot is then marked published, all
    /// together. Nothing waiting: nothing is written and `build` is not called. Returns the
    /// number of ballots published.
    pub async fn publish_ballots_with<F, E>(
        &self,
        election: ElectionId,
        build: F,
    ) -> Result<usize, E>
    where
        F: FnOnce(&[LeafHash], &[UnpublishedBallot]) -> Result<Vec<OwnedBoardEvent>, E>,
        E: From<StoreError>,
    {
        let mut tx = self.begin_write().await?;
        let leaves = tx.lock_board(election).await?;
        let waiting = tx.unpublished_ballots(election).await?;
        if waiting.is_empty() {
            return Ok(0);
        }
        let events = build(&leaves, &waiting)?;
        let borrowed: Vec<NewBoardEvent<'_>> = events.iter().map(OwnedBoardEvent::as_new).collect();
        tx.append_board_events(election, &borrowed).await?;
        let ids: Vec<BallotId> = waiting.iter().map(|ballot| ballot.id).collect();
        tx.mark_on_board(election, &ids).await?;
        tx.commit().await?;
        Ok(waiting.len())
    }
}

/// An event to append, owning its values (what a builder closure returns).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnedBoardEvent {
    /// Its height.
    pub height: i64,
    /// Its leaf hash.
    pub hash: LeafHash,
    /// Its type.
    pub event_type: String,
    /// The JSON line.
    pub line: String,
    /// For a `ballot` event, its tracker.
    pub tracker: Option<[u8; 32]>,
    /// For `ballot`, `strike`, `unstrike`: the credential.
    pub credential: Option<[u8; 16]>,
}

impl OwnedBoardEvent {
    /// Borrowed as a [`NewBoardEvent`].
    #[must_use]
    pub fn as_new(&self) -> NewBoardEvent<'_> {
        NewBoardEvent {
            height: self.height,
            hash: &self.hash,
            event_type: &self.event_type,
            line: &self.line,
            tracker: self.tracker.as_ref(),
            credential: self.credential.as_ref(),
        }
    }
}

/// Appends, for acts that commit their board events with their other rows.
impl WriteTx {
    /// Whether the election's board has an event of this type (read inside the transaction:
    /// under the board lock, the answer holds until it ends).
    pub async fn has_board_event(
        &mut self,
        election: ElectionId,
        event_type: &str,
    ) -> Result<bool, StoreError> {
        tx_run!(self, "looking for a board event", |conn| {
            sqlx::query_scalar::<_, i64>(
                "SELECT height FROM board_events WHERE election_id = $1 AND event_type = $2
                 LIMIT 1",
            )
            .bind(election)
            .bind(event_type)
            .fetch_optional(&mut *conn)
            .await
            .map(|found| found.is_some())
            .op("looking for a board event")
        })
    }

    /// Takes the election's board lock for the rest of the transaction (see the module
    /// documentation) and returns the leaf hashes to build on. Fails with
    /// [`StoreError::NotFound`] if the election does not exist.
    pub async fn lock_board(&mut self, election: ElectionId) -> Result<Vec<LeafHash>, StoreError> {
        let rows = tx_run!(self, "locking the board", |conn, backend| {
            if backend == Backend::Postgres {
                sqlx::query("SELECT pg_advisory_xact_lock($1, $2)")
                    .bind(BOARD_LOCK_CLASS)
                    // Election ids past 2^31 share locks with smaller ones: harmless, they
                    // only wait for each other.
                    .bind(election.0 as i32)
                    .execute(&mut *conn)
                    .await
                    .op("locking the board")?;
            }
            let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM elections WHERE id = $1")
                .bind(election)
                .fetch_optional(&mut *conn)
                .await
                .op("locking the board")?;
            if exists.is_none() {
                return Err(StoreError::NotFound {
                    what: "election",
                    key: election.to_string(),
                });
            }
            sqlx::query_scalar::<_, Vec<u8>>(SELECT_LEAVES)
                .bind(election)
                .fetch_all(&mut *conn)
                .await
                .op("reading the board's leaf hashes")
        })?;
        leaves_from_rows(rows)
    }

    /// Appends `events` (heights consecutive from the board's current size). Call
    /// [`WriteTx::lock_board`] first in the same transaction.
    pub async fn append_board_events(
        &mut self,
        election: ElectionId,
        events: &[NewBoardEvent<'_>],
    ) -> Result<(), StoreError> {
        if events.is_empty() {
            return Ok(());
        }
        tx_run!(self, "appending to the board", |conn| {
            let size: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM board_events WHERE election_id = $1")
                    .bind(election)
                    .fetch_one(&mut *conn)
                    .await
                    .op("counting the board's events")?;
            for (offset, event) in events.iter().enumerate() {
                let expected = size + i64::try_from(offset).unwrap_or(i64::MAX);
                if event.height != expected {
                    return Err(StoreError::Invalid {
                        what: "board event height",
                        detail: format!(
                            "event {:?} has height {}, but the board of election {election} \
                             needs {expected} next",
                            event.event_type, event.height
                        ),
                    });
                }
            }
            for chunk in events.chunks(INSERT_CHUNK) {
                let mut insert = sqlx::QueryBuilder::new(
                    "INSERT INTO board_events
                     (election_id, height, hash, event_type, line, tracker, credential) ",
                );
                insert.push_values(chunk, |mut row, event| {
                    row.push_bind(election)
                        .push_bind(event.height)
                        .push_bind(&event.hash[..])
                        .push_bind(event.event_type)
                        .push_bind(event.line)
                        .push_bind(event.tracker.map(|t| &t[..]))
                        .push_bind(event.credential.map(|c| &c[..]));
                });
                insert
                    .build()
                    .execute(&mut *conn)
                    .await
                    .op("appending to the board")?;
            }
            Ok(())
        })
    }

    /// The election's current ballots not yet on the board, with each credential's strike
    /// state on the board, sorted by ballot id (the caller shuffles them).
    pub async fn unpublished_ballots(
        &mut self,
        election: ElectionId,
    ) -> Result<Vec<UnpublishedBallot>, StoreError> {
        let raws: Vec<RawUnpublished> = tx_run!(self, "reading the ballots to publish", |conn| {
            sqlx::query_as(
                "SELECT b.id, c.public_id AS credential, v.weight, b.sealed, b.tracker,
                        b.sealed_by, b.is_struck,
                        (SELECT e.event_type FROM board_events e
                         WHERE e.election_id = b.election_id AND e.credential = c.public_id
                           AND e.event_type IN ('strike', 'unstrike')
                         ORDER BY e.height DESC LIMIT 1) AS board_strike
                 FROM ballots b
                 JOIN credentials c ON c.id = b.credential_id
                 JOIN voters v ON v.id = c.voter_id
                 WHERE b.election_id = $1 AND b.is_current AND NOT b.on_board
                 ORDER BY b.id",
            )
            .bind(election)
            .fetch_all(&mut *conn)
            .await
            .op("reading the ballots to publish")
        })?;
        raws.into_iter().map(RawUnpublished::parse).collect()
    }

    /// Marks ballots as shown on the board.
    pub async fn mark_on_board(
        &mut self,
        election: ElectionId,
        ballots: &[BallotId],
    ) -> Result<(), StoreError> {
        if ballots.is_empty() {
            return Ok(());
        }
        tx_run!(self, "marking ballots published", |conn| {
            for chunk in ballots.chunks(INSERT_CHUNK) {
                let mut update = sqlx::QueryBuilder::new(
                    "UPDATE ballots SET on_board = TRUE WHERE election_id = ",
                );
                update.push_bind(election);
                update.push(" AND id IN (");
                let mut ids = update.separated(", ");
                for id in chunk {
                    ids.push_bind(&id.as_bytes()[..]);
                }
                update.push(")");
                update
                    .build()
                    .execute(&mut *conn)
                    .await
                    .op("marking ballots published")?;
            }
            Ok(())
        })
    }

    /// Does any event of the board name this credential (a ballot, strike or unstrike)?
    pub async fn board_shows_credential(
        &mut self,
        election: ElectionId,
        credential: &[u8; 16],
    ) -> Result<bool, StoreError> {
        tx_run!(self, "looking up a credential on the board", |conn| {
            sqlx::query_scalar(
                "SELECT EXISTS (SELECT 1 FROM board_events
                                WHERE election_id = $1 AND credential = $2)",
            )
            .bind(election)
            .bind(&credential[..])
            .fetch_one(&mut *conn)
            .await
            .op("looking up a credential on the board")
        })
    }

    /// The public credential of a voter, for a `strike`/`unstrike` event.
    pub async fn voter_credential(
        &mut self,
        voter: crate::types::VoterId,
    ) -> Result<Option<[u8; 16]>, StoreError> {
        let raw: Option<Vec<u8>> = tx_run!(self, "reading a voter's credential", |conn| {
            sqlx::query_scalar("SELECT public_id FROM credentials WHERE voter_id = $1")
                .bind(voter)
                .fetch_optional(&mut *conn)
                .await
                .op("reading a voter's credential")
        })?;
        raw.map(|bytes| {
            <[u8; 16]>::try_from(bytes.as_slice()).map_err(|_| StoreError::CorruptRow {
                table: "credentials",
                column: "public_id",
                detail: format!("{} bytes, expected 16", bytes.len()),
            })
        })
        .transpose()
    }
}
