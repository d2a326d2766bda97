/**
 * Report and bundle jobs of the service: how long a PDF report and a 90-day bundle take over a
 * ledger of RECORDS records (default 100,000), and what /healthz latency the server keeps
 * while they run in their worker thread, compared with an idle server. In process (Fastify
 * inject), so the latencies are the event loop's, not the network's.
 *   node dist/bench/jobs.js [RECORDS]
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RETENTION, type AttestConfig } from '../src/config.js';
import { createServer } from '../src/server/serve.js';

const RECORDS = Number(process.argv[2] ?? 100_000);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Number(s[Math.min(s.length - 1, Math.floor(q * s.length))]!.toFixed(2)) : NaN;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'attest-bench-jobs-'));
  cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
  const config: AttestConfig = {
    ledger: { db: join(dir, 'ledger.db'), keys: join(dir, 'keys'), checkpointEvery: 1000, checkpointSeconds: 60, synchronous: 'normal', retention: DEFAULT_RETENTION },
    server: {
      host: '127.0.0.1', port: 0, targets: [join(dir, 'examples')], defaultTargets: false, bodyLimit: 1 << 20, logLevel: 'silent', trustProxy: false,
      rateLimit: { perIp: false, perPrincipal: false, maxClients: 10_000 }, denialRecording: { windowSeconds: 3600, individualPerKey: 1_000_000, maxKeys: 1000 },
    },
    access: { devIssuerDir: join(dir, 'dev-issuer') },
  };
  const { app, ctx } = await createServer({ config, dev: true, cwd: dir, quiet: true });
  try {
    const t0 = performance.now();
    for (let i = 0; i < RECORDS; i += 1000) {
      await ctx.ledger.append(Array.from({ length: Math.min(1000, RECORDS - i) }, (_, j) => ({ actor: { id: `agent-${j % 13}`, type: 'service' as const }, action: j % 50 ? 'task.assign' : 'access.denied', target: { type: 'task', id: `T-${i + j}` }, outcome: (j % 50 ? 'success' : 'denied') as 'success' | 'denied' })));
    }
    const seedSeconds = (performance.now() - t0) / 1000;
    const token = await ctx.devIssuer!.mint({ user: 'bench', role: 'auditor', roles: ctx.access.roles });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    ctx.reports.get(); // the scan, as a running server has it
    const health = async () => {
      const s = performance.now();
      const r = await app.inject({ method: 'GET', url: '/healthz' });
      if (r.statusCode !== 200) throw new Error(`healthz ${r.statusCode}`);
      return performance.now() - s;
    };
    const idle: number[] = [];
    for (let i = 0; i < 200; i++) idle.push(await health());
    const run = async (url: string, body: unknown) => {
      const r = await app.inject({ method: 'POST', url, headers, payload: JSON.stringify(body) });
      if (r.statusCode !== 202) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
      const status = (r.json() as { statusUrl: string }).statusUrl;
      const lat: number[] = [];
      const s = performance.now();
      for (;;) {
        lat.push(await health());
        const j = (await app.inject({ method: 'GET', url: status, headers })).json() as { state: string; error?: string; size?: number };
        if (j.state === 'failed') throw new Error(`${url}: ${j.error}`);
        if (j.state === 'done') return { seconds: Number(((performance.now() - s) / 1000).toFixed(2)), bytes: j.size, healthzDuringJob: { n: lat.length, p50ms: quantile(lat, 0.5), p99ms: quantile(lat, 0.99), maxMs: quantile(lat, 1) } };
        await new Promise((res) => setTimeout(res, 10));
      }
    };
    const pdf = await run('/api/compliance/reports', { framework: 'soc2-tsc', format: 'pdf', since: '90d' });
    const bundle = await run('/api/compliance/bundles', { framework: 'soc2-tsc', since: '90d' });
    console.log(JSON.stringify({
      bench: 'jobs', records: RECORDS, seedSeconds: Number(seedSeconds.toFixed(1)),
      healthzIdle: { n: idle.length, p50ms: quantile(idle, 0.5), p99ms: quantile(idle, 0.99), maxMs: quantile(idle, 1) },
      pdfReport: pdf, bundle,
    }, null, 2));
  } finally {
    await app.close();
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
