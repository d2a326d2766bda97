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
  const close = closestFrameworks(idOrFamily, catalogs);
  throw new ComplianceInputError(field, `${JSON.stringify(idOrFamily)} is not a framework; use one of ${frameworkIds(catalogs).join(', ')}${close.length ? `; did you mean ${close.join(' or ')}?` : ''}`);
}

/** Edit distance with adjacent transpositions (optimal string alignment): "hippa" is 1 from "hipaa", "gdrp" 1 from "gdpr". */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The ids or families closest to what was typed, for "did you mean": each name scores its
 * distance to the input, or to its own start as long as the input (so "soc2" meets "soc2-tsc"
 * and "nist" both NIST families); only those within a third of the input's length (at least
 * 1) count, the best score wins, and a family stands for its versions when all of them tie.
 */
export function closestFrameworks(typed: string, catalogs: readonly Catalog[] = CATALOGS): string[] {
  const input = typed.trim().toLowerCase();
  if (!input) return [];
  const names = [...new Set(catalogs.map((c) => c.framework)), ...catalogs.map((c) => c.id)];
  const scored = names.map((n) => ({ n, d: Math.min(distance(input, n), distance(input, n.slice(0, input.length))) }));
  const limit = Math.max(1, Math.floor(input.length / 3));
  const best = Math.min(...scored.map((x) => x.d));
  if (best > limit) return [];
  const winners = scored.filter((x) => x.d === best).map((x) => x.n);
  // A catalog id whose family also won is named by its family (the family resolves to its latest version).
  return [...new Set(winners.map((n) => {
    const c = catalogs.find((x) => x.id === n);
    return c && winners.includes(c.framework) ? c.framework : n;
  }))];
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
