// A scan unit read from Terraform-shaped input (a root module with the modules it calls, a
// plan, a Pulumi stack) as a model Template: its resources translated into the controls'
// vocabulary, those without a translation kept aside to be counted, never dropped.
import type { ObjectValue, ParameterInfo, Resource, SourceError, SourceFormat, SourceInfo, Template, Value } from '../../model/types.js';
import { translate, type TranslateNote } from './translate/index.js';
import type { TfResource } from './types.js';

export interface UnitInput {
  /** The unit's name in reports: a module folder, a plan or state file. */
  file: string;
  format: SourceFormat;
  /** Every file the unit was read from. */
  files: string[];
  resources: TfResource[];
  /** Resources already in the controls' vocabulary (Pulumi AWS Native). */
  native?: Resource[];
  parameters?: ParameterInfo[];
  errors: SourceError[];
  /** What was read but could not be evaluated faithfully (a remote module, an unresolvable owner). */
  notes?: TranslateNote[];
}

/**
 * The unit's resource count is what the input declares (split Terraform resources counted
 * one by one, data sources not), not what translation made of it: merging attachments into
 * their owner and splitting inline rules out of a security group must not change the figure.
 */
export function unitTemplate(u: UnitInput): { template: Template; source: SourceInfo } {
  const t = translate(u.resources);
  const resources = new Map<string, Resource>();
  for (const r of [...t.resources, ...(u.native ?? [])]) resources.set(r.id, r);
  const warnings = [...(u.notes ?? []), ...t.notes];
  const template: Template = {
    file: u.file,
    format: u.format,
    transform: [],
    parameters: new Map((u.parameters ?? []).map((p) => [p.name, p])),
    conditions: new Map(),
    resources,
    outputs: new Map<string, { loc: ObjectValue['loc']; exportName?: string; value: Value }>(),
    conditionals: [],
    imports: [],
    errors: u.errors,
    files: u.files,
    untranslated: t.untranslated.map((r) => ({ type: r.type, id: r.address, loc: r.loc })),
  };
  const source: SourceInfo = { file: u.file, format: u.format, resources: u.resources.filter((r) => r.mode === 'managed').length + (u.native?.length ?? 0), errors: u.errors };
  if (warnings.length) source.warnings = warnings.map((w) => ({ file: w.file, line: w.line, column: w.column, message: w.message }));
  return { template, source };
}
