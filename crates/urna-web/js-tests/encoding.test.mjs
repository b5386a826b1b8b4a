// Transcripts, digests and hashed scalars (docs/crypto.md §2) and the election digest
// (record-format §3), each checked against bytes written out by hand and hashed with Node's
// own crypto module, not with the bundle the module uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { e2e } from './load.mjs';
import { TWO_G } from './fixtures.mjs';

// ℓ = 2^252 + 27742317777372353535851937790883648493 (docs/crypto.md §1).
const ORDER = 2n ** 252n + 27742317777372353535851937790883648493n;
const hex = (bytes) => Buffer.from(bytes).toString('hex');
const sha256 = (buf) => createHash('sha256').update(buf).digest();
const sha512 = (buf) => createHash('sha512').update(buf).digest();
const littleEndian = (buf) => [...buf].reverse().reduce((n, b) => (n << 8n) | BigInt(b), 0n);

// T("urna/v1/x"; "ab", u64(258)) written out byte by byte:
//   len("urna/v1/x") = 9  → 00 00 00 00 00 00 00 09, then "urna/v1/x" = 75 72 6e 61 2f 76 31 2f 78
//   len("ab") = 2         → 00 00 00 00 00 00 00 02, then 61 62
//   len(u64) = 8          → 00 00 00 00 00 00 00 08, then 258 = 00 00 00 00 00 00 01 02
const HAND_TRANSCRIPT =
  '0000000000000009' + '75726e612f76312f78' + '0000000000000002' + '6162' + '0000000000000008' + '0000000000000102';

test('a transcript is each string length-prefixed with 8 bytes big-endian', () => {
  const t = e2e.transcript('urna/v1/x', [new TextEncoder().encode('ab'), e2e.u64(258)]);
  assert.equal(hex(t), HAND_TRANSCRIPT);
});

test('H is SHA-256 and Hs is SHA-512 little-endian mod ℓ of the transcript', () => {
  const parts = [new TextEncoder().encode('ab'), e2e.u64(258)];
  const bytes = Buffer.from(HAND_TRANSCRIPT, 'hex');
  assert.equal(hex(e2e.digest('urna/v1/x', parts)), sha256(bytes).toString('hex'));
  assert.equal(e2e.hashScalar('urna/v1/x', parts), littleEndian(sha512(bytes)) % ORDER);
});

test('integers: u64 big-endian, i64 two\'s complement', () => {
  assert.equal(hex(e2e.u64(0)), '0000000000000000');
  assert.equal(hex(e2e.u64(2n ** 64n - 1n)), 'ffffffffffffffff');
  assert.throws(() => e2e.u64(-1), /out of range/);
  assert.equal(hex(e2e.i64(1)), '0000000000000001');
  // −1 = 2^64 − 1 and −2 = 2^64 − 2 in two's complement.
  assert.equal(hex(e2e.i64(-1)), 'ffffffffffffffff');
  assert.equal(hex(e2e.i64(-2)), 'fffffffffffffffe');
  // 100 = 0x64.
  assert.equal(hex(e2e.i64(100)), '0000000000000064');
});

test('the test generator draws Hs("urna/v1/test-rng"; seed, j), the seed as UTF-8 text', () => {
  const rng = e2e.testRng('é1');
  // T("urna/v1/test-rng"; "é1", u64(j)): the tag is 16 bytes, "é1" is c3 a9 31 (3 bytes).
  const expected = (j) => {
    const t = Buffer.concat([
      Buffer.from('0000000000000010', 'hex'), Buffer.from('urna/v1/test-rng'),
      Buffer.from('0000000000000003' + 'c3a931', 'hex'),
      Buffer.from('0000000000000008', 'hex'), Buffer.from(j.toString(16).padStart(16, '0'), 'hex'),
    ]);
    return littleEndian(sha512(t)) % ORDER;
  };
  assert.equal(rng(), expected(0));
  assert.equal(rng(), expected(1));
  assert.equal(rng(), expected(2));
  assert.throws(() => e2e.testRng(7), /test seed: expected text/);
});

test('the election digest hashes exactly the §3 inputs', () => {
  const params = {
    election_id: 'board-2027',
    setup: '11'.repeat(32),
    public_key: TWO_G,
    questions: [
      { id: 'chair', ballot_type: 'choose_one', min: 0, max: 1, options: ['ana', 'ben'] },
      { id: 'budget', ballot_type: 'score', min: -1, max: 1, options: ['x'] },
    ],
  };
  // Written out independently: every string length-prefixed, integers u64/i64 big-endian.
  const str = (b) => Buffer.concat([Buffer.from(b.length.toString(16).padStart(16, '0'), 'hex'), b]);
  const text = (s) => str(Buffer.from(s, 'utf8'));
  const int = (h) => str(Buffer.from(h, 'hex'));
  const expected = sha256(Buffer.concat([
    text('urna/v1/election'), text('board-2027'), int('11'.repeat(32)), int(TWO_G),
    int('0000000000000002'),
    text('chair'), text('choose_one'), int('0000000000000000'), int('0000000000000001'), int('0000000000000002'),
    text('ana'), text('ben'),
    text('budget'), text('score'), int('ffffffffffffffff'), int('0000000000000001'), int('0000000000000001'),
    text('x'),
  ])).toString('hex');
  assert.equal(e2e.electionDigest(params), expected);
  assert.equal(e2e.electionDigest(JSON.stringify(params)), expected);
});
