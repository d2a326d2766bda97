import type { Report } from './model.js';

/**
 * The versioned JSON report (schema/report.schema.json): two-space indentation, keys in the
 * order the report model builds them, `undefined` members dropped, a final newline. The
 * same report always renders to the same bytes.
 */
export function renderJson(report: Report): string {
  return JSON.stringify(report, replacer, 2) + '\n';
}

function replacer(_key: string, value: unknown): unknown {
  // Facts are plain JSON by contract; be safe with the odd Map/Set or non-finite number.
  if (value instanceof Map) return Object.fromEntries(value);
  if (value instanceof Set) return [...value];
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  return value;
}
