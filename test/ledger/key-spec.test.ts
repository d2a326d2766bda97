// keySpec: any provider's keys, rebuilt as an EnvKeyProvider in a worker thread, are the same
// keys (HMAC keys with their times, the signing key, the retired public keys).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sign, verify } from 'node:crypto';
import { EnvKeyProvider, keySpec, openKeys } from '../../src/ledger/keys.js';

test('keySpec of a rotated key directory rebuilds the same keys', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'attest-keyspec-')), 'keys');
  const p = openKeys(dir, { create: true, env: {} });
  const firstSigning = p.signing().kid;
  p.rotate();
  p.rotateSigning();
  const q = new EnvKeyProvider(keySpec(p));
  assert.equal(q.activeHmac().kid, p.activeHmac().kid);
  assert.deepEqual(q.hmacKeys().map((k) => [k.kid, k.key.toString('hex'), k.created, k.retired]), p.hmacKeys().map((k) => [k.kid, k.key.toString('hex'), k.created, k.retired]));
  assert.equal(q.signing().kid, p.signing().kid);
  assert.equal(q.signing().publicKeyPem, p.signing().publicKeyPem);
  const sig = sign(null, Buffer.from('x'), q.signing().privateKey);
  assert.ok(verify(null, Buffer.from('x'), p.signing().publicKey, sig));
  assert.equal(q.signingPublic(firstSigning)?.publicKeyPem, p.signingPublic(firstSigning)?.publicKeyPem);
  assert.deepEqual(q.signingKeys().map((k) => k.kid), p.signingKeys().map((k) => k.kid));
});
