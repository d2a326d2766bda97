/** Detection state as one row per subject: incremental saves, fenced by the lease, atomic; resume after a crash raises exactly what an uninterrupted run raises. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { generateStream } from '../../bench/detect-stream.js';
import type { AlertRaised } from '../../src/detection/alert.js';
import { prepareTables } from '../../src/detection/detector.js';
import { Evaluator, type DetectionEvent } from '../../src/detection/evaluator.js';
import { DEFAULT_DETECTION } from '../../src/detection/rules.js';
import { DetectionStateStore } from '../../src/detection/state-store.js';
import type { Ledger } from '../../src/ledger/ledger.js';
import { openLedger } from '../../src/ledger/open.js';
import type { SideTables } from '../../src/ledger/store.js';
import { asOwner, PG_URL, pgUnreachable } from '../helpers/pg.js';

const dirs: string[] = [];
const schemas: string[] = [];
after(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  if (schemas.length && !(await pgUnreachable())) await asOwner(async (c) => { for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`); });
});

const KEY = Buffer.alloc(32, 9);
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const NOW = '2026-03-02T09:00:00.000Z';
const FENCE = { holder: 'holder-1', epoch: 1 };

async function withSide(kind: 'sqlite' | 'postgres', fn: (side: SideTables) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'attest-detect-state-'));
  dirs.push(dir);
  let db = join(dir, 'ledger.db');
  if (kind === 'postgres') {
    const schema = `detst_${process.pid}_${Date.now() % 100000}_${schemas.length}`;
    schemas.push(schema);
    db = `${PG_URL}?schema=${schema}`;
  }
  const ledger: Ledger = await openLedger({ db, keysDir: join(dir, 'keys'), createKeys: true });
  try {
    const side = ledger.store.sideTables!();
    await prepareTables(side);
    await side.run('INSERT INTO detect_lease (name, holder, expires, epoch) VALUES ($1, $2, $3, $4)', ['detection', FENCE.holder, 9e15, FENCE.epoch]);
    await fn(side);
  } finally {
    await ledger.close();
  }
}

const ok = (seq: number, actorId: string, minutes = seq): DetectionEvent => ({ seq, ms: T0 + minutes * 60_000, actorId, action: 'document.read', outcome: 'success', ip: '192.0.2.1', userAgent: 'UA-1' });

async function rows(side: SideTables): Promise<Map<string, string>> {
  const r = await side.run('SELECT subject, state FROM detect_subject WHERE name = $1', ['detection']);
  return new Map(r.rows.map((x) => [String(x['subject']), String(x['state'])]));
}

async function cursor(side: SideTables): Promise<{ seq: number; state: string }> {
  const r = (await side.run('SELECT seq, state FROM detect_state WHERE name = $1', ['detection'])).rows[0]!;
  return { seq: Number(r['seq']), state: String(r['state']) };
}

function fresh(maxSubjects?: number): Evaluator {
  return new Evaluator({ config: DEFAULT_DETECTION, hashKey: KEY, ...(maxSubjects ? { maxSubjects } : {}) });
}

async function batchScenario(side: SideTables): Promise<void> {
  await side.run('CREATE TABLE batch_probe (k TEXT PRIMARY KEY)');
  assert.equal(await side.batch([{ sql: 'INSERT INTO batch_probe (k) VALUES ($1)', params: ['a'] }, { sql: 'UPDATE batch_probe SET k = k WHERE k = $1', params: ['a'], guard: true }]), true);
  // The guard changes no row: the insert before it is rolled back.
  assert.equal(await side.batch([{ sql: 'INSERT INTO batch_probe (k) VALUES ($1)', params: ['b'] }, { sql: 'UPDATE batch_probe SET k = k WHERE k = $1', params: ['nope'], guard: true }]), false);
  // A failing statement rolls back too, and the error comes through.
  await assert.rejects(side.batch([{ sql: 'INSERT INTO batch_probe (k) VALUES ($1)', params: ['c'] }, { sql: 'INSERT INTO batch_probe (k) VALUES ($1)', params: ['a'] }]), /UNIQUE|duplicate key/);
  assert.deepEqual((await side.run('SELECT k FROM batch_probe ORDER BY k')).rows.map((r) => r['k']), ['a']);
}

async function incrementalScenario(side: SideTables): Promise<void> {
  const store = new DetectionStateStore(side, 'detection');
  const ev = fresh();
  await store.load(ev);
  assert.equal(ev.lastSeq, 0);
  ev.evaluate(ok(1, 'alice'));
  ev.evaluate(ok(2, 'bob'));
  ev.evaluate(ok(3, 'carol'));
  assert.equal(await store.save(ev, FENCE, NOW), true);
  assert.deepEqual({ ...store.last, bytes: 0 }, { upserted: 3, removed: 0, bytes: 0, subjects: 3 });
  assert.deepEqual(await cursor(side), { seq: 3, state: '{"version":2,"subjects":3}' });

  // One more record of bob: only bob's row is written.
  ev.evaluate(ok(4, 'bob'));
  const aliceBefore = (await rows(side)).get('alice');
  assert.equal(await store.save(ev, FENCE, NOW), true);
  assert.equal(store.last!.upserted, 1);
  assert.equal(store.last!.removed, 0);
  const stored = await rows(side);
  assert.equal(stored.get('alice'), aliceBefore);
  assert.deepEqual(JSON.parse(stored.get('bob')!), Object.fromEntries(ev.snapshot().subjects)['bob']);
  assert.equal(store.last!.bytes, Buffer.byteLength(stored.get('bob')!));
  assert.equal((await cursor(side)).seq, 4);

  // Nothing changed but the cursor (an alert record, not fed to the rules): no subject row written.
  ev.evaluate({ ...ok(5, 'attest-detection'), action: 'alert.raised' });
  assert.equal(await store.save(ev, FENCE, NOW), true);
  assert.equal(store.last!.upserted, 0);
  assert.equal((await cursor(side)).seq, 5);

  // Restored from the rows: the same state.
  const back = fresh();
  await new DetectionStateStore(side, 'detection').load(back);
  const sorted = (e: Evaluator) => ({ ...e.snapshot(), subjects: e.snapshot().subjects.sort((a, b) => (a[0] < b[0] ? -1 : 1)) });
  assert.deepEqual(sorted(back), sorted(ev));

  // The lease went to another holder: nothing is written, not even the subject rows before the cursor.
  await side.run('UPDATE detect_lease SET holder = $1, epoch = 2 WHERE name = $2', ['holder-2', 'detection']);
  ev.evaluate(ok(6, 'carol'));
  ev.evaluate(ok(7, 'dave'));
  assert.equal(await store.save(ev, FENCE, NOW), false);
  assert.deepEqual([...(await rows(side)).keys()].sort(), ['alice', 'bob', 'carol']);
  assert.deepEqual(await cursor(side), { seq: 5, state: '{"version":2,"subjects":3}' });
  const fence2 = { holder: 'holder-2', epoch: 2 };

  // Eviction: with room for 3 subjects a fourth drops the least recently active (alice); its row is deleted.
  const small = fresh(3);
  const store2 = new DetectionStateStore(side, 'detection');
  await store2.load(small);
  small.evaluate(ok(6, 'erin'));
  assert.equal(await store2.save(small, fence2, NOW), true);
  assert.deepEqual({ ...store2.last, bytes: 0 }, { upserted: 1, removed: 1, bytes: 0, subjects: 3 });
  assert.deepEqual([...(await rows(side)).keys()].sort(), ['bob', 'carol', 'erin']);

  // A row count that does not match the cursor is refused with what to do.
  await side.run('INSERT INTO detect_subject (name, subject, state) VALUES ($1, $2, $3)', ['detection', 'stray', '{}']);
  await assert.rejects(new DetectionStateStore(side, 'detection').load(fresh()), /detect_state says 3 subjects, detect_subject holds 4; delete the detect_state row named "detection"/);

  // The one-row layout of an earlier Attest: read, and written out as rows (stray rows cleared) at the next save.
  const v1 = fresh();
  v1.evaluate(ok(1, 'frank'));
  v1.evaluate(ok(2, 'grace'));
  await side.run('UPDATE detect_state SET seq = $1, state = $2 WHERE name = $3', [2, JSON.stringify(v1.snapshot()), 'detection']);
  const migrated = fresh();
  const store3 = new DetectionStateStore(side, 'detection');
  await store3.load(migrated);
  assert.deepEqual(migrated.snapshot(), v1.snapshot());
  assert.equal(await store3.save(migrated, fence2, NOW), true);
  assert.deepEqual([...(await rows(side)).keys()].sort(), ['frank', 'grace']);
  assert.deepEqual(await cursor(side), { seq: 2, state: '{"version":2,"subjects":2}' });
}

/** Saves every `every` records, "crashes" at `crashAt` (unsaved work lost), resumes from the store: the alerts are exactly the uninterrupted run's. */
async function resumeScenario(side: SideTables): Promise<void> {
  const events = generateStream({ seed: 3, events: 20_000, incidentsPerKind: 3 }).events;
  const maxSubjects = 40; // small enough that eviction runs throughout
  const whole = fresh(maxSubjects);
  const expected = events.flatMap((e) => whole.evaluate(e));

  const every = 997;
  const crashAt = 13_500; // one alert (at seq 13065) lies between the last save (12961) and the crash
  const first = fresh(maxSubjects);
  const store = new DetectionStateStore(side, 'detection');
  await store.load(first);
  const before: AlertRaised[] = [];
  for (const e of events.slice(0, crashAt)) {
    before.push(...first.evaluate(e));
    if (e.seq % every === 0) {
      assert.equal(await store.save(first, FENCE, NOW), true);
    }
  }
  const savedSeq = Math.floor(crashAt / every) * every;
  const second = fresh(maxSubjects);
  await new DetectionStateStore(side, 'detection').load(second);
  assert.equal(second.lastSeq, savedSeq);
  const resumed = events.slice(savedSeq).flatMap((e) => second.evaluate(e));
  const got = [...before.filter((a) => a.evaluatedThrough <= savedSeq), ...resumed];
  assert.deepEqual(got, expected);
  // The stretch re-evaluated after the crash raises the same alerts, with the same ids (the detector skips those already in the ledger).
  const again = before.filter((a) => a.evaluatedThrough > savedSeq).map((a) => a.alertId);
  assert.equal(again.length, 1);
  assert.deepEqual(resumed.filter((a) => a.evaluatedThrough <= crashAt).map((a) => a.alertId), again);
  assert.equal(expected.length, 10, 'the seeded stream raises this many alerts');
}

for (const kind of ['sqlite', 'postgres'] as const) {
  const skip = async (t: { skip: (why: string) => void }) => {
    const why = kind === 'postgres' ? await pgUnreachable() : undefined;
    if (why) t.skip(why);
    return why;
  };
  test(`${kind}: a side-table batch commits whole or not at all (guard, error)`, async (t) => {
    if (await skip(t)) return;
    await withSide(kind, batchScenario);
  });
  test(`${kind}: state saves write only changed subjects, delete evicted ones, are fenced by the lease, and read the old one-row layout`, async (t) => {
    if (await skip(t)) return;
    await withSide(kind, incrementalScenario);
  });
  test(`${kind}: a crash between saves resumes to exactly the alerts of an uninterrupted run`, async (t) => {
    if (await skip(t)) return;
    await withSide(kind, resumeScenario);
  });
}
