/**
 * Alerts across instances and under contention, over one ledger backend: two `attest serve`
 * apps over one ledger (the same PostgreSQL schema, or the same SQLite file) each see every
 * alert — raised through one, it reaches the other's stream and list — each record once;
 * concurrent acknowledges (and resolves) of one alert, spread over both apps, write exactly one
 * record and answer the others 409 naming who did it; the guard holds at the ledger too. And
 * an SMTP server that rejects every message leaves, after the configured tries, one
 * alert.delivery.failed record naming the channel and the reason, with no password in it.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { notifySection } from '../../src/notify/config.js';
import { LedgerConflictError } from '../../src/ledger/store.js';
import type { AlertView } from '../../src/detection/alert.js';
import { bearer, dropSchemas, pgSkip, pgUrl, testServer, type Backend, type TestServer } from '../server/helpers.js';
import { PG_URL } from '../helpers/pg.js';
import { raisedAlert, raisedEvent, readAlertStream } from '../helpers/alerts.js';
import { until } from './delivery.suite.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function instancesSuite(backend: Backend): void {
  let skip: string | undefined;
  let a: TestServer;
  let b: TestServer;
  const t = (name: string, fn: () => Promise<void>) => test(`alerts/${backend}: ${name}`, async (c) => (skip ? c.skip(skip) : fn()));

  before(async () => {
    if (backend === 'postgres') skip = await pgSkip();
    if (skip) return;
    a = await testServer({ backend, ...(backend === 'postgres' ? { db: pgUrl() } : {}) });
    // The second instance: the same database and the same ledger keys, its own everything else.
    b = await testServer({ backend, db: a.ctx.config.ledger.db, ledger: { keys: a.ctx.config.ledger.keys } });
  });

  after(async () => {
    if (skip) return;
    await b?.close();
    await a?.close();
    await dropSchemas();
  });

  /** The app's address, listening first when it does not yet. */
  const url = async (s: TestServer) => {
    const addr = s.app.server.address() as AddressInfo | null;
    return addr ? `http://127.0.0.1:${addr.port}` : s.app.listen({ port: 0, host: '127.0.0.1' });
  };
  const get = async <T>(s: TestServer, path: string) => {
    const res = await s.app.inject({ method: 'GET', url: path, headers: bearer(await s.token('auditor', 'audrey')) });
    assert.equal(res.statusCode, 200, res.body);
    return JSON.parse(res.body) as T;
  };
  const raise = async (s: TestServer, title: string) => {
    const id = `x-${randomBytes(6).toString('hex')}`;
    const r = await s.ctx.ledger.append([raisedEvent(raisedAlert(id, 'high', title))], { alerts: true });
    return { id, seq: r.last };
  };
  const records = async (id: string) => (await a.ctx.ledger.query({ targetType: 'alert', targetId: id, order: 'asc' })).records.map((r) => `${r.action} ${r.actor.id}`);

  t('an alert raised through instance A reaches B\'s stream and list, each record once', async () => {
    const onB = await readAlertStream(await url(b), await b.token('auditor', 'audrey'));
    const onA = await readAlertStream(await url(a), await a.token('auditor', 'audrey'));
    try {
      assert.equal(onB.status, 200);
      const res = await a.app.inject({ method: 'POST', url: '/api/alerts/test', headers: bearer(await a.token('security-officer', 'olivia')), payload: { note: 'from A' } });
      assert.equal(res.statusCode, 201, res.body);
      const { alert } = JSON.parse(res.body) as { alert: AlertView };
      const raisedOnB = await until('the raise on B\'s stream', () => onB.events.find((e) => e.alertId === alert.alertId), 5000);
      assert.deepEqual(raisedOnB, { action: 'alert.raised', alertId: alert.alertId, seq: alert.raisedSeq, severity: 'low', title: 'Test alert: checks that alert delivery reaches you', notify: true });
      const listB = await get<{ alerts: AlertView[]; openCount: number }>(b, '/api/alerts?state=open');
      assert.deepEqual(listB.alerts.filter((x) => x.alertId === alert.alertId).map((x) => [x.state, x.raisedSeq, x.subject]), [['open', alert.raisedSeq, 'dev:olivia']]);
      // Acknowledged on A: B's stream and B's view follow.
      const ack = await a.app.inject({ method: 'POST', url: `/api/alerts/${alert.alertId}/acknowledge`, headers: bearer(await a.token('security-officer', 'olivia')), payload: { note: 'mine' } });
      assert.equal(ack.statusCode, 200, ack.body);
      await until('the acknowledge on B\'s stream', () => onB.events.find((e) => e.alertId === alert.alertId && e.action === 'alert.acknowledged'), 5000);
      const viewB = await get<AlertView>(b, `/api/alerts/${alert.alertId}`);
      assert.equal(viewB.state, 'acknowledged');
      assert.equal(viewB.acknowledged?.by, 'dev:olivia');
      assert.equal(viewB.acknowledged?.note, 'mine');
      // Acknowledged on A, resolved on B: A's view follows B's record.
      const resolved = await b.app.inject({ method: 'POST', url: `/api/alerts/${alert.alertId}/resolve`, headers: bearer(await b.token('security-officer', 'bob')), payload: { resolution: 'benign' } });
      assert.equal(resolved.statusCode, 200, resolved.body);
      assert.equal((await get<AlertView>(a, `/api/alerts/${alert.alertId}`)).resolved?.by, 'dev:bob');
      await until('the resolve on A\'s stream', () => onA.events.find((e) => e.alertId === alert.alertId && e.action === 'alert.resolved'), 5000);
      // Several reads by seq later (every second, and one per request), still once each.
      await sleep(2200);
      await get(b, '/api/alerts');
      await get(a, '/api/alerts');
      for (const s of [onA, onB]) assert.deepEqual(s.events.filter((e) => e.alertId === alert.alertId).map((e) => e.action), ['alert.raised', 'alert.acknowledged', 'alert.resolved']);
      const seqsB = onB.events.map((e) => e.seq);
      assert.equal(new Set(seqsB).size, seqsB.length, 'no seq announced twice');
      assert.deepEqual(seqsB, [...seqsB].sort((x, y) => x - y), 'announced in seq order');
    } finally {
      await onA.stop();
      await onB.stop();
    }
  });

  t('concurrent acknowledges over both instances write one record; the others get 409 naming who did it; the same for resolve', async () => {
    const { id } = await raise(a, 'Contended');
    const who = ['ann', 'bea', 'cal', 'dan', 'eve', 'fay'];
    const fire = (path: string, payload: object) =>
      Promise.all(who.map(async (u, i) => {
        const s = i % 2 === 0 ? a : b;
        const res = await s.app.inject({ method: 'POST', url: `/api/alerts/${id}/${path}`, headers: bearer(await s.token('security-officer', u)), payload });
        return { u, code: res.statusCode, body: JSON.parse(res.body) as AlertView & { message?: string; error?: string } };
      }));
    const acks = await fire('acknowledge', {});
    const won = acks.filter((r) => r.code === 200);
    assert.equal(won.length, 1, JSON.stringify(acks.map((r) => r.code)));
    const winner = won[0]!;
    assert.equal(winner.body.acknowledged?.by, `dev:${winner.u}`);
    const lost = acks.filter((r) => r.code !== 200);
    assert.deepEqual(lost.map((r) => r.code), [409, 409, 409, 409, 409]);
    for (const r of lost) assert.equal(r.body.message, `alert ${id} was already acknowledged by dev:${winner.u} at ${winner.body.acknowledged?.at} (record ${winner.body.acknowledged?.seq})`);
    const resolves = await fire('resolve', { resolution: 'true-positive' });
    const rw = resolves.filter((r) => r.code === 200);
    assert.equal(rw.length, 1, JSON.stringify(resolves.map((r) => r.code)));
    const r0 = rw[0]!;
    for (const r of resolves.filter((x) => x.code !== 200)) {
      assert.equal(r.code, 409);
      assert.equal(r.body.message, `alert ${id} was resolved by dev:${r0.u} at ${r0.body.resolved?.at} (record ${r0.body.resolved?.seq}); it cannot change any more`);
    }
    assert.deepEqual(await records(id), ['alert.raised attest-detection', `alert.acknowledged dev:${winner.u}`, `alert.resolved dev:${r0.u}`]);
  });

  t('the guard itself: two guarded appends of one change race in the ledger, one is written, the other refused naming it', async () => {
    const { id } = await raise(a, 'Raced in the ledger');
    const ack = (by: string) => [{ actor: { id: by, type: 'user' as const }, action: 'alert.acknowledged', target: { type: 'alert', id }, outcome: 'success' as const, metadata: { alertId: id } }];
    const unless = { targetType: 'alert', targetId: id, actions: ['alert.acknowledged', 'alert.resolved'] };
    // One ledger (one process's queue), and the two instances' ledgers (two connections).
    const res = await Promise.allSettled([a.ctx.ledger.append(ack('p1'), { alerts: true, unless }), a.ctx.ledger.append(ack('p2'), { alerts: true, unless }), b.ctx.ledger.append(ack('p3'), { alerts: true, unless })]);
    const ok = res.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof a.ctx.ledger.append>>> => r.status === 'fulfilled');
    assert.equal(ok.length, 1);
    const refused = res.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as Error);
    assert.equal(refused.length, 2);
    for (const e of refused) {
      assert.ok(e instanceof LedgerConflictError, e.message);
      assert.equal(e.seq, ok[0]!.value.first);
      assert.equal(e.message, `record ${ok[0]!.value.first} (alert.acknowledged) of alert ${id} already exists; nothing was appended`);
    }
    assert.equal((await records(id)).filter((r) => r.startsWith('alert.acknowledged')).length, 1);
    // Another target, or an action outside the guard, is not held back by it.
    await a.ctx.ledger.append([{ actor: { id: 'x', type: 'user' }, action: 'alert.resolved', target: { type: 'alert', id }, outcome: 'success', metadata: { alertId: id, resolution: 'benign' } }], { alerts: true, unless: { targetType: 'alert', targetId: id, actions: ['alert.resolved'] } });
    await assert.rejects(a.ctx.ledger.append(ack('p4'), { alerts: true, unless: { targetType: 'alert', targetId: id, actions: [] } }), /name at least one action/);
  });

  if (backend === 'postgres') {
    t('with both instances\' acknowledges held at the ledger\'s lock, the open state each read is stale: still one record', async () => {
      const { id } = await raise(b, 'Held at the lock');
      const schema = new URL(a.ctx.config.ledger.db).searchParams.get('schema')!;
      const holder = new pg.Client({ connectionString: PG_URL });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query(`SELECT 1 FROM "${schema}".head WHERE id = 1 FOR UPDATE`);
        const pending = ['ann', 'bea', 'cal', 'dan'].map(async (u, i) => {
          const s = i % 2 === 0 ? a : b;
          const res = await s.app.inject({ method: 'POST', url: `/api/alerts/${id}/acknowledge`, headers: bearer(await s.token('security-officer', u)), payload: {} });
          return res.statusCode;
        });
        // Each instance's first acknowledge has read the alert as open and waits in the database
        // for the lock this connection holds (its others wait behind it in that instance's
        // append queue). pg_locks, not pg_stat_activity: the latter is a snapshot per transaction.
        const end = Date.now() + 10_000;
        for (;;) {
          const n = (await holder.query(`SELECT count(DISTINCT pid)::int AS n FROM pg_locks WHERE NOT granted AND (relation = $1::regclass OR (locktype = 'transactionid' AND pg_backend_pid() = ANY (pg_blocking_pids(pid))))`, [`"${schema}".head`])).rows[0].n as number;
          if (n >= 2) break;
          if (Date.now() > end) throw new Error(`only ${n} of 2 instances' acknowledges reached the lock`);
          await sleep(25);
        }
        await holder.query('COMMIT');
        const codes = (await Promise.all(pending)).sort();
        assert.deepEqual(codes, [200, 409, 409, 409]);
      } finally {
        await holder.query('ROLLBACK').catch(() => undefined);
        await holder.end();
      }
      assert.equal((await records(id)).filter((r) => r.startsWith('alert.acknowledged')).length, 1);
    });
  }

  t('an SMTP server that rejects every message: after 3 tries one dead letter names the channel and the reason, without the password', async () => {
    const password = `pw${randomBytes(8).toString('hex')}`;
    let tries = 0;
    const smtp = new SMTPServer({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth(auth, _session, cb) {
        return auth.username === 'alerts' && auth.password === password ? cb(null, { user: 'alerts' }) : cb(new Error('invalid credentials'));
      },
      onData(stream, _session, cb) {
        tries++;
        stream.resume();
        // A careless server that echoes the credential: the dead letter must not carry it.
        stream.on('end', () => cb(Object.assign(new Error(`mailbox secops@example.test unavailable (login alerts/${password})`), { responseCode: 550 })));
      },
    });
    const port = await new Promise<number>((r) => smtp.listen(0, '127.0.0.1', () => r((smtp.server.address() as AddressInfo).port)));
    const notify = notifySection(
      { channels: [{ type: 'email', name: 'secops-mail', host: '127.0.0.1', port, secure: false, user: 'alerts', passwordEnv: 'MAIL_PW', from: 'attest@example.test', to: 'secops@example.test', minSeverity: 'low', attempts: 3, backoffMs: 10 }] },
      'test notify',
      { MAIL_PW: password },
    );
    const s = await testServer({ backend, notify });
    try {
      const stream = await readAlertStream(await url(s), await s.token('auditor', 'audrey'));
      const { id } = await raise(s, 'Undeliverable');
      await s.ctx.notifier.idle();
      assert.equal(tries, 3);
      const recs = (await s.ctx.ledger.query({ action: 'alert.delivery.failed', targetId: id })).records;
      assert.equal(recs.length, 1);
      const m = recs[0]!.metadata as { channel: string; attempts: number; error: string; deadLetter: boolean };
      assert.equal(m.channel, 'secops-mail');
      assert.equal(m.attempts, 3);
      assert.equal(m.deadLetter, true);
      assert.match(m.error, /^SMTP delivery to 127\.0\.0\.1:\d+ failed: .*550 .*mailbox secops@example\.test unavailable \(login alerts\/\[redacted\]\)/);
      const view = await get<AlertView>(s, `/api/alerts/${id}`);
      assert.deepEqual(view.deliveryFailures.map((f) => [f.channel, f.attempts, f.error, f.seq]), [['secops-mail', 3, m.error, recs[0]!.seq]]);
      await until('the dead letter on the stream', () => stream.events.find((e) => e.alertId === id && e.action === 'alert.delivery.failed'), 5000);
      // Appended here and read again by seq since: still one.
      await sleep(1200);
      const list = await get<{ alerts: AlertView[] }>(s, '/api/alerts');
      assert.equal(list.alerts.find((x) => x.alertId === id)?.deliveryFailures.length, 1);
      assert.equal(stream.events.filter((e) => e.alertId === id && e.action === 'alert.delivery.failed').length, 1);
      await stream.stop();
      const everything = [JSON.stringify(recs), JSON.stringify(list), s.logs.join('\n')].join('\n');
      assert.ok(s.logs.some((l) => l.includes('alert delivery given up') && l.includes('secops-mail')));
      assert.ok(!everything.includes(password), 'the password leaked');
    } finally {
      await s.close();
      await new Promise<void>((r) => smtp.close(() => r()));
    }
  });
}
