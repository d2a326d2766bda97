/**
 * One application of the retention policy, as the service's scheduler and `attest ledger
 * retention run` do it: records older than the archive age leave the database for a new
 * archive file, then every archive file in the directory has the records whose retention
 * elapsed turned into tombstones. The run and its outcome are recorded in the ledger
 * (ledger.retention.run), which is where anyone — the self-assessment included — learns
 * when retention last ran and whether it worked.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parsePolicies } from './archive.js';
import { RETENTION_RUN_ACTION, type Ledger } from './ledger.js';
import { formatMicros, LedgerValidationError, type AuditEventInput } from './record.js';

export { RETENTION_RUN_ACTION };

export interface RetentionRunSettings {
  policies: Record<string, string>;
  /** Where archive files are written and found. */
  archiveDir: string | undefined;
  /** Records older than this many milliseconds are archived. */
  archiveOlderThanMs: number;
}

export interface RetentionRunOutcome {
  /** When the run started (ISO 8601, the clock the run was given). */
  at: string;
  ok: boolean;
  /** The archive this run wrote; null: nothing was old enough. Absent when archiving failed or was refused. */
  archived?: { from: number; to: number; records: number; file: string; sha256: string } | null;
  /** Per archive file: records expired now, before, and kept. */
  retention: { file: string; expired: number; alreadyExpired: number; kept: number; error?: string }[];
  /** One sentence for people: what happened. */
  message: string;
  /** Why it failed, when it did. */
  error?: string;
  /** Sequence number of the ledger.retention.run record (absent when it could not be written). */
  record?: number;
  ms: number;
}

/** Names sort in creation order, and two runs in the same second cannot collide (ledger.archive never overwrites). */
function archiveName(now: number, from: number): string {
  return `attest-archive-${new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-from-${from}.ndjson`;
}

/**
 * An error as recorded: short, and storable (a message may quote a path with a NUL or a
 * broken surrogate, which the ledger refuses: the run would then go unrecorded).
 */
export function problem(e: unknown): string {
  return storable(e instanceof LedgerValidationError ? e.detail : e instanceof Error ? e.message : String(e));
}

export function storable(text: string): string {
  return text.replace(/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd').slice(0, 600);
}

/**
 * Runs once. Never throws for what the run itself met (a refusing store, a bad archive file):
 * that is the outcome, recorded as outcome "error". It throws only when the outcome cannot be
 * recorded in the ledger, because a run nobody can see did not, as far as evidence goes, happen.
 */
export async function runRetention(ledger: Ledger, s: RetentionRunSettings, actor: AuditEventInput['actor'], now = Date.now()): Promise<RetentionRunOutcome> {
  const started = Date.now();
  const out: RetentionRunOutcome = { at: new Date(now).toISOString(), ok: true, retention: [], message: '', ms: 0 };
  const fail = (why: string) => {
    out.ok = false;
    out.error = storable(out.error ? `${out.error}; ${why}` : why);
  };
  try {
    parsePolicies(s.policies);
  } catch (e) {
    fail(`the retention policy does not parse: ${problem(e)}`);
  }
  if (!s.archiveDir) fail('no archive directory is configured (ledger.retentionSchedule.archiveDir): records cannot leave the database, so no retention period can elapse anywhere');
  if (out.ok && s.archiveDir) {
    const dir = s.archiveDir;
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      // Refused up front, even with nothing old enough yet: a deployment that can never
      // archive must not pass as one where nothing has needed archiving so far.
      const refusal = await ledger.store.archiveRefusal?.();
      if (refusal) throw new LedgerValidationError('db', refusal);
      const before = formatMicros(BigInt(Math.floor(now - s.archiveOlderThanMs)) * 1000n);
      const from = ((await ledger.store.archives()).at(-1)?.upto ?? 0) + 1;
      const r = await ledger.archive({ before, out: join(dir, archiveName(now, from)) });
      out.archived = r.records > 0 ? { from: r.from, to: r.to, records: r.records, file: basename(r.file!), sha256: r.sha256! } : null;
    } catch (e) {
      fail(`archiving failed: ${problem(e)}`);
    }
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.ndjson')).sort();
    } catch (e) {
      fail(`cannot list ${dir}: ${problem(e)}`);
    }
    for (const f of files) {
      try {
        const r = await ledger.applyRetention(join(dir, f), { policies: s.policies, now });
        out.retention.push({ file: f, expired: r.expired, alreadyExpired: r.alreadyExpired, kept: r.kept });
      } catch (e) {
        out.retention.push({ file: f, expired: 0, alreadyExpired: 0, kept: 0, error: problem(e) });
        fail(`${f}: ${problem(e)}`);
      }
    }
  }
  const expired = out.retention.reduce((n, r) => n + r.expired, 0);
  const archivedText = out.archived ? `archived records ${out.archived.from}..${out.archived.to} to ${out.archived.file}` : out.archived === null ? 'nothing old enough to archive' : 'nothing archived';
  out.message = out.ok
    ? `${archivedText}; ${expired} archived record${expired === 1 ? '' : 's'} expired now in ${out.retention.length} archive file${out.retention.length === 1 ? '' : 's'}`
    : `failed: ${out.error}`;
  out.ms = Date.now() - started;
  const r = await ledger.append([
    {
      actor,
      action: RETENTION_RUN_ACTION,
      target: { type: 'ledger', id: ledger.ledgerId },
      outcome: out.ok ? 'success' : 'error',
      metadata: {
        policy: s.policies,
        archive_older_than_ms: s.archiveOlderThanMs,
        archived: out.archived ?? null,
        retention: out.retention,
        ms: out.ms,
        ...(out.error ? { error: out.error } : {}),
      },
    },
  ], { retentionRun: true });
  out.record = r.last;
  return out;
}

/** What the latest recorded run says, read back from the ledger (any runner: the service or the CLI). */
export interface RecordedRun {
  seq: number;
  at: string;
  ok: boolean;
  by: string;
  message: string;
}

/** The latest ledger.retention.run record, or undefined when retention never ran. */
export async function latestRecordedRun(ledger: Ledger): Promise<RecordedRun | undefined> {
  const [rec] = (await ledger.query({ action: RETENTION_RUN_ACTION, order: 'desc', limit: 1 })).records;
  if (!rec) return undefined;
  const md = (rec.metadata ?? {}) as { archived?: { from: number; to: number; file: string } | null; retention?: { expired: number }[]; error?: string };
  const expired = (md.retention ?? []).reduce((n, x) => n + (x.expired ?? 0), 0);
  const ok = rec.outcome === 'success';
  const archived = md.archived ? `archived records ${md.archived.from}..${md.archived.to} to ${md.archived.file}` : 'nothing old enough to archive';
  return {
    seq: rec.seq,
    // Ledger time has microseconds; Date parses milliseconds.
    at: `${rec.ts.slice(0, 23)}Z`,
    ok,
    by: rec.actor.id,
    message: ok ? `${archived}; ${expired} archived record${expired === 1 ? '' : 's'} expired` : `failed: ${md.error ?? 'no reason recorded'}`,
  };
}
