/**
 * Merkle tree hashing, inclusion proofs and consistency proofs following
 * RFC 9162 (Certificate Transparency version 2.0), section 2.1.
 *
 *   leaf hash      = SHA-256(0x00 || data)
 *   interior node  = SHA-256(0x01 || left || right)
 *   empty tree     = SHA-256("")
 *
 * Sizes and indices are plain numbers and may be as large as
 * Number.MAX_SAFE_INTEGER; no 32-bit bitwise operator is ever applied to them
 * (all shifting is done with arithmetic).
 *
 * Terminology: an "aligned complete subtree" at (level, index) is the perfect
 * subtree covering the 2^level leaves [index * 2^level, (index + 1) * 2^level).
 * Level 0 subtrees are single leaves, whose hash is the leaf hash.
 */
import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';

/** Length in bytes of every hash handled here. */
export const HASH_SIZE = 32;

/** Supplies the hash of the aligned complete subtree at (level, index). */
export type CompleteSubtreeHash = (level: number, index: number) => Buffer;

/** A contiguous range of leaves [start, start + size). */
export interface LeafRange {
  start: number;
  size: number;
}

/** Identifies the aligned complete subtree covering leaves [index * 2^level, (index + 1) * 2^level). */
export interface SubtreeId {
  level: number;
  index: number;
}

/** A subtree completed by CompactRange.append(). */
export interface CompletedSubtree extends SubtreeId {
  hash: Buffer;
}

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/**
 * RFC 9162 leaf hash: SHA-256(0x00 || data). The data may be given in parts (strings as
 * UTF-8), hashed as their concatenation: a record's leaf is its chain hash then its body.
 */
export function leafHash(...data: (Uint8Array | string)[]): Buffer {
  const h = createHash('sha256').update(LEAF_PREFIX);
  for (const d of data) h.update(d);
  return h.digest();
}

// One-shot SHA-256 (Node >= 20.12) is about twice as fast as a Hash object for the 65 bytes
// of an interior node; older Node falls back to createHash.
const oneShot = (crypto as { hash?: (alg: string, data: Uint8Array, enc: 'buffer') => Buffer }).hash;
const nodeInput = Buffer.alloc(1 + 2 * HASH_SIZE);
nodeInput[0] = 0x01;

/** RFC 9162 interior node hash: SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (oneShot && left.length === HASH_SIZE && right.length === HASH_SIZE) {
    nodeInput.set(left, 1);
    nodeInput.set(right, 1 + HASH_SIZE);
    return oneShot('sha256', nodeInput, 'buffer');
  }
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** MTH({}) = SHA-256() — the root of the empty tree. */
export const EMPTY_ROOT: Buffer = createHash('sha256').digest();

/** Lower-case hexadecimal form of a hash (or any bytes). */
export function hexOf(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}

// ---------------------------------------------------------------------------
// Integer helpers (arithmetic only; safe up to 2^53 - 1)

function checkCount(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer, got ${n}`);
  }
}

function checkHash(name: string, h: Uint8Array): void {
  if (!(h instanceof Uint8Array) || h.length !== HASH_SIZE) {
    const len = h instanceof Uint8Array ? `${h.length} bytes` : typeof h;
    throw new TypeError(`${name} must be a ${HASH_SIZE}-byte hash, got ${len}`);
  }
}

function isOdd(n: number): boolean {
  return n % 2 === 1;
}

function half(n: number): number {
  return Math.floor(n / 2);
}

function popcount(n: number): number {
  let count = 0;
  for (let s = n; s > 0; s = half(s)) {
    if (isOdd(s)) count++;
  }
  return count;
}

function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  let s = n;
  while (s > 1) {
    if (isOdd(s)) return false;
    s = half(s);
  }
  return true;
}

/** log2 of a power of two. */
function log2Exact(n: number): number {
  let level = 0;
  for (let s = n; s > 1; s = half(s)) level++;
  return level;
}

/** The k of RFC 9162: the largest power of two strictly less than n (requires n > 1). */
export function largestPowerOfTwoBelow(n: number): number {
  if (!Number.isSafeInteger(n) || n < 2) {
    throw new RangeError(`largestPowerOfTwoBelow requires a safe integer n > 1, got ${n}`);
  }
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

// ---------------------------------------------------------------------------
// Compact range (frontier of an append-only tree)

/**
 * The frontier of a tree of `size` leaves: the hashes of the aligned complete
 * subtrees given by the binary decomposition of `size`, largest (leftmost)
 * first. This is all the state needed to append further leaves and to compute
 * the root.
 */
export class CompactRange {
  #size: number;
  #hashes: Buffer[];

  constructor(size = 0, hashes: Buffer[] = []) {
    checkCount('size', size);
    const expected = popcount(size);
    if (hashes.length !== expected) {
      throw new Error(
        `CompactRange of size ${size} needs exactly ${expected} frontier hashes, got ${hashes.length}`,
      );
    }
    hashes.forEach((h, i) => checkHash(`hashes[${i}]`, h));
    this.#size = size;
    this.#hashes = hashes.map((h) => Buffer.from(h));
  }

  /** Number of leaves in the tree. */
  get size(): number {
    return this.#size;
  }

  /** The frontier hashes, largest subtree first (a copy). */
  get hashes(): Buffer[] {
    return this.#hashes.map((h) => Buffer.from(h));
  }

  /**
   * Appends one leaf hash (already computed with leafHash) and returns every
   * subtree of level >= 1 completed by this leaf, smallest first.
   */
  append(leaf: Buffer): CompletedSubtree[] {
    checkHash('leaf', leaf);
    if (this.#size >= Number.MAX_SAFE_INTEGER) {
      throw new RangeError('CompactRange is full (size would exceed Number.MAX_SAFE_INTEGER)');
    }
    const newSize = this.#size + 1;
    const completed: CompletedSubtree[] = [];
    let hash: Buffer = Buffer.from(leaf);
    let level = 0;
    // Each trailing 1-bit of the old size is a frontier subtree that the new
    // leaf's subtree now completes (merges with) on its right.
    for (let s = this.#size; isOdd(s); s = half(s)) {
      const left = this.#hashes.pop();
      if (left === undefined) throw new Error('CompactRange internal state is inconsistent');
      hash = nodeHash(left, hash);
      level++;
      completed.push({ level, index: newSize / 2 ** level - 1, hash: Buffer.from(hash) });
    }
    this.#hashes.push(hash);
    this.#size = newSize;
    return completed;
  }

  /** RFC 9162 MTH of the whole tree (EMPTY_ROOT when empty). */
  root(): Buffer {
    const n = this.#hashes.length;
    if (n === 0) return Buffer.from(EMPTY_ROOT);
    // The RFC split puts the largest power of two on the left, so the root
    // folds the frontier from right to left.
    let h = this.#hashes[n - 1]!;
    for (let i = n - 2; i >= 0; i--) h = nodeHash(this.#hashes[i]!, h);
    return Buffer.from(h);
  }

  clone(): CompactRange {
    return new CompactRange(this.#size, this.#hashes);
  }
}

// ---------------------------------------------------------------------------
// Subtree hashes via the RFC recursion

function checkRange(start: number, size: number): void {
  checkCount('start', start);
  checkCount('size', size);
  if (!Number.isSafeInteger(start + size)) {
    throw new RangeError(`range [${start}, ${start} + ${size}) exceeds Number.MAX_SAFE_INTEGER`);
  }
}

/**
 * The aligned complete subtrees, left to right, that the RFC recursion for
 * MTH(D[start:start+size]) reaches. For the ranges produced by the RFC
 * recursion over a tree (start a multiple of the smallest power of two >= size)
 * this is the binary decomposition of size, largest first. An empty range
 * decomposes into nothing.
 */
export function decompose(start: number, size: number): SubtreeId[] {
  checkRange(start, size);
  const out: SubtreeId[] = [];
  const walk = (s: number, n: number): void => {
    if (n === 0) return;
    if (isPowerOfTwo(n) && s % n === 0) {
      out.push({ level: log2Exact(n), index: s / n });
      return;
    }
    const k = largestPowerOfTwoBelow(n);
    walk(s, k);
    walk(s + k, n - k);
  };
  walk(start, size);
  return out;
}

/**
 * MTH(D[start:start+size]) computed by the RFC split (k = largest power of two
 * < size), asking `complete` for the aligned complete subtrees it reaches.
 * An empty range hashes to EMPTY_ROOT.
 */
export function subtreeHash(start: number, size: number, complete: CompleteSubtreeHash): Buffer {
  checkRange(start, size);
  if (size === 0) return Buffer.from(EMPTY_ROOT);
  const walk = (s: number, n: number): Buffer => {
    if (isPowerOfTwo(n) && s % n === 0) {
      const level = log2Exact(n);
      const index = s / n;
      const h = complete(level, index);
      checkHash(`complete(${level}, ${index})`, h);
      return h;
    }
    const k = largestPowerOfTwoBelow(n);
    return nodeHash(walk(s, k), walk(s + k, n - k));
  };
  return walk(start, size);
}

// ---------------------------------------------------------------------------
// Inclusion proofs (RFC 9162 §2.1.3)

/**
 * The leaf ranges whose hashes form PATH(index, D[size]), in RFC order
 * (the sibling of the leaf first, the sibling nearest the root last).
 */
export function inclusionPlan(index: number, size: number): LeafRange[] {
  checkCount('index', index);
  checkCount('size', size);
  if (index >= size) {
    throw new RangeError(`leaf index ${index} is outside a tree of size ${size}`);
  }
  // Walk down from the root; the RFC appends each sibling after the deeper path.
  const topDown: LeafRange[] = [];
  let start = 0;
  let n = size;
  let m = index;
  while (n > 1) {
    const k = largestPowerOfTwoBelow(n);
    if (m < k) {
      topDown.push({ start: start + k, size: n - k });
      n = k;
    } else {
      topDown.push({ start, size: k });
      start += k;
      m -= k;
      n -= k;
    }
  }
  return topDown.reverse();
}

/** PATH(index, D[size]) of RFC 9162 §2.1.3.1. */
export function inclusionProof(index: number, size: number, complete: CompleteSubtreeHash): Buffer[] {
  return inclusionPlan(index, size).map((r) => subtreeHash(r.start, r.size, complete));
}

/**
 * The root hash implied by an inclusion proof (RFC 9162 §2.1.3.2). Throws if
 * the index is outside the tree, a hash has the wrong length, or the proof has
 * the wrong number of elements for (index, size).
 */
export function rootFromInclusionProof(index: number, size: number, leaf: Buffer, proof: Buffer[]): Buffer {
  checkInclusionArgs(index, size, leaf, proof);
  const s: Fold = { fn: index, sn: size - 1, r: Buffer.from(leaf) };
  for (const p of proof) foldStep(s, p, index, size, proof.length);
  if (s.sn !== 0) throw tooShort(index, size, proof.length);
  return s.r;
}

/** The running state of RFC 9162 §2.1.3.2's fold: fn, sn and the hash so far. */
interface Fold {
  fn: number;
  sn: number;
  r: Buffer;
}

function checkInclusionArgs(index: number, size: number, leaf: Buffer, proof: Buffer[]): void {
  checkCount('index', index);
  checkCount('size', size);
  if (index >= size) throw new RangeError(`leaf index ${index} is outside a tree of size ${size}`);
  checkHash('leaf', leaf);
  for (let i = 0; i < proof.length; i++) checkHash(`proof[${i}]`, proof[i]!);
}

/** One step of the fold: the running hash combined with the next proof hash `p`. */
function foldStep(s: Fold, p: Buffer, index: number, size: number, proofLength: number): void {
  if (s.sn === 0) throw new Error(`inclusion proof for leaf ${index} in a tree of size ${size} is too long: got ${proofLength} hashes`);
  if (isOdd(s.fn) || s.fn === s.sn) {
    s.r = nodeHash(p, s.r);
    while (!isOdd(s.fn) && s.fn !== 0) {
      s.fn = half(s.fn);
      s.sn = half(s.sn);
    }
  } else {
    s.r = nodeHash(s.r, p);
  }
  s.fn = half(s.fn);
  s.sn = half(s.sn);
}

const tooShort = (index: number, size: number, n: number) => new Error(`inclusion proof for leaf ${index} in a tree of size ${size} is too short: got ${n} hashes`);

/**
 * Checks many inclusion proofs against one tree (size and root), sharing the work between
 * them. The fold of RFC 9162 §2.1.3.2 is a deterministic walk whose state before each proof
 * hash is (fn, sn, running hash); the state at every step of the last proof that reached the
 * root is kept. A later proof that reaches a kept state (same step, fn, sn and running hash)
 * and whose remaining proof hashes are the same bytes must end the same way, at the root, so
 * its fold stops there. Proofs of neighbouring leaves differ only in their first steps: in
 * leaf order a run of proofs costs about two hashes each instead of log2(size). The answer is
 * always the one rootFromInclusionProof(...).equals(root) gives, errors included. The leaf and
 * proof of an accepted proof are kept by reference: do not change them after the call.
 */
export class InclusionChecker {
  // The kept states, by step: fn, sn, running hash, and the proof whose remaining hashes follow.
  #fn: number[] = [];
  #sn: number[] = [];
  #r: Buffer[] = [];
  #proof: Buffer[][] = [];
  // This proof's states, committed to the kept ones once it reaches the root.
  #curFn: number[] = [];
  #curSn: number[] = [];
  #curR: Buffer[] = [];
  constructor(readonly size: number, readonly root: Buffer) {
    checkCount('size', size);
    checkHash('root', root);
  }

  /** True iff `proof` leads from `leaf` at `index` to the root; throws as rootFromInclusionProof does. */
  check(index: number, leaf: Buffer, proof: Buffer[]): boolean {
    const size = this.size;
    checkInclusionArgs(index, size, leaf, proof);
    const kFn = this.#fn;
    const kSn = this.#sn;
    const kR = this.#r;
    const kProof = this.#proof;
    const s: Fold = { fn: index, sn: size - 1, r: leaf };
    let k = 0;
    for (; k < proof.length; k++) {
      if (kFn[k] === s.fn && kSn[k] === s.sn && kR[k]!.equals(s.r) && sameTail(kProof[k]!, proof, k)) break;
      this.#curFn[k] = s.fn;
      this.#curSn[k] = s.sn;
      this.#curR[k] = s.r;
      foldStep(s, proof[k]!, index, size, proof.length);
    }
    if (k === proof.length) {
      if (s.sn !== 0) throw tooShort(index, size, proof.length);
      if (!s.r.equals(this.root)) return false;
    }
    // Reached the root (or a state known to): keep this proof's states for the next.
    for (let i = 0; i < k; i++) {
      kFn[i] = this.#curFn[i]!;
      kSn[i] = this.#curSn[i]!;
      kR[i] = this.#curR[i]!;
      kProof[i] = proof;
    }
    return true;
  }
}

function sameTail(a: Buffer[], b: Buffer[], from: number): boolean {
  if (a.length !== b.length) return false;
  for (let i = from; i < a.length; i++) if (a[i] !== b[i] && !a[i]!.equals(b[i]!)) return false;
  return true;
}

/** True iff `proof` shows that `leaf` (a leaf hash) is at `index` in the tree of `size` leaves with `root`. */
export function verifyInclusion(index: number, size: number, leaf: Buffer, proof: Buffer[], root: Buffer): boolean {
  try {
    return rootFromInclusionProof(index, size, leaf, proof).equals(root);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// Consistency proofs (RFC 9162 §2.1.4)

/**
 * The leaf ranges whose hashes form PROOF(m, D[n]) (SUBPROOF(m, D[n], true)),
 * in RFC order. Empty when m = 0 or m = n.
 */
export function consistencyPlan(m: number, n: number): LeafRange[] {
  checkCount('m', m);
  checkCount('n', n);
  if (m > n) throw new RangeError(`old tree size ${m} exceeds new tree size ${n}`);
  if (m === 0 || m === n) return [];
  const topDown: LeafRange[] = [];
  let start = 0;
  let size = n;
  let mm = m;
  let b = true;
  while (mm !== size) {
    const k = largestPowerOfTwoBelow(size);
    if (mm <= k) {
      topDown.push({ start: start + k, size: size - k });
      size = k;
    } else {
      topDown.push({ start, size: k });
      start += k;
      mm -= k;
      size -= k;
      b = false;
    }
  }
  // SUBPROOF(m, D[m], false) = {MTH(D[m])}; with b = true it is empty.
  if (!b) topDown.push({ start, size });
  return topDown.reverse();
}

/** PROOF(m, D[n]) of RFC 9162 §2.1.4.1. */
export function consistencyProof(m: number, n: number, complete: CompleteSubtreeHash): Buffer[] {
  return consistencyPlan(m, n).map((r) => subtreeHash(r.start, r.size, complete));
}

/**
 * RFC 9162 §2.1.4.2: true iff `proof` shows the tree of size m with root
 * `rootM` is a prefix of the tree of size n with root `rootN`.
 * m = n: consistent iff the proof is empty and the roots are equal.
 * m = 0: consistent iff the proof is empty and rootM is EMPTY_ROOT.
 * Never throws on malformed input; it returns false.
 */
export function verifyConsistency(m: number, n: number, rootM: Buffer, rootN: Buffer, proof: Buffer[]): boolean {
  if (!Number.isSafeInteger(m) || !Number.isSafeInteger(n) || m < 0 || m > n) return false;
  if (!(rootM instanceof Uint8Array) || !(rootN instanceof Uint8Array)) return false;
  if (rootM.length !== HASH_SIZE || rootN.length !== HASH_SIZE) return false;
  if (!proof.every((p) => p instanceof Uint8Array && p.length === HASH_SIZE)) return false;

  if (m === 0) return proof.length === 0 && rootM.equals(EMPTY_ROOT);
  if (m === n) return proof.length === 0 && rootM.equals(rootN);
  if (proof.length === 0) return false;

  const path = isPowerOfTwo(m) ? [rootM, ...proof] : proof;
  let fn = m - 1;
  let sn = n - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && fr.equals(rootM) && sr.equals(rootN);
}
