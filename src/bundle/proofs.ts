/**
 * Inclusion proofs for a run of records against one tree size, a page at a time: consecutive
 * records share most of their audit paths, so the subtree hashes are read once per page
 * (the leaves of the page's 16-leaf blocks from the records, the stored Merkle nodes of level
 * 4 and up from the store, cached across pages) instead of once per record. Every proof is
 * checked against the checkpoint root before it is written: a wrong proof is never bundled.
 */
import type { InclusionProof, Ledger } from '../ledger/ledger.js';
import { decompose, inclusionPlan, leafHash, nodeHash, rootFromInclusionProof, subtreeHash } from '../ledger/merkle.js';
import { NODE_LEVEL_MIN, nodeKey, type StoredRecord } from '../ledger/store.js';
import type { InclusionLine } from './format.js';

const key = nodeKey;

export class ProofMaker {
  private readonly high = new Map<string, Buffer>();
  constructor(private readonly ledger: Ledger, private readonly size: number, private readonly root: string) {}

  /** Proofs of the records `seqs` (ascending, each ≤ size). */
  async proofs(seqs: number[]): Promise<InclusionLine[]> {
    if (!seqs.length) return [];
    const block = 2 ** NODE_LEVEL_MIN;
    const lo = Math.floor((seqs[0]! - 1) / block) * block;
    const hi = Math.min(this.size, Math.ceil(seqs[seqs.length - 1]! / block) * block);
    const rows = await this.ledger.store.records(lo + 1, hi);
    if (rows.length !== hi - lo || rows.some((r, i) => r.seq !== lo + 1 + i)) return this.slow(seqs);
    const leaves = rows.map((r) => leafHash(Buffer.concat([r.hash, Buffer.from(r.body)])));
    // The right edge of a tree whose size is not a multiple of 16: its last, incomplete block
    // is a sibling (below level 4) in the path of every leaf to its left.
    const tailStart = Math.floor(this.size / block) * block;
    let tail: Buffer[] = [];
    if (tailStart < this.size && tailStart >= hi) {
      const t = await this.ledger.store.records(tailStart + 1, this.size);
      if (t.length !== this.size - tailStart || t.some((r, i) => r.seq !== tailStart + 1 + i)) return this.slow(seqs);
      tail = t.map((r) => leafHash(Buffer.concat([r.hash, Buffer.from(r.body)])));
    }
    const plans = seqs.map((s) => inclusionPlan(s - 1, this.size));
    const wanted = plans.flatMap((p) => p.flatMap((r) => decompose(r.start, r.size))).filter((w) => w.level >= NODE_LEVEL_MIN && !this.high.has(key(w.level, w.index)));
    if (wanted.length) {
      const uniq = [...new Map(wanted.map((w) => [key(w.level, w.index), w])).values()];
      const got = await this.ledger.store.nodes(uniq);
      for (const w of uniq) {
        const h = got.get(key(w.level, w.index));
        if (!h) return this.slow(seqs);
        this.high.set(key(w.level, w.index), h);
      }
    }
    const low = (level: number, index: number): Buffer => {
      if (level === 0) {
        const h = index >= lo && index < hi ? leaves[index - lo] : index >= tailStart && index < this.size ? tail[index - tailStart] : undefined;
        if (!h) throw new Error(`leaf ${index} was not read for the proofs of records ${seqs[0]}..${seqs[seqs.length - 1]}`);
        return h;
      }
      return nodeHash(low(level - 1, index * 2), low(level - 1, index * 2 + 1));
    };
    const complete = (level: number, index: number): Buffer => (level >= NODE_LEVEL_MIN ? this.high.get(key(level, index))! : low(level, index));
    const byseq = new Map<number, StoredRecord>(rows.map((r) => [r.seq, r]));
    return seqs.map((seq, i) => {
      const r = byseq.get(seq)!;
      const proof = plans[i]!.map((x) => subtreeHash(x.start, x.size, complete));
      const leaf = leaves[seq - 1 - lo]!;
      if (rootFromInclusionProof(seq - 1, this.size, leaf, proof).toString('hex') !== this.root) throw new Error(`the inclusion proof of record ${seq} does not lead to the checkpoint root: the ledger's stored Merkle nodes disagree with its records (run attest ledger verify)`);
      return {
        seq, leafIndex: seq - 1, treeSize: this.size, leafHash: leaf.toString('hex'),
        record: { seq, kid: r.kid, nonce: r.nonce.toString('hex'), hash: r.hash.toString('hex'), body: r.body },
        proof: proof.map((h) => h.toString('hex')),
      };
    });
  }

  /** One proof per record from the ledger (archived ranges, a store without the nodes): slower, same result. */
  private async slow(seqs: number[]): Promise<InclusionLine[]> {
    const out: InclusionLine[] = [];
    for (const s of seqs) {
      const p: InclusionProof = await this.ledger.inclusionProof(s, this.size);
      out.push({ seq: p.seq, leafIndex: p.leafIndex, treeSize: p.treeSize, leafHash: p.leafHash, record: p.record, proof: p.proof });
    }
    return out;
  }
}
