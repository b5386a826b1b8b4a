//! # urna-verify
//!
//! An independent verifier of Urna's public election record. It is a second implementation
//! of `docs/record-format.md` (with `docs/crypto.md` §1–§7) and shares no code with the
//! server or with `urna-crypto`/`urna-core`: only the published format, so that a mistake in
//! one implementation is not silently repeated in the other. `urna-tally` is used for the
//! published counting rules only (check V8 recounts with them).
//!
//! Reading order for an audit: `encoding` (bytes, hashes), `proofs` (the three proof
//! checks), `merkle` (RFC 6962), `ballot` (§2–§4), `record` (§6), `checks` (§7, V1–V10).
//!
//! No input makes it panic: every malformed value becomes a failed check naming it.

use std::fmt;

use serde_json::Value;

pub mod ballot;
pub mod checks;
pub mod encoding;
pub mod merkle;
pub mod proofs;
pub mod record;
// --- ranked: ranked ballots of a mixnet election (record-format A.6) ---
pub mod mixnet;
pub mod ranked;
pub mod shuffle;
// --- end ranked ---
#[cfg(any(test, feature = "testing"))]
pub mod testing;
#[cfg(test)]
mod tests;

/// Why a value is not what the format requires: a reason, prefixed with where it was found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Invalid(String);

impl Invalid {
    pub fn new(reason: impl Into<String>) -> Invalid {
        Invalid(reason.into())
    }

    /// The same reason, located: `"{at}: {reason}"`.
    pub fn context(self, at: impl fmt::Display) -> Invalid {
        Invalid(format!("{at}: {}", self.0))
    }
}

/// The checks of §7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CheckId {
    V1,
    V2,
    V3,
    V4,
    V5,
    V6,
    V7,
    V8,
    V9,
    V10,
}

impl CheckId {
    pub const ALL: [CheckId; 10] = [
        CheckId::V1,
        CheckId::V2,
        CheckId::V3,
        CheckId::V4,
        CheckId::V5,
        CheckId::V6,
        CheckId::V7,
        CheckId::V8,
        CheckId::V9,
        CheckId::V10,
    ];

    pub fn name(self) -> &'static str {
        match self {
            CheckId::V1 => "parameters and hashes",
            CheckId::V2 => "trustee keys",
            CheckId::V3 => "ballots",
            CheckId::V4 => "counted set",
            CheckId::V5 => "aggregation",
            CheckId::V6 => "shuffles",
            CheckId::V7 => "decryptions",
            CheckId::V8 => "result",
            CheckId::V9 => "log",
            CheckId::V10 => "growth",
        }
    }
}

impl fmt::Display for CheckId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

/// How one check ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Pass {
        detail: String,
    },
    /// `item` names the first failing item (height, credential, question, position, trustee).
    Fail {
        item: String,
        reason: String,
    },
    NotApplicable {
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckOutcome {
    pub id: CheckId,
    pub name: &'static str,
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    pub checks: Vec<CheckOutcome>,
}

impl Verification {
    /// The checks that failed.
    pub fn failures(&self) -> impl Iterator<Item = &CheckOutcome> {
        self.checks
            .iter()
            .filter(|c| matches!(c.status, Status::Fail { .. }))
    }

    pub fn passed(&self) -> bool {
        self.failures().next().is_none()
    }

    pub fn status(&self, id: CheckId) -> Option<&Status> {
        self.checks.iter().find(|c| c.id == id).map(|c| &c.status)
    }
}

#[derive(Debug, Clone, Default)]
pub struct VerifyOptions {
    /// An older record, or a tree head JSON, that this record must extend (V10).
    pub since: Option<Vec<u8>>,
    /// For trustees: stop at `strikes_frozen` and run V1–V5 and V9 only.
    pub up_to_freeze: bool,
}

/// Progress of a long check: `done` of `total` items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub check: CheckId,
    pub done: u64,
    pub total: u64,
}

fn outcome(id: CheckId, status: Status) -> CheckOutcome {
    CheckOutcome {
        id,
        name: id.name(),
        status,
    }
}

/// V1 failed before the record could be read: every other check is not applicable.
fn unreadable(item: String, reason: Invalid) -> Verification {
    let mut checks = vec![outcome(
        CheckId::V1,
        Status::Fail {
            item,
            reason: reason.to_string(),
        },
    )];
    for id in &CheckId::ALL[1..] {
        checks.push(outcome(
            *id,
            Status::NotApplicable {
                reason: "the record cannot be read (V1)".into(),
            },
        ));
    }
    Verification { checks }
}

/// Runs V1–V10 on a record (docs/record-format.md §7).
pub fn verify(record: &[u8], options: &VerifyOptions, progress: &dyn Fn(Progress)) -> Verification {
    let events = match record::parse(record) {
        Ok(e) => e,
        Err((item, reason)) => return unreadable(item, reason),
    };
    let setup = match events.first().map(|e| e.body()) {
        Some(Ok(body)) if events.first().is_some_and(|e| e.kind == "setup") => {
            match record::Setup::read(&body) {
                Ok(s) => s,
                Err(reason) => return unreadable("height 0".into(), reason),
            }
        }
        Some(Err(reason)) => return unreadable("height 0".into(), reason),
        _ => {
            return unreadable(
                "height 0".into(),
                Invalid::new("the first event is not setup"),
            );
        }
    };
    let events: &[record::Event<'_>] = if options.up_to_freeze {
        match events.iter().position(|e| e.kind == "strikes_frozen") {
            Some(i) => &events[..=i],
            None => &events,
        }
    } else {
        &events
    };
    let up_to = options.up_to_freeze;
    let skipped = || Status::NotApplicable {
        reason: "a trustee's check stops at strikes_frozen".into(),
    };
    let mixnet = setup.kind() == record::Kind::Mixnet;
    let v5 = if mixnet {
        mixnet::v5(events, &setup, up_to)
    } else {
        checks::v5(events, &setup, up_to, progress)
    };
    let mut checks = vec![
        outcome(CheckId::V1, checks::v1(events, &setup)),
        outcome(CheckId::V2, checks::v2(&setup)),
        outcome(CheckId::V3, checks::v3(events, &setup, progress)),
        outcome(CheckId::V4, checks::v4(events)),
        outcome(CheckId::V5, v5),
    ];
    if up_to {
        checks.extend([CheckId::V6, CheckId::V7, CheckId::V8].map(|id| outcome(id, skipped())));
        checks.push(outcome(CheckId::V9, checks::v9(events, &setup, true)));
        checks.push(outcome(CheckId::V10, skipped()));
        return Verification { checks };
    }
    if mixnet {
        let (v7, points) = mixnet::v7(events, &setup);
        checks.push(outcome(CheckId::V6, mixnet::v6(events, &setup, progress)));
        checks.push(outcome(CheckId::V7, v7));
        checks.push(outcome(
            CheckId::V8,
            checks::v8(events, &setup, None, points.as_ref()),
        ));
    } else {
        let (v7, totals) = checks::v7(events, &setup);
        checks.push(outcome(CheckId::V6, checks::v6(&setup)));
        checks.push(outcome(CheckId::V7, v7));
        checks.push(outcome(
            CheckId::V8,
            checks::v8(events, &setup, totals.as_deref(), None),
        ));
    }
    checks.push(outcome(CheckId::V9, checks::v9(events, &setup, false)));
    checks.push(outcome(
        CheckId::V10,
        checks::v10(events, &setup, options.since.as_deref()),
    ));
    Verification { checks }
}

/// Whether a file is a §4 audited ballot rather than a record.
pub fn is_audited_ballot(bytes: &[u8]) -> bool {
    serde_json::from_slice::<Value>(bytes)
        .ok()
        .is_some_and(|v| v.get("type").and_then(Value::as_str) == Some("audited_ballot"))
}

/// What a successful audit established.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Audit {
    /// The ballot's tracker (its digest in hex).
    pub tracker: String,
    /// The revealed answers as bits, per question.
    pub bits: Vec<Vec<u64>>,
}

/// Checks a Benaloh audit (§4): the election digest recomputes from the parameters, the
/// ballot is valid, and every ciphertext is the encryption of the revealed bit with the
/// revealed randomness.
pub fn verify_audited_ballot(bytes: &[u8]) -> Result<Audit, Invalid> {
    use curve25519_dalek::constants::RISTRETTO_BASEPOINT_POINT as G;
    use curve25519_dalek::scalar::Scalar;

    let value: Value =
        serde_json::from_slice(bytes).map_err(|e| Invalid::new(format!("not JSON: {e}")))?;
    let o = encoding::Obj::of(&value, "the audited ballot")?;
    o.only(&["v", "type", "parameters", "ballot", "bits", "randomness"])?;
    if o.u64("v")? != 1 || o.str("type")? != "audited_ballot" {
        return Err(Invalid::new("not a version 1 audited_ballot"));
    }
    let parameters =
        ballot::Parameters::parse(o.get("parameters")?).map_err(|e| e.context("parameters"))?;
    let digest = parameters.digest();
    let valid = ballot::verify_ballot(
        o.get("ballot")?,
        &digest,
        &parameters.public_key.point,
        &parameters.questions,
    )?;
    let bits = o.arr("bits")?;
    let randomness = o.arr("randomness")?;
    if bits.len() != parameters.questions.len() || randomness.len() != parameters.questions.len() {
        return Err(Invalid::new(
            "bits and randomness need one list per question",
        ));
    }
    let mut all = Vec::new();
    let mut cts = valid.ciphertexts.iter();
    for (q, ((m, r), question)) in bits
        .iter()
        .zip(randomness)
        .zip(&parameters.questions)
        .enumerate()
    {
        let (Some(m), Some(r)) = (m.as_array(), r.as_array()) else {
            return Err(Invalid::new(format!(
                "question {q}: bits and randomness must be lists"
            )));
        };
        if m.len() != question.bits() || r.len() != question.bits() {
            return Err(Invalid::new(format!(
                "question {q}: {} bits and {} randomness for {} positions",
                m.len(),
                r.len(),
                question.bits()
            )));
        }
        let mut revealed = Vec::new();
        for (i, (m, r)) in m.iter().zip(r).enumerate() {
            let at = || format!("question {q}, bit {i}");
            let m = m
                .as_u64()
                .filter(|m| *m <= 1)
                .ok_or_else(|| Invalid::new(format!("{}: the bit is not 0 or 1", at())))?;
            let r = r
                .as_str()
                .and_then(|s| encoding::hex(s, 32))
                .and_then(|b| {
                    Option::<Scalar>::from(Scalar::from_canonical_bytes(b.try_into().ok()?))
                })
                .ok_or_else(|| Invalid::new(format!("{}: the randomness is not a scalar", at())))?;
            let c = cts
                .next()
                .ok_or_else(|| Invalid::new(format!("{}: no ciphertext", at())))?;
            let key = parameters.public_key.point;
            if c.alpha.point != r * G || c.beta.point != Scalar::from(m) * G + r * key {
                return Err(Invalid::new(format!(
                    "{}: the ciphertext is not the encryption of {m} with the revealed randomness",
                    at()
                )));
            }
            revealed.push(m);
        }
        all.push(revealed);
    }
    Ok(Audit {
        tracker: encoding::to_hex(&valid.digest),
        bits: all,
    })
}
