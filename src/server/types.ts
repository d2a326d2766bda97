/**
 * A route is data: method, URL, the scopes it requires (or an explicit `public: true`), its
 * schemas and its handler. The same declaration is enforced by the access hook (auth.ts),
 * documented by the OpenAPI generator (openapi.ts) and listed, with its scopes, in the
 * compliance report (self-assessment.ts), so none of the three can drift from the others.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal, Scope } from '../access/scopes.js';

/** A JSON Schema (the subset shared by Fastify's validator and OpenAPI 3.1). */
export type JsonSchema = { [keyword: string]: unknown };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RouteBase {
  method: HttpMethod;
  /** Fastify URL pattern, e.g. /api/scans/:id. */
  url: string;
  summary: string;
  description?: string;
  tags: string[];
  querystring?: JsonSchema;
  params?: JsonSchema;
  body?: JsonSchema;
  /** Status code → schema of the body (with a description), as documented. */
  response: Record<number, JsonSchema & { description: string }>;
  /** Media types of the success response other than JSON (e.g. text/csv). */
  produces?: string[];
  /** Only registered when the server runs in development mode. */
  devOnly?: boolean;
  /** Not rate limited: health checks, which load balancers poll and which must stay cheap. */
  unlimited?: true;
  /** Largest accepted body for this route, in bytes (default: server.bodyLimit). */
  bodyLimit?: number;
  /** The configuration setting bodyLimit comes from, named in a 413 answer. */
  bodyLimitSetting?: string;
  /**
   * The body is taken as raw bytes of any media type (a Buffer in req.body), not parsed as
   * JSON: file uploads. The handler checks the media type itself.
   */
  rawBody?: true;
  /** A request that succeeds for a principal with the required scopes (tests, OpenAPI examples). */
  example?: { query?: Record<string, string>; body?: unknown; params?: Record<string, string> };
  handler(req: FastifyRequest, reply: FastifyReply): Promise<unknown>;
}

export interface PublicRoute extends RouteBase {
  public: true;
  scopes?: undefined;
  unrestrictedOnly?: undefined;
}

export interface ProtectedRoute extends RouteBase {
  public?: false;
  /** Every one of these scopes is required; [] = any authenticated principal. */
  scopes: Scope[];
  /**
   * Refused (403) to principals whose view is restricted (bound to tenants, or reading only
   * their own records), because the answer covers every tenant's records.
   */
  unrestrictedOnly?: boolean;
}

export type RouteDecl = PublicRoute | ProtectedRoute;

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated principal (set by the access hook on protected routes). */
    principal?: Principal;
  }
  interface FastifyContextConfig {
    decl?: RouteDecl;
  }
}

/** The body of every 4xx/5xx answer. */
export interface ErrorBody {
  error: string;
  message: string;
  requestId: string;
  /** 403: the scopes the route requires that the token lacks. */
  missingScopes?: string[];
  /** 400: the field at fault. */
  field?: string;
  /** 409 from an erasure: the ledger record of the refused request. */
  requestRecord?: number;
  /** 429: the limit exceeded (per address or per principal) and the seconds until a retry can pass. */
  limit?: 'ip' | 'principal';
  retryAfterSeconds?: number;
}

export const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['error', 'message', 'requestId'],
  properties: {
    error: { type: 'string', description: 'A machine-readable code: unauthorized, forbidden, rate_limited, bad_request, not_found, erasure_refused, unavailable, internal.' },
    message: { type: 'string' },
    requestId: { type: 'string' },
    missingScopes: { type: 'array', items: { type: 'string' } },
    field: { type: 'string' },
    requestRecord: { type: 'integer' },
    reason: { type: 'string' },
    limit: { type: 'string', enum: ['ip', 'principal'] },
    retryAfterSeconds: { type: 'integer' },
  },
};

export function errorResponse(description: string): JsonSchema & { description: string } {
  return { ...ERROR_SCHEMA, description };
}

/** Every route but the health checks can answer this (server.rateLimit). */
export const RATE_LIMITED = errorResponse('Too many requests from this address or principal (server.rateLimit); retry after Retry-After seconds.');

/** The responses every protected route can give besides its own. */
export const AUTH_ERRORS: Record<number, JsonSchema & { description: string }> = {
  401: errorResponse('No bearer token, or the token is not valid (expired, wrong issuer or audience, bad signature, ...).'),
  403: errorResponse('The token is valid but lacks a required scope, or the resource is outside the principal\'s tenants.'),
  429: RATE_LIMITED,
  503: errorResponse('The identity provider\'s signing keys cannot be fetched right now, or the request is refused and neither the ledger nor the denial spool can record the refusal; retry later (Retry-After).'),
};
