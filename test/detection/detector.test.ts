import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { AlertRaised } from '../../src/detection/alert.js';
import { Detector, prepareTables, type RaisedAlert } from '../../src/detection/detector.js';
import { detectionConfig } from '../../src/detection/rules.js';
import type { Ledger } from '../../src/ledger/ledger.js';
import type { SideTables } from '../../src/ledger/store.js';
import { openLedger } from '../../src/ledger/open.js';
import { bootstrapPostgres, PostgresStore } from '../../src/ledger/stores/postgres.js';
import { asOwner, dropLogins, PG_URL, pgUnreachable } from '../helpers/pg.js';

// One signal enough: these tests are about the lease, the cursor and the records; the rules' combination is rules.test.ts's.
const config = detectionConfig({ leaseSeconds: 3, minSignals: 1 });
const dirs: string[] = [];
const schemas: string[] = [];
const logins: string[] = [];
after(async () => {
  if (logins.length && !(await pgUnreachable())) await dropLogins(logins);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  if (schemas.length && !(await pgUnreachable())) await asOwner(async (c) => { for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`); });
});

function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'attest-detect-'));
  dirs.push(d);
  return d;
}

const failedLogins = (actor: string, n = 6) => Array.from({ length: n }, () => ({ actor: { id: actor, type: 'user' as const, ip: '198.51.100.23', user_agent: 'curl/8' }, action: 'auth.login', outcome: 'denied' as const }));
const selfGrant = (actor: string) => ({ actor: { id: actor, type: 'user' as const, ip: '192.0.2.5' }, action: 'user.role.grant', target: { type: 'user', id: actor }, outcome: 'success' as const, metadata: { role: 'admin' } });

async function alertsIn(ledger: Ledger): Promise<Array<{ seq: number; meta: AlertRaised }>> {
  const page = await ledger.query({ action: 'alert.raised', order: 'asc', limit: 1000 });
  return page.records.map((r) => ({ seq: r.seq, meta: r.metadata as unknown as AlertRaised }));
}

async function until(what: string, cond: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

type Row = Record<string, unknown>;
/** Everything detection saved: the cursor row and the subject rows. */
async function savedState(side: SideTables): Promise<{ cursor: Row; subjects: Row[] }> {
  const cursor = (await side.run('SELECT seq, state FROM detect_state WHERE name = $1', ['detection'])).rows[0]!;
  const subjects = (await side.run('SELECT subject, state FROM detect_subject WHERE name = $1 ORDER BY subject', ['detection'])).rows;
  return { cursor, subjects };
}

/** Puts an earlier saved state back, as a crash before the next save would have left it. */
async function putState(side: SideTables, st: { cursor: Row; subjects: Row[] }): Promise<void> {
  await side.run('UPDATE detect_state SET seq = $1, state = $2 WHERE name = $3', [st.cursor['seq'], st.cursor['state'], 'detection']);
  await side.run('DELETE FROM detect_subject WHERE name = $1', ['detection']);
  for (const r of st.subjects) await side.run('INSERT INTO detect_subject (name, subject, state) VALUES ($1, $2, $3)', ['detection', r['subject'], r['state']]);
}

async function resumeScenario(db: string, keysDir: string): Promise<void> {
  const ledger = await openLedger({ db, keysDir, createKeys: true });
  try {
    const a = new Detector({ ledger, config, instanceId: 'instance-a', pollMs: 50 });
    const seen: RaisedAlert[] = [];
    a.onAlert((x) => seen.push(x));
    assert.equal(await a.start(), true, 'the only instance takes the lease');
    await ledger.append(failedLogins('mallory'));
    await a.idle();
    let alerts = await alertsIn(ledger);
    assert.equal(alerts.length, 1);
    assert.equal(alerts[0]!.meta.subject, 'mallory');
    assert.deepEqual(alerts[0]!.meta.signals.map((s) => s.rule).sort(), ['auth.failed-burst']);
    assert.equal(seen.length, 1, 'onAlert is called after the alert record is committed');
    assert.equal(seen[0]!.seq, alerts[0]!.seq);
    assert.deepEqual(seen[0]!.alert.alertId, alerts[0]!.meta.alertId);
    assert.ok(alerts[0]!.meta.signals[0]!.evidenceSeqs.length >= 6);

    const side = ledger.store.sideTables!();
    const before = await savedState(side);
    assert.equal(before.subjects.length, 2, 'one row per subject: the address of the failed logins and the actor');
    assert.match(String(before.subjects[0]!['subject']), /^ip:[A-Za-z0-9_-]{16}$/);
    assert.equal(before.subjects[1]!['subject'], 'mallory');
    await ledger.append([selfGrant('erin')]);
    await a.idle();
    alerts = await alertsIn(ledger);
    assert.deepEqual(alerts.map((x) => x.meta.subject), ['mallory', 'erin']);
    // A crash after the alert was committed but before the cursor moved: the saved state is the older one.
    await putState(side, before);
    await a.close({ release: false });

    // Appended while no evaluator runs.
    await ledger.append(failedLogins('trent'));
    const b = new Detector({ ledger, config, instanceId: 'instance-b', pollMs: 50, now: () => Date.now() + 10_000 });
    assert.equal(await b.start(), true, 'the lapsed lease is taken over');
    await b.idle();
    alerts = await alertsIn(ledger);
    assert.deepEqual(alerts.map((x) => x.meta.subject), ['mallory', 'erin', 'trent'], 'the missed burst is raised, the already-raised self-grant is not raised again');
    assert.equal(new Set(alerts.map((x) => x.meta.alertId)).size, 3);
    assert.equal(b.evaluatedThrough, (await ledger.store.head()).size, 'evaluated through the head, its own alert record included (read, not fed to the rules)');
    await b.close();

    // A clean stop released the lease: a new instance takes it at once and has nothing to raise.
    const c = new Detector({ ledger, config, instanceId: 'instance-c', pollMs: 50 });
    assert.equal(await c.start(), true);
    await c.sync();
    assert.equal((await alertsIn(ledger)).length, 3);
    assert.equal(c.raised, 0);
    await c.close();
  } finally {
    await ledger.close();
  }
}

test('SQLite: live alert through onAppend, resume after a crash without duplicates or misses', async () => {
  const d = tmp();
  await resumeScenario(join(d, 'ledger.db'), join(d, 'keys'));
});

test('PostgreSQL: the same resume, lease and cursor in the ledger\'s schema', async (t) => {
  const why = await pgUnreachable();
  if (why) return t.skip(why);
  const schema = `detect_${process.pid}_${Date.now() % 100000}_a`;
  schemas.push(schema);
  await resumeScenario(`${PG_URL}?schema=${schema}`, join(tmp(), 'keys'));
});

test('PostgreSQL: two instances, one lease; the holder killed, the other takes over; each alert raised once', async (t) => {
  const why = await pgUnreachable();
  if (why) return t.skip(why);
  const schema = `detect_${process.pid}_${Date.now() % 100000}_b`;
  schemas.push(schema);
  const db = `${PG_URL}?schema=${schema}`;
  const keysDir = join(tmp(), 'keys');
  const l1 = await openLedger({ db, keysDir, createKeys: true });
  const l2 = await openLedger({ db, keysDir });
  let skew = 0;
  const d1 = new Detector({ ledger: l1, config, instanceId: 'one', pollMs: 50 });
  const d2 = new Detector({ ledger: l2, config, instanceId: 'two', pollMs: 50, now: () => Date.now() + skew });
  try {
    assert.equal(await d1.start(), true);
    assert.equal(await d2.start(), false, 'the second instance stands by');
    // Appended by the standby's process: the holder sees it by its catch-up read.
    await l2.append(failedLogins('mallory'));
    await until('the holder to raise the alert', async () => (await alertsIn(l1)).length === 1);
    assert.equal(d1.raised, 1);
    assert.equal(d2.raised, 0);

    await d1.close({ release: false }); // killed: the lease is left to lapse
    skew = 10_000; // past the 3-second lease, without waiting for it
    await until('the standby to take the lease over', () => d2.holdsLease);
    await l1.append([selfGrant('erin')]);
    await l2.append(failedLogins('trent'));
    await until('the new holder to raise both alerts', async () => (await alertsIn(l2)).length === 3);
    await d2.idle();
    await new Promise((r) => setTimeout(r, 300)); // a few more catch-up rounds: nothing more may come
    const alerts = await alertsIn(l2);
    assert.deepEqual(alerts.map((x) => x.meta.subject).sort(), ['erin', 'mallory', 'trent']);
    assert.equal(new Set(alerts.map((x) => x.meta.alertId)).size, 3);
    assert.equal(d2.raised, 2);
  } finally {
    await d2.close();
    await d1.close().catch(() => undefined);
    await l1.close();
    await l2.close();
  }
});

test('PostgreSQL: the application role (no CREATE) runs detection on tables the owner prepared (db-bootstrap)', async (t) => {
  const why = await pgUnreachable();
  if (why) return t.skip(why);
  const schema = `detect_${process.pid}_${Date.now() % 100000}_c`;
  schemas.push(schema);
  const login = `attest_det${process.pid}_svc`;
  logins.push(login);
  const ownerUrl = `${PG_URL}?schema=${schema}`;
  await bootstrapPostgres({ ownerUrl, login, password: 'detect-test', tenants: '*' });
  const appUrl = new URL(ownerUrl);
  appUrl.username = login;
  appUrl.password = 'detect-test';
  const keysDir = join(tmp(), 'keys');
  const app = await openLedger({ db: appUrl.toString(), keysDir, createKeys: true });
  try {
    // Before the owner prepared them, the application role cannot create the tables: the error says so.
    const early = new Detector({ ledger: app, config, instanceId: 'app-early' });
    await assert.rejects(early.start(), /permission denied/);
    await early.close();
    const owner = new PostgresStore(ownerUrl, { poolSize: 1 });
    try {
      await prepareTables(owner.sideTables());
    } finally {
      await owner.close();
    }
    const d = new Detector({ ledger: app, config, instanceId: 'app', pollMs: 50 });
    assert.equal(await d.start(), true);
    await app.append([selfGrant('erin')]);
    await d.idle();
    assert.deepEqual((await alertsIn(app)).map((x) => x.meta.subject), ['erin']);
    await d.close();
  } finally {
    await app.close();
  }
});
