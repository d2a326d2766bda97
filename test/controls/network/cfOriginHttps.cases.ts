import control from '../../../src/controls/network/cfOriginHttps.js';
import { cases } from '../../helpers/cases.js';

const dist = (policy: string) => `Resources:
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - { Id: app, DomainName: app.example.com, CustomOriginConfig: { OriginProtocolPolicy: ${policy} } }
        DefaultCacheBehavior: { TargetOriginId: app, ViewerProtocolPolicy: https-only }`;

export default cases(control, {
  pass: [dist('https-only')],
  fail: [dist('http-only'), dist('match-viewer')],
  unknown: [{ name: 'policy parameter without default', template: `Parameters:
  P: { Type: String }
${dist('!Ref P')}` }],
  not_applicable: [
    `Resources:
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins: [{ Id: s3, DomainName: b.s3.amazonaws.com, S3OriginConfig: {} }]
        DefaultCacheBehavior: { TargetOriginId: s3, ViewerProtocolPolicy: https-only }`,
  ],
});
