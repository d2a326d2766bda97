import control from '../../../src/controls/audit/configRecorderAllResources.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config
      RecordingGroup:
        AllSupported: true # <--
        IncludeGlobalResourceTypes: true`,
    `Resources:
  Recorder: # <--
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config`,
    `Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config
      RecordingGroup:
        RecordingStrategy: { UseOnly: ALL_SUPPORTED_RESOURCE_TYPES } # <--`,
    tf(`resource "aws_config_configuration_recorder" "main" {
  name     = "default"
  role_arn = aws_iam_role.config.arn

  recording_group {
    all_supported                 = true # <--
    include_global_resource_types = true
  }
}

resource "aws_iam_role" "config" {
  name               = "aws-config"
  assume_role_policy = "{}"
}
`),
    tf(`resource "aws_config_configuration_recorder" "main" { # <--
  name     = "default"
  role_arn = "arn:aws:iam::111122223333:role/aws-config"
}
`, { name: 'no recording group' }),
    tf(`resource "aws_config_configuration_recorder" "main" {
  name     = "default"
  role_arn = "arn:aws:iam::111122223333:role/aws-config"

  recording_group { # <--
    include_global_resource_types = true
  }
}
`, { name: 'recording group without all_supported: the provider sends true' }),
  ],
  fail: [
    `Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config
      RecordingGroup:
        AllSupported: false # <--
        ResourceTypes: [AWS::S3::Bucket]`,
    `Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config
      RecordingGroup:
        RecordingStrategy: { UseOnly: INCLUSION_BY_RESOURCE_TYPES } # <--
        ResourceTypes: [AWS::S3::Bucket]`,
    tf(`resource "aws_config_configuration_recorder" "main" {
  name     = "default"
  role_arn = "arn:aws:iam::111122223333:role/aws-config"

  recording_group {
    all_supported  = false # <--
    resource_types = ["AWS::S3::Bucket", "AWS::EC2::SecurityGroup"]
  }
}
`),
    tf(`resource "aws_config_configuration_recorder" "main" {
  name     = "default"
  role_arn = "arn:aws:iam::111122223333:role/aws-config"

  recording_group {
    all_supported = false
    recording_strategy {
      use_only = "INCLUSION_BY_RESOURCE_TYPES" # <--
    }
    resource_types = ["AWS::S3::Bucket"]
  }
}
`, { name: 'inclusion strategy' }),
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
        AllSupported: !Ref All # <--`,
    tf(`variable "record_all" {
  type = bool
}

resource "aws_config_configuration_recorder" "main" {
  name     = "default"
  role_arn = "arn:aws:iam::111122223333:role/aws-config"

  recording_group {
    all_supported = var.record_all # <--
  }
}
`),
  ],
});
