/**
 * Retention on a schedule inside `attest serve`: runs runRetention every interval (runner
 * "service"), and in any case keeps what the ledger says about the latest run, so the
 * self-assessment (ATTEST-SVC-AUDIT-006) can say when retention last ran and fail when it
 * stopped. The latest run is always read back from the ledger rather than remembered, so a
 * restart, a second instance or an external `attest ledger retention run` counts too.
 */
import { durationSeconds, retentionScheduleOf, type LedgerConfig, type RetentionScheduleConfig } from '../config.js';
import type { Ledger } from '../ledger/ledger.js';
import { latestRecordedRun, runRetention, type RecordedRun, type RetentionRunOutcome } from '../ledger/retention-run.js';

/** What the self-assessment is told. */
export interface RetentionState {
  schedule: RetentionScheduleConfig;
  /** Milliseconds between runs; undefined when the schedule is off. */
  intervalMs?: number;
  /** The ledger's latest ledger.retention.run, as last read. */
  lastRun?: RecordedRun;
  /** When the latest run could not even be recorded (the ledger refused the record). */
  unrecorded?: { at: string; message: string };
  /** Why the latest run could not be read from the ledger, when it could not. */
  readError?: string;
  /** Whether lastRun has been read from the ledger at all yet. */
  loaded: boolean;
  nextRunAt?: string;
  running: boolean;
  /** When this scheduler started watching: the reference for "never ran". */
  since: string;
}

interface Logger {
  info(o: object, msg: string): void;
  error(o: object, msg: string): void;
}

export interface RetentionSchedulerOptions {
  ledger: Ledger;
  config: LedgerConfig;
  /** The clock (tests move it); default Date.now. */
  now?: () => number;
  /** Interval override in milliseconds (tests); default from ledger.retentionSchedule.every. */
  intervalMs?: number;
  /** Delay of the first run after start when none is due earlier (default: 5 minutes, at most the interval). */
  startDelayMs?: number;
  /** How often an external runner's records are looked for (default: a quarter of the interval, at most 15 minutes). */
  pollMs?: number;
  /** Wait before another try after a run whose record the ledger refused (default: a quarter of the interval, at most 15 minutes). */
  retryMs?: number;
  /** Called whenever the state changes (the report's service part is rebuilt). */
  onChange?: () => void;
}

const SERVICE_ACTOR = { id: 'attest-serve', type: 'system' as const };

export class RetentionScheduler {
  readonly state: RetentionState;
  private timer?: NodeJS.Timeout;
  private current?: Promise<RetentionRunOutcome>;
  private closed = false;
  private log?: Logger;
  private readonly now: () => number;

  constructor(private readonly o: RetentionSchedulerOptions) {
    this.now = o.now ?? Date.now;
    const schedule = retentionScheduleOf(o.config);
    const seconds = schedule.every === 'off' ? undefined : durationSeconds(schedule.every);
    const intervalMs = Object.keys(o.config.retention).length === 0 ? undefined : o.intervalMs ?? (seconds !== undefined ? seconds * 1000 : undefined);
    this.state = { schedule, ...(intervalMs !== undefined ? { intervalMs } : {}), loaded: false, running: false, since: new Date(this.now()).toISOString() };
  }

  /** Reads the latest run from the ledger and starts the timer. */
  async start(log?: Logger): Promise<void> {
    if (log) this.log = log;
    await this.refresh();
    const s = this.state.schedule;
    if (this.state.intervalMs !== undefined && s.runner === 'service' && !s.archiveDir) {
      this.log?.error({}, 'retention is not applied: no archive directory (ledger.retentionSchedule.archiveDir, or ATTEST_LEDGER_ARCHIVE_DIR) is configured; with PostgreSQL there is no default');
    }
    this.arm();
  }

  /** Re-reads the latest recorded run. */
  async refresh(): Promise<RecordedRun | undefined> {
    try {
      const last = await latestRecordedRun(this.o.ledger);
      if (last) this.state.lastRun = last;
      delete this.state.readError;
    } catch (e) {
      this.state.readError = (e as Error).message.slice(0, 300);
    }
    this.state.loaded = true;
    this.o.onChange?.();
    return this.state.lastRun;
  }

  /** One run now, unless one is running (then that one's outcome). */
  runNow(): Promise<RetentionRunOutcome> {
    this.current ??= (async () => {
      this.state.running = true;
      this.o.onChange?.();
      const s = this.state.schedule;
      try {
        const out = await runRetention(
          this.o.ledger,
          { policies: this.o.config.retention, archiveDir: s.archiveDir, archiveOlderThanMs: (durationSeconds(s.archiveOlderThan) ?? 0) * 1000 },
          SERVICE_ACTOR,
          this.now(),
        );
        delete this.state.unrecorded;
        if (out.ok) this.log?.info({ record: out.record, ms: out.ms }, `retention run: ${out.message}`);
        else this.log?.error({ record: out.record }, `retention run ${out.message}`);
        return out;
      } catch (e) {
        // The run's own record was refused: nothing in the ledger says it ran.
        const message = `the run could not be recorded in the ledger: ${(e as Error).message.slice(0, 300)}`;
        this.state.unrecorded = { at: new Date(this.now()).toISOString(), message };
        this.log?.error({}, `retention run: ${message}`);
        throw e;
      } finally {
        await this.refresh();
        this.state.running = false;
        this.current = undefined;
        this.o.onChange?.();
      }
    })();
    return this.current;
  }

  /** Sets the timer for the next run (runner "service") or the next look at the ledger (runner "external"). */
  private arm(): void {
    if (this.closed || this.state.intervalMs === undefined) return;
    // Nowhere to archive: a run could only fail, every day, saying what the self-assessment
    // already says. Nothing is scheduled; an external runner's records are still looked for.
    if (this.state.schedule.runner === 'service' && !this.state.schedule.archiveDir) return;
    clearTimeout(this.timer);
    const every = this.state.intervalMs;
    const now = this.now();
    let wait: number;
    if (this.state.schedule.runner === 'external') {
      wait = this.o.pollMs ?? Math.min(every / 4, 15 * 60_000);
      delete this.state.nextRunAt;
    } else {
      const last = this.state.lastRun ? Date.parse(this.state.lastRun.at) : undefined;
      const firstAt = Date.parse(this.state.since) + (this.o.startDelayMs ?? Math.min(5 * 60_000, every));
      // Never before the start delay: a restart lets the service settle first, even when a run is overdue.
      let due = last !== undefined ? Math.max(last + every, firstAt) : firstAt;
      // A run the ledger refused to record leaves the latest recorded run where it was, so
      // the run is still due at once: without a pause it would be retried in a tight loop.
      if (this.state.unrecorded) due = Math.max(due, Date.parse(this.state.unrecorded.at) + (this.o.retryMs ?? Math.min(every / 4, 15 * 60_000)));
      wait = Math.max(due - now, 0);
      this.state.nextRunAt = new Date(now + wait).toISOString();
    }
    // setTimeout holds at most ~24.8 days; a longer wait is re-armed when it fires.
    this.timer = setTimeout(() => void this.fire(), Math.min(wait, 2 ** 31 - 1));
    this.timer.unref();
  }

  private async fire(): Promise<void> {
    if (this.closed) return;
    const every = this.state.intervalMs!;
    // Another instance, or an external run, may have run since: it counts.
    const last = await this.refresh();
    if (this.state.schedule.runner === 'service' && !this.closed) {
      const sinceLast = last ? this.now() - Date.parse(last.at) : Infinity;
      // A little slack, so a run that came a few seconds early elsewhere does not start a second one.
      if (sinceLast >= every * 0.95) await this.runNow().catch(() => undefined);
    }
    this.arm();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.current?.catch(() => undefined);
  }
}
