import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'bin/attest.js');
const dir = mkdtempSync(join(tmpdir(), 'attest-ledger-cli-'));
const common = ['--db', join(dir, 'l.db'), '--keys', join(dir, 'keys')];
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [bin, 'ledger', ...args], { cwd: dir, encoding: 'utf8', ...(input !== undefined ? { input } : {}), env: { ...process.env, ATTEST_LEDGER_KEYS: '' } });

const ev = (i: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ actor: { id: `u${i % 3}`, type: 'user', email: `u${i % 3}@corp.example` }, action: i % 2 ? 'auth.login' : 'task.assign', outcome: 'success', tenant: 't1', metadata: { password: 'pw-' + i }, ...extra });

test('ledger CLI: append, query, checkpoint, verify, proof, export, erase — with exit codes', () => {
  writeFileSync(join(dir, 'ev.ndjson'), Array.from({ length: 12 }, (_, i) => ev(i + 1)).join('\n') + '\n');
  let r = run(['append', 'ev.ndjson', ...common]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /appended 12 records \(seq 1\.\.12\)/);

  // a bad line: exit 2, file:line and field named, nothing written
  writeFileSync(join(dir, 'bad.ndjson'), `${ev(1)}\n${ev(2, { outcome: 'perhaps' })}\n`);
  r = run(['append', 'bad.ndjson', ...common]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /bad\.ndjson:2: outcome: must be one of/);
  writeFileSync(join(dir, 'broken.ndjson'), `${ev(1)}\n{"actor":\n`);
  r = run(['append', 'broken.ndjson', ...common]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /broken\.ndjson:2: not valid JSON/);

  r = run(['query', '--format', 'json', '--action', 'auth', ...common]);
  assert.equal(r.status, 0, r.stderr);
  const page = JSON.parse(r.stdout) as { records: { seq: number; action: string }[] };
  assert.equal(page.records.length, 6);
  assert.ok(page.records.every((x) => x.action === 'auth.login'));
  assert.ok(!r.stdout.includes('pw-'), 'secrets must not come back');

  r = run(['checkpoint', '--out', 'cp.json', ...common]);
  assert.equal(r.status, 0, r.stderr);
  const cp = JSON.parse(readFileSync(join(dir, 'cp.json'), 'utf8'));
  assert.equal(cp.size, 12);

  r = run(['verify', '--checkpoint', 'cp.json', ...common]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /VERIFIED/);

  r = run(['proof', '5', '--out', 'p5.json', ...common]);
  assert.equal(r.status, 0, r.stderr);
  const pub = readdirPub();
  r = run(['verify-proof', 'p5.json', '--public-key', pub]);
  assert.equal(r.status, 0, r.stdout);
  const proof = JSON.parse(readFileSync(join(dir, 'p5.json'), 'utf8'));
  proof.record.body = proof.record.body.replace('"outcome":"success"', '"outcome":"denied"');
  writeFileSync(join(dir, 'p5-forged.json'), JSON.stringify(proof));
  r = run(['verify-proof', 'p5-forged.json', '--public-key', pub]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /FAILED/);

  r = run(['export', '--format', 'csv', '--out', 'out.csv', ...common]);
  assert.equal(r.status, 0, r.stderr);
  const csv = readFileSync(join(dir, 'out.csv'), 'utf8');
  assert.equal(csv.trim().split('\r\n').length, 13);
  assert.ok(!csv.includes('pw-') && !csv.includes('@corp.example'));

  r = run(['export', '--format', 'ndjson', '--bundle', 'bundle', ...common]);
  assert.equal(r.status, 0, r.stderr);
  for (const f of ['records.ndjson', 'checkpoint.json', 'public-key.pem', 'manifest.json', 'VERIFY.md']) assert.ok(existsSync(join(dir, 'bundle', f)), f);

  r = run(['erase-subject', 'u1', '--by', 'dpo', '--ticket', 'GDPR-1', ...common]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /from 4 records/);
  r = run(['verify', '--json', ...common]);
  assert.equal(r.status, 0, r.stdout);
  assert.equal(JSON.parse(r.stdout).personalData.erased, 4);

  // tampering: exit 1 and the first bad seq is named
  const db = new Database(join(dir, 'l.db'));
  db.exec('DROP TRIGGER records_no_update');
  db.prepare(`UPDATE records SET body = replace(body, 'task.assign', 'task.pause') WHERE seq = 4`).run();
  db.close();
  r = run(['verify', ...common]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /FAILED at seq 4/);

  // usage errors exit 2
  assert.equal(run(['frobnicate']).status, 2);
  assert.equal(run(['query', '--order', 'sideways', ...common]).status, 2);
  const noKeys = run(['verify', '--db', join(dir, 'l.db'), '--keys', join(dir, 'nokeys')]);
  assert.equal(noKeys.status, 2);
  assert.match(noKeys.stderr, /no ledger keys/);
});

function readdirPub(): string {
  const keysDir = join(dir, 'keys');
  const ring = JSON.parse(readFileSync(join(keysDir, 'keyring.json'), 'utf8'));
  return join(keysDir, `signing-${ring.signing.kid}.pub.pem`);
}
