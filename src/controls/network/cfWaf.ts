import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';
import { DC } from './cfCommon.js';

export default defineControl({
  id: 'AT-CF-003',
  title: 'CloudFront distributions are protected by AWS WAF',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  rationale: 'A web ACL at the edge filters common exploits, bots and floods before they reach the origin; without one the application faces all internet traffic unfiltered.',
  remediation: 'Set DistributionConfig.WebACLId to the ARN of an AWS::WAFv2::WebACL with Scope CLOUDFRONT (created in us-east-1).',
  remediationTerraform: 'Set web_acl_id on the aws_cloudfront_distribution to the arn of an aws_wafv2_web_acl with scope = "CLOUDFRONT" (created in us-east-1).',
  references: { checkov: ['CKV_AWS_68'], trivy: ['AVD-AWS-0011'], cdk_nag: ['AwsSolutions-CFR2'] },
  evaluate(r) {
    return r.expect(`${DC}.WebACLId`, isPresent, {
      pass: 'a WAF web ACL is associated (WebACLId)',
      fail: 'WebACLId is not set: no WAF web ACL filters requests to this distribution',
      unknown: 'cannot tell whether a WAF web ACL is associated',
    });
  },
});
