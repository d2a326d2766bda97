/**
 * The detector: runs the evaluator over the ledger, in seq order, on the one instance that
 * holds the detection lease, and appends its alerts as `alert.raised` records.
 *
 * - Lease: a row in detect_lease (in the ledger's own database, through the store's
 *   SideTables capability) with a holder and an expiry, renewed at a third of its length.
 *   Another instance takes it once it has expired (its holder died or hung), with a higher
 *   epoch; state writes are fenced by holder and epoch, so a holder that lost the lease cannot
 *   move the cursor back.
 * - Cursor: detect_subject holds the evaluator state, one row per subject (compact
 *   baselines, keyed hashes in place of addresses and user agents), detect_state the seq it
 *   covers; a save writes the subjects changed since the last one and the seq in one
 *   transaction (state-store.ts). A new holder restores them and re-reads every record
 *   after the seq. Alert ids are derived
 *   from what raised them, so a record re-read after a crash raises the same id, and ids
 *   already in the ledger after the cursor are not appended again: nothing missed, no
 *   alert twice.
 * - Wake-up: this process's appends arrive through Ledger.onAppend (no delay); other
 *   instances' appends are picked up by a catch-up read by seq every `pollMs` while holding
 *   the lease. A catch-up read is one indexed range query, identical on SQLite and
 *   PostgreSQL, and needs nothing from the ledger beyond what it already publishes; LISTEN /
 *   NOTIFY would need the ledger's append transaction to notify, a PostgreSQL-only path, and
 *   a held connection per instance, for a gain of under `pollMs` of latency.
 */
import { createHash, randomUUID } from 'node:crypto';
import { ledgerTimeMs } from '../ledger/archive.js';
import type { AppendedRecord, Ledger, LedgerRecord } from '../ledger/ledger.js';
import type { SideTables } from '../ledger/store.js';
import { ALERT_RAISED, type AlertRaised } from './alert.js';
import { Evaluator, type DetectionEvent } from './evaluator.js';
import type { DetectionConfig } from './rules.js';
import { DetectionStateStore } from './state-store.js';

export const DETECTION_ACTOR = { id: 'attest-detection', type: 'system' as const };
const LEASE = 'detection';
/**
 * How often the state is written while nothing is alerted (after an alert: at once). A crash
 * costs at most this much re-evaluation; a save writes the subjects changed since the last.
 */
const SAVE_EVERY_MS = 5000;

export interface RaisedAlert {
  /** Seq of the alert.raised record. */
  seq: number;
  /** When this instance saw it committed (ISO). */
  ts: string;
  alert: AlertRaised;
}

export type AlertListener = (a: RaisedAlert) => void;

export interface DetectorOptions {
  ledger: Ledger;
  config: DetectionConfig;
  /** Who this instance is in the lease table (default: a random id). */
  instanceId?: string;
  /** Catch-up read interval while holding the lease (ms; default 1000). */
  pollMs?: number;
  /** Lease clock (tests); default Date.now. Instances must have clocks in step to well within the lease length. */
  now?: () => number;
  log?: DetectorLog;
}

export interface DetectorLog {
  info(o: object, msg: string): void;
  warn(o: object, msg: string): void;
  error(o: object, msg: string): void;
}

/** The key of the hashes that stand in for addresses and user agents: derived from the ledger's first HMAC key, so it is not in the database beside the hashes. */
function hashKey(ledger: Ledger): Buffer {
  const first = ledger.keys.hmacKeys()[0] ?? ledger.keys.activeHmac();
  return createHash('sha256').update('attest-detection-subject-hash-v1\0').update(first.key).digest();
}

function metadataOf(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export function fromAppended(r: AppendedRecord): DetectionEvent {
  const e = r.event;
  return { seq: r.seq, ms: ledgerTimeMs(r.ts), actorId: e.actor.id, action: e.action, outcome: e.outcome, targetId: e.target?.id, ip: e.actor.ip, userAgent: e.actor.user_agent, metadata: metadataOf(e.metadata) };
}

export function fromRecord(r: LedgerRecord): DetectionEvent {
  return {
    seq: r.seq,
    ms: ledgerTimeMs(r.ts),
    actorId: r.actor.id,
    action: r.action,
    outcome: r.outcome,
    targetId: r.target?.id,
    ip: r.personal?.['actor.ip'],
    userAgent: r.personal?.['actor.user_agent'],
    metadata: metadataOf(r.metadata),
  };
}

export const DETECTION_TABLES = ['detect_lease', 'detect_state', 'detect_subject'] as const;
const SCHEMA = [
  'CREATE TABLE IF NOT EXISTS detect_lease (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires BIGINT NOT NULL, epoch BIGINT NOT NULL)',
  'CREATE TABLE IF NOT EXISTS detect_state (name TEXT PRIMARY KEY, seq BIGINT NOT NULL, state TEXT NOT NULL, updated TEXT NOT NULL)',
  'CREATE TABLE IF NOT EXISTS detect_subject (name TEXT NOT NULL, subject TEXT NOT NULL, state TEXT NOT NULL, PRIMARY KEY (name, subject))',
];

/**
 * Creates detection's tables when missing and lets the application role use them. Run by
 * the service at start, and by deploy/aws/db-bootstrap.mjs as the schema owner, since the
 * application's login may not create tables: tables that exist are only read here.
 */
export async function prepareTables(sql: SideTables): Promise<void> {
  let exists = true;
  for (const t of DETECTION_TABLES) {
    exists = await sql.run(`SELECT 1 FROM ${t} WHERE 1 = 0`).then(
      () => true,
      () => false,
    );
    if (!exists) break;
  }
  if (!exists) for (const s of SCHEMA) await sql.run(s);
  await sql.shareWithApplication?.(DETECTION_TABLES);
}

export class Detector {
  readonly instanceId: string;
  private readonly sql: SideTables;
  private readonly state: DetectionStateStore;
  private readonly listeners = new Set<AlertListener>();
  private evaluator: Evaluator | undefined;
  private epoch = 0;
  private chain: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | undefined;
  private leaseTimer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private lastSave = 0;
  private dirty = false;
  /** Alert ids in the ledger after the restored cursor (raised before a crash or by the previous holder). */
  private known = new Set<string>();
  private readonly now: () => number;
  private log: DetectorLog | undefined;
  /** Alerts appended by this instance. */
  raised = 0;

  constructor(private readonly o: DetectorOptions) {
    const side = o.ledger.store.sideTables?.();
    if (!side) throw new Error(`the ledger store at ${o.ledger.store.location} cannot keep detection's lease and cursor (no side tables); turn detection off (detection.enabled: false)`);
    this.sql = side;
    this.state = new DetectionStateStore(side, LEASE);
    this.instanceId = o.instanceId ?? randomUUID();
    this.now = o.now ?? Date.now;
    this.log = o.log;
  }

  get holdsLease(): boolean {
    return this.evaluator !== undefined;
  }

  /** Highest seq evaluated (0 when not holding the lease). */
  get evaluatedThrough(): number {
    return this.evaluator?.lastSeq ?? 0;
  }

  /** Called after each alert.raised record this instance appended is committed; returns the unsubscribe function. */
  onAlert(cb: AlertListener): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** Creates the tables, subscribes, and tries for the lease once; resolves to whether this instance holds it. */
  async start(log?: DetectorLog): Promise<boolean> {
    if (log) this.log = log;
    await prepareTables(this.sql);
    this.unsubscribe = this.o.ledger.onAppend((records) => {
      if (!this.evaluator) return;
      this.enqueue(() => this.live(records));
    });
    await this.tryLease();
    const renew = Math.max(500, (this.o.config.leaseSeconds * 1000) / 3);
    this.leaseTimer = setInterval(() => this.enqueue(() => this.tryLease()), renew);
    this.leaseTimer.unref();
    this.pollTimer = setInterval(() => {
      if (this.evaluator) this.enqueue(() => this.catchUp());
    }, this.o.pollMs ?? 1000);
    this.pollTimer.unref();
    await this.chain;
    return this.holdsLease;
  }

  /** Waits until everything queued so far is evaluated (tests, shutdown). */
  async idle(): Promise<void> {
    let c: Promise<void>;
    do {
      c = this.chain;
      await c;
    } while (c !== this.chain);
  }

  /** Reads and evaluates every record after the cursor now (tests and the CLI; the timer does this while serving). */
  async sync(): Promise<void> {
    this.enqueue(() => this.catchUp());
    await this.idle();
  }

  /**
   * Stops; with release (a clean shutdown) saves the state and gives the lease up so another
   * instance takes over at once. Without release the lease runs out (what a crash leaves).
   */
  async close(opts: { release?: boolean } = { release: true }): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.leaseTimer) clearInterval(this.leaseTimer);
    if (this.pollTimer) clearInterval(this.pollTimer);
    await this.idle();
    if (opts.release !== false && this.evaluator) {
      await this.save(true).catch(() => undefined);
      await this.sql.run('DELETE FROM detect_lease WHERE name = $1 AND holder = $2 AND epoch = $3', [LEASE, this.instanceId, this.epoch]).catch(() => undefined);
    }
    this.evaluator = undefined;
  }

  private enqueue(task: () => Promise<void>): void {
    this.chain = this.chain.then(async () => {
      if (this.stopped && this.evaluator === undefined) return;
      try {
        await task();
      } catch (e) {
        this.log?.error({ err: { message: (e as Error).message } }, 'detection: evaluation step failed; it is retried from the saved cursor on the next catch-up');
        // State after a failed step is not trusted: reload it from the database.
        this.evaluator = undefined;
        this.epoch = 0;
      }
    });
  }

  private async tryLease(): Promise<void> {
    if (this.stopped) return;
    const now = this.now();
    const { rows } = await this.sql.run(
      `INSERT INTO detect_lease (name, holder, expires, epoch) VALUES ($1, $2, $3, 1)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires = excluded.expires,
         epoch = CASE WHEN detect_lease.holder = excluded.holder THEN detect_lease.epoch ELSE detect_lease.epoch + 1 END
       WHERE detect_lease.holder = excluded.holder OR detect_lease.expires < $4
       RETURNING epoch`,
      [LEASE, this.instanceId, now + this.o.config.leaseSeconds * 1000, now],
    );
    const epoch = rows[0] ? Number(rows[0]['epoch']) : 0;
    if (!epoch) {
      if (this.evaluator) this.log?.warn({ instance: this.instanceId }, 'detection: lease lost to another instance; this instance stops evaluating');
      this.evaluator = undefined;
      this.epoch = 0;
      return;
    }
    if (this.evaluator && epoch === this.epoch) return;
    // Newly held (or held again after losing it): restore the cursor and catch up.
    this.epoch = epoch;
    const ev = new Evaluator({ config: this.o.config, hashKey: hashKey(this.o.ledger) });
    await this.state.load(ev);
    this.known = new Set();
    for await (const r of this.read(ev.lastSeq + 1, ALERT_RAISED)) if (r.target?.id) this.known.add(r.target.id);
    this.evaluator = ev;
    this.log?.info({ instance: this.instanceId, resumeAfterSeq: ev.lastSeq }, 'detection: lease taken; evaluating from the saved cursor');
    await this.catchUp();
  }

  private async *read(fromSeq: number, action?: string): AsyncIterable<LedgerRecord> {
    let cursor: string | undefined;
    for (;;) {
      const page = await this.o.ledger.query({ seqFrom: fromSeq, order: 'asc', limit: 1000, ...(action ? { action } : {}), ...(cursor ? { cursor } : {}) });
      for (const r of page.records) yield r;
      if (!page.nextCursor) return;
      cursor = page.nextCursor;
    }
  }

  private async catchUp(): Promise<void> {
    const ev = this.evaluator;
    if (!ev) return;
    const events: DetectionEvent[] = [];
    for await (const r of this.read(ev.lastSeq + 1)) {
      events.push(fromRecord(r));
      if (events.length >= 1000) await this.evaluate(events.splice(0));
    }
    await this.evaluate(events);
    await this.save(false);
  }

  private async live(records: readonly AppendedRecord[]): Promise<void> {
    const ev = this.evaluator;
    if (!ev || records.length === 0) return;
    const last = records[records.length - 1]!.seq;
    if (last <= ev.lastSeq) return;
    // Records of other processes in between: read them by seq first.
    if (records[0]!.seq > ev.lastSeq + 1) return this.catchUp();
    await this.evaluate(records.filter((r) => r.seq > ev.lastSeq).map(fromAppended));
    await this.save(false);
  }

  private async evaluate(events: DetectionEvent[]): Promise<void> {
    const ev = this.evaluator;
    if (!ev) return;
    const alerts: AlertRaised[] = [];
    for (const e of events) {
      if (ev.lastSeq >= e.seq) continue;
      for (const a of ev.evaluate(e)) if (!this.known.has(a.alertId)) alerts.push(a);
      this.dirty = true;
    }
    if (alerts.length === 0) return;
    const res = await this.o.ledger.append(alerts.map((a) => ({ actor: DETECTION_ACTOR, action: ALERT_RAISED, target: { type: 'alert', id: a.alertId }, outcome: 'success', metadata: a })), { alerts: true });
    this.raised += alerts.length;
    for (const a of alerts) this.known.add(a.alertId);
    // The saved state must include these alerts' dedup marks before anyone else could resume.
    await this.save(true);
    const ts = new Date(this.now()).toISOString();
    alerts.forEach((alert, i) => {
      const raised: RaisedAlert = { seq: res.first + i, ts, alert };
      for (const l of this.listeners) {
        try {
          l(raised);
        } catch (e) {
          this.log?.error({ err: { message: (e as Error).message }, alertId: alert.alertId }, 'detection: an alert listener failed');
        }
      }
    });
  }

  /** Writes the changed state and the cursor together, only while this instance still holds the lease at its epoch. */
  private async save(force: boolean): Promise<void> {
    const ev = this.evaluator;
    if (!ev || !this.dirty) return;
    if (!force && this.now() - this.lastSave < SAVE_EVERY_MS) return;
    if (!(await this.state.save(ev, { holder: this.instanceId, epoch: this.epoch }, new Date(this.now()).toISOString()))) {
      this.log?.warn({ instance: this.instanceId }, 'detection: lease no longer held; state not saved, evaluation stops here');
      this.evaluator = undefined;
      this.epoch = 0;
      return;
    }
    this.lastSave = this.now();
    this.dirty = false;
  }
}

