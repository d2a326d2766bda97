/**
 * The record-by-record check shared by every verification: the database's pages and the
 * pages of an archive file run through the same code, so a broken record is named by the
 * same seq and kind wherever it is kept.
 */
import { createHmac } from 'node:crypto';
import { hashBatch } from './hashing.js';
import type { KeyProvider } from './keys.js';
import type { VerifyProblem } from './ledger.js';
import { CompactRange } from './merkle.js';
import { commitment, type PiiCommitment } from './record.js';
import type { LedgerStore, PiiRow, ScanRow } from './store.js';

/** A record whose retention elapsed in an archive: only its chain hash and Merkle leaf remain. */
export interface TombstoneRow {
  tombstone: true;
  seq: number;
  hash: Buffer;
  /** SHA-256(0x00 ‖ hash ‖ body): the record's leaf in the Merkle tree. */
  leaf: Buffer;
}

/** A stored record with its personal data rows (those present), or a tombstone. */
export type CheckRow = (ScanRow & { pii?: PiiRow[] }) | TombstoneRow;

/** A root the tree must have when it reaches a size. */
export interface Target {
  root: Buffer;
  /** How the target is named in a problem, e.g. "stored checkpoint". */
  what: string;
}

/** Where the chain and the tree stand before the first row to check. */
export interface ChainStart {
  size: number;
  /** Hash of record `size` (32 zero bytes at the start of the ledger). */
  hash: Buffer;
  /** Merkle compact range after `size` leaves. */
  frontier: Buffer[];
}

function outOfPlace(seq: number, bodySeq: number | null): VerifyProblem {
  return { seq, kind: 'out-of-place', message: `the row stored as ${seq} holds the record of seq ${bodySeq ?? '(none)'} (inserted or reordered)` };
}

/** The seq and ts inside a stored body (null when the body is not a record). */
function bodyField(body: string): { seq: number | null; ts: string | null } {
  try {
    const b = JSON.parse(body) as { seq?: unknown; ts?: unknown };
    return { seq: typeof b.seq === 'number' ? b.seq : null, ts: typeof b.ts === 'string' ? b.ts : null };
  } catch {
    return { seq: null, ts: null };
  }
}

/**
 * The personal-data commitments of a record whose hash has been verified, so its body is
 * canonical JSON as the ledger wrote it. Top-level keys are sorted, and a quote inside a
 * JSON string is always escaped, so: the top-level "seq" member is the last `,"seq":`; the
 * top-level "outcome" is the last `,"outcome":"` before it (only "pii", "reporter" and
 * "request_id" can sit between them, none holding an object with an "outcome" key); "pii"
 * follows "outcome" directly; and its array of objects ends at the first unquoted `}],"`.
 * Only that slice is parsed, not the whole body.
 */
export function piiCommitments(body: string): PiiCommitment[] {
  const seqAt = body.lastIndexOf(',"seq":');
  if (seqAt < 0) return [];
  const outcomeAt = body.lastIndexOf(',"outcome":"', seqAt);
  if (outcomeAt < 0) return [];
  const outcomeEnd = body.indexOf('"', outcomeAt + 12);
  const start = outcomeEnd + 1;
  if (!body.startsWith(',"pii":[', start)) return [];
  const end = body.indexOf('}],"', start);
  if (end < 0 || end > seqAt) return [];
  try {
    return JSON.parse(body.slice(start + 7, end + 2)) as PiiCommitment[];
  } catch {
    return (JSON.parse(body) as { pii?: PiiCommitment[] }).pii ?? [];
  }
}

/** The action of the record that erasure writes before it deletes anything. */
export const ERASE_ACTION = 'ledger.subject.erase';

/**
 * What an erasure record (verified like every record) says it erased: the personal data of
 * one subject in records up to `upto`. The subject is named by a keyed pseudonym
 * (HMAC of the subject id with the chain key `kid`), not in clear. Erasures written before
 * the pseudonym existed named the subject in clear (`subject`) and covered every record
 * before themselves.
 */
export interface ErasureClaim {
  seq: number;
  upto: number;
  pseudonym?: string;
  kid?: string;
  subject?: string;
}

/** A personal-data row that a record commits to but that is not stored. */
export interface MissingPii {
  seq: number;
  subject: string;
}

/** The keyed pseudonym that names a subject in an erasure record. */
export function subjectPseudonym(key: Buffer, subject: string): string {
  return createHmac('sha256', key).update('attest-erasure-subject\n').update(subject).digest('hex');
}

/** The claim of a verified erasure record (body as the ledger wrote it), or undefined for any other record. */
export function erasureClaim(seq: number, body: string): ErasureClaim | undefined {
  if (!body.includes(`"action":"${ERASE_ACTION}"`)) return undefined;
  const b = JSON.parse(body) as { action?: string; target?: { type?: string; id?: string }; metadata?: { erasure?: { subject_kid?: unknown; upto?: unknown } } };
  if (b.action !== ERASE_ACTION || b.target?.type !== 'subject' || typeof b.target.id !== 'string') return undefined;
  const e = b.metadata?.erasure;
  if (e && typeof e.subject_kid === 'string' && typeof e.upto === 'number') return { seq, upto: Math.min(e.upto, seq - 1), pseudonym: b.target.id, kid: e.subject_kid };
  return { seq, upto: seq - 1, subject: b.target.id };
}

/**
 * The first personal-data row missing without a verified erasure record of its subject that
 * covers it (an insider deleting chosen rows), as a problem; undefined when every one is covered.
 */
export function uncoveredErasure(missing: MissingPii[], claims: ErasureClaim[], keys: Pick<KeyProvider, 'hmac'>): VerifyProblem | undefined {
  // The furthest record each named subject's erasures reach; one HMAC per subject and key.
  const reach = new Map<string, number>();
  const kids = new Set<string>();
  for (const c of claims) {
    const name = c.subject !== undefined ? `subject\n${c.subject}` : `${c.kid}\n${c.pseudonym}`;
    if (c.subject === undefined) kids.add(c.kid!);
    reach.set(name, Math.max(reach.get(name) ?? 0, c.upto));
  }
  const bySubject = new Map<string, number>();
  const furthest = (subject: string): number => {
    let n = bySubject.get(subject);
    if (n === undefined) {
      n = reach.get(`subject\n${subject}`) ?? 0;
      for (const kid of kids) {
        const key = keys.hmac(kid);
        if (key) n = Math.max(n, reach.get(`${kid}\n${subjectPseudonym(key.key, subject)}`) ?? 0);
      }
      bySubject.set(subject, n);
    }
    return n;
  };
  const covered = (m: MissingPii) => m.seq <= furthest(m.subject);
  const first = [...missing].sort((a, b) => a.seq - b.seq).find((m) => !covered(m));
  return first
    ? {
        seq: first.seq,
        kind: 'personal-data',
        message: `record ${first.seq}: the personal data of subject ${first.subject} is missing and no erasure record covers it (deleted outside erase-subject)`,
      }
    : undefined;
}

export interface CollectedRange {
  leaves: Buffer[];
  records: number;
  present: number;
  missing: MissingPii[];
  claims: ErasureClaim[];
  keysUsed: string[];
  expected: number;
  prev: Buffer;
  problems: VerifyProblem[];
}

/** Attaches each record's personal data rows (read by seq range). */
export async function withPii(store: Pick<LedgerStore, 'piiRange'>, page: ScanRow[]): Promise<CheckRow[]> {
  if (page.length === 0) return page;
  const rows = await store.piiRange(page[0]!.seq, page[page.length - 1]!.seq);
  const bySeq = new Map<number, PiiRow[]>();
  for (const p of rows) (bySeq.get(p.seq) ?? bySeq.set(p.seq, []).get(p.seq)!).push(p);
  const out = page as (ScanRow & { pii?: PiiRow[] })[];
  for (const r of out) r.pii = bySeq.get(r.seq) ?? [];
  return out;
}

export function isTombstone(r: CheckRow): r is TombstoneRow {
  return (r as TombstoneRow).tombstone === true;
}

export class ChainChecker {
  readonly problems: VerifyProblem[] = [];
  readonly tree: CompactRange;
  readonly keysUsed = new Set<string>();
  /** The next seq expected. */
  expected: number;
  /** Hash of the last record checked: the `prev` of the next one. */
  prev: Buffer;
  /** Set once a problem makes checking further rows meaningless. */
  stopped = false;
  present = 0;
  /** Personal data missing so far; each must be covered by an erasure claim (uncoveredErasure). */
  readonly missing: MissingPii[] = [];
  /** Personal data rows reported as erased: the missing ones. */
  get erased(): number {
    return this.missing.length;
  }
  /** Erasure records verified so far. */
  readonly claims: ErasureClaim[] = [];
  expired = 0;
  records = 0;
  checkpointsChecked = 0;

  /**
   * When set, the Merkle leaves are collected here instead of entering the tree: a checker of
   * a later range, run in another thread, whose leaves the checker of the earlier range
   * appends afterwards (absorb), checking the checkpoints they reach.
   */
  leaves: Buffer[] | undefined;

  constructor(
    private readonly keys: KeyProvider,
    start: ChainStart,
    private readonly targets: (size: number) => Target[] | undefined,
  ) {
    this.tree = new CompactRange(start.size, start.frontier);
    this.expected = start.size + 1;
    this.prev = start.hash;
  }

  /** A checker of the records from `from` on, chained to `prev`, that collects its leaves. */
  static collecting(keys: KeyProvider, from: number, prev: Buffer): ChainChecker {
    const c = new ChainChecker(keys, { size: 0, hash: prev, frontier: [] }, () => undefined);
    c.expected = from;
    c.leaves = [];
    return c;
  }

  private leaf(h: Buffer): void {
    if (this.leaves) this.leaves.push(Buffer.from(h));
    else {
      this.tree.append(h);
      this.checkTargets();
    }
  }

  /**
   * Continues with the result of a collecting checker of the records right after this one's:
   * its leaves go into the tree (checkpoints checked as they are reached), then its first
   * problem, if any, is this checker's. Only meaningful while this checker has not stopped.
   */
  absorb(r: CollectedRange): void {
    for (const l of r.leaves) {
      if (this.stopped) return;
      this.tree.append(l);
      this.checkTargets();
    }
    if (this.stopped) return;
    this.records += r.records;
    this.present += r.present;
    this.missing.push(...r.missing);
    this.claims.push(...r.claims);
    for (const k of r.keysUsed) this.keysUsed.add(k);
    this.expected = r.expected;
    this.prev = r.prev;
    if (r.problems.length) {
      this.problems.push(...r.problems);
      this.stopped = true;
    }
  }

  /** What a collecting checker hands back (structured-clone safe). */
  collected(): CollectedRange {
    return {
      leaves: this.leaves ?? [],
      records: this.records,
      present: this.present,
      missing: this.missing,
      claims: this.claims,
      keysUsed: [...this.keysUsed],
      expected: this.expected,
      prev: this.prev,
      problems: this.problems,
    };
  }

  fail(p: VerifyProblem, stop = true): void {
    this.problems.push(p);
    if (stop) this.stopped = true;
  }

  private checkTargets(): void {
    const ts = this.targets(this.tree.size);
    if (!ts) return;
    const root = this.tree.root();
    for (const t of ts) {
      this.checkpointsChecked++;
      if (!t.root.equals(root)) {
        this.fail({
          seq: this.tree.size,
          kind: 'checkpoint-mismatch',
          message: `the tree of the first ${this.tree.size} records does not match the ${t.what} of that size (root ${root.toString('hex').slice(0, 16)}… vs ${t.root.toString('hex').slice(0, 16)}…)`,
        });
      }
    }
  }

  /**
   * Checks the next rows (in seq order, continuing where the previous page ended): seq
   * continuity, keys, the HMAC chain, the Merkle tree against the targets it reaches, and
   * personal data against its commitments. Returns false once checking has stopped.
   */
  page(rows: CheckRow[]): boolean {
    if (this.stopped) return false;
    // Structural checks first: seq continuity, body seq, keys.
    let n = 0;
    for (const row of rows) {
      if (row.seq !== this.expected) {
        const e = this.expected;
        this.fail(
          row.seq > e
            ? { seq: e, kind: 'missing', message: `record ${e}${row.seq - 1 > e ? `..${row.seq - 1}` : ''} is missing (deleted); the next stored record is ${row.seq}` }
            : { seq: row.seq, kind: 'out-of-place', message: `record ${row.seq} appears again after ${e - 1}` },
        );
        break;
      }
      if (!isTombstone(row)) {
        if (row.bodySeq !== undefined && row.bodySeq !== row.seq) {
          this.fail(outOfPlace(row.seq, row.bodySeq));
          break;
        }
        const key = this.keys.hmac(row.kid);
        if (!key) {
          this.fail({ seq: row.seq, kind: 'unknown-key', message: `record ${row.seq} is chained with key "${row.kid}", which is not in ${this.keys.description}` });
          break;
        }
        const ts = key.retired ? (row.ts !== undefined ? row.ts : bodyField(row.body).ts) : null;
        if (key.retired && ts && ts > key.retired) {
          this.fail({ seq: row.seq, kind: 'retired-key', message: `record ${row.seq} (${ts}) is chained with key ${row.kid}, retired at ${key.retired}` });
          break;
        }
      }
      this.expected++;
      n++;
    }
    const structural = this.stopped;
    this.stopped = false;
    // Cryptographic checks over the structurally sound prefix, in runs of the same key.
    // A tombstone cannot be checked itself: its leaf goes into the tree as given (a wrong one
    // changes the root) and its hash is the `prev` of the next record's HMAC.
    let i = 0;
    while (i < n) {
      const first = rows[i]!;
      if (isTombstone(first)) {
        this.leaf(first.leaf);
        if (this.stopped) return false;
        this.prev = first.hash;
        this.expired++;
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && !isTombstone(rows[j]!) && (rows[j] as ScanRow).kid === first.kid) j++;
      const run = rows.slice(i, j) as ScanRow[];
      const key = this.keys.hmac(first.kid)!;
      this.keysUsed.add(key.kid);
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
      const out = hashBatch(key.key, this.prev, nonces, Buffer.concat(texts, off), offsets, hashes);
      for (let k = 0; k < run.length; k++) {
        const r = run[k]!;
        if (!out.subarray(64 * k, 64 * k + 32).equals(r.hash)) {
          // A row holding another record's body (inserted, reordered) is named as such.
          const bodySeq = r.bodySeq !== undefined ? r.bodySeq : bodyField(r.body).seq;
          this.fail(
            bodySeq !== r.seq
              ? outOfPlace(r.seq, bodySeq)
              : { seq: r.seq, kind: 'changed', message: `record ${r.seq} does not match its chain hash (a field was changed, or it does not follow record ${r.seq - 1})` },
          );
          return false;
        }
        this.leaf(out.subarray(64 * k + 32, 64 * k + 64));
        this.records++;
        if (this.stopped) return false;
      }
      this.prev = run[run.length - 1]!.hash;
      i = j;
    }
    // Personal data held beside the chain: present and matching its commitment, or erased.
    for (const r of rows.slice(0, n)) {
      if (isTombstone(r)) continue;
      const claim = erasureClaim(r.seq, r.body);
      if (claim) this.claims.push(claim);
      for (const c of piiCommitments(r.body)) {
        const p = r.pii?.find((x) => x.subject === c.subject);
        if (!p) this.missing.push({ seq: r.seq, subject: c.subject });
        else if (commitment(p.salt, p.data) === c.commitment) this.present++;
        else {
          this.fail({ seq: r.seq, kind: 'personal-data', message: `record ${r.seq}: the personal data stored for subject ${c.subject} does not match its commitment` });
          return false;
        }
      }
    }
    if (structural || n < rows.length) this.stopped = true;
    return !this.stopped;
  }
}
