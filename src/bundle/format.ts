/** The evidence bundle's layout and manifest, shared by create and verify. */
import type { SignedCheckpoint } from '../ledger/ledger.js';

export const BUNDLE_FORMAT = 'attest-evidence-bundle/v1';

export const M = {
  report: 'report.json',
  reportSig: 'report.json.sig',
  pdf: 'report.pdf',
  pdfSig: 'report.pdf.sig',
  oscal: 'report.oscal.json',
  oscalSig: 'report.oscal.json.sig',
  oscalCatalog: 'report.oscal.json.catalog.json',
  oscalCatalogSig: 'report.oscal.json.catalog.json.sig',
  inputs: 'inputs.json',
  records: 'records.ndjson',
  checkpoint: 'checkpoint.json',
  inclusion: 'proofs/inclusion.ndjson',
  consistency: 'proofs/consistency.json',
  manifest: 'manifest.json',
  manifestSig: 'manifest.json.sig',
  verify: 'VERIFY.md',
} as const;

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  createdAt: string;
  tool: { name: 'attest'; version: string };
  framework: { id: string; name: string; version: string };
  period: { from: string; to: string };
  /** The checkpoint the records and proofs are anchored to (checkpoint.json). */
  checkpoint: Pick<SignedCheckpoint, 'origin' | 'size' | 'root' | 'time' | 'keyId'>;
  records: number;
  personalData: 'left out';
  /**
   * The report's renderings, each with a detached signature beside it (NAME.sig): JSON, PDF, and
   * OSCAL assessment results with the OSCAL catalog they resolve against. null: not in the bundle.
   */
  renderings: { json: string; pdf: string | null; oscal: string | null; oscalCatalog?: string | null };
  /** Present when the bundle carries proofs/consistency.json: the size and root of the auditor's previous checkpoint. */
  previousCheckpoint?: { size: number; root: string };
  /** Every other member (all but manifest.json and manifest.json.sig): SHA-256 hex and size in bytes. */
  members: Record<string, { sha256: string; bytes: number }>;
}

/** One line of proofs/inclusion.ndjson: the record as chained (its exact hashed bytes) and its audit path to checkpoint.json. */
export interface InclusionLine {
  seq: number;
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  record: { seq: number; kid: string; nonce: string; hash: string; body: string };
  proof: string[];
}

/** The rendering members beside report.json, each paired with its signature member. */
export const RENDERING_MEMBERS: readonly (readonly [file: string, sig: string])[] = [
  [M.report, M.reportSig],
  [M.pdf, M.pdfSig],
  [M.oscal, M.oscalSig],
  [M.oscalCatalog, M.oscalCatalogSig],
];
