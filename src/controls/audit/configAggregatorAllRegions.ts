import { defineControl, evidenceAt } from '../api.js';
import { asBool, asList, prop } from '../../model/value.js';

export default defineControl({
  id: 'AT-CFG-004',
  title: 'AWS Config aggregators collect data from all regions',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::Config::ConfigurationAggregator'],
  rationale: 'An aggregator limited to listed regions silently misses resources created in any other region, including regions an attacker chooses precisely because nobody looks there.',
  remediation: 'Set AllAwsRegions: true on every AccountAggregationSources entry or on OrganizationAggregationSource.',
  remediationTerraform: 'Set all_regions = true in every account_aggregation_source block, or in the organization_aggregation_source block, of the aws_config_configuration_aggregator.',
  references: { trivy: ['AVD-AWS-0019'] },
  evaluate(r) {
    const sources = [
      ...(asList(r.get('AccountAggregationSources')) ?? []).map((s, i) => ({ s, path: `AccountAggregationSources.${i}` })),
      ...(r.get('OrganizationAggregationSource') ? [{ s: r.get('OrganizationAggregationSource')!, path: 'OrganizationAggregationSource' }] : []),
    ];
    const whole = r.get('AccountAggregationSources');
    if (whole?.k === 'unknown') return r.unknown('the aggregation sources depend on a value not known statically', whole, r.locate('AccountAggregationSources'), [r.evidence('AccountAggregationSources', whole)]);
    if (sources.length === 0) return r.fail('the aggregator declares no aggregation source', r.resource.loc, [r.evidence('AccountAggregationSources')]);
    for (const { s, path } of sources) {
      const all = prop(s, 'AllAwsRegions');
      const at = s.k === 'object' ? s.keyLocs.get('AllAwsRegions') ?? s.loc : s.loc;
      const ev = [evidenceAt(`Properties.${path}.AllAwsRegions`, all, at, all === undefined ? 'not set: only the listed regions' : undefined)];
      if (all?.k === 'unknown' || s.k === 'unknown') return r.unknown('whether all regions are aggregated depends on a value not known statically', (all?.k === 'unknown' ? all : s) as Parameters<typeof r.unknown>[1], at, ev);
      if (asBool(all) !== true) return r.fail(`${path} aggregates listed regions only`, at, ev);
    }
    const first = sources[0]!;
    const at = first.s.k === 'object' ? first.s.keyLocs.get('AllAwsRegions') ?? first.s.loc : first.s.loc;
    return r.pass('every aggregation source covers all regions', at, sources.map(({ s, path }) => evidenceAt(`Properties.${path}.AllAwsRegions`, prop(s, 'AllAwsRegions'), s.loc)));
  },
});
