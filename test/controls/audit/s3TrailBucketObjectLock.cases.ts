import control from '../../../src/controls/audit/s3TrailBucketObjectLock.js';
import { cases } from '../../helpers/cases.js';

const trail = (bucket: string) => `  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      IsMultiRegionTrail: true
      S3BucketName: ${bucket}
`;

export default cases(control, {
  pass: [
    { name: 'compliance-mode default retention', template: `Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      ObjectLockEnabled: true
      ObjectLockConfiguration:
        ObjectLockEnabled: Enabled
        Rule:
          DefaultRetention: # <--
            Mode: COMPLIANCE
            Days: 365
${trail('!Ref Logs')}` },
  ],
  fail: [
    { name: 'trail bucket without Object Lock', template: `Resources:
  Logs: # <--
    Type: AWS::S3::Bucket
    Properties:
      BucketName: org-trail-logs
${trail('org-trail-logs')}` },
    { name: 'Object Lock without a default retention', template: `Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      ObjectLockEnabled: true
      ObjectLockConfiguration: # <--
        ObjectLockEnabled: Enabled
${trail('!Ref Logs')}` },
  ],
  unknown: [
    { name: 'trail writing to a bucket outside the scanned templates', template: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: central-audit-logs # <--
` },
  ],
});
