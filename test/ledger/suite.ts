/**
 * One suite, two stores: every behaviour of the ledger is checked on SQLite and on the real
 * PostgreSQL server by the same tests. `tamper` runs SQL around the append-only guards,
 * the way an attacker with database access would.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { DirectoryKeyProvider } from '../../src/ledger/keys.js';
import { Ledger, verifyConsistencyProof, verifyInclusionProof, verifyConsistency, type SignedCheckpoint } from '../../src/ledger/ledger.js';
import { exportRecords } from '../../src/ledger/export.js';
import { subjectPseudonym } from '../../src/ledger/chain.js';
import type { LedgerStore } from '../../src/ledger/store.js';
import { openLedger } from '../../src/ledger/open.js';
import { poisonRefusingStore } from './poison-store.js';
import { validateEvent, type AuditEventInput } from '../../src/ledger/record.js';
import { DEFAULT_RETENTION } from '../../src/config.js';

export interface StoreFactory {
  name: string;
  /** A fresh, empty store. */
  create(): Promise<LedgerStore>;
  /** Runs SQL with the append-only guards out of the way (tampering). */
  tamper(store: LedgerStore, sql: string): Promise<void>;
  /** Runs SQL normally (guards active); resolves to the error message or undefined. */
  attempt(store: LedgerStore, sql: string): Promise<string | undefined>;
  /** The files that hold the store's personal data (to read raw), or why they cannot be read. */
  personalDataFiles?(store: LedgerStore): Promise<string[] | string>;
  /** The --db argument (file or URL) that opens the store's ledger again. */
  db(store: LedgerStore): string;
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

/** Appends in separate calls, so each batch has its own (later) time; batch sizes as given. */
async function staged(f: StoreFactory, sizes: number[], every = 8) {
  const ctx = await fresh(f, every);
  let n = 0;
  for (const size of sizes) {
    await ctx.ledger.append(Array.from({ length: size }, (_, i) => event(n + i + 1)));
    n += size;
  }
  const tsOf = async (seq: number): Promise<string> => (JSON.parse((await ctx.store.records(seq, seq))[0]!.body) as { ts: string }).ts;
  const dir = mkdtempSync(join(tmpdir(), 'attest-archive-'));
  return { ...ctx, tsOf, dir };
}

/** Reads an archive file as header + line objects; `write` puts them back. */
function archiveFile(file: string) {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  return {
    header: header!,
    lines,
    bySeq: (seq: number) => lines.find((l) => l['seq'] === seq)!,
    write: (out = file) => writeFileSync(out, [header, ...lines].map((l) => JSON.stringify(l) + '\n').join('')),
  };
}

async function filled(f: StoreFactory, n = 20, every = 8) {
  const ctx = await fresh(f, every);
  await ctx.ledger.append(Array.from({ length: n }, (_, i) => event(i + 1)));
  return ctx;
}

export function ledgerSuite(f: StoreFactory): void {
  const t = (name: string, fn: (ctx: TestContext) => Promise<void>) => test(`${f.name}: ${name}`, { skip: f.skip ?? false }, fn);

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

  t('onAppend publishes committed records in seq order with their personal fields; a throwing listener changes nothing', async () => {
    const { ledger } = await fresh(f);
    const seen: Array<{ seq: number; ip: string | undefined; ts: string }> = [];
    ledger.onAppend(() => {
      throw new Error('a broken listener');
    });
    const off = ledger.onAppend((rs) => {
      for (const r of rs) seen.push({ seq: r.seq, ip: r.event.actor.ip, ts: r.ts });
    });
    await Promise.all([ledger.append([event(1), event(2)]), ledger.append([event(3)])]);
    await assert.rejects(ledger.append([{ ...event(4), outcome: 'maybe' }]));
    assert.deepEqual(seen.map((s) => [s.seq, s.ip]), [[1, '10.0.0.1'], [2, '10.0.0.2'], [3, '10.0.0.3']]);
    const stored = await ledger.query({ order: 'asc' });
    assert.deepEqual(seen.map((s) => s.ts), stored.records.map((r) => r.ts));
    off();
    await ledger.append([event(5)]);
    assert.equal(seen.length, 3, 'an unsubscribed listener hears nothing');
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

  t('metadata keys named like Object.prototype members (__proto__, constructor) are stored as written', async () => {
    const { ledger } = await fresh(f);
    const metadata = JSON.parse('{"__proto__":{"polluted":true},"constructor":"c","toString":1,"nested":{"__proto__":{"token":"t0p"}}}') as Record<string, unknown>;
    await ledger.append([event(1, { metadata })]);
    const [r] = (await ledger.query({})).records;
    assert.equal(JSON.stringify(r!.metadata), '{"__proto__":{"polluted":true},"constructor":"c","nested":{"__proto__":{"token":"[scrubbed]"}},"toString":1}');
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal((await ledger.verify()).ok, true);
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

  t('checkpoints also come by time: with the next append once the period is over, or by a timer when none follows', async () => {
    const keys = DirectoryKeyProvider.open(mkdtempSync(join(tmpdir(), 'attest-keys-')), { create: true });
    const timed = await Ledger.open({ store: await f.create(), keys, checkpointEvery: 1000, checkpointSeconds: 0.2 });
    await timed.append([event(1), event(2), event(3)]);
    assert.equal((await timed.latestCheckpoint())?.size, undefined, 'nothing signed before the period is over');
    await new Promise((r) => setTimeout(r, 450));
    assert.equal((await timed.latestCheckpoint())?.size, 3, 'the timer signed the quiet tail');
    await new Promise((r) => setTimeout(r, 250));
    const r = await timed.append([event(4)]);
    assert.equal(r.checkpoint?.size, 4, 'an append after the period signs with it');
    assert.equal((await timed.verify()).ok, true);
    await timed.close();
  });

  t('close() waits for appends already queued: each is acknowledged before the store closes', async () => {
    const { ledger } = await fresh(f);
    const order: string[] = [];
    const pending = Array.from({ length: 20 }, (_, i) =>
      ledger.append([event(i + 1)]).then((r) => {
        order.push(`ack ${r.first}`);
        return r;
      }),
    );
    await ledger.close();
    order.push('closed');
    const acks = await Promise.all(pending);
    assert.deepEqual(acks.map((a) => a.first).sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
    assert.equal(order.indexOf('closed'), 20, 'every append was acknowledged before close() resolved');
  });

  t('an action prefix spanning several actions pages in seq order, with other filters, both ways', async () => {
    const { ledger } = await fresh(f);
    const actions = ['task.assign', 'task.x.y', 'taskforce.create', 'task.complete', 'task.assign.retry', 'tasks.x', 'agent.execute'];
    const events = Array.from({ length: 70 }, (_, i) => ({
      actor: { id: `u${i % 3}`, type: 'user' as const },
      action: actions[(i * 5) % actions.length]!,
      outcome: 'success' as const,
    }));
    await ledger.append(events);
    const isTask = (a: string) => a.startsWith('task.');
    for (const order of ['asc', 'desc'] as const) {
      for (const actor of [undefined, 'u1']) {
        const expected = events
          .map((e, i) => ({ seq: i + 1, e }))
          .filter(({ e }) => isTask(e.action) && (actor === undefined || e.actor.id === actor))
          .map(({ seq }) => seq);
        if (order === 'desc') expected.reverse();
        const got: number[] = [];
        let cursor: string | undefined;
        do {
          const page = await ledger.query({ action: 'task.*', order, limit: 7, ...(actor ? { actor } : {}), ...(cursor ? { cursor } : {}) });
          got.push(...page.records.map((r) => r.seq));
          cursor = page.nextCursor;
        } while (cursor);
        assert.deepEqual(got, expected, `order ${order}, actor ${actor ?? '(any)'}`);
      }
    }
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
      // flip the first byte (setting it to a constant would leave it unchanged 1 time in 256)
      const flip = (h: string) => (parseInt(h.slice(0, 2), 16) ^ 0xff).toString(16).padStart(2, '0') + h.slice(2);
      const badPath = { ...p, proof: p.proof.map((h, i) => (i === 0 ? flip(h) : h)) };
      if (p.proof.length) assert.equal(verifyInclusionProof(badPath).ok, false);
    }
    const c = await ledger.consistencyProof(20, 21);
    assert.ok(verifyConsistency(20, 21, Buffer.from(c.from.root, 'hex'), Buffer.from(c.to.root, 'hex'), c.proof.map((h) => Buffer.from(h, 'hex'))));
    await ledger.close();
  });

  t('GDPR: personal data sits beside the chain; erasing a subject keeps verification passing and shows the fields as erased', async () => {
    const { ledger, keysDir } = await filled(f, 14);
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
    assert.equal(v.personalData.present, 12); // 14 records with one subject each, 2 of them user-3
    const [erasure] = (await ledger.query({ action: 'ledger.subject.erase' })).records;
    assert.equal(erasure!.target?.id, subjectPseudonym(DirectoryKeyProvider.open(keysDir).activeHmac().key, 'user-3'));
    assert.deepEqual((erasure!.metadata as Record<string, unknown>)['erasure'], { subject_kid: DirectoryKeyProvider.open(keysDir).activeHmac().kid, upto: 14, fields: ['actor.email', 'actor.ip'] });
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

  // ----- archive and retention ------------------------------------------------------------

  t('archive: a prefix moves to a file, the database verifies from the boundary, the archive on its own and joined up', async () => {
    const { ledger, store, tsOf, dir } = await staged(f, [6, 6, 8]);
    const file = join(dir, 'a1.ndjson');
    const r = await ledger.archive({ before: await tsOf(7), out: file });
    assert.deepEqual([r.from, r.to, r.records, r.deleted], [1, 6, 6, 6]);
    assert.equal(r.checkpoint?.size, 6);
    assert.equal(await store.count(), 14);
    assert.deepEqual((await store.archives()).map((a) => [a.fromSeq, a.upto]), [[1, 6]]);
    const a = archiveFile(file);
    assert.equal(a.header['format'], 'attest-archive/v1');
    assert.deepEqual([a.header['from'], a.header['to'], a.lines.length], [1, 6, 6]);
    assert.equal((a.header['checkpoint'] as SignedCheckpoint).size, 6);
    assert.ok(JSON.stringify(a.bySeq(3)['pii']).includes('salt'), 'personal data travels with the archive');
    assert.ok(!existsSync(`${file}.part`) && !existsSync(`${file}.tmp`));

    const v = await ledger.verify();
    assert.equal(v.ok, true, JSON.stringify(v.problems));
    assert.equal(v.archivedUpto, 6);
    assert.equal(v.records, 20);
    assert.equal(v.checkpointsChecked >= 1, true);
    const va = await ledger.verify({ archives: [file] });
    assert.equal(va.ok, true, JSON.stringify(va.problems));
    assert.deepEqual(va.archives?.map((x) => [x.from, x.to, x.records, x.expired, x.ok, x.unchangedSinceArchived]), [[1, 6, 6, 0, true, true]]);
    assert.ok(va.personalData.present > v.personalData.present);

    // nothing more to archive before the same time
    const again = await ledger.archive({ before: await tsOf(7), out: join(dir, 'none.ndjson') });
    assert.equal(again.records, 0);
    assert.match(again.message, /nothing older than/);
    assert.ok(!existsSync(join(dir, 'none.ndjson')));
    await assert.rejects(ledger.archive({ before: '2999-01-01T00:00:00.000000Z', out: file }), /already exists/);

    // the chain goes on; proofs of later records use the boundary, archived ones come from the file
    await ledger.append([event(21), event(22)]);
    const cp = await ledger.checkpoint();
    for (const seq of [7, 8, 9, 15, 16, 22]) assert.deepEqual(verifyInclusionProof(await ledger.inclusionProof(seq), cp.publicKey), { ok: true }, `seq ${seq}`);
    await assert.rejects(ledger.inclusionProof(3), /archived/);
    for (const seq of [1, 3, 6]) assert.deepEqual(verifyInclusionProof(await ledger.archiveInclusionProof(file, seq), cp.publicKey), { ok: true }, `archived seq ${seq}`);
    const c = await ledger.consistencyProof(6, 22);
    assert.ok(verifyConsistency(6, 22, Buffer.from(c.from.root, 'hex'), Buffer.from(c.to.root, 'hex'), c.proof.map((h) => Buffer.from(h, 'hex'))));
    const v2 = await ledger.verify({ archives: [file] });
    assert.equal(v2.ok, true, JSON.stringify(v2.problems));
    assert.equal(v2.records, 22);
    await ledger.close();
  });

  t('archive: a changed or deleted archived record is detected at its seq; a forged boundary in the database too', async () => {
    const { ledger, store, tsOf, dir } = await staged(f, [6, 6, 8]);
    const file = join(dir, 'a1.ndjson');
    await ledger.archive({ before: await tsOf(7), out: file });
    const a = archiveFile(file);
    const rec = a.bySeq(4);
    rec['body'] = (rec['body'] as string).replace('"n":4', '"n":44');
    a.write(join(dir, 'changed.ndjson'));
    let v = await ledger.verify({ archives: [join(dir, 'changed.ndjson')] });
    assert.equal(v.ok, false);
    assert.equal(v.firstBadSeq, 4, JSON.stringify(v.problems));
    assert.equal(v.problems[0]!.kind, 'changed');

    const b = archiveFile(file);
    b.lines.splice(4, 1); // seq 5
    b.write(join(dir, 'deleted.ndjson'));
    v = await ledger.verify({ archives: [join(dir, 'deleted.ndjson')] });
    assert.equal(v.firstBadSeq, 5, JSON.stringify(v.problems));
    assert.equal(v.problems[0]!.kind, 'missing');

    const c = archiveFile(file);
    (c.bySeq(2)['pii'] as { data: string }[])[0]!.data = '{"actor.email":"x@example.com"}';
    c.write(join(dir, 'pii.ndjson'));
    v = await ledger.verify({ archives: [join(dir, 'pii.ndjson')] });
    assert.equal(v.firstBadSeq, 2, JSON.stringify(v.problems));
    assert.equal(v.problems[0]!.kind, 'personal-data');

    assert.equal((await ledger.verify()).ok, true, 'the database alone is unaffected');
    // a database whose boundary was rewritten no longer continues the signed archive
    await f.tamper(store, `UPDATE archives SET file_sha256 = 'forged'`);
    v = await ledger.verify();
    assert.equal(v.ok, false);
    assert.equal(v.firstBadSeq, 7, JSON.stringify(v.problems));
    assert.equal(v.problems[0]!.kind, 'archive-mismatch');
    await ledger.close();
  });

  t('archive: records may be deleted only below the archive boundary; archives are insert-only', async () => {
    const { ledger, store, tsOf, dir } = await staged(f, [10, 10]);
    assert.match((await f.attempt(store, 'DELETE FROM records WHERE seq = 1')) ?? 'allowed', /append-only/);
    await ledger.archive({ before: await tsOf(11), out: join(dir, 'a.ndjson') });
    assert.equal(await store.count(), 10);
    // a copy put back below the boundary may go again; anything above it may not
    assert.equal(await f.attempt(store, 'INSERT INTO records (seq, kid, nonce, hash, body) SELECT 3, kid, nonce, hash, body FROM records WHERE seq = 11'), undefined);
    assert.equal(await f.attempt(store, 'DELETE FROM records WHERE seq = 3'), undefined);
    assert.match((await f.attempt(store, 'DELETE FROM records WHERE seq = 11')) ?? 'allowed', /append-only/);
    assert.match((await f.attempt(store, 'DELETE FROM records WHERE seq >= 10')) ?? 'allowed', /append-only/);
    assert.match((await f.attempt(store, 'UPDATE records SET kid = kid WHERE seq = 12')) ?? 'allowed', /append-only/);
    assert.match((await f.attempt(store, 'DELETE FROM archives')) ?? 'allowed', /append-only|insert-only/);
    assert.match((await f.attempt(store, 'UPDATE archives SET upto = 20')) ?? 'allowed', /append-only|insert-only/);
    assert.equal(await store.count(), 10);
    const v = await ledger.verify();
    assert.equal(v.ok, true, JSON.stringify(v.problems));
    await ledger.close();
  });

  t('retention: expired archived records become tombstones; the archive still verifies and reports them as expired', async () => {
    const { ledger, tsOf, dir } = await staged(f, [10, 5]);
    const file = join(dir, 'a.ndjson');
    await ledger.archive({ before: await tsOf(11), out: file });
    const t0 = Date.parse(archiveFile(file).header['createdAt'] as string);
    // 400 days on: auth and access (1y) have expired, the rest (7y) not
    const r = await ledger.applyRetention(file, { policies: DEFAULT_RETENTION, now: t0 + 400 * 86_400_000 });
    assert.deepEqual([r.expired, r.alreadyExpired, r.kept], [4, 0, 6]);
    assert.deepEqual(r.byCategory, { auth: 2, access: 2 });
    const a = archiveFile(file);
    const t2 = a.bySeq(2);
    assert.equal(t2['body'], undefined);
    assert.equal(t2['pii'], undefined);
    assert.deepEqual((t2['expired'] as { category: string; retention: string }).category, 'auth');
    assert.match(t2['leaf'] as string, /^[0-9a-f]{64}$/);
    assert.ok(!existsSync(`${file}.tmp`));
    let v = await ledger.verify({ archives: [file] });
    assert.equal(v.ok, true, JSON.stringify(v.problems));
    assert.equal(v.expired, 4);
    assert.deepEqual(v.archives?.map((x) => [x.records, x.expired, x.unchangedSinceArchived]), [[6, 4, false]]);
    await assert.rejects(ledger.archiveInclusionProof(file, 2), /expired/);
    assert.equal(verifyInclusionProof(await ledger.archiveInclusionProof(file, 4)).ok, true);
    // applying again changes nothing; eight years on everything has expired and still verifies
    const again = await ledger.applyRetention(file, { policies: DEFAULT_RETENTION, now: t0 + 400 * 86_400_000 });
    assert.deepEqual([again.expired, again.alreadyExpired, again.kept], [0, 4, 6]);
    await ledger.applyRetention(file, { policies: DEFAULT_RETENTION, now: t0 + 8 * 366 * 86_400_000 });
    v = await ledger.verify({ archives: [file] });
    assert.equal(v.ok, true, JSON.stringify(v.problems));
    assert.equal(v.expired, 10);
    // a tombstone's leaf cannot be changed unnoticed
    const b = archiveFile(file);
    b.bySeq(3)['leaf'] = 'ab'.repeat(32);
    b.write(join(dir, 'bad-leaf.ndjson'));
    v = await ledger.verify({ archives: [join(dir, 'bad-leaf.ndjson')] });
    assert.equal(v.ok, false);
    assert.equal(v.problems[0]!.kind, 'checkpoint-mismatch');
    // a tampered archive is not rewritten
    await assert.rejects(ledger.applyRetention(join(dir, 'bad-leaf.ndjson'), { policies: { '*': '1d' } }), /does not verify/);
    await ledger.close();
  });

  t('archive: consecutive archives join up; a missing middle archive is detected', async () => {
    const { ledger, tsOf, dir } = await staged(f, [5, 5, 5, 5]);
    const files = [join(dir, 'a1.ndjson'), join(dir, 'a2.ndjson'), join(dir, 'a3.ndjson')];
    const cut = [await tsOf(6), await tsOf(11), await tsOf(16)];
    for (let i = 0; i < 3; i++) {
      const r = await ledger.archive({ before: cut[i]!, out: files[i]! });
      assert.deepEqual([r.from, r.to], [5 * i + 1, 5 * i + 5]);
    }
    let v = await ledger.verify();
    assert.equal(v.ok, true, JSON.stringify(v.problems));
    assert.equal(v.archivedUpto, 15);
    v = await ledger.verify({ archives: [files[2]!, files[0]!, files[1]!] });
    assert.equal(v.ok, true, JSON.stringify(v.problems));
    assert.deepEqual(v.archives?.map((a) => [a.from, a.to]), [[1, 5], [6, 10], [11, 15]]);
    v = await ledger.verify({ archives: [files[0]!, files[2]!] });
    assert.equal(v.ok, false);
    assert.equal(v.firstBadSeq, 6, JSON.stringify(v.problems));
    assert.equal(v.problems[0]!.kind, 'archive-gap');
    // an archive of another ledger, or not registered here, does not pass for one of ours
    const other = await staged(f, [5, 5]);
    const foreign = join(other.dir, 'x.ndjson');
    await other.ledger.archive({ before: await other.tsOf(6), out: foreign });
    v = await ledger.verify({ archives: [foreign] });
    assert.equal(v.ok, false);
    assert.equal(v.problems[0]!.kind, 'archive-mismatch');
    await other.ledger.close();
    await ledger.close();
  });

  t('erase-subject also removes the personal data held in archives; everything still verifies', async () => {
    const { ledger, tsOf, dir } = await staged(f, [10, 10]);
    const file = join(dir, 'a.ndjson');
    await ledger.archive({ before: await tsOf(11), out: file });
    assert.ok(readFileSync(file, 'utf8').includes('u3@example.com'));
    const r = await ledger.eraseSubject('user-3', { id: 'dpo', type: 'user' }, 'GDPR-9', [file]);
    assert.deepEqual([r.erased, r.archived], [1, 2]); // user-3: records 3 and 10 archived, 17 in the database
    assert.ok(!readFileSync(file, 'utf8').includes('u3@example.com'));
    const v = await ledger.verify({ archives: [file] });
    assert.equal(v.ok, true, JSON.stringify(v.problems));
    assert.equal(v.personalData.erased, 3);
    const [erasure] = (await ledger.query({ action: 'ledger.subject.erase' })).records;
    assert.deepEqual([(erasure!.metadata as Record<string, unknown>)['personal_data_rows_deleted'], (erasure!.metadata as Record<string, unknown>)['archive_files']], [1, 1]);
    await ledger.close();
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

  t('signing key rotation: recorded in the ledger; checkpoints, proofs and archives signed by the old key still verify with its published public key', async () => {
    const { ledger, keysDir } = await filled(f, 6, 100);
    const kept = await ledger.checkpoint();
    const before = ledger.keys.signing().kid;
    const r = await ledger.rotateKey('signing', { id: 'sec-officer', type: 'user' }, 'monthly rotation');
    assert.equal(r.previous, before);
    assert.notEqual(r.key, before);
    assert.deepEqual([r.sealed?.size, r.sealed?.keyId, r.record, r.opened?.size, r.opened?.keyId], [6, before, 7, 7, r.key]);
    const [rec] = (await ledger.query({ action: 'ledger.key.rotate', limit: 5 })).records;
    assert.deepEqual([rec!.actor.id, rec!.target, rec!.metadata], ['sec-officer', { type: 'checkpoint-signing-key', id: r.key }, { kind: 'signing', previous: before, key: r.key, sealed_at_size: 6, reason: 'monthly rotation' }]);
    assert.deepEqual(await ledger.lastRotation('signing'), { time: rec!.ts, key: r.key });
    assert.equal(await ledger.lastRotation('hmac'), undefined);
    // The old private key is gone; its public key stays, and old checkpoints carry it.
    assert.equal(existsSync(join(keysDir, `signing-${before}.pem`)), false);
    assert.ok(existsSync(join(keysDir, `signing-${before}.pub.pem`)));
    await ledger.append([event(8), event(9)]);
    const v = await ledger.verify({ checkpoint: kept });
    assert.equal(v.ok, true, JSON.stringify(v.problems));
    const old = await ledger.inclusionProof(3, 6);
    assert.equal(old.checkpoint.keyId, before);
    assert.deepEqual(verifyInclusionProof(old, readFileSync(join(keysDir, `signing-${before}.pub.pem`), 'utf8')), { ok: true });
    const c = await ledger.consistencyProof(6, (await ledger.checkpoint()).size);
    assert.deepEqual(verifyConsistencyProof(c, undefined, kept), { ok: true });
    // Reopened with the rotated folder: the ledger is still its own (the old key id is known).
    await ledger.close();
    const again = await openLedger({ db: f.db(ledger.store), keysDir });
    assert.equal((await again.verify()).ok, true);
    // HMAC rotation is recorded too, the record chained with the new key; nobody else may write such a record.
    const h = await again.rotateKey('hmac', { id: 'sec-officer', type: 'user' });
    const [hr] = (await again.query({ action: 'ledger.key.rotate', targetType: 'hmac-key', limit: 1 })).records;
    assert.equal(hr!.kid, h.key);
    await assert.rejects(again.append([{ ...event(1), action: 'ledger.key.rotate' }]), /written only by the rotation itself/);
    assert.equal((await again.verify()).ok, true);
    await again.close();
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

  // ---------------------------------------------------------------------------
  // Erasure that erases (issue 10): missing personal data needs a signed erasure record
  // that covers it, and erased values leave the database files.

  t('erasure: personal data deleted directly, with no erasure record, fails verification at its seq', async () => {
    const { ledger, store } = await filled(f, 14);
    await f.tamper(store, 'DELETE FROM pii WHERE seq = 5');
    const v = await ledger.verify();
    assert.deepEqual([v.ok, v.firstBadSeq, v.personalData.erased], [false, 5, 1]);
    assert.deepEqual(v.problems, [
      { seq: 5, kind: 'personal-data', message: 'record 5: the personal data of subject user-5 is missing and no erasure record covers it (deleted outside erase-subject)' },
    ]);
    await ledger.close();
  });

  t('erasure: an erasure record covers its subject up to the head when it was written, not later records nor other subjects', async () => {
    const { ledger, store } = await filled(f, 14);
    const res = await ledger.eraseSubject('user-3', { id: 'dpo', type: 'user' }, 'GDPR-11');
    assert.deepEqual([res.erased, res.record], [2, 15]);
    await ledger.append([event(17), event(18)]); // seq 16: user-3 again, seq 17: user-4
    assert.equal((await ledger.verify()).ok, true);
    await f.tamper(store, 'DELETE FROM pii WHERE seq IN (16, 17)');
    const v = await ledger.verify();
    assert.deepEqual([v.ok, v.firstBadSeq, v.problems.map((p) => p.message)], [
      false,
      16,
      ['record 16: the personal data of subject user-3 is missing and no erasure record covers it (deleted outside erase-subject)'],
    ]);
    // The erasure record does not carry the subject in clear.
    const erasure = (await store.records(15, 15))[0]!.body;
    assert.equal(erasure.includes('user-3'), false, erasure);
    await ledger.close();
  });

  t('erasure: an erasure recorded before the keyed pseudonym (subject in clear, after the deletion) still verifies', async () => {
    const { ledger, store } = await filled(f, 14);
    await f.tamper(store, "DELETE FROM pii WHERE subject = 'user-3'");
    // As an earlier version wrote it (append now refuses the action: see the next test).
    const legacy = validateEvent({ actor: { id: 'dpo', type: 'user' }, action: 'ledger.subject.erase', target: { type: 'subject', id: 'user-3' }, outcome: 'success', metadata: { personal_data_rows_deleted: 2 } });
    await (ledger as unknown as { appendValid(e: AuditEventInput[]): Promise<unknown> }).appendValid([legacy]);
    const v = await ledger.verify();
    assert.deepEqual([v.ok, v.personalData.erased, v.problems], [true, 2, []]);
    await ledger.close();
  });

  t('erasure: an appender cannot write an erasure record, which would let personal data deleted by hand pass verification', async () => {
    const { ledger, store } = await filled(f, 14);
    const forged = { actor: { id: 'mallory', type: 'user' as const }, action: 'ledger.subject.erase', target: { type: 'subject', id: 'user-3' }, outcome: 'success' as const };
    await assert.rejects(ledger.append([event(15), forged]), {
      name: 'LedgerValidationError',
      message: 'record 2: action: ledger.subject.erase is written only by erase-subject, which deletes the data it names; report the erasure with another action',
    });
    assert.equal(await store.count(), 14, 'nothing was written');
    await f.tamper(store, "DELETE FROM pii WHERE subject = 'user-3'");
    assert.deepEqual((await ledger.verify()).problems.map((p) => p.seq), [3]);
    await ledger.close();
  });

  t('erasure: the erased email, name and IP are nowhere in the database files afterwards', async (ctx) => {
    const { ledger, store } = await fresh(f);
    const email = 'zq-erasure-probe@example.org';
    const name = 'Zebulon Quartermaine-Erasureprobe';
    const ip = '198.51.100.213';
    const probe = (i: number) => event(i, { actor: { id: 'subject-zq', type: 'user', email, name, ip, user_agent: 'ProbeAgent/9' }, target: { type: 'user', id: 'subject-zq', name } });
    // Interleaved with other records over several transactions, so pages split and move.
    for (let b = 0; b < 20; b++) await ledger.append(Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? probe(b * 50 + i) : event(b * 50 + i))));
    // The files are looked up again after the erasure (a rewrite may move the data to new
    // files); the old ones are read too.
    const files = new Set<string>();
    const copies = async () => {
      const now = await f.personalDataFiles?.(store);
      if (now === undefined || typeof now === 'string') return now ?? 'the store does not name its files';
      for (const file of now) files.add(file);
      const found: string[] = [];
      for (const file of files) {
        if (!existsSync(file)) continue;
        const bytes = readFileSync(file);
        for (const v of [email, name, ip]) if (bytes.includes(v)) found.push(`${file}: ${v}`);
      }
      return found;
    };
    const before = await copies();
    if (typeof before === 'string') {
      await ledger.close();
      return ctx.skip(before);
    }
    assert.deepEqual(
      [email, name, ip].filter((v) => !before.some((hit) => hit.endsWith(`: ${v}`))),
      [],
      'each probe value is in the files before the erasure',
    );
    const res = await ledger.eraseSubject('subject-zq', { id: 'dpo', type: 'user' }, 'GDPR-12');
    assert.equal(res.erased, 200);
    assert.deepEqual(await copies(), []);
    assert.equal((await ledger.verify()).ok, true);
    await ledger.close();
  });

  // -------------------------------------------------------------------------
  // Poison events: what one caller sends must never cost another caller its records.

  t('metadata nested 1,000 deep (arrays) or 5,000 deep (objects) is refused naming the path and the limit; concurrent callers are written', async () => {
    const { ledger, store } = await fresh(f);
    let arrays: unknown = 1;
    for (let i = 0; i < 1000; i++) arrays = [arrays];
    let objects: unknown = 1;
    for (let i = 0; i < 5000; i++) objects = { a: objects };
    const denied = (i: number) => event(i, { action: 'access.denied', outcome: 'denied' });
    const results = await Promise.allSettled([
      ledger.append([event(1)]),
      ledger.append([event(2, { metadata: { x: arrays } })]),
      ledger.append([denied(3)]),
      ledger.append([event(4, { metadata: objects as Record<string, unknown> })]),
      ledger.append([event(5), denied(6)]),
    ]);
    assert.deepEqual(
      results.map((r) => (r.status === 'fulfilled' ? r.value.count : (r.reason as Error).message)),
      [
        1,
        `metadata.x${'[0]'.repeat(31)}: nests deeper than 32 levels (the limit for metadata); flatten it or put the detail in a string`,
        1,
        `metadata${'.a'.repeat(32)}: nests deeper than 32 levels (the limit for metadata); flatten it or put the detail in a string`,
        2,
      ],
    );
    assert.equal((results[1] as PromiseRejectedResult).reason.field, `metadata.x${'[0]'.repeat(31)}`);
    assert.equal(await store.count(), 4);
    assert.deepEqual((await ledger.query({ action: 'access.denied', order: 'asc' })).records.map((r) => r.request_id), ['req-3', 'req-6']);
    const v = await ledger.verify();
    assert.equal(v.ok, true, JSON.stringify(v.problems));
    assert.equal(v.records, 4);
    // The deepest metadata the limit lets through is written and read back whole.
    let deepest: unknown = 'end';
    for (let i = 0; i < 31; i++) deepest = [deepest];
    const r = await ledger.append([event(7, { metadata: { x: deepest } })]);
    assert.deepEqual((await ledger.query({ order: 'desc', limit: 1 })).records[0]!.metadata, { x: deepest });
    assert.equal(r.first, 5);
    await ledger.close();
  });

  t('metadata limits: member count, key length, and strings no store can hold are refused naming the path', async () => {
    const { ledger, store } = await fresh(f);
    const many = { k: Array.from({ length: 5001 }, () => [0]) };
    const cases: [Record<string, unknown>, string][] = [
      [many, 'metadata.k[4999][0]: metadata holds more than 10000 members (object keys and array elements, counted at every level); trim it or spread it over several events'],
      [{ list: Array.from({ length: 10_001 }, () => 0) }, 'metadata.list[9999]: metadata holds more than 10000 members (object keys and array elements, counted at every level); trim it or spread it over several events'],
      [{ a: { ['k'.repeat(257)]: 1 } }, 'metadata.a: has a key longer than 256 characters; shorten the key (long text belongs in a value)'],
      [{ a: ['ok', 'nul\u0000here'] }, 'metadata.a[1]: contains U+0000 or an unpaired surrogate (\\ud800-\\udfff), which PostgreSQL cannot store as JSON; remove it or encode the value (base64, say)'],
      [{ b: { 'half\ud800': true } }, 'metadata.b: has a key that contains U+0000 or an unpaired surrogate (\\ud800-\\udfff), which PostgreSQL cannot store as JSON; remove it or encode the value (base64, say)'],
      [{ 'odd key': { x: '\udc00' } }, 'metadata["odd key"].x: contains U+0000 or an unpaired surrogate (\\ud800-\\udfff), which PostgreSQL cannot store as JSON; remove it or encode the value (base64, say)'],
    ];
    for (const [metadata, message] of cases) {
      await assert.rejects(ledger.append([event(1, { metadata })]), (e: Error) => {
        assert.equal(e.message, message);
        return true;
      });
    }
    await assert.rejects(ledger.append([event(1, { actor: { id: 'u\ud800', type: 'user' } })]), { message: 'actor.id: contains an unpaired surrogate (\\ud800-\\udfff), which is not text; send it as valid UTF-16' });
    // Paired surrogates (an emoji) are text like any other.
    await ledger.append([event(1, { metadata: { note: 'ok \ud83d\ude00', many: Array.from({ length: 9_998 }, () => 0) } })]);
    assert.equal(await store.count(), 1);
    assert.equal((await ledger.verify()).ok, true);
    await ledger.close();
  });

  t('a store failure in a group commit fails only the caller whose events caused it; every other caller is written and acknowledged', async () => {
    const keys = DirectoryKeyProvider.open(mkdtempSync(join(tmpdir(), 'attest-keys-')), { create: true });
    const real = await f.create();
    const writes: number[] = [];
    // Fault injection: the store refuses, inside its transaction, any batch holding a poison record.
    const store = poisonRefusingStore(real, writes);
    const ledger = await Ledger.open({ store, keys, checkpointEvery: 4 });
    await ledger.append([event(1)]);
    const poison = event(0, { metadata: { poison: true } });
    const calls = [
      [event(2), event(3)],
      [event(4, { action: 'access.denied', outcome: 'denied' })],
      [event(5), poison, event(6)],
      [event(7)],
      [event(8, { action: 'access.denied', outcome: 'denied' }), event(9)],
    ];
    writes.length = 0;
    const results = await Promise.allSettled(calls.map((c) => ledger.append(c)));
    assert.deepEqual(writes, [9, 3, 6, 3, 3], 'one merged group, then halves until the refused caller is alone');
    assert.deepEqual(
      results.map((r) => (r.status === 'fulfilled' ? [r.value.first, r.value.last] : (r.reason as Error).message)),
      [[2, 3], [4, 4], 'store refused the batch (injected fault)', [5, 5], [6, 7]],
    );
    const written = (await ledger.query({ order: 'asc' })).records.map((r) => r.request_id);
    assert.deepEqual(written, ['req-1', 'req-2', 'req-3', 'req-4', 'req-7', 'req-8', 'req-9']);
    const v = await ledger.verify();
    assert.equal(v.ok, true, JSON.stringify(v.problems));
    assert.equal(v.records, 7);
    // A caller alone in its group is not retried: its error comes straight back.
    writes.length = 0;
    await assert.rejects(ledger.append([poison]), /injected fault/);
    assert.deepEqual(writes, [1]);
    await ledger.close();
  });

  t('a store-wide failure in a group commit (busy, out of space, unreachable) is every caller\'s at once: the halves are not retried', async () => {
    const keys = DirectoryKeyProvider.open(mkdtempSync(join(tmpdir(), 'attest-keys-')), { create: true });
    const writes: number[] = [];
    const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const ledger = await Ledger.open({ store: poisonRefusingStore(await f.create(), writes, busy), keys });
    await ledger.append([event(1)]);
    const poison = (i: number) => event(i, { metadata: { poison: true } });
    writes.length = 0;
    const results = await Promise.allSettled([[poison(2), event(3)], [poison(4)], [poison(5)], [poison(6)], [event(7), poison(8)]].map((c) => ledger.append(c)));
    assert.deepEqual(writes, [7], 'one attempt for the whole group');
    assert.deepEqual(results.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : r.status)), Array(5).fill('database is locked'));
    assert.equal((await ledger.append([event(9)])).first, 2);
    await ledger.close();
  });

  // -------------------------------------------------------------------------
  // Keys that did not chain the ledger

  t('a ledger with records refuses keys that do not hold the key id of its head record', async () => {
    const { ledger, store } = await filled(f, 5);
    const head = (await store.records(5, 5))[0]!;
    const otherDir = mkdtempSync(join(tmpdir(), 'attest-keys-'));
    const other = DirectoryKeyProvider.open(otherDir, { create: true });
    await assert.rejects(Ledger.open({ store, keys: other }), {
      name: 'KeyError',
      message: `the ledger at ${store.location} has 5 records chained with key id ${head.kid}, which is not in key directory ${otherDir}. Point --keys (or ATTEST_LEDGER_KEYS) at the keys this ledger was written with; new keys cannot continue its chain.`,
    });
    assert.equal(await store.count(), 5);
    assert.equal((await ledger.verify()).ok, true);
    await ledger.close();
  });

  t('a ledger whose records are all archived refuses keys whose checkpoint key did not sign it', async () => {
    const { ledger, store } = await filled(f, 4);
    const dir = mkdtempSync(join(tmpdir(), 'attest-archive-'));
    const r = await ledger.archive({ before: '2999-01-01', out: join(dir, 'all.ndjson') });
    assert.deepEqual([r.from, r.to, await store.count()], [1, 4, 0]);
    const signer = ledger.keys.signing().kid;
    const otherDir = mkdtempSync(join(tmpdir(), 'attest-keys-'));
    await assert.rejects(Ledger.open({ store, keys: DirectoryKeyProvider.open(otherDir, { create: true }) }), {
      name: 'KeyError',
      message: `the ledger at ${store.location} has 4 records, all archived, the latest checkpoint signed with key id ${signer}, which is not in key directory ${otherDir}. Point --keys (or ATTEST_LEDGER_KEYS) at the keys this ledger was written with; new keys cannot continue its chain.`,
    });
    const again = await Ledger.open({ store, keys: ledger.keys });
    assert.equal((await again.append([event(5)])).first, 5);
    assert.equal((await again.verify({ archives: [join(dir, 'all.ndjson')] })).ok, true);
    await ledger.close();
  });

  t('opening a ledger that has records with a keys folder that does not exist creates no keys and is refused', async () => {
    const { ledger, store } = await filled(f, 3);
    const kid = (await store.records(3, 3))[0]!.kid;
    const missing = join(mkdtempSync(join(tmpdir(), 'attest-keys-')), 'new-keys');
    await assert.rejects(openLedger({ db: f.db(store), keysDir: missing, createKeys: true }), {
      name: 'KeyError',
      message: `${missing} holds no ledger keys (keyring.json missing), but the ledger at ${store.location} has 3 records chained with key id ${kid}: refusing to create new keys for it. Point --keys (or ATTEST_LEDGER_KEYS) at the keys this ledger was written with.`,
    });
    assert.equal(existsSync(missing), false, 'no keys were created');
    // An empty ledger still gets its keys created on first use.
    const emptyStore = await f.create();
    const fresh = await openLedger({ db: f.db(emptyStore), keysDir: missing, createKeys: true });
    await emptyStore.close();
    assert.equal(existsSync(join(missing, 'keyring.json')), true);
    assert.deepEqual((await fresh.append([event(1)])).first, 1);
    await fresh.close();
    await ledger.close();
  });
}

/** A second handle on the same store's data (another "process"). */
async function reopen(f: StoreFactory, s: LedgerStore): Promise<LedgerStore> {
  void f;
  return s;
}
