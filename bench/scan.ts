// Scan benchmark, printing one JSON object.
//
// 1. The public corpora, one per input format (CloudFormation templates, Terraform modules),
//    cold (a fresh `attest scan` process, as CI runs it) and warm (in-process, median of
//    several runs), and the ratio of the full scan to reading alone.
// 2. Adversarial inputs generated into a temporary folder, each family at growing sizes:
//    YAML aliases, one wide mapping of one-line entries, many resources in one template,
//    and 500-resource templates side by side. Each case is `attest scan` in a child process
//    (so a case's peak RSS is its own), timed inside the child, with a timeout so a
//    quadratic case prints that it timed out instead of hanging the benchmark. A family is
//    "linear" when the time per unit at its largest size is at most LINEAR_FACTOR times the
//    time per unit at its smallest.
//
// Usage: npm run bench:scan [-- CFN_CORPUS_DIR [TERRAFORM_CORPUS_DIR]]
// Options (env): BENCH_RUNS (corpus runs, default 7), BENCH_ONLY=corpus|adversarial,
// BENCH_CASE_TIMEOUT (seconds per adversarial case, default 60).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTROLS } from '../src/controls/index.js';
import { scanPaths } from '../src/engine/scan.js';
import { extractFacts } from '../src/facts/index.js';
import { buildReport } from '../src/report/model.js';
import { render } from '../src/report/index.js';
import { MAX_TEMPLATE_BYTES } from '../src/sources/cloudformation/load.js';
import { loadSources } from '../src/sources/index.js';
import { main } from '../src/cli/main.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const self = fileURLToPath(import.meta.url);
const LINEAR_FACTOR = 3;

/** One adversarial case: the CLI's own scan, timed here; the summary read from the report's tail. */
async function child(target: string, reportFile: string): Promise<void> {
  const t = performance.now();
  const exitCode = await main(['scan', target, '--format', 'json', '--output', reportFile, '--quiet', '--fail-on', 'none', '--allow-empty']);
  const scanSeconds = (performance.now() - t) / 1000;
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ exitCode, scanSeconds, peakRssMB, summary: reportSummary(reportFile) }) + '\n');
}

/** `summary` is the JSON report's last member: parse it from the file's last bytes instead of the whole report. */
function reportSummary(file: string): { resources: number; findings: number; sourceErrors: number } | undefined {
  if (!existsSync(file)) return undefined;
  const size = statSync(file).size;
  const n = Math.min(size, 4096);
  const buf = Buffer.alloc(n);
  const fd = openSync(file, 'r');
  try { readSync(fd, buf, 0, n, size - n); } finally { closeSync(fd); }
  const tail = buf.toString('utf8');
  const at = tail.lastIndexOf('"summary": ');
  if (at === -1) return undefined;
  const s = JSON.parse(tail.slice(at + '"summary": '.length, tail.lastIndexOf('}'))) as { resources: number; findings: number; sourceErrors: number };
  return { resources: s.resources, findings: s.findings, sourceErrors: s.sourceErrors };
}

async function parent(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  const out: Record<string, unknown> = { benchmark: 'scan' };
  if (only !== 'adversarial') {
    // One corpus per input format, each scanned on its own (a path argument replaces the CloudFormation one).
    const corpora: [string, string][] = [
      ['cloudformation', resolve(process.argv[2] ?? resolve(root, '../shared/corpus/cfn-templates'))],
      ['terraform', resolve(process.argv[3] ?? resolve(root, '../shared/corpus/terraform'))],
    ];
    for (const [format, corpus] of corpora) {
      if (!existsSync(corpus)) {
        console.error(`${format} corpus not found at ${corpus}; pass the CloudFormation and Terraform corpus paths as arguments (or BENCH_ONLY=adversarial)`);
        process.exit(2);
      }
    }
    const formats: Record<string, unknown> = {};
    for (const [format, corpus] of corpora) formats[format] = corpusBench(corpus);
    out.formats = formats;
    out.targets = { coldProcessWallSeconds: '< 3 per corpus', fullToParseRatio: '<= 2.5 per format' };
  }
  if (only !== 'corpus') out.adversarial = adversarialBench();
  out.node = process.version;
  console.log(JSON.stringify(out, null, 2));
}

/**
 * One corpus: "parse only" reads every input into the model (parse, resolve intrinsics or
 * evaluate the Terraform module, translate), "full" adds the controls, the facts and the JSON
 * report — the ratio is what the controls cost over reading.
 */
function corpusBench(corpus: string): Record<string, unknown> {
  const runs = Number(process.env.BENCH_RUNS ?? 7);
  const parseOnly = () => loadSources([corpus], {}).templates.length;
  const full = () => {
    const r = scanPaths([corpus], { controls: CONTROLS, params: {} });
    const facts = extractFacts(r.graph);
    const report = buildReport({ paths: [corpus], params: {}, failOn: 'high', sources: r.sources, skipped: r.skipped, unevaluated: r.unevaluated, findings: r.findings, controls: CONTROLS, facts });
    const json = render(report, 'json');
    return { r, report, bytes: json.length };
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const time = (fn: () => unknown) => { const t = performance.now(); fn(); return (performance.now() - t) / 1000; };

  // cold: a fresh process, exactly what a user or CI runs
  const cpu0 = childrenCpuSeconds();
  const t0 = performance.now();
  const cold = spawnSync(process.execPath, [resolve(root, 'bin/attest.js'), 'scan', corpus, '--format', 'json', '--output', '/dev/null', '--quiet', '--fail-on', 'none'], { encoding: 'utf8' });
  const coldWall = (performance.now() - t0) / 1000;
  const cpu1 = childrenCpuSeconds();

  parseOnly(); full(); // warm-up (JIT)
  const parseTimes: number[] = [];
  const fullTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    parseTimes.push(time(parseOnly));
    fullTimes.push(time(full));
  }
  const { r, report, bytes } = full();
  const units = r.templates.length;
  return {
    corpus,
    sources: r.sources.length,
    skippedFiles: r.skipped.length,
    units,
    resources: report.summary.resources,
    controls: CONTROLS.length,
    findings: report.summary.findings,
    findingsByStatus: report.summary.byStatus,
    sourceErrors: report.summary.sourceErrors,
    unevaluatedTypes: r.unevaluated.length,
    coldProcessWallSeconds: +coldWall.toFixed(3),
    // user + system CPU of the cold process: on a shared machine its wall time says more about the other processes.
    ...(cpu0 !== undefined && cpu1 !== undefined ? { coldProcessCpuSeconds: +(cpu1 - cpu0).toFixed(2) } : {}),
    coldProcessExitCode: cold.status,
    warmFullScanSeconds: +median(fullTimes).toFixed(3),
    warmParseOnlySeconds: +median(parseTimes).toFixed(3),
    fullToParseRatio: +(median(fullTimes) / median(parseTimes)).toFixed(2),
    unitsPerSecondCold: +(units / coldWall).toFixed(1),
    unitsPerSecondWarm: +(units / median(fullTimes)).toFixed(1),
    jsonReportBytes: bytes,
    peakRssMB: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
    runs,
  };
}

/**
 * User + system CPU seconds of this process's finished children (Linux: /proc/self/stat
 * cutime + cstime, in clock ticks of 1/100 s), undefined where that file is not there.
 */
function childrenCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces) in parentheses; cutime and cstime are fields 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- adversarial inputs

interface Family {
  family: string;
  /** What `units` counts; time per unit decides linearity. */
  unit: string;
  sizes: number[];
  /** Writes the case for `size` into `dir`; returns its unit count. */
  write: (dir: string, size: number) => number;
}

const HEADER = 'AWSTemplateFormatVersion: "2010-09-09"\n';

/** One line per resource, three kinds that controls and facts look at. */
function resourceLines(n: number, prefix: string): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `${prefix}${String(i).padStart(6, '0')}`;
    switch (i % 3) {
      case 0: lines.push(`  ${id}: { Type: AWS::S3::Bucket, Properties: { BucketName: ${id.toLowerCase()}, VersioningConfiguration: { Status: Enabled } } }`); break;
      case 1: lines.push(`  ${id}: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: g, SecurityGroupIngress: [ { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/8 } ] } }`); break;
      default: lines.push(`  ${id}: { Type: AWS::Logs::LogGroup, Properties: { RetentionInDays: 30 } }`);
    }
  }
  return lines.join('\n') + '\n';
}

const FAMILIES: Family[] = [
  {
    family: 'yaml-aliases', unit: 'alias', sizes: [2500, 5000, 10000, 20000],
    write: (dir, n) => {
      const copies = '        - *base\n'.repeat(n);
      writeFileSync(join(dir, 'aliases.yaml'), `${HEADER}Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Metadata:\n      Base: &base { Owner: platform, CostCenter: "42" }\n      Copies:\n${copies}    Properties: { BucketName: aliases }\n`);
      return n;
    },
  },
  {
    family: 'wide-mapping', unit: 'mapping entry', sizes: [0.5, 1, 2, 5],
    write: (dir, mib) => {
      // Stay just under the size limit so the largest case is parsed, not refused.
      const budget = Math.min(mib * 1048576, MAX_TEMPLATE_BYTES - 4096);
      const entry = (i: number) => `    B${String(i).padStart(7, '0')}: { Name: bucket-${String(i).padStart(7, '0')} }\n`;
      const n = Math.floor(budget / entry(0).length);
      const lines: string[] = [];
      for (let i = 0; i < n; i++) lines.push(entry(i));
      writeFileSync(join(dir, 'wide.yaml'), `${HEADER}Mappings:\n  Buckets:\n${lines.join('')}Resources:\n  Bucket: { Type: AWS::S3::Bucket }\n`);
      return n;
    },
  },
  {
    family: 'resources-one-template', unit: 'resource', sizes: [1000, 5000, 20000],
    write: (dir, n) => { writeFileSync(join(dir, 'many.yaml'), `${HEADER}Resources:\n${resourceLines(n, 'R')}`); return n; },
  },
  {
    family: 'resources-500-per-template', unit: 'resource', sizes: [10, 40],
    write: (dir, templates) => {
      for (let t = 0; t < templates; t++) writeFileSync(join(dir, `stack-${String(t).padStart(3, '0')}.yaml`), `${HEADER}Resources:\n${resourceLines(500, `S${t}x`)}`);
      return templates * 500;
    },
  },
];

function adversarialBench(): Record<string, unknown> {
  const timeoutSeconds = Number(process.env.BENCH_CASE_TIMEOUT ?? 60);
  const work = mkdtempSync(join(tmpdir(), 'attest-bench-scan-'));
  try {
    const families = FAMILIES.map((fam) => {
      let gaveUp: number | undefined;
      const cases = fam.sizes.map((size) => {
        // Past a size that timed out, a larger one only costs another timeout.
        if (gaveUp !== undefined) return { size, timedOut: true, error: `not run: size ${gaveUp} already timed out` };
        const dir = join(work, `${fam.family}-${size}`);
        mkdirSync(dir);
        const units = fam.write(dir, size);
        const bytes = (spawnSync('du', ['-sb', dir], { encoding: 'utf8' }).stdout.split('\t')[0] ?? '').trim();
        const reportFile = join(work, `${fam.family}-${size}.json`);
        const t = performance.now();
        const r = spawnSync(process.execPath, [self, '--child', dir, reportFile], { encoding: 'utf8', timeout: timeoutSeconds * 1000, maxBuffer: 1 << 20 });
        const wallSeconds = +((performance.now() - t) / 1000).toFixed(3);
        rmSync(reportFile, { force: true });
        rmSync(dir, { recursive: true, force: true });
        const base = { size, units, inputBytes: Number(bytes), wallSeconds };
        if (r.error || r.status === null) {
          gaveUp = size;
          return { ...base, timedOut: true, error: r.signal ? `killed by ${r.signal} after the ${timeoutSeconds} s timeout` : String(r.error) };
        }
        let c: { exitCode: number; scanSeconds: number; peakRssMB: number; summary?: Record<string, number> };
        try { c = JSON.parse(r.stdout.trim().split('\n').pop()!); } catch {
          return { ...base, timedOut: false, error: `child exited ${r.status}: ${r.stderr.slice(0, 300)}` };
        }
        return { ...base, timedOut: false, scanSeconds: +c.scanSeconds.toFixed(3), peakRssMB: +c.peakRssMB.toFixed(1), exitCode: c.exitCode, ...c.summary,
          microsecondsPerUnit: +((c.scanSeconds / units) * 1e6).toFixed(2) };
      });
      return { family: fam.family, unit: fam.unit, cases, ...verdict(cases) };
    });
    return { timeoutSeconds, linearFactor: LINEAR_FACTOR, families };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Linear when time per unit grows by at most LINEAR_FACTOR from the smallest case to the largest. */
function verdict(cases: { size: number; timedOut: boolean; error?: string; microsecondsPerUnit?: number }[]): { perUnitRatio?: number; linear: boolean; why: string } {
  const bad = cases.find((c) => c.timedOut || c.error);
  if (bad) return { linear: false, why: `size ${bad.size}: ${bad.error ?? 'timed out'}` };
  const first = cases[0]!.microsecondsPerUnit!;
  const last = cases[cases.length - 1]!.microsecondsPerUnit!;
  const ratio = +(last / first).toFixed(2);
  return { perUnitRatio: ratio, linear: ratio <= LINEAR_FACTOR, why: `time per unit at the largest size is ${ratio}x that at the smallest (linear: <= ${LINEAR_FACTOR}x)` };
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!);
else await parent();
