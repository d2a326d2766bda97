import { decide, defineControl } from '../api.js';
import { asBool } from '../../model/value.js';
import { lbAttribute } from '../network/elbCommon.js';

export default defineControl({
  id: 'AT-ELB-006',
  title: 'Load balancers have deletion protection enabled',
  domain: 'resilience',
  severity: 'low',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  rationale: 'Deleting a load balancer takes the service offline and releases its DNS name; deletion protection guards against a mistaken stack change or console click.',
  remediation: 'Add LoadBalancerAttributes deletion_protection.enabled = "true".',
  remediationTerraform: 'Set enable_deletion_protection = true on the aws_lb; the provider leaves it off when unset.',
  references: { checkov: ['CKV_AWS_150'], guard: ['ELB_DELETION_PROTECTION_ENABLED'] },
  evaluate(r) {
    const a = lbAttribute(r, 'deletion_protection.enabled');
    const d = decide(a.value, (v) => (v && v.k === 'unknown' ? { unknown: v } : asBool(v) === true));
    if (d === true) return r.pass('deletion protection is enabled', a.at, [a.evidence]);
    if (d === false) return r.fail('deletion_protection.enabled is not "true"', a.at, [a.evidence]);
    return r.unknown('cannot tell whether deletion protection is enabled', d.unknown, a.at, [a.evidence]);
  },
});
