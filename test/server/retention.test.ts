/**
 * Retention on a schedule: one run (archive what is old enough, apply the policy to every
 * archive file, record the run), the service's scheduler driven with a short interval, the
 * configuration and its defaults, and ATTEST-SVC-AUDIT-006 saying when retention last ran —
 * failing when it failed or stopped.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, defaultRetentionSchedule, loadConfig, type LedgerConfig } from '../../src/config.js';
import { openLedger } from '../../src/ledger/open.js';
import type { Ledger } from '../../src/ledger/ledger.js';
import { latestRecordedRun, RETENTION_RUN_ACTION, runRetention } from '../../src/ledger/retention-run.js';
import { RetentionScheduler, type RetentionState } from '../../src/server/retention-scheduler.js';
import { assessService } from '../../src/server/self-assessment.js';
import { runLedger } from '../../src/cli/ledger.js';
import { bearer, testServer, type TestServer } from './helpers.js';

const DAY = 86_400_000;
const POLICY = { auth: '1y', '*': '7y' };
const opened: Ledger[] = [];
const servers: TestServer[] = [];
after(async () => {
  for (const l of opened.splice(0)) await l.close();
  for (const s of servers.splice(0)) await s.close();
});

async function ledgerWith(events: number): Promise<{ ledger: Ledger; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'attest-retention-'));
  const ledger = await openLedger({ db: join(dir, 'ledger.db'), keysDir: join(dir, 'keys'), createKeys: true });
  opened.push(ledger);
  const evs = Array.from({ length: events }, (_, i) => ({ actor: { id: `user-${i}`, type: 'user', email: `u${i}@example.com` }, action: i % 2 ? 'task.run' : 'auth.login', outcome: 'success' }));
  if (evs.length) await ledger.append(evs);
  return { ledger, dir };
}

const ledgerConfig = (dir: string, schedule: Partial<NonNullable<LedgerConfig['retentionSchedule']>> = {}): LedgerConfig => ({
  db: join(dir, 'ledger.db'),
  keys: join(dir, 'keys'),
  checkpointEvery: 1000,
  synchronous: 'full',
  retention: POLICY,
  retentionSchedule: { every: '1d', runner: 'service', archiveDir: join(dir, 'archive'), archiveOlderThan: '1y', ...schedule },
});

test('a run archives what is older than the archive age, expires archived records past their retention, records itself, and the ledger still verifies', async () => {
  const { ledger, dir } = await ledgerWith(6); // 3 auth.login, 3 task.run, all written now
  const archiveDir = join(dir, 'archive');
  // 400 days from now: every record is older than a year (archived), the auth ones past their 1-year retention.
  const later = Date.now() + 400 * DAY;
  const out = await runRetention(ledger, { policies: POLICY, archiveDir, archiveOlderThanMs: 365 * DAY }, { id: 'tester', type: 'system' }, later);
  assert.equal(out.ok, true, out.error);
  assert.deepEqual([out.archived?.from, out.archived?.to, out.archived?.records], [1, 6, 6]);
  assert.deepEqual(out.retention.map((r) => [r.file, r.expired, r.kept, r.alreadyExpired]), [[out.archived!.file, 3, 3, 0]]);
  assert.equal(out.message, `archived records 1..6 to ${out.archived!.file}; 3 archived records expired now in 1 archive file`);
  const [rec] = (await ledger.query({ action: RETENTION_RUN_ACTION, limit: 1 })).records;
  assert.equal(rec!.seq, out.record);
  assert.deepEqual([rec!.outcome, rec!.actor.id, rec!.target], ['success', 'tester', { type: 'ledger', id: ledger.ledgerId }]);
  assert.deepEqual((rec!.metadata!['archived'] as { records: number }).records, 6);
  const file = join(archiveDir, out.archived!.file);
  const v = await ledger.verify({ archives: [file] });
  assert.equal(v.ok, true, JSON.stringify(v.problems));
  assert.equal(v.expired, 3);
  // Read back as the self-assessment reads it.
  const last = await latestRecordedRun(ledger);
  assert.deepEqual([last?.seq, last?.ok, last?.by], [out.record, true, 'tester']);
  assert.match(last!.message, /^archived records 1\.\.6 to attest-archive-.*; 3 archived records expired$/);
  // The next run: the first run's record is old enough by then too; the archive already expired is left as it is.
  const again = await runRetention(ledger, { policies: POLICY, archiveDir, archiveOlderThanMs: 365 * DAY }, { id: 'tester', type: 'system' }, later + 60_000);
  assert.equal(again.ok, true, again.error);
  assert.deepEqual([again.archived?.from, again.archived?.to], [7, 7]);
  assert.equal(readdirSync(archiveDir).length, 2);
  assert.deepEqual(again.retention.map((r) => [r.expired, r.alreadyExpired]), [[0, 3], [0, 0]]);
  assert.equal((await ledger.verify({ archives: readdirSync(archiveDir).sort().map((f) => join(archiveDir, f)) })).ok, true);
});

test('a run with nothing old enough archives nothing and still records a successful run', async () => {
  const { ledger, dir } = await ledgerWith(2);
  const out = await runRetention(ledger, { policies: POLICY, archiveDir: join(dir, 'archive'), archiveOlderThanMs: 365 * DAY }, { id: 'tester', type: 'system' });
  assert.deepEqual([out.ok, out.archived, out.retention], [true, null, []]);
  assert.equal(out.message, 'nothing old enough to archive; 0 archived records expired now in 0 archive files');
  assert.equal((await ledger.store.count()), 3);
});

test('a run that cannot archive fails, says why in its record, writes no file and deletes nothing', async () => {
  const { ledger, dir } = await ledgerWith(4);
  const noDir = await runRetention(ledger, { policies: POLICY, archiveDir: undefined, archiveOlderThanMs: 0 }, { id: 'tester', type: 'system' });
  assert.equal(noDir.ok, false);
  assert.match(noDir.error!, /no archive directory is configured \(ledger\.retentionSchedule\.archiveDir\)/);
  const why = 'archiving on this database runs as the schema owner (test)';
  ledger.store.archiveRefusal = async () => why;
  const archiveDir = join(dir, 'archive');
  const refused = await runRetention(ledger, { policies: POLICY, archiveDir, archiveOlderThanMs: 0 }, { id: 'tester', type: 'system' }, Date.now() + DAY);
  assert.equal(refused.ok, false);
  assert.equal(refused.error, `archiving failed: ${why}`);
  assert.deepEqual(readdirSync(archiveDir), []);
  assert.equal(await ledger.store.count(), 6, 'four events and two run records, nothing deleted');
  const runs = (await ledger.query({ action: RETENTION_RUN_ACTION, order: 'asc' })).records;
  assert.deepEqual(runs.map((r) => [r.outcome, r.metadata!['error']]), [['error', noDir.error], ['error', refused.error]]);
  const last = await latestRecordedRun(ledger);
  assert.deepEqual([last?.ok, last?.message], [false, `failed: ${refused.error}`]);
  // A bad policy is a failed run too, not a silent one.
  const bad = await runRetention(ledger, { policies: { auth: 'soon' }, archiveDir, archiveOlderThanMs: 0 }, { id: 'tester', type: 'system' });
  assert.equal(bad.ok, false);
  assert.match(bad.error!, /retention policy does not parse/);
});

test('the scheduler runs on its interval, reads each run back from the ledger, and stops on close', async () => {
  const { ledger, dir } = await ledgerWith(3);
  let changes = 0;
  const sched = new RetentionScheduler({ ledger, config: ledgerConfig(dir), intervalMs: 40, startDelayMs: 0, onChange: () => changes++ });
  assert.equal(sched.state.intervalMs, 40);
  await sched.start();
  const deadline = Date.now() + 5000;
  let runs = 0;
  while (runs < 3 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    runs = (await ledger.query({ action: RETENTION_RUN_ACTION, limit: 10 })).records.length;
  }
  await sched.close();
  assert.ok(runs >= 3, `three runs in 5 s at a 40 ms interval (got ${runs})`);
  const [latest] = (await ledger.query({ action: RETENTION_RUN_ACTION, limit: 1 })).records;
  assert.equal(sched.state.lastRun?.seq, latest!.seq);
  assert.equal(sched.state.lastRun?.ok, true);
  assert.equal(sched.state.lastRun?.by, 'attest-serve');
  assert.ok(changes > 0, 'the report is told');
  const after = (await ledger.query({ action: RETENTION_RUN_ACTION, limit: 100 })).records.length;
  await new Promise((r) => setTimeout(r, 150));
  assert.equal((await ledger.query({ action: RETENTION_RUN_ACTION, limit: 100 })).records.length, after, 'no run after close');
});

test('the scheduler waits for the interval after the latest recorded run, by anyone; runner "external" only watches', async () => {
  const { ledger, dir } = await ledgerWith(1);
  let clock = Date.now();
  const external = await runRetention(ledger, { policies: POLICY, archiveDir: join(dir, 'archive'), archiveOlderThanMs: 365 * DAY }, { id: 'attest-cli', type: 'system' }, clock);
  const sched = new RetentionScheduler({ ledger, config: ledgerConfig(dir), now: () => clock });
  await sched.start();
  try {
    assert.equal(sched.state.lastRun?.seq, external.record);
    assert.equal(sched.state.lastRun?.by, 'attest-cli');
    // The next run is due a day after the CLI's, not at start-up.
    assert.equal(Date.parse(sched.state.nextRunAt!) - Date.parse(sched.state.lastRun!.at) >= DAY - 1000, true, sched.state.nextRunAt);
  } finally {
    await sched.close();
  }
  const watcher = new RetentionScheduler({ ledger, config: ledgerConfig(dir, { runner: 'external' }), now: () => clock, pollMs: 10 });
  await watcher.start();
  try {
    assert.equal(watcher.state.nextRunAt, undefined, 'an external runner is not scheduled here');
    clock += 1000;
    const later = await runRetention(ledger, { policies: POLICY, archiveDir: join(dir, 'archive'), archiveOlderThanMs: 365 * DAY }, { id: 'cron', type: 'system' }, clock);
    const deadline = Date.now() + 3000;
    while (watcher.state.lastRun?.seq !== later.record && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.equal(watcher.state.lastRun?.by, 'cron', 'the watcher saw the external run');
    assert.equal((await ledger.query({ action: RETENTION_RUN_ACTION, limit: 10 })).records.filter((r) => r.actor.id === 'attest-serve').length, 0, 'it never ran one itself');
  } finally {
    await watcher.close();
  }
});

test('a run the ledger refuses to record is retried after a pause, not in a tight loop, and the state says so', async () => {
  const { ledger, dir } = await ledgerWith(1);
  const append = ledger.append.bind(ledger);
  let attempts = 0;
  let refuse = true;
  ledger.append = async (events, opts) => {
    if (refuse && events.some((e) => (e as { action?: string }).action === RETENTION_RUN_ACTION)) {
      attempts++;
      throw new Error('disk full');
    }
    return append(events, opts);
  };
  const errors: string[] = [];
  const sched = new RetentionScheduler({ ledger, config: ledgerConfig(dir), startDelayMs: 0, retryMs: 200 });
  try {
    await sched.start({ info: () => undefined, error: (_o, m) => errors.push(m) });
    await new Promise((r) => setTimeout(r, 300));
    // The first try at once, the second after 200 ms; a tight loop makes hundreds.
    assert.ok(attempts >= 1 && attempts <= 3, `tries in 300 ms with a 200 ms pause: ${attempts}`);
    assert.match(sched.state.unrecorded?.message ?? '', /could not be recorded in the ledger: disk full/);
    assert.ok(Date.parse(sched.state.nextRunAt!) >= Date.parse(sched.state.unrecorded!.at) + 200, sched.state.nextRunAt);
    assert.equal(errors.length, attempts);
    // Once the ledger accepts the record again, the next try runs and is recorded.
    refuse = false;
    const deadline = Date.now() + 3000;
    while (!sched.state.lastRun && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(sched.state.lastRun?.ok, true);
    assert.equal(sched.state.unrecorded, undefined);
  } finally {
    await sched.close();
  }
});

test('with nowhere to archive the service schedules nothing (each run could only fail), and says so', async () => {
  const { ledger, dir } = await ledgerWith(1);
  const { archiveDir: _a, ...schedule } = ledgerConfig(dir).retentionSchedule!;
  const errors: string[] = [];
  const sched = new RetentionScheduler({ ledger, config: { ...ledgerConfig(dir), retentionSchedule: schedule }, intervalMs: 20, startDelayMs: 0 });
  await sched.start({ info: () => undefined, error: (_o, m) => errors.push(m) });
  await new Promise((r) => setTimeout(r, 120));
  await sched.close();
  assert.equal((await ledger.query({ action: RETENTION_RUN_ACTION })).records.length, 0);
  assert.equal(sched.state.nextRunAt, undefined);
  assert.match(errors.join('\n'), /retention is not applied: no archive directory/);
});

test('ATTEST-SVC-AUDIT-006: when retention last ran; fails when it failed, stopped for more than two intervals, is off or has nowhere to archive', async () => {
  const s = await testServer({ backend: 'sqlite' });
  servers.push(s);
  const base = { config: s.ctx.config, access: s.ctx.access, routes: s.ctx.routes, ledger: s.ctx.ledger, verification: { running: false }, cwd: s.dir };
  const schedule = { every: '1d', runner: 'service' as const, archiveDir: join(s.dir, 'archive'), archiveOlderThan: '1y' };
  const t0 = Date.parse('2026-03-01T00:00:00.000Z');
  const state = (o: Partial<RetentionState>): RetentionState => ({ schedule, intervalMs: DAY, loaded: true, running: false, since: new Date(t0).toISOString(), ...o });
  const lastRun = (ok: boolean, at = t0) => ({ seq: 42, at: new Date(at).toISOString(), ok, by: 'attest-serve', message: ok ? 'nothing old enough to archive; 0 archived records expired' : 'failed: archiving failed: disk full' });
  const check = (retention: RetentionState | undefined, now: number, config = s.ctx.config) => {
    const f = assessService({ ...base, config, ...(retention ? { retention } : {}), now: new Date(now) }).findings.find((x) => x.controlId === 'ATTEST-SVC-AUDIT-006')!;
    return [f.status, f.message] as const;
  };
  // Ran an hour ago: pass, and it says when.
  const [ok, okText] = check(state({ lastRun: lastRun(true), nextRunAt: new Date(t0 + DAY).toISOString() }), t0 + 3_600_000);
  assert.equal(ok, 'pass');
  assert.match(okText, /last ran at 2026-03-01T00:00:00\.000Z: nothing old enough to archive; 0 archived records expired; next run at 2026-03-02T00:00:00\.000Z$/);
  // Just inside two intervals still passes; just beyond fails.
  assert.equal(check(state({ lastRun: lastRun(true) }), t0 + 2 * DAY)[0], 'pass');
  const [late, lateText] = check(state({ lastRun: lastRun(true) }), t0 + 2 * DAY + 1);
  assert.equal(late, 'fail');
  assert.match(lateText, /^retention last ran at 2026-03-01T00:00:00\.000Z, more than two intervals \(2 × 1 d\) ago/);
  // The latest run failed: fail, with its reason.
  const [failed, failedText] = check(state({ lastRun: lastRun(false) }), t0 + 60_000);
  assert.equal(failed, 'fail');
  assert.equal(failedText, 'the latest retention run, at 2026-03-01T00:00:00.000Z (record 42), failed: archiving failed: disk full');
  // Never ran: unknown while the first run is pending, fail once two intervals passed since start.
  assert.equal(check(state({ nextRunAt: new Date(t0 + 300_000).toISOString() }), t0 + 60_000)[0], 'unknown');
  const [never, neverText] = check(state({}), t0 + 3 * DAY);
  assert.equal(never, 'fail');
  assert.match(neverText, /has not run since 2026-03-01T00:00:00\.000Z, more than two intervals/);
  // The run could not be recorded: fail.
  assert.equal(check(state({ lastRun: lastRun(true), unrecorded: { at: new Date(t0).toISOString(), message: 'the run could not be recorded in the ledger: SQLITE_BUSY' } }), t0 + 60_000)[0], 'fail');
  // Not read yet: unknown, never pass.
  assert.equal(check(state({ loaded: false }), t0)[0], 'unknown');
  // Off, or nowhere to archive, or no policy: fail.
  assert.match(check(state({ schedule: { ...schedule, every: 'off' }, intervalMs: undefined }), t0).join(' '), /^fail .*not applied on a schedule/);
  const { archiveDir: _a, ...noDir } = schedule;
  assert.match(check(state({ schedule: noDir }), t0).join(' '), /^fail .*no archive directory is configured/);
  assert.match(check(state({ lastRun: lastRun(true) }), t0, { ...s.ctx.config, ledger: { ...s.ctx.config.ledger, retention: {} } }).join(' '), /^fail no retention policy/);
  // The evidence names the settings and the run record.
  const f = assessService({ ...base, retention: state({ lastRun: lastRun(true) }), now: new Date(t0 + 1000) }).findings.find((x) => x.controlId === 'ATTEST-SVC-AUDIT-006')!;
  assert.deepEqual(f.evidence.map((e) => e.path), ['ledger.retention', 'ledger.retentionSchedule.every', 'ledger.retentionSchedule.archiveDir', 'ledger.retention.lastRun']);
  assert.match(f.evidence[3]!.note!, /^record 42 \(ledger\.retention\.run\) by attest-serve/);
});

test('the running service: the scheduler started with the server runs retention, and the compliance report says when', async () => {
  const s = await testServer({ backend: 'sqlite', start: { retention: { intervalMs: 60_000, startDelayMs: 0 } } });
  servers.push(s);
  const admin = await s.token('admin');
  await s.ctx.retention.start();
  const deadline = Date.now() + 5000;
  while (!s.ctx.retention.state.lastRun && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.ok(s.ctx.retention.state.lastRun?.ok, JSON.stringify(s.ctx.retention.state));
  const report = JSON.parse((await s.app.inject({ method: 'GET', url: '/api/security/compliance-report', headers: bearer(admin) })).body) as { findings: { controlId: string; status: string; message: string }[]; domains: { id: string; facts: Record<string, { retentionSchedule?: { lastRun: { record: number } | null } }> }[] };
  const f = report.findings.find((x) => x.controlId === 'ATTEST-SVC-AUDIT-006')!;
  assert.equal(f.status, 'pass', f.message);
  assert.match(f.message, new RegExp(`last ran at ${s.ctx.retention.state.lastRun!.at.replace(/\./g, '\\.')}: nothing old enough to archive`));
  const facts = report.domains.find((d) => d.id === 'audit')!.facts['attestLedger']!;
  assert.equal(facts.retentionSchedule?.lastRun?.record, s.ctx.retention.state.lastRun!.seq);
});

test('a ledger.retention.run record is a run\'s alone: a client with audit:write (or attest ledger append) cannot write one to pass ATTEST-SVC-AUDIT-006 or put off the real run', async () => {
  const s = await testServer({ backend: 'sqlite' });
  servers.push(s);
  const agent = await s.token('agent');
  for (const action of [RETENTION_RUN_ACTION, `${RETENTION_RUN_ACTION}.forged`]) {
    const r = await s.app.inject({ method: 'POST', url: '/api/audit/events', headers: bearer(agent), payload: { action, target: { type: 'ledger', id: s.ctx.ledger.ledgerId }, outcome: 'success', metadata: { archived: null, retention: [] } } });
    assert.equal(r.statusCode, 400, `${action}: ${r.body}`);
    assert.equal((JSON.parse(r.body) as { field: string }).field, 'action');
  }
  // A sibling action is not reserved.
  assert.equal((await s.app.inject({ method: 'POST', url: '/api/audit/events', headers: bearer(agent), payload: { action: 'ledger.retention.runner', outcome: 'success' } })).statusCode, 201);
  await assert.rejects(s.ctx.ledger.append([{ actor: { id: 'attest-serve', type: 'system' }, action: RETENTION_RUN_ACTION, outcome: 'success' }]), /written only by a retention run/);
  assert.equal(await latestRecordedRun(s.ctx.ledger), undefined, 'nothing says retention ran');
  // The real run still records itself.
  const out = await runRetention(s.ctx.ledger, { policies: POLICY, archiveDir: join(s.dir, 'archive'), archiveOlderThanMs: 365 * DAY }, { id: 'tester', type: 'system' });
  assert.equal((await latestRecordedRun(s.ctx.ledger))?.seq, out.record);
});

test('ledger.retentionSchedule: defaults follow the policy and the backend; bad settings are refused naming the setting', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-config-'));
  const file = join(dir, 'attest.config.json');
  const load = (ledger: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) => {
    writeFileSync(file, JSON.stringify({ ledger }));
    return loadConfig(file, env, dir).ledger;
  };
  assert.deepEqual(load({}).retentionSchedule, { every: '1d', runner: 'service', archiveDir: join(dir, '.attest/archive'), archiveOlderThan: '1y' });
  assert.deepEqual(load({ retention: { auth: '90d', '*': '7y' } }).retentionSchedule!.archiveOlderThan, '90d');
  assert.deepEqual(load({}, { DATABASE_URL: 'postgres://attest@db.internal/attest' }).retentionSchedule, { every: '1d', runner: 'service', archiveOlderThan: '1y' });
  assert.equal(load({}, { DATABASE_URL: 'postgres://attest@db.internal/attest', ATTEST_LEDGER_ARCHIVE_DIR: '/mnt/archive' }).retentionSchedule!.archiveDir, '/mnt/archive');
  assert.equal(load({ retention: {} }).retentionSchedule!.every, 'off', 'no policy, nothing to schedule');
  assert.deepEqual(load({}, { ATTEST_RETENTION_EVERY: '6h', ATTEST_RETENTION_RUNNER: 'external' }).retentionSchedule, { every: '6h', runner: 'external', archiveDir: join(dir, '.attest/archive'), archiveOlderThan: '1y' });
  assert.deepEqual(load({ retentionSchedule: { every: '12h', runner: 'external', archiveDir: 'arch', archiveOlderThan: '30d' } }).retentionSchedule, { every: '12h', runner: 'external', archiveDir: join(dir, 'arch'), archiveOlderThan: '30d' });
  for (const [bad, msg] of [
    [{ every: 'daily' }, /ledger\.retentionSchedule\.every \(or ATTEST_RETENTION_EVERY\) must be a duration of a minute or more such as 1d or 12h, or "off"; got "daily"/],
    [{ every: '10s' }, /ledger\.retentionSchedule\.every \(or ATTEST_RETENTION_EVERY\) must be a duration of a minute or more/],
    [{ runner: 'cron' }, /ledger\.retentionSchedule\.runner \(or ATTEST_RETENTION_RUNNER\) must be "service"/],
    [{ archiveDir: '' }, /ledger\.retentionSchedule\.archiveDir \(or ATTEST_LEDGER_ARCHIVE_DIR\) must be a directory path/],
    [{ archiveOlderThan: 5 }, /ledger\.retentionSchedule\.archiveOlderThan must be a duration such as 90d or 1y; got 5/],
    [{ interval: '1d' }, /ledger\.retentionSchedule: unknown setting "interval"/],
  ] as const) assert.throws(() => load({ retentionSchedule: bad }), (e: unknown) => e instanceof ConfigError && msg.test(e.message), JSON.stringify(bad));
  assert.deepEqual(defaultRetentionSchedule({ db: ':memory:', retention: { '*': '7y' } }), { every: '1d', runner: 'service', archiveOlderThan: '7y' });
});

test('attest ledger retention run: the same run from the command line, recorded, exit 1 when it fails', async () => {
  const { ledger, dir } = await ledgerWith(2);
  await ledger.close();
  opened.splice(opened.indexOf(ledger), 1);
  const args = ['--db', join(dir, 'ledger.db'), '--keys', join(dir, 'keys'), '--config', join(dir, 'none.json')];
  writeFileSync(join(dir, 'none.json'), '{}');
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = ((c: string) => ((out += c), true)) as typeof process.stdout.write;
  let ok: number;
  let failed: number;
  try {
    ok = await runLedger(['retention', 'run', ...args, '--archive-dir', join(dir, 'arch'), '--now', new Date(Date.now() + 400 * DAY).toISOString()]);
    failed = await runLedger(['retention', 'run', ...args, '--archive-dir', join(dir, 'missing', '\u0000bad')]);
  } finally {
    process.stdout.write = write;
  }
  assert.equal(ok, 0, out);
  assert.match(out, /^retention run ok \(record 3\): archived records 1\.\.2 to attest-archive-\S+; 1 archived record expired now in 1 archive file$/m);
  assert.equal(failed, 1, out);
  assert.match(out, /^retention run FAILED \(record 4\): failed: archiving failed: /m);
  assert.ok(existsSync(join(dir, 'arch')));
  const l = await openLedger({ db: join(dir, 'ledger.db'), keysDir: join(dir, 'keys') });
  try {
    const runs = (await l.query({ action: RETENTION_RUN_ACTION, order: 'asc' })).records;
    assert.deepEqual(runs.map((r) => [r.seq, r.actor.id, r.outcome]), [[3, 'attest-cli', 'success'], [4, 'attest-cli', 'error']]);
  } finally {
    await l.close();
  }
});

test('ATTEST-SVC-AUDIT-008: the checkpoint signing key is due for rotation after ledger.signingKeyRotation (monthly by default); a rotation resets it', async () => {
  const s = await testServer({ backend: 'sqlite' });
  servers.push(s);
  const base = { config: s.ctx.config, access: s.ctx.access, routes: s.ctx.routes, ledger: s.ctx.ledger, verification: { running: false }, cwd: s.dir };
  const created = Date.parse(s.ctx.ledger.keys.signingCreated()!);
  const check = (now: number, config = s.ctx.config) => {
    const f = assessService({ ...base, config, now: new Date(now) }).findings.find((x) => x.controlId === 'ATTEST-SVC-AUDIT-008')!;
    return [f.status, f.message] as const;
  };
  const kid = s.ctx.ledger.keys.signing().kid;
  assert.deepEqual(check(created + 30 * DAY), ['pass', `checkpoint signing key ${kid} created ${new Date(created).toISOString()} (30 days old; rotation due every 30 days); 0 retired key(s) kept for verification`]);
  const [late, lateText] = check(created + 45 * DAY);
  assert.equal(late, 'fail');
  assert.match(lateText, /\(45 days old; rotation due every 30 days: 15 days overdue\)/);
  assert.equal(check(created + 45 * DAY, { ...s.ctx.config, ledger: { ...s.ctx.config.ledger, signingKeyRotation: '90d' } })[0], 'pass');
  await s.ctx.ledger.rotateKey('signing', { id: 'tester', type: 'user' });
  const [after, afterText] = check(Date.now() + DAY);
  assert.equal(after, 'pass');
  assert.match(afterText, /1 retired key\(s\) kept for verification/);
});
