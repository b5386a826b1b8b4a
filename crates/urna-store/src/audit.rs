//! The append-only, hash-chained audit log.
//!
//! Each election has its own chain; site-wide acts (accounts, operator grants) form the "site"
//! chain (`election_id` NULL). Entry `seq` (1, 2, …) stores the hash of entry `seq - 1`
//! ([`AuditHash::GENESIS`] for the first) and its own hash:
//!
//! ```text
//! hash = SHA-256( "urna-audit-v1" 0x00
//!                 || chain   u64 big-endian (election id, 0 for the site chain)
//!                 || seq     u64 big-endian
//!                 || at      i64 big-endian (unix µs)
//!                 || len(actor)   u64 BE || actor   (UTF-8)
//!                 || len(action)  u64 BE || action  (UTF-8)
//!                 || len(details) u64 BE || details (the JSON text exactly as stored)
//!                 || prev_hash (32 bytes) )
//! ```
//!
//! The API has no update or delete, and database triggers reject both (and, on PostgreSQL,
//! TRUNCATE). Someone with raw database access can still drop the triggers; the chain is what
//! reveals such an edit ([`verify_audit_chain`]), and a published or exported head pins it.

use std::fmt;

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::db::{Backend, Db, db_run};
use crate::error::{DbContext, StoreError};
use crate::types::{ElectionId, UnixMicros, hex};
use crate::write::{WriteTx, tx_run};

/// First key of the PostgreSQL advisory locks that serialise appends to a chain (the second
/// is the chain key): "urna" in ASCII, so no other lock of the database shares it by chance.
const AUDIT_LOCK_CLASS: i32 = 0x7572_6e61;

/// A SHA-256 link in the audit chain.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct AuditHash(pub [u8; 32]);

impl AuditHash {
    /// The `prev_hash` of every chain's first entry.
    pub const GENESIS: AuditHash = AuditHash([0; 32]);

    fn from_row(bytes: &[u8], column: &'static str) -> Result<Self, StoreError> {
        bytes
            .try_into()
            .map(Self)
            .map_err(|_| StoreError::CorruptRow {
                table: "audit_log",
                column,
                detail: format!("{} bytes, expected 32", bytes.len()),
            })
    }
}

impl fmt::Display for AuditHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex(&self.0))
    }
}

impl fmt::Debug for AuditHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AuditHash({self})")
    }
}

/// An entry to append.
#[derive(Debug, Clone, Copy)]
pub struct NewAuditEntry<'a> {
    /// The election's chain, or `None` for the site chain.
    pub election: Option<ElectionId>,
    /// When it happened.
    pub at: UnixMicros,
    /// Who did it (e.g. "account:7", "system").
    pub actor: &'a str,
    /// What was done (e.g. "election.open").
    pub action: &'a str,
    /// Details; stored as compact JSON text, which the hash covers.
    pub details: &'a Value,
}

/// An entry as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// The chain.
    pub election: Option<ElectionId>,
    /// Position in the chain, from 1.
    pub seq: i64,
    /// When it happened.
    pub at: UnixMicros,
    /// Who did it.
    pub actor: String,
    /// What was done.
    pub action: String,
    /// The details JSON text, exactly as hashed.
    pub details: String,
    /// Hash of the previous entry.
    pub prev_hash: AuditHash,
    /// Hash of this entry.
    pub hash: AuditHash,
}

impl AuditEntry {
    /// The hash this entry should have, from its fields (not its stored `hash`).
    #[must_use]
    pub fn computed_hash(&self) -> AuditHash {
        entry_hash(
            self.election,
            self.seq,
            self.at,
            &self.actor,
            &self.action,
            &self.details,
            &self.prev_hash,
        )
    }

    /// One JSON object per entry, as in the export: fields verbatim, hashes in hex, details
    /// as the exact text hashed (a verifier rehashes it without re-encoding).
    #[must_use]
    pub fn to_export_json(&self) -> Value {
        serde_json::json!({
            "election": self.election.map(|id| id.0),
            "seq": self.seq,
            "at": self.at.0,
            "actor": self.actor,
            "action": self.action,
            "details": self.details,
            "prev_hash": self.prev_hash.to_string(),
            "hash": self.hash.to_string(),
        })
    }
}

#[derive(sqlx::FromRow)]
struct RawEntry {
    election_id: Option<ElectionId>,
    seq: i64,
    at: UnixMicros,
    actor: String,
    action: String,
    details: String,
    prev_hash: Vec<u8>,
    hash: Vec<u8>,
}

impl RawEntry {
    fn parse(self) -> Result<AuditEntry, StoreError> {
        Ok(AuditEntry {
            election: self.election_id,
            seq: self.seq,
            at: self.at,
            actor: self.actor,
            action: self.action,
            details: self.details,
            prev_hash: AuditHash::from_row(&self.prev_hash, "prev_hash")?,
            hash: AuditHash::from_row(&self.hash, "hash")?,
        })
    }
}

fn chain_key(election: Option<ElectionId>) -> i64 {
    election.map_or(0, |id| id.0)
}

fn chain_name(election: Option<ElectionId>) -> String {
    election.map_or_else(|| "site".to_owned(), |id| format!("election {id}"))
}

fn entry_hash(
    election: Option<ElectionId>,
    seq: i64,
    at: UnixMicros,
    actor: &str,
    action: &str,
    details: &str,
    prev_hash: &AuditHash,
) -> AuditHash {
    let mut hasher = Sha256::new();
    hasher.update(b"urna-audit-v1\0");
    hasher.update(chain_key(election).to_be_bytes());
    hasher.update(seq.to_be_bytes());
    hasher.update(at.0.to_be_bytes());
    for text in [actor, action, details] {
        hasher.update((text.len() as u64).to_be_bytes());
        hasher.update(text.as_bytes());
    }
    hasher.update(prev_hash.0);
    AuditHash(hasher.finalize().into())
}

/// Checks a whole chain as returned by [`Db::audit_log`]: sequence numbers 1, 2, … without
/// gaps, each `prev_hash` equal to the previous entry's hash, each hash recomputed from the
/// fields. Fails at the first bad entry.
pub fn verify_audit_chain(entries: &[AuditEntry]) -> Result<(), StoreError> {
    let mut prev = AuditHash::GENESIS;
    for (position, entry) in entries.iter().enumerate() {
        let broken = |reason: String| StoreError::AuditChainBroken {
            chain: chain_name(entry.election),
            seq: entry.seq,
            reason,
        };
        let expected_seq = i64::try_from(position).map_or(i64::MAX, |p| p + 1);
        if entry.seq != expected_seq {
            return Err(broken(format!("expected sequence number {expected_seq}")));
        }
        if entry.prev_hash != prev {
            return Err(broken(format!(
                "prev_hash {} is not the previous entry's hash {prev}",
                entry.prev_hash
            )));
        }
        let computed = entry.computed_hash();
        if entry.hash != computed {
            return Err(broken(format!(
                "stored hash {} does not match its contents ({computed})",
                entry.hash
            )));
        }
        prev = entry.hash;
    }
    Ok(())
}

impl Db {
    /// Appends to the chain, linking to whatever its head is now, in a transaction of its
    /// own: for entries that are the act themselves (a sign-in, a test). An act that writes
    /// rows commits its entry with them ([`WriteTx::commit_audited`]). Returns the stored
    /// entry.
    pub async fn append_audit(&self, entry: NewAuditEntry<'_>) -> Result<AuditEntry, StoreError> {
        let mut tx = self.begin_write().await?;
        let stored = tx.append_audit(entry).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Appends only if the chain's head is still `expected_prev` (the hash the caller last
    /// saw, or [`AuditHash::GENESIS`] for an empty chain); otherwise
    /// [`StoreError::AuditChainMoved`].
    pub async fn append_audit_after(
        &self,
        entry: NewAuditEntry<'_>,
        expected_prev: &AuditHash,
    ) -> Result<AuditEntry, StoreError> {
        let mut tx = self.begin_write().await?;
        let stored = tx.append_audit_checked(entry, Some(expected_prev)).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// The hash of the chain's last entry ([`AuditHash::GENESIS`] if empty).
    pub async fn audit_head(&self, election: Option<ElectionId>) -> Result<AuditHash, StoreError> {
        let head: Option<Vec<u8>> = db_run!(self, read, |pool| {
            sqlx::query_scalar(
                "SELECT hash FROM audit_log WHERE coalesce(election_id, 0) = $1
                 ORDER BY seq DESC LIMIT 1",
            )
            .bind(chain_key(election))
            .fetch_optional(pool)
            .await
        })
        .op("reading the audit chain's head")?;
        head.map_or(Ok(AuditHash::GENESIS), |hash| {
            AuditHash::from_row(&hash, "hash")
        })
    }

    /// The whole chain, in order.
    pub async fn audit_log(
        &self,
        election: Option<ElectionId>,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let raws: Vec<RawEntry> = db_run!(self, read, |pool| {
            sqlx::query_as(
                "SELECT election_id, seq, at, actor, action, details, prev_hash, hash
                 FROM audit_log WHERE coalesce(election_id, 0) = $1 ORDER BY seq",
            )
            .bind(chain_key(election))
            .fetch_all(pool)
            .await
        })
        .op("reading the audit log")?;
        raws.into_iter().map(RawEntry::parse).collect()
    }

    /// The chain as JSON Lines (one [`AuditEntry::to_export_json`] object per line), after
    /// checking it: an export never hides a broken chain.
    pub async fn export_audit(&self, election: Option<ElectionId>) -> Result<String, StoreError> {
        let entries = self.audit_log(election).await?;
        verify_audit_chain(&entries)?;
        let mut out = String::new();
        for entry in &entries {
            out.push_str(&entry.to_export_json().to_string());
            out.push('\n');
        }
        Ok(out)
    }
}

impl WriteTx {
    /// Appends `entry` inside this transaction, for an act that logs more than one entry (its
    /// last goes to [`WriteTx::commit_audited`]).
    pub async fn append_audit(
        &mut self,
        entry: NewAuditEntry<'_>,
    ) -> Result<AuditEntry, StoreError> {
        self.append_audit_checked(entry, None).await
    }

    /// Appends `entry` inside this transaction, if the head is `expected_prev` when given. Concurrent appends to one chain are
    /// serialised: SQLite has one writer; on PostgreSQL a transaction-scoped advisory lock on
    /// the chain ([`AUDIT_LOCK_CLASS`], chain key) is taken before the head is read and held
    /// until commit, so two transactions never read the same head (and a unique-index
    /// violation, which would abort the whole act, cannot happen between them).
    pub(crate) async fn append_audit_checked(
        &mut self,
        entry: NewAuditEntry<'_>,
        expected_prev: Option<&AuditHash>,
    ) -> Result<AuditEntry, StoreError> {
        let details = entry.details.to_string();
        let chain = chain_key(entry.election);
        tx_run!(self, "appending to the audit log", |conn, backend| {
            if backend == Backend::Postgres {
                sqlx::query("SELECT pg_advisory_xact_lock($1, $2)")
                    .bind(AUDIT_LOCK_CLASS)
                    // Election ids past 2^31 share locks with smaller ones: harmless, they
                    // only wait for each other.
                    .bind(chain as i32)
                    .execute(&mut *conn)
                    .await
                    .op("locking the audit chain")?;
            }
            let head: Option<(i64, Vec<u8>)> = sqlx::query_as(
                "SELECT seq, hash FROM audit_log WHERE coalesce(election_id, 0) = $1
                 ORDER BY seq DESC LIMIT 1",
            )
            .bind(chain)
            .fetch_optional(&mut *conn)
            .await
            .op("reading the audit chain's head")?;
            let (prev_seq, prev_hash) = match head {
                Some((seq, hash)) => (seq, AuditHash::from_row(&hash, "hash")?),
                None => (0, AuditHash::GENESIS),
            };
            if let Some(expected) = expected_prev
                && *expected != prev_hash
            {
                return Err(StoreError::AuditChainMoved {
                    chain: chain_name(entry.election),
                    expected: expected.to_string(),
                    actual: prev_hash.to_string(),
                });
            }
            let stored = AuditEntry {
                election: entry.election,
                seq: prev_seq + 1,
                at: entry.at,
                actor: entry.actor.to_owned(),
                action: entry.action.to_owned(),
                details: details.clone(),
                prev_hash,
                hash: AuditHash::GENESIS,
            };
            let stored = AuditEntry {
                hash: stored.computed_hash(),
                ..stored
            };
            sqlx::query(
                "INSERT INTO audit_log
                     (election_id, seq, at, actor, action, details, prev_hash, hash)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(stored.election)
            .bind(stored.seq)
            .bind(stored.at)
            .bind(&stored.actor)
            .bind(&stored.action)
            .bind(&stored.details)
            .bind(stored.prev_hash.0.as_slice())
            .bind(stored.hash.0.as_slice())
            .execute(&mut *conn)
            .await
            .op("appending to the audit log")?;
            Ok(stored)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(seq: i64, prev: AuditHash) -> AuditEntry {
        let mut entry = AuditEntry {
            election: Some(ElectionId(3)),
            seq,
            at: UnixMicros(1_700_000_000_000_000 + seq),
            actor: "account:1".into(),
            action: "election.open".into(),
            details: r#"{"note":"x"}"#.into(),
            prev_hash: prev,
            hash: AuditHash::GENESIS,
        };
        entry.hash = entry.computed_hash();
        entry
    }

    #[test]
    fn hash_follows_the_documented_layout() {
        let e = entry(1, AuditHash::GENESIS);
        // Build the preimage by hand from the module documentation.
        let mut preimage = b"urna-audit-v1\0".to_vec();
        preimage.extend(3u64.to_be_bytes());
        preimage.extend(1u64.to_be_bytes());
        preimage.extend(1_700_000_000_000_001i64.to_be_bytes());
        for text in ["account:1", "election.open", r#"{"note":"x"}"#] {
            preimage.extend((text.len() as u64).to_be_bytes());
            preimage.extend(text.as_bytes());
        }
        preimage.extend([0u8; 32]);
        let expected: [u8; 32] = Sha256::digest(&preimage).into();
        assert_eq!(e.hash, AuditHash(expected));
    }

    #[test]
    fn verify_accepts_a_good_chain_and_finds_each_kind_of_tampering() {
        let first = entry(1, AuditHash::GENESIS);
        let second = entry(2, first.hash);
        let third = entry(3, second.hash);
        let chain = vec![first, second, third];
        verify_audit_chain(&chain).unwrap();

        let mut edited = chain.clone();
        edited[1].details = r#"{"note":"y"}"#.into();
        assert!(matches!(
            verify_audit_chain(&edited),
            Err(StoreError::AuditChainBroken { seq: 2, .. })
        ));

        // Rehashing the edited entry does not help: the next link breaks.
        edited[1].hash = edited[1].computed_hash();
        assert!(matches!(
            verify_audit_chain(&edited),
            Err(StoreError::AuditChainBroken { seq: 3, .. })
        ));

        let mut dropped = chain.clone();
        dropped.remove(1);
        assert!(matches!(
            verify_audit_chain(&dropped),
            Err(StoreError::AuditChainBroken { seq: 3, .. })
        ));

        let mut reordered = chain;
        reordered.swap(0, 1);
        assert!(verify_audit_chain(&reordered).is_err());
    }
}
