// Ledger benchmark helpers: a deterministic generator of realistic audit events (shared by
// bench/ledger.ts), and — when run as a program — one writer process of the concurrent
// PostgreSQL append benchmark. A writer opens its own Ledger on the given database and key
// directory, pre-generates its events, tells its parent it is ready, waits for "go",
// appends in batches and reports its own start and finish times.
//
//   node dist/bench/ledger-writer.js --db URL --keys DIR --records N --batch B --seed S
import { pathToFileURL } from 'node:url';
import { DirectoryKeyProvider } from '../src/ledger/keys.js';
import { Ledger } from '../src/ledger/ledger.js';
import type { AuditEventInput, Outcome, Target } from '../src/ledger/record.js';
import { openStore } from '../src/ledger/open.js';
import { prng } from './prng.js';

/** Picks an index by weight (cumulative table, binary search). */
class Weighted<T> {
  private readonly cum: number[] = [];
  private readonly total: number;
  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    let s = 0;
    for (const w of weights) this.cum.push((s += w));
    this.total = s;
  }
  pick(r: () => number): T {
    const x = r() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

// ---------------------------------------------------------------------------
// The population: 10 tenants, 170 users and 30 services (200 actors), 30 actions

export const TENANTS = ['acme', 'globex', 'initech', 'umbrella', 'hooli', 'stark', 'wayne', 'wonka', 'tyrell', 'cyberdyne'] as const;
export const ACTION_CATEGORIES = ['auth', 'access', 'task', 'agent', 'data', 'config', 'admin'] as const;
export const OUTCOME_VALUES: readonly Outcome[] = ['success', 'denied', 'error'];

const FIRST = ['ada', 'alan', 'grace', 'linus', 'margaret', 'ken', 'barbara', 'dennis', 'frances', 'edsger', 'radia', 'tim', 'hedy', 'john', 'katherine', 'niklaus', 'shafi', 'donald'];
const LAST = ['lovelace', 'turing', 'hopper', 'torvalds', 'hamilton', 'thompson', 'liskov', 'ritchie', 'allen', 'dijkstra', 'perlman', 'berners', 'lamarr', 'mccarthy', 'johnson', 'wirth', 'goldwasser', 'knuth'];
const AGENTS = ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0', 'attest-cli/0.1.0 node/20.19', 'python-requests/2.32.3'];
const SERVICES = [
  'scheduler', 'agent-runner', 'gateway', 'billing', 'indexer', 'notifier', 'exporter', 'sync', 'importer', 'reporter',
  'policy-engine', 'secrets-broker', 'webhooks', 'search', 'ingest', 'backup', 'auditor', 'mailer', 'planner', 'router',
  'classifier', 'summariser', 'retriever', 'evaluator', 'orchestrator', 'cron', 'migrator', 'cleaner', 'metrics', 'system',
];
const TOOLS = ['shell', 'http', 'sql', 'browser', 'python', 'search', 'email', 'git'];
const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-southeast-2'];
const CLIENTS = ['web', 'cli', 'api', 'sdk'];

export interface Person {
  id: string;
  type: 'user' | 'service' | 'system';
  tenant: string;
  email?: string;
  name?: string;
  ip?: string;
  userAgent?: string;
  admin: boolean;
}

function buildPopulation(): Person[] {
  const r = prng(20240601);
  const people: Person[] = [];
  for (let i = 0; i < 170; i++) {
    const f = FIRST[i % FIRST.length]!;
    const l = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const tenant = TENANTS[Math.floor(r() * TENANTS.length)]!;
    people.push({
      id: `user-${String(i + 1).padStart(4, '0')}`,
      type: 'user',
      tenant,
      email: `${f}.${l}${i}@${tenant}.example.com`,
      name: `${f[0]!.toUpperCase()}${f.slice(1)} ${l[0]!.toUpperCase()}${l.slice(1)}`,
      ip: r() < 0.7 ? `10.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}.${1 + Math.floor(r() * 253)}` : `203.0.113.${1 + Math.floor(r() * 253)}`,
      userAgent: AGENTS[Math.floor(r() * AGENTS.length)]!,
      admin: i % 17 === 0,
    });
  }
  for (const s of SERVICES) people.push({ id: s === 'system' ? 'system' : `svc-${s}`, type: s === 'system' ? 'system' : 'service', tenant: TENANTS[0], admin: false });
  return people;
}

export const PEOPLE: readonly Person[] = buildPopulation();
export const ACTOR_IDS: readonly string[] = PEOPLE.map((p) => p.id);
const USERS = PEOPLE.filter((p) => p.type === 'user');

interface ActionSpec {
  action: string;
  user: number;
  service: number;
  target: (r: () => number, actor: Person) => Target;
  outcome?: (r: () => number) => Outcome;
  meta?: (r: () => number) => Record<string, unknown>;
}

const int = (r: () => number, n: number) => Math.floor(r() * n);
const hex = (r: () => number, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[int(r, 16)];
  return s;
};
const otherUser = (r: () => number): Target => {
  const u = USERS[int(r, USERS.length)]!;
  return { type: 'user', id: u.id, name: u.name! };
};
const denied = (r: () => number): Outcome => (r() < 0.9 ? 'denied' : 'error');

const ACTIONS: ActionSpec[] = [
  { action: 'auth.login', user: 60, service: 0, target: (r, a) => ({ type: 'session', id: `sess-${a.id}-${int(r, 40)}` }) },
  { action: 'auth.logout', user: 30, service: 0, target: (r, a) => ({ type: 'session', id: `sess-${a.id}-${int(r, 40)}` }) },
  { action: 'auth.login.failed', user: 12, service: 0, target: (_r, a) => ({ type: 'user', id: a.id }), outcome: denied, meta: (r) => ({ reason: ['bad_password', 'mfa_timeout', 'locked', 'unknown_user'][int(r, 4)] }) },
  { action: 'auth.mfa.challenge', user: 20, service: 0, target: (r, a) => ({ type: 'session', id: `sess-${a.id}-${int(r, 40)}` }), meta: (r) => ({ method: ['totp', 'webauthn', 'sms'][int(r, 3)] }) },
  { action: 'auth.password.change', user: 2, service: 0, target: (_r, a) => ({ type: 'user', id: a.id }) },
  { action: 'auth.token.issue', user: 8, service: 6, target: (r) => ({ type: 'api_token', id: `tok-${int(r, 3000)}` }), meta: (r) => ({ scopes: ['read', 'write', 'admin'].slice(0, 1 + int(r, 3)), ttl_s: 3600 }) },
  { action: 'auth.token.revoke', user: 3, service: 2, target: (r) => ({ type: 'api_token', id: `tok-${int(r, 3000)}` }) },
  { action: 'access.grant', user: 5, service: 2, target: (r) => ({ type: 'project', id: `proj-${int(r, 800)}` }), meta: (r) => ({ role: ['viewer', 'editor', 'owner'][int(r, 3)] }) },
  { action: 'access.revoke', user: 2, service: 1, target: (r) => ({ type: 'project', id: `proj-${int(r, 800)}` }) },
  { action: 'access.denied', user: 10, service: 4, target: (r) => (r() < 0.5 ? { type: 'document', id: `doc-${int(r, 50000)}` } : { type: 'project', id: `proj-${int(r, 800)}` }), outcome: () => 'denied', meta: (r) => ({ policy: `pol-${int(r, 40)}`, missing: ['read', 'write', 'admin'][int(r, 3)] }) },
  { action: 'access.role.assign', user: 2, service: 0, target: otherUser, meta: (r) => ({ role: ['viewer', 'editor', 'admin'][int(r, 3)] }) },
  { action: 'task.create', user: 20, service: 25, target: (r) => ({ type: 'task', id: `task-${int(r, 20000)}` }), meta: (r) => ({ priority: ['low', 'normal', 'high'][int(r, 3)] }) },
  { action: 'task.assign', user: 15, service: 30, target: (r) => ({ type: 'task', id: `task-${int(r, 20000)}` }), meta: (r) => ({ assignee: `agent-${int(r, 120)}` }) },
  { action: 'task.pause', user: 3, service: 5, target: (r) => ({ type: 'task', id: `task-${int(r, 20000)}` }) },
  { action: 'task.resume', user: 3, service: 5, target: (r) => ({ type: 'task', id: `task-${int(r, 20000)}` }) },
  { action: 'task.complete', user: 8, service: 30, target: (r) => ({ type: 'task', id: `task-${int(r, 20000)}` }), meta: (r) => ({ duration_s: int(r, 7200) }) },
  { action: 'task.cancel', user: 2, service: 3, target: (r) => ({ type: 'task', id: `task-${int(r, 20000)}` }) },
  { action: 'agent.execute', user: 5, service: 60, target: (r) => ({ type: 'agent', id: `agent-${int(r, 120)}` }), meta: (r) => ({ model: ['small', 'large'][int(r, 2)], steps: 1 + int(r, 30) }) },
  { action: 'agent.tool.call', user: 0, service: 90, target: (r) => ({ type: 'tool', id: TOOLS[int(r, TOOLS.length)]! }), meta: (r) => ({ tokens: int(r, 4000), exit_code: r() < 0.95 ? 0 : 1 }) },
  { action: 'agent.approve', user: 6, service: 0, target: (r) => ({ type: 'agent_run', id: `run-${int(r, 100000)}` }) },
  { action: 'agent.reject', user: 2, service: 0, target: (r) => ({ type: 'agent_run', id: `run-${int(r, 100000)}` }), meta: (r) => ({ reason: ['unsafe', 'wrong_scope', 'cost'][int(r, 3)] }) },
  { action: 'agent.escalate', user: 0, service: 4, target: (r) => ({ type: 'agent_run', id: `run-${int(r, 100000)}` }) },
  { action: 'data.read', user: 70, service: 30, target: (r) => ({ type: 'document', id: `doc-${int(r, 50000)}`, name: `report-${int(r, 999)}.pdf` }) },
  { action: 'data.export', user: 4, service: 6, target: (r) => ({ type: 'dataset', id: `ds-${int(r, 500)}` }), meta: (r) => ({ rows: int(r, 1e6), format: ['csv', 'parquet', 'json'][int(r, 3)] }) },
  { action: 'data.delete', user: 2, service: 2, target: (r) => ({ type: 'document', id: `doc-${int(r, 50000)}` }) },
  { action: 'config.update', user: 3, service: 3, target: (r) => ({ type: 'config', id: ['feature-flags', 'rate-limits', 'sso', 'retention', 'webhooks'][int(r, 5)]! }), meta: (r) => ({ keys_changed: 1 + int(r, 5) }) },
  { action: 'config.secret.rotate', user: 1, service: 3, target: (r) => ({ type: 'secret', id: `sec-${int(r, 200)}` }) },
  { action: 'admin.user.create', user: 1, service: 0, target: otherUser },
  { action: 'admin.user.disable', user: 1, service: 0, target: otherUser },
  { action: 'admin.tenant.update', user: 1, service: 0, target: (_r, a) => ({ type: 'tenant', id: a.tenant }) },
];

export const ACTION_NAMES: readonly string[] = ACTIONS.map((a) => a.action);
const USER_ACTIONS = new Weighted(ACTIONS, ACTIONS.map((a) => (a.action.startsWith('admin.') ? 0 : a.user)));
const ADMIN_ACTIONS = new Weighted(ACTIONS, ACTIONS.map((a) => (a.action.startsWith('admin.') ? 20 : a.user)));
const SERVICE_ACTIONS = new Weighted(ACTIONS, ACTIONS.map((a) => a.service));
// Skewed activity: a few very busy actors, a long tail of quiet ones; services log more.
const ACTOR_PICK = new Weighted(PEOPLE, PEOPLE.map((p, i) => (p.type === 'user' ? 1 : 3) / Math.pow(1 + (i * 7919) % 200, 0.8)));
const TENANT_PICK = new Weighted(TENANTS, TENANTS.map((_t, i) => 1 / Math.pow(i + 1, 0.7)));

/** An endless, reproducible stream of realistic audit events. */
export class EventGenerator {
  private readonly r: () => number;
  constructor(seed: number) {
    this.r = prng(seed);
  }

  next(): AuditEventInput {
    const r = this.r;
    const p = ACTOR_PICK.pick(r);
    const spec = (p.type === 'user' ? (p.admin ? ADMIN_ACTIONS : USER_ACTIONS) : SERVICE_ACTIONS).pick(r);
    const actor: AuditEventInput['actor'] = { id: p.id, type: p.type };
    if (p.type === 'user') {
      actor.session_id = `s-${hex(r, 12)}`;
      actor.ip = p.ip!;
      actor.email = p.email!;
      if (r() < 0.5) actor.user_agent = p.userAgent!;
      if (r() < 0.2) actor.name = p.name!;
    }
    const outcome = spec.outcome ? spec.outcome(r) : r() < 0.96 ? 'success' : r() < 0.75 ? 'error' : 'denied';
    const metadata: Record<string, unknown> = { duration_ms: int(r, 900), client: CLIENTS[int(r, CLIENTS.length)], region: REGIONS[int(r, REGIONS.length)], ...(spec.meta ? spec.meta(r) : {}) };
    if (r() < 0.005) metadata['authorization'] = `Bearer ${hex(r, 32)}`; // scrubbed on the way in
    const ev: AuditEventInput = {
      actor,
      action: spec.action,
      target: spec.target(r, p),
      outcome,
      tenant: p.type === 'user' ? p.tenant : TENANT_PICK.pick(r),
      request_id: `req_${hex(r, 16)}`,
      metadata,
    };
    if (r() < 0.05) ev.ticket_id = `CHG-${10000 + int(r, 90000)}`;
    if (p.type === 'user' && r() < 0.25) ev.reporter = { id: 'svc-gateway', type: 'service' };
    return ev;
  }

  batch(n: number): AuditEventInput[] {
    const out: AuditEventInput[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = this.next();
    return out;
  }
}

// ---------------------------------------------------------------------------
// Writer process

function arg(argv: string[], name: string): string {
  const i = argv.indexOf(`--${name}`);
  if (i < 0 || i + 1 >= argv.length) throw new Error(`ledger-writer: --${name} is required`);
  return argv[i + 1]!;
}

export interface WriterDone {
  type: 'done';
  writer: number;
  records: number;
  /** Wall-clock epoch milliseconds (same clock for all writers on this machine). */
  startedAt: number;
  finishedAt: number;
  seconds: number;
}

async function writerMain(argv: string[]): Promise<void> {
  const db = arg(argv, 'db');
  const keysDir = arg(argv, 'keys');
  const records = Number(arg(argv, 'records'));
  const batchSize = Number(arg(argv, 'batch'));
  const seed = Number(arg(argv, 'seed'));
  const send = (m: unknown) => new Promise<void>((res, rej) => process.send!(m, undefined, {}, (e) => (e ? rej(e) : res())));
  if (!process.send) throw new Error('ledger-writer must be started with child_process.fork');
  const gen = new EventGenerator(seed);
  const batches: AuditEventInput[][] = [];
  for (let n = 0; n < records; n += batchSize) batches.push(gen.batch(Math.min(batchSize, records - n)));
  const ledger = await Ledger.open({ store: openStore(db), keys: DirectoryKeyProvider.open(keysDir), checkpointEvery: 1000 });
  await ledger.query({ limit: 1 }); // connection warm
  const go = new Promise<void>((res) => process.once('message', () => res()));
  await send({ type: 'ready', writer: seed });
  await go;
  const startedAt = performance.timeOrigin + performance.now();
  for (const b of batches) await ledger.append(b);
  const finishedAt = performance.timeOrigin + performance.now();
  await ledger.close();
  const done: WriterDone = { type: 'done', writer: seed, records, startedAt, finishedAt, seconds: (finishedAt - startedAt) / 1000 };
  await send(done);
  process.disconnect();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writerMain(process.argv.slice(2)).catch((e) => {
    console.error(`ledger-writer: ${(e as Error).stack ?? e}`);
    process.exit(1);
  });
}
