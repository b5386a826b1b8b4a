//! Election parameters, ballot layouts and encrypted-ballot validity
//! (docs/record-format.md §2–§4): what a valid ballot looks like and how its proofs and
//! signature are checked.

use std::collections::BTreeSet;

use curve25519_dalek::ristretto::RistrettoPoint;
use curve25519_dalek::traits::Identity;
use serde_json::Value;

use crate::Invalid;
use crate::encoding::{Obj, Point, Transcript, clip, to_hex};
use crate::proofs;

/// The ballot types a verifiable election allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BallotType {
    ChooseOne,
    Approval,
    Score,
}

impl BallotType {
    fn parse(name: &str) -> Result<BallotType, Invalid> {
        match name {
            "choose_one" => Ok(BallotType::ChooseOne),
            "approval" => Ok(BallotType::Approval),
            "score" => Ok(BallotType::Score),
            other => Err(Invalid::new(format!(
                "ballot type {:?} is not choose_one, approval or score",
                clip(other)
            ))),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            BallotType::ChooseOne => "choose_one",
            BallotType::Approval => "approval",
            BallotType::Score => "score",
        }
    }
}

/// One group of bits and the sums it may take.
#[derive(Debug, Clone)]
pub struct Group {
    pub start: usize,
    pub len: usize,
    /// Increasing.
    pub sums: Vec<u64>,
}

impl Group {
    /// §2: a group whose sums are exactly `{0, …, size}` carries no sum proof.
    pub fn has_proof(&self) -> bool {
        !(self.sums.len() == self.len + 1
            && self.sums.iter().enumerate().all(|(i, s)| *s == i as u64))
    }
}

/// A question of the election parameters, checked as §3 demands.
#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    pub ballot_type: BallotType,
    pub min: i64,
    pub max: i64,
    pub options: Vec<String>,
}

impl Question {
    pub fn bits(&self) -> usize {
        match self.ballot_type {
            BallotType::Score => self.options.len() * self.score_width(),
            _ => self.options.len(),
        }
    }

    /// `w = max − min + 2`: one blank bit and one bit per score.
    pub fn score_width(&self) -> usize {
        (self.max - self.min + 2) as usize
    }

    /// The groups of §2's table.
    pub fn groups(&self) -> Vec<Group> {
        let n = self.options.len();
        match self.ballot_type {
            BallotType::ChooseOne => vec![Group {
                start: 0,
                len: n,
                sums: vec![0, 1],
            }],
            BallotType::Approval => {
                let mut sums: BTreeSet<u64> = (self.min as u64..=self.max as u64).collect();
                sums.insert(0);
                vec![Group {
                    start: 0,
                    len: n,
                    sums: sums.into_iter().collect(),
                }]
            }
            BallotType::Score => {
                let w = self.score_width();
                (0..n)
                    .map(|i| Group {
                        start: i * w,
                        len: w,
                        sums: vec![1],
                    })
                    .collect()
            }
        }
    }
}

/// The election parameters JSON of §3.
#[derive(Debug, Clone)]
pub struct Parameters {
    pub election_id: String,
    pub setup: [u8; 32],
    pub public_key: Point,
    pub questions: Vec<Question>,
}

impl Parameters {
    pub fn parse(value: &Value) -> Result<Parameters, Invalid> {
        let (election_id, setup, public_key, questions) =
            parse_parameters(value, parse_question, |q| &q.id)?;
        Ok(Parameters {
            election_id,
            setup,
            public_key,
            questions,
        })
    }

    /// §3's election digest.
    pub fn digest(&self) -> [u8; 32] {
        election_digest(
            &self.election_id,
            &self.setup,
            &self.public_key,
            &self.questions,
        )
    }
}

/// `H("urna/v1/election"; election_id, setup digest, Y, Q, questions…)`; a sealed election has
/// no questions.
pub fn election_digest(
    election_id: &str,
    setup: &[u8; 32],
    key: &Point,
    questions: &[Question],
) -> [u8; 32] {
    digest_of_questions(
        election_id,
        setup,
        key,
        questions.iter().map(|q| DigestQuestion {
            id: &q.id,
            ballot_type: q.ballot_type.name(),
            min: q.min,
            max: q.max,
            options: &q.options,
        }),
    )
}

/// One question as §3's election digest hashes it (A.6: a ranked question is `"ranked"`, min 0).
#[derive(Debug)]
pub struct DigestQuestion<'a> {
    pub id: &'a str,
    pub ballot_type: &'a str,
    pub min: i64,
    pub max: i64,
    pub options: &'a [String],
}

/// §3's election digest over any kind of question.
pub fn digest_of_questions<'a>(
    election_id: &str,
    setup: &[u8; 32],
    key: &Point,
    questions: impl ExactSizeIterator<Item = DigestQuestion<'a>>,
) -> [u8; 32] {
    let mut t = Transcript::new("urna/v1/election");
    t.push(election_id.as_bytes())
        .push(setup)
        .push(&key.bytes)
        .int(questions.len() as u64);
    for q in questions {
        t.push(q.id.as_bytes())
            .push(q.ballot_type.as_bytes())
            .push(&q.min.to_be_bytes())
            .push(&q.max.to_be_bytes())
            .int(q.options.len() as u64);
        for option in q.options {
            t.push(option.as_bytes());
        }
    }
    t.digest()
}

/// The election parameters JSON of §3 (and A.6) around questions read by `parse_question`:
/// election id, setup digest, key, and 1 to 100 questions with distinct ids.
pub fn parse_parameters<Q>(
    value: &Value,
    parse_question: impl Fn(&Value) -> Result<Q, Invalid>,
    id: impl Fn(&Q) -> &str,
) -> Result<(String, [u8; 32], Point, Vec<Q>), Invalid> {
    let o = Obj::of(value, "the election parameters")?;
    o.only(&["election_id", "setup", "public_key", "questions"])?;
    let list = o.arr("questions")?;
    if list.is_empty() || list.len() > 100 {
        return Err(Invalid::new(format!(
            "{} questions (1 to 100 allowed)",
            list.len()
        )));
    }
    let mut questions = Vec::with_capacity(list.len());
    let mut ids = BTreeSet::new();
    for (q, item) in list.iter().enumerate() {
        let question = parse_question(item).map_err(|e| e.context(format!("question {q}")))?;
        if !ids.insert(id(&question).to_owned()) {
            return Err(Invalid::new(format!(
                "question {q}: id {:?} repeats",
                clip(id(&question))
            )));
        }
        questions.push(question);
    }
    Ok((
        o.str("election_id")?.to_owned(),
        o.digest("setup")?,
        o.point("public_key")?,
        questions,
    ))
}

fn parse_question(value: &Value) -> Result<Question, Invalid> {
    let o = Obj::of(value, "a question")?;
    o.only(&["id", "ballot_type", "min", "max", "options"])?;
    let options: Vec<String> = o
        .arr("options")?
        .iter()
        .map(|v| {
            v.as_str()
                .map(str::to_owned)
                .ok_or_else(|| Invalid::new("an option id is not a string"))
        })
        .collect::<Result<_, _>>()?;
    let n = options.len();
    if n == 0 || n > 1000 {
        return Err(Invalid::new(format!("{n} options (1 to 1000 allowed)")));
    }
    if options.iter().collect::<BTreeSet<_>>().len() != n {
        return Err(Invalid::new("option ids repeat"));
    }
    let (ballot_type, min, max) = (
        BallotType::parse(o.str("ballot_type")?)?,
        o.i64("min")?,
        o.i64("max")?,
    );
    let valid = match ballot_type {
        BallotType::ChooseOne => min == 0 && max == 1,
        BallotType::Approval => 0 <= min && min <= max && max <= n as i64 && max >= 1,
        BallotType::Score => min < max && max.checked_sub(min).is_some_and(|d| d <= 100),
    };
    if !valid {
        return Err(Invalid::new(format!(
            "min {min} and max {max} are not valid for a {} question of {n} options",
            ballot_type.name()
        )));
    }
    Ok(Question {
        id: o.str("id")?.to_owned(),
        ballot_type,
        min,
        max,
        options,
    })
}

/// One ciphertext of a ballot.
#[derive(Debug, Clone, Copy)]
pub struct Ciphertext {
    pub alpha: Point,
    pub beta: Point,
}

/// A ballot that passed every check of §4.
#[derive(Debug, Clone)]
pub struct ValidBallot {
    pub credential_key: [u8; 32],
    /// Every question's bits, flattened in order (the tally's positions).
    pub ciphertexts: Vec<Ciphertext>,
    pub digest: [u8; 32],
}

fn read_proof(value: &Value) -> Result<Vec<proofs::Branch>, Invalid> {
    let list = value
        .as_array()
        .ok_or_else(|| Invalid::new("a proof is not an array"))?;
    list.iter()
        .enumerate()
        .map(|(j, p)| {
            let at = |e: Invalid| e.context(format!("branch {j}"));
            let o = Obj::of(p, "a proof branch").map_err(at)?;
            o.only(&["a", "b", "c", "s"]).map_err(at)?;
            Ok(proofs::Branch {
                a: o.point("a").map_err(at)?,
                b: o.point("b").map_err(at)?,
                c: o.scalar("c").map_err(at)?,
                s: o.scalar("s").map_err(at)?,
            })
        })
        .collect()
}

/// A proof whose hash checked, waiting for its equations to be checked in the ballot's batch.
struct PendingProof {
    /// "question 0, bit 3" or "question 0, group 0".
    at: String,
    what: &'static str,
    alpha: RistrettoPoint,
    beta: RistrettoPoint,
    values: Vec<u64>,
    proof: Vec<proofs::Branch>,
}

/// Checks a ballot JSON against the parameters (given by their digest, key and questions):
/// structure, every point, every bit and sum proof, and the signature. Errors name the
/// question and bit or group.
pub fn verify_ballot(
    value: &Value,
    election: &[u8; 32],
    key: &RistrettoPoint,
    questions: &[Question],
) -> Result<ValidBallot, Invalid> {
    let o = Obj::of(value, "the ballot")?;
    o.only(&["v", "election", "credential_key", "questions", "signature"])?;
    if o.u64("v")? != 1 {
        return Err(Invalid::new("ballot version is not 1"));
    }
    if o.digest("election")? != *election {
        return Err(Invalid::new("`election` is not this election's digest"));
    }
    let k = o.point("credential_key")?;
    if k.point == RistrettoPoint::identity() {
        return Err(Invalid::new("the credential key is the identity"));
    }
    let answers = o.arr("questions")?;
    if answers.len() != questions.len() {
        return Err(Invalid::new(format!(
            "{} questions, the election has {}",
            answers.len(),
            questions.len()
        )));
    }
    let mut digest = Transcript::new("urna/v1/ballot");
    digest
        .push(election)
        .push(&k.bytes)
        .int(questions.len() as u64);
    let mut ciphertexts = Vec::new();
    let mut pending = Vec::new();
    for (q, (answer, question)) in answers.iter().zip(questions).enumerate() {
        let at = |e: Invalid| e.context(format!("question {q}"));
        let a = Obj::of(answer, "an answer").map_err(at)?;
        a.only(&["bits", "sums"]).map_err(at)?;
        let bits = a.arr("bits").map_err(at)?;
        if bits.len() != question.bits() {
            return Err(at(Invalid::new(format!(
                "{} bits, the layout has {}",
                bits.len(),
                question.bits()
            ))));
        }
        digest.int(bits.len() as u64);
        let first = ciphertexts.len();
        for (i, bit) in bits.iter().enumerate() {
            let at = |e: Invalid| e.context(format!("question {q}, bit {i}"));
            let b = Obj::of(bit, "a bit").map_err(at)?;
            b.only(&["alpha", "beta", "proof"]).map_err(at)?;
            let c = Ciphertext {
                alpha: b.point("alpha").map_err(at)?,
                beta: b.point("beta").map_err(at)?,
            };
            let proof = read_proof(b.get("proof").map_err(at)?).map_err(at)?;
            digest
                .push(&c.alpha.bytes)
                .push(&c.beta.bytes)
                .int(proof.len() as u64);
            for branch in &proof {
                digest.push(branch.c.as_bytes()).push(branch.s.as_bytes());
            }
            let ctx: [&[u8]; 4] = [
                election,
                &k.bytes,
                &(q as u64).to_be_bytes(),
                &(i as u64).to_be_bytes(),
            ];
            if !proofs::disjunctive_challenge(
                "urna/v1/bit-proof",
                &ctx,
                (&c.alpha, &c.beta),
                &[0, 1],
                &proof,
            ) {
                return Err(at(Invalid::new("the bit proof does not verify")));
            }
            pending.push(PendingProof {
                at: format!("question {q}, bit {i}"),
                what: "the bit proof",
                alpha: c.alpha.point,
                beta: c.beta.point,
                values: vec![0, 1],
                proof,
            });
            ciphertexts.push(c);
        }
        let groups = question.groups();
        let sums = a.arr("sums").map_err(at)?;
        if sums.len() != groups.len() {
            return Err(at(Invalid::new(format!(
                "{} sum proofs, the layout has {} groups",
                sums.len(),
                groups.len()
            ))));
        }
        digest.int(groups.len() as u64);
        for (g, (group, sum)) in groups.iter().zip(sums).enumerate() {
            let at = |e: Invalid| e.context(format!("question {q}, group {g}"));
            match (group.has_proof(), sum) {
                (false, Value::Null) => {
                    digest.int(0);
                }
                (false, _) => {
                    return Err(at(Invalid::new("a sum proof where the layout has none")));
                }
                (true, Value::Null) => return Err(at(Invalid::new("the sum proof is missing"))),
                (true, proof) => {
                    let proof = read_proof(proof).map_err(at)?;
                    digest.int(proof.len() as u64);
                    for branch in &proof {
                        digest.push(branch.c.as_bytes()).push(branch.s.as_bytes());
                    }
                    let members = ciphertexts
                        .get(first + group.start..first + group.start + group.len)
                        .unwrap_or(&[]);
                    let alpha = Point::from_point(members.iter().map(|c| c.alpha.point).sum());
                    let beta = Point::from_point(members.iter().map(|c| c.beta.point).sum());
                    let ctx: [&[u8]; 4] = [
                        election,
                        &k.bytes,
                        &(q as u64).to_be_bytes(),
                        &(g as u64).to_be_bytes(),
                    ];
                    if !proofs::disjunctive_challenge(
                        "urna/v1/sum-proof",
                        &ctx,
                        (&alpha, &beta),
                        &group.sums,
                        &proof,
                    ) {
                        return Err(at(Invalid::new("the sum proof does not verify")));
                    }
                    pending.push(PendingProof {
                        at: format!("question {q}, group {g}"),
                        what: "the sum proof",
                        alpha: alpha.point,
                        beta: beta.point,
                        values: group.sums.clone(),
                        proof,
                    });
                }
            }
        }
    }
    let digest = digest.digest();
    // Every proof's equations at once, with weights hashed from the ballot digest (which covers
    // every c and s) and every commitment; one proof at a time only to name a failure.
    let mut seed = Transcript::new("urna/v1/batch-weights");
    seed.push(&digest);
    for p in &pending {
        for branch in &p.proof {
            seed.push(&branch.a.bytes).push(&branch.b.bytes);
        }
    }
    let seed = seed.digest();
    let mut batch = proofs::Batch::new(seed);
    for p in &pending {
        batch.disjunctive((&p.alpha, &p.beta), &p.values, &p.proof);
    }
    if !batch.holds(key) {
        for p in &pending {
            let mut one = proofs::Batch::new(seed);
            one.disjunctive((&p.alpha, &p.beta), &p.values, &p.proof);
            if !one.holds(key) {
                return Err(
                    Invalid::new(format!("{} does not verify", p.what)).context(p.at.clone())
                );
            }
        }
    }
    let signature = o.proof("signature")?;
    if !proofs::schnorr("urna/v1/ballot-signature", &[&digest], &k, signature) {
        return Err(Invalid::new(format!(
            "the signature by credential key {} does not verify",
            to_hex(&k.bytes)
        )));
    }
    Ok(ValidBallot {
        credential_key: k.bytes,
        ciphertexts,
        digest,
    })
}
