import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AlertRaised } from '../../src/detection/alert.js';
import { Evaluator, type DetectionEvent } from '../../src/detection/evaluator.js';
import { DEFAULT_DETECTION, detectionConfig, DetectionConfigError, type DetectionConfig } from '../../src/detection/rules.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

/** Events in order; seqs assigned. */
function run(events: Omit<DetectionEvent, 'seq'>[], config: DetectionConfig = DEFAULT_DETECTION): AlertRaised[] {
  const ev = new Evaluator({ config, hashKey: Buffer.alloc(32, 1) });
  return events.flatMap((e, i) => ev.evaluate({ ...e, seq: i + 1 }));
}

/** Defaults with one signal enough, to see each rule on its own. */
const single = detectionConfig({ minSignals: 1 });

const rules = (alerts: AlertRaised[]) => alerts.flatMap((a) => a.signals.map((s) => s.rule));

function failures(n: number, gapMs: number, actor = 'alice', ip = '198.51.100.7'): Omit<DetectionEvent, 'seq'>[] {
  return Array.from({ length: n }, (_, i) => ({ ms: T0 + i * gapMs, actorId: actor, action: 'auth.login', outcome: 'denied', ip }));
}

/** `n` ordinary successful records of an actor, 9:00-11:59 UTC over days, from one address and agent. */
function history(n: number, actor = 'alice', extra: Partial<DetectionEvent> = {}): Omit<DetectionEvent, 'seq'>[] {
  return Array.from({ length: n }, (_, i) => ({ ms: T0 - (Math.ceil(n / 5) + 1) * 86_400_000 + Math.floor(i / 5) * 86_400_000 + (i % 5) * 30 * MIN, actorId: actor, action: 'document.read', outcome: 'success', ip: '192.0.2.1', userAgent: 'UA-1', ...extra }));
}

test('failed-auth burst per actor: 6 in 10 minutes fires; 5, or 6 spread over 11 minutes, do not', () => {
  assert.deepEqual(rules(run(failures(6, MIN), single)), ['auth.failed-burst']);
  assert.equal(run(failures(5, MIN), single).length, 0);
  assert.equal(run(failures(6, 2.2 * MIN), single).length, 0);
  // The service's own 401 denials count as failed authentication too.
  const svc = failures(6, MIN).map((e) => ({ ...e, action: 'access.denied', metadata: { status: 401 } }));
  assert.deepEqual(rules(run(svc, single)), ['auth.failed-burst']);
});

test('failed-auth burst per address: high-confidence when it names many accounts (credential stuffing); 20 stays quiet', () => {
  const stuffing = Array.from({ length: 21 }, (_, i) => ({ ms: T0 + i * 10_000, actorId: `victim-${i}`, action: 'auth.login', outcome: 'denied', ip: '203.0.113.9' }));
  const alerts = run(stuffing);
  assert.equal(alerts.length, 1);
  assert.match(alerts[0]!.subject, /^ip:/);
  assert.ok(!alerts[0]!.subject.includes('203.0.113.9'), 'the alert names the address by its keyed hash, not in clear');
  assert.equal(alerts[0]!.signals[0]!.highConfidence, true);
  assert.equal(alerts[0]!.signals[0]!.count, 21);
  assert.equal(run(stuffing.slice(0, 20)).length, 0);
});

test('access-denied burst: 21 denials in 10 minutes fire, 20 do not; summaries count by their statuses', () => {
  const denials = (n: number) => Array.from({ length: n }, (_, i) => ({ ms: T0 + i * 10_000, actorId: 'bob', action: 'access.denied', outcome: 'denied', metadata: { status: 403 } }));
  assert.deepEqual(rules(run(denials(21), single)), ['access.denied-burst']);
  assert.equal(run(denials(20), single).length, 0);
  const summary = { ms: T0, actorId: 'bob', action: 'access.denied.summary', outcome: 'denied', metadata: { count: 30, statuses: [{ status: 403, count: 25 }, { status: 401, count: 5 }] } };
  assert.deepEqual(rules(run([summary], single)), ['access.denied-burst']);
});

test('new address and new user agent: fire after 20 records of history, not before, not for a known one', () => {
  assert.deepEqual(rules(run([...history(20), { ms: T0, actorId: 'alice', action: 'document.read', outcome: 'success', ip: '192.0.2.99', userAgent: 'UA-1' }], single)), ['actor.new-ip']);
  assert.deepEqual(rules(run([...history(20), { ms: T0, actorId: 'alice', action: 'document.read', outcome: 'success', ip: '192.0.2.1', userAgent: 'UA-2' }], single)), ['actor.new-user-agent']);
  assert.equal(run([...history(20), { ms: T0, actorId: 'alice', action: 'document.read', outcome: 'success', ip: '192.0.2.1', userAgent: 'UA-1' }], single).length, 0);
  assert.equal(run([...history(19), { ms: T0, actorId: 'alice', action: 'document.read', outcome: 'success', ip: '192.0.2.99', userAgent: 'UA-1' }], single).length, 0);
  // A failed login from a new address is the failed-auth rules' business, not novelty.
  assert.equal(run([...history(20), { ms: T0, actorId: 'alice', action: 'auth.login', outcome: 'denied', ip: '192.0.2.99', userAgent: 'UA-1' }], single).length, 0);
});

test('bulk export / delete above the 1,000-record ceiling within the window; exactly 1,000 stays quiet', () => {
  const exp = (n: number, at: number, action = 'report.export') => ({ ms: at, actorId: 'carol', action, outcome: 'success', metadata: { records: n } });
  assert.ok(rules(run([exp(600, T0), exp(401, T0 + 30 * MIN)], single)).includes('export.bulk-ceiling'));
  assert.equal(run([exp(600, T0), exp(400, T0 + 30 * MIN)], single).length, 0);
  assert.equal(run([exp(600, T0), exp(401, T0 + 61 * MIN)], single).length, 0, 'outside the 60-minute window');
  assert.ok(rules(run([exp(600, T0, 'document.delete'), exp(401, T0 + 30 * MIN, 'document.delete')], single)).includes('delete.bulk-ceiling'));
  assert.equal(run([exp(600, T0, 'document.delete'), exp(400, T0 + 30 * MIN, 'document.delete')], single).length, 0);
});

test('bulk export / delete above 10x the actor\'s own baseline', () => {
  const exp = (n: number, i: number, action = 'report.export') => ({ ms: T0 + i * 86_400_000, actorId: 'dave', action, outcome: 'success', metadata: { records: n } });
  const habit = [exp(50, 0), exp(50, 1), exp(50, 2)];
  assert.deepEqual(rules(run([...habit, exp(600, 3)], single)), ['export.above-baseline']);
  assert.equal(run([...habit, exp(400, 3)], single).length, 0);
  assert.equal(run([exp(50, 0), exp(50, 1), exp(600, 3)], single).length, 0, 'two exports are no baseline yet');
  const dels = [exp(20, 0, 'document.delete'), exp(20, 1, 'document.delete'), exp(20, 2, 'document.delete')];
  assert.deepEqual(rules(run([...dels, exp(900, 3, 'document.delete')], single)), ['delete.above-baseline']);
});

test('privilege escalation: admin-level grant to another is a signal; self-granted admin alerts alone, high severity', () => {
  const grant = (role: string, target: string) => ({ ms: T0, actorId: 'erin', action: 'user.role.grant', outcome: 'success', targetId: target, metadata: { role } });
  assert.deepEqual(rules(run([grant('admin', 'frank')], single)), ['privilege.escalation']);
  assert.equal(run([grant('editor', 'frank')], single).length, 0);
  assert.equal(run([grant('admin', 'frank')]).length, 0, 'granting admin to someone else is one low signal, no alert by default');
  const self = run([grant('admin', 'erin')]);
  assert.equal(self.length, 1);
  assert.equal(self[0]!.severity, 'high');
  assert.equal(self[0]!.signals[0]!.highConfidence, true);
  assert.equal(run([{ ...grant('admin', 'erin'), action: 'token.scope.grant', metadata: { scopes: ['audit:read', 'ledger:admin'] } }]).length, 1);
});

test('unusual hour and dormant account', () => {
  const at = (hour: number, dayOffset = 0) => ({ ms: Date.UTC(2026, 2, 2 + dayOffset, hour, 0, 0), actorId: 'alice', action: 'document.read', outcome: 'success', ip: '192.0.2.1', userAgent: 'UA-1' });
  const h = history(100);
  assert.deepEqual(rules(run([...h, at(3)], single)), ['actor.unusual-hour']);
  assert.equal(run([...h, at(10)], single).length, 0);
  const short = history(10);
  const lastShort = short[short.length - 1]!.ms;
  assert.deepEqual(rules(run([...short, { ...short[0]!, ms: lastShort + 31 * 86_400_000 }], single)), ['actor.dormant-active']);
  assert.equal(run([...short, { ...short[0]!, ms: lastShort + 29 * 86_400_000 }], single).length, 0);
  // Failed logins just before do not make a dormant account look active.
  const probe = { ms: lastShort + 31 * 86_400_000 - MIN, actorId: 'alice', action: 'auth.login', outcome: 'denied' };
  assert.ok(rules(run([...short, probe, { ...short[0]!, ms: lastShort + 31 * 86_400_000 }], single)).includes('actor.dormant-active'));
});

test('two distinct signals are needed; a new address plus a new user agent is one (a new device)', () => {
  const h = history(20);
  const newDevice = { ms: T0, actorId: 'alice', action: 'auth.login', outcome: 'success', ip: '192.0.2.99', userAgent: 'UA-9' };
  assert.equal(run([...h, newDevice]).length, 0);
  const bigExport = { ms: T0 + 5 * MIN, actorId: 'alice', action: 'report.export', outcome: 'success', ip: '192.0.2.99', userAgent: 'UA-9', metadata: { records: 5000 } };
  const alerts = run([...h, newDevice, bigExport]);
  assert.equal(alerts.length, 1);
  assert.deepEqual(rules(alerts).sort(), ['actor.new-ip', 'actor.new-user-agent', 'export.bulk-ceiling']);
  assert.equal(alerts[0]!.subject, 'alice');
  assert.ok(alerts[0]!.signals.every((s) => s.evidenceSeqs.length > 0));
  // minSignals is configurable: three distinct groups required leaves this quiet.
  assert.equal(run([...h, newDevice, bigExport], detectionConfig({ minSignals: 3 })).length, 0);
});

test('dedup: the same subject and rule alert once within the dedup window, again after it', () => {
  const grant = (ms: number) => ({ ms, actorId: 'erin', action: 'user.role.grant', outcome: 'success', targetId: 'erin', metadata: { role: 'admin' } });
  assert.equal(run([grant(T0), grant(T0 + 10 * MIN), grant(T0 + 50 * MIN)]).length, 1);
  assert.equal(run([grant(T0), grant(T0 + 61 * MIN)]).length, 2);
  const burst = run(failures(40, 10_000), single);
  assert.equal(burst.filter((a) => a.subject === 'alice').length, 1, 'a burst that keeps going is one alert per subject');
  assert.equal(burst.filter((a) => a.subject.startsWith('ip:')).length, 1);
});

test('detection records never feed back; a replay from a snapshot raises the same alerts with the same ids', () => {
  const ev = new Evaluator({ config: DEFAULT_DETECTION, hashKey: Buffer.alloc(32, 1) });
  assert.deepEqual(ev.evaluate({ seq: 1, ms: T0, actorId: 'attest-detection', action: 'alert.raised', outcome: 'success', metadata: { records: 99999 } }), []);
  assert.equal(ev.evaluated, 0);
  const events = [...history(30, 'gina'), ...failures(8, MIN, 'gina'), { ms: T0 + 20 * MIN, actorId: 'gina', action: 'user.role.grant', outcome: 'success', targetId: 'gina', metadata: { role: 'owner' } }].map((e, i) => ({ ...e, seq: i + 1 }));
  const whole = new Evaluator({ config: DEFAULT_DETECTION, hashKey: Buffer.alloc(32, 1) });
  const all = events.flatMap((e) => whole.evaluate(e));
  assert.ok(all.length >= 1);
  const first = new Evaluator({ config: DEFAULT_DETECTION, hashKey: Buffer.alloc(32, 1) });
  const a = events.slice(0, 33).flatMap((e) => first.evaluate(e));
  const saved = JSON.parse(JSON.stringify(first.snapshot()));
  assert.ok(!JSON.stringify(saved).includes('192.0.2.1'), 'no raw address in the persisted state');
  const second = new Evaluator({ config: DEFAULT_DETECTION, hashKey: Buffer.alloc(32, 1) });
  second.restore(saved);
  const b = events.flatMap((e) => second.evaluate(e));
  assert.deepEqual([...a, ...b].map((x) => x.alertId), all.map((x) => x.alertId));
});

test('config: overrides apply; unknown rules, settings and bad values are refused with the setting named', () => {
  const c = detectionConfig({ rules: { failedAuthActor: { threshold: 3, windowMinutes: 5 } } });
  assert.equal(c.rules.failedAuthActor.threshold, 3);
  assert.equal(c.rules.failedAuthIp.threshold, DEFAULT_DETECTION.rules.failedAuthIp.threshold);
  assert.deepEqual(rules(run(failures(4, MIN), detectionConfig({ minSignals: 1, rules: { failedAuthActor: { threshold: 3, windowMinutes: 5 } } }))), ['auth.failed-burst']);
  assert.throws(() => detectionConfig({ rules: { failedLogins: {} } }), (e: Error) => e instanceof DetectionConfigError && /unknown rule "failedLogins"/.test(e.message) && /failedAuthActor/.test(e.message));
  assert.throws(() => detectionConfig({ rules: { failedAuthActor: { threshold: -1 } } }), /detection\.rules\.failedAuthActor\.threshold must be a whole number from 1/);
  assert.throws(() => detectionConfig({ rules: { privilegeEscalation: { adminPattern: '(' } } }), /adminPattern is not a valid regular expression/);
  assert.throws(() => detectionConfig({ minSignal: 2 }), /unknown setting "minSignal"/);
  assert.equal(detectionConfig({ enabled: false }).enabled, false);
});
