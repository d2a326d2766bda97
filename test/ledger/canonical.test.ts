import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalize } from '../../src/ledger/canonical.js';

test('RFC 8785: members sorted by UTF-16 code units, ES number and string serialisation, no whitespace', () => {
  // Sorting example in the spirit of RFC 8785 §3.2.3: code-unit order, not code-point or locale order.
  const obj = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
  // (read the keys from the text: Object.keys would put the integer-like "1" first)
  const keys = [...canonicalize(obj).matchAll(/"((?:[^"\\]|\\.)*)":/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
  assert.deepEqual(keys, ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
  assert.equal(canonicalize({ b: [3, 1e21, 1e-7, -0, 0.1 + 0.2], a: 'x\u2028"\\' }), '{"a":"x\u2028\\"\\\\","b":[3,1e+21,1e-7,0,0.30000000000000004]}');
  assert.equal(canonicalize({ z: { y: null, x: true }, u: undefined }), '{"z":{"x":true,"y":null}}');
  assert.equal(canonicalize([]), '[]');
  assert.equal(canonicalize({}), '{}');
});

test('values JSON cannot carry are refused, naming where', () => {
  assert.throws(() => canonicalize({ a: { b: Number.NaN } }), /\$\.a\.b: NaN cannot be represented/);
  assert.throws(() => canonicalize({ a: [1, () => 1] }), /\$\.a\[1\]: a function/);
  assert.throws(() => canonicalize({ a: 10n }), /bigint/);
});

test('a body canonicalised ahead of its seq and time, then completed, equals the canonical form of the whole body', async () => {
  const { pendingBody, withSeqAndTs } = await import('../../src/ledger/canonical.js');
  const { splitEvent, validateEvent } = await import('../../src/ledger/record.js');
  const variants = [
    { actor: { id: 'a', type: 'user' }, action: 'auth.login', outcome: 'success' },
    { actor: { id: 'a', type: 'user', email: 'a@x', ip: '10.0.0.1' }, action: 'task.assign', outcome: 'denied', target: { type: 'user', id: 'b', name: 'Bee' }, tenant: 't', ticket_id: 'CHG-1', request_id: 'r', metadata: { z: 1, '10': 'x', '9': [true, null, { b: 2, a: 'é\u2028' }] } },
    { actor: { id: 's', type: 'service' }, action: 'agent.execute', outcome: 'error', reporter: { id: 'gw', type: 'service' }, ticket_id: 'T' },
    { actor: { id: 's', type: 'system' }, action: 'config.change', outcome: 'success', tenant: 'acme' },
  ];
  for (const [i, v] of variants.entries()) {
    const body = splitEvent(validateEvent(v)).body as unknown as Record<string, unknown>;
    const ts = '2026-11-23T14:45:00.123456Z';
    assert.equal(withSeqAndTs(pendingBody(body), 1000 + i, ts), canonicalize({ ...body, seq: 1000 + i, ts }), `variant ${i}`);
  }
  assert.throws(() => pendingBody({ seq: 1 }), /assigned by the ledger/);
  assert.throws(() => pendingBody({ zzz: 1 }), /sorts after "ts"/);
});
