/**
 * npm run bench:detect — replays a seeded labelled stream (1M events by default, DETECT_EVENTS
 * to change, DETECT_SEED for another stream) through the pure evaluator and scores the alerts against the labels: precision,
 * recall on the injected incidents, false alerts per 100k normal events, events/s. Then a
 * smaller stream goes through a real SQLite ledger with the detector subscribed, for the
 * append → alert.raised-committed latency. Prints JSON.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AlertRaised } from '../src/detection/alert.js';
import { Detector } from '../src/detection/detector.js';
import { Evaluator } from '../src/detection/evaluator.js';
import { DEFAULT_DETECTION } from '../src/detection/rules.js';
import { openLedger } from '../src/ledger/open.js';
import { generateStream, type LabelledEvent, type Stream } from './detect-stream.js';

interface Score {
  alerts: number;
  truePositiveAlerts: number;
  falseAlerts: number;
  precision: number;
  recall: number;
  positiveIncidents: number;
  detectedIncidents: number;
  missed: string[];
  negativeIncidentsAlerted: string[];
  normalEvents: number;
  falseAlertsPer100kNormal: number;
  falseAlertRules: Record<string, number>;
}

function score(stream: Stream, alerts: AlertRaised[], incidentOf: (seq: number) => string | undefined): Score {
  const positive = new Set(stream.incidents.filter((i) => i.positive).map((i) => i.id));
  const detected = new Set<string>();
  const negAlerted = new Set<string>();
  let tp = 0;
  const fpRules: Record<string, number> = {};
  for (const a of alerts) {
    const hit = new Set(a.signals.flatMap((s) => s.evidenceSeqs).map(incidentOf).filter((x): x is string => x !== undefined));
    const pos = [...hit].filter((h) => positive.has(h));
    if (pos.length) {
      tp++;
      pos.forEach((p) => detected.add(p));
    } else {
      for (const h of hit) negAlerted.add(h);
      const key = a.signals.map((s) => s.rule).sort().join('+');
      fpRules[key] = (fpRules[key] ?? 0) + 1;
    }
  }
  const normal = stream.events.filter((e) => !e.incident).length;
  const fp = alerts.length - tp;
  return {
    alerts: alerts.length,
    truePositiveAlerts: tp,
    falseAlerts: fp,
    precision: alerts.length ? +(tp / alerts.length).toFixed(4) : 0,
    recall: +(detected.size / positive.size).toFixed(4),
    positiveIncidents: positive.size,
    detectedIncidents: detected.size,
    missed: [...positive].filter((p) => !detected.has(p)),
    negativeIncidentsAlerted: [...negAlerted],
    normalEvents: normal,
    falseAlertsPer100kNormal: +((fp / normal) * 100_000).toFixed(3),
    falseAlertRules: fpRules,
  };
}

function pure(n: number, seed: number) {
  const t0 = performance.now();
  const stream = generateStream({ seed, events: n });
  const genMs = performance.now() - t0;
  const ev = new Evaluator({ config: DEFAULT_DETECTION, hashKey: Buffer.alloc(32, 7) });
  const alerts: AlertRaised[] = [];
  const t1 = performance.now();
  for (const e of stream.events) for (const a of ev.evaluate(e)) alerts.push(a);
  const ms = performance.now() - t1;
  const label = new Map<number, string>();
  for (const e of stream.events) if (e.incident) label.set(e.seq, e.incident);
  const snapshotBytes = Buffer.byteLength(JSON.stringify(ev.snapshot()));
  return {
    seed,
    events: stream.events.length,
    generateSeconds: +(genMs / 1000).toFixed(2),
    evaluateSeconds: +(ms / 1000).toFixed(2),
    eventsPerSecond: Math.round(stream.events.length / (ms / 1000)),
    subjects: ev.subjectCount,
    stateSnapshotBytes: snapshotBytes,
    /** Every rule's signals, alerting or not: most fire on normal activity and never combine. */
    signalsByRule: ev.signalCounts,
    ...score(stream, alerts, (s) => label.get(s)),
  };
}

async function latency(n: number) {
  const dir = mkdtempSync(join(tmpdir(), 'attest-bench-detect-'));
  try {
    const ledger = await openLedger({ db: join(dir, 'ledger.db'), keysDir: join(dir, 'keys'), createKeys: true });
    const detector = new Detector({ ledger, config: DEFAULT_DETECTION });
    await detector.start();
    const stream = generateStream({ seed: 15, events: n, incidentsPerKind: 5 });
    // The ledger stamps its own time, so the stream's weeks collapse into seconds here and
    // its alerts say nothing about accuracy (that is the pure run's figure); this run
    // measures only the path from append to the committed alert.raised record.
    const appendedAt = new Map<number, number>();
    const lat: number[] = [];
    detector.onAlert((a) => {
      const t = appendedAt.get(a.alert.evaluatedThrough);
      if (t !== undefined) lat.push(performance.now() - t);
    });
    const batch = 50;
    const toEvent = (e: LabelledEvent) => ({
      actor: { id: e.actorId, type: 'user' as const, ...(e.ip ? { ip: e.ip } : {}), ...(e.userAgent ? { user_agent: e.userAgent } : {}) },
      action: e.action,
      outcome: e.outcome as 'success' | 'denied' | 'error',
      ...(e.targetId ? { target: { type: 'user', id: e.targetId } } : {}),
      ...(e.metadata ? { metadata: e.metadata } : {}),
    });
    const t0 = performance.now();
    let appended = 0;
    for (let i = 0; i < stream.events.length; i += batch) {
      const chunk = stream.events.slice(i, i + batch);
      const t = performance.now();
      const r = await ledger.append(chunk.map(toEvent));
      for (let s = r.first; s <= r.last; s++) appendedAt.set(s, t);
      appended += chunk.length;
    }
    await detector.idle();
    const seconds = (performance.now() - t0) / 1000;
    await detector.close();
    await ledger.close();
    lat.sort((a, b) => a - b);
    const p = (q: number) => (lat.length ? +lat[Math.min(lat.length - 1, Math.floor(q * lat.length))]!.toFixed(1) : null);
    return { ledger: 'sqlite (synchronous=full, the default)', events: appended, appendBatch: batch, seconds: +seconds.toFixed(2), alerts: detector.raised, latencySamples: lat.length, appendToAlertMs: { p50: p(0.5), p95: p(0.95), max: p(1) } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const n = Number(process.env['DETECT_EVENTS'] ?? 1_000_000);
const result = { evaluator: pure(n, Number(process.env['DETECT_SEED'] ?? 14)), endToEnd: await latency(Number(process.env['DETECT_E2E_EVENTS'] ?? 30_000)) };
console.log(JSON.stringify(result, null, 2));
