/**
 * Renderings of a checklist: text (terminal), json (schema/checklist.schema.json), markdown,
 * csv and a self-contained html page. Each is produced as chunks (one per requirement at
 * most), like the scan report's renderers, so a checklist of every framework over a large
 * scan never sits in one string. Every rendering states that it is a self-assessment.
 */
import { TOOL_VERSION } from '../report/model.js';
import { csvCell } from '../report/csv.js';
import { esc } from '../report/html.js';
import { joinChunks } from '../report/chunks.js';
import {
  SELF_ASSESSED,
  STATUS_SYMBOL,
  STATUS_TEXT,
  REQUIREMENT_STATUSES,
  type Attestation,
  type ComplianceAssessment,
  type ExceptionEntry,
  type FindingRef,
  type FrameworkAssessment,
  type PartResult,
  type Ratio,
  type RequirementResult,
} from './types.js';

export const CHECKLIST_FORMAT = 'attest-checklist/v1';
export type ChecklistFormat = 'text' | 'json' | 'markdown' | 'csv' | 'html';
export const CHECKLIST_FORMATS: readonly ChecklistFormat[] = ['text', 'json', 'markdown', 'csv', 'html'];

/** What the scan behind the checklist covered (the CLI fills it; absent when findings came from elsewhere). */
export interface ChecklistScan {
  paths: string[];
  files: number;
  resources: number;
  findings: number;
  skipped: number;
  /** Templates that could not be read: their resources are missing from every status. */
  sourceErrors: number;
}

export interface Checklist {
  assessment: ComplianceAssessment;
  scan?: ChecklistScan;
  /** Ledger records that could not be folded into the register (one sentence each). */
  problems?: string[];
}

/** The JSON document (schema/checklist.schema.json), without the frameworks' requirements. */
function head(c: Checklist): Record<string, unknown> {
  const a = c.assessment;
  return {
    format: CHECKLIST_FORMAT,
    tool: { name: 'attest', version: TOOL_VERSION },
    assessedAt: a.assessedAt,
    disclaimer: SELF_ASSESSED,
    symbols: STATUS_SYMBOL,
    evidenceRead: a.evidenceRead,
    serviceAssessed: a.serviceAssessed,
    notes: a.notes,
    problems: c.problems ?? [],
    ...(c.scan ? { scan: c.scan } : {}),
  };
}

/**
 * A requirement as JSON. A finding is cited by every requirement that lists its control (a
 * hundred times across six frameworks): its JSON is made once and reused, which is most of
 * the cost of writing the checklist. Members come out in the order of JSON.stringify, with
 * `findings` last in a part.
 */
function requirementJson(r: RequirementResult, cache: Map<FindingRef, string>): string {
  const ref = (f: FindingRef) => {
    let j = cache.get(f);
    if (j === undefined) cache.set(f, (j = JSON.stringify(f)));
    return j;
  };
  const parts = r.parts.map((p) => {
    const { findings, ...rest } = p;
    const base = JSON.stringify(rest);
    if (!findings) return base;
    return `${base.slice(0, -1)},"findings":[${findings.map((c) => `{"controlId":${JSON.stringify(c.controlId)},"findings":[${c.findings.map(ref).join(',')}]}`).join(',')}]}`;
  });
  const { parts: _parts, ...rest } = r;
  void _parts;
  return `${JSON.stringify(rest).slice(0, -1)},"parts":[${parts.join(',')}]}`;
}

function* jsonChunks(c: Checklist): Generator<string> {
  const cache = new Map<FindingRef, string>();
  const h = head(c);
  yield `{\n${Object.entries(h).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')},\n  "frameworks": [`;
  for (const [i, f] of c.assessment.frameworks.entries()) {
    const { requirements, ...rest } = f;
    yield `${i ? ',' : ''}\n    {${Object.entries(rest).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}, "requirements": [`;
    for (const [j, r] of requirements.entries()) yield `${j ? ',' : ''}\n      ${requirementJson(r, cache)}`;
    yield `\n    ]}`;
  }
  yield `\n  ]\n}\n`;
}

// ---------------------------------------------------------------------------
// Shared wording

export function ratioText(r: Ratio): string {
  return r.percent === null ? `${r.numerator}/${r.denominator} (nothing applicable)` : `${r.numerator}/${r.denominator} (${r.percent.toFixed(1)}%)`;
}

function scoreLine(f: FrameworkAssessment): string {
  const s = f.summary;
  return `Score: ${ratioText(s.score)} of applicable requirements met (floored; unknown, expired, excepted and partially met count as not met) · automated coverage ${ratioText(s.coverage)} decided by configuration`;
}

function countsLine(f: FrameworkAssessment): string {
  return REQUIREMENT_STATUSES.filter((s) => f.summary.counts[s] > 0).map((s) => `${STATUS_SYMBOL[s]} ${STATUS_TEXT[s]} ${f.summary.counts[s]}`).join(' · ') + ` · total ${f.summary.total}`;
}

const loc = (r: FindingRef) => `${r.location.file}:${r.location.line}`;
const who = (b: { id: string; source: string; issuer: string }) => `${b.id} (${b.source === 'cli' ? 'command line' : b.issuer})`;

/** How many findings per control the evidence lists: the terminal keeps it short; files list more (json lists all). */
interface Caps { other: number; pass: number }
const SHORT: Caps = { other: 10, pass: 2 };
const LONG: Caps = { other: 50, pass: 10 };

/** Per control: the findings that did not pass, then some passes; each located file:line. */
function findingLines(p: PartResult, caps: Caps): string[] {
  const out: string[] = [];
  for (const c of p.findings ?? []) {
    const other = c.findings.filter((f) => f.status !== 'pass' && f.status !== 'not_applicable');
    const passes = c.findings.filter((f) => f.status === 'pass');
    for (const f of other.slice(0, caps.other)) out.push(`${c.controlId} ${f.status}${f.exceptedBy ? ` (excepted by ${f.exceptedBy})` : ''} ${f.resource.id} ${loc(f)}${f.dependsOn?.length ? ` — depends on ${f.dependsOn.join(', ')}` : ''}`);
    if (other.length > caps.other) out.push(`${c.controlId}: ${other.length - caps.other} more not passing (all in --format json)`);
    for (const f of passes.slice(0, caps.pass)) out.push(`${c.controlId} pass ${f.resource.id} ${loc(f)}`);
    if (passes.length > caps.pass) out.push(`${c.controlId}: ${passes.length - caps.pass} more passing`);
  }
  return out;
}

function attestationLines(a: Attestation): string[] {
  const out = [`attestation ${a.id} (${a.kind}) by ${who(a.attestedBy)} at ${a.attestedAt}, valid until ${a.validUntil}: ${a.statement}`];
  for (const f of a.files) out.push(`file ${f.name} sha256 ${f.sha256} (${f.size} bytes, ${f.mediaType})`);
  for (const l of a.links) out.push(`link ${l}`);
  out.push(`ledger record hash ${a.recordHash}`);
  for (const p of a.fileProblems ?? []) out.push(`problem: ${p}`);
  return out;
}

export function exceptionLine(e: ExceptionEntry): string {
  const scope = e.scope.length ? ` on ${e.scope.join(', ')}` : ' everywhere';
  const target = 'control' in e.target ? e.target.control : `${e.target.framework} ${e.target.requirement}`;
  if (e.source === 'template') return `template suppression (${e.suppressionSource}) at ${e.location!.file}:${e.location!.line} of ${target}${scope}, ${e.state === 'expired' ? 'expired' : 'in force'}${e.expires ? ` until ${e.expires}` : ', no expiry'}: ${e.reason}`;
  const approved = e.approval ? `, approved by ${who(e.approval.by)}` : '';
  return `${e.exceptionId} [${e.state}] ${target}${scope}, risk ${e.risk}, owner ${e.owner}, until ${e.expires}${approved}: ${e.reason}`;
}

/** The evidence lines of a requirement (findings, attestation, exceptions), each prefixed by its kind. */
export function evidenceLines(r: RequirementResult, caps: Caps = LONG): string[] {
  const out: string[] = [];
  for (const p of r.parts) {
    if (p.kind === 'manual') {
      if (p.attestation) out.push(...attestationLines(p.attestation));
    } else out.push(...findingLines(p, caps));
  }
  for (const e of r.exceptions) out.push(`exception: ${exceptionLine(e)}`);
  return out;
}

function sections(f: FrameworkAssessment): [string, RequirementResult[]][] {
  const m = new Map<string, RequirementResult[]>();
  for (const r of f.requirements) (m.get(r.section) ?? m.set(r.section, []).get(r.section)!).push(r);
  return [...m];
}

function preamble(c: Checklist): string[] {
  const a = c.assessment;
  const out = [SELF_ASSESSED, `Assessed at ${a.assessedAt}.`];
  if (c.scan) out.push(`Scanned ${c.scan.paths.join(', ')}: ${c.scan.files} file(s), ${c.scan.resources} resources, ${c.scan.findings} findings, ${c.scan.skipped} skipped, ${c.scan.sourceErrors} input error(s).`);
  if (c.scan?.sourceErrors) out.push(`Warning: ${c.scan.sourceErrors} input error(s): the resources of templates that could not be read are missing from every status below.`);
  out.push(...a.notes);
  for (const p of c.problems ?? []) out.push(`Ledger: ${p}`);
  return out;
}

// ---------------------------------------------------------------------------
// Text

function* textChunks(c: Checklist): Generator<string> {
  yield preamble(c).join('\n') + '\n';
  for (const f of c.assessment.frameworks) {
    yield `\n${f.name} ${f.version} (${f.id})${f.categories.length ? ` — categories: ${f.categories.join(', ')}` : ''}\n${scoreLine(f)}\n${countsLine(f)}\n`;
    for (const [section, reqs] of sections(f)) {
      yield `\n${section}\n`;
      for (const r of reqs) {
        const lines = [`  ${r.symbol} ${STATUS_TEXT[r.status].padEnd(15)} ${r.id}  ${r.title}`];
        for (const why of r.reasons) lines.push(`      ${why}`);
        for (const e of evidenceLines(r, SHORT)) lines.push(`      · ${e}`);
        yield lines.join('\n') + '\n';
      }
    }
  }
  yield `\n${SELF_ASSESSED}\n`;
}

// ---------------------------------------------------------------------------
// Markdown

const md = (s: string) => s.replace(/([\\`*_{}[\]<>|#])/g, '\\$1').replace(/\r?\n/g, ' ');
const mdCode = (s: string) => '`' + s.replace(/`/g, "'") + '`';

function* markdownChunks(c: Checklist): Generator<string> {
  yield `# Compliance checklist\n\n> **${SELF_ASSESSED}**\n\n${preamble(c).slice(1).map((l) => `- ${md(l)}`).join('\n')}\n\n`;
  yield `| Symbol | Status |\n|---|---|\n${REQUIREMENT_STATUSES.map((s) => `| ${STATUS_SYMBOL[s]} | ${STATUS_TEXT[s]} |`).join('\n')}\n`;
  for (const f of c.assessment.frameworks) {
    yield `\n## ${md(f.name)} ${md(f.version)} (${mdCode(f.id)})\n\n${f.categories.length ? `Categories: ${f.categories.map(mdCode).join(', ')}\n\n` : ''}${md(scoreLine(f))}\n\n${md(countsLine(f))}\n\n`;
    yield `| | Requirement | Title | Status |\n|---|---|---|---|\n${f.requirements.map((r) => `| ${r.symbol} | ${mdCode(r.id)} | ${md(r.title)} | ${STATUS_TEXT[r.status]} |`).join('\n')}\n`;
    for (const [section, reqs] of sections(f)) {
      yield `\n### ${md(section)}\n`;
      for (const r of reqs) {
        const lines = [`\n#### ${r.symbol} ${md(r.id)} ${md(r.title)} — ${STATUS_TEXT[r.status]}\n`];
        for (const why of r.reasons) lines.push(`- ${md(why)}`);
        const ev = evidenceLines(r);
        if (ev.length) lines.push('', '<details><summary>Evidence</summary>', '', ...ev.map((e) => `- ${mdCode(e)}`), '', '</details>');
        yield lines.join('\n') + '\n';
      }
    }
  }
  yield `\n---\n\n**${SELF_ASSESSED}**\n`;
}

// ---------------------------------------------------------------------------
// CSV: one row per requirement

export const CHECKLIST_CSV_HEADER = ['framework', 'requirement', 'title', 'section', 'category', 'status', 'symbol', 'automated', 'reasons', 'evidence', 'assessedAt', 'disclaimer'] as const;

function* csvChunks(c: Checklist): Generator<string> {
  yield CHECKLIST_CSV_HEADER.map(csvCell).join(',') + '\r\n';
  for (const f of c.assessment.frameworks) {
    for (const r of f.requirements) {
      yield [f.id, r.id, r.title, r.section, r.category ?? '', r.status, r.symbol, r.automated ? 'yes' : 'no', r.reasons.join(' | '), evidenceLines(r).join(' | '), c.assessment.assessedAt, SELF_ASSESSED].map(csvCell).join(',') + '\r\n';
    }
  }
}

// ---------------------------------------------------------------------------
// HTML: self-contained (inline CSS, no script, nothing fetched)

const CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700}
*{box-sizing:border-box}body{font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--fg);margin:0}
main{max-width:1200px;margin:0 auto;padding:24px 32px 48px}h1{font-size:26px;margin:0 0 8px}
h2{font-size:20px;margin:32px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}h3{font-size:16px;margin:20px 0 8px}
.disclaimer{border-left:4px solid var(--warn);background:#fff8c5;padding:8px 12px;margin:12px 0;font-weight:600}
.meta{color:var(--muted)}table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:13px}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}th{background:var(--soft)}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:1px 4px;border-radius:4px;word-break:break-word}
.st{font-weight:700;white-space:nowrap}.st-met{color:var(--ok)}.st-not_met{color:var(--bad)}.st-not_applicable{color:var(--muted)}
.st-partially_met,.st-unknown,.st-not_started,.st-expired,.st-excepted{color:var(--warn)}
details.req{border:1px solid var(--line);border-radius:6px;margin:8px 0;padding:0 12px}details.req>summary{cursor:pointer;padding:8px 0}
ul{margin:4px 0;padding-left:22px}ul.ev{color:var(--muted)}
footer{margin-top:32px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:8px}
@media print{details.req{border:none}main{max-width:none;padding:0}}
`;

const st = (r: RequirementResult) => `<span class="st st-${r.status}">${r.symbol} ${esc(STATUS_TEXT[r.status])}</span>`;

function* htmlChunks(c: Checklist): Generator<string> {
  const title = c.assessment.frameworks.length === 1 ? `${c.assessment.frameworks[0]!.name} checklist` : 'Compliance checklist';
  yield `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${CSS}</style></head><body><main>\n<h1>${esc(title)}</h1>\n<p class="disclaimer">${esc(SELF_ASSESSED)}</p>\n<ul class="meta">${preamble(c).slice(1).map((l) => `<li>${esc(l)}</li>`).join('')}</ul>\n`;
  yield `<table><thead><tr><th>Symbol</th><th>Status</th></tr></thead><tbody>${REQUIREMENT_STATUSES.map((s) => `<tr><td>${STATUS_SYMBOL[s]}</td><td>${esc(STATUS_TEXT[s])}</td></tr>`).join('')}</tbody></table>\n`;
  for (const f of c.assessment.frameworks) {
    yield `<h2>${esc(`${f.name} ${f.version}`)} <code>${esc(f.id)}</code></h2>\n${f.categories.length ? `<p>Categories: ${f.categories.map((x) => `<code>${esc(x)}</code>`).join(', ')}</p>` : ''}<p>${esc(scoreLine(f))}</p><p>${esc(countsLine(f))}</p>\n`;
    for (const [section, reqs] of sections(f)) {
      yield `<h3>${esc(section)}</h3>\n`;
      for (const r of reqs) {
        const ev = evidenceLines(r);
        yield `<details class="req"${r.status === 'not_met' || r.status === 'partially_met' ? ' open' : ''}><summary>${st(r)} <code>${esc(r.id)}</code> ${esc(r.title)}</summary>\n<ul>${r.reasons.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>${ev.length ? `<ul class="ev">${ev.map((e) => `<li><code>${esc(e)}</code></li>`).join('')}</ul>` : ''}</details>\n`;
      }
    }
  }
  yield `<footer>${esc(SELF_ASSESSED)} Generated by attest ${esc(TOOL_VERSION)} at ${esc(c.assessment.assessedAt)}.</footer>\n</main></body></html>\n`;
}

const RENDERERS: Record<ChecklistFormat, (c: Checklist) => Iterable<string>> = {
  text: textChunks,
  json: jsonChunks,
  markdown: markdownChunks,
  csv: csvChunks,
  html: htmlChunks,
};

/** The checklist in `format`, as chunks to write to a file or a pipe. */
export function renderChecklistChunks(c: Checklist, format: ChecklistFormat): Iterable<string> {
  const fn = RENDERERS[format];
  if (!fn) throw new Error(`unknown checklist format ${JSON.stringify(format)}; use one of ${CHECKLIST_FORMATS.join(', ')}`);
  return fn(c);
}

/** The checklist in `format` as one string. */
export function renderChecklist(c: Checklist, format: ChecklistFormat): string {
  return joinChunks(renderChecklistChunks(c, format));
}
