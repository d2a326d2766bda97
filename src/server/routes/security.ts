/** The compliance report: the scanner over the configured targets plus Attest's own controls. */
import { FORMATS, type Format } from '../../report/index.js';
import type { ServerContext } from '../context.js';
import type { RouteDecl } from '../types.js';

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

export function securityRoutes(ctx: ServerContext): RouteDecl[] {
  return [
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
