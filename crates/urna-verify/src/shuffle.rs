//! Checking a shuffle (docs/record-format.md, Appendix A.2–A.4): that a mix output is a
//! re-encryption and permutation of a mix input's ciphertext vectors, by the Terelius–Wikström
//! proof. Written from the appendix alone, like the rest of this crate: it shares no code with
//! the mixer in urna-crypto.

use curve25519_dalek::constants::RISTRETTO_BASEPOINT_POINT as G;
use curve25519_dalek::ristretto::RistrettoPoint;
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::{Identity, VartimeMultiscalarMul};
use rayon::prelude::*;
use serde_json::Value;

use crate::Invalid;
use crate::encoding::{Obj, Point, Transcript, hex, to_hex};

/// `N` vectors of `W` ciphertexts `(α, β)`.
#[derive(Debug, Clone)]
pub struct Vectors {
    pub width: usize,
    /// Vector by vector: `(α, β)` of vector `j`, component `w` at `j·W + w`.
    pub flat: Vec<(Point, Point)>,
}

impl Vectors {
    pub fn len(&self) -> usize {
        self.flat.len() / self.width.max(1)
    }

    pub fn is_empty(&self) -> bool {
        self.flat.is_empty()
    }

    /// A JSON list of `N ≥ 1` lists of `W ≥ 1` `{"alpha", "beta"}`.
    pub fn parse(value: &Value) -> Result<Vectors, Invalid> {
        let list = value
            .as_array()
            .ok_or_else(|| Invalid::new("the ciphertexts are not a list"))?;
        let mut width = None;
        let mut flat = Vec::new();
        for (j, vector) in list.iter().enumerate() {
            let at = |e: Invalid| e.context(format!("vector {j}"));
            let items = vector
                .as_array()
                .ok_or_else(|| at(Invalid::new("not a list")))?;
            match width {
                None if items.is_empty() => return Err(at(Invalid::new("empty"))),
                None => width = Some(items.len()),
                Some(w) if w != items.len() => {
                    return Err(at(Invalid::new(format!(
                        "{} ciphertexts, the first vector has {w}",
                        items.len()
                    ))));
                }
                Some(_) => {}
            }
            for (w, item) in items.iter().enumerate() {
                let at = |e: Invalid| e.context(format!("vector {j}, ciphertext {w}"));
                let o = Obj::of(item, "a ciphertext").map_err(at)?;
                o.only(&["alpha", "beta"]).map_err(at)?;
                flat.push((o.point("alpha").map_err(at)?, o.point("beta").map_err(at)?));
            }
        }
        let width = width.ok_or_else(|| Invalid::new("there are no ciphertext vectors"))?;
        Ok(Vectors { width, flat })
    }

    /// `H("urna/v1/shuffle/ciphertexts"; N, W, α_{1,1}, β_{1,1}, …)`.
    pub fn digest(&self) -> [u8; 32] {
        let mut t = Transcript::new("urna/v1/shuffle/ciphertexts");
        t.int(self.len() as u64).int(self.width as u64);
        for (a, b) in &self.flat {
            t.push(&a.bytes).push(&b.bytes);
        }
        t.digest()
    }
}

/// `g_j = from_uniform_bytes(SHA-512(T("urna/v1/shuffle/generators"; seed, j)))`.
fn generator(seed: &[u8], j: u64) -> RistrettoPoint {
    let mut t = Transcript::new("urna/v1/shuffle/generators");
    t.push(seed).int(j);
    RistrettoPoint::from_uniform_bytes(&t.wide())
}

/// List `key` of exactly `n` 32-byte hex values, each decoded by `decode` (`what` it must be).
fn list_of<T>(
    o: &Obj<'_>,
    key: &str,
    n: usize,
    what: &str,
    decode: impl Fn([u8; 32]) -> Option<T>,
) -> Result<Vec<T>, Invalid> {
    let list = o.arr(key)?;
    if list.len() != n {
        return Err(Invalid::new(format!(
            "`{key}` has {} items, not {n}",
            list.len()
        )));
    }
    list.iter()
        .enumerate()
        .map(|(i, v)| {
            let bytes = v.as_str().and_then(|t| hex(t, 32)).ok_or_else(|| {
                Invalid::new(format!("`{key}`[{i}] is not 32 bytes of lowercase hex"))
            })?;
            let mut b = [0u8; 32];
            b.copy_from_slice(&bytes);
            decode(b).ok_or_else(|| Invalid::new(format!("`{key}`[{i}] is not {what}")))
        })
        .collect()
}

fn points(o: &Obj<'_>, key: &str, n: usize) -> Result<Vec<Point>, Invalid> {
    list_of(
        o,
        key,
        n,
        "a canonical ristretto255 point",
        Point::from_bytes,
    )
}

fn scalars(o: &Obj<'_>, key: &str, n: usize) -> Result<Vec<Scalar>, Invalid> {
    list_of(o, key, n, "a canonical scalar", |b| {
        Option::from(Scalar::from_canonical_bytes(b))
    })
}

/// `Σ_i a_i·P_i`, variable time (every input is public).
fn msm(scalars: impl IntoIterator<Item = Scalar>, points: &[RistrettoPoint]) -> RistrettoPoint {
    RistrettoPoint::vartime_multiscalar_mul(scalars, points.iter())
}

/// Checks that `outputs` with `proof` (the mix output's `"proof"` object) are a shuffle of
/// `inputs` under election key `y` (set-up digest `setup`) and `seed`. The error names the
/// equation (A.3) or the item that fails.
pub fn verify_shuffle(
    setup: &[u8; 32],
    y: &Point,
    seed: &[u8],
    inputs: &Vectors,
    outputs: &Vectors,
    proof: &Value,
) -> Result<(), Invalid> {
    let n = inputs.len();
    let width = inputs.width;
    if outputs.len() != n || outputs.width != width {
        return Err(Invalid::new(format!(
            "{} output vectors of width {}, for {n} inputs of width {width}",
            outputs.len(),
            outputs.width
        )));
    }
    let o = Obj::of(proof, "the shuffle proof")?;
    o.only(&[
        "v",
        "commitments",
        "chain",
        "t1",
        "t2",
        "t3",
        "t4",
        "t_hat",
        "s1",
        "s2",
        "s3",
        "s4",
        "s_hat",
        "s_prime",
    ])?;
    if o.u64("v")? != 1 {
        return Err(Invalid::new("shuffle proof version is not 1"));
    }
    let commitments = points(&o, "commitments", n)?;
    let chain = points(&o, "chain", n)?;
    let t_hat = points(&o, "t_hat", n)?;
    let (t1, t2, t3) = (o.point("t1")?, o.point("t2")?, o.point("t3")?);
    let t4_list = o.arr("t4")?;
    if t4_list.len() != width {
        return Err(Invalid::new(format!(
            "`t4` has {} items, not {width}",
            t4_list.len()
        )));
    }
    let t4 = t4_list
        .iter()
        .enumerate()
        .map(|(w, v)| {
            let p = Obj::of(v, "a t4 pair").map_err(|e| e.context(format!("t4[{w}]")))?;
            p.only(&["alpha", "beta"])?;
            Ok((p.point("alpha")?, p.point("beta")?))
        })
        .collect::<Result<Vec<_>, Invalid>>()?;
    let (s1, s2, s3) = (o.scalar("s1")?, o.scalar("s2")?, o.scalar("s3")?);
    let s4 = scalars(&o, "s4", width)?;
    let s_hat = scalars(&o, "s_hat", n)?;
    let s_prime = scalars(&o, "s_prime", n)?;

    // A.2: H = g_0, h_i = g_i.
    let chain_base = generator(seed, 0);
    let h: Vec<RistrettoPoint> = (1..=n as u64)
        .into_par_iter()
        .map(|j| generator(seed, j))
        .collect();

    // A.3's hashes.
    let mut st = Transcript::new("urna/v1/shuffle/statement");
    st.push(setup)
        .push(&y.bytes)
        .push(seed)
        .int(n as u64)
        .int(width as u64);
    for (a, b) in inputs.flat.iter().chain(&outputs.flat) {
        st.push(&a.bytes).push(&b.bytes);
    }
    let statement = st.digest();
    let mut pc = Transcript::new("urna/v1/shuffle/permutation-commitment");
    pc.push(&statement);
    for c in &commitments {
        pc.push(&c.bytes);
    }
    let p = pc.digest();
    let u: Vec<Scalar> = (1..=n as u64)
        .into_par_iter()
        .map(|j| {
            let mut t = Transcript::new("urna/v1/shuffle/u");
            t.push(&p).int(j);
            t.scalar()
        })
        .collect();
    let mut ch = Transcript::new("urna/v1/shuffle/challenge");
    ch.push(&p);
    for x in &chain {
        ch.push(&x.bytes);
    }
    ch.push(&t1.bytes).push(&t2.bytes).push(&t3.bytes);
    for (a, b) in &t4 {
        ch.push(&a.bytes).push(&b.bytes);
    }
    for x in &t_hat {
        ch.push(&x.bytes);
    }
    let c = ch.scalar();

    let fail = |what: String| Err(Invalid::new(what));
    let c_points: Vec<RistrettoPoint> = commitments.iter().map(|x| x.point).collect();
    // (t1) t1 = c·(Σ_j c_j − Σ_i h_i) + s1·G
    let sum_c: RistrettoPoint = c_points.iter().sum();
    let sum_h: RistrettoPoint = h.iter().sum();
    if t1.point != c * (sum_c - sum_h) + s1 * G {
        return fail("equation t1 (the commitments commit to a permutation) fails".into());
    }
    // (t2) t2 = c·(ĉ_N − (Π_j u_j)·H) + s2·G
    let prod_u: Scalar = u.iter().product();
    let last = chain.last().map_or(RistrettoPoint::identity(), |x| x.point);
    if t2.point != c * (last - prod_u * chain_base) + s2 * G {
        return fail("equation t2 (the end of the commitment chain) fails".into());
    }
    // (t3) t3 = c·Σ_j u_j·c_j + s3·G + Σ_i s'_i·h_i
    let rhs = msm(u.iter().map(|x| c * x), &c_points) + s3 * G + msm(s_prime.iter().copied(), &h);
    if t3.point != rhs {
        return fail("equation t3 (the permuted challenges) fails".into());
    }
    // (t4_w) for each component: the same s'_i weigh every component of output i.
    let y = y.point;
    for (w, ((t4a, t4b), s4w)) in t4.iter().zip(&s4).enumerate() {
        let component = |v: &Vectors, beta: bool| -> Vec<RistrettoPoint> {
            (0..n)
                .map(|j| {
                    let (a, b) = &v.flat[j * width + w];
                    if beta { b.point } else { a.point }
                })
                .collect()
        };
        for (beta, t4x, base) in [(false, t4a, G), (true, t4b, y)] {
            let rhs = msm(u.iter().map(|x| c * x), &component(inputs, beta))
                + msm(s_prime.iter().copied(), &component(outputs, beta))
                - s4w * base;
            if t4x.point != rhs {
                return fail(format!(
                    "equation t4 of component {w} ({}) fails: the outputs are not a \
                     re-encryption of the inputs under one permutation",
                    if beta { "β" } else { "α" }
                ));
            }
        }
    }
    // (t̂_i) t̂_i = c·ĉ_i + ŝ_i·G + s'_i·ĉ_{i−1}, ĉ_0 = H
    let bad_link = (0..n).into_par_iter().find_first(|&i| {
        let previous = if i == 0 {
            chain_base
        } else {
            chain[i - 1].point
        };
        let rhs = RistrettoPoint::vartime_multiscalar_mul(
            [c, s_hat[i], s_prime[i]],
            [chain[i].point, G, previous],
        );
        t_hat[i].point != rhs
    });
    if let Some(i) = bad_link {
        return fail(format!("equation t̂ of chain link {} fails", i + 1));
    }
    Ok(())
}

/// A mix output (A.4) checked against its mix input: set-up, seed, input digest and proof.
pub fn verify_mix(input: &Value, output: &Value) -> Result<(), Invalid> {
    let i = Obj::of(input, "the mix input")?;
    i.only(&["v", "election_key", "seed", "ciphertexts"])?;
    if i.u64("v")? != 1 {
        return Err(Invalid::new("mix input version is not 1"));
    }
    let key = i.obj("election_key")?;
    let setup = key.digest("setup").map_err(|e| e.context("election_key"))?;
    let y = key
        .point("public_key")
        .map_err(|e| e.context("election_key"))?;
    let seed_text = i.str("seed")?;
    let seed = hex(seed_text, seed_text.len() / 2)
        .filter(|s| !s.is_empty() && s.len() <= 256)
        .ok_or_else(|| Invalid::new("the seed is not 1 to 256 bytes of lowercase hex"))?;
    let inputs = Vectors::parse(i.get("ciphertexts")?).map_err(|e| e.context("mix input"))?;

    let o = Obj::of(output, "the mix output")?;
    o.only(&["v", "setup", "seed", "inputs", "ciphertexts", "proof"])?;
    if o.u64("v")? != 1 {
        return Err(Invalid::new("mix output version is not 1"));
    }
    if o.digest("setup")? != setup {
        return Err(Invalid::new(
            "the output's set-up is not the election key's",
        ));
    }
    if o.str("seed")? != seed_text {
        return Err(Invalid::new("the output's seed is not the input's"));
    }
    if o.digest("inputs")? != inputs.digest() {
        return Err(Invalid::new(format!(
            "the output answers ciphertexts {}, not this input's {}",
            o.str("inputs")?,
            to_hex(&inputs.digest())
        )));
    }
    let outputs = Vectors::parse(o.get("ciphertexts")?).map_err(|e| e.context("mix output"))?;
    verify_shuffle(&setup, &y, &seed, &inputs, &outputs, o.get("proof")?)
}
