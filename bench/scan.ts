// Scan benchmark: the public corpus of CloudFormation templates, cold (a fresh `attest scan`
// process, as CI runs it) and warm (in-process, median of several runs), and the ratio of
// the full scan to parsing alone. Prints one JSON object.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTROLS } from '../src/controls/index.js';
import { scanPaths } from '../src/engine/scan.js';
import { extractFacts } from '../src/facts/index.js';
import { buildReport } from '../src/report/model.js';
import { render } from '../src/report/index.js';
import { discover, loadFile } from '../src/sources/cloudformation/load.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const corpus = resolve(process.argv[2] ?? resolve(root, '../shared/corpus/cfn-templates'));
if (!existsSync(corpus)) {
  console.error(`corpus not found at ${corpus}; pass its path as the first argument`);
  process.exit(2);
}
const runs = Number(process.env.BENCH_RUNS ?? 7);

function parseOnly() {
  const d = discover([corpus]);
  let templates = 0;
  for (const f of d.files) if (loadFile(f.path, f.explicit, {}).template) templates++;
  return templates;
}

function full() {
  const r = scanPaths([corpus], { controls: CONTROLS, params: {} });
  const facts = extractFacts(r.graph);
  const report = buildReport({ paths: [corpus], params: {}, failOn: 'high', sources: r.sources, findings: r.findings, controls: CONTROLS, facts });
  const json = render(report, 'json');
  return { r, report, bytes: json.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn: () => unknown) => { const t = performance.now(); fn(); return (performance.now() - t) / 1000; };

// cold: a fresh process, exactly what a user or CI runs
const t0 = performance.now();
const cold = spawnSync(process.execPath, [resolve(root, 'bin/attest.js'), 'scan', corpus, '--format', 'json', '--output', '/dev/null', '--quiet', '--fail-on', 'none'], { encoding: 'utf8' });
const coldWall = (performance.now() - t0) / 1000;

parseOnly(); full(); // warm-up (JIT)
const parseTimes: number[] = [];
const fullTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  parseTimes.push(time(parseOnly));
  fullTimes.push(time(full));
}
const { r, report, bytes } = full();
const templates = r.templates.length;
const out = {
  benchmark: 'scan',
  corpus,
  files: r.sources.length,
  templates,
  resources: report.summary.resources,
  controls: CONTROLS.length,
  findings: report.summary.findings,
  findingsByStatus: report.summary.byStatus,
  sourceErrors: report.summary.sourceErrors,
  coldProcessWallSeconds: +coldWall.toFixed(3),
  coldProcessExitCode: cold.status,
  warmFullScanSeconds: +median(fullTimes).toFixed(3),
  warmParseOnlySeconds: +median(parseTimes).toFixed(3),
  fullToParseRatio: +(median(fullTimes) / median(parseTimes)).toFixed(2),
  templatesPerSecondCold: +(templates / coldWall).toFixed(1),
  templatesPerSecondWarm: +(templates / median(fullTimes)).toFixed(1),
  jsonReportBytes: bytes,
  peakRssMB: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
  runs,
  node: process.version,
  targets: { coldProcessWallSeconds: '< 3', fullToParseRatio: '<= 2.5' },
};
console.log(JSON.stringify(out, null, 2));
