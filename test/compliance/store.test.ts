/**
 * Evidence files (content-addressed, checked against their hash on every read and write) and
 * the assessment history, on SQLite and on the real PostgreSQL server — where the
 * application role, set up by the deployment's own bootstrap script, may add and read but
 * never change or delete a row.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { EvidenceIntegrityError, openComplianceStore, sha256Hex, type ComplianceStore } from '../../src/compliance/store.js';
import type { AssessmentSummary } from '../../src/compliance/types.js';
import { ComplianceInputError } from '../../src/compliance/util.js';
import { PG_URL, asOwner, dropLogins, pgUnreachable } from '../helpers/pg.js';

const unreachable = await pgUnreachable();
const schemas: string[] = [];
const logins: string[] = [];
let n = 0;

function pgDb(): string {
  const s = `attest_cmp${process.pid}_${++n}`;
  schemas.push(s);
  return `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${s}`;
}

test.after(async () => {
  if (unreachable) return;
  await asOwner(async (c) => {
    for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`).catch(() => undefined);
  });
  await dropLogins(logins);
});

interface Backend {
  name: string;
  skip?: string;
  open(max?: number): Promise<{ store: ComplianceStore; db: string }>;
  /** Changes a stored file's content as someone with write access to the database would. */
  tamper(db: string, sha: string, content: Buffer): Promise<void>;
}

const backends: Backend[] = [
  {
    name: 'sqlite',
    async open(max) {
      const db = join(mkdtempSync(join(tmpdir(), 'attest-evidence-')), 'ledger.db');
      const store = openComplianceStore(db, max ? { evidenceMaxBytes: max } : {});
      await store.init();
      return { store, db };
    },
    async tamper(db, sha, content) {
      const d = new Database(db);
      d.exec('DROP TRIGGER evidence_files_no_update');
      d.prepare('UPDATE evidence_files SET content = ? WHERE sha256 = ?').run(content, sha);
      d.close();
    },
  },
  {
    name: 'postgres',
    ...(unreachable ? { skip: unreachable } : {}),
    async open(max) {
      const db = pgDb();
      const store = openComplianceStore(db, max ? { evidenceMaxBytes: max } : {});
      await store.init();
      return { store, db };
    },
    async tamper(db, sha, content) {
      const schema = new URL(db).searchParams.get('schema')!;
      await asOwner((c) => c.query(`UPDATE "${schema}".evidence_files SET content = $1 WHERE sha256 = $2`, [content, sha]));
    },
  },
];

const pdf = Buffer.from('%PDF-1.7 the signed information security policy\n');

for (const b of backends) {
  const skip = b.skip ?? false;

  test(`${b.name}: a file is stored once under its SHA-256 and read back checked`, { skip }, async () => {
    const { store } = await b.open();
    const first = await store.putFile(pdf, 'application/PDF');
    assert.deepEqual([first.sha256, first.size, first.mediaType, first.created], [sha256Hex(pdf), pdf.length, 'application/pdf', true]);
    const again = await store.putFile(pdf, 'text/plain', sha256Hex(pdf));
    assert.equal(again.created, false);
    assert.equal(again.mediaType, 'application/pdf', 'the first stored media type is kept');
    const got = await store.getFile(first.sha256);
    assert.ok(got);
    assert.ok(got.content.equals(pdf));
    assert.equal(got.info.size, pdf.length);
    assert.deepEqual(await store.fileInfo(first.sha256), { sha256: first.sha256, size: pdf.length, mediaType: 'application/pdf', createdAt: first.createdAt });
    assert.equal(await store.getFile('0'.repeat(64)), undefined);
    assert.equal((await store.checkFile('0'.repeat(64))).status, 'missing');
    await assert.rejects(store.getFile('../../etc/passwd'), (e: unknown) => e instanceof ComplianceInputError && e.field === 'sha256');
    // An empty file is a file.
    assert.equal((await store.putFile(Buffer.alloc(0), 'text/plain')).sha256, sha256Hex(Buffer.alloc(0)));
    await store.close();
  });

  test(`${b.name}: the hash is verified on write; size above the limit is refused naming the setting`, { skip }, async () => {
    const { store } = await b.open(1024);
    await assert.rejects(store.putFile(pdf, 'application/pdf', 'f'.repeat(64)), (e: unknown) => e instanceof ComplianceInputError && e.field === 'sha256' && /the content's SHA-256 is [0-9a-f]{64}, not f{64}/.test(e.message));
    await assert.rejects(store.putFile(Buffer.alloc(1025), 'application/pdf'), (e: unknown) => e instanceof ComplianceInputError && e.field === 'file' && /1025 bytes, over the evidence file limit of 1024 bytes \(compliance\.evidenceMaxBytes\)/.test(e.message));
    await assert.rejects(store.putFile(pdf, 'pdf'), (e: unknown) => e instanceof ComplianceInputError && e.field === 'mediaType');
    assert.equal((await store.putFile(Buffer.alloc(1024), 'application/octet-stream')).size, 1024);
    await store.close();
  });

  test(`${b.name}: an altered stored file is reported on read, check and write, never served as evidence`, { skip }, async () => {
    const { store, db } = await b.open();
    const ok = await store.putFile(Buffer.from('other evidence'), 'text/plain');
    const { sha256 } = await store.putFile(pdf, 'application/pdf');
    await b.tamper(db, sha256, Buffer.from('%PDF-1.7 a different policy\n'));
    await assert.rejects(store.getFile(sha256), (e: unknown) => e instanceof EvidenceIntegrityError && e.sha256 === sha256 && /does not match its hash/.test(e.message));
    assert.equal((await store.checkFile(sha256)).status, 'altered');
    await assert.rejects(store.putFile(pdf, 'application/pdf'), EvidenceIntegrityError);
    const all: string[] = [];
    for await (const c of store.checkAll()) all.push(`${c.sha256 === sha256 ? 'policy' : c.sha256 === ok.sha256 ? 'other' : '?'}:${c.status}`);
    assert.deepEqual(all.sort(), ['other:ok', 'policy:altered']);
    await store.close();
  });

  test(`${b.name}: assessment history, queried by time range, framework and tenant, oldest first`, { skip }, async () => {
    const { store } = await b.open();
    const row = (at: string, framework: string, met: number): AssessmentSummary => ({
      at, framework, categories: ['security'], met, applicable: 10, total: 12, score: met * 10, coverage: 50,
      counts: { met, not_met: 10 - met, partially_met: 0, unknown: 0, not_started: 0, expired: 0, excepted: 0, not_applicable: 2 },
    });
    await store.addAssessments([row('2026-01-01T00:00:00.000Z', 'soc2', 1), row('2026-01-01T00:00:00.000Z', 'gdpr', 2)]);
    await store.addAssessments([row('2026-02-01T00:00:00.000Z', 'soc2', 3)], 'acme');
    await store.addAssessments([row('2026-03-01T00:00:00.000Z', 'soc2', 4)]);
    const all = await store.assessments();
    assert.deepEqual(all.map((r) => `${r.at.slice(0, 7)} ${r.framework} ${r.met}`), ['2026-01 gdpr 2', '2026-01 soc2 1', '2026-02 soc2 3', '2026-03 soc2 4']);
    assert.deepEqual(all[0], row('2026-01-01T00:00:00.000Z', 'gdpr', 2));
    const range = await store.assessments({ from: '2026-01-15T00:00:00Z', to: '2026-03-01T00:00:00.000Z', framework: 'soc2' });
    assert.deepEqual(range.map((r) => r.met), [3], 'from is inclusive, to exclusive');
    assert.deepEqual((await store.assessments({ tenants: ['acme'] })).map((r) => r.met), [3]);
    assert.deepEqual(await store.assessments({ tenants: [] }), []);
    assert.deepEqual((await store.assessments({ framework: 'soc2', limit: 2 })).map((r) => r.met), [3, 4], 'a limit keeps the newest');
    await store.close();
  });
}

test('sqlite: stored evidence cannot be changed or deleted through the database by mistake', async () => {
  const { store, db } = await backends[0]!.open();
  const { sha256 } = await store.putFile(pdf, 'application/pdf');
  const d = new Database(db);
  assert.throws(() => d.prepare('UPDATE evidence_files SET media_type = ? WHERE sha256 = ?').run('text/plain', sha256), /evidence files are never changed/);
  assert.throws(() => d.prepare('DELETE FROM evidence_files').run(), /evidence files are never deleted/);
  d.close();
  await store.close();
});

test('postgres: after the deployment bootstrap, the application login adds and reads evidence and history but cannot change or delete either', { skip: unreachable ?? false }, async () => {
  const db = pgDb();
  const schema = new URL(db).searchParams.get('schema')!;
  const login = `attest_cmpl${process.pid}`;
  logins.push(login);
  const target = new URL(PG_URL);
  const script = fileURLToPath(new URL('../../../deploy/aws/db-bootstrap.mjs', import.meta.url));
  const run = spawnSync(process.execPath, [script], {
    encoding: 'utf8',
    env: {
      PATH: process.env['PATH'] ?? '', PGHOST: target.hostname, PGPORT: target.port || '5432', PGDATABASE: target.pathname.slice(1),
      MASTER_USERNAME: decodeURIComponent(target.username) || 'postgres', MASTER_PASSWORD: decodeURIComponent(target.password) || 'unused-with-trust-auth',
      APP_USERNAME: login, APP_PASSWORD: 'not-printed', ATTEST_PG_SCHEMA: schema, PGSSLMODE: 'disable',
    },
  });
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
  const asLogin = new URL(PG_URL);
  asLogin.username = login;
  asLogin.password = 'not-printed';
  asLogin.searchParams.set('schema', schema);
  const app = openComplianceStore(asLogin.toString());
  await app.init(); // the login may not create or grant; init must still succeed on tables that exist
  const { sha256 } = await app.putFile(pdf, 'application/pdf');
  assert.ok((await app.getFile(sha256))!.content.equals(pdf));
  await app.addAssessments([{ at: new Date().toISOString(), framework: 'soc2', categories: [], met: 1, applicable: 1, total: 1, score: 100, coverage: 100, counts: { met: 1, not_met: 0, partially_met: 0, unknown: 0, not_started: 0, expired: 0, excepted: 0, not_applicable: 0 } }]);
  assert.equal((await app.assessments()).length, 1);
  await app.close();
  const u = new URL(asLogin.toString());
  u.searchParams.delete('schema');
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    await assert.rejects(c.query(`UPDATE "${schema}".evidence_files SET content = '\\x00'`), /permission denied for table evidence_files/);
    await assert.rejects(c.query(`DELETE FROM "${schema}".evidence_files`), /permission denied for table evidence_files/);
    await assert.rejects(c.query(`TRUNCATE "${schema}".evidence_files`), /permission denied for table evidence_files/);
    await assert.rejects(c.query(`UPDATE "${schema}".compliance_assessments SET met = 0`), /permission denied for table compliance_assessments/);
    await assert.rejects(c.query(`DELETE FROM "${schema}".compliance_assessments`), /permission denied for table compliance_assessments/);
    // The ledger's own boundary is unchanged.
    await assert.rejects(c.query(`DELETE FROM "${schema}".records`), /permission denied for table records/);
  } finally {
    await c.end();
  }
});

test('postgres: a ledger migration that revokes attest_app\'s grants is mended by the owner\'s next init', { skip: unreachable ?? false }, async () => {
  const db = pgDb();
  const schema = new URL(db).searchParams.get('schema')!;
  const owner = openComplianceStore(db);
  await owner.init();
  const grants = () => asOwner(async (c) => (await c.query<{ p: string }>(`SELECT privilege_type AS p FROM information_schema.role_table_grants WHERE grantee = 'attest_app' AND table_schema = $1 AND table_name = 'evidence_files' ORDER BY 1`, [schema])).rows.map((r) => r.p));
  assert.deepEqual(await grants(), ['INSERT', 'SELECT']);
  await asOwner((c) => c.query(`REVOKE ALL ON ALL TABLES IN SCHEMA "${schema}" FROM attest_app`));
  assert.deepEqual(await grants(), []);
  await owner.init();
  assert.deepEqual(await grants(), ['INSERT', 'SELECT']);
  await owner.close();
  // The role the service runs as sees the tables through the grants.
  const app = openComplianceStore(db, { role: 'attest_app' });
  const { sha256 } = await app.putFile(pdf, 'application/pdf');
  assert.equal((await app.checkFile(sha256)).status, 'ok');
  await assert.rejects(asOwner((c) => c.query(`SET ROLE attest_app; DELETE FROM "${schema}".evidence_files`)), /permission denied for table evidence_files/);
  await app.close();
});
