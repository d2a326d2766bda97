import control from '../../../src/controls/audit/cloudTrailEncrypted.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Key:
    Type: AWS::KMS::Key
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      KMSKeyId: !Ref Key`,
    `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      KMSKeyId: alias/trail`,
  ],
  fail: [
    `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs`,
  ],
});
