// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers.
import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../model/types.js';
import { DOMAINS } from '../model/types.js';
import type { Report } from './model.js';
import { joinChunks } from './chunks.js';
import { jsonChunks } from './json.js';
import { controlIndex, typeText } from './digest.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** GitHub's `security-severity` scale: critical >= 9.0, high 7.0-8.9, medium 4.0-6.9, low < 4.0. */
export const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

const pos = (n: number | undefined): number => (Number.isFinite(n) && (n as number) >= 1 ? Math.floor(n as number) : 1);

/** Artifact location: relative paths against %SRCROOT% (forward slashes, percent-encoded), absolute ones as file: URIs. */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const slashed = file.replace(/\\/g, '/');
  if (isAbsolute(file) || /^[A-Za-z]:\//.test(slashed)) return { uri: pathToFileURL(file).href };
  const rel = slashed.replace(/^(\.\/)+/, '');
  return { uri: rel.split('/').map((seg) => encodeURIComponent(seg)).join('/'), uriBaseId: '%SRCROOT%' };
}

/** Stable across edits that move lines: sha256 of control id, file and resource logical id. */
export function fingerprint(f: Pick<Finding, 'controlId' | 'resource'>): string {
  return createHash('sha256').update(`${f.controlId}\0${f.resource.file.replace(/\\/g, '/')}\0${f.resource.id}`).digest('hex');
}

const domainTitle = (id: string) => DOMAINS.find((d) => d.id === id)?.title ?? id;

function ruleName(title: string, id: string): string {
  const n = title.replace(/[^A-Za-z0-9 ]+/g, ' ').split(/\s+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return n || id.replace(/[^A-Za-z0-9]+/g, '');
}

function refLines(f: Finding): string[] {
  const out: string[] = [];
  const names: [keyof Finding['references'], string][] = [['checkov', 'Checkov'], ['trivy', 'Trivy'], ['cfn_nag', 'cfn_nag'], ['cdk_nag', 'cdk-nag']];
  for (const [k, label] of names) if (f.references[k].length) out.push(`${label}: ${f.references[k].join(', ')}`);
  return out;
}

function frameworkLines(f: Finding, r: Report): string[] {
  return Object.entries(f.frameworks).filter(([, ids]) => ids.length).map(([fw, ids]) => `${r.frameworks[fw]?.title ?? fw}: ${ids.join(', ')}`);
}

function rule(f: Finding, r: Report, fix: { remediation: string; remediationTerraform?: string; helpUri?: string } | undefined) {
  const refs = refLines(f);
  const cfnFix = fix?.remediation.trim() ?? '';
  const tfFix = fix?.remediationTerraform?.trim() ?? '';
  // A rule serves every result of the control, whatever format each resource is written in: both texts, labelled.
  const fixes: [string, string][] = tfFix && cfnFix ? [['Remediation (CloudFormation)', cfnFix], ['Remediation (Terraform)', tfFix]] : cfnFix ? [['Remediation', cfnFix]] : [];
  const fws = frameworkLines(f, r);
  const dt = domainTitle(f.domain);
  const text = [
    `${f.title} (${f.controlId}, ${f.severity}, ${dt}).`,
    ...fixes.flatMap(([label, t]) => ['', `${label}: ${t}`]),
    ...(fix?.helpUri ? ['', `Documentation: ${fix.helpUri}`] : []),
    ...(refs.length ? ['', 'Equivalent checks:', ...refs.map((l) => `- ${l}`)] : []),
    ...(fws.length ? ['', 'Framework mappings:', ...fws.map((l) => `- ${l}`)] : []),
    '', 'Each result names the resource, the deciding attribute and the evidence read from the template. Fix the attribute, or suppress the finding in the resource Metadata with a reason and an expiry date.',
  ].join('\n');
  const md = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1');
  const markdown = [
    `**${md(f.title)}** — \`${f.controlId}\`, severity **${f.severity}**, domain *${md(dt)}*.`,
    ...fixes.flatMap(([label, t]) => ['', `**${label}:** ${md(t)}`]),
    ...(fix?.helpUri ? ['', `[Documentation](${fix.helpUri.replace(/[()\s]/g, encodeURIComponent)})`] : []),
    ...(refs.length ? ['', '**Equivalent checks**', '', ...refs.map((l) => `- ${md(l)}`)] : []),
    ...(fws.length ? ['', '**Framework mappings**', '', ...fws.map((l) => `- ${md(l)}`)] : []),
    '', 'Each result names the resource, the deciding attribute and the evidence read from the template. Fix the attribute, or suppress the finding in the resource `Metadata` with a reason and an expiry date.',
  ].join('\n');
  return {
    id: f.controlId,
    name: ruleName(f.title, f.controlId),
    shortDescription: { text: f.title },
    fullDescription: { text: `${f.title}. Control ${f.controlId} in domain "${dt}", severity ${f.severity}.` },
    ...(fix?.helpUri ? { helpUri: fix.helpUri } : {}),
    help: { text, markdown },
    defaultConfiguration: { level: LEVEL[f.severity] },
    properties: {
      tags: [...new Set(['security', 'compliance', f.domain, ...Object.keys(f.frameworks)])],
      'security-severity': SECURITY_SEVERITY[f.severity],
      precision: 'high',
    },
  };
}

function location(file: string, line: number, column: number) {
  return { physicalLocation: { artifactLocation: artifactLocation(file), region: { startLine: pos(line), startColumn: pos(column) } } };
}

export function* renderSarifChunks(r: Report): Generator<string, void, undefined> {
  const ruleIndex = new Map<string, number>();
  const rules: ReturnType<typeof rule>[] = [];
  const byId = new Map<string, Finding>();
  for (const f of r.findings) if (!byId.has(f.controlId)) byId.set(f.controlId, f);
  const catalog = controlIndex(r);
  for (const id of [...byId.keys()].sort()) {
    ruleIndex.set(id, rules.length);
    rules.push(rule(byId.get(id)!, r, catalog.get(id)));
  }

  const seen = new Map<string, number>();
  const results = r.findings.filter((f) => f.status === 'fail' || f.status === 'unknown' || f.status === 'suppressed').map((f) => {
    const hash = fingerprint(f);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    const res: Record<string, unknown> = {
      ruleId: f.controlId,
      ruleIndex: ruleIndex.get(f.controlId)!,
      // `unknown` is reported as a note: SARIF requires level "none" for any kind other
      // than "fail", and GitHub ignores `kind`; the status is kept in properties.
      level: f.status === 'unknown' ? 'note' : LEVEL[f.severity],
      message: { text: messageText(f) },
      locations: [location(f.location.file, f.location.line, f.location.column)],
      partialFingerprints: { primaryLocationLineHash: `${hash}:${n}` },
      ...(f.baseline ? { baselineState: f.baseline } : {}),
      properties: {
        status: f.status,
        severity: f.severity,
        domain: f.domain,
        resource: f.resource,
        evidence: f.evidence,
        ...(f.dependsOn ? { dependsOn: f.dependsOn } : {}),
      },
    };
    if (f.status === 'suppressed' && f.suppression) {
      const s = f.suppression;
      res.suppressions = [{
        // SARIF's `external`: the suppression is kept outside the scanned file (the ignore file).
        kind: s.source === 'ignore-file' ? 'external' : 'inSource',
        status: 'accepted',
        justification: `${s.reason}${s.expires ? ` (expires ${s.expires})` : ''} [${s.source}]`,
        location: location(s.file, s.line, s.column),
      }];
    } else if (f.status === 'suppressed') {
      res.suppressions = [{ kind: 'inSource', status: 'accepted', justification: 'suppressed in source' }];
    }
    return res;
  });

  const notifications = r.sources.flatMap((s) => s.errors.map((e) => ({
    level: 'error',
    message: { text: e.message },
    locations: [location(e.file ?? s.file, e.line, e.column)],
  })));

  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Attest',
          version: r.tool.version,
          semanticVersion: r.tool.version,
          informationUri: r.tool.informationUri,
          rules,
        },
      },
      invocations: [{
        executionSuccessful: r.sources.every((s) => s.errors.length === 0),
        endTimeUtc: r.generatedAt,
        toolExecutionNotifications: notifications,
      }],
      originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The directory attest scan was run from.' } } },
      results,
      columnKind: 'utf16CodeUnits',
      properties: { attest: { schemaVersion: r.schemaVersion, generatedAt: r.generatedAt, summary: r.summary, disclaimer: r.disclaimer } },
    }],
  };
  yield* jsonChunks(sarif);
  yield '\n';
}

export const renderSarif = (r: Report): string => joinChunks(renderSarifChunks(r));

function messageText(f: Finding): string {
  const head = `${f.resource.id} (${typeText(f.resource)}): ${f.message}`;
  if (f.status === 'unknown') return `Cannot be decided from the template alone: ${head}${f.dependsOn?.length ? ` Depends on: ${f.dependsOn.join(', ')}.` : ''}`;
  if (f.status === 'suppressed' && f.suppression) return `${head} (suppressed: ${f.suppression.reason})`;
  return head;
}
