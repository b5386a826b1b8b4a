// Ranked ballots for the mixnet (record-format A.1, A.6): the Elligator map and Lizard
// encoding against external values, the shared vectors of crates/urna-crypto reproduced byte
// for byte, tampering caught and named, audits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { e2e, staticDir } from './load.mjs';
import { TWO_G } from './fixtures.mjs';

const { RistrettoPoint } = await import(new URL('vendor/noble.js', staticDir));
const Fp = RistrettoPoint.Fp;
const vectors = JSON.parse(readFileSync(new URL('../../urna-crypto/testdata/ranked-vectors.json', import.meta.url), 'utf8'));
const hex = (point) => Buffer.from(point.toBytes()).toString('hex');
const bigLE = (h) => BigInt(`0x${Buffer.from(h, 'hex').reverse().toString('hex')}`);

// MAP on one field element, from ristretto.sage (Henry de Valence's reference), as listed in
// curve25519-dalek 5.0.0 src/ristretto/elligator.rs `elligator_vs_ristretto_sage`: the input's
// bytes (bit 255 clear) and the encoding of its image.
const SAGE = [
  ['b8f98731fd7b597143a006ef0769d329c0f9b939096646c60f7f071aa0668647', 'b09ded61421d8ca6a85e1a9dd4d8e5a0c3f6e8efa9703fc1402098450bbef656'],
  ['e50ef1e34b09763c8099e215b7d95b886200e79c7c4d528b8e86a4a9a93efa34', 'ea8d4dcbb5e1fa4aab3e0f764ed49613830ebceec2f48d8aa6a2537ae4c9131a'],
  ['736d24dcb4df6306cca9131da9445417156dbd957fcd5b66ac2370238645ba22', 'e8e7335c05a85024adb36844ba9544288caa1b67638c15f22b3efa86d0ff3d59'],
  ['1031606babc7a4098110403ef13f84add1a070d769329d51fd69019ae5197853', 'd0788c81b1b3ed9ffca01c0dce05d3f1c0da016182f114a9772ef61d4f504d54'],
  ['9c83a1a2ecfb05bba7ab11b294d25acf56154fa1a7d7ea0188f2b6f826554f56', 'ca0bec913a0cb59dd106d5584b930b77bf8b2f8e212499c1dfb7b208cd78f86e'],
  ['fbb17c3612654bebf5ba132e859de5400a88b5b94e90fea789316b0a3d0a1519', '1a42e743cbaf748220883efdd72e05d6a6f86cedd847f4ad488552068ff06829'],
  ['e8c11444f04dba4db7282c56961fc6d44c5103d9c5087e807e98a4d0992cbd4d', '289d6660c9dfc8c596b56a53677e8f2191e64e06ab92d28f7005f517b78a1278'],
  ['ade595b125e61e453d38acbedb73a7c247863b4b1cf4761aa26140100fbd1e40', 'dc251bcbefc4b0832542bcf3b9fa7117a7d39af3a8d736ab9f24c3510d962b2b'],
  ['6a473d6bfa752a975bcad46434bcbe157dda1f12fdf1a08539f203a4bd446f4b', 'e879b0deb7c49f5aeec1693465a7f4aa7972c406439850b9dd075369b0d0e079'],
  ['70ccb65adcc67849ad6bc111e328a224968deb37acb70c27c2882b99f4765b59', 'e2b5b734f1a33db3ddcfdc49f5f219ec4354b3dea73ea7b620095c1ea57fcc44'],
  ['6f18cb7bfebd0ba233c4a388cc8f0ade217051cd222308425a06a43aaab12219', 'e27710f2c88bf0570bde5c929cf32e77413b01f85cb732af5728ce35d0dc940d'],
  ['e1b71e34ec5206b76d19e3b5195229c1504da150f2cb4fcc88f5836eed6a033a', '46f04f70369de4924a7ad858e83e9e0d0e927375b0de5ae1f4175ebe96078860'],
  ['cff626381e56b05a1bc83d2add1b38d24fb2bd7844c178a74db935c57c80bf7e', '1647f1672dc1c390b7659a322744316e332c3e00e5714851a81d496a66288418'],
  ['0188d750f02e3f9310f4e6cf52bd4a326aa98a561e83d6caa67dfbe462182415', 'c4856b0b82694a21ccab85ddaec1f12426b3c46bdbb9b5fde42f9b2ae749294e'],
  ['d2cfe4389b74cf3654c3fbd7f9c7744b6defc4fbc2f6fce446929c231927f104', '3affe1c573d0a08f27c552458feb5caa4a28390babe31ab9d9cf5ab9c5be233c'],
  ['22747b0908285dbd0967396742e303029d6b86dbca4ae69a4e6bdbc3d60e5450', '582b5c76df886991eeba7308d67099fd266ccde69d820b426555fd6e6e0e9470'],
];

test('the RFC 9496 §4.1 constants are what their definitions say', () => {
  const { SQRT_M1, EDWARDS_D, SQRT_AD_MINUS_ONE, ONE_MINUS_D_SQ, D_MINUS_ONE_SQ } = e2e.RISTRETTO_CONSTANTS;
  const minusOne = Fp.neg(Fp.ONE);
  // d = −121665/121666 (RFC 7748 §4.1), a = −1.
  assert.equal(EDWARDS_D, Fp.div(Fp.neg(121665n), 121666n));
  assert.equal(Fp.sqr(SQRT_M1), minusOne);
  assert.equal(Fp.sqr(SQRT_AD_MINUS_ONE), Fp.sub(Fp.mul(minusOne, EDWARDS_D), Fp.ONE));
  assert.equal(ONE_MINUS_D_SQ, Fp.sub(Fp.ONE, Fp.sqr(EDWARDS_D)));
  assert.equal(D_MINUS_ONE_SQ, Fp.sqr(Fp.sub(EDWARDS_D, Fp.ONE)));
  // RFC 9496 §4.1: SQRT_M1 is the non-negative (even) root; the sign of SQRT_AD_MINUS_ONE is
  // fixed by the ristretto.sage images below.
  assert.equal(SQRT_M1 % 2n, 0n);
});

test('the Elligator map gives ristretto.sage\'s images', () => {
  for (const [input, image] of SAGE) assert.equal(hex(e2e.elligatorMap(bigLE(input))), image, input);
});

test('Lizard points equal curve25519-dalek\'s for every listed block', () => {
  assert.ok(vectors.lizard.length >= 5, 'the vectors list Lizard points');
  for (const { bytes, point } of vectors.lizard) {
    assert.equal(hex(e2e.lizardEncode(new Uint8Array(Buffer.from(bytes, 'hex')))), point, bytes);
  }
  assert.throws(() => e2e.lizardEncode(new Uint8Array(15)), /16 bytes/);
});

test('ranks pack into base n + 1 blocks as A.1 says', () => {
  // A.1: k is the largest with (n + 1)^k < 2^128, i.e. ⌊128 / log2(n + 1)⌋: 20 → 128 / 4.392
  // ≈ 29.1 → 29, 1 point; 30 → 128 / 4.954 ≈ 25.8 → 25, 2; 70 → 128 / 6.150 ≈ 20.8 → 20, 4;
  // 26 → 1 point, 27 → 2 (A.1's table).
  assert.deepEqual(e2e.rankedLayout(20), { candidates: 20, perPoint: 29, points: 1 });
  assert.deepEqual(e2e.rankedLayout(30), { candidates: 30, perPoint: 25, points: 2 });
  assert.deepEqual(e2e.rankedLayout(70), { candidates: 70, perPoint: 20, points: 4 });
  assert.equal(e2e.rankedLayout(26).points, 1);
  assert.equal(e2e.rankedLayout(27).points, 2);
  // 3 candidates ranked (2, 0, 1): 2 + 0·4 + 1·16 = 18 in the first byte.
  assert.deepEqual([...e2e.packRanks(3, [2, 0, 1])[0]], [18, ...Array(15).fill(0)]);
  // 30 candidates, candidate 25 (the first of the second block) ranked 1: block 2 = 1.
  const ranks = Array(30).fill(0);
  ranks[25] = 1;
  const blocks = e2e.packRanks(30, ranks);
  assert.deepEqual([...blocks[0]], Array(16).fill(0));
  assert.deepEqual([...blocks[1]], [1, ...Array(15).fill(0)]);
  assert.throws(() => e2e.packRanks(4, [1, 3, 0, 0]), /rank 2 is skipped although rank 3 is used/);
  assert.throws(() => e2e.packRanks(4, [1, 5, 0, 0]), /candidate 1 has rank 5, not 0 to 4/);
  assert.throws(() => e2e.packRanks(4, [1, 2, 3]), /expected 4 ranks, found 3/);
  assert.throws(() => e2e.packRanks(4, [1, 2, 3, 0], 2), /3 options ranked, at most 2 allowed/);
  assert.throws(() => e2e.rankedLayout(71), /1 to 70 candidates/);
});

test('every case of ranked-vectors.json is reproduced byte for byte', () => {
  assert.equal(vectors.v, 1);
  assert.equal(vectors.cases.length, 4);
  for (const c of vectors.cases) {
    const params = e2e.parseRankedParams(c.parameters);
    assert.equal(e2e.toHex(params.digest), c.election_digest, `${c.name}: election digest`);
    const { ballot, opening, tracker } = e2e.encryptRankedBallot(params, c.ranks, { credentialSecret: c.credential_secret, rng: e2e.testRng(c.name) });
    assert.equal(JSON.stringify(ballot), JSON.stringify(c.ballot), `${c.name}: same JSON text`);
    assert.equal(tracker, c.ballot_digest, `${c.name}: ballot digest`);
    assert.equal(e2e.verifyRankedBallot(c.parameters, JSON.stringify(c.ballot)), c.ballot_digest, `${c.name}: the Rust ballot verifies here`);
    // Our randomness opens the Rust ballot: the same draws in the same order.
    assert.deepEqual(e2e.verifyAuditedRankedBallot(e2e.auditedRankedBallot(params, c.ballot, opening)), c.ranks, `${c.name}: audit`);
  }
});

/** Two questions: 3 candidates (1 point), 30 (2 points), under 2·G, so β − 2·α = M. */
const params = () => ({
  election_id: 'board-2027',
  setup: '22'.repeat(32),
  public_key: TWO_G,
  questions: [
    { id: 'chair', ballot_type: 'ranked', min: 0, max: 3, options: ['ana', 'ben', 'cy'] },
    { id: 'board', ballot_type: 'ranked', min: 0, max: 5, options: Array.from({ length: 30 }, (_, i) => `c${i}`) },
  ],
});
const RANKS = [[2, 1, 0], Array.from({ length: 30 }, (_, i) => (i === 29 ? 1 : i === 0 ? 2 : 0))];
const credential = e2e.generateCredential();

test('a ranked ballot decrypts to the Lizard points of its ranks and verifies', () => {
  const { ballot, tracker } = e2e.encryptRankedBallot(params(), RANKS, { credentialSecret: credential.secret });
  assert.deepEqual(Object.keys(ballot), ['v', 'election', 'credential_key', 'questions', 'signature']);
  assert.deepEqual(ballot.questions.map((q) => q.points.length), [1, 2]);
  const expected = [e2e.packRanks(3, RANKS[0]), e2e.packRanks(30, RANKS[1])];
  ballot.questions.forEach((q, qi) => q.points.forEach((pt, w) => {
    const M = RistrettoPoint.fromBytes(Buffer.from(pt.beta, 'hex')).subtract(RistrettoPoint.fromBytes(Buffer.from(pt.alpha, 'hex')).multiply(2n));
    assert.equal(hex(M), hex(e2e.lizardEncode(expected[qi][w])), `question ${qi} point ${w}`);
  }));
  assert.equal(e2e.verifyRankedBallot(params(), ballot), tracker);
  assert.throws(() => e2e.encryptRankedBallot(params(), [RANKS[0], Array(30).fill(1)], { credentialSecret: credential.secret }), /"board": 30 options ranked, at most 5 allowed/);
});

test('every change to a ranked ballot is caught and named', () => {
  const { ballot } = e2e.encryptRankedBallot(params(), RANKS, { credentialSecret: credential.secret });
  const { ballot: other } = e2e.encryptRankedBallot(params(), RANKS, { credentialSecret: e2e.generateCredential().secret });
  const changes = [
    // Another voter's point, proof and all, copied in: the proof is bound to their key.
    [(b) => { b.questions[1].points[1] = other.questions[1].points[1]; }, /ballot question 1 point 1: the proof of knowledge of its randomness does not verify/],
    [(b) => { b.credential_key = other.credential_key; }, /ballot question 0 point 0: the proof/],
    // The voter's own points swapped: the proofs are bound to their positions.
    [(b) => { b.questions[1].points.reverse(); }, /ballot question 1 point 0: the proof/],
    [(b) => { b.questions[0].points[0].proof.s = b.questions[0].points[0].proof.c; }, /ballot question 0 point 0: the proof/],
    // β is not proved; the signature binds it.
    [(b) => { b.questions[0].points[0].beta = other.questions[0].points[0].beta; }, /ballot signature: does not verify/],
    [(b) => { b.election = '00'.repeat(32); }, /election "0{64}" is not this election's digest/],
    [(b) => { b.questions[1].points.pop(); }, /ballot question 1: expected 2 points/],
    [(b) => { b.questions[0].points[0].alpha = 'ff'.repeat(32); }, /question 0 point 0 alpha: f{64} is not a canonical ristretto255 point/],
    [(b) => { b.questions[0].points[0].proof.extra = 1; }, /point 0 proof: unknown field "extra"/],
    [(b) => { b.questions.pop(); }, /expected 2 questions/],
  ];
  for (const [change, message] of changes) {
    const copy = structuredClone(ballot);
    change(copy);
    assert.throws(() => e2e.verifyRankedBallot(params(), copy), message);
  }
  // Not a mixnet election's parameters.
  const mixed = params();
  mixed.questions[1] = { id: 'budget', ballot_type: 'approval', min: 0, max: 1, options: ['x'] };
  assert.throws(() => e2e.parseRankedParams(mixed), /"budget": ballot type "approval" is not "ranked"/);
  const badMax = params();
  badMax.questions[0].max = 4;
  assert.throws(() => e2e.parseRankedParams(badMax), /"chair": ranked needs min 0 and 1 ≤ max ≤ 3, found min 0, max 4/);
});

test('an audited ranked ballot reveals the ranks; other ranks or randomness fail', () => {
  const { ballot, opening } = e2e.encryptRankedBallot(params(), RANKS, { credentialSecret: credential.secret });
  const audited = e2e.auditedRankedBallot(params(), ballot, opening);
  assert.deepEqual(Object.keys(audited), ['v', 'type', 'parameters', 'ballot', 'ranks', 'randomness']);
  assert.deepEqual(e2e.verifyAuditedRankedBallot(JSON.stringify(audited)), RANKS);
  const swapped = structuredClone(audited);
  swapped.ranks[0] = [1, 2, 0];
  assert.throws(() => e2e.verifyAuditedRankedBallot(swapped), /question 0 point 0: the ciphertext is not the encryption of the revealed ranks/);
  const moved = structuredClone(audited);
  moved.randomness[1] = [...moved.randomness[1]].reverse();
  assert.throws(() => e2e.verifyAuditedRankedBallot(moved), /question 1 point 0: the ciphertext is not the encryption/);
  const invalid = structuredClone(audited);
  invalid.ranks[0] = [1, 3, 0];
  assert.throws(() => e2e.verifyAuditedRankedBallot(invalid), /rank 2 is skipped/);
});
