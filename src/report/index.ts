// The machine- and human-readable renderings of a Report. Every renderer formats the
// same `Report` object (src/report/model.ts) and nothing else.
import type { Report } from './model.js';
import { joinChunks } from './chunks.js';
import { renderJson, renderJsonChunks } from './json.js';
import { renderSarif, renderSarifChunks } from './sarif.js';
import { renderJunit, renderJunitChunks } from './junit.js';
import { renderCsv, renderCsvChunks } from './csv.js';
import { renderMarkdown, renderMarkdownChunks } from './markdown.js';
import { renderHtml, renderHtmlChunks } from './html.js';

export type Format = 'json' | 'sarif' | 'junit' | 'csv' | 'markdown' | 'html';

export const FORMATS: Format[] = ['json', 'sarif', 'junit', 'csv', 'markdown', 'html'];

const RENDERERS: Record<Format, (r: Report) => Iterable<string>> = {
  json: renderJsonChunks,
  sarif: renderSarifChunks,
  junit: renderJunitChunks,
  csv: renderCsvChunks,
  markdown: renderMarkdownChunks,
  html: renderHtmlChunks,
};

/**
 * The report in `format` as a sequence of chunks, to write to a file or a pipe: no single
 * string ever holds the whole report, so one larger than V8's string limit still renders.
 */
export function renderChunks(report: Report, format: Format): Iterable<string> {
  const fn = RENDERERS[format];
  if (!fn) throw new Error(`unknown report format ${JSON.stringify(format)}; use one of ${FORMATS.join(', ')}`);
  return fn(report);
}

/** The report as text in `format` (its chunks joined). Output ends with a newline. */
export function render(report: Report, format: Format): string {
  return joinChunks(renderChunks(report, format));
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
