/**
 * Where an access denial goes when the ledger will not take it. A refusal is evidence of
 * probing, so it must not vanish because the database was busy or down: it is written to an
 * append-only NDJSON file (mode 0600, fsynced before the client gets its answer) and
 * re-appended to the ledger as soon as the ledger accepts writes again — retried with
 * back-off, and at start-up — with its original time and `delayed: true` in its metadata.
 *
 * Exactly once: each spooled denial carries an id that travels into the ledger record
 * (metadata.spoolId). The file is rewritten without the entries once the ledger has
 * acknowledged them; if the process dies between the two, start-up finds those ids in the
 * ledger and does not append them again.
 *
 * One server process per spool file (the default lives beside the SQLite ledger, or under
 * .attest/ in the working directory for PostgreSQL).
 */
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { AttestConfig } from '../config.js';
import type { Ledger } from '../ledger/ledger.js';
import { isPostgresUrl } from '../ledger/open.js';
import { LedgerValidationError, parseTime, validateEvent, type AuditEventInput } from '../ledger/record.js';
import { privateDir } from '../datadir.js';

export interface SpooledDenial {
  /** Unique per denial; becomes metadata.spoolId of the ledger record. */
  id: string;
  /** When the denial happened (ISO 8601, UTC). */
  at: string;
  /** Why the ledger refused it (for the operator; never contains the token). */
  error: string;
  event: AuditEventInput;
}

/** Where denials are spooled when server.denialSpool does not say. */
export function defaultSpoolPath(config: AttestConfig, cwd: string): string {
  const dir = isPostgresUrl(config.ledger.db) ? resolve(cwd, '.attest') : dirname(config.ledger.db);
  return join(dir, 'denials.spool.ndjson');
}

/** The record a spooled denial becomes: same event, marked as delayed, with its own time. */
export function delayedEvent(d: SpooledDenial): AuditEventInput {
  return { ...d.event, metadata: { ...d.event.metadata, delayed: true, originalTime: d.at, spoolId: d.id } };
}

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;
/** Re-appended per ledger call (one transaction each). */
const DRAIN_BATCH = 500;

function fsyncDir(dir: string): void {
  // A new or renamed file's directory entry is durable only once its directory is synced.
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems refuse to open or sync a directory; the file's own fsync stands.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function writeDurably(path: string, text: string, flags: 'a' | 'w'): void {
  const fd = openSync(path, flags, 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

type Log = Pick<FastifyBaseLogger, 'error' | 'warn'>;

export interface DenialSpoolOptions {
  path: string;
  ledger: Ledger;
  /** Called when the number of spooled denials goes from 0 to more, or back to 0. */
  onChange?: () => void;
  /** First retry delay (tests use a short one); doubles up to 30 s. */
  retryMs?: number;
}

export class DenialSpool {
  readonly path: string;
  private entries: SpooledDenial[] = [];
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private delayMs: number;
  private closed = false;
  /** The file still lists entries the ledger already has (a rewrite failed); rewrite at the next chance. */
  private stale = false;
  /** Entries read from an earlier run's file, not yet checked against the ledger. */
  private unchecked = false;

  /** For work outside a request (re-appends); set by load(). */
  private log: Log = { error: () => undefined, warn: () => undefined };

  constructor(private readonly o: DenialSpoolOptions) {
    this.path = o.path;
    this.delayMs = o.retryMs ?? FIRST_RETRY_MS;
  }

  /**
   * Reads what an earlier run left in the spool, drops what the ledger already holds, and
   * starts re-appending the rest. Lines that cannot be read (a write torn by a crash, an
   * edit) are moved to <path>.bad and logged with their line number.
   */
  async load(log: Log): Promise<void> {
    this.log = log;
    const o = this.o;
    const spool = this;
    if (!existsSync(o.path)) return;
    const lines = readFileSync(o.path, 'utf8').split('\n');
    const bad: string[] = [];
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        const d = JSON.parse(line) as SpooledDenial;
        if (typeof d.id !== 'string' || typeof d.at !== 'string' || Number.isNaN(Date.parse(d.at))) throw new Error('id and at (an ISO time) are required');
        d.event = validateEvent(d.event);
        spool.entries.push(d);
      } catch (e) {
        bad.push(line);
        log.error({ spool: o.path, line: i + 1, problem: (e as Error).message.slice(0, 200) }, `denial spool ${o.path}:${i + 1}: unreadable entry moved to ${o.path}.bad; re-append it by hand (attest ledger append) if it is a real denial`);
      }
    });
    if (bad.length) {
      writeDurably(`${o.path}.bad`, `${bad.join('\n')}\n`, 'a');
      spool.stale = true;
      spool.rewrite();
    }
    if (spool.entries.length) {
      spool.unchecked = true;
      log.warn({ spool: o.path, spooled: spool.entries.length }, 'access denials from an earlier run are waiting to be re-appended to the ledger');
      o.onChange?.();
      await spool.drain();
    }
  }

  /** Denials written here and not yet in the ledger. */
  get count(): number {
    return this.entries.length;
  }

  /**
   * Records a denial: in the ledger, or — when the ledger refuses — durably in the spool.
   * Throws only when neither worked (the caller must then fail closed).
   */
  async record(event: AuditEventInput, log: Pick<FastifyBaseLogger, 'error'>): Promise<'ledger' | 'spooled'> {
    const at = new Date().toISOString();
    try {
      await this.o.ledger.append([event]);
      if (this.entries.length) void this.drain(); // the ledger is back: do not wait for the back-off
      return 'ledger';
    } catch (e) {
      // A record the ledger can never take would block the spool for good: that is a bug here, not an outage.
      if (e instanceof LedgerValidationError) throw e;
      const error = (e as Error).message.slice(0, 300);
      const d: SpooledDenial = { id: randomUUID(), at, error, event };
      try {
        const created = !existsSync(this.path);
        // A file that exists has its folder: only the first denial of an outage makes it.
        if (created) privateDir(dirname(this.path));
        writeDurably(this.path, `${JSON.stringify(d)}\n`, 'a');
        if (created) fsyncDir(dirname(this.path));
      } catch (w) {
        log.error({ err: { message: error }, spool: this.path, spoolError: (w as Error).message.slice(0, 300) }, 'could not record an access denial in the ledger, nor in the denial spool');
        throw w;
      }
      log.error({ err: { message: error }, spool: this.path }, 'could not record an access denial in the ledger; spooled it for a later re-append');
      this.entries.push(d);
      if (this.entries.length === 1) this.o.onChange?.();
      this.schedule(this.delayMs);
      return 'spooled';
    }
  }

  /** Re-appends now (start-up, recovery, tests); resolves when this attempt is over. */
  drain(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.draining ??= this.drainOnce().then((retry) => {
      this.draining = undefined;
      if (retry) {
        const wait = this.delayMs;
        this.delayMs = Math.min(this.delayMs * 2, MAX_RETRY_MS);
        this.schedule(wait);
      } else {
        this.delayMs = this.o.retryMs ?? FIRST_RETRY_MS;
        // A denial spooled after the pass ended found it still running and scheduled nothing.
        if (this.entries.length) this.schedule(this.delayMs);
      }
    });
    return this.draining;
  }

  /** Stops retrying (the entries stay in the file for the next start). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.draining;
  }

  private schedule(ms: number): void {
    if (this.closed || this.timer || this.draining) return;
    this.timer = setTimeout(() => void this.drain(), ms);
    this.timer.unref();
  }

  /** One pass over the spool; true when the ledger refused and a retry is due. */
  private async drainOnce(): Promise<boolean> {
    try {
      if (this.unchecked && this.entries.length) await this.dropRecorded();
      this.unchecked = false;
      while (this.entries.length && !this.closed) {
        const batch = this.entries.slice(0, DRAIN_BATCH);
        await this.o.ledger.append(batch.map(delayedEvent));
        this.entries.splice(0, batch.length);
        this.stale = true;
        this.log.warn({ spool: this.path, appended: batch.length, spooled: this.entries.length }, 'spooled access denials re-appended to the ledger (marked delayed)');
        this.rewrite();
      }
    } catch (e) {
      this.log.error({ err: { message: (e as Error).message.slice(0, 300) }, spool: this.path, spooled: this.entries.length, retryInMs: this.delayMs }, 'the ledger still refuses appends; spooled access denials wait');
      return !this.closed;
    } finally {
      this.rewrite();
    }
    if (this.entries.length === 0) this.o.onChange?.();
    return false;
  }

  /**
   * Makes the file list exactly the entries still waiting (atomically: temp file, fsync, rename).
   * Only when it is stale: the file gains every entry as it is recorded, so otherwise it already does.
   */
  private rewrite(): void {
    if (!this.stale) return;
    try {
      if (this.entries.length === 0) {
        if (existsSync(this.path)) unlinkSync(this.path);
      } else {
        const tmp = `${this.path}.tmp`;
        writeDurably(tmp, this.entries.map((d) => `${JSON.stringify(d)}\n`).join(''), 'w');
        renameSync(tmp, this.path);
      }
      fsyncDir(dirname(this.path));
      this.stale = false;
    } catch (e) {
      // The ledger has these records; start-up skips them by spoolId if the file keeps them.
      this.log.error({ err: { message: (e as Error).message.slice(0, 300) }, spool: this.path }, 'could not rewrite the denial spool');
    }
  }

  /** Removes entries whose spoolId is already in the ledger (the process died before the rewrite). */
  private async dropRecorded(): Promise<void> {
    const earliest = this.entries.reduce((m, d) => (d.at < m ? d.at : m), this.entries[0]!.at);
    // A minute early: the ledger's clock and Date may differ slightly.
    const since = parseTime(new Date(Date.parse(earliest) - 60_000).toISOString(), 'at');
    const ids = new Set(this.entries.map((d) => d.id));
    const found = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.o.ledger.query({ action: 'access.denied', from: since, order: 'asc', limit: 1000, ...(cursor ? { cursor } : {}) });
      for (const r of page.records) {
        const id = r.metadata?.['spoolId'];
        if (typeof id === 'string' && ids.has(id)) found.add(id);
      }
      cursor = page.nextCursor;
    } while (cursor && found.size < ids.size);
    if (found.size) {
      this.entries = this.entries.filter((d) => !found.has(d.id));
      this.stale = true;
      this.log.warn({ spool: this.path, alreadyRecorded: found.size }, 'spooled access denials were already in the ledger (the process stopped before the spool was rewritten); not appended again');
    }
  }
}
