import control from '../../../src/controls/data-protection/s3AccessLogging.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration:
        DestinationBucketName: !Sub 'central-logs-\${AWS::AccountId}'
        LogFilePrefix: data/
`,
    { name: 'the log destination bucket itself is exempt', template: `Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration:
        DestinationBucketName: !Ref AccessLogs
        LogFilePrefix: data/
  AccessLogs:
    Type: AWS::S3::Bucket
    Properties:
      OwnershipControls: { Rules: [{ ObjectOwnership: BucketOwnerEnforced }] }
` },
  ],
  not_applicable: [
    { name: 'legacy LogDeliveryWrite log bucket', template: `Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: LogDeliveryWrite
` },
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::S3::Bucket
`,
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: { Status: Enabled }
`,
  ],
  unknown: [
    { name: "logging only under an undecidable condition", template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration: !If [IsProd, {DestinationBucketName: logs}, !Ref AWS::NoValue]
` },
  ],
});
