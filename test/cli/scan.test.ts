import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'bin/attest.js');
const run = (args: string[], cwd = root) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });

const dir = mkdtempSync(join(tmpdir(), 'attest-cli-'));
const write = (rel: string, text: string) => { const p = join(dir, rel); mkdirSync(join(p, '..'), { recursive: true }); writeFileSync(p, text); return p; };

const encrypted = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties: { StorageEncrypted: true, DeletionProtection: true }
`;
const unencrypted = `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      StorageEncrypted: false
`;

test('exit 0 when nothing fails at or above --fail-on, 1 when something does', () => {
  write('ok/db.yaml', encrypted);
  write('bad/db.yaml', unencrypted);
  const okRun = run(['scan', join(dir, 'ok'), '--format', 'json', '--fail-on', 'critical']);
  assert.equal(okRun.status, 0, okRun.stderr);
  const bad = run(['scan', join(dir, 'bad'), '--format', 'json']);
  assert.equal(bad.status, 1);
  const rep = JSON.parse(bad.stdout);
  const f = rep.findings.find((x: { controlId: string }) => x.controlId === 'AT-RDS-001');
  assert.equal(f.status, 'fail');
  assert.deepEqual(f.location, { file: f.location.file, line: 5, column: 7 });
  assert.match(f.location.file, /bad\/db\.yaml$/);
  assert.equal(run(['scan', join(dir, 'bad'), '--fail-on', 'none', '--format', 'json']).status, 0);
});

test('an unreadable template is reported with file, line and column; the other files are still scanned; exit 1', () => {
  write('mixed/good.yaml', encrypted);
  write('mixed/broken.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: {StorageEncrypted: true\n');
  write('mixed/notes.yaml', 'just: some config\n');
  const r = run(['scan', join(dir, 'mixed'), '--format', 'json', '--fail-on', 'none']);
  assert.equal(r.status, 1, 'fail closed: a broken template must not pass the gate');
  const rep = JSON.parse(r.stdout);
  const broken = rep.sources.find((s: { file: string }) => s.file.endsWith('broken.yaml'));
  assert.ok(broken.errors.length >= 1);
  assert.ok(broken.errors[0].line >= 5 && broken.errors[0].column >= 1, JSON.stringify(broken.errors));
  assert.ok(rep.findings.some((f: { resource: { file: string } }) => f.resource.file.endsWith('good.yaml')), 'good.yaml was still scanned');
  assert.ok(!rep.sources.some((s: { file: string }) => s.file.endsWith('notes.yaml')), 'a non-template YAML found while walking is skipped');
});

test('usage errors exit 2 with a message', () => {
  const r = run(['scan', '--format', 'pdfx']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--format must be one of/);
  assert.equal(run(['scan', '--fail-on', 'severe']).status, 2);
  assert.equal(run(['scan', '--bogus']).status, 2);
  assert.equal(run(['frobnicate']).status, 2);
  assert.equal(run(['scan', '--param', 'novalue']).status, 2);
});

test('--help documents options and exit codes', () => {
  const r = run(['scan', '--help']);
  assert.equal(r.status, 0);
  for (const s of ['--format', '--output', '--fail-on', '--param', '--params-file', 'Exit codes']) assert.ok(r.stdout.includes(s), s);
  assert.equal(run(['--help']).status, 0);
});

test('--param and --params-file decide values a template leaves to deploy time', () => {
  const p = write('params/db.yaml', 'Parameters:\n  Enc: { Type: String }\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: { StorageEncrypted: !Ref Enc }\n');
  const status = (args: string[]) => JSON.parse(run(['scan', p, '--format', 'json', '--fail-on', 'none', ...args]).stdout).findings.find((f: { controlId: string }) => f.controlId === 'AT-RDS-001');
  const u = status([]);
  assert.equal(u.status, 'unknown');
  assert.deepEqual(u.dependsOn, ['Enc']);
  assert.equal(status(['--param', 'Enc=true']).status, 'pass');
  const pf = write('params/p.json', '[{"ParameterKey":"Enc","ParameterValue":"false"}]');
  assert.equal(status(['--params-file', pf]).status, 'fail');
});

test('every format is written; output file and format inference', () => {
  write('fmt/db.yaml', unencrypted);
  for (const [fmt, check] of [
    ['json', (s: string) => JSON.parse(s).schemaVersion === '1.0.0'],
    ['sarif', (s: string) => JSON.parse(s).version === '2.1.0'],
    ['junit', (s: string) => s.includes('<testsuites')],
    ['csv', (s: string) => s.startsWith('controlId,')],
    ['markdown', (s: string) => s.includes('AT-RDS-001')],
    ['html', (s: string) => s.startsWith('<!DOCTYPE html>') || s.startsWith('<!doctype html>')],
  ] as const) {
    const r = run(['scan', join(dir, 'fmt'), '--format', fmt, '--fail-on', 'none']);
    assert.equal(r.status, 0, `${fmt}: ${r.stderr}`);
    assert.ok(check(r.stdout), `${fmt} output looks wrong`);
  }
  const out = join(dir, 'report.sarif');
  const r = run(['scan', join(dir, 'fmt'), '--output', out, '--fail-on', 'none']);
  assert.equal(r.status, 0);
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).version, '2.1.0');
  assert.match(r.stderr, /Report written to/);
});

test('NoEcho parameter values never appear in any output', () => {
  const p = write('secret/db.yaml', 'Parameters:\n  Pw: { Type: String, NoEcho: true }\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: true\n      MasterUserPassword: !Ref Pw\n');
  for (const fmt of ['json', 'sarif', 'csv', 'markdown', 'html', 'junit', 'text']) {
    const r = run(['scan', p, '--format', fmt, '--fail-on', 'none', '--param', 'Pw=Sup3rS3cretValue!']);
    assert.ok(!r.stdout.includes('Sup3rS3cretValue'), `${fmt} leaks the NoEcho value`);
    assert.ok(!r.stderr.includes('Sup3rS3cretValue'), `${fmt} leaks the NoEcho value on stderr`);
  }
});

test('controls --format json lists the catalog with references and frameworks', () => {
  const r = run(['controls', '--format', 'json']);
  assert.equal(r.status, 0);
  const cat = JSON.parse(r.stdout);
  assert.ok(cat.controls.length >= 2);
  const rds = cat.controls.find((c: { id: string }) => c.id === 'AT-RDS-001');
  assert.deepEqual(rds.references.trivy, ['AVD-AWS-0080']);
  assert.ok(rds.frameworks['nist-800-53-r5'].length > 0, 'guard-derived NIST mapping');
});
