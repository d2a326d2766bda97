import { prng as rng } from '../../bench/prng.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import {
  hashBatch,
  jsHashBatch,
  jsSha256Nodes,
  nativeAddonPath,
  nativeHashing,
  sha256Nodes,
  type HashBatch,
  type Sha256Nodes,
} from '../../src/ledger/hashing.js';

// ---------------------------------------------------------------------------------------
// Independent reference: one-shot node:crypto over concatenated inputs.

function refHmac(key: Buffer, prev: Buffer, nonce: Buffer, body: Buffer): Buffer {
  return createHmac('sha256', key).update(Buffer.concat([prev, nonce, body])).digest();
}
function refLeaf(h: Buffer, body: Buffer): Buffer {
  return createHash('sha256').update(Buffer.concat([Buffer.from([0]), h, body])).digest();
}
function refNode(l: Buffer, r: Buffer): Buffer {
  return createHash('sha256').update(Buffer.concat([Buffer.from([1]), l, r])).digest();
}

interface Batch {
  key: Buffer;
  prev: Buffer;
  nonces: Buffer;
  bodies: Buffer;
  offsets: Uint32Array;
  list: Buffer[]; // the bodies, one per record
}

/** Expected output, computed record by record from the specification. */
function reference(b: Batch, stored: Buffer | null): Buffer {
  const n = b.list.length;
  const out = Buffer.alloc(64 * n);
  let prev = b.prev;
  for (let i = 0; i < n; i++) {
    const nonce = b.nonces.subarray(16 * i, 16 * i + 16);
    const mac = refHmac(b.key, prev, nonce, b.list[i]!);
    const h = stored ? stored.subarray(32 * i, 32 * i + 32) : mac;
    mac.copy(out, 64 * i);
    refLeaf(h, b.list[i]!).copy(out, 64 * i + 32);
    prev = stored ? stored.subarray(32 * i, 32 * i + 32) : mac;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Deterministic random batches (mulberry32), so a failure can be reproduced from the seed.


function bytes(r: () => number, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(r() * 256);
  return b;
}

/** Canonical-JSON-like UTF-8 body of roughly `size` bytes (non-ASCII included). */
function jsonBody(r: () => number, size: number): Buffer {
  const chars = [...'abcdefghijklmnopqrstuvwxyz0123456789 éü€🔒'];
  const picked: string[] = [];
  for (let n = 0; n < size; ) {
    const c = chars[Math.floor(r() * chars.length)]!;
    picked.push(c);
    n += Buffer.byteLength(c);
  }
  const note = picked.join('');
  const body = JSON.stringify({ actor: 'svc-' + Math.floor(r() * 1e6), note, seq: Math.floor(r() * 1e9) });
  return Buffer.from(body, 'utf8');
}

const KEY_LENGTHS = [0, 1, 16, 32, 63, 64, 65, 100, 200];

function makeBatch(seed: number, opts: { empty?: boolean; huge?: boolean } = {}): Batch {
  const r = rng(seed);
  const n = 1 + Math.floor(r() * 50);
  const key = bytes(r, KEY_LENGTHS[Math.floor(r() * KEY_LENGTHS.length)]!);
  const list: Buffer[] = [];
  for (let i = 0; i < n; i++) list.push(jsonBody(r, 300 + Math.floor(r() * 300)));
  if (opts.empty) list[Math.floor(r() * n)] = Buffer.alloc(0);
  if (opts.huge) list[Math.floor(r() * n)] = jsonBody(r, 100 * 1024);
  // Leading junk so offsets[0] != 0, and a subarray view so byteOffset != 0.
  const lead = Math.floor(r() * 8);
  const backing = Buffer.concat([bytes(r, 5), bytes(r, lead), ...list, bytes(r, 3)]);
  const bodies = backing.subarray(5);
  const offsets = new Uint32Array(n + 1);
  offsets[0] = lead;
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + list[i]!.length;
  return { key, prev: bytes(r, 32), nonces: bytes(r, 16 * n), bodies, offsets, list };
}

function storedFor(b: Batch, seed: number): Buffer {
  // A valid chain with a few tampered entries, so verify mode sees both kinds.
  const stored = Buffer.alloc(32 * b.list.length);
  const appended = reference(b, null);
  for (let i = 0; i < b.list.length; i++) appended.copy(stored, 32 * i, 64 * i, 64 * i + 32);
  const r = rng(seed ^ 0x5eed);
  for (let i = 0; i < b.list.length; i++) if (r() < 0.2) bytes(r, 32).copy(stored, 32 * i);
  return stored;
}

const SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i);

function checkImplementation(name: string, hb: HashBatch, sn: Sha256Nodes): void {
  for (const seed of SEEDS) {
    const b = makeBatch(seed, { empty: seed % 3 === 0, huge: seed % 10 === 0 });
    const appended = hb(b.key, b.prev, b.nonces, b.bodies, b.offsets, null);
    assert.ok(Buffer.isBuffer(appended), `${name}: returns a Buffer`);
    assert.equal(appended.length, 64 * b.list.length);
    assert.deepEqual(appended, reference(b, null), `${name}: append mode, seed ${seed}`);

    const stored = storedFor(b, seed);
    const verified = hb(b.key, b.prev, b.nonces, b.bodies, b.offsets, stored);
    assert.deepEqual(verified, reference(b, stored), `${name}: verify mode, seed ${seed}`);

    const pairs = appended; // 64-byte records double as node pairs
    const nodes = sn(pairs);
    assert.equal(nodes.length, 32 * b.list.length);
    for (let j = 0; j < b.list.length; j++) {
      const expected = refNode(pairs.subarray(64 * j, 64 * j + 32), pairs.subarray(64 * j + 32, 64 * j + 64));
      assert.deepEqual(nodes.subarray(32 * j, 32 * j + 32), expected, `${name}: node ${j}, seed ${seed}`);
    }
  }

  // Append mode over an untampered chain agrees with verify mode over that chain.
  const b = makeBatch(7, { empty: true, huge: true });
  const appended = hb(b.key, b.prev, b.nonces, b.bodies, b.offsets, null);
  const chain = Buffer.alloc(32 * b.list.length);
  for (let i = 0; i < b.list.length; i++) appended.copy(chain, 32 * i, 64 * i, 64 * i + 32);
  assert.deepEqual(hb(b.key, b.prev, b.nonces, b.bodies, b.offsets, chain), appended, name);

  // Plain Uint8Array (not Buffer) inputs.
  const u8 = (x: Buffer) => new Uint8Array(x);
  assert.deepEqual(
    hb(u8(b.key), u8(b.prev), u8(b.nonces), u8(b.bodies), b.offsets, u8(chain)),
    appended,
    `${name}: Uint8Array inputs`,
  );

  // Empty batch, empty pairs.
  const none = hb(b.key, b.prev, Buffer.alloc(0), Buffer.alloc(0), new Uint32Array(1), null);
  assert.equal(none.length, 0);
  assert.equal(hb(b.key, b.prev, Buffer.alloc(0), Buffer.alloc(0), new Uint32Array(1), Buffer.alloc(0)).length, 0);
  assert.equal(sn(Buffer.alloc(0)).length, 0);
}

function checkErrors(name: string, hb: HashBatch, sn: Sha256Nodes): void {
  const key = Buffer.alloc(32, 1);
  const prev = Buffer.alloc(32, 2);
  const nonces = Buffer.alloc(32, 3);
  const bodies = Buffer.from('{"a":1}{"b":2}');
  const offsets = Uint32Array.from([0, 7, 14]);
  const range = { name: 'RangeError', code: 'ERR_OUT_OF_RANGE' };
  const type = { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' };
  const call = (...a: unknown[]) => () => (hb as (...x: unknown[]) => Buffer)(...a);
  assert.throws(call(key, Buffer.alloc(31), nonces, bodies, offsets, null), range, `${name}: prev`);
  assert.throws(call(key, prev, Buffer.alloc(33), bodies, offsets, null), range, `${name}: nonces`);
  assert.throws(call(key, prev, nonces, bodies, Uint32Array.from([0, 7]), null), range, `${name}: offsets count`);
  assert.throws(call(key, prev, nonces, bodies, Uint32Array.from([0, 8, 7]), null), range, `${name}: decreasing`);
  assert.throws(call(key, prev, nonces, bodies, Uint32Array.from([0, 7, 15]), null), range, `${name}: past end`);
  assert.throws(call(key, prev, nonces, bodies, offsets, Buffer.alloc(63)), range, `${name}: stored`);
  assert.throws(call('key', prev, nonces, bodies, offsets, null), type, `${name}: key type`);
  assert.throws(call(key, prev, nonces, bodies, [0, 7, 14], null), type, `${name}: offsets type`);
  assert.throws(call(key, prev, nonces, bodies, new Int32Array(3), null), type, `${name}: offsets Int32Array`);
  assert.throws(call(key, prev, nonces, bodies, offsets, 'stored'), type, `${name}: stored type`);
  assert.throws(() => (sn as (x: unknown) => Buffer)(Buffer.alloc(65)), range, `${name}: pairs length`);
  assert.throws(() => (sn as (x: unknown) => Buffer)([1, 2]), type, `${name}: pairs type`);
}

// ---------------------------------------------------------------------------------------

interface Addon {
  hashBatch: HashBatch;
  sha256Nodes: Sha256Nodes;
}
// Loaded directly (not through the module's loader) so ATTEST_NO_NATIVE does not hide it.
const addon: Addon | null = existsSync(nativeAddonPath)
  ? (createRequire(import.meta.url)(nativeAddonPath) as Addon)
  : null;
const NOT_BUILT = `native addon not built (${nativeAddonPath} missing; run npm install)`;

test('hashing: node:crypto fallback matches the specification', () => {
  checkImplementation('js', jsHashBatch, jsSha256Nodes);
});

test('hashing: native addon matches the specification', (t) => {
  if (!addon) return t.skip(NOT_BUILT);
  checkImplementation('native', addon.hashBatch, addon.sha256Nodes);
});

test('hashing: native and node:crypto agree byte for byte', (t) => {
  if (!addon) return t.skip(NOT_BUILT);
  for (let seed = 1; seed <= 60; seed++) {
    const b = makeBatch(seed * 7919, { empty: seed % 2 === 0, huge: seed % 15 === 0 });
    for (const stored of [null, storedFor(b, seed)]) {
      assert.deepEqual(
        addon.hashBatch(b.key, b.prev, b.nonces, b.bodies, b.offsets, stored),
        jsHashBatch(b.key, b.prev, b.nonces, b.bodies, b.offsets, stored),
        `seed ${seed}, ${stored ? 'verify' : 'append'}`,
      );
    }
    const pairs = bytes(rng(seed), 64 * (1 + (seed % 50)));
    assert.deepEqual(addon.sha256Nodes(pairs), jsSha256Nodes(pairs), `nodes, seed ${seed}`);
  }
});

test('hashing: argument errors (node:crypto fallback)', () => {
  checkErrors('js', jsHashBatch, jsSha256Nodes);
});

test('hashing: argument errors (native)', (t) => {
  if (!addon) return t.skip(NOT_BUILT);
  checkErrors('native', addon.hashBatch, addon.sha256Nodes);
});

test('hashing: exported functions use the addon when it is built', (t) => {
  if (!addon) return t.skip(NOT_BUILT);
  if (process.env['ATTEST_NO_NATIVE'] === '1') return t.skip('ATTEST_NO_NATIVE=1 is set');
  assert.equal(nativeHashing, true);
  assert.equal(hashBatch, addon.hashBatch);
  assert.equal(sha256Nodes, addon.sha256Nodes);
});

test('hashing: ATTEST_NO_NATIVE=1 forces the node:crypto fallback', () => {
  const mod = new URL('../../src/ledger/hashing.js', import.meta.url).href;
  const script =
    `const m = await import(${JSON.stringify(mod)});` +
    `console.log(JSON.stringify([m.nativeHashing, m.hashBatch === m.jsHashBatch, m.sha256Nodes === m.jsSha256Nodes]));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, ATTEST_NO_NATIVE: '1' },
    encoding: 'utf8',
  });
  assert.deepEqual(JSON.parse(out), [false, true, true]);
  assert.ok(fileURLToPath(mod).endsWith('hashing.js'));
});
