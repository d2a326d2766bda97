// Baselines: the failing findings a team has accepted for now, so that a CI gate fails only
// on new ones. A finding is identified by control id, resource id and file, not by line:
// an edit elsewhere in the file moves lines without re-opening an accepted finding.
import type { Finding } from '../model/types.js';
import type { ReportFinding } from './model.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  controlId: string;
  resourceId: string;
  /** The resource's file as the scan names it, with forward slashes. */
  file: string;
  /** How many failing findings of this control the resource had (a control can fail several times on one resource). */
  count: number;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  findings: BaselineEntry[];
}

/** Summary of a comparison, as the report shows it. */
export interface BaselineSummary {
  file: string;
  /** Failing findings the baseline records (they do not fail the gate). */
  accepted: number;
  /** Failing findings it does not record. */
  new: number;
  /** Findings the baseline records that no longer fail (fixed, removed or renamed). */
  resolved: number;
}

/** Thrown for a baseline file that cannot be used; the message names the file and what is wrong. */
export class BaselineError extends Error {}

const normFile = (f: string) => f.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
const keyOf = (controlId: string, resourceId: string, file: string) => `${controlId}\0${resourceId}\0${normFile(file)}`;
export const findingKey = (f: Pick<Finding, 'controlId' | 'resource'>) => keyOf(f.controlId, f.resource.id, f.resource.file);

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The baseline recording every failing finding (whatever its severity, so a later, lower --fail-on still accepts them). */
export function baselineOf(findings: readonly Finding[]): Baseline {
  const byKey = new Map<string, BaselineEntry>();
  for (const f of findings) {
    if (f.status !== 'fail') continue;
    const k = findingKey(f);
    const e = byKey.get(k);
    if (e) e.count++;
    else byKey.set(k, { controlId: f.controlId, resourceId: f.resource.id, file: normFile(f.resource.file), count: 1 });
  }
  const list = [...byKey.values()].sort((a, b) => cmp(a.file, b.file) || cmp(a.resourceId, b.resourceId) || cmp(a.controlId, b.controlId));
  return { version: BASELINE_VERSION, findings: list };
}

/** The baseline as written to disk: two-space JSON, one key order, a final newline; the same findings give the same bytes. */
export function renderBaseline(b: Baseline): string {
  return JSON.stringify({ version: b.version, findings: b.findings.map((e) => ({ controlId: e.controlId, resourceId: e.resourceId, file: e.file, count: e.count })) }, null, 2) + '\n';
}

/** Read a baseline written by --baseline-write; anything else is a BaselineError naming the problem. */
export function parseBaseline(text: string, file: string): Baseline {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`${file}: not JSON (${(e as Error).message}); write one with --baseline-write`);
  }
  const o = v as { version?: unknown; findings?: unknown };
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new BaselineError(`${file}: a baseline is a JSON object with "version" and "findings"`);
  if (o.version !== BASELINE_VERSION) throw new BaselineError(`${file}: baseline version ${JSON.stringify(o.version)} is not supported; this Attest reads version ${BASELINE_VERSION}`);
  if (!Array.isArray(o.findings)) throw new BaselineError(`${file}: "findings" must be an array`);
  const out: BaselineEntry[] = [];
  o.findings.forEach((x: unknown, i) => {
    const e = x as Record<string, unknown>;
    const where = `${file}: findings[${i}]`;
    if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new BaselineError(`${where} must be an object`);
    for (const k of ['controlId', 'resourceId', 'file'] as const) {
      if (typeof e[k] !== 'string' || !(e[k] as string).length) throw new BaselineError(`${where}.${k} must be a non-empty string`);
    }
    const count = e.count === undefined ? 1 : e.count;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) throw new BaselineError(`${where}.count must be a positive integer`);
    const extra = Object.keys(e).filter((k) => !['controlId', 'resourceId', 'file', 'count'].includes(k));
    if (extra.length) throw new BaselineError(`${where}: unknown key ${JSON.stringify(extra[0])}`);
    out.push({ controlId: e.controlId as string, resourceId: e.resourceId as string, file: normFile(e.file as string), count });
  });
  return { version: BASELINE_VERSION, findings: out };
}

/**
 * Mark each failing finding `unchanged` (the baseline records it) or `new`. When a control
 * fails more often on a resource than the baseline recorded, the extra failures are new;
 * which ones is decided by position in the file, so the answer is the same on every run.
 */
export function applyBaseline(findings: readonly Finding[], b: Baseline, file: string): { findings: ReportFinding[]; summary: BaselineSummary } {
  const allowed = new Map<string, number>();
  for (const e of b.findings) {
    const k = keyOf(e.controlId, e.resourceId, e.file);
    allowed.set(k, (allowed.get(k) ?? 0) + e.count);
  }
  const failing = findings.map((f, i) => ({ f, i })).filter(({ f }) => f.status === 'fail')
    .sort((a, b) => cmp(findingKey(a.f), findingKey(b.f)) || a.f.location.line - b.f.location.line || a.f.location.column - b.f.location.column || a.i - b.i);
  const state = new Map<number, 'new' | 'unchanged'>();
  const left = new Map(allowed);
  for (const { f, i } of failing) {
    const k = findingKey(f);
    const n = left.get(k) ?? 0;
    if (n > 0) { left.set(k, n - 1); state.set(i, 'unchanged'); } else state.set(i, 'new');
  }
  const out = findings.map((f, i): ReportFinding => {
    const s = state.get(i);
    return s ? { ...f, baseline: s } : f;
  });
  let accepted = 0;
  for (const s of state.values()) if (s === 'unchanged') accepted++;
  const resolved = [...left.values()].reduce((n, x) => n + x, 0);
  return { findings: out, summary: { file, accepted, new: state.size - accepted, resolved } };
}
