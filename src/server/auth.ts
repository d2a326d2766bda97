/**
 * The one place where the HTTP layer decides who is calling and whether they may: an
 * onRequest hook (it runs before the body is even read) that looks up the route's
 * declaration, verifies the bearer token, checks the declared scopes and answers 401/403
 * with a JSON body naming what is missing, and that enforces the rate limits (429). Every
 * refusal is recorded by the denial recorder before the answer goes out: the first ones of a
 * window as `access.denied`, the rest counted into summaries (see denial-recorder.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthError, type Verifier } from '../access/jwt.js';
import type { Principal } from '../access/scopes.js';
import type { AuditEventInput } from '../ledger/record.js';
import type { DenialRecorder, DenialKey } from './denial-recorder.js';
import type { RateLimiter } from './rate-limit.js';
import type { ErrorBody, RouteDecl } from './types.js';

/** Verified tokens are remembered for this long (never past their expiry). */
const TOKEN_CACHE_MS = 30_000;
const TOKEN_CACHE_MAX = 10_000;

/**
 * Verifies bearer tokens, remembering recent successes: the same token is presented on every
 * request of a session, and verifying a signature on each would dominate the cost of a
 * cached report. Keyed by the whole token, so a changed byte is verified afresh.
 */
export class Authenticator {
  private cache = new Map<string, { principal: Principal; until: number }>();

  constructor(readonly verifier: Verifier) {}

  async authenticate(token: string | undefined): Promise<Principal> {
    if (token !== undefined) {
      const hit = this.cache.get(token);
      if (hit) {
        if (hit.until > Date.now()) return hit.principal;
        this.cache.delete(token);
      }
    }
    const principal = await this.verifier.verify(token);
    const exp = principal.expiresAt !== undefined ? principal.expiresAt * 1000 : Date.now();
    const until = Math.min(Date.now() + TOKEN_CACHE_MS, exp);
    if (token !== undefined && until > Date.now()) {
      if (this.cache.size >= TOKEN_CACHE_MAX) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(token, { principal, until });
    }
    return principal;
  }
}

/** The token of an `Authorization: Bearer …` header; undefined when absent or of another scheme. */
export function bearerToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (typeof h !== 'string') return undefined;
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(h);
  return m ? m[1] : undefined;
}

export type DenyReason =
  | 'missing_token'
  | 'bad_scheme'
  | AuthError['code']
  | 'missing_scope'
  | 'restricted_principal'
  | 'tenant'
  | 'own_records_only'
  | 'actor_mismatch'
  // Compliance: the role may not attest this requirement (the catalog names who may), or
  // the approver of an exception is the person who requested it.
  | 'not_attester'
  | 'separation_of_duties'
  | 'rate_limited';

export interface Denial {
  status: 401 | 403 | 429 | 503;
  reason: DenyReason;
  message: string;
  missingScopes?: string[];
  /** 429: which limit, and when the client may try again. */
  rateLimit?: { limit: 'ip' | 'principal'; retryAfterSeconds: number };
}

const DENIAL_CLASS: Record<Denial['status'], string> = { 401: 'authentication', 403: 'authorization', 429: 'rate_limit', 503: 'unavailable' };

/** The client a principal's requests are counted against (rate limit, denial summaries). */
export function principalKey(p: Principal): string {
  return `principal:${p.issuer ?? ''} ${p.subject}`;
}

/** What the denial recorder groups a denial under: its class, and the principal or else the address. */
function denialKey(req: FastifyRequest, d: Denial): DenialKey {
  return { cls: DENIAL_CLASS[d.status], client: req.principal ? principalKey(req.principal) : `ip:${req.ip}` };
}

/** Printable, bounded text for an audit field (no control characters). */
function clean(s: string | undefined, max = 512): string | undefined {
  if (s === undefined) return undefined;
  const t = s.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, max);
  return t === '' ? undefined : t;
}

export function actorOf(p: Principal): { id: string; type: 'user' | 'service' } {
  return { id: p.subject, type: p.kind === 'service' ? 'service' : 'user' };
}

/** The route as declared, or the path when the request matched none. */
export function routeLabel(req: FastifyRequest): string {
  return req.routeOptions.url ?? req.url.split('?')[0]!.slice(0, 256);
}

/**
 * Records the refusal — in the ledger, or in the denial spool while the ledger refuses
 * writes — then answers with the refusal. Only when neither can hold it does the client get
 * 503 instead: a refusal that leaves no trace must not be answered as if it had been recorded.
 */
export async function deny(denials: DenialRecorder, req: FastifyRequest, reply: FastifyReply, d: Denial): Promise<FastifyReply> {
  const p = req.principal;
  const route = routeLabel(req);
  const ev: AuditEventInput = {
    actor: p ? { ...actorOf(p), ...(req.ip ? { ip: req.ip } : {}) } : { id: 'anonymous', type: 'user', ...(req.ip ? { ip: req.ip } : {}) },
    action: 'access.denied',
    target: { type: 'route', id: `${req.method} ${route}`.slice(0, 256) },
    outcome: 'denied',
    request_id: clean(req.id, 256)!,
    metadata: {
      route,
      method: req.method,
      status: d.status,
      reason: d.reason,
      ...(d.missingScopes?.length ? { missingScope: d.missingScopes } : {}),
      ...(p?.tenants && p.tenants !== '*' && p.tenants.length ? { principalTenants: p.tenants } : {}),
    },
  };
  const ua = clean(req.headers['user-agent']);
  if (ua) ev.actor.user_agent = ua;
  if (p && p.tenants && p.tenants !== '*' && p.tenants.length === 1) ev.tenant = p.tenants[0]!;
  let recorded: Awaited<ReturnType<DenialRecorder['record']>>;
  try {
    recorded = await denials.record(ev, denialKey(req, d), route, d.status, d.reason, req.log);
  } catch {
    // record() has logged why; the route, reason and request id tie the log line to this answer.
    req.log.warn({ reason: d.reason, status: d.status, route }, 'access denied, and the denial could not be recorded: answering 503');
    reply.header('retry-after', '30');
    return reply.code(503).type('application/json; charset=utf-8').send({ error: 'unavailable', message: 'the request is refused and the audit trail cannot record the refusal right now; retry later', requestId: req.id });
  }
  const body: ErrorBody = {
    error: d.status === 401 ? 'unauthorized' : d.status === 403 ? 'forbidden' : d.status === 429 ? 'rate_limited' : 'unavailable',
    message: d.message,
    requestId: req.id,
    ...(d.missingScopes ? { missingScopes: d.missingScopes } : {}),
    ...(d.rateLimit ? d.rateLimit : {}),
  };
  if (d.status === 401) reply.header('www-authenticate', `Bearer error="invalid_token"`);
  if (d.status === 403 && d.missingScopes) reply.header('www-authenticate', `Bearer error="insufficient_scope", scope="${d.missingScopes.join(' ')}"`);
  if (d.status === 503) reply.header('retry-after', '30');
  if (d.rateLimit) reply.header('retry-after', String(d.rateLimit.retryAfterSeconds));
  // A flood's counted denials would flood the log too: the summary record carries them.
  if (recorded === 'counted') req.log.debug({ reason: d.reason, status: d.status, route }, 'access denied (counted for the window summary)');
  else req.log.warn({ reason: d.reason, status: d.status, route, missingScopes: d.missingScopes }, 'access denied');
  return reply.code(d.status).type('application/json; charset=utf-8').send({ ...body, reason: d.reason });
}

/** Whether a principal sees only part of the ledger (bound to tenants, or to its own records). */
export function isRestricted(p: Principal): boolean {
  return p.ownRecordsOnly || (Array.isArray(p.tenants) && p.tenants.length > 0);
}

/**
 * Installs the access hook. A request whose route carries no declaration is refused with 500:
 * an undeclared route must never be served, whatever registered it.
 */
export interface RateLimits {
  perIp?: RateLimiter;
  perPrincipal?: RateLimiter;
}

function rateLimited(limiter: RateLimiter, which: 'ip' | 'principal', key: string, who: string): Denial | undefined {
  const t = limiter.take(key);
  if (t.ok) return undefined;
  const { perSecond, burst } = limiter.limit;
  return {
    status: 429,
    reason: 'rate_limited',
    rateLimit: { limit: which, retryAfterSeconds: t.retryAfterSeconds },
    message: `too many requests from ${who}: the ${which === 'ip' ? 'per-address' : 'per-principal'} limit is ${perSecond} per second with bursts of ${burst} (server.rateLimit.${which === 'ip' ? 'perIp' : 'perPrincipal'}); retry after ${t.retryAfterSeconds} s`,
  };
}

export function installAccessHook(app: FastifyInstance, auth: Authenticator, denials: DenialRecorder, limits: RateLimits = {}): void {
  app.addHook('onRequest', async (req, reply) => {
    const decl: RouteDecl | undefined = req.routeOptions.config?.decl;
    // First, before any token is verified: a flood is turned away at the cost of a map lookup.
    if (limits.perIp && !decl?.unlimited) {
      const limited = rateLimited(limits.perIp, 'ip', req.ip, `address ${req.ip}`);
      if (limited) return deny(denials, req, reply, limited);
    }
    if (!decl) {
      if (req.is404) return; // the not-found handler answers
      req.log.error({ route: routeLabel(req) }, 'route without an access declaration refused');
      return reply.code(500).send({ error: 'internal', message: 'this route has no access declaration and is not served', requestId: req.id });
    }
    if (decl.public) return;
    const header = req.headers.authorization;
    const token = bearerToken(req);
    if (token === undefined) {
      const bad = typeof header === 'string' && header.trim() !== '';
      return deny(denials, req, reply, {
        status: 401,
        reason: bad ? 'bad_scheme' : 'missing_token',
        message: bad ? 'the Authorization header must be "Bearer <access token>"' : 'authentication required: send "Authorization: Bearer <access token>"',
      });
    }
    let principal: Principal;
    try {
      principal = await auth.authenticate(token);
    } catch (e) {
      const err = e instanceof AuthError ? e : new AuthError('invalid', 'the token could not be verified');
      return deny(denials, req, reply, { status: err.status, reason: err.code, message: err.message });
    }
    req.principal = principal;
    if (limits.perPrincipal) {
      const limited = rateLimited(limits.perPrincipal, 'principal', principalKey(principal), `principal ${principal.subject}`);
      if (limited) return deny(denials, req, reply, limited);
    }
    const missing = decl.scopes.filter((s) => !principal.scopes.has(s));
    if (missing.length) {
      return deny(denials, req, reply, {
        status: 403,
        reason: 'missing_scope',
        missingScopes: missing,
        message: `${decl.method} ${decl.url} requires scope ${missing.join(' and ')}; the token grants ${[...principal.scopes].sort().join(', ') || 'no Attest scope'}`,
      });
    }
    if (decl.unrestrictedOnly && isRestricted(principal)) {
      return deny(denials, req, reply, {
        status: 403,
        reason: 'restricted_principal',
        message: `${decl.method} ${decl.url} covers every tenant's records; principals bound to tenants or to their own records cannot use it`,
      });
    }
  });
}
