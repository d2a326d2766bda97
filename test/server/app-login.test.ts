/**
 * The service logged in to PostgreSQL as the application role (a member of attest_app, as
 * deploy/aws runs it), which may append and read but not delete: erasure through the API is
 * refused with the database's reason (409), nothing erased and nothing claimed; scheduled
 * retention fails with the reason, recorded, and the self-assessment fails with it until the
 * schema owner runs retention (the "external" runner), which the service then sees.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrapPostgres, PostgresStore } from '../../src/ledger/stores/postgres.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { DirectoryKeyProvider } from '../../src/ledger/keys.js';
import { RETENTION_RUN_ACTION, runRetention } from '../../src/ledger/retention-run.js';
import { openScanStore } from '../../src/server/scan-store.js';
import { openComplianceStore } from '../../src/compliance/store.js';
import { PG_URL, dropLogins } from '../helpers/pg.js';
import { bearer, dropSchemas, pgSkip, pgUrl, testServer } from './helpers.js';

const unreachable = await pgSkip();
const login = `attest_applogin${process.pid}`;

test.after(async () => {
  if (unreachable) return;
  await dropSchemas();
  await dropLogins([login]);
});

test('as the application role: erasure is refused with the store\'s reason (409), retention fails with it and is recorded; the owner\'s run then passes', { skip: unreachable ?? false }, async () => {
  const ownerUrl = pgUrl();
  const schema = new URL(ownerUrl).searchParams.get('schema')!;
  await bootstrapPostgres({ ownerUrl, login, tenants: '*' });
  // The scans and compliance tables, created by the owner as deploy/aws/db-bootstrap.mjs does: the login may not create tables.
  for (const store of [openScanStore(ownerUrl), openComplianceStore(ownerUrl)]) {
    await store.init();
    await store.close();
  }
  const asLogin = new URL(PG_URL);
  asLogin.username = login;
  asLogin.searchParams.set('schema', schema);
  const archiveDir = join(mkdtempSync(join(tmpdir(), 'attest-archive-')), 'archive');
  const s = await testServer({ backend: 'postgres', db: asLogin.toString(), ledger: { retentionSchedule: { every: '1d', runner: 'service', archiveOlderThan: '1y', archiveDir } } });
  try {
    const admin = await s.token('admin');
    const inject = (url: string, payload: object) => s.app.inject({ method: 'POST', url, headers: bearer(admin), payload });
    assert.equal((await s.app.inject({ method: 'POST', url: '/api/audit/events', headers: bearer(admin), payload: { action: 'auth.login', outcome: 'success', actor: { ip: '10.2.3.4' } } })).statusCode, 201);

    // Subject access only reads: it works.
    const read = await inject('/api/privacy/subject-access', { subject: 'dev:tester' });
    assert.equal(read.statusCode, 200, read.body);
    assert.equal((JSON.parse(read.body) as { records: { personal?: Record<string, string> }[] }).records[0]!.personal?.['actor.ip'], '10.2.3.4');

    // Erasure: refused by the database's own rule, said as the store says it.
    const erase = await inject('/api/privacy/erasures', { subject: 'dev:tester', reason: 'Art. 17 request' });
    assert.equal(erase.statusCode, 409, erase.body);
    const body = JSON.parse(erase.body) as { error: string; message: string; requestRecord: number };
    assert.equal(body.error, 'erasure_refused');
    assert.equal(body.message, `erasure on ${s.ctx.ledger.store.location} runs as the schema owner (postgres): it deletes personal data and rewrites the table (VACUUM FULL), which ${login} may not do; nothing was written. Run attest ledger erase-subject with --db postgres://postgres@…`);
    assert.equal((await s.ctx.ledger.query({ action: 'ledger.subject.erase' })).records.length, 0, 'no erasure claimed');
    const [failed] = (await s.ctx.ledger.query({ action: 'privacy.subject.erase.failed' })).records;
    assert.deepEqual([failed!.metadata!['request_record'], failed!.metadata!['refused']], [body.requestRecord, true]);
    const again = JSON.parse((await inject('/api/privacy/subject-access', { subject: 'dev:tester' })).body) as { records: { personal?: Record<string, string> }[] };
    assert.equal(again.records[0]!.personal?.['actor.ip'], '10.2.3.4', 'the personal data is still there');

    // Retention by this service: refused before an archive file is written, recorded as failed.
    const run = await s.ctx.retention.runNow();
    assert.equal(run.ok, false);
    assert.equal(run.error, `archiving failed: archiving on ${s.ctx.ledger.store.location} runs as the schema owner (postgres): it deletes the archived records from the database, which ${login} may not do; nothing was archived. Run attest ledger retention run (or attest ledger archive) with --db postgres://postgres@… on a schedule, and set ledger.retentionSchedule.runner to "external"`);
    const report = () => s.ctx.reports.get().findings.find((f) => f.controlId === 'ATTEST-SVC-AUDIT-006')!;
    s.ctx.reports.invalidateService();
    assert.equal(report().status, 'fail');
    assert.match(report().message, /^the latest retention run, at \S+ \(record \d+\), failed: archiving failed: archiving on .* runs as the schema owner/);

    // The owner runs it (as a scheduled job would): the service sees the run and passes.
    const owner = await Ledger.open({ store: new PostgresStore(ownerUrl), keys: DirectoryKeyProvider.open(join(s.dir, 'keys')) });
    try {
      const ok = await runRetention(owner, { policies: s.ctx.config.ledger.retention, archiveDir, archiveOlderThanMs: 365 * 86_400_000 }, { id: 'retention-job', type: 'system' });
      assert.equal(ok.ok, true, ok.error);
    } finally {
      await owner.close();
    }
    await s.ctx.retention.refresh();
    s.ctx.reports.invalidateService();
    assert.equal(report().status, 'pass', report().message);
    assert.match(report().message, /last ran at .*: nothing old enough to archive/);
    assert.equal((await s.ctx.ledger.query({ action: RETENTION_RUN_ACTION })).records[0]!.actor.id, 'retention-job');
    assert.equal((await s.ctx.ledger.verify()).ok, true);
  } finally {
    await s.close();
  }
});
