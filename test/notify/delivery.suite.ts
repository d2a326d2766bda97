/**
 * Alert delivery end to end, over one ledger backend: an alert.raised record appended to the
 * ledger reaches a real SMTP server (smtp-server, with authentication) as an email and a local
 * HTTP receiver as a webhook call whose HMAC signature verifies; a failing webhook is retried
 * with backoff and then recorded as a dead letter, shown on the alert; the alerts API
 * acknowledges and resolves with the acting principal as the record's actor; the SSE stream
 * announces changes; and no secret (SMTP password, webhook URLs, HMAC secret) appears in any
 * response, log line or ledger record.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { webhookSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../src/notify/channels.js';
import { notifySection } from '../../src/notify/config.js';
import type { AlertRaised, AlertView } from '../../src/detection/alert.js';
import { bearer, dropSchemas, pgSkip, testServer, type Backend, type TestServer } from '../server/helpers.js';
import { raisedAlert, raisedEvent, readAlertStream } from '../helpers/alerts.js';

interface Mail {
  from: string;
  to: string[];
  user: string | undefined;
  raw: string;
}
interface Hook {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

function listen(server: Server): Promise<number> {
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)));
}

export async function until<T>(what: string, f: () => T | undefined, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function deliverySuite(backend: Backend): void {
  let skip: string | undefined;
  let s: TestServer;
  let smtp: SMTPServer;
  let hooks: Server;
  let failing: Server;
  const mails: Mail[] = [];
  const received: Hook[] = [];
  let failingCalls = 0;
  const smtpPassword = `smtpPw${randomBytes(8).toString('hex')}`;
  const hmacSecret = `hmac${randomBytes(12).toString('hex')}`;
  const hookToken = `T0${randomBytes(10).toString('hex')}`;
  const failToken = `F0${randomBytes(10).toString('hex')}`;
  let hookUrl = '';
  let failUrl = '';
  const t = (name: string, fn: () => Promise<void>) => test(`notify/${backend}: ${name}`, async (c) => (skip ? c.skip(skip) : fn()));

  before(async () => {
    if (backend === 'postgres') skip = await pgSkip();
    if (skip) return;
    smtp = new SMTPServer({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth(auth, _session, cb) {
        if (auth.username === 'alerts' && auth.password === smtpPassword) return cb(null, { user: auth.username });
        return cb(new Error('invalid credentials'));
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), user: session.user as string | undefined, raw: Buffer.concat(chunks).toString('utf8') });
          cb();
        });
      },
    });
    const smtpPort = await new Promise<number>((r) => smtp.listen(0, '127.0.0.1', () => r((smtp.server.address() as AddressInfo).port)));
    hooks = createHttpServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200).end('ok');
      });
    });
    failing = createHttpServer((req, res) => {
      req.resume();
      failingCalls++;
      // The error body echoes the URL: it must not reach the dead letter's error text.
      req.on('end', () => res.writeHead(500).end(`receiver broken at ${req.url}`));
    });
    hookUrl = `http://127.0.0.1:${await listen(hooks)}/services/${hookToken}`;
    failUrl = `http://127.0.0.1:${await listen(failing)}/services/${failToken}`;
    const env = { ATTEST_SMTP_PASSWORD: smtpPassword, ATTEST_SLACK_URL: hookUrl, ATTEST_SLACK_SECRET: hmacSecret, ATTEST_BROKEN_URL: failUrl };
    const notify = notifySection(
      {
        channels: [
          { type: 'email', name: 'secops-mail', host: '127.0.0.1', port: smtpPort, secure: false, user: 'alerts', passwordEnv: 'ATTEST_SMTP_PASSWORD', from: 'attest@example.test', to: ['secops@example.test'], minSeverity: 'medium', attempts: 2, backoffMs: 10 },
          { type: 'webhook', name: 'slack-secops', urlEnv: 'ATTEST_SLACK_URL', secretEnv: 'ATTEST_SLACK_SECRET', minSeverity: 'high', attempts: 3, backoffMs: 10 },
          { type: 'webhook', name: 'broken-hook', urlEnv: 'ATTEST_BROKEN_URL', secretEnv: 'ATTEST_SLACK_SECRET', minSeverity: 'critical', attempts: 3, backoffMs: 5 },
        ],
      },
      'test notify',
      env,
    );
    s = await testServer({ backend, notify });
  });

  after(async () => {
    if (skip) return;
    await s.close();
    await new Promise<void>((r) => smtp.close(() => r()));
    hooks.closeAllConnections();
    failing.closeAllConnections();
    await new Promise<void>((r) => hooks.close(() => r()));
    await new Promise<void>((r) => failing.close(() => r()));
    await dropSchemas();
  });

  const raise = async (severity: AlertRaised['severity'], title: string) => {
    const alertId = `a-${randomBytes(6).toString('hex')}`;
    const r = await s.ctx.ledger.append([raisedEvent(raisedAlert(alertId, severity, title))], { alerts: true });
    return { alertId, seq: r.last };
  };

  const get = async <T>(url: string, role = 'security-officer') => {
    const res = await s.app.inject({ method: 'GET', url, headers: bearer(await s.token(role)) });
    assert.equal(res.statusCode, 200, res.body);
    return JSON.parse(res.body) as T;
  };

  t('alert.* records are refused to ordinary appenders', async () => {
    await assert.rejects(s.ctx.ledger.append([{ actor: { id: 'x', type: 'user' }, action: 'alert.resolved', outcome: 'success', metadata: { alertId: 'a' } }]), /alert\.\* records are written only by/);
    const res = await s.app.inject({ method: 'POST', url: '/api/audit/events', headers: bearer(await s.token('agent')), payload: { action: 'alert.raised', outcome: 'success', metadata: { alertId: 'forged' } } });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(JSON.parse(res.body).field, 'action');
  });

  t('a high alert arrives by email (authenticated SMTP) and as a signed webhook call; the critical-only channel is not called', async () => {
    const mailsBefore = mails.length;
    const hooksBefore = received.length;
    const { alertId, seq } = await raise('high', 'Burst of failed logins, then a new IP');
    const mail = await until('the email', () => mails.slice(mailsBefore).find((m) => m.raw.includes(alertId)));
    assert.equal(mail.user, 'alerts');
    assert.deepEqual(mail.to, ['secops@example.test']);
    assert.equal(mail.from, 'attest@example.test');
    assert.match(mail.raw, /Subject: Attest alert: \[HIGH\] Burst of failed logins/);
    assert.match(mail.raw, /7 failed logins in 10 min from 203\.0\.113\.9/);
    const hook = await until('the webhook call', () => received.slice(hooksBefore).find((h) => h.body.includes(alertId)));
    assert.equal(hook.path, `/services/${hookToken}`);
    const ts = String(hook.headers[TIMESTAMP_HEADER]);
    const sig = String(hook.headers[SIGNATURE_HEADER]);
    // The receiver's check, from the shared secret alone.
    const expected = webhookSignature(hmacSecret, ts, hook.body);
    assert.ok(sig.length === expected.length && timingSafeEqual(Buffer.from(sig), Buffer.from(expected)), 'signature verifies');
    assert.notEqual(webhookSignature('another-secret', ts, hook.body), sig);
    assert.ok(Math.abs(Number(ts) - Date.now() / 1000) < 300);
    const payload = JSON.parse(hook.body) as { text: string; alert: { alertId: string; severity: string; raisedSeq: number; signals: unknown[] } };
    assert.match(payload.text, /\[HIGH\] Burst of failed logins/);
    assert.equal(payload.alert.alertId, alertId);
    assert.equal(payload.alert.raisedSeq, seq);
    assert.equal(payload.alert.signals.length, 2);
    await s.ctx.notifier.idle();
    assert.equal(failingCalls, 0, 'critical-only channel not called for a high alert');
    const view = await get<AlertView>(`/api/alerts/${alertId}`);
    assert.deepEqual(view.deliveryFailures, []);
  });

  t('routing by severity: a low alert goes nowhere', async () => {
    const m0 = mails.length;
    const h0 = received.length;
    await raise('low', 'Low one');
    await s.ctx.notifier.idle();
    assert.equal(mails.length, m0);
    assert.equal(received.length, h0);
  });

  t('a failing webhook is retried, then dead-lettered as alert.delivery.failed and shown on the alert', async () => {
    const before = failingCalls;
    const { alertId } = await raise('critical', 'Privilege self-grant');
    await s.ctx.notifier.idle();
    assert.equal(failingCalls - before, 3, 'three tries');
    const view = await get<AlertView>(`/api/alerts/${alertId}`, 'auditor');
    assert.equal(view.deliveryFailures.length, 1);
    const f = view.deliveryFailures[0]!;
    assert.equal(f.channel, 'broken-hook');
    assert.equal(f.attempts, 3);
    assert.equal(f.deadLetter, true);
    assert.match(f.error, /HTTP 500/);
    const recs = await s.ctx.ledger.query({ action: 'alert.delivery.failed', targetId: alertId });
    assert.equal(recs.records.length, 1);
    assert.equal(recs.records[0]!.actor.id, 'attest-notify');
    // The other channels delivered it.
    await until('the email of the critical alert', () => mails.find((m) => m.raw.includes(alertId)));
    const list = await get<{ alerts: AlertView[]; openCount: number }>('/api/alerts?severity=critical');
    assert.ok(list.alerts.some((a) => a.alertId === alertId && a.deliveryFailures.length === 1));
  });

  t('acknowledge and resolve record the acting principal; the auditor reads but cannot act; the stream announces each change', async () => {
    const addr = await s.app.listen({ port: 0, host: '127.0.0.1' }).catch(() => `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`);
    const officer = await s.token('security-officer', 'olivia');
    const auditor = await s.token('auditor', 'audrey');
    const stream = await readAlertStream(addr, auditor, 30);
    assert.equal(stream.status, 200);
    assert.match(stream.contentType, /text\/event-stream/);
    const events = stream.events;
    const { alertId } = await raise('medium', 'Bulk export above habit');
    const denied = await s.app.inject({ method: 'POST', url: `/api/alerts/${alertId}/acknowledge`, headers: bearer(auditor), payload: {} });
    assert.equal(denied.statusCode, 403);
    assert.deepEqual(JSON.parse(denied.body).missingScopes, ['alerts:write']);
    const ack = await s.app.inject({ method: 'POST', url: `/api/alerts/${alertId}/acknowledge`, headers: bearer(officer), payload: { note: 'looking' } });
    assert.equal(ack.statusCode, 200, ack.body);
    const acked = JSON.parse(ack.body) as AlertView;
    assert.equal(acked.state, 'acknowledged');
    assert.equal(acked.acknowledged?.by, 'dev:olivia');
    const again = await s.app.inject({ method: 'POST', url: `/api/alerts/${alertId}/acknowledge`, headers: bearer(officer), payload: {} });
    assert.equal(again.statusCode, 409);
    const noResolution = await s.app.inject({ method: 'POST', url: `/api/alerts/${alertId}/resolve`, headers: bearer(officer), payload: {} });
    assert.equal(noResolution.statusCode, 400);
    const res = await s.app.inject({ method: 'POST', url: `/api/alerts/${alertId}/resolve`, headers: bearer(officer), payload: { resolution: 'true-positive', note: 'account locked' } });
    assert.equal(res.statusCode, 200, res.body);
    const resolved = JSON.parse(res.body) as AlertView;
    assert.equal(resolved.state, 'resolved');
    assert.equal(resolved.resolved?.resolution, 'true-positive');
    const recs = (await s.ctx.ledger.query({ targetType: 'alert', targetId: alertId, order: 'asc' })).records;
    assert.deepEqual(recs.map((r) => `${r.action} ${r.actor.id}`), ['alert.raised attest-detection', 'alert.acknowledged dev:olivia', 'alert.resolved dev:olivia']);
    const missing = await s.app.inject({ method: 'POST', url: '/api/alerts/nope/resolve', headers: bearer(officer), payload: { resolution: 'benign' } });
    assert.equal(missing.statusCode, 404);
    await until('three stream events', () => (events.filter((e) => e.alertId === alertId).length >= 3 ? true : undefined));
    assert.deepEqual(events.filter((e) => e.alertId === alertId).map((e) => e.action), ['alert.raised', 'alert.acknowledged', 'alert.resolved']);
    await stream.stop();
    const open = await get<{ alerts: AlertView[] }>('/api/alerts?state=resolved');
    assert.ok(open.alerts.some((a) => a.alertId === alertId));
  });

  t('POST /api/alerts/test reaches every channel whatever its routing; the failing one shows a dead letter', async () => {
    const m0 = mails.length;
    const h0 = received.length;
    const f0 = failingCalls;
    const res = await s.app.inject({ method: 'POST', url: '/api/alerts/test', headers: bearer(await s.token('security-officer', 'olivia')), payload: { note: 'quarterly check' } });
    assert.equal(res.statusCode, 201, res.body);
    const body = JSON.parse(res.body) as { alert: AlertView; channels: Array<{ name: string }> };
    assert.deepEqual(body.channels.map((c) => c.name), ['secops-mail', 'slack-secops', 'broken-hook']);
    const id = body.alert.alertId;
    await until('the test email', () => mails.slice(m0).find((m) => m.raw.includes(id)));
    const hook = await until('the test webhook', () => received.slice(h0).find((h) => h.body.includes(id)));
    assert.equal((JSON.parse(hook.body) as { alert: { test?: boolean } }).alert.test, true);
    await s.ctx.notifier.idle();
    assert.equal(failingCalls - f0, 3);
    const view = await get<AlertView>(`/api/alerts/${id}`);
    assert.equal(view.deliveryFailures[0]?.channel, 'broken-hook');
  });

  t('no secret in responses, log lines or ledger records', async () => {
    const secrets = [smtpPassword, hmacSecret, hookToken, failToken, hookUrl, failUrl];
    const texts: string[] = [];
    for (const url of ['/api/alerts', '/api/openapi.json', '/api/security/compliance-report', '/api/auth/config']) {
      const r = await s.app.inject({ method: 'GET', url, headers: bearer(await s.token('admin')) });
      texts.push(r.body);
    }
    texts.push(s.logs.join('\n'));
    assert.ok(s.logs.some((l) => l.includes('alert delivery given up')), 'the dead letter was logged (by channel name)');
    let cursor: string | undefined;
    do {
      const page = await s.ctx.ledger.query({ order: 'asc', limit: 1000, ...(cursor ? { cursor } : {}) });
      texts.push(JSON.stringify(page.records));
      cursor = page.nextCursor;
    } while (cursor);
    const all = texts.join('\n');
    for (const x of secrets) assert.ok(!all.includes(x), `a secret (${x.slice(0, 4)}…) leaked`);
    // and the config object itself prints redacted
    assert.ok(!JSON.stringify(s.ctx.config).includes(smtpPassword));
    assert.ok(!JSON.stringify(s.ctx.config).includes(hookToken));
  });
}
