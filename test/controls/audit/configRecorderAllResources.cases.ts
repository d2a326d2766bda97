import control from '../../../src/controls/audit/configRecorderAllResources.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config
      RecordingGroup:
        AllSupported: true
        IncludeGlobalResourceTypes: true`,
    `Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config`,
  ],
  fail: [
    `Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config
      RecordingGroup:
        AllSupported: false
        ResourceTypes: [AWS::S3::Bucket]`,
    `Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config
      RecordingGroup:
        RecordingStrategy: { UseOnly: INCLUSION_BY_RESOURCE_TYPES }
        ResourceTypes: [AWS::S3::Bucket]`,
  ],
  unknown: [
    `Parameters:
  All: { Type: String }
Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config
      RecordingGroup:
        AllSupported: !Ref All`,
  ],
});
