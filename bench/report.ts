// Report benchmark: `attest report --framework soc2-tsc` over the CloudFormation corpus (the
// templates bench:scan reads), each format in a cold process (scan + assessment + rendering +
// signature), with a small signed ledger so the report carries its audit log and .sig; then an
// evidence bundle of BENCH_RECORDS ledger records created and verified (bench/bundle.ts, each
// phase in its own process). Prints ONE JSON document on stdout; progress goes to stderr.
//
//   npm run bench:report [-- CFN_CORPUS_DIR]
//   BENCH_RECORDS=1000000 npm run bench:report     (the 1M-record bundle; default 20000)
//   BENCH_RUNS=3                                   (cold runs per format, the median reported)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.js';
import { openLedger } from '../src/ledger/open.js';
import { EventGenerator } from './ledger-writer.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const self = fileURLToPath(import.meta.url);
const log = (m: string) => process.stderr.write(`[report bench] ${m}\n`);
const argv = process.argv.slice(2);

/** Child: one `attest report` run in this fresh process, timed from inside; prints its figures. */
async function child(args: string[]): Promise<void> {
  const t = performance.now();
  const exitCode = await main(args);
  const seconds = (performance.now() - t) / 1000;
  process.stdout.write(JSON.stringify({ exitCode, inProcessSeconds: +seconds.toFixed(3), peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
}

async function parent(): Promise<void> {
  const corpus = resolve(argv[0] ?? resolve(root, '../shared/corpus/cfn-templates'));
  if (!existsSync(corpus)) {
    console.error(`CloudFormation corpus not found at ${corpus}; pass its path as the first argument`);
    process.exit(2);
  }
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const records = Number(process.env.BENCH_RECORDS ?? 20_000);
  const d = mkdtempSync(join(tmpdir(), 'attest-report-bench-'));
  try {
    // A ledger with some audit records of the period, so the report is signed and has an audit log.
    const L = ['--db', join(d, 'ledger.db'), '--keys', join(d, 'keys')];
    const ledger = await openLedger({ db: join(d, 'ledger.db'), keysDir: join(d, 'keys'), createKeys: true });
    const g = new EventGenerator(7);
    await ledger.append(Array.from({ length: 2000 }, () => g.next()));
    await ledger.close();

    const formats: Record<string, unknown> = {};
    for (const [format, file] of [['pdf', 'soc2.pdf'], ['json', 'soc2.json'], ['oscal', 'soc2.oscal.json']] as const) {
      const out = join(d, file);
      const samples: { coldProcessWallSeconds: number; inProcessSeconds: number; peakRssMB: number; exitCode: number }[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const r = spawnSync(process.execPath, [self, '--child', 'report', '--framework', 'soc2-tsc', corpus, ...L, '--format', format, '--out', out, '-q'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        const wall = (performance.now() - t0) / 1000;
        if (r.status !== 0) throw new Error(`report --format ${format} failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
        const c = JSON.parse(r.stdout.trim().split('\n').pop()!) as { exitCode: number; inProcessSeconds: number; peakRssMB: number };
        samples.push({ coldProcessWallSeconds: +wall.toFixed(3), ...c });
      }
      const med = (k: 'coldProcessWallSeconds' | 'inProcessSeconds' | 'peakRssMB') => [...samples.map((s) => s[k])].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
      formats[format] = {
        coldProcessWallSeconds: med('coldProcessWallSeconds'), inProcessSeconds: med('inProcessSeconds'), peakRssMB: med('peakRssMB'),
        runs: samples.length, reportExitCode: samples[0]!.exitCode, bytes: statSync(out).size,
        ...(format === 'oscal' ? { catalogBytes: statSync(`${out}.catalog.json`).size } : {}),
        signed: existsSync(`${out}.sig`),
      };
      log(`${format}: ${med('coldProcessWallSeconds')} s cold`);
    }

    log(`bundle: ${records} records (bench/bundle.js)`);
    const b = spawnSync(process.execPath, [join(root, 'dist/bench/bundle.js'), '--records', String(records)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 22 });
    if (b.status !== 0) throw new Error(`bench/bundle.js failed (${b.status})`);
    const bundle = JSON.parse(b.stdout) as { records: number; create: { ms: number; maxRssMB: number; bytes: number }; verify: { ok: boolean; ms: number; maxRssMB: number } };

    process.stdout.write(JSON.stringify({
      benchmark: 'report',
      corpus,
      framework: 'soc2-tsc',
      ledgerRecords: 2000,
      formats,
      bundle: {
        records: bundle.records,
        createSeconds: +(bundle.create.ms / 1000).toFixed(2),
        createPeakRssMB: bundle.create.maxRssMB,
        bytes: bundle.create.bytes,
        verifySeconds: +(bundle.verify.ms / 1000).toFixed(2),
        verifyPeakRssMB: bundle.verify.maxRssMB,
        verified: bundle.verify.ok,
      },
      targets: { soc2PdfColdProcessWallSeconds: '< 3', bundlePeakRssMB: '< 512 (at 1M records: BENCH_RECORDS=1000000)' },
      node: process.version,
    }, null, 2) + '\n');
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
}

if (argv[0] === '--child') await child(argv.slice(1));
else await parent();
