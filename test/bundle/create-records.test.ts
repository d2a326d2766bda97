/**
 * createBundle's records and proofs, read a page at a time: for a period that starts inside
 * the ledger (not on a 16- or 1024-record boundary) and spans pages, every line is the record
 * as the ledger's query exports it and its proof is the ledger's own; records appended after
 * the checkpoint the bundle is anchored to are left out, not failed on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZipEntry, zipEntries } from '../../src/bundle/zip.js';
import { createBundle } from '../../src/bundle/create.js';
import { verifyBundleFile } from '../../src/bundle/verify.js';
import { ProofMaker } from '../../src/bundle/proofs.js';
import { signBytes } from '../../src/compliance/framework-report.js';
import { exportView } from '../../src/ledger/export.js';
import { openLedger } from '../../src/ledger/open.js';
import type { Ledger } from '../../src/ledger/ledger.js';

const events = (n: number, who: string) => Array.from({ length: n }, (_, i) => ({ actor: { id: `${who}${i % 5}`, type: 'user' }, action: 'auth.login', outcome: i % 3 ? 'success' : 'denied', metadata: { n: i } }));

function report(ledger: Ledger, from: string, to: string) {
  const bytes = Buffer.from(JSON.stringify({
    format: 'attest-framework-report/v1', framework: { id: 'test', name: 'Test', version: '1' },
    scope: { paths: [], sources: [], notes: [] }, period: { from, to }, policies: [],
  }, null, 2) + '\n');
  return { report: bytes, reportSig: Buffer.from(JSON.stringify(signBytes(bytes, ledger.keys.signing(), new Date()))) };
}

async function memberLines(zip: string, name: string): Promise<string[]> {
  const e = zipEntries(zip).find((x) => x.name === name)!;
  const chunks: Buffer[] = [];
  await readZipEntry(zip, e, (c) => chunks.push(c));
  return Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean);
}

test('a period starting at record 1038 over three pages: each line is the query\'s record and the ledger\'s proof; verify passes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-bundle-records-'));
  const ledger = await openLedger({ db: join(dir, 'l.db'), keysDir: join(dir, 'keys'), createKeys: true });
  try {
    await ledger.append(events(1037, 'before'));
    await new Promise((r) => setTimeout(r, 20));
    const from = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < 3; i++) await ledger.append(events(400, `in${i}`));
    const to = new Date(Date.now() + 60_000).toISOString();
    const out = join(dir, 'bundle.zip');
    const r = await createBundle({ ledger, store: { getFile: async () => undefined }, ...report(ledger, from, to), out });
    assert.equal(r.checkpoint.size, 2237);
    assert.equal(r.records, 1200);
    const recs = await memberLines(out, 'records.ndjson');
    const proofs = await memberLines(out, 'proofs/inclusion.ndjson');
    assert.equal(recs.length, 1200);
    assert.equal(proofs.length, 1200);
    const want: string[] = [];
    for (let cursor: string | undefined; ;) {
      const page = await ledger.query({ from, to, order: 'asc', limit: 1000, ...(cursor ? { cursor } : {}) });
      want.push(...page.records.map((x) => JSON.stringify(exportView(x, false))));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    assert.deepEqual(recs, want);
    for (const [i, line] of proofs.entries()) {
      const seq = 1038 + i;
      const p = await ledger.inclusionProof(seq, 2237);
      assert.equal(line, JSON.stringify({ seq, leafIndex: seq - 1, treeSize: 2237, leafHash: p.leafHash, record: p.record, proof: p.proof }), `seq ${seq}`);
    }
    const v = await verifyBundleFile(out);
    assert.deepEqual(v.problems, []);
    assert.equal(v.records, 1200);
  } finally {
    await ledger.close();
  }
});

test('records appended after the bundle\'s checkpoint is taken are left out of it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-bundle-records-'));
  const ledger = await openLedger({ db: join(dir, 'l.db'), keysDir: join(dir, 'keys'), createKeys: true });
  try {
    await ledger.append(events(50, 'u'));
    // Another writer appends just after createBundle signs its checkpoint.
    const real = ledger.checkpoint.bind(ledger);
    let appended = false;
    ledger.checkpoint = async () => {
      const cp = await real();
      if (!appended) { appended = true; await ledger.append(events(7, 'late')); }
      return cp;
    };
    const out = join(dir, 'bundle.zip');
    const r = await createBundle({ ledger, store: { getFile: async () => undefined }, ...report(ledger, '2000-01-01T00:00:00.000Z', new Date(Date.now() + 60_000).toISOString()), out });
    assert.equal(appended, true);
    assert.equal(await ledger.store.count(), 57);
    assert.equal(r.checkpoint.size, 50);
    assert.equal(r.records, 50);
    assert.equal((await memberLines(out, 'records.ndjson')).length, 50);
    const v = await verifyBundleFile(out);
    assert.deepEqual(v.problems, []);
    assert.equal(v.records, 50);
  } finally {
    await ledger.close();
  }
});

test('ProofMaker pages out of order (nodes forgotten behind a page are read again): the ledger\'s proofs still', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-bundle-records-'));
  const ledger = await openLedger({ db: join(dir, 'l.db'), keysDir: join(dir, 'keys'), createKeys: true });
  try {
    await ledger.append(events(3000, 'u'));
    const cp = await ledger.checkpoint();
    const maker = new ProofMaker(ledger, cp.size, cp.root);
    let compared = 0;
    for (const first of [2049, 1, 1025, 17, 2977, 33]) {
      const seqs = Array.from({ length: Math.min(24, cp.size - first + 1) }, (_, i) => first + i);
      const lines = await maker.proofs(seqs);
      for (const [i, seq] of seqs.entries()) {
        const p = await ledger.inclusionProof(seq, cp.size);
        assert.deepEqual(lines[i]!.proof, p.proof, `seq ${seq}`);
        compared++;
      }
    }
    assert.equal(compared, 144);
  } finally {
    await ledger.close();
  }
});
