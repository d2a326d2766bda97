import { decide, defineControl, type Outcome } from '../api.js';
import { asString } from '../../model/value.js';
import { lbAttribute, lbType } from './elbCommon.js';

export default defineControl({
  id: 'AT-ELB-009',
  title: 'Application load balancers mitigate HTTP desync in defensive or strictest mode',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  rationale: 'Requests that the load balancer and a target could parse differently are the raw material of request smuggling. In monitor mode the load balancer forwards them all; defensive mode (the default) and strictest mode block the ambiguous ones.',
  remediation: 'Leave LoadBalancerAttributes routing.http.desync_mitigation_mode unset, or set it to defensive or strictest.',
  remediationTerraform: 'Leave desync_mitigation_mode on the aws_lb unset, or set it to "defensive" or "strictest".',
  references: { checkov: ['CKV_AWS_328'] },
  evaluate(r): Outcome {
    const t = lbType(r);
    if (t !== 'application') {
      const tv = r.get('Type');
      if (tv && tv.k === 'unknown') return r.unknown('cannot tell whether this is an application load balancer', tv, r.locate('Type'), [r.evidence('Type')]);
      return r.notApplicable(`${t} load balancers do not parse HTTP requests`);
    }
    const a = lbAttribute(r, 'routing.http.desync_mitigation_mode');
    const d = decide(a.value, (v) => (v && v.k === 'unknown' ? { unknown: v } : asString(v)?.toLowerCase() !== 'monitor'));
    if (d === true) return r.pass(a.value ? `desync mitigation mode is ${asString(a.value)}` : 'desync mitigation mode is not set: AWS applies defensive mode', a.at, [a.evidence]);
    if (d === false) return r.fail('desync mitigation mode is monitor: ambiguous requests that could be smuggled are forwarded to targets', a.at, [a.evidence]);
    return r.unknown('the desync mitigation mode depends on a deploy-time value', d.unknown, a.at, [a.evidence]);
  },
});
