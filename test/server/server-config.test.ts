/**
 * The server section of attest.config.json as `attest serve` reads it: proxy trust, HSTS,
 * connection timeouts, the denial spool, rate limits and denial recording, each refused with the setting named when wrong.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config.js';
import { UsageError } from '../../src/cli/args.js';
import { runDevToken, SERVE_HELP } from '../../src/cli/serve.js';

function withServer(server: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'attest-config-'));
  const file = join(dir, 'attest.config.json');
  writeFileSync(file, JSON.stringify({ server }));
  return { dir, file, load: () => loadConfig(file, env, dir) };
}

test('trustProxy: proxy addresses or CIDRs (file or ATTEST_TRUST_PROXY), true/false; a hop count is refused', () => {
  assert.equal(withServer({ trustProxy: '10.40.0.0/16' }).load().server.trustProxy, '10.40.0.0/16');
  assert.equal(withServer({}, { ATTEST_TRUST_PROXY: '10.40.0.0/16, 10.41.0.0/16' }).load().server.trustProxy, '10.40.0.0/16, 10.41.0.0/16');
  assert.equal(withServer({}, { ATTEST_TRUST_PROXY: 'true' }).load().server.trustProxy, true);
  assert.equal(withServer({ trustProxy: true }, { ATTEST_TRUST_PROXY: '0' }).load().server.trustProxy, false);
  const c = withServer({ trustProxy: 1 });
  assert.throws(c.load, (e: unknown) => e instanceof ConfigError && e.message === `${c.file}: server.trustProxy (or ATTEST_TRUST_PROXY) must be the proxies' addresses or CIDRs (e.g. "10.40.0.0/16", the VPC of an ALB), true or false; got 1`);
  assert.throws(withServer({}, { ATTEST_TRUST_PROXY: 'the alb' }).load, /got "the alb"$/);
  // Each entry as the proxy-address parser takes it; what it would refuse at start-up is refused here.
  assert.equal(withServer({ trustProxy: 'loopback, 10.0.0.0/255.255.0.0, fe80::/10, 192.0.2.7' }).load().server.trustProxy, 'loopback, 10.0.0.0/255.255.0.0, fe80::/10, 192.0.2.7');
  for (const bad of ['cafe', '10.1.2.3/33', '::1/200', '10.40.0.0/16/8', '10.40.0.0/16,', '2']) assert.throws(withServer({ trustProxy: bad }).load, /must be the proxies' addresses or CIDRs/, bad);
});

test('hsts: default, a custom value, false; anything else is refused', () => {
  assert.equal(withServer({}).load().server.hsts, undefined);
  assert.equal(withServer({ hsts: 'max-age=63072000; includeSubDomains; preload' }).load().server.hsts, 'max-age=63072000; includeSubDomains; preload');
  assert.equal(withServer({ hsts: false }).load().server.hsts, false);
  const c = withServer({ hsts: 'yes please' });
  assert.throws(c.load, (e: unknown) => e instanceof ConfigError && e.message === `${c.file}: server.hsts must be a Strict-Transport-Security value such as "max-age=31536000; includeSubDomains", or false; got "yes please"`);
});

test('timeouts: seconds above 0; the header timeout may not exceed the request timeout', () => {
  const s = withServer({ requestTimeoutSeconds: 10, headersTimeoutSeconds: 2.5, keepAliveTimeoutSeconds: 65, connectionTimeoutSeconds: 30 }).load().server;
  assert.deepEqual([s.requestTimeoutSeconds, s.headersTimeoutSeconds, s.keepAliveTimeoutSeconds, s.connectionTimeoutSeconds], [10, 2.5, 65, 30]);
  const zero = withServer({ requestTimeoutSeconds: 0 });
  assert.throws(zero.load, (e: unknown) => e instanceof ConfigError && e.message === `${zero.file}: server.requestTimeoutSeconds must be a number of seconds above 0 and at most 3600; got 0`);
  const order = withServer({ requestTimeoutSeconds: 5 });
  assert.throws(order.load, (e: unknown) => e instanceof ConfigError && e.message === `${order.file}: server.headersTimeoutSeconds (15) must not exceed server.requestTimeoutSeconds (5)`);
});

test('denialSpool: resolved against the working directory; ATTEST_DENIAL_SPOOL wins', () => {
  const c = withServer({ denialSpool: 'spool/denials.ndjson' });
  assert.equal(c.load().server.denialSpool, join(c.dir, 'spool/denials.ndjson'));
  assert.equal(withServer({ denialSpool: 'x' }, { ATTEST_DENIAL_SPOOL: '/tmp/attest/denials.ndjson' }).load().server.denialSpool, '/tmp/attest/denials.ndjson');
});

test('attest dev-token refuses a --ttl the server would refuse (access.maxTokenLifetimeSeconds)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-devtoken-'));
  const file = join(dir, 'attest.config.json');
  writeFileSync(file, JSON.stringify({ access: { devIssuerDir: join(dir, 'dev-issuer'), maxTokenLifetimeSeconds: 3600 } }));
  await assert.rejects(runDevToken(['--user', 'a', '--role', 'viewer', '--ttl', '3601', '--config', file]), (e: unknown) => e instanceof UsageError && e.message === '--ttl 3601 is longer than the server accepts (access.maxTokenLifetimeSeconds: 3600)');
});

test('rateLimit and denialRecording: defaults, partial settings, false turns a limit off; wrong values are refused with the setting named', () => {
  const d = withServer({}).load().server;
  assert.deepEqual(d.rateLimit, { perIp: { perSecond: 50, burst: 200 }, perPrincipal: { perSecond: 50, burst: 200 }, maxClients: 10_000 });
  assert.deepEqual(d.denialRecording, { windowSeconds: 60, individualPerKey: 10, maxKeys: 1000 });
  const s = withServer({ rateLimit: { perIp: { perSecond: 5 }, perPrincipal: false }, denialRecording: { individualPerKey: 0 } }).load().server;
  assert.deepEqual(s.rateLimit, { perIp: { perSecond: 5, burst: 200 }, perPrincipal: false, maxClients: 10_000 });
  assert.deepEqual(s.denialRecording, { windowSeconds: 60, individualPerKey: 0, maxKeys: 1000 });
  const refused = (server: Record<string, unknown>, message: string) => {
    const c = withServer(server);
    assert.throws(c.load, (e: unknown) => e instanceof ConfigError && e.message === `${c.file}: ${message}`);
  };
  refused({ rateLimit: { perIp: { perSecond: 0 } } }, 'server.rateLimit.perIp.perSecond must be a number of requests per second above 0 and at most 1000000; got 0');
  refused({ rateLimit: { perPrincipal: { burst: 2.5 } } }, 'server.rateLimit.perPrincipal.burst must be a whole number from 1 to 1000000; got 2.5');
  refused({ rateLimit: { perIp: true } }, 'server.rateLimit.perIp (or false to turn it off) must be an object');
  refused({ rateLimit: { perIP: false } }, 'server.rateLimit: unknown setting "perIP" (known: perIp, perPrincipal, maxClients)');
  refused({ denialRecording: { windowSeconds: '60' } }, 'server.denialRecording.windowSeconds must be a whole number from 1 to 86400; got "60"');
  refused({ denialRecording: [] }, 'server.denialRecording must be an object');
});

test('attest serve --help names the compliance routes and every compliance setting loadConfig accepts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-help-'));
  const file = join(dir, 'attest.config.json');
  writeFileSync(file, JSON.stringify({ compliance: { exceptionMaxDays: 30, evidenceMaxBytes: 1024 } }));
  const settings = Object.keys(loadConfig(file, {}, dir).compliance!);
  assert.deepEqual(settings.sort(), ['evidenceMaxBytes', 'exceptionMaxDays']);
  for (const k of settings) assert.ok(SERVE_HELP.includes(`compliance.${k}`), `compliance.${k} is explained`);
  assert.ok(SERVE_HELP.includes('"compliance": {'), 'the sample configuration has the section');
  assert.ok(SERVE_HELP.includes('/api/compliance/'), 'the compliance routes are named');
});

test('server.jobs: defaults, partial settings, a relative dir resolved; wrong values refused with the setting named; serve --help shows it', () => {
  assert.deepEqual(withServer({}).load().server.jobs, { concurrency: 1, maxQueued: 20, ttlHours: 24 });
  const c = withServer({ jobs: { concurrency: 2, dir: 'out/jobs' } });
  const s = c.load().server.jobs!;
  assert.equal(s.concurrency, 2);
  assert.equal(s.ttlHours, 24);
  assert.ok(s.dir!.endsWith('/out/jobs') && s.dir!.startsWith('/'), s.dir);
  const refused = (server: Record<string, unknown>, message: string) => {
    const x = withServer(server);
    assert.throws(x.load, (e: unknown) => e instanceof ConfigError && e.message === `${x.file}: ${message}`);
  };
  refused({ jobs: { concurrency: 0 } }, 'server.jobs.concurrency must be a whole number from 1 to 64; got 0');
  refused({ jobs: { ttlHours: -1 } }, 'server.jobs.ttlHours must be a number of hours above 0 and at most 8760; got -1');
  refused({ jobs: { ttl: 1 } }, 'server.jobs: unknown setting "ttl" (known: concurrency, maxQueued, ttlHours, dir)');
  assert.ok(SERVE_HELP.includes('"jobs": { "concurrency": 1, "maxQueued": 20, "ttlHours": 24 }'));
  assert.ok(SERVE_HELP.includes('POST /api/compliance/reports'));
});
