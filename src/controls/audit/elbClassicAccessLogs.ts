import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-ELB-008',
  title: 'Classic load balancers write access logs',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer'],
  rationale: 'Access logs are the record of who called the service through the load balancer; without them attacks cannot be reconstructed.',
  remediation: 'Set AccessLoggingPolicy with Enabled: true and S3BucketName.',
  remediationTerraform: 'Add an access_logs block with bucket (and enabled left true) to the aws_elb.',
  references: { checkov: ['CKV_AWS_92'], cfn_nag: ['W26'], cdk_nag: ['AwsSolutions-ELB2'], guard: ['ELB_LOGGING_ENABLED'] },
  evaluate(r) {
    return r.expect('AccessLoggingPolicy.Enabled', isTrue, {
      pass: 'access logging is enabled',
      fail: 'AccessLoggingPolicy.Enabled is not true: requests are not logged',
      unknown: 'cannot tell whether access logging is enabled',
    }, 'not set: access logging is off');
  },
});
