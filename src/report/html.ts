// One self-contained HTML file: inline CSS, no scripts, no external resources.
import type { Finding, Status } from '../model/types.js';
import type { DomainSection, Report } from './model.js';
import { countsText, factViews, findingsByControl, STATUS_LABEL, type TreeNode } from './markdown.js';
import { joinChunks, joinedLines } from './chunks.js';
import { controlIndex, failingControls, fixesFor, typeText, unevaluatedGroups, type Fix } from './digest.js';

/** Escapes & < > " ' — safe in text and in double- or single-quoted attributes. */
export function esc(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const badge = (s: Status | 'not_evaluated') => `<span class="st st-${s}">${esc(STATUS_LABEL[s])}</span>`;
const sev = (s: string) => `<span class="sev sev-${esc(s)}">${esc(s)}</span>`;
const loc = (file: string, line: number, column?: number) => `<code class="loc">${esc(`${file}:${line}${column !== undefined ? `:${column}` : ''}`)}</code>`;
const anchor = (id: string) => `domain-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;

const CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;--pass:#1a7f37;--fail:#cf222e;--unknown:#9a6700;--supp:#6e40c9;--na:#59636e}
*{box-sizing:border-box}
body{font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg);margin:0}
main{max-width:1200px;margin:0 auto;padding:24px 32px 48px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:16px;margin:20px 0 8px}h4{font-size:14px;margin:16px 0 6px}
.meta{color:var(--muted);margin:0 0 12px}
.disclaimer{border-left:4px solid var(--unknown);background:#fff8c5;padding:8px 12px;margin:12px 0}
.alert{border-left:4px solid var(--fail);background:#ffebe9;padding:8px 12px;margin:12px 0}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:13px}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:1px 4px;border-radius:4px;word-break:break-word}
.cards{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0 16px}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:110px}
.card b{display:block;font-size:22px}.card span{color:var(--muted);font-size:12px}
.st{display:inline-block;font-size:11px;font-weight:700;letter-spacing:.03em;padding:1px 6px;border-radius:10px;border:1px solid currentColor;white-space:nowrap}
.st-pass{color:var(--pass)}.st-fail{color:#fff;background:var(--fail);border-color:var(--fail)}.st-unknown{color:var(--unknown)}
.st-suppressed{color:var(--supp)}.st-not_applicable,.st-not_evaluated{color:var(--na)}
.sev{font-size:12px;font-weight:600;text-transform:uppercase}.sev-critical,.sev-high{color:var(--fail)}.sev-medium{color:var(--unknown)}.sev-low,.sev-info{color:var(--muted)}
details.domain{border:1px solid var(--line);border-radius:6px;margin:12px 0;padding:0 16px}
details.domain>summary{cursor:pointer;padding:10px 0;font-size:17px;font-weight:600;list-style-position:outside}
details.domain>summary .counts{font-size:13px;font-weight:400;color:var(--muted);margin-left:8px}
details.ev{margin:4px 0 4px 8px}details.ev>summary{cursor:pointer}
ul.tree{margin:4px 0;padding-left:20px}ul.tree li{margin:1px 0}
ul.gaps{padding-left:20px}ul.gaps li{margin:6px 0}
ul.evidence{margin:2px 0 8px;padding-left:22px;color:var(--muted)}
.empty{color:var(--muted);font-style:italic}
.fix{border-left:4px solid var(--pass);background:var(--soft);padding:4px 10px;margin:6px 0}
footer{margin-top:32px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:8px}
@media print{
  body{font-size:11px}main{max-width:none;padding:0}
  details.domain{border:none;padding:0;break-inside:auto}details.domain>summary{list-style:none}
  h2,h3,h4{break-after:avoid}tr,li{break-inside:avoid}
  .st-fail{color:var(--fail);background:none}
}
`;

function table(header: string[], rows: string[][], numeric: boolean[] = []): string {
  const th = header.map((h, i) => `<th${numeric[i] ? ' class="n"' : ''}>${h}</th>`).join('');
  const trs = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="n"' : ''}>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${trs}\n</tbody>\n</table>`;
}

/**
 * `${open}${items.join('\n')}${close}` as lines (the same text once joined with '\n'), so a
 * list of thousands of findings is handed out in pieces rather than as one string.
 */
function listLines(open: string, items: string[], close: string): string[] {
  if (!items.length) return [open + close];
  const lines = items.slice();
  lines[0] = open + lines[0];
  lines[lines.length - 1] += close;
  return lines;
}

function tree(nodes: TreeNode[]): string {
  if (!nodes.length) return '';
  return `<ul class="tree">${nodes.map((n) => `<li><b>${esc(n.label)}</b>${n.text !== undefined ? `: ${esc(n.text)}` : ''}${n.at ? ` ${loc(n.at.file, n.at.line)}` : ''}${tree(n.children)}</li>`).join('')}</ul>`;
}

function factsHtml(facts: Record<string, unknown>): string {
  const views = factViews(facts);
  if (!views.length) return '<p class="empty">Nothing of this kind is configured in the scanned templates.</p>';
  const out: string[] = [];
  const values = views.filter((v) => v.kind === 'value');
  if (values.length) out.push(`<ul class="tree">${values.map((v) => (v.kind === 'value' ? `<li><b>${esc(v.label)}</b>: ${esc(v.text)}</li>` : '')).join('')}</ul>`);
  for (const v of views) {
    if (v.kind === 'table') {
      out.push(`<h4>${esc(v.label)} (${v.rows.length})</h4>`);
      out.push(table([...v.columns.map(esc), ...(v.located ? ['Defined at'] : [])], v.rows.map((r) => [...r.cells.map(esc), ...(v.located ? [r.at ? loc(r.at.file, r.at.line) : ''] : [])])));
    } else if (v.kind === 'tree') {
      out.push(`<h4>${esc(v.label)}${v.count !== undefined ? ` (${v.count})` : ''}</h4>`);
      out.push(v.nodes.length ? tree(v.nodes) : '<p class="empty">none</p>');
    }
  }
  return out.join('\n');
}

const ACCEPTED = ' <span class="st st-not_applicable">BASELINE</span>';

// The documentation page is shown, not linked: the report links nothing outside itself.
function remediationHtml(fx: Fix, helpUri: string | undefined): string {
  return `<p class="fix"><b>Remediation${fx.label ? ` (${esc(fx.label)})` : ''}:</b> ${esc(fx.text)}${helpUri ? ` (documentation: <code>${esc(helpUri)}</code>)` : ''}</p>`;
}

function evidenceHtml(f: Finding): string {
  const items = f.evidence.map((e) => `<li><code>${esc(e.path)}</code> = <code>${esc(e.value)}</code> at ${loc(e.file, e.line, e.column)}${e.origin ? `, written as <code>${esc(e.origin)}</code>` : ''}${e.note ? ` — ${esc(e.note)}` : ''}</li>`);
  if (f.dependsOn?.length) items.push(`<li>depends on: ${f.dependsOn.map((p) => `<code>${esc(p)}</code>`).join(', ')}</li>`);
  if (f.suppression) {
    const s = f.suppression;
    items.push(`<li>${s.expired ? 'expired suppression' : 'suppressed'} (${esc(s.source)}, ${loc(s.file, s.line)}): ${esc(s.reason)}${s.expires ? ` — expires ${esc(s.expires)}` : ''}</li>`);
  }
  return items.length ? `<ul class="evidence">${items.join('')}</ul>` : '';
}

/** A domain's lines (never joined: a domain may hold most of a large report). */
function domainHtml(r: Report, d: DomainSection): string[] {
  const out: string[] = [];
  const open = d.gaps.length ? ' open' : '';
  out.push(`<details class="domain" id="${anchor(d.id)}"${open}>`);
  out.push(`<summary>${esc(d.title)}<span class="counts">${esc(countsText(d.summary))}${d.gaps.length ? ` · ${d.gaps.length} gap(s)` : ''}</span></summary>`);
  if (!r.findings.some((f) => f.domain === d.id) && !factViews(d.facts).length) {
    const n = d.controls.length;
    out.push(`<p class="empty">Nothing of this kind was found in the scanned templates${n ? `; ${n} control(s) not evaluated (${d.controls.map((c) => esc(c.id)).join(', ')})` : ''}.</p>`, '</details>');
    return out;
  }
  out.push('<h3>Configured</h3>', factsHtml(d.facts));
  out.push('<h3>Controls</h3>');
  out.push(d.controls.length
    ? table(['Control', 'Title', 'Severity', 'Result', 'Pass', 'Fail', 'Unknown', 'Suppressed', 'N/A'],
      d.controls.map((c) => [`<code>${esc(c.id)}</code>`, esc(c.title), sev(c.severity), badge(c.status), ...[c.counts.pass, c.counts.fail, c.counts.unknown, c.counts.suppressed, c.counts.not_applicable].map(String)]),
      [false, false, false, false, true, true, true, true, true])
    : '<p class="empty">No controls in this domain yet.</p>');
  out.push('<h3>Gaps</h3>');
  const gaps = d.gaps.map((g) => `<li>${badge(g.status)}${g.baseline === 'unchanged' ? ACCEPTED : ''} ${sev(g.severity)} <code>${esc(g.controlId)}</code> ${esc(g.title)} — <code>${esc(g.resource.id)}</code> (${esc(typeText(g.resource))}): ${esc(g.message)} ${loc(g.location.file, g.location.line, g.location.column)}${g.origin ? ` <code>${esc(g.origin)}</code>` : ''}</li>`);
  if (gaps.length) for (const l of listLines('<ul class="gaps">', gaps, '</ul>')) out.push(l);
  else out.push('<p class="empty">No failing or undecidable findings.</p>');
  const groups = findingsByControl(r, d);
  if (groups.length) {
    out.push('<h3>Evidence</h3>');
    const catalog = controlIndex(r);
    for (const { control, findings } of groups) {
      const shown = findings.filter((f) => f.status !== 'not_applicable');
      const na = findings.length - shown.length;
      const worst = findings[0]!.status;
      out.push(`<details class="ev"><summary>${badge(worst)} <code>${esc(control.id)}</code> ${esc(control.title)} <span class="meta">(${findings.length} resource result(s))</span></summary>`);
      const fix = catalog.get(control.id);
      const fixes = fixesFor(fix, findings.filter((f) => f.status === 'fail'));
      fixes.forEach((fx, i) => out.push(remediationHtml(fx, i === fixes.length - 1 ? fix?.helpUri : undefined)));
      const items = shown.map((f) => {
        const kind = f.resource.sourceType && f.resource.sourceType !== f.resource.type ? ` (<code>${esc(f.resource.sourceType)}</code>)` : '';
        return `<li>${badge(f.status)}${f.baseline === 'unchanged' ? ACCEPTED : ''} <code>${esc(f.resource.id)}</code>${kind} — ${esc(f.message)} ${loc(f.location.file, f.location.line, f.location.column)}${evidenceHtml(f)}</li>`;
      });
      for (const l of listLines('<ul class="tree">', items, `${na ? `<li class="empty">${na} resource(s) not applicable</li>` : ''}</ul>`)) out.push(l);
      out.push('</details>');
    }
  }
  out.push('</details>');
  return out;
}

export const renderHtml = (r: Report): string => joinChunks(renderHtmlChunks(r));

export function* renderHtmlChunks(r: Report): Generator<string, void, undefined> {
  yield* joinedLines(htmlGroups(r));
}

function* htmlGroups(r: Report): Generator<string[], void, undefined> {
  const s = r.summary;
  const fs = s.failedBySeverity;
  const errs = r.sources.flatMap((src) => src.errors.map((e) => ({ file: src.file, ...e })));
  const card = (n: number, label: string) => `<div class="card"><b>${n}</b><span>${esc(label)}</span></div>`;
  let out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${esc(`${r.tool.name} ${r.tool.version}`)}">`,
    `<title>Attest compliance report — ${esc(r.generatedAt)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
  ];
  out.push('<header>', '<h1>Attest compliance report</h1>');
  out.push(`<p class="meta">Generated ${esc(r.generatedAt)} by ${esc(`${r.tool.name} ${r.tool.version}`)} (report schema ${esc(r.schemaVersion)}) · scanned ${r.scan.paths.map((p) => `<code>${esc(p)}</code>`).join(', ') || '—'} · parameters: ${r.scan.parameters.length ? r.scan.parameters.map((p) => `<code>${esc(p.name)}</code>`).join(', ') : 'template defaults only'} · gate <code>--fail-on ${esc(r.scan.failOn)}</code> → exit ${s.exitCode}</p>`);
  if (r.ignores) out.push(`<p class="meta">Ignore file(s) ${r.ignores.files.map((f) => `<code>${esc(f)}</code>`).join(', ')}: ${r.ignores.entries} entr${r.ignores.entries === 1 ? 'y' : 'ies'}, ${r.ignores.suppressed} finding(s) suppressed, ${r.ignores.expired.length} expired.</p>`);
  if (r.baseline) out.push(`<p class="meta">Baseline <code>${esc(r.baseline.file)}</code>: ${r.baseline.accepted} failing finding(s) accepted (they do not fail the gate), ${r.baseline.new} new; ${r.baseline.resolved} it records no longer fail.</p>`);
  out.push(`<p class="disclaimer"><b>Disclaimer:</b> ${esc(r.disclaimer)}</p>`, '</header>');
  out.push('<h2>Summary</h2>', '<div class="cards">',
    card(s.files, 'files'), card(s.resources, 'resources'), card(s.controls, 'controls'), card(s.findings, 'findings'),
    card(s.byStatus.pass, 'pass'), card(s.byStatus.fail, 'fail'), card(s.byStatus.unknown, 'unknown'), card(s.byStatus.suppressed, 'suppressed'),
    card(s.byStatus.not_applicable, 'not applicable'), card(s.sourceErrors, 'input errors'), '</div>');
  out.push(`<p><b>Failed by severity:</b> ${sev('critical')} ${fs.critical} · ${sev('high')} ${fs.high} · ${sev('medium')} ${fs.medium} · ${sev('low')} ${fs.low} · ${sev('info')} ${fs.info}</p>`);
  if (errs.length) out.push(`<p class="alert"><b>Warning:</b> ${errs.length} input error(s): some files were not fully evaluated. See <a href="#input-errors">Input errors</a>.</p>`);
  const ranked = failingControls(r);
  if (ranked.length) {
    out.push('<h3>Failing controls</h3>', '<p class="meta">Most severe first, then most failures.</p>');
    out.push(table(['Control', 'Title', 'Severity', 'Failing', 'Resources', 'Remediation'],
      ranked.map((c) => [`<code>${esc(c.id)}</code>`, esc(c.title), sev(c.severity), `${c.count}${c.accepted ? ` (${c.accepted} accepted)` : ''}`, String(c.resources),
        `${esc(c.fixes.map((fx) => `${fx.label ? `${fx.label}: ` : ''}${fx.text}`).join(' ') || '—')}${c.helpUri ? ` (<code>${esc(c.helpUri)}</code>)` : ''}`]),
      [false, false, false, true, true, false]));
  }
  out.push(table(['Domain', 'Pass', 'Fail', 'Unknown', 'Suppressed', 'N/A', 'Gaps'],
    r.domains.map((d) => [`<a href="#${anchor(d.id)}">${esc(d.title)}</a>`, ...[d.summary.pass, d.summary.fail, d.summary.unknown, d.summary.suppressed, d.summary.not_applicable, d.gaps.length].map(String)]),
    [false, true, true, true, true, true, true]));
  out.push('<h2>Control domains</h2>');
  yield out;
  for (const d of r.domains) yield domainHtml(r, d);
  out = ['<h2 id="input-errors">Input errors</h2>'];
  const errItems = errs.map((e) => `<li><span class="st st-fail">ERROR</span> ${loc(e.file, e.line, e.column)}: ${esc(e.message)}</li>`);
  if (errItems.length) for (const l of listLines('<ul class="gaps">', errItems, '</ul>')) out.push(l);
  else out.push(`<p class="empty">None: all ${r.sources.length} file(s) were read completely.</p>`);
  const warns = r.sources.flatMap((src) => (src.warnings ?? []).map((e) => ({ file: src.file, ...e })));
  if (warns.length) {
    out.push('<h2 id="source-warnings">Source warnings</h2>', `<p>${warns.length} thing(s) were read but could not be evaluated faithfully (they do not fail the run):</p>`);
    for (const l of listLines('<ul class="gaps">', warns.map((e) => `<li><span class="st st-unknown">WARNING</span> ${loc(e.file, e.line, e.column)}: ${esc(e.message)}</li>`), '</ul>')) out.push(l);
  }
  if (r.ignores?.expired.length) {
    out.push('<h2 id="expired-ignores">Expired ignore entries</h2>', '<p>These entries of the ignore file are past their date and no longer apply:</p>');
    const items = r.ignores.expired.map((e) => {
      const scope = [e.resource ? `resource <code>${esc(e.resource)}</code>` : '', e.file ? `file <code>${esc(e.file)}</code>` : ''].filter(Boolean).join(', ');
      return `<li><span class="st st-unknown">EXPIRED</span> ${loc(e.at.file, e.at.line, e.at.column)} <code>${esc(e.control)}</code>${scope ? ` (${scope})` : ''}, expired ${esc(e.expires)}: ${esc(e.reason)}${e.matched ? ` — ${e.matched} finding(s) no longer suppressed` : ''}</li>`;
    });
    for (const l of listLines('<ul class="gaps">', items, '</ul>')) out.push(l);
  }
  const groupsU = unevaluatedGroups(r.unevaluated ?? []);
  if (groupsU.length) {
    out.push('<h2 id="not-evaluated">Not evaluated</h2>');
    for (const g of groupsU) out.push(`<h4>${esc(g.heading)} (${g.total})</h4>`, table(['Type', 'Resources'], g.entries.map((e) => [`<code>${esc(e.label)}</code>`, String(e.count)]), [false, true]));
  }
  if (r.skipped.length) {
    out.push('<h2 id="skipped-files">Skipped files</h2>', `<p>${r.skipped.length} candidate file(s) found in the scanned folders were not scanned:</p>`);
    for (const l of listLines('<ul class="gaps">', r.skipped.map((k) => `<li><code>${esc(k.file)}</code>: ${esc(k.reason)}</li>`), '</ul>')) out.push(l);
  }
  const fws = Object.entries(r.frameworks);
  if (fws.length) out.push('<h2>Frameworks referenced</h2>', table(['ID', 'Framework', 'Mapping source'], fws.map(([id, f]) => [`<code>${esc(id)}</code>`, esc(f.title), esc(f.source)])));
  out.push(`<footer>${esc(r.disclaimer)} Tool: ${esc(r.tool.name)} ${esc(r.tool.version)} (${esc(r.tool.informationUri)}).</footer>`);
  out.push('</main>', '</body>', '</html>', '');
  yield out;
}
