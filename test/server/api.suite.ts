/**
 * The HTTP API against one ledger backend: the route × role matrix, the audit API's rules
 * (reporter from the token, own-records and tenant scoping, filters, export, proofs), scans,
 * and the canary secret. Run for SQLite and for real PostgreSQL.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, generateKeyPairSync } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { Ajv } from 'ajv';
import { DEFAULT_ROLES } from '../../src/access/scopes.js';
import { EnvKeyProvider } from '../../src/ledger/keys.js';
import { checkCheckpointFile, verifyConsistencyProof, verifyInclusionProof, type ConsistencyProof, type InclusionProof, type SignedCheckpoint } from '../../src/ledger/ledger.js';
import { subjectPseudonym } from '../../src/ledger/chain.js';
import type { RouteDecl } from '../../src/server/types.js';
import { bearer, dropSchemas, pgSkip, pgUrl, ROLES, startIdp, testServer, type Backend, type Idp, type TestServer } from './helpers.js';
import { approveException, recordAttestation, requestException, type ComplianceActor } from '../../src/compliance/index.js';
import { complianceFixture, FW, type Fixture } from './compliance-fixture.js';
import { complianceTests } from './compliance.suite.js';
import type { AlertRaised } from '../../src/detection/alert.js';

type Role = (typeof ROLES)[number];
type Who = Role | 'anonymous';

/** What the declarations say a role gets: 'ok' (2xx/3xx), 401 or 403. */
export function expectedFromDeclaration(d: RouteDecl, who: Who): 'ok' | 401 | 403 {
  if (d.public) return 'ok';
  if (who === 'anonymous') return 401;
  const role = DEFAULT_ROLES[who]!;
  if (d.scopes.some((s) => !role.scopes.includes(s))) return 403;
  if (d.unrestrictedOnly && role.ownRecordsOnly) return 403;
  return 'ok';
}

/**
 * Written by hand from the issue's role definitions, independently of the declarations: every
 * declared route has a row (a new route without one fails the matrix test), every default
 * role a column.
 */
const HAND: Record<string, Record<Who, number>> = {
  'GET /healthz': { anonymous: 200, admin: 200, 'security-officer': 200, auditor: 200, approver: 200, agent: 200, viewer: 200 },
  'GET /api/openapi.json': { anonymous: 200, admin: 200, 'security-officer': 200, auditor: 200, approver: 200, agent: 200, viewer: 200 },
  'GET /api/auth/config': { anonymous: 200, admin: 200, 'security-officer': 200, auditor: 200, approver: 200, agent: 200, viewer: 200 },
  'GET /api/me': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 200, agent: 200, viewer: 200 },
  'GET /readyz': { anonymous: 200, admin: 200, 'security-officer': 200, auditor: 200, approver: 200, agent: 200, viewer: 200 },
  'GET /': { anonymous: 200, admin: 200, 'security-officer': 200, auditor: 200, approver: 200, agent: 200, viewer: 200 },
  'GET /*': { anonymous: 200, admin: 200, 'security-officer': 200, auditor: 200, approver: 200, agent: 200, viewer: 200 },
  'GET /dev/login': { anonymous: 200, admin: 200, 'security-officer': 200, auditor: 200, approver: 200, agent: 200, viewer: 200 },
  'POST /api/dev/token': { anonymous: 200, admin: 200, 'security-officer': 200, auditor: 200, approver: 200, agent: 200, viewer: 200 },
  'GET /api/security/compliance-report': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 200, agent: 403, viewer: 403 },
  'GET /api/security/compliance-report/summary': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 200, agent: 403, viewer: 200 },
  'POST /api/scans': { anonymous: 401, admin: 201, 'security-officer': 201, auditor: 403, approver: 403, agent: 403, viewer: 403 },
  'GET /api/scans': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 200, agent: 403, viewer: 403 },
  'GET /api/scans/:id': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 200, agent: 403, viewer: 403 },
  'POST /api/audit/events': { anonymous: 401, admin: 201, 'security-officer': 403, auditor: 403, approver: 403, agent: 201, viewer: 403 },
  'GET /api/audit/events': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 403, agent: 200, viewer: 403 },
  'GET /api/audit/actors': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 403, agent: 200, viewer: 403 },
  'GET /api/audit/export': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 403, agent: 403, viewer: 403 },
  'GET /api/audit/verify': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 403, agent: 403, viewer: 403 },
  'GET /api/audit/checkpoints/latest': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 403, agent: 200, viewer: 403 },
  'GET /api/audit/proofs/consistency': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 403, agent: 200, viewer: 403 },
  'GET /api/audit/proofs/:seq': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 403, agent: 200, viewer: 403 },
  // The whole-ledger answers cover every tenant's records: refused to the agent, which reads only its own.
  'GET /api/audit/verification': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 403, agent: 403, viewer: 403 },
  // Subject access and erasure: the security officer (who answers data-subject requests) and
  // the administrator; an auditor reads everything else but neither reads personal data nor erases.
  'POST /api/privacy/subject-access': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 403, approver: 403, agent: 403, viewer: 403 },
  'POST /api/privacy/erasures': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 403, approver: 403, agent: 403, viewer: 403 },
  // Compliance readiness: the viewer reads checklists; the security officer writes evidence and
  // requests exceptions; the auditor reads everything and writes nothing; the approver
  // approves and reviews exceptions (and reads); the agent has no part in it.
  'GET /api/compliance/frameworks': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 200, agent: 403, viewer: 200 },
  'GET /api/compliance/frameworks/:id/checklist': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 200, agent: 403, viewer: 200 },
  'GET /api/compliance/frameworks/:id/requirements/:rid': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 200, agent: 403, viewer: 200 },
  'GET /api/compliance/history': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 200, agent: 403, viewer: 200 },
  'POST /api/compliance/evidence-files': { anonymous: 401, admin: 201, 'security-officer': 201, auditor: 403, approver: 403, agent: 403, viewer: 403 },
  'GET /api/compliance/evidence-files/:sha256': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 200, agent: 403, viewer: 403 },
  'POST /api/compliance/attestations': { anonymous: 401, admin: 201, 'security-officer': 201, auditor: 403, approver: 403, agent: 403, viewer: 403 },
  'POST /api/compliance/attestations/:id/revoke': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 403, approver: 403, agent: 403, viewer: 403 },
  'GET /api/compliance/attestations': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 200, agent: 403, viewer: 200 },
  'POST /api/compliance/exceptions': { anonymous: 401, admin: 201, 'security-officer': 201, auditor: 403, approver: 403, agent: 403, viewer: 403 },
  'POST /api/compliance/exceptions/:id/approve': { anonymous: 401, admin: 200, 'security-officer': 403, auditor: 403, approver: 200, agent: 403, viewer: 403 },
  'POST /api/compliance/exceptions/:id/revoke': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 403, approver: 403, agent: 403, viewer: 403 },
  'POST /api/compliance/exceptions/:id/review': { anonymous: 401, admin: 200, 'security-officer': 403, auditor: 403, approver: 200, agent: 403, viewer: 403 },
  'GET /api/compliance/exceptions': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 200, agent: 403, viewer: 200 },
  // Alerts: the security officer works them, the auditor reads them, nobody else sees them.
  'GET /api/alerts': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 403, agent: 403, viewer: 403 },
  'GET /api/alerts/stream': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 403, agent: 403, viewer: 403 },
  'GET /api/alerts/:id': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 403, agent: 403, viewer: 403 },
  'POST /api/alerts/:id/acknowledge': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 403, approver: 403, agent: 403, viewer: 403 },
  'POST /api/alerts/:id/resolve': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 403, approver: 403, agent: 403, viewer: 403 },
  'POST /api/alerts/test': { anonymous: 401, admin: 201, 'security-officer': 201, auditor: 403, approver: 403, agent: 403, viewer: 403 },
  // Reports name files and lines and carry the audit-log snapshot; bundles carry the records:
  // those who read the findings and the audit log (and, for bundles, export it). Not the viewer.
  'POST /api/compliance/reports': { anonymous: 401, admin: 202, 'security-officer': 202, auditor: 202, approver: 403, agent: 403, viewer: 403 },
  'GET /api/compliance/reports/:id': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 403, agent: 403, viewer: 403 },
  'GET /api/compliance/reports/:id/download': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 403, agent: 403, viewer: 403 },
  'GET /api/compliance/reports/:id/signature': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 403, agent: 403, viewer: 403 },
  'POST /api/compliance/bundles': { anonymous: 401, admin: 202, 'security-officer': 202, auditor: 202, approver: 403, agent: 403, viewer: 403 },
  'GET /api/compliance/bundles/:id': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 403, agent: 403, viewer: 403 },
  'GET /api/compliance/bundles/:id/download': { anonymous: 401, admin: 200, 'security-officer': 200, auditor: 200, approver: 403, agent: 403, viewer: 403 },
};

export function apiSuite(backend: Backend): void {
  const name = `serve/${backend}`;
  let skip: string | undefined;
  let s: TestServer;
  let idp: Idp;
  let fx: Fixture;
  const tokens = new Map<Who, string | undefined>();
  // The canary: an HMAC key from the configuration (and the database password on PostgreSQL).
  const hmacKey = randomBytes(32).toString('base64');
  const dbPassword = `canaryPw${randomBytes(8).toString('hex')}`;
  const bodySecret = `canarySecret${randomBytes(8).toString('hex')}`;
  const signing = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;

  before(async () => {
    if (backend === 'postgres') skip = await pgSkip();
    if (skip) return;
    idp = await startIdp();
    const keys = new EnvKeyProvider(JSON.stringify({ active: 'h1', hmac: { h1: { key: hmacKey, created: new Date().toISOString() } }, signing: { kid: 's1', key: signing } }));
    const db = backend === 'postgres' ? pgUrl().replace('postgres://postgres@', `postgres://postgres:${dbPassword}@`) : undefined;
    // The compliance routes assess small test catalogs (see compliance-fixture.ts).
    fx = complianceFixture();
    s = await testServer({ backend, idp, ...(db ? { db } : {}), start: { keys, catalogs: fx.catalogs, complianceRefreshMs: 0 } });
    tokens.set('anonymous', undefined);
    for (const r of ROLES) tokens.set(r, await s.token(r));
  });

  after(async () => {
    if (skip) return;
    await s.close();
    await idp.close();
    await dropSchemas();
  });

  const t = (title: string, fn: () => Promise<void>) => test(`${name}: ${title}`, async (tt) => {
    if (skip) {
      tt.skip(skip);
      return;
    }
    await fn();
  });

  const inject = (method: string, url: string, token?: string, payload?: unknown, headers: Record<string, string> = {}) =>
    s.app.inject({ method: method as 'GET', url, headers: { ...bearer(token), ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });

  const json = <T = Record<string, unknown>>(r: LightMyRequestResponse) => JSON.parse(r.body) as T;

  async function deniedCount(): Promise<number> {
    let n = 0;
    let cursor: string | undefined;
    for (;;) {
      const page = await s.ctx.ledger.query({ action: 'access.denied', limit: 1000, ...(cursor ? { cursor } : {}) });
      n += page.records.length;
      if (!page.nextCursor) return n;
      cursor = page.nextCursor;
    }
  }

  t('the route × role matrix: every declared route, every default role, as declared and as written by hand', async () => {
    // Inputs that succeed: a report to push, a scan to read, a record the test user wrote.
    const report = (await inject('GET', '/api/security/compliance-report', tokens.get('admin'))).body;
    const scan = json<{ id: string }>(await inject('POST', '/api/scans', tokens.get('admin'), JSON.parse(report)));
    const mine = json<{ first: number }>(await inject('POST', '/api/audit/events', tokens.get('agent'), { action: 'matrix.setup', outcome: 'success' }));
    // Compliance writes change what they act on (an approved exception is not approved twice):
    // each call gets a fresh subject, made through the engine by people who are not the caller.
    // They all bear on T-9, outside the default category, so the statuses the compliance tests
    // start from are the scan's alone.
    const setup = (id: string): ComplianceActor => ({ id, type: 'user', issuer: 'urn:test', source: 'cli' });
    const catalogs = fx.catalogs;
    const freshException = async (approved: boolean) => {
      const e = await requestException(s.ctx.ledger, setup('matrix-requester'), { target: { framework: FW, requirement: 'T-9' }, reason: 'matrix', risk: 'low', owner: 'matrix', expires: new Date().toISOString().slice(0, 10) }, { catalogs });
      if (approved) await approveException(s.ctx.ledger, setup('matrix-approver'), { exceptionId: e.exceptionId }, { catalogs });
      return e.exceptionId;
    };
    const stored = json<{ sha256: string }>(await inject('POST', '/api/compliance/evidence-files', tokens.get('admin'), Buffer.from('matrix evidence'), { 'content-type': 'text/plain' }));
    // Each acknowledgement or resolution needs an alert still open.
    const freshAlert = async () => {
      const alertId = `matrix-${randomBytes(6).toString('hex')}`;
      const at = new Date().toISOString();
      const raised: AlertRaised = { alertId, severity: 'high', subject: 'matrix-user', score: 2, signals: [], windowStart: at, windowEnd: at, evaluatedThrough: 0, title: 'matrix' };
      await s.ctx.ledger.append([{ actor: { id: 'attest-detection', type: 'service' }, action: 'alert.raised', target: { type: 'alert', id: alertId }, outcome: 'success', metadata: { ...raised } }], { alerts: true });
      return alertId;
    };
    // One finished job of each kind, made by the administrator (holders of audit:export see every job).
    const finished = new Map<string, Promise<string>>();
    const finishedJob = (kind: 'reports' | 'bundles') => {
      const hit = finished.get(kind);
      if (hit) return hit;
      const p = (async () => {
        const created = json<{ id: string; statusUrl: string }>(await inject('POST', `/api/compliance/${kind}`, tokens.get('admin'), { framework: FW }));
        for (;;) {
          const j = json<{ state: string; error?: string }>(await inject('GET', created.statusUrl, tokens.get('admin')));
          if (j.state === 'done') return created.id;
          if (j.state === 'failed') throw new Error(`${kind} job failed: ${j.error}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      finished.set(kind, p);
      return p;
    };
    const PREPARE: Record<string, () => Promise<{ params?: Record<string, string>; query?: Record<string, string>; body?: unknown }>> = {
      'POST /api/compliance/reports': async () => ({ body: { framework: FW } }),
      'POST /api/compliance/bundles': async () => ({ body: { framework: FW } }),
      'GET /api/compliance/reports/:id': async () => ({ params: { id: await finishedJob('reports') } }),
      'GET /api/compliance/reports/:id/download': async () => ({ params: { id: await finishedJob('reports') } }),
      'GET /api/compliance/reports/:id/signature': async () => ({ params: { id: await finishedJob('reports') } }),
      'GET /api/compliance/bundles/:id': async () => ({ params: { id: await finishedJob('bundles') } }),
      'GET /api/compliance/bundles/:id/download': async () => ({ params: { id: await finishedJob('bundles') } }),
      'GET /api/audit/proofs/consistency': async () => ({ query: { from: String((await s.ctx.ledger.checkpoint()).size) } }),
      'GET /api/compliance/frameworks/:id/checklist': async () => ({ params: { id: FW } }),
      'GET /api/compliance/frameworks/:id/requirements/:rid': async () => ({ params: { id: FW, rid: 'T-3' } }),
      'GET /api/compliance/evidence-files/:sha256': async () => ({ params: { sha256: stored.sha256 } }),
      // New bytes each time: a file already held is answered 200, not 201.
      'POST /api/compliance/evidence-files': async () => ({ body: { matrix: randomBytes(8).toString('hex') } }),
      'POST /api/compliance/attestations': async () => ({ body: { framework: FW, requirement: 'T-9', statement: 'matrix' } }),
      'POST /api/compliance/attestations/:id/revoke': async () => ({
        params: { id: (await recordAttestation(s.ctx.ledger, setup('matrix-attester'), { framework: FW, requirement: 'T-9', statement: 'matrix' }, { catalogs })).id },
        body: { reason: 'matrix' },
      }),
      'POST /api/compliance/exceptions': async () => ({ body: { target: { framework: FW, requirement: 'T-9' }, reason: 'matrix', risk: 'low', owner: 'matrix', expires: new Date().toISOString().slice(0, 10) } }),
      'POST /api/compliance/exceptions/:id/approve': async () => ({ params: { id: await freshException(false) }, body: { note: 'matrix' } }),
      'POST /api/compliance/exceptions/:id/revoke': async () => ({ params: { id: await freshException(false) }, body: { reason: 'matrix' } }),
      'POST /api/compliance/exceptions/:id/review': async () => ({ params: { id: await freshException(true) }, body: { note: 'matrix' } }),
      'GET /api/alerts/:id': async () => ({ params: { id: await freshAlert() } }),
      'POST /api/alerts/:id/acknowledge': async () => ({ params: { id: await freshAlert() }, body: { note: 'matrix' } }),
      'POST /api/alerts/:id/resolve': async () => ({ params: { id: await freshAlert() }, body: { resolution: 'benign' } }),
    };
    const before = await deniedCount();
    let refusals = 0;
    const declared = new Set<string>();
    for (const d of s.ctx.routes) {
      const key = `${d.method} ${d.url}`;
      declared.add(key);
      for (const who of ['anonymous', ...ROLES] as Who[]) {
        const prep = await PREPARE[key]?.();
        let url = d.url;
        for (const [k, v] of Object.entries(prep?.params ?? d.example?.params ?? {})) url = url.replace(`:${k}`, v === 'latest' ? scan.id : k === 'seq' ? String(mine.first) : v);
        const q = new URLSearchParams(prep?.query ?? d.example?.query ?? {}).toString();
        const body = prep?.body !== undefined ? prep.body : d.example?.body === 'valid-report' ? JSON.parse(report) : d.example?.body;
        const res = await inject(d.method, q ? `${url}?${q}` : url, tokens.get(who), body);
        const want = expectedFromDeclaration(d, who);
        const msg = `${key} as ${who}: got ${res.statusCode} ${res.body.slice(0, 200)}`;
        if (want === 'ok') assert.ok(res.statusCode >= 200 && res.statusCode < 400, msg);
        else {
          assert.equal(res.statusCode, want, msg);
          refusals++;
          const b = json<{ error: string; message: string; missingScopes?: string[] }>(res);
          assert.equal(b.error, want === 401 ? 'unauthorized' : 'forbidden', msg);
          if (want === 403 && !(d as { unrestrictedOnly?: boolean }).unrestrictedOnly) {
            const missing = d.scopes!.filter((x) => !DEFAULT_ROLES[who]!.scopes.includes(x));
            assert.deepEqual(b.missingScopes, missing, msg);
            for (const m of missing) assert.ok(b.message.includes(m), `${msg}: the message names ${m}`);
          }
        }
        const hand = HAND[key]?.[who];
        if (hand !== undefined) {
          assert.equal(res.statusCode, hand, `hand-written expectation: ${msg}`);
          assert.equal(want === 'ok' ? 'ok' : want, hand < 400 ? 'ok' : hand, `declaration and hand-written table disagree on ${key} for ${who}`);
        }
      }
    }
    for (const k of Object.keys(HAND)) assert.ok(declared.has(k), `${k} is declared`);
    for (const k of declared) assert.ok(k in HAND, `${k} has no row in the hand-written matrix: add what each role should get`);
    // A role whose scopes no route requires can do nothing but read /api/me (the viewer's
    // compliance:read was such a scope): every default role must reach some scoped route.
    for (const who of ROLES) {
      const reachable = s.ctx.routes.filter((d) => !d.public && d.scopes.length > 0 && HAND[`${d.method} ${d.url}`]![who] < 400);
      assert.ok(reachable.length > 0, `the role ${who} reaches no route that requires a scope`);
    }
    assert.equal((await deniedCount()) - before, refusals, 'every 401/403 is one access.denied record');
  });

  t('access.denied records name the actor, route, method, missing scope and reason', async () => {
    const res = await inject('GET', '/api/audit/export', tokens.get('viewer'), undefined, { 'user-agent': 'matrix-test' });
    assert.equal(res.statusCode, 403);
    const [rec] = (await s.ctx.ledger.query({ action: 'access.denied', limit: 1 })).records;
    assert.equal(rec!.actor.id, 'dev:tester');
    assert.equal(rec!.outcome, 'denied');
    assert.equal(rec!.request_id, res.headers['x-request-id']);
    assert.deepEqual(rec!.metadata, { route: '/api/audit/export', method: 'GET', status: 403, reason: 'missing_scope', missingScope: ['audit:export'] });
    assert.equal(rec!.personal?.['actor.ip'], '127.0.0.1');
    const anon = await inject('GET', '/api/audit/events', 'not.a.token');
    assert.equal(anon.statusCode, 401);
    const [a] = (await s.ctx.ledger.query({ action: 'access.denied', limit: 1 })).records;
    assert.equal(a!.actor.id, 'anonymous');
    assert.equal(a!.metadata!['reason'], 'invalid');
    assert.equal(a!.personal?.['actor.ip'], '127.0.0.1');
  });

  t('every response of the matrix routes matches its declared schema', async () => {
    const ajv = new Ajv({ strict: false });
    for (const d of s.ctx.routes) {
      if (d.method !== 'GET' || d.url.includes(':') || d.produces?.length) continue;
      const res = await inject('GET', d.url, tokens.get('admin'));
      const schema = d.response[res.statusCode];
      assert.ok(schema, `${d.url}: status ${res.statusCode} is declared`);
      const { description: _d, ...body } = schema;
      const ok = ajv.validate(body, json(res));
      assert.ok(ok, `${d.url}: ${JSON.stringify(ajv.errors)}`);
    }
  });

  t('POST /api/audit/events: time and reporter come from the server and the token, never the body', async () => {
    const user = await s.token('admin', 'dana');
    const ok = await inject('POST', '/api/audit/events', user, { action: 'task.assign', target: { type: 'task', id: 'T-9' }, outcome: 'success' });
    assert.equal(ok.statusCode, 201, ok.body);
    const { first } = json<{ first: number }>(ok);
    const [rec] = (await s.ctx.ledger.query({ actor: 'dev:dana', limit: 1 })).records;
    assert.equal(rec!.seq, first);
    assert.equal(rec!.actor.id, 'dev:dana');
    assert.deepEqual(rec!.reporter, { id: 'dev:dana', type: 'user' });
    assert.ok(Math.abs(Date.parse(rec!.ts) - Date.now()) < 60_000);
    // Reporter, time or sequence in the body: refused.
    for (const extra of [{ reporter: { id: 'x', type: 'service' } }, { ts: '2020-01-01T00:00:00Z' }, { seq: 1 }, { hash: 'ab' }]) {
      const r = await inject('POST', '/api/audit/events', user, { action: 'task.assign', outcome: 'success', ...extra });
      assert.equal(r.statusCode, 400, `${JSON.stringify(extra)}: ${r.body}`);
    }
    // A user may not report somebody else's action.
    const before = await deniedCount();
    const forged = await inject('POST', '/api/audit/events', user, { actor: { id: 'dev:eve', type: 'user' }, action: 'task.assign', outcome: 'success' });
    assert.equal(forged.statusCode, 403);
    assert.match(json<{ message: string }>(forged).message, /only its own actions/);
    assert.equal(await deniedCount(), before + 1);
    assert.equal((await s.ctx.ledger.query({ actor: 'dev:eve' })).records.length, 0);
    // A service token with audit:write may name the end user; the reporter stays the service.
    const svc = await idp.serviceToken(['audit:write', 'audit:read']);
    const forUser = await inject('POST', '/api/audit/events', svc, { actor: { id: 'enduser-42', type: 'user', ip: '10.1.2.3' }, action: 'agent.execute', outcome: 'success' });
    assert.equal(forUser.statusCode, 201, forUser.body);
    const [r2] = (await s.ctx.ledger.query({ actor: 'enduser-42', limit: 1 })).records;
    assert.deepEqual(r2!.actor, { id: 'enduser-42', type: 'user' });
    assert.deepEqual(r2!.reporter, { id: 'm2m-client', type: 'service' });
    // Batches.
    const batch = await inject('POST', '/api/audit/events', svc, { events: [{ action: 'a.one', outcome: 'success' }, { action: 'a.two', outcome: 'error' }] });
    assert.equal(batch.statusCode, 201);
    assert.equal(json<{ count: number }>(batch).count, 2);
    const bad = await inject('POST', '/api/audit/events', svc, { events: [{ action: 'a.one', outcome: 'success' }, { action: 'Bad', outcome: 'success' }] });
    assert.equal(bad.statusCode, 400);
  });

  t('POST /api/audit/events: metadata over the limits is a 400 naming the field; concurrent writers and denials are still recorded', async () => {
    const svc = await idp.serviceToken(['audit:write']);
    // Written out as text: JSON.stringify itself runs out of stack on 5,000 levels.
    const arrays = `{"action":"task.assign","outcome":"success","metadata":{"x":${'['.repeat(1000)}1${']'.repeat(1000)}}}`;
    const objects = `{"action":"task.assign","outcome":"success","metadata":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    const asJson = { 'content-type': 'application/json' };
    const limit = 'nests deeper than 32 levels (the limit for metadata); flatten it or put the detail in a string';
    const before = await deniedCount();
    const [good, deepArrays, denied, deepObjects, batch, other] = await Promise.all([
      inject('POST', '/api/audit/events', svc, { action: 'task.assign', outcome: 'success', request_id: 'limits-good' }),
      inject('POST', '/api/audit/events', svc, arrays, asJson),
      inject('GET', '/api/audit/events', tokens.get('viewer')),
      inject('POST', '/api/audit/events', svc, objects, asJson),
      inject('POST', '/api/audit/events', svc, { events: [{ action: 'a.one', outcome: 'success' }, { action: 'a.two', outcome: 'success', metadata: { ok: 1, 'bad key': ['x\u0000'] } }] }),
      inject('POST', '/api/audit/events', svc, { action: 'task.pause', outcome: 'success', request_id: 'limits-other' }),
    ]);
    assert.equal(good.statusCode, 201, good.body);
    assert.equal(other.statusCode, 201, other.body);
    assert.equal(denied.statusCode, 403);
    for (const [r, field] of [
      [deepArrays, `metadata.x${'[0]'.repeat(31)}`],
      [deepObjects, `metadata${'.a'.repeat(32)}`],
    ] as const) {
      assert.equal(r.statusCode, 400, r.body);
      const body = json<{ error: string; message: string; field: string }>(r);
      assert.deepEqual([body.error, body.field, body.message], ['bad_request', field, `${field}: ${limit}`]);
    }
    assert.equal(batch.statusCode, 400, batch.body);
    const b = json<{ field: string; message: string }>(batch);
    assert.deepEqual([b.field, b.message], [
      'events[1].metadata["bad key"][0]',
      'events[1].metadata["bad key"][0]: contains U+0000 or an unpaired surrogate (\\ud800-\\udfff), which PostgreSQL cannot store as JSON; remove it or encode the value (base64, say)',
    ]);
    assert.equal((await s.ctx.ledger.query({ actor: 'm2m-client', limit: 1000 })).records.filter((r) => r.request_id === 'limits-good' || r.request_id === 'limits-other').length, 2);
    assert.equal(await deniedCount(), before + 1);
    assert.equal((await s.ctx.ledger.verify()).ok, true);
  });

  t('GET /api/audit/events: filters, order, limit and cursor pages; actors list', async () => {
    const svc = await idp.serviceToken(['audit:write']);
    const events = Array.from({ length: 25 }, (_, i) => ({
      actor: { id: `pager-${i % 3}`, type: 'user' },
      action: i % 2 ? 'pager.login.failed' : 'pager.login',
      target: { type: 'session', id: `S${i}` },
      outcome: i % 5 === 0 ? 'denied' : 'success',
      tenant: 'pagetest',
    }));
    assert.equal((await inject('POST', '/api/audit/events', svc, { events })).statusCode, 201);
    const admin = tokens.get('admin');
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const r = json<{ records: { seq: number; action: string }[]; nextCursor?: string }>(
        await inject('GET', `/api/audit/events?action=pager&order=asc&limit=10${cursor ? `&cursor=${cursor}` : ''}`, admin),
      );
      seen.push(...r.records.map((x) => x.seq));
      cursor = r.nextCursor;
    } while (cursor);
    assert.equal(seen.length, 25);
    assert.deepEqual(seen, [...seen].sort((a, b) => a - b));
    const failed = json<{ records: { action: string }[] }>(await inject('GET', '/api/audit/events?action=pager.login.failed&limit=100', admin));
    assert.equal(failed.records.length, 12);
    const denied = json<{ records: unknown[] }>(await inject('GET', '/api/audit/events?tenant=pagetest&outcome=denied', admin));
    assert.equal(denied.records.length, 5);
    const one = json<{ records: { target: { id: string } }[] }>(await inject('GET', '/api/audit/events?target_type=session&target_id=S7', admin));
    assert.deepEqual(one.records.map((r) => r.target.id), ['S7']);
    const byActor = json<{ records: unknown[] }>(await inject('GET', '/api/audit/events?actor=pager-1&tenant=pagetest', admin));
    assert.equal(byActor.records.length, 8);
    const desc = json<{ records: { seq: number }[] }>(await inject('GET', '/api/audit/events?action=pager&limit=2', admin));
    assert.ok(desc.records[0]!.seq > desc.records[1]!.seq);
    const future = json<{ records: unknown[] }>(await inject('GET', '/api/audit/events?from=2999-01-01', admin));
    assert.equal(future.records.length, 0);
    assert.equal((await inject('GET', '/api/audit/events?from=yesterday', admin)).statusCode, 400);
    assert.equal((await inject('GET', '/api/audit/events?limit=5000', admin)).statusCode, 400);
    assert.equal((await inject('GET', '/api/audit/events?cursor=garbage', admin)).statusCode, 400);
    assert.equal((await inject('GET', '/api/audit/events?nonsense=1', admin)).statusCode, 400);
    const actors = json<{ actors: string[] }>(await inject('GET', '/api/audit/actors?tenant=pagetest', admin));
    assert.deepEqual(actors.actors, ['pager-0', 'pager-1', 'pager-2']);
  });

  t('the agent role reads only its own records; tenant-bound principals only their tenant', async () => {
    const bot = await s.token('agent', 'bot');
    const other = await s.token('agent', 'other-bot');
    assert.equal((await inject('POST', '/api/audit/events', bot, { action: 'bot.run', outcome: 'success' })).statusCode, 201);
    assert.equal((await inject('POST', '/api/audit/events', other, { action: 'bot.run', outcome: 'success' })).statusCode, 201);
    const mine = json<{ records: { actor: { id: string } }[] }>(await inject('GET', '/api/audit/events?limit=1000', bot));
    assert.ok(mine.records.length >= 1);
    assert.ok(mine.records.every((r) => r.actor.id === 'dev:bot'), 'only its own records');
    const asked = await inject('GET', '/api/audit/events?actor=dev:other-bot', bot);
    assert.equal(asked.statusCode, 403);
    assert.deepEqual(json<{ actors: string[] }>(await inject('GET', '/api/audit/actors', bot)).actors, ['dev:bot']);
    assert.equal((await inject('GET', '/api/audit/verify', bot)).statusCode, 403);
    // Proof of another actor's record: not visible.
    const otherSeq = (await s.ctx.ledger.query({ actor: 'dev:other-bot', limit: 1 })).records[0]!.seq;
    assert.equal((await inject('GET', `/api/audit/proofs/${otherSeq}`, bot)).statusCode, 404);

    const acme = await s.token('agent', 'acme-bot', 'acme');
    const acmeAuditor = await s.token('auditor', 'acme-auditor', 'acme');
    assert.equal((await inject('POST', '/api/audit/events', acme, { action: 'acme.thing', outcome: 'success' })).statusCode, 201);
    assert.equal((await inject('POST', '/api/audit/events', acme, { action: 'acme.thing', outcome: 'success', tenant: 'globex' })).statusCode, 403);
    const svc = await idp.serviceToken(['audit:write']);
    await inject('POST', '/api/audit/events', svc, { events: [{ action: 'globex.thing', outcome: 'success', tenant: 'globex' }, { action: 'acme.other', outcome: 'success', tenant: 'acme' }] });
    const seen = json<{ records: { tenant?: string }[] }>(await inject('GET', '/api/audit/events?limit=1000', acmeAuditor));
    assert.ok(seen.records.length >= 2);
    assert.ok(seen.records.every((r) => r.tenant === 'acme'), 'only acme records');
    assert.equal((await inject('GET', '/api/audit/events?tenant=globex', acmeAuditor)).statusCode, 403);
    const exported = (await inject('GET', '/api/audit/export?format=ndjson', acmeAuditor)).body.trim().split('\n').filter(Boolean);
    assert.ok(exported.length >= 2 && exported.every((l) => (JSON.parse(l) as { tenant?: string }).tenant === 'acme'));
    assert.equal((await inject('GET', '/api/audit/verify', acmeAuditor)).statusCode, 403);
    // A tenant group binding from a real IdP token.
    const carol = await idp.userToken({ 'cognito:groups': ['attest-auditors', 'acme-ops'] });
    const me = json<{ tenants: string[]; roles: string[] }>(await inject('GET', '/api/me', carol));
    assert.deepEqual(me.tenants, ['acme']);
    assert.deepEqual(me.roles, ['auditor']);
    const carolSees = json<{ records: { tenant?: string }[] }>(await inject('GET', '/api/audit/events?limit=1000', carol));
    assert.ok(carolSees.records.every((r) => r.tenant === 'acme'));
  });

  t('export (csv, json, ndjson; default last 30 days) is recorded; verify, checkpoint and proofs check out offline', async () => {
    const admin = tokens.get('admin');
    const csv = await inject('GET', '/api/audit/export?format=csv', admin);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.match(csv.body, /^seq,ts,actor_id/);
    const js = await inject('GET', '/api/audit/export?format=json', tokens.get('auditor'));
    const arr = JSON.parse(js.body) as { seq: number; personal?: unknown }[];
    assert.ok(arr.length > 10);
    assert.ok(arr.every((r) => r.personal === undefined), 'no personal data in exports');
    const old = json<unknown[]>(await inject('GET', '/api/audit/export?format=json&to=2000-01-01', admin));
    assert.equal(old.length, 0);
    // The export was recorded.
    await new Promise((r) => setTimeout(r, 50));
    const exp = (await s.ctx.ledger.query({ action: 'audit.export', limit: 10 })).records;
    assert.ok(exp.some((r) => r.actor.id === 'dev:tester' && r.metadata?.['format'] === 'json'));

    const v = json<{ ok: boolean; records: number }>(await inject('GET', '/api/audit/verify', admin));
    assert.equal(v.ok, true);
    assert.ok(v.records > 10);
    const cp = json<SignedCheckpoint>(await inject('GET', '/api/audit/checkpoints/latest', tokens.get('auditor')));
    assert.match(cp.publicKey, /BEGIN PUBLIC KEY/);
    assert.equal(checkCheckpointFile(cp, undefined), undefined);
    const seq = cp.size;
    const proof = json<InclusionProof>(await inject('GET', `/api/audit/proofs/${seq}`, admin));
    assert.deepEqual(verifyInclusionProof(proof, cp.publicKey), { ok: true });
    assert.equal((await inject('GET', '/api/audit/proofs/99999999', admin)).statusCode, 404);
    assert.equal((await inject('GET', '/api/audit/proofs/abc', admin)).statusCode, 400);

    // Consistency: the checkpoint the auditor kept is a prefix of the ledger now.
    await inject('POST', '/api/audit/events', tokens.get('agent'), { action: 'task.assign', target: { type: 'task', id: 'T-9' }, outcome: 'success' });
    const later = await s.ctx.ledger.checkpoint();
    const c = json<ConsistencyProof>(await inject('GET', `/api/audit/proofs/consistency?from=${cp.size}&to=${later.size}`, tokens.get('auditor')));
    assert.deepEqual([c.from.size, c.to.size], [cp.size, later.size]);
    assert.deepEqual(verifyConsistencyProof(c, cp.publicKey, cp), { ok: true });
    const flip = (h: string) => (parseInt(h.slice(0, 2), 16) ^ 0xff).toString(16).padStart(2, '0') + h.slice(2);
    if (c.proof.length) assert.equal(verifyConsistencyProof({ ...c, proof: c.proof.map((h, i) => (i === 0 ? flip(h) : h)) }).ok, false);
    assert.equal(verifyConsistencyProof({ ...c, to: { ...c.to, root: flip(c.to.root) } }).ok, false, 'a re-rooted later checkpoint breaks its signature');
    const latest = json<ConsistencyProof>(await inject('GET', `/api/audit/proofs/consistency?from=${cp.size}`, admin));
    assert.ok(latest.to.size >= later.size && verifyConsistencyProof(latest, cp.publicKey).ok);
    assert.equal((await inject('GET', `/api/audit/proofs/consistency?from=${later.size}&to=${cp.size}`, admin)).statusCode, 404);
    assert.equal((await inject('GET', '/api/audit/proofs/consistency?from=999999', admin)).statusCode, 404);
    assert.equal((await inject('GET', '/api/audit/proofs/consistency', admin)).statusCode, 400);
  });

  t('scans: pushed reports are validated, stored, listed and scoped to tenants', async () => {
    const so = tokens.get('security-officer');
    const report = json(await inject('GET', '/api/security/compliance-report', so));
    const bad = await inject('POST', '/api/scans', so, { ...report, findings: 'nope' });
    assert.equal(bad.statusCode, 400);
    assert.match(json<{ message: string }>(bad).message, /not an Attest JSON report/);
    const created = await inject('POST', '/api/scans?label=repo@abc123&tenant=acme', so, report);
    assert.equal(created.statusCode, 201, created.body);
    const c = json<{ id: string; tenant: string; label: string; sha256: string }>(created);
    assert.equal(c.tenant, 'acme');
    const got = json<{ id: string; report: { schemaVersion: string }; submittedBy: string }>(await inject('GET', `/api/scans/${c.id}`, tokens.get('auditor')));
    assert.equal(got.report.schemaVersion, '1.2.0');
    assert.equal(got.submittedBy, 'dev:tester');
    const list = json<{ scans: { id: string }[] }>(await inject('GET', '/api/scans?limit=1000', tokens.get('auditor')));
    assert.ok(list.scans.some((x) => x.id === c.id));
    const globexAuditor = await s.token('auditor', 'g', 'globex');
    assert.equal((await inject('GET', `/api/scans/${c.id}`, globexAuditor)).statusCode, 404);
    const gl = json<{ scans: unknown[] }>(await inject('GET', '/api/scans', globexAuditor));
    assert.equal(gl.scans.length, 0);
    const ingest = (await s.ctx.ledger.query({ action: 'scan.ingest', limit: 10 })).records;
    assert.ok(ingest.some((r) => r.target?.id === c.id && r.metadata?.['sha256'] === c.sha256));
  });

  t('privacy: subject access returns every record about the subject with its personal data, in pages, each read recorded by pseudonym', async () => {
    const subject = `privacy-subject-${backend}`;
    const svc = await idp.serviceToken(['audit:write']);
    const seeded = await inject('POST', '/api/audit/events', svc, {
      events: [
        { actor: { id: subject, type: 'user', email: 'pat@example.com', ip: '10.9.8.7', name: 'Pat Example' }, action: 'auth.login', outcome: 'success', tenant: 'acme' },
        { actor: { id: 'helpdesk-1', type: 'user' }, action: 'user.update', target: { type: 'user', id: subject, name: 'Pat Example' }, outcome: 'success', tenant: 'globex' },
        { actor: { id: 'someone-else', type: 'user', email: 'other@example.com' }, action: 'auth.login', outcome: 'success' },
      ],
    });
    assert.equal(seeded.statusCode, 201, seeded.body);
    const so = tokens.get('security-officer');
    const ajv = new Ajv({ strict: false });
    const decl = s.ctx.routes.find((d) => d.url === '/api/privacy/subject-access')!;
    const { description: _d, ...pageSchema } = decl.response[200]!;
    const pages: { records: { seq: number; action: string; personal?: Record<string, string>; actor: { id: string } }[]; nextCursor?: string; accessRecord: number }[] = [];
    let cursor: string | undefined;
    do {
      const r = await inject('POST', '/api/privacy/subject-access', so, { subject, limit: 1, ...(cursor ? { cursor } : {}) });
      assert.equal(r.statusCode, 200, r.body);
      assert.ok(ajv.validate(pageSchema, json(r)), JSON.stringify(ajv.errors));
      const page = json<(typeof pages)[number]>(r);
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor);
    const records = pages.flatMap((p) => p.records);
    assert.deepEqual(records.map((r) => r.action), ['auth.login', 'user.update']);
    assert.deepEqual(records[0]!.personal, { 'actor.email': 'pat@example.com', 'actor.ip': '10.9.8.7', 'actor.name': 'Pat Example' });
    assert.deepEqual(records[1]!.personal, { 'target.name': 'Pat Example' });
    // Each page read is one record naming the subject by the erasure's keyed pseudonym, never in clear.
    const pseudonym = subjectPseudonym(Buffer.from(hmacKey, 'base64'), subject);
    const reads = (await s.ctx.ledger.query({ action: 'privacy.subject.access', targetId: pseudonym, order: 'asc', limit: 100 })).records;
    assert.deepEqual(reads.map((r) => r.seq), pages.map((p) => p.accessRecord));
    assert.ok(reads.every((r) => r.actor.id === 'dev:tester' && r.target?.type === 'subject' && r.metadata?.['subject_kid'] === 'h1'));
    assert.deepEqual(reads.map((r) => r.metadata?.['records']), pages.map((p) => p.records.length));
    for (const r of reads) assert.ok(!JSON.stringify(r).includes(subject), 'the access record does not name the subject in clear');
    // Bad input names the field and reads nothing.
    const before = (await s.ctx.ledger.query({ action: 'privacy.', limit: 1000 })).records.length;
    for (const [body, field] of [
      [{}, 'subject'],
      [{ subject: '' }, 'subject'],
      [{ subject: '   ' }, 'subject'],
      [{ subject, limit: 5000 }, 'limit'],
      [{ subject, cursor: 'garbage' }, 'cursor'],
      [{ subject, tenant: 'acme' }, 'tenant'],
    ] as const) {
      const r = await inject('POST', '/api/privacy/subject-access', so, body);
      assert.equal(r.statusCode, 400, `${JSON.stringify(body)}: ${r.body}`);
      assert.equal(json<{ field: string }>(r).field, field, r.body);
    }
    assert.equal((await s.ctx.ledger.query({ action: 'privacy.', limit: 1000 })).records.length, before, 'refused reads are not recorded as reads');
    // A principal bound to a tenant sees part of a subject's records only: refused, and so is the auditor.
    assert.equal((await inject('POST', '/api/privacy/subject-access', await s.token('security-officer', 'bound', 'acme'), { subject })).statusCode, 403);
    assert.equal((await inject('POST', '/api/privacy/subject-access', tokens.get('auditor'), { subject })).statusCode, 403);
  });

  t('privacy: erasure runs eraseSubject, records the request (with its reason) and the erasure, and the ledger still verifies', async () => {
    const subject = `erase-me-${backend}`;
    const svc = await idp.serviceToken(['audit:write']);
    assert.equal((await inject('POST', '/api/audit/events', svc, { events: [
      { actor: { id: subject, type: 'user', email: 'erase@example.com', ip: '10.1.1.1' }, action: 'auth.login', outcome: 'success' },
      { actor: { id: 'admin-7', type: 'user' }, action: 'user.rename', target: { type: 'user', id: subject, name: 'Erin Erase' }, outcome: 'success' },
    ] })).statusCode, 201);
    const so = tokens.get('security-officer');
    const count = async () => (await s.ctx.ledger.query({ limit: 1 })).records[0]!.seq;
    const head = await count();
    for (const [body, field, why] of [
      [{ subject }, 'reason', /reason/],
      [{ subject, reason: '  ' }, 'reason', /say why/],
      [{ subject, reason: `asked by ${subject.toUpperCase()} by mail` }, 'reason', /identifier/],
      // The ticket id goes into both records in clear too, the erasure record's chained body included.
      [{ subject, reason: 'Art. 17', ticket: `GDPR-${subject}` }, 'ticket', /identifier/],
      [{ reason: 'Art. 17' }, 'subject', /subject/],
      [{ subject, reason: 'Art. 17', archive: '/tmp/x' }, 'archive', /additional/],
    ] as const) {
      const r = await inject('POST', '/api/privacy/erasures', so, body);
      assert.equal(r.statusCode, 400, `${JSON.stringify(body)}: ${r.body}`);
      assert.equal(json<{ field: string }>(r).field, field);
      assert.match(json<{ message: string }>(r).message, why);
    }
    assert.equal(await count(), head, 'a refused request writes nothing');
    assert.equal((await inject('POST', '/api/privacy/erasures', await s.token('admin', 'bound-admin', 'acme'), { subject, reason: 'Art. 17' })).statusCode, 403);
    assert.equal((await inject('POST', '/api/privacy/erasures', tokens.get('auditor'), { subject, reason: 'Art. 17' })).statusCode, 403);

    const res = await inject('POST', '/api/privacy/erasures', so, { subject, reason: 'Art. 17 request by e-mail', ticket: 'DPO-77' });
    assert.equal(res.statusCode, 200, res.body);
    const ajv = new Ajv({ strict: false });
    const { description: _d, ...okSchema } = s.ctx.routes.find((d) => d.url === '/api/privacy/erasures')!.response[200]!;
    assert.ok(ajv.validate(okSchema, json(res)), JSON.stringify(ajv.errors));
    const out = json<{ outcome: string; erased: number; requestRecord: number; erasureRecord: number; subjectPseudonym: string; subjectKid: string }>(res);
    assert.equal(out.outcome, 'erased');
    assert.equal(out.erased, 2);
    assert.equal(out.subjectPseudonym, subjectPseudonym(Buffer.from(hmacKey, 'base64'), subject));
    const [request] = await s.ctx.ledger.materialise(await s.ctx.ledger.store.records(out.requestRecord, out.requestRecord));
    const [erasure] = await s.ctx.ledger.materialise(await s.ctx.ledger.store.records(out.erasureRecord, out.erasureRecord));
    assert.equal(request!.action, 'privacy.subject.erase.request');
    assert.deepEqual([request!.actor.id, request!.target, request!.ticket_id, request!.metadata], ['dev:tester', { type: 'subject', id: out.subjectPseudonym }, 'DPO-77', { reason: 'Art. 17 request by e-mail', subject_kid: 'h1' }]);
    assert.equal(erasure!.action, 'ledger.subject.erase');
    assert.deepEqual([erasure!.actor.id, erasure!.target?.id, erasure!.ticket_id, erasure!.request_id], ['dev:tester', out.subjectPseudonym, 'DPO-77', request!.request_id]);
    assert.ok(out.erasureRecord > out.requestRecord, 'the request is recorded before the erasure');
    for (const r of [request!, erasure!]) assert.ok(!JSON.stringify(r).includes(subject));
    // What subject access shows now: the record the subject is the actor of (its id is in the
    // chain), personal data erased; the one that named the subject only in its personal data
    // no longer leads to the subject at all.
    const after = json<{ records: { action: string; personal?: unknown; erased?: string[] }[] }>(await inject('POST', '/api/privacy/subject-access', so, { subject }));
    assert.deepEqual(after.records.map((r) => [r.action, r.personal, r.erased?.sort()]), [['auth.login', undefined, ['actor.email', 'actor.ip']]]);
    const v = await s.ctx.ledger.verify();
    assert.equal(v.ok, true, JSON.stringify(v.problems));
    assert.ok(v.personalData.erased >= 2);
  });

  t('privacy: a store that refuses erasure gets 409 with its reason; the request and the refusal are recorded, nothing is erased or claimed', async () => {
    const subject = `kept-${backend}`;
    const svc = await idp.serviceToken(['audit:write']);
    assert.equal((await inject('POST', '/api/audit/events', svc, { actor: { id: subject, type: 'user', email: 'kept@example.com' }, action: 'auth.login', outcome: 'success' })).statusCode, 201);
    const store = s.ctx.ledger.store;
    const original = store.eraseRefusal;
    const why = 'erasure on this database runs as the schema owner; nothing was written (test)';
    store.eraseRefusal = async () => why;
    try {
      const erasuresBefore = (await s.ctx.ledger.query({ action: 'ledger.subject.erase', limit: 1000 })).records.length;
      const r = await inject('POST', '/api/privacy/erasures', tokens.get('admin'), { subject, reason: 'Art. 17' });
      assert.equal(r.statusCode, 409, r.body);
      const b = json<{ error: string; message: string; requestRecord: number }>(r);
      assert.deepEqual([b.error, b.message], ['erasure_refused', why]);
      const { description: _d, ...refusedSchema } = s.ctx.routes.find((d) => d.url === '/api/privacy/erasures')!.response[409]!;
      assert.ok(new Ajv({ strict: false }).validate(refusedSchema, b));
      assert.equal(typeof b.requestRecord, 'number');
      const [failed] = (await s.ctx.ledger.query({ action: 'privacy.subject.erase.failed', limit: 1 })).records;
      assert.deepEqual([failed!.outcome, failed!.metadata], ['error', { request_record: b.requestRecord, refused: true, error: why }]);
      assert.equal((await s.ctx.ledger.query({ action: 'ledger.subject.erase', limit: 1000 })).records.length, erasuresBefore, 'no erasure is claimed');
      const still = json<{ records: { personal?: Record<string, string> }[] }>(await inject('POST', '/api/privacy/subject-access', tokens.get('admin'), { subject }));
      assert.deepEqual(still.records[0]!.personal, { 'actor.email': 'kept@example.com' });
    } finally {
      store.eraseRefusal = original;
    }
  });

  complianceTests(t, { backend, server: () => s, fixture: () => fx, deniedCount });

  t('canary: secrets of the configuration, request bodies and event metadata never appear in a response, log line or export', async () => {
    const bodies: string[] = [];
    const keep = (r: LightMyRequestResponse) => {
      bodies.push(r.body, JSON.stringify(r.headers));
      return r;
    };
    const admin = tokens.get('admin')!;
    const jwtLike = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ c: bodySecret })).toString('base64url')}.c2lnbmF0dXJlc2lnbmF0dXJl`;
    keep(await inject('POST', '/api/audit/events', admin, {
      action: 'secret.handle',
      outcome: 'success',
      metadata: { password: bodySecret, client_secret: bodySecret, nested: { api_key: bodySecret, authorization: `Bearer ${bodySecret}` }, note: `Bearer ${bodySecret}`, jwt: jwtLike },
    }));
    keep(await inject('POST', '/api/audit/events', admin, { action: 'secret.handle', outcome: 'success', actor: { id: 'dev:tester', password: bodySecret } }));
    keep(await inject('POST', '/api/dev/token', undefined, { user: 'x', role: 'admin', secret: bodySecret }));
    keep(await inject('GET', `/api/audit/events?token=${bodySecret}`, admin));
    keep(await inject('GET', '/api/me', `${bodySecret}.${bodySecret}.${bodySecret}`));
    keep(await inject('GET', '/api/me', undefined, undefined, { authorization: `Basic ${bodySecret}` }));
    for (const d of s.ctx.routes) {
      if (d.method !== 'GET' || d.url.includes(':')) continue;
      // The declared example query: the alerts stream runs 300 s unless it names a shorter maxSeconds.
      const q = new URLSearchParams(d.example?.query ?? {}).toString();
      keep(await inject('GET', q ? `${d.url}?${q}` : d.url, admin));
    }
    for (const f of ['csv', 'json', 'ndjson', 'markdown', 'html', 'sarif', 'junit']) {
      keep(await inject('GET', `/api/security/compliance-report?format=${f}`, admin));
      if (['csv', 'json', 'ndjson'].includes(f)) keep(await inject('GET', `/api/audit/export?format=${f}&action=secret`, admin));
    }
    keep(await inject('GET', '/api/audit/events?action=secret', admin));
    const all = bodies.join('\n') + '\n' + s.logs.join('\n');
    const secrets: Record<string, string> = { 'HMAC key': hmacKey, 'HMAC key (hex)': Buffer.from(hmacKey, 'base64').toString('hex'), 'body secret': bodySecret, 'signing key': signing.split('\n')[1]! };
    if (backend === 'postgres') secrets['database password'] = dbPassword;
    for (const tk of tokens.values()) if (tk) secrets[`bearer token …${tk.slice(-8)}`] = tk.split('.')[2]!;
    for (const [what, secret] of Object.entries(secrets)) assert.ok(!all.includes(secret), `${what} leaked`);
    // The scrubbed record is there, and says it was scrubbed.
    const [rec] = (await s.ctx.ledger.query({ action: 'secret.handle', limit: 1, order: 'asc' })).records;
    assert.equal(rec!.metadata!['password'], '[scrubbed]');
    assert.ok(s.logs.length > 20, 'logs were captured');
    for (const l of s.logs) JSON.parse(l); // every line is JSON
    assert.ok(s.logs.some((l) => l.includes('"reqId"')), 'log lines carry request ids');
  });
}
