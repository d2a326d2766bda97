import control from '../../../src/controls/audit/cloudTrailMultiRegion.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      IsMultiRegionTrail: true`,
    { name: 'parameter default "true"', template: `Parameters:
  Multi: { Type: String, Default: "true", AllowedValues: ["true", "false"] }
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      IsMultiRegionTrail: !Ref Multi` },
  ],
  fail: [
    `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs`,
    `{"Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "b", "IsMultiRegionTrail": false}}}}`,
  ],
  unknown: [
    { name: 'condition chooses', template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      IsMultiRegionTrail: !If [IsProd, true, false]` },
  ],
});
