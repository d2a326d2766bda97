/**
 * Bounded and complete recording of access denials. A flood of refused requests must neither
 * grow the ledger one record per request nor go uncounted, so denials are grouped by key —
 * the denial's class (authentication, authorization, rate limit, …) and the client (the
 * principal when the token was valid, else the address) — and by window (fixed windows of
 * server.denialRecording.windowSeconds, aligned to the epoch):
 *
 *   - the first `individualPerKey` denials of a key in a window are recorded one by one as
 *     `access.denied`, before the client gets its answer (as always);
 *   - the rest are counted in memory and written when the window ends, and at shutdown, as one
 *     `access.denied.summary` record per key: exact count, first and last time, and counts
 *     per reason, route and status;
 *   - beyond `maxKeys` keys in a window (a flood from many addresses), further keys' denials
 *     are counted in one overflow summary.
 *
 * So a window adds at most maxKeys × (individualPerKey + 1) + 1 records, and the individual
 * records plus the summaries' counts are exactly the denials answered. Both kinds go through
 * the denial spool, so a ledger that refuses writes delays them without losing them.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { DenialRecordingConfig } from '../config.js';
import type { Actor, AuditEventInput } from '../ledger/record.js';
import type { DenialSpool } from './denial-spool.js';

export const SUMMARY_ACTION = 'access.denied.summary';

/** Routes listed per summary; the rest are counted together (unmatched paths are the client's choice). */
const MAX_ROUTES = 20;

type Log = Pick<FastifyBaseLogger, 'error' | 'warn'>;

export interface DenialKey {
  /** authentication (401), authorization (403), rate_limit (429), unavailable (503). */
  cls: string;
  /** `principal:<issuer> <subject>` or `ip:<address>`. */
  client: string;
}

interface Summary {
  actor: Actor;
  count: number;
  first: number;
  last: number;
  reasons: Map<string, number>;
  statuses: Map<number, number>;
  routes: Map<string, number>;
  otherRoutes: number;
}

interface KeyState {
  individual: number;
  summary?: Summary;
}

interface Window {
  id: number;
  keys: Map<string, KeyState>;
  overflow?: Summary;
}

export interface DenialTotals {
  /** Denials answered since start: individual + summarised. */
  denials: number;
  /** Recorded one by one (ledger or spool). */
  individual: number;
  /** Counted into summaries (written or waiting for their window to end). */
  summarised: number;
  /** Summary records written (ledger or spool). */
  summaries: number;
}

export interface DenialRecorderOptions {
  spool: DenialSpool;
  config: DenialRecordingConfig;
  /** The clock (tests move it); default Date.now. */
  now?: () => number;
  /** Called when summaries start being held in memory (neither ledger nor spool took them), or stop. */
  onChange?: () => void;
}

const inc = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

export class DenialRecorder {
  readonly config: DenialRecordingConfig;
  private readonly now: () => number;
  private current: Window;
  /** Summaries that neither the ledger nor the spool took; retried at every flush. */
  private unwritten: AuditEventInput[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private log: Log = { error: () => undefined, warn: () => undefined };
  readonly totals: DenialTotals = { denials: 0, individual: 0, summarised: 0, summaries: 0 };

  constructor(private readonly o: DenialRecorderOptions) {
    this.config = o.config;
    this.now = o.now ?? Date.now;
    this.current = { id: this.windowOf(this.now()), keys: new Map() };
  }

  get spool(): DenialSpool {
    return this.o.spool;
  }

  /** Denials counted in summaries that neither the ledger nor the spool took (held in memory, retried at every flush). */
  get unrecorded(): number {
    return this.unwritten.reduce((n, e) => n + (e.metadata!['count'] as number), 0);
  }

  /** Starts the end-of-window timer; `log` is for work outside a request. */
  start(log: Log): void {
    this.log = log;
    this.schedule();
  }

  /**
   * Records one denial, or counts it for its key's summary. Resolves once the denial is in
   * the ledger or the spool ('ledger' / 'spooled') or counted ('counted'); throws when it had
   * to be recorded one by one and neither could hold it (the caller then fails closed).
   */
  async record(event: AuditEventInput, key: DenialKey, route: string, status: number, reason: string, log: Pick<FastifyBaseLogger, 'error'>): Promise<'ledger' | 'spooled' | 'counted'> {
    const now = this.now();
    this.roll(now);
    const w = this.current;
    const k = `${key.cls}\u0000${key.client}`;
    let state = w.keys.get(k);
    if (!state) {
      if (w.keys.size >= this.config.maxKeys) {
        w.overflow ??= this.newSummary({ id: '(clients beyond server.denialRecording.maxKeys)', type: 'system' }, now);
        this.count(w.overflow, now, route, status, reason);
        return 'counted';
      }
      state = { individual: 0 };
      w.keys.set(k, state);
    }
    if (state.individual < this.config.individualPerKey) {
      state.individual++;
      try {
        const where = await this.o.spool.record(event, log);
        this.totals.denials++;
        this.totals.individual++;
        return where;
      } catch (e) {
        // Not recorded, and the client is told so (503): this slot is free for the next one.
        state.individual--;
        throw e;
      }
    }
    state.summary ??= this.newSummary(event.actor, now);
    this.count(state.summary, now, route, status, reason);
    return 'counted';
  }

  /** Ends the window if the clock has left it (the timer calls this; tests call it after moving the clock). */
  tick(): Promise<void> {
    this.roll(this.now());
    return this.flushing;
  }

  /** Writes every pending summary, including the current window's (shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const w = this.current;
    this.current = { id: w.id, keys: new Map() };
    this.flushWindow(w);
    await this.flushing;
    if (this.unwritten.length) {
      this.log.error({ summaries: this.unwritten.length, denials: this.unrecorded, spool: this.o.spool.path }, 'shutting down with access-denial summaries that neither the ledger nor the denial spool would take; their counts are in this log line only');
    }
  }

  private windowOf(t: number): number {
    return Math.floor(t / (this.config.windowSeconds * 1000));
  }

  private roll(now: number): void {
    const id = this.windowOf(now);
    if (id === this.current.id) return;
    const ended = this.current;
    this.current = { id, keys: new Map() };
    this.flushWindow(ended);
  }

  private schedule(): void {
    if (this.closed) return;
    const ms = this.config.windowSeconds * 1000;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.tick();
      this.schedule();
    }, ms - (Date.now() % ms) + 5);
    this.timer.unref();
  }

  private newSummary(actor: Actor, now: number): Summary {
    return { actor, count: 0, first: now, last: now, reasons: new Map(), statuses: new Map(), routes: new Map(), otherRoutes: 0 };
  }

  private count(s: Summary, now: number, route: string, status: number, reason: string): void {
    s.count++;
    s.last = now;
    inc(s.reasons, reason);
    inc(s.statuses, status);
    if (s.routes.has(route) || s.routes.size < MAX_ROUTES) inc(s.routes, route);
    else s.otherRoutes++;
    this.totals.denials++;
    this.totals.summarised++;
  }

  /** Queues the window's summaries for writing, after any earlier flush (records stay in order). */
  private flushWindow(w: Window): void {
    const events: AuditEventInput[] = [];
    const windowMs = this.config.windowSeconds * 1000;
    const bounds = { windowStart: new Date(w.id * windowMs).toISOString(), windowEnd: new Date((w.id + 1) * windowMs).toISOString() };
    for (const [k, state] of w.keys) {
      if (!state.summary) continue;
      const [cls] = k.split('\u0000');
      events.push(this.summaryEvent(state.summary, { class: cls!, recordedIndividually: state.individual, ...bounds }));
    }
    if (w.overflow) events.push(this.summaryEvent(w.overflow, { class: 'overflow', overflow: true, keysTracked: w.keys.size, ...bounds }));
    if (!events.length && !this.unwritten.length) return;
    this.flushing = this.flushing.then(() => this.write(events));
  }

  private summaryEvent(s: Summary, extra: Record<string, unknown>): AuditEventInput {
    const routes = [...s.routes].map(([route, count]) => ({ route, count }));
    return {
      actor: s.actor,
      action: SUMMARY_ACTION,
      target: { type: 'route', id: routes.length === 1 && s.otherRoutes === 0 ? routes[0]!.route.slice(0, 256) : '*' },
      outcome: 'denied',
      metadata: {
        count: s.count,
        firstAt: new Date(s.first).toISOString(),
        lastAt: new Date(s.last).toISOString(),
        ...extra,
        reasons: [...s.reasons].map(([reason, count]) => ({ reason, count })),
        statuses: [...s.statuses].map(([status, count]) => ({ status, count })),
        routes,
        ...(s.otherRoutes ? { otherRoutes: s.otherRoutes } : {}),
      },
    };
  }

  private async write(events: AuditEventInput[]): Promise<void> {
    const heldBefore = this.unwritten.length > 0;
    const todo = [...this.unwritten.splice(0), ...events];
    for (const ev of todo) {
      try {
        await this.o.spool.record(ev, this.log);
        this.totals.summaries++;
      } catch (e) {
        // record() logged why; keep it for the next window's flush.
        this.unwritten.push(ev);
        this.log.error({ err: { message: (e as Error).message.slice(0, 300) }, denials: ev.metadata!['count'] }, 'an access-denial summary could not be recorded; it is kept in memory and retried when the next window ends');
      }
    }
    if (heldBefore !== this.unwritten.length > 0) this.o.onChange?.();
  }
}
