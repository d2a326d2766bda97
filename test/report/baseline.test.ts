import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { applyBaseline, baselineOf, BaselineError, parseBaseline, renderBaseline } from '../../src/report/baseline.js';
import { buildReport } from '../../src/report/model.js';
import { render } from '../../src/report/index.js';
import type { Finding } from '../../src/model/types.js';
import { CONTROLS, FINDINGS, facts, SOURCES } from './fixture.js';

const schema = JSON.parse(readFileSync(new URL('../../../schema/baseline.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const failing = FINDINGS.filter((f) => f.status === 'fail');
const moved = (f: Finding, dl: number): Finding => ({ ...f, location: { ...f.location, line: f.location.line + dl }, resource: { ...f.resource, line: f.resource.line + dl } });

test('baselineOf: only failing findings, identity without line, sorted by file, resource, control; same bytes every time', () => {
  const b = baselineOf(FINDINGS);
  assert.equal(b.findings.length, failing.length);
  assert.deepEqual(b.findings.map((e) => [e.file, e.resourceId, e.controlId]), [
    ['infra/app.yaml', 'DataBucket', 'AT-S3-001'],
    ['infra/app.yaml', 'OpenSg', 'AT-NET-001'],
    ['infra/win path/old.yaml', 'OldLogs', 'AT-LOG-001'],
    ['tf/main.tf', 'aws_s3_bucket.logs', 'AT-S3-001'],
  ]);
  const text = renderBaseline(b);
  assert.equal(text, renderBaseline(baselineOf([...FINDINGS].reverse().map((f) => moved(f, 7)))), 'order and line moves do not change the file');
  assert.ok(text.endsWith('}\n'));
  assert.doesNotMatch(text, /"line"|generatedAt|version": "/);
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const validate = ajv.compile(schema);
  assert.ok(validate(JSON.parse(text)), JSON.stringify(validate.errors));
  assert.deepEqual(parseBaseline(text, 'b.json'), b);
});

test('applyBaseline: recorded failures are unchanged (also after the lines moved), others new; resolved counts what no longer fails', () => {
  const b = baselineOf(failing.slice(0, 3));
  const now = [...FINDINGS.map((f) => moved(f, 40))];
  const { findings, summary } = applyBaseline(now, b, 'base.json');
  const state = (id: string) => findings.find((f) => f.resource.id === id && f.status === 'fail')!.baseline;
  assert.equal(state('DataBucket'), 'unchanged');
  assert.equal(state('OpenSg'), 'unchanged');
  assert.equal(state('aws_s3_bucket.logs'), 'new');
  assert.ok(findings.filter((f) => f.status !== 'fail').every((f) => f.baseline === undefined), 'only failing findings are compared');
  assert.deepEqual(summary, { file: 'base.json', accepted: 3, new: 1, resolved: 0 });
  // fixing a recorded finding: it is resolved
  const fixed = applyBaseline(now.filter((f) => f.resource.id !== 'OpenSg'), b, 'base.json').summary;
  assert.deepEqual(fixed, { file: 'base.json', accepted: 2, new: 1, resolved: 1 });
  // a renamed file or resource is a different finding
  const renamed = applyBaseline([{ ...failing[0]!, resource: { ...failing[0]!.resource, file: 'infra/other.yaml' } }], b, 'b').summary;
  assert.equal(renamed.new, 1);
  // Windows separators and ./ prefixes name the same file
  const win = applyBaseline([{ ...failing[0]!, resource: { ...failing[0]!.resource, file: '.\\infra\\app.yaml' } }], b, 'b').summary;
  assert.equal(win.accepted, 1);
});

test('applyBaseline: a control failing more often on a resource than recorded: the extra failures are new, the first by position accepted', () => {
  const f = failing[0]!;
  const twice = [moved(f, 5), f];
  const b = baselineOf([f]);
  assert.equal(b.findings[0]!.count, 1);
  const { findings, summary } = applyBaseline(twice, b, 'b');
  assert.deepEqual(findings.map((x) => [x.location.line, x.baseline]), [[17, 'new'], [12, 'unchanged']]);
  assert.deepEqual(summary, { file: 'b', accepted: 1, new: 1, resolved: 0 });
  assert.equal(baselineOf(twice).findings[0]!.count, 2);
});

test('the gate counts only new failures; the report and its renders say how many the baseline accepted', () => {
  const clean = SOURCES.filter((s) => !s.errors.length);
  const build = (fs: Finding[], withBase: boolean) => {
    const { findings, summary } = applyBaseline(fs, baselineOf(failing), '.attest-baseline.json');
    return buildReport({ paths: ['infra'], params: {}, failOn: 'low', sources: clean, findings: withBase ? findings : fs, controls: CONTROLS, facts: facts(), ...(withBase ? { baseline: summary } : {}) });
  };
  assert.equal(build(FINDINGS, false).summary.exitCode, 1);
  const accepted = build(FINDINGS, true);
  assert.equal(accepted.summary.exitCode, 0);
  assert.deepEqual(accepted.baseline, { file: '.attest-baseline.json', accepted: 4, new: 0, resolved: 0 });
  const extra: Finding = { ...failing[0]!, resource: { ...failing[0]!.resource, id: 'NewBucket' } };
  const withNew = build([...FINDINGS, extra], true);
  assert.equal(withNew.summary.exitCode, 1, 'a new failure fails the gate');
  assert.equal(withNew.domains.find((d) => d.id === 'data-protection')!.gaps.find((g) => g.resource.id === 'DataBucket')!.baseline, 'unchanged');
  assert.match(render(accepted, 'markdown'), /\| Baseline \| `\.attest-baseline\.json`: 4 failing finding\(s\) accepted \(they do not fail the gate\), 0 new; 0 it records no longer fail \|/);
  assert.match(render(withNew, 'markdown'), /❌ FAIL \(accepted by the baseline\) `DataBucket`/);
  assert.match(render(withNew, 'html'), /Baseline <code>\.attest-baseline\.json<\/code>: 4 failing finding\(s\) accepted/);
  const sarif = JSON.parse(render(withNew, 'sarif')).runs[0].results as { baselineState?: string; message: { text: string } }[];
  assert.deepEqual(sarif.filter((r) => r.baselineState).map((r) => r.baselineState).sort(), ['new', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
  const csv = render(withNew, 'csv').split('\r\n').filter((l) => l.startsWith('AT-S3-001,fail'));
  assert.ok(csv.some((l) => l.endsWith(',new')) && csv.some((l) => l.endsWith(',unchanged')), csv.join('\n'));
});

test('parseBaseline: what cannot be used is an error naming the file and the entry', () => {
  const bad = (text: string, re: RegExp) => assert.throws(() => parseBaseline(text, 'b.json'), (e: Error) => e instanceof BaselineError && re.test(e.message));
  bad('{', /^b\.json: not JSON/);
  bad('[]', /a baseline is a JSON object/);
  bad('{"version":2,"findings":[]}', /version 2 is not supported/);
  bad('{"version":1}', /"findings" must be an array/);
  bad('{"version":1,"findings":[{"controlId":"AT-S3-001","file":"a"}]}', /findings\[0\]\.resourceId must be a non-empty string/);
  bad('{"version":1,"findings":[{"controlId":"AT-S3-001","resourceId":"B","file":"a","count":0}]}', /findings\[0\]\.count must be a positive integer/);
  bad('{"version":1,"findings":[{"controlId":"AT-S3-001","resourceId":"B","file":"a","line":3}]}', /unknown key "line"/);
  assert.equal(parseBaseline('{"version":1,"findings":[{"controlId":"X","resourceId":"B","file":"a"}]}', 'b').findings[0]!.count, 1);
});
