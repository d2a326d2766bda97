/**
 * Detection rules as data: thresholds, windows, weights and which rules are high-confidence.
 * The defaults are what `attest serve` runs; the `detection` section of the Attest config
 * overrides any of them (validated here, so a typo is refused at load with the setting named).
 *
 * What a record must look like for a rule to see it (reporters: send these):
 *  - failed authentication: action `auth.*` (e.g. `auth.login`) with outcome `denied` or
 *    `error`; the service's own `access.denied` with metadata.status 401, and its
 *    `access.denied.summary` (metadata.count, metadata.statuses[{status:401,count}]).
 *  - access denied: any other record with outcome `denied` (the service's `access.denied`
 *    with status 403; its summaries count by their 403 statuses).
 *  - export / delete volume: an action whose last part is `export` (e.g. `audit.export`,
 *    `report.export`) or `delete`/`bulk_delete`, outcome `success`, with the number of records
 *    in metadata.records (or metadata.count; absent = 1).
 *  - privilege grant: an action whose last part is `grant`, `assign` or `add` below a
 *    `role`, `group`, `scope` or `permission` part (e.g. `user.role.grant`,
 *    `iam.group.add`, `token.scope.grant`), outcome `success`, the grantee in target.id and the
 *    role/group/scope granted in metadata.role, metadata.group, metadata.scope or
 *    metadata.scopes; admin-level when it matches `adminPattern`.
 *  - new IP / user agent, unusual hour, dormant account: any successful record with
 *    actor.ip / actor.user_agent (personal fields: the ledger keeps them beside the chain;
 *    detection keeps only keyed hashes of them).
 */
import type { Severity } from './alert.js';

export interface RuleBase {
  enabled: boolean;
  /** Contribution to the actor's risk score. */
  weight: number;
  /** Alone enough to alert. */
  highConfidence: boolean;
}

export interface DetectionRules {
  /** More than `threshold` failed authentications for one actor within `windowMinutes`. */
  failedAuthActor: RuleBase & { threshold: number; windowMinutes: number };
  /** More than `threshold` failed authentications from one address within `windowMinutes`; high-confidence when they name at least `distinctActors` accounts (credential stuffing). */
  failedAuthIp: RuleBase & { threshold: number; windowMinutes: number; distinctActors: number };
  /** More than `threshold` access denials for one actor within `windowMinutes`. */
  accessDeniedBurst: RuleBase & { threshold: number; windowMinutes: number };
  /** A successful record from an address the actor has not used, once it has `minHistory` records. */
  newIp: RuleBase & { minHistory: number };
  newUserAgent: RuleBase & { minHistory: number };
  /** Records exported within `windowMinutes` above a fixed ceiling. */
  bulkExportCeiling: RuleBase & { ceiling: number; windowMinutes: number };
  /** One export above `factor` × the actor's usual export size (after `minHistory` exports) and above `minRecords`. */
  bulkExportBaseline: RuleBase & { factor: number; minHistory: number; minRecords: number };
  bulkDeleteCeiling: RuleBase & { ceiling: number; windowMinutes: number };
  bulkDeleteBaseline: RuleBase & { factor: number; minHistory: number; minRecords: number };
  /** An admin-level role/group/scope granted; granted to oneself: `selfWeight`, high-confidence when `selfHighConfidence`. */
  privilegeEscalation: RuleBase & { adminPattern: string; selfWeight: number; selfHighConfidence: boolean };
  /** Activity in an hour (UTC) holding less than `maxShare` of the actor's records, after `minHistory` records. */
  unusualHour: RuleBase & { minHistory: number; maxShare: number };
  /** First activity after `dormantDays` of silence, for an actor with at least `minHistory` records. */
  dormantAccount: RuleBase & { dormantDays: number; minHistory: number };
}

export type RuleName = keyof DetectionRules;

export interface DetectionConfig {
  /** Run the evaluator in `attest serve` (default true). */
  enabled: boolean;
  /** Distinct signals within the correlation window that make an alert (without a high-confidence one). */
  minSignals: number;
  /** Signals of one subject combine while they are at most this old. */
  correlationMinutes: number;
  /** An alert for a subject and rule suppresses another for the same pair this long. */
  dedupMinutes: number;
  /** Lease length in the database; the holder renews at a third of it. */
  leaseSeconds: number;
  rules: DetectionRules;
}

export const RULE_IDS: Record<RuleName, string> = {
  failedAuthActor: 'auth.failed-burst',
  failedAuthIp: 'auth.failed-burst-ip',
  accessDeniedBurst: 'access.denied-burst',
  newIp: 'actor.new-ip',
  newUserAgent: 'actor.new-user-agent',
  bulkExportCeiling: 'export.bulk-ceiling',
  bulkExportBaseline: 'export.above-baseline',
  bulkDeleteCeiling: 'delete.bulk-ceiling',
  bulkDeleteBaseline: 'delete.above-baseline',
  privilegeEscalation: 'privilege.escalation',
  unusualHour: 'actor.unusual-hour',
  dormantAccount: 'actor.dormant-active',
};

export const DEFAULT_DETECTION: DetectionConfig = {
  enabled: true,
  minSignals: 2,
  correlationMinutes: 60,
  dedupMinutes: 60,
  leaseSeconds: 15,
  rules: {
    failedAuthActor: { enabled: true, weight: 2, highConfidence: false, threshold: 5, windowMinutes: 10 },
    failedAuthIp: { enabled: true, weight: 3, highConfidence: false, threshold: 20, windowMinutes: 10, distinctActors: 10 },
    accessDeniedBurst: { enabled: true, weight: 2, highConfidence: false, threshold: 20, windowMinutes: 10 },
    newIp: { enabled: true, weight: 1, highConfidence: false, minHistory: 20 },
    newUserAgent: { enabled: true, weight: 1, highConfidence: false, minHistory: 20 },
    bulkExportCeiling: { enabled: true, weight: 2, highConfidence: false, ceiling: 1000, windowMinutes: 60 },
    bulkExportBaseline: { enabled: true, weight: 2, highConfidence: false, factor: 10, minHistory: 3, minRecords: 200 },
    bulkDeleteCeiling: { enabled: true, weight: 2, highConfidence: false, ceiling: 1000, windowMinutes: 60 },
    bulkDeleteBaseline: { enabled: true, weight: 2, highConfidence: false, factor: 10, minHistory: 3, minRecords: 200 },
    privilegeEscalation: { enabled: true, weight: 2, highConfidence: false, adminPattern: '(^|[^a-z])(admin|administrator|owner|root|superuser|security-officer)([^a-z]|$)|:admin$|^\\*$', selfWeight: 4, selfHighConfidence: true },
    unusualHour: { enabled: true, weight: 1, highConfidence: false, minHistory: 100, maxShare: 0.005 },
    dormantAccount: { enabled: true, weight: 1, highConfidence: false, dormantDays: 30, minHistory: 10 },
  },
};

export function severityOf(score: number, highConfidence: boolean): Severity {
  if (score >= 8) return 'critical';
  if (score >= 5 || highConfidence) return 'high';
  if (score >= 3) return 'medium';
  return 'low';
}

export class DetectionConfigError extends Error {}

type Field = { kind: 'int'; min: number; max: number } | { kind: 'num'; min: number; max: number } | { kind: 'bool' } | { kind: 'regex' };

const COMMON: Record<string, Field> = { enabled: { kind: 'bool' }, weight: { kind: 'num', min: 0, max: 100 }, highConfidence: { kind: 'bool' } };
const COUNT: Field = { kind: 'int', min: 1, max: 1_000_000 };
const MINUTES: Field = { kind: 'int', min: 1, max: 7 * 24 * 60 };
const RULE_FIELDS: { [K in RuleName]: Record<string, Field> } = {
  failedAuthActor: { threshold: COUNT, windowMinutes: MINUTES },
  failedAuthIp: { threshold: COUNT, windowMinutes: MINUTES, distinctActors: COUNT },
  accessDeniedBurst: { threshold: COUNT, windowMinutes: MINUTES },
  newIp: { minHistory: { kind: 'int', min: 0, max: 1_000_000 } },
  newUserAgent: { minHistory: { kind: 'int', min: 0, max: 1_000_000 } },
  bulkExportCeiling: { ceiling: COUNT, windowMinutes: MINUTES },
  bulkExportBaseline: { factor: { kind: 'num', min: 1, max: 10_000 }, minHistory: COUNT, minRecords: COUNT },
  bulkDeleteCeiling: { ceiling: COUNT, windowMinutes: MINUTES },
  bulkDeleteBaseline: { factor: { kind: 'num', min: 1, max: 10_000 }, minHistory: COUNT, minRecords: COUNT },
  privilegeEscalation: { adminPattern: { kind: 'regex' }, selfWeight: { kind: 'num', min: 0, max: 100 }, selfHighConfidence: { kind: 'bool' } },
  unusualHour: { minHistory: COUNT, maxShare: { kind: 'num', min: 0, max: 1 } },
  dormantAccount: { dormantDays: { kind: 'int', min: 1, max: 3650 }, minHistory: COUNT },
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkField(where: string, f: Field, v: unknown): void {
  const bad = (what: string) => new DetectionConfigError(`${where} must be ${what}; got ${JSON.stringify(v)}`);
  if (f.kind === 'bool') {
    if (typeof v !== 'boolean') throw bad('true or false');
  } else if (f.kind === 'regex') {
    if (typeof v !== 'string' || v === '') throw bad('a regular expression (string)');
    try {
      new RegExp(v, 'i');
    } catch (e) {
      throw new DetectionConfigError(`${where} is not a valid regular expression: ${(e as Error).message}`);
    }
  } else {
    const whole = f.kind === 'int';
    if (typeof v !== 'number' || !Number.isFinite(v) || (whole && !Number.isInteger(v)) || v < f.min || v > f.max) throw bad(`a ${whole ? 'whole ' : ''}number from ${f.min} to ${f.max}`);
  }
}

/**
 * The `detection` section over the defaults. Unknown settings and rules are refused (a
 * misspelt threshold silently ignored would leave the default in force).
 */
export function detectionConfig(input: unknown, where = 'detection'): DetectionConfig {
  const out: DetectionConfig = structuredClone(DEFAULT_DETECTION);
  if (input === undefined) return out;
  if (!isObject(input)) throw new DetectionConfigError(`${where} must be an object such as { "rules": { "failedAuthActor": { "threshold": 5, "windowMinutes": 10 } } }`);
  const top: Record<string, Field> = {
    enabled: { kind: 'bool' },
    minSignals: { kind: 'int', min: 1, max: 12 },
    correlationMinutes: MINUTES,
    dedupMinutes: MINUTES,
    leaseSeconds: { kind: 'int', min: 3, max: 3600 },
  };
  for (const [k, v] of Object.entries(input)) {
    if (k === 'rules') continue;
    const f = top[k];
    if (!f) throw new DetectionConfigError(`${where}: unknown setting ${JSON.stringify(k)} (known: ${[...Object.keys(top), 'rules'].join(', ')})`);
    checkField(`${where}.${k}`, f, v);
    (out as unknown as Record<string, unknown>)[k] = v;
  }
  const rules = input['rules'];
  if (rules === undefined) return out;
  if (!isObject(rules)) throw new DetectionConfigError(`${where}.rules must be an object keyed by rule name (${Object.keys(RULE_FIELDS).join(', ')})`);
  for (const [name, over] of Object.entries(rules)) {
    const fields = RULE_FIELDS[name as RuleName];
    if (!fields) throw new DetectionConfigError(`${where}.rules: unknown rule ${JSON.stringify(name)} (known: ${Object.keys(RULE_FIELDS).join(', ')})`);
    if (!isObject(over)) throw new DetectionConfigError(`${where}.rules.${name} must be an object of settings`);
    const all = { ...COMMON, ...fields };
    const rule = out.rules[name as RuleName] as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(over)) {
      const f = all[k];
      if (!f) throw new DetectionConfigError(`${where}.rules.${name}: unknown setting ${JSON.stringify(k)} (known: ${Object.keys(all).join(', ')})`);
      checkField(`${where}.rules.${name}.${k}`, f, v);
      rule[k] = v;
    }
  }
  return out;
}
