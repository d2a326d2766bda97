/**
 * Group commit at the HTTP layer: audit events of requests that arrive in the same turn of
 * the event loop are appended in one ledger call (one transaction), and each request is
 * answered with its own contiguous range of sequence numbers once that call has committed.
 * The SQLite store writes synchronously, so without this every request would cost its own
 * transaction; with PostgreSQL the ledger already merges concurrent calls.
 *
 * Events are validated per request before they join a batch, so one client's bad event
 * cannot make another client's append fail.
 */
import type { Ledger } from '../ledger/ledger.js';
import { validateEvent, type AuditEventInput } from '../ledger/record.js';

interface Pending {
  events: AuditEventInput[];
  resolve: (r: { first: number; last: number; count: number }) => void;
  reject: (e: unknown) => void;
}

/** Largest number of events merged into one ledger call. */
const MAX_EVENTS = 2000;

export class AppendBatcher {
  private pending: Pending[] = [];
  private scheduled = false;

  constructor(private readonly ledger: Ledger) {}

  /** Validates, then appends with the requests of the same tick; resolves once committed. Throws LedgerValidationError for a bad event. */
  append(events: unknown[]): Promise<{ first: number; last: number; count: number }> {
    const valid = events.map((e, i) => validateEvent(e, events.length > 1 ? i : undefined));
    return new Promise((resolve, reject) => {
      this.pending.push({ events: valid, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    while (this.pending.length) {
      const group: Pending[] = [];
      let n = 0;
      while (this.pending.length && (group.length === 0 || n + this.pending[0]!.events.length <= MAX_EVENTS)) {
        const p = this.pending.shift()!;
        n += p.events.length;
        group.push(p);
      }
      const all = group.length === 1 ? group[0]!.events : group.flatMap((g) => g.events);
      this.ledger.append(all).then(
        (r) => {
          let seq = r.first;
          for (const g of group) {
            g.resolve({ first: seq, last: seq + g.events.length - 1, count: g.events.length });
            seq += g.events.length;
          }
        },
        (e: unknown) => {
          for (const g of group) g.reject(e);
        },
      );
    }
  }
}
