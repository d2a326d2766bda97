// Compliance dashboard benchmark, in the browser (Debian's Chromium through playwright-core)
// against a real `attest serve --dev` whose assessment history holds a year of daily
// assessments for the six shipped frameworks (365 × 6 rows seeded into the history table
// before the server starts; the server adds its own at start):
//   first render: from the click on "Compliance" to every framework card on screen with its
//   score, coverage and trend sparkline drawn (the frame after them painted).
// Also the API alone (GET /api/compliance/frameworks, which carries the year's daily trend).
// Prints one JSON document. Target (issue 11): first render < 1 s.
//
//   npm run bench:dashboard            (RUNS=15 by default)
import { CATALOGS } from '../src/frameworks/index.js';
import { openComplianceStore, REQUIREMENT_STATUSES, selectCategories, type AssessmentSummary, type RequirementStatus } from '../src/compliance/index.js';
import { browserSkip, go, launchBrowser, signIn, startConsoleServer, type ConsoleServer } from '../test/web/harness.js';
import { stats, timeInPage } from './browser-timing.js';

const RUNS = Number(process.env['RUNS'] ?? 15);
const DAYS = 365;

/** A plausible year: the score climbs from about 15 % to 70 % with some noise, day by day. */
function history(): AssessmentSummary[] {
  const rows: AssessmentSummary[] = [];
  const today = Date.parse(`${new Date().toISOString().slice(0, 10)}T12:00:00Z`);
  for (const c of CATALOGS) {
    const cats = selectCategories(c);
    const total = c.categories ? c.requirements.filter((r) => r.category !== undefined && cats.includes(r.category)).length : c.requirements.length;
    const na = Math.floor(total * 0.05);
    const applicable = total - na;
    for (let d = DAYS; d >= 1; d--) {
      const i = DAYS - d;
      const wobble = ((i * 7919 + c.id.length * 104729) % 11) / 100 - 0.05;
      const met = Math.max(0, Math.min(applicable, Math.floor(applicable * (0.15 + 0.55 * (i / (DAYS - 1)) + wobble))));
      const rest = applicable - met;
      const counts = Object.fromEntries(REQUIREMENT_STATUSES.map((s) => [s, 0])) as Record<RequirementStatus, number>;
      counts.met = met;
      counts.not_applicable = na;
      counts.not_met = Math.floor(rest * 0.3);
      counts.partially_met = Math.floor(rest * 0.1);
      counts.unknown = Math.floor(rest * 0.05);
      counts.not_started = rest - counts.not_met - counts.partially_met - counts.unknown;
      const automated = Math.floor(applicable * 0.6);
      rows.push({
        at: new Date(today - d * 86_400_000).toISOString(),
        framework: c.id,
        categories: cats,
        counts,
        met,
        applicable,
        total,
        score: applicable ? Math.floor((met * 1000) / applicable) / 10 : null,
        coverage: applicable ? Math.floor((automated * 1000) / applicable) / 10 : null,
      });
    }
  }
  return rows;
}

async function dashboardBench(server: ConsoleServer, seeded: number) {
  const token = await server.token('auditor', 'bench');
  // The API alone, from Node: the first answer (the server assessed at start) and the rest.
  const api: number[] = [];
  let doc: { frameworks: { id: string; trend: unknown[]; requirements: number }[] } | undefined;
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    const r = await server.get('/api/compliance/frameworks', token);
    api.push(performance.now() - s);
    if (r.status !== 200) throw new Error(`GET /api/compliance/frameworks: ${r.status} ${r.text.slice(0, 300)}`);
    doc = JSON.parse(r.text) as typeof doc;
    bytes = Buffer.byteLength(r.text);
  }
  const frameworks = doc!.frameworks.length;
  const trendPoints = doc!.frameworks.map((f) => f.trend.length);
  if (frameworks !== CATALOGS.length || trendPoints.some((n) => n < DAYS)) {
    throw new Error(`the dashboard does not carry a year of history: ${frameworks} frameworks, trend points ${trendPoints.join(', ')}`);
  }
  const browser = await launchBrowser();
  try {
    const ctx = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await ctx.newPage();
    await signIn(page, server.url, 'auditor', 'bench');
    const done = `document.querySelectorAll('.fw-card').length === ${frameworks} && document.querySelectorAll('.fw-card svg.sparkline polyline').length === ${frameworks} && document.querySelectorAll('.fw-card [data-testid="score"]').length === ${frameworks}`;
    const first: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await go(page, '/');
      await page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
      first.push(await timeInPage(page, `document.querySelector('nav a[href="/compliance"]').click()`, done));
    }
    const drawn = await page.locator('.fw-card svg.sparkline').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-points'))));
    await ctx.close();
    const render = stats(first);
    return {
      frameworks: doc!.frameworks.map((f) => ({ id: f.id, requirements: f.requirements, trendPoints: f.trend.length })),
      seededHistoryRows: seeded,
      sparklinePointsDrawn: drawn,
      frameworksJsonBytes: bytes,
      apiMs: stats(api),
      firstApiMs: Math.round(api[0]! * 10) / 10,
      firstRenderMs: render,
      firstRenderFirstRunMs: Math.round(first[0]! * 10) / 10,
      targetMs: 1000,
      met: render.p95 < 1000,
      notes: [
        'firstRenderMs: from the click on the "Compliance" navigation link (dispatched in the page) to every card with its score and its sparkline in the DOM and the frame after them painted; the page fetches GET /api/compliance/frameworks each time (nothing cached in the browser).',
        'apiMs: GET /api/compliance/frameworks from Node, no browser: the current assessment (kept in memory until findings, evidence or the day change) plus the daily trend of each framework read from the history table.',
      ],
    };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const skip = browserSkip();
  if (skip) {
    console.log(JSON.stringify({ skipped: skip }));
    return;
  }
  const rows = history();
  const server = await startConsoleServer({
    seed: async (ledger) => {
      // The history table lives beside the ledger, in the same database file.
      const store = openComplianceStore(ledger.store.location);
      try {
        await store.init();
        await store.addAssessments(rows);
      } finally {
        await store.close();
      }
    },
  });
  const out: Record<string, unknown> = { bench: 'dashboard', node: process.version, chromium: '' };
  try {
    out['dashboard'] = await dashboardBench(server, rows.length);
  } finally {
    await server.close();
  }
  const b = await launchBrowser();
  out['chromium'] = b.version();
  await b.close();
  console.log(JSON.stringify(out, null, 2));
}

await main();
