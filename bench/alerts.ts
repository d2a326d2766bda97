// The alerts API's list, on SQLite with BENCH_ALERTS alerts: before (every request read every
// alert.* record and folded them: loadAlerts) and now (the AlertBook keeps them folded; a
// request reads only the alert records since the last read, by seq). Also the book's first
// fold (once per process), an acknowledge seen by the book, a record appended by another
// process (a second connection) read by seq, and the append → webhook delivery latency
// through the notifier to a local receiver. Prints one JSON object.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openLedger } from '../src/ledger/open.js';
import { AlertBook, loadAlerts } from '../src/notify/alerts.js';
import { filterAlerts } from '../src/server/routes/alerts.js';
import type { AlertView } from '../src/detection/alert.js';
import { Notifier } from '../src/notify/notifier.js';
import { notifySection } from '../src/notify/config.js';
import type { AlertRaised } from '../src/detection/alert.js';

const ALERTS = Number(process.env['BENCH_ALERTS'] ?? 10_000);
const DELIVERIES = Number(process.env['BENCH_DELIVERIES'] ?? 200);

function raised(i: number): AlertRaised {
  const at = new Date().toISOString();
  return { alertId: `b-${i}`, severity: i % 10 === 0 ? 'high' : 'low', subject: `user-${i % 97}`, score: 2, signals: [{ rule: 'auth.failed-burst', summary: 'burst', weight: 2, highConfidence: false, evidenceSeqs: [1], count: 6 }], windowStart: at, windowEnd: at, evaluatedThrough: i, title: `alert ${i}` };
}

const dir = mkdtempSync(join(tmpdir(), 'attest-bench-alerts-'));
const ledger = await openLedger({ db: join(dir, 'ledger.db'), keysDir: join(dir, 'keys'), createKeys: true, synchronous: 'normal' });
const events = [];
for (let i = 0; i < ALERTS; i++) {
  events.push({ actor: { id: 'attest-detection', type: 'service' as const }, action: 'alert.raised', target: { type: 'alert', id: `b-${i}` }, outcome: 'success' as const, metadata: { ...raised(i) } });
  if (i % 3 === 0) events.push({ actor: { id: 'olivia', type: 'user' as const }, action: 'alert.acknowledged', target: { type: 'alert', id: `b-${i}` }, outcome: 'success' as const, metadata: { alertId: `b-${i}` } });
}
await ledger.append(events, { alerts: true });
// What GET /api/alerts?state=open does with the folded alerts.
const list = (all: ReadonlyMap<string, AlertView>) => {
  const matched = filterAlerts(all.values(), { state: 'open' });
  let openCount = 0;
  for (const a of all.values()) if (a.state === 'open') openCount++;
  return { alerts: matched.slice(0, 200), total: matched.length, openCount };
};
const expectedOpen = ALERTS - Math.ceil(ALERTS / 3);
const foldMs: number[] = [];
const listBeforeMs: number[] = [];
for (let r = 0; r < 5; r++) {
  const t = performance.now();
  const m = await loadAlerts(ledger);
  foldMs.push(performance.now() - t);
  if (m.size !== ALERTS) throw new Error(`folded ${m.size} alerts, expected ${ALERTS}`);
  const l = list(m);
  listBeforeMs.push(performance.now() - t);
  if (l.total !== expectedOpen) throw new Error(`listed ${l.total} open alerts, expected ${expectedOpen}`);
}

const book = new AlertBook({ ledger, pollMs: 3_600_000 });
book.start();
const t0 = performance.now();
const first = await book.fresh();
const firstFoldMs = performance.now() - t0;
if (first.size !== ALERTS) throw new Error(`the book folded ${first.size} alerts, expected ${ALERTS}`);
const listAfterMs: number[] = [];
for (let r = 0; r < 50; r++) {
  const t = performance.now();
  const l = list(await book.fresh());
  listAfterMs.push(performance.now() - t);
  if (l.total !== expectedOpen) throw new Error(`the book listed ${l.total} open alerts, expected ${expectedOpen}`);
}
// An acknowledge appended here (onAppend), then read.
const ackMs: number[] = [];
for (let r = 0; r < 20; r++) {
  const id = `b-${3 * r + 1}`;
  const t = performance.now();
  await ledger.append([{ actor: { id: 'olivia', type: 'user' }, action: 'alert.acknowledged', target: { type: 'alert', id }, outcome: 'success', metadata: { alertId: id } }], { alerts: true });
  const v = (await book.fresh()).get(id);
  ackMs.push(performance.now() - t);
  if (v?.state !== 'acknowledged') throw new Error(`${id} is ${v?.state}, expected acknowledged`);
}
// Records appended by another connection (another process, as far as the book knows): read by seq.
const other = await openLedger({ db: join(dir, 'ledger.db'), keysDir: join(dir, 'keys'), synchronous: 'normal' });
const remoteMs: number[] = [];
for (let r = 0; r < 20; r++) {
  const id = `r-${r}`;
  await other.append([{ actor: { id: 'attest-detection', type: 'service' }, action: 'alert.raised', target: { type: 'alert', id }, outcome: 'success', metadata: { ...raised(r), alertId: id } }], { alerts: true });
  const t = performance.now();
  const v = (await book.fresh()).get(id);
  remoteMs.push(performance.now() - t);
  if (!v) throw new Error(`${id} appended by another connection was not read`);
}
await other.close();
await book.close();

// Delivery latency: append → the receiver has the signed call.
const arrivals = new Map<string, number>();
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const id = (JSON.parse(Buffer.concat(chunks).toString()) as { alert: { alertId: string } }).alert.alertId;
    arrivals.set(id, performance.now());
    res.writeHead(200).end();
  });
});
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
const notifier = new Notifier({ ledger, config: notifySection({ channels: [{ type: 'webhook', name: 'bench', url, secret: 'bench-secret', attempts: 1 }] }, 'bench', {}) });
notifier.start();
const latencies: number[] = [];
for (let i = 0; i < DELIVERIES; i++) {
  const id = `d-${i}`;
  const t = performance.now();
  await ledger.append([{ actor: { id: 'attest-detection', type: 'service' }, action: 'alert.raised', target: { type: 'alert', id }, outcome: 'success', metadata: { ...raised(i), alertId: id } }], { alerts: true });
  await notifier.idle();
  latencies.push(arrivals.get(id)! - t);
}
await notifier.close();
receiver.close();
await ledger.close();
rmSync(dir, { recursive: true, force: true });
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (xs: number[]) => ({ median: +pct(xs, 50).toFixed(2), p95: +pct(xs, 95).toFixed(2), max: +Math.max(...xs).toFixed(2) });
console.log(JSON.stringify({ backend: 'sqlite', alerts: ALERTS, alertRecords: events.length, foldAllMs: { median: Math.round(pct(foldMs, 50)), max: Math.round(Math.max(...foldMs)) }, listOpenBeforeMs: ms(listBeforeMs), listOpenAfterMs: ms(listAfterMs), bookFirstFoldMs: +firstFoldMs.toFixed(1), ackThenReadMs: ms(ackMs), otherProcessRecordReadMs: ms(remoteMs), deliveries: DELIVERIES, appendToWebhookMs: { p50: +pct(latencies, 50).toFixed(2), p95: +pct(latencies, 95).toFixed(2), max: +Math.max(...latencies).toFixed(2) } }, null, 2));
