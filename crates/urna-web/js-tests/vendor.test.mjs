// The vendored @noble bundle is the file scripts/refresh-noble wrote (checksum), the module
// imports exactly that version, and the bundle computes ristretto255 as RFC 9496 specifies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { staticDir } from './load.mjs';

const vendorDir = new URL('vendor/', staticDir);
const bundle = readFileSync(new URL('noble.js', vendorDir));
const sha256 = createHash('sha256').update(bundle).digest('hex');

test('noble.js matches vendor/noble.sha256', () => {
  const recorded = readFileSync(new URL('noble.sha256', vendorDir), 'utf8');
  assert.match(recorded, /^[0-9a-f]{64} {2}noble\.js\n$/, 'noble.sha256 is one sha256sum line');
  assert.equal(sha256, recorded.slice(0, 64), 'noble.js was changed after scripts/refresh-noble');
});

test('urna-e2e.js imports this bundle, versioned by its hash as static_files.rs does', () => {
  const module = readFileSync(new URL('urna-e2e.js', staticDir), 'utf8');
  const imports = [...module.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
  // static_files::url versions a file with the first 16 hex digits of its SHA-256.
  assert.deepEqual(imports, [`./noble.js?v=${sha256.slice(0, 16)}`]);
});

test('the licences of both packages are vendored', () => {
  const licence = readFileSync(new URL('LICENSE.noble', vendorDir), 'utf8');
  assert.match(licence, /== @noble\/curves/);
  assert.match(licence, /== @noble\/hashes/);
  assert.equal(licence.match(/MIT License/g)?.length, 2);
});

test('the bundle encodes multiples of the generator as RFC 9496 appendix A.1 lists', async () => {
  const { RistrettoPoint } = await import(new URL('noble.js', vendorDir));
  const hex = (p) => Buffer.from(p.toBytes()).toString('hex');
  // RFC 9496 A.1, "Multiples of the generator": B, 2B, 3B.
  assert.equal(hex(RistrettoPoint.BASE), 'e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76');
  assert.equal(hex(RistrettoPoint.BASE.multiply(2n)), '6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919');
  assert.equal(hex(RistrettoPoint.BASE.multiply(3n)), '94741f5d5d52755ece4f23f044ee27d5d1ea1e2bd196b462166b16152a9d0259');
  // RFC 9496 A.2 "Invalid encodings": a non-canonical field element (s = p) is refused.
  const p = 'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f';
  assert.throws(() => RistrettoPoint.fromBytes(Buffer.from(p, 'hex')));
});
