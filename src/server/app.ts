/**
 * The Fastify application: logging without secrets, request ids, the access hook, the
 * declared routes, and error answers in one JSON shape.
 */
import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import { DEFAULT_HSTS, DEFAULT_TIMEOUTS, type ServerConfig } from '../config.js';
import { LedgerValidationError } from '../ledger/record.js';
import { ComplianceInputError } from '../compliance/util.js';
import { installAccessHook } from './auth.js';
import type { ServerContext } from './context.js';
import { consoleRoutes } from './console.js';
import { alertRoutes } from './routes/alerts.js';
import { auditRoutes } from './routes/audit.js';
import { complianceRoutes } from './routes/compliance.js';
import { jobRoutes } from './routes/jobs.js';
import { devRoutes } from './routes/dev.js';
import { privacyRoutes } from './routes/privacy.js';
import { scanRoutes } from './routes/scans.js';
import { securityRoutes } from './routes/security.js';
import { systemRoutes } from './routes/system.js';
import type { RouteDecl } from './types.js';

export interface AppOptions {
  /** Where log lines go (default: stdout). */
  logStream?: Writable;
  /** Logging off entirely (the bench's load generator does not need it). */
  quiet?: boolean;
}

/** Every route this server declares, for the given context (dev-only ones only in dev mode). */
export function declaredRoutes(ctx: ServerContext): RouteDecl[] {
  const all = [...systemRoutes(ctx), ...securityRoutes(ctx), ...scanRoutes(ctx), ...auditRoutes(ctx), ...privacyRoutes(ctx), ...complianceRoutes(ctx), ...alertRoutes(ctx), ...jobRoutes(ctx), ...devRoutes(ctx), ...consoleRoutes(ctx)];
  return all.filter((r) => !r.devOnly || ctx.dev);
}

const SENSITIVE_QUERY = /token|secret|password|passwd|key|code|signature|credential|auth/i;

/** The URL as logged: values of query parameters that could carry a secret are replaced. */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url.slice(0, 512);
  const params = new URLSearchParams(url.slice(q + 1));
  for (const k of [...params.keys()]) if (SENSITIVE_QUERY.test(k)) params.set(k, '[redacted]');
  return `${url.slice(0, q)}?${params.toString()}`.slice(0, 512);
}

/**
 * The field a schema error is about, named the way the request names it (events[1].action):
 * the property a `required` rule misses, else the path of the value that failed.
 */
export function validationField(e: { instancePath?: string; params?: Record<string, unknown> } | undefined): string | undefined {
  if (!e) return undefined;
  const parts = (e.instancePath ?? '').split('/').filter(Boolean).map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'));
  const extra = e.params?.['missingProperty'] ?? e.params?.['additionalProperty'];
  if (typeof extra === 'string') parts.push(extra);
  const out = parts.map((x, i) => (/^\d+$/.test(x) ? `[${x}]` : i ? `.${x}` : x)).join('');
  return out || undefined;
}

export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** The routes Fastify registered (method and URL), as its onRoute hook saw them. */
export interface RegisteredRoute {
  method: string;
  url: string;
  declared: boolean;
}

/**
 * Node's connection timeouts for the configured seconds. Fastify leaves requestTimeout at 0
 * (none), so without these a client that sends its headers and then a byte now and then
 * holds a connection — and a request slot — for as long as it likes.
 */
export function connectionTimeouts(s: ServerConfig) {
  const ms = (v: number) => Math.round(v * 1000);
  const requestTimeout = ms(s.requestTimeoutSeconds ?? DEFAULT_TIMEOUTS.requestTimeoutSeconds);
  const headersTimeout = ms(s.headersTimeoutSeconds ?? DEFAULT_TIMEOUTS.headersTimeoutSeconds);
  return {
    requestTimeout,
    keepAliveTimeout: ms(s.keepAliveTimeoutSeconds ?? DEFAULT_TIMEOUTS.keepAliveTimeoutSeconds),
    connectionTimeout: ms(s.connectionTimeoutSeconds ?? DEFAULT_TIMEOUTS.connectionTimeoutSeconds),
    http: {
      requestTimeout,
      headersTimeout,
      // Node looks for overdue requests only this often (30 s by default), so a short timeout needs a short period.
      connectionsCheckingInterval: Math.min(5000, Math.max(250, Math.floor(Math.min(requestTimeout, headersTimeout) / 4))),
    },
  };
}

export async function buildApp(ctx: ServerContext, o: AppOptions = {}): Promise<{ app: FastifyInstance; registered: RegisteredRoute[] }> {
  const app = Fastify({
    logger: o.quiet
      ? false
      : {
          level: ctx.config.server.logLevel,
          ...(o.logStream ? { stream: o.logStream } : {}),
          redact: {
            paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie', 'res.headers["set-cookie"]', 'access_token', 'token', 'body'],
            censor: '[redacted]',
          },
          serializers: {
            req(req: { method: string; url: string; ip?: string; id?: string }) {
              return { method: req.method, url: loggableUrl(req.url), remoteAddress: req.ip };
            },
            res(res: { statusCode: number }) {
              return { statusCode: res.statusCode };
            },
          },
        },
    genReqId(req) {
      const h = req.headers['x-request-id'];
      return typeof h === 'string' && REQUEST_ID.test(h) ? h : randomUUID();
    },
    requestIdHeader: false,
    // One line per request, written when it is answered (see the onResponse hook), instead
    // of Fastify's two: under a flood the log is most of a refused request's cost.
    // (Through a LogController: the top-level disableRequestLogging is deprecated, FSTDEP023,
    // and warned about at every start.)
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: ctx.config.server.bodyLimit,
    ...connectionTimeouts(ctx.config.server),
    trustProxy: ctx.config.server.trustProxy,
    exposeHeadRoutes: false,
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
  });

  const registered: RegisteredRoute[] = [];
  app.addHook('onResponse', async (req, reply) => {
    const line = { req, res: reply, responseTime: Math.round(reply.elapsedTime * 100) / 100 };
    // A 429 is counted by the denial recorder (summaries in the ledger); logging each one
    // would let a flood fill the log instead of the ledger.
    if (reply.statusCode === 429) req.log.debug(line, 'request rate-limited');
    else req.log.info(line, 'request completed');
  });

  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) registered.push({ method: String(m), url: r.url, declared: (r.config as { decl?: RouteDecl } | undefined)?.decl !== undefined });
  });

  const hsts = ctx.config.server.hsts ?? DEFAULT_HSTS;
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
    // API answers are data, never a page: nothing in them may load or run, nor be framed.
    // The console and the HTML report replace this with their own policy.
    reply.header('content-security-policy', API_CSP);
    reply.header('x-frame-options', 'DENY');
    // Only when the request came over TLS, here or at a trusted proxy (X-Forwarded-Proto):
    // browsers ignore the header over plain HTTP (RFC 6797 section 8.1) because anyone on the
    // path could have added or removed it there, and a plain-HTTP client on the loopback or a
    // health check must not be told that this name is HTTPS-only.
    if (hsts && req.protocol === 'https') reply.header('strict-transport-security', hsts);
  });
  installAccessHook(app, ctx.auth, ctx.denialRecorder, ctx.rateLimits);

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err.validation) {
      const field = validationField(err.validation[0]);
      return reply.code(400).send({ error: 'bad_request', message: `${err.validationContext ?? 'request'}${err.message.replace(/^(body|querystring|params)/, '')}`.slice(0, 500), ...(field ? { field } : {}), requestId: req.id });
    }
    // A register step refused for the entry's existence or state is not bad input: 404 / 409.
    if (err instanceof ComplianceInputError && err.kind === 'not_found') return reply.code(404).send({ error: 'not_found', message: err.message, requestId: req.id });
    if (err instanceof ComplianceInputError && err.kind === 'conflict') return reply.code(409).send({ error: 'conflict', message: err.message, requestId: req.id });
    if (err instanceof LedgerValidationError) return reply.code(400).send({ error: 'bad_request', message: err.message, field: err.field, requestId: req.id });
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      let message = err.message.slice(0, 300);
      if (status === 413) {
        // Say what the limit is and where it is set, so the client knows what would pass.
        const d = req.routeOptions.config?.decl;
        message = `${message}: the limit is ${d?.bodyLimit ?? ctx.config.server.bodyLimit} bytes (${d?.bodyLimitSetting ?? 'server.bodyLimit'})`;
      }
      return reply.code(status).send({ error: status === 413 ? 'too_large' : status === 415 ? 'unsupported_media_type' : 'bad_request', message, requestId: req.id });
    }
    req.log.error({ err: { message: err.message, code: err.code, stack: err.stack } }, 'request failed');
    return reply.code(500).send({ error: 'internal', message: `internal error; the server log has the details under request id ${req.id}`, requestId: req.id });
  });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ error: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]!.slice(0, 200)}; see GET /api/openapi.json`, requestId: req.id });
  });

  const routes = declaredRoutes(ctx);
  ctx.routes = routes;
  const route = (on: FastifyInstance, d: RouteDecl) =>
    on.route({
      method: d.method,
      url: d.url,
      config: { decl: d },
      ...(d.bodyLimit ? { bodyLimit: d.bodyLimit } : {}),
      schema: {
        ...(d.querystring ? { querystring: d.querystring } : {}),
        ...(d.params ? { params: d.params } : {}),
        ...(d.body ? { body: d.body } : {}),
      },
      handler: (req, reply) => d.handler(req, reply),
    });
  for (const d of routes) if (!d.rawBody) route(app, d);
  const raw = routes.filter((d) => d.rawBody);
  if (raw.length) {
    // Uploads take their bytes as they come, whatever the media type; only these routes do,
    // so every other route still refuses a body that is not JSON (415).
    await app.register(async (sub) => {
      sub.removeAllContentTypeParsers();
      sub.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
      for (const d of raw) route(sub, d);
    });
  }
  await app.ready();
  return { app, registered };
}
