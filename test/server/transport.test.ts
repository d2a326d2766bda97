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
