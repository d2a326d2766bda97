/**
 * The compliance commands end to end, as a user runs them: the real binary on examples/,
 * with a ledger in a temporary folder. The requirements used are chosen from the shipped
 * catalogs at run time (they are being rewritten), by what the assessment says of them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { CATALOGS } from '../../src/frameworks/index.js';
import { openComplianceStore } from '../../src/compliance/store.js';
import { SELF_ASSESSED } from '../../src/compliance/types.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'bin/attest.js');
const examples = join(root, 'examples');
const dir = mkdtempSync(join(tmpdir(), 'attest-checklist-'));
const db = join(dir, 'ledger.db');
const keys = join(dir, 'keys');
const L = ['--db', db, '--keys', keys];
const run = (args: string[], cwd = dir) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ATTEST_CONFIG: join(dir, 'none.json') } });

const schema = JSON.parse(readFileSync(join(root, 'schema/checklist.schema.json'), 'utf8')) as object;
const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
const validate = ajv.compile(schema);

interface Doc {
  evidenceRead: boolean;
  notes: string[];
  frameworks: { id: string; summary: { counts: Record<string, number>; score: { numerator: number; denominator: number; percent: number | null } }; requirements: { id: string; status: string; reasons: string[]; parts: { kind: string; status: string }[] }[] }[];
}

function checklist(args: string[]): { code: number | null; doc: Doc; stderr: string } {
  const r = run(['checklist', ...args, '--format', 'json']);
  const doc = JSON.parse(r.stdout) as Doc;
  assert.ok(validate(doc), JSON.stringify(validate.errors));
  return { code: r.status, doc, stderr: r.stderr };
}

const soc2 = CATALOGS.find((c) => c.framework === 'soc2-tsc')!;

test('frameworks: every shipped catalog with its counts and categories, as text and JSON', () => {
  const r = run(['frameworks', '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const list = (JSON.parse(r.stdout) as { frameworks: { id: string; requirements: number; categories: { id: string; default: boolean }[] }[] }).frameworks;
  assert.deepEqual(list.map((f) => f.id), CATALOGS.map((c) => c.id));
  assert.deepEqual(list.map((f) => f.requirements), CATALOGS.map((c) => c.requirements.length));
  const text = run(['frameworks']);
  assert.equal(text.status, 0);
  for (const c of CATALOGS) assert.match(text.stdout, new RegExp(`^${c.id.replace(/[.]/g, '\\.')} `, 'm'));
  assert.equal(run(['frameworks', '--format', 'xml']).status, 2);
});

test('checklist usage errors exit 2: unknown framework (listing the valid ids), category, status, format', () => {
  const r = run(['checklist', 'soc3', examples]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /"soc3" is not a framework; use one of /);
  for (const c of CATALOGS) assert.ok(r.stderr.includes(c.id), c.id);
  const none = run(['checklist']);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /checklist needs a framework/);
  assert.equal(run(['checklist', soc2.id, examples, '--category', 'nope']).status, 2);
  const bad = run(['checklist', soc2.id, examples, '--fail-on-status', 'met,maybe']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--fail-on-status: "maybe" is not a status/);
  assert.equal(run(['checklist', soc2.id, examples, '--format', 'pdf']).status, 2);
});

test('checklist on examples/ without a ledger: offline statuses, manual evidence not read, JSON valid against its schema, exit by --fail-on-status', () => {
  const { code, doc, stderr } = checklist([soc2.framework, examples]);
  assert.equal(doc.evidenceRead, false);
  assert.match(doc.notes.join('\n'), /Manual evidence and exceptions were not read/);
  const fw = doc.frameworks[0]!;
  assert.equal(fw.id, soc2.id, 'the family names its latest version');
  const notMet = fw.summary.counts['not_met']!;
  assert.equal(code, notMet > 0 ? 1 : 0);
  assert.match(stderr, /Self-assessed; a third-party audit is required\./);
  assert.match(stderr, /manual evidence not read \(no --db, no ledger at the default place\)/);
  // Nothing decided offline is met without evidence: every met requirement has a met part and none that is not.
  for (const r of fw.requirements.filter((x) => x.status === 'met')) assert.ok(r.parts.every((p) => p.status === 'met' || p.status === 'no_evidence'), r.id);
  for (const r of fw.requirements.filter((x) => x.parts.some((p) => p.kind === 'manual'))) assert.notEqual(r.status, 'met', `${r.id}: manual evidence was not read`);
  assert.equal(run(['checklist', soc2.id, examples, '--fail-on-status', 'none', '-q']).status, 0);
});

test('checklist exits 1 when no template is found, or a template cannot be read', () => {
  const empty = join(dir, 'empty');
  mkdirSync(empty, { recursive: true });
  const r = run(['checklist', soc2.id, empty, '--fail-on-status', 'none']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no infrastructure files found under/);
  const broken = join(dir, 'broken');
  mkdirSync(broken, { recursive: true });
  writeFileSync(join(broken, 't.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: [\n');
  const b = run(['checklist', soc2.id, broken, '--fail-on-status', 'none']);
  assert.equal(b.status, 1);
  assert.match(b.stderr, /\d+ input error\(s\): templates that could not be read are missing from every status/);
  // Which file, where, and what is wrong — not only a count.
  assert.match(b.stderr, /^  .*broken\/t\.yaml:\d+:\d+: .+$/m);
  const missing = run(['checklist', soc2.id, 'no-such-folder', '--fail-on-status', 'none']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /^  no-such-folder: no such file or directory$/m);
});

test('checklist writes every format to --output, inferred from the extension, each stating the self-assessment', () => {
  for (const [ext, marker] of [['md', '# Compliance checklist'], ['html', '<!doctype html>'], ['csv', 'framework,requirement,'], ['json', '"format": "attest-checklist/v1"'], ['txt', SELF_ASSESSED]] as const) {
    const out = join(dir, `checklist.${ext}`);
    const r = run(['checklist', soc2.id, examples, '-o', out, '--fail-on-status', 'none']);
    assert.equal(r.status, 0, r.stderr);
    const text = readFileSync(out, 'utf8');
    assert.ok(text.includes(marker), ext);
    assert.ok(text.includes(SELF_ASSESSED), `${ext}: disclaimer`);
    assert.match(r.stderr, new RegExp(`Checklist written to .*checklist\\.${ext}`));
  }
});

test('with a ledger: an exception requested by one person and approved by another excepts a requirement; self-approval is refused; history is stored', async () => {
  const missing = run(['checklist', soc2.id, examples, ...L]);
  assert.equal(missing.status, 2, 'a --db that holds no ledger is a mistake, not an empty register');
  assert.match(missing.stderr, /no ledger there; check the path/);
  const before = checklist([soc2.id, examples]).doc.frameworks[0]!;
  const target = before.requirements.find((r) => r.status === 'not_met');
  assert.ok(target, 'examples/ leaves some SOC 2 requirement not met');
  const add = run(['exceptions', 'add', ...L, '--framework', soc2.id, '--requirement', target.id, '--reason', 'accepted while the platform is migrated', '--risk', 'medium', '--owner', 'platform team', '--expires', new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10), '--actor', 'alice', '--format', 'json']);
  assert.equal(add.status, 0, add.stderr);
  const id = (JSON.parse(add.stdout) as { exceptionId: string }).exceptionId;
  const self = run(['exceptions', 'approve', id, ...L, '--actor', 'alice']);
  assert.equal(self.status, 2);
  assert.match(self.stderr, /the requester cannot approve their own exception/);
  const tooLong = run(['exceptions', 'add', ...L, '--control', 'AT-S3-001', '--reason', 'r', '--risk', 'low', '--owner', 'o', '--expires', new Date(Date.now() + 400 * 86400_000).toISOString().slice(0, 10)]);
  assert.equal(tooLong.status, 2);
  assert.match(tooLong.stderr, /expires: .* is more than 365 days after today .*compliance\.exceptionMaxDays/);
  const pending = checklist([soc2.id, examples, ...L]).doc.frameworks[0]!.requirements.find((r) => r.id === target.id)!;
  assert.equal(pending.status, 'not_met', 'a requested exception excepts nothing');
  assert.match(pending.reasons.join('\n'), new RegExp(`exception ${id} is requested and awaits approval`));
  const ok = run(['exceptions', 'approve', id, ...L, '--actor', 'bob', '--note', 'reviewed with the CISO']);
  assert.equal(ok.status, 0, ok.stderr);
  const after = checklist([soc2.id, examples, ...L]);
  assert.equal(after.doc.evidenceRead, true);
  const excepted = after.doc.frameworks[0]!.requirements.find((r) => r.id === target.id)!;
  assert.equal(excepted.status, 'excepted');
  assert.match(excepted.reasons.join('\n'), new RegExp(`excepted by exception ${id} \\(risk medium, approved by bob \\(command line\\)`));
  assert.equal(after.doc.frameworks[0]!.summary.score.numerator, before.summary.score.numerator, 'an exception never adds to the score');
  const list = run(['exceptions', 'list', ...L, examples]);
  assert.equal(list.status, 0);
  assert.match(list.stdout, new RegExp(`${id} \\[approved\\]`));
  assert.match(list.stdout, /template suppression \(attest\) at .*role\.yaml:\d+ of AT-IAM-001/);
  // Every checklist run with --db added one line of history per framework.
  const store = openComplianceStore(db);
  const h = await store.assessments({ framework: soc2.id });
  await store.close();
  assert.equal(h.length, 2);
  assert.deepEqual(h.map((x) => x.counts['excepted']! - before.summary.counts['excepted']!), [0, 1]);
  assert.deepEqual(h.map((x) => x.score), [before.summary.score.percent, before.summary.score.percent]);
});

test('with a ledger: evidence add stores the file and records the attestation; a tampered file stops counting; revocation undoes it', () => {
  // A requirement that takes manual evidence when the catalogs have one; otherwise a
  // not-applicable attestation (which every applicable requirement takes).
  const manual = soc2.requirements.find((r) => r.evidence.manual && (!r.category || r.category === 'security'));
  const target = manual ?? soc2.requirements.find((r) => !r.evidence.notApplicable && r.category === 'security')!;
  const file = join(dir, 'policy.txt');
  writeFileSync(file, 'Information security policy, signed 2026-11-30.\n');
  const add = run(['evidence', 'add', ...L, '--framework', soc2.framework, '--requirement', target.id, '--statement', 'Signed by the board; see the minutes.', '--file', file, '--link', 'https://wiki.example/isp', ...(manual ? [] : ['--not-applicable']), '--actor', 'carol', '--format', 'json']);
  assert.equal(add.status, 0, add.stderr);
  const att = JSON.parse(add.stdout) as { id: string; files: { sha256: string }[]; attestedBy: { id: string; source: string } };
  assert.deepEqual([att.attestedBy.id, att.attestedBy.source], ['carol', 'cli']);
  const statusOf = () => checklist([soc2.id, examples, ...L]).doc.frameworks[0]!.requirements.find((r) => r.id === target.id)!;
  const decided = statusOf();
  if (manual) assert.equal(decided.parts.find((p) => p.kind === 'manual')!.status, 'met');
  else assert.equal(decided.status, 'not_applicable');
  const listed = run(['evidence', 'list', ...L]);
  assert.match(listed.stdout, new RegExp(`file policy\\.txt sha256 ${att.files[0]!.sha256} \\d+ bytes: ok`));
  assert.equal(run(['evidence', 'verify', ...L]).status, 0);
  // Someone with write access to the database swaps the file's content.
  const d = new Database(db);
  d.exec('DROP TRIGGER evidence_files_no_update');
  d.prepare('UPDATE evidence_files SET content = ? WHERE sha256 = ?').run(Buffer.from('a different policy'), att.files[0]!.sha256);
  d.close();
  const verify = run(['evidence', 'verify', ...L]);
  assert.equal(verify.status, 1);
  assert.match(verify.stdout, /^altered /m);
  const tampered = statusOf();
  assert.match(tampered.reasons.join('\n'), /cannot be relied on: the stored policy\.txt .* no longer matches its hash/);
  assert.notEqual(tampered.status, 'not_applicable');
  const revoke = run(['evidence', 'revoke', att.id, ...L, '--reason', 'superseded', '--actor', 'carol']);
  assert.equal(revoke.status, 0, revoke.stderr);
  assert.match(statusOf().reasons.join('\n'), /was revoked by carol/);
  assert.equal(run(['evidence', 'revoke', att.id, ...L, '--reason', 'again']).status, 2);
  // Every record verifies.
  const v = run(['ledger', 'verify', ...L]);
  assert.equal(v.status, 0, v.stdout);
});

test('evidence add refuses before storing anything: unknown requirement, oversized file, missing statement', () => {
  const d2 = join(dir, 'second.db');
  const file = join(dir, 'big.bin');
  writeFileSync(file, Buffer.alloc(2048));
  writeFileSync(join(dir, 'small.json'), JSON.stringify({ compliance: { evidenceMaxBytes: 1024 } }));
  const big = spawnSync(process.execPath, [bin, 'evidence', 'add', '--db', d2, '--keys', keys, '--framework', soc2.id, '--requirement', soc2.requirements[0]!.id, '--statement', 's', '--not-applicable', '--file', file], { cwd: dir, encoding: 'utf8', env: { ...process.env, ATTEST_CONFIG: join(dir, 'small.json') } });
  assert.equal(big.status, 2);
  assert.match(big.stderr, /2048 bytes is over the evidence file limit of 1024 bytes \(compliance\.evidenceMaxBytes in the config\)/);
  const unknown = run(['evidence', 'add', '--db', d2, '--keys', keys, '--framework', soc2.id, '--requirement', 'NOPE-1', '--statement', 's', '--file', join(dir, 'policy.txt')]);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /requirement: "NOPE-1" is not a requirement of /);
  const noStatement = run(['evidence', 'add', '--db', d2, '--keys', keys, '--framework', soc2.id, '--requirement', soc2.requirements[0]!.id, '--not-applicable']);
  assert.equal(noStatement.status, 2);
  assert.match(noStatement.stderr, /statement: is required/);
  assert.equal(existsSync(d2), false, 'nothing was written, not even the database');
});

test('the generic ledger append refuses compliance records (exit 2, nothing written)', () => {
  const file = join(dir, 'forged.ndjson');
  writeFileSync(file, JSON.stringify({ actor: { id: 'mallory', type: 'user' }, action: 'compliance.exception.approve', outcome: 'success', metadata: { exceptionId: 'EXC-1' } }) + '\n');
  const r = run(['ledger', 'append', file, ...L]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /compliance\.\* records are written only by the compliance commands and API/);
});

test('exceptions list --due and each command\'s --help', () => {
  const due = run(['exceptions', 'list', '--due', ...L, '--format', 'json']);
  assert.equal(due.status, 0, due.stderr);
  assert.ok(Array.isArray((JSON.parse(due.stdout) as { due: unknown[] }).due));
  for (const [args, marker] of [[['frameworks', '--help'], 'Usage: attest frameworks'], [['checklist', '--help'], 'Usage: attest checklist'], [['evidence', '--help'], 'Usage: attest evidence'], [['exceptions', '--help'], 'Usage: attest exceptions'], [['help', 'checklist'], 'Usage: attest checklist']] as const) {
    const r = run([...args]);
    assert.equal(r.status, 0);
    assert.ok(r.stdout.includes(marker), args.join(' '));
  }
  assert.equal(run(['evidence', 'frobnicate']).status, 2);
  assert.equal(run(['exceptions', 'approve', ...L]).status, 2);
});

test('a mistyped --db is refused by every command that only reads or amends the ledger: no empty ledger is made, and verify never reports VERIFIED over nothing', () => {
  const k = join(dir, 'typo-keys');
  assert.equal(run(['ledger', 'keys', 'init', '--keys', k]).status, 0);
  const missing = join(dir, 'no-such-ledger.db');
  const T = ['--db', missing, '--keys', k];
  for (const args of [
    ['evidence', 'list'], ['evidence', 'verify'], ['evidence', 'revoke', '1', '--reason', 'x'],
    ['exceptions', 'list'], ['exceptions', 'list', '--due'], ['exceptions', 'approve', 'EXC-1', '--actor', 'bob'],
    ['exceptions', 'review', 'EXC-1', '--note', 'n'], ['exceptions', 'revoke', 'EXC-1', '--reason', 'x'],
  ]) {
    const r = run([...args, ...T]);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /--db .*no-such-ledger\.db: no ledger there/, args.join(' '));
    assert.doesNotMatch(r.stdout, /VERIFIED/);
    assert.equal(existsSync(missing), false, `${args.join(' ')} created a ledger`);
  }
});

test('checklist reads the scan inputs attest scan reads: an ignore file entry excepts its finding (never meets it), --var-file sets Terraform variables', () => {
  const folder = join(dir, 'ign');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'db.yaml'), 'Resources:\n  Old:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: false\n');
  const reasonsOf = (d: Doc) => d.frameworks[0]!.requirements.flatMap((r) => r.reasons.filter((x) => x.includes('AT-RDS-001')).map((x) => `${r.id} ${r.status}: ${x}`));
  const before = checklist(['soc2-tsc', 'ign']);
  assert.ok(reasonsOf(before.doc).some((x) => / not_met: configuration: AT-RDS-001 fails on Old \(ign\/db\.yaml:5\)$/.test(x)), reasonsOf(before.doc).join('\n'));

  const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  writeFileSync(join(folder, '.attestignore.yaml'), `ignore:\n  - control: AT-RDS-001\n    reason: migrating to the encrypted copy (SEC-7)\n    expires: ${expires}\n`);
  const after = checklist(['soc2-tsc', 'ign']);
  const reasons = reasonsOf(after.doc);
  assert.ok(reasons.length > 0 && reasons.every((x) => x.includes(`AT-RDS-001 on Old (ign/db.yaml:5) is excepted by the ignore file entry at ign/.attestignore.yaml:2 (migrating to the encrypted copy (SEC-7); until ${expires})`)), reasons.join('\n'));
  assert.ok(!reasons.some((x) => / met: /.test(x)), 'an accepted finding never makes a requirement met');
  assert.match(after.stderr, /ignore files \(ign\/\.attestignore\.yaml\): 1 finding\(s\) accepted, counted as excepted/);

  // A malformed entry is a usage error, as for attest scan.
  writeFileSync(join(folder, '.attestignore.yaml'), 'ignore:\n  - control: AT-RDS-001\n    expires: 2020-01-01\n');
  const bad = run(['checklist', 'soc2-tsc', 'ign']);
  assert.equal(bad.status, 2, bad.stderr);
  assert.match(bad.stderr, /\.attestignore\.yaml:2:\d+: .*reason/);

  // --var-file: an encrypted Terraform database only when the variables file says so.
  const tf = join(dir, 'tfvar');
  mkdirSync(tf, { recursive: true });
  writeFileSync(join(tf, 'main.tf'), 'variable "encrypted" {\n  type = bool\n}\n\nresource "aws_db_instance" "db" {\n  engine            = "postgres"\n  storage_encrypted = var.encrypted\n}\n');
  writeFileSync(join(dir, 'prod.tfvars'), 'encrypted = true\n');
  const open = reasonsOf(checklist(['soc2-tsc', 'tfvar']).doc);
  assert.ok(open.some((x) => /AT-RDS-001 cannot be decided on aws_db_instance\.db \(tfvar\/main\.tf:7\)/.test(x)), open.join('\n'));
  const set = reasonsOf(checklist(['soc2-tsc', 'tfvar', '--var-file', 'prod.tfvars']).doc);
  assert.ok(!set.some((x) => /AT-RDS-001 (fails|cannot be decided) on aws_db_instance\.db/.test(x)), set.join('\n'));
  assert.match(run(['checklist', '--help']).stdout, /--var-file FILE[\s\S]*--ignore-file FILE/);
});

test('without --db, checklist, report and bundle create use the default ledger (.attest/ledger.db) when it exists, and say so; bundle create without any ledger is refused', () => {
  const home = mkdtempSync(join(tmpdir(), 'attest-default-ledger-'));
  const env: NodeJS.ProcessEnv = { ...process.env, ATTEST_CONFIG: join(home, 'none.json') };
  delete env['ATTEST_LEDGER_DB'];
  delete env['DATABASE_URL'];
  const at = (args: string[], cwd = home) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env });
  // Nothing there yet: bundle create is refused before anything is written.
  const none = at(['bundle', 'create', '--framework', 'soc2-tsc', examples, '--out', 'b.zip']);
  assert.equal(none.status, 2, none.stderr);
  assert.match(none.stderr, /bundle create needs the ledger: there is none at the default place/);
  assert.equal(existsSync(join(home, 'b.zip')), false);
  // The default ledger, made by the first append.
  writeFileSync(join(home, 'e.ndjson'), JSON.stringify({ actor: { id: 'alice', type: 'user' }, action: 'user.login', target: { type: 'session', id: 's1' }, outcome: 'success' }) + '\n');
  assert.equal(at(['ledger', 'append', 'e.ndjson']).status, 0);
  assert.equal(existsSync(join(home, '.attest', 'ledger.db')), true);
  const notice = `attest: using the ledger ${join(home, '.attest', 'ledger.db')} (its attestations, exceptions and audit log); --db chooses another\n`;
  const used = new RegExp(notice.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  const cl = at(['checklist', 'soc2-tsc', examples, '--format', 'json']);
  assert.match(cl.stderr, used);
  assert.equal((JSON.parse(cl.stdout) as Doc).evidenceRead, true);
  const rep = at(['report', '--framework', 'soc2-tsc', examples, '--out', 'r.json']);
  assert.match(rep.stderr, used);
  assert.equal(existsSync(join(home, 'r.json.sig')), true, 'the report is signed with the default ledger\'s key');
  const b = at(['bundle', 'create', '--framework', 'soc2-tsc', examples, '--out', 'b.zip']);
  assert.match(b.stderr, used);
  assert.equal(existsSync(join(home, 'b.zip')), true, b.stderr);
  assert.equal(at(['bundle', 'verify', 'b.zip']).status, 0);
  // --quiet keeps stderr free of the notice.
  assert.doesNotMatch(at(['checklist', 'soc2-tsc', examples, '--format', 'json', '--quiet']).stderr, /using the ledger/);
});

test('report on a folder without infrastructure files exits 1 and says why', () => {
  const empty = mkdtempSync(join(tmpdir(), 'attest-report-empty-'));
  const r = run(['report', '--framework', 'soc2-tsc', empty, '--out', join(empty, 'r.json')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, new RegExp(`; exit 1 \\(no infrastructure files found under ${empty.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: nothing was scanned, so nothing configured can be shown\\)\\n`));
});
