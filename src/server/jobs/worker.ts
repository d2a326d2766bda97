/**
 * A report or bundle job, run in a worker thread so the server's event loop keeps answering
 * while the ledger is read page by page, verified, rendered and zipped. The worker opens its
 * own connections to the service's ledger and compliance store (a second SQLite connection or
 * PostgreSQL pool, as `attest report` beside a running server would) with the service's own
 * keys (handed over in memory, whatever provider the service uses), does the same steps the
 * CLI does (produceFrameworkReport, createBundle), and posts its progress to the server.
 */
import { createHash } from 'node:crypto';
import { createReadStream, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createBundle } from '../../bundle/create.js';
import { produceFrameworkReport, type ReportPhase } from '../../compliance/report-output.js';
import { openComplianceStore } from '../../compliance/store.js';
import { openLedger } from '../../ledger/open.js';
import { EnvKeyProvider } from '../../ledger/keys.js';
import type { WorkerInput, WorkerMessage } from './types.js';

function post(m: WorkerMessage): void {
  parentPort!.postMessage(m);
}

async function fileDigest(path: string): Promise<{ sha256: string; size: number }> {
  const h = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    h.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: h.digest('hex'), size };
}

/** Where each report phase starts, as a fraction of a report job (a bundle's report step takes its first 30 %). */
const REPORT_PHASES: Record<ReportPhase, number> = { 'reading ledger': 0.05, assessing: 0.5, rendering: 0.6, signing: 0.9 };

async function run(inp: WorkerInput): Promise<void> {
  const ledger = await openLedger({ db: inp.ledger.db, keysDir: inp.ledger.keysDir, keys: new EnvKeyProvider(inp.ledger.keys), createKeys: false });
  const store = openComplianceStore(inp.ledger.db, { evidenceMaxBytes: inp.evidenceMaxBytes });
  try {
    await store.init();
    const reportShare = inp.kind === 'bundle' ? 0.3 : 1;
    const produced = await produceFrameworkReport({
      catalog: inp.catalog,
      categories: inp.categories,
      format: inp.kind === 'bundle' ? 'json' : inp.format,
      findings: inp.findings,
      serviceFindings: inp.serviceFindings,
      titles: new Map(inp.titles),
      paths: inp.paths,
      sources: inp.sources,
      period: inp.period,
      now: new Date(inp.now),
      version: inp.version,
      ledger: { ledger, store, location: inp.ledger.location },
      notes: inp.notes,
      onPhase: (phase) => post({ type: 'progress', phase, fraction: REPORT_PHASES[phase] * reportShare }),
    });
    if (!produced.signature) throw new Error('the report was not signed: the ledger has no signing key');
    const sig = Buffer.from(JSON.stringify(produced.signature, null, 2) + '\n');
    if (inp.kind === 'report') {
      writeFileSync(inp.outFile, produced.bytes);
      writeFileSync(inp.sigFile!, sig);
      post({ type: 'done', sha256: produced.signature.sha256, size: produced.bytes.length, summary: { records: produced.snapshot?.records ?? 0, verified: produced.snapshot?.verification.ok ?? false } });
      return;
    }
    const expected = Math.max(produced.snapshot?.records ?? 0, 1);
    post({ type: 'progress', phase: 'bundling records', fraction: reportShare });
    const r = await createBundle({
      ledger,
      store,
      report: produced.bytes,
      reportSig: sig,
      out: inp.outFile,
      now: new Date(inp.now),
      ...(inp.previousCheckpoint ? { previousCheckpoint: inp.previousCheckpoint } : {}),
      onProgress: (records) => post({ type: 'progress', phase: 'bundling records', fraction: reportShare + (0.95 - reportShare) * Math.min(records / expected, 1) }),
    });
    post({ type: 'progress', phase: 'hashing', fraction: 0.97 });
    const d = await fileDigest(inp.outFile);
    post({ type: 'done', sha256: d.sha256, size: d.size, summary: { records: r.records, verified: produced.snapshot?.verification.ok ?? false, checkpoint: r.checkpoint.size } });
  } finally {
    await store.close().catch(() => undefined);
    await ledger.close().catch(() => undefined);
  }
}

run(workerData as WorkerInput).catch((e: unknown) => {
  post({ type: 'failed', error: e instanceof Error ? e.message : String(e), ...(e instanceof Error && e.name !== 'Error' ? { kind: e.name } : {}) });
});
