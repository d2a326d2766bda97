/**
 * Starting and stopping the service. Shutdown (SIGTERM, SIGINT, or close()) stops accepting
 * connections, lets in-flight requests finish — an audit event acknowledged to a client has
 * been committed by the ledger before its answer was sent — and only then closes the ledger.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isPostgresUrl } from '../ledger/open.js';
import type { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { AttestConfig } from '../config.js';
import type { KeyProvider } from '../ledger/keys.js';
import type { Catalog } from '../frameworks/schema.js';
import { buildApp } from './app.js';
import { createContext, type ContextOptions, type ServerContext } from './context.js';
import { dataRootOf } from '../datadir.js';

export interface StartOptions {
  config: AttestConfig;
  dev?: boolean;
  host?: string;
  port?: number;
  cwd?: string;
  keys?: KeyProvider;
  logStream?: Writable;
  quiet?: boolean;
  /** Verify the ledger in the background after start (default true). */
  verifyOnStart?: boolean;
  sweepMs?: number;
  /** First retry delay of the denial spool, in ms (tests). */
  spoolRetryMs?: number;
  /** The clock of the rate limits and denial windows (tests move it). */
  now?: () => number;
  /** The framework catalogs the compliance routes assess (tests); default: the shipped ones. */
  catalogs?: readonly Catalog[];
  /** How often the compliance assessment is refreshed (ms; 0: only on requests). */
  complianceRefreshMs?: number;
  /** Apply the retention policy on its schedule (ledger.retentionSchedule) after start (default true). */
  retentionSchedule?: boolean;
  /** Retention scheduler overrides (tests). */
  retention?: ContextOptions['retention'];
  /** Start the detection evaluator (default: detection.enabled of the config, true unless set off). */
  detection?: boolean;
}

export interface RunningServer {
  app: FastifyInstance;
  ctx: ServerContext;
  url: string;
  close(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}

/** Builds the context and the app without listening (tests use app.inject). */
export async function createServer(o: StartOptions): Promise<{ app: FastifyInstance; ctx: ServerContext; registered: Awaited<ReturnType<typeof buildApp>>['registered'] }> {
  const config: AttestConfig = o.config.server.defaultTargets
    ? { ...o.config, server: { ...o.config.server, targets: o.config.server.targets.filter((t) => existsSync(t)) } }
    : o.config;
  const ctx = await createContext({ config, ...(o.dev ? { dev: true } : {}), ...(o.cwd ? { cwd: o.cwd } : {}), ...(o.keys ? { keys: o.keys } : {}), ...(o.sweepMs !== undefined ? { sweepMs: o.sweepMs } : {}), ...(o.spoolRetryMs !== undefined ? { spoolRetryMs: o.spoolRetryMs } : {}), ...(o.now ? { now: o.now } : {}), ...(o.retention ? { retention: o.retention } : {}), ...(o.catalogs ? { catalogs: o.catalogs } : {}), ...(o.complianceRefreshMs !== undefined ? { complianceRefreshMs: o.complianceRefreshMs } : {}) });
  try {
    const { app, registered } = await buildApp(ctx, { ...(o.logStream ? { logStream: o.logStream } : {}), ...(o.quiet ? { quiet: true } : {}) });
    ctx.compliance.onError = (m) => app.log.error(m);
    ctx.jobs.onError = (m) => app.log.error(m);
    await ctx.denials.load(app.log);
    ctx.denialRecorder.start(app.log);
    ctx.notifier.setLog(app.log);
    ctx.notifier.start();
    ctx.alerts.setLog(app.log);
    ctx.alerts.start();
    return { app, ctx, registered };
  } catch (e) {
    await ctx.close().catch(() => undefined);
    throw e;
  }
}

export async function startServer(o: StartOptions): Promise<RunningServer> {
  const host = o.host ?? o.config.server.host;
  const port = o.port ?? o.config.server.port;
  const { app, ctx } = await createServer(o);
  if (ctx.dev && !isLoopback(host) && process.env['ATTEST_DEV_ALLOW_REMOTE'] !== '1') {
    await ctx.close();
    throw new Error(`development mode listens on loopback only (got --host ${host}): anyone who reaches it can mint tokens. Set ATTEST_DEV_ALLOW_REMOTE=1 to override.`);
  }
  // Warm the report cache so the first reader does not pay for the scan.
  try {
    ctx.reports.get();
  } catch (e) {
    app.log.error({ err: { message: (e as Error).message } }, 'the compliance report could not be built');
  }
  // The start is a report refresh: the assessment of every framework is stored (history) now,
  // not when somebody first opens a checklist.
  void ctx.compliance.refresh().catch((e) => app.log.error({ err: { message: (e as Error).message } }, 'the compliance assessment could not be made'));
  let address: string;
  try {
    address = await app.listen({ host, port });
  } catch (e) {
    await app.close().catch(() => undefined);
    await ctx.close().catch(() => undefined);
    throw e;
  }
  if (ctx.dev) app.log.warn({ devIssuer: ctx.access.devIssuerDir }, 'DEVELOPMENT MODE: tokens minted by the local dev issuer are accepted; never expose this server');
  app.log.info({ address, ledger: ctx.ledger.store.location.replace(/:[^:@/]*@/, ':***@'), issuers: ctx.verifier.issuers, targets: ctx.config.server.targets }, 'attest serve listening');
  // Where the keys and local data are, so nobody has to guess what must stay out of backups
  // shared with others and out of the repository.
  const local = [ctx.config.ledger.keys, ...(ctx.dev ? [ctx.access.devIssuerDir] : []), ...(isPostgresUrl(ctx.config.ledger.db) ? [] : [ctx.config.ledger.db])];
  const roots = [...new Set(local.map((p) => dataRootOf(dirname(resolve(p))) ?? resolve(p)))];
  app.log.info({ dataFolders: roots, keys: resolve(ctx.config.ledger.keys) }, 'local data (keys, ledger, personal data): owner-only; a .attest folder carries a .gitignore of its own');
  if (o.verifyOnStart !== false) {
    void ctx.verifyLedger().then((v) => {
      if (v.report && !v.report.ok) app.log.error({ firstBadSeq: v.report.firstBadSeq }, 'the ledger does NOT verify');
      else if (v.error) app.log.error({ error: v.error }, 'ledger verification could not run');
      else app.log.info({ records: v.report?.records }, 'ledger verified');
    });
  }
  if (o.retentionSchedule !== false) {
    await ctx.retention.start(app.log).catch((e: unknown) => app.log.error({ err: { message: (e as Error).message } }, 'the retention schedule could not start'));
    const st = ctx.retention.state;
    app.log.info({ every: st.schedule.every, runner: st.schedule.runner, archiveDir: st.schedule.archiveDir ?? null, lastRun: st.lastRun?.at ?? null, nextRunAt: st.nextRunAt ?? null }, 'retention schedule');
  }
  if (ctx.detector && o.detection !== false) {
    const d = ctx.detector;
    try {
      const holds = await d.start(app.log);
      app.log.info({ instance: d.instanceId, holdsLease: holds, evaluatedThrough: d.evaluatedThrough }, holds ? 'detection: this instance holds the lease and evaluates the ledger' : 'detection: another instance holds the lease; this one stands by and takes over if it lapses');
    } catch (e) {
      app.log.error({ err: { message: (e as Error).message } }, 'detection could not start: its tables beside the ledger (detect_lease, detect_state, detect_subject) could not be created or read. With PostgreSQL the schema owner creates them: run deploy/aws/db-bootstrap.mjs, or start the service once as the owner. The service runs without detection meanwhile');
    }
  } else {
    app.log.info({}, 'detection: off (detection.enabled is false)');
  }
  let closing: Promise<void> | undefined;
  return {
    app,
    ctx,
    url: address,
    close() {
      closing ??= (async () => {
        ctx.shuttingDown = true;
        await app.close();
        await ctx.close();
      })();
      return closing;
    },
  };
}

/** SIGTERM/SIGINT: graceful close; a second signal exits at once. Resolves when closed. */
export function closeOnSignals(server: RunningServer, exit: (code: number) => void = (c) => process.exit(c)): void {
  let signalled = false;
  const onSignal = (sig: NodeJS.Signals) => {
    if (signalled) {
      server.app.log.warn({ signal: sig }, 'second signal: exiting without waiting');
      exit(1);
      return;
    }
    signalled = true;
    server.app.log.info({ signal: sig }, 'shutting down: finishing in-flight requests');
    server.close().then(
      () => {
        server.app.log.info('stopped; ledger closed');
        exit(0);
      },
      (e: unknown) => {
        server.app.log.error({ err: { message: (e as Error).message } }, 'error while shutting down');
        exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
