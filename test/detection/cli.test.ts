/** `attest detect run`: alerts over an existing ledger from the saved cursor, once; refused while another instance holds the lease. */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { Detector } from '../../src/detection/detector.js';
import { DEFAULT_DETECTION } from '../../src/detection/rules.js';
import { openLedger } from '../../src/ledger/open.js';

const bin = join(fileURLToPath(new URL('../../../', import.meta.url)), 'bin/attest.js');

test('attest detect run raises the self-grant once, then nothing; exit 2 while a service holds the lease', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-detect-cli-'));
  const env = { ...process.env, ATTEST_LEDGER_KEYS: '', ATTEST_CONFIG: join(dir, 'none.json') };
  const attest = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env });
  const events = join(dir, 'events.ndjson');
  writeFileSync(events, `${JSON.stringify({ actor: { id: 'alice', type: 'user' }, action: 'user.role.grant', target: { type: 'user', id: 'alice' }, outcome: 'success', metadata: { role: 'admin' } })}\n`);
  const db = ['--db', join(dir, 'l.db'), '--keys', join(dir, 'keys')];
  assert.equal(attest(['ledger', 'append', ...db, events]).status, 0);
  const first = attest(['detect', 'run', ...db]);
  assert.equal(first.status, 0, first.stderr);
  const out = JSON.parse(first.stdout) as { raised: number; alerts: Array<{ subject: string; severity: string }> };
  assert.equal(out.raised, 1);
  assert.equal(out.alerts[0]!.subject, 'alice');
  const again = JSON.parse(attest(['detect', 'run', ...db]).stdout) as { raised: number };
  assert.equal(again.raised, 0, 'the cursor was saved: nothing is evaluated twice');

  const ledger = await openLedger({ db: join(dir, 'l.db'), keysDir: join(dir, 'keys') });
  const held = new Detector({ ledger, config: DEFAULT_DETECTION, instanceId: 'service' });
  try {
    assert.equal(await held.start(), true);
    const refused = attest(['detect', 'run', ...db]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /another instance .* holds the detection lease/);
  } finally {
    await held.close();
    await ledger.close();
  }
  assert.equal(attest(['detect', 'nonsense']).status, 2);
});

test('attest detect run delivers what it raises to the configured channels (a signed webhook); a channel that fails every try is a dead letter and exit 1, its URL never printed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-detect-deliver-'));
  const calls: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      calls.push({ headers: req.headers, body });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  const port = (hook.address() as AddressInfo).port;
  const secret = 'detect-cli-hook-secret-0123456789';
  writeFileSync(join(dir, 'attest.config.json'), JSON.stringify({
    notify: { channels: [{ type: 'webhook', name: 'secops-hook', minSeverity: 'low', urlEnv: 'T_HOOK_URL', secretEnv: 'T_HOOK_SECRET', attempts: 2, backoffMs: 10 }] },
  }));
  const run = (args: string[], url: string) => new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ATTEST_LEDGER_KEYS: '', ATTEST_CONFIG: join(dir, 'attest.config.json'), T_HOOK_URL: url, T_HOOK_SECRET: secret } },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }));
  });
  const grant = (who: string) => `${JSON.stringify({ actor: { id: who, type: 'user' }, action: 'user.role.grant', target: { type: 'user', id: who }, outcome: 'success', metadata: { role: 'admin' } })}\n`;
  const events = join(dir, 'events.ndjson');
  try {
    writeFileSync(events, grant('alice'));
    const db = ['--db', join(dir, 'l.db'), '--keys', join(dir, 'keys')];
    const goodUrl = `http://127.0.0.1:${port}/services/T000/B000/good-path`;
    assert.equal((await run(['ledger', 'append', ...db, events], goodUrl)).code, 0);
    const ok = await run(['detect', 'run', ...db], goodUrl);
    assert.equal(ok.code, 0, ok.stderr);
    const out = JSON.parse(ok.stdout) as { raised: number; alerts: Array<{ alertId: string }>; delivery: unknown };
    assert.equal(out.raised, 1);
    assert.deepEqual(out.delivery, { channels: ['secops-hook'], delivered: 1, deadLetters: 0 });
    assert.equal(calls.length, 1, 'delivered once, before the command exited');
    const call = calls[0]!;
    assert.equal((JSON.parse(call.body) as { alert: { alertId: string } }).alert.alertId, out.alerts[0]!.alertId);
    const ts = String(call.headers['x-attest-timestamp']);
    assert.equal(call.headers['x-attest-signature'], `v1=${createHmac('sha256', secret).update(`${ts}.${call.body}`).digest('hex')}`);

    // A receiver that is not there: two tries, then the dead letter, exit 1.
    writeFileSync(events, grant('bob'));
    const deadUrl = 'http://127.0.0.1:9/services/T000/B000/secret-path';
    assert.equal((await run(['ledger', 'append', ...db, events], deadUrl)).code, 0);
    const dead = await run(['detect', 'run', ...db], deadUrl);
    assert.equal(dead.code, 1, dead.stderr);
    assert.deepEqual((JSON.parse(dead.stdout) as { delivery: unknown }).delivery, { channels: ['secops-hook'], delivered: 0, deadLetters: 1 });
    assert.match(dead.stderr, /alert delivery given up: dead letter recorded/);
    assert.doesNotMatch(dead.stdout + dead.stderr, /secret-path|good-path/);
    const ledger = await openLedger({ db: join(dir, 'l.db'), keysDir: join(dir, 'keys') });
    try {
      const failed = (await ledger.query({ action: 'alert.delivery.failed', order: 'asc', limit: 10 })).records;
      assert.equal(failed.length, 1);
      assert.doesNotMatch(JSON.stringify(failed[0]), /secret-path/);
    } finally {
      await ledger.close();
    }
  } finally {
    hook.close();
  }
});
