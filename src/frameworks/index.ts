// Framework catalogs are data, one JSON file per framework version under src/frameworks/<id>/,
// so a reviewer audits a framework's requirements and the evidence that decides each in one
// place. The build copies them next to this module (tsconfig include), which keeps them
// inside the published package's dist/src.
import { readFileSync } from 'node:fs';
import type { FrameworkMap } from '../model/types.js';

import { catalogProblems, type Catalog, type EvidenceRule } from './schema.js';

export * from './schema.js';

/** The catalog files, in the order reports list frameworks (reordering changes every report). */
export const CATALOG_FILES = [
  'soc2-tsc/2017.json',
  'hipaa/2013.json',
  'gdpr/2016-679.json',
  'nist-csf/2.0.json',
  'cis-aws/5.0.0.json',
  'nist-800-53/r5-moderate.json',
] as const;

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

export function catalogById(id: string): Catalog | undefined {
  return CATALOGS.find((c) => c.id === id);
}

/** Frameworks whose requirement ids appear in findings: id -> name, version and where the ids come from. */
export const FRAMEWORKS: Record<string, { title: string; source: string; version: string }> = Object.fromEntries(
  CATALOGS.map((c) => [c.id, { title: c.name, source: c.source, version: c.version }]),
);

const NONE: FrameworkMap = Object.freeze({});

function reverseIndex(pick: (e: EvidenceRule) => string[] | undefined): ReadonlyMap<string, FrameworkMap> {
  const acc = new Map<string, Map<string, Set<string>>>();
  for (const c of CATALOGS) {
    for (const r of c.requirements) {
      for (const id of pick(r.evidence) ?? []) {
        const fws = acc.get(id) ?? acc.set(id, new Map()).get(id)!;
        (fws.get(c.id) ?? fws.set(c.id, new Set()).get(c.id)!).add(r.id);
      }
    }
  }
  const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);
  // Built once: every finding of a control shares its map, so the arrays are frozen.
  return new Map([...acc].map(([id, fws]) => [id, Object.freeze(Object.fromEntries(
    [...fws].sort(byKey).map(([fw, reqs]) => [fw, Object.freeze([...reqs].sort())]),
  )) as FrameworkMap]));
}

const BY_CONTROL = reverseIndex((e) => e.controls);
const BY_SERVICE_CONTROL = reverseIndex((e) => e.service);

/** The framework requirements a scanner control's result is evidence for, from the catalogs. */
export function frameworksFor(controlId: string): FrameworkMap {
  return BY_CONTROL.get(controlId) ?? NONE;
}

/** The framework requirements one of Attest's own service controls is evidence for. */
export function frameworksForServiceControl(controlId: string): FrameworkMap {
  return BY_SERVICE_CONTROL.get(controlId) ?? NONE;
}
