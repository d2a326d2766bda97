/**
 * attest report end to end on examples/, as an auditor receives it: with a populated ledger
 * (an attested policy, audit records including denials, a key rotation), the report carries
 * the disclaimer, the score with the gaps first, the audit log of the period anchored to a
 * signed checkpoint, the principals seen, the encryption status and the attested policy; its
 * detached signature verifies offline and fails on a changed byte or an unpinned key.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOGS } from '../../src/frameworks/index.js';
import { REPORT_DISCLAIMER, type FrameworkReport } from '../../src/compliance/framework-report.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'bin/attest.js');
const examples = join(root, 'examples/platform');
const dir = mkdtempSync(join(tmpdir(), 'attest-report-'));
const L = ['--db', join(dir, 'ledger.db'), '--keys', join(dir, 'keys')];
const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ATTEST_CONFIG: join(dir, 'none.json') }, ...(input !== undefined ? { input } : {}) });
const soc2 = CATALOGS.find((c) => c.framework === 'soc2-tsc')!;
const manual = soc2.requirements.find((r) => r.evidence.manual)!;

test('report --framework: the auditor\'s JSON with the gaps first, the audit log anchored to a checkpoint, signed and verifiable offline', () => {
  writeFileSync(join(dir, 'policy.txt'), 'Information security policy, approved 2026-11-01.\n');
  let r = run(['evidence', 'add', ...L, '--framework', soc2.id, '--requirement', manual.id, '--statement', 'Approved by the board.', '--file', join(dir, 'policy.txt'), '--actor', 'carol']);
  assert.equal(r.status, 0, r.stderr);
  const events = [
    { actor: { id: 'alice', type: 'user' }, action: 'auth.login', outcome: 'success' },
    { actor: { id: 'mallory', type: 'user' }, action: 'auth.login', outcome: 'denied' },
    { actor: { id: 'mallory', type: 'user' }, action: 'auth.login', outcome: 'denied' },
    { actor: { id: 'deployer', type: 'service' }, action: 'deploy.run', outcome: 'success' },
  ];
  r = run(['ledger', 'append', '-', ...L], events.map((e) => JSON.stringify(e)).join('\n') + '\n');
  assert.equal(r.status, 0, r.stderr);
  r = run(['ledger', 'keys', 'rotate', '--signing', '--by', 'sec-officer', ...L]);
  assert.equal(r.status, 0, r.stderr);

  r = run(['report', '--framework', 'soc2-tsc', examples, ...L, '--out', 'soc2.json', '--since', '30d']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /Report written to soc2\.json, signed in soc2\.json\.sig \(key s2-/);
  assert.match(r.stderr, /Self-reported compliance\. Third-party audit required\./);
  const rep = JSON.parse(readFileSync(join(dir, 'soc2.json'), 'utf8')) as FrameworkReport;
  assert.equal(rep.format, 'attest-framework-report/v1');
  assert.equal(rep.disclaimer, REPORT_DISCLAIMER);
  assert.equal(rep.framework.id, soc2.id);
  // Gaps first, worst first; never a met requirement among them.
  const order = ['not_met', 'expired', 'partially_met', 'unknown', 'not_started', 'excepted'];
  assert.ok(rep.gaps.length > 0);
  assert.deepEqual(rep.gaps.map((g) => order.indexOf(g.status)), [...rep.gaps.map((g) => order.indexOf(g.status))].sort((a, b) => a - b));
  assert.ok(rep.gaps.every((g) => g.status !== 'met' && g.status !== 'not_applicable'));
  assert.equal(rep.summary.score.numerator, rep.requirements.filter((q) => q.status === 'met').length);
  // A known gap of the example: the uploads bucket is not KMS-encrypted (AT-S3-003), evidence located.
  const cc61 = rep.requirements.find((q) => q.id === 'CC6.1')!;
  assert.equal(cc61.status, 'not_met');
  assert.ok(cc61.reasons.some((x) => /AT-S3-003 fails on UploadsBucket \(.*audit\.yaml:\d+\)/.test(x)), cc61.reasons.join('\n'));
  // The audit log of the period: the evidence record, the four events, the rotation.
  const log = rep.auditLog!;
  assert.equal(log.records, 6);
  assert.deepEqual(log.byCategory['auth'], { success: 1, denied: 2 });
  assert.deepEqual(log.denials, { records: 2, actors: 1 });
  assert.deepEqual(log.principals, { user: 4, service: 1 });
  assert.equal(log.verification.ok, true);
  assert.equal(log.checkpoint.size, 6);
  assert.ok(rep.scope.ledger?.origin.startsWith('attest-ledger/'));
  // Encryption status and the attested policy.
  const s3 = rep.encryption.find((e) => e.control === 'AT-S3-003')!;
  assert.ok(s3.fail >= 1);
  assert.deepEqual(rep.policies.map((p) => [p.requirement, p.attestedBy, p.files.map((f) => f.name)]), [[manual.id, 'carol', ['policy.txt']]]);

  // Verify: with the key inside, with the pinned current key, not with another key; a changed byte fails.
  r = run(['report', 'verify', 'soc2.json']);
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stdout, /^VERIFIED: soc2\.json \(SHA-256 [0-9a-f]{64}\) was signed at .* by key s2-/);
  const keysDir = join(dir, 'keys');
  const ring = JSON.parse(readFileSync(join(keysDir, 'keyring.json'), 'utf8'));
  const current = join(keysDir, `signing-${ring.signing.kid}.pub.pem`);
  const retired = join(keysDir, readdirSync(keysDir).find((f) => f.endsWith('.pub.pem') && !f.includes(ring.signing.kid))!);
  assert.equal(run(['report', 'verify', 'soc2.json', '--public-key', current]).status, 0);
  r = run(['report', 'verify', 'soc2.json', '--public-key', retired]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /FAILED: soc2\.json: signed by a different key than the one\(s\) you pinned/);
  const bytes = readFileSync(join(dir, 'soc2.json'));
  bytes[bytes.length - 3] ^= 0x01;
  writeFileSync(join(dir, 'changed.json'), bytes);
  r = run(['report', 'verify', 'changed.json', '--signature', 'soc2.json.sig']);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /it was changed after signing/);
});

test('report without a ledger: no audit log, not signed, and it says so; an unknown format is refused', () => {
  const r = run(['report', '--framework', 'hipaa', examples, '--out', 'hipaa.json', '-q']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(existsSync(join(dir, 'hipaa.json.sig')), false);
  const rep = JSON.parse(readFileSync(join(dir, 'hipaa.json'), 'utf8')) as FrameworkReport;
  assert.equal(rep.auditLog, undefined);
  assert.ok(rep.scope.notes.some((n) => /No ledger was read .* the report is not signed/.test(n)));
  assert.equal(rep.disclaimer, REPORT_DISCLAIMER);
  const x = run(['report', '--framework', 'hipaa', examples, '--format', 'xml']);
  assert.equal(x.status, 2);
  assert.match(x.stderr, /--format must be json, pdf or oscal/);
  // OSCAL without a ledger: written, unsigned, and the notes travel in the metadata remarks.
  const o = run(['report', '--framework', 'hipaa', examples, '--format', 'oscal', '--out', 'hipaa.oscal.json', '-q']);
  assert.equal(o.status, 0, o.stderr);
  assert.equal(existsSync(join(dir, 'hipaa.oscal.json.sig')), false);
  const ar = JSON.parse(readFileSync(join(dir, 'hipaa.oscal.json'), 'utf8'))['assessment-results'];
  assert.match(ar.metadata.remarks, /No ledger was read/);
  assert.ok(existsSync(join(dir, 'hipaa.oscal.json.catalog.json')));
  assert.equal(run(['report', '--framework', 'nope', examples]).status, 2);
  assert.equal(run(['report', 'verify', 'hipaa.json']).status, 2, 'no signature file: a usage error naming it');
});
