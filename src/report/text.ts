import type { Report } from './model.js';
import { failingControls, unevaluatedGroups } from './digest.js';

/** One line per input error, `  file:line:column: message`, for every command that scans. */
export function inputErrorLines(sources: readonly { file: string; errors: readonly { file?: string; line: number; column: number; message: string }[] }[]): string[] {
  // Line 0 means the error is about the path itself (missing, a FIFO, a link out): no position to show.
  return sources.flatMap((src) => src.errors.map((e) => `  ${e.file ?? src.file}${e.line > 0 ? `:${e.line}:${e.column}` : ''}: ${e.message}`));
}

/** One line per source warning, `  file:line:column: message`. */
export function warningLines(sources: readonly { file: string; warnings?: readonly { file?: string; line: number; column: number; message: string }[] }[]): string[] {
  return inputErrorLines(sources.map((s) => ({ file: s.file, errors: s.warnings ?? [] })));
}

/**
 * The terminal view: per domain, a count line, the gaps (failures first) and key facts; then
 * the failing controls ranked with how to fix each, what was read but not evaluated, and the gate.
 */
export function renderText(r: Report, opts: { color: boolean; maxGapsPerDomain?: number; maxRanked?: number } = { color: false }): string {
  const c = (code: string, s: string) => (opts.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const bold = (s: string) => c('1', s);
  const max = opts.maxGapsPerDomain ?? 12;
  const out: string[] = [];
  const s = r.summary;
  out.push(bold(`Attest compliance report`) + `  (${r.tool.name} ${r.tool.version}, ${r.generatedAt})`);
  out.push(`${s.files} file(s), ${s.resources} resources, ${s.controls} controls, ${s.findings} findings`);
  const nothing = nothingScanned(r);
  if (nothing) out.push(bold(nothing));
  if (r.skipped.length) out.push(`${r.skipped.length} candidate file(s) skipped; the reasons are in --format json ("skipped").`);
  out.push('');
  for (const d of r.domains) {
    const n = d.summary;
    if (n.pass + n.fail + n.unknown + n.suppressed + n.not_applicable === 0 && Object.keys(d.facts).length === 0) continue;
    out.push(bold(d.title) + `  ${c('32', `${n.pass} pass`)}, ${n.fail ? c('31', `${n.fail} fail`) : '0 fail'}, ${n.unknown ? c('33', `${n.unknown} unknown`) : '0 unknown'}, ${n.suppressed} suppressed`);
    const factLine = summariseFacts(d.facts);
    if (factLine) out.push(`  configured: ${factLine}`);
    d.gaps.slice(0, max).forEach((g) => {
      const tag = g.status === 'fail' ? c('31', 'FAIL') : c('33', 'UNKNOWN');
      const base = g.baseline === 'unchanged' ? ' (baseline)' : '';
      const kind = g.resource.sourceType && g.resource.sourceType !== g.resource.type ? ` (${g.resource.sourceType})` : '';
      out.push(`  ${tag}${base} ${g.severity.padEnd(8)} ${g.controlId} ${g.resource.id}${kind}: ${g.message}`);
      out.push(`       at ${g.location.file}:${g.location.line}:${g.location.column}${g.origin ? ` (${g.origin})` : ''}`);
    });
    if (d.gaps.length > max) out.push(`  … and ${d.gaps.length - max} more (see --format json/markdown/html)`);
    out.push('');
  }
  out.push(...rankedLines(r, c, opts.maxRanked ?? 10));
  out.push(...unevaluatedLines(r));
  const warned = r.sources.filter((x) => x.warnings?.length);
  if (warned.length) {
    out.push(bold(c('33', `Warnings (${warned.reduce((n, x) => n + (x.warnings?.length ?? 0), 0)}) — read, but not evaluated faithfully:`)));
    out.push(...warningLines(warned));
    out.push('');
  }
  const errs = r.sources.filter((x) => x.errors.length);
  if (errs.length) {
    out.push(bold(c('31', `Input errors (${s.sourceErrors}) — these files were not fully evaluated:`)));
    out.push(...inputErrorLines(errs));
    out.push('');
  }
  const fs = s.failedBySeverity;
  out.push(`Failed by severity: critical ${fs.critical}, high ${fs.high}, medium ${fs.medium}, low ${fs.low}, info ${fs.info}`);
  out.push(`Totals: ${s.byStatus.pass} pass, ${s.byStatus.fail} fail, ${s.byStatus.unknown} unknown, ${s.byStatus.suppressed} suppressed, ${s.byStatus.not_applicable} not applicable`);
  out.push(...expiredIgnoreLines(r));
  if (r.baseline) out.push(baselineLine(r.baseline));
  out.push(`Gate: --fail-on ${r.scan.failOn} -> exit ${s.exitCode}${r.baseline ? ' (failures the baseline records do not count)' : ''}`);
  out.push(r.disclaimer);
  return out.join('\n') + '\n';
}

/** What to tell the user when no file was scanned at all (undefined when some were). */
export function nothingScanned(r: Report): string | undefined {
  const s = r.summary;
  if (s.files !== 0) return undefined;
  const where = r.scan.paths.join(', ');
  // No source means no source error either: the exit code alone says whether --allow-empty passed it.
  const skipped = r.skipped.length ? ` (${r.skipped.length} file(s) skipped, each with the reason, in the report's "skipped" list)` : '';
  return s.exitCode === 0
    ? `no infrastructure files found under ${where}${skipped}; nothing was scanned (accepted with --allow-empty).`
    : `no infrastructure files found under ${where}${skipped}; nothing was scanned. Exit 1; pass --allow-empty to accept a scan that finds nothing.`;
}

/** "3 user pools, 23 scopes, …": counts of the array-valued facts and numeric totals. */
function summariseFacts(f: Record<string, unknown>): string {
  const parts: string[] = [];
  const words = (k: string) => k.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  for (const [k, v] of Object.entries(f)) {
    if (Array.isArray(v)) { if (v.length) parts.push(`${v.length} ${words(k)}`); }
    else if (typeof v === 'number') parts.push(`${v} ${words(k)}`);
  }
  return parts.slice(0, 8).join(', ');
}

type Paint = (code: string, s: string) => string;

/** The failing controls, most severe and most frequent first, each with its remediation once. */
export function rankedLines(r: Report, c: Paint = (_x, s) => s, max = 10): string[] {
  const ranked = failingControls(r);
  if (!ranked.length) return [];
  const out = [c('1', 'Failing controls, most severe first:')];
  const width = Math.max(...ranked.slice(0, max).map((x) => x.id.length));
  ranked.slice(0, max).forEach((x, i) => {
    const on = x.resources === x.count ? `${x.count} resource(s)` : `${x.count} finding(s) on ${x.resources} resource(s)`;
    const accepted = x.accepted ? `, ${x.accepted} accepted by the baseline` : '';
    out.push(`  ${String(i + 1).padStart(2)}. ${x.id.padEnd(width)}  ${c(x.severity === 'critical' || x.severity === 'high' ? '31' : '33', x.severity.padEnd(8))} ×${x.count}  ${x.title} — ${on}${accepted}`);
    x.fixes.forEach((fx, i) => out.push(`      fix${fx.label ? ` (${fx.label})` : ''}: ${fx.text}${x.helpUri && i === x.fixes.length - 1 ? ` (${x.helpUri})` : ''}`));
  });
  if (ranked.length > max) out.push(`  … and ${ranked.length - max} more failing control(s) (see --format markdown/html)`);
  out.push('');
  return out;
}

/** "Resources no control evaluates: AWS::Route53::HostedZone ×3, …" and the untranslated types per format. */
export function unevaluatedLines(r: Pick<Report, 'unevaluated'>, maxPerGroup = 12): string[] {
  const out: string[] = [];
  for (const g of unevaluatedGroups(r.unevaluated ?? [])) {
    const shown = g.entries.slice(0, maxPerGroup).map((e) => `${e.label} ×${e.count}`);
    const more = g.entries.length > maxPerGroup ? `, … and ${g.entries.length - maxPerGroup} more type(s)` : '';
    out.push(`${g.heading} (${g.total}): ${shown.join(', ')}${more}`);
  }
  if (out.length) out.push('');
  return out;
}

/** "Baseline FILE: 5 failing finding(s) accepted, 2 new, 1 recorded no longer fail(s)". */
export function baselineLine(b: NonNullable<Report['baseline']>): string {
  return `Baseline ${b.file}: ${b.accepted} failing finding(s) accepted, ${b.new} new; ${b.resolved} it records no longer fail`;
}

/** The ignore files' effect, and each entry past its date (it no longer applies). */
export function expiredIgnoreLines(r: Pick<Report, 'ignores'>): string[] {
  const g = r.ignores;
  if (!g) return [];
  const out = [`Ignore file(s) ${g.files.join(', ')}: ${g.entries} entr${g.entries === 1 ? 'y' : 'ies'}, ${g.suppressed} finding(s) suppressed, ${g.expired.length} expired`];
  for (const e of g.expired) {
    const scope = [e.resource ? `resource ${e.resource}` : '', e.file ? `file ${e.file}` : ''].filter(Boolean).join(', ');
    out.push(`  expired ${e.expires}: ${e.at.file}:${e.at.line}:${e.at.column} ${e.control}${scope ? ` (${scope})` : ''}: ${e.reason}${e.matched ? ` — ${e.matched} finding(s) no longer suppressed` : ''}`);
  }
  return out;
}
