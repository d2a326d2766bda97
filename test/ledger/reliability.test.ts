/**
 * Reliability against real processes: a writer killed with SIGKILL mid-stream loses no
 * acknowledged record and leaves a verifiable chain; several writer processes at once
 * produce one linear chain (no fork, no gap) on both stores.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openLedger } from '../../src/ledger/open.js';
import { event } from './suite.js';
import { PG_URL, pgUnreachable } from '../helpers/pg.js';

const BIN = resolve(fileURLToPath(import.meta.url), '../../../../bin/attest.js');
const schemas: string[] = [];

const pgDown = await pgUnreachable();

function targets(): { name: string; db: () => string; skip?: string }[] {
  return [
    { name: 'sqlite', db: () => join(mkdtempSync(join(tmpdir(), 'attest-rel-')), 'ledger.db') },
    {
      name: 'postgres',
      db: () => {
        const s = `attest_rel${process.pid}_${schemas.length}`;
        schemas.push(s);
        return `${PG_URL}?schema=${s}`;
      },
      ...(pgDown ? { skip: pgDown } : {}),
    },
  ];
}

function line(i: number): string {
  return JSON.stringify(event(i)) + '\n';
}

for (const t of targets()) {
  test(`${t.name}: kill -9 during a stream of appends loses no acknowledged record and the chain verifies`, { skip: t.skip ?? false }, async () => {
    const db = t.db();
    const keys = join(mkdtempSync(join(tmpdir(), 'attest-relkeys-')), 'keys');
    const child = spawn(process.execPath, [BIN, 'ledger', 'append', '-', '--batch', '25', '--db', db, '--keys', keys], { stdio: ['pipe', 'pipe', 'pipe'] });
    let acked = 0;
    let out = '';
    let i = 0;
    let killed = false;
    const done = new Promise<void>((res) => child.on('exit', () => res()));
    child.stdin.on('error', () => undefined);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      for (const m of out.matchAll(/\{"acked":(\d+)\}/g)) acked = Math.max(acked, Number(m[1]));
      if (acked >= 300 && !killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    // Keep writing until the writer dies.
    const pump = async () => {
      while (!killed && child.exitCode === null) {
        let chunk = '';
        for (let k = 0; k < 50; k++) chunk += line(++i);
        if (!child.stdin.write(chunk)) {
          await new Promise((r) => {
            child.stdin.once('drain', r);
            child.once('exit', r);
          });
        }
        await new Promise((r) => setImmediate(r));
      }
    };
    await Promise.all([pump(), done]);
    assert.ok(killed, 'the writer was killed mid-stream');
    assert.ok(acked >= 300);
    const ledger = await openLedger({ db, keysDir: keys });
    try {
      const count = await ledger.store.count();
      assert.ok(count >= acked, `acknowledged ${acked} but only ${count} present`);
      const v = await ledger.verify();
      assert.equal(v.ok, true, JSON.stringify(v.problems));
      assert.equal(v.records, count);
      // and the ledger keeps working after the crash
      await ledger.append([event(1)]);
      assert.equal((await ledger.verify()).ok, true);
    } finally {
      await ledger.close();
    }
  });

  test(`${t.name}: four writer processes at once make one linear chain, no fork, no gap`, { skip: t.skip ?? false }, async () => {
    const db = t.db();
    const dir = mkdtempSync(join(tmpdir(), 'attest-conc-'));
    const keys = join(dir, 'keys');
    // Create the schema and keys first, so the writers race only on appends.
    const first = await openLedger({ db, keysDir: keys, createKeys: true });
    await first.close();
    const writers = 4;
    const per = 600;
    const runs = Array.from({ length: writers }, (_, w) => {
      // each writer streams in batches of 20 so the appends interleave
      const child = spawn(process.execPath, [BIN, 'ledger', 'append', '-', '--batch', '20', '--db', db, '--keys', keys], { stdio: ['pipe', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      let text = '';
      for (let k = 0; k < per; k++) text += JSON.stringify(event(w * 10_000 + k, { request_id: `w${w}-${k}` })) + '\n';
      child.stdin.end(text);
      return new Promise<void>((res, rej) => child.on('exit', (code) => (code === 0 ? res() : rej(new Error(`writer ${w} exited ${code}: ${err}`)))));
    });
    await Promise.all(runs);
    const ledger = await openLedger({ db, keysDir: keys });
    try {
      assert.equal(await ledger.store.count(), writers * per);
      const v = await ledger.verify();
      assert.equal(v.ok, true, JSON.stringify(v.problems));
      assert.equal(v.records, writers * per);
      // every writer's records are all there, each exactly once, in its own order
      for (let w = 0; w < writers; w++) {
        const seen: number[] = [];
        let cursor: string | undefined;
        do {
          const p = await ledger.query({ order: 'asc', limit: 1000, ...(cursor ? { cursor } : {}) });
          for (const r of p.records) if (r.request_id?.startsWith(`w${w}-`)) seen.push(Number(r.request_id.slice(`w${w}-`.length)));
          cursor = p.nextCursor;
        } while (cursor);
        assert.deepEqual(seen, Array.from({ length: per }, (_, k) => k), `writer ${w}'s records`);
      }
    } finally {
      await ledger.close();
    }
  });
}

test.after(async () => {
  if (pgDown || !schemas.length) return;
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`).catch(() => undefined);
  await c.end();
});

void writeFileSync;
