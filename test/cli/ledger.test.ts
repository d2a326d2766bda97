import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

test('ledger CLI: archive, verify --archive, retention show/apply, erase-subject --archive, proof --archive', () => {
  const d = mkdtempSync(join(tmpdir(), 'attest-archive-cli-'));
  const c = ['--db', join(d, 'l.db'), '--keys', join(d, 'keys')];
  const go = (args: string[]) => spawnSync(process.execPath, [bin, 'ledger', ...args], { cwd: d, encoding: 'utf8', env: { ...process.env, ATTEST_LEDGER_KEYS: '' } });
  writeFileSync(join(d, 'a.ndjson'), Array.from({ length: 6 }, (_, i) => ev(i + 1)).join('\n') + '\n');
  writeFileSync(join(d, 'b.ndjson'), Array.from({ length: 4 }, (_, i) => ev(i + 7)).join('\n') + '\n');
  assert.equal(go(['append', 'a.ndjson', ...c]).status, 0);
  assert.equal(go(['append', 'b.ndjson', ...c]).status, 0);
  let r = go(['query', '--format', 'json', '--order', 'asc', '--limit', '10', ...c]);
  const ts7 = (JSON.parse(r.stdout) as { records: { seq: number; ts: string }[] }).records.find((x) => x.seq === 7)!.ts;

  r = go(['archive', ...c]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--out FILE/);
  r = go(['archive', '--out', 'old.ndjson', ...c]); // default: older than 365 days: nothing
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /nothing older than/);
  r = go(['archive', '--before', ts7, '--out', 'arch-1.ndjson', ...c]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /archived records 1\.\.6/);

  r = go(['verify', ...c]);
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stdout, /archived: records 1\.\.6; the database's chain starts at 7/);
  r = go(['verify', '--archive', 'arch-1.ndjson', ...c]);
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stdout, /archive arch-1\.ndjson: records 1\.\.6, 6 checked, 0 expired: ok/);

  r = go(['proof', '2', ...c]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /archived/);
  r = go(['proof', '2', '--archive', 'arch-1.ndjson', '--out', 'p2.json', ...c]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(go(['verify-proof', 'p2.json', '--public-key', pubKey(d)]).status, 0);

  r = go(['retention', 'show', ...c]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /auth\s+1y/);
  assert.match(r.stdout, /\* \(every other category\)\s+7y/);
  r = go(['retention', 'apply', '--archive', 'arch-1.ndjson', '--now', '2199-01-01', ...c]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /arch-1\.ndjson: 6 records expired now \(auth 3, \* 3\), 0 before, 0 kept/);
  r = go(['verify', '--archive', 'arch-1.ndjson', ...c]);
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stdout, /0 checked, 6 expired \(rewritten since it was archived/);

  // erasure reaches the archives; the second archive keeps u1's personal data until then
  r = go(['archive', '--older-than', '0s', '--out', 'arch-2.ndjson', ...c]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /archived records 7\.\.10/);
  assert.ok(readFileSync(join(d, 'arch-2.ndjson'), 'utf8').includes('u1@corp.example'));
  r = go(['erase-subject', 'u1', '--by', 'dpo', '--archive', 'arch-2.ndjson', ...c]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /from 0 records and 2 archived records in 1 archive file/);
  assert.ok(!readFileSync(join(d, 'arch-2.ndjson'), 'utf8').includes('u1@corp.example'));

  // a gap and a tampered archive: exit 1, seq named
  r = go(['verify', '--archive', 'arch-2.ndjson', '--archive', 'arch-1.ndjson', ...c]);
  assert.equal(r.status, 0, r.stdout);
  const lines = readFileSync(join(d, 'arch-2.ndjson'), 'utf8').trim().split('\n');
  const rec = JSON.parse(lines[2]!) as { seq: number; body: string };
  rec.body = rec.body.replace('"outcome":"success"', '"outcome":"denied"');
  lines[2] = JSON.stringify(rec);
  writeFileSync(join(d, 'arch-2.ndjson'), lines.join('\n') + '\n');
  r = go(['verify', '--archive', 'arch-1.ndjson', '--archive', 'arch-2.ndjson', ...c]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, new RegExp(`FAILED at seq ${rec.seq}`));
  r = go(['retention', 'apply', '--archive', 'arch-2.ndjson', ...c]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, new RegExp(`does not verify at seq ${rec.seq}`));
});

function pubKey(d: string): string {
  const ring = JSON.parse(readFileSync(join(d, 'keys', 'keyring.json'), 'utf8'));
  return join(d, 'keys', `signing-${ring.signing.kid}.pub.pem`);
}

test('ledger CLI: append from stdin acknowledges each batch; a missing file is a usage error', () => {
  const own = mkdtempSync(join(tmpdir(), 'attest-ledger-cli-stdin-'));
  const c = ['--db', join(own, 'l.db'), '--keys', join(own, 'keys')];
  let r = run(['append', '-', '--batch', '2', ...c], [1, 2, 3].map((i) => ev(i)).join('\n') + '\n');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n'), ['{"acked":2}', '{"acked":3}']);
  assert.match(r.stderr, /appended 3 records \(seq 1\.\.3\)/);
  // a bad line mid-stream: the earlier batch stays, the message says so
  r = run(['append', '-', '--batch', '1', ...c], `${ev(4)}\n${ev(5, { outcome: 'perhaps' })}\n`);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /stdin:2: outcome: must be one of[\s\S]*seq 4\.\.4/);
  r = run(['append', join(own, 'missing.ndjson'), ...c]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /missing\.ndjson: no such file/);
});

test('ledger CLI: metadata over the limits is a validation error naming the line and the path, never an internal error', () => {
  const own = mkdtempSync(join(tmpdir(), 'attest-ledger-cli-limits-'));
  const c = ['--db', join(own, 'l.db'), '--keys', join(own, 'keys')];
  let arrays: unknown = 1;
  for (let i = 0; i < 1000; i++) arrays = [arrays];
  const deep = ev(2, { metadata: { x: arrays } });
  const path = `metadata.x${'[0]'.repeat(31)}`;
  const file = join(own, 'deep.ndjson');
  writeFileSync(file, `${ev(1)}\n${deep}\n`);
  let r = run(['append', file, ...c]);
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stderr, `attest: ${file}:2: ${path}: nests deeper than 32 levels (the limit for metadata); flatten it or put the detail in a string\nRun 'attest --help' for usage.\n`);
  r = run(['append', '-', ...c], `${ev(1)}\n${ev(3)}\n${deep}\n`);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, new RegExp(`^attest: stdin:3: ${path.replace(/[[\]]/g, '\\$&')}: nests deeper than 32 levels`));
  r = run(['query', '--format', 'json', ...c]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).records, [], 'nothing was written');
});

test('ledger CLI: append refuses to create keys for a ledger that has records, and refuses keys that did not chain it', () => {
  const own = mkdtempSync(join(tmpdir(), 'attest-ledger-cli-keys-'));
  const db = join(own, 'l.db');
  const file = join(own, 'ev.ndjson');
  writeFileSync(file, `${ev(1)}\n${ev(2)}\n`);
  let r = run(['append', file, '--db', db, '--keys', join(own, 'keys')]);
  assert.equal(r.status, 0, r.stderr);
  const kid = (JSON.parse(readFileSync(join(own, 'keys', 'keyring.json'), 'utf8')) as { active: string }).active;

  const fresh = join(own, 'new-keys');
  r = run(['append', file, '--db', db, '--keys', fresh]);
  assert.equal(r.status, 2);
  assert.equal(
    r.stderr,
    `attest: ${fresh} holds no ledger keys (keyring.json missing), but the ledger at ${db} has 2 records chained with key id ${kid}: refusing to create new keys for it. Point --keys (or ATTEST_LEDGER_KEYS) at the keys this ledger was written with.\nRun 'attest --help' for usage.\n`,
  );
  assert.equal(existsSync(fresh), false, 'no keys were created');

  const other = join(own, 'other-keys');
  assert.equal(run(['keys', 'init', '--keys', other]).status, 0);
  r = run(['append', file, '--db', db, '--keys', other]);
  assert.equal(r.status, 2);
  assert.equal(
    r.stderr,
    `attest: the ledger at ${db} has 2 records chained with key id ${kid}, which is not in key directory ${other}. Point --keys (or ATTEST_LEDGER_KEYS) at the keys this ledger was written with; new keys cannot continue its chain.\nRun 'attest --help' for usage.\n`,
  );
  r = run(['verify', '--db', db, '--keys', join(own, 'keys')]);
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stdout, /VERIFIED/);
});

test('attest serve refuses to start on a ledger with records when its keys folder is missing or holds other keys (exit 2, says which)', async () => {
  const own = mkdtempSync(join(tmpdir(), 'attest-serve-keys-'));
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('ATTEST_') || k === 'DATABASE_URL' || k === 'PORT') delete env[k];
  const attest = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: own, encoding: 'utf8', env });
  writeFileSync(join(own, 'ev.ndjson'), `${ev(1)}\n`);
  assert.equal(attest(['ledger', 'append', 'ev.ndjson']).status, 0);
  const keys = join('.attest', 'keys');
  const kid = (JSON.parse(readFileSync(join(own, keys, 'keyring.json'), 'utf8')) as { active: string }).active;
  renameSync(join(own, keys), join(own, 'keys-elsewhere'));
  const serve = async (): Promise<{ code: number | null; err: string }> => {
    const child = spawn(process.execPath, [bin, 'serve', '--dev', '--port', '0'], { cwd: own, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c));
    // A server that started anyway is the failure under test: stop it rather than hang.
    const started = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    clearTimeout(started);
    return { code, err };
  };
  let r = await serve();
  assert.equal(r.code, 2, r.err);
  assert.equal(
    r.err,
    `attest serve: ${join(own, keys)} holds no ledger keys (keyring.json missing), but the ledger at ${join(own, '.attest', 'ledger.db')} has 1 record chained with key id ${kid}: refusing to create new keys for it. Point --keys (or ATTEST_LEDGER_KEYS) at the keys this ledger was written with.\n`,
  );
  assert.equal(existsSync(join(own, keys)), false, 'no keys were created');
  assert.equal(attest(['ledger', 'keys', 'init']).status, 0);
  r = await serve();
  assert.equal(r.code, 2, r.err);
  assert.ok(r.err.startsWith(`attest serve: the ledger at ${join(own, '.attest', 'ledger.db')} has 1 record chained with key id ${kid}, which is not in key directory ${join(own, keys)}. Point --keys`), r.err);
});

test('ledger CLI: consistency proof from a checkpoint the auditor kept to now, verified offline; a rewritten past fails', () => {
  const d = mkdtempSync(join(tmpdir(), 'attest-consistency-'));
  const c = ['--db', join(d, 'l.db'), '--keys', join(d, 'keys')];
  const go = (args: string[]) => spawnSync(process.execPath, [bin, 'ledger', ...args], { cwd: d, encoding: 'utf8', env: { ...process.env, ATTEST_LEDGER_KEYS: '' } });
  writeFileSync(join(d, 'a.ndjson'), Array.from({ length: 7 }, (_, i) => ev(i + 1)).join('\n') + '\n');
  assert.equal(go(['append', 'a.ndjson', ...c]).status, 0);
  assert.equal(go(['checkpoint', '--out', 'kept.json', ...c]).status, 0);
  writeFileSync(join(d, 'b.ndjson'), Array.from({ length: 5 }, (_, i) => ev(i + 20)).join('\n') + '\n');
  assert.equal(go(['append', 'b.ndjson', ...c]).status, 0);

  let r = go(['consistency', 'kept.json', '--out', 'cons.json', ...c]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /consistency proof from 7 to 12 records written to cons\.json/);
  const pem = join(d, 'keys', readdirSync(join(d, 'keys')).find((f) => f.endsWith('.pub.pem'))!);
  r = go(['verify-consistency', 'cons.json', '--public-key', pem, '--checkpoint', 'kept.json']);
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stdout, /^VERIFIED: the 7-record tree signed at .* is a prefix of the 12-record tree/);

  // The proof must start where the auditor's own checkpoint is.
  const proof = JSON.parse(readFileSync(join(d, 'cons.json'), 'utf8'));
  const kept = JSON.parse(readFileSync(join(d, 'kept.json'), 'utf8'));
  writeFileSync(join(d, 'other.json'), JSON.stringify({ ...kept, size: 6 }));
  r = go(['verify-consistency', 'cons.json', '--checkpoint', 'other.json']);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /FAILED: the checkpoint you hold: the checkpoint note does not match its fields/);
  // A proof whose hashes were altered does not verify.
  const flip = (h: string) => (parseInt(h.slice(0, 2), 16) ^ 0xff).toString(16).padStart(2, '0') + h.slice(2);
  writeFileSync(join(d, 'bad.json'), JSON.stringify({ ...proof, proof: proof.proof.map((h: string, i: number) => (i === 0 ? flip(h) : h)) }));
  r = go(['verify-consistency', 'bad.json', '--public-key', pem]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /FAILED: the proof does not show the 7-record tree to be a prefix of the 12-record tree/);
  // Usage errors: no FROM, a size no checkpoint has.
  assert.equal(go(['consistency', ...c]).status, 2);
  r = go(['consistency', '5', ...c]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no checkpoint of size 5/);
});
