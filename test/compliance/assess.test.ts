/**
 * The status rules of assessCompliance, one rule per test where possible, with the dates at
 * their boundaries and the ways a requirement could be passed off as met without being met.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assessCompliance, combine, inScope, selectCategories, type AssessInput } from '../../src/compliance/assess.js';
import { STATUS_SYMBOL, REQUIREMENT_STATUSES, type PartStatus, type RequirementResult } from '../../src/compliance/types.js';
import { ComplianceInputError } from '../../src/compliance/util.js';
import type { Catalog, EvidenceRule } from '../../src/frameworks/schema.js';
import type { Finding } from '../../src/model/types.js';
import { ALICE, BOB, MANUAL, NOW, TODAY, TOMORROW, YESTERDAY, attestation, catalog, exception, finding, req } from './fixtures.js';

/** Assesses one requirement with the given rule and inputs; returns its result. */
function one(evidence: EvidenceRule, input: Partial<AssessInput> = {}): RequirementResult {
  const a = assessCompliance({ frameworks: [catalog([req('R1', evidence)])], findings: [], attestations: [], exceptions: [], now: NOW, ...input });
  return a.frameworks[0]!.requirements[0]!;
}

const text = (r: RequirementResult) => r.reasons.join('\n');

test('symbols: seed 001 ✅ for met, ❌ for not met, — for not applicable, ⚠️ for every other status; each result carries its symbol', () => {
  assert.deepEqual(STATUS_SYMBOL, {
    met: '✅', not_met: '❌', partially_met: '⚠️', unknown: '⚠️', not_started: '⚠️', expired: '⚠️', excepted: '⚠️', not_applicable: '—',
  });
  assert.equal(REQUIREMENT_STATUSES.length, 8);
  const r = one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'fail')] });
  assert.equal(r.symbol, '❌');
});

test('controls part: every finding passes -> met; reasons say how many resources', () => {
  const r = one({ controls: ['AT-1', 'AT-2'] }, { findings: [finding('AT-1', 'pass'), finding('AT-1', 'pass', { resource: 'B2' }), finding('AT-2', 'pass')] });
  assert.equal(r.status, 'met');
  assert.match(text(r), /2 controls pass: AT-1 on 2 resources, AT-2 on 1 resource$/m);
  assert.match(one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'pass')] }).reasons.join('\n'), /configuration: AT-1 passes on 1 resource$/m);
});

test('controls part: one failing finding -> not met, located file:line in the reason and the evidence', () => {
  const f = finding('AT-2', 'fail', { resource: 'Logs', file: 'infra/logs.yaml' });
  const r = one({ controls: ['AT-1', 'AT-2'] }, { findings: [finding('AT-1', 'pass'), f] });
  assert.equal(r.status, 'not_met');
  assert.match(text(r), new RegExp(`configuration: AT-2 fails on Logs \\(infra/logs.yaml:${f.location.line}\\)`));
  const ev = r.parts[0]!.findings!.find((c) => c.controlId === 'AT-2')!.findings[0]!;
  assert.deepEqual(ev.location, { file: 'infra/logs.yaml', line: f.location.line, column: 7 });
  assert.deepEqual(ev.resource, { type: 'AWS::S3::Bucket', id: 'Logs' });
  assert.equal(ev.status, 'fail');
});

test('controls are matched by the catalog\'s evidence.controls, not by the findings\' frameworks tags', () => {
  // A finding tagged for another framework (or for nothing) still decides the requirement that lists its control.
  const r = one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'fail', { frameworks: { 'other-fw': ['X'] } })] });
  assert.equal(r.status, 'not_met');
  // A finding tagged with this requirement but of an unlisted control decides nothing.
  const s = one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'pass'), finding('AT-9', 'fail', { frameworks: { 'test-fw-1': ['R1'] } })] });
  assert.equal(s.status, 'met');
});

test('controls part: an unknown finding -> unknown, naming the control, the resource and what it depends on', () => {
  const r = one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'pass'), finding('AT-1', 'unknown', { resource: 'Db', dependsOn: ['Env', 'UseKms'] })] });
  assert.equal(r.status, 'unknown');
  assert.match(text(r), /AT-1 cannot be decided on Db \(infra\/app\.yaml:\d+\): it depends on Env, UseKms/);
});

test('controls part: fail beats unknown', () => {
  assert.equal(one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'unknown'), finding('AT-1', 'fail', { resource: 'B2' })] }).status, 'not_met');
});

test('no evidence: every listed control not applicable or without findings, and no other part -> not applicable, saying nothing is in scope', () => {
  const r = one({ controls: ['AT-1', 'AT-2'] }, { findings: [finding('AT-1', 'not_applicable')] });
  assert.equal(r.status, 'not_applicable');
  assert.equal(r.symbol, '—');
  assert.match(text(r), /no resource in the scanned configuration is in scope of AT-1, AT-2/);
});

test('false met attempt: controls all not applicable + manual evidence missing is not started, never met', () => {
  const r = one({ controls: ['AT-1'], manual: MANUAL }, { findings: [finding('AT-1', 'not_applicable')] });
  assert.equal(r.status, 'not_started');
  assert.match(text(r), /no attestation is recorded: the signed policy/);
  assert.match(text(r), /no resource in the scanned configuration is in scope of AT-1/);
});

test('false met attempt: no findings at all + manual missing is not started; + manual expired is expired', () => {
  assert.equal(one({ controls: ['AT-1'], manual: MANUAL }).status, 'not_started');
  assert.equal(one({ controls: ['AT-1'], manual: MANUAL }, { attestations: [attestation('R1', { validUntil: YESTERDAY })] }).status, 'expired');
});

test('a controls part without evidence is ignored when another part decides: manual met alone -> met', () => {
  const r = one({ controls: ['AT-1'], manual: MANUAL }, { findings: [finding('AT-1', 'not_applicable')], attestations: [attestation('R1')] });
  assert.equal(r.status, 'met');
});

test('met with a listed control that has no finding: the reason says that control had nothing in scope', () => {
  const r = one({ controls: ['AT-1', 'AT-2'] }, { findings: [finding('AT-1', 'pass')] });
  assert.equal(r.status, 'met');
  assert.match(text(r), /no resource in the scanned configuration is in scope of AT-2/);
});

test('template suppression (status suppressed, unexpired) does not count as pass: the part is excepted', () => {
  const supp = { source: 'attest' as const, reason: 'public website bucket', expires: TOMORROW, file: 'infra/app.yaml', line: 3, column: 9 };
  const r = one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'pass', { resource: 'A' }), finding('AT-1', 'suppressed', { resource: 'Site', suppression: supp })] });
  assert.equal(r.status, 'excepted');
  assert.match(text(r), /excepted by the template suppression at infra\/app\.yaml:3 \(public website bucket; until 2026-06-16\)/);
  const t = r.exceptions.find((e) => e.source === 'template')!;
  assert.equal(t.state, 'approved');
  assert.deepEqual(t.location, { file: 'infra/app.yaml', line: 3, column: 9 });
  assert.equal(r.parts[0]!.findings![0]!.findings[1]!.exceptedBy, t.exceptionId);
});

test('template suppression without expiry stays excepting; one expiring today still excepts', () => {
  const noExpiry = { source: 'checkov' as const, reason: 'accepted', file: 'a.yaml', line: 4, column: 9 };
  assert.equal(one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'suppressed', { suppression: noExpiry })] }).status, 'excepted');
  const today = { ...noExpiry, source: 'attest' as const, expires: TODAY };
  assert.equal(one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'suppressed', { suppression: today })] }).status, 'excepted');
});

test('a suppressed finding whose suppression expired before the assessment day counts as failing', () => {
  // The scan ran before the expiry, the assessment after it.
  const supp = { source: 'attest' as const, reason: 'temporary', expires: YESTERDAY, file: 'a.yaml', line: 4, column: 9 };
  const r = one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'suppressed', { suppression: supp })] });
  assert.equal(r.status, 'not_met');
  assert.match(text(r), /template suppression at a\.yaml:4 expired on 2026-06-14/);
  assert.equal(r.exceptions[0]!.state, 'expired');
});

test('an expired suppression the scanner already turned into a fail is not met, and says the suppression expired', () => {
  const supp = { source: 'attest' as const, reason: 'temporary', expires: '2026-01-31', file: 'a.yaml', line: 4, column: 9, expired: true };
  const r = one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'fail', { suppression: supp })] });
  assert.equal(r.status, 'not_met');
  assert.match(text(r), /the template suppression at a\.yaml:4 expired on 2026-01-31/);
});

test('register exception on a control: every failing finding covered -> excepted; one uncovered -> not met', () => {
  const x = exception({ control: 'AT-1' }, { scope: ['Legacy'] });
  const covered = one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'fail', { resource: 'Legacy' }), finding('AT-1', 'pass', { resource: 'New' })], exceptions: [x] });
  assert.equal(covered.status, 'excepted');
  assert.match(text(covered), new RegExp(`excepted by exception ${x.exceptionId} \\(risk medium, approved by bob, until 2026-12-31`));
  assert.deepEqual(covered.exceptions.map((e) => e.exceptionId), [x.exceptionId]);
  const partly = one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'fail', { resource: 'Legacy' }), finding('AT-1', 'fail', { resource: 'Other' })], exceptions: [x] });
  assert.equal(partly.status, 'not_met');
  assert.match(text(partly), /AT-1 fails on Other/);
  assert.doesNotMatch(text(partly), /AT-1 fails on Legacy/);
});

test('exception scope: empty covers everywhere, file#Id only that file, Id any file', () => {
  const f = finding('AT-1', 'fail', { resource: 'Db', file: 'stacks/prod/db.yaml' });
  assert.equal(inScope([], f), true);
  assert.equal(inScope(['Db'], f), true);
  assert.equal(inScope(['prod/db.yaml#Db'], f), true);
  assert.equal(inScope(['stacks/prod/db.yaml#Db'], f), true);
  assert.equal(inScope(['dev/db.yaml#Db'], f), false);
  assert.equal(inScope(['od/db.yaml#Db'], f), false, 'a partial path component does not match');
  assert.equal(inScope(['Cache'], f), false);
});

test('exception expiry boundary: expiring today still excepts; expired yesterday does not, and says so', () => {
  const today = exception({ control: 'AT-1' }, { expires: TODAY });
  assert.equal(one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'fail')], exceptions: [today] }).status, 'excepted');
  const gone = exception({ control: 'AT-1' }, { expires: YESTERDAY });
  const r = one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'fail')], exceptions: [gone] });
  assert.equal(r.status, 'not_met');
  assert.match(text(r), new RegExp(`exception ${gone.exceptionId} expired on ${YESTERDAY}`));
});

test('a requested exception that was never approved, or one revoked, excepts nothing', () => {
  const pending = exception({ control: 'AT-1' });
  delete pending.approval;
  pending.state = 'requested';
  const r = one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'fail')], exceptions: [pending] });
  assert.equal(r.status, 'not_met');
  assert.match(text(r), /awaits approval/);
  const revoked = exception({ control: 'AT-1' }, { revocation: { by: BOB, at: '2026-06-10T00:00:00Z', reason: 'fixed' }, state: 'revoked' });
  assert.equal(one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'fail')], exceptions: [revoked] }).status, 'not_met');
});

test('a request that expired before anyone approved it says so, on a control and on a requirement', () => {
  const stale = exception({ control: 'AT-1' }, { expires: YESTERDAY, state: 'expired' });
  delete stale.approval;
  const r = one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'fail')], exceptions: [stale] });
  assert.equal(r.status, 'not_met');
  assert.match(text(r), new RegExp(`exception ${stale.exceptionId} expired on ${YESTERDAY}`));
  assert.doesNotMatch(text(r), /awaits approval/);
  const onReq = exception({ framework: 'test-fw-1', requirement: 'R1' }, { expires: YESTERDAY, state: 'expired' });
  delete onReq.approval;
  assert.match(text(one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'fail')], exceptions: [onReq] })), /expired on 2026-06-14; it was never approved/);
});

test('a register exception covers an undecidable finding too (the risk of not knowing is accepted)', () => {
  const x = exception({ control: 'AT-1' });
  assert.equal(one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'unknown')], exceptions: [x] }).status, 'excepted');
});

test('exception on the requirement itself: excepts the parts not met; expired -> stops excepting, visibly', () => {
  const x = exception({ framework: 'test-fw-1', requirement: 'R1' });
  const r = one({ controls: ['AT-1'], manual: MANUAL }, { findings: [finding('AT-1', 'fail')], exceptions: [x] });
  assert.equal(r.status, 'excepted');
  assert.match(text(r), new RegExp(`excepted by exception ${x.exceptionId}.* instead of not met`));
  assert.match(text(r), /instead of not started/);
  const old = exception({ framework: 'test-fw-1', requirement: 'R1' }, { expires: YESTERDAY });
  const s = one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'fail')], exceptions: [old] });
  assert.equal(s.status, 'not_met');
  assert.match(text(s), new RegExp(`exception ${old.exceptionId} expired on ${YESTERDAY}; it no longer excepts this requirement`));
  // An exception for another framework's requirement of the same id does nothing here.
  const elsewhere = exception({ framework: 'other-fw', requirement: 'R1' });
  assert.equal(one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'fail')], exceptions: [elsewhere] }).status, 'not_met');
});

test('a requirement exception scoped to resources excepts only failing findings on them, never other resources or missing manual evidence', () => {
  const x = exception({ framework: 'test-fw-1', requirement: 'R1' }, { scope: ['Legacy'] });
  // Every failing finding is on the scoped resource: the configuration part is excepted.
  const covered = one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'fail', { resource: 'Legacy' }), finding('AT-1', 'pass', { resource: 'New' })], exceptions: [x] });
  assert.equal(covered.status, 'excepted');
  assert.match(text(covered), new RegExp(`excepted by exception ${x.exceptionId}.* instead of not met`));
  // A failing finding outside the scope stays a gap, and the reasons say the exception does not reach it.
  const outside = one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'fail', { resource: 'Legacy' }), finding('AT-1', 'fail', { resource: 'Other' })], exceptions: [x] });
  assert.equal(outside.status, 'not_met');
  assert.match(text(outside), /AT-1 fails on .*Other/);
  assert.match(text(outside), new RegExp(`exception ${x.exceptionId} covers only Legacy`));
  // A resource scope says nothing about documents: missing manual evidence is not excepted.
  const manual = one({ controls: ['AT-1'], manual: MANUAL }, { findings: [finding('AT-1', 'fail', { resource: 'Legacy' })], exceptions: [x] });
  assert.equal(manual.parts.find((p) => p.kind === 'manual')!.status, 'not_started');
  assert.doesNotMatch(text(manual), /instead of not started/);
  assert.match(text(manual), /does not except this not started part/);
  // Service controls not assessed have no resource to be in scope.
  assert.equal(one({ service: ['ATTEST-SVC-1'] }, { exceptions: [x] }).status, 'unknown');
  // A file-qualified scope matches only that file.
  const y = exception({ framework: 'test-fw-1', requirement: 'R1' }, { scope: ['dev/app.yaml#Legacy'] });
  assert.equal(one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'fail', { resource: 'Legacy', file: 'prod/app.yaml' })], exceptions: [y] }).status, 'not_met');
});

test('a requirement exception does not turn met parts into excepted: all met stays met', () => {
  const x = exception({ framework: 'test-fw-1', requirement: 'R1' });
  const r = one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'pass')], exceptions: [x] });
  assert.equal(r.status, 'met');
  assert.match(text(r), /nothing needed excepting/);
});

test('service part: absent offline -> unknown with the reason; given -> decided like controls', () => {
  const off = one({ service: ['ATTEST-SVC-1'] });
  assert.equal(off.status, 'unknown');
  assert.match(text(off), /service controls are assessed by `attest serve`/);
  assert.equal(one({ service: ['ATTEST-SVC-1'] }, { serviceFindings: [finding('ATTEST-SVC-1', 'pass')] }).status, 'met');
  assert.equal(one({ service: ['ATTEST-SVC-1'] }, { serviceFindings: [finding('ATTEST-SVC-1', 'fail')] }).status, 'not_met');
  // The scanner's findings of the same id do not decide a service part.
  assert.equal(one({ service: ['ATTEST-SVC-1'] }, { findings: [finding('ATTEST-SVC-1', 'pass')], serviceFindings: [] }).status, 'not_applicable');
  // Controls met + service unknown offline: unknown, not met.
  assert.equal(one({ controls: ['AT-1'], service: ['ATTEST-SVC-1'] }, { findings: [finding('AT-1', 'pass')] }).status, 'unknown');
});

test('manual part: none -> not started; valid -> met; validUntil today -> met; yesterday -> expired', () => {
  assert.equal(one({ manual: MANUAL }).status, 'not_started');
  const met = one({ manual: MANUAL }, { attestations: [attestation('R1')] });
  assert.equal(met.status, 'met');
  assert.match(text(met), /attestation \d+ by alice on 2026-06-01 \(evidence\), valid until 2027-01-01: The policy was signed by the board\./);
  assert.equal(met.parts[0]!.attestation!.attestedBy.id, 'alice');
  assert.equal(one({ manual: MANUAL }, { attestations: [attestation('R1', { validUntil: TODAY })] }).status, 'met');
  const old = one({ manual: MANUAL }, { attestations: [attestation('R1', { validUntil: YESTERDAY })] });
  assert.equal(old.status, 'expired');
  assert.match(text(old), new RegExp(`expired on ${YESTERDAY}; attest again`));
});

test('manual part: the latest unrevoked attestation decides; a revoked one is not used and is named', () => {
  const older = attestation('R1', { validUntil: YESTERDAY });
  const newer = attestation('R1', { revoked: { id: '999', by: BOB, at: '2026-06-10T00:00:00Z', reason: 'wrong document' } });
  const r = one({ manual: MANUAL }, { attestations: [older, newer] });
  assert.equal(r.status, 'expired', 'the revoked newer attestation does not count; the older one has expired');
  assert.match(text(r), /was revoked by bob on 2026-06-10: wrong document/);
  const onlyRevoked = one({ manual: MANUAL }, { attestations: [newer] });
  assert.equal(onlyRevoked.status, 'not_started');
  // Attestations of another requirement or framework do not count.
  assert.equal(one({ manual: MANUAL }, { attestations: [attestation('R2'), attestation('R1', { framework: 'other' })] }).status, 'not_started');
});

test('manual part: an attestation whose evidence files fail their check decides nothing (unknown)', () => {
  const a = attestation('R1', { fileProblems: ['policy.pdf (sha256 abcd…) is not in the evidence store'] });
  const r = one({ manual: MANUAL }, { attestations: [a] });
  assert.equal(r.status, 'unknown');
  assert.match(text(r), /cannot be relied on: policy\.pdf/);
});

test('evidence not read (no ledger): manual parts not started, with a note saying so', () => {
  const a = assessCompliance({ frameworks: [catalog([req('R1', { manual: MANUAL })])], findings: [], now: NOW });
  assert.equal(a.evidenceRead, false);
  assert.equal(a.frameworks[0]!.requirements[0]!.status, 'not_started');
  assert.match(a.frameworks[0]!.requirements[0]!.reasons.join('\n'), /manual evidence was not read/);
  assert.match(a.notes.join('\n'), /Manual evidence and exceptions were not read/);
});

test('not-applicable attestation: the whole requirement is not applicable with its justification; expired -> expired', () => {
  const na = attestation('R1', { kind: 'not-applicable', statement: 'We hold no cardholder data.' });
  const r = one({ controls: ['AT-1'], manual: MANUAL }, { findings: [finding('AT-1', 'pass')], attestations: [na] });
  assert.equal(r.status, 'not_applicable');
  assert.match(r.reasons[0]!, /^not applicable: We hold no cardholder data\./);
  const old = one({ manual: MANUAL }, { attestations: [attestation('R1', { kind: 'not-applicable', validUntil: YESTERDAY })] });
  assert.equal(old.status, 'expired');
});

test('not-applicable attestation over failing controls: not applicable, and the reasons say what is not counted', () => {
  const na = attestation('R1', { kind: 'not-applicable', statement: 'Out of scope.' });
  const r = one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'fail')], attestations: [na] });
  assert.equal(r.status, 'not_applicable');
  assert.match(text(r), /the controls part would not be met; they are not counted because of this attestation/);
  assert.equal(r.parts[0]!.status, 'not_met', 'the failing evidence is still shown');
});

test('not-applicable attestation on a requirement without manual part: expired -> no effect, said', () => {
  const na = attestation('R1', { kind: 'not-applicable', validUntil: YESTERDAY });
  const r = one({ controls: ['AT-1'] }, { findings: [finding('AT-1', 'fail')], attestations: [na] });
  assert.equal(r.status, 'not_met');
  assert.match(text(r), new RegExp(`not-applicable attestation \\d+ by alice on 2026-06-01 expired on ${YESTERDAY}`));
});

test('catalog notApplicable -> not applicable with the catalog reason, whatever else is given', () => {
  const r = one({ notApplicable: 'physical security of the provider\'s data centres' }, { attestations: [attestation('R1')] });
  assert.equal(r.status, 'not_applicable');
  assert.deepEqual(r.reasons, ['not applicable: physical security of the provider\'s data centres']);
});

test('combine: every combination of part statuses', () => {
  const table: [PartStatus[], string][] = [
    [['met'], 'met'],
    [['met', 'met', 'met'], 'met'],
    [['not_met'], 'not_met'],
    [['not_met', 'met'], 'partially_met'],
    [['met', 'not_met', 'not_started'], 'partially_met'],
    [['not_met', 'not_started'], 'not_met'],
    [['not_met', 'excepted'], 'not_met'],
    [['not_met', 'unknown'], 'not_met'],
    [['excepted'], 'excepted'],
    [['excepted', 'met'], 'excepted'],
    [['excepted', 'unknown'], 'excepted'],
    [['excepted', 'not_started'], 'excepted'],
    [['unknown'], 'unknown'],
    [['unknown', 'met'], 'unknown'],
    [['unknown', 'expired'], 'unknown'],
    [['unknown', 'not_started'], 'unknown'],
    [['expired'], 'expired'],
    [['expired', 'met'], 'expired'],
    [['not_started'], 'not_started'],
    [['not_started', 'met'], 'partially_met'],
    [['met', 'met', 'not_started'], 'partially_met'],
    [[], 'unknown'],
  ];
  for (const [parts, want] of table) assert.equal(combine(parts), want, parts.join(' + '));
});

test('combinations end to end: controls pass + manual missing -> partially met; controls fail + manual met -> partially met; both fail/missing -> not met', () => {
  const rule = { controls: ['AT-1'], manual: MANUAL };
  assert.equal(one(rule, { findings: [finding('AT-1', 'pass')] }).status, 'partially_met');
  assert.equal(one(rule, { findings: [finding('AT-1', 'fail')], attestations: [attestation('R1')] }).status, 'partially_met');
  assert.equal(one(rule, { findings: [finding('AT-1', 'fail')] }).status, 'not_met');
  assert.equal(one(rule, { findings: [finding('AT-1', 'pass')], attestations: [attestation('R1')] }).status, 'met');
  assert.equal(one(rule, { findings: [finding('AT-1', 'pass')], attestations: [attestation('R1', { validUntil: YESTERDAY })] }).status, 'expired');
  assert.equal(one(rule, { findings: [finding('AT-1', 'unknown')], attestations: [attestation('R1')] }).status, 'unknown');
});

test('score: met / applicable, floored to one decimal; unknown, expired, excepted, partially met never count; not applicable leaves the denominator', () => {
  const cat = catalog([
    req('M1', { controls: ['AT-1'] }),
    req('M2', { controls: ['AT-1'] }),
    req('U', { controls: ['AT-2'] }),
    req('NA', { notApplicable: 'not ours' }),
  ]);
  const a = assessCompliance({ frameworks: [cat], findings: [finding('AT-1', 'pass'), finding('AT-2', 'unknown')], attestations: [], now: NOW });
  const s = a.frameworks[0]!.summary;
  assert.equal(s.total, 4);
  assert.equal(s.applicable, 3);
  assert.equal(s.met, 2);
  assert.deepEqual(s.score, { numerator: 2, denominator: 3, percent: 66.6 }, '2/3 is 66.6, never rounded up to 66.7');
  assert.equal(s.counts.unknown, 1);
  assert.equal(s.counts.not_applicable, 1);
  assert.equal(Object.values(s.counts).reduce((x, y) => x + y, 0), 4);

  const statuses = catalog([
    req('A', { controls: ['AT-1'] }),
    req('B', { manual: MANUAL }),
    req('C', { controls: ['AT-3'] }),
    req('D', { controls: ['AT-4'] }),
    req('E', { controls: ['AT-1'], manual: MANUAL }),
    req('F', { controls: ['AT-5'] }),
  ]);
  const x = exception({ control: 'AT-3' });
  const b = assessCompliance({
    frameworks: [statuses],
    findings: [finding('AT-1', 'pass'), finding('AT-3', 'fail'), finding('AT-4', 'unknown'), finding('AT-5', 'fail')],
    attestations: [attestation('B', { framework: 'test-fw-1', validUntil: YESTERDAY })],
    exceptions: [x],
    now: NOW,
  });
  const t = b.frameworks[0]!;
  assert.deepEqual(t.requirements.map((r) => r.status), ['met', 'expired', 'excepted', 'unknown', 'partially_met', 'not_met']);
  assert.deepEqual(t.summary.score, { numerator: 1, denominator: 6, percent: 16.6 });
});

test('score of a framework with nothing applicable is null, not 0% or 100%', () => {
  const a = assessCompliance({ frameworks: [catalog([req('R1', { controls: ['AT-1'] })])], findings: [], now: NOW });
  assert.deepEqual(a.frameworks[0]!.summary.score, { numerator: 0, denominator: 0, percent: null });
});

test('score percentages floor at every size (1/3, 1/7, 199/200, 1/1)', () => {
  const sizes: [number, number, number][] = [[1, 3, 33.3], [1, 7, 14.2], [199, 200, 99.5], [1999, 2000, 99.9], [2, 2, 100], [0, 5, 0]];
  for (const [met, all, want] of sizes) {
    const reqs = Array.from({ length: all }, (_, i) => req(`R${i}`, { controls: [i < met ? 'AT-P' : 'AT-F'] }));
    const a = assessCompliance({ frameworks: [catalog(reqs)], findings: [finding('AT-P', 'pass'), finding('AT-F', 'fail')], now: NOW });
    assert.equal(a.frameworks[0]!.summary.score.percent, want, `${met}/${all}`);
  }
});

test('automated coverage: applicable requirements whose controls or service part had findings in scope / applicable', () => {
  const cat = catalog([
    req('A', { controls: ['AT-1'] }),
    req('B', { manual: MANUAL }),
    req('C', { service: ['ATTEST-SVC-1'], manual: MANUAL }),
    req('D', { manual: MANUAL }),
    req('E', { controls: ['AT-2'], manual: MANUAL }),
    req('NA', { notApplicable: 'n/a' }),
  ]);
  // C's service part was not assessed and E's control had nothing in scope: configuration decided neither.
  const a = assessCompliance({ frameworks: [cat], findings: [finding('AT-1', 'pass')], attestations: [], now: NOW });
  assert.deepEqual(a.frameworks[0]!.summary.coverage, { numerator: 1, denominator: 5, percent: 20 });
  assert.deepEqual(a.frameworks[0]!.requirements.map((r) => r.automated), [true, false, true, false, true, false], 'automated still says what the rule allows');
  // With the service assessed and a finding for AT-2, both count.
  const b = assessCompliance({ frameworks: [cat], findings: [finding('AT-1', 'pass'), finding('AT-2', 'fail')], serviceFindings: [finding('ATTEST-SVC-1', 'pass')], attestations: [], now: NOW });
  assert.deepEqual(b.frameworks[0]!.summary.coverage, { numerator: 3, denominator: 5, percent: 60 });
  // Nothing scanned: nothing was decided by configuration, whatever the rules list.
  const none = assessCompliance({ frameworks: [cat], findings: [], attestations: [], now: NOW });
  assert.deepEqual(none.frameworks[0]!.summary.coverage, { numerator: 0, denominator: 4, percent: 0 });
});

test('categories: the catalog defaults unless others are picked; an unknown category is refused naming the valid ones', () => {
  const cat: Catalog = catalog(
    [req('S1', { controls: ['AT-1'] }, { category: 'security' }), req('A1', { controls: ['AT-1'] }, { category: 'availability' })],
    { categories: [{ id: 'security', title: 'Security', default: true }, { id: 'availability', title: 'Availability', default: false }] },
  );
  const def = assessCompliance({ frameworks: [cat], findings: [], now: NOW }).frameworks[0]!;
  assert.deepEqual(def.categories, ['security']);
  assert.deepEqual(def.requirements.map((r) => r.id), ['S1']);
  const both = assessCompliance({ frameworks: [{ catalog: cat, categories: ['security', 'availability'] }], findings: [], now: NOW }).frameworks[0]!;
  assert.deepEqual(both.requirements.map((r) => r.id), ['S1', 'A1']);
  assert.throws(() => selectCategories(cat, ['privacy']), (e: unknown) => e instanceof ComplianceInputError && e.field === 'category' && /its categories are security, availability/.test(e.message));
  assert.throws(() => selectCategories(catalog([req('X', { controls: ['AT-1'] })]), ['security']), /has no categories/);
});

test('every result carries reasons; evidence lists every finding of every listed control', () => {
  const cat = catalog([req('A', { controls: ['AT-1', 'AT-2'], manual: MANUAL }), req('B', { notApplicable: 'n/a' })]);
  const a = assessCompliance({ frameworks: [cat], findings: [finding('AT-1', 'pass'), finding('AT-2', 'fail'), finding('AT-2', 'not_applicable')], attestations: [attestation('A')], now: NOW });
  for (const r of a.frameworks[0]!.requirements) assert.ok(r.reasons.length > 0, r.id);
  const part = a.frameworks[0]!.requirements[0]!.parts.find((p) => p.kind === 'controls')!;
  assert.deepEqual(part.findings!.map((c) => [c.controlId, c.findings.map((f) => f.status)]), [['AT-1', ['pass']], ['AT-2', ['fail', 'not_applicable']]]);
  const manual = a.frameworks[0]!.requirements[0]!.parts.find((p) => p.kind === 'manual')!;
  assert.equal(manual.attestation!.statement, 'The policy was signed by the board.');
});

test('no false met: over random inputs, met only when no listed finding fails, is undecided or excepted, and manual evidence is valid', () => {
  let state = 42;
  const rnd = (n: number) => { state = (state * 1103515245 + 12345) % 2 ** 31; return (state >>> 12) % n; };
  const statuses = ['pass', 'fail', 'unknown', 'not_applicable', 'suppressed'] as const;
  const dates = [YESTERDAY, TODAY, TOMORROW];
  let met = 0;
  for (let i = 0; i < 3000; i++) {
    const controls = ['AT-1', 'AT-2', 'AT-3'].slice(0, 1 + rnd(3));
    const rule: EvidenceRule = {};
    if (rnd(4)) rule.controls = controls;
    if (rnd(3) === 0) rule.service = ['SVC-1'];
    if (rnd(2) || (!rule.controls && !rule.service)) rule.manual = MANUAL;
    const findings: Finding[] = [];
    for (const c of controls) for (let k = rnd(3); k > 0; k--) {
      const st = statuses[rnd(5)]!;
      findings.push(finding(c, st, { resource: `R${rnd(3)}`, ...(st === 'suppressed' ? { suppression: { source: 'attest', reason: 'x', expires: dates[rnd(3)]!, file: 'a.yaml', line: 1, column: 1 } } : {}) }));
    }
    const service = rnd(2) ? [finding('SVC-1', statuses[rnd(4)]!)] : undefined;
    const atts = rnd(2) ? [attestation('R1', { validUntil: dates[rnd(3)]!, ...(rnd(4) === 0 ? { kind: 'not-applicable' as const } : {}) })] : [];
    const exs = rnd(3) === 0 ? [exception({ control: 'AT-1' }, { expires: dates[rnd(3)]! })] : [];
    const r = one(rule, { findings, ...(service ? { serviceFindings: service } : {}), attestations: atts, exceptions: exs });
    if (r.status !== 'met') continue;
    met++;
    const listed = findings.filter((f) => rule.controls?.includes(f.controlId));
    assert.ok(!listed.some((f) => f.status === 'fail' || f.status === 'unknown' || f.status === 'suppressed'), `met with a non-passing finding: ${JSON.stringify(rule)} ${listed.map((f) => f.status)}`);
    if (rule.service) assert.ok(service && service.every((f) => f.status !== 'fail' && f.status !== 'unknown'), 'met with the service part unassessed or failing');
    if (rule.manual) assert.ok(atts.length === 1 && atts[0]!.kind === 'evidence' && atts[0]!.validUntil >= TODAY, 'met without a valid evidence attestation');
    assert.ok(r.parts.some((p) => p.status === 'met'));
    assert.ok(r.parts.every((p) => p.status === 'met' || p.status === 'no_evidence'));
  }
  assert.ok(met > 50, `the generator produced met results to check (${met})`);
});

test('one finding is evidence for many requirements and frameworks without being copied per requirement', () => {
  const f = finding('AT-1', 'fail');
  const c1 = catalog([req('A', { controls: ['AT-1'] }), req('B', { controls: ['AT-1'] })]);
  const c2 = catalog([req('X', { controls: ['AT-1'] })], { id: 'other-1' });
  const a = assessCompliance({ frameworks: [c1, c2], findings: [f], now: NOW });
  const refs = a.frameworks.flatMap((fw) => fw.requirements.map((r) => r.parts[0]!.findings![0]!.findings[0]));
  assert.equal(refs.length, 3);
  assert.ok(refs.every((r) => r === refs[0]));
  assert.equal(a.assessedAt, NOW.toISOString());
});

test('an invalid now is refused', () => {
  assert.throws(() => assessCompliance({ frameworks: [], findings: [], now: new Date('x') }), /now: a valid time is required/);
  void ALICE;
});
