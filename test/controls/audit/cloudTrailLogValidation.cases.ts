import control from '../../../src/controls/audit/cloudTrailLogValidation.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      EnableLogFileValidation: "true"`,
  ],
  fail: [
    `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs`,
  ],
  unknown: [
    `Parameters:
  Validate: { Type: String }
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      EnableLogFileValidation: !Ref Validate`,
  ],
});
