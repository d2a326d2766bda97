/**
 * Attest's own GDPR duties over its audit ledger: subject access and erasure, the same
 * operations as `attest ledger subject-access` and `erase-subject`, for principals holding
 * privacy:manage. Every request is recorded in the ledger; the subject is named there only
 * by the keyed pseudonym the erasure record uses, never in clear.
 *
 * The subject travels in the request body, not the URL: URLs end up in the access logs of
 * load balancers and proxies and in browser history, which an erasure cannot reach.
 */
import { subjectPseudonym } from '../../ledger/chain.js';
import { exportView } from '../../ledger/export.js';
import { LedgerValidationError } from '../../ledger/record.js';
import { problem } from '../../ledger/retention-run.js';
import { actorOf } from '../auth.js';
import type { ServerContext } from '../context.js';
import { errorResponse, type JsonSchema, type RouteDecl } from '../types.js';
import { badRequest, errorBody, principalOf } from './common.js';

const SUBJECT: JsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 256,
  description: 'The subject\'s identifier as the ledger holds it: an actor id (e.g. dev:alice, a user pool sub) or the subject of a record\'s personal data',
};

/** The pseudonym a subject is named by in the ledger, and the key id that makes it. */
function pseudonymOf(ctx: ServerContext, subject: string): { id: string; kid: string } {
  const { kid, key } = ctx.ledger.keys.activeHmac();
  return { id: subjectPseudonym(key, subject), kid };
}

export function privacyRoutes(ctx: ServerContext): RouteDecl[] {
  return [
    {
      method: 'POST',
      url: '/api/privacy/subject-access',
      scopes: ['privacy:manage'],
      // A subject's records span tenants; a tenant-bound principal would see part of them
      // and could not tell which part is missing.
      unrestrictedOnly: true,
      summary: 'Subject access: every ledger record about a subject (as actor, or whose personal data it holds), with that personal data, oldest first, in cursor pages',
      description:
        'Each page read is recorded in the ledger as privacy.subject.access, naming the subject by its keyed pseudonym (HMAC with the active chain key, as the erasure record does), before the page is answered. Personal data that was erased is listed under "erased". The subject is in the body so that it never appears in a URL.',
      tags: ['privacy'],
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['subject'],
        properties: {
          subject: SUBJECT,
          limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          cursor: { type: 'string', maxLength: 64, description: 'nextCursor of the previous page' },
        },
      },
      response: {
        200: {
          description: 'A page of the subject\'s records, with personal data (secrets in metadata scrubbed)',
          type: 'object',
          required: ['records', 'accessRecord'],
          properties: {
            records: { type: 'array', items: { type: 'object', additionalProperties: true } },
            nextCursor: { type: 'string' },
            accessRecord: { type: 'integer', description: 'Sequence number of the privacy.subject.access record of this read' },
          },
        },
        400: errorResponse('The body does not fit (the field is named)'),
      },
      example: { body: { subject: 'dev:tester', limit: 10 } },
      async handler(req, reply) {
        const p = principalOf(req);
        const b = req.body as { subject: string; limit?: number; cursor?: string };
        if (!b.subject.trim()) return badRequest(req, reply, 'subject: an identifier is required, not blank space', 'subject');
        let page;
        try {
          page = await ctx.ledger.query({ subject: b.subject, order: 'asc', limit: b.limit ?? 100, ...(b.cursor !== undefined ? { cursor: b.cursor } : {}) });
        } catch (e) {
          if (e instanceof LedgerValidationError) return badRequest(req, reply, e.message, e.field);
          throw e;
        }
        const who = pseudonymOf(ctx, b.subject);
        // Recorded before anything is answered: a read of personal data that left no trace
        // must not happen.
        const rec = await ctx.ledger.append([
          {
            actor: actorOf(p),
            action: 'privacy.subject.access',
            target: { type: 'subject', id: who.id },
            outcome: 'success',
            request_id: req.id,
            metadata: {
              subject_kid: who.kid,
              records: page.records.length,
              ...(page.records.length ? { seqs: { first: page.records[0]!.seq, last: page.records[page.records.length - 1]!.seq } } : {}),
              more: page.nextCursor !== undefined,
            },
          },
        ]);
        return {
          records: page.records.map((r) => exportView(r, true)),
          ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
          accessRecord: rec.last,
        };
      },
    },
    {
      method: 'POST',
      url: '/api/privacy/erasures',
      scopes: ['privacy:manage'],
      // Erasure deletes the subject's personal data in every tenant.
      unrestrictedOnly: true,
      summary: 'Erase a subject\'s personal data from the ledger (GDPR Art. 17); the chain still verifies',
      description:
        'Runs the same erasure as attest ledger erase-subject: an erasure record (ledger.subject.erase, subject by keyed pseudonym) is appended, then the personal data and its salts are deleted and the database files rewritten. The request is recorded first as privacy.subject.erase.request (with the reason); a refusal or failure is recorded as privacy.subject.erase.failed. The reason is recorded in clear, so it may not contain the subject\'s identifier. Archive files are not touched: erase them with attest ledger erase-subject --archive FILE. On PostgreSQL, erasure must run as the schema owner; a service logged in as the application role is refused (409) before anything is deleted or claimed.',
      tags: ['privacy'],
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['subject', 'reason'],
        properties: {
          subject: SUBJECT,
          reason: { type: 'string', minLength: 1, maxLength: 1000, description: 'Why (e.g. "Art. 17 request of 2026-03-02"); recorded in clear, so without the subject\'s identity' },
          ticket: { type: 'string', maxLength: 256, description: 'The request\'s ticket id, recorded as ticket_id on both records (in clear, so without the subject\'s identity)' },
        },
      },
      response: {
        200: {
          description: 'Erased: the personal data is gone from the database (archive files and backups are not covered)',
          type: 'object',
          required: ['outcome', 'erased', 'requestRecord', 'erasureRecord', 'subjectPseudonym', 'subjectKid', 'message'],
          properties: {
            outcome: { type: 'string', enum: ['erased'] },
            erased: { type: 'integer', description: 'Personal-data rows deleted (0: the ledger held none for this subject)' },
            requestRecord: { type: 'integer' },
            erasureRecord: { type: 'integer' },
            subjectPseudonym: { type: 'string' },
            subjectKid: { type: 'string' },
            message: { type: 'string' },
          },
        },
        400: errorResponse('The body does not fit (the field is named); nothing was recorded or erased'),
        409: errorResponse('The ledger\'s store refuses erasure from this service (PostgreSQL: the service does not log in as the schema owner); the reason says how to erase instead. Nothing was erased and no erasure was claimed; the request and its refusal are recorded.'),
      },
      example: { body: { subject: 'matrix-example-subject', reason: 'route matrix check' } },
      async handler(req, reply) {
        const p = principalOf(req);
        const b = req.body as { subject: string; reason: string; ticket?: string };
        if (!b.subject.trim()) return badRequest(req, reply, 'subject: an identifier is required, not blank space', 'subject');
        const reason = b.reason.trim();
        if (!reason) return badRequest(req, reply, 'reason: say why the subject is erased (it is recorded with the request)', 'reason');
        if (reason.toLowerCase().includes(b.subject.trim().toLowerCase())) {
          return badRequest(req, reply, 'reason: it contains the subject\'s identifier, and the reason is recorded in clear; the records name the subject only by pseudonym', 'reason');
        }
        // The ticket id is in both records' chained bodies, which no erasure can reach.
        if (b.ticket?.toLowerCase().includes(b.subject.trim().toLowerCase())) {
          return badRequest(req, reply, 'ticket: it contains the subject\'s identifier, and the ticket id is recorded in clear on the request and the erasure record; use the ticket\'s number', 'ticket');
        }
        const who = pseudonymOf(ctx, b.subject);
        const base = {
          actor: actorOf(p),
          target: { type: 'subject', id: who.id },
          request_id: req.id,
          ...(b.ticket ? { ticket_id: b.ticket } : {}),
        };
        const request = await ctx.ledger.append([{ ...base, action: 'privacy.subject.erase.request', outcome: 'success', metadata: { reason, subject_kid: who.kid } }]);
        try {
          const r = await ctx.ledger.eraseSubject(b.subject, actorOf(p), b.ticket, [], req.id);
          return {
            outcome: 'erased',
            erased: r.erased,
            requestRecord: request.last,
            erasureRecord: r.record,
            subjectPseudonym: who.id,
            subjectKid: who.kid,
            message: `erased the subject's personal data from ${r.erased} record${r.erased === 1 ? '' : 's'}; the erasure is record ${r.record}. Archive files and backups still hold what they held: erase archives with attest ledger erase-subject --archive FILE.`,
          };
        } catch (e) {
          // The store's own refusal (PostgreSQL as the application role) comes before the
          // erasure record is written, so nothing claims an erasure that did not happen.
          const refused = e instanceof LedgerValidationError && e.field === 'db';
          const message = problem(e);
          await ctx.ledger.append([
            { ...base, action: 'privacy.subject.erase.failed', outcome: 'error', metadata: { request_record: request.last, refused, error: message } },
          ]);
          if (refused) return reply.code(409).send(errorBody(req, 'erasure_refused', message, { requestRecord: request.last }));
          throw e;
        }
      },
    },
  ];
}
