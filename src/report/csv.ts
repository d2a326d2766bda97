// CSV (RFC 4180): one row per finding, CRLF line ends, formula injection neutralised.
import type { Report, ReportFinding } from './model.js';
import { joinChunks } from './chunks.js';
import { controlIndex, fixText } from './digest.js';

export const CSV_HEADER = ['controlId', 'status', 'severity', 'domain', 'title', 'resourceType', 'resourceId', 'file', 'line', 'column', 'message', 'evidence', 'checkov', 'trivy', 'cfn_nag', 'cdk_nag', 'frameworks', 'resourceSourceType', 'remediation', 'baseline'] as const;

/**
 * One cell. Text starting with = + - @ (or tab / carriage return) is prefixed with ' so a
 * spreadsheet does not evaluate it as a formula; a cell containing a comma, quote or line
 * break is quoted with inner quotes doubled. Numbers are written as they are.
 */
export function csvCell(v: string | number): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// Columns added after the first release go last, so consumers reading by position keep working.
function row(f: ReportFinding, remediation: string): (string | number)[] {
  const evidence = f.evidence.map((e) => `${e.path}=${e.value} @ ${e.file}:${e.line}:${e.column}${e.origin ? ` [${e.origin}]` : ''}${e.note ? ` (${e.note})` : ''}`);
  if (f.dependsOn?.length) evidence.push(`depends on: ${f.dependsOn.join(', ')}`);
  if (f.suppression) evidence.push(`${f.suppression.expired ? 'expired suppression' : 'suppressed'} (${f.suppression.source}): ${f.suppression.reason}${f.suppression.expires ? ` until ${f.suppression.expires}` : ''}`);
  return [
    f.controlId, f.status, f.severity, f.domain, f.title, f.resource.type, f.resource.id,
    f.location.file, f.location.line, f.location.column, f.message, evidence.join('; '),
    f.references.checkov.join(' '), f.references.trivy.join(' '), f.references.cfn_nag.join(' '), f.references.cdk_nag.join(' '),
    Object.entries(f.frameworks).map(([fw, ids]) => `${fw}:${ids.join(',')}`).join('; '),
    f.resource.sourceType ?? '',
    // Only where there is something to fix: a passing row with "how to fix" would read as a gap.
    f.status === 'fail' ? remediation : '',
    f.baseline ?? '',
  ];
}

export function* renderCsvChunks(r: Report): Generator<string, void, undefined> {
  yield CSV_HEADER.map(csvCell).join(',') + '\r\n';
  const catalog = controlIndex(r);
  for (const f of r.findings) yield row(f, fixText(catalog.get(f.controlId), f)).map(csvCell).join(',') + '\r\n';
}

export const renderCsv = (r: Report): string => joinChunks(renderCsvChunks(r));
