/** The OpenAPI 3.1 document, generated from the same route declarations the access hook enforces. */
import { SCOPES } from '../access/scopes.js';
import { AUTH_ERRORS, RATE_LIMITED, type JsonSchema, type RouteDecl } from './types.js';

export interface OpenApiOptions {
  dev: boolean;
  version: string;
}

/** /api/scans/:id → /api/scans/{id} */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function parameters(schema: JsonSchema | undefined, where: 'query' | 'path'): JsonSchema[] {
  if (!schema) return [];
  const props = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema['required'] ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: where, required: where === 'path' || required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}

export function buildOpenApi(routes: RouteDecl[], o: OpenApiOptions): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const r of routes) {
    const responses: Record<string, JsonSchema> = {};
    const all = r.public ? { ...(r.unlimited ? {} : { 429: RATE_LIMITED }), ...r.response } : { ...AUTH_ERRORS, ...r.response };
    for (const [code, schema] of Object.entries(all)) {
      const { description, ...body } = schema;
      const media: Record<string, JsonSchema> = { 'application/json': { schema: body } };
      if (Number(code) < 300) for (const p of r.produces ?? []) media[p] = { schema: { type: 'string' } };
      responses[code] = { description, content: media };
    }
    const op: JsonSchema = {
      operationId: `${r.method.toLowerCase()}${openApiPath(r.url).replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: r.tags,
      parameters: [...parameters(r.params, 'path'), ...parameters(r.querystring, 'query')],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: r.body, ...(r.example?.body !== undefined ? { example: r.example.body } : {}) } } } } : {}),
      // Uploads: the bytes themselves, under their own media type.
      ...(r.rawBody ? { requestBody: { required: true, content: { '*/*': { schema: { type: 'string', format: 'binary' } } } } } : {}),
      responses,
      security: r.public ? [] : [{ bearer: [] }, { oauth2: r.scopes }],
      'x-attest-access': r.public
        ? { public: true }
        : { scopes: r.scopes, ...(r.unrestrictedOnly ? { unrestrictedOnly: true } : {}) },
      ...(r.devOnly ? { 'x-attest-dev-only': true } : {}),
    };
    (paths[openApiPath(r.url)] ??= {})[r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Attest API',
      version: o.version,
      description:
        'Compliance report, scans and the tamper-evident audit ledger. Every operation lists the scopes it requires (x-attest-access); the server enforces exactly these declarations.' +
        (o.dev ? ' THIS SERVER RUNS IN DEVELOPMENT MODE: it trusts locally minted tokens.' : ''),
    },
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An OIDC access token from the configured issuer' },
        oauth2: {
          type: 'oauth2',
          description: 'Scopes as Attest names them (an issuer may prefix them, e.g. attest/audit:read)',
          flows: { clientCredentials: { tokenUrl: '/oauth2/token', scopes: Object.fromEntries(SCOPES.map((s) => [s, s])) } },
        },
      },
    },
  };
}
