/**
 * node dist/bench/denial-spool.js — what a refused request costs on the SQLite ledger
 * (in-process, Fastify inject, no network): denials recorded straight in the ledger, denials
 * spooled while the ledger refuses appends (each synced to disk before its 401), and the
 * re-append of the spooled denials once the ledger takes writes again. Prints one JSON
 * document. BENCH_DENIALS (default 2000) denials per phase, BENCH_CONCURRENCY (default 32).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_RETENTION, type AttestConfig } from '../src/config.js';
import { createServer } from '../src/server/serve.js';

const N = Number(process.env['BENCH_DENIALS'] ?? 2000);
const C = Number(process.env['BENCH_CONCURRENCY'] ?? 32);

const dir = mkdtempSync(join(tmpdir(), 'attest-bench-spool-'));
const config: AttestConfig = {
  ledger: { db: join(dir, 'ledger.db'), keys: join(dir, 'keys'), checkpointEvery: 1000, checkpointSeconds: 60, synchronous: 'full', retention: DEFAULT_RETENTION },
  server: { host: '127.0.0.1', port: 0, targets: [], defaultTargets: false, bodyLimit: 1024 * 1024, logLevel: 'silent', trustProxy: false,
    // What one recorded denial costs: no rate limit, and every denial recorded one by one (bench:flood measures the bounded defaults).
    rateLimit: { perIp: false, perPrincipal: false, maxClients: 1 },
    denialRecording: { windowSeconds: 86_400, individualPerKey: 100_000, maxKeys: 1 } },
  access: { devIssuerDir: join(dir, 'dev-issuer') },
};
// A long first retry: the spooled phase measures spooling, not re-appends racing it.
const { app, ctx } = await createServer({ config, dev: true, cwd: dir, quiet: true, spoolRetryMs: 3_600_000 });

async function phase(label: string): Promise<{ denials: number; seconds: number; perSecond: number; p50Ms: number; p95Ms: number }> {
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: C }, async () => {
      while (next < N) {
        const i = next++;
        const s = performance.now();
        const r = await app.inject({ method: 'GET', url: '/api/me', headers: { 'x-request-id': `${label}-${String(i).padStart(8, '0')}` } });
        if (r.statusCode !== 401) throw new Error(`${label}: expected 401, got ${r.statusCode}`);
        lat.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  const q = (p: number) => Math.round(lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]! * 100) / 100;
  return { denials: N, seconds: Math.round(seconds * 1000) / 1000, perSecond: Math.round(N / seconds), p50Ms: q(0.5), p95Ms: q(0.95) };
}

const direct = await phase('direct');
const store = ctx.ledger.store;
const append = store.append.bind(store);
store.append = async () => {
  throw new Error('bench: the ledger refuses appends');
};
const spooled = await phase('spooled');
store.append = append;
const t0 = performance.now();
await ctx.denials.drain();
const reappendSeconds = (performance.now() - t0) / 1000;
if (ctx.denials.count !== 0) throw new Error(`${ctx.denials.count} denials still spooled`);
const verified = await ctx.ledger.verify();
await app.close();
await ctx.close();
process.stdout.write(
  `${JSON.stringify(
    {
      bench: 'denial-spool',
      ledger: 'sqlite (synchronous full)',
      concurrency: C,
      direct,
      spooled,
      reappend: { denials: N, seconds: Math.round(reappendSeconds * 1000) / 1000, perSecond: Math.round(N / reappendSeconds) },
      ledgerRecords: verified.records,
      verifies: verified.ok,
    },
    null,
    2,
  )}\n`,
);
