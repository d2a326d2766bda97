/**
 * The Alerts page and the navigation badge in a real browser against a real `attest serve
 * --dev`: the security officer sees the open-alert count, opens an alert with its signals and
 * its dead letter, acknowledges and resolves it (the ledger records name them), and the badge
 * follows live when another alert is raised (server-sent events). The auditor sees the same
 * alerts and no action; the viewer gets no Alerts link. Screenshots go to test-results/.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { AlertDeliveryFailed } from '../../src/detection/alert.js';
import { raisedAlert, raisedEvent } from '../helpers/alerts.js';
import { browserSkip, go, launchBrowser, RESULTS, signIn, startConsoleServer, type ConsoleServer, watchedPage } from './harness.js';

const skip = browserSkip();
if (skip) console.log(`# ${skip}`);

let server: ConsoleServer;
let browser: Browser;

before(async () => {
  if (skip) return;
  mkdirSync(RESULTS, { recursive: true });
  server = await startConsoleServer({
    seed: async (ledger) => {
      await ledger.append([
        { actor: { id: 'user-mallory', type: 'user' }, action: 'auth.login', outcome: 'denied' },
        { actor: { id: 'user-mallory', type: 'user' }, action: 'auth.login', outcome: 'denied' },
        { actor: { id: 'user-mallory', type: 'user' }, action: 'audit.export', outcome: 'success' },
      ]);
      const a = raisedAlert('alert-takeover', 'high', 'Account takeover then bulk export');
      const b = raisedAlert('alert-burst', 'medium', 'Failed-login burst');
      const dead: AlertDeliveryFailed = { alertId: 'alert-takeover', channel: 'slack-secops', attempts: 5, error: 'webhook answered HTTP 500', deadLetter: true };
      await ledger.append(
        [
          raisedEvent(a),
          raisedEvent(b),
          { actor: { id: 'attest-notify', type: 'service' }, action: 'alert.delivery.failed', target: { type: 'alert', id: a.alertId }, outcome: 'error', metadata: { ...dead } },
        ],
        { alerts: true },
      );
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('security officer: badge, alert detail with dead letter, acknowledge, resolve, live badge', { skip }, async () => {
  const { ctx, page, errors } = await watchedPage(browser);
  try {
    await signIn(page, server.url, 'security-officer', 'olivia');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const badge = nav.getByTestId('open-alerts-badge');
    await badge.getByText('2', { exact: true }).waitFor();
    await nav.getByRole('link', { name: /Alerts/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    const rows = page.getByRole('table', { name: 'Alerts' }).locator('tbody tr[data-alert-id]');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 2);
    const takeover = page.locator('tr[data-alert-id="alert-takeover"]');
    assert.match(await takeover.innerText(), /1 failed delivery/);
    await takeover.getByRole('button', { name: /Account takeover/ }).click();
    const detail = page.getByTestId('alert-detail');
    await detail.getByText(/7 failed logins in 10 min/).waitFor();
    assert.match(await detail.innerText(), /Channel slack-secops: gave up after 5 tries .*webhook answered HTTP 500/);
    await page.screenshot({ path: join(RESULTS, 'alerts-officer.png') });

    await detail.getByLabel('Note').fill('on it');
    await detail.getByRole('button', { name: 'Acknowledge' }).click();
    // The open filter no longer lists it; show all to see its state.
    await page.getByLabel('State').selectOption('');
    await takeover.getByTestId('alert-state').getByText('acknowledged').waitFor();
    await badge.getByText('1', { exact: true }).waitFor();
    if (!(await detail.isVisible())) await takeover.getByRole('button', { name: /Account takeover/ }).click();
    await detail.getByTestId('acknowledged-by').getByText('dev:olivia').waitFor();
    await detail.getByLabel('Resolution').selectOption('true-positive');
    await detail.getByRole('button', { name: 'Resolve' }).click();
    await takeover.getByTestId('alert-state').getByText('resolved').waitFor();
    await detail.getByTestId('resolved-by').getByText(/Resolved as true-positive by/).waitFor();

    // The server's ledger names the officer on both records.
    const admin = await server.token('admin', 'checker');
    const recs = JSON.parse((await server.get('/api/audit/events?target_type=alert&target_id=alert-takeover&order=asc', admin)).text) as { records: { action: string; actor: { id: string } }[] };
    assert.deepEqual(
      recs.records.map((r) => `${r.action} ${r.actor.id}`).filter((x) => !x.startsWith('alert.delivery')),
      ['alert.raised attest-detection', 'alert.acknowledged dev:olivia', 'alert.resolved dev:olivia'],
    );

    // Live: a test alert raised elsewhere shows up in the badge and the list without a reload.
    const officer = await server.token('security-officer', 'other');
    const r = await fetch(`${server.url}/api/alerts/test`, { method: 'POST', headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' }, body: '{}' });
    assert.equal(r.status, 201);
    await badge.getByText('2', { exact: true }).waitFor();
    await page.getByRole('table', { name: 'Alerts' }).getByText('Test alert: checks that alert delivery reaches you').waitFor();
    await page.screenshot({ path: join(RESULTS, 'alerts-officer-live.png') });
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});

test('auditor reads alerts and cannot act; the viewer has no Alerts page', { skip }, async () => {
  const { ctx, page, errors } = await watchedPage(browser);
  try {
    await signIn(page, server.url, 'auditor', 'audrey');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: /Alerts/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    await page.getByText(/working them needs alerts:write/).waitFor();
    const burst = page.locator('tr[data-alert-id="alert-burst"]');
    await burst.getByRole('button', { name: /Failed-login burst/ }).click();
    const detail = page.getByTestId('alert-detail');
    await detail.getByText(/4,200 records exported/).waitFor();
    assert.equal(await detail.getByRole('button', { name: 'Acknowledge' }).count(), 0);
    assert.equal(await detail.getByRole('button', { name: 'Resolve' }).count(), 0);
    // The server refuses it too, naming the scope.
    const auditor = await server.token('auditor', 'audrey');
    const r = await fetch(`${server.url}/api/alerts/alert-burst/acknowledge`, { method: 'POST', headers: { authorization: `Bearer ${auditor}`, 'content-type': 'application/json' }, body: '{}' });
    assert.equal(r.status, 403);
    assert.match(await r.text(), /alerts:write/);
    await page.screenshot({ path: join(RESULTS, 'alerts-auditor.png') });
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
  const v = await watchedPage(browser);
  try {
    await signIn(v.page, server.url, 'viewer', 'vic');
    assert.equal(await v.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Alerts/ }).count(), 0);
    await go(v.page, '/alerts');
    await v.page.getByText(/alerts:read/).first().waitFor();
    assert.deepEqual(v.errors, []);
  } finally {
    await v.ctx.close();
  }
});
