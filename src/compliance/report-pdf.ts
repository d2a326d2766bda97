// The framework report (FrameworkReport) rendered as a PDF for an auditor: the same document
// as the JSON form, laid out for reading. Text is selectable and set in DejaVu Sans, embedded
// in the file (subset) so every reader shows the same glyphs. The disclaimer is printed in the
// header of every page; tables that run over a page repeat their header row. No CLI or ledger
// code here: the caller gives the report and, when it signs, the signing key's id and public key.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import forge from 'node-forge';
import { SignPdf } from '@signpdf/signpdf';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
import { STATUS_TEXT, type RequirementResult } from './types.js';
import { ratioText } from './render.js';
import type { FrameworkReport } from './framework-report.js';

type Doc = InstanceType<typeof PDFDocument>;

export interface PdfOptions {
  /** The key the detached signature (FILE.sig) is made with, shown on the cover. */
  signer?: { kid: string; publicKeyPem: string };
  /** The embedded PDF signature's certificate subject, shown on the cover. */
  pdfSignature?: { subject: string; selfIssued: boolean };
  /** Regular and bold TrueType fonts; default: DejaVu Sans from the dejavu-fonts-ttf package, else Debian's fonts-dejavu-core. */
  fonts?: { regular: string; bold: string };
}

export class PdfFontError extends Error {}

const SYSTEM_DEJAVU = '/usr/share/fonts/truetype/dejavu';

/** Where DejaVu Sans is: the npm package first, then the Debian package's path. */
export function defaultFonts(): { regular: string; bold: string } {
  const candidates: string[] = [];
  try {
    const req = createRequire(import.meta.url);
    candidates.push(req.resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, 'ttf'));
  } catch {
    // not installed: fall back to the system font
  }
  candidates.push(SYSTEM_DEJAVU);
  for (const dir of candidates) {
    const regular = `${dir}/DejaVuSans.ttf`;
    const bold = `${dir}/DejaVuSans-Bold.ttf`;
    if (existsSync(regular) && existsSync(bold)) return { regular, bold };
  }
  throw new PdfFontError(
    `the PDF report needs the DejaVu Sans TrueType font: neither the npm package dejavu-fonts-ttf nor ${SYSTEM_DEJAVU}/DejaVuSans.ttf was found (install it with: apt-get install fonts-dejavu-core)`,
  );
}

/** SHA-256 of the public key's SPKI DER, hex: what the cover prints as the key's fingerprint. */
export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}

const MARGIN = 50;
const HEADER_Y = 20;
const FOOTER_GAP = 28;
const GREY = '#555555';
/** Evidence lines per table row in the requirements table. */
const EVIDENCE_ROW = 20;

interface Column {
  header: string;
  width: number;
}

class Writer {
  constructor(private readonly doc: Doc) {}

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  ensure(h: number): void {
    if (this.doc.y + h > this.bottom) this.doc.addPage();
  }

  heading(text: string, size = 14): void {
    this.ensure(size * 3);
    this.doc.moveDown(0.6).font('bold').fontSize(size).fillColor('black').text(text, MARGIN, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3).font('regular').fontSize(10);
  }

  para(text: string, opts: { bold?: boolean; size?: number; color?: string; indent?: number } = {}): void {
    const size = opts.size ?? 10;
    this.doc.font(opts.bold ? 'bold' : 'regular').fontSize(size).fillColor(opts.color ?? 'black');
    const w = this.width - (opts.indent ?? 0);
    this.ensure(Math.min(this.doc.heightOfString(text, { width: w }), size * 2.5));
    this.doc.text(text, MARGIN + (opts.indent ?? 0), this.doc.y, { width: w });
    this.doc.fillColor('black');
  }

  keyValues(rows: [string, string][]): void {
    this.table([{ header: '', width: 150 }, { header: '', width: this.width - 150 }], rows, { noHeader: true });
  }

  /** A table whose rows break across pages; the header row is repeated at the top of each new page. */
  table(cols: Column[], rows: string[][], opts: { noHeader?: boolean; size?: number } = {}): void {
    const doc = this.doc;
    const size = opts.size ?? 9;
    const pad = 3;
    const heightOf = (cells: string[], bold: boolean) => {
      doc.font(bold ? 'bold' : 'regular').fontSize(size);
      return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: cols[i]!.width - 2 * pad }))) + 2 * pad;
    };
    const drawRow = (cells: string[], bold: boolean, shade: boolean) => {
      const h = heightOf(cells, bold);
      const y = doc.y;
      let x = MARGIN;
      if (shade) doc.save().rect(MARGIN, y, this.width, h).fill('#eeeeee').restore();
      doc.font(bold ? 'bold' : 'regular').fontSize(size).fillColor('black');
      cols.forEach((c, i) => {
        doc.text(cells[i] ?? '', x + pad, y + pad, { width: c.width - 2 * pad, lineBreak: true });
        x += c.width;
      });
      doc.save().moveTo(MARGIN, y + h).lineTo(MARGIN + this.width, y + h).lineWidth(0.3).strokeColor('#bbbbbb').stroke().restore();
      doc.x = MARGIN;
      doc.y = y + h;
    };
    const header = cols.map((c) => c.header);
    const withHeader = !opts.noHeader;
    if (withHeader) {
      this.ensure(heightOf(header, true) + (rows[0] ? heightOf(rows[0], false) : 0));
      drawRow(header, true, true);
    }
    const newPage = () => {
      doc.addPage();
      if (withHeader) drawRow(header, true, true);
    };
    for (const row of rows) {
      let r = row;
      // A row too tall for the space left is split at a line of its last cell (the rest goes on
      // the next page, under the repeated header, marked as continued); a short row moves whole.
      for (;;) {
        const h = heightOf(r, false);
        if (doc.y + h <= this.bottom) break;
        const last = r[r.length - 1]!.split('\n');
        let n = 0;
        while (n < last.length && doc.y + heightOf([...r.slice(0, -1), last.slice(0, n + 1).join('\n')], false) <= this.bottom) n++;
        if (h < (this.bottom - doc.page.margins.top) / 3 || n < 2) {
          if (doc.y <= doc.page.margins.top + 40) break; // nothing gained on a fresh page: let it run
          newPage();
          continue;
        }
        drawRow([...r.slice(0, -1), last.slice(0, n).join('\n')], false, false);
        newPage();
        r = [...r.slice(0, -1).map((c, i) => (i === 0 && c ? `${c} (cont.)` : '')), last.slice(n).join('\n')];
      }
      drawRow(r, false, false);
    }
    doc.moveDown(0.5);
  }
}

function findingLines(r: RequirementResult): string[] {
  const out: string[] = [];
  for (const p of r.parts) {
    for (const c of p.findings ?? []) {
      for (const f of c.findings) {
        out.push(`${f.controlId} ${f.status} on ${f.resource.id} (${f.resource.type}) at ${f.location.file}:${f.location.line}${f.exceptedBy ? `, excepted by ${f.exceptedBy}` : ''}`);
      }
    }
    if (p.attestation) {
      const a = p.attestation;
      out.push(`attested by ${a.attestedBy.id} at ${a.attestedAt}, valid until ${a.validUntil}, record ${a.recordHash}`);
    }
  }
  for (const e of r.exceptions) out.push(`exception ${e.exceptionId} (${e.state}) for ${'control' in e.target ? e.target.control : `${e.target.framework} ${e.target.requirement}`}: ${e.reason}`);
  return out;
}

/** Renders the report to PDF bytes. */
export function renderReportPdf(report: FrameworkReport, opts: PdfOptions = {}): Promise<Buffer> {
  const fonts = opts.fonts ?? defaultFonts();
  const fw = report.framework;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN + 10, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: `${fw.name} ${fw.version} compliance report`,
      Author: `attest ${report.tool.version}`,
      Subject: REPORT_SUBJECT,
      Creator: `attest ${report.tool.version}`,
      Producer: 'attest (pdfkit)',
      CreationDate: new Date(report.generatedAt),
    },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.font('regular');
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const w = new Writer(doc);
  const s = report.summary;

  // Cover.
  doc.font('bold').fontSize(22).text(`${fw.name}`, MARGIN, 120, { width: w.width });
  doc.font('regular').fontSize(14).text(`Compliance report (framework ${fw.id}, version ${fw.version})`, { width: w.width });
  doc.moveDown(0.5).font('bold').fontSize(12).fillColor('#a00000').text(report.disclaimer, { width: w.width }).fillColor('black');
  doc.moveDown(1);
  const ledger = report.scope.ledger;
  const cover: [string, string][] = [
    ['Framework', `${fw.framework} ${fw.version} (${fw.source})`],
    ['Categories', fw.categories.join(', ') || '(all)'],
    ['Scanned paths', report.scope.paths.join(', ')],
    ['Sources', `${report.scope.sources.length} file(s), ${report.scope.sources.reduce((n, x) => n + x.resources, 0)} resource(s)`],
    ['Ledger', ledger ? `${ledger.location} (origin ${ledger.origin})` : 'none read: no audit log, attestations or exceptions'],
    ['Period', `${report.period.from} to ${report.period.to}`],
    ['Generated', report.generatedAt],
    ['Attest version', report.tool.version],
    ['Signing key', opts.signer ? `${opts.signer.kid}, SHA-256 fingerprint of the public key ${keyFingerprint(opts.signer.publicKeyPem)}` : 'not signed (no ledger keys)'],
    ['Signature', opts.signer ? 'Ed25519 detached signature of this file\'s bytes in FILE.sig; check it with attest report verify FILE' : 'none'],
    ['PDF signature', opts.pdfSignature
      ? `embedded CMS signature by ${opts.pdfSignature.subject}${opts.pdfSignature.selfIssued ? ' (a self-issued certificate: it shows the file is unchanged since signing, not who vouches for the signer)' : ''}`
      : 'none embedded'],
    ['Score', `${ratioText(s.score)} requirements met`],
    ['Automated coverage', ratioText(s.coverage)],
  ];
  w.keyValues(cover);
  for (const n of report.scope.notes) w.para(`Note: ${n}`, { color: GREY, size: 9 });

  // Score and coverage.
  doc.addPage();
  w.heading('Score and coverage');
  w.para(`Score: ${ratioText(s.score)} of the applicable requirements are met (${s.total} requirements, ${s.applicable} applicable).`, { bold: true });
  w.para(`Automated coverage: ${ratioText(s.coverage)} of the applicable requirements are decided at least partly by configuration.`);
  w.table(
    [{ header: 'Status', width: 200 }, { header: 'Requirements', width: 100 }],
    Object.entries(s.counts).map(([k, v]) => [STATUS_TEXT[k as keyof typeof STATUS_TEXT] ?? k, String(v)]),
  );

  // Gaps first.
  w.heading(`Gaps (${report.gaps.length}), worst first`);
  if (!report.gaps.length) w.para('No gap: every applicable requirement is met.');
  else w.table(
    [{ header: 'Requirement', width: 82 }, { header: 'Status', width: 70 }, { header: 'Title and reasons', width: w.width - 152 }],
    report.gaps.map((g) => [g.id, STATUS_TEXT[g.status], [g.title, ...g.reasons.map((r) => `• ${r}`)].join('\n')]),
  );

  // Every requirement.
  w.heading('Requirements and evidence');
  w.table(
    [{ header: 'Requirement', width: 82 }, { header: 'Status', width: 70 }, { header: 'Title, reasons and evidence', width: w.width - 152 }],
    // A requirement's evidence can run to thousands of lines (one per finding over a large
    // scan): it continues in rows of EVIDENCE_ROW lines. Splitting one huge row at a page end
    // measures it line by line (quadratic); short rows keep every measure small.
    report.requirements.flatMap((r) => {
      const lines = findingLines(r).map((x) => `  – ${x}`);
      const rows: string[][] = [[r.id, STATUS_TEXT[r.status], [r.title, ...r.reasons.map((x) => `• ${x}`), ...lines.slice(0, EVIDENCE_ROW)].join('\n')]];
      for (let i = EVIDENCE_ROW; i < lines.length; i += EVIDENCE_ROW) rows.push([`${r.id} (cont.)`, '', lines.slice(i, i + EVIDENCE_ROW).join('\n')]);
      return rows;
    }),
    { size: 8 },
  );

  // Audit log.
  w.heading('Audit log of the period');
  const log = report.auditLog;
  if (!log) w.para('No ledger was read: the report carries no audit log.');
  else {
    w.keyValues([
      ['Records in the period', String(log.records)],
      ['Denials', `${log.denials.records} refused request(s) from ${log.denials.actors} actor(s)`],
      ['Verification', log.verification.ok
        ? `VERIFIED: ${log.verification.records} record(s), ${log.verification.checkpointsChecked} checkpoint(s) checked`
        : `FAILED${log.verification.firstBadSeq !== undefined ? ` at record ${log.verification.firstBadSeq}` : ''}: ${log.verification.problem ?? ''}`],
      ['Anchor checkpoint', `size ${log.checkpoint.size}, root ${log.checkpoint.root}, time ${log.checkpoint.time}, key ${log.checkpoint.keyId}`],
    ]);
    const outcomes = [...new Set(Object.values(log.byCategory).flatMap((o) => Object.keys(o)))].sort();
    const cw = Math.max(60, Math.floor((w.width - 120) / Math.max(1, outcomes.length)));
    w.table(
      [{ header: 'Category', width: 120 }, ...outcomes.map((o) => ({ header: o, width: cw }))],
      Object.entries(log.byCategory).sort(([a], [b]) => (a < b ? -1 : 1)).map(([cat, o]) => [cat, ...outcomes.map((k) => String(o[k] ?? 0))]),
    );
    w.heading('Principals', 12);
    w.table([{ header: 'Actor type', width: 150 }, { header: 'Distinct actors', width: 120 }], Object.entries(log.principals).map(([k, v]) => [k, String(v)]));
  }

  // Encryption.
  w.heading('Encryption status');
  if (!report.encryption.length) w.para('No encryption control of this framework had findings in the scanned configuration.');
  else w.table(
    [{ header: 'Control', width: 80 }, { header: 'Title', width: w.width - 80 - 150 }, { header: 'Pass', width: 50 }, { header: 'Fail', width: 50 }, { header: 'Unknown', width: 50 }],
    report.encryption.map((e) => [e.control, e.title, String(e.pass), String(e.fail), String(e.unknown)]),
  );

  // Policies.
  w.heading('Attested policies and procedures');
  if (!report.policies.length) w.para('No policy document is attested for this framework.');
  else w.table(
    [{ header: 'Requirement', width: 82 }, { header: 'Statement and files', width: w.width - 82 - 160 }, { header: 'Attested', width: 160 }],
    report.policies.map((p) => [
      p.requirement,
      [p.statement, ...p.files.map((f) => `${f.name} (SHA-256 ${f.sha256})`)].join('\n'),
      `by ${p.attestedBy} at ${p.attestedAt}, valid until ${p.validUntil}; record ${p.recordHash}`,
    ]),
  );

  // Sources.
  w.heading('Sources scanned');
  w.table(
    [{ header: 'File', width: w.width - 180 }, { header: 'Format', width: 80 }, { header: 'Resources', width: 50 }, { header: 'Errors', width: 50 }],
    report.scope.sources.map((x) => [x.file, x.format, String(x.resources), String(x.errors)]),
    { size: 8 },
  );

  // Header (disclaimer) and footer (page numbers) on every page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { top, bottom } = doc.page.margins;
    doc.page.margins.top = 0;
    doc.page.margins.bottom = 0;
    doc.font('bold').fontSize(8).fillColor('#a00000').text(report.disclaimer, MARGIN, HEADER_Y, { width: w.width, lineBreak: false });
    doc.font('regular').fontSize(8).fillColor(GREY).text(
      `${fw.id} report, generated ${report.generatedAt} by attest ${report.tool.version}. Page ${i + 1} of ${range.count}`,
      MARGIN, doc.page.height - FOOTER_GAP, { width: w.width, lineBreak: false },
    );
    doc.page.margins.top = top;
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('black');
  doc.end();
  return done;
}

const REPORT_SUBJECT = 'Self-reported compliance report generated from infrastructure configuration';

// ---------------------------------------------------------------------------
// The standard PDF signature (CMS detached, adbe.pkcs7.detached, shown by PDF readers):
// a placeholder is added to the rendered PDF, then the byte ranges around it are signed
// with the operator's certificate, or a self-issued one when none is given.

export interface PdfCertificate {
  /** The signing certificate (PEM), optionally followed by its chain. */
  certPem: string;
  /** Its private key (PEM, RSA). */
  keyPem: string;
  selfIssued: boolean;
}

/** A self-issued RSA certificate, valid a year: PDF readers show who signed and when, and that nobody vouches for the signer. */
export function selfIssuedCertificate(commonName: string, now = new Date()): PdfCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + 365 * 86_400_000);
  const subject = [{ name: 'commonName', value: commonName }, { name: 'organizationName', value: 'attest (self-issued)' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem, selfIssued: true };
}

/** The certificate's subject, as `CN=..., O=...`. */
export function certificateSubject(certPem: string): string {
  const cert = forge.pki.certificateFromPem(certPem);
  return cert.subject.attributes.map((a) => `${a.shortName ?? a.name}=${String(a.value)}`).join(', ');
}

/** Embeds a CMS (PKCS#7 detached) signature over the PDF's byte ranges. */
export async function embedPdfSignature(pdf: Buffer, cert: PdfCertificate, opts: { reason: string; name: string; location?: string; signingTime: Date }): Promise<Buffer> {
  const certs = cert.certPem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (!certs.length) throw new Error('the certificate file holds no PEM certificate');
  let key: forge.pki.PrivateKey;
  try {
    key = forge.pki.privateKeyFromPem(createPrivateKey(cert.keyPem).export({ type: 'pkcs1', format: 'pem' }).toString());
  } catch (e) {
    throw new Error(`the certificate key is not a readable RSA private key (${(e as Error).message})`);
  }
  const p12 = forge.pkcs12.toPkcs12Asn1(key, certs.map((c) => forge.pki.certificateFromPem(c)), '', { algorithm: '3des' });
  const p12Der = Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: opts.reason,
    contactInfo: '',
    name: opts.name,
    location: opts.location ?? '',
    signingTime: opts.signingTime,
    signatureLength: 16384,
    appName: 'attest',
  });
  return new SignPdf().sign(withPlaceholder, new P12Signer(p12Der, { passphrase: '' }), opts.signingTime);
}
