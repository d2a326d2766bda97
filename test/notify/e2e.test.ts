/**
 * The whole alert path inside `attest serve`, with nothing hand-made in between: a burst of
 * failed logins is appended to the ledger as a reporter would send it; detection raises the
 * alert; delivery sends it as an email to a real SMTP server started here and as a webhook
 * call whose HMAC signature verifies with the shared secret.
 */
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { notifySection } from '../../src/notify/config.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from '../../src/notify/channels.js';
import { startServer } from '../../src/server/serve.js';
import { LogCapture, testConfig } from '../server/helpers.js';
import { until } from './delivery.suite.js';


test('a credential-stuffing burst of failed logins becomes an email and a signed webhook call', async () => {
  const mails: string[] = [];
  const smtp = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _s, cb) {
      return auth.username === 'alerts' && auth.password === smtpPassword ? cb(null, { user: 'alerts' }) : cb(new Error('invalid credentials'));
    },
    onData(stream, _s, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push(Buffer.concat(chunks).toString('utf8'));
        cb();
      });
    },
  });
  const smtpPassword = `pw${randomBytes(8).toString('hex')}`;
  const secret = `s${randomBytes(12).toString('hex')}`;
  const hooks: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
  const receiver = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hooks.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end('ok');
    });
  });
  const smtpPort = await new Promise<number>((r) => smtp.listen(0, '127.0.0.1', () => r((smtp.server.address() as AddressInfo).port)));
  const hookPort = await new Promise<number>((r) => receiver.listen(0, '127.0.0.1', () => r((receiver.address() as AddressInfo).port)));
  const dir = mkdtempSync(join(tmpdir(), 'attest-alert-e2e-'));
  const config = testConfig(dir, join(dir, 'ledger.db'), { devIssuerDir: join(dir, 'dev-issuer') }, join(dir, 'infra'));
  config.notify = notifySection(
    {
      channels: [
        { type: 'email', name: 'secops-mail', host: '127.0.0.1', port: smtpPort, secure: false, user: 'alerts', passwordEnv: 'E2E_SMTP_PASSWORD', from: 'attest@example.test', to: 'secops@example.test', minSeverity: 'medium', attempts: 2, backoffMs: 10 },
        { type: 'webhook', name: 'slack-secops', urlEnv: 'E2E_HOOK_URL', secretEnv: 'E2E_HOOK_SECRET', minSeverity: 'medium', attempts: 2, backoffMs: 10 },
      ],
    },
    'e2e notify',
    { E2E_SMTP_PASSWORD: smtpPassword, E2E_HOOK_URL: `http://127.0.0.1:${hookPort}/services/T0e2e`, E2E_HOOK_SECRET: secret },
  );
  const s = await startServer({ config, dev: true, cwd: dir, port: 0, logStream: new LogCapture(), verifyOnStart: false, retentionSchedule: false });
  try {
    // 24 failed logins from one address against 12 accounts within a minute: what an
    // application reports to the ledger during credential stuffing.
    const attacker = '203.0.113.9';
    await s.ctx.ledger.append(
      Array.from({ length: 24 }, (_, i) => ({
        actor: { id: `user-${i % 12}`, type: 'user' as const, ip: attacker, user_agent: 'stuffer/1.0' },
        action: 'auth.login',
        outcome: 'denied' as const,
        metadata: { reason: 'bad password' },
      })),
    );
    const mail = await until('the email', () => mails.find((m) => /Subject: Attest alert:/.test(m)));
    const hook = await until('the webhook call', () => hooks[0]);
    const page = await s.ctx.ledger.query({ action: 'alert.raised', limit: 10 });
    assert.equal(page.records.length, 1, 'one alert for the burst');
    const alert = page.records[0]!.metadata as { alertId: string; signals: Array<{ rule: string; count: number }> };
    assert.ok(alert.signals.some((g) => g.rule === 'auth.failed-burst-ip' && g.count > 20), JSON.stringify(alert.signals));
    assert.ok(mail.includes(alert.alertId), 'the email names the alert');
    const ts = String(hook.headers[TIMESTAMP_HEADER]);
    const expected = webhookSignature(secret, ts, hook.body);
    const sig = String(hook.headers[SIGNATURE_HEADER]);
    assert.ok(sig.length === expected.length && timingSafeEqual(Buffer.from(sig), Buffer.from(expected)), 'the webhook signature verifies with the shared secret');
    assert.equal((JSON.parse(hook.body) as { alert: { alertId: string } }).alert.alertId, alert.alertId);
    assert.ok(!hook.body.includes(secret) && !mail.includes(smtpPassword), 'no secret in what was delivered');
  } finally {
    await s.close();
    await new Promise<void>((r) => smtp.close(() => r()));
    receiver.closeAllConnections();
    await new Promise<void>((r) => receiver.close(() => r()));
  }
});
