import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { PostgresStore } from '../../src/ledger/stores/postgres.js';
import type { LedgerStore } from '../../src/ledger/store.js';
import { ledgerSuite, event } from './suite.js';
import { PG_URL, pgUnreachable } from '../helpers/pg.js';

import { Ledger } from '../../src/ledger/ledger.js';
import { DirectoryKeyProvider } from '../../src/ledger/keys.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let n = 0;
const schemas: string[] = [];
export function schemaName(): string {
  const s = `attest_t${process.pid}_${++n}`;
  schemas.push(s);
  return s;
}

const unreachable = await pgUnreachable();
/** The URL each store of the suite was opened with (its location hides the schema parameter). */
const urls = new WeakMap<LedgerStore, string>();

ledgerSuite({
  name: 'postgres',
  ...(unreachable ? { skip: unreachable } : {}),
  async create() {
    const url = `${PG_URL}?schema=${schemaName()}`;
    const store = new PostgresStore(url);
    urls.set(store, url);
    return store;
  },
  db(store: LedgerStore) {
    return urls.get(store)!;
  },
  async tamper(store: LedgerStore, sql: string) {
    const s = store as PostgresStore;
    // An attacker with superuser access: triggers off for this session's statement.
    await s.sql(`SET session_replication_role = replica; ${sql}; SET session_replication_role = origin`);
  },
  async attempt(store: LedgerStore, sql: string) {
    try {
      await (store as PostgresStore).sql(sql);
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  },
});

test('postgres: TRUNCATE is refused; the application role may only INSERT and SELECT; row-level security filters reads by tenant', { skip: unreachable ?? false }, async () => {
  const schema = schemaName();
  const owner = new PostgresStore(`${PG_URL}?schema=${schema}`);
  const keys = DirectoryKeyProvider.open(mkdtempSync(join(tmpdir(), 'attest-keys-')), { create: true });
  const ledger = await Ledger.open({ store: owner, keys });
  await ledger.append([event(1), event(2), event(3), event(4)]);
  await assert.rejects(owner.sql('TRUNCATE records'), /append-only/);
  const app = new PostgresStore(`${PG_URL}?schema=${schema}`, { role: 'attest_app', tenants: ['acme'] });
  await assert.rejects(app.sql('UPDATE records SET kid = kid'), /permission denied|append-only/);
  await assert.rejects(app.sql('DELETE FROM records'), /permission denied|append-only/);
  await assert.rejects(app.sql('TRUNCATE records'), /permission denied|append-only/);
  await assert.rejects(app.sql('DROP TABLE records'), /must be owner|permission denied/);
  const rows = await app.sql<{ tenant: string }>('SELECT tenant FROM records');
  assert.deepEqual(rows.map((r) => r.tenant), ['acme', 'acme']);
  const none = new PostgresStore(`${PG_URL}?schema=${schema}`, { role: 'attest_app', tenants: [] });
  assert.equal((await none.sql('SELECT * FROM records')).length, 0, 'no tenant setting must mean no rows');
  // the application role can still append (INSERT + head UPDATE) through the ledger
  const appLedger = await Ledger.open({ store: new PostgresStore(`${PG_URL}?schema=${schema}`, { role: 'attest_app', tenants: '*' }), keys });
  await appLedger.append([event(5)]);
  assert.equal((await appLedger.verify()).ok, true);
  await Promise.all([ledger.close(), app.close(), none.close(), appLedger.close()]);
});

test('postgres: a version-1 schema is upgraded: archives table, and DELETE of archived records only', { skip: unreachable ?? false }, async () => {
  const schema = schemaName();
  const keys = DirectoryKeyProvider.open(mkdtempSync(join(tmpdir(), 'attest-keys-')), { create: true });
  let ledger = await Ledger.open({ store: new PostgresStore(`${PG_URL}?schema=${schema}`), keys });
  await ledger.append([event(1), event(2), event(3)]);
  await ledger.append([event(4), event(5)]);
  await ledger.close();
  // what version 1 left behind
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  await c.query(`SET search_path TO "${schema}"`);
  await c.query(`DROP TABLE archives`);
  await c.query(`UPDATE meta SET value = '1' WHERE key = 'schema_version'`);
  await c.query(`CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'attest ledger: % is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`);
  await c.end();
  const store = new PostgresStore(`${PG_URL}?schema=${schema}`);
  ledger = await Ledger.open({ store, keys });
  assert.deepEqual(await store.sql(`SELECT value FROM meta WHERE key = 'schema_version'`), [{ value: '3' }]);
  const ts4 = (JSON.parse((await store.records(4, 4))[0]!.body) as { ts: string }).ts;
  const dir = mkdtempSync(join(tmpdir(), 'attest-archive-'));
  const r = await ledger.archive({ before: ts4, out: join(dir, 'a.ndjson') });
  assert.deepEqual([r.from, r.to, r.deleted], [1, 3, 3]);
  await assert.rejects(store.sql('DELETE FROM records WHERE seq = 4'), /append-only/);
  await assert.rejects(store.sql('TRUNCATE records'), /append-only/);
  assert.equal((await ledger.verify({ archives: [join(dir, 'a.ndjson')] })).ok, true);
  // the application role can read the archives to verify, but cannot archive (delete records)
  const app = new PostgresStore(`${PG_URL}?schema=${schema}`, { role: 'attest_app', tenants: '*' });
  assert.equal((await app.archives()).length, 1);
  await assert.rejects(app.sql('DELETE FROM records WHERE seq <= 3'), /permission denied/);
  await Promise.all([ledger.close(), app.close()]);
});

test.after(async () => {
  if (unreachable) return;
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`).catch(() => undefined);
  await c.end();
});

test('postgres: a searchable column changed to hide a record from searches fails verification at that record; a version-2 schema is migrated', { skip: unreachable ?? false }, async () => {
  const schema = schemaName();
  const store = new PostgresStore(`${PG_URL}?schema=${schema}`);
  const keys = DirectoryKeyProvider.open(mkdtempSync(join(tmpdir(), 'attest-keys-')), { create: true });
  const ledger = await Ledger.open({ store, keys });
  await ledger.append(Array.from({ length: 12 }, (_, i) => event(i + 1)));
  assert.equal((await ledger.verify()).ok, true);
  const actor = (await store.sql<{ actor_id: string }>('SELECT actor_id FROM records WHERE seq = 7'))[0]!.actor_id;
  assert.equal((await ledger.query({ actor, limit: 1000 })).records.some((r) => r.seq === 7), true);
  await store.sql(`SET session_replication_role = replica; UPDATE records SET actor_id = 'nobody' WHERE seq = 7; SET session_replication_role = origin`);
  assert.equal((await ledger.query({ actor, limit: 1000 })).records.some((r) => r.seq === 7), false, 'the change hides the record from a search');
  const v = await ledger.verify();
  assert.equal(v.ok, false);
  assert.equal(v.firstBadSeq, 7);
  assert.match(v.problems[0]!.message, /searchable column actor_id/);
  await ledger.close();

  // A ledger created by schema version 2 (generated columns) keeps its rows and verifies after the upgrade.
  const old = schemaName();
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    const s2 = new PostgresStore(`${PG_URL}?schema=${old}`);
    const l2 = await Ledger.open({ store: s2, keys });
    await l2.append([event(1), event(2), event(3)]);
    await l2.close();
    // Turn it back into the version-2 shape: generated columns, version 2.
    await admin.query(`SET search_path = ${old}; ALTER TABLE records DROP COLUMN actor_id; ALTER TABLE records ADD COLUMN actor_id text GENERATED ALWAYS AS ((body::jsonb) -> 'actor' ->> 'id') STORED; UPDATE meta SET value = '2' WHERE key = 'schema_version'`);
    const l3 = await Ledger.open({ store: new PostgresStore(`${PG_URL}?schema=${old}`), keys });
    const gen = await admin.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'records' AND is_generated = 'ALWAYS'`, [old]);
    assert.equal(gen.rows[0].n, 0, 'generated columns became plain columns');
    await l3.append([event(4)]);
    assert.equal((await l3.verify()).ok, true);
    assert.equal((await l3.query({ actor: 'user-1', limit: 10 })).records.length > 0, true);
    await l3.close();
  } finally {
    await admin.end();
  }
});
