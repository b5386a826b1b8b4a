//! Ranked ballots of a mixnet election (docs/record-format.md A.1 and A.6): the parameters of
//! an all-ranked election and the validity of a ranked ballot (points with Schnorr proofs of
//! knowledge of their randomness, bound to the election, the credential key and the position;
//! the ballot digest; the credential's signature).
//!
//! Written from the format alone, like the rest of this crate: what the points encode is not
//! checked here (A.6: only after the mix and the decryption).

use std::collections::BTreeSet;

use curve25519_dalek::ristretto::RistrettoPoint;
use curve25519_dalek::traits::Identity;
use serde_json::Value;

use crate::Invalid;
use crate::ballot::{Ciphertext, DigestQuestion, digest_of_questions, parse_parameters};
use crate::encoding::{Obj, Point, Transcript, clip, to_hex};
use crate::proofs;

/// A.1: a ranked question has 1 to 70 candidates.
const MAX_CANDIDATES: usize = 70;

/// A ranked question: its options and the most options a voter may rank.
#[derive(Debug, Clone)]
pub struct RankedQuestion {
    pub id: String,
    pub max: i64,
    pub options: Vec<String>,
}

impl RankedQuestion {
    /// `k` of A.1: the largest integer with `(n + 1)^k < 2^128`, candidates per point.
    pub fn per_point(&self) -> usize {
        let base = self.options.len() as u128 + 1;
        let (mut k, mut power) = (0usize, 1u128);
        while let Some(next) = power.checked_mul(base) {
            power = next;
            k += 1;
        }
        k.max(1)
    }

    /// `W_q` of A.1: `⌈n / k⌉` points.
    pub fn points(&self) -> usize {
        self.options.len().div_ceil(self.per_point())
    }
}

/// The election parameters (§3) of a mixnet election: every question `ranked`.
#[derive(Debug, Clone)]
pub struct RankedParameters {
    pub election_id: String,
    pub setup: [u8; 32],
    pub public_key: Point,
    pub questions: Vec<RankedQuestion>,
}

fn parse_question(value: &Value) -> Result<RankedQuestion, Invalid> {
    let o = Obj::of(value, "a question")?;
    o.only(&["id", "ballot_type", "min", "max", "options"])?;
    let kind = o.str("ballot_type")?;
    if kind != "ranked" {
        return Err(Invalid::new(format!(
            "ballot type {:?} is not ranked (a mixnet election has only ranked questions)",
            clip(kind)
        )));
    }
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
    if n == 0 || n > MAX_CANDIDATES {
        return Err(Invalid::new(format!(
            "{n} options (1 to {MAX_CANDIDATES} allowed for a ranked question)"
        )));
    }
    if options.iter().collect::<BTreeSet<_>>().len() != n {
        return Err(Invalid::new("option ids repeat"));
    }
    let (min, max) = (o.i64("min")?, o.i64("max")?);
    if min != 0 || max < 1 || max > n as i64 {
        return Err(Invalid::new(format!(
            "min {min} and max {max} are not valid for a ranked question of {n} options"
        )));
    }
    Ok(RankedQuestion {
        id: o.str("id")?.to_owned(),
        max,
        options,
    })
}

impl RankedParameters {
    pub fn parse(value: &Value) -> Result<RankedParameters, Invalid> {
        let (election_id, setup, public_key, questions) =
            parse_parameters(value, parse_question, |q| &q.id)?;
        Ok(RankedParameters {
            election_id,
            setup,
            public_key,
            questions,
        })
    }

    /// §3's election digest with A.6's values (`"ranked"`, min 0, max).
    pub fn digest(&self) -> [u8; 32] {
        digest_of_questions(
            &self.election_id,
            &self.setup,
            &self.public_key,
            self.questions.iter().map(|q| DigestQuestion {
                id: &q.id,
                ballot_type: "ranked",
                min: 0,
                max: q.max,
                options: &q.options,
            }),
        )
    }
}

/// A ranked ballot that passed every check of A.6.
#[derive(Debug, Clone)]
pub struct ValidRankedBallot {
    pub credential_key: [u8; 32],
    /// Every question's points in order: the ballot's vector in the mix input.
    pub ciphertexts: Vec<Ciphertext>,
    pub digest: [u8; 32],
}

/// Checks a ranked ballot JSON against the parameters (A.6 validity): structure, every point,
/// every point's proof and the signature. Errors name the question and point.
pub fn verify_ranked_ballot(
    value: &Value,
    parameters: &RankedParameters,
) -> Result<ValidRankedBallot, Invalid> {
    let election = parameters.digest();
    let o = Obj::of(value, "the ballot")?;
    o.only(&["v", "election", "credential_key", "questions", "signature"])?;
    if o.u64("v")? != 1 {
        return Err(Invalid::new("ballot version is not 1"));
    }
    if o.digest("election")? != election {
        return Err(Invalid::new("`election` is not this election's digest"));
    }
    let k = o.point("credential_key")?;
    if k.point == RistrettoPoint::identity() {
        return Err(Invalid::new("the credential key is the identity"));
    }
    let answers = o.arr("questions")?;
    if answers.len() != parameters.questions.len() {
        return Err(Invalid::new(format!(
            "{} questions, the election has {}",
            answers.len(),
            parameters.questions.len()
        )));
    }
    let mut digest = Transcript::new("urna/v1/ranked-ballot");
    digest
        .push(&election)
        .push(&k.bytes)
        .int(answers.len() as u64);
    let mut ciphertexts = Vec::new();
    for (q, (answer, question)) in answers.iter().zip(&parameters.questions).enumerate() {
        let at = |e: Invalid| e.context(format!("question {q}"));
        let a = Obj::of(answer, "an answer").map_err(at)?;
        a.only(&["points"]).map_err(at)?;
        let points = a.arr("points").map_err(at)?;
        if points.len() != question.points() {
            return Err(at(Invalid::new(format!(
                "{} points, its {} options take {}",
                points.len(),
                question.options.len(),
                question.points()
            ))));
        }
        digest.int(points.len() as u64);
        for (w, point) in points.iter().enumerate() {
            let at = |e: Invalid| e.context(format!("question {q}, point {w}"));
            let p = Obj::of(point, "a point").map_err(at)?;
            p.only(&["alpha", "beta", "proof"]).map_err(at)?;
            p.obj("proof")
                .and_then(|proof| proof.only(&["c", "s"]))
                .map_err(at)?;
            let c = Ciphertext {
                alpha: p.point("alpha").map_err(at)?,
                beta: p.point("beta").map_err(at)?,
            };
            let (challenge, response) = p.proof("proof").map_err(at)?;
            let ctx: [&[u8]; 4] = [
                &election,
                &k.bytes,
                &(q as u64).to_be_bytes(),
                &(w as u64).to_be_bytes(),
            ];
            if !proofs::schnorr("urna/v1/point-pok", &ctx, &c.alpha, (challenge, response)) {
                return Err(at(Invalid::new(
                    "the proof of knowledge of its randomness does not verify",
                )));
            }
            digest
                .push(&c.alpha.bytes)
                .push(&c.beta.bytes)
                .push(challenge.as_bytes())
                .push(response.as_bytes());
            ciphertexts.push(c);
        }
    }
    let digest = digest.digest();
    o.obj("signature")?.only(&["c", "s"])?;
    let signature = o.proof("signature")?;
    if !proofs::schnorr("urna/v1/ballot-signature", &[&digest], &k, signature) {
        return Err(Invalid::new(format!(
            "the signature by credential key {} does not verify",
            to_hex(&k.bytes)
        )));
    }
    Ok(ValidRankedBallot {
        credential_key: k.bytes,
        ciphertexts,
        digest,
    })
}
