/**
 * Token buckets keyed by client (an address, or a principal). A bucket holds up to `burst`
 * tokens and refills at `perSecond`; a request takes one, and is refused when none is left,
 * with the seconds until the next one.
 *
 * Memory is bounded: the table is kept in least-recently-used order (a Map re-inserted on
 * every use), a bucket that has refilled completely is dropped as soon as it is the oldest
 * (a full bucket and no bucket mean the same), and when the table holds `maxClients` buckets
 * the least recently used is dropped to make room. Dropping a bucket that was not yet full
 * forgives that client its debt — the price of a flood from more addresses than the table
 * holds, which then meets a fresh bucket per address (still at most `burst` each).
 */
import type { BucketConfig } from '../config.js';

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date (ms). */
  at: number;
}

export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Idle buckets looked at per request: enough to keep up with any arrival rate, O(1) each. */
const SWEEP_PER_TAKE = 2;

export class RateLimiter {
  private buckets = new Map<string, Bucket>();
  /** Buckets dropped while not yet full (the table was at maxClients). */
  evictedEarly = 0;

  constructor(
    readonly limit: BucketConfig,
    readonly maxClients: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.buckets.size;
  }

  take(key: string): Take {
    const now = this.now();
    const { perSecond, burst } = this.limit;
    let b = this.buckets.get(key);
    if (b) {
      this.buckets.delete(key);
      b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
      b.at = now;
    } else {
      b = { tokens: burst, at: now };
    }
    this.sweep(now);
    if (this.buckets.size >= this.maxClients) {
      const oldest = this.buckets.keys().next().value as string;
      this.buckets.delete(oldest);
      this.evictedEarly++;
    }
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / perSecond)) };
  }

  /** Drops the oldest buckets that have refilled completely since their last use. */
  private sweep(now: number): void {
    const { perSecond, burst } = this.limit;
    let n = 0;
    for (const [key, b] of this.buckets) {
      if (n++ >= SWEEP_PER_TAKE) return;
      // Stopping at the first one still owed keeps a request's cost constant; later requests go on.
      if (b.tokens + ((now - b.at) / 1000) * perSecond < burst) return;
      this.buckets.delete(key);
    }
  }
}
