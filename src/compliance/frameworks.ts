/** Finding a catalog by what a user types: its id (`soc2-tsc-2017`) or its family (`soc2-tsc`, the latest version). */
import { CATALOGS } from '../frameworks/index.js';
import type { Catalog } from '../frameworks/schema.js';
import { ComplianceInputError } from './util.js';

/** Versions compared number by number (2.0 < 5.0.0, r4 < r5, 2013 < 2017). */
function newer(a: Catalog, b: Catalog): boolean {
  return a.version.localeCompare(b.version, 'en', { numeric: true }) > 0;
}

/** The catalog a user means, or a ComplianceInputError on `field` listing the valid ids and families. */
export function resolveFramework(idOrFamily: string, catalogs: readonly Catalog[] = CATALOGS, field = 'framework'): Catalog {
  const exact = catalogs.find((c) => c.id === idOrFamily);
  if (exact) return exact;
  let best: Catalog | undefined;
  for (const c of catalogs) if (c.framework === idOrFamily && (!best || newer(c, best))) best = c;
  if (best) return best;
  throw new ComplianceInputError(field, `${JSON.stringify(idOrFamily)} is not a framework; use one of ${frameworkIds(catalogs).join(', ')}`);
}

/** Every catalog id, then every family name that is not also an id. */
export function frameworkIds(catalogs: readonly Catalog[] = CATALOGS): string[] {
  const ids = catalogs.map((c) => c.id);
  const families = [...new Set(catalogs.map((c) => c.framework))].filter((f) => !ids.includes(f));
  return [...ids, ...families.map((f) => `${f} (latest)`)];
}

/** Every control id (scanner and service) some catalog lists. */
export function catalogControlIds(catalogs: readonly Catalog[] = CATALOGS): Set<string> {
  const out = new Set<string>();
  for (const c of catalogs) for (const r of c.requirements) for (const id of [...(r.evidence.controls ?? []), ...(r.evidence.service ?? [])]) out.add(id);
  return out;
}
