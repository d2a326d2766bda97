import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { renderJson } from '../../src/report/json.js';
import { sampleReport } from './fixture.js';

const schema = JSON.parse(readFileSync(new URL('../../../schema/report.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

function validator() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
  return ajv.compile(schema);
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

test('schema: $id, draft 2020-12, required top-level keys', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.match(String(schema.$id), /^https:\/\/attest\.dev\/schema\/report-1\.2\.0\.json$/);
  for (const k of ['schemaVersion', 'tool', 'generatedAt', 'sources', 'domains', 'findings', 'summary']) assert.ok((schema.required as string[]).includes(k), k);
});

test('schema: a realistic report (every status, suppression, dependsOn, evidence note, source errors) validates', () => {
  const report = JSON.parse(renderJson(sampleReport())) as Record<string, unknown>;
  const statuses = new Set((report.findings as { status: string }[]).map((f) => f.status));
  assert.deepEqual([...statuses].sort(), ['fail', 'not_applicable', 'pass', 'suppressed', 'unknown']);
  const validate = validator();
  const ok = validate(report);
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
});

test('schema: a finding without controlId is rejected', () => {
  const report = clone(sampleReport()) as unknown as { findings: Record<string, unknown>[] };
  delete report.findings[0]!.controlId;
  const validate = validator();
  assert.equal(validate(report), false);
  assert.ok(validate.errors!.some((e: ErrorObject) => e.keyword === 'required' && (e.params as { missingProperty: string }).missingProperty === 'controlId'));
});

test('schema: a bad status, an unknown key and a missing references list are rejected', () => {
  const validate = validator();
  const bad = clone(sampleReport()) as unknown as { findings: Record<string, unknown>[] };
  bad.findings[1]!.status = 'passed';
  assert.equal(validate(bad), false);
  assert.ok(validate.errors!.some((e: ErrorObject) => e.instancePath === '/findings/1/status' && e.keyword === 'enum'));

  const extra = clone(sampleReport()) as unknown as { findings: Record<string, unknown>[] };
  extra.findings[0]!.score = 3;
  assert.equal(validate(extra), false);

  const noRefs = clone(sampleReport()) as unknown as { findings: { references: Record<string, unknown> }[] };
  delete noRefs.findings[0]!.references.trivy;
  assert.equal(validate(noRefs), false);

  const noSummary = clone(sampleReport()) as unknown as Record<string, unknown>;
  delete noSummary.summary;
  assert.equal(validate(noSummary), false);
});

test('schema: skipped[] lists files with a reason; an entry without one is rejected; reports without it still validate', () => {
  const validate = validator();
  const withSkipped = clone(sampleReport()) as unknown as { skipped?: Record<string, unknown>[] };
  withSkipped.skipped = [{ file: 'infra/notes.yaml', reason: 'not a CloudFormation template: no Resources with AWS:: types' }];
  assert.ok(validate(withSkipped), JSON.stringify(validate.errors));
  withSkipped.skipped = [{ file: 'infra/notes.yaml' }];
  assert.equal(validate(withSkipped), false);
  assert.ok(validate.errors!.some((e: ErrorObject) => e.instancePath === '/skipped/0' && e.keyword === 'required' && (e.params as { missingProperty: string }).missingProperty === 'reason'));
  const older = clone(sampleReport()) as unknown as { skipped?: unknown };
  delete older.skipped;
  assert.ok(validate(older), 'a report written before skipped[] existed is still valid');
});

test('json: pretty-printed with two spaces, stable, newline-terminated', () => {
  const a = renderJson(sampleReport());
  const b = renderJson(sampleReport());
  assert.equal(a, b);
  assert.ok(a.endsWith('}\n'));
  assert.match(a, /^\{\n {2}"schemaVersion": "1\.2\.0",\n {2}"tool": \{\n {4}"name": "attest"/);
  assert.deepEqual(JSON.parse(a), JSON.parse(JSON.stringify(sampleReport())));
});

test('schema: real scans validate — the bundled example and, when present, the public corpus', async () => {
  const { spawnSync } = await import('node:child_process');
  const { existsSync } = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const targets = [root + 'examples', root + '../shared/corpus/cfn-templates'].filter((p) => existsSync(p));
  const validate = validator();
  for (const t of targets) {
    const r = spawnSync(process.execPath, [root + 'bin/attest.js', 'scan', t, '--format', 'json', '--fail-on', 'none', '--quiet'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const report = JSON.parse(r.stdout) as { findings: unknown[] };
    assert.ok(report.findings.length > 0, `${t}: no findings`);
    const ok = validate(report);
    assert.ok(ok, `${t}: ${JSON.stringify((validate.errors ?? []).slice(0, 5))}`);
  }
});

test('schema 1.1.0: a report with unevaluated, warnings, origin, sourceType, remediation and a baseline validates; a bad baseline state does not', async () => {
  const { applyBaseline, baselineOf } = await import('../../src/report/baseline.js');
  const { buildReport } = await import('../../src/report/model.js');
  const { CONTROLS, FINDINGS, SOURCES, SKIPPED, UNEVALUATED, facts } = await import('./fixture.js');
  const { findings, summary } = applyBaseline(FINDINGS, baselineOf(FINDINGS.slice(0, 1)), 'b.json');
  const r = buildReport({ paths: ['infra'], params: {}, failOn: 'high', sources: SOURCES, skipped: SKIPPED, unevaluated: UNEVALUATED, findings, controls: CONTROLS, facts: facts(), baseline: summary });
  const json = JSON.parse(renderJson(r)) as { findings: Record<string, unknown>[]; unevaluated: Record<string, unknown>[] };
  const validate = validator();
  assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));
  assert.ok(json.findings.some((f) => f.baseline === 'new') && json.findings.some((f) => f.baseline === 'unchanged'));
  const bad = clone(json);
  bad.findings[0]!.baseline = 'accepted';
  assert.equal(validate(bad), false);
  const badU = clone(json);
  badU.unevaluated[0]!.reason = 'ignored';
  assert.equal(validate(badU), false);
});
