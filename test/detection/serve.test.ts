/**
 * Detection inside `attest serve`: started by default with the ledger (the start-up log says
 * whether this instance holds the lease), alerts reach onAlert after their record is
 * committed, a flood of anonymous 401s does not alert by itself, and detection.enabled false
 * leaves it off.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { RaisedAlert } from '../../src/detection/detector.js';
import { detectionConfig } from '../../src/detection/rules.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import { LogCapture, testConfig } from '../server/helpers.js';

const servers: RunningServer[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

async function start(detection?: Record<string, unknown>): Promise<{ s: RunningServer; log: LogCapture }> {
  const dir = mkdtempSync(join(tmpdir(), 'attest-detect-serve-'));
  const config = testConfig(dir, join(dir, 'ledger.db'), { devIssuerDir: join(dir, 'dev-issuer') }, join(dir, 'infra'));
  if (detection) config.detection = detectionConfig(detection);
  const log = new LogCapture();
  const s = await startServer({ config, dev: true, cwd: dir, port: 0, logStream: log, verifyOnStart: false, retentionSchedule: false });
  servers.push(s);
  return { s, log };
}

test('serve starts detection, says it holds the lease, and hands committed alerts to onAlert', async () => {
  const { s, log } = await start();
  const line = log.lines.map((l) => JSON.parse(l) as { msg: string; holdsLease?: boolean }).find((l) => l.msg.startsWith('detection:') && 'holdsLease' in l);
  assert.equal(line?.holdsLease, true, log.lines.filter((l) => l.includes('detection')).join('\n'));
  const d = s.ctx.detector!;
  const got = new Promise<RaisedAlert>((resolve) => d.onAlert(resolve));
  // Anonymous refusals first: many 401s from one address, one "account": not an alert on their own.
  for (let i = 0; i < 30; i++) assert.equal((await fetch(`${s.url}/api/audit/events`)).status, 401);
  await s.ctx.ledger.append([{ actor: { id: 'alice', type: 'user', ip: '192.0.2.8' }, action: 'user.role.grant', target: { type: 'user', id: 'alice' }, outcome: 'success', metadata: { role: 'admin' } }]);
  const a = await got;
  assert.equal(a.alert.subject, 'alice');
  assert.equal(a.alert.severity, 'high');
  await d.idle();
  const page = await s.ctx.ledger.query({ action: 'alert.raised', limit: 100 });
  assert.equal(page.records.length, 1, 'the 401 flood raised nothing; the self-grant raised one alert');
  assert.equal(page.records[0]!.seq, a.seq);
  assert.equal(page.records[0]!.actor.id, 'attest-detection');
});

test('detection.enabled false: no detector', async () => {
  const { s, log } = await start({ enabled: false });
  assert.equal(s.ctx.detector, undefined);
  assert.ok(log.lines.some((l) => l.includes('detection: off')));
});
