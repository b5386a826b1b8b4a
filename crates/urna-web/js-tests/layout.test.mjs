// Parameters validation (record-format §3), bit layouts (§2) and answers → bits, all
// against layouts worked out by hand from the §2 table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { e2e } from './load.mjs';
import { TWO_G, mixedParams } from './fixtures.mjs';

const plain = (value) => JSON.parse(JSON.stringify(value));

test('layouts follow the §2 table', () => {
  assert.deepEqual(plain(e2e.layout(mixedParams())), [
    // choose_one, 3 options: one group of 3 bits, sums {0, 1} ≠ {0..3}: sum proof.
    { bits: 3, groups: [{ start: 0, size: 3, sums: [0, 1], sumProof: true }] },
    // approval {2, 3} of 4: sums {0} ∪ {2, 3}.
    { bits: 4, groups: [{ start: 0, size: 4, sums: [0, 2, 3], sumProof: true }] },
    // score −1..1: w = 1 − (−1) + 2 = 4 bits per option (blank, −1, 0, 1), each summing to 1.
    { bits: 8, groups: [{ start: 0, size: 4, sums: [1], sumProof: true }, { start: 4, size: 4, sums: [1], sumProof: true }] },
  ]);
});

test('groups allowing every sum carry no sum proof', () => {
  const params = mixedParams();
  params.questions = [
    // approval min ≤ 1, max = n: sums {0, 1, 2} = {0..2}.
    { id: 'a', ballot_type: 'approval', min: 1, max: 2, options: ['p', 'q'] },
    // choose_one with one option: sums {0, 1} = {0..1}.
    { id: 'b', ballot_type: 'choose_one', min: 0, max: 1, options: ['solo'] },
    // approval min 0, max 1 of 3: {0, 1} ≠ {0..3}.
    { id: 'c', ballot_type: 'approval', min: 0, max: 1, options: ['p', 'q', 'r'] },
  ];
  assert.deepEqual(plain(e2e.layout(params)).map((q) => q.groups.map((g) => [g.sums, g.sumProof])), [
    [[[0, 1, 2], false]],
    [[[0, 1], false]],
    [[[0, 1], true]],
  ]);
});

test('answers become bits', () => {
  const params = e2e.parseParams(mixedParams());
  assert.deepEqual(
    e2e.bitsFromAnswers(params, [{ choice: 'ben' }, { approve: ['s', 'p'] }, { scores: { x: 1, y: -1 } }]),
    // ben = option 1; p and s = options 0 and 3; x = 1 → bit 0·4 + 1 + (1 − (−1)) = 3,
    // y = −1 → bit 1·4 + 1 + 0 = 5.
    [[0, 1, 0], [1, 0, 0, 1], [0, 0, 0, 1, 0, 1, 0, 0]],
  );
  // Missing and abstaining answers are blank: score blanks are bits 0 and 4.
  const blank = [[0, 0, 0], [0, 0, 0, 0], [1, 0, 0, 0, 1, 0, 0, 0]];
  assert.deepEqual(e2e.bitsFromAnswers(params, []), blank);
  assert.deepEqual(e2e.bitsFromAnswers(params, [{ abstain: true }, { abstain: true }, { abstain: true }]), blank);
  assert.deepEqual(e2e.bitsFromAnswers(params, [{ abstain: true }, { approve: [] }, { scores: {} }]), blank);
  // Keyed by question id; a score of 0 on y only: bit 4 + 1 + 1 = 6.
  assert.deepEqual(e2e.bitsFromAnswers(params, { budget: { scores: { y: 0 } } }), [[0, 0, 0], [0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 1, 0]]);
});

test('answers that do not fit are refused, naming the question and value', () => {
  const params = mixedParams();
  const cases = [
    [[{ choice: 'zed' }], /question "chair": no option "zed"/],
    [[{ approve: ['p'] }], /"chair": answer .* does not fit a choose_one/],
    [[null, { approve: ['p'] }], /"panel": 1 approvals, but the question allows none or 2 to 3/],
    [[null, { approve: ['p', 'p'] }], /"panel": option "p" approved twice/],
    [[null, null, { scores: { x: 2 } }], /"budget": score 2 for option "x" is not an integer from -1 to 1/],
    [[null, null, { scores: { x: 0.5 } }], /score 0.5/],
    [{ nope: {} }, /no question "nope"/],
  ];
  for (const [answers, message] of cases) assert.throws(() => e2e.bitsFromAnswers(params, answers), message);
});

test('parameters outside §3 are refused, naming the value', () => {
  const withQuestion = (q) => ({ ...mixedParams(), questions: [q] });
  const options = (n) => Array.from({ length: n }, (_, i) => `o${i}`);
  const cases = [
    [{ ...mixedParams(), extra: 1 }, /unknown field "extra"/],
    [{ ...mixedParams(), setup: 'AB'.repeat(32) }, /setup digest: .* not lowercase hexadecimal/],
    [{ ...mixedParams(), public_key: '00'.repeat(32) }, /identity/],
    [{ ...mixedParams(), public_key: 'ff'.repeat(32) }, /not a canonical ristretto255 point/],
    [{ ...mixedParams(), questions: [] }, /1 to 100 questions/],
    [{ ...mixedParams(), questions: [mixedParams().questions[0], mixedParams().questions[0]] }, /question id "chair" appears twice/],
    [withQuestion({ id: 'a', ballot_type: 'ranked', min: 0, max: 1, options: ['x'] }), /ballot type "ranked"/],
    [withQuestion({ id: 'a', ballot_type: 'choose_one', min: 0, max: 2, options: ['x', 'y'] }), /min 0 and max 1, found min 0, max 2/],
    [withQuestion({ id: 'a', ballot_type: 'approval', min: 0, max: 3, options: ['x', 'y'] }), /max ≤ 2 options/],
    [withQuestion({ id: 'a', ballot_type: 'approval', min: 0, max: 0, options: ['x'] }), /max ≥ 1/],
    [withQuestion({ id: 'a', ballot_type: 'score', min: 1, max: 1, options: ['x'] }), /min < max/],
    [withQuestion({ id: 'a', ballot_type: 'score', min: 0, max: 101, options: ['x'] }), /max − min ≤ 100/],
    [withQuestion({ id: 'a', ballot_type: 'score', min: 0, max: 1.5, options: ['x'] }), /max: expected an integer, found 1.5/],
    [withQuestion({ id: 'a', ballot_type: 'approval', min: 0, max: 1, options: ['x', 'x'] }), /option id "x" appears twice/],
    [withQuestion({ id: 'a', ballot_type: 'approval', min: 0, max: 1, options: options(1001) }), /1 to 1000 options/],
  ];
  for (const [params, message] of cases) assert.throws(() => e2e.parseParams(params), message);
  // The limits themselves are accepted: 1000 options, a score range of 100.
  e2e.parseParams(withQuestion({ id: 'a', ballot_type: 'approval', min: 0, max: 1, options: options(1000) }));
  e2e.parseParams(withQuestion({ id: 'a', ballot_type: 'score', min: -50, max: 50, options: ['x'] }));
  assert.equal(e2e.parseParams({ ...mixedParams(), public_key: TWO_G }).json.public_key, TWO_G);
});
