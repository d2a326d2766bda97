// Evidence bundle benchmark: a SQLite ledger of N records (default 1,000,000), then
// `createBundle` and `verifyBundle` each in its own process, timed, with peak RSS.
// Prints ONE JSON document on stdout; progress goes to stderr.
//
//   npm run bench:bundle -- [--records N] [--keep]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLedger } from '../src/ledger/open.js';
import { signBytes } from '../src/compliance/framework-report.js';
import { createBundle } from '../src/bundle/create.js';
import { verifyBundleFile } from '../src/bundle/verify.js';
import { EventGenerator } from './ledger-writer.js';

const argv = process.argv.slice(2);
const arg = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const phase = arg('--phase');
const dir = arg('--dir');
const N = Number(arg('--records') ?? 1_000_000);
const here = fileURLToPath(import.meta.url);
const log = (m: string) => process.stderr.write(`[bundle bench] ${m}\n`);

async function create(d: string): Promise<void> {
  const ledger = await openLedger({ db: join(d, 'ledger.db'), keysDir: join(d, 'keys'), createKeys: false });
  const now = new Date();
  const report = Buffer.from(JSON.stringify({
    format: 'attest-framework-report/v1', framework: { id: 'bench', name: 'Bench', version: '1' },
    scope: { paths: [], sources: [], notes: [] }, period: { from: '2000-01-01T00:00:00.000Z', to: new Date(now.getTime() + 1000).toISOString() }, policies: [],
  }, null, 2) + '\n');
  const sig = Buffer.from(JSON.stringify(signBytes(report, ledger.keys.signing(), now)));
  let logged = 0;
  const t = performance.now();
  const r = await createBundle({ ledger, store: { getFile: async () => undefined }, report, reportSig: sig, out: join(d, 'bundle.zip'), onProgress: (n) => { if (n >= logged + 100_000) { logged = n - (n % 100_000); log(`create: ${n} records`); } } });
  const ms = performance.now() - t;
  await ledger.close();
  process.stdout.write(JSON.stringify({ records: r.records, ms: Math.round(ms), bytes: statSync(join(d, 'bundle.zip')).size, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

async function verify(d: string): Promise<void> {
  const t = performance.now();
  const r = await verifyBundleFile(join(d, 'bundle.zip'));
  const ms = performance.now() - t;
  process.stdout.write(JSON.stringify({ ok: r.ok, problems: r.problems.slice(0, 3), records: r.records, ms: Math.round(ms), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

async function populate(d: string): Promise<number> {
  const ledger = await openLedger({ db: join(d, 'ledger.db'), keysDir: join(d, 'keys'), createKeys: true });
  const g = new EventGenerator(42);
  const t = performance.now();
  for (let done = 0; done < N; ) {
    const n = Math.min(5000, N - done);
    await ledger.append(Array.from({ length: n }, () => g.next()));
    done += n;
    if (done % 100_000 === 0) log(`populate: ${done}`);
  }
  await ledger.close();
  return Math.round(performance.now() - t);
}

if (phase === 'create') await create(dir!);
else if (phase === 'verify') await verify(dir!);
else {
  const d = mkdtempSync(join(tmpdir(), 'attest-bundle-bench-'));
  log(`populating ${N} records in ${d}`);
  const populateMs = await populate(d);
  const child = (p: string) => {
    const r = spawnSync(process.execPath, ['--max-old-space-size=4096', here, '--phase', p, '--dir', d], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`${p} failed (${r.status})`);
    return JSON.parse(r.stdout);
  };
  log('create');
  const c = child('create');
  log('verify');
  const v = child('verify');
  process.stdout.write(JSON.stringify({ records: N, populateMs, create: c, verify: v, target: 'peak RSS < 512 MB' }, null, 2) + '\n');
  if (!argv.includes('--keep') && existsSync(d)) rmSync(d, { recursive: true, force: true });
}
