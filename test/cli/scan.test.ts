import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
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
  assert.ok(!rep.sources.some((s: { file: string }) => s.file.endsWith('notes.yaml')), 'a non-template YAML found while walking is not a source');
  assert.deepEqual(rep.skipped.filter((s: { file: string }) => s.file.endsWith('notes.yaml')).map((s: { reason: string }) => s.reason), ['not a CloudFormation template: no Resources with AWS:: types']);
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
  for (const s of ['--format', '--output', '--fail-on', '--param', '--params-file', '--allow-empty', 'Exit codes']) assert.ok(r.stdout.includes(s), s);
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
    ['json', (s: string) => JSON.parse(s).schemaVersion === '1.2.0'],
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
  // Derived from the catalogs: the requirements whose evidence lists this control, per framework.
  assert.deepEqual(rds.frameworks, {
    'cis-aws-5.0': ['2.2.1'],
    gdpr: ['Art.32(1)(a)', 'Art.5(1)(f)'],
    hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
    'nist-800-53-r5-moderate': ['CP-9', 'CP-9(8)', 'SC-13', 'SC-28', 'SC-28(1)'],
    'nist-csf-2.0': ['PR.DS-01'],
    'soc2-tsc-2017': ['CC6.1', 'CC6.7'],
  });
  assert.deepEqual(Object.keys(cat.frameworks), ['soc2-tsc-2017', 'hipaa', 'gdpr', 'nist-csf-2.0', 'cis-aws-5.0', 'nist-800-53-r5-moderate']);
  assert.equal(cat.frameworks['nist-800-53-r5-moderate'].version, 'Rev. 5.1.1, moderate baseline (NIST OSCAL resolved profile 5.1.1+u4)');
});

// ---------------------------------------------------------------- discovery: nothing skipped silently

type Rep = { sources: { file: string; errors: { line: number; column: number; message: string }[] }[]; skipped: { file: string; reason: string }[]; findings: { controlId: string; resource: { file: string } }[]; summary: { files: number; exitCode: number } };
const scanJson = (args: string[], cwd = dir) => { const r = spawnSync(process.execPath, [bin, 'scan', ...args, '--format', 'json', '--fail-on', 'none'], { cwd, encoding: 'utf8', timeout: 30_000 }); return { r, rep: JSON.parse(r.stdout) as Rep }; };

test('symbolic links inside the scanned folder are followed once, by real path; loops, duplicates and broken links are listed as skipped', () => {
  write('lnk/real/db.yaml', unencrypted);
  symlinkSync('real/db.yaml', join(dir, 'lnk/b-link.yaml'));
  symlinkSync('real', join(dir, 'lnk/a-dir'));
  symlinkSync('.', join(dir, 'lnk/loop'));
  symlinkSync('nowhere.yaml', join(dir, 'lnk/dangling.yaml'));
  const { r, rep } = scanJson(['lnk']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(rep.sources.map((s) => [s.file, s.errors.length]), [['lnk/real/db.yaml', 0]]);
  assert.equal(rep.findings.filter((f) => f.controlId === 'AT-RDS-001').length, 1, 'the real file is evaluated once');
  assert.deepEqual(rep.skipped, [
    { file: 'lnk/a-dir', reason: 'symbolic link to folder lnk/real, already scanned' },
    { file: 'lnk/b-link.yaml', reason: 'symbolic link to lnk/real/db.yaml, already scanned' },
    { file: 'lnk/dangling.yaml', reason: 'broken symbolic link: its target does not exist' },
    { file: 'lnk/loop', reason: 'symbolic link to folder lnk, already scanned' },
  ]);
});

test('a scanned root that is itself a link, and a link into another scanned root, are followed under the path the user gave', () => {
  write('roots/a/app.yaml', encrypted);
  write('roots/b/db.yaml', unencrypted);
  symlinkSync('../b/db.yaml', join(dir, 'roots/a/shared-db.yaml'));
  symlinkSync('roots/a', join(dir, 'a-link'));
  const { r, rep } = scanJson(['a-link']);
  assert.equal(r.status, 1, 'roots/b is outside the scanned folder: refused, fail closed');
  assert.deepEqual(rep.sources.map((s) => [s.file, s.errors.map((e) => e.message)]), [
    ['a-link/shared-db.yaml', ['symbolic link to roots/b/db.yaml, outside the scanned folder(s); it was not read. Scan its folder too (attest scan a-link roots/b) or replace the link with the file']],
    ['a-link/app.yaml', []],
  ]);
  const both = scanJson(['a-link', 'roots/b']);
  assert.equal(both.r.status, 0, both.r.stderr);
  assert.deepEqual(both.rep.sources.map((s) => [s.file, s.errors.length]), [['a-link/app.yaml', 0], ['roots/b/db.yaml', 0]]);
  assert.deepEqual(both.rep.skipped, [{ file: 'a-link/shared-db.yaml', reason: 'symbolic link to roots/b/db.yaml, already scanned' }]);
});

test('a link to a folder outside the scanned folder is an input error naming it (exit 1)', () => {
  write('elsewhere/db.yaml', unencrypted);
  mkdirSync(join(dir, 'outdir'), { recursive: true });
  symlinkSync('../elsewhere', join(dir, 'outdir/vendor'));
  const { r, rep } = scanJson(['outdir', '--allow-empty']);
  assert.equal(r.status, 1);
  assert.deepEqual(rep.sources, [{ file: 'outdir/vendor', format: 'unknown', resources: 0, errors: [{ line: 0, column: 0, message: 'symbolic link to elsewhere, outside the scanned folder(s); it was not read. Scan its folder too (attest scan outdir elsewhere) or replace the link with the folder' }] }]);
});

test('--exclude leaves a name anywhere or a path out of the walk, lists what it left out, and answers the link-outside error', () => {
  write('ex/app/db.yaml', unencrypted);
  write('ex/legacy/old/db.yaml', unencrypted);
  write('ex/app/db.generated.yaml', unencrypted);
  write('outside-build/db.yaml', unencrypted);
  symlinkSync('../outside-build', join(dir, 'ex/bazel-out'));
  const before = scanJson(['ex']);
  assert.equal(before.r.status, 1, 'the link out of the folder fails closed without --exclude');
  const { r, rep } = scanJson(['ex', '--exclude', 'bazel-*', '--exclude', 'ex/legacy/**', '--exclude', '*.generated.yaml']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(rep.sources.map((x) => [x.file, x.errors.length]), [['ex/app/db.yaml', 0]]);
  assert.deepEqual(rep.skipped.filter((x) => x.file.startsWith('ex/')), [
    { file: 'ex/app/db.generated.yaml', reason: 'excluded by --exclude *.generated.yaml' },
    { file: 'ex/bazel-out', reason: 'excluded by --exclude bazel-*' },
    { file: 'ex/legacy/old', reason: 'excluded by --exclude ex/legacy/**' },
  ]);
  // A named path is never excluded: the user asked for it.
  assert.deepEqual(scanJson(['ex/app/db.generated.yaml', '--exclude', '*.generated.yaml']).rep.sources.map((x) => x.file), ['ex/app/db.generated.yaml']);
});

test('a template with a NUL byte is an input error at the byte, in a folder as when named directly', () => {
  write('nul/db.yaml', 'Resources:\n  Db:\n    T\u0000ype: AWS::RDS::DBInstance\n');
  const expected = [{ line: 3, column: 6, message: 'file contains a NUL byte (binary data): not a template; remove the byte or the file' }];
  for (const target of ['nul', 'nul/db.yaml']) {
    const { r, rep } = scanJson([target]);
    assert.equal(r.status, 1, target);
    assert.deepEqual(rep.sources.map((s) => [s.file, s.errors]), [['nul/db.yaml', expected]], target);
  }
});

test('candidate files that are not templates are listed with the reason; the text summary counts them', () => {
  write('listed/db.yaml', encrypted);
  write('listed/notes.yaml', 'just: some config\n');
  write('listed/Makefile', 'all:\n\techo hi\n');
  write('listed/tool', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]).toString('latin1'));
  write('listed/readme.md', '# not a candidate\n');
  const { r, rep } = scanJson(['listed']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(rep.skipped, [
    { file: 'listed/Makefile', reason: 'not a CloudFormation template: no Resources with AWS:: types' },
    { file: 'listed/notes.yaml', reason: 'not a CloudFormation template: no Resources with AWS:: types' },
    { file: 'listed/tool', reason: 'binary file (contains a NUL byte), not named like a template' },
  ]);
  const text = spawnSync(process.execPath, [bin, 'scan', 'listed', '--fail-on', 'none'], { cwd: dir, encoding: 'utf8' });
  assert.match(text.stdout, /^3 candidate file\(s\) skipped; the reasons are in --format json \("skipped"\)\.$/m);
});

test('a folder with no infrastructure Attest reads says so first, lists what it skipped, and exits 1 unless --allow-empty', () => {
  write('none/main.bicep', "resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {}\n");
  write('none/vars.json', '{"region": "eu-west-1"}\n');
  write('none/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');
  const { r, rep } = scanJson(['none']);
  assert.equal(r.status, 1);
  assert.equal(rep.summary.files, 0);
  assert.equal(rep.summary.exitCode, 1);
  assert.deepEqual(rep.skipped, [
    { file: 'none/deploy.yaml', reason: 'a Kubernetes manifest, which Attest does not read' },
    { file: 'none/main.bicep', reason: 'Azure Bicep, which Attest does not read (it reads AWS infrastructure)' },
    { file: 'none/vars.json', reason: 'not a CloudFormation template: no Resources with AWS:: types' },
  ]);
  const text = spawnSync(process.execPath, [bin, 'scan', 'none'], { cwd: dir, encoding: 'utf8' });
  assert.equal(text.status, 1);
  assert.match(text.stderr, /^attest: no infrastructure files found under none; Attest reads CloudFormation templates[^\n]*\. Exit 1 \(pass --allow-empty to accept a scan that finds nothing\)\.\n/);
  assert.match(text.stdout, /^no infrastructure files found under none \(3 file\(s\) skipped, each with the reason, in the report's "skipped" list\); nothing was scanned\. Exit 1; pass --allow-empty to accept a scan that finds nothing\.$/m);
  const toFile = spawnSync(process.execPath, [bin, 'scan', 'none', '--output', join(dir, 'none-report.sarif')], { cwd: dir, encoding: 'utf8' });
  assert.equal(toFile.status, 1);
  assert.match(toFile.stderr, /\nattest: no infrastructure files found under none \(3 file\(s\) skipped[^\n]*\nattest: 0 file\(s\) \(3 skipped\), 0 resources/);
  const allowed = scanJson(['none', '--allow-empty']);
  assert.equal(allowed.r.status, 0, allowed.r.stderr);
  assert.equal(allowed.rep.summary.exitCode, 0);
  mkdirSync(join(dir, 'empty'), { recursive: true });
  assert.equal(scanJson(['empty']).r.status, 1);
});

test('a path that does not exist is reported before the report', () => {
  write('ok/t.yaml', 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n');
  const r = spawnSync(process.execPath, [bin, 'scan', 'missing-dir', 'ok', '--fail-on', 'none'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^attest: missing-dir: no such file or directory\n/);
});

test('Rules-section short tags parse', () => {
  write('rules/t.yaml', `Parameters:
  Env: { Type: String, Default: prod }
Rules:
  ProdSubnets:
    RuleCondition: !Equals [!Ref Env, prod]
    Assertions:
      - Assert: !EachMemberEquals [!ValueOfAll ['AWS::EC2::Subnet::Id', VpcId], vpc-1]
      - Assert: !Contains [[a, b], !ValueOf [Env, VpcId]]
      - Assert: !EachMemberIn [!RefAll 'AWS::EC2::VPC::Id', [vpc-1]]
Resources:
  B:
    Type: AWS::S3::Bucket
`);
  const { rep } = scanJson(['rules/t.yaml']);
  assert.deepEqual(rep.sources, [{ file: 'rules/t.yaml', format: 'cloudformation-yaml', resources: 1, errors: [] }]);
});

// ---------------------------------------------------------------- bounded reads

test('a FIFO, named or found in a folder, and /dev/zero are refused promptly as input errors', () => {
  mkdirSync(join(dir, 'fifo'), { recursive: true });
  const fifo = join(dir, 'fifo/pipe.yaml');
  execFileSync('mkfifo', [fifo]);
  for (const target of ['fifo/pipe.yaml', 'fifo']) {
    const { r, rep } = scanJson([target, '--allow-empty']);
    assert.equal(r.error, undefined, `${target}: the scan must not hang`);
    assert.equal(r.status, 1, target);
    assert.deepEqual(rep.sources, [{ file: 'fifo/pipe.yaml', format: 'unknown', resources: 0, errors: [{ line: 0, column: 0, message: 'not a regular file (it is a FIFO); name a template file or a folder' }] }], target);
  }
  const { r, rep } = scanJson(['/dev/zero', '--allow-empty']);
  assert.equal(r.error, undefined);
  assert.equal(r.status, 1);
  assert.deepEqual(rep.sources, [{ file: '/dev/zero', format: 'unknown', resources: 0, errors: [{ line: 0, column: 0, message: 'not a regular file (it is a character device); name a template file or a folder' }] }]);
});

// ---------------------------------------------------------------- closed stdout

function closedReader(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    // The reader goes away before the report is written, as `| head -c 100` does once it has its bytes.
    child.stdout.destroy();
    child.on('close', (code) => done({ code, stderr }));
  });
}

test('a closed stdout ends the command quietly with its own exit code', async () => {
  const scan = await closedReader(['scan', 'examples/', '--format', 'json', '--quiet']);
  assert.equal(scan.stderr, '');
  assert.equal(scan.code, 1, 'the example has high-severity failures: the gate still decides the exit code');
  const controls = await closedReader(['controls']);
  assert.equal(controls.stderr, '');
  assert.equal(controls.code, 0);
});

test('a standard output that cannot be written (a full disk) is an error with its cause, not a stack trace', () => {
  const full = openSync('/dev/full', 'w');
  try {
    write('full/db.yaml', encrypted);
    const r = spawnSync(process.execPath, [bin, 'scan', 'full', '--format', 'csv', '--fail-on', 'none'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
    assert.equal(r.status, 1, 'the report was not delivered: fail closed');
    assert.equal(r.stderr, 'attest: cannot write the report to standard output: ENOSPC\n');
  } finally { closeSync(full); }
});

test('the terminal report names a path error without a made-up position (a missing path has no line)', () => {
  const r = run(['scan', join(dir, 'no-such-folder'), '--format', 'text']);
  assert.equal(r.status, 1);
  assert.ok(r.stdout.split('\n').includes(`  ${join(dir, 'no-such-folder')}: no such file or directory`), r.stdout);
  assert.doesNotMatch(r.stdout, /no-such-folder:0:0/);
});

test('any command whose standard output cannot be written fails with the cause once, not exit 0', () => {
  const full = openSync('/dev/full', 'w');
  try {
    // The stream is watched so a closed reader cannot crash the process; a full disk must still fail.
    for (const args of [['controls'], ['--version'], ['scan', 'full', '--format', 'csv', '--fail-on', 'none']]) {
      write('full/db.yaml', encrypted);
      const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
      assert.equal(r.status, 1, args.join(' '));
      assert.equal(r.stderr, args[0] === 'scan' ? 'attest: cannot write the report to standard output: ENOSPC\n' : 'attest: cannot write to standard output: ENOSPC\n', args.join(' '));
    }
  } finally { closeSync(full); }
});
