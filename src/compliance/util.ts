/** Small helpers shared by the compliance modules: the input error, UTC days and ratios. */
import { LedgerValidationError } from '../ledger/record.js';
import type { Ratio } from './types.js';

/**
 * Bad compliance input (a record's field, a framework id, a category). A LedgerValidationError,
 * so the CLI prints it as a usage error and the service answers 400 naming `field`.
 */
/**
 * Why a register write was refused, beyond bad input: the entry does not exist, its state does
 * not allow the step, or the step needs another person. The service answers 404, 409 and a
 * recorded 403 from it; the command line exits 2 for all of them.
 */
export type RefusalKind = 'not_found' | 'conflict' | 'separation_of_duties';

export class ComplianceInputError extends LedgerValidationError {
  constructor(field: string, detail: string, readonly kind?: RefusalKind) {
    super(field, detail);
    this.name = 'ComplianceInputError';
  }
}

/** Defaults of the settings under `compliance` in the config file. */
export const COMPLIANCE_DEFAULTS = {
  /** Longest an exception may run, in days from its request (compliance.exceptionMaxDays). */
  exceptionMaxDays: 365,
  /** Largest evidence file, in bytes (compliance.evidenceMaxBytes). */
  evidenceMaxBytes: 25 * 1024 * 1024,
  /** How long a not-applicable attestation of a requirement that takes no manual evidence stays valid. */
  notApplicableValidityDays: 365,
  reviewEveryDays: 90,
} as const;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC calendar day of a time, YYYY-MM-DD. Validity and expiry dates are whole UTC days. */
export function utcDay(t: Date | string): string {
  const d = typeof t === 'string' ? new Date(t) : t;
  return d.toISOString().slice(0, 10);
}

/** Whether `s` is a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isDay(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DAY_RE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** `day` plus `n` days (n may be negative). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The last day of the month `day` is in. */
export function endOfMonth(day: string): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

/**
 * A share with its percentage floored to one decimal: 2/3 is 66.6, never 66.7, so a score is
 * never shown higher than it is. Integer arithmetic first: floor(n·1000/d) is exact for the
 * sizes of a catalog.
 */
export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, percent: denominator === 0 ? null : Math.floor((numerator * 1000) / denominator) / 10 };
}

/** `items` joined for a sentence, at most `max` of them, then "and N more". */
export function listText(items: string[], max = 5): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
