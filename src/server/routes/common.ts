/** Helpers the route modules share: tenant scoping and error answers. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../access/scopes.js';
import { deny } from '../auth.js';
import type { ServerContext } from '../context.js';
import type { ErrorBody, JsonSchema } from '../types.js';

/** The principal of a protected route (the access hook has set it). */
export function principalOf(req: FastifyRequest): Principal {
  const p = req.principal;
  if (!p) throw new Error('no principal on a protected route: the access hook did not run');
  return p;
}

/** The tenants a principal may see: undefined = every tenant (no binding, or bound to '*'). */
export function visibleTenants(p: Principal): string[] | undefined {
  if (p.tenants === undefined || p.tenants === '*') return undefined;
  return p.tenants;
}

/**
 * The tenant filter of a read: the requested tenant if the principal may see it, else the
 * principal's tenants. A request for a tenant outside them is refused (403, recorded).
 */
export async function tenantFilter(
  ctx: ServerContext,
  req: FastifyRequest,
  reply: FastifyReply,
  requested: string | undefined,
): Promise<{ tenants: string[] | undefined } | { denied: FastifyReply }> {
  const allowed = visibleTenants(principalOf(req));
  if (requested === undefined) return { tenants: allowed };
  if (allowed === undefined || allowed.includes(requested)) return { tenants: [requested] };
  return {
    denied: await deny(ctx.denialRecorder, req, reply, { status: 403, reason: 'tenant', message: `you are bound to tenant(s) ${allowed.join(', ')}; tenant ${JSON.stringify(requested.slice(0, 64))} is not among them` }),
  };
}

/**
 * The tenant a write is recorded under: the one named if the principal may write there, or
 * the principal's only tenant. Undefined for unrestricted principals that name none.
 */
export async function writeTenant(
  ctx: ServerContext,
  req: FastifyRequest,
  reply: FastifyReply,
  requested: string | undefined,
): Promise<{ tenant: string | undefined } | { denied: FastifyReply } | { bad: FastifyReply }> {
  const allowed = visibleTenants(principalOf(req));
  if (allowed === undefined) return { tenant: requested };
  if (requested === undefined) {
    if (allowed.length === 1) return { tenant: allowed[0] };
    return { bad: badRequest(req, reply, `you are bound to several tenants (${allowed.join(', ')}); name one in "tenant"`, 'tenant') };
  }
  if (allowed.includes(requested)) return { tenant: requested };
  return {
    denied: await deny(ctx.denialRecorder, req, reply, { status: 403, reason: 'tenant', message: `you are bound to tenant(s) ${allowed.join(', ')}; you cannot write to tenant ${JSON.stringify(requested.slice(0, 64))}` }),
  };
}

export function errorBody(req: FastifyRequest, error: string, message: string, extra: Partial<ErrorBody> = {}): ErrorBody {
  return { error, message, requestId: req.id, ...extra };
}

export function badRequest(req: FastifyRequest, reply: FastifyReply, message: string, field?: string): FastifyReply {
  return reply.code(400).send(errorBody(req, 'bad_request', message, field ? { field } : {}));
}

export function notFound(req: FastifyRequest, reply: FastifyReply, message: string): FastifyReply {
  return reply.code(404).send(errorBody(req, 'not_found', message));
}

/** Strings of a querystring schema. */
export function str(description: string, extra: JsonSchema = {}): JsonSchema {
  return { type: 'string', description, ...extra };
}
