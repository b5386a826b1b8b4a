//! Reading the record (docs/record-format.md §6): lines, event envelopes, and the `setup`
//! event's contents that every later check needs.

use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;

use crate::Invalid;
use crate::ballot::{DigestQuestion, Parameters, Question, digest_of_questions};
use crate::encoding::{Obj, Point, Transcript, clip, to_hex};
use crate::merkle::{Hash, leaf_hash};
use crate::ranked::RankedParameters;

/// The event types of §6.
pub const EVENT_TYPES: [&str; 15] = [
    "setup",
    "voter_roll",
    "ballot",
    "strike",
    "unstrike",
    "tree_head",
    "end_ballots",
    "strikes_frozen",
    "encrypted_tally",
    "partial_decryption",
    "mix_input",
    "shuffle",
    "mixed_decryption",
    "decrypted_ballots",
    "result",
];

/// One line of the record. The body stays unparsed text until a check needs it, so a large
/// record costs its own size in memory, not that of a JSON tree.
#[derive(Debug)]
pub struct Event<'a> {
    pub height: u64,
    pub parent: Hash,
    pub kind: String,
    pub body: &'a RawValue,
    /// `SHA-256(0x00 ‖ line)`: the event hash and Merkle leaf.
    pub leaf: Hash,
}

impl Event<'_> {
    pub fn body(&self) -> Result<Value, Invalid> {
        serde_json::from_str(self.body.get()).map_err(|e| Invalid::new(format!("body: {e}")))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope<'a> {
    height: u64,
    parent: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(borrow)]
    body: &'a RawValue,
}

/// Splits and parses the record's lines. The envelope must be written exactly as
/// `{"height":…,"parent":"…","type":"…","body":…}` (keys in this order, no spaces), which is
/// checked by rebuilding that prefix.
pub fn parse(record: &[u8]) -> Result<Vec<Event<'_>>, (String, Invalid)> {
    let text = std::str::from_utf8(record).map_err(|e| {
        (
            "the record".to_owned(),
            Invalid::new(format!("is not UTF-8 ({e})")),
        )
    })?;
    if text.is_empty() {
        return Err(("the record".to_owned(), Invalid::new("is empty")));
    }
    let Some(body) = text.strip_suffix('\n') else {
        return Err((
            "the record".to_owned(),
            Invalid::new("does not end with a line break"),
        ));
    };
    let mut events = Vec::new();
    for (n, line) in body.split('\n').enumerate() {
        let at = |e: Invalid| (format!("line {}", n + 1), e);
        let envelope: Envelope<'_> = serde_json::from_str(line)
            .map_err(|e| at(Invalid::new(format!("is not an event: {e}"))))?;
        let prefix = format!(
            "{{\"height\":{},\"parent\":\"{}\",\"type\":\"{}\",\"body\":",
            envelope.height, envelope.parent, envelope.kind
        );
        if !line.starts_with(&prefix) {
            return Err(at(Invalid::new(
                "keys are not height, parent, type, body in this order, without spaces",
            )));
        }
        if envelope.height != n as u64 {
            return Err(at(Invalid::new(format!(
                "height {} where {n} was due",
                envelope.height
            ))));
        }
        let parent = crate::encoding::hex(&envelope.parent, 32).ok_or_else(|| {
            at(Invalid::new(format!(
                "parent {:?} is not a 32-byte lowercase hex hash",
                clip(&envelope.parent)
            )))
        })?;
        if !EVENT_TYPES.contains(&envelope.kind.as_str()) {
            return Err(at(Invalid::new(format!(
                "unknown event type {:?}",
                clip(&envelope.kind)
            ))));
        }
        let mut parent_hash = [0u8; 32];
        parent_hash.copy_from_slice(&parent);
        events.push(Event {
            height: envelope.height,
            parent: parent_hash,
            kind: envelope.kind,
            body: envelope.body,
            leaf: leaf_hash(line.as_bytes()),
        });
    }
    Ok(events)
}

/// A trustee of the set-up.
/// The three kinds of election a record can hold (§6, A.7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// No parameters: sealed ballots the server decrypts and shuffles.
    Sealed,
    /// §3 parameters: a homomorphic tally.
    Verifiable,
    /// A.6 parameters (every question ranked): shuffles, then decryption (A.7).
    Mixnet,
}

/// Whether parameters list questions and every one is `ranked` (A.6): a mixnet election.
fn is_all_ranked(parameters: &Value) -> bool {
    parameters
        .get("questions")
        .and_then(Value::as_array)
        .is_some_and(|qs| {
            !qs.is_empty()
                && qs
                    .iter()
                    .all(|q| q.get("ballot_type").and_then(Value::as_str) == Some("ranked"))
        })
}

#[derive(Debug, Clone)]
pub struct Trustee {
    pub name: String,
    pub key: Point,
    pub proof: Value,
}

/// What the `setup` event establishes, read without checking any proof (V2 does that).
#[derive(Debug, Clone)]
pub struct Setup {
    pub election_id: String,
    pub setup_digest: [u8; 32],
    pub threshold: u64,
    pub trustees: Vec<Trustee>,
    pub public_key: Point,
    pub verification_keys: Vec<Point>,
    /// Verifiable elections' parameters (§3); `None` for sealed and mixnet elections.
    pub parameters: Option<Parameters>,
    /// Mixnet elections' parameters (A.6: every question ranked).
    pub ranked: Option<RankedParameters>,
    /// Recomputed from the parameters (§3); every check uses this one.
    pub election_digest: [u8; 32],
    /// As `setup.election_digest` records it; V1 compares.
    pub recorded_digest: [u8; 32],
    pub board_key: Point,
    /// `(question id, method)` from the manifest, in order.
    pub manifest: Vec<(String, String)>,
    pub body: Value,
}

impl Setup {
    pub fn questions(&self) -> &[Question] {
        self.parameters.as_ref().map_or(&[], |p| &p.questions)
    }

    pub fn read(body: &Value) -> Result<Setup, Invalid> {
        let o = Obj::of(body, "the setup body")?;
        let ts = o
            .obj("trustee_setup")
            .map_err(|e| e.context("trustee_setup"))?;
        let election_id = ts.str("election_id")?.to_owned();
        let threshold = ts.u64("threshold")?;
        let mut trustees = Vec::new();
        for (i, t) in ts.arr("trustees")?.iter().enumerate() {
            let at = |e: Invalid| e.context(format!("trustee {}", i + 1));
            let t = Obj::of(t, "a trustee").map_err(at)?;
            trustees.push(Trustee {
                name: t.str("name").map_err(at)?.to_owned(),
                key: t.point("encryption_key").map_err(at)?,
                proof: t.get("proof_of_possession").map_err(at)?.clone(),
            });
        }
        // docs/crypto.md §6: the set-up digest.
        let mut t = Transcript::new("urna/v1/setup");
        t.push(election_id.as_bytes())
            .int(threshold)
            .int(trustees.len() as u64);
        for trustee in &trustees {
            t.push(trustee.name.as_bytes()).push(&trustee.key.bytes);
        }
        let key = o
            .obj("election_key")
            .map_err(|e| e.context("election_key"))?;
        let verification_keys = key
            .arr("verification_keys")?
            .iter()
            .enumerate()
            .map(|(i, v)| {
                v.as_str()
                    .and_then(|s| crate::encoding::hex(s, 32))
                    .and_then(|b| Point::from_bytes(b.try_into().ok()?))
                    .ok_or_else(|| {
                        Invalid::new(format!("verification key {} is not a point", i + 1))
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let (parameters, ranked) = match o.0.get("parameters") {
            None | Some(Value::Null) => (None, None),
            Some(p) if is_all_ranked(p) => (
                None,
                Some(RankedParameters::parse(p).map_err(|e| e.context("parameters"))?),
            ),
            Some(p) => (
                Some(Parameters::parse(p).map_err(|e| e.context("parameters"))?),
                None,
            ),
        };
        let manifest = o
            .obj("manifest")?
            .arr("questions")?
            .iter()
            .map(|q| {
                let q = Obj::of(q, "a manifest question")?;
                Ok((q.str("id")?.to_owned(), q.str("method")?.to_owned()))
            })
            .collect::<Result<Vec<_>, Invalid>>()
            .map_err(|e| e.context("manifest"))?;
        let setup_digest = t.digest();
        let public_key = key
            .point("public_key")
            .map_err(|e| e.context("election_key"))?;
        let election_digest = match &ranked {
            Some(r) => digest_of_questions(
                &election_id,
                &setup_digest,
                &public_key,
                r.questions.iter().map(|q| DigestQuestion {
                    id: &q.id,
                    ballot_type: "ranked",
                    min: 0,
                    max: q.max,
                    options: &q.options,
                }),
            ),
            None => crate::ballot::election_digest(
                &election_id,
                &setup_digest,
                &public_key,
                parameters.as_ref().map_or(&[], |p| &p.questions),
            ),
        };
        Ok(Setup {
            election_digest,
            election_id,
            setup_digest,
            threshold,
            trustees,
            public_key,
            verification_keys,
            parameters,
            ranked,
            recorded_digest: o.digest("election_digest")?,
            board_key: o.point("board_key")?,
            manifest,
            body: body.clone(),
        })
    }

    /// What kind of election the parameters make.
    pub fn kind(&self) -> Kind {
        if self.ranked.is_some() {
            Kind::Mixnet
        } else if self.parameters.is_some() {
            Kind::Verifiable
        } else {
            Kind::Sealed
        }
    }

    pub fn short(&self) -> String {
        to_hex(&self.election_digest)
    }
}
