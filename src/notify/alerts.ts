/**
 * An alert's current state is the fold of its ledger records. This is the one fold: the
 * alerts API and the console's stream read alerts through it, kept folded by the AlertBook.
 */
import {
  ALERT_ACTIONS,
  ALERT_ACKNOWLEDGED,
  ALERT_DELIVERY_FAILED,
  ALERT_RAISED,
  ALERT_RESOLVED,
  type AlertAcknowledged,
  type AlertDeliveryFailed,
  type AlertRaised,
  type AlertResolved,
  type AlertView,
  type Severity,
} from '../detection/alert.js';
import type { AppendedRecord, Ledger, LedgerRecord } from '../ledger/ledger.js';
import { severityRank } from './config.js';

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

function fromStored(r: LedgerRecord): AlertRecord {
  return { seq: r.seq, ts: r.ts, action: r.action, actor: { id: r.actor.id }, ...(r.metadata ? { metadata: r.metadata } : {}) };
}

/** The alert.* records with seq >= fromSeq, in seq order, a page of 1000 at a time. */
async function readAlertRecords(ledger: Ledger, fromSeq: number, tenants?: string[]): Promise<AlertRecord[]> {
  const records: AlertRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await ledger.query({ action: 'alert', order: 'asc', limit: 1000, ...(fromSeq > 1 ? { seqFrom: fromSeq } : {}), ...(cursor ? { cursor } : {}), ...(tenants ? { tenants } : {}) });
    for (const r of page.records) records.push(fromStored(r));
    cursor = page.nextCursor;
  } while (cursor);
  return records;
}

/** Every alert in the ledger, folded from scratch (reads every alert.* record). The service reads through an AlertBook instead. */
export async function loadAlerts(ledger: Ledger, tenants?: string[]): Promise<Map<string, AlertView>> {
  return foldAlerts(await readAlertRecords(ledger, 1, tenants));
}

/** What the console's stream is told: which alert changed and how (it reads the view itself). */
export interface AlertEvent {
  action: (typeof ALERT_ACTIONS)[number];
  alertId: string;
  seq: number;
  severity?: AlertRaised['severity'];
  title?: string;
  /** A raised alert at or above notify.inApp.minSeverity (or a test alert): the console announces it. */
  notify?: boolean;
}

export interface AlertBookLog {
  warn(o: object, msg: string): void;
}

export interface AlertBookOptions {
  ledger: Ledger;
  /** Raised alerts at or above this severity are announced (notify: true); default low. */
  inAppMinSeverity?: Severity;
  /** How often other processes' alert records are read (ms; default 1000). */
  pollMs?: number;
  log?: AlertBookLog;
}

/**
 * Every alert in the ledger, folded once and kept folded: the alerts API reads it, and the
 * console's stream is told of each alert record it takes in, whichever instance wrote it.
 *
 * Records come two ways. This process's appends arrive through Ledger.onAppend; records of
 * other processes (other `attest serve` instances over one PostgreSQL ledger, the CLI) are
 * read by seq: every `pollMs`, and before each read of the API (fresh()), the alert.*
 * records after `through` are read in one indexed range query. `through` is the seq up to
 * which every alert record has been taken in: a read sets it to the ledger's head as read
 * before the query (seqs are given out under the append lock and committed with the head,
 * so every record up to that head is visible to the query), and a local batch is applied
 * only when it starts right after it — otherwise a read comes first. Records are applied in
 * seq order, each once; all of it runs on one queue.
 */
export class AlertBook {
  private readonly views = new Map<string, AlertView>();
  private readonly listeners = new Set<(e: AlertEvent) => void>();
  private through = 0;
  private chain: Promise<void> = Promise.resolve();
  private pendingRead: Promise<void> | undefined;
  private unsubscribe: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly minSeverity: Severity;
  private log: AlertBookLog | undefined;

  constructor(private readonly o: AlertBookOptions) {
    this.minSeverity = o.inAppMinSeverity ?? 'low';
    this.log = o.log;
  }

  setLog(log: AlertBookLog): void {
    this.log = log;
  }

  /** Follows this process's appends and reads the others' every pollMs. The first read happens on the first fresh() or tick. */
  start(): void {
    if (this.unsubscribe || this.closed) return;
    this.unsubscribe = this.o.ledger.onAppend((records) => this.local(records));
    this.timer = setInterval(() => {
      this.fresh().catch((e: Error) => this.log?.warn({ err: { message: e.message } }, 'alerts: reading new alert records failed; the next read tries again'));
    }, this.o.pollMs ?? 1000);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.chain;
    this.listeners.clear();
  }

  /** The console's live stream: every alert record taken in, in seq order. Returns the unsubscribe. */
  subscribe(fn: (e: AlertEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  /** Open alerts (the console's badge), as of the last read. */
  get openCount(): number {
    let n = 0;
    for (const v of this.views.values()) if (v.state === 'open') n++;
    return n;
  }

  /** The seq up to which every alert record is folded in. */
  get seq(): number {
    return this.through;
  }

  /**
   * The alerts, with every alert record committed before this call folded in (a read by seq
   * of what came since the last one: usually nothing). Calls made while a read waits to start
   * share it. The map is the book's own: read it, do not change it.
   */
  async fresh(): Promise<ReadonlyMap<string, AlertView>> {
    this.pendingRead ??= this.enqueue(async () => {
      this.pendingRead = undefined;
      await this.readNew();
    });
    await this.pendingRead;
    return this.views;
  }

  /** One alert, fresh (see fresh()). */
  async get(id: string): Promise<AlertView | undefined> {
    return (await this.fresh()).get(id);
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.chain.then(task);
    // The queue goes on after a failed step; the caller of this one gets its error.
    this.chain = run.catch(() => undefined);
    return run;
  }

  private local(records: readonly AppendedRecord[]): void {
    if (records.length === 0 || this.closed) return;
    void this.enqueue(async () => {
      const first = records[0]!.seq;
      const last = records[records.length - 1]!.seq;
      if (last <= this.through) return; // already read by seq
      // Records of other processes in between (or not yet read at all): read by seq instead.
      if (first !== this.through + 1) return this.readNew();
      const alerts: AlertRecord[] = [];
      for (const r of records) {
        if (!(ALERT_ACTIONS as readonly string[]).includes(r.event.action)) continue;
        alerts.push({ seq: r.seq, ts: r.ts, action: r.event.action, actor: { id: r.event.actor.id }, ...(r.event.metadata ? { metadata: r.event.metadata as Record<string, unknown> } : {}) });
      }
      this.apply(alerts, last);
    }).catch((e: Error) => this.log?.warn({ err: { message: e.message } }, 'alerts: reading new alert records failed; the next read tries again'));
  }

  private async readNew(): Promise<void> {
    const head = (await this.o.ledger.store.head()).size;
    if (head <= this.through) return;
    const records = await readAlertRecords(this.o.ledger, this.through + 1);
    this.apply(records, Math.max(head, records.length ? records[records.length - 1]!.seq : 0));
  }

  /** Folds records (seq order, all after `through`) in, announces each, and moves `through`. */
  private apply(records: AlertRecord[], through: number): void {
    const fresh = records.filter((r) => r.seq > this.through);
    foldAlerts(fresh, this.views);
    this.through = Math.max(this.through, through);
    if (this.listeners.size === 0) return;
    for (const r of fresh) {
      const m = (r.metadata ?? {}) as Record<string, unknown>;
      const alertId = typeof m['alertId'] === 'string' ? m['alertId'] : undefined;
      if (!alertId || !(ALERT_ACTIONS as readonly string[]).includes(r.action)) continue;
      let ev: AlertEvent = { action: r.action as AlertEvent['action'], alertId, seq: r.seq };
      if (r.action === ALERT_RAISED) {
        const raised = m as unknown as AlertRaised & { test?: boolean };
        ev = { ...ev, severity: raised.severity, title: raised.title, notify: raised.test === true || severityRank(raised.severity) >= severityRank(this.minSeverity) };
      }
      for (const l of this.listeners) {
        try {
          l(ev);
        } catch {
          // a stream that broke is closed by its own request; the others still get the event
        }
      }
    }
  }
}
