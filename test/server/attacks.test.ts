/**
 * Token attacks over real HTTP against a production-mode server (a real listen on loopback,
 * an OIDC provider on loopback): each forged or unfit token gets 401 — 503 when the issuer's
 * key set cannot be fetched, since the token may well be valid — each refusal is recorded,
 * and the server keeps answering.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, createPublicKey } from 'node:crypto';
import { generateKeyPair } from 'jose';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import { LogCapture, startIdp, testConfig, type Idp } from './helpers.js';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let idp: Idp;
let srv: RunningServer;
const logs = new LogCapture();

async function startProd(): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'attest-attack-'));
  mkdirSync(join(dir, 'infra'));
  return startServer({
    config: testConfig(dir, join(dir, 'ledger.db'), { issuer: idp.issuer, clientIds: ['attest-ui', 'm2m-client'], scopePrefix: 'attest/', groupRoles: { 'attest-auditors': 'auditor' }, jwksCooldownSeconds: 0 }, join(dir, 'infra')),
    cwd: dir,
    port: 0,
    logStream: logs,
    verifyOnStart: false,
  });
}

before(async () => {
  idp = await startIdp();
  srv = await startProd();
});

after(async () => {
  await srv.close();
  await idp.close();
});

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

async function call(token: string | undefined, server = srv, path = '/api/me'): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function lastDenial(server = srv) {
  return (await server.ctx.ledger.query({ action: 'access.denied', limit: 1 })).records[0]!;
}

test('a valid IdP token works (baseline)', async () => {
  const r = await call(await idp.userToken());
  assert.equal(r.status, 200);
  assert.deepEqual(r.body['roles'], ['auditor']);
});

test('token attacks: each 401 with a reason, recorded, and the server keeps running', async () => {
  const good = await idp.userToken();
  const [h, p, sig] = good.split('.');
  const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
  const pem = createPublicKey({ key: idp.key.publicJwk as import('node:crypto').JsonWebKey, format: 'jwk' }).export({ type: 'spki', format: 'pem' }) as string;
  const hsInput = `${b64({ alg: 'HS256', typ: 'JWT', kid: idp.key.kid })}.${b64({ ...claims, 'cognito:groups': ['attest-admins'] })}`;
  const attacker = await generateKeyPair('RS256');
  const cases: [string, string | undefined, string][] = [
    ['no token', undefined, 'missing_token'],
    ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`, 'alg_not_allowed'],
    ['HS256 signed with the public key', `${hsInput}.${createHmac('sha256', pem).update(hsInput).digest('base64url')}`, 'alg_not_allowed'],
    ['expired', await idp.userToken({ iat: now() - 7200, exp: now() - 3600 }), 'expired'],
    ['not yet valid', await idp.userToken({ nbf: now() + 3600 }), 'not_yet_valid'],
    ['wrong issuer', await idp.userToken({ iss: 'https://evil.example.com' }), 'wrong_issuer'],
    ['wrong client', await idp.userToken({ client_id: 'someone-else' }), 'wrong_audience'],
    ['wrong audience', await idp.userToken({ client_id: undefined, aud: 'other-api', token_use: undefined, typ: 'Bearer' }), 'wrong_audience'],
    ['id token where an access token is required', await idp.userToken({ token_use: 'id', aud: 'attest-ui', client_id: undefined }), 'wrong_token_use'],
    ['tampered payload', `${h}.${b64({ ...claims, 'cognito:groups': ['attest-admins'] })}.${sig}`, 'invalid'],
    ['signed by another key under the real kid', await idp.sign(claims, {}, { kid: idp.key.kid, privateKey: attacker.privateKey }), 'invalid'],
    ['unknown kid', await idp.sign(claims, {}, { kid: 'who-knows', privateKey: attacker.privateKey }), 'unknown_key'],
    ['dev issuer token on a production server', `${b64({ alg: 'EdDSA', kid: 'x' })}.${b64({ ...claims, iss: 'urn:attest:dev-issuer' })}.c2ln`, 'wrong_issuer'],
    ['garbage', 'garbage', 'invalid'],
    ['a 100-year lifetime', await idp.userToken({ iat: now(), exp: now() + 100 * 365 * 86400 }), 'lifetime_too_long'],
  ];
  for (const [what, token, reason] of cases) {
    const r = await call(token);
    assert.equal(r.status, 401, `${what}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body['error'], 'unauthorized', what);
    assert.equal(r.body['reason'], reason, what);
    if (reason === 'lifetime_too_long') assert.equal(r.body['message'], 'the token is valid for 3153600000 s (exp − iat); this service accepts at most 86400 s (access.maxTokenLifetimeSeconds)');
    const d = await lastDenial();
    assert.equal(d.metadata!['reason'], reason, `${what} recorded`);
    assert.equal(d.actor.id, 'anonymous');
    const health = await fetch(`${srv.url}/healthz`);
    assert.equal(health.status, 200, `${what}: the server keeps running`);
  }
  // Missing scope: 403, naming the scope.
  const viewer = await idp.userToken({ 'cognito:groups': ['viewer'] });
  const f = await call(viewer, srv, '/api/audit/events');
  assert.equal(f.status, 403);
  assert.deepEqual(f.body['missingScopes'], ['audit:read']);
  assert.equal((await lastDenial()).actor.id, 'user-0001');
});

test('JWKS endpoint down: 503 (the token may be valid; retry), recorded, the server keeps running', async () => {
  idp.mode = 'down';
  const fresh = await startProd(); // no keys cached yet
  try {
    const r = await call(await idp.userToken({ jti: 'other' }), fresh);
    assert.equal(r.status, 503, JSON.stringify(r.body));
    assert.equal(r.body['reason'], 'jwks_unavailable');
    assert.equal((await lastDenial(fresh)).metadata!['reason'], 'jwks_unavailable');
    assert.equal((await fetch(`${fresh.url}/healthz`)).status, 200);
    // A forged token is still refused while the issuer is down.
    assert.equal((await call(`${b64({ alg: 'none' })}.${b64({ sub: 'x' })}.`, fresh)).status, 401);
    idp.mode = 'ok';
    await new Promise((r) => setTimeout(r, 50));
    let ok = 0;
    for (let i = 0; i < 100 && ok !== 200; i++) {
      ok = (await call(await idp.userToken({ jti: `again-${i}` }), fresh)).status;
      if (ok !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(ok, 200, 'recovers when the issuer is back');
  } finally {
    idp.mode = 'ok';
    await fresh.close();
  }
});

test('no token, header or secret ends up in the logs', () => {
  const text = logs.lines.join('\n');
  assert.ok(logs.lines.length > 10);
  assert.ok(!/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/.test(text), 'no JWT in the logs');
  assert.ok(!/authorization/i.test(text.replace(/"reason":"[^"]*"/g, '')), 'no authorization header in the logs');
});
