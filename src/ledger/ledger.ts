/**
 * The ledger core: append (validate, split personal data, assign seq and time under the
 * store's lock, chain with HMAC, grow the Merkle tree, sign checkpoints), read back,
 * prove and verify. Storage-agnostic: SQLite and PostgreSQL run exactly this code.
 */
import { createHash, createPublicKey, randomBytes, sign, verify as verifySignature, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { VerifyWorkerInput } from './verify-worker.js';
import { open, rename, unlink } from 'node:fs/promises';
import {
  ARCHIVE_FORMAT,
  completeAcross,
  expire,
  isTombstoneLine,
  parseLine,
  parsePolicies,
  readArchive,
  readArchiveHeader,
  recordLine,
  rewriteArchive,
  writeArchiveFile,
  type ArchiveHeader,
} from './archive.js';
import { canonicalize, pendingBody, withSeqAndTs } from './canonical.js';
import { ledgerTimeMs } from './archive.js';
import {
  ChainChecker,
  ERASE_ACTION,
  erasureClaim,
  subjectPseudonym,
  uncoveredErasure,
  withPii,
  type CollectedRange,
  isTombstone,
  type ChainStart,
  type CheckRow,
  type ErasureClaim,
  type Target,
} from './chain.js';
import { hashBatch } from './hashing.js';
import { KeyError, type KeyProvider } from './keys.js';
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
  type RecordBody,
} from './record.js';
import {
  encodeFrontier,
  NODE_LEVEL_MIN,
  nodeKey,
  ZERO_HASH,
  type AppendBatch,
  type AppendGuard,
  type ArchiveRow,
  type CheckpointRow,
  type DistinctField,
  type Head,
  type LedgerStore,
  type PiiRow,
  type QuerySpec,
  type ScanRow,
  type StoredRecord,
  searchFields,
} from './store.js';

export interface LedgerOptions {
  store: LedgerStore;
  keys: KeyProvider;
  /** Sign a checkpoint whenever the tree grows past a multiple of this many records. */
  checkpointEvery?: number;
  /**
   * Also sign one when records were appended and the latest checkpoint is older than this
   * many seconds (default 60; 0 turns it off): with the next append, or by a timer when no
   * append follows, so a quiet ledger's newest records do not stay uncheckpointed.
   */
  checkpointSeconds?: number;
}

/** One caller's append waiting for the group commit. */
interface Queued {
  events: AuditEventInput[];
  /** Written alone in its transaction, after the store checked this under its append lock. */
  guard?: AppendGuard;
  resolve: (r: AppendResult) => void;
  reject: (e: unknown) => void;
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

/**
 * RFC 9162 consistency proof between two signed checkpoints of one ledger: the tree signed at
 * `from` is a prefix of the tree signed at `to`, so nothing recorded before `from` was changed
 * or removed since. Verifiable offline with `verifyConsistencyProof`.
 */
export interface ConsistencyProof {
  format: 'attest-consistency/v1';
  from: SignedCheckpoint;
  to: SignedCheckpoint;
  /** Subtree hashes, hex, in RFC 9162 order. */
  proof: string[];
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
    | 'head-mismatch'
    /** An archive file or registration that does not fit the ledger or its neighbours. */
    | 'archive-mismatch'
    /** Archive files given for verification leave out (or overlap) a range of records. */
    | 'archive-gap'
    /** A check the store could not run: nothing can be said of what it covers, so not ok. */
    | 'unchecked';
  message: string;
}

/** How one archive file verified. */
export interface ArchiveFileReport {
  file: string;
  from: number;
  to: number;
  /** Records checked in full. */
  records: number;
  /** Tombstones: records whose retention elapsed (chain hash and leaf only). */
  expired: number;
  ok: boolean;
  /** Whether the file is byte for byte the one registered (false once retention or erasure rewrote it). */
  unchangedSinceArchived?: boolean;
}

export interface ArchiveResult {
  from: number;
  to: number;
  /** Records written to the archive (0: nothing to archive). */
  records: number;
  /** Records deleted from the database. */
  deleted: number;
  file?: string;
  sha256?: string;
  checkpoint?: SignedCheckpoint;
  message: string;
}

export interface RetentionResult {
  file: string;
  /** Records turned into tombstones now. */
  expired: number;
  alreadyExpired: number;
  kept: number;
  byCategory: Record<string, number>;
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
  /** Records 1..archivedUpto are archived: the database's chain starts after them. */
  archivedUpto?: number;
  /** Archive files checked (verify({ archives })). */
  archives?: ArchiveFileReport[];
  personalData: { present: number; erased: number };
  /** Archived records whose retention elapsed (tombstones), accepted as such. */
  expired: number;
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
/** Actions reserved to src/compliance/records.ts (see append). */
export const COMPLIANCE_ACTION_PREFIX = 'compliance.';
/** Alert records (raised, acknowledged, resolved, delivery failed), reserved to detection, notify and the alerts API (see append). */
export const ALERT_ACTION_PREFIX = 'alert.';
/** The record of a retention run, reserved to src/ledger/retention-run.ts (see append). */
export const RETENTION_RUN_ACTION = 'ledger.retention.run';
/** A key rotation, written by Ledger.rotateKey alone (it is what says when a key was last rotated). */
export const KEY_ROTATION_ACTION = 'ledger.key.rotate';

export interface KeyRotation {
  kind: 'signing' | 'hmac';
  previous: string;
  key: string;
  /** Sequence number of the rotation record. */
  record: number;
  /** Signing: the checkpoint the old key signed last (the tree up to the rotation) and the new key's first. */
  sealed?: SignedCheckpoint;
  opened?: SignedCheckpoint;
}
/** Ledgers from this many records on are verified by two threads (SQLite). */
const PARALLEL_VERIFY_MIN = 50_000;

/** Runs a verification worker; undefined when it cannot (the caller then checks sequentially). */
function runVerifyWorker(input: VerifyWorkerInput): Promise<CollectedRange | undefined> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./verify-worker.js', import.meta.url), { workerData: input });
    } catch {
      resolve(undefined);
      return;
    }
    const bytes = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
    worker.once('message', (m: { ok: true; result: CollectedRange } | { ok: false; error: string }) => {
      if (!m.ok) return resolve(undefined);
      const r = m.result;
      resolve({ ...r, leaves: r.leaves.map(bytes), prev: bytes(r.prev) });
    });
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}

/** A record as this process appended it: the caller's event (personal fields included) with its seq and time. */
export interface AppendedRecord {
  seq: number;
  ts: string;
  event: AuditEventInput;
}

/** Called after each committed batch, in seq order, with the records this process appended. */
export type AppendListener = (records: readonly AppendedRecord[]) => void;

export class Ledger {
  readonly origin: string;
  private readonly listeners = new Set<AppendListener>();
  private readonly every: number;
  private readonly periodMs: number;
  /** When this process last knew a checkpoint to be signed (ms since the epoch). */
  private lastCheckpointMs = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(
    readonly store: LedgerStore,
    readonly keys: KeyProvider,
    readonly ledgerId: string,
    every: number,
    seconds: number,
  ) {
    this.origin = `attest-ledger/${ledgerId}`;
    this.every = every;
    this.periodMs = seconds * 1000;
  }

  /**
   * Refuses keys that did not chain the ledger's records (a wrong or new key folder): their
   * first append would break the chain at that record, and verification would fail there.
   */
  static async open(opts: LedgerOptions): Promise<Ledger> {
    const id = await opts.store.init();
    const chain = await chainOf(opts.store);
    const foreign = chain.kid !== undefined ? !opts.keys.hmac(chain.kid) : chain.checkpointKid !== undefined && !opts.keys.signingPublic(chain.checkpointKid);
    if (foreign) {
      throw new KeyError(
        `the ledger at ${opts.store.location} has ${chain.text}, which is not in ${opts.keys.description}. Point --keys (or ATTEST_LEDGER_KEYS) at the keys this ledger was written with; new keys cannot continue its chain.`,
      );
    }
    const ledger = new Ledger(opts.store, opts.keys, id, opts.checkpointEvery ?? 1000, opts.checkpointSeconds ?? 60);
    const latest = await opts.store.latestCheckpoint();
    ledger.lastCheckpointMs = latest ? ledgerTimeMs(latest.time) : Date.now();
    return ledger;
  }

  /** Waits for appends already queued (each is acknowledged or refused), then closes the store. */
  async close(): Promise<void> {
    while (this.draining || this.queue.length) await this.drained;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.store.close();
  }

  /**
   * Subscribes to this process's appends (after commit, in seq order); returns the
   * unsubscribe function. The ledger publishes and does not know who listens: a listener that
   * throws is the listener's bug and cannot fail or undo an append already committed.
   * Appends by other processes sharing the store are not seen here: read them by seq.
   */
  onAppend(listener: AppendListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private publish(events: AuditEventInput[], first: number, ts: string): void {
    if (this.listeners.size === 0) return;
    const records = events.map((event, i) => ({ seq: first + i, ts, event }));
    for (const l of this.listeners) {
      try {
        l(records);
      } catch {
        // see onAppend: a listener's failure is its own
      }
    }
  }

  /** After an append that signed nothing: a checkpoint once the period is over, unless one comes sooner. */
  private scheduleCheckpoint(): void {
    if (this.periodMs <= 0 || this.timer || this.closed) return;
    const wait = Math.max(0, this.lastCheckpointMs + this.periodMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.closed) return;
      this.checkpoint().catch(() => undefined); // the next append or timer tries again
    }, wait);
    this.timer.unref();
  }

  // -------------------------------------------------------------------------
  // Append

  /**
   * Validates every event first (a bad one refuses the whole call, naming the field; nothing
   * is written), then appends them atomically in order. Large inputs are written in
   * transactions of up to 5000 records. Erasure records are eraseSubject's alone: verification
   * accepts missing personal data where one covers it, so an appender must not write one.
   * Compliance records (`compliance.*`) are the compliance module's alone (`opts.compliance`):
   * they decide requirement statuses and exception approvals, and that module checks them
   * (catalog, validity bounds, a second person for an approval) before they are written.
   * Retention-run records (`ledger.retention.run`, and below it: queries match by prefix)
   * are the retention run's alone (`opts.retentionRun`): the self-assessment and the
   * service's schedule take the latest one as when retention last ran, so one written by any
   * client with audit:write would pass ATTEST-SVC-AUDIT-006 and put off the real run.
   * Alert records (`alert.*`) are detection's, notify's and the alerts API's alone
   * (`opts.alerts`): the console shows them as alerts a security officer must work, so a
   * client with audit:write must not be able to raise, close or bury one.
   * `unless` makes the append conditional: the store checks it under its append lock, in the
   * append's transaction (SQLite's write lock, PostgreSQL's head row lock, which every writer
   * of the database takes), and refuses the whole call with LedgerConflictError, writing
   * nothing, when a record of that target already has one of its actions. A guarded call is
   * written in a transaction of its own (never merged with others), of at most 5000 records.
   */
  async append(events: unknown[], opts: { compliance?: boolean; retentionRun?: boolean; alerts?: boolean; unless?: AppendGuard } = {}): Promise<AppendResult> {
    const valid = events.map((e, i) => {
      const ev = validateEvent(e, events.length > 1 ? i : undefined);
      if (ev.action === ERASE_ACTION) {
        throw new LedgerValidationError('action', `${ERASE_ACTION} is written only by erase-subject, which deletes the data it names; report the erasure with another action`, events.length > 1 ? i : undefined);
      }
      if (ev.action.startsWith(COMPLIANCE_ACTION_PREFIX) && !opts.compliance) {
        throw new LedgerValidationError('action', `${ev.action}: compliance.* records are written only by the compliance commands and API (attest evidence, attest exceptions, and the records of reports and bundles made), which check them; report this event with another action`, events.length > 1 ? i : undefined);
      }
      if (ev.action.startsWith(ALERT_ACTION_PREFIX) && !opts.alerts) {
        throw new LedgerValidationError('action', `${ev.action}: alert.* records are written only by detection, alert delivery and the alerts API (POST /api/alerts/:id/acknowledge, /resolve), since the console shows them as alerts to work; report this event with another action`, events.length > 1 ? i : undefined);
      }
      if (ev.action === KEY_ROTATION_ACTION || ev.action.startsWith(`${KEY_ROTATION_ACTION}.`)) {
        throw new LedgerValidationError('action', `${ev.action}: key rotation records are written only by the rotation itself (attest ledger keys rotate), since they are what says when a key was last rotated; report this event with another action`, events.length > 1 ? i : undefined);
      }
      if ((ev.action === RETENTION_RUN_ACTION || ev.action.startsWith(`${RETENTION_RUN_ACTION}.`)) && !opts.retentionRun) {
        throw new LedgerValidationError('action', `${ev.action}: ${RETENTION_RUN_ACTION} records are written only by a retention run (the service's schedule, attest ledger retention run), since they are what says when retention last ran; report this event with another action`, events.length > 1 ? i : undefined);
      }
      return ev;
    });
    if (opts.unless && valid.length > MAX_BATCH) throw new LedgerValidationError('events', `a guarded append (unless) is one transaction: at most ${MAX_BATCH} events, got ${valid.length}`);
    if (opts.unless && !opts.unless.actions.length) throw new LedgerValidationError('unless', 'name at least one action the target must not have');
    let first = 0;
    let last = 0;
    let checkpoint: SignedCheckpoint | undefined;
    for (let i = 0; i < valid.length; i += MAX_BATCH) {
      const r = await this.appendValid(valid.slice(i, i + MAX_BATCH), opts.unless);
      if (!first) first = r.first;
      last = r.last;
      if (r.checkpoint) checkpoint = r.checkpoint;
    }
    return { first, last, count: valid.length, ...(checkpoint ? { checkpoint } : {}) };
  }

  private queue: Queued[] = [];
  private draining = false;

  /**
   * Group commit: calls made in the same turn of the event loop, and calls that arrive while
   * a transaction is in flight, are merged into one transaction (up to 5000 records), so many
   * concurrent small appends cost few transactions — also with SQLite, whose writes do not
   * yield to the event loop. Each caller still gets its own contiguous seq range.
   */
  private appendValid(events: AuditEventInput[], guard?: AppendGuard): Promise<AppendResult> {
    if (events.length === 0) return Promise.resolve({ first: 0, last: 0, count: 0 });
    return new Promise((resolve, reject) => {
      this.queue.push({ events, resolve, reject, ...(guard ? { guard } : {}) });
      if (!this.draining) {
        this.draining = true;
        this.drained = new Promise<void>((r) => setImmediate(r)).then(() => this.drain());
      }
    });
  }

  /** The drain in progress (resolved when the queue is empty). */
  private drained: Promise<void> = Promise.resolve();

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length) {
        const group = [this.queue.shift()!];
        let n = group[0]!.events.length;
        // A guarded call's check covers the database before the batch, not other callers' records in it.
        while (!group[0]!.guard && this.queue.length && !this.queue[0]!.guard && n + this.queue[0]!.events.length <= MAX_BATCH) {
          const next = this.queue.shift()!;
          n += next.events.length;
          group.push(next);
        }
        await this.writeGroup(group);
      }
    } finally {
      this.draining = false;
    }
  }

  /**
   * Writes a group of callers' events in one transaction. When it fails, the whole
   * transaction rolled back and any one caller's records may be what the store refused: the
   * group is halved and each half written again, down to single callers, so only the callers
   * whose own records fail get the error and every other caller is written and acknowledged.
   * Halving finds one refused caller among n in about 2·log2(n) transactions, not n.
   * A failure of the store itself (storeWide) is no caller's: every caller gets it at once,
   * since each of the 2n-1 retries would fail too, after waiting out the lock timeout again.
   */
  private async writeGroup(group: Queued[]): Promise<void> {
    try {
      const r = await this.writeBatch(group.length === 1 ? group[0]!.events : group.flatMap((g) => g.events), group.length === 1 ? group[0]!.guard : undefined);
      let seq = r.first;
      for (const g of group) {
        const first = seq;
        seq += g.events.length;
        g.resolve({ first, last: seq - 1, count: g.events.length, ...(r.checkpoint && seq - 1 === r.last ? { checkpoint: r.checkpoint } : {}) });
      }
    } catch (e) {
      if (group.length === 1 || storeWide(e)) {
        for (const g of group) g.reject(e);
        return;
      }
      const half = group.length >> 1;
      await this.writeGroup(group.slice(0, half));
      await this.writeGroup(group.slice(half));
    }
  }

  private async writeBatch(events: AuditEventInput[], guard?: AppendGuard): Promise<AppendResult> {
    const parts = events.map(splitEvent);
    // Canonicalised before taking the lock; under it only seq and time are spliced in.
    const pending = parts.map((p) => pendingBody(p.body as unknown as Record<string, unknown>));
    const { kid, key } = this.keys.activeHmac();
    const nonces = randomBytes(16 * events.length);
    let signed: CheckpointRow | undefined;
    // Only stores that keep the searchable columns apart from the body need them given.
    const plainColumns = this.store.searchColumnMismatch !== undefined;
    const batch = await this.store.append((head: Head): AppendBatch => {
      let ts = formatMicros(nowMicros());
      if (ts < head.ts) ts = head.ts; // never backwards, whatever the clocks of several writers say
      const texts: Buffer[] = [];
      const offsets = new Uint32Array(events.length + 1);
      let off = 0;
      for (let i = 0; i < parts.length; i++) {
        const b = Buffer.from(withSeqAndTs(pending[i]!, head.size + 1 + i, ts));
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
        const record: StoredRecord = { seq, kid, nonce: nonces.subarray(16 * i, 16 * i + 16), hash, body: texts[i]!.toString() };
        if (plainColumns) record.fields = searchFields({ ...parts[i]!.body, ts });
        records.push(record);
        for (const n of tree.append(out.subarray(64 * i + 32, 64 * i + 64))) if (n.level >= NODE_LEVEL_MIN) nodes.push(n);
        for (const p of parts[i]!.pii) pii.push({ seq, subject: p.subject, salt: p.salt, data: p.data });
      }
      const size = head.size + events.length;
      const due = this.periodMs > 0 && Date.now() - this.lastCheckpointMs >= this.periodMs;
      if (due || Math.floor(size / this.every) > Math.floor(head.size / this.every)) {
        signed = this.signRow(size, tree.root());
      }
      return {
        records,
        pii,
        nodes,
        head: { size, hash: records[records.length - 1]!.hash, ts, frontier: tree.hashes },
        ...(signed ? { checkpoint: signed } : {}),
      };
    }, guard);
    const first = batch.records[0]!.seq;
    const last = batch.records[batch.records.length - 1]!.seq;
    if (signed) {
      this.lastCheckpointMs = Date.now();
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
    } else this.scheduleCheckpoint();
    this.publish(events, first, batch.head.ts);
    return { first, last, count: batch.records.length, ...(signed ? { checkpoint: this.toSigned(signed) } : {}) };
  }

  /** Integrity switched off: the same rows without HMAC, Merkle tree or lock (benchmark baseline). */
  async appendRaw(events: AuditEventInput[], firstSeq: number): Promise<void> {
    const ts = formatMicros(nowMicros());
    const zero = Buffer.alloc(32);
    const nonce = Buffer.alloc(16);
    await this.store.appendRaw(
      events.map((e, i) => {
        const body = { ...splitEvent(e).body, seq: firstSeq + i, ts };
        return { seq: firstSeq + i, kid: 'none', nonce, hash: zero, body: canonicalize(body), fields: searchFields(body) };
      }),
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
      // The key that signed it: after a rotation, older checkpoints carry their own (retired) key.
      publicKey: (this.keys.signingPublic(c.kid) ?? this.keys.signing()).publicKeyPem,
    };
  }

  /** Does `signature` over `text` verify with any signing key this ledger knows (current or retired)? */
  private signedByKnownKey(text: string, signature: Buffer): boolean {
    return this.keys.signingKeys().some((k) => verifySignature(null, Buffer.from(text), k.publicKey, signature));
  }

  /**
   * Rotates a key and records the rotation in the ledger. Signing: the old key first signs a
   * checkpoint of the tree as it stands (so what it covered stays verifiable with its public
   * key, kept published), then the new key takes over and signs the tree that includes the
   * rotation record. HMAC: the new key chains the rotation record and everything after it;
   * the old key is retired, kept for verification.
   */
  async rotateKey(kind: 'signing' | 'hmac', actor: { id: string; type: 'user' | 'service' | 'system' }, reason?: string): Promise<KeyRotation> {
    let previous: string;
    let key: string;
    let sealed: SignedCheckpoint | undefined;
    if (kind === 'signing') {
      previous = this.keys.signing().kid;
      sealed = (await this.store.head()).size > 0 ? await this.checkpoint() : undefined;
      key = this.keys.rotateSigning().kid;
    } else {
      previous = this.keys.activeHmac().kid;
      key = this.keys.rotate().kid;
    }
    const r = await this.appendValid([
      validateEvent({
        actor,
        action: KEY_ROTATION_ACTION,
        target: { type: kind === 'signing' ? 'checkpoint-signing-key' : 'hmac-key', id: key },
        outcome: 'success',
        metadata: { kind, previous, key, ...(sealed ? { sealed_at_size: sealed.size } : {}), ...(reason ? { reason } : {}) },
      }),
    ]);
    const opened = kind === 'signing' ? await this.checkpoint() : undefined;
    return { kind, previous, key, record: r.first, ...(sealed ? { sealed } : {}), ...(opened ? { opened } : {}) };
  }

  /** When a key of `kind` was last rotated, from the ledger's own records (undefined: never). */
  async lastRotation(kind: 'signing' | 'hmac'): Promise<{ time: string; key: string } | undefined> {
    const { records } = await this.query({ action: KEY_ROTATION_ACTION, targetType: kind === 'signing' ? 'checkpoint-signing-key' : 'hmac-key', order: 'desc', limit: 1 });
    const r = records[0];
    return r ? { time: r.ts, key: r.target?.id ?? '' } : undefined;
  }

  /** Signs a checkpoint of the current tree now (or returns the latest if nothing changed since). */
  async checkpoint(): Promise<SignedCheckpoint> {
    const head = await this.store.head();
    const latest = await this.store.latestCheckpoint();
    if (latest && latest.size === head.size) return this.toSigned(latest);
    const row = this.signRow(head.size, new CompactRange(head.size, head.frontier).root());
    await this.store.addCheckpoint(row);
    this.lastCheckpointMs = Date.now();
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
    const rows = await this.store.query(await this.timeToSeq(spec));
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const records = await this.materialise(page);
    return { records, ...(more ? { nextCursor: `s${page[page.length - 1]!.seq}` } : {}) };
  }

  /**
   * Times are assigned under the append lock and never go backwards, so a time range is a
   * seq range: found with one probe of the time index each way, it lets the store walk the
   * records in seq order instead of sorting every record of the window by seq (seconds at a
   * million records).
   */
  private async timeToSeq(spec: QuerySpec): Promise<QuerySpec> {
    if (spec.from === undefined && spec.to === undefined) return spec;
    const { from, to, ...rest } = spec;
    const out: QuerySpec = { ...rest };
    const seqs = await this.seqRange(from, to);
    if (from !== undefined) out.seqFrom = seqs.seqFrom;
    if (to !== undefined) out.seqBefore = seqs.seqBefore;
    return out;
  }

  /** The records whose time is in [from, to) are those with seqFrom <= seq < seqBefore (either bound left open: 1, or after the head). */
  async seqRange(from?: string, to?: string): Promise<{ seqFrom: number; seqBefore: number }> {
    const end = (await this.store.head()).size + 1;
    return {
      seqFrom: from !== undefined ? (await this.store.firstSeqAtOrAfter(from)) ?? end : 1,
      seqBefore: to !== undefined ? (await this.store.firstSeqAtOrAfter(to)) ?? end : end,
    };
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

  /**
   * GDPR erasure of a subject's personal data (and salts) in the records so far, in the
   * database and in the given archive files; the chain still verifies. The erasure record is
   * appended first: it names the subject by a keyed pseudonym (not in clear) and the last
   * record it covers, and verification accepts missing personal data only where such a record
   * covers it. The store then removes the data from its files, not only from its tables.
   */
  async eraseSubject(
    subject: string,
    by: AuditEventInput['actor'],
    ticket?: string,
    archives: string[] = [],
    /** The request that asked for it (the HTTP request id), so its request record and this one join up. */
    requestId?: string,
  ): Promise<{ erased: number; archived: number; record: number }> {
    // Every archive must be readable and of this ledger before anything is erased.
    for (const file of archives) {
      const h = await readArchiveHeader(file).catch((e: Error) => {
        throw new LedgerValidationError('archive', `${file}: cannot read the archive: ${e.message}`);
      });
      if (h.origin !== this.origin) throw new LedgerValidationError('archive', `${file} is an archive of ${h.origin}, not of this ledger`);
    }
    // A store that would refuse the deletion refuses before the erasure record is written:
    // that record says the data was deleted. (A validation error: the CLI exits 2 with it.)
    const refusal = await this.store.eraseRefusal?.();
    if (refusal) throw new LedgerValidationError('db', refusal);
    const upto = (await this.store.head()).size;
    const rows = await this.store.subjectPii(subject, upto);
    const fields = [...new Set(rows.flatMap((r) => Object.keys(JSON.parse(r.data) as Record<string, string>)))].sort();
    const { kid, key } = this.keys.activeHmac();
    const r = await this.appendValid([
      validateEvent({
        actor: by,
        action: ERASE_ACTION,
        target: { type: 'subject', id: subjectPseudonym(key, subject) },
        outcome: 'success',
        ...(ticket ? { ticket_id: ticket } : {}),
        ...(requestId ? { request_id: requestId } : {}),
        metadata: {
          erasure: { subject_kid: kid, upto, fields },
          personal_data_rows_deleted: rows.length,
          ...(archives.length ? { archive_files: archives.length } : {}),
        },
      }),
    ]);
    const erased = await this.store.eraseSubject(subject, upto);
    let archived = 0;
    for (const file of archives) {
      await rewriteArchive(file, (line) => {
        if (isTombstoneLine(line) || !line.pii?.some((p) => p.subject === subject && line.seq <= upto)) return undefined;
        const pii = line.pii.filter((p) => p.subject !== subject);
        archived += line.pii.length - pii.length;
        return { ...line, pii };
      });
    }
    return { erased, archived, record: r.last };
  }

  /** The claims of the erasure records stored in the database (read, not verified: verify() checks their chain). */
  private async storedErasureClaims(): Promise<ErasureClaim[]> {
    const out: ErasureClaim[] = [];
    let cursor: number | undefined;
    for (;;) {
      const rows = await this.store.query({ actionExact: ERASE_ACTION, order: 'asc', limit: 1000, ...(cursor !== undefined ? { cursor } : {}) });
      for (const row of rows) {
        const c = erasureClaim(row.seq, row.body);
        if (c) out.push(c);
      }
      if (rows.length < 1000) return out;
      cursor = rows[rows.length - 1]!.seq;
    }
  }

  // -------------------------------------------------------------------------
  // Proofs

  /**
   * Hashes of aligned complete subtrees: levels >= NODE_LEVEL_MIN from the stored nodes,
   * smaller ones from the records. Below the latest archive boundary the records are gone;
   * the boundary's frontier supplies the subtrees that proofs of later records need.
   */
  private async completeHashes(wanted: { level: number; index: number }[]): Promise<(level: number, index: number) => Buffer> {
    const high = wanted.filter((w) => w.level >= NODE_LEVEL_MIN);
    const low = wanted.filter((w) => w.level < NODE_LEVEL_MIN);
    const map = await this.store.nodes(high);
    const archived = low.length ? await this.store.archives() : [];
    const boundary = archived[archived.length - 1];
    const upto = boundary?.upto ?? 0;
    for (const w of low) {
      const start = w.index * 2 ** w.level;
      const end = start + 2 ** w.level;
      const lo = Math.max(start, upto);
      const rows = lo < end ? await this.store.records(lo + 1, end) : [];
      if (rows.length !== Math.max(0, end - lo)) throw new Error(`records ${lo + 1}..${end} are not all present`);
      const leaves = rows.map((r) => leafHash(Buffer.concat([r.hash, Buffer.from(r.body)])));
      try {
        map.set(nodeKey(w.level, w.index), completeAcross(upto, boundary?.frontier ?? [], (i) => leaves[i - lo]!)(w.level, w.index));
      } catch {
        throw new LedgerValidationError('seq', `records ${start + 1}..${end} are archived (records 1..${upto}); prove them from the archive file (attest ledger proof SEQ --archive FILE)`);
      }
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
    if (!rec) {
      const a = (await this.store.archives()).find((x) => seq >= x.fromSeq && seq <= x.upto);
      if (a) throw new LedgerValidationError('seq', `record ${seq} is archived (records ${a.fromSeq}..${a.upto}); prove it from the archive file: attest ledger proof ${seq} --archive FILE`);
      throw new LedgerValidationError('seq', `record ${seq} is not in the ledger`);
    }
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
  async consistencyProof(m: number, n: number): Promise<ConsistencyProof> {
    const cps = await this.store.checkpoints();
    const a = cps.find((c) => c.size === m);
    const b = cps.find((c) => c.size === n);
    if (!a || !b) throw new LedgerValidationError('checkpoint', `no checkpoint of size ${!a ? m : n} (known: ${cps.map((c) => c.size).join(', ') || 'none'})`);
    if (m > n) throw new LedgerValidationError('checkpoint', `the first size (${m}) must not exceed the second (${n})`);
    const plan = consistencyPlan(m, n);
    const complete = await this.completeHashes(plan.flatMap((p) => decompose(p.start, p.size)));
    return { format: 'attest-consistency/v1', from: this.toSigned(a), to: this.toSigned(b), proof: plan.map((p) => subtreeHash(p.start, p.size, complete).toString('hex')) };
  }

  // -------------------------------------------------------------------------
  // Verification

  /** Stored checkpoints (signatures checked) and an auditor's checkpoint file, as roots the tree must reach. */
  private async checkpointTargets(
    problems: VerifyProblem[],
    external?: SignedCheckpoint,
  ): Promise<{ stored: CheckpointRow[]; valid: Map<number, CheckpointRow>; targets: Map<number, Target[]> }> {
    const stored = await this.store.checkpoints();
    const targets = new Map<number, Target[]>();
    const valid = new Map<number, CheckpointRow>();
    const add = (size: number, t: Target) => (targets.get(size) ?? targets.set(size, []).get(size)!).push(t);
    for (const c of stored) {
      const key = this.keys.signingPublic(c.kid);
      const ok = key !== undefined && verifySignature(null, Buffer.from(this.note(c.size, c.root, c.time)), key.publicKey, c.signature);
      if (!ok) problems.push({ seq: c.size, kind: 'checkpoint-signature', message: key ? `stored checkpoint at size ${c.size} does not carry a valid signature of key ${c.kid}` : `stored checkpoint at size ${c.size} names signing key ${c.kid}, which ${this.keys.description} does not hold (current or retired)` });
      else valid.set(c.size, c);
      add(c.size, { root: c.root, what: 'stored checkpoint' });
    }
    if (external) {
      const key = this.keys.signingPublic(external.keyId);
      const why = key ? checkCheckpointFile(external, this.origin, key.publicKey) : `the checkpoint file was signed by key ${external.keyId}, which ${this.keys.description} does not hold (current or retired)`;
      if (why) problems.push({ seq: external.size, kind: 'checkpoint-signature', message: why });
      else add(external.size, { root: Buffer.from(external.root, 'hex'), what: 'checkpoint file' });
    }
    return { stored, valid, targets };
  }

  /** The statement signed when an archive is registered: where the database's chain continues. */
  private archiveNote(a: Pick<ArchiveRow, 'fromSeq' | 'upto' | 'lastHash' | 'frontier' | 'fileSha256' | 'created'>): string {
    return `${this.origin}\narchive\n${a.fromSeq}\n${a.upto}\n${a.lastHash.toString('base64')}\n${encodeFrontier(a.frontier)}\n${a.fileSha256}\n${a.created}\n`;
  }

  /**
   * Checks the start of the database's chain after the latest archive: the registration is
   * signed, and its frontier has the root of the signed checkpoint of that size.
   */
  private boundaryProblems(a: ArchiveRow, valid: Map<number, CheckpointRow>): VerifyProblem[] {
    const seq = a.upto + 1;
    const out: VerifyProblem[] = [];
    if (!this.signedByKnownKey(this.archiveNote(a), a.signature)) {
      out.push({ seq, kind: 'archive-mismatch', message: `the registration of archive ${a.fromSeq}..${a.upto} does not carry a valid signature of any signing key of this ledger` });
    }
    const range = compactRange(a.upto, a.frontier);
    const cp = valid.get(a.upto);
    if (!range) out.push({ seq, kind: 'archive-mismatch', message: `the registration of archive ${a.fromSeq}..${a.upto} holds no valid Merkle frontier` });
    else if (!cp) out.push({ seq, kind: 'checkpoint-mismatch', message: `records 1..${a.upto} are archived, but no validly signed checkpoint of size ${a.upto} anchors where the database continues` });
    else if (!cp.root.equals(range.root())) {
      out.push({ seq, kind: 'checkpoint-mismatch', message: `the archive boundary after record ${a.upto} does not match the signed checkpoint of that size: the database does not continue the archived chain` });
    }
    return out;
  }

  /**
   * Checks the stored records from `from` on. A large SQLite ledger is checked by two
   * threads: a worker takes the second half (its HMACs need only the stored hash before it)
   * while this thread checks the first; the worker's leaves then enter this thread's tree in
   * order, so the result — the first bad seq included — is the sequential one.
   */
  private async checkRecords(db: ChainChecker, from: number, headSize: number, pageSize: number): Promise<void> {
    const min = Number(process.env['ATTEST_VERIFY_PARALLEL_MIN'] ?? PARALLEL_VERIFY_MIN);
    const split = from + Math.floor((headSize - from + 1) / 2) - 1;
    const parallel = this.store.kind === 'sqlite' && this.store.location !== ':memory:' && headSize - from + 1 >= Math.max(2, min) && split >= from;
    const sequential = async (at: number) => {
      for await (const page of this.store.scan(at, Number.MAX_SAFE_INTEGER, pageSize)) {
        if (!db.page(await this.withPii(page))) return;
      }
    };
    const before = parallel ? (await this.store.records(split, split))[0] : undefined;
    if (!before) return sequential(from);
    const worker = runVerifyWorker({
      location: this.store.location,
      from: split + 1,
      prev: before.hash,
      keys: this.keys.hmacKeys().map((k) => ({ kid: k.kid, key: k.key, created: k.created, ...(k.retired ? { retired: k.retired } : {}) })),
      description: this.keys.description,
      pageSize,
    });
    for await (const page of this.store.scan(from, split, pageSize)) {
      if (!db.page(await this.withPii(page))) break;
    }
    const second = await worker;
    if (db.stopped) return;
    // Records missing at the end of the first half, or a worker that could not run: go on here.
    if (db.expected !== split + 1 || !second) return sequential(db.expected);
    db.absorb(second);
  }

  private withPii(page: ScanRow[]): Promise<CheckRow[]> {
    return withPii(this.store, page);
  }

  /**
   * Recomputes the chain and the Merkle tree from the stored records and checks them against
   * every stored checkpoint and, when given, a checkpoint file held by the auditor. Stops at
   * the first broken record and names its sequence number. When records were archived, the
   * database's chain starts at the latest archive boundary (anchored by the signed checkpoint
   * of that size); `archives` checks archive files too, each on its own and joined to its
   * neighbours and to the database.
   */
  async verify(opts: { checkpoint?: SignedCheckpoint; pageSize?: number; archives?: string[] } = {}): Promise<VerifyReport> {
    const started = performance.now();
    const pageSize = opts.pageSize ?? 10_000;
    const problems: VerifyProblem[] = [];
    const { stored, valid, targets } = await this.checkpointTargets(problems, opts.checkpoint);
    const archived = await this.store.archives();
    const boundary = archived[archived.length - 1];
    const checkers: ChainChecker[] = [];
    const archiveReports = opts.archives?.length ? await this.verifyArchiveFiles(opts.archives, targets, archived, pageSize, problems, checkers) : undefined;
    let checkpointsChecked = 0;
    let start: ChainStart = { size: 0, hash: ZERO_HASH, frontier: [] };
    if (boundary) {
      const b = this.boundaryProblems(boundary, valid);
      problems.push(...b);
      if (!b.length) checkpointsChecked++;
      if (compactRange(boundary.upto, boundary.frontier)) start = { size: boundary.upto, hash: boundary.lastHash, frontier: boundary.frontier };
    }
    const head = await this.store.head();
    // Searchable columns kept apart from the body (PostgreSQL) are checked by the database
    // while the chain is checked here; a body it cannot read is the chain's to report.
    // A failure of that check is reported, not dropped: a verification that skipped it would
    // vouch for columns nobody compared.
    const columns = this.store.searchColumnMismatch?.(start.size + 1).catch((e: unknown) => e as Error);
    const db = new ChainChecker(this.keys, start, (size) => targets.get(size));
    checkers.push(db);
    if (start.size === (boundary?.upto ?? 0)) await this.checkRecords(db, start.size + 1, head.size, pageSize);
    else db.stopped = true;
    const size = db.tree.size;
    if (!db.stopped) {
      if (head.size !== size) {
        db.fail({
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
            db.fail({
              seq: size + 1,
              kind: 'truncated',
              message: `the ${t.what} covers ${tsize} records but only ${size} are stored: records ${size + 1}..${tsize} are missing (tail truncated)`,
            });
          }
        }
      }
    }
    for (const c of checkers) problems.push(...c.problems);
    const uncovered = uncoveredErasure(
      checkers.flatMap((c) => c.missing),
      checkers.flatMap((c) => c.claims),
      this.keys,
    );
    if (uncovered) problems.push(uncovered);
    const mismatch = await columns;
    if (mismatch instanceof Error) {
      problems.push({
        seq: start.size + 1,
        kind: 'unchecked',
        message: `the searchable columns of records from ${start.size + 1} could not be compared with the records (${mismatch.message}); run verify again, and if this persists a stored body is not JSON the database can read`,
      });
    } else if (mismatch && !problems.some((p) => p.seq === mismatch.seq)) {
      problems.push({
        seq: mismatch.seq,
        kind: 'changed',
        message: `record ${mismatch.seq}: its searchable column ${mismatch.column} differs from the record (changed to hide it from searches)`,
      });
    }
    problems.sort((a, b) => a.seq - b.seq);
    const seconds = (performance.now() - started) / 1000;
    const external = opts.checkpoint;
    const latest = stored[stored.length - 1];
    const against = external
      ? { size: external.size, root: external.root, time: external.time, source: 'file' as const }
      : latest
        ? { size: latest.size, root: latest.root.toString('hex'), time: latest.time, source: 'stored' as const }
        : undefined;
    const sum = (f: (c: ChainChecker) => number) => checkers.reduce((n, c) => n + f(c), 0);
    return {
      ok: problems.length === 0,
      ledgerId: this.ledgerId,
      origin: this.origin,
      records: size,
      root: db.tree.root().toString('hex'),
      ...(problems.length ? { firstBadSeq: problems[0]!.seq } : {}),
      problems,
      checkpointsChecked: checkpointsChecked + sum((c) => c.checkpointsChecked),
      ...(against ? { against } : {}),
      ...(boundary ? { archivedUpto: boundary.upto } : {}),
      ...(archiveReports ? { archives: archiveReports } : {}),
      personalData: { present: sum((c) => c.present), erased: sum((c) => c.erased) },
      expired: sum((c) => c.expired),
      keys: [...new Set(checkers.flatMap((c) => [...c.keysUsed]))],
      seconds: Math.round(seconds * 1000) / 1000,
      recordsPerSecond: seconds > 0 ? Math.round(sum((c) => c.records + c.expired) / seconds) : 0,
    };
  }

  /** Verifies archive files (in seq order) and checks that consecutive ones join up. */
  private async verifyArchiveFiles(
    files: string[],
    targets: Map<number, Target[]>,
    archived: ArchiveRow[],
    pageSize: number,
    problems: VerifyProblem[],
    checkers: ChainChecker[],
  ): Promise<ArchiveFileReport[]> {
    const reports: ArchiveFileReport[] = [];
    const opened: { file: string; header: ArchiveHeader }[] = [];
    for (const file of files) {
      try {
        opened.push({ file, header: await readArchiveHeader(file) });
      } catch (e) {
        problems.push({ seq: 1, kind: 'archive-mismatch', message: `${file}: cannot read the archive: ${(e as Error).message}` });
        reports.push({ file, from: 0, to: 0, records: 0, expired: 0, ok: false });
      }
    }
    opened.sort((a, b) => a.header.from - b.header.from);
    let prev: { file: string; header: ArchiveHeader; end?: ChainStart } | undefined;
    for (const { file, header } of opened) {
      const r = await this.verifyArchiveFile(file, header, targets, archived, pageSize);
      checkers.push(r.checker);
      problems.push(...r.problems);
      if (prev) {
        const gap = { seq: prev.header.to + 1, kind: 'archive-gap' as const };
        if (header.from > prev.header.to + 1) {
          problems.push({ ...gap, message: `records ${prev.header.to + 1}..${header.from - 1} are in none of the archive files given: an archive is missing between ${prev.file} and ${file}` });
        } else if (header.from <= prev.header.to) {
          problems.push({ seq: header.from, kind: 'archive-gap', message: `${file} starts at record ${header.from}, inside ${prev.file} (records ${prev.header.from}..${prev.header.to}): the archives overlap` });
        } else if (prev.end && (prev.end.hash.toString('hex') !== header.prevHash || !sameHex(prev.end.frontier, header.frontierBefore))) {
          problems.push({ seq: header.from, kind: 'archive-mismatch', message: `${file} does not continue ${prev.file}: its chain or Merkle frontier before record ${header.from} differs` });
        }
      }
      reports.push(r.report);
      prev = { file, header, ...(r.end ? { end: r.end } : {}) };
    }
    return reports;
  }

  /** Checks one archive file on its own (chain, tree up to its signed checkpoint) and against its registration. */
  private async verifyArchiveFile(
    file: string,
    h: ArchiveHeader,
    targets: Map<number, Target[]>,
    archived: ArchiveRow[],
    pageSize: number,
  ): Promise<{ checker: ChainChecker; problems: VerifyProblem[]; report: ArchiveFileReport; end?: ChainStart }> {
    const problems: VerifyProblem[] = [];
    const bad = (seq: number, kind: VerifyProblem['kind'], message: string) => problems.push({ seq, kind, message: `${file}: ${message}` });
    const start = { size: h.from - 1, hash: Buffer.from(h.prevHash, 'hex'), frontier: h.frontierBefore.map((x) => Buffer.from(x, 'hex')) };
    const unchecked = (): { checker: ChainChecker; problems: VerifyProblem[]; report: ArchiveFileReport } => {
      const checker = new ChainChecker(this.keys, { size: 0, hash: ZERO_HASH, frontier: [] }, () => undefined);
      checker.stopped = true;
      return { checker, problems, report: { file, from: h.from, to: h.to, records: 0, expired: 0, ok: false } };
    };
    if (h.origin !== this.origin) {
      bad(h.from, 'archive-mismatch', `it is an archive of ${h.origin}, not of this ledger (${this.origin})`);
      return unchecked();
    }
    if (!compactRange(start.size, start.frontier) || !compactRange(h.to, h.frontierAfter.map((x) => Buffer.from(x, 'hex')))) {
      bad(h.from, 'archive-mismatch', 'its header does not hold valid Merkle frontiers for its range');
      return unchecked();
    }
    const archiveKey = this.keys.signingPublic(h.checkpoint?.keyId);
    const why = archiveKey ? checkCheckpointFile(h.checkpoint, this.origin, archiveKey.publicKey) : `signed by key ${h.checkpoint?.keyId}, which ${this.keys.description} does not hold (current or retired)`;
    let own: Target | undefined;
    if (why) bad(h.to, 'checkpoint-signature', `its checkpoint: ${why}`);
    else if (h.checkpoint.size !== h.to) bad(h.to, 'archive-mismatch', `its checkpoint is of size ${h.checkpoint.size}, not ${h.to}`);
    else own = { root: Buffer.from(h.checkpoint.root, 'hex'), what: `checkpoint in ${file}` };
    const reg = archived.find((a) => a.upto === h.to);
    if (!reg || reg.fromSeq !== h.from) bad(h.from, 'archive-mismatch', `records ${h.from}..${h.to} are not registered as an archive of this ledger`);
    const before = archived.find((a) => a.upto === h.from - 1);
    if (before && (!before.lastHash.equals(start.hash) || !sameHex(before.frontier.map((x) => x.toString('hex')), h.frontierBefore))) {
      bad(h.from, 'archive-mismatch', `it does not start where the archive of records ${before.fromSeq}..${before.upto} ended`);
    }
    const checker = new ChainChecker(this.keys, start, (size) => {
      const t = targets.get(size);
      return size === h.to && own ? [...(t ?? []), own] : t;
    });
    const sha = createHash('sha256');
    let page: CheckRow[] = [];
    let complete = true;
    try {
      for await (const item of readArchive(file, sha)) {
        if ('header' in item) continue;
        let row: CheckRow;
        try {
          row = parseLine(item.text).row;
        } catch (e) {
          checker.page(page);
          page = [];
          checker.fail({ seq: checker.expected, kind: 'changed', message: `${file} line ${item.lineNo}: ${(e as Error).message}` });
          complete = false;
          break;
        }
        page.push(row);
        if (page.length >= pageSize) {
          const go = checker.page(page);
          page = [];
          if (!go) {
            complete = false;
            break;
          }
        }
      }
      if (page.length) checker.page(page);
    } catch (e) {
      checker.fail({ seq: checker.expected, kind: 'changed', message: `${file}: ${(e as Error).message}` });
      complete = false;
    }
    let end: ChainStart | undefined;
    if (!checker.stopped) {
      const size = checker.tree.size;
      if (size !== h.to) {
        checker.fail({
          seq: Math.min(size, h.to) + 1,
          kind: size < h.to ? 'truncated' : 'head-mismatch',
          message: size < h.to ? `${file} ends after record ${size}, but its header says it holds records up to ${h.to}` : `${file} holds records beyond ${h.to}, the end its header names`,
        });
      } else {
        end = { size, hash: checker.prev, frontier: checker.tree.hashes };
        if (!sameHex(end.frontier.map((x) => x.toString('hex')), h.frontierAfter)) bad(h.to, 'archive-mismatch', `its header's frontier after record ${h.to} is not the tree of its records`);
        if (reg && (!reg.lastHash.equals(end.hash) || !sameHex(reg.frontier.map((x) => x.toString('hex')), h.frontierAfter))) {
          bad(h.to, 'archive-mismatch', `it does not end where the database's registration of archive ${reg.fromSeq}..${reg.upto} says`);
        }
      }
    }
    const ok = problems.length === 0 && checker.problems.length === 0;
    return {
      checker,
      problems,
      ...(end ? { end } : {}),
      report: {
        file,
        from: h.from,
        to: h.to,
        records: checker.records,
        expired: checker.expired,
        ok,
        ...(complete && reg ? { unchangedSinceArchived: sha.digest('hex') === reg.fileSha256 } : {}),
      },
    };
  }

  // -------------------------------------------------------------------------
  // Archive and retention

  /**
   * Moves the records older than `before` (ledger time; those after the previous archive)
   * into the NDJSON archive file `out`, then deletes them from the database. What leaves the
   * database is verified first (nothing tampered is archived), a checkpoint of exactly the
   * archive's end is signed, and the archive is registered in the same transaction that
   * deletes the records, so the database's chain continues verifiably from it.
   */
  async archive(opts: { before: string; out: string; pageSize?: number }): Promise<ArchiveResult> {
    const archived = await this.store.archives();
    const last = archived[archived.length - 1];
    const from = (last?.upto ?? 0) + 1;
    const [newest] = await this.store.query({ to: opts.before, order: 'desc', limit: 1 });
    if (!newest || newest.seq < from) {
      return { from, to: from - 1, records: 0, deleted: 0, message: `nothing older than ${opts.before} to archive${last ? ` (records 1..${last.upto} are archived already)` : ''}` };
    }
    const to = newest.seq;
    if (existsSync(opts.out)) throw new LedgerValidationError('out', `${opts.out} already exists; an archive is never overwritten`);
    // Refused before the file is written: registering it deletes records, which not every login may.
    const refusal = await this.store.archiveRefusal?.();
    if (refusal) throw new LedgerValidationError('db', refusal);
    const problems: VerifyProblem[] = [];
    const { valid, targets } = await this.checkpointTargets(problems);
    if (last) problems.push(...this.boundaryProblems(last, valid));
    const refuse = (p: VerifyProblem) => new LedgerIntegrityError(`refusing to archive: the ledger does not verify at seq ${p.seq} [${p.kind}]: ${p.message}`, p);
    if (problems.length) throw refuse(problems.sort((a, b) => a.seq - b.seq)[0]!);
    const start: ChainStart = last ? { size: last.upto, hash: last.lastHash, frontier: last.frontier } : { size: 0, hash: ZERO_HASH, frontier: [] };
    const checker = new ChainChecker(this.keys, start, (size) => targets.get(size));
    const part = `${opts.out}.part`;
    const tmp = `${opts.out}.tmp`;
    try {
      const fh = await open(part, 'w');
      try {
        for await (const page of this.store.scan(from, to, opts.pageSize ?? 10_000)) {
          const rows = await this.withPii(page);
          checker.page(rows);
          if (checker.problems.length) break;
          await fh.write(rows.map((r) => recordLine(r as ScanRow, (r as { pii?: PiiRow[] }).pii)).join(''));
        }
        await fh.sync();
      } finally {
        await fh.close();
      }
      if (!checker.problems.length && checker.tree.size !== to) {
        checker.fail({ seq: checker.tree.size + 1, kind: 'missing', message: `records ${checker.tree.size + 1}..${to} are missing from the database` });
      }
      if (checker.problems.length) throw refuse(checker.problems.sort((a, b) => a.seq - b.seq)[0]!);
      let cp = valid.get(to);
      if (!cp) {
        cp = this.signRow(to, checker.tree.root());
        await this.store.addCheckpoint(cp);
      }
      const created = new Date().toISOString();
      const header: ArchiveHeader = {
        format: ARCHIVE_FORMAT,
        origin: this.origin,
        from,
        to,
        prevHash: start.hash.toString('hex'),
        frontierBefore: start.frontier.map((x) => x.toString('hex')),
        frontierAfter: checker.tree.hashes.map((x) => x.toString('hex')),
        checkpoint: this.toSigned(cp),
        createdAt: created,
      };
      const sha = await writeArchiveFile(tmp, header, part);
      if (existsSync(opts.out)) throw new LedgerValidationError('out', `${opts.out} appeared while the archive was written; nothing was archived`);
      await rename(tmp, opts.out);
      const row: ArchiveRow = { upto: to, fromSeq: from, lastHash: checker.prev, frontier: checker.tree.hashes, fileSha256: sha, created, signature: Buffer.alloc(0) };
      row.signature = sign(null, Buffer.from(this.archiveNote(row)), this.keys.signing().privateKey);
      let deleted: number;
      try {
        deleted = await this.store.registerArchive(row);
      } catch (e) {
        await unlink(opts.out).catch(() => undefined);
        throw e;
      }
      return { from, to, records: to - from + 1, deleted, file: opts.out, sha256: sha, checkpoint: header.checkpoint, message: `archived records ${from}..${to} to ${opts.out}` };
    } finally {
      await unlink(part).catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
    }
  }

  /** Verifies one archive file against this ledger; throws LedgerIntegrityError naming the first problem. */
  private async requireArchiveOk(file: string, shown = file): Promise<void> {
    const problems: VerifyProblem[] = [];
    const { targets } = await this.checkpointTargets([]);
    const checkers: ChainChecker[] = [];
    await this.verifyArchiveFiles([file], targets, await this.store.archives(), 10_000, problems, checkers);
    problems.push(...checkers.flatMap((c) => c.problems));
    // The erasures of archived personal data are recorded later, mostly in the database
    // (whose chain verify() checks): read them from there.
    const uncovered = uncoveredErasure(
      checkers.flatMap((c) => c.missing),
      [...checkers.flatMap((c) => c.claims), ...(await this.storedErasureClaims())],
      this.keys,
    );
    if (uncovered) problems.push(uncovered);
    problems.sort((a, b) => a.seq - b.seq);
    const p = problems[0];
    if (p) throw new LedgerIntegrityError(`${shown} does not verify at seq ${p.seq} [${p.kind}]: ${p.message}`, p);
  }

  /**
   * Applies the retention policy ({ category: duration, "*": default }) to an archive file:
   * records whose retention has elapsed at `now` become tombstones (chain hash and Merkle leaf
   * only). The file is verified before, and the rewritten file before it replaces the old one.
   */
  async applyRetention(file: string, opts: { policies: Record<string, string>; now?: number }): Promise<RetentionResult> {
    const policies = parsePolicies(opts.policies);
    const now = opts.now ?? Date.now();
    await this.requireArchiveOk(file);
    const byCategory: Record<string, number> = {};
    let alreadyExpired = 0;
    let kept = 0;
    const expired = await rewriteArchive(
      file,
      (line) => {
        if (isTombstoneLine(line)) {
          alreadyExpired++;
          return undefined;
        }
        const t = expire(line, policies, now);
        if (!t) kept++;
        else byCategory[t.expired.category] = (byCategory[t.expired.category] ?? 0) + 1;
        return t;
      },
      (tmp) => this.requireArchiveOk(tmp, `the rewritten ${file}`),
    );
    return { file, expired, alreadyExpired, kept, byCategory };
  }

  /** Proof that an archived record is in the tree of its archive's signed checkpoint (computed from the file alone). */
  async archiveInclusionProof(file: string, seq: number): Promise<InclusionProof> {
    let header: ArchiveHeader | undefined;
    const leaves: Buffer[] = [];
    let rec: InclusionProof['record'] | undefined;
    for await (const item of readArchive(file)) {
      if ('header' in item) {
        header = item.header;
        if (header.origin !== this.origin) throw new LedgerValidationError('archive', `${file} is an archive of ${header.origin}, not of this ledger`);
        if (!Number.isInteger(seq) || seq < header.from || seq > header.to) throw new LedgerValidationError('seq', `${seq} is not in ${file} (records ${header.from}..${header.to})`);
        continue;
      }
      const { line, row } = parseLine(item.text);
      if (isTombstone(row)) {
        leaves.push(row.leaf);
        if (row.seq === seq) throw new LedgerValidationError('seq', `record ${seq} has expired (its retention elapsed); only its leaf remains in ${file}`);
      } else {
        leaves.push(leafHash(Buffer.concat([row.hash, Buffer.from(row.body)])));
        if (row.seq === seq) rec = { seq, kid: row.kid, nonce: row.nonce.toString('hex'), hash: row.hash.toString('hex'), body: (line as { body: string }).body };
      }
    }
    if (!header || !rec || leaves.length !== header.to - header.from + 1) throw new LedgerValidationError('archive', `${file} does not hold records ${header?.from}..${header?.to} in full`);
    const h = header;
    const complete = completeAcross(h.from - 1, h.frontierBefore.map((x) => Buffer.from(x, 'hex')), (i) => leaves[i - (h.from - 1)]!);
    const proof = inclusionPlan(seq - 1, h.to).map((p) => subtreeHash(p.start, p.size, complete));
    return {
      seq,
      leafIndex: seq - 1,
      treeSize: h.to,
      leafHash: leaves[seq - h.from]!.toString('hex'),
      proof: proof.map((x) => x.toString('hex')),
      record: rec,
      checkpoint: h.checkpoint,
    };
  }
}

/**
 * Whether an append failed because of the store, not of the records in it: SQLite busy,
 * locked, full, read-only or failing I/O; PostgreSQL connection (class 08), resource (53)
 * and shutdown (57P) errors; a connection the network refused or dropped.
 */
function storeWide(e: unknown): boolean {
  const code = (e as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string') return false;
  return (
    /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|NOMEM)/.test(code) ||
    /^(08|53)[0-9A-Z]{3}$|^57P/.test(code) ||
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND'].includes(code)
  );
}

/** What keys a ledger's records were chained with, for refusing keys that did not write them. */
export interface ChainKeys {
  size: number;
  /** Key id of the head record; undefined when it is archived (or the ledger is empty). */
  kid?: string;
  /** Signing key id of the latest checkpoint, when the head record is not in the database. */
  checkpointKid?: string;
  /** "N records chained with key id K", for messages. */
  text: string;
}

export async function chainOf(store: LedgerStore): Promise<ChainKeys> {
  const { size } = await store.head();
  if (size === 0) return { size, text: 'no records' };
  const kid = (await store.records(size, size))[0]?.kid;
  const records = `${size} record${size === 1 ? '' : 's'}`;
  if (kid !== undefined) return { size, kid, text: `${records} chained with key id ${kid}` };
  const checkpointKid = (await store.latestCheckpoint())?.kid;
  return { size, ...(checkpointKid !== undefined ? { checkpointKid } : {}), text: `${records}, all archived, the latest checkpoint signed with key id ${checkpointKid ?? '(none)'}` };
}

function compactRange(size: number, frontier: Buffer[]): CompactRange | undefined {
  try {
    return new CompactRange(size, frontier);
  } catch {
    return undefined;
  }
}

function sameHex(a: Buffer[] | string[], b: string[]): boolean {
  const x = a.map((v) => (typeof v === 'string' ? v : v.toString('hex')));
  return x.length === b.length && x.every((v, i) => v === b[i]);
}

/** The ledger (or an archive) does not verify, so an operation that would build on it is refused. */
export class LedgerIntegrityError extends Error {
  constructor(
    message: string,
    readonly problem: VerifyProblem,
  ) {
    super(message);
    this.name = 'LedgerIntegrityError';
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

/**
 * Offline check of a consistency proof: both checkpoints' signatures (with the key each
 * carries, or the pinned one), same origin, and the proof from the first root to the second.
 * `held`, the earlier checkpoint the verifier already trusts, must be the proof's `from`.
 */
export function verifyConsistencyProof(p: ConsistencyProof, publicKeyPems?: string | string[], held?: SignedCheckpoint): { ok: boolean; reason?: string } {
  if (p?.format !== 'attest-consistency/v1' || !Array.isArray(p.proof) || !p.from || !p.to) return { ok: false, reason: 'not an attest-consistency/v1 document' };
  // Pinned keys: after a signing key rotation the two checkpoints carry different keys; each must be one of the pinned.
  const pins = (typeof publicKeyPems === 'string' ? [publicKeyPems] : publicKeyPems ?? []).map((pem) => createPublicKey(pem));
  const check = (c: SignedCheckpoint, origin?: string): string | undefined => {
    if (!pins.length) return checkCheckpointFile(c, origin);
    const whys = pins.map((k) => checkCheckpointFile(c, origin, k));
    return whys.includes(undefined) ? undefined : whys[0];
  };
  for (const [name, c] of [['earlier', p.from], ['later', p.to]] as const) {
    const why = check(c);
    if (why) return { ok: false, reason: `${name} checkpoint: ${why}` };
  }
  if (p.from.origin !== p.to.origin) return { ok: false, reason: `the checkpoints are of different ledgers (${p.from.origin}, ${p.to.origin})` };
  if (held) {
    const why = check(held, p.from.origin);
    if (why) return { ok: false, reason: `the checkpoint you hold: ${why}` };
    if (held.size !== p.from.size || held.root !== p.from.root) return { ok: false, reason: `the proof starts at size ${p.from.size}, not at the checkpoint you hold (size ${held.size})` };
  }
  if (p.from.size > p.to.size) return { ok: false, reason: `the earlier checkpoint (size ${p.from.size}) is larger than the later one (${p.to.size})` };
  let ok: boolean;
  try {
    ok = verifyConsistency(p.from.size, p.to.size, Buffer.from(p.from.root, 'hex'), Buffer.from(p.to.root, 'hex'), p.proof.map((h) => Buffer.from(h, 'hex')));
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  return ok ? { ok: true } : { ok: false, reason: `the proof does not show the ${p.from.size}-record tree to be a prefix of the ${p.to.size}-record tree: records before ${p.from.size} were changed or removed, or the proof was altered` };
}

export { verifyConsistency };
