/** The notify section: clear errors naming the setting, secrets resolved from the environment and never printed; the scrubber; the alert fold. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { notifySection, NotifyConfigError } from '../../src/notify/config.js';
import { scrub } from '../../src/notify/scrub.js';
import { foldAlerts } from '../../src/notify/alerts.js';
import { ConfigError, loadConfig } from '../../src/config.js';

const env = { PW: 'hunter2-smtp', URL: 'https://hooks.slack.com/services/T000/B000/XXXXSECRET', SEC: 'hmac-key-123' };
const email = { type: 'email', name: 'mail', host: 'smtp.example.com', user: 'u', passwordEnv: 'PW', from: 'a@example.com', to: 'b@example.com' };
const hook = { type: 'webhook', name: 'slack', urlEnv: 'URL', secretEnv: 'SEC', minSeverity: 'high' };

test('a valid section: defaults, secrets from the environment, redacted however printed', () => {
  const c = notifySection({ channels: [email, hook], inApp: { minSeverity: 'medium' } }, 'f: notify', env);
  assert.equal(c.channels.length, 2);
  const [m, w] = c.channels;
  assert.equal(m!.type, 'email');
  if (m!.type === 'email') {
    assert.equal(m.port, 587);
    assert.equal(m.secure, false);
    assert.deepEqual(m.to, ['b@example.com']);
    assert.equal(m.password?.reveal(), 'hunter2-smtp');
    assert.equal(m.minSeverity, 'low');
  }
  if (w!.type === 'webhook') {
    assert.equal(w.url.reveal(), env.URL);
    assert.equal(w.attempts, 5);
  }
  assert.equal(c.inApp.minSeverity, 'medium');
  const printed = [JSON.stringify(c), inspect(c, { depth: 10 }), String(m && (m as { password?: unknown }).password)].join('\n');
  for (const v of Object.values(env)) assert.ok(!printed.includes(v), `${v} printed`);
  assert.match(printed, /Secret\(env PW\)/);
});

test('errors name the setting and what to do, never a secret value', () => {
  const cases: Array<[unknown, Record<string, string>, RegExp]> = [
    [{ channels: [{ ...hook, urlEnv: 'NOPE' }] }, env, /channels\[0\]\.urlEnv names the environment variable NOPE, which is not set/],
    [{ channels: [{ ...hook, type: 'sms' }] }, env, /channels\[0\]\.type must be "email" or "webhook"/],
    [{ channels: [{ ...hook, minSeverity: 'urgent' }] }, env, /minSeverity must be one of low, medium, high, critical/],
    [{ channels: [{ ...hook, attempts: 0 }] }, env, /attempts must be a whole number from 1 to 20/],
    [{ channels: [hook, hook] }, env, /another channel is already named "slack"/],
    [{ channels: [{ ...email, to: 'not-an-address' }] }, env, /\.to must be an address/],
    [{ channels: [{ ...email, colour: 'red' }] }, env, /unknown setting "colour"/],
    [{ channels: [{ ...hook, urlEnv: undefined }] }, env, /urlEnv \(the environment variable holding it\) is required/],
    [{ channels: [hook] }, { ...env, URL: 'ftp://x/secretpath' }, /must be http:\/\/ or https:\/\//],
    [{ channels: [{ ...hook, url: 'https://x', urlEnv: 'URL' }] }, env, /give url or urlEnv, not both/],
  ];
  for (const [input, e, re] of cases) {
    assert.throws(() => notifySection(input, 'f: notify', e), (err: Error) => {
      assert.ok(err instanceof NotifyConfigError);
      assert.match(err.message, re);
      for (const v of [...Object.values(env), 'secretpath']) assert.ok(!err.message.includes(v), `${err.message} leaks ${v}`);
      return true;
    });
  }
});

test('loadConfig reads the notify section and reports its errors as ConfigError with the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-notify-'));
  const file = join(dir, 'attest.config.json');
  writeFileSync(file, JSON.stringify({ notify: { channels: [hook] } }));
  const c = loadConfig(file, env, dir);
  assert.equal(c.notify?.channels[0]?.name, 'slack');
  writeFileSync(file, JSON.stringify({ notify: { channels: [{ ...hook, secretEnv: 'MISSING' }] } }));
  assert.throws(() => loadConfig(file, env, dir), (e: Error) => e instanceof ConfigError && e.message.includes(file) && e.message.includes('MISSING'));
  assert.deepEqual(loadConfig(undefined, {}, mkdtempSync(join(tmpdir(), 'attest-notify-'))).notify?.channels, []);
});

test('scrub removes a URL, its encoded forms and its path', () => {
  const u = 'https://hooks.example.com/services/T0/B0/abcdSECRET?x=1';
  const text = `fetch ${u} failed; ${encodeURIComponent(u)}; POST /services/T0/B0/abcdSECRET?x=1 500`;
  const out = scrub(text, [u]);
  assert.ok(!out.includes('abcdSECRET'), out);
  assert.match(out, /\[redacted\]/);
});

test('the fold: state follows the records in seq order; dead letters attach; orphans are ignored', () => {
  const raised = { alertId: 'a1', severity: 'high', subject: 'u', score: 2, signals: [], windowStart: 't', windowEnd: 't', evaluatedThrough: 1, title: 'x' };
  const views = foldAlerts([
    { seq: 9, ts: 't9', action: 'alert.resolved', actor: { id: 'bob' }, metadata: { alertId: 'a1', resolution: 'benign' } },
    { seq: 5, ts: 't5', action: 'alert.raised', actor: { id: 'det' }, metadata: raised },
    { seq: 6, ts: 't6', action: 'alert.delivery.failed', actor: { id: 'attest-notify' }, metadata: { alertId: 'a1', channel: 'slack', attempts: 3, error: 'HTTP 500', deadLetter: true } },
    { seq: 7, ts: 't7', action: 'alert.acknowledged', actor: { id: 'amy' }, metadata: { alertId: 'a1' } },
    { seq: 8, ts: 't8', action: 'alert.acknowledged', actor: { id: 'zed' }, metadata: { alertId: 'orphan' } },
  ]);
  assert.deepEqual([...views.keys()], ['a1']);
  const v = views.get('a1')!;
  assert.equal(v.state, 'resolved');
  assert.equal(v.raisedSeq, 5);
  assert.deepEqual(v.acknowledged, { by: 'amy', at: 't7', seq: 7 });
  assert.equal(v.resolved?.by, 'bob');
  assert.equal(v.deliveryFailures.length, 1);
  assert.equal(v.deliveryFailures[0]!.channel, 'slack');
});
