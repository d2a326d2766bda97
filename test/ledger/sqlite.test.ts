import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/ledger/stores/sqlite.js';
import type { LedgerStore } from '../../src/ledger/store.js';
import { ledgerSuite, event } from './suite.js';
import { sqliteFactory } from './sqlite-factory.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { DirectoryKeyProvider } from '../../src/ledger/keys.js';

ledgerSuite(sqliteFactory);

test('sqlite: a version-1 database is upgraded: archives table, and DELETE of archived records only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-ledger-'));
  const path = join(dir, 'ledger.db');
  const keys = DirectoryKeyProvider.open(join(dir, 'keys'), { create: true });
  let ledger = await Ledger.open({ store: new SqliteStore(path), keys });
  await ledger.append([event(1), event(2), event(3)]);
  await ledger.append([event(4), event(5)]);
  await ledger.close();
  // what version 1 left behind
  const db = new Database(path);
  db.exec(`DROP TABLE archives; DROP TRIGGER records_no_delete;
    CREATE TRIGGER records_no_delete BEFORE DELETE ON records BEGIN SELECT RAISE(ABORT, 'attest ledger: records are append-only (DELETE refused)'); END;
    UPDATE meta SET value = '1' WHERE key = 'schema_version'`);
  db.close();
  const store = new SqliteStore(path);
  ledger = await Ledger.open({ store, keys });
  assert.equal(store.db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get(), '2');
  const ts4 = (JSON.parse((await store.records(4, 4))[0]!.body) as { ts: string }).ts;
  const r = await ledger.archive({ before: ts4, out: join(dir, 'a.ndjson') });
  assert.deepEqual([r.from, r.to, r.deleted], [1, 3, 3]);
  assert.throws(() => store.db.exec('DELETE FROM records WHERE seq = 4'), /append-only/);
  assert.equal((await ledger.verify({ archives: [join(dir, 'a.ndjson')] })).ok, true);
  await ledger.close();
});
