// OpenID Connect authorization-code flow with PKCE (RFC 7636), for a public browser client.
// Only the PKCE verifier, state and nonce cross the redirect (sessionStorage, single use);
// the access token itself is kept in memory by the caller and never stored.
import { navigate } from './router';
import type { AuthConfig } from './types';

const PENDING_KEY = 'attest.oidc.pending';
export const CALLBACK_PATH = '/auth/callback';

interface Pending {
  state: string;
  verifier: string;
  nonce: string;
  returnTo: string;
  redirectUri: string;
  tokenEndpoint: string;
  clientId: string;
  createdAt: number;
}

export interface OidcEndpoints {
  authorization: string;
  token: string;
}

export interface TokenResult {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(bytes: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** The authorization and token endpoints: Cognito's hosted UI domain when configured, else OIDC discovery. */
export async function discover(cfg: AuthConfig): Promise<OidcEndpoints> {
  if (cfg.authDomain) {
    const base = /^https?:\/\//.test(cfg.authDomain) ? cfg.authDomain.replace(/\/+$/, '') : `https://${cfg.authDomain}`;
    return { authorization: `${base}/oauth2/authorize`, token: `${base}/oauth2/token` };
  }
  if (!cfg.issuer) throw new Error('The server has no identity provider configured, so nobody can sign in. Set access.issuer in the server configuration.');
  const url = `${cfg.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let doc: { authorization_endpoint?: unknown; token_endpoint?: unknown };
  try {
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    doc = (await res.json()) as typeof doc;
  } catch (e) {
    throw new Error(`Cannot read the identity provider's discovery document at ${url}: ${(e as Error).message}`);
  }
  if (typeof doc.authorization_endpoint !== 'string' || typeof doc.token_endpoint !== 'string') {
    throw new Error(`${url} does not name an authorization and a token endpoint`);
  }
  return { authorization: doc.authorization_endpoint, token: doc.token_endpoint };
}

export function requestedScopes(cfg: AuthConfig): string {
  const prefix = cfg.scopePrefix ?? '';
  return ['openid', ...cfg.scopes.map((s) => `${prefix}${s}`)].join(' ');
}

/** Sends the browser to the identity provider. */
export async function beginSignIn(cfg: AuthConfig, returnTo: string): Promise<void> {
  if (!cfg.clientId) throw new Error('The server publishes no public client id (server.publicClientId), so the console cannot start a sign-in.');
  const ep = await discover(cfg);
  const pending: Pending = {
    state: randomString(16),
    verifier: randomString(48),
    nonce: randomString(16),
    returnTo,
    redirectUri: `${location.origin}${CALLBACK_PATH}`,
    tokenEndpoint: ep.token,
    clientId: cfg.clientId,
    createdAt: Date.now(),
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: pending.clientId,
    redirect_uri: pending.redirectUri,
    scope: requestedScopes(cfg),
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await pkceChallenge(pending.verifier),
    code_challenge_method: 'S256',
  });
  location.assign(`${ep.authorization}${ep.authorization.includes('?') ? '&' : '?'}${q}`);
}

/** The `exp` of a JWT, unverified (only to plan the session's end; the server verifies). */
export function jwtExpiry(token: string): number | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const json = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof json.exp === 'number' ? json.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Completes the flow on the callback page: checks state, redeems the code with the PKCE
 * verifier, and returns the access token and where to go next. Undefined when this page
 * load is not a callback.
 */
export async function completeSignIn(): Promise<(TokenResult & { returnTo: string }) | undefined> {
  if (location.pathname !== CALLBACK_PATH) return undefined;
  const params = new URLSearchParams(location.search);
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  // Through the router, not history.replaceState alone: the router's snapshot of the URL
  // (taken at load, /auth/callback) must follow, or the signed-in shell renders "not found".
  navigate('/', { replace: true });
  if (params.get('error')) throw new Error(`The identity provider refused the sign-in: ${params.get('error_description') ?? params.get('error')}`);
  const code = params.get('code');
  if (!code || !raw) throw new Error('This sign-in response was not started here (or was already used). Sign in again.');
  const pending = JSON.parse(raw) as Pending;
  if (params.get('state') !== pending.state) throw new Error('The sign-in response does not match the request (state mismatch). Sign in again.');
  if (Date.now() - pending.createdAt > 10 * 60_000) throw new Error('The sign-in took more than 10 minutes. Sign in again.');
  const res = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: pending.redirectUri,
      client_id: pending.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const body = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string; error_description?: string };
  if (!res.ok || !body.access_token) throw new Error(`The identity provider did not issue a token: ${body.error_description ?? body.error ?? `HTTP ${res.status}`}`);
  const expiresAt = jwtExpiry(body.access_token) ?? Date.now() + (body.expires_in ?? 3600) * 1000;
  navigate(pending.returnTo || '/', { replace: true });
  return { accessToken: body.access_token, expiresAt, returnTo: pending.returnTo || '/' };
}
