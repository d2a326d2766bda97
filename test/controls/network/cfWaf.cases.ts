import control from '../../../src/controls/network/cfWaf.js';
import { cases, tf } from '../../helpers/cases.js';
import { tfDistribution } from '../builders/cloudfront.js';

export default cases(control, {
  pass: [
    `Resources:
  Acl:
    Type: AWS::WAFv2::WebACL
    Properties: { Scope: CLOUDFRONT, DefaultAction: { Allow: {} }, VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: acl } }
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        WebACLId: !GetAtt Acl.Arn # <--
        DefaultCacheBehavior: { TargetOriginId: o, ViewerProtocolPolicy: https-only }
`,
    tf(tfDistribution({
      extra: '  web_acl_id = aws_wafv2_web_acl.cdn.arn # <--',
      after: `
resource "aws_wafv2_web_acl" "cdn" {
  name  = "cdn"
  scope = "CLOUDFRONT"

  default_action {
    allow {}
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "cdn"
    sampled_requests_enabled   = true
  }
}
`,
    })),
  ],
  fail: [
    `{"Resources": {"D": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Enabled": true, "DefaultCacheBehavior": {"TargetOriginId": "o", "ViewerProtocolPolicy": "https-only"}}}}}}`,
    `Resources:
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig: # <--
        Enabled: true
        DefaultCacheBehavior: { TargetOriginId: o, ViewerProtocolPolicy: https-only }
`,
    tf(tfDistribution({ mark: true }), { name: 'no web_acl_id' }),
  ],
  unknown: [
    tf(tfDistribution({
      before: 'variable "web_acl_arn" {\n  type = string\n}\n\n',
      extra: '  web_acl_id = var.web_acl_arn # <--',
    }), { name: 'web ACL from a variable without a value' }),
  ],
});
