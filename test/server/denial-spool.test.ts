/**
 * No denial vanishes: while the ledger refuses appends, refused requests still get their
 * 401/403, the denials wait in a synced spool file (0600), /readyz says degraded and the
 * self-assessment says how many wait; when the ledger accepts writes again every denial is
 * in it exactly once (marked delayed, with its original time) and the ledger verifies. The
 * spool survives a restart, a restart after a crash between re-append and spool rewrite
 * appends nothing twice, and a denial that can be recorded nowhere is answered 503.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/server/serve.js';
import type { ServerContext } from '../../src/server/context.js';
import { dropSchemas, LogCapture, pgSkip, pgUrl, refuseAppends, testConfig } from './helpers.js';

interface Srv {
  app: FastifyInstance;
  ctx: ServerContext;
  logs: LogCapture;
  close(): Promise<void>;
}

async function start(dir: string, server: Record<string, unknown> = {}, db = join(dir, 'ledger.db')): Promise<Srv> {
  const config = testConfig(dir, db, { devIssuerDir: join(dir, 'dev-issuer') }, join(dir, 'infra'));
  Object.assign(config.server, server);
  const logs = new LogCapture();
  const { app, ctx } = await createServer({ config, dev: true, cwd: dir, logStream: logs, spoolRetryMs: 20 });
  return {
    app,
    ctx,
    logs,
    async close() {
      await app.close();
      await ctx.close();
    },
  };
}

const spoolPath = (dir: string) => join(dir, 'denials.spool.ndjson');
/** Where the spool lives by default with PostgreSQL: .attest/ in the working directory. */
const pgSpoolPath = (dir: string) => join(dir, '.attest', 'denials.spool.ndjson');

after(dropSchemas);

async function denials(ctx: ServerContext) {
  return (await ctx.ledger.query({ action: 'access.denied', order: 'asc', limit: 1000 })).records;
}

async function until(cond: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail(`never happened: ${what}`);
}

for (const backend of ['sqlite', 'postgres'] as const) {
  test(`${backend}: denials the ledger refuses are spooled, answered 401/403, and re-appended exactly once when it recovers`, async (t) => {
    if (backend === 'postgres') {
      const skip = await pgSkip();
      if (skip) return t.skip(skip);
    }
    const dir = mkdtempSync(join(tmpdir(), 'attest-spool-'));
    const spoolPath = (d: string) => (backend === 'postgres' ? pgSpoolPath(d) : join(d, 'denials.spool.ndjson'));
    const s = await start(dir, {}, backend === 'postgres' ? pgUrl() : join(dir, 'ledger.db'));
    try {
      const viewer = await s.ctx.devIssuer!.mint({ user: 'vic', role: 'viewer', roles: s.ctx.access.roles });
      const recover = refuseAppends(s.ctx.ledger.store);
      const sent = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          s.app.inject({ method: 'GET', url: i % 2 ? '/api/audit/events' : '/api/me', headers: { 'x-request-id': `spooled-${String(i).padStart(4, '0')}`, ...(i % 2 ? { authorization: `Bearer ${viewer}` } : {}) } }),
        ),
      );
      assert.deepEqual(sent.map((r) => r.statusCode), [401, 403, 401, 403, 401, 403, 401, 403, 401, 403, 401, 403]);
      assert.equal(JSON.parse(sent[1]!.body).reason, 'missing_scope');
      assert.equal(s.ctx.denials.count, 12);
      assert.equal(statSync(spoolPath(dir)).mode & 0o777, 0o600);
      const lines = readFileSync(spoolPath(dir), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { event: { request_id: string }; error: string });
      assert.deepEqual(lines.map((l) => l.event.request_id).sort(), sent.map((_, i) => `spooled-${String(i).padStart(4, '0')}`));
      assert.equal(lines[0]!.error, 'SQLITE_BUSY: database is locked');
      assert.equal(s.logs.lines.filter((l) => l.includes('could not record an access denial in the ledger; spooled it')).length, 12);

      const ready = await s.app.inject({ method: 'GET', url: '/readyz' });
      assert.equal(ready.statusCode, 200);
      assert.deepEqual(JSON.parse(ready.body), { status: 'degraded', ledger: backend, spooledDenials: 12 });
      const audit001 = s.ctx.reports.get().findings.find((f) => f.controlId === 'ATTEST-SVC-AUDIT-001')!;
      assert.equal(audit001.status, 'fail');
      assert.match(audit001.message, /^12 access denial\(s\) are not in the ledger yet/);
      assert.equal((await denials(s.ctx)).length, 0);

      recover();
      // The next denial goes straight in and kicks the re-append without waiting for the back-off.
      const after = await s.app.inject({ method: 'GET', url: '/api/me', headers: { 'x-request-id': 'direct-after-recovery' } });
      assert.equal(after.statusCode, 401);
      await until(() => s.ctx.denials.count === 0, 'the spool drained');
      const recs = await denials(s.ctx);
      assert.equal(recs.length, 13);
      const ids = recs.map((r) => r.request_id!).sort();
      assert.deepEqual(ids, ['direct-after-recovery', ...sent.map((_, i) => `spooled-${String(i).padStart(4, '0')}`)]);
      const delayed = recs.filter((r) => r.metadata?.['delayed'] === true);
      assert.equal(delayed.length, 12);
      const original = new Map(lines.map((l) => [l.event.request_id, l as unknown as { at: string; id: string }]));
      for (const r of delayed) {
        assert.equal(r.metadata!['originalTime'], original.get(r.request_id!)!.at);
        assert.equal(r.metadata!['spoolId'], original.get(r.request_id!)!.id);
      }
      assert.equal(recs.find((r) => r.request_id === 'spooled-0001')!.metadata!['reason'], 'missing_scope');
      assert.equal(existsSync(spoolPath(dir)), false);
      assert.deepEqual(JSON.parse((await s.app.inject({ method: 'GET', url: '/readyz' })).body), { status: 'ready', ledger: backend });
      assert.equal(s.ctx.reports.get().findings.find((f) => f.controlId === 'ATTEST-SVC-AUDIT-001')!.status, 'pass');
      assert.equal((await s.ctx.ledger.verify()).ok, true);
    } finally {
      await s.close();
    }
  });
}

test('the spool survives a restart, and a crash between re-append and rewrite appends nothing twice', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-spool-restart-'));
  let s = await start(dir);
  refuseAppends(s.ctx.ledger.store);
  for (const id of ['restart-0001', 'restart-0002']) {
    assert.equal((await s.app.inject({ method: 'GET', url: '/api/me', headers: { 'x-request-id': id } })).statusCode, 401);
  }
  assert.equal(s.ctx.denials.count, 2);
  await s.close(); // the ledger is still refusing: the denials stay in the file
  const left = readFileSync(spoolPath(dir), 'utf8');
  assert.equal(left.trim().split('\n').length, 2);

  s = await start(dir);
  try {
    assert.equal(s.ctx.denials.count, 0);
    assert.deepEqual((await denials(s.ctx)).map((r) => [r.request_id, r.metadata!['delayed']]), [['restart-0001', true], ['restart-0002', true]]);
    assert.equal(existsSync(spoolPath(dir)), false);
  } finally {
    await s.close();
  }

  // As if the process died after the ledger took them but before the spool was rewritten.
  writeFileSync(spoolPath(dir), left, { mode: 0o600 });
  s = await start(dir);
  try {
    assert.equal(s.ctx.denials.count, 0);
    assert.deepEqual((await denials(s.ctx)).map((r) => r.request_id), ['restart-0001', 'restart-0002']);
    assert.ok(s.logs.lines.some((l) => l.includes('"alreadyRecorded":2')));
    assert.equal(existsSync(spoolPath(dir)), false);
    assert.equal((await s.ctx.ledger.verify()).ok, true);
  } finally {
    await s.close();
  }
});

test('an unreadable spool line is moved aside with its line number; the others are re-appended', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-spool-bad-'));
  let s = await start(dir);
  refuseAppends(s.ctx.ledger.store);
  assert.equal((await s.app.inject({ method: 'GET', url: '/api/me', headers: { 'x-request-id': 'good-line-0001' } })).statusCode, 401);
  await s.close();
  const good = readFileSync(spoolPath(dir), 'utf8');
  writeFileSync(spoolPath(dir), `{"id":"torn","at":"2026-\n${good}`);
  s = await start(dir);
  try {
    assert.deepEqual((await denials(s.ctx)).map((r) => r.request_id), ['good-line-0001']);
    assert.equal(readFileSync(`${spoolPath(dir)}.bad`, 'utf8'), '{"id":"torn","at":"2026-\n');
    const line = s.logs.lines.map((l) => JSON.parse(l) as { msg: string; line?: number }).find((l) => l.msg.startsWith('denial spool'))!;
    assert.equal(line.line, 1);
    assert.equal(line.msg, `denial spool ${spoolPath(dir)}:1: unreadable entry moved to ${spoolPath(dir)}.bad; re-append it by hand (attest ledger append) if it is a real denial`);
  } finally {
    await s.close();
  }
});

test('a denial that neither the ledger nor the spool can hold is answered 503 (fail closed)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-spool-none-'));
  writeFileSync(join(dir, 'not-a-dir'), '');
  const s = await start(dir, { denialSpool: join(dir, 'not-a-dir', 'denials.ndjson') });
  try {
    refuseAppends(s.ctx.ledger.store);
    const r = await s.app.inject({ method: 'GET', url: '/api/me', headers: { 'x-request-id': 'nowhere-0001' } });
    assert.equal(r.statusCode, 503);
    assert.equal(r.headers['retry-after'], '30');
    assert.deepEqual(JSON.parse(r.body), { error: 'unavailable', message: 'the request is refused and the audit trail cannot record the refusal right now; retry later', requestId: 'nowhere-0001' });
    assert.equal(s.ctx.denials.count, 0);
    assert.ok(s.logs.lines.some((l) => l.includes('could not record an access denial in the ledger, nor in the denial spool')));
  } finally {
    await s.close();
  }
});
