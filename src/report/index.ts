// The machine- and human-readable renderings of a Report. Every renderer formats the
// same `Report` object (src/report/model.ts) and nothing else.
import type { Report } from './model.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';
import { renderJunit } from './junit.js';
import { renderCsv } from './csv.js';
import { renderMarkdown } from './markdown.js';
import { renderHtml } from './html.js';

export type Format = 'json' | 'sarif' | 'junit' | 'csv' | 'markdown' | 'html';

export const FORMATS: Format[] = ['json', 'sarif', 'junit', 'csv', 'markdown', 'html'];

const RENDERERS: Record<Format, (r: Report) => string> = {
  json: renderJson,
  sarif: renderSarif,
  junit: renderJunit,
  csv: renderCsv,
  markdown: renderMarkdown,
  html: renderHtml,
};

/** The report as text in `format`. Output ends with a newline. */
export function render(report: Report, format: Format): string {
  const fn = RENDERERS[format];
  if (!fn) throw new Error(`unknown report format ${JSON.stringify(format)}; use one of ${FORMATS.join(', ')}`);
  return fn(report);
}

/** File extension (with the dot) conventionally used for `format`. */
export function defaultExtension(format: Format): string {
  return { json: '.json', sarif: '.sarif', junit: '.xml', csv: '.csv', markdown: '.md', html: '.html' }[format];
}

/** Media type to serve `format` with. */
export function contentType(format: Format): string {
  return {
    json: 'application/json; charset=utf-8',
    sarif: 'application/sarif+json; charset=utf-8',
    junit: 'application/xml; charset=utf-8',
    csv: 'text/csv; charset=utf-8; header=present',
    markdown: 'text/markdown; charset=utf-8',
    html: 'text/html; charset=utf-8',
  }[format];
}

export { renderJson, renderSarif, renderJunit, renderCsv, renderMarkdown, renderHtml };
