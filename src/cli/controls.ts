import { one, parseArgs, UsageError } from './args.js';
import { CONTROLS } from '../controls/index.js';
import { frameworksFor, FRAMEWORKS } from '../frameworks/index.js';
import { DOMAINS } from '../model/types.js';

export const CONTROLS_HELP = `Usage: attest controls [--format text|json] [--domain DOMAIN]

Lists the control catalog: id, severity, domain, title, the resource types each control
evaluates, the equivalent Checkov / Trivy / cfn_nag / cdk-nag / cfn-guard ids, and the
framework requirements it maps to (--format json).

Domains: ${DOMAINS.map((d) => d.id).join(', ')}
`;

export function runControls(argv: string[]): number {
  const a = parseArgs(argv, { format: true, domain: true, help: false }, { f: 'format', h: 'help' });
  if (a.flags.has('help')) { process.stdout.write(CONTROLS_HELP); return 0; }
  const format = one(a, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json; got ${JSON.stringify(format)}`);
  const domain = one(a, 'domain');
  if (domain && !DOMAINS.some((d) => d.id === domain)) throw new UsageError(`unknown domain ${JSON.stringify(domain)}; domains are ${DOMAINS.map((d) => d.id).join(', ')}`);
  const list = CONTROLS.filter((c) => !domain || c.domain === domain);
  if (format === 'json') {
    const out = {
      controls: list.map((c) => ({
        id: c.id, title: c.title, domain: c.domain, severity: c.severity, resourceTypes: c.resourceTypes,
        rationale: c.rationale, remediation: c.remediation, ...(c.remediationTerraform ? { remediationTerraform: c.remediationTerraform } : {}),
        references: { checkov: c.references.checkov ?? [], trivy: c.references.trivy ?? [], cfn_nag: c.references.cfn_nag ?? [], cdk_nag: c.references.cdk_nag ?? [], guard: c.references.guard ?? [] },
        frameworks: frameworksFor(c.id),
      })),
      frameworks: FRAMEWORKS,
    };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return 0;
  }
  const lines = [`${list.length} controls`, ''];
  for (const d of DOMAINS) {
    const cs = list.filter((c) => c.domain === d.id);
    if (!cs.length) continue;
    lines.push(`${d.title} (${cs.length})`);
    for (const c of cs) lines.push(`  ${c.id.padEnd(15)} ${c.severity.padEnd(8)} ${c.title}`);
    lines.push('');
  }
  process.stdout.write(lines.join('\n'));
  return 0;
}
