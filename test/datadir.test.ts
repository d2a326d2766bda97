/**
 * The local data folder (.attest/: keys, ledger, dev issuer key) never ends up in a
 * repository and is owner-only, whichever command creates it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataRootOf, privateDir } from '../src/datadir.js';

const bin = fileURLToPath(new URL('../../bin/attest.js', import.meta.url));
const git = (cwd: string, ...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8' });
const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);

test('attest ledger append and attest dev-token in a repository: .attest/ is created 0700, ignores itself, and git sees nothing to add', () => {
  const repo = mkdtempSync(join(tmpdir(), 'attest-repo-'));
  assert.equal(git(repo, 'init', '-q').status, 0);
  writeFileSync(join(repo, 'ev.ndjson'), '{"actor":{"id":"alice","type":"user","ip":"192.0.2.7"},"action":"task.assign","outcome":"success"}\n');
  const env = { PATH: process.env['PATH'] ?? '', HOME: repo };
  const append = spawnSync(process.execPath, [bin, 'ledger', 'append', 'ev.ndjson'], { cwd: repo, env, encoding: 'utf8' });
  assert.equal(append.status, 0, append.stderr);
  const token = spawnSync(process.execPath, [bin, 'dev-token', '--user', 'alice', '--role', 'auditor'], { cwd: repo, env, encoding: 'utf8' });
  assert.equal(token.status, 0, token.stderr);
  assert.deepEqual(['.attest', '.attest/keys', '.attest/dev-issuer'].map((d) => [d, mode(join(repo, d))]), [['.attest', '700'], ['.attest/keys', '700'], ['.attest/dev-issuer', '700']]);
  assert.equal(mode(join(repo, '.attest/ledger.db')), '600');
  assert.equal(readFileSync(join(repo, '.attest/.gitignore'), 'utf8'), '# Attest data: keys, ledger and personal data. Never commit this folder.\n*\n');
  // What `git add -A` would take: only the user's own file.
  assert.equal(git(repo, 'add', '-A', '--dry-run').stdout, "add 'ev.ndjson'\n");
  assert.equal(git(repo, 'check-ignore', '-q', '.attest/keys/keyring.json').status, 0);
});

test('privateDir: a .gitignore already in the data folder is kept; folders outside a .attest folder get none', () => {
  const base = mkdtempSync(join(tmpdir(), 'attest-dd-'));
  mkdirSync(join(base, '.attest'), { mode: 0o700 });
  writeFileSync(join(base, '.attest/.gitignore'), 'mine\n');
  privateDir(join(base, '.attest/keys'));
  assert.equal(readFileSync(join(base, '.attest/.gitignore'), 'utf8'), 'mine\n');
  privateDir(join(base, 'elsewhere/keys'));
  assert.equal(mode(join(base, 'elsewhere/keys')), '700');
  assert.equal(existsSync(join(base, 'elsewhere/.gitignore')), false);
  assert.equal(existsSync(join(base, 'elsewhere/keys/.gitignore')), false);
  assert.equal(dataRootOf(join(base, '.attest/a/b')), join(base, '.attest'));
  assert.equal(dataRootOf(join(base, 'elsewhere/keys')), undefined);
});
