/**
 * A small but real OpenID Connect provider for browser tests of the console's sign-in:
 * discovery, JWKS, an authorization endpoint with an HTML login page (pick a user, approve),
 * and a token endpoint that redeems an authorization code once, for the client and
 * redirect URI it was issued to, only with the PKCE code_verifier whose S256 hash is the
 * code_challenge sent to /authorize (RFC 7636). Access tokens are ES256 JWTs (typ at+jwt,
 * RFC 9068) with iss, aud, client_id, sub, groups, scope, iat, exp, jti.
 *
 * Cross-origin like a real identity provider: the console (another port) fetches discovery
 * and the token endpoint with CORS.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export interface ProviderUser {
  sub: string;
  username: string;
  groups: string[];
}

export interface AuthorizeRequest {
  params: Record<string, string>;
  at: number;
}

export interface TokenRequest {
  params: Record<string, string>;
  origin?: string;
  status: number;
  error?: string;
}

interface Transaction {
  clientId: string;
  redirectUri: string;
  state: string;
  nonce?: string;
  challenge: string;
  scope: string;
}

interface Code extends Transaction {
  user: ProviderUser;
  expiresAt: number;
  used: boolean;
}

export interface OidcProvider {
  base: string;
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** Every GET /authorize, in order. */
  authorizeRequests: AuthorizeRequest[];
  /** Every POST /token, in order (with the outcome). */
  tokenRequests: TokenRequest[];
  /** Access tokens issued so far. */
  issued: string[];
  /** Registers a public client (no secret) and its exact redirect URIs. */
  registerClient(clientId: string, redirectUris: string[]): void;
  close(): Promise<void>;
}

export interface ProviderOptions {
  users: ProviderUser[];
  /** Accepted audience of the access tokens (aud). */
  audience: string;
  /** Path of the issuer under the server's origin (default /idp): discovery is <issuer>/.well-known/... */
  issuerPath?: string;
  /** Scopes the provider grants when requested (default: openid, profile). */
  grantableScopes?: string[];
  tokenTtlSeconds?: number;
}

export const S256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > 64 * 1024) throw new Error('body too large');
    chunks.push(c);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startOidcProvider(o: ProviderOptions): Promise<OidcProvider> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `test-${randomBytes(4).toString('hex')}`;
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const key: CryptoKey = privateKey;
  const issuerPath = o.issuerPath ?? '/idp';
  const grantable = new Set(o.grantableScopes ?? ['openid', 'profile']);
  const clients = new Map<string, Set<string>>();
  const transactions = new Map<string, Transaction>();
  const codes = new Map<string, Code>();
  const p = { authorizeRequests: [], tokenRequests: [], issued: [] } as unknown as OidcProvider;

  const cors = (req: IncomingMessage, res: ServerResponse) => {
    const origin = req.headers.origin;
    if (origin) res.setHeader('access-control-allow-origin', origin).setHeader('vary', 'origin');
  };
  const json = (req: IncomingMessage, res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) => {
    cors(req, res);
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...extra }).end(JSON.stringify(body));
  };
  const page = (res: ServerResponse, status: number, title: string, body: string) => {
    res
      .writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>${body}</body></html>`);
  };

  const authorize = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const q = Object.fromEntries(url.searchParams) as Record<string, string>;
    p.authorizeRequests.push({ params: q, at: Date.now() });
    // Without a known client and an exact registered redirect URI, never redirect (RFC 6749 4.1.2.1).
    const uris = q['client_id'] ? clients.get(q['client_id']) : undefined;
    if (!uris) return page(res, 400, 'Unknown client', '<p>invalid_client</p>');
    if (!q['redirect_uri'] || !uris.has(q['redirect_uri'])) return page(res, 400, 'Redirect URI not registered', '<p>redirect_mismatch</p>');
    const back = (error: string, description: string) => {
      const to = new URL(q['redirect_uri']!);
      to.searchParams.set('error', error);
      to.searchParams.set('error_description', description);
      if (q['state']) to.searchParams.set('state', q['state']);
      res.writeHead(302, { location: to.toString() }).end();
    };
    if (q['response_type'] !== 'code') return back('unsupported_response_type', 'only response_type=code');
    if (!q['code_challenge'] || q['code_challenge_method'] !== 'S256') return back('invalid_request', 'PKCE with S256 is required');
    if (!/^[A-Za-z0-9_-]{43}$/.test(q['code_challenge'])) return back('invalid_request', 'malformed code_challenge');
    if (!q['state']) return back('invalid_request', 'state is required');
    const scopes = (q['scope'] ?? '').split(' ').filter((s) => grantable.has(s));
    if (!scopes.includes('openid')) return back('invalid_scope', 'openid is required');
    const txn = randomBytes(16).toString('base64url');
    transactions.set(txn, {
      clientId: q['client_id']!,
      redirectUri: q['redirect_uri'],
      state: q['state'],
      ...(q['nonce'] ? { nonce: q['nonce'] } : {}),
      challenge: q['code_challenge'],
      scope: scopes.join(' '),
    });
    const options = o.users.map((u) => `<option value="${esc(u.username)}">${esc(u.username)} (${esc(u.groups.join(', '))})</option>`).join('');
    page(
      res,
      200,
      'Test identity provider',
      `<p>Sign in to <b>${esc(q['client_id']!)}</b></p>
<form method="post" action="${esc(url.pathname)}">
<input type="hidden" name="txn" value="${txn}">
<label for="user">Account</label> <select id="user" name="user">${options}</select>
<button type="submit">Approve</button>
</form>`,
    );
  };

  const approve = async (req: IncomingMessage, res: ServerResponse) => {
    const f = new URLSearchParams(await readBody(req));
    const txn = transactions.get(f.get('txn') ?? '');
    if (!txn) return page(res, 400, 'Unknown or used login transaction', '');
    transactions.delete(f.get('txn')!);
    const user = o.users.find((u) => u.username === f.get('user'));
    if (!user) return page(res, 400, 'Unknown user', '');
    const code = randomBytes(24).toString('base64url');
    codes.set(code, { ...txn, user, expiresAt: Date.now() + 60_000, used: false });
    const to = new URL(txn.redirectUri);
    to.searchParams.set('code', code);
    to.searchParams.set('state', txn.state);
    res.writeHead(302, { location: to.toString() }).end();
  };

  const token = async (req: IncomingMessage, res: ServerResponse) => {
    const f = Object.fromEntries(new URLSearchParams(await readBody(req))) as Record<string, string>;
    const rec: TokenRequest = { params: f, ...(req.headers.origin ? { origin: req.headers.origin } : {}), status: 0 };
    p.tokenRequests.push(rec);
    const fail = (status: number, error: string, description: string) => {
      rec.status = status;
      rec.error = error;
      json(req, res, status, { error, error_description: description });
    };
    if (!/^application\/x-www-form-urlencoded\b/.test(req.headers['content-type'] ?? '')) return fail(400, 'invalid_request', 'the body must be application/x-www-form-urlencoded');
    if (f['grant_type'] !== 'authorization_code') return fail(400, 'unsupported_grant_type', 'only authorization_code');
    const code = codes.get(f['code'] ?? '');
    if (!code) return fail(400, 'invalid_grant', 'unknown authorization code');
    if (code.used) return fail(400, 'invalid_grant', 'the authorization code was already used');
    if (Date.now() > code.expiresAt) return fail(400, 'invalid_grant', 'the authorization code expired');
    if (f['client_id'] !== code.clientId) return fail(400, 'invalid_grant', 'the code was issued to another client');
    if (f['redirect_uri'] !== code.redirectUri) return fail(400, 'invalid_grant', 'redirect_uri differs from the authorization request');
    const verifier = f['code_verifier'];
    if (!verifier) return fail(400, 'invalid_request', 'code_verifier is required');
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return fail(400, 'invalid_grant', 'malformed code_verifier');
    if (S256(verifier) !== code.challenge) return fail(400, 'invalid_grant', 'PKCE verification failed');
    code.used = true;
    const now = Math.floor(Date.now() / 1000);
    const ttl = o.tokenTtlSeconds ?? 600;
    const access = await new SignJWT({
      client_id: code.clientId,
      groups: code.user.groups,
      preferred_username: code.user.username,
      scope: code.scope,
    })
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt' })
      .setIssuer(p.issuer)
      .setAudience(o.audience)
      .setSubject(code.user.sub)
      .setIssuedAt(now)
      .setExpirationTime(now + ttl)
      .setJti(randomBytes(12).toString('base64url'))
      .sign(key);
    const id = await new SignJWT({ ...(code.nonce ? { nonce: code.nonce } : {}), preferred_username: code.user.username })
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
      .setIssuer(p.issuer)
      .setAudience(code.clientId)
      .setSubject(code.user.sub)
      .setIssuedAt(now)
      .setExpirationTime(now + ttl)
      .sign(key);
    p.issued.push(access);
    rec.status = 200;
    json(req, res, 200, { access_token: access, id_token: id, token_type: 'Bearer', expires_in: ttl, scope: code.scope });
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', p.base);
      if (req.method === 'OPTIONS') {
        cors(req, res);
        res
          .writeHead(204, { 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type, accept', 'access-control-max-age': '60' })
          .end();
        return;
      }
      if (req.method === 'GET' && url.pathname === `${issuerPath}/.well-known/openid-configuration`) {
        return json(req, res, 200, {
          issuer: p.issuer,
          authorization_endpoint: p.authorizationEndpoint,
          token_endpoint: p.tokenEndpoint,
          jwks_uri: `${p.issuer}/jwks`,
          response_types_supported: ['code'],
          grant_types_supported: ['authorization_code'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['none'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['ES256'],
          scopes_supported: [...grantable],
        });
      }
      if (req.method === 'GET' && url.pathname === `${issuerPath}/jwks`) return json(req, res, 200, { keys: [jwk] });
      if (url.pathname === `${issuerPath}/authorize`) {
        if (req.method === 'GET') return authorize(req, res, url);
        if (req.method === 'POST') return approve(req, res);
      }
      if (req.method === 'POST' && url.pathname === `${issuerPath}/token`) return token(req, res);
      // The login page's implicit favicon request (a 404 would be a console error in the browser).
      if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    })().catch((e: Error) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`error: ${e.message}\n`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  p.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  p.issuer = `${p.base}${issuerPath}`;
  p.authorizationEndpoint = `${p.issuer}/authorize`;
  p.tokenEndpoint = `${p.issuer}/token`;
  p.registerClient = (clientId, redirectUris) => {
    clients.set(clientId, new Set(redirectUris));
  };
  p.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  return p;
}
