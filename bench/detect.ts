/**
 * npm run bench:detect — replays a seeded labelled stream (1M events by default, DETECT_EVENTS
 * to change, DETECT_SEED for another stream) through the pure evaluator and scores the alerts
 * against the labels: precision, recall on the injected incidents, false alerts per 100k
 * normal events, events/s. Then, on SQLite and on PostgreSQL (a fresh schema, dropped at the
 * end; ATTEST_BENCH_PG for the URL, default postgres://postgres@127.0.0.1:5432/test;
 * DETECT_PG=0 for SQLite only):
 *  - the state's persistence at the same scale: the same stream through an evaluator whose
 *    state is saved every DETECT_SAVE_EVERY (1,000) records and after every alert, as rows of
 *    changed subjects (what the detector does), and, at every 10th of those moments, the
 *    whole state as one row (the earlier layout) for comparison: bytes and time per save,
 *    and the time to load it back;
 *  - a smaller stream (DETECT_E2E_EVENTS, 30k) appended to a real ledger with the detector
 *    subscribed, for the append → alert.raised-committed latency.
 * Prints JSON.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { AlertRaised } from '../src/detection/alert.js';
import { Detector, prepareTables } from '../src/detection/detector.js';
import { Evaluator, type DetectionEvent } from '../src/detection/evaluator.js';
import { DEFAULT_DETECTION } from '../src/detection/rules.js';
import { DetectionStateStore } from '../src/detection/state-store.js';
import type { Ledger } from '../src/ledger/ledger.js';
import { openLedger } from '../src/ledger/open.js';
import { generateStream, type LabelledEvent, type Stream } from './detect-stream.js';

const PG_URL = process.env['ATTEST_BENCH_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test';
type Kind = 'sqlite' | 'postgres';

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

function pure(stream: Stream, seed: number) {
  const ev = new Evaluator({ config: DEFAULT_DETECTION, hashKey: Buffer.alloc(32, 7) });
  const alerts: AlertRaised[] = [];
  const t1 = performance.now();
  for (const e of stream.events) for (const a of ev.evaluate(e)) alerts.push(a);
  const ms = performance.now() - t1;
  const label = new Map<number, string>();
  for (const e of stream.events) if (e.incident) label.set(e.seq, e.incident);
  return {
    seed,
    events: stream.events.length,
    evaluateSeconds: +(ms / 1000).toFixed(2),
    eventsPerSecond: Math.round(stream.events.length / (ms / 1000)),
    subjects: ev.subjectCount,
    /** The whole state at the end as one JSON document (what the earlier layout rewrote at every save). */
    stateSnapshotBytes: Buffer.byteLength(JSON.stringify(ev.snapshot())),
    /** Every rule's signals, alerting or not: most fire on normal activity and never combine. */
    signalsByRule: ev.signalCounts,
    ...score(stream, alerts, (s) => label.get(s)),
  };
}

/** p50 / p95 / max of a list of figures (rounded to 0.1), null when empty. */
function percentiles(xs: number[]): { p50: number | null; p95: number | null; max: number | null } {
  const s = [...xs].sort((a, b) => a - b);
  const p = (q: number) => (s.length ? +s[Math.min(s.length - 1, Math.floor(q * s.length))]!.toFixed(1) : null);
  return { p50: p(0.5), p95: p(0.95), max: p(1) };
}

const sum = (xs: number[]) => xs.reduce((t, x) => t + x, 0);

/** A fresh ledger: a temporary SQLite file, or a new schema in the PostgreSQL database (dropped by cleanup). */
async function openTarget(kind: Kind, tag: string): Promise<{ ledger: Ledger; label: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'attest-bench-detect-'));
  const schema = `attest_bench_detect_${process.pid}_${tag}`;
  const db = kind === 'sqlite' ? join(dir, 'ledger.db') : `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  let ledger: Ledger | undefined;
  const cleanup = async () => {
    await ledger?.close();
    if (kind === 'postgres') {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await c.end();
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    ledger = await openLedger({ db, keysDir: join(dir, 'keys'), createKeys: true });
  } catch (e) {
    await cleanup().catch(() => undefined);
    if (kind === 'postgres') throw new Error(`bench:detect: PostgreSQL at ${PG_URL} could not be used (${(e as Error).message}); start it, set ATTEST_BENCH_PG, or run with DETECT_PG=0 for SQLite only`);
    throw e;
  }
  return { ledger, label: kind === 'sqlite' ? 'sqlite (synchronous=full, the default)' : `postgres (schema ${schema}, dropped after)`, cleanup };
}

const FENCE = { holder: 'bench', epoch: 1 };

async function persistence(kind: Kind, events: readonly DetectionEvent[], saveEvery: number) {
  const t = await openTarget(kind, 'state');
  try {
    const side = t.ledger.store.sideTables!();
    await prepareTables(side);
    await side.run('INSERT INTO detect_lease (name, holder, expires, epoch) VALUES ($1, $2, $3, $4)', ['detection', FENCE.holder, 9e15, FENCE.epoch]);
    // The earlier layout, beside it: the whole state in one row, rewritten at every save.
    await side.run('CREATE TABLE detect_state_onerow (name TEXT PRIMARY KEY, seq BIGINT NOT NULL, state TEXT NOT NULL, updated TEXT NOT NULL)');
    const store = new DetectionStateStore(side, 'detection');
    const ev = new Evaluator({ config: DEFAULT_DETECTION, hashKey: Buffer.alloc(32, 7) });
    const rows = { ms: [] as number[], bytes: [] as number[], written: [] as number[] };
    const one = { ms: [] as number[], bytes: [] as number[] };
    let since = 0;
    let saves = 0;
    let afterAlert = 0;
    for (const [i, e] of events.entries()) {
      const alerted = ev.evaluate(e).length > 0;
      if (!alerted && ++since < saveEvery && i < events.length - 1) continue;
      since = 0;
      if (alerted) afterAlert++;
      const now = new Date().toISOString();
      let t0 = performance.now();
      if (!(await store.save(ev, FENCE, now))) throw new Error('bench:detect: the bench lease was lost');
      rows.ms.push(performance.now() - t0);
      rows.bytes.push(store.last!.bytes);
      rows.written.push(store.last!.upserted + store.last!.removed);
      if (saves++ % 10 === 0) {
        t0 = performance.now();
        const state = JSON.stringify(ev.snapshot());
        await side.run(
          `INSERT INTO detect_state_onerow (name, seq, state, updated) SELECT $1, $2, $3, $4
             WHERE EXISTS (SELECT 1 FROM detect_lease WHERE name = $1 AND holder = $5 AND epoch = $6)
           ON CONFLICT (name) DO UPDATE SET seq = excluded.seq, state = excluded.state, updated = excluded.updated`,
          ['detection', ev.lastSeq, state, now, FENCE.holder, FENCE.epoch],
        );
        one.ms.push(performance.now() - t0);
        one.bytes.push(Buffer.byteLength(state));
      }
    }
    let t0 = performance.now();
    const back = new Evaluator({ config: DEFAULT_DETECTION, hashKey: Buffer.alloc(32, 7) });
    await new DetectionStateStore(side, 'detection').load(back);
    const loadRowsMs = performance.now() - t0;
    if (back.lastSeq !== ev.lastSeq || back.subjectCount !== ev.subjectCount) throw new Error(`bench:detect: state read back at seq ${back.lastSeq} with ${back.subjectCount} subjects, saved at ${ev.lastSeq} with ${ev.subjectCount}`);
    const stored = (await side.run('SELECT state FROM detect_subject WHERE name = $1', ['detection'])).rows.map((r) => Buffer.byteLength(String(r['state'])));
    t0 = performance.now();
    const oneRow = (await side.run('SELECT state FROM detect_state_onerow WHERE name = $1', ['detection'])).rows[0]!;
    new Evaluator({ config: DEFAULT_DETECTION, hashKey: Buffer.alloc(32, 7) }).restore(JSON.parse(String(oneRow['state'])));
    const loadOneMs = performance.now() - t0;
    return {
      ledger: t.label,
      events: events.length,
      saves,
      savesAfterAlert: afterAlert,
      saveEveryRecords: saveEvery,
      stateAtEnd: { subjects: ev.subjectCount, rows: stored.length, bytes: sum(stored), largestRowBytes: Math.max(...stored) },
      rowsPerSubject: {
        bytesPerSave: { mean: Math.round(sum(rows.bytes) / saves), ...percentiles(rows.bytes) },
        rowsWrittenPerSave: { mean: Math.round(sum(rows.written) / saves), ...percentiles(rows.written) },
        saveMs: { mean: +(sum(rows.ms) / saves).toFixed(2), ...percentiles(rows.ms) },
        totalSaveSeconds: +(sum(rows.ms) / 1000).toFixed(2),
        loadMs: +loadRowsMs.toFixed(1),
      },
      oneRowEarlierLayout: {
        sampledSaves: one.ms.length,
        bytesPerSave: { mean: Math.round(sum(one.bytes) / one.bytes.length), ...percentiles(one.bytes) },
        saveMs: { mean: +(sum(one.ms) / one.ms.length).toFixed(2), ...percentiles(one.ms) },
        /** Its mean save time × the saves above: what the same saves would have cost. */
        estimatedTotalSaveSeconds: +(((sum(one.ms) / one.ms.length) * saves) / 1000).toFixed(2),
        loadMs: +loadOneMs.toFixed(1),
      },
    };
  } finally {
    await t.cleanup();
  }
}

async function latency(kind: Kind, n: number) {
  const t = await openTarget(kind, 'e2e');
  try {
    const ledger = t.ledger;
    const detector = new Detector({ ledger, config: DEFAULT_DETECTION });
    await detector.start();
    const stream = generateStream({ seed: 15, events: n, incidentsPerKind: 5 });
    // The ledger stamps its own time, so the stream's weeks collapse into seconds here and
    // its alerts say nothing about accuracy (that is the pure run's figure); this run
    // measures only the path from append to the committed alert.raised record.
    const appendedAt = new Map<number, number>();
    const lat: number[] = [];
    detector.onAlert((a) => {
      const at = appendedAt.get(a.alert.evaluatedThrough);
      if (at !== undefined) lat.push(performance.now() - at);
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
      const at = performance.now();
      const r = await ledger.append(chunk.map(toEvent));
      for (let s = r.first; s <= r.last; s++) appendedAt.set(s, at);
      appended += chunk.length;
    }
    await detector.idle();
    const seconds = (performance.now() - t0) / 1000;
    await detector.close();
    return { ledger: t.label, events: appended, appendBatch: batch, seconds: +seconds.toFixed(2), alerts: detector.raised, latencySamples: lat.length, appendToAlertMs: percentiles(lat) };
  } finally {
    await t.cleanup();
  }
}

const n = Number(process.env['DETECT_EVENTS'] ?? 1_000_000);
const seed = Number(process.env['DETECT_SEED'] ?? 14);
const saveEvery = Number(process.env['DETECT_SAVE_EVERY'] ?? 1000);
const e2e = Number(process.env['DETECT_E2E_EVENTS'] ?? 30_000);
for (const [name, v] of Object.entries({ DETECT_EVENTS: n, DETECT_SEED: seed, DETECT_SAVE_EVERY: saveEvery, DETECT_E2E_EVENTS: e2e })) {
  if (!Number.isInteger(v) || v < (name === 'DETECT_SEED' ? 0 : 1)) throw new Error(`bench:detect: ${name} must be a whole number${name === 'DETECT_SEED' ? '' : ' of at least 1'}; got ${JSON.stringify(process.env[name])}`);
}
const kinds: Kind[] = process.env['DETECT_PG'] === '0' ? ['sqlite'] : ['sqlite', 'postgres'];
const g0 = performance.now();
const stream = generateStream({ seed, events: n });
const generateSeconds = +((performance.now() - g0) / 1000).toFixed(2);
const result: Record<string, unknown> = { evaluator: { generateSeconds, ...pure(stream, seed) }, statePersistence: {} as Record<string, unknown>, endToEnd: {} as Record<string, unknown> };
for (const k of kinds) (result['statePersistence'] as Record<string, unknown>)[k] = await persistence(k, stream.events, saveEvery);
for (const k of kinds) (result['endToEnd'] as Record<string, unknown>)[k] = await latency(k, e2e);
console.log(JSON.stringify(result, null, 2));
