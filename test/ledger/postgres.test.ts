import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { PostgresStore } from '../../src/ledger/stores/postgres.js';
import type { LedgerStore } from '../../src/ledger/store.js';
import { ledgerSuite, event } from './suite.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { DirectoryKeyProvider } from '../../src/ledger/keys.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PG_URL = process.env['ATTEST_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test';
let n = 0;
const schemas: string[] = [];
export function schemaName(): string {
  const s = `attest_t${process.pid}_${++n}`;
  schemas.push(s);
  return s;
}

async function reachable(): Promise<string | undefined> {
  const c = new pg.Client({ connectionString: PG_URL });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return undefined;
  } catch (e) {
    return `PostgreSQL at ${PG_URL} is not reachable (${(e as Error).message}); start it or set ATTEST_TEST_PG`;
  } finally {
    await c.end().catch(() => undefined);
  }
}
const unreachable = await reachable();
if (unreachable && process.env['CI']) throw new Error(unreachable); // in CI the real server is required

ledgerSuite({
  name: 'postgres',
  ...(unreachable ? { skip: unreachable } : {}),
  async create() {
    return new PostgresStore(`${PG_URL}?schema=${schemaName()}`);
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

test.after(async () => {
  if (unreachable) return;
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`).catch(() => undefined);
  await c.end();
});
