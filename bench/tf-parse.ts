// Terraform reading benchmark, printing one JSON object: the corpus's .tf files parsed (cold:
// the first pass, as one `attest scan` does it; warm: the median of further passes), then
// every root module evaluated through the Terraform source as a scan reads them.
//
// Usage: npm run bench:tf-parse [-- CORPUS_DIR]   (default ../shared/corpus/terraform)
// Options (env): BENCH_RUNS (warm parse passes, default 5).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSources } from '../src/sources/index.js';
import { parseHcl } from '../src/sources/terraform/hcl/parser.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const corpus = resolve(process.argv[2] ?? join(root, '../shared/corpus/terraform'));
const runs = Number(process.env.BENCH_RUNS ?? 5);

function tfFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) tfFiles(p, out);
    else if (e.endsWith('.tf')) out.push(p);
  }
  return out;
}

const files = tfFiles(corpus);
const texts = files.map((f) => readFileSync(f, 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

const pass = () => {
  const t = performance.now();
  let errors = 0;
  for (let i = 0; i < texts.length; i++) errors += parseHcl(texts[i]!, files[i]!).errors.length;
  return { seconds: (performance.now() - t) / 1000, errors };
};
const cold = pass();
const warm = Array.from({ length: runs }, pass).map((p) => p.seconds).sort((a, b) => a - b);

const t = performance.now();
const s = loadSources([corpus], {});
const evaluateSeconds = (performance.now() - t) / 1000;

const round = (x: number) => Math.round(x * 1000) / 1000;
process.stdout.write(JSON.stringify({
  benchmark: 'tf-parse',
  corpus,
  files: files.length,
  bytes,
  parseErrors: cold.errors,
  parseSecondsCold: round(cold.seconds),
  parseSecondsWarm: round(warm[Math.floor(warm.length / 2)]!),
  mbPerSecondWarm: round(bytes / 1048576 / warm[Math.floor(warm.length / 2)]!),
  evaluateSeconds: round(evaluateSeconds),
  units: s.templates.length,
  resources: s.sources.reduce((n, x) => n + x.resources, 0),
  inputErrors: s.sources.reduce((n, x) => n + x.errors.length, 0),
  notes: s.sources.reduce((n, x) => n + (x.warnings?.length ?? 0), 0),
}, null, 2) + '\n');
