// What the audit log says about a period, for a report: counts by action category and
// outcome, refused requests, the principals seen, the ledger's verification and the signed
// checkpoint the numbers are anchored to. Reads the records page by page, nothing held whole.
import type { AuditSnapshot } from '../compliance/framework-report.js';
import { verificationOf } from '../compliance/framework-report.js';
import type { Ledger } from './ledger.js';

export async function auditSnapshot(ledger: Ledger, period: { from: string; to: string }): Promise<AuditSnapshot> {
  // Anchor first: the counts cover records up to this checkpoint's tree or later, never fewer.
  const checkpoint = await ledger.checkpoint();
  const byCategory: Record<string, Record<string, number>> = {};
  const actors = new Map<string, string>();
  const refused = new Set<string>();
  let records = 0;
  let denials = 0;
  let cursor: string | undefined;
  do {
    const page = await ledger.query({ from: period.from, to: period.to, order: 'asc', limit: 1000, ...(cursor ? { cursor } : {}) });
    for (const r of page.records) {
      if (r.seq > checkpoint.size) { cursor = undefined; break; }
      records++;
      const cat = r.action.split('.')[0]!;
      const c = (byCategory[cat] ??= {});
      c[r.outcome] = (c[r.outcome] ?? 0) + 1;
      actors.set(`${r.actor.type}\0${r.actor.id}`, r.actor.type);
      if (r.outcome === 'denied') {
        denials++;
        refused.add(`${r.actor.type}\0${r.actor.id}`);
      }
    }
    cursor = page.nextCursor && page.records.at(-1)!.seq < checkpoint.size ? page.nextCursor : undefined;
  } while (cursor);
  const principals: Record<string, number> = {};
  for (const t of actors.values()) principals[t] = (principals[t] ?? 0) + 1;
  const verification = verificationOf(await ledger.verify());
  return { records, byCategory, denials: { records: denials, actors: refused.size }, principals, verification, checkpoint };
}
