//! Checks V5–V8 of a mixnet election (docs/record-format.md A.7): the mix input recomputed
//! from the counted set (V5), the chain of signed shuffles (V6), the decryption of the last
//! output (V7), and the decoding of its points into ballots, the set-aside ones and the
//! recount (V8).
//!
//! As everywhere in this crate, each check takes the rest of the record at face value: V6
//! starts from the mix input as published, V7 decrypts the last output as published, V8
//! decodes what V7 decrypts.

use std::collections::{BTreeMap, BTreeSet};

use curve25519_dalek::ristretto::RistrettoPoint;
use curve25519_dalek::scalar::Scalar;
use rayon::prelude::*;
use serde_json::Value;
use sha2::Sha256;

use crate::checks::{Counted, at_height, body, counted_set, fail, lagrange, na, pass};
use crate::encoding::{Obj, Point, Transcript, to_hex};
use crate::ranked::{RankedParameters, RankedQuestion};
use crate::record::{Event, Setup};
use crate::shuffle::{Vectors, verify_shuffle};
use crate::{CheckId, Invalid, Progress, Status, proofs};

/// The most vectors a mix input may hold (A.7).
const MAX_MIX_BALLOTS: u64 = 10_000_000;

fn ranked(setup: &Setup) -> Result<&RankedParameters, Status> {
    setup
        .ranked
        .as_ref()
        .ok_or_else(|| na("not a mixnet election"))
}

/// The vectors A.7 makes of the counted set: each counted ballot's points, question after
/// question, `weight` times, in board order.
fn recomputed_input(events: &[Event<'_>], counted: &Counted) -> Result<Vectors, Status> {
    let total: u64 = counted.ballots.iter().map(|(_, w)| *w).sum();
    if total > MAX_MIX_BALLOTS {
        return Err(fail(
            "the counted set",
            format!("weight {total}, more than the {MAX_MIX_BALLOTS} vectors a mix input holds"),
        ));
    }
    let mut width = None;
    let mut flat = Vec::new();
    for &(i, w) in &counted.ballots {
        let e = &events[i];
        let value = body(e)?;
        let vector = (|| -> Result<Vec<(Point, Point)>, Invalid> {
            let o = Obj::of(&value, "the ballot event")?;
            let ballot = o.obj("ranked_ballot")?;
            let mut vector = Vec::new();
            for q in ballot.arr("questions")? {
                for p in Obj::of(q, "a question")?.arr("points")? {
                    let p = Obj::of(p, "a point")?;
                    vector.push((p.point("alpha")?, p.point("beta")?));
                }
            }
            Ok(vector)
        })()
        .map_err(|err| fail(at_height(e.height), err))?;
        match width {
            None => width = Some(vector.len()),
            Some(wd) if wd != vector.len() => {
                return Err(fail(
                    at_height(e.height),
                    format!("{} points, the first counted ballot has {wd}", vector.len()),
                ));
            }
            Some(_) => {}
        }
        for _ in 0..w {
            flat.extend_from_slice(&vector);
        }
    }
    match width {
        Some(width) if width > 0 => Ok(Vectors { width, flat }),
        _ => Err(fail("the counted set", "no counted ballot to mix")),
    }
}

/// The `mix_input` event's vectors as published, with its height.
fn published_input(events: &[Event<'_>]) -> Result<(u64, Value, Vectors), Status> {
    let e = events
        .iter()
        .find(|e| e.kind == "mix_input")
        .ok_or_else(|| fail("mix_input", "the record has no mix_input event"))?;
    let value = body(e)?;
    let vectors = (|| {
        let o = Obj::of(&value, "mix_input")?;
        o.only(&["digest", "ciphertexts"])?;
        Vectors::parse(o.get("ciphertexts")?)
    })()
    .map_err(|err| fail(at_height(e.height), err))?;
    Ok((e.height, value, vectors))
}

pub fn v5(events: &[Event<'_>], setup: &Setup, up_to_freeze: bool) -> Status {
    if let Err(s) = ranked(setup) {
        return s;
    }
    if !events.iter().any(|e| e.kind == "strikes_frozen") {
        return na("strikes have not frozen yet");
    }
    let counted = match counted_set(events) {
        Ok(c) => c,
        Err(s) => return s,
    };
    let computed = match recomputed_input(events, &counted) {
        Ok(v) => v,
        Err(s) => return s,
    };
    let digest = computed.digest();
    if up_to_freeze {
        return pass(format!(
            "mix input of {} vectors recomputed; digest {}",
            computed.len(),
            to_hex(&digest)
        ));
    }
    let (height, value, recorded) = match published_input(events) {
        Ok(r) => r,
        Err(s) => return s,
    };
    if recorded.width != computed.width || recorded.len() != computed.len() {
        return fail(
            at_height(height),
            format!(
                "{} vectors of {} ciphertexts; the counted set makes {} of {}",
                recorded.len(),
                recorded.width,
                computed.len(),
                computed.width
            ),
        );
    }
    let width = computed.width;
    if let Some(p) = (0..computed.flat.len()).find(|&p| {
        recorded.flat[p].0.bytes != computed.flat[p].0.bytes
            || recorded.flat[p].1.bytes != computed.flat[p].1.bytes
    }) {
        return fail(
            format!("height {height}, vector {}", p / width),
            "the vector is not the counted ballot's",
        );
    }
    let recorded_digest = Obj::of(&value, "mix_input").and_then(|o| o.digest("digest"));
    if recorded_digest != Ok(digest) {
        return fail(
            at_height(height),
            format!("digest does not recompute (A.4 gives {})", to_hex(&digest)),
        );
    }
    pass(format!(
        "mix input of {} vectors of {width} ciphertexts recomputed from {} counted ballots",
        computed.len(),
        counted.ballots.len()
    ))
}

/// Mixer `m`'s seed: `H("urna/v1/mix-seed"; election digest, m)`.
fn mix_seed(election_digest: &[u8; 32], m: u64) -> [u8; 32] {
    let mut t = Transcript::new("urna/v1/mix-seed");
    t.push(election_digest).int(m);
    t.digest()
}

pub fn v6(events: &[Event<'_>], setup: &Setup, progress: &dyn Fn(Progress)) -> Status {
    if let Err(s) = ranked(setup) {
        return s;
    }
    let (_, _, mut current) = match published_input(events) {
        Ok(r) => r,
        Err(s) => return s,
    };
    let shuffles: Vec<&Event<'_>> = events.iter().filter(|e| e.kind == "shuffle").collect();
    let mut mixers = BTreeSet::new();
    for (i, e) in shuffles.iter().enumerate() {
        let m = i as u64 + 1;
        let value = match body(e) {
            Ok(v) => v,
            Err(s) => return s,
        };
        let step = || -> Result<(u64, Vectors), Invalid> {
            let o = Obj::of(&value, "shuffle")?;
            o.only(&["mixer", "trustee", "output", "signature"])?;
            if o.u64("mixer")? != m {
                return Err(Invalid::new(format!(
                    "mixer {} where mixer {m} was due",
                    o.u64("mixer")?
                )));
            }
            let l = o.u64("trustee")?;
            let trustee = (l as usize)
                .checked_sub(1)
                .and_then(|i| setup.trustees.get(i))
                .ok_or_else(|| Invalid::new(format!("trustee {l} is not in the set-up")))?;
            let output = o.obj("output")?;
            output.only(&["v", "setup", "seed", "inputs", "ciphertexts", "proof"])?;
            if output.u64("v")? != 1 {
                return Err(Invalid::new("the mix output's version is not 1"));
            }
            if output.digest("setup")? != setup.setup_digest {
                return Err(Invalid::new(
                    "the mix output's set-up is not the election's",
                ));
            }
            let seed = mix_seed(&setup.election_digest, m);
            if output.str("seed")? != to_hex(&seed) {
                return Err(Invalid::new(format!(
                    "seed {} is not mixer {m}'s ({})",
                    output.str("seed")?,
                    to_hex(&seed)
                )));
            }
            let inputs = output.digest("inputs")?;
            if inputs != current.digest() {
                return Err(Invalid::new(
                    "the output answers other ciphertexts than the vectors before it",
                ));
            }
            let outputs = Vectors::parse(output.get("ciphertexts")?)
                .map_err(|e| e.context("the mix output"))?;
            let signature = o.proof("signature")?;
            let ctx: [&[u8]; 4] = [
                &setup.setup_digest,
                &m.to_be_bytes(),
                &inputs,
                &outputs.digest(),
            ];
            if !proofs::schnorr("urna/v1/shuffle-signature", &ctx, &trustee.key, signature) {
                return Err(Invalid::new(format!(
                    "the signature is not trustee {l}'s ({})",
                    trustee.name
                )));
            }
            verify_shuffle(
                &setup.setup_digest,
                &setup.public_key,
                &seed,
                &current,
                &outputs,
                output.get("proof")?,
            )?;
            Ok((l, outputs))
        };
        let item = format!("height {}, shuffle {m}", e.height);
        match step() {
            Ok((l, outputs)) => {
                if !mixers.insert(l) {
                    return fail(item, format!("trustee {l} mixes a second time"));
                }
                current = outputs;
            }
            Err(err) => return fail(item, err),
        }
        progress(Progress {
            check: CheckId::V6,
            done: m,
            total: shuffles.len() as u64,
        });
    }
    let required = setup.trustees.len().min(2);
    if shuffles.len() < required {
        return fail(
            "shuffles",
            format!(
                "{} shuffle(s); at least {required} by different trustees are required",
                shuffles.len()
            ),
        );
    }
    pass(format!(
        "{} shuffles of {} vectors by trustees {:?} verify",
        shuffles.len(),
        current.len(),
        mixers
    ))
}

/// The vectors the trustees decrypt, as published: the last shuffle's output (or the mix
/// input, if nothing was shuffled; V6 reports that).
fn decrypted_vectors(events: &[Event<'_>]) -> Result<Vectors, Status> {
    match events.iter().rfind(|e| e.kind == "shuffle") {
        Some(e) => {
            let value = body(e)?;
            Obj::of(&value, "shuffle")
                .and_then(|o| o.obj("output"))
                .and_then(|o| Vectors::parse(o.get("ciphertexts")?))
                .map_err(|err| fail(at_height(e.height), err))
        }
        None => published_input(events).map(|(_, _, v)| v),
    }
}

/// A decryption share `D` and its proof `(c, s)`.
type Share = (Point, (Scalar, Scalar));

/// The decrypted points, vector after vector, and the width.
pub type MixedPoints = (Vec<RistrettoPoint>, usize);

pub fn v7(events: &[Event<'_>], setup: &Setup) -> (Status, Option<MixedPoints>) {
    if let Err(s) = ranked(setup) {
        return (s, None);
    }
    let vectors = match decrypted_vectors(events) {
        Ok(v) => v,
        Err(s) => return (s, None),
    };
    let digest = vectors.digest();
    let mut shares: BTreeMap<u64, Vec<Point>> = BTreeMap::new();
    for e in events.iter().filter(|e| e.kind == "mixed_decryption") {
        let value = match body(e) {
            Ok(v) => v,
            Err(s) => return (s, None),
        };
        let read = || -> Result<(u64, Vec<Share>), Invalid> {
            let o = Obj::of(&value, "mixed_decryption")?;
            o.only(&["v", "trustee", "ciphertexts", "shares"])?;
            if o.u64("v")? != 1 {
                return Err(Invalid::new("version is not 1"));
            }
            if o.digest("ciphertexts")? != digest {
                return Err(Invalid::new(
                    "it decrypts other ciphertexts than the last shuffle's output",
                ));
            }
            let list = o
                .arr("shares")?
                .iter()
                .enumerate()
                .map(|(p, s)| {
                    let s = Obj::of(s, "a share")?;
                    s.only(&["D", "proof"])?;
                    Ok((s.point("D")?, s.proof("proof")?))
                        .map_err(|e: Invalid| e.context(format!("position {p}")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok((o.u64("trustee")?, list))
        };
        let (l, list) = match read() {
            Ok(r) => r,
            Err(err) => return (fail(at_height(e.height), err), None),
        };
        let trustee = format!("height {}, trustee {l}", e.height);
        let Some(x) = (l as usize)
            .checked_sub(1)
            .and_then(|i| setup.verification_keys.get(i))
        else {
            return (fail(trustee, "no such trustee"), None);
        };
        if shares.contains_key(&l) {
            return (fail(trustee, "a second decryption"), None);
        }
        if list.len() != vectors.flat.len() {
            return (
                fail(
                    trustee,
                    format!(
                        "{} shares for {} ciphertexts",
                        list.len(),
                        vectors.flat.len()
                    ),
                ),
                None,
            );
        }
        let bad = list.par_iter().zip(&vectors.flat).enumerate().find_first(
            |(p, ((d, proof), (alpha, _)))| {
                !proofs::chaum_pedersen(
                    &[
                        &setup.setup_digest,
                        &digest,
                        &l.to_be_bytes(),
                        &(*p as u64).to_be_bytes(),
                    ],
                    x,
                    alpha,
                    d,
                    *proof,
                )
            },
        );
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
                "mixed decryptions",
                format!("{} valid trustees, {k} needed", shares.len()),
            ),
            None,
        );
    }
    let set: Vec<u64> = shares.keys().copied().take(k).collect();
    let lambdas: Vec<Scalar> = set.iter().map(|l| lagrange(*l, &set)).collect();
    let used: Vec<&Vec<Point>> = set.iter().filter_map(|l| shares.get(l)).collect();
    let points: Vec<RistrettoPoint> = (0..vectors.flat.len())
        .into_par_iter()
        .map(|p| {
            let mut m = vectors.flat[p].1.point;
            for (d, lambda) in used.iter().zip(&lambdas) {
                m -= lambda * d[p].point;
            }
            m
        })
        .collect();
    (
        pass(format!(
            "{} trustees' shares of {} ciphertexts verify; decrypted with trustees {set:?}",
            shares.len(),
            vectors.flat.len()
        )),
        Some((points, vectors.width)),
    )
}

/// A.1: the ranks a question's points encode, or why they encode none; then the question's
/// own rules (A.7): at most `max` ranked, and equal ranks only where the manifest allows them.
fn decode(
    question: &RankedQuestion,
    allow_equal: bool,
    points: &[RistrettoPoint],
) -> Result<Vec<u8>, String> {
    let n = question.options.len();
    let base = n as u128 + 1;
    let per_point = question.per_point();
    let mut ranks = Vec::with_capacity(n);
    for (w, p) in points.iter().enumerate() {
        let block = p
            .lizard_decode::<Sha256>()
            .ok_or_else(|| format!("point {w} is no Lizard encoding of 16 bytes"))?;
        let mut value = u128::from_le_bytes(block);
        let m = per_point.min(n - ranks.len());
        for _ in 0..m {
            ranks.push((value % base) as u8);
            value /= base;
        }
        if value != 0 {
            return Err(format!(
                "point {w} holds a number too large for its {m} candidates"
            ));
        }
    }
    let highest = ranks.iter().copied().max().unwrap_or(0);
    let used: BTreeSet<u8> = ranks.iter().copied().filter(|&r| r != 0).collect();
    if let Some(missing) = (1..highest).find(|r| !used.contains(r)) {
        return Err(format!(
            "rank {missing} is skipped (ranks go up to {highest})"
        ));
    }
    let ranked = ranks.iter().filter(|&&r| r != 0).count();
    if !allow_equal && used.len() != ranked {
        return Err("two options share a rank, which the question does not allow".into());
    }
    if ranked as i64 > question.max {
        return Err(format!(
            "{ranked} options ranked, at most {} allowed",
            question.max
        ));
    }
    Ok(ranks)
}

/// A ballot as groups of equally ranked option indices, best first: the form both the decoded
/// ranks and the published BLT are compared in.
type Ranking = Vec<Vec<u16>>;

fn ranking_of(ranks: &[u8]) -> Ranking {
    let highest = ranks.iter().copied().max().unwrap_or(0);
    (1..=highest)
        .map(|r| {
            (0..ranks.len() as u16)
                .filter(|&i| ranks[i as usize] == r)
                .collect()
        })
        .collect()
}

/// V8's mixnet part: every question's decrypted points decode to exactly the published BLT's
/// ballots (as a multiset) and the set-aside positions are exactly those that do not decode.
/// The recount itself is the sealed path's, over the same BLT.
pub fn decoded_match(
    events: &[Event<'_>],
    setup: &Setup,
    (points, width): &MixedPoints,
) -> Result<(), Status> {
    let parameters = ranked(setup)?;
    let expected: usize = parameters
        .questions
        .iter()
        .map(RankedQuestion::points)
        .sum();
    if *width != expected {
        return Err(fail(
            "decrypted points",
            format!("{width} points per ballot, the questions take {expected}"),
        ));
    }
    let manifest = setup
        .body
        .get("manifest")
        .and_then(|m| m.get("questions"))
        .and_then(Value::as_array);
    let mut offset = 0;
    for (qi, question) in parameters.questions.iter().enumerate() {
        let w = question.points();
        // The manifest's `ballot_type.allow_equal` (absent or not `true`: equal ranks refused).
        let allow_equal = manifest
            .and_then(|m| m.get(qi))
            .and_then(|q| q.get("ballot_type"))
            .and_then(|t| t.get("allow_equal"))
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let item = format!("question {}", question.id);
        let e = events
            .iter()
            .find(|e| {
                e.kind == "decrypted_ballots"
                    && e.body()
                        .ok()
                        .and_then(|v| v.get("question").and_then(Value::as_str).map(str::to_owned))
                        .as_deref()
                        == Some(question.id.as_str())
            })
            .ok_or_else(|| fail(item.clone(), "no decrypted_ballots"))?;
        let item = format!("height {}, question {}", e.height, question.id);
        let value = body(e)?;
        let o = Obj::of(&value, "decrypted_ballots").map_err(|err| fail(item.clone(), err))?;
        let read = || -> Result<(String, BTreeSet<u64>), Invalid> {
            o.only(&["question", "format", "ballots", "set_aside"])?;
            if o.str("format")? != "blt" {
                return Err(Invalid::new("a mixnet election's ballots are BLT"));
            }
            let mut set_aside = BTreeSet::new();
            if let Some(list) = o.0.get("set_aside") {
                for s in list
                    .as_array()
                    .ok_or_else(|| Invalid::new("set_aside is not a list"))?
                {
                    let s = Obj::of(s, "a set-aside ballot")?;
                    s.only(&["position", "reason"])?;
                    s.str("reason")?;
                    if !set_aside.insert(s.u64("position")?) {
                        return Err(Invalid::new("a position is set aside twice"));
                    }
                }
            }
            Ok((o.str("ballots")?.to_owned(), set_aside))
        };
        let (text, set_aside) = read().map_err(|err| fail(item.clone(), err))?;
        let mut decoded: BTreeMap<Ranking, u64> = BTreeMap::new();
        let mut failed = BTreeSet::new();
        for (position, vector) in points.chunks_exact(*width).enumerate() {
            match decode(question, allow_equal, &vector[offset..offset + w]) {
                // Nobody ranked: an abstention, neither a ballot nor set aside.
                Ok(ranks) if ranks.iter().all(|&r| r == 0) => {}
                Ok(ranks) => *decoded.entry(ranking_of(&ranks)).or_default() += 1,
                Err(_) => {
                    failed.insert(position as u64);
                }
            }
        }
        if failed != set_aside {
            let first = failed.symmetric_difference(&set_aside).next().copied();
            return Err(fail(
                item,
                format!(
                    "the set-aside positions are not those that do not decode (first difference: position {})",
                    first.unwrap_or_default()
                ),
            ));
        }
        let blt = urna_tally::blt::parse(&text)
            .map_err(|err| fail(item.clone(), format!("decrypted ballots: {err}")))?;
        if blt.info.candidates.len() != question.options.len() {
            return Err(fail(
                item,
                format!(
                    "the BLT has {} candidates, the question {}",
                    blt.info.candidates.len(),
                    question.options.len()
                ),
            ));
        }
        let mut published: BTreeMap<Ranking, u64> = BTreeMap::new();
        for b in blt.ballots.iter().filter(|b| !b.is_empty()) {
            let ranking: Ranking = b
                .groups()
                .map(|g| {
                    let mut g = g.to_vec();
                    g.sort_unstable();
                    g
                })
                .collect();
            let count = published.entry(ranking).or_default();
            *count = count.saturating_add(b.weight);
        }
        if published != decoded {
            let n: u64 = published.values().sum();
            let d: u64 = decoded.values().sum();
            return Err(fail(
                item,
                format!(
                    "the published ballots ({n}) are not the decrypted ones ({d} that decode, {} set aside)",
                    failed.len()
                ),
            ));
        }
        offset += w;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(n: usize, max: i64) -> RankedQuestion {
        RankedQuestion {
            id: "q".into(),
            max,
            options: (0..n).map(|i| format!("o{i}")).collect(),
        }
    }

    fn point(value: u128) -> RistrettoPoint {
        RistrettoPoint::lizard_encode::<Sha256>(&value.to_le_bytes())
    }

    #[test]
    fn decoding_follows_a1_by_hand() {
        // 3 candidates, base 4: ranks (2, 0, 1) are 2 + 0·4 + 1·16 = 18.
        assert_eq!(
            decode(&question(3, 3), false, &[point(18)]),
            Ok(vec![2, 0, 1])
        );
        // (1, 3, 0) skips rank 2: 1 + 3·4 = 13.
        assert!(
            decode(&question(3, 3), false, &[point(13)])
                .unwrap_err()
                .contains("skipped")
        );
        // 4^3 = 64 is too large for three candidates.
        assert!(
            decode(&question(3, 3), false, &[point(64)])
                .unwrap_err()
                .contains("too large")
        );
        // (1, 2, 3) = 1 + 8 + 48 = 57 ranks three, where at most two are allowed.
        assert!(
            decode(&question(3, 2), false, &[point(57)])
                .unwrap_err()
                .contains("at most 2")
        );
        // (1, 1, 2) = 1 + 4 + 32 = 37 ties two options: refused unless the question allows it.
        assert!(
            decode(&question(3, 3), false, &[point(37)])
                .unwrap_err()
                .contains("share a rank")
        );
        assert_eq!(
            decode(&question(3, 3), true, &[point(37)]),
            Ok(vec![1, 1, 2])
        );
        assert_eq!(ranking_of(&[2, 0, 1]), vec![vec![2], vec![0]]);
        assert_eq!(ranking_of(&[1, 1, 2]), vec![vec![0, 1], vec![2]]);
    }
}
