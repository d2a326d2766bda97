import { defineControl, evidenceAt } from '../api.js';
import type { Loc, Value } from '../../model/types.js';
import { asList, asString, prop } from '../../model/value.js';

const SCANS = ['SCAN_ON_PUSH', 'CONTINUOUS_SCAN'];

export default defineControl({
  id: 'AT-ECR-006',
  title: 'The ECR registry scans images of every repository on push or continuously',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::ECR::RegistryScanningConfiguration'],
  rationale: 'A registry scanning rule applies to repositories created later too, so no repository is left unscanned because its own settings were forgotten. A rule counts only when its repository filter is the wildcard "*" and it scans on push or continuously.',
  remediation: 'Add a Rules entry with ScanFrequency: SCAN_ON_PUSH (or CONTINUOUS_SCAN with ScanType: ENHANCED) and RepositoryFilters [{Filter: "*", FilterType: WILDCARD}].',
  remediationTerraform: 'Add rule { scan_frequency = "SCAN_ON_PUSH" (or "CONTINUOUS_SCAN" with scan_type = "ENHANCED"), repository_filter { filter = "*", filter_type = "WILDCARD" } } to the aws_ecr_registry_scanning_configuration.',
  references: {},
  evaluate(r) {
    const rules = r.get('Rules');
    const at = r.locate('Rules');
    const ev = [r.evidence('ScanType'), r.evidence('Rules', rules, rules === undefined ? 'not set' : undefined)];
    if (rules?.k === 'unknown') return r.unknown('the scanning rules depend on a value not known statically', rules, at, ev);
    let pending: { u: Value & { k: 'unknown' }; at: Loc } | undefined;
    for (const [i, rule] of (asList(rules) ?? []).entries()) {
      if (rule.k === 'unknown') { pending ??= { u: rule, at: rule.loc }; continue; }
      const freq = prop(rule, 'ScanFrequency');
      const fAt = rule.k === 'object' ? rule.keyLocs.get('ScanFrequency') ?? rule.loc : rule.loc;
      if (freq?.k === 'unknown') { pending ??= { u: freq, at: fAt }; continue; }
      if (!SCANS.includes(asString(freq) ?? '')) continue;
      const filters = prop(rule, 'RepositoryFilters');
      if (filters?.k === 'unknown') { pending ??= { u: filters, at: filters.loc }; continue; }
      const all = (asList(filters) ?? []).some((f) => asString(prop(f, 'Filter')) === '*');
      const u = (asList(filters) ?? []).map((f) => prop(f, 'Filter')).find((v) => v?.k === 'unknown');
      if (all) return r.pass(`rule ${i} scans every repository (${asString(freq)})`, fAt, [evidenceAt(`Properties.Rules.${i}`, rule, rule.loc)]);
      if (u && u.k === 'unknown') pending ??= { u, at: u.loc };
    }
    if (pending) return r.unknown('whether every repository is scanned depends on a value not known statically', pending.u, pending.at, ev);
    return r.fail('no registry scanning rule scans every repository ("*") on push or continuously', at, ev);
  },
});
