import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { bootstrapPostgres, PostgresStore } from '../../src/ledger/stores/postgres.js';
import type { LedgerStore } from '../../src/ledger/store.js';
import { ledgerSuite, event } from './suite.js';
import { PG_URL, asOwner, pgUnreachable } from '../helpers/pg.js';

import { Ledger } from '../../src/ledger/ledger.js';
import { DirectoryKeyProvider } from '../../src/ledger/keys.js';
import { accessSync, constants, mkdtempSync } from 'node:fs';
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
  async personalDataFiles(store: LedgerStore) {
    const s = store as PostgresStore;
    // Flush the shared buffers, so the files hold what the tables hold.
    await s.sql('CHECKPOINT');
    const [{ dir }] = await s.sql<{ dir: string }>(`SELECT current_setting('data_directory') AS dir`);
    try {
      accessSync(dir, constants.R_OK);
    } catch {
      return `the data directory ${dir} is not readable by this process`;
    }
    // The personal-data table, its TOAST table and their indexes.
    const rows = await s.sql<{ path: string }>(
      `SELECT pg_relation_filepath(c.oid) AS path FROM pg_class c
       WHERE c.oid IN (SELECT 'pii'::regclass UNION SELECT reltoastrelid FROM pg_class WHERE oid = 'pii'::regclass AND reltoastrelid <> 0
                       UNION SELECT indexrelid FROM pg_index WHERE indrelid IN ('pii'::regclass, (SELECT reltoastrelid FROM pg_class WHERE oid = 'pii'::regclass)))`,
    );
    return rows.map((r) => join(dir, r.path));
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

test('postgres: TRUNCATE is refused; the application role may only SELECT and append through the database; row-level security filters reads by tenant', { skip: unreachable ?? false }, async () => {
  const schema = schemaName();
  const owner = new PostgresStore(`${PG_URL}?schema=${schema}`);
  const keys = DirectoryKeyProvider.open(mkdtempSync(join(tmpdir(), 'attest-keys-')), { create: true });
  const ledger = await Ledger.open({ store: owner, keys });
  await ledger.append([event(1), event(2), event(3), event(4)]);
  await assert.rejects(owner.sql('TRUNCATE records'), /append-only/);
  await owner.sql(`INSERT INTO tenant_bindings (role, tenants) VALUES ('attest_app', '{*}')`);
  const app = new PostgresStore(`${PG_URL}?schema=${schema}`, { role: 'attest_app', tenants: ['acme'] });
  await assert.rejects(app.sql('UPDATE records SET kid = kid'), /permission denied|append-only/);
  await assert.rejects(app.sql('DELETE FROM records'), /permission denied|append-only/);
  await assert.rejects(app.sql('TRUNCATE records'), /permission denied|append-only/);
  await assert.rejects(app.sql('DROP TABLE records'), /must be owner|permission denied/);
  const rows = await app.sql<{ tenant: string }>('SELECT tenant FROM records');
  assert.deepEqual(rows.map((r) => r.tenant), ['acme', 'acme']);
  const none = new PostgresStore(`${PG_URL}?schema=${schema}`, { role: 'attest_app', tenants: [] });
  assert.equal((await none.sql('SELECT * FROM records')).length, 0, 'no tenant setting must mean no rows');
  // the application role can still append (through append_batch) with the ledger
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
  assert.deepEqual(await store.sql(`SELECT value FROM meta WHERE key = 'schema_version'`), [{ value: '4' }]);
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

// ---------------------------------------------------------------------------
// The application role as a boundary (issue 10): what a session logged in as a member of
// attest_app can and cannot do, whatever SQL it sends.

/** Login roles created by these tests (cluster-wide, so named per process and dropped after). */
const logins: string[] = [];
const admin = asOwner;
/** A LOGIN role (trust authentication on the test server), member of the given roles. */
async function createLogin(name: string, memberOf: string[]): Promise<string> {
  const role = `attest_tl${process.pid}_${name}`;
  logins.push(role);
  await admin(async (c) => {
    await c.query(`DROP ROLE IF EXISTS ${role}`);
    await c.query(`CREATE ROLE ${role} LOGIN`);
    for (const m of memberOf) await c.query(`GRANT ${m} TO ${role}`);
  });
  return role;
}
function asLogin(login: string, schema: string, opts: ConstructorParameters<typeof PostgresStore>[1] = {}): PostgresStore {
  const u = new URL(PG_URL);
  u.username = login;
  u.searchParams.set('schema', schema);
  return new PostgresStore(u.toString(), opts);
}
test.after(async () => {
  if (unreachable) return;
  await admin(async (c) => {
    for (const r of logins) await c.query(`DROP OWNED BY ${r}`).catch(() => undefined);
    for (const r of logins) await c.query(`DROP ROLE IF EXISTS ${r}`).catch(() => undefined);
  });
});

test('postgres role boundary: the application role cannot move the head, write tables directly, or widen its tenants; it still appends', { skip: unreachable ?? false }, async () => {
  const schema = schemaName();
  const keys = DirectoryKeyProvider.open(mkdtempSync(join(tmpdir(), 'attest-keys-')), { create: true });
  const owner = new PostgresStore(`${PG_URL}?schema=${schema}`);
  const ledger = await Ledger.open({ store: owner, keys });
  await ledger.append([event(1), event(2), event(3), event(4)]); // tenants acme, globex, acme, globex
  const login = await createLogin('acme', ['attest_app']);
  await owner.sql(`INSERT INTO tenant_bindings (role, tenants) VALUES ($1, '{acme}')`, [login]);
  const app = asLogin(login, schema, { tenants: '*' });
  // The head is the database's: no statement of the application moves it.
  await assert.rejects(app.sql('UPDATE head SET size = size + 100'), /permission denied for table head/);
  await assert.rejects(app.sql('SELECT * FROM head FOR UPDATE'), /permission denied for table head/);
  const keyColumn = { records: 'seq', nodes: 'id', checkpoints: 'size', pii: 'seq', archives: 'upto', meta: 'key', tenant_bindings: 'role' };
  for (const [t, column] of Object.entries(keyColumn)) {
    await assert.rejects(app.sql(`DELETE FROM ${t}`), new RegExp(`permission denied for table ${t}`));
    await assert.rejects(app.sql(`UPDATE ${t} SET ${column} = NULL`), new RegExp(`permission denied for table ${t}`));
    await assert.rejects(app.sql(`TRUNCATE ${t}`), new RegExp(`permission denied for table ${t}`));
  }
  // A record at a future seq would make every later append collide with it.
  await assert.rejects(app.sql(`INSERT INTO records (seq, kid, nonce, hash, body) VALUES (6, 'k', '\\x00', '\\x00', '{}')`), /permission denied for table records/);
  await assert.rejects(app.sql(`INSERT INTO nodes (id, hash) VALUES (99, '\\x00')`), /permission denied for table nodes/);
  await assert.rejects(
    app.sql(`SELECT append_batch(ARRAY[9]::bigint[], ARRAY['k'], ARRAY['\\x00'::bytea], ARRAY['\\x00'::bytea], ARRAY['{}'], ARRAY['t'], ARRAY['a'], ARRAY['x.y'], ARRAY[NULL], ARRAY[NULL], ARRAY['success'], ARRAY[NULL], '{}', '{}', '{}', '{}', '{}', '{}', NULL, NULL, NULL, NULL, NULL, '')`),
    /attest ledger: records must continue the chain at seq 5 \(got 9\)/,
  );
  // Tenant isolation rests on the binding, which the session cannot change.
  assert.deepEqual((await app.sql<{ tenant: string }>('SELECT DISTINCT tenant FROM records ORDER BY 1')).map((r) => r.tenant), ['acme']);
  await app.sql(`SELECT set_config('attest.tenants', '*', false)`);
  assert.deepEqual((await app.sql<{ tenant: string }>('SELECT DISTINCT tenant FROM records ORDER BY 1')).map((r) => r.tenant), ['acme']);
  await assert.rejects(app.sql(`INSERT INTO tenant_bindings (role, tenants) VALUES (current_user, '{*}')`), /permission denied for table tenant_bindings/);
  await assert.rejects(app.sql('SET ROLE postgres'), /permission denied to set role "postgres"/);
  // Personal data follows the records it belongs to.
  assert.deepEqual((await app.sql<{ seq: number }>('SELECT seq FROM pii ORDER BY seq')).map((r) => r.seq), [1, 3]);
  // An unbound member of attest_app sees nothing.
  const stranger = asLogin(await createLogin('none', ['attest_app']), schema);
  assert.deepEqual(await stranger.sql('SELECT seq FROM records'), []);
  // Appends go through the database's function: one chain, verified.
  const all = await createLogin('all', ['attest_app']);
  await owner.sql(`INSERT INTO tenant_bindings (role, tenants) VALUES ($1, '{*}')`, [all]);
  const appLedger = await Ledger.open({ store: asLogin(all, schema), keys });
  await appLedger.append([event(5), event(6)]);
  await appLedger.checkpoint();
  const v = await appLedger.verify();
  assert.deepEqual([v.ok, v.records], [true, 6]);
  await Promise.all([ledger.close(), app.close(), stranger.close(), appLedger.close()]);
});

test('postgres role boundary: the application role\'s erasure is refused before its erasure record is written; the owner\'s erases', { skip: unreachable ?? false }, async () => {
  const schema = schemaName();
  const keys = DirectoryKeyProvider.open(mkdtempSync(join(tmpdir(), 'attest-keys-')), { create: true });
  const ownerLedger = await Ledger.open({ store: new PostgresStore(`${PG_URL}?schema=${schema}`), keys });
  await ownerLedger.append([event(1), event(2), event(3), event(4)]); // user-1 .. user-4
  const owner = ownerLedger.store as PostgresStore;
  const login = await createLogin('eraser', ['attest_app']);
  await owner.sql(`INSERT INTO tenant_bindings (role, tenants) VALUES ($1, '{*}')`, [login]);
  const app = await Ledger.open({ store: asLogin(login, schema), keys });
  const ownerName = (await owner.sql<{ u: string }>('SELECT current_user AS u'))[0]!.u;
  await assert.rejects(app.eraseSubject('user-3', { id: 'dpo', type: 'user' }, 'GDPR-13'), {
    name: 'LedgerValidationError',
    message: `db: erasure on ${app.store.location} runs as the schema owner (${ownerName}): it deletes personal data and rewrites the table (VACUUM FULL), which ${login} may not do; nothing was written. Run attest ledger erase-subject with --db postgres://${ownerName}@…`,
  });
  assert.equal(await owner.count(), 4, 'no erasure record was appended');
  assert.deepEqual((await owner.sql<{ seq: number }>(`SELECT seq FROM pii WHERE subject = 'user-3'`)).map((r) => r.seq), [3]);
  assert.deepEqual([(await ownerLedger.eraseSubject('user-3', { id: 'dpo', type: 'user' }, 'GDPR-13')).erased, await owner.count()], [1, 5]);
  const v = await app.verify();
  assert.deepEqual([v.ok, v.personalData.erased], [true, 1]);
  await Promise.all([ownerLedger.close(), app.close()]);
});

test('postgres role boundary: concurrent writers as the application role still form one chain', { skip: unreachable ?? false }, async () => {
  const schema = schemaName();
  const keys = DirectoryKeyProvider.open(mkdtempSync(join(tmpdir(), 'attest-keys-')), { create: true });
  const owner = new PostgresStore(`${PG_URL}?schema=${schema}`);
  await owner.init();
  const login = await createLogin('writer', ['attest_app']);
  await owner.sql(`INSERT INTO tenant_bindings (role, tenants) VALUES ($1, '{*}')`, [login]);
  const writers = await Promise.all(Array.from({ length: 4 }, () => Ledger.open({ store: asLogin(login, schema, { poolSize: 2 }), keys, checkpointEvery: 7 })));
  await Promise.all(writers.flatMap((l, w) => Array.from({ length: 10 }, (_, i) => l.append([event(w * 100 + i)]))));
  const v = await writers[0]!.verify();
  assert.deepEqual([v.ok, v.records, v.problems], [true, 40, []]);
  await Promise.all([...writers.map((l) => l.close()), owner.close()]);
});

test('postgres role boundary: a SET ROLE that fails makes opening the store fail, never falls back to the login', { skip: unreachable ?? false }, async () => {
  const schema = schemaName();
  const owner = new PostgresStore(`${PG_URL}?schema=${schema}`);
  await owner.init();
  const missing = new PostgresStore(`${PG_URL}?schema=${schema}`, { role: 'attest_no_such_role' });
  await assert.rejects(missing.init(), (e: Error) => {
    assert.equal(e.message, `cannot SET ROLE attest_no_such_role on ${missing.location}: role "attest_no_such_role" does not exist; the role must exist and be granted to the login (GRANT attest_no_such_role TO postgres), see README "PostgreSQL roles and tenants"`);
    return true;
  });
  const login = await createLogin('notmember', []);
  const notMember = asLogin(login, schema, { role: 'attest_app' });
  await assert.rejects(notMember.init(), (e: Error) => {
    assert.equal(e.message, `cannot SET ROLE attest_app on ${notMember.location}: permission denied to set role "attest_app"; the role must exist and be granted to the login (GRANT attest_app TO ${login}), see README "PostgreSQL roles and tenants"`);
    return true;
  });
  await Promise.all([owner.close(), missing.close(), notMember.close()]);
});

test('postgres role boundary: a schema-3 database is upgraded in place by its owner; the application role is told to ask for it', { skip: unreachable ?? false }, async () => {
  const schema = schemaName();
  const keys = DirectoryKeyProvider.open(mkdtempSync(join(tmpdir(), 'attest-keys-')), { create: true });
  let ledger = await Ledger.open({ store: new PostgresStore(`${PG_URL}?schema=${schema}`), keys });
  await ledger.append([event(1), event(2), event(3)]);
  await ledger.close();
  // What schema version 3 granted, and how it read the tenants.
  await admin(async (c) => {
    await c.query(`SET search_path TO "${schema}"`);
    await c.query(`DROP POLICY tenant_read ON records; DROP POLICY tenant_read ON pii; ALTER TABLE pii DISABLE ROW LEVEL SECURITY`);
    await c.query(`DROP FUNCTION append_batch; DROP FUNCTION lock_head(); DROP FUNCTION add_checkpoint; DROP FUNCTION bound_tenants(); DROP TABLE tenant_bindings`);
    await c.query(`CREATE POLICY tenant_read ON records FOR SELECT USING (current_setting('attest.tenants', true) = '*' OR tenant = ANY (string_to_array(current_setting('attest.tenants', true), ',')))`);
    await c.query(`GRANT SELECT, INSERT ON records, nodes, checkpoints TO attest_app; GRANT SELECT, INSERT, DELETE ON pii TO attest_app; GRANT SELECT, UPDATE ON head TO attest_app`);
    await c.query(`UPDATE meta SET value = '3' WHERE key = 'schema_version'`);
  });
  const login = await createLogin('upgrade', ['attest_app']);
  const early = asLogin(login, schema);
  await assert.rejects(early.init(), (e: Error) => {
    assert.match(e.message, new RegExp(`^the ledger schema at .* is version 3, this Attest needs 4, and this login may not upgrade it \\(.*\\); open the ledger once as the schema owner`));
    return true;
  });
  await early.close();
  ledger = await Ledger.open({ store: new PostgresStore(`${PG_URL}?schema=${schema}`), keys });
  const owner = ledger.store as PostgresStore;
  assert.deepEqual(await owner.sql(`SELECT value FROM meta WHERE key = 'schema_version'`), [{ value: '4' }]);
  const privileges = await owner.sql<{ t: string; p: string }>(
    `SELECT t, p FROM unnest(ARRAY['records','nodes','checkpoints','pii','head','meta','archives','tenant_bindings']) t,
       unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE']) p
     WHERE has_table_privilege($1, format('%I.%I', $2::text, t), p) ORDER BY t, p`,
    [login, schema],
  );
  assert.deepEqual(privileges.map((r) => `${r.t}:${r.p}`), ['archives:SELECT', 'checkpoints:SELECT', 'head:SELECT', 'meta:SELECT', 'nodes:SELECT', 'pii:SELECT', 'records:SELECT', 'tenant_bindings:SELECT']);
  await owner.sql(`INSERT INTO tenant_bindings (role, tenants) VALUES ($1, '{*}')`, [login]);
  const app = await Ledger.open({ store: asLogin(login, schema), keys });
  await app.append([event(4)]);
  assert.deepEqual([(await app.verify()).ok, (await app.verify()).records], [true, 4]);
  await Promise.all([ledger.close(), app.close()]);
});

test('postgres bootstrap: the deployment\'s bootstrap gives the service login exactly the documented privileges, idempotently', { skip: unreachable ?? false }, async () => {
  const schema = schemaName();
  const login = `attest_tl${process.pid}_svc`;
  logins.push(login);
  await admin((c) => c.query(`DROP ROLE IF EXISTS ${login}`));
  const first = await bootstrapPostgres({ ownerUrl: `${PG_URL}?schema=${schema}`, login, password: 'first-secret', tenants: ['acme'] });
  const again = await bootstrapPostgres({ ownerUrl: `${PG_URL}?schema=${schema}`, login, password: 'rotated-secret', tenants: '*' });
  assert.equal(again.ledgerId, first.ledgerId);
  assert.equal(again.schema, schema);
  await admin(async (c) => {
    const role = (await c.query(`SELECT rolcanlogin, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolpassword IS NOT NULL AS has_password FROM pg_authid WHERE rolname = $1`, [login])).rows[0];
    assert.deepEqual(role, { rolcanlogin: true, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, has_password: true });
    const tables = await c.query(
      `SELECT c.relname || ':' || p AS g FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
         unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) p
       WHERE n.nspname = $2 AND c.relkind = 'r' AND has_table_privilege($1, c.oid, p) ORDER BY 1`,
      [login, schema],
    );
    assert.deepEqual(tables.rows.map((r) => r.g), ['archives:SELECT', 'checkpoints:SELECT', 'head:SELECT', 'meta:SELECT', 'nodes:SELECT', 'pii:SELECT', 'records:SELECT', 'tenant_bindings:SELECT']);
    const functions = await c.query(
      `SELECT p.proname || ':' || p.prosecdef AS g FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = $2 AND has_function_privilege($1, p.oid, 'EXECUTE') ORDER BY 1`,
      [login, schema],
    );
    assert.deepEqual(functions.rows.map((r) => r.g), ['add_checkpoint:true', 'append_batch:true', 'bound_tenants:false', 'lock_head:true']);
    const definers = await c.query(`SELECT p.proname, p.proconfig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 AND p.prosecdef ORDER BY 1`, [schema]);
    for (const d of definers.rows) assert.deepEqual(d.proconfig, [`search_path=${schema}, pg_catalog, pg_temp`], `${d.proname} runs with a fixed search_path`);
    assert.equal((await c.query(`SELECT has_schema_privilege($1, $2, 'CREATE') AS c`, [login, schema])).rows[0].c, false);
    assert.deepEqual((await c.query(`SELECT tenants FROM "${schema}".tenant_bindings WHERE role = $1`, [login])).rows, [{ tenants: ['*'] }]);
  });
  // The login appends and reads every tenant, as the service does.
  const keys = DirectoryKeyProvider.open(mkdtempSync(join(tmpdir(), 'attest-keys-')), { create: true });
  const app = await Ledger.open({ store: asLogin(login, schema), keys });
  await app.append([event(1), event(2)]);
  assert.deepEqual((await app.query({ order: 'asc' })).records.map((r) => r.tenant), ['acme', 'globex']);
  await app.close();
});

test('postgres verify: when the searchable-column comparison cannot run, verification says so and is not ok', { skip: unreachable ?? false }, async () => {
  const keys = DirectoryKeyProvider.open(mkdtempSync(join(tmpdir(), 'attest-keys-')), { create: true });
  const real = new PostgresStore(`${PG_URL}?schema=${schemaName()}`);
  // Fault injection: the database answers every query but this one (a lost connection, a
  // body it cannot read as JSON, a missing privilege all surface the same way).
  const store = new Proxy(real, {
    get(target, prop) {
      if (prop === 'searchColumnMismatch') return async () => { throw new Error('connection terminated unexpectedly'); };
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  const ledger = await Ledger.open({ store, keys });
  await ledger.append([event(1), event(2), event(3)]);
  const v = await ledger.verify();
  assert.equal(v.ok, false);
  assert.equal(v.firstBadSeq, 1);
  assert.deepEqual(v.problems.map((p) => [p.seq, p.kind]), [[1, 'unchecked']]);
  assert.equal(
    v.problems[0]!.message,
    'the searchable columns of records from 1 could not be compared with the records (connection terminated unexpectedly); run verify again, and if this persists a stored body is not JSON the database can read',
  );
  await ledger.close();
});
