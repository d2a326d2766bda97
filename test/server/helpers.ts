/**
 * Test servers: a real Attest app (Fastify inject or a real listen) over a real SQLite file or
 * a real PostgreSQL schema, trusting both the dev issuer and a local OIDC provider (discovery
 * + JWKS over HTTP on 127.0.0.1) that mints user and M2M tokens.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_RETENTION, type AttestConfig } from '../../src/config.js';
import type { ServerContext } from '../../src/server/context.js';
import { createServer, type StartOptions } from '../../src/server/serve.js';
import type { RegisteredRoute } from '../../src/server/app.js';
import type { AccessConfigInput } from '../../src/access/scopes.js';
import { PG_URL, pgUnreachable } from '../helpers/pg.js';
import type { LedgerStore } from '../../src/ledger/store.js';


/** Why PostgreSQL tests are skipped (undefined: run them). Under CI an unreachable server is an error. */
export const pgSkip = pgUnreachable;

const schemas: string[] = [];
let schemaN = 0;
export function pgUrl(extra = ''): string {
  const s = `attest_srv${process.pid}_${++schemaN}`;
  schemas.push(s);
  return `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${s}${extra}`;
}

export async function dropSchemas(): Promise<void> {
  if (!schemas.length) return;
  const c = new pg.Client({ connectionString: PG_URL });
  try {
    await c.connect();
    for (const s of schemas.splice(0)) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`).catch(() => undefined);
  } catch {
    // unreachable: nothing was created
  } finally {
    await c.end().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------
// A local OIDC provider.

export interface Idp {
  issuer: string;
  base: string;
  mode: 'ok' | 'down';
  key: { kid: string; privateKey: CryptoKey; publicJwk: JWK };
  close(): Promise<void>;
  /** A user access token (Cognito style: client_id, token_use access, cognito:groups). */
  userToken(claims?: Record<string, unknown>, header?: Record<string, unknown>): Promise<string>;
  /** A client-credentials token of m2m-client with Attest scopes in `scope`. */
  serviceToken(scopes: string[], claims?: Record<string, unknown>): Promise<string>;
  sign(claims: Record<string, unknown>, header?: Record<string, unknown>, key?: { kid: string; privateKey: CryptoKey }): Promise<string>;
}

export async function startIdp(): Promise<Idp> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const key = { kid: 'idp-1', privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' } };
  const idp = { mode: 'ok' } as Idp;
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (idp.mode === 'down') {
      res.writeHead(503).end('down');
      return;
    }
    if (req.url === '/pool/.well-known/openid-configuration') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer: idp.issuer, jwks_uri: `${idp.base}/pool/jwks.json` }));
      return;
    }
    if (req.url === '/pool/jwks.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [key.publicJwk] }));
      return;
    }
    res.writeHead(404).end();
  };
  const server: Server = createHttpServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  idp.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  idp.issuer = `${idp.base}/pool`;
  idp.key = key;
  idp.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  idp.sign = (claims, header = {}, k = key) => new SignJWT(claims as never).setProtectedHeader({ alg: 'RS256', kid: k.kid, ...header }).sign(k.privateKey);
  const now = () => Math.floor(Date.now() / 1000);
  idp.userToken = (claims = {}, header = {}) =>
    idp.sign({ sub: 'user-0001', iss: idp.issuer, client_id: 'attest-ui', token_use: 'access', username: 'carol', 'cognito:groups': ['attest-auditors'], iat: now(), exp: now() + 600, jti: 'j1', ...claims }, header);
  idp.serviceToken = (scopes, claims = {}) =>
    idp.sign({ sub: 'm2m-client', iss: idp.issuer, client_id: 'm2m-client', token_use: 'access', scope: scopes.map((s) => `attest/${s}`).join(' '), iat: now(), exp: now() + 600, ...claims });
  return idp;
}

// ---------------------------------------------------------------------------------------
// Servers.

export type Backend = 'sqlite' | 'postgres';

export interface TestServer {
  app: FastifyInstance;
  ctx: ServerContext;
  registered: RegisteredRoute[];
  dir: string;
  targets: string;
  logs: string[];
  /** A dev-issuer token for a role (and tenant). */
  token(role: string | string[], user?: string, tenant?: string): Promise<string>;
  close(): Promise<void>;
}

export class LogCapture extends Writable {
  lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, cb: () => void): void {
    for (const l of chunk.toString().split('\n')) if (l) this.lines.push(l);
    cb();
  }
}

export interface TestServerOptions {
  backend: Backend;
  idp?: Idp;
  access?: AccessConfigInput;
  /** Add to the postgres URL (e.g. a password) or replace the SQLite path. */
  db?: string;
  dev?: boolean;
  start?: Partial<StartOptions>;
  /** Ledger settings over the test defaults (e.g. a retention schedule). */
  ledger?: Partial<AttestConfig['ledger']>;
  /** Alert delivery channels (none by default). */
  notify?: AttestConfig['notify'];
}

/** The example templates a test server scans (a copy, so tests may edit them). */
function targetsCopy(dir: string): string {
  const t = join(dir, 'infra');
  mkdirSync(t, { recursive: true });
  for (const f of ['rds.yaml', 'cognito.yaml']) copyFileSync(new URL(`../../../examples/platform/${f}`, import.meta.url), join(t, f));
  return t;
}

/**
 * Rate limits off and every denial recorded one by one: tests of other behaviour send many
 * requests from one address at once. The abuse tests (abuse.test.ts) set both explicitly.
 */
export const UNLIMITED: Pick<AttestConfig['server'], 'rateLimit' | 'denialRecording'> = {
  rateLimit: { perIp: false, perPrincipal: false, maxClients: 10_000 },
  denialRecording: { windowSeconds: 3600, individualPerKey: 1_000_000, maxKeys: 1000 },
};

export function testConfig(dir: string, db: string, access: AccessConfigInput, targets: string): AttestConfig {
  return {
    ledger: { db, keys: join(dir, 'keys'), checkpointEvery: 1000, checkpointSeconds: 60, synchronous: 'full', retention: DEFAULT_RETENTION },
    server: { host: '127.0.0.1', port: 0, targets: [targets], defaultTargets: false, bodyLimit: 1024 * 1024, logLevel: 'info', trustProxy: false, ...UNLIMITED },
    access: access as Record<string, unknown>,
  };
}

export async function testServer(o: TestServerOptions): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'attest-serve-'));
  const targets = targetsCopy(dir);
  const db = o.backend === 'postgres' ? o.db ?? pgUrl() : o.db ?? join(dir, 'ledger.db');
  const access: AccessConfigInput = {
    devIssuerDir: join(dir, 'dev-issuer'),
    ...(o.idp
      ? {
          issuer: o.idp.issuer,
          clientIds: ['attest-ui', 'm2m-client'],
          scopePrefix: 'attest/',
          groupRoles: { 'attest-auditors': 'auditor', 'attest-admins': 'admin' },
          jwksCooldownSeconds: 0,
          tenantBindings: { 'group:acme-ops': ['acme'] },
        }
      : {}),
    ...o.access,
  };
  const logs = new LogCapture();
  const config = testConfig(dir, db, access, targets);
  const { app, ctx, registered } = await createServer({
    config: { ...config, ledger: { ...config.ledger, ...o.ledger }, ...(o.notify ? { notify: o.notify } : {}) },
    dev: o.dev ?? true,
    cwd: dir,
    logStream: logs,
    sweepMs: 200,
    ...o.start,
  });
  return {
    app,
    ctx,
    registered,
    dir,
    targets,
    logs: logs.lines,
    async token(role, user = 'tester', tenant) {
      return ctx.devIssuer!.mint({ user, role, roles: ctx.access.roles, ...(tenant ? { tenant } : {}) });
    },
    async close() {
      await app.close();
      await ctx.close();
    },
  };
}

export const ROLES = ['admin', 'security-officer', 'auditor', 'approver', 'agent', 'viewer'] as const;

export function bearer(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Makes the ledger's store refuse appends until the returned function is called. */
export function refuseAppends(store: LedgerStore): () => void {
  const original = store.append.bind(store);
  store.append = async () => {
    throw new Error('SQLITE_BUSY: database is locked');
  };
  return () => {
    store.append = original;
  };
}
