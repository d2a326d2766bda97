import { openKeys, type KeyProvider } from './keys.js';
import { Ledger } from './ledger.js';
import type { LedgerStore } from './store.js';
import { PostgresStore, type PostgresOptions } from './stores/postgres.js';
import { SqliteStore, type SqliteSynchronous } from './stores/sqlite.js';

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//.test(db);
}

export function openStore(db: string, pgOptions: PostgresOptions = {}, synchronous?: SqliteSynchronous): LedgerStore {
  return isPostgresUrl(db) ? new PostgresStore(db, pgOptions) : new SqliteStore(db, synchronous ? { synchronous } : {});
}

export interface OpenLedgerOptions {
  db: string;
  keysDir: string;
  /** Create the key directory when missing (writers); verifiers must bring their keys. */
  createKeys?: boolean;
  checkpointEvery?: number;
  checkpointSeconds?: number;
  /** SQLite only: "full" (default, acknowledged records survive a power loss) or "normal". */
  synchronous?: SqliteSynchronous;
  keys?: KeyProvider;
  postgres?: PostgresOptions;
}

export async function openLedger(o: OpenLedgerOptions): Promise<Ledger> {
  const keys = o.keys ?? openKeys(o.keysDir, { create: o.createKeys ?? false });
  const store = openStore(o.db, o.postgres, o.synchronous);
  try {
    return await Ledger.open({
      store,
      keys,
      ...(o.checkpointEvery ? { checkpointEvery: o.checkpointEvery } : {}),
      ...(o.checkpointSeconds !== undefined ? { checkpointSeconds: o.checkpointSeconds } : {}),
    });
  } catch (e) {
    await store.close().catch(() => undefined);
    throw e;
  }
}
