import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { chmodSync, mkdtempSync, statSync } from 'node:fs';
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

test('sqlite: a new ledger file and its -wal and -shm are owner-only (0600) whatever the umask, also outside the data folder; an existing readable file is warned about, not changed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-modes-'));
  const keys = DirectoryKeyProvider.open(join(dir, 'keys'), { create: true });
  const path = join(dir, 'elsewhere', 'audit.db');
  const mode = (p: string) => statSync(p).mode & 0o777;
  const warnings: string[] = [];
  const onWarning = (w: Error & { code?: string }) => {
    if (w.code === 'ATTEST_LEDGER_FILE_MODE') warnings.push(w.message);
  };
  process.on('warning', onWarning);
  const umask = process.umask(0o000);
  try {
    let ledger = await Ledger.open({ store: new SqliteStore(path), keys });
    await ledger.append([event(1)]);
    assert.deepEqual([path, `${path}-wal`, `${path}-shm`].map(mode), [0o600, 0o600, 0o600]);
    assert.equal(mode(join(dir, 'elsewhere')), 0o700, 'a folder made for the ledger is owner-only too');
    await ledger.close();

    chmodSync(path, 0o644);
    ledger = await Ledger.open({ store: new SqliteStore(path), keys });
    await ledger.append([event(2)]);
    await ledger.close();
    await new Promise((r) => setImmediate(r)); // warnings are emitted on the next tick
    assert.equal(mode(path), 0o644, 'an existing file keeps the mode its owner gave it');
    assert.deepEqual(warnings, [
      `${path} is open to group or others (mode 0644) but holds personal data; restrict it with "chmod 600 ${path}" (Attest does not change the mode of an existing file)`,
    ]);
  } finally {
    process.umask(umask);
    process.off('warning', onWarning);
  }
});
