/**
 * The Privacy page in a real browser against a real `attest serve --dev`: a security officer
 * looks up a subject's records (with their personal data; the lookup is recorded), requests
 * an erasure with a reason and a typed confirmation, sees a refusal named by field and then
 * the outcome, and the next lookup shows the data erased. Every role without privacy:manage
 * gets no link and a page that says which scope is missing; the viewer reads the compliance
 * status summary instead. Screenshots go to test-results/.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserSkip, go, launchBrowser, RESULTS, ROLES, signIn, startConsoleServer, type ConsoleServer, watchedPage } from './harness.js';

const skip = browserSkip();
if (skip) console.log(`# ${skip}`);

const SUBJECT = 'pat-subject-7';

let server: ConsoleServer;
let browser: Browser;

before(async () => {
  if (skip) return;
  mkdirSync(RESULTS, { recursive: true });
  server = await startConsoleServer({
    seed: async (ledger) => {
      await ledger.append([
        { actor: { id: SUBJECT, type: 'user', email: 'pat@example.org', ip: '10.7.7.7' }, action: 'auth.login', outcome: 'success', tenant: 'acme' },
        { actor: { id: SUBJECT, type: 'user', email: 'pat@example.org' }, action: 'task.assign', target: { type: 'task', id: 'T-1' }, outcome: 'success' },
        { actor: { id: 'helpdesk', type: 'user' }, action: 'user.rename', target: { type: 'user', id: SUBJECT, name: 'Pat Example' }, outcome: 'success' },
        { actor: { id: 'someone-else', type: 'user', email: 'else@example.org' }, action: 'auth.login', outcome: 'success' },
      ]);
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const newPage = (expected?: RegExp) => watchedPage(browser, expected);

test('security officer: look up a subject, erase with a reason and a typed confirmation, see the outcome and the data gone', { skip }, async () => {
  const { ctx, page, errors } = await newPage(/status of 40[0139]/);
  try {
    await signIn(page, server.url, 'security-officer');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy requests' }).waitFor();

    // Subject access: the records, with their personal data, and the record of the lookup.
    await page.getByLabel('Subject identifier').fill(SUBJECT);
    await page.getByRole('button', { name: 'Look up records' }).click();
    const found = page.getByTestId('subject-records');
    await found.getByText(`3 records about ${SUBJECT}`).waitFor();
    const table = found.locator('tbody tr');
    assert.equal(await table.count(), 3);
    assert.deepEqual(await table.locator('td:nth-child(3)').allInnerTexts(), ['auth.login', 'task.assign', 'user.rename']);
    const text = await found.innerText();
    assert.match(text, /pat@example\.org/);
    assert.match(text, /10\.7\.7\.7/);
    assert.match(text, /Pat Example/);
    assert.doesNotMatch(text, /else@example\.org/, 'only the subject\'s records');
    const accessSeq = Number(await page.getByTestId('access-records').innerText());
    await page.screenshot({ path: join(RESULTS, 'privacy-access.png') });
    // The server recorded the lookup under that number, naming the subject by pseudonym only.
    const admin = await server.token('admin', 'checker');
    const recorded = JSON.parse((await server.get('/api/audit/events?action=privacy.subject.access&limit=10', admin)).text) as { records: { seq: number; actor: { id: string }; target: { id: string } }[] };
    const access = recorded.records.find((r) => r.seq === accessSeq)!;
    assert.ok(access, `record ${accessSeq} is the lookup`);
    assert.equal(access.actor.id, 'dev:ui-security-officer');
    assert.notEqual(access.target.id, SUBJECT);
    assert.match(access.target.id, /^[0-9a-f]{64}$/);

    // Erasure: a reason that names the subject is refused by the server, which says which field.
    await page.getByLabel('Subject to erase').fill(SUBJECT);
    await page.getByLabel('Reason').fill(`mail from ${SUBJECT} asking for erasure`);
    await page.getByRole('button', { name: 'Request erasure…' }).click();
    const erase = page.getByRole('button', { name: 'Erase personal data' });
    assert.ok(await erase.isDisabled(), 'nothing is erased before the subject is typed again');
    await page.getByLabel('Subject identifier, again').fill('pat-subject');
    assert.ok(await erase.isDisabled(), 'a different identifier does not confirm');
    await page.getByLabel('Subject identifier, again').fill(SUBJECT);
    await erase.click();
    const outcome = page.getByTestId('erase-outcome');
    await outcome.getByText('Not erased.').waitFor();
    assert.match(await outcome.innerText(), /reason: it contains the subject's identifier/);

    // Cancel leaves everything as it was.
    await page.getByLabel('Reason').fill('Art. 17 request received by e-mail');
    await page.getByLabel('Ticket (optional)').fill('DPO-2026-014');
    await page.getByRole('button', { name: 'Request erasure…' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await erase.count(), 0);

    await page.getByRole('button', { name: 'Request erasure…' }).click();
    await page.getByRole('heading', { name: `Erase the personal data of ${SUBJECT}?` }).waitFor();
    await page.getByLabel('Subject identifier, again').fill(SUBJECT);
    await page.screenshot({ path: join(RESULTS, 'privacy-erase-confirm.png') });
    await erase.click();
    await outcome.getByText('Erased.').waitFor();
    const done = await outcome.innerText();
    assert.match(done, /erased the subject's personal data from 3 records; the erasure is record (\d+)/);
    const erasureSeq = Number(/erasure record (\d+)/.exec(done)![1]);
    const requestSeq = Number(/Request record (\d+)/.exec(done)![1]);
    await page.screenshot({ path: join(RESULTS, 'privacy-erased.png') });
    const records = JSON.parse((await server.get('/api/audit/events?order=desc&limit=20', admin)).text) as { records: { seq: number; action: string; ticket_id?: string; metadata?: Record<string, unknown> }[] };
    const bySeq = new Map(records.records.map((r) => [r.seq, r]));
    assert.equal(bySeq.get(requestSeq)?.action, 'privacy.subject.erase.request');
    assert.equal(bySeq.get(requestSeq)?.metadata?.['reason'], 'Art. 17 request received by e-mail');
    assert.equal(bySeq.get(erasureSeq)?.action, 'ledger.subject.erase');
    assert.equal(bySeq.get(erasureSeq)?.ticket_id, 'DPO-2026-014');

    // The lookup above predates the erasure, and says so until it is read again.
    const stale = page.getByText('These records were read before the erasure below');
    await stale.waitFor();
    // The next lookup: the subject's own records remain, their personal data erased.
    await page.getByRole('button', { name: 'Look up records' }).click();
    await found.getByText(`2 records about ${SUBJECT}`).waitFor();
    const after = await found.innerText();
    assert.doesNotMatch(after, /pat@example\.org|10\.7\.7\.7/);
    assert.match(after, /Erased: actor\.email/);
    assert.equal(await stale.count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});

test('security officer bound to a tenant: the page offers no lookup or erasure and says why; the server refuses both', { skip }, async () => {
  const { ctx, page, errors } = await newPage();
  try {
    await page.goto(`${server.url}/`);
    await page.getByLabel('User name').fill('tenant-officer');
    await page.getByLabel('Role').selectOption('security-officer');
    await page.getByLabel(/^Tenant/).fill('acme');
    await page.getByRole('button', { name: 'Sign in (development)' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy requests' }).waitFor();
    assert.match(await page.getByTestId('restricted').innerText(), /bound to the tenant acme/);
    assert.equal(await page.getByLabel('Subject identifier').count(), 0, 'no lookup form');
    assert.equal(await page.getByLabel('Subject to erase').count(), 0, 'no erasure form');
    const token = await server.token('security-officer', 'tenant-officer', 'acme');
    for (const [path, body] of [['/api/privacy/subject-access', { subject: SUBJECT }], ['/api/privacy/erasures', { subject: SUBJECT, reason: 'Art. 17 request' }]] as const) {
      const r = await fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      assert.equal(r.status, 403, path);
      assert.equal(((await r.json()) as { reason: string }).reason, 'restricted_principal', path);
    }
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});

for (const role of ROLES.filter((r) => r !== 'admin' && r !== 'security-officer')) {
  test(`${role}: no Privacy link, and the page says privacy:manage is missing`, { skip }, async () => {
    const { ctx, page, errors } = await newPage();
    try {
      await signIn(page, server.url, role);
      await page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
      assert.equal(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Privacy' }).count(), 0);
      assert.match(await page.getByTestId('locked-privacy').innerText(), /privacy:manage/);
      await go(page, '/privacy');
      await page.getByRole('heading', { level: 1, name: 'You cannot view privacy requests' }).waitFor();
      const why = await page.getByRole('alert').innerText();
      assert.match(why, /privacy:manage/);
      assert.match(why, /security-officer or admin/);
      assert.equal(await page.getByLabel('Subject identifier').count(), 0, 'no form');
      // The server refuses the call whatever the page shows.
      const token = await server.token(role, `api-${role}`);
      const r = await fetch(`${server.url}/api/privacy/subject-access`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ subject: SUBJECT }) });
      assert.equal(r.status, 403);
      if (role === 'viewer') {
        // What the viewer can read: the compliance status, per domain, without resources.
        await go(page, '/');
        const status = page.getByTestId('compliance-status');
        await status.locator('tbody tr').first().waitFor();
        const api = JSON.parse((await server.get('/api/security/compliance-report/summary', token)).text) as { summary: { byStatus: Record<string, number> } };
        assert.equal((await page.getByTestId('status-total-fail').innerText()).replace(/\D/g, ''), String(api.summary.byStatus['fail']));
        assert.ok(api.summary.byStatus['fail']! > 0, 'the example fails some controls');
        await page.screenshot({ path: join(RESULTS, 'overview-viewer-status.png') });
      }
      assert.deepEqual(errors, []);
    } finally {
      await ctx.close();
    }
  });
}
