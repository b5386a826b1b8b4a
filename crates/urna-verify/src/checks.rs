//! The checks V1–V10 of docs/record-format.md §7, one function each. Every check reads the
//! record itself and trusts nothing another check computed except where §7 says so (V8 uses
//! V7's totals); so a fault is reported by the check responsible for it, and by no other.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use curve25519_dalek::constants::RISTRETTO_BASEPOINT_POINT as G;
use curve25519_dalek::ristretto::RistrettoPoint;
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::{Identity, VartimeMultiscalarMul};
use rayon::prelude::*;
use serde_json::Value;

use crate::ballot::{self, Ciphertext, Question};
use crate::encoding::{Obj, Point, Transcript, clip, hex, to_hex};
use crate::merkle::{Frontier, Hash};
use crate::record::{Event, Kind, Setup};
use crate::{CheckId, Invalid, Progress, Status, proofs};

/// Ballots checked between two progress reports.
const CHUNK: usize = 256;

pub(crate) fn fail(item: impl Into<String>, reason: impl std::fmt::Display) -> Status {
    Status::Fail {
        item: item.into(),
        reason: reason.to_string(),
    }
}

pub(crate) fn pass(detail: impl Into<String>) -> Status {
    Status::Pass {
        detail: detail.into(),
    }
}

pub(crate) fn na(reason: impl Into<String>) -> Status {
    Status::NotApplicable {
        reason: reason.into(),
    }
}

pub(crate) fn at_height(h: u64) -> String {
    format!("height {h}")
}

/// Reads a body, naming its height on failure.
pub(crate) fn body(e: &Event<'_>) -> Result<Value, Status> {
    e.body().map_err(|err| fail(at_height(e.height), err))
}

// ---------------------------------------------------------------------------------------
// V1 parameters and hashes

/// Where each event type may stand: a record goes through these phases in order.
fn phase(kind: &str) -> Option<u8> {
    match kind {
        "encrypted_tally" | "mix_input" => Some(3),
        "shuffle" => Some(4),
        "partial_decryption" | "mixed_decryption" => Some(5),
        "decrypted_ballots" => Some(6),
        "result" => Some(7),
        _ => None,
    }
}

/// Whether an event type belongs to this kind of election (§6, A.7).
fn fits(kind: &str, election: Kind) -> bool {
    match kind {
        "encrypted_tally" | "partial_decryption" => election == Kind::Verifiable,
        "mix_input" | "shuffle" | "mixed_decryption" => election == Kind::Mixnet,
        "decrypted_ballots" => election != Kind::Verifiable,
        _ => true,
    }
}

pub fn v1(events: &[Event<'_>], setup: &Setup) -> Status {
    let mut seen_end = false;
    let mut seen_frozen = false;
    let mut last_phase = 0u8;
    for e in events {
        let item = at_height(e.height);
        match e.kind.as_str() {
            "setup" if e.height != 0 => return fail(item, "a second setup event"),
            "voter_roll" | "ballot" | "strike" | "unstrike" if seen_frozen => {
                // Ballots and strikes after the freeze are V4's to report; a roll change is not.
                if e.kind == "voter_roll" {
                    return fail(item, "voter_roll after strikes_frozen");
                }
            }
            "end_ballots" if seen_end => return fail(item, "a second end_ballots"),
            "end_ballots" => seen_end = true,
            "strikes_frozen" if seen_frozen || !seen_end => {
                return fail(item, "strikes_frozen repeated or before end_ballots");
            }
            "strikes_frozen" => seen_frozen = true,
            kind if !fits(kind, setup.kind()) => {
                return fail(item, format!("{kind} in a {:?} election", setup.kind()));
            }
            kind => {
                if let Some(p) = phase(kind) {
                    if !seen_frozen {
                        return fail(item, format!("{kind} before strikes_frozen"));
                    }
                    if p < last_phase {
                        return fail(item, format!("{kind} after a later kind of event"));
                    }
                    let once = p == 3;
                    if once && last_phase == 3 {
                        return fail(item, format!("a second {kind}"));
                    }
                    last_phase = p;
                }
            }
        }
    }
    if events.first().is_none_or(|e| e.kind != "setup") {
        return fail("height 0", "the first event is not setup");
    }
    let declared = match (&setup.parameters, &setup.ranked) {
        (Some(p), _) => Some((
            &p.setup,
            &p.public_key,
            &p.election_id,
            p.questions
                .iter()
                .map(|q| q.id.as_str())
                .collect::<Vec<_>>(),
        )),
        (None, Some(r)) => Some((
            &r.setup,
            &r.public_key,
            &r.election_id,
            r.questions
                .iter()
                .map(|q| q.id.as_str())
                .collect::<Vec<_>>(),
        )),
        (None, None) => None,
    };
    if let Some((setup_digest, public_key, election_id, ids)) = declared {
        if *setup_digest != setup.setup_digest {
            return fail(
                "height 0",
                "parameters.setup is not the digest of trustee_setup",
            );
        }
        if public_key.bytes != setup.public_key.bytes {
            return fail("height 0", "parameters.public_key is not the election key");
        }
        if *election_id != setup.election_id {
            return fail(
                "height 0",
                "parameters.election_id is not the set-up's election id",
            );
        }
        let manifest: Vec<&str> = setup.manifest.iter().map(|(id, _)| id.as_str()).collect();
        if ids != manifest {
            return fail(
                "height 0",
                "the parameters' questions are not the manifest's questions",
            );
        }
    }
    let digest = setup.election_digest;
    if digest != setup.recorded_digest {
        return fail(
            "height 0",
            format!(
                "election_digest does not recompute (§3 gives {})",
                to_hex(&digest)
            ),
        );
    }
    pass(format!(
        "{} events; {} question(s), {}; election digest {}",
        events.len(),
        setup.manifest.len(),
        match setup.kind() {
            Kind::Verifiable => "verifiable",
            Kind::Mixnet => "mixnet",
            Kind::Sealed => "sealed",
        },
        to_hex(&digest)
    ))
}

// ---------------------------------------------------------------------------------------
// V2 trustee keys

pub fn v2(setup: &Setup) -> Status {
    match trustee_keys(setup) {
        Ok(detail) => pass(detail),
        Err((item, reason)) => fail(item, reason),
    }
}

fn trustee_keys(setup: &Setup) -> Result<String, (String, Invalid)> {
    let sd = &setup.setup_digest;
    let n = setup.trustees.len();
    let k = setup.threshold;
    let whole = |e: Invalid| ("trustee set-up".to_owned(), e);
    if !(1 <= k && k <= n as u64 && n <= 1000) {
        return Err(whole(Invalid::new(format!(
            "threshold {k} of {n} trustees (1 ≤ k ≤ n ≤ 1000)"
        ))));
    }
    let mut names = BTreeSet::new();
    let mut keys = BTreeSet::new();
    for (i, t) in setup.trustees.iter().enumerate() {
        let item = || format!("trustee {}", i + 1);
        if !names.insert(&t.name) || !keys.insert(t.key.bytes) {
            return Err((
                item(),
                Invalid::new("name or key repeats another trustee's"),
            ));
        }
        if t.key.point == RistrettoPoint::identity() {
            return Err((item(), Invalid::new("the key is the identity")));
        }
        let proof = Obj::of(&t.proof, "proof_of_possession")
            .and_then(|o| Ok((o.scalar("c")?, o.scalar("s")?)))
            .map_err(|e| (item(), e))?;
        if !proofs::schnorr("urna/v1/trustee-pop", &[t.name.as_bytes()], &t.key, proof) {
            return Err((
                item(),
                Invalid::new("the proof of possession does not verify"),
            ));
        }
    }
    let body = Obj::of(&setup.body, "setup").map_err(whole)?;
    let dkg = body.obj("dkg").map_err(whole)?;
    let round1 = dkg.arr("round1").map_err(whole)?;
    let round2 = dkg.arr("round2").map_err(whole)?;
    if round1.len() != n || round2.len() != n {
        return Err(whole(Invalid::new(format!(
            "{} round 1 and {} round 2 messages for {n} trustees",
            round1.len(),
            round2.len()
        ))));
    }
    let mut body_digests = Vec::with_capacity(n);
    let mut sum_commitments = vec![RistrettoPoint::identity(); k as usize];
    for (i, message) in round1.iter().enumerate() {
        let dealer = (i + 1) as u64;
        let item = || format!("DKG round 1 of trustee {dealer}");
        let (digest, commitments) =
            round1_message(message, setup, dealer).map_err(|e| (item(), e))?;
        body_digests.push(digest);
        for (sum, c) in sum_commitments.iter_mut().zip(&commitments) {
            *sum += c.point;
        }
    }
    let mut t = Transcript::new("urna/v1/dkg-transcript");
    t.push(sd).int(n as u64);
    for d in &body_digests {
        t.push(d);
    }
    let transcript = t.digest();
    let mut verification_keys = Vec::with_capacity(n);
    for (i, message) in round2.iter().enumerate() {
        let l = (i + 1) as u64;
        let item = || format!("DKG round 2 of trustee {l}");
        let o = Obj::of(message, "a round 2 message").map_err(|e| (item(), e))?;
        let check = || -> Result<Point, Invalid> {
            o.only(&[
                "v",
                "setup",
                "trustee",
                "transcript",
                "verification_key",
                "proof",
            ])?;
            if o.digest("setup")? != *sd || o.u64("trustee")? != l {
                return Err(Invalid::new("wrong set-up digest or trustee index"));
            }
            if o.digest("transcript")? != transcript {
                return Err(Invalid::new(
                    "the transcript digest is not that of the round 1 messages",
                ));
            }
            let x = o.point("verification_key")?;
            // X_l = Σ_j l^j·C_j
            let mut power = Scalar::ONE;
            let mut expected = RistrettoPoint::identity();
            for c in &sum_commitments {
                expected += power * c;
                power *= Scalar::from(l);
            }
            if x.point != expected {
                return Err(Invalid::new("verification key is not Σ_j l^j·C_j"));
            }
            if !proofs::schnorr(
                "urna/v1/dkg-share-pok",
                &[sd, &l.to_be_bytes(), &transcript],
                &x,
                o.proof("proof")?,
            ) {
                return Err(Invalid::new("the key share proof does not verify"));
            }
            Ok(x)
        };
        verification_keys.push(check().map_err(|e| (item(), e))?);
    }
    let ek = body.obj("election_key").map_err(whole)?;
    let key_item = |e: Invalid| ("election key".to_owned(), e);
    let y: RistrettoPoint = round1
        .iter()
        .filter_map(|m| m.get("commitments")?.get(0)?.as_str())
        .filter_map(|s| Point::from_bytes(hex(s, 32)?.try_into().ok()?))
        .map(|p| p.point)
        .sum();
    if ek.digest("setup").map_err(key_item)? != *sd
        || ek.digest("transcript").map_err(key_item)? != transcript
        || ek.u64("threshold").map_err(key_item)? != k
        || ek.str("election_id").map_err(key_item)? != setup.election_id
    {
        return Err(key_item(Invalid::new(
            "set-up, transcript, threshold or election id differ",
        )));
    }
    if setup.public_key.point != y {
        return Err(key_item(Invalid::new("public_key is not Σ A_{i,0}")));
    }
    let recorded: Vec<[u8; 32]> = setup.verification_keys.iter().map(|p| p.bytes).collect();
    let computed: Vec<[u8; 32]> = verification_keys.iter().map(|p| p.bytes).collect();
    if recorded != computed {
        return Err(key_item(Invalid::new(
            "verification_keys are not the round 2 keys",
        )));
    }
    let board = body
        .proof("board_key_proof")
        .map_err(|e| ("board key".to_owned(), e))?;
    if !proofs::schnorr(
        "urna/v1/board-key",
        &[&setup.election_digest],
        &setup.board_key,
        board,
    ) {
        return Err((
            "board key".to_owned(),
            Invalid::new("board_key_proof does not verify"),
        ));
    }
    Ok(format!(
        "{k} of {n} trustees; set-up, DKG and election key verify; board key proven"
    ))
}

/// Checks one round 1 message and returns its body digest and commitments.
fn round1_message(
    message: &Value,
    setup: &Setup,
    dealer: u64,
) -> Result<([u8; 32], Vec<Point>), Invalid> {
    let o = Obj::of(message, "a round 1 message")?;
    o.only(&[
        "v",
        "setup",
        "dealer",
        "commitments",
        "constant_proof",
        "shares",
        "signature",
    ])?;
    let sd = &setup.setup_digest;
    if o.digest("setup")? != *sd || o.u64("dealer")? != dealer {
        return Err(Invalid::new("wrong set-up digest or dealer index"));
    }
    let commitments = o
        .arr("commitments")?
        .iter()
        .map(|c| {
            c.as_str()
                .and_then(|s| hex(s, 32))
                .and_then(|b| Point::from_bytes(b.try_into().ok()?))
                .ok_or_else(|| Invalid::new("a commitment is not a point"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    if commitments.len() as u64 != setup.threshold {
        return Err(Invalid::new(format!(
            "{} commitments, threshold {}",
            commitments.len(),
            setup.threshold
        )));
    }
    let constant = o.proof("constant_proof")?;
    let Some(a0) = commitments.first() else {
        return Err(Invalid::new("no commitments"));
    };
    if !proofs::schnorr(
        "urna/v1/dkg-coefficient-pok",
        &[sd, &dealer.to_be_bytes()],
        a0,
        constant,
    ) {
        return Err(Invalid::new(
            "the constant-coefficient proof does not verify",
        ));
    }
    let mut t = Transcript::new("urna/v1/dkg-round1");
    t.push(sd).int(dealer).int(setup.threshold);
    for c in &commitments {
        t.push(&c.bytes);
    }
    t.push(constant.0.as_bytes()).push(constant.1.as_bytes());
    let shares = o.arr("shares")?;
    t.int(shares.len() as u64);
    if shares.len() != setup.trustees.len() {
        return Err(Invalid::new(format!(
            "{} shares for {} trustees",
            shares.len(),
            setup.trustees.len()
        )));
    }
    for (j, share) in shares.iter().enumerate() {
        let s = Obj::of(share, "a share")?;
        if s.u64("recipient")? != (j + 1) as u64 {
            return Err(Invalid::new(format!(
                "share {} is not for trustee {}",
                j + 1,
                j + 1
            )));
        }
        t.int((j + 1) as u64)
            .push(&s.point("ephemeral")?.bytes)
            .push(&s.bytes("ciphertext", 48)?);
    }
    let digest = t.digest();
    let signer = setup
        .trustees
        .get(dealer as usize - 1)
        .ok_or_else(|| Invalid::new("no such trustee"))?;
    if !proofs::schnorr(
        "urna/v1/dkg-round1-signature",
        &[&digest],
        &signer.key,
        o.proof("signature")?,
    ) {
        return Err(Invalid::new("the signature does not verify"));
    }
    Ok((digest, commitments))
}

// ---------------------------------------------------------------------------------------
// V3 ballots

/// What V3 keeps of a valid ballot for the reuse check.
struct Checked {
    credential: String,
    key: [u8; 32],
    alphas: Vec<[u8; 32]>,
}

fn credential(o: &Obj<'_>) -> Result<String, Invalid> {
    o.bytes("credential", 16)?;
    Ok(o.str("credential")?.to_owned())
}

fn weight(o: &Obj<'_>) -> Result<u64, Invalid> {
    match o.u64("weight")? {
        0 => Err(Invalid::new("weight 0")),
        w => Ok(w),
    }
}

fn sealed_by(o: &Obj<'_>) -> Result<(), Invalid> {
    let by = o.str("sealed_by")?;
    if by != "voter" && by != "server" {
        return Err(Invalid::new(format!(
            "sealed_by {:?} is not voter or server",
            clip(by)
        )));
    }
    Ok(())
}

fn check_ballot_event(
    e: &Event<'_>,
    setup: &Setup,
    sealed_len: &std::sync::OnceLock<usize>,
) -> Result<Checked, Status> {
    let value = body(e)?;
    let o = Obj::of(&value, "the ballot event").map_err(|err| fail(at_height(e.height), err))?;
    let cred = credential(&o).map_err(|err| fail(at_height(e.height), err))?;
    let item = || format!("height {}, credential {cred}", e.height);
    let res = (|| -> Result<Checked, Invalid> {
        weight(&o)?;
        if let Some(ranked) = &setup.ranked {
            o.only(&["credential", "weight", "sealed_by", "ranked_ballot"])?;
            sealed_by(&o)?;
            let valid = crate::ranked::verify_ranked_ballot(o.get("ranked_ballot")?, ranked)?;
            return Ok(Checked {
                credential: cred.clone(),
                key: valid.credential_key,
                alphas: valid.ciphertexts.iter().map(|c| c.alpha.bytes).collect(),
            });
        }
        if setup.parameters.is_none() {
            o.only(&["credential", "weight", "sealed"])?;
            let s = o.obj("sealed")?;
            s.only(&["v", "kind", "R", "ct"])?;
            if s.u64("v")? != 1 || s.str("kind")? != "kem-chacha20poly1305" {
                return Err(Invalid::new(
                    "not a version 1 kem-chacha20poly1305 sealed ballot",
                ));
            }
            let r = s.point("R")?;
            let ct = s.str("ct")?;
            let len = ct.len() / 2;
            hex(ct, len).ok_or_else(|| Invalid::new("ct is not lowercase hex"))?;
            // docs/crypto.md §8: a 4-byte length prefix and the 16-byte tag at least; one
            // length for every ballot of the election.
            if len < 20 || *sealed_len.get_or_init(|| len) != len {
                return Err(Invalid::new(format!(
                    "ct of {len} bytes, unlike the other sealed ballots"
                )));
            }
            return Ok(Checked {
                credential: cred.clone(),
                key: r.bytes,
                alphas: Vec::new(),
            });
        }
        o.only(&["credential", "weight", "sealed_by", "ballot"])?;
        sealed_by(&o)?;
        let valid = ballot::verify_ballot(
            o.get("ballot")?,
            &setup.election_digest,
            &setup.public_key.point,
            setup.questions(),
        )?;
        Ok(Checked {
            credential: cred.clone(),
            key: valid.credential_key,
            alphas: valid.ciphertexts.iter().map(|c| c.alpha.bytes).collect(),
        })
    })();
    res.map_err(|err| fail(item(), err))
}

pub fn v3(events: &[Event<'_>], setup: &Setup, progress: &dyn Fn(Progress)) -> Status {
    let ballots: Vec<&Event<'_>> = events.iter().filter(|e| e.kind == "ballot").collect();
    let total = ballots.len() as u64;
    let sealed_len = std::sync::OnceLock::new();
    let mut keys: HashMap<[u8; 32], String> = HashMap::new();
    let mut alphas: HashMap<[u8; 32], String> = HashMap::new();
    for (c, chunk) in ballots.chunks(CHUNK).enumerate() {
        let checked: Vec<Result<Checked, Status>> = chunk
            .par_iter()
            .map(|e| check_ballot_event(e, setup, &sealed_len))
            .collect();
        for (e, result) in chunk.iter().zip(checked) {
            let b = match result {
                Ok(b) => b,
                Err(status) => return status,
            };
            if setup.kind() == Kind::Sealed {
                continue;
            }
            let item = format!("height {}, credential {}", e.height, b.credential);
            if let Some(other) = keys
                .insert(b.key, b.credential.clone())
                .filter(|o| *o != b.credential)
            {
                return fail(
                    item,
                    format!("credential key already used by credential {other}"),
                );
            }
            for (p, alpha) in b.alphas.iter().enumerate() {
                if let Some(other) = alphas
                    .insert(*alpha, b.credential.clone())
                    .filter(|o| *o != b.credential)
                {
                    return fail(
                        item,
                        format!("ciphertext at position {p} already used by credential {other}"),
                    );
                }
            }
        }
        progress(Progress {
            check: CheckId::V3,
            done: ((c + 1) * CHUNK).min(ballots.len()) as u64,
            total,
        });
    }
    pass(format!(
        "{total} ballots valid; no credential key or ciphertext reused"
    ))
}

// ---------------------------------------------------------------------------------------
// V4 counted set

/// The counted set by §7's rule: each credential's last ballot, unless the credential is
/// struck when strikes freeze. Event indices in record order, with weights.
#[derive(Debug, Clone, Default)]
pub struct Counted {
    pub ballots: Vec<(usize, u64)>,
    pub weight: u64,
}

pub fn counted_set(events: &[Event<'_>]) -> Result<Counted, Status> {
    let mut last: BTreeMap<String, (usize, u64)> = BTreeMap::new();
    let mut struck: BTreeSet<String> = BTreeSet::new();
    for (i, e) in events.iter().enumerate() {
        match e.kind.as_str() {
            "strikes_frozen" => break,
            "ballot" | "strike" | "unstrike" => {
                let value = body(e)?;
                let o =
                    Obj::of(&value, "the event").map_err(|err| fail(at_height(e.height), err))?;
                let cred = credential(&o).map_err(|err| fail(at_height(e.height), err))?;
                match e.kind.as_str() {
                    "ballot" => {
                        let w = weight(&o).map_err(|err| fail(at_height(e.height), err))?;
                        last.insert(cred, (i, w));
                    }
                    "strike" => {
                        struck.insert(cred);
                    }
                    _ => {
                        struck.remove(&cred);
                    }
                }
            }
            _ => {}
        }
    }
    let mut ballots: Vec<(usize, u64)> = last
        .into_iter()
        .filter(|(c, _)| !struck.contains(c))
        .map(|(_, b)| b)
        .collect();
    ballots.sort_unstable();
    let mut weight = 0u64;
    for (i, w) in &ballots {
        weight = weight
            .checked_add(*w)
            .ok_or_else(|| fail(at_height(*i as u64), "the counted weight overflows"))?;
    }
    Ok(Counted { ballots, weight })
}

pub fn v4(events: &[Event<'_>]) -> Status {
    let counted = match counted_set(events) {
        Ok(c) => c,
        Err(s) => return s,
    };
    let (mut ended, mut frozen, mut ballots, mut roll_weight) = (false, false, 0u64, None);
    for e in events {
        let item = at_height(e.height);
        match e.kind.as_str() {
            "ballot" if ended => return fail(item, "a ballot after end_ballots"),
            "ballot" => ballots += 1,
            "strike" | "unstrike" if frozen => {
                return fail(item, format!("{} after strikes_frozen", e.kind));
            }
            "voter_roll" => match body(e).and_then(|v| {
                Obj::of(&v, "voter_roll")
                    .and_then(|o| o.u64("weight"))
                    .map_err(|err| fail(item.clone(), err))
            }) {
                Ok(w) => roll_weight = Some(w),
                Err(s) => return s,
            },
            "end_ballots" => {
                ended = true;
                match body(e).and_then(|v| {
                    Obj::of(&v, "end_ballots")
                        .and_then(|o| o.u64("ballots"))
                        .map_err(|err| fail(item.clone(), err))
                }) {
                    Ok(n) if n == ballots => {}
                    Ok(n) => {
                        return fail(
                            item,
                            format!("end_ballots says {n} ballots, the record holds {ballots}"),
                        );
                    }
                    Err(s) => return s,
                }
            }
            "strikes_frozen" => {
                frozen = true;
                let read = body(e).and_then(|v| {
                    let o = Obj::of(&v, "strikes_frozen").map_err(|err| fail(item.clone(), err))?;
                    Ok((o.u64("counted"), o.u64("weight")))
                });
                match read {
                    Ok((Ok(n), Ok(w)))
                        if n == counted.ballots.len() as u64 && w == counted.weight => {}
                    Ok((Ok(n), Ok(w))) => {
                        return fail(
                            item,
                            format!(
                                "strikes_frozen says {n} ballots of weight {w}; the rule gives {} of weight {}",
                                counted.ballots.len(),
                                counted.weight
                            ),
                        );
                    }
                    Ok((Err(err), _) | (_, Err(err))) => return fail(item, err),
                    Err(s) => return s,
                }
            }
            _ => {}
        }
    }
    if !frozen {
        return na("strikes have not frozen yet");
    }
    match roll_weight {
        None => fail("voter_roll", "no voter_roll event"),
        Some(w) if counted.weight > w => fail(
            "strikes_frozen",
            format!(
                "counted weight {} exceeds the roll's weight {w}",
                counted.weight
            ),
        ),
        Some(_) => pass(format!(
            "{} ballots counted, weight {}",
            counted.ballots.len(),
            counted.weight
        )),
    }
}

// ---------------------------------------------------------------------------------------
// V5 aggregation

fn ciphertexts_of(e: &Event<'_>, bits: usize) -> Result<Vec<Ciphertext>, Status> {
    let value = body(e)?;
    let item = || at_height(e.height);
    let list = value
        .get("ballot")
        .and_then(|b| b.get("questions"))
        .and_then(Value::as_array)
        .ok_or_else(|| fail(item(), "the ballot has no questions"))?;
    let mut out = Vec::with_capacity(bits);
    for q in list {
        for bit in q
            .get("bits")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice)
        {
            let o = Obj::of(bit, "a bit").map_err(|err| fail(item(), err))?;
            let read = || {
                Ok::<_, Invalid>(Ciphertext {
                    alpha: o.point("alpha")?,
                    beta: o.point("beta")?,
                })
            };
            out.push(read().map_err(|err| fail(item(), err))?);
        }
    }
    if out.len() != bits {
        return Err(fail(
            item(),
            format!("{} ciphertexts where the layout has {bits}", out.len()),
        ));
    }
    Ok(out)
}

/// The weighted product of the counted ballots' ciphertexts (§5), on every core.
pub fn encrypted_tally(
    events: &[Event<'_>],
    counted: &Counted,
    bits: usize,
    progress: &dyn Fn(Progress),
) -> Result<Vec<(RistrettoPoint, RistrettoPoint)>, Status> {
    let zero = vec![(RistrettoPoint::identity(), RistrettoPoint::identity()); bits];
    let mut sum = zero.clone();
    let total = counted.ballots.len() as u64;
    for (c, chunk) in counted.ballots.chunks(CHUNK * 4).enumerate() {
        let part = chunk
            .par_iter()
            .map(|(i, w)| {
                let e = events
                    .get(*i)
                    .ok_or_else(|| fail("counted set", "index out of range"))?;
                let cts = ciphertexts_of(e, bits)?;
                // Nearly every weight is 1: adding is then enough. Otherwise a variable-time
                // multiplication (every input is public).
                let times = |p: &RistrettoPoint| match *w {
                    1 => *p,
                    w => RistrettoPoint::vartime_multiscalar_mul([Scalar::from(w)], [p]),
                };
                Ok(cts
                    .iter()
                    .map(|c| (times(&c.alpha.point), times(&c.beta.point)))
                    .collect::<Vec<_>>())
            })
            .try_reduce(
                || zero.clone(),
                |a, b| {
                    Ok(a.iter()
                        .zip(&b)
                        .map(|(x, y)| (x.0 + y.0, x.1 + y.1))
                        .collect())
                },
            )?;
        for (s, p) in sum.iter_mut().zip(part) {
            s.0 += p.0;
            s.1 += p.1;
        }
        progress(Progress {
            check: CheckId::V5,
            done: ((c + 1) * CHUNK * 4).min(counted.ballots.len()) as u64,
            total,
        });
    }
    Ok(sum)
}

/// §5's tally digest.
pub fn tally_digest(
    setup: &Setup,
    (ballots, weight): (u64, u64),
    tally: &[Ciphertext],
) -> [u8; 32] {
    let mut t = Transcript::new("urna/v1/encrypted-tally");
    t.push(&setup.election_digest)
        .int(ballots)
        .int(weight)
        .int(tally.len() as u64);
    for c in tally {
        t.push(&c.alpha.bytes).push(&c.beta.bytes);
    }
    t.digest()
}

/// The recorded `encrypted_tally`: its digest and ciphertexts.
pub fn recorded_tally(events: &[Event<'_>]) -> Result<(u64, [u8; 32], Vec<Ciphertext>), Status> {
    let e = events
        .iter()
        .find(|e| e.kind == "encrypted_tally")
        .ok_or_else(|| fail("encrypted_tally", "the record has no encrypted_tally"))?;
    let value = body(e)?;
    let read = || -> Result<([u8; 32], Vec<Ciphertext>), Invalid> {
        let o = Obj::of(&value, "encrypted_tally")?;
        o.only(&["tally_digest", "ciphertexts"])?;
        let cts = o
            .arr("ciphertexts")?
            .iter()
            .enumerate()
            .map(|(p, c)| {
                let c = Obj::of(c, "a ciphertext")?;
                Ok(Ciphertext {
                    alpha: c.point("alpha")?,
                    beta: c.point("beta")?,
                })
                .map_err(|e: Invalid| e.context(format!("position {p}")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok((o.digest("tally_digest")?, cts))
    };
    let (digest, cts) = read().map_err(|err| fail(at_height(e.height), err))?;
    Ok((e.height, digest, cts))
}

pub fn v5(
    events: &[Event<'_>],
    setup: &Setup,
    up_to_freeze: bool,
    progress: &dyn Fn(Progress),
) -> Status {
    if setup.parameters.is_none() {
        return na("sealed election: no homomorphic tally");
    }
    if !events.iter().any(|e| e.kind == "strikes_frozen") {
        return na("strikes have not frozen yet");
    }
    let counted = match counted_set(events) {
        Ok(c) => c,
        Err(s) => return s,
    };
    let bits: usize = setup.questions().iter().map(Question::bits).sum();
    let sum = match encrypted_tally(events, &counted, bits, progress) {
        Ok(s) => s,
        Err(s) => return s,
    };
    let computed: Vec<Ciphertext> = sum
        .iter()
        .map(|(a, b)| Ciphertext {
            alpha: Point::from_point(*a),
            beta: Point::from_point(*b),
        })
        .collect();
    let digest = tally_digest(
        setup,
        (counted.ballots.len() as u64, counted.weight),
        &computed,
    );
    if up_to_freeze {
        return pass(format!(
            "encrypted tally of {} ballots recomputed; tally digest {}",
            counted.ballots.len(),
            to_hex(&digest)
        ));
    }
    let (height, recorded_digest, recorded) = match recorded_tally(events) {
        Ok(t) => t,
        Err(s) => return s,
    };
    if recorded.len() != computed.len() {
        return fail(
            at_height(height),
            format!(
                "{} ciphertexts where the layout has {}",
                recorded.len(),
                computed.len()
            ),
        );
    }
    for (p, (r, c)) in recorded.iter().zip(&computed).enumerate() {
        if r.alpha.bytes != c.alpha.bytes || r.beta.bytes != c.beta.bytes {
            return fail(
                format!("height {height}, position {p}"),
                "the ciphertext is not the weighted product of the counted ballots",
            );
        }
    }
    if recorded_digest != digest {
        return fail(
            at_height(height),
            format!(
                "tally_digest does not recompute (§5 gives {})",
                to_hex(&digest)
            ),
        );
    }
    pass(format!(
        "{bits} positions over {} ballots; tally digest {}",
        counted.ballots.len(),
        to_hex(&digest)
    ))
}

// ---------------------------------------------------------------------------------------
// V6 shuffles

pub fn v6(setup: &Setup) -> Status {
    if setup.parameters.is_some() {
        na("verifiable election: nothing is shuffled, the tally is homomorphic")
    } else {
        na(
            "sealed election: the decrypted ballots are the server's shuffle (a mixnet election proves its shuffles)",
        )
    }
}

// ---------------------------------------------------------------------------------------
// V7 decryptions

/// `λ_l = Π_{m∈L, m≠l} m / (m − l)` for the trustee indices `set`.
pub(crate) fn lagrange(l: u64, set: &[u64]) -> Scalar {
    let mut num = Scalar::ONE;
    let mut den = Scalar::ONE;
    for &m in set.iter().filter(|&&m| m != l) {
        num *= Scalar::from(m);
        den *= Scalar::from(m) - Scalar::from(l);
    }
    num * den.invert()
}

/// `t` with `t·G = target` and `0 ≤ t ≤ max`, by baby-step giant-step.
pub fn discrete_log(target: &RistrettoPoint, max: u64) -> Option<u64> {
    // A search beyond 2^40 (a million baby steps and as many giant ones) is no election's
    // weight; refusing it keeps a hostile record from hanging the verifier.
    if max > 1 << 40 {
        return None;
    }
    let m = (max as f64 + 1.0).sqrt().ceil().max(1.0) as u64;
    let mut baby: HashMap<[u8; 32], u64> = HashMap::with_capacity(m as usize);
    let mut p = RistrettoPoint::identity();
    for j in 0..m {
        baby.entry(p.compress().to_bytes()).or_insert(j);
        p += G;
    }
    let giant = Scalar::from(m) * G;
    let mut gamma = *target;
    let mut i = 0u64;
    while i.checked_mul(m)? <= max {
        if let Some(j) = baby.get(&gamma.compress().to_bytes()) {
            let t = i * m + j;
            return (t <= max).then_some(t);
        }
        gamma -= giant;
        i += 1;
    }
    None
}

/// A decryption share `D` and its proof `(c, s)`.
type Share = (Point, (Scalar, Scalar));

/// V7's outcome and, when at least `k` trustees' shares are valid, the decrypted totals.
pub fn v7(events: &[Event<'_>], setup: &Setup) -> (Status, Option<Vec<u64>>) {
    if setup.parameters.is_none() {
        return (
            na("sealed election: the ballots' decryption shares are not in this record version"),
            None,
        );
    }
    let (_, digest, tally) = match recorded_tally(events) {
        Ok(t) => t,
        Err(s) => return (s, None),
    };
    let counted = match counted_set(events) {
        Ok(c) => c,
        Err(s) => return (s, None),
    };
    let mut shares: BTreeMap<u64, Vec<Point>> = BTreeMap::new();
    for e in events.iter().filter(|e| e.kind == "partial_decryption") {
        let item = at_height(e.height);
        let value = match body(e) {
            Ok(v) => v,
            Err(s) => return (s, None),
        };
        let read = || -> Result<(u64, Vec<Share>), Invalid> {
            let o = Obj::of(&value, "partial_decryption")?;
            o.only(&["trustee", "tally_digest", "shares"])?;
            if o.digest("tally_digest")? != digest {
                return Err(Invalid::new("tally_digest is not the encrypted tally's"));
            }
            let list = o
                .arr("shares")?
                .iter()
                .enumerate()
                .map(|(p, s)| {
                    let s = Obj::of(s, "a share")?;
                    Ok((s.point("D")?, s.proof("proof")?))
                        .map_err(|e: Invalid| e.context(format!("position {p}")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok((o.u64("trustee")?, list))
        };
        let (l, list) = match read() {
            Ok(r) => r,
            Err(err) => return (fail(item, err), None),
        };
        let trustee = format!("height {}, trustee {l}", e.height);
        let Some(x) = (l as usize)
            .checked_sub(1)
            .and_then(|i| setup.verification_keys.get(i))
        else {
            return (fail(trustee, "no such trustee"), None);
        };
        if shares.contains_key(&l) {
            return (fail(trustee, "a second partial decryption"), None);
        }
        if list.len() != tally.len() {
            return (
                fail(
                    trustee,
                    format!("{} shares for {} positions", list.len(), tally.len()),
                ),
                None,
            );
        }
        let bad = list
            .par_iter()
            .zip(&tally)
            .enumerate()
            .find_first(|(p, ((d, proof), c))| {
                !proofs::chaum_pedersen(
                    &[
                        &setup.setup_digest,
                        &digest,
                        &l.to_be_bytes(),
                        &(*p as u64).to_be_bytes(),
                    ],
                    x,
                    &c.alpha,
                    d,
                    *proof,
                )
            });
        if let Some((p, _)) = bad {
            return (
                fail(
                    format!("{trustee}, position {p}"),
                    "the decryption proof does not verify",
                ),
                None,
            );
        }
        shares.insert(l, list.into_iter().map(|(d, _)| d).collect());
    }
    let k = setup.threshold as usize;
    if shares.len() < k {
        return (
            fail(
                "partial decryptions",
                format!("{} valid trustees, {k} needed", shares.len()),
            ),
            None,
        );
    }
    let set: Vec<u64> = shares.keys().copied().take(k).collect();
    let lambdas: Vec<Scalar> = set.iter().map(|l| lagrange(*l, &set)).collect();
    let totals: Vec<Option<u64>> = (0..tally.len())
        .into_par_iter()
        .map(|p| {
            let c = tally.get(p)?;
            let mut m = c.beta.point;
            for (l, lambda) in set.iter().zip(&lambdas) {
                m -= lambda * shares.get(l)?.get(p)?.point;
            }
            discrete_log(&m, counted.weight)
        })
        .collect();
    let mut out = Vec::with_capacity(totals.len());
    for (p, t) in totals.into_iter().enumerate() {
        match t {
            Some(t) => out.push(t),
            None => {
                return (
                    fail(
                        format!("position {p}"),
                        format!("the decryption is no total in 0..={}", counted.weight),
                    ),
                    None,
                );
            }
        }
    }
    (
        pass(format!(
            "{} trustees' shares verify; decrypted with trustees {set:?}",
            shares.len()
        )),
        Some(out),
    )
}

// ---------------------------------------------------------------------------------------
// V8 result

/// The `options` of a result event as urna-tally's `Options`.
pub(crate) fn tally_options(o: &Obj<'_>) -> Result<urna_tally::Options<'static>, Invalid> {
    let opts = o.obj("options")?;
    let seats = match opts.get("seats")? {
        Value::Null => None,
        v => Some(
            v.as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(|| Invalid::new("seats is not a count"))?,
        ),
    };
    let seed = match opts.get("seed")? {
        Value::Null => None,
        v => Some(
            v.as_u64()
                .ok_or_else(|| Invalid::new("seed is not a u64"))?,
        ),
    };
    let min_share = match opts.get("min_share")? {
        Value::Null => None,
        Value::String(s) => Some(
            decimal(s)
                .ok_or_else(|| Invalid::new(format!("min_share {:?} is not a decimal", clip(s))))?,
        ),
        Value::Number(n) => Some(
            decimal(&n.to_string()).ok_or_else(|| Invalid::new("min_share is not a decimal"))?,
        ),
        _ => return Err(Invalid::new("min_share is not a decimal")),
    };
    Ok(urna_tally::Options {
        seats,
        seed,
        min_share,
        progress: None,
    })
}

/// A plain decimal such as `50` or `66.67` (at most 6 decimals).
fn decimal(text: &str) -> Option<urna_tally::Decimal> {
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty()
        || frac.len() > 6
        || !digits_only(whole)
        || !digits_only(frac)
        || whole.len() > 20
    {
        return None;
    }
    let raw: i128 = format!("{whole}{frac}").parse().ok()?;
    Some(urna_tally::Decimal::new(raw, frac.len() as u32))
}

/// The totals a question's input must show, from its slice of V7's totals (§2).
fn expected_totals(q: &Question, totals: &[u64]) -> Value {
    match q.ballot_type {
        ballot::BallotType::ChooseOne => {
            serde_json::json!({"kind": "choice", "per_option": totals})
        }
        ballot::BallotType::Approval => {
            serde_json::json!({"kind": "approval", "per_option": totals})
        }
        ballot::BallotType::Score => serde_json::json!({
            "kind": "score",
            "scale": {"min": q.min, "max": q.max},
            "histogram": totals.chunks(q.score_width().max(1)).collect::<Vec<_>>(),
        }),
    }
}

/// Recounts a verifiable question from its totals input with the published rules.
fn recount_totals(
    method: urna_tally::Method,
    input: &Value,
    options: &urna_tally::Options<'_>,
) -> Result<Value, Invalid> {
    let election: urna_tally::TotalsElection =
        serde_json::from_value(input.clone()).map_err(|e| Invalid::new(format!("input: {e}")))?;
    let report = urna_tally::count_totals(method, &election, options)
        .map_err(|e| Invalid::new(format!("recount: {e}")))?;
    Ok(urna_tally::render::json_value(&report))
}

pub fn v8(
    events: &[Event<'_>],
    setup: &Setup,
    totals: Option<&[u64]>,
    mixed: Option<&crate::mixnet::MixedPoints>,
) -> Status {
    let mut results: BTreeMap<String, (u64, Value)> = BTreeMap::new();
    let mut decrypted: BTreeMap<String, urna_tally::Ballots> = BTreeMap::new();
    for e in events {
        if e.kind != "result" && e.kind != "decrypted_ballots" {
            continue;
        }
        let value = match body(e) {
            Ok(v) => v,
            Err(s) => return s,
        };
        let Some(q) = value
            .get("question")
            .and_then(Value::as_str)
            .map(str::to_owned)
        else {
            return fail(at_height(e.height), "no question id");
        };
        if e.kind == "decrypted_ballots" {
            let Some(text) = value.get("ballots").and_then(Value::as_str) else {
                return fail(at_height(e.height), "no ballots text");
            };
            let parsed = match value.get("format").and_then(Value::as_str) {
                Some("blt") => urna_tally::blt::parse(text).map(urna_tally::Ballots::Ranked),
                Some("csv") => urna_tally::scored::parse_csv(text).map(urna_tally::Ballots::Scored),
                _ => return fail(at_height(e.height), "format is not blt or csv"),
            };
            match parsed {
                Ok(b) => {
                    decrypted.insert(q, b);
                }
                Err(err) => {
                    let item = format!("height {}, question {}", e.height, clip(&q));
                    return fail(item, format!("decrypted ballots: {err}"));
                }
            }
        } else if results.insert(q.clone(), (e.height, value)).is_some() {
            return fail(
                format!("height {}, question {}", e.height, clip(&q)),
                "a second result",
            );
        }
    }
    if !events.iter().any(|e| e.kind == "strikes_frozen") {
        return na("strikes have not frozen");
    }
    // The counted set by V4's rule (not the numbers strikes_frozen claims, which are V4's to check).
    let (counted, weight) = match counted_set(events) {
        Ok(c) => (c.ballots.len() as u64, c.weight),
        Err(s) => return s,
    };
    if setup.parameters.is_some() && totals.is_none() {
        return na("no decrypted totals (V7 did not pass)");
    }
    let mixnet = setup.kind() == Kind::Mixnet;
    if mixnet {
        let Some(points) = mixed else {
            return na("no decrypted points (V7 did not pass)");
        };
        if let Err(s) = crate::mixnet::decoded_match(events, setup, points) {
            return s;
        }
    }
    if let Some(extra) = results
        .keys()
        .find(|id| !setup.manifest.iter().any(|(m, _)| m == *id))
    {
        return fail(
            format!("question {}", clip(extra)),
            "a result for a question the manifest lacks",
        );
    }
    let mut offset = 0usize;
    for (q, (id, method_name)) in setup.manifest.iter().enumerate() {
        let Some((height, value)) = results.get(id) else {
            return fail(format!("question {}", clip(id)), "no result");
        };
        let item = format!("height {height}, question {}", clip(id));
        let mut check = || -> Result<(), Invalid> {
            let o = Obj::of(value, "result")?;
            o.only(&["question", "method", "options", "input", "report"])?;
            if o.str("method")? != method_name {
                return Err(Invalid::new(format!(
                    "method {:?}, the manifest says {:?}",
                    clip(o.str("method")?),
                    clip(method_name)
                )));
            }
            let method: urna_tally::Method = method_name
                .parse()
                .map_err(|e| Invalid::new(format!("method: {e}")))?;
            let options = tally_options(&o)?;
            let recount = match (setup.questions().get(q), totals) {
                (Some(question), Some(totals)) => {
                    let bits = question.bits();
                    let mine = totals
                        .get(offset..offset + bits)
                        .ok_or_else(|| Invalid::new("fewer totals than positions"))?;
                    offset += bits;
                    let input = o.obj("input")?;
                    // The input's ballots and weight are those the decrypted tally commits to
                    // in its digest (V5 checks that they are the counted set's).
                    let claimed = (input.u64("ballots")?, input.u64("weight")?);
                    let (_, recorded_digest, tally) = recorded_tally(events)
                        .map_err(|_| Invalid::new("no readable encrypted_tally"))?;
                    if tally_digest(setup, claimed, &tally) != recorded_digest {
                        return Err(Invalid::new(format!(
                            "input counts {} ballots of weight {}, not the numbers the encrypted tally's digest commits to",
                            claimed.0, claimed.1
                        )));
                    }
                    if *input.get("totals")? != expected_totals(question, mine) {
                        return Err(Invalid::new(format!(
                            "input totals are not the decrypted totals {mine:?}"
                        )));
                    }
                    recount_totals(method, o.get("input")?, &options)?
                }
                _ => {
                    let ballots = decrypted
                        .get(id)
                        .ok_or_else(|| Invalid::new("no decrypted_ballots for this question"))?;
                    let (n, w) = match ballots {
                        urna_tally::Ballots::Ranked(e) => {
                            (e.ballots.len() as u64, e.ballots.total_weight())
                        }
                        urna_tally::Ballots::Scored(e) => (
                            e.ballots.len() as u64,
                            e.ballots
                                .iter()
                                .try_fold(0u64, |s, b| s.checked_add(b.weight))
                                .unwrap_or(u64::MAX),
                        ),
                    };
                    // Identical ballots may share one line of their summed weight, so the
                    // lines are at most the counted ballots; the weight is exact.
                    // (A mixnet election's ballots were matched to the decrypted points above.)
                    if !mixnet && (n > counted || w != weight) {
                        return Err(Invalid::new(format!(
                            "the decrypted ballots are {n} lines of weight {w}; the counted set is {counted} ballots of weight {weight}"
                        )));
                    }
                    let report = urna_tally::count(method, ballots, &options)
                        .map_err(|e| Invalid::new(format!("recount: {e}")))?;
                    urna_tally::render::json_value(&report)
                }
            };
            if recount != *o.get("report")? {
                return Err(Invalid::new("the report differs from the recount"));
            }
            Ok(())
        };
        if let Err(err) = check() {
            return fail(item, err);
        }
    }
    pass(format!(
        "{} question(s) recounted identically",
        setup.manifest.len()
    ))
}

// ---------------------------------------------------------------------------------------
// V9 log

fn tree_head(value: &Value) -> Result<(u64, Hash, (Scalar, Scalar)), Invalid> {
    let o = Obj::of(value, "tree_head")?;
    o.only(&["size", "root", "signature"])?;
    Ok((o.u64("size")?, o.digest("root")?, o.proof("signature")?))
}

fn tree_head_signed(setup: &Setup, size: u64, root: &Hash, signature: (Scalar, Scalar)) -> bool {
    proofs::schnorr(
        "urna/v1/tree-head",
        &[&setup.election_digest, &size.to_be_bytes(), root],
        &setup.board_key,
        signature,
    )
}

pub fn v9(events: &[Event<'_>], setup: &Setup, up_to_freeze: bool) -> Status {
    let mut frontier = Frontier::default();
    let mut previous = [0u8; 32];
    let mut heads = 0;
    for (i, e) in events.iter().enumerate() {
        let item = at_height(e.height);
        if e.parent != previous {
            return fail(item, "parent is not the previous event's hash");
        }
        if matches!(e.kind.as_str(), "end_ballots" | "strikes_frozen")
            && i.checked_sub(1)
                .and_then(|p| events.get(p))
                .is_none_or(|p| p.kind != "tree_head")
        {
            return fail(
                item,
                format!("{} without a tree head right before it", e.kind),
            );
        }
        if e.kind == "tree_head" {
            let (size, root, signature) =
                match body(e).and_then(|v| tree_head(&v).map_err(|err| fail(item.clone(), err))) {
                    Ok(t) => t,
                    Err(s) => return s,
                };
            if size != frontier.size() {
                return fail(
                    item,
                    format!("size {size}, but {} events precede it", frontier.size()),
                );
            }
            if root != frontier.root() {
                return fail(item, "root is not the Merkle root of the events before it");
            }
            if !tree_head_signed(setup, size, &root, signature) {
                return fail(item, "the board key's signature does not verify");
            }
            heads += 1;
        }
        frontier.push(e.leaf);
        previous = e.leaf;
    }
    if !up_to_freeze && events.last().is_none_or(|e| e.kind != "tree_head") {
        return fail(
            "the record's end",
            "the record does not end with a tree head",
        );
    }
    pass(format!(
        "{} events chained; {heads} signed tree heads; root {}",
        events.len(),
        to_hex(&frontier.root())
    ))
}

// ---------------------------------------------------------------------------------------
// V10 growth

pub fn v10(events: &[Event<'_>], setup: &Setup, since: Option<&[u8]>) -> Status {
    let Some(old) = since else {
        return na("no older record or tree head given (--since)");
    };
    let leaves: Vec<Hash> = events.iter().map(|e| e.leaf).collect();
    let prefix_root = |size: u64| -> Option<Hash> {
        Some(crate::merkle::root(
            leaves.get(..usize::try_from(size).ok()?)?,
        ))
    };
    // A tree head JSON, or a whole older record.
    if let Ok(value) = serde_json::from_slice::<Value>(old) {
        let (size, root, signature) = match tree_head(&value) {
            Ok(t) => t,
            Err(err) => return fail("the older tree head", err),
        };
        if !tree_head_signed(setup, size, &root, signature) {
            return fail(
                "the older tree head",
                "its signature by this election's board key does not verify",
            );
        }
        return match prefix_root(size) {
            None => fail(
                "the older tree head",
                format!("size {size} exceeds this record's {} events", leaves.len()),
            ),
            Some(r) if r != root => fail(
                "the older tree head",
                format!("the first {size} events have another root"),
            ),
            Some(_) => pass(format!(
                "the signed tree head of size {size} is a prefix of this record"
            )),
        };
    }
    let old_events = match crate::record::parse(old) {
        Ok(e) => e,
        Err((item, err)) => return fail(format!("the older record, {item}"), err),
    };
    if old_events.len() > events.len() {
        return fail(
            "the older record",
            format!(
                "{} events, more than this record's {}",
                old_events.len(),
                events.len()
            ),
        );
    }
    if let Some(e) = old_events
        .iter()
        .zip(events)
        .find(|(a, b)| a.leaf != b.leaf)
    {
        return fail(
            format!("height {}", e.0.height),
            "the older record's event differs from this one's",
        );
    }
    pass(format!(
        "the older record's {} events are a prefix of this record",
        old_events.len()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discrete_log_finds_every_total_in_range_and_nothing_outside() {
        // max = 10: baby steps m = ceil(sqrt(11)) = 4.
        for t in 0..=10u64 {
            assert_eq!(discrete_log(&(Scalar::from(t) * G), 10), Some(t));
        }
        assert_eq!(discrete_log(&(Scalar::from(11u64) * G), 10), None);
        assert_eq!(discrete_log(&(-G), 10), None);
        assert_eq!(discrete_log(&(Scalar::from(5u64) * G), u64::MAX), None);
    }

    #[test]
    fn lagrange_coefficients_of_one_and_two() {
        // docs/crypto.md §9: L = {1, 2} gives λ_1 = 2, λ_2 = −1.
        assert_eq!(lagrange(1, &[1, 2]), Scalar::from(2u64));
        assert_eq!(lagrange(2, &[1, 2]), -Scalar::ONE);
    }
}
