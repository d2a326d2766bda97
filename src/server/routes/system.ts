/** Health, readiness, the API description, the login configuration and the caller's identity. */
import { SCOPES } from '../../access/scopes.js';
import { TOOL_VERSION } from '../../report/model.js';
import type { ServerContext } from '../context.js';
import { cognitoPool } from '../self-assessment.js';
import { buildOpenApi } from '../openapi.js';
import { errorResponse, type RouteDecl } from '../types.js';
import { errorBody, principalOf } from './common.js';

export function systemRoutes(ctx: ServerContext): RouteDecl[] {
  let openapi: string | undefined;
  return [
    {
      method: 'GET',
      url: '/healthz',
      public: true,
      unlimited: true,
      summary: 'Liveness: the process answers',
      tags: ['system'],
      response: { 200: { description: 'Alive', type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } } },
      async handler() {
        return { status: 'ok' };
      },
    },
    {
      method: 'GET',
      url: '/readyz',
      public: true,
      unlimited: true,
      summary: 'Readiness: the ledger database answers and the server is not shutting down',
      tags: ['system'],
      response: {
        200: {
          description: 'Ready ("ready"), or "degraded": serving, but access denials the ledger refused are waiting in the spool (spooledDenials) to be re-appended',
          type: 'object',
          required: ['status'],
          properties: { status: { type: 'string', enum: ['ready', 'degraded'] }, ledger: { type: 'string' }, spooledDenials: { type: 'integer' } },
        },
        503: errorResponse('Not ready (shutting down, or the database does not answer)'),
      },
      async handler(req, reply) {
        if (ctx.shuttingDown) return reply.code(503).send(errorBody(req, 'unavailable', 'shutting down'));
        try {
          await ctx.ledger.latestCheckpoint();
        } catch (e) {
          req.log.error({ err: { message: (e as Error).message } }, 'readiness: ledger unavailable');
          return reply.code(503).send(errorBody(req, 'unavailable', 'the ledger database does not answer'));
        }
        // Degraded, not 503: taking the instance out of the load balancer would not bring the
        // ledger back, and the service still records every denial (in the spool).
        const spooled = ctx.denials.count;
        if (spooled > 0) return { status: 'degraded', ledger: ctx.ledger.store.kind, spooledDenials: spooled };
        return { status: 'ready', ledger: ctx.ledger.store.kind };
      },
    },
    {
      method: 'GET',
      url: '/api/openapi.json',
      public: true,
      summary: 'This API, as an OpenAPI 3.1 document generated from the route declarations',
      tags: ['system'],
      response: { 200: { description: 'OpenAPI 3.1 document', type: 'object', additionalProperties: true } },
      async handler(_req, reply) {
        openapi ??= JSON.stringify(buildOpenApi(ctx.routes, { dev: ctx.dev, version: TOOL_VERSION }));
        return reply.type('application/json; charset=utf-8').send(openapi);
      },
    },
    {
      method: 'GET',
      url: '/api/auth/config',
      public: true,
      summary: 'What a login page needs: the issuer, Cognito pool and region, the public client id, the scopes (never a secret)',
      tags: ['auth'],
      response: {
        200: {
          description: 'Login configuration',
          type: 'object',
          required: ['mode', 'scopes'],
          properties: {
            mode: { type: 'string', enum: ['oidc', 'development'] },
            issuer: { type: ['string', 'null'] },
            region: { type: 'string' },
            userPoolId: { type: 'string' },
            clientId: { type: ['string', 'null'] },
            authDomain: { type: ['string', 'null'] },
            scopePrefix: { type: ['string', 'null'] },
            scopes: { type: 'array', items: { type: 'string' } },
            devLogin: { type: 'string' },
            devTokenEndpoint: { type: 'string' },
            roles: { type: 'array', items: { type: 'string' } },
          },
        },
      },
      async handler() {
        const pool = cognitoPool(ctx.access.issuer);
        const login = ctx.config.server;
        return {
          mode: ctx.dev ? 'development' : 'oidc',
          issuer: ctx.access.issuer ?? null,
          ...(pool ?? {}),
          clientId: login.publicClientId ?? null,
          authDomain: login.authDomain ?? null,
          scopePrefix: ctx.access.scopePrefix ?? null,
          scopes: [...SCOPES],
          ...(ctx.dev ? { devLogin: '/dev/login', devTokenEndpoint: '/api/dev/token', roles: Object.keys(ctx.access.roles) } : {}),
        };
      },
    },
    {
      method: 'GET',
      url: '/api/me',
      scopes: [],
      summary: 'The authenticated principal: subject, roles, scopes, tenants',
      tags: ['auth'],
      response: {
        200: {
          description: 'The caller',
          type: 'object',
          required: ['subject', 'kind', 'roles', 'scopes', 'ownRecordsOnly', 'dev'],
          properties: {
            subject: { type: 'string' },
            username: { type: 'string' },
            kind: { type: 'string', enum: ['user', 'service'] },
            roles: { type: 'array', items: { type: 'string' } },
            scopes: { type: 'array', items: { type: 'string' } },
            tenants: { oneOf: [{ type: 'array', items: { type: 'string' } }, { type: 'string', enum: ['*'] }] },
            ownRecordsOnly: { type: 'boolean' },
            clientId: { type: 'string' },
            issuer: { type: 'string' },
            expiresAt: { type: 'string' },
            dev: { type: 'boolean' },
          },
        },
      },
      async handler(req) {
        const p = principalOf(req);
        return {
          subject: p.subject,
          ...(p.username !== undefined ? { username: p.username } : {}),
          kind: p.kind,
          roles: p.roles,
          scopes: [...p.scopes].sort(),
          ...(p.tenants !== undefined ? { tenants: p.tenants } : {}),
          ownRecordsOnly: p.ownRecordsOnly,
          ...(p.clientId !== undefined ? { clientId: p.clientId } : {}),
          ...(p.issuer !== undefined ? { issuer: p.issuer } : {}),
          ...(p.expiresAt !== undefined ? { expiresAt: new Date(p.expiresAt * 1000).toISOString() } : {}),
          dev: p.dev,
        };
      },
    },
  ];
}
