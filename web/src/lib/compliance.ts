// The compliance readiness API as the console reads and writes it (src/server/routes/compliance.ts):
// shapes of its answers, and the writes (JSON bodies, raw file uploads) with the same rules
// as every other call: the in-memory bearer token, a 401 ends the session, errors carry the
// server's message and the field it names.
import { ApiError } from './api';
import type { ApiErrorBody } from './types';
import type { Session } from '../session';

export type ReqStatus = 'met' | 'partially_met' | 'not_met' | 'unknown' | 'not_started' | 'expired' | 'excepted' | 'not_applicable';
export type PartStatus = 'met' | 'not_met' | 'unknown' | 'excepted' | 'no_evidence' | 'not_started' | 'expired';

export interface StatusInfo {
  status: ReqStatus;
  symbol: string;
  text: string;
  countsAsMet: boolean;
}

export interface Ratio {
  numerator: number;
  denominator: number;
  percent: number | null;
}

export interface FrameworkSummary {
  total: number;
  applicable: number;
  met: number;
  counts: Record<ReqStatus, number>;
  score: Ratio;
  coverage: Ratio;
}

export interface Category {
  id: string;
  title: string;
  default: boolean;
}

export interface FrameworkHead {
  id: string;
  framework: string;
  name: string;
  version: string;
  source: string;
  licence: string;
  categories: Category[];
  selectedCategories: string[];
  summary: FrameworkSummary;
}

export interface FrameworkCard extends FrameworkHead {
  requirements: number;
  worstGaps: { id: string; title: string; status: ReqStatus; symbol: string }[];
  trend: { day: string; score: number | null; coverage: number | null; met: number; applicable: number }[];
}

export interface FrameworksDoc {
  assessedAt: string;
  disclaimer: string;
  statuses: StatusInfo[];
  evidenceRead: boolean;
  serviceAssessed: boolean;
  notes: string[];
  lastStored?: string;
  frameworks: FrameworkCard[];
}

export interface RecordedBy {
  id: string;
  type: string;
  issuer: string;
  source: 'cli' | 'api';
}

export interface FileRef {
  name: string;
  sha256: string;
  size: number;
  mediaType: string;
}

export interface Attestation {
  id: string;
  framework: string;
  requirement: string;
  kind: 'evidence' | 'not-applicable';
  statement: string;
  files: FileRef[];
  links: string[];
  validUntil: string;
  attestedBy: RecordedBy;
  attestedAt: string;
  recordHash: string;
  revoked?: { id: string; by: RecordedBy; at: string; reason: string };
  fileProblems?: string[];
}

export interface ExceptionEntry {
  exceptionId: string;
  source: 'ledger' | 'template';
  target: { control?: string; framework?: string; requirement?: string };
  scope: string[];
  reason: string;
  risk?: 'low' | 'medium' | 'high' | 'critical';
  compensatingControls: string[];
  owner?: string;
  expires?: string;
  reviewEveryDays?: number;
  state: 'requested' | 'approved' | 'expired' | 'revoked';
  requestedBy?: RecordedBy;
  requestedAt?: string;
  approval?: { by: RecordedBy; at: string; note: string };
  revocation?: { by: RecordedBy; at: string; reason: string };
  reviews: { by: RecordedBy; at: string; note: string }[];
  nextReviewDue?: string;
  location?: { file: string; line: number; column: number };
  suppressionSource?: string;
}

export interface FindingRef {
  controlId: string;
  status: 'pass' | 'fail' | 'unknown' | 'not_applicable' | 'suppressed';
  resource: { type: string; id: string };
  location: { file: string; line: number; column: number };
  message: string;
  dependsOn?: string[];
  exceptedBy?: string;
}

export interface Part {
  kind: 'controls' | 'service' | 'manual';
  status: PartStatus;
  controls?: string[];
  counts?: Record<string, number>;
  findings?: { controlId: string; domain?: string; findings: FindingRef[]; more?: number }[];
  attestation?: Attestation;
  reasons: string[];
}

export interface RequirementView {
  id: string;
  title: string;
  summary?: string;
  section: string;
  category?: string;
  parent?: string;
  obligation?: 'required' | 'addressable';
  status: ReqStatus;
  symbol: string;
  reasons: string[];
  automated: boolean;
  manual?: { attach: string; attesters: string[]; validityDays: number };
  parts: Part[];
  /** Ids in a checklist; entries in a requirement's own answer. */
  exceptions: (string | ExceptionEntry)[];
}

export interface ChecklistDoc {
  assessedAt: string;
  disclaimer: string;
  statuses: StatusInfo[];
  framework: FrameworkHead;
  notes: string[];
  findingsShown: boolean;
  requirements: RequirementView[];
}

export interface RequirementDoc {
  assessedAt: string;
  disclaimer: string;
  statuses: StatusInfo[];
  framework: { id: string; name: string; version: string };
  findingsShown: boolean;
  requirement: RequirementView;
  attestations: Attestation[];
}

export interface DueItem {
  exceptionId: string;
  why: 'review' | 'expires' | 'expired';
  date: string;
  overdue: boolean;
}

export interface RegisterDoc {
  today: string;
  monthEnd: string;
  exceptions: ExceptionEntry[];
  due: DueItem[];
}

/** Every answer says so; the console shows it on every compliance page. */
export const SELF_ASSESSED = 'Self-assessed; a third-party audit is required.';

export const STATUS_WORDS: Record<ReqStatus, string> = {
  met: 'Met',
  partially_met: 'Partially met',
  not_met: 'Not met',
  unknown: 'Unknown',
  not_started: 'Not started',
  expired: 'Expired',
  excepted: 'Excepted',
  not_applicable: 'Not applicable',
};

export const SYMBOL: Record<ReqStatus, string> = {
  met: '✅',
  partially_met: '⚠️',
  not_met: '❌',
  unknown: '⚠️',
  not_started: '⚠️',
  expired: '⚠️',
  excepted: '⚠️',
  not_applicable: '—',
};

/** The order statuses are listed in (worst first for gaps, as the server ranks them). */
export const STATUS_ORDER: ReqStatus[] = ['met', 'partially_met', 'not_met', 'unknown', 'not_started', 'expired', 'excepted', 'not_applicable'];

/** A share as the server computed it: floored, never rounded up here either. */
export function percentText(r: Ratio): string {
  return r.percent === null ? 'n/a' : `${r.percent.toFixed(1)} %`;
}

export function checklistHref(fw: string, q: Record<string, string | undefined> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  const s = p.toString();
  return `/compliance/${encodeURIComponent(fw)}${s ? `?${s}` : ''}`;
}

export function requirementHref(fw: string, rid: string): string {
  return `/compliance/${encodeURIComponent(fw)}/${encodeURIComponent(rid)}`;
}

/** Whether the signed-in person is the one a record names (same subject and issuer). */
export function isMe(session: Session, by: RecordedBy | undefined): boolean {
  return !!by && by.id === session.me.subject && (session.me.issuer === undefined || by.issuer === session.me.issuer);
}

async function errorOf(res: Response, url: string): Promise<ApiError> {
  let body: ApiErrorBody | undefined;
  try {
    const j: unknown = await res.json();
    if (j && typeof j === 'object' && typeof (j as ApiErrorBody).message === 'string') body = j as ApiErrorBody;
  } catch {
    /* not JSON */
  }
  return new ApiError(res.status, body, url);
}

/** A write: POST of a JSON body, or of raw bytes with their media type (evidence files). */
export async function post<T>(session: Session, path: string, body: unknown, raw?: { contentType: string }): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}`, accept: 'application/json', 'content-type': raw ? raw.contentType : 'application/json' },
    body: raw ? (body as Blob) : JSON.stringify(body),
    cache: 'no-store',
  });
  if (!res.ok) {
    const e = await errorOf(res, path);
    if (res.status === 401) session.signOut(`Your session ended: ${e.message}. Sign in again.`);
    throw e;
  }
  return (await res.json()) as T;
}

/** The error of a failed write, as a sentence: the server's message, and the field it names. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    const field = (e.body as (ApiErrorBody & { field?: string }) | undefined)?.field;
    return field && !e.message.startsWith(field) ? `${field}: ${e.message}` : e.message;
  }
  return (e as Error).message;
}
