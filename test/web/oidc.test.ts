/**
 * The console's OpenID Connect sign-in (authorization code + PKCE, web/src/lib/oidc.ts) in a
 * real browser against a real `attest serve` in production mode (no --dev) whose only trusted
 * issuer is a small OIDC provider on a loopback port (test/web/oidc-provider.ts): discovery,
 * the provider's login page, the redirect back to /auth/callback, the code exchange with the
 * PKCE verifier, and the signed-in console with the navigation of the role the provider's
 * group maps to. The token must stay in memory (never in localStorage or sessionStorage).
 * A callback whose state was tampered with, and a replayed callback, are refused without a
 * code exchange; the token endpoint refuses a wrong code_verifier.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserSkip, launchBrowser, RESULTS, startConsoleServer, type ConsoleServer, watchedPage } from './harness.js';
import { S256, startOidcProvider, type OidcProvider } from './oidc-provider.js';

const skip = browserSkip();
if (skip) console.log(`# ${skip}`);

const CLIENT_ID = 'attest-console';
const AUDIENCE = 'attest-api';
const USERS = [
  { sub: '5f1c2a9e-0001', username: 'carol', groups: ['idp-auditors'] },
  { sub: '5f1c2a9e-0002', username: 'victor', groups: ['idp-viewers'] },
];
const PENDING_KEY = 'attest.oidc.pending';

let idp: OidcProvider;
let server: ConsoleServer;
let browser: Browser;
let callback: string;

before(async () => {
  if (skip) return;
  mkdirSync(RESULTS, { recursive: true });
  idp = await startOidcProvider({ users: USERS, audience: AUDIENCE });
  server = await startConsoleServer({
    dev: false,
    config: {
      server: { publicClientId: CLIENT_ID },
      access: {
        issuer: idp.issuer,
        audience: [AUDIENCE],
        clientIds: [CLIENT_ID],
        groupsClaim: 'groups',
        groupRoles: { 'idp-auditors': 'auditor', 'idp-viewers': 'viewer' },
      },
    },
  });
  callback = `${server.url}/auth/callback`;
  idp.registerClient(CLIENT_ID, [callback]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await idp?.close();
});

const newPage = (expected?: RegExp) => watchedPage(browser, expected);

/** Opens the console, starts the provider sign-in, and waits for the provider's login page. */
async function toLoginPage(page: Page, path = '/'): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.getByRole('button', { name: 'Sign in with your identity provider' }).click();
  await page.waitForURL((u) => u.href.startsWith(`${idp.authorizationEndpoint}?`));
  await page.getByRole('heading', { name: 'Test identity provider' }).waitFor();
}

async function storage(page: Page): Promise<{ local: Record<string, string>; session: Record<string, string> }> {
  return page.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage } }));
}

test('production server publishes the provider for the console, and the CSP lets the console reach it', { skip }, async () => {
  const cfg = (await (await fetch(`${server.url}/api/auth/config`)).json()) as Record<string, unknown>;
  assert.equal(cfg['mode'], 'oidc');
  assert.equal(cfg['issuer'], idp.issuer);
  assert.equal(cfg['clientId'], CLIENT_ID);
  assert.equal(cfg['devTokenEndpoint'], undefined);
  const res = await fetch(`${server.url}/`);
  const csp = res.headers.get('content-security-policy') ?? '';
  const connect = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('connect-src ')) ?? '';
  assert.ok(connect.split(' ').includes(idp.base), `connect-src lists the issuer origin: ${csp}`);
  // No dev issuer in production.
  assert.equal((await fetch(`${server.url}/api/dev/token`, { method: 'POST' })).status, 404);
});

test('sign in through the identity provider (code + PKCE): signed in with the role of the IdP group', { skip }, async () => {
  const { ctx, page, errors } = await newPage();
  try {
    const tokensBefore = idp.tokenRequests.length;
    await page.goto(`${server.url}/`);
    // Production: the provider button and no development form.
    assert.equal(await page.getByRole('button', { name: 'Sign in (development)' }).count(), 0);
    await page.screenshot({ path: join(RESULTS, 'oidc-signin.png') });
    await toLoginPage(page);

    // The authorization request the console sent.
    const a = idp.authorizeRequests.at(-1)!.params;
    assert.equal(a['response_type'], 'code');
    assert.equal(a['client_id'], CLIENT_ID);
    assert.equal(a['redirect_uri'], callback);
    assert.equal(a['code_challenge_method'], 'S256');
    assert.match(a['code_challenge'] ?? '', /^[A-Za-z0-9_-]{43}$/);
    assert.ok((a['state'] ?? '').length >= 16, 'state');
    assert.ok((a['nonce'] ?? '').length >= 16, 'nonce');
    assert.ok((a['scope'] ?? '').split(' ').includes('openid'), 'scope has openid');
    // Only the PKCE verifier, state and nonce wait in sessionStorage (on the console's origin).
    await page.screenshot({ path: join(RESULTS, 'oidc-provider-login.png') });

    await page.getByLabel('Account').selectOption('carol');
    await page.getByRole('button', { name: 'Approve' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.waitFor();
    await page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();

    // Back on the console, the callback URL (code, state) gone from the address bar.
    assert.equal(page.url(), `${server.url}/`);
    // One code exchange, from the console's origin, with the verifier (the provider checked it).
    const t = idp.tokenRequests.slice(tokensBefore);
    assert.equal(t.length, 1);
    assert.equal(t[0]!.status, 200);
    assert.equal(t[0]!.origin, server.url);
    assert.equal(t[0]!.params['redirect_uri'], callback);
    assert.equal(t[0]!.params['client_id'], CLIENT_ID);
    assert.equal(S256(t[0]!.params['code_verifier']!), a['code_challenge']);
    const token = idp.issued.at(-1)!;

    // auditor (from the idp-auditors group): security:read shows the report; audit:read the audit log.
    assert.equal(await nav.getByRole('link', { name: 'Compliance report' }).count(), 1, 'report link');
    assert.equal(await nav.getByRole('link', { name: 'Audit log' }).count(), 1, 'audit link');
    await page.getByRole('button', { name: /carol/ }).click();
    assert.equal(await page.getByTestId('user-roles').innerText(), 'auditor');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.dev-banner').count(), 0, 'no development banner');

    // The server sees the same principal for that token.
    const me = JSON.parse((await server.get('/api/me', token)).text) as Record<string, unknown>;
    assert.deepEqual(me['roles'], ['auditor']);
    assert.equal(me['issuer'], idp.issuer);
    assert.equal(me['dev'], false);
    assert.ok((me['scopes'] as string[]).includes('security:read'));

    // The token is in memory only.
    const st = await storage(page);
    const everything = JSON.stringify(st);
    assert.ok(!everything.includes(token), 'access token not in web storage');
    assert.ok(!everything.includes(token.split('.')[2]!), 'no part of the token signature in web storage');
    assert.equal(st.session[PENDING_KEY], undefined, 'the PKCE verifier is removed after use');
    assert.deepEqual(await ctx.cookies(), []);

    // The report loads with the provider's token.
    await nav.getByRole('link', { name: 'Compliance report' }).click();
    await page.locator('#report-title').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(RESULTS, 'oidc-report-auditor.png') });
    assert.ok(!JSON.stringify(await storage(page)).includes(token), 'still not in web storage');
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});

test('sign in through the identity provider as a viewer from a deep link: back on that page, no report navigation', { skip }, async () => {
  const { ctx, page, errors } = await newPage();
  try {
    await toLoginPage(page, '/report?domain=x');
    await page.getByLabel('Account').selectOption('victor');
    await page.getByRole('button', { name: 'Approve' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.waitFor();
    // Returned to the page the sign-in started from, which the viewer may not see.
    await page.getByRole('heading', { level: 1, name: 'You cannot view the compliance report' }).waitFor();
    assert.equal(page.url(), `${server.url}/report?domain=x`);
    assert.equal(await nav.getByRole('link', { name: 'Compliance report' }).count(), 0);
    assert.equal(await nav.getByRole('link', { name: 'Audit log' }).count(), 0);
    await nav.getByRole('link', { name: 'Overview' }).click();
    assert.match(await page.getByTestId('locked-report').innerText(), /security:read/);
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});

test('a callback with a tampered state is refused, and so is a replayed callback; no code is exchanged', { skip }, async () => {
  const { ctx, page, errors } = await newPage();
  try {
    await toLoginPage(page);
    const sent = idp.authorizeRequests.at(-1)!.params;
    assert.ok((await storage(page)).session[PENDING_KEY] === undefined, 'the provider origin sees no console storage');

    // Tamper with the provider's redirect back to the console (a forged or swapped response).
    let original: URL | undefined;
    await page.route(
      (u) => u.href === idp.authorizationEndpoint,
      async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        const res = await route.fetch({ maxRedirects: 0 });
        original = new URL(res.headers()['location']!);
        const forged = new URL(original);
        forged.searchParams.set('state', randomBytes(16).toString('base64url'));
        await route.fulfill({ status: 302, headers: { location: forged.toString() } });
      },
    );
    const tokensBefore = idp.tokenRequests.length;
    await page.getByLabel('Account').selectOption('carol');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL(`${server.url}/`);
    const notice = page.getByRole('status').filter({ hasText: /state mismatch/ });
    await notice.waitFor();
    assert.ok(original, 'the provider redirected');
    assert.equal(original.origin + original.pathname, callback);
    assert.equal(original.searchParams.get('state'), sent['state']);
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0, 'not signed in');
    await page.getByRole('button', { name: 'Sign in with your identity provider' }).waitFor();
    assert.equal(idp.tokenRequests.length, tokensBefore, 'no code exchange on a state mismatch');
    assert.equal((await storage(page)).session[PENDING_KEY], undefined, 'the pending request is discarded');
    await page.screenshot({ path: join(RESULTS, 'oidc-state-mismatch.png') });

    // The genuine callback, replayed after the pending request was discarded: refused too.
    await page.goto(original.toString());
    await page.getByRole('status').filter({ hasText: /not started here|already used/ }).waitFor();
    assert.equal(page.url(), `${server.url}/`);
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0, 'not signed in');
    assert.equal(idp.tokenRequests.length, tokensBefore, 'no code exchange on a replay');
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});

test('the token endpoint redeems a code only with the PKCE verifier of its challenge', { skip }, async () => {
  const verifier = randomBytes(48).toString('base64url');
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: callback,
    scope: 'openid',
    state: 'state-1',
    code_challenge: S256(verifier),
    code_challenge_method: 'S256',
  });
  const login = await fetch(`${idp.authorizationEndpoint}?${q}`);
  assert.equal(login.status, 200);
  const txn = /name="txn" value="([^"]+)"/.exec(await login.text())?.[1];
  assert.ok(txn);
  const approved = await fetch(idp.authorizationEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ txn, user: 'carol' }),
    redirect: 'manual',
  });
  assert.equal(approved.status, 302);
  const back = new URL(approved.headers.get('location')!);
  assert.equal(back.origin + back.pathname, callback);
  assert.equal(back.searchParams.get('state'), 'state-1');
  const code = back.searchParams.get('code')!;

  const exchange = async (over: Record<string, string | undefined>) => {
    const f: Record<string, string> = {};
    for (const [k, v] of Object.entries({ grant_type: 'authorization_code', code, redirect_uri: callback, client_id: CLIENT_ID, code_verifier: verifier, ...over })) if (v !== undefined) f[k] = v;
    const r = await fetch(idp.tokenEndpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(f) });
    return { status: r.status, body: (await r.json()) as Record<string, string> };
  };
  const wrong = await exchange({ code_verifier: randomBytes(48).toString('base64url') });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body['error'], 'invalid_grant');
  assert.match(wrong.body['error_description']!, /PKCE/);
  assert.equal((await exchange({ code_verifier: undefined })).status, 400, 'missing verifier');
  assert.equal((await exchange({ code_verifier: S256(verifier) })).status, 400, 'the challenge itself is not the verifier');
  assert.equal((await exchange({ redirect_uri: `${server.url}/elsewhere` })).status, 400, 'other redirect_uri');
  assert.equal((await exchange({ client_id: 'other-client' })).status, 400, 'other client');
  assert.equal((await exchange({ grant_type: 'client_credentials' })).body['error'], 'unsupported_grant_type');

  const ok = await exchange({});
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body['token_type'], 'Bearer');
  const me = await server.get('/api/me', ok.body['access_token']!);
  assert.equal(me.status, 200, me.text);
  assert.deepEqual((JSON.parse(me.text) as { roles: string[] }).roles, ['auditor']);
  // Single use.
  const replay = await exchange({});
  assert.equal(replay.status, 400);
  assert.match(replay.body['error_description']!, /already used/);

  // Without PKCE the provider does not even issue a code.
  const noPkce = new URLSearchParams(q);
  noPkce.delete('code_challenge');
  noPkce.delete('code_challenge_method');
  const refused = await fetch(`${idp.authorizationEndpoint}?${noPkce}`, { redirect: 'manual' });
  assert.equal(refused.status, 302);
  assert.equal(new URL(refused.headers.get('location')!).searchParams.get('error'), 'invalid_request');
});
