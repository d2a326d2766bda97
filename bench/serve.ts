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
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DevIssuer } from '../src/access/dev-issuer.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'attest.js');
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const RATE = Number(process.env['BENCH_RATE'] ?? 500);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 64);
const PG_URL = process.env['ATTEST_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Server {
  child: ChildProcess;
  port: number;
  dir: string;
  exited: Promise<number | null>;
}

async function startServer(db?: string): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'attest-bench-serve-'));
  cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
  cpSync(join(ROOT, 'deploy'), join(dir, 'deploy'), { recursive: true });
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('ATTEST_') || k === 'DATABASE_URL' || k === 'PORT') delete env[k];
  if (db) env['DATABASE_URL'] = db;
  if (process.env['BENCH_LOG_LEVEL']) env['ATTEST_LOG_LEVEL'] = process.env['BENCH_LOG_LEVEL'];
  const free = createNetServer();
  await new Promise<void>((r) => free.listen(0, '127.0.0.1', r));
  const chosen = (free.address() as AddressInfo).port;
  await new Promise<void>((r) => free.close(() => r()));
  const child = spawn(process.execPath, [BIN, 'serve', '--dev', '--port', String(chosen)], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  // If this process dies, do not leave the server behind.
  const killChild = () => child.kill('SIGKILL');
  process.once('exit', killChild);
  child.once('exit', () => process.removeListener('exit', killChild));
  const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c));
  // Log lines (JSON, two per request) are read and dropped, as a log shipper would.
  child.stdout!.on('data', (c: Buffer) => {
    if (out.length < 1e5) out += c;
  });
  const port = chosen;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${err.slice(-2000)}`);
    const up = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in 30 s: ${out.slice(-1000)} ${err.slice(-1000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, port, dir, exited };
}

function call(agent: Agent, port: number, method: string, path: string, token: string, body?: string, extra: Record<string, string> = {}): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, agent, headers: { authorization: `Bearer ${token}`, ...extra, ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}) } },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
      },
    );
    req.on('error', () => resolve({ status: 0, ms: performance.now() - t0 }));
    req.end(body);
  });
}

function pct(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(3));
}

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

async function stop(s: Server): Promise<number | null> {
  s.child.kill('SIGTERM');
  return s.exited;
}

async function runBackend(name: 'sqlite' | 'postgres', db?: string) {
  const s = await startServer(db);
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

async function pgReachable(): Promise<boolean> {
  if (process.env['BENCH_PG'] === '0') return false;
  const c = new pg.Client({ connectionString: PG_URL });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
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
