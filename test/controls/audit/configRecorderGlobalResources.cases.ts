import control from '../../../src/controls/audit/configRecorderGlobalResources.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config
      RecordingGroup:
        AllSupported: true
        IncludeGlobalResourceTypes: true # <--`,
    tf(`resource "aws_config_configuration_recorder" "main" {
  name     = "default"
  role_arn = "arn:aws:iam::111122223333:role/aws-config"

  recording_group {
    all_supported                 = true
    include_global_resource_types = true # <--
  }
}
`),
  ],
  fail: [
    `Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config
      RecordingGroup: # <--
        AllSupported: true`,
    `Resources:
  Recorder: # <--
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config`,
    tf(`resource "aws_config_configuration_recorder" "main" { # <--
  name     = "default"
  role_arn = "arn:aws:iam::111122223333:role/aws-config"
}
`, { name: 'no recording group' }),
    tf(`resource "aws_config_configuration_recorder" "main" {
  name     = "default"
  role_arn = "arn:aws:iam::111122223333:role/aws-config"

  recording_group {
    all_supported                 = true
    include_global_resource_types = false # <--
  }
}
`),
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
        IncludeGlobalResourceTypes: !If [IsHome, true, false] # <--`,
    tf(`variable "home_region" {
  type = string
}

data "aws_region" "current" {}

resource "aws_config_configuration_recorder" "main" {
  name     = "default"
  role_arn = "arn:aws:iam::111122223333:role/aws-config"

  recording_group {
    all_supported                 = true
    include_global_resource_types = data.aws_region.current.name == var.home_region # <--
  }
}
`, { name: 'global types recorded in the home region only' }),
  ],
});
