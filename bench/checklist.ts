// Checklist benchmark, printing one JSON object: what deciding every framework's checklist
// adds to a scan of the public corpus of CloudFormation templates.
//
// In-process and warm, median of several runs each:
//   scanSeconds       scanPaths over the corpus (the scan's own time: parse, resolve, controls)
//   checklistSeconds  assessCompliance over every shipped catalog, every category selected:
//                     deciding every requirement; overheadPercent = checklistSeconds / scanSeconds
//   renderJsonSeconds writing the JSON checklist of all of them (every finding cited, as
//                     --format json does); withJsonPercent = (checklist + render) / scan
// Target (issue 11): the frameworks add less than 20% to the scan's own time.
//
// Usage: npm run bench:checklist [-- CORPUS_DIR]   Options (env): BENCH_RUNS (default 7).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTROLS } from '../src/controls/index.js';
import { scanPaths } from '../src/engine/scan.js';
import { CATALOGS } from '../src/frameworks/index.js';
import { assessCompliance } from '../src/compliance/assess.js';
import { renderChecklistChunks } from '../src/compliance/render.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const corpus = resolve(process.argv[2] ?? resolve(root, '../shared/corpus/cfn-templates'));
if (!existsSync(corpus)) {
  console.error(`corpus not found at ${corpus}; pass its path as the first argument`);
  process.exit(2);
}
const runs = Number(process.env.BENCH_RUNS ?? 7);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => Math.round(ms) / 1000;

function time<T>(fn: () => T): [number, T] {
  const t = performance.now();
  const r = fn();
  return [performance.now() - t, r];
}

const frameworks = CATALOGS.map((catalog) => ({ catalog, categories: (catalog.categories ?? []).map((c) => c.id) }));
const scanMs: number[] = [];
const assessMs: number[] = [];
const renderMs: number[] = [];
let findings = 0;
let templates = 0;
let requirements = 0;
let bytes = 0;
let byStatus: Record<string, number> = {};
for (let i = 0; i < runs; i++) {
  const [s, result] = time(() => scanPaths([corpus], { controls: CONTROLS, params: {} }));
  findings = result.findings.length;
  templates = result.templates.length;
  const now = new Date();
  const [a, assessment] = time(() => assessCompliance({ frameworks, findings: result.findings, attestations: [], exceptions: [], now }));
  const [r, size] = time(() => {
    let n = 0;
    for (const chunk of renderChecklistChunks({ assessment }, 'json')) n += chunk.length;
    return n;
  });
  scanMs.push(s);
  assessMs.push(a);
  renderMs.push(r);
  bytes = size;
  requirements = assessment.frameworks.reduce((n, f) => n + f.requirements.length, 0);
  byStatus = {};
  for (const f of assessment.frameworks) for (const [k, v] of Object.entries(f.summary.counts)) byStatus[k] = (byStatus[k] ?? 0) + v;
}
const scan = median(scanMs);
const assess = median(assessMs);
const render = median(renderMs);
const withJson = median(assessMs.map((a, i) => a + renderMs[i]!));
process.stdout.write(JSON.stringify({
  benchmark: 'checklist',
  corpus,
  runs,
  templates,
  findings,
  frameworks: CATALOGS.map((c) => c.id),
  requirements,
  byStatus,
  scanSeconds: seconds(scan),
  checklistSeconds: seconds(assess),
  overheadPercent: Math.round((assess / scan) * 1000) / 10,
  renderJsonSeconds: seconds(render),
  withJsonPercent: Math.round((withJson / scan) * 1000) / 10,
  jsonChars: bytes,
  targetPercent: 20,
}, null, 2) + '\n');
