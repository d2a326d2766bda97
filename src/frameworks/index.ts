// Framework catalogs are data, one JSON file per framework version under src/frameworks/<id>/,
// so a reviewer audits a framework's mappings in one place. The build copies them next to this
// module (tsconfig include), which keeps them inside the published package's dist/src.
import { readFileSync } from 'node:fs';
import type { FrameworkMap } from '../model/types.js';

/**
 * How a requirement is decided. `all-pass`: every listed Attest control must pass (automated);
 * `manual`: evidence a person attaches; `not-applicable`: outside what infrastructure
 * configuration can show, with the reason.
 */
export type EvidenceRule =
  | { rule: 'all-pass'; controls: string[] }
  | { rule: 'manual'; evidence: string }
  | { rule: 'not-applicable'; reason: string };

export interface Requirement {
  id: string;
  /** Only where the name is a fact from the source (e.g. a NIST control name), never paraphrased prose. */
  title?: string;
  section?: string;
  evidence: EvidenceRule;
}

export interface Catalog {
  /** The key findings and reports carry, e.g. `nist-800-53-r5`. */
  id: string;
  name: string;
  version: string;
  /** Where the requirement ids come from. */
  source: string;
  licence: string;
  /** Where the control-to-requirement facts were first taken from, as reports state it. */
  mappedFrom: { source: string; version?: string };
  requirements: Requirement[];
}

/** The catalog files, in the order reports list frameworks (reordering changes every report). */
export const CATALOG_FILES = [
  'cis-aws/1.4.0-level-1.json',
  'cis-aws/1.4.0-level-2.json',
  'fedramp/moderate.json',
  'hipaa-security/2013.json',
  'nist-800-53/r5.json',
  'nist-csf/1.1.json',
  'pci-dss/3.2.1.json',
  'soc2-tsc/2017.json',
  'gdpr/2016-679.json',
  'nist-csf/2.0.json',
] as const;

const isStr = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Problems in one parsed catalog file, each naming the field; empty when it is well formed. */
export function catalogProblems(raw: unknown): string[] {
  const out: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return ['the file is not a JSON object'];
  const c = raw as Record<string, unknown>;
  for (const k of ['id', 'name', 'version', 'source', 'licence'] as const) if (!isStr(c[k])) out.push(`${k}: a non-empty string is required`);
  const m = c.mappedFrom as Record<string, unknown> | undefined;
  if (typeof m !== 'object' || m === null || !isStr(m.source)) out.push('mappedFrom.source: a non-empty string is required');
  else if (m.version !== undefined && !isStr(m.version)) out.push('mappedFrom.version: must be a non-empty string when given');
  if (!Array.isArray(c.requirements)) return [...out, 'requirements: an array is required'];
  const seen = new Set<string>();
  c.requirements.forEach((r: unknown, i) => {
    const at = `requirements[${i}]`;
    if (typeof r !== 'object' || r === null) { out.push(`${at}: an object is required`); return; }
    const q = r as Record<string, unknown>;
    if (!isStr(q.id)) out.push(`${at}.id: a non-empty string is required`);
    else if (seen.has(q.id)) out.push(`${at}.id: ${JSON.stringify(q.id)} appears more than once`);
    else seen.add(q.id);
    for (const k of ['title', 'section'] as const) if (q[k] !== undefined && !isStr(q[k])) out.push(`${at}.${k}: must be a non-empty string when given`);
    const e = q.evidence as Record<string, unknown> | undefined;
    if (typeof e !== 'object' || e === null) { out.push(`${at}.evidence: an evidence rule is required (all-pass, manual or not-applicable)`); return; }
    if (e.rule === 'all-pass') {
      if (!Array.isArray(e.controls) || e.controls.length === 0 || !e.controls.every(isStr)) out.push(`${at}.evidence.controls: all-pass needs a non-empty list of control ids`);
      else if (new Set(e.controls).size !== e.controls.length) out.push(`${at}.evidence.controls: a control is listed more than once`);
    } else if (e.rule === 'manual') {
      if (!isStr(e.evidence)) out.push(`${at}.evidence.evidence: manual needs a description of what to attach`);
    } else if (e.rule === 'not-applicable') {
      if (!isStr(e.reason)) out.push(`${at}.evidence.reason: not-applicable needs the reason`);
    } else out.push(`${at}.evidence.rule: must be all-pass, manual or not-applicable; got ${JSON.stringify(e.rule)}`);
  });
  return out;
}

/** Reads and checks one catalog; a malformed shipped catalog is a defect, so it stops the process naming file and field. */
export function loadCatalog(file: string): Catalog {
  const url = new URL(file, import.meta.url);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(url, 'utf8'));
  } catch (e) {
    throw new Error(`framework catalog ${file}: ${(e as Error).message}`);
  }
  const problems = catalogProblems(raw);
  if (problems.length) throw new Error(`framework catalog ${file}: ${problems.join('; ')}`);
  return raw as Catalog;
}

export const CATALOGS: readonly Catalog[] = CATALOG_FILES.map(loadCatalog);

{
  const ids = new Set<string>();
  for (const [i, c] of CATALOGS.entries()) {
    if (ids.has(c.id)) throw new Error(`framework catalog ${CATALOG_FILES[i]}: id ${JSON.stringify(c.id)} is already used by another catalog`);
    ids.add(c.id);
  }
}

/** Frameworks whose requirement ids appear in findings, with where the mapping comes from. */
export const FRAMEWORKS: Record<string, { title: string; source: string; version?: string }> = Object.fromEntries(
  CATALOGS.map((c) => [c.id, { title: c.name, ...c.mappedFrom }]),
);

const NONE: FrameworkMap = Object.freeze({});

// Built once: every finding of a control shares its map, so the arrays are frozen.
const BY_CONTROL: ReadonlyMap<string, FrameworkMap> = (() => {
  const acc = new Map<string, Map<string, Set<string>>>();
  for (const c of CATALOGS) {
    for (const r of c.requirements) {
      if (r.evidence.rule !== 'all-pass') continue;
      for (const id of r.evidence.controls) {
        const fws = acc.get(id) ?? acc.set(id, new Map()).get(id)!;
        (fws.get(c.id) ?? fws.set(c.id, new Set()).get(c.id)!).add(r.id);
      }
    }
  }
  const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);
  return new Map([...acc].map(([id, fws]) => [id, Object.freeze(Object.fromEntries(
    [...fws].sort(byKey).map(([fw, reqs]) => [fw, Object.freeze([...reqs].sort())]),
  )) as FrameworkMap]));
})();

/** The framework requirements a control's result is evidence for, from the catalogs. */
export function frameworksFor(controlId: string): FrameworkMap {
  return BY_CONTROL.get(controlId) ?? NONE;
}
