import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  CompactRange,
  EMPTY_ROOT,
  consistencyPlan,
  consistencyProof,
  decompose,
  hexOf,
  inclusionPlan,
  inclusionProof,
  largestPowerOfTwoBelow,
  leafHash,
  nodeHash,
  rootFromInclusionProof,
  subtreeHash,
  verifyConsistency,
  verifyInclusion,
} from '../../src/ledger/merkle.js';

// ---------------------------------------------------------------------------
// Independent reference: RFC 9162 §2.1.1 MTH by direct recursion over the data.

function sha256(...parts: Uint8Array[]): Buffer {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
}

function refMTH(data: Buffer[]): Buffer {
  if (data.length === 0) return sha256();
  if (data.length === 1) return sha256(Buffer.from([0x00]), data[0]!);
  let k = 1;
  while (k * 2 < data.length) k *= 2;
  return sha256(Buffer.from([0x01]), refMTH(data.slice(0, k)), refMTH(data.slice(k)));
}

function makeData(n: number): Buffer[] {
  return Array.from({ length: n }, (_, i) => Buffer.from(`leaf-${i}`));
}

/** A `complete` callback that computes aligned subtree hashes from the leaf data. */
function completeFrom(data: Buffer[]) {
  const memo = new Map<string, Buffer>();
  return (level: number, index: number): Buffer => {
    const width = 2 ** level;
    const start = index * width;
    assert.ok(Number.isInteger(level) && level >= 0, `bad level ${level}`);
    assert.ok(Number.isInteger(index) && index >= 0, `bad index ${index}`);
    assert.ok(start + width <= data.length, `subtree (${level}, ${index}) lies outside ${data.length} leaves`);
    const key = `${level}:${index}`;
    let h = memo.get(key);
    if (!h) {
      h = refMTH(data.slice(start, start + width));
      memo.set(key, h);
    }
    return h;
  };
}

function flipped(b: Buffer, byte = 0): Buffer {
  const c = Buffer.from(b);
  c[byte] = c[byte]! ^ 0x01;
  return c;
}

const MAX = 40;
const DATA = makeData(Math.max(MAX, 70));
const ROOTS = Array.from({ length: MAX + 1 }, (_, n) => refMTH(DATA.slice(0, n)));
const COMPLETE = completeFrom(DATA);

// ---------------------------------------------------------------------------

test('known answers: empty tree, 1-leaf tree over "", 2-leaf tree over a, b', () => {
  assert.equal(hexOf(EMPTY_ROOT), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.deepEqual(new CompactRange().root(), EMPTY_ROOT);

  const one = new CompactRange();
  one.append(leafHash(Buffer.from('')));
  assert.deepEqual(one.root(), sha256(Buffer.from([0x00])));
  assert.equal(hexOf(one.root()), '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');

  const la = sha256(Buffer.from([0x00]), Buffer.from('a'));
  const lb = sha256(Buffer.from([0x00]), Buffer.from('b'));
  assert.deepEqual(leafHash(Buffer.from('a')), la);
  assert.deepEqual(nodeHash(la, lb), sha256(Buffer.from([0x01]), la, lb));
  const two = new CompactRange();
  two.append(leafHash(Buffer.from('a')));
  two.append(leafHash(Buffer.from('b')));
  assert.deepEqual(two.root(), sha256(Buffer.from([0x01]), la, lb));
  assert.equal(leafHash(new Uint8Array([1, 2, 3])).length, 32);
});

test('largestPowerOfTwoBelow', () => {
  const cases: [number, number][] = [[2, 1], [3, 2], [4, 2], [5, 4], [8, 4], [9, 8], [2 ** 48, 2 ** 47], [2 ** 48 + 1, 2 ** 48]];
  for (const [n, k] of cases) assert.equal(largestPowerOfTwoBelow(n), k, `n=${n}`);
  assert.throws(() => largestPowerOfTwoBelow(1), RangeError);
  assert.throws(() => largestPowerOfTwoBelow(0), RangeError);
});

test('CompactRange root and appended nodes match the reference for sizes 1..70', () => {
  const cr = new CompactRange();
  for (let n = 1; n <= 70; n++) {
    const completed = cr.append(leafHash(DATA[n - 1]!));
    assert.equal(cr.size, n);
    assert.deepEqual(cr.root(), refMTH(DATA.slice(0, n)), `root of size ${n}`);

    // Exactly the subtrees that end at leaf n-1: one per trailing 1-bit of n-1.
    let expectedCount = 0;
    for (let s = n - 1; s % 2 === 1; s = Math.floor(s / 2)) expectedCount++;
    assert.equal(completed.length, expectedCount, `completed count at size ${n}`);
    completed.forEach((c, i) => {
      assert.equal(c.level, i + 1);
      const width = 2 ** c.level;
      assert.equal((c.index + 1) * width, n, `subtree (${c.level}, ${c.index}) ends at the new leaf`);
      assert.deepEqual(c.hash, refMTH(DATA.slice(c.index * width, (c.index + 1) * width)));
    });

    // The frontier is the binary decomposition of n.
    const frontier = decompose(0, n);
    assert.deepEqual(
      cr.hashes,
      frontier.map((s) => refMTH(DATA.slice(s.index * 2 ** s.level, (s.index + 1) * 2 ** s.level))),
    );
  }
});

test('CompactRange can be rebuilt from (size, hashes) and keeps producing the same roots', () => {
  for (let cut = 0; cut <= 40; cut++) {
    const original = new CompactRange();
    for (let i = 0; i < cut; i++) original.append(leafHash(DATA[i]!));
    const rebuilt = new CompactRange(original.size, original.hashes);
    const cloned = original.clone();
    for (let n = cut + 1; n <= 70; n++) {
      const a = original.append(leafHash(DATA[n - 1]!));
      const b = rebuilt.append(leafHash(DATA[n - 1]!));
      const c = cloned.append(leafHash(DATA[n - 1]!));
      assert.deepEqual(b, a);
      assert.deepEqual(c, a);
      assert.deepEqual(rebuilt.root(), refMTH(DATA.slice(0, n)), `cut ${cut}, size ${n}`);
    }
  }
});

test('CompactRange validates its input and hands out copies', () => {
  const h = leafHash(Buffer.from('x'));
  assert.throws(() => new CompactRange(3, [h]), /exactly 2 frontier hashes, got 1/);
  assert.throws(() => new CompactRange(0, [h]));
  assert.throws(() => new CompactRange(1, []));
  assert.throws(() => new CompactRange(-1, []), RangeError);
  assert.throws(() => new CompactRange(1.5, [h]), RangeError);
  assert.throws(() => new CompactRange(1, [Buffer.alloc(31)]), TypeError);
  assert.throws(() => new CompactRange().append(Buffer.alloc(5)), TypeError);

  const cr = new CompactRange(1, [h]);
  cr.hashes[0]![0] = cr.hashes[0]![0]! ^ 0xff;
  assert.deepEqual(cr.hashes[0], h);
  assert.deepEqual(cr.root(), h);
  const clone = cr.clone();
  clone.append(h);
  assert.equal(cr.size, 1);
  assert.equal(clone.size, 2);
});

test('decompose and subtreeHash follow the RFC split', () => {
  assert.deepEqual(decompose(0, 13), [
    { level: 3, index: 0 },
    { level: 2, index: 2 },
    { level: 0, index: 12 },
  ]);
  assert.deepEqual(decompose(8, 5), [
    { level: 2, index: 2 },
    { level: 0, index: 12 },
  ]);
  assert.deepEqual(decompose(16, 16), [{ level: 4, index: 1 }]);
  assert.deepEqual(decompose(0, 0), []);
  assert.deepEqual(subtreeHash(0, 0, COMPLETE), EMPTY_ROOT);

  // Every range, aligned or not, hashes to the reference MTH of that slice.
  for (let start = 0; start <= 40; start++) {
    for (let size = 1; start + size <= 40; size++) {
      assert.deepEqual(subtreeHash(start, size, COMPLETE), refMTH(DATA.slice(start, start + size)), `[${start}, +${size})`);
    }
  }
});

test('inclusion proofs for every (index, size <= 40) verify, and fail when tampered', () => {
  const wrongLeaf = leafHash(Buffer.from('not a leaf of this tree'));
  for (let size = 1; size <= MAX; size++) {
    const root = ROOTS[size]!;
    for (let index = 0; index < size; index++) {
      const leaf = leafHash(DATA[index]!);
      const proof = inclusionProof(index, size, COMPLETE);
      const plan = inclusionPlan(index, size);
      assert.equal(proof.length, plan.length);
      plan.forEach((r, i) => assert.deepEqual(proof[i], refMTH(DATA.slice(r.start, r.start + r.size))));

      assert.ok(verifyInclusion(index, size, leaf, proof, root), `valid proof (${index}, ${size})`);
      assert.deepEqual(rootFromInclusionProof(index, size, leaf, proof), root);

      for (let i = 0; i < proof.length; i++) {
        const bad = proof.slice();
        bad[i] = flipped(proof[i]!, i % 32);
        assert.equal(verifyInclusion(index, size, leaf, bad, root), false, `flipped #${i} (${index}, ${size})`);
      }
      for (let other = 0; other <= size; other++) {
        if (other === index) continue;
        assert.equal(verifyInclusion(other, size, leaf, proof, root), false, `index ${other} for (${index}, ${size})`);
      }
      assert.equal(verifyInclusion(index, size, wrongLeaf, proof, root), false);
      if (index + 1 < size) {
        assert.equal(verifyInclusion(index, size, leafHash(DATA[index + 1]!), proof, root), false);
      }
      assert.equal(verifyInclusion(index, size, leaf, proof, flipped(root)), false);
      // Wrong length: too short and too long.
      if (proof.length > 0) assert.equal(verifyInclusion(index, size, leaf, proof.slice(1), root), false);
      // A proof of the wrong length for the claimed size is rejected.
      for (const other of [size + 1, size + 2, 2 * size]) {
        if (inclusionPlan(index, other).length !== proof.length) {
          assert.equal(verifyInclusion(index, other, leaf, proof, root), false, `size ${other} for (${index}, ${size})`);
        }
      }
      assert.equal(verifyInclusion(index, size, leaf, [...proof, proof[0] ?? leaf], root), false);
    }
  }
});

test('rootFromInclusionProof rejects malformed input with clear errors', () => {
  const leaf = leafHash(DATA[0]!);
  const proof = inclusionProof(0, 5, COMPLETE);
  assert.throws(() => rootFromInclusionProof(0, 5, leaf, proof.slice(0, 2)), /too short: got 2 hashes/);
  assert.throws(() => rootFromInclusionProof(0, 5, leaf, [...proof, leaf]), /too long: got 4 hashes/);
  assert.throws(() => rootFromInclusionProof(5, 5, leaf, proof), /outside a tree of size 5/);
  assert.throws(() => rootFromInclusionProof(0, 5, leaf, [proof[0]!, Buffer.alloc(3), proof[2]!]), /proof\[1\]/);
  assert.throws(() => rootFromInclusionProof(0, 1, leaf, [leaf]), /too long/);
  assert.deepEqual(rootFromInclusionProof(0, 1, leaf, []), leaf);
  assert.throws(() => inclusionPlan(3, 3), RangeError);
});

test('consistency proofs for all 0 < m <= n <= 40 verify, and fail when tampered', () => {
  for (let n = 1; n <= MAX; n++) {
    const rootN = ROOTS[n]!;
    for (let m = 1; m <= n; m++) {
      const rootM = ROOTS[m]!;
      const proof = consistencyProof(m, n, COMPLETE);
      const plan = consistencyPlan(m, n);
      assert.equal(proof.length, plan.length);
      plan.forEach((r, i) => assert.deepEqual(proof[i], refMTH(DATA.slice(r.start, r.start + r.size))));
      if (m === n) assert.equal(proof.length, 0);

      assert.ok(verifyConsistency(m, n, rootM, rootN, proof), `valid proof (${m}, ${n})`);

      for (let i = 0; i < proof.length; i++) {
        const bad = proof.slice();
        bad[i] = flipped(proof[i]!, (i * 7) % 32);
        assert.equal(verifyConsistency(m, n, rootM, rootN, bad), false, `flipped #${i} (${m}, ${n})`);
      }
      assert.equal(verifyConsistency(m, n, flipped(rootM), rootN, proof), false, `bad rootM (${m}, ${n})`);
      assert.equal(verifyConsistency(m, n, rootM, flipped(rootN), proof), false, `bad rootN (${m}, ${n})`);
      for (let other = 1; other <= n; other++) {
        if (other === m) continue;
        assert.equal(verifyConsistency(m, n, ROOTS[other]!, rootN, proof), false, `root of ${other} as rootM (${m}, ${n})`);
      }
      if (proof.length > 0) {
        assert.equal(verifyConsistency(m, n, rootM, rootN, proof.slice(1)), false);
        assert.equal(verifyConsistency(m, n, rootM, rootN, proof.slice(0, -1)), false);
      }
      assert.equal(verifyConsistency(m, n, rootM, rootN, [...proof, rootM]), false);
      if (m < n) assert.equal(verifyConsistency(m, n, rootM, rootN, []), false, `empty proof (${m}, ${n})`);
      if (m < n && n < MAX) {
        // The same proof must not vouch for the next tree size.
        assert.equal(verifyConsistency(m, n + 1, rootM, ROOTS[n + 1]!, proof), false, `size ${n + 1} for (${m}, ${n})`);
      }
      // A proof of the wrong length for the claimed sizes is rejected even when
      // its hashes fold to the supplied roots.
      for (const other of [n + 1, n + 2, 2 * n]) {
        if (consistencyPlan(m, other).length !== proof.length) {
          assert.equal(verifyConsistency(m, other, rootM, rootN, proof), false, `rootN claimed for ${other} (${m}, ${n})`);
        }
      }
    }
  }
});

test('consistency edge cases: m = 0, m = n, m > n', () => {
  const r5 = ROOTS[5]!;
  assert.ok(verifyConsistency(0, 5, EMPTY_ROOT, r5, []));
  assert.ok(verifyConsistency(0, 0, EMPTY_ROOT, EMPTY_ROOT, []));
  assert.equal(verifyConsistency(0, 5, EMPTY_ROOT, r5, [r5]), false);
  assert.ok(verifyConsistency(5, 5, r5, r5, []));
  assert.equal(verifyConsistency(5, 5, r5, ROOTS[6]!, []), false);
  assert.equal(verifyConsistency(5, 5, r5, r5, [r5]), false);
  assert.equal(verifyConsistency(6, 5, ROOTS[6]!, r5, []), false);
  assert.deepEqual(consistencyPlan(0, 5), []);
  assert.deepEqual(consistencyPlan(5, 5), []);
  assert.throws(() => consistencyPlan(6, 5), RangeError);
  // RFC 9162 §2.1.4.3 example: PROOF(3, D[7]) = [c, d, g, l] in the RFC's figure.
  assert.deepEqual(consistencyPlan(3, 7), [
    { start: 2, size: 1 },
    { start: 3, size: 1 },
    { start: 0, size: 2 },
    { start: 4, size: 3 },
  ]);
  // PROOF(4, D[7]) = [l]; PROOF(6, D[7]) = [i, j, k].
  assert.deepEqual(consistencyPlan(4, 7), [{ start: 4, size: 3 }]);
  assert.deepEqual(consistencyPlan(6, 7), [
    { start: 4, size: 2 },
    { start: 6, size: 1 },
    { start: 0, size: 4 },
  ]);
  // RFC 9162 §2.1.3.3 example: PATH(3, D[7]) = [c, g, l].
  assert.deepEqual(inclusionPlan(3, 7), [
    { start: 2, size: 1 },
    { start: 0, size: 2 },
    { start: 4, size: 3 },
  ]);
});

test('sizes around 2^48 work (tree whose leaves are all identical)', () => {
  // With identical leaves the aligned subtree hash depends only on its level,
  // so a genuine `complete` oracle is cheap for huge trees.
  const levels: Buffer[] = [leafHash(Buffer.from('same'))];
  for (let l = 1; l <= 53; l++) levels.push(nodeHash(levels[l - 1]!, levels[l - 1]!));
  const complete = (level: number, index: number): Buffer => {
    assert.ok(Number.isSafeInteger(index) && index >= 0);
    return levels[level]!;
  };
  const leaf = levels[0]!;

  const sizes = [2 ** 48 - 1, 2 ** 48, 2 ** 48 + 1, 2 ** 48 + 2 ** 33 + 5, 3 * 2 ** 47 + 7];
  for (const size of sizes) {
    const frontier = decompose(0, size);
    const cr = new CompactRange(size, frontier.map((s) => levels[s.level]!));
    const root = subtreeHash(0, size, complete);
    assert.deepEqual(cr.root(), root, `root of size ${size}`);

    const grown = cr.clone();
    const completed = grown.append(leaf);
    for (const c of completed) {
      assert.equal((c.index + 1) * 2 ** c.level, size + 1);
      assert.deepEqual(c.hash, levels[c.level]);
    }
    assert.deepEqual(grown.root(), subtreeHash(0, size + 1, complete));

    for (const index of [0, 1, 2 ** 31, 2 ** 32 + 3, size - 2, size - 1]) {
      const proof = inclusionProof(index, size, complete);
      assert.ok(verifyInclusion(index, size, leaf, proof, root), `inclusion (${index}, ${size})`);
      assert.equal(verifyInclusion(index, size, leaf, proof.slice(1), root), false);
    }
    for (const m of [1, 2 ** 32 + 1, 2 ** 47, size - 1]) {
      const proof = consistencyProof(m, size, complete);
      const rootM = subtreeHash(0, m, complete);
      assert.ok(verifyConsistency(m, size, rootM, root, proof), `consistency (${m}, ${size})`);
      assert.equal(verifyConsistency(m, size, flipped(rootM), root, proof), false);
    }
  }

  // 2^48 has a single frontier hash; appending completes nothing.
  const big = new CompactRange(2 ** 48, [levels[48]!]);
  assert.deepEqual(big.append(leaf), []);
  assert.equal(big.size, 2 ** 48 + 1);
  // 2^48 - 1 has 48 frontier hashes; appending completes levels 1..48.
  const almost = new CompactRange(2 ** 48 - 1, levels.slice(0, 48).reverse());
  const done = almost.append(leaf);
  assert.deepEqual(done.map((d) => d.level), Array.from({ length: 48 }, (_, i) => i + 1));
  assert.deepEqual(done.map((d) => d.index), Array.from({ length: 48 }, (_, i) => 2 ** (47 - i) - 1));
  assert.deepEqual(almost.hashes, [levels[48]!]);
});
