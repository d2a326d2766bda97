/**
 * The server side of the serve benchmarks: `attest serve --dev` in a child process over a copy
 * of examples/ and deploy/, and a keep-alive HTTP client. Used by bench/serve.ts and
 * bench/flood.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'attest.js');
export const PG_URL = process.env['ATTEST_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface Server {
  child: ChildProcess;
  port: number;
  dir: string;
  exited: Promise<number | null>;
}

export async function startServer(db?: string, config?: Record<string, unknown>): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'attest-bench-serve-'));
  cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
  cpSync(join(ROOT, 'deploy'), join(dir, 'deploy'), { recursive: true });
  if (config) writeFileSync(join(dir, 'attest.config.json'), JSON.stringify(config));
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

export function call(agent: Agent, port: number, method: string, path: string, token: string | undefined, body?: string, extra: Record<string, string> = {}): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, agent, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra, ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}) } },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
      },
    );
    req.on('error', () => resolve({ status: 0, ms: performance.now() - t0 }));
    req.end(body);
  });
}

export function pct(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(3));
}

export async function stop(s: Server): Promise<number | null> {
  s.child.kill('SIGTERM');
  return s.exited;
}

export async function pgReachable(): Promise<boolean> {
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

