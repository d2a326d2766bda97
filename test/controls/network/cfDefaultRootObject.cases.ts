import control from '../../../src/controls/network/cfDefaultRootObject.js';
import { cases, tf } from '../../helpers/cases.js';
import { tfDistribution } from '../builders/cloudfront.js';

export default cases(control, {
  pass: [
    `Resources:
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        DefaultRootObject: index.html # <--
        Origins: [{ Id: s3, DomainName: b.s3.amazonaws.com, S3OriginConfig: {} }]
        DefaultCacheBehavior: { TargetOriginId: s3, ViewerProtocolPolicy: https-only }
`,
    tf(tfDistribution({ extra: '  default_root_object = "index.html" # <--\n' }), { name: 'default_root_object set' }),
  ],
  fail: [
    `Resources:
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig: # <--
        Enabled: true
        Origins: [{ Id: s3, DomainName: b.s3.amazonaws.com, S3OriginConfig: {} }]
        DefaultCacheBehavior: { TargetOriginId: s3, ViewerProtocolPolicy: https-only }
`,
    tf(tfDistribution({ mark: true }), { name: 'no default_root_object' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Root: { Type: String }
Resources:
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        DefaultRootObject: !Ref Root # <--
        Origins: [{ Id: s3, DomainName: b.s3.amazonaws.com, S3OriginConfig: {} }]
        DefaultCacheBehavior: { TargetOriginId: s3, ViewerProtocolPolicy: https-only }
` },
  ],
});
