/**
 * The auditor package in a real browser against a real `attest serve --dev`: the auditor opens
 * a framework's checklist, asks for the PDF report, watches the job, downloads the file and
 * its signature; the PDF's text carries the disclaimer and its detached signature verifies
 * with the ledger's key. Then the OSCAL report (results, catalog and the catalog's signature). A viewer (compliance:read only) is offered no button.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CATALOGS } from '../../src/frameworks/index.js';
import { REPORT_DISCLAIMER, verifyBytes, type DetachedSignature } from '../../src/compliance/framework-report.js';
import { openKeys } from '../../src/ledger/keys.js';
import { verifyBundle } from '../../src/bundle/verify.js';
import { browserSkip, go, launchBrowser, RESULTS, signIn, startConsoleServer, watchedPage, type ConsoleServer } from './harness.js';

const skip = browserSkip();
if (skip) console.log(`# ${skip}`);

let server: ConsoleServer;
let browser: Browser;
const FW = CATALOGS.find((c) => c.framework === 'soc2-tsc')!.id;

before(async () => {
  if (skip) return;
  mkdirSync(RESULTS, { recursive: true });
  server = await startConsoleServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('auditor: creates a PDF report from the checklist, watches the job, downloads it and its signature; then an evidence bundle that verifies', { skip, timeout: 180_000 }, async () => {
  const { ctx, page, errors } = await watchedPage(browser);
  try {
    await signIn(page, server.url, 'auditor', 'audrey');
    await go(page, `/compliance/${FW}`);
    const pkg = page.getByTestId('auditor-package');
    await pkg.waitFor();
    await pkg.getByRole('button', { name: 'Download report (PDF)' }).click();
    const download = pkg.getByRole('button', { name: /^Download soc2-tsc.*\.pdf$/ });
    await download.waitFor({ timeout: 120_000 });
    assert.equal(await page.getByTestId('job-status').getAttribute('data-state'), 'done');
    await page.screenshot({ path: join(RESULTS, 'auditor-package-done.png'), fullPage: true });
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    assert.match(file.suggestedFilename(), /^soc2-tsc[\w.-]*-report-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdfPath = (await file.path())!;
    const pdf = readFileSync(pdfPath);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.ok(text.includes(REPORT_DISCLAIMER), 'pdftotext of the downloaded PDF carries the disclaimer');
    const [sigFile] = await Promise.all([page.waitForEvent('download'), pkg.getByRole('button', { name: 'Download signature' }).click()]);
    assert.match(sigFile.suggestedFilename(), /\.pdf\.sig$/);
    const sig = JSON.parse(readFileSync((await sigFile.path())!, 'utf8')) as DetachedSignature;
    const pin = openKeys(server.keys).signing().publicKeyPem;
    assert.deepEqual(verifyBytes(pdf, sig, [pin]), { ok: true });
    await page.getByRole('status').filter({ hasText: /Downloaded .*\.sig/ }).waitFor();

    // An OSCAL report: the results and the catalog they resolve against, each with its signature.
    await pkg.getByRole('button', { name: 'Download report (OSCAL)' }).click();
    const resultsButton = pkg.getByRole('button', { name: /^Download soc2-tsc.*-report-.*\.oscal\.json$/ });
    await resultsButton.waitFor({ timeout: 120_000 });
    const [results] = await Promise.all([page.waitForEvent('download'), resultsButton.click()]);
    const resultsJson = JSON.parse(readFileSync((await results.path())!, 'utf8'));
    assert.ok(resultsJson['assessment-results'].results[0].findings.length > 0);
    const [catalog] = await Promise.all([page.waitForEvent('download'), pkg.getByRole('button', { name: 'Download OSCAL catalog' }).click()]);
    assert.equal(catalog.suggestedFilename(), `${results.suggestedFilename()}.catalog.json`);
    const catalogBytes = readFileSync((await catalog.path())!);
    assert.equal(JSON.parse(catalogBytes.toString()).catalog.metadata['oscal-version'], '1.1.2');
    const [catalogSig] = await Promise.all([page.waitForEvent('download'), pkg.getByRole('button', { name: 'Download catalog signature' }).click()]);
    assert.equal(catalogSig.suggestedFilename(), `${results.suggestedFilename()}.catalog.json.sig`);
    assert.deepEqual(verifyBytes(catalogBytes, JSON.parse(readFileSync((await catalogSig.path())!, 'utf8')) as DetachedSignature, [pin]), { ok: true });

    // The evidence bundle, the same way; it verifies offline against the same key.
    await pkg.getByRole('button', { name: 'Create evidence bundle' }).click();
    const zipButton = pkg.getByRole('button', { name: /^Download soc2-tsc.*-bundle-.*\.zip$/ });
    await zipButton.waitFor({ timeout: 120_000 });
    assert.equal(await pkg.getByRole('button', { name: 'Download signature' }).count(), 0, 'a bundle carries its signatures inside');
    const [zip] = await Promise.all([page.waitForEvent('download'), zipButton.click()]);
    const v = verifyBundle(readFileSync((await zip.path())!), { pins: [pin] });
    assert.deepEqual(v.problems, []);
    assert.ok(v.ok);
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});

test('viewer: the checklist offers no report or bundle button (the server would refuse them)', { skip, timeout: 60_000 }, async () => {
  const { ctx, page, errors } = await watchedPage(browser);
  try {
    await signIn(page, server.url, 'viewer', 'vic');
    await go(page, `/compliance/${FW}`);
    await page.getByTestId('checklist-summary').waitFor();
    assert.equal(await page.getByTestId('auditor-package').count(), 0);
    const token = await server.token('viewer', 'vic');
    const r = await fetch(`${server.url}/api/compliance/reports`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ framework: FW, format: 'pdf' }) });
    assert.equal(r.status, 403);
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});
