import control from '../../../src/controls/audit/configRecorderGlobalResources.js';
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
  ],
  fail: [
    `Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config
      RecordingGroup:
        AllSupported: true`,
  ],
  unknown: [
    `Parameters:
  Region: { Type: String }
Conditions:
  IsHome: !Equals [!Ref Region, eu-west-1]
Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config
      RecordingGroup:
        AllSupported: true
        IncludeGlobalResourceTypes: !If [IsHome, true, false]`,
  ],
});
