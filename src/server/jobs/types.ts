// What the server and a job's worker thread exchange (structured-clone data only).
import type { ReportFormat } from '../../compliance/report-output.js';
import type { FrameworkReport } from '../../compliance/framework-report.js';
import type { Catalog } from '../../frameworks/schema.js';
import type { SignedCheckpoint } from '../../ledger/ledger.js';
import type { Finding } from '../../model/types.js';

export type JobKind = 'report' | 'bundle';

export interface WorkerInput {
  kind: JobKind;
  /** The report's rendering (a bundle carries every rendering). */
  format: ReportFormat;
  catalog: Catalog;
  categories: string[];
  findings: Finding[];
  serviceFindings: Finding[];
  titles: [string, string][];
  paths: string[];
  sources: FrameworkReport['scope']['sources'];
  period: { from: string; to: string };
  /** ISO 8601: the report's generation time, fixed when the job was created. */
  now: string;
  version: string;
  notes: string[];
  /**
   * The service's ledger; `location` is what the report shows (credentials removed). `keys`:
   * the service's keys in ATTEST_LEDGER_KEYS form (keySpec), in memory only.
   */
  ledger: { db: string; keysDir: string; keys: string; location: string };
  evidenceMaxBytes: number;
  previousCheckpoint?: SignedCheckpoint;
  /** The job's folder, and the result's file name in it (a report's signature is NAME.sig beside it; OSCAL's catalog NAME.catalog.json). */
  dir: string;
  filename: string;
}

/** One file a job made: a report (OSCAL: the results), OSCAL's catalog, or a bundle. */
export interface JobArtefact {
  part: 'report' | 'catalog' | 'bundle';
  name: string;
  sha256: string;
  size: number;
}

export type WorkerMessage =
  | { type: 'progress'; phase: string; fraction: number }
  | { type: 'done'; artefacts: JobArtefact[]; summary: JobSummary; signedBy: string }
  | { type: 'failed'; error: string; kind?: string };

export interface JobSummary {
  /** Ledger records in the period (report: counted; bundle: included with proofs). */
  records: number;
  /** The ledger verified when the report was made. */
  verified: boolean;
  /** Bundles: the size of the checkpoint the records are proven against. */
  checkpoint?: number;
}
