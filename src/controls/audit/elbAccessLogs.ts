import { decide, defineControl } from '../api.js';
import { asBool } from '../../model/value.js';
import { lbAttribute, lbType } from '../network/elbCommon.js';

export default defineControl({
  id: 'AT-ELB-004',
  title: 'Load balancers write access logs',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  rationale: 'Access logs record every request the load balancer handled, with client address and response; they are needed to investigate attacks against the application.',
  remediation: 'Add LoadBalancerAttributes access_logs.s3.enabled = "true" and access_logs.s3.bucket = <log bucket>.',
  remediationTerraform: 'Add access_logs { bucket = <log bucket>, enabled = true } to the aws_lb.',
  references: { checkov: ['CKV_AWS_91'], cfn_nag: ['W52'], cdk_nag: ['AwsSolutions-ELB2'], guard: ['ELBV2_ACCESS_LOGGING_RULE'] },
  evaluate(r) {
    const t = lbType(r);
    if (t === 'gateway') return r.notApplicable('Gateway Load Balancers have no access logs');
    const a = lbAttribute(r, 'access_logs.s3.enabled');
    const d = decide(a.value, (v) => (v && v.k === 'unknown' ? { unknown: v } : asBool(v) === true));
    if (d === true) return r.pass('access logs are enabled (access_logs.s3.enabled is true)', a.at, [a.evidence]);
    if (d === false) return r.fail('access logs are not enabled: access_logs.s3.enabled is not "true" in LoadBalancerAttributes', a.at, [a.evidence]);
    return r.unknown('cannot tell whether access logs are enabled', d.unknown, a.at, [a.evidence]);
  },
});
