/**
 * The connection level of `attest serve`, over real sockets: a client that sends its headers
 * and then trickles its body is cut off once the request timeout is over (408) while other
 * clients are served; HSTS is sent only on requests that arrived over TLS (here: through a
 * trusted proxy's X-Forwarded-Proto), and the API's security headers are on every answer.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import { LogCapture, testConfig } from './helpers.js';

const servers: RunningServer[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

async function start(server: Record<string, unknown>): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'attest-transport-'));
  const config = testConfig(dir, join(dir, 'ledger.db'), { devIssuerDir: join(dir, 'dev-issuer') }, join(dir, 'infra'));
  Object.assign(config.server, server);
  const s = await startServer({ config, dev: true, cwd: dir, port: 0, logStream: new LogCapture(), verifyOnStart: false });
  servers.push(s);
  return s;
}

/**
 * Sends the headers of a POST with a 1000-byte body, then one byte every 100 ms, and
 * resolves with what the server wrote once it closes the connection.
 */
function slowBody(url: string): Promise<{ answer: string; bytesSent: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const sock = connect(Number(port), hostname);
    let answer = '';
    let bytesSent = 0;
    let drip: NodeJS.Timeout | undefined;
    sock.on('connect', () => {
      sock.write(`POST /api/dev/token HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`);
      drip = setInterval(() => {
        if (sock.writable) {
          sock.write(' ');
          bytesSent++;
        }
      }, 100);
    });
    sock.on('data', (c: Buffer) => (answer += c.toString()));
    sock.on('error', () => undefined); // a reset after the 408 is an ending too
    sock.on('close', () => {
      clearInterval(drip);
      resolve({ answer, bytesSent });
    });
    // Generous: far above the 1 s timeout, far below "indefinitely".
    setTimeout(() => {
      clearInterval(drip);
      sock.destroy();
      reject(new Error(`the server kept a slow-body connection open for 20 s (sent ${bytesSent} bytes)`));
    }, 20_000).unref();
  });
}

test('a slow body is cut off with 408 after the request timeout; other clients are served meanwhile', async () => {
  const s = await start({ requestTimeoutSeconds: 1, headersTimeoutSeconds: 1 });
  const slow = slowBody(s.url);
  const meanwhile = await fetch(`${s.url}/healthz`);
  assert.equal(meanwhile.status, 200);
  const { answer, bytesSent } = await slow;
  assert.match(answer, /^HTTP\/1\.1 408 Request Timeout\r\n/);
  assert.ok(bytesSent < 1000, `the body was never complete (${bytesSent} of 1000 bytes sent)`);
  assert.equal((await fetch(`${s.url}/healthz`)).status, 200);
});

test('the Node server carries the configured timeouts', async () => {
  const s = await start({ requestTimeoutSeconds: 20, headersTimeoutSeconds: 5, keepAliveTimeoutSeconds: 65, connectionTimeoutSeconds: 90 });
  const srv = s.app.server;
  assert.deepEqual([srv.requestTimeout, srv.headersTimeout, srv.keepAliveTimeout, srv.timeout], [20_000, 5_000, 65_000, 90_000]);
  const d = await start({});
  assert.deepEqual([d.app.server.requestTimeout, d.app.server.headersTimeout, d.app.server.keepAliveTimeout, d.app.server.timeout], [30_000, 15_000, 72_000, 120_000]);
});

const HSTS = 'max-age=31536000; includeSubDomains';

test('HSTS: sent when a trusted proxy says the request came over TLS, never to a plain-HTTP client', async () => {
  // As behind the ALB of deploy/aws: the proxy's addresses are trusted (the VPC CIDR there).
  const s = await start({ trustProxy: '10.40.0.0/16' });
  const viaAlb = await s.app.inject({ method: 'GET', url: '/healthz', remoteAddress: '10.40.1.5', headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' } });
  assert.equal(viaAlb.headers['strict-transport-security'], HSTS);
  const plainViaAlb = await s.app.inject({ method: 'GET', url: '/healthz', remoteAddress: '10.40.1.5', headers: { 'x-forwarded-proto': 'http' } });
  assert.equal(plainViaAlb.headers['strict-transport-security'], undefined);
  // A client outside the trusted range cannot claim TLS for itself.
  const forged = await s.app.inject({ method: 'GET', url: '/healthz', remoteAddress: '198.51.100.7', headers: { 'x-forwarded-proto': 'https' } });
  assert.equal(forged.headers['strict-transport-security'], undefined);
  // Plain HTTP straight to the service (the health check, curl on the host).
  const direct = await fetch(`${s.url}/healthz`);
  assert.equal(direct.headers.get('strict-transport-security'), null);
});

test('HSTS: on 401s and 404s too, with a configured value, and off with hsts false', async () => {
  const s = await start({ trustProxy: '127.0.0.1', hsts: 'max-age=63072000; includeSubDomains; preload' });
  for (const url of ['/api/me', '/nope/nothing', '/readyz']) {
    const r = await s.app.inject({ method: 'GET', url, headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(r.headers['strict-transport-security'], 'max-age=63072000; includeSubDomains; preload', url);
  }
  const off = await start({ trustProxy: '127.0.0.1', hsts: false });
  assert.equal((await off.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-forwarded-proto': 'https' } })).headers['strict-transport-security'], undefined);
});

test('behind a trusted proxy, the recorded client address is the one the proxy appended, not one the client wrote', async () => {
  const s = await start({ trustProxy: '10.40.0.0/16' });
  const r = await s.app.inject({ method: 'GET', url: '/api/me', remoteAddress: '10.40.1.5', headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.9', 'x-request-id': 'forwarded-0001' } });
  assert.equal(r.statusCode, 401);
  const rec = (await s.ctx.ledger.query({ action: 'access.denied', limit: 1 })).records[0]!;
  assert.equal(rec.request_id, 'forwarded-0001');
  assert.equal(rec.personal?.['actor.ip'], '203.0.113.9');
});

test('API answers carry nosniff, no-store, no-referrer, no framing and a CSP that loads nothing', async () => {
  const s = await start({});
  const token = await s.ctx.devIssuer!.mint({ user: 'ann', role: 'auditor', roles: s.ctx.access.roles });
  const expected = {
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  };
  const pick = (h: Record<string, unknown>) => Object.fromEntries(Object.keys(expected).map((k) => [k, h[k]]));
  for (const [url, status, auth] of [['/api/me', 200, true], ['/api/me', 401, false], ['/api/audit/events', 200, true], ['/api/nothing', 404, true]] as const) {
    const r = await s.app.inject({ method: 'GET', url, headers: auth ? { authorization: `Bearer ${token}` } : {} });
    assert.equal(r.statusCode, status, url);
    assert.deepEqual(pick(r.headers), expected, `${url} ${status}`);
  }
  const html = await s.app.inject({ method: 'GET', url: '/api/security/compliance-report?format=html', headers: { authorization: `Bearer ${token}` } });
  assert.equal(html.statusCode, 200);
  assert.equal(html.headers['content-security-policy'], "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
});
