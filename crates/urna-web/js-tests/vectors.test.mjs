// The shared test vectors (record-format §10), written by crates/urna-crypto: with the test
// random generator, this module must produce every case's ballot byte for byte. Until the
// file exists (branch e2e-crypto), the test skips with a message. URNA_E2E_VECTORS may point
// at another copy of the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { e2e } from './load.mjs';

const path = process.env.URNA_E2E_VECTORS
  ? new URL(process.env.URNA_E2E_VECTORS, `file://${process.cwd()}/`)
  : new URL('../../urna-crypto/testdata/e2e-vectors.json', import.meta.url);

/** The first place where two JSON values differ, as a path like `questions[0].bits[3].proof`. */
function firstDifference(ours, theirs, at = 'ballot') {
  if (typeof ours !== typeof theirs || Array.isArray(ours) !== Array.isArray(theirs) || (ours === null) !== (theirs === null)) {
    return `${at}: ${JSON.stringify(ours)?.slice(0, 80)} ≠ ${JSON.stringify(theirs)?.slice(0, 80)}`;
  }
  if (ours === null || typeof ours !== 'object') return ours === theirs ? null : `${at}: ${ours} ≠ ${theirs}`;
  const oursKeys = Object.keys(ours);
  const theirKeys = Object.keys(theirs);
  if (oursKeys.join() !== theirKeys.join()) return `${at}: keys ${oursKeys} ≠ ${theirKeys}`;
  for (const key of oursKeys) {
    const difference = firstDifference(ours[key], theirs[key], Array.isArray(ours) ? `${at}[${key}]` : `${at}.${key}`);
    if (difference) return difference;
  }
  return null;
}

test('every case of e2e-vectors.json is reproduced byte for byte', (t) => {
  if (!existsSync(path)) {
    t.skip(`${path.pathname} is missing (written by crates/urna-crypto, branch e2e-crypto)`);
    return;
  }
  const vectors = JSON.parse(readFileSync(path, 'utf8'));
  assert.equal(vectors.v, 1);
  assert.ok(vectors.cases.length > 0, 'the file has cases');
  for (const c of vectors.cases) {
    const params = e2e.parseParams(c.parameters);
    assert.equal(e2e.electionDigest(params), c.election_digest, `${c.name}: election digest (§3)`);
    const { ballot, opening, tracker } = e2e.encryptBallot(params, c.bits, { credentialSecret: c.credential_secret, rng: e2e.testRng(c.seed) });
    const difference = firstDifference(ballot, c.ballot);
    assert.equal(difference, null, `${c.name}: first difference at ${difference}`);
    assert.equal(JSON.stringify(ballot), JSON.stringify(c.ballot), `${c.name}: same JSON text`);
    assert.equal(tracker, c.ballot_digest, `${c.name}: ballot digest`);
    assert.equal(e2e.verifyBallot(params, c.ballot), c.ballot_digest, `${c.name}: the Rust ballot verifies here`);
    // Our randomness opens the Rust ballot: the same draws in the same order.
    assert.deepEqual(e2e.verifyAudited(e2e.auditedBallot(params, c.ballot, opening)), c.bits, `${c.name}: audit`);
  }
});
