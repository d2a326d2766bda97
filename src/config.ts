/**
 * Attest's configuration: a JSON file (attest.config.json in the working directory, or
 * --config FILE) overlaid by environment variables. Every value has a default, so the
 * embedded set-up (SQLite ledger under .attest/) needs no file at all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { detectionConfig, DetectionConfigError, type DetectionConfig } from './detection/rules.js';
import { notifySection, NotifyConfigError, type NotifyConfig } from './notify/config.js';

export interface LedgerConfig {
  /** SQLite file path or postgres:// URL. */
  db: string;
  /** Key directory (ignored when ATTEST_LEDGER_KEYS holds the keys). */
  keys: string;
  /** Sign a checkpoint every N records. */
  checkpointEvery: number;
  /** ... and when records were appended since a checkpoint older than this many seconds (0: off; default 60). */
  checkpointSeconds?: number;
  /** SQLite: "full" (default) syncs every commit to disk — an acknowledged record survives a power loss; "normal" survives a process crash only. */
  synchronous: 'full' | 'normal';
  /** How long a checkpoint signing key may sign before it is due for rotation (a duration; default 30d, monthly). */
  signingKeyRotation?: string;
  /** Retention per action category (the first segment of the action, "*" for the rest), e.g. { "auth": "1y", "*": "7y" }. */
  retention: Record<string, string>;
  /** When and how the retention policy is applied (loadConfig fills the defaults; see retentionScheduleOf). */
  retentionSchedule?: RetentionScheduleConfig;
}

/**
 * Retention applied on a schedule: each run moves the records older than archiveOlderThan
 * from the database to a new archive file in archiveDir, then turns the archived records
 * whose retention has elapsed into tombstones, and records itself in the ledger
 * (ledger.retention.run), where the self-assessment reads when it last ran.
 */
export interface RetentionScheduleConfig {
  /** Time between runs, e.g. "1d"; "off": not applied on a schedule. */
  every: string;
  /**
   * "service": attest serve runs it. "external": a scheduled `attest ledger retention run`
   * does (on PostgreSQL it must run as the schema owner, which the service's login is not),
   * and the service only checks, from the ledger, that it ran.
   */
  runner: 'service' | 'external';
  /** Directory of the archive files (durable storage, the same for every instance). No default with PostgreSQL. */
  archiveDir?: string;
  /** Records older than this leave the database for an archive file (default: the shortest retention period). */
  archiveOlderThan: string;
}

export interface ServerConfig {
  host: string;
  port: number;
  /** Files and directories scanned for the compliance report (resolved against the working directory). */
  targets: string[];
  /** Whether the targets were the defaults (only the ones that exist are then scanned). */
  defaultTargets: boolean;
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * Which peers' X-Forwarded-For / X-Forwarded-Proto to believe: a comma-separated list of
   * addresses or CIDRs (behind an ALB: the VPC's CIDR, so the client address is the one the
   * ALB appended, not one the client wrote), true (every peer: the client can then choose
   * its own recorded address) or false.
   */
  trustProxy: boolean | string;
  /** Strict-Transport-Security value sent on answers to requests that arrived over TLS; false: never. */
  hsts?: string | false;
  /** Seconds to receive a whole request (headers and body) before answering 408 and closing. */
  requestTimeoutSeconds?: number;
  /** Seconds to receive the request headers. */
  headersTimeoutSeconds?: number;
  /** Seconds an idle keep-alive connection stays open (above the load balancer's idle timeout). */
  keepAliveTimeoutSeconds?: number;
  /** Seconds a connection may be inactive (no byte either way) before it is closed. */
  connectionTimeoutSeconds?: number;
  /** Where access denials wait when the ledger refuses them (default: beside the SQLite ledger, or .attest/). */
  denialSpool?: string;
  /** Public (secret-less) OAuth client id a login page uses, published by GET /api/auth/config. */
  publicClientId?: string;
  /** Hosted login domain (e.g. the Cognito domain), published by GET /api/auth/config. */
  authDomain?: string;
  /** Token buckets per client address and per principal (defaults: DEFAULT_RATE_LIMIT). */
  rateLimit: RateLimitConfig;
  /** How many denials are recorded one by one before the rest are counted in summaries. */
  denialRecording: DenialRecordingConfig;
  /** Background report and bundle jobs (default DEFAULT_JOBS). */
  jobs?: JobsConfig;
}

export interface JobsConfig {
  /** Jobs running at once, each in its own worker thread. */
  concurrency: number;
  /** Jobs waiting beyond the running ones; more are refused with 503. */
  maxQueued: number;
  /** How long a finished job and its files are kept. */
  ttlHours: number;
  /** Where results are written (default: jobs/ beside the SQLite ledger, or .attest/jobs). */
  dir?: string;
}

export const DEFAULT_JOBS: JobsConfig = { concurrency: 1, maxQueued: 20, ttlHours: 24 };

/** A token bucket: `burst` requests at once, refilled at `perSecond`. */
export interface BucketConfig {
  perSecond: number;
  burst: number;
}

export interface RateLimitConfig {
  /** Every request but /healthz and /readyz, keyed by the client address (as trustProxy resolves it); false: off. */
  perIp: BucketConfig | false;
  /** Authenticated requests, keyed by the token's issuer and subject; false: off. */
  perPrincipal: BucketConfig | false;
  /** Buckets kept per table; beyond it the least recently used is dropped. */
  maxClients: number;
}

export interface DenialRecordingConfig {
  /** Length of a counting window. */
  windowSeconds: number;
  /** Denials recorded one by one per (class, client) and window; the rest go into one summary record. */
  individualPerKey: number;
  /** (class, client) keys tracked per window; denials of further keys go into one overflow summary. */
  maxKeys: number;
}

/**
 * An agent host posting audit events in bursts (a batch of 200 at start-up, then tens per
 * second) stays inside both buckets; a single address sending faster than that is a
 * misbehaving or hostile client. perIp equals perPrincipal so that one agent on its own
 * host is governed by its principal's bucket, not throttled earlier by its address.
 */
export const DEFAULT_RATE_LIMIT: RateLimitConfig = {
  perIp: { perSecond: 50, burst: 200 },
  perPrincipal: { perSecond: 50, burst: 200 },
  maxClients: 10_000,
};

export const DEFAULT_DENIAL_RECORDING: DenialRecordingConfig = { windowSeconds: 60, individualPerKey: 10, maxKeys: 1000 };

/** Compliance readiness settings (src/compliance). */
export interface ComplianceConfig {
  /** Longest an exception of the register may run, in days from its request (default 365). */
  exceptionMaxDays: number;
  /** Largest evidence file accepted, in bytes (default 25 MiB). */
  evidenceMaxBytes: number;
}

export const DEFAULT_COMPLIANCE: ComplianceConfig = { exceptionMaxDays: 365, evidenceMaxBytes: 25 * 1024 * 1024 };

export interface AttestConfig {
  file?: string;
  ledger: LedgerConfig;
  server: ServerConfig;
  /** Always set by loadConfig; optional so configurations built in code may leave it out (DEFAULT_COMPLIANCE). */
  compliance?: ComplianceConfig;
  /** Alert delivery: email and webhook channels, in-app routing (src/notify/config.ts). */
  notify?: NotifyConfig;
  /**
   * The "access" section as written (plus ATTEST_ISSUER / ATTEST_AUDIENCE / ATTEST_CLIENT_IDS),
   * checked by validateAccessConfig (src/access/scopes.ts) when the server starts, so commands
   * that do not serve are not refused over it.
   */
  access: Record<string, unknown>;
  /** Detection rules and the evaluator's switch (src/detection/rules.ts); always set by loadConfig, defaults when absent. */
  detection?: DetectionConfig;
}

export const DEFAULT_TARGETS = ['examples', 'deploy'];
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const DEFAULT_RETENTION: Record<string, string> = { auth: '1y', access: '1y', '*': '7y' };

export class ConfigError extends Error {}

const DURATION = /^(\d+)\s*(s|m|h|d|w|y)$/;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31557600 };

/** Seconds of a duration such as 90d or 7y; undefined when it is not one. */
export function durationSeconds(text: string): number | undefined {
  const m = DURATION.exec(text.trim());
  return m ? Number(m[1]) * UNIT_SECONDS[m[2]!]! : undefined;
}

/**
 * The schedule when the configuration names none: daily whenever a retention policy exists;
 * archives beside a SQLite ledger (the same disk and backups as the ledger itself); with
 * PostgreSQL no archive directory, since the service's own disk may not outlive it (a
 * container's), so the self-assessment asks for one instead of archiving somewhere that vanishes.
 */
export function defaultRetentionSchedule(l: Pick<LedgerConfig, 'db' | 'retention'>): RetentionScheduleConfig {
  const periods = Object.values(l.retention).map((d) => [d, durationSeconds(d) ?? Infinity] as const).sort((a, b) => a[1] - b[1]);
  const sqlite = !/^postgres(ql)?:\/\//.test(l.db) && l.db !== ':memory:';
  return {
    every: periods.length ? '1d' : 'off',
    runner: 'service',
    ...(sqlite ? { archiveDir: join(dirname(l.db), 'archive') } : {}),
    archiveOlderThan: periods[0]?.[0] ?? '365d',
  };
}

export function retentionScheduleOf(l: LedgerConfig): RetentionScheduleConfig {
  return l.retentionSchedule ?? defaultRetentionSchedule(l);
}

function retentionScheduleSection(input: unknown, l: LedgerConfig, env: NodeJS.ProcessEnv, cwd: string, path: string): RetentionScheduleConfig {
  const d = defaultRetentionSchedule(l);
  const s = input === undefined ? {} : section(input, `${path}: ledger.retentionSchedule`, ['every', 'runner', 'archiveDir', 'archiveOlderThan']);
  const every = env['ATTEST_RETENTION_EVERY'] || (s['every'] ?? d.every);
  if (typeof every !== 'string' || (every !== 'off' && !((durationSeconds(every) ?? 0) >= 60))) {
    throw new ConfigError(`${path}: ledger.retentionSchedule.every (or ATTEST_RETENTION_EVERY) must be a duration of a minute or more such as 1d or 12h, or "off"; got ${JSON.stringify(every)}`);
  }
  const runner = env['ATTEST_RETENTION_RUNNER'] || (s['runner'] ?? d.runner);
  if (runner !== 'service' && runner !== 'external') throw new ConfigError(`${path}: ledger.retentionSchedule.runner (or ATTEST_RETENTION_RUNNER) must be "service" (attest serve applies it) or "external" (a scheduled attest ledger retention run does); got ${JSON.stringify(runner)}`);
  const dir = env['ATTEST_LEDGER_ARCHIVE_DIR'] || s['archiveDir'];
  if (dir !== undefined && (typeof dir !== 'string' || dir === '')) throw new ConfigError(`${path}: ledger.retentionSchedule.archiveDir (or ATTEST_LEDGER_ARCHIVE_DIR) must be a directory path`);
  const older = s['archiveOlderThan'] ?? d.archiveOlderThan;
  if (typeof older !== 'string' || durationSeconds(older) === undefined) throw new ConfigError(`${path}: ledger.retentionSchedule.archiveOlderThan must be a duration such as 90d or 1y; got ${JSON.stringify(older)}`);
  const archiveDir = typeof dir === 'string' ? resolve(cwd, dir) : d.archiveDir;
  return { every, runner, ...(archiveDir !== undefined ? { archiveDir } : {}), archiveOlderThan: older };
}

export function loadConfig(file?: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AttestConfig {
  const path = file ? resolve(cwd, file) : env['ATTEST_CONFIG'] ? resolve(cwd, env['ATTEST_CONFIG']) : resolve(cwd, 'attest.config.json');
  let raw: { ledger?: Partial<LedgerConfig>; server?: Record<string, unknown>; access?: unknown; compliance?: unknown; detection?: unknown; notify?: unknown } = {};
  if (existsSync(path)) {
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new ConfigError(`${path}: not valid JSON: ${(e as Error).message}`);
    }
  } else if (file) {
    throw new ConfigError(`${path}: no such config file`);
  }
  const l = raw.ledger ?? {};
  const ledger: LedgerConfig = {
    db: env['ATTEST_LEDGER_DB'] ?? env['DATABASE_URL'] ?? l.db ?? '.attest/ledger.db',
    keys: env['ATTEST_LEDGER_KEYS_DIR'] ?? l.keys ?? '.attest/keys',
    checkpointEvery: l.checkpointEvery ?? 1000,
    checkpointSeconds: l.checkpointSeconds ?? 60,
    synchronous: (env['ATTEST_LEDGER_SYNCHRONOUS'] ?? l.synchronous ?? 'full') as 'full' | 'normal',
    retention: l.retention ?? DEFAULT_RETENTION,
    signingKeyRotation: l.signingKeyRotation ?? '30d',
  };
  if (typeof ledger.signingKeyRotation !== 'string' || !/^\d+\s*(d|w|y)$/.test(ledger.signingKeyRotation.trim())) {
    throw new ConfigError(`${path}: ledger.signingKeyRotation must be a duration in days, weeks or years such as 30d (monthly) or 90d; got ${JSON.stringify(ledger.signingKeyRotation)}`);
  }
  if (!Number.isInteger(ledger.checkpointEvery) || ledger.checkpointEvery < 1) {
    throw new ConfigError(`${path}: ledger.checkpointEvery must be a positive integer`);
  }
  if (ledger.synchronous !== 'full' && ledger.synchronous !== 'normal') {
    throw new ConfigError(`${path}: ledger.synchronous must be "full" (acknowledged records survive a power loss) or "normal" (a process crash only)`);
  }
  if (typeof ledger.checkpointSeconds !== 'number' || !(ledger.checkpointSeconds >= 0)) {
    throw new ConfigError(`${path}: ledger.checkpointSeconds must be a number of seconds (0 turns time-based checkpoints off)`);
  }
  const r = ledger.retention as unknown;
  if (typeof r !== 'object' || r === null || Array.isArray(r)) throw new ConfigError(`${path}: ledger.retention must be an object such as { "auth": "1y", "*": "7y" }`);
  for (const [category, d] of Object.entries(r as Record<string, unknown>)) {
    if (typeof d !== 'string' || !/^\d+\s*(s|m|h|d|w|y)$/.test(d.trim())) {
      throw new ConfigError(`${path}: ledger.retention.${category} must be a duration such as 90d, 1y or 7y; got ${JSON.stringify(d)}`);
    }
  }
  if (!/^postgres(ql)?:\/\//.test(ledger.db)) ledger.db = resolve(cwd, ledger.db);
  ledger.keys = resolve(cwd, ledger.keys);
  ledger.retentionSchedule = retentionScheduleSection((l as { retentionSchedule?: unknown }).retentionSchedule, ledger, env, cwd, path);
  const server = serverSection(raw.server, env, cwd, path);
  const access = accessSection(raw.access, env, path);
  const compliance = complianceSection(raw.compliance, path);
  let detection: DetectionConfig;
  try {
    detection = detectionConfig(raw.detection);
  } catch (e) {
    if (e instanceof DetectionConfigError) throw new ConfigError(`${path}: ${e.message}`);
    throw e;
  }
  let notify: NotifyConfig;
  try {
    notify = notifySection(raw.notify, `${path}: notify`, env);
  } catch (e) {
    if (e instanceof NotifyConfigError) throw new ConfigError(e.message);
    throw e;
  }
  return { ...(existsSync(path) ? { file: path } : {}), ledger, server, access, compliance, detection, notify };
}

/** Defaults of the connection timeouts (seconds); see ServerConfig. */
export const DEFAULT_TIMEOUTS = {
  requestTimeoutSeconds: 30,
  headersTimeoutSeconds: 15,
  // Above the ALB's idle timeout (60 s in deploy/aws), so the balancer, not the service, closes idle connections.
  keepAliveTimeoutSeconds: 72,
  connectionTimeoutSeconds: 120,
} as const;

export const DEFAULT_HSTS = 'max-age=31536000; includeSubDomains';

const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * One entry of a trustProxy list as Fastify's proxy-addr takes it: a range name, an address,
 * or an address with a prefix length (or, IPv4, a netmask). Anything else would pass a
 * character check and then stop the server when the app is built ("invalid IP address").
 * A bare number is not an address here: it reads like a hop count, which Fastify cannot
 * tell from a client.
 */
function isProxyEntry(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address, range, ...more] = entry.split('/');
  const v = isIP(address!);
  if (!v || more.length) return false;
  if (range === undefined) return true;
  if (/^\d+$/.test(range)) return Number(range) <= (v === 4 ? 32 : 128);
  return v === 4 && isIP(range) === 4;
}

/** ATTEST_TRUST_PROXY: true/false (1/0, yes/no), or addresses/CIDRs. */
function trustProxyValue(v: string): boolean | string {
  if (/^(1|true|yes)$/i.test(v)) return true;
  if (/^(0|false|no)$/i.test(v)) return false;
  return v.trim();
}

function list(v: string): string[] {
  return v.split(',').map((x) => x.trim()).filter(Boolean);
}

function serverSection(input: unknown, env: NodeJS.ProcessEnv, cwd: string, path: string): ServerConfig {
  if (input !== undefined && (typeof input !== 'object' || input === null || Array.isArray(input))) throw new ConfigError(`${path}: server must be an object`);
  const s = (input ?? {}) as Record<string, unknown>;
  const known = new Set(['host', 'port', 'targets', 'bodyLimit', 'logLevel', 'trustProxy', 'publicClientId', 'authDomain', 'hsts', 'requestTimeoutSeconds', 'headersTimeoutSeconds', 'keepAliveTimeoutSeconds', 'connectionTimeoutSeconds', 'denialSpool', 'rateLimit', 'denialRecording', 'jobs']);
  for (const k of Object.keys(s)) if (!known.has(k)) throw new ConfigError(`${path}: server: unknown setting ${JSON.stringify(k)} (known: ${[...known].join(', ')})`);
  const host = env['ATTEST_HOST'] ?? s['host'] ?? '127.0.0.1';
  if (typeof host !== 'string' || host === '') throw new ConfigError(`${path}: server.host must be a host name or address`);
  const portRaw = env['ATTEST_PORT'] ?? env['PORT'] ?? s['port'] ?? 8080;
  const port = typeof portRaw === 'string' && /^\d+$/.test(portRaw) ? Number(portRaw) : portRaw;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`${path}: server.port (or PORT) must be a port number from 0 to 65535; got ${JSON.stringify(portRaw)}`);
  let targets: string[];
  let defaultTargets = false;
  if (env['ATTEST_TARGETS']) targets = list(env['ATTEST_TARGETS']);
  else if (s['targets'] !== undefined) {
    if (!Array.isArray(s['targets']) || s['targets'].some((t) => typeof t !== 'string' || t === '')) throw new ConfigError(`${path}: server.targets must be a list of paths`);
    targets = s['targets'] as string[];
  } else {
    targets = DEFAULT_TARGETS;
    defaultTargets = true;
  }
  const bodyLimit = s['bodyLimit'] ?? 1024 * 1024;
  if (typeof bodyLimit !== 'number' || !Number.isInteger(bodyLimit) || bodyLimit < 1024 || bodyLimit > 64 * 1024 * 1024) throw new ConfigError(`${path}: server.bodyLimit must be a whole number of bytes from 1024 to 67108864`);
  const logLevel = env['ATTEST_LOG_LEVEL'] ?? s['logLevel'] ?? 'info';
  if (!(LOG_LEVELS as readonly unknown[]).includes(logLevel)) throw new ConfigError(`${path}: server.logLevel must be one of ${LOG_LEVELS.join(', ')}`);
  const trustProxyEnv = env['ATTEST_TRUST_PROXY'];
  const trustProxy = trustProxyEnv !== undefined && trustProxyEnv !== '' ? trustProxyValue(trustProxyEnv) : s['trustProxy'] ?? false;
  // A hop count is refused: Fastify cannot tell the proxy from a client by counting, and ignores X-Forwarded-* then.
  const trustProxyOk = typeof trustProxy === 'boolean' || (typeof trustProxy === 'string' && trustProxy.split(',').every((e) => isProxyEntry(e.trim())));
  if (!trustProxyOk) throw new ConfigError(`${path}: server.trustProxy (or ATTEST_TRUST_PROXY) must be the proxies' addresses or CIDRs (e.g. "10.40.0.0/16", the VPC of an ALB), true or false; got ${JSON.stringify(trustProxy)}`);
  const optional: Partial<ServerConfig> = {};
  for (const k of ['publicClientId', 'authDomain', 'denialSpool'] as const) {
    const v = k === 'denialSpool' ? env['ATTEST_DENIAL_SPOOL'] || s[k] : s[k];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v === '') throw new ConfigError(`${path}: server.${k} must be a non-empty string`);
    optional[k] = v;
  }
  if (optional.denialSpool) optional.denialSpool = resolve(cwd, optional.denialSpool);
  if (s['hsts'] !== undefined) {
    const h = s['hsts'];
    if (h !== false && (typeof h !== 'string' || !/^max-age=\d+(;\s*(includeSubDomains|preload))*$/i.test(h.trim()))) {
      throw new ConfigError(`${path}: server.hsts must be a Strict-Transport-Security value such as "max-age=31536000; includeSubDomains", or false; got ${JSON.stringify(h)}`);
    }
    optional.hsts = h === false ? false : h.trim();
  }
  for (const [k, max] of [['requestTimeoutSeconds', 3600], ['headersTimeoutSeconds', 3600], ['keepAliveTimeoutSeconds', 3600], ['connectionTimeoutSeconds', 3600]] as const) {
    const v = s[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !(v > 0) || v > max) throw new ConfigError(`${path}: server.${k} must be a number of seconds above 0 and at most ${max}; got ${JSON.stringify(v)}`);
    optional[k] = v;
  }
  const headers = optional.headersTimeoutSeconds ?? DEFAULT_TIMEOUTS.headersTimeoutSeconds;
  const request = optional.requestTimeoutSeconds ?? DEFAULT_TIMEOUTS.requestTimeoutSeconds;
  if (headers > request) throw new ConfigError(`${path}: server.headersTimeoutSeconds (${headers}) must not exceed server.requestTimeoutSeconds (${request})`);
  const rateLimit = rateLimitSection(s['rateLimit'], path);
  const denialRecording = denialRecordingSection(s['denialRecording'], path);
  const jobs = jobsSection(s['jobs'], path, cwd);
  return { host, port, targets: targets.map((t) => resolve(cwd, t)), defaultTargets, bodyLimit, logLevel: logLevel as ServerConfig['logLevel'], trustProxy, rateLimit, denialRecording, jobs, ...optional };
}

function section(input: unknown, where: string, known: string[]): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new ConfigError(`${where} must be an object`);
  for (const k of Object.keys(input)) if (!known.includes(k)) throw new ConfigError(`${where}: unknown setting ${JSON.stringify(k)} (known: ${known.join(', ')})`);
  return input as Record<string, unknown>;
}

function wholeNumber(v: unknown, where: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new ConfigError(`${where} must be a whole number from ${min} to ${max}; got ${JSON.stringify(v)}`);
  return v;
}

function jobsSection(input: unknown, path: string, cwd: string): JobsConfig {
  if (input === undefined) return DEFAULT_JOBS;
  const s = section(input, `${path}: server.jobs`, ['concurrency', 'maxQueued', 'ttlHours', 'dir']);
  const ttl = s['ttlHours'] ?? DEFAULT_JOBS.ttlHours;
  if (typeof ttl !== 'number' || !(ttl > 0) || ttl > 24 * 365) throw new ConfigError(`${path}: server.jobs.ttlHours must be a number of hours above 0 and at most ${24 * 365}; got ${JSON.stringify(ttl)}`);
  const dir = s['dir'];
  if (dir !== undefined && (typeof dir !== 'string' || dir === '')) throw new ConfigError(`${path}: server.jobs.dir must be a folder path`);
  return {
    concurrency: wholeNumber(s['concurrency'] ?? DEFAULT_JOBS.concurrency, `${path}: server.jobs.concurrency`, 1, 64),
    maxQueued: wholeNumber(s['maxQueued'] ?? DEFAULT_JOBS.maxQueued, `${path}: server.jobs.maxQueued`, 0, 10_000),
    ttlHours: ttl,
    ...(dir !== undefined ? { dir: resolve(cwd, dir) } : {}),
  };
}

function rateLimitSection(input: unknown, path: string): RateLimitConfig {
  if (input === undefined) return DEFAULT_RATE_LIMIT;
  const s = section(input, `${path}: server.rateLimit`, ['perIp', 'perPrincipal', 'maxClients']);
  const bucket = (k: 'perIp' | 'perPrincipal'): BucketConfig | false => {
    const v = s[k];
    if (v === undefined) return DEFAULT_RATE_LIMIT[k];
    if (v === false) return false;
    const where = `${path}: server.rateLimit.${k}`;
    const b = section(v, `${where} (or false to turn it off)`, ['perSecond', 'burst']);
    const perSecond = b['perSecond'] ?? (DEFAULT_RATE_LIMIT[k] as BucketConfig).perSecond;
    if (typeof perSecond !== 'number' || !(perSecond > 0) || perSecond > 1_000_000) throw new ConfigError(`${where}.perSecond must be a number of requests per second above 0 and at most 1000000; got ${JSON.stringify(perSecond)}`);
    const burst = wholeNumber(b['burst'] ?? (DEFAULT_RATE_LIMIT[k] as BucketConfig).burst, `${where}.burst`, 1, 1_000_000);
    return { perSecond, burst };
  };
  return { perIp: bucket('perIp'), perPrincipal: bucket('perPrincipal'), maxClients: wholeNumber(s['maxClients'] ?? DEFAULT_RATE_LIMIT.maxClients, `${path}: server.rateLimit.maxClients`, 1, 10_000_000) };
}

function denialRecordingSection(input: unknown, path: string): DenialRecordingConfig {
  if (input === undefined) return DEFAULT_DENIAL_RECORDING;
  const s = section(input, `${path}: server.denialRecording`, ['windowSeconds', 'individualPerKey', 'maxKeys']);
  const d = DEFAULT_DENIAL_RECORDING;
  return {
    windowSeconds: wholeNumber(s['windowSeconds'] ?? d.windowSeconds, `${path}: server.denialRecording.windowSeconds`, 1, 86_400),
    individualPerKey: wholeNumber(s['individualPerKey'] ?? d.individualPerKey, `${path}: server.denialRecording.individualPerKey`, 0, 100_000),
    maxKeys: wholeNumber(s['maxKeys'] ?? d.maxKeys, `${path}: server.denialRecording.maxKeys`, 1, 1_000_000),
  };
}

function complianceSection(input: unknown, path: string): ComplianceConfig {
  if (input === undefined) return { ...DEFAULT_COMPLIANCE };
  const s = section(input, `${path}: compliance`, ['exceptionMaxDays', 'evidenceMaxBytes']);
  return {
    exceptionMaxDays: wholeNumber(s['exceptionMaxDays'] ?? DEFAULT_COMPLIANCE.exceptionMaxDays, `${path}: compliance.exceptionMaxDays`, 1, 3660),
    evidenceMaxBytes: wholeNumber(s['evidenceMaxBytes'] ?? DEFAULT_COMPLIANCE.evidenceMaxBytes, `${path}: compliance.evidenceMaxBytes`, 1, 1024 * 1024 * 1024),
  };
}

function accessSection(input: unknown, env: NodeJS.ProcessEnv, path: string): Record<string, unknown> {
  if (input !== undefined && (typeof input !== 'object' || input === null || Array.isArray(input))) throw new ConfigError(`${path}: access must be an object`);
  const a: Record<string, unknown> = { ...((input ?? {}) as Record<string, unknown>) };
  // ATTEST_OIDC_* are accepted as aliases (the names deploy/aws/service.yaml uses).
  const e = (name: string) => env[`ATTEST_${name}`] || env[`ATTEST_OIDC_${name}`];
  if (e('ISSUER')) a['issuer'] = e('ISSUER');
  if (e('JWKS_URL')) a['jwksUrl'] = e('JWKS_URL');
  if (e('AUDIENCE')) a['audience'] = list(e('AUDIENCE')!);
  if (e('CLIENT_IDS')) a['clientIds'] = list(e('CLIENT_IDS')!);
  if (e('SCOPE_PREFIX')) a['scopePrefix'] = e('SCOPE_PREFIX');
  return a;
}
