import { decide, defineControl, evidenceAt } from '../api.js';
import { asString } from '../../model/value.js';
import { lbType } from './elbCommon.js';

export default defineControl({
  id: 'AT-WAF-001',
  title: 'Internet-facing application load balancers are protected by AWS WAF',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  rationale: 'An internet-facing ALB without a web ACL passes every request, including injection payloads and bot floods, straight to the application.',
  remediation: 'Declare an AWS::WAFv2::WebACLAssociation with ResourceArn !Ref <LoadBalancer> and a REGIONAL web ACL (for example with the AWS managed common rule set).',
  remediationTerraform: 'Declare an aws_wafv2_web_acl_association with resource_arn set to the aws_lb\'s arn and web_acl_arn naming a REGIONAL aws_wafv2_web_acl (for example with the AWS managed common rule set).',
  references: {},
  evaluate(r) {
    if (lbType(r) !== 'application') return r.notApplicable('not an application load balancer');
    const scheme = r.get('Scheme');
    const pub = decide(scheme, (v) => (v && v.k === 'unknown' ? { unknown: v } : (asString(v) ?? 'internet-facing') === 'internet-facing'));
    if (pub === false) return r.notApplicable('internal load balancer');
    const assocs = ['AWS::WAFv2::WebACLAssociation', 'AWS::WAFRegional::WebACLAssociation']
      .flatMap((t) => r.graph.referrers(r.resource, t))
      .filter((a) => r.graph.target(a, a.properties.props.get('ResourceArn')) === r.resource);
    if (assocs.length) {
      const a = assocs[0];
      const at = a.properties.keyLocs.get('ResourceArn') ?? a.loc;
      return r.pass(`web ACL association ${a.id} protects the load balancer`, at, [evidenceAt('Properties.ResourceArn', a.properties.props.get('ResourceArn'), at, `association ${a.id}`)]);
    }
    if (pub !== true) return r.unknown('no web ACL association is declared, and whether the load balancer is internet-facing is not known', pub.unknown, r.locate('Scheme'), [r.evidence('Scheme')]);
    const at = r.locate('Scheme');
    return r.fail('internet-facing load balancer has no AWS::WAFv2::WebACLAssociation in the scanned templates (one made elsewhere would not be seen)', at,
      [evidenceAt('Properties.Scheme', scheme, at, scheme ? undefined : 'defaults to internet-facing')]);
  },
});
