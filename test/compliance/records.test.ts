/**
 * Attestations and the exceptions register as ledger records: validation (each error names
 * its field), the checks against the register (second person, states), folding, and that
 * nothing but the compliance functions can write such a record.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ledger } from '../../src/ledger/ledger.js';
import { DirectoryKeyProvider } from '../../src/ledger/keys.js';
import { SqliteStore } from '../../src/ledger/stores/sqlite.js';
import { LedgerValidationError } from '../../src/ledger/record.js';
import {
  approveException,
  readComplianceRecords,
  readRegister,
  recordAttestation,
  requestException,
  revokeAttestation,
  revokeException,
  reviewException,
  validateAttestation,
  validateExceptionRequest,
} from '../../src/compliance/records.js';
import { ACTIONS, dueThisMonth, foldRegister, templateEntries } from '../../src/compliance/register.js';
import type { ComplianceActor } from '../../src/compliance/types.js';
import { addDays, ComplianceInputError, utcDay } from '../../src/compliance/util.js';
import { resolveFramework } from '../../src/compliance/frameworks.js';
import type { Catalog } from '../../src/frameworks/schema.js';
import { MANUAL, NOW, catalog, finding, req } from './fixtures.js';

const CAT: Catalog = catalog([
  req('M1', { manual: MANUAL }),
  req('M2', { controls: ['AT-1'], manual: { ...MANUAL, validityDays: 30 } }),
  req('C1', { controls: ['AT-1'] }),
  req('NA', { notApplicable: 'the provider runs the data centre' }),
]);
const CAT_V2: Catalog = { ...CAT, id: 'test-fw-2', version: '2' };
const CATALOGS = [CAT, CAT_V2];
const opts = { catalogs: CATALOGS, now: NOW };
// The ledger stamps records with the real clock: tests that write records and then reason
// about their dates count from the real day.
const realNow = new Date();
const today = utcDay(realNow);
const live = { catalogs: CATALOGS, now: realNow };
const liveEx = { ...live, knownControls: new Set(['AT-1', 'AT-2']) };
const exOpts = { ...opts, knownControls: new Set(['AT-1', 'AT-2']) };

const alice: ComplianceActor = { id: 'alice', type: 'user', issuer: 'https://idp.example', source: 'api', name: 'Alice Example' };
const bob: ComplianceActor = { id: 'bob', type: 'user', issuer: 'https://idp.example', source: 'api' };
const aliceElsewhere: ComplianceActor = { ...alice, issuer: 'https://other-idp.example' };

async function ledger(): Promise<Ledger> {
  const dir = mkdtempSync(join(tmpdir(), 'attest-compliance-'));
  return Ledger.open({ store: new SqliteStore(join(dir, 'ledger.db')), keys: DirectoryKeyProvider.open(join(dir, 'keys'), { create: true }) });
}

/** Asserts that fn throws a ComplianceInputError on `field` whose message matches `re`. */
function refuses(fn: () => unknown, field: string, re: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof ComplianceInputError, String(e));
    assert.equal(e.field, field, e.message);
    assert.match(e.message, re);
    return true;
  });
}

async function refusesAsync(p: Promise<unknown>, field: string, re: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof ComplianceInputError, String(e));
    assert.equal(e.field, field, e.message);
    assert.match(e.message, re);
    return true;
  });
}

const good = { framework: 'test-fw-1', requirement: 'M1', statement: 'The policy is signed.', files: [{ name: 'policy.pdf', sha256: 'a'.repeat(64), size: 10, mediaType: 'application/pdf' }], links: ['https://wiki.example/policy'] };

test('attestation validation: each bad field is named', () => {
  refuses(() => validateAttestation({ ...good, framework: 'nope' }, opts), 'framework', /"nope" is not a framework; use one of test-fw-1, test-fw-2, test-fw \(latest\)/);
  refuses(() => validateAttestation({ ...good, requirement: 'X9' }, opts), 'requirement', /"X9" is not a requirement of test-fw-1/);
  refuses(() => validateAttestation({ ...good, requirement: 'C1' }, opts), 'requirement', /decided by configuration alone \(AT-1\); it takes no manual evidence/);
  refuses(() => validateAttestation({ ...good, requirement: 'NA' }, opts), 'requirement', /not applicable by the catalog \(the provider runs the data centre\)/);
  refuses(() => validateAttestation({ ...good, statement: '  ' }, opts), 'statement', /must not be empty/);
  refuses(() => validateAttestation({ ...good, statement: undefined }, opts), 'statement', /is required/);
  refuses(() => validateAttestation({ ...good, kind: 'maybe' }, opts), 'kind', /evidence or not-applicable/);
  refuses(() => validateAttestation({ ...good, extra: 1 }, opts), 'extra', /is not a field of an attestation/);
  refuses(() => validateAttestation({ ...good, files: [{ ...good.files[0], sha256: 'xyz' }] }, opts), 'files[0].sha256', /64 lower-case hex digits/);
  refuses(() => validateAttestation({ ...good, files: [{ ...good.files[0], size: 26 * 1024 * 1024 }] }, opts), 'files[0].size', /over the evidence file limit of 26214400 bytes \(compliance\.evidenceMaxBytes\)/);
  refuses(() => validateAttestation({ ...good, files: [{ ...good.files[0], mediaType: 'pdf' }] }, opts), 'files[0].mediaType', /not a media type/);
  refuses(() => validateAttestation({ ...good, files: [{ ...good.files[0], path: '/etc' }] }, opts), 'files[0].path', /not a field of a file/);
  refuses(() => validateAttestation({ ...good, links: ['http://wiki.example/x'] }, opts), 'links[0]', /https:\/\//);
  refuses(() => validateAttestation({ ...good, links: ['https://user:secret@wiki.example/x'] }, opts), 'links[0]', /must not carry a user name or password/);
  refuses(() => validateAttestation({ ...good, links: ['not a url'] }, opts), 'links[0]', /is not a URL/);
  refuses(() => validateAttestation('x', opts), 'an attestation', /JSON object/);
});

test('attestation validUntil: defaults to today + the catalog validity; bounded by it; never in the past', () => {
  assert.equal(validateAttestation(good, opts).metadata.validUntil, '2027-06-15');
  assert.equal(validateAttestation({ ...good, requirement: 'M2' }, opts).metadata.validUntil, '2026-07-15');
  assert.equal(validateAttestation({ ...good, requirement: 'M2', validUntil: '2026-07-15' }, opts).metadata.validUntil, '2026-07-15');
  refuses(() => validateAttestation({ ...good, requirement: 'M2', validUntil: '2026-07-16' }, opts), 'validUntil', /more than 30 days after today \(2026-06-15\); the latest allowed is 2026-07-15 \(the catalog's validity for M2\)/);
  assert.equal(validateAttestation({ ...good, validUntil: '2026-06-15' }, opts).metadata.validUntil, '2026-06-15');
  refuses(() => validateAttestation({ ...good, validUntil: '2026-06-14' }, opts), 'validUntil', /is in the past/);
  refuses(() => validateAttestation({ ...good, validUntil: '2026-02-30' }, opts), 'validUntil', /YYYY-MM-DD/);
  // A not-applicable attestation of a configuration-only requirement is allowed, with its own bound.
  const na = validateAttestation({ framework: 'test-fw-1', requirement: 'C1', kind: 'not-applicable', statement: 'no buckets in this account' }, opts);
  assert.equal(na.metadata.validUntil, '2027-06-15');
});

test('framework ids: a catalog id, or the family for its latest version', () => {
  assert.equal(resolveFramework('test-fw', CATALOGS).id, 'test-fw-2');
  assert.equal(resolveFramework('test-fw-1', CATALOGS).id, 'test-fw-1');
  assert.equal(validateAttestation({ ...good, framework: 'test-fw' }, opts).metadata.framework, 'test-fw-2');
});

test('attestation in the ledger: the actor is the given principal, the time is the ledger\'s; revocation is a new record', async () => {
  const l = await ledger();
  const a = await recordAttestation(l, alice, good, opts);
  assert.equal(a.framework, 'test-fw-1');
  assert.equal(a.requirement, 'M1');
  assert.deepEqual(a.attestedBy, { id: 'alice', type: 'user', issuer: 'https://idp.example', source: 'api' });
  assert.match(a.attestedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
  assert.equal(a.files[0]!.sha256, 'a'.repeat(64));
  const [rec] = await readComplianceRecords(l);
  assert.equal(rec!.action, ACTIONS.attestation);
  assert.deepEqual(rec!.target, { type: 'requirement', id: 'test-fw-1/M1' });
  assert.equal(rec!.personal?.['actor.name'], 'Alice Example', 'the name is personal data, held beside the chain');
  assert.equal(JSON.stringify(rec!.actor).includes('Alice Example'), false);
  await refusesAsync(revokeAttestation(l, bob, { attestation: '999', reason: 'x' }, opts), 'attestation', /999 is not an attestation in this ledger/);
  await refusesAsync(revokeAttestation(l, bob, { attestation: 'abc', reason: 'x' }, opts), 'attestation', /must be the id of an attestation/);
  await refusesAsync(revokeAttestation(l, bob, { attestation: a.id }, opts), 'reason', /is required/);
  const r = await revokeAttestation(l, bob, { attestation: Number(a.id), reason: 'wrong file' }, opts);
  assert.equal(r.revoked!.by.id, 'bob');
  await refusesAsync(revokeAttestation(l, bob, { attestation: a.id, reason: 'again' }, opts), 'attestation', /already revoked by bob/);
  const reg = await readRegister(l, NOW);
  assert.equal(reg.attestations.length, 1);
  assert.equal(reg.attestations[0]!.revoked!.reason, 'wrong file');
  assert.equal(reg.attestations[0]!.statement, good.statement, 'the attestation itself is unchanged');
  assert.deepEqual(reg.problems, []);
  assert.equal((await l.verify()).ok, true);
  await l.close();
});

test('attestation with an evidence store: every file must be held, with its size', async () => {
  const l = await ledger();
  const held = new Map([['a'.repeat(64), { size: 10, mediaType: 'application/pdf' }]]);
  const evidence = { fileInfo: async (s: string) => held.get(s) };
  await recordAttestation(l, alice, good, { ...opts, evidence });
  await refusesAsync(recordAttestation(l, alice, { ...good, files: [{ ...good.files[0], sha256: 'b'.repeat(64) }] }, { ...opts, evidence }), 'files[0].sha256', /no evidence file with this hash is stored; store policy\.pdf first/);
  await refusesAsync(recordAttestation(l, alice, { ...good, files: [{ ...good.files[0], size: 11 }] }, { ...opts, evidence }), 'files[0].size', /has 10 bytes, not 11/);
  await l.close();
});

test('the generic append path refuses compliance records: an approval or attestation cannot be forged through ledger append', async () => {
  const l = await ledger();
  for (const action of [ACTIONS.exceptionApprove, ACTIONS.attestation, 'compliance.anything']) {
    await assert.rejects(
      l.append([{ actor: { id: 'mallory', type: 'user' }, action, outcome: 'success', metadata: { exceptionId: 'EXC-1' } }]),
      (e: unknown) => e instanceof LedgerValidationError && e.field === 'action' && /written only by the compliance commands and API/.test(e.message),
    );
  }
  // Other actions are untouched, including ones that merely resemble the prefix.
  await l.append([{ actor: { id: 'a', type: 'user' }, action: 'compliancex.note', outcome: 'success' }]);
  assert.equal((await readComplianceRecords(l)).length, 0);
  await l.close();
});

test('exception request validation: each bad field is named; expires is bounded by compliance.exceptionMaxDays', () => {
  const ok = { target: { control: 'AT-1' }, scope: ['Bucket', 'infra/app.yaml#Logs'], reason: 'legacy', risk: 'high', compensatingControls: ['alarm on access'], owner: 'platform', expires: '2026-12-31' };
  const v = validateExceptionRequest(ok, exOpts);
  assert.equal(v.reviewEveryDays, 90);
  assert.deepEqual(v.target, { control: 'AT-1' });
  refuses(() => validateExceptionRequest({ ...ok, target: { control: 'AT-404' } }, exOpts), 'target.control', /"AT-404" is not an Attest control/);
  refuses(() => validateExceptionRequest({ ...ok, target: { control: 'AT-1', framework: 'test-fw-1' } }, exOpts), 'target', /either a control or a framework and requirement/);
  refuses(() => validateExceptionRequest({ ...ok, target: undefined }, exOpts), 'target', /is required/);
  refuses(() => validateExceptionRequest({ ...ok, target: { framework: 'test-fw-1', requirement: 'Z' } }, exOpts), 'target.requirement', /"Z" is not a requirement of test-fw-1/);
  refuses(() => validateExceptionRequest({ ...ok, target: { framework: 'zzz', requirement: 'M1' } }, exOpts), 'target.framework', /not a framework/);
  assert.deepEqual(validateExceptionRequest({ ...ok, target: { framework: 'test-fw', requirement: 'M1' } }, exOpts).target, { framework: 'test-fw-2', requirement: 'M1' });
  refuses(() => validateExceptionRequest({ ...ok, risk: 'extreme' }, exOpts), 'risk', /low, medium, high, critical/);
  refuses(() => validateExceptionRequest({ ...ok, reason: '' }, exOpts), 'reason', /must not be empty/);
  refuses(() => validateExceptionRequest({ ...ok, owner: undefined }, exOpts), 'owner', /is required/);
  refuses(() => validateExceptionRequest({ ...ok, scope: ['two words'] }, exOpts), 'scope[0]', /not a resource/);
  refuses(() => validateExceptionRequest({ ...ok, scope: 'Bucket' }, exOpts), 'scope', /must be an array/);
  refuses(() => validateExceptionRequest({ ...ok, compensatingControls: [3] }, exOpts), 'compensatingControls[0]', /must be a string/);
  refuses(() => validateExceptionRequest({ ...ok, expires: undefined }, exOpts), 'expires', /is required.*compliance\.exceptionMaxDays/);
  refuses(() => validateExceptionRequest({ ...ok, expires: '2027-06-16' }, exOpts), 'expires', /more than 365 days after today \(2026-06-15\); the latest allowed is 2027-06-15 \(the maximum is set by compliance\.exceptionMaxDays in the config\)/);
  assert.equal(validateExceptionRequest({ ...ok, expires: '2027-06-15' }, exOpts).expires, '2027-06-15');
  refuses(() => validateExceptionRequest({ ...ok, expires: '2026-08-01' }, { ...exOpts, maxDays: 30 }), 'expires', /more than 30 days/);
  refuses(() => validateExceptionRequest({ ...ok, expires: '2026-06-14' }, exOpts), 'expires', /in the past/);
  refuses(() => validateExceptionRequest({ ...ok, reviewEveryDays: 0 }, exOpts), 'reviewEveryDays', /from 1 to 366/);
});

test('exceptions register: request, refused self-approval, approval by another person, review, revocation — each a record', async () => {
  const l = await ledger();
  await refusesAsync(requestException(l, alice, { exceptionId: 'EXC-MINE' }, liveEx), 'exceptionId', /generated by Attest/);
  const e = await requestException(l, alice, { target: { control: 'AT-1' }, scope: ['Legacy'], reason: 'migration planned', risk: 'medium', compensatingControls: ['weekly access review'], owner: 'platform team', expires: addDays(today, 200) }, liveEx);
  assert.match(e.exceptionId, /^EXC-[0-9A-F]{10}$/);
  assert.equal(e.state, 'requested');
  await refusesAsync(reviewException(l, bob, { exceptionId: e.exceptionId, note: 'ok' }, live), 'exceptionId', /is requested; only an approved exception is reviewed/);
  await refusesAsync(approveException(l, alice, { exceptionId: e.exceptionId, note: 'self' }, live), 'exceptionId', /requested by alice \(https:\/\/idp\.example\); the requester cannot approve their own exception: another person must approve it/);
  await refusesAsync(approveException(l, bob, { exceptionId: 'EXC-NONE' }, live), 'exceptionId', /EXC-NONE is not in the exceptions register/);
  const approved = await approveException(l, bob, { exceptionId: e.exceptionId, note: 'accepted for Q3' }, live);
  assert.equal(approved.state, 'approved');
  assert.equal(approved.approval!.by.id, 'bob');
  assert.equal(approved.nextReviewDue, addDays(today, 90), 'approval day (ledger time, today) + 90 days');
  await refusesAsync(approveException(l, bob, { exceptionId: e.exceptionId }, live), 'exceptionId', /already approved by bob/);
  const reviewed = await reviewException(l, alice, { exceptionId: e.exceptionId, note: 'still needed' }, live);
  assert.equal(reviewed.reviews.length, 1);
  const revoked = await revokeException(l, alice, { exceptionId: e.exceptionId, reason: 'bucket migrated' }, live);
  assert.equal(revoked.state, 'revoked');
  await refusesAsync(approveException(l, bob, { exceptionId: e.exceptionId }, live), 'exceptionId', /was revoked/);
  await refusesAsync(revokeException(l, bob, { exceptionId: e.exceptionId, reason: 'x' }, live), 'exceptionId', /already revoked by alice/);
  const records = await readComplianceRecords(l);
  assert.deepEqual(records.map((r) => r.action), [ACTIONS.exceptionRequest, ACTIONS.exceptionApprove, ACTIONS.exceptionReview, ACTIONS.exceptionRevoke]);
  assert.deepEqual(records.map((r) => r.actor.id), ['alice', 'bob', 'alice', 'alice']);
  assert.ok(records.every((r) => (r.metadata as { exceptionId: string }).exceptionId === e.exceptionId));
  assert.equal((await l.verify()).ok, true);
  await l.close();
});

test('separation of duties compares issuer and subject: the same subject from another issuer is another person', async () => {
  const l = await ledger();
  const e = await requestException(l, alice, { target: { framework: 'test-fw-1', requirement: 'M1' }, reason: 'r', risk: 'low', owner: 'o', expires: addDays(today, 10) }, liveEx);
  const a = await approveException(l, aliceElsewhere, { exceptionId: e.exceptionId }, live);
  assert.equal(a.state, 'approved');
  await l.close();
});

test('register state by date: expired from the day after expires; an expired exception cannot be approved; revoking it closes it', async () => {
  const l = await ledger();
  const last = addDays(today, 5);
  const e = await requestException(l, alice, { target: { control: 'AT-1' }, reason: 'r', risk: 'low', owner: 'o', expires: last }, liveEx);
  const later = new Date(`${addDays(last, 1)}T00:00:00Z`);
  await refusesAsync(approveException(l, bob, { exceptionId: e.exceptionId }, { ...live, now: later }), 'exceptionId', new RegExp(`expired on ${last}; request a new exception`));
  await approveException(l, bob, { exceptionId: e.exceptionId }, live);
  assert.equal((await readRegister(l, new Date(`${last}T23:59:59Z`))).exceptions[0]!.state, 'approved');
  assert.equal((await readRegister(l, later)).exceptions[0]!.state, 'expired');
  const closed = await revokeException(l, alice, { exceptionId: e.exceptionId, reason: 'closed after expiry' }, { ...live, now: later });
  assert.equal(closed.state, 'revoked');
  await l.close();
});

test('due this month: reviews due or overdue, expiries this month, expired entries not yet closed', () => {
  const rec = (seq: number, action: string, actor: string, ts: string, metadata: Record<string, unknown>) => ({
    seq, ts, action, actor: { id: actor, type: 'user' as const }, outcome: 'success' as const, metadata: { ...metadata, by: { issuer: 'i', source: 'api' } }, kid: 'k', nonce: 'n', hash: 'h',
  });
  const request = (seq: number, id: string, expires: string, every = 90) => rec(seq, ACTIONS.exceptionRequest, 'alice', '2026-01-10T00:00:00.000000Z', { exceptionId: id, target: { control: 'AT-1' }, scope: [], reason: 'r', risk: 'low', compensatingControls: [], owner: 'o', expires, reviewEveryDays: every });
  const approve = (seq: number, id: string, ts: string) => rec(seq, ACTIONS.exceptionApprove, 'bob', ts, { exceptionId: id, note: '' });
  const records = [
    request(1, 'EXC-REVIEW', '2026-12-31'), approve(2, 'EXC-REVIEW', '2026-03-20T00:00:00.000000Z'), // review due 2026-06-18
    request(3, 'EXC-OVERDUE', '2026-12-31', 30), approve(4, 'EXC-OVERDUE', '2026-04-01T00:00:00.000000Z'), // due 2026-05-01: overdue
    request(5, 'EXC-ENDING', '2026-06-28', 365), approve(6, 'EXC-ENDING', '2026-06-01T00:00:00.000000Z'),
    request(7, 'EXC-GONE', '2026-05-31', 365), approve(8, 'EXC-GONE', '2026-02-01T00:00:00.000000Z'),
    request(9, 'EXC-LATER', '2026-12-31', 365), approve(10, 'EXC-LATER', '2026-06-01T00:00:00.000000Z'),
    request(11, 'EXC-PENDING', '2026-12-31'),
  ];
  const reg = foldRegister(records, NOW);
  assert.deepEqual(reg.problems, []);
  const due = dueThisMonth(reg.exceptions, NOW).map((d) => `${d.entry.exceptionId}:${d.why}:${d.date}${d.overdue ? ':overdue' : ''}`);
  assert.deepEqual(due, ['EXC-OVERDUE:review:2026-05-01:overdue', 'EXC-GONE:expired:2026-05-31:overdue', 'EXC-REVIEW:review:2026-06-18', 'EXC-ENDING:expires:2026-06-28']);
});

test('fold re-checks what the writers check: a self-approval, an approval of an unknown id, a second request of an id decide nothing', () => {
  const rec = (seq: number, action: string, actor: string, metadata: Record<string, unknown>) => ({
    seq, ts: '2026-06-01T00:00:00.000000Z', action, actor: { id: actor, type: 'user' as const }, outcome: 'success' as const, metadata: { ...metadata, by: { issuer: 'i', source: 'api' } }, kid: 'k', nonce: 'n', hash: 'h',
  });
  const reg = foldRegister([
    rec(1, ACTIONS.exceptionRequest, 'alice', { exceptionId: 'EXC-1', target: { control: 'AT-1' }, reason: 'r', risk: 'low', owner: 'o', expires: '2026-12-31' }),
    rec(2, ACTIONS.exceptionApprove, 'alice', { exceptionId: 'EXC-1' }),
    rec(3, ACTIONS.exceptionApprove, 'bob', { exceptionId: 'EXC-2' }),
    rec(4, ACTIONS.exceptionRequest, 'bob', { exceptionId: 'EXC-1', target: { control: 'AT-2' }, reason: 'r', risk: 'low', owner: 'o', expires: '2026-12-31' }),
    rec(5, ACTIONS.attestationRevoke, 'bob', { attestation: '77', reason: 'x' }),
    rec(6, ACTIONS.attestation, 'bob', { framework: 'f' }),
  ], NOW);
  assert.equal(reg.exceptions.length, 1);
  assert.equal(reg.exceptions[0]!.state, 'requested');
  assert.deepEqual(reg.exceptions[0]!.target, { control: 'AT-1' });
  assert.equal(reg.attestations.length, 0);
  assert.equal(reg.problems.length, 5);
  assert.match(reg.problems.join('\n'), /ledger record 2 \(compliance\.exception\.approve\): exception EXC-1 approved by its requester alice/);
});

test('template suppressions appear in the register read-only, one row per suppression and control, with location and expiry', () => {
  const supp = { source: 'attest' as const, reason: 'public site', expires: '2026-09-30', file: 'site.yaml', line: 8, column: 11 };
  const entries = templateEntries([
    finding('AT-1', 'suppressed', { resource: 'Site', file: 'site.yaml', suppression: supp }),
    finding('AT-1', 'suppressed', { resource: 'Site', file: 'site.yaml', suppression: supp }),
    finding('AT-2', 'fail', { resource: 'Old', file: 'old.yaml', suppression: { source: 'checkov', reason: 'ok', expires: '2026-01-01', file: 'old.yaml', line: 3, column: 5, expired: true } }),
    finding('AT-3', 'pass'),
  ], NOW);
  assert.deepEqual(entries.map((e) => [e.exceptionId, e.source, e.state, e.expires, e.scope, e.location?.line, e.suppressionSource]), [
    ['template:site.yaml:8:AT-1', 'template', 'approved', '2026-09-30', ['site.yaml#Site'], 8, 'attest'],
    ['template:old.yaml:3:AT-2', 'template', 'expired', '2026-01-01', ['old.yaml#Old'], 3, 'checkov'],
  ]);
});

test('tenants: records carry the tenant given, and a tenant reads only its own register', async () => {
  const l = await ledger();
  await recordAttestation(l, alice, good, { ...opts, tenant: 'acme' });
  await recordAttestation(l, alice, { ...good, requirement: 'M2' }, { ...opts, tenant: 'globex' });
  const acme = await readRegister(l, NOW, { tenants: ['acme'] });
  assert.deepEqual(acme.attestations.map((a) => a.requirement), ['M1']);
  assert.equal((await readRegister(l, NOW)).attestations.length, 2);
  await l.close();
});

test('a bad actor is refused before anything is written', async () => {
  const l = await ledger();
  await refusesAsync(recordAttestation(l, { ...alice, id: '' }, good, opts), 'actor.id', /non-empty/);
  await refusesAsync(recordAttestation(l, { ...alice, source: 'web' as 'api' }, good, opts), 'actor.source', /cli or api/);
  assert.equal((await readComplianceRecords(l)).length, 0);
  await l.close();
});
