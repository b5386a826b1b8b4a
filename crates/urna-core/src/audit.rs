//! The append-only, hash-chained audit log: every transition and admin act of an election.
//!
//! Each entry's hash covers its content and the previous entry's hash, so editing, deleting,
//! reordering or inserting an entry anywhere breaks the chain at that point, and
//! [`verify_chain`] names the entry. Cutting entries off the end, or rewriting everything after
//! some point, leaves a valid shorter chain: only a head published or kept elsewhere
//! ([`ChainHead`], checked by [`verify_chain_with_head`]) reveals that.
//!
//! # The hashed encoding (version 1)
//! `hash = SHA-256(m)` where `m` is the concatenation of
//! ```text
//! "urna-audit-v1" 0x00            domain tag, 14 bytes
//! seq                             u64, big-endian (entries are numbered from 1)
//! at                              i64 seconds since the Unix epoch, then u32 nanoseconds,
//!                                 both big-endian (`append` keeps whole microseconds)
//! actor, action, details          each: u64 big-endian byte length, then UTF-8 bytes
//! prev_hash                       32 bytes (zeros for entry 1)
//! ```
//! `details` is written as canonical JSON: no white space; object keys sorted by Unicode code
//! point (UTF-8 byte order); strings escaped as `serde_json` writes them (`"` `\` and control
//! characters only); numbers as `serde_json` prints them. Keep details to strings, integers,
//! booleans, arrays and objects: floats print in a form other tools may not reproduce.

use std::fmt;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use thiserror::Error;

const DOMAIN_TAG: &[u8] = b"urna-audit-v1\0";

/// One entry of the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub seq: u64,
    pub at: Timestamp,
    /// Who did it: a staff account name, `system` for the scheduler.
    pub actor: String,
    /// What was done: `state_changed`, `voters_uploaded`, `ballot_struck`, …
    pub action: String,
    pub details: Value,
    #[serde(with = "hex32")]
    pub prev_hash: [u8; 32],
    #[serde(with = "hex32")]
    pub hash: [u8; 32],
}

/// Where a chain ended when it was last seen: enough to detect a cut or rewritten tail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainHead {
    pub seq: u64,
    #[serde(with = "hex32")]
    pub hash: [u8; 32],
}

/// The first place where a chain is not what it should be.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("audit log entry {seq}: {reason}")]
pub struct TamperError {
    /// The sequence number expected at the place of the problem.
    pub seq: u64,
    pub reason: TamperReason,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TamperReason {
    #[error("found sequence number {found} (an entry is missing, inserted or moved)")]
    Sequence { found: u64 },
    #[error("does not follow the previous entry (its prev_hash differs)")]
    PrevHash,
    #[error("its content does not match its hash (it was edited)")]
    Hash,
    #[error("the log ends at entry {found}, but it reached entry {expected} before")]
    Truncated { expected: u64, found: u64 },
    #[error("differs from the head recorded earlier (the log was rewritten)")]
    Head,
}

impl AuditEntry {
    /// The entry after `prev` (or the first entry). `at` is cut to whole microseconds, so that
    /// a store keeping microseconds gives back exactly what was hashed.
    pub fn next(
        prev: Option<&AuditEntry>,
        at: Timestamp,
        actor: impl Into<String>,
        action: impl Into<String>,
        details: Value,
    ) -> AuditEntry {
        let at = Timestamp::from_microsecond(at.as_microsecond()).unwrap_or(at);
        let mut entry = AuditEntry {
            seq: prev.map_or(1, |p| p.seq + 1),
            at,
            actor: actor.into(),
            action: action.into(),
            details,
            prev_hash: prev.map_or([0; 32], |p| p.hash),
            hash: [0; 32],
        };
        entry.hash = entry.compute_hash();
        entry
    }

    /// The hash of the entry's content as documented in the module.
    pub fn compute_hash(&self) -> [u8; 32] {
        let mut h = Sha256::new();
        h.update(DOMAIN_TAG);
        h.update(self.seq.to_be_bytes());
        h.update(self.at.as_second().to_be_bytes());
        // Negative only before 1970 with a fraction; `subsec_nanosecond` is then negative and
        // its two's complement is still one fixed encoding.
        h.update((self.at.subsec_nanosecond() as u32).to_be_bytes());
        for field in [self.actor.as_bytes(), self.action.as_bytes()] {
            h.update((field.len() as u64).to_be_bytes());
            h.update(field);
        }
        let details = canonical_json(&self.details);
        h.update((details.len() as u64).to_be_bytes());
        h.update(details.as_bytes());
        h.update(self.prev_hash);
        h.finalize().into()
    }

    pub fn head(&self) -> ChainHead {
        ChainHead {
            seq: self.seq,
            hash: self.hash,
        }
    }
}

/// A log held in memory (an export, a test). Stores append with [`AuditEntry::next`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditLog {
    entries: Vec<AuditEntry>,
}

impl AuditLog {
    pub fn new() -> AuditLog {
        AuditLog::default()
    }

    /// A log read back from somewhere, verified.
    pub fn from_entries(entries: Vec<AuditEntry>) -> Result<AuditLog, TamperError> {
        verify_chain(&entries)?;
        Ok(AuditLog { entries })
    }

    pub fn append(
        &mut self,
        at: Timestamp,
        actor: impl Into<String>,
        action: impl Into<String>,
        details: Value,
    ) -> &AuditEntry {
        let entry = AuditEntry::next(self.entries.last(), at, actor, action, details);
        self.entries.push(entry);
        &self.entries[self.entries.len() - 1]
    }

    pub fn entries(&self) -> &[AuditEntry] {
        &self.entries
    }

    pub fn head(&self) -> Option<ChainHead> {
        self.entries.last().map(AuditEntry::head)
    }
}

/// Checks a whole chain from entry 1: numbering, links and hashes, stopping at the first
/// problem.
pub fn verify_chain(entries: &[AuditEntry]) -> Result<(), TamperError> {
    let mut prev_hash = [0u8; 32];
    for (i, e) in entries.iter().enumerate() {
        let seq = i as u64 + 1;
        let fail = |reason| Err(TamperError { seq, reason });
        if e.seq != seq {
            return fail(TamperReason::Sequence { found: e.seq });
        }
        if e.prev_hash != prev_hash {
            return fail(TamperReason::PrevHash);
        }
        if e.compute_hash() != e.hash {
            return fail(TamperReason::Hash);
        }
        prev_hash = e.hash;
    }
    Ok(())
}

/// [`verify_chain`], and the chain still holds the entry `head` recorded, unchanged.
pub fn verify_chain_with_head(entries: &[AuditEntry], head: &ChainHead) -> Result<(), TamperError> {
    verify_chain(entries)?;
    let found = entries.len() as u64;
    match usize::try_from(head.seq)
        .ok()
        .and_then(|s| s.checked_sub(1))
        .and_then(|i| entries.get(i))
    {
        Some(e) if e.hash == head.hash => Ok(()),
        Some(_) => Err(TamperError {
            seq: head.seq,
            reason: TamperReason::Head,
        }),
        None => Err(TamperError {
            seq: found + 1,
            reason: TamperReason::Truncated {
                expected: head.seq,
                found,
            },
        }),
    }
}

/// The canonical JSON text of `v` (see the module documentation).
pub fn canonical_json(v: &Value) -> String {
    let mut out = String::new();
    write_canonical(v, &mut out);
    out
}

fn write_canonical(v: &Value, out: &mut String) {
    match v {
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {
            out.push_str(&v.to_string());
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_unstable();
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                write_canonical(&map[k], out);
            }
            out.push('}');
        }
    }
}

/// `[u8; 32]` as 64 lower-case hex digits.
mod hex32 {
    use serde::{Deserialize, Deserializer, Serializer, de::Error as _};
    use std::fmt::Write as _;

    pub fn serialize<S: Serializer>(bytes: &[u8; 32], s: S) -> Result<S::Ok, S::Error> {
        let mut hex = String::with_capacity(64);
        for b in bytes {
            let _ = write!(hex, "{b:02x}");
        }
        s.serialize_str(&hex)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[u8; 32], D::Error> {
        let hex = String::deserialize(d)?;
        let bad = || D::Error::custom(format!("{hex:?} is not 64 hexadecimal digits"));
        if hex.len() != 64 || !hex.is_ascii() {
            return Err(bad());
        }
        let mut out = [0u8; 32];
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).map_err(|_| bad())?;
        }
        Ok(out)
    }
}

impl fmt::Display for ChainHead {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "entry {} ", self.seq)?;
        for b in &self.hash[..8] {
            write!(f, "{b:02x}")?;
        }
        f.write_str("…")
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    /// Five entries, as an election's first admin acts.
    fn log() -> AuditLog {
        let mut log = AuditLog::new();
        log.append(
            ts("2026-10-01T09:00:00Z"),
            "alice",
            "election_created",
            json!({"slug": "board-2026"}),
        );
        log.append(
            ts("2026-10-01T09:05:00Z"),
            "alice",
            "voters_uploaded",
            json!({"count": 120}),
        );
        log.append(
            ts("2026-10-02T10:00:00Z"),
            "bob",
            "state_changed",
            json!({"from": "draft", "to": "ready"}),
        );
        log.append(
            ts("2026-11-01T12:00:00Z"),
            "system",
            "state_changed",
            json!({"from": "ready", "to": "open"}),
        );
        log.append(
            ts("2026-11-20T08:30:00Z"),
            "alice",
            "end_extended",
            json!({"to": "2026-12-08T11:59:00Z"}),
        );
        log
    }

    fn err(entries: &[AuditEntry]) -> TamperError {
        verify_chain(entries).unwrap_err()
    }

    #[test]
    fn hash_matches_the_documented_encoding() {
        // Independent check, computed with Python's hashlib from the module's description:
        //   import hashlib, struct
        //   m = b"urna-audit-v1\0" + struct.pack(">Q", 1) + struct.pack(">qI", 1790845200, 0)
        //   for f in [b"alice", b"election_created", b'{"a":1,"slug":"board-2026"}']:
        //       m += struct.pack(">Q", len(f)) + f
        //   m += bytes(32); print(hashlib.sha256(m).hexdigest())
        // (1790845200 = 2026-10-01T09:00:00Z.)
        let e = AuditEntry::next(
            None,
            ts("2026-10-01T09:00:00Z"),
            "alice",
            "election_created",
            json!({"slug": "board-2026", "a": 1}),
        );
        assert_eq!(ts("2026-10-01T09:00:00Z").as_second(), 1_790_845_200);
        let hex: String = e.hash.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, EXPECTED_FIRST_HASH);
    }

    const EXPECTED_FIRST_HASH: &str =
        "06c983113988cfaa0c175f8ccc0ff2086d0c344eed8e2329269d61f95ba31be4";

    #[test]
    fn canonical_json_sorts_keys_at_every_depth() {
        let v = json!({"b": [1, {"z": null, "y": "é\"\n"}], "a": true, "B": -5});
        assert_eq!(
            canonical_json(&v),
            r#"{"B":-5,"a":true,"b":[1,{"y":"é\"\n","z":null}]}"#
        );
    }

    #[test]
    fn an_untouched_log_verifies() {
        let log = log();
        verify_chain(log.entries()).unwrap();
        verify_chain_with_head(log.entries(), &log.head().unwrap()).unwrap();
        assert_eq!(AuditLog::from_entries(log.entries().to_vec()).unwrap(), log);
        verify_chain(&[]).unwrap();
    }

    #[test]
    fn editing_any_entry_is_detected_at_that_entry() {
        for k in 0..5 {
            let mut entries = log().entries().to_vec();
            entries[k].details = json!({"count": 999});
            assert_eq!(
                err(&entries),
                TamperError {
                    seq: k as u64 + 1,
                    reason: TamperReason::Hash
                }
            );

            let mut entries = log().entries().to_vec();
            entries[k].actor = "mallory".into();
            assert_eq!(err(&entries).seq, k as u64 + 1);

            let mut entries = log().entries().to_vec();
            entries[k].at = ts("2026-12-31T00:00:00Z");
            assert_eq!(err(&entries).seq, k as u64 + 1);
        }
    }

    #[test]
    fn an_edited_entry_with_a_recomputed_hash_breaks_the_next_link() {
        let mut entries = log().entries().to_vec();
        entries[2].actor = "mallory".into();
        entries[2].hash = entries[2].compute_hash();
        assert_eq!(
            err(&entries),
            TamperError {
                seq: 4,
                reason: TamperReason::PrevHash
            }
        );
    }

    #[test]
    fn deleting_an_entry_is_detected_where_it_was() {
        for k in 0..4 {
            let mut entries = log().entries().to_vec();
            entries.remove(k);
            assert_eq!(
                err(&entries),
                TamperError {
                    seq: k as u64 + 1,
                    reason: TamperReason::Sequence {
                        found: k as u64 + 2
                    }
                }
            );
        }
    }

    #[test]
    fn reordering_is_detected_at_the_first_moved_entry() {
        let mut entries = log().entries().to_vec();
        entries.swap(1, 3);
        assert_eq!(
            err(&entries),
            TamperError {
                seq: 2,
                reason: TamperReason::Sequence { found: 4 }
            }
        );
    }

    #[test]
    fn inserting_is_detected_just_after_the_forged_entry() {
        // A forger who can compute hashes makes a well-formed entry 3 after the real entry 2;
        // the real entry 3, now in fourth place, gives the insertion away.
        let mut entries = log().entries().to_vec();
        let forged = AuditEntry::next(
            Some(&entries[1]),
            ts("2026-10-01T10:00:00Z"),
            "mallory",
            "voters_uploaded",
            json!({"count": 5}),
        );
        entries.insert(2, forged);
        assert_eq!(
            err(&entries),
            TamperError {
                seq: 4,
                reason: TamperReason::Sequence { found: 3 }
            }
        );
        // Renumbering the real entries instead changes their content: hash mismatch at 4.
        for e in &mut entries[3..] {
            e.seq += 1;
        }
        assert_eq!(
            err(&entries),
            TamperError {
                seq: 4,
                reason: TamperReason::PrevHash
            }
        );
    }

    #[test]
    fn a_cut_or_rewritten_tail_needs_the_head() {
        let log = log();
        let head = log.head().unwrap();
        let cut = &log.entries()[..3];
        verify_chain(cut).unwrap();
        assert_eq!(
            verify_chain_with_head(cut, &head).unwrap_err(),
            TamperError {
                seq: 4,
                reason: TamperReason::Truncated {
                    expected: 5,
                    found: 3
                }
            }
        );
        // Rewrite entry 5 consistently: a valid chain, but not the recorded head.
        let mut entries = log.entries().to_vec();
        let last = entries.pop().unwrap();
        let rewritten = AuditEntry::next(
            entries.last(),
            last.at,
            "alice",
            "end_extended",
            json!({"to": "2027-01-01T00:00:00Z"}),
        );
        entries.push(rewritten);
        verify_chain(&entries).unwrap();
        assert_eq!(
            verify_chain_with_head(&entries, &head).unwrap_err(),
            TamperError {
                seq: 5,
                reason: TamperReason::Head
            }
        );
    }

    #[test]
    fn times_are_kept_to_the_microsecond_and_json_round_trips() {
        let e = AuditEntry::next(
            None,
            ts("2026-10-01T09:00:00.123456789Z"),
            "a",
            "b",
            json!(null),
        );
        assert_eq!(e.at, ts("2026-10-01T09:00:00.123456Z"));
        let json = serde_json::to_string(&e).unwrap();
        let back: AuditEntry = serde_json::from_str(&json).unwrap();
        assert_eq!(back, e);
        verify_chain(&[back]).unwrap();
        assert!(
            json.contains(&format!("\"prev_hash\":\"{}\"", "0".repeat(64))),
            "{json}"
        );
    }
}
