/**
 * A report or bundle job, run in a worker thread so the server's event loop keeps answering
 * while the ledger is read page by page, verified, rendered and zipped. The worker opens its
 * own connections to the service's ledger and compliance store (a second SQLite connection or
 * PostgreSQL pool, as `attest report` beside a running server would) with the service's own
 * keys (handed over in memory, whatever provider the service uses), does the same steps the
 * CLI does (assembleFrameworkReport, renderFrameworkReport, createReportBundle), and posts its progress to the server.
 */
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { createReportBundle, fileDigest } from '../../bundle/create.js';
import { assembleFrameworkReport, renderFrameworkReport, writeArtefacts, type ReportPhase } from '../../compliance/report-output.js';
import { openComplianceStore } from '../../compliance/store.js';
import { openLedger } from '../../ledger/open.js';
import { EnvKeyProvider } from '../../ledger/keys.js';
import type { WorkerInput, WorkerMessage } from './types.js';

function post(m: WorkerMessage): void {
  parentPort!.postMessage(m);
}

/** Where each report phase starts, as a fraction of a report job (a bundle's report step takes its first 30 %). */
const REPORT_PHASES: Record<ReportPhase, number> = { 'reading ledger': 0.05, assessing: 0.5, rendering: 0.6, signing: 0.9 };

async function run(inp: WorkerInput): Promise<void> {
  const ledger = await openLedger({ db: inp.ledger.db, keysDir: inp.ledger.keysDir, keys: new EnvKeyProvider(inp.ledger.keys), createKeys: false });
  const store = openComplianceStore(inp.ledger.db, { evidenceMaxBytes: inp.evidenceMaxBytes });
  try {
    await store.init();
    const reportShare = inp.kind === 'bundle' ? 0.3 : 1;
    const now = new Date(inp.now);
    const onPhase = (phase: ReportPhase) => post({ type: 'progress', phase, fraction: REPORT_PHASES[phase] * reportShare });
    const assembled = await assembleFrameworkReport({
      catalog: inp.catalog,
      categories: inp.categories,
      findings: inp.findings,
      serviceFindings: inp.serviceFindings,
      titles: new Map(inp.titles),
      paths: inp.paths,
      sources: inp.sources,
      period: inp.period,
      now,
      version: inp.version,
      ledger: { ledger, store, location: inp.ledger.location },
      notes: inp.notes,
      onPhase,
    });
    if (!assembled.signer) throw new Error('the report was not signed: the ledger has no signing key');
    const summary = { records: assembled.snapshot?.records ?? 0, verified: assembled.snapshot?.verification.ok ?? false };
    if (inp.kind === 'report') {
      const artefacts = await renderFrameworkReport(assembled, inp.format, { name: inp.filename, onPhase });
      writeArtefacts(inp.dir, artefacts);
      post({ type: 'done', artefacts: artefacts.map((f) => ({ part: f.part, name: f.name, sha256: f.signature!.sha256, size: f.bytes.length })), summary, signedBy: assembled.signer.kid });
      return;
    }
    const expected = Math.max(assembled.snapshot?.records ?? 0, 1);
    const out = join(inp.dir, inp.filename);
    const r = await createReportBundle(assembled, {
      ledger,
      store,
      out,
      now,
      onPhase,
      ...(inp.previousCheckpoint ? { previousCheckpoint: inp.previousCheckpoint } : {}),
      onProgress: (records) => post({ type: 'progress', phase: 'bundling records', fraction: reportShare + (0.95 - reportShare) * Math.min(records / expected, 1) }),
    });
    post({ type: 'progress', phase: 'hashing', fraction: 0.97 });
    const d = await fileDigest(out);
    post({ type: 'done', artefacts: [{ part: 'bundle', name: inp.filename, sha256: d.sha256, size: d.size }], summary: { ...summary, records: r.records, checkpoint: r.checkpoint.size }, signedBy: assembled.signer.kid });
  } finally {
    await store.close().catch(() => undefined);
    await ledger.close().catch(() => undefined);
  }
}

run(workerData as WorkerInput).catch((e: unknown) => {
  post({ type: 'failed', error: e instanceof Error ? e.message : String(e), ...(e instanceof Error && e.name !== 'Error' ? { kind: e.name } : {}) });
});
