// Ledger export benchmark, run as its own process so its peak RSS is the export's alone:
// exports every record of the ledger as NDJSON to /dev/null (or --out FILE) and prints one
// JSON line: records, seconds, records/s, process.resourceUsage().maxRSS (KB) and, on Linux,
// VmHWM (KB) from /proc/self/status.
//
//   node dist/bench/ledger-export.js --db PATH|URL --keys DIR [--format ndjson|csv|json] [--out FILE]
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { exportRecords, type ExportFormat } from '../src/ledger/export.js';
import { openLedger } from '../src/ledger/open.js';

function opt(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : fallback;
  if (v === undefined) throw new Error(`ledger-export: --${name} is required`);
  return v;
}

const db = opt('db');
const keysDir = opt('keys');
const format = opt('format', 'ndjson') as ExportFormat;
const outPath = opt('out', '/dev/null');

/**
 * Peak RSS of this process's own address space (Linux VmHWM). resourceUsage().maxRSS of a
 * spawned child also counts the parent's RSS at fork time, which survives exec.
 */
function peakRssKB(): number | undefined {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

const rssBefore = process.resourceUsage().maxRSS;
const ledger = await openLedger({ db, keysDir });
const out = createWriteStream(outPath);
const started = performance.now();
let last = 0;
const records = await exportRecords(ledger, out, {
  format,
  filters: {},
  onProgress: (n) => {
    if (n - last >= 100_000) {
      last = n;
      process.stderr.write(`  export: ${n} records, peak RSS ${Math.round((peakRssKB() ?? process.resourceUsage().maxRSS) / 1024)} MB\n`);
    }
  },
});
out.end();
await once(out, 'finish');
const seconds = (performance.now() - started) / 1000;
await ledger.close();
const maxRSS = process.resourceUsage().maxRSS;
const vmHWM = peakRssKB();
console.log(
  JSON.stringify({
    format,
    records,
    seconds: Math.round(seconds * 1000) / 1000,
    recordsPerSecond: Math.round(records / seconds),
    maxRSSKB: maxRSS,
    startupMaxRSSKB: rssBefore,
    ...(vmHWM !== undefined ? { vmHWMKB: vmHWM } : {}),
  }),
);
