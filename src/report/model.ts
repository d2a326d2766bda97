import { createRequire } from 'node:module';
import type { DomainId, Finding, Severity, Skipped, SourceError, SourceInfo, Status, Unevaluated } from '../model/types.js';
import { DOMAINS, SEVERITIES } from '../model/types.js';
import type { Control } from '../controls/api.js';
import { FRAMEWORKS } from '../frameworks/index.js';
import { unavailableFacts } from '../facts/index.js';
import { originAt } from './digest.js';
import type { BaselineSummary } from './baseline.js';
import type { IgnoreSummary } from './ignore.js';

export const SCHEMA_VERSION = '1.2.0';
const pkg = createRequire(import.meta.url)('../../../package.json') as { version: string };
export const TOOL_VERSION = pkg.version;

export type StatusCounts = Record<Status, number>;

export interface ControlSummary {
  id: string;
  title: string;
  severity: Severity;
  /** Worst status over the resources it was evaluated on: fail > unknown > suppressed > pass > not_applicable. */
  status: Status | 'not_evaluated';
  counts: StatusCounts;
  /** How to fix a failing finding of this control (from the control catalog). */
  remediation: string;
  /** The same fix in Terraform's terms, when the control has one (schema 1.2.0). */
  remediationTerraform?: string;
  /** A page documenting the control, when the control names one (http or https only: renderers link it). */
  helpUri?: string;
}

/** A control as the report reads it: the catalog's, plus the documentation page some controls may name. */
export type ReportControl = Pick<Control, 'id' | 'title' | 'domain' | 'severity' | 'remediation' | 'remediationTerraform'> & { helpUri?: string };

/** An error or warning on a source; `file` only when it is not the source's own (a file of a Terraform module). */
type Position = Omit<SourceError, 'file'> & { file?: string };

export interface Gap {
  controlId: string;
  title: string;
  severity: Severity;
  status: 'fail' | 'unknown';
  message: string;
  resource: Finding['resource'];
  location: Finding['location'];
  /** The deciding property as written in a non-CloudFormation source (`aws_s3_bucket.logs.acl`). */
  origin?: string;
  /** As on the finding: `unchanged` when a baseline accepts this failure. */
  baseline?: 'new' | 'unchanged';
}

/**
 * A finding as reported. `baseline` is set only when the scan compared against a baseline:
 * `unchanged` when the baseline records this failing finding (accepted: it does not fail the
 * gate), `new` when it is a failing finding the baseline does not record.
 */
export type ReportFinding = Finding & { baseline?: 'new' | 'unchanged' };

export interface DomainSection {
  id: DomainId;
  title: string;
  /** What is configured (inventory), built from the templates. */
  facts: Record<string, unknown>;
  controls: ControlSummary[];
  gaps: Gap[];
  summary: StatusCounts;
}

export interface Report {
  schemaVersion: string;
  tool: { name: 'attest'; version: string; informationUri: string };
  generatedAt: string;
  disclaimer: string;
  scan: { paths: string[]; parameters: { name: string; source: 'override' }[]; failOn: Severity | 'none' };
  /** Every file (or unit) read; `warnings` (only when there are some) are what was read but not evaluated faithfully, without failing the run. */
  sources: { file: string; format: string; resources: number; errors: Position[]; warnings?: Position[] }[];
  /** Candidate files found while walking folders that were not scanned, with the reason, by file. */
  skipped: Skipped[];
  /** Resources no control evaluates, or whose source type has no translation, counted per type. */
  unevaluated: Unevaluated[];
  /** Present when the scan compared its failing findings with a baseline (--baseline). */
  baseline?: BaselineSummary;
  /** Present when ignore files were read: how many findings they suppressed, and the entries past their date. */
  ignores?: IgnoreSummary;
  domains: DomainSection[];
  findings: ReportFinding[];
  frameworks: Record<string, { title: string; source: string; version?: string }>;
  summary: {
    files: number;
    resources: number;
    controls: number;
    findings: number;
    byStatus: StatusCounts;
    failedBySeverity: Record<Severity, number>;
    sourceErrors: number;
    /** Warnings on the sources (read, but not evaluated faithfully; they do not fail the run). */
    sourceWarnings: number;
    /** What `attest scan` exits with for this report: 0 pass, 1 failing findings, unreadable input, or no file scanned (without --allow-empty). */
    exitCode: 0 | 1;
  };
}

export const emptyCounts = (): StatusCounts => ({ pass: 0, fail: 0, unknown: 0, not_applicable: 0, suppressed: 0 });
const RANK: Record<Status | 'not_evaluated', number> = { fail: 5, unknown: 4, suppressed: 3, pass: 2, not_applicable: 1, not_evaluated: 0 };

const SEVERITY_RANK: Record<Severity, number> = { critical: 5, high: 4, medium: 3, low: 2, info: 1 };

/** Does a failing finding of `sev` break a gate at `failOn`? */
export function atOrAbove(sev: Severity, failOn: Severity | 'none'): boolean {
  return failOn !== 'none' && SEVERITY_RANK[sev] >= SEVERITY_RANK[failOn];
}

export interface BuildInput {
  paths: string[];
  params: Record<string, string>;
  failOn: Severity | 'none';
  sources: SourceInfo[];
  skipped?: Skipped[];
  unevaluated?: Unevaluated[];
  /** The comparison with a baseline; the findings already carry `baseline`. */
  baseline?: BaselineSummary;
  ignores?: IgnoreSummary;
  /** A scan that finds no file passes instead of failing closed (`--allow-empty`). */
  allowEmpty?: boolean;
  findings: ReportFinding[];
  controls: ReportControl[];
  facts: Record<DomainId, Record<string, unknown>>;
  now?: Date;
}

export function buildReport(inp: BuildInput): Report {
  const byStatus = emptyCounts();
  const failedBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of inp.findings) {
    byStatus[f.status]++;
    if (f.status === 'fail') failedBySeverity[f.severity]++;
  }
  const sourceErrors = inp.sources.reduce((n, s) => n + s.errors.length, 0);
  // A failure the baseline records was accepted when the baseline was written: only new ones gate.
  const gateFail = inp.findings.some((f) => f.status === 'fail' && f.baseline !== 'unchanged' && atOrAbove(f.severity, inp.failOn));
  // Scanning the wrong folder (a typo, a Terraform-only repository) must not pass a gate.
  const nothingScanned = inp.sources.length === 0 && !inp.allowEmpty;
  // An inventory that could not be built is not an empty one: the report says so and fails.
  const factsMissing = unavailableFacts(inp.facts).length > 0;
  const domains: DomainSection[] = DOMAINS.map((d) => {
    const fs = inp.findings.filter((f) => f.domain === d.id);
    const summary = emptyCounts();
    fs.forEach((f) => summary[f.status]++);
    const controls = inp.controls.filter((c) => c.domain === d.id).map((c): ControlSummary => {
      const counts = emptyCounts();
      let status: ControlSummary['status'] = 'not_evaluated';
      for (const f of fs) if (f.controlId === c.id) {
        counts[f.status]++;
        if (RANK[f.status] > RANK[status]) status = f.status;
      }
      return { id: c.id, title: c.title, severity: c.severity, status, counts, remediation: c.remediation, ...(c.remediationTerraform ? { remediationTerraform: c.remediationTerraform } : {}), ...(c.helpUri && /^https?:\/\/\S+$/i.test(c.helpUri) ? { helpUri: c.helpUri } : {}) };
    });
    const gaps: Gap[] = fs
      .filter((f) => f.status === 'fail' || f.status === 'unknown')
      .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (a.status === 'fail' ? -1 : 1) - (b.status === 'fail' ? -1 : 1))
      .map((f) => {
        const origin = originAt(f);
        return { controlId: f.controlId, title: f.title, severity: f.severity, status: f.status as 'fail' | 'unknown', message: f.message, resource: f.resource, location: f.location, ...(origin ? { origin } : {}), ...(f.baseline ? { baseline: f.baseline } : {}) };
      });
    return { id: d.id, title: d.title, facts: inp.facts[d.id] ?? {}, controls, gaps, summary };
  });
  const usedFw = new Set(inp.findings.flatMap((f) => Object.keys(f.frameworks)));
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'attest', version: TOOL_VERSION, informationUri: 'https://www.npmjs.com/package/attest' },
    generatedAt: (inp.now ?? new Date()).toISOString(),
    disclaimer: 'Self-assessed from configuration by Attest. Every status is derived from the scanned files; a third-party audit is required for any certification.',
    scan: { paths: inp.paths, parameters: Object.keys(inp.params).sort().map((name) => ({ name, source: 'override' as const })), failOn: inp.failOn },
    sources: inp.sources.map((s) => ({ file: s.file, format: s.format, resources: s.resources, errors: s.errors.map((e) => position(s.file, e)), ...(s.warnings?.length ? { warnings: s.warnings.map((e) => position(s.file, e)) } : {}) })),
    skipped: [...(inp.skipped ?? [])].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    unevaluated: (inp.unevaluated ?? []).map((u) => ({ ...u })),
    ...(inp.baseline ? { baseline: { ...inp.baseline } } : {}),
    ...(inp.ignores ? { ignores: inp.ignores } : {}),
    domains,
    findings: inp.findings,
    frameworks: Object.fromEntries(Object.entries(FRAMEWORKS).filter(([k]) => usedFw.has(k))),
    summary: {
      files: inp.sources.length,
      resources: inp.sources.reduce((n, s) => n + s.resources, 0),
      controls: inp.controls.length,
      findings: inp.findings.length,
      byStatus,
      failedBySeverity,
      sourceErrors,
      sourceWarnings: inp.sources.reduce((n, s) => n + (s.warnings?.length ?? 0), 0),
      exitCode: gateFail || sourceErrors > 0 || nothingScanned || factsMissing ? 1 : 0,
    },
  };
}

const position = (file: string, e: SourceError): Position => ({ ...(e.file && e.file !== file ? { file: e.file } : {}), line: e.line, column: e.column, message: e.message });
