import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/ledger/stores/sqlite.js';
import type { LedgerStore } from '../../src/ledger/store.js';
import type { StoreFactory } from './suite.js';

/** The SQLite store for the shared suite: a fresh file per ledger; tampering drops the triggers first. */
export const sqliteFactory: StoreFactory = {
  name: 'sqlite',
  async create() {
    return new SqliteStore(join(mkdtempSync(join(tmpdir(), 'attest-ledger-')), 'ledger.db'));
  },
  async tamper(store: LedgerStore, sql: string) {
    const db = (store as SqliteStore).db;
    for (const t of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]) db.exec(`DROP TRIGGER ${t}`);
    db.exec(sql);
  },
  async personalDataFiles(store: LedgerStore) {
    const file = (store as SqliteStore).location;
    return [file, `${file}-wal`, `${file}-shm`];
  },
  db(store: LedgerStore) {
    return store.location;
  },
  async attempt(store: LedgerStore, sql: string) {
    try {
      (store as SqliteStore).db.exec(sql);
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  },
};
