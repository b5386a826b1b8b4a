// Urna verifiable ballots in the voter's browser: the JavaScript reference implementation of
// docs/record-format.md §2–§4 and §10 (transcripts, JSON conventions and Schnorr proofs from
// docs/crypto.md §2–§4). The device encrypts each answer as exponential-ElGamal ciphertexts of
// bits under the election key, proves every bit is 0 or 1 and every group sums to an allowed
// value (disjunctive Chaum–Pedersen, "CDS"), and signs the ballot with a fresh credential key,
// so that the server never sees a vote in the clear. The Rust implementation in
// crates/urna-crypto must produce the same bytes: crates/urna-crypto/testdata/e2e-vectors.json
// is checked by both (crates/urna-web/js-tests/).
//
// Group arithmetic and hashes come from the vendored @noble bundle (scripts/refresh-noble);
// the `?v=` is the first 16 hex digits of its SHA-256, as static_files.rs versions every URL,
// so a browser never combines this file with a stale cached bundle.
//
// Public API (every function is pure apart from drawing randomness; errors are `Error`s whose
// message names the bad value):
//   parseParams(json), electionDigest(params), layout(params), bitsFromAnswers(params, answers),
//   generateCredential(), encryptBallot(params, bits, {credentialSecret, rng}),
//   verifyBallot(params, ballot), auditedBallot(params, ballot, opening), verifyAudited(json),
//   testRng(seed), randomScalar(), and the encodings transcript/digest/hashScalar.
import { RistrettoPoint, Scalar, sha256, sha512 } from './noble.js?v=4067f59088aed863';

const ORDER = Scalar.ORDER;
// 8-bit windows for the base point: most multiplications of a ballot are by G (built lazily,
// on the first multiplication; noble keeps the table with the point).
const G = RistrettoPoint.BASE.precompute(8);
const ZERO = RistrettoPoint.ZERO;
const PARSED = Symbol('urna parsed election parameters');
const MAX_QUESTIONS = 100;
const MAX_OPTIONS = 1000;
const MAX_SCORE_RANGE = 100;
const BALLOT_TYPES = ['choose_one', 'approval', 'score'];

const TAG = {
  election: 'urna/v1/election',
  bitProof: 'urna/v1/bit-proof',
  sumProof: 'urna/v1/sum-proof',
  ballot: 'urna/v1/ballot',
  signature: 'urna/v1/ballot-signature',
  testRng: 'urna/v1/test-rng',
};

// ---- byte encodings (docs/crypto.md §1–§3) ----

const utf8 = new TextEncoder();

/** Lowercase hexadecimal of `bytes`. */
export function toHex(bytes) {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Bytes of lowercase hexadecimal `text` (uppercase is refused: one spelling per value). */
export function fromHex(text, what = 'value', length = undefined) {
  if (typeof text !== 'string' || !/^(?:[0-9a-f]{2})*$/.test(text)) {
    throw new Error(`${what}: ${JSON.stringify(text)} is not lowercase hexadecimal bytes`);
  }
  if (length !== undefined && text.length !== 2 * length) {
    throw new Error(`${what}: expected ${length} bytes, found ${text.length / 2}`);
  }
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** 8-byte big-endian encoding of a non-negative integer (number or bigint) below 2^64. */
export function u64(n) {
  const value = BigInt(n);
  if (value < 0n || value >= 1n << 64n) throw new Error(`u64: ${n} is out of range`);
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, value, false);
  return out;
}

/** 8-byte big-endian two's-complement encoding of a safe integer (record-format §3). */
export function i64(n) {
  if (!Number.isSafeInteger(n)) throw new Error(`i64: ${n} is not a safe integer`);
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigInt64(0, BigInt(n), false);
  return out;
}

function bytesToBigLE(bytes) {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]);
  return n;
}

/** 32-byte little-endian encoding of a scalar. */
export function scalarBytes(s) {
  const out = new Uint8Array(32);
  let n = s;
  for (let i = 0; i < 32; i++) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

function scalarFromHex(text, what) {
  const n = bytesToBigLE(fromHex(text, what, 32));
  if (n >= ORDER) throw new Error(`${what}: ${text} is not a canonical scalar (≥ ℓ)`);
  return n;
}

const scalarHex = (s) => toHex(scalarBytes(s));

function pointFromHex(text, what) {
  const bytes = fromHex(text, what, 32);
  try {
    return RistrettoPoint.fromBytes(bytes);
  } catch {
    throw new Error(`${what}: ${text} is not a canonical ristretto255 point`);
  }
}

const mod = (n) => {
  const r = n % ORDER;
  return r < 0n ? r + ORDER : r;
};

/**
 * The transcript T(tag; x1, …, xm) of docs/crypto.md §2: every string (the ASCII tag first)
 * preceded by its length as 8 bytes big-endian. `parts` are Uint8Arrays.
 */
export function transcript(tag, parts) {
  const strings = [utf8.encode(tag), ...parts];
  const total = strings.reduce((sum, s) => sum + 8 + s.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const s of strings) {
    out.set(u64(s.length), at);
    out.set(s, at + 8);
    at += 8 + s.length;
  }
  return out;
}

/** H(tag; …) = SHA-256 of the transcript: a 32-byte digest. */
export function digest(tag, parts) {
  return sha256(transcript(tag, parts));
}

/** Hs(tag; …) = SHA-512 of the transcript, little-endian, reduced mod ℓ. */
export function hashScalar(tag, parts) {
  return mod(bytesToBigLE(sha512(transcript(tag, parts))));
}

// Secret multiples use noble's constant-time `multiply`, which refuses 0 (a zero scalar has
// probability 2^-252 but must still not crash); public ones (verification) `multiplyUnsafe`.
const mulSecret = (point, s) => (s === 0n ? ZERO : point.multiply(s));
const mulPublic = (point, s) => point.multiplyUnsafe(s);

// ---- randomness ----

/** A uniformly random scalar: 64 bytes from `crypto.getRandomValues` reduced mod ℓ. */
export function randomScalar() {
  const wide = new Uint8Array(64);
  globalThis.crypto.getRandomValues(wide);
  const s = mod(bytesToBigLE(wide));
  wide.fill(0);
  return s;
}

/**
 * The test random generator of record-format §10: its j-th draw (0-based) is
 * Hs("urna/v1/test-rng"; seed, j), the seed a text (its UTF-8 bytes, as crates/urna-crypto's
 * TestRng hashes it). Anyone who knows the seed knows every draw: never for real ballots.
 */
export function testRng(seed) {
  if (typeof seed !== 'string') throw new Error(`test seed: expected text, found ${JSON.stringify(seed)}`);
  const seedBytes = utf8.encode(seed);
  let j = 0;
  return () => hashScalar(TAG.testRng, [seedBytes, u64(j++)]);
}

// ---- election parameters (record-format §3) ----

function exactKeys(object, keys, what) {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) {
    throw new Error(`${what}: expected a JSON object`);
  }
  for (const key of Object.keys(object)) {
    if (!keys.includes(key)) throw new Error(`${what}: unknown field ${JSON.stringify(key)}`);
  }
  for (const key of keys) {
    if (!(key in object)) throw new Error(`${what}: missing field ${JSON.stringify(key)}`);
  }
}

function nonEmptyText(value, what) {
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(`${what}: expected non-empty text, found ${JSON.stringify(value)}`);
  }
  return value;
}

function safeInteger(value, what) {
  if (!Number.isSafeInteger(value)) {
    throw new Error(`${what}: expected an integer, found ${JSON.stringify(value)}`);
  }
  return value;
}

function parseQuestion(raw, q) {
  const what = `question ${q}`;
  exactKeys(raw, ['id', 'ballot_type', 'min', 'max', 'options'], what);
  const id = nonEmptyText(raw.id, `${what} id`);
  const named = `question ${JSON.stringify(id)}`;
  if (!BALLOT_TYPES.includes(raw.ballot_type)) {
    throw new Error(`${named}: ballot type ${JSON.stringify(raw.ballot_type)} is not one of ${BALLOT_TYPES.join(', ')}`);
  }
  const min = safeInteger(raw.min, `${named} min`);
  const max = safeInteger(raw.max, `${named} max`);
  if (!Array.isArray(raw.options) || raw.options.length < 1 || raw.options.length > MAX_OPTIONS) {
    throw new Error(`${named}: expected 1 to ${MAX_OPTIONS} options`);
  }
  const options = raw.options.map((o, i) => nonEmptyText(o, `${named} option ${i}`));
  const duplicate = options.find((o, i) => options.indexOf(o) !== i);
  if (duplicate !== undefined) throw new Error(`${named}: option id ${JSON.stringify(duplicate)} appears twice`);
  const n = options.length;
  const bounds = `min ${min}, max ${max}`;
  if (raw.ballot_type === 'choose_one' && !(min === 0 && max === 1)) {
    throw new Error(`${named}: choose_one needs min 0 and max 1, found ${bounds}`);
  }
  if (raw.ballot_type === 'approval' && !(min >= 0 && min <= max && max <= n && max >= 1)) {
    throw new Error(`${named}: approval needs 0 ≤ min ≤ max ≤ ${n} options and max ≥ 1, found ${bounds}`);
  }
  if (raw.ballot_type === 'score' && !(min < max && max - min <= MAX_SCORE_RANGE)) {
    throw new Error(`${named}: score needs min < max and max − min ≤ ${MAX_SCORE_RANGE}, found ${bounds}`);
  }
  return Object.freeze({ id, ballot_type: raw.ballot_type, min, max, options: Object.freeze(options) });
}

/**
 * The parts of the election parameters JSON (text or object, record-format §3) common to every
 * kind of election, with each question read by `parseQuestion`: `{json, setup, publicKey,
 * questions}`, `json` being the normalised parameters the digest is computed from.
 */
function parseParamsEnvelope(json, parseQuestion) {
  const raw = typeof json === 'string' ? JSON.parse(json) : json;
  exactKeys(raw, ['election_id', 'setup', 'public_key', 'questions'], 'election parameters');
  const electionId = nonEmptyText(raw.election_id, 'election_id');
  const setup = fromHex(raw.setup, 'setup digest', 32);
  const publicKey = pointFromHex(raw.public_key, 'public_key');
  if (publicKey.equals(ZERO)) throw new Error('public_key: the identity is not an election key');
  if (!Array.isArray(raw.questions) || raw.questions.length < 1 || raw.questions.length > MAX_QUESTIONS) {
    throw new Error(`questions: expected 1 to ${MAX_QUESTIONS} questions`);
  }
  const questions = raw.questions.map(parseQuestion);
  const ids = questions.map((q) => q.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined) throw new Error(`question id ${JSON.stringify(duplicate)} appears twice`);
  // The election key multiplies every ballot's randomness: a precomputed window table makes
  // those multiplications several times faster (once per page).
  publicKey.precompute(8, false);
  const normalised = { election_id: electionId, setup: raw.setup, public_key: raw.public_key, questions };
  return { json: normalised, setup, publicKey, questions };
}

/**
 * Parses and validates the election parameters JSON (text or object) of record-format §3.
 * The result is what every other function takes (they also accept the raw JSON).
 */
export function parseParams(json) {
  if (json && json[PARSED]) return json;
  const { json: json_, setup, publicKey, questions } = parseParamsEnvelope(json, parseQuestion);
  const layouts = questions.map(questionLayout);
  const params = {
    [PARSED]: true,
    json: json_,
    publicKey,
    layouts,
    digest: undefined,
  };
  params.digest = computeElectionDigest(json_, setup, publicKey);
  return Object.freeze(params);
}

function computeElectionDigest(json, setup, publicKey) {
  const parts = [utf8.encode(json.election_id), setup, publicKey.toBytes(), u64(json.questions.length)];
  for (const q of json.questions) {
    parts.push(utf8.encode(q.id), utf8.encode(q.ballot_type), i64(q.min), i64(q.max), u64(q.options.length));
    for (const option of q.options) parts.push(utf8.encode(option));
  }
  return digest(TAG.election, parts);
}

/** The election digest of record-format §3, as lowercase hex. */
export function electionDigest(params) {
  return toHex(parseParams(params).digest);
}

// ---- ballot layout (record-format §2) ----

const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function group(start, size, sums) {
  // A group allowing every sum 0..size proves nothing beyond its bit proofs: no sum proof.
  const sumProof = !(sums.length === size + 1 && sums.every((v, i) => v === i));
  return Object.freeze({ start, size, sums: Object.freeze(sums), sumProof });
}

function questionLayout(q) {
  const n = q.options.length;
  switch (q.ballot_type) {
    case 'choose_one':
      return Object.freeze({ bits: n, groups: Object.freeze([group(0, n, [0, 1])]) });
    case 'approval': {
      const sums = q.min === 0 ? range(0, q.max) : [0, ...range(q.min, q.max)];
      return Object.freeze({ bits: n, groups: Object.freeze([group(0, n, sums)]) });
    }
    default: {
      // score: per option w bits, blank then each score min..max; exactly one set.
      const w = q.max - q.min + 2;
      const groups = q.options.map((_, i) => group(i * w, w, [1]));
      return Object.freeze({ bits: n * w, groups: Object.freeze(groups) });
    }
  }
}

/**
 * Per question: `{bits, groups: [{start, size, sums, sumProof}]}` (record-format §2), where
 * `sums` are the allowed sums in increasing order and `sumProof` says whether the group
 * carries a sum proof.
 */
export function layout(params) {
  return parseParams(params).layouts;
}

// ---- answers → bits ----

/**
 * The bits of each question for the voter's answers: `answers` is an array in question order
 * or an object keyed by question id; each answer is `{abstain: true}`, `{choice: optionId}`
 * (choose_one), `{approve: [optionIds]}` (approval) or `{scores: {optionId: integer}}` (score;
 * options left out are blank). A missing answer is blank (abstention).
 */
export function bitsFromAnswers(params, answers) {
  const p = parseParams(params);
  const byIndex = Array.isArray(answers);
  if (!byIndex && (answers === null || typeof answers !== 'object')) {
    throw new Error('answers: expected an array or an object keyed by question id');
  }
  if (byIndex && answers.length > p.json.questions.length) {
    throw new Error(`answers: ${answers.length} answers for ${p.json.questions.length} questions`);
  }
  if (!byIndex) {
    for (const id of Object.keys(answers)) {
      if (!p.json.questions.some((q) => q.id === id)) throw new Error(`answers: no question ${JSON.stringify(id)}`);
    }
  }
  return p.json.questions.map((q, index) => {
    const answer = byIndex ? answers[index] : Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
    return questionBits(q, p.layouts[index], answer);
  });
}

function questionBits(q, lay, answer) {
  const named = `question ${JSON.stringify(q.id)}`;
  const bits = new Array(lay.bits).fill(0);
  const optionIndex = (id) => {
    const i = q.options.indexOf(id);
    if (i < 0) throw new Error(`${named}: no option ${JSON.stringify(id)}`);
    return i;
  };
  const blank = answer === undefined || answer === null || (answer.abstain === true && Object.keys(answer).length === 1);
  if (q.ballot_type === 'score') {
    const w = q.max - q.min + 2;
    const scores = blank ? {} : answer.scores;
    if (blank || (Object.keys(answer).length === 1 && scores && typeof scores === 'object' && !Array.isArray(scores))) {
      for (let i = 0; i < q.options.length; i++) bits[i * w] = 1;
      for (const [id, score] of Object.entries(scores)) {
        const i = optionIndex(id);
        if (!Number.isSafeInteger(score) || score < q.min || score > q.max) {
          throw new Error(`${named}: score ${JSON.stringify(score)} for option ${JSON.stringify(id)} is not an integer from ${q.min} to ${q.max}`);
        }
        bits[i * w] = 0;
        bits[i * w + 1 + (score - q.min)] = 1;
      }
      return bits;
    }
  } else if (blank) {
    return bits;
  } else if (q.ballot_type === 'choose_one' && Object.keys(answer).length === 1 && 'choice' in answer) {
    bits[optionIndex(answer.choice)] = 1;
    return bits;
  } else if (q.ballot_type === 'approval' && Object.keys(answer).length === 1 && Array.isArray(answer.approve)) {
    for (const id of answer.approve) {
      const i = optionIndex(id);
      if (bits[i]) throw new Error(`${named}: option ${JSON.stringify(id)} approved twice`);
      bits[i] = 1;
    }
    const count = answer.approve.length;
    if (!lay.groups[0].sums.includes(count)) {
      throw new Error(`${named}: ${count} approvals, but the question allows none or ${q.min} to ${q.max}`);
    }
    return bits;
  }
  throw new Error(`${named}: answer ${JSON.stringify(answer)} does not fit a ${q.ballot_type} question`);
}

function checkBits(p, bits) {
  if (!Array.isArray(bits) || bits.length !== p.json.questions.length) {
    throw new Error(`bits: expected one array per question (${p.json.questions.length})`);
  }
  p.json.questions.forEach((q, index) => {
    const named = `question ${JSON.stringify(q.id)}`;
    const lay = p.layouts[index];
    const row = bits[index];
    if (!Array.isArray(row) || row.length !== lay.bits) throw new Error(`${named}: expected ${lay.bits} bits`);
    row.forEach((b, i) => {
      if (b !== 0 && b !== 1) throw new Error(`${named}: bit ${i} is ${JSON.stringify(b)}, not 0 or 1`);
    });
    lay.groups.forEach((g, gi) => {
      const sum = row.slice(g.start, g.start + g.size).reduce((a, b) => a + b, 0);
      if (!g.sums.includes(sum)) {
        throw new Error(`${named}: group ${gi} sums to ${sum}, allowed ${g.sums.join(', ')}`);
      }
    });
  });
}

// ---- credentials and proofs ----

/** A fresh credential key pair: `{secret, key}` as hex (K = secret·G). */
export function generateCredential() {
  let secret = 0n;
  while (secret === 0n) secret = randomScalar();
  return { secret: scalarHex(secret), key: toHex(mulSecret(G, secret).toBytes()) };
}

function credentialFrom(secret) {
  const x = typeof secret === 'bigint' ? secret : scalarFromHex(secret, 'credential secret');
  if (x <= 0n || x >= ORDER) throw new Error('credential secret: must be a nonzero scalar');
  return x;
}

function cdsChallenge(tag, ctx, alphaBytes, betaBytes, values, commitments) {
  const parts = [...ctx, alphaBytes, betaBytes, u64(values.length)];
  for (const v of values) parts.push(u64(v));
  for (const { a, b } of commitments) parts.push(a.toBytes(), b.toBytes());
  return hashScalar(tag, parts);
}

/**
 * The disjunctive proof of record-format §4 that (α, β) = (r·G, v_k·G + r·Y): per branch the
 * commitments a = A_j, b = B_j, the challenge c_j and the response s_j. The simulated branches
 * are computed from r, which the prover knows: A_j = s_j·G − c_j·α = (s_j − c_j·r)·G and
 * B_j = s_j·Y − c_j·(β − v_j·G) = (s_j − c_j·r)·Y + c_j·(v_j − v_k)·G, the same points with
 * multiplications by G and Y only, both precomputed and constant-time, so neither time nor the
 * branch taken depends on which value is encrypted.
 */
function cdsProve(tag, ctx, alphaBytes, betaBytes, r, values, k, Y, draw) {
  const draws = values.map((_, j) => (j === k ? { w: draw() } : { c: draw(), s: draw() }));
  const m = BigInt(values[k]);
  const commitments = draws.map((d, j) => {
    if (j === k) return { a: mulSecret(G, d.w), b: mulSecret(Y, d.w) };
    const e = mod(d.s - d.c * r);
    return { a: mulSecret(G, e), b: mulSecret(Y, e).add(mulSecret(G, mod(d.c * (BigInt(values[j]) - m)))) };
  });
  const c = cdsChallenge(tag, ctx, alphaBytes, betaBytes, values, commitments);
  const others = draws.reduce((sum, d, j) => (j === k ? sum : sum + d.c), 0n);
  const ck = mod(c - others);
  return draws.map((d, j) => ({
    ...commitments[j],
    ...(j === k ? { c: ck, s: mod(d.w + ck * r) } : { c: d.c, s: d.s }),
  }));
}

/** Checks each branch's equations s·G = A + c·α and s·Y = B + c·(β − v·G), and the hash. */
function cdsVerify(tag, ctx, alpha, beta, alphaBytes, betaBytes, values, proof, Y) {
  if (proof.length !== values.length) return false;
  const equationsHold = proof.every(
    ({ a, b, c, s }, j) =>
      mulPublic(G, s).equals(a.add(mulPublic(alpha, c))) &&
      mulPublic(Y, s).equals(b.add(mulPublic(beta.subtract(mulPublic(G, BigInt(values[j]))), c))),
  );
  const total = mod(proof.reduce((sum, { c }) => sum + c, 0n));
  return equationsHold && total === cdsChallenge(tag, ctx, alphaBytes, betaBytes, values, proof);
}

const proofJson = (proof) =>
  proof.map(({ a, b, c, s }) => ({ a: toHex(a.toBytes()), b: toHex(b.toBytes()), c: scalarHex(c), s: scalarHex(s) }));

function ballotDigest(electionDigestBytes, K, questions) {
  const parts = [electionDigestBytes, K, u64(questions.length)];
  for (const q of questions) {
    parts.push(u64(q.bits.length));
    for (const bit of q.bits) {
      parts.push(bit.alpha, bit.beta, u64(bit.proof.length));
      for (const { c, s } of bit.proof) parts.push(scalarBytes(c), scalarBytes(s));
    }
    parts.push(u64(q.sums.length));
    for (const proof of q.sums) {
      parts.push(u64(proof ? proof.length : 0));
      for (const { c, s } of proof || []) parts.push(scalarBytes(c), scalarBytes(s));
    }
  }
  return digest(TAG.ballot, parts);
}

const signatureChallenge = (ballotDigestBytes, K, T) => hashScalar(TAG.signature, [ballotDigestBytes, K, T]);

/**
 * Encrypts and proves `bits` (one 0/1 array per question, see bitsFromAnswers) and signs the
 * ballot with the credential secret (hex or bigint). `rng` returns scalars (default: the
 * browser's generator; testRng for vectors). Returns the ballot JSON object, the opening
 * `{bits, randomness}` needed for a Benaloh audit, and the tracker (ballot digest, hex).
 */
export function encryptBallot(params, bits, { credentialSecret, rng = randomScalar } = {}) {
  const p = parseParams(params);
  checkBits(p, bits);
  const x = credentialFrom(credentialSecret);
  const K = mulSecret(G, x).toBytes();
  const Y = p.publicKey;
  const draw = () => {
    const s = rng();
    if (typeof s !== 'bigint' || s < 0n || s >= ORDER) throw new Error('rng: expected a scalar (bigint below ℓ)');
    return s;
  };
  const questions = [];
  const randomness = [];
  p.layouts.forEach((lay, q) => {
    const row = bits[q];
    const rs = row.map(() => draw());
    const cipher = row.map((m, i) => {
      const alpha = mulSecret(G, rs[i]);
      const beta = mulSecret(Y, rs[i]).add(m ? G : ZERO);
      return { alpha, beta, alphaBytes: alpha.toBytes(), betaBytes: beta.toBytes() };
    });
    const bitProofs = cipher.map((ct, i) =>
      cdsProve(TAG.bitProof, [p.digest, K, u64(q), u64(i)], ct.alphaBytes, ct.betaBytes, rs[i], [0, 1], row[i], Y, draw),
    );
    const sums = lay.groups.map((g, gi) => {
      if (!g.sumProof) return null;
      const members = cipher.slice(g.start, g.start + g.size);
      const alpha = members.reduce((sum, ct) => sum.add(ct.alpha), ZERO);
      const beta = members.reduce((sum, ct) => sum.add(ct.beta), ZERO);
      const r = mod(rs.slice(g.start, g.start + g.size).reduce((a, b) => a + b, 0n));
      const total = row.slice(g.start, g.start + g.size).reduce((a, b) => a + b, 0);
      const ctx = [p.digest, K, u64(q), u64(gi)];
      return cdsProve(TAG.sumProof, ctx, alpha.toBytes(), beta.toBytes(), r, g.sums, g.sums.indexOf(total), Y, draw);
    });
    questions.push({
      bits: cipher.map((ct, i) => ({ alpha: ct.alphaBytes, beta: ct.betaBytes, proof: bitProofs[i] })),
      sums,
    });
    randomness.push(rs.map(scalarHex));
  });
  const bd = ballotDigest(p.digest, K, questions);
  const k = draw();
  const c = signatureChallenge(bd, K, mulSecret(G, k).toBytes());
  const signature = { c: scalarHex(c), s: scalarHex(mod(k + c * x)) };
  const ballot = {
    v: 1,
    election: toHex(p.digest),
    credential_key: toHex(K),
    questions: questions.map((q) => ({
      bits: q.bits.map((b) => ({ alpha: toHex(b.alpha), beta: toHex(b.beta), proof: proofJson(b.proof) })),
      sums: q.sums.map((s) => (s ? proofJson(s) : null)),
    })),
    signature,
  };
  return { ballot, opening: { bits: bits.map((row) => [...row]), randomness }, tracker: toHex(bd) };
}

// ---- verification ----

function parseProof(raw, what) {
  if (!Array.isArray(raw)) throw new Error(`${what}: expected a list of {a, b, c, s}`);
  return raw.map((entry, j) => {
    const at = `${what} branch ${j}`;
    exactKeys(entry, ['a', 'b', 'c', 's'], at);
    return {
      a: pointFromHex(entry.a, `${at} a`),
      b: pointFromHex(entry.b, `${at} b`),
      c: scalarFromHex(entry.c, `${at} c`),
      s: scalarFromHex(entry.s, `${at} s`),
    };
  });
}

/**
 * Checks a ballot JSON (object or text) against the parameters as record-format §4 defines a
 * valid ballot; returns its tracker (ballot digest, hex) or throws naming the first failure.
 * Also returns the decoded ciphertexts for audits.
 */
export function verifyBallot(params, ballotJson) {
  return checkBallot(parseParams(params), typeof ballotJson === 'string' ? JSON.parse(ballotJson) : ballotJson).tracker;
}

function checkBallot(p, raw) {
  exactKeys(raw, ['v', 'election', 'credential_key', 'questions', 'signature'], 'ballot');
  if (raw.v !== 1) throw new Error(`ballot: version ${JSON.stringify(raw.v)} is not 1`);
  if (raw.election !== toHex(p.digest)) {
    throw new Error(`ballot: election ${JSON.stringify(raw.election)} is not this election's digest ${toHex(p.digest)}`);
  }
  const Kpoint = pointFromHex(raw.credential_key, 'ballot credential_key');
  if (Kpoint.equals(ZERO)) throw new Error('ballot credential_key: the identity is not a credential key');
  const K = fromHex(raw.credential_key);
  const Y = p.publicKey;
  if (!Array.isArray(raw.questions) || raw.questions.length !== p.layouts.length) {
    throw new Error(`ballot: expected ${p.layouts.length} questions`);
  }
  const ciphertexts = [];
  const questions = raw.questions.map((rq, q) => {
    const named = `ballot question ${q}`;
    const lay = p.layouts[q];
    exactKeys(rq, ['bits', 'sums'], named);
    if (!Array.isArray(rq.bits) || rq.bits.length !== lay.bits) throw new Error(`${named}: expected ${lay.bits} bits`);
    if (!Array.isArray(rq.sums) || rq.sums.length !== lay.groups.length) {
      throw new Error(`${named}: expected ${lay.groups.length} groups`);
    }
    const bits = rq.bits.map((rb, i) => {
      const at = `${named} bit ${i}`;
      exactKeys(rb, ['alpha', 'beta', 'proof'], at);
      const alpha = pointFromHex(rb.alpha, `${at} alpha`);
      const beta = pointFromHex(rb.beta, `${at} beta`);
      const alphaBytes = fromHex(rb.alpha);
      const betaBytes = fromHex(rb.beta);
      const proof = parseProof(rb.proof, `${at} proof`);
      if (!cdsVerify(TAG.bitProof, [p.digest, K, u64(q), u64(i)], alpha, beta, alphaBytes, betaBytes, [0, 1], proof, Y)) {
        throw new Error(`${at}: the proof that it encrypts 0 or 1 does not verify`);
      }
      return { alpha, beta, alphaBytes, betaBytes, proof };
    });
    const sums = rq.sums.map((rs, gi) => {
      const g = lay.groups[gi];
      const at = `${named} group ${gi}`;
      if (!g.sumProof) {
        if (rs !== null) throw new Error(`${at}: expected no sum proof (null)`);
        return null;
      }
      const proof = parseProof(rs, `${at} sum proof`);
      const members = bits.slice(g.start, g.start + g.size);
      const alpha = members.reduce((sum, b) => sum.add(b.alpha), ZERO);
      const beta = members.reduce((sum, b) => sum.add(b.beta), ZERO);
      const ctx = [p.digest, K, u64(q), u64(gi)];
      if (!cdsVerify(TAG.sumProof, ctx, alpha, beta, alpha.toBytes(), beta.toBytes(), g.sums, proof, Y)) {
        throw new Error(`${at}: the proof that it sums to one of ${g.sums.join(', ')} does not verify`);
      }
      return proof;
    });
    ciphertexts.push(bits);
    return { bits: bits.map((b) => ({ alpha: b.alphaBytes, beta: b.betaBytes, proof: b.proof })), sums };
  });
  exactKeys(raw.signature, ['c', 's'], 'ballot signature');
  const c = scalarFromHex(raw.signature.c, 'ballot signature c');
  const s = scalarFromHex(raw.signature.s, 'ballot signature s');
  const bd = ballotDigest(p.digest, K, questions);
  const T = mulPublic(G, s).subtract(mulPublic(Kpoint, c));
  if (signatureChallenge(bd, K, T.toBytes()) !== c) throw new Error('ballot signature: does not verify for credential_key');
  return { tracker: toHex(bd), ciphertexts };
}

/** The Benaloh audit JSON of record-format §4 for a ballot that will never be cast. */
export function auditedBallot(params, ballot, opening) {
  const p = parseParams(params);
  return {
    v: 1,
    type: 'audited_ballot',
    parameters: p.json,
    ballot,
    bits: opening.bits,
    randomness: opening.randomness,
  };
}

/**
 * Checks an audited ballot (object or text): the parameters, the ballot's validity and that
 * every ciphertext encrypts the revealed bit with the revealed randomness. Returns the bits
 * (one array per question) or throws an Error naming what failed.
 */
export function verifyAudited(json) {
  const raw = typeof json === 'string' ? JSON.parse(json) : json;
  exactKeys(raw, ['v', 'type', 'parameters', 'ballot', 'bits', 'randomness'], 'audited ballot');
  if (raw.v !== 1) throw new Error(`audited ballot: version ${JSON.stringify(raw.v)} is not 1`);
  if (raw.type !== 'audited_ballot') throw new Error(`audited ballot: type ${JSON.stringify(raw.type)} is not "audited_ballot"`);
  const p = parseParams(raw.parameters);
  const { ciphertexts } = checkBallot(p, raw.ballot);
  checkBits(p, raw.bits);
  if (!Array.isArray(raw.randomness) || raw.randomness.length !== ciphertexts.length) {
    throw new Error('audited ballot: expected one randomness list per question');
  }
  ciphertexts.forEach((bits, q) => {
    const rs = raw.randomness[q];
    if (!Array.isArray(rs) || rs.length !== bits.length) throw new Error(`audited ballot question ${q}: expected ${bits.length} randomness values`);
    bits.forEach((ct, i) => {
      const at = `audited ballot question ${q} bit ${i}`;
      const r = scalarFromHex(rs[i], `${at} randomness`);
      const m = raw.bits[q][i];
      const alpha = mulPublic(G, r);
      const beta = mulPublic(p.publicKey, r).add(m ? G : ZERO);
      if (!alpha.equals(ct.alpha) || !beta.equals(ct.beta)) {
        throw new Error(`${at}: the ciphertext is not an encryption of ${m} with the revealed randomness`);
      }
    });
  });
  return raw.bits.map((row) => [...row]);
}

// ==== ranked ballots for the mixnet (record-format A.1 and A.6) ====
//
// A ranked question's ranking is packed into 16-byte blocks (A.1: ranks as digits in base
// n + 1), each block mapped to a ristretto255 point by Lizard (curve25519-dalek's
// `lizard_encode::<Sha256>`) and encrypted as plain ElGamal (r·G, M + r·Y), with a Schnorr
// proof of knowledge of r bound to the election, the credential key and the position; the
// ballot is signed by the credential key as in §4. Public API:
//   parseRankedParams(json), rankedLayout(n), packRanks(n, ranks), lizardEncode(bytes16),
//   encryptRankedBallot(params, ranks, {credentialSecret, rng}), verifyRankedBallot(params,
//   ballot), auditedRankedBallot(params, ballot, opening), verifyAuditedRankedBallot(json).
//
// Timing: the ranks are secret. Packing and the Elligator map below use BigInt arithmetic and
// noble's field operations, which are not constant-time (neither is noble's own use of them);
// the map takes the same branches as noble's calcElligatorRistrettoMap and uvRatio (on whether
// a square root exists), and nothing else here branches on a secret value except the rank
// checks, which only refuse a ranking the voter's own device made.

const RANKED_TAG = {
  pointProof: 'urna/v1/point-pok',
  ballot: 'urna/v1/ranked-ballot',
};
const RANKED_PARSED = Symbol('urna parsed ranked election parameters');
const MAX_RANKED_CANDIDATES = 70;

// ---- the Elligator map of RFC 9496 §4.3.4 on one field element ----

// noble exports the field of edwards25519 as RistrettoPoint.Fp (integers mod p = 2^255 − 19)
// and builds a ristretto255 point from an Edwards representative's affine coordinates
// (RistrettoPoint.fromAffine): all the MAP needs.
const Fp = RistrettoPoint.Fp;
// Constants of RFC 9496 §4.1 (checked against their definitions by js-tests/lizard.test.mjs).
const SQRT_M1 = 19681161376707505956807079304988542015446066515923890162744021073123829784752n;
const EDWARDS_D = 37095705934669439343138083508754565189542113879843219016388785533085940283555n;
const SQRT_AD_MINUS_ONE = 25063068953384623474111414158702152701244531502492656460079210482610430750235n;
const ONE_MINUS_D_SQ = 1159843021668779879193775521855586647937357759715417654439879720876111806838n;
const D_MINUS_ONE_SQ = 40440834346308536858101042469323190826248399146238708352240133220865137265952n;
/** The constants, for tests. */
export const RISTRETTO_CONSTANTS = Object.freeze({ SQRT_M1, EDWARDS_D, SQRT_AD_MINUS_ONE, ONE_MINUS_D_SQ, D_MINUS_ONE_SQ });

/** CT_ABS of RFC 9496 §4.1: the non-negative (even) one of x and −x. */
const fieldAbs = (x) => (Fp.isOdd(x) ? Fp.neg(x) : x);

/** SQRT_RATIO_M1(u, v) of RFC 9496 §4.2: `{wasSquare, r}` with r = √(u/v) or √(i·u/v). */
function sqrtRatioM1(u, v) {
  const v3 = Fp.mul(Fp.sqr(v), v);
  const v7 = Fp.mul(Fp.sqr(v3), v);
  let r = Fp.mul(Fp.mul(u, v3), Fp.pow(Fp.mul(u, v7), (Fp.ORDER - 5n) / 8n));
  const check = Fp.mul(v, Fp.sqr(r));
  const correctSign = Fp.eql(check, u);
  const flippedSign = Fp.eql(check, Fp.neg(u));
  const flippedSignI = Fp.eql(check, Fp.mul(Fp.neg(u), SQRT_M1));
  if (flippedSign || flippedSignI) r = Fp.mul(SQRT_M1, r);
  return { wasSquare: correctSign || flippedSign, r: fieldAbs(r) };
}

/**
 * MAP(t) of RFC 9496 §4.3.4 for a field element t (a bigint below p): curve25519-dalek's
 * `RistrettoPoint::map_to_curve` (`elligator_ristretto_flavor`).
 */
export function elligatorMap(t) {
  const r = Fp.mul(SQRT_M1, Fp.sqr(t));
  const u = Fp.mul(Fp.add(r, Fp.ONE), ONE_MINUS_D_SQ);
  const v = Fp.mul(Fp.sub(Fp.neg(Fp.ONE), Fp.mul(r, EDWARDS_D)), Fp.add(r, EDWARDS_D));
  const { wasSquare, r: root } = sqrtRatioM1(u, v);
  const sPrime = Fp.neg(fieldAbs(Fp.mul(root, t)));
  const s = wasSquare ? root : sPrime;
  const c = wasSquare ? Fp.neg(Fp.ONE) : r;
  const N = Fp.sub(Fp.mul(Fp.mul(c, Fp.sub(r, Fp.ONE)), D_MINUS_ONE_SQ), v);
  const s2 = Fp.sqr(s);
  const w0 = Fp.mul(Fp.add(s, s), v);
  const w1 = Fp.mul(N, SQRT_AD_MINUS_ONE);
  const w2 = Fp.sub(Fp.ONE, s2);
  const w3 = Fp.add(Fp.ONE, s2);
  // The extended point (w0·w3, w2·w1, w1·w3, w0·w2) in affine form: x = w0/w1, y = w2/w3, with
  // one inversion. The map's output is on the curve, so w1·w3 ≠ 0.
  const inverse = Fp.inv(Fp.mul(w1, w3));
  return RistrettoPoint.fromAffine({ x: Fp.mul(Fp.mul(w0, w3), inverse), y: Fp.mul(Fp.mul(w2, w1), inverse) });
}

/**
 * Lizard's encoding of 16 bytes (A.1; curve25519-dalek 5 `lizard_encode::<Sha256>`): the field
 * element whose bytes are SHA-256(data) with bytes 8–23 replaced by the data, bit 0 and bits
 * 254–255 cleared, mapped by the Elligator map.
 */
export function lizardEncode(data) {
  if (!(data instanceof Uint8Array) || data.length !== 16) throw new Error('lizard: expected 16 bytes');
  const bytes = sha256(data);
  bytes.set(data, 8);
  bytes[0] &= 0b11111110;
  bytes[31] &= 0b00111111;
  const t = bytesToBigLE(bytes);
  bytes.fill(0);
  return elligatorMap(t);
}

// ---- rank packing (A.1) ----

/** The packing of `n` candidates: `{candidates, perPoint, points}` (k and W of A.1). */
export function rankedLayout(n) {
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_RANKED_CANDIDATES) {
    throw new Error(`a ranked question has 1 to ${MAX_RANKED_CANDIDATES} candidates, not ${JSON.stringify(n)}`);
  }
  const base = BigInt(n + 1);
  let perPoint = 0;
  for (let power = base; power < 1n << 128n; power *= base) perPoint++;
  return Object.freeze({ candidates: n, perPoint, points: Math.ceil(n / perPoint) });
}

/**
 * Checks a ranking of `n` candidates (A.1: one rank per candidate, 0 = unranked, else 1..n,
 * the ranks used are 1..g with none skipped; at most `maxRanks` candidates ranked) and throws
 * an Error naming `what` and the fault.
 */
function checkRanking(ranks, n, maxRanks, what) {
  if (!Array.isArray(ranks) || ranks.length !== n) {
    throw new Error(`${what}: expected ${n} ranks, found ${Array.isArray(ranks) ? ranks.length : JSON.stringify(ranks)}`);
  }
  const used = new Array(n + 1).fill(false);
  ranks.forEach((rank, candidate) => {
    if (!Number.isSafeInteger(rank) || rank < 0 || rank > n) {
      throw new Error(`${what}: candidate ${candidate} has rank ${JSON.stringify(rank)}, not 0 to ${n}`);
    }
    used[rank] = true;
  });
  const highest = Math.max(0, ...ranks);
  for (let rank = 1; rank < highest; rank++) {
    if (!used[rank]) throw new Error(`${what}: rank ${rank} is skipped although rank ${highest} is used`);
  }
  const ranked = ranks.filter((rank) => rank !== 0).length;
  if (ranked > maxRanks) throw new Error(`${what}: ${ranked} options ranked, at most ${maxRanks} allowed`);
}

/** The 16-byte blocks of a valid ranking of `n` candidates (A.1), one per point. */
export function packRanks(n, ranks, maxRanks = n, what = 'ranks') {
  const lay = rankedLayout(n);
  checkRanking(ranks, n, maxRanks, what);
  const base = BigInt(n + 1);
  const blocks = [];
  for (let start = 0; start < n; start += lay.perPoint) {
    let value = 0n;
    for (let i = Math.min(start + lay.perPoint, n) - 1; i >= start; i--) value = value * base + BigInt(ranks[i]);
    const block = new Uint8Array(16);
    for (let i = 0; i < 16; i++, value >>= 8n) block[i] = Number(value & 0xffn);
    blocks.push(block);
  }
  return blocks;
}

// ---- election parameters of a mixnet election (A.6) ----

function parseRankedQuestion(raw, q) {
  const what = `question ${q}`;
  exactKeys(raw, ['id', 'ballot_type', 'min', 'max', 'options'], what);
  const id = nonEmptyText(raw.id, `${what} id`);
  const named = `question ${JSON.stringify(id)}`;
  if (raw.ballot_type !== 'ranked') {
    throw new Error(`${named}: ballot type ${JSON.stringify(raw.ballot_type)} is not "ranked" (a mixnet election has only ranked questions)`);
  }
  const min = safeInteger(raw.min, `${named} min`);
  const max = safeInteger(raw.max, `${named} max`);
  if (!Array.isArray(raw.options) || raw.options.length < 1 || raw.options.length > MAX_RANKED_CANDIDATES) {
    throw new Error(`${named}: expected 1 to ${MAX_RANKED_CANDIDATES} options`);
  }
  const options = raw.options.map((o, i) => nonEmptyText(o, `${named} option ${i}`));
  const duplicate = options.find((o, i) => options.indexOf(o) !== i);
  if (duplicate !== undefined) throw new Error(`${named}: option id ${JSON.stringify(duplicate)} appears twice`);
  if (min !== 0 || max < 1 || max > options.length) {
    throw new Error(`${named}: ranked needs min 0 and 1 ≤ max ≤ ${options.length}, found min ${min}, max ${max}`);
  }
  return Object.freeze({ id, ballot_type: 'ranked', min, max, options: Object.freeze(options) });
}

/**
 * Parses and validates the election parameters (record-format §3 with A.6's `ranked` type) of
 * a mixnet election: every question ranked. The result is what the ranked functions take.
 */
export function parseRankedParams(json) {
  if (json && json[RANKED_PARSED]) return json;
  const { json: json_, setup, publicKey, questions } = parseParamsEnvelope(json, parseRankedQuestion);
  return Object.freeze({
    [RANKED_PARSED]: true,
    json: json_,
    publicKey,
    layouts: Object.freeze(questions.map((q) => rankedLayout(q.options.length))),
    digest: computeElectionDigest(json_, setup, publicKey),
  });
}

// ---- encryption, proofs, digest (A.6) ----

/** The Schnorr challenge of docs/crypto.md §4: Hs(tag; ctx…, public key, commitment). */
const schnorrChallenge = (tag, ctx, publicBytes, commitmentBytes) => hashScalar(tag, [...ctx, publicBytes, commitmentBytes]);
const pointContext = (p, K, q, w) => [p.digest, K, u64(q), u64(w)];

function rankedBallotDigest(electionDigestBytes, K, questions) {
  const parts = [electionDigestBytes, K, u64(questions.length)];
  for (const points of questions) {
    parts.push(u64(points.length));
    for (const pt of points) parts.push(pt.alpha, pt.beta, scalarBytes(pt.c), scalarBytes(pt.s));
  }
  return digest(RANKED_TAG.ballot, parts);
}

/**
 * Encrypts `ranks` (per question, the rank of each option in order, 0 = unranked), proves
 * every point and signs the ballot with the credential secret (hex or bigint). `rng` returns
 * scalars (default: the browser's generator; testRng for vectors). Returns the ballot JSON
 * object, the opening `{ranks, randomness}` for a Benaloh audit, and the tracker (hex).
 */
export function encryptRankedBallot(params, ranks, { credentialSecret, rng = randomScalar } = {}) {
  const p = parseRankedParams(params);
  const questions = p.json.questions;
  if (!Array.isArray(ranks) || ranks.length !== questions.length) {
    throw new Error(`ranks: expected one ranking per question (${questions.length})`);
  }
  const blocks = questions.map((q, i) => packRanks(q.options.length, ranks[i], q.max, `question ${JSON.stringify(q.id)}`));
  const x = credentialFrom(credentialSecret);
  const K = mulSecret(G, x).toBytes();
  const Y = p.publicKey;
  const draw = () => {
    const s = rng();
    if (typeof s !== 'bigint' || s < 0n || s >= ORDER) throw new Error('rng: expected a scalar (bigint below ℓ)');
    return s;
  };
  // A.6 draw order: every r, then every proof's nonce, then the signature's.
  const rs = blocks.map((qb) => qb.map(() => draw()));
  const ciphertexts = blocks.map((qb, q) =>
    qb.map((block, w) => {
      const M = lizardEncode(block);
      block.fill(0);
      return { alpha: mulSecret(G, rs[q][w]).toBytes(), beta: mulSecret(Y, rs[q][w]).add(M).toBytes() };
    }),
  );
  const proven = ciphertexts.map((qc, q) =>
    qc.map((ct, w) => {
      const k = draw();
      const c = schnorrChallenge(RANKED_TAG.pointProof, pointContext(p, K, q, w), ct.alpha, mulSecret(G, k).toBytes());
      return { ...ct, c, s: mod(k + c * rs[q][w]) };
    }),
  );
  const bd = rankedBallotDigest(p.digest, K, proven);
  const k = draw();
  const c = signatureChallenge(bd, K, mulSecret(G, k).toBytes());
  const ballot = {
    v: 1,
    election: toHex(p.digest),
    credential_key: toHex(K),
    questions: proven.map((points) => ({
      points: points.map((pt) => ({ alpha: toHex(pt.alpha), beta: toHex(pt.beta), proof: { c: scalarHex(pt.c), s: scalarHex(pt.s) } })),
    })),
    signature: { c: scalarHex(c), s: scalarHex(mod(k + c * x)) },
  };
  return {
    ballot,
    opening: { ranks: ranks.map((row) => [...row]), randomness: rs.map((row) => row.map(scalarHex)) },
    tracker: toHex(bd),
  };
}

// ---- verification and audits (A.6) ----

function checkRankedBallot(p, raw) {
  exactKeys(raw, ['v', 'election', 'credential_key', 'questions', 'signature'], 'ballot');
  if (raw.v !== 1) throw new Error(`ballot: version ${JSON.stringify(raw.v)} is not 1`);
  if (raw.election !== toHex(p.digest)) {
    throw new Error(`ballot: election ${JSON.stringify(raw.election)} is not this election's digest ${toHex(p.digest)}`);
  }
  const Kpoint = pointFromHex(raw.credential_key, 'ballot credential_key');
  if (Kpoint.equals(ZERO)) throw new Error('ballot credential_key: the identity is not a credential key');
  const K = fromHex(raw.credential_key);
  if (!Array.isArray(raw.questions) || raw.questions.length !== p.layouts.length) {
    throw new Error(`ballot: expected ${p.layouts.length} questions`);
  }
  const questions = raw.questions.map((rq, q) => {
    const named = `ballot question ${q}`;
    exactKeys(rq, ['points'], named);
    const expected = p.layouts[q].points;
    if (!Array.isArray(rq.points) || rq.points.length !== expected) throw new Error(`${named}: expected ${expected} points`);
    return rq.points.map((rp, w) => {
      const at = `${named} point ${w}`;
      exactKeys(rp, ['alpha', 'beta', 'proof'], at);
      const alpha = pointFromHex(rp.alpha, `${at} alpha`);
      const beta = pointFromHex(rp.beta, `${at} beta`);
      exactKeys(rp.proof, ['c', 's'], `${at} proof`);
      const c = scalarFromHex(rp.proof.c, `${at} proof c`);
      const s = scalarFromHex(rp.proof.s, `${at} proof s`);
      const T = mulPublic(G, s).subtract(mulPublic(alpha, c));
      if (schnorrChallenge(RANKED_TAG.pointProof, pointContext(p, K, q, w), fromHex(rp.alpha), T.toBytes()) !== c) {
        throw new Error(`${at}: the proof of knowledge of its randomness does not verify`);
      }
      return { alpha: fromHex(rp.alpha), beta: fromHex(rp.beta), alphaPoint: alpha, betaPoint: beta, c, s };
    });
  });
  exactKeys(raw.signature, ['c', 's'], 'ballot signature');
  const c = scalarFromHex(raw.signature.c, 'ballot signature c');
  const s = scalarFromHex(raw.signature.s, 'ballot signature s');
  const bd = rankedBallotDigest(p.digest, K, questions);
  const T = mulPublic(G, s).subtract(mulPublic(Kpoint, c));
  if (signatureChallenge(bd, K, T.toBytes()) !== c) throw new Error('ballot signature: does not verify for credential_key');
  return { tracker: toHex(bd), questions };
}

/**
 * Checks a ranked ballot JSON (object or text) as A.6 defines a valid ballot; returns its
 * tracker (ballot digest, hex) or throws naming the first failure (question and point).
 */
export function verifyRankedBallot(params, ballotJson) {
  const raw = typeof ballotJson === 'string' ? JSON.parse(ballotJson) : ballotJson;
  return checkRankedBallot(parseRankedParams(params), raw).tracker;
}

/** The Benaloh audit JSON of A.6 for a ranked ballot that will never be cast. */
export function auditedRankedBallot(params, ballot, opening) {
  return {
    v: 1,
    type: 'audited_ballot',
    parameters: parseRankedParams(params).json,
    ballot,
    ranks: opening.ranks,
    randomness: opening.randomness,
  };
}

/**
 * Checks an audited ranked ballot (object or text): the parameters, the ballot's validity,
 * the ranks' validity and that every point encrypts the ranks' point (A.1) with the revealed
 * randomness. Returns the ranks or throws an Error naming what failed.
 */
export function verifyAuditedRankedBallot(json) {
  const raw = typeof json === 'string' ? JSON.parse(json) : json;
  exactKeys(raw, ['v', 'type', 'parameters', 'ballot', 'ranks', 'randomness'], 'audited ballot');
  if (raw.v !== 1) throw new Error(`audited ballot: version ${JSON.stringify(raw.v)} is not 1`);
  if (raw.type !== 'audited_ballot') throw new Error(`audited ballot: type ${JSON.stringify(raw.type)} is not "audited_ballot"`);
  const p = parseRankedParams(raw.parameters);
  const { questions } = checkRankedBallot(p, raw.ballot);
  if (!Array.isArray(raw.ranks) || raw.ranks.length !== questions.length) {
    throw new Error('audited ballot: expected one ranking per question');
  }
  if (!Array.isArray(raw.randomness) || raw.randomness.length !== questions.length) {
    throw new Error('audited ballot: expected one randomness list per question');
  }
  questions.forEach((points, q) => {
    const question = p.json.questions[q];
    const at = `audited ballot question ${q}`;
    const blocks = packRanks(question.options.length, raw.ranks[q], question.max, `${at} ranks`);
    const rs = raw.randomness[q];
    if (!Array.isArray(rs) || rs.length !== points.length) throw new Error(`${at}: expected ${points.length} randomness values`);
    points.forEach((pt, w) => {
      const r = scalarFromHex(rs[w], `${at} point ${w} randomness`);
      const alpha = mulPublic(G, r);
      const beta = mulPublic(p.publicKey, r).add(lizardEncode(blocks[w]));
      if (!alpha.equals(pt.alphaPoint) || !beta.equals(pt.betaPoint)) {
        throw new Error(`${at} point ${w}: the ciphertext is not the encryption of the revealed ranks with the revealed randomness`);
      }
    });
  });
  return raw.ranks.map((row) => [...row]);
}
