// InclusionChecker (many proofs of one tree, sharing their folds) answers exactly as
// rootFromInclusionProof(...).equals(root) does, proof for proof, valid or not, in any order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompactRange, InclusionChecker, inclusionProof, leafHash, nodeHash, rootFromInclusionProof, type CompleteSubtreeHash } from '../../src/ledger/merkle.js';

function tree(size: number): { leaves: Buffer[]; root: Buffer; proof: (i: number) => Buffer[] } {
  const leaves = Array.from({ length: size }, (_, i) => leafHash(Buffer.from(`leaf-${i}`)));
  const cr = new CompactRange();
  for (const l of leaves) cr.append(l);
  const complete: CompleteSubtreeHash = (level, index) => (level === 0 ? leaves[index]! : nodeHash(complete(level - 1, 2 * index), complete(level - 1, 2 * index + 1)));
  return { leaves, root: cr.root(), proof: (i) => inclusionProof(i, size, complete) };
}

/** What the one-proof-at-a-time check says: true, false, or the error message. */
function oracle(index: number, size: number, leaf: Buffer, proof: Buffer[], root: Buffer): boolean | string {
  try {
    return rootFromInclusionProof(index, size, leaf, proof).equals(root);
  } catch (e) {
    return (e as Error).message;
  }
}
function checked(c: InclusionChecker, index: number, leaf: Buffer, proof: Buffer[]): boolean | string {
  try {
    return c.check(index, leaf, proof);
  } catch (e) {
    return (e as Error).message;
  }
}

const flip = (b: Buffer): Buffer => { const x = Buffer.from(b); x[31] ^= 1; return x; };

test('every leaf of trees of many sizes, in leaf order, is accepted', () => {
  for (const size of [1, 2, 3, 5, 7, 8, 16, 17, 31, 100, 1037]) {
    const t = tree(size);
    const c = new InclusionChecker(size, t.root);
    let ok = 0;
    for (let i = 0; i < size; i++) if (c.check(i, t.leaves[i]!, t.proof(i)) === true) ok++;
    assert.equal(ok, size, `size ${size}`);
  }
});

test('a proof that shares its states with one just accepted is still rejected when any hash of it differs', () => {
  const size = 1037;
  const t = tree(size);
  for (let i = 0; i + 1 < size; i += 97) {
    const p = t.proof(i + 1);
    for (let j = 0; j < p.length; j++) {
      const c = new InclusionChecker(size, t.root);
      assert.equal(c.check(i, t.leaves[i]!, t.proof(i)), true);
      const bad = p.map((h, k) => (k === j ? flip(h) : h));
      assert.equal(c.check(i + 1, t.leaves[i + 1]!, bad), false, `leaf ${i + 1}, proof hash ${j} changed`);
      // The rejected proof left nothing behind: the right one still passes, the wrong one still fails.
      assert.equal(c.check(i + 1, t.leaves[i + 1]!, p), true);
      assert.equal(c.check(i + 1, t.leaves[i + 1]!, bad), false);
    }
    const c = new InclusionChecker(size, t.root);
    assert.equal(c.check(i, t.leaves[i]!, t.proof(i)), true);
    assert.equal(c.check(i + 1, flip(t.leaves[i + 1]!), p), false, `leaf ${i + 1} changed`);
    assert.equal(c.check(i + 1, t.leaves[i]!, p), false, `leaf ${i} given as ${i + 1}`);
  }
});

test('wrong lengths, a leaf outside the tree and short hashes throw what rootFromInclusionProof throws', () => {
  const size = 100;
  const t = tree(size);
  const c = new InclusionChecker(size, t.root);
  assert.equal(c.check(40, t.leaves[40]!, t.proof(40)), true);
  const p = t.proof(41);
  const cases: [number, Buffer, Buffer[]][] = [
    [41, t.leaves[41]!, [...p, p[0]!]],
    [41, t.leaves[41]!, p.slice(0, -1)],
    [100, t.leaves[41]!, p],
    [41, t.leaves[41]!.subarray(0, 31), p],
    [41, t.leaves[41]!, [p[0]!.subarray(1), ...p.slice(1)]],
  ];
  for (const [index, leaf, proof] of cases) {
    const want = oracle(index, size, leaf, proof, t.root);
    assert.equal(typeof want, 'string');
    assert.equal(checked(c, index, leaf, proof), want);
  }
});

test('random order, a third of the proofs corrupted: the same answer as one proof at a time, every time', () => {
  const size = 777;
  const t = tree(size);
  const c = new InclusionChecker(size, t.root);
  let seed = 12345;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  let rejected = 0;
  let corrupted = 0;
  for (let trial = 0; trial < 3000; trial++) {
    // Runs of neighbours (shared states) mixed with jumps.
    const i = trial % 3 === 0 ? rnd(size) : Math.min(size - 1, (trial * 7) % size + rnd(3));
    let leaf = t.leaves[i]!;
    let proof = t.proof(i);
    const kind = rnd(6);
    if (kind === 0) { const j = rnd(proof.length); proof = proof.map((h, k) => (k === j ? flip(h) : h)); corrupted++; }
    else if (kind === 1) { leaf = t.leaves[(i + 1) % size]!; corrupted++; }
    const want = oracle(i, size, leaf, proof, t.root);
    const got = checked(c, i, leaf, proof);
    assert.equal(got, want, `trial ${trial}, leaf ${i}, kind ${kind}`);
    if (got === false) rejected++;
  }
  assert.equal(rejected, corrupted);
});
