/**
 * A verification thread: checks the records from `from` on (chain, keys, personal data) with
 * its own connection to the SQLite file and hands back their Merkle leaves, so that the
 * verifying thread checks the earlier records meanwhile and then joins the two (two cores,
 * one result identical to a sequential check). Every record's HMAC is checked against the
 * stored hash of the record before it, so a range can start anywhere.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ChainChecker, withPii, type CollectedRange } from './chain.js';
import type { HmacKey, KeyProvider } from './keys.js';
import { SqliteStore } from './stores/sqlite.js';

export interface VerifyWorkerInput {
  location: string;
  from: number;
  prev: Uint8Array;
  keys: { kid: string; key: Uint8Array; created: string; retired?: string }[];
  description: string;
  pageSize: number;
}

async function run(input: VerifyWorkerInput): Promise<CollectedRange> {
  const keys = new Map<string, HmacKey>(input.keys.map((k) => [k.kid, { ...k, key: Buffer.from(k.key) }]));
  const provider = {
    description: input.description,
    hmac: (kid: string) => keys.get(kid),
  } as unknown as KeyProvider;
  const store = new SqliteStore(input.location, { readonly: true });
  try {
    const checker = ChainChecker.collecting(provider, input.from, Buffer.from(input.prev));
    for await (const page of store.scan(input.from, Number.MAX_SAFE_INTEGER, input.pageSize)) {
      if (!checker.page(await withPii(store, page))) break;
    }
    return checker.collected();
  } finally {
    await store.close();
  }
}

if (parentPort && workerData) {
  run(workerData as VerifyWorkerInput).then(
    (r) => parentPort!.postMessage({ ok: true, result: r }),
    (e: unknown) => parentPort!.postMessage({ ok: false, error: (e as Error).message ?? String(e) }),
  );
}
