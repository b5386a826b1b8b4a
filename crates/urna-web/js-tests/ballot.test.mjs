// Encrypted ballots (record-format §4): they decrypt to the voter's bits under the election
// secret, every proof and the signature verify, any change is caught with a message naming
// it, and audited ballots reveal exactly the encrypted bits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { e2e, staticDir } from './load.mjs';
import { mixedParams } from './fixtures.mjs';

const { RistrettoPoint } = await import(new URL('vendor/noble.js', staticDir));
const point = (hex) => RistrettoPoint.fromBytes(Buffer.from(hex, 'hex'));

const params = e2e.parseParams(mixedParams());
const answers = [{ choice: 'cy' }, { approve: ['q', 'r', 's'] }, { scores: { y: 1 } }];
// cy = option 2; q, r, s = options 1..3; x blank (bit 0), y = 1 → bit 4 + 1 + 2 = 7.
const BITS = [[0, 0, 1], [0, 1, 1, 1], [1, 0, 0, 0, 0, 0, 0, 1]];
const credential = e2e.generateCredential();

function freshBallot(rng) {
  return e2e.encryptBallot(params, e2e.bitsFromAnswers(params, answers), { credentialSecret: credential.secret, rng });
}

test('a ballot decrypts to the bits under the election secret and verifies', () => {
  const { ballot, opening, tracker } = freshBallot();
  assert.deepEqual(opening.bits, BITS);
  // The tests' election key is 2·G, so β − 2·α = m·G.
  ballot.questions.forEach((q, qi) => q.bits.forEach((bit, i) => {
    const m = point(bit.beta).subtract(point(bit.alpha).multiply(2n));
    assert.ok(m.equals(BITS[qi][i] ? RistrettoPoint.BASE : RistrettoPoint.ZERO), `question ${qi} bit ${i}`);
  }));
  assert.deepEqual(Object.keys(ballot), ['v', 'election', 'credential_key', 'questions', 'signature']);
  assert.equal(ballot.election, e2e.electionDigest(params));
  assert.equal(ballot.credential_key, credential.key);
  // Bit proofs have 2 branches; sum proofs as many as allowed sums (§2 layouts: {0,1},
  // {0,2,3}, {1} per score option).
  assert.deepEqual(ballot.questions.map((q) => q.bits.map((b) => b.proof.length)), [[2, 2, 2], [2, 2, 2, 2], Array(8).fill(2)]);
  assert.deepEqual(ballot.questions.map((q) => q.sums.map((s) => s.length)), [[2], [3], [1, 1]]);
  assert.match(tracker, /^[0-9a-f]{64}$/);
  assert.equal(e2e.verifyBallot(params, ballot), tracker);
  assert.equal(e2e.verifyBallot(mixedParams(), JSON.stringify(ballot)), tracker);
});

test('the test generator makes ballots reproducible; fresh randomness does not', () => {
  const a = freshBallot(e2e.testRng('seed a'));
  const b = freshBallot(e2e.testRng('seed a'));
  const c = freshBallot(e2e.testRng('seed b'));
  assert.deepEqual(a, b);
  assert.notEqual(a.tracker, c.tracker);
  assert.notEqual(freshBallot().tracker, freshBallot().tracker);
});

test('a group without a sum proof is null', () => {
  const open = { ...mixedParams(), questions: [{ id: 'a', ballot_type: 'approval', min: 0, max: 2, options: ['p', 'q'] }] };
  const { ballot } = e2e.encryptBallot(open, [[1, 1]], { credentialSecret: credential.secret });
  assert.deepEqual(ballot.questions[0].sums, [null]);
  e2e.verifyBallot(open, ballot);
  ballot.questions[0].sums = [[]];
  assert.throws(() => e2e.verifyBallot(open, ballot), /question 0 group 0: expected no sum proof \(null\)/);
});

test('bits outside the allowed sums cannot be encrypted', () => {
  const twoChairs = [[1, 0, 1], BITS[1], BITS[2]];
  assert.throws(() => e2e.encryptBallot(params, twoChairs, { credentialSecret: credential.secret }), /"chair": group 0 sums to 2, allowed 0, 1/);
  const noScore = [BITS[0], BITS[1], [0, 0, 0, 0, 1, 0, 0, 0]];
  assert.throws(() => e2e.encryptBallot(params, noScore, { credentialSecret: credential.secret }), /"budget": group 0 sums to 0, allowed 1/);
  assert.throws(() => e2e.encryptBallot(params, BITS, {}), /credential secret/);
});

test('every change to a ballot is caught and named', () => {
  const { ballot } = freshBallot();
  const other = e2e.generateCredential();
  const changes = [
    [(b) => { b.questions[1].bits[2].proof[0].c = b.questions[1].bits[2].proof[1].c; }, /question 1 bit 2: the proof that it encrypts 0 or 1 does not verify/],
    // Swapping two ciphertexts keeps each bit proof's statement but not its position.
    [(b) => { [b.questions[0].bits[0], b.questions[0].bits[2]] = [b.questions[0].bits[2], b.questions[0].bits[0]]; }, /question 0 bit 0: the proof/],
    // The same ciphertexts under another voter's credential key: proofs are bound to K.
    [(b) => { b.credential_key = other.key; }, /question 0 bit 0: the proof/],
    [(b) => { b.questions[2].sums[1][0].s = b.questions[2].sums[0][0].s; }, /question 2 group 1: the proof that it sums to one of 1 does not verify/],
    [(b) => { b.signature.s = b.signature.c; }, /signature: does not verify/],
    [(b) => { b.election = '00'.repeat(32); }, /election "0{64}" is not this election's digest/],
    [(b) => { b.questions[0].bits[1].alpha = 'ff'.repeat(32); }, /question 0 bit 1 alpha: f{64} is not a canonical ristretto255 point/],
    [(b) => { b.signature.c = 'ff'.repeat(32); }, /signature c: .* not a canonical scalar/],
    [(b) => { b.questions.pop(); }, /expected 3 questions/],
    [(b) => { b.extra = true; }, /unknown field "extra"/],
  ];
  for (const [change, message] of changes) {
    const copy = structuredClone(ballot);
    change(copy);
    assert.throws(() => e2e.verifyBallot(params, copy), message);
  }
});

test('an audited ballot reveals the bits; a changed bit or randomness fails', () => {
  const { ballot, opening } = freshBallot();
  const audited = e2e.auditedBallot(params, ballot, opening);
  assert.deepEqual(Object.keys(audited), ['v', 'type', 'parameters', 'ballot', 'bits', 'randomness']);
  assert.deepEqual(audited.parameters, mixedParams());
  assert.deepEqual(e2e.verifyAudited(JSON.stringify(audited)), BITS);

  // Moving the chair vote from cy to ana keeps the sum allowed, but the ciphertexts say cy.
  const moved = structuredClone(audited);
  moved.bits[0] = [1, 0, 0];
  assert.throws(() => e2e.verifyAudited(moved), /question 0 bit 0: the ciphertext is not an encryption of 1/);

  const rerandomised = structuredClone(audited);
  rerandomised.randomness[2][5] = rerandomised.randomness[2][4];
  assert.throws(() => e2e.verifyAudited(rerandomised), /question 2 bit 5: the ciphertext is not an encryption of 0/);

  const otherElection = structuredClone(audited);
  otherElection.parameters.election_id = 'board-2028';
  assert.throws(() => e2e.verifyAudited(otherElection), /election "[0-9a-f]{64}" is not this election's digest/);

  assert.throws(() => e2e.verifyAudited({ ...audited, type: 'ballot' }), /type "ballot"/);
});
