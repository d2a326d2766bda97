// The framework report (FrameworkReport) rendered as a PDF for an auditor: the same document
// as the JSON form, laid out for reading. Text is selectable and set in DejaVu Sans, embedded
// in the file (subset) so every reader shows the same glyphs. pdfkit makes the document (pages,
// fonts, compression); the text is measured, wrapped and drawn here (Face, Writer), each cell
// once, which keeps a report of ten thousand findings to a fraction of a second. The disclaimer
// is printed in the header of every page; tables that run over a page repeat their header row. No CLI or ledger
// code here: the caller gives the report and, when it signs, the signing key's id and public key.
import { constants, createHash, createPrivateKey, createPublicKey, generateKeyPair, privateEncrypt, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';
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
/** Cell padding in a table. */
const PAD = 3;
// Colours as PDF RGB operands.
const BLACK = '0 0 0';
const GREY = '0.333 0.333 0.333';
const RED = '0.627 0 0';
const SHADE = '0.933 0.933 0.933';
const RULE = '0.733 0.733 0.733';
/** Evidence locations are set this much smaller than the table's text. */
const EVIDENCE_SIZE = 7;

/** The part of pdfkit's embedded TrueType font this renderer uses (pdfkit 0.20's EmbeddedFont). */
interface PdfkitFont {
  id: string;
  font: { glyphForCodePoint(cp: number): { id: number; advanceWidth: number } };
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  ascender: number;
  descender: number;
  lineGap: number;
  scale: number;
  ref(): unknown;
}

/**
 * One embedded face, measured and drawn glyph by glyph. pdfkit's own text path shapes every
 * word through fontkit (OpenType features, a line breaker, per-fragment state), which for a
 * report of ten thousand evidence lines cost seconds; this text needs no shaping (Latin, no
 * ligatures wanted: the words must come back out of pdftotext as written), so each character
 * is looked up once (width and glyph id, cached) and a line is written as one Tj of glyph ids
 * (two bytes each, in a literal string).
 * The glyphs go into pdfkit's subset and ToUnicode map, so the text stays selectable.
 */
class Face {
  private readonly glyphs = new Map<number, { code: string; w: number }>();
  /** Width (thousandths of the size) by UTF-16 code unit, for the characters of the basic plane already seen; NaN for the others. */
  private readonly bmpWidth = new Float64Array(0x10000).fill(NaN);
  private readonly bmpCode: string[] = [];
  readonly ascent: number;
  readonly lineHeight: number;

  constructor(readonly pf: PdfkitFont) {
    this.ascent = pf.ascender / 1000;
    this.lineHeight = (pf.ascender + pf.lineGap - pf.descender) / 1000;
  }

  private glyph(cp: number): { code: string; w: number } {
    let g = this.glyphs.get(cp);
    if (!g) {
      const glyph = this.pf.font.glyphForCodePoint(cp);
      const gid = this.pf.subset.includeGlyph(glyph.id);
      const w = glyph.advanceWidth * this.pf.scale;
      this.pf.widths[gid] ??= w;
      this.pf.unicode[gid] ??= [cp];
      g = { code: glyphCode(gid), w };
      this.glyphs.set(cp, g);
      if (cp < 0xd800 || (cp > 0xdfff && cp < 0x10000)) {
        this.bmpWidth[cp] = w;
        this.bmpCode[cp] = g.code;
      }
    }
    return g;
  }

  /** Width in thousandths of the font size. */
  units(s: string): number {
    let w = 0;
    for (let i = 0; i < s.length; i++) {
      const u = this.bmpWidth[s.charCodeAt(i)]!;
      if (u === u) w += u; // not NaN: seen before
      else {
        const cp = s.codePointAt(i)!;
        if (cp > 0xffff) i++;
        w += this.glyph(cp).w;
      }
    }
    return w;
  }

  /** The text as the bytes of a PDF literal string (without its parentheses): two bytes per glyph id (Identity-H). */
  codes(s: string): string {
    let h = '';
    for (let i = 0; i < s.length; i++) {
      const x = this.bmpCode[s.charCodeAt(i)];
      if (x !== undefined) h += x;
      else {
        const cp = s.codePointAt(i)!;
        if (cp > 0xffff) i++;
        h += this.glyph(cp).code;
      }
    }
    return h;
  }

  /** The text broken into lines no wider than width at size: at spaces, and inside a word too long for a line (after a / : _ . when there is one). */
  wrap(text: string, size: number, width: number): string[] {
    const max = (width * 1000) / size;
    const out: string[] = [];
    for (const para of text.split('\n')) {
      if (this.units(para) <= max) {
        out.push(para);
        continue;
      }
      // Lines after the first keep the paragraph's indentation; those of a list entry (indented,
      // or starting with a bullet or dash) hang three spaces further in.
      const lead = /^ */.exec(para)![0];
      const indent = lead || /^[•–]/.test(para) ? `${lead}   ` : '';
      const iw = this.units(indent);
      let line = '';
      let lw = 0;
      for (const token of para.split(/(?<= )/)) {
        const word = token.trimEnd();
        const ww = this.units(word);
        const tw = ww + this.units(token.slice(word.length));
        if (lw + ww <= max) {
          line += token;
          lw += tw;
          continue;
        }
        if (line.trim()) out.push(line.trimEnd());
        if (iw + ww <= max) {
          line = indent + token;
          lw = iw + tw;
          continue;
        }
        const pieces = this.breakWord(word, max - iw);
        out.push(...pieces.slice(0, -1).map((x) => indent + x));
        line = indent + pieces[pieces.length - 1]! + token.slice(word.length);
        lw = this.units(line);
      }
      if (line.trim()) out.push(line.trimEnd());
    }
    return out;
  }

  private breakWord(word: string, max: number): string[] {
    const cs = Array.from(word);
    const ws = cs.map((c) => this.glyph(c.codePointAt(0)!).w);
    const out: string[] = [];
    let start = 0;
    let w = 0;
    let soft = -1;
    for (let i = 0; i < cs.length; i++) {
      if (w + ws[i]! > max && i > start) {
        const cut = soft > start ? soft : i;
        out.push(cs.slice(start, cut).join(''));
        start = cut;
        w = 0;
        for (let j = start; j < i; j++) w += ws[j]!;
        soft = -1;
      }
      w += ws[i]!;
      if ('/:_.'.includes(cs[i]!)) soft = i + 1; // not after a hyphen: text extractors join such a line to the next without it
    }
    out.push(cs.slice(start).join(''));
    return out;
  }
}

/** A glyph id as two bytes of a PDF literal string, the bytes that end or escape the string, and line ends, escaped. */
export function glyphCode(gid: number): string {
  const byte = (b: number) => (b === 0x28 || b === 0x29 || b === 0x5c ? `\\${String.fromCharCode(b)}` : b === 0x0a ? '\\n' : b === 0x0d ? '\\r' : String.fromCharCode(b));
  return byte(gid >> 8) + byte(gid & 0xff);
}

const num = (n: number) => (Math.round(n * 100) / 100).toString();

/** A run of text in a cell or paragraph: its own size, weight and colour. */
interface Block {
  text: string;
  size?: number;
  bold?: boolean;
  color?: string;
}
type Cell = string | Block[];
/** One laid-out line. */
interface Line {
  t: string;
  face: Face;
  size: number;
  color: string;
  h: number;
  /** A wrapped line's continuation: kept on the page of the line before it. */
  cont: boolean;
}

interface Column {
  header: string;
  width: number;
}

const heightOf = (lines: Line[]) => lines.reduce((h, l) => h + l.h, 0);

class Writer {
  private readonly regular: Face;
  private readonly bold: Face;
  /** The top of the next thing written on the current page. */
  y: number;

  constructor(private readonly doc: Doc) {
    // doc.font() loads a registered font and makes it pdfkit's current one (doc._font).
    const current = (name: string) => {
      const f = (doc.font(name) as unknown as { _font?: Partial<PdfkitFont> })._font;
      const missing = !f ? ['_font'] : (['id', 'font', 'subset', 'widths', 'unicode', 'ascender', 'descender', 'lineGap', 'scale', 'ref'] as const).filter((k) => f[k] === undefined);
      if (missing.length) throw new Error(`the PDF renderer needs pdfkit's embedded-font internals (pdfkit 0.20), and ${missing.join(', ')} is missing: was pdfkit upgraded?`);
      return f as PdfkitFont;
    };
    this.bold = new Face(current('bold'));
    this.regular = new Face(current('regular'));
    this.registerFonts();
    this.y = this.top;
  }

  get top(): number {
    return this.doc.page.margins.top;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private registerFonts(): void {
    const fonts = (this.doc.page as unknown as { fonts: Record<string, unknown> }).fonts;
    for (const f of [this.regular, this.bold]) fonts[f.pf.id] ??= f.pf.ref();
  }

  addPage(): void {
    this.doc.addPage();
    this.registerFonts();
    this.y = this.top;
  }

  ensure(h: number): void {
    if (this.y + h > this.bottom) this.addPage();
  }

  face(bold?: boolean): Face {
    return bold ? this.bold : this.regular;
  }

  /** Lays a cell or paragraph out in lines of at most width points. */
  layout(cell: Cell, width: number, size: number, bold = false, color = BLACK): Line[] {
    const blocks = typeof cell === 'string' ? [{ text: cell }] : cell;
    const out: Line[] = [];
    for (const b of blocks) {
      const face = this.face(b.bold ?? bold);
      const sz = b.size ?? size;
      const h = face.lineHeight * sz;
      for (const para of b.text.split('\n')) {
        face.wrap(para, sz, width).forEach((t, i) => out.push({ t, face, size: sz, color: b.color ?? color, h, cont: i > 0 }));
      }
    }
    return out;
  }

  /** PDF operators drawing the lines from (x, y) down (y measured from the top, as pdfkit does). */
  private textOps(lines: Line[], x: number, y: number): string {
    const H = this.doc.page.height;
    let s = `q 1 0 0 -1 0 ${num(H)} cm BT`;
    let face: Face | undefined;
    let size = 0;
    let color = '';
    for (const l of lines) {
      if (l.t.trim()) {
        if (l.face !== face || l.size !== size) s += `\n/${l.face.pf.id} ${num(l.size)} Tf`;
        if (l.color !== color) s += `\n${l.color} rg`;
        face = l.face;
        size = l.size;
        color = l.color;
        s += `\n1 0 0 1 ${num(x)} ${num(H - y - l.face.ascent * l.size)} Tm (${l.face.codes(l.t)}) Tj`;
      }
      y += l.h;
    }
    return `${s}\nET Q`;
  }

  /** Draws lines at x (default the left margin), flowing onto new pages. */
  lines(lines: Line[], x = MARGIN): void {
    let i = 0;
    while (i < lines.length) {
      let h = 0;
      let j = i;
      while (j < lines.length && (this.y + h + lines[j]!.h <= this.bottom || j === i && this.y <= this.top)) h += lines[j++]!.h;
      if (j === i) {
        this.addPage();
        continue;
      }
      this.doc.addContent(this.textOps(lines.slice(i, j), x, this.y));
      this.y += h;
      i = j;
    }
  }

  /** Text at a fixed place (headers and footers), not moving the writing position. */
  textAt(text: string, x: number, y: number, size: number, bold: boolean, color: string): void {
    this.doc.addContent(this.textOps(this.layout(text, this.width, size, bold, color), x, y));
  }

  /** Vertical space of n lines at size. */
  space(n: number, size = 10): void {
    this.y += n * this.regular.lineHeight * size;
  }

  heading(text: string, size = 14): void {
    this.ensure(size * 3);
    this.space(0.6, size);
    this.lines(this.layout(text, this.width, size, true));
    this.space(0.3, 10);
  }

  para(text: string, opts: { bold?: boolean; size?: number; color?: string; indent?: number } = {}): void {
    const size = opts.size ?? 10;
    const indent = opts.indent ?? 0;
    const lines = this.layout(text, this.width - indent, size, opts.bold, opts.color);
    this.ensure(Math.min(heightOf(lines), size * 2.5));
    this.lines(lines, MARGIN + indent);
  }

  keyValues(rows: [string, string][]): void {
    this.table([{ header: '', width: 150 }, { header: '', width: this.width - 150 }], rows, { noHeader: true });
  }

  /**
   * A table whose rows break across pages; the header row is repeated at the top of each new
   * page. Every cell is laid out once; a row too tall for the space left (and a third of a page
   * or more) is split between two lines, the rest going on the next page with its first cell
   * marked as continued; a shorter row moves to the next page whole.
   */
  table(cols: Column[], rows: Cell[][], opts: { noHeader?: boolean; size?: number } = {}): void {
    const size = opts.size ?? 9;
    const lay = (cells: Cell[], bold: boolean) => cols.map((c, i) => this.layout(cells[i] ?? '', c.width - 2 * PAD, size, bold));
    const rowHeight = (cells: Line[][]) => Math.max(...cells.map(heightOf)) + 2 * PAD;
    const draw = (cells: Line[][], shade: boolean) => {
      const h = rowHeight(cells);
      const y = this.y;
      const ops: string[] = [];
      if (shade) ops.push(`q ${SHADE} rg ${MARGIN} ${num(y)} ${num(this.width)} ${num(h)} re f Q`);
      let x = MARGIN;
      cells.forEach((lines, i) => {
        if (lines.length) ops.push(this.textOps(lines, x + PAD, y + PAD));
        x += cols[i]!.width;
      });
      ops.push(`q 0.3 w ${RULE} RG ${MARGIN} ${num(y + h)} m ${num(MARGIN + this.width)} ${num(y + h)} l S Q`);
      this.doc.addContent(ops.join('\n'));
      this.y = y + h;
    };
    const header = opts.noHeader ? undefined : lay(cols.map((c) => c.header), true);
    if (header) {
      this.ensure(rowHeight(header) + (rows[0] ? rowHeight(lay(rows[0], false)) : 0));
      draw(header, true);
    }
    const newPage = () => {
      this.addPage();
      if (header) draw(header, true);
    };
    const body = this.bottom - this.top;
    for (const row of rows) {
      let cells = lay(row, false);
      for (;;) {
        const h = rowHeight(cells);
        if (this.y + h <= this.bottom) break;
        const room = this.bottom - this.y - 2 * PAD;
        const fit = cells.map((lines) => {
          let n = 0;
          for (let used = 0; n < lines.length && used + lines[n]!.h <= room; n++) used += lines[n]!.h;
          // A wrapped entry is not split between pages, unless it alone fills more than the room left.
          const most = n;
          while (n > 0 && n < lines.length && lines[n]!.cont) n--;
          return n === 0 ? most : n;
        });
        if (h < body / 3 || Math.max(...fit) < 2) {
          if (this.y <= this.top + 40) break; // nothing gained on a fresh page: let it run
          newPage();
          continue;
        }
        draw(cells.map((lines, i) => lines.slice(0, fit[i])), false);
        newPage();
        const first = row[0] ?? '';
        const label = typeof first === 'string' ? first : first.map((b) => b.text).join(' ');
        cells = cells.map((lines, i) => (i === 0 && fit[0]! >= lines.length && label ? lay([`${label} (cont.)`], false)[0]! : lines.slice(fit[i])));
      }
      draw(cells, false);
    }
    this.space(0.5);
  }
}

const STATUS_ORDER = ['fail', 'unknown', 'suppressed', 'pass', 'not_applicable'];

/**
 * A requirement's evidence, every finding listed: per control, the findings grouped by status
 * and message (the value found at the location, in words), each group's locations one a line.
 * Locations under base are written relative to it.
 */
export function evidenceBlocks(r: RequirementResult, base?: string): { head: string[]; locations: string[] }[] {
  const where = (file: string) => (base && file.startsWith(`${base}/`) ? file.slice(base.length + 1) : file);
  const groups: { head: string[]; locations: string[] }[] = [];
  for (const p of r.parts) {
    for (const c of p.findings ?? []) {
      const byKey = new Map<string, { status: string; message: string; locations: string[] }>();
      for (const f of c.findings) {
        const key = `${f.status}\u0000${f.message}`;
        let g = byKey.get(key);
        if (!g) byKey.set(key, (g = { status: f.status, message: f.message, locations: [] }));
        g.locations.push(`${f.resource.id} (${f.resource.type}) at ${where(f.location.file)}:${f.location.line}${f.exceptedBy ? `, excepted by ${f.exceptedBy}` : ''}`);
      }
      const sorted = [...byKey.values()].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
      for (const g of sorted) groups.push({ head: [`${c.controlId} ${g.status} (${g.locations.length}): ${g.message}`], locations: g.locations });
    }
    if (p.attestation) {
      const a = p.attestation;
      groups.push({ head: [`attested by ${a.attestedBy.id} at ${a.attestedAt}, valid until ${a.validUntil}, record ${a.recordHash}`], locations: [] });
    }
  }
  for (const e of r.exceptions) {
    groups.push({ head: [`exception ${e.exceptionId} (${e.state}) for ${'control' in e.target ? e.target.control : `${e.target.framework} ${e.target.requirement}`}: ${e.reason}`], locations: [] });
  }
  return groups;
}

/** The directory every scanned file is under, when the report scanned one directory (locations are then printed relative to it). */
function locationBase(report: FrameworkReport): string | undefined {
  const paths = report.scope.paths;
  if (paths.length !== 1) return undefined;
  const base = paths[0]!.replace(/\/+$/, '');
  return base && report.scope.sources.length && report.scope.sources.every((s) => s.file.startsWith(`${base}/`)) ? base : undefined;
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
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const w = new Writer(doc);
  const s = report.summary;

  // Cover.
  w.y = 120;
  w.lines(w.layout(fw.name, w.width, 22, true));
  w.lines(w.layout(`Compliance report (framework ${fw.id}, version ${fw.version})`, w.width, 14));
  w.space(0.5, 14);
  w.lines(w.layout(report.disclaimer, w.width, 12, true, RED));
  w.space(1, 12);
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
  w.addPage();
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

  // Every requirement, with every finding that is its evidence.
  w.heading('Requirements and evidence');
  const base = locationBase(report);
  w.para(`Every finding is listed under the requirement it is evidence for: per control, grouped by status and by what was found, with the resource and the file:line of the setting that decided it${base ? ` (file paths relative to ${base})` : ''}.`, { size: 9, color: GREY });
  w.table(
    [{ header: 'Requirement', width: 72 }, { header: 'Status', width: 58 }, { header: 'Title, reasons and evidence', width: w.width - 130 }],
    report.requirements.map((r) => [r.id, STATUS_TEXT[r.status], [
      { text: [r.title, ...r.reasons.map((x) => `• ${x}`)].join('\n') },
      ...evidenceBlocks(r, base).flatMap((g): Block[] => [
        { text: g.head.map((x) => `– ${x}`).join('\n'), bold: true, size: EVIDENCE_SIZE + 0.5 },
        ...(g.locations.length ? [{ text: g.locations.map((x) => `    ${x}`).join('\n'), size: EVIDENCE_SIZE }] : []),
      ]),
    ]]),
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
    [{ header: 'Control', width: 80 }, { header: 'Title', width: w.width - 80 - 146 }, { header: 'Pass', width: 45 }, { header: 'Fail', width: 45 }, { header: 'Unknown', width: 56 }],
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
    [{ header: 'File', width: w.width - 194 }, { header: 'Format', width: 96 }, { header: 'Resources', width: 58 }, { header: 'Errors', width: 40 }],
    report.scope.sources.map((x) => [x.file, x.format, String(x.resources), String(x.errors)]),
    { size: 8 },
  );

  // Header (disclaimer) and footer (page numbers) on every page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    w.textAt(report.disclaimer, MARGIN, HEADER_Y, 8, true, RED);
    w.textAt(`${fw.id} report, generated ${report.generatedAt} by attest ${report.tool.version}. Page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - FOOTER_GAP, 8, false, GREY);
  }
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

type RsaPair = { privateKey: KeyObject; publicKey: KeyObject };
let pendingKey: Promise<RsaPair> | undefined;

/**
 * Starts generating the next self-issued certificate's RSA key on the thread pool (some 100 ms
 * of CPU, more on a loaded machine), so that it overlaps the scan instead of following it.
 * Each key serves one certificate.
 */
export function prepareSelfIssuedKey(): void {
  pendingKey ??= new Promise<RsaPair>((resolve, reject) => generateKeyPair('rsa', { modulusLength: 2048 }, (e, publicKey, privateKey) => (e ? reject(e) : resolve({ publicKey, privateKey }))));
}

/** A self-issued RSA certificate, valid a year: PDF readers show who signed and when, and that nobody vouches for the signer. */
export async function selfIssuedCertificate(commonName: string, now = new Date()): Promise<PdfCertificate> {
  prepareSelfIssuedKey();
  const next = pendingKey!;
  pendingKey = undefined;
  const { privateKey, publicKey } = await next;
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
  // Signed as forge's cert.sign(key, sha256) would, with the RSA operation done by OpenSSL
  // (forge's JavaScript big-integer arithmetic takes a few hundred milliseconds for it).
  cert.siginfo.algorithmOid = cert.signatureOid = forge.pki.oids.sha256WithRSAEncryption!;
  // getTBSCertificate is in node-forge (lib/x509.js) but missing from its type definitions.
  cert.tbsCertificate = (forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 }).getTBSCertificate(cert);
  cert.signature = sign('sha256', Buffer.from(forge.asn1.toDer(cert.tbsCertificate).getBytes(), 'binary'), privateKey).toString('binary');
  return { certPem: forge.pki.certificateToPem(cert), keyPem, selfIssued: true };
}

/** The certificate's subject, as `CN=..., O=...`. */
export function certificateSubject(certPem: string): string {
  const cert = forge.pki.certificateFromPem(certPem);
  return cert.subject.attributes.map((a) => `${a.shortName ?? a.name}=${String(a.value)}`).join(', ');
}

/** DigestInfo (RFC 8017, EMSA-PKCS1-v1_5) of a SHA-256 digest, up to the digest. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * The CMS signer @signpdf calls: a PKCS#7 detached SignedData made with node-forge (the
 * attributes Adobe's adbe.pkcs7.detached expects, as @signpdf's P12Signer makes them), the key
 * given directly (no PKCS#12 wrapped and unwrapped on the way) and the RSA signature computed
 * by OpenSSL over the digest forge prepares.
 */
class CmsSigner extends P12Signer {
  constructor(private readonly certs: forge.pki.Certificate[], private readonly signerCert: forge.pki.Certificate, private readonly key: KeyObject) {
    super(Buffer.alloc(0));
  }

  override async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdf.toString('binary'));
    for (const c of this.certs) p7.addCertificate(c);
    const key = this.key;
    const rsa = {
      sign(md: forge.md.MessageDigest): string {
        if (md.algorithm !== 'sha256') throw new Error(`unexpected digest ${md.algorithm} for the PDF signature`);
        const info = Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(md.digest().getBytes(), 'binary')]);
        return privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, info).toString('binary');
      },
    };
    p7.addSigner({
      key: rsa as unknown as forge.pki.rsa.PrivateKey,
      certificate: this.signerCert,
      digestAlgorithm: forge.pki.oids.sha256!,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType!, value: forge.pki.oids.data! },
        { type: forge.pki.oids.signingTime!, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest! },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

/** Embeds a CMS (PKCS#7 detached) signature over the PDF's byte ranges. */
export async function embedPdfSignature(pdf: Buffer, cert: PdfCertificate, opts: { reason: string; name: string; location?: string; signingTime: Date }): Promise<Buffer> {
  const pems = cert.certPem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (!pems.length) throw new Error('the certificate file holds no PEM certificate');
  let key: KeyObject;
  try {
    key = createPrivateKey(cert.keyPem);
  } catch (e) {
    throw new Error(`the certificate key is not a readable RSA private key (${(e as Error).message})`);
  }
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`the certificate key is not a readable RSA private key (it is ${key.asymmetricKeyType ?? 'of an unknown type'})`);
  const signerIndex = pems.findIndex((p) => new X509Certificate(p).checkPrivateKey(key));
  if (signerIndex < 0) throw new Error('no certificate in the certificate file matches the private key');
  const certs = pems.map((c) => forge.pki.certificateFromPem(c));
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
  return new SignPdf().sign(withPlaceholder, new CmsSigner(certs, certs[signerIndex]!, key), opts.signingTime);
}
