// attest scan in CI: several outputs in one run, colour, baselines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'bin/attest.js');
const dir = mkdtempSync(join(tmpdir(), 'attest-ci-'));
const run = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', ...env } });
const write = (rel: string, text: string) => { const p = join(dir, rel); mkdirSync(join(p, '..'), { recursive: true }); writeFileSync(p, text); return p; };

const db = (name: string, encrypted: boolean, pad = '') => `${pad}  ${name}:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    Properties: { StorageEncrypted: ${encrypted}, DeletionProtection: true }
`;
write('infra/db.yaml', `Resources:\n${db('Old', false)}`);

test('several outputs in one run: text on standard output, SARIF and JUnit to files', () => {
  const r = run(['scan', 'infra', '--format', 'text', '--output', 'sarif=out/r.sarif'.replace('out/', ''), '--output', 'junit=junit.xml']);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^Attest compliance report/);
  assert.match(r.stdout, /Failing controls, most severe first:\n\s+1\. AT-RDS-001\s+high\s+×1/);
  assert.match(r.stdout, /\n\s+fix: Set StorageEncrypted: true/);
  assert.equal(JSON.parse(readFileSync(join(dir, 'r.sarif'), 'utf8')).version, '2.1.0');
  assert.match(readFileSync(join(dir, 'junit.xml'), 'utf8'), /<testsuites /);
  // only files: standard output stays empty and the outcome goes to stderr with the ranking
  const files = run(['scan', 'infra', '--output', 'json=r.json', '--output', 'md=x'.replace('md', 'markdown')]);
  assert.equal(files.stdout, '');
  assert.match(files.stderr, /attest: 1 file\(s\).*exit 1/);
  assert.match(files.stderr, /Failing controls, most severe first:/);
  assert.match(files.stderr, /Report written to r\.json \(json\)\.\nReport written to x \(markdown\)\./);
  assert.ok(existsSync(join(dir, 'x')));
  assert.equal(run(['scan', 'infra', '--format', 'text', '--output', 'json']).status, 2);
});

test('colour: never when standard output is not a terminal, nor with --no-color / NO_COLOR', () => {
  // A pipe is not a terminal; the terminal case is covered by useColor's unit test.
  for (const r of [run(['scan', 'infra']), run(['scan', 'infra', '--no-color']), run(['scan', 'infra'], { NO_COLOR: '1' })]) {
    assert.equal(r.status, 1);
    assert.doesNotMatch(r.stdout, /\x1b\[/);
  }
  const help = run(['scan', '--help']).stdout;
  for (const opt of ['--no-color', 'NO_COLOR', '--output FORMAT=FILE', '--baseline FILE', '--baseline-write FILE', '--ignore-file FILE', '.attestignore.yaml']) assert.ok(help.includes(opt), opt);
});

test('--baseline-write then --baseline: accepted failures pass the gate, a new one fails it, a moved one stays accepted', () => {
  const w = run(['scan', 'infra', '--format', 'json', '--baseline-write', 'base.json']);
  assert.equal(w.status, 1, 'writing a baseline does not change the exit code');
  const failing = JSON.parse(w.stdout).summary.byStatus.fail as number;
  assert.ok(failing >= 1);
  assert.match(w.stderr, new RegExp(`baseline of ${failing} failing finding\\(s\\) written to base\\.json`));
  const base = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')) as { version: number; findings: { controlId: string; resourceId: string; file: string; count: number }[] };
  assert.equal(base.version, 1);
  assert.equal(base.findings.reduce((n, e) => n + e.count, 0), failing);
  assert.deepEqual(base.findings.find((e) => e.controlId === 'AT-RDS-001'), { controlId: 'AT-RDS-001', resourceId: 'Old', file: 'infra/db.yaml', count: 1 });
  assert.deepEqual(base.findings.map((e) => e.controlId), [...base.findings.map((e) => e.controlId)].sort(), 'one file, one resource: sorted by control');

  const ok = run(['scan', 'infra', '--format', 'json', '--baseline', 'base.json']);
  assert.equal(ok.status, 0, ok.stderr);
  const rep = JSON.parse(ok.stdout);
  assert.deepEqual(rep.baseline, { file: 'base.json', accepted: failing, new: 0, resolved: 0 });
  assert.equal(rep.findings.find((f: { controlId: string; status: string }) => f.controlId === 'AT-RDS-001' && f.status === 'fail').baseline, 'unchanged');

  // lines moved by an edit above the resource: still the same finding
  write('infra/db.yaml', `Description: an edit that moves every line\nParameters:\n  X: { Type: String }\nResources:\n${db('Old', false)}`);
  assert.equal(run(['scan', 'infra', '--baseline', 'base.json']).status, 0);

  // a new failing resource fails the gate; the text says what the baseline accepted
  write('infra/db.yaml', `Resources:\n${db('Old', false)}${db('New', false)}`);
  const bad = run(['scan', 'infra', '--baseline', 'base.json']);
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, new RegExp(`Baseline base\\.json: ${failing} failing finding\\(s\\) accepted, ${failing} new; 0 it records no longer fail`));
  assert.match(bad.stdout, /FAIL \(baseline\) high\s+AT-RDS-001 Old:/);
  assert.match(bad.stdout, /FAIL high\s+AT-RDS-001 New:/);

  // fixing the accepted one: resolved
  write('infra/db.yaml', `Resources:\n${db('Old', true)}`);
  const fixed = JSON.parse(run(['scan', 'infra', '--format', 'json', '--baseline', 'base.json']).stdout);
  assert.deepEqual(fixed.baseline, { file: 'base.json', accepted: failing - 1, new: 0, resolved: 1 });
  write('infra/db.yaml', `Resources:\n${db('Old', false)}`);
});

test('--baseline that cannot be used is a usage error (exit 2), not a silent pass', () => {
  const missing = run(['scan', 'infra', '--baseline', 'nope.json']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /--baseline nope\.json: cannot read it \(ENOENT\); create it with --baseline-write/);
  write('bad.json', '{"version":1,"findings":[{"controlId":"AT-RDS-001"}]}');
  const bad = run(['scan', 'infra', '--baseline', 'bad.json']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /bad\.json: findings\[0\]\.resourceId must be a non-empty string/);
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('.attestignore.yaml in the scanned folder suppresses with its reason; an expired entry is reported and stops applying', () => {
  write('ign/db.yaml', `Resources:\n${db('Old', false)}`);
  write('ign/.attestignore.yaml', `ignore:\n  - control: AT-RDS-001\n    resource: Ol?\n    file: "*.yaml"\n    reason: migrating to the encrypted copy (SEC-7)\n    expires: ${day(30)}\n`);
  const r = run(['scan', 'ign', '--format', 'json', '--fail-on', 'high']);
  const rep = JSON.parse(r.stdout);
  const f = rep.findings.find((x: { controlId: string }) => x.controlId === 'AT-RDS-001');
  assert.equal(f.status, 'suppressed');
  assert.deepEqual(f.suppression, { source: 'ignore-file', reason: 'migrating to the encrypted copy (SEC-7)', expires: day(30), file: 'ign/.attestignore.yaml', line: 2, column: 5 });
  assert.equal(rep.ignores.suppressed, 1);
  assert.ok(!rep.findings.some((x: { status: string; severity: string }) => x.status === 'fail' && (x.severity === 'high' || x.severity === 'critical')));
  assert.equal(r.status, 0, r.stderr);

  write('ign/.attestignore.yaml', `ignore:\n  - control: AT-RDS-001\n    reason: migrating\n    expires: ${day(-1)}\n`);
  const old = run(['scan', 'ign']);
  assert.equal(old.status, 1, 'an expired ignore no longer keeps the gate green');
  assert.match(old.stdout, new RegExp(`Ignore file\\(s\\) ign/\\.attestignore\\.yaml: 1 entry, 0 finding\\(s\\) suppressed, 1 expired\\n  expired ${day(-1)}: ign/\\.attestignore\\.yaml:2:5 AT-RDS-001: migrating — 1 finding\\(s\\) no longer suppressed`));
});

test('--ignore-file replaces the default; a malformed entry is a usage error at file:line:column naming the field', () => {
  write('ign2/db.yaml', `Resources:\n${db('Old', false)}`);
  write('ign2/.attestignore.yaml', `ignore:\n  - control: AT-RDS-001\n    reason: default file\n    expires: ${day(10)}\n`);
  write('other.yaml', `ignore:\n  - control: AT-RDS-001\n    reason: named file\n    expires: ${day(10)}\n`);
  const named = JSON.parse(run(['scan', 'ign2', '--format', 'json', '--ignore-file', 'other.yaml']).stdout);
  // other.yaml sits in the working directory, so ign2/db.yaml is below it and its entry applies
  assert.equal(named.findings.find((x: { controlId: string }) => x.controlId === 'AT-RDS-001').suppression.reason, 'named file');
  assert.deepEqual(named.ignores.files, ['other.yaml']);

  write('ign2/.attestignore.yaml', `ignore:\n  - control: AT-RDS-001\n    reason: too long\n    expires: ${day(800)}\n  - control: AT-RDS-001\n    expires: ${day(5)}\n`);
  const bad = run(['scan', 'ign2']);
  assert.equal(bad.status, 2);
  assert.ok(bad.stderr.includes(`ign2/.attestignore.yaml:4:14: ignore[0].expires: ${day(800)} is more than a year ahead`), bad.stderr);
  assert.ok(bad.stderr.includes('ign2/.attestignore.yaml:5:5: ignore[1].reason: is required'), bad.stderr);
  assert.equal(bad.stdout, '', 'no report from a run whose ignore file cannot be trusted');
  const missing = run(['scan', 'ign2', '--ignore-file', 'nope.yaml']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /nope\.yaml: cannot read the ignore file \(ENOENT\)/);
});
