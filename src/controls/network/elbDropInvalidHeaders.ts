import { decide, defineControl } from '../api.js';
import { asBool } from '../../model/value.js';
import { lbAttribute, lbType } from './elbCommon.js';

export default defineControl({
  id: 'AT-ELB-005',
  title: 'Application load balancers drop invalid HTTP header fields',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  rationale: 'Forwarding headers with invalid names lets attackers smuggle requests or confuse back ends that parse headers differently from the load balancer (HTTP desync).',
  remediation: 'Add LoadBalancerAttributes routing.http.drop_invalid_header_fields.enabled = "true".',
  remediationTerraform: 'Set drop_invalid_header_fields = true on the aws_lb; the provider leaves it off when unset.',
  references: { checkov: ['CKV_AWS_131'], trivy: ['AVD-AWS-0052'], guard: ['ALB_HTTP_DROP_INVALID_HEADER_ENABLED'] },
  evaluate(r) {
    const t = lbType(r);
    if (t !== 'application') {
      const tv = r.get('Type');
      if (tv && tv.k === 'unknown') return r.unknown('cannot tell whether this is an application load balancer', tv, r.locate('Type'), [r.evidence('Type')]);
      return r.notApplicable(`${t} load balancers do not parse HTTP headers`);
    }
    const a = lbAttribute(r, 'routing.http.drop_invalid_header_fields.enabled');
    const d = decide(a.value, (v) => (v && v.k === 'unknown' ? { unknown: v } : asBool(v) === true));
    if (d === true) return r.pass('invalid header fields are dropped', a.at, [a.evidence]);
    if (d === false) return r.fail('routing.http.drop_invalid_header_fields.enabled is not "true": headers with invalid names are forwarded to targets', a.at, [a.evidence]);
    return r.unknown('cannot tell whether invalid header fields are dropped', d.unknown, a.at, [a.evidence]);
  },
});
