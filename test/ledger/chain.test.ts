import assert from 'node:assert/strict';
import { test } from 'node:test';
import { piiCommitments } from '../../src/ledger/chain.js';
import { canonicalize } from '../../src/ledger/canonical.js';

const base = { action: 'auth.login', actor: { id: 'u1', type: 'user' }, outcome: 'success', seq: 7, ts: '2026-01-01T00:00:00.000000Z' };

test('piiCommitments reads the top-level commitments only, whatever metadata, subjects and targets hold', () => {
  const pii = [
    { commitment: 'a'.repeat(64), fields: ['actor.email'], subject: 'u1' },
    { commitment: 'b'.repeat(64), fields: ['target.name'], subject: 'x}],"seq":1,"outcome":"error' },
  ];
  const tricky = {
    ...base,
    metadata: { pii: [{ commitment: 'forged', fields: [], subject: 'm' }], outcome: 'denied', nested: { seq: 3 }, text: '}],"seq":' },
    pii,
    request_id: 'r,"seq":9',
    target: { type: 'user', id: '}],"pii":[', name: ',"outcome":"success' },
    tenant: 't,"seq":2',
  };
  assert.deepEqual(piiCommitments(canonicalize(tricky)), pii);
  // No top-level personal data: a "pii" member inside metadata is not mistaken for it.
  const none = { ...base, metadata: { pii: [{ commitment: 'forged', fields: [], subject: 'm' }], outcome: 'error' } };
  assert.deepEqual(piiCommitments(canonicalize(none)), []);
  assert.deepEqual(piiCommitments(canonicalize(base)), []);
  // With a reporter between pii and request_id.
  const rep = { ...base, pii: [pii[0]], reporter: { id: 'svc', type: 'service' }, request_id: 'r' };
  assert.deepEqual(piiCommitments(canonicalize(rep)), [pii[0]]);
});
