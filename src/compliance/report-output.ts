/**
 * One framework report, from findings to signed files: the single pipeline `attest report`,
 * `attest bundle create` and the service's report and bundle jobs share, so a report
 * downloaded from the API is the same document the command line writes.
 *
 * - assembleFrameworkReport: the caller brings the findings (the CLI scans its paths; the
 *   service uses its current scan state); this reads the ledger (attestations, exceptions,
 *   the audit-log snapshot, the signing key), assesses and builds the report model.
 * - renderFrameworkReport: one rendering (json, pdf, oscal) as its artefacts, each signed with
 *   the ledger's key when one was read. OSCAL yields two: the assessment results and the
 *   framework catalog they resolve against (NAME.catalog.json).
 * - writeArtefacts: each artefact and its detached signature (NAME.sig) into a folder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../frameworks/schema.js';
import type { Finding } from '../model/types.js';
import type { Ledger } from '../ledger/ledger.js';
import type { SigningKey } from '../ledger/keys.js';
import { auditSnapshot } from '../ledger/snapshot.js';
import { parseTime } from '../ledger/record.js';
import { assessCompliance } from './assess.js';
import { buildFrameworkReport, REPORT_DISCLAIMER, signBytes, type AuditSnapshot, type DetachedSignature, type FrameworkReport, type ReportInput } from './framework-report.js';
import { buildOscalAssessmentResults, buildOscalCatalog, oscalFileHref } from './oscal.js';
import { readEvidence } from './records.js';
import type { Register } from './register.js';
import { certificateSubject, embedPdfSignature, renderReportPdf, selfIssuedCertificate, type PdfCertificate } from './report-pdf.js';
import { sha256Hex, type ComplianceStore } from './store.js';

/** The renderings a report can be made in (the CLI's --format and the API's "format" both check against this). */
export const REPORT_FORMATS = ['json', 'pdf', 'oscal'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Media type of each rendering's main artefact (OSCAL's catalog is JSON too). */
export const REPORT_MEDIA_TYPES: Record<ReportFormat, string> = {
  json: 'application/json',
  pdf: 'application/pdf',
  oscal: 'application/json',
};

/** File name ending of each rendering's main artefact. */
export const REPORT_EXTENSIONS: Record<ReportFormat, string> = { json: 'json', pdf: 'pdf', oscal: 'oscal.json' };

export function isReportFormat(f: string): f is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(f);
}

/** Phases a report goes through, reported to `onPhase` (the service turns them into job progress). */
export type ReportPhase = 'reading ledger' | 'assessing' | 'rendering' | 'signing';

/** What the report is made from: the report model's own inputs, less what this reads from the ledger and decides. */
export type AssembleInput = Omit<ReportInput, 'framework' | 'findings' | 'attestations' | 'ledger' | 'auditLog'> & {
  catalog: Catalog;
  categories: string[];
  /** The scanner's findings. */
  findings: readonly Finding[];
  /** Attest's own service controls (the server's self-assessment); absent from the CLI. */
  serviceFindings?: readonly Finding[];
  /** The ledger to read evidence and the audit log from and to sign with; absent: an unsigned report without either. */
  ledger?: { ledger: Ledger; store: Pick<ComplianceStore, 'checkFile'>; location: string };
  onPhase?: (phase: ReportPhase) => void;
};

export interface AssembledReport {
  report: FrameworkReport;
  catalog: Catalog;
  /** Present when a ledger was read. */
  snapshot?: AuditSnapshot;
  /** The ledger's checkpoint signing key, which signs every artefact; absent without a ledger. */
  signer?: SigningKey;
  now: Date;
}

export const NO_LEDGER_NOTE = 'No ledger was read (no --db, and none at the default place .attest/ledger.db): attestations, exceptions and the audit log are missing from this report, every manual part is not started, and the report is not signed.';

/** What the report says about its scan inputs when they are incomplete (read errors, nothing found). */
export function scopeNotes(inputErrors: number, files: number, paths: readonly string[]): string[] {
  const notes: string[] = [];
  if (inputErrors) notes.push(`${inputErrors} input error(s): the resources of files that could not be read are missing from every status.`);
  if (!files) notes.push(`No infrastructure files were found under ${paths.join(', ')}: no configuration evidence.`);
  return notes;
}

export async function assembleFrameworkReport(inp: AssembleInput): Promise<AssembledReport> {
  const notes = [...(inp.notes ?? [])];
  let register: Register | undefined;
  let snapshot: AuditSnapshot | undefined;
  let signer: SigningKey | undefined;
  if (inp.ledger) {
    inp.onPhase?.('reading ledger');
    const { ledger, store } = inp.ledger;
    register = await readEvidence(ledger, store, inp.now);
    snapshot = await auditSnapshot(ledger, { from: parseTime(inp.period.from, 'from'), to: parseTime(inp.period.to, 'to') });
    signer = ledger.keys.signing();
  } else {
    notes.unshift(NO_LEDGER_NOTE);
  }
  inp.onPhase?.('assessing');
  const assessment = assessCompliance({
    frameworks: [{ catalog: inp.catalog, categories: inp.categories }],
    findings: inp.findings,
    ...(inp.serviceFindings ? { serviceFindings: inp.serviceFindings } : {}),
    ...(register ? { attestations: register.attestations, exceptions: register.exceptions } : {}),
    now: inp.now,
  });
  const report = buildFrameworkReport({
    framework: assessment.frameworks[0]!,
    findings: [...inp.findings, ...(inp.serviceFindings ?? [])],
    titles: inp.titles,
    paths: inp.paths,
    sources: inp.sources,
    period: inp.period,
    now: inp.now,
    version: inp.version,
    ...(register ? { attestations: register.attestations } : {}),
    ...(inp.ledger && snapshot ? { ledger: { location: inp.ledger.location, origin: snapshot.checkpoint.origin } } : {}),
    ...(snapshot ? { auditLog: snapshot } : {}),
    notes: [...notes, ...assessment.notes],
  });
  return { report, catalog: inp.catalog, now: inp.now, ...(snapshot ? { snapshot } : {}), ...(signer ? { signer } : {}) };
}

/** One file of a rendering: the report itself, or (OSCAL) the catalog its findings resolve against. */
export interface ReportArtefact {
  part: 'report' | 'catalog';
  /** File name (the main artefact's is the caller's; the catalog's is `NAME.catalog.json`). */
  name: string;
  mediaType: string;
  bytes: Buffer;
  /** The detached Ed25519 signature of the bytes (when a ledger was read). */
  signature?: DetachedSignature;
}

export interface RenderOptions {
  /** The main artefact's file name; OSCAL's catalog is named after it and the results link it by that name. */
  name: string;
  /** PDF: the operator's certificate for the embedded signature; default a self-issued one. */
  certificate?: PdfCertificate;
  /** Its subject, when the caller has already read it (default: read from the certificate). */
  certificateSubject?: string;
  onPhase?: (phase: ReportPhase) => void;
}

/** The OSCAL catalog's file name beside results named `name`. */
export function catalogName(name: string): string {
  return `${name}.catalog.json`;
}

/** SHA-256 of each scanned source as it is now (a file that cannot be read any more is listed without one). */
function sourceHashes(report: FrameworkReport): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of report.scope.sources) {
    try { out.set(s.file, sha256Hex(readFileSync(s.file))); } catch { /* unreadable now: listed without a hash */ }
  }
  return out;
}

const json = (v: unknown) => Buffer.from(JSON.stringify(v, null, 2) + '\n');

export async function renderFrameworkReport(a: AssembledReport, format: ReportFormat, o: RenderOptions): Promise<ReportArtefact[]> {
  const { report, signer, now } = a;
  o.onPhase?.('rendering');
  let files: Omit<ReportArtefact, 'signature'>[];
  // Exhaustive: a format added to REPORT_FORMATS without its renderer here does not compile.
  switch (format) {
    case 'pdf': {
      const cert = o.certificate ?? await selfIssuedCertificate(`attest report signer${signer ? ` (ledger key ${signer.kid})` : ''}`, now);
      const subject = o.certificateSubject ?? certificateSubject(cert.certPem);
      const pdf = await renderReportPdf(report, {
        ...(signer ? { signer: { kid: signer.kid, publicKeyPem: signer.publicKeyPem } } : {}),
        pdfSignature: { subject, selfIssued: cert.selfIssued },
      });
      o.onPhase?.('signing');
      const bytes = await embedPdfSignature(pdf, cert, { reason: `${report.framework.id} compliance report. ${REPORT_DISCLAIMER}`, name: subject, signingTime: now });
      files = [{ part: 'report', name: o.name, mediaType: REPORT_MEDIA_TYPES.pdf, bytes }];
      break;
    }
    case 'json':
      files = [{ part: 'report', name: o.name, mediaType: REPORT_MEDIA_TYPES.json, bytes: json(report) }];
      o.onPhase?.('signing');
      break;
    case 'oscal': {
      const cat = catalogName(o.name);
      files = [
        { part: 'report', name: o.name, mediaType: REPORT_MEDIA_TYPES.oscal, bytes: json(buildOscalAssessmentResults({ report, catalog: a.catalog, catalogHref: oscalFileHref(cat), sourceHashes: sourceHashes(report) })) },
        { part: 'catalog', name: cat, mediaType: REPORT_MEDIA_TYPES.oscal, bytes: json(buildOscalCatalog(a.catalog, now)) },
      ];
      o.onPhase?.('signing');
      break;
    }
    default: {
      const unknown: never = format;
      throw new Error(`no renderer for report format ${String(unknown)}`);
    }
  }
  return files.map((f) => (signer ? { ...f, signature: signBytes(f.bytes, signer, now) } : f));
}

/** The bytes of a detached signature file (NAME.sig). */
export function signatureBytes(s: DetachedSignature): Buffer {
  return json(s);
}

/** Writes each artefact into `dir` under its name, its signature beside it as NAME.sig; returns the paths written. */
export function writeArtefacts(dir: string, artefacts: readonly ReportArtefact[]): string[] {
  const written: string[] = [];
  for (const f of artefacts) {
    const path = join(dir, f.name);
    writeFileSync(path, f.bytes);
    written.push(path);
    if (f.signature) {
      writeFileSync(`${path}.sig`, signatureBytes(f.signature));
      written.push(`${path}.sig`);
    }
  }
  return written;
}
