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
      ResourceArn: !Sub arn:aws:cloudfront::\${AWS::AccountId}:distribution/\${D}
  Dst:
    Type: AWS::Logs::DeliveryDestination
    Properties:
      Name: cf-logs
      DestinationResourceArn: arn:aws:s3:::my-log-bucket
  Del:
    Type: AWS::Logs::Delivery
    Properties:
      DeliverySourceName: !Ref Src
      DeliveryDestinationArn: !GetAtt Dst.Arn` },
    { name: 'v2 delivery naming the source by its literal name', template: `${base}
  Src:
    Type: AWS::Logs::DeliverySource
    Properties:
      Name: cf-src
      LogType: ACCESS_LOGS
      ResourceArn: !Sub arn:aws:cloudfront::\${AWS::AccountId}:distribution/\${D}
  Del:
    Type: AWS::Logs::Delivery
    Properties:
      DeliverySourceName: cf-src
      DeliveryDestinationArn: arn:aws:logs:us-east-1:111122223333:delivery-destination:cf` },
  ],
  fail: [base,
    { name: 'v2 delivery source without any delivery', template: `${base}
  Src:
    Type: AWS::Logs::DeliverySource
    Properties:
      Name: cf
      LogType: ACCESS_LOGS
      ResourceArn: !Sub arn:aws:cloudfront::\${AWS::AccountId}:distribution/\${D}` },
  ],
  unknown: [
    { name: 'bucket parameter without default', template: `Parameters:
  B: { Type: String }
${base}
        Logging: { Bucket: !Ref B }` },
  ],
});
