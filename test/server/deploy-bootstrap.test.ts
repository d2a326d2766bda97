/**
 * The AWS deployment's one-off bootstrap (deploy/aws/db-bootstrap.mjs), run as the real
 * script against the real PostgreSQL server, followed by the service started as the login it
 * creates: the service must come up and do its job with only the application role's rights.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { PG_URL, dropLogins } from '../helpers/pg.js';
import { bearer, dropSchemas, pgSkip, pgUrl, testServer } from './helpers.js';

const unreachable = await pgSkip();
const script = fileURLToPath(new URL('../../../deploy/aws/db-bootstrap.mjs', import.meta.url));
const login = `attest_boot${process.pid}`;


test.after(async () => {
  if (unreachable) return;
  await dropSchemas();
  await dropLogins([login]);
});

test('deploy bootstrap: the service then starts as the application login, stores scans and appends audit events; it cannot change a stored scan', { skip: unreachable ?? false }, async () => {
  const schema = new URL(pgUrl()).searchParams.get('schema')!;
  const target = new URL(PG_URL);
  const env = {
    PATH: process.env['PATH'] ?? '',
    PGHOST: target.hostname,
    PGPORT: target.port || '5432',
    PGDATABASE: target.pathname.slice(1),
    MASTER_USERNAME: decodeURIComponent(target.username) || 'postgres',
    MASTER_PASSWORD: decodeURIComponent(target.password) || 'unused-with-trust-auth',
    APP_USERNAME: login,
    APP_PASSWORD: 'app-secret-not-printed',
    ATTEST_PG_SCHEMA: schema,
    PGSSLMODE: 'disable',
  };
  const run = spawnSync(process.execPath, [script], { env, encoding: 'utf8' });
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
  assert.match(run.stdout, new RegExp(`^db-bootstrap: ledger \\S+ \\(schema ${schema}\\) ready; ${login} is a member of attest_app bound to every tenant\\n$`));
  assert.doesNotMatch(run.stdout, /app-secret-not-printed/);

  const asLogin = new URL(PG_URL);
  asLogin.username = login;
  asLogin.password = 'app-secret-not-printed';
  asLogin.searchParams.set('schema', schema);
  const s = await testServer({ backend: 'postgres', db: asLogin.toString() });
  try {
    const adminToken = await s.token('admin');
    const report = (await s.app.inject({ method: 'GET', url: '/api/security/compliance-report', headers: bearer(adminToken) })).body;
    const pushed = await s.app.inject({ method: 'POST', url: '/api/scans', headers: { ...bearer(adminToken), 'content-type': 'application/json' }, payload: report });
    assert.equal(pushed.statusCode, 201, pushed.body);
    const id = (JSON.parse(pushed.body) as { id: string }).id;
    const listed = JSON.parse((await s.app.inject({ method: 'GET', url: '/api/scans', headers: bearer(adminToken) })).body) as { scans: { id: string }[] };
    assert.deepEqual(listed.scans.map((x) => x.id), [id]);
    const ev = await s.app.inject({ method: 'POST', url: '/api/audit/events', headers: { ...bearer(adminToken), 'content-type': 'application/json' }, payload: { action: 'boot.check', outcome: 'success' } });
    assert.equal(ev.statusCode, 201, ev.body);
    assert.equal((await s.ctx.ledger.verify()).ok, true);
  } finally {
    await s.close();
  }
  // The stored scan is evidence: the login may add and read scans, not change or remove them.
  const c = new pg.Client({ connectionString: asLogin.toString().replace(/[?&]schema=[^&]*/, '') });
  await c.connect();
  try {
    await assert.rejects(c.query(`UPDATE "${schema}".scans SET label = 'x'`), /permission denied/);
    await assert.rejects(c.query(`DELETE FROM "${schema}".scans`), /permission denied/);
    await assert.rejects(c.query(`CREATE TABLE "${schema}".extra (x int)`), /permission denied/);
  } finally {
    await c.end();
  }
});
