/**
 * Fault injection for the group commit (the suite's test and bench/ledger-poison.ts): the
 * real store, refusing inside its transaction any batch that holds a record whose body
 * contains "poison", so the transaction rolls back as it would for a record the store refuses.
 */
import type { LedgerStore } from '../../src/ledger/store.js';

export const POISON_REFUSAL = 'store refused the batch (injected fault)';

/**
 * `writes`, when given, gets the size of every batch the store is asked to write; `refusal`
 * makes the error thrown (default: an Error with POISON_REFUSAL).
 */
export function poisonRefusingStore(real: LedgerStore, writes?: number[], refusal: () => Error = () => new Error(POISON_REFUSAL)): LedgerStore {
  return new Proxy(real, {
    get(target, prop) {
      if (prop === 'append') {
        return (prepare: Parameters<LedgerStore['append']>[0]) =>
          target.append((head) => {
            const batch = prepare(head);
            writes?.push(batch.records.length);
            if (batch.records.some((r) => r.body.includes('"poison"'))) throw refusal();
            return batch;
          });
      }
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
