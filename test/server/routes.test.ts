/**
 * Declarations: every registered route has one; the OpenAPI document and the compliance
 * report's endpoint table are generated from them; an undeclared route is never served.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { Report } from '../../src/report/model.js';
import { Authenticator, installAccessHook } from '../../src/server/auth.js';
import { openApiPath } from '../../src/server/openapi.js';
import { DEFAULT_ROLES, SCOPES } from '../../src/access/scopes.js';
import { CATALOGS } from '../../src/frameworks/index.js';
import { SERVICE_CONTROLS } from '../../src/server/self-assessment.js';
import { bearer, testServer, type TestServer } from './helpers.js';

let s: TestServer;
let prod: TestServer;

before(async () => {
  s = await testServer({ backend: 'sqlite' });
  prod = await testServer({ backend: 'sqlite', dev: false, access: { issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf', clientIds: ['abc123'], groupRoles: { 'attest-admins': 'admin' } } });
});

after(async () => {
  await s.close();
  await prod.close();
});

test('every route Fastify registered carries a declaration with scopes or public: true', () => {
  for (const srv of [s, prod]) {
    assert.ok(srv.registered.length >= 15);
    for (const r of srv.registered) assert.ok(r.declared, `${r.method} ${r.url} has no access declaration`);
    for (const d of srv.ctx.routes) {
      assert.ok(d.public === true || Array.isArray(d.scopes), `${d.method} ${d.url}: scopes or public`);
      assert.ok(!(d.public && d.scopes), `${d.method} ${d.url}: not both`);
      assert.ok(d.summary.length > 10);
    }
    assert.equal(srv.registered.length, srv.ctx.routes.length);
  }
});

/**
 * Scopes no route requires yet, each with why. Kept exact, so a scope that loses its last
 * route (the viewer's compliance:read once did) fails here, and so does an entry left behind
 * once its routes land.
 */
const UNUSED_SCOPES: Record<string, string> = {
  admin: 'administration endpoints (users, keys, tenants) do not exist yet; the admin role holds every other scope',
};

test('every scope is required by some route, but the ones listed as waiting for theirs; every default role reaches a scoped route', () => {
  const used = new Set(prod.ctx.routes.flatMap((d) => (d.public ? [] : d.scopes)));
  assert.deepEqual(SCOPES.filter((x) => !used.has(x)).sort(), Object.keys(UNUSED_SCOPES).sort());
  for (const [name, role] of Object.entries(DEFAULT_ROLES)) {
    const reachable = prod.ctx.routes.filter((d) => !d.public && d.scopes.length > 0 && d.scopes.every((x) => role.scopes.includes(x)) && !(d.unrestrictedOnly && role.ownRecordsOnly));
    assert.ok(reachable.length > 0, `role ${name} (${role.scopes.join(', ')}) reaches no route that requires a scope`);
  }
  // The approver is a risk owner: it approves, and reads what it approves, but writes nothing else.
  assert.deepEqual([...DEFAULT_ROLES['approver']!.scopes].sort(), ['compliance:approve', 'compliance:read', 'security:read']);
  assert.ok(DEFAULT_ROLES['security-officer']!.scopes.includes('privacy:manage'));
  assert.ok(!DEFAULT_ROLES['security-officer']!.scopes.includes('compliance:approve'), 'whoever requests exceptions does not approve them by the same grant');
  for (const r of ['auditor', 'viewer', 'approver']) assert.ok(!DEFAULT_ROLES[r]!.scopes.some((x) => x === 'privacy:manage' || x.endsWith(':write')), `${r} writes nothing and manages no personal data`);
  assert.deepEqual([...DEFAULT_ROLES['agent']!.scopes].sort(), ['audit:read', 'audit:write']);
  assert.deepEqual([...DEFAULT_ROLES['admin']!.scopes].sort(), [...SCOPES].sort());
});

test('dev-only routes exist only in development mode', async () => {
  assert.ok(s.ctx.routes.some((r) => r.url === '/api/dev/token'));
  assert.ok(!prod.ctx.routes.some((r) => r.devOnly));
  assert.equal((await prod.app.inject({ method: 'POST', url: '/api/dev/token', payload: { user: 'a', role: 'admin' } })).statusCode, 404);
  const page = await s.app.inject({ method: 'GET', url: '/dev/login' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /DEVELOPMENT MODE/);
  const tok = await s.app.inject({ method: 'POST', url: '/api/dev/token', payload: { user: 'alice', role: 'auditor', tenant: 'acme' } });
  const me = await s.app.inject({ method: 'GET', url: '/api/me', headers: bearer((JSON.parse(tok.body) as { access_token: string }).access_token) });
  assert.deepEqual((JSON.parse(me.body) as { tenants: string[] }).tenants, ['acme']);
  assert.equal((await s.app.inject({ method: 'POST', url: '/api/dev/token', payload: { user: 'alice', role: 'root' } })).statusCode, 400);
});

test('a route registered without a declaration is refused (500), never served', async () => {
  const app = Fastify({ logger: false });
  installAccessHook(app, new Authenticator(s.ctx.verifier), s.ctx.denialRecorder);
  app.get('/sneaky', async () => ({ secret: 'data' }));
  const r = await app.inject({ method: 'GET', url: '/sneaky' });
  assert.equal(r.statusCode, 500);
  assert.ok(!r.body.includes('data"'));
  assert.equal((await app.inject({ method: 'GET', url: '/nothing' })).statusCode, 404);
  await app.close();
});

test('the OpenAPI 3.1 document lists every declared route with its scopes', async () => {
  const doc = JSON.parse((await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).body) as {
    openapi: string;
    paths: Record<string, Record<string, { 'x-attest-access': { public?: boolean; scopes?: string[] }; security: unknown[]; responses: Record<string, unknown> }>>;
  };
  assert.equal(doc.openapi, '3.1.0');
  let n = 0;
  for (const d of s.ctx.routes) {
    const op = doc.paths[openApiPath(d.url)]?.[d.method.toLowerCase()];
    assert.ok(op, `${d.method} ${d.url} documented`);
    n++;
    if (d.public) {
      assert.deepEqual(op['x-attest-access'], { public: true });
      assert.deepEqual(op.security, []);
    } else {
      assert.deepEqual(op['x-attest-access'].scopes, d.scopes);
      assert.ok(op.responses['401'] && op.responses['403'], 'protected routes document 401 and 403');
    }
    // Every route can be rate limited but the health checks, which load balancers poll.
    assert.equal('429' in op.responses, !['/healthz', '/readyz'].includes(d.url), `${d.method} ${d.url}: 429 documented unless exempt`);
  }
  const documented = Object.values(doc.paths).reduce((k, p) => k + Object.keys(p).length, 0);
  assert.equal(documented, n);
});

test('the compliance report lists every endpoint with its scopes, and Attest\'s own controls', async () => {
  const token = await s.token('auditor');
  const r = JSON.parse((await s.app.inject({ method: 'GET', url: '/api/security/compliance-report', headers: bearer(token) })).body) as Report;
  const authz = r.domains.find((d) => d.id === 'authorization')!;
  const endpoints = authz.facts['attestEndpoints'] as { method: string; path: string; scopes: string[] }[];
  assert.deepEqual(
    endpoints.map((e) => `${e.method} ${e.path} ${e.scopes.join(',')}`).sort(),
    s.ctx.routes.map((d) => `${d.method} ${d.url} ${d.public ? '' : d.scopes.join(',')}`).sort(),
  );
  const counts = authz.facts['attestCounts'] as Record<string, number>;
  assert.equal(counts['endpoints'], s.ctx.routes.length);
  assert.equal(counts['roles'], 6);
  assert.equal(counts['scopes'], 12); // ten, plus alerts:read and alerts:write
  const svc = r.findings.filter((f) => f.controlId.startsWith('ATTEST-SVC-'));
  assert.ok(svc.length >= 14);
  for (const d of ['authentication', 'authorization', 'audit', 'data-protection']) assert.ok(svc.some((f) => f.domain === d), d);
  // Dev mode is an honest failure; production with an issuer passes.
  assert.equal(svc.find((f) => f.controlId === 'ATTEST-SVC-AUTHN-001')!.status, 'fail');
  const p = JSON.parse((await prod.app.inject({ method: 'GET', url: '/api/security/compliance-report', headers: bearer('x') })).body) as { error: string };
  assert.equal(p.error, 'unauthorized');
  const pr = prod.ctx.reports.get();
  assert.equal(pr.findings.find((f) => f.controlId === 'ATTEST-SVC-AUTHN-001')!.status, 'pass');
  const facts = pr.domains.find((d) => d.id === 'authentication')!.facts['attestService'] as Record<string, unknown>;
  assert.equal(facts['cognitoUserPool'], 'eu-west-1_AbCdEf');
  assert.equal(facts['maxTokenLifetimeSeconds'], 86400);
  const life = pr.findings.find((f) => f.controlId === 'ATTEST-SVC-AUTHN-004')!;
  assert.equal(life.status, 'pass');
  assert.equal(life.message, 'exp, nbf and sub are required; clock skew 60 s; tokens valid for more than 86400 s (exp − iat) are refused');
  assert.deepEqual(life.evidence.map((e) => [e.path, e.value]), [['access.clockSkewSeconds', '60'], ['access.maxTokenLifetimeSeconds', '86400']]);
  // The scanner's own findings are there too.
  assert.ok(r.findings.some((f) => f.resource.file.endsWith('rds.yaml')));
  // Latest verification shows up once it ran.
  await s.app.inject({ method: 'GET', url: '/api/audit/verify', headers: bearer(await s.token('admin')) });
  const again = JSON.parse((await s.app.inject({ method: 'GET', url: '/api/security/compliance-report', headers: bearer(token) })).body) as Report;
  assert.equal(again.findings.find((f) => f.controlId === 'ATTEST-SVC-AUDIT-002')!.status, 'pass');
});

test('the service controls\' framework requirements are exactly the catalogs\' evidence.service, in every finding', () => {
  // Read from the catalogs, not written here: the catalogs are the one place they are decided.
  const expected = new Map<string, Record<string, string[]>>();
  for (const c of CATALOGS) {
    for (const r of c.requirements) {
      for (const id of r.evidence.service ?? []) {
        const m = expected.get(id) ?? expected.set(id, {}).get(id)!;
        (m[c.id] ??= []).push(r.id);
      }
    }
  }
  const norm = (m: Record<string, readonly string[]>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, [...v].sort()]).sort(([a], [b]) => (a < b ? -1 : 1)));
  const findings = prod.ctx.reports.get().findings.filter((f) => f.controlId.startsWith('ATTEST-SVC-'));
  assert.equal(new Set(findings.map((f) => f.controlId)).size, SERVICE_CONTROLS.length);
  for (const f of findings) assert.deepEqual(norm(f.frameworks), norm(expected.get(f.controlId) ?? {}), f.controlId);
});

test('report formats, ETag revalidation, and invalidation when a target file changes', async () => {
  const token = await s.token('security-officer');
  const get = (q = '', h: Record<string, string> = {}) => s.app.inject({ method: 'GET', url: `/api/security/compliance-report${q}`, headers: { ...bearer(token), ...h } });
  const types: Record<string, RegExp> = { json: /application\/json/, sarif: /sarif/, junit: /xml/, csv: /text\/csv/, markdown: /markdown/, html: /text\/html/ };
  for (const [f, re] of Object.entries(types)) {
    const r = await get(`?format=${f}`);
    assert.equal(r.statusCode, 200, f);
    assert.match(String(r.headers['content-type']), re);
  }
  assert.equal((await get('?format=pdf')).statusCode, 400);
  const first = await get();
  const etag = String(first.headers['etag']);
  assert.equal((await get('', { 'if-none-match': etag })).statusCode, 304);
  const builds = s.ctx.reports.builds;
  for (let i = 0; i < 5; i++) await get();
  assert.equal(s.ctx.reports.builds, builds, 'served from the cache');
  // Edit a target: the next report reflects it.
  const file = join(s.targets, 'rds.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/StorageEncrypted: true/g, 'StorageEncrypted: false'));
  let changed = false;
  for (let i = 0; i < 50 && !changed; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const r = await get();
    changed = r.headers['etag'] !== etag && s.ctx.reports.builds > builds;
  }
  assert.ok(changed, 'the report was rebuilt after the target changed');
});

test('health, readiness, auth config (no secrets) and 404s', async () => {
  assert.equal((await prod.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
  assert.equal((await prod.app.inject({ method: 'GET', url: '/readyz' })).statusCode, 200);
  const cfg = JSON.parse((await prod.app.inject({ method: 'GET', url: '/api/auth/config' })).body) as Record<string, unknown>;
  assert.equal(cfg['mode'], 'oidc');
  assert.equal(cfg['userPoolId'], 'eu-west-1_AbCdEf');
  assert.equal(cfg['region'], 'eu-west-1');
  assert.ok(!('devLogin' in cfg));
  const nf = await prod.app.inject({ method: 'GET', url: '/api/nope' });
  assert.equal(nf.statusCode, 404);
  assert.equal((JSON.parse(nf.body) as { error: string }).error, 'not_found');
});

test('production mode refuses to start without an issuer; no configuration never means access', async () => {
  await assert.rejects(testServer({ backend: 'sqlite', dev: false }), /no token issuer configured/);
  await assert.rejects(testServer({ backend: 'sqlite', dev: false, access: { issuer: 'https://idp.example.com' } }), /audience|clientIds/);
  await assert.rejects(testServer({ backend: 'sqlite', dev: false, access: { issuer: 'http://idp.example.com', clientIds: ['x'] } }), /https/);
});
