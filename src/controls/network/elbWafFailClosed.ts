import { decide, defineControl, type Outcome } from '../api.js';
import { asBool } from '../../model/value.js';
import { lbAttribute, lbType } from './elbCommon.js';

export default defineControl({
  id: 'AT-ELB-012',
  title: 'Application load balancers do not forward requests when AWS WAF cannot inspect them',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  rationale: 'With WAF fail open enabled, the load balancer forwards requests to targets whenever it cannot reach AWS WAF, so the web ACL\'s protection disappears exactly when WAF is overloaded or unreachable, a condition an attacker can try to provoke.',
  remediation: 'Leave LoadBalancerAttributes waf.fail_open.enabled unset or "false".',
  remediationTerraform: 'Leave enable_waf_fail_open on the aws_lb unset or false (the default).',
  references: {},
  evaluate(r): Outcome {
    const t = lbType(r);
    if (t !== 'application') {
      const tv = r.get('Type');
      if (tv && tv.k === 'unknown') return r.unknown('cannot tell whether this is an application load balancer', tv, r.locate('Type'), [r.evidence('Type')]);
      return r.notApplicable(`${t} load balancers are not associated with AWS WAF`);
    }
    const a = lbAttribute(r, 'waf.fail_open.enabled');
    const d = decide(a.value, (v) => (v && v.k === 'unknown' ? { unknown: v } : asBool(v) !== true));
    if (d === true) return r.pass('requests are not forwarded when AWS WAF cannot inspect them (waf.fail_open.enabled is false, the default)', a.at, [a.evidence]);
    if (d === false) return r.fail('waf.fail_open.enabled is true: requests reach targets uninspected whenever the load balancer cannot reach AWS WAF', a.at, [a.evidence]);
    return r.unknown('WAF fail open depends on a deploy-time value', d.unknown, a.at, [a.evidence]);
  },
});
