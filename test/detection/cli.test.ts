/** `attest detect run`: alerts over an existing ledger from the saved cursor, once; refused while another instance holds the lease. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
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
