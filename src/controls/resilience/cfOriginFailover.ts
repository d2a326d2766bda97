import { defineControl, evidenceAt, type Outcome } from '../api.js';
import { asString, prop } from '../../model/value.js';
import { behaviours, DC } from '../network/cfCommon.js';

export default defineControl({
  id: 'AT-CF-009',
  title: 'CloudFront distributions fail over to a second origin',
  domain: 'resilience',
  severity: 'low',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  rationale: 'With a single origin, every cache miss fails while that origin is down. An origin group routes requests to a secondary origin when the primary returns the listed error codes or cannot be reached, but only for the cache behaviours that target the group.',
  remediation: 'Declare DistributionConfig.OriginGroups with a group of two origins and FailoverCriteria, and point the default cache behaviour\'s TargetOriginId at the group.',
  remediationTerraform: 'Add an origin_group block with failover_criteria and two member blocks to the aws_cloudfront_distribution, and set target_origin_id of its default_cache_behavior to the group\'s origin_id.',
  references: { checkov: ['CKV_AWS_310'], guard: ['CLOUDFRONT_ORIGIN_FAILOVER_ENABLED'] },
  evaluate(r): Outcome {
    const path = `${DC}.OriginGroups.Items`;
    const groups = r.get(path);
    if (groups?.k === 'unknown') return r.unknown('the origin groups are not known', groups, r.locate(path), [r.evidence(path)]);
    const items = groups?.k === 'list' ? groups.items : [];
    if (!items.length) return r.fail('no origin group: requests fail whenever the single origin of each behaviour is unavailable', r.locate(`${DC}.OriginGroups`), [r.evidence(`${DC}.OriginGroups`, r.get(`${DC}.OriginGroups`), 'not set')]);
    const ids = new Set<string>();
    for (const g of items) {
      const id = g.k === 'unknown' ? g : prop(g, 'Id');
      if (id?.k === 'unknown') return r.unknown('an origin group id is not known', id, id.loc, [r.evidence(path)]);
      const s = asString(id);
      if (s) ids.add(s);
    }
    for (const b of behaviours(r)) {
      const t = prop(b.value, 'TargetOriginId');
      if (t?.k === 'unknown') return r.unknown(`the target origin of the ${b.label} is not known`, t, t.loc, [evidenceAt(`Properties.${b.path}.TargetOriginId`, t, t.loc)]);
      const s = asString(t);
      if (s && ids.has(s)) {
        const at = b.value.k === 'object' ? b.value.keyLocs.get('TargetOriginId') ?? b.value.loc : b.value.loc;
        return r.pass(`the ${b.label} targets origin group ${s}, which fails over to a second origin`, at, [evidenceAt(`Properties.${b.path}.TargetOriginId`, t, at), r.evidence(path)]);
      }
    }
    return r.fail(`origin group(s) ${[...ids].join(', ')} are declared but no cache behaviour targets them`, r.locate(path), [r.evidence(path)]);
  },
});
