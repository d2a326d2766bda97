// Markdown report, plus the format-neutral helpers the HTML report shares with it
// (labels, and the view that turns arbitrary facts JSON into tables and trees).
import type { Finding, Status } from '../model/types.js';
import type { ControlSummary, DomainSection, Report, ReportFinding } from './model.js';
import { joinChunks, joinedLines } from './chunks.js';
import { controlIndex, failingControls, fixesFor, typeText, unevaluatedGroups } from './digest.js';

// ---------------------------------------------------------------- shared helpers

export const STATUS_LABEL: Record<Status | 'not_evaluated', string> = {
  pass: 'PASS', fail: 'FAIL', unknown: 'UNKNOWN', suppressed: 'SUPPRESSED', not_applicable: 'N/A', not_evaluated: 'NOT EVALUATED',
};

const ACRONYMS: Record<string, string> = {
  id: 'ID', ids: 'IDs', kms: 'KMS', iam: 'IAM', mfa: 'MFA', sse: 'SSE', sqs: 'SQS', sns: 'SNS', ssl: 'SSL', tls: 'TLS', api: 'API', oauth: 'OAuth',
  cidr: 'CIDR', ecs: 'ECS', vpc: 'VPC', vpcs: 'VPCs', acl: 'ACL', m2m: 'M2M', sam: 'SAM', waf: 'WAF', az: 'AZ', uri: 'URI', http: 'HTTP', jwt: 'JWT',
  ip: 'IP', cloudfront: 'CloudFront', rds: 'RDS', s3: 'S3', arn: 'ARN', arns: 'ARNs', aws: 'AWS', db: 'DB', ttl: 'TTL', url: 'URL',
};

/** `userPools` -> "User pools", `kmsKey` -> "KMS key", `multiAZ` -> "Multi AZ". */
export function humanize(key: string): string {
  const words = key.replace(/cloudFront/g, 'cloudfront ').replace(/[_-]+/g, ' ').split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|\s+/).filter(Boolean);
  return words.map((w, i) => {
    const a = ACRONYMS[w.toLowerCase()];
    if (a) return a;
    if (w.length > 1 && w === w.toUpperCase()) return w;
    return i === 0 ? w[0]!.toUpperCase() + w.slice(1).toLowerCase() : w.toLowerCase();
  }).join(' ');
}

type Scalar = string | number | boolean | null | undefined;
const isScalar = (v: unknown): v is Scalar => v === null || v === undefined || ['string', 'number', 'boolean'].includes(typeof v);
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalarArray = (v: unknown): v is Scalar[] => Array.isArray(v) && v.every(isScalar);

export function scalarText(v: Scalar): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

export interface At { file: string; line: number }
const atOf = (o: Record<string, unknown>): At | undefined =>
  typeof o.file === 'string' && typeof o.line === 'number' ? { file: o.file, line: o.line } : undefined;
const LABEL_KEYS = ['id', 'name', 'key', 'type'];
const labelKey = (o: Record<string, unknown>): string | undefined => LABEL_KEYS.find((k) => typeof o[k] === 'string' || typeof o[k] === 'number');

/** A fact, ready to format: a short value, a table (flat, small arrays of objects) or a tree. */
export type FactView =
  | { kind: 'value'; label: string; text: string }
  | { kind: 'table'; label: string; columns: string[]; located: boolean; rows: { at?: At; cells: string[] }[] }
  | { kind: 'tree'; label: string; count?: number; nodes: TreeNode[] };

export interface TreeNode { label: string; at?: At; text?: string; children: TreeNode[] }

const MAX_TABLE_ROWS = 100;
const MAX_TABLE_COLUMNS = 8;
const MAX_CELL_LIST = 12;
const MAX_DEPTH = 5;

function listText(items: Scalar[]): string {
  return items.length ? items.map(scalarText).join(', ') : 'none';
}

function tableOf(label: string, arr: unknown[]): FactView | undefined {
  if (!arr.length || arr.length > MAX_TABLE_ROWS || !arr.every(isPlainObject)) return undefined;
  const objs = arr as Record<string, unknown>[];
  const located = objs.every((o) => atOf(o));
  const cols: string[] = [];
  for (const o of objs) for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue;
    if (!(isScalar(v) || (isScalarArray(v) && v.length <= MAX_CELL_LIST))) return undefined;
    if (located && (k === 'file' || k === 'line')) continue;
    if (!cols.includes(k)) cols.push(k);
  }
  if (!cols.length || cols.length > MAX_TABLE_COLUMNS) return undefined;
  const lk = labelKey(objs[0]!);
  if (lk && cols.includes(lk)) cols.splice(cols.indexOf(lk), 1), cols.unshift(lk);
  return {
    kind: 'table', label, located, columns: cols.map(humanize),
    rows: objs.map((o) => ({ at: located ? atOf(o) : undefined, cells: cols.map((c) => (Array.isArray(o[c]) ? listText(o[c] as Scalar[]) : scalarText(o[c] as Scalar))) })),
  };
}

/** Where an object is defined: its own file and line, or its line in the file of the nearest located ancestor. */
function located(o: Record<string, unknown>, file: string | undefined): At | undefined {
  return atOf(o) ?? (file !== undefined && typeof o.line === 'number' && o.file === undefined ? { file, line: o.line } : undefined);
}

function entries(o: Record<string, unknown>, at: At | undefined, skip: string | undefined, depth: number, file: string | undefined): TreeNode[] {
  return Object.entries(o)
    .filter(([k, x]) => x !== undefined && k !== skip && !(at && (k === 'file' || k === 'line')) && !(x === null && depth >= 2))
    .map(([k, x]) => node(humanize(k), x, depth + 1, at?.file ?? file));
}

function node(label: string, v: unknown, depth: number, file?: string): TreeNode {
  if (isScalar(v)) return { label, text: scalarText(v), children: [] };
  if (isScalarArray(v)) return { label, text: listText(v), children: [] };
  if (depth >= MAX_DEPTH) return { label, text: JSON.stringify(v), children: [] };
  if (Array.isArray(v)) {
    return { label: `${label} (${v.length})`, children: v.map((it, i) => (isPlainObject(it) ? objectNode(it, `#${i + 1}`, depth + 1, file) : node(`#${i + 1}`, it, depth + 1, file))) };
  }
  const o = v as Record<string, unknown>;
  const at = located(o, file);
  return { label, at, children: entries(o, at, undefined, depth, file) };
}

/** An array item: labelled by its id/name/key/type, located when it carries file and line. */
function objectNode(o: Record<string, unknown>, fallback: string, depth: number, file?: string): TreeNode {
  const lk = labelKey(o);
  const at = located(o, file);
  return { label: lk ? String(o[lk]) : fallback, at, children: entries(o, at, lk, depth, file) };
}

/** Every fact of a domain, short values first. */
export function factViews(facts: Record<string, unknown>): FactView[] {
  const short: FactView[] = [];
  const long: FactView[] = [];
  for (const [k, v] of Object.entries(facts)) {
    const label = humanize(k);
    if (v === undefined) continue;
    if (isScalar(v)) short.push({ kind: 'value', label, text: scalarText(v) });
    else if (isScalarArray(v)) short.push({ kind: 'value', label: v.length ? `${label} (${v.length})` : label, text: listText(v) });
    else if (Array.isArray(v)) long.push(tableOf(label, v) ?? { kind: 'tree', label, count: v.length, nodes: node(label, v, 0).children });
    else long.push({ kind: 'tree', label, nodes: node(label, v, 0).children });
  }
  return [...short, ...long];
}

/** GitHub-style heading anchor. */
export function slug(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').trim().replace(/\s/g, '-');
}

export const countsText = (n: DomainSection['summary']) =>
  `${n.pass} pass · ${n.fail} fail · ${n.unknown} unknown · ${n.suppressed} suppressed · ${n.not_applicable} not applicable`;

const SEV_ORDER = { critical: 0, high: 1, medium: 2, low: 3, info: 4 } as const;
const STATUS_ORDER: Record<Status, number> = { fail: 0, unknown: 1, suppressed: 2, pass: 3, not_applicable: 4 };

/** Findings of a domain grouped by control (catalog order, then any control not in the catalog). */
export function findingsByControl(r: Report, d: DomainSection): { control: Pick<ControlSummary, 'id' | 'title' | 'severity'>; findings: ReportFinding[] }[] {
  const fs = r.findings.filter((f) => f.domain === d.id);
  const ids = [...d.controls.map((c) => c.id), ...[...new Set(fs.map((f) => f.controlId))].filter((id) => !d.controls.some((c) => c.id === id)).sort()];
  return ids.map((id) => {
    const mine = fs.filter((f) => f.controlId === id)
      .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.resource.file.localeCompare(b.resource.file) || a.resource.line - b.resource.line);
    const c = d.controls.find((x) => x.id === id) ?? { id, title: mine[0]?.title ?? id, severity: mine[0]?.severity ?? 'info' };
    return { control: c, findings: mine };
  }).filter((g) => g.findings.length);
}

export const severityRank = (s: keyof typeof SEV_ORDER) => SEV_ORDER[s];

// ---------------------------------------------------------------- markdown

const MD_SPECIAL = /[\\`*_[\]<>|&~]/g;

/** Inline text: Markdown and HTML metacharacters escaped, line breaks collapsed. */
export function mdText(s: string): string {
  return s.replace(MD_SPECIAL, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`)).replace(/\r\n|\r|\n/g, ' ');
}

/** A table cell: as inline text, with line breaks kept as <br>. */
export function mdCell(s: string): string {
  return s.split(/\r\n|\r|\n/).map(mdText).join('<br>');
}

/** A code span; `inTable` escapes | (GFM requires it even inside code in a table). */
export function mdCode(s: string, inTable = false): string {
  let t = s.replace(/\r\n|\r|\n/g, ' ');
  if (inTable) t = t.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || (t.startsWith(' ') && t.endsWith(' ') && t.trim()) ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** A link to a file and line, relative as written (GitHub `#L` line anchors). */
export function mdLink(file: string, line: number): string {
  const target = file.replace(/\\/g, '/').split('/').map((seg, i) => (i === 0 && /^[A-Za-z]:$/.test(seg) ? seg : encodeURIComponent(seg))).join('/');
  return `[${mdText(`${file}:${line}`)}](${target}#L${Math.max(1, line)})`;
}

const MD_STATUS: Record<Status | 'not_evaluated', string> = {
  pass: '✅ PASS', fail: '❌ FAIL', unknown: '❔ UNKNOWN', suppressed: '🔕 SUPPRESSED', not_applicable: '➖ N/A', not_evaluated: 'NOT EVALUATED',
};

function table(header: string[], rows: string[][], align?: ('l' | 'r')[]): string[] {
  const sep = header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [`| ${header.join(' | ')} |`, `| ${sep.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function treeMd(nodes: TreeNode[], indent: string, out: string[]): void {
  for (const n of nodes) {
    const at = n.at ? ` (${mdLink(n.at.file, n.at.line)})` : '';
    const text = n.text !== undefined ? `: ${mdText(n.text)}` : '';
    out.push(`${indent}- **${mdText(n.label)}**${text}${at}`);
    treeMd(n.children, indent + '  ', out);
  }
}

function factsMd(facts: Record<string, unknown>): string[] {
  const out: string[] = [];
  const views = factViews(facts);
  const values = views.filter((v) => v.kind === 'value');
  if (!views.length) return ['_Nothing of this kind is configured in the scanned templates._', ''];
  for (const v of values) if (v.kind === 'value') out.push(`- **${mdText(v.label)}**: ${mdText(v.text)}`);
  if (values.length) out.push('');
  for (const v of views) {
    if (v.kind === 'table') {
      out.push(`**${mdText(v.label)}** (${v.rows.length})`, '');
      out.push(...table(v.located ? [...v.columns.map(mdCell), 'Defined at'] : v.columns.map(mdCell),
        v.rows.map((r) => [...r.cells.map(mdCell), ...(r.at ? [mdLink(r.at.file, r.at.line)] : v.located ? [''] : [])])));
      out.push('');
    } else if (v.kind === 'tree') {
      out.push(`**${mdText(v.label)}**${v.count !== undefined ? ` (${v.count})` : ''}`, '');
      if (!v.nodes.length) out.push('_none_');
      treeMd(v.nodes, '', out);
      out.push('');
    }
  }
  return out;
}

function evidenceMd(f: Finding, indent: string): string[] {
  const lines = f.evidence.map((e) => `${indent}- ${mdCode(e.path)} = ${mdCode(e.value)} (${mdLink(e.file, e.line)})${e.origin ? `, written as ${mdCode(e.origin)}` : ''}${e.note ? ` — ${mdText(e.note)}` : ''}`);
  if (f.dependsOn?.length) lines.push(`${indent}- depends on: ${f.dependsOn.map((p) => mdCode(p)).join(', ')}`);
  if (f.suppression) {
    const s = f.suppression;
    lines.push(`${indent}- ${s.expired ? 'expired suppression' : 'suppressed'} (${mdText(s.source)}, ${mdLink(s.file, s.line)}): ${mdText(s.reason)}${s.expires ? ` — expires ${mdText(s.expires)}` : ''}`);
  }
  return lines;
}

function domainMd(r: Report, d: DomainSection): string[] {
  const out: string[] = [`## ${mdText(d.title)}`, ''];
  const hasFindings = r.findings.some((f) => f.domain === d.id);
  if (!hasFindings && !factViews(d.facts).length) {
    const n = d.controls.length;
    return [...out, `_Nothing of this kind was found in the scanned templates${n ? `; ${n} control(s) not evaluated (${d.controls.map((c) => mdCode(c.id)).join(', ')})` : ''}._`, ''];
  }
  out.push(`_${countsText(d.summary)}_`, '');
  out.push('### Configured', '', ...factsMd(d.facts));
  out.push('### Controls', '');
  if (d.controls.length) {
    out.push(...table(['Control', 'Title', 'Severity', 'Result', 'Pass', 'Fail', 'Unknown', 'Suppressed', 'N/A'],
      d.controls.map((c) => [mdCode(c.id, true), mdCell(c.title), c.severity, MD_STATUS[c.status], ...[c.counts.pass, c.counts.fail, c.counts.unknown, c.counts.suppressed, c.counts.not_applicable].map(String)]),
      ['l', 'l', 'l', 'l', 'r', 'r', 'r', 'r', 'r']));
  } else out.push('_No controls in this domain yet._');
  out.push('');
  out.push('### Gaps', '');
  if (!d.gaps.length) out.push('_No failing or undecidable findings._');
  for (const g of d.gaps) {
    out.push(`- ${MD_STATUS[g.status]}${g.baseline === 'unchanged' ? ' (accepted by the baseline)' : ''} · **${g.severity}** · ${mdCode(g.controlId)} ${mdText(g.title)} — ${mdCode(g.resource.id)} (${mdText(typeText(g.resource))}): ${mdText(g.message)} — ${mdLink(g.location.file, g.location.line)}${g.origin ? ` (${mdCode(g.origin)})` : ''}`);
  }
  out.push('');
  const groups = findingsByControl(r, d);
  if (groups.length) {
    out.push('### Evidence', '');
    const catalog = controlIndex(r);
    for (const { control, findings } of groups) {
      out.push(`#### ${mdCode(control.id)} ${mdText(control.title)}`, '');
      const fix = catalog.get(control.id);
      const fixes = fixesFor(fix, findings.filter((f) => f.status === 'fail'));
      fixes.forEach((fx, i) => {
        const doc = fix?.helpUri && i === fixes.length - 1 ? ` ([documentation](${fix.helpUri.replace(/[()\s]/g, encodeURIComponent)}))` : '';
        out.push(`**Remediation${fx.label ? ` (${fx.label})` : ''}:** ${mdText(fx.text)}${doc}`, '');
      });
      const na = findings.filter((f) => f.status === 'not_applicable').length;
      for (const f of findings.filter((x) => x.status !== 'not_applicable')) {
        const kind = f.resource.sourceType && f.resource.sourceType !== f.resource.type ? ` (${mdCode(f.resource.sourceType)})` : '';
        const base = f.baseline === 'unchanged' ? ' (accepted by the baseline)' : '';
        out.push(`- ${MD_STATUS[f.status]}${base} ${mdCode(f.resource.id)}${kind} — ${mdText(f.message)} (${mdLink(f.location.file, f.location.line)})`);
        out.push(...evidenceMd(f, '  '));
      }
      if (na) out.push(`- ${na} resource(s) not applicable`);
      out.push('');
    }
  }
  return out;
}

export function* renderMarkdownChunks(r: Report): Generator<string, void, undefined> {
  yield* joinedLines(markdownGroups(r));
}

export const renderMarkdown = (r: Report): string => joinChunks(renderMarkdownChunks(r));

/** The report's lines, a domain at a time, so the whole document is never one array or string. */
function* markdownGroups(r: Report): Generator<string[], void, undefined> {
  const s = r.summary;
  let out: string[] = ['# Attest compliance report', '', `> **Disclaimer:** ${mdText(r.disclaimer)}`, ''];
  out.push(...table(['', ''], [
    ['Generated', `${mdText(r.generatedAt)} by ${mdText(`${r.tool.name} ${r.tool.version}`)} (report schema ${mdText(r.schemaVersion)})`],
    ['Scanned', r.scan.paths.map((p) => mdCode(p, true)).join(', ') || '—'],
    ['Parameters', r.scan.parameters.length ? r.scan.parameters.map((p) => mdCode(p.name, true)).join(', ') + ' (given on the command line)' : 'template defaults only'],
    ['Gate', `${mdCode(`--fail-on ${r.scan.failOn}`, true)} → exit ${s.exitCode}`],
    ...(r.ignores ? [['Ignore files', `${r.ignores.files.map((f) => mdCode(f, true)).join(', ')}: ${r.ignores.entries} entr${r.ignores.entries === 1 ? 'y' : 'ies'}, ${r.ignores.suppressed} finding(s) suppressed, ${r.ignores.expired.length} expired`]] : []),
    ...(r.baseline ? [['Baseline', `${mdCode(r.baseline.file, true)}: ${r.baseline.accepted} failing finding(s) accepted (they do not fail the gate), ${r.baseline.new} new; ${r.baseline.resolved} it records no longer fail`]] : []),
  ]));
  out.push('', '## Summary', '');
  out.push(...table(['Files', 'Resources', 'Controls', 'Findings', 'Pass', 'Fail', 'Unknown', 'Suppressed', 'Not applicable', 'Input errors'],
    [[s.files, s.resources, s.controls, s.findings, s.byStatus.pass, s.byStatus.fail, s.byStatus.unknown, s.byStatus.suppressed, s.byStatus.not_applicable, s.sourceErrors].map(String)],
    Array(10).fill('r')));
  const fs = s.failedBySeverity;
  out.push('', `**Failed by severity:** critical ${fs.critical} · high ${fs.high} · medium ${fs.medium} · low ${fs.low} · info ${fs.info}`, '');
  if (s.sourceErrors) out.push(`> **Warning:** ${s.sourceErrors} input error(s): some files were not fully evaluated. See [Input errors](#input-errors).`, '');
  const ranked = failingControls(r);
  if (ranked.length) {
    out.push('### Failing controls', '', '_Most severe first, then most failures._', '');
    out.push(...table(['Control', 'Title', 'Severity', 'Failing', 'Resources', 'Remediation'],
      ranked.map((c) => [mdCode(c.id, true), mdCell(c.title), c.severity, String(c.count) + (c.accepted ? ` (${c.accepted} accepted)` : ''), String(c.resources), mdCell(c.fixes.map((fx) => `${fx.label ? `${fx.label}: ` : ''}${fx.text}`).join(' ') || '—')]),
      ['l', 'l', 'l', 'r', 'r', 'l']));
    out.push('');
  }
  out.push(...table(['Domain', 'Pass', 'Fail', 'Unknown', 'Suppressed', 'N/A', 'Gaps'],
    r.domains.map((d) => [`[${mdText(d.title)}](#${slug(d.title)})`, ...[d.summary.pass, d.summary.fail, d.summary.unknown, d.summary.suppressed, d.summary.not_applicable, d.gaps.length].map(String)]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r']));
  out.push('');
  yield out;
  for (const d of r.domains) yield domainMd(r, d);
  out = ['## Input errors', ''];
  const errs = r.sources.flatMap((src) => src.errors.map((e) => ({ file: src.file, ...e })));
  if (!errs.length) out.push(`_None: all ${r.sources.length} file(s) were read completely._`);
  for (const e of errs) out.push(`- ${mdLink(e.file, e.line)} (column ${e.column}): ${mdText(e.message)}`);
  out.push('');
  const warns = r.sources.flatMap((src) => (src.warnings ?? []).map((e) => ({ file: src.file, ...e })));
  if (warns.length) {
    out.push('## Source warnings', '', `${warns.length} thing(s) were read but could not be evaluated faithfully (they do not fail the run):`, '');
    for (const e of warns) out.push(`- ${mdLink(e.file, e.line)} (column ${e.column}): ${mdText(e.message)}`);
    out.push('');
  }
  if (r.ignores?.expired.length) {
    out.push('## Expired ignore entries', '', 'These entries of the ignore file are past their date and no longer apply:', '');
    for (const e of r.ignores.expired) {
      const scope = [e.resource ? `resource ${mdCode(e.resource)}` : '', e.file ? `file ${mdCode(e.file)}` : ''].filter(Boolean).join(', ');
      out.push(`- ${mdLink(e.at.file, e.at.line)} ${mdCode(e.control)}${scope ? ` (${scope})` : ''}, expired ${mdText(e.expires)}: ${mdText(e.reason)}${e.matched ? ` — ${e.matched} finding(s) no longer suppressed` : ''}`);
    }
    out.push('');
  }
  const groupsU = unevaluatedGroups(r.unevaluated ?? []);
  if (groupsU.length) {
    out.push('## Not evaluated', '');
    for (const g of groupsU) {
      out.push(`**${mdText(g.heading)}** (${g.total})`, '');
      out.push(...table(['Type', 'Resources'], g.entries.map((e) => [mdCode(e.label, true), String(e.count)]), ['l', 'r']));
      out.push('');
    }
  }
  if (r.skipped.length) {
    out.push('## Skipped files', '', `${r.skipped.length} candidate file(s) found in the scanned folders were not scanned:`, '');
    for (const k of r.skipped) out.push(`- ${mdCode(k.file)}: ${mdText(k.reason)}`);
    out.push('');
  }
  const fws = Object.entries(r.frameworks);
  if (fws.length) {
    out.push('## Frameworks referenced', '');
    out.push(...table(['ID', 'Framework', 'Mapping source'], fws.map(([id, f]) => [mdCode(id, true), mdCell(f.title), mdCell(f.source)])));
    out.push('');
  }
  out.push('---', '', `_${mdText(r.disclaimer)}_`, '');
  yield out;
}
