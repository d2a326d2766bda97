import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, scanPaths } from '../../src/engine/scan.js';
import { loadText, displayPath } from '../../src/sources/cloudformation/load.js';
import { CONTROLS } from '../../src/controls/index.js';
import { buildReport } from '../../src/report/model.js';
import { domainFacts, extractFacts, unavailableFacts } from '../../src/facts/index.js';
import rdsStorageEncrypted from '../../src/controls/data-protection/rdsStorageEncrypted.js';

const DB = 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: false\n';

function dir(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'attest-contain-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

test('a file whose Fn::Sub explodes is reported with its error; the other files are scanned and the run exits 1', () => {
  let boom = 'Parameters:\n  P: { Type: String, Default: "' + 'x'.repeat(1000) + '" }\nResources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName:\n';
  let inner = '!Ref P';
  for (let i = 0; i < 30; i++) inner = `!Sub ["\${A}\${A}", { A: ${inner} }]`;
  boom += '        ' + inner + '\n';
  const d = dir({ 'a-boom.yaml': boom, 'b-db.yaml': DB });
  const r = scanPaths([d], { controls: CONTROLS, today: '2026-01-01' });
  const bySource = new Map(r.sources.map((s) => [s.file.split('/').pop(), s.errors.map((e) => e.message)]));
  assert.deepEqual(bySource.get('a-boom.yaml'), ['Fn::Sub resolves to 2,048,000 characters, over the limit of 1,048,576 for one value (1 MiB, the size of the largest template CloudFormation accepts); the value is left unknown']);
  assert.deepEqual(bySource.get('b-db.yaml'), []);
  const db = r.findings.find((f) => f.controlId === 'AT-RDS-001')!;
  assert.deepEqual([db.status, db.resource.id, db.location.line], ['fail', 'Db', 5]);
  const report = buildReport({ paths: [d], params: {}, failOn: 'none', sources: r.sources, findings: r.findings, controls: CONTROLS, facts: extractFacts(r.graph) });
  assert.equal(report.summary.exitCode, 1);
});

test('an exception while loading one file becomes a source error of that file, at line 1, without a stack trace', () => {
  const d = dir({ 'a.yaml': 'Parameters:\n  Trap: { Type: String }\n' + DB, 'b.yaml': DB });
  // A parameter source that throws stands for any defect in reading one template.
  const params = Object.defineProperty({}, 'Trap', { enumerable: true, get() { throw new Error('parameter store exploded'); } }) as Record<string, string>;
  const r = scanPaths([d], { controls: [rdsStorageEncrypted], params, today: '2026-01-01' });
  const a = r.sources.find((s) => s.file.endsWith('a.yaml'))!;
  assert.deepEqual(a.errors, [{
    file: displayPath(join(d, 'a.yaml')), line: 1, column: 1,
    message: 'Attest could not scan this file (parameter store exploded); this is a defect in Attest, please report it. The file is left out of the results.',
  }]);
  assert.deepEqual(r.findings.map((f) => [f.resource.file.split('/').pop(), f.status]), [['b.yaml', 'fail']]);
});

test('an exception while evaluating one resource becomes a source error at the resource; the other resources are evaluated', () => {
  const l = loadText('Resources:\n  Bad:\n    Type: AWS::RDS::DBInstance\n  Good:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: true\n', 'c.yaml', true, {});
  const bad = l.template!.resources.get('Bad')!;
  Object.defineProperty(bad, 'metadata', { get() { throw new Error('metadata exploded'); } });
  const { findings } = evaluate([l.template!], [l.source!], { controls: [rdsStorageEncrypted], today: '2026-01-01' });
  assert.deepEqual(findings.map((f) => [f.resource.id, f.status]), [['Good', 'pass']]);
  assert.deepEqual(l.source!.errors, [{
    file: 'c.yaml', line: 2, column: 3,
    message: 'Attest could not evaluate resource Bad (metadata exploded); this is a defect in Attest, please report it. Its findings are left out of the results.',
  }]);
});

test('a domain whose facts cannot be built says so in its place; the other domains keep theirs and the run exits 1', () => {
  const r = scanPaths([dir({ 'db.yaml': DB })], { controls: CONTROLS, today: '2026-01-01' });
  const facts = extractFacts(r.graph);
  // Fault injection: one domain's inventory throws, as a defect in Attest would.
  facts.network = domainFacts('network', () => {
    throw new TypeError("Cannot read properties of undefined (reading 'CidrIp')");
  });
  assert.deepEqual(facts.network, { unavailable: "the network facts could not be extracted (Cannot read properties of undefined (reading 'CidrIp')); this is a defect in Attest, please report it" });
  assert.deepEqual(unavailableFacts(facts), [facts.network['unavailable']]);
  assert.deepEqual(unavailableFacts(extractFacts(r.graph)), []);
  const base = { paths: ['.'], params: {}, failOn: 'none' as const, sources: r.sources, findings: r.findings, controls: CONTROLS };
  assert.equal(buildReport({ ...base, facts: extractFacts(r.graph) }).summary.exitCode, 0);
  const report = buildReport({ ...base, facts });
  assert.equal(report.summary.exitCode, 1);
  assert.deepEqual(report.domains.find((d) => d.id === 'data-protection')!.facts, extractFacts(r.graph)['data-protection']);
});
