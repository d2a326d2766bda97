import control from '../../../src/controls/resilience/s3Versioning.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled
`,
    { name: "status from a parameter default", template: `Parameters:
  V: { Type: String, Default: Enabled, AllowedValues: [Enabled, Suspended] }
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: !Ref V
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
      VersioningConfiguration:
        Status: Suspended
`,
    { name: "parameter overridden to Suspended", params: {"V": "Suspended"}, template: `Parameters:
  V: { Type: String, Default: Enabled }
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: !Ref V
` },
  ],
  unknown: [
    { name: "AllowedValues without default", template: `Parameters:
  V: { Type: String, AllowedValues: [Enabled, Suspended] }
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: !Ref V
` },
  ],
});
