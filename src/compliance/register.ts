/**
 * Folding the ledger's compliance records into attestations and the exceptions register.
 * Pure: the records are given (oldest first), nothing is read or written here. The ledger is
 * the only state: a revocation, approval or review is a later record, never an edit, so the
 * register at any past time can be rebuilt from the records up to it.
 */
import type { Finding } from '../model/types.js';
import type { LedgerRecord } from '../ledger/ledger.js';
import type { Attestation, EvidenceFileRef, ExceptionEntry, ExceptionRisk, ExceptionTarget, RecordedBy } from './types.js';
import { addDays, endOfMonth, utcDay } from './util.js';

/** The ledger actions of compliance records. Every one starts with `compliance.` (reserved: see Ledger.append). */
export const ACTIONS = {
  attestation: 'compliance.attestation',
  attestationRevoke: 'compliance.attestation.revoke',
  exceptionRequest: 'compliance.exception.request',
  exceptionApprove: 'compliance.exception.approve',
  exceptionRevoke: 'compliance.exception.revoke',
  exceptionReview: 'compliance.exception.review',
  /** A framework report made (attest report with a ledger, a report job of the service): who, which framework and format, each file's SHA-256. */
  reportGenerated: 'compliance.report.generated',
  /** An evidence bundle made (attest bundle create, a bundle job of the service). */
  bundleGenerated: 'compliance.bundle.generated',
} as const;

/** The ledger query that reads every compliance record (an action filter matches the actions below it). */
export const COMPLIANCE_QUERY_ACTION = 'compliance';

export interface Register {
  attestations: Attestation[];
  /** Register entries from the ledger, in request order. */
  exceptions: ExceptionEntry[];
  /** Records that could not be folded (malformed, naming an unknown id, refused on re-check), one sentence each. */
  problems: string[];
}

type Meta = Record<string, unknown>;
const isObj = (v: unknown): v is Meta => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function recordedBy(r: LedgerRecord, m: Meta): RecordedBy {
  const by = isObj(m['by']) ? m['by'] : {};
  return {
    id: r.actor.id,
    type: r.actor.type === 'service' ? 'service' : 'user',
    issuer: str(by['issuer']) ?? 'unknown',
    source: by['source'] === 'api' ? 'api' : 'cli',
  };
}

/**
 * Two records are by the same person when issuer and subject agree, the subject compared
 * without case: providers that derive subjects from user names (and the command line's
 * --actor) treat Alice and alice as one account, and a false "different people" here would
 * let a requester approve their own exception, while a false "same" only asks for another
 * approver.
 */
export function samePerson(a: RecordedBy | { id: string; issuer: string }, b: RecordedBy | { id: string; issuer: string }): boolean {
  const fold = (s: string) => s.normalize('NFKC').toLowerCase();
  return fold(a.id) === fold(b.id) && a.issuer === b.issuer;
}

function files(v: unknown): EvidenceFileRef[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObj).map((f) => ({ name: str(f['name']) ?? '', sha256: str(f['sha256']) ?? '', size: typeof f['size'] === 'number' ? f['size'] : 0, mediaType: str(f['mediaType']) ?? '' }));
}

function target(v: unknown): ExceptionTarget | undefined {
  if (!isObj(v)) return undefined;
  if (typeof v['control'] === 'string') return { control: v['control'] };
  if (typeof v['framework'] === 'string' && typeof v['requirement'] === 'string') return { framework: v['framework'], requirement: v['requirement'] };
  return undefined;
}

/** The state of a register entry on `today` (UTC day). */
export function exceptionState(e: Pick<ExceptionEntry, 'revocation' | 'expires' | 'approval'>, today: string): ExceptionEntry['state'] {
  if (e.revocation) return 'revoked';
  if (e.expires !== undefined && e.expires < today) return 'expired';
  return e.approval ? 'approved' : 'requested';
}

/** Approved, not revoked, not past its expiry on `today`: the entry excepts what it targets. */
export function exceptionActive(e: ExceptionEntry, today: string): boolean {
  // Template suppressions are approved by being written (and reviewed) in the template.
  if (e.source === 'template') return e.state === 'approved' && (e.expires === undefined || e.expires >= today);
  return exceptionState(e, today) === 'approved';
}

/**
 * Attestations and register entries from compliance records, oldest first. A record that does
 * not fit (a revocation of an unknown attestation, an approval by the requester) is left out
 * and reported in `problems`: the fold re-checks what the writers check, so a record that
 * slipped past them still decides nothing.
 */
export function foldRegister(records: readonly LedgerRecord[], now: Date): Register {
  const today = utcDay(now);
  const attestations = new Map<string, Attestation>();
  const exceptions = new Map<string, ExceptionEntry>();
  const problems: string[] = [];
  const problem = (r: LedgerRecord, text: string) => problems.push(`ledger record ${r.seq} (${r.action}): ${text}`);
  for (const r of records) {
    const m = isObj(r.metadata) ? r.metadata : {};
    const by = recordedBy(r, m);
    switch (r.action) {
      case ACTIONS.attestation: {
        const framework = str(m['framework']);
        const requirement = str(m['requirement']);
        const validUntil = str(m['validUntil']);
        const kind = m['kind'] === 'not-applicable' ? 'not-applicable' : m['kind'] === 'evidence' ? 'evidence' : undefined;
        if (!framework || !requirement || !validUntil || !kind) { problem(r, 'framework, requirement, kind or validUntil missing; ignored'); break; }
        attestations.set(String(r.seq), {
          id: String(r.seq), framework, requirement, kind,
          statement: str(m['statement']) ?? '',
          files: files(m['files']),
          links: strs(m['links']),
          validUntil,
          attestedBy: by,
          attestedAt: r.ts,
          recordHash: r.hash,
        });
        break;
      }
      case ACTIONS.attestationRevoke: {
        const id = str(m['attestation']);
        const a = id !== undefined ? attestations.get(id) : undefined;
        if (!a) { problem(r, `revokes attestation ${JSON.stringify(id)}, which is not an earlier attestation; ignored`); break; }
        if (a.revoked) { problem(r, `attestation ${id} was already revoked by record ${a.revoked.id}; ignored`); break; }
        a.revoked = { id: String(r.seq), by, at: r.ts, reason: str(m['reason']) ?? '' };
        break;
      }
      case ACTIONS.exceptionRequest: {
        const id = str(m['exceptionId']);
        const t = target(m['target']);
        const expires = str(m['expires']);
        if (!id || !t || !expires) { problem(r, 'exceptionId, target or expires missing; ignored'); break; }
        if (exceptions.has(id)) { problem(r, `exception ${id} was already requested; ignored`); break; }
        const risk = str(m['risk']) as ExceptionRisk | undefined;
        exceptions.set(id, {
          exceptionId: id, source: 'ledger', target: t,
          scope: strs(m['scope']),
          reason: str(m['reason']) ?? '',
          ...(risk ? { risk } : {}),
          compensatingControls: strs(m['compensatingControls']),
          owner: str(m['owner']) ?? '',
          expires,
          reviewEveryDays: typeof m['reviewEveryDays'] === 'number' ? m['reviewEveryDays'] : 90,
          state: 'requested',
          requestedBy: by,
          requestedAt: r.ts,
          reviews: [],
        });
        break;
      }
      case ACTIONS.exceptionApprove:
      case ACTIONS.exceptionRevoke:
      case ACTIONS.exceptionReview: {
        const id = str(m['exceptionId']);
        const e = id !== undefined ? exceptions.get(id) : undefined;
        if (!e) { problem(r, `names exception ${JSON.stringify(id)}, which was not requested earlier; ignored`); break; }
        if (e.revocation) { problem(r, `exception ${id} was already revoked; ignored`); break; }
        const day = r.ts.slice(0, 10);
        if (r.action === ACTIONS.exceptionRevoke) {
          e.revocation = { by, at: r.ts, reason: str(m['reason']) ?? '' };
        } else if (r.action === ACTIONS.exceptionApprove) {
          if (e.approval) { problem(r, `exception ${id} was already approved; ignored`); break; }
          if (e.requestedBy && samePerson(e.requestedBy, by)) { problem(r, `exception ${id} approved by its requester ${by.id}; an approval needs a second person, ignored`); break; }
          if (e.expires! < day) { problem(r, `exception ${id} had expired on ${e.expires} before this approval; ignored`); break; }
          e.approval = { by, at: r.ts, note: str(m['note']) ?? '' };
        } else {
          if (!e.approval) { problem(r, `exception ${id} is reviewed before it was approved; ignored`); break; }
          e.reviews.push({ by, at: r.ts, note: str(m['note']) ?? '' });
        }
        break;
      }
      default:
        break;
    }
  }
  const entries = [...exceptions.values()];
  for (const e of entries) settle(e, today);
  return { attestations: [...attestations.values()], exceptions: entries, problems };
}

/** Sets state and next review of a ledger entry for `today`. */
function settle(e: ExceptionEntry, today: string): void {
  e.state = exceptionState(e, today);
  delete e.nextReviewDue;
  if (e.state === 'approved' && e.approval && e.reviewEveryDays) {
    const last = e.reviews.length ? e.reviews[e.reviews.length - 1]!.at : e.approval.at;
    e.nextReviewDue = addDays(last.slice(0, 10), e.reviewEveryDays);
  }
}

/**
 * Template suppressions as read-only register rows: one per suppression entry and control,
 * scoped to the resource it is written on. A suppression without an expiry never expires by
 * itself, which the register shows (no expiry date).
 */
export function templateEntries(findings: readonly Finding[], now: Date): ExceptionEntry[] {
  const today = utcDay(now);
  const out = new Map<string, ExceptionEntry>();
  for (const f of findings) {
    const s = f.suppression;
    if (!s) continue;
    const id = `template:${s.file}:${s.line}:${f.controlId}`;
    const resource = `${f.resource.file}#${f.resource.id}`;
    const known = out.get(id);
    if (known) {
      if (!known.scope.includes(resource)) known.scope.push(resource);
      continue;
    }
    const expired = s.expired === true || (s.expires !== undefined && s.expires < today);
    out.set(id, {
      exceptionId: id,
      source: 'template',
      target: { control: f.controlId },
      scope: [resource],
      reason: s.reason,
      compensatingControls: [],
      ...(s.expires !== undefined ? { expires: s.expires } : {}),
      state: expired ? 'expired' : 'approved',
      reviews: [],
      location: { file: s.file, line: s.line, column: s.column },
      suppressionSource: s.source,
    });
  }
  return [...out.values()];
}

export interface DueItem {
  entry: ExceptionEntry;
  /** review: a review falls due this month (or is overdue); expires: it ends this month; expired: it ended and was not closed (revoked). */
  why: 'review' | 'expires' | 'expired';
  date: string;
  overdue: boolean;
}

/** What the register asks of its owners this month: reviews due or overdue, expiries coming, expired entries still open. */
export function dueThisMonth(entries: readonly ExceptionEntry[], now: Date): DueItem[] {
  const today = utcDay(now);
  const end = endOfMonth(today);
  const out: DueItem[] = [];
  for (const e of entries) {
    if (e.state === 'expired' && e.expires) out.push({ entry: e, why: 'expired', date: e.expires, overdue: true });
    if (e.state !== 'approved') continue;
    if (e.nextReviewDue && e.nextReviewDue <= end) out.push({ entry: e, why: 'review', date: e.nextReviewDue, overdue: e.nextReviewDue < today });
    if (e.expires && e.expires <= end) out.push({ entry: e, why: 'expires', date: e.expires, overdue: false });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
