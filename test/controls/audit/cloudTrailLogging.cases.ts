import control from '../../../src/controls/audit/cloudTrailLogging.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs`,
  ],
  fail: [
    `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: false
      S3BucketName: logs`,
    { name: 'parameter overridden', params: { Log: 'false' }, template: `Parameters:
  Log: { Type: String, Default: "true" }
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: !Ref Log
      S3BucketName: logs` },
  ],
});
