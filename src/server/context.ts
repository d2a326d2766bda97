/**
 * What the routes share: the configuration, the verifier, the ledger, the scan store, the
 * report cache and the latest verification. Opening it opens the ledger; closing it closes
 * everything in the reverse order.
 */
import { createVerifier, type Verifier } from '../access/jwt.js';
import { DevIssuer } from '../access/dev-issuer.js';
import { validateAccessConfig, type AccessConfig } from '../access/scopes.js';
import { DEFAULT_COMPLIANCE, DEFAULT_JOBS, type AttestConfig } from '../config.js';
import { openComplianceStore, type ComplianceStore } from '../compliance/store.js';
import { CATALOGS } from '../frameworks/index.js';
import type { Catalog } from '../frameworks/schema.js';
import { Detector } from '../detection/detector.js';
import { DEFAULT_DETECTION } from '../detection/rules.js';
import { openLedger } from '../ledger/open.js';
import type { KeyProvider } from '../ledger/keys.js';
import type { Ledger } from '../ledger/ledger.js';
import { Notifier } from '../notify/notifier.js';
import { AlertBook } from '../notify/alerts.js';
import { DEFAULT_NOTIFY } from '../notify/config.js';
import { Authenticator, type RateLimits } from './auth.js';
import { DenialRecorder } from './denial-recorder.js';
import { defaultSpoolPath, DenialSpool } from './denial-spool.js';
import { RateLimiter } from './rate-limit.js';
import { ComplianceState } from './compliance-state.js';
import { ReportCache } from './report-cache.js';
import { openScanStore, type ScanStore } from './scan-store.js';
import { assessService, type VerificationState } from './self-assessment.js';
import { RetentionScheduler } from './retention-scheduler.js';
import { JobManager } from './jobs/manager.js';
import { recordPackageGenerated } from '../compliance/records.js';
import { isPostgresUrl } from '../ledger/open.js';
import { dirname, join, resolve } from 'node:path';
import type { RouteDecl } from './types.js';

export interface ServerContext {
  config: AttestConfig;
  access: AccessConfig;
  dev: boolean;
  devIssuer?: DevIssuer;
  verifier: Verifier;
  auth: Authenticator;
  ledger: Ledger;
  /** Access denials the ledger refused, waiting to be re-appended. */
  denials: DenialSpool;
  /** Where every denial goes: recorded one by one, or counted into window summaries. */
  denialRecorder: DenialRecorder;
  rateLimits: RateLimits;
  scans: ScanStore;
  reports: ReportCache;
  /** Evidence files and the assessment history, beside the ledger in its database. */
  complianceStore: ComplianceStore;
  /** The catalogs assessed over the report's findings, attestations and exceptions. */
  compliance: ComplianceState;
  /** Every route this server declares (set when the app is built). */
  routes: RouteDecl[];
  verification: VerificationState;
  /**
   * Rules over the ledger's appends, raising alert.raised records (started by startServer
   * unless detection.enabled is false; one instance per database evaluates, by lease).
   * Notify subscribes with detector.onAlert.
   */
  detector?: Detector;
  /** Applies the retention policy on its schedule and knows when it last ran (started by startServer). */
  retention: RetentionScheduler;
  /** Delivers the alerts this process raises (email, webhook) (started by createServer). */
  notifier: Notifier;
  /** Every alert, folded and kept current from this process's appends and a read by seq of the others' (the alerts API and its stream; started by createServer). */
  alerts: AlertBook;
  /** Report and bundle jobs (worker threads, a queue, results kept server.jobs.ttlHours). */
  jobs: JobManager;
  cwd: string;
  startedAt: Date;
  shuttingDown: boolean;
  /** Runs a full ledger verification and records the result (one at a time). */
  verifyLedger(): Promise<VerificationState>;
  close(): Promise<void>;
}

export interface ContextOptions {
  config: AttestConfig;
  /** --dev: trust the built-in development issuer too. */
  dev?: boolean;
  cwd?: string;
  /** Keys for the ledger (tests); default: the key directory or ATTEST_LEDGER_KEYS. */
  keys?: KeyProvider;
  /** Target sweep interval of the report cache (ms). */
  sweepMs?: number;
  /** First retry delay of the denial spool (tests). */
  spoolRetryMs?: number;
  /** The clock of the rate limits and denial windows (tests move it); default Date.now. */
  now?: () => number;
  /** The framework catalogs the compliance routes assess (tests); default: the shipped ones. */
  catalogs?: readonly Catalog[];
  /** How often the compliance assessment is refreshed and, when changed, stored (ms; 0: only on requests). */
  complianceRefreshMs?: number;
  /** Retention scheduler overrides (tests): interval, start delay, clock. */
  retention?: { intervalMs?: number; startDelayMs?: number; pollMs?: number; now?: () => number };
}

export async function createContext(o: ContextOptions): Promise<ServerContext> {
  const cwd = o.cwd ?? process.cwd();
  const access = validateAccessConfig({ ...o.config.access, ...(o.dev ? { dev: true } : {}) }, { cwd, where: o.config.file ? `${o.config.file}: access` : 'access configuration' });
  const devIssuer = access.dev ? DevIssuer.open(access.devIssuerDir) : undefined;
  const verifier = createVerifier(access, devIssuer ? { devIssuer } : {});
  const ledger = await openLedger({
    db: o.config.ledger.db,
    keysDir: o.config.ledger.keys,
    createKeys: true,
    checkpointEvery: o.config.ledger.checkpointEvery,
    synchronous: o.config.ledger.synchronous,
    ...(o.config.ledger.checkpointSeconds !== undefined ? { checkpointSeconds: o.config.ledger.checkpointSeconds } : {}),
    ...(o.keys ? { keys: o.keys } : {}),
  });
  let scans: ScanStore | undefined;
  let complianceStore: ComplianceStore | undefined;
  try {
    scans = openScanStore(o.config.ledger.db);
    await scans.init();
    complianceStore = openComplianceStore(o.config.ledger.db, { evidenceMaxBytes: (o.config.compliance ?? DEFAULT_COMPLIANCE).evidenceMaxBytes });
    try {
      await complianceStore.init();
    } catch (e) {
      // The usual cause: the service logs in as the application role, which may not create
      // tables, and nobody made them. Say which tables and who makes them.
      throw new Error(`the compliance tables (evidence_files, compliance_assessments) beside the ledger in ${complianceStore.location} cannot be opened or created: ${(e as Error).message}. The schema owner creates them: run deploy/aws/db-bootstrap.mjs, or start the service once as the owner`);
    }
  } catch (e) {
    await complianceStore?.close().catch(() => undefined);
    await scans?.close().catch(() => undefined);
    await ledger.close().catch(() => undefined);
    throw e;
  }
  // The spool is loaded (an earlier run's denials re-appended) by createServer, once the
  // app's logger exists.
  const denials = new DenialSpool({
    path: o.config.server.denialSpool ?? defaultSpoolPath(o.config, cwd),
    ledger,
    onChange: () => ctx.reports?.invalidateService(),
    ...(o.spoolRetryMs !== undefined ? { retryMs: o.spoolRetryMs } : {}),
  });
  const denialRecorder = new DenialRecorder({ spool: denials, config: o.config.server.denialRecording, onChange: () => ctx.reports?.invalidateService(), ...(o.now ? { now: o.now } : {}) });
  const rl = o.config.server.rateLimit;
  const rateLimits: RateLimits = {
    ...(rl.perIp ? { perIp: new RateLimiter(rl.perIp, rl.maxClients, o.now) } : {}),
    ...(rl.perPrincipal ? { perPrincipal: new RateLimiter(rl.perPrincipal, rl.maxClients, o.now) } : {}),
  };
  const verification: VerificationState = { running: false };
  const jobsConfig = o.config.server.jobs ?? DEFAULT_JOBS;
  let running: Promise<VerificationState> | undefined;
  const ctx: ServerContext = {
    config: o.config,
    access,
    dev: access.dev,
    ...(devIssuer ? { devIssuer } : {}),
    verifier,
    auth: new Authenticator(verifier),
    ledger,
    denials,
    denialRecorder,
    rateLimits,
    scans,
    reports: undefined as unknown as ReportCache,
    complianceStore,
    compliance: undefined as unknown as ComplianceState,
    routes: [],
    verification,
    retention: new RetentionScheduler({ ledger, config: o.config.ledger, ...o.retention, onChange: () => ctx.reports?.invalidateService() }),
    ...((o.config.detection ?? DEFAULT_DETECTION).enabled && ledger.store.sideTables ? { detector: new Detector({ ledger, config: o.config.detection ?? DEFAULT_DETECTION }) } : {}),
    notifier: new Notifier({ ledger, ...(o.config.notify ? { config: o.config.notify } : {}) }),
    alerts: new AlertBook({ ledger, inAppMinSeverity: (o.config.notify ?? DEFAULT_NOTIFY).inApp.minSeverity }),
    jobs: new JobManager({
      dir: jobsConfig.dir ?? join(isPostgresUrl(o.config.ledger.db) ? resolve(cwd, '.attest') : dirname(o.config.ledger.db), 'jobs'),
      concurrency: jobsConfig.concurrency,
      maxQueued: jobsConfig.maxQueued,
      ttlMs: jobsConfig.ttlHours * 3600_000,
    }),
    cwd,
    startedAt: new Date(),
    shuttingDown: false,
    verifyLedger() {
      running ??= (async () => {
        verification.running = true;
        try {
          const r = await ledger.verify();
          verification.report = { ok: r.ok, records: r.records, root: r.root, problems: r.problems.slice(0, 20), checkpointsChecked: r.checkpointsChecked, seconds: r.seconds, ...(r.firstBadSeq !== undefined ? { firstBadSeq: r.firstBadSeq } : {}) };
          delete verification.error;
        } catch (e) {
          verification.error = (e as Error).message.slice(0, 300);
        } finally {
          verification.at = new Date().toISOString();
          verification.running = false;
          running = undefined;
          ctx.reports.invalidateService();
        }
        return verification;
      })();
      return running;
    },
    async close() {
      await ctx.jobs.close();
      ctx.compliance.close();
      // Deliveries in flight finish (or record their dead letter) while the ledger is open.
      await ctx.notifier.close();
      await ctx.alerts.close();
      await ctx.retention.close();
      // A clean stop saves the cursor and hands the lease over at once.
      await ctx.detector?.close({ release: true }).catch(() => undefined);
      ctx.reports.close();
      // Pending summaries first: they go through the spool, which must still be open.
      await denialRecorder.close();
      await denials.close();
      await scans!.close().catch(() => undefined);
      await complianceStore!.close().catch(() => undefined);
      await ledger.close();
    },
  };
  // Who generated which auditor package, when: one ledger record per finished job, written
  // here (the service's own ledger connection) before the job is shown as done.
  ctx.jobs.onDone = async (job) => {
    await recordPackageGenerated(ledger, job.owner.recordActor, {
      kind: job.kind,
      framework: job.framework,
      format: job.kind === 'bundle' ? 'zip' : job.format,
      artefacts: (job.artefacts ?? []).map((f) => ({ name: f.name, sha256: f.sha256, bytes: f.size })),
      period: job.period,
      jobId: job.id,
      ...(job.signedBy ? { signedBy: job.signedBy } : {}),
    });
  };
  ctx.reports = new ReportCache({
    targets: o.config.server.targets,
    cwd,
    sweepMs: o.sweepMs ?? 2000,
    selfAssess: () => assessService({ config: o.config, access, routes: ctx.routes, ledger, verification, cwd, denials: { spooled: denials.count, path: denials.path, totals: denialRecorder.totals, unrecorded: denialRecorder.unrecorded }, retention: ctx.retention.state }),
  });
  ctx.compliance = new ComplianceState({
    ledger,
    store: complianceStore,
    reports: ctx.reports,
    catalogs: o.catalogs ?? CATALOGS,
    ...(o.now ? { now: () => new Date(o.now!()) } : {}),
    refreshMs: o.complianceRefreshMs ?? 60_000,
  });
  return ctx;
}
