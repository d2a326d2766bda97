// Format-neutral digests of a Report that several renderers print: the failing controls
// ranked, what the scan read but did not evaluate, and how a resource's type is named.
import type { Finding, Severity, Unevaluated } from '../model/types.js';
import type { ControlSummary, Report } from './model.js';

const SEVERITY_RANK: Record<Severity, number> = { critical: 5, high: 4, medium: 3, low: 2, info: 1 };

export interface FailingControl {
  id: string;
  title: string;
  severity: Severity;
  /** Failing findings of the control. */
  count: number;
  /** Distinct resources they are on. */
  resources: number;
  /** Of those findings, how many a baseline accepts (so only `count - accepted` are new). */
  accepted: number;
  remediation: string;
  remediationTerraform?: string;
  helpUri?: string;
  /** The fixes to show for these failures: one per vocabulary their resources are written in. */
  fixes: Fix[];
}

/** A remediation to print, labelled with the format it is written for when the control has several. */
export interface Fix {
  label?: 'CloudFormation' | 'Terraform';
  text: string;
}

/**
 * Is the resource written in the Terraform provider's schema (Terraform, a plan, Pulumi AWS
 * Classic), rather than CloudFormation's (templates, SAM, Pulumi AWS Native)? Told from the
 * type as written: the provider's snake_case `aws_…`, or Pulumi's `aws:module/type:Type`.
 */
export function terraformShaped(resource: Finding['resource']): boolean {
  const t = resource.sourceType;
  return t !== undefined && (/^aws_[a-z0-9_]+$/.test(t) || /^aws:[a-zA-Z0-9]+\/[a-zA-Z0-9]+:[A-Za-z0-9]+$/.test(t));
}

/**
 * The remediation for the failing findings of one control: the Terraform text for findings
 * on Terraform-shaped resources when the control has one, the CloudFormation text for the
 * rest; each labelled only when both appear.
 */
export function fixesFor(c: Pick<ControlSummary, 'remediation' | 'remediationTerraform'> | undefined, failing: readonly Finding[]): Fix[] {
  if (!c?.remediation || failing.length === 0) return [];
  const tf = c.remediationTerraform ? failing.some((f) => terraformShaped(f.resource)) : false;
  const cfn = !tf || failing.some((f) => !terraformShaped(f.resource));
  const out: Fix[] = [];
  if (cfn) out.push({ ...(tf ? { label: 'CloudFormation' as const } : {}), text: c.remediation });
  if (tf) out.push({ ...(cfn ? { label: 'Terraform' as const } : {}), text: c.remediationTerraform! });
  // A Terraform text alone still says which vocabulary it speaks when the report also holds CloudFormation failures elsewhere.
  if (tf && !cfn) out[0]!.label = 'Terraform';
  return out;
}

/**
 * Controls with failing findings, most severe first, then most failures, then by id: the
 * order in which fixing them lowers risk most, and stable from run to run.
 */
export function failingControls(r: Pick<Report, 'findings' | 'domains'>): FailingControl[] {
  const byId = new Map<string, Omit<FailingControl, 'fixes'> & { keys: Set<string>; failing: Finding[] }>();
  const catalog = controlIndex(r);
  for (const f of r.findings) {
    if (f.status !== 'fail') continue;
    let c = byId.get(f.controlId);
    if (!c) {
      const cs = catalog.get(f.controlId);
      c = { id: f.controlId, title: f.title, severity: f.severity, count: 0, resources: 0, accepted: 0, remediation: cs?.remediation ?? '', ...(cs?.remediationTerraform ? { remediationTerraform: cs.remediationTerraform } : {}), ...(cs?.helpUri ? { helpUri: cs.helpUri } : {}), keys: new Set(), failing: [] };
      byId.set(f.controlId, c);
    }
    c.count++;
    c.failing.push(f);
    if (f.baseline === 'unchanged') c.accepted++;
    c.keys.add(`${f.resource.file}\0${f.resource.id}`);
  }
  return [...byId.values()]
    .map(({ keys, failing, ...c }) => ({ ...c, resources: keys.size, fixes: fixesFor(c, failing) }))
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The remediation for one finding, in the vocabulary its resource is written in. */
export function fixText(c: Pick<ControlSummary, 'remediation' | 'remediationTerraform'> | undefined, f: Finding): string {
  return fixesFor(c, [f])[0]?.text ?? '';
}

/** The report's controls by id (the catalog's remediation and documentation page). */
export function controlIndex(r: Pick<Report, 'domains'>): Map<string, ControlSummary> {
  const m = new Map<string, ControlSummary>();
  for (const d of r.domains) for (const c of d.controls) m.set(c.id, c);
  return m;
}

/** Type of a finding's resource as the user wrote it, with the controls' type when they differ. */
export function typeText(resource: Finding['resource']): string {
  return resource.sourceType && resource.sourceType !== resource.type ? `${resource.sourceType} → ${resource.type}` : resource.type;
}

/**
 * The format a type that could not be translated was written in, told from the type's
 * shape alone (the report keeps no format per entry): Terraform names are snake_case with
 * a provider prefix, Pulumi tokens are `package:module:Type`.
 */
export function formatOfType(type: string): string | undefined {
  if (/^[a-z][a-z0-9]*_[a-z0-9_]+$/.test(type)) return 'Terraform';
  if (/^[a-z][a-z0-9-]*:[^:\s]*:[A-Za-z][A-Za-z0-9]*$/.test(type)) return 'Pulumi';
  return undefined;
}

export interface UnevaluatedGroup {
  /** `no-control`, or `not-translated` from one source format. */
  reason: Unevaluated['reason'];
  format?: string;
  heading: string;
  entries: { label: string; count: number }[];
  total: number;
}

/**
 * Unevaluated resources grouped for display: those no control evaluates, then those not
 * translated, one group per source format ("not translated from Terraform").
 */
export function unevaluatedGroups(list: readonly Unevaluated[]): UnevaluatedGroup[] {
  const groups: UnevaluatedGroup[] = [];
  const group = (reason: Unevaluated['reason'], format: string | undefined): UnevaluatedGroup => {
    let g = groups.find((x) => x.reason === reason && x.format === format);
    if (!g) {
      const heading = reason === 'no-control' ? 'Resources no control evaluates' : `Not translated from ${format ?? 'their source format'}`;
      g = { reason, ...(format ? { format } : {}), heading, entries: [], total: 0 };
      groups.push(g);
    }
    return g;
  };
  const sorted = [...list].sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  for (const u of sorted) {
    const g = u.reason === 'no-control' ? group('no-control', undefined) : group('not-translated', formatOfType(u.sourceType ?? u.type));
    const label = u.reason === 'no-control' && u.sourceType && u.sourceType !== u.type ? `${u.type} (${u.sourceType})` : u.type;
    g.entries.push({ label, count: u.count });
    g.total += u.count;
  }
  // no-control first, then the formats alphabetically: the same report always reads the same.
  return groups.sort((a, b) => (a.reason === b.reason ? (a.format ?? '').localeCompare(b.format ?? '') : a.reason === 'no-control' ? -1 : 1));
}

/** The evidence's property as written in its source format, for the finding's deciding location. */
export function originAt(f: Pick<Finding, 'evidence' | 'location'>): string | undefined {
  const at = f.evidence.find((e) => e.origin && e.file === f.location.file && e.line === f.location.line);
  return (at ?? f.evidence.find((e) => e.origin))?.origin;
}
