/**
 * The ledger core: append (validate, split personal data, assign seq and time under the
 * store's lock, chain with HMAC, grow the Merkle tree, sign checkpoints), read back,
 * prove and verify. Storage-agnostic: SQLite and PostgreSQL run exactly this code.
 */
import { createPublicKey, randomBytes, sign, verify as verifySignature, type KeyObject } from 'node:crypto';
import { canonicalize } from './canonical.js';
import { hashBatch } from './hashing.js';
import type { KeyProvider } from './keys.js';
import {
  CompactRange,
  consistencyPlan,
  decompose,
  inclusionPlan,
  leafHash,
  rootFromInclusionProof,
  subtreeHash,
  verifyConsistency,
} from './merkle.js';
import {
  commitment,
  formatMicros,
  nowMicros,
  splitEvent,
  validateEvent,
  LedgerValidationError,
  type AuditEventInput,
  type PiiCommitment,
  type RecordBody,
} from './record.js';
import {
  NODE_LEVEL_MIN,
  nodeKey,
  type AppendBatch,
  type CheckpointRow,
  type DistinctField,
  type Head,
  type LedgerStore,
  type PiiRow,
  type QuerySpec,
  type StoredRecord,
} from './store.js';

export interface LedgerOptions {
  store: LedgerStore;
  keys: KeyProvider;
  /** Sign a checkpoint whenever the tree grows past a multiple of this many records. */
  checkpointEvery?: number;
}

/** A signed statement of the tree: anyone holding the public key can check it. */
export interface SignedCheckpoint {
  format: 'attest-checkpoint/v1';
  origin: string;
  size: number;
  /** RFC 9162 root hash, hex. */
  root: string;
  time: string;
  keyId: string;
  /** Ed25519 signature of `note`, base64. */
  signature: string;
  /** The exact text that was signed. */
  note: string;
  publicKey: string;
}

/** A record as read back: the chained body plus its personal data (or a mark that it was erased). */
export interface LedgerRecord extends RecordBody {
  kid: string;
  nonce: string;
  hash: string;
  /** Personal data re-attached by field path, e.g. "actor.email". */
  personal?: Record<string, string>;
  /** Field paths whose personal data was erased. */
  erased?: string[];
}

export interface AppendResult {
  first: number;
  last: number;
  count: number;
  checkpoint?: SignedCheckpoint;
}

export interface QueryFilters extends Partial<Omit<QuerySpec, 'order' | 'limit' | 'cursor'>> {
  order?: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
}

export interface QueryPage {
  records: LedgerRecord[];
  nextCursor?: string;
}

export interface VerifyProblem {
  seq: number;
  kind:
    | 'missing'
    | 'changed'
    | 'out-of-place'
    | 'unknown-key'
    | 'retired-key'
    | 'truncated'
    | 'checkpoint-mismatch'
    | 'checkpoint-signature'
    | 'personal-data'
    | 'head-mismatch';
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  ledgerId: string;
  origin: string;
  records: number;
  root: string;
  firstBadSeq?: number;
  problems: VerifyProblem[];
  checkpointsChecked: number;
  against?: { size: number; root: string; time: string; source: 'stored' | 'file' };
  personalData: { present: number; erased: number };
  keys: string[];
  seconds: number;
  recordsPerSecond: number;
}

export interface InclusionProof {
  seq: number;
  leafIndex: number;
  treeSize: number;
  /** Hex of SHA-256(0x00 ‖ hash ‖ body). */
  leafHash: string;
  proof: string[];
  record: { seq: number; kid: string; nonce: string; hash: string; body: string };
  checkpoint: SignedCheckpoint;
}

const MAX_BATCH = 5000;

export class Ledger {
  readonly origin: string;
  private readonly every: number;

  private constructor(
    readonly store: LedgerStore,
    readonly keys: KeyProvider,
    readonly ledgerId: string,
    every: number,
  ) {
    this.origin = `attest-ledger/${ledgerId}`;
    this.every = every;
  }

  static async open(opts: LedgerOptions): Promise<Ledger> {
    const id = await opts.store.init();
    return new Ledger(opts.store, opts.keys, id, opts.checkpointEvery ?? 1000);
  }

  async close(): Promise<void> {
    await this.store.close();
  }

  // -------------------------------------------------------------------------
  // Append

  /**
   * Validates every event first (a bad one refuses the whole call, naming the field; nothing
   * is written), then appends them atomically in order. Large inputs are written in
   * transactions of up to 5000 records.
   */
  async append(events: unknown[]): Promise<AppendResult> {
    const valid = events.map((e, i) => validateEvent(e, events.length > 1 ? i : undefined));
    let first = 0;
    let last = 0;
    let checkpoint: SignedCheckpoint | undefined;
    for (let i = 0; i < valid.length; i += MAX_BATCH) {
      const r = await this.appendValid(valid.slice(i, i + MAX_BATCH));
      if (!first) first = r.first;
      last = r.last;
      if (r.checkpoint) checkpoint = r.checkpoint;
    }
    return { first, last, count: valid.length, ...(checkpoint ? { checkpoint } : {}) };
  }

  private queue: { events: AuditEventInput[]; resolve: (r: AppendResult) => void; reject: (e: unknown) => void }[] = [];
  private draining = false;

  /**
   * Group commit: calls that arrive while a transaction is in flight are merged into the next
   * one (up to 5000 records), so many concurrent small appends cost few transactions. Each
   * caller still gets its own contiguous seq range.
   */
  private appendValid(events: AuditEventInput[]): Promise<AppendResult> {
    if (events.length === 0) return Promise.resolve({ first: 0, last: 0, count: 0 });
    return new Promise((resolve, reject) => {
      this.queue.push({ events, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length) {
        const group = [this.queue.shift()!];
        let n = group[0]!.events.length;
        while (this.queue.length && n + this.queue[0]!.events.length <= MAX_BATCH) {
          const next = this.queue.shift()!;
          n += next.events.length;
          group.push(next);
        }
        try {
          const r = await this.writeBatch(group.length === 1 ? group[0]!.events : group.flatMap((g) => g.events));
          let seq = r.first;
          for (const g of group) {
            const first = seq;
            seq += g.events.length;
            g.resolve({ first, last: seq - 1, count: g.events.length, ...(r.checkpoint && seq - 1 === r.last ? { checkpoint: r.checkpoint } : {}) });
          }
        } catch (e) {
          for (const g of group) g.reject(e);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async writeBatch(events: AuditEventInput[]): Promise<AppendResult> {
    const parts = events.map(splitEvent);
    const { kid, key } = this.keys.activeHmac();
    const nonces = randomBytes(16 * events.length);
    let signed: CheckpointRow | undefined;
    const batch = await this.store.append((head: Head): AppendBatch => {
      let us = nowMicros();
      let ts = formatMicros(us);
      if (ts < head.ts) ts = head.ts; // never backwards, whatever the clocks of several writers say
      const texts: Buffer[] = [];
      const offsets = new Uint32Array(events.length + 1);
      let off = 0;
      for (let i = 0; i < parts.length; i++) {
        const body = { ...parts[i]!.body, seq: head.size + 1 + i, ts } as RecordBody;
        const b = Buffer.from(canonicalize(body));
        texts.push(b);
        offsets[i] = off;
        off += b.length;
      }
      offsets[events.length] = off;
      const bodies = Buffer.concat(texts, off);
      const out = hashBatch(key, head.hash, nonces, bodies, offsets, null);
      const tree = new CompactRange(head.size, head.frontier);
      const records: StoredRecord[] = [];
      const nodes: AppendBatch['nodes'] = [];
      const pii: PiiRow[] = [];
      for (let i = 0; i < parts.length; i++) {
        const seq = head.size + 1 + i;
        const hash = Buffer.from(out.subarray(64 * i, 64 * i + 32));
        records.push({ seq, kid, nonce: nonces.subarray(16 * i, 16 * i + 16), hash, body: texts[i]!.toString() });
        for (const n of tree.append(out.subarray(64 * i + 32, 64 * i + 64))) if (n.level >= NODE_LEVEL_MIN) nodes.push(n);
        for (const p of parts[i]!.pii) pii.push({ seq, subject: p.subject, salt: p.salt, data: p.data });
      }
      const size = head.size + events.length;
      if (Math.floor(size / this.every) > Math.floor(head.size / this.every)) {
        signed = this.signRow(size, tree.root());
      }
      void us;
      return {
        records,
        pii,
        nodes,
        head: { size, hash: records[records.length - 1]!.hash, ts, frontier: tree.hashes },
        ...(signed ? { checkpoint: signed } : {}),
      };
    });
    const first = batch.records[0]!.seq;
    const last = batch.records[batch.records.length - 1]!.seq;
    return { first, last, count: batch.records.length, ...(signed ? { checkpoint: this.toSigned(signed) } : {}) };
  }

  /** Integrity switched off: the same rows without HMAC, Merkle tree or lock (benchmark baseline). */
  async appendRaw(events: AuditEventInput[], firstSeq: number): Promise<void> {
    const ts = formatMicros(nowMicros());
    const zero = Buffer.alloc(32);
    const nonce = Buffer.alloc(16);
    await this.store.appendRaw(
      events.map((e, i) => ({ seq: firstSeq + i, kid: 'none', nonce, hash: zero, body: canonicalize({ ...splitEvent(e).body, seq: firstSeq + i, ts }) })),
    );
  }

  // -------------------------------------------------------------------------
  // Checkpoints

  private note(size: number, root: Buffer, time: string): string {
    return `${this.origin}\n${size}\n${root.toString('base64')}\n${time}\n`;
  }

  private signRow(size: number, root: Buffer): CheckpointRow {
    const signer = this.keys.signing();
    const time = new Date().toISOString();
    const signature = sign(null, Buffer.from(this.note(size, root, time)), signer.privateKey);
    return { size, root, time, kid: signer.kid, signature };
  }

  toSigned(c: CheckpointRow): SignedCheckpoint {
    return {
      format: 'attest-checkpoint/v1',
      origin: this.origin,
      size: c.size,
      root: c.root.toString('hex'),
      time: c.time,
      keyId: c.kid,
      signature: c.signature.toString('base64'),
      note: this.note(c.size, c.root, c.time),
      publicKey: this.keys.signing().publicKeyPem,
    };
  }

  /** Signs a checkpoint of the current tree now (or returns the latest if nothing changed since). */
  async checkpoint(): Promise<SignedCheckpoint> {
    const head = await this.store.head();
    const latest = await this.store.latestCheckpoint();
    if (latest && latest.size === head.size) return this.toSigned(latest);
    const row = this.signRow(head.size, new CompactRange(head.size, head.frontier).root());
    await this.store.addCheckpoint(row);
    return this.toSigned(row);
  }

  async latestCheckpoint(): Promise<SignedCheckpoint | undefined> {
    const c = await this.store.latestCheckpoint();
    return c ? this.toSigned(c) : undefined;
  }

  // -------------------------------------------------------------------------
  // Reading

  async query(f: QueryFilters = {}): Promise<QueryPage> {
    const limit = Math.min(Math.max(f.limit ?? 100, 1), 1000);
    const order = f.order ?? 'desc';
    let cursor: number | undefined;
    if (f.cursor !== undefined) {
      const m = /^s(\d+)$/.exec(f.cursor);
      if (!m) throw new LedgerValidationError('cursor', 'is not a cursor returned by a previous page');
      cursor = Number(m[1]);
    }
    const spec: QuerySpec = { ...f, order, limit: limit + 1, ...(cursor !== undefined ? { cursor } : {}) } as QuerySpec;
    delete (spec as { cursor?: unknown }).cursor;
    if (cursor !== undefined) spec.cursor = cursor;
    const rows = await this.store.query(spec);
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const records = await this.materialise(page);
    return { records, ...(more ? { nextCursor: `s${page[page.length - 1]!.seq}` } : {}) };
  }

  async distinct(field: DistinctField, tenants?: string[]): Promise<string[]> {
    return this.store.distinct(field, tenants);
  }

  /** Re-attaches personal data (checking it against its commitment) or marks it erased. */
  async materialise(rows: StoredRecord[]): Promise<LedgerRecord[]> {
    const withPii = rows.filter((r) => r.body.includes('"pii":[')).map((r) => r.seq);
    const piiRows = await this.store.pii(withPii);
    const bySeq = new Map<number, PiiRow[]>();
    for (const p of piiRows) (bySeq.get(p.seq) ?? bySeq.set(p.seq, []).get(p.seq)!).push(p);
    return rows.map((r) => {
      const body = JSON.parse(r.body) as RecordBody;
      const rec: LedgerRecord = { ...body, kid: r.kid, nonce: r.nonce.toString('hex'), hash: r.hash.toString('hex') };
      if (body.pii) {
        const personal: Record<string, string> = {};
        const erased: string[] = [];
        for (const c of body.pii) {
          const row = bySeq.get(r.seq)?.find((p) => p.subject === c.subject);
          if (row && commitment(row.salt, row.data) === c.commitment) Object.assign(personal, JSON.parse(row.data));
          else erased.push(...c.fields);
        }
        if (Object.keys(personal).length) rec.personal = personal;
        if (erased.length) rec.erased = erased;
      }
      return rec;
    });
  }

  /** Every record of a subject (as actor, or whose personal data it is), oldest first. */
  async *subjectRecords(subject: string): AsyncIterable<LedgerRecord> {
    let cursor: number | undefined;
    for (;;) {
      const rows = await this.store.query({ subject, order: 'asc', limit: 1000, ...(cursor !== undefined ? { cursor } : {}) });
      if (rows.length === 0) return;
      for (const r of await this.materialise(rows)) yield r;
      cursor = rows[rows.length - 1]!.seq;
      if (rows.length < 1000) return;
    }
  }

  /** GDPR erasure: deletes the subject's personal data and salts; the chain still verifies. Records the erasure itself. */
  async eraseSubject(subject: string, by: AuditEventInput['actor'], ticket?: string): Promise<{ erased: number; record: number }> {
    const erased = await this.store.eraseSubject(subject);
    const r = await this.append([
      {
        actor: by,
        action: 'ledger.subject.erase',
        target: { type: 'subject', id: subject },
        outcome: 'success',
        ...(ticket ? { ticket_id: ticket } : {}),
        metadata: { personal_data_rows_deleted: erased },
      },
    ]);
    return { erased, record: r.last };
  }

  // -------------------------------------------------------------------------
  // Proofs

  private async completeHashes(wanted: { level: number; index: number }[]): Promise<(level: number, index: number) => Buffer> {
    const high = wanted.filter((w) => w.level >= NODE_LEVEL_MIN);
    const low = wanted.filter((w) => w.level < NODE_LEVEL_MIN);
    const map = await this.store.nodes(high);
    for (const w of low) {
      const start = w.index * 2 ** w.level;
      const rows = await this.store.records(start + 1, start + 2 ** w.level);
      const tree = new CompactRange();
      for (const r of rows) tree.append(leafHash(Buffer.concat([r.hash, Buffer.from(r.body)])));
      if (rows.length !== 2 ** w.level) throw new Error(`records ${start + 1}..${start + 2 ** w.level} are not all present`);
      map.set(nodeKey(w.level, w.index), tree.root());
    }
    return (level, index) => {
      const h = map.get(nodeKey(level, index));
      if (!h) throw new Error(`Merkle node ${level}/${index} is missing from the store`);
      return h;
    };
  }

  /** Proof that record `seq` is in the tree of the latest checkpoint (or the given checkpoint size). */
  async inclusionProof(seq: number, treeSize?: number): Promise<InclusionProof> {
    const cps = await this.store.checkpoints();
    const cp = treeSize !== undefined ? cps.find((c) => c.size === treeSize) : cps[cps.length - 1];
    if (!cp) throw new LedgerValidationError('checkpoint', treeSize !== undefined ? `no checkpoint of size ${treeSize}` : 'no checkpoint yet: run "attest ledger checkpoint"');
    if (!Number.isInteger(seq) || seq < 1 || seq > cp.size) {
      throw new LedgerValidationError('seq', `${seq} is not covered by the checkpoint of ${cp.size} records`);
    }
    const [rec] = await this.store.records(seq, seq);
    if (!rec) throw new LedgerValidationError('seq', `record ${seq} is not in the ledger`);
    const plan = inclusionPlan(seq - 1, cp.size);
    const complete = await this.completeHashes(plan.flatMap((p) => decompose(p.start, p.size)));
    const proof = plan.map((p) => subtreeHash(p.start, p.size, complete));
    const leaf = leafHash(Buffer.concat([rec.hash, Buffer.from(rec.body)]));
    return {
      seq,
      leafIndex: seq - 1,
      treeSize: cp.size,
      leafHash: leaf.toString('hex'),
      proof: proof.map((h) => h.toString('hex')),
      record: { seq, kid: rec.kid, nonce: rec.nonce.toString('hex'), hash: rec.hash.toString('hex'), body: rec.body },
      checkpoint: this.toSigned(cp),
    };
  }

  /** Proof that the tree of size m is a prefix of the tree of size n (both checkpointed). */
  async consistencyProof(m: number, n: number): Promise<{ from: SignedCheckpoint; to: SignedCheckpoint; proof: string[] }> {
    const cps = await this.store.checkpoints();
    const a = cps.find((c) => c.size === m);
    const b = cps.find((c) => c.size === n);
    if (!a || !b) throw new LedgerValidationError('checkpoint', `no checkpoint of size ${!a ? m : n} (known: ${cps.map((c) => c.size).join(', ') || 'none'})`);
    if (m > n) throw new LedgerValidationError('checkpoint', `the first size (${m}) must not exceed the second (${n})`);
    const plan = consistencyPlan(m, n);
    const complete = await this.completeHashes(plan.flatMap((p) => decompose(p.start, p.size)));
    return { from: this.toSigned(a), to: this.toSigned(b), proof: plan.map((p) => subtreeHash(p.start, p.size, complete).toString('hex')) };
  }

  // -------------------------------------------------------------------------
  // Verification

  /**
   * Recomputes the chain and the Merkle tree from the stored records and checks them against
   * every stored checkpoint and, when given, a checkpoint file held by the auditor. Stops at
   * the first broken record and names its sequence number.
   */
  async verify(opts: { checkpoint?: SignedCheckpoint; pageSize?: number } = {}): Promise<VerifyReport> {
    const started = performance.now();
    const problems: VerifyProblem[] = [];
    const fail = (p: VerifyProblem) => {
      problems.push(p);
    };
    const signer = this.keys.signing();
    const stored = await this.store.checkpoints();
    const targets = new Map<number, { root: Buffer; source: 'stored' | 'file'; row?: CheckpointRow; file?: SignedCheckpoint }[]>();
    const addTarget = (size: number, t: { root: Buffer; source: 'stored' | 'file'; row?: CheckpointRow; file?: SignedCheckpoint }) =>
      (targets.get(size) ?? targets.set(size, []).get(size)!).push(t);
    let checkpointsChecked = 0;
    for (const c of stored) {
      const ok = c.kid === signer.kid && verifySignature(null, Buffer.from(this.note(c.size, c.root, c.time)), signer.publicKey, c.signature);
      if (!ok) fail({ seq: c.size, kind: 'checkpoint-signature', message: `stored checkpoint at size ${c.size} does not carry a valid signature of key ${signer.kid}` });
      addTarget(c.size, { root: c.root, source: 'stored', row: c });
    }
    let external: SignedCheckpoint | undefined;
    if (opts.checkpoint) {
      external = opts.checkpoint;
      const why = checkCheckpointFile(external, this.origin, signer.publicKey);
      if (why) fail({ seq: external.size, kind: 'checkpoint-signature', message: why });
      else addTarget(external.size, { root: Buffer.from(external.root, 'hex'), source: 'file', file: external });
    }
    const head = await this.store.head();
    const tree = new CompactRange();
    let expected = 1;
    let prev: Buffer = Buffer.alloc(32);
    let present = 0;
    let erased = 0;
    const usedKeys = new Set<string>();
    let stop = false;
    const checkTargets = () => {
      const ts = targets.get(tree.size);
      if (!ts) return;
      const root = tree.root();
      for (const t of ts) {
        checkpointsChecked++;
        if (!t.root.equals(root)) {
          fail({
            seq: tree.size,
            kind: 'checkpoint-mismatch',
            message: `the tree of the first ${tree.size} records does not match the ${t.source === 'file' ? 'checkpoint file' : 'stored checkpoint'} of that size (root ${root.toString('hex').slice(0, 16)}… vs ${t.root.toString('hex').slice(0, 16)}…)`,
          });
          stop = true;
        }
      }
    };
    outer: for await (const page of this.store.scan(1, Number.MAX_SAFE_INTEGER, opts.pageSize ?? 10_000)) {
      // Structural checks first: seq continuity, body seq, keys.
      let n = 0;
      for (const row of page) {
        if (row.seq !== expected) {
          fail(
            row.seq > expected
              ? { seq: expected, kind: 'missing', message: `record ${expected}${row.seq - 1 > expected ? `..${row.seq - 1}` : ''} is missing (deleted); the next stored record is ${row.seq}` }
              : { seq: row.seq, kind: 'out-of-place', message: `record ${row.seq} appears again after ${expected - 1}` },
          );
          break;
        }
        if (row.bodySeq !== row.seq) {
          fail({ seq: row.seq, kind: 'out-of-place', message: `the row stored as ${row.seq} holds the record of seq ${row.bodySeq ?? '(none)'} (inserted or reordered)` });
          break;
        }
        const key = this.keys.hmac(row.kid);
        if (!key) {
          fail({ seq: row.seq, kind: 'unknown-key', message: `record ${row.seq} is chained with key "${row.kid}", which is not in ${this.keys.description}` });
          break;
        }
        if (key.retired && row.ts !== null && row.ts > key.retired) {
          fail({ seq: row.seq, kind: 'retired-key', message: `record ${row.seq} (${row.ts}) is chained with key ${row.kid}, retired at ${key.retired}` });
          break;
        }
        expected++;
        n++;
      }
      // Cryptographic checks over the structurally sound prefix, in runs of the same key.
      let i = 0;
      while (i < n) {
        let j = i + 1;
        while (j < n && page[j]!.kid === page[i]!.kid) j++;
        const run = page.slice(i, j);
        const key = this.keys.hmac(run[0]!.kid)!;
        usedKeys.add(key.kid);
        const texts = run.map((r) => Buffer.from(r.body));
        const offsets = new Uint32Array(run.length + 1);
        let off = 0;
        for (let k = 0; k < run.length; k++) {
          offsets[k] = off;
          off += texts[k]!.length;
        }
        offsets[run.length] = off;
        const nonces = Buffer.concat(run.map((r) => r.nonce));
        const hashes = Buffer.concat(run.map((r) => r.hash));
        const out = hashBatch(key.key, prev, nonces, Buffer.concat(texts, off), offsets, hashes);
        for (let k = 0; k < run.length; k++) {
          const r = run[k]!;
          if (!out.subarray(64 * k, 64 * k + 32).equals(r.hash)) {
            fail({ seq: r.seq, kind: 'changed', message: `record ${r.seq} does not match its chain hash (a field was changed, or it does not follow record ${r.seq - 1})` });
            break outer;
          }
          tree.append(out.subarray(64 * k + 32, 64 * k + 64));
          checkTargets();
          if (stop) break outer;
        }
        prev = run[run.length - 1]!.hash;
        i = j;
      }
      // Personal data held beside the chain: present and matching its commitment, or erased.
      const withPii = page.slice(0, n).filter((r) => r.body.includes('"pii":['));
      if (withPii.length) {
        const rows = await this.store.pii(withPii.map((r) => r.seq));
        const bySeq = new Map<string, PiiRow>();
        for (const p of rows) bySeq.set(`${p.seq}/${p.subject}`, p);
        for (const r of withPii) {
          const commitments = (JSON.parse(r.body) as { pii?: PiiCommitment[] }).pii ?? [];
          for (const c of commitments) {
            const p = bySeq.get(`${r.seq}/${c.subject}`);
            if (!p) erased++;
            else if (commitment(p.salt, p.data) === c.commitment) present++;
            else {
              fail({ seq: r.seq, kind: 'personal-data', message: `record ${r.seq}: the personal data stored for subject ${c.subject} does not match its commitment` });
              break outer;
            }
          }
        }
      }
      if (n < page.length) break;
    }
    const size = tree.size;
    if (!problems.some((p) => ['missing', 'changed', 'out-of-place', 'unknown-key', 'retired-key'].includes(p.kind))) {
      if (head.size !== size && !stop) {
        fail({
          seq: Math.min(head.size, size) + 1,
          kind: head.size > size ? 'truncated' : 'head-mismatch',
          message:
            head.size > size
              ? `the ledger's head says ${head.size} records but only ${size} are stored: records ${size + 1}..${head.size} were removed (tail truncated)`
              : `${size} records are stored but the head says ${head.size}: records were added outside the ledger`,
        });
      }
      for (const [tsize, ts] of targets) {
        if (tsize > size) {
          for (const t of ts) {
            fail({
              seq: size + 1,
              kind: 'truncated',
              message: `the ${t.source === 'file' ? 'checkpoint file' : 'stored checkpoint'} covers ${tsize} records but only ${size} are stored: records ${size + 1}..${tsize} are missing (tail truncated)`,
            });
          }
        }
      }
    }
    problems.sort((a, b) => a.seq - b.seq);
    const seconds = (performance.now() - started) / 1000;
    const against = external
      ? { size: external.size, root: external.root, time: external.time, source: 'file' as const }
      : stored.length
        ? { size: stored[stored.length - 1]!.size, root: stored[stored.length - 1]!.root.toString('hex'), time: stored[stored.length - 1]!.time, source: 'stored' as const }
        : undefined;
    return {
      ok: problems.length === 0,
      ledgerId: this.ledgerId,
      origin: this.origin,
      records: size,
      root: tree.root().toString('hex'),
      ...(problems.length ? { firstBadSeq: problems[0]!.seq } : {}),
      problems,
      checkpointsChecked,
      ...(against ? { against } : {}),
      personalData: { present, erased },
      keys: [...usedKeys],
      seconds: Math.round(seconds * 1000) / 1000,
      recordsPerSecond: seconds > 0 ? Math.round(size / seconds) : 0,
    };
  }
}

/** Checks a checkpoint file's shape and signature; returns why it is not acceptable, or undefined. */
export function checkCheckpointFile(c: SignedCheckpoint, origin: string | undefined, expectedKey?: KeyObject): string | undefined {
  if (c?.format !== 'attest-checkpoint/v1' || !Number.isInteger(c.size) || typeof c.root !== 'string' || typeof c.signature !== 'string') {
    return 'the checkpoint file is not an attest-checkpoint/v1 document';
  }
  if (origin && c.origin !== origin) return `the checkpoint is for ${c.origin}, not this ledger (${origin})`;
  const note = `${c.origin}\n${c.size}\n${Buffer.from(c.root, 'hex').toString('base64')}\n${c.time}\n`;
  if (note !== c.note) return 'the checkpoint note does not match its fields';
  let key: KeyObject;
  try {
    key = createPublicKey(c.publicKey);
  } catch {
    return 'the checkpoint carries no readable public key';
  }
  if (expectedKey && !key.equals(expectedKey)) return `the checkpoint was signed by a different key than this ledger's checkpoint key`;
  if (!verifySignature(null, Buffer.from(note), key, Buffer.from(c.signature, 'base64'))) return 'the checkpoint signature is not valid';
  return undefined;
}

/** Offline check of an inclusion proof: the record's leaf, the path, and the signed checkpoint. */
export function verifyInclusionProof(p: InclusionProof, publicKeyPem?: string): { ok: boolean; reason?: string } {
  const why = checkCheckpointFile(p.checkpoint, undefined, publicKeyPem ? createPublicKey(publicKeyPem) : undefined);
  if (why) return { ok: false, reason: why };
  const leaf = leafHash(Buffer.concat([Buffer.from(p.record.hash, 'hex'), Buffer.from(p.record.body)]));
  if (leaf.toString('hex') !== p.leafHash) return { ok: false, reason: 'the record does not hash to the proof leaf' };
  try {
    const root = rootFromInclusionProof(p.leafIndex, p.treeSize, leaf, p.proof.map((h) => Buffer.from(h, 'hex')));
    if (p.treeSize !== p.checkpoint.size) return { ok: false, reason: 'the proof is for a different tree size than its checkpoint' };
    if (root.toString('hex') !== p.checkpoint.root) return { ok: false, reason: 'the path does not lead to the checkpoint root' };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  return { ok: true };
}

export { verifyConsistency };
