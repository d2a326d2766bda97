/**
 * attest bundle end to end on examples/platform with a populated SQLite ledger: create, verify
 * offline (with and without pinned keys), every rendering (JSON, PDF, OSCAL results and catalog) is
 * in it and signed, a byte flipped in each kind of member fails naming that member, and consistency
 * with a previous bundle's checkpoint passes (and fails with a checkpoint of another ledger).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { CATALOGS } from '../../src/frameworks/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'bin/attest.js');
const examples = join(root, 'examples/platform');
const dir = mkdtempSync(join(tmpdir(), 'attest-bundle-'));
const L = ['--db', join(dir, 'ledger.db'), '--keys', join(dir, 'keys')];
const L2 = ['--db', join(dir, 'other.db'), '--keys', join(dir, 'other-keys')];
const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ATTEST_CONFIG: join(dir, 'none.json') }, ...(input !== undefined ? { input } : {}) });
const soc2 = CATALOGS.find((c) => c.framework === 'soc2-tsc')!;
const manual = soc2.requirements.find((r) => r.evidence.manual)!;
const events = (n: number, who = 'alice') => Array.from({ length: n }, (_, i) => JSON.stringify({ actor: { id: who, type: 'user' }, action: 'auth.login', outcome: i % 3 ? 'success' : 'denied' })).join('\n') + '\n';

function members(file: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(readFileSync(join(dir, file))));
}
function flip(file: string, member: string, outFile: string): void {
  const m = members(file);
  const b = Buffer.from(m[member]!);
  b[Math.floor(b.length / 2)] ^= 0x01;
  m[member] = new Uint8Array(b);
  writeFileSync(join(dir, outFile), zipSync(m));
}

let keyPem = '';

test('bundle create on examples with a populated ledger; verify passes offline, pinned key or not', () => {
  writeFileSync(join(dir, 'policy.txt'), 'Information security policy, approved 2026-11-01.\n');
  let r = run(['evidence', 'add', ...L, '--framework', soc2.id, '--requirement', manual.id, '--statement', 'Approved by the board.', '--file', join(dir, 'policy.txt'), '--actor', 'carol']);
  assert.equal(r.status, 0, r.stderr);
  r = run(['ledger', 'append', '-', ...L], events(20));
  assert.equal(r.status, 0, r.stderr);
  r = run(['ledger', 'keys', 'rotate', '--signing', '--by', 'sec-officer', ...L]);
  assert.equal(r.status, 0, r.stderr);
  r = run(['ledger', 'append', '-', ...L], events(5, 'bob'));
  assert.equal(r.status, 0, r.stderr);

  r = run(['bundle', 'create', '--framework', 'soc2-tsc', examples, ...L, '--since', '90d', '--out', 'b1.zip']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /bundle written to b1\.zip/);
  const m = members('b1.zip');
  const names = Object.keys(m).sort();
  for (const n of ['report.json', 'report.json.sig', 'report.pdf', 'report.pdf.sig', 'report.oscal.json', 'report.oscal.json.sig', 'report.oscal.json.catalog.json', 'report.oscal.json.catalog.json.sig', 'inputs.json', 'records.ndjson', 'checkpoint.json', 'proofs/inclusion.ndjson', 'manifest.json', 'manifest.json.sig', 'VERIFY.md']) assert.ok(names.includes(n), n);
  assert.equal(names.filter((n) => n.startsWith('keys/')).length, 2, 'current and retired signing keys');
  assert.equal(names.filter((n) => n.startsWith('evidence/')).length, 1);
  const manifest = JSON.parse(Buffer.from(m['manifest.json']!).toString());
  assert.equal(manifest.format, 'attest-evidence-bundle/v1');
  assert.equal(manifest.framework.id, soc2.id);
  assert.deepEqual(manifest.renderings, { json: 'report.json', pdf: 'report.pdf', oscal: 'report.oscal.json', oscalCatalog: 'report.oscal.json.catalog.json' });
  assert.equal(Buffer.from(m['report.pdf']!).subarray(0, 5).toString(), '%PDF-');
  const ar = JSON.parse(Buffer.from(m['report.oscal.json']!).toString())['assessment-results'];
  assert.equal(ar.results[0].findings.length, JSON.parse(Buffer.from(m['report.json']!).toString()).requirements.length);
  // In the bundle the OSCAL plan resource links the catalog member, and the attested policy's evidence member.
  assert.ok(ar['back-matter'].resources.some((r: { rlinks?: { href: string }[] }) => r.rlinks?.[0]?.href === 'report.oscal.json.catalog.json'));
  const evName = names.find((n) => n.startsWith('evidence/'))!;
  assert.ok(ar['back-matter'].resources.some((r: { rlinks?: { href: string }[] }) => r.rlinks?.[0]?.href === evName));
  assert.match(Buffer.from(m['VERIFY.md']!).toString(), /report\.pdf.*report\.oscal\.json/s);
  const recs = Buffer.from(m['records.ndjson']!).toString().trim().split('\n');
  assert.equal(recs.length, manifest.records);
  assert.ok(recs.length >= 27, `${recs.length} records`);
  const cp = JSON.parse(Buffer.from(m['checkpoint.json']!).toString());
  assert.equal(cp.size, JSON.parse(recs[recs.length - 1]!).seq, 'the records end at the checkpoint');
  const inputs = JSON.parse(Buffer.from(m['inputs.json']!).toString());
  assert.ok(inputs.files.length > 0 && inputs.files.every((f: { sha256: string }) => /^[0-9a-f]{64}$/.test(f.sha256)));
  assert.match(Buffer.from(m['VERIFY.md']!).toString(), /attest bundle verify bundle\.zip/);
  writeFileSync(join(dir, 'cp1.json'), m['checkpoint.json']!);

  r = run(['bundle', 'verify', 'b1.zip']);
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stdout, /^VERIFIED: b1\.zip: soc2-tsc/);
  const keysDir = join(dir, 'keys');
  const ring = JSON.parse(readFileSync(join(keysDir, 'keyring.json'), 'utf8'));
  keyPem = join(keysDir, `signing-${ring.signing.kid}.pub.pem`);
  assert.equal(run(['bundle', 'verify', 'b1.zip', '--public-key', keyPem]).status, 0);
  const retired = join(keysDir, readdirSync(keysDir).find((f) => f.endsWith('.pub.pem') && !f.includes(ring.signing.kid))!);
  r = run(['bundle', 'verify', 'b1.zip', '--public-key', retired]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /FAILED: manifest\.json\.sig: manifest signature: signed by a different key/);
});

test('a byte flipped in each kind of member fails verification naming that member', () => {
  const m = members('b1.zip');
  const evidence = Object.keys(m).find((n) => n.startsWith('evidence/'))!;
  const key = Object.keys(m).find((n) => n.startsWith('keys/'))!;
  for (const member of ['report.json', 'report.pdf', 'report.oscal.json', 'report.oscal.json.catalog.json', 'report.pdf.sig', 'report.oscal.json.sig', 'records.ndjson', 'proofs/inclusion.ndjson', 'checkpoint.json', evidence, key, 'manifest.json', 'manifest.json.sig', 'report.json.sig', 'inputs.json']) {
    flip('b1.zip', member, 'tampered.zip');
    const r = run(['bundle', 'verify', 'tampered.zip']);
    assert.equal(r.status, 1, `${member}: ${r.stdout}`);
    assert.ok(r.stdout.split('\n').some((l) => l.startsWith(`FAILED: ${member}: `)), `${member}:\n${r.stdout}`);
    assert.doesNotMatch(r.stdout, /VERIFIED/);
  }
  // A member removed, a member added.
  const less = { ...m };
  delete less['inputs.json'];
  writeFileSync(join(dir, 'less.zip'), zipSync(less));
  let r = run(['bundle', 'verify', 'less.zip']);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /FAILED: inputs\.json: listed in the manifest but missing/);
  writeFileSync(join(dir, 'more.zip'), zipSync({ ...m, 'extra.txt': new Uint8Array([1]) }));
  r = run(['bundle', 'verify', 'more.zip']);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /FAILED: extra\.txt: in the bundle but not listed/);
  writeFileSync(join(dir, 'garbage.zip'), 'not a zip');
  assert.equal(run(['bundle', 'verify', 'garbage.zip']).status, 1);
});

test('consistency with a previous bundle\'s checkpoint passes, and fails with a checkpoint of another ledger', () => {
  let r = run(['ledger', 'append', '-', ...L], events(7, 'dave'));
  assert.equal(r.status, 0, r.stderr);
  r = run(['bundle', 'create', '--framework', 'soc2-tsc', examples, ...L, '--out', 'b2.zip', '--previous-checkpoint', 'cp1.json', '-q']);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(members('b2.zip')['proofs/consistency.json']);
  r = run(['bundle', 'verify', 'b2.zip', '--previous-checkpoint', 'cp1.json', '--public-key', keyPem]);
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stdout, /consistent with your previous checkpoint/);

  // Another ledger's checkpoint.
  r = run(['ledger', 'append', '-', ...L2], events(3, 'eve'));
  assert.equal(r.status, 0, r.stderr);
  r = run(['ledger', 'checkpoint', ...L2]);
  assert.equal(r.status, 0, r.stderr);
  r = run(['bundle', 'create', '--framework', 'soc2-tsc', examples, ...L2, '--out', 'o.zip', '-q']);
  assert.equal(r.status, 0, r.stderr);
  writeFileSync(join(dir, 'other-cp.json'), members('o.zip')['checkpoint.json']!);
  r = run(['bundle', 'verify', 'b2.zip', '--previous-checkpoint', 'other-cp.json']);
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stdout, /FAILED: proofs\/consistency\.json: /);
  // A bundle without a consistency proof cannot show consistency.
  r = run(['bundle', 'verify', 'b1.zip', '--previous-checkpoint', 'cp1.json']);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /FAILED: proofs\/consistency\.json: missing/);
  // Creating against another ledger's checkpoint is refused.
  r = run(['bundle', 'create', '--framework', 'soc2-tsc', examples, ...L, '--out', 'x.zip', '--previous-checkpoint', 'other-cp.json', '-q']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /not of this ledger/);
  // Usage errors.
  assert.equal(run(['bundle', 'create', '--framework', 'soc2-tsc', examples, '--out', 'y.zip']).status, 2);
  assert.equal(run(['bundle', 'verify']).status, 2);
});

test('with the manifest re-signed by the real key, the deeper checks still catch a changed record, proof, report or evidence file', async () => {
  const { signBytes } = await import('../../src/compliance/framework-report.js');
  const { verifyBundle } = await import('../../src/bundle/verify.js');
  const { createHash, createPrivateKey } = await import('node:crypto');
  const keysDir = join(dir, 'keys');
  const ring = JSON.parse(readFileSync(join(keysDir, 'keyring.json'), 'utf8'));
  const signer = { kid: ring.signing.kid as string, privateKey: createPrivateKey(readFileSync(join(keysDir, `signing-${ring.signing.kid}.pem`), 'utf8')), publicKeyPem: readFileSync(keyPem, 'utf8') };
  const forge = (mutate: (m: Record<string, Uint8Array>) => void): Buffer => {
    const m = members('b1.zip');
    mutate(m);
    const manifest = JSON.parse(Buffer.from(m['manifest.json']!).toString());
    for (const [n, b] of Object.entries(m)) {
      if (n === 'manifest.json' || n === 'manifest.json.sig') continue;
      manifest.members[n] = { sha256: createHash('sha256').update(b).digest('hex'), bytes: b.length };
    }
    const mb = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
    m['manifest.json'] = new Uint8Array(mb);
    m['manifest.json.sig'] = new Uint8Array(Buffer.from(JSON.stringify(signBytes(mb, signer))));
    return Buffer.from(zipSync(m));
  };
  const edit = (m: Record<string, Uint8Array>, name: string, f: (s: string) => string) => { m[name] = new Uint8Array(Buffer.from(f(Buffer.from(m[name]!).toString()))); };
  const pins = [readFileSync(keyPem, 'utf8')];
  assert.equal(verifyBundle(forge(() => {}), { pins }).ok, true, 'the forge helper itself keeps a valid bundle valid');
  const cases: [string, RegExp, (m: Record<string, Uint8Array>) => void][] = [
    ['records.ndjson', /differs from the bytes proved/, (m) => edit(m, 'records.ndjson', (s) => s.replace('"auth.login"', '"auth.logout"'))],
    ['proofs/inclusion.ndjson', /does not lead to the checkpoint root|does not hash/, (m) => edit(m, 'proofs/inclusion.ndjson', (s) => { const ls = s.split('\n'); const p = JSON.parse(ls[1]!); p.proof[0] = p.proof[0].replace(/^./, (c: string) => (c === '0' ? '1' : '0')); ls[1] = JSON.stringify(p); return ls.join('\n'); })],
    ['report.json', /report signature: .*changed after signing/, (m) => edit(m, 'report.json', (s) => s.replace('"not_met"', '"met"'))],
    ['report.pdf', /report\.pdf signature: .*changed after signing/, (m) => { const b = Buffer.from(m['report.pdf']!); b[Math.floor(b.length / 2)] ^= 1; m['report.pdf'] = new Uint8Array(b); }],
    ['report.oscal.json', /report\.oscal\.json signature: .*changed after signing/, (m) => edit(m, 'report.oscal.json', (s) => s.replace('"not-satisfied"', '"satisfied"'))],
    ['report.oscal.json.catalog.json', /signature: .*changed after signing/, (m) => edit(m, 'report.oscal.json.catalog.json', (s) => s.replace('"statement"', '"guidance"'))],
    ['report.pdf.sig', /missing/, (m) => { delete m['report.pdf.sig']; }],
    ['evidence/', /does not hash to the SHA-256/, (m) => { const n = Object.keys(m).find((x) => x.startsWith('evidence/'))!; m[n] = new Uint8Array(Buffer.from('another policy\n')); }],
    ['checkpoint.json', /signature is not valid|does not agree/, (m) => edit(m, 'checkpoint.json', (s) => s.replace(/"size": (\d+)/, (_, n) => `"size": ${Number(n) + 1}`))],
  ];
  for (const [member, reason, mutate] of cases) {
    const r = verifyBundle(forge(mutate), { pins });
    assert.equal(r.ok, false, member);
    assert.ok(r.problems.some((p) => p.member.startsWith(member) && reason.test(p.reason)), `${member}: ${JSON.stringify(r.problems)}`);
  }
});
