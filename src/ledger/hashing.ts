import * as nodeCrypto from 'node:crypto';
import { createHash, createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Batch hashing for the audit ledger.
 *
 * Per record the ledger needs the chain hash `HMAC-SHA256(key, prev ‖ nonce ‖ body)` and
 * the Merkle leaf hash `SHA-256(0x00 ‖ hash ‖ body)`; interior Merkle nodes are
 * `SHA-256(0x01 ‖ left ‖ right)`. node:crypto spends a few microseconds of fixed cost on
 * every createHmac/createHash, which dominates for records of a few hundred bytes, so a
 * native addon (native/ledger_hash.c, built at install time into
 * build/Release/ledger_hash.node) hashes a whole batch per call. When the addon was not
 * built, or `ATTEST_NO_NATIVE=1`, the node:crypto implementation below is used; both have
 * identical semantics and argument checks.
 */

/**
 * Hashes `n = nonces.length / 16` records. Body `i` is `bodies[offsets[i], offsets[i+1])`.
 * Returns `64 * n` bytes: for record `i`, bytes `[64i, 64i+32)` are
 * `HMAC-SHA256(key, p_i ‖ nonce_i ‖ body_i)` and bytes `[64i+32, 64i+64)` are
 * `SHA-256(0x00 ‖ h_i ‖ body_i)`.
 *
 * - append mode (`stored === null`): `p_0 = prev`, `p_i` = computed HMAC of record `i-1`,
 *   `h_i` = computed HMAC of record `i`.
 * - verify mode (`stored` is `32 * n` bytes): `p_0 = prev`, `p_i = stored[i-1]`,
 *   `h_i = stored[i]`, so every record is checked independently against the stored chain.
 */
export type HashBatch = (
  key: Uint8Array,
  prev: Uint8Array,
  nonces: Uint8Array,
  bodies: Uint8Array,
  offsets: Uint32Array,
  stored: Uint8Array | null,
) => Buffer<ArrayBuffer>;

/** `SHA-256(0x01 ‖ pair_j)` for each 64-byte `pair_j` of `pairs`; returns `32 * m` bytes. */
export type Sha256Nodes = (pairs: Uint8Array) => Buffer<ArrayBuffer>;

interface NativeAddon {
  hashBatch: HashBatch;
  sha256Nodes: Sha256Nodes;
  backend: string;
}

const DIGEST = 32;
const NONCE = 16;
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);
const EMPTY = Buffer.alloc(0);

function isBytes(v: unknown): v is Uint8Array {
  return v instanceof Uint8Array;
}

function typeError(message: string): TypeError {
  return Object.assign(new TypeError(message), { code: 'ERR_INVALID_ARG_TYPE' });
}

function rangeError(message: string): RangeError {
  return Object.assign(new RangeError(message), { code: 'ERR_OUT_OF_RANGE' });
}

/** `SHA-256(prefix ‖ a ‖ b)`. For inputs up to 64 KiB, uses the one-shot `crypto.hash`
 * (Node ≥ 20.12; about 1 µs less per call than `createHash`) over a scratch copy. */
const oneShot: ((algorithm: string, data: Uint8Array, enc: 'buffer') => Buffer) | undefined =
  typeof nodeCrypto.hash === 'function' ? nodeCrypto.hash : undefined;
const SCRATCH_MAX = 64 * 1024;
let scratch = Buffer.allocUnsafe(1024);
function prefixedSha256(prefix: number, a: Uint8Array, b: Uint8Array): Buffer {
  const len = 1 + a.length + b.length;
  if (!oneShot || len > SCRATCH_MAX) {
    return createHash('sha256')
      .update(prefix ? NODE_PREFIX : LEAF_PREFIX)
      .update(a)
      .update(b)
      .digest();
  }
  if (scratch.length < len) scratch = Buffer.allocUnsafe(Math.min(SCRATCH_MAX, Math.max(len, 2 * scratch.length)));
  scratch[0] = prefix;
  scratch.set(a, 1);
  scratch.set(b, 1 + a.length);
  return oneShot('sha256', scratch.subarray(0, len), 'buffer');
}

function asBuffer(v: Uint8Array): Buffer {
  return Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

/** The node:crypto implementation of {@link hashBatch}. */
export const jsHashBatch: HashBatch = (key, prev, nonces, bodies, offsets, stored) => {
  if (!isBytes(key)) throw typeError('key must be a Buffer or Uint8Array');
  if (!isBytes(prev)) throw typeError('prev must be a Buffer or Uint8Array');
  if (!isBytes(nonces)) throw typeError('nonces must be a Buffer or Uint8Array');
  if (!isBytes(bodies)) throw typeError('bodies must be a Buffer or Uint8Array');
  if (!(offsets instanceof Uint32Array)) throw typeError('offsets must be a Uint32Array');
  const verify = stored !== null && stored !== undefined;
  if (verify && !isBytes(stored)) throw typeError('stored must be a Buffer or Uint8Array');

  if (prev.length !== DIGEST) throw rangeError('prev must be 32 bytes');
  if (nonces.length % NONCE !== 0) throw rangeError('nonces length must be a multiple of 16');
  const n = nonces.length / NONCE;
  if (offsets.length !== n + 1) {
    throw rangeError('offsets must have (nonces.length / 16) + 1 entries');
  }
  for (let i = 0; i < n; i++) {
    if (offsets[i]! > offsets[i + 1]!) throw rangeError('offsets must be non-decreasing');
  }
  if (offsets[n]! > bodies.length) throw rangeError('offsets exceed bodies length');
  if (verify && stored.length !== DIGEST * n) throw rangeError('stored must be 32 * n bytes');

  const k = asBuffer(key);
  const p0 = asBuffer(prev);
  const nb = asBuffer(nonces);
  const bb = asBuffer(bodies);
  const sb = verify ? asBuffer(stored) : null;
  const out = Buffer.allocUnsafe(64 * n);
  for (let i = 0; i < n; i++) {
    const body = bb.subarray(offsets[i]!, offsets[i + 1]!);
    const p =
      i === 0
        ? p0
        : sb
          ? sb.subarray(DIGEST * (i - 1), DIGEST * i)
          : out.subarray(64 * (i - 1), 64 * (i - 1) + DIGEST);
    const mac = createHmac('sha256', k)
      .update(p)
      .update(nb.subarray(NONCE * i, NONCE * (i + 1)))
      .update(body)
      .digest();
    mac.copy(out, 64 * i);
    const h = sb ? sb.subarray(DIGEST * i, DIGEST * (i + 1)) : mac;
    prefixedSha256(0x00, h, body).copy(out, 64 * i + DIGEST);
  }
  return out;
};

/** The node:crypto implementation of {@link sha256Nodes}. */
export const jsSha256Nodes: Sha256Nodes = (pairs) => {
  if (!isBytes(pairs)) throw typeError('pairs must be a Buffer or Uint8Array');
  if (pairs.length % 64 !== 0) throw rangeError('pairs length must be a multiple of 64');
  const pb = asBuffer(pairs);
  const m = pb.length / 64;
  const out = Buffer.allocUnsafe(DIGEST * m);
  for (let j = 0; j < m; j++) {
    prefixedSha256(0x01, pb.subarray(64 * j, 64 * (j + 1)), EMPTY).copy(out, DIGEST * j);
  }
  return out;
};

/** Where the addon is expected: `<repo>/build/Release/ledger_hash.node`. This module runs
 * compiled as `<repo>/dist/src/ledger/hashing.js`, three levels below the repo root. */
export const nativeAddonPath = fileURLToPath(
  new URL('../../../build/Release/ledger_hash.node', import.meta.url),
);

/** Cross-checks the addon against node:crypto on a small fixed batch before trusting it. */
function selfTest(addon: NativeAddon): boolean {
  const key = Buffer.from('attest ledger self-test key');
  const prev = createHash('sha256').update('prev').digest();
  const bodies = Buffer.from('{"a":1}{"b":[2,3]}' + 'x'.repeat(130));
  const offsets = Uint32Array.from([0, 7, 18, 18, bodies.length]); // record 2 is empty
  const nonces = Buffer.alloc(NONCE * 4, 0xa5);
  const appended = addon.hashBatch(key, prev, nonces, bodies, offsets, null);
  if (!appended.equals(jsHashBatch(key, prev, nonces, bodies, offsets, null))) return false;
  const stored = Buffer.alloc(DIGEST * 4, 0x3c);
  const verified = addon.hashBatch(key, prev, nonces, bodies, offsets, stored);
  if (!verified.equals(jsHashBatch(key, prev, nonces, bodies, offsets, stored))) return false;
  return addon.sha256Nodes(appended).equals(jsSha256Nodes(appended));
}

function loadNative(): { addon: NativeAddon | null; error: string | null } {
  if (process.env['ATTEST_NO_NATIVE'] === '1') {
    return { addon: null, error: 'disabled by ATTEST_NO_NATIVE=1' };
  }
  try {
    const addon = createRequire(import.meta.url)(nativeAddonPath) as NativeAddon;
    if (typeof addon.hashBatch !== 'function' || typeof addon.sha256Nodes !== 'function') {
      return { addon: null, error: `${nativeAddonPath} does not export hashBatch/sha256Nodes` };
    }
    if (!selfTest(addon)) {
      return { addon: null, error: `${nativeAddonPath} disagrees with node:crypto; not used` };
    }
    return { addon, error: null };
  } catch (e) {
    return { addon: null, error: e instanceof Error ? e.message : String(e) };
  }
}

const loaded = loadNative();

/** The loaded addon, or `null` when falling back to node:crypto. */
export const nativeAddon: NativeAddon | null = loaded.addon;
/** True when the native addon is in use. */
export const nativeHashing: boolean = loaded.addon !== null;
/** Why the addon is not in use (`null` when it is). */
export const nativeUnavailableReason: string | null = loaded.error;

export const hashBatch: HashBatch = loaded.addon ? loaded.addon.hashBatch : jsHashBatch;
export const sha256Nodes: Sha256Nodes = loaded.addon ? loaded.addon.sha256Nodes : jsSha256Nodes;
