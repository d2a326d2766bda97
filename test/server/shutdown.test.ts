/**
 * `attest serve` as a process: SIGTERM while audit events are being posted. Every event the
 * server acknowledged (201) is in the ledger afterwards, the ledger verifies, the process
 * exits 0. Also: production mode without an issuer refuses to start (exit 2).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { DevIssuer } from '../../src/access/dev-issuer.js';
import { openLedger } from '../../src/ledger/open.js';

const BIN = fileURLToPath(new URL('../../../bin/attest.js', import.meta.url));

/** The environment without Attest settings of the developer's shell. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('ATTEST_') || k === 'DATABASE_URL' || k === 'PORT') delete env[k];
  return env;
}

function post(agent: Agent, port: number, token: string, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = request({ host: '127.0.0.1', port, path: '/api/audit/events', method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(data);
  });
}

test('SIGTERM: in-flight requests finish, no acknowledged audit record is lost, exit 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-shutdown-'));
  const child = spawn(process.execPath, [BIN, 'serve', '--dev', '--port', '0'], { cwd: dir, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr.on('data', () => undefined);
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c;
      const m = /"address":"http:\/\/127\.0\.0\.1:(\d+)"/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    setTimeout(() => reject(new Error(`no listening line: ${out}`)), 20_000);
  });
  const token = await DevIssuer.open(join(dir, '.attest', 'dev-issuer')).mint({ user: 'shutdown-bot', role: 'agent' });
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  const acked: number[] = [];
  let refused = 0;
  let sent = 0;
  let signalled = false;
  const worker = async () => {
    while (!signalled || sent < 400) {
      const i = sent++;
      if (i >= 3000) return;
      try {
        const r = await post(agent, port, token, { action: 'shutdown.test', outcome: 'success', target: { type: 'n', id: String(i) } });
        if (r.status === 201) acked.push((JSON.parse(r.body) as { first: number }).first);
        else refused++;
      } catch {
        refused++;
        if (signalled) return;
      }
    }
  };
  const workers = Array.from({ length: 32 }, worker);
  while (acked.length < 200) await new Promise((r) => setTimeout(r, 5));
  child.kill('SIGTERM');
  signalled = true;
  await Promise.all(workers);
  agent.destroy();
  assert.equal(await exited, 0, out.slice(-2000));
  assert.match(out, /stopped; ledger closed/);
  const ledger = await openLedger({ db: join(dir, '.attest', 'ledger.db'), keysDir: join(dir, '.attest', 'keys') });
  try {
    const have = new Set<number>();
    let cursor: string | undefined;
    for (;;) {
      const page = await ledger.query({ action: 'shutdown.test', limit: 1000, order: 'asc', ...(cursor ? { cursor } : {}) });
      for (const r of page.records) have.add(r.seq);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    for (const seq of acked) assert.ok(have.has(seq), `acknowledged record ${seq} is in the ledger`);
    assert.ok(acked.length >= 200);
    const v = await ledger.verify();
    assert.equal(v.ok, true);
  } finally {
    await ledger.close();
  }
});

test('production mode without an issuer refuses to start (exit 2, says why)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-noissuer-'));
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { cwd: dir, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c));
  const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  assert.equal(code, 2);
  assert.match(err, /no token issuer configured/);
});
