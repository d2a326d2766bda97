/**
 * One suite, two stores: every behaviour of the ledger is checked on SQLite and on the real
 * PostgreSQL server by the same tests. `tamper` runs SQL around the append-only guards,
 * the way an attacker with database access would.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { DirectoryKeyProvider } from '../../src/ledger/keys.js';
import { Ledger, verifyInclusionProof, verifyConsistency, type SignedCheckpoint } from '../../src/ledger/ledger.js';
import { exportRecords } from '../../src/ledger/export.js';
import type { LedgerStore } from '../../src/ledger/store.js';
import type { AuditEventInput } from '../../src/ledger/record.js';

export interface StoreFactory {
  name: string;
  /** A fresh, empty store. */
  create(): Promise<LedgerStore>;
  /** Runs SQL with the append-only guards out of the way (tampering). */
  tamper(store: LedgerStore, sql: string): Promise<void>;
  /** Runs SQL normally (guards active); resolves to the error message or undefined. */
  attempt(store: LedgerStore, sql: string): Promise<string | undefined>;
  skip?: string;
}

export function event(i: number, over: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    actor: { id: `user-${i % 7}`, type: 'user', ip: `10.0.0.${i % 250}`, email: `u${i % 7}@example.com`, session_id: `s-${i % 3}` },
    action: ['task.assign', 'agent.execute', 'auth.login.failed', 'access.denied', 'task.pause'][i % 5]!,
    target: { type: 'task', id: `task-${i % 11}` },
    outcome: i % 5 === 3 ? 'denied' : 'success',
    tenant: i % 2 ? 'acme' : 'globex',
    request_id: `req-${i}`,
    metadata: { n: i },
    ...over,
  };
}

async function fresh(f: StoreFactory, every = 8): Promise<{ ledger: Ledger; store: LedgerStore; keysDir: string }> {
  const keysDir = mkdtempSync(join(tmpdir(), 'attest-keys-'));
  const keys = DirectoryKeyProvider.open(keysDir, { create: true });
  const store = await f.create();
  const ledger = await Ledger.open({ store, keys, checkpointEvery: every });
  return { ledger, store, keysDir };
}

async function filled(f: StoreFactory, n = 20, every = 8) {
  const ctx = await fresh(f, every);
  await ctx.ledger.append(Array.from({ length: n }, (_, i) => event(i + 1)));
  return ctx;
}

export function ledgerSuite(f: StoreFactory): void {
  const t = (name: string, fn: () => Promise<void>) => test(`${f.name}: ${name}`, { skip: f.skip ?? false }, fn);

  t('appends assign seq, microsecond UTC time and a chain; verify passes', async () => {
    const { ledger } = await fresh(f);
    const r = await ledger.append([event(1), event(2), event(3)]);
    assert.deepEqual([r.first, r.last, r.count], [1, 3, 3]);
    const page = await ledger.query({ order: 'asc' });
    assert.equal(page.records.length, 3);
    assert.match(page.records[0]!.ts, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    assert.deepEqual(page.records.map((x) => x.seq), [1, 2, 3]);
    assert.equal(page.records[0]!.hash.length, 64);
    const v = await ledger.verify();
    assert.equal(v.ok, true, JSON.stringify(v.problems));
    assert.equal(v.records, 3);
    await ledger.close();
  });

  t('concurrent appends from one process are group-committed, each caller gets its own seq range', async () => {
    const { ledger } = await fresh(f);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => ledger.append(i % 5 ? [event(i)] : [event(i), event(i + 100)])));
    const seqs = results.flatMap((r) => Array.from({ length: r.count }, (_, k) => r.first + k)).sort((a, b) => a - b);
    assert.deepEqual(seqs, Array.from({ length: 60 }, (_, i) => i + 1));
    const v = await ledger.verify();
    assert.equal(v.ok, true, JSON.stringify(v.problems));
    assert.equal(v.records, 60);
    await ledger.close();
  });

  t('a record that does not fit the schema is refused naming the field, and nothing is written', async () => {
    const { ledger, store } = await fresh(f);
    const bad = { ...event(2), outcome: 'maybe' };
    await assert.rejects(ledger.append([event(1), bad]), /record 2: outcome: must be one of success, denied, error/);
    await assert.rejects(ledger.append([{ ...event(1), action: 'Login' }]), /action: "Login" is not a dotted/);
    await assert.rejects(ledger.append([{ ...event(1), extra: 1 }]), /extra: is not a known field/);
    await assert.rejects(ledger.append([{ actor: { type: 'user' }, action: 'a.b', outcome: 'success' }]), /actor\.id: is required/);
    assert.equal(await store.count(), 0);
    await ledger.close();
  });

  t('secrets in metadata are scrubbed before they are stored', async () => {
    const { ledger } = await fresh(f);
    await ledger.append([event(1, { metadata: { password: 'hunter2', nested: { api_key: 'abc' }, header: 'Bearer eyJabc.def.ghi', ok: 'visible' } })]);
    const [r] = (await ledger.query({})).records;
    const text = JSON.stringify(r);
    assert.ok(!text.includes('hunter2') && !text.includes('eyJabc') && !text.includes('"abc"'), text);
    assert.equal((r!.metadata as Record<string, unknown>)['ok'], 'visible');
    await ledger.close();
  });

  t('the database refuses UPDATE and DELETE of records', async () => {
    const { ledger, store } = await filled(f, 20);
    assert.match((await f.attempt(store, 'UPDATE records SET kid = kid WHERE seq = 1')) ?? 'allowed', /append-only/);
    assert.match((await f.attempt(store, 'DELETE FROM records WHERE seq = 1')) ?? 'allowed', /append-only/);
    assert.match((await f.attempt(store, 'DELETE FROM checkpoints')) ?? 'allowed', /append-only/);
    assert.match((await f.attempt(store, 'DELETE FROM nodes')) ?? 'allowed', /append-only/);
    assert.equal(await store.count(), 20);
    await ledger.close();
  });

  t('query filters: actor, action prefix, target, outcome, tenant, time; cursor pages both ways', async () => {
    const { ledger } = await filled(f, 40);
    const byActor = await ledger.query({ actor: 'user-3', limit: 1000 });
    assert.ok(byActor.records.length > 0 && byActor.records.every((r) => r.actor.id === 'user-3'));
    const auth = await ledger.query({ action: 'auth', limit: 1000 });
    assert.equal(auth.records.length, 8);
    assert.ok(auth.records.every((r) => r.action === 'auth.login.failed'));
    assert.equal((await ledger.query({ action: 'auth.login', limit: 1000 })).records.length, 8);
    assert.equal((await ledger.query({ action: 'aut', limit: 1000 })).records.length, 0);
    const tgt = await ledger.query({ targetType: 'task', targetId: 'task-2', limit: 1000 });
    assert.ok(tgt.records.length > 0 && tgt.records.every((r) => r.target?.id === 'task-2'));
    const denied = await ledger.query({ outcome: 'denied', limit: 1000 });
    assert.equal(denied.records.length, 8);
    const acme = await ledger.query({ tenants: ['acme'], limit: 1000 });
    assert.equal(acme.records.length, 20);
    assert.equal((await ledger.query({ from: '2000-01-01T00:00:00.000000Z', to: '2001-01-01T00:00:00.000000Z' })).records.length, 0);
    assert.equal((await ledger.query({ from: '2000-01-01T00:00:00.000000Z', limit: 1000 })).records.length, 40);
    // pages of 15, newest first, then oldest first
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const p = await ledger.query({ limit: 15, ...(cursor ? { cursor } : {}) });
      seen.push(...p.records.map((r) => r.seq));
      cursor = p.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, Array.from({ length: 40 }, (_, i) => 40 - i));
    const asc = await ledger.query({ order: 'asc', limit: 15 });
    assert.deepEqual(asc.records.map((r) => r.seq).slice(0, 3), [1, 2, 3]);
    const asc2 = await ledger.query({ order: 'asc', limit: 15, cursor: asc.nextCursor! });
    assert.equal(asc2.records[0]!.seq, 16);
    assert.deepEqual(await ledger.distinct('actor'), ['user-0', 'user-1', 'user-2', 'user-3', 'user-4', 'user-5', 'user-6']);
    await ledger.close();
  });

  t('checkpoints are signed every N records and on demand; inclusion and consistency proofs verify offline', async () => {
    const { ledger } = await filled(f, 20, 8);
    const cps = await ledger.store.checkpoints();
    assert.deepEqual(cps.map((c) => c.size), [20]); // one append of 20 crosses 8 and 16: one checkpoint at its end
    await ledger.append([event(21)]);
    const now = await ledger.checkpoint();
    assert.equal(now.size, 21);
    for (const seq of [1, 2, 7, 16, 20, 21]) {
      const p = await ledger.inclusionProof(seq);
      assert.deepEqual(verifyInclusionProof(p, now.publicKey), { ok: true }, `seq ${seq}`);
      const forged = { ...p, record: { ...p.record, body: p.record.body.replace('success', 'denied').replace('denied"', 'success"') } };
      if (forged.record.body !== p.record.body) assert.equal(verifyInclusionProof(forged).ok, false);
      const badPath = { ...p, proof: p.proof.map((h, i) => (i === 0 ? 'ff' + h.slice(2) : h)) };
      if (p.proof.length) assert.equal(verifyInclusionProof(badPath).ok, false);
    }
    const c = await ledger.consistencyProof(20, 21);
    assert.ok(verifyConsistency(20, 21, Buffer.from(c.from.root, 'hex'), Buffer.from(c.to.root, 'hex'), c.proof.map((h) => Buffer.from(h, 'hex'))));
    await ledger.close();
  });

  t('GDPR: personal data sits beside the chain; erasing a subject keeps verification passing and shows the fields as erased', async () => {
    const { ledger } = await filled(f, 14);
    let [r] = (await ledger.query({ actor: 'user-3', limit: 1 })).records;
    assert.equal(r!.personal?.['actor.email'], 'u3@example.com');
    assert.ok(!JSON.stringify({ ...r, personal: undefined }).includes('u3@example.com'), 'personal data must not be in the chained body');
    const subjectRecords: number[] = [];
    for await (const x of ledger.subjectRecords('user-3')) subjectRecords.push(x.seq);
    assert.deepEqual(subjectRecords, [3, 10]);
    const res = await ledger.eraseSubject('user-3', { id: 'dpo', type: 'user' }, 'GDPR-7');
    assert.equal(res.erased, 2);
    [r] = (await ledger.query({ actor: 'user-3', limit: 1 })).records;
    assert.equal(r!.personal, undefined);
    assert.deepEqual(r!.erased, ['actor.email', 'actor.ip']);
    const v = await ledger.verify();
    assert.equal(v.ok, true, JSON.stringify(v.problems));
    assert.equal(v.personalData.erased, 2);
    assert.ok(v.personalData.present >= 12);
    const [erasure] = (await ledger.query({ action: 'ledger.subject.erase' })).records;
    assert.equal(erasure!.target?.id, 'user-3');
    await ledger.close();
  });

  t('export streams CSV/JSON/NDJSON with secrets scrubbed and personal data left out by default', async () => {
    const { ledger } = await filled(f, 12);
    for (const format of ['csv', 'json', 'ndjson'] as const) {
      const out = new PassThrough();
      let text = '';
      out.on('data', (d) => (text += d));
      const n = await exportRecords(ledger, out, { format, filters: { actor: 'user-1' } });
      out.end();
      assert.equal(n, 2);
      assert.ok(!text.includes('@example.com'), `${format} leaks personal data`);
      if (format === 'csv') assert.equal(text.trim().split('\r\n').length, 3);
      if (format === 'json') assert.equal((JSON.parse(text) as unknown[]).length, 2);
      if (format === 'ndjson') assert.equal(text.trim().split('\n').length, 2);
    }
    await ledger.close();
  });

  // ----- tampering: each case names the first bad sequence number ---------------------------

  const mutation = (name: string, expectSeq: number, kind: RegExp, mutate: (s: LedgerStore, l: Ledger) => Promise<{ checkpoint?: SignedCheckpoint } | void>) =>
    t(`tamper: ${name} is detected at seq ${expectSeq}`, async () => {
      const { ledger, store } = await filled(f, 20, 8);
      const before = await ledger.verify();
      assert.equal(before.ok, true, JSON.stringify(before.problems));
      const extra = (await mutate(store, ledger)) ?? {};
      const v = await ledger.verify(extra.checkpoint ? { checkpoint: extra.checkpoint } : {});
      assert.equal(v.ok, false, 'tampering went unnoticed');
      assert.equal(v.firstBadSeq, expectSeq, JSON.stringify(v.problems));
      assert.match(v.problems[0]!.kind, kind, JSON.stringify(v.problems));
      await ledger.close();
    });

  mutation('a changed field', 5, /changed/, async (s) => {
    await f.tamper(s, `UPDATE records SET body = replace(body, '"outcome":"success"', '"outcome":"error"') WHERE seq = 5`);
  });
  mutation('a changed field of a record inside a small subtree', 13, /changed/, async (s) => {
    await f.tamper(s, `UPDATE records SET body = replace(body, 'task-2"', 'task-9"') WHERE seq = 13`);
  });
  mutation('a deleted record', 7, /missing/, async (s) => {
    await f.tamper(s, 'DELETE FROM records WHERE seq = 7');
  });
  mutation('an inserted record (later ones renumbered)', 6, /changed|out-of-place/, async (s) => {
    await f.tamper(s, 'UPDATE records SET seq = seq + 1000 WHERE seq >= 6');
    await f.tamper(s, 'UPDATE records SET seq = seq - 999 WHERE seq >= 1006');
    await f.tamper(s, `INSERT INTO records (seq, kid, nonce, hash, body) SELECT 6, kid, nonce, hash, replace(body, '"seq":5,', '"seq":6,') FROM records WHERE seq = 5`);
  });
  mutation('a replayed copy of an earlier record', 6, /out-of-place/, async (s) => {
    await f.tamper(s, 'UPDATE records SET seq = seq + 1000 WHERE seq >= 6');
    await f.tamper(s, 'UPDATE records SET seq = seq - 999 WHERE seq >= 1006');
    await f.tamper(s, 'INSERT INTO records (seq, kid, nonce, hash, body) SELECT 6, kid, nonce, hash, body FROM records WHERE seq = 2');
  });
  mutation('two records swapped', 9, /out-of-place/, async (s) => {
    await f.tamper(s, 'UPDATE records SET seq = 1009 WHERE seq = 9');
    await f.tamper(s, 'UPDATE records SET seq = 9 WHERE seq = 10');
    await f.tamper(s, 'UPDATE records SET seq = 10 WHERE seq = 1009');
  });
  mutation('a record chained with an unknown key', 4, /unknown-key/, async (s) => {
    await f.tamper(s, `UPDATE records SET kid = 'h9-000000' WHERE seq = 4`);
  });
  mutation('a tail truncated, head and checkpoints rewritten, against an exported checkpoint', 16, /truncated/, async (s, l) => {
    const exported = await l.checkpoint();
    await f.tamper(s, 'DELETE FROM records WHERE seq > 15');
    await f.tamper(s, 'DELETE FROM checkpoints');
    await f.tamper(s, 'DELETE FROM nodes');
    await f.tamper(s, `UPDATE head SET size = 15`);
    return { checkpoint: exported };
  });
  mutation('a tail truncated with the head left alone', 19, /truncated/, async (s) => {
    await f.tamper(s, 'DELETE FROM records WHERE seq > 18');
  });
  mutation('a forged stored checkpoint', 20, /checkpoint-signature|checkpoint-mismatch/, async (s) => {
    await f.tamper(s, `UPDATE checkpoints SET root = hash WHERE size = 20`.replace('hash', 'signature'));
  });
  mutation('personal data swapped behind the commitment', 2, /personal-data/, async (s) => {
    await f.tamper(s, `UPDATE pii SET data = replace(data, 'u2@example.com', 'x@example.com') WHERE seq = 2`);
  });

  t('tamper: a record chained with a retired key (a stale writer after rotation) is detected', async () => {
    const { ledger, store, keysDir } = await filled(f, 5, 8);
    const stale = DirectoryKeyProvider.open(keysDir);
    stale.activeHmac(); // loaded before the rotation
    DirectoryKeyProvider.open(keysDir).rotate();
    await new Promise((r) => setTimeout(r, 5));
    const staleLedger = await Ledger.open({ store: await reopen(f, store), keys: stale });
    await staleLedger.append([event(6)]);
    const fresh2 = await Ledger.open({ store: await reopen(f, store), keys: DirectoryKeyProvider.open(keysDir) });
    await fresh2.append([event(7)]);
    const v = await fresh2.verify();
    assert.equal(v.ok, false);
    assert.equal(v.firstBadSeq, 6, JSON.stringify(v.problems));
    assert.equal(v.problems[0]!.kind, 'retired-key');
    await staleLedger.close().catch(() => undefined);
    await ledger.close().catch(() => undefined);
  });

  t('key rotation: records before and after verify with their own keys', async () => {
    const { ledger, keysDir } = await filled(f, 5, 8);
    const keys = DirectoryKeyProvider.open(keysDir);
    keys.rotate();
    const l2 = await Ledger.open({ store: ledger.store, keys });
    await l2.append([event(6), event(7)]);
    const v = await l2.verify();
    assert.equal(v.ok, true, JSON.stringify(v.problems));
    assert.equal(v.keys.length, 2);
    await ledger.close();
  });

  t('verify against a checkpoint file from another ledger or with a bad signature fails clearly', async () => {
    const a = await filled(f, 4);
    const cp = await a.ledger.checkpoint();
    const forged = { ...cp, root: '00'.repeat(32) };
    const v = await a.ledger.verify({ checkpoint: forged });
    assert.equal(v.ok, false);
    assert.match(v.problems[0]!.message, /note does not match|signature/);
    writeFileSync(join(a.keysDir, 'x.json'), '{}');
    await a.ledger.close();
  });
}

/** A second handle on the same store's data (another "process"). */
async function reopen(f: StoreFactory, s: LedgerStore): Promise<LedgerStore> {
  void f;
  return s;
}
