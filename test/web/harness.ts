/**
 * Browser tests and the console bench share this: a real `attest serve --dev` child process
 * in a temporary directory (its own SQLite ledger, keys and dev issuer, a copy of the bundled
 * example and of Attest's deploy/ templates as scan targets), seeded through the ledger
 * library, and Debian's Chromium driven by playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { openLedger } from '../../src/ledger/open.js';
import type { Ledger } from '../../src/ledger/ledger.js';

/** The repository root (this file runs as dist/test/web/harness.js). */
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const CHROMIUM = process.env['ATTEST_CHROMIUM'] ?? '/usr/bin/chromium';
export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const RESULTS = join(REPO, 'test-results');
export const ROLES = ['admin', 'security-officer', 'auditor', 'approver', 'agent', 'viewer'] as const;

/** Why the browser tests cannot run here (undefined: they can). Under CI a missing browser is an error. */
export function browserSkip(): string | undefined {
  const problems: string[] = [];
  if (!existsSync(CHROMIUM)) problems.push(`Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium, or set ATTEST_CHROMIUM)`);
  if (!existsSync(join(REPO, 'dist/web/index.html'))) problems.push('the console is not built (npm run build:web)');
  if (!problems.length) return undefined;
  const why = `browser tests skipped: ${problems.join('; ')}`;
  if (process.env['CI']) throw new Error(`${why}; CI requires them`);
  return why;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface ConsoleServer {
  url: string;
  dir: string;
  db: string;
  keys: string;
  logs: string[];
  /** A dev token minted over HTTP (POST /api/dev/token), as the console's login does. */
  token(role: string, user?: string, tenant?: string): Promise<string>;
  /** GET with a bearer token: status, body text, content type. */
  get(path: string, token: string): Promise<{ status: number; text: string; type: string }>;
  close(): Promise<void>;
}

export interface ConsoleServerOptions {
  /** Appends the audit events the test needs, before the server starts. */
  seed?: (ledger: Ledger) => Promise<void>;
  /** Extra copies of the example under examples/ (a bigger report). */
  exampleCopies?: number;
  checkpointEvery?: number;
  /** Start with --dev (the default); false: production mode, which needs config.access.issuer. */
  dev?: boolean;
  /** Written to attest.config.json in the working directory and passed with --config. */
  config?: Record<string, unknown>;
}

export async function startConsoleServer(o: ConsoleServerOptions = {}): Promise<ConsoleServer> {
  const dir = mkdtempSync(join(tmpdir(), 'attest-console-'));
  cpSync(join(REPO, 'examples'), join(dir, 'examples'), { recursive: true });
  if (existsSync(join(REPO, 'deploy'))) cpSync(join(REPO, 'deploy'), join(dir, 'deploy'), { recursive: true });
  for (let i = 1; i <= (o.exampleCopies ?? 0); i++) cpSync(join(REPO, 'examples'), join(dir, 'examples', `copy-${i}`), { recursive: true });
  const db = join(dir, 'ledger.db');
  const keys = join(dir, 'keys');
  if (o.seed) {
    const ledger = await openLedger({ db, keysDir: keys, createKeys: true, ...(o.checkpointEvery ? { checkpointEvery: o.checkpointEvery } : {}) });
    try {
      await o.seed(ledger);
    } finally {
      await ledger.close();
    }
  }
  const port = await freePort();
  // The server under test sees only the settings the test gives it: no ATTEST_* (issuer,
  // audience, client ids, OIDC aliases…), database or port from the developer's shell.
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ATTEST_') && !['DATABASE_URL', 'PORT'].includes(k)));
  Object.assign(env, { ATTEST_LEDGER_DB: db, ATTEST_LEDGER_KEYS_DIR: keys, ATTEST_LOG_LEVEL: 'warn' });
  const args = [join(REPO, 'bin/attest.js'), 'serve', ...(o.dev === false ? [] : ['--dev']), '--host', '127.0.0.1', '--port', String(port)];
  if (o.config) {
    writeFileSync(join(dir, 'attest.config.json'), JSON.stringify(o.config, null, 2));
    args.push('--config', join(dir, 'attest.config.json'));
  }
  const child: ChildProcess = spawn(process.execPath, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  child.stdout!.on('data', (b: Buffer) => logs.push(b.toString()));
  child.stderr!.on('data', (b: Buffer) => logs.push(b.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`attest serve exited with ${child.exitCode}:\n${logs.join('')}`);
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`attest serve did not become ready in 60 s:\n${logs.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    dir,
    db,
    keys,
    logs,
    async token(role, user = `test-${role}`, tenant) {
      const r = await fetch(`${url}/api/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, role, ...(tenant ? { tenant } : {}) }) });
      if (!r.ok) throw new Error(`dev token: HTTP ${r.status} ${await r.text()}`);
      return ((await r.json()) as { access_token: string }).access_token;
    },
    async get(path, token) {
      const r = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: r.status, text: await r.text(), type: r.headers.get('content-type') ?? '' };
    },
    async close() {
      if (child.exitCode === null) {
        const done = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await done;
        clearTimeout(t);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the console's development login form and waits for the signed-in shell. */
export async function signIn(page: Page, base: string, role: string, user = `ui-${role}`, path = '/'): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Role').selectOption(role);
  await page.getByRole('button', { name: 'Sign in (development)' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** Client-side navigation (the token lives in memory: a full page load would sign out). */
export async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    history.pushState(null, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/**
 * A fresh browser context and page whose script errors and console errors are collected;
 * `expected` are the HTTP refusals a test provokes on purpose (the browser logs them as errors).
 */
export async function watchedPage(browser: Browser, expected: RegExp = /status of 40[13]/): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Script errors and CSP violations ("Refused to connect ...") are console errors.
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected.test(m.text())) errors.push(`${m.text()} (${m.location().url})`);
  });
  return { ctx, page, errors };
}
