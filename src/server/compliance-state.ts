/**
 * The service's compliance readiness: the catalogs assessed over the report cache's findings
 * (the scanner's, and the self-assessment's as the service part) and the attestations and
 * exceptions folded from the ledger, kept in memory until one of them changes, and a history
 * row per framework stored whenever the outcome's inputs change — and at least once a day,
 * by a timer, so a quiet server still has a trend.
 *
 * The register is re-read only when the ledger holds a newer compliance record than the one
 * it was folded from (one indexed query), so records written by the CLI into the same
 * database are seen at the next request, not after a restart.
 */
import { createHash } from 'node:crypto';
import type { Catalog } from '../frameworks/schema.js';
import type { Finding } from '../model/types.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Report } from '../report/model.js';
import {
  addDays,
  assessCompliance,
  assessmentSummaries,
  COMPLIANCE_QUERY_ACTION,
  foldRegister,
  readComplianceRecords,
  selectCategories,
  templateEntries,
  utcDay,
  type ComplianceAssessment,
  type ComplianceStore,
  type ExceptionEntry,
  type FrameworkAssessment,
  type Register,
} from '../compliance/index.js';
import type { ReportCache } from './report-cache.js';
import { SERVICE_RESOURCE_TYPE } from './self-assessment.js';

export interface ComplianceStateOptions {
  ledger: Ledger;
  store: ComplianceStore;
  reports: ReportCache;
  catalogs: readonly Catalog[];
  /** The server's clock (tests move it). */
  now?: () => Date;
  /** How often the timer re-assesses (and stores when something changed); 0: no timer. */
  refreshMs?: number;
}

export interface Findings {
  scan: Finding[];
  service: Finding[];
}

export interface TrendPoint {
  day: string;
  score: number | null;
  coverage: number | null;
  met: number;
  applicable: number;
}

interface Current {
  key: string;
  assessment: ComplianceAssessment;
  findings: Findings;
  register: Register;
}

/** What decides a finding's part in an assessment; the message is left out (it repeats these). */
function fingerprint(findings: readonly Finding[]): string {
  const h = createHash('sha256');
  for (const f of findings) {
    const s = f.suppression;
    h.update(`${f.controlId}\u0000${f.status}\u0000${f.resource.file}\u0000${f.resource.id}\u0000${f.location.file}:${f.location.line}:${f.location.column}\u0000${s ? `${s.file}:${s.line}:${s.expires ?? ''}:${s.expired ? 1 : 0}` : ''}\n`);
  }
  return h.digest('base64url');
}

export class ComplianceState {
  private reg?: { head: number; day: string; register: Register };
  private current?: Current;
  private prints = new WeakMap<Report, { findings: Findings; print: string }>();
  private storedKey?: string;
  private trends = new Map<string, { stores: number; day: string; at: number; points: TrendPoint[] }>();
  private timer?: NodeJS.Timeout;
  private pending?: Promise<Current>;
  /** When history rows were last stored (ISO 8601), and how many times. */
  lastStored?: string;
  stores = 0;
  /** Where failures of the timer and of storing history are reported (the server's log). */
  onError: (message: string) => void = () => undefined;

  constructor(private readonly o: ComplianceStateOptions) {
    const every = o.refreshMs ?? 60_000;
    if (every > 0) {
      this.timer = setInterval(() => {
        this.refresh().catch((e) => this.onError(`compliance assessment failed: ${(e as Error).message}`));
      }, every);
      this.timer.unref();
    }
  }

  get catalogs(): readonly Catalog[] {
    return this.o.catalogs;
  }

  get store(): ComplianceStore {
    return this.o.store;
  }

  now(): Date {
    return this.o.now?.() ?? new Date();
  }

  /** The report's findings, split into the scanner's and Attest's own (the service part). */
  findings(): { findings: Findings; print: string } {
    const report = this.o.reports.get();
    let hit = this.prints.get(report);
    if (!hit) {
      const scan: Finding[] = [];
      const service: Finding[] = [];
      for (const f of report.findings) (f.resource.type === SERVICE_RESOURCE_TYPE ? service : scan).push(f);
      hit = { findings: { scan, service }, print: `${fingerprint(scan)}.${fingerprint(service)}` };
      this.prints.set(report, hit);
    }
    return hit;
  }

  /** The attestations and exceptions register as of today, re-read when the ledger has a newer compliance record. */
  async register(): Promise<Register> {
    const now = this.now();
    const day = utcDay(now);
    const last = await this.o.ledger.query({ action: COMPLIANCE_QUERY_ACTION, order: 'desc', limit: 1 });
    const head = last.records[0]?.seq ?? 0;
    if (this.reg && this.reg.head === head && this.reg.day === day) return this.reg.register;
    const register = foldRegister(await readComplianceRecords(this.o.ledger), now);
    await this.checkFiles(register);
    this.reg = { head, day, register };
    return register;
  }

  /**
   * Every evidence file an unrevoked attestation names, checked against its hash: an
   * attestation whose file is missing or altered decides nothing (the engine reads
   * fileProblems). Done when the register is re-read, which is at least daily.
   */
  private async checkFiles(register: Register): Promise<void> {
    const seen = new Map<string, string | undefined>();
    for (const a of register.attestations) {
      if (a.revoked || !a.files.length) continue;
      const problems: string[] = [];
      for (const f of a.files) {
        if (!seen.has(f.sha256)) {
          const c = await this.o.store.checkFile(f.sha256);
          seen.set(f.sha256, c.status === 'ok' ? (c.size !== f.size ? `its size is ${c.size} bytes, not the ${f.size} recorded` : undefined) : c.status === 'missing' ? 'it is not in the evidence store' : 'its stored content no longer matches its SHA-256 (the evidence store was altered)');
        }
        const p = seen.get(f.sha256);
        if (p) problems.push(`evidence file ${f.name} (${f.sha256.slice(0, 12)}…): ${p}`);
      }
      if (problems.length) a.fileProblems = problems;
    }
  }

  /**
   * The assessment of every catalog (default categories) over the current findings and
   * register; recomputed only when one of them, or the day, changed — and then stored.
   */
  async assessment(): Promise<Current> {
    // Concurrent requests share one computation (and one stored history row).
    this.pending ??= this.compute().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async compute(): Promise<Current> {
    const { findings, print } = this.findings();
    const register = await this.register();
    const now = this.now();
    const key = `${print}:${this.reg!.head}:${utcDay(now)}`;
    if (this.current?.key === key) return this.current;
    const assessment = assessCompliance({
      frameworks: this.o.catalogs,
      findings: findings.scan,
      serviceFindings: findings.service,
      attestations: register.attestations,
      exceptions: register.exceptions,
      now,
    });
    this.current = { key, assessment, findings, register };
    if (this.storedKey !== key) {
      try {
        await this.o.store.addAssessments(assessmentSummaries(assessment));
        this.storedKey = key;
        this.lastStored = assessment.assessedAt;
        this.stores++;
      } catch (e) {
        // A read must not fail because the history could not be written; the next change retries.
        this.onError(`the compliance history could not be stored: ${(e as Error).message}`);
      }
    }
    return this.current;
  }

  /**
   * Re-assesses now (the timer, and every write of evidence or exceptions). A computation
   * already under way may have read the register before the write: wait for it, then start
   * one that reads after it.
   */
  async refresh(): Promise<Current> {
    if (this.pending) await this.pending.catch(() => undefined);
    return this.assessment();
  }

  /**
   * The last stored score of each day over the past year, oldest first. Read from the history
   * table when this server stored a row since the last read, or after five minutes (rows the
   * command line stored in the same database), so a dashboard does not read a year of rows
   * per request.
   */
  async trend(catalogId: string, today: string): Promise<TrendPoint[]> {
    const hit = this.trends.get(catalogId);
    if (hit && hit.stores === this.stores && hit.day === today && Date.now() - hit.at < 300_000) return hit.points;
    const from = addDays(today, -365);
    const rows = await this.o.store.assessments({ framework: catalogId, from, limit: 100_000 });
    const byDay = new Map<string, TrendPoint>();
    for (const r of rows) byDay.set(r.at.slice(0, 10), { day: r.at.slice(0, 10), score: r.score, coverage: r.coverage, met: r.met, applicable: r.applicable });
    const points = [...byDay.values()];
    this.trends.set(catalogId, { stores: this.stores, day: today, at: Date.now(), points });
    return points;
  }

  /**
   * One framework for the categories asked for: from the current assessment when they are
   * the catalog's defaults, else assessed on its own (not stored: history follows the defaults).
   */
  async framework(catalog: Catalog, categories?: readonly string[]): Promise<{ assessment: ComplianceAssessment; framework: FrameworkAssessment; current: Current }> {
    const chosen = selectCategories(catalog, categories);
    const defaults = selectCategories(catalog);
    const current = await this.assessment();
    const same = chosen.length === defaults.length && chosen.every((c) => defaults.includes(c));
    if (same) {
      const fw = current.assessment.frameworks.find((f) => f.id === catalog.id);
      if (fw) return { assessment: current.assessment, framework: fw, current };
    }
    const assessment = assessCompliance({
      frameworks: [{ catalog, categories: chosen }],
      findings: current.findings.scan,
      serviceFindings: current.findings.service,
      attestations: current.register.attestations,
      exceptions: current.register.exceptions,
      now: new Date(current.assessment.assessedAt),
    });
    return { assessment, framework: assessment.frameworks[0]!, current };
  }

  /** The register's ledger entries plus the template suppressions of the current findings (read-only rows). */
  async exceptions(): Promise<{ entries: ExceptionEntry[]; now: Date }> {
    const current = await this.assessment();
    const now = new Date(current.assessment.assessedAt);
    return { entries: [...current.register.exceptions, ...templateEntries([...current.findings.scan, ...current.findings.service], now)], now };
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
