/**
 * The `notify` configuration section: where alerts go. Secrets (the SMTP password, the
 * webhook URL — a Slack incoming-webhook URL is itself a credential — and the webhook's HMAC
 * secret) are read from environment variables named in the file, or given inline, and held
 * in a Secret that prints as "[redacted]" however it is logged or serialised.
 */
import { inspect } from 'node:util';
import { SEVERITIES, type Severity } from '../detection/alert.js';

export class NotifyConfigError extends Error {}

/** A credential: its value is only reachable through reveal(); every printed form is redacted. */
export class Secret {
  readonly #value: string;
  /** Where it came from ("env ATTEST_SMTP_PASSWORD" or "inline"), safe to show. */
  readonly source: string;
  constructor(value: string, source: string) {
    this.#value = value;
    this.source = source;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[redacted]';
  }
  toJSON(): string {
    return '[redacted]';
  }
  [inspect.custom](): string {
    return `Secret(${this.source})`;
  }
}

interface ChannelBase {
  /** Shown in records, logs and the console instead of any address or URL. */
  name: string;
  /** Alerts below this severity are not sent here (a test alert goes to every channel). */
  minSeverity: Severity;
  /** Tries before the delivery is given up and recorded as a dead letter. */
  attempts: number;
  /** Wait before the second try, doubled for each further one (ms). */
  backoffMs: number;
  timeoutMs: number;
}

export interface EmailChannelConfig extends ChannelBase {
  type: 'email';
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  password?: Secret;
  from: string;
  to: string[];
}

export interface WebhookChannelConfig extends ChannelBase {
  type: 'webhook';
  url: Secret;
  /** HMAC-SHA256 key of the X-Attest-Signature header. */
  secret: Secret;
}

export type ChannelConfig = EmailChannelConfig | WebhookChannelConfig;

export interface NotifyConfig {
  channels: ChannelConfig[];
  /** The console's live alerts (server-sent events): raised alerts below this severity are not pushed as notifications. */
  inApp: { minSeverity: Severity };
}

export const DEFAULT_NOTIFY: NotifyConfig = { channels: [], inApp: { minSeverity: 'low' } };

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

function obj(v: unknown, where: string, known: string[]): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new NotifyConfigError(`${where} must be an object`);
  for (const k of Object.keys(v)) if (!known.includes(k)) throw new NotifyConfigError(`${where}: unknown setting ${JSON.stringify(k)} (known: ${known.join(', ')})`);
  return v as Record<string, unknown>;
}

function text(v: unknown, where: string): string {
  if (typeof v !== 'string' || !v.trim()) throw new NotifyConfigError(`${where} must be a non-empty string`);
  return v;
}

function whole(v: unknown, where: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new NotifyConfigError(`${where} must be a whole number from ${min} to ${max}; got ${JSON.stringify(v)}`);
  return v;
}

function severity(v: unknown, where: string): Severity {
  if (v === undefined) return 'low';
  if (typeof v !== 'string' || !(SEVERITIES as readonly string[]).includes(v)) throw new NotifyConfigError(`${where} must be one of ${SEVERITIES.join(', ')}; got ${JSON.stringify(v)}`);
  return v as Severity;
}

/**
 * A secret given as `<key>Env` (the name of an environment variable, preferred) or inline as
 * `<key>`. The error names the variable, never a value.
 */
function secret(s: Record<string, unknown>, key: string, where: string, env: NodeJS.ProcessEnv, required: boolean): Secret | undefined {
  const envName = s[`${key}Env`];
  const inline = s[key];
  if (envName !== undefined && inline !== undefined) throw new NotifyConfigError(`${where}: give ${key} or ${key}Env, not both`);
  if (envName !== undefined) {
    const name = text(envName, `${where}.${key}Env`);
    const value = env[name];
    if (value === undefined || value === '') throw new NotifyConfigError(`${where}.${key}Env names the environment variable ${name}, which is not set; set it before starting attest`);
    return new Secret(value, `env ${name}`);
  }
  if (inline !== undefined) return new Secret(text(inline, `${where}.${key}`), 'inline');
  if (required) throw new NotifyConfigError(`${where}: ${key}Env (the environment variable holding it) is required`);
  return undefined;
}

const COMMON = ['type', 'name', 'minSeverity', 'attempts', 'backoffMs', 'timeoutMs'];

export function notifySection(input: unknown, where: string, env: NodeJS.ProcessEnv): NotifyConfig {
  if (input === undefined) return { channels: [], inApp: { ...DEFAULT_NOTIFY.inApp } };
  const s = obj(input, where, ['channels', 'inApp']);
  const rawChannels = s['channels'] ?? [];
  if (!Array.isArray(rawChannels)) throw new NotifyConfigError(`${where}.channels must be an array of channels ({ "type": "email" | "webhook", ... })`);
  const names = new Set<string>();
  const channels = rawChannels.map((c, i): ChannelConfig => {
    const at = `${where}.channels[${i}]`;
    const type = (c as { type?: unknown } | null)?.type;
    const known = type === 'email' ? [...COMMON, 'host', 'port', 'secure', 'user', 'password', 'passwordEnv', 'from', 'to'] : type === 'webhook' ? [...COMMON, 'url', 'urlEnv', 'secret', 'secretEnv'] : undefined;
    if (!known) throw new NotifyConfigError(`${at}.type must be "email" or "webhook"; got ${JSON.stringify(type)}`);
    const o = obj(c, at, known);
    const name = text(o['name'], `${at}.name`);
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(name)) throw new NotifyConfigError(`${at}.name must be 1-64 letters, digits, dots, dashes or underscores (it is shown in records and the console); got ${JSON.stringify(name)}`);
    if (names.has(name)) throw new NotifyConfigError(`${at}.name: another channel is already named ${JSON.stringify(name)}`);
    names.add(name);
    const base = {
      name,
      minSeverity: severity(o['minSeverity'], `${at}.minSeverity`),
      attempts: whole(o['attempts'] ?? 5, `${at}.attempts`, 1, 20),
      backoffMs: whole(o['backoffMs'] ?? 1000, `${at}.backoffMs`, 0, 3_600_000),
      timeoutMs: whole(o['timeoutMs'] ?? 10_000, `${at}.timeoutMs`, 100, 300_000),
    };
    if (type === 'email') {
      const to = o['to'];
      const list = typeof to === 'string' ? [to] : to;
      if (!Array.isArray(list) || !list.length || list.some((a) => typeof a !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(a))) throw new NotifyConfigError(`${at}.to must be an address or a list of addresses such as ["secops@example.com"]`);
      const from = text(o['from'], `${at}.from`);
      const port = whole(o['port'] ?? 587, `${at}.port`, 1, 65535);
      const secureV = o['secure'] ?? port === 465;
      if (typeof secureV !== 'boolean') throw new NotifyConfigError(`${at}.secure must be true (TLS from the start, port 465) or false (STARTTLS when offered)`);
      const user = o['user'] === undefined ? undefined : text(o['user'], `${at}.user`);
      const password = secret(o, 'password', at, env, false);
      if (password && !user) throw new NotifyConfigError(`${at}: a password needs a user`);
      return { type: 'email', ...base, host: text(o['host'], `${at}.host`), port, secure: secureV, ...(user ? { user } : {}), ...(password ? { password } : {}), from, to: list as string[] };
    }
    const url = secret(o, 'url', at, env, true)!;
    let parsed: URL;
    try {
      parsed = new URL(url.reveal());
    } catch {
      throw new NotifyConfigError(`${at}.url${o['urlEnv'] ? 'Env' : ''}: the webhook URL (${url.source}) is not a URL`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new NotifyConfigError(`${at}: the webhook URL (${url.source}) must be http:// or https://`);
    return { type: 'webhook', ...base, url, secret: secret(o, 'secret', at, env, true)! };
  });
  const inAppRaw = s['inApp'] === undefined ? {} : obj(s['inApp'], `${where}.inApp`, ['minSeverity']);
  return { channels, inApp: { minSeverity: severity(inAppRaw['minSeverity'], `${where}.inApp.minSeverity`) } };
}
