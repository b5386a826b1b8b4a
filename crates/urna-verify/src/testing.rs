//! A tiny record writer for tests and benchmarks (feature `testing`), written from the format
//! like the verifier and independent of the server: provers for the three proof kinds and a
//! two-trustee, one-question election, verifiable or sealed.

// A writer for tests and benchmarks only, on its own fixed inputs: a failure is a bug in the
// test set-up, and a panic is the right report.
#![allow(clippy::unwrap_used, clippy::should_implement_trait)]

use curve25519_dalek::constants::RISTRETTO_BASEPOINT_POINT as G;
use curve25519_dalek::scalar::Scalar;
use serde_json::{Value, json};

use crate::encoding::{Point, Transcript, to_hex};
use crate::merkle::{Frontier, leaf_hash};
use crate::proofs::Branch;
use curve25519_dalek::ristretto::RistrettoPoint;

// ----- provers

pub fn schnorr_prove(tag: &str, ctx: &[&[u8]], x: Scalar, k: Scalar) -> (Point, (Scalar, Scalar)) {
    let public = Point::from_point(x * G);
    let t = k * G;
    let mut tr = Transcript::new(tag);
    for item in ctx {
        tr.push(item);
    }
    tr.push(&public.bytes).push(&t.compress().to_bytes());
    let c = tr.scalar();
    (public, (c, k + c * x))
}

pub fn dleq_prove(
    ctx: &[&[u8]],
    x: Scalar,
    r: &Point,
    k: Scalar,
) -> (Point, Point, (Scalar, Scalar)) {
    let xp = Point::from_point(x * G);
    let d = Point::from_point(x * r.point);
    let mut tr = Transcript::new("urna/v1/decryption-dleq");
    for item in ctx {
        tr.push(item);
    }
    tr.push(&xp.bytes)
        .push(&r.bytes)
        .push(&d.bytes)
        .push(&(k * G).compress().to_bytes())
        .push(&(k * r.point).compress().to_bytes());
    let c = tr.scalar();
    (xp, d, (c, k + c * x))
}

/// CDS proof for `(α, β)` = (r·G, m·G + r·Y) with `m = values[index]`; `draw` gives the
/// random scalars in the order of docs/record-format.md §4.
#[allow(clippy::too_many_arguments)]
pub fn disjunctive_prove(
    tag: &str,
    ctx: &[&[u8]],
    key: &RistrettoPoint,
    (alpha, beta): (&Point, &Point),
    r: Scalar,
    values: &[u64],
    index: usize,
    draw: &mut dyn FnMut() -> Scalar,
) -> Vec<Branch> {
    let mut proof = vec![(Scalar::ZERO, Scalar::ZERO); values.len()];
    let mut commitments = Vec::new();
    let mut w = Scalar::ZERO;
    for (j, &v) in values.iter().enumerate() {
        if j == index {
            w = draw();
            commitments.push((w * G, w * key));
        } else {
            let (c, s) = (draw(), draw());
            proof[j] = (c, s);
            let a = s * G - c * alpha.point;
            let b = s * key - c * (beta.point - Scalar::from(v) * G);
            commitments.push((a, b));
        }
    }
    let mut tr = Transcript::new(tag);
    for item in ctx {
        tr.push(item);
    }
    tr.push(&alpha.bytes)
        .push(&beta.bytes)
        .int(values.len() as u64);
    for v in values {
        tr.int(*v);
    }
    for (a, b) in &commitments {
        tr.push(&a.compress().to_bytes())
            .push(&b.compress().to_bytes());
    }
    let c = tr.scalar();
    let others: Scalar = proof.iter().map(|(c, _)| c).sum();
    let ck = c - others;
    proof[index] = (ck, w + ck * r);
    proof
        .into_iter()
        .zip(commitments)
        .map(|((c, s), (a, b))| Branch {
            a: Point::from_point(a),
            b: Point::from_point(b),
            c,
            s,
        })
        .collect()
}

fn branches_json(proof: &[Branch]) -> Value {
    proof
        .iter()
        .map(|p| json!({"a": hx(&p.a), "b": hx(&p.b), "c": to_hex(p.c.as_bytes()), "s": to_hex(p.s.as_bytes())}))
        .collect()
}

// ----- the writer

/// Deterministic scalars for the test writer.
#[derive(Debug)]
pub struct Draw(pub u64);

impl Draw {
    pub fn next(&mut self) -> Scalar {
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

/// A two-trustee (k = 2), one-question (choose one of two options, plurality) election;
/// `sealed` elections keep sealed ballots and publish their decryption as BLT.
#[derive(Debug)]
pub struct Writer {
    pub sealed: bool,
    pub draw: Draw,
    setup_digest: [u8; 32],
    election_digest: [u8; 32],
    key: Point,
    board: Scalar,
    x: Vec<Scalar>,
    pub events: Vec<(String, Value)>,
}

/// The set-up and roll of an election, ready for ballots.
pub fn honest(sealed: bool) -> Writer {
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
    let election_digest = if sealed {
        crate::ballot::election_digest("e1", &sd, &key, &[])
    } else {
        crate::ballot::Parameters::parse(&parameters)
            .unwrap()
            .digest()
    };
    let parameters = if sealed { Value::Null } else { parameters };
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
        sealed,
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
    pub fn push(&mut self, kind: &str, body: Value) {
        self.events.push((kind.to_owned(), body));
    }

    /// A ballot choosing `choice` (0 or 1) of the two options.
    pub fn ballot(&mut self, choice: usize) -> Value {
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
            for p in &proof {
                digest.push(p.c.as_bytes()).push(p.s.as_bytes());
            }
            bit_json.push(json!({"alpha": hx(a), "beta": hx(b), "proof": branches_json(&proof)}));
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
        for p in &sum {
            digest.push(p.c.as_bytes()).push(p.s.as_bytes());
        }
        let (_, signature) = schnorr_prove(
            "urna/v1/ballot-signature",
            &[&digest.digest()],
            secret,
            next(),
        );
        json!({"v": 1, "election": to_hex(&ed), "credential_key": hx(&k),
               "questions": [{"bits": bit_json, "sums": [branches_json(&sum)]}],
               "signature": proof_json(signature)})
    }

    pub fn cast(&mut self, credential: u8, weight: u64, choice: usize) {
        if self.sealed {
            let r = Point::from_point(self.draw.next() * G);
            let sealed = json!({"v": 1, "kind": "kem-chacha20poly1305", "R": hx(&r), "ct": to_hex(&[choice as u8; 80])});
            self.push("ballot", json!({"credential": to_hex(&[credential; 16]), "weight": weight, "sealed": sealed}));
            return;
        }
        let ballot = self.ballot(choice);
        self.push("ballot", json!({"credential": to_hex(&[credential; 16]), "weight": weight, "sealed_by": "voter", "ballot": ballot}));
    }

    /// Closes, freezes, tallies, decrypts and publishes; the counted ballots are given as
    /// (weight, choice) by the caller, from the votes it cast (hand bookkeeping).
    pub fn finish(&mut self, counted: &[(u64, usize)]) {
        let n = self.events.iter().filter(|(k, _)| k == "ballot").count();
        self.push("tree_head", Value::Null);
        self.push("end_ballots", json!({"ballots": n}));
        self.push("tree_head", Value::Null);
        let weight: u64 = counted.iter().map(|c| c.0).sum();
        self.push(
            "strikes_frozen",
            json!({"counted": counted.len(), "weight": weight}),
        );
        if self.sealed {
            // The decrypted ballots as BLT (2 candidates, 1 seat), counted by urna-tally.
            let mut blt = String::from("2 1\n");
            for (w, choice) in counted {
                blt.push_str(&format!("{w} {} 0\n", choice + 1));
            }
            blt.push_str("0\n\"ann\"\n\"bob\"\n\"q1\"\n");
            let election = urna_tally::blt::parse(&blt).unwrap();
            let options = urna_tally::Options {
                seed: Some(1),
                ..Default::default()
            };
            let report = urna_tally::count(
                urna_tally::Method::Plurality,
                &urna_tally::Ballots::Ranked(election),
                &options,
            )
            .unwrap();
            self.push(
                "decrypted_ballots",
                json!({"question": "q1", "format": "blt", "ballots": blt}),
            );
            self.push("result", json!({"question": "q1", "method": "plurality", "options": {"seats": null, "seed": 1, "min_share": null},
                "input": null, "report": urna_tally::render::json_value(&report)}));
            self.push("tree_head", Value::Null);
            return;
        }
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
        let input = json!({"title": "q1", "candidates": ["ann", "bob"], "seats": 1, "withdrawn": [],
            "ballots": counted.len(), "weight": weight, "totals": {"kind": "choice", "per_option": per_option}});
        let election: urna_tally::TotalsElection = serde_json::from_value(input.clone()).unwrap();
        let options = urna_tally::Options {
            seed: Some(1),
            ..Default::default()
        };
        let report =
            urna_tally::count_totals(urna_tally::Method::Plurality, &election, &options).unwrap();
        self.push(
            "result",
            json!({"question": "q1", "method": "plurality",
            "options": {"seats": null, "seed": 1, "min_share": null},
            "input": input, "report": urna_tally::render::json_value(&report)}),
        );
        self.push("tree_head", Value::Null);
    }

    /// The record's bytes: heights, parents and signed tree heads filled in.
    pub fn write(&self) -> Vec<u8> {
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
pub fn standard(sealed: bool) -> Writer {
    let mut w = honest(sealed);
    w.cast(1, 1, 0);
    w.cast(2, 2, 0);
    w.push("tree_head", Value::Null);
    w.cast(3, 1, 1);
    w.cast(1, 1, 1);
    w.push("strike", json!({"credential": to_hex(&[3u8; 16])}));
    w.finish(&[(1, 1), (2, 0)]);
    w
}

/// A verifiable election with `voters` ballots of weight 1 (alternating choices), for
/// benchmarks.
pub fn many(voters: u32) -> Writer {
    let mut w = honest(false);
    w.events[1].1["weight"] = json!(voters);
    let mut counted = Vec::new();
    for v in 0..voters {
        let choice = (v % 2) as usize;
        let ballot = w.ballot(choice);
        let mut credential = [0u8; 16];
        credential[..4].copy_from_slice(&v.to_be_bytes());
        w.push("ballot", json!({"credential": to_hex(&credential), "weight": 1, "sealed_by": "voter", "ballot": ballot}));
        counted.push((1, choice));
        if v % 1000 == 999 {
            w.push("tree_head", Value::Null);
        }
    }
    w.finish(&counted);
    w
}
