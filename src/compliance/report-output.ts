/**
 * One framework report, from findings to signed bytes: the step `attest report` (and through
 * it `attest bundle create`) and the service's report jobs share, so a report downloaded from
 * the API is the same document the command line writes. The caller brings the findings (the
 * CLI scans its paths; the service uses its current scan state); this reads the ledger
 * (attestations, exceptions, the audit-log snapshot, the signing key), assesses, builds,
 * renders and signs.
 */
import type { Catalog } from '../frameworks/schema.js';
import type { Finding } from '../model/types.js';
import type { Ledger } from '../ledger/ledger.js';
import { auditSnapshot } from '../ledger/snapshot.js';
import { parseTime } from '../ledger/record.js';
import { assessCompliance } from './assess.js';
import { buildFrameworkReport, REPORT_DISCLAIMER, signBytes, type AuditSnapshot, type DetachedSignature, type FrameworkReport } from './framework-report.js';
import { readEvidence } from './records.js';
import type { Register } from './register.js';
import { certificateSubject, embedPdfSignature, renderReportPdf, selfIssuedCertificate, type PdfCertificate } from './report-pdf.js';
import type { ComplianceStore } from './store.js';

/** The renderings a report can be made in (the CLI's --format and the API's "format" both check against this). */
export const REPORT_FORMATS = ['json', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_MEDIA_TYPES: Record<ReportFormat, string> = {
  json: 'application/json',
  pdf: 'application/pdf',
};

export function isReportFormat(f: string): f is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(f);
}

/** Phases a report goes through, reported to `onPhase` (the service turns them into job progress). */
export type ReportPhase = 'reading ledger' | 'assessing' | 'rendering' | 'signing';

export interface ProduceReportInput {
  catalog: Catalog;
  categories: string[];
  format: ReportFormat;
  /** The scanner's findings. */
  findings: readonly Finding[];
  /** Attest's own service controls (the server's self-assessment); absent from the CLI. */
  serviceFindings?: readonly Finding[];
  /** Control id → title, for the encryption section. */
  titles: ReadonlyMap<string, string>;
  paths: string[];
  sources: FrameworkReport['scope']['sources'];
  period: { from: string; to: string };
  now: Date;
  version: string;
  /** The ledger to read evidence and the audit log from and to sign with; absent: an unsigned report without either. */
  ledger?: { ledger: Ledger; store: Pick<ComplianceStore, 'checkFile'>; location: string };
  /** PDF: the operator's certificate for the embedded signature; default a self-issued one. */
  certificate?: PdfCertificate;
  /** Why parts of the report are empty, as the caller knows it (input errors, no files). */
  notes?: string[];
  onPhase?: (phase: ReportPhase) => void;
}

export interface ProducedReport {
  report: FrameworkReport;
  bytes: Buffer;
  /** Present when a ledger was read (its checkpoint signing key signs the bytes). */
  signature?: DetachedSignature;
  snapshot?: AuditSnapshot;
}

export const NO_LEDGER_NOTE = 'No ledger was read (no --db): attestations, exceptions and the audit log are missing from this report, every manual part is not started, and the report is not signed.';

/** What the report says about its scan inputs when they are incomplete (read errors, nothing found). */
export function scopeNotes(inputErrors: number, files: number, paths: readonly string[]): string[] {
  const notes: string[] = [];
  if (inputErrors) notes.push(`${inputErrors} input error(s): the resources of files that could not be read are missing from every status.`);
  if (!files) notes.push(`No infrastructure files were found under ${paths.join(', ')}: no configuration evidence.`);
  return notes;
}

export async function produceFrameworkReport(inp: ProduceReportInput): Promise<ProducedReport> {
  const notes = [...(inp.notes ?? [])];
  let register: Register | undefined;
  let snapshot: AuditSnapshot | undefined;
  let signer: ReturnType<Ledger['keys']['signing']> | undefined;
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
  inp.onPhase?.('rendering');
  let bytes: Buffer;
  // Exhaustive: a format added to REPORT_FORMATS without its renderer here does not compile.
  switch (inp.format) {
    case 'pdf': {
      const cert = inp.certificate ?? selfIssuedCertificate(`attest report signer${signer ? ` (ledger key ${signer.kid})` : ''}`, inp.now);
      const subject = certificateSubject(cert.certPem);
      const pdf = await renderReportPdf(report, {
        ...(signer ? { signer: { kid: signer.kid, publicKeyPem: signer.publicKeyPem } } : {}),
        pdfSignature: { subject, selfIssued: cert.selfIssued },
      });
      inp.onPhase?.('signing');
      bytes = await embedPdfSignature(pdf, cert, { reason: `${report.framework.id} compliance report. ${REPORT_DISCLAIMER}`, name: subject, signingTime: inp.now });
      break;
    }
    case 'json':
      bytes = Buffer.from(JSON.stringify(report, null, 2) + '\n');
      inp.onPhase?.('signing');
      break;
    default: {
      const unknown: never = inp.format;
      throw new Error(`no renderer for report format ${String(unknown)}`);
    }
  }
  return { report, bytes, ...(signer ? { signature: signBytes(bytes, signer, inp.now) } : {}), ...(snapshot ? { snapshot } : {}) };
}
