/**
 * The audit record: what a caller may send, how it is validated, and how it is split into
 * the chained part and the erasable personal data (GDPR) before it is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import { canonicalize } from './canonical.js';

export const ACTOR_TYPES = ['user', 'service', 'system'] as const;
export const OUTCOMES = ['success', 'denied', 'error'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];
export type Outcome = (typeof OUTCOMES)[number];

export interface Actor {
  id: string;
  type: ActorType;
  ip?: string;
  user_agent?: string;
  session_id?: string;
  name?: string;
  email?: string;
}

export interface Target {
  type: string;
  id?: string;
  name?: string;
}

/** What a caller gives. Sequence number, time and hash are assigned by the ledger. */
export interface AuditEventInput {
  actor: Actor;
  action: string;
  target?: Target;
  outcome: Outcome;
  tenant?: string;
  ticket_id?: string;
  request_id?: string;
  /** Who reported the event when it differs from the actor (a service reporting for a user). */
  reporter?: { id: string; type: ActorType };
  metadata?: Record<string, unknown>;
}

/** Personal data held outside the chain, per subject, behind a salted commitment. */
export interface PiiCommitment {
  subject: string;
  fields: string[];
  commitment: string;
}

/** The chained part of a record, exactly as canonicalised and hashed. */
export interface RecordBody extends Omit<AuditEventInput, 'actor'> {
  seq: number;
  ts: string;
  /** The actor without its personal fields (those sit beside the chain). */
  actor: Pick<Actor, 'id' | 'type' | 'session_id'>;
  pii?: PiiCommitment[];
}

export interface PiiData {
  subject: string;
  salt: Buffer;
  /** Canonical JSON of { field path: value }. */
  data: string;
}

export class LedgerValidationError extends Error {
  constructor(
    readonly field: string,
    /** What is wrong with the field, without the field and record number. */
    readonly detail: string,
    readonly index?: number,
  ) {
    super(`${index !== undefined ? `record ${index + 1}: ` : ''}${field}: ${detail}`);
    this.name = 'LedgerValidationError';
  }
}

const ACTION_RE = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$/;
const MAX_ID = 256;
const MAX_TEXT = 1024;
const MAX_METADATA_BYTES = 64 * 1024;
/**
 * Bounds on the shape of metadata, far inside what the stores parse: SQLite's JSON functions
 * refuse documents nested deeper than 1000 levels (its generated search columns read every
 * body), PostgreSQL's jsonb parser runs out of stack a few thousand levels down, and the
 * ledger itself walks metadata recursively (scrubbing, canonical form). One record over a
 * limit would otherwise fail the transaction it shares with other callers' records.
 */
export const METADATA_LIMITS = { bytes: MAX_METADATA_BYTES, depth: 32, members: 10_000, keyLength: 256 } as const;
const TOP_FIELDS = new Set(['actor', 'action', 'target', 'outcome', 'tenant', 'ticket_id', 'request_id', 'reporter', 'metadata']);
const ACTOR_FIELDS = new Set(['id', 'type', 'ip', 'user_agent', 'session_id', 'name', 'email']);
const TARGET_FIELDS = new Set(['type', 'id', 'name']);
/** Fields that identify a natural person; they never enter the chain in clear. */
export const PII_ACTOR_FIELDS = ['name', 'email', 'ip', 'user_agent'] as const;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(obj: Record<string, unknown>, key: string, path: string, max: number, required: boolean): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) {
    if (required) throw new LedgerValidationError(path, 'is required');
    return undefined;
  }
  if (typeof v !== 'string') throw new LedgerValidationError(path, `must be a string, got ${Array.isArray(v) ? 'array' : typeof v}`);
  if (required && v.length === 0) throw new LedgerValidationError(path, 'must not be empty');
  if (v.length > max) throw new LedgerValidationError(path, `is longer than ${max} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(v)) throw new LedgerValidationError(path, 'contains control characters');
  if (LONE_SURROGATE.test(v)) throw new LedgerValidationError(path, 'contains an unpaired surrogate (\\ud800-\\udfff), which is not text; send it as valid UTF-16');
  return v;
}

/** Half of a UTF-16 pair without its other half: not text, and PostgreSQL's jsonb refuses its escape. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** What PostgreSQL's jsonb cannot hold: \u0000 in any string, and unpaired surrogates. */
const NOT_JSONB = new RegExp(`\\u0000|${LONE_SURROGATE.source}`);
const NOT_JSONB_TEXT = 'U+0000 or an unpaired surrogate (\\ud800-\\udfff), which PostgreSQL cannot store as JSON; remove it or encode the value (base64, say)';

function memberPath(path: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * Checks metadata against METADATA_LIMITS before anything else walks it, naming the first
 * member over a limit. The walk stops at the depth limit, so hostile nesting costs at most
 * that many frames, and at the member limit, so a huge object costs at most that many steps.
 */
function checkShape(value: unknown, path: string, depth: number, seen: { members: number }): void {
  if (typeof value === 'string') {
    if (NOT_JSONB.test(value)) throw new LedgerValidationError(path, `contains ${NOT_JSONB_TEXT}`);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (depth > METADATA_LIMITS.depth) {
    throw new LedgerValidationError(path, `nests deeper than ${METADATA_LIMITS.depth} levels (the limit for metadata); flatten it or put the detail in a string`);
  }
  const count = (p: string) => {
    if (++seen.members > METADATA_LIMITS.members) {
      throw new LedgerValidationError(p, `metadata holds more than ${METADATA_LIMITS.members} members (object keys and array elements, counted at every level); trim it or spread it over several events`);
    }
  };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = `${path}[${i}]`;
      count(p);
      checkShape(value[i], p, depth + 1, seen);
    }
    return;
  }
  for (const [k, v] of Object.entries(value)) {
    if (k.length > METADATA_LIMITS.keyLength) throw new LedgerValidationError(path, `has a key longer than ${METADATA_LIMITS.keyLength} characters; shorten the key (long text belongs in a value)`);
    if (NOT_JSONB.test(k)) throw new LedgerValidationError(path, `has a key that contains ${NOT_JSONB_TEXT}`);
    const p = memberPath(path, k);
    count(p);
    checkShape(v, p, depth + 1, seen);
  }
}

function unknownKeys(obj: Record<string, unknown>, allowed: Set<string>, path: string): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.has(k)) throw new LedgerValidationError(path ? `${path}.${k}` : k, `is not a known field (allowed: ${[...allowed].join(', ')})`);
  }
}

function oneOf<T extends string>(v: string | undefined, allowed: readonly T[], path: string): T {
  if (v === undefined || !(allowed as readonly string[]).includes(v)) {
    throw new LedgerValidationError(path, `must be one of ${allowed.join(', ')}`);
  }
  return v as T;
}

/** Validates untrusted input; throws LedgerValidationError naming the first bad field. */
export function validateEvent(input: unknown, index?: number): AuditEventInput {
  try {
    if (!isPlainObject(input)) throw new LedgerValidationError('(record)', 'must be a JSON object');
    unknownKeys(input, TOP_FIELDS, '');
    const actorRaw = input['actor'];
    if (!isPlainObject(actorRaw)) throw new LedgerValidationError('actor', actorRaw === undefined ? 'is required' : 'must be an object');
    unknownKeys(actorRaw, ACTOR_FIELDS, 'actor');
    const actor: Actor = {
      id: str(actorRaw, 'id', 'actor.id', MAX_ID, true)!,
      type: oneOf(str(actorRaw, 'type', 'actor.type', MAX_ID, true), ACTOR_TYPES, 'actor.type'),
    };
    for (const k of ['ip', 'user_agent', 'session_id', 'name', 'email'] as const) {
      const v = str(actorRaw, k, `actor.${k}`, MAX_TEXT, false);
      if (v !== undefined) actor[k] = v;
    }
    const action = str(input, 'action', 'action', 128, true)!;
    if (!ACTION_RE.test(action)) {
      throw new LedgerValidationError('action', `"${action}" is not a dotted lower-case name such as task.assign or auth.login.failed`);
    }
    const ev: AuditEventInput = {
      actor,
      action,
      outcome: oneOf(str(input, 'outcome', 'outcome', 32, true), OUTCOMES, 'outcome'),
    };
    const targetRaw = input['target'];
    if (targetRaw !== undefined && targetRaw !== null) {
      if (!isPlainObject(targetRaw)) throw new LedgerValidationError('target', 'must be an object');
      unknownKeys(targetRaw, TARGET_FIELDS, 'target');
      const target: Target = { type: str(targetRaw, 'type', 'target.type', MAX_ID, true)! };
      const id = str(targetRaw, 'id', 'target.id', MAX_ID, false);
      const name = str(targetRaw, 'name', 'target.name', MAX_TEXT, false);
      if (id !== undefined) target.id = id;
      if (name !== undefined) target.name = name;
      ev.target = target;
    }
    for (const k of ['tenant', 'ticket_id', 'request_id'] as const) {
      const v = str(input, k, k, MAX_ID, false);
      if (v !== undefined) ev[k] = v;
    }
    const reporterRaw = input['reporter'];
    if (reporterRaw !== undefined && reporterRaw !== null) {
      if (!isPlainObject(reporterRaw)) throw new LedgerValidationError('reporter', 'must be an object');
      unknownKeys(reporterRaw, new Set(['id', 'type']), 'reporter');
      ev.reporter = {
        id: str(reporterRaw, 'id', 'reporter.id', MAX_ID, true)!,
        type: oneOf(str(reporterRaw, 'type', 'reporter.type', MAX_ID, true), ACTOR_TYPES, 'reporter.type'),
      };
    }
    const md = input['metadata'];
    if (md !== undefined && md !== null) {
      if (!isPlainObject(md)) throw new LedgerValidationError('metadata', 'must be a JSON object');
      checkShape(md, 'metadata', 1, { members: 0 });
      let text: string;
      try {
        text = canonicalize(md);
      } catch (e) {
        throw new LedgerValidationError('metadata', (e as Error).message.replace(/^\$/, 'metadata'));
      }
      if (Buffer.byteLength(text) > MAX_METADATA_BYTES) throw new LedgerValidationError('metadata', `is larger than ${MAX_METADATA_BYTES} bytes`);
      ev.metadata = md;
    }
    return ev;
  } catch (e) {
    if (e instanceof LedgerValidationError && index !== undefined && e.index === undefined) {
      throw new LedgerValidationError(e.field, e.detail, index);
    }
    throw e;
  }
}

// ---------------------------------------------------------------------------
// Scrubbing of secrets in metadata

const SENSITIVE_KEY =
  /pass(word|wd|phrase)?$|^pwd$|secret|token|api[-_]?key|private[-_]?key|access[-_]?key|authorization|cookie|credential|signature|^otp$|^pin$/i;
const SENSITIVE_VALUE = [
  /^eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*$/, // JWT
  /^(Bearer|Basic)\s+\S+$/i,
  /\b(AKIA|ASIA)[A-Z0-9]{16}\b/, // AWS access key id
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /^(postgres(ql)?|mysql|mongodb(\+srv)?|redis|amqps?):\/\/[^:\s]+:[^@\s]+@/i, // URL with a password
];
export const SCRUBBED = '[scrubbed]';

/** Returns a copy with sensitive keys' values and secret-looking strings replaced; `paths` collects what was scrubbed. */
export function scrubSecrets(value: unknown, paths: string[] = [], path = 'metadata'): unknown {
  if (Array.isArray(value)) return value.map((v, i) => scrubSecrets(v, paths, `${path}[${i}]`));
  if (isPlainObject(value)) {
    // Built as entries: an assignment `out["__proto__"] = …` would set the copy's prototype
    // and drop the member from the stored record.
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        if (SENSITIVE_KEY.test(k) && v !== null && v !== '' && typeof v !== 'boolean') {
          paths.push(`${path}.${k}`);
          return [k, SCRUBBED];
        }
        return [k, scrubSecrets(v, paths, `${path}.${k}`)];
      }),
    );
  }
  if (typeof value === 'string' && SENSITIVE_VALUE.some((re) => re.test(value))) {
    paths.push(path);
    return SCRUBBED;
  }
  return value;
}

// ---------------------------------------------------------------------------
// Splitting into chained body + personal data

// Salts come from a pooled CSPRNG buffer: one randomBytes call per 4096 salts, not one per record.
let pool = Buffer.alloc(0);
let poolAt = 0;
export function randomSalt(): Buffer {
  if (poolAt + 16 > pool.length) {
    pool = randomBytes(16 * 4096);
    poolAt = 0;
  }
  const out = pool.subarray(poolAt, poolAt + 16);
  poolAt += 16;
  return out;
}

export function commitment(salt: Buffer, data: string): string {
  return createHash('sha256').update(salt).update(data).digest('hex');
}

/**
 * Builds the chained body (without seq/ts, which the ledger assigns under its lock) and
 * the personal data rows. Actor personal fields belong to the actor; a target's name
 * belongs to the target when the target is a user.
 */
export function splitEvent(ev: AuditEventInput): { body: Omit<RecordBody, 'seq' | 'ts'>; pii: PiiData[] } {
  const body: Omit<RecordBody, 'seq' | 'ts'> = {
    actor: { id: ev.actor.id, type: ev.actor.type },
    action: ev.action,
    outcome: ev.outcome,
  };
  if (ev.actor.session_id !== undefined) body.actor.session_id = ev.actor.session_id;
  const pii: PiiData[] = [];
  const commitments: PiiCommitment[] = [];
  const addPii = (subject: string, fields: Record<string, string>) => {
    const names = Object.keys(fields).sort();
    if (names.length === 0) return;
    const salt = randomSalt();
    const data = canonicalize(fields);
    pii.push({ subject, salt, data });
    commitments.push({ subject, fields: names, commitment: commitment(salt, data) });
  };
  const actorPii: Record<string, string> = {};
  for (const k of PII_ACTOR_FIELDS) if (ev.actor[k] !== undefined) actorPii[`actor.${k}`] = ev.actor[k]!;
  if (ev.target) {
    body.target = { type: ev.target.type };
    if (ev.target.id !== undefined) body.target.id = ev.target.id;
    if (ev.target.name !== undefined) {
      if (ev.target.type === 'user' && ev.target.id !== undefined) {
        if (ev.target.id === ev.actor.id) actorPii['target.name'] = ev.target.name;
        else addPii(ev.target.id, { 'target.name': ev.target.name });
      } else body.target.name = ev.target.name;
    }
  }
  addPii(ev.actor.id, actorPii);
  if (ev.tenant !== undefined) body.tenant = ev.tenant;
  if (ev.ticket_id !== undefined) body.ticket_id = ev.ticket_id;
  if (ev.request_id !== undefined) body.request_id = ev.request_id;
  if (ev.reporter !== undefined) body.reporter = ev.reporter;
  if (ev.metadata !== undefined) body.metadata = scrubSecrets(ev.metadata) as Record<string, unknown>;
  if (commitments.length) body.pii = commitments.sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
  return { body, pii };
}

// ---------------------------------------------------------------------------
// Timestamps: UTC with microseconds, monotonic within a process

const originNs = BigInt(Date.now()) * 1_000_000n - process.hrtime.bigint();

export function nowMicros(): bigint {
  return (originNs + process.hrtime.bigint()) / 1000n;
}

export function formatMicros(us: bigint): string {
  const ms = Number(us / 1000n);
  const iso = new Date(ms).toISOString(); // 2026-11-23T12:00:00.123Z
  const micro = String(us % 1000n).padStart(3, '0');
  return `${iso.slice(0, 23)}${micro}Z`;
}

/** Parses an ISO-8601 time (or date) to the ledger's microsecond format, for query bounds. */
export function parseTime(text: string, field: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.(\d{1,6}))?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text.trim());
  if (!m) throw new LedgerValidationError(field, `"${text}" is not an ISO-8601 date or time (e.g. 2026-11-01 or 2026-11-01T08:00:00Z)`);
  const frac = (m[3] ?? '').padEnd(6, '0');
  const base = m[2] ? `${m[1]}T${m[2].length === 5 ? `${m[2]}:00` : m[2].replace(/\.\d+$/, '')}${m[4] ?? 'Z'}` : `${m[1]}T00:00:00Z`;
  const d = new Date(base);
  if (Number.isNaN(d.getTime())) throw new LedgerValidationError(field, `"${text}" is not a valid time`);
  return formatMicros(BigInt(d.getTime()) * 1000n + BigInt(Number(frac)));
}

/** A relative duration such as 30d, 12h, 1y, 90m. */
export function parseDuration(text: string, field: string): number {
  const m = /^(\d+)\s*(s|m|h|d|w|y)$/.exec(text.trim());
  if (!m) throw new LedgerValidationError(field, `"${text}" is not a duration such as 30d, 12h, 7y`);
  const unit = { s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31557600 }[m[2] as 's'];
  return Number(m[1]) * unit * 1000;
}
