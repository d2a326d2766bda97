/**
 * npm run bench:serve — `attest serve` under load over loopback, the server in a child
 * process and the load generated here (node:http keep-alive agents, no external tools):
 *
 *   1. GET /api/security/compliance-report at a fixed 500 requests/s (open loop: requests are
 *      sent on schedule whatever the answers do) → p50/p95/p99 latency;
 *   2. POST /api/audit/events, one event per request, closed loop with C concurrent clients
 *      → sustained requests/s; every 201 is sent after the ledger committed the record.
 *
 * Runs against the SQLite ledger, and against PostgreSQL too when it is reachable
 * (ATTEST_TEST_PG or postgres://postgres@127.0.0.1:5432/test). Prints one JSON document.
 * Options (env): BENCH_SECONDS (default 10), BENCH_RATE (500), BENCH_CONCURRENCY (64), BENCH_PG=0 to skip PostgreSQL.
 */
import { cpus } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Agent } from 'node:http';
import { DevIssuer } from '../src/access/dev-issuer.js';
import { call, PG_URL, pct, pgReachable, startServer, stop, type Server } from './serve-child.js';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const RATE = Number(process.env['BENCH_RATE'] ?? 500);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 64);
/** Capacity is measured, not the limits: one client at 500 requests/s would meet its per-address bucket (bench:flood measures the limits). */
const NO_RATE_LIMIT = { server: { rateLimit: { perIp: false, perPrincipal: false } } };

async function reportAtFixedRate(s: Server, token: string, encoding: string) {
  const headers: Record<string, string> = encoding === 'identity' ? {} : { 'accept-encoding': encoding };
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  const path = '/api/security/compliance-report';
  for (let i = 0; i < 200; i++) await call(agent, s.port, 'GET', path, token, undefined, headers); // warm-up
  const lat: number[] = [];
  let errors = 0;
  const total = RATE * SECONDS;
  const interval = 1000 / RATE;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      call(agent, s.port, 'GET', path, token, undefined, headers).then((r) => {
        if (r.status === 200) lat.push(r.ms);
        else errors++;
      }),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  lat.sort((a, b) => a - b);
  return { acceptEncoding: encoding, targetRps: RATE, achievedRps: Number((total / elapsed).toFixed(1)), requests: total, errors, p50Ms: pct(lat, 50), p95Ms: pct(lat, 95), p99Ms: pct(lat, 99), maxMs: pct(lat, 100) };
}

async function postMaxRate(s: Server, token: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const lat: number[] = [];
  let ok = 0;
  let errors = 0;
  let n = 0;
  const body = (i: number) => JSON.stringify({ action: 'bench.event', outcome: 'success', target: { type: 'item', id: `I-${i}` }, metadata: { i, note: 'load test' } });
  for (let i = 0; i < 500; i++) await call(agent, s.port, 'POST', '/api/audit/events', token, body(i)); // warm-up
  const start = performance.now();
  const end = start + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const r = await call(agent, s.port, 'POST', '/api/audit/events', token, body(n++));
      if (r.status === 201) {
        ok++;
        lat.push(r.ms);
      } else errors++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  lat.sort((a, b) => a - b);
  return { concurrency: CONCURRENCY, seconds: Number(elapsed.toFixed(2)), acknowledged: ok, errors, requestsPerSecond: Number((ok / elapsed).toFixed(1)), p50Ms: pct(lat, 50), p95Ms: pct(lat, 95), p99Ms: pct(lat, 99) };
}

async function runBackend(name: 'sqlite' | 'postgres', db?: string) {
  const s = await startServer(db, NO_RATE_LIMIT);
  try {
    const dev = DevIssuer.open(join(s.dir, '.attest', 'dev-issuer'));
    const auditor = await dev.mint({ user: 'bench-auditor', role: 'auditor' });
    const agent = await dev.mint({ user: 'bench-agent', role: 'agent' });
    const report = await reportAtFixedRate(s, auditor, 'gzip, deflate, br');
    const uncompressed = name === 'sqlite' ? await reportAtFixedRate(s, auditor, 'identity') : undefined;
    const post = await postMaxRate(s, agent);
    return { backend: name, complianceReport: report, ...(uncompressed ? { complianceReportUncompressed: uncompressed } : {}), auditEventsPost: post };
  } finally {
    const code = await stop(s);
    if (code !== 0) process.stderr.write(`bench: the ${name} server exited ${code}\n`);
  }
}

async function main() {
  const results = [await runBackend('sqlite')];
  const schema = `attest_bench_serve_${process.pid}`;
  if (await pgReachable()) {
    results.push(await runBackend('postgres', `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`));
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await c.end();
  }
  const sqlite = results[0]!;
  const out = {
    bench: 'serve',
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    seconds: SECONDS,
    note: 'server in a child process (dev mode, JSON request logs at info level unless BENCH_LOG_LEVEL, read and discarded), load from this process over loopback with keep-alive agents on the same machine; the report is requested with accept-encoding gzip, deflate, br as browsers and curl --compressed send it (served from a precompressed cache), and once more without compression; POST answers 201 only after the ledger transaction committed',
    targets: { complianceReportP95MsAt500Rps: 10, auditEventsPostRps: 3000 },
    met: {
      complianceReportP95: sqlite.complianceReport.p95Ms <= 10,
      auditEventsPostSqlite: sqlite.auditEventsPost.requestsPerSecond >= 3000,
      ...(results[1] ? { auditEventsPostPostgres: results[1].auditEventsPost.requestsPerSecond >= 3000 } : {}),
    },
    results,
  };
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

main().catch((e) => {
  process.stderr.write(`bench:serve failed: ${(e as Error).stack}\n`);
  process.exit(1);
});
