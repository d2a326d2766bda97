/** Scan results pushed from CI, stored beside the ledger and listed per tenant. */
import { createHash, randomUUID } from 'node:crypto';
import { actorOf } from '../auth.js';
import type { ServerContext } from '../context.js';
import { reportProblem } from '../report-schema.js';
import { ScanCursorError } from '../scan-store.js';
import { errorResponse, type RouteDecl } from '../types.js';
import { badRequest, notFound, principalOf, str, tenantFilter, visibleTenants, writeTenant } from './common.js';

const SUMMARY_SCHEMA = {
  type: 'object',
  required: ['id', 'receivedAt', 'submittedBy', 'sha256', 'toolVersion', 'generatedAt', 'summary'],
  properties: {
    id: { type: 'string' },
    receivedAt: { type: 'string' },
    submittedBy: { type: 'string' },
    tenant: { type: 'string' },
    label: { type: 'string' },
    sha256: { type: 'string' },
    toolVersion: { type: 'string' },
    generatedAt: { type: 'string' },
    summary: { type: 'object', additionalProperties: true },
  },
};

export function scanRoutes(ctx: ServerContext): RouteDecl[] {
  return [
    {
      method: 'POST',
      url: '/api/scans',
      scopes: ['security:write'],
      summary: 'Store a scan result pushed from CI (the output of attest scan --format json)',
      tags: ['scans'],
      bodyLimit: 32 * 1024 * 1024,
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          tenant: str('Tenant the scan belongs to (default: the caller\'s only tenant)', { maxLength: 256 }),
          label: str('Free label, e.g. repository@commit', { maxLength: 256 }),
        },
      },
      body: { type: 'object', description: 'An Attest JSON report (schema/report.schema.json)', additionalProperties: true },
      response: { 201: { description: 'Stored', ...SUMMARY_SCHEMA }, 400: errorResponse('Not a valid Attest JSON report') },
      example: { body: 'valid-report' },
      async handler(req, reply) {
        const p = principalOf(req);
        const q = req.query as { tenant?: string; label?: string };
        const problem = reportProblem(req.body);
        if (problem) return badRequest(req, reply, `not an Attest JSON report: ${problem.message}`, problem.path);
        const t = await writeTenant(ctx, req, reply, q.tenant);
        if ('denied' in t) return t.denied;
        if ('bad' in t) return t.bad;
        const report = req.body as { tool: { version: string }; generatedAt: string; summary: Record<string, unknown> };
        const json = JSON.stringify(report);
        const s = {
          id: randomUUID(),
          receivedAt: new Date().toISOString(),
          submittedBy: p.subject,
          ...(t.tenant !== undefined ? { tenant: t.tenant } : {}),
          ...(q.label !== undefined ? { label: q.label } : {}),
          sha256: createHash('sha256').update(json).digest('hex'),
          toolVersion: report.tool.version,
          generatedAt: report.generatedAt,
          summary: report.summary,
        };
        await ctx.scans.put(s, json);
        await ctx.ledger.append([
          {
            actor: actorOf(p),
            action: 'scan.ingest',
            target: { type: 'scan', id: s.id },
            outcome: 'success',
            ...(s.tenant !== undefined ? { tenant: s.tenant } : {}),
            request_id: req.id,
            metadata: { sha256: s.sha256, ...(s.label ? { label: s.label } : {}), byStatus: report.summary['byStatus'] ?? null },
          },
        ]);
        return reply.code(201).send(s);
      },
    },
    {
      method: 'GET',
      url: '/api/scans',
      scopes: ['security:read'],
      summary: 'Stored scans, newest first',
      tags: ['scans'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          tenant: str('Only this tenant', { maxLength: 256 }),
          limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          cursor: str('nextCursor of the previous page', { maxLength: 512 }),
        },
      },
      response: {
        200: {
          description: 'A page of scans',
          type: 'object',
          required: ['scans'],
          properties: { scans: { type: 'array', items: SUMMARY_SCHEMA }, nextCursor: { type: 'string' } },
        },
      },
      async handler(req, reply) {
        const q = req.query as { tenant?: string; limit?: number; cursor?: string };
        const f = await tenantFilter(ctx, req, reply, q.tenant);
        if ('denied' in f) return f.denied;
        try {
          return await ctx.scans.list({ ...(f.tenants ? { tenants: f.tenants } : {}), limit: q.limit ?? 100, ...(q.cursor ? { cursor: q.cursor } : {}) });
        } catch (e) {
          if (e instanceof ScanCursorError) return badRequest(req, reply, e.message, 'cursor');
          throw e;
        }
      },
    },
    {
      method: 'GET',
      url: '/api/scans/:id',
      scopes: ['security:read'],
      summary: 'One stored scan with its full report',
      tags: ['scans'],
      params: { type: 'object', required: ['id'], properties: { id: str('Scan id', { maxLength: 64 }) } },
      response: {
        200: { description: 'The scan', type: 'object', properties: { ...SUMMARY_SCHEMA.properties, report: { type: 'object', additionalProperties: true } } },
        404: errorResponse('No such scan visible to you'),
      },
      example: { params: { id: 'latest' } },
      async handler(req, reply) {
        const { id } = req.params as { id: string };
        const scan = await ctx.scans.get(id);
        const allowed = visibleTenants(principalOf(req));
        if (!scan || (allowed !== undefined && (scan.tenant === undefined || !allowed.includes(scan.tenant)))) return notFound(req, reply, `no scan ${JSON.stringify(id)} visible to you`);
        return scan;
      },
    },
  ];
}
