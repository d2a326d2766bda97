/** The compliance report: the scanner over the configured targets plus Attest's own controls. */
import { FORMATS, type Format } from '../../report/index.js';
import type { ServerContext } from '../context.js';
import type { JsonSchema, RouteDecl } from '../types.js';

/** The HTML report styles itself inline and runs no script. */
const HTML_REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/** Encodings a client accepts (q=0 excluded). */
export function acceptedEncodings(header: string | string[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const part of (Array.isArray(header) ? header.join(',') : header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    if (params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p))) continue;
    out.add(name);
  }
  return out;
}

const STATUS_COUNTS: JsonSchema = {
  type: 'object',
  required: ['pass', 'fail', 'unknown', 'not_applicable', 'suppressed'],
  properties: Object.fromEntries(['pass', 'fail', 'unknown', 'not_applicable', 'suppressed'].map((k) => [k, { type: 'integer' }])),
};

export function securityRoutes(ctx: ServerContext): RouteDecl[] {
  return [
    {
      // compliance:read, not security:read: this is the status without the resources, files
      // and inventory behind it, which is what the viewer role is for. (It was the only
      // route a viewer could use before the readiness checklists.)
      method: 'GET',
      url: '/api/security/compliance-report/summary',
      scopes: ['compliance:read'],
      summary: 'The compliance status: counts per status overall and per domain, and each control\'s worst status, without resources, files or facts',
      description:
        'Built from the same cached report as GET /api/security/compliance-report. Leaves out findings, gaps and facts (they name resources, files and lines, which need security:read).',
      tags: ['security', 'compliance'],
      response: {
        200: {
          description: 'The status summary',
          type: 'object',
          required: ['generatedAt', 'disclaimer', 'summary', 'domains', 'frameworks'],
          properties: {
            generatedAt: { type: 'string' },
            disclaimer: { type: 'string' },
            summary: {
              type: 'object',
              required: ['controls', 'findings', 'byStatus', 'failedBySeverity'],
              properties: { controls: { type: 'integer' }, findings: { type: 'integer' }, byStatus: STATUS_COUNTS, failedBySeverity: { type: 'object', additionalProperties: { type: 'integer' } } },
            },
            domains: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'title', 'summary', 'controls'],
                properties: {
                  id: { type: 'string' },
                  title: { type: 'string' },
                  summary: STATUS_COUNTS,
                  controls: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id', 'title', 'severity', 'status', 'counts'],
                      properties: { id: { type: 'string' }, title: { type: 'string' }, severity: { type: 'string' }, status: { type: 'string' }, counts: STATUS_COUNTS },
                    },
                  },
                },
              },
            },
            frameworks: { type: 'object', additionalProperties: { type: 'object', additionalProperties: true } },
          },
        },
      },
      async handler() {
        const r = ctx.reports.get();
        return {
          generatedAt: r.generatedAt,
          disclaimer: r.disclaimer,
          summary: { controls: r.summary.controls, findings: r.summary.findings, byStatus: r.summary.byStatus, failedBySeverity: r.summary.failedBySeverity },
          domains: r.domains.map((d) => ({ id: d.id, title: d.title, summary: d.summary, controls: d.controls })),
          frameworks: r.frameworks,
        };
      },
    },
    {
      method: 'GET',
      url: '/api/security/compliance-report',
      scopes: ['security:read'],
      summary: 'The compliance report per control domain, generated from the configured templates and Attest\'s running configuration',
      description:
        'JSON follows schema/report.schema.json. Cached; rebuilt when a target file changes. Findings with resource type Attest::Service::Configuration are Attest\'s own controls.',
      tags: ['security'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { format: { type: 'string', enum: FORMATS, default: 'json', description: 'Report format' } },
      },
      produces: ['application/sarif+json', 'application/xml', 'text/csv', 'text/markdown', 'text/html'],
      response: { 200: { description: 'The report (JSON unless ?format= says otherwise)', type: 'object', additionalProperties: true } },
      example: { query: { format: 'json' } },
      async handler(req, reply) {
        const format = ((req.query as { format?: Format }).format ?? 'json') as Format;
        const r = ctx.reports.rendition(format);
        if (format === 'html') reply.header('content-security-policy', HTML_REPORT_CSP);
        reply.header('etag', r.etag).header('cache-control', 'private, no-cache').header('last-modified', new Date(r.generatedAt).toUTCString()).header('vary', 'accept-encoding, authorization');
        if (req.headers['if-none-match'] === r.etag) return reply.code(304).send();
        const accepts = acceptedEncodings(req.headers['accept-encoding']);
        if (accepts.has('br')) return reply.type(r.contentType).header('content-encoding', 'br').send(r.br);
        if (accepts.has('gzip')) return reply.type(r.contentType).header('content-encoding', 'gzip').send(r.gzip);
        return reply.type(r.contentType).send(r.body);
      },
    },
  ];
}
