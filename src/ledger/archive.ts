/**
 * Archive files: a contiguous prefix of the chain moved out of the database into NDJSON,
 * with everything needed to verify it on its own and to join it to its neighbours.
 *
 *   line 1   {"format":"attest-archive/v1","origin","from","to","prevHash","frontierBefore",
 *             "frontierAfter","checkpoint","createdAt"}
 *   then     one line per record, in seq order:
 *            {"seq","kid","nonce","hash","body","pii":[{"subject","salt","data"}]}
 *            or, once its retention has elapsed, a tombstone:
 *            {"seq","hash","leaf","expired":{"category","retention","ts"}}
 *
 * prevHash/frontierBefore are the chain hash and Merkle compact range before record `from`;
 * frontierAfter is the compact range after `to`, and `checkpoint` is a signed checkpoint of
 * size `to`: replaying the records from frontierBefore must reach its root. A tombstone keeps
 * the record's chain hash (the next record's HMAC covers it) and its Merkle leaf, so the
 * proofs still hold after the body is gone. Files are only ever rewritten whole (FILE.tmp,
 * then rename).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { CheckRow } from './chain.js';
import type { SignedCheckpoint } from './ledger.js';
import { CompactRange, decompose, leafHash, type CompleteSubtreeHash } from './merkle.js';
import { LedgerValidationError, parseDuration } from './record.js';
import type { PiiRow, StoredRecord } from './store.js';

export const ARCHIVE_FORMAT = 'attest-archive/v1';

export interface ArchiveHeader {
  format: typeof ARCHIVE_FORMAT;
  origin: string;
  from: number;
  to: number;
  /** Hex hash of record from - 1 (zeros when from = 1). */
  prevHash: string;
  /** Hex compact range after from - 1 leaves. */
  frontierBefore: string[];
  /** Hex compact range after `to` leaves. */
  frontierAfter: string[];
  checkpoint: SignedCheckpoint;
  createdAt: string;
}

export interface ArchiveRecordLine {
  seq: number;
  kid: string;
  nonce: string;
  hash: string;
  body: string;
  pii: { subject: string; salt: string; data: string }[];
}

export interface ArchiveTombstoneLine {
  seq: number;
  hash: string;
  leaf: string;
  expired: { category: string; retention: string; ts: string };
}

export type ArchiveLine = ArchiveRecordLine | ArchiveTombstoneLine;

export class ArchiveFormatError extends Error {}

const HEX32 = /^[0-9a-f]{64}$/;

function hex32(v: unknown, what: string): Buffer {
  if (typeof v !== 'string' || !HEX32.test(v)) throw new ArchiveFormatError(`${what} is not a 32-byte hex hash`);
  return Buffer.from(v, 'hex');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isTombstoneLine(l: ArchiveLine): l is ArchiveTombstoneLine {
  return (l as ArchiveTombstoneLine).leaf !== undefined;
}

/** The archive line of a stored record and its personal data rows. */
export function recordLine(r: StoredRecord, pii: PiiRow[] = []): string {
  const line: ArchiveRecordLine = {
    seq: r.seq,
    kid: r.kid,
    nonce: r.nonce.toString('hex'),
    hash: r.hash.toString('hex'),
    body: r.body,
    pii: pii.map((p) => ({ subject: p.subject, salt: p.salt.toString('hex'), data: p.data })),
  };
  return JSON.stringify(line) + '\n';
}

/** Parses a header and checks its shape (not its signature). */
export function parseHeader(text: string): ArchiveHeader {
  let h: unknown;
  try {
    h = JSON.parse(text);
  } catch {
    throw new ArchiveFormatError('the first line is not a JSON archive header');
  }
  if (!isObject(h) || h['format'] !== ARCHIVE_FORMAT) throw new ArchiveFormatError(`the first line is not an ${ARCHIVE_FORMAT} header`);
  const from = h['from'];
  const to = h['to'];
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || (from as number) < 1 || (to as number) < (from as number)) {
    throw new ArchiveFormatError('the header does not name a seq range (from, to)');
  }
  if (typeof h['origin'] !== 'string' || !isObject(h['checkpoint'])) throw new ArchiveFormatError('the header lacks origin or checkpoint');
  hex32(h['prevHash'], 'prevHash');
  for (const k of ['frontierBefore', 'frontierAfter'] as const) {
    const f = h[k];
    if (!Array.isArray(f)) throw new ArchiveFormatError(`${k} is not a list of hashes`);
    f.forEach((x, i) => hex32(x, `${k}[${i}]`));
  }
  return h as unknown as ArchiveHeader;
}

/** Parses a record or tombstone line into the row the chain checker takes. */
export function parseLine(text: string): { line: ArchiveLine; row: CheckRow } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new ArchiveFormatError('not valid JSON');
  }
  if (!isObject(v) || !Number.isSafeInteger(v['seq'])) throw new ArchiveFormatError('not an archive record (no seq)');
  const seq = v['seq'] as number;
  if (v['leaf'] !== undefined) {
    const row: CheckRow = { tombstone: true, seq, hash: hex32(v['hash'], 'hash'), leaf: hex32(v['leaf'], 'leaf') };
    return { line: v as unknown as ArchiveTombstoneLine, row };
  }
  const { kid, nonce, body, pii } = v;
  if (typeof kid !== 'string' || typeof body !== 'string' || typeof nonce !== 'string' || !/^[0-9a-f]{32}$/.test(nonce)) {
    throw new ArchiveFormatError('not an archive record (kid, nonce, body)');
  }
  const piiRows: PiiRow[] = [];
  if (pii !== undefined) {
    if (!Array.isArray(pii)) throw new ArchiveFormatError('pii is not a list');
    for (const p of pii) {
      if (!isObject(p) || typeof p['subject'] !== 'string' || typeof p['salt'] !== 'string' || typeof p['data'] !== 'string') {
        throw new ArchiveFormatError('a pii entry lacks subject, salt or data');
      }
      piiRows.push({ seq, subject: p['subject'], salt: Buffer.from(p['salt'], 'hex'), data: p['data'] });
    }
  }
  let parsed: { seq?: unknown; ts?: unknown } = {};
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    // A body that is not JSON fails its chain hash; let the checker name it.
  }
  const row: CheckRow = {
    seq,
    kid,
    nonce: Buffer.from(nonce, 'hex'),
    hash: hex32(v['hash'], 'hash'),
    body,
    bodySeq: typeof parsed.seq === 'number' ? parsed.seq : null,
    ts: typeof parsed.ts === 'string' ? parsed.ts : null,
    pii: piiRows,
  };
  return { line: v as unknown as ArchiveRecordLine, row };
}

/**
 * Reads an archive: the header first, then each further non-empty line with its number.
 * `sha256` (when given) receives every byte of the file as it is read.
 */
export async function* readArchive(
  file: string,
  sha256?: ReturnType<typeof createHash>,
): AsyncGenerator<{ header: ArchiveHeader; text: string } | { lineNo: number; text: string }> {
  const stream = createReadStream(file);
  if (sha256) stream.on('data', (c) => sha256.update(c));
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  try {
    for await (const text of lines) {
      lineNo++;
      if (lineNo === 1) {
        yield { header: parseHeader(text), text };
        continue;
      }
      if (text.trim()) yield { lineNo, text };
    }
    if (lineNo === 0) throw new ArchiveFormatError('the file is empty');
  } finally {
    lines.close();
    stream.destroy();
  }
}

export async function readArchiveHeader(file: string): Promise<ArchiveHeader> {
  for await (const item of readArchive(file)) {
    if ('header' in item) return item.header;
  }
  throw new ArchiveFormatError('the file is empty');
}

/**
 * Rewrites an archive line by line through `edit` (undefined keeps the line as it is): the
 * result goes to FILE.tmp, is synced, checked by `check` when given, and renamed over FILE.
 * Nothing is written when no line changes. Resolves to the number of lines changed.
 */
export async function rewriteArchive(
  file: string,
  edit: (line: ArchiveLine, row: CheckRow) => ArchiveLine | undefined,
  check?: (tmp: string) => Promise<void>,
): Promise<number> {
  const tmp = `${file}.tmp`;
  const fh = await open(tmp, 'w');
  let changed = 0;
  let ok = false;
  try {
    let buf: string[] = [];
    for await (const item of readArchive(file)) {
      if ('header' in item) {
        buf.push(item.text + '\n');
        continue;
      }
      let parsed;
      try {
        parsed = parseLine(item.text);
      } catch (e) {
        throw new ArchiveFormatError(`${file} line ${item.lineNo}: ${(e as Error).message}`);
      }
      const next = edit(parsed.line, parsed.row);
      if (next) changed++;
      buf.push(next ? JSON.stringify(next) + '\n' : item.text + '\n');
      if (buf.length >= 1000) {
        await fh.write(buf.join(''));
        buf = [];
      }
    }
    await fh.write(buf.join(''));
    await fh.sync();
    ok = true;
  } finally {
    await fh.close();
    if (!ok || changed === 0) await unlink(tmp).catch(() => undefined);
  }
  if (changed === 0) return 0;
  try {
    if (check) await check(tmp);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await rename(tmp, file);
  return changed;
}

// ---------------------------------------------------------------------------
// Retention

export interface RetentionRule {
  category: string;
  retention: string;
  ms: number;
}

/** Validates a retention policy ({ category: duration }, "*" for every other category). */
export function parsePolicies(p: Record<string, string>): Map<string, RetentionRule> {
  const out = new Map<string, RetentionRule>();
  for (const [category, retention] of Object.entries(p)) {
    if (typeof retention !== 'string') throw new LedgerValidationError(`retention.${category}`, 'must be a duration such as 1y or 90d');
    out.set(category, { category, retention, ms: parseDuration(retention, `retention.${category}`) });
  }
  return out;
}

/** The rule for an action: its category is the first segment of the action, else "*". */
export function retentionFor(action: string, policies: Map<string, RetentionRule>): RetentionRule | undefined {
  return policies.get(action.split('.')[0]!) ?? policies.get('*');
}

/** Milliseconds since the epoch of a ledger time (microseconds are dropped). */
export function ledgerTimeMs(ts: string): number {
  return Date.parse(ts.length > 24 ? `${ts.slice(0, 23)}Z` : ts);
}

/** The tombstone of a record line whose retention has elapsed at `now`, or undefined. */
export function expire(l: ArchiveRecordLine, policies: Map<string, RetentionRule>, now: number): ArchiveTombstoneLine | undefined {
  let body: { action?: unknown; ts?: unknown };
  try {
    body = JSON.parse(l.body) as typeof body;
  } catch {
    return undefined;
  }
  if (typeof body.action !== 'string' || typeof body.ts !== 'string') return undefined;
  const rule = retentionFor(body.action, policies);
  if (!rule || !(ledgerTimeMs(body.ts) + rule.ms <= now)) return undefined;
  return {
    seq: l.seq,
    hash: l.hash,
    leaf: leafHash(Buffer.concat([Buffer.from(l.hash, 'hex'), Buffer.from(l.body)])).toString('hex'),
    expired: { category: rule.category, retention: rule.retention, ts: body.ts },
  };
}

// ---------------------------------------------------------------------------
// Merkle subtrees across a boundary

/**
 * Hashes of aligned complete subtrees when only the compact range after `base` leaves and
 * the leaves from `base` on are at hand (records before `base` are in an archive, or in an
 * older archive). A subtree wholly before `base` is available only when it is one of the
 * frontier's own subtrees, which is always the case for the subtrees that inclusion proofs
 * of leaves >= base, and the root of any size >= base, reach.
 */
export function completeAcross(base: number, frontier: Buffer[], leaf: (index: number) => Buffer): CompleteSubtreeHash {
  const pieces = decompose(0, base);
  return (level, index) => {
    const size = 2 ** level;
    const start = index * size;
    const end = start + size;
    if (end <= base) {
      const i = pieces.findIndex((p) => p.level === level && p.index === index);
      if (i < 0) throw new Error(`leaves ${start}..${end - 1} are before the boundary at ${base} and not a subtree of its frontier`);
      return frontier[i]!;
    }
    let tree = new CompactRange();
    if (start < base) {
      const tail = pieces.map((p, i) => ({ p, h: frontier[i]! })).filter((x) => x.p.index * 2 ** x.p.level >= start);
      tree = new CompactRange(base - start, tail.map((x) => x.h));
    }
    for (let i = Math.max(start, base); i < end; i++) tree.append(leaf(i));
    return tree.root();
  };
}

/** Copies `header` + the lines of `body` into `file` (created, synced); resolves to the file's SHA-256. */
export async function writeArchiveFile(file: string, header: ArchiveHeader, body: string): Promise<string> {
  const hash = createHash('sha256');
  const fh = await open(file, 'wx');
  try {
    const first = JSON.stringify(header) + '\n';
    hash.update(first);
    await fh.write(first);
    for await (const chunk of createReadStream(body)) {
      hash.update(chunk as Buffer);
      await fh.write(chunk as Buffer);
    }
    await fh.sync();
  } finally {
    await fh.close();
  }
  return hash.digest('hex');
}
