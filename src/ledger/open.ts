import { KeyError, keysExist, openKeys, type KeyProvider } from './keys.js';
import { chainOf, Ledger } from './ledger.js';
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

/**
 * Opens (and for writers creates) the ledger. Keys are created only for a ledger without
 * records: fresh keys cannot continue an existing chain, so a missing key folder there is a
 * mistake in --keys, not a first run.
 */
export async function openLedger(o: OpenLedgerOptions): Promise<Ledger> {
  const creating = !o.keys && (o.createKeys ?? false) && !keysExist(o.keysDir);
  let keys = o.keys ?? (creating ? undefined : openKeys(o.keysDir));
  const store = openStore(o.db, o.postgres, o.synchronous);
  try {
    if (!keys) {
      await store.init();
      const chain = await chainOf(store);
      if (chain.size > 0) {
        throw new KeyError(
          `${o.keysDir} holds no ledger keys (keyring.json missing), but the ledger at ${store.location} has ${chain.text}: refusing to create new keys for it. Point --keys (or ATTEST_LEDGER_KEYS) at the keys this ledger was written with.`,
        );
      }
      keys = openKeys(o.keysDir, { create: true });
    }
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
