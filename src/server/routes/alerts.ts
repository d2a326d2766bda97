/**
 * Alerts: list and read them (alerts:read), acknowledge and resolve them (alerts:write),
 * follow them live (server-sent events), and raise a test alert through every configured
 * channel. Each change is a ledger record written with the acting principal as its actor.
 */
import { randomUUID } from 'node:crypto';
import {
  ALERT_ACKNOWLEDGED,
  ALERT_RAISED,
  ALERT_RESOLVED,
  SEVERITIES,
  type AlertRaised,
  type AlertResolved,
  type AlertView,
} from '../../detection/alert.js';
import { type AlertEvent } from '../../notify/alerts.js';
import { severityRank } from '../../notify/config.js';
import { LedgerConflictError } from '../../ledger/store.js';
import { actorOf } from '../auth.js';
import type { ServerContext } from '../context.js';
import { errorResponse, type JsonSchema, type RouteDecl } from '../types.js';
import { badRequest, errorBody, notFound, principalOf, str } from './common.js';

const RESOLUTIONS: AlertResolved['resolution'][] = ['true-positive', 'false-positive', 'benign', 'duplicate'];
const STATES = ['open', 'acknowledged', 'resolved'] as const;

const SIGNAL: JsonSchema = {
  type: 'object',
  required: ['rule', 'summary', 'weight', 'highConfidence', 'evidenceSeqs', 'count'],
  properties: {
    rule: { type: 'string' },
    summary: { type: 'string' },
    weight: { type: 'number' },
    highConfidence: { type: 'boolean' },
    evidenceSeqs: { type: 'array', items: { type: 'integer' }, description: 'Ledger seqs of the records that made the rule fire' },
    count: { type: 'integer' },
  },
};

const ALERT_VIEW: JsonSchema = {
  type: 'object',
  required: ['alertId', 'severity', 'subject', 'score', 'signals', 'title', 'state', 'raisedSeq', 'raisedAt', 'deliveryFailures'],
  properties: {
    alertId: { type: 'string' },
    severity: { type: 'string', enum: [...SEVERITIES] },
    subject: { type: 'string', description: 'The actor the alert is about, or ip:<address>' },
    score: { type: 'number' },
    signals: { type: 'array', items: SIGNAL },
    windowStart: { type: 'string' },
    windowEnd: { type: 'string' },
    evaluatedThrough: { type: 'integer' },
    title: { type: 'string' },
    test: { type: 'boolean', description: 'Raised by POST /api/alerts/test' },
    state: { type: 'string', enum: [...STATES] },
    raisedSeq: { type: 'integer', description: 'Seq of the alert.raised record' },
    raisedAt: { type: 'string' },
    acknowledged: { type: 'object', additionalProperties: true, description: 'by (principal), at, seq of the alert.acknowledged record, note' },
    resolved: { type: 'object', additionalProperties: true, description: 'by, at, seq of the alert.resolved record, resolution, note' },
    deliveryFailures: {
      type: 'array',
      description: 'Dead letters: deliveries that failed every try (alert.delivery.failed records), by channel name',
      items: { type: 'object', required: ['channel', 'attempts', 'error', 'deadLetter', 'at', 'seq'], properties: { alertId: { type: 'string' }, channel: { type: 'string' }, attempts: { type: 'integer' }, error: { type: 'string' }, deadLetter: { type: 'boolean' }, at: { type: 'string' }, seq: { type: 'integer' } } },
    },
  },
};

const ID_PARAMS: JsonSchema = { type: 'object', required: ['id'], properties: { id: str('The alert id', { minLength: 1, maxLength: 128 }) } };
const NOTE = str('Free text kept in the ledger record (do not put personal data in it)', { maxLength: 2000 });

/** Alerts newest first, filtered (one pass; the filters combine). */
export function filterAlerts(all: Iterable<AlertView>, f: { state?: string; severity?: string; minSeverity?: string; subject?: string; since?: string }): AlertView[] {
  const since = f.since ? Date.parse(f.since) : undefined;
  const min = f.minSeverity ? severityRank(f.minSeverity as AlertView['severity']) : undefined;
  const out: AlertView[] = [];
  for (const a of all) {
    if (f.state && a.state !== f.state) continue;
    if (f.severity && a.severity !== f.severity) continue;
    if (min !== undefined && severityRank(a.severity) < min) continue;
    if (f.subject && a.subject !== f.subject) continue;
    if (since !== undefined && Date.parse(a.raisedAt) < since) continue;
    out.push(a);
  }
  return out.sort((a, b) => b.raisedSeq - a.raisedSeq);
}

/**
 * The two changes a person makes to an alert, and what each may not follow: an alert is
 * acknowledged once, and resolved once (from open or acknowledged); nothing follows a resolve.
 */
const CHANGES = {
  acknowledge: { action: ALERT_ACKNOWLEDGED, notAfter: [ALERT_ACKNOWLEDGED, ALERT_RESOLVED] },
  resolve: { action: ALERT_RESOLVED, notAfter: [ALERT_RESOLVED] },
} as const;
type Change = keyof typeof CHANGES;

/** Why this change cannot be made to the alert as it stands (the 409's message), or undefined. */
function refusal(a: AlertView, change: Change): string | undefined {
  if (a.state === 'resolved') return `alert ${a.alertId} was resolved by ${a.resolved?.by} at ${a.resolved?.at} (record ${a.resolved?.seq}); it cannot change any more`;
  if (change === 'acknowledge' && a.state === 'acknowledged') return `alert ${a.alertId} was already acknowledged by ${a.acknowledged?.by} at ${a.acknowledged?.at} (record ${a.acknowledged?.seq})`;
  return undefined;
}

export function alertRoutes(ctx: ServerContext): RouteDecl[] {
  const missing = (id: string) => `no alert ${JSON.stringify(id.slice(0, 128))}; GET /api/alerts lists them`;

  /**
   * Acknowledge or resolve. The state read first gives the usual answers (404, 409); the
   * append itself is guarded (Ledger.append's `unless`): it is written only if, under the
   * ledger's append lock, the alert still has no record the change may not follow (a guarded
   * append is also written alone, one at a time, through this process's append queue). So of
   * two concurrent requests — in this instance or in two instances over one database — exactly
   * one writes its record and the other gets 409 naming the one that did. The guarantee holds
   * among writers that append these records guarded, which in attest is this route alone
   * (POST /api/audit/events refuses alert.* records); an older instance without the guard
   * during a rolling upgrade could still write a second one (the fold keeps the first).
   */
  const changeRoute = (change: Change, d: { summary: string; body: JsonSchema; ok: string; bad: string; conflict: string }): RouteDecl => ({
    method: 'POST',
    url: `/api/alerts/:id/${change}`,
    scopes: ['alerts:write'],
    unrestrictedOnly: true,
    summary: d.summary,
    description: 'Exactly one of several concurrent requests to change an alert the same way succeeds (also across instances over one database): the others get 409 naming who did it.',
    tags: ['alerts'],
    params: ID_PARAMS,
    body: d.body,
    response: { 200: { ...ALERT_VIEW, description: d.ok }, 400: errorResponse(d.bad), 404: errorResponse('No such alert'), 409: errorResponse(d.conflict) },
    async handler(req, reply) {
      const { id } = req.params as { id: string };
      const body = (req.body ?? {}) as { note?: string; resolution?: AlertResolved['resolution'] };
      const a = await ctx.alerts.get(id);
      if (!a) return notFound(req, reply, missing(id));
      const why = refusal(a, change);
      if (why) return reply.code(409).send(errorBody(req, 'conflict', why));
      const { action, notAfter } = CHANGES[change];
      const metadata = { alertId: id, ...(change === 'resolve' ? { resolution: body.resolution! } : {}), ...(body.note ? { note: body.note } : {}) };
      try {
        await ctx.ledger.append([{ actor: actorOf(principalOf(req)), action, target: { type: 'alert', id }, outcome: 'success', request_id: req.id, metadata }], { alerts: true, unless: { targetType: 'alert', targetId: id, actions: notAfter } });
      } catch (e) {
        if (!(e instanceof LedgerConflictError)) throw e;
        // Another request got there first; its record is committed, so a fresh read has it.
        const now = await ctx.alerts.get(id);
        const lost = (now && refusal(now, change)) ?? `alert ${id} already has record ${e.seq} (${e.action}), written while this request was being handled`;
        return reply.code(409).send(errorBody(req, 'conflict', lost));
      }
      return ctx.alerts.get(id);
    },
  });

  return [
    {
      method: 'GET',
      url: '/api/alerts',
      scopes: ['alerts:read'],
      unrestrictedOnly: true,
      summary: 'List alerts (newest first), with their state, evidence and delivery failures',
      description: 'Alerts are folded from the alert.* ledger records. Filters combine. openCount is the number of open alerts overall (the console\'s badge), whatever the filters.',
      tags: ['alerts'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          state: str('Only alerts in this state', { enum: [...STATES] }),
          severity: str('Only alerts of this severity', { enum: [...SEVERITIES] }),
          minSeverity: str('Only alerts of this severity or above', { enum: [...SEVERITIES] }),
          subject: str('Only alerts about this actor (or ip:<address>)', { maxLength: 256 }),
          since: str('Only alerts raised at or after this time (ISO 8601)', { format: 'date-time' }),
          limit: { type: 'integer', minimum: 1, maximum: 1000, default: 200, description: 'At most this many alerts' },
        },
      },
      response: {
        200: { description: 'The alerts', type: 'object', required: ['alerts', 'total', 'openCount'], properties: { alerts: { type: 'array', items: ALERT_VIEW }, total: { type: 'integer' }, openCount: { type: 'integer' } } },
        400: errorResponse('A filter is not valid (the field is named)'),
      },
      example: { query: { state: 'open' } },
      async handler(req) {
        const q = req.query as { state?: string; severity?: string; minSeverity?: string; subject?: string; since?: string; limit?: number };
        const all = (await ctx.alerts.fresh()).values();
        const matched = filterAlerts(all, q);
        return { alerts: matched.slice(0, q.limit ?? 200), total: matched.length, openCount: ctx.alerts.openCount };
      },
    },
    {
      method: 'GET',
      url: '/api/alerts/stream',
      scopes: ['alerts:read'],
      unrestrictedOnly: true,
      summary: 'Server-sent events: one `alert` event per alert record (raised, acknowledged, resolved, delivery failed)',
      description:
        'text/event-stream. Each event\'s data is JSON { action, alertId, seq, severity?, title?, notify? }; read the alert itself with GET /api/alerts/{id}. notify is true for raised alerts at or above notify.inApp.minSeverity. A comment line every 15 s keeps proxies from closing the stream. Covers every alert record in the ledger, whichever instance wrote it (records from other instances within about a second); reload the list on reconnect.',
      tags: ['alerts'],
      produces: ['text/event-stream'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { maxSeconds: { type: 'integer', minimum: 1, maximum: 3600, default: 300, description: 'The stream ends after this many seconds and the client reconnects (EventSource does by itself), so no connection stays pinned to one instance for hours' } },
      },
      response: { 200: { description: 'The event stream, ended after maxSeconds', type: 'string' } },
      example: { query: { maxSeconds: '1' } },
      async handler(req, reply) {
        const { maxSeconds = 300 } = req.query as { maxSeconds?: number };
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(reply.getHeaders())) if (typeof v === 'string') headers[k] = v;
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
        res.write(`retry: 3000\n: connected\n\n`);
        const send = (e: AlertEvent) => res.write(`id: ${e.seq}\nevent: alert\ndata: ${JSON.stringify(e)}\n\n`);
        const unsubscribe = ctx.alerts.subscribe(send);
        const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
        keepAlive.unref();
        const stop = setTimeout(() => res.end(), maxSeconds * 1000);
        const end = () => {
          clearInterval(keepAlive);
          clearTimeout(stop);
          unsubscribe();
        };
        req.raw.once('close', end);
        res.once('close', end);
        res.once('finish', end);
        return reply;
      },
    },
    {
      method: 'GET',
      url: '/api/alerts/:id',
      scopes: ['alerts:read'],
      unrestrictedOnly: true,
      summary: 'One alert: signals with their evidence seqs, state, who acknowledged and resolved it, dead letters',
      tags: ['alerts'],
      params: ID_PARAMS,
      response: { 200: { ...ALERT_VIEW, description: 'The alert' }, 404: errorResponse('No such alert') },
      async handler(req, reply) {
        const { id } = req.params as { id: string };
        return (await ctx.alerts.get(id)) ?? notFound(req, reply, missing(id));
      },
    },
    changeRoute('acknowledge', {
      summary: 'Acknowledge an open alert (someone is on it): appends alert.acknowledged with you as the actor',
      body: { type: 'object', additionalProperties: false, properties: { note: NOTE } },
      ok: 'The alert, acknowledged',
      bad: 'The body does not fit',
      conflict: 'Already acknowledged or resolved',
    }),
    changeRoute('resolve', {
      summary: 'Resolve an alert with a resolution (true-positive, false-positive, benign, duplicate): appends alert.resolved with you as the actor',
      body: { type: 'object', additionalProperties: false, required: ['resolution'], properties: { resolution: str('What the alert turned out to be', { enum: RESOLUTIONS }), note: NOTE } },
      ok: 'The alert, resolved',
      bad: 'The body does not fit (resolution is required)',
      conflict: 'Already resolved',
    }),
    {
      method: 'POST',
      url: '/api/alerts/test',
      scopes: ['alerts:write'],
      unrestrictedOnly: true,
      summary: 'Raise a test alert through every configured channel (email, webhooks, the console), whatever their severity routing',
      description:
        'Appends an alert.raised record marked test: true about you; this instance delivers it to every channel. Deliveries run after the answer: a channel that fails every try shows as a dead letter in the alert\'s deliveryFailures (GET /api/alerts/{id}). Resolve the test alert afterwards as benign.',
      tags: ['alerts'],
      body: { type: 'object', additionalProperties: false, properties: { note: NOTE } },
      response: {
        201: { description: 'The test alert and the channels it is being delivered to', type: 'object', required: ['alert', 'channels'], properties: { alert: ALERT_VIEW, channels: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, type: { type: 'string' }, minSeverity: { type: 'string' } } } } } },
        400: errorResponse('The body does not fit'),
      },
      example: { body: {} },
      async handler(req, reply) {
        const p = principalOf(req);
        const actor = actorOf(p);
        const now = new Date().toISOString();
        const head = await ctx.ledger.store.head();
        const body = (req.body ?? {}) as { note?: string };
        if (body.note !== undefined && !body.note.trim()) return badRequest(req, reply, 'note: leave it out or write something', 'note');
        const raised: AlertRaised & { test: true } = {
          alertId: `test-${randomUUID()}`,
          severity: 'low',
          subject: actor.id,
          score: 0,
          signals: [{ rule: 'test', summary: `Test alert requested by ${actor.id}${body.note ? `: ${body.note}` : ''}`, weight: 0, highConfidence: false, evidenceSeqs: [], count: 0 }],
          windowStart: now,
          windowEnd: now,
          evaluatedThrough: head.size,
          title: 'Test alert: checks that alert delivery reaches you',
          test: true,
        };
        const r = await ctx.ledger.append([{ actor, action: ALERT_RAISED, target: { type: 'alert', id: raised.alertId }, outcome: 'success', request_id: req.id, metadata: { ...raised } }], { alerts: true });
        const view: AlertView = { ...raised, state: 'open', raisedSeq: r.last, raisedAt: now, deliveryFailures: [] };
        return reply.code(201).send({ alert: (await ctx.alerts.get(raised.alertId)) ?? view, channels: ctx.notifier.channelNames });
      },
    },
  ];
}
