import { defineControl, evidenceAt } from '../api.js';
import { asList, asString, prop } from '../../model/value.js';

const TYPES = ['ApiCallRateInsight', 'ApiErrorRateInsight'];

export default defineControl({
  id: 'AT-CT-009',
  title: 'CloudTrail trails have Insights enabled',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  rationale: 'CloudTrail Insights learns the account\'s normal rate of write API calls and errors and records an event when it changes sharply, which is how runaway automation or an attacker\'s bulk actions show up.',
  remediation: 'Set InsightSelectors [{InsightType: ApiCallRateInsight}, {InsightType: ApiErrorRateInsight}].',
  remediationTerraform: 'Add insight_selector { insight_type = "ApiCallRateInsight" } and insight_selector { insight_type = "ApiErrorRateInsight" } to the aws_cloudtrail.',
  references: {},
  evaluate(r) {
    const list = r.get('InsightSelectors');
    const at = r.locate('InsightSelectors');
    const ev = [r.evidence('InsightSelectors', list, list === undefined ? 'not set' : undefined)];
    if (list?.k === 'unknown') return r.unknown('the insight selectors depend on a value not known statically', list, at, ev);
    for (const [i, sel] of (asList(list) ?? []).entries()) {
      const t = prop(sel, 'InsightType');
      const tAt = sel.k === 'object' ? sel.keyLocs.get('InsightType') ?? sel.loc : sel.loc;
      if (t?.k === 'unknown' || sel.k === 'unknown') return r.unknown('the insight type depends on a value not known statically', (t?.k === 'unknown' ? t : sel) as Parameters<typeof r.unknown>[1], tAt, ev);
      if (TYPES.includes(asString(t) ?? '')) return r.pass(`Insights are enabled (${asString(t)})`, tAt, [evidenceAt(`Properties.InsightSelectors.${i}.InsightType`, t, tAt)]);
    }
    return r.fail('the trail has no Insights selector', at, ev);
  },
});
