/**
 * Attest's configuration: a JSON file (attest.config.json in the working directory, or
 * --config FILE) overlaid by environment variables. Every value has a default, so the
 * embedded set-up (SQLite ledger under .attest/) needs no file at all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface LedgerConfig {
  /** SQLite file path or postgres:// URL. */
  db: string;
  /** Key directory (ignored when ATTEST_LEDGER_KEYS holds the keys). */
  keys: string;
  /** Sign a checkpoint every N records. */
  checkpointEvery: number;
  /** Retention per action category (the first segment of the action, "*" for the rest), e.g. { "auth": "1y", "*": "7y" }. */
  retention: Record<string, string>;
}

export interface AttestConfig {
  file?: string;
  ledger: LedgerConfig;
}

export const DEFAULT_RETENTION: Record<string, string> = { auth: '1y', access: '1y', '*': '7y' };

export class ConfigError extends Error {}

export function loadConfig(file?: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AttestConfig {
  const path = file ? resolve(cwd, file) : env['ATTEST_CONFIG'] ? resolve(cwd, env['ATTEST_CONFIG']) : resolve(cwd, 'attest.config.json');
  let raw: { ledger?: Partial<LedgerConfig> } = {};
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
    retention: l.retention ?? DEFAULT_RETENTION,
  };
  if (!Number.isInteger(ledger.checkpointEvery) || ledger.checkpointEvery < 1) {
    throw new ConfigError(`${path}: ledger.checkpointEvery must be a positive integer`);
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
  return { ...(existsSync(path) ? { file: path } : {}), ledger };
}
