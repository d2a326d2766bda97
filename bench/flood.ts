/**
 * npm run bench:flood — `attest serve` (default limits and denial recording, SQLite ledger) in a
 * child process, an anonymous flood of BENCH_FLOOD (default 5000) GET /api/me from a second
 * child process (BENCH_CONCURRENCY keep-alive connections, default 64), and this process
 * polling /healthz every 10 ms meanwhile. After the flood the server is stopped with SIGTERM
 * (which writes the open window's summaries) and its ledger is read: records added, the
 * individual denials plus the summaries' counts against the requests sent, and the bound the
 * configuration promises. Prints one JSON document.
 */
import { fork } from 'node:child_process';
import { Agent } from 'node:http';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DENIAL_RECORDING, DEFAULT_RATE_LIMIT } from '../src/config.js';
import { openLedger } from '../src/ledger/open.js';
import type { LedgerRecord } from '../src/ledger/ledger.js';
import { call, pct, startServer, stop } from './serve-child.js';

const N = Number(process.env['BENCH_FLOOD'] ?? 5000);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 64);

/** The flood, in its own process so that its event loop does not delay the /healthz probes. */
async function worker(port: number): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const statuses: Record<number, number> = {};
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        next++;
        const r = await call(agent, port, 'GET', '/api/me', undefined);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      }
    }),
  );
  agent.destroy();
  process.send!({ statuses, seconds: (performance.now() - t0) / 1000 });
}

async function probe(port: number, until: () => boolean): Promise<{ probes: number; errors: number; p50Ms: number; p95Ms: number; maxMs: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const lat: number[] = [];
  let errors = 0;
  while (!until()) {
    const r = await call(agent, port, 'GET', '/healthz', undefined);
    if (r.status === 200) lat.push(r.ms);
    else errors++;
    await new Promise((res) => setTimeout(res, 10));
  }
  agent.destroy();
  lat.sort((a, b) => a - b);
  return { probes: lat.length + errors, errors, p50Ms: pct(lat, 50), p95Ms: pct(lat, 95), maxMs: pct(lat, 100) };
}

async function main(): Promise<void> {
  const s = await startServer();
  let flood: { statuses: Record<number, number>; seconds: number } | undefined;
  let baseline: Awaited<ReturnType<typeof probe>>;
  let during: Awaited<ReturnType<typeof probe>>;
  const startedAt = Date.now();
  try {
    const quietUntil = performance.now() + 2000;
    baseline = await probe(s.port, () => performance.now() > quietUntil);
    const child = fork(fileURLToPath(import.meta.url), ['--worker', String(s.port)], { stdio: 'inherit' });
    const done = new Promise<void>((resolve, reject) => {
      child.on('message', (m) => (flood = m as typeof flood));
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`flood worker exited ${code}`))));
    });
    let finished = false;
    void done.finally(() => (finished = true));
    during = await probe(s.port, () => finished);
    await done;
  } finally {
    const code = await stop(s);
    if (code !== 0) process.stderr.write(`bench:flood: the server exited ${code}\n`);
  }
  const endedAt = Date.now();
  const ledger = await openLedger({ db: join(s.dir, '.attest', 'ledger.db'), keysDir: join(s.dir, '.attest', 'keys'), createKeys: false, checkpointEvery: 1000, synchronous: 'full' });
  const recs: LedgerRecord[] = [];
  let records: number;
  try {
    let cursor: string | undefined;
    do {
      const page = await ledger.query({ action: 'access.denied', order: 'asc', limit: 1000, ...(cursor ? { cursor } : {}) });
      recs.push(...page.records);
      cursor = page.nextCursor;
    } while (cursor);
    records = await ledger.store.count();
  } finally {
    await ledger.close();
  }
  const individual = recs.filter((r) => r.action === 'access.denied').length;
  const summaries = recs.filter((r) => r.action === 'access.denied.summary');
  const summarised = summaries.reduce((n, r) => n + (r.metadata!['count'] as number), 0);
  const dr = DEFAULT_DENIAL_RECORDING;
  const windowMs = dr.windowSeconds * 1000;
  const windows = Math.floor(endedAt / windowMs) - Math.floor(startedAt / windowMs) + 1;
  // One address, two classes (authentication for the 401s, rate_limit for the 429s).
  const bound = windows * 2 * (dr.individualPerKey + 1);
  const sent = N;
  const refused = (flood!.statuses[401] ?? 0) + (flood!.statuses[429] ?? 0);
  process.stdout.write(
    `${JSON.stringify(
      {
        bench: 'flood',
        node: process.version,
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        note: 'server in a child process with the default limits and denial recording (SQLite, synchronous full, JSON logs read and discarded), the flood from a second child process, /healthz polled from this one every 10 ms; the ledger is read after SIGTERM, which writes the open window\'s summaries',
        config: { rateLimit: DEFAULT_RATE_LIMIT, denialRecording: dr },
        flood: { sent, concurrency: CONCURRENCY, seconds: Number(flood!.seconds.toFixed(2)), statuses: flood!.statuses },
        healthz: { baseline, duringFlood: during },
        ledger: { recordsAdded: records, individualDenials: individual, summaryRecords: summaries.length, summarisedDenials: summarised, countedDenials: individual + summarised, windowsSpanned: windows, boundFromConfig: bound },
        targets: { healthzP95Ms: 50 },
        met: { healthzP95: during.p95Ms < 50, recordsWithinBound: records <= bound, everyDenialCounted: individual + summarised === refused && refused === sent },
      },
      null,
      2,
    )}\n`,
  );
}

if (process.argv[2] === '--worker') {
  worker(Number(process.argv[3])).then(
    () => process.exit(0),
    (e) => {
      process.stderr.write(`flood worker: ${(e as Error).stack}\n`);
      process.exit(1);
    },
  );
} else {
  main().catch((e) => {
    process.stderr.write(`bench:flood failed: ${(e as Error).stack}\n`);
    process.exit(1);
  });
}
