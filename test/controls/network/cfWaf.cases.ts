import control from '../../../src/controls/network/cfWaf.js';
import { cases } from '../../helpers/cases.js';

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
        WebACLId: !GetAtt Acl.Arn
        DefaultCacheBehavior: { TargetOriginId: o, ViewerProtocolPolicy: https-only }`,
  ],
  fail: [
    `{"Resources": {"D": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Enabled": true, "DefaultCacheBehavior": {"TargetOriginId": "o", "ViewerProtocolPolicy": "https-only"}}}}}}`,
  ],
});
