/**
 * Inclusion proofs for a run of records against one tree size, a page at a time: consecutive
 * records share most of their audit paths, so the subtree hashes are worked out once per page
 * (the leaves of the page's 16-leaf blocks from the records, the nodes of levels 1..3 above
 * them once each, the stored Merkle nodes of level 4 and up from the store, cached across
 * pages) instead of once per record. Every proof is checked against the checkpoint root
 * before it is returned (InclusionChecker, which shares the hashes of neighbouring proofs'
 * folds): a wrong proof is never bundled.
 */
import type { InclusionProof, Ledger } from '../ledger/ledger.js';
import { decompose, InclusionChecker, inclusionPlan, leafHash, nodeHash, subtreeHash } from '../ledger/merkle.js';
import { NODE_LEVEL_MIN, nodeKey, type StoredRecord } from '../ledger/store.js';
import type { InclusionLine } from './format.js';

const key = nodeKey;

/** A record's leaf hash: its chain hash then its body, as chained. */
const leafOf = (r: StoredRecord): Buffer => leafHash(r.hash, r.body);

const wrongProof = (seq: number) => new Error(`the inclusion proof of record ${seq} does not lead to the checkpoint root: the ledger's stored Merkle nodes disagree with its records (run attest ledger verify)`);

/** Rows fromSeq..toSeq, or undefined when any of them is missing (archived). */
async function contiguous(ledger: Ledger, fromSeq: number, toSeq: number): Promise<StoredRecord[] | undefined> {
  if (toSeq < fromSeq) return [];
  const rows = await ledger.store.records(fromSeq, toSeq);
  return rows.length === toSeq - fromSeq + 1 && rows.every((r, i) => r.seq === fromSeq + i) ? rows : undefined;
}

export class ProofMaker {
  /** Stored nodes read so far, with the leaf index their subtree ends at. */
  private readonly high = new Map<string, { hash: Buffer; end: number }>();
  private readonly checker: InclusionChecker;
  constructor(private readonly ledger: Ledger, private readonly size: number, root: string) {
    this.checker = new InclusionChecker(size, Buffer.from(root, 'hex'));
  }

  /**
   * Proofs of the records `seqs` (ascending, each ≤ size). `rows`, when the caller has read
   * them already, are those records (in the same order): they are not read again.
   */
  async proofs(seqs: number[], rows?: StoredRecord[]): Promise<InclusionLine[]> {
    if (!seqs.length) return [];
    const block = 2 ** NODE_LEVEL_MIN;
    const first = seqs[0]!;
    const last = seqs[seqs.length - 1]!;
    const lo = Math.floor((first - 1) / block) * block;
    const hi = Math.min(this.size, Math.ceil(last / block) * block);
    let all: StoredRecord[] | undefined;
    if (rows && rows.length === seqs.length && rows.every((r, i) => r.seq === first + i && seqs[i] === r.seq)) {
      // The page's own rows, and the few leaves of its first and last blocks outside it.
      const before = await contiguous(this.ledger, lo + 1, first - 1);
      const after = await contiguous(this.ledger, last + 1, hi);
      if (before && after) all = [...before, ...rows, ...after];
    } else {
      all = await contiguous(this.ledger, lo + 1, hi);
    }
    if (!all) return this.slow(seqs);
    const leaves = all.map(leafOf);
    // The right edge of a tree whose size is not a multiple of 16: its last, incomplete block
    // is a sibling (below level 4) in the path of every leaf to its left.
    const tailStart = Math.floor(this.size / block) * block;
    let tail: Buffer[] = [];
    if (tailStart < this.size && tailStart >= hi) {
      const t = await contiguous(this.ledger, tailStart + 1, this.size);
      if (!t) return this.slow(seqs);
      tail = t.map(leafOf);
    }
    const plans = seqs.map((s) => inclusionPlan(s - 1, this.size));
    // The ranges the page's proofs name, each once: most are shared by every proof of the page.
    const ranges = new Map<string, { start: number; size: number; hash?: Buffer; hex?: string }>();
    const rangeOf = plans.map((p) => p.map((r) => {
      const k = `${r.start}+${r.size}`;
      let x = ranges.get(k);
      if (!x) ranges.set(k, (x = { start: r.start, size: r.size }));
      return x;
    }));
    this.prune(lo);
    const wanted = [...ranges.values()].flatMap((r) => decompose(r.start, r.size)).filter((w) => w.level >= NODE_LEVEL_MIN && !this.high.has(key(w.level, w.index)));
    if (wanted.length) {
      const uniq = [...new Map(wanted.map((w) => [key(w.level, w.index), w])).values()];
      const got = await this.ledger.store.nodes(uniq);
      for (const w of uniq) {
        const h = got.get(key(w.level, w.index));
        if (!h) return this.slow(seqs);
        this.high.set(key(w.level, w.index), { hash: h, end: (w.index + 1) * 2 ** w.level });
      }
    }
    // Nodes of levels 1..3 over the page's leaves, each hashed once.
    const lowMemo = new Map<string, Buffer>();
    const low = (level: number, index: number): Buffer => {
      if (level === 0) {
        const h = index >= lo && index < hi ? leaves[index - lo] : index >= tailStart && index < this.size ? tail[index - tailStart] : undefined;
        if (!h) throw new Error(`leaf ${index} was not read for the proofs of records ${first}..${last}`);
        return h;
      }
      const k = key(level, index);
      let h = lowMemo.get(k);
      if (!h) lowMemo.set(k, (h = nodeHash(low(level - 1, index * 2), low(level - 1, index * 2 + 1))));
      return h;
    };
    const complete = (level: number, index: number): Buffer => (level >= NODE_LEVEL_MIN ? this.high.get(key(level, index))!.hash : low(level, index));
    return seqs.map((seq, i) => {
      const r = all[seq - 1 - lo]!;
      const path = rangeOf[i]!;
      for (const x of path) if (!x.hash) { x.hash = subtreeHash(x.start, x.size, complete); x.hex = x.hash.toString('hex'); }
      const leaf = leaves[seq - 1 - lo]!;
      if (!this.checker.check(seq - 1, leaf, path.map((x) => x.hash!))) throw wrongProof(seq);
      return {
        seq, leafIndex: seq - 1, treeSize: this.size, leafHash: leaf.toString('hex'),
        record: { seq, kid: r.kid, nonce: r.nonce.toString('hex'), hash: r.hash.toString('hex'), body: r.body },
        proof: path.map((x) => x.hex!),
      };
    });
  }

  /**
   * Forgets the nodes wholly left of leaf `lo` that no proof of a leaf at or after it can
   * name: such a proof's siblings left of `lo` are among the subtrees [0, lo) decomposes
   * into. Keeps the cache to about a page's nodes however long the ledger (a forgotten node
   * that is asked for again, pages out of order, is only read again).
   */
  private prune(lo: number): void {
    const keep = new Set(decompose(0, lo).map((w) => key(w.level, w.index)));
    for (const [k, v] of this.high) if (v.end <= lo && !keep.has(k)) this.high.delete(k);
  }

  /** One proof per record from the ledger (archived ranges, a store without the nodes): slower, same result, checked the same. */
  private async slow(seqs: number[]): Promise<InclusionLine[]> {
    const out: InclusionLine[] = [];
    for (const s of seqs) {
      const p: InclusionProof = await this.ledger.inclusionProof(s, this.size);
      const leaf = leafHash(Buffer.from(p.record.hash, 'hex'), p.record.body);
      if (leaf.toString('hex') !== p.leafHash || !this.checker.check(p.leafIndex, leaf, p.proof.map((h) => Buffer.from(h, 'hex')))) throw wrongProof(s);
      out.push({ seq: p.seq, leafIndex: p.leafIndex, treeSize: p.treeSize, leafHash: p.leafHash, record: p.record, proof: p.proof });
    }
    return out;
  }
}
