import type { Control } from '../../src/controls/api.js';
import type { Finding, Status } from '../../src/model/types.js';
import { evaluate } from '../../src/engine/scan.js';
import { loadText } from '../../src/sources/cloudformation/load.js';
import { terraformTextUnit } from '../../src/sources/terraform/source.js';
import type { SourceInfo, Template } from '../../src/model/types.js';

/**
 * A case is a CloudFormation template (a string, or an object), or a Terraform configuration
 * (`format: 'terraform'`, written with `tf`) — both formats side by side in one table, as the
 * control must decide the same on both.
 */
export type Case = string | { name?: string; template: string; params?: Record<string, string>; format?: 'cloudformation' | 'terraform' };

/** A Terraform case: one `main.tf` holding `text`; `params` are Terraform variables. */
export function tf(text: string, o: { name?: string; params?: Record<string, string> } = {}): Case {
  return { ...o, template: text, format: 'terraform' };
}
export type Expected = Exclude<Status, 'suppressed'>;

export interface CaseTable {
  control: Control;
  pass: Case[];
  fail: Case[];
  unknown?: Case[];
  not_applicable?: Case[];
}

/** A control's test table: templates that must pass, must fail, and optionally must be unknown / not applicable. */
export function cases(control: Control, t: Omit<CaseTable, 'control'>): CaseTable {
  return { control, ...t };
}

/** Scan one template text with the given controls; throws if the template has errors. */
export function scanText(text: string, controls: Control[], params: Record<string, string> = {}, file = 'case.yaml'): Finding[] {
  const l = loadText(text, file, true, { params });
  if (!l.template || !l.source) throw new Error('case is not a template');
  return evaluateCase(l.template, l.source, controls, params, 'case template');
}

/** Scan one Terraform configuration (`main.tf`) with the given controls; throws if it has errors. */
export function scanTerraform(text: string, controls: Control[], params: Record<string, string> = {}): Finding[] {
  const { template, source } = terraformTextUnit(text, 'main.tf', params);
  return evaluateCase(template, source, controls, params, 'Terraform case');
}

function evaluateCase(template: Template, source: SourceInfo, controls: Control[], params: Record<string, string>, what: string): Finding[] {
  if (source.errors.length) throw new Error(`${what} has errors: ${source.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}`);
  return evaluate([template], [source], { controls, params, today: '2026-01-01' }).findings;
}

/** Check a case: returns a problem description, or undefined when it behaves as expected. */
export function checkCase(control: Control, c: Case, expected: Expected): string | undefined {
  const tc = typeof c === 'string' ? { template: c } : c;
  const scan = tc.format === 'terraform' ? scanTerraform : scanText;
  const findings = scan(tc.template, [control], tc.params ?? {}).filter((f) => f.controlId === control.id);
  const statuses = findings.map((f) => f.status);
  const show = () => findings.map((f) => `${f.resource.id}: ${f.status} — ${f.message}`).join('\n  ') || '(no findings)';
  if (!statuses.includes(expected)) return `expected a ${expected} finding, got:\n  ${show()}`;
  if (expected === 'pass' && statuses.some((s) => s === 'fail' || s === 'unknown')) return `expected only passes, got:\n  ${show()}`;
  if (expected === 'unknown' && statuses.includes('fail')) return `expected unknown without fail, got:\n  ${show()}`;
  const marked = markedLines(tc.template);
  for (const f of findings) {
    if (!(f.location.line > 0)) return `finding on ${f.resource.id} has no location`;
    // A case marks the line that decides (`# <--`): the finding must point at it, not just somewhere.
    if (marked.length && f.status === expected && !marked.includes(f.location.line)) {
      return `${f.status} finding on ${f.resource.id} is located at line ${f.location.line}, the case marks line(s) ${marked.join(', ')} as deciding`;
    }
    if (f.status !== 'not_applicable' && f.evidence.length === 0) return `${f.status} finding on ${f.resource.id} carries no evidence`;
    if (f.status === 'unknown' && !/param|condition|deploy|unknown|known/i.test(f.message)) return `unknown finding on ${f.resource.id} does not say what it depends on: ${f.message}`;
  }
  return undefined;
}

/** The 1-based lines a case marks with `# <--` as the ones a finding must point at. */
export function markedLines(text: string): number[] {
  const out: number[] = [];
  text.split('\n').forEach((l, i) => { if (/#\s*<--/.test(l)) out.push(i + 1); });
  return out;
}
