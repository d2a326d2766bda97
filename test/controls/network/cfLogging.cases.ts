import control from '../../../src/controls/network/cfLogging.js';
import { cases } from '../../helpers/cases.js';

const base = `Resources:
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        DefaultCacheBehavior: { TargetOriginId: o, ViewerProtocolPolicy: https-only }`;

export default cases(control, {
  pass: [
    `${base}
        Logging: { Bucket: logs.s3.amazonaws.com, Prefix: cf/ }`,
    { name: 'standard logging v2 delivery source', template: `${base}
  Src:
    Type: AWS::Logs::DeliverySource
    Properties:
      Name: cf
      LogType: ACCESS_LOGS
      ResourceArn: !Sub arn:aws:cloudfront::\${AWS::AccountId}:distribution/\${D}` },
  ],
  fail: [base],
  unknown: [
    { name: 'bucket parameter without default', template: `Parameters:
  B: { Type: String }
${base}
        Logging: { Bucket: !Ref B }` },
  ],
});
