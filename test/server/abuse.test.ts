/**
 * A service that holds under abuse: a flood of anonymous requests adds a bounded number of
 * ledger records, and the individual denials plus the summaries' counts are exactly the
 * requests refused; clients over their rate limit get 429 with Retry-After, per address and
 * per principal, independently, and the buckets refill; shutdown writes pending summaries;
 * a flood from many addresses keeps the tables at their caps and the counts exact.
 *
 * The clock is the server's injected one (StartOptions.now), frozen and moved by hand, so the
 * numbers below are exact and no assertion depends on how fast this machine is.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '../../src/config.js';
import { createServer } from '../../src/server/serve.js';
import type { ServerContext } from '../../src/server/context.js';
import type { LedgerRecord } from '../../src/ledger/ledger.js';
import { bearer, dropSchemas, LogCapture, pgSkip, pgUrl, refuseAppends, testConfig } from './helpers.js';

after(dropSchemas);

interface Srv {
  app: FastifyInstance;
  ctx: ServerContext;
  logs: LogCapture;
  clock: { t: number };
  close(): Promise<void>;
}

/** 00:00:10 into a minute: a 60 s window ends 50 s later. */
const T0 = Date.parse('2026-03-02T10:00:10.000Z');

async function start(dir: string, server: Partial<ServerConfig>, db = join(dir, 'ledger.db'), clock = { t: T0 }): Promise<Srv> {
  mkdirSync(join(dir, 'infra'), { recursive: true });
  const config = testConfig(dir, db, { devIssuerDir: join(dir, 'dev-issuer') }, join(dir, 'infra'));
  Object.assign(config.server, server);
  const logs = new LogCapture();
  const { app, ctx } = await createServer({ config, dev: true, cwd: dir, logStream: logs, spoolRetryMs: 20, now: () => clock.t });
  return {
    app,
    ctx,
    logs,
    clock,
    async close() {
      await app.close();
      await ctx.close();
    },
  };
}

async function denialRecords(ctx: ServerContext): Promise<LedgerRecord[]> {
  const out: LedgerRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.ledger.query({ action: 'access.denied', order: 'asc', limit: 1000, ...(cursor ? { cursor } : {}) });
    out.push(...page.records);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** Individual records and summary records, and what they count together. */
function tally(recs: LedgerRecord[]) {
  const individual = recs.filter((r) => r.action === 'access.denied');
  const summaries = recs.filter((r) => r.action === 'access.denied.summary');
  const summarised = summaries.reduce((n, r) => n + (r.metadata!['count'] as number), 0);
  return { individual, summaries, summarised, counted: individual.length + summarised };
}

async function inParallel(n: number, concurrency: number, send: (i: number) => Promise<number>): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const s = await send(next++);
        statuses.set(s, (statuses.get(s) ?? 0) + 1);
      }
    }),
  );
  return statuses;
}

const FLOOD: Partial<ServerConfig> = {
  rateLimit: { perIp: { perSecond: 20, burst: 100 }, perPrincipal: { perSecond: 50, burst: 200 }, maxClients: 10_000 },
  denialRecording: { windowSeconds: 60, individualPerKey: 10, maxKeys: 1000 },
};

for (const backend of ['sqlite', 'postgres'] as const) {
  test(`${backend}: 5,000 anonymous requests add a bounded number of ledger records, and every denial is counted exactly`, async (t) => {
    if (backend === 'postgres') {
      const skip = await pgSkip();
      if (skip) return t.skip(skip);
    }
    const dir = mkdtempSync(join(tmpdir(), 'attest-flood-'));
    const s = await start(dir, FLOOD, backend === 'postgres' ? pgUrl() : join(dir, 'ledger.db'));
    try {
      const before = await s.ctx.ledger.store.count();
      const statuses = await inParallel(5000, 50, async () => (await s.app.inject({ method: 'GET', url: '/api/me' })).statusCode);
      // The clock stands still: the bucket gives its burst and nothing more.
      assert.deepEqual([...statuses].sort(), [[401, 100], [429, 4900]]);
      assert.equal((await s.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);

      // The window ends: its summaries are written.
      s.clock.t += 60_000;
      await s.ctx.denialRecorder.tick();
      const { rateLimit, denialRecording: dr } = FLOOD as Required<typeof FLOOD>;
      assert.ok(rateLimit.perIp);
      // One client, two classes (authentication for the 401s, rate_limit for the 429s).
      const keys = 2;
      const bound = keys * (dr.individualPerKey + 1);
      const grown = (await s.ctx.ledger.store.count()) - before;
      assert.equal(grown, bound);

      const recs = await denialRecords(s.ctx);
      const { individual, summaries, counted } = tally(recs);
      assert.equal(counted, 5000);
      assert.equal(individual.length, 20);
      assert.deepEqual(
        summaries.map((r) => ({ actor: r.actor.id, class: r.metadata!['class'], count: r.metadata!['count'], individually: r.metadata!['recordedIndividually'], reasons: r.metadata!['reasons'], statuses: r.metadata!['statuses'], routes: r.metadata!['routes'], target: r.target })),
        [
          { actor: 'anonymous', class: 'authentication', count: 90, individually: 10, reasons: [{ reason: 'missing_token', count: 90 }], statuses: [{ status: 401, count: 90 }], routes: [{ route: '/api/me', count: 90 }], target: { type: 'route', id: '/api/me' } },
          { actor: 'anonymous', class: 'rate_limit', count: 4890, individually: 10, reasons: [{ reason: 'rate_limited', count: 4890 }], statuses: [{ status: 429, count: 4890 }], routes: [{ route: '/api/me', count: 4890 }], target: { type: 'route', id: '/api/me' } },
        ],
      );
      assert.equal(summaries[0]!.metadata!['windowStart'], '2026-03-02T10:00:00.000Z');
      assert.equal(summaries[0]!.metadata!['windowEnd'], '2026-03-02T10:01:00.000Z');
      assert.equal(summaries[0]!.metadata!['firstAt'], new Date(T0).toISOString());
      assert.deepEqual(s.ctx.denialRecorder.totals, { denials: 5000, individual: 20, summarised: 4980, summaries: 2 });
      assert.equal((await s.ctx.ledger.verify()).ok, true);
    } finally {
      await s.close();
    }
  });
}

test('429 with Retry-After once an address exceeds its limit; another address is unaffected; health checks are exempt; the bucket refills', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-ratelimit-'));
  const s = await start(dir, { rateLimit: { perIp: { perSecond: 2, burst: 3 }, perPrincipal: false, maxClients: 100 }, denialRecording: { windowSeconds: 60, individualPerKey: 10, maxKeys: 100 } });
  try {
    const get = (ip: string, url = '/api/openapi.json') => s.app.inject({ method: 'GET', url, remoteAddress: ip, headers: { 'x-request-id': 'rate-limit-0001' } });
    assert.deepEqual(await Promise.all([1, 2, 3].map(() => get('192.0.2.1').then((r) => r.statusCode))), [200, 200, 200]);
    const over = await get('192.0.2.1');
    assert.equal(over.statusCode, 429);
    assert.equal(over.headers['retry-after'], '1');
    assert.deepEqual(JSON.parse(over.body), {
      error: 'rate_limited',
      message: 'too many requests from address 192.0.2.1: the per-address limit is 2 per second with bursts of 3 (server.rateLimit.perIp); retry after 1 s',
      requestId: 'rate-limit-0001',
      limit: 'ip',
      retryAfterSeconds: 1,
      reason: 'rate_limited',
    });
    assert.equal((await get('198.51.100.7')).statusCode, 200);
    assert.equal((await get('192.0.2.1', '/healthz')).statusCode, 200);
    assert.equal((await get('192.0.2.1', '/readyz')).statusCode, 200);

    // The 429 is a denial like any other.
    const [rec] = (await denialRecords(s.ctx)).filter((r) => r.metadata!['reason'] === 'rate_limited');
    assert.deepEqual([rec!.actor.id, rec!.metadata!['status'], rec!.target], ['anonymous', 429, { type: 'route', id: 'GET /api/openapi.json' }]);

    s.clock.t += 500; // one token back
    assert.equal((await get('192.0.2.1')).statusCode, 200);
    assert.equal((await get('192.0.2.1')).statusCode, 429);
    s.clock.t += 10_000; // full again, not more than the burst
    assert.deepEqual(await Promise.all([1, 2, 3, 4].map(() => get('192.0.2.1').then((r) => r.statusCode))), [200, 200, 200, 429]);

    // The log: one line per answered request, none per 429 at info level (a flood would
    // otherwise fill the log with what the ledger's summaries already count).
    const lines = s.logs.lines.map((l) => JSON.parse(l) as { msg: string; res?: { statusCode: number } });
    const answered = lines.filter((l) => l.msg === 'request completed').map((l) => l.res!.statusCode);
    assert.equal(answered.filter((c) => c === 200).length, 10);
    assert.equal(answered.includes(429), false);
    assert.equal(lines.some((l) => l.msg === 'incoming request' || l.msg === 'request rate-limited'), false);
  } finally {
    await s.close();
  }
});

test('the per-principal limit follows the token across addresses and leaves other principals alone', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-ratelimit-p-'));
  const s = await start(dir, { rateLimit: { perIp: { perSecond: 100, burst: 100 }, perPrincipal: { perSecond: 1, burst: 2 }, maxClients: 100 }, denialRecording: { windowSeconds: 60, individualPerKey: 10, maxKeys: 100 } });
  try {
    const alice = await s.ctx.devIssuer!.mint({ user: 'alice', role: 'viewer', roles: s.ctx.access.roles });
    const bob = await s.ctx.devIssuer!.mint({ user: 'bob', role: 'viewer', roles: s.ctx.access.roles });
    const me = (token: string, ip: string) => s.app.inject({ method: 'GET', url: '/api/me', remoteAddress: ip, headers: bearer(token) });
    assert.equal((await me(alice, '203.0.113.1')).statusCode, 200);
    assert.equal((await me(alice, '203.0.113.2')).statusCode, 200);
    const over = await me(alice, '203.0.113.3');
    assert.equal(over.statusCode, 429);
    assert.equal(over.headers['retry-after'], '1');
    const body = JSON.parse(over.body) as Record<string, unknown>;
    assert.equal(body['limit'], 'principal');
    assert.equal(body['message'], 'too many requests from principal dev:alice: the per-principal limit is 1 per second with bursts of 2 (server.rateLimit.perPrincipal); retry after 1 s');
    assert.equal((await me(bob, '203.0.113.3')).statusCode, 200);
    const rec = (await denialRecords(s.ctx)).find((r) => r.metadata!['reason'] === 'rate_limited')!;
    assert.deepEqual([rec.actor.id, rec.metadata!['status']], ['dev:alice', 429]);
    s.clock.t += 1000;
    assert.equal((await me(alice, '203.0.113.4')).statusCode, 200);
  } finally {
    await s.close();
  }
});

test('shutdown writes the summaries of the window still open', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-flush-'));
  const server: Partial<ServerConfig> = { rateLimit: { perIp: false, perPrincipal: false, maxClients: 100 }, denialRecording: { windowSeconds: 60, individualPerKey: 2, maxKeys: 100 } };
  let s = await start(dir, server);
  for (let i = 0; i < 5; i++) {
    s.clock.t = T0 + i * 1000;
    assert.equal((await s.app.inject({ method: 'GET', url: i === 4 ? '/api/audit/events' : '/api/me' })).statusCode, 401);
  }
  assert.deepEqual(tally(await denialRecords(s.ctx)).summaries, []);
  await s.close();

  s = await start(dir, server);
  try {
    const { individual, summaries, counted } = tally(await denialRecords(s.ctx));
    assert.equal(counted, 5);
    assert.equal(individual.length, 2);
    assert.equal(summaries.length, 1);
    assert.deepEqual(summaries[0]!.metadata, {
      count: 3,
      firstAt: new Date(T0 + 2000).toISOString(),
      lastAt: new Date(T0 + 4000).toISOString(),
      class: 'authentication',
      recordedIndividually: 2,
      windowStart: '2026-03-02T10:00:00.000Z',
      windowEnd: '2026-03-02T10:01:00.000Z',
      reasons: [{ reason: 'missing_token', count: 3 }],
      statuses: [{ status: 401, count: 3 }],
      routes: [{ route: '/api/me', count: 2 }, { route: '/api/audit/events', count: 1 }],
    });
    assert.deepEqual(summaries[0]!.target, { type: 'route', id: '*' });
  } finally {
    await s.close();
  }
});

test('a flood from more addresses than the tables hold: buckets and keys stay at their caps, the counts stay exact', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-many-ips-'));
  const s = await start(dir, { rateLimit: { perIp: { perSecond: 1, burst: 2 }, perPrincipal: false, maxClients: 50 }, denialRecording: { windowSeconds: 60, individualPerKey: 1, maxKeys: 20 } });
  try {
    const before = await s.ctx.ledger.store.count();
    const statuses = new Map<number, number>();
    for (let ip = 0; ip < 300; ip++) {
      for (let i = 0; i < 3; i++) {
        const r = await s.app.inject({ method: 'GET', url: '/api/me', remoteAddress: `10.1.${ip >> 8}.${ip & 255}` });
        statuses.set(r.statusCode, (statuses.get(r.statusCode) ?? 0) + 1);
      }
    }
    assert.deepEqual([...statuses].sort(), [[401, 600], [429, 300]]);
    assert.equal(s.ctx.rateLimits.perIp!.size, 50);
    assert.equal(s.ctx.rateLimits.perIp!.evictedEarly, 250);

    s.clock.t += 60_000;
    await s.ctx.denialRecorder.tick();
    // 20 keys: the first 10 addresses' authentication and rate_limit classes. Each authentication
    // key: 1 individual + a summary of 1; each rate_limit key: 1 individual. The other 290
    // addresses' 870 denials: one overflow summary.
    assert.equal((await s.ctx.ledger.store.count()) - before, 10 * 2 + 10 * 1 + 1);
    const { individual, summaries, counted } = tally(await denialRecords(s.ctx));
    assert.equal(counted, 900);
    assert.equal(individual.length, 20);
    const overflow = summaries.find((r) => r.metadata!['overflow'] === true)!;
    assert.deepEqual([overflow.actor.id, overflow.metadata!['count'], overflow.metadata!['keysTracked'], overflow.metadata!['reasons']], [
      '(clients beyond server.denialRecording.maxKeys)',
      870,
      20,
      [{ reason: 'missing_token', count: 580 }, { reason: 'rate_limited', count: 290 }],
    ]);
  } finally {
    await s.close();
  }
});

for (const backend of ['sqlite', 'postgres'] as const) test(`${backend}: a summary the ledger refuses is spooled and re-appended like an individual denial`, async (t) => {
  if (backend === 'postgres') {
    const skip = await pgSkip();
    if (skip) return t.skip(skip);
  }
  const dir = mkdtempSync(join(tmpdir(), 'attest-summary-spool-'));
  const s = await start(dir, { rateLimit: { perIp: false, perPrincipal: false, maxClients: 100 }, denialRecording: { windowSeconds: 60, individualPerKey: 1, maxKeys: 100 } }, backend === 'postgres' ? pgUrl() : join(dir, 'ledger.db'));
  try {
    const recover = refuseAppends(s.ctx.ledger.store);
    for (let i = 0; i < 4; i++) assert.equal((await s.app.inject({ method: 'GET', url: '/api/me' })).statusCode, 401);
    s.clock.t += 60_000;
    await s.ctx.denialRecorder.tick();
    assert.equal(s.ctx.denials.count, 2); // the individual denial and the summary
    recover();
    await s.ctx.denials.drain();
    const { individual, summaries, counted } = tally(await denialRecords(s.ctx));
    assert.equal(counted, 4);
    assert.equal(individual.length, 1);
    assert.deepEqual([summaries[0]!.metadata!['count'], summaries[0]!.metadata!['delayed']], [3, true]);
    assert.equal(s.ctx.denials.count, 0);
  } finally {
    await s.close();
  }
});

test('a summary neither the ledger nor the spool takes is held in memory, ATTEST-SVC-AUDIT-001 fails meanwhile, and the next window writes it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-summary-nowhere-'));
  writeFileSync(join(dir, 'not-a-dir'), '');
  const spool = join(dir, 'not-a-dir', 'denials.ndjson');
  const s = await start(dir, { denialSpool: spool, rateLimit: { perIp: false, perPrincipal: false, maxClients: 100 }, denialRecording: { windowSeconds: 60, individualPerKey: 0, maxKeys: 100 } });
  try {
    const recover = refuseAppends(s.ctx.ledger.store);
    for (let i = 0; i < 3; i++) assert.equal((await s.app.inject({ method: 'GET', url: '/api/me' })).statusCode, 401);
    // Counted, not yet due: the control holds (and the report cache holds the assessment).
    assert.equal(s.ctx.reports.get().findings.find((f) => f.controlId === 'ATTEST-SVC-AUDIT-001')!.status, 'pass');
    s.clock.t += 60_000;
    await s.ctx.denialRecorder.tick();
    assert.equal(s.ctx.denialRecorder.unrecorded, 3);
    // The recorder tells the report cache: no waiting for the service part's time to live.
    const held = s.ctx.reports.get().findings.find((f) => f.controlId === 'ATTEST-SVC-AUDIT-001')!;
    assert.equal(held.status, 'fail');
    assert.equal(held.message, `3 access denial(s) are counted in this process's memory only: neither the ledger nor the spool ${spool} took their summary; it is retried when the next window ends, and lost if the process stops first`);

    recover();
    s.clock.t += 60_000;
    await s.ctx.denialRecorder.tick();
    assert.equal(s.ctx.denialRecorder.unrecorded, 0);
    const { individual, summaries, counted } = tally(await denialRecords(s.ctx));
    assert.deepEqual([individual.length, summaries.length, counted], [0, 1, 3]);
    assert.equal(s.ctx.reports.get().findings.find((f) => f.controlId === 'ATTEST-SVC-AUDIT-001')!.status, 'pass');
  } finally {
    await s.close();
  }
});

test('the self-assessment states the limits and the denial-recording bound in force, and fails when a limit is off', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-abuse-self-'));
  const s = await start(dir, FLOOD);
  try {
    assert.equal((await s.app.inject({ method: 'GET', url: '/api/me' })).statusCode, 401);
    s.ctx.reports.invalidateService();
    const report = s.ctx.reports.get();
    const f = report.findings.find((x) => x.controlId === 'ATTEST-SVC-AUDIT-007')!;
    assert.equal(f.status, 'pass');
    assert.equal(
      f.message,
      'requests are limited per address (20/s, burst 100) and per principal (50/s, burst 200), answered 429 with Retry-After beyond it; denials add at most 11001 ledger records per 60 s window (10 one by one per class and client, then one exact summary per key, 1000 keys, one overflow summary)',
    );
    // Each piece of evidence names the setting as it is written in the configuration.
    assert.deepEqual(f.evidence.map((e) => e.path), ['server.rateLimit.perIp', 'server.rateLimit.perPrincipal', 'server.rateLimit.maxClients', 'server.trustProxy', 'server.denialRecording', 'denials.totals']);
    const audit = report.domains.find((d) => d.id === 'audit')!;
    assert.deepEqual(audit.facts['attestAbuseLimits'], {
      rateLimitPerIp: { perSecond: 20, burst: 100 },
      rateLimitPerPrincipal: { perSecond: 50, burst: 200 },
      rateLimitMaxClients: 10_000,
      rateLimitExempt: 'GET /healthz, GET /readyz',
      denialWindowSeconds: 60,
      denialsRecordedIndividuallyPerKey: 10,
      denialKeysPerWindow: 1000,
      maxDenialRecordsPerWindow: 11001,
      denialsSinceStart: { denials: 1, individual: 1, summarised: 0, summaries: 0 },
    });
  } finally {
    await s.close();
  }
  const off = await start(mkdtempSync(join(tmpdir(), 'attest-abuse-off-')), { ...FLOOD, rateLimit: { perIp: false, perPrincipal: { perSecond: 50, burst: 200 }, maxClients: 100 } });
  try {
    const f = off.ctx.reports.get().findings.find((x) => x.controlId === 'ATTEST-SVC-AUDIT-007')!;
    assert.equal(f.status, 'fail');
    assert.match(f.message, /^rate limit per address is off \(server\.rateLimit\); requests are limited per address \(off\)/);
  } finally {
    await off.close();
  }
  // Every peer's X-Forwarded-For believed: a client picks the address its limit counts, so the limit proves nothing.
  const forged = await start(mkdtempSync(join(tmpdir(), 'attest-abuse-xff-')), { ...FLOOD, trustProxy: true });
  try {
    const f = forged.ctx.reports.get().findings.find((x) => x.controlId === 'ATTEST-SVC-AUDIT-007')!;
    assert.equal(f.status, 'fail');
    assert.match(f.message, /^server\.trustProxy is true, so every client chooses the address its per-address limit counts \(X-Forwarded-For\); trust only the proxies' addresses or CIDRs; requests are limited per address \(20\/s, burst 100\)/);
  } finally {
    await forged.close();
  }
});
