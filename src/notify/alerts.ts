/**
 * An alert's current state is the fold of its ledger records. This is the one fold: the
 * alerts API, the console's stream and the notifier all read alerts through it.
 */
import {
  ALERT_ACKNOWLEDGED,
  ALERT_DELIVERY_FAILED,
  ALERT_RAISED,
  ALERT_RESOLVED,
  type AlertAcknowledged,
  type AlertDeliveryFailed,
  type AlertRaised,
  type AlertResolved,
  type AlertView,
} from '../detection/alert.js';
import type { Ledger } from '../ledger/ledger.js';

/** What the fold needs of a record (a stored LedgerRecord or one this process just appended). */
export interface AlertRecord {
  seq: number;
  ts: string;
  action: string;
  actor: { id: string };
  metadata?: Record<string, unknown>;
}

/**
 * Folds alert records (any order; applied by seq) into views keyed by alert id. Records of
 * an alert whose `alert.raised` is not among them are ignored: there is nothing to attach
 * them to.
 */
export function foldAlerts(records: Iterable<AlertRecord>, into: Map<string, AlertView> = new Map()): Map<string, AlertView> {
  const sorted = [...records].sort((a, b) => a.seq - b.seq);
  for (const r of sorted) {
    const m = (r.metadata ?? {}) as Record<string, unknown>;
    const id = typeof m['alertId'] === 'string' ? m['alertId'] : undefined;
    if (!id) continue;
    if (r.action === ALERT_RAISED) {
      if (into.has(id)) continue; // a second raise of one id is not a new alert
      const raised = m as unknown as AlertRaised;
      into.set(id, { ...raised, state: 'open', raisedSeq: r.seq, raisedAt: r.ts, deliveryFailures: [] });
      continue;
    }
    const v = into.get(id);
    if (!v) continue;
    if (r.action === ALERT_ACKNOWLEDGED) {
      const a = m as unknown as AlertAcknowledged;
      if (v.state === 'open') v.state = 'acknowledged';
      v.acknowledged ??= { by: r.actor.id, at: r.ts, seq: r.seq, ...(a.note ? { note: a.note } : {}) };
    } else if (r.action === ALERT_RESOLVED) {
      const x = m as unknown as AlertResolved;
      v.state = 'resolved';
      v.resolved ??= { by: r.actor.id, at: r.ts, seq: r.seq, resolution: x.resolution, ...(x.note ? { note: x.note } : {}) };
    } else if (r.action === ALERT_DELIVERY_FAILED) {
      const f = m as unknown as AlertDeliveryFailed;
      v.deliveryFailures.push({ alertId: id, channel: f.channel, attempts: f.attempts, error: f.error, deadLetter: f.deadLetter, at: r.ts, seq: r.seq });
    }
  }
  return into;
}

/** Every alert in the ledger, folded (reads every alert.* record, a page of 1000 at a time). */
export async function loadAlerts(ledger: Ledger, tenants?: string[]): Promise<Map<string, AlertView>> {
  const records: AlertRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await ledger.query({ action: 'alert', order: 'asc', limit: 1000, ...(cursor ? { cursor } : {}), ...(tenants ? { tenants } : {}) });
    for (const r of page.records) records.push({ seq: r.seq, ts: r.ts, action: r.action, actor: { id: r.actor.id }, ...(r.metadata ? { metadata: r.metadata } : {}) });
    cursor = page.nextCursor;
  } while (cursor);
  return foldAlerts(records);
}
