/**
 * attest report and attest bundle create as a user meets them at the edges: a path that does
 * not exist is named (as attest scan names it), exit 2, nothing written; an unknown framework
 * lists the valid ids and suggests the closest; and, with a ledger, every report or bundle made
 * is a compliance.report.generated / compliance.bundle.generated record naming who made which
 * files (their SHA-256 and size), for which framework and period.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOGS } from '../../src/frameworks/index.js';
import { closestFrameworks, frameworkIds } from '../../src/compliance/frameworks.js';
import type { LedgerRecord } from '../../src/ledger/ledger.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'bin/attest.js');
const examples = join(root, 'examples/platform');
const dir = mkdtempSync(join(tmpdir(), 'attest-report-package-'));
const L = ['--db', join(dir, 'ledger.db'), '--keys', join(dir, 'keys')];
const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ATTEST_CONFIG: join(dir, 'none.json') }, ...(input !== undefined ? { input } : {}) });
const soc2 = CATALOGS.find((c) => c.framework === 'soc2-tsc')!;
const sha = (f: string) => createHash('sha256').update(readFileSync(join(dir, f))).digest('hex');
const size = (f: string) => readFileSync(join(dir, f)).length;

function generated(action: string): LedgerRecord[] {
  const r = run(['ledger', 'query', ...L, '--action', action, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  return (JSON.parse(r.stdout) as { records: LedgerRecord[] }).records.sort((a, b) => a.seq - b.seq);
}

test('a path that does not exist: named as attest scan names it, exit 2, nothing scanned or written', () => {
  const before = readdirSync(dir).sort();
  const r = run(['report', '--framework', 'soc2-tsc', '/nonexistent', '--out', 'r.json']);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, "attest: /nonexistent: no such file or directory\nRun 'attest --help' for usage.\n");
  // The same line attest scan prints for it.
  const scan = run(['scan', '/nonexistent', '-q', '--format', 'json']);
  assert.equal(scan.stderr.split('\n')[0], 'attest: /nonexistent: no such file or directory');
  // Every bad path is named, the good one is not; to standard output nothing either.
  const two = run(['report', '--framework', 'soc2-tsc', examples, '/nonexistent', 'missing-too']);
  assert.equal(two.status, 2);
  assert.equal(two.stdout, '');
  assert.equal(two.stderr, "attest: /nonexistent: no such file or directory\nattest: missing-too: no such file or directory\nRun 'attest --help' for usage.\n");
  // The bundle, which makes the same report, refuses it the same way.
  const b = run(['bundle', 'create', '--framework', 'soc2-tsc', '/nonexistent', ...L, '--out', 'b.zip']);
  assert.equal(b.status, 2);
  assert.equal(b.stderr, "attest: /nonexistent: no such file or directory\nRun 'attest --help' for usage.\n");
  assert.deepEqual(readdirSync(dir).sort(), before, 'no file was written (no report, no bundle, no ledger)');
});

test('an unknown framework: the valid ids listed and the closest suggested, exit 2', () => {
  const ids = frameworkIds().join(', ');
  const r = run(['report', '--framework', 'soc2', examples]);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, `attest: framework: "soc2" is not a framework; use one of ${ids}; did you mean soc2-tsc?\nRun 'attest --help' for usage.\n`);
  const nist = run(['report', '--framework', 'nist', examples]);
  assert.equal(nist.status, 2);
  assert.equal(nist.stderr, `attest: framework: "nist" is not a framework; use one of ${ids}; did you mean nist-csf or nist-800-53?\nRun 'attest --help' for usage.\n`);
  const far = run(['report', '--framework', 'iso27001', examples]);
  assert.equal(far.status, 2);
  assert.equal(far.stderr, `attest: framework: "iso27001" is not a framework; use one of ${ids}\nRun 'attest --help' for usage.\n`);
  // checklist resolves frameworks the same way.
  assert.match(run(['checklist', 'hippa', examples]).stderr, /; did you mean hipaa\?\n/);
});

test('closest framework: prefixes, typos and transpositions; nothing for what is not near any', () => {
  assert.deepEqual(closestFrameworks('soc2'), ['soc2-tsc']);
  assert.deepEqual(closestFrameworks('soc2-tcs'), ['soc2-tsc']);
  assert.deepEqual(closestFrameworks('soc2-tsc-2071'), [soc2.id]);
  assert.deepEqual(closestFrameworks('gdrp'), ['gdpr']);
  assert.deepEqual(closestFrameworks('hippa'), ['hipaa']);
  assert.deepEqual(closestFrameworks('cis'), ['cis-aws']);
  assert.deepEqual(closestFrameworks('nist-csf-2'), ['nist-csf-2.0']);
  assert.deepEqual(closestFrameworks('nope'), []);
  assert.deepEqual(closestFrameworks('pci'), []);
  assert.deepEqual(closestFrameworks(''), []);
});

test('with a ledger, each report made is a compliance.report.generated record: actor, framework, format, period, every file\'s SHA-256 and size', () => {
  let r = run(['ledger', 'append', '-', ...L], JSON.stringify({ actor: { id: 'alice', type: 'user' }, action: 'auth.login', outcome: 'success' }) + '\n');
  assert.equal(r.status, 0, r.stderr);
  const P = ['--from', '2020-01-01T00:00:00Z', '--to', '2030-01-01T00:00:00Z'];
  r = run(['report', '--framework', 'soc2-tsc', examples, ...L, ...P, '--out', 'soc2.json', '--actor', 'carol', '-q']);
  assert.equal(r.status, 0, r.stderr);
  r = run(['report', '--framework', 'soc2-tsc', examples, ...L, ...P, '--format', 'oscal', '--out', 'soc2.oscal.json', '--actor', 'dave', '-q']);
  assert.equal(r.status, 0, r.stderr);
  // Standard output: recorded as such, unsigned (nothing to put a signature beside).
  r = run(['report', '--framework', 'hipaa', examples, ...L, ...P, '--actor', 'erin', '-q']);
  assert.equal(r.status, 0, r.stderr);
  const stdoutSha = createHash('sha256').update(r.stdout).digest('hex');
  const kid = JSON.parse(readFileSync(join(dir, 'soc2.json.sig'), 'utf8')).keyId as string;

  const recs = generated('compliance.report.generated');
  assert.equal(recs.length, 3);
  const period = { from: '2020-01-01T00:00:00.000Z', to: '2030-01-01T00:00:00.000Z' };
  const view = (x: LedgerRecord) => ({ seq: x.seq, actor: x.actor, outcome: x.outcome, target: x.target, metadata: x.metadata });
  assert.deepEqual(recs.map(view), [
    {
      seq: 2, actor: { id: 'carol', type: 'user' }, outcome: 'success', target: { type: 'report_file', id: 'soc2.json' },
      metadata: { framework: soc2.id, format: 'json', artefacts: [{ name: 'soc2.json', sha256: sha('soc2.json'), bytes: size('soc2.json') }], period, signedBy: kid, by: { issuer: 'local', source: 'cli' } },
    },
    {
      seq: 3, actor: { id: 'dave', type: 'user' }, outcome: 'success', target: { type: 'report_file', id: 'soc2.oscal.json' },
      metadata: {
        framework: soc2.id, format: 'oscal',
        artefacts: [
          { name: 'soc2.oscal.json', sha256: sha('soc2.oscal.json'), bytes: size('soc2.oscal.json') },
          { name: 'soc2.oscal.json.catalog.json', sha256: sha('soc2.oscal.json.catalog.json'), bytes: size('soc2.oscal.json.catalog.json') },
        ],
        period, signedBy: kid, by: { issuer: 'local', source: 'cli' },
      },
    },
    {
      seq: 4, actor: { id: 'erin', type: 'user' }, outcome: 'success', target: { type: 'report_file', id: 'stdout' },
      metadata: { framework: 'hipaa', format: 'json', artefacts: [{ name: 'stdout', sha256: stdoutSha, bytes: Buffer.byteLength(r.stdout) }], period, by: { issuer: 'local', source: 'cli' } },
    },
  ]);
  // The signatures name the same hashes the records do.
  assert.equal(JSON.parse(readFileSync(join(dir, 'soc2.oscal.json.catalog.json.sig'), 'utf8')).sha256, sha('soc2.oscal.json.catalog.json'));
  // Without a ledger nothing is recorded (there is nowhere to record it).
  r = run(['report', '--framework', 'soc2-tsc', examples, '--out', 'plain.json', '-q']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(generated('compliance.report.generated').length, 3);
});

test('bundle create records compliance.bundle.generated with the zip\'s SHA-256 and size (and no report record of its own)', () => {
  const r = run(['bundle', 'create', '--framework', 'soc2-tsc', examples, ...L, '--out', 'b.zip', '--actor', 'frank', '-q']);
  assert.equal(r.status, 0, r.stderr);
  const recs = generated('compliance.bundle.generated');
  assert.equal(recs.length, 1);
  const rec = recs[0]!;
  const kid = JSON.parse(readFileSync(join(dir, 'soc2.json.sig'), 'utf8')).keyId as string;
  const manifest = JSON.parse(spawnSync('unzip', ['-p', join(dir, 'b.zip'), 'manifest.json'], { encoding: 'utf8' }).stdout);
  assert.deepEqual({ actor: rec.actor, target: rec.target, metadata: rec.metadata }, {
    actor: { id: 'frank', type: 'user' },
    target: { type: 'bundle_file', id: 'b.zip' },
    metadata: { framework: soc2.id, format: 'zip', artefacts: [{ name: 'b.zip', sha256: sha('b.zip'), bytes: size('b.zip') }], period: manifest.period, signedBy: kid, by: { issuer: 'local', source: 'cli' } },
  });
  // The record comes after the bundle: the bundle's records end before it.
  assert.equal(manifest.checkpoint.size, rec.seq - 1);
  assert.equal(generated('compliance.report.generated').length, 3);
});
