// The alerts API reads every alert.* record and folds them on each request (no cache): how
// long that takes as alerts pile up, on SQLite. Also the append → webhook delivery latency
// through the notifier to a local receiver. Prints one JSON object.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openLedger } from '../src/ledger/open.js';
import { loadAlerts } from '../src/notify/alerts.js';
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
const foldMs: number[] = [];
for (let r = 0; r < 5; r++) {
  const t = performance.now();
  const m = await loadAlerts(ledger);
  foldMs.push(performance.now() - t);
  if (m.size !== ALERTS) throw new Error(`folded ${m.size} alerts, expected ${ALERTS}`);
}

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
console.log(JSON.stringify({ backend: 'sqlite', alerts: ALERTS, alertRecords: events.length, foldAllMs: { median: Math.round(pct(foldMs, 50)), max: Math.round(Math.max(...foldMs)) }, deliveries: DELIVERIES, appendToWebhookMs: { p50: +pct(latencies, 50).toFixed(2), p95: +pct(latencies, 95).toFixed(2), max: +Math.max(...latencies).toFixed(2) } }, null, 2));
