//! Whole-record tests on small records written here from the format (a tiny writer for the
//! tests only): an honest record passes, and each tampering fails exactly its check.

use curve25519_dalek::constants::RISTRETTO_BASEPOINT_POINT as G;
use curve25519_dalek::scalar::Scalar;
use serde_json::{Value, json};

use crate::encoding::{Point, Transcript, to_hex};
use crate::merkle::{Frontier, leaf_hash};
use crate::proofs::tests::{disjunctive_prove, dleq_prove, schnorr_prove};
use crate::{CheckId, Status, VerifyOptions, verify};

/// Deterministic scalars for the test writer.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> Scalar {
        self.0 += 1;
        let mut t = Transcript::new("test");
        t.int(self.0);
        t.scalar()
    }
}

fn hx(p: &Point) -> String {
    to_hex(&p.bytes)
}

fn proof_json((c, s): (Scalar, Scalar)) -> Value {
    json!({"c": to_hex(c.as_bytes()), "s": to_hex(s.as_bytes())})
}

/// A two-trustee (k = 2), one-question (choose one of two options, plurality) election.
struct Writer {
    draw: Draw,
    setup_digest: [u8; 32],
    election_digest: [u8; 32],
    key: Point,
    board: Scalar,
    x: Vec<Scalar>,
    events: Vec<(String, Value)>,
}

fn honest() -> Writer {
    let mut draw = Draw(0);
    let names = ["alice", "bob"];
    let p: Vec<Scalar> = (0..2).map(|_| draw.next()).collect();
    let trustees: Vec<Value> = names
        .iter()
        .zip(&p)
        .map(|(name, p)| {
            let (pk, pop) = schnorr_prove("urna/v1/trustee-pop", &[name.as_bytes()], *p, draw.next());
            json!({"v": 1, "name": name, "encryption_key": hx(&pk), "proof_of_possession": proof_json(pop)})
        })
        .collect();
    let mut t = Transcript::new("urna/v1/setup");
    t.push(b"e1").int(2).int(2);
    for (name, p) in names.iter().zip(&p) {
        t.push(name.as_bytes())
            .push(&Point::from_point(p * G).bytes);
    }
    let sd = t.digest();
    // DKG: f_i(z) = a_i0 + a_i1 z.
    let coeffs: Vec<[Scalar; 2]> = (0..2).map(|_| [draw.next(), draw.next()]).collect();
    let mut round1 = Vec::new();
    let mut body_digests = Vec::new();
    for (i, a) in coeffs.iter().enumerate() {
        let dealer = (i + 1) as u64;
        let commitments: Vec<Point> = a.iter().map(|c| Point::from_point(c * G)).collect();
        let (_, constant) = schnorr_prove(
            "urna/v1/dkg-coefficient-pok",
            &[&sd, &dealer.to_be_bytes()],
            a[0],
            draw.next(),
        );
        let mut t = Transcript::new("urna/v1/dkg-round1");
        t.push(&sd).int(dealer).int(2);
        for c in &commitments {
            t.push(&c.bytes);
        }
        t.push(constant.0.as_bytes())
            .push(constant.1.as_bytes())
            .int(2);
        let mut shares = Vec::new();
        for l in 1..=2u64 {
            // The verifier cannot open shares; any 48 bytes stand for the ciphertext.
            let e = Point::from_point(draw.next() * G);
            let ct = [l as u8; 48];
            t.int(l).push(&e.bytes).push(&ct);
            shares.push(json!({"recipient": l, "ephemeral": hx(&e), "ciphertext": to_hex(&ct)}));
        }
        let digest = t.digest();
        let (_, signature) = schnorr_prove(
            "urna/v1/dkg-round1-signature",
            &[&digest],
            p[i],
            draw.next(),
        );
        body_digests.push(digest);
        round1.push(json!({"v": 1, "setup": to_hex(&sd), "dealer": dealer,
            "commitments": commitments.iter().map(hx).collect::<Vec<_>>(),
            "constant_proof": proof_json(constant), "shares": shares, "signature": proof_json(signature)}));
    }
    let mut t = Transcript::new("urna/v1/dkg-transcript");
    t.push(&sd).int(2);
    for d in &body_digests {
        t.push(d);
    }
    let transcript = t.digest();
    let x: Vec<Scalar> = (1..=2u64)
        .map(|l| coeffs.iter().map(|a| a[0] + a[1] * Scalar::from(l)).sum())
        .collect();
    let mut round2 = Vec::new();
    let mut vks = Vec::new();
    for (i, x_l) in x.iter().enumerate() {
        let l = (i + 1) as u64;
        let (xp, proof) = schnorr_prove(
            "urna/v1/dkg-share-pok",
            &[&sd, &l.to_be_bytes(), &transcript],
            *x_l,
            draw.next(),
        );
        vks.push(hx(&xp));
        round2.push(
            json!({"v": 1, "setup": to_hex(&sd), "trustee": l, "transcript": to_hex(&transcript),
            "verification_key": hx(&xp), "proof": proof_json(proof)}),
        );
    }
    let key = Point::from_point(coeffs.iter().map(|a| a[0] * G).sum());
    let parameters = json!({"election_id": "e1", "setup": to_hex(&sd), "public_key": hx(&key),
        "questions": [{"id": "q1", "ballot_type": "choose_one", "min": 0, "max": 1, "options": ["ann", "bob"]}]});
    let election_digest = crate::ballot::Parameters::parse(&parameters)
        .unwrap()
        .digest();
    let board = draw.next();
    let (board_key, board_proof) =
        schnorr_prove("urna/v1/board-key", &[&election_digest], board, draw.next());
    let setup = json!({
        "parameters": parameters,
        "manifest": {"questions": [{"id": "q1", "ballot_type": "choose_one", "method": "plurality", "seats": 1,
                                    "tie_seed": null, "min_share": null, "options": [{"id": "ann", "withdrawn": false}, {"id": "bob", "withdrawn": false}]}]},
        "trustee_setup": {"v": 1, "election_id": "e1", "threshold": 2, "trustees": trustees},
        "dkg": {"round1": round1, "round2": round2},
        "election_key": {"v": 1, "election_id": "e1", "setup": to_hex(&sd), "transcript": to_hex(&transcript),
                         "threshold": 2, "public_key": hx(&key), "verification_keys": vks},
        "election_digest": to_hex(&election_digest),
        "board_key": hx(&board_key),
        "board_key_proof": proof_json(board_proof),
    });
    let mut w = Writer {
        draw,
        setup_digest: sd,
        election_digest,
        key,
        board,
        x,
        events: Vec::new(),
    };
    w.push("setup", setup);
    w.push(
        "voter_roll",
        json!({"voters": 3, "weight": 4, "digest": to_hex(&[7u8; 32])}),
    );
    w
}

impl Writer {
    fn push(&mut self, kind: &str, body: Value) {
        self.events.push((kind.to_owned(), body));
    }

    /// A ballot choosing `choice` (0 or 1) of the two options.
    fn ballot(&mut self, choice: usize) -> Value {
        let ed = self.election_digest;
        let y = self.key.point;
        let secret = self.draw.next();
        let k = Point::from_point(secret * G);
        let bits: Vec<u64> = (0..2).map(|i| u64::from(i == choice)).collect();
        let rs: Vec<Scalar> = (0..2).map(|_| self.draw.next()).collect();
        let cts: Vec<(Point, Point)> = bits
            .iter()
            .zip(&rs)
            .map(|(m, r)| {
                (
                    Point::from_point(r * G),
                    Point::from_point(Scalar::from(*m) * G + r * y),
                )
            })
            .collect();
        let draw = &mut self.draw;
        let mut next = || draw.next();
        let mut digest = Transcript::new("urna/v1/ballot");
        digest.push(&ed).push(&k.bytes).int(1).int(2);
        let mut bit_json = Vec::new();
        for (i, ((a, b), r)) in cts.iter().zip(&rs).enumerate() {
            let ctx: [&[u8]; 4] = [
                &ed,
                &k.bytes,
                &0u64.to_be_bytes(),
                &(i as u64).to_be_bytes(),
            ];
            let proof = disjunctive_prove(
                "urna/v1/bit-proof",
                &ctx,
                &y,
                (a, b),
                *r,
                &[0, 1],
                bits[i] as usize,
                &mut next,
            );
            digest.push(&a.bytes).push(&b.bytes).int(proof.len() as u64);
            for (c, s) in &proof {
                digest.push(c.as_bytes()).push(s.as_bytes());
            }
            bit_json.push(json!({"alpha": hx(a), "beta": hx(b), "proof": proof.iter().map(|p| proof_json(*p)).collect::<Vec<_>>()}));
        }
        let (sa, sb) = (
            Point::from_point(cts[0].0.point + cts[1].0.point),
            Point::from_point(cts[0].1.point + cts[1].1.point),
        );
        let ctx: [&[u8]; 4] = [&ed, &k.bytes, &0u64.to_be_bytes(), &0u64.to_be_bytes()];
        let sum = disjunctive_prove(
            "urna/v1/sum-proof",
            &ctx,
            &y,
            (&sa, &sb),
            rs[0] + rs[1],
            &[0, 1],
            1,
            &mut next,
        );
        digest.int(1).int(sum.len() as u64);
        for (c, s) in &sum {
            digest.push(c.as_bytes()).push(s.as_bytes());
        }
        let (_, signature) = schnorr_prove(
            "urna/v1/ballot-signature",
            &[&digest.digest()],
            secret,
            next(),
        );
        json!({"v": 1, "election": to_hex(&ed), "credential_key": hx(&k),
               "questions": [{"bits": bit_json, "sums": [sum.iter().map(|p| proof_json(*p)).collect::<Vec<_>>()]}],
               "signature": proof_json(signature)})
    }

    fn cast(&mut self, credential: u8, weight: u64, choice: usize) {
        let ballot = self.ballot(choice);
        self.push("ballot", json!({"credential": to_hex(&[credential; 16]), "weight": weight, "sealed_by": "voter", "ballot": ballot}));
    }

    /// Closes, freezes, tallies, decrypts and publishes; the counted ballots are given as
    /// (weight, choice) by the caller, from the votes it cast (hand bookkeeping).
    fn finish(&mut self, counted: &[(u64, usize)]) {
        let n = self.events.iter().filter(|(k, _)| k == "ballot").count();
        self.push("tree_head", Value::Null);
        self.push("end_ballots", json!({"ballots": n}));
        self.push("tree_head", Value::Null);
        let weight: u64 = counted.iter().map(|c| c.0).sum();
        self.push(
            "strikes_frozen",
            json!({"counted": counted.len(), "weight": weight}),
        );
        // The tally: the product of the counted ballots' ciphertexts, read back from the events.
        let mut sums = [(
            curve25519_dalek::ristretto::RistrettoPoint::default(),
            curve25519_dalek::ristretto::RistrettoPoint::default(),
        ); 2];
        let last: std::collections::BTreeMap<String, Value> = self
            .events
            .iter()
            .filter(|(k, _)| k == "ballot")
            .map(|(_, b)| (b["credential"].as_str().unwrap().to_owned(), b.clone()))
            .collect();
        let struck: Vec<String> = self
            .events
            .iter()
            .filter(|(k, _)| k == "strike")
            .map(|(_, b)| b["credential"].as_str().unwrap().to_owned())
            .collect();
        for (cred, b) in &last {
            if struck.contains(cred) {
                continue;
            }
            let w = Scalar::from(b["weight"].as_u64().unwrap());
            for (i, bit) in b["ballot"]["questions"][0]["bits"]
                .as_array()
                .unwrap()
                .iter()
                .enumerate()
            {
                let p = |f: &str| {
                    Point::from_bytes(
                        crate::encoding::hex(bit[f].as_str().unwrap(), 32)
                            .unwrap()
                            .try_into()
                            .unwrap(),
                    )
                    .unwrap()
                    .point
                };
                sums[i].0 += w * p("alpha");
                sums[i].1 += w * p("beta");
            }
        }
        let tally: Vec<(Point, Point)> = sums
            .iter()
            .map(|(a, b)| (Point::from_point(*a), Point::from_point(*b)))
            .collect();
        let mut t = Transcript::new("urna/v1/encrypted-tally");
        t.push(&self.election_digest)
            .int(counted.len() as u64)
            .int(weight)
            .int(2);
        for (a, b) in &tally {
            t.push(&a.bytes).push(&b.bytes);
        }
        let td = t.digest();
        self.push("encrypted_tally", json!({"tally_digest": to_hex(&td),
            "ciphertexts": tally.iter().map(|(a, b)| json!({"alpha": hx(a), "beta": hx(b)})).collect::<Vec<_>>()}));
        for l in 1..=2u64 {
            let x = self.x[(l - 1) as usize];
            let shares: Vec<Value> = tally
                .iter()
                .enumerate()
                .map(|(p, (a, _))| {
                    let (_, d, proof) = dleq_prove(
                        &[
                            &self.setup_digest,
                            &td,
                            &l.to_be_bytes(),
                            &(p as u64).to_be_bytes(),
                        ],
                        x,
                        a,
                        self.draw.next(),
                    );
                    json!({"D": hx(&d), "proof": proof_json(proof)})
                })
                .collect();
            self.push(
                "partial_decryption",
                json!({"trustee": l, "tally_digest": to_hex(&td), "shares": shares}),
            );
        }
        let mut per_option = [0u64; 2];
        for (w, choice) in counted {
            per_option[*choice] += w;
        }
        self.push("result", json!({"question": "q1", "method": "plurality", "options": {"seats": null, "seed": 1, "min_share": null},
            "input": {"title": "q1", "candidates": ["ann", "bob"], "seats": 1, "withdrawn": [], "ballots": counted.len(), "weight": weight,
                      "totals": {"kind": "choice", "per_option": per_option}},
            "report": null}));
        self.push("tree_head", Value::Null);
    }

    /// The record's bytes: heights, parents and signed tree heads filled in.
    fn write(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut parent = [0u8; 32];
        let mut frontier = Frontier::default();
        for (h, (kind, body)) in self.events.iter().enumerate() {
            let body = if kind == "tree_head" && body.is_null() {
                let root = frontier.root();
                let size = h as u64;
                let (_, sig) = schnorr_prove(
                    "urna/v1/tree-head",
                    &[&self.election_digest, &size.to_be_bytes(), &root],
                    self.board,
                    Scalar::from(h as u64 + 5),
                );
                json!({"size": size, "root": to_hex(&root), "signature": proof_json(sig)})
            } else {
                body.clone()
            };
            let line = format!(
                "{{\"height\":{h},\"parent\":\"{}\",\"type\":\"{kind}\",\"body\":{}}}",
                to_hex(&parent),
                serde_json::to_string(&body).unwrap()
            );
            parent = leaf_hash(line.as_bytes());
            frontier.push(parent);
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
        out
    }
}

/// Three voters: credential 1 votes ann then revotes bob (weight 1), credential 2 votes ann
/// (weight 2), credential 3 votes bob and is struck. Counted by hand: credential 1's bob (1)
/// and credential 2's ann (2): totals ann 2, bob 1; 2 ballots of weight 3 ≤ roll weight 4.
fn standard() -> Writer {
    let mut w = honest();
    w.cast(1, 1, 0);
    w.cast(2, 2, 0);
    w.push("tree_head", Value::Null);
    w.cast(3, 1, 1);
    w.cast(1, 1, 1);
    w.push("strike", json!({"credential": to_hex(&[3u8; 16])}));
    w.finish(&[(1, 1), (2, 0)]);
    w
}

fn run(record: &[u8]) -> crate::Verification {
    verify(record, &VerifyOptions::default(), &|_| {})
}

/// Which checks failed.
fn failed(v: &crate::Verification) -> Vec<CheckId> {
    v.failures().map(|c| c.id).collect()
}

/// Without the `totals` feature V8 cannot recount a verifiable result; it is the only
/// failure an honest record may show then.
fn honest_failures() -> Vec<CheckId> {
    if cfg!(feature = "totals") {
        vec![]
    } else {
        vec![CheckId::V8]
    }
}

#[test]
fn honest_record_passes() {
    let v = run(&standard().write());
    assert_eq!(failed(&v), honest_failures(), "{v:#?}");
    for id in [
        CheckId::V1,
        CheckId::V2,
        CheckId::V3,
        CheckId::V4,
        CheckId::V5,
        CheckId::V7,
        CheckId::V9,
    ] {
        assert!(
            matches!(v.status(id), Some(Status::Pass { .. })),
            "{id}: {v:#?}"
        );
    }
    assert!(matches!(
        v.status(CheckId::V6),
        Some(Status::NotApplicable { .. })
    ));
    assert!(matches!(
        v.status(CheckId::V10),
        Some(Status::NotApplicable { .. })
    ));
    // V7's detail names the two trustees used.
    match v.status(CheckId::V7) {
        Some(Status::Pass { detail }) => assert!(detail.contains("[1, 2]"), "{detail}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn decrypted_totals_are_the_hand_count() {
    let w = standard();
    let record = w.write();
    let events = crate::record::parse(&record).unwrap();
    let setup = crate::record::Setup::read(&events[0].body().unwrap()).unwrap();
    let (status, totals) = crate::checks::v7(&events, &setup);
    assert!(matches!(status, Status::Pass { .. }), "{status:?}");
    assert_eq!(totals, Some(vec![2, 1]));
}

/// Tampers with the standard election's events, rewrites the record and returns the failed checks.
fn tampered(change: impl FnOnce(&mut Writer)) -> (Vec<CheckId>, crate::Verification) {
    let mut w = standard();
    change(&mut w);
    let v = run(&w.write());
    let mut f = failed(&v);
    if !cfg!(feature = "totals") {
        f.retain(|id| *id != CheckId::V8);
    }
    (f, v)
}

fn event<'a>(w: &'a mut Writer, kind: &str, nth: usize) -> &'a mut Value {
    &mut w
        .events
        .iter_mut()
        .filter(|(k, _)| k == kind)
        .nth(nth)
        .unwrap()
        .1
}

#[test]
fn v1_an_option_renamed_in_the_parameters() {
    let (f, v) = tampered(|w| {
        event(w, "setup", 0)["parameters"]["questions"][0]["options"][1] = json!("carl")
    });
    assert_eq!(f, vec![CheckId::V1], "{v:#?}");
}

#[test]
fn v2_a_proof_of_possession_changed() {
    let (f, v) = tampered(|w| {
        let t =
            &mut event(w, "setup", 0)["trustee_setup"]["trustees"][1]["proof_of_possession"]["s"];
        *t = json!(to_hex(Scalar::ONE.as_bytes()));
    });
    assert_eq!(f, vec![CheckId::V2], "{v:#?}");
    match v.status(CheckId::V2) {
        Some(Status::Fail { item, .. }) => assert_eq!(item, "trustee 2"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn v3_a_bit_proof_changed_and_a_copied_ballot() {
    let (f, v) = tampered(|w| {
        event(w, "ballot", 1)["ballot"]["questions"][0]["bits"][1]["proof"][0]["s"] =
            json!(to_hex(Scalar::ONE.as_bytes()));
    });
    assert_eq!(f, vec![CheckId::V3], "{v:#?}");
    match v.status(CheckId::V3) {
        Some(Status::Fail { item, reason }) => {
            assert!(item.starts_with("height 3, credential 0202"), "{item}");
            assert!(reason.contains("question 0, bit 1"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    // Credential 3 posts credential 2's ballot (struck later, so the count is unchanged).
    let (f, v) = tampered(|w| {
        let copy = event(w, "ballot", 1)["ballot"].clone();
        event(w, "ballot", 2)["ballot"] = copy;
    });
    assert!(f.contains(&CheckId::V3), "{v:#?}");
}

#[test]
fn v4_the_frozen_count_changed_and_a_late_strike() {
    let (f, v) = tampered(|w| event(w, "strikes_frozen", 0)["counted"] = json!(3));
    assert_eq!(f, vec![CheckId::V4], "{v:#?}");
    let (f, v) = tampered(|w| {
        // A strike of an uncounted credential after the freeze, before the tally.
        let at = w
            .events
            .iter()
            .position(|(k, _)| k == "strikes_frozen")
            .unwrap();
        w.events.insert(
            at + 1,
            ("strike".into(), json!({"credential": to_hex(&[3u8; 16])})),
        );
    });
    assert_eq!(f, vec![CheckId::V4], "{v:#?}");
}

#[test]
fn v5_the_tally_digest_changed() {
    let (f, v) = tampered(|w| {
        let bad = to_hex(&[9u8; 32]);
        event(w, "encrypted_tally", 0)["tally_digest"] = json!(bad);
        for l in 0..2 {
            event(w, "partial_decryption", l)["tally_digest"] = json!(bad);
        }
    });
    // The shares' proofs bind the old digest: V7 fails too, which is right (they do not
    // decrypt the recorded tally). V5 names the digest.
    assert!(f.contains(&CheckId::V5), "{v:#?}");
    // A ciphertext of the tally replaced by another: V5 names the position.
    let (f, v) = tampered(|w| {
        let other = event(w, "encrypted_tally", 0)["ciphertexts"][0].clone();
        event(w, "encrypted_tally", 0)["ciphertexts"][1] = other;
    });
    assert!(f.contains(&CheckId::V5), "{v:#?}");
    match v.status(CheckId::V5) {
        Some(Status::Fail { item, .. }) => assert!(item.ends_with("position 1"), "{item}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn v7_a_decryption_share_changed() {
    let (f, v) = tampered(|w| {
        let d = event(w, "partial_decryption", 1)["shares"][0]["D"].clone();
        event(w, "partial_decryption", 1)["shares"][1]["D"] = d;
    });
    assert_eq!(f, vec![CheckId::V7], "{v:#?}");
    match v.status(CheckId::V7) {
        Some(Status::Fail { item, .. }) => {
            assert!(item.ends_with("trustee 2, position 1"), "{item}")
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        v.status(CheckId::V8),
        Some(Status::NotApplicable { .. })
    ));
}

#[test]
fn v8_input_totals_changed() {
    let mut w = standard();
    event(&mut w, "result", 0)["input"]["totals"]["per_option"] = json!([1, 2]);
    let v = run(&w.write());
    match v.status(CheckId::V8) {
        Some(Status::Fail { item, reason }) => {
            assert!(item.ends_with("question q1"), "{item}");
            assert!(reason.contains("[2, 1]"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(failed(&v), vec![CheckId::V8]);
}

#[test]
fn v9_a_parent_and_a_signature() {
    let mut w = standard();
    let mut record = w.write();
    // Swap two characters inside the last tree head's signature: its line hash changes too,
    // but it is the last line, so only its signature is wrong.
    let text = String::from_utf8(record.clone()).unwrap();
    let last = text.trim_end().rsplit('\n').next().unwrap();
    let sig = last.find("\"s\":\"").unwrap() + 5;
    let at = text.len() - 1 - last.len() + sig;
    record[at] = if record[at] == b'0' { b'1' } else { b'0' };
    let v = run(&record);
    assert_eq!(
        failed(&v)
            .into_iter()
            .filter(|id| *id != CheckId::V8)
            .collect::<Vec<_>>(),
        vec![CheckId::V9],
        "{v:#?}"
    );
    // A record that does not end with a tree head.
    w.events.pop();
    let v = run(&w.write());
    assert!(failed(&v).contains(&CheckId::V9));
}

#[test]
fn v10_prefix_and_tree_head() {
    let w = standard();
    let record = w.write();
    let text = std::str::from_utf8(&record).unwrap();
    let first_five: String = text.split_inclusive('\n').take(5).collect();
    let opts = |since: &[u8]| VerifyOptions {
        since: Some(since.to_vec()),
        up_to_freeze: false,
    };
    let v = verify(&record, &opts(first_five.as_bytes()), &|_| {});
    assert!(
        matches!(v.status(CheckId::V10), Some(Status::Pass { .. })),
        "{v:#?}"
    );
    // The third line's tree head (height 4) as a tree head JSON.
    let head: Value = serde_json::from_str(text.split('\n').nth(4).unwrap()).unwrap();
    let v = verify(&record, &opts(head["body"].to_string().as_bytes()), &|_| {});
    assert!(
        matches!(v.status(CheckId::V10), Some(Status::Pass { .. })),
        "{v:#?}"
    );
    // An older record whose ballot differs.
    let other = standard_with_other_ballot();
    let v = verify(&record, &opts(&other), &|_| {});
    assert!(
        matches!(v.status(CheckId::V10), Some(Status::Fail { .. })),
        "{v:#?}"
    );
}

fn standard_with_other_ballot() -> Vec<u8> {
    let mut w = standard();
    event(&mut w, "ballot", 0)["weight"] = json!(5);
    w.write()
}

#[test]
fn trustee_mode_stops_at_the_freeze() {
    let record = standard().write();
    let v = verify(
        &record,
        &VerifyOptions {
            since: None,
            up_to_freeze: true,
        },
        &|_| {},
    );
    assert!(v.passed(), "{v:#?}");
    assert!(matches!(v.status(CheckId::V5), Some(Status::Pass { .. })));
    assert!(matches!(
        v.status(CheckId::V8),
        Some(Status::NotApplicable { .. })
    ));
}

#[test]
fn audited_ballot_checks_the_revealed_randomness() {
    // Build an audited ballot by hand: the parameters, one ballot, its bits and randomness.
    let mut w = honest();
    let parameters = event(&mut w, "setup", 0)["parameters"].clone();
    let before = w.draw.0;
    let ballot = w.ballot(1);
    // Ballot draws: 1 credential secret, then r_0, r_1 (see `Writer::ballot`).
    let mut replay = Draw(before);
    replay.next();
    let r: Vec<String> = (0..2).map(|_| to_hex(replay.next().as_bytes())).collect();
    let audited = json!({"v": 1, "type": "audited_ballot", "parameters": parameters, "ballot": ballot, "bits": [[0, 1]], "randomness": [r.clone()]});
    let bytes = audited.to_string().into_bytes();
    assert!(crate::is_audited_ballot(&bytes));
    let audit = crate::verify_audited_ballot(&bytes).unwrap();
    assert_eq!(audit.bits, vec![vec![0, 1]]);
    // Claiming the other answer fails, naming the bit.
    let lie = json!({"v": 1, "type": "audited_ballot", "parameters": audited["parameters"], "ballot": audited["ballot"], "bits": [[1, 0]], "randomness": [r]});
    let err = crate::verify_audited_ballot(lie.to_string().as_bytes()).unwrap_err();
    assert!(err.to_string().contains("question 0, bit 0"), "{err}");
}

mod fuzz {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = super::run(&bytes);
            let _ = crate::verify_audited_ballot(&bytes);
        }

        #[test]
        fn mutated_records_never_panic(edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..4)) {
            let mut record = super::standard().write();
            for (at, byte) in edits {
                let i = at.index(record.len());
                record[i] = byte;
            }
            let _ = super::run(&record);
        }
    }
}
