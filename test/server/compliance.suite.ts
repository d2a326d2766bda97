/**
 * The compliance API against one ledger backend (called from api.suite.ts, so it runs for
 * SQLite and for real PostgreSQL): checklists decided from the server's findings, viewers
 * kept from resources and files, evidence files, attestations (attester from the token and
 * the catalog's roles), the exceptions register (a second person approves; an expired
 * exception stops excepting) and the history.
 *
 * The servers assess the small catalogs of compliance-fixture.ts. The route × role matrix
 * (api.suite.ts) runs first and writes attestations and exceptions on T-9 only, which is
 * outside the default category, so the statuses below start from the scan alone.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import Database from 'better-sqlite3';
import pg from 'pg';
import { addDays, utcDay } from '../../src/compliance/index.js';
import { FW, FW_B, type Fixture } from './compliance-fixture.js';
import { bearer, pgUrl, testServer, type Backend, type TestServer } from './helpers.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface ComplianceSuiteEnv {
  backend: Backend;
  server(): TestServer;
  fixture(): Fixture;
  deniedCount(): Promise<number>;
}

/** One person per role (the matrix's tokens are all the same user, who could not approve their own requests). */
const PEOPLE: Record<string, string> = { admin: 'adam', 'security-officer': 'sam', auditor: 'aude', approver: 'ann', agent: 'bot', viewer: 'vic' };

const json = (r: LightMyRequestResponse): Json => JSON.parse(r.body) as Json;

export function complianceTests(t: (title: string, fn: () => Promise<void>) => void, env: ComplianceSuiteEnv): void {
  const inject = (method: string, url: string, token?: string, payload?: unknown, headers: Record<string, string> = {}) =>
    env.server().app.inject({ method: method as 'GET', url, headers: { ...bearer(token), ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const statusOf = async (token: string | undefined, fw = FW, q = '') =>
    Object.fromEntries(json(await inject('GET', `/api/compliance/frameworks/${fw}/checklist${q}`, token)).requirements.map((r: Json) => [r.id, r.status]));
  const tokens = new Map<string, string>();
  const tok = async (role: string) => tokens.get(role) ?? tokens.set(role, await env.server().token(role, PEOPLE[role])).get(role)!;
  const complianceRecords = async () => (await env.server().ctx.ledger.query({ action: 'compliance', limit: 1000 })).records;

  t('compliance: frameworks and checklists are decided from the findings; score = met / applicable, floored; a viewer gets counts, never resources or files', async () => {
    const fx = env.fixture();
    const viewer = await tok('viewer');
    const auditor = await tok('auditor');
    const list = await inject('GET', '/api/compliance/frameworks', viewer);
    assert.equal(list.statusCode, 200, list.body);
    const l = json(list);
    assert.equal(l.disclaimer, 'Self-assessed; a third-party audit is required.');
    assert.deepEqual(l.frameworks.map((f: Json) => f.id), [FW, FW_B]);
    assert.deepEqual(l.statuses.filter((x: Json) => x.countsAsMet).map((x: Json) => x.status), ['met'], 'only met counts');
    assert.deepEqual(Object.fromEntries(l.statuses.map((x: Json) => [x.status, x.symbol])), { met: '✅', partially_met: '⚠️', not_met: '❌', unknown: '⚠️', not_started: '⚠️', expired: '⚠️', excepted: '⚠️', not_applicable: '—' });
    const a = l.frameworks[0];
    assert.deepEqual(a.selectedCategories, ['core']);
    // T-1 and T-5 met; T-2 (failing control) and T-6 (dev issuer trusted) not met; T-3 and T-8
    // not started; T-4 partially met (configuration passes, no document); T-7 not applicable.
    assert.deepEqual(await statusOf(viewer), { 'T-1': 'met', 'T-2': 'not_met', 'T-3': 'not_started', 'T-4': 'partially_met', 'T-5': 'met', 'T-6': 'not_met', 'T-7': 'not_applicable', 'T-8': 'not_started' });
    // 2 of 7 applicable is 28.57…: shown as 28.5, never rounded up to 28.6.
    assert.deepEqual(a.summary.score, { numerator: 2, denominator: 7, percent: 28.5 });
    assert.deepEqual(a.summary.coverage, { numerator: 5, denominator: 7, percent: 71.4 });
    assert.equal(a.requirements, 8);
    assert.deepEqual(a.worstGaps.slice(0, 2).map((g: Json) => g.status), ['not_met', 'not_met']);
    assert.deepEqual(a.worstGaps.map((g: Json) => g.id).sort(), ['T-2', 'T-3', 'T-4', 'T-6', 'T-8']);
    assert.ok(a.trend.length >= 1 && a.trend.every((p: Json) => /^\d{4}-\d{2}-\d{2}$/.test(p.day)), 'the start of the server stored a day of history');

    // The viewer reads statuses and counts; the resources and lines behind them need security:read.
    const asViewer = await inject('GET', `/api/compliance/frameworks/${FW}/checklist`, viewer);
    const v = json(asViewer);
    assert.equal(v.findingsShown, false);
    const t2 = v.requirements.find((r: Json) => r.id === 'T-2');
    assert.deepEqual(t2.parts[0].counts, { fail: 1 });
    assert.match(t2.reasons[0], /^configuration: not met: 1 failing finding \(which resources, and where, needs security:read\)$/);
    const detail = await inject('GET', `/api/compliance/frameworks/${FW}/requirements/T-2`, viewer);
    for (const body of [asViewer.body, detail.body]) {
      assert.ok(!body.includes(fx.failing.resource), 'no resource id');
      assert.ok(!/\.ya?ml/.test(body), 'no file');
    }
    assert.equal(json(detail).requirement.parts[0].findings, undefined);

    // The auditor sees where: file:line, the same finding the report has.
    const asAuditor = json(await inject('GET', `/api/compliance/frameworks/${FW}/requirements/T-2`, auditor));
    assert.equal(asAuditor.findingsShown, true);
    const part = asAuditor.requirement.parts[0];
    assert.equal(part.findings[0].controlId, fx.failing.control);
    const ref = part.findings[0].findings[0];
    const report = json(await inject('GET', '/api/security/compliance-report', auditor));
    const same = report.findings.find((f: Json) => f.controlId === fx.failing.control);
    assert.equal(part.findings[0].domain, same.domain, 'the domain links into the report page');
    assert.deepEqual([ref.resource.id, ref.location.file, ref.location.line, ref.status], [same.resource.id, same.location.file, same.location.line, 'fail']);
    assert.ok(asAuditor.requirement.reasons[0].includes(`${same.location.file}:${same.location.line}`));
    assert.equal(asAuditor.requirement.summary, 'What T-2 asks for, in test words.');

    // Categories: the catalog's defaults unless named; unknown ones are named in the 400.
    assert.deepEqual(Object.keys(await statusOf(viewer, FW, '?category=extra')), ['T-9']);
    assert.equal(Object.keys(await statusOf(viewer, FW, '?category=core,extra')).length, 9);
    assert.equal(Object.keys(await statusOf(viewer, FW, '?category=core&category=extra')).length, 9);
    for (const [fw, q] of [[FW, '?category=nope'], [FW_B, '?category=core']] as const) {
      const bad = await inject('GET', `/api/compliance/frameworks/${fw}/checklist${q}`, viewer);
      assert.equal(bad.statusCode, 400, bad.body);
      assert.equal(json(bad).field, 'category');
    }
    // The family name finds the latest version; unknown ids are 404 listing the frameworks.
    assert.equal(json(await inject('GET', '/api/compliance/frameworks/attest-test/checklist', viewer)).framework.id, FW);
    const none = await inject('GET', '/api/compliance/frameworks/nope/checklist', viewer);
    assert.equal(none.statusCode, 404);
    assert.match(json(none).message, new RegExp(FW));
    assert.equal((await inject('GET', `/api/compliance/frameworks/${FW}/requirements/T-99`, viewer)).statusCode, 404);
    // A requirement outside the default categories still opens, assessed in its own.
    assert.equal(json(await inject('GET', `/api/compliance/frameworks/${FW}/requirements/T-9`, viewer)).requirement.category, 'extra');
  });

  t('compliance: evidence files are stored content-addressed (size limit, media type, hash check, no multipart) and downloaded as attachments', async () => {
    const so = await tok('security-officer');
    const bytes = Buffer.from(`%PDF-1.7 access review ${env.backend} ${Date.now()}`);
    const up = await inject('POST', '/api/compliance/evidence-files', so, bytes, { 'content-type': 'application/pdf' });
    assert.equal(up.statusCode, 201, up.body);
    const { sha256, size, mediaType, created } = json(up);
    assert.match(sha256, /^[0-9a-f]{64}$/);
    assert.deepEqual([size, mediaType, created], [bytes.length, 'application/pdf', true]);
    const again = await inject('POST', `/api/compliance/evidence-files?sha256=${sha256}`, so, bytes, { 'content-type': 'application/pdf' });
    assert.equal(again.statusCode, 200, 'already held');
    assert.equal(json(again).created, false);
    const [rec] = (await env.server().ctx.ledger.query({ action: 'evidence.file.store', targetId: sha256, limit: 1 })).records;
    assert.equal(rec!.actor.id, 'dev:sam');
    // Bad uploads, each naming what is wrong; none is stored.
    const cases: [Buffer, Record<string, string>, string, number, string | undefined][] = [
      [bytes, { 'content-type': 'application/pdf' }, `?sha256=${'0'.repeat(64)}`, 400, 'sha256'],
      [Buffer.alloc(0), { 'content-type': 'application/pdf' }, '', 400, 'body'],
      [Buffer.from('x'), { 'content-type': 'not a type' }, '', 415, undefined],
      [Buffer.from('--b\r\n\r\nx\r\n--b--'), { 'content-type': 'multipart/form-data; boundary=b' }, '', 415, undefined],
    ];
    for (const [body, headers, q, status, field] of cases) {
      const r = await inject('POST', `/api/compliance/evidence-files${q}`, so, body, headers);
      assert.equal(r.statusCode, status, `${JSON.stringify(headers)} ${q}: ${r.body}`);
      if (field) assert.equal(json(r).field, field, r.body);
    }
    const noType = await env.server().app.inject({ method: 'POST', url: '/api/compliance/evidence-files', headers: bearer(so), payload: bytes });
    assert.equal(noType.statusCode, 400, noType.body);
    assert.equal(json(noType).field, 'content-type');
    // 25 MiB (compliance.evidenceMaxBytes by default) and one byte more: refused, naming the setting.
    const big = await inject('POST', '/api/compliance/evidence-files', so, Buffer.alloc(25 * 1024 * 1024 + 1, 1), { 'content-type': 'application/octet-stream' });
    assert.equal(big.statusCode, 413);
    assert.match(json(big).message, /26214400 bytes \(compliance\.evidenceMaxBytes\)/);
    // Readers of compliance download; the file is an attachment that is never sniffed or run.
    // A viewer reads statuses, not the documents behind them.
    assert.equal((await inject('GET', `/api/compliance/evidence-files/${sha256}`, await tok('viewer'))).statusCode, 403);
    const down = await inject('GET', `/api/compliance/evidence-files/${sha256}?name=${encodeURIComponent('Access review "Q1".pdf')}`, await tok('auditor'));
    assert.equal(down.statusCode, 200);
    assert.deepEqual(down.rawPayload, bytes);
    assert.equal(down.headers['content-type'], 'application/pdf');
    assert.equal(down.headers['content-disposition'], 'attachment; filename="Access review _Q1_.pdf"');
    assert.equal(down.headers['x-content-type-options'], 'nosniff');
    assert.match(String(down.headers['content-security-policy']), /sandbox/);
    assert.equal((await inject('GET', `/api/compliance/evidence-files/${'f'.repeat(64)}`, await tok('auditor'))).statusCode, 404);
    assert.equal((await inject('GET', '/api/compliance/evidence-files/not-a-hash', await tok('auditor'))).statusCode, 400);
    for (const who of ['viewer', 'auditor', 'approver']) {
      assert.equal((await inject('POST', '/api/compliance/evidence-files', await tok(who), bytes, { 'content-type': 'application/pdf' })).statusCode, 403, who);
    }
  });

  t('compliance: an altered evidence file is refused on download (409) and its attestation decides nothing', async () => {
    const s = env.server();
    const so = await tok('security-officer');
    const bytes = Buffer.from(`risk assessment ${env.backend} ${Date.now()}`);
    const { sha256 } = json(await inject('POST', '/api/compliance/evidence-files', so, bytes, { 'content-type': 'text/plain' }));
    const att = await inject('POST', '/api/compliance/attestations', so, { framework: FW_B, requirement: 'B-2', statement: 'Risk assessment of 2026 approved', files: [{ name: 'risk.txt', sha256, size: bytes.length, mediaType: 'text/plain' }] });
    assert.equal(att.statusCode, 201, att.body);
    assert.equal((await statusOf(so, FW_B))['B-2'], 'met');
    // Altered where the data lives, behind the service's back.
    const altered = Buffer.from(bytes.toString().toUpperCase());
    if (env.backend === 'sqlite') {
      const db = new Database(s.ctx.config.ledger.db);
      db.exec('DROP TRIGGER evidence_files_no_update');
      db.prepare('UPDATE evidence_files SET content = ? WHERE sha256 = ?').run(altered, sha256);
      db.close();
    } else {
      const u = new URL(s.ctx.config.ledger.db);
      const schema = u.searchParams.get('schema')!;
      u.searchParams.delete('schema');
      const c = new pg.Client({ connectionString: u.toString() });
      await c.connect();
      await c.query(`UPDATE "${schema}".evidence_files SET content = $1 WHERE sha256 = $2`, [altered, sha256]);
      await c.end();
    }
    const down = await inject('GET', `/api/compliance/evidence-files/${sha256}`, so);
    assert.equal(down.statusCode, 409, down.body);
    assert.equal(json(down).error, 'evidence_altered');
    assert.ok(!down.body.includes(altered.toString()), 'the altered bytes are not served');
    // A new compliance record makes the service re-read the register and check the files again.
    assert.equal((await inject('POST', '/api/compliance/exceptions', so, { target: { framework: FW, requirement: 'T-9' }, reason: 'nudge', risk: 'low', owner: 'o', expires: addDays(utcDay(new Date()), 5) })).statusCode, 201);
    const b2 = json(await inject('GET', `/api/compliance/frameworks/${FW_B}/requirements/B-2`, so));
    assert.equal(b2.requirement.status, 'unknown');
    assert.match(b2.requirement.reasons.join(' '), /risk\.txt .*no longer matches its SHA-256/);
    assert.deepEqual(b2.attestations[0].fileProblems?.length, 1);
  });

  t('compliance: attestations — the viewer and the auditor cannot attest, the security officer can (files by hash), only the catalog\'s roles may, bad input names the field, revocation is a new record', async () => {
    const s = env.server();
    const so = await tok('security-officer');
    const body = { framework: FW, requirement: 'T-3', statement: 'Information security policy v4 approved by the board on 2026-01-15' };
    const denied0 = await env.deniedCount();
    for (const who of ['viewer', 'auditor', 'approver', 'agent']) {
      const r = await inject('POST', '/api/compliance/attestations', await tok(who), body);
      assert.equal(r.statusCode, 403, `${who}: ${r.body}`);
      assert.deepEqual(json(r).missingScopes, ['compliance:write']);
    }
    assert.equal(await env.deniedCount(), denied0 + 4);
    assert.equal((await complianceRecords()).filter((r) => r.metadata?.['requirement'] === 'T-3').length, 0, 'nothing recorded');

    const bytes = Buffer.from(`policy v4 ${env.backend}`);
    const { sha256 } = json(await inject('POST', '/api/compliance/evidence-files', so, bytes, { 'content-type': 'application/pdf' }));
    // Bad input: each names its field, and nothing is written.
    const before = (await complianceRecords()).length;
    const far = addDays(utcDay(new Date()), 91);
    for (const [b, field] of [
      [{ ...body, requirement: 'T-99' }, 'requirement'],
      [{ ...body, framework: 'nope' }, 'framework'],
      [{ ...body, statement: '   ' }, 'statement'],
      [{ ...body, validUntil: far }, 'validUntil'],
      [{ ...body, validUntil: '2020-01-01' }, 'validUntil'],
      [{ ...body, files: [{ name: 'p.pdf', sha256: 'a'.repeat(64), size: 3, mediaType: 'application/pdf' }] }, 'files[0].sha256'],
      [{ ...body, files: [{ name: 'p.pdf', sha256, size: bytes.length + 1, mediaType: 'application/pdf' }] }, 'files[0].size'],
      [{ ...body, links: ['http://intranet/policy'] }, 'links[0]'],
      [{ ...body, requirement: 'T-1' }, 'requirement'],
      [{ ...body, requirement: 'T-7' }, 'requirement'],
      // Who and when come from the token and the server's clock, never the body.
      [{ ...body, attestedBy: { id: 'someone-else' } }, 'attestedBy'],
      [{ ...body, attestedAt: '2020-01-01T00:00:00Z' }, 'attestedAt'],
    ] as const) {
      const r = await inject('POST', '/api/compliance/attestations', so, b);
      assert.equal(r.statusCode, 400, `${JSON.stringify(b)}: ${r.body}`);
      assert.equal(json(r).field, field, r.body);
    }
    assert.equal((await complianceRecords()).length, before);

    const ok = await inject('POST', '/api/compliance/attestations', so, { ...body, files: [{ name: 'policy-v4.pdf', sha256, size: bytes.length, mediaType: 'application/pdf' }], links: ['https://intranet.example/policy'] });
    assert.equal(ok.statusCode, 201, ok.body);
    const a = json(ok);
    assert.deepEqual([a.attestedBy.id, a.attestedBy.issuer, a.attestedBy.source], ['dev:sam', 'urn:attest:dev-issuer', 'api']);
    assert.ok(Math.abs(Date.parse(a.attestedAt) - Date.now()) < 60_000, 'server time');
    assert.equal(a.validUntil, addDays(utcDay(new Date()), 90), 'the catalog\'s validity by default');
    const [rec] = (await s.ctx.ledger.query({ action: 'compliance.attestation', limit: 1 })).records;
    assert.equal(String(rec!.seq), a.id);
    assert.equal(rec!.hash, a.recordHash);
    assert.equal((rec!.metadata!['files'] as Json[])[0]!['sha256'], sha256, 'the ledger record carries the file\'s hash');
    assert.equal((await statusOf(so))['T-3'], 'met');
    const t3 = json(await inject('GET', `/api/compliance/frameworks/${FW}/requirements/T-3`, await tok('viewer')));
    assert.equal(t3.attestations[0].id, a.id);
    assert.equal(t3.attestations[0].files[0].sha256, sha256);
    assert.match(t3.requirement.reasons[0], /attestation \d+ by dev:sam/);
    // T-4: passing configuration plus a document: met once both are there.
    assert.equal((await inject('POST', '/api/compliance/attestations', so, { framework: FW, requirement: 'T-4', statement: 'Key rotation runbook' })).statusCode, 201);
    assert.equal((await statusOf(so))['T-4'], 'met');

    // T-8 is the administrator's to attest: the security officer is refused, naming the role.
    const denied1 = await env.deniedCount();
    const refused = await inject('POST', '/api/compliance/attestations', so, { framework: FW, requirement: 'T-8', statement: 'Board resolution' });
    assert.equal(refused.statusCode, 403, refused.body);
    assert.equal(json(refused).reason, 'not_attester');
    assert.match(json(refused).message, /only by the role admin .*you hold security-officer/);
    assert.equal(await env.deniedCount(), denied1 + 1, 'the refusal is recorded');
    assert.equal((await complianceRecords()).filter((r) => r.metadata?.['requirement'] === 'T-8').length, 0, 'and nothing else');
    assert.equal((await inject('POST', '/api/compliance/attestations', await tok('admin'), { framework: FW, requirement: 'T-8', statement: 'Board resolution 2026-07' })).statusCode, 201);

    // Listing, then revocation: a new record; the requirement is not started again.
    const listed = json(await inject('GET', `/api/compliance/attestations?framework=attest-test&requirement=T-3`, await tok('auditor')));
    assert.deepEqual(listed.attestations.map((x: Json) => x.id), [a.id]);
    assert.equal((await inject('GET', '/api/compliance/attestations?framework=nope', await tok('auditor'))).statusCode, 400);
    assert.equal((await inject('POST', `/api/compliance/attestations/${a.id}/revoke`, await tok('auditor'), { reason: 'x' })).statusCode, 403);
    const noReason = await inject('POST', `/api/compliance/attestations/${a.id}/revoke`, so, {});
    assert.equal(noReason.statusCode, 400);
    assert.equal(json(noReason).field, 'reason');
    const rv = await inject('POST', `/api/compliance/attestations/${a.id}/revoke`, so, { reason: 'policy v5 replaces it' });
    assert.equal(rv.statusCode, 200, rv.body);
    assert.equal(json(rv).revoked.by.id, 'dev:sam');
    assert.equal((await inject('POST', `/api/compliance/attestations/${a.id}/revoke`, so, { reason: 'again' })).statusCode, 409);
    assert.equal((await inject('POST', '/api/compliance/attestations/99999999/revoke', so, { reason: 'x' })).statusCode, 404);
    assert.equal((await statusOf(so))['T-3'], 'not_started');
    const current = json(await inject('GET', `/api/compliance/attestations?framework=${FW}&requirement=T-3&state=current`, so));
    assert.equal(current.attestations.length, 0);
    assert.equal((await s.ctx.ledger.verify()).ok, true, 'the ledger verifies with the compliance records');
  });

  t('compliance: exceptions — requested by one person, approved by another (never the requester), they except the finding until revoked; reviews and what is due this month', async () => {
    const fx = env.fixture();
    const so = await tok('security-officer');
    const approver = await tok('approver');
    const expires = addDays(utcDay(new Date()), 10);
    const request = { target: { control: fx.failing.control }, scope: [fx.failing.resource], reason: 'Legacy database reachable from the office range until the migration', risk: 'medium', compensatingControls: ['VPN only'], owner: 'platform-team', expires, reviewEveryDays: 30 };
    for (const who of ['viewer', 'auditor', 'approver']) assert.equal((await inject('POST', '/api/compliance/exceptions', await tok(who), request)).statusCode, 403, who);
    for (const [b, field] of [
      [{ ...request, expires: addDays(utcDay(new Date()), 366) }, 'expires'],
      [{ ...request, target: { control: 'NOPE-001' } }, 'target.control'],
      [{ ...request, target: { framework: FW, requirement: 'T-99' } }, 'target.requirement'],
      [{ ...request, risk: 'none' }, 'risk'],
      [{ ...request, scope: ['has space'] }, 'scope[0]'],
      [{ ...request, exceptionId: 'EXC-MINE' }, 'exceptionId'],
      [{ ...request, requestedBy: 'dev:someone' }, 'requestedBy'],
    ] as const) {
      const r = await inject('POST', '/api/compliance/exceptions', so, b);
      assert.equal(r.statusCode, 400, `${JSON.stringify(b)}: ${r.body}`);
      assert.equal(json(r).field, field, r.body);
    }
    const made = await inject('POST', '/api/compliance/exceptions', so, request);
    assert.equal(made.statusCode, 201, made.body);
    const e = json(made);
    assert.deepEqual([e.state, e.requestedBy.id], ['requested', 'dev:sam']);
    // Requested is not approved: it excepts nothing yet.
    assert.equal((await statusOf(so))['T-2'], 'not_met');
    assert.match(json(await inject('GET', `/api/compliance/frameworks/${FW}/requirements/T-2`, so)).requirement.reasons.join(' '), new RegExp(`${e.exceptionId} awaits approval`));

    // The security officer cannot approve at all (no compliance:approve); the admin, who holds
    // every scope, cannot approve what the admin requested.
    assert.deepEqual(json(await inject('POST', `/api/compliance/exceptions/${e.exceptionId}/approve`, so, {})).missingScopes, ['compliance:approve']);
    const admin = await tok('admin');
    const own = json(await inject('POST', '/api/compliance/exceptions', admin, { ...request, scope: [] }));
    const denied = await env.deniedCount();
    const self = await inject('POST', `/api/compliance/exceptions/${own.exceptionId}/approve`, admin, { note: 'mine' });
    assert.equal(self.statusCode, 403, self.body);
    assert.equal(json(self).reason, 'separation_of_duties');
    assert.match(json(self).message, /requester cannot approve their own exception/);
    assert.equal(await env.deniedCount(), denied + 1);
    assert.equal((await complianceRecords()).filter((r) => r.action === 'compliance.exception.approve' && r.metadata?.['exceptionId'] === own.exceptionId).length, 0);
    assert.equal((await inject('POST', `/api/compliance/exceptions/${own.exceptionId}/revoke`, so, { reason: 'withdrawn' })).statusCode, 200);

    // The same subject written in another case is the same person: identity providers that
    // derive subjects from user names compare them without case.
    const sameInCaps = await env.server().token('approver', 'SAM');
    const caps = await inject('POST', `/api/compliance/exceptions/${e.exceptionId}/approve`, sameInCaps, { note: 'me again' });
    assert.equal(caps.statusCode, 403, caps.body);
    assert.equal(json(caps).reason, 'separation_of_duties');

    // Another person approves: the finding is excepted, and so are the requirements it decides.
    const ok = await inject('POST', `/api/compliance/exceptions/${e.exceptionId}/approve`, approver, { note: 'accepted until the migration' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual([json(ok).state, json(ok).approval.by.id, json(ok).requestedBy.id], ['approved', 'dev:ann', 'dev:sam']);
    assert.equal((await statusOf(so))['T-2'], 'excepted');
    assert.equal((await statusOf(so, FW_B))['B-1'], 'excepted');
    const t2 = json(await inject('GET', `/api/compliance/frameworks/${FW}/requirements/T-2`, so)).requirement;
    assert.equal(t2.parts[0].findings[0].findings[0].exceptedBy, e.exceptionId);
    assert.equal(t2.exceptions[0].exceptionId, e.exceptionId);
    const score = json(await inject('GET', '/api/compliance/frameworks', so)).frameworks[0].summary;
    assert.equal(score.counts.excepted, 1);
    assert.ok(score.met < score.applicable, 'an excepted requirement does not count as met');
    assert.equal((await inject('POST', `/api/compliance/exceptions/${e.exceptionId}/approve`, admin, {})).statusCode, 409);
    assert.equal((await inject('POST', '/api/compliance/exceptions/EXC-NOPE/approve', approver, {})).statusCode, 404);

    // The register: the auditor reads it; reviews by the approver; due this month.
    const reg = json(await inject('GET', '/api/compliance/exceptions?source=ledger', await tok('auditor')));
    const row = reg.exceptions.find((x: Json) => x.exceptionId === e.exceptionId);
    assert.equal(row.nextReviewDue, addDays(utcDay(new Date()), 30));
    const due = json(await inject('GET', '/api/compliance/exceptions?due=month', await tok('viewer')));
    const expectDue = expires <= due.monthEnd;
    assert.equal(due.due.some((d: Json) => d.exceptionId === e.exceptionId && d.why === 'expires' && d.date === expires), expectDue);
    assert.equal(due.exceptions.some((x: Json) => x.exceptionId === e.exceptionId), expectDue || row.nextReviewDue <= due.monthEnd);
    assert.ok(due.exceptions.every((x: Json) => due.due.some((d: Json) => d.exceptionId === x.exceptionId)), 'due=month lists only what is due');
    const noNote = await inject('POST', `/api/compliance/exceptions/${e.exceptionId}/review`, approver, {});
    assert.equal(json(noNote).field, 'note');
    assert.equal((await inject('POST', `/api/compliance/exceptions/${e.exceptionId}/review`, so, { note: 'x' })).statusCode, 403);
    const reviewed = json(await inject('POST', `/api/compliance/exceptions/${e.exceptionId}/review`, approver, { note: 'VPN still enforced' }));
    assert.equal(reviewed.reviews.length, 1);

    // Revoked: the finding counts again at once.
    assert.equal((await inject('POST', `/api/compliance/exceptions/${e.exceptionId}/revoke`, await tok('auditor'), { reason: 'x' })).statusCode, 403);
    const rv = await inject('POST', `/api/compliance/exceptions/${e.exceptionId}/revoke`, so, { reason: 'database migrated' });
    assert.equal(json(rv).state, 'revoked');
    assert.equal((await statusOf(so))['T-2'], 'not_met');
    assert.equal((await inject('POST', `/api/compliance/exceptions/${e.exceptionId}/revoke`, so, { reason: 'again' })).statusCode, 409);
    assert.equal((await inject('POST', `/api/compliance/exceptions/${e.exceptionId}/review`, approver, { note: 'late' })).statusCode, 409);
  });

  t('compliance: history — stored when the outcome\'s inputs change; filters; bad ranges name the field', async () => {
    const so = await tok('security-officer');
    const before = json(await inject('GET', `/api/compliance/history?framework=${FW_B}`, so)).assessments;
    assert.ok(before.length >= 1);
    const b2 = await inject('POST', '/api/compliance/attestations', so, { framework: FW_B, requirement: 'B-2', statement: 'Risk assessment approved again' });
    assert.equal(b2.statusCode, 201, b2.body);
    const after = json(await inject('GET', `/api/compliance/history?framework=attest-test-b&from=${utcDay(new Date())}`, await tok('viewer'))).assessments;
    const last = after[after.length - 1];
    assert.equal(last.framework, FW_B);
    assert.equal(last.counts.met, 1, 'the latest row has the new attestation');
    assert.ok(after.length > 0 && after.every((r: Json) => r.framework === FW_B));
    // Reading changes nothing: no row is added when nothing changed.
    const n = json(await inject('GET', '/api/compliance/history', so)).assessments.length;
    await inject('GET', '/api/compliance/frameworks', so);
    await inject('GET', `/api/compliance/frameworks/${FW}/checklist`, so);
    assert.equal(json(await inject('GET', '/api/compliance/history', so)).assessments.length, n);
    assert.equal(json(await inject('GET', '/api/compliance/history?to=2000-01-01', so)).assessments.length, 0);
    assert.equal(json(await inject('GET', '/api/compliance/history?limit=1', so)).assessments.length, 1);
    for (const [q, field] of [
      ['framework=nope', 'framework'],
      ['from=yesterday', 'from'],
      ['to=2026-02-30', 'to'],
      ['from=2026-05-01&to=2026-04-01', 'to'],
      ['limit=0', 'limit'],
      ['nonsense=1', 'nonsense'],
    ] as const) {
      const r = await inject('GET', `/api/compliance/history?${q}`, so);
      assert.equal(r.statusCode, 400, `${q}: ${r.body}`);
      assert.equal(json(r).field, field, r.body);
    }
  });

  t('compliance: an expired exception stops excepting, visibly; template suppressions are in the register read-only; a new day stores history', async () => {
    const fx = env.fixture();
    let clock = Date.now();
    const s2 = await testServer({ backend: env.backend, ...(env.backend === 'postgres' ? { db: pgUrl() } : {}), start: { catalogs: fx.catalogs, complianceRefreshMs: 0, now: () => clock } });
    try {
      // A copy of the failing resource, suppressed in its template until the day after tomorrow.
      const today = utcDay(new Date(clock));
      writeFileSync(join(s2.targets, 'suppressed.yaml'), [
        'AWSTemplateFormatVersion: "2010-09-09"',
        'Resources:',
        '  LegacySg:',
        '    Type: AWS::EC2::SecurityGroup',
        '    Metadata:',
        '      attest:',
        '        suppress:',
        `          - { id: ${fx.failing.control}, reason: "Decommissioned with the old VPC (CHG-7)", expires: "${addDays(today, 2)}" }`,
        '    Properties:',
        '      GroupDescription: legacy',
        '      SecurityGroupIngress:',
        '        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 0.0.0.0/0 }',
        '',
      ].join('\n'));
      s2.ctx.reports.invalidate();
      const so = await s2.token('security-officer', 'sam');
      const approver = await s2.token('approver', 'ann');
      const get = async (url: string, token = so) => json(await s2.app.inject({ method: 'GET', url, headers: bearer(token) }));
      const post = async (url: string, payload: unknown, token = so) => s2.app.inject({ method: 'POST', url, headers: bearer(token), payload: payload as object });
      const report = await get('/api/security/compliance-report');
      const suppressed = report.findings.filter((f: Json) => f.controlId === fx.failing.control && f.status === 'suppressed');
      assert.equal(suppressed.length, 1, 'the template suppression applies');
      const reg = await get('/api/compliance/exceptions?source=template');
      const tpl = reg.exceptions.find((x: Json) => x.target.control === fx.failing.control);
      assert.ok(tpl, JSON.stringify(reg.exceptions));
      assert.deepEqual([tpl.source, tpl.state, tpl.expires, tpl.reason], ['template', 'approved', addDays(today, 2), 'Decommissioned with the old VPC (CHG-7)']);
      assert.match(tpl.location.file, /suppressed\.yaml$/);
      // The viewer sees the row, not the file and line it is written at.
      const asViewer = await get('/api/compliance/exceptions?source=template', await s2.token('viewer'));
      assert.equal(asViewer.exceptions.find((x: Json) => x.target.control === fx.failing.control).location, undefined);
      // Nor anywhere else: a template row's id is made of its file and line, so a viewer gets
      // an opaque one, the same in the register, its due list and every requirement.
      const t2AsViewer = await get(`/api/compliance/frameworks/${FW}/requirements/T-2`, await s2.token('viewer'));
      const checklistAsViewer = await get(`/api/compliance/frameworks/${FW}/checklist`, await s2.token('viewer'));
      for (const [what, body] of [['register', asViewer], ['requirement', t2AsViewer], ['checklist', checklistAsViewer]] as const) {
        assert.ok(!JSON.stringify(body).includes('suppressed.yaml'), `${what}: no template file for the viewer: ${JSON.stringify(body).slice(0, 2000)}`);
      }
      const opaque = asViewer.exceptions.find((x: Json) => x.target.control === fx.failing.control).exceptionId;
      assert.match(opaque, /^template:[0-9a-f]{16}$/);
      assert.ok(t2AsViewer.requirement.exceptions.some((x: Json) => x.exceptionId === opaque), 'the requirement names the same row');
      assert.ok(checklistAsViewer.requirements.find((r: Json) => r.id === 'T-2').exceptions.includes(opaque));
      // Whoever may read findings still gets the id with its file and line.
      assert.ok((await get(`/api/compliance/frameworks/${FW}/requirements/T-2`)).requirement.exceptions.some((x: Json) => x.exceptionId === tpl.exceptionId));
      // Template rows are not the register's to approve or revoke.
      assert.equal((await post(`/api/compliance/exceptions/${encodeURIComponent(tpl.exceptionId)}/approve`, {}, approver)).statusCode, 400);

      // A register exception on the other resource, ending today.
      const e = json(await post('/api/compliance/exceptions', { target: { control: fx.failing.control }, scope: [fx.failing.resource], reason: 'until the migration', risk: 'high', owner: 'dba', expires: today }));
      assert.equal((await post(`/api/compliance/exceptions/${e.exceptionId}/approve`, {}, approver)).statusCode, 200);
      const t2 = async () => (await get(`/api/compliance/frameworks/${FW}/requirements/T-2`)).requirement;
      assert.equal((await t2()).status, 'excepted');
      const rows = async () => (await get(`/api/compliance/history?framework=${FW}`)).assessments.length;
      const stored = await rows();

      // The next day: the register exception has expired and stops excepting, and says so.
      clock += 86_400_000;
      const next = await t2();
      assert.equal(next.status, 'not_met');
      assert.match(next.reasons.join(' '), new RegExp(`exception ${e.exceptionId} expired on ${today}`));
      const state = (await get('/api/compliance/exceptions?source=ledger')).exceptions.find((x: Json) => x.exceptionId === e.exceptionId);
      assert.equal(state.state, 'expired');
      const due = await get('/api/compliance/exceptions?due=month');
      assert.ok(due.due.some((d: Json) => d.exceptionId === e.exceptionId && d.why === 'expired' && d.overdue), 'an expired, open exception is due');
      assert.equal((await post(`/api/compliance/exceptions/${e.exceptionId}/approve`, {}, approver)).statusCode, 409);
      // The day changed: the assessment is stored again (at least daily), here through the timer's call.
      await s2.ctx.compliance.refresh();
      assert.ok((await rows()) > stored);

      // Three days on, the template suppression has expired too: its finding fails again.
      clock += 2 * 86_400_000;
      const later = await t2();
      assert.equal(later.status, 'not_met');
      assert.match(later.reasons.join(' '), /template suppression at .*suppressed\.yaml:\d+ expired/);
      assert.equal((await get('/api/compliance/exceptions?source=template')).exceptions.find((x: Json) => x.target.control === fx.failing.control).state, 'expired');
    } finally {
      await s2.close();
    }
  });
}
