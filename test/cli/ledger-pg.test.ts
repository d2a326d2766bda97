/**
 * Ledger commands on PostgreSQL run clean: issue 13 reported the driver's deprecation warning
 * ("Calling client.query() when the client is already executing a query") on every command.
 * Its cause was session setup issued from the pool's 'connect' event, which the pool does not
 * wait for, so the first real query queued behind it on the same client. The store now does
 * that setup in the pool's awaited onConnect hook; this test keeps every command's stderr free
 * of driver warnings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PG_URL, asOwner, pgUnreachable } from '../helpers/pg.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'bin/attest.js');

test('ledger commands on PostgreSQL print no driver deprecation warning', { skip: await pgUnreachable() }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-ledger-pg-'));
  const schema = `cli_warn_${process.pid}`;
  await asOwner((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  const db = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  const common = ['--db', db, '--keys', join(dir, 'keys')];
  const run = (args: string[]) => spawnSync(process.execPath, [bin, 'ledger', ...args, ...common], { cwd: dir, encoding: 'utf8', env: { ...process.env, ATTEST_LEDGER_KEYS: '' } });
  writeFileSync(join(dir, 'ev.ndjson'), Array.from({ length: 20 }, (_, i) => JSON.stringify({ actor: { id: `u${i % 3}`, type: 'user', ip: `10.0.0.${i}` }, action: 'auth.login', outcome: 'success' })).join('\n') + '\n');
  try {
    const commands = [['keys', 'init'], ['append', 'ev.ndjson'], ['checkpoint'], ['verify'], ['query', '--format', 'json'], ['proof', '3'], ['export', '--format', 'ndjson'], ['keys', 'rotate'], ['keys', 'rotate', '--signing'], ['verify'], ['subject-access', 'u1'], ['erase-subject', 'u1', '--by', 'admin'], ['verify']];
    for (const args of commands) {
      const r = run(args);
      assert.equal(r.status, 0, `ledger ${args.join(' ')}: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /Warning|deprecat/i, `ledger ${args.join(' ')} printed a warning: ${r.stderr}`);
    }
  } finally {
    await asOwner((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  }
});
