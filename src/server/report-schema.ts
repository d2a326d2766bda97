/** Validation of pushed scan results against the published report schema (schema/report.schema.json). */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

let validate: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (validate) return validate;
  const schema = JSON.parse(readFileSync(new URL('../../../schema/report.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
  validate = ajv.compile(schema);
  return validate;
}

/** Undefined when `report` is a valid Attest JSON report; else where and why it is not. */
export function reportProblem(report: unknown): { path: string; message: string } | undefined {
  const v = validator();
  if (v(report)) return undefined;
  const e = (v.errors ?? [])[0] as ErrorObject | undefined;
  return { path: e?.instancePath || '(report)', message: `${e?.instancePath || 'the report'} ${e?.message ?? 'is not valid'}`.slice(0, 500) };
}
