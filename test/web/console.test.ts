/**
 * The console in a real browser (Debian's Chromium through playwright-core) against a real
 * `attest serve --dev`: sign-in per default role with navigation matching scopes, the
 * compliance report (domains, facts, evidence, export equal to the API's document) and the
 * audit viewer (filters, cursor pages both ways, sort, CSV export of the filtered range,
 * in-browser inclusion verification). Screenshots go to test-results/.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { AuditEventInput } from '../../src/ledger/record.js';
import { browserSkip, go, launchBrowser, RESULTS, ROLES, signIn, startConsoleServer, type ConsoleServer, watchedPage } from './harness.js';

const skip = browserSkip();
if (skip) console.log(`# ${skip}`);

const ACTORS = ['dev:alice', 'dev:bob', 'svc-billing', 'dev:carol'];
const ACTIONS = ['task.assign', 'auth.login', 'task.execute', 'data.export', 'config.change'];
/** Seeded: 1,200 events; dev:alice did 120 "task.*" actions (two pages of 100). */
function seedEvents(): AuditEventInput[] {
  const out: AuditEventInput[] = [];
  for (let i = 0; i < 1200; i++) {
    const actor = ACTORS[i % 4]!;
    out.push({
      actor: { id: actor, type: actor.startsWith('svc-') ? 'service' : 'user', ...(actor.startsWith('dev:') ? { ip: `10.0.0.${i % 250}`, email: `${actor.slice(4)}@example.com` } : {}) },
      action: ACTIONS[i % 5]!,
      target: { type: 'task', id: `T-${1000 + (i % 37)}` },
      outcome: i % 11 === 0 ? 'denied' : 'success',
      tenant: i % 2 ? 'acme' : 'globex',
      request_id: `req-${i}`,
      metadata: { n: i, client: 'seed', token: 'never-shown-secret' },
    });
  }
  for (let i = 0; i < 12; i++) out.push({ actor: { id: 'dev:ui-agent', type: 'user' }, action: 'agent.execute', target: { type: 'job', id: `J-${i}` }, outcome: 'success' });
  return out;
}

let server: ConsoleServer;
let browser: Browser;

before(async () => {
  if (skip) return;
  mkdirSync(RESULTS, { recursive: true });
  server = await startConsoleServer({
    seed: async (ledger) => {
      const evs = seedEvents();
      for (let i = 0; i < evs.length; i += 500) await ledger.append(evs.slice(i, i + 500));
      await ledger.checkpoint();
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const newPage = (expected?: RegExp) => watchedPage(browser, expected);

const SCOPES: Record<(typeof ROLES)[number], { report: boolean; audit: boolean; export: boolean; privacy: boolean; status: boolean }> = {
  admin: { report: true, audit: true, export: true, privacy: true, status: true },
  'security-officer': { report: true, audit: true, export: true, privacy: true, status: true },
  auditor: { report: true, audit: true, export: true, privacy: false, status: true },
  approver: { report: true, audit: false, export: false, privacy: false, status: true },
  agent: { report: false, audit: true, export: false, privacy: false, status: false },
  viewer: { report: false, audit: false, export: false, privacy: false, status: true },
};

for (const role of ROLES) {
  test(`sign in as ${role}: navigation and buttons match the role's scopes`, { skip }, async () => {
    const { ctx, page, errors } = await newPage();
    try {
      await signIn(page, server.url, role);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
      assert.equal(await nav.getByRole('link', { name: 'Compliance report' }).count(), SCOPES[role].report ? 1 : 0, 'report link');
      assert.equal(await nav.getByRole('link', { name: 'Audit log' }).count(), SCOPES[role].audit ? 1 : 0, 'audit link');
      assert.equal(await nav.getByRole('link', { name: 'Privacy' }).count(), SCOPES[role].privacy ? 1 : 0, 'privacy link');
      // compliance:read alone (the viewer) shows the status per domain, without resources or files.
      if (SCOPES[role].status) await page.getByTestId('compliance-status').locator('tbody tr').first().waitFor();
      assert.equal(await page.getByTestId('compliance-status').count(), SCOPES[role].status ? 1 : 0, 'compliance status');
      await page.getByRole('button', { name: new RegExp(`ui-${role}`) }).click();
      assert.equal(await page.getByTestId('user-roles').innerText(), role);
      await page.keyboard.press('Escape');
      await page.screenshot({ path: join(RESULTS, `overview-${role}.png`) });

      if (!SCOPES[role].report) {
        // The overview says why, and so does the page itself when reached by a link.
        assert.match(await page.getByTestId('locked-report').innerText(), /security:read/);
        await go(page, '/report');
        await page.getByRole('heading', { level: 1, name: 'You cannot view the compliance report' }).waitFor();
        const why = await page.getByRole('alert').innerText();
        assert.match(why, /security:read/);
        assert.match(why, new RegExp(role));
        await page.screenshot({ path: join(RESULTS, `report-forbidden-${role}.png`) });
      }
      if (SCOPES[role].audit) {
        await nav.getByRole('link', { name: 'Audit log' }).click();
        await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
        await page.locator('.audit-table tbody tr').first().waitFor();
        assert.equal(await page.getByRole('button', { name: 'Export CSV' }).count(), SCOPES[role].export ? 1 : 0, 'export button');
        if (role === 'agent') {
          // The agent reads only its own records, and the page says so.
          const actors = await page.locator('.audit-table tbody tr td:nth-child(2) .actor').allInnerTexts();
          assert.ok(actors.length > 0);
          assert.deepEqual([...new Set(actors)], ['dev:ui-agent']);
          assert.ok(await page.getByLabel('Actor').isDisabled());
        }
      } else {
        await go(page, '/audit');
        await page.getByRole('heading', { level: 1, name: 'You cannot view the audit log' }).waitFor();
      }
      assert.deepEqual(errors, []);
    } finally {
      await ctx.close();
    }
  });
}

test('compliance report: summary, a domain with a fact table and a failing control with evidence; Export JSON equals the API document', { skip }, async () => {
  const { ctx, page, errors } = await newPage();
  try {
    await signIn(page, server.url, 'auditor');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance report' }).click();
    await page.getByRole('heading', { name: 'Summary' }).waitFor();
    assert.match(await page.getByTestId('generated').innerText(), /Generated .*(UTC|GMT|[A-Z]{2,5})/);
    // Attest's own service and the scanned platforms are told apart.
    await page.locator('.origin-card').getByText("Attest's own service").waitFor();
    await page.locator('.origin-card').getByText('Scanned platforms').waitFor();
    await page.screenshot({ path: join(RESULTS, 'report-summary.png') });

    const toggle = page.getByRole('button', { name: /^Data protection/ });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    // Positions in the document (not the viewport: clicking scrolls the button into view).
    const pos = (sel: string) => page.locator(sel).evaluate((el) => { const r = el.getBoundingClientRect(); return { y: r.top + scrollY, height: r.height }; });
    await toggle.scrollIntoViewIfNeeded();
    const authBefore = await pos('#domain-authentication');
    const toggleBefore = await pos('#domain-data-protection .domain-toggle');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const domain = page.locator('#domain-data-protection');
    // A fact table: databases, with a column per attribute and where each is defined.
    const table = domain.locator('table.facts-table').first();
    await table.waitFor();
    assert.ok((await table.locator('thead th').count()) >= 3);
    assert.ok((await table.locator('tbody tr').count()) >= 1);
    // Opening a section moves nothing above it: no layout shift of what the reader is looking at.
    const authAfter = await pos('#domain-authentication');
    const toggleAfter = await pos('#domain-data-protection .domain-toggle');
    assert.equal(authAfter.y, authBefore.y);
    assert.equal(toggleAfter.y, toggleBefore.y);
    assert.equal(toggleAfter.height, toggleBefore.height);
    // A failing control with its evidence: file:line and the offending value.
    const failing = domain.locator('li.control-fail').first();
    const ctoggle = failing.locator('button.control-toggle');
    await ctoggle.click();
    assert.equal(await ctoggle.getAttribute('aria-expanded'), 'true');
    const finding = failing.locator('article.finding-fail').first();
    await finding.waitFor();
    const ev = await finding.locator('.ev').first().innerText();
    assert.match(ev, /\.(ya?ml|json):\d+/, 'evidence names file:line');
    assert.ok((await finding.locator('pre.snippet').innerText()).includes(':'), 'snippet shown');
    await domain.screenshot({ path: join(RESULTS, 'report-domain-data-protection.png') });

    // Filters and deep links.
    await page.getByLabel('Status', { exact: true }).selectOption('fail');
    await page.getByLabel('Severity', { exact: true }).selectOption('high');
    const statuses = await page.locator('#domain-data-protection li.control .control-toggle .status').allInnerTexts();
    assert.ok(statuses.length > 0 && statuses.every((s) => s === 'Failed'), statuses.join(','));
    const severities = await page.locator('#domain-data-protection li.control .control-toggle .sev').allInnerTexts();
    assert.ok(severities.every((s) => s.toLowerCase() === 'high'), severities.join(','));
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await go(page, '/report/network');
    await page.locator('#domain-network-body').waitFor({ state: 'visible' });
    assert.equal(await page.getByRole('button', { name: /^Network/ }).getAttribute('aria-expanded'), 'true');
    // A deep link to a control opens its domain and the control.
    await go(page, '/report/audit/ATTEST-SVC-AUDIT-002');
    await page.locator('#control-ATTEST-SVC-AUDIT-002-body article.finding').first().waitFor();
    assert.equal(await page.locator('#control-ATTEST-SVC-AUDIT-002 button.control-toggle').getAttribute('aria-expanded'), 'true');
    assert.match(await page.locator('#domain-audit').innerText(), /Attest's own service/);

    // Files the scan did not read are listed with the reason, never dropped silently.
    const skippedBox = page.getByTestId('skipped');
    await skippedBox.locator('summary').click();
    assert.match(await skippedBox.locator('summary').innerText(), /^Skipped: 1 candidate file not scanned$/);
    assert.deepEqual(await skippedBox.locator('tbody tr').allInnerTexts(), ['examples/platform/params-prod.json\tnot a CloudFormation template: no Resources with AWS:: types']);

    // Export JSON: the downloaded bytes are the API's document.
    const token = await server.token('auditor', 'api-check');
    const apiBefore = (await server.get('/api/security/compliance-report', token)).text;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const file = await download.path();
    const apiAfter = (await server.get('/api/security/compliance-report', token)).text;
    const got = readFileSync(file, 'utf8');
    assert.ok(got === apiBefore || got === apiAfter, 'the exported JSON is byte for byte the API document');
    assert.equal(JSON.parse(got).schemaVersion, JSON.parse(apiAfter).schemaVersion);
    assert.match(download.suggestedFilename(), /\.json$/);
    // Another format.
    const [sarif] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SARIF' }).click()]);
    assert.equal(JSON.parse(readFileSync(await sarif.path(), 'utf8')).version, '2.1.0');
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});

test('audit viewer: filter by actor and action, page forward and back, sort, export CSV with the filter, verify inclusion', { skip }, async () => {
  const { ctx, page, errors } = await newPage();
  try {
    await signIn(page, server.url, 'auditor');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await page.locator('.audit-table tbody tr').first().waitFor();
    // Chain status: the latest checkpoint, its signature checked in the browser.
    await page.getByTestId('chain-checkpoint').getByText('Ed25519 signature verified in this browser').waitFor();
    // The time column says which zone it shows.
    assert.match(await page.locator('.audit-table thead th').first().innerText(), /Time \(.*UTC[+-]\d\d:\d\d/);
    await page.screenshot({ path: join(RESULTS, 'audit.png') });

    // The actor dropdown lists the distinct actors.
    const options = await page.getByLabel('Actor').locator('option').allInnerTexts();
    for (const a of ACTORS) assert.ok(options.includes(a), `${a} in ${options.join(', ')}`);
    await page.getByLabel('Actor').selectOption('dev:alice');
    await page.getByLabel('Action').fill('task');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const status = page.getByTestId('page-status');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('actor') === 'dev:alice');
    // The unfiltered page also said "Page 1 · records 1–100", and its rows stay (dimmed)
    // until the filtered page answers: wait for rows of the filter, not for the text.
    await page.waitForFunction(() => {
      const actors = [...document.querySelectorAll('.audit-table[aria-busy="false"] tbody tr td:nth-child(2) .actor')].map((c) => c.textContent);
      return actors.length > 0 && actors.every((a) => a === 'dev:alice');
    });
    await status.getByText('Page 1 · records 1–100').waitFor();
    const rows = page.locator('.audit-table tbody tr');
    assert.equal(await rows.count(), 100);
    const check = async () => {
      for (const a of await rows.locator('td:nth-child(2) .actor').allInnerTexts()) assert.equal(a, 'dev:alice');
      for (const a of await rows.locator('td:nth-child(3)').allInnerTexts()) assert.match(a, /^task\./);
    };
    await check();
    const firstSeqPage1 = await rows.first().locator('td:last-child').innerText();
    await page.getByTestId('next-page').click();
    await status.getByText('Page 2 · records 101–120').waitFor();
    assert.equal(await rows.count(), 20);
    await check();
    assert.ok(await page.getByTestId('next-page').isDisabled(), 'no page after the last');
    await page.getByTestId('prev-page').click();
    await status.getByText('Page 1 · records 1–100').waitFor();
    assert.equal(await rows.first().locator('td:last-child').innerText(), firstSeqPage1);

    // Newest first by default; one click sorts oldest first.
    const seqs = async () => (await rows.locator('td:last-child').allInnerTexts()).map((s) => Number(s.replace(/\D/g, '')));
    const desc = await seqs();
    assert.deepEqual(desc, [...desc].sort((a, b) => b - a));
    await page.getByRole('button', { name: /^Time/ }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('order') === 'asc');
    await status.getByText('Page 1 · records 1–100').waitFor();
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('.audit-table tbody tr td:last-child')].map((c) => Number(c.textContent!.replace(/\D/g, '')));
      return cells.length > 1 && cells[0]! < cells[1]!;
    });
    const asc = await seqs();
    assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
    assert.equal(await page.locator('.audit-table thead th').first().getAttribute('aria-sort'), 'ascending');
    await check();

    // Export CSV of the filtered range.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
    const header = csv[0]!.split(',');
    const ai = header.indexOf('actor_id');
    const ac = header.indexOf('action');
    assert.ok(ai >= 0 && ac >= 0, csv[0]);
    assert.equal(csv.length - 1, 120, 'every filtered record, and only those');
    for (const line of csv.slice(1)) {
      const cells = line.split(',');
      assert.equal(cells[ai], 'dev:alice');
      assert.match(cells[ac]!, /^task\./);
    }
    assert.ok(!csv.join('\n').includes('never-shown-secret'), 'secrets in metadata are scrubbed');

    // A record's details and its inclusion, verified in the browser.
    await rows.nth(3).locator('td:last-child button').click();
    const drawer = page.getByRole('dialog');
    await drawer.waitFor();
    assert.match(await drawer.innerText(), /Chain hash/);
    assert.match(await drawer.innerText(), /Time \(UTC, stored\)/);
    await drawer.getByRole('button', { name: 'Verify inclusion' }).click();
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    assert.match(await result.innerText(), /Included in the signed ledger/);
    assert.equal(await result.locator('li.step-bad').count(), 0, await result.innerText());
    assert.ok((await result.locator('li.step-ok').count()) >= 5);
    await page.screenshot({ path: join(RESULTS, 'audit-record-verified.png') });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});
