/**
 * The auditor package from the service: a framework report (JSON or PDF, signed) or an
 * evidence bundle, made by a background job (src/server/jobs/) from the service's current
 * scan state and its ledger, then downloaded.
 *
 * Scopes: a report carries the evidence (files and lines, as security:read shows them) and a
 * snapshot of the audit log (audit:read); a bundle carries the ledger records themselves
 * (audit:export, as GET /api/audit/export). All cover every tenant, so tenant-bound
 * principals are refused. A principal sees the jobs it created; one holding audit:export
 * sees every job (an auditor collects what an operator prepared). Creating a job and every
 * download are ledger records with the principal as the actor.
 */
import { createReadStream, statSync } from 'node:fs';
import { relative } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, principalKey } from '../auth.js';
import type { ServerContext } from '../context.js';
import { DEFAULT_COMPLIANCE, durationSeconds } from '../../config.js';
import { CONTROLS } from '../../controls/index.js';
import { resolveFramework } from '../../compliance/frameworks.js';
import { selectCategories } from '../../compliance/assess.js';
import { REPORT_FORMATS, REPORT_MEDIA_TYPES, scopeNotes } from '../../compliance/report-output.js';
import { actorFromPrincipal } from '../../compliance/records.js';
import type { SignedCheckpoint } from '../../ledger/ledger.js';
import { keySpec } from '../../ledger/keys.js';
import { TOOL_VERSION } from '../../report/model.js';
import { JobQueueFullError, type Job } from '../jobs/manager.js';
import type { JobKind } from '../jobs/types.js';
import { SERVICE_CONTROLS } from '../self-assessment.js';
import { errorResponse, type JsonSchema, type RouteDecl } from '../types.js';
import { badRequest, errorBody, notFound, principalOf, str } from './common.js';

const JOB_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['id', 'kind', 'state', 'progress', 'framework', 'format', 'period', 'owner', 'created', 'statusUrl'],
  properties: {
    id: { type: 'string' },
    kind: { type: 'string', enum: ['report', 'bundle'] },
    state: { type: 'string', enum: ['queued', 'running', 'done', 'failed'] },
    progress: { type: 'object', required: ['phase', 'fraction'], properties: { phase: { type: 'string' }, fraction: { type: 'number', minimum: 0, maximum: 1 } } },
    error: { type: 'string', description: 'Why the job failed' },
    framework: { type: 'string' },
    format: { type: 'string', enum: [...REPORT_FORMATS] },
    period: { type: 'object', required: ['from', 'to'], properties: { from: { type: 'string' }, to: { type: 'string' } } },
    owner: { type: 'object', required: ['id', 'type'], properties: { id: { type: 'string' }, type: { type: 'string' } } },
    created: { type: 'string' },
    started: { type: 'string' },
    finished: { type: 'string' },
    expires: { type: 'string', description: 'When the result is removed (server.jobs.ttlHours after it finished)' },
    sha256: { type: 'string', description: 'SHA-256 of the result file (done)' },
    size: { type: 'integer', description: 'Bytes of the result file (done)' },
    filename: { type: 'string' },
    summary: { type: 'object', properties: { records: { type: 'integer' }, verified: { type: 'boolean' }, checkpoint: { type: 'integer' } } },
    statusUrl: { type: 'string' },
    downloadUrl: { type: 'string', description: 'Present once the job is done' },
    signatureUrl: { type: 'string', description: 'Reports: the detached Ed25519 signature (attest report verify)' },
    catalogUrl: { type: 'string', description: 'OSCAL reports: the framework as an OSCAL catalog, which the results\' findings resolve against (download?part=catalog)' },
    catalogSignatureUrl: { type: 'string', description: 'OSCAL reports: the catalog\'s detached signature (signature?part=catalog)' },
    artefacts: {
      type: 'array',
      description: 'Every file the job made (done): the report (OSCAL: the results), the OSCAL catalog, or the bundle',
      items: { type: 'object', required: ['part', 'name', 'sha256', 'size'], properties: { part: { type: 'string', enum: ['report', 'catalog', 'bundle'] }, name: { type: 'string' }, sha256: { type: 'string' }, size: { type: 'integer' } } },
    },
  },
};

/** Which file of a job a download names: the report (default) or, for an OSCAL report, its catalog. */
const PART_QUERY: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { part: { type: 'string', enum: ['report', 'catalog'], default: 'report', description: 'catalog: the OSCAL catalog of an OSCAL report job (the results are the default part)' } },
};

const ID_PARAMS: JsonSchema = { type: 'object', required: ['id'], properties: { id: str('The job id', { maxLength: 64 }) } };

const KINDS: Record<JobKind, { base: string; noun: string; scopes: ('compliance:read' | 'security:read' | 'audit:read' | 'audit:export')[] }> = {
  report: { base: '/api/compliance/reports', noun: 'report', scopes: ['compliance:read', 'security:read', 'audit:read'] },
  bundle: { base: '/api/compliance/bundles', noun: 'bundle', scopes: ['compliance:read', 'security:read', 'audit:export'] },
};

function view(j: Job): Record<string, unknown> {
  const base = KINDS[j.kind].base;
  const { file: _file, sigFile: _sig, catalog, signedBy: _key, owner, ...rest } = j;
  return {
    ...rest,
    owner: owner.actor,
    statusUrl: `${base}/${j.id}`,
    ...(j.state === 'done' ? { downloadUrl: `${base}/${j.id}/download`, ...(j.kind === 'report' ? { signatureUrl: `${base}/${j.id}/signature` } : {}) } : {}),
    ...(j.state === 'done' && catalog ? { catalogUrl: `${base}/${j.id}/download?part=catalog`, catalogSignatureUrl: `${base}/${j.id}/signature?part=catalog` } : {}),
  };
}

export function jobRoutes(ctx: ServerContext): RouteDecl[] {
  const visible = (req: FastifyRequest, kind: JobKind, id: string): Job | undefined => {
    const j = ctx.jobs.get(id);
    if (!j || j.kind !== kind) return undefined;
    const p = principalOf(req);
    return j.owner.key === principalKey(p) || p.scopes.has('audit:export') ? j : undefined;
  };
  const missing = (req: FastifyRequest, reply: FastifyReply, kind: JobKind, id: string) =>
    notFound(req, reply, `no ${KINDS[kind].noun} job ${JSON.stringify(id.slice(0, 64))} visible to you: jobs are seen by the principal that created them (or holders of audit:export), and removed server.jobs.ttlHours after they finish or when the server restarts`);

  const create = (kind: JobKind): RouteDecl => {
    const k = KINDS[kind];
    return {
      method: 'POST',
      url: k.base,
      scopes: k.scopes,
      unrestrictedOnly: true,
      summary: kind === 'report' ? 'Start a signed compliance report (JSON, PDF or OSCAL) for one framework, made in the background' : 'Start an evidence bundle (zip) for one framework, made in the background',
      description: kind === 'report'
        ? 'Answers 202 with the job; poll statusUrl, then GET downloadUrl (the file) and signatureUrl (its detached Ed25519 signature, checked by attest report verify). format oscal makes two files: the OSCAL 1.1.2 assessment results (downloadUrl) and the framework as an OSCAL catalog they resolve against (catalogUrl = download?part=catalog, its signature at catalogSignatureUrl). Made from the service\'s current scan of server.targets and its ledger; when done, a compliance.report.generated ledger record names who made it and the SHA-256 of each file.'
        : 'Answers 202 with the job; poll statusUrl, then GET downloadUrl. The zip carries every rendering of the report (JSON, PDF, OSCAL results and catalog, each signed) and verifies offline with attest bundle verify. When done, a compliance.bundle.generated ledger record names who made it and the zip\'s SHA-256.',
      tags: ['compliance'],
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['framework'],
        properties: {
          framework: str('Framework id or family (GET /api/compliance/frameworks)', { maxLength: 128 }),
          ...(kind === 'report' ? { format: { type: 'string', enum: [...REPORT_FORMATS], default: 'json', description: 'The rendering' } } : {}),
          since: str('The period: the last DURATION (e.g. 90d, 1y)', { maxLength: 16, default: '90d' }),
          categories: { type: 'array', items: { type: 'string', maxLength: 64 }, maxItems: 32, description: 'Categories to assess (default: the catalog\'s defaults)' },
          ...(kind === 'bundle' ? { previousCheckpoint: { type: 'object', additionalProperties: true, description: 'checkpoint.json of the previous bundle: a consistency proof from it is included' } } : {}),
        },
      },
      response: {
        202: { description: 'The job, queued', ...JOB_SCHEMA },
        400: errorResponse('Unknown framework or category, bad period, or a previous checkpoint that is not one'),
        503: errorResponse('Too many jobs are waiting (server.jobs.maxQueued); retry later'),
      },
      example: { body: { framework: 'soc2-tsc', ...(kind === 'report' ? { format: 'json' } : {}), since: '90d' } },
      async handler(req, reply) {
        const p = principalOf(req);
        const b = req.body as { framework: string; format?: (typeof REPORT_FORMATS)[number]; since?: string; categories?: string[]; previousCheckpoint?: SignedCheckpoint };
        let catalog;
        let categories: string[];
        try {
          catalog = resolveFramework(b.framework, ctx.compliance.catalogs);
          categories = selectCategories(catalog, b.categories);
        } catch (e) {
          return badRequest(req, reply, (e as Error).message, b.categories && catalog ? 'categories' : 'framework');
        }
        const since = b.since ?? '90d';
        const seconds = durationSeconds(since);
        if (seconds === undefined) return badRequest(req, reply, `since must be a duration such as 90d or 1y; got ${JSON.stringify(since)}`, 'since');
        if (b.previousCheckpoint !== undefined && b.previousCheckpoint.format !== 'attest-checkpoint/v1') {
          return badRequest(req, reply, 'previousCheckpoint is not an attest-checkpoint/v1 document (give checkpoint.json of the previous bundle)', 'previousCheckpoint');
        }
        const now = ctx.compliance.now();
        const period = { from: new Date(now.getTime() - seconds * 1000).toISOString(), to: now.toISOString() };
        // The service's current scan state: the report cache's findings, split as the compliance pages show them.
        const { findings } = ctx.compliance.findings();
        const scan = ctx.reports.get();
        const paths = ctx.config.server.targets.map((t) => relative(process.cwd(), t) || '.');
        const files = scan.sources.filter((s) => s.format !== 'unknown');
        const sources = files.map((s) => ({ file: s.file, format: s.format, resources: s.resources, errors: s.errors.length }));
        const format = kind === 'report' ? b.format ?? 'json' : 'json';
        let job: Job;
        try {
          job = ctx.jobs.submit(
            { kind, framework: catalog.id, format, period, owner: { key: principalKey(p), actor: actorOf(p), recordActor: actorFromPrincipal(p) } },
            {
              kind,
              format,
              catalog,
              categories,
              findings: findings.scan,
              serviceFindings: findings.service,
              titles: [...CONTROLS, ...SERVICE_CONTROLS].map((c) => [c.id, c.title]),
              paths,
              sources,
              period,
              now: now.toISOString(),
              version: TOOL_VERSION,
              notes: scopeNotes(scan.sources.reduce((n, s) => n + s.errors.length, 0), files.length, paths),
              ledger: { db: ctx.config.ledger.db, keysDir: ctx.config.ledger.keys, keys: keySpec(ctx.ledger.keys), location: ctx.config.ledger.db.replace(/:[^:@/]*@/, ':***@') },
              evidenceMaxBytes: (ctx.config.compliance ?? DEFAULT_COMPLIANCE).evidenceMaxBytes,
              ...(b.previousCheckpoint ? { previousCheckpoint: b.previousCheckpoint } : {}),
            },
          );
        } catch (e) {
          if (e instanceof JobQueueFullError) return reply.code(503).header('retry-after', '30').send(errorBody(req, 'unavailable', e.message));
          throw e;
        }
        await ctx.ledger.append([
          {
            actor: actorOf(p),
            action: `${kind}.job.create`,
            target: { type: `${kind}_job`, id: job.id },
            outcome: 'success',
            request_id: req.id,
            metadata: { framework: catalog.id, format, categories, from: period.from, to: period.to, ...(b.previousCheckpoint ? { previousCheckpointSize: b.previousCheckpoint.size } : {}) },
          },
        ]);
        return reply.code(202).header('location', `${k.base}/${job.id}`).send(view(job));
      },
    };
  };

  const status = (kind: JobKind): RouteDecl => ({
    method: 'GET',
    url: `${KINDS[kind].base}/:id`,
    scopes: KINDS[kind].scopes,
    unrestrictedOnly: true,
    summary: `A ${KINDS[kind].noun} job: state, progress, and when done the result's SHA-256 and size`,
    tags: ['compliance'],
    params: ID_PARAMS,
    response: { 200: { description: 'The job', ...JOB_SCHEMA }, 404: errorResponse('No such job visible to the caller (or removed)') },
    async handler(req, reply) {
      const { id } = req.params as { id: string };
      const j = visible(req, kind, id);
      return j ? view(j) : missing(req, reply, kind, id);
    },
  });

  const download = (kind: JobKind, what: 'file' | 'signature'): RouteDecl => ({
    method: 'GET',
    url: `${KINDS[kind].base}/:id/${what === 'file' ? 'download' : 'signature'}`,
    scopes: KINDS[kind].scopes,
    unrestrictedOnly: true,
    summary: what === 'file'
      ? `Download the finished ${KINDS[kind].noun}${kind === 'report' ? ' (?part=catalog: the OSCAL catalog of an OSCAL report)' : ''}`
      : 'Download the report\'s detached Ed25519 signature (attest report verify FILE --signature SIG; ?part=catalog: the OSCAL catalog\'s)',
    tags: ['compliance'],
    params: ID_PARAMS,
    ...(kind === 'report' ? { querystring: PART_QUERY } : {}),
    produces: what === 'signature' ? ['application/json'] : kind === 'bundle' ? ['application/zip'] : REPORT_FORMATS.map((f) => REPORT_MEDIA_TYPES[f]),
    response: {
      200: { description: what === 'file' ? 'The file (Content-Disposition: attachment)' : 'The attest-signature/v1 document', type: 'string' },
      404: errorResponse('No such job visible to the caller (or removed)'),
      ...(kind === 'report' ? { 400: errorResponse('part=catalog for a report that is not OSCAL (only OSCAL reports have a catalog)') } as Record<number, JsonSchema & { description: string }> : {}),
      409: errorResponse('The job has not finished, or it failed'),
    },
    async handler(req, reply) {
      const p = principalOf(req);
      const { id } = req.params as { id: string };
      const { part = 'report' } = (req.query ?? {}) as { part?: 'report' | 'catalog' };
      const j = visible(req, kind, id);
      if (!j) return missing(req, reply, kind, id);
      if (part === 'catalog' && !j.catalog) return badRequest(req, reply, `job ${j.id} is a ${j.format} ${kind}; only an OSCAL report (format oscal) has a catalog part: leave part out for its file`, 'part');
      if (j.state !== 'done') {
        return reply.code(409).send(errorBody(req, 'not_ready', j.state === 'failed' ? `the job failed (${j.error ?? 'no reason given'}); create it again` : `the job is ${j.state} (${j.progress.phase}, ${Math.round(j.progress.fraction * 100)} %); poll ${KINDS[kind].base}/${j.id} until its state is done`));
      }
      const file = part === 'catalog' ? j.catalog! : { file: j.file, sigFile: j.sigFile, filename: j.filename };
      const path = what === 'file' ? file.file : file.sigFile!;
      let size: number;
      try {
        size = statSync(path).size;
      } catch {
        return missing(req, reply, kind, id);
      }
      await ctx.ledger.append([
        {
          actor: actorOf(p),
          action: `${kind}.download`,
          target: { type: `${kind}_job`, id: j.id },
          outcome: 'success',
          request_id: req.id,
          metadata: { framework: j.framework, file: what === 'file' ? file.filename : `${file.filename}.sig`, sha256: j.artefacts?.find((f) => f.name === file.filename)?.sha256 ?? null, createdBy: j.owner.actor.id },
        },
      ]);
      const type = what === 'signature' || part === 'catalog' ? 'application/json' : kind === 'bundle' ? 'application/zip' : REPORT_MEDIA_TYPES[j.format];
      const name = what === 'file' ? file.filename : `${file.filename}.sig`;
      return reply
        .header('content-type', type)
        .header('content-length', String(size))
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(createReadStream(path));
    },
  });

  return (['report', 'bundle'] as const).flatMap((kind) => [
    create(kind),
    status(kind),
    download(kind, 'file'),
    ...(kind === 'report' ? [download(kind, 'signature')] : []),
  ]);
}
