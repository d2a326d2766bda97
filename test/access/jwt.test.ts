import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHmac, createPublicKey, generateKeyPairSync, KeyObject, sign as cryptoSign } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { AuthError, createVerifier, MAX_TOKEN_LENGTH, type AuthErrorCode, type Verifier } from '../../src/access/jwt.js';
import { DevIssuer } from '../../src/access/dev-issuer.js';
import { DEFAULT_ROLES, validateAccessConfig, type AccessConfigInput } from '../../src/access/scopes.js';

// ---------------------------------------------------------------------------------------
// A local identity provider: OpenID discovery + JWKS over HTTP on 127.0.0.1.

type Mode = 'ok' | 'error' | 'hang' | 'garbage' | 'wrong-issuer';

interface Idp {
  base: string;
  issuer: string;
  keys: JWK[];
  mode: Mode;
  jwksHits: number;
  discoveryHits: number;
  requests: number;
}

let server: Server;
const idp: Idp = { base: '', issuer: '', keys: [], mode: 'ok', jwksHits: 0, discoveryHits: 0, requests: 0 };

interface SigningKey {
  kid: string;
  alg: string;
  privateKey: CryptoKey | Uint8Array;
  publicJwk: JWK;
}

let rsa: SigningKey;
let ec: SigningKey;
let rsaLater: SigningKey;
let attacker: SigningKey;
let rsaPublicPem: string;

async function makeKey(alg: 'RS256' | 'ES256' | 'EdDSA', kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '';
  idp.requests++;
  if (idp.mode === 'hang') return; // never answers
  if (idp.mode === 'error') {
    res.writeHead(503, { 'content-type': 'text/plain' }).end('down for maintenance');
    return;
  }
  if (url === '/realm/.well-known/openid-configuration') {
    idp.discoveryHits++;
    const issuer = idp.mode === 'wrong-issuer' ? 'https://evil.example.com' : idp.issuer;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer, jwks_uri: `${idp.base}/realm/jwks.json` }));
    return;
  }
  if (url === '/realm/jwks.json' || url === '/elsewhere/keys') {
    idp.jwksHits++;
    if (idp.mode === 'garbage') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"keys": [ not json');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: idp.keys }));
    return;
  }
  res.writeHead(404).end();
}

before(async () => {
  [rsa, ec, rsaLater, attacker] = await Promise.all([
    makeKey('RS256', 'rsa-1'),
    makeKey('ES256', 'ec-1'),
    makeKey('RS256', 'rsa-2'),
    makeKey('RS256', 'attacker'),
  ]);
  rsaPublicPem = createPublicKey({ key: rsa.publicJwk as import('node:crypto').JsonWebKey, format: 'jwk' }).export({ type: 'spki', format: 'pem' }) as string;
  server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  idp.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  idp.issuer = `${idp.base}/realm`;
  reset();
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

function reset(): void {
  idp.keys = [rsa.publicJwk, ec.publicJwk];
  idp.mode = 'ok';
  idp.jwksHits = 0;
  idp.discoveryHits = 0;
  idp.requests = 0;
}

// ---------------------------------------------------------------------------------------
// Tokens and verifiers.

const now = (): number => Math.floor(Date.now() / 1000);
const tmp = mkdtempSync(join(tmpdir(), 'attest-access-'));

function config(extra: AccessConfigInput = {}) {
  return validateAccessConfig(
    {
      issuer: idp.issuer,
      clientIds: ['cognito-client', 'm2m-client'],
      audience: ['attest-api'],
      groupRoles: { 'attest-auditors': 'auditor', 'attest-admins': 'admin' },
      scopePrefix: 'attest/',
      jwksCooldownSeconds: 0,
      ...extra,
    },
    { cwd: tmp },
  );
}

function verifier(extra: AccessConfigInput = {}): Verifier {
  return createVerifier(config(extra));
}

/** Claims of a Cognito user access token. */
function cognitoAccess(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const t = now();
  return {
    sub: '0b6c1c0e-7f3a-4c1e-9a55-1c1a6f0e2d11',
    iss: idp.issuer,
    client_id: 'cognito-client',
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    username: 'alice',
    'cognito:groups': ['attest-auditors', 'some-other-group'],
    auth_time: t,
    iat: t,
    exp: t + 3600,
    jti: 'jti-1',
    ...extra,
  };
}

async function sign(claims: Record<string, unknown>, key: SigningKey = rsa, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(claims as never).setProtectedHeader({ alg: key.alg, kid: key.kid, ...header }).sign(key.privateKey);
}

/** RS256 by hand, for tokens jose refuses to produce (unknown crit, weak keys). */
function rawRs256(header: Record<string, unknown>, claims: Record<string, unknown>, key: KeyObject): string {
  const input = `${b64({ alg: 'RS256', ...header })}.${b64(claims)}`;
  return `${input}.${cryptoSign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

function b64(v: unknown): string {
  return Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
}

async function rejects(v: Verifier, token: string | undefined | null, code: AuthErrorCode): Promise<AuthError> {
  let caught: unknown;
  try {
    await v.verify(token);
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof AuthError, `expected AuthError ${code}, got ${caught === undefined ? 'acceptance' : String(caught)}`);
  assert.equal(caught.code, code, `expected ${code}, got ${caught.code}: ${caught.message}`);
  if (typeof token === 'string' && token.length > 0) {
    assert.ok(!caught.message.includes(token), 'the message must not contain the token');
    for (const part of token.split('.')) {
      if (part.length > 12) assert.ok(!caught.message.includes(part), 'the message must not contain part of the token');
    }
  }
  assert.ok(caught.message.length < 1000, 'messages stay short');
  return caught;
}

// ---------------------------------------------------------------------------------------
// Happy paths.

test('Cognito-style access token: client_id and cognito:groups → principal with the role scopes', async () => {
  reset();
  const p = await verifier().verify(await sign(cognitoAccess()));
  assert.equal(p.subject, '0b6c1c0e-7f3a-4c1e-9a55-1c1a6f0e2d11');
  assert.equal(p.username, 'alice');
  assert.equal(p.kind, 'user');
  assert.deepEqual(p.roles, ['auditor']);
  assert.deepEqual([...p.scopes].sort(), [...DEFAULT_ROLES['auditor']!.scopes].sort());
  assert.equal(p.clientId, 'cognito-client');
  assert.equal(p.tokenId, 'jti-1');
  assert.equal(p.issuer, idp.issuer);
  assert.equal(p.ownRecordsOnly, false);
  assert.equal(p.dev, false);
  assert.equal(idp.discoveryHits, 1, 'keys located through OpenID discovery');
});

test('M2M client-credentials token: Attest scopes from the scope claim, others ignored', async () => {
  reset();
  const t = now();
  const token = await sign({
    sub: 'm2m-client',
    iss: idp.issuer,
    client_id: 'm2m-client',
    token_use: 'access',
    scope: 'attest/audit:write attest/audit:read other-api/admin attest/not-a-scope',
    iat: t,
    exp: t + 3600,
  });
  const p = await verifier().verify(token);
  assert.equal(p.kind, 'service');
  assert.equal(p.subject, 'm2m-client');
  assert.deepEqual([...p.scopes].sort(), ['audit:read', 'audit:write']);
  assert.deepEqual(p.roles, []);
  assert.equal(p.ownRecordsOnly, false);
});

test('M2M client mapped to the agent role by clientRoles reads only its own records', async () => {
  reset();
  const t = now();
  const token = await sign({ sub: 'm2m-client', iss: idp.issuer, client_id: 'm2m-client', token_use: 'access', scope: 'attest/audit:write', iat: t, exp: t + 60 });
  const p = await verifier({ clientRoles: { 'm2m-client': 'agent' } }).verify(token);
  assert.deepEqual(p.roles, ['agent']);
  assert.ok(p.scopes.has('audit:read') && p.scopes.has('audit:write'));
  assert.equal(p.ownRecordsOnly, true);
});

test('Keycloak-style token: aud, typ Bearer, realm_access.roles and groups, ES256, discovery', async () => {
  reset();
  const t = now();
  const token = await sign(
    {
      sub: 'f5d1c8c2-5a3e-4b0e-a1b7-0c4a3c9d7e61',
      iss: idp.issuer,
      aud: ['attest-api', 'account'],
      azp: 'attest-ui',
      typ: 'Bearer',
      preferred_username: 'kc-user',
      realm_access: { roles: ['offline_access', 'viewer'] },
      groups: ['/attest-admins'],
      'custom:tenant': 'acme',
      iat: t,
      exp: t + 300,
    },
    ec,
  );
  const v = verifier({ clientIds: [], groupsClaim: ['realm_access.roles', 'groups'], tenantClaim: 'custom:tenant' });
  const p = await v.verify(token);
  assert.equal(p.username, 'kc-user');
  assert.equal(p.kind, 'user');
  assert.deepEqual(p.roles, ['admin', 'viewer']);
  assert.ok(p.scopes.has('admin'));
  assert.deepEqual(p.tenants, ['acme']);
});

test('Auth0-style token without a type marker is accepted on an explicit audience', async () => {
  reset();
  const t = now();
  const token = await sign({ sub: 'auth0|42', iss: idp.issuer, aud: ['attest-api', `${idp.base}/userinfo`], azp: 'spa', scope: 'openid attest/compliance:read', iat: t, exp: t + 300 });
  // Auth0 RBAC authorizes through the token's scopes: configured as "grant".
  const p = await verifier({ userTokenScopes: 'grant' }).verify(token);
  assert.deepEqual([...p.scopes], ['compliance:read']);
  // By default a user's token scopes only narrow its roles: no role, no scope.
  assert.deepEqual([...(await verifier().verify(token)).scopes], []);
});

test("a user token's scopes narrow its roles and never widen them (a front-end client may request every scope)", async () => {
  reset();
  const v = verifier({ scopePrefix: 'attest/', clientIds: ['cognito-client', 'svc-client'], groupRoles: { 'attest-auditors': 'auditor', 'attest-viewers': 'viewer' } });
  const all = 'openid attest/admin attest/security:read attest/security:write attest/audit:read attest/audit:write attest/audit:export attest/compliance:read attest/compliance:write';
  // A viewer whose token carries every scope is still only a viewer.
  const viewer = await v.verify(await sign(cognitoAccess({ 'cognito:groups': ['attest-viewers'], scope: all })));
  assert.deepEqual([...viewer.scopes].sort(), ['compliance:read']);
  // An auditor whose token asked for less gets only the overlap.
  const narrowed = await v.verify(await sign(cognitoAccess({ scope: 'openid attest/compliance:read attest/admin' })));
  assert.deepEqual([...narrowed.scopes].sort(), ['compliance:read']);
  // No Attest scope in the token: the roles stand.
  const plain = await v.verify(await sign(cognitoAccess({ scope: 'openid' })));
  assert.deepEqual([...plain.scopes].sort(), ['alerts:read', 'audit:export', 'audit:read', 'compliance:read', 'security:read']);
  // A client-credentials token's scopes are what the identity provider granted that client.
  const m2m = await v.verify(await sign({ sub: 'svc-client', client_id: 'svc-client', iss: idp.issuer, token_use: 'access', scope: 'attest/audit:write', iat: now(), exp: now() + 300 }));
  assert.equal(m2m.kind, 'service');
  assert.deepEqual([...m2m.scopes], ['audit:write']);
});

test('jwksUrl override is used instead of discovery', async () => {
  reset();
  const p = await verifier({ jwksUrl: `${idp.base}/elsewhere/keys` }).verify(await sign(cognitoAccess()));
  assert.deepEqual(p.roles, ['auditor']);
  assert.equal(idp.discoveryHits, 0);
  assert.equal(idp.jwksHits, 1);
});

test('keys are cached: many verifications, one JWKS fetch', async () => {
  reset();
  const v = verifier({ jwksCooldownSeconds: 30 });
  const token = await sign(cognitoAccess());
  await Promise.all(Array.from({ length: 20 }, () => v.verify(token)));
  for (let i = 0; i < 20; i++) await v.verify(token);
  assert.equal(idp.jwksHits, 1);
});

test('clock skew: expired 30 s ago or valid from 30 s on is accepted with the default 60 s', async () => {
  reset();
  const v = verifier();
  const t = now();
  await v.verify(await sign(cognitoAccess({ iat: t - 3600, exp: t - 30 })));
  await v.verify(await sign(cognitoAccess({ nbf: t + 30 })));
  await rejects(verifier({ clockSkewSeconds: 0 }), await sign(cognitoAccess({ iat: t - 3600, exp: t - 30 })), 'expired');
});

test('id tokens are accepted where configured (tokenUse id): aud is the app client id', async () => {
  reset();
  const t = now();
  const token = await sign({ sub: 'u1', iss: idp.issuer, aud: 'cognito-client', token_use: 'id', 'cognito:username': 'bob', 'cognito:groups': ['viewer'], iat: t, exp: t + 60 });
  const p = await verifier({ tokenUse: 'id' }).verify(token);
  assert.equal(p.username, 'bob');
  assert.deepEqual([...p.scopes], ['compliance:read']);
});

test('dev mode trusts the dev issuer as well as the real one; production does not', async () => {
  reset();
  const dir = join(tmp, 'dev-and-real');
  const dev = DevIssuer.open(dir);
  const devToken = await dev.mint({ user: 'alice', role: 'auditor' });
  const v = verifier({ dev: true, devIssuerDir: dir });
  assert.deepEqual(v.issuers, [idp.issuer, 'urn:attest:dev-issuer']);
  const p = await v.verify(devToken);
  assert.equal(p.dev, true);
  assert.deepEqual(p.roles, ['auditor']);
  assert.equal((await v.verify(await sign(cognitoAccess()))).dev, false);
  await rejects(verifier(), devToken, 'wrong_issuer');
});

// ---------------------------------------------------------------------------------------
// The attack suite: every token is refused with the right code, and nothing crashes.

test('alg none (any spelling) is refused', async () => {
  reset();
  const v = verifier();
  for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
    const unsigned = `${b64({ alg, typ: 'JWT' })}.${b64(cognitoAccess({ 'cognito:groups': ['attest-admins'] }))}.`;
    await rejects(v, unsigned, 'alg_not_allowed');
    await rejects(v, `${unsigned}c2lnbmF0dXJl`, 'alg_not_allowed');
  }
  const noAlg = `${b64({ typ: 'JWT', kid: 'rsa-1' })}.${b64(cognitoAccess())}.c2ln`;
  await rejects(v, noAlg, 'alg_not_allowed');
});

test('HS256 signed with the RSA public key as the secret is refused (key confusion)', async () => {
  reset();
  const v = verifier();
  const secrets = [rsaPublicPem, JSON.stringify(rsa.publicJwk), rsa.publicJwk.n!];
  for (const alg of ['HS256', 'HS384', 'HS512']) {
    for (const secret of secrets) {
      const input = `${b64({ alg, typ: 'JWT', kid: 'rsa-1' })}.${b64(cognitoAccess({ 'cognito:groups': ['attest-admins'] }))}`;
      const hash = alg === 'HS256' ? 'sha256' : alg === 'HS384' ? 'sha384' : 'sha512';
      const token = `${input}.${createHmac(hash, secret).update(input).digest('base64url')}`;
      await rejects(v, token, 'alg_not_allowed');
    }
  }
  // An algorithm that is asymmetric but not on the allow-list.
  await rejects(v, `${b64({ alg: 'PS256', kid: 'rsa-1' })}.${b64(cognitoAccess())}.c2ln`, 'alg_not_allowed');
  // An allow-listed algorithm of the wrong key type for the kid.
  await rejects(v, `${b64({ alg: 'ES256', kid: 'rsa-1' })}.${b64(cognitoAccess())}.c2ln`, 'unknown_key');
});

test('expired and not-yet-valid tokens are refused', async () => {
  reset();
  const v = verifier();
  const t = now();
  await rejects(v, await sign(cognitoAccess({ iat: t - 7200, exp: t - 3600 })), 'expired');
  await rejects(v, await sign(cognitoAccess({ iat: t - 7200, exp: t - 90 })), 'expired');
  await rejects(v, await sign(cognitoAccess({ nbf: t + 3600 })), 'not_yet_valid');
  await rejects(v, await sign(cognitoAccess({ nbf: t + 90 })), 'not_yet_valid');
  const noExp = cognitoAccess();
  delete noExp['exp'];
  await rejects(v, await sign(noExp), 'invalid');
  await rejects(v, await sign(cognitoAccess({ exp: 'tomorrow' })), 'invalid');
  const noSub = cognitoAccess();
  delete noSub['sub'];
  await rejects(v, await sign(noSub), 'invalid');
});

test('a token that lives longer than access.maxTokenLifetimeSeconds (default 1 day, Cognito\'s maximum) is refused', async () => {
  reset();
  const v = verifier();
  const t = now();
  const century = await rejects(v, await sign(cognitoAccess({ iat: t, exp: t + 100 * 365 * 86400 })), 'lifetime_too_long');
  assert.equal(century.message, 'the token is valid for 3153600000 s (exp − iat); this service accepts at most 86400 s (access.maxTokenLifetimeSeconds)');
  assert.equal(century.status, 401);
  // Exactly one day (Cognito's longest access token) and an hour are accepted.
  assert.equal((await v.verify(await sign(cognitoAccess({ iat: t, exp: t + 86400 })))).subject, '0b6c1c0e-7f3a-4c1e-9a55-1c1a6f0e2d11');
  assert.equal((await v.verify(await sign(cognitoAccess({ iat: t - 1800, exp: t + 1800 })))).subject, '0b6c1c0e-7f3a-4c1e-9a55-1c1a6f0e2d11');
  await rejects(v, await sign(cognitoAccess({ iat: t, exp: t + 86401 })), 'lifetime_too_long');

  // Without iat, what is left of the token (exp − now) counts, with the clock skew.
  const noIat = (exp: number) => {
    const c = cognitoAccess({ exp });
    delete c['iat'];
    return sign(c);
  };
  assert.equal((await v.verify(await noIat(t + 3600))).subject, '0b6c1c0e-7f3a-4c1e-9a55-1c1a6f0e2d11');
  const left = await rejects(v, await noIat(t + 10 * 86400), 'lifetime_too_long');
  assert.match(left.message, /^the token has no iat and is valid for another (?:86399\d|864000) s \(exp − now\); this service accepts at most 86400 s \(access.maxTokenLifetimeSeconds\)$/);
  // An iat in the future does not make a long-lived token short: what is left of it counts too.
  const future = await rejects(v, await sign(cognitoAccess({ iat: t + 10 * 365 * 86400, exp: t + 10 * 365 * 86400 + 3600 })), 'lifetime_too_long');
  assert.match(future.message, /^the token has an iat in the future and is valid for another 315363\d\d\d s \(exp − now\); this service accepts at most 86400 s \(access.maxTokenLifetimeSeconds\)$/);

  const short = verifier({ maxTokenLifetimeSeconds: 900 });
  await rejects(short, await sign(cognitoAccess({ iat: t, exp: t + 3600 })), 'lifetime_too_long');
  assert.equal((await short.verify(await sign(cognitoAccess({ iat: t, exp: t + 900 })))).username, 'alice');
  assert.throws(() => config({ maxTokenLifetimeSeconds: 0 }), /maxTokenLifetimeSeconds must be a whole number of seconds from 60 to 2592000 \(30 days\); got 0/);
});

test('wrong issuer is refused, including a trailing-slash variant and a missing iss', async () => {
  reset();
  const v = verifier();
  await rejects(v, await sign(cognitoAccess({ iss: 'https://evil.example.com' })), 'wrong_issuer');
  await rejects(v, await sign(cognitoAccess({ iss: `${idp.issuer}/` })), 'wrong_issuer');
  await rejects(v, await sign(cognitoAccess({ iss: 'urn:attest:dev-issuer' })), 'wrong_issuer');
  const noIss = cognitoAccess();
  delete noIss['iss'];
  await rejects(v, await sign(noIss), 'wrong_issuer');
  const e = await rejects(v, await sign(cognitoAccess({ iss: 'x'.repeat(5000) })), 'wrong_issuer');
  assert.ok(e.message.length < 400);
});

test('wrong audience or wrong Cognito client_id is refused', async () => {
  reset();
  const v = verifier();
  await rejects(v, await sign(cognitoAccess({ client_id: 'another-app' })), 'wrong_audience');
  const noClient = cognitoAccess();
  delete noClient['client_id'];
  await rejects(v, await sign(noClient), 'wrong_audience');
  const t = now();
  await rejects(v, await sign({ sub: 'u', iss: idp.issuer, aud: 'other-api', typ: 'Bearer', iat: t, exp: t + 60 }), 'wrong_audience');
  await rejects(v, await sign({ sub: 'u', iss: idp.issuer, aud: ['other-api', 'account'], azp: 'other-ui', typ: 'Bearer', iat: t, exp: t + 60 }), 'wrong_audience');
  await rejects(v, await sign({ sub: 'u', iss: idp.issuer, iat: t, exp: t + 60 }), 'wrong_audience');
});

test('an id token where an access token is required is refused', async () => {
  reset();
  const v = verifier();
  const t = now();
  // Cognito id token: aud is the app client id, token_use id.
  await rejects(v, await sign({ sub: 'u1', iss: idp.issuer, aud: 'cognito-client', token_use: 'id', 'cognito:groups': ['attest-admins'], iat: t, exp: t + 60 }), 'wrong_token_use');
  // Keycloak id token, and refresh token.
  await rejects(v, await sign({ sub: 'u1', iss: idp.issuer, aud: 'attest-api', typ: 'ID', iat: t, exp: t + 60 }), 'wrong_token_use');
  await rejects(v, await sign({ sub: 'u1', iss: idp.issuer, aud: 'attest-api', typ: 'Refresh', iat: t, exp: t + 60 }), 'wrong_token_use');
  // No marker, only the client id as aud: looks like an id token.
  await rejects(v, await sign({ sub: 'u1', iss: idp.issuer, aud: 'cognito-client', iat: t, exp: t + 60 }), 'wrong_token_use');
  // Contradicting markers.
  await rejects(v, await sign(cognitoAccess({ token_use: 'id' }), rsa, { typ: 'at+jwt' }), 'wrong_token_use');
  // And the other way round.
  await rejects(verifier({ tokenUse: 'id' }), await sign(cognitoAccess()), 'wrong_token_use');
});

test('a tampered payload or signature is refused', async () => {
  reset();
  const v = verifier();
  const token = await sign(cognitoAccess());
  const [h, , s] = token.split('.');
  await rejects(v, `${h}.${b64(cognitoAccess({ 'cognito:groups': ['attest-admins'] }))}.${s}`, 'invalid');
  const flipped = s!.slice(0, 10) + (s![10] === 'A' ? 'B' : 'A') + s!.slice(11);
  await rejects(v, `${h}.${token.split('.')[1]}.${flipped}`, 'invalid');
  await rejects(v, `${h}.${token.split('.')[1]}.`, 'invalid');
  // Signed by the attacker, naming the real kid.
  await rejects(v, await sign(cognitoAccess(), { ...attacker, kid: 'rsa-1' }), 'invalid');
});

test('keys embedded in the header (jwk, jku, x5u) are ignored', async () => {
  reset();
  const v = verifier();
  await rejects(v, await sign(cognitoAccess(), { ...attacker, kid: 'rsa-1' }, { jwk: attacker.publicJwk }), 'invalid');
  await rejects(v, await sign(cognitoAccess(), attacker, { jwk: attacker.publicJwk }), 'unknown_key');
  await rejects(v, await sign(cognitoAccess(), attacker, { jku: `${idp.base}/attacker/jwks.json`, x5u: `${idp.base}/attacker.pem` }), 'unknown_key');
});

test('an unknown kid is refused; a kid added to the JWKS later is picked up after refresh', async () => {
  reset();
  const v = verifier({ jwksCooldownSeconds: 0 });
  const token = await sign(cognitoAccess(), rsaLater);
  await rejects(v, token, 'unknown_key');
  idp.keys = [rsa.publicJwk, ec.publicJwk, rsaLater.publicJwk]; // key rotation at the IdP
  const p = await v.verify(token);
  assert.deepEqual(p.roles, ['auditor']);
  // The old key still works while the IdP keeps publishing it.
  await v.verify(await sign(cognitoAccess()));
});

test('unknown kids do not make the verifier hammer the JWKS endpoint (cooldown)', async () => {
  reset();
  const v = verifier({ jwksCooldownSeconds: 30 });
  await v.verify(await sign(cognitoAccess()));
  assert.equal(idp.jwksHits, 1);
  for (let i = 0; i < 25; i++) await rejects(v, await sign(cognitoAccess(), { ...attacker, kid: `random-${i}` }), 'unknown_key');
  assert.equal(idp.jwksHits, 1);
});

test('a token without kid is verified when exactly one key fits, refused when several do', async () => {
  reset();
  const v = verifier();
  const noKid = (claims: Record<string, unknown>, key: SigningKey) => new SignJWT(claims as never).setProtectedHeader({ alg: key.alg }).sign(key.privateKey);
  assert.deepEqual((await v.verify(await noKid(cognitoAccess(), rsa))).roles, ['auditor']);
  idp.keys = [rsa.publicJwk, ec.publicJwk, rsaLater.publicJwk];
  await rejects(verifier(), await noKid(cognitoAccess(), rsa), 'unknown_key');
});

test('JWKS endpoint down: 503, refused connection, timeout, garbage, lying discovery → jwks_unavailable', async () => {
  reset();
  const token = await sign(cognitoAccess());

  idp.mode = 'error';
  await rejects(verifier(), token, 'jwks_unavailable');
  await rejects(verifier({ jwksUrl: `${idp.base}/elsewhere/keys` }), token, 'jwks_unavailable');

  idp.mode = 'garbage';
  await rejects(verifier(), token, 'jwks_unavailable');

  idp.mode = 'wrong-issuer';
  const lying = await rejects(verifier(), token, 'jwks_unavailable');
  assert.match(lying.message, /names issuer/);

  idp.mode = 'hang';
  const started = Date.now();
  await rejects(verifier({ jwksTimeoutMs: 200 }), token, 'jwks_unavailable');
  assert.ok(Date.now() - started < 3000);

  // Nothing listening at all.
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const deadBase = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise<void>((r) => closed.close(() => r()));
  const dead = createVerifier(validateAccessConfig({ issuer: `${deadBase}/realm`, clientIds: ['cognito-client'] }));
  await rejects(dead, await sign(cognitoAccess({ iss: `${deadBase}/realm` })), 'jwks_unavailable');

  // Many concurrent requests while the issuer is down: all answered, none crash.
  idp.mode = 'error';
  const v = verifier();
  const results = await Promise.allSettled(Array.from({ length: 50 }, () => v.verify(token)));
  for (const r of results) {
    assert.equal(r.status, 'rejected');
    assert.ok((r as PromiseRejectedResult).reason instanceof AuthError);
    assert.equal(((r as PromiseRejectedResult).reason as AuthError).code, 'jwks_unavailable');
    assert.equal(((r as PromiseRejectedResult).reason as AuthError).status, 503);
  }

  // The issuer comes back: the same verifier recovers.
  idp.mode = 'ok';
  assert.deepEqual((await v.verify(token)).roles, ['auditor']);
});

test('while the issuer is down it is not asked again on every request (back-off)', async () => {
  reset();
  idp.mode = 'error';
  const v = verifier({ jwksCooldownSeconds: 30 });
  const token = await sign(cognitoAccess());
  for (let i = 0; i < 20; i++) await rejects(v, token, 'jwks_unavailable');
  assert.equal(idp.requests, 1);
});

test('keys already fetched keep working while the JWKS endpoint is down (stale-if-error)', async () => {
  reset();
  const v = verifier({ jwksCacheMaxAgeSeconds: 0, jwksCooldownSeconds: 0 });
  const token = await sign(cognitoAccess());
  await v.verify(token);
  idp.mode = 'error';
  assert.deepEqual((await v.verify(token)).roles, ['auditor']);
  // A kid the last known set lacks may be in the set that cannot be fetched: 503, not 401.
  await rejects(v, await sign(cognitoAccess(), rsaLater), 'jwks_unavailable');
  reset();
  idp.keys = [rsa.publicJwk, rsaLater.publicJwk];
  await v.verify(await sign(cognitoAccess(), rsaLater));
});

test('garbage tokens are refused as missing or invalid', async () => {
  reset();
  const v = verifier();
  for (const t of [undefined, null, '', '   ']) await rejects(v, t as string, 'missing');
  const garbage = [
    'garbage',
    'a.b.c',
    'a.b',
    '....',
    '..',
    'Bearer abc.def.ghi',
    'eyJ.eyJ.sig',
    `${b64('not json')}.${b64(cognitoAccess())}.c2ln`,
    `${b64('null')}.${b64(cognitoAccess())}.c2ln`,
    `${b64([1, 2])}.${b64(cognitoAccess())}.c2ln`,
    `${b64({ alg: 'RS256', kid: 'rsa-1' })}.${b64('not json')}.c2ln`,
    `${b64({ alg: 'RS256', kid: 'rsa-1' })}.${b64([1])}.c2ln`,
    `${b64({ alg: 'RS256', kid: 'rsa-1' })}.${b64('"a string"')}.c2ln`,
    `${b64({ alg: 'RS256', kid: 'rsa-1' })}..c2ln`,
    `${b64({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.a.b.c.d`,
    'ünïcödé.тест.签名',
    '\u0000\u0001\u0002',
    Buffer.from(Array.from({ length: 300 }, (_, i) => i % 256)).toString('base64'),
  ];
  for (const t of garbage) await rejects(v, t, 'invalid');
  // Valid structure, signed, but crit names an extension nobody understands.
  const rsaKey = KeyObject.from(rsa.privateKey as CryptoKey);
  assert.equal((await v.verify(rawRs256({ kid: 'rsa-1' }, cognitoAccess(), rsaKey))).username, 'alice');
  await rejects(v, rawRs256({ kid: 'rsa-1', crit: ['x-unknown'], 'x-unknown': 1 }, cognitoAccess(), rsaKey), 'invalid');
});

test('tokens with a huge header or payload are refused before any work', async () => {
  reset();
  const v = verifier();
  const huge = `${b64({ alg: 'RS256', kid: 'rsa-1', pad: 'A'.repeat(200_000) })}.${b64(cognitoAccess())}.c2ln`;
  const e = await rejects(v, huge, 'invalid');
  assert.match(e.message, /too large/);
  const bigHeader = await sign(cognitoAccess(), rsa, { pad: 'A'.repeat(4000) });
  assert.ok(bigHeader.length < MAX_TOKEN_LENGTH);
  assert.match((await rejects(v, bigHeader, 'invalid')).message, /header is too large/);
  await rejects(v, await sign(cognitoAccess({ pad: 'A'.repeat(MAX_TOKEN_LENGTH) })), 'invalid');
  assert.equal(idp.jwksHits, 0, 'nothing was fetched for them');
});

test('an RSA key shorter than 2048 bits is not trusted even when the issuer publishes it', async () => {
  reset();
  const weak = generateKeyPairSync('rsa', { modulusLength: 1024 });
  idp.keys = [...idp.keys, { ...(weak.publicKey.export({ format: 'jwk' }) as JWK), kid: 'weak', alg: 'RS256', use: 'sig' }];
  const token = rawRs256({ kid: 'weak' }, cognitoAccess(), weak.privateKey);
  await rejects(verifier(), token, 'invalid');
});

test('a dev-mode verifier refuses forged dev tokens', async () => {
  reset();
  const dir = join(tmp, 'forged');
  const dev = DevIssuer.open(dir);
  const v = createVerifier(validateAccessConfig({ dev: true, devIssuerDir: dir }));
  const forger = await makeKey('EdDSA', dev.kid);
  const t = now();
  const claims = { iss: 'urn:attest:dev-issuer', sub: 'dev:mallory', aud: 'attest', token_use: 'access', attest_dev: true, attest_roles: ['admin'], iat: t, exp: t + 60 };
  await rejects(v, await sign(claims, forger), 'invalid');
  await rejects(v, await sign(claims, { ...forger, kid: 'other' }), 'unknown_key');
  // Other algorithms than the dev key's are not accepted for the dev issuer.
  await rejects(v, await sign(claims, rsa), 'alg_not_allowed');
});

test('a verifier cannot be created without a trusted issuer', () => {
  const blank = validateAccessConfig({ dev: true }, { cwd: tmp });
  assert.throws(() => createVerifier({ ...blank, dev: false }), /no token issuer configured/);
  assert.throws(() => createVerifier({ ...config(), audience: [], clientIds: [] }), /audience or clientIds/);
  assert.throws(() => createVerifier({ ...config(), algorithms: ['HS256'] }), /asymmetric/);
  assert.throws(() => createVerifier({ ...config(), algorithms: [] }), /asymmetric/);
});
