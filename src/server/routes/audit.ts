/**
 * The audit API over the ledger. Writes take the time from the ledger and the reporter from
 * the token, never from the body; reads are limited to the caller's tenants, and for the
 * agent role to its own records.
 */
import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { exportRecords, exportView, type ExportFormat } from '../../ledger/export.js';
import type { QueryFilters } from '../../ledger/ledger.js';
import { LedgerValidationError, METADATA_LIMITS, OUTCOMES, parseTime, formatMicros, nowMicros, type AuditEventInput } from '../../ledger/record.js';
import { actorOf, deny } from '../auth.js';
import type { ServerContext } from '../context.js';
import { errorResponse, type JsonSchema, type RouteDecl } from '../types.js';
import { badRequest, notFound, principalOf, str, tenantFilter, visibleTenants, writeTenant } from './common.js';

const MAX_BATCH = 1000;

const ACTOR_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', maxLength: 256, description: 'Who acted. A user token may only name its own subject (or leave it out).' },
    type: { type: 'string', enum: ['user', 'service', 'system'] },
    ip: { type: 'string', maxLength: 1024 },
    user_agent: { type: 'string', maxLength: 1024 },
    session_id: { type: 'string', maxLength: 1024 },
    name: { type: 'string', maxLength: 1024 },
    email: { type: 'string', maxLength: 1024 },
  },
};

const EVENT_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['action', 'outcome'],
  properties: {
    actor: ACTOR_SCHEMA,
    action: { type: 'string', maxLength: 128, pattern: '^[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)+$', description: 'Dotted lower-case name, e.g. task.assign' },
    target: { type: 'object', additionalProperties: false, required: ['type'], properties: { type: { type: 'string', maxLength: 256 }, id: { type: 'string', maxLength: 256 }, name: { type: 'string', maxLength: 1024 } } },
    outcome: { type: 'string', enum: [...OUTCOMES] },
    tenant: { type: 'string', maxLength: 256 },
    ticket_id: { type: 'string', maxLength: 256 },
    request_id: { type: 'string', maxLength: 256 },
    metadata: {
      type: 'object',
      additionalProperties: true,
      description: `Free JSON (≤ ${METADATA_LIMITS.bytes / 1024} KiB, ≤ ${METADATA_LIMITS.depth} levels deep, ≤ ${METADATA_LIMITS.members} keys and array elements in all, keys ≤ ${METADATA_LIMITS.keyLength} characters); secrets are scrubbed before storage`,
    },
  },
};

const RECORD_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: true,
  required: ['seq', 'ts', 'actor', 'action', 'outcome', 'hash'],
  properties: {
    seq: { type: 'integer' },
    ts: { type: 'string' },
    actor: { type: 'object', additionalProperties: true },
    action: { type: 'string' },
    target: { type: 'object', additionalProperties: true },
    outcome: { type: 'string' },
    tenant: { type: 'string' },
    reporter: { type: 'object', additionalProperties: true, description: 'The authenticated principal that reported the event (from its token)' },
    metadata: { type: 'object', additionalProperties: true },
    hash: { type: 'string' },
  },
};

const FILTERS: Record<string, JsonSchema> = {
  from: str('Inclusive lower bound on time (ISO 8601 date or time)', { maxLength: 64 }),
  to: str('Exclusive upper bound on time (ISO 8601)', { maxLength: 64 }),
  actor: str('Actor id', { maxLength: 256 }),
  action: str('Action or action prefix: "auth" matches auth.login and auth.login.failed', { maxLength: 128 }),
  target_type: str('Target type', { maxLength: 256 }),
  target_id: str('Target id', { maxLength: 256 }),
  outcome: { type: 'string', enum: [...OUTCOMES] },
  tenant: str('Tenant', { maxLength: 256 }),
};

type FilterQuery = { from?: string; to?: string; actor?: string; action?: string; target_type?: string; target_id?: string; outcome?: string; tenant?: string };

/**
 * The ledger filters of a read, with the caller's restrictions applied; or the answer that
 * already went out (400 or a recorded 403).
 */
async function readFilters(ctx: ServerContext, req: FastifyRequest, reply: FastifyReply, q: FilterQuery, defaultFrom?: string): Promise<QueryFilters | FastifyReply> {
  const p = principalOf(req);
  const f: QueryFilters = {};
  try {
    if (q.from !== undefined) f.from = parseTime(q.from, 'from');
    else if (defaultFrom !== undefined) f.from = defaultFrom;
    if (q.to !== undefined) f.to = parseTime(q.to, 'to');
  } catch (e) {
    if (e instanceof LedgerValidationError) return badRequest(req, reply, e.message, e.field);
    throw e;
  }
  if (q.action !== undefined) f.action = q.action;
  if (q.target_type !== undefined) f.targetType = q.target_type;
  if (q.target_id !== undefined) f.targetId = q.target_id;
  if (q.outcome !== undefined) f.outcome = q.outcome;
  if (p.ownRecordsOnly) {
    if (q.actor !== undefined && q.actor !== p.subject) {
      return deny(ctx.denialRecorder, req, reply, { status: 403, reason: 'own_records_only', message: `your role reads only the records you are the actor of (${p.subject})` });
    }
    f.actor = p.subject;
  } else if (q.actor !== undefined) f.actor = q.actor;
  const t = await tenantFilter(ctx, req, reply, q.tenant);
  if ('denied' in t) return t.denied;
  if (t.tenants) f.tenants = t.tenants;
  return f;
}

function isReply(x: unknown): x is FastifyReply {
  return typeof x === 'object' && x !== null && 'sent' in x && typeof (x as FastifyReply).code === 'function';
}

/** Whether a record (its chained body) is visible to the caller. */
function visible(req: FastifyRequest, body: { tenant?: string; actor?: { id?: string } }): boolean {
  const p = principalOf(req);
  const tenants = visibleTenants(p);
  if (tenants !== undefined && (body.tenant === undefined || !tenants.includes(body.tenant))) return false;
  if (p.ownRecordsOnly && body.actor?.id !== p.subject) return false;
  return true;
}

const EXPORT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/** Recent checkpoints are reused; a proof or a "latest" request signs a new one at most this often. */
const CHECKPOINT_REUSE_MS = 60_000;

/** A ledger verification result as answered by /api/audit/verify and /api/audit/verification. */
const VERIFICATION_PROPERTIES: Record<string, JsonSchema> = {
  ok: { type: 'boolean' },
  at: { type: 'string' },
  records: { type: 'integer' },
  root: { type: 'string' },
  firstBadSeq: { type: 'integer' },
  checkpointsChecked: { type: 'integer' },
  seconds: { type: 'number' },
  problems: { type: 'array', items: { type: 'object', additionalProperties: true } },
  error: { type: 'string' },
};

export function auditRoutes(ctx: ServerContext): RouteDecl[] {
  const checkpointFresh = async () => {
    const latest = await ctx.ledger.latestCheckpoint();
    if (latest && Date.now() - Date.parse(latest.time) < CHECKPOINT_REUSE_MS) return latest;
    return ctx.ledger.checkpoint();
  };

  return [
    {
      method: 'POST',
      url: '/api/audit/events',
      scopes: ['audit:write'],
      summary: 'Append audit events (one object, or { events: [...] } up to 1000); durable when answered',
      description:
        'The server assigns seq and time. The reporter is the authenticated principal from the token and is stored in the record\'s "reporter" field; it cannot be given in the body. A user token can report only its own actions (actor.id must be its subject, or left out). A service token may name the end-user actor. Tenant-bound principals write only to their tenants.',
      tags: ['audit'],
      body: {
        anyOf: [
          EVENT_SCHEMA,
          { type: 'object', additionalProperties: false, required: ['events'], properties: { events: { type: 'array', minItems: 1, maxItems: MAX_BATCH, items: EVENT_SCHEMA } } },
        ],
      },
      response: {
        201: {
          description: 'Appended and committed',
          type: 'object',
          required: ['count', 'first', 'last'],
          properties: { count: { type: 'integer' }, first: { type: 'integer' }, last: { type: 'integer' } },
        },
        400: errorResponse('An event does not fit (the field is named); nothing was written'),
      },
      example: { body: { action: 'task.assign', target: { type: 'task', id: 'T-1' }, outcome: 'success', metadata: { note: 'example' } } },
      async handler(req, reply) {
        const p = principalOf(req);
        const raw = req.body as Record<string, unknown>;
        const list = (Array.isArray(raw['events']) ? raw['events'] : [raw]) as Record<string, unknown>[];
        const events: AuditEventInput[] = [];
        for (const [i, e] of list.entries()) {
          const where = list.length > 1 ? `events[${i}].` : '';
          const actorIn = (e['actor'] ?? {}) as Record<string, string | undefined>;
          let actor: AuditEventInput['actor'];
          if (p.kind === 'user') {
            if (actorIn['id'] !== undefined && actorIn['id'] !== p.subject) {
              return deny(ctx.denialRecorder, req, reply, { status: 403, reason: 'actor_mismatch', message: `${where}actor.id: a user token can report only its own actions (actor ${p.subject}); a service token with audit:write may report for others` });
            }
            if (actorIn['type'] !== undefined && actorIn['type'] !== 'user') return badRequest(req, reply, `${where}actor.type: a user token reports actions of type user`, `${where}actor.type`);
            actor = { ...actorIn, id: p.subject, type: 'user' } as AuditEventInput['actor'];
            if (actor.ip === undefined && req.ip) actor.ip = req.ip;
          } else {
            actor = { ...actorIn, id: actorIn['id'] ?? p.subject, type: (actorIn['type'] ?? (actorIn['id'] === undefined ? 'service' : 'user')) } as AuditEventInput['actor'];
          }
          const t = await writeTenant(ctx, req, reply, e['tenant'] as string | undefined);
          if ('denied' in t) return t.denied;
          if ('bad' in t) return t.bad;
          const ev = {
            ...e,
            actor,
            reporter: actorOf(p),
            ...(t.tenant !== undefined ? { tenant: t.tenant } : {}),
            request_id: (e['request_id'] as string | undefined) ?? req.id,
          } as AuditEventInput;
          events.push(ev);
        }
        try {
          const r = await ctx.ledger.append(events);
          return reply.code(201).send({ count: r.count, first: r.first, last: r.last });
        } catch (e) {
          if (e instanceof LedgerValidationError) {
            // Named the way the request names it: events[i].… in a batch.
            const field = e.index !== undefined ? `events[${e.index}].${e.field}` : e.field;
            return badRequest(req, reply, `${field}: ${e.detail}`, field);
          }
          throw e;
        }
      },
    },
    {
      method: 'GET',
      url: '/api/audit/events',
      scopes: ['audit:read'],
      summary: 'Search audit records (filters, newest first by default, cursor pages)',
      description: 'Personal data (names, emails, IPs) is not returned; secrets in metadata are scrubbed. The agent role sees only records it is the actor of; tenant-bound principals only their tenants.',
      tags: ['audit'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          ...FILTERS,
          order: { type: 'string', enum: ['asc', 'desc'], default: 'desc' },
          limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          cursor: str('nextCursor of the previous page', { maxLength: 64 }),
        },
      },
      response: {
        200: { description: 'A page of records', type: 'object', required: ['records'], properties: { records: { type: 'array', items: RECORD_SCHEMA }, nextCursor: { type: 'string' } } },
      },
      example: { query: { limit: '10' } },
      async handler(req, reply) {
        const q = req.query as FilterQuery & { order?: 'asc' | 'desc'; limit?: number; cursor?: string };
        const f = await readFilters(ctx, req, reply, q);
        if (isReply(f)) return f;
        try {
          const page = await ctx.ledger.query({ ...f, order: q.order ?? 'desc', limit: q.limit ?? 100, ...(q.cursor ? { cursor: q.cursor } : {}) });
          return { records: page.records.map((r) => exportView(r, false)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
        } catch (e) {
          if (e instanceof LedgerValidationError) return badRequest(req, reply, e.message, e.field);
          throw e;
        }
      },
    },
    {
      method: 'GET',
      url: '/api/audit/actors',
      scopes: ['audit:read'],
      summary: 'Distinct actor ids (for a filter dropdown), within the caller\'s view',
      tags: ['audit'],
      querystring: { type: 'object', additionalProperties: false, properties: { tenant: FILTERS['tenant']! } },
      response: { 200: { description: 'Actor ids', type: 'object', required: ['actors'], properties: { actors: { type: 'array', items: { type: 'string' } } } } },
      async handler(req, reply) {
        const p = principalOf(req);
        const q = req.query as { tenant?: string };
        const t = await tenantFilter(ctx, req, reply, q.tenant);
        if ('denied' in t) return t.denied;
        const actors = await ctx.ledger.distinct('actor', t.tenants);
        return { actors: p.ownRecordsOnly ? actors.filter((a) => a === p.subject) : actors };
      },
    },
    {
      method: 'GET',
      url: '/api/audit/export',
      scopes: ['audit:export'],
      summary: 'Export audit records as CSV, JSON or NDJSON (streamed; default: the last 30 days)',
      description: 'The export itself is recorded in the ledger (audit.export). Personal data is left out; secrets in metadata are scrubbed.',
      tags: ['audit'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { ...FILTERS, format: { type: 'string', enum: ['csv', 'json', 'ndjson'], default: 'csv' } },
      },
      produces: ['text/csv', 'application/x-ndjson'],
      response: { 200: { description: 'The records, oldest first', type: 'string' } },
      example: { query: { format: 'ndjson' } },
      async handler(req, reply) {
        const p = principalOf(req);
        const q = req.query as FilterQuery & { format?: ExportFormat };
        const format = q.format ?? 'csv';
        const defaultFrom = formatMicros(nowMicros() - 30n * 86_400_000_000n);
        const f = await readFilters(ctx, req, reply, q, defaultFrom);
        if (isReply(f)) return f;
        const out = new PassThrough();
        const filters = { ...f };
        const { format: _format, ...asked } = q;
        void (async () => {
          try {
            const n = await exportRecords(ctx.ledger, out, { format, filters });
            out.end();
            await ctx.ledger.append([
              {
                actor: actorOf(p),
                action: 'audit.export',
                target: { type: 'ledger', id: ctx.ledger.ledgerId },
                outcome: 'success',
                request_id: req.id,
                ...(filters.tenants?.length === 1 ? { tenant: filters.tenants[0]! } : {}),
                metadata: { format, records: n, filters: asked },
              },
            ]);
          } catch (e) {
            req.log.error({ err: { message: (e as Error).message } }, 'export failed');
            out.destroy(e as Error);
          }
        })();
        const day = new Date().toISOString().slice(0, 10);
        return reply
          .type(EXPORT_TYPES[format])
          .header('content-disposition', `attachment; filename="attest-audit-${day}.${format}"`)
          .header('cache-control', 'no-store')
          .send(out);
      },
    },
    {
      method: 'GET',
      url: '/api/audit/verify',
      scopes: ['audit:read'],
      unrestrictedOnly: true,
      summary: 'Verify the whole ledger now (HMAC chain, Merkle tree, checkpoint signatures)',
      tags: ['audit'],
      response: {
        200: {
          description: 'The verification result (also shown in the compliance report)',
          type: 'object',
          required: ['ok', 'at'],
          properties: VERIFICATION_PROPERTIES,
        },
      },
      async handler() {
        const v = await ctx.verifyLedger();
        if (!v.report) return { ok: false, at: v.at ?? new Date().toISOString(), error: v.error ?? 'verification did not run' };
        return { ...v.report, at: v.at! };
      },
    },
    {
      method: 'GET',
      url: '/api/audit/checkpoints/latest',
      scopes: ['audit:read'],
      summary: 'The latest signed checkpoint (origin, size, root, Ed25519 signature, public key PEM)',
      description: 'Signs a new checkpoint when the latest is more than a minute old and the ledger grew. Keep it: it is what you verify a later export or proof against.',
      tags: ['audit'],
      response: {
        200: {
          description: 'A signed checkpoint (attest-checkpoint/v1)',
          type: 'object',
          required: ['format', 'origin', 'size', 'root', 'time', 'keyId', 'signature', 'note', 'publicKey'],
          properties: {
            format: { type: 'string' },
            origin: { type: 'string' },
            size: { type: 'integer' },
            root: { type: 'string' },
            time: { type: 'string' },
            keyId: { type: 'string' },
            signature: { type: 'string' },
            note: { type: 'string' },
            publicKey: { type: 'string', description: 'Ed25519 public key, SPKI PEM' },
          },
        },
      },
      async handler() {
        return checkpointFresh();
      },
    },
    {
      method: 'GET',
      url: '/api/audit/proofs/consistency',
      scopes: ['audit:read'],
      summary: 'Consistency proof between two signed checkpoints (RFC 9162): the earlier tree is a prefix of the later one',
      description: 'from: the size of an earlier checkpoint (the one you kept); to: a later checkpoint size, default the latest (signed now when the ledger grew). Verify offline with `attest ledger verify-consistency FILE --checkpoint YOUR-CHECKPOINT`.',
      tags: ['audit'],
      querystring: {
        type: 'object',
        required: ['from'],
        additionalProperties: false,
        properties: {
          from: { type: 'integer', minimum: 0, description: 'Tree size of the earlier checkpoint' },
          to: { type: 'integer', minimum: 0, description: 'Tree size of the later checkpoint (default: the latest)' },
        },
      },
      response: {
        200: { description: 'attest-consistency/v1: both signed checkpoints and the proof hashes', type: 'object', additionalProperties: true },
        400: errorResponse('from missing or not a size'),
        404: errorResponse('No checkpoint of that size, or from is larger than to'),
      },
      example: { query: { from: '1' } },
      async handler(req, reply) {
        const q = req.query as { from: number; to?: number };
        const to = q.to ?? (await checkpointFresh()).size;
        try {
          return await ctx.ledger.consistencyProof(q.from, to);
        } catch (e) {
          if (e instanceof LedgerValidationError) return notFound(req, reply, e.message);
          throw e;
        }
      },
    },
    {
      method: 'GET',
      url: '/api/audit/proofs/:seq',
      scopes: ['audit:read'],
      summary: 'Inclusion proof of record SEQ against a signed checkpoint (verifiable offline with the public key)',
      tags: ['audit'],
      params: { type: 'object', required: ['seq'], properties: { seq: { type: 'integer', minimum: 1, description: 'Record sequence number' } } },
      response: {
        200: { description: 'RFC 9162 inclusion proof with the record and the checkpoint', type: 'object', additionalProperties: true },
        404: errorResponse('No such record visible to you'),
      },
      example: { params: { seq: '1' } },
      async handler(req, reply) {
        const { seq } = req.params as { seq: number };
        const [row] = await ctx.ledger.store.records(seq, seq);
        if (!row || !visible(req, JSON.parse(row.body) as { tenant?: string; actor?: { id?: string } })) return notFound(req, reply, `no record ${seq} visible to you`);
        let cp = await ctx.ledger.latestCheckpoint();
        if (!cp || cp.size < seq) cp = await ctx.ledger.checkpoint();
        try {
          return await ctx.ledger.inclusionProof(seq, cp.size);
        } catch (e) {
          if (e instanceof LedgerValidationError) return notFound(req, reply, e.message);
          throw e;
        }
      },
    },
    {
      method: 'GET',
      url: '/api/audit/verification',
      scopes: ['audit:read'],
      unrestrictedOnly: true,
      summary: 'The latest completed ledger verification (does not start one; see GET /api/audit/verify)',
      description: 'What the console shows as the chain status. running: a verification is in progress.',
      tags: ['audit'],
      response: {
        200: {
          description: 'The latest verification result, if any',
          type: 'object',
          required: ['running'],
          properties: { running: { type: 'boolean' }, ...VERIFICATION_PROPERTIES },
        },
      },
      async handler() {
        const v = ctx.verification;
        return {
          running: v.running,
          ...(v.report ? { ...v.report, problems: v.report.problems.slice(0, 20) } : {}),
          ...(v.at ? { at: v.at } : {}),
          ...(v.error ? { ok: false, error: v.error } : {}),
        };
      },
    },
  ];
}
