// Audit ledger benchmark, SQLite and PostgreSQL: append throughput (one record per call,
// batched, integrity off), 8 concurrent writer processes (PostgreSQL), query latency as one
// store grows 10k → 100k → 1M, full verification, inclusion proofs, and the peak memory of
// a streaming export. Prints ONE JSON document on stdout; progress goes to stderr.
//
//   npm run bench:ledger -- [--quick] [--only sqlite|postgres] [--keep]
//
// --quick   sizes 10k and 50k and smaller append runs (a smoke run, minutes → seconds)
// --only    run one store
// --keep    keep the SQLite files and PostgreSQL schemas (default: removed at the end)
// ATTEST_BENCH_PG overrides the PostgreSQL URL (default postgres://postgres@127.0.0.1:5432/test).
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DirectoryKeyProvider } from '../src/ledger/keys.js';
import { Ledger, verifyInclusionProof, type QueryFilters, type QueryPage } from '../src/ledger/ledger.js';
import type { LedgerStore } from '../src/ledger/store.js';
import { SqliteStore } from '../src/ledger/stores/sqlite.js';
import { PostgresStore } from '../src/ledger/stores/postgres.js';
import { nativeHashing } from '../src/ledger/hashing.js';
import type { AuditEventInput } from '../src/ledger/record.js';
import { ACTION_CATEGORIES, ACTOR_IDS, EventGenerator, OUTCOME_VALUES, TENANTS, type WriterDone } from './ledger-writer.js';
import { prng } from './prng.js';

// ---------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const keep = argv.includes('--keep');
const onlyIdx = argv.indexOf('--only');
const only = onlyIdx >= 0 ? argv[onlyIdx + 1] : undefined;
if (only !== undefined && only !== 'sqlite' && only !== 'postgres') {
  console.error('--only takes sqlite or postgres');
  process.exit(2);
}
const PG_URL = process.env['ATTEST_BENCH_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test';

const CFG = quick
  ? { sizes: [10_000, 50_000], single: 500, batched: 20_000, raw: 20_000, writers: 8, perWriter: 2_500, writerBatch: 500, runs: 50, proofs: 200 }
  : { sizes: [10_000, 100_000, 1_000_000], single: 2_000, batched: 100_000, raw: 100_000, writers: 8, perWriter: 25_000, writerBatch: 500, runs: 60, proofs: 200 };
const BATCH = 1_000;
const GROW_BATCH = 5_000;
const WARMUP_QUERIES = 5;

const here = fileURLToPath(new URL('.', import.meta.url)); // dist/bench/
const t0 = performance.now();
function log(msg: string): void {
  process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(7)}s] ${msg}\n`);
}

// ---------------------------------------------------------------------------
// Small statistics

const r3 = (x: number) => Math.round(x * 1000) / 1000;
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
function summary(ms: number[]): { runs: number; p50Ms: number; p95Ms: number; meanMs: number; maxMs: number } {
  const s = [...ms].sort((a, b) => a - b);
  return { runs: s.length, p50Ms: r3(percentile(s, 0.5)), p95Ms: r3(percentile(s, 0.95)), meanMs: r3(s.reduce((a, b) => a + b, 0) / s.length), maxMs: r3(s[s.length - 1]!) };
}

// ---------------------------------------------------------------------------
// Stores

interface Backend {
  kind: 'sqlite' | 'postgres';
  /** The --db argument that opens the store with the given tag (for child processes). */
  location(tag: string): string;
  create(tag: string): LedgerStore;
  analyze(store: LedgerStore): Promise<void>;
  bytes(store: LedgerStore, tag: string): Promise<number>;
  cleanup(): Promise<void>;
}

function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'attest-bench-'));
  return {
    kind: 'sqlite',
    location: (tag) => join(dir, `${tag}.db`),
    create: (tag) => new SqliteStore(join(dir, `${tag}.db`)),
    analyze: async (store) => {
      (store as SqliteStore).db.exec('ANALYZE');
    },
    bytes: async (_store, tag) => {
      let n = 0;
      for (const f of [`${tag}.db`, `${tag}.db-wal`]) if (existsSync(join(dir, f))) n += statSync(join(dir, f)).size;
      return n;
    },
    cleanup: async () => {
      if (keep) log(`kept SQLite files in ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresBackend(): Backend {
  const schemas = new Set<string>();
  const schema = (tag: string) => `attest_bench_${process.pid}_${tag}`;
  return {
    kind: 'postgres',
    location: (tag) => `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema(tag)}`,
    create(tag) {
      schemas.add(schema(tag));
      return new PostgresStore(this.location(tag));
    },
    analyze: async (store) => {
      // ANALYZE of this ledger's tables only (the database may hold other schemas).
      await (store as PostgresStore).sql('ANALYZE records, pii, nodes, checkpoints');
    },
    bytes: async (store) => {
      const rows = await (store as PostgresStore).sql<{ n: number }>(
        `SELECT (pg_total_relation_size('records') + pg_total_relation_size('pii') + pg_total_relation_size('nodes') + pg_total_relation_size('checkpoints'))::bigint AS n`,
      );
      return rows[0]!.n;
    },
    cleanup: async () => {
      if (keep) {
        log(`kept PostgreSQL schemas ${[...schemas].join(', ')}`);
        return;
      }
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      try {
        for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}

// ---------------------------------------------------------------------------
// Append throughput

async function openLedger(b: Backend, tag: string, keysDir: string): Promise<Ledger> {
  return Ledger.open({ store: b.create(tag), keys: DirectoryKeyProvider.open(keysDir), checkpointEvery: 1000 });
}

function batches(seed: number, total: number, size: number): AuditEventInput[][] {
  const gen = new EventGenerator(seed);
  const out: AuditEventInput[][] = [];
  for (let n = 0; n < total; n += size) out.push(gen.batch(Math.min(size, total - n)));
  return out;
}

async function appendSingle(b: Backend, keysDir: string): Promise<{ calls: number; seconds: number; perSecond: number }> {
  const ledger = await openLedger(b, 'single', keysDir);
  try {
    const gen = new EventGenerator(1);
    for (let i = 0; i < 100; i++) await ledger.append([gen.next()]); // warm-up, not timed
    const events = gen.batch(CFG.single);
    const start = performance.now();
    for (const e of events) await ledger.append([e]);
    const seconds = (performance.now() - start) / 1000;
    return { calls: CFG.single, seconds: r3(seconds), perSecond: Math.round(CFG.single / seconds) };
  } finally {
    await ledger.close();
  }
}

async function appendBatched(b: Backend, keysDir: string): Promise<{ records: number; batch: number; seconds: number; perSecond: number; verifyOk: boolean }> {
  const ledger = await openLedger(b, 'batched', keysDir);
  try {
    for (const w of batches(2, 5 * BATCH, BATCH)) await ledger.append(w); // warm-up
    const work = batches(3, CFG.batched, BATCH);
    const start = performance.now();
    for (const w of work) await ledger.append(w);
    const seconds = (performance.now() - start) / 1000;
    const v = await ledger.verify();
    return { records: CFG.batched, batch: BATCH, seconds: r3(seconds), perSecond: Math.round(CFG.batched / seconds), verifyOk: v.ok && v.records === CFG.batched + 5 * BATCH };
  } finally {
    await ledger.close();
  }
}

async function appendRaw(b: Backend, keysDir: string): Promise<{ records: number; batch: number; seconds: number; perSecond: number }> {
  const ledger = await openLedger(b, 'raw', keysDir);
  try {
    let seq = 1;
    for (const w of batches(2, 5 * BATCH, BATCH)) {
      await ledger.appendRaw(w, seq);
      seq += w.length;
    }
    const work = batches(3, CFG.raw, BATCH);
    const start = performance.now();
    for (const w of work) {
      await ledger.appendRaw(w, seq);
      seq += w.length;
    }
    const seconds = (performance.now() - start) / 1000;
    return { records: CFG.raw, batch: BATCH, seconds: r3(seconds), perSecond: Math.round(CFG.raw / seconds) };
  } finally {
    await ledger.close();
  }
}

async function concurrentWriters(b: Backend, keysDir: string) {
  const tag = 'writers';
  const setup = await openLedger(b, tag, keysDir); // migrations once, before the writers race
  await setup.close();
  const script = join(here, 'ledger-writer.js');
  const n = CFG.writers;
  const children = Array.from({ length: n }, (_, i) =>
    fork(script, ['--db', b.location(tag), '--keys', keysDir, '--records', String(CFG.perWriter), '--batch', String(CFG.writerBatch), '--seed', String(100 + i)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: ['--no-deprecation'], // pg's "client.query() while a query is executing" warning, once per process
    }),
  );
  const exited = children.map(
    (c, i) =>
      new Promise<void>((res, rej) =>
        c.on('exit', (code) => (code === 0 ? res() : rej(new Error(`writer ${i} exited with code ${code}`)))),
      ),
  );
  const ready = children.map((c) => new Promise<void>((res) => c.once('message', () => res())));
  await Promise.race([Promise.all(ready), Promise.all(exited)]);
  const done = children.map((c) => new Promise<WriterDone>((res) => c.on('message', (m: { type?: string }) => m.type === 'done' && res(m as WriterDone))));
  const parentStart = performance.now();
  for (const c of children) c.send('go');
  const reports = await Promise.all(done);
  const parentSeconds = (performance.now() - parentStart) / 1000;
  await Promise.all(exited);
  const first = Math.min(...reports.map((r) => r.startedAt));
  const last = Math.max(...reports.map((r) => r.finishedAt));
  const seconds = (last - first) / 1000;
  const total = reports.reduce((s, r) => s + r.records, 0);
  log(`  ${n} writers: ${total} records in ${seconds.toFixed(2)} s; verifying`);
  const ledger = await openLedger(b, tag, keysDir);
  try {
    const v = await ledger.verify();
    const count = await ledger.store.count();
    return {
      writers: n,
      recordsPerWriter: CFG.perWriter,
      batch: CFG.writerBatch,
      records: total,
      seconds: r3(seconds),
      perSecond: Math.round(total / seconds),
      parentWallSeconds: r3(parentSeconds),
      slowestWriterSeconds: r3(Math.max(...reports.map((r) => r.seconds))),
      fastestWriterSeconds: r3(Math.min(...reports.map((r) => r.seconds))),
      verifyOk: v.ok,
      verifyProblems: v.problems.slice(0, 3),
      verifiedRecords: v.records,
      count,
      countExact: count === total,
    };
  } finally {
    await ledger.close();
  }
}

// ---------------------------------------------------------------------------
// Queries

type FilterName = 'latest' | 'actor' | 'actionPrefix' | 'target' | 'outcome' | 'tenant' | 'timeRange' | 'nextPage';
const FILTERS: FilterName[] = ['latest', 'actor', 'actionPrefix', 'target', 'outcome', 'tenant', 'timeRange', 'nextPage'];

async function tsOf(store: LedgerStore, seq: number): Promise<string> {
  const [r] = await store.records(seq, seq);
  return (JSON.parse(r!.body) as { ts: string }).ts;
}

async function measureQueries(ledger: Ledger, size: number) {
  const rand = prng(size);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const randSeq = (hi = size) => 1 + Math.floor(rand() * hi);
  const total = WARMUP_QUERIES + CFG.runs;
  // Targets that exist, sampled from stored records (so common and rare ones in proportion).
  const targets: { type: string; id: string }[] = [];
  while (targets.length < total) {
    const seq = randSeq();
    const [r] = await ledger.store.records(seq, seq);
    const body = JSON.parse(r!.body) as { target?: { type: string; id?: string } };
    if (body.target?.id) targets.push({ type: body.target.type, id: body.target.id });
  }
  // Time windows bounded by stored records' times, 1/24 of the records wide ("one hour of a
  // day"). Every record of one append call shares its time, so a window spans at least one
  // growth batch; windowRecords counts what [from, to) really holds.
  const width = Math.max(GROW_BATCH, Math.floor(size / 24));
  const batchStart = (seq: number) => Math.floor((seq - 1) / GROW_BATCH) * GROW_BATCH;
  const windows: { from: string; to: string; label: string }[] = [];
  let windowRecords = 0;
  for (let i = 0; i < total; i++) {
    const a = randSeq(size - width);
    windows.push({ from: await tsOf(ledger.store, a), to: await tsOf(ledger.store, a + width), label: `window from record ${a} (${Math.round((100 * a) / size)}% into the data)` });
    if (i >= WARMUP_QUERIES) windowRecords += batchStart(a + width) - batchStart(a);
  }
  const pageFilters: (() => QueryFilters)[] = [
    () => ({}),
    () => ({ actor: pick(ACTOR_IDS) }),
    () => ({ action: pick(ACTION_CATEGORIES) }),
    () => ({ tenants: [pick(TENANTS)] }),
    () => ({ outcome: pick(OUTCOME_VALUES) }),
  ];
  const out: Record<string, ReturnType<typeof summary> & { meanRecords: number; emptyPages: number; slowest: { filter: string; ms: number }[] }> = {};
  for (const name of FILTERS) {
    const ms: number[] = [];
    const runs: { filter: string; ms: number }[] = [];
    let records = 0;
    let empty = 0;
    for (let i = 0; i < total; i++) {
      let f: QueryFilters;
      switch (name) {
        case 'latest':
          f = {};
          break;
        case 'actor':
          f = { actor: pick(ACTOR_IDS) };
          break;
        case 'actionPrefix':
          f = { action: ACTION_CATEGORIES[i % ACTION_CATEGORIES.length]! };
          break;
        case 'target':
          f = { targetType: targets[i]!.type, targetId: targets[i]!.id };
          break;
        case 'outcome':
          f = { outcome: OUTCOME_VALUES[i % OUTCOME_VALUES.length]! };
          break;
        case 'tenant':
          f = { tenants: [TENANTS[i % TENANTS.length]!] };
          break;
        case 'timeRange':
          f = { from: windows[i]!.from, to: windows[i]!.to };
          break;
        case 'nextPage': {
          let base = pageFilters[i % pageFilters.length]!();
          let first = await ledger.query(base); // page 1, not timed
          while (!first.nextCursor) {
            base = pageFilters[Math.floor(rand() * pageFilters.length)]!(); // a single page: draw another filter
            first = await ledger.query(base);
          }
          f = { ...base, cursor: first.nextCursor };
          break;
        }
      }
      const start = performance.now();
      const page: QueryPage = await ledger.query(f);
      const elapsed = performance.now() - start;
      if (i < WARMUP_QUERIES) continue;
      ms.push(elapsed);
      const { cursor, ...shown } = f;
      runs.push({ filter: name === 'timeRange' ? windows[i]!.label : JSON.stringify(shown) + (cursor ? ' page 2' : ''), ms: r3(elapsed) });
      records += page.records.length;
      if (page.records.length === 0) empty++;
    }
    const slowest = runs.sort((a, b) => b.ms - a.ms).slice(0, 3);
    out[name] = { ...summary(ms), meanRecords: Math.round(records / ms.length), emptyPages: empty, slowest };
    log(`    ${name.padEnd(12)} p50 ${out[name]!.p50Ms.toFixed(2).padStart(8)} ms  p95 ${out[name]!.p95Ms.toFixed(2).padStart(8)} ms  (${out[name]!.meanRecords} rec/page)`);
  }
  return { records: size, timeRangeMeanWindowRecords: Math.round(windowRecords / CFG.runs), ...out };
}

// ---------------------------------------------------------------------------
// Growth, verification, proofs, export

interface ExportReport {
  records: number;
  seconds: number;
  recordsPerSecond: number;
  maxRSSKB: number;
  startupMaxRSSKB: number;
  vmHWMKB?: number;
}

function runExport(b: Backend, tag: string, keysDir: string): Promise<ExportReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-deprecation', join(here, 'ledger-export.js'), '--db', b.location(tag), '--keys', keysDir, '--format', 'ndjson'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`ledger-export exited with code ${code}`));
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop()!));
      } catch (e) {
        reject(new Error(`ledger-export printed no JSON: ${stdout}`));
      }
    });
  });
}

async function growAndMeasure(b: Backend, keysDir: string) {
  const tag = 'query';
  const ledger = await openLedger(b, tag, keysDir);
  const gen = new EventGenerator(7);
  const queries: Record<string, unknown> = {};
  const growth: Record<string, unknown> = {};
  let size = 0;
  try {
    for (const target of CFG.sizes) {
      log(`  growing to ${target} records (batches of ${GROW_BATCH})`);
      const from = size;
      let busy = 0;
      while (size < target) {
        const batch = gen.batch(Math.min(GROW_BATCH, target - size));
        const start = performance.now();
        await ledger.append(batch);
        busy += performance.now() - start;
        size += batch.length;
        if (size % 100_000 === 0) log(`    ${size} records (${Math.round((size - from) / (busy / 1000))}/s)`);
      }
      const start = performance.now();
      await b.analyze(ledger.store);
      const analyzeSeconds = (performance.now() - start) / 1000;
      growth[String(target)] = { appended: target - from, batch: GROW_BATCH, perSecond: Math.round((target - from) / (busy / 1000)), analyzeSeconds: r3(analyzeSeconds), storeBytes: await b.bytes(ledger.store, tag) };
      log(`  queries at ${target} records (${CFG.runs} runs per filter after ${WARMUP_QUERIES} warm-up)`);
      queries[String(target)] = await measureQueries(ledger, target);
    }

    log(`  verify at ${size}`);
    const v = await ledger.verify();
    const verification = { records: v.records, ok: v.ok, seconds: v.seconds, recordsPerSecond: v.recordsPerSecond, checkpointsChecked: v.checkpointsChecked };
    log(`    ${v.records} records in ${v.seconds} s = ${v.recordsPerSecond}/s, ok=${v.ok}`);

    log(`  ${CFG.proofs} inclusion proofs at ${size}`);
    const cp = await ledger.checkpoint();
    const rand = prng(99);
    const ms: number[] = [];
    let valid = 0;
    for (let i = 0; i < 10; i++) await ledger.inclusionProof(1 + Math.floor(rand() * size)); // warm-up
    for (let i = 0; i < CFG.proofs; i++) {
      const seq = 1 + Math.floor(rand() * size);
      const start = performance.now();
      const p = await ledger.inclusionProof(seq);
      ms.push(performance.now() - start);
      if (verifyInclusionProof(p, cp.publicKey).ok) valid++;
    }
    const s = summary(ms);
    const inclusionProof = { treeSize: cp.size, runs: s.runs, meanMs: s.meanMs, p50Ms: s.p50Ms, p95Ms: s.p95Ms, maxMs: s.maxMs, allValid: valid === CFG.proofs };
    log(`    mean ${s.meanMs} ms, p95 ${s.p95Ms} ms, valid ${valid}/${CFG.proofs}`);

    log(`  export of ${size} records (NDJSON → /dev/null, child process)`);
    const rssAtSpawn = process.memoryUsage().rss;
    const e = await runExport(b, tag, keysDir);
    const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;
    // On Linux a spawned child's getrusage maxRSS starts at the parent's RSS at fork time
    // (signal->maxrss survives exec), so the export's own peak is VmHWM of its new address space.
    const exp = {
      format: 'ndjson',
      records: e.records,
      seconds: e.seconds,
      recordsPerSecond: e.recordsPerSecond,
      peakRssMB: mb(e.vmHWMKB ?? e.maxRSSKB),
      resourceUsageMaxRssMB: mb(e.maxRSSKB),
      resourceUsageMaxRssAtStartMB: mb(e.startupMaxRSSKB),
      parentRssAtSpawnMB: Math.round(rssAtSpawn / 2 ** 20),
    };
    log(`    ${e.records} records in ${e.seconds} s, peak RSS ${exp.peakRssMB} MB (VmHWM), resourceUsage().maxRSS ${exp.resourceUsageMaxRssMB} MB (parent RSS at spawn ${exp.parentRssAtSpawnMB} MB)`);
    return { growth, queries, verification, inclusionProof, export: exp };
  } finally {
    await ledger.close();
  }
}

// ---------------------------------------------------------------------------

async function runBackend(b: Backend) {
  const keysDir = mkdtempSync(join(tmpdir(), 'attest-bench-keys-'));
  DirectoryKeyProvider.open(keysDir, { create: true });
  try {
    log(`${b.kind}: ${CFG.single} single-record appends`);
    const single = await appendSingle(b, keysDir);
    log(`  ${single.perSecond}/s`);
    log(`${b.kind}: ${CFG.batched} records in batches of ${BATCH}`);
    const batched = await appendBatched(b, keysDir);
    log(`  ${batched.perSecond}/s (verify ok: ${batched.verifyOk})`);
    log(`${b.kind}: ${CFG.raw} raw records (integrity off) in batches of ${BATCH}`);
    const raw = await appendRaw(b, keysDir);
    log(`  ${raw.perSecond}/s`);
    const appendsPerSecond: Record<string, unknown> = {
      single: single.perSecond,
      batched: batched.perSecond,
      rawBatched: raw.perSecond,
      integrityToRawRatio: r3(batched.perSecond / raw.perSecond),
    };
    const details: Record<string, unknown> = { single, batched, rawBatched: raw };
    if (b.kind === 'postgres') {
      log(`${b.kind}: ${CFG.writers} writer processes × ${CFG.perWriter} records in batches of ${CFG.writerBatch}`);
      const w = await concurrentWriters(b, keysDir);
      log(`  ${w.perSecond}/s, verify ok ${w.verifyOk}, count ${w.count}`);
      appendsPerSecond['batched8Writers'] = w.perSecond;
      details['batched8Writers'] = w;
    }
    log(`${b.kind}: growing one store ${CFG.sizes.join(' → ')}`);
    const rest = await growAndMeasure(b, keysDir);
    return { appendsPerSecond, appendDetails: details, ...rest };
  } finally {
    rmSync(keysDir, { recursive: true, force: true });
  }
}

type Result = Awaited<ReturnType<typeof runBackend>>;

function targets(results: Partial<Record<'sqlite' | 'postgres', Result>>) {
  const largest = CFG.sizes[CFG.sizes.length - 1]!;
  const t: Record<string, unknown> = {};
  const atSize = quick ? `${largest} records (quick run: the targets are stated for 1,000,000)` : `${largest} records`;
  const s = results.sqlite;
  const p = results.postgres;
  if (s) {
    const batched = s.appendsPerSecond['batched'] as number;
    const ratio = s.appendsPerSecond['integrityToRawRatio'] as number;
    t['sqliteBatchedAppends'] = { target: '>= 50000 records/s', value: batched, met: batched >= 50_000 };
    t['sqliteIntegrityToRaw'] = { target: '>= 0.5 of raw', value: ratio, met: ratio >= 0.5 };
  }
  if (p) {
    const w = p.appendsPerSecond['batched8Writers'] as number;
    const d = p.appendDetails['batched8Writers'] as { verifyOk: boolean; countExact: boolean };
    t['postgres8Writers'] = { target: '>= 10000 records/s with 8 writer processes (and verify ok, exact count)', value: w, verifyOk: d.verifyOk, countExact: d.countExact, met: w >= 10_000 && d.verifyOk && d.countExact };
  }
  for (const [kind, r] of Object.entries(results) as ['sqlite' | 'postgres', Result][]) {
    const q = r.queries[String(largest)] as Record<string, { p95Ms: number }>;
    let worst = { filter: '', p95Ms: 0 };
    for (const f of FILTERS) if (q[f]!.p95Ms > worst.p95Ms) worst = { filter: f, p95Ms: q[f]!.p95Ms };
    const over = FILTERS.filter((f) => q[f]!.p95Ms > 25).map((f) => ({ filter: f, p95Ms: q[f]!.p95Ms }));
    t[`${kind}QueryP95`] = { target: '<= 25 ms at 1M for every filter', at: atSize, worst, over, met: over.length === 0 };
    t[`${kind}Verification`] = { target: '>= 300000 records/s', at: atSize, value: r.verification.recordsPerSecond, met: r.verification.ok && r.verification.recordsPerSecond >= 300_000 };
    t[`${kind}ExportRss`] = { target: '< 256 MB peak RSS', at: atSize, valueMB: r.export.peakRssMB, met: r.export.peakRssMB < 256 };
  }
  return t;
}

async function main(): Promise<void> {
  const backends: Backend[] = [];
  if (only !== 'postgres') backends.push(sqliteBackend());
  if (only !== 'sqlite') backends.push(postgresBackend());
  const cleanup = async () => {
    for (const b of backends) await b.cleanup().catch((e) => log(`cleanup of ${b.kind} failed: ${(e as Error).message}`));
  };
  let interrupted = false;
  process.on('SIGINT', () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    log('interrupted: cleaning up');
    void cleanup().then(() => process.exit(130));
  });
  const results: Partial<Record<'sqlite' | 'postgres', Result>> = {};
  let pgVersion: string | undefined;
  try {
    for (const b of backends) {
      if (b.kind === 'postgres') {
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        pgVersion = (await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v;
        await c.end();
      }
      results[b.kind] = await runBackend(b);
    }
  } finally {
    await cleanup();
  }
  const doc = {
    benchmark: 'ledger',
    mode: quick ? 'quick' : 'full',
    sizes: CFG.sizes,
    environment: {
      node: process.version,
      platform: `${process.platform}/${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      nativeHashing,
      ...(pgVersion ? { postgres: pgVersion } : {}),
    },
    notes: {
      queries:
        'Ledger.query, default page size 100 (newest first), including re-attaching personal data; p50/p95 over runs with varied values after warm-up. actionPrefix cycles through the 7 categories (auth, access, task, agent, data, config, admin). timeRange: a window between the times of two stored records 1/24 of the data apart ("one hour of a day": record times are assigned at append, so the data spans minutes, not days). nextPage: page 2 via nextCursor of a random filter (none, actor, action prefix, tenant, outcome).',
      batched8Writers: 'records / (last writer finish − first writer start); each writer is its own process with its own Ledger; verify() and count afterwards.',
      export:
        "exportRecords NDJSON of every record to /dev/null in a child process. peakRssMB is the child's VmHWM (Linux); resourceUsageMaxRssMB is its process.resourceUsage().maxRSS, which on Linux also counts the parent's RSS at fork time (it survives exec), so it can overstate the export's own peak.",
      timeRange: 'every record of one append call shares its time; windows therefore span whole growth batches (5,000 records), see timeRangeMeanWindowRecords.',
    },
    ...results,
    targets: targets(results),
    seconds: r3((performance.now() - t0) / 1000),
  };
  process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
}

main().catch((e) => {
  console.error((e as Error).stack ?? e);
  process.exit(1);
});
