// Report and bundle jobs from the service, end to end on SQLite and PostgreSQL: create →
// progress → download; the report verifies as `attest report verify` checks it, the bundle as
// `attest bundle verify` does; scopes and job visibility; ledger records of creation and
// download; the server answers /healthz while a job runs in its worker thread.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyBytes, REPORT_DISCLAIMER, type DetachedSignature, type FrameworkReport } from '../../src/compliance/framework-report.js';
import { verifyBundle } from '../../src/bundle/verify.js';
import { bearer, dropSchemas, pgSkip, testServer, type Backend, type TestServer } from './helpers.js';

after(dropSchemas);

const ATTEST = fileURLToPath(new URL('../../../bin/attest.js', import.meta.url));

const ACCESS = { roles: { 'report-maker': { scopes: ['compliance:read', 'security:read', 'audit:read'] } } };

async function call(s: TestServer, method: 'GET' | 'POST', url: string, token: string, body?: unknown) {
  return s.app.inject({ method, url, headers: { ...bearer(token), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { payload: JSON.stringify(body) } : {}) });
}

interface JobBody { id: string; state: string; progress: { phase: string; fraction: number }; statusUrl: string; downloadUrl?: string; signatureUrl?: string; sha256?: string; size?: number; error?: string }

async function waitDone(s: TestServer, url: string, token: string): Promise<{ job: JobBody; seen: Set<string> }> {
  const seen = new Set<string>();
  for (let i = 0; i < 1200; i++) {
    const r = await call(s, 'GET', url, token);
    assert.equal(r.statusCode, 200, r.body);
    const job = r.json() as JobBody;
    seen.add(job.state);
    assert.ok(job.progress.fraction >= 0 && job.progress.fraction <= 1);
    if (job.state === 'done' || job.state === 'failed') return { job, seen };
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`job ${url} did not finish`);
}

for (const backend of ['sqlite', 'postgres'] as Backend[]) {
  test(`report and bundle jobs on ${backend}: create, progress, download, verify, records, scopes, visibility`, { timeout: 240_000 }, async (t) => {
    const why = backend === 'postgres' ? await pgSkip() : undefined;
    if (why) { t.skip(why); return; }
    const s = await testServer({ backend, access: ACCESS });
    try {
      const auditor = await s.token('auditor', 'alice');
      const maker = await s.token('report-maker', 'mallory');
      const maker2 = await s.token('report-maker', 'trent');
      const viewer = await s.token('viewer', 'victor');
      // Some audit history in the period.
      await s.ctx.ledger.append([{ actor: { id: 'seed', type: 'service' }, action: 'task.assign', target: { type: 'task', id: 'T-1' }, outcome: 'success' }]);

      // Scopes: the viewer (compliance:read only) may not create either kind; the report
      // maker (no audit:export) may not create a bundle.
      assert.equal((await call(s, 'POST', '/api/compliance/reports', viewer, { framework: 'soc2-tsc', format: 'pdf' })).statusCode, 403);
      assert.equal((await call(s, 'POST', '/api/compliance/bundles', viewer, { framework: 'soc2-tsc' })).statusCode, 403);
      assert.equal((await call(s, 'POST', '/api/compliance/bundles', maker, { framework: 'soc2-tsc' })).statusCode, 403);
      // Validation: unknown format and framework, bad period.
      const badFormat = await call(s, 'POST', '/api/compliance/reports', auditor, { framework: 'soc2-tsc', format: 'docx' });
      assert.equal(badFormat.statusCode, 400);
      const badFw = await call(s, 'POST', '/api/compliance/reports', auditor, { framework: 'nope' });
      assert.equal(badFw.statusCode, 400);
      assert.match(badFw.json().message, /not a framework; use one of/);
      assert.equal((await call(s, 'POST', '/api/compliance/reports', auditor, { framework: 'soc2-tsc', since: 'forever' })).statusCode, 400);

      // A PDF report by the report maker.
      const created = await call(s, 'POST', '/api/compliance/reports', maker, { framework: 'soc2-tsc', format: 'pdf', since: '30d' });
      assert.equal(created.statusCode, 202, created.body);
      const job = created.json() as JobBody;
      assert.ok(['queued', 'running'].includes(job.state));
      assert.equal(created.headers['location'], job.statusUrl);
      // Not done yet, or done: the download answers 409 until it is.
      const early = await call(s, 'GET', `${job.statusUrl}/download`, maker);
      assert.ok(early.statusCode === 409 || early.statusCode === 200, early.body);
      const { job: done } = await waitDone(s, job.statusUrl, maker);
      assert.equal(done.state, 'done', done.error);
      assert.equal(done.progress.fraction, 1);
      assert.match(done.sha256!, /^[0-9a-f]{64}$/);

      // Visibility: another report maker does not see it; the auditor (audit:export) does.
      assert.equal((await call(s, 'GET', job.statusUrl, maker2)).statusCode, 404);
      assert.equal((await call(s, 'GET', `${job.statusUrl}/download`, maker2)).statusCode, 404);
      assert.equal((await call(s, 'GET', job.statusUrl, auditor)).statusCode, 200);

      const pdf = await call(s, 'GET', done.downloadUrl!, maker);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.match(String(pdf.headers['content-disposition']), /^attachment; filename="soc2-tsc-[\w.-]+-report-\d{4}-\d{2}-\d{2}\.pdf"$/);
      const pdfBytes = pdf.rawPayload;
      assert.equal(pdfBytes.length, done.size);
      assert.equal(pdfBytes.subarray(0, 5).toString(), '%PDF-');
      const sigRes = await call(s, 'GET', done.signatureUrl!, maker);
      assert.equal(sigRes.statusCode, 200);
      const sig = JSON.parse(sigRes.body) as DetachedSignature;
      // The service's signing key is the ledger's: pin it, as an auditor would.
      const pin = s.ctx.ledger.keys.signing().publicKeyPem;
      assert.deepEqual(verifyBytes(pdfBytes, sig, [pin]), { ok: true });
      const tampered = Buffer.from(pdfBytes);
      tampered[tampered.length - 10] ^= 1;
      assert.equal(verifyBytes(tampered, sig, [pin]).ok, false);
      // The text of the PDF carries the disclaimer.
      const dir = mkdtempSync(join(tmpdir(), 'attest-jobs-'));
      writeFileSync(join(dir, 'r.pdf'), pdfBytes);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      assert.ok(text.includes(REPORT_DISCLAIMER), 'the disclaimer is in the PDF text');
      // And the command an auditor runs accepts it, pinned to the service's key.
      writeFileSync(join(dir, 'r.pdf.sig'), sigRes.body);
      writeFileSync(join(dir, 'signing.pub.pem'), pin);
      const cli = execFileSync(process.execPath, [ATTEST, 'report', 'verify', join(dir, 'r.pdf'), '--public-key', join(dir, 'signing.pub.pem')], { encoding: 'utf8' });
      assert.match(cli, /^VERIFIED: /);

      // A JSON report by the auditor: the service's scan state and ledger are in it.
      const jr = await call(s, 'POST', '/api/compliance/reports', auditor, { framework: 'soc2-tsc' });
      assert.equal(jr.statusCode, 202, jr.body);
      const { job: jdone } = await waitDone(s, (jr.json() as JobBody).statusUrl, auditor);
      assert.equal(jdone.state, 'done', jdone.error);
      const json = await call(s, 'GET', jdone.downloadUrl!, auditor);
      assert.equal(json.headers['content-type'], 'application/json');
      const report = JSON.parse(json.body) as FrameworkReport;
      assert.equal(report.disclaimer, REPORT_DISCLAIMER);
      assert.equal(report.framework.id.startsWith('soc2-tsc'), true);
      assert.deepEqual(report.scope.sources.map((x) => x.file.split('/').pop()).sort(), ['cognito.yaml', 'rds.yaml']);
      assert.ok(report.auditLog && report.auditLog.records >= 1 && report.auditLog.verification.ok);
      assert.ok(report.auditLog.byCategory['report']?.['success'], 'the report job creation is itself in the audit log');
      const jsig = JSON.parse((await call(s, 'GET', jdone.signatureUrl!, auditor)).body) as DetachedSignature;
      assert.deepEqual(verifyBytes(json.rawPayload, jsig, [pin]), { ok: true });

      // A bundle by the auditor verifies offline with the bundle verifier.
      const br = await call(s, 'POST', '/api/compliance/bundles', auditor, { framework: 'soc2-tsc', since: '90d' });
      assert.equal(br.statusCode, 202, br.body);
      const { job: bdone } = await waitDone(s, (br.json() as JobBody).statusUrl, auditor);
      assert.equal(bdone.state, 'done', bdone.error);
      assert.equal(bdone.signatureUrl, undefined);
      const zip = await call(s, 'GET', bdone.downloadUrl!, auditor);
      assert.equal(zip.headers['content-type'], 'application/zip');
      writeFileSync(join(dir, 'bundle.zip'), zip.rawPayload);
      assert.match(execFileSync(process.execPath, [ATTEST, 'bundle', 'verify', join(dir, 'bundle.zip'), '--public-key', join(dir, 'signing.pub.pem')], { encoding: 'utf8' }), /^VERIFIED: /);
      const v = verifyBundle(zip.rawPayload, { pins: [pin] });
      assert.deepEqual(v.problems, []);
      assert.equal(v.ok, true);
      assert.ok(v.records >= 3);

      // The bundle carries every rendering of the report, as attest bundle create makes it.
      const { unzipSync } = await import('fflate');
      const members = unzipSync(new Uint8Array(zip.rawPayload));
      for (const n of ['report.json', 'report.pdf', 'report.oscal.json', 'report.oscal.json.catalog.json']) {
        assert.ok(members[n] && members[`${n}.sig`], n);
        assert.deepEqual(verifyBytes(Buffer.from(members[n]!), JSON.parse(Buffer.from(members[`${n}.sig`]!).toString()) as DetachedSignature, [pin]), { ok: true }, n);
      }

      // An OSCAL report: the results and the catalog, each downloadable with its signature.
      const orq = await call(s, 'POST', '/api/compliance/reports', maker, { framework: 'soc2-tsc', format: 'oscal' });
      assert.equal(orq.statusCode, 202, orq.body);
      const { job: odone } = await waitDone(s, (orq.json() as JobBody).statusUrl, maker);
      assert.equal(odone.state, 'done', odone.error);
      const oj = odone as JobBody & { catalogUrl: string; catalogSignatureUrl: string; filename: string; artefacts: { part: string; name: string; sha256: string; size: number }[] };
      assert.match(oj.filename, /^soc2-tsc[\w.-]*-report-\d{4}-\d{2}-\d{2}\.oscal\.json$/);
      assert.equal(oj.catalogUrl, `${oj.statusUrl}/download?part=catalog`);
      assert.equal(oj.catalogSignatureUrl, `${oj.statusUrl}/signature?part=catalog`);
      const results = await call(s, 'GET', oj.downloadUrl!, maker);
      const catalogRes = await call(s, 'GET', oj.catalogUrl, maker);
      assert.equal(results.statusCode, 200);
      assert.equal(catalogRes.statusCode, 200);
      assert.equal(results.headers['content-type'], 'application/json');
      assert.equal(catalogRes.headers['content-disposition'], `attachment; filename="${oj.filename}.catalog.json"`);
      const ar = JSON.parse(results.body)['assessment-results'];
      const oscalCatalog = JSON.parse(catalogRes.body).catalog;
      assert.equal(oscalCatalog.metadata['oscal-version'], '1.1.2');
      // The results' plan links the catalog by the name it is downloaded under.
      assert.ok(ar['back-matter'].resources.some((r: { rlinks?: { href: string }[] }) => r.rlinks?.[0]?.href === `${oj.filename}.catalog.json`));
      const partIds = new Set(oscalCatalog.groups.flatMap((g: { controls: { parts?: { id: string }[] }[] }) => g.controls.flatMap((k) => (k.parts ?? []).map((x) => x.id))));
      for (const f of ar.results[0].findings) assert.ok(partIds.has(f.target['target-id']), f.target['target-id']);
      const rsig = JSON.parse((await call(s, 'GET', oj.signatureUrl!, maker)).body) as DetachedSignature;
      const csig = JSON.parse((await call(s, 'GET', oj.catalogSignatureUrl, maker)).body) as DetachedSignature;
      assert.deepEqual(verifyBytes(results.rawPayload, rsig, [pin]), { ok: true });
      assert.deepEqual(verifyBytes(catalogRes.rawPayload, csig, [pin]), { ok: true });
      assert.deepEqual(oj.artefacts, [
        { part: 'report', name: oj.filename, sha256: rsig.sha256, size: results.rawPayload.length },
        { part: 'catalog', name: `${oj.filename}.catalog.json`, sha256: csig.sha256, size: catalogRes.rawPayload.length },
      ]);
      // Only an OSCAL report has a catalog part.
      const noCat = await call(s, 'GET', `${jdone.downloadUrl!}?part=catalog`, auditor);
      assert.equal(noCat.statusCode, 400);
      assert.match(noCat.json().message, /is a json report; only an OSCAL report \(format oscal\) has a catalog part/);

      // Ledger records: each creation and each download, with the principal as the actor.
      const recs = (await s.ctx.ledger.query({ order: 'asc', limit: 1000 })).records;
      const creates = recs.filter((r) => r.action.endsWith('.job.create'));
      assert.deepEqual(creates.map((r) => [r.action, r.actor.id]), [['report.job.create', 'dev:mallory'], ['report.job.create', 'dev:alice'], ['bundle.job.create', 'dev:alice'], ['report.job.create', 'dev:mallory']]);
      const downloads = recs.filter((r) => r.action.endsWith('.download'));
      assert.deepEqual(downloads.map((r) => [r.action, r.actor.id, (r.metadata as { file: string }).file.replace(/^soc2-tsc[\w.-]*?-(report|bundle)-\d{4}-\d{2}-\d{2}/, 'X')]), [
        ['report.download', 'dev:mallory', 'X.pdf'], ['report.download', 'dev:mallory', 'X.pdf.sig'], ['report.download', 'dev:alice', 'X.json'], ['report.download', 'dev:alice', 'X.json.sig'], ['bundle.download', 'dev:alice', 'X.zip'],
        ['report.download', 'dev:mallory', 'X.oscal.json'], ['report.download', 'dev:mallory', 'X.oscal.json.catalog.json'], ['report.download', 'dev:mallory', 'X.oscal.json.sig'], ['report.download', 'dev:mallory', 'X.oscal.json.catalog.json.sig'],
      ]);
      // Who generated which package, when: one record per finished job, exact.
      const jobs = [done, jdone, bdone, odone].map((j) => s.ctx.jobs.get(j.id)!);
      const made = recs.filter((r) => r.action === 'compliance.report.generated' || r.action === 'compliance.bundle.generated');
      assert.deepEqual(made.map((r) => ({ action: r.action, actor: r.actor.id, type: r.actor.type, target: r.target, metadata: r.metadata })), jobs.map((j) => ({
        action: `compliance.${j.kind}.generated`,
        actor: j.owner.actor.id,
        type: 'user',
        target: { type: `${j.kind}_job`, id: j.id },
        metadata: {
          framework: j.framework,
          format: j.kind === 'bundle' ? 'zip' : j.format,
          artefacts: j.artefacts!.map((f) => ({ name: f.name, sha256: f.sha256, bytes: f.size })),
          period: j.period,
          jobId: j.id,
          signedBy: s.ctx.ledger.keys.signing().kid,
          by: { issuer: 'urn:attest:dev-issuer', source: 'api' },
        },
      })));
      // The hashes recorded are those of the files served.
      assert.equal((made[0]!.metadata as { artefacts: { sha256: string }[] }).artefacts[0]!.sha256, createHash('sha256').update(pdfBytes).digest('hex'));
      assert.equal((made[2]!.metadata as { artefacts: { sha256: string; bytes: number }[] }).artefacts[0]!.sha256, createHash('sha256').update(zip.rawPayload).digest('hex'));
      assert.deepEqual(made.map((r) => (r.metadata as { artefacts: unknown[] }).artefacts.length), [1, 1, 1, 2]);
      // The refused requests were recorded as denials too.
      assert.ok(recs.some((r) => r.action === 'access.denied' && r.actor.id === 'dev:victor'));
    } finally {
      await s.close();
    }
  });
}

test('the server answers /healthz while a bundle job is still running in its worker', { timeout: 240_000 }, async () => {
  const s = await testServer({ backend: 'sqlite' });
  try {
    // Enough history that the bundle takes a while (inclusion proofs for every record).
    for (let i = 0; i < 40; i++) {
      await s.ctx.ledger.append(Array.from({ length: 1000 }, (_, j) => ({ actor: { id: `agent-${j % 7}`, type: 'service' as const }, action: 'task.assign', target: { type: 'task', id: `T-${i}-${j}` }, outcome: 'success' as const })));
    }
    const auditor = await s.token('auditor', 'alice');
    const br = await call(s, 'POST', '/api/compliance/bundles', auditor, { framework: 'soc2-tsc' });
    assert.equal(br.statusCode, 202, br.body);
    const url = (br.json() as JobBody).statusUrl;
    let answeredWhileRunning = 0;
    for (let i = 0; i < 2400; i++) {
      const h = await s.app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(h.statusCode, 200);
      const j = (await call(s, 'GET', url, auditor)).json() as JobBody;
      if (j.state === 'running') answeredWhileRunning++;
      if (j.state === 'done' || j.state === 'failed') {
        assert.equal(j.state, 'done', j.error);
        break;
      }
      await new Promise((res) => setTimeout(res, 20));
    }
    assert.ok(answeredWhileRunning >= 3, `healthz answered ${answeredWhileRunning} time(s) while the job was running`);
    // The worker thread exits after its last message; the slot is then free.
    for (let i = 0; i < 200 && s.ctx.jobs.load.running; i++) await new Promise((res) => setTimeout(res, 25));
    assert.equal(s.ctx.jobs.load.running, 0);
  } finally {
    await s.close();
  }
});

test('the queue runs one job at a time by default, and finished jobs expire with their files', { timeout: 240_000 }, async () => {
  const s = await testServer({ backend: 'sqlite' });
  try {
    const auditor = await s.token('auditor', 'alice');
    const a = (await call(s, 'POST', '/api/compliance/reports', auditor, { framework: 'soc2-tsc' })).json() as JobBody;
    const b = (await call(s, 'POST', '/api/compliance/reports', auditor, { framework: 'soc2-tsc' })).json() as JobBody;
    assert.equal(b.state, 'queued', 'the second job waits for the first (concurrency 1)');
    assert.deepEqual(s.ctx.jobs.load, { running: 1, queued: 1 });
    const da = await waitDone(s, a.statusUrl, auditor);
    const db = await waitDone(s, b.statusUrl, auditor);
    assert.equal(da.job.state, 'done');
    assert.equal(db.job.state, 'done');
    // Past the TTL the job and its files are gone.
    const removed = s.ctx.jobs.sweep(Date.now() + 25 * 3600_000);
    assert.equal(removed, 2);
    assert.equal((await call(s, 'GET', a.statusUrl, auditor)).statusCode, 404);
    const { readdirSync } = await import('node:fs');
    assert.deepEqual(readdirSync(s.ctx.jobs.dir).filter((n) => n !== '.gitignore'), []);
  } finally {
    await s.close();
  }
});

test('a job that cannot be made fails with the reason, and its download answers 409', { timeout: 120_000 }, async () => {
  const s = await testServer({ backend: 'sqlite' });
  try {
    const auditor = await s.token('auditor', 'alice');
    const cp = await s.ctx.ledger.checkpoint();
    // A checkpoint from another ledger's future: no consistency proof can be made from it.
    const bogus = { ...cp, size: cp.size + 1000 };
    const br = await call(s, 'POST', '/api/compliance/bundles', auditor, { framework: 'soc2-tsc', previousCheckpoint: bogus });
    assert.equal(br.statusCode, 202, br.body);
    const { job } = await waitDone(s, (br.json() as JobBody).statusUrl, auditor);
    assert.equal(job.state, 'failed');
    assert.ok(job.error && job.error.length > 10, job.error);
    const dl = await call(s, 'GET', `${job.statusUrl}/download`, auditor);
    assert.equal(dl.statusCode, 409);
    assert.match(dl.json().message, /the job failed/);
    assert.equal((await call(s, 'POST', '/api/compliance/bundles', auditor, { framework: 'soc2-tsc', previousCheckpoint: { format: 'nope' } })).statusCode, 400);
  } finally {
    await s.close();
  }
});

test('nothing survives a restart: a new manager removes the previous run\'s job folders, and nothing else', async () => {
  const { mkdirSync, readdirSync } = await import('node:fs');
  const { JobManager } = await import('../../src/server/jobs/manager.js');
  const dir = join(mkdtempSync(join(tmpdir(), 'attest-jobs-restart-')), 'jobs');
  mkdirSync(join(dir, '0f8fad5b-d9cb-469f-a165-70867728950e'), { recursive: true });
  writeFileSync(join(dir, '0f8fad5b-d9cb-469f-a165-70867728950e', 'r.pdf'), 'old');
  mkdirSync(join(dir, 'operator-notes'));
  const m = new JobManager({ dir, concurrency: 1, maxQueued: 1, ttlMs: 1000 });
  try {
    assert.deepEqual(readdirSync(dir).sort(), ['operator-notes']);
    assert.deepEqual(m.list(), []);
  } finally {
    await m.close();
  }
});
