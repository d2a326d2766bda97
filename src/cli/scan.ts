import { readFileSync } from 'node:fs';
import { many, one, parseArgs, UsageError } from './args.js';
import { CONTROLS } from '../controls/index.js';
import { scanPaths, type ScanResult } from '../engine/scan.js';
import { readableFormats } from '../sources/index.js';
import { extractFacts, unavailableFacts } from '../facts/index.js';
import { buildReport, type Report, type ReportFinding } from '../report/model.js';
import { renderChunks } from '../report/index.js';
import { nothingScanned, rankedLines, renderText } from '../report/text.js';
import { applyBaseline, baselineOf, BaselineError, parseBaseline, renderBaseline, type BaselineSummary } from '../report/baseline.js';
import { SEVERITIES, type Severity } from '../model/types.js';
import { Progress } from './progress.js';
import { isClosedReader, writeChunks, writeChunksToFile } from './output.js';
import { planOutputs, useColor, type OutputPlan } from './outputs.js';
import { applyIgnores, IGNORE_FILE_NAME, type IgnoreSummary } from '../report/ignore.js';
import { pathErrorText, readScanInputs, SCAN_INPUT_FLAGS } from './scan-input.js';

export const SCAN_HELP = `Usage: attest scan [path...] [options]

Scans CloudFormation and SAM templates (YAML or JSON, found recursively; node_modules,
.git, cdk.out and .aws-sam are skipped) and reports, per control domain, what is
configured and which controls pass, fail, or cannot be decided statically (unknown).

Options:
  -f, --format FORMAT     text (default), json, sarif, junit, csv, markdown, html
  -o, --output FILE       write the report to FILE (--format, or the format of the
                          extension: .json .sarif .xml .csv .md .html); a summary goes to stderr
  -o, --output FORMAT=FILE
                          write FORMAT to FILE (- for standard output); repeatable, so one
                          run writes several reports; --format then names what standard
                          output gets, e.g. --format text --output sarif=attest.sarif
                          --output junit=junit.xml
      --baseline FILE     accept the failing findings FILE records: exit 1 only for new
                          ones (a finding is its control, resource and file, not its line)
      --baseline-write FILE
                          write the current failing findings to FILE as a baseline (sorted
                          JSON, schema/baseline.schema.json); the exit code is unchanged
      --ignore-file FILE  findings to accept, each with a reason and an expiry date at most a
                          year ahead (repeatable; default: ${IGNORE_FILE_NAME} in each scanned
                          folder); a malformed entry is an error (exit 2), an expired one
                          stops applying and is reported
      --no-color          no colour in the terminal view (also NO_COLOR=1); colour is only
                          ever used when standard output is a terminal
      --fail-on LEVEL     critical | high (default) | medium | low | none: exit 1 when a
                          finding fails at or above LEVEL
  -p, --param KEY=VALUE   parameter value (repeatable); pseudo parameters too, e.g.
                          --param AWS::Region=eu-west-1
      --params-file FILE  parameter values from JSON ([{"ParameterKey","ParameterValue"}],
                          {"Parameters":{...}}, {"K":"V"}) or SAM samconfig (.json/.toml);
                          repeatable, --param wins
      --config-env NAME   samconfig environment to read (default: default)
      --var-file FILE     Terraform variables (.tfvars) as terraform -var-file, for every
                          Terraform root scanned (repeatable, in order; --param wins)
      --exclude PATTERN   leave files or folders out of the walk (repeatable): a name
                          (bazel-out, *.generated.yaml) matches anywhere, a path with /
                          (infra/legacy/**) from the working directory; listed as skipped
      --allow-empty       exit 0 when no template is found (by default a scan that finds
                          nothing fails, so a wrong path cannot pass a CI gate)
  -q, --quiet             no progress bar and no summary on stderr
  -h, --help              this help

Symbolic links are followed when they point inside a scanned folder (each file is read
once); a link pointing outside is an input error (scan its folder too, or --exclude it).
Candidate files that are not templates, broken links and excluded paths are listed in
the JSON report's "skipped" array.

Exit codes: 0 no failing finding at or above --fail-on; 1 failing findings at or above it,
a template that could not be read, or no template found (see --allow-empty); 2 usage error.

Examples:
  attest scan ./infra
  attest scan ./infra --format sarif --output attest.sarif --fail-on critical
  attest scan ./infra --output sarif=attest.sarif --output junit=junit.xml --format text
  attest scan ./infra --baseline-write .attest-baseline.json     # once, to adopt
  attest scan ./infra --baseline .attest-baseline.json           # in CI: new failures only
  attest scan template.yaml --param Env=prod --params-file params.json
`;

export async function runScan(argv: string[]): Promise<number> {
  const a = parseArgs(argv, {
    ...SCAN_INPUT_FLAGS, format: true, output: true, 'fail-on': true, 'allow-empty': false, quiet: false, help: false,
    baseline: true, 'baseline-write': true, 'no-color': false,
  }, { f: 'format', o: 'output', p: 'param', q: 'quiet', h: 'help' });
  if (a.flags.has('help')) { process.stdout.write(SCAN_HELP); return 0; }
  const plans = planOutputs(one(a, 'format'), many(a, 'output'));
  const baselineFile = one(a, 'baseline');
  const baselineWrite = one(a, 'baseline-write');
  // Read before scanning: a baseline that cannot be used is a usage error, not a finding.
  let baseline: ReturnType<typeof parseBaseline> | undefined;
  if (baselineFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(baselineFile, 'utf8');
    } catch (e) {
      throw new UsageError(`--baseline ${baselineFile}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); create it with --baseline-write`);
    }
    try {
      baseline = parseBaseline(text, baselineFile);
    } catch (e) {
      if (e instanceof BaselineError) throw new UsageError(e.message);
      throw e;
    }
  }
  const failOn = (one(a, 'fail-on') ?? 'high') as Severity | 'none';
  if (failOn !== 'none' && !SEVERITIES.includes(failOn)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}, none; got ${JSON.stringify(failOn)}`);
  const paths = a.positional.length ? a.positional : ['.'];
  const today = new Date().toISOString().slice(0, 10);
  const { params, varFiles, exclude, ignoreFiles } = readScanInputs(a, paths, today);
  const quiet = a.flags.has('quiet');
  const progress = new Progress(process.stderr, !quiet);
  const result = scanPaths(paths, { controls: CONTROLS, params, exclude, varFiles, onProgress: (d, t) => progress.update(d, t) });
  progress.done();
  reportInputFirst(result, paths, a.flags.has('allow-empty'));
  const facts = extractFacts(result.graph);
  for (const why of unavailableFacts(facts)) process.stderr.write(`attest: ${why}\n`);
  let findings: ReportFinding[] = result.findings;
  let ignores: IgnoreSummary | undefined;
  // Ignored findings are suppressed before the baseline is compared: they are not failures to accept.
  if (ignoreFiles.length) ({ findings, summary: ignores } = applyIgnores(findings, ignoreFiles, today));
  let compared: BaselineSummary | undefined;
  if (baseline) ({ findings, summary: compared } = applyBaseline(findings, baseline, baselineFile!));
  const report = buildReport({ paths, params, failOn, sources: result.sources, skipped: result.skipped, unevaluated: result.unevaluated, allowEmpty: a.flags.has('allow-empty'), findings, controls: CONTROLS, facts, baseline: compared, ignores });
  let failed = false;
  if (baselineWrite !== undefined) {
    const b = baselineOf(report.findings);
    const failure = writeChunksToFile(baselineWrite, [renderBaseline(b)]);
    if (failure) { process.stderr.write(`attest: cannot write the baseline ${baselineWrite}: ${failure}\n`); failed = true; }
    else if (!quiet) process.stderr.write(`attest: baseline of ${b.findings.reduce((n, e) => n + e.count, 0)} failing finding(s) written to ${baselineWrite}.\n`);
  }
  const written: OutputPlan[] = [];
  for (const p of plans.filter((x) => x.file !== undefined)) {
    const failure = writeChunksToFile(p.file!, chunksOf(report, p, false));
    if (failure) { process.stderr.write(`attest: cannot write ${p.file}: ${failure}\n`); failed = true; }
    else written.push(p);
  }
  const toStdout = plans.find((x) => x.file === undefined);
  // Without a report on standard output the terminal still gets the outcome, on stderr.
  if (!quiet && written.length && !toStdout) {
    process.stderr.write(summaryLine(report) + '\n' + rankedLines(report, undefined, 5).join('\n') + written.map((p) => `Report written to ${p.file} (${p.format}).\n`).join(''));
  }
  if (toStdout) {
    const failure = await writeChunks(process.stdout, chunksOf(report, toStdout, useColor(process.stdout, a.flags.has('no-color'))));
    // A reader that stopped reading (| head) is not an error; the gate still decides.
    if (failure && !isClosedReader(failure)) {
      process.stderr.write(`attest: cannot write the report to standard output: ${failure.code ?? failure.message}\n`);
      return 1;
    }
  }
  return failed ? 1 : report.summary.exitCode;
}

function chunksOf(report: Report, p: OutputPlan, color: boolean): Iterable<string> {
  return p.format === 'text' ? [renderText(report, { color })] : renderChunks(report, p.format);
}

function summaryLine(r: Report): string {
  const s = r.summary;
  const nothing = nothingScanned(r);
  const base = r.baseline ? `; baseline: ${r.baseline.accepted} accepted, ${r.baseline.new} new` : '';
  return (nothing ? `attest: ${nothing}\n` : '') + `attest: ${s.files} file(s) (${r.skipped.length} skipped), ${s.resources} resources, ${s.findings} findings: ${s.byStatus.pass} pass, ${s.byStatus.fail} fail, ${s.byStatus.unknown} unknown, ${s.byStatus.suppressed} suppressed; ${s.sourceErrors} input error(s)${base}; exit ${s.exitCode} (--fail-on ${r.scan.failOn})`;
}

/**
 * Before the report: a path that does not exist, and a scan that found no infrastructure,
 * are the first thing the user reads, not a line after pages of empty sections.
 */
export function reportInputFirst(result: Pick<ScanResult, 'pathErrors' | 'sources'>, paths: string[], allowEmpty: boolean): void {
  for (const s of result.pathErrors) for (const e of s.errors) process.stderr.write(`attest: ${pathErrorText(e)}\n`);
  if (result.sources.length === 0) {
    process.stderr.write(`attest: no infrastructure files found under ${paths.join(', ')}; Attest reads ${readableFormats()}.${allowEmpty ? ' Accepted with --allow-empty.' : ' Exit 1 (pass --allow-empty to accept a scan that finds nothing).'}\n`);
  }
}
